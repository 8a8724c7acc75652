//! Synthesis: validation of the whole app, template rendering and the cloud assembly.
//!
//! Templates are rendered deterministically (resources in construct-tree order, properties in
//! key order, one-space indentation as the CDK writes them) and the assembly directory is
//! replaced atomically: a failed synthesis leaves the previous `cdk.out` untouched.
//!
//! ```no_run
//! let mut app = ecs_core::App::new();
//! app.add_stack("Web")?;
//! let assembly = app.synth()?; // writes $CDK_OUTDIR or ./cdk.out
//! for stack in &assembly.stacks {
//!     println!("{} {} {}", stack.name, stack.resources, stack.template.display());
//! }
//! # Ok::<(), ecs_core::Error>(())
//! ```

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value as Json};
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::cfn::{Element, Tagging, Value};
use crate::construct::{NodeId, Stack};
use crate::error::Error;

mod cross_stack;

/// The cloud-assembly schema version written into `manifest.json` and asset manifests.
pub const ASSEMBLY_VERSION: &str = "55.0.0";

/// A file asset staged into the cloud assembly: a directory zipped when published, or a single
/// file uploaded as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileAsset {
    /// Content fingerprint, computed as the CDK fingerprints asset sources.
    pub hash: String,
    /// `displayName` in the asset manifest.
    pub display_name: String,
    /// The files, by relative path with `/` separators (one file with an empty path for a
    /// single-file asset).
    pub files: Vec<(String, Vec<u8>)>,
    /// How it is packaged when published.
    pub packaging: Packaging,
}

/// How a file asset is packaged (`packaging` in the asset manifest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Packaging {
    /// A directory, zipped: staged as `asset.<hash>/`, uploaded as `<hash>.zip`.
    Zip,
    /// A single file with its extension (e.g. `.env`): staged and uploaded as `<hash><ext>`.
    File(String),
}

impl FileAsset {
    /// A directory asset made of `files`, fingerprinted as the CDK's `fingerprint()` does:
    /// each file, in name order, contributes its path and `<size>:<sha256>` (text files with
    /// CRLF normalized to LF), so equal sources give equal hashes in both tools.
    ///
    /// ```
    /// let a = ecs_core::synth::FileAsset::directory("S/Code", vec![("index.js".into(), b"x".to_vec())]);
    /// assert_eq!(a.hash.len(), 64);
    /// ```
    pub fn directory(display_name: &str, files: Vec<(String, Vec<u8>)>) -> FileAsset {
        let mut files = files;
        files.sort();
        FileAsset {
            hash: fingerprint(&files, "", None),
            display_name: display_name.to_string(),
            files,
            packaging: Packaging::Zip,
        }
    }

    /// A single-file asset; `extension` (e.g. `.env`) is kept on the staged file and the
    /// object key, as the CDK keeps it.
    ///
    /// ```
    /// let a = ecs_core::synth::FileAsset::file("S/Env", b"A=1\n".to_vec(), ".env");
    /// assert_eq!(a.files[0].0, "");
    /// ```
    pub fn file(display_name: &str, bytes: Vec<u8>, extension: &str) -> FileAsset {
        let files = vec![(String::new(), bytes)];
        FileAsset {
            hash: fingerprint(&files, "", None),
            display_name: display_name.to_string(),
            files,
            packaging: Packaging::File(extension.to_string()),
        }
    }

    fn staged_path(&self) -> String {
        match &self.packaging {
            Packaging::Zip => format!("asset.{}", self.hash),
            Packaging::File(ext) => format!("asset.{}{ext}", self.hash),
        }
    }
}

/// The CDK's source fingerprint (`core/lib/fs/fingerprint`) of `files` (sorted by path; an
/// empty path for a single file), with its extra hash and, when not glob, its ignore mode.
pub(crate) fn fingerprint(
    files: &[(String, Vec<u8>)],
    extra: &str,
    ignore_mode: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    let mut field = |key: &str, value: &str| {
        h.update([1u8]);
        h.update(key.as_bytes());
        h.update([2u8]);
        h.update(value.as_bytes());
        h.update([3u8]);
    };
    field("options.extra", extra);
    field("options.follow", "external");
    if let Some(mode) = ignore_mode {
        field("options.ignoreMode", mode);
    }
    for (name, bytes) in files {
        field(&format!("file:{name}"), &content_fingerprint(bytes));
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// `<size>:<sha256>` of a file's bytes; text (no NUL in the first 8 KiB) is hashed with CRLF
/// turned into LF, as the CDK does so checkouts on Windows give the same hash.
fn content_fingerprint(bytes: &[u8]) -> String {
    let is_text = !bytes[..bytes.len().min(8192)].contains(&0);
    let normalized;
    let data = if is_text && bytes.windows(2).any(|w| w == b"\r\n") {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
                continue;
            }
            out.push(bytes[i]);
            i += 1;
        }
        normalized = out;
        &normalized[..]
    } else {
        bytes
    };
    format!("{}:{}", data.len(), sha256_hex(data))
}

