//! Task definitions: the generic `TaskDefinition` with its `Compatibility`, and
//! `Ec2TaskDefinition`, `FargateTaskDefinition`, `ExternalTaskDefinition` (CDK
//! `base/task-definition.ts` and the subclasses).

/// Where tasks of a task definition may run (CDK `Compatibility`).
///
/// ```
/// use ecs_core::ecs::task_definition::Compatibility;
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
    /// ECS Managed Instances (a
    /// [`ManagedInstancesCapacityProvider`](crate::ecs::managed_instances::ManagedInstancesCapacityProvider)).
    ManagedInstances,
    /// EC2 or Managed Instances.
    Ec2AndManagedInstances,
    /// Fargate or Managed Instances.
    FargateAndManagedInstances,
    /// Fargate, EC2 or Managed Instances. As in the CDK, whose `isEc2Compatible`,
    /// `isFargateCompatible` and `isManagedInstancesCompatible` all leave it out, it counts as
    /// none of them: no `RequiresCompatibilities` and the `bridge` network mode by default.
    FargateAndEc2AndManagedInstances,
}

impl Compatibility {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &[
        "Ec2",
        "Fargate",
        "Ec2AndFargate",
        "External",
        "ManagedInstances",
        "Ec2AndManagedInstances",
        "FargateAndManagedInstances",
        "FargateAndEc2AndManagedInstances",
    ];

    /// Reads a variant name as written in `ecs_app!`.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::Compatibility;
    /// assert_eq!(Compatibility::from_variant_name("Ec2AndFargate"), Some(Compatibility::Ec2AndFargate));
    /// ```
    pub fn from_variant_name(name: &str) -> Option<Compatibility> {
        let all = [
            Compatibility::Ec2,
            Compatibility::Fargate,
            Compatibility::Ec2AndFargate,
            Compatibility::External,
            Compatibility::ManagedInstances,
            Compatibility::Ec2AndManagedInstances,
            Compatibility::FargateAndManagedInstances,
            Compatibility::FargateAndEc2AndManagedInstances,
        ];
        Self::VARIANT_NAMES
            .iter()
            .position(|v| *v == name)
            .map(|i| all[i])
    }

    /// Whether tasks may run on EC2 capacity.
    pub const fn is_ec2(self) -> bool {
        matches!(
            self,
            Compatibility::Ec2
                | Compatibility::Ec2AndFargate
                | Compatibility::Ec2AndManagedInstances
        )
    }

    /// Whether tasks may run on Fargate.
    pub const fn is_fargate(self) -> bool {
        matches!(
            self,
            Compatibility::Fargate
                | Compatibility::Ec2AndFargate
                | Compatibility::FargateAndManagedInstances
        )
    }

    /// Whether tasks may run on ECS Managed Instances (CDK `isManagedInstancesCompatible`).
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::Compatibility;
    /// assert!(Compatibility::FargateAndManagedInstances.is_managed_instances());
    /// assert!(!Compatibility::FargateAndEc2AndManagedInstances.is_managed_instances());
    /// ```
    pub const fn is_managed_instances(self) -> bool {
        matches!(
            self,
            Compatibility::ManagedInstances
                | Compatibility::Ec2AndManagedInstances
                | Compatibility::FargateAndManagedInstances
        )
    }

    /// The values of `RequiresCompatibilities`.
    pub const fn requires(self) -> &'static [&'static str] {
        match self {
            Compatibility::Ec2 => &["EC2"],
            Compatibility::Fargate => &["FARGATE"],
            Compatibility::Ec2AndFargate => &["EC2", "FARGATE"],
            Compatibility::External => &["EXTERNAL"],
            Compatibility::ManagedInstances => &["MANAGED_INSTANCES"],
            Compatibility::Ec2AndManagedInstances => &["EC2", "MANAGED_INSTANCES"],
            Compatibility::FargateAndManagedInstances => &["FARGATE", "MANAGED_INSTANCES"],
            Compatibility::FargateAndEc2AndManagedInstances => &[],
        }
    }

    /// The lowercase name used in messages.
    pub const fn lower_name(self) -> &'static str {
        match self {
            Compatibility::Ec2 => "ec2",
            Compatibility::Fargate => "fargate",
            Compatibility::Ec2AndFargate => "ec2 and fargate",
            Compatibility::External => "external",
            Compatibility::ManagedInstances => "managed instances",
            Compatibility::Ec2AndManagedInstances => "ec2 and managed instances",
            Compatibility::FargateAndManagedInstances => "fargate and managed instances",
            Compatibility::FargateAndEc2AndManagedInstances => "fargate, ec2 and managed instances",
        }
    }

    /// The network mode a task definition of this compatibility uses when none is given: the
    /// CDK gives Fargate-compatible tasks `awsvpc` (the only mode Fargate runs) and the others
    /// Docker's `bridge`. The builders and `ecs_app!` both read it here.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::{Compatibility, NetworkMode};
    /// assert_eq!(Compatibility::Ec2AndFargate.default_network_mode(), NetworkMode::AwsVpc);
    /// assert_eq!(Compatibility::Ec2.default_network_mode(), NetworkMode::Bridge);
    /// ```
    pub const fn default_network_mode(self) -> NetworkMode {
        if self.is_fargate() || self.is_managed_instances() {
            NetworkMode::AwsVpc
        } else {
            NetworkMode::Bridge
        }
    }

    /// The `ecs_app!` keyword of the service kind that runs such a task definition.
    pub const fn service_keyword(self) -> &'static str {
        match self {
            Compatibility::Ec2 | Compatibility::FargateAndEc2AndManagedInstances => "ec2_service",
            Compatibility::Fargate
            | Compatibility::Ec2AndFargate
            | Compatibility::ManagedInstances
            | Compatibility::Ec2AndManagedInstances
            | Compatibility::FargateAndManagedInstances => "fargate_service",
            Compatibility::External => "external_service",
        }
    }
}

/// The Docker networking mode of a task's containers (CDK `NetworkMode`).
///
/// ```
/// use ecs_core::ecs::task_definition::NetworkMode;
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

use std::borrow::Cow;

use crate::cfn::{Resource, Value};
use crate::construct::app::App;
use crate::construct::{NodeId, StackId};
use crate::ecs::container::{
    ContainerData, ContainerDefinition, ContainerDefinitionOptions, PortMapping,
};
use crate::ecs::facts::{ContainerFacts, Fact, PortMappingFact, TaskFacts, VolumeFact, refused};
use crate::ecs::rules::{self, MemoryProperty, RuleId};
use crate::ecs::volume::Volume;
use crate::error::{Diagnostic, Error, ErrorKind};
use crate::iam::Role;

/// A task cpu or memory size as written by the user: a number (`256`) or CloudFormation's unit
/// string (`"1 vCPU"`, `"2 GB"`).
///
/// ```
/// use ecs_core::ecs::task_definition::TaskSize;
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
        compatibility: Compatibility,
        what: &str,
        parse: fn(&str) -> Option<u32>,
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
            Error::new(rules::task_size_unreadable_message(
                task,
                compatibility,
                what,
                &shown,
            ))
        })
    }
}

/// The IPC resource namespace of a task's containers (CDK `IpcMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpcMode {
    /// Containers have private IPC namespaces.
    None,
    /// The host's IPC namespace.
    Host,
    /// One namespace shared by the task's containers.
    Task,
}

impl IpcMode {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["None", "Host", "Task"];

    const fn cfn_value(self) -> &'static str {
        match self {
            IpcMode::None => "none",
            IpcMode::Host => "host",
            IpcMode::Task => "task",
        }
    }
}

/// The process namespace of a task's containers (CDK `PidMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PidMode {
    /// The host's process namespace.
    Host,
    /// One namespace shared by the task's containers.
    Task,
}

impl PidMode {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Host", "Task"];

    const fn cfn_value(self) -> &'static str {
        match self {
            PidMode::Host => "host",
            PidMode::Task => "task",
        }
    }
}

/// Task placement constraints are the services' type (CDK `PlacementConstraint`, shared by
/// task definitions and services); on a task definition they are EC2 only (rule F4).
///
/// ```
/// let c = ecs_core::ecs::task_definition::PlacementConstraint::member_of("attribute:ecs.instance-type =~ t3.*");
/// assert_ne!(c, ecs_core::ecs::task_definition::PlacementConstraint::distinct_instances());
/// ```
pub use crate::ecs::service::PlacementConstraint;

/// An Elastic Inference accelerator of a task (CDK `InferenceAccelerator`); EC2 only
/// (rules F4, X1).
///
/// ```
/// let a = ecs_core::ecs::task_definition::InferenceAccelerator::new("device1", "eia2.medium");
/// assert_eq!(a.device_name, "device1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InferenceAccelerator {
    /// `DeviceName`: what containers' `inference_accelerator_resources` name.
    pub device_name: String,
    /// `DeviceType`, e.g. `eia2.medium`.
    pub device_type: String,
}

impl InferenceAccelerator {
    /// Accelerator `device_name` of type `device_type`.
    pub fn new(device_name: impl Into<String>, device_type: impl Into<String>) -> Self {
        InferenceAccelerator {
            device_name: device_name.into(),
            device_type: device_type.into(),
        }
    }

    fn render(&self) -> Value {
        Value::map([
            ("DeviceName", Value::from(self.device_name.clone())),
            ("DeviceType", Value::from(self.device_type.clone())),
        ])
    }
}

/// The CPU architecture of a Fargate task (CDK `CpuArchitecture`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CpuArchitecture {
    /// x86-64.
    X86_64,
    /// 64-bit ARM (Graviton).
    Arm64,
    /// Another architecture, by its CloudFormation value ([`CpuArchitecture::of`]).
    Other(&'static str),
}

impl CpuArchitecture {
    /// An architecture by its CloudFormation value (CDK `CpuArchitecture.of`): `"ARM64"` and
    /// `"X86_64"` are the known ones, any other is written as given.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::CpuArchitecture;
    /// assert_eq!(CpuArchitecture::of("ARM64"), CpuArchitecture::Arm64);
    /// assert_eq!(CpuArchitecture::of("RISCV64"), CpuArchitecture::Other("RISCV64"));
    /// ```
    pub const fn of(value: &'static str) -> CpuArchitecture {
        if str_eq(value, "ARM64") {
            CpuArchitecture::Arm64
        } else if str_eq(value, "X86_64") {
            CpuArchitecture::X86_64
        } else {
            CpuArchitecture::Other(value)
        }
    }

