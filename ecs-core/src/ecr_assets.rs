//! Assets staged into the cloud assembly: Docker images built from a directory or loaded from a
//! tarball, and single files uploaded to the bootstrap bucket (CDK `DockerImageAsset`,
//! `TarballImageAsset`, `s3_assets.Asset`).
//!
//! Each asset is fingerprinted exactly as the CDK fingerprints it, so the same sources give
//! the same image tags and object keys in both tools, and `cdk deploy` can publish them from
//! the asset manifest.
//!
//! ```
//! use ecs_core::ecr_assets::docker_extra_hash;
//! assert_eq!(docker_extra_hash(&[("VARIANT".into(), "shared".into())], None, None),
//!     r#"{"buildArgs":{"VARIANT":"shared"},"version":"1.21.0"}"#);
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};

use crate::cfn::Value;
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::construct::asset::{DockerImageEntry, DockerSource, FileAsset, fingerprint};
use crate::error::Error;

/// The bootstrap repository of container assets, as the default synthesizer names it.
pub(crate) const CONTAINER_ASSETS_REPO: &str =
    "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}";

/// The bootstrap bucket of file assets.
pub(crate) const FILE_ASSETS_BUCKET: &str = "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}";

/// The version the CDK's `DockerImageAsset` adds to its extra hash, so image tags change when
/// its build logic does.
const DOCKER_ASSET_VERSION: &str = "1.21.0";

/// The image URI of a container asset with tag `hash`.
pub(crate) fn image_uri(hash: &str) -> Value {
    Value::Sub(format!(
        "${{AWS::AccountId}}.dkr.ecr.${{AWS::Region}}.${{AWS::URLSuffix}}/{CONTAINER_ASSETS_REPO}:{hash}"
    ))
}

/// The ARN of the bootstrap repository of container assets, which execution roles pull from.
pub(crate) fn container_assets_repository_arn() -> Value {
    Value::arn(
        "ecr",
        true,
        true,
        vec![
            "repository/".into(),
            Value::Sub(CONTAINER_ASSETS_REPO.into()),
        ],
    )
}

/// The `extraHash` the CDK's `DockerImageAsset` mixes into the fingerprint: the build options
/// that change the image, as `JSON.stringify` writes them, and the asset version.
pub fn docker_extra_hash(
    build_args: &[(String, String)],
    target: Option<&str>,
    file: Option<&str>,
) -> String {
    let mut m = Map::new();
    if !build_args.is_empty() {
        let args: Map<String, Json> = build_args
            .iter()
            .map(|(k, v)| (k.clone(), Json::from(v.as_str())))
            .collect();
        m.insert("buildArgs".into(), Json::Object(args));
    }
    if let Some(t) = target {
        m.insert("target".into(), Json::from(t));
    }
    if let Some(f) = file {
        m.insert("file".into(), Json::from(f));
    }
    m.insert("version".into(), Json::from(DOCKER_ASSET_VERSION));
    Json::Object(m).to_string()
}

/// Reads every file under `dir`, by relative path with `/`, in name order; `exclude` names
/// top-level entries left out (the CDK excludes its own output directory).
pub(crate) fn read_dir_files(
    dir: &Path,
    exclude: &[&str],
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    fn walk(
        root: &Path,
        at: &Path,
        exclude: &[&str],
        out: &mut Vec<(String, Vec<u8>)>,
    ) -> Result<(), Error> {
        let mut entries: Vec<PathBuf> = fs::read_dir(at)
            .map_err(|e| Error::io("read", at, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if exclude.contains(&rel.as_str()) {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, exclude, out)?;
            } else {
                let bytes = fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
                out.push((rel, bytes));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, exclude, &mut out)?;
    Ok(out)
}

fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    if path.is_dir() {
        return Err(Error::new(format!(
            "asset `{}` must be a single file, not a directory: name a file",
            path.display()
        )));
    }
    fs::read(path).map_err(|e| Error::io("read", path, e))
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default()
}

props! {
    /// Options of a [`DockerImageAsset`] (CDK `DockerImageAssetProps`, the part this library
    /// supports).
    ///
    /// ```
    /// let props = ecs_core::ecr_assets::DockerImageAssetProps::new("images/web").build_args([("VARIANT", "slim")]);
    /// assert_eq!(props.build_args.len(), 1);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct DockerImageAssetProps {
        /// The build context directory (required).
        [into "directory", .required()]
        directory: PathBuf,
        /// `--build-arg`s, in the order given.
        [field_list "buildArgs", .ty(Environment)]
        build_args: (String, String),
        /// `--target`.
        [into "target"]
        target: String,
        /// The Dockerfile, relative to the directory; default `Dockerfile`.
        [into "file", .default("`Dockerfile`")]
        file: String,
    }
}

