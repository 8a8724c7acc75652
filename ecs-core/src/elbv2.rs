//! Load balancing: application and network load balancers with listeners, target groups and
//! rules (CDK `aws-elasticloadbalancingv2`), the classic load balancer (CDK
//! `aws-elasticloadbalancing`), and how ECS services become their targets (CDK
//! `loadBalancerTarget`, `registerLoadBalancerTargets`, `attachTo…`).
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::elbv2::*;
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
//! let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
//!     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
//! td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
//!     .image(ContainerImage::from_registry("nginx")).port_mappings([PortMapping::from(80)]))?;
//! let service = FargateService::new(&mut app, s, "Service",
//!     FargateServiceProps::default().cluster(cluster).task_definition(td))?;
//! let lb = ApplicationLoadBalancer::new(&mut app, s, "LB",
//!     LoadBalancerProps::default().vpc(vpc).internet_facing(true))?;
//! let listener = lb.add_listener(&mut app, "Listener", ListenerProps::default().port(80))?;
//! listener.add_targets(&mut app, "ECS", AddTargetsProps::default().port(80).targets([service]))?;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::connections::{Peer, Port};
use crate::ec2::{Connectable, SubnetSelection, SubnetType};
use crate::ec2::{SecurityGroup, SecurityGroupProps, Vpc};
use crate::error::Error;

/// A listener or target-group protocol (CDK `elbv2.Protocol`, which includes
/// `ApplicationProtocol`'s HTTP and HTTPS).
///
/// ```
/// assert_eq!(ecs_core::elbv2::ListenerProtocol::Https.cfn_value(), "HTTPS");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListenerProtocol {
    /// HTTP (application).
    Http,
    /// HTTPS (application).
    Https,
    /// TCP (network).
    Tcp,
    /// TLS (network).
    Tls,
    /// UDP (network).
    Udp,
    /// TCP and UDP (network).
    TcpUdp,
}

impl ListenerProtocol {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Http", "Https", "Tcp", "Tls", "Udp", "TcpUdp"];

    /// The variant a user names in `ecs_app!`, by its name.
    ///
    /// ```
    /// use ecs_core::elbv2::ListenerProtocol;
    /// assert_eq!(ListenerProtocol::from_variant("Https"), Some(ListenerProtocol::Https));
    /// ```
    pub fn from_variant(name: &str) -> Option<Self> {
        const ALL: [ListenerProtocol; 6] = [
            ListenerProtocol::Http,
            ListenerProtocol::Https,
            ListenerProtocol::Tcp,
            ListenerProtocol::Tls,
            ListenerProtocol::Udp,
            ListenerProtocol::TcpUdp,
        ];
        Self::VARIANT_NAMES
            .iter()
            .position(|v| *v == name)
            .map(|i| ALL[i])
    }

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            ListenerProtocol::Http => "HTTP",
            ListenerProtocol::Https => "HTTPS",
            ListenerProtocol::Tcp => "TCP",
            ListenerProtocol::Tls => "TLS",
            ListenerProtocol::Udp => "UDP",
            ListenerProtocol::TcpUdp => "TCP_UDP",
        }
    }

    const fn is_application(self) -> bool {
        matches!(self, ListenerProtocol::Http | ListenerProtocol::Https)
    }
}

/// The protocol an application port usually speaks (CDK `defaultProtocolForPort`).
fn application_protocol_for(port: u32) -> Option<ListenerProtocol> {
    match port {
        80 | 8000 | 8008 | 8080 => Some(ListenerProtocol::Http),
        443 | 8443 => Some(ListenerProtocol::Https),
        _ => None,
    }
}

/// The policy of an HTTPS or TLS listener given none: the post-quantum TLS 1.3 policy of the
/// recommended flag `@aws-cdk/aws-elasticloadbalancingv2:usePostQuantumTlsPolicy`.
fn default_ssl_policy(protocol: ListenerProtocol) -> Option<String> {
    matches!(protocol, ListenerProtocol::Https | ListenerProtocol::Tls)
        .then(|| "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09".to_string())
}

/// The TLS negotiation policies of HTTPS and TLS listeners the CDK names (CDK `SslPolicy`),
/// for `ssl_policy`.
///
/// ```
/// assert_eq!(ecs_core::elbv2::SslPolicy::RECOMMENDED, "ELBSecurityPolicy-2016-08");
/// ```
#[derive(Debug)]
pub struct SslPolicy;

impl SslPolicy {
    /// The CDK's `SslPolicy.RECOMMENDED`: TLS 1.0 and newer.
    pub const RECOMMENDED: &'static str = "ELBSecurityPolicy-2016-08";
    /// The CDK's `SslPolicy.RECOMMENDED_TLS`: TLS 1.2 and 1.3.
    pub const RECOMMENDED_TLS: &'static str = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    /// The CDK's `SslPolicy.TLS13_12_PQ`, the default of the recommended flags: TLS 1.2 and
    /// 1.3 with post-quantum key exchange.
    pub const TLS13_12_PQ: &'static str = "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09";
    /// The CDK's `SslPolicy.TLS12`: TLS 1.2 only, current ciphers.
    pub const TLS12: &'static str = "ELBSecurityPolicy-TLS-1-2-2017-01";
    /// The CDK's `SslPolicy.TLS12_EXT`: TLS 1.2 only, extended ciphers.
    pub const TLS12_EXT: &'static str = "ELBSecurityPolicy-TLS-1-2-Ext-2018-06";
}

/// The HTTP version an application target group speaks to its targets (CDK
/// `ApplicationProtocolVersion`).
///
/// ```
/// use ecs_core::elbv2::ApplicationProtocolVersion;
/// assert_eq!(ApplicationProtocolVersion::Grpc.cfn_value(), "GRPC");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApplicationProtocolVersion {
    /// gRPC.
    Grpc,
    /// HTTP/1.1.
    Http1,
    /// HTTP/2.
    Http2,
}

impl ApplicationProtocolVersion {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Grpc", "Http1", "Http2"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["elbv2", "ApplicationProtocolVersion"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            ApplicationProtocolVersion::Grpc => "GRPC",
            ApplicationProtocolVersion::Http1 => "HTTP1",
            ApplicationProtocolVersion::Http2 => "HTTP2",
        }
    }
}

/// Which addresses a load balancer answers on (CDK `IpAddressType`, `IpAddressType`).
///
/// ```
/// use ecs_core::elbv2::IpAddressType;
/// assert_eq!(IpAddressType::DualStack.cfn_value(), "dualstack");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IpAddressType {
    /// IPv4 only.
    #[default]
    Ipv4,
    /// IPv4 and IPv6; the load balancer's VPC needs IPv6 ranges (`ip_protocol: DualStack`).
    DualStack,
    /// IPv6, and IPv4 inside the VPC only (application load balancers).
    DualStackWithoutPublicIpv4,
}

impl IpAddressType {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Ipv4", "DualStack", "DualStackWithoutPublicIpv4"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["elbv2", "IpAddressType"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            IpAddressType::Ipv4 => "ipv4",
            IpAddressType::DualStack => "dualstack",
            IpAddressType::DualStackWithoutPublicIpv4 => "dualstack-without-public-ipv4",
        }
    }

    /// Whether the load balancer answers IPv6 clients.
    pub const fn ipv6(self) -> bool {
        !matches!(self, IpAddressType::Ipv4)
    }
}

/// Which kind of load balancer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LbKind {
    Application,
    Network,
    Classic,
}

/// A listener certificate (CDK `ListenerCertificate`).
///
/// ```
/// let c = ecs_core::elbv2::ListenerCertificate::from_arn("arn:aws:acm:us-east-1:1:certificate/x");
/// assert_eq!(c.arn(), "arn:aws:acm:us-east-1:1:certificate/x");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerCertificate(String);

impl ListenerCertificate {
    /// A certificate by ARN.
    pub fn from_arn(arn: impl Into<String>) -> ListenerCertificate {
        ListenerCertificate(arn.into())
    }

    /// The ARN.
    pub fn arn(&self) -> &str {
        &self.0
    }
}

/// A condition of a listener rule (CDK `ListenerCondition`).
///
/// ```
/// use ecs_core::elbv2::ListenerCondition;
/// let c = ListenerCondition::path_patterns(["/api/*"]);
/// assert_ne!(c, ListenerCondition::host_headers(["example.com"]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerCondition {
    field: &'static str,
    config: &'static str,
    header: Option<String>,
    values: Vec<String>,
}

impl ListenerCondition {
    fn new<S: Into<String>>(
        field: &'static str,
        config: &'static str,
        values: impl IntoIterator<Item = S>,
    ) -> ListenerCondition {
        ListenerCondition {
            field,
            config,
            header: None,
            values: values.into_iter().map(Into::into).collect(),
        }
    }

    /// Matches request paths.
    pub fn path_patterns<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        Self::new("path-pattern", "PathPatternConfig", values)
    }

    /// Matches host names.
    pub fn host_headers<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        Self::new("host-header", "HostHeaderConfig", values)
    }

    /// Matches an HTTP header's values.
    pub fn http_header<S: Into<String>>(
        name: impl Into<String>,
        values: impl IntoIterator<Item = S>,
    ) -> Self {
        let mut c = Self::new("http-header", "HttpHeaderConfig", values);
        c.header = Some(name.into());
        c
    }

    /// Matches request methods.
    pub fn http_request_methods<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        Self::new("http-request-method", "HttpRequestMethodConfig", values)
    }

    /// Matches source addresses.
    pub fn source_ips<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        Self::new("source-ip", "SourceIpConfig", values)
    }

    fn render(&self) -> Value {
        let mut config = vec![("Values", Value::strings(self.values.clone()))];
        if let Some(h) = &self.header {
            config.push(("HttpHeaderName", Value::from(h.clone())));
        }
        Value::map([
            ("Field", Value::from(self.field)),
            (self.config, Value::map(config)),
        ])
    }
}

/// What a listener does with requests no rule matches when it forwards to no target group
/// (CDK `ListenerAction`, given as the listener's `defaultAction`).
///
/// ```
/// use ecs_core::elbv2::ListenerAction;
/// let a = ListenerAction::fixed_response(404).content_type("text/plain").message_body("nope");
/// assert_eq!(a, ListenerAction::fixed_response(404).message_body("nope").content_type("text/plain"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListenerAction {
    /// Answers with a fixed status code and optional body (`Type: fixed-response`).
    FixedResponse {
        /// `StatusCode`, written as a string as the CDK writes it.
        status_code: u32,
        /// `ContentType` (e.g. `text/plain`).
        content_type: Option<String>,
        /// `MessageBody`.
        message_body: Option<String>,
    },
    /// Redirects every request (`Type: redirect`), e.g. from HTTP to HTTPS.
    Redirect {
        /// The port to redirect to (`Port`).
        port: String,
        /// The protocol to redirect to (`Protocol`).
        protocol: ListenerProtocol,
        /// Whether the redirect is permanent (`HTTP_301`) rather than temporary (`HTTP_302`).
        permanent: bool,
    },
}

