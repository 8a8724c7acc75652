//! Task definitions: `Ec2TaskDefinition`, `FargateTaskDefinition` (CDK `base/task-definition.ts`).

/// Where tasks of a task definition may run (CDK `Compatibility`).
///
/// ```
/// use ecs_core::task_definition::Compatibility;
/// assert!(Compatibility::Ec2AndFargate.is_ec2() && Compatibility::Ec2AndFargate.is_fargate());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compatibility {
    /// EC2 instances of the cluster.
    Ec2,
    /// AWS Fargate.
    Fargate,
    /// Both EC2 and Fargate.
    Ec2AndFargate,
    /// ECS Anywhere (external instances).
    External,
}

impl Compatibility {
    /// Whether tasks may run on EC2 capacity.
    pub const fn is_ec2(self) -> bool {
        matches!(self, Compatibility::Ec2 | Compatibility::Ec2AndFargate)
    }

    /// Whether tasks may run on Fargate.
    pub const fn is_fargate(self) -> bool {
        matches!(self, Compatibility::Fargate | Compatibility::Ec2AndFargate)
    }

    /// The values of `RequiresCompatibilities`.
    pub const fn requires(self) -> &'static [&'static str] {
        match self {
            Compatibility::Ec2 => &["EC2"],
            Compatibility::Fargate => &["FARGATE"],
            Compatibility::Ec2AndFargate => &["EC2", "FARGATE"],
            Compatibility::External => &["EXTERNAL"],
        }
    }

    /// The lowercase name used in messages.
    pub const fn lower_name(self) -> &'static str {
        match self {
            Compatibility::Ec2 => "ec2",
            Compatibility::Fargate => "fargate",
            Compatibility::Ec2AndFargate => "ec2 and fargate",
            Compatibility::External => "external",
        }
    }

    /// The `ecs_app!` keyword of the service kind that runs such a task definition.
    pub const fn service_keyword(self) -> &'static str {
        match self {
            Compatibility::Ec2 => "ec2_service",
            Compatibility::Fargate | Compatibility::Ec2AndFargate => "fargate_service",
            Compatibility::External => "external_service",
        }
    }
}

/// The Docker networking mode of a task's containers (CDK `NetworkMode`).
///
/// ```
/// use ecs_core::task_definition::NetworkMode;
/// assert_eq!(NetworkMode::AwsVpc.cfn_value(), Some("awsvpc"));
/// assert_eq!(NetworkMode::Nat.cfn_value(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NetworkMode {
    /// No external networking.
    None,
    /// Docker's bridge network.
    Bridge,
    /// An elastic network interface per task.
    AwsVpc,
    /// The host's network.
    Host,
    /// Windows NAT (rendered by omitting `NetworkMode`).
    Nat,
}

impl NetworkMode {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["None", "Bridge", "AwsVpc", "Host", "Nat"];

    /// The `NetworkMode` value, or `None` where the key is omitted.
    pub const fn cfn_value(self) -> Option<&'static str> {
        match self {
            NetworkMode::None => Some("none"),
            NetworkMode::Bridge => Some("bridge"),
            NetworkMode::AwsVpc => Some("awsvpc"),
            NetworkMode::Host => Some("host"),
            NetworkMode::Nat => None,
        }
    }

    /// The Rust variant name, as a user writes it in `ecs_app!`.
    pub const fn variant_name(self) -> &'static str {
        match self {
            NetworkMode::None => "None",
            NetworkMode::Bridge => "Bridge",
            NetworkMode::AwsVpc => "AwsVpc",
            NetworkMode::Host => "Host",
            NetworkMode::Nat => "Nat",
        }
    }

    /// Reads a variant name as written in `ecs_app!` (`AwsVpc`, `Bridge`, …).
    pub fn from_variant_name(name: &str) -> Option<NetworkMode> {
        [
            NetworkMode::None,
            NetworkMode::Bridge,
            NetworkMode::AwsVpc,
            NetworkMode::Host,
            NetworkMode::Nat,
        ]
        .into_iter()
        .find(|m| m.variant_name() == name)
    }
}

use crate::app::App;
use crate::cfn::{Resource, Value};
use crate::construct::{NodeId, StackId};
use crate::container::{ContainerData, ContainerDefinition, ContainerDefinitionOptions};
use crate::error::Error;
use crate::iam::Role;
use crate::rules;

