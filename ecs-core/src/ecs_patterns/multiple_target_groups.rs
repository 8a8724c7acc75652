//! `ApplicationMultipleTargetGroupsFargateService`, `ApplicationMultipleTargetGroupsEc2Service`,
//! `NetworkMultipleTargetGroupsFargateService` and `NetworkMultipleTargetGroupsEc2Service`: a
//! service behind one or more new load balancers, each with its listeners, and one target
//! group per container port (CDK `ApplicationMultipleTargetGroupsServiceBase`,
//! `NetworkMultipleTargetGroupsServiceBase` and their launch types). The four share one
//! constructor, [`build`], over the load balancers' kind and the launch type.

use super::application_load_balanced::{
    ApplicationLoadBalancedServiceRecordType, domain_record, unreachable_options,
};
use crate::cfn::duration::Duration;
use crate::cfn::{Output, Value};
use crate::construct::app::{App, Construct};
use crate::construct::{CfnOutput, NodeId};
use crate::ec2::Vpc;
use crate::ecs::cloud_map::CloudMapOptions;
use crate::ecs::cluster::Cluster;
use crate::ecs::container::{ContainerDefinitionOptions, PortMapping, Protocol};
use crate::ecs::image::ContainerImage;
use crate::ecs::load_balancing::LoadBalancerTargetOptions;
use crate::ecs::log_driver::{AwsLogDriverProps, LogDriver};
use crate::ecs::secret::Secret;
use crate::ecs::service::{
    DeploymentCircuitBreaker, Ec2ServiceProps, FargateServiceProps, PlacementConstraint,
    PlacementStrategy, PropagatedTagSource, Service,
};
use crate::ecs::task_definition::{
    Ec2TaskDefinition, Ec2TaskDefinitionProps, FargateTaskDefinition, FargateTaskDefinitionProps,
    RuntimePlatform, TaskDefinition,
};
use crate::elbv2::{
    AddTargetsProps, ApplicationLoadBalancer, Listener, ListenerCertificate, ListenerCondition,
    ListenerProps, ListenerProtocol, LoadBalancer, LoadBalancerProps, NetworkLoadBalancer,
    TargetGroup,
};
use crate::error::Error;
use crate::iam::Role;
use crate::route53::HostedZone;

props! {
    /// The container a multiple-target-groups pattern creates when it is given no task
    /// definition (CDK `ApplicationLoadBalancedTaskImageProps`, and
    /// `NetworkLoadBalancedTaskImageProps` with the same properties).
    ///
    /// ```
    /// use ecs_core::{ecs::image::ContainerImage, ecs_patterns::ApplicationLoadBalancedTaskImageProps};
    /// let o = ApplicationLoadBalancedTaskImageProps::default()
    ///     .image(ContainerImage::from_registry("nginx")).container_ports([80, 8080]);
    /// assert_eq!(o.container_ports, [80, 8080]);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ApplicationLoadBalancedTaskImageProps {
        /// The image the container runs (required).
        [opt "image", .required()]
        image: ContainerImage,
        /// Environment variables of the container.
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
        /// The role ECS assumes to pull the image and write logs: a `role` or `imported_role`.
        [opt "executionRole", .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        execution_role: Role,
        /// The role the container assumes: a `role` or `imported_role`.
        [opt "taskRole", .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        task_role: Role,
        /// The container's name.
        [into "containerName", .default("`web`")]
        container_name: String,
        /// The ports the container listens on, mapped in this order before the target groups'.
        [list "containerPorts", .default("`[80]` when no target group maps a port")]
        container_ports: u32,
        /// The task definition's family.
        [into "family", .default("the task definition's unique id")]
        family: String,
        /// Docker labels of the container.
        [field_list "dockerLabels", .ty(Environment)]
        docker_labels: (String, String),
    }
}

/// The network patterns' container options: the same properties as the application ones'
/// (CDK `NetworkLoadBalancedTaskImageProps`).
pub type NetworkLoadBalancedTaskImageProps = ApplicationLoadBalancedTaskImageProps;

impl ApplicationLoadBalancedTaskImageProps {
    map_setters!();

    /// The container options the pattern adds: its environment and logging, and the mappings
    /// of `container_ports`.
    fn container(&self, pattern_id: &str) -> ContainerDefinitionOptions {
        let mut c = ContainerDefinitionOptions::default()
            .environment(self.environment.clone())
            .secrets(self.secrets.clone())
            .docker_labels(self.docker_labels.clone())
            .port_mappings(
                self.container_ports
                    .iter()
                    .map(|p| PortMapping::default().container_port(*p)),
            );
        if let Some(image) = &self.image {
            c = c.image(image.clone());
        }
        let logging = match (&self.log_driver, self.enable_logging.unwrap_or(true)) {
            (Some(driver), _) => Some(driver.clone()),
            (None, true) => Some(LogDriver::aws_logs(
                AwsLogDriverProps::default().stream_prefix(pattern_id),
            )),
            (None, false) => None,
        };
        if let Some(logging) = logging {
            c = c.logging(logging);
        }
        c
    }
}

props! {
    /// A listener of an application load balancer of a multiple-target-groups pattern (CDK
    /// `ApplicationListenerProps`).
    ///
    /// ```
    /// use ecs_core::{elbv2::ListenerProtocol, ecs_patterns::ApplicationListenerProps};
    /// let l = ApplicationListenerProps::new("api").protocol(ListenerProtocol::Https);
    /// assert_eq!(l.name, "api");
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ApplicationListenerProps {
        /// The listener's id, which target groups name in `listener` (required).
        [val_into "name", .ty(Name), .required()]
        name: String,
        /// The protocol clients speak to the listener.
        [opt "protocol", .ty(Enum(&crate::elbv2::ListenerProtocol::DEF)), .default("`Https` with a certificate, else `Http`")]
        protocol: ListenerProtocol,
        /// The port the listener accepts connections on.
        [opt "port", .default("443 for HTTPS, 80 for HTTP")]
        port: u32,
        /// The HTTPS listener's certificate; HTTPS also needs the load balancer's
        /// `domain_name` and `domain_zone`.
        [opt "certificate"]
        certificate: ListenerCertificate,
        /// The HTTPS listener's TLS policy (`SslPolicy`), e.g. `SslPolicy::TLS12_EXT`.
        [into "sslPolicy"]
        ssl_policy: String,
    }
}

props! {
    /// An application load balancer of a multiple-target-groups pattern and its listeners (CDK
    /// `ApplicationLoadBalancerProps`).
    ///
    /// ```
    /// use ecs_core::ecs_patterns::{ApplicationListenerProps, ApplicationLoadBalancerProps};
    /// let lb = ApplicationLoadBalancerProps::new("lb").listeners([ApplicationListenerProps::new("web")]);
    /// assert_eq!(lb.listeners.len(), 1);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ApplicationLoadBalancerProps {
        /// The load balancer's id and `Name` (required).
        [val_into "name", .ty(Name), .required()]
        name: String,
        /// Its listeners, at least one (required).
        [list "listeners", .ty(Objects(KindId::MtgApplicationListener)), .required()]
        listeners: ApplicationListenerProps,
        /// Whether the load balancer is internet-facing.
        [opt "publicLoadBalancer", .default("true")]
        public_load_balancer: bool,
        /// The domain name of an `A` alias record to the load balancer in `domain_zone`.
        [into "domainName"]
        domain_name: String,
        /// The hosted zone of `domain_name`.
        [into "domainZone"]
        domain_zone: HostedZone,
        /// The load balancer's idle timeout, 1 to 4000 seconds.
        [into "idleTimeout", .default("60 seconds")]
        idle_timeout: Duration,
    }
}

