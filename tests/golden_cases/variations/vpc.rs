//! VPC layouts beyond the default (subnet groups with and without masks, reserved groups and
//! zones, a range of its own, NAT placement and count, DNS and tenancy settings, no internet
//! gateway) and constructs placed in subnets by group name, in the DSL and with the builders;
//! against our own CDK app `tests/golden/apps/vpc.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn vpc_layouts_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack Network {
            vpc Tiered {
                ip_addresses: IpAddresses::cidr("10.1.0.0/16"),
                max_azs: 2,
                nat_gateways: 1,
                vpc_name: "tiered",
                enable_dns_hostnames: false,
                subnet_configuration: [
                    { name: "Ingress", subnet_type: Public, cidr_mask: 24 },
                    { name: "App", subnet_type: PrivateWithEgress, cidr_mask: 20 },
                    { name: "Spare", subnet_type: PrivateIsolated, cidr_mask: 24, reserved: true },
                    { name: "Data", subnet_type: PrivateIsolated, cidr_mask: 26 },
                ],
            }
            cluster Cluster { vpc: Tiered }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                vpc_subnets: { subnet_group_name: "App" },
            }
            application_load_balancer LB {
                vpc: Tiered,
                internet_facing: true,
                vpc_subnets: { subnet_group_name: "Ingress" },
                listener Http { port: 80, add_targets Web { port: 80, targets: [Service] } }
            }
            file_system Files { vpc: Tiered, vpc_subnets: { subnet_group_name: "Data" } }

            vpc Flat {
                cidr: "10.2.0.0/20",
                nat_gateways: 0,
                reserved_azs: 1,
                restrict_default_security_group: false,
                default_instance_tenancy: Dedicated,
                subnet_configuration: [
                    { name: "Edge", subnet_type: Public, map_public_ip_on_launch: false },
                ],
            }
            auto_scaling_group Fleet {
                vpc: Flat,
                instance_type: "t3.micro",
                machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard),
                min_capacity: 0,
                max_capacity: 1,
            }

            vpc Split {
                ip_addresses: IpAddresses::cidr("10.3.0.0/16"),
                max_azs: 3,
                nat_gateways: 5,
                nat_gateway_subnets: { subnet_group_name: "Outbound" },
                subnet_configuration: [
                    { name: "Web", subnet_type: Public, cidr_mask: 28 },
                    { name: "Outbound", subnet_type: Public, cidr_mask: 28 },
                    { name: "Work", subnet_type: PrivateWithEgress },
                    { name: "Store", subnet_type: PrivateIsolated },
                ],
            }

            vpc Closed {
                max_azs: 1,
                nat_gateways: 0,
                create_internet_gateway: false,
                subnet_configuration: [
                    { name: "Front", subnet_type: Public },
                    { name: "Back", subnet_type: PrivateWithEgress },
                ],
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "vpc");
}

