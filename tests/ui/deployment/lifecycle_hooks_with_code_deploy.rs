// Lifecycle hooks belong to the ECS deployment controller.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            vpc Vpc {}
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx") }
            }
            imported_function Check {
                function_arn: "arn:aws:lambda:us-east-1:123456789012:function:check",
                same_environment: true,
            }
            fargate_service Web {
                cluster: Cluster,
                task_definition: TaskDef,
                deployment_controller: CodeDeploy,
                lifecycle_hooks: [DeploymentLifecycleLambdaTarget::new(Check, "Check")],
            }
        }
    };
    let _ = app;
}
