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
                    { name: "App", subnet_type: PrivateWithEgress, ipv6_assign_address_on_creation: false },
                    { name: "Data", subnet_type: PrivateIsolated, cidr_mask: 24 },
                ],
            }
            vpc NoNat { ip_protocol: DualStack, max_azs: 2, nat_gateways: 0 }
        }
    };
    assert_matches_cdk(app.unwrap(), "dual_stack");
}

#[test]
fn ipv6_options_need_a_dual_stack_vpc() {
    let mut app = App::new();
    let s = app.add_stack("DualStack").unwrap();
    let e = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().subnet_configuration([SubnetConfiguration::new(
            "Web",
            SubnetType::Public,
        )
        .ipv6_assign_address_on_creation(true)]),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .ends_with("add `ip_protocol: DualStack` to the vpc or remove it"),
        "{e}"
    );
}
