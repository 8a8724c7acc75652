//! Golden tests of cluster capacity (issue 3): the README's capacity examples and our own
//! variations synthesize the templates the real AWS CDK synthesized for the same apps.

mod support;

use support::{assert_matches_cdk, assert_template_matches};

#[allow(dead_code)]
#[path = "../examples/asg_capacity_provider.rs"]
mod asg_capacity_provider;
#[allow(dead_code)]
#[path = "../examples/bottlerocket.rs"]
mod bottlerocket;
#[allow(dead_code)]
#[path = "../examples/custom_asg.rs"]
mod custom_asg;
#[allow(dead_code)]
#[path = "../examples/fargate_capacity_providers.rs"]
mod fargate_capacity_providers;
#[allow(dead_code)]
#[path = "../examples/graviton_arm64.rs"]
mod graviton_arm64;
#[allow(dead_code)]
#[path = "../examples/sns_topic_encryption.rs"]
mod sns_topic_encryption;
#[allow(dead_code)]
#[path = "../examples/spot_draining.rs"]
mod spot_draining;

#[test]
fn custom_asg_matches_the_cdk() {
    assert_matches_cdk(custom_asg::app().unwrap(), "03-custom-asg");
}

#[test]
fn bottlerocket_matches_the_cdk() {
    assert_matches_cdk(bottlerocket::app().unwrap(), "05-bottlerocket");
}

#[test]
fn graviton_arm64_matches_the_cdk() {
    assert_matches_cdk(graviton_arm64::app().unwrap(), "06-graviton-arm64");
}

#[test]
fn spot_draining_matches_the_cdk() {
    assert_matches_cdk(spot_draining::app().unwrap(), "07-spot-draining");
}

#[test]
fn sns_topic_encryption_matches_the_cdk() {
    assert_matches_cdk(
        sns_topic_encryption::app().unwrap(),
        "08-sns-topic-encryption",
    );
}

#[test]
fn fargate_capacity_providers_match_the_cdk() {
    assert_matches_cdk(
        fargate_capacity_providers::app().unwrap(),
        "28-fargate-capacity-providers",
    );
}

#[test]
fn asg_capacity_provider_matches_the_cdk() {
    assert_matches_cdk(
        asg_capacity_provider::app().unwrap(),
        "29-asg-capacity-provider",
    );
}

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
                    vpc_subnets: Public,
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
    let templates = app.templates().unwrap();
    assert_eq!(templates.len(), 3);
    for (name, template) in templates {
        assert_template_matches(template, &format!("capacity.{name}"));
    }
}
