// A cluster adds the groups and providers of its own stack only: the group's user data names the
// cluster and the cluster names the group, a cycle across two stacks. Reported on each reference
// (no panic, and no rule checked against a construct of the wrong stack).
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Base {
            vpc Vpc {}
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large" }
            auto_scaling_group Group { vpc: Vpc, instance_type: "c5.large" }
            asg_capacity_provider Provider { auto_scaling_group: Group }
        }
        stack Web {
            vpc Other {}
            cluster Cluster {
                vpc: Vpc,
                add_auto_scaling_group Asg { spot_instance_draining: true }
                add_asg_capacity_provider Provider {}
            }
        }
    };
    let _ = app;
}
