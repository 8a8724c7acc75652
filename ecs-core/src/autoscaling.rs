//! Auto Scaling (CDK `aws-autoscaling`): groups of EC2 instances with their launch template,
//! instance role and profile, security group and user data. How a cluster joins a group's
//! instances to it is [`ecs::capacity`](crate::ecs::capacity).
//!
//! ```
//! use ecs_core::prelude::*;
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
//! let asg = AutoScalingGroup::new(&mut app, s, "ASG", AutoScalingGroupProps::default()
//!     .vpc(vpc)
//!     .instance_type("t3.large"))?;
//! assert_eq!(asg.id(&app), "ASG");
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::SubnetSelection;
use crate::ec2::machine_image::{EcsOptimizedImage, MachineImage, MachineImageType};
use crate::ec2::{SecurityGroup, Vpc};
use crate::error::{Error, RuleId};
use crate::iam::Role;
use crate::ssm::ssm_parameter;

/// Properties every auto-scaling group has, whoever builds it (CDK
/// `CommonAutoScalingGroupProps` plus `instanceType` and `machineImage`, the part this library
/// supports).
///
/// ```
/// let p = ecs_core::autoscaling::CommonAutoScalingGroupProps::default();
/// assert_eq!(p.min_capacity, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommonAutoScalingGroupProps {
    /// The EC2 instance type, e.g. `t2.xlarge` (required).
    pub instance_type: Option<String>,
    /// The image; the ECS-optimized Amazon Linux 2 AMI by default.
    pub machine_image: Option<MachineImage>,
    /// `MinSize`; default 1.
    pub min_capacity: Option<u32>,
    /// `MaxSize`; default `desired_capacity`, else `max(min_capacity, 1)`.
    pub max_capacity: Option<u32>,
    /// `DesiredCapacity`; not set by default.
    pub desired_capacity: Option<u32>,
    /// The maximum spot price: instances are spot instances when set.
    pub spot_price: Option<String>,
    /// Where instances launch; private subnets by default.
    pub vpc_subnets: Option<SubnetSelection>,
    /// Whether instances get a public address (set it with public subnets).
    pub associate_public_ip_address: Option<bool>,
    /// Detailed (one-minute) instance monitoring; basic by default.
    pub detailed_monitoring: Option<bool>,
    /// `Cooldown` between scaling activities, in seconds.
    pub cooldown: Option<u32>,
    /// `NewInstancesProtectedFromScaleIn`.
    pub new_instances_protected_from_scale_in: Option<bool>,
    /// The EC2 key pair name for SSH access (`KeyName`).
    pub key_name: Option<String>,
}

