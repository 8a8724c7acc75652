//! "Include an application/network load balancer": a listener forwarding to the service itself
//! (its first container and port) and, behind a path rule, to a chosen container and port
//! (oracle app 18-alb-targets).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AlbTargets {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                memory_limit_mib: 1024,
                cpu: 512,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                }
                container MyContainer {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:latest"),
                    port_mappings: [8080],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer LB {
                vpc: Vpc,
                internet_facing: true,
                listener Listener {
                    port: 80,
                    add_targets ECS1 { port: 80, targets: [Service] }
                    add_targets ECS2 {
                        port: 80,
                        priority: 10,
                        conditions: [ListenerCondition::path_patterns(["/api/*"])],
                        targets: [{ service: Service, container_name: MyContainer, container_port: 8080 }],
                    }
                }
            }
            cfn_output LoadBalancerDns { value: LB.load_balancer_dns_name }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