/// What one synthesis wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assembly {
    /// The assembly directory.
    pub dir: PathBuf,
    /// One entry per stack, in app order.
    pub stacks: Vec<StackArtifact>,
}

/// One line per stack: its name, resource count and template path.
///
/// ```
/// use ecs_core::synth::{Assembly, StackArtifact};
/// let a = Assembly {
///     dir: "cdk.out".into(),
///     stacks: vec![StackArtifact { name: "Web".into(), resources: 31, template: "cdk.out/Web.template.json".into() }],
/// };
/// assert_eq!(a.to_string(), "Web: 31 resources in cdk.out/Web.template.json");
/// ```
impl std::fmt::Display for Assembly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, s) in self.stacks.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{}: {} resources in {}",
                s.name,
                s.resources,
                s.template.display()
            )?;
        }
        Ok(())
    }
}

/// A stack written into the assembly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackArtifact {
    /// The stack name.
    pub name: String,
    /// How many resources its template holds.
    pub resources: usize,
    /// The template file.
    pub template: PathBuf,
}

impl App {
    /// Every violation of a rule that can only be judged once the app is complete (the CDK's
    /// `validate()` phase), all of them.
    pub fn validate(&self) -> Result<(), Error> {
        let mut messages = Vec::new();
        crate::task_definition::validate(self, &mut messages);
        crate::service::validate(self, &mut messages);
        crate::capacity_provider::validate(self, &mut messages);
        Error::collect(messages).map_or(Ok(()), Err)
    }

    /// The template of every stack, validated, as JSON.
    ///
    /// ```
    /// let mut app = ecs_core::App::new();
    /// app.add_stack("Web").unwrap();
    /// let templates = app.templates().unwrap();
    /// assert_eq!(templates[0].0, "Web");
    /// assert!(templates[0].1["Rules"]["CheckBootstrapVersion"].is_object());
    /// ```
    pub fn templates(&self) -> Result<Vec<(String, Json)>, Error> {
        self.validate()?;
        let cross = cross_stack::CrossStack::of(self)?;
        self.render_templates(&cross)
    }

    fn render_templates(
        &self,
        cross: &cross_stack::CrossStack,
    ) -> Result<Vec<(String, Json)>, Error> {
        self.stacks
            .iter()
            .map(|s| Ok((s.name.clone(), render_stack(self, s, cross)?)))
            .collect()
    }