    /// The CloudFormation value.
    ///
    /// ```
    /// assert_eq!(ecs_core::ecs::task_definition::CpuArchitecture::Arm64.cfn_value(), "ARM64");
    /// ```
    pub const fn cfn_value(self) -> &'static str {
        match self {
            CpuArchitecture::X86_64 => "X86_64",
            CpuArchitecture::Arm64 => "ARM64",
            CpuArchitecture::Other(v) => v,
        }
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn str_starts_with(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    if s.len() < p.len() {
        return false;
    }
    let mut i = 0;
    while i < p.len() {
        if s[i] != p[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The operating system of a Fargate task (CDK `OperatingSystemFamily`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperatingSystemFamily {
    /// Linux.
    Linux,
    /// Windows Server 2019 Core.
    WindowsServer2019Core,
    /// Windows Server 2019 Full.
    WindowsServer2019Full,
    /// Windows Server 2022 Core.
    WindowsServer2022Core,
    /// Windows Server 2022 Full.
    WindowsServer2022Full,
    /// Another family, by its CloudFormation value ([`OperatingSystemFamily::of`]).
    Other(&'static str),
}

impl OperatingSystemFamily {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &[
        "Linux",
        "WindowsServer2019Core",
        "WindowsServer2019Full",
        "WindowsServer2022Core",
        "WindowsServer2022Full",
    ];

    /// The family of a variant name, as `ecs_app!` reads it.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::OperatingSystemFamily;
    /// assert_eq!(OperatingSystemFamily::from_variant_name("Linux"), Some(OperatingSystemFamily::Linux));
    /// ```
    pub fn from_variant_name(name: &str) -> Option<OperatingSystemFamily> {
        Some(match name {
            "Linux" => OperatingSystemFamily::Linux,
            "WindowsServer2019Core" => OperatingSystemFamily::WindowsServer2019Core,
            "WindowsServer2019Full" => OperatingSystemFamily::WindowsServer2019Full,
            "WindowsServer2022Core" => OperatingSystemFamily::WindowsServer2022Core,
            "WindowsServer2022Full" => OperatingSystemFamily::WindowsServer2022Full,
            _ => return None,
        })
    }

    /// A family by its CloudFormation value (CDK `OperatingSystemFamily.of`): the known ones
    /// give their variant, any other is written as given.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::OperatingSystemFamily;
    /// assert_eq!(OperatingSystemFamily::of("LINUX"), OperatingSystemFamily::Linux);
    /// assert!(OperatingSystemFamily::of("WINDOWS_SERVER_2025_CORE").is_windows());
    /// ```
    pub const fn of(value: &'static str) -> OperatingSystemFamily {
        let known = [
            OperatingSystemFamily::Linux,
            OperatingSystemFamily::WindowsServer2019Core,
            OperatingSystemFamily::WindowsServer2019Full,
            OperatingSystemFamily::WindowsServer2022Core,
            OperatingSystemFamily::WindowsServer2022Full,
        ];
        let mut i = 0;
        while i < known.len() {
            if str_eq(known[i].cfn_value(), value) {
                return known[i];
            }
            i += 1;
        }
        OperatingSystemFamily::Other(value)
    }

    /// The CloudFormation value.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::OperatingSystemFamily;
    /// assert_eq!(OperatingSystemFamily::WindowsServer2022Core.cfn_value(), "WINDOWS_SERVER_2022_CORE");
    /// ```
    pub const fn cfn_value(self) -> &'static str {
        match self {
            OperatingSystemFamily::Linux => "LINUX",
            OperatingSystemFamily::WindowsServer2019Core => "WINDOWS_SERVER_2019_CORE",
            OperatingSystemFamily::WindowsServer2019Full => "WINDOWS_SERVER_2019_FULL",
            OperatingSystemFamily::WindowsServer2022Core => "WINDOWS_SERVER_2022_CORE",
            OperatingSystemFamily::WindowsServer2022Full => "WINDOWS_SERVER_2022_FULL",
            OperatingSystemFamily::Other(v) => v,
        }
    }

    /// Whether it is a Windows family (CDK `isWindows()`: its value starts with `WINDOWS`).
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::OperatingSystemFamily;
    /// assert!(OperatingSystemFamily::WindowsServer2022Core.is_windows());
    /// assert!(!OperatingSystemFamily::Linux.is_windows());
    /// ```
    pub const fn is_windows(self) -> bool {
        str_starts_with(self.cfn_value(), "WINDOWS")
    }

    /// Whether it is Linux (CDK `isLinux()`: its value starts with `LINUX`).
    ///
    /// ```
    /// assert!(ecs_core::ecs::task_definition::OperatingSystemFamily::Linux.is_linux());
    /// ```
    pub const fn is_linux(self) -> bool {
        str_starts_with(self.cfn_value(), "LINUX")
    }
}

/// `RuntimePlatform` of a Fargate task (CDK `RuntimePlatform`).
///
/// ```
/// use ecs_core::ecs::task_definition::{CpuArchitecture, RuntimePlatform};
/// let p = RuntimePlatform::default().cpu_architecture(CpuArchitecture::Arm64);
/// assert_eq!(p.cpu_architecture, Some(CpuArchitecture::Arm64));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RuntimePlatform {
    /// `CpuArchitecture`.
    pub cpu_architecture: Option<CpuArchitecture>,
    /// `OperatingSystemFamily`.
    pub operating_system_family: Option<OperatingSystemFamily>,
}

impl RuntimePlatform {
    /// Sets `cpu_architecture`.
    pub fn cpu_architecture(mut self, a: CpuArchitecture) -> Self {
        self.cpu_architecture = Some(a);
        self
    }

    /// Sets `operating_system_family`.
    pub fn operating_system_family(mut self, f: OperatingSystemFamily) -> Self {
        self.operating_system_family = Some(f);
        self
    }

    fn render(&self) -> Value {
        let mut m = Vec::new();
        if let Some(a) = self.cpu_architecture {
            m.push(("CpuArchitecture", Value::from(a.cfn_value())));
        }
        if let Some(f) = self.operating_system_family {
            m.push(("OperatingSystemFamily", Value::from(f.cfn_value())));
        }
        Value::map(m)
    }
}

props! {
    /// The settings of an App Mesh proxy (CDK `AppMeshProxyConfigurationProps`), written as
    /// `ProxyConfigurationProperties` in this order.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::AppMeshProxyConfigurationProps;
    /// let p = AppMeshProxyConfigurationProps::default().ignored_uid(1337).app_ports([8080]);
    /// assert_eq!(p.ignored_uid, Some(1337));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AppMeshProxyConfigurationProps {
        /// The user id the proxy runs as, whose traffic is not redirected.
        [opt "ignoredUID"]
        ignored_uid: u32,
        /// The group id the proxy runs as, whose traffic is not redirected.
        [opt "ignoredGID"]
        ignored_gid: u32,
        /// The ports the application listens on (required).
        [list "appPorts", .required()]
        app_ports: u32,
        /// The port the proxy receives inbound traffic on (required).
        [opt "proxyIngressPort", .required()]
        proxy_ingress_port: u32,
        /// The port the proxy sends outbound traffic from (required).
        [opt "proxyEgressPort", .required()]
        proxy_egress_port: u32,
        /// Outbound ports not redirected to the proxy.
        [list "egressIgnoredPorts"]
        egress_ignored_ports: u32,
        /// Outbound addresses not redirected to the proxy.
        [list_into "egressIgnoredIPs"]
        egress_ignored_ips: String,
    }
}

/// The proxy a task definition routes its containers' traffic through (CDK
/// `ProxyConfigurations.appMeshProxyConfiguration`).
///
/// ```
/// use ecs_core::ecs::task_definition::{AppMeshProxyConfigurationProps, ProxyConfiguration};
/// let proxy = ProxyConfiguration::app_mesh("envoy", AppMeshProxyConfigurationProps::default()
///     .ignored_uid(1337).app_ports([8080]).proxy_ingress_port(15000).proxy_egress_port(15001));
/// assert!(proxy.is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyConfiguration {
    container_name: String,
    properties: AppMeshProxyConfigurationProps,
}

impl ProxyConfiguration {
    /// An App Mesh proxy run by container `container_name` (CDK `AppMeshProxyConfiguration`).
    ///
    /// # Errors
    ///
    /// When neither `ignored_uid` nor `ignored_gid` is given, as the CDK refuses.
    pub fn app_mesh(
        container_name: impl Into<String>,
        properties: AppMeshProxyConfigurationProps,
    ) -> Result<ProxyConfiguration, Error> {
        if properties.ignored_uid.is_none() && properties.ignored_gid.is_none() {
            return Err(Error::new(
                "an app mesh proxy needs `ignored_uid` or `ignored_gid`: the proxy's own traffic must not loop back to it",
            ));
        }
        Ok(ProxyConfiguration {
            container_name: container_name.into(),
            properties,
        })
    }

    fn render(&self) -> Value {
        let p = &self.properties;
        let join = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        // The CDK writes each property given, capitalized, as a string; lists comma-joined.
        let pairs: [(&str, Option<String>); 7] = [
            ("IgnoredUID", p.ignored_uid.map(|v| v.to_string())),
            ("IgnoredGID", p.ignored_gid.map(|v| v.to_string())),
            (
                "AppPorts",
                Some(join(&p.app_ports)).filter(|s| !s.is_empty()),
            ),
            (
                "ProxyIngressPort",
                p.proxy_ingress_port.map(|v| v.to_string()),
            ),
            (
                "ProxyEgressPort",
                p.proxy_egress_port.map(|v| v.to_string()),
            ),
            (
                "EgressIgnoredPorts",
                Some(join(&p.egress_ignored_ports)).filter(|s| !s.is_empty()),
            ),
            (
                "EgressIgnoredIPs",
                Some(p.egress_ignored_ips.join(",")).filter(|s| !s.is_empty()),
            ),
        ];
        let properties = pairs
            .into_iter()
            .filter_map(|(name, value)| {
                Some(Value::map([
                    ("Name", Value::from(name)),
                    ("Value", Value::from(value?)),
                ]))
            })
            .collect();
        Value::map([
            ("ContainerName", Value::from(self.container_name.clone())),
            ("ProxyConfigurationProperties", Value::List(properties)),
            ("Type", Value::from("APPMESH")),
        ])
    }
}

/// Proxy configurations by kind (CDK `ProxyConfigurations`).
///
/// ```
/// use ecs_core::ecs::task_definition::{AppMeshProxyConfigurationProps, ProxyConfigurations};
/// let proxy = ProxyConfigurations::app_mesh_proxy_configuration("envoy",
///     AppMeshProxyConfigurationProps::default().ignored_uid(1337).app_ports([8080])
///         .proxy_ingress_port(15000).proxy_egress_port(15001));
/// assert!(proxy.is_ok());
/// ```
#[derive(Debug)]
pub struct ProxyConfigurations;

impl ProxyConfigurations {
    /// An App Mesh proxy run by container `container_name`: [`ProxyConfiguration::app_mesh`].
    ///
    /// # Errors
    ///
    /// As [`ProxyConfiguration::app_mesh`].
    pub fn app_mesh_proxy_configuration(
        container_name: impl Into<String>,
        properties: AppMeshProxyConfigurationProps,
    ) -> Result<ProxyConfiguration, Error> {
        ProxyConfiguration::app_mesh(container_name, properties)
    }
}

/// Everything a task definition of any kind may be given; the public props of each kind fill
/// the part their kind allows.
#[derive(Debug, Clone, Default)]
struct Spec {
    network_mode: Option<NetworkMode>,
    family: Option<String>,
    cpu: Option<TaskSize>,
    memory: Option<TaskSize>,
    placement_constraints: Vec<PlacementConstraint>,
    ipc_mode: Option<IpcMode>,
    pid_mode: Option<PidMode>,
    inference_accelerators: Vec<InferenceAccelerator>,
    ephemeral_storage_gib: Option<u32>,
    runtime_platform: Option<RuntimePlatform>,
    volumes: Vec<Volume>,
    enable_fault_injection: Option<bool>,
    proxy_configuration: Option<ProxyConfiguration>,
    task_role: Option<Role>,
    execution_role: Option<Role>,
}

props! {
    /// Properties of an [`Ec2TaskDefinition`] (CDK `Ec2TaskDefinitionProps`).
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::{Ec2TaskDefinitionProps, NetworkMode};
    /// let props = Ec2TaskDefinitionProps::default().network_mode(NetworkMode::AwsVpc);
    /// assert_eq!(props.network_mode_value(), Some(NetworkMode::AwsVpc));
    /// ```
    #[derive(Debug, Clone, Default)]
    pub struct Ec2TaskDefinitionProps {
        hidden spec: Spec,
        /// How the containers are networked (`NetworkMode`).
        [opt "networkMode" in spec, .ty(Enum(&crate::ecs::task_definition::NetworkMode::DEF)), .default("`Bridge`")]
        network_mode: NetworkMode,
        /// The name that groups the task definition's revisions (`Family`).
        [into "family" in spec, .default("the construct's unique id")]
        family: String,
        /// The role the tasks' containers assume (`TaskRoleArn`): a `role` or `imported_role`
        /// of the stack.
        [opt "taskRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        task_role: Role,
        /// The role ECS assumes to pull images and write logs (`ExecutionRoleArn`): a `role` or
        /// `imported_role` of the stack; what the task needs is granted to it.
        [opt "executionRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition when something needs one")]
        execution_role: Role,
        /// Declared roles allowed to run the tasks (CDK `grantRun`: `ecs:RunTask` on the task
        /// definition, `iam:PassRole` on its roles); granted once its containers are added, so
        /// an execution role made for a container is passed too.
        [none "grantRun", .ty(Refs(RefClass::Role)), .method(), .set(Set::Custom)]
        grant_run: (),
        /// Volumes the containers may mount: host paths, Docker volumes or EFS file systems.
        [list "volumes" in spec]
        volumes: Volume,
        /// Whether the tasks accept fault injection requests (`EnableFaultInjection`; awsvpc or
        /// host network mode, rule G7).
        [opt "enableFaultInjection" in spec, .default("false")]
        enable_fault_injection: bool,
        /// The App Mesh proxy the tasks route through (`ProxyConfiguration`; awsvpc network
        /// mode, rule G7).
        [opt "proxyConfiguration" in spec]
        proxy_configuration: ProxyConfiguration,
        /// Which instances may run the tasks (`PlacementConstraints`).
        [list "placementConstraints" in spec]
        placement_constraints: PlacementConstraint,
        /// The IPC resource namespace of the containers (`IpcMode`).
        [opt "ipcMode" in spec, .ty(Enum(&crate::ecs::task_definition::IpcMode::DEF))]
        ipc_mode: IpcMode,
        /// The process namespace of the containers (`PidMode`).
        [opt "pidMode" in spec, .ty(Enum(&crate::ecs::task_definition::PidMode::DEF))]
        pid_mode: PidMode,
        /// Elastic Inference accelerators attached to the task (a feature AWS has retired).
        [list "inferenceAccelerators" in spec]
        inference_accelerators: InferenceAccelerator,
    }
}

impl Ec2TaskDefinitionProps {
    /// The network mode given, if any.
    pub fn network_mode_value(&self) -> Option<NetworkMode> {
        self.spec.network_mode
    }
}

props! {
    /// Properties of a [`FargateTaskDefinition`]. Unlike the CDK there is no default size: `cpu`
    /// and `memory_limit_mib` are required (rule F1).
    ///
    /// ```
    /// let props = ecs_core::ecs::task_definition::FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib("1 GB");
    /// assert!(props.ephemeral_storage_gib_value().is_none());
    /// ```
    #[derive(Debug, Clone, Default)]
    pub struct FargateTaskDefinitionProps {
        hidden spec: Spec,
        /// The task's CPU, in units (`256`) or vCPU (`"1 vCPU"`); required, in a pair Fargate
        /// offers (rules F1, F2).
        [into "cpu" in spec]
        cpu: TaskSize,
        /// The task's memory, in MiB (`512`) or GB (`"1 GB"`); required, in a pair with `cpu`
        /// Fargate offers (rules F1, F2).
        [none "memoryLimitMiB"]
        memory_limit_mib: (),
        /// Fargate tasks always use `AwsVpc`; any other mode is refused (rule F3; the CDK's Fargate
        /// props have no network mode).
        [opt "networkMode" in spec, .ty(Enum(&crate::ecs::task_definition::NetworkMode::DEF)), .default("`AwsVpc`")]
        network_mode: NetworkMode,
        /// The name that groups the task definition's revisions (`Family`).
        [into "family" in spec, .default("the construct's unique id")]
        family: String,
        /// The role the tasks' containers assume (`TaskRoleArn`): a `role` or `imported_role`
        /// of the stack.
        [opt "taskRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        task_role: Role,
        /// The role ECS assumes to pull images and write logs (`ExecutionRoleArn`): a `role` or
        /// `imported_role` of the stack; what the task needs is granted to it.
        [opt "executionRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition when something needs one")]
        execution_role: Role,
        /// Declared roles allowed to run the tasks (CDK `grantRun`: `ecs:RunTask` on the task
        /// definition, `iam:PassRole` on its roles); granted once its containers are added, so
        /// an execution role made for a container is passed too.
        [none "grantRun", .ty(Refs(RefClass::Role)), .method(), .set(Set::Custom)]
        grant_run: (),
        /// Volumes the containers may mount; host paths and Docker volumes are refused (rule F4).
        [list "volumes" in spec]
        volumes: Volume,
        /// Whether the tasks accept fault injection requests (`EnableFaultInjection`; awsvpc or
        /// host network mode, rule G7).
        [opt "enableFaultInjection" in spec, .default("false")]
        enable_fault_injection: bool,
        /// The App Mesh proxy the tasks route through (`ProxyConfiguration`; awsvpc network
        /// mode, rule G7).
        [opt "proxyConfiguration" in spec]
        proxy_configuration: ProxyConfiguration,
        /// The task's ephemeral storage, 21 to 200 GiB, on platform version 1.4.0 (rule F6).
        [opt "ephemeralStorageGiB" in spec, .default("20 (Fargate's)")]
        ephemeral_storage_gib: u32,
        /// The CPU architecture and operating system family the tasks run on (`RuntimePlatform`).
        [opt "runtimePlatform" in spec, .default("Linux on x86_64")]
        runtime_platform: RuntimePlatform,
        /// The process namespace of the containers (`PidMode`): only `Task`, on Linux, with
        /// `runtime_platform`'s operating system family (rule G8); platform 1.4.0 (rule F6).
        [opt "pidMode" in spec, .ty(Enum(&crate::ecs::task_definition::PidMode::DEF))]
        pid_mode: PidMode,
        /// Refused: Fargate places the tasks itself (rule F4).
        [list "addPlacementConstraint" in spec, .method()]
        placement_constraints: PlacementConstraint,
        /// Refused: Fargate has no Elastic Inference accelerators (rule F4).
        [list "addInferenceAccelerator" in spec, .method()]
        inference_accelerators: InferenceAccelerator,
    }
}

impl FargateTaskDefinitionProps {
    /// Sets `memory_limit_mib` in MiB or GB.
    pub fn memory_limit_mib(mut self, memory: impl Into<TaskSize>) -> Self {
        self.spec.memory = Some(memory.into());
        self
    }

    /// The ephemeral storage given, if any.
    pub fn ephemeral_storage_gib_value(&self) -> Option<u32> {
        self.spec.ephemeral_storage_gib
    }
}

props! {
    /// Properties of an [`ExternalTaskDefinition`] (CDK `ExternalTaskDefinitionProps`).
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::{ExternalTaskDefinitionProps, NetworkMode};
    /// let _ = ExternalTaskDefinitionProps::default().network_mode(NetworkMode::Host);
    /// ```
    #[derive(Debug, Clone, Default)]
    pub struct ExternalTaskDefinitionProps {
        hidden spec: Spec,
        /// How the containers are networked: `Bridge`, `Host` or `None` (rule X2).
        [opt "networkMode" in spec, .ty(Enum(&crate::ecs::task_definition::NetworkMode::DEF)), .default("`Bridge`")]
        network_mode: NetworkMode,
        /// The name that groups the task definition's revisions (`Family`).
        [into "family" in spec, .default("the construct's unique id")]
        family: String,
        /// The role the tasks' containers assume (`TaskRoleArn`): a `role` or `imported_role`
        /// of the stack.
        [opt "taskRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        task_role: Role,
        /// The role ECS assumes to pull images and write logs (`ExecutionRoleArn`): a `role` or
        /// `imported_role` of the stack; what the task needs is granted to it.
        [opt "executionRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition when something needs one")]
        execution_role: Role,
        /// Declared roles allowed to run the tasks (CDK `grantRun`: `ecs:RunTask` on the task
        /// definition, `iam:PassRole` on its roles); granted once its containers are added, so
        /// an execution role made for a container is passed too.
        [none "grantRun", .ty(Refs(RefClass::Role)), .method(), .set(Set::Custom)]
        grant_run: (),
        /// Refused: ECS Anywhere attaches no volumes (rule X1).
        [list "volumes" in spec]
        volumes: Volume,
        /// Whether the tasks accept fault injection requests (`EnableFaultInjection`; awsvpc or
        /// host network mode, rule G7).
        [opt "enableFaultInjection" in spec, .default("false")]
        enable_fault_injection: bool,
        /// The App Mesh proxy the tasks route through (`ProxyConfiguration`; awsvpc network
        /// mode, rule G7).
        [opt "proxyConfiguration" in spec]
        proxy_configuration: ProxyConfiguration,
        /// Refused: ECS Anywhere has no inference accelerators (rule X1).
        [list "addInferenceAccelerator" in spec, .method()]
        inference_accelerators: InferenceAccelerator,
    }
}

props! {
    /// Properties of a generic [`TaskDefinition`] (CDK `TaskDefinitionProps`).
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::{Compatibility, TaskDefinitionProps};
    /// let props = TaskDefinitionProps::default().compatibility(Compatibility::Ec2AndFargate).cpu("256").memory_mib("512");
    /// assert_eq!(props.compatibility_value(), Some(Compatibility::Ec2AndFargate));
    /// ```
    #[derive(Debug, Clone, Default)]
    pub struct TaskDefinitionProps {
        hidden compatibility: Option<Compatibility>,
        hidden spec: Spec,
        /// Where the tasks can run: `Ec2`, `Fargate`, `Ec2AndFargate` or `External`.
        [none "compatibility", .ty(Enum(&crate::ecs::task_definition::Compatibility::DEF)), .required()]
        compatibility: (),
        /// The task's CPU, in units or vCPU; required when Fargate-compatible, in a pair Fargate
        /// offers (rules F1, F2).
        [into "cpu" in spec]
        cpu: TaskSize,
        /// The task's memory, in MiB or GB; required when Fargate-compatible, in a pair with `cpu`
        /// Fargate offers (rules F1, F2).
        [none "memoryMiB"]
        memory_mib: (),
        /// How the containers are networked; `AwsVpc` when Fargate-compatible (rule F3), bridge,
        /// host or none when External (rule X2).
        [opt "networkMode" in spec, .ty(Enum(&crate::ecs::task_definition::NetworkMode::DEF)), .default("`AwsVpc` when Fargate-compatible, else `Bridge`")]
        network_mode: NetworkMode,
        /// The name that groups the task definition's revisions (`Family`).
        [into "family" in spec, .default("the construct's unique id")]
        family: String,
        /// The role the tasks' containers assume (`TaskRoleArn`): a `role` or `imported_role`
        /// of the stack.
        [opt "taskRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        task_role: Role,
        /// The role ECS assumes to pull images and write logs (`ExecutionRoleArn`): a `role` or
        /// `imported_role` of the stack; what the task needs is granted to it.
        [opt "executionRole" in spec, .ty(Ref(RefClass::Role)), .default("a role created under the task definition when something needs one")]
        execution_role: Role,
        /// Declared roles allowed to run the tasks (CDK `grantRun`: `ecs:RunTask` on the task
        /// definition, `iam:PassRole` on its roles); granted once its containers are added, so
        /// an execution role made for a container is passed too.
        [none "grantRun", .ty(Refs(RefClass::Role)), .method(), .set(Set::Custom)]
        grant_run: (),
        /// Volumes the containers may mount; not host paths or Docker volumes when
        /// Fargate-compatible (rule F4), none when External (rule X1).
        [list "volumes" in spec]
        volumes: Volume,
        /// Whether the tasks accept fault injection requests (`EnableFaultInjection`; awsvpc or
        /// host network mode, rule G7).
        [opt "enableFaultInjection" in spec, .default("false")]
        enable_fault_injection: bool,
        /// The App Mesh proxy the tasks route through (`ProxyConfiguration`; awsvpc network
        /// mode, rule G7).
        [opt "proxyConfiguration" in spec]
        proxy_configuration: ProxyConfiguration,
        /// Which instances may run the tasks; not when Fargate-compatible (rule F4).
        [list "placementConstraints" in spec]
        placement_constraints: PlacementConstraint,
        /// The IPC resource namespace of the containers (`IpcMode`); not when Fargate-compatible
        /// (rule G8).
        [opt "ipcMode" in spec, .ty(Enum(&crate::ecs::task_definition::IpcMode::DEF))]
        ipc_mode: IpcMode,
        /// The process namespace of the containers (`PidMode`); `Task` on Linux when
        /// Fargate-compatible (rule G8).
        [opt "pidMode" in spec, .ty(Enum(&crate::ecs::task_definition::PidMode::DEF))]
        pid_mode: PidMode,
        /// Elastic Inference accelerators attached to the task; EC2 only (rules F4, X1).
        [list "inferenceAccelerators" in spec]
        inference_accelerators: InferenceAccelerator,
        /// The task's ephemeral storage in GiB, when Fargate-compatible (rule F6).
        [opt "ephemeralStorageGiB" in spec]
        ephemeral_storage_gib: u32,
        /// The CPU architecture and operating system family of Fargate-compatible tasks
        /// (`RuntimePlatform`).
        [opt "runtimePlatform" in spec]
        runtime_platform: RuntimePlatform,
    }
}

impl TaskDefinitionProps {
    /// Sets `compatibility` (required).
    pub fn compatibility(mut self, c: Compatibility) -> Self {
        self.compatibility = Some(c);
        self
    }

    /// Sets `memory_mib` in MiB or GB.
    pub fn memory_mib(mut self, memory: impl Into<TaskSize>) -> Self {
        self.spec.memory = Some(memory.into());
        self
    }

    /// The compatibility given, if any.
    pub fn compatibility_value(&self) -> Option<Compatibility> {
        self.compatibility
    }
}

#[derive(Debug, Clone)]
pub(crate) struct TaskDefinitionData {
    pub(crate) id: String,
    /// `Family`: what a CODE_DEPLOY service names instead of the ARN.
    pub(crate) family: String,
    pub(crate) resource: NodeId,
    pub(crate) task_role: Role,
    pub(crate) execution_role: Option<Role>,
    /// The roles `grant_run` was given: an execution role made later is passed by them too.
    pub(crate) runners: Vec<Role>,
    pub(crate) compatibility: Compatibility,
    pub(crate) network_mode: NetworkMode,
    pub(crate) cpu: Option<u32>,
    pub(crate) memory: Option<u32>,
    pub(crate) ephemeral_storage_gib: Option<u32>,
    pub(crate) pid_mode: Option<PidMode>,
    pub(crate) volumes: Vec<Volume>,
    pub(crate) placement_constraints: Vec<PlacementConstraint>,
    pub(crate) inference_accelerators: Vec<InferenceAccelerator>,
    pub(crate) containers: Vec<ContainerData>,
    /// The cpu units of the containers so far (within the task's, rule E2).
    pub(crate) container_cpu: u32,
}

/// A task definition construct, of any compatibility; `TaskDefinition::new` is the CDK's
/// generic `new TaskDefinition(…, { compatibility })`.
///
/// ```
/// use ecs_core::{App, ecs::task_definition::{Compatibility, NetworkMode, TaskDefinition, TaskDefinitionProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let td = TaskDefinition::new(&mut app, s, "TaskDef", TaskDefinitionProps::default()
///     .compatibility(Compatibility::Ec2AndFargate).cpu("256").memory_mib("512")).unwrap();
/// assert_eq!(td.network_mode(&app), NetworkMode::AwsVpc);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskDefinition {
    node: NodeId,
    index: usize,
}

/// Constructor of EC2 task definitions (CDK `Ec2TaskDefinition`).
///
/// ```
/// use ecs_core::{App, ecs::task_definition::Ec2TaskDefinition};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
/// assert_eq!(td.compatibility(&app), ecs_core::ecs::task_definition::Compatibility::Ec2);
/// ```
#[derive(Debug)]
pub struct Ec2TaskDefinition;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Ec2TaskDefinition {
    /// Creates an EC2 task definition with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: Ec2TaskDefinitionProps,
    ) -> Result<TaskDefinition, Error> {
        let scope: NodeId = scope.into();
        // As the CDK: the props' constraints are `memberOf` only (`add_placement_constraint`
        // takes any).
        let kinds: Vec<&str> = props
            .spec
            .placement_constraints
            .iter()
            .flat_map(PlacementConstraint::kinds)
            .filter(|k| *k != "memberOf")
            .collect();
        if !kinds.is_empty() {
            return Err(Error::new(format!(
                "ec2 task definition `{id}` has placement constraints of type {}: its `placement_constraints` take only `PlacementConstraint::member_of(…)`; put the others on the service",
                kinds
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        // EC2 task definitions have no task memory to name; rule F1 does not apply to them.
        TaskDefinition::create(
            app,
            scope,
            id,
            Compatibility::Ec2,
            MemoryProperty::MemoryMib,
            props.spec,
        )
    }
}

/// Constructor of Fargate task definitions (CDK `FargateTaskDefinition`).
///
/// ```
/// use ecs_core::{App, ecs::task_definition::{FargateTaskDefinition, FargateTaskDefinitionProps}};
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
    /// Creates a Fargate task definition with id `id` at the top of `stack`, checking rules
    /// F1, F2, F3, F4 and F6.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: FargateTaskDefinitionProps,
    ) -> Result<TaskDefinition, Error> {
        let scope: NodeId = scope.into();
        TaskDefinition::create(
            app,
            scope,
            id,
            Compatibility::Fargate,
            MemoryProperty::MemoryLimitMib,
            props.spec,
        )
    }
}

/// Constructor of ECS Anywhere task definitions (CDK `ExternalTaskDefinition`).
///
/// ```
/// use ecs_core::{App, ecs::task_definition::{ExternalTaskDefinition, ExternalTaskDefinitionProps, NetworkMode}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let err = ExternalTaskDefinition::new(&mut app, s, "TaskDef",
///     ExternalTaskDefinitionProps::default().network_mode(NetworkMode::AwsVpc)).unwrap_err();
/// assert!(err.to_string().starts_with("external task definition `TaskDef` cannot use `network_mode: AwsVpc`"));
/// ```
#[derive(Debug)]
pub struct ExternalTaskDefinition;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ExternalTaskDefinition {
    /// Creates an External task definition with id `id` at the top of `stack`, checking rules
    /// X1 and X2.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ExternalTaskDefinitionProps,
    ) -> Result<TaskDefinition, Error> {
        let scope: NodeId = scope.into();
        let _stack = scope.stack();
        // External task definitions have no task memory to name; rule F1 does not apply to them.
        TaskDefinition::create(
            app,
            scope,
            id,
            Compatibility::External,
            MemoryProperty::MemoryMib,
            props.spec,
        )
    }
}

// As in the CDK, `new` of the generic kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl TaskDefinition {
    /// Creates a task definition of `compatibility` with id `id` at the top of `stack`
    /// (the CDK's generic `TaskDefinition`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: TaskDefinitionProps,
    ) -> Result<TaskDefinition, Error> {
        let scope: NodeId = scope.into();
        let _stack = scope.stack();
        let Some(compatibility) = props.compatibility else {
            return Err(Error::new(format!(
                "task definition `{id}` needs `compatibility`: add e.g. `compatibility: Ec2AndFargate`"
            )));
        };
        TaskDefinition::create(
            app,
            scope,
            id,
            compatibility,
            MemoryProperty::MemoryMib,
            props.spec,
        )
    }

