//! Services: `Ec2Service`, `FargateService` (CDK `base/base-service.ts`).

/// How a service launches its tasks (CloudFormation `LaunchType`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service::LaunchType::Fargate.cfn_value(), "FARGATE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaunchType {
    /// On the cluster's EC2 instances.
    Ec2,
    /// On AWS Fargate.
    Fargate,
    /// On ECS Anywhere instances.
    External,
}

impl LaunchType {
    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "EC2",
            LaunchType::Fargate => "FARGATE",
            LaunchType::External => "EXTERNAL",
        }
    }

    /// The lowercase name used in messages.
    pub const fn lower_name(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "ec2",
            LaunchType::Fargate => "fargate",
            LaunchType::External => "external",
        }
    }

    /// The CDK class of a service of this launch type, for `tree.json`.
    pub(crate) const fn fqn(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "aws-cdk-lib.aws_ecs.Ec2Service",
            LaunchType::Fargate => "aws-cdk-lib.aws_ecs.FargateService",
            LaunchType::External => "aws-cdk-lib.aws_ecs.ExternalService",
        }
    }

    /// The `ecs_app!` keyword of the task definition kind this launch type runs.
    pub const fn task_definition_keyword(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "ec2_task_definition",
            LaunchType::Fargate => "fargate_task_definition",
            LaunchType::External => "external_task_definition",
        }
    }
}

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::SecurityGroup;
use crate::ec2::{SubnetSelection, SubnetType};
use crate::ecs::cloud_map::CloudMapOptions;
use crate::ecs::cluster::Cluster;
use crate::ecs::facts::{Fact, ServiceCluster, ServiceFacts, ServiceTask};
use crate::ecs::rules::RuleId;
use crate::ecs::task_definition::{NetworkMode, TaskDefinition};
use crate::error::Error;

props! {
    /// The deployment circuit breaker (CDK `DeploymentCircuitBreaker`): `enable` defaults to true,
    /// `rollback` to false.
    ///
    /// ```
    /// let cb = ecs_core::ecs::service::DeploymentCircuitBreaker::default().rollback(true);
    /// assert!(cb.enable && cb.rollback);
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct DeploymentCircuitBreaker {
        /// Whether the breaker is on.
        [val "enable", .default("true")]
        enable: bool,
        /// Whether a failed deployment rolls back.
        [val "rollback", .default("false")]
        rollback: bool,
    }
}

impl Default for DeploymentCircuitBreaker {
    fn default() -> Self {
        DeploymentCircuitBreaker {
            enable: true,
            rollback: false,
        }
    }
}

/// Who deploys new task sets (CDK `DeploymentControllerType`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service::DeploymentControllerType::CodeDeploy.cfn_value(), "CODE_DEPLOY");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeploymentControllerType {
    /// Rolling updates by ECS.
    Ecs,
    /// Blue/green by CodeDeploy.
    CodeDeploy,
    /// A third-party controller.
    External,
}

impl DeploymentControllerType {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Ecs", "CodeDeploy", "External"];

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            DeploymentControllerType::Ecs => "ECS",
            DeploymentControllerType::CodeDeploy => "CODE_DEPLOY",
            DeploymentControllerType::External => "EXTERNAL",
        }
    }
}

/// Where tasks take their tags from (CDK `PropagatedTagSource`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service::PropagatedTagSource::TaskDefinition.cfn_value(), Some("TASK_DEFINITION"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PropagatedTagSource {
    /// The service's tags.
    Service,
    /// The task definition's tags.
    TaskDefinition,
    /// No propagation (not rendered).
    None,
}

impl PropagatedTagSource {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Service", "TaskDefinition", "None"];

    /// The CloudFormation value; `None` is not rendered.
    pub const fn cfn_value(self) -> Option<&'static str> {
        match self {
            PropagatedTagSource::Service => Some("SERVICE"),
            PropagatedTagSource::TaskDefinition => Some("TASK_DEFINITION"),
            PropagatedTagSource::None => None,
        }
    }
}

/// What tasks are packed by (CDK `BinPackResource`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinPackResource {
    /// CPU units.
    Cpu,
    /// Memory.
    Memory,
}

/// A task placement strategy of an EC2 service (CDK `PlacementStrategy`).
///
/// ```
/// use ecs_core::ecs::service::PlacementStrategy;
/// let s = PlacementStrategy::packed_by_cpu();
/// assert_eq!(s, PlacementStrategy::packed_by_cpu());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementStrategy(Vec<(String, Option<String>)>);

impl PlacementStrategy {
    /// Spread tasks over instances.
    pub fn spread_across_instances() -> PlacementStrategy {
        PlacementStrategy(vec![("spread".into(), Some("instanceId".into()))])
    }

    /// Spread tasks by each of `fields` (e.g. `"attribute:ecs.availability-zone"`).
    pub fn spread_across<S: Into<String>>(
        fields: impl IntoIterator<Item = S>,
    ) -> PlacementStrategy {
        PlacementStrategy(
            fields
                .into_iter()
                .map(|f| ("spread".into(), Some(f.into())))
                .collect(),
        )
    }

    /// Pack tasks by `resource` (CDK `packedBy`).
    ///
    /// ```
    /// use ecs_core::ecs::service::{BinPackResource, PlacementStrategy};
    /// assert_eq!(PlacementStrategy::packed_by(BinPackResource::Memory), PlacementStrategy::packed_by_memory());
    /// ```
    pub fn packed_by(resource: BinPackResource) -> PlacementStrategy {
        match resource {
            BinPackResource::Cpu => PlacementStrategy::packed_by_cpu(),
            BinPackResource::Memory => PlacementStrategy::packed_by_memory(),
        }
    }

    /// Pack tasks by CPU.
    pub fn packed_by_cpu() -> PlacementStrategy {
        PlacementStrategy(vec![("binpack".into(), Some("CPU".into()))])
    }

    /// Pack tasks by memory.
    pub fn packed_by_memory() -> PlacementStrategy {
        PlacementStrategy(vec![("binpack".into(), Some("MEMORY".into()))])
    }

    /// Place tasks randomly.
    pub fn randomly() -> PlacementStrategy {
        PlacementStrategy(vec![("random".into(), None)])
    }

    fn render(&self) -> Vec<Value> {
        self.0
            .iter()
            .map(|(t, f)| {
                let mut m = vec![("Type", Value::from(t.clone()))];
                if let Some(f) = f {
                    m.push(("Field", Value::from(f.clone())));
                }
                Value::map(m)
            })
            .collect()
    }
}

/// A task placement constraint (CDK `PlacementConstraint`), of an EC2 service or of a task
/// definition.
///
/// ```
/// let c = ecs_core::ecs::service::PlacementConstraint::member_of("attribute:ecs.instance-type =~ t2.*");
/// assert_ne!(c, ecs_core::ecs::service::PlacementConstraint::distinct_instances());
/// let both = ecs_core::ecs::service::PlacementConstraint::member_of_all(["a", "b"]);
/// assert_ne!(c, both);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementConstraint(Vec<(String, Option<String>)>);

impl PlacementConstraint {
    /// At most one task of the service per instance.
    pub fn distinct_instances() -> PlacementConstraint {
        PlacementConstraint(vec![("distinctInstance".into(), None)])
    }

    /// Only instances matching the cluster query language expression.
    pub fn member_of(expression: impl Into<String>) -> PlacementConstraint {
        PlacementConstraint::member_of_all([expression])
    }

    /// Only instances matching each cluster query language expression (CDK
    /// `memberOf(...expressions)`).
    pub fn member_of_all<S: Into<String>>(
        expressions: impl IntoIterator<Item = S>,
    ) -> PlacementConstraint {
        PlacementConstraint(
            expressions
                .into_iter()
                .map(|e| ("memberOf".into(), Some(e.into())))
                .collect(),
        )
    }

    /// The constraint types, `memberOf` or `distinctInstance`, one per entry.
    pub(crate) fn kinds(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(t, _)| t.as_str())
    }

    pub(crate) fn render(&self) -> Vec<Value> {
        self.0
            .iter()
            .map(|(t, e)| {
                let mut m = vec![("Type", Value::from(t.clone()))];
                if let Some(e) = e {
                    m.push(("Expression", Value::from(e.clone())));
                }
                Value::map(m)
            })
            .collect()
    }
}

/// What a service does when a deployment alarm fires (CDK `AlarmBehavior`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service::AlarmBehavior::default(), ecs_core::ecs::service::AlarmBehavior::RollbackOnAlarm);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AlarmBehavior {
    /// Fail the deployment and roll back to the last completed one.
    #[default]
    RollbackOnAlarm,
    /// Fail the deployment and leave it as it is.
    FailOnAlarm,
}

impl AlarmBehavior {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["RollbackOnAlarm", "FailOnAlarm"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service", "AlarmBehavior"],
        variants: Self::VARIANT_NAMES,
    };
}

props! {
    /// CloudWatch alarms that fail a deployment when they fire (CDK `DeploymentAlarmConfig`).
    ///
    /// ```
    /// use ecs_core::ecs::service::{AlarmBehavior, DeploymentAlarmConfig};
    /// let alarms = DeploymentAlarmConfig::default().alarm_names(["errors"]).behavior(AlarmBehavior::FailOnAlarm);
    /// assert_eq!(alarms.alarm_names, vec!["errors".to_string()]);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct DeploymentAlarmConfig {
        /// The alarms' names (at least one), e.g. an alarm's `alarm_name`.
        [list_into "alarmNames", .required()]
        alarm_names: String,
        /// Roll back or only fail.
        [opt "behavior", .ty(Enum(&crate::ecs::service::AlarmBehavior::DEF)), .default("`RollbackOnAlarm`")]
        behavior: AlarmBehavior,
    }
}

