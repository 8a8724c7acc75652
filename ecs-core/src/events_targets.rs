//! Targets of EventBridge rules that run ECS tasks (CDK `aws-events-targets.EcsTask`).
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::events::{Rule, RuleProps};
//! use ecs_core::events_targets::{ContainerOverride, EcsTask};
//! use ecs_core::schedule::Schedule;
//! let mut app = App::new();
//! let s = app.add_stack("Jobs").unwrap();
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
//! let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
//!     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512)).unwrap();
//! td.add_container(&mut app, "job", ContainerDefinitionOptions::default()
//!     .image(ContainerImage::from_registry("busybox"))).unwrap();
//! let rule = Rule::new(&mut app, s, "Nightly",
//!     RuleProps::default().schedule(Schedule::expression("cron(0 2 * * ? *)").unwrap())).unwrap();
//! rule.add_target(&mut app, EcsTask::default().cluster(cluster).task_definition(td)
//!     .container_overrides([ContainerOverride::new("job").environment([("MODE", "nightly")])])).unwrap();
//! ```

use crate::cfn::{Pseudo, Value};
use crate::construct::app::App;
use crate::ec2::{SecurityGroup, SubnetSelection, SubnetType};
use crate::ecs::cluster::Cluster;
use crate::ecs::task_definition::{
    AnyTaskDefinition, NetworkMode, imported_task_definition_needs_message,
};
use crate::error::Error;
use crate::events::{Rule, RuleTarget, RuleTargetConfig};
use crate::iam::{Role, Statement};

impl RuleTarget for EcsTask {
    /// Runs the task definition on the cluster: a role EventBridge assumes (one per task
    /// definition), and in awsvpc mode the network configuration.
    fn bind(&self, app: &mut App, _rule: Rule) -> Result<RuleTargetConfig, Error> {
        app.check_each(self.cluster)?;
        app.check_each(self.task_definition)?;
        app.check_each(self.security_groups.iter().copied())?;
        let (Some(cluster), Some(td)) = (self.cluster, self.task_definition) else {
            let missing = if self.cluster.is_none() {
                "cluster"
            } else {
                "task_definition"
            };
            return Err(Error::new(format!(
                "ecs task target needs `{missing}`: add `{missing}: <name>`"
            )));
        };
        // The containers of an imported task definition are unknown, as to the CDK.
        for o in &self.container_overrides {
            let Some(defined) = td.defined() else {
                continue;
            };
            if defined.find_container(app, &o.container_name).is_none() {
                let names = defined.data(app).container_names();
                return Err(Error::new(crate::ecs::rules::container_override_message(
                    &o.container_name,
                    td.id(app),
                    &names,
                )));
            }
        }
        let role = event_role(app, td, cluster)?;
        let Some(network_mode) = td.network_mode(app) else {
            return Err(Error::new(imported_task_definition_needs_message(
                td.id(app),
                "network_mode",
                "to be run by an events rule",
            )));
        };
        let mut parameters = vec![
            ("TaskCount", Value::from(self.task_count.unwrap_or(1))),
            ("TaskDefinitionArn", td.arn(app)),
        ];
        if let Some(p) = self.propagate_tags {
            if !matches!(p, "TASK_DEFINITION" | "NONE") {
                return Err(Error::new(format!(
                    "ecs task target has `propagate_tags: \"{p}\"`: started tasks take their tags from the task definition or from nothing; use `\"TASK_DEFINITION\"` or `\"NONE\"`"
                )));
            }
            parameters.push(("PropagateTags", Value::from(p)));
        }
        if !self.tags.is_empty() {
            let list = self
                .tags
                .iter()
                .map(|(k, v)| {
                    Value::map([
                        ("Key", Value::from(k.clone())),
                        ("Value", Value::from(v.clone())),
                    ])
                })
                .collect();
            parameters.push(("TagList", Value::List(list)));
        }
        if let Some(e) = self.enable_execute_command {
            parameters.push(("EnableExecuteCommand", Value::from(e)));
        }
        if network_mode == NetworkMode::AwsVpc {
            let vpc = cluster.vpc(app)?;
            let groups = if self.security_groups.is_empty() {
                // One group per task definition, shared by all its targets, as the CDK does.
                let existing = app
                    .stack(td.node().stack())
                    .child(td.node(), "SecurityGroup");
                match existing.and_then(|n| SecurityGroup::from_node(app, n)) {
                    Some(sg) => vec![sg],
                    None => vec![SecurityGroup::new(
                        app,
                        td.node(),
                        "SecurityGroup",
                        crate::ec2::SecurityGroupProps::default().vpc(vpc),
                    )?],
                }
            } else {
                self.security_groups.clone()
            };
            let public = self.assign_public_ip.unwrap_or(false);
            let launch_type = self
                .launch_type
                .unwrap_or(if td.compatibility(app).is_ec2() {
                    "EC2"
                } else {
                    "FARGATE"
                });
            if public && launch_type != "FARGATE" {
                return Err(Error::new(
                    "ecs task target has `assign_public_ip: true` but runs on ec2: public IPs are only for fargate tasks; remove `assign_public_ip`",
                ));
            }
            let selection = self
                .subnet_selection
                .clone()
                .unwrap_or_else(|| SubnetType::PrivateWithEgress.into());
            // The CDK refuses a public IP outside public subnets: the task could not use it.
            if public && selection.subnet_type != Some(SubnetType::Public) {
                return Err(Error::new(
                    "ecs task target has `assign_public_ip: true` without public subnets: add `subnet_selection: { subnet_type: Public }`",
                ));
            }
            let subnets = vpc.select_subnets(app, &selection)?;
            parameters.push(("LaunchType", Value::from(launch_type)));
            if let Some(v) = &self.platform_version {
                parameters.push(("PlatformVersion", Value::from(v.clone())));
            }
            parameters.push((
                "NetworkConfiguration",
                Value::map([(
                    "AwsVpcConfiguration",
                    Value::map([
                        (
                            "AssignPublicIp",
                            Value::from(if public { "ENABLED" } else { "DISABLED" }),
                        ),
                        (
                            "SecurityGroups",
                            Value::List(groups.iter().map(|g| g.group_id(app)).collect()),
                        ),
                        ("Subnets", Value::List(subnets)),
                    ]),
                )]),
            ));
        }
        Ok(RuleTargetConfig {
            arn: cluster.cluster_arn(app),
            role_arn: Some(role.arn(app)),
            input: Some(Value::from(self.input())),
            ecs_parameters: Some(Value::map(parameters)),
        })
    }
}

