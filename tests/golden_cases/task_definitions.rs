//! Task definitions: the assets of images and environment files staged into the cloud
//! assembly as the CDK stages them.

use crate::support::ScratchDir;

/// The asset example's cloud assembly stages every asset where its manifest says, under the
/// hashes the CDK computes for the same sources.
#[test]
fn image_assets_are_staged_with_the_cdks_hashes() {
    let dir = ScratchDir::new("assets");
    let assembly = crate::images_assets::app().unwrap().synth_to(&dir).unwrap();
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
}

/// An environment file asset is staged as a file with its extension, as the CDK stages it.
#[test]
fn environment_file_assets_are_staged_as_files() {
    let dir = ScratchDir::new("env-file");
    let assembly = crate::environment_secrets::app()
        .unwrap()
        .synth_to(&dir)
        .unwrap();
    let hash = "bf213daf9ddd9d6f4bca812c84d1a3a4af08369e5202c79b1fa19f1c4521fdfc";
    assert!(assembly.dir.join(format!("asset.{hash}.env")).is_file());
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(assembly.dir.join("EnvironmentSecrets.assets.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest["files"][hash]["source"]["packaging"], "file");
}
