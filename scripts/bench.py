#!/usr/bin/env python3
"""Synthesis and compile-time benchmark, side by side with the AWS CDK.

Usage: scripts/bench.py [--ns 1,10,100,500,1000] [--runs 3] [--node-runs-1000 2] [--our-runs 9]
                        [--no-synth] [--no-compile] [--compile-runs 3] [--ui-runs 1]
                        [--compile-n 100] [--no-incremental]
Env:   SHARED_DIR        the shared/ checkout (default: ../shared relative to the repo root)
       CDK_NODE_MODULES  a node_modules dir with aws-cdk-lib + constructs; without it the script
                         runs `npm ci` in a temp copy of the oracle's package files
       CARGO_TARGET_DIR  where cargo builds (the compile-time crate builds in <it>/bench-compile)

Synthesis: for each N, our release benchmark binary (`cargo bench --bench synth -- N`) and the
oracle's `node bench/app.js N` run alternately; medians. The CDK runs under /usr/bin/time -v
(wall clock around it, peak RSS); ours is timed without a wrapper and run once more under
/usr/bin/time -v for its peak RSS. The serialization floor comes from `synth N --floor`, run
as ours is: once per fresh process, as many processes as ours, median (in-process timing).

Compile time: generates a temp crate depending on this workspace by path with two examples of
the bench app at 100 services, one `ecs_app!` block and the same app with the builder API,
checks both synthesize the same template, then times `cargo build` / `cargo check` of each after
touching it, and `cargo test --test ui` of the workspace.
"""
import argparse
import json
import re
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def timed(cmd, env=None, cwd=None):
    """Runs cmd: (wall s, stdout). Wall time from just before the fork to the child's exit
    (fork/exec included), with no wrapper process adding its own start-up."""
    t = time.monotonic()
    p = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.monotonic() - t
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{p.stdout}\n{p.stderr}")
    return seconds, p.stdout


def timed_rss(cmd, env=None, cwd=None):
    """Runs cmd under /usr/bin/time -v: (wall s, peak RSS MiB, stdout). The small wrapper is
    needed for the peak: the kernel counts the forking process's own peak in a child's (this
    script's, for a child forked from it), which would hide a peak of a few MiB. Its start-up
    (about a millisecond) is in the wall time, which is why ours is timed without it."""
    t = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, cwd=cwd,
                       capture_output=True, text=True)
    seconds = time.monotonic() - t
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{p.stdout}\n{p.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return seconds, rss / 1024, p.stdout


def cdk_modules(tmp):
    if os.environ.get("CDK_NODE_MODULES"):
        return Path(os.environ["CDK_NODE_MODULES"]).resolve()
    oracle = shared() / "oracle"
    log("== npm ci (aws-cdk-lib pinned by the oracle's package-lock.json)")
    for f in ("package.json", "package-lock.json"):
        shutil.copy(oracle / f, tmp)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=tmp, check=True)
    return tmp / "node_modules"


def shared():
    return Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared")).resolve()


def cargo_env():
    env = dict(os.environ)
    env.setdefault("CARGO_TARGET_DIR", str(ROOT / "target"))
    return env


