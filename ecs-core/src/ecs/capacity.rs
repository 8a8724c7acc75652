//! EC2 capacity: auto-scaling groups of ECS instances, built by `add_capacity` or by the user
//! and added with `add_auto_scaling_group`, with their launch template, instance role and
//! profile, and the drain hook that lets tasks stop before an instance terminates (CDK
//! `Cluster.addCapacity`, `addAutoScalingGroup`, `autoscaling.AutoScalingGroup`,
//! `InstanceDrainHook`).
//!
//! ```
//! let options = ecs_core::ecs::capacity::AddCapacityOptions::default()
//!     .instance_type("t2.xlarge")
//!     .desired_capacity(3);
//! assert_eq!(options.group.desired_capacity, Some(3));
//! ```

use crate::cfn::{Element, Parameter, Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::SubnetType;
use crate::ec2::{SecurityGroup, Vpc};
use crate::ecs::amis::{EcsOptimizedImage, InstanceArchitecture, MachineImage, MachineImageType};
use crate::ecs::cluster::Cluster;
use crate::ecs::facts::{CapacityFacts, Fact, refused};
use crate::error::Error;
use crate::iam::{Role, Statement};
use crate::kms::Key;

/// Properties every auto-scaling group has, whoever builds it (CDK
/// `CommonAutoScalingGroupProps` plus `instanceType` and `machineImage`, the part this library
/// supports).
///
/// ```
/// let p = ecs_core::ecs::capacity::CommonAutoScalingGroupProps::default();
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
    pub vpc_subnets: Option<SubnetType>,
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
                pub group: CommonAutoScalingGroupProps,
                $($hidden)*
                /// The EC2 instance type of the group's instances, e.g. `t3.medium`.
                [into "instanceType" in group, .required()]
                instance_type: String,
                /// The AMI the instances boot from; a cluster adding the group takes it or
                /// `machine_image_type`, not both (rule C1).
                [opt "machineImage" in group, .default("the ECS-optimized Amazon Linux 2 AMI")]
                machine_image: MachineImage,
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
                [opt "vpcSubnets" in group, .ty(Enum(&crate::ec2::SubnetType::DEF)), .default("`Private`")]
                vpc_subnets: SubnetType,
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

group_props! {
    /// Properties of an [`AutoScalingGroup`] built by the user (CDK `AutoScalingGroupProps`).
    ///
    /// ```
    /// use ecs_core::ecs::amis::EcsOptimizedImage;
    /// let p = ecs_core::ecs::capacity::AutoScalingGroupProps::default()
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

props! {
    /// Options of [`Cluster::add_auto_scaling_group`] and of capacity providers (CDK
    /// `AddAutoScalingGroupCapacityOptions`).
    ///
    /// ```
    /// let o = ecs_core::ecs::capacity::AddAutoScalingGroupCapacityOptions::default().task_drain_time(0);
    /// assert_eq!(o.task_drain_time, Some(0));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AddAutoScalingGroupCapacityOptions {
        /// How the instances' user data joins them to the cluster; by default what the group's
        /// image needs (Bottlerocket for a Bottlerocket image, else Amazon Linux 2).
        [opt "machineImageType", .ty(Enum(&crate::ecs::amis::MachineImageType::DEF)), .default("from the group's image, else `AmazonLinux2`")]
        machine_image_type: MachineImageType,
        /// Lets the ECS agent drain spot instances on interruption notices (needs `spot_price`).
        [val "spotInstanceDraining", .default("false")]
        spot_instance_draining: bool,
        /// Seconds the drain hook gives tasks to stop before termination; 300 by default, 0
        /// removes the hook.
        [opt "taskDrainTime", .default("300")]
        task_drain_time: u32,
        /// Encrypts the drain hook's SNS topic with this key.
        [opt "topicEncryptionKey", .ty(Ref(RefClass::Key))]
        topic_encryption_key: Key,
    }
}

group_props! {
    /// Options of [`Cluster::add_capacity`] (CDK `AddCapacityOptions`, the part this library
    /// supports): the group's properties and how the cluster configures it.
    ///
    /// ```
    /// use ecs_core::ecs::amis::MachineImageType;
    /// let o = ecs_core::ecs::capacity::AddCapacityOptions::default()
    ///     .instance_type("c5.large")
    ///     .machine_image_type(MachineImageType::Bottlerocket);
    /// assert_eq!(o.cluster.machine_image_type, Some(MachineImageType::Bottlerocket));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AddCapacityOptions [
        hidden
        /// How the cluster configures the group.
        pub cluster: AddAutoScalingGroupCapacityOptions,
    ] {
        /// How the instances' user data joins them to the cluster; give it or `machine_image`, not
        /// both (rule C1).
        [opt "machineImageType" in cluster, .ty(Enum(&crate::ecs::amis::MachineImageType::DEF)), .default("from `machine_image`, else `AmazonLinux2`")]
        machine_image_type: MachineImageType,
        /// Lets the ECS agent drain spot instances when they get an interruption notice; needs
        /// `spot_price` (rule C1).
        [val "spotInstanceDraining" in cluster, .default("false")]
        spot_instance_draining: bool,
        /// Seconds the drain hook gives tasks to stop before an instance terminates; 0 removes the
        /// hook.
        [opt "taskDrainTime" in cluster, .default("300")]
        task_drain_time: u32,
        /// The KMS key that encrypts the drain hook's SNS topic.
        [opt "topicEncryptionKey" in cluster, .ty(Ref(RefClass::Key))]
        topic_encryption_key: Key,
    }
}

