//! A cluster with managed storage keys and capacity created with it, in the DSL; against our
//! own CDK app `tests/golden/apps/cluster_storage.js`.

use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn managed_storage_and_cluster_capacity_match_the_cdk() {
    let app = ecs_app! {
        stack ClusterStorage {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            kms_key Key {}
            kms_key StorageKey {}
            cluster Cluster {
                vpc: Vpc,
                managed_storage_configuration: { fargate_ephemeral_storage_kms_key: Key, kms_key: StorageKey },
                capacity: AddCapacityOptions::default().instance_type("t3.small").max_capacity(1),
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "cluster_storage");
}
