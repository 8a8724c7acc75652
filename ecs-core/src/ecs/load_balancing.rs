//! How ECS services become load-balancer targets (CDK `loadBalancerTarget`,
//! `registerLoadBalancerTargets`, `attachToApplicationTargetGroup`, `attachToClassicLB`): a
//! service, or one container and port of it, registered in target groups and classic load
//! balancers, with the security-group rules that let the traffic through.

use std::borrow::Cow;

use crate::cfn::Value;
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::connections::Port;
use crate::ec2::{Connectable, SecurityGroup};
use crate::ecs::container;
use crate::ecs::facts::refused;
use crate::ecs::facts::{ContainerPick, Fact, TargetFacts};
use crate::ecs::rules;
use crate::ecs::service::Service;
use crate::ecs::task_definition::NetworkMode;
use crate::elbv2::{
    AddTargetsProps, Listener, ListenerProtocol, LoadBalancer, LoadBalancerTarget, Target,
    TargetGroup,
};
use crate::error::Error;

/// A chosen container and port of a service as a load-balancer target (CDK
/// `IEcsLoadBalancerTarget`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcsLoadBalancerTarget {
    service: Service,
    container_name: String,
    container_port: u32,
    host_port: Option<u32>,
    protocol: container::Protocol,
    // Boxed: most targets have none, and targets are passed around by value.
    alternate_target: Option<Box<crate::ecs::deployment_strategy::AlternateTarget>>,
}

props! {
    /// Options of [`Service::load_balancer_target`] (CDK `LoadBalancerTargetOptions`).
    ///
    /// ```
    /// let o = ecs_core::ecs::load_balancing::LoadBalancerTargetOptions::default().container_name("web").container_port(8080);
    /// assert_eq!(o.container_port, Some(8080));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct LoadBalancerTargetOptions {
        /// The service whose `loadBalancerTarget` the CDK calls.
        [none "service", .ty(Ref(RefClass::Service)), .required(), .set(Set::Custom)]
        service: (),
        /// The container the load balancer sends traffic to (rule L1).
        [val_into "containerName", .ty(Name), .required()]
        container_name: String,
        /// The container port the traffic goes to; it must be mapped (rule L1).
        [opt "containerPort", .default("the container's first port")]
        container_port: u32,
        /// The protocol of that port mapping.
        [val "protocol", .ty(Enum(&crate::ecs::container::Protocol::DEF)), .default("`Tcp`")]
        protocol: container::Protocol,
        /// The second target group of a blue/green deployment (ECS deployment controller
        /// only).
        [opt "alternateTarget", .default("none")]
        alternate_target: crate::ecs::deployment_strategy::AlternateTarget,
    }
}

impl EcsLoadBalancerTarget {
    /// The container the load balancer sends traffic to (CDK `containerName`).
    pub fn container_name(&self) -> &str {
        &self.container_name
    }

    /// The port mapping the traffic goes to (CDK `portMapping`).
    pub fn port_mapping(&self) -> crate::ecs::container::PortMapping {
        let mut mapping =
            crate::ecs::container::PortMapping::from(self.container_port).protocol(self.protocol);
        if let Some(h) = self.host_port {
            mapping = mapping.host_port(h);
        }
        mapping
    }
}

props! {
    /// One container and port of a service joining a target group (CDK
    /// `targetGroup.addTarget(service.loadBalancerTarget(options))`), as
    /// [`Service::add_to_target_group`] takes it.
    ///
    /// ```
    /// let t = ecs_core::ecs::load_balancing::TargetGroupTarget::default().container_name("web").container_port(80);
    /// assert_eq!(t.container_port, Some(80));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct TargetGroupTarget {
        /// The target group (required), declared with `target_group`.
        [opt "targetGroup", .ty(Ref(RefClass::TargetGroup)), .required()]
        target_group: TargetGroup,
        /// The container the load balancer sends traffic to (rule L1).
        [val_into "containerName", .ty(Name), .required()]
        container_name: String,
        /// The container port the traffic goes to; it must be mapped (rule L1).
        [opt "containerPort", .default("the container's first port")]
        container_port: u32,
        /// The protocol of that port mapping.
        [val "protocol", .ty(Enum(&crate::ecs::container::Protocol::DEF)), .default("`Tcp`")]
        protocol: container::Protocol,
        /// The second target group of a blue/green deployment (ECS deployment controller
        /// only).
        [opt "alternateTarget", .default("none")]
        alternate_target: crate::ecs::deployment_strategy::AlternateTarget,
    }
}

