//! Containers of a task definition (CDK `ContainerDefinition`); they render as entries of the
//! task definition's `ContainerDefinitions`, not as resources.

use crate::app::App;
use crate::cfn::{Pseudo, Value};
use crate::error::Error;
use crate::image::ContainerImage;
use crate::task_definition::{Compatibility, NetworkMode, TaskDefinition};

/// A port protocol.
///
/// ```
/// assert_eq!(ecs_core::container::Protocol::Udp.cfn_value(), "udp");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Protocol {
    /// TCP (the default).
    #[default]
    Tcp,
    /// UDP.
    Udp,
}

impl Protocol {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Tcp", "Udp"];

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }
}

/// A port mapping (CDK `PortMapping`).
///
/// ```
/// let pm = ecs_core::container::PortMapping::default().container_port(80).host_port(8080);
/// assert_eq!((pm.container_port, pm.host_port), (80, Some(8080)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PortMapping {
    /// The port the container listens on.
    pub container_port: u32,
    /// The host port; in bridge mode `0` (dynamic) when absent.
    pub host_port: Option<u32>,
    /// The protocol.
    pub protocol: Protocol,
}

impl PortMapping {
    /// Sets `container_port`.
    pub fn container_port(mut self, port: u32) -> Self {
        self.container_port = port;
        self
    }

    /// Sets `host_port`.
    pub fn host_port(mut self, port: u32) -> Self {
        self.host_port = Some(port);
        self
    }

    /// Sets `protocol`.
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = protocol;
        self
    }

    fn render(&self, mode: NetworkMode) -> Value {
        // Bridge mode maps to a dynamic host port unless one is given (CDK `renderPortMapping`).
        let host_port = match (self.host_port, mode) {
            (Some(p), _) => Some(p),
            (None, NetworkMode::Bridge) => Some(0),
            (None, _) => None,
        };
        let mut m = vec![
            ("ContainerPort", Value::from(self.container_port)),
            ("Protocol", Value::from(self.protocol.cfn_value())),
        ];
        if let Some(h) = host_port {
            m.push(("HostPort", Value::from(h)));
        }
        Value::map(m)
    }
}

impl From<u32> for PortMapping {
    fn from(port: u32) -> PortMapping {
        PortMapping::default().container_port(port)
    }
}

/// Options of [`TaskDefinition::add_container`] (CDK `ContainerDefinitionOptions`, the part
/// this library supports).
///
/// ```
/// use ecs_core::{container::ContainerDefinitionOptions, image::ContainerImage};
/// let options = ContainerDefinitionOptions::default()
///     .image(ContainerImage::from_registry("nginx"))
///     .memory_limit_mib(512)
///     .environment([("STAGE", "prod")]);
/// assert_eq!(options.environment, vec![("STAGE".to_string(), "prod".to_string())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainerDefinitionOptions {
    /// The image (required).
    pub image: Option<ContainerImage>,
    /// `Name`; default the construct id.
    pub container_name: Option<String>,
    /// `Memory`: the hard limit in MiB.
    pub memory_limit_mib: Option<u32>,
    /// `MemoryReservation`: the soft limit in MiB.
    pub memory_reservation_mib: Option<u32>,
    /// `Cpu` units.
    pub cpu: Option<u32>,
    /// `Essential`; default true.
    pub essential: Option<bool>,
    /// `PortMappings`.
    pub port_mappings: Vec<PortMapping>,
    /// `Environment`, in the order given.
    pub environment: Vec<(String, String)>,
}

impl ContainerDefinitionOptions {
    /// Sets `image`.
    pub fn image(mut self, image: ContainerImage) -> Self {
        self.image = Some(image);
        self
    }

    /// Sets `container_name`.
    pub fn container_name(mut self, name: impl Into<String>) -> Self {
        self.container_name = Some(name.into());
        self
    }

    /// Sets `memory_limit_mib`.
    pub fn memory_limit_mib(mut self, mib: u32) -> Self {
        self.memory_limit_mib = Some(mib);
        self
    }

    /// Sets `memory_reservation_mib`.
    pub fn memory_reservation_mib(mut self, mib: u32) -> Self {
        self.memory_reservation_mib = Some(mib);
        self
    }

    /// Sets `cpu`.
    pub fn cpu(mut self, units: u32) -> Self {
        self.cpu = Some(units);
        self
    }

    /// Sets `essential`.
    pub fn essential(mut self, essential: bool) -> Self {
        self.essential = Some(essential);
        self
    }

    /// Adds port mappings.
    pub fn port_mappings(mut self, mappings: impl IntoIterator<Item = PortMapping>) -> Self {
        self.port_mappings.extend(mappings);
        self
    }

