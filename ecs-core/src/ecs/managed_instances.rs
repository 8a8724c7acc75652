//! ECS Managed Instances: the capacity provider whose EC2 instances ECS launches and manages
//! (CDK `cluster.ts` `ManagedInstancesCapacityProvider`), the instance requirements it selects
//! instance types by (CDK `ec2.InstanceRequirementsConfig`), and the instance profile it
//! attaches.
//!
//! ```
//! use ecs_core::prelude::*;
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
//! let sg = SecurityGroup::new(&mut app, s, "Sg", SecurityGroupProps::default().vpc(vpc))?;
//! let provider = ManagedInstancesCapacityProvider::new(&mut app, s, "Provider",
//!     ManagedInstancesCapacityProviderProps::default()
//!         .vpc(vpc)
//!         .subnets(SubnetType::PrivateWithEgress)
//!         .security_groups([sg]))?;
//! cluster.add_managed_instances_capacity_provider(&mut app, provider)?;
//! assert!(cluster.has_capacity_provider(&app, &provider.into()));
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::Size;
use crate::cfn::{Pseudo, Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::{SecurityGroup, SubnetSelection, Vpc};
use crate::ecs::capacity_provider::{reserved_prefix, unique_resource_name};
use crate::ecs::cluster::Cluster;
use crate::error::Error;
use crate::iam::{Role, RoleProps};

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $path:literal { $($(#[$vmeta:meta])* $variant:ident = $value:literal),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),*
        }

        impl $name {
            /// The variant names, as a user writes them in `ecs_app!`.
            pub const VARIANT_NAMES: &'static [&'static str] = &[$(stringify!($variant)),*];

            /// The enum as `ecs_app!` declarations and the reference name it.
            pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
                path: &["ecs", "managed_instances", $path],
                variants: Self::VARIANT_NAMES,
            };

            /// The CloudFormation value.
            pub const fn cfn_value(self) -> &'static str {
                match self {
                    $($name::$variant => $value),*
                }
            }
        }
    };
}

string_enum! {
    /// How closely CloudWatch watches the instances (CDK `InstanceMonitoring`).
    ///
    /// ```
    /// assert_eq!(ecs_core::ecs::managed_instances::InstanceMonitoring::Detailed.cfn_value(), "DETAILED");
    /// ```
    InstanceMonitoring, "InstanceMonitoring" {
        /// Five-minute metrics.
        Basic = "BASIC",
        /// One-minute metrics (charged).
        Detailed = "DETAILED",
    }
}

string_enum! {
    /// Whether the instances get the provider's tags (CDK `PropagateManagedInstancesTags`).
    ///
    /// ```
    /// use ecs_core::ecs::managed_instances::PropagateManagedInstancesTags;
    /// assert_eq!(PropagateManagedInstancesTags::CapacityProvider.cfn_value(), "CAPACITY_PROVIDER");
    /// ```
    PropagateManagedInstancesTags, "PropagateManagedInstancesTags" {
        /// The provider's tags go to its instances.
        CapacityProvider = "CAPACITY_PROVIDER",
        /// No tags are propagated.
        None = "NONE",
    }
}

string_enum! {
    /// On-Demand or Spot instances (CDK `CapacityOptionType`).
    ///
    /// ```
    /// assert_eq!(ecs_core::ecs::managed_instances::CapacityOptionType::Spot.cfn_value(), "SPOT");
    /// ```
    CapacityOptionType, "CapacityOptionType" {
        /// On-Demand instances.
        OnDemand = "ON_DEMAND",
        /// Spot instances.
        Spot = "SPOT",
    }
}

/// An EC2 instance profile the instances get (CDK `iam.IInstanceProfile`), here an existing
/// one by name or ARN.
///
/// ```
/// use ecs_core::ecs::managed_instances::InstanceProfile;
/// let p = InstanceProfile::from_instance_profile_arn("arn:aws:iam::123456789012:instance-profile/ecsInstanceRole");
/// assert_eq!(p.arn(), ecs_core::cfn::Value::from("arn:aws:iam::123456789012:instance-profile/ecsInstanceRole"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstanceProfile {
    /// By name, in the stack's account (CDK `InstanceProfile.fromInstanceProfileName`).
    Name(String),
    /// By ARN (CDK `InstanceProfile.fromInstanceProfileArn`).
    Arn(String),
}

