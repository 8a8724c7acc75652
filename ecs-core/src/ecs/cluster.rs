//! The ECS cluster (CDK `cluster.ts`).
//!
//! ```
//! use ecs_core::{App, ecs::cluster::{Cluster, ClusterProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! // Without a VPC the cluster creates its own, `Cluster/Vpc`, over two zones.
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
//! assert!(!cluster.has_ec2_capacity(&app));
//! ```

use crate::autoscaling::AutoScalingGroup;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::{Vpc, VpcProps};
use crate::ecs::capacity::{AddAutoScalingGroupCapacityOptions, AddCapacityOptions};
use crate::ecs::capacity_provider::{
    AsgCapacityProvider, CapacityProvider, CapacityProviderStrategy, check_strategies,
    render_strategies,
};
use crate::error::Error;

props! {
    /// Properties of a [`Cluster`] (CDK `ClusterProps`, the part this library supports).
    ///
    /// ```
    /// let props = ecs_core::ecs::cluster::ClusterProps::default().cluster_name("web");
    /// assert_eq!(props.cluster_name.as_deref(), Some("web"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ClusterProps {
        /// The VPC; without one the cluster creates `Vpc` under itself with two zones.
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .default("a new `Vpc` with two zones")]
        vpc: Vpc,
        /// `ClusterName`; CloudFormation generates one when absent.
        [into "clusterName"]
        cluster_name: String,
        /// Adds the `FARGATE` and `FARGATE_SPOT` capacity providers.
        [val "enableFargateCapacityProviders", .default("false")]
        enable_fargate_capacity_providers: bool,
        /// The capacity provider strategy of services that give none: providers with their weights
        /// and bases (rule C2).
        [none "addDefaultCapacityProviderStrategy", .ty(Strategies), .set(Set::Custom), .method()]
        default_capacity_provider_strategy: (),
        /// A Cloud Map namespace created with the cluster, the default of its services.
        [field "defaultCloudMapNamespace", .ty(Object(KindId::NamespaceOptions))]
        default_cloud_map_namespace: crate::servicediscovery::CloudMapNamespaceOptions,
        /// A declared namespace (`private_dns_namespace`) made the default of the cluster's
        /// services (CDK `addExistingDefaultCloudMapNamespace`); not with
        /// `default_cloud_map_namespace`.
        [none "addExistingDefaultCloudMapNamespace", .ty(Ref(RefClass::Namespace)), .method(), .set(Set::Custom)]
        existing_default_cloud_map_namespace: (),
        /// Declared roles allowed to protect the cluster's tasks from scale-in (CDK
        /// `grantTaskProtection`: `ecs:UpdateTaskProtection` on the cluster's tasks).
        [none "grantTaskProtection", .ty(Refs(RefClass::Role)), .method(), .set(Set::Custom)]
        grant_task_protection: (),
        /// ECS Exec settings: encryption key and where command output goes (rule G1).
        [field "executeCommandConfiguration", .ty(Object(KindId::ExecConfig))]
        execute_command_configuration: crate::ecs::exec::ExecuteCommandConfiguration,
        /// CloudWatch Container Insights on (`true`) or off; the CDK deprecates it for
        /// `container_insights_v2`, and refuses both together (rule K1).
        [opt "containerInsights"]
        container_insights: bool,
        /// CloudWatch Container Insights: `Enabled`, `Enhanced` (with observability of each
        /// task and container) or `Disabled`; not with `container_insights` (rule K1).
        [opt "containerInsightsV2", .ty(Enum(&ContainerInsights::DEF))]
        container_insights_v2: ContainerInsights,
        /// The KMS keys of the tasks' managed storage: Fargate ephemeral storage and managed
        /// volumes; the Fargate key's policy lets Fargate use it for this cluster.
        [opt "managedStorageConfiguration", .ty(Object(KindId::ManagedStorage))]
        managed_storage_configuration: ManagedStorageConfiguration,
        /// EC2 capacity created with the cluster, as `add_capacity("DefaultAutoScalingGroup")`.
        [opt "capacity"]
        capacity: crate::ecs::capacity::AddCapacityOptions,
    }
}

props! {
    /// The KMS keys of a cluster's managed storage (CDK `ManagedStorageConfiguration`).
    ///
    /// ```
    /// let config = ecs_core::ecs::cluster::ManagedStorageConfiguration::default();
    /// assert!(config.kms_key.is_none());
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ManagedStorageConfiguration {
        /// The key of Fargate tasks' ephemeral storage.
        [opt "fargateEphemeralStorageKmsKey", .ty(Ref(RefClass::Key))]
        fargate_ephemeral_storage_kms_key: crate::kms::Key,
        /// The key of managed storage (EBS volumes ECS attaches).
        [opt "kmsKey", .ty(Ref(RefClass::Key))]
        kms_key: crate::kms::Key,
    }
}

/// Whether a cluster collects CloudWatch Container Insights (CDK `ContainerInsights`).
///
/// ```
/// use ecs_core::ecs::cluster::ContainerInsights;
/// assert_eq!(ContainerInsights::Enhanced.cfn_value(), "enhanced");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContainerInsights {
    /// Container Insights on.
    Enabled,
    /// Container Insights with enhanced observability.
    Enhanced,
    /// Container Insights off.
    Disabled,
}

impl ContainerInsights {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Enabled", "Enhanced", "Disabled"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "cluster", "ContainerInsights"],
        variants: Self::VARIANT_NAMES,
    };

    /// The `containerInsights` setting's value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            ContainerInsights::Enabled => "enabled",
            ContainerInsights::Enhanced => "enhanced",
            ContainerInsights::Disabled => "disabled",
        }
    }

    /// The setting of a cluster given `container_insights` and `container_insights_v2`, or
    /// `None` when it gives neither (rule K1 refuses both).
    pub const fn setting(
        v1: Option<bool>,
        v2: Option<ContainerInsights>,
    ) -> Option<ContainerInsights> {
        match (v2, v1) {
            (Some(v2), _) => Some(v2),
            (None, Some(true)) => Some(ContainerInsights::Enabled),
            (None, Some(false)) => Some(ContainerInsights::Disabled),
            (None, None) => None,
        }
    }
}