    fn create(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        compatibility: Compatibility,
        memory_property: MemoryProperty,
        spec: Spec,
    ) -> Result<TaskDefinition, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        app.check_each(spec.task_role.into_iter().chain(spec.execution_role))?;
        let network_mode = spec
            .network_mode
            .unwrap_or(compatibility.default_network_mode());
        let (cpu, memory) = resolve_sizes(id, compatibility, memory_property, &spec)?;
        let mut facts = TaskFacts::new(id, (), compatibility);
        facts.memory_property = memory_property;
        facts.network_mode = Fact::given(spec.network_mode, ());
        facts.cpu = Fact::given(cpu, ());
        facts.memory = Fact::given(memory, ());
        facts.ephemeral_storage_gib = Fact::given(spec.ephemeral_storage_gib, ());
        facts.runtime_platform = Fact::written(spec.runtime_platform.is_some(), ());
        facts.placement_constraints = listed(&spec.placement_constraints);
        facts.inference_accelerators = listed(&spec.inference_accelerators);
        facts.volumes = volume_facts(&spec.volumes);
        facts.fault_injection = Fact::given(spec.enable_fault_injection, ());
        facts.proxy_configuration = Fact::written(spec.proxy_configuration.is_some(), ());
        facts.pid_mode = Fact::given(spec.pid_mode, ());
        facts.ipc_mode = Fact::written(spec.ipc_mode.is_some(), ());
        facts.os_family = Fact::given(
            spec.runtime_platform
                .and_then(|p| p.operating_system_family),
            (),
        );
        refused(facts.task_level_violations())?;