impl ListenerAction {
    /// Answers every request with `status_code` (CDK `ListenerAction.fixedResponse`).
    pub fn fixed_response(status_code: u32) -> ListenerAction {
        ListenerAction::FixedResponse {
            status_code,
            content_type: None,
            message_body: None,
        }
    }

    /// Redirects every request to `port` and `protocol` of the same host and path (CDK
    /// `ListenerAction.redirect`).
    ///
    /// ```
    /// use ecs_core::elbv2::{ListenerAction, ListenerProtocol};
    /// let a = ListenerAction::redirect("443", ListenerProtocol::Https, true);
    /// assert!(matches!(a, ListenerAction::Redirect { permanent: true, .. }));
    /// ```
    pub fn redirect(
        port: impl Into<String>,
        protocol: ListenerProtocol,
        permanent: bool,
    ) -> ListenerAction {
        ListenerAction::Redirect {
            port: port.into(),
            protocol,
            permanent,
        }
    }

    /// Sets the fixed response's `ContentType`; a redirect stays as it is.
    pub fn content_type(self, content_type: impl Into<String>) -> ListenerAction {
        match self {
            ListenerAction::FixedResponse {
                status_code,
                message_body,
                ..
            } => ListenerAction::FixedResponse {
                status_code,
                content_type: Some(content_type.into()),
                message_body,
            },
            redirect @ ListenerAction::Redirect { .. } => redirect,
        }
    }

    /// Sets the fixed response's `MessageBody`; a redirect stays as it is.
    pub fn message_body(self, body: impl Into<String>) -> ListenerAction {
        match self {
            ListenerAction::FixedResponse {
                status_code,
                content_type,
                ..
            } => ListenerAction::FixedResponse {
                status_code,
                content_type,
                message_body: Some(body.into()),
            },
            redirect @ ListenerAction::Redirect { .. } => redirect,
        }
    }

    /// The `DefaultActions` / `Actions` list the action renders to.
    fn render(&self) -> Value {
        match self {
            ListenerAction::FixedResponse {
                status_code,
                content_type,
                message_body,
            } => {
                let mut config = vec![("StatusCode", Value::from(status_code.to_string()))];
                if let Some(c) = content_type {
                    config.push(("ContentType", Value::from(c.clone())));
                }
                if let Some(b) = message_body {
                    config.push(("MessageBody", Value::from(b.clone())));
                }
                Value::List(vec![Value::map([
                    ("FixedResponseConfig", Value::map(config)),
                    ("Type", Value::from("fixed-response")),
                ])])
            }
            ListenerAction::Redirect {
                port,
                protocol,
                permanent,
            } => Value::List(vec![Value::map([
                (
                    "RedirectConfig",
                    Value::map([
                        ("Port", Value::from(port.clone())),
                        ("Protocol", Value::from(protocol.cfn_value())),
                        (
                            "StatusCode",
                            Value::from(if *permanent { "HTTP_301" } else { "HTTP_302" }),
                        ),
                    ]),
                ),
                ("Type", Value::from("redirect")),
            ])]),
        }
    }
}

props! {
    /// A target group's health check (CDK `elbv2.HealthCheck`).
    ///
    /// ```
    /// use ecs_core::{Duration, elbv2::TargetGroupHealthCheck};
    /// let h = TargetGroupHealthCheck::default().path("/health").interval(Duration::seconds(30));
    /// assert_eq!(h.path.as_deref(), Some("/health"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct TargetGroupHealthCheck {
        /// Whether the target group checks the targets' health (`HealthCheckEnabled`).
        [opt "enabled"]
        enabled: bool,
        /// The HTTP path the check requests (`HealthCheckPath`).
        [into "path"]
        path: String,
        /// The time between checks of one target (`HealthCheckIntervalSeconds`).
        [into "interval"]
        interval: Duration,
        /// How long a check may take before it fails (`HealthCheckTimeoutSeconds`).
        [into "timeout"]
        timeout: Duration,
        /// How many checks in a row must pass before a target is healthy (`HealthyThresholdCount`).
        [opt "healthyThresholdCount"]
        healthy_threshold_count: u32,
        /// How many checks in a row must fail before a target is unhealthy
        /// (`UnhealthyThresholdCount`).
        [opt "unhealthyThresholdCount"]
        unhealthy_threshold_count: u32,
        /// The HTTP codes that mean healthy, e.g. `"200-299"` (`Matcher.HttpCode`).
        [into "healthyHttpCodes"]
        healthy_http_codes: String,
        /// The port the check connects to, e.g. `"traffic-port"` (`HealthCheckPort`).
        [into "port"]
        port: String,
        /// The protocol of the check (`HealthCheckProtocol`).
        [opt "protocol", .ty(Enum(&crate::elbv2::ListenerProtocol::DEF))]
        protocol: ListenerProtocol,
    }
}

/// The target-group properties a health check sets.
const HEALTH_CHECK_KEYS: [&str; 9] = [
    "HealthCheckEnabled",
    "HealthCheckIntervalSeconds",
    "HealthCheckPath",
    "HealthCheckPort",
    "HealthCheckProtocol",
    "HealthCheckTimeoutSeconds",
    "HealthyThresholdCount",
    "UnhealthyThresholdCount",
    "Matcher",
];

impl TargetGroupHealthCheck {
    fn apply(&self, r: &mut Resource) {
        let mut set = |k: &'static str, v: Option<Value>| {
            if let Some(v) = v {
                r.set(k, v);
            }
        };
        set("HealthCheckEnabled", self.enabled.map(Value::from));
        set("HealthCheckIntervalSeconds", self.interval.map(Value::from));
        set("HealthCheckPath", self.path.clone().map(Value::from));
        set("HealthCheckPort", self.port.clone().map(Value::from));
        set(
            "HealthCheckProtocol",
            self.protocol.map(|p| p.cfn_value().into()),
        );
        set("HealthCheckTimeoutSeconds", self.timeout.map(Value::from));
        set(
            "HealthyThresholdCount",
            self.healthy_threshold_count.map(Value::from),
        );
        set(
            "UnhealthyThresholdCount",
            self.unhealthy_threshold_count.map(Value::from),
        );
        set(
            "Matcher",
            self.healthy_http_codes
                .clone()
                .map(|c| Value::map([("HttpCode", Value::from(c))])),
        );
    }
}

props! {
    /// Properties of application and network load balancers (CDK `BaseLoadBalancerProps`).
    ///
    /// ```
    /// let p = ecs_core::elbv2::LoadBalancerProps::default().internet_facing(true);
    /// assert!(p.internet_facing);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct LoadBalancerProps {
        /// The VPC (required).
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .required()]
        vpc: Vpc,
        /// Whether it has a public address; default internal.
        [val "internetFacing", .default("false")]
        internet_facing: bool,
        /// `Name`.
        [into "loadBalancerName"]
        load_balancer_name: String,
        /// The subnets; default public when internet-facing, else private.
        [into "vpcSubnets", .ty(Object(KindId::SubnetSelection)), .default("the public subnets when internet-facing, else the private ones (isolated, else public, when the vpc has none)")]
        vpc_subnets: SubnetSelection,
        /// The security group; a network load balancer's CDK props name it `securityGroups`, a
        /// list.
        [opt "securityGroup", .ty(Ref(RefClass::SecurityGroup)), .default("a new one")]
        security_group: SecurityGroup,
        /// How long an idle connection stays open, 1 to 4000 seconds (application;
        /// `idle_timeout.timeout_seconds`).
        [into "idleTimeout", .default("60 seconds")]
        idle_timeout: Duration,
        /// Which addresses it answers on (`IpAddressType`); dual-stack needs a dual-stack VPC.
        [opt "ipAddressType", .ty(Enum(&crate::elbv2::IpAddressType::DEF)), .default("`Ipv4`")]
        ip_address_type: IpAddressType,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct LoadBalancerData {
    pub(crate) id: String,
    /// The load balancer resource; `None` for an imported one.
    pub(crate) resource: Option<NodeId>,
    /// What is known of an imported load balancer.
    pub(crate) imported: Option<ImportedLoadBalancer>,
    pub(crate) kind: LbKind,
    /// Whether it answers IPv6 clients (an open listener admits them).
    pub(crate) ipv6: bool,
    /// `None` for a load balancer imported without its VPC.
    pub(crate) vpc: Option<Vpc>,
    pub(crate) security_groups: Vec<SecurityGroup>,
    /// Classic only: the instance ports of its listeners.
    pub(crate) instance_ports: Vec<u32>,
    /// Classic only: the services it targets.
    pub(crate) targets: Vec<LoadBalancerTarget>,
}

/// What is known of an existing load balancer (CDK `fromApplicationLoadBalancerAttributes`,
/// `fromNetworkLoadBalancerAttributes`).
#[derive(Debug, Clone)]
pub(crate) struct ImportedLoadBalancer {
    arn: String,
    dns_name: Option<String>,
    hosted_zone_id: Option<String>,
    /// The attributes read that were not given. The CDK throws at such a read; reads take
    /// `&App` here, so synthesis fails instead (shared by the copies of the data).
    missing_reads: std::sync::Arc<std::sync::Mutex<Vec<&'static str>>>,
}

impl ImportedLoadBalancer {
    fn new(arn: String, dns_name: Option<String>, hosted_zone_id: Option<String>) -> Self {
        ImportedLoadBalancer {
            arn,
            dns_name,
            hosted_zone_id,
            missing_reads: Default::default(),
        }
    }

    /// The attribute `name`, or an empty string recorded as a missing read.
    fn read(&self, value: &Option<String>, name: &'static str) -> Value {
        match value {
            Some(v) => Value::from(v.clone()),
            None => {
                if let Ok(mut reads) = self.missing_reads.lock()
                    && !reads.contains(&name)
                {
                    reads.push(name);
                }
                Value::from("")
            }
        }
    }
}

impl crate::construct::app::Data for LoadBalancerData {
    /// An attribute of an imported load balancer read without being given.
    fn validate(app: &App, out: &mut Vec<crate::error::Diagnostic>) {
        for lb in app.all::<LoadBalancerData>() {
            let Some(imported) = &lb.imported else {
                continue;
            };
            let reads = imported
                .missing_reads
                .lock()
                .map(|r| r.clone())
                .unwrap_or_default();
            for name in reads {
                out.push(crate::error::Diagnostic::new(
                    crate::error::ErrorKind::Invalid,
                    format!(
                        "`{name}` of load balancer `{}` is read, but it was imported without it: add `{name}` to its attributes",
                        lb.id
                    ),
                ));
            }
        }
    }
}

/// A load balancer of any kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadBalancer {
    pub(crate) node: NodeId,
    pub(crate) index: usize,
}

/// Constructor of application load balancers (CDK `ApplicationLoadBalancer`).
#[derive(Debug)]
pub struct ApplicationLoadBalancer;

