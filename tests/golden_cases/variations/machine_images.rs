//! Windows capacity and machine images cached in the context (looked up once by the CDK CLI),
//! with the builders; against our own CDK app `tests/golden/apps/machine_images.js`.

use crate::support::{ScratchDir, assert_stacks_match_cdk};
use ecs_app::construct::{Environment, StackProps};
use ecs_app::ec2::machine_image::{BottleRocketImage, WindowsOptimizedVersion};
use ecs_app::prelude::*;

const AL2: &str = "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id";
const BOTTLEROCKET: &str = "/aws/service/bottlerocket/aws-ecs-1/x86_64/latest/image_id";

fn app(context: serde_json::Value) -> Result<App, Error> {
    let mut app = App::with_context(context);
    let s = app.add_stack_with(
        "MachineImages",
        StackProps::default().env(Environment::new("123456789012", "eu-west-1")),
    )?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    cluster.add_capacity(
        &mut app,
        "Windows",
        AddCapacityOptions::default()
            .instance_type("m5.large")
            .machine_image(EcsOptimizedImage::windows(
                WindowsOptimizedVersion::Server2022,
            ))
            .spot_price("0.10")
            .spot_instance_draining(true),
    )?;
    cluster.add_capacity(
        &mut app,
        "Cached",
        AddCapacityOptions::default()
            .instance_type("t3.medium")
            .machine_image(
                EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard).cached_in_context(true),
            ),
    )?;
    cluster.add_capacity(
        &mut app,
        "Pinned",
        AddCapacityOptions::default()
            .instance_type("t3.medium")
            .machine_image(
                BottleRocketImage::default_image()
                    .cached_in_context(true)
                    .additional_cache_key("pinned"),
            ),
    )?;
    let o = app.add_stack("Agnostic")?;
    let vpc = Vpc::new(
        &mut app,
        o,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let cluster = Cluster::new(&mut app, o, "Cluster", ClusterProps::default().vpc(vpc))?;
    cluster.add_capacity(
        &mut app,
        "Windows2019",
        AddCapacityOptions::default()
            .instance_type("m5.large")
            .machine_image(EcsOptimizedImage::windows(
                WindowsOptimizedVersion::Server2019,
            )),
    )?;
    Ok(app)
}

fn looked_up() -> serde_json::Value {
    serde_json::json!({
        "availability-zones:account=123456789012:region=eu-west-1":
            ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
        format!("ssm:account=123456789012:parameterName={AL2}:region=eu-west-1"):
            "ami-0123456789abcdef0",
        format!("ssm:account=123456789012:additionalCacheKey=pinned:parameterName={BOTTLEROCKET}:region=eu-west-1"):
            "ami-0fedcba9876543210",
    })
}

#[test]
fn windows_capacity_and_cached_images_match_the_cdk() {
    assert_stacks_match_cdk(app(looked_up()).unwrap(), "machine_images", 2);
}

/// Before the CLI has looked an image up, the manifest asks for it, as the CDK writes it
/// (`missing` of the CDK's manifest for the same app, without the context).
#[test]
fn an_image_not_yet_looked_up_is_missing_from_the_context() {
    let mut context = looked_up();
    let key = format!(
        "ssm:account=123456789012:additionalCacheKey=pinned:parameterName={BOTTLEROCKET}:region=eu-west-1"
    );
    context.as_object_mut().unwrap().remove(&key);
    let dir = ScratchDir::new("machine-images-missing");
    app(context).unwrap().synth_to(&*dir).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["missing"],
        serde_json::json!([{
            "key": key,
            "provider": "ssm",
            "props": {
                "dummyValue": format!("dummy-value-for-{BOTTLEROCKET}"),
                "ignoreErrorOnMissingContext": false,
                "additionalCacheKey": "pinned",
                "account": "123456789012",
                "region": "eu-west-1",
                "parameterName": BOTTLEROCKET,
                "lookupRoleArn": "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-eu-west-1"
            }
        }])
    );
}

/// A lookup needs the stack's account and region, as the CDK's context providers do.
#[test]
fn a_cached_image_needs_an_environment() {
    let mut app = App::new();
    let s = app.add_stack("S").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    let err = cluster
        .add_capacity(
            &mut app,
            "Cached",
            AddCapacityOptions::default()
                .instance_type("t3.medium")
                .machine_image(
                    EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard)
                        .cached_in_context(true),
                ),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("names no account and region"), "{err}");
}
