//! Containers of a task definition (CDK `ContainerDefinition`); they render as entries of the
//! task definition's `ContainerDefinitions`, not as resources.

use crate::cfn::duration::Duration;
use crate::cfn::{Pseudo, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ecs::container_options::{ContainerDependency, HealthCheck, LinuxParameters, Ulimit};
use crate::ecs::image::ContainerImage;
use crate::ecs::log_driver::LogDriver;
use crate::ecs::rules::{self, RuleId};
use crate::ecs::secret::{EnvironmentFile, Secret};
use crate::ecs::task_definition::{Compatibility, NetworkMode, TaskDefinition, port_mapping_facts};
use crate::ecs::volume::{MountPoint, VolumeFrom};
use crate::error::Error;

/// A port protocol.
///
/// ```
/// assert_eq!(ecs_core::ecs::container::Protocol::Udp.cfn_value(), "udp");
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

/// The application protocol of a named port mapping, which Service Connect proxies (CDK
/// `AppProtocol`).
///
/// ```
/// assert_eq!(ecs_core::ecs::container::AppProtocol::Http2.cfn_value(), "http2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppProtocol {
    /// HTTP/1.1 (CDK `AppProtocol.http`).
    Http,
    /// HTTP/2 (CDK `AppProtocol.http2`).
    Http2,
    /// gRPC (CDK `AppProtocol.grpc`).
    Grpc,
}

impl AppProtocol {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Http", "Http2", "Grpc"];

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            AppProtocol::Http => "http",
            AppProtocol::Http2 => "http2",
            AppProtocol::Grpc => "grpc",
        }
    }

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "container", "AppProtocol"],
        variants: Self::VARIANT_NAMES,
    };
}

props! {
    /// A port mapping (CDK `PortMapping`): one port, or a range with `container_port` left at
    /// 0 (CDK `ContainerDefinition.CONTAINER_PORT_USE_RANGE`); a `name` makes it a port
    /// Service Connect can serve.
    ///
    /// ```
    /// use ecs_core::ecs::container::{AppProtocol, PortMapping};
    /// let pm = PortMapping::default().container_port(80).host_port(8080);
    /// assert_eq!((pm.container_port, pm.host_port), (80, Some(8080)));
    /// let api = PortMapping::default().container_port(8080).name("api").app_protocol(AppProtocol::Http);
    /// assert_eq!(api.name.as_deref(), Some("api"));
    /// let range = PortMapping::default().container_port_range("8000-8010");
    /// assert_eq!(range.container_port, PortMapping::CONTAINER_PORT_USE_RANGE);
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct PortMapping {
        /// The port the container listens on (`ContainerPort`); 0 with `container_port_range`.
        [val "containerPort", .default("`0`: required unless `container_port_range` is given")]
        container_port: u32,
        /// The ports the container listens on, as `"<start>-<end>"` (`ContainerPortRange`;
        /// awsvpc and bridge mode, without `host_port`; rule L4).
        [into "containerPortRange"]
        container_port_range: String,
        /// The host port mapped to it; in awsvpc and host mode the container port itself (rule L3).
        [opt "hostPort", .default("`0` (dynamic) in bridge mode")]
        host_port: u32,
        /// The port's protocol (`Protocol`).
        [val "protocol", .ty(Enum(&crate::ecs::container::Protocol::DEF)), .default("`Tcp`")]
        protocol: Protocol,
        /// The port's name, by which Service Connect serves it (`Name`; unique in the
        /// container, awsvpc and bridge mode; rule L4).
        [into "name"]
        name: String,
        /// The application protocol Service Connect proxies (`AppProtocol`; needs `name`; rule
        /// L4).
        [opt "appProtocol", .ty(Enum(&crate::ecs::container::AppProtocol::DEF))]
        app_protocol: AppProtocol,
    }
}

impl PortMapping {
    /// The `container_port` of a mapping that gives a range instead (CDK
    /// `ContainerDefinition.CONTAINER_PORT_USE_RANGE`).
    pub const CONTAINER_PORT_USE_RANGE: u32 = 0;

    pub(crate) fn render(&self, mode: NetworkMode) -> Value {
        // Bridge mode maps a single port to a dynamic host port unless one is given (CDK
        // `addHostPortIfNeeded`); a range maps to the same ports.
        let host_port = match (self.host_port, mode) {
            (Some(p), _) => Some(p),
            (None, NetworkMode::Bridge) if self.container_port_range.is_none() => Some(0),
            (None, _) => None,
        };
        let mut m = Vec::new();
        if self.container_port != Self::CONTAINER_PORT_USE_RANGE {
            m.push(("ContainerPort", Value::from(self.container_port)));
        }
        if let Some(range) = &self.container_port_range {
            m.push(("ContainerPortRange", Value::from(range.clone())));
        }
        m.push(("Protocol", Value::from(self.protocol.cfn_value())));
        if let Some(h) = host_port {
            m.push(("HostPort", Value::from(h)));
        }
        if let Some(p) = self.app_protocol {
            m.push(("AppProtocol", Value::from(p.cfn_value())));
        }
        // The CDK drops an empty name; rule L4 refuses it first.
        if let Some(name) = self.name.as_ref().filter(|n| !n.is_empty()) {
            m.push(("Name", Value::from(name.clone())));
        }
        Value::map(m)
    }
}

impl From<u32> for PortMapping {
    fn from(port: u32) -> PortMapping {
        PortMapping::default().container_port(port)
    }
}

/// A container of a task definition, as `links`, `container_dependencies` and `volumes_from`
/// name it: by handle, as the CDK's `addLink(container)` and `addContainerDependencies({
/// container })` take it, or by `Name`. A handle must be of the same task definition; a name
/// is checked at synthesis, once every container is added.
///
/// ```
/// use ecs_core::ecs::container::ContainerRef;
/// assert_eq!(ContainerRef::from("redis").as_name(), Some("redis"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerRef {
    /// The container whose `Name` this is.
    Name(String),
    /// The container of this handle.
    Container(ContainerDefinition),
}

impl ContainerRef {
    /// The name, when given as one.
    pub fn as_name(&self) -> Option<&str> {
        match self {
            ContainerRef::Name(name) => Some(name),
            ContainerRef::Container(_) => None,
        }
    }

    /// The `Name` it stands for among `names`, the containers of its task definition in order;
    /// a handle of another task definition is refused before it gets here.
    pub(crate) fn resolve<'a>(&'a self, names: &[&'a str]) -> &'a str {
        match self {
            ContainerRef::Name(name) => name,
            ContainerRef::Container(c) => names.get(c.index).copied().unwrap_or_default(),
        }
    }
}

/// An empty name, which synthesis reports: object values start from their defaults.
impl Default for ContainerRef {
    fn default() -> ContainerRef {
        ContainerRef::Name(String::new())
    }
}

impl From<&str> for ContainerRef {
    fn from(name: &str) -> ContainerRef {
        ContainerRef::Name(name.to_owned())
    }
}

impl From<String> for ContainerRef {
    fn from(name: String) -> ContainerRef {
        ContainerRef::Name(name)
    }
}

impl From<ContainerDefinition> for ContainerRef {
    fn from(container: ContainerDefinition) -> ContainerRef {
        ContainerRef::Container(container)
    }
}

impl From<&ContainerDefinition> for ContainerRef {
    fn from(container: &ContainerDefinition) -> ContainerRef {
        ContainerRef::Container(*container)
    }
}

props! {
    /// A link to another container of the task (CDK `addLink(container, alias)`), rendered
    /// `name` or `name:alias` in `Links` (bridge mode only). A string reads as ECS writes
    /// links: `"redis:cache"` is container `redis` with alias `cache`.
    ///
    /// ```
    /// use ecs_core::ecs::container::{ContainerRef, Link};
    /// let link = Link::from("redis:cache");
    /// assert_eq!((link.container, link.alias.as_deref()), (ContainerRef::from("redis"), Some("cache")));
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct Link {
        /// The linked container: a container of the same task definition.
        [val_into "container", .required(), .ty(Container)]
        container: ContainerRef,
        /// The name the linking container knows it by; default its `Name`.
        [into "alias"]
        alias: String,
    }
}

impl Link {
    /// A link to `container` under its own name.
    pub fn new(container: impl Into<ContainerRef>) -> Link {
        Link {
            container: container.into(),
            alias: None,
        }
    }