        let root = scope;
        let node = app.stack_mut(stack).add_node(root, id)?;
        let task_role = match spec.task_role {
            Some(role) => role,
            None => Role::new(app, node, "TaskRole", "ecs-tasks.amazonaws.com")?,
        };
        let task_role_arn = task_role.arn(app);
        let execution_role_arn = spec.execution_role.map(|r| r.arn(app));
        let st = app.stack_mut(stack);
        let family = spec.family.clone().unwrap_or_else(|| st.unique_id(node));
        let mut resource = Resource::new("AWS::ECS::TaskDefinition")
            .prop("Family", family.clone())
            .prop(
                "RequiresCompatibilities",
                Value::strings(compatibility.requires().iter().copied()),
            )
            .prop("TaskRoleArn", task_role_arn)
            .prop_opt("ExecutionRoleArn", execution_role_arn)
            .prop_opt("NetworkMode", network_mode.cfn_value())
            .prop_opt("Cpu", cpu.map(|c| c.to_string()))
            .prop_opt("Memory", memory.map(|m| m.to_string()))
            .prop_opt("IpcMode", spec.ipc_mode.map(IpcMode::cfn_value))
            .prop_opt("PidMode", spec.pid_mode.map(PidMode::cfn_value))
            .prop_opt(
                "EphemeralStorage",
                spec.ephemeral_storage_gib
                    .map(|g| Value::map([("SizeInGiB", Value::from(g))])),
            )
            .prop_opt(
                "RuntimePlatform",
                spec.runtime_platform.as_ref().map(RuntimePlatform::render),
            )
            .prop_opt("EnableFaultInjection", spec.enable_fault_injection)
            .prop_opt(
                "ProxyConfiguration",
                spec.proxy_configuration
                    .as_ref()
                    .map(ProxyConfiguration::render),
            );
        resource.tagging = crate::cfn::Tagging::Standard;
        let resource = st.add_resource(node, "Resource", resource)?;
        let index = app.all::<TaskDefinitionData>().len();
        app.all_mut::<TaskDefinitionData>()
            .push(TaskDefinitionData {
                id: id.to_string(),
                family,
                resource,
                task_role,
                execution_role: spec.execution_role,
                runners: Vec::new(),
                compatibility,
                network_mode,
                cpu,
                memory,
                ephemeral_storage_gib: spec.ephemeral_storage_gib,
                pid_mode: spec.pid_mode,
                volumes: spec.volumes,
                placement_constraints: spec.placement_constraints,
                inference_accelerators: spec.inference_accelerators,
                containers: Vec::new(),
                container_cpu: 0,
            });
        let td = TaskDefinition { node, index };
        td.render_task_lists(app);
        Ok(td)
    }

    pub(crate) fn index(self) -> usize {
        self.index
    }

    pub(crate) fn data(self, app: &App) -> &TaskDefinitionData {
        &app.all::<TaskDefinitionData>()[self.index]
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

    /// Applies `extension` to the task definition (CDK `addExtension`): a reusable piece of
    /// configuration, such as a sidecar and its settings, written once as a
    /// [`TaskDefinitionExtension`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::task_definition::TaskDefinitionExtension;
    /// struct Sidecar;
    /// impl TaskDefinitionExtension for Sidecar {
    ///     fn extend(&self, app: &mut App, td: TaskDefinition) -> Result<(), Error> {
    ///         td.add_container(app, "sidecar", ContainerDefinitionOptions::default()
    ///             .image(ContainerImage::from_registry("busybox")).memory_limit_mib(64))?;
    ///         Ok(())
    ///     }
    /// }
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default())?;
    /// td.add_extension(&mut app, &Sidecar)?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// What the extension returns.
    pub fn add_extension(
        self,
        app: &mut App,
        extension: &dyn TaskDefinitionExtension,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        extension.extend(app, self)
    }

    /// Whether its tasks may run on EC2 (CDK `isEc2Compatible`).
    pub fn is_ec2_compatible(self, app: &App) -> bool {
        self.compatibility(app).is_ec2()
    }

    /// Whether its tasks may run on Fargate (CDK `isFargateCompatible`).
    pub fn is_fargate_compatible(self, app: &App) -> bool {
        self.compatibility(app).is_fargate()
    }

    /// Whether its tasks may run on ECS Anywhere (CDK `isExternalCompatible`).
    pub fn is_external_compatible(self, app: &App) -> bool {
        self.compatibility(app) == Compatibility::External
    }

    /// Whether its tasks may run on ECS Managed Instances (CDK
    /// `isManagedInstancesCompatible`).
    ///
    /// ```
    /// use ecs_core::{App, ecs::task_definition::{Compatibility, TaskDefinition, TaskDefinitionProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = TaskDefinition::new(&mut app, s, "Task", TaskDefinitionProps::default()
    ///     .compatibility(Compatibility::ManagedInstances).cpu("256").memory_mib("512")).unwrap();
    /// assert!(td.is_managed_instances_compatible(&app) && !td.is_fargate_compatible(&app));
    /// ```
    pub fn is_managed_instances_compatible(self, app: &App) -> bool {
        self.compatibility(app).is_managed_instances()
    }

    /// Lets `role` run the task definition's tasks (CDK `grantRun`): `ecs:RunTask` on it, and
    /// `iam:PassRole` on its task role and execution role, passed to ECS tasks only; an
    /// execution role made later is passed too, as the CDK's shared statement grows.
    ///
    /// # Errors
    ///
    /// When a handle is of another app.
    pub fn grant_run(self, app: &mut App, role: crate::iam::Role) -> Result<(), Error> {
        app.check_node(self.node)?;
        app.check_node(role.node())?;
        let mut roles = vec![self.task_role(app).arn(app)];
        if let Some(exec) = self.data(app).execution_role {
            roles.push(exec.arn(app));
        }
        role.grant(app, pass_role_statement(roles))?;
        app.all_mut::<TaskDefinitionData>()[self.index]
            .runners
            .push(role);
        let arn = self.arn(app);
        role.grant(app, crate::iam::Statement::allow(["ecs:RunTask"]).on([arn]))
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

    /// The family: the `family` given, or the construct's unique id.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Ec2TaskDefinitionProps::default().family("web")).unwrap();
    /// assert_eq!(td.family(&app), "web");
    /// ```
    pub fn family(self, app: &App) -> &str {
        &self.data(app).family
    }

    /// What about this task needs Fargate platform version 1.4.0 or later (rule F6), for the
    /// service that runs it: ephemeral storage, a secret read from a JSON field, or an
    /// environment file.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef", FargateTaskDefinitionProps::default()
    ///     .cpu(256).memory_limit_mib(512).ephemeral_storage_gib(40)).unwrap();
    /// assert_eq!(td.needs_platform_1_4(&app), Some("`ephemeral_storage_gib`"));
    /// ```
    pub fn needs_platform_1_4(self, app: &App) -> Option<&'static str> {
        let data = self.data(app);
        if data.ephemeral_storage_gib.is_some() {
            return Some("`ephemeral_storage_gib`");
        }
        if data.pid_mode.is_some() {
            return Some("`pid_mode`");
        }
        for c in &data.containers {
            if c.options.secrets.iter().any(|(_, s)| s.is_json_field()) {
                return Some("a secret read from a JSON field");
            }
            if !c.options.environment_files.is_empty() {
                return Some("`environment_files`");
            }
        }
        None
    }

    /// The execution role, created on first use as the CDK's `obtainExecutionRole` creates it:
    /// `ExecutionRole` under the task definition, named in `ExecutionRoleArn`.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn obtain_execution_role(self, app: &mut App) -> Result<Role, Error> {
        app.check_stack(self.node.stack)?;
        if let Some(role) = self.data(app).execution_role {
            return Ok(role);
        }
        let role = Role::new(app, self.node, "ExecutionRole", "ecs-tasks.amazonaws.com")?;
        let resource = self.data(app).resource;
        app.all_mut::<TaskDefinitionData>()[self.index].execution_role = Some(role);
        let arn = role.arn(app);
        app.stack_mut(self.node.stack())
            .resource_mut(resource)
            .set("ExecutionRoleArn", arn.clone());
        // The CDK's pass-role statement is shared and grows with the role: the runners pass it
        // too.
        for runner in self.data(app).runners.clone() {
            runner.grant(app, pass_role_statement(vec![arn.clone()]))?;
        }
        Ok(role)
    }

    /// Adds a volume (CDK `addVolume`), checking rules F4 and X1.
    ///
    /// ```
    /// use ecs_core::{prelude::*, ecs::volume::Volume};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512)).unwrap();
    /// assert!(td.add_volume(&mut app, Volume::host("logs", "/var/log")).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_volume(
        self,
        app: &mut App,
        volume: impl crate::ecs::volume::IntoVolume,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let volume = volume.into_volume(app);
        let mut facts = self.data(app).facts();
        facts.volumes = volume_facts(std::slice::from_ref(&volume));
        refused(facts.task_level_violations())?;
        app.all_mut::<TaskDefinitionData>()[self.index]
            .volumes
            .push(volume);
        self.render_task_lists(app);
        Ok(())
    }

    /// Adds a placement constraint (CDK `addPlacementConstraint`), checking rule F4.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_placement_constraint(
        self,
        app: &mut App,
        constraint: PlacementConstraint,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let mut facts = self.data(app).facts();
        facts.placement_constraints = Fact::Known((), ());
        refused(facts.task_level_violations())?;
        app.all_mut::<TaskDefinitionData>()[self.index]
            .placement_constraints
            .push(constraint);
        self.render_task_lists(app);
        Ok(())
    }

    /// Adds an inference accelerator (CDK `addInferenceAccelerator`), checking rules F4, X1.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_inference_accelerator(
        self,
        app: &mut App,
        accelerator: InferenceAccelerator,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let mut facts = self.data(app).facts();
        facts.inference_accelerators = Fact::Known((), ());
        refused(facts.task_level_violations())?;
        app.all_mut::<TaskDefinitionData>()[self.index]
            .inference_accelerators
            .push(accelerator);
        self.render_task_lists(app);
        Ok(())
    }

    /// Rewrites the task-level lists (`Volumes`, `PlacementConstraints`,
    /// `InferenceAccelerators`) from the data.
    fn render_task_lists(self, app: &mut App) {
        let data = &app.all::<TaskDefinitionData>()[self.index];
        let volumes: Vec<Value> = data.volumes.iter().map(Volume::render).collect();
        // The CDK leaves placement constraints out of Managed Instances task definitions.
        let constraints: Vec<Value> = if data.compatibility.is_managed_instances() {
            Vec::new()
        } else {
            data.placement_constraints
                .iter()
                .flat_map(PlacementConstraint::render)
                .collect()
        };
        let accelerators: Vec<Value> = data
            .inference_accelerators
            .iter()
            .map(InferenceAccelerator::render)
            .collect();
        let resource = data.resource;
        let r = app.stack_mut(self.node.stack()).resource_mut(resource);
        for (key, list) in [
            ("Volumes", volumes),
            ("PlacementConstraints", constraints),
            ("InferenceAccelerators", accelerators),
        ] {
            if list.is_empty() {
                r.properties.remove(key);
            } else {
                r.set(key, Value::List(list));
            }
        }
    }

    /// Adds a container (CDK `addContainer`), checking the container rules (E2, F4, G2, G3,
    /// G5, L3) and binding its image, secrets and environment files.
    ///
    /// ```
    /// use ecs_core::{App, ecs::container::ContainerDefinitionOptions, ecs::image::ContainerImage, ecs::task_definition::Ec2TaskDefinition};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx"))
    ///     .memory_limit_mib(256)).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_container(
        self,
        app: &mut App,
        id: &str,
        options: ContainerDefinitionOptions,
    ) -> Result<ContainerDefinition, Error> {
        self.add_container_under(app, self.node, id, options)
    }

    /// [`TaskDefinition::add_container`] with the container construct under `scope` (CDK
    /// `new ContainerDefinition(scope, id, { taskDefinition })`), of the task definition's
    /// stack.
    pub(crate) fn add_container_under(
        self,
        app: &mut App,
        scope: NodeId,
        id: &str,
        options: ContainerDefinitionOptions,
    ) -> Result<ContainerDefinition, Error> {
        app.check_stack(self.node.stack)?;
        app.check_node(scope)?;
        let data = self.data(app);
        let task = data.id.clone();
        if scope.stack() != self.node.stack() {
            return Err(Error::new(format!(
                "container `{id}` of task definition `{task}` is created in another stack: create it in the task definition's stack"
            )));
        }
        // Containers are children of their scope: the tree finds a taken id at once.
        if app.stack(self.node.stack()).child(scope, id).is_some() {
            return Err(Error::of(
                crate::error::ErrorKind::DuplicateId,
                rules::duplicate_id_message(id, &format!("task definition `{task}`")),
            ));
        }
        let Some(image) = options.image.clone() else {
            return Err(Error::new(format!(
                "container `{id}` of task definition `{task}` needs `image`: add one, e.g. `image: ContainerImage::from_registry(\"nginx\")`"
            )));
        };
        crate::ecs::container::check_options(&options, id)?;
        // Scratch space is a host volume and a mount point, as the CDK's `addScratch` adds them.
        let mut options = options;
        for scratch in std::mem::take(&mut options.scratch) {
            let (volume, mount) = scratch.parts();
            self.add_volume(app, volume)?;
            options.mount_points.push(mount);
        }
        let data = self.data(app);
        if !options.links.is_empty() && data.network_mode != NetworkMode::Bridge {
            return Err(Error::new(format!(
                "container `{id}` of task definition `{task}` has `links` in `{:?}` network mode: links need `network_mode: Bridge`; use it or remove `links`",
                data.network_mode
            )));
        }
        // The earlier containers matter to the new one's rules through their cpu units only
        // (the sum within the task's, which they kept): one view holds their sum, so adding a
        // container costs the same however many there are.
        let mut facts = data.task_facts();
        let mut earlier = ContainerFacts::new("", ());
        earlier.cpu = Fact::given((data.container_cpu > 0).then_some(data.container_cpu), ());
        facts.containers = vec![earlier, container_facts(id, &options)];
        // E1 waits for synthesis: task memory cannot be given later, but the CDK judges it then.
        let found = facts.container_level_violations(facts.containers.len() - 1);
        refused(found.into_iter().filter(|v| v.rule != RuleId::E1).collect())?;
        for (property, reference) in crate::ecs::container::references(&options) {
            crate::ecs::container::check_reference(app, self, id, property, reference)?;
        }
        let name = options
            .container_name
            .clone()
            .unwrap_or_else(|| id.to_string());
        if let Some(driver) = &options.logging {
            driver.check(&name)?;
        }
        if let Some(f) = &options.firelens_config {
            f.check(&name)?;
            // One router per task, as the CDK refuses a second.
            if let Some(router) = self
                .data(app)
                .containers
                .iter()
                .find(|c| c.options.firelens_config.is_some())
            {
                return Err(Error::new(format!(
                    "task definition `{}` has a FireLens log router already (`{}`): a task has one; route `{name}`'s logs through it instead",
                    self.id(app),
                    router.name
                )));
            }
        }
        let node = app.stack_mut(self.node.stack()).add_node(scope, id)?;
        let bound = image.bind(app, self, node)?;
        let log_configuration = match &options.logging {
            Some(driver) => Some(driver.bind(app, self, node, &name)?),
            None => None,
        };
        let firelens_output = options.logging.as_ref().and_then(|d| {
            d.firelens_output()
                .map(|(n, r)| (n.to_string(), r))
                .or(match d {
                    crate::ecs::log_driver::LogDriver::Firelens(_) => Some((String::new(), false)),
                    _ => None,
                })
        });
        if !options.secrets.is_empty() {
            let role = self.obtain_execution_role(app)?;
            for (_, secret) in &options.secrets {
                secret.grant_read(app, role)?;
            }
        }
        // A log router's configuration file in S3: the execution role reads it, as the CDK's
        // `FirelensLogRouter` grants.
        if let Some((object, bucket)) = options
            .firelens_config
            .as_ref()
            .and_then(|f| f.s3_config_file())
        {
            let role = self.obtain_execution_role(app)?;
            role.grant(
                app,
                crate::iam::Statement::allow(["s3:GetObject"]).on([Value::from(object)]),
            )?;
            role.grant(
                app,
                crate::iam::Statement::allow(["s3:GetBucketLocation"]).on([Value::from(bucket)]),
            )?;
        }
        let mut environment_files = Vec::new();
        for file in &options.environment_files {
            environment_files.push(file.bind(app, node)?);
        }
        let container = ContainerData {
            id: id.to_string(),
            node,
            name,
            log_configuration,
            essential: options.essential.unwrap_or(true),
            options,
            image: bound.image,
            credentials: bound.credentials,
            tag_parameter: bound.tag_parameter,
            environment_files,
        };
        let data = &mut app.all_mut::<TaskDefinitionData>()[self.index];
        data.container_cpu = data
            .container_cpu
            .saturating_add(container.options.cpu.unwrap_or(0));
        let containers = &mut data.containers;
        // Most task definitions hold one container or two: no room kept for four (past a few,
        // the usual doubling, so many containers are not copied on every add).
        if containers.len() < 4 {
            containers.reserve_exact(1);
        }
        containers.push(container);
        let index = app.all::<TaskDefinitionData>()[self.index].containers.len() - 1;
        if let Some((output, retention)) = firelens_output {
            self.ensure_firelens_router(app, &output, retention)?;
        }
        // The new container, and the log router it may have brought.
        self.render_containers_from(app, index);
        Ok(ContainerDefinition::at(self, index))
    }

    /// Adds a FireLens log router container (CDK `addFirelensLogRouter`): a container whose
    /// `firelens_config` names the router; with options, ECS log metadata is on unless turned
    /// off, and a configuration file in S3 may be read by the execution role.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::container::{FirelensConfig, FirelensLogRouterType};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default())?;
    /// td.add_firelens_log_router(&mut app, "log_router", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"))
    ///     .memory_limit_mib(128)
    ///     .firelens_config(FirelensConfig::default().router_type(FirelensLogRouterType::Fluentbit)))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`TaskDefinition::add_container`], and when `firelens_config` is missing.
    pub fn add_firelens_log_router(
        self,
        app: &mut App,
        id: &str,
        options: ContainerDefinitionOptions,
    ) -> Result<ContainerDefinition, Error> {
        if options.firelens_config.is_none() {
            return Err(Error::new(format!(
                "log router `{id}` needs `firelens_config`: add e.g. `firelens_config: FirelensConfig::default()`"
            )));
        }
        self.add_container(app, id, options)
    }

    /// Adds the FireLens log router the CDK adds for a task whose containers log through
    /// FireLens (`log-router`: AWS for Fluent Bit from its SSM parameter, logging to awslogs),
    /// with the rights its output needs. The CDK adds it while rendering; here it comes with
    /// the first FireLens container, which yields the same resources and grants.
    fn ensure_firelens_router(
        self,
        app: &mut App,
        output: &str,
        retention: bool,
    ) -> Result<(), Error> {
        if self
            .data(app)
            .containers
            .iter()
            .any(|c| c.options.firelens_config.is_some())
        {
            return Ok(());
        }
        let execution = self.obtain_execution_role(app)?;
        execution.grant(
            app,
            crate::iam::Statement::allow([
                "ecr:GetAuthorizationToken",
                "ecr:BatchCheckLayerAvailability",
                "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage",
            ])
            .on_any(),
        )?;
        let actions: &[&str] = match output {
            "cloudwatch" if retention => &[
                "logs:CreateLogGroup",
                "logs:CreateLogStream",
                "logs:DescribeLogStreams",
                "logs:PutLogEvents",
                "logs:PutRetentionPolicy",
            ],
            "cloudwatch" => &[
                "logs:CreateLogGroup",
                "logs:CreateLogStream",
                "logs:DescribeLogStreams",
                "logs:PutLogEvents",
            ],
            "firehose" => &["firehose:PutRecordBatch"],
            "kinesis" => &["kinesis:PutRecords"],
            _ => &[],
        };
        if !actions.is_empty() {
            let task_role = self.task_role(app);
            task_role.grant(
                app,
                crate::iam::Statement::allow(actions.iter().copied()).on_any(),
            )?;
        }
        let parameter = crate::ssm::ssm_parameter_typed(
            app,
            self.node,
            crate::ecs::log_driver::FLUENT_BIT_IMAGE_PARAMETER,
            "AWS::SSM::Parameter::Value<String>",
        )?;
        let id = "log-router";
        let node = app.stack_mut(self.node.stack()).add_node(self.node, id)?;
        let options = ContainerDefinitionOptions::default()
            .memory_reservation_mib(50)
            .firelens_config(crate::ecs::container::FirelensConfig::default())
            .logging(crate::ecs::log_driver::LogDriver::aws_logs(
                crate::ecs::log_driver::AwsLogDriverProps::default().stream_prefix("firelens"),
            ));
        let log_configuration = match &options.logging {
            Some(driver) => Some(driver.bind(app, self, node, id)?),
            None => None,
        };
        app.all_mut::<TaskDefinitionData>()[self.index]
            .containers
            .push(ContainerData {
                id: id.to_string(),
                node,
                name: id.to_string(),
                log_configuration,
                essential: true,
                options,
                image: Value::Ref(parameter),
                credentials: None,
                tag_parameter: None,
                environment_files: Vec::new(),
            });
        Ok(())
    }

    /// Renders the containers from `first` on into `ContainerDefinitions`, keeping the entries
    /// before them: an entry depends on its container and on the names of the containers it
    /// names by handle, which exist when it is rendered, so adding a container renders only
    /// the new ones (linear in the number of containers).
    pub(crate) fn render_containers_from(self, app: &mut App, first: usize) {
        let data = &app.all::<TaskDefinitionData>()[self.index];
        // Only containers that name others by handle need the names.
        let names: Vec<&str> = if data.containers[first..]
            .iter()
            .any(ContainerData::names_others)
        {
            data.container_names()
        } else {
            Vec::new()
        };
        let rendered: Vec<Value> = data.containers[first..]
            .iter()
            .map(|c| c.render(data.compatibility, data.network_mode, &names))
            .collect();
        let resource = data.resource;
        let props = &mut app
            .stack_mut(self.node.stack())
            .resource_mut(resource)
            .properties;
        match props.get_mut("ContainerDefinitions") {
            Some(Value::List(list)) if list.len() >= first => {
                list.truncate(first);
                list.extend(rendered);
            }
            _ => self.render_containers_all(app),
        }
    }

    /// Rewrites `ContainerDefinitions` from every container.
    fn render_containers_all(self, app: &mut App) {
        let data = &app.all::<TaskDefinitionData>()[self.index];
        let names = data.container_names();
        let list: Vec<Value> = data
            .containers
            .iter()
            .map(|c| c.render(data.compatibility, data.network_mode, &names))
            .collect();
        let resource = data.resource;
        app.stack_mut(self.node.stack())
            .resource_mut(resource)
            .set("ContainerDefinitions", Value::List(list));
    }

    /// Re-renders the entry of container `index` after it changed.
    pub(crate) fn render_container(self, app: &mut App, index: usize) {
        let data = &app.all::<TaskDefinitionData>()[self.index];
        let names = data.container_names();
        let entry = data.containers[index].render(data.compatibility, data.network_mode, &names);
        let resource = data.resource;
        let props = &mut app
            .stack_mut(self.node.stack())
            .resource_mut(resource)
            .properties;
        match props.get_mut("ContainerDefinitions") {
            Some(Value::List(list)) if index < list.len() => list[index] = entry,
            _ => self.render_containers_all(app),
        }
    }

    /// The container named `name` (CDK `findContainer`).
    pub fn find_container(self, app: &App, name: &str) -> Option<ContainerDefinition> {
        self.data(app)
            .containers
            .iter()
            .position(|c| c.name == name)
            .map(|i| ContainerDefinition::at(self, i))
    }

    /// The execution role, once something needed one.
    pub fn execution_role(self, app: &App) -> Option<Role> {
        self.data(app).execution_role
    }

    /// Adds a statement to the task role's policy (CDK `addToTaskRolePolicy`): what the
    /// containers may do.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::iam::Statement;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
    /// td.add_to_task_role_policy(&mut app, Statement::allow(["s3:GetObject"]).on_any())?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the task definition is of another app.
    pub fn add_to_task_role_policy(
        self,
        app: &mut App,
        statement: crate::iam::Statement,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        self.task_role(app).grant(app, statement)
    }

    /// Adds a statement to the execution role's policy, creating the role on first use (CDK
    /// `addToExecutionRolePolicy`): what ECS may do to start the tasks.
    ///
    /// # Errors
    ///
    /// When the task definition is of another app.
    pub fn add_to_execution_role_policy(
        self,
        app: &mut App,
        statement: crate::iam::Statement,
    ) -> Result<(), Error> {
        let role = self.obtain_execution_role(app)?;
        role.grant(app, statement)
    }

    /// The port mapping named `name`, of the last container that has one (CDK
    /// `findPortMappingByName`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx"))
    ///     .port_mappings([PortMapping::default().container_port(80).name("http")]))?;
    /// assert_eq!(td.find_port_mapping_by_name(&app, "http").map(|m| m.container_port), Some(80));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub fn find_port_mapping_by_name<'a>(
        self,
        app: &'a App,
        name: &str,
    ) -> Option<&'a PortMapping> {
        self.data(app).containers.iter().rev().find_map(|c| {
            c.options
                .port_mappings
                .iter()
                .find(|m| m.name.as_deref() == Some(name))
        })
    }

    /// The first essential container (CDK `defaultContainer`).
    pub fn default_container(self, app: &App) -> Option<ContainerDefinition> {
        self.data(app)
            .containers
            .iter()
            .position(|c| c.essential)
            .map(|i| ContainerDefinition::at(self, i))
    }
}