props! {
    /// A target group of an application multiple-target-groups pattern: one container port of
    /// the service behind a listener, by default or by a rule (CDK `ApplicationTargetProps`).
    ///
    /// ```
    /// let t = ecs_core::ecs_patterns::ApplicationTargetProps::new(90).path_pattern("/api/*").priority(10);
    /// assert_eq!(t.container_port, 90);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ApplicationTargetProps {
        /// The container port the group sends traffic to; mapped when the container lacks it
        /// (required).
        [val "containerPort", .required()]
        container_port: u32,
        /// The protocol of the port's mapping.
        [opt "protocol", .ty(Enum(&crate::ecs::container::Protocol::DEF)), .default("`Tcp`")]
        protocol: Protocol,
        /// The `name` of the listener the group is added to.
        [into "listener", .ty(Name), .default("the first listener")]
        listener: String,
        /// The priority of the listener rule; needs `host_header` or `path_pattern`, and they
        /// need it.
        [opt "priority", .default("none: the group is the listener's default")]
        priority: u32,
        /// The host the rule matches.
        [into "hostHeader"]
        host_header: String,
        /// The path pattern the rule matches.
        [into "pathPattern"]
        path_pattern: String,
    }
}

props! {
    /// A listener of a network load balancer of a multiple-target-groups pattern (CDK
    /// `NetworkListenerProps`).
    ///
    /// ```
    /// let l = ecs_core::ecs_patterns::NetworkListenerProps::new("tcp").port(8080);
    /// assert_eq!(l.port, Some(8080));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct NetworkListenerProps {
        /// The listener's id, which target groups name in `listener` (required).
        [val_into "name", .ty(Name), .required()]
        name: String,
        /// The port the listener accepts connections on.
        [opt "port", .default("80")]
        port: u32,
    }
}

props! {
    /// A network load balancer of a multiple-target-groups pattern and its listeners (CDK
    /// `NetworkLoadBalancerProps`).
    ///
    /// ```
    /// use ecs_core::ecs_patterns::{NetworkListenerProps, NetworkLoadBalancerProps};
    /// let lb = NetworkLoadBalancerProps::new("lb").listeners([NetworkListenerProps::new("tcp")]);
    /// assert_eq!(lb.name, "lb");
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct NetworkLoadBalancerProps {
        /// The load balancer's id (required).
        [val_into "name", .ty(Name), .required()]
        name: String,
        /// Its listeners, at least one (required).
        [list "listeners", .ty(Objects(KindId::MtgNetworkListener)), .required()]
        listeners: NetworkListenerProps,
        /// Whether the load balancer is internet-facing.
        [opt "publicLoadBalancer", .default("true")]
        public_load_balancer: bool,
        /// The domain name of an `A` alias record to the load balancer in `domain_zone`.
        [into "domainName"]
        domain_name: String,
        /// The hosted zone of `domain_name`.
        [into "domainZone"]
        domain_zone: HostedZone,
    }
}

props! {
    /// A target group of a network multiple-target-groups pattern: one container port of the
    /// service behind a listener (CDK `NetworkTargetProps`).
    ///
    /// ```
    /// let t = ecs_core::ecs_patterns::NetworkTargetProps::new(90).listener("tcp");
    /// assert_eq!(t.listener.as_deref(), Some("tcp"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct NetworkTargetProps {
        /// The container port the group sends traffic to, also the group's port; mapped when
        /// the container lacks it (required).
        [val "containerPort", .required()]
        container_port: u32,
        /// The `name` of the listener the group is added to.
        [into "listener", .ty(Name), .default("the first listener")]
        listener: String,
    }
}

/// `new(name)` of the props whose name is required.
macro_rules! named {
    ($($ty:ident),*) => {$(
        impl $ty {
            #[doc = concat!("`", stringify!($ty), "` named `name`.")]
            ///
            /// ```
            #[doc = concat!("let p = ecs_core::ecs_patterns::", stringify!($ty), "::new(\"web\");")]
            /// assert_eq!(p.name, "web");
            /// ```
            pub fn new(name: impl Into<String>) -> Self {
                Self::default().name(name)
            }
        }
    )*};
}
named!(
    ApplicationListenerProps,
    ApplicationLoadBalancerProps,
    NetworkListenerProps,
    NetworkLoadBalancerProps
);

impl ApplicationTargetProps {
    /// A target group for `container_port`.
    ///
    /// ```
    /// let t = ecs_core::ecs_patterns::ApplicationTargetProps::new(8080);
    /// assert_eq!((t.container_port, t.priority), (8080, None));
    /// ```
    pub fn new(container_port: u32) -> Self {
        Self::default().container_port(container_port)
    }
}

impl NetworkTargetProps {
    /// A target group for `container_port`.
    ///
    /// ```
    /// let t = ecs_core::ecs_patterns::NetworkTargetProps::new(7000);
    /// assert_eq!(t.container_port, 7000);
    /// ```
    pub fn new(container_port: u32) -> Self {
        Self::default().container_port(container_port)
    }
}

/// Declares the props of one pattern: the properties every multiple-target-groups service
/// shares (CDK `ApplicationMultipleTargetGroupsServiceBaseProps`,
/// `NetworkMultipleTargetGroupsServiceBaseProps`), its load balancers and target groups, and
/// then its launch type's.
macro_rules! mtg_service_props {
    (
        $(#[$meta:meta])*
        pub struct $props:ident {
            [$lb:ty, $lb_kind:ident, $target:ty, $target_kind:ident, $image_kind:ident]
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
                /// The container to create; exclusive with `task_definition`.
                [opt "taskImageOptions", .ty(Object(KindId::$image_kind))]
                task_image_options: ApplicationLoadBalancedTaskImageProps,
                /// A task definition of your own; exclusive with `task_image_options`. Its
                /// first essential container is the one the target groups reach.
                [opt "taskDefinition", .ty(Ref(RefClass::TaskDefinition))]
                task_definition: TaskDefinition,
                /// How many tasks run (`DesiredCount`); at least 1.
                [opt "desiredCount", .default("none: ECS keeps the current count (1 at creation)")]
                desired_count: u32,
                /// How long ECS ignores failing load-balancer health checks of new tasks.
                [into "healthCheckGracePeriod", .default("60 seconds")]
                health_check_grace_period: Duration,
                /// The service's name (`ServiceName`).
                [into "serviceName"]
                service_name: String,
                /// The load balancers to create, each with its listeners.
                [list "loadBalancers", .ty(Objects(KindId::$lb_kind)), .default("`LB` with the listener `PublicListener` on port 80")]
                load_balancers: $lb,
                /// Where the tasks' tags come from.
                [opt "propagateTags", .ty(Enum(&crate::ecs::service::PropagatedTagSource::DEF))]
                propagate_tags: PropagatedTagSource,
                /// Whether ECS tags the tasks.
                [opt "enableECSManagedTags", .default("false")]
                enable_ecs_managed_tags: bool,
                /// The Cloud Map service the tasks register with.
                [opt "cloudMapOptions", .ty(Object(KindId::CloudMapOptions))]
                cloud_map_options: CloudMapOptions,
                /// The target groups, one per container port and listener.
                [list "targetGroups", .ty(Objects(KindId::$target_kind)), .default("`ECS` on the first listener, for the container's first port")]
                target_groups: $target,
                /// Whether ECS Exec is on.
                [opt "enableExecuteCommand", .default("false")]
                enable_execute_command: bool,
                $($own)*
            }
        }
    };
}