    pub(crate) fn render(&self, names: &[&str]) -> Value {
        let name = self.container.resolve(names);
        match &self.alias {
            Some(alias) => Value::from(format!("{name}:{alias}")),
            None => Value::from(name.to_owned()),
        }
    }
}

impl From<&str> for Link {
    fn from(link: &str) -> Link {
        match link.split_once(':') {
            Some((name, alias)) => Link::new(name).alias(alias),
            None => Link::new(link),
        }
    }
}

impl From<String> for Link {
    fn from(link: String) -> Link {
        Link::from(link.as_str())
    }
}

impl From<ContainerDefinition> for Link {
    fn from(container: ContainerDefinition) -> Link {
        Link::new(container)
    }
}

impl From<&ContainerDefinition> for Link {
    fn from(container: &ContainerDefinition) -> Link {
        Link::new(*container)
    }
}

/// Properties of [`ContainerDefinition::new`] (CDK `ContainerDefinitionProps`): the task
/// definition and the container's options.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs::container::ContainerDefinitionProps;
/// let p = ContainerDefinitionProps::default()
///     .options(ContainerDefinitionOptions::default().image(ContainerImage::from_registry("nginx")));
/// assert!(p.task_definition.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ContainerDefinitionProps {
    /// The task definition the container belongs to (required).
    pub task_definition: Option<TaskDefinition>,
    /// The container's options.
    pub options: ContainerDefinitionOptions,
}

impl ContainerDefinitionProps {
    /// Sets `task_definition`.
    pub fn task_definition(mut self, td: TaskDefinition) -> Self {
        self.task_definition = Some(td);
        self
    }

    /// Sets `options`.
    pub fn options(mut self, options: ContainerDefinitionOptions) -> Self {
        self.options = options;
        self
    }
}

impl ContainerDefinition {
    /// Creates container `id` under `scope`, a scope of the task definition's stack, and adds
    /// it to `props.task_definition` (CDK `new ContainerDefinition(scope, id, props)`; with the
    /// task definition as scope, this is [`TaskDefinition::add_container`]).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::container::ContainerDefinitionProps;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default())?;
    /// ContainerDefinition::new(&mut app, s, "Sidecar", ContainerDefinitionProps::default()
    ///     .task_definition(td)
    ///     .options(ContainerDefinitionOptions::default()
    ///         .image(ContainerImage::from_registry("busybox")).memory_limit_mib(64)))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`TaskDefinition::add_container`], and when the task definition is missing or
    /// `scope` is of another stack.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ContainerDefinitionProps,
    ) -> Result<ContainerDefinition, crate::error::Error> {
        let Some(td) = props.task_definition else {
            return Err(crate::error::Error::new(format!(
                "container `{id}` needs `task_definition`: add `task_definition(<task definition>)`"
            )));
        };
        td.add_container_under(app, scope.into(), id, props.options)
    }
}

/// A port mapping judged for Service Connect in a network mode (CDK `ServiceConnect`): whether
/// it takes part (it has a `name` or an `app_protocol`), and whether it may.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs::container::ServiceConnect;
/// let named = PortMapping::from(80).name("api");
/// let sc = ServiceConnect::new(NetworkMode::AwsVpc, named);
/// assert!(sc.is_service_connect());
/// assert!(sc.validate().is_ok());
/// assert!(ServiceConnect::new(NetworkMode::Host, PortMapping::from(80).name("api")).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceConnect {
    network_mode: NetworkMode,
    port_mapping: PortMapping,
}

impl ServiceConnect {
    /// `port_mapping` in `network_mode`.
    pub fn new(network_mode: NetworkMode, port_mapping: PortMapping) -> ServiceConnect {
        ServiceConnect {
            network_mode,
            port_mapping,
        }
    }

    /// Whether the mapping takes part in Service Connect: it has a `name` or an
    /// `app_protocol` (CDK `isServiceConnect`).
    pub fn is_service_connect(&self) -> bool {
        self.port_mapping.name.is_some() || self.port_mapping.app_protocol.is_some()
    }

    /// The CDK's check (rule L4): Service Connect fields only in awsvpc or bridge mode, and
    /// `app_protocol` only with `name`.
    ///
    /// # Errors
    ///
    /// When either is broken.
    pub fn validate(&self) -> Result<(), crate::error::Error> {
        if !matches!(self.network_mode, NetworkMode::AwsVpc | NetworkMode::Bridge) {
            return Err(crate::error::Error::rule(
                RuleId::L4,
                format!(
                    "port mapping {} has Service Connect's `name` or `app_protocol` in `{}` mode: use awsvpc or bridge mode, or remove them",
                    self.port_mapping.container_port,
                    self.network_mode.variant_name()
                ),
            ));
        }
        if self.port_mapping.name.is_none() {
            return Err(crate::error::Error::rule(
                RuleId::L4,
                format!(
                    "port mapping {} has `app_protocol` without `name`: Service Connect serves a port by its name; add `name`",
                    self.port_mapping.container_port
                ),
            ));
        }
        Ok(())
    }
}

/// Which log router a FireLens container runs (CDK `FirelensLogRouterType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FirelensLogRouterType {
    /// Fluent Bit (the CDK's default router).
    #[default]
    Fluentbit,
    /// Fluentd.
    Fluentd,
}

impl FirelensLogRouterType {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Fluentbit", "Fluentd"];
}

/// Where a FireLens router's custom configuration file is (CDK `FirelensConfigFileType`).
///
/// ```
/// assert_eq!(ecs_core::ecs::container::FirelensConfigFileType::S3.cfn_value(), "s3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FirelensConfigFileType {
    /// In Amazon S3, given by its object ARN; the execution role may read it.
    S3,
    /// In the router's image, given by its path.
    File,
}

impl FirelensConfigFileType {
    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            FirelensConfigFileType::S3 => "s3",
            FirelensConfigFileType::File => "file",
        }
    }
}

/// Options of a FireLens router (CDK `FirelensOptions`).
///
/// ```
/// use ecs_core::ecs::container::{FirelensConfigFileType, FirelensOptions};
/// let o = FirelensOptions::default().config_file_type(FirelensConfigFileType::File)
///     .config_file_value("/extra.conf");
/// assert_eq!(o.config_file_value.as_deref(), Some("/extra.conf"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FirelensOptions {
    /// Whether the router adds the task's ECS metadata to each record (default true).
    pub enable_ecs_log_metadata: Option<bool>,
    /// Where the custom configuration file is; with `config_file_value`.
    pub config_file_type: Option<FirelensConfigFileType>,
    /// The custom configuration file: an S3 object ARN or a path in the image; with
    /// `config_file_type` (which an S3 ARN implies).
    pub config_file_value: Option<String>,
}

