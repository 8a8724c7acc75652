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
    // Capacity: added groups, capacity providers and strategies.
    t.compile_fail("tests/ui/capacity/*.rs");
    // Load balancing and Cloud Map.
    t.compile_fail("tests/ui/load_balancing/*.rs");
    t.compile_fail("tests/ui/cloud_map/*.rs");
    // Task definitions and containers.
    t.compile_fail("tests/ui/taskdef/*.rs");
    // External (ECS Anywhere) task definitions and services.
    t.compile_fail("tests/ui/external/*.rs");
    // Observability and automation: log drivers, ECS Exec, auto-scaling, scheduled tasks.
    t.compile_fail("tests/ui/observability/*.rs");
    // Cluster settings.
    t.compile_fail("tests/ui/cluster/*.rs");
    // Lint levels and policies: the built-in lints, groups, waivers, `forbid`, user policies.
    t.compile_fail("tests/ui/lints/*.rs");
    // Raw CloudFormation resources: types, properties, references.
    t.compile_fail("tests/ui/resource/*.rs");
    // Existing resources: imported vpcs, security groups and clusters.
    t.compile_fail("tests/ui/imports/*.rs");
    t.compile_fail("tests/ui/roles/*.rs");
    t.compile_fail("tests/ui/imports_arns/*.rs");
    // Service-managed EBS volumes: sizes, IOPS and throughput per type, snapshots.
    t.compile_fail("tests/ui/ebs/*.rs");
    // ECS Managed Instances: providers and task definitions.
    t.compile_fail("tests/ui/managed_instances/*.rs");
    // Deployment strategies: linear and canary steps, bake times, lifecycle hooks.
    t.compile_fail("tests/ui/deployment/*.rs");
    // Connections between constructs, listeners and target groups of a stack.
    t.compile_fail("tests/ui/connections/*.rs");
    // aws-ecs-patterns: the patterns' own choices between properties.
    t.compile_fail("tests/ui/patterns/*.rs");
}
