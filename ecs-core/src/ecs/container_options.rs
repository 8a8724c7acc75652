//! The structured options of a container: health check, Linux parameters, ulimits, container
//! dependencies, extra hosts and system controls (CDK `HealthCheck`, `LinuxParameters`, …).
//!
//! ```
//! use ecs_core::{ecs::container_options::HealthCheck, cfn::duration::Duration};
//! let hc = HealthCheck::default().command(["curl -f http://localhost/ || exit 1"]).interval(Duration::seconds(10));
//! assert_eq!(hc.interval, Some(Duration::seconds(10)));
//! ```

use crate::cfn::Value;
use crate::cfn::duration::Duration;
use crate::ecs::container::{ContainerDefinition, ContainerRef};

/// A container health check (CDK `HealthCheck`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HealthCheck {
    /// The command: one string runs in a shell (`CMD-SHELL`), several are `CMD` arguments
    /// unless the first is already `CMD` or `CMD-SHELL`.
    pub command: Vec<String>,
    /// Time between checks; default 30 s (rule G3: 5–300 s).
    pub interval: Option<Duration>,
    /// Failures before the container is unhealthy; default 3.
    pub retries: Option<u32>,
    /// Grace period after start.
    pub start_period: Option<Duration>,
    /// Time a check may take; default 5 s (rule G3: 2–120 s).
    pub timeout: Option<Duration>,
}

impl HealthCheck {
    /// Sets `command`.
    pub fn command<S: Into<String>>(mut self, command: impl IntoIterator<Item = S>) -> Self {
        self.command = command.into_iter().map(Into::into).collect();
        self
    }

    /// Sets `interval`.
    pub fn interval(mut self, d: Duration) -> Self {
        self.interval = Some(d);
        self
    }

    /// Sets `retries`.
    pub fn retries(mut self, n: u32) -> Self {
        self.retries = Some(n);
        self
    }

    /// Sets `start_period`.
    pub fn start_period(mut self, d: Duration) -> Self {
        self.start_period = Some(d);
        self
    }

    /// Sets `timeout`.
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = Some(d);
        self
    }

    pub(crate) fn render(&self) -> Value {
        let c = &self.command;
        let command: Vec<String> = if c.len() == 1 {
            vec!["CMD-SHELL".into(), c[0].clone()]
        } else if c.first().is_some_and(|f| f == "CMD" || f == "CMD-SHELL") {
            c.clone()
        } else {
            std::iter::once("CMD".to_string())
                .chain(c.iter().cloned())
                .collect()
        };
        let mut m = vec![
            ("Command", Value::strings(command)),
            (
                "Interval",
                self.interval.unwrap_or(Duration::seconds(30)).into(),
            ),
            ("Retries", self.retries.unwrap_or(3).into()),
            (
                "Timeout",
                self.timeout.unwrap_or(Duration::seconds(5)).into(),
            ),
        ];
        if let Some(s) = self.start_period {
            m.push(("StartPeriod", s.into()));
        }
        Value::map(m)
    }
}

/// A host device exposed to the container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// `HostPath`.
    pub host_path: String,
    /// `ContainerPath`; default the host path.
    pub container_path: Option<String>,
    /// `Permissions`: `read`, `write`, `mknod`.
    pub permissions: Vec<String>,
}

impl Device {
    /// The host device `host_path`, at the same path in the container, with Docker's default
    /// permissions.
    ///
    /// ```
    /// let d = ecs_core::ecs::container_options::Device::new("/dev/sda").container_path("/dev/xvda").permissions(["read"]);
    /// assert_eq!(d.permissions, vec!["read".to_string()]);
    /// ```
    pub fn new(host_path: impl Into<String>) -> Device {
        Device {
            host_path: host_path.into(),
            container_path: None,
            permissions: Vec::new(),
        }
    }

    /// Sets `container_path`.
    pub fn container_path(mut self, path: impl Into<String>) -> Self {
        self.container_path = Some(path.into());
        self
    }

    /// Adds permissions (`read`, `write`, `mknod`; CDK `DevicePermission`).
    pub fn permissions<S: Into<String>>(mut self, p: impl IntoIterator<Item = S>) -> Self {
        self.permissions.extend(p.into_iter().map(Into::into));
        self
    }
}

/// A tmpfs mount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tmpfs {
    /// `ContainerPath`.
    pub container_path: String,
    /// `Size` in MiB.
    pub size: u32,
    /// `MountOptions`.
    pub mount_options: Vec<String>,
}

impl Tmpfs {
    /// A tmpfs of `size_mib` MiB at `container_path`.
    ///
    /// ```
    /// let t = ecs_core::ecs::container_options::Tmpfs::new("/tmp", 64).mount_options(["noexec"]);
    /// assert_eq!(t.size, 64);
    /// ```
    pub fn new(container_path: impl Into<String>, size_mib: u32) -> Tmpfs {
        Tmpfs {
            container_path: container_path.into(),
            size: size_mib,
            mount_options: Vec::new(),
        }
    }

