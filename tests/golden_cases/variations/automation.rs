//! Events-rule targets and task auto-scaling options the oracle apps do not exercise, against
//! our own CDK app `tests/golden/apps/automation.js` (one theme per stack).

use super::IMAGE;
use crate::support::assert_stacks_match_cdk;
use ecs_app::prelude::*;

#[test]
fn event_targets_match_the_cdk() {
    let app = ecs_app! {
        stack EventTargets {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            security_group TaskSg { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container job { image: ContainerImage::from_registry(IMAGE) }
            }
            rule OnUpload {
                event_pattern: serde_json::json!({
                    "source": ["aws.s3"],
                    "detail-type": ["Object Created"],
                    "detail": { "bucket": { "name": ["uploads"] } },
                }),
                description: "run a job per upload",
                targets: [
                    {
                        cluster: Cluster,
                        task_definition: TaskDef,
                        security_groups: [TaskSg],
                        subnet_selection: { subnet_type: Public },
                        assign_public_ip: true,
                        platform_version: "LATEST",
                    },
                    {
                        cluster: Cluster,
                        task_definition: TaskDef,
                        task_count: 2,
                        container_overrides: [{
                            container_name: job,
                            command: ["run", "--all"],
                            environment: { MODE: "batch" },
                        }],
                    },
                ],
            }
            rule Hourly {
                schedule: Schedule::rate(Duration::hours(1))?,
                targets: [{ cluster: Cluster, task_definition: TaskDef }],
                enabled: false,
                rule_name: "hourly-job",
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "automation", 1);
}

#[test]
fn scaling_options_match_the_cdk() {
    let app = ecs_app! {
        stack ScalingOptions {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE) }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            auto_scale_task_count Service {
                min_capacity: 2,
                max_capacity: 8,
                scale_on_cpu_utilization Cpu {
                    target_utilization_percent: 60,
                    disable_scale_in: true,
                    policy_name: "cpu-policy",
                }
                scale_on_memory_utilization Memory {
                    target_utilization_percent: 75,
                    scale_in_cooldown: Duration::minutes(5),
                }
                scale_on_schedule Rate {
                    schedule: Schedule::rate(Duration::minutes(30))?,
                    min_capacity: 3,
                    start_time: "2030-01-01T00:00:00Z",
                    end_time: "2030-06-30T12:30:00Z",
                }
                scale_on_schedule Morning {
                    schedule: Schedule::cron(CronOptions::default().hour("7").minute("30").week_day("MON-FRI")),
                    max_capacity: 6,
                    time_zone: "Europe/Paris",
                }
                scale_on_schedule Daily { schedule: Schedule::rate(Duration::days(1))?, min_capacity: 2 }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "automation", 1);
}
