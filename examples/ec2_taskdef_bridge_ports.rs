//! "Task definitions": an `Ec2TaskDefinition` in bridge mode with port mappings, one of them
//! added after declaration as `addPortMappings` adds it (oracle app 09-ec2-taskdef-bridge-ports).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack Ec2TaskDefBridgePorts {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.large",
                    min_capacity: 1,
                    max_capacity: 3,
                }
            }
            ec2_task_definition TaskDef {
                network_mode: Bridge,
                container WebContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 1024,
                    port_mappings: [
                        3000,
                        // `container.addPortMappings(...)` in the CDK app: appended in order.
                        { container_port: 3001, host_port: 8080, protocol: Udp },
                    ],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef, min_healthy_percent: 100 }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