impl InstanceProfile {
    /// The profile named `name` in the stack's account.
    pub fn from_instance_profile_name(name: impl Into<String>) -> InstanceProfile {
        InstanceProfile::Name(name.into())
    }

    /// The profile with ARN `arn`.
    pub fn from_instance_profile_arn(arn: impl Into<String>) -> InstanceProfile {
        InstanceProfile::Arn(arn.into())
    }

    /// The profile's ARN, as the CDK formats it for a name.
    pub fn arn(&self) -> Value {
        match self {
            InstanceProfile::Arn(arn) => Value::from(arn.clone()),
            InstanceProfile::Name(name) => Value::join(
                "",
                vec![
                    "arn:".into(),
                    Value::Aws(Pseudo::Partition),
                    ":iam::".into(),
                    Value::Aws(Pseudo::AccountId),
                    format!(":instance-profile/{name}").into(),
                ],
            ),
        }
    }
}

props! {
    /// What instance types a Managed Instances provider may launch (CDK
    /// `ec2.InstanceRequirementsConfig`). The CDK's enums are written by their CloudFormation
    /// values: `cpu_manufacturers(["intel", "amd"])`, `instance_generations(["current"])`,
    /// `burstable_performance("excluded")`.
    ///
    /// ```
    /// use ecs_core::{Size, ecs::managed_instances::InstanceRequirementsConfig};
    /// let r = InstanceRequirementsConfig::default().vcpu_count_min(2).memory_min(Size::gibibytes(4));
    /// assert_eq!(r.vcpu_count_min, Some(2));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct InstanceRequirementsConfig {
        /// At least this many vCPUs (required).
        [opt "vCpuCountMin", .required()]
        vcpu_count_min: u32,
        /// At most this many vCPUs.
        [opt "vCpuCountMax", .default("no maximum")]
        vcpu_count_max: u32,
        /// At least this much memory (required).
        [opt "memoryMin", .required()]
        memory_min: Size,
        /// At most this much memory.
        [opt "memoryMax", .default("no maximum")]
        memory_max: Size,
        /// CPU manufacturers: `intel`, `amd`, `amazon-web-services`, `apple`.
        [list_into "cpuManufacturers", .default("any")]
        cpu_manufacturers: String,
        /// Instance generations: `current`, `previous`.
        [list_into "instanceGenerations", .default("any")]
        instance_generations: String,
        /// Burstable instances: `included`, `required` or `excluded`.
        [into "burstablePerformance", .default("`excluded`")]
        burstable_performance: String,
        /// Bare-metal instances: `included`, `required` or `excluded`.
        [into "bareMetal", .default("`excluded`")]
        bare_metal: String,
        /// Instance storage: `included`, `required` or `excluded`.
        [into "localStorage", .default("`included`")]
        local_storage: String,
        /// Instance storage types: `hdd`, `ssd`.
        [list_into "localStorageTypes", .default("any")]
        local_storage_types: String,
        /// Only these instance types (wildcards allowed); not with `excluded_instance_types`.
        [list_into "allowedInstanceTypes", .default("all")]
        allowed_instance_types: String,
        /// Never these instance types (wildcards allowed); not with `allowed_instance_types`.
        [list_into "excludedInstanceTypes", .default("none")]
        excluded_instance_types: String,
        /// Spot price protection, in percent over the lowest price; not with
        /// `on_demand_max_price_percentage_over_lowest_price`.
        [opt "spotMaxPricePercentageOverLowestPrice"]
        spot_max_price_percentage_over_lowest_price: u32,
        /// On-Demand price protection, in percent over the lowest price; not with
        /// `spot_max_price_percentage_over_lowest_price`.
        [opt "onDemandMaxPricePercentageOverLowestPrice"]
        on_demand_max_price_percentage_over_lowest_price: u32,
        /// Spot price protection, in percent of the optimal On-Demand price.
        [opt "maxSpotPriceAsPercentageOfOptimalOnDemandPrice"]
        max_spot_price_as_percentage_of_optimal_on_demand_price: u32,
        /// Whether the instances must support hibernation.
        [opt "requireHibernateSupport"]
        require_hibernate_support: bool,
        /// At least this many accelerators.
        [opt "acceleratorCountMin"]
        accelerator_count_min: u32,
        /// At most this many accelerators (0 excludes accelerated instances).
        [opt "acceleratorCountMax"]
        accelerator_count_max: u32,
        /// Accelerator manufacturers: `amazon-web-services`, `amd`, `nvidia`, `xilinx`, `habana`.
        [list_into "acceleratorManufacturers"]
        accelerator_manufacturers: String,
        /// Accelerator names, e.g. `a100`, `t4`, `inferentia`.
        [list_into "acceleratorNames"]
        accelerator_names: String,
        /// Accelerator types: `gpu`, `fpga`, `inference`, `media`.
        [list_into "acceleratorTypes"]
        accelerator_types: String,
        /// At least this much accelerator memory.
        [opt "acceleratorTotalMemoryMin"]
        accelerator_total_memory_min: Size,
        /// At most this much accelerator memory.
        [opt "acceleratorTotalMemoryMax"]
        accelerator_total_memory_max: Size,
        /// At least this baseline EBS bandwidth, in Mbps.
        [opt "baselineEbsBandwidthMbpsMin"]
        baseline_ebs_bandwidth_mbps_min: u32,
        /// At most this baseline EBS bandwidth, in Mbps.
        [opt "baselineEbsBandwidthMbpsMax"]
        baseline_ebs_bandwidth_mbps_max: u32,
        /// At least this network bandwidth, in Gbps.
        [opt "networkBandwidthGbpsMin"]
        network_bandwidth_gbps_min: u32,
        /// At most this network bandwidth, in Gbps.
        [opt "networkBandwidthGbpsMax"]
        network_bandwidth_gbps_max: u32,
        /// At least this many network interfaces.
        [opt "networkInterfaceCountMin"]
        network_interface_count_min: u32,
        /// At most this many network interfaces.
        [opt "networkInterfaceCountMax"]
        network_interface_count_max: u32,
        /// At least this much instance storage, in GB.
        [opt "totalLocalStorageGBMin"]
        total_local_storage_gb_min: u32,
        /// At most this much instance storage, in GB.
        [opt "totalLocalStorageGBMax"]
        total_local_storage_gb_max: u32,
    }
}

