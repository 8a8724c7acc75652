//! "CloudMap Service Discovery": A records in awsvpc mode, SRV records for a chosen container
//! and port in bridge mode, in the cluster's default namespace (oracle app 26-cloudmap-a-srv).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack CloudMapASrv {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                default_cloud_map_namespace: { name: "app.local" },
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.large",
                    max_capacity: 2,
                }
            }
            ec2_task_definition AwsVpcTaskDef {
                network_mode: AwsVpc,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Service {
                cluster: Cluster,
                task_definition: AwsVpcTaskDef,
                cloud_map_options: { dns_record_type: A },
            }
            ec2_task_definition BridgeTaskDef {
                container main {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
                container sidecar {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:latest"),
                    memory_limit_mib: 128,
                    port_mappings: [{ container_port: 7600, protocol: Tcp }],
                }
            }
            ec2_service SrvService {
                cluster: Cluster,
                task_definition: BridgeTaskDef,
                cloud_map_options: {
                    name: "sidecar",
                    dns_record_type: Srv,
                    container: sidecar,
                    container_port: 7600,
                    dns_ttl: Duration::seconds(30),
                },
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