props! {
    /// A deployment forced at every stack update, even with nothing changed (CDK
    /// `ForceNewDeployment`).
    ///
    /// ```
    /// let force = ecs_core::ecs::service::ForceNewDeployment::default().enabled(true).nonce("2024-06");
    /// assert!(force.enabled);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ForceNewDeployment {
        /// Whether a new deployment is forced.
        [val "enabled", .required()]
        enabled: bool,
        /// A value whose change forces a deployment.
        [into "nonce"]
        nonce: String,
    }
}

/// Which revision of its task definition a service runs (CDK `TaskDefinitionRevision`): the
/// latest, named by family, or one of them.
///
/// ```
/// use ecs_core::ecs::service::TaskDefinitionRevision;
/// assert_eq!(TaskDefinitionRevision::of(3).revision(), Some(3));
/// assert_eq!(TaskDefinitionRevision::LATEST.revision(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TaskDefinitionRevision(Option<u32>);

impl TaskDefinitionRevision {
    /// The latest active revision.
    pub const LATEST: TaskDefinitionRevision = TaskDefinitionRevision(None);

    /// Revision `n`.
    pub const fn of(n: u32) -> TaskDefinitionRevision {
        TaskDefinitionRevision(Some(n))
    }

    /// The revision, `None` for the latest.
    pub const fn revision(self) -> Option<u32> {
        self.0
    }
}

/// Whether ECS moves tasks to rebalance them over availability zones (CDK
/// `AvailabilityZoneRebalancing`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service::AvailabilityZoneRebalancing::Enabled.cfn_value(), "ENABLED");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AvailabilityZoneRebalancing {
    /// Rebalance.
    Enabled,
    /// Do not.
    Disabled,
}

impl AvailabilityZoneRebalancing {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Enabled", "Disabled"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service", "AvailabilityZoneRebalancing"],
        variants: Self::VARIANT_NAMES,
    };

    /// As CloudFormation spells it.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            AvailabilityZoneRebalancing::Enabled => "ENABLED",
            AvailabilityZoneRebalancing::Disabled => "DISABLED",
        }
    }
}

/// Properties shared by every service kind (CDK `BaseServiceOptions`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct BaseProps {
    pub(crate) cluster: Option<Cluster>,
    pub(crate) task_definition: Option<TaskDefinition>,
    pub(crate) desired_count: Option<u32>,
    pub(crate) service_name: Option<String>,
    pub(crate) min_healthy_percent: Option<u32>,
    pub(crate) max_healthy_percent: Option<u32>,
    pub(crate) health_check_grace_period: Option<Duration>,
    pub(crate) circuit_breaker: Option<DeploymentCircuitBreaker>,
    pub(crate) deployment_controller: Option<DeploymentControllerType>,
    pub(crate) propagate_tags: Option<PropagatedTagSource>,
    pub(crate) enable_ecs_managed_tags: bool,
    pub(crate) enable_execute_command: Option<bool>,
    pub(crate) cloud_map_options: Option<CloudMapOptions>,
    pub(crate) service_connect_configuration:
        Option<crate::ecs::service_connect::ServiceConnectProps>,
    /// Capacity provider strategies; replace the launch type when given.
    pub(crate) capacity_provider_strategies:
        Vec<crate::ecs::capacity_provider::CapacityProviderStrategy>,
    pub(crate) deployment_alarms: Option<DeploymentAlarmConfig>,
    pub(crate) force_new_deployment: Option<ForceNewDeployment>,
    pub(crate) task_definition_revision: Option<TaskDefinitionRevision>,
    pub(crate) availability_zone_rebalancing: Option<AvailabilityZoneRebalancing>,
    pub(crate) volume_configurations: Vec<crate::ecs::service_managed_volume::ServiceManagedVolume>,
    pub(crate) deployment_strategy: Option<crate::ecs::deployment_strategy::DeploymentStrategy>,
    pub(crate) bake_time: Option<Duration>,
    pub(crate) linear_configuration: Option<crate::ecs::deployment_strategy::TrafficShiftConfig>,
    pub(crate) canary_configuration: Option<crate::ecs::deployment_strategy::TrafficShiftConfig>,
    pub(crate) lifecycle_hooks:
        Vec<crate::ecs::deployment_strategy::DeploymentLifecycleLambdaTarget>,
}

/// Properties of the awsvpc-capable kinds (CDK `vpcSubnets`, `securityGroups`,
/// `assignPublicIp`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NetworkProps {
    pub(crate) security_groups: Vec<SecurityGroup>,
    pub(crate) vpc_subnets: Option<SubnetSelection>,
    pub(crate) assign_public_ip: bool,
}

props! {
    /// Properties of an [`Ec2Service`].
    ///
    /// ```
    /// let props = ecs_core::ecs::service::Ec2ServiceProps::default().desired_count(2).daemon(false);
    /// assert_eq!(props.desired_count_value(), Some(2));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Ec2ServiceProps {
        hidden base: BaseProps,
        hidden network: NetworkProps,
        hidden daemon: bool,
        hidden placement_strategies: Vec<PlacementStrategy>,
        hidden placement_constraints: Vec<PlacementConstraint>,
        /// The cluster the service runs its tasks in.
        [opt "cluster" in base, .ty(Ref(RefClass::Cluster)), .required()]
        cluster: Cluster,
        /// The task definition of the service's tasks; it must be EC2-compatible (rule S1).
        [opt "taskDefinition" in base, .ty(Ref(RefClass::TaskDefinition)), .required()]
        task_definition: TaskDefinition,
        /// How many tasks to keep running; absent, no `DesiredCount` is emitted and ECS starts one;
        /// not with `daemon` (rule S4).
        [opt "desiredCount" in base, .default("1")]
        desired_count: u32,
        /// The service's name (`ServiceName`); CloudFormation generates one when absent.
        [into "serviceName" in base]
        service_name: String,
        /// The share of the desired tasks that must keep running during a deployment; below
        /// `max_healthy_percent` (rule S4).
        [opt "minHealthyPercent" in base, .default("50 (daemon: 0)")]
        min_healthy_percent: u32,
        /// The share of the desired tasks that may run during a deployment; 100 for a daemon (rule
        /// S4).
        [opt "maxHealthyPercent" in base, .default("200 (daemon: 100)")]
        max_healthy_percent: u32,
        /// Runs one task on every container instance of the cluster instead of a desired count.
        [none "daemon", .default("false")]
        daemon: (),
        /// The security groups of the tasks' network interfaces (awsvpc only).
        [list "securityGroups" in network, .ty(Refs(RefClass::SecurityGroup)), .default("a new one for the service")]
        security_groups: SecurityGroup,
        /// The subnets of the tasks' network interfaces (awsvpc only).
        [into "vpcSubnets" in network, .ty(Object(KindId::SubnetSelection)), .default("the public subnets with `assign_public_ip`, else the private ones (isolated when the vpc has no private subnets)")]
        vpc_subnets: SubnetSelection,
        /// Whether the tasks get public IP addresses, which puts them in public subnets (awsvpc
        /// only).
        [val "assignPublicIp" in network, .default("false")]
        assign_public_ip: bool,
        /// Whether ECS moves tasks to keep them balanced over availability zones (not with
        /// `daemon`).
        [opt "availabilityZoneRebalancing" in base, .ty(Enum(&crate::ecs::service::AvailabilityZoneRebalancing::DEF)), .default("`Disabled`")]
        availability_zone_rebalancing: AvailabilityZoneRebalancing,
        /// How the tasks are spread over or packed onto the instances (`PlacementStrategies`);
        /// not with `daemon` (rule S5).
        [none "placementStrategies"]
        placement_strategies: (),
        /// Which instances may run the tasks (`PlacementConstraints`).
        [none "placementConstraints"]
        placement_constraints: (),
        /// How long after a task starts ECS ignores failing load balancer health checks.
        [into "healthCheckGracePeriod" in base, .default("60 seconds with a load balancer, else none")]
        health_check_grace_period: Duration,
        /// Stops a deployment whose tasks keep failing to start, and can roll it back.
        [opt "circuitBreaker" in base, .ty(Object(KindId::CircuitBreaker))]
        circuit_breaker: DeploymentCircuitBreaker,
        /// CloudWatch alarms that fail a deployment, and roll it back unless told otherwise
        /// (ECS deployment controller only).
        [opt "deploymentAlarms" in base, .ty(Object(KindId::DeploymentAlarms))]
        deployment_alarms: DeploymentAlarmConfig,
        /// A deployment at every stack update, even with nothing changed (ECS deployment
        /// controller only).
        [opt "forceNewDeployment" in base, .ty(Object(KindId::ForceNewDeployment))]
        force_new_deployment: ForceNewDeployment,
        /// Which revision of the task definition runs (`TaskDefinitionRevision::of(3)`); the
        /// service then names it by family.
        [opt "taskDefinitionRevision" in base, .default("the revision this stack writes")]
        task_definition_revision: TaskDefinitionRevision,
        /// How the ECS deployment controller replaces tasks: rolling, blue/green, linear or
        /// canary.
        [opt "deploymentStrategy" in base, .ty(Enum(&crate::ecs::deployment_strategy::DeploymentStrategy::DEF)), .default("`Rolling`")]
        deployment_strategy: crate::ecs::deployment_strategy::DeploymentStrategy,
        /// How long a blue/green, linear or canary deployment waits after moving all traffic,
        /// in whole minutes up to a day.
        [into "bakeTime" in base, .default("none")]
        bake_time: Duration,
        /// The steps of a linear deployment (`deployment_strategy: Linear`).
        [opt "linearConfiguration" in base, .default("none")]
        linear_configuration: crate::ecs::deployment_strategy::TrafficShiftConfig,
        /// The steps of a canary deployment (`deployment_strategy: Canary`).
        [opt "canaryConfiguration" in base, .default("none")]
        canary_configuration: crate::ecs::deployment_strategy::TrafficShiftConfig,
        /// Lambda functions ECS invokes at stages of each deployment (ECS deployment controller
        /// only).
        [list "lifecycleHooks" in base, .default("none")]
        lifecycle_hooks: crate::ecs::deployment_strategy::DeploymentLifecycleLambdaTarget,
        /// Who deploys new tasks: ECS's rolling update, CodeDeploy or an external controller.
        [opt "deploymentController" in base, .ty(Enum(&crate::ecs::service::DeploymentControllerType::DEF)), .default("`Ecs`")]
        deployment_controller: DeploymentControllerType,
        /// Whose tags the tasks get: the service's or the task definition's.
        [opt "propagateTags" in base, .ty(Enum(&crate::ecs::service::PropagatedTagSource::DEF)), .default("`None`")]
        propagate_tags: PropagatedTagSource,
        /// Whether ECS tags the tasks with the names of their cluster and service.
        [val "enableECSManagedTags" in base, .default("false")]
        enable_ecs_managed_tags: bool,
        /// Whether ECS Exec may run commands in the tasks; the task role gets the SSM messages
        /// permissions.
        [opt "enableExecuteCommand" in base, .default("false")]
        enable_execute_command: bool,
        /// Registers the tasks in a Cloud Map service created for the service (rule M1).
        [opt "cloudMapOptions" in base, .ty(Object(KindId::CloudMapOptions))]
        cloud_map_options: CloudMapOptions,
        /// Serves named port mappings to, and reaches, the services of a Cloud Map namespace
        /// through Service Connect (rule M2); `{}` makes the service a client in the cluster's
        /// default namespace.
        [opt "serviceConnectConfiguration" in base, .ty(Object(KindId::ServiceConnect))]
        service_connect_configuration: crate::ecs::service_connect::ServiceConnectProps,
        /// The EBS volume ECS creates for each task (at most one), a volume of the task
        /// definition configured at launch.
        [list "volumeConfigurations" in base, .ty(Refs(RefClass::ServiceManagedVolume)), .default("none")]
        volume_configurations: crate::ecs::service_managed_volume::ServiceManagedVolume,
        /// Registers the tasks in a declared Cloud Map service (rule M1).
        [none "associateCloudMapService", .ty(Object(KindId::AssociateCloudMap)), .set(Set::Call("associate_cloud_map_service")), .method()]
        associate_cloud_map_service: (),
        /// Spreads the tasks over capacity providers instead of launching them with the launch type
        /// (rule C2).
        [list "capacityProviderStrategies" in base, .ty(Strategies)]
        capacity_provider_strategies: crate::ecs::capacity_provider::CapacityProviderStrategy,
        /// Target groups of the load balancer's stack (declared with `target_group`) the service
        /// joins (CDK `targetGroup.addTarget(service)`); its first essential container's first
        /// port takes the traffic.
        [none "addTarget", .ty(Refs(RefClass::TargetGroup)), .method(), .set(Set::Custom)]
        target_groups: (),
        /// Containers and ports of the service joining target groups of the stack, each with
        /// an alternate target when given (CDK `loadBalancerTarget(options)` attached to a
        /// group).
        [none "loadBalancerTarget", .ty(Objects(KindId::TargetGroupTarget)), .method(), .set(Set::Call("add_to_target_group"))]
        load_balancer_targets: (),
    }
}