/// Why instance requirements are refused (the CDK's checks in `renderInstanceRequirements`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceRequirementsError {
    /// Both `allowed_instance_types` and `excluded_instance_types`.
    AllowedAndExcluded,
    /// Both Spot and On-Demand price protection over the lowest price.
    SpotAndOnDemandPrice,
}

/// The message of an [`InstanceRequirementsError`], the builders' and `ecs_app!`'s.
///
/// ```
/// use ecs_core::ecs::managed_instances::{InstanceRequirementsError, instance_requirements_message};
/// assert!(instance_requirements_message("P", InstanceRequirementsError::AllowedAndExcluded)
///     .contains("`allowed_instance_types` and `excluded_instance_types`"));
/// ```
pub fn instance_requirements_message(provider: &str, error: InstanceRequirementsError) -> String {
    let (a, b) = match error {
        InstanceRequirementsError::AllowedAndExcluded => {
            ("allowed_instance_types", "excluded_instance_types")
        }
        InstanceRequirementsError::SpotAndOnDemandPrice => (
            "spot_max_price_percentage_over_lowest_price",
            "on_demand_max_price_percentage_over_lowest_price",
        ),
    };
    format!(
        "managed instances capacity provider `{provider}` cannot specify both `{a}` and `{b}` in `instance_requirements`: use one or the other"
    )
}

/// The message for a provider without security groups (the CDK's "Security groups cannot be
/// an empty array").
///
/// ```
/// assert!(ecs_core::ecs::managed_instances::security_groups_message("P").contains("at least one security group"));
/// ```
pub fn security_groups_message(provider: &str) -> String {
    format!(
        "managed instances capacity provider `{provider}` needs at least one security group: add e.g. `security_groups: [Sg]`"
    )
}

/// The message for a provider name with a prefix AWS reserves.
///
/// ```
/// let m = ecs_core::ecs::managed_instances::reserved_name_message("P", "ecs-x");
/// assert!(m.contains("cannot be named `ecs-x`"));
/// ```
pub fn reserved_name_message(provider: &str, name: &str) -> String {
    format!(
        "managed instances capacity provider `{provider}` cannot be named `{name}`: names starting with `aws`, `ecs` or `fargate` are reserved; choose another"
    )
}

