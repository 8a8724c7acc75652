//! DNS records in Route 53 hosted zones (CDK `aws-route53`): a zone known by its id and name,
//! and `A` alias and `CNAME` records pointing at a load balancer.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::route53::{ARecord, HostedZone, RecordTarget};
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
//! let lb = ApplicationLoadBalancer::new(&mut app, s, "LB",
//!     LoadBalancerProps::default().vpc(vpc).internet_facing(true))?;
//! let zone = HostedZone::from_hosted_zone_attributes("Z23ABC4XYZL05B", "example.com");
//! ARecord::new(&mut app, s, "Api", &zone, "api", RecordTarget::load_balancer(lb))?;
//! let t = &app.templates()?[0].1;
//! let id = ecs_core::construct::make_unique_id(&["Api", "Resource"]);
//! assert_eq!(t["Resources"][id.as_str()]["Properties"]["Name"], "api.example.com.");
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::elbv2::LoadBalancer;
use crate::error::Error;

/// A hosted zone records go in: an existing one, by id and name (CDK
/// `HostedZone.fromHostedZoneAttributes`), or one the app creates ([`PublicHostedZone`]).
///
/// ```
/// use ecs_core::{App, route53::HostedZone};
/// let app = App::new();
/// let zone = HostedZone::from_hosted_zone_attributes("Z1", "example.com");
/// assert_eq!(zone.zone_name(&app), "example.com");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostedZone(Zone);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Zone {
    Attributes { id: String, name: String },
    Created(PublicHostedZone),
}

impl HostedZone {
    /// The zone with id `hosted_zone_id` and domain `zone_name`; it creates nothing.
    pub fn from_hosted_zone_attributes(
        hosted_zone_id: impl Into<String>,
        zone_name: impl Into<String>,
    ) -> HostedZone {
        HostedZone(Zone::Attributes {
            id: hosted_zone_id.into(),
            name: zone_name.into(),
        })
    }

    /// The zone's id: the one given, or `{"Ref": zone}` of a created zone.
    ///
    /// ```
    /// use ecs_core::{App, cfn::Value, route53::HostedZone};
    /// let zone = HostedZone::from_hosted_zone_attributes("Z1", "example.com");
    /// assert_eq!(zone.hosted_zone_id(&App::new()), Value::from("Z1"));
    /// ```
    pub fn hosted_zone_id(&self, app: &App) -> Value {
        match &self.0 {
            Zone::Attributes { id, .. } => id.clone().into(),
            Zone::Created(zone) => zone.hosted_zone_id(app),
        }
    }

    /// The zone's domain name.
    pub fn zone_name(&self, app: &App) -> String {
        match &self.0 {
            Zone::Attributes { name, .. } => name.clone(),
            Zone::Created(zone) => zone.zone_name(app),
        }
    }

    /// `record_name` as a fully qualified name in the zone (CDK
    /// `determineFullyQualifiedDomainName`): a name ending in `.` as it is, a name ending in
    /// the zone's name with a `.`, any other name under the zone.
    ///
    /// ```
    /// let app = ecs_core::App::new();
    /// let zone = ecs_core::route53::HostedZone::from_hosted_zone_attributes("Z1", "example.com");
    /// assert_eq!(zone.fully_qualified(&app, "api"), "api.example.com.");
    /// assert_eq!(zone.fully_qualified(&app, "api.example.com"), "api.example.com.");
    /// assert_eq!(zone.fully_qualified(&app, "api.example.org."), "api.example.org.");
    /// ```
    pub fn fully_qualified(&self, app: &App, record_name: &str) -> String {
        let name = self.zone_name(app);
        let zone = name.trim_end_matches('.');
        if record_name.ends_with('.') {
            record_name.to_string()
        } else if record_name == zone || record_name.ends_with(&format!(".{zone}")) {
            format!("{record_name}.")
        } else {
            format!("{record_name}.{zone}.")
        }
    }
}

impl From<PublicHostedZone> for HostedZone {
    fn from(zone: PublicHostedZone) -> Self {
        HostedZone(Zone::Created(zone))
    }
}

props! {
    /// Properties of a [`PublicHostedZone`] (CDK `PublicHostedZoneProps`, the part this library
    /// supports).
    ///
    /// ```
    /// let p = ecs_core::route53::PublicHostedZoneProps::default().zone_name("example.com");
    /// assert_eq!(p.zone_name.as_deref(), Some("example.com"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct PublicHostedZoneProps {
        /// The zone's domain name, e.g. `example.com` (required).
        [into "zoneName", .required()]
        zone_name: String,
        /// A comment on the zone (`HostedZoneConfig.Comment`).
        [into "comment"]
        comment: String,
    }
}

/// A public hosted zone the app creates (CDK `PublicHostedZone`): an
/// `AWS::Route53::HostedZone`. Records take it as a [`HostedZone`] (`zone.into()`).
///
/// ```
/// use ecs_core::{App, route53::{HostedZone, PublicHostedZone, PublicHostedZoneProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Dns")?;
/// let zone = PublicHostedZone::new(&mut app, s, "Zone",
///     PublicHostedZoneProps::default().zone_name("example.com"))?;
/// assert_eq!(HostedZone::from(zone).fully_qualified(&app, "api"), "api.example.com.");
/// let t = &app.templates()?[0].1;
/// let id = ecs_core::construct::make_unique_id(&["Zone", "Resource"]);
/// assert_eq!(t["Resources"][id.as_str()]["Properties"]["Name"], "example.com.");
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicHostedZone {
    node: NodeId,
    resource: NodeId,
}

/// The names of the zones the app created, by resource.
#[derive(Debug, Clone, Default)]
struct ZoneNames(Vec<(NodeId, String)>);