impl Service {
    /// Registers one container and port of the service with a target group (CDK
    /// `targetGroup.addTarget(service.loadBalancerTarget(options))`), with an alternate target
    /// for a blue/green deployment when given.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::load_balancing::TargetGroupTarget;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).port_mappings([PortMapping::from(80)]))?;
    /// let group = TargetGroup::new_application(&mut app, s, "Group", vpc, AddTargetsProps::default().port(80))?;
    /// let service = FargateService::new(&mut app, s, "Service",
    ///     FargateServiceProps::default().cluster(cluster).task_definition(td))?;
    /// service.add_to_target_group(&mut app, TargetGroupTarget::default()
    ///     .target_group(group).container_name("web").container_port(80))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When a handle is of another app, the group is missing, or the target breaks a rule of
    /// load-balancer targets (rule L1), or its alternate target needs another deployment
    /// controller.
    pub fn add_to_target_group(
        self,
        app: &mut App,
        target: TargetGroupTarget,
    ) -> Result<(), Error> {
        app.check_node(self.node())?;
        let Some(group) = target.target_group else {
            return Err(Error::new(format!(
                "a load balancer target of service `{}` needs `target_group`: add `target_group: <target_group>`",
                self.id(app)
            )));
        };
        let mut options = LoadBalancerTargetOptions::default()
            .container_name(target.container_name)
            .protocol(target.protocol);
        if let Some(port) = target.container_port {
            options = options.container_port(port);
        }
        if let Some(alternate) = target.alternate_target {
            options = options.alternate_target(alternate);
        }
        let t = self.load_balancer_target(app, options)?;
        group.add_target(app, t)
    }
}

/// How [`Service::register_load_balancer_targets`] reaches a listener (CDK `ListenerConfig`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListenerConfig {
    /// `ListenerConfig.applicationListener(listener, props)`: port 443 for HTTPS, else 80.
    Application(Listener, AddTargetsProps),
    /// `ListenerConfig.networkListener(listener, props)`: port 80 by default.
    Network(Listener, AddTargetsProps),
}

impl ListenerConfig {
    /// An application listener and the options of the target group made on it (CDK
    /// `ListenerConfig.applicationListener`).
    pub fn application_listener(listener: Listener, props: AddTargetsProps) -> Self {
        ListenerConfig::Application(listener, props)
    }

    /// A network listener and the options of the target group made on it (CDK
    /// `ListenerConfig.networkListener`).
    pub fn network_listener(listener: Listener, props: AddTargetsProps) -> Self {
        ListenerConfig::Network(listener, props)
    }

    /// Registers `target` with a new target group `id` on the listener (CDK
    /// `ListenerConfig#addTargets`), the port defaulting as the CDK's configs default it.
    ///
    /// # Errors
    ///
    /// As [`Listener::add_targets`].
    pub fn add_targets(
        self,
        app: &mut App,
        id: &str,
        target: EcsLoadBalancerTarget,
    ) -> Result<TargetGroup, Error> {
        let (listener, props) = match self {
            ListenerConfig::Application(l, p) => {
                let default = if p.protocol == Some(ListenerProtocol::Https) {
                    443
                } else {
                    80
                };
                let port = p.port.unwrap_or(default);
                (l, p.port(port))
            }
            ListenerConfig::Network(l, p) => {
                let port = p.port.unwrap_or(80);
                (l, p.port(port))
            }
        };
        let mut props = props;
        props.targets = vec![LoadBalancerTarget::from(target)];
        listener.add_targets(app, id, props)
    }
}

