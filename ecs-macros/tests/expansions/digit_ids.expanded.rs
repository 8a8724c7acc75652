fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        #[allow(unused_mut)]
        let mut __ecs_app = __ecs_p::App::new();
        #[allow(unused_variables, non_snake_case)]
        let __ecs_result = (|| -> __ecs_p::Result<(), __ecs_p::Error> {
            let __ecs_stack = __ecs_app.add_stack("S")?;
            let __ecs_props = <__ecs_p::ec2::VpcProps as __ecs_p::Default>::default();
            let __ecs_0_Vpc = __ecs_p::ec2::Vpc::new(
                &mut __ecs_app,
                __ecs_stack,
                "Vpc",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::cluster::ClusterProps as __ecs_p::Default>::default()
                .vpc(__ecs_0_Vpc);
            let __ecs_1__0_Asg = __ecs_p::ecs::cluster::Cluster::new(
                &mut __ecs_app,
                __ecs_stack,
                "0-Asg",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::capacity::AddCapacityOptions as __ecs_p::Default>::default()
                .instance_type("t3.micro");
            let __ecs_1_0_Asg = __ecs_1__0_Asg
                .add_capacity(&mut __ecs_app, "Asg", __ecs_props)?;
            __ecs_p::Ok(())
        })();
        __ecs_p::Result::map(__ecs_result, |()| __ecs_app)
    }
}