/// Declares the props of a way to create a group: the group's properties (kept in its `group`
/// state), declared here once, then its own; `[…]` holds its other hidden state.
macro_rules! group_props {
    (
        $(#[$meta:meta])*
        pub struct $name:ident [$($hidden:tt)*] { $($own:tt)* }
    ) => {
        props! {
            $(#[$meta])*
            pub struct $name {
                hidden
                /// What every group has.
                pub group: $crate::autoscaling::CommonAutoScalingGroupProps,
                $($hidden)*
                /// The EC2 instance type of the group's instances, e.g. `t3.medium`.
                [into "instanceType" in group, .required()]
                instance_type: String,
                /// The AMI the instances boot from; a cluster adding the group takes it or
                /// `machine_image_type`, not both (rule C1).
                [opt "machineImage" in group, .default("the ECS-optimized Amazon Linux 2 AMI")]
                machine_image: $crate::ec2::machine_image::MachineImage,
                /// The fewest instances the group keeps (`MinSize`); `min ≤ desired ≤ max` (rule C1).
                [opt "minCapacity" in group, .default("1")]
                min_capacity: u32,
                /// The most instances the group runs (`MaxSize`).
                [opt "maxCapacity" in group, .default("`desired_capacity`, else `max(min_capacity, 1)`")]
                max_capacity: u32,
                /// How many instances the group runs now (`DesiredCapacity`); the CDK warns that it resets
                /// the group's size on every deployment.
                [opt "desiredCapacity" in group]
                desired_capacity: u32,
                /// The highest hourly price to pay, e.g. `"0.0735"`: the instances are spot instances when
                /// it is set.
                [into "spotPrice" in group]
                spot_price: String,
                /// The subnets the instances launch in.
                [into "vpcSubnets" in group, .ty(Object(KindId::SubnetSelection)), .default("the private subnets (isolated, else public, when the vpc has none)")]
                vpc_subnets: $crate::ec2::SubnetSelection,
                /// Whether the instances get a public IP address (with `Public` subnets).
                [opt "associatePublicIpAddress" in group]
                associate_public_ip_address: bool,
                /// Whether the instances send one-minute (detailed) CloudWatch metrics instead of
                /// five-minute ones (CDK `instanceMonitoring: Monitoring.DETAILED`).
                [opt "instanceMonitoring" in group, .default("false")]
                detailed_monitoring: bool,
                /// Seconds after a scaling activity before the next one may start (`Cooldown`).
                [opt "cooldown" in group]
                cooldown: u32,
                /// Whether new instances start protected from scale-in; an ASG capacity provider with
                /// managed termination protection sets it.
                [opt "newInstancesProtectedFromScaleIn" in group, .default("false")]
                new_instances_protected_from_scale_in: bool,
                /// The EC2 key pair that allows SSH access to the instances (`KeyName`).
                [into "keyName" in group]
                key_name: String,
                $($own)*
            }
        }
    };
}

pub(crate) use group_props;

group_props! {
    /// Properties of an [`AutoScalingGroup`] built by the user (CDK `AutoScalingGroupProps`).
    ///
    /// ```
    /// use ecs_core::ec2::machine_image::EcsOptimizedImage;
    /// let p = ecs_core::autoscaling::AutoScalingGroupProps::default()
    ///     .instance_type("t2.xlarge")
    ///     .machine_image(EcsOptimizedImage::amazon_linux());
    /// assert!(p.group.machine_image.is_some());
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AutoScalingGroupProps [] {
        /// The VPC (required).
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .required()]
        vpc: Vpc,
    }
}

/// The user data of a group's instances (CDK `ec2.UserData`): a shell script, or Bottlerocket's
/// settings, to which clusters append lines.
#[derive(Debug, Clone)]
pub(crate) struct UserData {
    /// `#!/bin/bash` for Linux images; none for Bottlerocket's custom user data.
    shebang: Option<&'static str>,
    lines: Vec<Value>,
    /// Windows user data is one PowerShell block (CDK `UserData.forWindows`).
    powershell: bool,
}

impl UserData {
    fn for_image(image: &MachineImage) -> UserData {
        if image.is_windows() {
            return UserData {
                shebang: None,
                lines: Vec::new(),
                powershell: true,
            };
        }
        match image.image_type() {
            MachineImageType::AmazonLinux2 => UserData {
                shebang: Some("#!/bin/bash"),
                lines: Vec::new(),
                powershell: false,
            },
            // `UserData.custom("")`: an empty first line.
            MachineImageType::Bottlerocket => UserData {
                shebang: None,
                lines: vec![Value::from("")],
                powershell: false,
            },
        }
    }

    fn render(&self) -> Value {
        let mut parts = Vec::new();
        if self.powershell {
            parts.push("<powershell>".into());
            for (i, line) in self.lines.iter().enumerate() {
                if i > 0 {
                    parts.push("\n".into());
                }
                parts.push(line.clone());
            }
            parts.push("</powershell>".into());
            return Value::Base64(Box::new(Value::join("", parts)));
        }
        if let Some(shebang) = self.shebang {
            parts.push(Value::from(shebang));
        }
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 || self.shebang.is_some() {
                parts.push("\n".into());
            }
            parts.push(line.clone());
        }
        Value::Base64(Box::new(Value::join("", parts)))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct AsgData {
    pub(crate) id: String,
    pub(crate) resource: NodeId,
    pub(crate) template: NodeId,
    pub(crate) role: Role,
    pub(crate) security_group: SecurityGroup,
    pub(crate) image_type: MachineImageType,
    /// Whether its instances run Windows (CDK `osType`).
    pub(crate) windows: bool,
    pub(crate) spot: bool,
    pub(crate) user_data: UserData,
}

/// An auto-scaling group construct (`<id>/ASG` and its launch template, role and profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutoScalingGroup {
    pub(crate) node: NodeId,
    pub(crate) index: usize,
}

impl AutoScalingGroup {
    /// Creates an auto-scaling group with id `id` at the top of `stack`, to add to a cluster
    /// with [`Cluster::add_auto_scaling_group`] or to an
    /// [`AsgCapacityProvider`](crate::ecs::capacity_provider::AsgCapacityProvider).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    /// let asg = AutoScalingGroup::new(&mut app, s, "ASG", AutoScalingGroupProps::default()
    ///     .vpc(vpc)
    ///     .instance_type("t3.large")
    ///     .machine_image(EcsOptimizedImage::amazon_linux2(AmiHardwareType::Standard)))?;
    /// cluster.add_auto_scaling_group(&mut app, asg, AddAutoScalingGroupCapacityOptions::default())?;
    /// assert!(cluster.has_ec2_capacity(&app));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: AutoScalingGroupProps,
    ) -> Result<AutoScalingGroup, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(props.vpc)?;
        let Some(vpc) = props.vpc else {
            return Err(Error::new(format!(
                "auto scaling group `{id}` needs `vpc`: add `vpc: <name>`"
            )));
        };
        let root = scope;
        AutoScalingGroup::new_in(app, root, id, vpc, props.group, false)
    }

    /// Builds the group under `scope`; `replacing_update` adds the `AutoScalingReplacingUpdate`
    /// policy `add_capacity` gives its groups.
    pub(crate) fn new_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        vpc: Vpc,
        group: CommonAutoScalingGroupProps,
        replacing_update: bool,
    ) -> Result<AutoScalingGroup, Error> {
        let Some(instance_type) = group.instance_type.clone() else {
            return Err(Error::new(format!(
                "capacity `{id}` needs `instance_type`: add one, e.g. `instance_type: \"t3.medium\"`"
            )));
        };
        let (min, max, desired) = (
            group.min_capacity,
            group.max_capacity,
            group.desired_capacity,
        );
        if let Err(error) = capacity_sizes(min, max, desired) {
            return Err(Error::rule(RuleId::C1, capacity_sizes_message(id, error)));
        }
        let (min, max) = capacity_bounds(min, max, desired);
        let image = group
            .machine_image
            .clone()
            .unwrap_or_else(|| EcsOptimizedImage::amazon_linux2(Default::default()));
        image.check()?;
        let subnets = vpc.select_subnets(app, &group.vpc_subnets.clone().unwrap_or_default())?;
        let image_id = if image.lookup().cached_in_context {
            // Looked up once by the CLI and kept in cdk.context.json (CDK `valueFromLookup`).
            let parameter = image.ssm_parameter();
            let mut props = serde_json::Map::new();
            props.insert("parameterName".into(), parameter.as_str().into());
            let value = app.lookup_context(
                scope.stack(),
                "ssm",
                props,
                serde_json::Value::from(format!("dummy-value-for-{parameter}")),
                Some(false),
                image.lookup().additional_cache_key.as_deref(),
            )?;
            Value::from(value.as_str().unwrap_or_default().to_string())
        } else {
            Value::Ref(ssm_parameter(app, scope, &image.ssm_parameter())?)
        };

        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let path = stack.path(node);
        stack.add_tag(node, "Name", &path);
        stack.set_fqn(node, "aws-cdk-lib.aws_autoscaling.AutoScalingGroup");
        if desired.is_some() {
            stack.warn(
                node,
                "@aws-cdk/aws-autoscaling:desiredCapacitySet",
                "desiredCapacity has been configured. Be aware this will reset the size of your AutoScalingGroup on every deployment. See https://github.com/aws/aws-cdk/issues/5215",
            );
        }

        let sg = SecurityGroup::new(
            app,
            node,
            "InstanceSecurityGroup",
            crate::ec2::SecurityGroupProps::default().vpc(vpc),
        )?;
        let role = Role::new(app, node, "InstanceRole", "ec2.amazonaws.com")?;
        let sg_id = sg.group_id(app);
        let role_name = role.name(app);
        let stack = app.stack_mut(node.stack());
        let profile = stack.add_resource(
            node,
            "InstanceProfile",
            Resource::new("AWS::IAM::InstanceProfile").prop("Roles", Value::List(vec![role_name])),
        )?;
        let template_scope = stack.add_node(node, "LaunchTemplate")?;
        let template_path = stack.path(template_scope);
        stack.add_tag(template_scope, "Name", &template_path);
        let user_data = UserData::for_image(&image);
        let mut data = vec![
            (
                "IamInstanceProfile",
                Value::map([("Arn", Value::GetAtt(profile, "Arn".into()))]),
            ),
            ("ImageId", image_id),
            ("InstanceType", Value::from(instance_type)),
            (
                "Monitoring",
                Value::map([(
                    "Enabled",
                    Value::from(group.detailed_monitoring.unwrap_or(false)),
                )]),
            ),
            ("UserData", user_data.render()),
        ];
        match group.associate_public_ip_address {
            // The address is a property of the network interface, which then holds the groups.
            Some(associate) => data.push((
                "NetworkInterfaces",
                Value::List(vec![Value::map([
                    ("AssociatePublicIpAddress", Value::from(associate)),
                    ("DeviceIndex", Value::Int(0)),
                    ("Groups", Value::List(vec![sg_id.clone()])),
                ])]),
            )),
            None => data.push(("SecurityGroupIds", Value::List(vec![sg_id.clone()]))),
        }
        if let Some(key) = group.key_name.clone() {
            data.push(("KeyName", Value::from(key)));
        }
        if let Some(price) = group.spot_price.clone() {
            // The CDK passes the price through `parseFloat`: "0.10" is written "0.1".
            let price = match price.parse::<f64>() {
                Ok(number) if number.is_finite() => number.to_string(),
                _ => price,
            };
            data.push((
                "InstanceMarketOptions",
                Value::map([
                    ("MarketType", Value::from("spot")),
                    (
                        "SpotOptions",
                        Value::map([("MaxPrice", Value::from(price))]),
                    ),
                ]),
            ));
        }
        let template = stack.add_resource(
            template_scope,
            "Resource",
            Resource::new("AWS::EC2::LaunchTemplate").prop("LaunchTemplateData", Value::map(data)),
        )?;
        // Instances must not boot before their role can register them with the cluster.
        stack.add_dependency(template, role.node());

        let mut resource = Resource::new("AWS::AutoScaling::AutoScalingGroup")
            .prop_opt("Cooldown", group.cooldown.map(|c| c.to_string()))
            .prop_opt(
                "DesiredCapacity",
                group.desired_capacity.map(|d| d.to_string()),
            )
            .prop(
                "LaunchTemplate",
                Value::map([
                    ("LaunchTemplateId", Value::Ref(template)),
                    (
                        "Version",
                        Value::GetAtt(template, "LatestVersionNumber".into()),
                    ),
                ]),
            )
            .prop("MaxSize", max.to_string())
            .prop("MinSize", min.to_string())
            .prop_opt(
                "NewInstancesProtectedFromScaleIn",
                group.new_instances_protected_from_scale_in,
            )
            .prop("VPCZoneIdentifier", Value::List(subnets));
        let scheduled = (
            "AutoScalingScheduledAction",
            Value::map([("IgnoreUnmodifiedGroupSizeProperties", Value::from(true))]),
        );
        resource.update_policy = Some(if replacing_update {
            Value::map([
                (
                    "AutoScalingReplacingUpdate",
                    Value::map([("WillReplace", Value::from(true))]),
                ),
                scheduled,
            ])
        } else {
            Value::map([scheduled])
        });
        let resource = stack.add_resource(node, "ASG", resource)?;

        let index = app.all::<AsgData>().len();
        app.all_mut::<AsgData>().push(AsgData {
            id: id.to_string(),
            resource,
            template,
            role,
            security_group: sg,
            image_type: image.image_type(),
            windows: image.is_windows(),
            spot: group.spot_price.is_some(),
            user_data,
        });
        Ok(AutoScalingGroup { node, index })
    }

    /// The group's security group (CDK `autoScalingGroup.connections.securityGroups`).
    pub(crate) fn security_group(self, app: &App) -> SecurityGroup {
        app.all::<AsgData>()[self.index].security_group
    }

    /// Appends lines to the instances' user data (CDK `asg.addUserData`).
    pub(crate) fn add_user_data(self, app: &mut App, lines: Vec<Value>) {
        let data = &mut app.all_mut::<AsgData>()[self.index];
        data.user_data.lines.extend(lines);
        let rendered = data.user_data.render();
        let template = data.template;
        let resource = app.stack_mut(template.stack()).resource_mut(template);
        if let Some(Value::Map(data)) = resource.properties.get_mut("LaunchTemplateData") {
            data.insert("UserData", rendered);
        }
    }

    /// Sets `NewInstancesProtectedFromScaleIn` (CDK `asg.protectNewInstancesFromScaleIn()`).
    pub(crate) fn protect_new_instances_from_scale_in(self, app: &mut App) {
        let resource = app.all::<AsgData>()[self.index].resource;
        app.stack_mut(resource.stack())
            .resource_mut(resource)
            .set("NewInstancesProtectedFromScaleIn", true);
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &app.all::<AsgData>()[self.index].id
    }

    /// `{"Ref": asg}`: the group name.
    pub fn group_name(self, app: &App) -> Value {
        Value::Ref(app.all::<AsgData>()[self.index].resource)
    }

    /// The type of the group's image (what its user data is written for by default).
    pub fn image_type(self, app: &App) -> MachineImageType {
        app.all::<AsgData>()[self.index].image_type
    }
}