impl ClusterProps {
    /// Sets `execute_command_configuration`.
    pub fn execute_command_configuration(
        mut self,
        config: crate::ecs::exec::ExecuteCommandConfiguration,
    ) -> Self {
        self.execute_command_configuration = Some(config);
        self
    }

    /// Sets `default_cloud_map_namespace`.
    pub fn default_cloud_map_namespace(
        mut self,
        options: crate::servicediscovery::CloudMapNamespaceOptions,
    ) -> Self {
        self.default_cloud_map_namespace = Some(options);
        self
    }
}

/// How a cluster that exists already was imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClusterImport {
    /// `Cluster.fromClusterAttributes`: what the attributes say is known.
    Attributes,
    /// `Cluster.fromClusterArn`: only the name and ARN are known.
    Arn,
}

props! {
    /// What is known of an existing cluster (CDK `ClusterAttributes`, the part this library
    /// supports).
    ///
    /// ```
    /// use ecs_core::ecs::cluster::ClusterAttributes;
    /// let attrs = ClusterAttributes::default().cluster_name("shared").has_ec2_capacity(false);
    /// assert_eq!(attrs.has_ec2_capacity, Some(false));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ClusterAttributes {
        /// The cluster's name (required, with `vpc`, unless `cluster_arn` is given alone).
        [into "clusterName", .default("none: `cluster_arn` alone imports by ARN")]
        cluster_name: String,
        /// The cluster's VPC, where services' tasks get their subnets (required with
        /// `cluster_name`).
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .default("none: `cluster_arn` alone imports by ARN")]
        vpc: Vpc,
        /// The cluster's ARN.
        [into "clusterArn", .default("the ARN of `cluster_name` in the stack's account and region")]
        cluster_arn: String,
        /// The security groups of the cluster's instances, which load balancers reach bridge and
        /// host mode tasks through.
        [list "securityGroups", .ty(Refs(RefClass::SecurityGroup)), .default("none")]
        security_groups: crate::ec2::SecurityGroup,
        /// Whether the cluster has EC2 instances for EC2 services.
        [opt "hasEc2Capacity", .default("true")]
        has_ec2_capacity: bool,
        /// The cluster's auto-scaling group, as [`Cluster::autoscaling_group`] gives it.
        [opt "autoscalingGroup", .ty(Ref(RefClass::AutoScalingGroup)), .default("none")]
        autoscaling_group: AutoScalingGroup,
    }
}

/// Whether `arn` (a literal) names a cluster: six `:`-separated parts, the last
/// `cluster/<name>` (CDK `splitArn(arn, SLASH_RESOURCE_NAME).resourceName`).
///
/// ```
/// use ecs_core::ecs::cluster::cluster_name_from_arn;
/// assert_eq!(cluster_name_from_arn("arn:aws:ecs:us-east-1:123456789012:cluster/web"), Some("web"));
/// assert_eq!(cluster_name_from_arn("arn:aws:ecs:us-east-1:123456789012:cluster"), None);
/// ```
pub fn cluster_name_from_arn(arn: &str) -> Option<&str> {
    let mut parts = arn.splitn(6, ':');
    if parts.next() != Some("arn") {
        return None;
    }
    let resource = parts.nth(4)?;
    let (_, name) = resource.split_once('/')?;
    (!name.is_empty()).then_some(name)
}

/// The message for an ARN [`cluster_name_from_arn`] finds no name in.
pub fn cluster_arn_message(id: &str, arn: &str) -> String {
    format!(
        "imported cluster `{id}`: missing required cluster name from cluster arn: {arn}: give an arn of the form `arn:aws:ecs:<region>:<account>:cluster/<name>`"
    )
}

#[derive(Debug, Clone)]
pub(crate) struct ClusterData {
    pub(crate) id: String,
    /// The `AWS::ECS::Cluster`, `None` for an imported cluster.
    pub(crate) resource: Option<NodeId>,
    /// `{"Ref": cluster}`, or the imported name.
    name: Value,
    /// `{"Fn::GetAtt": [cluster, "Arn"]}`, or the imported ARN.
    arn: Value,
    /// The VPC, unknown for a cluster imported by ARN.
    vpc: Option<Vpc>,
    pub(crate) import: Option<ClusterImport>,
    pub(crate) has_ec2_capacity: bool,
    /// The group of `capacity`, or of an import's attributes (CDK `autoscalingGroup`).
    autoscaling_group: Option<AutoScalingGroup>,
    /// The providers the cluster has, in the order they were added.
    providers: Vec<CapacityProvider>,
    /// The Managed Instances providers, which name the cluster themselves (CDK
    /// `clusterScopedCapacityProviderNames`) and stay out of the associations.
    managed_providers: Vec<crate::ecs::managed_instances::ManagedInstancesCapacityProvider>,
    default_strategy: Vec<CapacityProviderStrategy>,
    /// `AWS::ECS::ClusterCapacityProviderAssociations`, once there is something to associate.
    associations: Option<NodeId>,
    // ---- the instances' security groups (CDK `cluster.connections`) and the
    // default Cloud Map namespace ----
    pub(crate) connections: Vec<crate::ec2::SecurityGroup>,
    pub(crate) default_namespace: Option<crate::servicediscovery::Namespace>,
    // ---- ECS Exec ----
    pub(crate) execute_command_configuration: Option<crate::ecs::exec::ExecuteCommandConfiguration>,
}

/// An ECS cluster construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    node: NodeId,
    index: usize,
}

