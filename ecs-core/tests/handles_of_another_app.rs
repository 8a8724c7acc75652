//! A stack or handle of one `App` used with another is an error, whether or not the other app
//! has a construct at the same index: never a panic, never the wrong construct.

use ecs_core::prelude::*;

fn nginx() -> ContainerDefinitionOptions {
    ContainerDefinitionOptions::default()
        .image(ContainerImage::from_registry("nginx"))
        .memory_limit_mib(256)
}

fn is_foreign(err: Error) {
    assert!(
        err.to_string().contains("of another `App`"),
        "unexpected error: {err}"
    );
}

#[test]
fn a_stack_of_another_app_is_an_error() {
    let mut one = App::new();
    let stack = one.add_stack("Web").unwrap();
    // No stack at that index.
    let mut empty = App::new();
    is_foreign(Vpc::new(&mut empty, stack, "Vpc", VpcProps::default()).unwrap_err());
    // A stack at that index, but not this one.
    let mut two = App::new();
    two.add_stack("Web").unwrap();
    is_foreign(Cluster::new(&mut two, stack, "Cluster", ClusterProps::default()).unwrap_err());
    is_foreign(Ec2TaskDefinition::new(&mut two, stack, "Task", Default::default()).unwrap_err());
    assert!(
        two.templates().unwrap()[0].1["Resources"]
            .as_object()
            .is_none_or(|r| r.is_empty())
    );
}

#[test]
fn a_handle_of_another_app_is_an_error() {
    let mut one = App::new();
    let s = one.add_stack("Web").unwrap();
    let cluster = Cluster::new(&mut one, s, "Cluster", ClusterProps::default()).unwrap();
    let task = Ec2TaskDefinition::new(&mut one, s, "Task", Default::default()).unwrap();
    let mut two = App::new();
    let t = two.add_stack("Web").unwrap();
    Cluster::new(&mut two, t, "Cluster", ClusterProps::default()).unwrap();
    let capacity = AddCapacityOptions::default().instance_type("t3.micro");
    is_foreign(cluster.add_capacity(&mut two, "Asg", capacity).unwrap_err());
    let mut empty = App::new();
    is_foreign(task.add_container(&mut empty, "web", nginx()).unwrap_err());
    // The handles still work with their own app.
    task.add_container(&mut one, "web", nginx()).unwrap();
}

/// The handles of `one` given to an app with no construct at their indices (`bigger: false`)
/// or with other constructs there (`bigger: true`).
#[test]
fn handles_of_another_app_in_props_and_arguments_are_errors() {
    for bigger in [false, true] {
        let mut one = App::new();
        let s = one.add_stack("Web").unwrap();
        let vpc = Vpc::new(&mut one, s, "Vpc", VpcProps::default()).unwrap();
        let cluster =
            Cluster::new(&mut one, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
        let group = AutoScalingGroupProps::default()
            .vpc(vpc)
            .instance_type("t3.micro");
        let asg = AutoScalingGroup::new(&mut one, s, "Asg", group).unwrap();
        let task = Ec2TaskDefinition::new(&mut one, s, "Task", Default::default()).unwrap();
        task.add_container(&mut one, "web", nginx()).unwrap();

        let mut two = App::new();
        let t = two.add_stack("Web").unwrap();
        let own_vpc = Vpc::new(&mut two, t, "Vpc", VpcProps::default()).unwrap();
        let own_cluster =
            Cluster::new(&mut two, t, "Cluster", ClusterProps::default().vpc(own_vpc)).unwrap();
        let own_task = Ec2TaskDefinition::new(&mut two, t, "Task", Default::default()).unwrap();
        if bigger {
            let group = AutoScalingGroupProps::default()
                .vpc(own_vpc)
                .instance_type("t3.micro");
            AutoScalingGroup::new(&mut two, t, "Asg", group).unwrap();
        }

        let cluster_props = ClusterProps::default().vpc(vpc);
        is_foreign(Cluster::new(&mut two, t, "Other", cluster_props).unwrap_err());
        let group = AutoScalingGroupProps::default()
            .vpc(vpc)
            .instance_type("t3.micro");
        is_foreign(AutoScalingGroup::new(&mut two, t, "Other", group).unwrap_err());
        is_foreign(
            own_cluster
                .add_auto_scaling_group(&mut two, asg, Default::default())
                .unwrap_err(),
        );
        let provider = AsgCapacityProviderProps::default().auto_scaling_group(asg);
        is_foreign(AsgCapacityProvider::new(&mut two, t, "Provider", provider).unwrap_err());
        let service = Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(own_task);
        is_foreign(Ec2Service::new(&mut two, t, "Service", service).unwrap_err());
        let service = Ec2ServiceProps::default()
            .cluster(own_cluster)
            .task_definition(task);
        is_foreign(Ec2Service::new(&mut two, t, "Service", service).unwrap_err());
    }
}
