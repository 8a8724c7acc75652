//! `ScheduledFargateTask` and `ScheduledEc2Task`: tasks an EventBridge rule starts on a schedule
//! (CDK `ScheduledTaskBase` and its two launch types).

use crate::cfn::Value;
use crate::construct::NodeId;
use crate::construct::app::{App, Construct};
use crate::ec2::{SecurityGroup, SubnetSelection, SubnetType, Vpc};
use crate::ecs::cluster::Cluster;
use crate::ecs::container::ContainerDefinitionOptions;
use crate::ecs::image::ContainerImage;
use crate::ecs::log_driver::{AwsLogDriverProps, LogDriver};
use crate::ecs::secret::Secret;
use crate::ecs::service::PropagatedTagSource;
use crate::ecs::task_definition::{
    Ec2TaskDefinition, Ec2TaskDefinitionProps, FargateTaskDefinition, FargateTaskDefinitionProps,
    TaskDefinition,
};
use crate::error::Error;
use crate::events::{Rule, RuleProps};
use crate::events_targets::EcsTask;
use crate::schedule::Schedule;

props! {
    /// The container a scheduled task creates when it is given no task definition (CDK
    /// `ScheduledFargateTaskImageOptions` and `ScheduledEc2TaskImageOptions`): the task's size
    /// for Fargate, the container's for EC2.
    ///
    /// ```
    /// use ecs_core::{ecs::image::ContainerImage, ecs_patterns::ScheduledTaskImageOptions};
    /// let o = ScheduledTaskImageOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(512);
    /// assert_eq!(o.memory_limit_mib, Some(512));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScheduledTaskImageOptions {
        /// The image the container runs (required).
        [opt "image", .required()]
        image: ContainerImage,
        /// The container's name.
        [into "containerName", .default("`ScheduledContainer`")]
        container_name: String,
        /// CPU units: the task's (Fargate, default 256) or the container's (EC2).
        [opt "cpu"]
        cpu: u32,
        /// Memory in MiB: the task's (Fargate, default 512) or the container's hard limit (EC2).
        [opt "memoryLimitMiB"]
        memory_limit_mib: u32,
        /// The container's soft memory limit in MiB (EC2).
        [opt "memoryReservationMiB"]
        memory_reservation_mib: u32,
        /// The task's ephemeral storage, 21 to 200 GiB (Fargate).
        [opt "ephemeralStorageGiB"]
        ephemeral_storage_gib: u32,
        /// The command the container runs.
        [list_into "command"]
        command: String,
        /// Environment variables of the container.
        [field_list "environment", .ty(EnvironmentValues)]
        environment: (String, Value),
        /// Secrets exposed to the container as environment variables.
        [field_list "secrets", .ty(Environment)]
        secrets: (String, Secret),
        /// The log driver; default awslogs with the task's id as stream prefix.
        [opt "logDriver"]
        log_driver: LogDriver,
    }
}

