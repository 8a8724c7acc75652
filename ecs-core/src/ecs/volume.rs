//! Task volumes and the container mounts that use them (CDK `Volume`, `MountPoint`,
//! `VolumeFrom`): host paths, Docker volumes and EFS file systems.
//!
//! ```
//! use ecs_core::ecs::volume::{EfsVolumeConfiguration, MountPoint, Volume};
//! let v = Volume::efs("data", EfsVolumeConfiguration::new("fs-12345").transit_encryption("ENABLED"));
//! assert_eq!(v.name, "data");
//! let m = MountPoint::new("data", "/mnt/data", true);
//! assert!(m.read_only);
//! ```

use crate::cfn::Value;
use crate::ecs::container::{ContainerDefinition, ContainerRef};

/// What a task definition's `add_volume` takes: a [`Volume`], or a
/// [`ServiceManagedVolume`](crate::ecs::service_managed_volume::ServiceManagedVolume), whose
/// volume is configured at launch (CDK `addVolume(volume)` takes both).
pub trait IntoVolume {
    /// The task definition's volume.
    fn into_volume(self, app: &crate::App) -> Volume;
}

impl IntoVolume for Volume {
    fn into_volume(self, _app: &crate::App) -> Volume {
        self
    }
}

/// A volume of a task definition (CDK `Volume`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Volume {
    /// `Name`: what mount points refer to.
    pub name: String,
    /// `Host`: a path on the container instance (EC2 and External only; rule F4).
    pub host: Option<Host>,
    /// `DockerVolumeConfiguration` (EC2 only; rule F4).
    pub docker_volume_configuration: Option<DockerVolumeConfiguration>,
    /// `EFSVolumeConfiguration`.
    pub efs_volume_configuration: Option<EfsVolumeConfiguration>,
    /// `ConfiguredAtLaunch`: the volume is given when the task runs.
    pub configured_at_launch: Option<bool>,
}

impl Volume {
    /// A volume with only a name: Docker's scratch space, removed with the task.
    pub fn new(name: impl Into<String>) -> Volume {
        Volume {
            name: name.into(),
            ..Volume::default()
        }
    }

    /// A volume given when the task runs (`ConfiguredAtLaunch: true`): a service's
    /// [`ServiceManagedVolume`](crate::ecs::service_managed_volume::ServiceManagedVolume) of the
    /// same name.
    ///
    /// ```
    /// let v = ecs_core::ecs::volume::Volume::configured_at_launch("data");
    /// assert_eq!(v.configured_at_launch, Some(true));
    /// ```
    pub fn configured_at_launch(name: impl Into<String>) -> Volume {
        Volume {
            configured_at_launch: Some(true),
            ..Volume::new(name)
        }
    }

    /// A bind mount of `source_path` on the host (`Host.SourcePath`).
    pub fn host(name: impl Into<String>, source_path: impl Into<String>) -> Volume {
        Volume {
            host: Some(Host {
                source_path: Some(source_path.into()),
            }),
            ..Volume::new(name)
        }
    }

    /// A Docker-managed volume.
    pub fn docker(name: impl Into<String>, config: DockerVolumeConfiguration) -> Volume {
        Volume {
            docker_volume_configuration: Some(config),
            ..Volume::new(name)
        }
    }

    /// An Amazon EFS file system.
    pub fn efs(name: impl Into<String>, config: EfsVolumeConfiguration) -> Volume {
        Volume {
            efs_volume_configuration: Some(config),
            ..Volume::new(name)
        }
    }

    /// Whether it uses the container instance (a host path or a Docker volume), which Fargate
    /// does not give tasks.
    pub fn uses_instance(&self) -> bool {
        self.host.is_some() || self.docker_volume_configuration.is_some()
    }

    pub(crate) fn render(&self) -> Value {
        let mut m = vec![("Name", Value::from(self.name.clone()))];
        if let Some(h) = &self.host {
            let mut host = Vec::new();
            if let Some(p) = &h.source_path {
                host.push(("SourcePath", Value::from(p.clone())));
            }
            m.push(("Host", Value::map(host)));
        }
        if let Some(d) = &self.docker_volume_configuration {
            m.push(("DockerVolumeConfiguration", d.render()));
        }
        if let Some(e) = &self.efs_volume_configuration {
            m.push(("EFSVolumeConfiguration", e.render()));
        }
        if let Some(c) = self.configured_at_launch {
            m.push(("ConfiguredAtLaunch", c.into()));
        }
        Value::map(m)
    }
}

