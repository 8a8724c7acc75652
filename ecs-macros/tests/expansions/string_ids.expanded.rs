fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        #[allow(unused_mut)]
        let mut __ecs_app = __ecs_p::App::new();
        #[allow(unused_variables, non_snake_case)]
        let __ecs_result = (|| -> __ecs_p::Result<(), __ecs_p::Error> {
            let __ecs_stack = __ecs_app.add_stack("S")?;
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
            __ecs_p::Ok(())
        })();
        __ecs_p::Result::map(__ecs_result, |()| __ecs_app)
    }
}
