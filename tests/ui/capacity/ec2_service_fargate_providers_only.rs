// S3: Fargate capacity providers are no EC2 capacity for an ec2 service.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc, enable_fargate_capacity_providers: true }
            ec2_task_definition Task { container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 } }
            ec2_service Service { cluster: Cluster, task_definition: Task }
        }
    };
    let _ = app;
}
