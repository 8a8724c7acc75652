//! The assets of a stack, as its cloud assembly lists them: files staged and uploaded to the
//! bootstrap bucket, Docker images built or loaded and pushed to the bootstrap repository.

use serde_json::{Map, Value as Json, json};
use sha2::{Digest, Sha256};

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

    pub(crate) fn staged_path(&self) -> String {
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

/// How a Docker image asset is produced when published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DockerSource {
    /// `docker build` of a staged directory.
    Directory {
        files: Vec<(String, Vec<u8>)>,
        build_args: Vec<(String, String)>,
        target: Option<String>,
        file: Option<String>,
    },
    /// `docker load` of a staged tarball, with the source file's extension.
    Tarball { bytes: Vec<u8>, extension: String },
}

/// A Docker image asset of a stack: an entry of `dockerImages` in `<Stack>.assets.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DockerImageEntry {
    pub(crate) hash: String,
    pub(crate) display_name: String,
    pub(crate) source: DockerSource,
}

impl DockerImageEntry {
    /// The staged path, relative to the assembly.
    pub(crate) fn staged_path(&self) -> String {
        match &self.source {
            DockerSource::Directory { .. } => format!("asset.{}", self.hash),
            DockerSource::Tarball { extension, .. } => format!("asset.{}{extension}", self.hash),
        }
    }

    /// The `source` object of the manifest entry.
    pub(crate) fn manifest_source(&self) -> Json {
        match &self.source {
            DockerSource::Directory {
                build_args,
                target,
                file,
                ..
            } => {
                let mut m = Map::new();
                m.insert("directory".into(), Json::from(self.staged_path()));
                if !build_args.is_empty() {
                    let args: Map<String, Json> = build_args
                        .iter()
                        .map(|(k, v)| (k.clone(), Json::from(v.as_str())))
                        .collect();
                    m.insert("dockerBuildArgs".into(), Json::Object(args));
                }
                if let Some(t) = target {
                    m.insert("dockerBuildTarget".into(), Json::from(t.as_str()));
                }
                if let Some(f) = file {
                    m.insert("dockerFile".into(), Json::from(f.as_str()));
                }
                Json::Object(m)
            }
            // What the CDK's `TarballImageAsset` runs to load the image and print its name.
            DockerSource::Tarball { .. } => json!({"executable": [
                "sh",
                "-c",
                "docker load -i \"$1\" | tail -n 1 | sed \"s/Loaded image[^:]*: //g\"",
                "cdk-tarball-image-asset",
                self.staged_path(),
            ]}),
        }
    }
}

/// The SHA-256 of `bytes`, in lowercase hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