/// The Fargate properties every multiple-target-groups pattern takes (CDK
/// `FargateServiceBaseProps`), after its own.
macro_rules! mtg_fargate_props {
    (
        $(#[$meta:meta])*
        pub struct $props:ident {
            [$($kinds:tt)*]
            $($own:tt)*
        }
    ) => {
        mtg_service_props! {
            $(#[$meta])*
            pub struct $props {
                [$($kinds)*]
                /// The task's CPU units, in a pair with `memory_limit_mib` Fargate offers.
                [opt "cpu", .default("256")]
                cpu: u32,
                /// The task's memory in MiB.
                [opt "memoryLimitMiB", .default("512")]
                memory_limit_mib: u32,
                /// The task's ephemeral storage, 21 to 200 GiB.
                [opt "ephemeralStorageGiB"]
                ephemeral_storage_gib: u32,
                /// The Fargate platform version.
                [into "platformVersion", .default("`LATEST`")]
                platform_version: String,
                /// The CPU architecture and OS family of the tasks.
                [opt "runtimePlatform"]
                runtime_platform: RuntimePlatform,
                $($own)*
            }
        }
    };
}

/// The EC2 properties of the multiple-target-groups patterns (CDK
/// `ApplicationMultipleTargetGroupsEc2ServiceProps`, `NetworkMultipleTargetGroupsEc2ServiceProps`).
macro_rules! mtg_ec2_props {
    (
        $(#[$meta:meta])*
        pub struct $props:ident {
            [$($kinds:tt)*]
        }
    ) => {
        mtg_service_props! {
            $(#[$meta])*
            pub struct $props {
                [$($kinds)*]
                /// The container's CPU units.
                [opt "cpu"]
                cpu: u32,
                /// The container's hard memory limit in MiB.
                [opt "memoryLimitMiB"]
                memory_limit_mib: u32,
                /// The container's soft memory limit in MiB.
                [opt "memoryReservationMiB"]
                memory_reservation_mib: u32,
                /// Where the tasks are placed.
                [list "placementConstraints"]
                placement_constraints: PlacementConstraint,
                /// How the tasks are spread.
                [list "placementStrategies"]
                placement_strategies: PlacementStrategy,
            }
        }
    };
}

mtg_fargate_props! {
    /// Properties of an [`ApplicationMultipleTargetGroupsFargateService`] (CDK
    /// `ApplicationMultipleTargetGroupsFargateServiceProps`).
    ///
    /// ```
    /// use ecs_core::ecs_patterns::*;
    /// let p = ApplicationMultipleTargetGroupsFargateServiceProps::default()
    ///     .target_groups([ApplicationTargetProps::new(80), ApplicationTargetProps::new(90)]);
    /// assert_eq!(p.target_groups.len(), 2);
    /// ```
    pub struct ApplicationMultipleTargetGroupsFargateServiceProps {
        [ApplicationLoadBalancerProps, MtgApplicationLoadBalancer, ApplicationTargetProps, MtgApplicationTarget, MtgApplicationTaskImageProps]
        /// Whether a failing deployment stops and, optionally, rolls back; as in the CDK, this
        /// pattern takes it and does not apply it.
        [opt "circuitBreaker", .ty(Object(KindId::CircuitBreaker)), .default("none; not applied")]
        circuit_breaker: DeploymentCircuitBreaker,
        /// Whether the tasks get public IPs; as in the CDK, this pattern takes it and does not
        /// apply it (`AssignPublicIp` stays `DISABLED`).
        [opt "assignPublicIp", .default("false; not applied")]
        assign_public_ip: bool,
    }
}

mtg_ec2_props! {
    /// Properties of an [`ApplicationMultipleTargetGroupsEc2Service`] (CDK
    /// `ApplicationMultipleTargetGroupsEc2ServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::ApplicationMultipleTargetGroupsEc2ServiceProps::default().memory_limit_mib(256);
    /// assert_eq!(p.memory_limit_mib, Some(256));
    /// ```
    pub struct ApplicationMultipleTargetGroupsEc2ServiceProps {
        [ApplicationLoadBalancerProps, MtgApplicationLoadBalancer, ApplicationTargetProps, MtgApplicationTarget, MtgApplicationTaskImageProps]
    }
}

mtg_fargate_props! {
    /// Properties of a [`NetworkMultipleTargetGroupsFargateService`] (CDK
    /// `NetworkMultipleTargetGroupsFargateServiceProps`).
    ///
    /// ```
    /// use ecs_core::ecs_patterns::*;
    /// let p = NetworkMultipleTargetGroupsFargateServiceProps::default().min_healthy_percent(100);
    /// assert_eq!(p.min_healthy_percent, Some(100));
    /// ```
    pub struct NetworkMultipleTargetGroupsFargateServiceProps {
        [NetworkLoadBalancerProps, MtgNetworkLoadBalancer, NetworkTargetProps, MtgNetworkTarget, MtgNetworkTaskImageProps]
        /// Whether a failing deployment stops and, optionally, rolls back.
        [opt "circuitBreaker", .ty(Object(KindId::CircuitBreaker))]
        circuit_breaker: DeploymentCircuitBreaker,
        /// Whether the tasks get public IPs; as in the CDK, this pattern takes it and does not
        /// apply it (`AssignPublicIp` stays `DISABLED`).
        [opt "assignPublicIp", .default("false; not applied")]
        assign_public_ip: bool,
        /// The lower limit of running tasks during a deployment, in percent.
        [opt "minHealthyPercent", .default("50")]
        min_healthy_percent: u32,
        /// The upper limit of running tasks during a deployment, in percent.
        [opt "maxHealthyPercent", .default("200")]
        max_healthy_percent: u32,
    }
}

mtg_ec2_props! {
    /// Properties of a [`NetworkMultipleTargetGroupsEc2Service`] (CDK
    /// `NetworkMultipleTargetGroupsEc2ServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::NetworkMultipleTargetGroupsEc2ServiceProps::default().cpu(256);
    /// assert_eq!(p.cpu, Some(256));
    /// ```
    pub struct NetworkMultipleTargetGroupsEc2ServiceProps {
        [NetworkLoadBalancerProps, MtgNetworkLoadBalancer, NetworkTargetProps, MtgNetworkTarget, MtgNetworkTaskImageProps]
    }
}

/// What every multiple-target-groups pattern creates and hands back: each part can be
/// configured further with its own builder methods.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs_patterns::*;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let web = ApplicationMultipleTargetGroupsFargateService::new(&mut app, s, "Web",
///     ApplicationMultipleTargetGroupsFargateServiceProps::default()
///         .task_image_options(ApplicationLoadBalancedTaskImageProps::default()
///             .image(ContainerImage::from_registry("nginx")))
///         .target_groups([ApplicationTargetProps::new(80),
///             ApplicationTargetProps::new(90).path_pattern("/api/*").priority(10)]))?;
/// assert_eq!(web.target_groups.len(), 2);
/// assert_eq!(app.stack(s).path(web.listener.node()), "Web/Web/LB/PublicListener");
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultipleTargetGroupsService {
    /// The pattern's scope.
    pub node: NodeId,
    /// The cluster the service runs in (the one given or the stack's default one).
    pub cluster: Cluster,
    /// The first load balancer (CDK `loadBalancer`).
    pub load_balancer: LoadBalancer,
    /// Every load balancer, in the order of `load_balancers` (or `LB` alone).
    pub load_balancers: Vec<LoadBalancer>,
    /// The first listener (CDK `listener`).
    pub listener: Listener,
    /// Every listener, load balancer by load balancer.
    pub listeners: Vec<Listener>,
    /// The first target group (CDK `targetGroup`).
    pub target_group: TargetGroup,
    /// Every target group, in the order of `target_groups` (or `ECS` alone).
    pub target_groups: Vec<TargetGroup>,
    /// The task definition (the one given or `TaskDef`).
    pub task_definition: TaskDefinition,
    /// The service `Service`.
    pub service: Service,
}

/// Constructor of a Fargate service behind new application load balancers, a target group
/// per container port (CDK `ApplicationMultipleTargetGroupsFargateService`).
#[derive(Debug)]
pub struct ApplicationMultipleTargetGroupsFargateService;

/// Constructor of an EC2 service behind new application load balancers, a target group per
/// container port (CDK `ApplicationMultipleTargetGroupsEc2Service`).
#[derive(Debug)]
pub struct ApplicationMultipleTargetGroupsEc2Service;

/// Constructor of a Fargate service behind new network load balancers, a target group per
/// container port (CDK `NetworkMultipleTargetGroupsFargateService`).
#[derive(Debug)]
pub struct NetworkMultipleTargetGroupsFargateService;

/// Constructor of an EC2 service behind new network load balancers, a target group per
/// container port (CDK `NetworkMultipleTargetGroupsEc2Service`).
#[derive(Debug)]
pub struct NetworkMultipleTargetGroupsEc2Service;

/// Whether a pattern's `load_balancers`, given, has one at least and each of them a listener
/// (CDK: "At least one load balancer must be specified", "At least one listener must be
/// specified"); `listener_counts` has one count per load balancer.
///
/// ```
/// use ecs_core::ecs_patterns::load_balancers_have_listeners;
/// assert!(load_balancers_have_listeners(None));
/// assert!(!load_balancers_have_listeners(Some(&[])));
/// assert!(!load_balancers_have_listeners(Some(&[1, 0])));
/// ```
pub fn load_balancers_have_listeners(listener_counts: Option<&[usize]>) -> bool {
    listener_counts.is_none_or(|counts| !counts.is_empty() && counts.iter().all(|c| *c > 0))
}

/// The message of [`load_balancers_have_listeners`] for pattern `id` of kind `noun`: `lb` names
/// the load balancer without listeners, none when the list is empty.
///
/// ```
/// let m = ecs_core::ecs_patterns::load_balancers_have_listeners_message("application multiple target groups fargate service", "Web", Some("lb"));
/// assert!(m.contains("add `listeners: [{ name: … }]`"));
/// ```
pub fn load_balancers_have_listeners_message(noun: &str, id: &str, lb: Option<&str>) -> String {
    match lb {
        Some(lb) => format!(
            "{noun} `{id}` has load balancer `{lb}` without listeners: add `listeners: [{{ name: … }}]` to it"
        ),
        None => format!(
            "{noun} `{id}` has an empty `load_balancers`: add a load balancer `{{ name: …, listeners: [{{ name: … }}] }}` or leave `load_balancers` out for the default one"
        ),
    }
}

/// Whether the listener a target group names, if any, is one of the pattern's `listeners`
/// (CDK: "Listener … is not defined"). Without `load_balancers` the one listener is
/// `PublicListener`.
///
/// ```
/// use ecs_core::ecs_patterns::target_listener_defined;
/// assert!(target_listener_defined(&["web"], Some("web")));
/// assert!(target_listener_defined(&["web"], None));
/// assert!(!target_listener_defined(&["web"], Some("api")));
/// ```
pub fn target_listener_defined(listeners: &[&str], listener: Option<&str>) -> bool {
    listener.is_none_or(|l| listeners.contains(&l))
}

/// The message of [`target_listener_defined`].
///
/// ```
/// let m = ecs_core::ecs_patterns::target_listener_defined_message("network multiple target groups ec2 service", "Web", "api", &["web"]);
/// assert!(m.ends_with("use one of `web`"));
/// ```
pub fn target_listener_defined_message(
    noun: &str,
    id: &str,
    listener: &str,
    listeners: &[&str],
) -> String {
    let names: Vec<String> = listeners.iter().map(|l| format!("`{l}`")).collect();
    format!(
        "{noun} `{id}` has a target group on listener `{listener}`, which none of its load balancers has: use one of {}",
        names.join(", ")
    )
}

/// Whether an application target group's rule is complete: a `priority` with a condition
/// (`host_header`, `path_pattern`), or neither (CDK `addTargets`: "Setting 'conditions' without
/// 'priority'", "Setting 'priority' without 'conditions'").
///
/// ```
/// use ecs_core::ecs_patterns::target_rule_complete;
/// assert!(target_rule_complete(true, true));
/// assert!(target_rule_complete(false, false));
/// assert!(!target_rule_complete(false, true));
/// ```
pub const fn target_rule_complete(priority: bool, condition: bool) -> bool {
    priority == condition
}

/// The message of [`target_rule_complete`] for the target group of `port`.
///
/// ```
/// let m = ecs_core::ecs_patterns::target_rule_complete_message("application multiple target groups fargate service", "Web", 90, true);
/// assert!(m.contains("add `priority: …`"));
/// ```
pub fn target_rule_complete_message(noun: &str, id: &str, port: u32, condition: bool) -> String {
    if condition {
        format!(
            "{noun} `{id}` has a target group for port {port} with a `path_pattern` or `host_header` and no `priority`: add `priority: …`, unique per listener"
        )
    } else {
        format!(
            "{noun} `{id}` has a target group for port {port} with a `priority` and no condition: add `path_pattern: …` or `host_header: …`, or remove `priority`"
        )
    }
}

/// Whether an application listener's `certificate` goes with its protocol: a certificate needs
/// HTTPS (CDK: "The HTTPS protocol must be used when a certificate is given").
///
/// ```
/// use ecs_core::{elbv2::ListenerProtocol, ecs_patterns::listener_certificate_protocol};
/// assert!(listener_certificate_protocol(true, None));
/// assert!(!listener_certificate_protocol(true, Some(ListenerProtocol::Http)));
/// ```
pub fn listener_certificate_protocol(
    certificate: bool,
    protocol: Option<ListenerProtocol>,
) -> bool {
    !certificate || protocol.is_none_or(|p| p == ListenerProtocol::Https)
}

/// The message of [`listener_certificate_protocol`].
///
/// ```
/// use ecs_core::elbv2::ListenerProtocol;
/// let m = ecs_core::ecs_patterns::listener_certificate_protocol_message("application multiple target groups fargate service", "Web", "api", ListenerProtocol::Http);
/// assert!(m.ends_with("use `protocol: Https` or remove `certificate`"));
/// ```
pub fn listener_certificate_protocol_message(
    noun: &str,
    id: &str,
    listener: &str,
    protocol: ListenerProtocol,
) -> String {
    format!(
        "{noun} `{id}` has listener `{listener}` with a `certificate` and `protocol: {protocol:?}`: use `protocol: Https` or remove `certificate`"
    )
}

/// Whether a load balancer's idle timeout, in seconds, is one the load balancer takes: 1 to
/// 4000 (CDK: "Load balancer idle timeout must be between 1 and 4000 seconds").
///
/// ```
/// assert!(ecs_core::ecs_patterns::idle_timeout_in_range(400));
/// assert!(!ecs_core::ecs_patterns::idle_timeout_in_range(4001));
/// ```
pub const fn idle_timeout_in_range(seconds: u64) -> bool {
    seconds >= 1 && seconds <= 4000
}

/// The message of [`idle_timeout_in_range`].
///
/// ```
/// let m = ecs_core::ecs_patterns::idle_timeout_in_range_message("application multiple target groups fargate service", "Web", "lb", 0);
/// assert!(m.ends_with("use 1 to 4000 seconds"));
/// ```
pub fn idle_timeout_in_range_message(noun: &str, id: &str, lb: &str, seconds: u64) -> String {
    format!(
        "{noun} `{id}` has load balancer `{lb}` with an `idle_timeout` of {seconds} seconds: use 1 to 4000 seconds"
    )
}

/// The load balancers and target groups of one pattern, of either kind.
enum Balancers<'a> {
    Application(
        &'a [ApplicationLoadBalancerProps],
        &'a [ApplicationTargetProps],
    ),
    Network(&'a [NetworkLoadBalancerProps], &'a [NetworkTargetProps]),
}

/// One target group to create, whatever the kind.
struct TargetSpec<'a> {
    container_port: u32,
    protocol: Protocol,
    listener: Option<&'a str>,
    add: AddTargetsProps,
}

impl Balancers<'_> {
    fn targets(&self) -> Vec<TargetSpec<'_>> {
        match self {
            Balancers::Application(_, targets) => targets
                .iter()
                .map(|t| {
                    let mut conditions = Vec::new();
                    if let Some(h) = &t.host_header {
                        conditions.push(ListenerCondition::host_headers([h.clone()]));
                    }
                    if let Some(p) = &t.path_pattern {
                        conditions.push(ListenerCondition::path_patterns([p.clone()]));
                    }
                    // The application groups listen on port 80, whatever the container's.
                    let mut add = AddTargetsProps::default().port(80).conditions(conditions);
                    if let Some(p) = t.priority {
                        add = add.priority(p);
                    }
                    TargetSpec {
                        container_port: t.container_port,
                        protocol: t.protocol.unwrap_or_default(),
                        listener: t.listener.as_deref(),
                        add,
                    }
                })
                .collect(),
            Balancers::Network(_, targets) => targets
                .iter()
                .map(|t| TargetSpec {
                    container_port: t.container_port,
                    protocol: Protocol::Tcp,
                    listener: t.listener.as_deref(),
                    add: AddTargetsProps::default().port(t.container_port),
                })
                .collect(),
        }
    }

    fn listener_names(&self) -> Vec<&str> {
        match self {
            Balancers::Application([], _) | Balancers::Network([], _) => vec!["PublicListener"],
            Balancers::Application(lbs, _) => lbs
                .iter()
                .flat_map(|lb| lb.listeners.iter().map(|l| l.name.as_str()))
                .collect(),
            Balancers::Network(lbs, _) => lbs
                .iter()
                .flat_map(|lb| lb.listeners.iter().map(|l| l.name.as_str()))
                .collect(),
        }
    }
}

