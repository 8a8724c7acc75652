//! Existing resources known by ARN: task definitions imported by their attributes, run by
//! events rules as the CDK runs them (the task role passed by its literal ARN, an ARN without
//! revision run at any revision, an EC2-only one in bridge mode without network
//! configuration); built with `ecs_app!` and with the builders, against our own CDK app
//! `tests/golden/apps/imports_arns.js`.

use crate::support::assert_matches_cdk;
use ecs_app::events::{Rule, RuleProps};
use ecs_app::events_targets::EcsTask;
use ecs_app::prelude::*;

#[test]
fn imported_task_definitions_in_the_dsl_match_the_cdk() -> Result<(), Error> {
    let Built { app, .. } = ecs_app! {
        stack ImportsArns {
            imported_vpc Vpc {
                vpc_id: "vpc-0a1b2c3d4e5f60718",
                availability_zones: ["us-east-1a", "us-east-1b"],
                private_subnet_ids: ["subnet-0b000001", "subnet-0b000002"],
                public_subnet_ids: ["subnet-0a000001", "subnet-0a000002"],
            }
            imported_cluster Cluster { cluster_name: "shared", vpc: Vpc }
            imported_role TaskRole { role_arn: "arn:aws:iam::123456789012:role/app/job-task" }
            imported_role ExecRole {
                role_arn: "arn:aws:iam::123456789012:role/job-exec",
                mutable: false,
            }
            imported_task_definition Job {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/job:1",
                compatibility: Fargate,
                network_mode: AwsVpc,
                task_role: TaskRole,
                execution_role: ExecRole,
            }
            imported_task_definition Report {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/report",
                network_mode: AwsVpc,
                task_role: TaskRole,
            }
            imported_task_definition Legacy {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7",
                compatibility: Ec2,
                network_mode: Bridge,
            }
            rule Hourly {
                schedule: "rate(1 hour)",
                targets: [
                    { cluster: Cluster, task_definition: Job, task_count: 2 },
                    { cluster: Cluster, task_definition: Report },
                ],
            }
            rule Nightly {
                schedule: "cron(0 3 * * ? *)",
                targets: [{ cluster: Cluster, task_definition: Legacy }],
            }
        }
    }?;
    assert_matches_cdk(app, "imports_arns");
    Ok(())
}

#[test]
fn imported_task_definitions_with_the_builders_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("ImportsArns")?;
    let vpc = Vpc::from_vpc_attributes(
        &mut app,
        s,
        "Vpc",
        VpcAttributes::default()
            .vpc_id("vpc-0a1b2c3d4e5f60718")
            .availability_zones(["us-east-1a", "us-east-1b"])
            .private_subnet_ids(["subnet-0b000001", "subnet-0b000002"])
            .public_subnet_ids(["subnet-0a000001", "subnet-0a000002"]),
    )?;
    let cluster = Cluster::from_cluster_attributes(
        &mut app,
        s,
        "Cluster",
        ClusterAttributes::default().cluster_name("shared").vpc(vpc),
    )?;
    let task_role = Role::from_role_arn(
        &mut app,
        s,
        "TaskRole",
        ImportedRoleProps::default().role_arn("arn:aws:iam::123456789012:role/app/job-task"),
    )?;
    let exec_role = Role::from_role_arn(
        &mut app,
        s,
        "ExecRole",
        ImportedRoleProps::default()
            .role_arn("arn:aws:iam::123456789012:role/job-exec")
            .mutable(false),
    )?;
    let job = TaskDefinition::from_task_definition_attributes(
        &mut app,
        s,
        "Job",
        TaskDefinitionAttributes::default()
            .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/job:1")
            .compatibility(Compatibility::Fargate)
            .network_mode(NetworkMode::AwsVpc)
            .task_role(task_role)
            .execution_role(exec_role),
    )?;
    let report = TaskDefinition::from_task_definition_attributes(
        &mut app,
        s,
        "Report",
        TaskDefinitionAttributes::default()
            .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/report")
            .network_mode(NetworkMode::AwsVpc)
            .task_role(task_role),
    )?;
    let legacy = TaskDefinition::from_task_definition_attributes(
        &mut app,
        s,
        "Legacy",
        TaskDefinitionAttributes::default()
            .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7")
            .compatibility(Compatibility::Ec2)
            .network_mode(NetworkMode::Bridge),
    )?;
    let hourly = Rule::new(
        &mut app,
        s,
        "Hourly",
        RuleProps::default().schedule(Schedule::expression("rate(1 hour)")?),
    )?;
    hourly.add_target(
        &mut app,
        EcsTask::default()
            .cluster(cluster)
            .task_definition(job)
            .task_count(2),
    )?;
    hourly.add_target(
        &mut app,
        EcsTask::default().cluster(cluster).task_definition(report),
    )?;
    let nightly = Rule::new(
        &mut app,
        s,
        "Nightly",
        RuleProps::default().schedule(Schedule::expression("cron(0 3 * * ? *)")?),
    )?;
    nightly.add_target(
        &mut app,
        EcsTask::default().cluster(cluster).task_definition(legacy),
    )?;
    assert_matches_cdk(app, "imports_arns");
    Ok(())
}

#[test]
fn imported_task_definitions_are_refused_where_the_cdk_refuses_them() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("ImportsArns")?;
    let cluster = Cluster::from_cluster_arn(
        &mut app,
        s,
        "Cluster",
        "arn:aws:ecs:us-east-1:123456789012:cluster/shared",
    )?;
    let by_arn = FargateTaskDefinition::from_fargate_task_definition_arn(
        &mut app,
        s,
        "Web",
        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
    )?;
    let rule = Rule::new(
        &mut app,
        s,
        "Hourly",
        RuleProps::default().schedule(Schedule::expression("rate(1 hour)")?),
    )?;
    let err = rule
        .add_target(
            &mut app,
            EcsTask::default().cluster(cluster).task_definition(by_arn),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "imported task definition `Web` needs `task_role` to be run by an events rule as a fargate-compatible task: add `task_role` to its attributes"
    );
    let ec2 = Ec2TaskDefinition::from_ec2_task_definition_arn(
        &mut app,
        s,
        "Old",
        "arn:aws:ecs:us-east-1:123456789012:task-definition/old:1",
    )?;
    let err = rule
        .add_target(
            &mut app,
            EcsTask::default().cluster(cluster).task_definition(ec2),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("imported task definition `Old` needs `task_role`")
    );
    Ok(())
}