    /// Synthesizes into `$CDK_OUTDIR` when set (the CDK CLI sets it), else `./cdk.out`.
    pub fn synth(&self) -> Result<Assembly, Error> {
        let dir = std::env::var_os("CDK_OUTDIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("cdk.out"));
        self.synth_to(dir)
    }

    /// Synthesizes into `dir`, replacing it atomically.
    pub fn synth_to(&self, dir: impl AsRef<Path>) -> Result<Assembly, Error> {
        let dir = dir.as_ref().to_path_buf();
        self.validate()?;
        // Computed once for rendering and the manifest: it walks every value of the app.
        let cross = cross_stack::CrossStack::of(self)?;
        let templates = self.render_templates(&cross)?;
        let staging = sibling(&dir, "staging");
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(|e| Error::io("remove", &staging, e))?;
        }
        fs::create_dir_all(&staging).map_err(|e| Error::io("create", &staging, e))?;
        let result = self.write_assembly(&staging, &templates, &cross);
        if let Err(e) = result {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
        replace_dir(&staging, &dir)?;
        Ok(Assembly {
            stacks: self
                .stacks
                .iter()
                .map(|s| StackArtifact {
                    name: s.name.clone(),
                    resources: s.resource_count(),
                    template: dir.join(format!("{}.template.json", s.name)),
                })
                .collect(),
            dir,
        })
    }

    fn write_assembly(
        &self,
        dir: &Path,
        templates: &[(String, Json)],
        cross: &cross_stack::CrossStack,
    ) -> Result<(), Error> {
        let mut artifacts = Map::new();
        for (stack, (name, template)) in self.stacks.iter().zip(templates) {
            // Stacks this one reads outputs of deploy first (CDK `addStackDependency`).
            let mut dependencies: Vec<Json> = cross
                .dependencies(stack.index)
                .map(|p| Json::from(self.stacks[p.0].name.as_str()))
                .collect();
            dependencies.push(Json::from(format!("{name}.assets")));
            let template_file = format!("{name}.template.json");
            let template_bytes = to_bytes(template, b" ");
            write(&dir.join(&template_file), &template_bytes)?;
            let template_hash = sha256_hex(&template_bytes);
            let mut files = Map::new();
            for asset in &stack.assets {
                let staged = dir.join(asset.staged_path());
                for (rel, bytes) in &asset.files {
                    let path = if rel.is_empty() {
                        staged.clone()
                    } else {
                        staged.join(rel)
                    };
                    if let Some(parent) = path.parent() {
                        fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
                    }
                    write(&path, bytes)?;
                }
                let (packaging, key) = match &asset.packaging {
                    Packaging::Zip => ("zip", format!("{}.zip", asset.hash)),
                    Packaging::File(ext) => ("file", format!("{}{ext}", asset.hash)),
                };
                files.insert(
                    asset.hash.clone(),
                    asset_entry(
                        json!({"path": asset.staged_path(), "packaging": packaging}),
                        &key,
                        &asset.display_name,
                    ),
                );
            }
            files.insert(
                template_hash.clone(),
                asset_entry(
                    json!({"path": template_file, "packaging": "file"}),
                    &format!("{template_hash}.json"),
                    &format!("{name} Template"),
                ),
            );
            let assets_file = format!("{name}.assets.json");
            let docker_images = write_docker_images(dir, stack)?;
            let assets =
                json!({"version": ASSEMBLY_VERSION, "files": files, "dockerImages": docker_images});
            write(&dir.join(&assets_file), &to_bytes(&assets, b"  "))?;
            let bootstrap = "/cdk-bootstrap/hnb659fds/version";
            artifacts.insert(
                format!("{name}.assets"),
                json!({
                    "type": "cdk:asset-manifest",
                    "properties": {"file": assets_file, "requiresBootstrapStackVersion": 6, "bootstrapStackVersionSsmParameter": bootstrap}
                }),
            );
            artifacts.insert(
                name.clone(),
                json!({
                    "type": "aws:cloudformation:stack",
                    "environment": "aws://unknown-account/unknown-region",
                    "properties": {
                        "templateFile": template_file,
                        "terminationProtection": false,
                        "validateOnSynth": false,
                        "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-deploy-role-${AWS::AccountId}-${AWS::Region}",
                        "cloudFormationExecutionRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-${AWS::AccountId}-${AWS::Region}",
                        "stackTemplateAssetObjectUrl": format!("s3://cdk-hnb659fds-assets-${{AWS::AccountId}}-${{AWS::Region}}/{template_hash}.json"),
                        "requiresBootstrapStackVersion": 6,
                        "bootstrapStackVersionSsmParameter": bootstrap,
                        "additionalDependencies": [format!("{name}.assets")],
                        "lookupRole": {
                            "arn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-lookup-role-${AWS::AccountId}-${AWS::Region}",
                            "requiresBootstrapStackVersion": 8,
                            "bootstrapStackVersionSsmParameter": bootstrap
                        }
                    },
                    "dependencies": dependencies,
                    "displayName": name
                }),
            );
        }
        let manifest = json!({"version": ASSEMBLY_VERSION, "artifacts": artifacts});
        write(&dir.join("manifest.json"), &to_bytes(&manifest, b"  "))?;
        write(
            &dir.join("cdk.out"),
            &to_bytes(&json!({"version": ASSEMBLY_VERSION}), b"  "),
        )
    }
}

/// Stages the stack's Docker image assets and returns their `dockerImages` manifest entries.
fn write_docker_images(dir: &Path, stack: &Stack) -> Result<Json, Error> {
    use crate::assets::DockerSource;
    let mut images = Map::new();
    for image in &stack.docker_images {
        let staged = dir.join(image.staged_path());
        match &image.source {
            DockerSource::Directory { files, .. } => {
                for (rel, bytes) in files {
                    let path = staged.join(rel);
                    if let Some(parent) = path.parent() {
                        fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
                    }
                    write(&path, bytes)?;
                }
            }
            DockerSource::Tarball { bytes, .. } => write(&staged, bytes)?,
        }
        let destination = json!({
            "repositoryName": crate::assets::CONTAINER_ASSETS_REPO,
            "imageTag": image.hash,
            "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-image-publishing-role-${AWS::AccountId}-${AWS::Region}"
        });
        let key = format!(
            "current_account-current_region-{}",
            &sha256_hex(destination.to_string().as_bytes())[..8]
        );
        let mut destinations = Map::new();
        destinations.insert(key, destination);
        images.insert(
            image.hash.clone(),
            json!({"displayName": image.display_name, "source": image.manifest_source(), "destinations": destinations}),
        );
    }
    Ok(Json::Object(images))
}

/// An asset-manifest entry; the destination key carries a hash of the destination, as the
/// CDK's asset manifest builder names it.
fn asset_entry(source: Json, object_key: &str, display_name: &str) -> Json {
    let destination = json!({
        "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}",
        "objectKey": object_key,
        "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-${AWS::Region}"
    });
    let key = format!(
        "current_account-current_region-{}",
        &sha256_hex(destination.to_string().as_bytes())[..8]
    );
    let mut destinations = Map::new();
    destinations.insert(key, destination);
    json!({"displayName": display_name, "source": source, "destinations": destinations})
}

fn sibling(dir: &Path, what: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.with_file_name(format!(".{name}.{what}-{}", std::process::id()))
}

/// Swaps `staging` into place at `dir`; the old directory is removed only after the swap.
fn replace_dir(staging: &Path, dir: &Path) -> Result<(), Error> {
    if dir.exists() {
        // The CDK CLI holds `synth.lock` in the output directory while it runs the app and
        // removes it afterwards, so lock files move into the new directory.
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                if name.to_string_lossy().ends_with(".lock") {
                    let _ = fs::copy(entry.path(), staging.join(&name));
                }
            }
        }
        let old = sibling(dir, "old");
        fs::rename(dir, &old).map_err(|e| Error::io("move aside", dir, e))?;
        fs::rename(staging, dir).map_err(|e| Error::io("move into place", dir, e))?;
        fs::remove_dir_all(&old).map_err(|e| Error::io("remove", &old, e))?;
    } else {
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
        }
        fs::rename(staging, dir).map_err(|e| Error::io("move into place", dir, e))?;
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    fs::write(path, bytes).map_err(|e| Error::io("write", path, e))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Pretty JSON without a final newline, as `JSON.stringify(value, undefined, indent)` writes it:
/// one space for templates, two for manifests.
pub(crate) fn to_bytes(value: &Json, indent: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(indent);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    serde::Serialize::serialize(value, &mut ser).expect("serializing JSON to memory cannot fail");
    out
}

