fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        ::core::compile_error! {
            "unknown vpc property `zones`: expected one of `max_azs`, `nat_gateways`"
        }
        ::core::compile_error! {
            "no vpc named `W`: declared vpcs are `V`"
        }
        #[allow(unused_mut)]
        let mut __ecs_app = __ecs_p::App::new();
        #[allow(unused_variables, non_snake_case)]
        let __ecs_result = (|| -> __ecs_p::Result<(), __ecs_p::Error> {
            let __ecs_stack = __ecs_app.add_stack("S")?;
            let __ecs_props = <__ecs_p::ec2::VpcProps as __ecs_p::Default>::default()
                .max_azs(2);
            let __ecs_0_V = __ecs_p::ec2::Vpc::new(
                &mut __ecs_app,
                __ecs_stack,
                "V",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::cluster::ClusterProps as __ecs_p::Default>::default();
            let __ecs_1_C = __ecs_p::ecs::cluster::Cluster::new(
                &mut __ecs_app,
                __ecs_stack,
                "C",
                __ecs_props,
            )?;
            __ecs_p::Ok(())
        })();
        __ecs_p::Result::map(__ecs_result, |()| __ecs_app)
    }
}
