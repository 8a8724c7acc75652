//! The aws-ecs README's "SNS Topic Encryption" section: the drain hook's lifecycle topic
//! encrypted with a KMS key of the app (oracle app 08-sns-topic-encryption).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack SnsTopicEncryption {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity ASGEncryptedSNS {
                    instance_type: "t2.xlarge",
                    desired_capacity: 3,
                    topic_encryption_key: Key,
                }
            }
            kms_key Key {}
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