impl InstanceRequirementsConfig {
    /// The CDK's checks: allowed or excluded types, Spot or On-Demand price protection.
    ///
    /// ```
    /// use ecs_core::{Size, ecs::managed_instances::{InstanceRequirementsConfig, InstanceRequirementsError}};
    /// let r = InstanceRequirementsConfig::default().vcpu_count_min(1).memory_min(Size::gibibytes(1))
    ///     .allowed_instance_types(["m5.*"]).excluded_instance_types(["t3.*"]);
    /// assert_eq!(r.check(), Err(InstanceRequirementsError::AllowedAndExcluded));
    /// ```
    ///
    /// # Errors
    ///
    /// The first check that fails.
    pub fn check(&self) -> Result<(), InstanceRequirementsError> {
        if !self.allowed_instance_types.is_empty() && !self.excluded_instance_types.is_empty() {
            return Err(InstanceRequirementsError::AllowedAndExcluded);
        }
        if self.spot_max_price_percentage_over_lowest_price.is_some()
            && self
                .on_demand_max_price_percentage_over_lowest_price
                .is_some()
        {
            return Err(InstanceRequirementsError::SpotAndOnDemandPrice);
        }
        Ok(())
    }

    /// The CloudFormation `InstanceRequirements` (CDK `renderInstanceRequirements`).
    fn render(&self) -> Value {
        fn range(min: Option<u64>, max: Option<u64>) -> Option<Value> {
            if min.is_none() && max.is_none() {
                return None;
            }
            let mut m = Vec::new();
            if let Some(max) = max {
                m.push(("Max", Value::from(max as i64)));
            }
            if let Some(min) = min {
                m.push(("Min", Value::from(min as i64)));
            }
            Some(Value::map(m))
        }
        let n = |v: Option<u32>| v.map(u64::from);
        let mib = |v: Option<Size>| v.map(Size::to_mebibytes);
        let list = |v: &[String]| (!v.is_empty()).then(|| Value::strings(v.iter().cloned()));
        let mut m: Vec<(&str, Option<Value>)> = vec![
            (
                "AcceleratorCount",
                range(n(self.accelerator_count_min), n(self.accelerator_count_max)),
            ),
            (
                "AcceleratorManufacturers",
                list(&self.accelerator_manufacturers),
            ),
            ("AcceleratorNames", list(&self.accelerator_names)),
            (
                "AcceleratorTotalMemoryMiB",
                range(
                    mib(self.accelerator_total_memory_min),
                    mib(self.accelerator_total_memory_max),
                ),
            ),
            ("AcceleratorTypes", list(&self.accelerator_types)),
            ("AllowedInstanceTypes", list(&self.allowed_instance_types)),
            ("BareMetal", self.bare_metal.clone().map(Value::from)),
            (
                "BaselineEbsBandwidthMbps",
                range(
                    n(self.baseline_ebs_bandwidth_mbps_min),
                    n(self.baseline_ebs_bandwidth_mbps_max),
                ),
            ),
            (
                "BurstablePerformance",
                self.burstable_performance.clone().map(Value::from),
            ),
            ("CpuManufacturers", list(&self.cpu_manufacturers)),
            ("ExcludedInstanceTypes", list(&self.excluded_instance_types)),
            ("InstanceGenerations", list(&self.instance_generations)),
            ("LocalStorage", self.local_storage.clone().map(Value::from)),
            ("LocalStorageTypes", list(&self.local_storage_types)),
            (
                "MaxSpotPriceAsPercentageOfOptimalOnDemandPrice",
                self.max_spot_price_as_percentage_of_optimal_on_demand_price
                    .map(Value::from),
            ),
            (
                "MemoryMiB",
                range(mib(self.memory_min), mib(self.memory_max)),
            ),
            (
                "NetworkBandwidthGbps",
                range(
                    n(self.network_bandwidth_gbps_min),
                    n(self.network_bandwidth_gbps_max),
                ),
            ),
            (
                "NetworkInterfaceCount",
                range(
                    n(self.network_interface_count_min),
                    n(self.network_interface_count_max),
                ),
            ),
            (
                "OnDemandMaxPricePercentageOverLowestPrice",
                self.on_demand_max_price_percentage_over_lowest_price
                    .map(Value::from),
            ),
            (
                "RequireHibernateSupport",
                self.require_hibernate_support.map(Value::from),
            ),
            (
                "SpotMaxPricePercentageOverLowestPrice",
                self.spot_max_price_percentage_over_lowest_price
                    .map(Value::from),
            ),
            (
                "TotalLocalStorageGB",
                range(
                    n(self.total_local_storage_gb_min),
                    n(self.total_local_storage_gb_max),
                ),
            ),
            (
                "VCpuCount",
                range(n(self.vcpu_count_min), n(self.vcpu_count_max)),
            ),
        ];
        m.retain(|(_, v)| v.is_some());
        Value::map(m.into_iter().map(|(k, v)| (k, v.expect("kept"))))
    }
}

