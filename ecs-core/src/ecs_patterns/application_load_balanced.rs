//! `ApplicationLoadBalancedFargateService` and `ApplicationLoadBalancedEc2Service`: a service
//! behind a new application load balancer (CDK `ApplicationLoadBalancedServiceBase` and its two
//! launch types).

use crate::cfn::duration::Duration;
use crate::cfn::{Output, Value};
use crate::construct::app::{App, Construct};
use crate::construct::{CfnOutput, NodeId};
use crate::ec2::{SecurityGroup, SubnetSelection, Vpc};
use crate::ecs::cloud_map::CloudMapOptions;
use crate::ecs::cluster::Cluster;
use crate::ecs::container::{ContainerDefinitionOptions, PortMapping};
use crate::ecs::container_options::HealthCheck;
use crate::ecs::image::ContainerImage;
use crate::ecs::log_driver::{AwsLogDriverProps, LogDriver};
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
    AddTargetsProps, ApplicationLoadBalancer, ApplicationProtocolVersion, IpAddressType, Listener,
    ListenerAction, ListenerCertificate, ListenerProps, ListenerProtocol, LoadBalancer,
    LoadBalancerProps, TargetGroup,
};
use crate::error::Error;
use crate::iam::Role;
use crate::route53::{ARecord, CnameRecord, HostedZone, RecordTarget};

/// The record a load-balanced pattern's `domain_name` gets (CDK
/// `ApplicationLoadBalancedServiceRecordType`, `NetworkLoadBalancedServiceRecordType`).
///
/// ```
/// use ecs_core::ecs_patterns::ApplicationLoadBalancedServiceRecordType as R;
/// assert_eq!(R::VARIANT_NAMES, ["Alias", "Cname", "None"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApplicationLoadBalancedServiceRecordType {
    /// An `A` alias record to the load balancer.
    Alias,
    /// A `CNAME` record answering the load balancer's DNS name.
    Cname,
    /// No record.
    None,
}

impl ApplicationLoadBalancedServiceRecordType {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Alias", "Cname", "None"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs_patterns", "ApplicationLoadBalancedServiceRecordType"],
        variants: Self::VARIANT_NAMES,
    };
}

/// The record of a pattern's `domain_name` under its scope `node` (`DNS`): its domain name,
/// which the service URL then names, or none.
pub(super) fn domain_record(
    app: &mut App,
    node: NodeId,
    id: &str,
    (domain_name, zone, record_type): (
        Option<&str>,
        Option<&HostedZone>,
        Option<ApplicationLoadBalancedServiceRecordType>,
    ),
    load_balancer: LoadBalancer,
) -> Result<Option<Value>, Error> {
    let Some(domain_name) = domain_name else {
        return Ok(None);
    };
    let Some(zone) = zone else {
        return Err(Error::new(format!(
            "`{}` has `domain_name` and no `domain_zone`: add the hosted zone, e.g. `domain_zone: HostedZone::from_hosted_zone_attributes(…)`",
            app.stack(node.stack()).path(node)
        )));
    };
    match record_type.unwrap_or(ApplicationLoadBalancedServiceRecordType::Alias) {
        ApplicationLoadBalancedServiceRecordType::Alias => ARecord::new(
            app,
            node,
            id,
            zone,
            domain_name,
            RecordTarget::load_balancer(load_balancer),
        )
        .map(Some),
        ApplicationLoadBalancedServiceRecordType::Cname => {
            let dns = load_balancer.load_balancer_dns_name(app);
            CnameRecord::new(app, node, id, zone, domain_name, dns).map(Some)
        }
        ApplicationLoadBalancedServiceRecordType::None => Ok(None),
    }
}