/// A task cpu or memory size as written by the user: a number (`256`) or CloudFormation's unit
/// string (`"1 vCPU"`, `"2 GB"`).
///
/// ```
/// use ecs_core::task_definition::TaskSize;
/// assert_eq!(TaskSize::from(256), TaskSize::Units(256));
/// assert_eq!(TaskSize::from("1 vCPU"), TaskSize::Text("1 vCPU".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskSize {
    /// CPU units or MiB.
    Units(i64),
    /// A unit string, read by [`rules::parse_cpu`] or [`rules::parse_memory`].
    Text(String),
}

impl From<i32> for TaskSize {
    fn from(n: i32) -> TaskSize {
        TaskSize::Units(n.into())
    }
}

impl From<u32> for TaskSize {
    fn from(n: u32) -> TaskSize {
        TaskSize::Units(n.into())
    }
}

impl From<&str> for TaskSize {
    fn from(s: &str) -> TaskSize {
        TaskSize::Text(s.to_string())
    }
}

impl From<String> for TaskSize {
    fn from(s: String) -> TaskSize {
        TaskSize::Text(s)
    }
}

impl TaskSize {
    fn resolve(
        &self,
        task: &str,
        what: &str,
        parse: fn(&str) -> Option<u32>,
        example: &str,
    ) -> Result<u32, Error> {
        let value = match self {
            TaskSize::Units(n) => u32::try_from(*n).ok().filter(|n| *n > 0),
            TaskSize::Text(s) => parse(s.trim()),
        };
        value.ok_or_else(|| {
            let shown = match self {
                TaskSize::Units(n) => n.to_string(),
                TaskSize::Text(s) => format!("{s:?}"),
            };
            Error::new(format!(
                "task definition `{task}` has `{what}: {shown}`, which is not a size: use a positive number or a unit string like {example}"
            ))
        })
    }
}

/// Properties of an [`Ec2TaskDefinition`] (CDK `Ec2TaskDefinitionProps`, the part this library
/// supports).
///
/// ```
/// use ecs_core::task_definition::{Ec2TaskDefinitionProps, NetworkMode};
/// let props = Ec2TaskDefinitionProps::default().network_mode(NetworkMode::AwsVpc);
/// assert_eq!(props.network_mode, Some(NetworkMode::AwsVpc));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ec2TaskDefinitionProps {
    /// `NetworkMode`; default `bridge`.
    pub network_mode: Option<NetworkMode>,
    /// `Family`; default the construct's unique id.
    pub family: Option<String>,
}

impl Ec2TaskDefinitionProps {
    /// Sets `network_mode`.
    pub fn network_mode(mut self, mode: NetworkMode) -> Self {
        self.network_mode = Some(mode);
        self
    }

    /// Sets `family`.
    pub fn family(mut self, family: impl Into<String>) -> Self {
        self.family = Some(family.into());
        self
    }
}

/// Properties of a [`FargateTaskDefinition`]. Unlike the CDK there is no default size: `cpu`
/// and `memory_limit_mib` are required (rule F1).
///
/// ```
/// let props = ecs_core::task_definition::FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib("1 GB");
/// assert!(props.cpu.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FargateTaskDefinitionProps {
    /// `Cpu` in CPU units or vCPU.
    pub cpu: Option<TaskSize>,
    /// `Memory` in MiB or GB.
    pub memory_limit_mib: Option<TaskSize>,
    /// Must be `AwsVpc` when given (rule F3).
    pub network_mode: Option<NetworkMode>,
    /// `Family`; default the construct's unique id.
    pub family: Option<String>,
}

impl FargateTaskDefinitionProps {
    /// Sets `cpu`.
    pub fn cpu(mut self, cpu: impl Into<TaskSize>) -> Self {
        self.cpu = Some(cpu.into());
        self
    }

    /// Sets `memory_limit_mib`.
    pub fn memory_limit_mib(mut self, memory: impl Into<TaskSize>) -> Self {
        self.memory_limit_mib = Some(memory.into());
        self
    }

    /// Sets `network_mode`.
    pub fn network_mode(mut self, mode: NetworkMode) -> Self {
        self.network_mode = Some(mode);
        self
    }

    /// Sets `family`.
    pub fn family(mut self, family: impl Into<String>) -> Self {
        self.family = Some(family.into());
        self
    }
}

