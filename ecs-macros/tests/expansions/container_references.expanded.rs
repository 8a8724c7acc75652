fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsItem0_0<__H, T0, T1, T2> {
            __handle: __H,
            pub web: T0,
            pub redis: T1,
            pub db: T2,
        }
        impl<__H, T0, T1, T2> __ecs_p::Deref for __EcsItem0_0<__H, T0, T1, T2> {
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
            let __ecs_props = <__ecs_p::ecs::task_definition::Ec2TaskDefinitionProps as __ecs_p::Default>::default();
            let __ecs_0_T = __ecs_p::ecs::task_definition::Ec2TaskDefinition::new(
                &mut __ecs_app,
                __ecs_stack,
                "T",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::container::ContainerDefinitionOptions as __ecs_p::Default>::default()
                .image(img())
                .memory_limit_mib(256);
            let __ecs_0_0_web = __ecs_0_T
                .add_container(&mut __ecs_app, "web", __ecs_props)?;
            let __ecs_props = <__ecs_p::ecs::container::ContainerDefinitionOptions as __ecs_p::Default>::default()
                .image(img())
                .memory_limit_mib(256);
            let __ecs_0_1_redis = __ecs_0_T
                .add_container(&mut __ecs_app, "redis", __ecs_props)?;
            let __ecs_props = <__ecs_p::ecs::container::ContainerDefinitionOptions as __ecs_p::Default>::default()
                .image(img())
                .memory_limit_mib(256);
            let __ecs_0_2_db = __ecs_0_T
                .add_container(&mut __ecs_app, "db", __ecs_props)?;
            __ecs_0_0_web
                .add_links(
                    &mut __ecs_app,
                    [
                        __ecs_p::Into::<
                            __ecs_p::ecs::container::Link,
                        >::into(__ecs_0_1_redis),
                        __ecs_p::Into::<__ecs_p::ecs::container::Link>::into("db"),
                    ],
                )?;
            __ecs_0_0_web
                .add_container_dependencies(
                    &mut __ecs_app,
                    [
                        __ecs_p::Into::<
                            __ecs_p::ecs::container_options::ContainerDependency,
                        >::into(
                            <__ecs_p::ecs::container_options::ContainerDependency as __ecs_p::Default>::default()
                                .container(__ecs_0_1_redis)
                                .condition(
                                    __ecs_p::ecs::container_options::ContainerDependencyCondition::Start,
                                ),
                        ),
                    ],
                )?;
            __ecs_p::Ok(__EcsHandles {
                S: __EcsStack0 {
                    __handle: __ecs_stack0,
                    T: __EcsItem0_0 {
                        __handle: __ecs_0_T,
                        web: __ecs_0_0_web,
                        redis: __ecs_0_1_redis,
                        db: __ecs_0_2_db,
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