/// The launch-type part of a pattern.
enum Launch<'a> {
    Fargate {
        cpu: Option<u32>,
        memory_limit_mib: Option<u32>,
        ephemeral_storage_gib: Option<u32>,
        platform_version: Option<&'a String>,
        runtime_platform: Option<RuntimePlatform>,
        /// Only the network pattern applies these.
        deployment: Option<(
            Option<u32>,
            Option<u32>,
            Option<&'a DeploymentCircuitBreaker>,
        )>,
    },
    Ec2 {
        cpu: Option<u32>,
        memory_limit_mib: Option<u32>,
        memory_reservation_mib: Option<u32>,
        placement_constraints: &'a [PlacementConstraint],
        placement_strategies: &'a [PlacementStrategy],
    },
}

/// The launch-independent props, taken out of any of the four props types.
struct Common<'a> {
    noun: &'static str,
    cluster: Option<Cluster>,
    vpc: Option<Vpc>,
    task_image_options: Option<&'a ApplicationLoadBalancedTaskImageProps>,
    task_definition: Option<TaskDefinition>,
    desired_count: Option<u32>,
    health_check_grace_period: Option<Duration>,
    service_name: Option<&'a String>,
    propagate_tags: Option<PropagatedTagSource>,
    enable_ecs_managed_tags: Option<bool>,
    cloud_map_options: Option<&'a CloudMapOptions>,
    enable_execute_command: Option<bool>,
}

