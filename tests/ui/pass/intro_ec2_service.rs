// The seed README's opening example: an EC2 service on a cluster with capacity.
use ecs_app::prelude::*;

fn main() -> Result<(), Error> {
    let app = ecs_app! {
        stack IntroEc2Service {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t2.xlarge",
                    desired_capacity: 3,
                }
            }
            ec2_task_definition TaskDef {
                container DefaultContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    }?;
    let _ = app;
    Ok(())
}
