//! "Include an application/network load balancer": `register_load_balancer_targets` with an
//! application listener and an HTTPS target group (oracle app 19-register-lb-targets).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack RegisterLbTargets {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer LB {
                vpc: Vpc,
                internet_facing: true,
                listener Listener {
                    port: 80,
                    register_load_balancer_targets ECS {
                        service: Service,
                        container_name: web,
                        container_port: 80,
                        protocol: Https,
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
