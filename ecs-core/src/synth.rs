//! Synthesis: validation of the whole app, template rendering and the cloud assembly.
//!
//! Templates are rendered deterministically (resources in construct-tree order, properties in
//! key order, one-space indentation as the CDK writes them) and written safely (see `writer`):
//! each file replaced atomically, nothing removed that is not ours, runs taking turns, and a
//! failed synthesis leaves the previous `cdk.out` untouched.
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

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json, json};
use sha2::{Digest, Sha256};

use crate::construct::app::App;
use crate::construct::{NodeId, Stack};
use crate::error::Error;

use crate::construct::asset::sha256_hex;
pub use crate::construct::asset::{FileAsset, Packaging};

mod cross_stack;
mod metadata;
mod render;
mod writer;

/// The cloud-assembly schema version written into `manifest.json` and asset manifests.
pub const ASSEMBLY_VERSION: &str = "55.0.0";

/// What one synthesis wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assembly {
    /// The assembly directory.
    pub dir: PathBuf,
    /// One entry per stack, in app order.
    pub stacks: Vec<StackArtifact>,
    /// The findings of the lints and policies set on the app at `warn`, and the waived ones
    /// (`lints.sarif` in the assembly holds them for code scanning).
    pub lint_reports: Vec<crate::ecs::lints::Report>,
}