/// Reads the task sizes as CloudFormation does (units or unit strings); a size it cannot read
/// is an error before any rule is judged.
fn resolve_sizes(
    id: &str,
    compatibility: Compatibility,
    memory_property: MemoryProperty,
    spec: &Spec,
) -> Result<(Option<u32>, Option<u32>), Error> {
    let cpu = spec
        .cpu
        .as_ref()
        .map(|c| c.resolve(id, compatibility, "cpu", rules::parse_cpu))
        .transpose()?;
    let memory = spec
        .memory
        .as_ref()
        .map(|m| {
            m.resolve(
                id,
                compatibility,
                memory_property.name(),
                rules::parse_memory,
            )
        })
        .transpose()?;
    Ok((cpu, memory))
}

/// A list property as a fact: given when not empty.
fn listed<T>(items: &[T]) -> Fact<(), ()> {
    Fact::written(!items.is_empty(), ())
}

/// The volumes as rules F4 and X1 see them.
fn volume_facts(volumes: &[Volume]) -> Vec<VolumeFact<()>> {
    volumes
        .iter()
        .map(|v| VolumeFact {
            name: v.name.clone(),
            host_bound: if v.host.is_some() {
                Some("host")
            } else if v.docker_volume_configuration.is_some() {
                Some("docker")
            } else {
                None
            },
            at: (),
        })
        .collect()
}

