//! Amazon EBS volumes that ECS creates for each task of a service and attaches at launch (CDK
//! `ServiceManagedVolume`): the task definition declares the volume `configured_at_launch`, a
//! container mounts it, and the service's `VolumeConfigurations` says how ECS makes it.
//!
//! ```
//! use ecs_core::prelude::*;
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
//! let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
//!     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
//! let web = td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
//!     .image(ContainerImage::from_registry("nginx")))?;
//! let data = ServiceManagedVolume::new(&mut app, s, "Data", ServiceManagedVolumeProps::default()
//!     .name("data")
//!     .managed_ebs_volume(ServiceManagedEbsVolumeConfiguration::default()
//!         .size(Size::gibibytes(15)).volume_type(EbsDeviceVolumeType::Gp3)))?;
//! data.mount_in(&mut app, web, "/var/lib/data", false)?;
//! td.add_volume(&mut app, data)?;
//! let service = FargateService::new(&mut app, s, "Service",
//!     FargateServiceProps::default().cluster(cluster).task_definition(td))?;
//! service.add_volume(&mut app, data)?;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::Value;
use crate::cfn::size::Size;
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ecs::container::ContainerDefinition;
use crate::ecs::volume::{MountPoint, Volume};
use crate::error::Error;
use crate::iam::{Role, RoleProps};
use crate::kms::Key;

/// The type of an EBS volume (CDK `ec2.EbsDeviceVolumeType`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service_managed_volume::EbsDeviceVolumeType::Gp3.cfn_value(), "gp3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EbsDeviceVolumeType {
    /// Magnetic (`standard`).
    Standard,
    /// Provisioned IOPS SSD (`io1`).
    Io1,
    /// Provisioned IOPS SSD, second generation (`io2`).
    Io2,
    /// General purpose SSD (`gp2`), the default.
    #[default]
    Gp2,
    /// General purpose SSD, third generation (`gp3`).
    Gp3,
    /// Cold HDD (`sc1`).
    Sc1,
    /// Throughput optimized HDD (`st1`).
    St1,
}

impl EbsDeviceVolumeType {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Standard", "Io1", "Io2", "Gp2", "Gp3", "Sc1", "St1"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service_managed_volume", "EbsDeviceVolumeType"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            EbsDeviceVolumeType::Standard => "standard",
            EbsDeviceVolumeType::Io1 => "io1",
            EbsDeviceVolumeType::Io2 => "io2",
            EbsDeviceVolumeType::Gp2 => "gp2",
            EbsDeviceVolumeType::Gp3 => "gp3",
            EbsDeviceVolumeType::Sc1 => "sc1",
            EbsDeviceVolumeType::St1 => "st1",
        }
    }

    /// The sizes a volume of this type may have, in GiB.
    pub const fn size_range_gib(self) -> (u64, u64) {
        match self {
            EbsDeviceVolumeType::Gp2 => (1, 16384),
            EbsDeviceVolumeType::Gp3 => (1, 65536),
            EbsDeviceVolumeType::Io1 => (4, 16384),
            EbsDeviceVolumeType::Io2 => (4, 65536),
            EbsDeviceVolumeType::Sc1 | EbsDeviceVolumeType::St1 => (125, 16384),
            EbsDeviceVolumeType::Standard => (1, 1024),
        }
    }

    /// The IOPS a volume of this type may be given, if any may.
    pub const fn iops_range(self) -> Option<(u64, u64)> {
        match self {
            EbsDeviceVolumeType::Gp3 => Some((3000, 80000)),
            EbsDeviceVolumeType::Io1 => Some((100, 64000)),
            EbsDeviceVolumeType::Io2 => Some((100, 256000)),
            _ => None,
        }
    }
}

/// The file system ECS formats the volume with (CDK `FileSystemType`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service_managed_volume::FileSystemType::Xfs.cfn_value(), "xfs");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileSystemType {
    /// `ext3`.
    Ext3,
    /// `ext4`.
    Ext4,
    /// `xfs`.
    Xfs,
    /// `ntfs` (Windows tasks).
    Ntfs,
}

impl FileSystemType {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Ext3", "Ext4", "Xfs", "Ntfs"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service_managed_volume", "FileSystemType"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            FileSystemType::Ext3 => "ext3",
            FileSystemType::Ext4 => "ext4",
            FileSystemType::Xfs => "xfs",
            FileSystemType::Ntfs => "ntfs",
        }
    }
}