impl FirelensOptions {
    /// Sets `enable_ecs_log_metadata`.
    pub fn enable_ecs_log_metadata(mut self, on: bool) -> Self {
        self.enable_ecs_log_metadata = Some(on);
        self
    }

    /// Sets `config_file_type`.
    pub fn config_file_type(mut self, file_type: FirelensConfigFileType) -> Self {
        self.config_file_type = Some(file_type);
        self
    }

    /// Sets `config_file_value`.
    pub fn config_file_value(mut self, value: impl Into<String>) -> Self {
        self.config_file_value = Some(value.into());
        self
    }

    /// The file type the CDK settles on: S3 when the value is an S3 ARN (or a token) and no
    /// other type is given, else a file in the image.
    fn resolved_type(&self) -> FirelensConfigFileType {
        let value = self.config_file_value.as_deref().unwrap_or("");
        let s3_arn = crate::cfn::Token::is_unresolved(value) || is_s3_arn(value);
        match self.config_file_type {
            None | Some(FirelensConfigFileType::S3) if s3_arn => FirelensConfigFileType::S3,
            _ => FirelensConfigFileType::File,
        }
    }
}

/// `arn:aws[a-zA-Z-]*:s3:::` followed by something.
fn is_s3_arn(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("arn:aws") else {
        return false;
    };
    let partition_end = rest
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .unwrap_or(rest.len());
    rest[partition_end..]
        .strip_prefix(":s3:::")
        .is_some_and(|r| !r.is_empty())
}

/// The FireLens configuration of a log router container (CDK `FirelensConfig`).
///
/// ```
/// use ecs_core::ecs::container::{FirelensConfig, FirelensOptions};
/// let c = FirelensConfig::default().options(FirelensOptions::default().enable_ecs_log_metadata(false));
/// assert_eq!(c.options.and_then(|o| o.enable_ecs_log_metadata), Some(false));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirelensConfig {
    /// The router (CDK `type`).
    pub router_type: FirelensLogRouterType,
    /// The router's options.
    pub options: Option<FirelensOptions>,
}

impl FirelensConfig {
    /// Sets `router_type` (CDK `type`).
    pub fn router_type(mut self, t: FirelensLogRouterType) -> Self {
        self.router_type = t;
        self
    }

    /// Sets `router_type` under the CDK's name.
    pub fn r#type(self, t: FirelensLogRouterType) -> Self {
        self.router_type(t)
    }

    /// Sets `options`.
    pub fn options(mut self, options: FirelensOptions) -> Self {
        self.options = Some(options);
        self
    }

    /// Sets the options' `enable_ecs_log_metadata`.
    pub fn enable_ecs_log_metadata(mut self, on: bool) -> Self {
        self.options = Some(self.options.unwrap_or_default().enable_ecs_log_metadata(on));
        self
    }

    /// Sets the options' custom configuration source: `file_type` and its location.
    pub fn config_file(
        mut self,
        file_type: FirelensConfigFileType,
        value: impl Into<String>,
    ) -> Self {
        self.options = Some(
            self.options
                .unwrap_or_default()
                .config_file_type(file_type)
                .config_file_value(value),
        );
        self
    }

    /// What the CDK checks of the options: the file's type and value come together.
    pub(crate) fn check(&self, container: &str) -> Result<(), crate::error::Error> {
        if let Some(o) = &self.options
            && o.config_file_type.is_some() != o.config_file_value.is_some()
        {
            return Err(crate::error::Error::new(format!(
                "log router `{container}` has only one of `config_file_type` and `config_file_value`: give both to name a custom configuration file"
            )));
        }
        Ok(())
    }

    /// The S3 object and bucket the execution role must read, for a configuration file in S3.
    pub(crate) fn s3_config_file(&self) -> Option<(String, String)> {
        let o = self.options.as_ref()?;
        let value = o.config_file_value.as_ref()?;
        (o.resolved_type() == FirelensConfigFileType::S3).then(|| {
            let bucket = value.split('/').next().unwrap_or_default().to_string();
            (value.clone(), bucket)
        })
    }

    pub(crate) fn render(&self) -> Value {
        let kind = match self.router_type {
            FirelensLogRouterType::Fluentbit => "fluentbit",
            FirelensLogRouterType::Fluentd => "fluentd",
        };
        let mut m = vec![("Type", Value::from(kind))];
        // As the CDK's router: with options, the metadata flag is always written.
        if let Some(o) = &self.options {
            let on = o.enable_ecs_log_metadata.unwrap_or(true);
            let mut options = vec![("enable-ecs-log-metadata", Value::from(on.to_string()))];
            if let Some(v) = &o.config_file_value {
                options.push((
                    "config-file-type",
                    Value::from(o.resolved_type().cfn_value()),
                ));
                options.push(("config-file-value", Value::from(v.clone())));
            }
            m.push(("Options", Value::map(options)));
        }
        Value::map(m)
    }
}