/// A container's options as the rules see them.
fn container_facts<'a>(
    id: &'a str,
    options: &'a ContainerDefinitionOptions,
) -> ContainerFacts<'a, ()> {
    let mut facts = ContainerFacts::new(id, ());
    if let Some(name) = &options.container_name {
        facts.name = Cow::Borrowed(name);
    }
    facts.essential = Fact::given(options.essential, ());
    facts.port_mappings = Some(port_mapping_facts(&options.port_mappings));
    facts.memory_limit_mib = Fact::given(options.memory_limit_mib, ());
    facts.memory_reservation_mib = Fact::given(options.memory_reservation_mib, ());
    facts.cpu = Fact::given(options.cpu, ());
    facts.privileged = Fact::given(options.privileged, ());
    facts.accelerator_resources = options
        .inference_accelerator_resources
        .iter()
        .map(|device| (device.clone(), ()))
        .collect();
    if let Some(h) = &options.health_check {
        facts.health_check = Fact::Known((), ());
        facts.health_check_interval = Fact::given(
            h.interval
                .map(crate::cfn::duration::Duration::to_seconds_u32),
            (),
        );
        facts.health_check_timeout = Fact::given(
            h.timeout
                .map(crate::cfn::duration::Duration::to_seconds_u32),
            (),
        );
    }
    facts.environment_count = Fact::Known(options.environment.len(), ());
    facts.log_driver = Fact::given(options.logging.as_ref().map(|d| d.name()), ());
    facts.restart_enabled = Fact::given(options.enable_restart_policy, ());
    facts.restart_ignored_exit_codes = Fact::given(
        (!options.restart_ignored_exit_codes.is_empty())
            .then_some(options.restart_ignored_exit_codes.len()),
        (),
    );
    facts.restart_attempt_period =
        Fact::given(options.restart_attempt_period.map(|d| d.to_seconds()), ());
    facts.credential_specs = Fact::Known(options.credential_specs.len(), ());
    if let Some(linux) = &options.linux_parameters {
        facts.devices = listed(&linux.devices);
        let added = linux
            .capabilities_add
            .iter()
            .any(|c| !rules::fargate_capability(c));
        facts.host_capabilities = Fact::written(added, ());
    }
    facts
}

