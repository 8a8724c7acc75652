//! Dual-stack VPCs beyond the README's — public, private and isolated groups, a public group
//! mapping public IPv4 addresses, a VPC without NAT gateways — in `ecs_app!`, against our own
//! CDK app `tests/golden/apps/dual_stack.js`.

use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn dual_stack_vpcs_match_the_cdk() {
    let app = ecs_app! {
        stack DualStack {
            vpc Three {
                ip_protocol: DualStack,
                max_azs: 2,
                nat_gateways: 1,
                subnet_configuration: [
                    { name: "Web", subnet_type: Public, map_public_ip_on_launch: true },
                    { name: "App", subnet_type: PrivateWithEgress },
                    { name: "Data", subnet_type: PrivateIsolated, cidr_mask: 24 },
                ],
            }
            vpc NoNat { ip_protocol: DualStack, max_azs: 2, nat_gateways: 0 }
        }
    };
    assert_matches_cdk(app.unwrap(), "dual_stack");
}