/// One registration of [`Service::register_load_balancer_targets`] (CDK `EcsTarget`).
///
/// ```
/// use ecs_core::ecs::load_balancing::EcsTarget;
/// let t = EcsTarget::default().container_name("web").container_port(80).new_target_group_id("ECS");
/// assert_eq!(t.new_target_group_id, "ECS");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EcsTarget {
    /// The container (required).
    pub container_name: String,
    /// The container port; default the container's first mapping.
    pub container_port: Option<u32>,
    /// The mapping's protocol; default TCP.
    pub protocol: container::Protocol,
    /// The id of the new target group (required).
    pub new_target_group_id: String,
    /// The listener (required).
    pub listener: Option<ListenerConfig>,
}

impl EcsTarget {
    /// Sets `container_name`.
    pub fn container_name(mut self, name: impl Into<String>) -> Self {
        self.container_name = name.into();
        self
    }

    /// Sets `container_port`.
    pub fn container_port(mut self, port: u32) -> Self {
        self.container_port = Some(port);
        self
    }

    /// Sets `protocol`.
    pub fn protocol(mut self, protocol: container::Protocol) -> Self {
        self.protocol = protocol;
        self
    }

    /// Sets `new_target_group_id`.
    pub fn new_target_group_id(mut self, id: impl Into<String>) -> Self {
        self.new_target_group_id = id.into();
        self
    }

    /// Sets `listener`.
    pub fn listener(mut self, listener: ListenerConfig) -> Self {
        self.listener = Some(listener);
        self
    }
}

impl Service {
    /// One container and port of the service as a load-balancer target, checked against the
    /// task definition (rules X1, L1; CDK `loadBalancerTarget`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn load_balancer_target(
        self,
        app: &App,
        options: LoadBalancerTargetOptions,
    ) -> Result<EcsLoadBalancerTarget, Error> {
        let id = self.id(app);
        let data = self.task_definition(app).data(app);
        let mut facts = TargetFacts::new(id, (), self.launch_type(app));
        facts.task = Some(data.facts().served());
        facts.container = ContainerPick::Named(Cow::Borrowed(&options.container_name), ());
        facts.container_port = Fact::given(options.container_port, ());
        facts.protocol = Fact::Known(options.protocol, ());
        refused(facts.violations())?;
        if options.alternate_target.is_some() && !self.is_using_ecs_deployment_controller(app) {
            return Err(Error::new(format!(
                "service `{id}` has an `alternate_target`, which needs the ECS deployment controller: remove `deployment_controller` or the alternate target"
            )));
        }
        // Rule L1 found the container and its mapping.
        let container = data
            .containers
            .iter()
            .find(|c| c.name == options.container_name);
        let mapping = container.and_then(|c| {
            let wanted = options.container_port.or(c
                .options
                .port_mappings
                .first()
                .map(|p| p.container_port));
            c.options
                .port_mappings
                .iter()
                .find(|p| Some(p.container_port) == wanted && p.protocol == options.protocol)
        });
        let (Some(container), Some(mapping)) = (container, mapping) else {
            return Err(Error::new(rules::target_port_message(
                id,
                &options.container_name,
                options.container_port,
                options.protocol,
            )));
        };
        Ok(EcsLoadBalancerTarget {
            service: self,
            container_name: container.name.clone(),
            container_port: mapping.container_port,
            host_port: mapping.host_port,
            protocol: mapping.protocol,
            alternate_target: options.alternate_target.map(Box::new),
        })
    }

    /// The default target (CDK `defaultLoadBalancerTarget`): the default container's first
    /// port, over TCP.
    fn default_load_balancer_target(self, app: &App) -> Result<EcsLoadBalancerTarget, Error> {
        let td = self.task_definition(app);
        let Some(container) = td.default_container(app) else {
            return Err(Error::new(rules::essential_container_message(td.id(app))));
        };
        let name = container.container_name(app).to_string();
        self.load_balancer_target(
            app,
            LoadBalancerTargetOptions::default().container_name(name),
        )
    }

    /// Registers containers of the service with listeners, a new target group each (CDK
    /// `registerLoadBalancerTargets`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn register_load_balancer_targets(
        self,
        app: &mut App,
        targets: impl IntoIterator<Item = EcsTarget>,
    ) -> Result<Vec<TargetGroup>, Error> {
        app.check_stack(self.node().stack)?;
        let mut groups = Vec::new();
        for t in targets {
            let target = self.load_balancer_target(
                app,
                LoadBalancerTargetOptions {
                    container_name: t.container_name.clone(),
                    container_port: t.container_port,
                    protocol: t.protocol,
                    alternate_target: None,
                },
            )?;
            let Some(config) = t.listener else {
                return Err(Error::new(format!(
                    "`register_load_balancer_targets` of service `{}` needs `listener`",
                    self.id(app)
                )));
            };
            groups.push(config.add_targets(app, &t.new_target_group_id, target)?);
        }
        Ok(groups)
    }
}