/// Constructor of network load balancers (CDK `NetworkLoadBalancer`).
#[derive(Debug)]
pub struct NetworkLoadBalancer;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ApplicationLoadBalancer {
    /// Creates an application load balancer with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: LoadBalancerProps,
    ) -> Result<LoadBalancer, Error> {
        let scope: NodeId = scope.into();
        LoadBalancer::create_v2(app, scope, id, props, LbKind::Application)
    }
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl NetworkLoadBalancer {
    /// Creates a network load balancer with id `id` at the top of `stack`; it gets a security
    /// group, as the recommended flag
    /// `@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault` asks.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: LoadBalancerProps,
    ) -> Result<LoadBalancer, Error> {
        let scope: NodeId = scope.into();
        LoadBalancer::create_v2(app, scope, id, props, LbKind::Network)
    }
}

props! {
    /// What is known of an existing application load balancer (CDK
    /// `ApplicationLoadBalancerAttributes`).
    ///
    /// ```
    /// let a = ecs_core::elbv2::ApplicationLoadBalancerAttributes::default()
    ///     .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef")
    ///     .security_group_id("sg-0123456789abcdef0");
    /// assert_eq!(a.security_group_id.as_deref(), Some("sg-0123456789abcdef0"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ApplicationLoadBalancerAttributes {
        /// The load balancer's ARN (required).
        [into "loadBalancerArn", .required()]
        load_balancer_arn: String,
        /// The id of its security group (required), which listeners open and targets let in.
        [into "securityGroupId", .required()]
        security_group_id: String,
        /// Its DNS name, for outputs and records.
        [into "loadBalancerDnsName", .default("none: reading it fails synthesis")]
        load_balancer_dns_name: String,
        /// Its canonical hosted zone, for alias records.
        [into "loadBalancerCanonicalHostedZoneId", .default("none: reading it fails synthesis")]
        load_balancer_canonical_hosted_zone_id: String,
        /// Whether its security group lets all traffic out, so no egress rules are added to it.
        [opt "securityGroupAllowsAllOutbound", .default("true")]
        security_group_allows_all_outbound: bool,
        /// Its VPC, which target groups of its new listeners are created in.
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .default("none: its listeners cannot `add_targets`")]
        vpc: Vpc,
    }
}

props! {
    /// What is known of an existing network load balancer (CDK
    /// `NetworkLoadBalancerAttributes`).
    ///
    /// ```
    /// let a = ecs_core::elbv2::NetworkLoadBalancerAttributes::default()
    ///     .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/0123456789abcdef")
    ///     .load_balancer_security_groups(["sg-0123456789abcdef0"]);
    /// assert_eq!(a.load_balancer_security_groups.len(), 1);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct NetworkLoadBalancerAttributes {
        /// The load balancer's ARN (required).
        [into "loadBalancerArn", .required()]
        load_balancer_arn: String,
        /// The ids of its security groups, which targets let in.
        [list_into "loadBalancerSecurityGroups", .default("none: the load balancer has no security group")]
        load_balancer_security_groups: String,
        /// Its DNS name, for outputs and records.
        [into "loadBalancerDnsName", .default("none: reading it fails synthesis")]
        load_balancer_dns_name: String,
        /// Its canonical hosted zone, for alias records.
        [into "loadBalancerCanonicalHostedZoneId", .default("none: reading it fails synthesis")]
        load_balancer_canonical_hosted_zone_id: String,
        /// Its VPC, which target groups of its new listeners are created in.
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .default("none: its listeners cannot `add_targets`")]
        vpc: Vpc,
    }
}

impl ApplicationLoadBalancer {
    /// An existing application load balancer (CDK
    /// `ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes`): listeners can be added
    /// to it, and its security group, imported as `<id>/SecurityGroup`, is opened to them and
    /// let into their targets.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::elbv2::{ApplicationLoadBalancer, ApplicationLoadBalancerAttributes, ListenerAction, ListenerProps};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let lb = ApplicationLoadBalancer::from_application_load_balancer_attributes(&mut app, s, "Lb",
    ///     ApplicationLoadBalancerAttributes::default()
    ///         .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef")
    ///         .security_group_id("sg-0123456789abcdef0"))?;
    /// lb.add_listener(&mut app, "Http", ListenerProps::default().port(80)
    ///     .default_action(ListenerAction::fixed_response(200)))?;
    /// let t = &app.templates()?[0].1;
    /// let listener = t["Resources"].as_object().unwrap().values()
    ///     .find(|r| r["Type"] == "AWS::ElasticLoadBalancingV2::Listener").unwrap();
    /// assert_eq!(listener["Properties"]["LoadBalancerArn"],
    ///     "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a handle is of another app, or the ARN or the
    /// security group id is missing.
    pub fn from_application_load_balancer_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ApplicationLoadBalancerAttributes,
    ) -> Result<LoadBalancer, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(attrs.vpc)?;
        let Some(arn) = attrs.load_balancer_arn else {
            return Err(Error::new(format!(
                "imported load balancer `{id}` needs `load_balancer_arn`: add e.g. `load_balancer_arn: \"arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef\"`"
            )));
        };
        let Some(group_id) = attrs.security_group_id else {
            return Err(Error::new(format!(
                "imported load balancer `{id}` needs `security_group_id`: add e.g. `security_group_id: \"sg-0123456789abcdef0\"`"
            )));
        };
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let mut group =
            crate::ec2::ImportedSecurityGroupProps::default().security_group_id(group_id);
        if let Some(all) = attrs.security_group_allows_all_outbound {
            group = group.allow_all_outbound(all);
        }
        let sg = SecurityGroup::from_security_group_id(app, node, "SecurityGroup", group)?;
        let imported = ImportedLoadBalancer::new(
            arn,
            attrs.load_balancer_dns_name,
            attrs.load_balancer_canonical_hosted_zone_id,
        );
        Ok(LoadBalancer::push_imported(
            app,
            node,
            id,
            imported,
            LbKind::Application,
            attrs.vpc,
            vec![sg],
        ))
    }
}

impl NetworkLoadBalancer {
    /// An existing network load balancer (CDK
    /// `NetworkLoadBalancer.fromNetworkLoadBalancerAttributes`): listeners can be added to it,
    /// and its security groups, imported as `<id>/SecurityGroup-<n>`, let into their targets.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::elbv2::{NetworkLoadBalancer, NetworkLoadBalancerAttributes};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let lb = NetworkLoadBalancer::from_network_load_balancer_attributes(&mut app, s, "Lb",
    ///     NetworkLoadBalancerAttributes::default()
    ///         .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/0123456789abcdef")
    ///         .load_balancer_dns_name("web-0123456789abcdef.elb.us-east-1.amazonaws.com"))?;
    /// assert_eq!(lb.load_balancer_dns_name(&app), "web-0123456789abcdef.elb.us-east-1.amazonaws.com".into());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a handle is of another app, or the ARN is missing.
    pub fn from_network_load_balancer_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: NetworkLoadBalancerAttributes,
    ) -> Result<LoadBalancer, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(attrs.vpc)?;
        let Some(arn) = attrs.load_balancer_arn else {
            return Err(Error::new(format!(
                "imported load balancer `{id}` needs `load_balancer_arn`: add e.g. `load_balancer_arn: \"arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/0123456789abcdef\"`"
            )));
        };
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let mut groups = Vec::new();
        for (n, group_id) in attrs.load_balancer_security_groups.into_iter().enumerate() {
            groups.push(SecurityGroup::from_security_group_id(
                app,
                node,
                &format!("SecurityGroup-{n}"),
                crate::ec2::ImportedSecurityGroupProps::default().security_group_id(group_id),
            )?);
        }
        let imported = ImportedLoadBalancer::new(
            arn,
            attrs.load_balancer_dns_name,
            attrs.load_balancer_canonical_hosted_zone_id,
        );
        Ok(LoadBalancer::push_imported(
            app,
            node,
            id,
            imported,
            LbKind::Network,
            attrs.vpc,
            groups,
        ))
    }
}

/// Builds the `imported_application_load_balancer` item
/// ([`ApplicationLoadBalancer::from_application_load_balancer_attributes`]).
#[derive(Debug)]
pub struct ImportedApplicationLoadBalancer;

// As in the CDK, an import returns the handle all load balancers share.
#[allow(clippy::new_ret_no_self)]
impl ImportedApplicationLoadBalancer {
    /// [`ApplicationLoadBalancer::from_application_load_balancer_attributes`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::elbv2::{ApplicationLoadBalancerAttributes, ImportedApplicationLoadBalancer};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// ImportedApplicationLoadBalancer::new(&mut app, s, "Lb", ApplicationLoadBalancerAttributes::default()
    ///     .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef")
    ///     .security_group_id("sg-0123456789abcdef0"))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ApplicationLoadBalancer::from_application_load_balancer_attributes`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ApplicationLoadBalancerAttributes,
    ) -> Result<LoadBalancer, Error> {
        ApplicationLoadBalancer::from_application_load_balancer_attributes(app, scope, id, attrs)
    }
}

/// Builds the `imported_listener` item
/// ([`Listener::from_application_listener_attributes`]).
#[derive(Debug)]
pub struct ImportedApplicationListener;

// As in the CDK, an import returns the handle all listeners share.
#[allow(clippy::new_ret_no_self)]
impl ImportedApplicationListener {
    /// [`Listener::from_application_listener_attributes`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::elbv2::{ApplicationListenerAttributes, ImportedApplicationListener};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let sg = SecurityGroup::from_security_group_id(&mut app, s, "LbSg",
    ///     ImportedSecurityGroupProps::default().security_group_id("sg-0123456789abcdef0"))?;
    /// ImportedApplicationListener::new(&mut app, s, "Listener", ApplicationListenerAttributes::default()
    ///     .listener_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/fedcba9876543210")
    ///     .security_group(sg))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Listener::from_application_listener_attributes`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ApplicationListenerAttributes,
    ) -> Result<Listener, Error> {
        Listener::from_application_listener_attributes(app, scope, id, attrs)
    }
}

/// Builds the `imported_network_load_balancer` item
/// ([`NetworkLoadBalancer::from_network_load_balancer_attributes`]).
#[derive(Debug)]
pub struct ImportedNetworkLoadBalancer;

// As in the CDK, an import returns the handle all load balancers share.
#[allow(clippy::new_ret_no_self)]
impl ImportedNetworkLoadBalancer {
    /// [`NetworkLoadBalancer::from_network_load_balancer_attributes`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::elbv2::{ImportedNetworkLoadBalancer, NetworkLoadBalancerAttributes};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// ImportedNetworkLoadBalancer::new(&mut app, s, "Lb", NetworkLoadBalancerAttributes::default()
    ///     .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/0123456789abcdef"))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`NetworkLoadBalancer::from_network_load_balancer_attributes`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: NetworkLoadBalancerAttributes,
    ) -> Result<LoadBalancer, Error> {
        NetworkLoadBalancer::from_network_load_balancer_attributes(app, scope, id, attrs)
    }
}

/// The subnets `selection` picks for a load balancer and, when it is internet-facing, what its
/// creation waits for: the subnets' routes (CDK `internetConnectivityEstablished`).
pub(crate) fn lb_subnets(
    app: &App,
    vpc: Vpc,
    internet_facing: bool,
    selection: &SubnetSelection,
) -> Result<(Vec<Value>, Vec<NodeId>), Error> {
    let selected = vpc.selected(app, selection)?;
    let deps = if internet_facing {
        selected
            .iter()
            .flat_map(|s| s.connectivity.clone())
            .collect()
    } else {
        Vec::new()
    };
    Ok((selected.iter().map(|s| s.subnet_id.clone()).collect(), deps))
}

