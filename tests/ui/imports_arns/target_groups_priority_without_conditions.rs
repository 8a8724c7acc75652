// A listener rule needs both its priority and its conditions.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            target_group Api { vpc: Vpc, port: 80 }
            application_load_balancer Lb {
                vpc: Vpc,
                listener Http {
                    port: 80,
                    default_action: ListenerAction::fixed_response(404),
                    add_target_groups Api { target_groups: [Api], priority: 10 }
                }
            }
        }
    };
    let _ = app;
}