/// The ports the load balancer must reach for a mapping (CDK `_portRangeFromPortMapping`).
fn port_range(
    mode: NetworkMode,
    host_port: Option<u32>,
    container_port: u32,
    protocol: container::Protocol,
) -> Port {
    let single = |p| match protocol {
        container::Protocol::Udp => Port::udp(p),
        container::Protocol::Tcp => Port::tcp(p),
    };
    match host_port {
        Some(h) if h != 0 => single(h),
        _ if matches!(mode, NetworkMode::Bridge | NetworkMode::Nat) => {
            Port::tcp_range(32768, 65535)
        }
        _ => single(container_port),
    }
}

/// The rules' view of a target (`classic`: the classic load balancer's id).
fn target_facts<'a>(
    app: &'a App,
    target: &'a Pick,
    classic: Option<&'a str>,
) -> TargetFacts<'a, ()> {
    let service = target.service();
    let mut facts = TargetFacts::new(service.id(app), (), service.launch_type(app));
    facts.classic = classic;
    facts.task = Some(service.task_definition(app).data(app).facts().served());
    if let Pick::Container(t) = target {
        facts.container = ContainerPick::Named(Cow::Borrowed(&t.container_name), ());
        facts.container_port = Fact::Known(t.container_port, ());
        facts.protocol = Fact::Known(t.protocol, ());
    }
    facts
}

/// A target judged by its rules (X1, F4, L2, L1), as the container and port it reaches.
fn resolve_target(
    app: &App,
    target: Pick,
    classic: Option<&str>,
) -> Result<EcsLoadBalancerTarget, Error> {
    refused(target_facts(app, &target, classic).violations())?;
    match target {
        Pick::Service(s) => s.default_load_balancer_target(app),
        Pick::Container(t) => Ok(t),
    }
}

/// What a load balancer reaches of a service: its default container and port (CDK
/// `targets: [service]`) or a chosen one (CDK `service.loadBalancerTarget(…)`).
enum Pick {
    Service(Service),
    Container(EcsLoadBalancerTarget),
}

impl Pick {
    fn service(&self) -> Service {
        match self {
            Pick::Service(service) => *service,
            Pick::Container(target) => target.service,
        }
    }
}

/// Attaches a target to a v2 target group (CDK `attachToApplicationTargetGroup` /
/// `attachToNetworkTargetGroup`).
fn attach_target(app: &mut App, tg: TargetGroup, target: Pick) -> Result<(), Error> {
    let t = resolve_target(app, target, None)?;
    let service = t.service;
    let mode = service.task_definition(app).network_mode(app);
    let data = tg.data(app).clone();
    if data.application {
        let targets = service.connection_groups(app);
        let port = port_range(mode, t.host_port, t.container_port, t.protocol);
        tg.register_connectable(app, targets, port)?;
    }
    let mut entry = vec![
        ("ContainerName", Value::from(t.container_name.clone())),
        ("ContainerPort", Value::from(t.container_port)),
        ("TargetGroupArn", Value::Ref(data.resource)),
    ];
    if let Some(alternate) = &t.alternate_target {
        entry.push((
            "AdvancedConfiguration",
            alternate.bind(app, service.node())?,
        ));
    }
    service.push_to(app, "LoadBalancers", Value::map(entry));
    service.load_balancer_attached(app);
    let resource = service.resource(app);
    tg.add_dependent(app, resource);
    let target_type = if mode == NetworkMode::AwsVpc {
        "ip"
    } else {
        "instance"
    };
    app.stack_mut(data.resource.stack)
        .resource_mut(data.resource)
        .set("TargetType", target_type);
    Ok(())
}