props! {
    /// The container a load-balanced pattern creates when it is given no task definition (CDK
    /// `ApplicationLoadBalancedTaskImageOptions`, `NetworkLoadBalancedTaskImageOptions`).
    ///
    /// ```
    /// use ecs_core::{ecs::image::ContainerImage, ecs_patterns::ApplicationLoadBalancedTaskImageOptions};
    /// let o = ApplicationLoadBalancedTaskImageOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).container_port(8080);
    /// assert_eq!(o.container_port, Some(8080));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ApplicationLoadBalancedTaskImageOptions {
        /// The image the container runs (required).
        [opt "image", .required()]
        image: ContainerImage,
        /// The container's name.
        [into "containerName", .default("`web`")]
        container_name: String,
        /// The port the container listens on, which the load balancer sends traffic to.
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
        /// The command the container runs.
        [list_into "command"]
        command: String,
        /// The entry point of the container.
        [list_into "entryPoint"]
        entry_point: String,
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

impl ApplicationLoadBalancedTaskImageOptions {
    map_setters!();

    /// The container options the pattern adds, with `logging` decided by the pattern.
    pub(super) fn container(&self, pattern_id: &str) -> ContainerDefinitionOptions {
        let mut c = ContainerDefinitionOptions::default()
            .environment(self.environment.clone())
            .secrets(self.secrets.clone())
            .docker_labels(self.docker_labels.clone())
            .command(self.command.clone())
            .entry_point(self.entry_point.clone())
            .port_mappings([
                PortMapping::default().container_port(self.container_port.unwrap_or(80))
            ]);
        if let Some(image) = &self.image {
            c = c.image(image.clone());
        }
        // The CDK logs by default, with the pattern's id as stream prefix.
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

    pub(super) fn name(&self) -> String {
        self.container_name
            .clone()
            .unwrap_or_else(|| "web".to_string())
    }
}

/// Declares the props of one launch type: the properties every application load-balanced
/// service shares (CDK `ApplicationLoadBalancedServiceBaseProps`) and then its own.
macro_rules! alb_service_props {
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
                [opt "taskImageOptions", .ty(Object(KindId::AlbTaskImageOptions))]
                task_image_options: ApplicationLoadBalancedTaskImageOptions,
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
                /// The load balancer's name (`Name`); also names the target group's id.
                [into "loadBalancerName"]
                load_balancer_name: String,
                /// The listener's port.
                [opt "listenerPort", .default("80 for HTTP, 443 for HTTPS")]
                listener_port: u32,
                /// The listener's protocol.
                [opt "protocol", .ty(Enum(&crate::elbv2::ListenerProtocol::DEF)), .default("`Https` with a certificate, else `Http`")]
                protocol: ListenerProtocol,
                /// The protocol the load balancer speaks to the tasks.
                [opt "targetProtocol", .ty(Enum(&crate::elbv2::ListenerProtocol::DEF)), .default("`Http`")]
                target_protocol: ListenerProtocol,
                /// The HTTPS listener's certificate.
                [opt "certificate"]
                certificate: ListenerCertificate,
                /// The HTTPS listener's TLS policy (`SslPolicy`).
                [into "sslPolicy"]
                ssl_policy: String,
                /// The domain name of the service, a record in `domain_zone`.
                [into "domainName"]
                domain_name: String,
                /// The hosted zone of `domain_name`.
                [into "domainZone"]
                domain_zone: HostedZone,
                /// The kind of record `domain_name` gets.
                [opt "recordType", .ty(Enum(&crate::ecs_patterns::ApplicationLoadBalancedServiceRecordType::DEF)), .default("`Alias`")]
                record_type: ApplicationLoadBalancedServiceRecordType,
                /// Whether a second listener on port 80 redirects to HTTPS (needs `Https`).
                [opt "redirectHTTP", .default("false")]
                redirect_http: bool,
                /// Whether anyone may reach the listener.
                [opt "openListener", .default("true")]
                open_listener: bool,
                /// The load balancer's idle timeout, 1 to 4000 seconds.
                [into "idleTimeout", .default("60 seconds")]
                idle_timeout: Duration,
                /// The HTTP version the target group speaks to the tasks.
                [opt "protocolVersion", .ty(Enum(&crate::elbv2::ApplicationProtocolVersion::DEF)), .default("`Http1`")]
                protocol_version: ApplicationProtocolVersion,
                /// An application load balancer of your own to add the listener to, instead of
                /// a new `LB`; its listener is then closed unless `open_listener` says otherwise.
                [opt "loadBalancer", .ty(Ref(RefClass::LoadBalancer)), .default("a new load balancer `LB`")]
                load_balancer: LoadBalancer,
                /// Which addresses the load balancer answers on; dual-stack needs a dual-stack VPC.
                [opt "ipAddressType", .ty(Enum(&crate::elbv2::IpAddressType::DEF)), .default("`Ipv4`")]
                ip_address_type: IpAddressType,
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

alb_service_props! {
    /// Properties of an [`ApplicationLoadBalancedFargateService`] (CDK
    /// `ApplicationLoadBalancedFargateServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::ApplicationLoadBalancedFargateServiceProps::default().cpu(512);
    /// assert_eq!(p.cpu, Some(512));
    /// ```
    pub struct ApplicationLoadBalancedFargateServiceProps {
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
        /// The container's CPU units, at most the task's.
        [opt "containerCpu"]
        container_cpu: u32,
        /// The container's hard memory limit in MiB, at most the task's.
        [opt "containerMemoryLimitMiB"]
        container_memory_limit_mib: u32,
        /// The container's health check.
        [opt "healthCheck"]
        health_check: HealthCheck,
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

alb_service_props! {
    /// Properties of an [`ApplicationLoadBalancedEc2Service`] (CDK
    /// `ApplicationLoadBalancedEc2ServiceProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs_patterns::ApplicationLoadBalancedEc2ServiceProps::default().memory_limit_mib(1024);
    /// assert_eq!(p.memory_limit_mib, Some(1024));
    /// ```
    pub struct ApplicationLoadBalancedEc2ServiceProps {
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

/// What every application load-balanced pattern creates and hands back: each part can be
/// configured further with its own builder methods.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::ecs_patterns::*;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let web = ApplicationLoadBalancedFargateService::new(&mut app, s, "Web",
///     ApplicationLoadBalancedFargateServiceProps::default().task_image_options(
///         ApplicationLoadBalancedTaskImageOptions::default().image(ContainerImage::from_registry("nginx"))))?;
/// assert_eq!(app.stack(s).path(web.listener.node()), "Web/Web/LB/PublicListener");
/// assert!(web.redirect_listener.is_none());
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApplicationLoadBalancedService {
    /// The pattern's scope.
    pub node: NodeId,
    /// The cluster the service runs in (the one given or the stack's default one).
    pub cluster: Cluster,
    /// The load balancer `LB`.
    pub load_balancer: LoadBalancer,
    /// The listener `PublicListener`.
    pub listener: Listener,
    /// The HTTP listener `PublicRedirectListener`, with `redirect_http`.
    pub redirect_listener: Option<Listener>,
    /// The target group the service is registered in.
    pub target_group: TargetGroup,
    /// The task definition (the one given or `TaskDef`).
    pub task_definition: TaskDefinition,
    /// The service `Service`.
    pub service: Service,
}

/// Constructor of a Fargate service behind a new application load balancer (CDK
/// `ApplicationLoadBalancedFargateService`).
#[derive(Debug)]
pub struct ApplicationLoadBalancedFargateService;

/// Constructor of an EC2 service behind a new application load balancer (CDK
/// `ApplicationLoadBalancedEc2Service`).
#[derive(Debug)]
pub struct ApplicationLoadBalancedEc2Service;

/// The launch-type-independent part of the props, taken out of either props type.
struct Base {
    cluster: Option<Cluster>,
    vpc: Option<Vpc>,
    desired_count: Option<u32>,
    public_load_balancer: Option<bool>,
    load_balancer_name: Option<String>,
    listener_port: Option<u32>,
    protocol: Option<ListenerProtocol>,
    target_protocol: Option<ListenerProtocol>,
    certificate: Option<ListenerCertificate>,
    ssl_policy: Option<String>,
    redirect_http: Option<bool>,
    open_listener: Option<bool>,
    idle_timeout: Option<Duration>,
    ip_address_type: Option<IpAddressType>,
    protocol_version: Option<ApplicationProtocolVersion>,
    load_balancer: Option<LoadBalancer>,
    domain_name: Option<String>,
    domain_zone: Option<HostedZone>,
    record_type: Option<ApplicationLoadBalancedServiceRecordType>,
}

macro_rules! base_of {
    ($p:expr) => {
        Base {
            cluster: $p.cluster,
            vpc: $p.vpc,
            desired_count: $p.desired_count,
            public_load_balancer: $p.public_load_balancer,
            load_balancer_name: $p.load_balancer_name.clone(),
            listener_port: $p.listener_port,
            protocol: $p.protocol,
            target_protocol: $p.target_protocol,
            certificate: $p.certificate.clone(),
            ssl_policy: $p.ssl_policy.clone(),
            redirect_http: $p.redirect_http,
            open_listener: $p.open_listener,
            idle_timeout: $p.idle_timeout,
            ip_address_type: $p.ip_address_type,
            protocol_version: $p.protocol_version,
            load_balancer: $p.load_balancer,
            domain_name: $p.domain_name.clone(),
            domain_zone: $p.domain_zone.clone(),
            record_type: $p.record_type,
        }
    };
}

/// The patterns' own checks of the props both launch types share (CDK
/// `ApplicationLoadBalancedServiceBase`), before anything is created.
fn check_base(
    noun: &str,
    id: &str,
    base: &Base,
    has_task_definition: bool,
    has_image: bool,
) -> Result<(), Error> {
    let owner = format!("{noun} `{id}`");
    if !super::cluster_or_vpc(base.cluster.is_some(), base.vpc.is_some()) {
        return Err(Error::new(super::cluster_or_vpc_message(noun, id)));
    }
    if !super::task_definition_or_image(has_task_definition, has_image) {
        return Err(Error::new(super::task_definition_or_image_message(
            noun,
            id,
            "task_image_options",
            has_task_definition,
        )));
    }
    if base.desired_count == Some(0) {
        return Err(Error::new(format!(
            "{owner} cannot have `desired_count: 0`: use 1 or more"
        )));
    }
    if let Some(t) = base.idle_timeout
        && !(1..=4000).contains(&t.to_seconds())
    {
        return Err(Error::new(format!(
            "{owner} cannot have an `idle_timeout` of {} seconds: use 1 to 4000 seconds",
            t.to_seconds()
        )));
    }
    let protocol = base.protocol.unwrap_or(if base.certificate.is_some() {
        ListenerProtocol::Https
    } else {
        ListenerProtocol::Http
    });
    if base.certificate.is_some() && protocol != ListenerProtocol::Https {
        return Err(Error::new(format!(
            "{owner} has a `certificate` and `protocol: {protocol:?}`: use `protocol: Https`"
        )));
    }
    // Without a certificate, the CDK requests one from ACM for `domain_name`, validated in
    // `domain_zone`: both are needed then.
    if protocol == ListenerProtocol::Https
        && base.certificate.is_none()
        && (base.domain_name.is_none() || base.domain_zone.is_none())
    {
        return Err(Error::new(format!(
            "{owner} has `protocol: Https` and no `certificate`: add `certificate: ListenerCertificate::from_arn(…)`, or `domain_name` and `domain_zone` to have one requested from ACM"
        )));
    }
    if base.domain_name.is_some() && base.domain_zone.is_none() {
        return Err(Error::new(format!(
            "{owner} has `domain_name` and no `domain_zone`: add the hosted zone, e.g. `domain_zone: HostedZone::from_hosted_zone_attributes(…)`"
        )));
    }
    if base.redirect_http == Some(true) && protocol != ListenerProtocol::Https {
        return Err(Error::new(format!(
            "{owner} has `redirect_http: true` without HTTPS: add a `certificate`"
        )));
    }
    for (property, p) in [
        ("protocol", base.protocol),
        ("target_protocol", base.target_protocol),
    ] {
        if let Some(p) = p
            && !matches!(p, ListenerProtocol::Http | ListenerProtocol::Https)
        {
            return Err(Error::new(format!(
                "{owner} cannot have `{property}: {p:?}`: an application load balancer speaks `Http` or `Https`"
            )));
        }
    }
    Ok(())
}

/// The load balancer, listeners, target group and outputs around `service` (the rest of the
/// CDK's `ApplicationLoadBalancedServiceBase` constructor, and `addServiceAsTarget`).
struct LbParts {
    load_balancer: LoadBalancer,
    listener: Listener,
    redirect_listener: Option<Listener>,
    target_group: TargetGroup,
}

fn load_balancer(
    app: &mut App,
    scope: NodeId,
    cluster: Cluster,
    base: &Base,
) -> Result<LbParts, Error> {
    let internet_facing = base.public_load_balancer.unwrap_or(true);
    let vpc = cluster.vpc(app)?;
    let mut lb_props = LoadBalancerProps::default()
        .vpc(vpc)
        .internet_facing(internet_facing);
    if let Some(name) = &base.load_balancer_name {
        lb_props = lb_props.load_balancer_name(name.clone());
    }
    if let Some(t) = base.idle_timeout {
        lb_props = lb_props.idle_timeout(t);
    }
    if let Some(t) = base.ip_address_type {
        lb_props = lb_props.ip_address_type(t);
    }
    let load_balancer = match base.load_balancer {
        Some(lb) => lb,
        None => ApplicationLoadBalancer::new(app, scope, "LB", lb_props)?,
    };
    let protocol = base.protocol.unwrap_or(if base.certificate.is_some() {
        ListenerProtocol::Https
    } else {
        ListenerProtocol::Http
    });
    // `@aws-cdk/aws-ecs-patterns:secGroupsDisablesImplicitOpenListener`: a load balancer of
    // the user's keeps its listener closed unless asked.
    let open = base.open_listener.unwrap_or(base.load_balancer.is_none());
    let mut listener_props = ListenerProps::default().protocol(protocol).open(open);
    if let Some(port) = base.listener_port {
        listener_props = listener_props.port(port);
    }
    if let Some(policy) = &base.ssl_policy {
        listener_props = listener_props.ssl_policy(policy.clone());
    }
    let certificate = match (&base.certificate, protocol) {
        (Some(c), _) => Some(c.clone()),
        // `Certificate` under the pattern, as the CDK requests it (checked above: both given).
        (None, ListenerProtocol::Https) => match (&base.domain_name, &base.domain_zone) {
            (Some(domain), Some(zone)) => Some(super::requested_certificate(
                app,
                scope,
                "Certificate",
                domain,
                zone,
            )?),
            _ => None,
        },
        (None, _) => None,
    };
    if let Some(c) = certificate {
        listener_props = listener_props.certificates([c]);
    }
    let listener = load_balancer.add_listener(app, "PublicListener", listener_props)?;
    // `@aws-cdk/aws-ecs-patterns:uniqueTargetGroupId`: the id names the load balancer and
    // whether it is internal, so patterns sharing a listener get distinct groups.
    let group_id = format!(
        "ECS{}{}",
        base.load_balancer_name.as_deref().unwrap_or(""),
        if internet_facing { "" } else { "Private" }
    );
    let target_group = listener.add_targets(app, &group_id, {
        let mut t = AddTargetsProps::default()
            .protocol(base.target_protocol.unwrap_or(ListenerProtocol::Http));
        if let Some(v) = base.protocol_version {
            t = t.protocol_version(v);
        }
        t
    })?;
    let redirect_listener = if base.redirect_http == Some(true) {
        let port = base.listener_port.unwrap_or(443);
        let redirect = load_balancer.add_listener(
            app,
            "PublicRedirectListener",
            ListenerProps::default()
                .protocol(ListenerProtocol::Http)
                .port(80)
                .open(open)
                .default_action(ListenerAction::redirect(
                    port.to_string(),
                    ListenerProtocol::Https,
                    true,
                )),
        )?;
        app.stack_mut(scope.stack())
            .add_dependency(redirect.node(), listener.node());
        Some(redirect)
    } else {
        None
    };
    let record = domain_record(
        app,
        scope,
        "DNS",
        (
            base.domain_name.as_deref(),
            base.domain_zone.as_ref(),
            base.record_type,
        ),
        load_balancer,
    )?;
    let dns = load_balancer.load_balancer_dns_name(app);
    CfnOutput::new(app, scope, "LoadBalancerDNS", Output::new(dns.clone()))?;
    // The service URL names the record when there is one.
    let url = Value::join(
        "",
        vec![
            format!("{}://", protocol.cfn_value().to_lowercase()).into(),
            record.unwrap_or(dns),
        ],
    );
    CfnOutput::new(app, scope, "ServiceURL", Output::new(url))?;
    Ok(LbParts {
        load_balancer,
        listener,
        redirect_listener,
        target_group,
    })
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl ApplicationLoadBalancedFargateService {
    /// Creates the pattern `id` under `scope`: a Fargate service with its task definition,
    /// an internet-facing application load balancer forwarding to it, and the outputs
    /// `LoadBalancerDNS` and `ServiceURL`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    /// let web = ApplicationLoadBalancedFargateService::new(&mut app, s, "Web",
    ///     ApplicationLoadBalancedFargateServiceProps::default().vpc(vpc).cpu(512).memory_limit_mib(1024)
    ///         .task_image_options(ApplicationLoadBalancedTaskImageOptions::default()
    ///             .image(ContainerImage::from_registry("nginx"))))?;
    /// assert_eq!(app.stack(s).path(web.service.node()), "Web/Web/Service");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, the props break
    /// one of the pattern's rules (both `cluster` and `vpc`, both `task_definition` and
    /// `task_image_options`, HTTPS without a certificate, …) or a rule of the parts it creates.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ApplicationLoadBalancedFargateServiceProps,
    ) -> Result<ApplicationLoadBalancedService, Error> {
        let scope: NodeId = scope.into();
        let noun = "application load balanced fargate service";
        let owner = format!("{noun} `{id}`");
        let base = base_of!(props);
        check_base(
            noun,
            id,
            &base,
            props.task_definition.is_some(),
            props.task_image_options.is_some(),
        )?;
        let (cpu, memory) = (
            props.cpu.unwrap_or(256),
            props.memory_limit_mib.unwrap_or(512),
        );
        if let Some(c) = props.container_cpu
            && c > cpu
        {
            return Err(Error::new(format!(
                "{owner} cannot have `container_cpu: {c}` above the task's `cpu: {cpu}`: lower `container_cpu` or raise `cpu`"
            )));
        }
        if let Some(m) = props.container_memory_limit_mib
            && (m == 0 || m > memory)
        {
            return Err(Error::new(format!(
                "{owner} cannot have `container_memory_limit_mib: {m}`: use 1 to the task's `memory_limit_mib: {memory}`"
            )));
        }
        let image = props.task_image_options.as_ref();
        build(
            app,
            (scope, id, &owner),
            &base,
            (props.task_definition, image),
            |app, node, image| {
                let mut td_props = FargateTaskDefinitionProps::default()
                    .cpu(cpu)
                    .memory_limit_mib(memory);
                if let Some(v) = props.ephemeral_storage_gib {
                    td_props = td_props.ephemeral_storage_gib(v);
                }
                if let Some(v) = props.runtime_platform {
                    td_props = td_props.runtime_platform(v);
                }
                let td =
                    FargateTaskDefinition::new(app, node, "TaskDef", image.task_props(td_props))?;
                let mut c = image.container(id);
                if let Some(v) = props.container_cpu {
                    c = c.cpu(v);
                }
                if let Some(v) = props.container_memory_limit_mib {
                    c = c.memory_limit_mib(v);
                }
                if let Some(v) = &props.health_check {
                    c = c.health_check(v.clone());
                }
                td.add_container(app, &image.name(), c)?;
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

/// What both launch types create alike, once the props are checked: the pattern's scope, the
/// cluster (given or the stack's default one), the load balancer and its parts, the task
/// definition (given, or made by `task` from the image options), and the service (made by
/// `service`) registered with the target group.
fn build(
    app: &mut App,
    (scope, id, owner): (NodeId, &str, &str),
    base: &Base,
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
) -> Result<ApplicationLoadBalancedService, Error> {
    if let Some(lb) = base.load_balancer
        && lb.data(app).kind != crate::elbv2::LbKind::Application
    {
        return Err(Error::new(super::load_balancer_kind_message(owner, true)));
    }
    let node = Construct::new(app, scope, id)?;
    let cluster = match base.cluster {
        Some(c) => c,
        None => super::default_cluster(app, node, base.vpc)?,
    };
    let parts = load_balancer(app, node, cluster, base)?;
    let task_definition = match (task_definition, image) {
        (Some(td), _) => td,
        (None, Some(image)) => task(app, node, image)?,
        (None, None) => unreachable_options(owner)?,
    };
    let service = service(app, node, cluster, task_definition)?;
    parts.target_group.add_target(app, service)?;
    Ok(ApplicationLoadBalancedService {
        node,
        cluster,
        load_balancer: parts.load_balancer,
        listener: parts.listener,
        redirect_listener: parts.redirect_listener,
        target_group: parts.target_group,
        task_definition,
        service,
    })
}

/// The task definition properties the image options set, on either launch type's props.
pub(super) trait ImageTaskProps: Sized {
    fn family(self, v: impl Into<String>) -> Self;
    fn task_role(self, v: Role) -> Self;
    fn execution_role(self, v: Role) -> Self;
}

macro_rules! image_task_props {
    ($($ty:ty),*) => {$(
        impl ImageTaskProps for $ty {
            fn family(self, v: impl Into<String>) -> Self {
                <$ty>::family(self, v)
            }
            fn task_role(self, v: Role) -> Self {
                <$ty>::task_role(self, v)
            }
            fn execution_role(self, v: Role) -> Self {
                <$ty>::execution_role(self, v)
            }
        }
    )*};
}
image_task_props!(FargateTaskDefinitionProps, Ec2TaskDefinitionProps);

impl ApplicationLoadBalancedTaskImageOptions {
    /// `props` with the image options' family and roles.
    pub(super) fn task_props<P: ImageTaskProps>(&self, mut props: P) -> P {
        if let Some(v) = &self.family {
            props = props.family(v.clone());
        }
        if let Some(v) = self.task_role {
            props = props.task_role(v);
        }
        if let Some(v) = self.execution_role {
            props = props.execution_role(v);
        }
        props
    }
}

/// `check_base` has refused props with neither a task definition nor an image; an error
/// rather than a panic keeps that a library bug, not a crash.
pub(super) fn unreachable_options<T>(owner: &str) -> Result<T, Error> {
    Err(Error::new(format!(
        "{owner} needs `task_image_options` or `task_definition`: add `task_image_options: {{ image: … }}`"
    )))
}

// As in the CDK, `new` returns the handle of the parts the pattern created.
#[allow(clippy::new_ret_no_self)]
impl ApplicationLoadBalancedEc2Service {
    /// Creates the pattern `id` under `scope`: an EC2 service (bridge network mode, dynamic
    /// host ports) with its task definition, an internet-facing application load balancer
    /// forwarding to it, and the outputs `LoadBalancerDNS` and `ServiceURL`. The cluster needs
    /// EC2 capacity.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs_patterns::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// cluster.add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.medium"))?;
    /// let web = ApplicationLoadBalancedEc2Service::new(&mut app, s, "Web",
    ///     ApplicationLoadBalancedEc2ServiceProps::default().cluster(cluster).memory_limit_mib(512)
    ///         .task_image_options(ApplicationLoadBalancedTaskImageOptions::default()
    ///             .image(ContainerImage::from_registry("nginx"))))?;
    /// assert_eq!(app.stack(s).path(web.task_definition.node()), "Web/Web/TaskDef");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ApplicationLoadBalancedFargateService::new`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ApplicationLoadBalancedEc2ServiceProps,
    ) -> Result<ApplicationLoadBalancedService, Error> {
        let scope: NodeId = scope.into();
        let noun = "application load balanced ec2 service";
        let owner = format!("{noun} `{id}`");
        let base = base_of!(props);
        check_base(
            noun,
            id,
            &base,
            props.task_definition.is_some(),
            props.task_image_options.is_some(),
        )?;
        let image = props.task_image_options.as_ref();
        build(
            app,
            (scope, id, &owner),
            &base,
            (props.task_definition, image),
            |app, node, image| {
                let props_td = image.task_props(Ec2TaskDefinitionProps::default());
                let td = Ec2TaskDefinition::new(app, node, "TaskDef", props_td)?;
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