/// The role EventBridge assumes to run the task: one per task definition (`EventsRole`), with
/// the rights to run it on this cluster, tag it and pass its roles.
fn event_role(app: &mut App, td: AnyTaskDefinition, cluster: Cluster) -> Result<Role, Error> {
    let existing = app.stack(td.node().stack()).child(td.node(), "EventsRole");
    let role = match existing.and_then(|n| Role::from_node(app, n)) {
        Some(r) => r,
        None => Role::new(app, td.node(), "EventsRole", "events.amazonaws.com")?,
    };
    let cluster_arn = cluster.cluster_arn(app);
    let cluster_name = cluster.cluster_name(app);
    // A literal ARN without its revision is run at any revision, as the CDK writes it.
    let run_arn = match td.arn(app) {
        Value::Str(arn) if !ends_in_revision(&arn) => Value::from(format!("{arn}:*")),
        arn => arn,
    };
    role.grant(
        app,
        Statement::allow(["ecs:RunTask"]).on([run_arn]).when(
            "ArnEquals",
            "ecs:cluster",
            cluster_arn,
        ),
    )?;
    let task_arn = Value::join(
        "",
        vec![
            "arn:".into(),
            Pseudo::Partition.into(),
            ":ecs:".into(),
            Pseudo::Region.into(),
            ":*:task/".into(),
            cluster_name,
            "/*".into(),
        ],
    );
    role.grant(app, Statement::allow(["ecs:TagResource"]).on([task_arn]))?;
    if let Some(exec) = td.execution_role(app) {
        role.grant(app, Statement::allow(["iam:PassRole"]).on([exec.arn(app)]))?;
    }
    // The CDK passes the task role only for Fargate-compatible task definitions.
    if td.compatibility(app).is_fargate() {
        let Some(task_role) = td.task_role(app) else {
            return Err(Error::new(imported_task_definition_needs_message(
                td.id(app),
                "task_role",
                "to be run by an events rule as a fargate-compatible task",
            )));
        };
        role.grant(
            app,
            Statement::allow(["iam:PassRole"]).on([task_role.arn(app)]),
        )?;
    }
    Ok(role)
}

/// Whether an ARN names a revision (`…:3`), as the CDK's `/:[0-9]+$/` tests it.
fn ends_in_revision(arn: &str) -> bool {
    arn.rsplit_once(':')
        .is_some_and(|(_, r)| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
}

props! {
    /// Overrides of one container for the tasks a rule runs (CDK `ContainerOverride`).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ContainerOverride {
        /// The container's name (required).
        [val_into "containerName", .ty(Name), .required()]
        container_name: String,
        /// The command to run instead.
        [field "command"]
        command: Vec<String>,
        /// Variables to add or replace.
        [field_list "environment", .ty(Environment)]
        environment: (String, String),
        /// CPU units.
        [opt "cpu"]
        cpu: u32,
        /// Hard memory limit in MiB.
        [opt "memoryLimit"]
        memory_limit: u32,
        /// Soft memory limit in MiB.
        [opt "memoryReservation"]
        memory_reservation: u32,
    }
}

