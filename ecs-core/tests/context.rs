//! Context and feature flags: a flag set to a value this library cannot honour fails
//! synthesis with the flag, its value and where it came from; the value `cdk init` sets, or
//! none, synthesizes.

use ecs_core::prelude::*;
use serde_json::json;

fn app_with(context: serde_json::Value) -> App {
    let mut app = App::with_context(context);
    let s = app.add_stack("Web").unwrap();
    Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    app
}

#[test]
fn a_flag_set_to_false_is_an_error_naming_it_and_its_source() {
    let app = app_with(json!({"@aws-cdk/aws-ecs:removeEmptyLoadBalancers": false}));
    let e = app.validate().unwrap_err();
    assert_eq!(
        e.to_string(),
        "feature flag `@aws-cdk/aws-ecs:removeEmptyLoadBalancers` is `false` in the app's context: this library writes what the CDK writes with it `true` (services without targets write `LoadBalancers: []`), as `cdk init` sets it; set it to `true` or remove it"
    );
}

#[test]
fn a_flag_from_the_command_line_as_a_string_is_judged_too() {
    let app = app_with(json!({"@aws-cdk/aws-iam:minimizePolicies": "false"}));
    assert!(app.validate().is_err());
}

#[test]
fn the_recommended_values_and_other_context_synthesize() {
    let app = app_with(json!({
        "@aws-cdk/aws-ecs:removeEmptyLoadBalancers": true,
        "@aws-cdk/aws-iam:minimizePolicies": "true",
        "@aws-cdk/aws-ecs-patterns:removeDefaultDesiredCount": false,
        "stage": "prod",
    }));
    assert!(app.validate().is_ok());
    assert_eq!(app.context("stage"), Some(&json!("prod")));
}