impl Cluster {
    /// Creates a cluster with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ClusterProps,
    ) -> Result<Cluster, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        app.check_each(props.vpc)?;
        if let Some(config) = &props.execute_command_configuration {
            config.check(id)?;
        }
        if !crate::ecs::rules::container_insights_choice(
            props.container_insights.is_some(),
            props.container_insights_v2.is_some(),
        ) {
            return Err(Error::rule(
                crate::error::RuleId::K1,
                crate::ecs::rules::container_insights_choice_message(id),
            ));
        }
        let insights =
            ContainerInsights::setting(props.container_insights, props.container_insights_v2);
        let root = scope;
        let st = app.stack_mut(stack);
        let node = st.add_node(root, id)?;
        let resource = st.add_resource(
            node,
            "Resource",
            Resource::new("AWS::ECS::Cluster")
                .prop_opt("ClusterName", props.cluster_name.clone())
                .prop_opt(
                    "ClusterSettings",
                    insights.map(|i| {
                        crate::cfn::Value::List(vec![crate::cfn::Value::map([
                            ("Name", crate::cfn::Value::from("containerInsights")),
                            ("Value", crate::cfn::Value::from(i.cfn_value())),
                        ])])
                    }),
                )
                .prop_opt("Configuration", {
                    let mut config = Vec::new();
                    if let Some(c) = &props.execute_command_configuration {
                        config.push(("ExecuteCommandConfiguration", c.render()));
                    }
                    if let Some(m) = &props.managed_storage_configuration {
                        let mut storage = Vec::new();
                        if let Some(k) = m.fargate_ephemeral_storage_kms_key {
                            storage.push(("FargateEphemeralStorageKmsKeyId", k.key_id()));
                        }
                        if let Some(k) = m.kms_key {
                            storage.push(("KmsKeyId", k.key_id()));
                        }
                        config.push(("ManagedStorageConfiguration", Value::map(storage)));
                    }
                    (!config.is_empty()).then(|| Value::map(config))
                }),
        )?;
        let vpc = match props.vpc {
            Some(vpc) => vpc,
            None => Vpc::new_in(app, node, "Vpc", VpcProps::default().max_azs(2))?,
        };
        let index = app.all::<ClusterData>().len();
        app.all_mut::<ClusterData>().push(ClusterData {
            id: id.to_string(),
            resource: Some(resource),
            name: Value::Ref(resource),
            arn: Value::GetAtt(resource, "Arn".into()),
            vpc: Some(vpc),
            import: None,
            has_ec2_capacity: false,
            autoscaling_group: None,
            providers: Vec::new(),
            managed_providers: Vec::new(),
            default_strategy: Vec::new(),
            associations: None,
            connections: Vec::new(),
            default_namespace: None,
            execute_command_configuration: props.execute_command_configuration.clone(),
        });
        let cluster = Cluster { node, index };
        if props.enable_fargate_capacity_providers {
            cluster.enable_fargate_capacity_providers(app)?;
        }
        if let Some(options) = props.default_cloud_map_namespace {
            cluster.add_default_cloud_map_namespace(app, options)?;
        }
        if let Some(capacity) = props.capacity {
            let asg = cluster.add_capacity(app, "DefaultAutoScalingGroup", capacity)?;
            app.all_mut::<ClusterData>()[index].autoscaling_group = Some(asg);
        }
        if let Some(key) = props
            .managed_storage_configuration
            .as_ref()
            .and_then(|m| m.fargate_ephemeral_storage_kms_key)
        {
            // Fargate encrypts the tasks' ephemeral storage with the key for this account's
            // clusters (CDK `updateKeyPolicyForEphemeralStorageConfiguration`).
            let account = Value::List(vec![Value::Aws(crate::cfn::Pseudo::AccountId)]);
            let mut equals = vec![("kms:EncryptionContext:aws:ecs:clusterAccount", account)];
            if let Some(name) = &props.cluster_name {
                equals.push((
                    "kms:EncryptionContext:aws:ecs:clusterName",
                    Value::List(vec![Value::from(name.clone())]),
                ));
            }
            let fargate = Value::map([("Service", Value::from("fargate.amazonaws.com"))]);
            let mut generate =
                crate::iam::Statement::allow(["kms:GenerateDataKeyWithoutPlaintext"])
                    .on_any()
                    .with_sid("Allow generate data key access for Fargate tasks.");
            generate.principal = Some(fargate.clone());
            generate.condition = Some(Value::map([("StringEquals", Value::map(equals.clone()))]));
            key.add_to_resource_policy(app, generate)?;
            let mut grant = crate::iam::Statement::allow(["kms:CreateGrant"])
                .on_any()
                .with_sid("Allow grant creation permission for Fargate tasks.");
            grant.principal = Some(fargate);
            grant.condition = Some(Value::map([
                ("StringEquals", Value::map(equals)),
                (
                    "ForAllValues:StringEquals",
                    Value::map([(
                        "kms:GrantOperations",
                        Value::List(vec![Value::from("Decrypt")]),
                    )]),
                ),
            ]));
            key.add_to_resource_policy(app, grant)?;
        }
        Ok(cluster)
    }

    /// An existing cluster (CDK `Cluster.fromClusterAttributes(scope, id, attrs)`): a
    /// construct with no resources. Services run on it in its VPC's subnets; EC2 services need
    /// `has_ec2_capacity` (default true), and bridge and host mode ones reach their tasks
    /// through `security_groups`. Capacity cannot be added to it.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::from_vpc_attributes(&mut app, s, "Vpc", VpcAttributes::default()
    ///     .vpc_id("vpc-0a1b2c3d").availability_zones(["us-east-1a"]).private_subnet_ids(["subnet-1"]))?;
    /// let cluster = Cluster::from_cluster_attributes(&mut app, s, "Cluster",
    ///     ClusterAttributes::default().cluster_name("shared").vpc(vpc))?;
    /// assert_eq!(cluster.cluster_name(&app), Value::from("shared"));
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or
    /// `cluster_name` or `vpc` is missing.
    pub fn from_cluster_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ClusterAttributes,
    ) -> Result<Cluster, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(attrs.vpc)?;
        app.check_each(attrs.security_groups.iter().copied())?;
        let (Some(name), Some(vpc)) = (attrs.cluster_name.clone(), attrs.vpc) else {
            // Both missing ones, as the macro reports them.
            let missing = [
                ("cluster_name", attrs.cluster_name.is_none()),
                ("vpc", attrs.vpc.is_none()),
            ];
            let diagnostics = missing
                .iter()
                .filter(|(_, missing)| *missing)
                .map(|(field, _)| {
                    crate::error::Diagnostic::new(
                        crate::error::ErrorKind::Invalid,
                        format!(
                            "imported cluster `{id}` needs `{field}`: add it, or import the cluster by `cluster_arn` alone"
                        ),
                    )
                })
                .collect();
            return Err(Error::collect(diagnostics).unwrap_or_else(|| {
                Error::new("imported cluster without attributes: this is a bug")
            }));
        };
        let arn = match attrs.cluster_arn {
            Some(arn) if cluster_name_from_arn(&arn).is_none() => {
                return Err(Error::new(cluster_arn_message(id, &arn)));
            }
            Some(arn) => Value::from(arn),
            None => Value::arn("ecs", true, true, vec![format!("cluster/{name}").into()]),
        };
        let data = ClusterData::imported(
            id,
            Value::from(name),
            arn,
            Some(vpc),
            ClusterImport::Attributes,
            attrs.has_ec2_capacity.unwrap_or(true),
            attrs.security_groups,
        );
        let data = ClusterData {
            autoscaling_group: attrs.autoscaling_group,
            ..data
        };
        Cluster::push_imported(app, scope, id, data)
    }

    /// An existing cluster known by its ARN (CDK `Cluster.fromClusterArn(scope, id, arn)`):
    /// its name is the ARN's resource name. Only what needs no more works with it, as in the
    /// CDK: services that need its VPC, its instances' security groups or to know its EC2
    /// capacity refuse it (use [`Cluster::from_cluster_attributes`]).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::from_cluster_arn(&mut app, s, "Cluster",
    ///     "arn:aws:ecs:us-east-1:123456789012:cluster/shared")?;
    /// assert_eq!(cluster.cluster_name(&app), Value::from("shared"));
    /// assert!(cluster.vpc(&app).is_err());
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or the ARN names no cluster.
    pub fn from_cluster_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: &str,
    ) -> Result<Cluster, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let Some(name) = cluster_name_from_arn(arn) else {
            return Err(Error::new(cluster_arn_message(id, arn)));
        };
        let data = ClusterData::imported(
            id,
            Value::from(name.to_string()),
            Value::from(arn.to_string()),
            None,
            ClusterImport::Arn,
            false,
            Vec::new(),
        );
        Cluster::push_imported(app, scope, id, data)
    }

    fn push_imported(
        app: &mut App,
        scope: NodeId,
        id: &str,
        data: ClusterData,
    ) -> Result<Cluster, Error> {
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<ClusterData>().len();
        app.all_mut::<ClusterData>().push(data);
        Ok(Cluster { node, index })
    }

    /// The cluster construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The error of what a cluster imported by ARN does not know, in the CDK's words.
    fn not_from_arn(self, app: &App, what: &str) -> Error {
        Error::new(format!(
            "{what} is not available for cluster `{}`, imported with `from_cluster_arn`: import it with `from_cluster_attributes` instead",
            self.id(app)
        ))
    }

    /// The error of capacity added to an imported cluster.
    fn refuse_imported(self, app: &App, what: &str) -> Result<(), Error> {
        match app.all::<ClusterData>()[self.index].import {
            None => Ok(()),
            Some(_) => Err(Error::new(format!(
                "cannot {what} cluster `{}`, which is imported: add capacity to the cluster where it is defined",
                self.id(app)
            ))),
        }
    }

    /// The cluster's VPC.
    ///
    /// # Errors
    ///
    /// When the cluster was imported by ARN (the CDK refuses the same).
    pub fn vpc(self, app: &App) -> Result<Vpc, Error> {
        app.all::<ClusterData>()[self.index]
            .vpc
            .ok_or_else(|| self.not_from_arn(app, "vpc"))
    }

    /// Whether EC2 capacity was added (`add_capacity`, `add_auto_scaling_group` or
    /// `add_asg_capacity_provider`), or an imported cluster has some (`has_ec2_capacity`,
    /// default true; false for a cluster imported by ARN, which the rules refuse).
    pub fn has_ec2_capacity(self, app: &App) -> bool {
        app.all::<ClusterData>()[self.index].has_ec2_capacity
    }

    /// The auto-scaling group of the cluster's `capacity` prop, or of an import's attributes
    /// (CDK `autoscalingGroup`); groups added later with `add_capacity` are not it, as in the
    /// CDK.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()
    ///     .capacity(AddCapacityOptions::default().instance_type("t3.medium")))?;
    /// assert!(cluster.autoscaling_group(&app).is_some());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub fn autoscaling_group(self, app: &App) -> Option<AutoScalingGroup> {
        app.all::<ClusterData>()[self.index].autoscaling_group
    }

    /// Whether the cluster exists already, imported.
    pub fn is_imported(self, app: &App) -> bool {
        app.all::<ClusterData>()[self.index].import.is_some()
    }

    /// Whether the cluster was imported by ARN, so its VPC, capacity and instance groups are
    /// unknown.
    pub(crate) fn is_imported_by_arn(self, app: &App) -> bool {
        app.all::<ClusterData>()[self.index].import == Some(ClusterImport::Arn)
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &app.all::<ClusterData>()[self.index].id
    }

    /// `{"Ref": cluster}`: the cluster name, or the imported name.
    pub fn cluster_name(self, app: &App) -> Value {
        app.all::<ClusterData>()[self.index].name.clone()
    }

    /// `{"Fn::GetAtt": [cluster, "Arn"]}`, or the imported ARN.
    pub fn cluster_arn(self, app: &App) -> Value {
        app.all::<ClusterData>()[self.index].arn.clone()
    }

    /// The ARN of the cluster's tasks whose ids match `key_pattern` (CDK `arnForTasks`):
    /// `arn:<partition>:ecs:<region>:<account>:task/<cluster name>/<key_pattern>`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// let arn = cluster.arn_for_tasks(&app, "*");
    /// assert!(format!("{arn:?}").contains(":task/"));
    /// ```
    pub fn arn_for_tasks(self, app: &App, key_pattern: &str) -> Value {
        Value::arn(
            "ecs",
            true,
            true,
            vec![
                "task/".into(),
                self.cluster_name(app),
                format!("/{key_pattern}").into(),
            ],
        )
    }

    /// Allows `role` to protect the cluster's tasks from scale-in (CDK `grantTaskProtection`:
    /// `ecs:UpdateTaskProtection` on [`arn_for_tasks("*")`](Self::arn_for_tasks)).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::iam::{Role, RoleProps};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// let role = Role::new(&mut app, s, "Protector",
    ///     RoleProps::default().assumed_by("ecs-tasks.amazonaws.com")).unwrap();
    /// cluster.grant_task_protection(&mut app, role).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the cluster or the role is of another app, or the role cannot take the statement.
    pub fn grant_task_protection(self, app: &mut App, role: crate::iam::Role) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let tasks = self.arn_for_tasks(app, "*");
        role.grant(
            app,
            crate::iam::Statement::allow(["ecs:UpdateTaskProtection"]).on([tasks]),
        )
    }

    /// Adds EC2 capacity: an auto-scaling group of ECS-optimized instances that join the
    /// cluster, with the instance drain hook (CDK `addCapacity`).
    ///
    /// ```
    /// use ecs_core::{App, ecs::capacity::AddCapacityOptions, ecs::cluster::{Cluster, ClusterProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// cluster
    ///     .add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.large"))
    ///     .unwrap();
    /// assert!(cluster.has_ec2_capacity(&app));
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_capacity(
        self,
        app: &mut App,
        id: &str,
        options: AddCapacityOptions,
    ) -> Result<AutoScalingGroup, Error> {
        app.check_stack(self.node.stack)?;
        self.refuse_imported(app, "add capacity to")?;
        let asg = AutoScalingGroup::for_cluster(app, self, id, options)?;
        self.join_connections(app, asg);
        app.all_mut::<ClusterData>()[self.index].has_ec2_capacity = true;
        Ok(asg)
    }

    /// Adds an auto-scaling group built with [`AutoScalingGroup::new`]: its instances join the
    /// cluster (CDK `addAutoScalingGroup`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    /// let asg = AutoScalingGroup::new(&mut app, s, "ASG",
    ///     AutoScalingGroupProps::default().vpc(vpc).instance_type("t3.large"))?;
    /// // Without a drain hook: no Lambda, topic or lifecycle hook.
    /// cluster.add_auto_scaling_group(&mut app, asg,
    ///     AddAutoScalingGroupCapacityOptions::default().task_drain_time(0))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_auto_scaling_group(
        self,
        app: &mut App,
        asg: AutoScalingGroup,
        options: AddAutoScalingGroupCapacityOptions,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        app.check_each([asg])?;
        self.refuse_imported(app, "add an auto scaling group to")?;
        self.join_connections(app, asg);
        asg.configure(app, self, options)?;
        app.all_mut::<ClusterData>()[self.index].has_ec2_capacity = true;
        Ok(())
    }

    /// Adds an auto-scaling-group capacity provider: its group's instances join the cluster,
    /// and the provider is associated with it (CDK `addAsgCapacityProvider`). Adding one twice
    /// does nothing. As in the CDK, the group's security group does not join the cluster's
    /// connections: load balancers get no rules to it.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    /// let asg = AutoScalingGroup::new(&mut app, s, "ASG",
    ///     AutoScalingGroupProps::default().vpc(vpc).instance_type("t2.micro"))?;
    /// let provider = AsgCapacityProvider::new(&mut app, s, "Provider",
    ///     AsgCapacityProviderProps::default().auto_scaling_group(asg))?;
    /// cluster.add_asg_capacity_provider(&mut app, provider, Default::default())?;
    /// assert!(cluster.has_ec2_capacity(&app));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_asg_capacity_provider(
        self,
        app: &mut App,
        provider: AsgCapacityProvider,
        options: AddAutoScalingGroupCapacityOptions,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        app.check_each([provider])?;
        self.refuse_imported(app, "add a capacity provider to")?;
        let entry = CapacityProvider::Asg(provider);
        if app.all::<ClusterData>()[self.index]
            .providers
            .contains(&entry)
        {
            return Ok(());
        }
        let options = provider.configure_options(app, options);
        provider
            .auto_scaling_group(app)
            .configure(app, self, options)?;
        let data = &mut app.all_mut::<ClusterData>()[self.index];
        data.has_ec2_capacity = true;
        data.providers.push(entry);
        self.sync_associations(app)
    }

    /// Adds a Managed Instances capacity provider (CDK `addManagedInstancesCapacityProvider`):
    /// the provider names the cluster (`ClusterName`) and its default instance role is allowed
    /// to register with it; the cluster's capacity provider associations do not list it.
    /// Adding one twice does nothing.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    /// let sg = SecurityGroup::new(&mut app, s, "Sg", SecurityGroupProps::default().vpc(vpc))?;
    /// let provider = ManagedInstancesCapacityProvider::new(&mut app, s, "Provider",
    ///     ManagedInstancesCapacityProviderProps::default()
    ///         .vpc(vpc).subnets(SubnetType::PrivateWithEgress).security_groups([sg]))?;
    /// cluster.add_managed_instances_capacity_provider(&mut app, provider)?;
    /// assert_eq!(provider.cluster(&app), Some(cluster));
    /// let t = &app.templates()?[0].1;
    /// let resource = t["Resources"].as_object().unwrap().values()
    ///     .find(|r| r["Type"] == "AWS::ECS::CapacityProvider").unwrap();
    /// assert!(resource["Properties"]["ClusterName"].get("Ref").is_some());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When a construct is of another app, or the cluster is imported.
    pub fn add_managed_instances_capacity_provider(
        self,
        app: &mut App,
        provider: crate::ecs::managed_instances::ManagedInstancesCapacityProvider,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        app.check_each([provider])?;
        self.refuse_imported(app, "add a capacity provider to")?;
        if app.all::<ClusterData>()[self.index]
            .managed_providers
            .contains(&provider)
        {
            return Ok(());
        }
        provider.bind(app, self);
        app.all_mut::<ClusterData>()[self.index]
            .managed_providers
            .push(provider);
        Ok(())
    }

    /// Adds the `FARGATE` and `FARGATE_SPOT` capacity providers (CDK
    /// `enableFargateCapacityProviders()`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// cluster.enable_fargate_capacity_providers(&mut app)?;
    /// let t = &app.templates()?[0].1;
    /// assert_eq!(t["Resources"]["Cluster3DA9CCBA"]["Properties"]["CapacityProviders"][1], "FARGATE_SPOT");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn enable_fargate_capacity_providers(self, app: &mut App) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        self.refuse_imported(app, "add capacity providers to")?;
        let data = &mut app.all_mut::<ClusterData>()[self.index];
        for p in [CapacityProvider::Fargate, CapacityProvider::FargateSpot] {
            if !data.providers.contains(&p) {
                data.providers.push(p);
            }
        }
        self.sync_associations(app)
    }

    /// Sets the strategy services without one use (CDK `addDefaultCapacityProviderStrategy`):
    /// once, with providers the cluster has (rule C2).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster",
    ///     ClusterProps::default().enable_fargate_capacity_providers(true))?;
    /// cluster.add_default_capacity_provider_strategy(&mut app, vec![
    ///     CapacityProviderStrategy::default().capacity_provider("FARGATE").base(1).weight(1),
    /// ])?;
    /// assert!(cluster.add_default_capacity_provider_strategy(&mut app, vec![]).is_err());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_default_capacity_provider_strategy(
        self,
        app: &mut App,
        strategies: Vec<CapacityProviderStrategy>,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        self.refuse_imported(app, "set the default capacity provider strategy of")?;
        let id = self.id(app).to_string();
        if !app.all::<ClusterData>()[self.index]
            .default_strategy
            .is_empty()
        {
            return Err(Error::new(format!(
                "cluster `{id}` already has a default capacity provider strategy: give it one"
            )));
        }
        check_strategies(app, &id, self, &strategies, true)?;
        app.all_mut::<ClusterData>()[self.index].default_strategy = strategies;
        self.sync_associations(app)
    }

    /// Whether `provider` is one of the cluster's capacity providers.
    pub fn has_capacity_provider(self, app: &App, provider: &CapacityProvider) -> bool {
        let data = &app.all::<ClusterData>()[self.index];
        let providers = &data.providers;
        let managed = &data.managed_providers;
        match provider {
            CapacityProvider::ManagedInstances(p) => managed.contains(p),
            // A name matches the provider of this app that carries it.
            CapacityProvider::Named(name) => {
                providers.iter().any(|p| match p {
                    CapacityProvider::Named(n) => n == name,
                    CapacityProvider::Asg(asg) => {
                        asg.capacity_provider_name(app) == Value::from(name.clone())
                    }
                    _ => false,
                }) || managed
                    .iter()
                    .any(|p| p.capacity_provider_name(app) == Value::from(name.clone()))
            }
            other => providers.contains(other),
        }
    }

    /// Creates or updates `AWS::ECS::ClusterCapacityProviderAssociations`, which the CDK adds
    /// at synthesis (an aspect) as the cluster's last child, with its id.
    fn sync_associations(self, app: &mut App) -> Result<(), Error> {
        let data = &app.all::<ClusterData>()[self.index];
        if data.providers.is_empty() && data.default_strategy.is_empty() {
            return Ok(());
        }
        let resource = Resource::new("AWS::ECS::ClusterCapacityProviderAssociations")
            .prop(
                "CapacityProviders",
                Value::List(data.providers.iter().map(|p| p.name(app)).collect()),
            )
            .prop("Cluster", self.cluster_name(app))
            .prop(
                "DefaultCapacityProviderStrategy",
                render_strategies(app, &data.default_strategy),
            );
        let (existing, id) = (data.associations, data.id.clone());
        let stack = app.stack_mut(self.node.stack());
        match existing {
            Some(node) => *stack.resource_mut(node) = resource,
            None => {
                let node = stack.add_late_resource(self.node, &id, resource)?;
                app.all_mut::<ClusterData>()[self.index].associations = Some(node);
            }
        }
        Ok(())
    }

    /// The security groups of the cluster's instances (CDK `cluster.connections`): where
    /// load balancers reach bridge and host mode tasks; unknown for a cluster imported by ARN.
    pub(crate) fn connection_groups(
        self,
        app: &App,
    ) -> Result<Vec<crate::ec2::SecurityGroup>, Error> {
        if self.is_imported_by_arn(app) {
            return Err(self.not_from_arn(app, "connections"));
        }
        Ok(app.all::<ClusterData>()[self.index].connections.clone())
    }

    /// Adds a group's security group to the cluster's connections, as the CDK's
    /// `addAutoScalingGroup` (and so `addCapacity`) does; `addAsgCapacityProvider` does not, so
    /// load balancers get no rules to a provider's group.
    fn join_connections(self, app: &mut App, asg: AutoScalingGroup) {
        let sg = asg.security_group(app);
        let connections = &mut app.all_mut::<ClusterData>()[self.index].connections;
        if !connections.contains(&sg) {
            connections.push(sg);
        }
    }

    /// The cluster's ECS Exec settings.
    pub fn execute_command_configuration(
        self,
        app: &App,
    ) -> Option<&crate::ecs::exec::ExecuteCommandConfiguration> {
        app.all::<ClusterData>()[self.index]
            .execute_command_configuration
            .as_ref()
    }

    /// The default Cloud Map namespace, if one was added.
    pub fn default_cloud_map_namespace(
        self,
        app: &App,
    ) -> Option<crate::servicediscovery::Namespace> {
        app.all::<ClusterData>()[self.index].default_namespace
    }

    /// Adds the default Cloud Map namespace, `<cluster>/DefaultServiceDiscoveryNamespace`
    /// (CDK `addDefaultCloudMapNamespace`).
    ///
    /// ```
    /// use ecs_core::{App, servicediscovery::CloudMapNamespaceOptions, ecs::cluster::{Cluster, ClusterProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// cluster.add_default_cloud_map_namespace(&mut app, CloudMapNamespaceOptions::default().name("app.local")).unwrap();
    /// assert!(cluster.default_cloud_map_namespace(&app).is_some());
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_default_cloud_map_namespace(
        self,
        app: &mut App,
        options: crate::servicediscovery::CloudMapNamespaceOptions,
    ) -> Result<crate::servicediscovery::Namespace, Error> {
        app.check_stack(self.node.stack)?;
        self.refuse_imported(app, "add a default cloud map namespace to")?;
        if app.all::<ClusterData>()[self.index]
            .default_namespace
            .is_some()
        {
            return Err(Error::new(format!(
                "cluster `{}` already has a default cloud map namespace: add only one",
                self.id(app)
            )));
        }
        let vpc = match options.vpc {
            Some(vpc) => vpc,
            None => self.vpc(app)?,
        };
        let ns = crate::servicediscovery::Namespace::create_in(
            app,
            self.node,
            "DefaultServiceDiscoveryNamespace",
            options.name,
            options.namespace_type,
            Some(vpc),
            None,
        )?;
        let data = &mut app.all_mut::<ClusterData>()[self.index];
        data.default_namespace = Some(ns);
        if options.use_for_service_connect
            && let Some(resource) = data.resource
        {
            let arn = ns.namespace_arn(app);
            app.stack_mut(self.node.stack)
                .resource_mut(resource)
                .set("ServiceConnectDefaults", Value::map([("Namespace", arn)]));
        }
        Ok(ns)
    }
}