impl crate::construct::app::Family for ZoneNames {}

// As in the CDK, `new` returns the construct's handle.
#[allow(clippy::new_ret_no_self)]
impl PublicHostedZone {
    /// Creates the public hosted zone `id` under `scope`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app or `zone_name` is missing.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: PublicHostedZoneProps,
    ) -> Result<PublicHostedZone, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let Some(name) = props.zone_name else {
            return Err(Error::new(format!(
                "public hosted zone `{id}` needs `zone_name`: add one, e.g. `zone_name: \"example.com\"`"
            )));
        };
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let resource = Resource::new("AWS::Route53::HostedZone")
            .prop_opt(
                "HostedZoneConfig",
                props
                    .comment
                    .map(|c| Value::map([("Comment", Value::from(c))])),
            )
            .prop("Name", format!("{}.", name.trim_end_matches('.')));
        let resource = st.add_resource(node, "Resource", resource)?;
        app.family_mut::<ZoneNames>().0.push((resource, name));
        Ok(PublicHostedZone { node, resource })
    }

    /// The construct's scope.
    ///
    /// ```
    /// use ecs_core::{App, route53::{PublicHostedZone, PublicHostedZoneProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Dns")?;
    /// let zone = PublicHostedZone::new(&mut app, s, "Zone",
    ///     PublicHostedZoneProps::default().zone_name("example.com"))?;
    /// assert_eq!(app.stack(s).path(zone.node()), "Dns/Zone");
    /// assert!(matches!(zone.hosted_zone_id(&app), ecs_core::cfn::Value::Ref(_)));
    /// assert_eq!(zone.zone_name(&app), "example.com");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The zone's id (`{"Ref": zone}`); see [`PublicHostedZone::node`].
    pub fn hosted_zone_id(self, _app: &App) -> Value {
        Value::Ref(self.resource)
    }

    /// The zone's domain name, as given; see [`PublicHostedZone::node`].
    pub fn zone_name(self, app: &App) -> String {
        app.family::<ZoneNames>()
            .and_then(|z| z.0.iter().find(|(r, _)| *r == self.resource))
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }
}

handle!(PublicHostedZone);

/// What an `A` record points at (CDK `RecordTarget`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordTarget {
    /// An alias to an application or network load balancer (CDK
    /// `RecordTarget.fromAlias(new LoadBalancerTarget(lb))`).
    LoadBalancer(LoadBalancer),
}

impl RecordTarget {
    /// An alias to `lb`.
    pub fn load_balancer(lb: LoadBalancer) -> RecordTarget {
        RecordTarget::LoadBalancer(lb)
    }
}

/// Constructor of `A` records (CDK `ARecord`).
#[derive(Debug)]
pub struct ARecord;

/// Constructor of `CNAME` records (CDK `CnameRecord`).
#[derive(Debug)]
pub struct CnameRecord;

/// The record `id` under `scope`; its handle is the record's name (`{"Ref": record}`).
fn record(app: &mut App, scope: NodeId, id: &str, resource: Resource) -> Result<Value, Error> {
    app.check_node(scope)?;
    let st = app.stack_mut(scope.stack());
    let node = st.add_node(scope, id)?;
    let resource = st.add_resource(node, "Resource", resource)?;
    Ok(Value::Ref(resource))
}

// As in the CDK, `new` returns what other constructs use of the record: its domain name.
#[allow(clippy::new_ret_no_self)]
impl ARecord {
    /// Creates `A` record `id` under `scope` for `record_name` in `zone`, an alias to `target`.
    /// Returns the record's domain name (CDK `record.domainName`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or a handle is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        zone: &HostedZone,
        record_name: &str,
        target: RecordTarget,
    ) -> Result<Value, Error> {
        let RecordTarget::LoadBalancer(lb) = target;
        app.check_node(lb.node())?;
        let dns = lb.load_balancer_dns_name(app);
        let lb_zone = lb.load_balancer_canonical_hosted_zone_id(app);
        // Route 53 answers IPv6 clients too when the alias names the dual-stack DNS name.
        let alias = Value::map([
            ("DNSName", Value::join("", vec!["dualstack.".into(), dns])),
            ("HostedZoneId", lb_zone),
        ]);
        let resource = Resource::new("AWS::Route53::RecordSet")
            .prop("AliasTarget", alias)
            .prop("HostedZoneId", zone.hosted_zone_id(app))
            .prop("Name", zone.fully_qualified(app, record_name))
            .prop("Type", "A");
        record(app, scope.into(), id, resource)
    }
}

// As in the CDK, `new` returns what other constructs use of the record: its domain name.
#[allow(clippy::new_ret_no_self)]
impl CnameRecord {
    /// Creates `CNAME` record `id` under `scope` for `record_name` in `zone`, answering
    /// `domain_name` (30 minutes' TTL, the CDK's default). Returns the record's domain name.
    ///
    /// ```
    /// use ecs_core::{App, route53::{CnameRecord, HostedZone}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let zone = HostedZone::from_hosted_zone_attributes("Z1", "example.com");
    /// CnameRecord::new(&mut app, s, "Www", &zone, "www", "example.org".into())?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or `scope` is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        zone: &HostedZone,
        record_name: &str,
        domain_name: Value,
    ) -> Result<Value, Error> {
        let resource = Resource::new("AWS::Route53::RecordSet")
            .prop("HostedZoneId", zone.hosted_zone_id(app))
            .prop("Name", zone.fully_qualified(app, record_name))
            .prop("ResourceRecords", Value::List(vec![domain_name]))
            .prop("TTL", "1800")
            .prop("Type", "CNAME");
        record(app, scope.into(), id, resource)
    }
}
