//! `NetworkLoadBalancedFargateService` and `NetworkLoadBalancedEc2Service`: a service behind a
//! new network load balancer (CDK `NetworkLoadBalancedServiceBase` and its two launch types).

use super::application_load_balanced::{
    ApplicationLoadBalancedServiceRecordType, ApplicationLoadBalancedTaskImageOptions,
    domain_record, unreachable_options,
};
use crate::cfn::Output;
use crate::cfn::Value;
use crate::cfn::duration::Duration;
use crate::construct::app::{App, Construct};
use crate::construct::{CfnOutput, NodeId};
use crate::ec2::{SecurityGroup, SubnetSelection, Vpc};
use crate::ecs::cloud_map::CloudMapOptions;
use crate::ecs::cluster::Cluster;
use crate::ecs::image::ContainerImage;
use crate::ecs::log_driver::LogDriver;
use crate::ecs::secret::Secret;
use crate::ecs::service::{
    DeploymentCircuitBreaker, DeploymentControllerType, Ec2ServiceProps, FargateServiceProps,
    PlacementConstraint, PlacementStrategy, PropagatedTagSource, Service,
};
use crate::ecs::task_definition::{
    Ec2TaskDefinition, Ec2TaskDefinitionProps, FargateTaskDefinition, FargateTaskDefinitionProps,
    RuntimePlatform, TaskDefinition,
};
use crate::elbv2::{
    AddTargetsProps, IpAddressType, Listener, ListenerCertificate, ListenerProps, ListenerProtocol,
    LoadBalancer, LoadBalancerProps, NetworkLoadBalancer, TargetGroup,
};
use crate::error::Error;
use crate::iam::Role;
use crate::route53::HostedZone;

props! {
    /// The container a network load-balanced pattern creates when it is given no task
    /// definition (CDK `NetworkLoadBalancedTaskImageOptions`: no command or entry point).
    ///
    /// ```
    /// use ecs_core::{ecs::image::ContainerImage, ecs_patterns::NetworkLoadBalancedTaskImageOptions};
    /// let o = NetworkLoadBalancedTaskImageOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).container_port(8080);
    /// assert_eq!(o.container_port, Some(8080));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct NetworkLoadBalancedTaskImageOptions {
        /// The image the container runs (required).
        [opt "image", .required()]
        image: ContainerImage,
        /// The container's name.
        [into "containerName", .default("`web`")]
        container_name: String,
        /// The port the container listens on, which is also the target group's port.
        [opt "containerPort", .default("80")]
        container_port: u32,
        /// Environment variables of the container.
        [field_list "environment", .ty(EnvironmentValues)]
        environment: (String, Value),
        /// Secrets exposed to the container as environment variables.
        [field_list "secrets", .ty(Environment)]
        secrets: (String, Secret),
        /// Docker labels of the container.
        [field_list "dockerLabels", .ty(Environment)]
        docker_labels: (String, String),
        /// Whether the container logs through awslogs to a log group of its own.
        [opt "enableLogging", .default("true")]
        enable_logging: bool,
        /// The log driver; default awslogs with the pattern's id as stream prefix.
        [opt "logDriver"]
        log_driver: LogDriver,
        /// The task definition's family.
        [into "family", .default("the task definition's unique id")]
        family: String,
        /// The role ECS assumes to pull the image and write logs: a `role` or `imported_role`.
        [opt "executionRole", .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        execution_role: Role,
        /// The role the container assumes: a `role` or `imported_role`.
        [opt "taskRole", .ty(Ref(RefClass::Role)), .default("a role created under the task definition")]
        task_role: Role,
    }
}

impl NetworkLoadBalancedTaskImageOptions {
    map_setters!();

    /// The same container as the application patterns' options describe.
    fn as_application(&self) -> ApplicationLoadBalancedTaskImageOptions {
        ApplicationLoadBalancedTaskImageOptions {
            image: self.image.clone(),
            container_name: self.container_name.clone(),
            container_port: self.container_port,
            environment: self.environment.clone(),
            secrets: self.secrets.clone(),
            docker_labels: self.docker_labels.clone(),
            command: Vec::new(),
            entry_point: Vec::new(),
            enable_logging: self.enable_logging,
            log_driver: self.log_driver.clone(),
            family: self.family.clone(),
            execution_role: self.execution_role,
            task_role: self.task_role,
        }
    }
}