struct Ctx<'a> {
    app: &'a App,
    stack: &'a Stack,
    logical_ids: HashMap<usize, String>,
}

impl Ctx<'_> {
    fn id(&self, node: NodeId) -> Result<&str, Error> {
        if node.stack() != self.stack.index {
            return Err(Error::new(format!(
                "`{}` refers to a construct in another stack; references across stacks are not supported yet",
                self.stack.name
            )));
        }
        self.logical_ids
            .get(&node.index)
            .map(String::as_str)
            .ok_or_else(|| {
                Error::new("a reference names a construct that has no element: this is a bug")
            })
    }

    fn render(&self, value: &Value, owner: NodeId) -> Result<Json, Error> {
        Ok(match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(n) => Json::from(*n),
            Value::Float(n) => serde_json::Number::from_f64(*n).map_or(Json::Null, Json::Number),
            Value::Str(s) => Json::from(s.as_str()),
            Value::List(items) => Json::Array(
                items
                    .iter()
                    .map(|v| self.render(v, owner))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Map(m) => {
                let mut out = Map::new();
                for (k, v) in m {
                    out.insert(k.clone(), self.render(v, owner)?);
                }
                Json::Object(out)
            }
            Value::Ref(n) if n.stack() != self.stack.index => {
                cross_stack::get_stack_output(self.app, *n, None)
            }
            Value::GetAtt(n, attr) if n.stack() != self.stack.index => {
                cross_stack::get_stack_output(self.app, *n, Some(attr))
            }
            Value::Ref(n) => json!({"Ref": self.id(*n)?}),
            Value::GetAtt(n, attr) => json!({"Fn::GetAtt": [self.id(*n)?, attr]}),
            Value::Pseudo(p) => json!({"Ref": p.name()}),
            Value::Join(d, parts) => {
                json!({"Fn::Join": [d, self.render(&Value::List(parts.clone()), owner)?]})
            }
            Value::Select(i, v) => json!({"Fn::Select": [i, self.render(v, owner)?]}),
            Value::Split(d, v) => json!({"Fn::Split": [d, self.render(v, owner)?]}),
            Value::GetAzs(r) => json!({"Fn::GetAZs": r}),
            Value::Base64(v) => json!({"Fn::Base64": self.render(v, owner)?}),
            Value::Sub(s) => json!({"Fn::Sub": s}),
            Value::Policy(doc) => sort_statement_lists(self.render(&doc.render(), owner)?),
            Value::PolicyName => {
                let id = self.id(owner)?;
                let start = id.len().saturating_sub(128);
                Json::from(&id[start..])
            }
        })
    }
}

