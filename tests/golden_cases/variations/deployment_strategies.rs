//! ECS-native deployment strategies: a blue/green service behind a production and a test
//! listener rule, its alternate target group reached through the role the alternate target
//! creates, with a bake time and a lifecycle hook on an existing function; a linear and a
//! canary service with their steps; with the builders and in `ecs_app!`, against our own CDK
//! app `tests/golden/apps/deployment_strategies.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::lambda::{Function, FunctionAttributes};
use ecs_app::prelude::*;

fn builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("DeploymentStrategies")?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .port_mappings([PortMapping::from(80)]),
    )?;
    let lb = ApplicationLoadBalancer::new(
        &mut app,
        s,
        "Lb",
        LoadBalancerProps::default().vpc(vpc).internet_facing(true),
    )?;
    let production = Listener::new(
        &mut app,
        s,
        "Production",
        lb,
        ListenerProps::default()
            .port(80)
            .default_action(ListenerAction::fixed_response(404)),
    )?;
    let test = Listener::new(
        &mut app,
        s,
        "Test",
        lb,
        ListenerProps::default()
            .port(8080)
            .default_action(ListenerAction::fixed_response(404)),
    )?;
    let group = |app: &mut App, id: &str| {
        TargetGroup::new_application(
            app,
            s,
            id,
            vpc,
            AddTargetsProps::default()
                .port(80)
                .target_type(TargetType::Ip),
        )
    };
    let blue = group(&mut app, "Blue")?;
    let green = group(&mut app, "Green")?;
    let rule = |app: &mut App, id: &str, listener: Listener| {
        ApplicationListenerRule::new(
            app,
            s,
            id,
            ApplicationListenerRuleProps::default()
                .listener(listener)
                .priority(1)
                .conditions([ListenerCondition::path_patterns(["/*"])])
                .target_groups([blue]),
        )
    };
    let production_rule = rule(&mut app, "ProductionRule", production)?;
    let test_rule = rule(&mut app, "TestRule", test)?;
    let hook = Function::from_function_attributes(
        &mut app,
        s,
        "Hook",
        FunctionAttributes::default()
            .function_arn("arn:aws:lambda:us-east-1:123456789012:function:deployment-check")
            .same_environment(true),
    )?;
    let web = FargateService::new(
        &mut app,
        s,
        "Web",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100)
            .deployment_strategy(DeploymentStrategy::BlueGreen)
            .bake_time(Duration::minutes(5))
            .lifecycle_hooks([DeploymentLifecycleLambdaTarget::new(hook, "Check")
                .lifecycle_stages([
                    DeploymentLifecycleStage::PreScaleUp,
                    DeploymentLifecycleStage::PostTestTrafficShift,
                ])]),
    )?;
    let target = web.load_balancer_target(
        &app,
        LoadBalancerTargetOptions::default()
            .container_name("web")
            .container_port(80)
            .alternate_target(
                AlternateTarget::new(
                    "Alternate",
                    green,
                    ListenerRuleConfiguration::application_listener_rule(production_rule),
                )
                .test_listener(
                    ListenerRuleConfiguration::application_listener_rule(test_rule),
                ),
            ),
    )?;
    blue.add_target(&mut app, target)?;
    FargateService::new(
        &mut app,
        s,
        "Linear",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100)
            .deployment_strategy(DeploymentStrategy::Linear)
            .linear_configuration(
                TrafficShiftConfig::default()
                    .step_percent(12.5)
                    .step_bake_time(Duration::minutes(2)),
            ),
    )?;
    FargateService::new(
        &mut app,
        s,
        "Canary",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100)
            .deployment_strategy(DeploymentStrategy::Canary)
            .canary_configuration(
                TrafficShiftConfig::default()
                    .step_percent(5.0)
                    .step_bake_time(Duration::minutes(10)),
            )
            .bake_time(Duration::minutes(15)),
    )?;
    Ok(app)
}

#[test]
fn deployment_strategies_with_the_builders_match_the_cdk() {
    assert_matches_cdk(builders().unwrap(), "deployment_strategies");
}

/// The same app in `ecs_app!`: the listeners are a stack's `listener` items, their rules
/// `application_listener_rule` items, and the blue/green service joins the blue group through
/// `load_balancer_targets` with its alternate target.
#[test]
fn deployment_strategies_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack DeploymentStrategies {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            application_load_balancer Lb { vpc: Vpc, internet_facing: true }
            listener Production {
                load_balancer: Lb,
                port: 80,
                default_action: ListenerAction::fixed_response(404),
            }
            listener Test {
                load_balancer: Lb,
                port: 8080,
                default_action: ListenerAction::fixed_response(404),
            }
            target_group Blue { vpc: Vpc, port: 80, target_type: Ip }
            target_group Green { vpc: Vpc, port: 80, target_type: Ip }
            application_listener_rule ProductionRule {
                listener: Production,
                priority: 1,
                conditions: [ListenerCondition::path_patterns(["/*"])],
                target_groups: [Blue],
            }
            application_listener_rule TestRule {
                listener: Test,
                priority: 1,
                conditions: [ListenerCondition::path_patterns(["/*"])],
                target_groups: [Blue],
            }
            imported_function Hook {
                function_arn: "arn:aws:lambda:us-east-1:123456789012:function:deployment-check",
                same_environment: true,
            }
            fargate_service Web {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                deployment_strategy: BlueGreen,
                bake_time: Duration::minutes(5),
                lifecycle_hooks: [DeploymentLifecycleLambdaTarget::new(Hook, "Check").lifecycle_stages([
                    DeploymentLifecycleStage::PreScaleUp,
                    DeploymentLifecycleStage::PostTestTrafficShift,
                ])],
                load_balancer_targets: [{
                    target_group: Blue,
                    container_name: web,
                    container_port: 80,
                    alternate_target: AlternateTarget::new(
                        "Alternate",
                        Green,
                        ListenerRuleConfiguration::application_listener_rule(ProductionRule),
                    )
                    .test_listener(ListenerRuleConfiguration::application_listener_rule(TestRule)),
                }],
            }
            fargate_service Linear {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                deployment_strategy: Linear,
                linear_configuration: TrafficShiftConfig::default()
                    .step_percent(12.5)
                    .step_bake_time(Duration::minutes(2)),
            }
            fargate_service Canary {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                deployment_strategy: Canary,
                canary_configuration: TrafficShiftConfig::default()
                    .step_percent(5.0)
                    .step_bake_time(Duration::minutes(10)),
                bake_time: Duration::minutes(15),
            }
        }
    }
    .unwrap();
    assert_matches_cdk(App::from(app), "deployment_strategies");
}
