//! Services: `Ec2Service`, `FargateService` (CDK `base/base-service.ts`).

/// How a service launches its tasks (CloudFormation `LaunchType`).
///
/// ```
/// assert_eq!(ecs_core::service::LaunchType::Fargate.cfn_value(), "FARGATE");
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

    /// The `ecs_app!` keyword of the task definition kind this launch type runs.
    pub const fn task_definition_keyword(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "ec2_task_definition",
            LaunchType::Fargate => "fargate_task_definition",
            LaunchType::External => "external_task_definition",
        }
    }
}

use crate::app::App;
use crate::cfn::{Resource, Value};
use crate::cluster::Cluster;
use crate::construct::{NodeId, StackId};
use crate::ec2::SecurityGroup;
use crate::error::Error;
use crate::rules;
use crate::task_definition::{NetworkMode, TaskDefinition};

/// Properties shared by every service kind (CDK `BaseServiceOptions`, the part this library
/// supports).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct BaseProps {
    cluster: Option<Cluster>,
    task_definition: Option<TaskDefinition>,
    desired_count: Option<u32>,
    service_name: Option<String>,
    min_healthy_percent: Option<u32>,
    max_healthy_percent: Option<u32>,
    /// Capacity provider strategies (issue 3); replace the launch type when given.
    capacity_provider_strategies: Vec<crate::capacity_provider::CapacityProviderStrategy>,
}

macro_rules! base_setters {
    () => {
        /// Sets `cluster` (required).
        pub fn cluster(mut self, cluster: Cluster) -> Self {
            self.base.cluster = Some(cluster);
            self
        }

        /// Sets `task_definition` (required).
        pub fn task_definition(mut self, task_definition: TaskDefinition) -> Self {
            self.base.task_definition = Some(task_definition);
            self
        }

        /// Sets `desired_count`; ECS starts one task when absent.
        pub fn desired_count(mut self, n: u32) -> Self {
            self.base.desired_count = Some(n);
            self
        }

        /// Sets `service_name`.
        pub fn service_name(mut self, name: impl Into<String>) -> Self {
            self.base.service_name = Some(name.into());
            self
        }

        /// Sets `min_healthy_percent`; default 50.
        pub fn min_healthy_percent(mut self, percent: u32) -> Self {
            self.base.min_healthy_percent = Some(percent);
            self
        }

        /// Sets `max_healthy_percent`; default 200.
        pub fn max_healthy_percent(mut self, percent: u32) -> Self {
            self.base.max_healthy_percent = Some(percent);
            self
        }

        /// Sets `capacity_provider_strategies`: tasks are spread over these providers
        /// instead of launching with the service's launch type.
        pub fn capacity_provider_strategies(
            mut self,
            strategies: impl IntoIterator<Item = crate::capacity_provider::CapacityProviderStrategy>,
        ) -> Self {
            self.base.capacity_provider_strategies = strategies.into_iter().collect();
            self
        }
    };
}

/// Properties of an [`Ec2Service`].
///
/// ```
/// let props = ecs_core::service::Ec2ServiceProps::default().desired_count(2).daemon(false);
/// assert_eq!(props.desired_count_value(), Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ec2ServiceProps {
    base: BaseProps,
    daemon: bool,
}

impl Ec2ServiceProps {
    base_setters!();

    /// Sets `daemon`: one task on every instance.
    pub fn daemon(mut self, daemon: bool) -> Self {
        self.daemon = daemon;
        self
    }

    /// The desired count given, if any.
    pub fn desired_count_value(&self) -> Option<u32> {
        self.base.desired_count
    }
}

/// Properties of a [`FargateService`].
///
/// ```
/// let props = ecs_core::service::FargateServiceProps::default().assign_public_ip(true).platform_version("1.4.0");
/// assert!(props.assign_public_ip_value());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FargateServiceProps {
    base: BaseProps,
    assign_public_ip: bool,
    platform_version: Option<String>,
}

impl FargateServiceProps {
    base_setters!();

    /// Sets `assign_public_ip`: tasks get a public address and run in public subnets.
    pub fn assign_public_ip(mut self, assign: bool) -> Self {
        self.assign_public_ip = assign;
        self
    }

    /// Sets `platform_version`, e.g. `"1.4.0"` or `"LATEST"`.
    pub fn platform_version(mut self, version: impl Into<String>) -> Self {
        self.platform_version = Some(version.into());
        self
    }

