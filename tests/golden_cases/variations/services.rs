//! Service, load-balancer and Cloud Map options the oracle apps do not exercise, against our own
//! CDK app `tests/golden/apps/services.js` (one theme per stack).

use super::IMAGE;
use crate::support::assert_stacks_match_cdk;
use ecs_app::prelude::*;

const CERT: &str = "arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234";

#[test]
fn ec2_placement_matches_the_cdk() {
    use ecs_app::ecs::service::{PlacementConstraint, PlacementStrategy};
    let app = ecs_app! {
        stack Ec2Placement {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc, add_capacity Asg { instance_type: "t3.large", max_capacity: 3 } }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Placed {
                cluster: Cluster,
                task_definition: TaskDef,
                desired_count: 3,
                placement_strategies: [
                    PlacementStrategy::spread_across(["attribute:ecs.availability-zone"]),
                    PlacementStrategy::packed_by_memory(),
                ],
                placement_constraints: [
                    PlacementConstraint::distinct_instances(),
                    PlacementConstraint::member_of("attribute:ecs.instance-type =~ t3.*"),
                ],
                propagate_tags: Service,
                enable_ecs_managed_tags: true,
            }
            ec2_service Random {
                cluster: Cluster,
                task_definition: TaskDef,
                placement_strategies: [PlacementStrategy::randomly(), PlacementStrategy::spread_across_instances()],
                propagate_tags: TaskDefinition,
            }
            ec2_service External { cluster: Cluster, task_definition: TaskDef, deployment_controller: External }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "services", 1);
}

