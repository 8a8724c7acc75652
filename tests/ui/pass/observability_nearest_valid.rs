// The nearest valid neighbours of the observability and automation rules: Fargate's own log
// drivers (F5), exec logging with its configuration and encrypted destinations (G1), bounds that
// meet, constants in order, a schedule with only a maximum, a group that serves the service (A1),
// schedule expressions CloudFormation accepts (G5), overrides of existing containers; it builds.
use ecs_app::prelude::*;

const MIN_TASKS: u32 = 2;
const MAX_TASKS: u32 = 2;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc { max_azs: 2 }
            kms_key Key {}
            log_group Logs { retention: OneWeek, encryption_key: Key }
            bucket Output { encryption_key: Key }
            cluster Cluster {
                vpc: Vpc,
                execute_command_configuration: {
                    kms_key: Key,
                    logging: Override,
                    log_configuration: {
                        cloud_watch_log_group: Logs,
                        cloud_watch_encryption_enabled: true,
                        s3_bucket: Output,
                        s3_encryption_enabled: true,
                    },
                },
            }
            cluster Quiet { vpc: Vpc, execute_command_configuration: { logging: None } }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [80],
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("web")),
                }
                container router {
                    image: ContainerImage::from_registry("amazon/aws-for-fluent-bit"),
                    essential: false,
                    firelens_config: FirelensConfig::default(),
                }
                container shipper {
                    image: ContainerImage::from_registry("busybox"),
                    essential: false,
                    logging: LogDriver::firelens(FirelensLogDriverProps::default().options([("Name", "cloudwatch")])),
                }
            }
            ec2_task_definition Ec2Task {
                container app {
                    image: ContainerImage::from_registry("busybox"),
                    memory_limit_mib: 256,
                    logging: LogDriver::syslog(SyslogLogDriverProps::default()),
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                enable_execute_command: true,
            }
            fargate_service Steady { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer LB {
                vpc: Vpc,
                listener Listener {
                    port: 80,
                    add_targets ECS { port: 80, targets: [Service] }
                }
            }
            auto_scale_task_count Service {
                min_capacity: 2,
                max_capacity: 2,
                scale_on_request_count Requests { requests_per_target: 1000, target_group: ECS }
                scale_on_schedule Night { schedule: "rate(1 day)", max_capacity: 1 }
                scale_on_schedule Morning {
                    schedule: Schedule::cron(CronOptions::default().hour("8").minute("0")),
                    min_capacity: 2,
                }
            }
            auto_scale_task_count Steady { min_capacity: MIN_TASKS, max_capacity: MAX_TASKS }
            rule Nightly {
                schedule: "cron(0 2 * * ? *)",
                targets: [{
                    cluster: Cluster,
                    task_definition: TaskDef,
                    container_overrides: [{ container_name: web, command: ["run"], environment: { MODE: "nightly" } }],
                }],
            }
            rule OnPush {
                event_pattern: serde_json::json!({ "source": ["aws.ecr"] }),
                description: "runs on every push",
                targets: [{ cluster: Cluster, task_definition: TaskDef, task_count: 2 }],
            }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
