fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        const _: () = {
            let __ecs_cpu: __ecs_p::u32 = __ecs_p::ConstSize(CPU).cpu_units();
            let __ecs_memory: __ecs_p::u32 = 512u32;
            match __ecs_p::ecs::rules::fargate_size(__ecs_cpu, __ecs_memory) {
                __ecs_p::Ok(()) => {}
                __ecs_p::Err(__ecs_p::ecs::rules::FargateSizeError::Cpu) => {
                    __ecs_p::panic!(
                        "{}", __ecs_p::ecs::rules::fargate_size_const_message(__ecs_cpu,
                        __ecs_p::ecs::rules::FargateSizeError::Cpu,
                        __ecs_p::ecs::rules::MemoryProperty::MemoryLimitMib,)
                    )
                }
                __ecs_p::Err(__ecs_p::ecs::rules::FargateSizeError::Memory) => {
                    __ecs_p::panic!(
                        "{}", __ecs_p::ecs::rules::fargate_size_const_message(__ecs_cpu,
                        __ecs_p::ecs::rules::FargateSizeError::Memory,
                        __ecs_p::ecs::rules::MemoryProperty::MemoryLimitMib,)
                    )
                }
            }
        };
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsItem0_0<__H> {
            __handle: __H,
        }
        impl<__H> __ecs_p::Deref for __EcsItem0_0<__H> {
            type Target = __H;
            fn deref(&self) -> &__H {
                &self.__handle
            }
        }
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsStack0<__H, T0> {
            __handle: __H,
            pub T: T0,
        }
        impl<__H, T0> __ecs_p::Deref for __EcsStack0<__H, T0> {
            type Target = __H;
            fn deref(&self) -> &__H {
                &self.__handle
            }
        }
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsHandles<T0> {
            pub S: T0,
        }
        #[allow(unused_mut)]
        let mut __ecs_app = __ecs_p::App::new();
        #[allow(unused_variables, non_snake_case)]
        let __ecs_result = (|| -> __ecs_p::Result<_, __ecs_p::Error> {
            let __ecs_stack = __ecs_app.add_stack("S")?;
            let __ecs_stack0 = __ecs_stack;
            let __ecs_props = <__ecs_p::ecs::task_definition::FargateTaskDefinitionProps as __ecs_p::Default>::default()
                .cpu(CPU)
                .memory_limit_mib(512);
            let __ecs_0_T = __ecs_p::ecs::task_definition::FargateTaskDefinition::new(
                &mut __ecs_app,
                __ecs_stack,
                "T",
                __ecs_props,
            )?;
            __ecs_p::Ok(__EcsHandles {
                S: __EcsStack0 {
                    __handle: __ecs_stack0,
                    T: __EcsItem0_0 {
                        __handle: __ecs_0_T,
                    },
                },
            })
        })();
        __ecs_p::Result::map(
            __ecs_result,
            |handles| __ecs_p::construct::Built {
                app: __ecs_app,
                handles,
            },
        )
    }
}
