// `topic_encryption_key` names a cluster, not a kms key.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                add_capacity Asg { instance_type: "c5.large", topic_encryption_key: Cluster }
            }
        }
    };
    let _ = app;
}