    /// Adds environment variables; a later value for the same name replaces the earlier one.
    pub fn environment<K: Into<String>, V: Into<String>>(
        mut self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        for (k, v) in vars {
            set_env(&mut self.environment, k.into(), v.into());
        }
        self
    }
}

fn set_env(env: &mut Vec<(String, String)>, key: String, value: String) {
    match env.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => env.push((key, value)),
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ContainerData {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) image: ContainerImage,
    pub(crate) memory_limit_mib: Option<u32>,
    pub(crate) memory_reservation_mib: Option<u32>,
    pub(crate) cpu: Option<u32>,
    pub(crate) essential: bool,
    pub(crate) port_mappings: Vec<PortMapping>,
    pub(crate) environment: Vec<(String, String)>,
}

impl ContainerData {
    pub(crate) fn new(
        id: &str,
        options: ContainerDefinitionOptions,
        task: &str,
    ) -> Result<ContainerData, Error> {
        let Some(image) = options.image else {
            return Err(Error::new(format!(
                "container `{id}` of task definition `{task}` needs `image`: add one, e.g. `image: ContainerImage::from_registry(\"nginx\")`"
            )));
        };
        Ok(ContainerData {
            id: id.to_string(),
            name: options.container_name.unwrap_or_else(|| id.to_string()),
            image,
            memory_limit_mib: options.memory_limit_mib,
            memory_reservation_mib: options.memory_reservation_mib,
            cpu: options.cpu,
            essential: options.essential.unwrap_or(true),
            port_mappings: options.port_mappings,
            environment: options.environment,
        })
    }

    pub(crate) fn render(&self, compatibility: Compatibility, mode: NetworkMode) -> Value {
        let mut m = vec![
            ("Essential", Value::from(self.essential)),
            ("Image", self.image.render()),
            ("Name", Value::from(self.name.as_str())),
        ];
        let mut env: Vec<(String, Value)> = self
            .environment
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
            .collect();
        // EC2 tasks in awsvpc mode cannot read the region from instance metadata, so the CDK's
        // `Ec2TaskDefinition` passes it in, over any user value.
        if compatibility == Compatibility::Ec2 && mode == NetworkMode::AwsVpc {
            env.retain(|(k, _)| k != "AWS_REGION");
            env.push(("AWS_REGION".into(), Pseudo::Region.into()));
        }
        if !env.is_empty() {
            let list = env
                .into_iter()
                .map(|(k, v)| Value::map([("Name", Value::from(k)), ("Value", v)]))
                .collect();
            m.push(("Environment", Value::List(list)));
        }
        if let Some(v) = self.memory_limit_mib {
            m.push(("Memory", v.into()));
        }
        if let Some(v) = self.memory_reservation_mib {
            m.push(("MemoryReservation", v.into()));
        }
        if let Some(v) = self.cpu {
            m.push(("Cpu", v.into()));
        }
        if !self.port_mappings.is_empty() {
            m.push((
                "PortMappings",
                Value::List(self.port_mappings.iter().map(|p| p.render(mode)).collect()),
            ));
        }
        Value::map(m)
    }
}

/// A container of a task definition.
///
/// ```
/// use ecs_core::{App, container::ContainerDefinitionOptions, image::ContainerImage, task_definition::Ec2TaskDefinition};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
/// let web = td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(256)).unwrap();
/// assert_eq!(web.container_name(&app), "web");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContainerDefinition {
    task_definition: TaskDefinition,
    index: usize,
}

impl ContainerDefinition {
    pub(crate) fn new(task_definition: TaskDefinition, index: usize) -> ContainerDefinition {
        ContainerDefinition {
            task_definition,
            index,
        }
    }

    fn data(self, app: &App) -> &ContainerData {
        &self.task_definition.data(app).containers[self.index]
    }

    /// The task definition it belongs to.
    pub fn task_definition(self) -> TaskDefinition {
        self.task_definition
    }

    /// The container's `Name`.
    pub fn container_name(self, app: &App) -> &str {
        &self.data(app).name
    }

    /// Whether the container is essential.
    pub fn essential(self, app: &App) -> bool {
        self.data(app).essential
    }

    /// Adds port mappings after declaration (CDK `addPortMappings`).
    pub fn add_port_mappings(self, app: &mut App, mappings: impl IntoIterator<Item = PortMapping>) {
        let td = self.task_definition;
        let index = td.index();
        app.task_definitions[index].containers[self.index]
            .port_mappings
            .extend(mappings);
        td.render_containers(app);
    }

    /// Adds an environment variable after declaration (CDK `addEnvironment`).
    pub fn add_environment(self, app: &mut App, name: impl Into<String>, value: impl Into<String>) {
        let td = self.task_definition;
        let index = td.index();
        set_env(
            &mut app.task_definitions[index].containers[self.index].environment,
            name.into(),
            value.into(),
        );
        td.render_containers(app);
    }
}
