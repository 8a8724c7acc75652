//! The builders enforce the rules at run time with the same messages `ecs_app!` gives while
//! compiling, and return them as errors, never panicking.

use ecs_core::prelude::*;

fn stack() -> (App, StackId) {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    (app, s)
}

fn fargate(
    app: &mut App,
    s: StackId,
    props: FargateTaskDefinitionProps,
) -> Result<TaskDefinition, Error> {
    FargateTaskDefinition::new(app, s, "TaskDef", props)
}

fn image() -> ContainerImage {
    ContainerImage::from_registry("amazon/amazon-ecs-sample")
}

#[test]
fn fargate_without_memory_is_rejected() {
    let (mut app, s) = stack();
    let err = fargate(&mut app, s, FargateTaskDefinitionProps::default().cpu(256)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "fargate task definition `TaskDef` needs `memory_limit_mib`: add `cpu` and `memory_limit_mib`, e.g. `cpu: 256, memory_limit_mib: 512`"
    );
}

#[test]
fn fargate_without_any_size_names_both_properties() {
    let (mut app, s) = stack();
    let err = fargate(&mut app, s, FargateTaskDefinitionProps::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("needs `cpu` and `memory_limit_mib`"),
        "{err}"
    );
}

#[test]
fn fargate_memory_not_offered_for_cpu_is_rejected() {
    let (mut app, s) = stack();
    let memory = std::hint::black_box(3072); // a value known only at run time
    let err = fargate(
        &mut app,
        s,
        FargateTaskDefinitionProps::default()
            .cpu(1024)
            .memory_limit_mib(memory + 10240),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fargate task definition `TaskDef` cannot use `memory_limit_mib: 13312` with `cpu: 1024`: use a multiple of 1024 from 2048 to 8192"
    );
}

#[test]
fn fargate_cpu_not_offered_is_rejected() {
    let (mut app, s) = stack();
    let err = fargate(
        &mut app,
        s,
        FargateTaskDefinitionProps::default()
            .cpu(300)
            .memory_limit_mib(512),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fargate task definition `TaskDef` cannot use `cpu: 300`: use 256, 512, 1024, 2048, 4096, 8192 or 16384"
    );
}

#[test]
fn fargate_sizes_as_unit_strings_are_accepted() {
    let (mut app, s) = stack();
    fargate(
        &mut app,
        s,
        FargateTaskDefinitionProps::default()
            .cpu("1 vCPU")
            .memory_limit_mib("2 GB"),
    )
    .unwrap();
    let t = &app.templates().unwrap()[0].1;
    assert_eq!(
        t["Resources"]["TaskDef54694570"]["Properties"]["Cpu"],
        "1024"
    );
    assert_eq!(
        t["Resources"]["TaskDef54694570"]["Properties"]["Memory"],
        "2048"
    );
}

#[test]
fn fargate_size_that_is_not_a_number_is_rejected() {
    let (mut app, s) = stack();
    let err = fargate(
        &mut app,
        s,
        FargateTaskDefinitionProps::default()
            .cpu("lots")
            .memory_limit_mib(512),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "fargate task definition `TaskDef` cannot read `cpu: \"lots\"`: write cpu units (`256`) or vCPUs (`\"1 vCPU\"`)"
    );
}

#[test]
fn fargate_bridge_network_mode_is_rejected() {
    let (mut app, s) = stack();
    let props = FargateTaskDefinitionProps::default()
        .cpu(256)
        .memory_limit_mib(512)
        .network_mode(NetworkMode::Bridge);
    let err = fargate(&mut app, s, props).unwrap_err();
    assert_eq!(
        err.to_string(),
        "fargate task definition `TaskDef` cannot use `network_mode: Bridge`: fargate runs only `AwsVpc`; remove `network_mode` or set it to `AwsVpc`"
    );
}

#[test]
fn ec2_container_without_memory_fails_synthesis() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default().image(image()),
    )
    .unwrap();
    td.add_container(
        &mut app,
        "sidecar",
        ContainerDefinitionOptions::default().image(image()),
    )
    .unwrap();
    let err = app.templates().unwrap_err();
    assert_eq!(
        err.messages(),
        [
            "container `web` of ec2 task definition `TaskDef` needs `memory_limit_mib` or `memory_reservation_mib`: add one, e.g. `memory_limit_mib: 512`",
            "container `sidecar` of ec2 task definition `TaskDef` needs `memory_limit_mib` or `memory_reservation_mib`: add one, e.g. `memory_limit_mib: 512`",
        ]
    );
}

#[test]
fn ec2_container_with_a_reservation_only_is_accepted() {
    let (mut app, s) = stack();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(image())
            .memory_reservation_mib(128),
    )
    .unwrap();
    app.templates().unwrap();
}

#[test]
fn ec2_service_with_fargate_task_definition_is_rejected() {
    let (mut app, s) = stack();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = fargate(
        &mut app,
        s,
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )
    .unwrap();
    let err = Ec2Service::new(
        &mut app,
        s,
        "Service",
        Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "ec2 service `Service` cannot run task definition `TaskDef`, which is fargate only: declare `TaskDef` with `ec2_task_definition`, or make the service a `fargate_service`"
    );
}

