// The nearest valid neighbours of X1 on External services and of F6 on Fargate services: an
// External service with the shared service options it can use, and Fargate services on
// platform 1.4.0 / LATEST running tasks that need it.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            secret Db {}
            external_task_definition External {
                container web { image: ContainerImage::from_registry("nginx"), memory_limit_mib: 512 }
            }
            external_service ExternalService {
                cluster: Cluster,
                task_definition: External,
                desired_count: 2,
                min_healthy_percent: 0,
                max_healthy_percent: 100,
                enable_execute_command: true,
            }
            fargate_task_definition Storage {
                cpu: 256,
                memory_limit_mib: 512,
                ephemeral_storage_gib: 40,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            fargate_service StorageService {
                cluster: Cluster,
                task_definition: Storage,
                platform_version: "1.4.0",
            }
            fargate_task_definition Secrets {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    secrets: { PASSWORD: Secret::from_secrets_manager_field(Db, "password") },
                }
            }
            fargate_service SecretsService {
                cluster: Cluster,
                task_definition: Secrets,
                platform_version: "LATEST",
            }
        }
    };
    assert!(app.is_ok(), "{:?}", app.err());
}