impl crate::construct::app::Data for AsgData {}

handle!(AutoScalingGroup);

/// How an auto-scaling group's sizes are out of order (rule C1).
///
/// ```
/// use ecs_core::rules::{capacity_sizes, CapacitySizeError};
/// assert_eq!(capacity_sizes(Some(3), Some(2), None), Err(CapacitySizeError::MinAboveMax { min: 3, max: 2 }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapacitySizeError {
    /// `min_capacity` above `max_capacity` (or above the max its defaults give).
    MinAboveMax {
        /// The minimum.
        min: u32,
        /// The maximum, given or defaulted.
        max: u32,
    },
    /// `desired_capacity` below `min_capacity`.
    DesiredBelowMin {
        /// The desired capacity.
        desired: u32,
        /// The minimum, given or defaulted.
        min: u32,
    },
    /// `desired_capacity` above `max_capacity`.
    DesiredAboveMax {
        /// The desired capacity.
        desired: u32,
        /// The maximum.
        max: u32,
    },
}

/// Rule C1: an auto-scaling group keeps `min ≤ desired ≤ max`, with the CDK's defaults (min 1,
/// max = desired, else `max(min, 1)`); CloudFormation refuses a group out of order (CDK
/// "minCapacity (…) should be <= maxCapacity (…)").
///
/// ```
/// use ecs_core::rules::capacity_sizes;
/// assert!(capacity_sizes(Some(0), Some(100), None).is_ok());
/// assert!(capacity_sizes(None, None, Some(3)).is_ok());
/// assert!(capacity_sizes(Some(2), None, Some(1)).is_err());
/// ```
///
/// # Errors
///
/// The [`CapacitySizeError`] saying which sizes are out of order.
pub const fn capacity_sizes(
    min: Option<u32>,
    max: Option<u32>,
    desired: Option<u32>,
) -> Result<(), CapacitySizeError> {
    let (min_value, max_value) = capacity_bounds(min, max, desired);
    if min_value > max_value {
        return Err(CapacitySizeError::MinAboveMax {
            min: min_value,
            max: max_value,
        });
    }
    if let Some(d) = desired {
        if d < min_value {
            return Err(CapacitySizeError::DesiredBelowMin {
                desired: d,
                min: min_value,
            });
        }
        if d > max_value {
            return Err(CapacitySizeError::DesiredAboveMax {
                desired: d,
                max: max_value,
            });
        }
    }
    Ok(())
}

