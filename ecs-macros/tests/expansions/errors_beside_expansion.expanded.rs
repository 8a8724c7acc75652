fn expansion() {
    {
        use ::ecs_app::__private_v1 as __ecs_p;
        ::core::compile_error! {
            "unknown vpc property `zones`: expected one of `ip_addresses`, `cidr`, `enable_dns_hostnames`, `enable_dns_support`, `default_instance_tenancy`, `max_azs`, `availability_zones`, `reserved_azs`, `nat_gateways`, `nat_gateway_subnets`, `subnet_configuration`, `vpc_name`, `restrict_default_security_group`, `ip_protocol`, `create_internet_gateway`"
        }
        ::core::compile_error! {
            "no vpc named `W`: declared vpcs are `V`"
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
            pub V: T0,
            pub C: T1,
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
            __ecs_p::Ok(__EcsHandles {
                S: __EcsStack0 {
                    __handle: __ecs_stack0,
                    V: __ecs_0_V,
                    C: __EcsItem0_1 {
                        __handle: __ecs_1_C,
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