macro_rules! common_of {
    ($noun:literal, $p:expr) => {
        Common {
            noun: $noun,
            cluster: $p.cluster,
            vpc: $p.vpc,
            task_image_options: $p.task_image_options.as_ref(),
            task_definition: $p.task_definition,
            desired_count: $p.desired_count,
            health_check_grace_period: $p.health_check_grace_period,
            service_name: $p.service_name.as_ref(),
            propagate_tags: $p.propagate_tags,
            enable_ecs_managed_tags: $p.enable_ecs_managed_tags,
            cloud_map_options: $p.cloud_map_options.as_ref(),
            enable_execute_command: $p.enable_execute_command,
        }
    };
}

/// The patterns' own checks, before anything is created (CDK `validateInput`,
/// `validateLbProps`, `findListener` and the listeners' certificate check).
fn check(common: &Common, id: &str, balancers: &Balancers) -> Result<(), Error> {
    let noun = common.noun;
    let owner = format!("{noun} `{id}`");
    if !super::cluster_or_vpc(common.cluster.is_some(), common.vpc.is_some()) {
        return Err(Error::new(super::cluster_or_vpc_message(noun, id)));
    }
    let (task, image) = (
        common.task_definition.is_some(),
        common.task_image_options.is_some(),
    );
    if !super::task_definition_or_image(task, image) {
        return Err(Error::new(super::task_definition_or_image_message(
            noun,
            id,
            "task_image_options",
            task,
        )));
    }
    if common.desired_count == Some(0) {
        return Err(Error::new(format!(
            "{owner} cannot have `desired_count: 0`: use 1 or more"
        )));
    }
    // (name, listener count) of each load balancer given, none for the default one.
    let lbs: Option<Vec<(&str, usize)>> = match balancers {
        Balancers::Application([], _) | Balancers::Network([], _) => None,
        Balancers::Application(lbs, _) => Some(
            lbs.iter()
                .map(|lb| (lb.name.as_str(), lb.listeners.len()))
                .collect(),
        ),
        Balancers::Network(lbs, _) => Some(
            lbs.iter()
                .map(|lb| (lb.name.as_str(), lb.listeners.len()))
                .collect(),
        ),
    };
    if let Some(lbs) = &lbs {
        let counts: Vec<usize> = lbs.iter().map(|(_, c)| *c).collect();
        if !load_balancers_have_listeners(Some(&counts)) {
            let lb = lbs.iter().find(|(_, c)| *c == 0).map(|(n, _)| *n);
            return Err(Error::new(load_balancers_have_listeners_message(
                noun, id, lb,
            )));
        }
    }
    if let Balancers::Application(lbs, targets) = balancers {
        for lb in *lbs {
            if let Some(t) = lb.idle_timeout
                && !idle_timeout_in_range(t.to_seconds())
            {
                return Err(Error::new(idle_timeout_in_range_message(
                    noun,
                    id,
                    &lb.name,
                    t.to_seconds(),
                )));
            }
            for l in &lb.listeners {
                if let Some(p) = l.protocol
                    && !listener_certificate_protocol(l.certificate.is_some(), Some(p))
                {
                    return Err(Error::new(listener_certificate_protocol_message(
                        noun, id, &l.name, p,
                    )));
                }
                let https = l.protocol.unwrap_or(if l.certificate.is_some() {
                    ListenerProtocol::Https
                } else {
                    ListenerProtocol::Http
                }) == ListenerProtocol::Https;
                if https && (lb.domain_name.is_none() || lb.domain_zone.is_none()) {
                    return Err(Error::new(format!(
                        "{owner} has HTTPS listener `{}` on load balancer `{}` without `domain_name` and `domain_zone`: add both to the load balancer",
                        l.name, lb.name
                    )));
                }
                // Without a certificate, one is requested from ACM for the load balancer's
                // domain, as the CDK requests it.
            }
        }
        for t in *targets {
            let condition = t.host_header.is_some() || t.path_pattern.is_some();
            if !target_rule_complete(t.priority.is_some(), condition) {
                return Err(Error::new(target_rule_complete_message(
                    noun,
                    id,
                    t.container_port,
                    condition,
                )));
            }
        }
    }
    let domain = |name: &Option<String>, zone: &Option<HostedZone>, lb: &str| {
        if name.is_some() && zone.is_none() {
            Err(Error::new(format!(
                "{owner} has load balancer `{lb}` with `domain_name` and no `domain_zone`: add the hosted zone, e.g. `domain_zone: HostedZone::from_hosted_zone_attributes(…)`"
            )))
        } else {
            Ok(())
        }
    };
    match balancers {
        Balancers::Application(lbs, _) => lbs
            .iter()
            .try_for_each(|lb| domain(&lb.domain_name, &lb.domain_zone, &lb.name))?,
        Balancers::Network(lbs, _) => lbs
            .iter()
            .try_for_each(|lb| domain(&lb.domain_name, &lb.domain_zone, &lb.name))?,
    }
    let names = balancers.listener_names();
    for t in balancers.targets() {
        if let Some(l) = t.listener
            && !target_listener_defined(&names, Some(l))
        {
            return Err(Error::new(target_listener_defined_message(
                noun, id, l, &names,
            )));
        }
    }
    Ok(())
}

