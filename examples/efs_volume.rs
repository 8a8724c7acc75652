//! "Task definitions" `add_volume`: an EFS volume by id (as in the README) and one backed by a
//! file system of the stack with an access point, IAM authorization and NFS opened to the
//! service (oracle app 11-efs-volume).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack EfsVolume {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            file_system FileSystem {
                vpc: Vpc,
                // `fileSystem.grantReadWrite(taskDefinition.taskRole)` and
                // `fileSystem.connections.allowDefaultPortFrom(service)`.
                grant_read_write: [TaskDef],
                allow_default_port_from: [Service],
            }
            access_point AccessPoint {
                file_system: FileSystem,
                path: "/data",
                create_acl: Acl::new("1000", "1000", "750"),
                posix_user: PosixUser::new("1000", "1000"),
            }
            fargate_task_definition TaskDef {
                memory_limit_mib: 512,
                cpu: 256,
                volumes: [
                    Volume::efs("mydatavolume", EfsVolumeConfiguration::new("EFS")),
                    Volume::efs(
                        "shared",
                        EfsVolumeConfiguration::new(FileSystem.file_system_id())
                            .transit_encryption("ENABLED")
                            .authorization_config(
                                AuthorizationConfig::default()
                                    .access_point_id(AccessPoint.access_point_id())
                                    .iam("ENABLED"),
                            ),
                    ),
                ],
                container WebContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                    mount_points: [
                        MountPoint::new("mydatavolume", "/mnt/data", true),
                        MountPoint::new("shared", "/mnt/shared", false),
                    ],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
