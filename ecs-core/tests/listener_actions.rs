//! Listener default actions: `ListenerAction::fixed_response` on application
//! listeners, and the errors around it.

use ecs_core::elbv2::*;
use ecs_core::prelude::*;

fn listener(props: ListenerProps, network: bool) -> (App, Result<Listener, Error>) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
    let lb_props = LoadBalancerProps::default().vpc(vpc);
    let lb = if network {
        NetworkLoadBalancer::new(&mut app, s, "LB", lb_props).unwrap()
    } else {
        ApplicationLoadBalancer::new(&mut app, s, "LB", lb_props).unwrap()
    };
    let l = lb.add_listener(&mut app, "Listener", props);
    (app, l)
}

fn listener_json(app: &App) -> serde_json::Value {
    let templates = app.templates().unwrap();
    let resources = templates[0].1["Resources"].as_object().unwrap().clone();
    resources
        .into_iter()
        .find(|(_, r)| r["Type"] == "AWS::ElasticLoadBalancingV2::Listener")
        .unwrap()
        .1
}

#[test]
fn fixed_response_is_the_default_action() {
    let (app, l) = listener(
        ListenerProps::default()
            .port(80)
            .default_action(ListenerAction::fixed_response(404)),
        false,
    );
    l.unwrap();
    assert_eq!(
        listener_json(&app)["Properties"]["DefaultActions"],
        serde_json::json!([{"FixedResponseConfig": {"StatusCode": "404"}, "Type": "fixed-response"}])
    );
}

#[test]
fn fixed_response_carries_content_type_and_body() {
    let (app, l) = listener(
        ListenerProps::default().port(80).default_action(
            ListenerAction::fixed_response(503)
                .content_type("text/plain")
                .message_body("down"),
        ),
        false,
    );
    l.unwrap();
    assert_eq!(
        listener_json(&app)["Properties"]["DefaultActions"][0]["FixedResponseConfig"],
        serde_json::json!({"ContentType": "text/plain", "MessageBody": "down", "StatusCode": "503"})
    );
}

#[test]
fn network_listeners_cannot_answer_fixed_responses() {
    let (_, l) = listener(
        ListenerProps::default()
            .port(80)
            .default_action(ListenerAction::fixed_response(404)),
        true,
    );
    let e = l.unwrap_err().to_string();
    assert!(e.contains("cannot have `default_action`"), "{e}");
}

#[test]
fn default_targets_conflict_with_a_default_action() {
    let (mut app, l) = listener(
        ListenerProps::default()
            .port(80)
            .default_action(ListenerAction::fixed_response(404)),
        false,
    );
    let l = l.unwrap();
    let e = l
        .add_targets(&mut app, "Default", AddTargetsProps::default().port(80))
        .unwrap_err()
        .to_string();
    assert!(e.contains("already has a default action"), "{e}");
}