/// The load balancers, listeners, records and outputs (the CDK base classes' constructors).
fn load_balancers(
    app: &mut App,
    node: NodeId,
    cluster: Cluster,
    balancers: &Balancers,
) -> Result<(Vec<LoadBalancer>, Vec<Listener>), Error> {
    let vpc = cluster.vpc(app)?;
    let (mut lbs, mut listeners) = (Vec::new(), Vec::new());
    match balancers {
        Balancers::Application([], _) => {
            let lb = ApplicationLoadBalancer::new(
                app,
                node,
                "LB",
                LoadBalancerProps::default()
                    .vpc(vpc)
                    .internet_facing(true)
                    .load_balancer_name("LB"),
            )?;
            let listener = lb.add_listener(
                app,
                "PublicListener",
                ListenerProps::default()
                    .protocol(ListenerProtocol::Http)
                    .open(true),
            )?;
            let dns = lb.load_balancer_dns_name(app);
            CfnOutput::new(app, node, "LoadBalancerDNS", Output::new(dns.clone()))?;
            let url = Value::join("", vec!["http://".into(), dns]);
            CfnOutput::new(app, node, "ServiceURL", Output::new(url))?;
            lbs.push(lb);
            listeners.push(listener);
        }
        Balancers::Network([], _) => {
            let lb = NetworkLoadBalancer::new(
                app,
                node,
                "LB",
                LoadBalancerProps::default().vpc(vpc).internet_facing(true),
            )?;
            let listener =
                lb.add_listener(app, "PublicListener", ListenerProps::default().port(80))?;
            let dns = lb.load_balancer_dns_name(app);
            CfnOutput::new(app, node, "LoadBalancerDNS", Output::new(dns))?;
            lbs.push(lb);
            listeners.push(listener);
        }
        Balancers::Application(all, _) => {
            for p in *all {
                let mut lb_props = LoadBalancerProps::default()
                    .vpc(vpc)
                    .internet_facing(p.public_load_balancer.unwrap_or(true))
                    .load_balancer_name(p.name.clone());
                if let Some(t) = p.idle_timeout {
                    lb_props = lb_props.idle_timeout(t);
                }
                let lb = ApplicationLoadBalancer::new(app, node, &p.name, lb_props)?;
                // The protocols of the listeners, each once, in order: a URL output each.
                let mut protocols: Vec<ListenerProtocol> = Vec::new();
                for l in &p.listeners {
                    let protocol = l.protocol.unwrap_or(if l.certificate.is_some() {
                        ListenerProtocol::Https
                    } else {
                        ListenerProtocol::Http
                    });
                    if !protocols.contains(&protocol) {
                        protocols.push(protocol);
                    }
                    let mut props = ListenerProps::default().protocol(protocol).open(true);
                    if let Some(port) = l.port {
                        props = props.port(port);
                    }
                    if let Some(policy) = &l.ssl_policy {
                        props = props.ssl_policy(policy.clone());
                    }
                    if protocol == ListenerProtocol::Https {
                        let certificate = match (&l.certificate, &p.domain_name, &p.domain_zone) {
                            (Some(c), _, _) => Some(c.clone()),
                            // `Certificate<listener>` under the pattern, for the load
                            // balancer's domain (checked above: both given).
                            (None, Some(domain), Some(zone)) => Some(super::requested_certificate(
                                app,
                                node,
                                &format!("Certificate{}", l.name),
                                domain,
                                zone,
                            )?),
                            (None, _, _) => None,
                        };
                        if let Some(c) = certificate {
                            props = props.certificates([c]);
                        }
                    }
                    listeners.push(lb.add_listener(app, &l.name, props)?);
                }
                let domain = record(
                    app,
                    node,
                    &p.name,
                    p.domain_name.as_deref(),
                    p.domain_zone.as_ref(),
                    lb,
                )?
                .unwrap_or_else(|| lb.load_balancer_dns_name(app));
                let dns = lb.load_balancer_dns_name(app);
                CfnOutput::new(
                    app,
                    node,
                    &format!("LoadBalancerDNS{}", p.name),
                    Output::new(dns),
                )?;
                for protocol in protocols {
                    let scheme = protocol.cfn_value().to_lowercase();
                    let url = Value::join("", vec![format!("{scheme}://").into(), domain.clone()]);
                    CfnOutput::new(
                        app,
                        node,
                        &format!("ServiceURL{}{scheme}", p.name),
                        Output::new(url),
                    )?;
                }
                lbs.push(lb);
            }
        }
        Balancers::Network(all, _) => {
            for p in *all {
                let lb = NetworkLoadBalancer::new(
                    app,
                    node,
                    &p.name,
                    LoadBalancerProps::default()
                        .vpc(vpc)
                        .internet_facing(p.public_load_balancer.unwrap_or(true)),
                )?;
                for l in &p.listeners {
                    let props = ListenerProps::default().port(l.port.unwrap_or(80));
                    listeners.push(lb.add_listener(app, &l.name, props)?);
                }
                record(
                    app,
                    node,
                    &p.name,
                    p.domain_name.as_deref(),
                    p.domain_zone.as_ref(),
                    lb,
                )?;
                let dns = lb.load_balancer_dns_name(app);
                CfnOutput::new(
                    app,
                    node,
                    &format!("LoadBalancerDNS{}", p.name),
                    Output::new(dns),
                )?;
                lbs.push(lb);
            }
        }
    }
    Ok((lbs, listeners))
}