/// Attaches a target to a classic load balancer (CDK `attachToClassicLB`).
fn attach_classic(app: &mut App, lb: LoadBalancer, target: Pick) -> Result<(), Error> {
    let id = lb.data(app).id.clone();
    let resource = lb.load_balancer_ref(app);
    let t = resolve_target(app, target, Some(&id))?;
    let service = t.service;
    if service.data(app).az_rebalancing {
        return Err(Error::new(format!(
            "service `{}` has `availability_zone_rebalancing: Enabled` and cannot be a target of classic load balancer `{id}`: disable the rebalancing or use an application or network load balancer",
            service.id(app)
        )));
    }
    service.push_to(
        app,
        "LoadBalancers",
        Value::map([
            ("ContainerName", Value::from(t.container_name.clone())),
            ("ContainerPort", Value::from(t.container_port)),
            ("LoadBalancerName", resource),
        ]),
    );
    service.load_balancer_attached(app);
    Ok(())
}

impl Service {
    /// Registers the service's default target with an application target group (CDK
    /// `attachToApplicationTargetGroup`).
    ///
    /// # Errors
    ///
    /// When the group is a network target group, or the target breaks a rule of load-balancer
    /// targets (L1).
    pub fn attach_to_application_target_group(
        self,
        app: &mut App,
        group: TargetGroup,
    ) -> Result<(), Error> {
        if !group.is_application(app) {
            return Err(Error::new(
                "the target group is a network target group: use `attach_to_network_target_group`",
            ));
        }
        self.attach_to_target_group(app, group)
    }

    /// Registers the service's default target with a network target group (CDK
    /// `attachToNetworkTargetGroup`).
    ///
    /// # Errors
    ///
    /// When the group is an application target group, or the target breaks a rule.
    pub fn attach_to_network_target_group(
        self,
        app: &mut App,
        group: TargetGroup,
    ) -> Result<(), Error> {
        if group.is_application(app) {
            return Err(Error::new(
                "the target group is an application target group: use `attach_to_application_target_group`",
            ));
        }
        self.attach_to_target_group(app, group)
    }

    /// Registers the service with a classic load balancer (CDK `attachToClassicLB`; rule L2).
    ///
    /// # Errors
    ///
    /// When the service's network mode cannot be reached by a classic load balancer.
    pub fn attach_to_classic_lb(self, app: &mut App, lb: LoadBalancer) -> Result<(), Error> {
        self.attach_to_classic_load_balancer(app, lb)
    }
}

impl Target for Service {
    fn attach_to_target_group(&self, app: &mut App, group: TargetGroup) -> Result<(), Error> {
        attach_target(app, group, Pick::Service(*self))
    }

    fn attach_to_classic_load_balancer(
        &self,
        app: &mut App,
        lb: LoadBalancer,
    ) -> Result<(), Error> {
        attach_classic(app, lb, Pick::Service(*self))
    }
}

impl Connectable for EcsLoadBalancerTarget {
    fn connectable_node(&self) -> Option<NodeId> {
        Some(self.service.node())
    }

    fn security_groups(&self, app: &App) -> Vec<SecurityGroup> {
        self.service.security_groups(app)
    }
}

impl Target for EcsLoadBalancerTarget {
    fn attach_to_target_group(&self, app: &mut App, group: TargetGroup) -> Result<(), Error> {
        attach_target(app, group, Pick::Container(self.clone()))
    }

    fn attach_to_classic_load_balancer(
        &self,
        app: &mut App,
        lb: LoadBalancer,
    ) -> Result<(), Error> {
        attach_classic(app, lb, Pick::Container(self.clone()))
    }
}
