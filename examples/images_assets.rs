//! "Images": images built from a Dockerfile directory (`from_asset`), from a Docker image
//! asset, and loaded from a tarball. Synthesis only fingerprints and stages the sources into the
//! cloud assembly with the asset manifest; `cdk deploy` builds and publishes them (oracle app
//! 15-images-assets).

use ecs_app::prelude::*;

/// The fixtures, found from the crate root whatever the working directory.
const IMAGE_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/fixtures/eventhandler-image"
);
const TARBALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/fixtures/image.tar");

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack ImagesAssets {
            docker_image_asset SharedImage {
                directory: IMAGE_DIR,
                build_args: { VARIANT: "shared" },
            }
            ec2_task_definition TaskDef {
                container "from-asset" {
                    image: ContainerImage::from_asset(IMAGE_DIR),
                    memory_limit_mib: 256,
                }
                container "from-docker-image-asset" {
                    image: ContainerImage::from_docker_image_asset(SharedImage),
                    memory_limit_mib: 256,
                    essential: false,
                }
                container "from-tarball" {
                    image: ContainerImage::from_tarball(TARBALL),
                    memory_limit_mib: 256,
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
