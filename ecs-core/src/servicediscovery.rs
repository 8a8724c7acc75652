//! Cloud Map service discovery (CDK `aws-servicediscovery` and the ECS service's
//! `cloudMapOptions` / `associateCloudMapService`).
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::servicediscovery::{CloudMapService, CloudMapServiceProps, DnsRecordType, PrivateDnsNamespace, PrivateDnsNamespaceProps};
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
//! let ns = PrivateDnsNamespace::new(&mut app, s, "Namespace",
//!     PrivateDnsNamespaceProps::default().name("corp.internal").vpc(vpc))?;
//! CloudMapService::new(&mut app, s, "Api",
//!     CloudMapServiceProps::default().namespace(ns).name("api").dns_record_type(DnsRecordType::A))?;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use std::borrow::Cow;

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::app::App;
use crate::construct::{NodeId, StackId};
use crate::ec2::Vpc;
use crate::ecs::facts::refused;
use crate::ecs::facts::{ContainerPick, Fact, RegistrationFacts, ServiceFacts};
use crate::ecs::rules;
use crate::ecs::service::Service;
use crate::error::Error;

/// The kind of a Cloud Map namespace (CDK `NamespaceType`).
///
/// ```
/// assert_eq!(ecs_core::servicediscovery::NamespaceType::default(), ecs_core::servicediscovery::NamespaceType::DnsPrivate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NamespaceType {
    /// DNS names resolvable in the VPC.
    #[default]
    DnsPrivate,
    /// Public DNS names.
    DnsPublic,
    /// API discovery only, no DNS.
    Http,
}

impl NamespaceType {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["DnsPrivate", "DnsPublic", "Http"];
}

/// The DNS records a Cloud Map service keeps for each task (CDK `DnsRecordType`).
///
/// ```
/// assert_eq!(ecs_core::servicediscovery::DnsRecordType::Srv.variant_name(), "Srv");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DnsRecordType {
    /// An IPv4 address record.
    A,
    /// An IPv6 address record.
    Aaaa,
    /// Both address records.
    AAndAaaa,
    /// A service record: address and port.
    Srv,
}

impl DnsRecordType {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["A", "Aaaa", "AAndAaaa", "Srv"];

    /// The Rust variant name.
    pub const fn variant_name(self) -> &'static str {
        match self {
            DnsRecordType::A => "A",
            DnsRecordType::Aaaa => "Aaaa",
            DnsRecordType::AAndAaaa => "AAndAaaa",
            DnsRecordType::Srv => "Srv",
        }
    }

    /// Reads a variant name as written in `ecs_app!`.
    pub fn from_variant_name(name: &str) -> Option<DnsRecordType> {
        [
            DnsRecordType::A,
            DnsRecordType::Aaaa,
            DnsRecordType::AAndAaaa,
            DnsRecordType::Srv,
        ]
        .into_iter()
        .find(|t| t.variant_name() == name)
    }

    fn records(self) -> &'static [&'static str] {
        match self {
            DnsRecordType::A => &["A"],
            DnsRecordType::Aaaa => &["AAAA"],
            DnsRecordType::AAndAaaa => &["A", "AAAA"],
            DnsRecordType::Srv => &["SRV"],
        }
    }
}

props! {
    /// Options of a cluster's default namespace (CDK `CloudMapNamespaceOptions`).
    ///
    /// ```
    /// let o = ecs_core::servicediscovery::CloudMapNamespaceOptions::default().name("app.local");
    /// assert_eq!(o.name, "app.local");
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct CloudMapNamespaceOptions {
        /// The namespace name (required).
        [val_into "name", .required()]
        name: String,
        /// The VPC of a private namespace; default the cluster's.
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .default("the cluster's VPC")]
        vpc: Vpc,
        /// The kind; default a private DNS namespace.
        [val "type", .default("`DnsPrivate`")]
        namespace_type: NamespaceType,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct NamespaceData {
    pub(crate) resource: NodeId,
    pub(crate) namespace_type: NamespaceType,
}

/// A Cloud Map namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Namespace {
    node: NodeId,
    index: usize,
}

