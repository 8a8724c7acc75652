//! The cloud-assembly directory, written safely.
//!
//! - Nothing that is not ours is deleted: a regular file as the output path is refused, and so
//!   is a non-empty directory that holds no cloud assembly (no `cdk.out` or `manifest.json`).
//! - Every file is written under a temporary name in the directory and renamed into place, so a
//!   reader never sees half a file; the `cdk.out` marker is written first and `manifest.json`
//!   last, so an interrupted run leaves the previous manifest (or none) and the next run repairs
//!   the rest. The directory itself is never moved, so a mount point works and it never
//!   disappears.
//! - Runs into the same directory take turns through an advisory lock (released by the system
//!   when a process dies), and each run first removes what interrupted runs left
//!   (`.ecs-app-tmp-*`).
//! - Files of the previous assembly that this one no longer has are removed only when that
//!   assembly's manifests named them, just before the new manifest goes in.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Temporary entries carry this prefix: ours by name, so removing them is safe.
const TEMP_PREFIX: &str = ".ecs-app-tmp-";

/// Test hook: after this many renames into place, the process aborts, as a kill would stop it.
const ABORT_AFTER: &str = "ECS_APP_ABORT_AFTER_WRITES";

/// An output directory open for one synthesis.
pub(crate) struct OutDir {
    dir: PathBuf,
    /// The directory, locked until the run ends; the system releases it if the process dies.
    _lock: fs::File,
    /// What the previous assembly's manifests named.
    previous: BTreeSet<String>,
    /// What this run wrote at the top of the directory.
    written: BTreeSet<String>,
    temp_seq: Cell<u64>,
    renames: Cell<u64>,
    abort_after: Option<u64>,
}

impl OutDir {
    /// Checks that `dir` may be written, creates it, takes the lock and clears what interrupted
    /// runs left.
    pub(crate) fn open(dir: &Path) -> Result<OutDir, Error> {
        match fs::metadata(dir) {
            Ok(meta) if !meta.is_dir() => {
                return Err(Error::new(format!(
                    "cannot write the cloud assembly to `{}`: it is a file, not a directory; set `CDK_OUTDIR` to a directory (the file is left untouched)",
                    dir.display()
                )));
            }
            Ok(_) if !is_assembly(dir)? => {
                return Err(Error::new(format!(
                    "cannot write the cloud assembly to `{}`: the directory is not empty and holds no cloud assembly; choose an empty or new directory (nothing in it was changed)",
                    dir.display()
                )));
            }
            _ => {}
        }
        fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        // The directory itself is the lock: no lock file is left in the assembly.
        let lock = fs::File::open(dir).map_err(|e| Error::io("open", dir, e))?;
        lock.lock().map_err(|e| Error::io("lock", dir, e))?;
        for entry in fs::read_dir(dir)
            .map_err(|e| Error::io("read", dir, e))?
            .flatten()
        {
            if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let path = entry.path();
                let removed = if path.is_dir() {
                    fs::remove_dir_all(&path)
                } else {
                    fs::remove_file(&path)
                };
                removed.map_err(|e| Error::io("remove", &path, e))?;
            }
        }
        Ok(OutDir {
            dir: dir.to_path_buf(),
            _lock: lock,
            previous: previous_files(dir),
            written: BTreeSet::new(),
            temp_seq: Cell::new(0),
            renames: Cell::new(0),
            abort_after: std::env::var(ABORT_AFTER).ok().and_then(|n| n.parse().ok()),
        })
    }

    /// The directory.
    pub(crate) fn path(&self) -> &Path {
        &self.dir
    }

    /// A fresh temporary path in the directory.
    fn temp(&self) -> PathBuf {
        let n = self.temp_seq.get();
        self.temp_seq.set(n + 1);
        self.dir
            .join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()))
    }

    /// Renames `temp` to `name` at the top of the directory.
    fn place(&mut self, temp: &Path, name: &str) -> Result<(), Error> {
        let target = self.dir.join(name);
        fs::rename(temp, &target).map_err(|e| Error::io("move into place", &target, e))?;
        self.written.insert(name.to_string());
        let renames = self.renames.get() + 1;
        self.renames.set(renames);
        if self.abort_after == Some(renames) {
            std::process::abort();
        }
        Ok(())
    }

    /// Writes the file `name` (at the top of the directory) from what `fill` writes.
    pub(crate) fn write_with<T>(
        &mut self,
        name: &str,
        fill: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let temp = self.temp();
        let file = fs::File::create(&temp).map_err(|e| Error::io("write", &temp, e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        let result = fill(&mut out).and_then(|value| {
            out.flush().map_err(|e| Error::io("write", &temp, e))?;
            Ok(value)
        });
        drop(out);
        match result {
            Ok(value) => {
                self.place(&temp, name)?;
                Ok(value)
            }
            Err(e) => {
                let _ = fs::remove_file(&temp);
                Err(e)
            }
        }
    }

    /// Writes the file `name` with `bytes`.
    pub(crate) fn write(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.dir.join(name);
        self.write_with(name, |out| {
            out.write_all(bytes)
                .map_err(|e| Error::io("write", &path, e))
        })
    }

    /// Stages an asset directory `name` with `files` (relative path, bytes). Its name carries
    /// the hash of its content, so one already in place is the same and stays.
    pub(crate) fn write_dir(
        &mut self,
        name: &str,
        files: &[(String, Vec<u8>)],
    ) -> Result<(), Error> {
        if self.dir.join(name).is_dir() {
            self.written.insert(name.to_string());
            return Ok(());
        }
        let temp = self.temp();
        let staged = (|| {
            fs::create_dir_all(&temp).map_err(|e| Error::io("create", &temp, e))?;
            for (rel, bytes) in files {
                let path = temp.join(rel);
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
                }
                fs::write(&path, bytes).map_err(|e| Error::io("write", &path, e))?;
            }
            Ok(())
        })();
        match staged {
            Ok(()) => self.place(&temp, name),
            Err(e) => {
                let _ = fs::remove_dir_all(&temp);
                Err(e)
            }
        }
    }

    /// Removes what the previous assembly named and this one did not write; called before the
    /// new manifest goes in, so a run killed after it still finds them named by the old one.
    pub(crate) fn remove_stale(&mut self) -> Result<(), Error> {
        for name in self.previous.difference(&self.written) {
            let path = self.dir.join(name);
            let removed = match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
                Ok(_) => fs::remove_file(&path),
                Err(_) => continue,
            };
            removed.map_err(|e| Error::io("remove", &path, e))?;
        }
        Ok(())
    }
}