fn builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("Network")?;
    let tiered = Vpc::new(
        &mut app,
        s,
        "Tiered",
        VpcProps::default()
            .ip_addresses(IpAddresses::cidr("10.1.0.0/16"))
            .max_azs(2)
            .nat_gateways(1)
            .vpc_name("tiered")
            .enable_dns_hostnames(false)
            .subnet_configuration([
                SubnetConfiguration::new("Ingress", SubnetType::Public).cidr_mask(24),
                SubnetConfiguration::new("App", SubnetType::PrivateWithEgress).cidr_mask(20),
                SubnetConfiguration::new("Spare", SubnetType::PrivateIsolated)
                    .cidr_mask(24)
                    .reserved(true),
                SubnetConfiguration::new("Data", SubnetType::PrivateIsolated).cidr_mask(26),
            ]),
    )?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(tiered))?;
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .port_mappings([80]),
    )?;
    let service = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100)
            .vpc_subnets(SubnetSelection::default().subnet_group_name("App")),
    )?;
    let lb = ApplicationLoadBalancer::new(
        &mut app,
        s,
        "LB",
        LoadBalancerProps::default()
            .vpc(tiered)
            .internet_facing(true)
            .vpc_subnets(SubnetSelection::default().subnet_group_name("Ingress")),
    )?;
    let listener = lb.add_listener(&mut app, "Http", ListenerProps::default().port(80))?;
    listener.add_targets(
        &mut app,
        "Web",
        AddTargetsProps::default().port(80).targets([service]),
    )?;
    FileSystem::new(
        &mut app,
        s,
        "Files",
        FileSystemProps::default()
            .vpc(tiered)
            .vpc_subnets(SubnetSelection::default().subnet_group_name("Data")),
    )?;

    let flat = Vpc::new(
        &mut app,
        s,
        "Flat",
        VpcProps::default()
            .cidr("10.2.0.0/20")
            .nat_gateways(0)
            .reserved_azs(1)
            .restrict_default_security_group(false)
            .default_instance_tenancy(DefaultInstanceTenancy::Dedicated)
            .subnet_configuration([
                SubnetConfiguration::new("Edge", SubnetType::Public).map_public_ip_on_launch(false)
            ]),
    )?;
    AutoScalingGroup::new(
        &mut app,
        s,
        "Fleet",
        AutoScalingGroupProps::default()
            .vpc(flat)
            .instance_type("t3.micro")
            .machine_image(EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard))
            .min_capacity(0)
            .max_capacity(1),
    )?;

    Vpc::new(
        &mut app,
        s,
        "Split",
        VpcProps::default()
            .ip_addresses(IpAddresses::cidr("10.3.0.0/16"))
            .max_azs(3)
            .nat_gateways(5)
            .nat_gateway_subnets(SubnetSelection::default().subnet_group_name("Outbound"))
            .subnet_configuration([
                SubnetConfiguration::new("Web", SubnetType::Public).cidr_mask(28),
                SubnetConfiguration::new("Outbound", SubnetType::Public).cidr_mask(28),
                SubnetConfiguration::new("Work", SubnetType::PrivateWithEgress),
                SubnetConfiguration::new("Store", SubnetType::PrivateIsolated),
            ]),
    )?;
    Vpc::new(
        &mut app,
        s,
        "Closed",
        VpcProps::default()
            .max_azs(1)
            .nat_gateways(0)
            .create_internet_gateway(false)
            .subnet_configuration([
                SubnetConfiguration::new("Front", SubnetType::Public),
                SubnetConfiguration::new("Back", SubnetType::PrivateWithEgress),
            ]),
    )?;
    Ok(app)
}

#[test]
fn vpc_layouts_with_the_builders_match_the_cdk() {
    assert_matches_cdk(builders().unwrap(), "vpc");
}

/// The CDK's refusals, each with the fix.
#[test]
fn vpc_layouts_the_cdk_refuses_are_errors() {
    let cases: [(VpcProps, &str); 6] = [
        (
            VpcProps::default().enable_dns_hostnames(true),
            "dns host names need dns support",
        ),
        (
            VpcProps::default()
                .cidr("10.0.0.0/16")
                .ip_addresses(IpAddresses::cidr("10.1.0.0/16")),
            "has both `ip_addresses` and `cidr`",
        ),
        (
            VpcProps::default().cidr("10.0.0.0/8"),
            "a vpc's range is a CIDR block between /16 and /28",
        ),
        (
            VpcProps::default().subnet_configuration([SubnetConfiguration::new(
                "App",
                SubnetType::PrivateWithEgress,
            )]),
            "needs a public subnet group to put its NAT gateways in",
        ),
        (
            VpcProps::default().subnet_configuration([SubnetConfiguration::new(
                "Data",
                SubnetType::PrivateIsolated,
            )
            .map_public_ip_on_launch(true)]),
            "only public subnets map public ips",
        ),
        (
            VpcProps::default()
                .cidr("10.0.0.0/24")
                .subnet_configuration([
                    SubnetConfiguration::new("Web", SubnetType::Public).cidr_mask(24)
                ]),
            "has no room for a /24 subnet in 10.0.0.0/24",
        ),
    ];
    for (props, message) in cases {
        let mut app = App::new();
        let s = app.add_stack("S").unwrap();
        let err = Vpc::new(&mut app, s, "Vpc", props).unwrap_err().to_string();
        assert!(err.contains(message), "{err}");
    }
    let mut app = App::new();
    let s = app.add_stack("S").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let err = vpc
        .select_subnets(&app, &SubnetSelection::default().subnet_group_name("Db"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "vpc `Vpc` has no subnet group named `Db`: use one of Public, Private"
    );
}
