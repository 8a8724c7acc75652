// C1: `machine_image` and `machine_image_type` together; reported on the image type.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                add_capacity Asg {
                    instance_type: "c5.large",
                    machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard),
                    machine_image_type: Bottlerocket,
                }
            }
        }
    };
    let _ = app;
}