impl DockerImageAssetProps {
    /// Builds `directory`.
    pub fn new(directory: impl Into<PathBuf>) -> Self {
        DockerImageAssetProps::default().directory(directory)
    }

    /// Adds build arguments.
    pub fn build_args<K: Into<String>, V: Into<String>>(
        mut self,
        args: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        for (k, v) in args {
            let (k, v) = (k.into(), v.into());
            match self.build_args.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) => slot.1 = v,
                None => self.build_args.push((k, v)),
            }
        }
        self
    }
}

/// A Docker image built from a directory when the app is deployed (CDK `DockerImageAsset`).
///
/// ```
/// use ecs_core::{App, ecr_assets::{DockerImageAsset, DockerImageAssetProps}};
/// let dir = std::env::temp_dir().join(format!("ecs-core-doc-image-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("Dockerfile"), "FROM scratch\n").unwrap();
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let image = DockerImageAsset::new(&mut app, s, "Image", DockerImageAssetProps::new(&dir)).unwrap();
/// assert_eq!(image.asset_hash(&app).len(), 64);
/// # std::fs::remove_dir_all(dir).unwrap();
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DockerImageAsset {
    node: NodeId,
    index: usize,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl DockerImageAsset {
    /// Stages the directory as an image asset with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: DockerImageAssetProps,
    ) -> Result<DockerImageAsset, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let root = scope;
        DockerImageAsset::new_in(app, root, id, props)
    }

    /// Stages the directory as an image asset with id `id` under `scope`.
    pub(crate) fn new_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        props: DockerImageAssetProps,
    ) -> Result<DockerImageAsset, Error> {
        app.check_each([scope])?;
        let Some(dir) = props.directory else {
            return Err(Error::new(format!(
                "docker image asset `{id}` needs `directory`: add the directory holding the Dockerfile"
            )));
        };
        let dockerfile = props.file.as_deref().unwrap_or("Dockerfile");
        if !dir.join(dockerfile).is_file() {
            return Err(Error::new(format!(
                "docker image asset `{id}` has no `{dockerfile}` in `{}`: add one, or name it with `file`",
                dir.display()
            )));
        }
        if dir.join(".dockerignore").exists() {
            return Err(Error::new(format!(
                "docker image asset `{id}`: `.dockerignore` files are not supported yet; remove `{}`",
                dir.join(".dockerignore").display()
            )));
        }
        let files = read_dir_files(&dir, &["cdk.out"])?;
        let extra = docker_extra_hash(
            &props.build_args,
            props.target.as_deref(),
            props.file.as_deref(),
        );
        let hash = fingerprint(&files, &extra, Some("docker"));
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let display_name = st.components(node).join("/");
        let entry = DockerImageEntry {
            hash,
            display_name,
            source: DockerSource::Directory {
                files,
                build_args: props.build_args,
                target: props.target,
                file: props.file,
            },
        };
        let index = st.add_docker_image(entry);
        Ok(DockerImageAsset { node, index })
    }

    /// Stages a tarball made by `docker save` (CDK `TarballImageAsset`) under `scope`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn from_tarball_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        file: &Path,
    ) -> Result<DockerImageAsset, Error> {
        app.check_each([scope])?;
        let bytes = read_file(file)?;
        let hash = fingerprint(&[(String::new(), bytes.clone())], "", None);
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let display_name = st.components(node).join("/");
        let entry = DockerImageEntry {
            hash,
            display_name,
            source: DockerSource::Tarball {
                bytes,
                extension: extension(file),
            },
        };
        let index = st.add_docker_image(entry);
        Ok(DockerImageAsset { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The asset hash: the image tag.
    pub fn asset_hash(self, app: &App) -> &str {
        &app.stack(self.node.stack()).docker_images[self.index].hash
    }

    /// The image URI in the bootstrap repository.
    pub fn image_uri(self, app: &App) -> Value {
        image_uri(self.asset_hash(app))
    }
}

/// A single file uploaded to the bootstrap bucket (CDK `s3_assets.Asset` of a file), staged
/// under `scope` with id `id`. Returns the `arn:…:s3:::<bucket>/<hash><ext>` of the object.
pub(crate) fn file_asset_object_arn(
    app: &mut App,
    scope: NodeId,
    id: &str,
    file: &Path,
) -> Result<Value, Error> {
    let bytes = read_file(file)?;
    let ext = extension(file);
    let st = app.stack_mut(scope.stack());
    let node = st.add_node(scope, id)?;
    let asset = FileAsset::file(&st.components(node).join("/"), bytes, &ext);
    let key = format!("/{}{ext}", asset.hash);
    st.add_file_asset(asset);
    Ok(Value::arn(
        "s3",
        false,
        false,
        vec![Value::Sub(FILE_ASSETS_BUCKET.into()), key.into()],
    ))
}

handle!(DockerImageAsset);