props! {
    /// Options of [`TaskDefinition::add_container`] (CDK `ContainerDefinitionOptions`): every
    /// option with a CloudFormation counterpart, plus the lists the CDK adds by method
    /// (`mount_points`, `volumes_from`, `container_dependencies`).
    ///
    /// ```
    /// use ecs_core::{ecs::container::ContainerDefinitionOptions, cfn::duration::Duration, ecs::image::ContainerImage};
    /// let options = ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx"))
    ///     .memory_limit_mib(512)
    ///     .command(["nginx", "-g", "daemon off;"])
    ///     .stop_timeout(Duration::seconds(30))
    ///     .environment([("STAGE", "prod")]);
    /// assert_eq!(options.environment, vec![("STAGE".to_string(), "prod".into())]);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ContainerDefinitionOptions {
        /// The image the container runs: from a registry, an ECR repository or a local asset.
        [opt "image", .required()]
        image: ContainerImage,
        /// The hard memory limit in MiB: the container is killed above it (`Memory`; rules E1, E2).
        [opt "memoryLimitMiB"]
        memory_limit_mib: u32,
        /// The soft memory limit in MiB the scheduler reserves for the container
        /// (`MemoryReservation`; rules E1, E2).
        [opt "memoryReservationMiB"]
        memory_reservation_mib: u32,
        /// The CPU units reserved for the container (`Cpu`); the containers' sum fits the task's
        /// (rule E2).
        [opt "cpu"]
        cpu: u32,
        /// Whether the task stops when this container stops; a task needs one essential container
        /// (rule S2).
        [opt "essential", .default("true")]
        essential: bool,
        /// The ports the container listens on, and the host ports mapped to them (`PortMappings`;
        /// rule L3).
        [list_into "portMappings", .ty(PortMappings)]
        port_mappings: PortMapping,
        /// Environment variables of the container, in the order given (`Environment`).
        [field_list "environment", .ty(EnvironmentValues)]
        environment: (String, Value),
        /// The container's name in the task definition (`Name`).
        [into "containerName", .default("the construct id")]
        container_name: String,
        /// S3 files of environment variables loaded when the container starts (`EnvironmentFiles`;
        /// rule F6).
        [list_into "environmentFiles"]
        environment_files: EnvironmentFile,
        /// Environment variables read from Secrets Manager or SSM when the container starts, in the
        /// order given (`Secrets`; rule F6).
        [field_list "secrets", .ty(Environment)]
        secrets: (String, Secret),
        /// The command the container runs, replacing the image's `CMD` (`Command`).
        [list_into "command"]
        command: String,
        /// The entry point, replacing the image's `ENTRYPOINT` (`EntryPoint`).
        [list_into "entryPoint"]
        entry_point: String,
        /// The command Docker runs to check the container's health, and its timing (`HealthCheck`;
        /// rule G3).
        [opt "healthCheck"]
        health_check: HealthCheck,
        /// The directory the command runs in (`WorkingDirectory`).
        [into "workingDirectory"]
        working_directory: String,
        /// The user, and optionally group, the command runs as (`User`).
        [into "user"]
        user: String,
        /// The container's host name (`Hostname`).
        [into "hostname"]
        hostname: String,
        /// Whether the container's root file system is read-only (`ReadonlyRootFilesystem`).
        [opt "readonlyRootFilesystem"]
        readonly_root_filesystem: bool,
        /// Whether the container runs with root privileges on the host (`Privileged`); not on
        /// Fargate (rule F4).
        [opt "privileged"]
        privileged: bool,
        /// Whether networking is off in the container (`DisableNetworking`).
        [opt "disableNetworking"]
        disable_networking: bool,
        /// Whether the container keeps stdin open, as `docker run -i` (`Interactive`).
        [opt "interactive"]
        interactive: bool,
        /// Whether the container gets a TTY, as `docker run -t` (`PseudoTerminal`).
        [opt "pseudoTerminal"]
        pseudo_terminal: bool,
        /// Linux settings: kernel capabilities, devices, tmpfs mounts, init process, shared memory
        /// and swap (`LinuxParameters`; rule F4).
        [opt "linuxParameters"]
        linux_parameters: LinuxParameters,
        /// Resource limits of the container's processes (`Ulimits`).
        [list_into "ulimits"]
        ulimits: Ulimit,
        /// Docker labels of the container, in the order given (`DockerLabels`).
        [field_list "dockerLabels", .ty(Environment)]
        docker_labels: (String, String),
        /// SELinux and AppArmor labels for the container (`DockerSecurityOptions`).
        [list_into "dockerSecurityOptions"]
        docker_security_options: String,
        /// DNS servers the container uses (`DnsServers`).
        [list_into "dnsServers"]
        dns_servers: String,
        /// DNS search domains the container uses (`DnsSearchDomains`).
        [list_into "dnsSearchDomains"]
        dns_search_domains: String,
        /// Host names and IP addresses added to the container's `/etc/hosts` (`ExtraHosts`).
        [field_list "extraHosts", .ty(Environment)]
        extra_hosts: (String, String),
        /// Kernel parameters set in the container, by namespace (`SystemControls`).
        [field_list "systemControls", .ty(Environment)]
        system_controls: (String, String),
        /// How long ECS waits for the container's dependencies to be met before giving up
        /// (`StartTimeout`).
        [opt "startTimeout"]
        start_timeout: Duration,
        /// How long the container may take to exit after `SIGTERM` before it is killed
        /// (`StopTimeout`).
        [opt "stopTimeout"]
        stop_timeout: Duration,
        /// How many GPUs the container reserves (`ResourceRequirements` of type `GPU`).
        [opt "gpuCount"]
        gpu_count: u32,
        /// Device names of the task's inference accelerators the container uses
        /// (`ResourceRequirements`; rule G2).
        [list_into "inferenceAcceleratorResources"]
        inference_accelerator_resources: String,
        /// Volumes of the task definition mounted in the container (`MountPoints`).
        [list_into "addMountPoints", .method()]
        mount_points: MountPoint,
        /// Scratch space on the host (CDK `addScratch`): each adds a host volume to the task
        /// definition and mounts it, after the other mount points.
        [list "addScratch", .method()]
        scratch: ScratchSpace,
        /// Containers of the task definition whose volumes this container mounts (`VolumesFrom`):
        /// each names a container of the task definition.
        [list_into "addVolumesFrom", .method(), .ty(ContainerRefs(KindId::VolumeFrom)), .set(Set::Call("add_volumes_from"))]
        volumes_from: VolumeFrom,
        /// Containers of the task definition that must reach a condition before this one starts
        /// (`DependsOn`): each names a container of the task definition.
        [list_into "addContainerDependencies", .method(), .ty(ContainerRefs(KindId::ContainerDependency)), .set(Set::Call("add_container_dependencies"))]
        container_dependencies: ContainerDependency,
        /// Containers this one reaches by name, with an optional alias; bridge mode only
        /// (`Links`): each names a container of the task definition.
        [list_into "addLink", .method(), .ty(ContainerRefs(KindId::Link)), .set(Set::Call("add_links"))]
        links: Link,
        /// Whether ECS resolves the image tag to a digest once per deployment: `enabled` or
        /// `disabled` (`VersionConsistency`).
        [into "versionConsistency"]
        version_consistency: String,
        /// The log driver that ships the container's output (`LogConfiguration`; rule F5).
        [opt "logging"]
        logging: LogDriver,
        /// Makes the container the task's FireLens log router (`FirelensConfiguration`).
        [opt "firelensConfig"]
        firelens_config: FirelensConfig,
        /// The gMSA credential spec of a Windows or Linux container (`CredentialSpecs`; at most
        /// one).
        [list_into "credentialSpecs"]
        credential_specs: CredentialSpec,
        /// Whether ECS restarts the container in place when it exits (`RestartPolicy`).
        [opt "enableRestartPolicy", .default("true when a restart setting is given")]
        enable_restart_policy: bool,
        /// Exit codes that do not restart the container (at most 50).
        [list_into "restartIgnoredExitCodes"]
        restart_ignored_exit_codes: i64,
        /// How long the container must run before a restart is attempted (60 to 1800 seconds).
        [opt "restartAttemptPeriod", .default("300 seconds")]
        restart_attempt_period: Duration,
    }
}

/// A gMSA credential spec for a container (CDK `DomainJoinedCredentialSpec` and
/// `DomainlessCredentialSpec`): the file in an S3 bucket or an SSM parameter.
///
/// ```
/// use ecs_core::{App, ecs::container::CredentialSpec, s3::{Bucket, BucketProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let bucket = Bucket::new(&mut app, s, "Specs", BucketProps::default()).unwrap();
/// let spec = CredentialSpec::domain_joined_from_s3_bucket(bucket, "spec.json");
/// assert!(ecs_core::cfn::Token::is_unresolved(&spec.to_string()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CredentialSpec {
    prefix: &'static str,
    location: Value,
}

impl CredentialSpec {
    /// A domain-joined spec in `key` of `bucket` (CDK `DomainJoinedCredentialSpec.fromS3Bucket`).
    pub fn domain_joined_from_s3_bucket(bucket: crate::s3::Bucket, key: &str) -> CredentialSpec {
        CredentialSpec {
            prefix: "credentialspec",
            location: Value::join("", vec![bucket.attr_arn(), format!("/{key}").into()]),
        }
    }

    /// A domain-joined spec in an SSM parameter (CDK `DomainJoinedCredentialSpec.fromSsmParameter`).
    pub fn domain_joined_from_ssm_parameter(
        parameter: crate::ssm::StringParameter,
    ) -> CredentialSpec {
        CredentialSpec {
            prefix: "credentialspec",
            location: parameter.parameter_arn(),
        }
    }