props! {
    /// Properties of a [`ManagedInstancesCapacityProvider`] (CDK
    /// `ManagedInstancesCapacityProviderProps`). The CDK's `subnets` are subnet objects; here
    /// they are a selection of `vpc`'s subnets (or subnets named by id).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let p = ManagedInstancesCapacityProviderProps::default()
    ///     .subnets(SubnetType::PrivateWithEgress)
    ///     .monitoring(InstanceMonitoring::Detailed);
    /// assert_eq!(p.monitoring, Some(InstanceMonitoring::Detailed));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ManagedInstancesCapacityProviderProps {
        /// `Name`; names starting with `aws`, `ecs` or `fargate` are reserved. Generated
        /// (`cp-…`) only in stacks whose name starts with one.
        [into "capacityProviderName", .default("a name CloudFormation generates")]
        capacity_provider_name: String,
        /// The role ECS manages the instances with.
        [opt "infrastructureRole", .ty(Ref(RefClass::Role)), .default("a role created under the provider with the AmazonECSInfrastructureRolePolicyForManagedInstances managed policy")]
        infrastructure_role: Role,
        /// The instance profile of the instances; with the AWS managed infrastructure policy
        /// its name must start with `ecsInstanceRole`.
        [opt "ec2InstanceProfile", .default("a profile and role created under the provider, named `ecsInstanceRole…`, allowed what the ECS agent needs on the provider's cluster")]
        ec2_instance_profile: InstanceProfile,
        /// The VPC whose subnets `subnets` selects (not needed for subnets named by id).
        [opt "vpc", .ty(Ref(RefClass::Vpc))]
        vpc: Vpc,
        /// The subnets the instances are launched in (required, not empty).
        [into "subnets", .ty(Object(KindId::SubnetSelection)), .required()]
        subnets: SubnetSelection,
        /// The instances' security groups (at least one).
        [list "securityGroups", .ty(Refs(RefClass::SecurityGroup)), .required()]
        security_groups: SecurityGroup,
        /// The storage of each instance for images, logs and task data.
        [opt "taskVolumeStorage", .default("80 GiB (left to ECS)")]
        task_volume_storage: Size,
        /// CloudWatch monitoring of the instances.
        [opt "monitoring", .ty(Enum(&crate::ecs::managed_instances::InstanceMonitoring::DEF)), .default("basic (left to ECS)")]
        monitoring: InstanceMonitoring,
        /// What instance types ECS may launch.
        [opt "instanceRequirements", .ty(Object(KindId::InstanceRequirements)), .default("types ECS chooses")]
        instance_requirements: InstanceRequirementsConfig,
        /// Whether the provider's tags go to its instances.
        [opt "propagateTags", .ty(Enum(&crate::ecs::managed_instances::PropagateManagedInstancesTags::DEF)), .default("none")]
        propagate_tags: PropagateManagedInstancesTags,
        /// On-Demand or Spot instances.
        [opt "capacityOptionType", .ty(Enum(&crate::ecs::managed_instances::CapacityOptionType::DEF)), .default("On-Demand (left to ECS)")]
        capacity_option_type: CapacityOptionType,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ManagedProviderData {
    id: String,
    resource: NodeId,
    /// The default instance role, whose policy names the cluster's ARN.
    instance_role: Option<NodeId>,
    cluster: Option<Cluster>,
    infrastructure_role: Option<Role>,
    security_groups: Vec<SecurityGroup>,
}

/// A Managed Instances capacity provider construct (`<id>/<id>`, an
/// `AWS::ECS::CapacityProvider` with `ManagedInstancesProvider`), with the infrastructure role
/// and the instance profile it creates unless given them.
///
/// ```
/// use ecs_core::prelude::*;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
/// let sg = SecurityGroup::new(&mut app, s, "Sg", SecurityGroupProps::default().vpc(vpc))?;
/// let provider = ManagedInstancesCapacityProvider::new(&mut app, s, "Provider",
///     ManagedInstancesCapacityProviderProps::default()
///         .ec2_instance_profile(InstanceProfile::from_instance_profile_name("ecsInstanceRole-web"))
///         .vpc(vpc).subnets(SubnetType::Public).security_groups([sg]))?;
/// assert_eq!(provider.id(&app), "Provider");
/// assert_eq!(provider.security_groups(&app), vec![sg]);
/// assert_eq!(provider.cluster(&app), None);
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManagedInstancesCapacityProvider {
    node: NodeId,
    index: usize,
}

const INFRASTRUCTURE_POLICY: &str = "AmazonECSInfrastructureRolePolicyForManagedInstances";
const PROFILE_PREFIX: &str = "ecsInstanceRole";

impl ManagedInstancesCapacityProvider {
    /// Creates a provider with id `id` under `scope`; add it to a cluster with
    /// [`Cluster::add_managed_instances_capacity_provider`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
    /// let err = ManagedInstancesCapacityProvider::new(&mut app, s, "Provider",
    ///     ManagedInstancesCapacityProviderProps::default().vpc(vpc).subnets(SubnetType::Public))
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("needs at least one security group"));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, the subnets
    /// select none, there are no security groups, the name is reserved, or the instance
    /// requirements are refused (the CDK's checks).
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ManagedInstancesCapacityProviderProps,
    ) -> Result<ManagedInstancesCapacityProvider, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        app.check_each(props.vpc)?;
        app.check_each(props.infrastructure_role)?;
        app.check_each(props.security_groups.iter().copied())?;
        let Some(selection) = &props.subnets else {
            return Err(Error::new(format!(
                "managed instances capacity provider `{id}` needs `subnets`: add e.g. `subnets: {{ subnet_type: PrivateWithEgress }}` with `vpc`"
            )));
        };
        let subnets: Vec<Value> = if selection.subnets.is_empty()
            && selection.subnet_type.is_none()
            && selection.subnet_group_name.is_none()
            && props.vpc.is_none()
        {
            Vec::new()
        } else if !selection.subnets.is_empty() && props.vpc.is_none() {
            selection
                .subnets
                .iter()
                .map(|s| Value::from(s.subnet_id().to_string()))
                .collect()
        } else {
            let Some(vpc) = props.vpc else {
                return Err(Error::new(format!(
                    "managed instances capacity provider `{id}` needs `vpc` to select its `subnets` from: add `vpc: <name>`"
                )));
            };
            vpc.select_subnets(app, selection)?
        };
        if subnets.is_empty() {
            return Err(Error::new(format!(
                "managed instances capacity provider `{id}` needs subnets: its `subnets` select none (the CDK: \"Subnets are required and should be non-empty.\")"
            )));
        }
        if props.security_groups.is_empty() {
            return Err(Error::new(security_groups_message(id)));
        }
        if let Some(name) = &props.capacity_provider_name
            && reserved_prefix(name)
        {
            return Err(Error::new(reserved_name_message(id, name)));
        }
        if let Some(requirements) = &props.instance_requirements {
            if requirements.vcpu_count_min.is_none() || requirements.memory_min.is_none() {
                return Err(Error::new(format!(
                    "managed instances capacity provider `{id}` needs `vcpu_count_min` and `memory_min` in `instance_requirements`: add them"
                )));
            }
            requirements
                .check()
                .map_err(|e| Error::new(instance_requirements_message(id, e)))?;
        }

        let stack_name = app.stack(stack).name().to_string();
        let node = app.stack_mut(stack).add_node(scope, id)?;
        let infrastructure_role_arn = match props.infrastructure_role {
            Some(role) => role.arn(app),
            None => Role::new(
                app,
                node,
                &format!("{id}Role"),
                RoleProps::from("ecs.amazonaws.com")
                    .managed_policies([Role::aws_managed_policy(INFRASTRUCTURE_POLICY)]),
            )?
            .arn(app),
        };
        let (profile_arn, instance_role) = match &props.ec2_instance_profile {
            Some(profile) => (profile.arn(), None),
            None => {
                let components = app.stack(stack).path(node);
                let components: Vec<&str> = components.split('/').collect();
                let role_name = format!(
                    "{PROFILE_PREFIX}{}",
                    unique_resource_name(&components, 64 - PROFILE_PREFIX.len(), false)
                );
                let st = app.stack_mut(stack);
                let role_node = st.add_node(node, "InstanceRole")?;
                let role = st.add_resource(
                    role_node,
                    "Resource",
                    Resource::new("AWS::IAM::Role")
                        .prop(
                            "AssumeRolePolicyDocument",
                            trust_policy("ec2.amazonaws.com"),
                        )
                        .prop("Policies", instance_policy(None))
                        .prop("RoleName", role_name.clone()),
                )?;
                let profile_node = st.add_node(node, "InstanceProfile")?;
                let profile = st.add_resource(
                    profile_node,
                    "Resource",
                    Resource::new("AWS::IAM::InstanceProfile")
                        .prop("InstanceProfileName", role_name)
                        .prop("Roles", Value::List(vec![Value::Ref(role)])),
                )?;
                (Value::GetAtt(profile, "Arn".into()), Some(role))
            }
        };
        let name = props.capacity_provider_name.clone().or_else(|| {
            reserved_prefix(&stack_name)
                .then(|| format!("cp-{}", unique_resource_name(&[&stack_name, id], 252, true)))
        });
        let mut network = vec![("Subnets", Value::List(subnets))];
        network.insert(
            0,
            (
                "SecurityGroups",
                Value::List(
                    props
                        .security_groups
                        .iter()
                        .map(|sg| sg.group_id(app))
                        .collect(),
                ),
            ),
        );
        let mut template: Vec<(&str, Value)> = Vec::new();
        if let Some(option) = props.capacity_option_type {
            template.push(("CapacityOptionType", option.cfn_value().into()));
        }
        template.push(("Ec2InstanceProfileArn", profile_arn));
        if let Some(requirements) = &props.instance_requirements {
            template.push(("InstanceRequirements", requirements.render()));
        }
        if let Some(monitoring) = props.monitoring {
            template.push(("Monitoring", monitoring.cfn_value().into()));
        }
        template.push(("NetworkConfiguration", Value::map(network)));
        if let Some(size) = props.task_volume_storage {
            let gib = size.to_gibibytes().ok_or_else(|| {
                Error::new(format!(
                    "managed instances capacity provider `{id}` cannot use a `task_volume_storage` of {} MiB: use whole GiB",
                    size.to_mebibytes()
                ))
            })?;
            template.push((
                "StorageConfiguration",
                Value::map([("StorageSizeGiB", Value::from(gib as i64))]),
            ));
        }
        let mut provider = vec![
            ("InfrastructureRoleArn", infrastructure_role_arn),
            ("InstanceLaunchTemplate", Value::map(template)),
        ];
        if let Some(tags) = props.propagate_tags {
            provider.push(("PropagateTags", tags.cfn_value().into()));
        }
        let resource = app.stack_mut(stack).add_resource(
            node,
            id,
            Resource::new("AWS::ECS::CapacityProvider")
                .prop("ManagedInstancesProvider", Value::map(provider))
                .prop_opt("Name", name),
        )?;
        let index = app.all::<ManagedProviderData>().len();
        app.all_mut::<ManagedProviderData>()
            .push(ManagedProviderData {
                id: id.to_string(),
                resource,
                instance_role,
                cluster: None,
                infrastructure_role: props.infrastructure_role,
                security_groups: props.security_groups,
            });
        Ok(ManagedInstancesCapacityProvider { node, index })
    }

    fn data(self, app: &App) -> &ManagedProviderData {
        &app.all::<ManagedProviderData>()[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &self.data(app).id
    }

    /// `{"Ref": provider}`: the provider's name.
    pub fn capacity_provider_name(self, app: &App) -> Value {
        Value::Ref(self.data(app).resource)
    }

    /// The cluster the provider was added to.
    pub fn cluster(self, app: &App) -> Option<Cluster> {
        self.data(app).cluster
    }

    /// The infrastructure role given in the props (`None` for the one the provider creates).
    pub fn infrastructure_role(self, app: &App) -> Option<Role> {
        self.data(app).infrastructure_role
    }

    /// The instances' security groups (CDK `connections`).
    pub fn security_groups(self, app: &App) -> Vec<SecurityGroup> {
        self.data(app).security_groups.clone()
    }

    /// Associates the provider with `cluster` (CDK `bind`): its `ClusterName`, and the
    /// cluster's ARN in the default instance role's policy.
    pub(crate) fn bind(self, app: &mut App, cluster: Cluster) {
        let name = cluster.cluster_name(app);
        let arn = cluster.cluster_arn(app);
        let data = self.data(app).clone();
        let st = app.stack_mut(self.node.stack());
        st.resource_mut(data.resource).set("ClusterName", name);
        if let Some(role) = data.instance_role {
            st.resource_mut(role)
                .set("Policies", instance_policy(Some(arn)));
        }
        app.all_mut::<ManagedProviderData>()[self.index].cluster = Some(cluster);
    }
}

