//! Every check the CDK's `aws-ecs` makes (its validation messages, inventoried in the
//! specification's reference), and how this library meets each: a rule of the shared facts, a
//! refusal of the builders, the types, or why it does not apply here. `docs/reference.md` lists
//! them (generated).
//!
//! ```
//! use ecs_core::ecs::cdk_checks::{CDK_CHECKS, Enforcement};
//! use ecs_core::error::RuleId;
//! let t16 = CDK_CHECKS.iter().find(|c| c.id == "T16").unwrap();
//! assert_eq!(t16.enforcement, Enforcement::Rule(RuleId::G8));
//! ```

use crate::error::RuleId;

/// How the library meets one of the CDK's checks.
///
/// ```
/// use ecs_core::ecs::cdk_checks::{CDK_CHECKS, Enforcement};
/// let s9 = CDK_CHECKS.iter().find(|c| c.id == "S9").unwrap();
/// assert!(matches!(s9.enforcement, Enforcement::NotApplicable(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enforcement {
    /// A rule: a compile error on the literal in `ecs_app!`, a builder error otherwise.
    Rule(RuleId),
    /// The builders refuse it (an [`Error`](crate::Error) of kind `Invalid`), which `ecs_app!`
    /// returns when the app is built.
    Builder,
    /// The types cannot express it; why.
    Types(&'static str),
    /// It does not apply to this library; why.
    NotApplicable(&'static str),
}

/// One check of the CDK: its id in the inventory, its condition, and how it is met.
///
/// ```
/// let t15 = ecs_core::ecs::cdk_checks::CDK_CHECKS.iter().find(|c| c.id == "T15").unwrap();
/// assert!(t15.condition.contains("ephemeral storage"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CdkCheck {
    /// The inventory's id (`T16`, `S11`, …; the checks of the CloudFormation Validate plugin by
    /// their cfn-lint ids).
    pub id: &'static str,
    /// When the CDK refuses.
    pub condition: &'static str,
    /// How this library meets it.
    pub enforcement: Enforcement,
}

const fn rule(id: &'static str, condition: &'static str, rule: RuleId) -> CdkCheck {
    CdkCheck {
        id,
        condition,
        enforcement: Enforcement::Rule(rule),
    }
}

const fn builder(id: &'static str, condition: &'static str) -> CdkCheck {
    CdkCheck {
        id,
        condition,
        enforcement: Enforcement::Builder,
    }
}

const fn types(id: &'static str, condition: &'static str, why: &'static str) -> CdkCheck {
    CdkCheck {
        id,
        condition,
        enforcement: Enforcement::Types(why),
    }
}

const fn na(id: &'static str, condition: &'static str, why: &'static str) -> CdkCheck {
    CdkCheck {
        id,
        condition,
        enforcement: Enforcement::NotApplicable(why),
    }
}