impl Namespace {
    /// A namespace under `scope` (`<id>/Resource`).
    pub(crate) fn create_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        name: String,
        namespace_type: NamespaceType,
        vpc: Option<Vpc>,
        description: Option<String>,
    ) -> Result<Namespace, Error> {
        if name.is_empty() {
            return Err(Error::new(format!(
                "cloud map namespace `{id}` needs `name`: add e.g. `name: \"app.local\"`"
            )));
        }
        let (kind, vpc) = match namespace_type {
            NamespaceType::DnsPrivate => {
                let Some(vpc) = vpc else {
                    return Err(Error::new(format!(
                        "private dns namespace `{id}` needs `vpc`: add `vpc: <name>`"
                    )));
                };
                (
                    "AWS::ServiceDiscovery::PrivateDnsNamespace",
                    Some(vpc.vpc_id(app)),
                )
            }
            NamespaceType::DnsPublic => ("AWS::ServiceDiscovery::PublicDnsNamespace", None),
            NamespaceType::Http => ("AWS::ServiceDiscovery::HttpNamespace", None),
        };
        let mut resource = Resource::new(kind)
            .prop("Name", name)
            .prop_opt("Description", description);
        if let Some(vpc) = vpc {
            resource.set("Vpc", vpc);
        }
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let resource = st.add_resource(node, "Resource", resource)?;
        let index = app.all::<NamespaceData>().len();
        app.all_mut::<NamespaceData>().push(NamespaceData {
            resource,
            namespace_type,
        });
        Ok(Namespace { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [namespace, "Id"]}`.
    pub fn namespace_id(self, app: &App) -> Value {
        Value::GetAtt(app.all::<NamespaceData>()[self.index].resource, "Id".into())
    }

    /// `{"Fn::GetAtt": [namespace, "Arn"]}`.
    pub fn namespace_arn(self, app: &App) -> Value {
        Value::GetAtt(
            app.all::<NamespaceData>()[self.index].resource,
            "Arn".into(),
        )
    }

    /// The kind of namespace.
    pub fn namespace_type(self, app: &App) -> NamespaceType {
        app.all::<NamespaceData>()[self.index].namespace_type
    }
}

props! {
    /// Properties of a [`PrivateDnsNamespace`].
    ///
    /// ```
    /// let p = ecs_core::servicediscovery::PrivateDnsNamespaceProps::default().name("corp.internal");
    /// assert_eq!(p.name, "corp.internal");
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct PrivateDnsNamespaceProps {
        /// The name (required).
        [val_into "name", .required()]
        name: String,
        /// The VPC (required).
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .required()]
        vpc: Vpc,
        /// `Description`.
        [into "description"]
        description: String,
    }
}

/// Constructor of private DNS namespaces (CDK `PrivateDnsNamespace`).
#[derive(Debug)]
pub struct PrivateDnsNamespace;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl PrivateDnsNamespace {
    /// Creates a private DNS namespace with id `id` at the top of `stack`.
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: PrivateDnsNamespaceProps,
    ) -> Result<Namespace, Error> {
        app.check_stack(stack)?;
        app.check_each(props.vpc)?;
        let root = app.stack(stack).root();
        Namespace::create_in(
            app,
            root,
            id,
            props.name,
            NamespaceType::DnsPrivate,
            props.vpc,
            props.description,
        )
    }
}

props! {
    /// Properties of a [`CloudMapService`] (CDK `cloudmap.ServiceProps`, the DNS part).
    ///
    /// ```
    /// use ecs_core::servicediscovery::{CloudMapServiceProps, HealthCheckCustomConfig};
    /// let p = CloudMapServiceProps::default().name("api")
    ///     .custom_health_check(HealthCheckCustomConfig::default().failure_threshold(2));
    /// assert!(p.custom_health_check.is_some());
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct CloudMapServiceProps {
        /// The namespace (required).
        [opt "namespace", .ty(Ref(RefClass::Namespace)), .required()]
        namespace: Namespace,
        /// `Name`; CloudFormation generates one when absent.
        [into "name"]
        name: String,
        /// `Description`.
        [into "description"]
        description: String,
        /// The record type; default `A`.
        [opt "dnsRecordType", .ty(Enum(&DNS_RECORD_TYPE)), .default("`A`")]
        dns_record_type: DnsRecordType,
        /// The records' TTL; default one minute.
        [into "dnsTtl", .default("60 seconds")]
        dns_ttl: Duration,
        /// `HealthCheckCustomConfig`, when a custom health check is wanted.
        [opt "customHealthCheck", .ty(Object(KindId::CustomHealthCheck))]
        custom_health_check: HealthCheckCustomConfig,
    }
}

