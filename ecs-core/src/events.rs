//! EventBridge (CloudWatch Events) rules that run ECS tasks (CDK `events.Rule` with an
//! `aws-events-targets.EcsTask` target).
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::events::{ContainerOverride, EcsTask, Rule, RuleProps};
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

use crate::cfn::{Pseudo, Resource, Value};
use crate::construct::app::App;
use crate::construct::{NodeId, StackId};
use crate::ec2::SecurityGroup;
use crate::ecs::cluster::Cluster;
use crate::ecs::service::SubnetType;
use crate::ecs::task_definition::{NetworkMode, TaskDefinition};
use crate::error::Error;
use crate::iam::{Role, Statement};
use crate::schedule::Schedule;

props! {
    /// Properties of a [`Rule`] (CDK `RuleProps`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct RuleProps {
        /// When the rule fires; one of `schedule` and `event_pattern` is required.
        [opt "schedule", .ty(Schedule)]
        schedule: Schedule,
        /// Which events the rule matches, as the JSON of an EventBridge pattern.
        [opt "eventPattern"]
        event_pattern: serde_json::Value,
        /// `Description`.
        [into "description"]
        description: String,
        /// `Name`; CloudFormation generates one when absent.
        [into "ruleName"]
        rule_name: String,
        /// `State`: `ENABLED` unless `false`.
        [opt "enabled", .default("true")]
        enabled: bool,
        /// The ECS tasks the rule starts each time it fires.
        [none "targets", .ty(Objects(KindId::EcsTaskTarget)), .set(Set::Call("add_target"))]
        targets: (),
    }
}

/// An events rule construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    node: NodeId,
    resource: NodeId,
}

impl Rule {
    /// Creates a rule with id `id` at the top of `stack`.
    pub fn new(app: &mut App, stack: StackId, id: &str, props: RuleProps) -> Result<Rule, Error> {
        app.check_stack(stack)?;
        if props.schedule.is_none() && props.event_pattern.is_none() {
            return Err(Error::new(crate::ecs::rules::rule_trigger_message(id)));
        }
        if let Some(schedule) = &props.schedule {
            let expression = schedule.expression_string();
            if !crate::ecs::rules::events_rule_schedule(expression) {
                return Err(Error::new(crate::ecs::rules::events_rule_schedule_message(
                    id, expression,
                )));
            }
        }
        let st = app.stack_mut(stack);
        let root = st.root();
        let node = st.add_node(root, id)?;
        let state = if props.enabled == Some(false) {
            "DISABLED"
        } else {
            "ENABLED"
        };
        let resource = Resource::new("AWS::Events::Rule")
            .prop_opt("Description", props.description)
            .prop_opt("EventPattern", props.event_pattern.as_ref().map(json_value))
            .prop_opt("Name", props.rule_name)
            .prop_opt(
                "ScheduleExpression",
                props.schedule.map(|s| s.expression_string().to_string()),
            )
            .prop("State", state);
        let resource = st.add_resource(node, "Resource", resource)?;
        Ok(Rule { node, resource })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// Adds a target that runs an ECS task (CDK `rule.addTarget(new EcsTask(…))`).
    pub fn add_target(self, app: &mut App, task: EcsTask) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        app.check_each(task.cluster)?;
        app.check_each(task.task_definition)?;
        app.check_each(task.security_groups.iter().copied())?;
        let (Some(cluster), Some(td)) = (task.cluster, task.task_definition) else {
            let missing = if task.cluster.is_none() {
                "cluster"
            } else {
                "task_definition"
            };
            return Err(Error::new(format!(
                "ecs task target needs `{missing}`: add `{missing}: <name>`"
            )));
        };
        for o in &task.container_overrides {
            if td.find_container(app, &o.container_name).is_none() {
                let names = td.data(app).container_names();
                return Err(Error::new(crate::ecs::rules::container_override_message(
                    &o.container_name,
                    td.id(app),
                    &names,
                )));
            }
        }
        let role = event_role(app, td, cluster)?;
        let mut parameters = vec![
            ("TaskCount", Value::from(task.task_count.unwrap_or(1))),
            ("TaskDefinitionArn", td.arn(app)),
        ];
        if let Some(p) = task.propagate_tags {
            parameters.push(("PropagateTags", Value::from(p)));
        }
        if let Some(e) = task.enable_execute_command {
            parameters.push(("EnableExecuteCommand", Value::from(e)));
        }
        if td.network_mode(app) == NetworkMode::AwsVpc {
            let vpc = cluster.vpc(app);
            let groups = if task.security_groups.is_empty() {
                // One group per task definition, shared by all its targets, as the CDK does.
                let existing = app
                    .stack(td.node().stack())
                    .child(td.node(), "SecurityGroup");
                match existing.and_then(|n| SecurityGroup::from_node(app, n)) {
                    Some(sg) => vec![sg],
                    None => vec![SecurityGroup::new(app, td.node(), "SecurityGroup", vpc)?],
                }
            } else {
                task.security_groups.clone()
            };
            let public = task.assign_public_ip.unwrap_or(false);
            let launch_type = task
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
            let subnet_type = task.subnet_selection.unwrap_or(if public {
                SubnetType::Public
            } else {
                SubnetType::Private
            });
            // The CDK refuses a public IP in private subnets: the task could not use it.
            if public && subnet_type != SubnetType::Public {
                return Err(Error::new(
                    "ecs task target has `assign_public_ip: true` in private subnets: a public IP needs `subnet_selection: Public`",
                ));
            }
            let subnets = if subnet_type == SubnetType::Public {
                vpc.public_subnets(app)
            } else {
                vpc.private_subnets(app)
            };
            parameters.push(("LaunchType", Value::from(launch_type)));
            if let Some(v) = &task.platform_version {
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
                            Value::List(groups.iter().map(|g| g.group_id()).collect()),
                        ),
                        ("Subnets", Value::List(subnets)),
                    ]),
                )]),
            ));
        }
        let cluster_arn = cluster.cluster_arn(app);
        let resource = app.stack_mut(self.node.stack()).resource_mut(self.resource);
        let targets = match resource
            .properties
            .get_or_insert_with("Targets", || Value::List(Vec::new()))
        {
            Value::List(t) => t,
            _ => unreachable!("Targets is always a list"),
        };
        let target = Value::map([
            ("Arn", cluster_arn),
            ("EcsParameters", Value::map(parameters)),
            ("Id", Value::from(format!("Target{}", targets.len()))),
            ("Input", Value::from(task.input())),
            ("RoleArn", role.arn()),
        ]);
        targets.push(target);
        Ok(())
    }
}