/// Whose tags a volume gets (CDK `EbsPropagatedTagSource`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service_managed_volume::EbsPropagatedTagSource::Service.cfn_value(), "SERVICE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EbsPropagatedTagSource {
    /// The service's.
    Service,
    /// The task definition's.
    TaskDefinition,
}

impl EbsPropagatedTagSource {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Service", "TaskDefinition"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service_managed_volume", "EbsPropagatedTagSource"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            EbsPropagatedTagSource::Service => "SERVICE",
            EbsPropagatedTagSource::TaskDefinition => "TASK_DEFINITION",
        }
    }
}

/// Tags of the volumes ECS creates (CDK `EBSTagSpecification`).
///
/// ```
/// use ecs_core::ecs::service_managed_volume::{EbsPropagatedTagSource, EbsTagSpecification};
/// let t = EbsTagSpecification::default().tag("team", "web")
///     .propagate_tags(EbsPropagatedTagSource::Service);
/// assert_eq!(t.tags.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EbsTagSpecification {
    /// Tags given, in the order written.
    pub tags: Vec<(String, String)>,
    /// Whose tags the volumes get as well.
    pub propagate_tags: Option<EbsPropagatedTagSource>,
}

impl EbsTagSpecification {
    /// Adds tag `key` with `value`.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.tags.push((key.into(), value.into()));
        self
    }

    /// Sets `propagate_tags`.
    pub fn propagate_tags(mut self, source: EbsPropagatedTagSource) -> Self {
        self.propagate_tags = Some(source);
        self
    }

    fn render(&self) -> Value {
        let mut m = Vec::new();
        if let Some(p) = self.propagate_tags {
            m.push(("PropagateTags", Value::from(p.cfn_value())));
        }
        m.push(("ResourceType", Value::from("volume")));
        if !self.tags.is_empty() {
            // In the order given, as the CDK writes its object's entries.
            m.push((
                "Tags",
                Value::List(
                    self.tags
                        .iter()
                        .cloned()
                        .map(|(k, v)| {
                            Value::map([("Key", Value::from(k)), ("Value", Value::from(v))])
                        })
                        .collect(),
                ),
            ));
        }
        Value::map(m)
    }
}

props! {
    /// How ECS creates each task's volume (CDK `ServiceManagedEBSVolumeConfiguration`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let c = ServiceManagedEbsVolumeConfiguration::default()
    ///     .size(Size::gibibytes(20)).volume_type(EbsDeviceVolumeType::Gp3).iops(4000);
    /// assert_eq!(c.iops, Some(4000));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ServiceManagedEbsVolumeConfiguration {
        /// The role ECS creates and attaches volumes with.
        [opt "role", .ty(Ref(RefClass::Role)), .default("a role of its own, `<id>/EBSRole`, with `AmazonECSInfrastructureRolePolicyForVolumes`")]
        role: Role,
        /// Whether the volumes are encrypted.
        [opt "encrypted", .default("the account's EBS default")]
        encrypted: bool,
        /// The KMS key the volumes are encrypted with.
        [opt "kmsKeyId", .ty(Ref(RefClass::Key)), .default("the account's EBS key")]
        kms_key_id: Key,
        /// The volume type.
        [opt "volumeType", .ty(Enum(&crate::ecs::service_managed_volume::EbsDeviceVolumeType::DEF)), .default("`Gp2`")]
        volume_type: EbsDeviceVolumeType,
        /// The size, in whole GiB within the type's range; needed unless `snap_shot_id` is
        /// given.
        [opt "size", .default("the snapshot's size")]
        size: Size,
        /// The snapshot the volumes are created from, `snap-<hex>`.
        [into "snapShotId", .default("none: empty volumes")]
        snap_shot_id: String,
        /// The IOPS: required for `Io1` and `Io2`, allowed for `Gp3`, within the type's range.
        [opt "iops", .default("the type's baseline")]
        iops: u64,
        /// The throughput in MiB/s, `Gp3` only, at most 2000.
        [opt "throughput", .default("the type's baseline")]
        throughput: u64,
        /// The file system ECS formats the volumes with.
        [opt "fileSystemType", .ty(Enum(&crate::ecs::service_managed_volume::FileSystemType::DEF)), .default("`Xfs` on Linux, `Ntfs` on Windows")]
        file_system_type: FileSystemType,
        /// Tags of the volumes.
        [list "tagSpecifications", .default("none")]
        tag_specifications: EbsTagSpecification,
        /// How fast a volume from a snapshot is initialized, 100 to 300 MiB/s; needs
        /// `snap_shot_id`.
        [opt "volumeInitializationRate", .default("the EBS default")]
        volume_initialization_rate: Size,
    }
}