/// Port mappings as the rules see them.
pub(crate) fn port_mapping_facts(mappings: &[PortMapping]) -> Vec<PortMappingFact<'_, ()>> {
    mappings
        .iter()
        .map(|m| {
            // Port 0 with a range is the CDK's `CONTAINER_PORT_USE_RANGE`: no port written.
            let ranged = m.container_port_range.is_some()
                && m.container_port == PortMapping::CONTAINER_PORT_USE_RANGE;
            PortMappingFact {
                container_port: if ranged {
                    Fact::Absent
                } else {
                    Fact::Known(m.container_port, ())
                },
                host_port: Fact::given(m.host_port, ()),
                protocol: Fact::Known(m.protocol, ()),
                container_port_range: match &m.container_port_range {
                    Some(r) => Fact::Known(Cow::Borrowed(r.as_str()), ()),
                    None => Fact::Absent,
                },
                name: match &m.name {
                    Some(n) => Fact::Known(Cow::Borrowed(n.as_str()), ()),
                    None => Fact::Absent,
                },
                app_protocol: Fact::written(m.app_protocol.is_some(), ()),
            }
        })
        .collect()
}

impl TaskDefinitionData {
    /// The rules' view of the task definition and the containers it holds.
    pub(crate) fn facts(&self) -> TaskFacts<'_, ()> {
        let mut facts = self.task_facts();
        facts.containers = self
            .containers
            .iter()
            .map(|c| container_facts(&c.id, &c.options))
            .collect();
        facts
    }

    /// The containers' names (`Name`), in order: what handles to them render as.
    pub(crate) fn container_names(&self) -> Vec<&str> {
        self.containers.iter().map(|c| c.name.as_str()).collect()
    }

    /// The rules' view of the task definition without its containers.
    pub(crate) fn task_facts(&self) -> TaskFacts<'_, ()> {
        let mut facts = TaskFacts::new(&self.id, (), self.compatibility);
        facts.network_mode = Fact::Known(self.network_mode, ());
        facts.cpu = Fact::given(self.cpu, ());
        facts.memory = Fact::given(self.memory, ());
        facts.ephemeral_storage_gib = Fact::given(self.ephemeral_storage_gib, ());
        let devices = self.inference_accelerators.iter();
        facts.accelerator_devices = Some(devices.map(|a| a.device_name.clone()).collect());
        facts
    }
}

/// Synth-time rules of task definitions (E1, container references), appended to `messages`.
impl crate::construct::app::Data for TaskDefinitionData {
    fn validate(app: &App, messages: &mut Vec<crate::error::Diagnostic>) {
        for td in app.all::<TaskDefinitionData>() {
            // Checked once every container is added, so a container may name one added after it.
            let names = td.container_names();
            for c in &td.containers {
                // Handles are checked when given; names here.
                let references = crate::ecs::container::references(&c.options)
                    .filter_map(|(property, r)| r.as_name().map(|name| (property, name)));
                for (property, name) in references {
                    if !rules::container_reference_known(name, &names) {
                        messages.push(Diagnostic::new(
                            ErrorKind::Rule(RuleId::G4),
                            rules::unknown_container_reference_message(
                                property, &c.name, name, &td.id, &names,
                            ),
                        ));
                    }
                }
            }
            messages.extend(
                configured_at_launch_problems(td)
                    .into_iter()
                    .map(|m| crate::error::Diagnostic::new(crate::error::ErrorKind::Invalid, m)),
            );
            let facts = td.facts();
            let e1 = facts
                .violations()
                .into_iter()
                .filter(|v| v.rule == RuleId::E1);
            messages.extend(e1.map(|v| v.diagnostic()));
            messages.extend(facts.synth_violations().into_iter().map(|v| v.diagnostic()));
        }
    }
}

impl App {
    /// The task definition with construct id `id` at the top of `stack`, e.g. one declared in
    /// an `ecs_app!` block, for builder calls after the block.
    ///
    /// ```
    /// use ecs_core::{App, ecs::task_definition::Ec2TaskDefinition};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// assert_eq!(app.find_task_definition(s, "TaskDef"), Some(td));
    /// ```
    pub fn find_task_definition(&self, stack: StackId, id: &str) -> Option<TaskDefinition> {
        let root = self.stack(stack).root();
        self.all::<TaskDefinitionData>()
            .iter()
            .enumerate()
            .find(|(_, td)| {
                td.id == id && {
                    let st = self.stack(stack);
                    st.child(root, id).is_some() && td.resource.stack() == stack
                }
            })
            .map(|(index, _)| TaskDefinition {
                node: self.stack(stack).child(root, id).expect("checked above"),
                index,
            })
    }
}

impl crate::iam::Grantee for TaskDefinition {
    fn grantee_role(&self, app: &App) -> Role {
        self.task_role(app)
    }
}

handle!(TaskDefinition);

impl NetworkMode {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "task_definition", "NetworkMode"],
        variants: Self::VARIANT_NAMES,
    };
}

impl Compatibility {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "task_definition", "Compatibility"],
        variants: Self::VARIANT_NAMES,
    };
}

impl IpcMode {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "task_definition", "IpcMode"],
        variants: Self::VARIANT_NAMES,
    };
}

impl PidMode {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "task_definition", "PidMode"],
        variants: Self::VARIANT_NAMES,
    };
}

props! {
    /// What an existing task definition is known by (CDK `TaskDefinitionAttributes`), for
    /// [`TaskDefinition::from_task_definition_attributes`] and the `imported_task_definition`
    /// item.
    ///
    /// ```
    /// use ecs_core::ecs::task_definition::{Compatibility, TaskDefinitionAttributes};
    /// let attrs = TaskDefinitionAttributes::default()
    ///     .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/job:1")
    ///     .compatibility(Compatibility::Fargate);
    /// assert_eq!(attrs.compatibility, Some(Compatibility::Fargate));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct TaskDefinitionAttributes {
        /// The task definition's ARN, with or without its revision.
        [into "taskDefinitionArn", .required()]
        task_definition_arn: String,
        /// Where its tasks may run.
        [opt "compatibility", .ty(Enum(&crate::ecs::task_definition::Compatibility::DEF)), .default("`Ec2AndFargate`")]
        compatibility: Compatibility,
        /// Its network mode: what an events rule needs to run it.
        [opt "networkMode", .ty(Enum(&crate::ecs::task_definition::NetworkMode::DEF))]
        network_mode: NetworkMode,
        /// Its task role (a `role` or `imported_role`): what an events rule passes to run a
        /// Fargate-compatible task.
        [opt "taskRole", .ty(Ref(RefClass::Role))]
        task_role: Role,
        /// Its execution role (a `role` or `imported_role`), passed by an events rule.
        [opt "executionRole", .ty(Ref(RefClass::Role))]
        execution_role: Role,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ImportedTaskDefinitionData {
    id: String,
    arn: String,
    compatibility: Compatibility,
    network_mode: Option<NetworkMode>,
    task_role: Option<Role>,
    execution_role: Option<Role>,
}

impl crate::construct::app::Data for ImportedTaskDefinitionData {}

/// A task definition that exists already, known by its ARN (CDK `ImportedTaskDefinition`, what
/// `fromFargateTaskDefinitionArn`, `fromEc2TaskDefinitionArn` and
/// `fromTaskDefinitionAttributes` return): an events rule may run it; a service may not, as in
/// the CDK, whose services take a task definition of the app.
///
/// ```
/// use ecs_core::prelude::*;
/// let mut app = App::new();
/// let s = app.add_stack("Jobs")?;
/// let td = FargateTaskDefinition::from_fargate_task_definition_arn(&mut app, s, "Job",
///     "arn:aws:ecs:us-east-1:123456789012:task-definition/job:3")?;
/// assert_eq!(td.compatibility(&app), Compatibility::Ec2AndFargate);
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportedTaskDefinition {
    node: NodeId,
    index: usize,
}

impl ImportedTaskDefinition {
    /// [`TaskDefinition::from_task_definition_attributes`], as the `imported_task_definition`
    /// item calls it.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::task_definition::{ImportedTaskDefinition, TaskDefinitionAttributes};
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// let td = ImportedTaskDefinition::new(&mut app, s, "Job", TaskDefinitionAttributes::default()
    ///     .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/job"))?;
    /// assert_eq!(td.network_mode(&app), None);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`TaskDefinition::from_task_definition_attributes`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: TaskDefinitionAttributes,
    ) -> Result<ImportedTaskDefinition, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(attrs.task_role.into_iter().chain(attrs.execution_role))?;
        let Some(arn) = attrs.task_definition_arn else {
            return Err(Error::new(format!(
                "imported task definition `{id}` needs `task_definition_arn`: add e.g. `task_definition_arn: \"arn:aws:ecs:us-east-1:123456789012:task-definition/web:1\"`"
            )));
        };
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<ImportedTaskDefinitionData>().len();
        app.all_mut::<ImportedTaskDefinitionData>()
            .push(ImportedTaskDefinitionData {
                id: id.to_string(),
                arn,
                compatibility: attrs.compatibility.unwrap_or(Compatibility::Ec2AndFargate),
                network_mode: attrs.network_mode,
                task_role: attrs.task_role,
                execution_role: attrs.execution_role,
            });
        Ok(ImportedTaskDefinition { node, index })
    }

    fn data(self, app: &App) -> &ImportedTaskDefinitionData {
        &app.all::<ImportedTaskDefinitionData>()[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &self.data(app).id
    }

    /// The ARN given.
    pub fn arn(self, app: &App) -> Value {
        Value::from(self.data(app).arn.clone())
    }

    /// Where its tasks may run: the compatibility given, else `Ec2AndFargate`, as the CDK
    /// assumes.
    pub fn compatibility(self, app: &App) -> Compatibility {
        self.data(app).compatibility
    }

    /// The network mode given, if any.
    pub fn network_mode(self, app: &App) -> Option<NetworkMode> {
        self.data(app).network_mode
    }

    /// The task role given, if any.
    pub fn task_role(self, app: &App) -> Option<Role> {
        self.data(app).task_role
    }

    /// The execution role given, if any.
    pub fn execution_role(self, app: &App) -> Option<Role> {
        self.data(app).execution_role
    }
}

