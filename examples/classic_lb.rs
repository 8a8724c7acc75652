//! "Include a classic load balancer": `add_target` with the service and with a chosen
//! container (oracle app 21-classic-lb). The listener protocols are written upper case, as
//! CloudFormation's schema lists them (the CDK's lower case fails cfn-lint E3030).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ClassicLb {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.large",
                    max_capacity: 2,
                }
            }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 80 }],
                }
                container MyContainer {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:latest"),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 8080 }],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
            classic_load_balancer LB {
                vpc: Vpc,
                listeners: [{ external_port: 80 }],
                targets: [Service],
            }
            ec2_service Service2 { cluster: Cluster, task_definition: TaskDef }
            classic_load_balancer LB2 {
                vpc: Vpc,
                listeners: [{ external_port: 80 }],
                targets: [{ service: Service2, container_name: MyContainer, container_port: 80 }],
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
