//! Cluster capacity: options and combinations beyond the README's capacity examples.

use crate::support::assert_stacks_match_cdk;

/// Options and combinations beyond the README's samples, against our own CDK app
/// `tests/golden/apps/capacity.js`.
#[test]
fn capacity_variations_match_the_cdk() {
    use ecs_app::prelude::*;
    let app = ecs_app! {
        stack CapacityOptions {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity Gpu {
                    instance_type: "g4dn.xlarge",
                    machine_image: EcsOptimizedImage::amazon_linux2023(AmiHardwareType::Gpu),
                    vpc_subnets: { subnet_type: Public },
                    associate_public_ip_address: true,
                    detailed_monitoring: true,
                    cooldown: 120,
                    key_name: "my-key",
                    new_instances_protected_from_scale_in: true,
                    task_drain_time: 60,
                    min_capacity: 0,
                    max_capacity: 3,
                }
                add_capacity ArmRocket { instance_type: "m7g.large", machine_image_type: Bottlerocket }
                add_capacity Rocket2 {
                    instance_type: "g5.xlarge",
                    machine_image: BottleRocketImage::new(
                        BottlerocketEcsVariant::AwsEcs2Nvidia,
                        InstanceArchitecture::X86_64,
                    ),
                }
                add_capacity Neuron {
                    instance_type: "inf2.xlarge",
                    machine_image: EcsOptimizedImage::amazon_linux2023(AmiHardwareType::Neuron),
                    task_drain_time: 0,
                }
            }
        }
        stack UserGroups {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_auto_scaling_group Spot {
                    spot_instance_draining: true,
                    topic_encryption_key: TopicKey,
                    task_drain_time: 900,
                }
                add_auto_scaling_group Rocket { machine_image_type: Bottlerocket, task_drain_time: 0 }
            }
            kms_key TopicKey { description: "drain topic", enable_key_rotation: true }
            auto_scaling_group Spot {
                vpc: Vpc,
                instance_type: "c5.large",
                machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Gpu),
                spot_price: "0.05",
                desired_capacity: 2,
                max_capacity: 4,
            }
            auto_scaling_group Rocket {
                vpc: Vpc,
                instance_type: "c6g.large",
                machine_image: BottleRocketImage::new(
                    BottlerocketEcsVariant::AwsEcs1,
                    InstanceArchitecture::Arm64,
                ),
            }
        }
        stack ecsProviders {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                enable_fargate_capacity_providers: true,
                add_asg_capacity_provider Unmanaged {}
                add_asg_capacity_provider Managed {}
                default_capacity_provider_strategy: [
                    { capacity_provider: Managed, base: 1, weight: 1 },
                    { capacity_provider: Unmanaged, weight: 2 },
                ],
            }
            auto_scaling_group Plain {
                vpc: Vpc,
                instance_type: "t3.medium",
                machine_image: EcsOptimizedImage::amazon_linux2023(AmiHardwareType::Standard),
            }
            asg_capacity_provider Unmanaged {
                auto_scaling_group: Plain,
                enable_managed_scaling: false,
                enable_managed_termination_protection: false,
            }
            auto_scaling_group Tuned {
                vpc: Vpc,
                instance_type: "t3.large",
                machine_image: EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard),
                min_capacity: 0,
                max_capacity: 10,
            }
            asg_capacity_provider Managed {
                auto_scaling_group: Tuned,
                capacity_provider_name: "tuned-provider",
                target_capacity_percent: 80,
                maximum_scaling_step_size: 4,
                minimum_scaling_step_size: 2,
                instance_warmup_period: 120,
                enable_managed_draining: true,
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "capacity", 3);
}