    /// A domainless spec in `key` of `bucket` (CDK `DomainlessCredentialSpec.fromS3Bucket`).
    pub fn domainless_from_s3_bucket(bucket: crate::s3::Bucket, key: &str) -> CredentialSpec {
        CredentialSpec {
            prefix: "credentialspecdomainless",
            location: Value::join("", vec![bucket.attr_arn(), format!("/{key}").into()]),
        }
    }

    /// A domainless spec in an SSM parameter (CDK `DomainlessCredentialSpec.fromSsmParameter`).
    pub fn domainless_from_ssm_parameter(parameter: crate::ssm::StringParameter) -> CredentialSpec {
        CredentialSpec {
            prefix: "credentialspecdomainless",
            location: parameter.parameter_arn(),
        }
    }

    /// `<prefix>:<location>` as the container definition writes it.
    fn render(&self) -> Value {
        Value::join(
            "",
            vec![format!("{}:", self.prefix).into(), self.location.clone()],
        )
    }
}

/// Domain-joined gMSA credential specs (CDK `DomainJoinedCredentialSpec`).
///
/// ```
/// use ecs_core::{App, ecs::container::DomainJoinedCredentialSpec, s3::{Bucket, BucketProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let bucket = Bucket::new(&mut app, s, "Specs", BucketProps::default()).unwrap();
/// let _ = DomainJoinedCredentialSpec::from_s3_bucket(bucket, "spec.json");
/// ```
#[derive(Debug)]
pub struct DomainJoinedCredentialSpec;

impl DomainJoinedCredentialSpec {
    /// The spec in `key` of `bucket`.
    pub fn from_s3_bucket(bucket: crate::s3::Bucket, key: &str) -> CredentialSpec {
        CredentialSpec::domain_joined_from_s3_bucket(bucket, key)
    }

    /// The spec in an SSM parameter.
    pub fn from_ssm_parameter(parameter: crate::ssm::StringParameter) -> CredentialSpec {
        CredentialSpec::domain_joined_from_ssm_parameter(parameter)
    }
}

/// Domainless gMSA credential specs (CDK `DomainlessCredentialSpec`).
///
/// ```
/// use ecs_core::{App, ecs::container::DomainlessCredentialSpec, s3::{Bucket, BucketProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let bucket = Bucket::new(&mut app, s, "Specs", BucketProps::default()).unwrap();
/// let _ = DomainlessCredentialSpec::from_s3_bucket(bucket, "spec.json");
/// ```
#[derive(Debug)]
pub struct DomainlessCredentialSpec;

impl DomainlessCredentialSpec {
    /// The spec in `key` of `bucket`.
    pub fn from_s3_bucket(bucket: crate::s3::Bucket, key: &str) -> CredentialSpec {
        CredentialSpec::domainless_from_s3_bucket(bucket, key)
    }

    /// The spec in an SSM parameter.
    pub fn from_ssm_parameter(parameter: crate::ssm::StringParameter) -> CredentialSpec {
        CredentialSpec::domainless_from_ssm_parameter(parameter)
    }
}

impl std::fmt::Display for CredentialSpec {
    /// The spec as the container definition writes it, a string standing for the value.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.render().fmt(f)
    }
}

impl ContainerDefinitionOptions {
    /// Adds environment variables; a later value for the same name replaces the earlier one.
    pub fn environment<K: Into<String>, V: Into<Value>>(
        mut self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        for (k, v) in vars {
            set_pair(&mut self.environment, k.into(), v.into());
        }
        self
    }

    /// Adds secrets by variable name; a later one for the same name replaces the earlier one.
    pub fn secrets<K: Into<String>>(
        mut self,
        secrets: impl IntoIterator<Item = (K, Secret)>,
    ) -> Self {
        for (k, v) in secrets {
            set_pair(&mut self.secrets, k.into(), v);
        }
        self
    }

    /// Adds Docker labels.
    pub fn docker_labels<K: Into<String>, V: Into<String>>(
        mut self,
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        for (k, v) in labels {
            set_pair(&mut self.docker_labels, k.into(), v.into());
        }
        self
    }

    /// Adds extra `/etc/hosts` entries: host name to IP address.
    pub fn extra_hosts<K: Into<String>, V: Into<String>>(
        mut self,
        hosts: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        for (k, v) in hosts {
            set_pair(&mut self.extra_hosts, k.into(), v.into());
        }
        self
    }

    /// Adds system controls as [`SystemControl`]s, after those given before.
    ///
    /// ```
    /// use ecs_core::ecs::container::{ContainerDefinitionOptions, SystemControl};
    /// let o = ContainerDefinitionOptions::default()
    ///     .add_system_controls([SystemControl::new("net.core.somaxconn", "1024")]);
    /// assert_eq!(o.system_controls, [("net.core.somaxconn".to_string(), "1024".to_string())]);
    /// ```
    pub fn add_system_controls(
        mut self,
        controls: impl IntoIterator<Item = SystemControl>,
    ) -> Self {
        self.system_controls
            .extend(controls.into_iter().map(|c| (c.namespace, c.value)));
        self
    }

