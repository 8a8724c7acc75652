// G1: `logging: Override` sends exec output to a log configuration, which is missing; reported
// on `Override`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            kms_key Key {}
            cluster Cluster {
                execute_command_configuration: { kms_key: Key, logging: Override },
            }
        }
    };
    let _ = app;
}