/// `Host` of a volume.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Host {
    /// `SourcePath`; Docker picks a path when absent.
    pub source_path: Option<String>,
}

/// The scope of a Docker volume (CDK `Scope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Removed when the task stops.
    Task,
    /// Kept after the task stops.
    Shared,
}

/// `DockerVolumeConfiguration` of a volume.
///
/// ```
/// use ecs_core::ecs::volume::{DockerVolumeConfiguration, Scope};
/// let c = DockerVolumeConfiguration::new("rexray/ebs", Scope::Shared).autoprovision(true);
/// assert_eq!(c.autoprovision, Some(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DockerVolumeConfiguration {
    /// `Driver`.
    pub driver: String,
    /// `Scope`.
    pub scope: Scope,
    /// `Autoprovision` (shared scope only).
    pub autoprovision: Option<bool>,
    /// `DriverOpts`.
    pub driver_opts: Vec<(String, String)>,
    /// `Labels`.
    pub labels: Vec<(String, String)>,
}

impl DockerVolumeConfiguration {
    /// A volume of `driver` with `scope`.
    pub fn new(driver: impl Into<String>, scope: Scope) -> Self {
        DockerVolumeConfiguration {
            driver: driver.into(),
            scope,
            autoprovision: None,
            driver_opts: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// Sets `autoprovision`.
    pub fn autoprovision(mut self, on: bool) -> Self {
        self.autoprovision = Some(on);
        self
    }

    /// Adds driver options.
    pub fn driver_opts<K: Into<String>, V: Into<String>>(
        mut self,
        opts: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.driver_opts
            .extend(opts.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Adds labels.
    pub fn labels<K: Into<String>, V: Into<String>>(
        mut self,
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.labels
            .extend(labels.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    fn render(&self) -> Value {
        let mut m = vec![
            ("Driver", Value::from(self.driver.clone())),
            (
                "Scope",
                Value::from(match self.scope {
                    Scope::Task => "task",
                    Scope::Shared => "shared",
                }),
            ),
        ];
        if let Some(a) = self.autoprovision {
            m.push(("Autoprovision", a.into()));
        }
        let map = |pairs: &[(String, String)]| {
            Value::map(
                pairs
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(v.clone()))),
            )
        };
        if !self.driver_opts.is_empty() {
            m.push(("DriverOpts", map(&self.driver_opts)));
        }
        if !self.labels.is_empty() {
            m.push(("Labels", map(&self.labels)));
        }
        Value::map(m)
    }
}

/// `EFSVolumeConfiguration` of a volume (CDK `EfsVolumeConfiguration`).
///
/// ```
/// use ecs_core::ecs::volume::{AuthorizationConfig, EfsVolumeConfiguration};
/// let c = EfsVolumeConfiguration::new("fs-1")
///     .root_directory("/data")
///     .authorization_config(AuthorizationConfig::default().iam("ENABLED"));
/// assert_eq!(c.root_directory.as_deref(), Some("/data"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EfsVolumeConfiguration {
    /// `FilesystemId`: an id or a reference to a file system.
    pub file_system_id: Value,
    /// `RootDirectory`.
    pub root_directory: Option<String>,
    /// `TransitEncryption`: `ENABLED` or `DISABLED`.
    pub transit_encryption: Option<String>,
    /// `TransitEncryptionPort`.
    pub transit_encryption_port: Option<u32>,
    /// `AuthorizationConfig`.
    pub authorization_config: Option<AuthorizationConfig>,
}

impl EfsVolumeConfiguration {
    /// The file system `file_system_id`: a literal id or `FileSystem.file_system_id()`.
    pub fn new(file_system_id: impl Into<Value>) -> Self {
        EfsVolumeConfiguration {
            file_system_id: file_system_id.into(),
            root_directory: None,
            transit_encryption: None,
            transit_encryption_port: None,
            authorization_config: None,
        }
    }

    /// Sets `root_directory`.
    pub fn root_directory(mut self, dir: impl Into<String>) -> Self {
        self.root_directory = Some(dir.into());
        self
    }

    /// Sets `transit_encryption` (`ENABLED` or `DISABLED`).
    pub fn transit_encryption(mut self, mode: impl Into<String>) -> Self {
        self.transit_encryption = Some(mode.into());
        self
    }

    /// Sets `transit_encryption_port`.
    pub fn transit_encryption_port(mut self, port: u32) -> Self {
        self.transit_encryption_port = Some(port);
        self
    }

    /// Sets `authorization_config`.
    pub fn authorization_config(mut self, config: AuthorizationConfig) -> Self {
        self.authorization_config = Some(config);
        self
    }

    fn render(&self) -> Value {
        let mut m = vec![("FilesystemId", self.file_system_id.clone())];
        if let Some(a) = &self.authorization_config {
            let mut auth = Vec::new();
            if let Some(id) = &a.access_point_id {
                auth.push(("AccessPointId", id.clone()));
            }
            if let Some(iam) = &a.iam {
                auth.push(("IAM", Value::from(iam.clone())));
            }
            m.push(("AuthorizationConfig", Value::map(auth)));
        }
        if let Some(d) = &self.root_directory {
            m.push(("RootDirectory", Value::from(d.clone())));
        }
        if let Some(t) = &self.transit_encryption {
            m.push(("TransitEncryption", Value::from(t.clone())));
        }
        if let Some(p) = self.transit_encryption_port {
            m.push(("TransitEncryptionPort", p.into()));
        }
        Value::map(m)
    }
}

/// `AuthorizationConfig` of an EFS volume.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthorizationConfig {
    /// `AccessPointId`: an id or `AccessPoint.access_point_id()`.
    pub access_point_id: Option<Value>,
    /// `IAM`: `ENABLED` or `DISABLED`.
    pub iam: Option<String>,
}

impl AuthorizationConfig {
    /// Sets `access_point_id`.
    pub fn access_point_id(mut self, id: impl Into<Value>) -> Self {
        self.access_point_id = Some(id.into());
        self
    }

    /// Sets `iam` (`ENABLED` or `DISABLED`).
    pub fn iam(mut self, mode: impl Into<String>) -> Self {
        self.iam = Some(mode.into());
        self
    }
}

/// A mount of a task volume into a container (CDK `MountPoint`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountPoint {
    /// `SourceVolume`: a volume name of the task.
    pub source_volume: String,
    /// `ContainerPath`.
    pub container_path: String,
    /// `ReadOnly`.
    pub read_only: bool,
}

impl MountPoint {
    /// Mounts volume `source_volume` at `container_path`.
    pub fn new(
        source_volume: impl Into<String>,
        container_path: impl Into<String>,
        read_only: bool,
    ) -> MountPoint {
        MountPoint {
            source_volume: source_volume.into(),
            container_path: container_path.into(),
            read_only,
        }
    }

