//! The cloud-assembly writer keeps what is not ours, survives being killed at every step, and
//! lets runs into the same directory take turns.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use ecs_core::prelude::*;

/// Two stacks (the second optional), with a VPC whose custom-resource handler is a staged
/// asset directory.
fn app(second_stack: bool) -> App {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
    Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc)).unwrap();
    if second_stack {
        let w = app.add_stack("Worker").unwrap();
        Cluster::new(&mut app, w, "Cluster", ClusterProps::default()).unwrap();
    }
    app
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecs-writer-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file below `dir`, by relative path.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `dir` holds exactly `expected`; the message names the files that differ.
fn assert_same(dir: &Path, expected: &BTreeMap<String, Vec<u8>>, when: &str) {
    let actual = contents(dir);
    let differ: Vec<&String> = actual
        .keys()
        .chain(expected.keys())
        .filter(|k| actual.get(*k) != expected.get(*k))
        .collect();
    assert!(differ.is_empty(), "{when}: these differ: {differ:?}");
}

#[test]
fn a_file_as_the_output_path_is_refused_and_left_untouched() {
    let root = scratch("file");
    let path = root.join("cdk.out");
    fs::write(&path, "mine").unwrap();
    let err = app(false).synth_to(&path).unwrap_err();
    assert!(
        err.to_string().contains("it is a file, not a directory"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn a_directory_that_is_not_an_assembly_is_refused_and_left_untouched() {
    let root = scratch("foreign");
    fs::write(root.join("thesis.tex"), "years of work").unwrap();
    fs::create_dir(root.join("src")).unwrap();
    fs::write(root.join("src").join("main.rs"), "fn main() {}").unwrap();
    let before = contents(&root);
    let err = app(false).synth_to(&root).unwrap_err();
    assert!(err.to_string().contains("holds no cloud assembly"), "{err}");
    assert_eq!(contents(&root), before);
}

#[test]
fn a_new_assembly_replaces_the_previous_one_and_keeps_files_that_are_not_ours() {
    let reference = scratch("reference");
    app(false).synth_to(&reference).unwrap();
    let dir = scratch("replace");
    app(true).synth_to(&dir).unwrap();
    assert!(dir.join("Worker.template.json").exists());
    fs::write(dir.join("notes.txt"), "mine").unwrap();
    app(false).synth_to(&dir).unwrap();
    let mut expected = contents(&reference);
    expected.insert("notes.txt".into(), b"mine".to_vec());
    // The stack the new app no longer has is gone; everything else is as a fresh synthesis.
    assert_same(&dir, &expected, "after a second synthesis");
}

/// Run by the tests below in a child process: synthesizes into `ECS_WRITER_CHILD_DIR`.
#[test]
fn child_writes_assembly() {
    if let Some(dir) = std::env::var_os("ECS_WRITER_CHILD_DIR") {
        app(std::env::var_os("ECS_WRITER_CHILD_SECOND").is_some())
            .synth_to(PathBuf::from(dir))
            .unwrap();
    }
}

fn child(dir: &Path, abort_after: Option<usize>, second_stack: bool) -> std::process::Output {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", "child_writes_assembly", "--test-threads=1"])
        .env("ECS_WRITER_CHILD_DIR", dir)
        .env_remove("ECS_APP_ABORT_AFTER_WRITES")
        .env_remove("ECS_WRITER_CHILD_SECOND");
    if let Some(n) = abort_after {
        cmd.env("ECS_APP_ABORT_AFTER_WRITES", n.to_string());
    }
    if second_stack {
        cmd.env("ECS_WRITER_CHILD_SECOND", "1");
    }
    cmd.output().unwrap()
}

#[test]
fn a_run_killed_at_any_step_leaves_a_directory_the_next_run_repairs() {
    let reference = scratch("killed-reference");
    app(false).synth_to(&reference).unwrap();
    let expected = contents(&reference);
    for first_run in [false, true] {
        // Kill the run after its 1st, 2nd, … rename into place, until a run gets through.
        for k in 1.. {
            let dir = scratch(&format!("killed-{first_run}-{k}"));
            if !first_run {
                // Killed while replacing an assembly of another shape.
                assert!(child(&dir, None, true).status.success());
            }
            let killed = child(&dir, Some(k), false);
            let finished = killed.status.success();
            assert!(dir.is_dir(), "no directory after a kill at step {k}");
            let out = child(&dir, None, false);
            assert!(
                out.status.success(),
                "the run after a kill at step {k} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_same(&dir, &expected, &format!("after a kill at step {k}"));
            let _ = fs::remove_dir_all(&dir);
            if finished {
                // Every step of the run was tried: the marker, the asset, the template, the
                // asset manifest and the manifest (the asset stays when already in place).
                assert!(k > 4, "only {k} steps");
                break;
            }
        }
    }
}

#[test]
fn runs_into_the_same_directory_take_turns() {
    let reference = scratch("concurrent-reference");
    app(false).synth_to(&reference).unwrap();
    let dir = scratch("concurrent");
    let runs: Vec<_> = (0..4)
        .map(|i| {
            let dir = dir.clone();
            std::thread::spawn(move || child(&dir, None, i % 2 == 0))
        })
        .collect();
    for run in runs {
        let out = run.join().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The last run wins whole: a fresh run settles the shape, and nothing was left behind.
    assert!(child(&dir, None, false).status.success());
    assert_same(&dir, &contents(&reference), "after runs at once");
}
