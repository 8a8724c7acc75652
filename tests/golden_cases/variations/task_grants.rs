//! Task definitions granted to roles and imported by kind: `grant_run` to a role of the stack
//! (a task definition with an execution role, one without), task definitions and an External
//! service imported by ARN or attributes and read back in outputs, a container given an
//! inference accelerator after it was added; a cluster given settings and task protection
//! after it was made; a container reading a secret's version from a registry with credentials;
//! against our own CDK app
//! `tests/golden/apps/task_grants.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::ecs::cluster::{ClusterGrants, ClusterSettings};
use ecs_app::ecs::container::ContainerDefinitionProps;
use ecs_app::ecs::image::RepositoryImageProps;
use ecs_app::ecs::secret::SecretVersionInfo;
use ecs_app::prelude::*;

/// A container made as a construct of the stack, not of the task definition.
fn sidecar(app: &mut App, s: StackId, td: TaskDefinition) -> Result<ContainerDefinition, Error> {
    ContainerDefinition::new(
        app,
        s,
        "Sidecar",
        ContainerDefinitionProps::default()
            .task_definition(td)
            .options(
                ContainerDefinitionOptions::default()
                    .image(ContainerImage::from_registry(IMAGE))
                    .memory_limit_mib(64)
                    .logging(LogDriver::aws_logs(
                        AwsLogDriverProps::default().stream_prefix("sidecar"),
                    )),
            ),
    )
}

#[test]
fn task_grants_and_imports_by_kind_with_the_builders_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("TaskGrants")?;
    let runner = Role::new(&mut app, s, "Runner", "states.amazonaws.com")?;
    let job = FargateTaskDefinition::new(
        &mut app,
        s,
        "Job",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    job.add_container(
        &mut app,
        "job",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .logging(LogDriver::aws_logs(
                AwsLogDriverProps::default().stream_prefix("job"),
            )),
    )?;
    job.grant_run(&mut app, runner)?;
    let batch = Ec2TaskDefinition::new(
        &mut app,
        s,
        "Batch",
        Ec2TaskDefinitionProps::default()
            .inference_accelerators([InferenceAccelerator::new("device1", "eia2.medium")]),
    )?;
    let worker = batch.add_container(
        &mut app,
        "worker",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .memory_limit_mib(256),
    )?;
    worker.add_inference_accelerator_resource(&mut app, ["device1"])?;
    sidecar(&mut app, s, batch)?;
    batch.grant_run(&mut app, runner)?;
    let by_arn = TaskDefinition::from_task_definition_arn(
        &mut app,
        s,
        "ByArn",
        "arn:aws:ecs:us-east-1:123456789012:task-definition/report:4",
    )?;
    let ec2 = Ec2TaskDefinition::from_ec2_task_definition_attributes(
        &mut app,
        s,
        "Ec2Import",
        TaskDefinitionAttributes::default()
            .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7")
            .network_mode(NetworkMode::Bridge),
    )?;
    let fargate = FargateTaskDefinition::from_fargate_task_definition_attributes(
        &mut app,
        s,
        "FargateImport",
        TaskDefinitionAttributes::default()
            .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2")
            .network_mode(NetworkMode::AwsVpc),
    )?;
    let edge = ExternalService::from_external_service_arn(
        &mut app,
        s,
        "Edge",
        "arn:aws:ecs:us-east-1:123456789012:service/edge/collector",
    )?;
    for (id, value) in [
        ("ByArnOut", by_arn.arn(&app)),
        ("Ec2Out", ec2.arn(&app)),
        ("FargateOut", fargate.arn(&app)),
        ("EdgeName", edge.service_name(&app)),
        ("EdgeArn", edge.service_arn(&app)),
    ] {
        CfnOutput::new(&mut app, s, id, Output::new(value))?;
    }
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    ClusterSettings::new([("containerInsights", "enhanced")]).apply_to(&mut app, cluster)?;
    ClusterGrants::from_cluster(cluster).task_protection(&mut app, runner)?;
    let db = ecs_app::secretsmanager::Secret::from_secret_name_v2(&mut app, s, "Db", "db")?;
    let creds =
        ecs_app::secretsmanager::Secret::from_secret_name_v2(&mut app, s, "Creds", "registry")?;
    let web = Ec2TaskDefinition::new(&mut app, s, "Web", Default::default())?;
    web.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry_with(
                "registry.example.com/web:1.0",
                RepositoryImageProps::default().credentials(creds),
            ))
            .memory_limit_mib(256)
            .secrets([(
                "PREVIOUS",
                Secret::from_secrets_manager_version_info(
                    db,
                    SecretVersionInfo::default().version_stage("AWSPREVIOUS"),
                    Some("password"),
                ),
            )]),
    )?;
    assert_matches_cdk(app, "task_grants");
    Ok(())
}

/// The same app in `ecs_app!`: `grant_run` and `grant_task_protection` name the role, the
/// imports are `imported_task_definition` items, the accelerator resource a container
/// property; the External service imported by ARN (named as the CDK names it) is added
/// through the builders after the block.
#[test]
fn task_grants_and_imports_by_kind_in_the_dsl_match_the_cdk() -> Result<(), Error> {
    let Built { mut app, handles } = ecs_app! {
        stack TaskGrants {
            role Runner { assumed_by: "states.amazonaws.com" }
            fargate_task_definition Job {
                cpu: 256,
                memory_limit_mib: 512,
                grant_run: [Runner],
                container job {
                    image: ContainerImage::from_registry(IMAGE),
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("job")),
                }
            }
            ec2_task_definition Batch {
                inference_accelerators: [InferenceAccelerator::new("device1", "eia2.medium")],
                grant_run: [Runner],
                container worker {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    inference_accelerator_resources: ["device1"],
                }
            }
            imported_task_definition ByArn {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/report:4",
            }
            imported_task_definition Ec2Import {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7",
                compatibility: Ec2,
                network_mode: Bridge,
            }
            imported_task_definition FargateImport {
                task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
                compatibility: Fargate,
                network_mode: AwsVpc,
            }
            cfn_output ByArnOut { value: ByArn.arn }
            cfn_output Ec2Out { value: Ec2Import.arn }
            cfn_output FargateOut { value: FargateImport.arn }
            cluster Cluster { container_insights_v2: Enhanced, grant_task_protection: [Runner] }
            imported_secret Db { secret_name: "db" }
            imported_secret Creds { secret_name: "registry" }
            ec2_task_definition Web {
                container web {
                    image: ContainerImage::from_registry_with(
                        "registry.example.com/web:1.0",
                        RepositoryImageProps::default().credentials(Creds),
                    ),
                    memory_limit_mib: 256,
                    secrets: {
                        PREVIOUS: Secret::from_secrets_manager_version_info(
                            Db,
                            SecretVersionInfo::default().version_stage("AWSPREVIOUS"),
                            Some("password"),
                        ),
                    },
                }
            }
        }
    }?;
    let s = *handles.TaskGrants;
    sidecar(&mut app, s, *handles.TaskGrants.Batch)?;
    let edge = ExternalService::from_external_service_arn(
        &mut app,
        s,
        "Edge",
        "arn:aws:ecs:us-east-1:123456789012:service/edge/collector",
    )?;
    let (name, arn) = (edge.service_name(&app), edge.service_arn(&app));
    CfnOutput::new(&mut app, s, "EdgeName", Output::new(name))?;
    CfnOutput::new(&mut app, s, "EdgeArn", Output::new(arn))?;
    assert_matches_cdk(app, "task_grants");
    Ok(())
}
