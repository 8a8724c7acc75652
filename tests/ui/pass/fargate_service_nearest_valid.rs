// The nearest valid configuration of the Fargate rules (F1, F2, F3) and the service rules (S1, S2):
// a sized Fargate task definition in awsvpc mode, string ids, port mappings, environment.
use ecs_app::prelude::*;

fn main() {
    let stage = String::from("prod");
    let app = ecs_app! {
        stack "web-stack" {
            vpc "main-vpc" { max_azs: 2, nat_gateways: 1 }
            cluster "web-cluster" { vpc: "main-vpc", cluster_name: "web" }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                network_mode: AwsVpc,
                family: "web",
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    essential: true,
                    port_mappings: [80, { container_port: 8080, host_port: 8080, protocol: Tcp }],
                    environment: { "LOG_LEVEL": "debug", STAGE: stage.clone() },
                }
                container "log-router" {
                    image: ContainerImage::from_registry("amazon/aws-for-fluent-bit"),
                    essential: false,
                    container_name: "log_router",
                    memory_reservation_mib: 50,
                }
            }
            fargate_service Service {
                cluster: "web-cluster",
                task_definition: TaskDef,
                desired_count: 2,
                service_name: "web",
                min_healthy_percent: 50,
                max_healthy_percent: 200,
                assign_public_ip: true,
                platform_version: "1.4.0",
            }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