props! {
    /// A Cloud Map custom health check (CDK `HealthCheckCustomConfig`).
    ///
    /// ```
    /// let c = ecs_core::servicediscovery::HealthCheckCustomConfig::default().failure_threshold(2);
    /// assert_eq!(c.failure_threshold, Some(2));
    /// ```
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub struct HealthCheckCustomConfig {
        /// `FailureThreshold`; default 1.
        [opt "failureThreshold", .default("1")]
        failure_threshold: u32,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct CloudMapServiceData {
    pub(crate) resource: NodeId,
    pub(crate) dns_record_type: DnsRecordType,
}

/// A Cloud Map service (CDK `cloudmap.Service`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloudMapService {
    node: NodeId,
    index: usize,
}

impl CloudMapService {
    /// Creates a Cloud Map service with id `id` at the top of `stack`.
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: CloudMapServiceProps,
    ) -> Result<CloudMapService, Error> {
        app.check_stack(stack)?;
        let root = app.stack(stack).root();
        CloudMapService::create_in(app, root, id, props)
    }

    pub(crate) fn create_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        props: CloudMapServiceProps,
    ) -> Result<CloudMapService, Error> {
        app.check_each([scope])?;
        app.check_each(props.namespace)?;
        let Some(namespace) = props.namespace else {
            return Err(Error::new(format!(
                "cloud map service `{id}` needs `namespace`: add `namespace: <name>`"
            )));
        };
        let record_type = props.dns_record_type.unwrap_or(DnsRecordType::A);
        let ttl = props
            .dns_ttl
            .unwrap_or(Duration::minutes(1))
            .checked(&format!("cloud map service `{id}`"), "dns_ttl")?;
        let namespace_id = namespace.namespace_id(app);
        let records = record_type
            .records()
            .iter()
            .map(|t| Value::map([("TTL", Value::from(ttl)), ("Type", Value::from(*t))]))
            .collect();
        let mut resource = Resource::new("AWS::ServiceDiscovery::Service")
            .prop_opt("Name", props.name)
            .prop_opt("Description", props.description)
            .prop("NamespaceId", namespace_id.clone());
        if namespace.namespace_type(app) != NamespaceType::Http {
            resource.set(
                "DnsConfig",
                Value::map([
                    ("DnsRecords", Value::List(records)),
                    ("NamespaceId", namespace_id),
                    ("RoutingPolicy", Value::from("MULTIVALUE")),
                ]),
            );
        }
        if let Some(check) = props.custom_health_check {
            resource.set(
                "HealthCheckCustomConfig",
                Value::map([(
                    "FailureThreshold",
                    Value::from(check.failure_threshold.unwrap_or(1)),
                )]),
            );
        }
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let resource = st.add_resource(node, "Resource", resource)?;
        let index = app.all::<CloudMapServiceData>().len();
        app.all_mut::<CloudMapServiceData>()
            .push(CloudMapServiceData {
                resource,
                dns_record_type: record_type,
            });
        Ok(CloudMapService { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [service, "Arn"]}`.
    pub fn service_arn(self, app: &App) -> Value {
        Value::GetAtt(
            app.all::<CloudMapServiceData>()[self.index].resource,
            "Arn".into(),
        )
    }

    /// The record type.
    pub fn dns_record_type(self, app: &App) -> DnsRecordType {
        app.all::<CloudMapServiceData>()[self.index].dns_record_type
    }
}

props! {
    /// A service's `cloud_map_options` (CDK `CloudMapOptions`).
    ///
    /// ```
    /// use ecs_core::servicediscovery::{CloudMapOptions, DnsRecordType};
    /// let o = CloudMapOptions::default().name("sidecar").dns_record_type(DnsRecordType::Srv)
    ///     .container("sidecar").container_port(7600).dns_ttl(30);
    /// assert_eq!(o.container_port, Some(7600));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct CloudMapOptions {
        /// `Name` of the Cloud Map service.
        [into "name"]
        name: String,
        /// The namespace; default the cluster's default namespace.
        [opt "cloudMapNamespace", .ty(Ref(RefClass::Namespace)), .default("the cluster's default namespace")]
        cloud_map_namespace: Namespace,
        /// The record type; default `A` in awsvpc mode, `Srv` in bridge and host mode.
        [opt "dnsRecordType", .ty(Enum(&DNS_RECORD_TYPE)), .default("`A` in awsvpc mode, `Srv` in bridge and host mode")]
        dns_record_type: DnsRecordType,
        /// The TTL; default one minute.
        [into "dnsTtl", .default("60 seconds")]
        dns_ttl: Duration,
        /// The custom health check's failure threshold; default 1.
        [opt "failureThreshold", .default("1")]
        failure_threshold: u32,
        /// The container an SRV record points at, by name; default the first essential one.
        [into "container", .ty(Name), .default("the default container")]
        container: String,
        /// The port an SRV record points at; default the default container's first port.
        [opt "containerPort", .default("the default container's first port")]
        container_port: u32,
    }
}

