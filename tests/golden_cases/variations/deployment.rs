//! Deployment settings of services: deployment alarms (at creation and enabled later through
//! the service's handle), availability-zone rebalancing, a chosen task definition revision,
//! forced deployments; against our own CDK app `tests/golden/apps/deployment.js`.

use crate::support::assert_matches_cdk;
use ecs_app::cloudwatch::Metric;
use ecs_app::ecs::service::{AlarmBehavior, DeploymentAlarmConfig, TaskDefinitionRevision};
use ecs_app::prelude::*;

#[test]
fn deployment_settings_match_the_cdk() {
    let built = ecs_app! {
        stack Deployment {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TD {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27") }
            }
            alarm Errors { metric: Metric::new("App", "Errors"), threshold: 1, evaluation_periods: 1 }
            fargate_service A {
                cluster: Cluster,
                task_definition: TD,
                min_healthy_percent: 100,
                deployment_alarms: {
                    alarm_names: [Errors.alarm_name.to_string(), "external-alarm".to_string()],
                    behavior: RollbackOnAlarm,
                },
                availability_zone_rebalancing: Enabled,
                task_definition_revision: TaskDefinitionRevision::LATEST,
                force_new_deployment: { enabled: true, nonce: "abc" },
            }
            fargate_service B {
                cluster: Cluster,
                task_definition: TD,
                min_healthy_percent: 100,
                task_definition_revision: TaskDefinitionRevision::of(3),
            }
        }
    }
    .unwrap();
    let (mut app, handles) = built.into_parts();
    let errors = handles.Deployment.Errors.alarm_name(&app).to_string();
    handles
        .Deployment
        .B
        .enable_deployment_alarms(
            &mut app,
            DeploymentAlarmConfig::default()
                .alarm_names([errors])
                .behavior(AlarmBehavior::FailOnAlarm),
        )
        .unwrap();
    assert_matches_cdk(app, "deployment");
}

#[test]
fn deployment_settings_the_cdk_refuses_are_errors() {
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
    let base = FargateServiceProps::default()
        .cluster(cluster)
        .task_definition(td);
    let cases = [
        (
            base.clone()
                .deployment_controller(ecs_app::ecs::service::DeploymentControllerType::CodeDeploy)
                .deployment_alarms(DeploymentAlarmConfig::default().alarm_names(["a"])),
            "deployment alarms need the `Ecs` deployment controller",
        ),
        (
            base.clone()
                .deployment_alarms(DeploymentAlarmConfig::default()),
            "give at least one in `alarm_names`",
        ),
        (
            base.clone()
                .deployment_controller(ecs_app::ecs::service::DeploymentControllerType::CodeDeploy)
                .task_definition_revision(TaskDefinitionRevision::of(2)),
            "CodeDeploy runs the latest revision",
        ),
    ];
    for (i, (props, message)) in cases.into_iter().enumerate() {
        let err = FargateService::new(&mut app, s, &format!("S{i}"), props)
            .unwrap_err()
            .to_string();
        assert!(err.contains(message), "{err}");
    }
}
