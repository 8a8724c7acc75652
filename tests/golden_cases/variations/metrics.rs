//! Service and cluster metrics in alarms, and task scaling that tracks a metric of one's own;
//! in the DSL, against our own CDK app `tests/golden/apps/metrics.js`.

use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn service_and_cluster_metrics_and_custom_metric_scaling_match_the_cdk() {
    let app = ecs_app! {
        stack Metrics {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            queue Jobs {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container worker { image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27") }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef, min_healthy_percent: 100 }
            alarm HighCpu { metric: Service.metric_cpu_utilization, threshold: 80, evaluation_periods: 3 }
            alarm HighMemory { metric: Service.metric_memory_utilization, threshold: 90, evaluation_periods: 2 }
            alarm Reserved { metric: Cluster.metric_memory_reservation, threshold: 75, evaluation_periods: 1 }
            alarm ClusterCpu { metric: Cluster.metric_cpu_utilization, threshold: 70, evaluation_periods: 1 }
            auto_scale_task_count Service {
                max_capacity: 8,
                scale_to_track_custom_metric Backlog {
                    metric: Jobs.metric_approximate_number_of_messages_visible().with_statistic("Maximum"),
                    target_value: 100,
                    scale_in_cooldown: Duration::seconds(120),
                }
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "metrics");
}

#[test]
fn a_percentile_cannot_be_tracked() {
    let mut app = App::new();
    let s = app.add_stack("S").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "T",
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
    let scaling = service
        .auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(4))
        .unwrap();
    let metric = service.metric_cpu_utilization(&app).with_statistic("p99");
    let err = scaling
        .scale_to_track_custom_metric(
            &mut app,
            "P99",
            ecs_app::ecs::scaling::TrackCustomMetricProps::default()
                .metric(metric)
                .target_value(50),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("target tracking takes `Average`"), "{err}");
}