impl Ec2ServiceProps {
    /// Sets `daemon`: one task on every instance.
    pub fn daemon(mut self, daemon: bool) -> Self {
        self.daemon = daemon;
        self
    }

    /// Sets `placement_strategies`.
    pub fn placement_strategies(
        mut self,
        strategies: impl IntoIterator<Item = PlacementStrategy>,
    ) -> Self {
        self.placement_strategies.extend(strategies);
        self
    }

    /// Sets `placement_constraints`.
    pub fn placement_constraints(
        mut self,
        constraints: impl IntoIterator<Item = PlacementConstraint>,
    ) -> Self {
        self.placement_constraints.extend(constraints);
        self
    }

    /// The desired count given, if any.
    pub fn desired_count_value(&self) -> Option<u32> {
        self.base.desired_count
    }
}

props! {
    /// Properties of a [`FargateService`].
    ///
    /// ```
    /// let props = ecs_core::ecs::service::FargateServiceProps::default().assign_public_ip(true).platform_version("1.4.0");
    /// assert!(props.assign_public_ip_value());
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct FargateServiceProps {
        hidden base: BaseProps,
        hidden network: NetworkProps,
        hidden platform_version: Option<String>,
        /// The cluster the service runs its tasks in.
        [opt "cluster" in base, .ty(Ref(RefClass::Cluster)), .required()]
        cluster: Cluster,
        /// The task definition of the service's tasks; it must be Fargate-compatible (rule S1).
        [opt "taskDefinition" in base, .ty(Ref(RefClass::TaskDefinition)), .required()]
        task_definition: TaskDefinition,
        /// How many tasks to keep running; absent, no `DesiredCount` is emitted and ECS starts one.
        [opt "desiredCount" in base, .default("1")]
        desired_count: u32,
        /// The service's name (`ServiceName`); CloudFormation generates one when absent.
        [into "serviceName" in base]
        service_name: String,
        /// The share of the desired tasks that must keep running during a deployment; below
        /// `max_healthy_percent` (rule S4).
        [opt "minHealthyPercent" in base, .default("50")]
        min_healthy_percent: u32,
        /// The share of the desired tasks that may run during a deployment.
        [opt "maxHealthyPercent" in base, .default("200")]
        max_healthy_percent: u32,
        /// Whether the tasks get public IP addresses, which puts them in public subnets (awsvpc
        /// only).
        [val "assignPublicIp" in network, .default("false")]
        assign_public_ip: bool,
        /// Whether ECS moves tasks to keep them balanced over availability zones (not with
        /// `daemon`).
        [opt "availabilityZoneRebalancing" in base, .ty(Enum(&crate::ecs::service::AvailabilityZoneRebalancing::DEF)), .default("`Disabled`")]
        availability_zone_rebalancing: AvailabilityZoneRebalancing,
        /// The Fargate platform version, e.g. `"1.4.0"`; some features need 1.4.0 (rule F6).
        [none "platformVersion", .default("`LATEST`")]
        platform_version: (),
        /// The security groups of the tasks' network interfaces (awsvpc only).
        [list "securityGroups" in network, .ty(Refs(RefClass::SecurityGroup)), .default("a new one for the service")]
        security_groups: SecurityGroup,
        /// The subnets of the tasks' network interfaces (awsvpc only).
        [into "vpcSubnets" in network, .ty(Object(KindId::SubnetSelection)), .default("the public subnets with `assign_public_ip`, else the private ones (isolated when the vpc has no private subnets)")]
        vpc_subnets: SubnetSelection,
        /// How long after a task starts ECS ignores failing load balancer health checks.
        [into "healthCheckGracePeriod" in base, .default("60 seconds with a load balancer, else none")]
        health_check_grace_period: Duration,
        /// Stops a deployment whose tasks keep failing to start, and can roll it back.
        [opt "circuitBreaker" in base, .ty(Object(KindId::CircuitBreaker))]
        circuit_breaker: DeploymentCircuitBreaker,
        /// CloudWatch alarms that fail a deployment, and roll it back unless told otherwise
        /// (ECS deployment controller only).
        [opt "deploymentAlarms" in base, .ty(Object(KindId::DeploymentAlarms))]
        deployment_alarms: DeploymentAlarmConfig,
        /// A deployment at every stack update, even with nothing changed (ECS deployment
        /// controller only).
        [opt "forceNewDeployment" in base, .ty(Object(KindId::ForceNewDeployment))]
        force_new_deployment: ForceNewDeployment,
        /// Which revision of the task definition runs (`TaskDefinitionRevision::of(3)`); the
        /// service then names it by family.
        [opt "taskDefinitionRevision" in base, .default("the revision this stack writes")]
        task_definition_revision: TaskDefinitionRevision,
        /// How the ECS deployment controller replaces tasks: rolling, blue/green, linear or
        /// canary.
        [opt "deploymentStrategy" in base, .ty(Enum(&crate::ecs::deployment_strategy::DeploymentStrategy::DEF)), .default("`Rolling`")]
        deployment_strategy: crate::ecs::deployment_strategy::DeploymentStrategy,
        /// How long a blue/green, linear or canary deployment waits after moving all traffic,
        /// in whole minutes up to a day.
        [into "bakeTime" in base, .default("none")]
        bake_time: Duration,
        /// The steps of a linear deployment (`deployment_strategy: Linear`).
        [opt "linearConfiguration" in base, .default("none")]
        linear_configuration: crate::ecs::deployment_strategy::TrafficShiftConfig,
        /// The steps of a canary deployment (`deployment_strategy: Canary`).
        [opt "canaryConfiguration" in base, .default("none")]
        canary_configuration: crate::ecs::deployment_strategy::TrafficShiftConfig,
        /// Lambda functions ECS invokes at stages of each deployment (ECS deployment controller
        /// only).
        [list "lifecycleHooks" in base, .default("none")]
        lifecycle_hooks: crate::ecs::deployment_strategy::DeploymentLifecycleLambdaTarget,
        /// Who deploys new tasks: ECS's rolling update, CodeDeploy or an external controller.
        [opt "deploymentController" in base, .ty(Enum(&crate::ecs::service::DeploymentControllerType::DEF)), .default("`Ecs`")]
        deployment_controller: DeploymentControllerType,
        /// Whose tags the tasks get: the service's or the task definition's.
        [opt "propagateTags" in base, .ty(Enum(&crate::ecs::service::PropagatedTagSource::DEF)), .default("`None`")]
        propagate_tags: PropagatedTagSource,
        /// Whether ECS tags the tasks with the names of their cluster and service.
        [val "enableECSManagedTags" in base, .default("false")]
        enable_ecs_managed_tags: bool,
        /// Whether ECS Exec may run commands in the tasks; the task role gets the SSM messages
        /// permissions.
        [opt "enableExecuteCommand" in base, .default("false")]
        enable_execute_command: bool,
        /// Registers the tasks in a Cloud Map service created for the service (rule M1).
        [opt "cloudMapOptions" in base, .ty(Object(KindId::CloudMapOptions))]
        cloud_map_options: CloudMapOptions,
        /// Serves named port mappings to, and reaches, the services of a Cloud Map namespace
        /// through Service Connect (rule M2); `{}` makes the service a client in the cluster's
        /// default namespace.
        [opt "serviceConnectConfiguration" in base, .ty(Object(KindId::ServiceConnect))]
        service_connect_configuration: crate::ecs::service_connect::ServiceConnectProps,
        /// The EBS volume ECS creates for each task (at most one), a volume of the task
        /// definition configured at launch.
        [list "volumeConfigurations" in base, .ty(Refs(RefClass::ServiceManagedVolume)), .default("none")]
        volume_configurations: crate::ecs::service_managed_volume::ServiceManagedVolume,
        /// Registers the tasks in a declared Cloud Map service (rule M1).
        [none "associateCloudMapService", .ty(Object(KindId::AssociateCloudMap)), .set(Set::Call("associate_cloud_map_service")), .method()]
        associate_cloud_map_service: (),
        /// Spreads the tasks over capacity providers instead of launching them with the launch type
        /// (rule C2).
        [list "capacityProviderStrategies" in base, .ty(Strategies)]
        capacity_provider_strategies: crate::ecs::capacity_provider::CapacityProviderStrategy,
        /// Target groups of the load balancer's stack (declared with `target_group`) the service
        /// joins (CDK `targetGroup.addTarget(service)`); its first essential container's first
        /// port takes the traffic.
        [none "addTarget", .ty(Refs(RefClass::TargetGroup)), .method(), .set(Set::Custom)]
        target_groups: (),
        /// Containers and ports of the service joining target groups of the stack, each with
        /// an alternate target when given (CDK `loadBalancerTarget(options)` attached to a
        /// group).
        [none "loadBalancerTarget", .ty(Objects(KindId::TargetGroupTarget)), .method(), .set(Set::Call("add_to_target_group"))]
        load_balancer_targets: (),
    }
}

