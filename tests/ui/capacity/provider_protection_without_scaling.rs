// C2: managed termination protection (the default) without managed scaling; reported on the scaling value.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large" }
            asg_capacity_provider Provider { auto_scaling_group: Asg, enable_managed_scaling: false }
        }
    };
    let _ = app;
}
