fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsStack0<__H, T0, T1, T2, T3> {
            __handle: __H,
            pub Jobs: T0,
            pub Bucket: T1,
            pub Param: T2,
            pub Data: T3,
        }
        impl<__H, T0, T1, T2, T3> __ecs_p::Deref for __EcsStack0<__H, T0, T1, T2, T3> {
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
            let __ecs_props = <__ecs_p::sqs::QueueProps as __ecs_p::Default>::default();
            let __ecs_0_Jobs = __ecs_p::sqs::Queue::new(
                &mut __ecs_app,
                __ecs_stack,
                "Jobs",
                __ecs_props,
            )?;
            let __ecs_1_Data = __ecs_p::construct::app::Construct::new(
                &mut __ecs_app,
                __ecs_stack,
                "Data",
            )?;
            let __ecs_props = __ecs_p::construct::CfnResourceProps::new(
                    "AWS::S3::Bucket",
                )
                .property("Name", <__ecs_p::cfn::Value as __ecs_p::From<_>>::from("a"))
                .property(
                    "Versioning",
                    __ecs_p::cfn::Value::map([
                        (
                            "Status",
                            <__ecs_p::cfn::Value as __ecs_p::From<_>>::from("Enabled"),
                        ),
                    ]),
                )
                .property(
                    "Rules",
                    __ecs_p::cfn::Value::List(
                        __ecs_p::Vec::from([
                            __ecs_p::cfn::Value::Int(1),
                            __ecs_p::cfn::Value::Int(-2),
                            __ecs_p::cfn::number(0.5),
                            <__ecs_p::cfn::Value as __ecs_p::From<_>>::from(true),
                        ]),
                    ),
                );
            let __ecs_2_Bucket = __ecs_p::construct::CfnResource::new(
                &mut __ecs_app,
                __ecs_1_Data,
                "Bucket",
                __ecs_props,
            )?;
            __ecs_2_Bucket
                .apply_removal_policy(
                    &mut __ecs_app,
                    __ecs_p::construct::RemovalPolicy::Retain,
                )?;
            let __ecs_props = __ecs_p::construct::CfnResourceProps::new(
                    "AWS::SSM::Parameter",
                )
                .property(
                    "Value",
                    <__ecs_p::cfn::Value as __ecs_p::From<
                        _,
                    >>::from(__ecs_0_Jobs.queue_url(&__ecs_app)),
                )
                .property(
                    "Bucket",
                    <__ecs_p::cfn::Value as __ecs_p::From<
                        _,
                    >>::from(__ecs_2_Bucket.ref_()),
                )
                .property(
                    "Host",
                    <__ecs_p::cfn::Value as __ecs_p::From<
                        _,
                    >>::from(__ecs_2_Bucket.get_att("Endpoint.Address")),
                );
            let __ecs_3_Param = __ecs_p::construct::CfnResource::new(
                &mut __ecs_app,
                __ecs_stack,
                "Param",
                __ecs_props,
            )?;
            __ecs_3_Param.add_dependency(&mut __ecs_app, __ecs_2_Bucket.node())?;
            __ecs_3_Param.add_dependency(&mut __ecs_app, __ecs_1_Data)?;
            __ecs_p::Ok(__EcsHandles {
                S: __EcsStack0 {
                    __handle: __ecs_stack0,
                    Jobs: __ecs_0_Jobs,
                    Bucket: __ecs_2_Bucket,
                    Param: __ecs_3_Param,
                    Data: __ecs_1_Data,
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
