//! ECS Managed Instances: a capacity provider with the infrastructure role, instance role and
//! instance profile the CDK creates (instance requirements, task volume storage, detailed
//! monitoring, tags propagated), one given an existing role and instance profile (named,
//! Spot), both added to the cluster; a Managed Instances task definition run by a Fargate
//! service through a strategy naming the first provider; with the builders and in `ecs_app!`,
//! against our own CDK app `tests/golden/apps/managed_instances.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

fn builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("ManagedInstances")?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    let sg = SecurityGroup::new(
        &mut app,
        s,
        "InstanceSg",
        SecurityGroupProps::default().vpc(vpc),
    )?;
    let provider = ManagedInstancesCapacityProvider::new(
        &mut app,
        s,
        "Provider",
        ManagedInstancesCapacityProviderProps::default()
            .vpc(vpc)
            .subnets(SubnetType::PrivateWithEgress)
            .security_groups([sg])
            .task_volume_storage(Size::gibibytes(100))
            .monitoring(InstanceMonitoring::Detailed)
            .propagate_tags(PropagateManagedInstancesTags::CapacityProvider)
            .instance_requirements(
                InstanceRequirementsConfig::default()
                    .vcpu_count_min(2)
                    .vcpu_count_max(8)
                    .memory_min(Size::gibibytes(4))
                    .memory_max(Size::gibibytes(16))
                    .cpu_manufacturers(["intel", "amd"])
                    .instance_generations(["current"])
                    .burstable_performance("excluded")
                    .allowed_instance_types(["m5.*", "c5.*"])
                    .spot_max_price_percentage_over_lowest_price(50),
            ),
    )?;
    cluster.add_managed_instances_capacity_provider(&mut app, provider)?;

    let role = Role::from_role_arn(
        &mut app,
        s,
        "InfraRole",
        ImportedRoleProps::default().role_arn("arn:aws:iam::123456789012:role/ecs-infrastructure"),
    )?;
    let given = ManagedInstancesCapacityProvider::new(
        &mut app,
        s,
        "GivenProvider",
        ManagedInstancesCapacityProviderProps::default()
            .capacity_provider_name("given-provider")
            .infrastructure_role(role)
            .ec2_instance_profile(InstanceProfile::from_instance_profile_name(
                "ecsInstanceRole-given",
            ))
            .vpc(vpc)
            .subnets(SubnetType::Public)
            .security_groups([sg])
            .capacity_option_type(CapacityOptionType::Spot)
            .instance_requirements(
                InstanceRequirementsConfig::default()
                    .vcpu_count_min(1)
                    .memory_min(Size::gibibytes(2)),
            ),
    )?;
    cluster.add_managed_instances_capacity_provider(&mut app, given)?;

    let task = TaskDefinition::new(
        &mut app,
        s,
        "Task",
        TaskDefinitionProps::default()
            .compatibility(Compatibility::ManagedInstances)
            .cpu("512")
            .memory_mib("1024"),
    )?;
    task.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .port_mappings([PortMapping::from(80)]),
    )?;
    FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(task)
            .min_healthy_percent(100)
            .capacity_provider_strategies([CapacityProviderStrategy::default()
                .capacity_provider(provider)
                .weight(1)]),
    )?;
    Ok(app)
}

#[test]
fn managed_instances_with_the_builders_match_the_cdk() {
    assert_matches_cdk(builders().unwrap(), "managed_instances");
}

#[test]
fn managed_instances_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack ManagedInstances {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster {
                vpc: Vpc,
                add_managed_instances_capacity_provider Provider {}
                add_managed_instances_capacity_provider GivenProvider {}
            }
            security_group InstanceSg { vpc: Vpc }
            managed_instances_capacity_provider Provider {
                vpc: Vpc,
                subnets: { subnet_type: PrivateWithEgress },
                security_groups: [InstanceSg],
                task_volume_storage: Size::gibibytes(100),
                monitoring: Detailed,
                propagate_tags: CapacityProvider,
                instance_requirements: {
                    vcpu_count_min: 2,
                    vcpu_count_max: 8,
                    memory_min: Size::gibibytes(4),
                    memory_max: Size::gibibytes(16),
                    cpu_manufacturers: ["intel", "amd"],
                    instance_generations: ["current"],
                    burstable_performance: "excluded",
                    allowed_instance_types: ["m5.*", "c5.*"],
                    spot_max_price_percentage_over_lowest_price: 50,
                },
            }
            imported_role InfraRole { role_arn: "arn:aws:iam::123456789012:role/ecs-infrastructure" }
            managed_instances_capacity_provider GivenProvider {
                capacity_provider_name: "given-provider",
                infrastructure_role: InfraRole,
                ec2_instance_profile: InstanceProfile::from_instance_profile_name("ecsInstanceRole-given"),
                vpc: Vpc,
                subnets: { subnet_type: Public },
                security_groups: [InstanceSg],
                capacity_option_type: Spot,
                instance_requirements: { vcpu_count_min: 1, memory_min: Size::gibibytes(2) },
            }
            task_definition Task {
                compatibility: ManagedInstances,
                cpu: "512",
                memory_mib: "1024",
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    port_mappings: [80],
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: Task,
                min_healthy_percent: 100,
                capacity_provider_strategies: [{ capacity_provider: Provider, weight: 1 }],
            }
        }
    }
    .unwrap();
    assert_matches_cdk(app, "managed_instances");
}