    /// Adds system controls: namespace to value.
    pub fn system_controls<K: Into<String>, V: Into<String>>(
        mut self,
        controls: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.system_controls
            .extend(controls.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }
}

fn set_pair<V>(pairs: &mut Vec<(String, V)>, key: String, value: V) {
    match pairs.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => pairs.push((key, value)),
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ContainerData {
    pub(crate) id: String,
    pub(crate) node: NodeId,
    pub(crate) name: String,
    pub(crate) options: ContainerDefinitionOptions,
    pub(crate) essential: bool,
    /// `Image`, after binding.
    pub(crate) image: Value,
    pub(crate) credentials: Option<Value>,
    pub(crate) tag_parameter: Option<String>,
    pub(crate) environment_files: Vec<Value>,
    /// `LogConfiguration`, after binding the log driver.
    pub(crate) log_configuration: Option<Value>,
}

impl ContainerData {
    /// Whether the container names other containers (links, dependencies, volumes), whose
    /// names its rendering then needs.
    pub(crate) fn names_others(&self) -> bool {
        let o = &self.options;
        !(o.links.is_empty() && o.container_dependencies.is_empty() && o.volumes_from.is_empty())
    }

    /// The container's entry of `ContainerDefinitions`; `names` are the `Name`s of the task
    /// definition's containers in order, which handles to them resolve to.
    pub(crate) fn render(
        &self,
        compatibility: Compatibility,
        mode: NetworkMode,
        names: &[&str],
    ) -> Value {
        let o = &self.options;
        let mut m = vec![
            ("Essential", Value::from(self.essential)),
            ("Image", self.image.clone()),
            ("Name", Value::from(self.name.clone())),
        ];
        let strings = |v: &[String]| Value::strings(v.iter().cloned());
        let list = |items: Vec<Value>| Value::List(items);
        let mut env: Vec<(String, Value)> = o
            .environment
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
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
        if !self.environment_files.is_empty() {
            m.push(("EnvironmentFiles", list(self.environment_files.clone())));
        }
        if !o.secrets.is_empty() {
            let items = o
                .secrets
                .iter()
                .map(|(k, s)| {
                    Value::map([
                        ("Name", Value::from(k.clone())),
                        ("ValueFrom", s.value_from()),
                    ])
                })
                .collect();
            m.push(("Secrets", list(items)));
        }
        if let Some(c) = &self.credentials {
            m.push((
                "RepositoryCredentials",
                Value::map([("CredentialsParameter", c.clone())]),
            ));
        }
        if let Some(c) = &self.log_configuration {
            m.push(("LogConfiguration", c.clone()));
        }
        if let Some(f) = &o.firelens_config {
            m.push(("FirelensConfiguration", f.render()));
        }
        if let Some(v) = o.memory_limit_mib {
            m.push(("Memory", v.into()));
        }
        if let Some(v) = o.memory_reservation_mib {
            m.push(("MemoryReservation", v.into()));
        }
        if let Some(v) = o.cpu {
            m.push(("Cpu", v.into()));
        }
        if !o.port_mappings.is_empty() {
            m.push((
                "PortMappings",
                list(o.port_mappings.iter().map(|p| p.render(mode)).collect()),
            ));
        }
        if !o.command.is_empty() {
            m.push(("Command", strings(&o.command)));
        }
        if !o.entry_point.is_empty() {
            m.push(("EntryPoint", strings(&o.entry_point)));
        }
        if let Some(h) = &o.health_check {
            m.push(("HealthCheck", h.render()));
        }
        let texts = [
            ("WorkingDirectory", &o.working_directory),
            ("User", &o.user),
            ("Hostname", &o.hostname),
            ("VersionConsistency", &o.version_consistency),
        ];
        for (key, v) in texts {
            if let Some(v) = v {
                m.push((key, Value::from(v.clone())));
            }
        }
        let flags = [
            ("ReadonlyRootFilesystem", o.readonly_root_filesystem),
            ("Privileged", o.privileged),
            ("DisableNetworking", o.disable_networking),
            ("Interactive", o.interactive),
            ("PseudoTerminal", o.pseudo_terminal),
        ];
        for (key, v) in flags {
            if let Some(v) = v {
                m.push((key, v.into()));
            }
        }
        if let Some(l) = &o.linux_parameters {
            m.push(("LinuxParameters", l.render()));
        }
        if !o.ulimits.is_empty() {
            m.push((
                "Ulimits",
                list(o.ulimits.iter().map(Ulimit::render).collect()),
            ));
        }
        if !o.docker_labels.is_empty() {
            let labels = o
                .docker_labels
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(v.clone())));
            m.push(("DockerLabels", Value::map(labels)));
        }
        let lists = [
            ("DockerSecurityOptions", &o.docker_security_options),
            ("DnsServers", &o.dns_servers),
            ("DnsSearchDomains", &o.dns_search_domains),
        ];
        for (key, v) in lists {
            if !v.is_empty() {
                m.push((key, strings(v)));
            }
        }
        if !o.links.is_empty() {
            m.push((
                "Links",
                list(o.links.iter().map(|l| l.render(names)).collect()),
            ));
        }
        if !o.extra_hosts.is_empty() {
            let hosts = o
                .extra_hosts
                .iter()
                .map(|(h, ip)| {
                    Value::map([
                        ("Hostname", Value::from(h.clone())),
                        ("IpAddress", Value::from(ip.clone())),
                    ])
                })
                .collect();
            m.push(("ExtraHosts", list(hosts)));
        }
        if !o.system_controls.is_empty() {
            let controls = o
                .system_controls
                .iter()
                .map(|(n, v)| {
                    Value::map([
                        ("Namespace", Value::from(n.clone())),
                        ("Value", Value::from(v.clone())),
                    ])
                })
                .collect();
            m.push(("SystemControls", list(controls)));
        }
        if !o.credential_specs.is_empty() {
            m.push((
                "CredentialSpecs",
                list(
                    o.credential_specs
                        .iter()
                        .map(CredentialSpec::render)
                        .collect(),
                ),
            ));
        }
        // The CDK writes a restart policy when any of its settings is given, on unless told.
        if o.enable_restart_policy.is_some()
            || !o.restart_ignored_exit_codes.is_empty()
            || o.restart_attempt_period.is_some()
        {
            let mut policy = vec![(
                "Enabled",
                Value::from(o.enable_restart_policy.unwrap_or(true)),
            )];
            if !o.restart_ignored_exit_codes.is_empty() {
                policy.push((
                    "IgnoredExitCodes",
                    list(
                        o.restart_ignored_exit_codes
                            .iter()
                            .map(|c| Value::Int(*c))
                            .collect(),
                    ),
                ));
            }
            if let Some(d) = o.restart_attempt_period {
                policy.push(("RestartAttemptPeriod", d.into()));
            }
            m.push(("RestartPolicy", Value::map(policy)));
        }
        if let Some(d) = o.start_timeout {
            m.push(("StartTimeout", d.into()));
        }
        if let Some(d) = o.stop_timeout {
            m.push(("StopTimeout", d.into()));
        }
        // Inference accelerators come before GPUs, as the CDK writes them.
        let mut requirements: Vec<Value> = o
            .inference_accelerator_resources
            .iter()
            .map(|d| {
                Value::map([
                    ("Type", Value::from("InferenceAccelerator")),
                    ("Value", Value::from(d.clone())),
                ])
            })
            .collect();
        if let Some(n) = o.gpu_count {
            requirements.push(Value::map([
                ("Type", Value::from("GPU")),
                ("Value", Value::from(n.to_string())),
            ]));
        }
        if !requirements.is_empty() {
            m.push(("ResourceRequirements", list(requirements)));
        }
        if !o.mount_points.is_empty() {
            m.push((
                "MountPoints",
                list(o.mount_points.iter().map(MountPoint::render).collect()),
            ));
        }
        if !o.volumes_from.is_empty() {
            m.push((
                "VolumesFrom",
                list(o.volumes_from.iter().map(|v| v.render(names)).collect()),
            ));
        }
        if !o.container_dependencies.is_empty() {
            m.push((
                "DependsOn",
                list(
                    o.container_dependencies
                        .iter()
                        .map(|d| d.render(names))
                        .collect(),
                ),
            ));
        }
        Value::map(m)
    }
}

/// The containers `options` name, each with the property naming it.
pub(crate) fn references(
    options: &ContainerDefinitionOptions,
) -> impl Iterator<Item = (&'static str, &ContainerRef)> {
    let links = options.links.iter().map(|l| ("links", &l.container));
    let dependencies = options
        .container_dependencies
        .iter()
        .map(|d| ("container_dependencies", &d.container));
    let volumes = options
        .volumes_from
        .iter()
        .map(|v| ("volumes_from", &v.source_container));
    links.chain(dependencies).chain(volumes)
}

/// A handle that `property` of container `id` gives must be of `task`, its own task definition,
/// and of this `App`.
pub(crate) fn check_reference(
    app: &App,
    task: TaskDefinition,
    id: &str,
    property: &str,
    reference: &ContainerRef,
) -> Result<(), Error> {
    let ContainerRef::Container(other) = reference else {
        return Ok(());
    };
    app.check_node(other.task_definition.node())?;
    if other.task_definition != task {
        return Err(Error::new(rules::foreign_container_reference_message(
            property,
            id,
            &task.data(app).id,
            other.container_name(app),
            &other.task_definition.data(app).id,
        )));
    }
    Ok(())
}

