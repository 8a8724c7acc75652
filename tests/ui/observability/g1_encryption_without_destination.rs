// G1: an encryption flag encrypts a destination, so it needs one; reported on the flag.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            log_group Logs {}
            cluster Cluster {
                execute_command_configuration: {
                    logging: Override,
                    log_configuration: {
                        cloud_watch_log_group: Logs,
                        s3_encryption_enabled: true,
                    },
                },
            }
        }
    };
    let _ = app;
}