/// The CDK's `aws-ecs` checks (aws-cdk-lib 2.276.0), in the inventory's order, then those read
/// from its source beyond the inventory.
///
/// ```
/// use ecs_core::ecs::cdk_checks::{CDK_CHECKS, Enforcement};
/// let rules = CDK_CHECKS.iter().filter(|c| matches!(c.enforcement, Enforcement::Rule(_))).count();
/// assert!(rules > 80);
/// ```
pub const CDK_CHECKS: &[CdkCheck] = &[
    // Task definitions and launch-type compatibility.
    rule(
        "T1",
        "a Fargate-compatible task definition not in awsvpc mode",
        RuleId::F3,
    ),
    rule(
        "T2",
        "a Fargate-compatible task definition without cpu or memory",
        RuleId::F1,
    ),
    rule(
        "T3",
        "a proxy configuration outside awsvpc mode",
        RuleId::G7,
    ),
    rule(
        "T4",
        "placement constraints on a Fargate-compatible task definition",
        RuleId::F4,
    ),
    rule(
        "T5",
        "inference accelerators on a Fargate-compatible task definition",
        RuleId::F4,
    ),
    rule(
        "T6",
        "an External task definition not in bridge, host or none mode",
        RuleId::X2,
    ),
    rule(
        "T7",
        "inference accelerators on an External task definition",
        RuleId::X1,
    ),
    rule(
        "T8",
        "a runtime platform on a task definition that is not Fargate-compatible",
        RuleId::F4,
    ),
    rule(
        "T9",
        "fault injection outside awsvpc and host mode",
        RuleId::G7,
    ),
    rule(
        "T10",
        "a Windows family with cpu other than 1024, 2048 or 4096",
        RuleId::F2,
    ),
    rule(
        "T11",
        "Windows, cpu 1024, memory not 1024–8192 in 1024 steps",
        RuleId::F2,
    ),
    rule(
        "T12",
        "Windows, cpu 2048, memory not 4096–16384 in 1024 steps",
        RuleId::F2,
    ),
    rule(
        "T13",
        "Windows, cpu 4096, memory not 8192–30720 in 1024 steps",
        RuleId::F2,
    ),
    builder(
        "T14",
        "an EC2 task definition's `placementConstraints` prop with a type other than memberOf",
    ),
    rule(
        "T15",
        "Fargate ephemeral storage below 21 or above 200 GiB",
        RuleId::F6,
    ),
    rule(
        "T16",
        "Fargate `pidMode` without an operating system family",
        RuleId::G8,
    ),
    rule("T17", "Fargate `pidMode` on Windows", RuleId::G8),
    rule(
        "T18",
        "Fargate `pidMode` other than task on Linux",
        RuleId::G8,
    ),
    rule("T19", "container cpu summing above the task's", RuleId::E2),
    rule(
        "T20",
        "an EC2 container without memory, the task stating none",
        RuleId::E1,
    ),
    rule("T21", "one port mapping name in two containers", RuleId::L4),
    builder(
        "T22",
        "more than one volume configured at launch (at synthesis)",
    ),
    builder(
        "T23",
        "a volume configured at launch that no container mounts (at synthesis)",
    ),
    builder(
        "T24",
        "a volume configured at launch with a host, docker or EFS configuration (at synthesis)",
    ),
    builder("T25", "a second FireLens log router"),
    builder("T26", "a task definition revision below 1"),
    // Containers and port mappings.
    rule("C1", "a memory limit below the reservation", RuleId::E2),
    rule("C2", "more than one credential spec", RuleId::G6),
    builder("C3", "links outside bridge mode"),
    rule(
        "C4",
        "accelerator resources naming no device of the task",
        RuleId::G2,
    ),
    rule(
        "C5",
        "restart settings with the restart policy off",
        RuleId::G6,
    ),
    rule("C6", "more than 50 ignored exit codes", RuleId::G6),
    rule(
        "C7",
        "a restart attempt period outside 60–1800 s",
        RuleId::G6,
    ),
    rule("C8", "a health-check interval outside 5–300 s", RuleId::G3),
    rule("C9", "a health-check timeout outside 2–120 s", RuleId::G3),
    rule(
        "C10",
        "a health-check interval below its timeout",
        RuleId::G3,
    ),
    builder("C11", "an empty health-check command"),
    types(
        "C12",
        "a shared memory size that is not a non-negative integer",
        "`shared_memory_size` is a `u32`",
    ),
    builder("C13", "swappiness outside 0–100"),
    rule("P1", "an empty port mapping name", RuleId::L4),
    rule("P2", "container port 0 without a range", RuleId::L3),
    rule("P3", "both a container port and a range", RuleId::L4),
    rule(
        "P4",
        "awsvpc or host mode with a host port other than the container port",
        RuleId::L3,
    ),
    na(
        "P5",
        "a range that is a token",
        "a range is a string, known when the builders run",
    ),
    rule("P6", "a range with a host port", RuleId::L4),
    rule("P7", "a range outside bridge and awsvpc mode", RuleId::L4),
    rule("P8", "a range not written start-end", RuleId::L4),
    rule(
        "P9",
        "a port name or app protocol outside awsvpc and bridge mode",
        RuleId::L4,
    ),
    rule("P10", "an app protocol without a name", RuleId::L4),
    rule("P11", "one port name twice in a container", RuleId::L4),
    rule(
        "P12",
        "a container without port mappings where its port is needed",
        RuleId::L1,
    ),
    rule(
        "P13",
        "a first port mapping that is a range where one port is needed",
        RuleId::L1,
    ),
    // Cluster, capacity, images and capacity providers.
    rule("K1", "both container insights settings", RuleId::K1),
    rule(
        "K2",
        "exec logging OVERRIDE if and only if a log configuration",
        RuleId::G1,
    ),
    rule("K3", "S3 encryption without a bucket", RuleId::G1),
    rule(
        "K4",
        "CloudWatch encryption without a log group",
        RuleId::G1,
    ),
    builder("K5", "a second default Cloud Map namespace"),
    na(
        "K6",
        "adding a capacity provider other than FARGATE or FARGATE_SPOT",
        "no `add_capacity_provider`: `enable_fargate_capacity_providers` adds both Fargate providers and `add_asg_capacity_provider` an ASG provider",
    ),
    builder("K7", "a second default capacity provider strategy"),
    rule(
        "K8",
        "a strategy mixing Fargate and ASG providers",
        RuleId::C2,
    ),
    rule(
        "K9",
        "a default strategy naming a provider the cluster lacks",
        RuleId::C2,
    ),
    rule("K10", "more than one non-zero base", RuleId::C2),
    na(
        "K11",
        "configuring an imported auto-scaling group",
        "auto-scaling groups cannot be imported here",
    ),
    rule(
        "K12",
        "termination protection without managed scaling",
        RuleId::C2,
    ),
    na(
        "K13",
        "termination protection with an imported auto-scaling group",
        "auto-scaling groups cannot be imported here",
    ),
    builder(
        "K14",
        "a capacity provider name starting with aws, ecs or fargate",
    ),
    builder("K15", "an instance warm-up period outside 0–10000"),
    builder("K16", "Amazon Linux with special hardware"),
    types(
        "K17",
        "a Windows image with special hardware",
        "the Windows images take no hardware type",
    ),
    types(
        "K18",
        "an image with both a Windows version and a Linux generation",
        "an image is one variant: a Linux generation or a Windows version",
    ),
    builder("K19", "an additional cache key without caching in context"),
    rule("K20", "a group's min capacity above its max", RuleId::C1),
    rule(
        "K21",
        "a group's desired capacity below its min",
        RuleId::C1,
    ),
    rule(
        "K22",
        "a group's desired capacity above its max",
        RuleId::C1,
    ),
    builder(
        "K23",
        "a default namespace of another region (in the CDK's source, not the inventory)",
    ),
    types(
        "K24",
        "a default namespace of a type the CDK does not know (in the CDK's source)",
        "`NamespaceType` has the three types only",
    ),
    builder(
        "K25",
        "a cluster ARN without a cluster name (in the CDK's source)",
    ),
    // ECS Managed Instances (in the CDK's source): task definitions (rule G9) and the
    // capacity provider (the builders; also while compiling on literals).
    rule(
        "K26",
        "a Managed Instances task definition in a network mode other than awsvpc or host (in the CDK's source)",
        RuleId::G9,
    ),
    rule(
        "MI1",
        "inference accelerators on a Managed Instances task definition (in the CDK's source)",
        RuleId::G9,
    ),
    rule(
        "MI2",
        "ephemeral storage on a Managed Instances task definition (in the CDK's source)",
        RuleId::G9,
    ),
    rule(
        "MI3",
        "an IPC mode on a Managed Instances task definition (in the CDK's source)",
        RuleId::G9,
    ),
    rule(
        "MI4",
        "a proxy configuration on a Managed Instances task definition (in the CDK's source)",
        RuleId::G9,
    ),
    rule(
        "MI5",
        "a Managed Instances task definition on an operating system family other than Linux (in the CDK's source)",
        RuleId::G9,
    ),
    rule(
        "MI6",
        "a Docker volume configuration on a Managed Instances task definition (in the CDK's source)",
        RuleId::G9,
    ),
    builder(
        "MI7",
        "a Managed Instances capacity provider without subnets (in the CDK's source)",
    ),
    builder(
        "MI8",
        "a Managed Instances capacity provider without security groups (in the CDK's source; also while compiling on a literal `[]`)",
    ),
    builder(
        "MI9",
        "a Managed Instances capacity provider name starting with `aws`, `ecs` or `fargate` (in the CDK's source; also while compiling on literals)",
    ),
    builder(
        "MI10",
        "instance requirements with both allowed and excluded instance types, or both Spot and On-Demand price protection (in the CDK's source; also while compiling on literals)",
    ),
    builder(
        "MI11",
        "a Managed Instances capacity provider that creates its instance profile, never added to a cluster (in the CDK's source, at synthesis; while compiling in `ecs_app!`)",
    ),
    na(
        "K27",
        "a Service Connect namespace imported without a full ARN (in the CDK's source)",
        "namespaces cannot be imported here",
    ),
    // The CloudFormation Validate plugin (recommended flags).
    rule(
        "E3047",
        "a Fargate cpu/memory pair AWS does not offer",
        RuleId::F2,
    ),
    rule(
        "E3048",
        "a Fargate cpu AWS does not offer, or a Fargate log driver other than awslogs, splunk or awsfirelens",
        RuleId::F5,
    ),
    rule(
        "E3027",
        "a schedule expression with a wrong unit",
        RuleId::G5,
    ),
    builder(
        "P14",
        "`spreadAcross` with no field (in the CDK's source, not the inventory)",
    ),
    // Services.
    rule(
        "S1",
        "an EC2 service of a task definition not EC2-compatible",
        RuleId::S1,
    ),
    rule(
        "S2",
        "a Fargate service of a task definition neither Fargate- nor Managed Instances-compatible",
        RuleId::S1,
    ),
    rule(
        "S3",
        "an External service of a task definition not External",
        RuleId::S1,
    ),
    rule(
        "S4",
        "a task definition without an essential container",
        RuleId::S2,
    ),
    rule(
        "S5",
        "an EC2 service, not a daemon, on a cluster without EC2 capacity",
        RuleId::S3,
    ),
    rule("S6", "a daemon with a desired count", RuleId::S4),
    rule(
        "S7",
        "a daemon with a maximum percent other than 100",
        RuleId::S4,
    ),
    rule(
        "S8",
        "a minimum healthy percent not below the maximum",
        RuleId::S4,
    ),
    na(
        "S9",
        "both `securityGroup` and `securityGroups`",
        "only `security_groups`: the deprecated single group is not offered",
    ),
    builder(
        "S10",
        "subnets, security groups or a public IP outside awsvpc mode",
    ),
    rule("S11", "a daemon with placement strategies", RuleId::S5),
    rule(
        "S12",
        "a secret JSON field on Fargate platform 1.0.0–1.3.0",
        RuleId::F6,
    ),
    rule(
        "S13",
        "ephemeral storage on Fargate platform 1.0.0–1.3.0",
        RuleId::F6,
    ),
    rule(
        "S14",
        "`pidMode` on Fargate platform 1.0.0–1.3.0",
        RuleId::F6,
    ),
    na(
        "S15",
        "both `propagateTags` and `propagateTaskTagsFrom`",
        "only `propagate_tags`: the deprecated `propagateTaskTagsFrom` is not offered",
    ),
    builder("S16", "a circuit breaker with a controller other than ECS"),
    builder("S17", "deployment alarms with a controller other than ECS"),
    builder("S18", "deployment alarms without alarm names"),
    builder("S19", "CODE_DEPLOY with a revision other than the latest"),
    builder(
        "S20",
        "availability-zone rebalancing on a daemon (in the CDK's source, not the inventory)",
    ),
    builder(
        "S21",
        "availability-zone rebalancing with a maximum percent of 100 (in the CDK's source, not the inventory)",
    ),
    builder(
        "S22",
        "lifecycle hooks, canary or linear configurations without the controller or strategy they need, steps out of range, bake times not in whole minutes up to a day (in the CDK's source; also while compiling on literals)",
    ),
    builder(
        "S24",
        "an alternate target of a load balancer target without the ECS deployment controller (in the CDK's source)",
    ),
    builder(
        "S25",
        "more than one EBS volume in a service's `volumeConfigurations` (in the CDK's source)",
    ),
    // Service-managed EBS volumes (in the CDK's source); also while compiling on literals.
    builder(
        "V1",
        "a managed EBS volume with neither a size nor a snapshot",
    ),
    builder(
        "V2",
        "a managed EBS volume size outside its type's range, or not whole GiB",
    ),
    builder(
        "V3",
        "IOPS on sc1, st1, gp2 or standard volumes, missing on io1 or io2, or outside the type's range",
    ),
    builder(
        "V4",
        "a throughput on a volume other than gp3, or above 2000 MiB/s",
    ),
    builder("V5", "a snapshot id not of the form `snap-<hex>`"),
    builder(
        "V6",
        "a volume initialization rate without a snapshot, or outside 100–300 MiB/s",
    ),
    builder(
        "S23",
        "availability-zone rebalancing on a target of a classic load balancer (in the CDK's source, not the inventory)",
    ),
    na(
        "X1",
        "an External daemon with an EXTERNAL or CODE_DEPLOY controller",
        "External services have no `daemon`",
    ),
    na(
        "X2",
        "an External daemon with a desired count",
        "External services have no `daemon`",
    ),
    na(
        "X3",
        "an External daemon with a maximum percent other than 100",
        "External services have no `daemon`",
    ),
    builder(
        "X4",
        "an External service on a cluster with a default Cloud Map namespace",
    ),
    rule("X5", "Cloud Map options on an External service", RuleId::X1),
    rule(
        "X6",
        "capacity provider strategies on an External service",
        RuleId::X1,
    ),
    rule(
        "X7",
        "an External service behind an application load balancer",
        RuleId::X1,
    ),
    rule(
        "X8",
        "an External service as a load balancer target",
        RuleId::X1,
    ),
    rule(
        "X9",
        "an External service registered as load balancer targets",
        RuleId::X1,
    ),
    rule("X10", "auto-scaling an External service", RuleId::X1),
    rule(
        "X11",
        "enabling Cloud Map on an External service",
        RuleId::X1,
    ),
    rule(
        "X12",
        "associating an External service with a Cloud Map service",
        RuleId::X1,
    ),
    na(
        "X13",
        "a network configuration on an External service",
        "unreachable, as in the CDK: External services take no network configuration",
    ),
    // Load balancers, Cloud Map, auto-scaling.
    rule("L1", "a target naming no container", RuleId::L1),
    rule(
        "L2",
        "a target naming a port and protocol the container does not map",
        RuleId::L1,
    ),
    rule(
        "L3",
        "a default target whose container maps no port",
        RuleId::L1,
    ),
    rule(
        "L4",
        "a classic load balancer with an awsvpc task",
        RuleId::L2,
    ),
    rule(
        "L5",
        "a classic load balancer with network mode none",
        RuleId::L2,
    ),
    rule("L6", "a load balancer with network mode none", RuleId::L2),
    rule("M1", "Cloud Map without a namespace", RuleId::M1),
    builder("M2", "DNS discovery in an HTTP namespace"),
    rule("M3", "Cloud Map with network mode none", RuleId::M1),
    rule(
        "M4",
        "bridge or host mode with records other than SRV",
        RuleId::M1,
    ),
    rule(
        "M5",
        "SRV records of a container of another task definition",
        RuleId::M1,
    ),
    rule(
        "M6",
        "SRV records of a port the container does not map",
        RuleId::M1,
    ),
    builder("M7", "a second service registry"),
    rule("A1", "task auto-scaling enabled twice", RuleId::A1),
    types("A2", "a negative max capacity", "capacities are `u32`"),
    types("A3", "a negative min capacity", "capacities are `u32`"),
    rule("A4", "a max capacity below the min", RuleId::A1),
    rule(
        "A5",
        "a scheduled action with neither min nor max",
        RuleId::A1,
    ),
    types(
        "A6",
        "target tracking of a math expression",
        "`scale_to_track_custom_metric` takes a metric, not an expression",
    ),
    builder("A7", "target tracking of a percentile statistic"),
    rule(
        "A8",
        "a schedule rate in other units than minutes, hours or days, or zero",
        RuleId::G5,
    ),
    // Log drivers, images, environment files, events targets.
    builder("D1", "awslogs with both a log group and a retention"),
    builder("D2", "awslogs `maxBufferSize` in blocking mode"),
    builder("D3", "splunk without a token"),
    builder("D4", "gelf compression or splunk gzip level outside -1–9"),
    builder("D5", "a negative gelf `tcpMaxReconnect`"),
    builder("D6", "a negative json-file `maxFile`"),
    builder(
        "D7",
        "a FireLens config file value without its type, or the reverse",
    ),
    builder("I1", "an environment file asset that is a directory"),
    na(
        "I2",
        "an environment file of a bucket without a name",
        "a bucket handle always has its name",
    ),
    na(
        "I3",
        "a tag parameter's name or value read from an image no container uses",
        "the tag parameter is read from the container that uses the image (`image_tag_parameter_name`)",
    ),
    na(
        "E1",
        "an ECS task target with both `securityGroup` and `securityGroups`",
        "only `security_groups`: the deprecated single group is not offered",
    ),
    builder(
        "E2",
        "an ECS task target propagating tags from other than the task definition or nothing",
    ),
    builder("E3", "a public IP for a task target outside public subnets"),
    builder("E4", "a public IP for a task target not on Fargate"),
    na(
        "E5",
        "a task target's ephemeral storage outside 20–200 GiB",
        "no ephemeral storage on the ECS task target yet",
    ),
    na(
        "E6",
        "an awsvpc task target whose task definition is not a construct",
        "every task definition is a construct here, imported ones too, so the target creates its security group under it",
    ),
];
