//! The README's main example: a web front end on Fargate and a queue worker on EC2 capacity,
//! sharing one VPC and cluster.
//!
//! `cargo run --example quickstart` writes the cloud assembly to `cdk.out/` (or `$CDK_OUTDIR`)
//! and prints one line per stack; `cdk ls --app cdk.out` then lists the stack.

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack Quickstart {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity Workers {
                    instance_type: "t3.medium",
                    min_capacity: 1,
                    max_capacity: 4,
                }
            }
            fargate_task_definition WebTask {
                cpu: "0.5 vCPU",
                memory_limit_mib: "1 GB",
                container web {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
                    port_mappings: [80],
                    environment: { "STAGE": "prod" },
                }
            }
            fargate_service Web {
                cluster: Cluster,
                task_definition: WebTask,
                desired_count: 2,
            }
            ec2_task_definition WorkerTask {
                container worker {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                    cpu: 256,
                }
            }
            ec2_service Worker { cluster: Cluster, task_definition: WorkerTask }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