/// An auto-scaling group's `MinSize` and `MaxSize` with the CDK's defaults: min 1, max the
/// desired capacity, else `max(min, 1)`.
///
/// ```
/// assert_eq!(ecs_core::rules::capacity_bounds(None, None, Some(3)), (1, 3));
/// assert_eq!(ecs_core::rules::capacity_bounds(Some(4), None, None), (4, 4));
/// ```
pub const fn capacity_bounds(
    min: Option<u32>,
    max: Option<u32>,
    desired: Option<u32>,
) -> (u32, u32) {
    let min_value = match min {
        Some(m) => m,
        None => 1,
    };
    let max_value = match (max, desired) {
        (Some(m), _) => m,
        (None, Some(d)) => d,
        (None, None) => {
            if min_value > 1 {
                min_value
            } else {
                1
            }
        }
    };
    (min_value, max_value)
}

/// Rule C1's message for sizes out of order.
///
/// ```
/// use ecs_core::rules::{capacity_sizes_message, CapacitySizeError};
/// assert_eq!(
///     capacity_sizes_message("Asg", CapacitySizeError::DesiredAboveMax { desired: 5, max: 4 }),
///     "capacity `Asg` has `desired_capacity: 5` above `max_capacity: 4`: keep min ≤ desired ≤ max",
/// );
/// ```
pub fn capacity_sizes_message(capacity: &str, error: CapacitySizeError) -> String {
    match error {
        CapacitySizeError::MinAboveMax { min, max } => format!(
            "capacity `{capacity}` has `min_capacity: {min}` above `max_capacity: {max}`: keep min ≤ desired ≤ max"
        ),
        CapacitySizeError::DesiredBelowMin { desired, min } => format!(
            "capacity `{capacity}` has `desired_capacity: {desired}` below `min_capacity: {min}`: keep min ≤ desired ≤ max"
        ),
        CapacitySizeError::DesiredAboveMax { desired, max } => format!(
            "capacity `{capacity}` has `desired_capacity: {desired}` above `max_capacity: {max}`: keep min ≤ desired ≤ max"
        ),
    }
}