/// The SARIF report of an app's lints, beside its manifest.
pub(crate) const LINT_REPORT: &str = "lints.sarif";

/// Whether a directory may be written: empty (but for locks and interrupted runs' leftovers),
/// or holding a cloud assembly.
fn is_assembly(dir: &Path) -> Result<bool, Error> {
    let mut empty = true;
    for entry in fs::read_dir(dir)
        .map_err(|e| Error::io("read", dir, e))?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "cdk.out" || name == "manifest.json" {
            return Ok(true);
        }
        if !(name.ends_with(".lock") || name.starts_with(TEMP_PREFIX)) {
            empty = false;
        }
    }
    Ok(empty)
}

/// The top-level entries the previous assembly's manifests name: templates, asset manifests and
/// the assets they stage. Names only, never a path outside the directory.
fn previous_files(dir: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let read = |name: &str| -> Option<serde_json::Value> {
        serde_json::from_slice(&fs::read(dir.join(name)).ok()?).ok()
    };
    let Some(manifest) = read("manifest.json") else {
        return names;
    };
    let mut keep = |name: &str| {
        let plain = !name.is_empty()
            && !name.contains('/')
            && !name.contains('\\')
            && name != "."
            && name != "..";
        if plain {
            names.insert(name.to_string());
        }
    };
    // The lint report is ours too, though no manifest names it.
    if dir.join(LINT_REPORT).is_file() {
        keep(LINT_REPORT);
    }
    let artifacts = manifest.get("artifacts").and_then(|a| a.as_object());
    for artifact in artifacts.into_iter().flat_map(|a| a.values()) {
        if let Some(file) = artifact
            .get("additionalMetadataFile")
            .and_then(|f| f.as_str())
        {
            keep(file);
        }
        let properties = artifact.get("properties");
        for key in ["templateFile", "file"] {
            if let Some(file) = properties.and_then(|p| p.get(key)).and_then(|f| f.as_str()) {
                keep(file);
                if key == "file" {
                    let Some(assets) = read(file) else { continue };
                    for section in ["files", "dockerImages"] {
                        let entries = assets.get(section).and_then(|s| s.as_object());
                        for entry in entries.into_iter().flat_map(|e| e.values()) {
                            let source = entry.get("source");
                            for field in ["path", "directory", "executable"] {
                                if let Some(path) =
                                    source.and_then(|s| s.get(field)).and_then(|p| p.as_str())
                                {
                                    keep(path);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    names
}
