//! Rules found by comparing variation apps with the CDK: load balancer names, and a rule
//! target's public IP outside public subnets.

use ecs_core::ec2::SubnetType;
use ecs_core::elbv2::*;
use ecs_core::events::{Rule, RuleProps};
use ecs_core::events_targets::EcsTask;
use ecs_core::prelude::*;
use ecs_core::schedule::Schedule;

#[test]
fn load_balancer_names_the_cdk_refuses_are_errors() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    for name in ["internal-web", "-web", "web-", "web_alb", &"x".repeat(33)] {
        let err = ApplicationLoadBalancer::new(
            &mut app,
            s,
            "LB",
            LoadBalancerProps::default()
                .vpc(vpc)
                .load_balancer_name(name),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            ecs_core::rules::load_balancer_name_message("LB", name)
        );
    }
    ApplicationLoadBalancer::new(
        &mut app,
        s,
        "LB",
        LoadBalancerProps::default()
            .vpc(vpc)
            .load_balancer_name("web-alb-1"),
    )
    .unwrap();
}

#[test]
fn a_public_ip_in_private_subnets_is_an_error() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
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
        "job",
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx")),
    )
    .unwrap();
    let rule = Rule::new(
        &mut app,
        s,
        "Rule",
        RuleProps::default().schedule(Schedule::expression("rate(1 hour)").unwrap()),
    )
    .unwrap();
    let target = EcsTask::default()
        .cluster(cluster)
        .task_definition(td)
        .assign_public_ip(true);
    let err = rule
        .add_target(
            &mut app,
            target
                .clone()
                .subnet_selection(SubnetType::PrivateWithEgress),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("add `subnet_selection: { subnet_type: Public }`")
    );
    // Without a selection the CDK takes the private subnets, where a public IP is refused too.
    assert!(rule.add_target(&mut app, target.clone()).is_err());
    rule.add_target(&mut app, target.subnet_selection(SubnetType::Public))
        .unwrap();
}
