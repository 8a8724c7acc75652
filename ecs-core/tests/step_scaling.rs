//! Step scaling's checks: at least two steps, no overlap, one range with no change.

use ecs_core::applicationautoscaling::{ScalingInterval, StepScalingProps};
use ecs_core::ecs::scaling::EnableScalingProps;
use ecs_core::prelude::*;

fn count() -> (App, ecs_core::ecs::scaling::ScalableTaskCount, Queue) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx")),
    )
    .unwrap();
    let service = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    let queue = Queue::new(&mut app, s, "Jobs", QueueProps::default()).unwrap();
    let count = service
        .auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(4))
        .unwrap();
    (app, count, queue)
}

fn step(lower: Option<f64>, upper: Option<f64>, change: f64) -> ScalingInterval {
    let mut s = ScalingInterval::default().change(change);
    if let Some(l) = lower {
        s = s.lower(l);
    }
    if let Some(u) = upper {
        s = s.upper(u);
    }
    s
}

#[test]
fn one_step_is_refused() {
    let (mut app, count, queue) = count();
    let e = count
        .scale_on_metric(
            &mut app,
            "Depth",
            StepScalingProps::default()
                .metric(queue.metric_approximate_number_of_messages_visible())
                .scaling_steps([step(Some(10.0), None, 1.0)]),
        )
        .unwrap_err();
    assert!(e.to_string().contains("at least 2 `scaling_steps`"), "{e}");
}

#[test]
fn overlapping_steps_are_refused() {
    let (mut app, count, queue) = count();
    let e = count
        .scale_on_metric(
            &mut app,
            "Depth",
            StepScalingProps::default()
                .metric(queue.metric_approximate_number_of_messages_visible())
                .scaling_steps([
                    step(Some(0.0), Some(50.0), -1.0),
                    step(Some(10.0), Some(100.0), 1.0),
                ]),
        )
        .unwrap_err();
    assert!(e.to_string().contains("overlap"), "{e}");
}

#[test]
fn adjacent_steps_split_in_the_middle_as_the_cdk_does() {
    let (mut app, count, queue) = count();
    count
        .scale_on_metric(
            &mut app,
            "Depth",
            StepScalingProps::default()
                .metric(queue.metric_approximate_number_of_messages_visible())
                .scaling_steps([step(None, Some(10.0), -1.0), step(Some(10.0), None, 1.0)]),
        )
        .unwrap();
    let t = &app.templates().unwrap()[0].1;
    let alarms: Vec<_> = t["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::CloudWatch::Alarm")
        .map(|r| r["Properties"]["Threshold"].clone())
        .collect();
    assert_eq!(alarms, [serde_json::json!(10), serde_json::json!(10)]);
}