impl FargateServiceProps {
    /// Sets `platform_version`, e.g. `"1.4.0"` or `"LATEST"`.
    pub fn platform_version(mut self, version: impl Into<String>) -> Self {
        self.platform_version = Some(version.into());
        self
    }

    /// Whether tasks get a public IP.
    pub fn assign_public_ip_value(&self) -> bool {
        self.network.assign_public_ip
    }
}

/// What one launch type adds to [`BaseProps`]; the External service of the task-definition
/// work fills it the same way.
#[derive(Debug, Clone, Default)]
pub(crate) struct LaunchProps {
    pub(crate) network: NetworkProps,
    pub(crate) daemon: bool,
    pub(crate) platform_version: Option<String>,
    pub(crate) placement_strategies: Vec<PlacementStrategy>,
    pub(crate) placement_constraints: Vec<PlacementConstraint>,
}

#[derive(Debug, Clone)]
pub(crate) struct ServiceData {
    pub(crate) id: String,
    pub(crate) launch_type: LaunchType,
    pub(crate) cluster: Cluster,
    pub(crate) task_definition: TaskDefinition,
    pub(crate) daemon: bool,
    pub(crate) resource: NodeId,
    /// The groups of the tasks' network interfaces (awsvpc); empty otherwise.
    pub(crate) security_groups: Vec<SecurityGroup>,
    /// The cluster's instance groups imported into this service's stack, for a bridge- or
    /// host-mode service of a cluster in another stack.
    pub(crate) instance_groups: Option<Vec<SecurityGroup>>,
    pub(crate) grace_period_given: bool,
    pub(crate) has_service_registry: bool,
    /// Whether Service Connect is enabled (once only, rule M2).
    pub(crate) service_connect: bool,
    /// The Fargate platform version given (rule F6).
    pub(crate) platform_version: Option<String>,
    /// `deployment_controller`, when given.
    pub(crate) deployment_controller: Option<DeploymentControllerType>,
    /// Whether availability-zone rebalancing is enabled (no classic load balancer then).
    pub(crate) az_rebalancing: bool,
}

/// A service construct of any launch type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    node: NodeId,
    index: usize,
}

impl Service {
    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    pub(crate) fn data(self, app: &App) -> &ServiceData {
        &app.all::<ServiceData>()[self.index]
    }

    pub(crate) fn data_mut(self, app: &mut App) -> &mut ServiceData {
        &mut app.all_mut::<ServiceData>()[self.index]
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &self.data(app).id
    }

    /// The launch type.
    pub fn launch_type(self, app: &App) -> LaunchType {
        self.data(app).launch_type
    }

    /// The task definition.
    pub fn task_definition(self, app: &App) -> TaskDefinition {
        self.data(app).task_definition
    }

    /// The cluster.
    pub fn cluster(self, app: &App) -> Cluster {
        self.data(app).cluster
    }

    /// `{"Fn::GetAtt": [service, "Name"]}`.
    pub fn service_name(self, app: &App) -> Value {
        Value::GetAtt(self.data(app).resource, "Name".into())
    }

    /// `{"Ref": service}`: the service ARN.
    pub fn service_arn(self, app: &App) -> Value {
        Value::Ref(self.data(app).resource)
    }

    /// The `AWS::ECS::Service` resource node.
    pub(crate) fn resource(self, app: &App) -> NodeId {
        self.data(app).resource
    }

    /// The security groups traffic to the tasks passes: the service's own in awsvpc mode,
    /// else the cluster's instances' (CDK `service.connections`).
    pub(crate) fn connection_groups(self, app: &App) -> Vec<SecurityGroup> {
        let d = self.data(app);
        if d.task_definition.network_mode(app) == NetworkMode::AwsVpc {
            d.security_groups.clone()
        } else if let Some(imported) = &d.instance_groups {
            imported.clone()
        } else {
            // A cluster imported by ARN has no known groups; the service refused it already.
            d.cluster.connection_groups(app).unwrap_or_default()
        }
    }

    /// Appends an entry to a list property of the service resource (`LoadBalancers`,
    /// `ServiceRegistries`).
    pub(crate) fn push_to(self, app: &mut App, key: &'static str, entry: Value) {
        let resource = self.resource(app);
        let props = &mut app
            .stack_mut(self.node.stack())
            .resource_mut(resource)
            .properties;
        match props.get_or_insert_with(key, || Value::List(Vec::new())) {
            Value::List(items) => items.push(entry),
            other => *other = Value::List(vec![entry]),
        }
    }

    /// Adds a Lambda function ECS invokes at stages of each deployment (CDK
    /// `addLifecycleHook`); without a role of its own, the hook's role `<id>Role` is created
    /// under the service and may invoke the function.
    ///
    /// # Errors
    ///
    /// When a handle is of another app, the service is deployed by another controller than
    /// ECS, or the function's permissions cannot be granted.
    pub fn add_lifecycle_hook(
        self,
        app: &mut App,
        hook: crate::ecs::deployment_strategy::DeploymentLifecycleLambdaTarget,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        app.check_node(hook.handler.node())?;
        if !self.is_using_ecs_deployment_controller(app) {
            return Err(Error::new(lifecycle_hooks_message(self.id(app))));
        }
        let entry = hook.bind(app, self.node)?;
        let resource = self.resource(app);
        let props = &mut app
            .stack_mut(self.node.stack())
            .resource_mut(resource)
            .properties;
        if let Some(Value::Map(deployment)) = props.get_mut("DeploymentConfiguration") {
            match deployment.get_or_insert_with("LifecycleHooks", || Value::List(Vec::new())) {
                Value::List(hooks) => hooks.push(entry),
                other => *other = Value::List(vec![entry]),
            }
        }
        Ok(())
    }

