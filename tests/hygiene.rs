//! `ecs_app!` expands to absolute paths into the runtime's hidden module only: it compiles in a module
//! without the implicit prelude, next to user items named like the std items it uses, and its
//! internal locals neither see nor shadow the user's.

#[no_implicit_prelude]
#[allow(dead_code, non_camel_case_types)]
mod hygiene {
    use ::ecs_app::ecs_app;
    use ::ecs_app::prelude::{ContainerImage, NetworkMode};

    struct Result;
    struct Option;
    struct Vec;
    struct String;
    struct Default;
    struct Into;
    struct u32;
    struct Some;
    struct Ok;
    mod std {}
    mod core {}

    const CPU: i32 = 512;
    const MEMORY: &str = "1 GB";

    /// Builds an app using every expansion path (constructs, references, enums, port mappings,
    /// environment, a const size check) and says whether it built.
    pub fn build() -> bool {
        let __ecs_app: ::core::primitive::u32 = 2;
        let app = ecs_app! {
            stack Hygiene {
                vpc Vpc { max_azs: 2 }
                cluster Cluster {
                    vpc: Vpc,
                    add_capacity Capacity { instance_type: "t3.micro", desired_capacity: 1 }
                }
                fargate_task_definition Fargate {
                    cpu: CPU,
                    memory_limit_mib: MEMORY,
                    network_mode: AwsVpc,
                    container web {
                        image: ContainerImage::from_registry("nginx"),
                        port_mappings: [80, { container_port: 443, protocol: Tcp }],
                        environment: { "KEY": "value", OTHER: "other" },
                    }
                }
                ec2_task_definition Ec2 {
                    network_mode: NetworkMode::Bridge,
                    container web {
                        image: ContainerImage::from_registry("nginx"),
                        memory_limit_mib: 256,
                    }
                }
                fargate_service Web { cluster: Cluster, task_definition: Fargate, desired_count: __ecs_app }
                ec2_service Worker { cluster: Cluster, task_definition: Ec2 }
            }
        };
        app.is_ok()
    }
}

#[test]
fn expands_without_the_prelude_and_beside_user_items_named_like_std() {
    assert!(hygiene::build());
}