/// Sorts each statement's `Action` and `Resource` lists by their JSON text, as the CDK's
/// policy post-processor does once statements are minimized (so the order of grants does not
/// show in the template).
fn sort_statement_lists(mut doc: Json) -> Json {
    if let Some(Json::Array(statements)) = doc.get_mut("Statement") {
        for statement in statements {
            for key in ["Action", "Resource"] {
                if let Some(Json::Array(items)) = statement.get_mut(key) {
                    items.sort_by_cached_key(|v| v.to_string());
                    items.dedup();
                }
            }
        }
    }
    doc
}

/// Sorts like JavaScript's `localeCompare` does for construct paths: case-insensitively
/// first, with lower case before upper case on ties.
fn locale_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| b.cmp(a))
}

fn render_stack(app: &App, stack: &Stack, cross: &cross_stack::CrossStack) -> Result<Json, Error> {
    let order = stack.depth_first();
    let mut logical_ids = HashMap::new();
    // Paths are only built for the error: building one per node was a tenth of rendering.
    let mut seen: HashMap<String, NodeId> = HashMap::new();
    for &n in &order {
        if stack.nodes[n.index].element.is_some() {
            let id = stack.logical_id(n);
            if let Some(other) = seen.insert(id.clone(), n) {
                return Err(Error::new(format!(
                    "`{}` and `{}` have the same logical ID `{id}`: rename one of them",
                    stack.path(n),
                    stack.path(other)
                )));
            }
            logical_ids.insert(n.index, id);
        }
    }
    let ctx = Ctx {
        app,
        stack,
        logical_ids,
    };
    let mut resources = Map::new();
    let mut parameters = Map::new();
    let mut outputs = Map::new();
    for &n in &order {
        match &stack.nodes[n.index].element {
            None => {}
            Some(Element::Resource(r)) => {
                let mut props = Map::new();
                for (k, v) in &r.properties {
                    props.insert(k.clone(), ctx.render(v, n)?);
                }
                apply_tags(&mut props, r.tagging, &stack.tags_for(n));
                // A dependency that a `Ref` or `Fn::GetAtt` already implies is left out: the
                // CDK writes it, cfn-lint flags it (W3005), and CloudFormation ignores it.
                let mut implied = Vec::new();
                props.values().for_each(|v| referenced_ids(v, &mut implied));
                let mut ids = Vec::new();
                for d in dependencies(stack, n) {
                    let id = ctx.id(d)?;
                    if !implied.contains(&id) {
                        ids.push(Json::from(id));
                    }
                }
                let mut body = Map::new();
                body.insert("Type".into(), Json::from(r.kind.as_str()));
                if !props.is_empty() {
                    body.insert("Properties".into(), Json::Object(props));
                }
                if !ids.is_empty() {
                    body.insert("DependsOn".into(), Json::Array(ids));
                }
                if let Some(p) = &r.update_policy {
                    body.insert("UpdatePolicy".into(), ctx.render(p, n)?);
                }
                if let Some(p) = r.removal_policy {
                    body.insert("UpdateReplacePolicy".into(), Json::from(p));
                    body.insert("DeletionPolicy".into(), Json::from(p));
                }
                resources.insert(ctx.id(n)?.to_string(), Json::Object(body));
            }
            Some(Element::Parameter(p)) => {
                let mut body = Map::new();
                body.insert("Type".into(), Json::from(p.kind.as_str()));
                if let Some(d) = &p.default {
                    body.insert("Default".into(), Json::from(d.as_str()));
                }
                if let Some(d) = &p.description {
                    body.insert("Description".into(), Json::from(d.as_str()));
                }
                parameters.insert(ctx.id(n)?.to_string(), Json::Object(body));
            }
            Some(Element::Output(o)) => {
                let mut body = Map::new();
                if let Some(d) = &o.description {
                    body.insert("Description".into(), Json::from(d.as_str()));
                }
                body.insert("Value".into(), ctx.render(&o.value, n)?);
                if let Some(e) = &o.export_name {
                    body.insert("Export".into(), json!({"Name": e}));
                }
                outputs.insert(ctx.id(n)?.to_string(), Json::Object(body));
            }
        }
    }
    // Outputs other stacks read, under the `Publish` scope the CDK adds last.
    for (name, value) in cross.outputs(app, stack.index) {
        outputs.insert(name, json!({ "Value": value }));
    }
    parameters.insert(
        "BootstrapVersion".into(),
        json!({
            "Type": "AWS::SSM::Parameter::Value<String>",
            "Default": "/cdk-bootstrap/hnb659fds/version",
            "Description": "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]"
        }),
    );
    let mut template = Map::new();
    template.insert("Resources".into(), Json::Object(resources));
    if !outputs.is_empty() {
        template.insert("Outputs".into(), Json::Object(outputs));
    }
    template.insert("Parameters".into(), Json::Object(parameters));
    template.insert(
        "Rules".into(),
        json!({
            "CheckBootstrapVersion": {
                "Assertions": [{
                    "Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"], {"Ref": "BootstrapVersion"}]}]},
                    "AssertDescription": "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI."
                }]
            }
        }),
    );
    Ok(Json::Object(template))
}