props! {
    /// Options of [`Service::associate_cloud_map_service`] (CDK
    /// `AssociateCloudMapServiceOptions`).
    ///
    /// ```
    /// let o = ecs_core::servicediscovery::AssociateCloudMapServiceOptions::default().container_port(80);
    /// assert_eq!(o.container_port, Some(80));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AssociateCloudMapServiceOptions {
        /// The Cloud Map service (required).
        [opt "service", .ty(Ref(RefClass::CloudMapService)), .required()]
        service: CloudMapService,
        /// The container of SRV records, by name; default the first essential one.
        [into "container", .ty(Name), .default("the default container")]
        container: String,
        /// The port of SRV records; default the default container's first port.
        [opt "containerPort", .default("the default container's first port")]
        container_port: u32,
    }
}

impl Service {
    /// Registers the service's tasks in a new Cloud Map service `<id>/CloudmapService`
    /// (CDK `enableCloudMap`), checking rules X1 and M1.
    pub fn enable_cloud_map(
        self,
        app: &mut App,
        options: CloudMapOptions,
    ) -> Result<CloudMapService, Error> {
        app.check_stack(self.node().stack)?;
        let id = self.id(app).to_string();
        let cluster = self.cluster(app);
        let default_namespace = cluster.default_cloud_map_namespace(app);
        let namespace = options.cloud_map_namespace.or(default_namespace);
        let mut service = ServiceFacts::new(&id, self.launch_type(app));
        service.cloud_map_options = Fact::Known((), ());
        refused(service.violations())?;
        let mut facts = self.registration_facts(app, &id, &options.container);
        facts.namespace = Fact::written(options.cloud_map_namespace.is_some(), ());
        facts.cluster = Some((
            cluster.id(app),
            Fact::written(default_namespace.is_some(), ()),
        ));
        facts.dns_record_type = Fact::given(options.dns_record_type, ());
        facts.container_port = Fact::given(options.container_port, ());
        refused(facts.violations())?;
        let Some(namespace) = namespace else {
            return Err(Error::new(rules::cloud_map_namespace_message(
                &id,
                cluster.id(app),
            )));
        };
        if namespace.namespace_type(app) == NamespaceType::Http {
            return Err(Error::new(format!(
                "service `{id}` cannot use dns discovery in an http namespace: use a dns namespace"
            )));
        }
        let mode = self.task_definition(app).network_mode(app);
        let record_type = options
            .dns_record_type
            .unwrap_or(rules::default_dns_record_type(mode));
        let (container, port) =
            self.registry_target(app, record_type, options.container, options.container_port)?;
        self.check_single_registry(app)?;
        let cm = CloudMapService::create_in(
            app,
            self.node(),
            "CloudmapService",
            CloudMapServiceProps {
                namespace: Some(namespace),
                name: options.name,
                description: None,
                dns_record_type: Some(record_type),
                dns_ttl: options.dns_ttl,
                custom_health_check: Some(HealthCheckCustomConfig {
                    failure_threshold: Some(options.failure_threshold.unwrap_or(1)),
                }),
            },
        )?;
        self.add_registry(app, cm, container, port);
        Ok(cm)
    }

