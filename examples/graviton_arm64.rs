//! The aws-ecs README's "ARM64 (Graviton) Instances" section: capacity on the ECS-optimized
//! Amazon Linux 2 arm64 AMI, with a service on it (oracle app 06-graviton-arm64).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack GravitonArm64 {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity "graviton-cluster" {
                    min_capacity: 2,
                    instance_type: "c6g.large",
                    machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Arm),
                }
            }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:latest"),
                    memory_reservation_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef, desired_count: 2 }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