#[derive(Debug, Clone)]
pub(crate) struct TaskDefinitionData {
    pub(crate) id: String,
    pub(crate) resource: NodeId,
    pub(crate) task_role: Role,
    pub(crate) compatibility: Compatibility,
    pub(crate) network_mode: NetworkMode,
    pub(crate) memory: Option<u32>,
    pub(crate) containers: Vec<ContainerData>,
}

/// A task definition construct, of any compatibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskDefinition {
    node: NodeId,
    index: usize,
}

/// Constructor of EC2 task definitions (CDK `Ec2TaskDefinition`).
///
/// ```
/// use ecs_core::{App, task_definition::Ec2TaskDefinition};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
/// assert_eq!(td.compatibility(&app), ecs_core::task_definition::Compatibility::Ec2);
/// ```
#[derive(Debug)]
pub struct Ec2TaskDefinition;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Ec2TaskDefinition {
    /// Creates an EC2 task definition with id `id` at the top of `stack`.
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: Ec2TaskDefinitionProps,
    ) -> Result<TaskDefinition, Error> {
        let mode = props.network_mode.unwrap_or(NetworkMode::Bridge);
        TaskDefinition::create(
            app,
            stack,
            id,
            Compatibility::Ec2,
            mode,
            None,
            None,
            props.family,
        )
    }
}

/// Constructor of Fargate task definitions (CDK `FargateTaskDefinition`).
///
/// ```
/// use ecs_core::{App, task_definition::{FargateTaskDefinition, FargateTaskDefinitionProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let bad = FargateTaskDefinition::new(&mut app, s, "TaskDef", FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(4096));
/// assert_eq!(
///     bad.unwrap_err().to_string(),
///     "fargate task definition `TaskDef` cannot use `memory_limit_mib: 4096` with `cpu: 256`: use 512, 1024 or 2048",
/// );
/// ```
#[derive(Debug)]
pub struct FargateTaskDefinition;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl FargateTaskDefinition {
    /// Creates a Fargate task definition with id `id` at the top of `stack`, checking rules F1,
    /// F2 and F3.
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: FargateTaskDefinitionProps,
    ) -> Result<TaskDefinition, Error> {
        let (cpu, memory) = match (&props.cpu, &props.memory_limit_mib) {
            (Some(c), Some(m)) => (c, m),
            (c, m) => {
                let missing = match (c, m) {
                    (None, None) => "`cpu` and `memory_limit_mib`",
                    (None, _) => "`cpu`",
                    _ => "`memory_limit_mib`",
                };
                return Err(Error::new(rules::fargate_needs_size_message(id, missing)));
            }
        };
        let cpu = cpu.resolve(id, "cpu", rules::parse_cpu, "\"1 vCPU\"")?;
        let memory = memory.resolve(id, "memory_limit_mib", rules::parse_memory, "\"2 GB\"")?;
        match rules::fargate_size(cpu, memory) {
            Ok(()) => {}
            Err(rules::FargateSizeError::Cpu) => {
                return Err(Error::new(rules::fargate_cpu_message(id, cpu)))
            }
            Err(rules::FargateSizeError::Memory) => {
                return Err(Error::new(rules::fargate_memory_message(id, cpu, memory)))
            }
        }
        let mode = props.network_mode.unwrap_or(NetworkMode::AwsVpc);
        if !rules::fargate_network_mode(mode) {
            return Err(Error::new(rules::fargate_network_mode_message(id, mode)));
        }
        TaskDefinition::create(
            app,
            stack,
            id,
            Compatibility::Fargate,
            mode,
            Some(cpu),
            Some(memory),
            props.family,
        )
    }
}

