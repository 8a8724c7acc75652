//! Golden tests of services, load balancing, Cloud Map and several stacks: each example
//! synthesizes the template the real AWS CDK synthesized for the same app.

mod support;

use support::{assert_matches_cdk, assert_template_matches};

#[allow(dead_code)]
#[path = "../examples/alb_targets.rs"]
mod alb_targets;
#[allow(dead_code)]
#[path = "../examples/classic_lb.rs"]
mod classic_lb;
#[allow(dead_code)]
#[path = "../examples/cloudmap_a_srv.rs"]
mod cloudmap_a_srv;
#[allow(dead_code)]
#[path = "../examples/cloudmap_associate.rs"]
mod cloudmap_associate;
#[allow(dead_code)]
#[path = "../examples/nlb_targets.rs"]
mod nlb_targets;
#[allow(dead_code)]
#[path = "../examples/register_lb_targets.rs"]
mod register_lb_targets;
#[allow(dead_code)]
#[path = "../examples/service_sg_circuit_breaker.rs"]
mod service_sg_circuit_breaker;
#[allow(dead_code)]
#[path = "../examples/two_stacks.rs"]
mod two_stacks;

#[test]
fn service_sg_circuit_breaker_matches_the_cdk() {
    assert_matches_cdk(
        service_sg_circuit_breaker::app().unwrap(),
        "17-service-sg-circuit-breaker",
    );
}

#[test]
fn alb_targets_matches_the_cdk() {
    assert_matches_cdk(alb_targets::app().unwrap(), "18-alb-targets");
}

#[test]
fn register_lb_targets_matches_the_cdk() {
    assert_matches_cdk(
        register_lb_targets::app().unwrap(),
        "19-register-lb-targets",
    );
}

#[test]
fn nlb_targets_matches_the_cdk() {
    assert_matches_cdk(nlb_targets::app().unwrap(), "20-nlb-targets");
}

#[test]
fn classic_lb_matches_the_cdk() {
    assert_matches_cdk(classic_lb::app().unwrap(), "21-classic-lb");
}

#[test]
fn cloudmap_a_srv_matches_the_cdk() {
    assert_matches_cdk(cloudmap_a_srv::app().unwrap(), "26-cloudmap-a-srv");
}

#[test]
fn cloudmap_associate_matches_the_cdk() {
    assert_matches_cdk(cloudmap_associate::app().unwrap(), "27-cloudmap-associate");
}

#[test]
fn two_stacks_match_the_cdk_stack_by_stack() {
    let templates = two_stacks::app().unwrap().templates().unwrap();
    assert_eq!(templates.len(), 2);
    for (name, template) in templates {
        assert_template_matches(template, &format!("41-two-stacks.{name}"));
    }
}

#[test]
fn the_consumer_stack_depends_on_the_producer_in_the_manifest() {
    let dir = std::env::temp_dir().join(format!("ecs-app-two-stacks-{}", std::process::id()));
    two_stacks::app().unwrap().synth_to(&dir).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["artifacts"]["Worker"]["dependencies"],
        serde_json::json!(["SharedCluster", "Worker.assets"])
    );
    assert_eq!(
        manifest["artifacts"]["SharedCluster"]["dependencies"],
        serde_json::json!(["SharedCluster.assets"])
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_reference_cycle_between_stacks_is_an_error_naming_the_reference() {
    use ecs_app::prelude::*;
    let mut app = App::new();
    let a = app.add_stack("A").unwrap();
    let b = app.add_stack("B").unwrap();
    let vpc_a = Vpc::new(&mut app, a, "Vpc", VpcProps::default()).unwrap();
    let vpc_b = Vpc::new(&mut app, b, "Vpc", VpcProps::default()).unwrap();
    // Each stack reads the other's VPC; stacks are walked in app order, so A's reference is
    // found first and B's closes the cycle.
    ecs_app::ec2::SecurityGroup::create(
        &mut app,
        b,
        "Sg",
        SecurityGroupProps::default().vpc(vpc_a),
    )
    .unwrap();
    ecs_app::ec2::SecurityGroup::create(
        &mut app,
        a,
        "Sg",
        SecurityGroupProps::default().vpc(vpc_b),
    )
    .unwrap();
    let err = app.templates().unwrap_err().to_string();
    assert_eq!(
        err,
        "`B/Sg/Resource` refers to `A/Vpc/Resource` (Ref), but stack `A` already depends on stack `B`: this reference closes a cycle between stacks; declare both constructs in one stack, or make references go one way"
    );
}
