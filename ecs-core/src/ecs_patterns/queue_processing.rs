//! `QueueProcessingFargateService` and `QueueProcessingEc2Service`: a service that works off an
//! SQS queue and scales on its depth (CDK `QueueProcessingServiceBase` and its launch types).

use crate::applicationautoscaling::{ScalingInterval, StepScalingProps};
use crate::cfn::duration::Duration;
use crate::cfn::{Output, Value};
use crate::construct::app::{App, Construct};
use crate::construct::{CfnOutput, NodeId};
use crate::ec2::{SecurityGroup, SubnetSelection, Vpc};
use crate::ecs::cluster::Cluster;
use crate::ecs::container::ContainerDefinitionOptions;
use crate::ecs::container_options::HealthCheck;
use crate::ecs::image::ContainerImage;
use crate::ecs::log_driver::{AwsLogDriverProps, LogDriver};
use crate::ecs::scaling::{CpuUtilizationScalingProps, EnableScalingProps};
use crate::ecs::secret::Secret;
use crate::ecs::service::{
    DeploymentCircuitBreaker, DeploymentControllerType, Ec2ServiceProps, FargateServiceProps,
    PlacementConstraint, PlacementStrategy, PropagatedTagSource, Service,
};
use crate::ecs::task_definition::{
    Ec2TaskDefinition, Ec2TaskDefinitionProps, FargateTaskDefinition, FargateTaskDefinitionProps,
    RuntimePlatform, TaskDefinition,
};
use crate::error::Error;
use crate::sqs::{DeadLetterQueue, Queue, QueueProps};

