//! `ApplicationLoadBalancedFargateService` options: an idle timeout, an ARM64 runtime platform,
//! ECS Exec, and a metrics sidecar added to the pattern's task definition after the fact
//! (oracle app 73-alb-fargate-options).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    let Built { mut app, handles } = ecs_app! {
        stack AlbFargateOptions {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service IdleTimeoutService {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                idle_timeout: Duration::seconds(120),
            }
            application_load_balanced_fargate_service ArmService {
                cluster: Cluster,
                memory_limit_mib: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                runtime_platform: RuntimePlatform::default()
                    .cpu_architecture(CpuArchitecture::Arm64)
                    .operating_system_family(OperatingSystemFamily::Linux),
            }
            application_load_balanced_fargate_service ExecService {
                cluster: Cluster,
                memory_limit_mib: 1024,
                desired_count: 1,
                cpu: 512,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
                min_healthy_percent: 100,
                enable_execute_command: true,
            }
            application_load_balanced_fargate_service SidecarService {
                cluster: Cluster,
                desired_count: 1,
                min_healthy_percent: 100,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    docker_labels: {
                        "application.label.one": "first_label",
                        "application.label.two": "second_label",
                    },
                },
            }
        }
    }?;
    // CDK `service.taskDefinition.addContainer('Sidecar', { image })`.
    handles
        .AlbFargateOptions
        .SidecarService
        .task_definition
        .add_container(
            &mut app,
            "Sidecar",
            ContainerDefinitionOptions::default()
                .image(ContainerImage::from_registry("example/metrics-sidecar")),
        )?;
    Ok(app)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