/// Declares the props of one launch type: the properties every network load-balanced service
/// shares (CDK `NetworkLoadBalancedServiceBaseProps`) and then its own.
macro_rules! nlb_service_props {
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
                /// The container to create; exclusive with `task_definition`.
                [opt "taskImageOptions", .ty(Object(KindId::NlbTaskImageOptions))]
                task_image_options: NetworkLoadBalancedTaskImageOptions,
                /// A task definition of your own; exclusive with `task_image_options`.
                [opt "taskDefinition", .ty(Ref(RefClass::TaskDefinition))]
                task_definition: TaskDefinition,
                /// How many tasks run (`DesiredCount`); at least 1.
                [opt "desiredCount", .default("none: ECS keeps the current count (1 at creation)")]
                desired_count: u32,
                /// The service's name (`ServiceName`).
                [into "serviceName"]
                service_name: String,
                /// Whether the load balancer is internet-facing.
                [opt "publicLoadBalancer", .default("true")]
                public_load_balancer: bool,
                /// A network load balancer of your own to add the listener to, instead of a
                /// new `LB` (no `LoadBalancerDNS` output then).
                [opt "loadBalancer", .ty(Ref(RefClass::LoadBalancer)), .default("a new load balancer `LB`")]
                load_balancer: LoadBalancer,
                /// Which addresses the load balancer answers on; dual-stack needs a dual-stack VPC.
                [opt "ipAddressType", .ty(Enum(&crate::elbv2::IpAddressType::DEF)), .default("`Ipv4`")]
                ip_address_type: IpAddressType,
                /// The listener's port.
                [opt "listenerPort", .default("80, or 443 with a certificate")]
                listener_port: u32,
                /// The certificate of a TLS listener; the target group then speaks TLS too.
                [opt "listenerCertificate"]
                listener_certificate: ListenerCertificate,
                /// The domain name of the service, a record in `domain_zone`.
                [into "domainName"]
                domain_name: String,
                /// The hosted zone of `domain_name`.
                [into "domainZone"]
                domain_zone: HostedZone,
                /// The kind of record `domain_name` gets.
                [opt "recordType", .ty(Enum(&crate::ecs_patterns::ApplicationLoadBalancedServiceRecordType::DEF)), .default("`Alias`")]
                record_type: ApplicationLoadBalancedServiceRecordType,
                /// How long ECS ignores failing load-balancer health checks of new tasks.
                [into "healthCheckGracePeriod", .default("60 seconds")]
                health_check_grace_period: Duration,
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
                /// The Cloud Map service the tasks register with.
                [opt "cloudMapOptions", .ty(Object(KindId::CloudMapOptions))]
                cloud_map_options: CloudMapOptions,
                /// Capacity provider strategies; replace the launch type.
                [list "capacityProviderStrategies", .ty(Strategies)]
                capacity_provider_strategies: crate::ecs::capacity_provider::CapacityProviderStrategy,
                $($own)*
            }
        }
    };
}