/// Options of [`Cluster::add_existing_default_cloud_map_namespace`] (CDK
/// `ExistingCloudMapNamespaceOptions`).
///
/// ```
/// use ecs_core::{App, ecs::cluster::ExistingCloudMapNamespaceOptions, ec2::{Vpc, VpcProps}};
/// use ecs_core::servicediscovery::{PrivateDnsNamespace, PrivateDnsNamespaceProps};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default()).unwrap();
/// let ns = PrivateDnsNamespace::new(&mut app, s, "Ns",
///     PrivateDnsNamespaceProps::default().name("app.local").vpc(vpc)).unwrap();
/// let o = ExistingCloudMapNamespaceOptions::new(ns).use_for_service_connect(true);
/// assert!(o.use_for_service_connect);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExistingCloudMapNamespaceOptions {
    /// The namespace.
    pub namespace: crate::servicediscovery::Namespace,
    /// Makes it the cluster's default namespace for Service Connect
    /// (`ServiceConnectDefaults`); default false.
    pub use_for_service_connect: bool,
}

impl ExistingCloudMapNamespaceOptions {
    /// `namespace`, not for Service Connect.
    pub fn new(namespace: crate::servicediscovery::Namespace) -> Self {
        ExistingCloudMapNamespaceOptions {
            namespace,
            use_for_service_connect: false,
        }
    }

