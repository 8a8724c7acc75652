//! Roles given to task definitions: existing roles imported by ARN (a mutable one takes grants
//! as a policy attached by name, an immutable one drops them) and a role of our own with a
//! name, description and managed policies, with the grants of log drivers, ECS Exec and a
//! scheduled task; built with `ecs_app!` and with the builders, against our own CDK app
//! `tests/golden/apps/roles.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

const BUSYBOX: &str = "public.ecr.aws/docker/library/busybox:1.36";

fn logs(prefix: &str) -> LogDriver {
    LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix(prefix))
}

#[test]
fn roles_in_the_dsl_match_the_cdk() -> Result<(), Error> {
    let app = ecs_app! {
        stack Roles {
            imported_vpc Vpc {
                vpc_id: "vpc-0a1b2c3d4e5f60718",
                availability_zones: ["us-east-1a", "us-east-1b"],
                private_subnet_ids: ["subnet-0b000001", "subnet-0b000002"],
            }
            imported_cluster Cluster { cluster_name: "shared", vpc: Vpc }
            imported_role AppRole { role_arn: "arn:aws:iam::123456789012:role/app/web-task" }
            imported_role LockedRole {
                role_arn: "arn:aws:iam::123456789012:role/web-exec",
                mutable: false,
            }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                task_role: AppRole,
                execution_role: LockedRole,
                container web { image: ContainerImage::from_registry(IMAGE), logging: logs("web") }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                enable_execute_command: true,
            }
            role Made {
                assumed_by: "ecs-tasks.amazonaws.com",
                role_name: "made-here",
                description: "task and execution role of the worker",
                managed_policies: [Role::aws_managed_policy("AmazonS3ReadOnlyAccess")],
            }
            fargate_task_definition Worker {
                cpu: 256,
                memory_limit_mib: 512,
                task_role: Made,
                execution_role: Made,
                container work { image: ContainerImage::from_registry(BUSYBOX), logging: logs("work") }
            }
            imported_role ExecRole { role_arn: "arn:aws:iam::123456789012:role/batch-exec" }
            fargate_task_definition Batch {
                cpu: 256,
                memory_limit_mib: 512,
                execution_role: ExecRole,
                container job { image: ContainerImage::from_registry(BUSYBOX), logging: logs("job") }
            }
            rule Nightly {
                schedule: "cron(0 3 * * ? *)",
                targets: [{ cluster: Cluster, task_definition: TaskDef }],
            }
        }
    }?;
    assert_matches_cdk(app, "roles");
    Ok(())
}

#[test]
fn roles_with_the_builders_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("Roles")?;
    let vpc = Vpc::from_vpc_attributes(
        &mut app,
        s,
        "Vpc",
        VpcAttributes::default()
            .vpc_id("vpc-0a1b2c3d4e5f60718")
            .availability_zones(["us-east-1a", "us-east-1b"])
            .private_subnet_ids(["subnet-0b000001", "subnet-0b000002"]),
    )?;
    let cluster = Cluster::from_cluster_attributes(
        &mut app,
        s,
        "Cluster",
        ClusterAttributes::default().cluster_name("shared").vpc(vpc),
    )?;
    let app_role = Role::from_role_arn(
        &mut app,
        s,
        "AppRole",
        ImportedRoleProps::default().role_arn("arn:aws:iam::123456789012:role/app/web-task"),
    )?;
    let locked = Role::from_role_arn(
        &mut app,
        s,
        "LockedRole",
        ImportedRoleProps::default()
            .role_arn("arn:aws:iam::123456789012:role/web-exec")
            .mutable(false),
    )?;
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512)
            .task_role(app_role)
            .execution_role(locked),
    )?;
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .logging(logs("web")),
    )?;
    FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100)
            .enable_execute_command(true),
    )?;
    let made = Role::new(
        &mut app,
        s,
        "Made",
        RoleProps::default()
            .assumed_by("ecs-tasks.amazonaws.com")
            .role_name("made-here")
            .description("task and execution role of the worker")
            .managed_policies([Role::aws_managed_policy("AmazonS3ReadOnlyAccess")]),
    )?;
    let worker = FargateTaskDefinition::new(
        &mut app,
        s,
        "Worker",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512)
            .task_role(made)
            .execution_role(made),
    )?;
    worker.add_container(
        &mut app,
        "work",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(BUSYBOX))
            .logging(logs("work")),
    )?;
    let exec = Role::from_role_arn(
        &mut app,
        s,
        "ExecRole",
        ImportedRoleProps::default().role_arn("arn:aws:iam::123456789012:role/batch-exec"),
    )?;
    let batch = FargateTaskDefinition::new(
        &mut app,
        s,
        "Batch",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512)
            .execution_role(exec),
    )?;
    batch.add_container(
        &mut app,
        "job",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(BUSYBOX))
            .logging(logs("job")),
    )?;
    let rule = Rule::new(
        &mut app,
        s,
        "Nightly",
        RuleProps::default().schedule(Schedule::expression("cron(0 3 * * ? *)")?),
    )?;
    rule.add_target(
        &mut app,
        EcsTask::default().cluster(cluster).task_definition(td),
    )?;
    assert_matches_cdk(app, "roles");
    Ok(())
}
