//! Compile-fail and compile-pass suites of `ecs_app!`, one directory per rule family. Each
//! `.stderr` shows the intended message on the intended token; regenerate with
//! `TRYBUILD=overwrite cargo test --test ui` and review every diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fargate/*.rs");
    t.compile_fail("tests/ui/ec2/*.rs");
    t.compile_fail("tests/ui/service/*.rs");
    t.compile_fail("tests/ui/names/*.rs");
    t.compile_fail("tests/ui/syntax/*.rs");
    // ---- capacity (issue 3) ----
    t.compile_fail("tests/ui/capacity/*.rs");
    // ---- load balancing, Cloud Map (issue 5) ----
    t.compile_fail("tests/ui/load_balancing/*.rs");
    t.compile_fail("tests/ui/cloud_map/*.rs");
    // ---- task definitions, containers (issue 4) ----
    t.compile_fail("tests/ui/taskdef/*.rs");
    // ---- External services (X1) across issues 4 and 5 ----
    t.compile_fail("tests/ui/external/*.rs");
    // ---- log drivers, ECS Exec, auto-scaling, scheduled tasks (issue 6) ----
    t.compile_fail("tests/ui/observability/*.rs");
}
