// G1: a log configuration is used only with `logging: Override`; reported on
// `log_configuration`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            log_group Logs {}
            cluster Cluster {
                execute_command_configuration: {
                    logging: Default,
                    log_configuration: { cloud_watch_log_group: Logs },
                },
            }
        }
    };
    let _ = app;
}