    /// Adds mount options (e.g. `rw`, `noexec`; CDK `TmpfsMountOption`).
    pub fn mount_options<S: Into<String>>(mut self, o: impl IntoIterator<Item = S>) -> Self {
        self.mount_options.extend(o.into_iter().map(Into::into));
        self
    }
}

/// Linux-specific options (CDK `LinuxParameters`).
///
/// ```
/// let lp = ecs_core::ecs::container_options::LinuxParameters::default()
///     .init_process_enabled(true)
///     .add_capabilities(["SYS_PTRACE"]);
/// assert_eq!(lp.capabilities_add, vec!["SYS_PTRACE".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinuxParameters {
    /// `InitProcessEnabled`.
    pub init_process_enabled: Option<bool>,
    /// `SharedMemorySize` in MiB.
    pub shared_memory_size: Option<u32>,
    /// `MaxSwap` in MiB.
    pub max_swap: Option<u32>,
    /// `Swappiness`, 0–100.
    pub swappiness: Option<u32>,
    /// `Capabilities.Add` (on Fargate only `SYS_PTRACE`; rule F4).
    pub capabilities_add: Vec<String>,
    /// `Capabilities.Drop`.
    pub capabilities_drop: Vec<String>,
    /// `Devices` (not on Fargate; rule F4).
    pub devices: Vec<Device>,
    /// `Tmpfs`.
    pub tmpfs: Vec<Tmpfs>,
}

impl LinuxParameters {
    /// Sets `init_process_enabled`.
    pub fn init_process_enabled(mut self, on: bool) -> Self {
        self.init_process_enabled = Some(on);
        self
    }

    /// Sets `shared_memory_size` (MiB).
    pub fn shared_memory_size(mut self, mib: u32) -> Self {
        self.shared_memory_size = Some(mib);
        self
    }

    /// Sets `max_swap` (MiB).
    pub fn max_swap(mut self, mib: u32) -> Self {
        self.max_swap = Some(mib);
        self
    }

    /// Sets `swappiness`.
    pub fn swappiness(mut self, n: u32) -> Self {
        self.swappiness = Some(n);
        self
    }

    /// Adds kernel capabilities (CDK `addCapabilities`).
    pub fn add_capabilities<S: Into<String>>(mut self, caps: impl IntoIterator<Item = S>) -> Self {
        self.capabilities_add
            .extend(caps.into_iter().map(Into::into));
        self
    }

    /// Drops kernel capabilities (CDK `dropCapabilities`).
    pub fn drop_capabilities<S: Into<String>>(mut self, caps: impl IntoIterator<Item = S>) -> Self {
        self.capabilities_drop
            .extend(caps.into_iter().map(Into::into));
        self
    }

    /// Exposes a host device (CDK `addDevices`).
    pub fn add_device(
        mut self,
        host_path: impl Into<String>,
        container_path: Option<&str>,
    ) -> Self {
        self.devices.push(Device {
            host_path: host_path.into(),
            container_path: container_path.map(String::from),
            permissions: Vec::new(),
        });
        self
    }

    /// Exposes host devices (CDK `addDevices`), with their container paths and permissions.
    pub fn add_devices(mut self, devices: impl IntoIterator<Item = Device>) -> Self {
        self.devices.extend(devices);
        self
    }

    /// Adds tmpfs mounts (CDK `addTmpfs`), with their mount options.
    pub fn add_tmpfs_mounts(mut self, mounts: impl IntoIterator<Item = Tmpfs>) -> Self {
        self.tmpfs.extend(mounts);
        self
    }

    /// Adds a tmpfs mount (CDK `addTmpfs`).
    pub fn add_tmpfs(mut self, container_path: impl Into<String>, size_mib: u32) -> Self {
        self.tmpfs.push(Tmpfs {
            container_path: container_path.into(),
            size: size_mib,
            mount_options: Vec::new(),
        });
        self
    }

    pub(crate) fn render(&self) -> Value {
        // The CDK always writes `Capabilities`, empty lists left out.
        let mut caps = Vec::new();
        if !self.capabilities_add.is_empty() {
            caps.push(("Add", Value::strings(self.capabilities_add.clone())));
        }
        if !self.capabilities_drop.is_empty() {
            caps.push(("Drop", Value::strings(self.capabilities_drop.clone())));
        }
        let mut m = vec![("Capabilities", Value::map(caps))];
        if !self.devices.is_empty() {
            let list = self
                .devices
                .iter()
                .map(|d| {
                    let mut dm = vec![("HostPath", Value::from(d.host_path.clone()))];
                    if let Some(c) = &d.container_path {
                        dm.push(("ContainerPath", Value::from(c.clone())));
                    }
                    if !d.permissions.is_empty() {
                        dm.push(("Permissions", Value::strings(d.permissions.clone())));
                    }
                    Value::map(dm)
                })
                .collect();
            m.push(("Devices", Value::List(list)));
        }
        if let Some(v) = self.init_process_enabled {
            m.push(("InitProcessEnabled", v.into()));
        }
        if let Some(v) = self.max_swap {
            m.push(("MaxSwap", v.into()));
        }
        if let Some(v) = self.shared_memory_size {
            m.push(("SharedMemorySize", v.into()));
        }
        if let Some(v) = self.swappiness {
            m.push(("Swappiness", v.into()));
        }
        if !self.tmpfs.is_empty() {
            let list = self
                .tmpfs
                .iter()
                .map(|t| {
                    let mut tm = vec![
                        ("ContainerPath", Value::from(t.container_path.clone())),
                        ("Size", t.size.into()),
                    ];
                    if !t.mount_options.is_empty() {
                        tm.push(("MountOptions", Value::strings(t.mount_options.clone())));
                    }
                    Value::map(tm)
                })
                .collect();
            m.push(("Tmpfs", Value::List(list)));
        }
        Value::map(m)
    }
}