    pub(crate) fn render(&self) -> Value {
        Value::map([
            ("ContainerPath", Value::from(self.container_path.clone())),
            ("ReadOnly", Value::from(self.read_only)),
            ("SourceVolume", Value::from(self.source_volume.clone())),
        ])
    }
}

props! {
    /// The volumes of another container of the task, mounted into this one (CDK `VolumeFrom`):
    /// the container by handle or by name.
    ///
    /// ```
    /// let v = ecs_core::ecs::volume::VolumeFrom::new("data", true);
    /// assert_eq!(v.source_container.as_name(), Some("data"));
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Default)]
    pub struct VolumeFrom {
        /// `SourceContainer`: a container of the same task definition.
        [val_into "sourceContainer", .required(), .ty(Container)]
        source_container: ContainerRef,
        /// `ReadOnly`: whether the volumes mount read-only.
        [val "readOnly", .default("false")]
        read_only: bool,
    }
}

impl VolumeFrom {
    /// The volumes of `source_container`, a handle or a name.
    pub fn new(source_container: impl Into<ContainerRef>, read_only: bool) -> VolumeFrom {
        VolumeFrom {
            source_container: source_container.into(),
            read_only,
        }
    }

    pub(crate) fn render(&self, names: &[&str]) -> Value {
        Value::map([
            ("ReadOnly", Value::from(self.read_only)),
            (
                "SourceContainer",
                Value::from(self.source_container.resolve(names).to_owned()),
            ),
        ])
    }
}

/// The container's volumes, read-write (ECS's default for `ReadOnly`).
impl From<ContainerDefinition> for VolumeFrom {
    fn from(container: ContainerDefinition) -> VolumeFrom {
        VolumeFrom::new(container, false)
    }
}

impl From<&ContainerDefinition> for VolumeFrom {
    fn from(container: &ContainerDefinition) -> VolumeFrom {
        VolumeFrom::new(*container, false)
    }
}