    /// Whether tasks get a public IP.
    pub fn assign_public_ip_value(&self) -> bool {
        self.assign_public_ip
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ServiceData {
    pub(crate) id: String,
    pub(crate) launch_type: LaunchType,
    pub(crate) cluster: Cluster,
    pub(crate) task_definition: TaskDefinition,
    pub(crate) daemon: bool,
    pub(crate) resource: NodeId,
}

/// A service construct of any launch type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    node: NodeId,
    index: usize,
}

impl Service {
    pub(crate) fn data(self, app: &App) -> &ServiceData {
        &app.services[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [service, "Name"]}`.
    pub fn service_name(self, app: &App) -> Value {
        Value::GetAtt(app.services[self.index].resource, "Name".into())
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
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: Ec2ServiceProps,
    ) -> Result<Service, Error> {
        create(
            app,
            stack,
            id,
            LaunchType::Ec2,
            props.base,
            props.daemon,
            false,
            None,
        )
    }
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl FargateService {
    /// Creates a Fargate service with id `id` at the top of `stack`.
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: FargateServiceProps,
    ) -> Result<Service, Error> {
        create(
            app,
            stack,
            id,
            LaunchType::Fargate,
            props.base,
            false,
            props.assign_public_ip,
            props.platform_version,
        )
    }
}

// ---- external service (issue 4) ----

/// Properties of an [`ExternalService`].
///
/// ```
/// let props = ecs_core::service::ExternalServiceProps::default().desired_count(5);
/// assert_eq!(props.desired_count_value(), Some(5));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExternalServiceProps {
    base: BaseProps,
}

impl ExternalServiceProps {
    base_setters!();

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
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: ExternalServiceProps,
    ) -> Result<Service, Error> {
        create(
            app,
            stack,
            id,
            LaunchType::External,
            props.base,
            false,
            false,
            None,
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn create(
    app: &mut App,
    stack: StackId,
    id: &str,
    launch_type: LaunchType,
    base: BaseProps,
    daemon: bool,
    assign_public_ip: bool,
    platform_version: Option<String>,
) -> Result<Service, Error> {
    let kind = launch_type.lower_name();
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
    let compatibility = task_definition.compatibility(app);
    if !rules::service_compatible(launch_type, compatibility) {
        return Err(Error::new(rules::service_compatible_message(
            id,
            launch_type,
            task_definition.id(app),
            compatibility,
        )));
    }
    // Daemon services run one task per instance and replace it in place; so do External
    // services, whose instances the CDK cannot assume have room for a second copy.
    let (default_max, default_min) = if daemon || launch_type == LaunchType::External {
        (100, 0)
    } else {
        (200, 50)
    };
    let vpc = cluster.vpc(app);
    let subnets = if assign_public_ip {
        vpc.public_subnets(app)
    } else {
        vpc.private_subnets(app)
    };
    let awsvpc = task_definition.network_mode(app) == NetworkMode::AwsVpc;
    let mut resource = Resource::new("AWS::ECS::Service")
        .prop("Cluster", cluster.cluster_name(app))
        .prop(
            "DeploymentConfiguration",
            Value::map([
                (
                    "MaximumPercent",
                    Value::from(base.max_healthy_percent.unwrap_or(default_max)),
                ),
                (
                    "MinimumHealthyPercent",
                    Value::from(base.min_healthy_percent.unwrap_or(default_min)),
                ),
            ]),
        )
        .prop_opt("DesiredCount", base.desired_count)
        .prop("EnableECSManagedTags", false)
        .prop("LaunchType", launch_type.cfn_value())
        .prop("LoadBalancers", Value::List(Vec::new()))
        .prop_opt("PlatformVersion", platform_version)
        .prop_opt("ServiceName", base.service_name)
        .prop("TaskDefinition", task_definition.arn(app));
    if launch_type == LaunchType::Ec2 {
        resource.set(
            "SchedulingStrategy",
            if daemon { "DAEMON" } else { "REPLICA" },
        );
    }
    crate::capacity_provider::apply_to_service(
        app,
        id,
        launch_type,
        cluster,
        &base.capacity_provider_strategies,
        &mut resource,
    )?;
    let task_role = task_definition.task_role(app);
    let st = app.stack_mut(stack);
    let root = st.root();
    let node = st.add_node(root, id)?;
    let service = st.add_resource(node, "Service", resource)?;
    // Tasks must not start before their role exists; the CDK puts this on the whole service.
    st.add_dependency(node, task_role.node());
    if awsvpc {
        let sg = SecurityGroup::new(app, node, "SecurityGroup", vpc)?;
        let network = Value::map([(
            "AwsvpcConfiguration",
            Value::map([
                (
                    "AssignPublicIp",
                    Value::from(if assign_public_ip {
                        "ENABLED"
                    } else {
                        "DISABLED"
                    }),
                ),
                ("SecurityGroups", Value::List(vec![sg.group_id()])),
                ("Subnets", Value::List(subnets)),
            ]),
        )]);
        app.stack_mut(stack)
            .resource_mut(service)
            .set("NetworkConfiguration", network);
    }
    let index = app.services.len();
    app.services.push(ServiceData {
        id: id.to_string(),
        launch_type,
        cluster,
        task_definition,
        daemon,
        resource: service,
    });
    Ok(Service { node, index })
}

/// Synth-time rules of services (S2, S3), appended to `messages`.
pub(crate) fn validate(app: &App, messages: &mut Vec<String>) {
    for s in &app.services {
        let td = s.task_definition;
        let essential: Vec<bool> = td
            .data(app)
            .containers
            .iter()
            .map(|c| c.essential)
            .collect();
        if !rules::has_essential_container(&essential) {
            messages.push(rules::essential_container_message(td.id(app)));
        }
        if s.launch_type == LaunchType::Ec2
            && !rules::ec2_service_capacity(s.cluster.has_ec2_capacity(app), s.daemon)
        {
            messages.push(rules::ec2_service_capacity_message(
                &s.id,
                s.cluster.id(app),
            ));
        }
    }
}