/// Checks the rules one container is subject to on its own that the facts view does not judge:
/// durations, G3 (health-check timing) and G5 (environment count).
pub(crate) fn check_options(options: &ContainerDefinitionOptions, id: &str) -> Result<(), Error> {
    let owner = format!("container `{id}`");
    let health = options.health_check.as_ref();
    for (property, d) in [
        ("start_timeout", options.start_timeout),
        ("stop_timeout", options.stop_timeout),
        ("interval", health.and_then(|h| h.interval)),
        ("timeout", health.and_then(|h| h.timeout)),
        ("start_period", health.and_then(|h| h.start_period)),
    ] {
        if let Some(d) = d {
            d.checked(&owner, property)?;
        }
    }
    if let Some(d) = options.restart_attempt_period {
        d.checked(&owner, "restart_attempt_period")?;
    }
    if let Some(n) = options
        .linux_parameters
        .as_ref()
        .and_then(|l| l.swappiness)
        .filter(|n| *n > 100)
    {
        return Err(Error::new(format!(
            "container `{id}` has `swappiness: {n}` in `linux_parameters`: use 0 to 100"
        )));
    }
    if let Some(h) = &options.health_check
        && h.command.is_empty()
    {
        return Err(Error::new(format!(
            "the health check of container `{id}` needs a `command`: add e.g. `command: [\"curl -f http://localhost/ || exit 1\"]`"
        )));
    }
    Ok(())
}

/// A kernel parameter set in a container (CDK `SystemControl`, `SystemControls`).
///
/// ```
/// let c = ecs_core::ecs::container::SystemControl::new("net.core.somaxconn", "1024");
/// assert_eq!(c.namespace, "net.core.somaxconn");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemControl {
    /// The namespaced kernel parameter, e.g. `net.core.somaxconn`.
    pub namespace: String,
    /// Its value.
    pub value: String,
}

impl SystemControl {
    /// Kernel parameter `namespace` set to `value`.
    pub fn new(namespace: impl Into<String>, value: impl Into<String>) -> SystemControl {
        SystemControl {
            namespace: namespace.into(),
            value: value.into(),
        }
    }
}

/// Scratch space of a container (CDK `ScratchSpace`): a host path mounted in the container,
/// as a host volume of the task definition (EC2 and External only, rule F4).
///
/// ```
/// let s = ecs_core::ecs::container::ScratchSpace::new("scratch", "/var/scratch", "/tmp/scratch").read_only(true);
/// assert!(s.read_only);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScratchSpace {
    /// The volume's name.
    pub name: String,
    /// Where the container sees it.
    pub container_path: String,
    /// The path on the host.
    pub source_path: String,
    /// Whether the container may only read it; default false.
    pub read_only: bool,
}

impl ScratchSpace {
    /// Scratch volume `name` from `source_path` on the host at `container_path`, writable.
    pub fn new(
        name: impl Into<String>,
        container_path: impl Into<String>,
        source_path: impl Into<String>,
    ) -> ScratchSpace {
        ScratchSpace {
            name: name.into(),
            container_path: container_path.into(),
            source_path: source_path.into(),
            read_only: false,
        }
    }

    /// Sets `read_only`.
    pub fn read_only(mut self, read_only: bool) -> Self {
        self.read_only = read_only;
        self
    }

    /// The host volume and the mount point it stands for, as the CDK's `addScratch` makes them.
    pub(crate) fn parts(&self) -> (crate::ecs::volume::Volume, MountPoint) {
        (
            crate::ecs::volume::Volume::host(self.name.clone(), self.source_path.clone()),
            MountPoint::new(
                self.name.clone(),
                self.container_path.clone(),
                self.read_only,
            ),
        )
    }
}