/// The `A` alias record `DNS<lb>` of a load balancer's `domain_name`: its domain name.
fn record(
    app: &mut App,
    node: NodeId,
    lb_id: &str,
    domain_name: Option<&str>,
    zone: Option<&HostedZone>,
    lb: LoadBalancer,
) -> Result<Option<Value>, Error> {
    domain_record(
        app,
        node,
        &format!("DNS{lb_id}"),
        (
            domain_name,
            zone,
            Some(ApplicationLoadBalancedServiceRecordType::Alias),
        ),
        lb,
    )
}

/// The service properties both launch types share (CDK `createFargateService`,
/// `createEc2Service`), set on `$p`, props of either launch type.
macro_rules! common_service_props {
    ($common:expr, $p:expr, $cluster:expr) => {{
        let common: &Common = $common;
        let mut p = $p.cluster($cluster);
        // `@aws-cdk/aws-ecs:removeDefaultDesiredCount`: no count unless one is given.
        if let Some(v) = common.desired_count {
            p = p.desired_count(v);
        }
        if let Some(v) = common.service_name {
            p = p.service_name(v.clone());
        }
        if let Some(v) = common.health_check_grace_period {
            p = p.health_check_grace_period(v);
        }
        if let Some(v) = common.propagate_tags {
            p = p.propagate_tags(v);
        }
        if let Some(v) = common.enable_ecs_managed_tags {
            p = p.enable_ecs_managed_tags(v);
        }
        if let Some(v) = common.cloud_map_options {
            p = p.cloud_map_options(v.clone());
        }
        if let Some(v) = common.enable_execute_command {
            p = p.enable_execute_command(v);
        }
        p
    }};
}