/// The role EventBridge assumes to run the task: one per task definition (`EventsRole`), with
/// the rights to run it on this cluster, tag it and pass its roles.
fn event_role(app: &mut App, td: TaskDefinition, cluster: Cluster) -> Result<Role, Error> {
    let existing = app.stack(td.node().stack()).child(td.node(), "EventsRole");
    let role = match existing.and_then(|n| Role::from_node(app, n)) {
        Some(r) => r,
        None => Role::new(app, td.node(), "EventsRole", "events.amazonaws.com")?,
    };
    let cluster_arn = cluster.cluster_arn(app);
    let cluster_name = cluster.cluster_name(app);
    role.grant(
        app,
        Statement::allow(["ecs:RunTask"]).on([td.arn(app)]).when(
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
        role.grant(app, Statement::allow(["iam:PassRole"]).on([exec.arn()]))?;
    }
    // The CDK passes the task role only for Fargate-compatible task definitions.
    if td.compatibility(app).is_fargate() {
        let task_role = td.task_role(app);
        role.grant(
            app,
            Statement::allow(["iam:PassRole"]).on([task_role.arn()]),
        )?;
    }
    Ok(role)
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
        [opt "taskDefinition", .ty(Ref(RefClass::TaskDefinition)), .required()]
        task_definition: TaskDefinition,
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
        [opt "subnetSelection", .ty(Enum(&SUBNET_TYPE)), .default("`Public` with `assign_public_ip`, else `Private`")]
        subnet_selection: SubnetType,
        /// `EC2` or `FARGATE`; default from the task definition.
        [field "launchType", .default("`EC2` for an EC2-compatible task definition, else `FARGATE`")]
        launch_type: &'static str,
        /// `TASK_DEFINITION` or `NONE`.
        [field "propagateTags"]
        propagate_tags: &'static str,
    }
}

impl EcsTask {
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

/// An arbitrary JSON value (an event pattern) as a template value.
fn json_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .unwrap_or_else(|| Value::Float(n.as_f64().unwrap_or(0.0))),
        serde_json::Value::String(s) => Value::from(s.clone()),
        serde_json::Value::Array(a) => Value::List(a.iter().map(json_value).collect()),
        serde_json::Value::Object(o) => {
            Value::map(o.iter().map(|(k, v)| (k.clone(), json_value(v))))
        }
    }
}

handle!(Rule);