/// A container of a task definition.
///
/// ```
/// use ecs_core::{App, ecs::container::ContainerDefinitionOptions, ecs::image::ContainerImage, ecs::task_definition::Ec2TaskDefinition};
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
    pub(crate) fn at(task_definition: TaskDefinition, index: usize) -> ContainerDefinition {
        ContainerDefinition {
            task_definition,
            index,
        }
    }

    fn data(self, app: &App) -> &ContainerData {
        &self.task_definition.data(app).containers[self.index]
    }

    fn options_mut(self, app: &mut App) -> &mut ContainerDefinitionOptions {
        &mut app.all_mut::<crate::ecs::task_definition::TaskDefinitionData>()
            [self.task_definition.index()]
        .containers[self.index]
            .options
    }

    /// Adds a statement to the task definition's execution role policy (CDK
    /// `addToExecutionPolicy`).
    ///
    /// # Errors
    ///
    /// When the container is of another app.
    pub fn add_to_execution_policy(
        self,
        app: &mut App,
        statement: crate::iam::Statement,
    ) -> Result<(), Error> {
        self.task_definition
            .add_to_execution_role_policy(app, statement)
    }

    /// The container's mapping of `container_port` over `protocol` (CDK `findPortMapping`).
    pub fn find_port_mapping(
        self,
        app: &App,
        container_port: u32,
        protocol: Protocol,
    ) -> Option<PortMapping> {
        self.data(app)
            .options
            .port_mappings
            .iter()
            .find(|m| m.container_port == container_port && m.protocol == protocol)
            .cloned()
    }

    /// The container's port mappings, in order (CDK `portMappings`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
    /// let web = td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx"))
    ///     .port_mappings([PortMapping::default().container_port(80)]))?;
    /// assert_eq!(web.port_mappings(&app)[0].container_port, 80);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub fn port_mappings(self, app: &App) -> &[PortMapping] {
        &self.data(app).options.port_mappings
    }

    /// The container's mapping named `name` (CDK `findPortMappingByName`).
    pub fn find_port_mapping_by_name(self, app: &App, name: &str) -> Option<PortMapping> {
        self.data(app)
            .options
            .port_mappings
            .iter()
            .find(|m| m.name.as_deref() == Some(name))
            .cloned()
    }

    /// The task definition it belongs to.
    pub fn task_definition(self) -> TaskDefinition {
        self.task_definition
    }

    /// The container's scope.
    pub fn node(self, app: &App) -> NodeId {
        self.data(app).node
    }

    /// The container's `Name`.
    pub fn container_name(self, app: &App) -> &str {
        &self.data(app).name
    }

    /// Whether the container is essential.
    pub fn essential(self, app: &App) -> bool {
        self.data(app).essential
    }

    /// The logical ID of the template parameter holding the image tag, for a
    /// [`ContainerImage::TagParameter`] image (CDK `tagParameterName`).
    pub fn image_tag_parameter_name(self, app: &App) -> Option<&str> {
        self.data(app).tag_parameter.as_deref()
    }

    /// Adds port mappings after declaration (CDK `addPortMappings`), checking rule L3.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// let web = td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(256)).unwrap();
    /// web.add_port_mappings(&mut app, [PortMapping::default().container_port(3001).host_port(8080)]).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_port_mappings(
        self,
        app: &mut App,
        mappings: impl IntoIterator<Item = PortMapping>,
    ) -> Result<(), Error> {
        let mappings: Vec<PortMapping> = mappings.into_iter().collect();
        let mut facts = self.task_definition.data(app).facts();
        // The new mappings alone: the container's rules on the rest were judged when given.
        facts.containers[self.index].port_mappings = Some(port_mapping_facts(&mappings));
        let found = facts.container_level_violations(self.index);
        crate::ecs::facts::refused(found.into_iter().filter(|v| v.rule == RuleId::L3).collect())?;
        self.options_mut(app).port_mappings.extend(mappings);
        self.task_definition.render_container(app, self.index);
        Ok(())
    }

    /// Adds an environment variable after declaration (CDK `addEnvironment`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_environment(
        self,
        app: &mut App,
        name: impl Into<String>,
        value: impl Into<Value>,
    ) -> Result<(), Error> {
        let id = self.data(app).id.clone();
        let env = &mut self.options_mut(app).environment;
        set_pair(env, name.into(), value.into());
        if !rules::environment_count(env.len()) {
            let n = env.len();
            env.pop();
            return Err(Error::new(rules::environment_count_message(&id, n)));
        }
        self.task_definition.render_container(app, self.index);
        Ok(())
    }

    /// Adds inference accelerator resources after declaration (CDK
    /// `addInferenceAcceleratorResource`): device names of the task's accelerators (rule G2).
    ///
    /// # Errors
    ///
    /// When a device is not one of the task definition's inference accelerators.
    pub fn add_inference_accelerator_resource<S: Into<String>>(
        self,
        app: &mut App,
        devices: impl IntoIterator<Item = S>,
    ) -> Result<(), crate::error::Error> {
        let devices: Vec<String> = devices.into_iter().map(Into::into).collect();
        let td = &app.all::<crate::ecs::task_definition::TaskDefinitionData>()
            [self.task_definition.index()];
        let declared: Vec<&str> = td
            .inference_accelerators
            .iter()
            .map(|a| a.device_name.as_str())
            .collect();
        let container = &td.containers[self.index].name;
        for device in &devices {
            if !crate::ecs::rules::inference_device_declared(device, &declared) {
                return Err(crate::error::Error::rule(
                    crate::error::RuleId::G2,
                    crate::ecs::rules::inference_device_message(
                        &td.id, container, device, &declared,
                    ),
                ));
            }
        }
        self.options_mut(app)
            .inference_accelerator_resources
            .extend(devices);
        self.task_definition.render_container(app, self.index);
        Ok(())
    }

    /// Adds scratch space after declaration (CDK `addScratch`): a host volume of the task
    /// definition, mounted in this container.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::container::ScratchSpace;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// let web = td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(256)).unwrap();
    /// web.add_scratch(&mut app, ScratchSpace::new("scratch", "/var/scratch", "/tmp/scratch")).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the container is of another app, or the volume breaks a rule of its task definition
    /// (a host volume on Fargate, rule F4).
    pub fn add_scratch(self, app: &mut App, scratch: ScratchSpace) -> Result<(), Error> {
        app.check_stack(self.task_definition.node().stack)?;
        let (volume, mount) = scratch.parts();
        self.task_definition.add_volume(app, volume)?;
        self.add_mount_points(app, [mount]);
        Ok(())
    }

    /// Adds mount points after declaration (CDK `addMountPoints`).
    pub fn add_mount_points(self, app: &mut App, points: impl IntoIterator<Item = MountPoint>) {
        self.options_mut(app).mount_points.extend(points);
        self.task_definition.render_container(app, self.index);
    }

    /// Adds links to other containers of the task definition after declaration (CDK
    /// `addLink`): handles, [`Link`]s with an alias, or `name` / `name:alias` strings. A handle
    /// of another task definition is an error; names are checked at synthesis, so a link may
    /// name a container added later.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::container::Link;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// let nginx = || ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(256);
    /// let web = td.add_container(&mut app, "web", nginx()).unwrap();
    /// let redis = td.add_container(&mut app, "redis", nginx()).unwrap();
    /// web.add_links(&mut app, [Link::new(redis).alias("cache")]).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_links<T: Into<Link>>(
        self,
        app: &mut App,
        links: impl IntoIterator<Item = T>,
    ) -> Result<(), Error> {
        let links: Vec<Link> = links.into_iter().map(Into::into).collect();
        let mode = self.task_definition.network_mode(app);
        if !links.is_empty() && mode != crate::ecs::task_definition::NetworkMode::Bridge {
            return Err(Error::new(format!(
                "container `{}` of task definition `{}` has `links` in `{mode:?}` network mode: links need `network_mode: Bridge`; use it or remove `links`",
                self.container_name(app),
                self.task_definition.id(app)
            )));
        }
        self.check_references(app, "links", links.iter().map(|l| &l.container))?;
        self.options_mut(app).links.extend(links);
        self.task_definition.render_container(app, self.index);
        Ok(())
    }

    /// Adds volumes of other containers after declaration (CDK `addVolumesFrom`): each a
    /// [`VolumeFrom`], or a handle mounted read-write. A handle of another task definition is
    /// an error; names are checked at synthesis.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_volumes_from<T: Into<VolumeFrom>>(
        self,
        app: &mut App,
        volumes: impl IntoIterator<Item = T>,
    ) -> Result<(), Error> {
        let volumes: Vec<VolumeFrom> = volumes.into_iter().map(Into::into).collect();
        let sources = volumes.iter().map(|v| &v.source_container);
        self.check_references(app, "volumes_from", sources)?;
        self.options_mut(app).volumes_from.extend(volumes);
        self.task_definition.render_container(app, self.index);
        Ok(())
    }

    /// Adds container dependencies after declaration (CDK `addContainerDependencies`): each a
    /// [`ContainerDependency`], or a handle or name to wait for until healthy. A handle of
    /// another task definition is an error; names are checked at synthesis.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// let nginx = || ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(256);
    /// let init = td.add_container(&mut app, "init", nginx().essential(false)).unwrap();
    /// let web = td.add_container(&mut app, "web", nginx()).unwrap();
    /// web.add_container_dependencies(&mut app, [
    ///     ContainerDependency::new(init).condition(ContainerDependencyCondition::Success),
    /// ]).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_container_dependencies<T: Into<ContainerDependency>>(
        self,
        app: &mut App,
        dependencies: impl IntoIterator<Item = T>,
    ) -> Result<(), Error> {
        let dependencies: Vec<ContainerDependency> =
            dependencies.into_iter().map(Into::into).collect();
        let containers = dependencies.iter().map(|d| &d.container);
        self.check_references(app, "container_dependencies", containers)?;
        self.options_mut(app)
            .container_dependencies
            .extend(dependencies);
        self.task_definition.render_container(app, self.index);
        Ok(())
    }

    /// [`check_reference`] for each container `property` names.
    fn check_references<'a>(
        self,
        app: &App,
        property: &str,
        references: impl IntoIterator<Item = &'a ContainerRef>,
    ) -> Result<(), Error> {
        app.check_node(self.task_definition.node())?;
        let id = &self.data(app).id;
        for reference in references {
            check_reference(app, self.task_definition, id, property, reference)?;
        }
        Ok(())
    }

    /// Adds ulimits after declaration (CDK `addUlimits`).
    pub fn add_ulimits(self, app: &mut App, ulimits: impl IntoIterator<Item = Ulimit>) {
        self.options_mut(app).ulimits.extend(ulimits);
        self.task_definition.render_container(app, self.index);
    }

    /// Adds a Docker label after declaration (CDK `addDockerLabel`).
    pub fn add_docker_label(
        self,
        app: &mut App,
        name: impl Into<String>,
        value: impl Into<String>,
    ) {
        set_pair(
            &mut self.options_mut(app).docker_labels,
            name.into(),
            value.into(),
        );
        self.task_definition.render_container(app, self.index);
    }

    /// Adds a secret after declaration (CDK `addSecret`), granting the execution role.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_secret(
        self,
        app: &mut App,
        name: impl Into<String>,
        secret: Secret,
    ) -> Result<(), Error> {
        let role = self.task_definition.obtain_execution_role(app)?;
        secret.grant_read(app, role)?;
        set_pair(&mut self.options_mut(app).secrets, name.into(), secret);
        self.task_definition.render_container(app, self.index);
        Ok(())
    }
}

impl Protocol {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "container", "Protocol"],
        variants: Self::VARIANT_NAMES,
    };
}
