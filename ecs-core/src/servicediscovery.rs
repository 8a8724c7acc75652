//! Cloud Map service discovery (CDK `aws-servicediscovery`): namespaces and services. How ECS
//! services register in them is [`ecs::cloud_map`](crate::ecs::cloud_map).
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

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::Vpc;
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
        /// Makes it the cluster's default namespace for Service Connect
        /// (`ServiceConnectDefaults`).
        [val "useForServiceConnect", .default("false")]
        use_for_service_connect: bool,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct NamespaceData {
    pub(crate) resource: NodeId,
    /// The name given, which Service Connect names the namespace by (CDK `namespaceName`).
    pub(crate) name: String,
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
            .prop("Name", name.clone())
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
            name,
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

    /// The name given (CDK `namespaceName` of a namespace the app creates).
    ///
    /// ```
    /// use ecs_core::{App, servicediscovery::CloudMapNamespaceOptions, ecs::cluster::{Cluster, ClusterProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// let ns = cluster.add_default_cloud_map_namespace(&mut app, CloudMapNamespaceOptions::default().name("app.local")).unwrap();
    /// assert_eq!(ns.namespace_name(&app), "app.local");
    /// ```
    pub fn namespace_name(self, app: &App) -> &str {
        &app.all::<NamespaceData>()[self.index].name
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
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: PrivateDnsNamespaceProps,
    ) -> Result<Namespace, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(props.vpc)?;
        let root = scope;
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
        [opt "dnsRecordType", .ty(Enum(&crate::servicediscovery::DnsRecordType::DEF)), .default("`A`")]
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
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: CloudMapServiceProps,
    ) -> Result<CloudMapService, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let root = scope;
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

handle!(Namespace, CloudMapService);

impl crate::construct::app::Data for NamespaceData {}
impl crate::construct::app::Data for CloudMapServiceData {}

impl DnsRecordType {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["servicediscovery", "DnsRecordType"],
        variants: Self::VARIANT_NAMES,
    };
}
