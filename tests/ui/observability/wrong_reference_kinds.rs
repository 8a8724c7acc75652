// References name constructs of the right kind: a bucket is not a log group, a service is not
// an `add_targets`, a cluster is not a service, and a rule needs a schedule or a pattern.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            bucket Output {}
            cluster Other {
                execute_command_configuration: {
                    logging: Override,
                    log_configuration: { cloud_watch_log_group: Output },
                },
            }
            auto_scale_task_count Cluster { max_capacity: 2 }
            auto_scale_task_count Service {
                max_capacity: 10,
                scale_on_request_count Requests { requests_per_target: 1000, target_group: Service }
            }
            rule Idle {}
        }
    };
    let _ = app;
}