impl TaskDefinition {
    #[allow(clippy::too_many_arguments)]
    fn create(
        app: &mut App,
        stack: StackId,
        id: &str,
        compatibility: Compatibility,
        network_mode: NetworkMode,
        cpu: Option<u32>,
        memory: Option<u32>,
        family: Option<String>,
    ) -> Result<TaskDefinition, Error> {
        let root = app.stack(stack).root();
        let node = app.stack_mut(stack).add_node(root, id)?;
        let task_role = Role::new(app, node, "TaskRole", "ecs-tasks.amazonaws.com")?;
        let st = app.stack_mut(stack);
        let family = family.unwrap_or_else(|| st.unique_id(node));
        let mut resource = Resource::new("AWS::ECS::TaskDefinition")
            .prop("Family", family)
            .prop(
                "RequiresCompatibilities",
                Value::strings(compatibility.requires().iter().copied()),
            )
            .prop("TaskRoleArn", task_role.arn())
            .prop_opt("NetworkMode", network_mode.cfn_value())
            .prop_opt("Cpu", cpu.map(|c| c.to_string()))
            .prop_opt("Memory", memory.map(|m| m.to_string()));
        resource.tagging = crate::cfn::Tagging::Standard;
        let resource = st.add_resource(node, "Resource", resource)?;
        let index = app.task_definitions.len();
        app.task_definitions.push(TaskDefinitionData {
            id: id.to_string(),
            resource,
            task_role,
            compatibility,
            network_mode,
            memory,
            containers: Vec::new(),
        });
        Ok(TaskDefinition { node, index })
    }

    pub(crate) fn index(self) -> usize {
        self.index
    }

    pub(crate) fn data(self, app: &App) -> &TaskDefinitionData {
        &app.task_definitions[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &self.data(app).id
    }

    /// Where the task definition's tasks may run.
    pub fn compatibility(self, app: &App) -> Compatibility {
        self.data(app).compatibility
    }

    /// The network mode.
    pub fn network_mode(self, app: &App) -> NetworkMode {
        self.data(app).network_mode
    }

    /// The task role.
    pub fn task_role(self, app: &App) -> Role {
        self.data(app).task_role
    }

    /// `{"Ref": taskdef}`: the task definition ARN.
    pub fn arn(self, app: &App) -> Value {
        Value::Ref(self.data(app).resource)
    }

    /// Adds a container (CDK `addContainer`).
    ///
    /// ```
    /// use ecs_core::{App, container::ContainerDefinitionOptions, image::ContainerImage, task_definition::Ec2TaskDefinition};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx"))
    ///     .memory_limit_mib(256)).unwrap();
    /// ```
    pub fn add_container(
        self,
        app: &mut App,
        id: &str,
        options: ContainerDefinitionOptions,
    ) -> Result<ContainerDefinition, Error> {
        let data = self.data(app);
        if data.containers.iter().any(|c| c.id == id) {
            return Err(Error::new(rules::duplicate_id_message(
                id,
                &format!("task definition `{}`", data.id),
            )));
        }
        let container = ContainerData::new(id, options, &data.id)?;
        app.task_definitions[self.index].containers.push(container);
        self.render_containers(app);
        Ok(ContainerDefinition::new(
            self,
            app.task_definitions[self.index].containers.len() - 1,
        ))
    }

    /// Rewrites `ContainerDefinitions` from the containers added so far.
    pub(crate) fn render_containers(self, app: &mut App) {
        let data = &app.task_definitions[self.index];
        let list: Vec<Value> = data
            .containers
            .iter()
            .map(|c| c.render(data.compatibility, data.network_mode))
            .collect();
        let resource = data.resource;
        app.stack_mut(self.node.stack())
            .resource_mut(resource)
            .set("ContainerDefinitions", Value::List(list));
    }

    /// The container named `name` (CDK `findContainer`).
    pub fn find_container(self, app: &App, name: &str) -> Option<ContainerDefinition> {
        self.data(app).containers.iter().position(|c| c.name == name).map(|i| ContainerDefinition::new(self, i))
    }

    /// The execution role, once something needed one.
    pub fn execution_role(self, app: &App) -> Option<Role> {
        app.stack(self.node.stack()).child(self.node, "ExecutionRole").and_then(|n| Role::from_node(app, n))
    }

    /// The first essential container (CDK `defaultContainer`).
    pub fn default_container(self, app: &App) -> Option<ContainerDefinition> {
        self.data(app)
            .containers
            .iter()
            .position(|c| c.essential)
            .map(|i| ContainerDefinition::new(self, i))
    }
}

/// Synth-time rules of task definitions (E1), appended to `messages`.
pub(crate) fn validate(app: &App, messages: &mut Vec<String>) {
    for td in &app.task_definitions {
        if td.compatibility.is_ec2() {
            for c in &td.containers {
                if !rules::ec2_container_memory(
                    c.memory_limit_mib,
                    c.memory_reservation_mib,
                    td.memory.is_some(),
                ) {
                    messages.push(rules::ec2_container_memory_message(&td.id, &c.id));
                }
            }
        }
    }
}
