//! Synthesis benchmark: builds the CDK's benchmark app (`../shared/oracle/bench/app.js`) for N
//! services with the builder API and synthesizes it into a temporary cloud assembly.
//!
//! ```text
//! cargo bench --bench synth -- 500            # or --n 500; one JSON line on stdout
//! cargo bench --bench synth -- 500 --floor    # the serialization floor instead
//! cargo bench --bench synth -- 500 --runs 5   # several runs in one process
//! ```
//!
//! A normal run reports the wall time of building the app and of synthesizing it (validation,
//! rendering, writing the assembly). `--floor` builds and renders the template, then reports
//! the time `serde_json` alone takes to write that already-built JSON value to a file with the
//! formatter synthesis uses: the cost no synthesis can go below. The floor runs in its own
//! process so a normal run's peak memory (measured from outside by `scripts/bench.py`) holds
//! only the app and its synthesis.

#[path = "bench_app/mod.rs"]
mod bench_app;

use std::path::Path;
use std::time::Instant;

struct Args {
    n: usize,
    runs: usize,
    floor: bool,
}

fn args() -> Args {
    let mut out = Args {
        n: 1,
        runs: 1,
        floor: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--n" => out.n = number(it.next()),
            "--runs" => out.runs = number(it.next()).max(1),
            "--floor" => out.floor = true,
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            _ if a.starts_with("--") => {
                eprintln!("usage: synth [N | --n N] [--runs R] [--floor]");
                std::process::exit(2);
            }
            _ => out.n = number(Some(a)),
        }
    }
    out
}

fn number(s: Option<String>) -> usize {
    s.and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        eprintln!("expected a number");
        std::process::exit(2)
    })
}

fn main() {
    let args = args();
    let dir = std::env::temp_dir().join(format!("ecs-app-bench-{}", std::process::id()));
    // The project directory exists before an app synthesizes into it (and before the floor
    // writes into it): creating it is not part of either measure.
    std::fs::create_dir_all(&dir).expect("temp dir");
    for _ in 0..args.runs {
        if args.floor {
            floor(args.n, &dir);
        } else {
            synth(args.n, &dir);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn synth(n: usize, dir: &Path) {
    let start = Instant::now();
    let app = bench_app::app(n).expect("the bench app builds");
    let built = start.elapsed();
    let assembly = app
        .synth_to(dir.join("cdk.out"))
        .expect("the bench app synthesizes");
    let total = start.elapsed();
    let template = &assembly.stacks[0].template;
    let bytes = std::fs::metadata(template).map(|m| m.len()).unwrap_or(0);
    println!(
        "{{\"n\": {n}, \"resources\": {}, \"template_bytes\": {bytes}, \"build_s\": {:.6}, \"synth_s\": {:.6}, \"total_s\": {:.6}}}",
        assembly.stacks[0].resources,
        built.as_secs_f64(),
        (total - built).as_secs_f64(),
        total.as_secs_f64(),
    );
}

fn floor(n: usize, dir: &Path) {
    let app = bench_app::app(n).expect("the bench app builds");
    let templates = app.templates().expect("the bench app renders");
    let template = &templates[0].1;
    std::fs::create_dir_all(dir).expect("temp dir");
    let path = dir.join("floor.template.json");
    let start = Instant::now();
    // What synthesis does for the template file: serialize with the CDK's one-space
    // indentation into memory, then write the file.
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    serde::Serialize::serialize(template, &mut ser).expect("serializing to memory");
    std::fs::write(&path, &out).expect("writing the template");
    let elapsed = start.elapsed();
    println!(
        "{{\"n\": {n}, \"template_bytes\": {}, \"floor_s\": {:.6}}}",
        out.len(),
        elapsed.as_secs_f64()
    );
}
