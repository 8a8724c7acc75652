fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
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
        struct __EcsItem0_2<__H, T0> {
            __handle: __H,
            pub web: T0,
        }
        impl<__H, T0> __ecs_p::Deref for __EcsItem0_2<__H, T0> {
            type Target = __H;
            fn deref(&self) -> &__H {
                &self.__handle
            }
        }
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsItem0_4_0<__H, T0> {
            __handle: __H,
            pub Web: T0,
        }
        impl<__H, T0> __ecs_p::Deref for __EcsItem0_4_0<__H, T0> {
            type Target = __H;
            fn deref(&self) -> &__H {
                &self.__handle
            }
        }
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsItem0_4<__H, T0> {
            __handle: __H,
            pub Listener: T0,
        }
        impl<__H, T0> __ecs_p::Deref for __EcsItem0_4<__H, T0> {
            type Target = __H;
            fn deref(&self) -> &__H {
                &self.__handle
            }
        }
        #[allow(non_snake_case, non_camel_case_types, dead_code)]
        #[derive(__ecs_p::Clone, __ecs_p::Copy, __ecs_p::Debug)]
        struct __EcsStack0<__H, T0, T1, T2, T3, T4> {
            __handle: __H,
            pub Vpc: T0,
            pub Cluster: T1,
            pub Td: T2,
            pub Service: T3,
            pub Lb: T4,
        }
        impl<__H, T0, T1, T2, T3, T4> __ecs_p::Deref
        for __EcsStack0<__H, T0, T1, T2, T3, T4> {
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
            let __ecs_props = <__ecs_p::ec2::VpcProps as __ecs_p::Default>::default()
                .max_azs(2);
            let __ecs_0_Vpc = __ecs_p::ec2::Vpc::new(
                &mut __ecs_app,
                __ecs_stack,
                "Vpc",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::cluster::ClusterProps as __ecs_p::Default>::default()
                .vpc(__ecs_0_Vpc);
            let __ecs_1_Cluster = __ecs_p::ecs::cluster::Cluster::new(
                &mut __ecs_app,
                __ecs_stack,
                "Cluster",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::task_definition::FargateTaskDefinitionProps as __ecs_p::Default>::default()
                .cpu(256)
                .memory_limit_mib(512);
            let __ecs_2_Td = __ecs_p::ecs::task_definition::FargateTaskDefinition::new(
                &mut __ecs_app,
                __ecs_stack,
                "Td",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::ecs::container::ContainerDefinitionOptions as __ecs_p::Default>::default()
                .image(img())
                .port_mappings({
                    let __ecs_port_mappings: [__ecs_p::ecs::container::PortMapping; 1] = [
                        <__ecs_p::ecs::container::PortMapping as __ecs_p::Default>::default()
                            .container_port(80),
                    ];
                    __ecs_port_mappings
                });
            let __ecs_2_0_web = __ecs_2_Td
                .add_container(&mut __ecs_app, "web", __ecs_props)?;
            let __ecs_props = <__ecs_p::ecs::service::FargateServiceProps as __ecs_p::Default>::default()
                .cluster(__ecs_1_Cluster)
                .task_definition(__ecs_2_Td);
            let __ecs_3_Service = __ecs_p::ecs::service::FargateService::new(
                &mut __ecs_app,
                __ecs_stack,
                "Service",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::elbv2::LoadBalancerProps as __ecs_p::Default>::default()
                .vpc(__ecs_0_Vpc)
                .internet_facing(true);
            let __ecs_4_Lb = __ecs_p::elbv2::ApplicationLoadBalancer::new(
                &mut __ecs_app,
                __ecs_stack,
                "Lb",
                __ecs_props,
            )?;
            let __ecs_props = <__ecs_p::elbv2::ListenerProps as __ecs_p::Default>::default()
                .port(80);
            let __ecs_4_0_Listener = __ecs_4_Lb
                .add_listener(&mut __ecs_app, "Listener", __ecs_props)?;
            let __ecs_props = <__ecs_p::elbv2::AddTargetsProps as __ecs_p::Default>::default()
                .port(80)
                .targets([
                    <__ecs_p::elbv2::LoadBalancerTarget as __ecs_p::From<
                        _,
                    >>::from(__ecs_3_Service),
                ]);
            let __ecs_4_0_0_Web = __ecs_4_0_Listener
                .add_targets(&mut __ecs_app, "Web", __ecs_props)?;
            let __ecs_props = <__ecs_p::ecs::scaling::EnableScalingProps as __ecs_p::Default>::default()
                .max_capacity(4);
            let __ecs_5_Service = __ecs_3_Service
                .auto_scale_task_count(&mut __ecs_app, __ecs_props)?;
            let __ecs_props = <__ecs_p::ecs::scaling::CpuUtilizationScalingProps as __ecs_p::Default>::default()
                .target_utilization_percent(50);
            __ecs_5_Service
                .scale_on_cpu_utilization(&mut __ecs_app, "Cpu", __ecs_props)?;
            let __ecs_value = __ecs_4_Lb.load_balancer_dns_name(&__ecs_app);
            __ecs_p::construct::CfnOutput::new(
                &mut __ecs_app,
                __ecs_stack,
                "Dns",
                __ecs_p::cfn::Output::new(__ecs_value),
            )?;
            __ecs_p::Ok(__EcsHandles {
                S: __EcsStack0 {
                    __handle: __ecs_stack0,
                    Vpc: __ecs_0_Vpc,
                    Cluster: __EcsItem0_1 {
                        __handle: __ecs_1_Cluster,
                    },
                    Td: __EcsItem0_2 {
                        __handle: __ecs_2_Td,
                        web: __ecs_2_0_web,
                    },
                    Service: __ecs_3_Service,
                    Lb: __EcsItem0_4 {
                        __handle: __ecs_4_Lb,
                        Listener: __EcsItem0_4_0 {
                            __handle: __ecs_4_0_Listener,
                            Web: __ecs_4_0_0_Web,
                        },
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