/// The user data of a group's instances (CDK `ec2.UserData`): a shell script, or Bottlerocket's
/// settings, to which clusters append lines.
#[derive(Debug, Clone)]
struct UserData {
    /// `#!/bin/bash` for Linux images; none for Bottlerocket's custom user data.
    shebang: Option<&'static str>,
    lines: Vec<Value>,
}

impl UserData {
    fn for_image(image: &MachineImage) -> UserData {
        match image.image_type() {
            MachineImageType::AmazonLinux2 => UserData {
                shebang: Some("#!/bin/bash"),
                lines: Vec::new(),
            },
            // `UserData.custom("")`: an empty first line.
            MachineImageType::Bottlerocket => UserData {
                shebang: None,
                lines: vec![Value::from("")],
            },
        }
    }

    fn render(&self) -> Value {
        let mut parts = Vec::new();
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
    id: String,
    resource: NodeId,
    template: NodeId,
    role: Role,
    security_group: SecurityGroup,
    image_type: MachineImageType,
    spot: bool,
    user_data: UserData,
}

/// An auto-scaling group construct (`<id>/ASG` and its launch template, role and profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutoScalingGroup {
    node: NodeId,
    index: usize,
}

/// How long the drain hook gives tasks to stop, in seconds (the CDK's default 5 minutes).
const DRAIN_SECONDS: u32 = 300;