/// Declares the props of one launch type: the properties every queue-processing service shares
/// (CDK `QueueProcessingServiceBaseProps`) and then its own.
macro_rules! queue_service_props {
    (
        $(#[$meta:meta])*
        pub struct $props:ident {
            $($own:tt)*
        }
    ) => {
        props! {
            $(#[$meta])*
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct $props {
                /// The cluster the service runs in; default a cluster of the stack per VPC.
                [opt "cluster", .ty(Ref(RefClass::Cluster)), .default("`EcsDefaultClusterMnL3mNNYN<vpc>`, shared by the stack's patterns")]
                cluster: Cluster,
                /// The VPC of the created cluster; only without `cluster`.
                [opt "vpc", .ty(Ref(RefClass::Vpc)), .default("the created cluster's own VPC")]
                vpc: Vpc,
                /// The image the container runs.
                [opt "image"]
                image: ContainerImage,
                /// The container's name.
                [into "containerName", .default("`QueueProcessingContainer`")]
                container_name: String,
                /// The command the container runs.
                [list_into "command"]
                command: String,
                /// Environment variables of the container; `QUEUE_NAME` is added.
                [field_list "environment", .ty(EnvironmentValues)]
                environment: (String, Value),
                /// Secrets exposed to the container as environment variables.
                [field_list "secrets", .ty(Environment)]
                secrets: (String, Secret),
                /// Whether the container logs through awslogs to a log group of its own.
                [opt "enableLogging", .default("true")]
                enable_logging: bool,
                /// The log driver; default awslogs with the pattern's id as stream prefix.
                [opt "logDriver"]
                log_driver: LogDriver,
                /// The task definition's family.
                [into "family"]
                family: String,
                /// A queue of your own; default `EcsProcessingQueue` with a dead-letter queue.
                [opt "queue", .ty(Ref(RefClass::Queue))]
                queue: Queue,
                /// The dead-letter queue's retention (only without `queue`).
                [into "retentionPeriod", .default("14 days")]
                retention_period: Duration,
                /// The created queue's visibility timeout (only without `queue`).
                [into "visibilityTimeout"]
                visibility_timeout: Duration,
                /// Receives before a message moves to the dead-letter queue (only without `queue`).
                [opt "maxReceiveCount", .default("3")]
                max_receive_count: u32,
                /// The tasks at the start; the scaling bounds follow from it.
                [opt "desiredTaskCount", .default("1")]
                desired_task_count: u32,
                /// The scaling minimum.
                [opt "minScalingCapacity", .default("`desired_task_count`, else 1")]
                min_scaling_capacity: u32,
                /// The scaling maximum.
                [opt "maxScalingCapacity", .default("twice `desired_task_count`, else 2")]
                max_scaling_capacity: u32,
                /// The steps of scaling on the visible messages.
                [list "scalingSteps", .ty(Objects(KindId::ScalingInterval)), .default("-1 at 0, +1 from 100, +5 from 500")]
                scaling_steps: ScalingInterval,
                /// The cooldown of the step scaling.
                [into "cooldown"]
                cooldown: Duration,
                /// Whether the CPU target tracking is left out.
                [opt "disableCpuBasedScaling", .default("false")]
                disable_cpu_based_scaling: bool,
                /// The CPU target tracking's target.
                [opt "cpuTargetUtilizationPercent", .default("50")]
                cpu_target_utilization_percent: u32,
                /// The service's name (`ServiceName`).
                [into "serviceName"]
                service_name: String,
                /// The lower limit of running tasks during a deployment, in percent.
                [opt "minHealthyPercent", .default("50")]
                min_healthy_percent: u32,
                /// The upper limit of running tasks during a deployment, in percent.
                [opt "maxHealthyPercent", .default("200")]
                max_healthy_percent: u32,
                /// Whether a failing deployment stops and, optionally, rolls back.
                [opt "circuitBreaker", .ty(Object(KindId::CircuitBreaker))]
                circuit_breaker: DeploymentCircuitBreaker,
                /// Who deploys the service.
                [opt "deploymentController", .ty(Enum(&crate::ecs::service::DeploymentControllerType::DEF)), .default("`Ecs`")]
                deployment_controller: DeploymentControllerType,
                /// Where the tasks' tags come from.
                [opt "propagateTags", .ty(Enum(&crate::ecs::service::PropagatedTagSource::DEF))]
                propagate_tags: PropagatedTagSource,
                /// Whether ECS tags the tasks.
                [opt "enableECSManagedTags", .default("false")]
                enable_ecs_managed_tags: bool,
                /// Whether ECS Exec is on.
                [opt "enableExecuteCommand", .default("false")]
                enable_execute_command: bool,
                /// Capacity provider strategies; replace the launch type.
                [list "capacityProviderStrategies", .ty(Strategies)]
                capacity_provider_strategies: crate::ecs::capacity_provider::CapacityProviderStrategy,
                $($own)*
            }
        }

        impl $props {
            /// Sets `environment`.
            pub fn environment<K: Into<String>, V: Into<Value>>(
                mut self,
                vars: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.environment
                    .extend(vars.into_iter().map(|(k, v)| (k.into(), v.into())));
                self
            }

            /// Sets `secrets`.
            pub fn secrets<K: Into<String>>(
                mut self,
                secrets: impl IntoIterator<Item = (K, Secret)>,
            ) -> Self {
                self.secrets
                    .extend(secrets.into_iter().map(|(k, v)| (k.into(), v)));
                self
            }
        }
    };
}

queue_service_props! {
    /// Properties of a [`QueueProcessingFargateService`] (CDK
    /// `QueueProcessingFargateServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::QueueProcessingFargateServiceProps::default().cpu(512);
    /// assert_eq!(p.cpu, Some(512));
    /// ```
    pub struct QueueProcessingFargateServiceProps {
        /// A task definition of your own; exclusive with `image`.
        [opt "taskDefinition", .ty(Ref(RefClass::TaskDefinition))]
        task_definition: TaskDefinition,
        /// The task's CPU units.
        [opt "cpu", .default("256")]
        cpu: u32,
        /// The task's memory in MiB.
        [opt "memoryLimitMiB", .default("512")]
        memory_limit_mib: u32,
        /// The task's ephemeral storage, 21 to 200 GiB.
        [opt "ephemeralStorageGiB"]
        ephemeral_storage_gib: u32,
        /// The CPU architecture and OS family of the tasks.
        [opt "runtimePlatform"]
        runtime_platform: RuntimePlatform,
        /// The container's health check.
        [opt "healthCheck"]
        health_check: HealthCheck,
        /// How long ECS ignores failing health checks of new tasks.
        [into "healthCheckGracePeriod"]
        health_check_grace_period: Duration,
        /// Whether the tasks get public IPs.
        [opt "assignPublicIp", .default("false")]
        assign_public_ip: bool,
        /// The Fargate platform version.
        [into "platformVersion", .default("`LATEST`")]
        platform_version: String,
        /// The tasks' security groups.
        [list "securityGroups", .ty(Refs(RefClass::SecurityGroup)), .default("a new one")]
        security_groups: SecurityGroup,
        /// The tasks' subnets.
        [into "taskSubnets", .ty(Object(KindId::SubnetSelection)), .default("the private subnets")]
        task_subnets: SubnetSelection,
    }
}

queue_service_props! {
    /// Properties of a [`QueueProcessingEc2Service`] (CDK `QueueProcessingEc2ServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::QueueProcessingEc2ServiceProps::default().memory_limit_mib(1024);
    /// assert_eq!(p.memory_limit_mib, Some(1024));
    /// ```
    pub struct QueueProcessingEc2ServiceProps {
        /// The container's CPU units.
        [opt "cpu"]
        cpu: u32,
        /// The container's hard memory limit in MiB.
        [opt "memoryLimitMiB"]
        memory_limit_mib: u32,
        /// The container's soft memory limit in MiB.
        [opt "memoryReservationMiB"]
        memory_reservation_mib: u32,
        /// The container's GPUs.
        [opt "gpuCount"]
        gpu_count: u32,
        /// Where the tasks are placed.
        [list "placementConstraints"]
        placement_constraints: PlacementConstraint,
        /// How the tasks are spread.
        [list "placementStrategies"]
        placement_strategies: PlacementStrategy,
    }
}

/// What a queue-processing pattern creates and hands back.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs_patterns::*;
/// let mut app = App::new();
/// let s = app.add_stack("Workers")?;
/// let w = QueueProcessingFargateService::new(&mut app, s, "Worker",
///     QueueProcessingFargateServiceProps::default().image(ContainerImage::from_registry("worker")))?;
/// assert!(w.dead_letter_queue.is_some());
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueProcessingService {
    /// The pattern's scope.
    pub node: NodeId,
    /// The cluster the service runs in.
    pub cluster: Cluster,
    /// The queue the tasks work off (the one given or `EcsProcessingQueue`).
    pub sqs_queue: Queue,
    /// The created `EcsProcessingDeadLetterQueue`, without `queue`.
    pub dead_letter_queue: Option<Queue>,
    /// The task definition (the one given or `QueueProcessingTaskDef`).
    pub task_definition: TaskDefinition,
    /// The service.
    pub service: Service,
}

/// Constructor of a Fargate service working off an SQS queue (CDK
/// `QueueProcessingFargateService`).
#[derive(Debug)]
pub struct QueueProcessingFargateService;

/// Constructor of an EC2 service working off an SQS queue (CDK `QueueProcessingEc2Service`).
#[derive(Debug)]
pub struct QueueProcessingEc2Service;

/// What the CDK's `QueueProcessingServiceBase` constructor decides before the task definition.
struct Base {
    node: NodeId,
    cluster: Cluster,
    queue: Queue,
    dead_letter_queue: Option<Queue>,
    container: ContainerDefinitionOptions,
    container_name: String,
    min_capacity: u32,
    max_capacity: u32,
}

/// The checks, the scope, the cluster, the queues and their outputs, and the container.
macro_rules! base {
    ($app:expr, $scope:expr, $noun:expr, $id:expr, $p:expr, $has_task_definition:expr) => {{
        let (app, p, noun, id): (&mut App, _, &str, &str) = ($app, &$p, $noun, $id);
        if !super::cluster_or_vpc(p.cluster.is_some(), p.vpc.is_some()) {
            return Err(Error::new(super::cluster_or_vpc_message(noun, id)));
        }
        if !super::task_definition_or_image($has_task_definition, p.image.is_some()) {
            return Err(Error::new(super::task_definition_or_image_message(
                noun,
                id,
                "image",
                $has_task_definition,
            )));
        }
        if p.queue.is_some()
            && (p.retention_period.is_some()
                || p.visibility_timeout.is_some()
                || p.max_receive_count.is_some())
        {
            return Err(Error::new(format!(
                "{noun} `{id}` has a `queue` of its own: set `retention_period`, `visibility_timeout` and `max_receive_count` on that queue"
            )));
        }
        let node = Construct::new(app, $scope, id)?;
        let cluster = match p.cluster {
            Some(c) => c,
            None => super::default_cluster(app, node, p.vpc)?,
        };
        let (queue, dead_letter_queue) = match p.queue {
            Some(q) => (q, None),
            None => {
                let dlq = Queue::new(
                    app,
                    node,
                    "EcsProcessingDeadLetterQueue",
                    QueueProps::default()
                        .retention_period(p.retention_period.unwrap_or(Duration::days(14))),
                )?;
                let mut props = QueueProps::default()
                    .dead_letter_queue(DeadLetterQueue::new(dlq, p.max_receive_count.unwrap_or(3)));
                if let Some(v) = p.visibility_timeout {
                    props = props.visibility_timeout(v);
                }
                let queue = Queue::new(app, node, "EcsProcessingQueue", props)?;
                let name = dlq.queue_name(app);
                CfnOutput::new(app, node, "SQSDeadLetterQueue", Output::new(name))?;
                let arn = dlq.queue_arn(app);
                CfnOutput::new(app, node, "SQSDeadLetterQueueArn", Output::new(arn))?;
                (queue, Some(dlq))
            }
        };
        // `@aws-cdk/aws-ecs:removeDefaultDesiredCount`: the bounds follow the count given, if any.
        let (min_capacity, max_capacity) = match p.desired_task_count {
            Some(d) => (
                p.min_scaling_capacity.unwrap_or(d),
                p.max_scaling_capacity.filter(|m| *m > 0).unwrap_or(2 * d),
            ),
            None => (
                p.min_scaling_capacity.unwrap_or(1),
                p.max_scaling_capacity.filter(|m| *m > 0).unwrap_or(2),
            ),
        };
        let mut environment = p.environment.clone();
        environment.push(("QUEUE_NAME".to_string(), queue.queue_name(app)));
        let mut container = ContainerDefinitionOptions::default()
            .command(p.command.clone())
            .environment(environment)
            .secrets(p.secrets.clone());
        if let Some(image) = &p.image {
            container = container.image(image.clone());
        }
        let logging = match (&p.log_driver, p.enable_logging.unwrap_or(true)) {
            (Some(d), _) => Some(d.clone()),
            (None, true) => Some(LogDriver::aws_logs(
                AwsLogDriverProps::default().stream_prefix(id),
            )),
            (None, false) => None,
        };
        if let Some(l) = logging {
            container = container.logging(l);
        }
        let outputs = (queue.queue_name(app), queue.queue_arn(app));
        CfnOutput::new(app, node, "SQSQueue", Output::new(outputs.0))?;
        CfnOutput::new(app, node, "SQSQueueArn", Output::new(outputs.1))?;
        Base {
            node,
            cluster,
            queue,
            dead_letter_queue,
            container,
            container_name: p
                .container_name
                .clone()
                .unwrap_or_else(|| "QueueProcessingContainer".to_string()),
            min_capacity,
            max_capacity,
        }
    }};
}

/// Copies the service properties both launch types share onto the service's props.
macro_rules! queue_service {
    ($p:expr, $props:expr, $cluster:expr, $task:expr) => {{
        let p = &$p;
        let mut s = $props.cluster($cluster).task_definition($task);
        if let Some(v) = &p.service_name {
            s = s.service_name(v.clone());
        }
        if let Some(v) = p.min_healthy_percent {
            s = s.min_healthy_percent(v);
        }
        if let Some(v) = p.max_healthy_percent {
            s = s.max_healthy_percent(v);
        }
        if let Some(v) = p.propagate_tags {
            s = s.propagate_tags(v);
        }
        if let Some(v) = p.enable_ecs_managed_tags {
            s = s.enable_ecs_managed_tags(v);
        }
        if let Some(v) = p.deployment_controller {
            s = s.deployment_controller(v);
        }
        if let Some(v) = &p.circuit_breaker {
            s = s.circuit_breaker(v.clone());
        }
        if let Some(v) = p.enable_execute_command {
            s = s.enable_execute_command(v);
        }
        s.capacity_provider_strategies(p.capacity_provider_strategies.clone())
    }};
}

/// The scaling on CPU and queue depth, and the task role's right to consume (CDK
/// `configureAutoscalingForService`, `grantPermissionsToService`).
#[allow(clippy::too_many_arguments)]
fn scale_and_grant(
    app: &mut App,
    service: Service,
    base: &Base,
    disable_cpu: bool,
    cpu_target: Option<u32>,
    steps: &[ScalingInterval],
    cooldown: Option<Duration>,
) -> Result<(), Error> {
    let target = service.auto_scale_task_count(
        app,
        EnableScalingProps::default()
            .min_capacity(base.min_capacity)
            .max_capacity(base.max_capacity),
    )?;
    if !disable_cpu {
        target.scale_on_cpu_utilization(
            app,
            "CpuScaling",
            CpuUtilizationScalingProps::default()
                .target_utilization_percent(cpu_target.unwrap_or(50)),
        )?;
    }
    let steps = if steps.is_empty() {
        vec![
            ScalingInterval::default().upper(0.0).change(-1.0),
            ScalingInterval::default().lower(100.0).change(1.0),
            ScalingInterval::default().lower(500.0).change(5.0),
        ]
    } else {
        steps.to_vec()
    };
    let mut props = StepScalingProps::default()
        .metric(base.queue.metric_approximate_number_of_messages_visible())
        .scaling_steps(steps);
    if let Some(c) = cooldown {
        props = props.cooldown(c);
    }
    target.scale_on_metric(app, "QueueMessagesVisibleScaling", props)?;
    let role = service.task_definition(app).task_role(app);
    base.queue.grant_consume_messages(app, role)
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl QueueProcessingFargateService {
    /// Creates the pattern `id` under `scope`: a Fargate service whose tasks read the queue
    /// (`QUEUE_NAME`), scaled on its visible messages and on CPU.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Workers")?;
    /// let w = QueueProcessingFargateService::new(&mut app, s, "Worker",
    ///     QueueProcessingFargateServiceProps::default()
    ///         .image(ContainerImage::from_registry("worker")).max_scaling_capacity(10))?;
    /// assert_eq!(app.stack(s).path(w.service.node()), "Workers/Worker/QueueProcessingFargateService");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props
    /// break one of the pattern's rules (both `cluster` and `vpc`, both or neither of
    /// `task_definition` and `image`, queue settings beside a `queue` of one's own) or a rule
    /// of what it creates.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: QueueProcessingFargateServiceProps,
    ) -> Result<QueueProcessingService, Error> {
        let scope: NodeId = scope.into();
        let base = base!(
            app,
            scope,
            "queue processing fargate service",
            id,
            props,
            props.task_definition.is_some()
        );
        let task_definition = match props.task_definition {
            Some(td) => td,
            None => {
                let mut td_props = FargateTaskDefinitionProps::default()
                    .cpu(props.cpu.unwrap_or(256))
                    .memory_limit_mib(props.memory_limit_mib.unwrap_or(512));
                if let Some(v) = props.ephemeral_storage_gib {
                    td_props = td_props.ephemeral_storage_gib(v);
                }
                if let Some(v) = &props.family {
                    td_props = td_props.family(v.clone());
                }
                if let Some(v) = props.runtime_platform {
                    td_props = td_props.runtime_platform(v);
                }
                let td =
                    FargateTaskDefinition::new(app, base.node, "QueueProcessingTaskDef", td_props)?;
                let mut c = base.container.clone();
                if let Some(h) = &props.health_check {
                    c = c.health_check(h.clone());
                }
                td.add_container(app, &base.container_name, c)?;
                td
            }
        };
        let mut s = queue_service!(
            props,
            FargateServiceProps::default(),
            base.cluster,
            task_definition
        )
        .security_groups(props.security_groups.clone());
        if let Some(v) = props.assign_public_ip {
            s = s.assign_public_ip(v);
        }
        if let Some(v) = &props.platform_version {
            s = s.platform_version(v.clone());
        }
        if let Some(v) = &props.task_subnets {
            s = s.vpc_subnets(v.clone());
        }
        if let Some(v) = props.health_check_grace_period {
            s = s.health_check_grace_period(v);
        }
        let service = crate::ecs::service::FargateService::new(
            app,
            base.node,
            "QueueProcessingFargateService",
            s,
        )?;
        scale_and_grant(
            app,
            service,
            &base,
            props.disable_cpu_based_scaling.unwrap_or(false),
            props.cpu_target_utilization_percent,
            &props.scaling_steps,
            props.cooldown,
        )?;
        Ok(QueueProcessingService {
            node: base.node,
            cluster: base.cluster,
            sqs_queue: base.queue,
            dead_letter_queue: base.dead_letter_queue,
            task_definition,
            service,
        })
    }
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl QueueProcessingEc2Service {
    /// Creates the pattern `id` under `scope`: an EC2 service whose tasks read the queue
    /// (`QUEUE_NAME`), scaled on its visible messages and on CPU. The cluster needs EC2
    /// capacity.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Workers")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.medium"))?;
    /// QueueProcessingEc2Service::new(&mut app, s, "Worker", QueueProcessingEc2ServiceProps::default()
    ///     .cluster(cluster).memory_limit_mib(512).image(ContainerImage::from_registry("worker")))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`QueueProcessingFargateService::new`]; `image` is required.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: QueueProcessingEc2ServiceProps,
    ) -> Result<QueueProcessingService, Error> {
        let scope: NodeId = scope.into();
        if props.image.is_none() {
            return Err(Error::new(format!(
                "queue processing ec2 service `{id}` needs `image`: add e.g. `image: ContainerImage::from_registry(…)`"
            )));
        }
        let base = base!(app, scope, "queue processing ec2 service", id, props, false);
        let mut td_props = Ec2TaskDefinitionProps::default();
        if let Some(v) = &props.family {
            td_props = td_props.family(v.clone());
        }
        let task_definition =
            Ec2TaskDefinition::new(app, base.node, "QueueProcessingTaskDef", td_props)?;
        let mut c = base.container.clone();
        if let Some(v) = props.memory_limit_mib {
            c = c.memory_limit_mib(v);
        }
        if let Some(v) = props.memory_reservation_mib {
            c = c.memory_reservation_mib(v);
        }
        if let Some(v) = props.cpu {
            c = c.cpu(v);
        }
        if let Some(v) = props.gpu_count {
            c = c.gpu_count(v);
        }
        task_definition.add_container(app, &base.container_name, c)?;
        let s = queue_service!(
            props,
            Ec2ServiceProps::default(),
            base.cluster,
            task_definition
        )
        .placement_constraints(props.placement_constraints.clone())
        .placement_strategies(props.placement_strategies.clone());
        let service =
            crate::ecs::service::Ec2Service::new(app, base.node, "QueueProcessingService", s)?;
        scale_and_grant(
            app,
            service,
            &base,
            props.disable_cpu_based_scaling.unwrap_or(false),
            props.cpu_target_utilization_percent,
            &props.scaling_steps,
            props.cooldown,
        )?;
        Ok(QueueProcessingService {
            node: base.node,
            cluster: base.cluster,
            sqs_queue: base.queue,
            dead_letter_queue: base.dead_letter_queue,
            task_definition,
            service,
        })
    }
}