    /// Sets `use_for_service_connect`.
    pub fn use_for_service_connect(mut self, use_it: bool) -> Self {
        self.use_for_service_connect = use_it;
        self
    }
}

impl Cluster {
    /// Makes an existing namespace the cluster's default Cloud Map namespace (CDK
    /// `addExistingDefaultCloudMapNamespace`); a private DNS namespace draws the CDK's warning
    /// to keep it in the cluster's VPC.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::cluster::ExistingCloudMapNamespaceOptions;
    /// use ecs_core::servicediscovery::{PrivateDnsNamespace, PrivateDnsNamespaceProps};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// let vpc = cluster.vpc(&app).unwrap();
    /// let ns = PrivateDnsNamespace::new(&mut app, s, "Ns",
    ///     PrivateDnsNamespaceProps::default().name("app.local").vpc(vpc)).unwrap();
    /// cluster.add_existing_default_cloud_map_namespace(&mut app,
    ///     ExistingCloudMapNamespaceOptions::new(ns)).unwrap();
    /// assert_eq!(cluster.default_cloud_map_namespace(&app), Some(ns));
    /// ```
    ///
    /// # Errors
    ///
    /// When the cluster or the namespace is of another app or stack, the cluster is imported,
    /// or it has a default namespace already.
    pub fn add_existing_default_cloud_map_namespace(
        self,
        app: &mut App,
        options: ExistingCloudMapNamespaceOptions,
    ) -> Result<crate::servicediscovery::Namespace, Error> {
        app.check_stack(self.node.stack)?;
        self.refuse_imported(app, "add a default cloud map namespace to")?;
        if app.all::<ClusterData>()[self.index]
            .default_namespace
            .is_some()
        {
            return Err(Error::new(format!(
                "cluster `{}` already has a default cloud map namespace: add only one",
                self.id(app)
            )));
        }
        let ns = options.namespace;
        let (cluster_stack, ns_stack) = (app.stack(self.node.stack), app.stack(ns.node().stack()));
        if let (Some(a), Some(b)) = (cluster_stack.region(), ns_stack.region())
            && a != b
        {
            return Err(Error::new(format!(
                "cluster `{}` is in region {a:?} and its default namespace in {b:?}: cloud map namespaces serve clusters of their own region; use a namespace of {a:?}",
                self.id(app)
            )));
        }
        let other_account = matches!(
            (cluster_stack.account(), ns_stack.account()),
            (Some(a), Some(b)) if a != b
        );
        if other_account {
            app.stack_mut(self.node.stack).warn(
                self.node,
                "@aws-cdk/aws-ecs:crossAccountNamespace",
                "The provided Cloud Map namespace belongs to a different account. Ensure AWS Resource Access Manager (RAM) sharing is configured. See https://docs.aws.amazon.com/cloud-map/latest/dg/sharing.html",
            );
        }
        if ns.namespace_type(app) == crate::servicediscovery::NamespaceType::DnsPrivate {
            app.stack_mut(self.node.stack).warn(
                self.node,
                "@aws-cdk/aws-ecs:privateDnsNamespaceVpc",
                "When using an existing PrivateDnsNamespace, ensure it is associated with the same VPC as this ECS cluster for service discovery to function correctly.",
            );
        }
        let data = &mut app.all_mut::<ClusterData>()[self.index];
        data.default_namespace = Some(ns);
        if options.use_for_service_connect
            && let Some(resource) = data.resource
        {
            let arn = ns.namespace_arn(app);
            app.stack_mut(self.node.stack)
                .resource_mut(resource)
                .set("ServiceConnectDefaults", Value::map([("Namespace", arn)]));
        }
        Ok(ns)
    }
}