#[test]
fn fargate_networking_matches_the_cdk() {
    let app = ecs_app! {
        stack FargateNetworking {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            security_group SgA { vpc: Vpc, description: "first" }
            security_group SgB { vpc: Vpc, allow_all_outbound: false }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Public {
                cluster: Cluster,
                task_definition: TaskDef,
                vpc_subnets: { subnet_type: Public },
                security_groups: [SgA, SgB],
                assign_public_ip: true,
                enable_ecs_managed_tags: true,
                propagate_tags: Service,
            }
            fargate_service BlueGreen {
                cluster: Cluster,
                task_definition: TaskDef,
                deployment_controller: CodeDeploy,
                health_check_grace_period: Duration::seconds(120),
            }
            application_load_balancer LB {
                vpc: Vpc,
                internet_facing: true,
                listener Http { port: 80, add_targets Blue { port: 80, targets: [BlueGreen] } }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "services", 1);
}

#[test]
fn https_alb_matches_the_cdk() {
    let app = ecs_app! {
        stack HttpsAlb {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                health_check_grace_period: Duration::minutes(2),
            }
            application_load_balancer LB {
                vpc: Vpc,
                internet_facing: true,
                listener Https {
                    port: 443,
                    certificates: [ListenerCertificate::from_arn(CERT)],
                    ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
                    add_targets Web {
                        port: 8080,
                        protocol: Http,
                        targets: [Service],
                        health_check: {
                            path: "/health",
                            interval: Duration::seconds(15),
                            timeout: Duration::seconds(5),
                            healthy_threshold_count: 2,
                            unhealthy_threshold_count: 4,
                            healthy_http_codes: "200-299",
                        },
                        deregistration_delay: Duration::seconds(30),
                    }
                }
                listener Alt {
                    port: 8443,
                    protocol: Https,
                    certificates: [ListenerCertificate::from_arn(CERT)],
                    add_targets Alt { port: 8080, protocol: Http, targets: [Service] }
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "services", 1);
}

#[test]
fn nlb_protocols_match_the_cdk() {
    let app = ecs_app! {
        stack NlbProtocols {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container dns {
                    image: ContainerImage::from_registry(IMAGE),
                    port_mappings: [{ container_port: 53, protocol: Udp }, 8443],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
            network_load_balancer NLB {
                vpc: Vpc,
                listener Udp {
                    port: 53,
                    protocol: Udp,
                    add_targets Dns {
                        port: 53,
                        protocol: Udp,
                        targets: [{ service: Service, container_name: dns, container_port: 53, protocol: Udp }],
                    }
                }
                listener Tls {
                    port: 443,
                    protocol: Tls,
                    certificates: [ListenerCertificate::from_arn(CERT)],
                    add_targets Tcp {
                        port: 8443,
                        protocol: Tcp,
                        targets: [{ service: Service, container_name: dns, container_port: 8443 }],
                        deregistration_delay: Duration::seconds(10),
                        health_check: { port: "8443", protocol: Tcp, interval: Duration::seconds(10) },
                    }
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "services", 1);
}

#[test]
fn cloud_map_a_records_match_the_cdk() {
    let app = ecs_app! {
        stack CloudMapA {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc, default_cloud_map_namespace: { name: "svc.local" } }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container api { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Api {
                cluster: Cluster,
                task_definition: TaskDef,
                cloud_map_options: {
                    name: "api",
                    dns_record_type: A,
                    dns_ttl: Duration::seconds(30),
                    failure_threshold: 2,
                },
            }
            fargate_service Worker { cluster: Cluster, task_definition: TaskDef, cloud_map_options: {} }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "services", 1);
}

#[test]
fn misc_service_options_match_the_cdk() {
    let app = ecs_app! {
        stack Misc {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc, add_capacity Asg { instance_type: "t3.medium" } }
            private_dns_namespace Ns { name: "corp.local", vpc: Vpc }
            ec2_task_definition TaskDef {
                network_mode: AwsVpc,
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                circuit_breaker: { rollback: true },
                min_healthy_percent: 0,
                max_healthy_percent: 100,
                cloud_map_options: { cloud_map_namespace: Ns, dns_record_type: Srv, name: "web" },
            }
            security_group LbSg { vpc: Vpc, allow_all_outbound: false }
            application_load_balancer ALB {
                vpc: Vpc,
                internet_facing: false,
                load_balancer_name: "private-alb",
                security_group: LbSg,
                vpc_subnets: { subnet_type: PrivateWithEgress },
                listener Http {
                    port: 8080,
                    protocol: Http,
                    open: false,
                    add_targets Web {
                        port: 80,
                        targets: [Service],
                        target_group_name: "web-tg",
                        health_check: { enabled: true, healthy_http_codes: "200,301" },
                    }
                }
            }
            network_load_balancer NLB {
                vpc: Vpc,
                internet_facing: true,
                vpc_subnets: { subnet_type: Public },
                listener Tcp {
                    port: 80,
                    add_targets Web { port: 80, targets: [Service], health_check: { enabled: false } }
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "services", 1);
}

/// Which instance groups a load balancer reaches, against `tests/golden/apps/connections.js`:
/// a capacity provider's group is not in the cluster's connections (no rules to it, and the
/// application load balancer keeps its "Disallow all traffic" egress), while groups added with
/// `add_capacity` and `add_auto_scaling_group` are.
#[test]
fn only_groups_added_as_capacity_join_the_cluster_connections_as_in_the_cdk() {
    let app = ecs_app! {
        stack ProviderOnly {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc, add_asg_capacity_provider Provider {} }
            auto_scaling_group Asg {
                vpc: Vpc,
                instance_type: "t3.medium",
                machine_image: EcsOptimizedImage::amazon_linux2023(AmiHardwareType::Standard),
            }
            asg_capacity_provider Provider { auto_scaling_group: Asg }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer ALB {
                vpc: Vpc,
                internet_facing: true,
                listener Http { port: 80, add_targets Web { port: 80, targets: [Service] } }
            }
            ec2_task_definition ClassicTaskDef {
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 80 }],
                }
            }
            ec2_service Classic { cluster: Cluster, task_definition: ClassicTaskDef }
            classic_load_balancer CLB {
                vpc: Vpc,
                listeners: [{ external_port: 80 }],
                targets: [Classic],
            }
        }
        stack GroupsJoin {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity Capacity { instance_type: "t3.large", max_capacity: 2 }
                add_auto_scaling_group Own { task_drain_time: 0 }
                add_asg_capacity_provider Provider {}
            }
            auto_scaling_group Own {
                vpc: Vpc,
                instance_type: "t3.medium",
                machine_image: EcsOptimizedImage::amazon_linux2023(AmiHardwareType::Standard),
            }
            auto_scaling_group ProviderAsg {
                vpc: Vpc,
                instance_type: "t3.medium",
                machine_image: EcsOptimizedImage::amazon_linux2023(AmiHardwareType::Standard),
            }
            asg_capacity_provider Provider { auto_scaling_group: ProviderAsg }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    port_mappings: [80],
                }
            }
            ec2_service Service { cluster: Cluster, task_definition: TaskDef }
            application_load_balancer ALB {
                vpc: Vpc,
                internet_facing: true,
                listener Http { port: 80, add_targets Web { port: 80, targets: [Service] } }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "connections", 2);
}

/// Load balancers of one stack reaching a bridge-mode EC2 service whose instances are another
/// stack's, against `tests/golden/apps/cross_stack.js`: the service imports the instance group
/// (`Daemon/SecurityGroup1`), the rules live in the service's stack and name the group through
/// the other stack's outputs, so the instances' stack never depends on the service's.
#[test]
fn load_balancer_rules_to_another_stacks_instances_stay_in_the_service_stack_as_in_the_cdk() {
    let app = ecs_app! {
        stack Shared {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc, add_capacity Capacity { instance_type: "t3.large" } }
        }
        stack Web {
            ec2_task_definition Bridge {
                container app {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 80 }, 8080],
                }
            }
            ec2_service Daemon { cluster: Cluster, task_definition: Bridge, daemon: true }
            classic_load_balancer LB { vpc: Vpc, listeners: [{ external_port: 80 }], targets: [Daemon] }
            application_load_balancer ALB {
                vpc: Vpc,
                internet_facing: true,
                listener Http {
                    port: 80,
                    add_targets App {
                        port: 80,
                        targets: [{ service: Daemon, container_name: app, container_port: 8080 }],
                    }
                }
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "cross_stack", 2);
}