/// One line per stack: its name, resource count and template path.
///
/// ```
/// use ecs_core::synth::{Assembly, StackArtifact};
/// let a = Assembly {
///     dir: "cdk.out".into(),
///     stacks: vec![StackArtifact { name: "Web".into(), resources: 31, template: "cdk.out/Web.template.json".into() }],
///     lint_reports: vec![],
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
        for r in self.lint_reports.iter().filter(|r| r.waived.is_none()) {
            write!(f, "\nwarning: {} [{}]", r.message, r.lint)?;
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
    ///
    /// # Errors
    ///
    /// Every violation of a rule that needs the complete app (the CDK's `validate()` phase), and references across stacks that cannot be made.
    pub fn validate(&self) -> Result<(), Error> {
        let mut messages = Vec::new();
        self.validate_families(&mut messages);
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
    ///
    /// # Errors
    ///
    /// Every violation of a rule that needs the complete app (the CDK's `validate()` phase), and references across stacks that cannot be made.
    pub fn templates(&self) -> Result<Vec<(String, Json)>, Error> {
        self.validate()?;
        let cross = cross_stack::CrossStack::of(self)?;
        // The same views synthesis writes, turned into JSON values.
        self.stacks
            .iter()
            .map(|s| {
                let json = render::StackRenderer::new(self, s, &cross)?.to_json()?;
                Ok((s.name.clone(), json))
            })
            .collect()
    }

    /// Synthesizes into `$CDK_OUTDIR` when set (the CDK CLI sets it), else `./cdk.out`.
    ///
    /// # Errors
    ///
    /// As [`App::templates`], and when writing the cloud assembly fails ([`ErrorKind::Io`](crate::error::ErrorKind::Io)); the directory is left as it was or repaired by the next run, never half-written.
    pub fn synth(&self) -> Result<Assembly, Error> {
        let dir = std::env::var_os("CDK_OUTDIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("cdk.out"));
        self.synth_to(dir)
    }

    /// Synthesizes into `dir`, replacing it atomically.
    ///
    /// # Errors
    ///
    /// As [`App::templates`], and when writing the cloud assembly fails ([`ErrorKind::Io`](crate::error::ErrorKind::Io)); the directory is left as it was or repaired by the next run, never half-written.
    pub fn synth_to(&self, dir: impl AsRef<Path>) -> Result<Assembly, Error> {
        let dir = dir.as_ref().to_path_buf();
        self.validate()?;
        // Computed once for rendering and the manifest: it walks every value of the app.
        let cross = cross_stack::CrossStack::of(self)?;
        // Logical IDs are checked for every stack before anything is written.
        let renderers = self
            .stacks
            .iter()
            .map(|s| render::StackRenderer::new(self, s, &cross))
            .collect::<Result<Vec<_>, Error>>()?;
        let mut out = writer::OutDir::open(&dir)?;
        // The marker first: a directory an interrupted run leaves is still known as ours.
        out.write(
            "cdk.out",
            &to_bytes(&json!({"version": ASSEMBLY_VERSION}), b"  "),
        )?;
        let lint_reports = self.lint_reports();
        // Only apps that set lints get a report: the assembly of others stays the CDK's.
        if self.family::<crate::ecs::lints::LintSettings>().is_some() {
            let log = crate::ecs::lints::sarif(&lint_reports);
            out.write(writer::LINT_REPORT, &to_bytes(&log, b"  "))?;
        }
        let with_metadata = metadata::enabled(self);
        self.write_assembly(&mut out, &renderers, &cross, with_metadata)?;
        // Under the CDK CLI the metadata holds them and the CLI prints them; else nobody would.
        if !with_metadata {
            for annotation in self.annotations() {
                eprintln!("{annotation}");
            }
        }
        Ok(Assembly {
            lint_reports,
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
        out: &mut writer::OutDir,
        renderers: &[render::StackRenderer],
        cross: &cross_stack::CrossStack,
        with_metadata: bool,
    ) -> Result<(), Error> {
        let mut artifacts = Map::new();
        for (stack, renderer) in self.stacks.iter().zip(renderers) {
            let name = &stack.name;
            // Stacks this one reads outputs of deploy first (CDK `addStackDependency`).
            let mut dependencies: Vec<Json> = cross
                .dependencies(stack.index)
                .map(|p| Json::from(self.stacks[p.0].name.as_str()))
                .collect();
            dependencies.push(Json::from(format!("{name}.assets")));
            let template_file = format!("{name}.template.json");
            let path = out.path().join(&template_file);
            let template_hash =
                out.write_with(&template_file, |w| write_template(w, renderer, &path))?;
            let mut files = Map::new();
            for asset in &stack.assets {
                match asset.files.as_slice() {
                    // A file asset is one file, named by its hash.
                    [(rel, bytes)] if rel.is_empty() => out.write(&asset.staged_path(), bytes)?,
                    files => out.write_dir(&asset.staged_path(), files)?,
                }
                let (packaging, key) = match &asset.packaging {
                    Packaging::Zip => ("zip", format!("{}.zip", asset.hash)),
                    Packaging::File(ext) => ("file", format!("{}{ext}", asset.hash)),
                };
                files.insert(
                    asset.hash.clone(),
                    asset_entry(
                        stack,
                        json!({"path": asset.staged_path(), "packaging": packaging}),
                        &key,
                        &asset.display_name,
                    ),
                );
            }
            files.insert(
                template_hash.clone(),
                asset_entry(
                    stack,
                    json!({"path": template_file, "packaging": "file"}),
                    &format!("{template_hash}.json"),
                    &format!("{name} Template"),
                ),
            );
            let assets_file = format!("{name}.assets.json");
            let docker_images = write_docker_images(out, stack)?;
            let assets =
                json!({"version": ASSEMBLY_VERSION, "files": files, "dockerImages": docker_images});
            out.write(&assets_file, &to_bytes(&assets, b"  "))?;
            let bootstrap = "/cdk-bootstrap/hnb659fds/version";
            artifacts.insert(
                format!("{name}.assets"),
                json!({
                    "type": "cdk:asset-manifest",
                    "properties": {"file": assets_file, "requiresBootstrapStackVersion": 6, "bootstrapStackVersionSsmParameter": bootstrap}
                }),
            );
            let mut properties = json!({
                        "templateFile": template_file,
                        "terminationProtection": stack.props.termination_protection.unwrap_or(false),
            });
            if !stack.props.tags.is_empty() {
                properties["tags"] = Json::Object(
                    stack
                        .props
                        .tags
                        .iter()
                        .map(|(k, v)| (k.clone(), Json::from(v.as_str())))
                        .collect(),
                );
            }
            let rest = json!({
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
            });
            let rest = fill_environment(stack, rest);
            if let (Json::Object(p), Json::Object(r)) = (&mut properties, rest) {
                p.extend(r);
                // The CDK writes the stack name only when it differs from the id, last.
                if let Some(stack_name) = &stack.props.stack_name {
                    p.insert("stackName".into(), Json::from(stack_name.as_str()));
                }
            }
            let mut artifact = json!({
                "type": "aws:cloudformation:stack",
                "environment": stack.environment_uri(),
                "properties": properties,
                "dependencies": dependencies,
            });
            if with_metadata && let Some(meta) = metadata::stack_metadata(stack, renderer) {
                let file = format!("{name}.metadata.json");
                out.write(&file, &to_bytes(&meta, b"  "))?;
                artifact["additionalMetadataFile"] = Json::from(file);
            }
            artifact["displayName"] = Json::from(name.as_str());
            artifacts.insert(name.clone(), artifact);
        }
        if with_metadata {
            let tree = metadata::tree(self, renderers)?;
            let bytes = serde_json::to_vec(&tree)
                .map_err(|e| Error::new(format!("cannot write `tree.json`: {e}")))?;
            out.write("tree.json", &bytes)?;
            artifacts.insert(
                "Tree".into(),
                json!({"type": "cdk:tree", "properties": {"file": "tree.json"}}),
            );
        }
        out.remove_stale()?;
        // Last: until it is in place, the previous manifest (or none) describes the directory.
        let mut manifest = json!({"version": ASSEMBLY_VERSION, "artifacts": artifacts});
        // Lookups the context could not answer, for the CDK CLI to make before it runs the
        // app again.
        if let Some(missing) = self.family::<crate::construct::context::Missing>()
            && !missing.0.is_empty()
        {
            manifest["missing"] = Json::Array(missing.0.clone());
        }
        out.write("manifest.json", &to_bytes(&manifest, b"  "))
    }
}

/// Stages the stack's Docker image assets and returns their `dockerImages` manifest entries.
fn write_docker_images(out: &mut writer::OutDir, stack: &Stack) -> Result<Json, Error> {
    use crate::construct::asset::DockerSource;
    let mut images = Map::new();
    for image in &stack.docker_images {
        match &image.source {
            DockerSource::Directory { files, .. } => out.write_dir(&image.staged_path(), files)?,
            DockerSource::Tarball { bytes, .. } => out.write(&image.staged_path(), bytes)?,
        }
        let destination = json!({
            "repositoryName": crate::ecr_assets::CONTAINER_ASSETS_REPO,
            "imageTag": image.hash,
            "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-image-publishing-role-${AWS::AccountId}-${AWS::Region}"
        });
        let mut destinations = Map::new();
        let (key, destination) = destination_entry(stack, destination);
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
fn asset_entry(stack: &Stack, source: Json, object_key: &str, display_name: &str) -> Json {
    let destination = json!({
        "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}",
        "objectKey": object_key,
        "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-${AWS::Region}"
    });
    let mut destinations = Map::new();
    let (key, destination) = destination_entry(stack, destination);
    destinations.insert(key, destination);
    json!({"displayName": display_name, "source": source, "destinations": destinations})
}

/// A destination with the stack's account and region filled in, its `region` before the role
/// when the stack names one, and its key: `<account>-<region>-<hash of the destination>`, with
/// `current_account`/`current_region` for what the stack leaves open.
fn destination_entry(stack: &Stack, destination: Json) -> (String, Json) {
    let mut destination = fill_environment(stack, destination);
    if let (Some(region), Json::Object(fields)) = (stack.region(), &mut destination)
        && let Some(role) = fields.remove("assumeRoleArn")
    {
        fields.insert("region".into(), Json::from(region));
        fields.insert("assumeRoleArn".into(), role);
    }
    let key = format!(
        "{}-{}-{}",
        stack.account().unwrap_or("current_account"),
        stack.region().unwrap_or("current_region"),
        &sha256_hex(destination.to_string().as_bytes())[..8]
    );
    (key, destination)
}

/// The bootstrap placeholders `${AWS::AccountId}` and `${AWS::Region}` in every string of
/// `value` replaced by the stack's account and region where it names them (the partition
/// stays a placeholder, as the CDK's synthesizer leaves it).
fn fill_environment(stack: &Stack, value: Json) -> Json {
    match value {
        Json::String(text) => Json::String(stack.fill_placeholders(&text)),
        Json::Array(items) => Json::Array(
            items
                .into_iter()
                .map(|v| fill_environment(stack, v))
                .collect(),
        ),
        Json::Object(fields) => Json::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k, fill_environment(stack, v)))
                .collect(),
        ),
        other => other,
    }
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

/// Sorts like JavaScript's `localeCompare` does for construct paths: case-insensitively
/// first, with lower case before upper case on ties.
fn locale_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| b.cmp(a))
}

/// The resources `node` depends on through its own and its ancestors' dependencies, sorted by
/// path as the CDK sorts `DependsOn`, without resources inside `node`'s own dependency target.
pub(crate) fn dependencies(stack: &Stack, node: NodeId) -> Vec<NodeId> {
    // Most resources have none: find that out without allocating.
    if stack
        .ancestors(node)
        .all(|i| stack.nodes[i].depends_on().is_empty())
    {
        return Vec::new();
    }
    let mut targets = Vec::new();
    let mut at = Some(node.index);
    while let Some(i) = at {
        targets.extend(stack.nodes[i].depends_on().iter().copied());
        at = if stack.nodes[i].detached() {
            None
        } else {
            stack.nodes[i].parent()
        };
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
    if out.len() > 1 {
        // One path per resource, not one per comparison.
        let mut keyed: Vec<(String, NodeId)> = out.iter().map(|&r| (stack.path(r), r)).collect();
        keyed.sort_by(|a, b| locale_cmp(&a.0, &b.0));
        out = keyed.into_iter().map(|(_, r)| r).collect();
    }
    out
}

/// Streams a template into `out`, returning the SHA-256 of what it wrote.
fn write_template(
    out: &mut impl std::io::Write,
    renderer: &render::StackRenderer,
    path: &Path,
) -> Result<String, Error> {
    use std::io::Write;
    let mut hashing = HashingWriter {
        inner: out,
        hash: Sha256::new(),
    };
    match renderer.write(&mut hashing) {
        Ok(()) => {}
        Err(render::WriteError::Render(e)) => return Err(e),
        Err(render::WriteError::Io(e)) => return Err(Error::io("write", path, e)),
    }
    hashing.flush().map_err(|e| Error::io("write", path, e))?;
    Ok(hashing
        .hash
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Passes bytes through to `inner` and into a SHA-256.
struct HashingWriter<W> {
    inner: W,
    hash: Sha256,
}

impl<W: std::io::Write> std::io::Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
