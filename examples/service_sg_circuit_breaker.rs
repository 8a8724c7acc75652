//! "Service" with explicit `security_groups`, and "Deployment circuit breaker and rollback"
//! (oracle app 17-service-sg-circuit-breaker).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ServiceSgCircuitBreaker {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                }
            }
            security_group ServiceSecurityGroup {
                vpc: Vpc,
                description: "Service security group",
                allow_all_outbound: false,
                ingress_rules: [(Peer::vpc_cidr_block(), Port::tcp(80))],
                egress_rules: [(Peer::any_ipv4(), Port::tcp(443))],
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                security_groups: [ServiceSecurityGroup],
                circuit_breaker: { rollback: true },
            }
            fargate_service ServiceNoRollback {
                cluster: Cluster,
                task_definition: TaskDef,
                circuit_breaker: { enable: true, rollback: false },
                min_healthy_percent: 100,
                max_healthy_percent: 200,
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
