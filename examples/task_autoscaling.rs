//! "Task Auto-Scaling": a Fargate service behind an application load balancer, with
//! `auto_scale_task_count` scaling on CPU, requests per target, memory and a schedule (oracle
//! app 22-task-autoscaling).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack TaskAutoScaling {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer LB {
                vpc: Vpc,
                internet_facing: true,
                listener Listener {
                    port: 80,
                    add_targets ECS { port: 80, targets: [Service] }
                }
            }
            auto_scale_task_count Service {
                max_capacity: 10,
                scale_on_cpu_utilization CpuScaling { target_utilization_percent: 50 }
                scale_on_request_count RequestScaling {
                    requests_per_target: 10000,
                    target_group: ECS,
                }
                scale_on_memory_utilization MemoryScaling {
                    target_utilization_percent: 70,
                    scale_in_cooldown: Duration::seconds(60),
                    scale_out_cooldown: Duration::seconds(30),
                }
                scale_on_schedule ScaleUpInTheMorning {
                    schedule: Schedule::cron(CronOptions::default().hour("8").minute("0")),
                    min_capacity: 4,
                }
                scale_on_schedule ScaleDownAtNight {
                    schedule: "cron(0 20 * * ? *)",
                    min_capacity: 1,
                    max_capacity: 2,
                }
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
