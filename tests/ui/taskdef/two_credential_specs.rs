// G6: a container takes one credential spec.
use ecs_app::ecs::container::CredentialSpec;
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            bucket Specs {}
            ec2_task_definition TaskDef {
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                    credential_specs: [
                        CredentialSpec::domain_joined_from_s3_bucket(Specs, "a.json"),
                        CredentialSpec::domain_joined_from_s3_bucket(Specs, "b.json"),
                    ],
                }
            }
        }
    };
    let _ = app;
}