impl ContainerOverride {
    /// Overrides for the container named `container_name`.
    pub fn new(container_name: impl Into<String>) -> Self {
        ContainerOverride {
            container_name: container_name.into(),
            ..Default::default()
        }
    }

    /// Sets `command`.
    pub fn command<S: Into<String>>(mut self, command: impl IntoIterator<Item = S>) -> Self {
        self.command = Some(command.into_iter().map(Into::into).collect());
        self
    }

    /// Adds environment variables.
    pub fn environment<K: Into<String>, V: Into<String>>(
        mut self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.environment
            .extend(vars.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// The override as the task's input JSON writes it: `name` first, then the overrides in the
    /// order of the CDK's `ContainerOverride` interface.
    fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("name".into(), self.container_name.clone().into());
        if let Some(c) = &self.command {
            m.insert("command".into(), c.clone().into());
        }
        if !self.environment.is_empty() {
            let env = self
                .environment
                .iter()
                .map(|(k, v)| serde_json::json!({"name": k, "value": v}))
                .collect();
            m.insert("environment".into(), serde_json::Value::Array(env));
        }
        if let Some(v) = self.cpu {
            m.insert("cpu".into(), v.into());
        }
        if let Some(v) = self.memory_limit {
            m.insert("memoryLimit".into(), v.into());
        }
        if let Some(v) = self.memory_reservation {
            m.insert("memoryReservation".into(), v.into());
        }
        serde_json::Value::Object(m)
    }
}

props! {
    /// A rule target that runs tasks of a task definition on a cluster (CDK `EcsTask`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct EcsTask {
        /// The cluster (required).
        [opt "cluster", .ty(Ref(RefClass::Cluster)), .required()]
        cluster: Cluster,
        /// The task definition (required).
        /// One of the app, or an imported one given its network mode (and, when
        /// Fargate-compatible, its task role).
        [into "taskDefinition", .ty(Ref(RefClass::AnyTaskDefinition)), .required()]
        task_definition: AnyTaskDefinition,
        /// How many tasks; default 1.
        [opt "taskCount", .default("1")]
        task_count: u32,
        /// Per-container overrides.
        [field_list "containerOverrides", .ty(Objects(KindId::ContainerOverride))]
        container_overrides: ContainerOverride,
        /// Public IP for awsvpc Fargate tasks (in public subnets).
        [opt "assignPublicIp", .default("false")]
        assign_public_ip: bool,
        /// Fargate platform version.
        [into "platformVersion"]
        platform_version: String,
        /// Security groups of awsvpc tasks; default one created under the task definition.
        [list "securityGroups", .ty(Refs(RefClass::SecurityGroup)), .default("one created under the task definition")]
        security_groups: SecurityGroup,
        /// ECS Exec in the started tasks.
        [opt "enableExecuteCommand"]
        enable_execute_command: bool,
        /// The subnets of awsvpc tasks (CDK `subnetSelection`); default the public ones with
        /// `assign_public_ip: true`, else the private ones.
        [into "subnetSelection", .ty(Object(KindId::SubnetSelection)), .default("the private subnets")]
        subnet_selection: SubnetSelection,
        /// `EC2` or `FARGATE`; default from the task definition.
        [field "launchType", .default("`EC2` for an EC2-compatible task definition, else `FARGATE`")]
        launch_type: &'static str,
        /// `TASK_DEFINITION` or `NONE`.
        [field "propagateTags"]
        propagate_tags: &'static str,
        /// Tags of the started tasks (`TagList`; CDK `tags`, a list of `{ key, value }`).
        [field_list "tags", .ty(Environment)]
        tags: (String, String),
    }
}

impl EcsTask {
    /// Adds tags of the started tasks.
    pub fn tags<K: Into<String>, V: Into<String>>(
        mut self,
        tags: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.tags
            .extend(tags.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Adds container overrides.
    pub fn container_overrides(
        mut self,
        overrides: impl IntoIterator<Item = ContainerOverride>,
    ) -> Self {
        self.container_overrides.extend(overrides);
        self
    }

    /// The target's `Input`: the container overrides as JSON, `{}` without any.
    fn input(&self) -> String {
        if self.container_overrides.is_empty() {
            return "{}".into();
        }
        let list: Vec<serde_json::Value> = self
            .container_overrides
            .iter()
            .map(ContainerOverride::to_json)
            .collect();
        serde_json::json!({"containerOverrides": list}).to_string()
    }
}