#[test]
fn fargate_service_with_ec2_task_definition_is_rejected() {
    let (mut app, s) = stack();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let props = FargateServiceProps::default()
        .cluster(cluster)
        .task_definition(td);
    let err = FargateService::new(&mut app, s, "Service", props).unwrap_err();
    assert!(err.to_string().starts_with(
        "fargate service `Service` cannot run task definition `TaskDef`, which is ec2 only"
    ));
}

#[test]
fn service_without_essential_container_and_cluster_without_capacity_fail_together() {
    let (mut app, s) = stack();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(image())
            .memory_limit_mib(256)
            .essential(false),
    )
    .unwrap();
    Ec2Service::new(
        &mut app,
        s,
        "Service",
        Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(td),
    )
    .unwrap();
    let err = app.templates().unwrap_err();
    assert_eq!(
        err.messages(),
        [
            "task definition `TaskDef` has no essential container: add a `container`, or set `essential: true` on one",
            "ec2 service `Service` needs ec2 capacity in cluster `Cluster`: add `add_capacity`, `add_auto_scaling_group` or `add_asg_capacity_provider` to `Cluster`",
        ]
    );
}

#[test]
fn daemon_service_needs_no_capacity_check() {
    let (mut app, s) = stack();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(image())
            .memory_limit_mib(256),
    )
    .unwrap();
    let props = Ec2ServiceProps::default()
        .cluster(cluster)
        .task_definition(td)
        .daemon(true);
    Ec2Service::new(&mut app, s, "Service", props).unwrap();
    let t = &app.templates().unwrap()[0].1;
    let service = &t["Resources"]["ServiceD69D759B"]["Properties"];
    assert_eq!(service["SchedulingStrategy"], "DAEMON");
    assert_eq!(service["DeploymentConfiguration"]["MaximumPercent"], 100);
    assert_eq!(
        service["DeploymentConfiguration"]["MinimumHealthyPercent"],
        0
    );
}

#[test]
fn duplicate_ids_are_rejected_in_their_scope() {
    let (mut app, s) = stack();
    Vpc::new(&mut app, s, "Main", Default::default()).unwrap();
    let err = Cluster::new(&mut app, s, "Main", ClusterProps::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate id `Main` in stack `Web`: give each construct in one scope its own id"
    );
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let web = || {
        ContainerDefinitionOptions::default()
            .image(image())
            .memory_limit_mib(256)
    };
    td.add_container(&mut app, "web", web()).unwrap();
    let err = td.add_container(&mut app, "web", web()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate id `web` in task definition `TaskDef`: give each construct in one scope its own id"
    );
    assert!(app.add_stack("Web").is_err());
}

#[test]
fn missing_required_properties_are_named() {
    let (mut app, s) = stack();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    let err = cluster
        .add_capacity(&mut app, "Cap", AddCapacityOptions::default())
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("capacity `Cap` needs `instance_type`"),
        "{err}"
    );
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    let err = td
        .add_container(&mut app, "web", ContainerDefinitionOptions::default())
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("container `web` of task definition `TaskDef` needs `image`"),
        "{err}"
    );
    let err = Ec2Service::new(
        &mut app,
        s,
        "Service",
        Ec2ServiceProps::default().cluster(cluster),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "ec2 service `Service` needs `task_definition`: add `task_definition: <name>`"
    );
}

#[test]
fn failed_synthesis_leaves_the_previous_assembly_untouched() {
    let dir = std::env::temp_dir().join(format!("ecs-core-atomic-{}", std::process::id()));
    let (mut app, s) = stack();
    Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    app.synth_to(&dir).unwrap();
    let before = std::fs::read(dir.join("Web.template.json")).unwrap();

    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default().image(image()),
    )
    .unwrap();
    assert!(app.synth_to(&dir).is_err());
    assert_eq!(
        std::fs::read(dir.join("Web.template.json")).unwrap(),
        before
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .contains(&format!("ecs-core-atomic-{}.", std::process::id()))
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging directories left behind: {leftovers:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn policies_merge_and_sort_as_minimize_policies_does() {
    use ecs_core::iam::{PolicyDocument, Statement};
    let mut doc = PolicyDocument::default();
    doc.add(
        Statement::allow(["ecs:DescribeTasks", "ecs:DescribeContainerInstances"])
            .on_any()
            .when("ArnEquals", "ecs:cluster", "arn".into()),
    );
    doc.add(Statement::allow(["s3:GetObject"]).on_any());
    doc.add(Statement::allow(["ecs:ListTasks"]).on_any().when(
        "ArnEquals",
        "ecs:cluster",
        "arn".into(),
    ));
    doc.add(Statement::allow(["s3:GetObject"]).on_any());
    let merged = doc.minimized();
    assert_eq!(merged.len(), 2);
    assert_eq!(
        merged[0].actions,
        [
            "ecs:DescribeTasks",
            "ecs:DescribeContainerInstances",
            "ecs:ListTasks"
        ]
    );
}
