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

/// An existing hosted zone, by id and name (CDK `HostedZone.fromHostedZoneAttributes`); it
/// creates nothing.
///
/// ```
/// let zone = ecs_core::route53::HostedZone::from_hosted_zone_attributes("Z1", "example.com");
/// assert_eq!(zone.zone_name(), "example.com");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostedZone {
    id: String,
    name: String,
}

impl HostedZone {
    /// The zone with id `hosted_zone_id` and domain `zone_name`.
    pub fn from_hosted_zone_attributes(
        hosted_zone_id: impl Into<String>,
        zone_name: impl Into<String>,
    ) -> HostedZone {
        HostedZone {
            id: hosted_zone_id.into(),
            name: zone_name.into(),
        }
    }

    /// The zone's id.
    pub fn hosted_zone_id(&self) -> &str {
        &self.id
    }

    /// The zone's domain name.
    pub fn zone_name(&self) -> &str {
        &self.name
    }

    /// `record_name` as a fully qualified name in the zone (CDK
    /// `determineFullyQualifiedDomainName`): a name ending in `.` as it is, a name ending in
    /// the zone's name with a `.`, any other name under the zone.
    ///
    /// ```
    /// let zone = ecs_core::route53::HostedZone::from_hosted_zone_attributes("Z1", "example.com");
    /// assert_eq!(zone.fully_qualified("api"), "api.example.com.");
    /// assert_eq!(zone.fully_qualified("api.example.com"), "api.example.com.");
    /// assert_eq!(zone.fully_qualified("api.example.org."), "api.example.org.");
    /// ```
    pub fn fully_qualified(&self, record_name: &str) -> String {
        let zone = self.name.trim_end_matches('.');
        if record_name.ends_with('.') {
            record_name.to_string()
        } else if record_name == zone || record_name.ends_with(&format!(".{zone}")) {
            format!("{record_name}.")
        } else {
            format!("{record_name}.{zone}.")
        }
    }
}

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
            .prop("HostedZoneId", zone.hosted_zone_id().to_string())
            .prop("Name", zone.fully_qualified(record_name))
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
            .prop("HostedZoneId", zone.hosted_zone_id().to_string())
            .prop("Name", zone.fully_qualified(record_name))
            .prop("ResourceRecords", Value::List(vec![domain_name]))
            .prop("TTL", "1800")
            .prop("Type", "CNAME");
        record(app, scope.into(), id, resource)
    }
}
