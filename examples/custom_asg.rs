//! The aws-ecs README's "Clusters" section: auto-scaling groups built by the user and added to
//! the cluster, one on the ECS-optimized Amazon Linux AMI, one on Amazon Linux 2 without the
//! drain hook (oracle app 03-custom-asg).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack CustomAsg {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_auto_scaling_group ASG {}
                add_auto_scaling_group ASGAl2 { task_drain_time: 0 }
            }
            auto_scaling_group ASG {
                vpc: Vpc,
                instance_type: "t2.xlarge",
                machine_image: EcsOptimizedImage::amazon_linux(),
                desired_capacity: 3,
            }
            auto_scaling_group ASGAl2 {
                vpc: Vpc,
                instance_type: "t3.large",
                machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard),
                min_capacity: 1,
                max_capacity: 4,
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
