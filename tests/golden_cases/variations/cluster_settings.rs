//! Cluster settings the oracle apps do not exercise (Container Insights, classic and V2),
//! against our own CDK app `tests/golden/apps/cluster_settings.js`.

use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn container_insights_match_the_cdk() {
    let app = ecs_app! {
        stack ClusterSettings {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Insights { vpc: Vpc, container_insights: true }
            cluster NoInsights { vpc: Vpc, container_insights: false }
            cluster Enhanced { vpc: Vpc, container_insights_v2: Enhanced }
            cluster V2Disabled { vpc: Vpc, container_insights_v2: ContainerInsights::Disabled }
            cluster Plain { vpc: Vpc }
        }
    };
    assert_matches_cdk(app.unwrap(), "cluster_settings");
}

#[test]
fn the_builders_refuse_both_container_insights_settings() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let e = Cluster::new(
        &mut app,
        s,
        "Cluster",
        ClusterProps::default()
            .container_insights(true)
            .container_insights_v2(ContainerInsights::Enabled),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "cluster `Cluster` cannot set both `container_insights` and `container_insights_v2`: keep `container_insights_v2`"
    );
}