impl ClusterData {
    fn imported(
        id: &str,
        name: Value,
        arn: Value,
        vpc: Option<Vpc>,
        import: ClusterImport,
        has_ec2_capacity: bool,
        connections: Vec<crate::ec2::SecurityGroup>,
    ) -> ClusterData {
        ClusterData {
            id: id.to_string(),
            resource: None,
            name,
            arn,
            vpc,
            import: Some(import),
            has_ec2_capacity,
            autoscaling_group: None,
            providers: Vec::new(),
            managed_providers: Vec::new(),
            default_strategy: Vec::new(),
            associations: None,
            connections,
            default_namespace: None,
            execute_command_configuration: None,
        }
    }
}

/// Constructor of existing clusters, in the props style of the other kinds (what
/// `imported_cluster` in `ecs_app!` calls): by attributes, or by `cluster_arn` alone.
///
/// ```
/// use ecs_core::{App, ecs::cluster::{ClusterAttributes, ImportedCluster}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// ImportedCluster::new(&mut app, s, "Shared", ClusterAttributes::default()
///     .cluster_arn("arn:aws:ecs:us-east-1:123456789012:cluster/shared")).unwrap();
/// ```
#[derive(Debug)]
pub struct ImportedCluster;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ImportedCluster {
    /// [`Cluster::from_cluster_attributes`], or [`Cluster::from_cluster_arn`] when only
    /// `cluster_arn` is given.
    ///
    /// # Errors
    ///
    /// As those two.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ClusterAttributes,
    ) -> Result<Cluster, Error> {
        match (&attrs.cluster_name, &attrs.vpc, &attrs.cluster_arn) {
            (None, None, Some(arn))
                if attrs.security_groups.is_empty() && attrs.has_ec2_capacity.is_none() =>
            {
                let arn = arn.clone();
                Cluster::from_cluster_arn(app, scope, id, &arn)
            }
            _ => Cluster::from_cluster_attributes(app, scope, id, attrs),
        }
    }
}

