//! Services and several stacks: the cloud assembly's stack dependencies, and references between
//! stacks that would make a cycle.

use crate::support::ScratchDir;

#[test]
fn the_consumer_stack_depends_on_the_producer_in_the_manifest() {
    let dir = ScratchDir::new("two-stacks");
    crate::two_stacks::app().unwrap().synth_to(&dir).unwrap();
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
    ecs_app::ec2::SecurityGroup::new(&mut app, b, "Sg", SecurityGroupProps::default().vpc(vpc_a))
        .unwrap();
    ecs_app::ec2::SecurityGroup::new(&mut app, a, "Sg", SecurityGroupProps::default().vpc(vpc_b))
        .unwrap();
    let err = app.templates().unwrap_err().to_string();
    assert_eq!(
        err,
        "`B/Sg/Resource` refers to `A/Vpc/Resource` (Ref), but stack `A` already depends on stack `B`: this reference closes a cycle between stacks; declare both constructs in one stack, or make references go one way"
    );
}