/// Rule C1's message in const evaluation, where values cannot be formatted.
///
/// ```
/// use ecs_core::rules::{capacity_sizes_const_message, CapacitySizeError};
/// assert!(capacity_sizes_const_message(CapacitySizeError::MinAboveMax { min: 2, max: 1 }).contains("min_capacity"));
/// ```
pub const fn capacity_sizes_const_message(error: CapacitySizeError) -> &'static str {
    match error {
        CapacitySizeError::MinAboveMax { .. } => {
            "capacity `min_capacity` is above `max_capacity`: keep min ≤ desired ≤ max"
        }
        CapacitySizeError::DesiredBelowMin { .. } => {
            "capacity `desired_capacity` is below `min_capacity`: keep min ≤ desired ≤ max"
        }
        CapacitySizeError::DesiredAboveMax { .. } => {
            "capacity `desired_capacity` is above `max_capacity`: keep min ≤ desired ≤ max"
        }
    }
}

/// An auto-scaling group is reached through its instances' security group.
impl crate::ec2::Connectable for AutoScalingGroup {
    fn connectable_node(&self) -> Option<NodeId> {
        Some(self.node)
    }
    fn security_groups(&self, app: &App) -> Vec<crate::ec2::SecurityGroup> {
        vec![self.security_group(app)]
    }
}