    /// Adds placement strategies to an EC2 service (CDK `Ec2Service.addPlacementStrategies`),
    /// after those of its props; a daemon takes none (rule S5).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::service::{BinPackResource, PlacementStrategy};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default()
    ///     .instance_type("t3.micro")).unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(512)).unwrap();
    /// let service = Ec2Service::new(&mut app, s, "Service",
    ///     Ec2ServiceProps::default().cluster(cluster).task_definition(td)).unwrap();
    /// service.add_placement_strategies(&mut app, [
    ///     PlacementStrategy::spread_across_instances(),
    ///     PlacementStrategy::packed_by(BinPackResource::Memory),
    /// ]).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the service is of another app or not an EC2 service, or is a daemon (rule S5).
    pub fn add_placement_strategies(
        self,
        app: &mut App,
        strategies: impl IntoIterator<Item = PlacementStrategy>,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        let strategies: Vec<PlacementStrategy> = strategies.into_iter().collect();
        self.placing_ec2_service(app, "add_placement_strategies")?;
        check_strategies(&strategies)?;
        let d = self.data(app);
        let mut facts = ServiceFacts::new(&d.id, d.launch_type);
        facts.daemon = Fact::Known(d.daemon, ());
        facts.placement_strategies = Fact::written(!strategies.is_empty(), ());
        let found = facts.violations().into_iter();
        crate::ecs::facts::refused(found.filter(|v| v.rule == RuleId::S5).collect())?;
        for entry in strategies.iter().flat_map(PlacementStrategy::render) {
            self.push_to(app, "PlacementStrategies", entry);
        }
        Ok(())
    }

    /// Adds the EBS volume ECS creates for each task (CDK `service.addVolume`); a service
    /// takes one.
    ///
    /// # Errors
    ///
    /// When a handle is of another app, or the service has a volume already.
    pub fn add_volume(
        self,
        app: &mut App,
        volume: crate::ecs::service_managed_volume::ServiceManagedVolume,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        app.check_node(volume.node())?;
        let resource = self.resource(app);
        let had = app
            .stack(self.node.stack())
            .resource(resource)
            .properties
            .get("VolumeConfigurations")
            .is_some();
        if had {
            return Err(Error::new(volume_count_message(&self.data(app).id, 2)));
        }
        let entry = volume.render(app);
        self.push_to(app, "VolumeConfigurations", entry);
        Ok(())
    }

    /// Adds placement constraints to an EC2 service (CDK
    /// `Ec2Service.addPlacementConstraints`), after those of its props.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::service::PlacementConstraint;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default()
    ///     .instance_type("t3.micro")).unwrap();
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(512)).unwrap();
    /// let service = Ec2Service::new(&mut app, s, "Service",
    ///     Ec2ServiceProps::default().cluster(cluster).task_definition(td)).unwrap();
    /// service.add_placement_constraints(&mut app, [PlacementConstraint::distinct_instances()]).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the service is of another app or not an EC2 service.
    pub fn add_placement_constraints(
        self,
        app: &mut App,
        constraints: impl IntoIterator<Item = PlacementConstraint>,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        self.placing_ec2_service(app, "add_placement_constraints")?;
        for entry in constraints
            .into_iter()
            .flat_map(|c| c.render())
            .collect::<Vec<_>>()
        {
            self.push_to(app, "PlacementConstraints", entry);
        }
        Ok(())
    }

    /// Only EC2 services place tasks on instances (the CDK has the methods on `Ec2Service`).
    fn placing_ec2_service(self, app: &App, method: &str) -> Result<(), Error> {
        let d = self.data(app);
        if d.launch_type == LaunchType::Ec2 {
            return Ok(());
        }
        Err(Error::new(format!(
            "{} service `{}` has no `{method}`: only ec2 services place tasks on instances; use an ec2 service",
            d.launch_type.lower_name(),
            d.id
        )))
    }

    /// Whether the service is deployed by ECS's own controller (CDK
    /// `isUsingECSDeploymentController`): no `deployment_controller`, or `Ecs`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512)).unwrap();
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx"))).unwrap();
    /// let service = FargateService::new(&mut app, s, "Service",
    ///     FargateServiceProps::default().cluster(cluster).task_definition(td)).unwrap();
    /// assert!(service.is_using_ecs_deployment_controller(&app));
    /// ```
    pub fn is_using_ecs_deployment_controller(self, app: &App) -> bool {
        ecs_controlled(self.data(app).deployment_controller)
    }

    /// Marks a load balancer attached: ECS then waits 60 seconds before health checks count,
    /// unless the user chose a period (CDK `healthCheckGracePeriod` default).
    pub(crate) fn load_balancer_attached(self, app: &mut App) {
        if self.data(app).grace_period_given {
            return;
        }
        let resource = self.resource(app);
        app.stack_mut(self.node.stack())
            .resource_mut(resource)
            .set("HealthCheckGracePeriodSeconds", 60u32);
    }
}

/// Constructor of EC2 services (CDK `Ec2Service`).
#[derive(Debug)]
pub struct Ec2Service;

/// Constructor of Fargate services (CDK `FargateService`).
#[derive(Debug)]
pub struct FargateService;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Ec2Service {
    /// Creates an EC2 service with id `id` at the top of `stack`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512)).unwrap();
    /// let err = Ec2Service::new(&mut app, s, "Service",
    ///     Ec2ServiceProps::default().cluster(cluster).task_definition(td)).unwrap_err();
    /// assert!(err.to_string().starts_with("ec2 service `Service` cannot run task definition `TaskDef`"));
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: Ec2ServiceProps,
    ) -> Result<Service, Error> {
        let scope: NodeId = scope.into();
        let launch = LaunchProps {
            network: props.network,
            daemon: props.daemon,
            platform_version: None,
            placement_strategies: props.placement_strategies,
            placement_constraints: props.placement_constraints,
        };
        create(app, scope, id, LaunchType::Ec2, props.base, launch)
    }
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl FargateService {
    /// Creates a Fargate service with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: FargateServiceProps,
    ) -> Result<Service, Error> {
        let scope: NodeId = scope.into();
        let launch = LaunchProps {
            network: props.network,
            platform_version: props.platform_version,
            ..LaunchProps::default()
        };
        create(app, scope, id, LaunchType::Fargate, props.base, launch)
    }
}

// ---- external service ----

props! {
    /// Properties of an [`ExternalService`].
    ///
    /// ```
    /// let props = ecs_core::ecs::service::ExternalServiceProps::default().desired_count(5);
    /// assert_eq!(props.desired_count_value(), Some(5));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ExternalServiceProps {
        hidden base: BaseProps,
        /// The cluster the service runs its tasks in.
        [opt "cluster" in base, .ty(Ref(RefClass::Cluster)), .required()]
        cluster: Cluster,
        /// The task definition of the service's tasks; it must be an External one (rule S1).
        [opt "taskDefinition" in base, .ty(Ref(RefClass::TaskDefinition)), .required()]
        task_definition: TaskDefinition,
        /// How many tasks to keep running; absent, no `DesiredCount` is emitted and ECS starts one.
        [opt "desiredCount" in base, .default("1")]
        desired_count: u32,
        /// The service's name (`ServiceName`); CloudFormation generates one when absent.
        [into "serviceName" in base]
        service_name: String,
        /// The share of the desired tasks that must keep running during a deployment; below
        /// `max_healthy_percent` (rule S4).
        [opt "minHealthyPercent" in base, .default("0")]
        min_healthy_percent: u32,
        /// The share of the desired tasks that may run during a deployment.
        [opt "maxHealthyPercent" in base, .default("100")]
        max_healthy_percent: u32,
        /// How long after a task starts ECS ignores failing load balancer health checks.
        [into "healthCheckGracePeriod" in base, .default("60 seconds with a load balancer, else none")]
        health_check_grace_period: Duration,
        /// The deployment circuit breaker, refused for External services (rule X1).
        [opt "circuitBreaker" in base, .ty(Object(KindId::CircuitBreaker))]
        circuit_breaker: DeploymentCircuitBreaker,
        /// CloudWatch alarms that fail a deployment, and roll it back unless told otherwise
        /// (ECS deployment controller only).
        [opt "deploymentAlarms" in base, .ty(Object(KindId::DeploymentAlarms))]
        deployment_alarms: DeploymentAlarmConfig,
        /// A deployment at every stack update, even with nothing changed (ECS deployment
        /// controller only).
        [opt "forceNewDeployment" in base, .ty(Object(KindId::ForceNewDeployment))]
        force_new_deployment: ForceNewDeployment,
        /// Which revision of the task definition runs (`TaskDefinitionRevision::of(3)`); the
        /// service then names it by family.
        [opt "taskDefinitionRevision" in base, .default("the revision this stack writes")]
        task_definition_revision: TaskDefinitionRevision,
        /// How the ECS deployment controller replaces tasks: rolling, blue/green, linear or
        /// canary.
        [opt "deploymentStrategy" in base, .ty(Enum(&crate::ecs::deployment_strategy::DeploymentStrategy::DEF)), .default("`Rolling`")]
        deployment_strategy: crate::ecs::deployment_strategy::DeploymentStrategy,
        /// How long a blue/green, linear or canary deployment waits after moving all traffic,
        /// in whole minutes up to a day.
        [into "bakeTime" in base, .default("none")]
        bake_time: Duration,
        /// The steps of a linear deployment (`deployment_strategy: Linear`).
        [opt "linearConfiguration" in base, .default("none")]
        linear_configuration: crate::ecs::deployment_strategy::TrafficShiftConfig,
        /// The steps of a canary deployment (`deployment_strategy: Canary`).
        [opt "canaryConfiguration" in base, .default("none")]
        canary_configuration: crate::ecs::deployment_strategy::TrafficShiftConfig,
        /// Lambda functions ECS invokes at stages of each deployment (ECS deployment controller
        /// only).
        [list "lifecycleHooks" in base, .default("none")]
        lifecycle_hooks: crate::ecs::deployment_strategy::DeploymentLifecycleLambdaTarget,
        /// Who deploys new tasks: ECS's rolling update, CodeDeploy or an external controller.
        [opt "deploymentController" in base, .ty(Enum(&crate::ecs::service::DeploymentControllerType::DEF)), .default("`Ecs`")]
        deployment_controller: DeploymentControllerType,
        /// Whose tags the tasks get: the service's or the task definition's.
        [opt "propagateTags" in base, .ty(Enum(&crate::ecs::service::PropagatedTagSource::DEF)), .default("`None`")]
        propagate_tags: PropagatedTagSource,
        /// Whether ECS tags the tasks with the names of their cluster and service.
        [val "enableECSManagedTags" in base, .default("false")]
        enable_ecs_managed_tags: bool,
        /// Whether ECS Exec may run commands in the tasks; the task role gets the SSM messages
        /// permissions.
        [opt "enableExecuteCommand" in base, .default("false")]
        enable_execute_command: bool,
        /// Cloud Map registration, refused for External services (rule X1).
        [opt "cloudMapOptions" in base, .ty(Object(KindId::CloudMapOptions))]
        cloud_map_options: CloudMapOptions,
        /// Registration in an existing Cloud Map service, refused for External services (rule X1).
        [none "associateCloudMapService", .ty(Object(KindId::AssociateCloudMap)), .set(Set::Call("associate_cloud_map_service")), .method()]
        associate_cloud_map_service: (),
    }
}

