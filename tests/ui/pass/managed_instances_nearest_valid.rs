// The nearest valid neighbours of the Managed Instances checks: one security group, a name
// without a reserved prefix, allowed types alone, one price protection, a
// provider with its own instance profile on no cluster, host networking, a Linux platform.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            security_group Sg { vpc: Vpc }
            cluster Cluster { vpc: Vpc, add_managed_instances_capacity_provider Provider {} }
            managed_instances_capacity_provider Provider {
                capacity_provider_name: "instances",
                vpc: Vpc,
                subnets: { subnet_type: PrivateWithEgress },
                security_groups: [Sg],
                instance_requirements: {
                    vcpu_count_min: 2,
                    memory_min: Size::gibibytes(4),
                    allowed_instance_types: ["m5.*"],
                    spot_max_price_percentage_over_lowest_price: 50,
                },
            }
            managed_instances_capacity_provider Unattached {
                ec2_instance_profile: InstanceProfile::from_instance_profile_name("ecsInstanceRole-web"),
                vpc: Vpc,
                subnets: { subnet_type: Public },
                security_groups: [Sg],
            }
            task_definition HostTask {
                compatibility: ManagedInstances,
                network_mode: Host,
                cpu: "256",
                memory_mib: "512",
                container web { image: ContainerImage::from_registry("nginx") }
            }
            task_definition Task {
                compatibility: ManagedInstances,
                cpu: "256",
                memory_mib: "512",
                runtime_platform: RuntimePlatform::default()
                    .operating_system_family(OperatingSystemFamily::Linux),
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: Task,
                capacity_provider_strategies: [{ capacity_provider: Provider, weight: 1 }],
            }
        }
    };
    let _ = app;
}
