//! "Add Schedule-Based Auto-Scaling" and "Add Metric-Based Auto-Scaling" to an
//! `ApplicationLoadBalancedFargateService`: the scaling of each pattern's service, configured
//! through its handle (oracle app 66-alb-fargate-autoscaling).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    let Built { mut app, handles } = ecs_app! {
        stack AlbFargateAutoScaling {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service ScheduleScalingService {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
            }
            application_load_balanced_fargate_service MetricScalingService {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
            }
        }
    }?;
    let stack = handles.AlbFargateAutoScaling;
    // CDK `scheduleScaled.service.autoScaleTaskCount(…).scaleOnSchedule(…)`.
    let schedule_target = stack.ScheduleScalingService.service.auto_scale_task_count(
        &mut app,
        EnableScalingProps::default()
            .min_capacity(5)
            .max_capacity(20),
    )?;
    for (id, hour, min_capacity) in [
        ("DaytimeScaleDown", "8", 1),
        ("EveningRushScaleUp", "20", 10),
    ] {
        schedule_target.scale_on_schedule(
            &mut app,
            id,
            ScalingSchedule::default()
                .schedule(Schedule::cron(
                    CronOptions::default().hour(hour).minute("0"),
                ))
                .min_capacity(min_capacity),
        )?;
    }
    // CDK `metricScaled.service.autoScaleTaskCount(…).scaleOnCpuUtilization(…)` and memory.
    let metric_target = stack.MetricScalingService.service.auto_scale_task_count(
        &mut app,
        EnableScalingProps::default()
            .min_capacity(1)
            .max_capacity(20),
    )?;
    metric_target.scale_on_cpu_utilization(
        &mut app,
        "CpuScaling",
        CpuUtilizationScalingProps::default().target_utilization_percent(50),
    )?;
    metric_target.scale_on_memory_utilization(
        &mut app,
        "MemoryScaling",
        MemoryUtilizationScalingProps::default().target_utilization_percent(50),
    )?;
    Ok(app)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