fn trust_policy(service: &str) -> Value {
    Value::map([
        (
            "Statement",
            Value::List(vec![Value::map([
                ("Action", Value::from("sts:AssumeRole")),
                ("Effect", Value::from("Allow")),
                (
                    "Principal",
                    Value::map([("Service", Value::from(service.to_string()))]),
                ),
            ])]),
        ),
        ("Version", Value::from("2012-10-17")),
    ])
}

/// The default instance role's `ECSInstancePolicy` (the CDK's scoped-down policy); `cluster`
/// is the ARN of the cluster the provider is added to.
fn instance_policy(cluster: Option<Value>) -> Value {
    let cluster = cluster.unwrap_or(Value::Null);
    let container_instances = Value::join(
        "",
        vec![
            "arn:".into(),
            Value::Aws(Pseudo::Partition),
            ":ecs:".into(),
            Value::Aws(Pseudo::Region),
            ":".into(),
            Value::Aws(Pseudo::AccountId),
            ":container-instance/*".into(),
        ],
    );
    let statement = |sid: &str, actions: &[&'static str], resource: Value| {
        let action = if actions.len() == 1 {
            Value::from(actions[0])
        } else {
            Value::strings(actions.iter().map(|a| a.to_string()))
        };
        Value::map([
            ("Action", action),
            ("Effect", Value::from("Allow")),
            ("Resource", resource),
            ("Sid", Value::from(sid.to_string())),
        ])
    };
    let statements = vec![
        statement(
            "ECSAgentDiscoverPollEndpointPermissions",
            &["ecs:DiscoverPollEndpoint"],
            "*".into(),
        ),
        statement(
            "ECSAgentRegisterPermissions",
            &["ecs:RegisterContainerInstance"],
            cluster.clone(),
        ),
        statement(
            "ECSAgentPollPermissions",
            &["ecs:Poll"],
            container_instances.clone(),
        ),
        statement(
            "ECSAgentTelemetryPermissions",
            &["ecs:PutSystemLogEvents", "ecs:StartTelemetrySession"],
            container_instances,
        ),
        statement(
            "ECSAgentStateChangePermissions",
            &[
                "ecs:SubmitAttachmentStateChanges",
                "ecs:SubmitTaskStateChange",
            ],
            cluster,
        ),
    ];
    Value::List(vec![Value::map([
        (
            "PolicyDocument",
            Value::map([
                ("Statement", Value::List(statements)),
                ("Version", Value::from("2012-10-17")),
            ]),
        ),
        ("PolicyName", Value::from("ECSInstancePolicy")),
    ])])
}

/// The message when a provider whose instance profile it created was never added to a
/// cluster (the CDK's "Managed instances capacity provider must be associated with a
/// cluster.").
///
/// ```
/// let m = ecs_core::ecs::managed_instances::unassociated_message("P");
/// assert!(m.contains("must be added to a cluster"));
/// ```
pub fn unassociated_message(provider: &str) -> String {
    format!(
        "managed instances capacity provider `{provider}` must be added to a cluster, as the instance profile it creates names the cluster: add `add_managed_instances_capacity_provider {provider} {{}}` to a cluster, or give it an `ec2_instance_profile`"
    )
}

/// Synth-time: a provider with its own instance profile is on a cluster.
impl crate::construct::app::Data for ManagedProviderData {
    fn validate(app: &App, messages: &mut Vec<crate::error::Diagnostic>) {
        for p in app.all::<ManagedProviderData>() {
            if p.instance_role.is_some() && p.cluster.is_none() {
                messages.extend(
                    Error::new(unassociated_message(&p.id))
                        .diagnostics()
                        .iter()
                        .cloned(),
                );
            }
        }
    }
}

handle!(ManagedInstancesCapacityProvider);