handle!(ImportedTaskDefinition);

/// The message of an imported task definition lacking `what` (`network_mode`, `task_role`)
/// for `purpose`, as the CDK's `ImportedTaskDefinition` refuses it.
pub fn imported_task_definition_needs_message(id: &str, what: &str, purpose: &str) -> String {
    format!(
        "imported task definition `{id}` needs `{what}` {purpose}: add `{what}` to its attributes"
    )
}

impl TaskDefinition {
    /// An existing task definition known by its attributes (CDK
    /// `TaskDefinition.fromTaskDefinitionAttributes`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::task_definition::TaskDefinitionAttributes;
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// let td = TaskDefinition::from_task_definition_attributes(&mut app, s, "Job",
    ///     TaskDefinitionAttributes::default()
    ///         .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/job:1")
    ///         .network_mode(NetworkMode::AwsVpc))?;
    /// assert_eq!(td.network_mode(&app), Some(NetworkMode::AwsVpc));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or
    /// `task_definition_arn` is missing.
    pub fn from_task_definition_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: TaskDefinitionAttributes,
    ) -> Result<ImportedTaskDefinition, Error> {
        ImportedTaskDefinition::new(app, scope, id, attrs)
    }

    /// An existing task definition known by its ARN alone (CDK
    /// `TaskDefinition.fromTaskDefinitionArn`), compatible with EC2 and Fargate as the CDK
    /// assumes.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// let td = TaskDefinition::from_task_definition_arn(&mut app, s, "Job",
    ///     "arn:aws:ecs:us-east-1:123456789012:task-definition/job:3")?;
    /// assert_eq!(td.compatibility(&app), Compatibility::Ec2AndFargate);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or `scope` is of another app.
    pub fn from_task_definition_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: impl Into<String>,
    ) -> Result<ImportedTaskDefinition, Error> {
        let attrs = TaskDefinitionAttributes::default().task_definition_arn(arn);
        ImportedTaskDefinition::new(app, scope, id, attrs)
    }
}

/// Configuration applied to a task definition by [`TaskDefinition::add_extension`] (CDK
/// `ITaskDefinitionExtension`).
pub trait TaskDefinitionExtension {
    /// Applies the extension to `td`.
    ///
    /// # Errors
    ///
    /// When the configuration breaks a rule of the task definition.
    fn extend(&self, app: &mut App, td: TaskDefinition) -> Result<(), Error>;
}

/// `iam:PassRole` on `roles`, passed to ECS tasks only (CDK `passRoleStatement`).
fn pass_role_statement(roles: Vec<Value>) -> crate::iam::Statement {
    crate::iam::Statement::allow(["iam:PassRole"])
        .on(roles)
        .when(
            "StringLike",
            "iam:PassedToService",
            Value::from("ecs-tasks.amazonaws.com"),
        )
}

/// `attrs` with the compatibility of the kind importing them (the CDK's
/// `from<Kind>TaskDefinitionAttributes` overrides whatever was given).
fn of_kind(attrs: TaskDefinitionAttributes, c: Compatibility) -> TaskDefinitionAttributes {
    attrs.compatibility(c)
}

impl ExternalTaskDefinition {
    /// An existing External task definition known by its attributes (CDK
    /// `ExternalTaskDefinition.fromExternalTaskDefinitionAttributes`).
    ///
    /// # Errors
    ///
    /// As [`TaskDefinition::from_task_definition_attributes`].
    pub fn from_external_task_definition_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: TaskDefinitionAttributes,
    ) -> Result<ImportedTaskDefinition, Error> {
        ImportedTaskDefinition::new(app, scope, id, of_kind(attrs, Compatibility::External))
    }
}

impl FargateTaskDefinition {
    /// An existing Fargate task definition known by its attributes (CDK
    /// `FargateTaskDefinition.fromFargateTaskDefinitionAttributes`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// let td = FargateTaskDefinition::from_fargate_task_definition_attributes(&mut app, s, "Job",
    ///     TaskDefinitionAttributes::default()
    ///         .task_definition_arn("arn:aws:ecs:us-east-1:123456789012:task-definition/job:3")
    ///         .network_mode(NetworkMode::AwsVpc))?;
    /// assert_eq!(td.compatibility(&app), Compatibility::Fargate);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`TaskDefinition::from_task_definition_attributes`].
    pub fn from_fargate_task_definition_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: TaskDefinitionAttributes,
    ) -> Result<ImportedTaskDefinition, Error> {
        ImportedTaskDefinition::new(app, scope, id, of_kind(attrs, Compatibility::Fargate))
    }

    /// An existing Fargate task definition known by its ARN alone (CDK
    /// `FargateTaskDefinition.fromFargateTaskDefinitionArn`): of unknown network mode and task
    /// role, which an events rule needs; use
    /// [`TaskDefinition::from_task_definition_attributes`] to give them.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// let td = FargateTaskDefinition::from_fargate_task_definition_arn(&mut app, s, "Job",
    ///     "arn:aws:ecs:us-east-1:123456789012:task-definition/job:3")?;
    /// assert_eq!(td.task_role(&app), None);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or `scope` is of another app.
    pub fn from_fargate_task_definition_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: impl Into<String>,
    ) -> Result<ImportedTaskDefinition, Error> {
        let attrs = TaskDefinitionAttributes::default().task_definition_arn(arn);
        ImportedTaskDefinition::new(app, scope, id, attrs)
    }
}

impl Ec2TaskDefinition {
    /// An existing EC2 task definition known by its attributes (CDK
    /// `Ec2TaskDefinition.fromEc2TaskDefinitionAttributes`).
    ///
    /// # Errors
    ///
    /// As [`TaskDefinition::from_task_definition_attributes`].
    pub fn from_ec2_task_definition_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: TaskDefinitionAttributes,
    ) -> Result<ImportedTaskDefinition, Error> {
        ImportedTaskDefinition::new(app, scope, id, of_kind(attrs, Compatibility::Ec2))
    }

    /// An existing EC2 task definition known by its ARN alone (CDK
    /// `Ec2TaskDefinition.fromEc2TaskDefinitionArn`), as
    /// [`FargateTaskDefinition::from_fargate_task_definition_arn`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Jobs")?;
    /// let td = Ec2TaskDefinition::from_ec2_task_definition_arn(&mut app, s, "Job",
    ///     "arn:aws:ecs:us-east-1:123456789012:task-definition/job:3")?;
    /// assert_eq!(td.id(&app), "Job");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or `scope` is of another app.
    pub fn from_ec2_task_definition_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: impl Into<String>,
    ) -> Result<ImportedTaskDefinition, Error> {
        let attrs = TaskDefinitionAttributes::default().task_definition_arn(arn);
        ImportedTaskDefinition::new(app, scope, id, attrs)
    }
}

/// A task definition of the app or an imported one: what an events rule's ECS task target runs
/// (the CDK's `ITaskDefinition`).
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs::task_definition::AnyTaskDefinition;
/// let mut app = App::new();
/// let s = app.add_stack("Jobs")?;
/// let td = Ec2TaskDefinition::from_ec2_task_definition_arn(&mut app, s, "Job",
///     "arn:aws:ecs:us-east-1:123456789012:task-definition/job:3")?;
/// assert_eq!(AnyTaskDefinition::from(td), AnyTaskDefinition::Imported(td));
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyTaskDefinition {
    /// One of the app.
    Defined(TaskDefinition),
    /// One that exists already.
    Imported(ImportedTaskDefinition),
}

impl From<TaskDefinition> for AnyTaskDefinition {
    fn from(td: TaskDefinition) -> Self {
        AnyTaskDefinition::Defined(td)
    }
}

impl From<ImportedTaskDefinition> for AnyTaskDefinition {
    fn from(td: ImportedTaskDefinition) -> Self {
        AnyTaskDefinition::Imported(td)
    }
}

impl AnyTaskDefinition {
    /// The construct's scope.
    pub fn node(self) -> NodeId {
        match self {
            AnyTaskDefinition::Defined(td) => td.node(),
            AnyTaskDefinition::Imported(td) => td.node(),
        }
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        match self {
            AnyTaskDefinition::Defined(td) => td.id(app),
            AnyTaskDefinition::Imported(td) => td.id(app),
        }
    }

    /// The ARN: a reference to one of the app, the literal of an imported one.
    pub fn arn(self, app: &App) -> Value {
        match self {
            AnyTaskDefinition::Defined(td) => td.arn(app),
            AnyTaskDefinition::Imported(td) => td.arn(app),
        }
    }

    /// Where its tasks may run.
    pub fn compatibility(self, app: &App) -> Compatibility {
        match self {
            AnyTaskDefinition::Defined(td) => td.compatibility(app),
            AnyTaskDefinition::Imported(td) => td.compatibility(app),
        }
    }

    /// The network mode; unknown for an imported one not given it.
    pub fn network_mode(self, app: &App) -> Option<NetworkMode> {
        match self {
            AnyTaskDefinition::Defined(td) => Some(td.network_mode(app)),
            AnyTaskDefinition::Imported(td) => td.network_mode(app),
        }
    }

    /// The task role; unknown for an imported one not given it.
    pub fn task_role(self, app: &App) -> Option<Role> {
        match self {
            AnyTaskDefinition::Defined(td) => Some(td.task_role(app)),
            AnyTaskDefinition::Imported(td) => td.task_role(app),
        }
    }

    /// The execution role, if it has one.
    pub fn execution_role(self, app: &App) -> Option<Role> {
        match self {
            AnyTaskDefinition::Defined(td) => td.execution_role(app),
            AnyTaskDefinition::Imported(td) => td.execution_role(app),
        }
    }

    /// The task definition of the app, `None` for an imported one.
    pub fn defined(self) -> Option<TaskDefinition> {
        match self {
            AnyTaskDefinition::Defined(td) => Some(td),
            AnyTaskDefinition::Imported(_) => None,
        }
    }
}

handle!(AnyTaskDefinition);

/// The CDK's checks of volumes given when the task runs (`configured_at_launch`): no other
/// configuration on them, at most one of them, and each mounted by a container.
fn configured_at_launch_problems(td: &TaskDefinitionData) -> Vec<String> {
    let at_launch: Vec<&Volume> = td
        .volumes
        .iter()
        .filter(|v| v.configured_at_launch == Some(true))
        .collect();
    let mut problems = Vec::new();
    for v in &at_launch {
        if v.host.is_some()
            || v.docker_volume_configuration.is_some()
            || v.efs_volume_configuration.is_some()
        {
            problems.push(format!(
                "volume `{}` of task definition `{}` is `configured_at_launch` and has a host, docker or efs configuration: a volume configured at launch takes its configuration then; remove it",
                v.name, td.id
            ));
        }
    }
    if at_launch.len() > 1 {
        let names: Vec<String> = at_launch.iter().map(|v| format!("`{}`", v.name)).collect();
        problems.push(format!(
            "task definition `{}` has more than one volume configured at launch ({}): keep one",
            td.id,
            names.join(", ")
        ));
    }
    for v in &at_launch {
        let mounted = td.containers.iter().any(|c| {
            c.options
                .mount_points
                .iter()
                .any(|m| m.source_volume == v.name)
        });
        if !mounted {
            problems.push(format!(
                "volume `{}` of task definition `{}` is `configured_at_launch` but no container mounts it: add a mount point for it",
                v.name, td.id
            ));
        }
    }
    problems
}
