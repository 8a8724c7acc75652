//! Golden tests of task definitions, containers, images, volumes, environment and secrets:
//! each example synthesizes the template the real AWS CDK synthesized for the same app.

mod support;

use support::assert_matches_cdk;

#[allow(dead_code)]
#[path = "../examples/ec2_taskdef_bridge_ports.rs"]
mod ec2_taskdef_bridge_ports;
#[allow(dead_code)]
#[path = "../examples/efs_volume.rs"]
mod efs_volume;
#[allow(dead_code)]
#[path = "../examples/environment_secrets.rs"]
mod environment_secrets;
#[allow(dead_code)]
#[path = "../examples/external_service.rs"]
mod external_service;
#[allow(dead_code)]
#[path = "../examples/images_assets.rs"]
mod images_assets;
#[allow(dead_code)]
#[path = "../examples/images_registry_ecr.rs"]
mod images_registry_ecr;
#[allow(dead_code)]
#[path = "../examples/images_tag_parameter.rs"]
mod images_tag_parameter;
#[allow(dead_code)]
#[path = "../examples/inference_accelerators.rs"]
mod inference_accelerators;
#[allow(dead_code)]
#[path = "../examples/taskdef_ec2_and_fargate.rs"]
mod taskdef_ec2_and_fargate;

#[test]
fn ec2_taskdef_bridge_ports_matches_the_cdk() {
    assert_matches_cdk(
        ec2_taskdef_bridge_ports::app().unwrap(),
        "09-ec2-taskdef-bridge-ports",
    );
}

#[test]
fn external_service_matches_the_cdk() {
    assert_matches_cdk(external_service::app().unwrap(), "10-external-service");
}

#[test]
fn efs_volume_matches_the_cdk() {
    assert_matches_cdk(efs_volume::app().unwrap(), "11-efs-volume");
}

#[test]
fn taskdef_ec2_and_fargate_matches_the_cdk() {
    assert_matches_cdk(
        taskdef_ec2_and_fargate::app().unwrap(),
        "12-taskdef-ec2-and-fargate",
    );
}

#[test]
fn images_registry_ecr_matches_the_cdk() {
    assert_matches_cdk(
        images_registry_ecr::app().unwrap(),
        "13-images-registry-ecr",
    );
}

#[test]
fn images_tag_parameter_matches_the_cdk() {
    assert_matches_cdk(
        images_tag_parameter::app().unwrap(),
        "14-images-tag-parameter",
    );
}

#[test]
fn images_assets_matches_the_cdk() {
    assert_matches_cdk(images_assets::app().unwrap(), "15-images-assets");
}

#[test]
fn environment_secrets_matches_the_cdk() {
    assert_matches_cdk(
        environment_secrets::app().unwrap(),
        "16-environment-secrets",
    );
}

#[test]
fn inference_accelerators_matches_the_cdk() {
    assert_matches_cdk(
        inference_accelerators::app().unwrap(),
        "30-inference-accelerators",
    );
}

/// The asset example's cloud assembly stages every asset where its manifest says, under the
/// hashes the CDK computes for the same sources.
#[test]
fn image_assets_are_staged_with_the_cdks_hashes() {
    let dir = std::env::temp_dir().join(format!("ecs-app-assets-{}", std::process::id()));
    let assembly = images_assets::app().unwrap().synth_to(&dir).unwrap();
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(assembly.dir.join("ImagesAssets.assets.json")).unwrap(),
    )
    .unwrap();
    let images = manifest["dockerImages"].as_object().unwrap();
    let hashes: Vec<&str> = images.keys().map(String::as_str).collect();
    assert_eq!(
        hashes,
        [
            "31a6ad617ddda28368d3bd1769edef3778cba7a075b66547b2905114881920c3",
            "a95c98fad224acde192369ca81d8eaf63bce7db9a18055f9b402ae8c966cef9d",
            "b1edf4d0f07b69d4882c3ef5085f4069961bc33ec99f8aefdfe38dc1f30cd775",
        ]
    );
    assert_eq!(
        images[hashes[0]]["source"]["dockerBuildArgs"]["VARIANT"],
        "shared"
    );
    for (hash, entry) in images {
        let source = &entry["source"];
        let staged = source["directory"]
            .as_str()
            .or_else(|| source["executable"][4].as_str())
            .unwrap();
        assert!(staged.contains(hash.as_str()));
        assert!(assembly.dir.join(staged).exists(), "{staged} is not staged");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

/// An environment file asset is staged as a file with its extension, as the CDK stages it.
#[test]
fn environment_file_assets_are_staged_as_files() {
    let dir = std::env::temp_dir().join(format!("ecs-app-env-file-{}", std::process::id()));
    let assembly = environment_secrets::app().unwrap().synth_to(&dir).unwrap();
    let hash = "bf213daf9ddd9d6f4bca812c84d1a3a4af08369e5202c79b1fa19f1c4521fdfc";
    assert!(assembly.dir.join(format!("asset.{hash}.env")).is_file());
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(assembly.dir.join("EnvironmentSecrets.assets.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest["files"][hash]["source"]["packaging"], "file");
    std::fs::remove_dir_all(dir).unwrap();
}
