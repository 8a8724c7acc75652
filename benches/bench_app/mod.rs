//! The synthesis benchmark's app, built with the builder API: the same constructs, ids and
//! props as the CDK's `../shared/oracle/bench/app.js` for `n` services (one stack with a VPC, a
//! cluster, an internet-facing ALB whose listener answers 404 by default, and per service a
//! Fargate task definition with one logged container, a Fargate service and a path rule).
//! Shared by `benches/synth.rs` and the golden tests (`tests/golden_cases/benchmark.rs`).

use ecs_app::ecs::log_driver::{AwsLogDriverProps, LogDriver};
use ecs_app::elbv2::{
    AddTargetsProps, ApplicationLoadBalancer, ListenerAction, ListenerProps, LoadBalancerProps,
};
use ecs_app::prelude::*;

/// Builds the app for `n` services (stack `Bench<n>`).
pub fn app(n: usize) -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack(&format!("Bench{n}"))?;
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    let lb = ApplicationLoadBalancer::new(
        &mut app,
        s,
        "LB",
        LoadBalancerProps::default().vpc(vpc).internet_facing(true),
    )?;
    let listener = lb.add_listener(
        &mut app,
        "Listener",
        ListenerProps::default()
            .port(80)
            .default_action(ListenerAction::fixed_response(404)),
    )?;
    for i in 0..n {
        let td = FargateTaskDefinition::new(
            &mut app,
            s,
            &format!("Svc{i}TaskDef"),
            // The CDK's defaults, stated: rule F1 wants a Fargate task size written out.
            FargateTaskDefinitionProps::default()
                .cpu(256)
                .memory_limit_mib(512),
        )?;
        td.add_container(
            &mut app,
            "app",
            ContainerDefinitionOptions::default()
                .image(ContainerImage::from_registry("amazon/amazon-ecs-sample"))
                .port_mappings([PortMapping::from(80)])
                .logging(LogDriver::aws_logs(
                    AwsLogDriverProps::default().stream_prefix(format!("svc{i}")),
                )),
        )?;
        let service = FargateService::new(
            &mut app,
            s,
            &format!("Svc{i}Service"),
            FargateServiceProps::default()
                .cluster(cluster)
                .task_definition(td)
                .min_healthy_percent(100)
                .circuit_breaker(DeploymentCircuitBreaker::default().rollback(true)),
        )?;
        listener.add_targets(
            &mut app,
            &format!("Svc{i}"),
            AddTargetsProps::default()
                .port(80)
                .priority(i as u32 + 1)
                .conditions([ListenerCondition::path_patterns([format!("/svc{i}/*")])])
                .targets([service]),
        )?;
    }
    Ok(app)
}