impl ExternalServiceProps {
    /// The desired count given, if any.
    pub fn desired_count_value(&self) -> Option<u32> {
        self.base.desired_count
    }
}

/// Constructor of ECS Anywhere services (CDK `ExternalService`): tasks on the cluster's
/// external instances, with no network configuration.
#[derive(Debug)]
pub struct ExternalService;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ExternalService {
    /// Creates an External service with id `id` at the top of `stack`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// let td = ExternalTaskDefinition::new(&mut app, s, "TaskDef", Default::default()).unwrap();
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(512)).unwrap();
    /// ExternalService::new(&mut app, s, "Service",
    ///     ExternalServiceProps::default().cluster(cluster).task_definition(td)).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ExternalServiceProps,
    ) -> Result<Service, Error> {
        let scope: NodeId = scope.into();
        let _stack = scope.stack();
        // No network configuration, placement or platform version: the defaults.
        create(
            app,
            scope,
            id,
            LaunchType::External,
            props.base,
            LaunchProps::default(),
        )
    }
}

/// The CDK's checks of the deployment strategy's settings: linear and canary steps under
/// their strategy and in range, whole-minute bake times, hooks only with the ECS controller.
fn check_deployment_strategy(id: &str, base: &BaseProps) -> Result<(), Error> {
    use crate::ecs::deployment_strategy::{bake_time_problem, traffic_shift_problems};
    let mut problems = Vec::new();
    if let Some(c) = &base.linear_configuration {
        problems.extend(traffic_shift_problems(
            id,
            base.deployment_strategy,
            false,
            c,
        ));
    }
    if let Some(c) = &base.canary_configuration {
        problems.extend(traffic_shift_problems(
            id,
            base.deployment_strategy,
            true,
            c,
        ));
    }
    if let Some(t) = base.bake_time {
        problems.extend(bake_time_problem(id, "`bake_time`", t));
    }
    if !base.lifecycle_hooks.is_empty() && !ecs_controlled(base.deployment_controller) {
        problems.push(lifecycle_hooks_message(id));
    }
    let diagnostics = problems
        .into_iter()
        .map(|m| crate::error::Diagnostic::new(crate::error::ErrorKind::Invalid, m))
        .collect();
    match Error::collect(diagnostics) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The message of lifecycle hooks on a service with another deployment controller than ECS.
pub fn lifecycle_hooks_message(id: &str) -> String {
    format!(
        "service `{id}` has lifecycle hooks, which need the ECS deployment controller: remove `deployment_controller` or the hooks"
    )
}

/// The message of a service given more than one EBS volume (`count`), which ECS refuses.
pub fn volume_count_message(id: &str, count: usize) -> String {
    format!(
        "service `{id}` has {count} volumes in `volume_configurations`: ECS attaches one EBS volume per task; keep one"
    )
}

pub(crate) fn create(
    app: &mut App,
    scope: impl Into<NodeId>,
    id: &str,
    launch_type: LaunchType,
    base: BaseProps,
    launch: LaunchProps,
) -> Result<Service, Error> {
    let scope: NodeId = scope.into();
    let stack = scope.stack();
    app.check_node(scope)?;
    app.check_each(base.cluster)?;
    app.check_each(base.task_definition)?;
    app.check_each(launch.network.security_groups.iter().copied())?;
    app.check_each(base.volume_configurations.iter().copied())?;
    let kind = launch_type.lower_name();
    if base.volume_configurations.len() > 1 {
        return Err(Error::new(volume_count_message(
            id,
            base.volume_configurations.len(),
        )));
    }
    if let Some(period) = base.health_check_grace_period {
        period.checked(
            &format!("{kind} service `{id}`"),
            "health_check_grace_period",
        )?;
    }
    let (Some(cluster), Some(task_definition)) = (base.cluster, base.task_definition) else {
        let missing = if base.cluster.is_none() {
            "cluster"
        } else {
            "task_definition"
        };
        return Err(Error::new(format!(
            "{kind} service `{id}` needs `{missing}`: add `{missing}: <name>`"
        )));
    };
    check_strategies(&launch.placement_strategies)?;
    let daemon = launch.daemon;
    let (circuit_breaker, min_healthy_given) = (
        base.circuit_breaker.is_some(),
        base.min_healthy_percent.is_some(),
    );
    let mut facts = ServiceFacts::new(id, launch_type);
    facts.task = Some(ServiceTask {
        id: task_definition.id(app),
        at: (),
        compatibility: Some(task_definition.compatibility(app)),
        // S2 and S3 wait for synthesis: containers and capacity may be added later.
        essential: Vec::new(),
        needs_platform_1_4: task_definition.needs_platform_1_4(app),
    });
    facts.daemon = Fact::Known(daemon, ());
    if let Some(version) = &launch.platform_version {
        facts.platform_version = Fact::Known(version.as_str().into(), ());
    }
    facts.desired_count = Fact::written(base.desired_count.is_some(), ());
    facts.min_healthy_percent = Fact::given(base.min_healthy_percent, ());
    facts.max_healthy_percent = Fact::given(base.max_healthy_percent, ());
    facts.circuit_breaker = Fact::written(base.circuit_breaker.is_some(), ());
    facts.cloud_map_options = Fact::written(base.cloud_map_options.is_some(), ());
    facts.placement_strategies = Fact::written(!launch.placement_strategies.is_empty(), ());
    if cluster.default_cloud_map_namespace(app).is_some() {
        facts.cluster_namespace = Some((cluster.id(app), ()));
    }
    let found = facts.violations().into_iter();
    crate::ecs::facts::refused(found.filter(|v| v.rule != RuleId::S2).collect())?;
    check_deployment_settings(id, &base, daemon)?;
    check_deployment_strategy(id, &base)?;
    // Daemon and External services replace tasks in place: at most 100%, at least 0%.
    let (default_max, default_min) = if daemon || launch_type == LaunchType::External {
        (100, 0)
    } else {
        (200, 50)
    };
    let mut deployment = vec![
        (
            "MaximumPercent",
            Value::from(base.max_healthy_percent.unwrap_or(default_max)),
        ),
        (
            "MinimumHealthyPercent",
            Value::from(base.min_healthy_percent.unwrap_or(default_min)),
        ),
    ];
    if let Some(alarms) = &base.deployment_alarms {
        deployment.push(("Alarms", deployment_alarms_value(alarms)));
    }
    if let Some(strategy) = base.deployment_strategy {
        deployment.push(("Strategy", Value::from(strategy.cfn_value())));
    }
    if let Some(t) = base.bake_time {
        deployment.push((
            "BakeTimeInMinutes",
            Value::Int((t.to_seconds() / 60) as i64),
        ));
    }
    if let Some(c) = &base.linear_configuration {
        deployment.push(("LinearConfiguration", c.render(false)));
    }
    if let Some(c) = &base.canary_configuration {
        deployment.push(("CanaryConfiguration", c.render(true)));
    }
    if let Some(cb) = base.circuit_breaker {
        deployment.push((
            "DeploymentCircuitBreaker",
            Value::map([
                ("Enable", Value::from(cb.enable)),
                ("Rollback", Value::from(cb.rollback)),
            ]),
        ));
    }
    let network_mode = task_definition.network_mode(app);
    let awsvpc = network_mode == NetworkMode::AwsVpc;
    let mut resource = Resource::new("AWS::ECS::Service")
        .prop("Cluster", cluster.cluster_name(app))
        .prop("DeploymentConfiguration", Value::map(deployment))
        .prop_opt("DesiredCount", base.desired_count)
        .prop("EnableECSManagedTags", base.enable_ecs_managed_tags)
        .prop_opt("EnableExecuteCommand", base.enable_execute_command)
        .prop_opt(
            "HealthCheckGracePeriodSeconds",
            base.health_check_grace_period,
        )
        .prop("LoadBalancers", Value::List(Vec::new()))
        .prop_opt("PlatformVersion", launch.platform_version.clone())
        .prop_opt(
            "PropagateTags",
            base.propagate_tags.and_then(PropagatedTagSource::cfn_value),
        )
        .prop_opt("ServiceName", base.service_name)
        .prop_opt(
            "AvailabilityZoneRebalancing",
            base.availability_zone_rebalancing
                .map(AvailabilityZoneRebalancing::cfn_value),
        )
        .prop_opt(
            "ForceNewDeployment",
            base.force_new_deployment.as_ref().map(|f| {
                let mut m = vec![("EnableForceNewDeployment", Value::from(f.enabled))];
                if let Some(nonce) = &f.nonce {
                    m.push(("ForceNewDeploymentNonce", Value::from(nonce.clone())));
                }
                Value::map(m)
            }),
        );
    if !base.volume_configurations.is_empty() {
        resource.set(
            "VolumeConfigurations",
            Value::List(
                base.volume_configurations
                    .iter()
                    .map(|v| v.render(app))
                    .collect(),
            ),
        );
    }
    // As the CDK: an EXTERNAL controller deploys the tasks itself, so the service names
    // neither a launch type nor a task definition; CODE_DEPLOY names the family (its
    // deployments pick the revision) and so depends on the task definition explicitly.
    let controller = base.deployment_controller;
    if controller != Some(DeploymentControllerType::External) {
        resource.set("LaunchType", launch_type.cfn_value());
        let family = task_definition.family(app).to_string();
        let task = match (controller, base.task_definition_revision) {
            // A chosen revision is named by family, `:<n>` for one of them.
            (_, Some(TaskDefinitionRevision(Some(n)))) => Value::from(format!("{family}:{n}")),
            (_, Some(TaskDefinitionRevision(None))) => Value::from(family),
            (Some(DeploymentControllerType::CodeDeploy), None) => Value::from(family),
            _ => task_definition.arn(app),
        };
        resource.set("TaskDefinition", task);
    }
    if let Some(controller) = base.deployment_controller {
        resource.set(
            "DeploymentController",
            Value::map([("Type", Value::from(controller.cfn_value()))]),
        );
    }
    match launch_type {
        LaunchType::Ec2 => resource.set(
            "SchedulingStrategy",
            if daemon { "DAEMON" } else { "REPLICA" },
        ),
        LaunchType::External if daemon => resource.set("SchedulingStrategy", "DAEMON"),
        _ => {}
    }
    if !launch.placement_constraints.is_empty() {
        resource.set(
            "PlacementConstraints",
            Value::List(
                launch
                    .placement_constraints
                    .iter()
                    .flat_map(PlacementConstraint::render)
                    .collect(),
            ),
        );
    }
    if !launch.placement_strategies.is_empty() {
        resource.set(
            "PlacementStrategies",
            Value::List(
                launch
                    .placement_strategies
                    .iter()
                    .flat_map(PlacementStrategy::render)
                    .collect(),
            ),
        );
    }
    crate::ecs::capacity_provider::apply_to_service(
        app,
        id,
        launch_type,
        cluster,
        &base.capacity_provider_strategies,
        &mut resource,
    )?;
    let task_role = task_definition.task_role(app);
    if base.enable_execute_command == Some(true) {
        let config = cluster.execute_command_configuration(app).cloned();
        crate::ecs::exec::enable(app, task_role, config.as_ref())?;
    }
    let st = app.stack_mut(stack);
    let root = scope;
    let node = st.add_node(root, id)?;
    let resource = st.add_resource(node, "Service", resource)?;
    st.set_fqn(node, launch_type.fqn());
    warn_deployment(
        st,
        node,
        launch_type,
        daemon,
        controller,
        circuit_breaker,
        min_healthy_given,
    );
    // Tasks must not start before their role exists; the CDK puts this on the whole service.
    st.add_dependency(node, task_role.node());
    // Naming the task definition by family hides the reference: depend on it explicitly.
    if controller == Some(DeploymentControllerType::CodeDeploy)
        || base.task_definition_revision.is_some()
    {
        st.add_dependency(node, task_definition.node());
    }
    let index = app.all::<ServiceData>().len();
    app.all_mut::<ServiceData>().push(ServiceData {
        id: id.to_string(),
        launch_type,
        cluster,
        task_definition,
        daemon,
        resource,
        security_groups: Vec::new(),
        instance_groups: None,
        grace_period_given: base.health_check_grace_period.is_some(),
        has_service_registry: false,
        service_connect: false,
        platform_version: launch.platform_version,
        deployment_controller: controller,
        az_rebalancing: base.availability_zone_rebalancing
            == Some(AvailabilityZoneRebalancing::Enabled),
    });
    let service = Service { node, index };
    for hook in &base.lifecycle_hooks {
        service.add_lifecycle_hook(app, hook.clone())?;
    }
    // The CDK's base constructor enables Cloud Map before the subclass configures networking,
    // which fixes the order of the two children.
    if let Some(options) = base.cloud_map_options {
        service.enable_cloud_map(app, options)?;
    }
    if let Some(config) = base.service_connect_configuration {
        service.enable_service_connect(app, config)?;
    }
    if awsvpc && launch_type != LaunchType::External {
        configure_awsvpc(app, service, cluster, launch.network)?;
    } else if launch.network != NetworkProps::default() {
        return Err(Error::new(format!(
            "{kind} service `{id}` sets `security_groups`, `vpc_subnets` or `assign_public_ip`, which need `network_mode: AwsVpc`: remove them or use an awsvpc task definition"
        )));
    } else if launch_type == LaunchType::Ec2 && cluster.node().stack() != stack {
        // Only then: a cluster of the same stack is read as it is when targets attach.
        import_instance_groups(app, service, cluster)?;
    }
    Ok(service)
}

/// The CDK's warnings about a service's deployment settings, in the order its constructors
/// raise them.
fn warn_deployment(
    st: &mut crate::construct::Stack,
    node: NodeId,
    launch_type: LaunchType,
    daemon: bool,
    controller: Option<DeploymentControllerType>,
    circuit_breaker: bool,
    min_healthy_given: bool,
) {
    if controller == Some(DeploymentControllerType::External) {
        st.warn(
            node,
            "@aws-cdk/aws-ecs:externalDeploymentController",
            "taskDefinition and launchType are blanked out when using external deployment controller.",
        );
    }
    if !circuit_breaker && ecs_controlled(controller) {
        st.warn(
            node,
            "@aws-cdk/aws-ecs:shouldUseCircuitBreaker",
            "Enable the 'circuitBreaker' property to trigger a quicker deployment failure if tasks are failing to start up (without this setting deployments may take up to 3 hours to fail).",
        );
    }
    if min_healthy_given {
        return;
    }
    // Daemon and External services default to 0% and say so; the others to 50%.
    match (launch_type, daemon) {
        (LaunchType::External, _) => st.warn(
            node,
            "@aws-cdk/aws-ecs:minHealthyPercentExternal",
            "minHealthyPercent has not been configured so the default value of 0% for an external service is used. The number of running tasks will decrease below the desired count during deployments etc. See https://github.com/aws/aws-cdk/issues/31705",
        ),
        (LaunchType::Ec2, true) => st.warn(
            node,
            "@aws-cdk/aws-ecs:minHealthyPercentDaemon",
            "minHealthyPercent has not been configured so the default value of 0% for a daemon service is used. See https://github.com/aws/aws-cdk/issues/31705",
        ),
        _ => st.warn(
            node,
            "@aws-cdk/aws-ecs:minHealthyPercent",
            "minHealthyPercent has not been configured so the default value of 50% is used. The number of running tasks will decrease below the desired count during deployments etc. See https://github.com/aws/aws-cdk/issues/31705",
        ),
    }
}

/// A bridge- or host-mode EC2 service reaches its tasks through the instances' security groups;
/// when the cluster is in another stack, the CDK imports each of them under the service
/// (`SecurityGroup1`, …, as `securityGroupsInThisStack` does, with the groups the cluster has
/// when the service is created), so the rules load balancers add stay in the service's stack.
fn import_instance_groups(app: &mut App, service: Service, cluster: Cluster) -> Result<(), Error> {
    let mut groups = Vec::new();
    let mut imported = 0;
    for group in cluster.connection_groups(app)? {
        if group.node().stack() == service.node.stack() {
            groups.push(group);
            continue;
        }
        imported += 1;
        let id = format!("SecurityGroup{imported}");
        groups.push(group.import_into(app, service.node, &id)?);
    }
    app.all_mut::<ServiceData>()[service.index].instance_groups = Some(groups);
    Ok(())
}

/// The awsvpc network configuration: the given groups or a new one, in the chosen subnets
/// (CDK `configureAwsVpcNetworkingWithSecurityGroups`).
fn configure_awsvpc(
    app: &mut App,
    service: Service,
    cluster: Cluster,
    network: NetworkProps,
) -> Result<(), Error> {
    let vpc = cluster.vpc(app)?;
    let groups = if network.security_groups.is_empty() {
        vec![SecurityGroup::new(
            app,
            service.node,
            "SecurityGroup",
            crate::ec2::SecurityGroupProps::default().vpc(vpc),
        )?]
    } else {
        network.security_groups
    };
    let selection = network.vpc_subnets.unwrap_or_else(|| {
        if network.assign_public_ip {
            SubnetType::Public.into()
        } else {
            SubnetSelection::default()
        }
    });
    let subnets = vpc.select_subnets(app, &selection)?;
    let config = Value::map([(
        "AwsvpcConfiguration",
        Value::map([
            (
                "AssignPublicIp",
                Value::from(if network.assign_public_ip {
                    "ENABLED"
                } else {
                    "DISABLED"
                }),
            ),
            (
                "SecurityGroups",
                Value::List(groups.iter().map(|g| g.group_id(app)).collect()),
            ),
            ("Subnets", Value::List(subnets)),
        ]),
    )]);
    let resource = service.resource(app);
    app.stack_mut(service.node.stack())
        .resource_mut(resource)
        .set("NetworkConfiguration", config);
    service.data_mut(app).security_groups = groups;
    Ok(())
}

/// Synth-time rules of services (S2, S3, and F6 for containers added after the service),
/// appended to `messages`.
impl crate::construct::app::Data for ServiceData {
    fn validate(app: &App, messages: &mut Vec<crate::error::Diagnostic>) {
        for s in app.all::<ServiceData>() {
            let td = s.task_definition;
            let mut facts = ServiceFacts::new(&s.id, s.launch_type);
            facts.task = Some(ServiceTask {
                id: td.id(app),
                at: (),
                compatibility: Some(td.compatibility(app)),
                essential: td
                    .data(app)
                    .containers
                    .iter()
                    .map(|c| Fact::Known(c.essential, ()))
                    .collect(),
                needs_platform_1_4: td.needs_platform_1_4(app),
            });
            facts.cluster = Some(ServiceCluster {
                id: s.cluster.id(app),
                at: (),
                has_ec2_capacity: s.cluster.has_ec2_capacity(app),
            });
            facts.daemon = Fact::Known(s.daemon, ());
            // The CDK asks a cluster imported by ARN for its capacity, which it cannot give.
            if s.launch_type == LaunchType::Ec2 && !s.daemon && s.cluster.is_imported_by_arn(app) {
                messages.extend(
                    Error::new(format!(
                        "service `{}`: hasEc2Capacity is not available for cluster `{}`, imported with `from_cluster_arn`: import it with `from_cluster_attributes` instead",
                        s.id,
                        s.cluster.id(app)
                    ))
                    .diagnostics()
                    .iter()
                    .cloned(),
                );
                facts.cluster = None;
            }
            if let Some(version) = &s.platform_version {
                facts.platform_version = Fact::Known(version.as_str().into(), ());
            }
            // F6 again: containers added after the service may need a newer platform.
            let synth_rules = [RuleId::S2, RuleId::S3, RuleId::F6];
            let found = facts.violations().into_iter();
            messages.extend(
                found
                    .filter(|v| synth_rules.contains(&v.rule))
                    .map(|v| v.diagnostic()),
            );
        }
    }
}

handle!(Service);

impl crate::ec2::Connectable for Service {
    fn connectable_node(&self) -> Option<NodeId> {
        Some(self.node())
    }
    /// The security groups traffic to the tasks passes: the service's own in awsvpc mode,
    /// else the cluster's instances'.
    fn security_groups(&self, app: &App) -> Vec<SecurityGroup> {
        self.connection_groups(app)
    }
}

impl DeploymentControllerType {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service", "DeploymentControllerType"],
        variants: Self::VARIANT_NAMES,
    };
}

