fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
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
        struct __EcsItem0_1<__H> {
            __handle: __H,
        }
        impl<__H> __ecs_p::Deref for __EcsItem0_1<__H> {
            type Target = __H;
            fn deref(&self) -> &__H {
                &self.__handle
            }
        }
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsStack0<__H, T0, T1> {
            __handle: __H,
            pub my_cluster: T0,
            pub T: T1,
        }
        impl<__H, T0, T1> __ecs_p::Deref for __EcsStack0<__H, T0, T1> {
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
            let __ecs_props = <__ecs_p::ecs::cluster::ClusterProps as __ecs_p::Default>::default();
            let __ecs_0_my_cluster = __ecs_p::ecs::cluster::Cluster::new(
                &mut __ecs_app,
                __ecs_stack,
                "my-cluster",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::task_definition::Ec2TaskDefinitionProps as __ecs_p::Default>::default()
                .network_mode(__ecs_p::ecs::task_definition::NetworkMode::Bridge);
            let __ecs_1_T = __ecs_p::ecs::task_definition::Ec2TaskDefinition::new(
                &mut __ecs_app,
                __ecs_stack,
                "T",
                __ecs_props,
            )?;
            __ecs_p::Ok(__EcsHandles {
                S: __EcsStack0 {
                    __handle: __ecs_stack0,
                    my_cluster: __EcsItem0_0 {
                        __handle: __ecs_0_my_cluster,
                    },
                    T: __EcsItem0_1 {
                        __handle: __ecs_1_T,
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
