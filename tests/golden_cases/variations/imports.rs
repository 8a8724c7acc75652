//! Existing resources imported as the CDK imports them: a VPC by its attributes (subnets by
//! type and by group name), security groups by id (mutable with rules of their own, immutable,
//! allowing all outbound), a cluster by its attributes, and services, a load balancer and a
//! file system on them; built with `ecs_app!` (rules through its handles) and with the
//! builders, against our own CDK app `tests/golden/apps/imports.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

/// The rules the app adds to its imported groups, which `ecs_app!` has no items for.
fn add_rules(
    app: &mut App,
    shared: SecurityGroup,
    locked: SecurityGroup,
    open: SecurityGroup,
    db: SecurityGroup,
) -> Result<(), Error> {
    shared.add_ingress_rule(app, Peer::ipv4("10.20.0.0/16"), Port::tcp(8080), None)?;
    shared.add_egress_rule(app, Peer::any_ipv4(), Port::tcp(443), Some("https out"))?;
    // Immutable: nothing is written.
    locked.add_ingress_rule(app, Peer::any_ipv4(), Port::tcp(22), None)?;
    // All outbound allowed: the egress rule is left out.
    open.add_egress_rule(app, Peer::any_ipv4(), Port::tcp(25), None)?;
    open.add_ingress_rule(app, Peer::any_ipv4(), Port::tcp(443), None)?;
    db.add_ingress_rule(app, Peer::vpc_cidr_block(), Port::tcp(5432), None)
}

#[test]
fn imports_in_the_dsl_match_the_cdk() -> Result<(), Error> {
    let Built { mut app, handles } = ecs_app! {
        stack Imports {
            imported_vpc Vpc {
                vpc_id: "vpc-0a1b2c3d4e5f60718",
                availability_zones: ["us-east-1a", "us-east-1b"],
                vpc_cidr_block: "10.20.0.0/16",
                public_subnet_ids: ["subnet-0a000001", "subnet-0a000002"],
                private_subnet_ids: ["subnet-0b000001", "subnet-0b000002", "subnet-0c000001", "subnet-0c000002"],
                private_subnet_names: ["App", "Data"],
                isolated_subnet_ids: ["subnet-0d000001", "subnet-0d000002"],
            }
            imported_security_group Shared {
                security_group_id: "sg-0123456789abcdef0",
                allow_all_outbound: false,
            }
            imported_security_group Locked { security_group_id: "sg-0bbbbbbbbbbbbbbbb", mutable: false }
            imported_security_group Open { security_group_id: "sg-0cccccccccccccccc" }
            security_group Db { vpc: Vpc }
            imported_security_group Instances { security_group_id: "sg-0dddddddddddddddd" }
            imported_cluster Cluster {
                cluster_name: "shared",
                vpc: Vpc,
                security_groups: [Instances],
            }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                security_groups: [Shared],
                vpc_subnets: { subnet_group_name: "App" },
                min_healthy_percent: 100,
            }
            ec2_task_definition BridgeTaskDef {
                container app {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 256,
                    port_mappings: [8080],
                }
            }
            ec2_service Ec2Service {
                cluster: Cluster,
                task_definition: BridgeTaskDef,
                min_healthy_percent: 100,
            }
            application_load_balancer Lb {
                vpc: Vpc,
                internet_facing: true,
                listener Http { port: 80, add_targets Web { port: 80, targets: [Service] } }
                listener Admin {
                    port: 8080,
                    protocol: Http,
                    add_targets App { port: 8080, targets: [Ec2Service] }
                }
            }
            fargate_service Worker {
                cluster: Cluster,
                task_definition: TaskDef,
                vpc_subnets: { subnet_type: PrivateIsolated },
                min_healthy_percent: 100,
            }
            file_system Files { vpc: Vpc, vpc_subnets: { subnet_group_name: "Data" } }
        }
    }?;
    let s = handles.Imports;
    add_rules(&mut app, s.Shared, s.Locked, s.Open, s.Db)?;
    assert_matches_cdk(app, "imports");
    Ok(())
}
