//! "Include an application/network load balancer": a network load balancer with the service as
//! target, and `register_load_balancer_targets` on a second listener (oracle app
//! 20-nlb-targets).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack NlbTargets {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80, 9000],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            network_load_balancer NLB {
                vpc: Vpc,
                internet_facing: true,
                listener Listener {
                    port: 80,
                    add_targets ECS { port: 80, targets: [Service] }
                }
                listener Listener9000 {
                    port: 9000,
                    register_load_balancer_targets ECS9000 {
                        service: Service,
                        container_name: web,
                        container_port: 9000,
                        port: 9000,
                    }
                }
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