impl LoadBalancer {
    fn create_v2(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: LoadBalancerProps,
        kind: LbKind,
    ) -> Result<LoadBalancer, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        app.check_each(props.vpc)?;
        app.check_each(props.security_group)?;
        let Some(vpc) = props.vpc else {
            return Err(Error::new(format!(
                "load balancer `{id}` needs `vpc`: add `vpc: <name>`"
            )));
        };
        if let Some(name) = props.load_balancer_name.as_deref()
            && !load_balancer_name(name)
        {
            return Err(Error::new(load_balancer_name_message(id, name)));
        }
        let (subnets, deps) = lb_subnets(
            app,
            vpc,
            props.internet_facing,
            &props.vpc_subnets.clone().unwrap_or_else(|| {
                if props.internet_facing {
                    SubnetType::Public.into()
                } else {
                    SubnetSelection::default()
                }
            }),
        )?;
        let mut attributes = vec![("deletion_protection.enabled", "false".to_string())];
        if let Some(t) = props.idle_timeout {
            if kind != LbKind::Application {
                return Err(Error::new(format!(
                    "network load balancer `{id}` cannot have `idle_timeout`: only application load balancers have one"
                )));
            }
            t.checked(&format!("load balancer `{id}`"), "idle_timeout")?;
            attributes.push(("idle_timeout.timeout_seconds", t.to_seconds().to_string()));
        }
        let resource = Resource::new("AWS::ElasticLoadBalancingV2::LoadBalancer")
            .prop(
                "LoadBalancerAttributes",
                Value::List(
                    attributes
                        .into_iter()
                        .map(|(k, v)| {
                            Value::map([("Key", Value::from(k)), ("Value", Value::from(v))])
                        })
                        .collect(),
                ),
            )
            .prop_opt(
                "IpAddressType",
                props.ip_address_type.map(|t| t.cfn_value().to_string()),
            )
            .prop_opt("Name", props.load_balancer_name)
            .prop(
                "Scheme",
                if props.internet_facing {
                    "internet-facing"
                } else {
                    "internal"
                },
            )
            .prop("Subnets", Value::List(subnets))
            .prop(
                "Type",
                if kind == LbKind::Application {
                    "application"
                } else {
                    "network"
                },
            );
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        let resource = st.add_resource(node, "Resource", resource)?;
        for d in deps {
            st.add_dependency(resource, d);
        }
        let sg = match props.security_group {
            Some(sg) => sg,
            None => {
                let description = format!(
                    "Automatically created Security Group for ELB {}",
                    app.stack(stack).unique_id(node)
                );
                // Application load balancers open egress only towards their targets.
                SecurityGroup::new(
                    app,
                    node,
                    "SecurityGroup",
                    SecurityGroupProps::default()
                        .vpc(vpc)
                        .description(description)
                        .allow_all_outbound(false),
                )?
            }
        };
        let sg_id = sg.group_id(app);
        app.stack_mut(stack)
            .resource_mut(resource)
            .set("SecurityGroups", Value::List(vec![sg_id]));
        let index = app.all::<LoadBalancerData>().len();
        app.all_mut::<LoadBalancerData>().push(LoadBalancerData {
            id: id.to_string(),
            resource: Some(resource),
            imported: None,
            kind,
            ipv6: props.ip_address_type.is_some_and(IpAddressType::ipv6),
            vpc: Some(vpc),
            security_groups: vec![sg],
            instance_ports: Vec::new(),
            targets: Vec::new(),
        });
        Ok(LoadBalancer { node, index })
    }

    fn push_imported(
        app: &mut App,
        node: NodeId,
        id: &str,
        imported: ImportedLoadBalancer,
        kind: LbKind,
        vpc: Option<Vpc>,
        security_groups: Vec<SecurityGroup>,
    ) -> LoadBalancer {
        let index = app.all::<LoadBalancerData>().len();
        app.all_mut::<LoadBalancerData>().push(LoadBalancerData {
            id: id.to_string(),
            resource: None,
            imported: Some(imported),
            kind,
            // An imported load balancer's address type is not known: listeners open IPv4.
            ipv6: false,
            vpc,
            security_groups,
            instance_ports: Vec::new(),
            targets: Vec::new(),
        });
        LoadBalancer { node, index }
    }

    pub(crate) fn data(self, app: &App) -> &LoadBalancerData {
        &app.all::<LoadBalancerData>()[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [lb, "DNSName"]}`, or the DNS name an imported load balancer was given
    /// (synthesis fails when it was given none, as the CDK fails at this read).
    pub fn load_balancer_dns_name(self, app: &App) -> Value {
        let d = self.data(app);
        match (&d.imported, d.resource) {
            (Some(i), _) => i.read(&i.dns_name, "load_balancer_dns_name"),
            (None, Some(resource)) => Value::GetAtt(resource, "DNSName".into()),
            (None, None) => Value::Null,
        }
    }

    /// `{"Fn::GetAtt": [lb, "CanonicalHostedZoneID"]}`, or the hosted zone an imported load
    /// balancer was given (synthesis fails when it was given none).
    pub fn load_balancer_canonical_hosted_zone_id(self, app: &App) -> Value {
        let d = self.data(app);
        match (&d.imported, d.resource) {
            (Some(i), _) => i.read(&i.hosted_zone_id, "load_balancer_canonical_hosted_zone_id"),
            (None, Some(resource)) => Value::GetAtt(resource, "CanonicalHostedZoneID".into()),
            (None, None) => Value::Null,
        }
    }

    /// `{"Ref": lb}`: the ARN (v2) or name (classic); an imported load balancer's ARN.
    pub fn load_balancer_ref(self, app: &App) -> Value {
        let d = self.data(app);
        match (&d.imported, d.resource) {
            (Some(i), _) => Value::from(i.arn.clone()),
            (None, Some(resource)) => Value::Ref(resource),
            (None, None) => Value::Null,
        }
    }

    /// The ARN (v2) or name (classic): an alias of [`LoadBalancer::load_balancer_ref`] under
    /// the CDK's name (`loadBalancerArn`).
    pub fn load_balancer_arn(self, app: &App) -> Value {
        self.load_balancer_ref(app)
    }

    /// Whether it was imported rather than created by this app.
    pub fn is_imported(self, app: &App) -> bool {
        self.data(app).imported.is_some()
    }

    /// The load balancer's security groups.
    pub fn security_groups(self, app: &App) -> Vec<SecurityGroup> {
        self.data(app).security_groups.clone()
    }

    /// Adds a listener (CDK `addListener` of application and network load balancers).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_listener(
        self,
        app: &mut App,
        id: &str,
        props: ListenerProps,
    ) -> Result<Listener, Error> {
        app.check_stack(self.node.stack)?;
        self.listener_in(app, self.node, id, props)
    }

    /// A listener `id` under `scope`, which may be in another stack than the load balancer
    /// (CDK `new ApplicationListener(scope, id, { loadBalancer })`).
    fn listener_in(
        self,
        app: &mut App,
        scope: NodeId,
        id: &str,
        props: ListenerProps,
    ) -> Result<Listener, Error> {
        let d = self.data(app).clone();
        let application = match d.kind {
            LbKind::Application => true,
            LbKind::Network => false,
            LbKind::Classic => {
                return Err(Error::new(format!(
                    "classic load balancer `{}` takes `listeners: [{{ external_port: … }}]`, not `listener` items",
                    d.id
                )));
            }
        };
        let (protocol, port) = listener_protocol_and_port(&d.id, id, application, &props)?;
        if !application && props.default_action.is_some() {
            // Fixed responses are an HTTP feature: network listeners can only forward.
            return Err(Error::new(format!(
                "listener `{id}` of network load balancer `{}` cannot have `default_action`: remove it and forward with `add_targets`",
                d.id
            )));
        }
        let mut resource = Resource::new("AWS::ElasticLoadBalancingV2::Listener")
            .prop("LoadBalancerArn", self.load_balancer_ref(app))
            .prop("Port", port)
            .prop("Protocol", protocol.cfn_value())
            .prop_opt(
                "SslPolicy",
                props.ssl_policy.or_else(|| default_ssl_policy(protocol)),
            );
        let has_default_action = props.default_action.is_some();
        if let Some(action) = &props.default_action {
            resource.set("DefaultActions", action.render());
        }
        if !props.certificates.is_empty() {
            resource.set(
                "Certificates",
                Value::List(
                    props
                        .certificates
                        .iter()
                        .map(|c| Value::map([("CertificateArn", Value::from(c.arn().to_string()))]))
                        .collect(),
                ),
            );
        }
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let resource = st.add_resource(node, "Resource", resource)?;
        if application && props.open.unwrap_or(true) {
            for sg in &d.security_groups {
                sg.add_ingress_rule(
                    app,
                    Peer::any_ipv4(),
                    Port::tcp(port),
                    Some(&format!("Allow from anyone on port {port}")),
                )?;
                if d.ipv6 {
                    sg.add_ingress_rule(
                        app,
                        Peer::any_ipv6(),
                        Port::tcp(port),
                        Some(&format!("Allow from anyone on port {port}")),
                    )?;
                }
            }
        }
        let index = app.all::<ListenerData>().len();
        app.all_mut::<ListenerData>().push(ListenerData {
            id: id.to_string(),
            node,
            resource: Some(resource),
            arn: None,
            load_balancer: Some(self),
            security_groups: Vec::new(),
            application,
            has_default_action,
            port: Some(port),
        });
        Ok(Listener { node, index })
    }
}

fn listener_protocol_and_port(
    lb: &str,
    id: &str,
    application: bool,
    props: &ListenerProps,
) -> Result<(ListenerProtocol, u32), Error> {
    let protocol = match (props.protocol, props.port) {
        (Some(p), _) => p,
        (None, _) if application && !props.certificates.is_empty() => ListenerProtocol::Https,
        (None, Some(port)) if application => match application_protocol_for(port) {
            Some(p) => p,
            None => {
                return Err(Error::new(format!(
                    "listener `{id}` of `{lb}` has `port: {port}` and no `protocol`: add `protocol: Http` or `protocol: Https`"
                )));
            }
        },
        (None, None) if application => {
            return Err(Error::new(format!(
                "listener `{id}` of `{lb}` needs `port` or `protocol`: add e.g. `port: 80`"
            )));
        }
        (None, _) => {
            if props.certificates.is_empty() {
                ListenerProtocol::Tcp
            } else {
                ListenerProtocol::Tls
            }
        }
    };
    if protocol.is_application() != application {
        return Err(Error::new(format!(
            "listener `{id}` of `{lb}` cannot use `protocol: {:?}`: an {} load balancer speaks {}",
            protocol,
            if application {
                "application"
            } else {
                "network"
            },
            if application {
                "`Http` or `Https`"
            } else {
                "`Tcp`, `Tls`, `Udp` or `TcpUdp`"
            }
        )));
    }
    let port = match (props.port, protocol) {
        (Some(p), _) => p,
        (None, ListenerProtocol::Http) => 80,
        (None, ListenerProtocol::Https) => 443,
        (None, _) => {
            return Err(Error::new(format!(
                "listener `{id}` of `{lb}` needs `port`: add e.g. `port: 80`"
            )));
        }
    };
    Ok((protocol, port))
}

props! {
    /// Properties of a listener (CDK `BaseApplicationListenerProps` / `BaseNetworkListenerProps`).
    ///
    /// ```
    /// let p = ecs_core::elbv2::ListenerProps::default().port(443).open(false);
    /// assert_eq!(p.port, Some(443));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ListenerProps {
        /// The port the listener accepts connections on (`Port`).
        [opt "port", .default("from the protocol")]
        port: u32,
        /// The protocol of the listener's connections (`Protocol`).
        [opt "protocol", .ty(Enum(&crate::elbv2::ListenerProtocol::DEF)), .default("from the port (application), `Tcp` (network)")]
        protocol: ListenerProtocol,
        /// The TLS certificates of an `Https` or `Tls` listener (`Certificates`).
        [list "certificates"]
        certificates: ListenerCertificate,
        /// The TLS negotiation policy of an `Https` or `Tls` listener (`SslPolicy`).
        [into "sslPolicy"]
        ssl_policy: String,
        /// Whether anyone may connect (application); default true.
        [opt "open", .default("true")]
        open: bool,
        /// `DefaultActions` when no target group is the default (application listeners).
        [opt "defaultAction"]
        default_action: ListenerAction,
        /// Target groups declared with `target_group` the listener forwards to by default
        /// (CDK `defaultTargetGroups`; `listener.addTargetGroups`).
        [none "defaultTargetGroups", .ty(Refs(RefClass::TargetGroup)), .set(Set::Custom)]
        default_target_groups: (),
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ListenerData {
    pub(crate) id: String,
    pub(crate) node: NodeId,
    /// The listener resource; `None` for an imported listener.
    pub(crate) resource: Option<NodeId>,
    /// An imported listener's ARN.
    pub(crate) arn: Option<String>,
    /// The load balancer; `None` for an imported listener.
    pub(crate) load_balancer: Option<LoadBalancer>,
    /// An imported listener's security groups (a created one has its load balancer's).
    pub(crate) security_groups: Vec<SecurityGroup>,
    pub(crate) application: bool,
    pub(crate) has_default_action: bool,
    /// The port it listens on: its connections' default port.
    pub(crate) port: Option<u32>,
}

impl ListenerData {
    /// `{"Ref": listener}`, or an imported listener's ARN.
    fn arn_value(&self) -> Value {
        match (self.resource, &self.arn) {
            (Some(resource), _) => Value::Ref(resource),
            (None, Some(arn)) => Value::from(arn.clone()),
            (None, None) => Value::Null,
        }
    }

    /// The security groups its load balancer reaches targets from (CDK
    /// `listener.connections`).
    fn groups(&self, app: &App) -> Vec<SecurityGroup> {
        match self.load_balancer {
            Some(lb) => lb.security_groups(app),
            None => self.security_groups.clone(),
        }
    }
}

props! {
    /// What is known of an existing application listener (CDK
    /// `ApplicationListenerAttributes`).
    ///
    /// ```
    /// let a = ecs_core::elbv2::ApplicationListenerAttributes::default()
    ///     .listener_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/fedcba9876543210")
    ///     .default_port(443);
    /// assert_eq!(a.default_port, Some(443));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ApplicationListenerAttributes {
        /// The listener's ARN (required).
        [into "listenerArn", .required()]
        listener_arn: String,
        /// The security group of its load balancer (required), which targets let in.
        [opt "securityGroup", .ty(Ref(RefClass::SecurityGroup)), .required()]
        security_group: SecurityGroup,
        /// The port it listens on: its connections' default port.
        [opt "defaultPort", .default("none")]
        default_port: u32,
    }
}

