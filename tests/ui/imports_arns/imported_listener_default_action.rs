// An imported listener keeps its default action: target groups reach it through a rule.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            target_group Api { vpc: Vpc, port: 80 }
            imported_security_group LbSg { security_group_id: "sg-0c0ffee0000000002" }
            imported_listener Listener {
                listener_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/fedcba9876543210",
                security_group: LbSg,
                add_target_groups Api { target_groups: [Api] }
            }
        }
    };
    let _ = app;
}
