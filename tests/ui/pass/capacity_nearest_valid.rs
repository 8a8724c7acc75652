// The nearest valid neighbours of the capacity rules (C1, C2, S3): an image type alone, spot
// draining with a price, sizes at their bounds (some named constants), a provider without
// protection or scaling, one base, providers the cluster has, an ec2 service whose only capacity
// is a provider.
use ecs_app::prelude::*;

const MAX: u32 = 3;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                add_capacity Rocket { instance_type: "c5.large", machine_image_type: Bottlerocket }
                add_capacity Spot {
                    instance_type: "c5.large",
                    spot_price: "0.05",
                    spot_instance_draining: true,
                    min_capacity: 3,
                    max_capacity: MAX,
                    desired_capacity: 3,
                }
            }
            cluster Providers {
                vpc: Vpc,
                add_asg_capacity_provider Provider {}
                add_auto_scaling_group Spot { spot_instance_draining: true, task_drain_time: 0 }
                default_capacity_provider_strategy: [{ capacity_provider: Provider, base: 1, weight: 1 }],
            }
            auto_scaling_group Asg { vpc: Vpc, instance_type: "c5.large", min_capacity: 0, max_capacity: 100 }
            auto_scaling_group Spot { vpc: Vpc, instance_type: "c5.large", spot_price: "0.05" }
            asg_capacity_provider Provider {
                auto_scaling_group: Asg,
                enable_managed_scaling: false,
                enable_managed_termination_protection: false,
            }
            ec2_task_definition Task { container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 } }
            ec2_service Service {
                cluster: Providers,
                task_definition: Task,
                capacity_provider_strategies: [
                    { capacity_provider: Provider, base: 2, weight: 1 },
                ],
            }
            fargate_task_definition FargateTask { cpu: 256, memory_limit_mib: 512, container web { image: ContainerImage::from_registry("nginx") } }
            cluster FargateCluster { vpc: Vpc, enable_fargate_capacity_providers: true }
            fargate_service FargateService {
                cluster: FargateCluster,
                task_definition: FargateTask,
                capacity_provider_strategies: [
                    { capacity_provider: "FARGATE_SPOT", weight: 2, base: 0 },
                    { capacity_provider: "FARGATE", weight: 1, base: 1 },
                ],
            }
        }
    };
    app.unwrap().templates().unwrap();
}