/// A resource limit (CDK `Ulimit`).
///
/// ```
/// let u = ecs_core::ecs::container_options::Ulimit::new("nofile", 1024, 4096);
/// assert_eq!(u.hard_limit, 4096);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ulimit {
    /// `Name`, e.g. `nofile`.
    pub name: String,
    /// `SoftLimit`.
    pub soft_limit: u32,
    /// `HardLimit`.
    pub hard_limit: u32,
}

impl Ulimit {
    /// A limit `name` of `soft_limit`/`hard_limit`.
    pub fn new(name: impl Into<String>, soft_limit: u32, hard_limit: u32) -> Ulimit {
        Ulimit {
            name: name.into(),
            soft_limit,
            hard_limit,
        }
    }

    pub(crate) fn render(&self) -> Value {
        Value::map([
            ("HardLimit", self.hard_limit.into()),
            ("Name", Value::from(self.name.clone())),
            ("SoftLimit", self.soft_limit.into()),
        ])
    }
}

/// When a dependent container may start (CDK `ContainerDependencyCondition`).
///
/// ```
/// use ecs_core::ecs::container_options::ContainerDependencyCondition as C;
/// assert_eq!(C::VARIANT_NAMES.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContainerDependencyCondition {
    /// The dependency has started.
    Start,
    /// The dependency ran and exited.
    Complete,
    /// The dependency exited with status 0.
    Success,
    /// The dependency passed its health check (the default).
    #[default]
    Healthy,
}

impl ContainerDependencyCondition {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Start", "Complete", "Success", "Healthy"];
}

props! {
    /// A dependency on another container of the task (CDK `ContainerDependency`): the container
    /// by handle or by name, and when this one may start.
    ///
    /// ```
    /// use ecs_core::ecs::container_options::{ContainerDependency, ContainerDependencyCondition};
    /// let d = ContainerDependency::new("init").condition(ContainerDependencyCondition::Success);
    /// assert_eq!(d.container.as_name(), Some("init"));
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct ContainerDependency {
        /// The container it waits for: a container of the same task definition.
        [val_into "container", .required(), .ty(Container)]
        container: ContainerRef,
        /// When the dependent container may start.
        [val "condition", .ty(Enum(&crate::ecs::container_options::ContainerDependencyCondition::DEF)), .default("Healthy")]
        condition: ContainerDependencyCondition,
    }
}

impl ContainerDependency {
    /// Waits for `container`, a handle or a name, to be healthy.
    pub fn new(container: impl Into<ContainerRef>) -> ContainerDependency {
        ContainerDependency {
            container: container.into(),
            condition: ContainerDependencyCondition::Healthy,
        }
    }

    pub(crate) fn render(&self, names: &[&str]) -> Value {
        let condition = match self.condition {
            ContainerDependencyCondition::Start => "START",
            ContainerDependencyCondition::Complete => "COMPLETE",
            ContainerDependencyCondition::Success => "SUCCESS",
            ContainerDependencyCondition::Healthy => "HEALTHY",
        };
        Value::map([
            ("Condition", Value::from(condition)),
            (
                "ContainerName",
                Value::from(self.container.resolve(names).to_owned()),
            ),
        ])
    }
}

impl From<&str> for ContainerDependency {
    fn from(name: &str) -> ContainerDependency {
        ContainerDependency::new(name)
    }
}

impl From<String> for ContainerDependency {
    fn from(name: String) -> ContainerDependency {
        ContainerDependency::new(name)
    }
}

impl From<ContainerDefinition> for ContainerDependency {
    fn from(container: ContainerDefinition) -> ContainerDependency {
        ContainerDependency::new(container)
    }
}

impl From<&ContainerDefinition> for ContainerDependency {
    fn from(container: &ContainerDefinition) -> ContainerDependency {
        ContainerDependency::new(*container)
    }
}

impl ContainerDependencyCondition {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "container_options", "ContainerDependencyCondition"],
        variants: Self::VARIANT_NAMES,
    };
}
