//! "ECS Exec command": a service with `enable_execute_command`, and a cluster whose
//! `execute_command_configuration` sends the output to an encrypted log group and S3 bucket
//! (oracle app 31-ecs-exec).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack EcsExec {
            vpc Vpc { max_azs: 2 }
            kms_key KmsKey {}
            log_group LogGroup { encryption_key: KmsKey }
            bucket EcsExecBucket { encryption_key: KmsKey }
            cluster Cluster {
                vpc: Vpc,
                execute_command_configuration: {
                    kms_key: KmsKey,
                    log_configuration: {
                        cloud_watch_log_group: LogGroup,
                        cloud_watch_encryption_enabled: true,
                        s3_bucket: EcsExecBucket,
                        s3_encryption_enabled: true,
                        s3_key_prefix: "exec-command-output",
                    },
                    logging: Override,
                },
                add_capacity DefaultAutoScalingGroupCapacity {
                    instance_type: "t3.medium",
                    max_capacity: 1,
                }
            }
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 256,
                }
            }
            ec2_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                enable_execute_command: true,
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