nlb_service_props! {
    /// Properties of a [`NetworkLoadBalancedFargateService`] (CDK
    /// `NetworkLoadBalancedFargateServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::NetworkLoadBalancedFargateServiceProps::default().cpu(512);
    /// assert_eq!(p.cpu, Some(512));
    /// ```
    pub struct NetworkLoadBalancedFargateServiceProps {
        /// The task's CPU units, in a pair with `memory_limit_mib` Fargate offers.
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

nlb_service_props! {
    /// Properties of a [`NetworkLoadBalancedEc2Service`] (CDK
    /// `NetworkLoadBalancedEc2ServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::NetworkLoadBalancedEc2ServiceProps::default().memory_limit_mib(1024);
    /// assert_eq!(p.memory_limit_mib, Some(1024));
    /// ```
    pub struct NetworkLoadBalancedEc2ServiceProps {
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

/// What every network load-balanced pattern creates and hands back: each part can be
/// configured further with its own builder methods.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs_patterns::*;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let web = NetworkLoadBalancedFargateService::new(&mut app, s, "Web",
///     NetworkLoadBalancedFargateServiceProps::default().task_image_options(
///         NetworkLoadBalancedTaskImageOptions::default().image(ContainerImage::from_registry("nginx"))))?;
/// assert_eq!(app.stack(s).path(web.listener.node()), "Web/Web/LB/PublicListener");
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkLoadBalancedService {
    /// The pattern's scope.
    pub node: NodeId,
    /// The cluster the service runs in (the one given or the stack's default one).
    pub cluster: Cluster,
    /// The load balancer `LB`.
    pub load_balancer: LoadBalancer,
    /// The listener `PublicListener`.
    pub listener: Listener,
    /// The target group `ECS` the service is registered in.
    pub target_group: TargetGroup,
    /// The task definition (the one given or `TaskDef`).
    pub task_definition: TaskDefinition,
    /// The service `Service`.
    pub service: Service,
}

/// Constructor of a Fargate service behind a new network load balancer (CDK
/// `NetworkLoadBalancedFargateService`).
#[derive(Debug)]
pub struct NetworkLoadBalancedFargateService;

/// Constructor of an EC2 service behind a new network load balancer (CDK
/// `NetworkLoadBalancedEc2Service`).
#[derive(Debug)]
pub struct NetworkLoadBalancedEc2Service;

/// The load balancer, listener, target group and output of the CDK's
/// `NetworkLoadBalancedServiceBase`, under the pattern's scope `node`.
#[allow(clippy::too_many_arguments)]
fn load_balancer(
    app: &mut App,
    node: NodeId,
    cluster: Cluster,
    (given, public, ip_address_type): (Option<LoadBalancer>, Option<bool>, Option<IpAddressType>),
    listener_port: Option<u32>,
    certificate: Option<&ListenerCertificate>,
    container_port: Option<u32>,
    domain: (
        Option<&str>,
        Option<&HostedZone>,
        Option<ApplicationLoadBalancedServiceRecordType>,
    ),
) -> Result<(LoadBalancer, Listener, TargetGroup), Error> {
    let vpc = cluster.vpc(app)?;
    let mut lb_props = LoadBalancerProps::default()
        .vpc(vpc)
        .internet_facing(public.unwrap_or(true));
    if let Some(t) = ip_address_type {
        lb_props = lb_props.ip_address_type(t);
    }
    let load_balancer = match given {
        Some(lb) => lb,
        None => NetworkLoadBalancer::new(app, node, "LB", lb_props)?,
    };
    let default_port = if certificate.is_some() { 443 } else { 80 };
    let mut listener_props = ListenerProps::default().port(listener_port.unwrap_or(default_port));
    if let Some(c) = certificate {
        listener_props = listener_props.certificates([c.clone()]);
    }
    let listener = load_balancer.add_listener(app, "PublicListener", listener_props)?;
    // The group speaks the listener's protocol: TLS behind a certificate, else TCP.
    let protocol = if certificate.is_some() {
        ListenerProtocol::Tls
    } else {
        ListenerProtocol::Tcp
    };
    let target_group = listener.add_targets(
        app,
        "ECS",
        AddTargetsProps::default()
            .port(container_port.unwrap_or(default_port))
            .protocol(protocol),
    )?;
    domain_record(app, node, "DNS", domain, load_balancer)?;
    // A load balancer of the user's gets no output here.
    if given.is_none() {
        let dns = load_balancer.load_balancer_dns_name(app);
        CfnOutput::new(app, node, "LoadBalancerDNS", Output::new(dns))?;
    }
    Ok((load_balancer, listener, target_group))
}

/// The load balancer's part of the props, taken out of either props type.
struct Lb<'a> {
    cluster: Option<Cluster>,
    vpc: Option<Vpc>,
    given: (Option<LoadBalancer>, Option<bool>, Option<IpAddressType>),
    listener_port: Option<u32>,
    certificate: Option<&'a ListenerCertificate>,
    domain: (
        Option<&'a str>,
        Option<&'a HostedZone>,
        Option<ApplicationLoadBalancedServiceRecordType>,
    ),
}

macro_rules! lb_of {
    ($p:expr) => {
        Lb {
            cluster: $p.cluster,
            vpc: $p.vpc,
            given: (
                $p.load_balancer,
                $p.public_load_balancer,
                $p.ip_address_type,
            ),
            listener_port: $p.listener_port,
            certificate: $p.listener_certificate.as_ref(),
            domain: (
                $p.domain_name.as_deref(),
                $p.domain_zone.as_ref(),
                $p.record_type,
            ),
        }
    };
}

/// What both launch types create alike, once the props are checked: the pattern's scope, the
/// cluster, the load balancer, listener and target group, the task definition (given, or
/// made by `task` from the image options) and the service (made by `service`) registered with
/// the target group.
fn build(
    app: &mut App,
    (scope, id, noun): (NodeId, &str, &str),
    lb: Lb,
    (task_definition, image): (
        Option<TaskDefinition>,
        Option<&ApplicationLoadBalancedTaskImageOptions>,
    ),
    task: impl FnOnce(
        &mut App,
        NodeId,
        &ApplicationLoadBalancedTaskImageOptions,
    ) -> Result<TaskDefinition, Error>,
    service: impl FnOnce(&mut App, NodeId, Cluster, TaskDefinition) -> Result<Service, Error>,
) -> Result<NetworkLoadBalancedService, Error> {
    if let Some(given) = lb.given.0
        && given.data(app).kind != crate::elbv2::LbKind::Network
    {
        return Err(Error::new(super::load_balancer_kind_message(
            &format!("{noun} `{id}`"),
            false,
        )));
    }
    let node = Construct::new(app, scope, id)?;
    let cluster = match lb.cluster {
        Some(c) => c,
        None => super::default_cluster(app, node, lb.vpc)?,
    };
    let (load_balancer, listener, target_group) = load_balancer(
        app,
        node,
        cluster,
        lb.given,
        lb.listener_port,
        lb.certificate,
        image.and_then(|i| i.container_port),
        lb.domain,
    )?;
    let task_definition = match (task_definition, image) {
        (Some(td), _) => td,
        (None, Some(image)) => task(app, node, image)?,
        (None, None) => unreachable_options(&format!("{noun} `{id}`"))?,
    };
    let service = service(app, node, cluster, task_definition)?;
    target_group.add_target(app, service)?;
    Ok(NetworkLoadBalancedService {
        node,
        cluster,
        load_balancer,
        listener,
        target_group,
        task_definition,
        service,
    })
}

/// The checks both launch types share (CDK `NetworkLoadBalancedServiceBase`).
fn check_base(
    noun: &str,
    id: &str,
    (cluster, vpc): (bool, bool),
    (task_definition, image): (bool, bool),
    desired_count: Option<u32>,
    (domain_name, domain_zone): (bool, bool),
) -> Result<(), Error> {
    if !super::cluster_or_vpc(cluster, vpc) {
        return Err(Error::new(super::cluster_or_vpc_message(noun, id)));
    }
    if !super::task_definition_or_image(task_definition, image) {
        return Err(Error::new(super::task_definition_or_image_message(
            noun,
            id,
            "task_image_options",
            task_definition,
        )));
    }
    if desired_count == Some(0) {
        return Err(Error::new(format!(
            "{noun} `{id}` cannot have `desired_count: 0`: use 1 or more"
        )));
    }
    if domain_name && !domain_zone {
        return Err(Error::new(format!(
            "{noun} `{id}` has `domain_name` and no `domain_zone`: add the hosted zone, e.g. `domain_zone: HostedZone::from_hosted_zone_attributes(…)`"
        )));
    }
    Ok(())
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl NetworkLoadBalancedFargateService {
    /// Creates the pattern `id` under `scope`: a Fargate service with its task definition, an
    /// internet-facing network load balancer forwarding to it, and the output
    /// `LoadBalancerDNS`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let web = NetworkLoadBalancedFargateService::new(&mut app, s, "Web",
    ///     NetworkLoadBalancedFargateServiceProps::default().memory_limit_mib(1024).cpu(512)
    ///         .task_image_options(NetworkLoadBalancedTaskImageOptions::default()
    ///             .image(ContainerImage::from_registry("nginx"))))?;
    /// assert_eq!(app.stack(s).path(web.service.node()), "Web/Web/Service");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, the props break
    /// one of the pattern's rules (both `cluster` and `vpc`, both `task_definition` and
    /// `task_image_options`, `desired_count: 0`) or a rule of the parts it creates.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: NetworkLoadBalancedFargateServiceProps,
    ) -> Result<NetworkLoadBalancedService, Error> {
        let scope: NodeId = scope.into();
        let noun = "network load balanced fargate service";
        check_base(
            noun,
            id,
            (props.cluster.is_some(), props.vpc.is_some()),
            (
                props.task_definition.is_some(),
                props.task_image_options.is_some(),
            ),
            props.desired_count,
            (props.domain_name.is_some(), props.domain_zone.is_some()),
        )?;
        let image = props
            .task_image_options
            .as_ref()
            .map(NetworkLoadBalancedTaskImageOptions::as_application);
        build(
            app,
            (scope, id, noun),
            lb_of!(props),
            (props.task_definition, image.as_ref()),
            |app, node, image| {
                let mut td_props = FargateTaskDefinitionProps::default()
                    .cpu(props.cpu.unwrap_or(256))
                    .memory_limit_mib(props.memory_limit_mib.unwrap_or(512));
                if let Some(v) = props.ephemeral_storage_gib {
                    td_props = td_props.ephemeral_storage_gib(v);
                }
                if let Some(v) = props.runtime_platform {
                    td_props = td_props.runtime_platform(v);
                }
                td_props = image.task_props(td_props);
                let td = FargateTaskDefinition::new(app, node, "TaskDef", td_props)?;
                td.add_container(app, &image.name(), image.container(id))?;
                Ok(td)
            },
            |app, node, cluster, task_definition| {
                let mut service_props = service_props!(
                    props,
                    FargateServiceProps::default(),
                    cluster,
                    task_definition
                )
                .security_groups(props.security_groups.clone());
                if let Some(v) = props.assign_public_ip {
                    service_props = service_props.assign_public_ip(v);
                }
                if let Some(v) = &props.platform_version {
                    service_props = service_props.platform_version(v.clone());
                }
                if let Some(v) = &props.task_subnets {
                    service_props = service_props.vpc_subnets(v.clone());
                }
                crate::ecs::service::FargateService::new(app, node, "Service", service_props)
            },
        )
    }
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl NetworkLoadBalancedEc2Service {
    /// Creates the pattern `id` under `scope`: an EC2 service (bridge network mode, dynamic
    /// host ports) with its task definition, an internet-facing network load balancer
    /// forwarding to it, and the output `LoadBalancerDNS`. The cluster needs EC2 capacity.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.medium"))?;
    /// let web = NetworkLoadBalancedEc2Service::new(&mut app, s, "Web",
    ///     NetworkLoadBalancedEc2ServiceProps::default().cluster(cluster).memory_limit_mib(512)
    ///         .task_image_options(NetworkLoadBalancedTaskImageOptions::default()
    ///             .image(ContainerImage::from_registry("nginx"))))?;
    /// assert_eq!(app.stack(s).path(web.task_definition.node()), "Web/Web/TaskDef");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`NetworkLoadBalancedFargateService::new`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: NetworkLoadBalancedEc2ServiceProps,
    ) -> Result<NetworkLoadBalancedService, Error> {
        let scope: NodeId = scope.into();
        let noun = "network load balanced ec2 service";
        check_base(
            noun,
            id,
            (props.cluster.is_some(), props.vpc.is_some()),
            (
                props.task_definition.is_some(),
                props.task_image_options.is_some(),
            ),
            props.desired_count,
            (props.domain_name.is_some(), props.domain_zone.is_some()),
        )?;
        let image = props
            .task_image_options
            .as_ref()
            .map(NetworkLoadBalancedTaskImageOptions::as_application);
        build(
            app,
            (scope, id, noun),
            lb_of!(props),
            (props.task_definition, image.as_ref()),
            |app, node, image| {
                let td_props = image.task_props(Ec2TaskDefinitionProps::default());
                let td = Ec2TaskDefinition::new(app, node, "TaskDef", td_props)?;
                let mut c = image.container(id);
                if let Some(v) = props.cpu {
                    c = c.cpu(v);
                }
                if let Some(v) = props.memory_limit_mib {
                    c = c.memory_limit_mib(v);
                }
                if let Some(v) = props.memory_reservation_mib {
                    c = c.memory_reservation_mib(v);
                }
                td.add_container(app, &image.name(), c)?;
                Ok(td)
            },
            |app, node, cluster, task_definition| {
                let service_props =
                    service_props!(props, Ec2ServiceProps::default(), cluster, task_definition)
                        .placement_constraints(props.placement_constraints.clone())
                        .placement_strategies(props.placement_strategies.clone());
                crate::ecs::service::Ec2Service::new(app, node, "Service", service_props)
            },
        )
    }
}
