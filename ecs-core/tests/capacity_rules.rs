//! Rules C1 and C2 on values the builders receive at run time: each violation is an `Err` with
//! the message the macro gives for literals, never a panic.

use ecs_core::prelude::*;
use ecs_core::rules;

fn setup() -> (App, StackId, Vpc, Cluster) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    (app, s, vpc, cluster)
}

fn runtime<T>(v: T) -> T {
    std::hint::black_box(v)
}

#[test]
fn capacity_with_image_and_image_type_is_rejected() {
    let (mut app, _, _, cluster) = setup();
    let err = cluster
        .add_capacity(
            &mut app,
            "Asg",
            AddCapacityOptions::default()
                .instance_type("c5.large")
                .machine_image(EcsOptimizedImage::amazon_linux2(AmiHardwareType::Arm))
                .machine_image_type(runtime(MachineImageType::Bottlerocket)),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), rules::capacity_image_choice_message("Asg"));
}

#[test]
fn spot_draining_without_spot_price_is_rejected() {
    let (mut app, s, vpc, cluster) = setup();
    let err = cluster
        .add_capacity(
            &mut app,
            "Asg",
            AddCapacityOptions::default()
                .instance_type("c5.large")
                .spot_instance_draining(runtime(true)),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        rules::spot_draining_needs_price_message("Asg")
    );
    let asg = AutoScalingGroup::new(
        &mut app,
        s,
        "Group",
        AutoScalingGroupProps::default()
            .vpc(vpc)
            .instance_type("c5.large"),
    )
    .unwrap();
    let err = cluster
        .add_auto_scaling_group(
            &mut app,
            asg,
            AddAutoScalingGroupCapacityOptions::default().spot_instance_draining(true),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        rules::spot_draining_needs_price_message("Group")
    );
}

#[test]
fn sizes_out_of_order_are_rejected() {
    let (mut app, s, vpc, cluster) = setup();
    let err = cluster
        .add_capacity(
            &mut app,
            "Asg",
            AddCapacityOptions::default()
                .instance_type("c5.large")
                .min_capacity(runtime(2))
                .desired_capacity(1),
        )
        .unwrap_err();
    // With no max, max defaults to desired: the CDK reports min above max.
    assert_eq!(
        err.to_string(),
        "capacity `Asg` has `min_capacity: 2` above `max_capacity: 1`: keep min ≤ desired ≤ max"
    );
    let err = AutoScalingGroup::new(
        &mut app,
        s,
        "Group",
        AutoScalingGroupProps::default()
            .vpc(vpc)
            .instance_type("c5.large")
            .max_capacity(2)
            .desired_capacity(runtime(3)),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("`desired_capacity: 3` above `max_capacity: 2`")
    );
}

#[test]
fn protection_without_scaling_is_rejected() {
    let (mut app, s, vpc, _) = setup();
    let asg = AutoScalingGroup::new(
        &mut app,
        s,
        "Group",
        AutoScalingGroupProps::default()
            .vpc(vpc)
            .instance_type("c5.large"),
    )
    .unwrap();
    let err = AsgCapacityProvider::new(
        &mut app,
        s,
        "Provider",
        AsgCapacityProviderProps::default()
            .auto_scaling_group(asg)
            .enable_managed_scaling(runtime(false)),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        rules::termination_protection_needs_scaling_message("Provider")
    );
}

#[test]
fn strategies_are_checked_for_bases_families_and_providers() {
    let (mut app, s, _, cluster) = setup();
    let two_bases = vec![
        CapacityProviderStrategy::default()
            .capacity_provider("FARGATE")
            .base(1),
        CapacityProviderStrategy::default()
            .capacity_provider("FARGATE_SPOT")
            .base(runtime(1)),
    ];
    cluster.enable_fargate_capacity_providers(&mut app).unwrap();
    let err = cluster
        .add_default_capacity_provider_strategy(&mut app, two_bases)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        rules::strategy_single_base_message("Cluster")
    );
    let mixed = vec![
        CapacityProviderStrategy::default().capacity_provider("FARGATE"),
        CapacityProviderStrategy::default().capacity_provider(runtime("my-asg-provider")),
    ];
    let err = cluster
        .add_default_capacity_provider_strategy(&mut app, mixed)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        rules::strategy_not_mixed_message("Cluster")
    );

    // A service naming a provider its cluster lacks fails at synthesis.
    let other = Cluster::new(&mut app, s, "Other", ClusterProps::default()).unwrap();
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "Task",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx")),
    )
    .unwrap();
    FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(other)
            .task_definition(td)
            .capacity_provider_strategies([
                CapacityProviderStrategy::default().capacity_provider(runtime("FARGATE_SPOT"))
            ]),
    )
    .unwrap();
    let err = app.templates().unwrap_err();
    assert_eq!(
        err.messages(),
        [rules::strategy_provider_registered_message(
            "Service",
            "FARGATE_SPOT",
            "Other",
            true
        )]
    );
}

#[test]
fn the_associations_stay_the_clusters_last_child() {
    let (mut app, _, _, cluster) = setup();
    cluster.enable_fargate_capacity_providers(&mut app).unwrap();
    cluster
        .add_capacity(
            &mut app,
            "Later",
            AddCapacityOptions::default().instance_type("t3.micro"),
        )
        .unwrap();
    let t = &app.templates().unwrap()[0].1;
    let ids: Vec<&String> = t["Resources"].as_object().unwrap().keys().collect();
    // The CDK's aspect adds the associations at synthesis, after the capacity added later.
    let associations = ids.iter().position(|i| *i == "Cluster3DA9CCBA").unwrap();
    let capacity = ids
        .iter()
        .position(|i| i.starts_with("ClusterLaterASG"))
        .unwrap();
    assert!(associations > capacity, "{ids:?}");
}
