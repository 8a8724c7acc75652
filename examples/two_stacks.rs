//! Two stacks in one app: a shared VPC and cluster, and a service stack that uses them through
//! cross-stack references (`Fn::GetStackOutput`) (oracle app 41-two-stacks).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack SharedCluster {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
        }
        stack Worker {
            fargate_task_definition TaskDef {
                cpu: 512,
                memory_limit_mib: 1024,
                container worker {
                    image: ContainerImage::from_registry("public.ecr.aws/docker/library/busybox:stable"),
                    command: ["sh", "-c", "while true; do date; sleep 60; done"],
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("worker")),
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                desired_count: 2,
                min_healthy_percent: 100,
                circuit_breaker: { rollback: true },
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
