//! Task definitions with fault injection and an App Mesh proxy, in the DSL, and the CDK's
//! refusals; against our own CDK app `tests/golden/apps/task_features.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::ecs::task_definition::{AppMeshProxyConfigurationProps, ProxyConfiguration};
use ecs_app::iam::Statement;
use ecs_app::prelude::*;

#[test]
fn fault_injection_and_app_mesh_proxies_match_the_cdk() {
    let app = ecs_app! {
        stack TaskFeatures {
            fargate_task_definition Mesh {
                cpu: 512,
                memory_limit_mib: 1024,
                enable_fault_injection: true,
                proxy_configuration: ProxyConfiguration::app_mesh(
                    "envoy",
                    AppMeshProxyConfigurationProps::default()
                        .ignored_uid(1337)
                        .app_ports([8080, 8081])
                        .proxy_ingress_port(15000)
                        .proxy_egress_port(15001)
                        .egress_ignored_ips(["169.254.170.2", "169.254.169.254"]),
                )?,
                container app { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
                container envoy { image: ContainerImage::from_registry(IMAGE), essential: false, user: "1337" }
            }
            ec2_task_definition Host {
                network_mode: Host,
                enable_fault_injection: true,
                container app { image: ContainerImage::from_registry(IMAGE), memory_limit_mib: 256 }
            }
        }
    };
    let (mut app, handles) = app.unwrap().into_parts();
    handles
        .TaskFeatures
        .Mesh
        .add_to_task_role_policy(
            &mut app,
            Statement::allow(["s3:GetObject"]).on([Value::from("arn:aws:s3:::assets/*")]),
        )
        .unwrap();
    handles
        .TaskFeatures
        .Host
        .add_to_execution_role_policy(&mut app, Statement::allow(["ssm:GetParameters"]).on_any())
        .unwrap();
    assert_matches_cdk(app, "task_features");
}

#[test]
fn a_proxy_needs_an_ignored_user_or_group() {
    let err = ProxyConfiguration::app_mesh(
        "envoy",
        AppMeshProxyConfigurationProps::default()
            .app_ports([8080])
            .proxy_ingress_port(15000)
            .proxy_egress_port(15001),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("needs `ignored_uid` or `ignored_gid`"),
        "{err}"
    );
}

#[test]
fn network_features_outside_their_modes_are_refused() {
    let mut app = App::new();
    let s = app.add_stack("S").unwrap();
    let err = Ec2TaskDefinition::new(
        &mut app,
        s,
        "Bridge",
        Ec2TaskDefinitionProps::default().enable_fault_injection(true),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("sets `enable_fault_injection` in `Bridge` network mode"),
        "{err}"
    );
}