props! {
    /// Properties of [`Listener::add_target_groups`] (CDK `AddApplicationTargetGroupsProps`).
    ///
    /// ```
    /// use ecs_core::elbv2::{AddTargetGroupsProps, ListenerCondition};
    /// let p = AddTargetGroupsProps::default().priority(10)
    ///     .conditions([ListenerCondition::path_patterns(["/api/*"])]);
    /// assert_eq!(p.priority, Some(10));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AddTargetGroupsProps {
        /// The target groups to forward to (at least one), with equal weights when several.
        [list "targetGroups", .ty(Refs(RefClass::TargetGroup))]
        target_groups: TargetGroup,
        /// The priority of the listener rule that forwards; needs `conditions`. Without both,
        /// the groups become the listener's default action.
        [opt "priority", .default("none: the listener's default action")]
        priority: u32,
        /// Which requests the rule forwards, e.g. by path or host; needs `priority`.
        [list "conditions"]
        conditions: ListenerCondition,
    }
}

/// The message of target groups `id` of listener `listener` given only one of `priority` and
/// `conditions` (CDK `checkAddRuleProps`).
pub fn rule_props_message(id: &str, listener: &str) -> String {
    format!(
        "target groups `{id}` of listener `{listener}` need both `priority` and `conditions`, or neither"
    )
}

/// The message of target groups (`id`, when named) made the default action of imported
/// listener `listener`, which the CDK refuses.
pub fn imported_listener_default_message(listener: &str, id: Option<&str>) -> String {
    format!(
        "listener `{listener}` is imported and cannot get a default action: give {} a `priority` and `conditions`",
        id.map_or("the target groups".to_string(), |id| format!("`{id}`"))
    )
}

/// The `forward` action to `groups` (CDK `ListenerAction.forward`): one group by its ARN,
/// several with equal weights.
fn forward(groups: Vec<Value>) -> Value {
    let action = if groups.len() == 1 {
        let arn = groups.into_iter().next().unwrap_or(Value::Null);
        Value::map([("TargetGroupArn", arn), ("Type", Value::from("forward"))])
    } else {
        let weighted = groups
            .into_iter()
            .map(|arn| Value::map([("TargetGroupArn", arn), ("Weight", Value::Int(1))]))
            .collect();
        Value::map([
            (
                "ForwardConfig",
                Value::map([("TargetGroups", Value::List(weighted))]),
            ),
            ("Type", Value::from("forward")),
        ])
    };
    Value::List(vec![action])
}

/// A listener of an application or network load balancer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listener {
    node: NodeId,
    index: usize,
}

/// Something load balancers send traffic to (CDK `IApplicationLoadBalancerTarget`,
/// `INetworkLoadBalancerTarget` and the classic `ILoadBalancerTarget`): an ECS service, or one
/// container and port of it ([`ecs::load_balancing`](crate::ecs::load_balancing)).
pub trait Target: Connectable + std::fmt::Debug + Send + Sync + 'static {
    /// Registers itself with `group` (CDK `attachToApplicationTargetGroup` /
    /// `attachToNetworkTargetGroup`).
    ///
    /// # Errors
    ///
    /// When the target cannot be reached this way (e.g. no mapped port).
    fn attach_to_target_group(&self, app: &mut App, group: TargetGroup) -> Result<(), Error>;

    /// Registers itself with the classic load balancer `lb` (CDK `attachToClassicLB`).
    ///
    /// # Errors
    ///
    /// When the target cannot be reached this way.
    fn attach_to_classic_load_balancer(&self, app: &mut App, lb: LoadBalancer)
    -> Result<(), Error>;
}

/// A [`Target`] of any type, as listeners and load balancers hold them.
#[derive(Debug, Clone)]
pub struct LoadBalancerTarget(std::sync::Arc<dyn Target>);

impl LoadBalancerTarget {
    /// The target.
    pub fn get(&self) -> &dyn Target {
        &*self.0
    }
}

impl<T: Target> From<T> for LoadBalancerTarget {
    fn from(target: T) -> Self {
        LoadBalancerTarget(std::sync::Arc::new(target))
    }
}

// Targets are values (handles and names): equal when they print the same.
impl PartialEq for LoadBalancerTarget {
    fn eq(&self, other: &Self) -> bool {
        format!("{:?}", self.0) == format!("{:?}", other.0)
    }
}

impl Eq for LoadBalancerTarget {}

props! {
    /// Properties of [`Listener::add_targets`] (CDK `AddApplicationTargetsProps` /
    /// `AddNetworkTargetsProps`).
    ///
    /// ```
    /// let p = ecs_core::elbv2::AddTargetsProps::default().port(80).priority(10);
    /// assert_eq!(p.priority, Some(10));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AddTargetsProps {
        /// The port the load balancer sends traffic to the targets on.
        [opt "port", .default("from the protocol")]
        port: u32,
        /// The protocol the load balancer uses to reach the targets.
        [opt "protocol", .ty(Enum(&crate::elbv2::ListenerProtocol::DEF)), .default("from the port")]
        protocol: ListenerProtocol,
        /// The services to register, or `{ service, container_name, container_port }` for one
        /// container and port (rule L1).
        [list_into "targets", .ty(Targets)]
        targets: LoadBalancerTarget,
        /// The priority of the listener rule the group is reached by; needs `conditions`.
        [opt "priority"]
        priority: u32,
        /// Which requests the listener rule sends to the group, e.g. by path or host.
        [list "conditions"]
        conditions: ListenerCondition,
        /// How the target group checks the targets' health.
        [opt "healthCheck", .ty(Object(KindId::HealthCheck))]
        health_check: TargetGroupHealthCheck,
        /// The target group's name (`Name`); CloudFormation generates one when absent.
        [into "targetGroupName"]
        target_group_name: String,
        /// How long the load balancer lets a deregistering target finish its requests.
        [into "deregistrationDelay", .default("300 seconds")]
        deregistration_delay: Duration,
        /// The HTTP version an application group speaks to the targets (`ProtocolVersion`).
        [opt "protocolVersion", .ty(Enum(&crate::elbv2::ApplicationProtocolVersion::DEF)), .default("`Http1`")]
        protocol_version: ApplicationProtocolVersion,
        /// What the targets are (`TargetType`); set by the first target registered.
        [opt "targetType", .ty(Enum(&crate::elbv2::TargetType::DEF)), .default("from the first target: `Ip` for awsvpc tasks, else `Instance`")]
        target_type: TargetType,
    }
}

/// What a target group's targets are (CDK `elbv2.TargetType`).
///
/// ```
/// assert_eq!(ecs_core::elbv2::TargetType::Ip.cfn_value(), "ip");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetType {
    /// Instances, by id.
    Instance,
    /// IP addresses (awsvpc tasks).
    Ip,
    /// A Lambda function.
    Lambda,
    /// An application load balancer (of a network load balancer's group).
    Alb,
}