impl ScheduledTaskImageOptions {
    /// Sets `environment`.
    pub fn environment<K: Into<String>, V: Into<Value>>(
        mut self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.environment
            .extend(vars.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Sets `secrets`.
    pub fn secrets<K: Into<String>>(
        mut self,
        secrets: impl IntoIterator<Item = (K, Secret)>,
    ) -> Self {
        self.secrets
            .extend(secrets.into_iter().map(|(k, v)| (k.into(), v)));
        self
    }

    /// The container, logging through awslogs by default as the CDK's patterns do.
    fn container(&self, pattern_id: &str) -> ContainerDefinitionOptions {
        let mut c = ContainerDefinitionOptions::default()
            .command(self.command.clone())
            .environment(self.environment.clone())
            .secrets(self.secrets.clone())
            .logging(self.log_driver.clone().unwrap_or_else(|| {
                LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix(pattern_id))
            }));
        if let Some(image) = &self.image {
            c = c.image(image.clone());
        }
        c
    }

    fn name(&self) -> String {
        self.container_name
            .clone()
            .unwrap_or_else(|| "ScheduledContainer".to_string())
    }
}

/// Declares the props of one launch type: the properties every scheduled task shares (CDK
/// `ScheduledTaskBaseProps`) and then its own.
macro_rules! scheduled_task_props {
    (
        $(#[$meta:meta])*
        pub struct $props:ident {
            $($own:tt)*
        }
    ) => {
        props! {
            $(#[$meta])*
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct $props {
                /// The cluster the tasks run in; default a cluster of the stack per VPC.
                [opt "cluster", .ty(Ref(RefClass::Cluster)), .default("`EcsDefaultClusterMnL3mNNYN<vpc>`, shared by the stack's patterns")]
                cluster: Cluster,
                /// The VPC of the created cluster; only without `cluster`.
                [opt "vpc", .ty(Ref(RefClass::Vpc)), .default("the created cluster's own VPC")]
                vpc: Vpc,
                /// When the rule starts the tasks (required).
                [opt "schedule", .ty(Schedule), .required()]
                schedule: Schedule,
                /// The rule's name (`Name`).
                [into "ruleName"]
                rule_name: String,
                /// Whether the rule is enabled.
                [opt "enabled", .default("true")]
                enabled: bool,
                /// How many tasks each run starts; at least 1.
                [opt "desiredTaskCount", .default("1")]
                desired_task_count: u32,
                /// The subnets of awsvpc tasks.
                [into "subnetSelection", .ty(Object(KindId::SubnetSelection)), .default("the private subnets")]
                subnet_selection: SubnetSelection,
                /// The security groups of awsvpc tasks.
                [list "securityGroups", .ty(Refs(RefClass::SecurityGroup)), .default("one created under the task definition")]
                security_groups: SecurityGroup,
                /// Whether the tasks take the task definition's tags.
                [opt "propagateTags", .ty(Enum(&crate::ecs::service::PropagatedTagSource::DEF))]
                propagate_tags: PropagatedTagSource,
                /// Tags of the started tasks (CDK `tags`, a list of `{ key, value }`).
                [field_list "tags", .ty(Environment)]
                tags: (String, String),
                $($own)*
            }
        }
    };
}

/// The `tags` setter both props types share.
macro_rules! tags_setter {
    ($($props:ident),*) => {$(
        impl $props {
            /// Adds tags of the started tasks.
            pub fn tags<K: Into<String>, V: Into<String>>(
                mut self,
                tags: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.tags
                    .extend(tags.into_iter().map(|(k, v)| (k.into(), v.into())));
                self
            }
        }
    )*};
}

tags_setter!(ScheduledFargateTaskProps, ScheduledEc2TaskProps);

scheduled_task_props! {
    /// Properties of a [`ScheduledFargateTask`] (CDK `ScheduledFargateTaskProps`).
    ///
    /// ```
    /// use ecs_core::{ecs_patterns::ScheduledFargateTaskProps, schedule::Schedule};
    /// let p = ScheduledFargateTaskProps::default().schedule(Schedule::expression("rate(1 hour)")?);
    /// assert!(p.schedule.is_some());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub struct ScheduledFargateTaskProps {
        /// The container to create; exclusive with `task_definition`.
        [opt "scheduledFargateTaskImageOptions", .ty(Object(KindId::ScheduledTaskImageOptions))]
        scheduled_fargate_task_image_options: ScheduledTaskImageOptions,
        /// A Fargate task definition of your own (CDK
        /// `scheduledFargateTaskDefinitionOptions.taskDefinition`).
        [opt "scheduledFargateTaskDefinitionOptions.taskDefinition", .ty(Ref(RefClass::TaskDefinition))]
        task_definition: TaskDefinition,
        /// The Fargate platform version.
        [into "platformVersion", .default("`LATEST`")]
        platform_version: String,
    }
}

scheduled_task_props! {
    /// Properties of a [`ScheduledEc2Task`] (CDK `ScheduledEc2TaskProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::ScheduledEc2TaskProps::default().rule_name("nightly");
    /// assert_eq!(p.rule_name.as_deref(), Some("nightly"));
    /// ```
    pub struct ScheduledEc2TaskProps {
        /// The container to create; exclusive with `task_definition`.
        [opt "scheduledEc2TaskImageOptions", .ty(Object(KindId::ScheduledTaskImageOptions))]
        scheduled_ec2_task_image_options: ScheduledTaskImageOptions,
        /// An EC2 task definition of your own (CDK
        /// `scheduledEc2TaskDefinitionOptions.taskDefinition`).
        [opt "scheduledEc2TaskDefinitionOptions.taskDefinition", .ty(Ref(RefClass::TaskDefinition))]
        task_definition: TaskDefinition,
    }
}

/// What a scheduled task creates and hands back.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs_patterns::*;
/// let mut app = App::new();
/// let s = app.add_stack("Jobs")?;
/// let job = ScheduledFargateTask::new(&mut app, s, "Nightly", ScheduledFargateTaskProps::default()
///     .schedule(Schedule::expression("cron(0 3 * * ? *)")?)
///     .scheduled_fargate_task_image_options(ScheduledTaskImageOptions::default()
///         .image(ContainerImage::from_registry("busybox"))))?;
/// assert_eq!(app.stack(s).path(job.event_rule.node()), "Jobs/Nightly/ScheduledEventRule");
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduledTask {
    /// The pattern's scope.
    pub node: NodeId,
    /// The cluster the tasks run in.
    pub cluster: Cluster,
    /// The rule `ScheduledEventRule`.
    pub event_rule: Rule,
    /// The task definition (the one given or `ScheduledTaskDef`).
    pub task_definition: TaskDefinition,
}

/// Constructor of Fargate tasks started on a schedule (CDK `ScheduledFargateTask`).
#[derive(Debug)]
pub struct ScheduledFargateTask;

/// Constructor of EC2 tasks started on a schedule (CDK `ScheduledEc2Task`).
#[derive(Debug)]
pub struct ScheduledEc2Task;

/// The shared part (CDK `ScheduledTaskBase`): the checks, the scope, the cluster and the rule.
fn base(
    app: &mut App,
    scope: NodeId,
    (noun, id, image_property): (&str, &str, &str),
    (cluster, vpc): (Option<Cluster>, Option<Vpc>),
    rule: RuleProps,
    (desired_task_count, task_definition, image): (Option<u32>, bool, bool),
) -> Result<(NodeId, Cluster, Rule), Error> {
    if !super::cluster_or_vpc(cluster.is_some(), vpc.is_some()) {
        return Err(Error::new(super::cluster_or_vpc_message(noun, id)));
    }
    if !super::task_definition_or_image(task_definition, image) {
        return Err(Error::new(super::task_definition_or_image_message(
            noun,
            id,
            image_property,
            task_definition,
        )));
    }
    if desired_task_count == Some(0) {
        return Err(Error::new(format!(
            "{noun} `{id}` cannot have `desired_task_count: 0`: use 1 or more"
        )));
    }
    if rule.schedule.is_none() {
        return Err(Error::new(format!(
            "{noun} `{id}` needs `schedule`: add e.g. `schedule: \"rate(1 hour)\"`"
        )));
    }
    let node = Construct::new(app, scope, id)?;
    let cluster = match cluster {
        Some(c) => c,
        None => super::default_cluster(app, node, vpc)?,
    };
    let rule = Rule::new(app, node, "ScheduledEventRule", rule)?;
    Ok((node, cluster, rule))
}

macro_rules! rule_props {
    ($p:expr) => {{
        let p = &$p;
        let mut r = RuleProps::default();
        if let Some(s) = &p.schedule {
            r = r.schedule(s.clone());
        }
        if let Some(n) = &p.rule_name {
            r = r.rule_name(n.clone());
        }
        if let Some(e) = p.enabled {
            r = r.enabled(e);
        }
        r
    }};
}

macro_rules! ecs_task {
    ($p:expr, $cluster:expr, $task:expr) => {{
        let p = &$p;
        let mut t = EcsTask::default()
            .cluster($cluster)
            .task_definition($task)
            .task_count(p.desired_task_count.unwrap_or(1))
            // The CDK's default: tasks in the private subnets with egress.
            .subnet_selection(
                p.subnet_selection
                    .clone()
                    .unwrap_or_else(|| SubnetType::PrivateWithEgress.into()),
            )
            .security_groups(p.security_groups.clone())
            .tags(p.tags.clone());
        t.propagate_tags = p.propagate_tags.and_then(PropagatedTagSource::cfn_value);
        t
    }};
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl ScheduledFargateTask {
    /// Creates the pattern `id` under `scope`: the rule `ScheduledEventRule` starting Fargate
    /// tasks of the task definition given or `ScheduledTaskDef` on `schedule`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// ScheduledFargateTask::new(&mut app, s, "Job", ScheduledFargateTaskProps::default()
    ///     .schedule(Schedule::expression("rate(1 hour)")?).platform_version("1.4.0")
    ///     .scheduled_fargate_task_image_options(ScheduledTaskImageOptions::default()
    ///         .image(ContainerImage::from_registry("busybox")).command(["date"])))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props
    /// break one of the pattern's rules (both `cluster` and `vpc`, both or neither of
    /// `task_definition` and the image options, no `schedule`) or a rule of what it creates.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ScheduledFargateTaskProps,
    ) -> Result<ScheduledTask, Error> {
        let image = &props.scheduled_fargate_task_image_options;
        let (node, cluster, event_rule) = base(
            app,
            scope.into(),
            (
                "scheduled fargate task",
                id,
                "scheduled_fargate_task_image_options",
            ),
            (props.cluster, props.vpc),
            rule_props!(props),
            (
                props.desired_task_count,
                props.task_definition.is_some(),
                image.is_some(),
            ),
        )?;
        let task_definition = match (props.task_definition, image) {
            (Some(td), _) => td,
            (None, Some(image)) => {
                let mut td_props = FargateTaskDefinitionProps::default()
                    .cpu(image.cpu.unwrap_or(256))
                    .memory_limit_mib(image.memory_limit_mib.unwrap_or(512));
                if let Some(v) = image.ephemeral_storage_gib {
                    td_props = td_props.ephemeral_storage_gib(v);
                }
                let td = FargateTaskDefinition::new(app, node, "ScheduledTaskDef", td_props)?;
                td.add_container(app, &image.name(), image.container(id))?;
                td
            }
            (None, None) => super::application_load_balanced::unreachable_options(&format!(
                "scheduled fargate task `{id}`"
            ))?,
        };
        let mut task = ecs_task!(props, cluster, task_definition);
        if let Some(v) = &props.platform_version {
            task = task.platform_version(v.clone());
        }
        event_rule.add_target(app, task)?;
        Ok(ScheduledTask {
            node,
            cluster,
            event_rule,
            task_definition,
        })
    }
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl ScheduledEc2Task {
    /// Creates the pattern `id` under `scope`: the rule `ScheduledEventRule` starting EC2 tasks
    /// of the task definition given or `ScheduledTaskDef` on `schedule`. The cluster needs EC2
    /// capacity.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.medium"))?;
    /// ScheduledEc2Task::new(&mut app, s, "Job", ScheduledEc2TaskProps::default()
    ///     .cluster(cluster).schedule(Schedule::expression("rate(1 hour)")?)
    ///     .scheduled_ec2_task_image_options(ScheduledTaskImageOptions::default()
    ///         .image(ContainerImage::from_registry("busybox")).memory_limit_mib(256)))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ScheduledFargateTask::new`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ScheduledEc2TaskProps,
    ) -> Result<ScheduledTask, Error> {
        let image = &props.scheduled_ec2_task_image_options;
        let (node, cluster, event_rule) = base(
            app,
            scope.into(),
            ("scheduled ec2 task", id, "scheduled_ec2_task_image_options"),
            (props.cluster, props.vpc),
            rule_props!(props),
            (
                props.desired_task_count,
                props.task_definition.is_some(),
                image.is_some(),
            ),
        )?;
        let task_definition = match (props.task_definition, image) {
            (Some(td), _) => td,
            (None, Some(image)) => {
                let td = Ec2TaskDefinition::new(
                    app,
                    node,
                    "ScheduledTaskDef",
                    Ec2TaskDefinitionProps::default(),
                )?;
                let mut c = image.container(id);
                if let Some(v) = image.cpu {
                    c = c.cpu(v);
                }
                if let Some(v) = image.memory_limit_mib {
                    c = c.memory_limit_mib(v);
                }
                if let Some(v) = image.memory_reservation_mib {
                    c = c.memory_reservation_mib(v);
                }
                td.add_container(app, &image.name(), c)?;
                td
            }
            (None, None) => super::application_load_balanced::unreachable_options(&format!(
                "scheduled ec2 task `{id}`"
            ))?,
        };
        let task = ecs_task!(props, cluster, task_definition);
        event_rule.add_target(app, task)?;
        Ok(ScheduledTask {
            node,
            cluster,
            event_rule,
            task_definition,
        })
    }
}