impl PropagatedTagSource {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service", "PropagatedTagSource"],
        variants: Self::VARIANT_NAMES,
    };
}

/// `DeploymentConfiguration.Alarms`: on, rolling back unless the behavior only fails.
fn deployment_alarms_value(alarms: &DeploymentAlarmConfig) -> Value {
    Value::map([
        (
            "AlarmNames",
            Value::List(
                alarms
                    .alarm_names
                    .iter()
                    .map(|n| Value::from(n.clone()))
                    .collect(),
            ),
        ),
        ("Enable", Value::from(true)),
        (
            "Rollback",
            Value::from(alarms.behavior.unwrap_or_default() == AlarmBehavior::RollbackOnAlarm),
        ),
    ])
}

/// As the CDK's `spreadAcross`: a spread strategy names at least one field.
fn check_strategies(strategies: &[PlacementStrategy]) -> Result<(), Error> {
    if strategies.iter().any(|s| s.0.is_empty()) {
        return Err(Error::new(
            "a placement strategy `spread_across` names no field: give at least one field to spread by, e.g. `[\"attribute:ecs.availability-zone\"]`",
        ));
    }
    Ok(())
}

/// The CDK's checks of the deployment settings: alarms and forced deployments need the ECS
/// controller, CodeDeploy runs the latest revision, daemons do not rebalance.
/// Whether a service with `controller` is deployed by ECS's own controller (none given, or
/// `Ecs`), which circuit breakers, alarms, hooks and alternate targets need.
fn ecs_controlled(controller: Option<DeploymentControllerType>) -> bool {
    matches!(controller, None | Some(DeploymentControllerType::Ecs))
}

