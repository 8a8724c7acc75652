// F6 (service side): a Fargate service on platform 1.3.0 cannot read a secret's JSON field;
// reported on the version.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            secret Db {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    secrets: { PASSWORD: Secret::from_secrets_manager_field(Db, "password") },
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                platform_version: "1.3.0",
            }
        }
    };
    let _ = app;
}
