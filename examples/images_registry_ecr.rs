//! "Images": a registry image, a private registry image with credentials, and ECR repository
//! images with and without a tag (oracle app 13-images-registry-ecr).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ImagesRegistryEcr {
            secret RegistryCredentials {}
            repository Repo {}
            imported_repository ImportedRepo { repository_name: "shared/base-images" }
            fargate_task_definition TaskDef {
                memory_limit_mib: 1024,
                cpu: 512,
                container public {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                }
                container private {
                    image: ContainerImage::from_registry_with_credentials(
                        "registry.example.com/team/app:1.0",
                        RegistryCredentials,
                    ),
                    essential: false,
                }
                container "ecr-tagged" {
                    image: ContainerImage::from_ecr_repository_tag(Repo, "v1.2.3"),
                    essential: false,
                }
                container "ecr-latest" {
                    image: ContainerImage::from_ecr_repository(ImportedRepo),
                    essential: false,
                }
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