/// The logical IDs a rendered value names through `Ref` and `Fn::GetAtt`.
fn referenced_ids<'a>(value: &'a Json, out: &mut Vec<&'a str>) {
    match value {
        Json::Object(m) => {
            if let Some(Json::String(id)) = m.get("Ref") {
                out.push(id);
            }
            if let Some(Json::String(id)) = m.get("Fn::GetAtt").and_then(|a| a.get(0)) {
                out.push(id);
            }
            m.values().for_each(|v| referenced_ids(v, out));
        }
        Json::Array(items) => items.iter().for_each(|v| referenced_ids(v, out)),
        _ => {}
    }
}

/// The resources `node` depends on through its own and its ancestors' dependencies, sorted by
/// path as the CDK sorts `DependsOn`, without resources inside `node`'s own dependency target.
fn dependencies(stack: &Stack, node: NodeId) -> Vec<NodeId> {
    let mut targets = Vec::new();
    let mut at = Some(node.index);
    while let Some(i) = at {
        targets.extend(stack.nodes[i].depends_on.iter().copied());
        at = stack.nodes[i].parent;
    }
    let mut out: Vec<NodeId> = Vec::new();
    // A dependency on another stack's construct is a dependency between the stacks, written
    // into the manifest instead.
    for t in targets.into_iter().filter(|t| t.stack() == stack.index) {
        for r in stack.resources_below(t) {
            if r != node && !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out.sort_by(|a, b| locale_cmp(&stack.path(*a), &stack.path(*b)));
    out
}

fn apply_tags(props: &mut Map<String, Json>, tagging: Tagging, tags: &[(String, String)]) {
    if tags.is_empty() {
        return;
    }
    let plain = || {
        Json::Array(
            tags.iter()
                .map(|(k, v)| json!({"Key": k, "Value": v}))
                .collect(),
        )
    };
    match tagging {
        Tagging::None => {}
        Tagging::Standard => {
            props.insert("Tags".into(), plain());
        }
        Tagging::Named(key) => {
            props.insert(key.into(), plain());
        }
        Tagging::AutoScaling => {
            let list = tags
                .iter()
                .map(|(k, v)| json!({"Key": k, "PropagateAtLaunch": true, "Value": v}))
                .collect();
            props.insert("Tags".into(), Json::Array(list));
        }
        Tagging::LaunchTemplate => {
            if let Some(Json::Object(data)) = props.get_mut("LaunchTemplateData") {
                data.insert(
                    "TagSpecifications".into(),
                    json!([
                        {"ResourceType": "instance", "Tags": plain()},
                        {"ResourceType": "volume", "Tags": plain()}
                    ]),
                );
            }
            props.insert(
                "TagSpecifications".into(),
                json!([{"ResourceType": "launch-template", "Tags": plain()}]),
            );
        }
    }
}