impl TargetType {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Instance", "Ip", "Lambda", "Alb"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["elbv2", "TargetType"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            TargetType::Instance => "instance",
            TargetType::Ip => "ip",
            TargetType::Lambda => "lambda",
            TargetType::Alb => "alb",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct TargetGroupData {
    pub(crate) resource: NodeId,
    pub(crate) application: bool,
    /// The listener or rule constructs that send it traffic (CDK `loadBalancerAttached`).
    pub(crate) attached: Vec<NodeId>,
    /// The service resources that wait for those.
    pub(crate) dependents: Vec<NodeId>,
    /// The security groups of the listeners it is registered with (their load balancers').
    pub(crate) listener_groups: Vec<Vec<SecurityGroup>>,
    /// The targets' security groups and the port to open to them (CDK `connectableMembers`),
    /// for listeners registered later.
    pub(crate) members: Vec<(Vec<SecurityGroup>, Port)>,
}

/// A target group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetGroup {
    node: NodeId,
    index: usize,
}

impl TargetGroup {
    /// Creates an application target group `id` under `scope` with no listener yet (CDK `new
    /// elbv2.ApplicationTargetGroup(scope, id, { vpc, port, targets })`), for a listener to
    /// forward to ([`Listener::add_target_group`]) and services of any stack to join
    /// ([`TargetGroup::add_target`]). `priority` and `conditions` of `props` belong to
    /// listeners and are refused here.
    ///
    /// ```
    /// use ecs_core::{App, ec2::Vpc, elbv2::{AddTargetsProps, TargetGroup}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Lb")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
    /// TargetGroup::new_application(&mut app, s, "Group", vpc, AddTargetsProps::default().port(80))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a handle is of another app, or the props lack a port
    /// or protocol or break a rule of their targets.
    pub fn new_application(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        vpc: Vpc,
        props: AddTargetsProps,
    ) -> Result<TargetGroup, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_node(vpc.node())?;
        if props.priority.is_some() || !props.conditions.is_empty() {
            return Err(Error::new(format!(
                "target group `{id}` cannot have `priority` or `conditions`: give them to the listener rule that forwards to it"
            )));
        }
        let protocol = match (props.protocol, props.port) {
            (Some(p), _) => p,
            (None, Some(port)) => application_protocol_for(port).ok_or_else(|| {
                Error::new(format!(
                    "target group `{id}` has `port: {port}` and no `protocol`: add `protocol: Http` or `protocol: Https`"
                ))
            })?,
            (None, None) => {
                return Err(Error::new(format!(
                    "target group `{id}` needs `port` or `protocol`: add e.g. `port: 80`"
                )));
            }
        };
        if !protocol.is_application() {
            return Err(Error::new(format!(
                "target group `{id}` cannot use `protocol: {protocol:?}`: an application target group speaks `Http` or `Https`"
            )));
        }
        let port = match (props.port, protocol) {
            (Some(p), _) => p,
            (None, ListenerProtocol::Https) => 443,
            (None, _) => 80,
        };
        let owner = format!("target group `{id}`");
        let tg = TargetGroup::create(app, scope, id, &owner, (true, protocol, port), vpc, &props)?;
        for target in props.targets {
            target.0.attach_to_target_group(app, tg)?;
        }
        Ok(tg)
    }

    /// Registers `target` (a service, or one container and port of it) with the group (CDK
    /// `targetGroup.addTarget(service)`, `service.attachToApplicationTargetGroup(group)`);
    /// the target may be in another stack, which then holds the rules between the load
    /// balancer's group and the target's.
    ///
    /// # Errors
    ///
    /// When a handle is of another app or the target breaks a rule of load-balancer targets.
    pub fn add_target(
        self,
        app: &mut App,
        target: impl Into<LoadBalancerTarget>,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        let target = target.into();
        if let Some(node) = target.0.connectable_node() {
            app.check_node(node)?;
        }
        target.0.attach_to_target_group(app, self)
    }

    /// Replaces the group's health check (CDK `targetGroup.configureHealthCheck`): the
    /// settings given replace every earlier one.
    ///
    /// ```
    /// use ecs_core::{App, ec2::Vpc, elbv2::{AddTargetsProps, TargetGroup, TargetGroupHealthCheck}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Lb")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
    /// let tg = TargetGroup::new_application(&mut app, s, "Group", vpc, AddTargetsProps::default().port(80))?;
    /// tg.configure_health_check(&mut app, TargetGroupHealthCheck::default().path("/health"))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the group is of another app, or an interval or timeout is negative.
    pub fn configure_health_check(
        self,
        app: &mut App,
        health_check: TargetGroupHealthCheck,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        for (property, d) in [
            ("interval", health_check.interval),
            ("timeout", health_check.timeout),
        ] {
            if let Some(d) = d {
                d.checked("target group health check", property)?;
            }
        }
        let resource = app.all::<TargetGroupData>()[self.index].resource;
        let r = app.stack_mut(self.node.stack()).resource_mut(resource);
        for key in HEALTH_CHECK_KEYS {
            r.properties.remove(key);
        }
        health_check.apply(r);
        Ok(())
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": tg}`: the ARN.
    pub fn target_group_arn(self, app: &App) -> Value {
        Value::Ref(app.all::<TargetGroupData>()[self.index].resource)
    }

    /// The listener resource of the first listener that sends this group traffic: its ARN
    /// carries the load balancer's full name (CDK `firstLoadBalancerFullName`).
    pub(crate) fn first_listener_resource(self, app: &App) -> Option<NodeId> {
        let tg = &app.all::<TargetGroupData>()[self.index];
        tg.attached.iter().find_map(|a| {
            let stack = app.stack(a.stack());
            let parent = stack.nodes[a.index].parent();
            app.all::<ListenerData>()
                .iter()
                .find(|l| {
                    l.node == *a || Some(l.node.index) == parent && l.node.stack() == a.stack()
                })
                .and_then(|l| l.resource)
        })
    }

    /// Whether `service_resource` is registered in this group.
    pub(crate) fn serves(self, app: &App, service_resource: NodeId) -> bool {
        app.all::<TargetGroupData>()[self.index]
            .dependents
            .contains(&service_resource)
    }

    /// `{"Fn::GetAtt": [tg, "TargetGroupFullName"]}`.
    pub(crate) fn full_name(self, app: &App) -> Value {
        Value::GetAtt(
            app.all::<TargetGroupData>()[self.index].resource,
            "TargetGroupFullName".into(),
        )
    }

    /// Whether the group belongs to an application load balancer.
    pub(crate) fn data(self, app: &App) -> &TargetGroupData {
        &app.all::<TargetGroupData>()[self.index]
    }

    pub(crate) fn is_application(self, app: &App) -> bool {
        app.all::<TargetGroupData>()[self.index].application
    }

    /// Lets the load balancers of its listeners reach `groups` on `port` (CDK
    /// `registerConnectable`): the listeners ask the targets, `allowFrom(loadBalancer)`, so
    /// across stacks both rules live in the targets' stack.
    pub(crate) fn register_connectable(
        self,
        app: &mut App,
        groups: Vec<SecurityGroup>,
        port: Port,
    ) -> Result<(), Error> {
        let tg = self.data(app).clone();
        if tg.application {
            for lb_groups in tg.listener_groups {
                crate::ec2::connections::allow_from(
                    app,
                    &groups,
                    &lb_groups,
                    &port,
                    "Load balancer to target",
                )?;
            }
        }
        app.all_mut::<TargetGroupData>()[self.index]
            .members
            .push((groups, port));
        Ok(())
    }

    /// Registers a listener whose load balancer has `lb_groups`, reaching the group through
    /// `scope` (CDK `registerListener`): the load balancer gets rules to the targets added so
    /// far.
    fn attach(
        self,
        app: &mut App,
        scope: NodeId,
        lb_groups: Vec<SecurityGroup>,
    ) -> Result<(), Error> {
        let tg = self.data(app).clone();
        if tg.application {
            for (groups, port) in &tg.members {
                crate::ec2::connections::allow_from(
                    app,
                    groups,
                    &lb_groups,
                    port,
                    "Load balancer to target",
                )?;
            }
        }
        let tg = &mut app.all_mut::<TargetGroupData>()[self.index];
        tg.listener_groups.push(lb_groups);
        tg.attached.push(scope);
        let dependents = tg.dependents.clone();
        for d in dependents {
            app.stack_mut(d.stack).add_dependency(d, scope);
        }
        Ok(())
    }

    /// The `AWS::ElasticLoadBalancingV2::TargetGroup` `id` under `scope`, unregistered.
    fn create(
        app: &mut App,
        scope: NodeId,
        id: &str,
        owner: &str,
        (application, protocol, port): (bool, ListenerProtocol, u32),
        vpc: Vpc,
        props: &AddTargetsProps,
    ) -> Result<TargetGroup, Error> {
        if let Some(d) = props.deregistration_delay {
            d.checked(owner, "deregistration_delay")?;
        }
        if props.protocol_version.is_some() && !application {
            return Err(Error::new(format!(
                "{owner} cannot have `protocol_version`: only application target groups speak HTTP; remove it"
            )));
        }
        if let Some(h) = &props.health_check {
            for (property, d) in [("interval", h.interval), ("timeout", h.timeout)] {
                if let Some(d) = d {
                    d.checked(owner, property)?;
                }
            }
        }
        let mut resource = Resource::new("AWS::ElasticLoadBalancingV2::TargetGroup")
            .prop_opt("Name", props.target_group_name.clone())
            .prop("Port", port)
            .prop("Protocol", protocol.cfn_value())
            .prop_opt(
                "ProtocolVersion",
                props.protocol_version.map(|v| v.cfn_value().to_string()),
            )
            .prop("VpcId", vpc.vpc_id(app));
        let mut attributes = Vec::new();
        if let Some(d) = props.deregistration_delay {
            attributes.push((
                "deregistration_delay.timeout_seconds",
                d.to_seconds().to_string(),
            ));
        }
        if application {
            attributes.push(("stickiness.enabled", "false".to_string()));
        }
        if !attributes.is_empty() {
            resource.set(
                "TargetGroupAttributes",
                Value::List(
                    attributes
                        .into_iter()
                        .map(|(k, v)| {
                            Value::map([("Key", Value::from(k)), ("Value", Value::from(v))])
                        })
                        .collect(),
                ),
            );
        }
        if let Some(h) = &props.health_check {
            h.apply(&mut resource);
        }
        if let Some(t) = props.target_type {
            resource.set("TargetType", t.cfn_value());
        }
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let tg_resource = st.add_resource(node, "Resource", resource)?;
        let index = app.all::<TargetGroupData>().len();
        app.all_mut::<TargetGroupData>().push(TargetGroupData {
            resource: tg_resource,
            application,
            attached: Vec::new(),
            dependents: Vec::new(),
            listener_groups: Vec::new(),
            members: Vec::new(),
        });
        Ok(TargetGroup { node, index })
    }

    pub(crate) fn add_dependent(self, app: &mut App, resource: NodeId) {
        let tg = &mut app.all_mut::<TargetGroupData>()[self.index];
        tg.dependents.push(resource);
        let attached = tg.attached.clone();
        for a in attached {
            app.stack_mut(resource.stack).add_dependency(resource, a);
        }
    }
}