/// Creates a multiple-target-groups pattern: the load balancers and listeners, the task
/// definition (unless given), the service, and its target groups.
fn build(
    app: &mut App,
    scope: NodeId,
    id: &str,
    common: Common,
    launch: Launch,
    balancers: Balancers,
) -> Result<MultipleTargetGroupsService, Error> {
    check(&common, id, &balancers)?;
    let owner = format!("{} `{id}`", common.noun);
    let node = Construct::new(app, scope, id)?;
    let cluster = match common.cluster {
        Some(c) => c,
        None => super::default_cluster(app, node, common.vpc)?,
    };
    let (load_balancers, listeners) = load_balancers(app, node, cluster, &balancers)?;
    let task_definition = match (common.task_definition, common.task_image_options) {
        (Some(td), _) => td,
        (None, Some(image)) => {
            let mut c = image.container(id);
            let td = match &launch {
                Launch::Fargate {
                    cpu,
                    memory_limit_mib,
                    ephemeral_storage_gib,
                    runtime_platform,
                    ..
                } => {
                    let mut p = FargateTaskDefinitionProps::default()
                        .cpu(cpu.unwrap_or(256))
                        .memory_limit_mib(memory_limit_mib.unwrap_or(512));
                    if let Some(v) = ephemeral_storage_gib {
                        p = p.ephemeral_storage_gib(*v);
                    }
                    if let Some(v) = runtime_platform {
                        p = p.runtime_platform(*v);
                    }
                    if let Some(v) = &image.family {
                        p = p.family(v.clone());
                    }
                    if let Some(v) = &image.task_role {
                        p = p.task_role(*v);
                    }
                    if let Some(v) = &image.execution_role {
                        p = p.execution_role(*v);
                    }
                    FargateTaskDefinition::new(app, node, "TaskDef", p)?
                }
                Launch::Ec2 {
                    cpu,
                    memory_limit_mib,
                    memory_reservation_mib,
                    ..
                } => {
                    // As in the CDK, the EC2 patterns take no `family`.
                    let mut p = Ec2TaskDefinitionProps::default();
                    if let Some(v) = &image.task_role {
                        p = p.task_role(*v);
                    }
                    if let Some(v) = &image.execution_role {
                        p = p.execution_role(*v);
                    }
                    if let Some(v) = cpu {
                        c = c.cpu(*v);
                    }
                    if let Some(v) = memory_limit_mib {
                        c = c.memory_limit_mib(*v);
                    }
                    if let Some(v) = memory_reservation_mib {
                        c = c.memory_reservation_mib(*v);
                    }
                    Ec2TaskDefinition::new(app, node, "TaskDef", p)?
                }
            };
            let name = image.container_name.as_deref().unwrap_or("web");
            td.add_container(app, name, c)?;
            td
        }
        (None, None) => unreachable_options(&owner)?,
    };
    let Some(container) = task_definition.default_container(app) else {
        return Err(Error::new(format!(
            "{owner} has a task definition without an essential container: add one"
        )));
    };
    if container.port_mappings(app).is_empty() {
        container.add_port_mappings(app, [PortMapping::default().container_port(80)])?;
    }
    let targets = balancers.targets();
    // A port several groups reach is mapped once.
    for t in &targets {
        if container
            .find_port_mapping(app, t.container_port, t.protocol)
            .is_none()
        {
            container.add_port_mappings(
                app,
                [PortMapping::default()
                    .container_port(t.container_port)
                    .protocol(t.protocol)],
            )?;
        }
    }
    let service = match launch {
        Launch::Fargate {
            platform_version,
            deployment,
            ..
        } => {
            let mut p = common_service_props!(&common, FargateServiceProps::default(), cluster)
                .task_definition(task_definition);
            if let Some(v) = platform_version {
                p = p.platform_version(v.clone());
            }
            if let Some((min, max, breaker)) = deployment {
                if let Some(v) = min {
                    p = p.min_healthy_percent(v);
                }
                if let Some(v) = max {
                    p = p.max_healthy_percent(v);
                }
                if let Some(v) = breaker {
                    p = p.circuit_breaker(*v);
                }
            }
            crate::ecs::service::FargateService::new(app, node, "Service", p)?
        }
        Launch::Ec2 {
            placement_constraints,
            placement_strategies,
            ..
        } => {
            let p = common_service_props!(&common, Ec2ServiceProps::default(), cluster)
                .task_definition(task_definition)
                .placement_constraints(placement_constraints.to_vec())
                .placement_strategies(placement_strategies.to_vec());
            crate::ecs::service::Ec2Service::new(app, node, "Service", p)?
        }
    };
    let container_name = container.container_name(app).to_string();
    let names = balancers.listener_names();
    let mut target_groups = Vec::new();
    if targets.is_empty() {
        let port = container
            .port_mappings(app)
            .first()
            .map_or(80, |m| m.container_port);
        let group = listeners[0].add_targets(
            app,
            "ECS",
            AddTargetsProps::default().port(port).targets([service]),
        )?;
        target_groups.push(group);
    }
    for t in targets {
        let listener = match t.listener {
            Some(l) => names.iter().position(|n| *n == l).map(|i| listeners[i]),
            None => Some(listeners[0]),
        };
        let Some(listener) = listener else {
            return Err(Error::new(target_listener_defined_message(
                common.noun,
                id,
                t.listener.unwrap_or_default(),
                &names,
            )));
        };
        let target = service.load_balancer_target(
            app,
            LoadBalancerTargetOptions::default()
                .container_name(container_name.clone())
                .container_port(t.container_port)
                .protocol(t.protocol),
        )?;
        let group = listener.add_targets(
            app,
            &format!("ECSTargetGroup{container_name}{}", t.container_port),
            t.add.targets([target]),
        )?;
        target_groups.push(group);
    }
    Ok(MultipleTargetGroupsService {
        node,
        cluster,
        load_balancer: load_balancers[0],
        load_balancers,
        listener: listeners[0],
        listeners,
        target_group: target_groups[0],
        target_groups,
        task_definition,
        service,
    })
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl ApplicationMultipleTargetGroupsFargateService {
    /// Creates the pattern `id` under `scope`: a Fargate service with its task definition, the
    /// application load balancers of `load_balancers` (default `LB`, listener
    /// `PublicListener`) and one target group per entry of `target_groups`, with a listener
    /// rule for those with a `priority`; the outputs `LoadBalancerDNS<lb>` and
    /// `ServiceURL<lb><protocol>` name each load balancer.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let web = ApplicationMultipleTargetGroupsFargateService::new(&mut app, s, "Web",
    ///     ApplicationMultipleTargetGroupsFargateServiceProps::default()
    ///         .task_image_options(ApplicationLoadBalancedTaskImageProps::default()
    ///             .image(ContainerImage::from_registry("nginx")))
    ///         .load_balancers([ApplicationLoadBalancerProps::new("lb")
    ///             .listeners([ApplicationListenerProps::new("web")])])
    ///         .target_groups([ApplicationTargetProps::new(80).listener("web")]))?;
    /// assert_eq!(app.stack(s).path(web.listener.node()), "Web/Web/lb/web");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, the props break
    /// one of the pattern's rules (both `cluster` and `vpc`, both `task_definition` and
    /// `task_image_options`, a load balancer without listeners, a target group on a listener
    /// no load balancer has, a rule without `priority`, HTTPS without a certificate and domain,
    /// …) or a rule of the parts it creates.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ApplicationMultipleTargetGroupsFargateServiceProps,
    ) -> Result<MultipleTargetGroupsService, Error> {
        let launch = Launch::Fargate {
            cpu: props.cpu,
            memory_limit_mib: props.memory_limit_mib,
            ephemeral_storage_gib: props.ephemeral_storage_gib,
            platform_version: props.platform_version.as_ref(),
            runtime_platform: props.runtime_platform,
            deployment: None,
        };
        let common = common_of!("application multiple target groups fargate service", props);
        let balancers = Balancers::Application(&props.load_balancers, &props.target_groups);
        build(app, scope.into(), id, common, launch, balancers)
    }
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl ApplicationMultipleTargetGroupsEc2Service {
    /// Creates the pattern `id` under `scope` as
    /// [`ApplicationMultipleTargetGroupsFargateService::new`] does, with an EC2 service
    /// (bridge network mode, dynamic host ports); the cluster needs EC2 capacity.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.medium"))?;
    /// let web = ApplicationMultipleTargetGroupsEc2Service::new(&mut app, s, "Web",
    ///     ApplicationMultipleTargetGroupsEc2ServiceProps::default().cluster(cluster).memory_limit_mib(256)
    ///         .task_image_options(ApplicationLoadBalancedTaskImageProps::default()
    ///             .image(ContainerImage::from_registry("nginx"))))?;
    /// assert_eq!(app.stack(s).path(web.target_group.node()), "Web/Web/LB/PublicListener/ECSGroup");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ApplicationMultipleTargetGroupsFargateService::new`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ApplicationMultipleTargetGroupsEc2ServiceProps,
    ) -> Result<MultipleTargetGroupsService, Error> {
        let launch = Launch::Ec2 {
            cpu: props.cpu,
            memory_limit_mib: props.memory_limit_mib,
            memory_reservation_mib: props.memory_reservation_mib,
            placement_constraints: &props.placement_constraints,
            placement_strategies: &props.placement_strategies,
        };
        let common = common_of!("application multiple target groups ec2 service", props);
        let balancers = Balancers::Application(&props.load_balancers, &props.target_groups);
        build(app, scope.into(), id, common, launch, balancers)
    }
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl NetworkMultipleTargetGroupsFargateService {
    /// Creates the pattern `id` under `scope`: a Fargate service with its task definition, the
    /// network load balancers of `load_balancers` (default `LB`, listener `PublicListener` on
    /// port 80) and one target group per entry of `target_groups`; the outputs
    /// `LoadBalancerDNS<lb>` name each load balancer.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let web = NetworkMultipleTargetGroupsFargateService::new(&mut app, s, "Web",
    ///     NetworkMultipleTargetGroupsFargateServiceProps::default()
    ///         .task_image_options(NetworkLoadBalancedTaskImageProps::default()
    ///             .image(ContainerImage::from_registry("nginx")))
    ///         .load_balancers([NetworkLoadBalancerProps::new("lb1")
    ///             .listeners([NetworkListenerProps::new("l1")])])
    ///         .target_groups([NetworkTargetProps::new(8080).listener("l1")]))?;
    /// assert_eq!(web.load_balancers.len(), 1);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ApplicationMultipleTargetGroupsFargateService::new`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: NetworkMultipleTargetGroupsFargateServiceProps,
    ) -> Result<MultipleTargetGroupsService, Error> {
        let launch = Launch::Fargate {
            cpu: props.cpu,
            memory_limit_mib: props.memory_limit_mib,
            ephemeral_storage_gib: props.ephemeral_storage_gib,
            platform_version: props.platform_version.as_ref(),
            runtime_platform: props.runtime_platform,
            deployment: Some((
                props.min_healthy_percent,
                props.max_healthy_percent,
                props.circuit_breaker.as_ref(),
            )),
        };
        let common = common_of!("network multiple target groups fargate service", props);
        let balancers = Balancers::Network(&props.load_balancers, &props.target_groups);
        build(app, scope.into(), id, common, launch, balancers)
    }
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl NetworkMultipleTargetGroupsEc2Service {
    /// Creates the pattern `id` under `scope` as
    /// [`NetworkMultipleTargetGroupsFargateService::new`] does, with an EC2 service (bridge
    /// network mode, dynamic host ports); the cluster needs EC2 capacity.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.medium"))?;
    /// let web = NetworkMultipleTargetGroupsEc2Service::new(&mut app, s, "Web",
    ///     NetworkMultipleTargetGroupsEc2ServiceProps::default().cluster(cluster).memory_limit_mib(256)
    ///         .task_image_options(NetworkLoadBalancedTaskImageProps::default()
    ///             .image(ContainerImage::from_registry("nginx"))))?;
    /// assert_eq!(web.target_groups.len(), 1);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ApplicationMultipleTargetGroupsFargateService::new`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: NetworkMultipleTargetGroupsEc2ServiceProps,
    ) -> Result<MultipleTargetGroupsService, Error> {
        let launch = Launch::Ec2 {
            cpu: props.cpu,
            memory_limit_mib: props.memory_limit_mib,
            memory_reservation_mib: props.memory_reservation_mib,
            placement_constraints: &props.placement_constraints,
            placement_strategies: &props.placement_strategies,
        };
        let common = common_of!("network multiple target groups ec2 service", props);
        let balancers = Balancers::Network(&props.load_balancers, &props.target_groups);
        build(app, scope.into(), id, common, launch, balancers)
    }
}
