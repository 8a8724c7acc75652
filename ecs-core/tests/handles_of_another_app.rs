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
    assert!(two.templates().unwrap()[0].1["Resources"]
        .as_object()
        .is_none_or(|r| r.is_empty()));
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
