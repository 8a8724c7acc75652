fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsItem0_1<__H, T0> {
            __handle: __H,
            pub Asg: T0,
        }
        impl<__H, T0> __ecs_p::Deref for __EcsItem0_1<__H, T0> {
            type Target = __H;
            fn deref(&self) -> &__H {
                &self.__handle
            }
        }
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsStack0<__H, T0, T1> {
            __handle: __H,
            pub Vpc: T0,
            pub _0_Asg: T1,
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
            __ecs_p::Ok(__EcsHandles {
                S: __EcsStack0 {
                    __handle: __ecs_stack0,
                    Vpc: __ecs_0_Vpc,
                    _0_Asg: __EcsItem0_1 {
                        __handle: __ecs_1__0_Asg,
                        Asg: __ecs_1_0_Asg,
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