props! {
    /// Properties of a [`ServiceManagedVolume`] (CDK `ServiceManagedVolumeProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs::service_managed_volume::ServiceManagedVolumeProps::default().name("data");
    /// assert_eq!(p.name.as_deref(), Some("data"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ServiceManagedVolumeProps {
        /// The volume's name, which the task definition's volume and the mount points use
        /// (required).
        [into "name", .required()]
        name: String,
        /// How ECS creates the volumes.
        [opt "managedEBSVolume", .ty(Object(KindId::ManagedEbsVolume)), .default("none: the volume is configured by whoever runs the tasks")]
        managed_ebs_volume: ServiceManagedEbsVolumeConfiguration,
    }
}

/// What the CDK checks of a volume configuration, as literals tell it: each violation's
/// message with the property to fix (`None`: the configuration as a whole); `id` names the
/// volume.
///
/// ```
/// use ecs_core::ecs::service_managed_volume::{ebs_volume_problems, EbsDeviceVolumeType, EbsVolumeFacts};
/// let facts = EbsVolumeFacts {
///     volume_type: EbsDeviceVolumeType::Io2, size_given: true, size_gib: Some(10), ..Default::default()
/// };
/// assert_eq!(ebs_volume_problems("Data", &facts).len(), 1); // io2 needs iops
/// ```
pub fn ebs_volume_problems(id: &str, f: &EbsVolumeFacts) -> Vec<(Option<&'static str>, String)> {
    let mut out = Vec::new();
    let ty = f.volume_type;
    let name = ty.cfn_value();
    if let Some(rate) = f.initialization_rate_mib {
        if !f.snapshot {
            out.push((Some("volume_initialization_rate"), format!(
                "volume `{id}` has `volume_initialization_rate` without `snap_shot_id`: the rate applies to volumes made from a snapshot; add `snap_shot_id` or remove the rate"
            )));
        } else if !(100..=300).contains(&rate) {
            out.push((Some("volume_initialization_rate"), format!(
                "volume `{id}` has `volume_initialization_rate` of {rate} MiB/s: give 100 to 300 MiB/s"
            )));
        }
    }
    if !f.size_given && !f.snapshot {
        out.push((
            None,
            format!(
                "volume `{id}` needs `size` or `snap_shot_id`: add e.g. `size: Size::gibibytes(20)`"
            ),
        ));
    }
    if let Some(snapshot) = &f.snapshot_literal
        && !snapshot_id(snapshot)
    {
        out.push((Some("snap_shot_id"), format!(
            "volume `{id}` has `snap_shot_id: {snapshot:?}`: give `snap-` and hexadecimal digits, e.g. `snap-05abe246af`"
        )));
    }
    if f.size_given && f.size_gib.is_none() && !f.size_unknown {
        out.push((Some("size"), format!(
            "volume `{id}` has a `size` that is not a whole number of GiB: give e.g. `Size::gibibytes(20)`"
        )));
    }
    if let Some(size) = f.size_gib {
        let (min, max) = ty.size_range_gib();
        if size < min || size > max {
            out.push((Some("size"), format!(
                "volume `{id}` of type `{name}` has a size of {size} GiB: give {min} to {max} GiB"
            )));
        }
    }
    if let Some(throughput) = f.throughput {
        if ty != EbsDeviceVolumeType::Gp3 {
            out.push((Some("throughput"), format!(
                "volume `{id}` of type `{name}` has `throughput`: only `gp3` volumes take one; use `volume_type: Gp3` or remove it"
            )));
        } else if throughput.is_some_and(|t| t > 2000) {
            out.push((
                Some("throughput"),
                format!(
                    "volume `{id}` has a throughput of {} MiB/s: give at most 2000 MiB/s",
                    throughput.unwrap_or_default()
                ),
            ));
        }
    }
    match (ty.iops_range(), f.iops) {
        (None, Some(_)) => out.push((Some("iops"), format!(
            "volume `{id}` of type `{name}` has `iops`: sc1, st1, gp2 and standard volumes take none; remove it or use `Gp3`, `Io1` or `Io2`"
        ))),
        (Some(_), None) if matches!(ty, EbsDeviceVolumeType::Io1 | EbsDeviceVolumeType::Io2) => {
            out.push((Some("volume_type"), format!(
                "volume `{id}` of type `{name}` needs `iops`: io1 and io2 volumes are provisioned; add e.g. `iops: 3000`"
            )))
        }
        (Some((min, max)), Some(Some(iops))) if iops < min || iops > max => out.push((Some("iops"), format!(
            "volume `{id}` of type `{name}` has {iops} iops: give {min} to {max}"
        ))),
        _ => {}
    }
    out
}

