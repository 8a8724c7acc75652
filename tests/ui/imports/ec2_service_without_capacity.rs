// S3: an imported cluster that says it has no EC2 capacity cannot run an EC2 service.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            imported_vpc Vpc {
                vpc_id: "vpc-0a1b2c3d",
                availability_zones: ["us-east-1a"],
                private_subnet_ids: ["subnet-0a000001"],
            }
            imported_cluster Shared { cluster_name: "shared", vpc: Vpc, has_ec2_capacity: false }
            ec2_task_definition TaskDef {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
            ec2_service Service { cluster: Shared, task_definition: TaskDef }
        }
    };
    let _ = app;
}