    /// Registers the tasks in an existing Cloud Map service (CDK
    /// `associateCloudMapService`); container and port are used for SRV records only.
    pub fn associate_cloud_map_service(
        self,
        app: &mut App,
        options: AssociateCloudMapServiceOptions,
    ) -> Result<(), Error> {
        app.check_stack(self.node().stack)?;
        let id = self.id(app).to_string();
        let Some(cm) = options.service else {
            return Err(Error::new(format!(
                "`associate_cloud_map_service` of service `{id}` needs `service`: name a `cloud_map_service`"
            )));
        };
        let mut service = ServiceFacts::new(&id, self.launch_type(app));
        service.associate_cloud_map_service = Fact::Known((), ());
        refused(service.violations())?;
        let record_type = cm.dns_record_type(app);
        let mut facts = self.registration_facts(app, &id, &options.container);
        facts.creates_service = false;
        facts.dns_record_type = Fact::Known(record_type, ());
        facts.container_port = Fact::given(options.container_port, ());
        refused(facts.violations())?;
        let (container, port) =
            self.registry_target(app, record_type, options.container, options.container_port)?;
        self.check_single_registry(app)?;
        self.add_registry(app, cm, container, port);
        Ok(())
    }

    /// The rules' view of a registration of the service, its SRV records' container `container`.
    fn registration_facts<'a>(
        self,
        app: &'a App,
        id: &'a str,
        container: &'a Option<String>,
    ) -> RegistrationFacts<'a, ()> {
        let mut facts = RegistrationFacts::new(id, (), self.launch_type(app));
        facts.task = Some(self.task_definition(app).data(app).facts().served());
        if let Some(name) = container {
            facts.container = ContainerPick::Named(Cow::Borrowed(name), ());
        }
        facts
    }

    /// The container name and port of an SRV record, `None` for address records; rule M1 has
    /// judged them, so only a task definition without a default container is left to refuse
    /// (rule S2).
    fn registry_target(
        self,
        app: &App,
        record_type: DnsRecordType,
        container: Option<String>,
        port: Option<u32>,
    ) -> Result<(Option<String>, Option<u32>), Error> {
        if record_type != DnsRecordType::Srv {
            return Ok((None, None));
        }
        let data = self.task_definition(app).data(app);
        let default = data.containers.iter().find(|c| c.essential);
        let container = match container {
            Some(name) => data.containers.iter().find(|c| c.name == name),
            None => default,
        };
        // The CDK defaults the port to the default container's, whichever container is named.
        let port = port.or_else(|| {
            default
                .and_then(|c| c.options.port_mappings.first())
                .map(|p| p.container_port)
        });
        match (container, port) {
            (Some(c), Some(p)) => Ok((Some(c.name.clone()), Some(p))),
            _ => Err(Error::new(rules::essential_container_message(&data.id))),
        }
    }

    fn check_single_registry(self, app: &App) -> Result<(), Error> {
        if self.data(app).has_service_registry {
            return Err(Error::new(format!(
                "service `{}` is already registered in cloud map: ecs allows one registry per service, keep one of `cloud_map_options` and `associate_cloud_map_service`",
                self.id(app)
            )));
        }
        Ok(())
    }

    fn add_registry(
        self,
        app: &mut App,
        cm: CloudMapService,
        container: Option<String>,
        port: Option<u32>,
    ) {
        let mut entry = vec![("RegistryArn", cm.service_arn(app))];
        if let (Some(c), Some(p)) = (container, port) {
            entry.push(("ContainerName", Value::from(c)));
            entry.push(("ContainerPort", Value::from(p)));
        }
        self.push_to(app, "ServiceRegistries", Value::map(entry));
        self.data_mut(app).has_service_registry = true;
    }
}

handle!(Namespace, CloudMapService);

impl crate::construct::app::Data for NamespaceData {}
impl crate::construct::app::Data for CloudMapServiceData {}