/// What [`ebs_volume_problems`] judges: the configuration's values, each `None` when not given
/// (an inner `None` when given but not known while compiling).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EbsVolumeFacts {
    /// The volume type (default `Gp2`).
    pub volume_type: EbsDeviceVolumeType,
    /// Whether `size` is given.
    pub size_given: bool,
    /// Whether the size given is not known (an expression).
    pub size_unknown: bool,
    /// The size in whole GiB, when known and whole.
    pub size_gib: Option<u64>,
    /// Whether `snap_shot_id` is given.
    pub snapshot: bool,
    /// The snapshot id, when literal.
    pub snapshot_literal: Option<String>,
    /// The IOPS given (`Some(None)` when not literal).
    pub iops: Option<Option<u64>>,
    /// The throughput given (`Some(None)` when not literal).
    pub throughput: Option<Option<u64>>,
    /// The initialization rate in MiB/s, when given.
    pub initialization_rate_mib: Option<u64>,
}

/// Whether `id` is a snapshot id: `snap-` and hexadecimal digits.
///
/// ```
/// assert!(ecs_core::ecs::service_managed_volume::snapshot_id("snap-05abe246af"));
/// assert!(!ecs_core::ecs::service_managed_volume::snapshot_id("snapshot-1"));
/// ```
pub fn snapshot_id(id: &str) -> bool {
    id.strip_prefix("snap-")
        .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl EbsVolumeFacts {
    /// The facts of a configuration of the builders.
    pub fn of(c: &ServiceManagedEbsVolumeConfiguration) -> EbsVolumeFacts {
        let snapshot = c.snap_shot_id.as_deref();
        EbsVolumeFacts {
            volume_type: c.volume_type.unwrap_or_default(),
            size_given: c.size.is_some(),
            size_unknown: false,
            size_gib: c.size.and_then(Size::to_gibibytes),
            snapshot: snapshot.is_some(),
            snapshot_literal: snapshot
                .filter(|s| !crate::cfn::Token::is_unresolved(s))
                .map(str::to_string),
            iops: c.iops.map(Some),
            throughput: c.throughput.map(Some),
            initialization_rate_mib: c.volume_initialization_rate.map(Size::to_mebibytes),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ServiceManagedVolumeData {
    name: String,
    config: Option<ServiceManagedEbsVolumeConfiguration>,
    role: Option<Role>,
}

impl crate::construct::app::Data for ServiceManagedVolumeData {}

/// A volume ECS creates for each task of a service (CDK `ServiceManagedVolume`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceManagedVolume {
    node: NodeId,
    index: usize,
}

impl ServiceManagedVolume {
    /// Creates the volume construct `id` under `scope`, and, unless the configuration names a
    /// role, its role `<id>/EBSRole` that ECS assumes to create the volumes.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a handle is of another app, the name is missing, or
    /// the configuration breaks a rule of EBS volumes (size, IOPS and throughput for the
    /// type, snapshot id, initialization rate); every violation is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ServiceManagedVolumeProps,
    ) -> Result<ServiceManagedVolume, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        if let Some(c) = &props.managed_ebs_volume {
            app.check_each(c.role)?;
            app.check_each(c.kms_key_id)?;
        }
        let Some(name) = props.name else {
            return Err(Error::new(format!(
                "volume `{id}` needs `name`, which the task definition and mount points use: add e.g. `name: \"data\"`"
            )));
        };
        if let Some(c) = &props.managed_ebs_volume {
            let problems = ebs_volume_problems(id, &EbsVolumeFacts::of(c))
                .into_iter()
                .map(|(_, message)| {
                    crate::error::Diagnostic::new(crate::error::ErrorKind::Invalid, message)
                })
                .collect();
            if let Some(error) = Error::collect(problems) {
                return Err(error);
            }
        }
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let role = match &props.managed_ebs_volume {
            None => None,
            Some(c) => Some(match c.role {
                Some(role) => role,
                None => Role::new(
                    app,
                    node,
                    "EBSRole",
                    RoleProps::default()
                        .assumed_by("ecs.amazonaws.com")
                        .managed_policies([Role::aws_managed_policy(
                            "service-role/AmazonECSInfrastructureRolePolicyForVolumes",
                        )]),
                )?,
            }),
        };
        let index = app.all::<ServiceManagedVolumeData>().len();
        app.all_mut::<ServiceManagedVolumeData>()
            .push(ServiceManagedVolumeData {
                name,
                config: props.managed_ebs_volume,
                role,
            });
        Ok(ServiceManagedVolume { node, index })
    }

    fn data(self, app: &App) -> &ServiceManagedVolumeData {
        &app.all::<ServiceManagedVolumeData>()[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The volume's name.
    pub fn name(self, app: &App) -> &str {
        &self.data(app).name
    }

    /// The role ECS creates the volumes with, when the volume is managed.
    pub fn role(self, app: &App) -> Option<Role> {
        self.data(app).role
    }

    /// The task definition's volume: the name, configured at launch (CDK `addVolume(volume)`
    /// of a task definition).
    pub fn volume(self, app: &App) -> Volume {
        Volume::configured_at_launch(self.name(app))
    }

    /// Mounts the volume in `container` at `container_path` (CDK `mountIn`).
    ///
    /// # Errors
    ///
    /// When a handle is of another app.
    pub fn mount_in(
        self,
        app: &mut App,
        container: ContainerDefinition,
        container_path: impl Into<String>,
        read_only: bool,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        let name = self.name(app).to_string();
        container.add_mount_points(app, [MountPoint::new(name, container_path, read_only)]);
        Ok(())
    }

    /// The service's `VolumeConfigurations` entry.
    pub(crate) fn render(self, app: &App) -> Value {
        let d = self.data(app);
        let mut m = Vec::new();
        if let Some(c) = &d.config {
            let mut ebs = Vec::new();
            if let Some(v) = c.encrypted {
                ebs.push(("Encrypted", Value::from(v)));
            }
            if let Some(v) = c.file_system_type {
                ebs.push(("FilesystemType", Value::from(v.cfn_value())));
            }
            if let Some(v) = c.iops {
                ebs.push(("Iops", Value::Int(v as i64)));
            }
            if let Some(key) = c.kms_key_id {
                ebs.push(("KmsKeyId", key.key_id()));
            }
            if let Some(role) = d.role {
                ebs.push(("RoleArn", role.arn(app)));
            }
            if let Some(size) = c.size.and_then(Size::to_gibibytes) {
                ebs.push(("SizeInGiB", Value::Int(size as i64)));
            }
            if let Some(v) = &c.snap_shot_id {
                ebs.push(("SnapshotId", Value::from(v.clone())));
            }
            if !c.tag_specifications.is_empty() {
                ebs.push((
                    "TagSpecifications",
                    Value::List(
                        c.tag_specifications
                            .iter()
                            .map(EbsTagSpecification::render)
                            .collect(),
                    ),
                ));
            }
            if let Some(v) = c.throughput {
                ebs.push(("Throughput", Value::Int(v as i64)));
            }
            if let Some(v) = c.volume_initialization_rate {
                ebs.push((
                    "VolumeInitializationRate",
                    Value::Int(v.to_mebibytes() as i64),
                ));
            }
            if let Some(v) = c.volume_type {
                ebs.push(("VolumeType", Value::from(v.cfn_value())));
            }
            m.push(("ManagedEBSVolume", Value::map(ebs)));
        }
        m.push(("Name", Value::from(d.name.clone())));
        Value::map(m)
    }
}

impl crate::ecs::volume::IntoVolume for ServiceManagedVolume {
    fn into_volume(self, app: &App) -> Volume {
        self.volume(app)
    }
}

handle!(ServiceManagedVolume);