fn check_deployment_settings(id: &str, base: &BaseProps, daemon: bool) -> Result<(), Error> {
    let ecs_controller = ecs_controlled(base.deployment_controller);
    if let Some(alarms) = &base.deployment_alarms {
        if !ecs_controller {
            return Err(Error::new(format!(
                "service `{id}` has `deployment_alarms` but another deployment controller: deployment alarms need the `Ecs` deployment controller"
            )));
        }
        if alarms.alarm_names.is_empty() {
            return Err(Error::new(format!(
                "service `{id}` has `deployment_alarms` without alarms: give at least one in `alarm_names`"
            )));
        }
    }
    if base.circuit_breaker.is_some() && !ecs_controller {
        return Err(Error::new(format!(
            "service `{id}` has `circuit_breaker` but another deployment controller: the deployment circuit breaker needs the `Ecs` deployment controller; remove one of them"
        )));
    }
    if base.task_definition_revision == Some(TaskDefinitionRevision(Some(0))) {
        return Err(Error::new(format!(
            "service `{id}` names task definition revision 0: revisions start at 1; use `TaskDefinitionRevision::of(1)` or later, or `TaskDefinitionRevision::LATEST`"
        )));
    }
    if base.force_new_deployment.is_some() && !ecs_controller {
        return Err(Error::new(format!(
            "service `{id}` has `force_new_deployment` but another deployment controller: forced deployments need the `Ecs` deployment controller"
        )));
    }
    if base.deployment_controller == Some(DeploymentControllerType::CodeDeploy)
        && matches!(
            base.task_definition_revision,
            Some(TaskDefinitionRevision(Some(_)))
        )
    {
        return Err(Error::new(format!(
            "service `{id}` deploys with `CodeDeploy` and names a revision: CodeDeploy runs the latest revision; use `TaskDefinitionRevision::LATEST`"
        )));
    }
    if base.availability_zone_rebalancing == Some(AvailabilityZoneRebalancing::Enabled)
        && base.max_healthy_percent == Some(100)
    {
        return Err(Error::new(format!(
            "service `{id}` has `availability_zone_rebalancing: Enabled` with `max_healthy_percent: 100`: rebalancing starts a task before it stops one, so it needs `max_healthy_percent` above 100"
        )));
    }
    if daemon && base.availability_zone_rebalancing == Some(AvailabilityZoneRebalancing::Enabled) {
        return Err(Error::new(format!(
            "service `{id}` is a daemon with `availability_zone_rebalancing: Enabled`: a daemon runs one task per instance; remove the rebalancing"
        )));
    }
    Ok(())
}

impl Service {
    /// Adds deployment alarms to the service (CDK `enableDeploymentAlarms`), as
    /// `deployment_alarms` at creation does.
    ///
    /// # Errors
    ///
    /// When the service deploys with another controller than ECS's, or `alarm_names` is empty.
    pub fn enable_deployment_alarms(
        self,
        app: &mut App,
        alarms: DeploymentAlarmConfig,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        let id = self.id(app).to_string();
        let resource = self.resource(app);
        let props = &mut app
            .stack_mut(resource.stack())
            .resource_mut(resource)
            .properties;
        let ecs_controller = match props.get("DeploymentController") {
            Some(Value::Map(m)) => m.get("Type") == Some(&Value::from("ECS")),
            _ => true,
        };
        if !ecs_controller {
            return Err(Error::new(format!(
                "service `{id}` deploys with another controller than ECS's: deployment alarms need the `Ecs` deployment controller"
            )));
        }
        if alarms.alarm_names.is_empty() {
            return Err(Error::new(format!(
                "service `{id}` enables deployment alarms without alarms: give at least one in `alarm_names`"
            )));
        }
        if let Some(Value::Map(deployment)) = props.get_mut("DeploymentConfiguration") {
            deployment.insert("Alarms", deployment_alarms_value(&alarms));
        }
        Ok(())
    }
}