/// Cluster settings applied to a cluster after it is made (CDK mixin `ClusterSettings`): each
/// replaces a setting of the same name, others are added.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs::cluster::ClusterSettings;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
/// let settings = ClusterSettings::new([("containerInsights", "enhanced")]);
/// assert!(settings.supports(&app, cluster));
/// settings.apply_to(&mut app, cluster)?;
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterSettings {
    settings: Vec<(String, String)>,
}

impl ClusterSettings {
    /// The settings, as `(name, value)` pairs (CDK `ClusterSettingsProperty`).
    pub fn new<N: Into<String>, V: Into<String>>(
        settings: impl IntoIterator<Item = (N, V)>,
    ) -> ClusterSettings {
        ClusterSettings {
            settings: settings
                .into_iter()
                .map(|(n, v)| (n.into(), v.into()))
                .collect(),
        }
    }

    /// Whether `cluster` takes settings: a cluster this app creates, not an imported one (CDK
    /// `supports`).
    pub fn supports(&self, app: &App, cluster: Cluster) -> bool {
        app.all::<ClusterData>()[cluster.index].resource.is_some()
    }

    /// Applies the settings to `cluster` (CDK `applyTo`).
    ///
    /// # Errors
    ///
    /// When the cluster is of another app or imported.
    pub fn apply_to(&self, app: &mut App, cluster: Cluster) -> Result<(), Error> {
        app.check_node(cluster.node)?;
        let Some(resource) = app.all::<ClusterData>()[cluster.index].resource else {
            return Err(Error::new(format!(
                "cluster `{}` is imported and takes no settings: apply them where it is defined",
                cluster.id(app)
            )));
        };
        let r = app.stack_mut(cluster.node.stack()).resource_mut(resource);
        let mut list = match r.properties.remove("ClusterSettings") {
            Some(crate::cfn::Value::List(list)) => list,
            _ => Vec::new(),
        };
        for (name, value) in &self.settings {
            let entry = crate::cfn::Value::map([
                ("Name", crate::cfn::Value::from(name.clone())),
                ("Value", crate::cfn::Value::from(value.clone())),
            ]);
            let same = list.iter().position(|e| match e {
                crate::cfn::Value::Map(m) => {
                    m.get("Name") == Some(&crate::cfn::Value::from(name.clone()))
                }
                _ => false,
            });
            match same {
                Some(i) => list[i] = entry,
                None => list.push(entry),
            }
        }
        r.set("ClusterSettings", crate::cfn::Value::List(list));
        Ok(())
    }
}