impl Listener {
    /// Creates listener `id` of `load_balancer` under `scope`, which may be a stack other than
    /// the load balancer's (CDK `new elbv2.ApplicationListener(scope, id, { loadBalancer, … })`
    /// or `NetworkListener`): the way a service's stack uses a load balancer of another stack
    /// without making that stack depend on it.
    ///
    /// ```
    /// use ecs_core::{App, ec2::Vpc, elbv2::{ApplicationLoadBalancer, Listener, ListenerAction, ListenerProps, LoadBalancerProps}};
    /// let mut app = App::new();
    /// let shared = app.add_stack("Shared")?;
    /// let vpc = Vpc::new(&mut app, shared, "Vpc", Default::default())?;
    /// let lb = ApplicationLoadBalancer::new(&mut app, shared, "LB", LoadBalancerProps::default().vpc(vpc))?;
    /// let web = app.add_stack("Web")?;
    /// Listener::new(&mut app, web, "Http", lb, ListenerProps::default().port(80)
    ///     .default_action(ListenerAction::fixed_response(200)))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a handle is of another app, or the props break a rule
    /// of listeners (a protocol the load balancer does not speak, no port).
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        load_balancer: LoadBalancer,
        props: ListenerProps,
    ) -> Result<Listener, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_node(load_balancer.node)?;
        load_balancer.listener_in(app, scope, id, props)
    }

    /// Forwards to `group`, a target group created on its own, by default (CDK
    /// `listener.addTargetGroups(id, { targetGroups: [group] })`, or `defaultTargetGroups`):
    /// its load balancer then reaches the group's targets.
    ///
    /// # Errors
    ///
    /// When a handle is of another app, the listener is imported or already has a default
    /// action, or the group's kind is not the listener's.
    pub fn add_target_group(self, app: &mut App, group: TargetGroup) -> Result<(), Error> {
        app.check_node(self.node)?;
        app.check_node(group.node)?;
        let l = app.all::<ListenerData>()[self.index].clone();
        self.forward_by_default(app, &l, &[group], None)
    }

    /// Forwards to `props.target_groups`, target groups created on their own (CDK
    /// `listener.addTargetGroups(id, props)`): through listener rule `<id>Rule` (`<id>` on an
    /// imported listener, as the CDK names it) when `priority` and `conditions` are given,
    /// else by default; several groups get equal weights.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::elbv2::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
    /// let sg = SecurityGroup::from_security_group_id(&mut app, s, "LbSg",
    ///     ImportedSecurityGroupProps::default().security_group_id("sg-0123456789abcdef0"))?;
    /// let listener = Listener::from_application_listener_attributes(&mut app, s, "Listener",
    ///     ApplicationListenerAttributes::default()
    ///         .listener_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/fedcba9876543210")
    ///         .security_group(sg))?;
    /// let group = TargetGroup::new_application(&mut app, s, "Api", vpc, AddTargetsProps::default().port(80))?;
    /// listener.add_target_groups(&mut app, "Api", AddTargetGroupsProps::default()
    ///     .target_groups([group]).priority(10)
    ///     .conditions([ListenerCondition::path_patterns(["/api/*"])]))?;
    /// let t = &app.templates()?[0].1;
    /// let rule = t["Resources"].as_object().unwrap().values()
    ///     .find(|r| r["Type"] == "AWS::ElasticLoadBalancingV2::ListenerRule").unwrap();
    /// assert_eq!(rule["Properties"]["Priority"], 10);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When a handle is of another app; no group is given; only one of `priority` and
    /// `conditions` is; the listener is imported and no priority is given, or is a network
    /// listener and one is; the priority is taken; or a group's kind is not the listener's.
    pub fn add_target_groups(
        self,
        app: &mut App,
        id: &str,
        props: AddTargetGroupsProps,
    ) -> Result<(), Error> {
        app.check_node(self.node)?;
        app.check_each(props.target_groups.iter().copied())?;
        let l = app.all::<ListenerData>()[self.index].clone();
        if props.target_groups.is_empty() {
            return Err(Error::new(format!(
                "target groups `{id}` of listener `{}` name no group: add `target_groups: [<group>]`",
                l.id
            )));
        }
        if props.priority.is_some() == props.conditions.is_empty() {
            return Err(Error::new(rule_props_message(id, &l.id)));
        }
        let Some(priority) = props.priority else {
            return self.forward_by_default(app, &l, &props.target_groups, Some(id));
        };
        if !l.application {
            return Err(Error::new(format!(
                "target groups `{id}` of network listener `{}` cannot have `priority` or `conditions`: network listeners have no rules",
                l.id
            )));
        }
        self.check_kinds(app, &l, &props.target_groups)?;
        // The CDK names the rule `<id>Rule` under a listener it created, `<id>` under an
        // imported one.
        let rule_id = if l.resource.is_some() {
            format!("{id}Rule")
        } else {
            id.to_string()
        };
        let arns = props
            .target_groups
            .iter()
            .map(|g| g.target_group_arn(app))
            .collect();
        self.add_rule(
            app,
            &l,
            l.node,
            &rule_id,
            priority,
            &props.conditions,
            forward(arns),
        )
        .and_then(|(rule_node, _)| {
            let groups = l.groups(app);
            for group in &props.target_groups {
                group.attach(app, rule_node, groups.clone())?;
            }
            Ok(())
        })
    }

    /// The groups become the listener's default action.
    fn forward_by_default(
        self,
        app: &mut App,
        l: &ListenerData,
        groups: &[TargetGroup],
        id: Option<&str>,
    ) -> Result<(), Error> {
        if l.resource.is_none() {
            return Err(Error::new(imported_listener_default_message(&l.id, id)));
        }
        if l.has_default_action {
            return Err(Error::new(format!(
                "listener `{}` already has a default action: give {} a `priority` and `conditions`",
                l.id,
                id.map_or("the target group".to_string(), |id| format!("`{id}`"))
            )));
        }
        self.check_kinds(app, l, groups)?;
        app.all_mut::<ListenerData>()[self.index].has_default_action = true;
        let arns = groups.iter().map(|g| g.target_group_arn(app)).collect();
        if let Some(resource) = l.resource {
            app.stack_mut(self.node.stack())
                .resource_mut(resource)
                .set("DefaultActions", forward(arns));
        }
        let lb_groups = l.groups(app);
        for group in groups {
            group.attach(app, l.node, lb_groups.clone())?;
        }
        Ok(())
    }

    fn check_kinds(self, app: &App, l: &ListenerData, groups: &[TargetGroup]) -> Result<(), Error> {
        if groups
            .iter()
            .any(|g| g.is_application(app) != l.application)
        {
            return Err(Error::new(format!(
                "listener `{}` and the target group are of different kinds of load balancer: use an application target group with an application listener",
                l.id
            )));
        }
        Ok(())
    }

    /// Listener rule `rule_id` under `scope`, taking `priority`: its construct scope and its
    /// resource.
    #[allow(clippy::too_many_arguments)]
    fn add_rule(
        self,
        app: &mut App,
        l: &ListenerData,
        scope: NodeId,
        rule_id: &str,
        priority: u32,
        conditions: &[ListenerCondition],
        actions: Value,
    ) -> Result<(NodeId, NodeId), Error> {
        if !app
            .family_mut::<ListenerRules>()
            .0
            .insert((self.index, priority))
        {
            return Err(Error::new(priority_taken_message(&l.id, priority)));
        }
        let rule = Resource::new("AWS::ElasticLoadBalancingV2::ListenerRule")
            .prop("Actions", actions)
            .prop(
                "Conditions",
                Value::List(conditions.iter().map(ListenerCondition::render).collect()),
            )
            .prop("ListenerArn", l.arn_value())
            .prop("Priority", priority);
        let st = app.stack_mut(scope.stack());
        let rule_node = st.add_node(scope, rule_id)?;
        let resource = st.add_resource(rule_node, "Resource", rule)?;
        Ok((rule_node, resource))
    }

    /// An existing application listener (CDK
    /// `ApplicationListener.fromApplicationListenerAttributes`): it forwards to target groups
    /// of this app through rules ([`Listener::add_target_groups`] with a priority), its
    /// security group then let into their targets; it takes no `add_targets` and no default
    /// action, as in the CDK.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a handle is of another app, or the ARN or the
    /// security group is missing.
    pub fn from_application_listener_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ApplicationListenerAttributes,
    ) -> Result<Listener, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(attrs.security_group)?;
        let Some(arn) = attrs.listener_arn else {
            return Err(Error::new(format!(
                "imported listener `{id}` needs `listener_arn`: add e.g. `listener_arn: \"arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/fedcba9876543210\"`"
            )));
        };
        let Some(sg) = attrs.security_group else {
            return Err(Error::new(format!(
                "imported listener `{id}` needs `security_group`, its load balancer's: add `security_group: <imported_security_group>`"
            )));
        };
        Listener::push_imported(app, scope, id, arn, true, vec![sg], attrs.default_port)
    }

    /// An existing network listener known by its ARN (CDK
    /// `NetworkListener.fromNetworkListenerArn`): its ARN can be read; it takes no targets.
    ///
    /// ```
    /// use ecs_core::{App, elbv2::Listener};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let l = Listener::from_network_listener_arn(&mut app, s, "Tcp",
    ///     "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/web/0123456789abcdef/fedcba9876543210")?;
    /// assert!(matches!(l.listener_arn(&app), ecs_core::cfn::Value::Str(_)));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or `scope` is of another app.
    pub fn from_network_listener_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: &str,
    ) -> Result<Listener, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        Listener::push_imported(app, scope, id, arn.to_string(), false, Vec::new(), None)
    }

    fn push_imported(
        app: &mut App,
        scope: NodeId,
        id: &str,
        arn: String,
        application: bool,
        security_groups: Vec<SecurityGroup>,
        port: Option<u32>,
    ) -> Result<Listener, Error> {
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<ListenerData>().len();
        app.all_mut::<ListenerData>().push(ListenerData {
            id: id.to_string(),
            node,
            resource: None,
            arn: Some(arn),
            load_balancer: None,
            security_groups,
            application,
            has_default_action: false,
            port,
        });
        Ok(Listener { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": listener}`: the ARN; an imported listener's ARN.
    pub fn listener_arn(self, app: &App) -> Value {
        app.all::<ListenerData>()[self.index].arn_value()
    }

    /// Creates target group `<id>Group` with `props.targets` and forwards to it: by default,
    /// or through rule `<id>Rule` when `priority` and `conditions` are given (CDK
    /// `addTargets`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_targets(
        self,
        app: &mut App,
        id: &str,
        props: AddTargetsProps,
    ) -> Result<TargetGroup, Error> {
        app.check_stack(self.node.stack)?;
        for target in &props.targets {
            if let Some(node) = target.0.connectable_node() {
                app.check_node(node)?;
            }
        }
        let l = app.all::<ListenerData>()[self.index].clone();
        let Some(load_balancer) = l.load_balancer else {
            return Err(Error::new(format!(
                "listener `{}` is imported and cannot `add_targets`: create a `target_group` and forward to it with `add_target_groups`",
                l.id
            )));
        };
        let lb = load_balancer.data(app).clone();
        let Some(vpc) = lb.vpc else {
            return Err(Error::new(format!(
                "load balancer `{}` was imported without `vpc`: add `vpc` to its attributes to add targets `{id}` to listener `{}`",
                lb.id, l.id
            )));
        };
        let protocol = match (props.protocol, props.port) {
            (Some(p), _) => p,
            (None, Some(port)) if l.application => match application_protocol_for(port) {
                Some(p) => p,
                None => {
                    return Err(Error::new(format!(
                        "targets `{id}` of listener `{}` have `port: {port}` and no `protocol`: add `protocol: Http` or `protocol: Https`",
                        l.id
                    )));
                }
            },
            (None, None) if l.application => {
                return Err(Error::new(format!(
                    "targets `{id}` of listener `{}` need `port` or `protocol`: add e.g. `port: 80`",
                    l.id
                )));
            }
            (None, _) => ListenerProtocol::Tcp,
        };
        let port = match (props.port, protocol) {
            (Some(p), _) => p,
            (None, ListenerProtocol::Http) => 80,
            (None, ListenerProtocol::Https) => 443,
            (None, _) => {
                return Err(Error::new(format!(
                    "targets `{id}` of listener `{}` need `port`: add e.g. `port: 80`",
                    l.id
                )));
            }
        };
        if props.priority.is_some() == props.conditions.is_empty() {
            return Err(Error::new(format!(
                "targets `{id}` of listener `{}` need both `priority` and `conditions`, or neither",
                l.id
            )));
        }
        if !l.application && props.priority.is_some() {
            return Err(Error::new(format!(
                "targets `{id}` of network listener `{}` cannot have `priority` or `conditions`: network listeners have no rules",
                l.id
            )));
        }
        let tg = TargetGroup::create(
            app,
            l.node,
            &format!("{id}Group"),
            &format!("targets `{id}`"),
            (l.application, protocol, port),
            vpc,
            &props,
        )?;
        // Targets first, as the CDK's target group constructor adds them before the listener
        // registers the group.
        for target in props.targets {
            target.0.attach_to_target_group(app, tg)?;
        }
        match props.priority {
            Some(priority) => {
                let actions = forward(vec![tg.target_group_arn(app)]);
                let rule_id = format!("{id}Rule");
                let (rule_node, _) = self.add_rule(
                    app,
                    &l,
                    l.node,
                    &rule_id,
                    priority,
                    &props.conditions,
                    actions,
                )?;
                tg.attach(app, rule_node, l.groups(app))?;
            }
            None => self.forward_by_default(app, &l, &[tg], Some(id))?,
        }
        Ok(tg)
    }
}

props! {
    /// Properties of an [`ApplicationListenerRule`] (CDK `ApplicationListenerRuleProps`).
    ///
    /// ```
    /// let p = ecs_core::elbv2::ApplicationListenerRuleProps::default().priority(10);
    /// assert_eq!(p.priority, Some(10));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ApplicationListenerRuleProps {
        /// The listener the rule belongs to (required).
        [opt "listener", .ty(Ref(RefClass::Listener)), .required()]
        listener: Listener,
        /// The rule's priority, unique on its listener (required).
        [opt "priority", .required()]
        priority: u32,
        /// Which requests the rule applies to (at least one).
        [list "conditions"]
        conditions: ListenerCondition,
        /// The target groups it forwards to, with equal weights when several; give this or
        /// `action`.
        [list "targetGroups", .ty(Refs(RefClass::TargetGroup))]
        target_groups: TargetGroup,
        /// What it does instead of forwarding (a fixed response, a redirect); give this or
        /// `target_groups`.
        [opt "action"]
        action: ListenerAction,
    }
}

