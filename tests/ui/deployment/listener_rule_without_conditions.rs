// A listener rule applies to the requests its conditions match: it needs some.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            application_load_balancer Lb { vpc: Vpc }
            listener Http { load_balancer: Lb, port: 80, default_action: ListenerAction::fixed_response(404) }
            target_group Blue { vpc: Vpc, port: 80 }
            application_listener_rule Production { listener: Http, priority: 1, target_groups: [Blue] }
        }
    };
    let _ = app;
}
