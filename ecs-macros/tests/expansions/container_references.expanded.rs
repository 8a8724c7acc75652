fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        #[allow(unused_mut)]
        let mut __ecs_app = __ecs_p::App::new();
        #[allow(unused_variables, non_snake_case)]
        let __ecs_result = (|| -> __ecs_p::Result<(), __ecs_p::Error> {
            let __ecs_stack = __ecs_app.add_stack("S")?;
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
            __ecs_p::Ok(())
        })();
        __ecs_p::Result::map(__ecs_result, |()| __ecs_app)
    }
}