/// The message of a listener rule without conditions, which the CDK refuses.
pub fn rule_conditions_message(id: &str) -> String {
    format!(
        "listener rule `{id}` has no `conditions`: a rule applies to the requests its conditions match; add e.g. `conditions: [ListenerCondition::path_patterns([\"/*\"])]`"
    )
}

/// The message of a listener rule with both or neither of `target_groups` and `action`.
pub fn rule_action_message(id: &str) -> String {
    format!(
        "listener rule `{id}` needs one of `target_groups` and `action`: give the groups it forwards to, or what it does instead"
    )
}

#[derive(Debug, Clone)]
pub(crate) struct ListenerRuleData {
    resource: NodeId,
}

impl crate::construct::app::Data for ListenerRuleData {}

/// A listener rule of an application listener (CDK `ApplicationListenerRule`), e.g. the
/// production and test rules of an ECS blue/green deployment.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::elbv2::*;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
/// let lb = ApplicationLoadBalancer::new(&mut app, s, "Lb", LoadBalancerProps::default().vpc(vpc))?;
/// let http = lb.add_listener(&mut app, "Http", ListenerProps::default().port(80)
///     .default_action(ListenerAction::fixed_response(404)))?;
/// let blue = TargetGroup::new_application(&mut app, s, "Blue", vpc, AddTargetsProps::default().port(80))?;
/// let rule = ApplicationListenerRule::new(&mut app, s, "Production", ApplicationListenerRuleProps::default()
///     .listener(http).priority(1)
///     .conditions([ListenerCondition::path_patterns(["/*"])])
///     .target_groups([blue]))?;
/// assert!(matches!(rule.listener_rule_arn(&app), ecs_core::cfn::Value::Ref(_)));
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApplicationListenerRule {
    node: NodeId,
    index: usize,
}

impl ApplicationListenerRule {
    /// Creates rule `id` under `scope` on `props.listener`: forwarding to the target groups
    /// given, which then reach its load balancer, or doing the action given.
    ///
    /// # Errors
    ///
    /// When `id` is taken, a handle is of another app, the listener, priority or conditions
    /// are missing, both or neither of `target_groups` and `action` are given, the priority is
    /// taken, or a group's kind is not the listener's.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ApplicationListenerRuleProps,
    ) -> Result<ApplicationListenerRule, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(props.listener)?;
        app.check_each(props.target_groups.iter().copied())?;
        let (Some(listener), Some(priority)) = (props.listener, props.priority) else {
            let missing = if props.listener.is_none() {
                "listener"
            } else {
                "priority"
            };
            return Err(Error::new(format!(
                "listener rule `{id}` needs `{missing}`: add `{missing}: …`"
            )));
        };
        let l = app.all::<ListenerData>()[listener.index].clone();
        if !l.application {
            return Err(Error::new(format!(
                "listener rule `{id}` is on network listener `{}`: network listeners have no rules",
                l.id
            )));
        }
        if props.conditions.is_empty() {
            return Err(Error::new(rule_conditions_message(id)));
        }
        let actions = match (props.target_groups.is_empty(), &props.action) {
            (false, None) => {
                listener.check_kinds(app, &l, &props.target_groups)?;
                forward(
                    props
                        .target_groups
                        .iter()
                        .map(|g| g.target_group_arn(app))
                        .collect(),
                )
            }
            (true, Some(action)) => action.render(),
            _ => return Err(Error::new(rule_action_message(id))),
        };
        let (rule_node, resource) =
            listener.add_rule(app, &l, scope, id, priority, &props.conditions, actions)?;
        let groups = l.groups(app);
        for group in &props.target_groups {
            group.attach(app, rule_node, groups.clone())?;
        }
        let index = app.all::<ListenerRuleData>().len();
        app.all_mut::<ListenerRuleData>()
            .push(ListenerRuleData { resource });
        Ok(ApplicationListenerRule {
            node: rule_node,
            index,
        })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": rule}`: the rule's ARN.
    pub fn listener_rule_arn(self, app: &App) -> Value {
        Value::Ref(app.all::<ListenerRuleData>()[self.index].resource)
    }
}

handle!(ApplicationListenerRule);

/// An ELBv2 load balancer name: at most 32 letters, digits and hyphens, neither starting nor
/// ending with a hyphen, and not starting with `internal-` (the prefix of internal DNS names);
/// the CDK refuses any other name at synthesis, and the ELB API at deployment.
///
/// ```
/// assert!(ecs_core::rules::load_balancer_name("web-alb"));
/// assert!(!ecs_core::rules::load_balancer_name("internal-web"));
/// assert!(!ecs_core::rules::load_balancer_name("web_alb"));
/// ```
pub const fn load_balancer_name(name: &str) -> bool {
    let b = name.as_bytes();
    if b.is_empty() || b.len() > 32 || b[0] == b'-' || b[b.len() - 1] == b'-' {
        return false;
    }
    let prefix = b"internal-";
    if b.len() >= prefix.len() {
        let mut i = 0;
        let mut same = true;
        while i < prefix.len() {
            if b[i].to_ascii_lowercase() != prefix[i] {
                same = false;
            }
            i += 1;
        }
        if same {
            return false;
        }
    }
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            return false;
        }
        i += 1;
    }
    true
}

/// The message of [`load_balancer_name`].
///
/// ```
/// assert!(ecs_core::rules::load_balancer_name_message("LB", "internal-x").contains("internal-"));
/// ```
pub fn load_balancer_name_message(id: &str, name: &str) -> String {
    format!(
        "load balancer `{id}` has `load_balancer_name: \"{name}\"`: use at most 32 letters, digits and hyphens, not starting or ending with a hyphen nor starting with `internal-`"
    )
}

handle!(LoadBalancer, Listener, TargetGroup);

/// A load balancer is reached through its security groups (a classic or network one's too).
impl Connectable for LoadBalancer {
    fn connectable_node(&self) -> Option<NodeId> {
        Some(self.node)
    }
    fn security_groups(&self, app: &App) -> Vec<SecurityGroup> {
        self.data(app).security_groups.clone()
    }
}

/// A listener is its load balancer's groups, reached on its port by default (CDK
/// `listener.connections`).
impl Connectable for Listener {
    fn connectable_node(&self) -> Option<NodeId> {
        Some(self.node)
    }
    fn security_groups(&self, app: &App) -> Vec<SecurityGroup> {
        app.all::<ListenerData>()[self.index].groups(app)
    }
    fn default_port(&self, app: &App) -> Option<Port> {
        app.all::<ListenerData>()[self.index].port.map(Port::tcp)
    }
}

impl crate::construct::app::Data for ListenerData {}
impl crate::construct::app::Data for TargetGroupData {}

/// The message for a listener rule whose `priority` another rule of `listener` has.
///
/// ```
/// let m = ecs_core::elbv2::priority_taken_message("web", 10);
/// assert!(m.ends_with("give each rule its own priority"));
/// ```
pub fn priority_taken_message(listener: &str, priority: u32) -> String {
    format!(
        "listener `{listener}` already has a rule with `priority: {priority}`: give each rule its own priority"
    )
}

/// Which `(listener, priority)` pairs listener rules took: kept apart from the listeners,
/// which `add_targets` copies, so adding a rule costs the same however many there are.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListenerRules(std::collections::HashSet<(usize, u32)>);

impl crate::construct::app::Family for ListenerRules {}

impl ListenerProtocol {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["elbv2", "ListenerProtocol"],
        variants: Self::VARIANT_NAMES,
    };
}
