// F4: placement constraints on a task definition compatible with Fargate.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            task_definition TaskDef {
                compatibility: Ec2AndFargate,
                cpu: "256",
                memory_mib: "512",
                placement_constraints: [PlacementConstraint::member_of("attribute:ecs.instance-type =~ t3.*")],
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 256 }
            }
        }
    };
    let _ = app;
}