/// The grants a cluster gives (CDK `ClusterGrants`).
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs::cluster::ClusterGrants;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
/// let role = Role::new(&mut app, s, "Protector", "ecs-tasks.amazonaws.com")?;
/// ClusterGrants::from_cluster(cluster).task_protection(&mut app, role)?;
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterGrants {
    cluster: Cluster,
}

impl ClusterGrants {
    /// The grants of `cluster` (CDK `ClusterGrants.fromCluster`).
    pub fn from_cluster(cluster: Cluster) -> ClusterGrants {
        ClusterGrants { cluster }
    }

    /// [`Cluster::grant_task_protection`] (CDK `taskProtection`).
    ///
    /// # Errors
    ///
    /// As [`Cluster::grant_task_protection`].
    pub fn task_protection(self, app: &mut App, role: crate::iam::Role) -> Result<(), Error> {
        self.cluster.grant_task_protection(app, role)
    }
}

handle!(Cluster);

impl crate::construct::app::Data for ClusterData {}

/// A cluster is reached through its instances' security groups (CDK `cluster.connections`):
/// those of `add_capacity` and `add_auto_scaling_group`.
impl crate::ec2::Connectable for Cluster {
    fn connectable_node(&self) -> Option<NodeId> {
        Some(self.node())
    }
    fn security_groups(&self, app: &App) -> Vec<crate::ec2::SecurityGroup> {
        // A cluster imported by ARN has no known groups.
        self.connection_groups(app).unwrap_or_default()
    }
}