def bench_binary():
    """Builds the benchmark (bench profile = release + line tables) and returns its path."""
    log("== cargo bench --bench synth --no-run")
    p = subprocess.run(["cargo", "bench", "--bench", "synth", "--no-run", "--message-format=json"],
                       cwd=ROOT, env=cargo_env(), capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    for line in p.stdout.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "synth" \
                and msg.get("executable"):
            return msg["executable"]
    sys.exit("no synth executable in cargo's output")


def med(xs):
    return statistics.median(xs)


def synth_table(args, tmp):
    modules = cdk_modules(tmp)
    # The oracle's bench app, run as it is: bench/app.js next to apps/_common.js.
    oracle = shared() / "oracle"
    (tmp / "bench").mkdir(exist_ok=True)
    (tmp / "apps").mkdir(exist_ok=True)
    shutil.copy(oracle / "bench" / "app.js", tmp / "bench" / "app.js")
    shutil.copy(oracle / "apps" / "_common.js", tmp / "apps" / "_common.js")
    node_env = dict(os.environ, NODE_PATH=str(modules))
    exe = bench_binary()
    rows = []
    for n in args.ns:
        # Ours takes milliseconds: more runs make its median steadier at no cost.
        runs = max(args.runs, args.our_runs)
        node_runs = args.node_runs_1000 if n >= 1000 else args.runs
        ours, cdk, floors = [], [], []
        stats = {}
        for i in range(max(runs, node_runs)):
            if i < runs:
                # Wall time without a wrapper; the peak from a second run under one.
                wall, out = timed([exe, str(n)])
                _, rss, _ = timed_rss([exe, str(n)])
                stats = json.loads(out.strip().splitlines()[-1])
                ours.append((wall, rss, stats["total_s"], stats["synth_s"]))
                # The floor measured as ours is: once, in a fresh process.
                _, out = timed([exe, str(n), "--floor"])
                floors.append(json.loads(out.strip().splitlines()[-1])["floor_s"])
            if i < node_runs:
                wall, rss, _ = timed_rss(["node", str(tmp / "bench" / "app.js"), str(n)],
                                         env=node_env)
                cdk.append((wall, rss))
                out_dir = tmp / "bench" / "out" / str(n)
                tpl = json.loads((out_dir / f"Bench{n}.template.json").read_text())
                cdk_resources = len(tpl["Resources"])
                shutil.rmtree(out_dir)
            log(f"N={n} run {i + 1}: ours {ours[-1] if i < runs else '-'} cdk {cdk[-1] if i < node_runs else '-'}")
        floor = med(floors)
        # Ours renders no CDKMetadata-free difference: the CDK's count includes nothing we omit
        # (node runs without the CLI, so no CDKMetadata resource).
        if cdk_resources != stats["resources"]:
            log(f"warning: N={n}: {stats['resources']} resources here, {cdk_resources} in the CDK's")
        rows.append(dict(
            n=n, resources=stats["resources"], bytes=stats["template_bytes"],
            ours=med([o[0] for o in ours]), ours_runs=[o[0] for o in ours],
            ours_inproc=med([o[2] for o in ours]), ours_synth=med([o[3] for o in ours]),
            cdk=med([c[0] for c in cdk]), cdk_runs=[c[0] for c in cdk],
            ours_mib=med([o[1] for o in ours]), cdk_mib=med([c[1] for c in cdk]),
            floor=floor, runs=runs, node_runs=node_runs))
    print("| N | resources | ours wall s | CDK wall s | CDK ÷ ours | ours peak MiB | CDK peak MiB"
          " | CDK ÷ ours | floor ms | synthesis ms | synthesis ÷ floor | build + synthesis ms"
          " | (build + synthesis) ÷ floor |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['n']} | {r['resources']} | {r['ours']:.3f} | {r['cdk']:.2f} | "
              f"{r['cdk'] / r['ours']:.0f}× | {r['ours_mib']:.1f} | {r['cdk_mib']:.0f} | "
              f"{r['cdk_mib'] / r['ours_mib']:.0f}× | {r['floor'] * 1e3:.2f} | "
              f"{r['ours_synth'] * 1e3:.2f} | {r['ours_synth'] / r['floor']:.2f} | "
              f"{r['ours_inproc'] * 1e3:.2f} | {r['ours_inproc'] / r['floor']:.2f} |")
    print()
    print("Runs (wall s): " + "; ".join(
        f"N={r['n']}: ours {', '.join(f'{x:.3f}' for x in r['ours_runs'])} / CDK "
        f"{', '.join(f'{x:.2f}' for x in r['cdk_runs'])}" for r in rows))
    by_n = {r["n"]: r for r in rows}
    if 500 in by_n and 1000 in by_n:
        a, b = by_n[500], by_n[1000]
        print(f"\nN=1000 ÷ N=500, from the table: wall {b['ours'] / a['ours']:.2f}, in-process "
              f"{b['ours_inproc'] / a['ours_inproc']:.2f}")
        # The table's rows run minutes apart, while the load of a shared machine drifts: the
        # scaling is measured again with the two sizes alternating.
        walls = {500: [], 1000: []}
        inproc = {500: [], 1000: []}
        for _ in range(max(args.runs, args.our_runs)):
            for n in (500, 1000):
                wall, out = timed([exe, str(n)])
                walls[n].append(wall)
                inproc[n].append(json.loads(out.strip().splitlines()[-1])["total_s"])
        print(f"N=1000 ÷ N=500, alternating runs: wall {med(walls[1000]) / med(walls[500]):.2f} "
              f"({med(walls[1000]):.3f} / {med(walls[500]):.3f} s), in-process "
              f"{med(inproc[1000]) / med(inproc[500]):.2f}")
    print()


# ---- compile time -------------------------------------------------------------------------

HEAD = """//! The synthesis benchmark's app at {n} services, {what} (generated by scripts/bench.py).
use ecs_app::load_balancing::*;
use ecs_app::log_driver::{{AwsLogDriverProps, LogDriver}};
use ecs_app::prelude::*;
"""


def macro_example(n):
    s = [HEAD.format(n=n, what="one `ecs_app!` block"),
         "pub fn app() -> Result<App, Error> {\n    ecs_app! {\n",
         f"        stack Bench{n} {{\n",
         "            vpc Vpc { max_azs: 2 }\n            cluster Cluster { vpc: Vpc }\n"]
    for i in range(n):
        s.append(f"""            fargate_task_definition Svc{i}TaskDef {{
                cpu: 256,
                memory_limit_mib: 512,
                container app {{
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    port_mappings: [80],
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("svc{i}")),
                }}
            }}
            fargate_service Svc{i}Service {{
                cluster: Cluster,
                task_definition: Svc{i}TaskDef,
                min_healthy_percent: 100,
                circuit_breaker: {{ rollback: true }},
            }}
""")
    s.append("""            application_load_balancer LB {
                vpc: Vpc,
                internet_facing: true,
                listener Listener {
                    port: 80,
                    default_action: ListenerAction::fixed_response(404),
""")
    for i in range(n):
        s.append(f"""                    add_targets Svc{i} {{
                        port: 80,
                        priority: {i + 1},
                        conditions: [ListenerCondition::path_patterns(["/svc{i}/*"])],
                        targets: [Svc{i}Service],
                    }}
""")
    s.append("                }\n            }\n        }\n    }\n}\n")
    s.append(MAIN)
    return "".join(s)


MAIN = """
fn main() -> Result<(), Error> {
    println!("{}", app()?.synth()?);
    Ok(())
}
"""


def builder_example(n):
    # The same app, in the macro's declaration order (services before the load balancer),
    # written out as a user would without the macro.
    s = [HEAD.format(n=n, what="with the builder API"),
         "pub fn app() -> Result<App, Error> {\n    let mut app = App::new();\n",
         f"    let s = app.add_stack(\"Bench{n}\")?;\n",
         "    let vpc = Vpc::new(&mut app, s, \"Vpc\", VpcProps::default().max_azs(2))?;\n",
         "    let cluster = Cluster::new(&mut app, s, \"Cluster\", ClusterProps::default().vpc(vpc))?;\n"]
    for i in range(n):
        s.append(f"""    let td{i} = FargateTaskDefinition::new(
        &mut app,
        s,
        "Svc{i}TaskDef",
        FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512),
    )?;
    td{i}.add_container(
        &mut app,
        "app",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry("amazon/amazon-ecs-sample"))
            .port_mappings([PortMapping::from(80)])
            .logging(LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("svc{i}"))),
    )?;
    let svc{i} = FargateService::new(
        &mut app,
        s,
        "Svc{i}Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td{i})
            .min_healthy_percent(100)
            .circuit_breaker(DeploymentCircuitBreaker::default().rollback(true)),
    )?;
""")
    s.append("""    let lb = ApplicationLoadBalancer::new(
        &mut app,
        s,
        "LB",
        LoadBalancerProps::default().vpc(vpc).internet_facing(true),
    )?;
    let listener = lb.add_listener(
        &mut app,
        "Listener",
        ListenerProps::default().port(80).default_action(ListenerAction::fixed_response(404)),
    )?;
""")
    for i in range(n):
        s.append(f"""    listener.add_targets(
        &mut app,
        "Svc{i}",
        AddTargetsProps::default()
            .port(80)
            .priority({i + 1})
            .conditions([ListenerCondition::path_patterns(["/svc{i}/*"])])
            .targets([svc{i}]),
    )?;
""")
    s.append("    Ok(app)\n}\n")
    s.append(MAIN)
    return "".join(s)


def compile_table(args, tmp):
    n = args.compile_n
    crate = tmp / "compile-bench"
    (crate / "examples").mkdir(parents=True)
    (crate / "src").mkdir()
    (crate / "src" / "lib.rs").write_text("")
    # The workspace's dev profile, which a dependent crate does not inherit.
    (crate / "Cargo.toml").write_text(f"""[package]
name = "compile-bench"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
ecs-app = {{ path = "{ROOT}" }}

[profile.dev]
debug = 0

[profile.dev.package."*"]
opt-level = 1
""")
    shutil.copy(ROOT / "Cargo.lock", crate / "Cargo.lock")
    (crate / "examples" / f"bench_macro_{n}.rs").write_text(macro_example(n))
    (crate / "examples" / f"bench_builder_{n}.rs").write_text(builder_example(n))
    env = cargo_env()
    env["CARGO_TARGET_DIR"] = str(Path(env["CARGO_TARGET_DIR"]) / "bench-compile")
    if args.no_incremental:
        # Touching an unchanged file lets incremental compilation reuse nearly everything;
        # without it the example is compiled in full.
        env["CARGO_INCREMENTAL"] = "0"
    outs = {}
    for kind in ("macro", "builder"):
        ex = f"bench_{kind}_{n}"
        log(f"== warm-up: cargo build --example {ex}")
        subprocess.run(["cargo", "build", "-q", "--example", ex], cwd=crate, env=env, check=True)
        out = tmp / f"out-{kind}"
        subprocess.run(["cargo", "run", "-q", "--example", ex], cwd=crate,
                       env=dict(env, CDK_OUTDIR=str(out)), check=True, stdout=subprocess.DEVNULL)
        outs[kind] = (out / f"Bench{n}.template.json").read_bytes()
    if outs["macro"] != outs["builder"]:
        sys.exit("the macro and builder examples synthesize different templates")
    results = {}
    for kind in ("macro", "builder"):
        ex = f"bench_{kind}_{n}"
        src = crate / "examples" / f"{ex}.rs"
        for cmd in ("build", "check"):
            # check once untimed: the first check after builds also checks dependencies' metadata
            subprocess.run(["cargo", cmd, "-q", "--example", ex], cwd=crate, env=env, check=True)
            times = []
            for _ in range(args.compile_runs):
                src.touch()
                t = time.monotonic()
                subprocess.run(["cargo", cmd, "-q", "--example", ex], cwd=crate, env=env, check=True)
                times.append(time.monotonic() - t)
            results[(kind, cmd)] = times
            log(f"{kind} {cmd}: {times}")
    ui = []
    for _ in range(args.ui_runs):
        subprocess.run(["cargo", "test", "-q", "--test", "ui", "--no-run"], cwd=ROOT, env=cargo_env(),
                       check=True, capture_output=True)
        t = time.monotonic()
        subprocess.run(["cargo", "test", "-q", "--test", "ui"], cwd=ROOT, env=cargo_env(),
                       check=True, capture_output=True)
        ui.append(time.monotonic() - t)
    lines = (outs["macro"].count(b"\n") + 1, (crate / "examples" / f"bench_macro_{n}.rs").read_text().count("\n"),
             (crate / "examples" / f"bench_builder_{n}.rs").read_text().count("\n"))
    print(f"Compile time, {n} services (example source: {lines[1]} lines with `ecs_app!`, "
          f"{lines[2]} with the builder API; same template)\n")
    print("| after touching the example | `ecs_app!` s | builder API s | macro ÷ builder |")
    print("|---|---:|---:|---:|")
    for cmd in ("build", "check"):
        m, b = med(results[("macro", cmd)]), med(results[("builder", cmd)])
        print(f"| `cargo {cmd}` | {m:.2f} | {b:.2f} | {m / b:.2f} |")
    print()
    print("Runs: " + "; ".join(f"{k} {c}: {', '.join(f'{x:.2f}' for x in v)}"
                               for (k, c), v in results.items()))
    if ui:
        print(f"\n`cargo test --test ui` (built, then run; trybuild compiles every case): "
              f"{med(ui):.1f} s (runs: {', '.join(f'{x:.1f}' for x in ui)})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ns", default="1,10,100,500,1000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--node-runs-1000", type=int, default=2)
    ap.add_argument("--our-runs", type=int, default=9,
                    help="runs of ours per N (at least --runs)")
    ap.add_argument("--no-synth", action="store_true")
    ap.add_argument("--no-compile", action="store_true")
    ap.add_argument("--compile-n", type=int, default=100)
    ap.add_argument("--compile-runs", type=int, default=3)
    ap.add_argument("--ui-runs", type=int, default=1)
    ap.add_argument("--no-incremental", action="store_true",
                    help="compile-time runs with CARGO_INCREMENTAL=0")
    args = ap.parse_args()
    args.ns = [int(x) for x in args.ns.split(",")]
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        if not args.no_synth:
            synth_table(args, tmp)
        if not args.no_compile:
            compile_table(args, tmp)


if __name__ == "__main__":
    main()