// As in the CDK, `new` of a kind returns the handle all kinds share.
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
    fn new_in(
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
        let mut facts = CapacityFacts::new(id, ());
        facts.min_capacity = Fact::given(group.min_capacity, ());
        facts.max_capacity = Fact::given(group.max_capacity, ());
        facts.desired_capacity = Fact::given(group.desired_capacity, ());
        refused(facts.violations())?;
        let (min, max) = facts.bounds().expect("the builders know every size");
        let image = group
            .machine_image
            .clone()
            .unwrap_or_else(|| EcsOptimizedImage::amazon_linux2(Default::default()));
        image.check()?;
        let subnets = match group.vpc_subnets.unwrap_or_default() {
            SubnetType::Private => vpc.private_subnets(app),
            SubnetType::Public => vpc.public_subnets(app),
        };
        let image_parameter = ssm_parameter(app, scope, &image.ssm_parameter())?;

        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let path = stack.path(node);
        stack.add_tag(node, "Name", &path);

        let sg = SecurityGroup::new(
            app,
            node,
            "InstanceSecurityGroup",
            crate::ec2::SecurityGroupProps::default().vpc(vpc),
        )?;
        let role = Role::new(app, node, "InstanceRole", "ec2.amazonaws.com")?;
        let stack = app.stack_mut(node.stack());
        let profile = stack.add_resource(
            node,
            "InstanceProfile",
            Resource::new("AWS::IAM::InstanceProfile")
                .prop("Roles", Value::List(vec![role.name()])),
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
            ("ImageId", Value::Ref(image_parameter)),
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
                    ("Groups", Value::List(vec![sg.group_id()])),
                ])]),
            )),
            None => data.push(("SecurityGroupIds", Value::List(vec![sg.group_id()]))),
        }
        if let Some(key) = group.key_name.clone() {
            data.push(("KeyName", Value::from(key)));
        }
        if let Some(price) = group.spot_price.clone() {
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
            spot: group.spot_price.is_some(),
            user_data,
        });
        Ok(AutoScalingGroup { node, index })
    }

    /// The group `add_capacity` builds under the cluster, configured for it.
    pub(crate) fn for_cluster(
        app: &mut App,
        cluster: Cluster,
        id: &str,
        options: AddCapacityOptions,
    ) -> Result<AutoScalingGroup, Error> {
        let AddCapacityOptions {
            mut group,
            cluster: mut cluster_options,
        } = options;
        // The sizes are judged as the group is built, after its instance type.
        let mut facts = CapacityFacts::new(id, ());
        facts.machine_image = Fact::written(group.machine_image.is_some(), ());
        facts.machine_image_type = Fact::written(cluster_options.machine_image_type.is_some(), ());
        facts.spot_price = Fact::written(group.spot_price.is_some(), ());
        facts.spot_instance_draining = Fact::Known(cluster_options.spot_instance_draining, ());
        refused(facts.violations())?;
        if group.machine_image.is_none()
            && cluster_options.machine_image_type == Some(MachineImageType::Bottlerocket)
        {
            // The CDK follows the instance type's processors for Bottlerocket.
            let architecture = InstanceArchitecture::of_instance_type(
                group.instance_type.as_deref().unwrap_or(""),
            );
            group.machine_image = Some(MachineImage::Bottlerocket {
                variant: Default::default(),
                architecture,
            });
        }
        let vpc = cluster.vpc(app);
        let asg = AutoScalingGroup::new_in(app, cluster.node(), id, vpc, group, true)?;
        if cluster_options.machine_image_type.is_none() {
            cluster_options.machine_image_type = Some(app.all::<AsgData>()[asg.index].image_type);
        }
        asg.configure(app, cluster, cluster_options)?;
        Ok(asg)
    }

    /// The group's security group (CDK `autoScalingGroup.connections.securityGroups`).
    pub(crate) fn security_group(self, app: &App) -> SecurityGroup {
        app.all::<AsgData>()[self.index].security_group
    }

    /// Joins the group's instances to `cluster`: user data, the agent's rights, the drain hook
    /// (CDK `Cluster.configureAutoScalingGroup`). The group's security group is not added to
    /// the cluster's connections here: the CDK adds it for `addCapacity` and
    /// `addAutoScalingGroup` only, not for `addAsgCapacityProvider`.
    pub(crate) fn configure(
        self,
        app: &mut App,
        cluster: Cluster,
        options: AddAutoScalingGroupCapacityOptions,
    ) -> Result<(), Error> {
        let data = &app.all::<AsgData>()[self.index];
        let mut facts = CapacityFacts::new(&data.id, ());
        facts.spot_price = Fact::written(data.spot, ());
        facts.spot_instance_draining = Fact::Known(options.spot_instance_draining, ());
        refused(facts.violations())?;
        let role = data.role;
        let cluster_name = cluster.cluster_name(app);
        let cluster_arn = cluster.cluster_arn(app);
        match options.machine_image_type.unwrap_or(data.image_type) {
            MachineImageType::Bottlerocket => {
                self.add_user_data(
                    app,
                    vec![
                        "[settings.ecs]".into(),
                        Value::join(
                            "",
                            vec!["cluster = \"".into(), cluster_name.clone(), "\"".into()],
                        ),
                    ],
                );
                role.add_managed_policy(
                    app,
                    Role::aws_managed_policy("AmazonSSMManagedInstanceCore"),
                );
                role.add_managed_policy(
                    app,
                    Role::aws_managed_policy("service-role/AmazonEC2ContainerServiceforEC2Role"),
                );
            }
            MachineImageType::AmazonLinux2 => {
                let mut lines = vec![Value::join(
                    "",
                    vec![
                        "echo ECS_CLUSTER=".into(),
                        cluster_name.clone(),
                        " >> /etc/ecs/ecs.config".into(),
                    ],
                )];
                if options.spot_instance_draining {
                    lines.push(
                        "echo ECS_ENABLE_SPOT_INSTANCE_DRAINING=true >> /etc/ecs/ecs.config".into(),
                    );
                }
                self.add_user_data(app, lines);
            }
        }
        // What the ECS agent on the instance needs to register with this cluster and report.
        role.grant(
            app,
            Statement::allow([
                "ecs:DeregisterContainerInstance",
                "ecs:RegisterContainerInstance",
                "ecs:Submit*",
            ])
            .on([cluster_arn.clone()]),
        )?;
        role.grant(
            app,
            Statement::allow(["ecs:Poll", "ecs:StartTelemetrySession"])
                .on_any()
                .when("ArnEquals", "ecs:cluster", cluster_arn.clone()),
        )?;
        role.grant(
            app,
            Statement::allow([
                "ecs:DiscoverPollEndpoint",
                "ecr:GetAuthorizationToken",
                "logs:CreateLogStream",
                "logs:PutLogEvents",
            ])
            .on_any(),
        )?;
        let drain = options.task_drain_time.unwrap_or(DRAIN_SECONDS);
        if drain != 0 {
            let asg = app.all::<AsgData>()[self.index].resource;
            drain_hook(
                app,
                self.node,
                asg,
                cluster_name,
                cluster_arn,
                drain,
                options.topic_encryption_key,
            )?;
        }
        Ok(())
    }

    /// Appends lines to the instances' user data (CDK `asg.addUserData`).
    fn add_user_data(self, app: &mut App, lines: Vec<Value>) {
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

/// The stack-level CloudFormation parameter that resolves an SSM parameter holding an AMI id,
/// shared by every user in the stack (CDK `ssm.StringParameter.valueForTypedStringParameterV2`).
pub(crate) fn ssm_parameter(app: &mut App, scope: NodeId, path: &str) -> Result<NodeId, Error> {
    ssm_parameter_typed(
        app,
        scope,
        path,
        "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
    )
}

/// The stack-level parameter of type `kind` resolving the SSM parameter at `path` (CDK
/// `valueForTypedStringParameterV2`), shared by every user in the stack.
pub(crate) fn ssm_parameter_typed(
    app: &mut App,
    scope: NodeId,
    path: &str,
    kind: &str,
) -> Result<NodeId, Error> {
    let stack = app.stack_mut(scope.stack());
    let root = stack.root();
    let id = format!("SsmParameterValue:{path}:C96584B6-F00A-464E-AD19-53AFF4B05118.Parameter");
    if let Some(existing) = stack.child(root, &id) {
        return Ok(existing);
    }
    stack.add_element(
        root,
        &id,
        Element::Parameter(Parameter {
            kind: kind.into(),
            default: Some(path.into()),
            description: None,
        }),
    )
}

/// Our drain-hook handler (Python, inlined as `Code.ZipFile`).
const DRAIN_HOOK_SOURCE: &str = include_str!("../../assets/drain-hook/index.py");

/// The Lambda, SNS topic and lifecycle hook that drain an instance's tasks before the group
/// terminates it (CDK `InstanceDrainHook`).
fn drain_hook(
    app: &mut App,
    asg_scope: NodeId,
    asg: NodeId,
    cluster_name: Value,
    cluster_arn: Value,
    drain_seconds: u32,
    topic_key: Option<Key>,
) -> Result<(), Error> {
    let stack = app.stack_mut(asg_scope.stack());
    let hook_scope = stack.add_node(asg_scope, "DrainECSHook")?;
    let function_scope = stack.add_node(hook_scope, "Function")?;
    let role = Role::with_managed_policies(
        app,
        function_scope,
        "ServiceRole",
        "lambda.amazonaws.com",
        vec![Role::aws_managed_policy(
            "service-role/AWSLambdaBasicExecutionRole",
        )],
    )?;
    let stack = app.stack_mut(asg_scope.stack());
    let function = stack.add_resource(
        function_scope,
        "Resource",
        Resource::new("AWS::Lambda::Function")
            .prop(
                "Code",
                Value::map([("ZipFile", Value::from(DRAIN_HOOK_SOURCE))]),
            )
            .prop(
                "Environment",
                Value::map([("Variables", Value::map([("CLUSTER", cluster_name)]))]),
            )
            .prop("Handler", "index.lambda_handler")
            .prop("Role", role.arn())
            .prop("Runtime", "python3.13")
            // Saturating is exact here: anything past 890 seconds gives 900.
            .prop("Timeout", drain_seconds.saturating_add(10).min(900)),
    )?;
    stack.add_dependency(function, role.node());
    let function_arn = Value::GetAtt(function, "Arn".into());

    // The recommended flag `useCdkManagedLogGroup` gives the function a retained log group.
    let log_scope = stack.add_node(function_scope, "LogGroup")?;
    let mut log_group = Resource::new("AWS::Logs::LogGroup")
        .prop(
            "LogGroupName",
            Value::join("", vec!["/aws/lambda/".into(), Value::Ref(function)]),
        )
        .prop("RetentionInDays", 731u32);
    log_group.removal_policy = Some("Retain");
    stack.add_resource(log_scope, "Resource", log_group)?;

    let lifecycle_scope = stack.add_node(asg_scope, "LifecycleHookDrainHook")?;
    let topic_scope = stack.add_node(lifecycle_scope, "Topic")?;
    let topic = stack.add_resource(
        topic_scope,
        "Resource",
        Resource::new("AWS::SNS::Topic").prop_opt("KmsMasterKeyId", topic_key.map(|k| k.key_arn())),
    )?;
    let topic_uid = stack.unique_id(topic_scope);
    stack.add_resource(
        function_scope,
        &format!("AllowInvoke:{topic_uid}"),
        Resource::new("AWS::Lambda::Permission")
            .prop("Action", "lambda:InvokeFunction")
            .prop("FunctionName", function_arn.clone())
            .prop("Principal", "sns.amazonaws.com")
            .prop("SourceArn", Value::Ref(topic)),
    )?;
    let subscription = stack.add_node(function_scope, "Topic")?;
    stack.add_resource(
        subscription,
        "Resource",
        Resource::new("AWS::SNS::Subscription")
            .prop("Endpoint", function_arn)
            .prop("Protocol", "lambda")
            .prop("TopicArn", Value::Ref(topic)),
    )?;

    // The handler's rights: find the instance, drain it, watch its tasks, finish the hook.
    let cluster_condition = |s: Statement| s.when("ArnEquals", "ecs:cluster", cluster_arn.clone());
    let statements = [
        Statement::allow([
            "ec2:DescribeInstances",
            "ec2:DescribeInstanceAttribute",
            "ec2:DescribeInstanceStatus",
            "ec2:DescribeHosts",
        ])
        .on_any(),
        Statement::allow(["autoscaling:CompleteLifecycleAction"]).on([Value::arn(
            "autoscaling",
            true,
            true,
            vec![
                "autoScalingGroup:*:autoScalingGroupName/".into(),
                Value::Ref(asg),
            ],
        )]),
        cluster_condition(
            Statement::allow(["ecs:DescribeContainerInstances", "ecs:DescribeTasks"]).on_any(),
        ),
        Statement::allow([
            "ecs:ListContainerInstances",
            "ecs:SubmitContainerStateChange",
            "ecs:SubmitTaskStateChange",
        ])
        .on([cluster_arn.clone()]),
        cluster_condition(
            Statement::allow(["ecs:UpdateContainerInstancesState", "ecs:ListTasks"]).on_any(),
        ),
    ];
    for s in statements {
        role.grant(app, s)?;
    }

    let hook_role = Role::new(app, lifecycle_scope, "Role", "autoscaling.amazonaws.com")?;
    // Publishing to an encrypted topic needs the key too; the CDK grants it twice, around
    // `sns:Publish`, and the statements merge.
    if let Some(key) = topic_key {
        hook_role.grant(
            app,
            Statement::allow(["kms:Decrypt", "kms:GenerateDataKey"]).on([key.key_arn()]),
        )?;
    }
    hook_role.grant(
        app,
        Statement::allow(["sns:Publish"]).on([Value::Ref(topic)]),
    )?;
    if let Some(key) = topic_key {
        hook_role.grant(
            app,
            Statement::allow(["kms:Decrypt", "kms:GenerateDataKey*"]).on([key.key_arn()]),
        )?;
    }
    let stack = app.stack_mut(asg_scope.stack());
    let hook = stack.add_resource(
        lifecycle_scope,
        "Resource",
        Resource::new("AWS::AutoScaling::LifecycleHook")
            .prop("AutoScalingGroupName", Value::Ref(asg))
            .prop("DefaultResult", "CONTINUE")
            .prop("HeartbeatTimeout", drain_seconds)
            .prop(
                "LifecycleTransition",
                "autoscaling:EC2_INSTANCE_TERMINATING",
            )
            .prop("NotificationTargetARN", Value::Ref(topic))
            .prop("RoleARN", hook_role.arn()),
    )?;
    stack.add_dependency(hook, hook_role.node());
    Ok(())
}

handle!(AutoScalingGroup);

impl crate::construct::app::Data for AsgData {}
