//! Security-group rules and the connections between groups (CDK `ec2.Peer`, `ec2.Port`,
//! `Connections.allowTo`): what load balancers add between themselves and their targets.

use crate::cfn::{Resource, Value};
use crate::construct::app::App;
use crate::decl::{ConnForm, PropDef, PropType, Set};
use crate::ec2::SecurityGroup;
use crate::error::Error;

/// Something traffic can be allowed to or from through its security groups (CDK
/// `IConnectable`): a security group, a service, a cluster and its capacity, an auto-scaling
/// group, a load balancer or listener, a file system, or a [`Peer`] (an address range or prefix
/// list, which has no group of its own).
///
/// ```
/// use ecs_core::{App, ec2::{Connectable, SecurityGroup, Vpc}};
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
/// let root = app.stack(s).root();
/// let sg = SecurityGroup::new(&mut app, root, "Sg", ecs_core::ec2::SecurityGroupProps::default().vpc(vpc))?;
/// assert_eq!(sg.security_groups(&app), [sg]);
/// # Ok::<(), ecs_core::Error>(())
/// ```
pub trait Connectable {
    /// The construct, to check it belongs to the app it is used with; none for a peer.
    fn connectable_node(&self) -> Option<crate::cfn::NodeId>;
    /// Its security groups (CDK `connections.securityGroups`); none when it has none.
    fn security_groups(&self, app: &App) -> Vec<SecurityGroup>;
    /// The port it is usually reached on (CDK `connections.defaultPort`): a listener's port,
    /// NFS for a file system; none by default.
    fn default_port(&self, _app: &App) -> Option<Port> {
        None
    }
    /// Its connections (CDK `connectable.connections`), to open traffic to or from it.
    ///
    /// ```
    /// use ecs_core::{App, ec2::{Connectable, Peer, Port, SecurityGroup, SecurityGroupProps, Vpc}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
    /// let db = SecurityGroup::new(&mut app, s, "Db", SecurityGroupProps::default().vpc(vpc))?;
    /// let web = SecurityGroup::new(&mut app, s, "Web", SecurityGroupProps::default().vpc(vpc))?;
    /// db.connections(&app).allow_from(&mut app, &web, Port::tcp(5432), None)?;
    /// db.connections(&app).allow_from(&mut app, &Peer::ipv4("10.0.0.0/16"), Port::tcp(5432), None)?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    fn connections(&self, app: &App) -> Connections {
        let groups = self.security_groups(app);
        Connections {
            peers: groups.iter().map(|g| Peer::SecurityGroup(*g)).collect(),
            security_groups: groups,
            default_port: self.default_port(app),
        }
    }
}

impl Connectable for SecurityGroup {
    fn connectable_node(&self) -> Option<crate::cfn::NodeId> {
        Some(self.node())
    }
    fn security_groups(&self, _app: &App) -> Vec<SecurityGroup> {
        vec![*self]
    }
}

/// A peer is a connectable without groups: rules name it, and only the other side gets them.
impl Connectable for Peer {
    fn connectable_node(&self) -> Option<crate::cfn::NodeId> {
        match self {
            Peer::SecurityGroup(g) => Some(g.node()),
            _ => None,
        }
    }
    fn security_groups(&self, _app: &App) -> Vec<SecurityGroup> {
        match self {
            Peer::SecurityGroup(g) => vec![*g],
            _ => Vec::new(),
        }
    }
    fn connections(&self, app: &App) -> Connections {
        Connections {
            security_groups: self.security_groups(app),
            peers: vec![self.clone()],
            default_port: None,
        }
    }
}

/// The security groups of a construct and what rules name it by (CDK `ec2.Connections`):
/// traffic is opened between two of them with a rule on each side that has groups, placed
/// as the CDK places it.
///
/// ```
/// use ecs_core::{App, ec2::{Connectable, Port, SecurityGroup, SecurityGroupProps, Vpc}};
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
/// let db = SecurityGroup::new(&mut app, s, "Db", SecurityGroupProps::default().vpc(vpc).allow_all_outbound(false))?;
/// db.connections(&app).allow_internally(&mut app, Port::all_tcp(), None)?;
/// assert_eq!(db.connections(&app).security_groups(), [db]);
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Connections {
    security_groups: Vec<SecurityGroup>,
    /// What rules of the other side name: the groups, or the peer.
    peers: Vec<Peer>,
    default_port: Option<Port>,
}

/// `this`, called by the user (not remote), and `other` the connectable asked about.
fn other_connections(app: &App, other: &dyn Connectable) -> Result<Connections, Error> {
    if let Some(node) = other.connectable_node() {
        app.check_node(node)?;
    }
    Ok(other.connections(app))
}

impl Connections {
    /// Connections of `security_groups`, reached by default on `default_port`.
    pub fn new(security_groups: Vec<SecurityGroup>, default_port: Option<Port>) -> Connections {
        Connections {
            peers: security_groups
                .iter()
                .map(|g| Peer::SecurityGroup(*g))
                .collect(),
            security_groups,
            default_port,
        }
    }

    /// The security groups.
    pub fn security_groups(&self) -> &[SecurityGroup] {
        &self.security_groups
    }

    /// The default port, if any.
    pub fn default_port(&self) -> Option<&Port> {
        self.default_port.as_ref()
    }

    fn check(&self, app: &App) -> Result<(), Error> {
        app.check_each(self.security_groups.iter().map(|g| g.node()))
    }

    /// Lets `other` reach these groups on `port` (CDK `connections.allowFrom`): an ingress
    /// rule on each of these groups, then an egress rule on each of `other`'s that does not
    /// allow all outbound, which lives with the ingress rules when the groups are in
    /// different stacks.
    ///
    /// # Errors
    ///
    /// When a group or `other` is of another app, or a rule's id is taken by another construct.
    pub fn allow_from(
        &self,
        app: &mut App,
        other: &dyn Connectable,
        port: Port,
        description: Option<&str>,
    ) -> Result<(), Error> {
        self.check(app)?;
        let other = other_connections(app, other)?;
        from(app, self, &other, &port, description, false)
    }

    /// Lets these groups reach `other` on `port` (CDK `connections.allowTo`): an egress rule
    /// on each of these groups that does not allow all outbound, then an ingress rule on each
    /// of `other`'s, which lives with the egress rules' side when the groups are in different
    /// stacks.
    ///
    /// # Errors
    ///
    /// When a group or `other` is of another app, or a rule's id is taken by another construct.
    pub fn allow_to(
        &self,
        app: &mut App,
        other: &dyn Connectable,
        port: Port,
        description: Option<&str>,
    ) -> Result<(), Error> {
        self.check(app)?;
        let other = other_connections(app, other)?;
        to(app, self, &other, &port, description, false)
    }

    /// [`allow_from`](Self::allow_from) on this side's default port (CDK `allowDefaultPortFrom`).
    ///
    /// # Errors
    ///
    /// When there is no default port: use `allow_from` with a port.
    pub fn allow_default_port_from(
        &self,
        app: &mut App,
        other: &dyn Connectable,
        description: Option<&str>,
    ) -> Result<(), Error> {
        let port = self.own_default_port("allow_default_port_from", "allow_from")?;
        self.allow_from(app, other, port, description)
    }

    /// [`allow_to`](Self::allow_to) on this side's default port (CDK `allowDefaultPortTo`).
    ///
    /// # Errors
    ///
    /// When there is no default port: use `allow_to` with a port.
    pub fn allow_default_port_to(
        &self,
        app: &mut App,
        other: &dyn Connectable,
        description: Option<&str>,
    ) -> Result<(), Error> {
        let port = self.own_default_port("allow_default_port_to", "allow_to")?;
        self.allow_to(app, other, port, description)
    }

    /// [`allow_to`](Self::allow_to) on `other`'s default port (CDK `allowToDefaultPort`), e.g.
    /// a listener's port or a file system's NFS port.
    ///
    /// # Errors
    ///
    /// When `other` has no default port: use `allow_to` with a port.
    pub fn allow_to_default_port(
        &self,
        app: &mut App,
        other: &dyn Connectable,
        description: Option<&str>,
    ) -> Result<(), Error> {
        let Some(port) = other.default_port(app) else {
            return Err(Error::new(
                "`allow_to_default_port` needs a peer with a default port (a listener, a file system): use `allow_to` with a port",
            ));
        };
        self.allow_to(app, other, port, description)
    }

    /// Lets the groups reach each other on `port` (CDK `allowInternally`): an ingress and an
    /// egress rule on each group for each group.
    ///
    /// # Errors
    ///
    /// When a group is of another app.
    pub fn allow_internally(
        &self,
        app: &mut App,
        port: Port,
        description: Option<&str>,
    ) -> Result<(), Error> {
        self.check(app)?;
        for &sg in &self.security_groups {
            for peer in &self.peers {
                add_rule(
                    app,
                    sg,
                    true,
                    peer.clone(),
                    port.clone(),
                    description,
                    false,
                )?;
                add_egress(app, sg, peer.clone(), port.clone(), description, false)?;
            }
        }
        Ok(())
    }

    /// [`allow_internally`](Self::allow_internally) on the default port (CDK
    /// `allowDefaultPortInternally`).
    ///
    /// # Errors
    ///
    /// When there is no default port: use `allow_internally` with a port.
    pub fn allow_default_port_internally(
        &self,
        app: &mut App,
        description: Option<&str>,
    ) -> Result<(), Error> {
        let port = self.own_default_port("allow_default_port_internally", "allow_internally")?;
        self.allow_internally(app, port, description)
    }

    /// Lets any IPv4 address reach the groups on `port` (CDK `allowFromAnyIpv4`).
    ///
    /// # Errors
    ///
    /// When a group is of another app.
    pub fn allow_from_any_ipv4(
        &self,
        app: &mut App,
        port: Port,
        description: Option<&str>,
    ) -> Result<(), Error> {
        self.allow_from(app, &Peer::any_ipv4(), port, description)
    }

    /// Lets the groups reach any IPv4 address on `port` (CDK `allowToAnyIpv4`).
    ///
    /// # Errors
    ///
    /// When a group is of another app.
    pub fn allow_to_any_ipv4(
        &self,
        app: &mut App,
        port: Port,
        description: Option<&str>,
    ) -> Result<(), Error> {
        self.allow_to(app, &Peer::any_ipv4(), port, description)
    }

    /// [`allow_from_any_ipv4`](Self::allow_from_any_ipv4) on the default port (CDK
    /// `allowDefaultPortFromAnyIpv4`).
    ///
    /// # Errors
    ///
    /// When there is no default port: use `allow_from_any_ipv4` with a port.
    pub fn allow_default_port_from_any_ipv4(
        &self,
        app: &mut App,
        description: Option<&str>,
    ) -> Result<(), Error> {
        let port =
            self.own_default_port("allow_default_port_from_any_ipv4", "allow_from_any_ipv4")?;
        self.allow_from_any_ipv4(app, port, description)
    }

    fn own_default_port(&self, method: &str, instead: &str) -> Result<Port, Error> {
        self.default_port.clone().ok_or_else(|| {
            Error::new(format!(
                "`{method}` needs a default port, and this construct has none: use `{instead}` with a port"
            ))
        })
    }
}

/// CDK `allowTo` with its `remoteRule` flag: egress on `this`'s groups, then `other`'s
/// `allowFrom(this)` as a remote rule.
fn to(
    app: &mut App,
    this: &Connections,
    other: &Connections,
    port: &Port,
    description: Option<&str>,
    remote: bool,
) -> Result<(), Error> {
    for &sg in &this.security_groups {
        for peer in &other.peers {
            add_egress(app, sg, peer.clone(), port.clone(), description, remote)?;
        }
    }
    for &sg in &other.security_groups {
        for peer in &this.peers {
            add_rule(app, sg, true, peer.clone(), port.clone(), description, true)?;
        }
    }
    Ok(())
}

/// CDK `allowFrom`: ingress on `this`'s groups, then `other`'s `allowTo(this)` as a remote
/// rule.
fn from(
    app: &mut App,
    this: &Connections,
    other: &Connections,
    port: &Port,
    description: Option<&str>,
    remote: bool,
) -> Result<(), Error> {
    for &sg in &this.security_groups {
        for peer in &other.peers {
            add_rule(
                app,
                sg,
                true,
                peer.clone(),
                port.clone(),
                description,
                remote,
            )?;
        }
    }
    for &sg in &other.security_groups {
        for peer in &this.peers {
            add_egress(app, sg, peer.clone(), port.clone(), description, true)?;
        }
    }
    Ok(())
}

/// An egress rule unless the group allows all outbound; a rule the user asked for directly
/// is then ignored with the CDK's warning.
pub(crate) fn add_egress(
    app: &mut App,
    sg: SecurityGroup,
    peer: Peer,
    port: Port,
    description: Option<&str>,
    remote: bool,
) -> Result<(), Error> {
    if sg.data(app).allow_all_outbound {
        // Imported groups skip it silently, as the CDK's imports do.
        let owned = sg
            .data(app)
            .resource
            .is_some_and(|r| r.stack() == sg.node().stack());
        if !remote && owned {
            app.stack_mut(sg.node().stack()).warn(
                sg.node(),
                "@aws-cdk/aws-ec2:ipv4IgnoreEgressRule",
                "Ignoring Egress rule since 'allowAllOutbound' is set to true; To add customized rules, set allowAllOutbound=false on the SecurityGroup",
            );
        }
        return Ok(());
    }
    sg.remove_no_traffic_rule(app);
    add_rule(app, sg, false, peer, port, description, remote)
}

/// The connections properties every connectable kind of `ecs_app!` has, after the CDK's
/// `connections` methods: each rule is made once the whole stack is built, in the order written
/// (the CDK's order of rules follows its calls).
///
/// ```
/// use ecs_core::ec2::CONNECTION_PROPS;
/// let allow_from = CONNECTION_PROPS.iter().find(|p| p.name == "allow_from").unwrap();
/// assert_eq!((allow_from.cdk, allow_from.method), ("allowFrom", true));
/// ```
pub const CONNECTION_PROPS: &[PropDef] = {
    const fn rule(
        name: &'static str,
        cdk: &'static str,
        form: ConnForm,
        doc: &'static str,
    ) -> PropDef {
        PropDef::new(name, cdk, PropType::Connections(form))
            .method()
            .set(Set::Custom)
            .doc(doc)
    }
    &[
        rule(
            "allow_from",
            "allowFrom",
            ConnForm::PeerPort,
            "Lets each `peer` reach this construct on `port` (ingress here, egress on the peer's groups that restrict it).",
        ),
        rule(
            "allow_to",
            "allowTo",
            ConnForm::PeerPort,
            "Lets this construct reach each `peer` on `port` (egress here when the groups restrict it, ingress on the peer's).",
        ),
        rule(
            "allow_default_port_from",
            "allowDefaultPortFrom",
            ConnForm::Peer,
            "`allow_from` on this construct's default port: a listener's port, NFS for a file system.",
        ),
        rule(
            "allow_default_port_to",
            "allowDefaultPortTo",
            ConnForm::Peer,
            "`allow_to` on this construct's default port: a listener's port, NFS for a file system.",
        ),
        rule(
            "allow_to_default_port",
            "allowToDefaultPort",
            ConnForm::Peer,
            "`allow_to` on each peer's default port; peers are listeners or file systems.",
        ),
        rule(
            "allow_internally",
            "allowInternally",
            ConnForm::Port,
            "Lets this construct's groups reach each other on each port.",
        ),
        rule(
            "allow_default_port_internally",
            "allowDefaultPortInternally",
            ConnForm::Unit,
            "`allow_internally` on this construct's default port.",
        ),
        rule(
            "allow_from_any_ipv4",
            "allowFromAnyIpv4",
            ConnForm::Port,
            "Lets any IPv4 address reach this construct on each port.",
        ),
        rule(
            "allow_to_any_ipv4",
            "allowToAnyIpv4",
            ConnForm::Port,
            "Lets this construct reach any IPv4 address on each port.",
        ),
        rule(
            "allow_default_port_from_any_ipv4",
            "allowDefaultPortFromAnyIpv4",
            ConnForm::Unit,
            "`allow_from_any_ipv4` on this construct's default port.",
        ),
    ]
};

/// The other side of a security-group rule (CDK `ec2.Peer`).
///
/// ```
/// use ecs_core::ec2::Peer;
/// assert_eq!(Peer::any_ipv4(), Peer::Ipv4("0.0.0.0/0".into()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Peer {
    /// An IPv4 address range.
    Ipv4(Value),
    /// An IPv6 address range.
    Ipv6(Value),
    /// The address range of the security group's own VPC (CDK `Peer.ipv4(vpc.vpcCidrBlock)`).
    VpcCidrBlock,
    /// Another security group.
    SecurityGroup(SecurityGroup),
    /// A managed prefix list, e.g. `"pl-12345678"` (CDK `Peer.prefixList`).
    PrefixList(Value),
}

impl Peer {
    /// Any IPv4 address.
    pub fn any_ipv4() -> Peer {
        Peer::Ipv4("0.0.0.0/0".into())
    }

    /// Any IPv6 address.
    ///
    /// ```
    /// assert_eq!(ecs_core::ec2::Peer::any_ipv6(), ecs_core::ec2::Peer::ipv6("::/0"));
    /// ```
    pub fn any_ipv6() -> Peer {
        Peer::Ipv6("::/0".into())
    }

    /// An IPv6 range, e.g. `"2001:db8::/32"`.
    ///
    /// ```
    /// use ecs_core::ec2::Peer;
    /// assert_eq!(Peer::ipv6("2001:db8::/32"), Peer::Ipv6("2001:db8::/32".into()));
    /// ```
    pub fn ipv6(cidr: impl Into<Value>) -> Peer {
        Peer::Ipv6(cidr.into())
    }

    /// An IPv4 range, e.g. `"10.0.0.0/16"`.
    pub fn ipv4(cidr: impl Into<Value>) -> Peer {
        Peer::Ipv4(cidr.into())
    }

    /// The CIDR block of the security group's VPC.
    pub fn vpc_cidr_block() -> Peer {
        Peer::VpcCidrBlock
    }

    /// A managed prefix list by id, e.g. `"pl-12345678"`.
    pub fn prefix_list(id: impl Into<Value>) -> Peer {
        Peer::PrefixList(id.into())
    }
}

/// A port range and protocol (CDK `ec2.Port`).
///
/// ```
/// use ecs_core::ec2::Port;
/// assert_eq!(Port::tcp(80).label(), "80");
/// assert_eq!(Port::tcp_range(32768, 65535).label(), "32768-65535");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Port {
    protocol: &'static str,
    from: Option<u32>,
    to: Option<u32>,
    label: String,
}

impl Port {
    /// One TCP port.
    pub fn tcp(port: u32) -> Port {
        Port::range("tcp", port, port)
    }

    /// A TCP port range.
    pub fn tcp_range(from: u32, to: u32) -> Port {
        Port::range("tcp", from, to)
    }

    /// Every TCP port.
    pub fn all_tcp() -> Port {
        Port {
            protocol: "tcp",
            from: Some(0),
            to: Some(65535),
            label: "ALL PORTS".into(),
        }
    }

    /// One UDP port.
    pub fn udp(port: u32) -> Port {
        Port::range("udp", port, port)
    }

    /// All traffic.
    pub fn all_traffic() -> Port {
        Port {
            protocol: "-1",
            from: None,
            to: None,
            label: "ALL TRAFFIC".into(),
        }
    }

    fn range(protocol: &'static str, from: u32, to: u32) -> Port {
        let label = match (protocol, from == to) {
            ("tcp", true) => from.to_string(),
            ("tcp", false) => format!("{from}-{to}"),
            (_, true) => format!("UDP {from}"),
            (_, false) => format!("UDP {from}-{to}"),
        };
        Port {
            protocol,
            from: Some(from),
            to: Some(to),
            label,
        }
    }

    /// How the CDK prints the range in rule ids and descriptions.
    pub fn label(&self) -> &str {
        &self.label
    }

    fn json(&self) -> Vec<(&'static str, Value)> {
        let mut out = vec![("IpProtocol", Value::from(self.protocol))];
        if let (Some(f), Some(t)) = (self.from, self.to) {
            out.push(("FromPort", f.into()));
            out.push(("ToPort", t.into()));
        }
        out
    }
}

/// One rule of [`SecurityGroupProps`](crate::ec2::SecurityGroupProps).
///
/// ```
/// use ecs_core::ec2::{Peer, Port, SecurityGroupRule};
/// let r: SecurityGroupRule = (Peer::any_ipv4(), Port::tcp(443), "https").into();
/// assert_eq!(r.description.as_deref(), Some("https"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityGroupRule {
    /// The peer.
    pub peer: Peer,
    /// The ports.
    pub port: Port,
    /// The description; default `from <peer>:<port>`.
    pub description: Option<String>,
}

impl From<(Peer, Port)> for SecurityGroupRule {
    fn from((peer, port): (Peer, Port)) -> SecurityGroupRule {
        SecurityGroupRule {
            peer,
            port,
            description: None,
        }
    }
}

impl From<(Peer, Port, &str)> for SecurityGroupRule {
    fn from((peer, port, description): (Peer, Port, &str)) -> SecurityGroupRule {
        SecurityGroupRule {
            peer,
            port,
            description: Some(description.to_string()),
        }
    }
}

/// Adds one rule to `sg` as the CDK's `addIngressRule` / `addEgressRule` do: inline on an owned
/// group for address ranges (once per peer, port and protocol, whatever the description),
/// else an `AWS::EC2::SecurityGroupIngress`/`Egress` resource named `from <peer>:<port>`
/// under the group; a remote rule naming a group of another stack lives under that group
/// instead, as `<group>:<port> to`, so the stack that asked for the connection holds both
/// rules (CDK `determineRuleScope`).
pub(crate) fn add_rule(
    app: &mut App,
    sg: SecurityGroup,
    ingress: bool,
    peer: Peer,
    port: Port,
    description: Option<&str>,
    remote: bool,
) -> Result<(), Error> {
    if !sg.data(app).mutable {
        // An immutable import: the CDK leaves the group as it is.
        return Ok(());
    }
    let peer_id: Value = match &peer {
        Peer::Ipv4(v) | Peer::Ipv6(v) | Peer::PrefixList(v) => v.clone(),
        Peer::VpcCidrBlock => match sg.vpc(app) {
            Some(vpc) => vpc.vpc_cidr_block(app)?,
            None => {
                return Err(Error::new(format!(
                    "security group `{}` was imported by id, so its vpc's range is unknown: give the rule's range with `Peer::ipv4`",
                    app.stack(sg.node().stack()).path(sg.node())
                )));
            }
        },
        Peer::SecurityGroup(other) => {
            Value::from(app.stack(other.node().stack()).unique_id(other.node()))
        }
    };
    // Inline only on a group of this stack's own template: a group imported by id, or another
    // stack's group, gets rule resources.
    let owned = sg
        .data(app)
        .resource
        .filter(|r| r.stack() == sg.node().stack());
    let inline =
        matches!(peer, Peer::Ipv4(_) | Peer::Ipv6(_) | Peer::VpcCidrBlock) && owned.is_some();
    let cidr_key = if matches!(peer, Peer::Ipv6(_)) {
        "CidrIpv6"
    } else {
        "CidrIp"
    };
    // The CDK's inline egress rules say `from` too.
    let word = if ingress || inline { "from" } else { "to" };
    let description = match description {
        Some(d) => Value::from(d.to_string()),
        None => Value::join(
            "",
            vec![
                format!("{word} ").into(),
                peer_id.clone(),
                format!(":{}", port.label()).into(),
            ],
        ),
    };
    let key = if ingress {
        "SecurityGroupIngress"
    } else {
        "SecurityGroupEgress"
    };
    if inline {
        let mut rule = vec![(cidr_key, peer_id)];
        rule.extend(port.json());
        let Some(resource) = owned else {
            return Err(Error::new(
                "an inline rule without its group's resource: this is a bug",
            ));
        };
        let props = &mut app
            .stack_mut(sg.node().stack())
            .resource_mut(resource)
            .properties;
        let list = props.get_or_insert_with(key, || Value::List(Vec::new()));
        if let Value::List(rules) = list
            && !rules.iter().any(|r| same_rule(r, &rule))
        {
            rule.push(("Description", description));
            rules.push(Value::map(rule));
        }
        return Ok(());
    }
    let word = if ingress { "from" } else { "to" };
    let (scope, id) = match &peer {
        Peer::SecurityGroup(other) if remote && other.node().stack() != sg.node().stack() => {
            let reversed = if ingress { "to" } else { "from" };
            let own = app.stack(sg.node().stack()).unique_id(sg.node());
            (other.node(), format!("{own}:{} {reversed}", port.label()))
        }
        _ => {
            let rendered = match &peer_id {
                Value::Str(s) => s.to_string(),
                // A token peer is numbered per group, as the CDK's `renderPeer` counts them.
                _ => {
                    let n = sg.next_token_peer(app);
                    if n == 0 {
                        "{IndirectPeer}".to_string()
                    } else {
                        format!("'{{IndirectPeer{}}}'", n + 1)
                    }
                }
            };
            // The CDK escapes the first `/` only, to keep ids of existing deployments.
            let id = format!("{word} {rendered}:{}", port.label()).replacen('/', "_", 1);
            (sg.node(), id)
        }
    };
    let peer_value = match &peer {
        Peer::SecurityGroup(other) => other.group_id(app),
        _ => peer_id,
    };
    let group_id = sg.group_id(app);
    let stack = app.stack_mut(scope.stack());
    if stack.child(scope, &id).is_some() {
        return Ok(());
    }
    let kind = if ingress {
        "AWS::EC2::SecurityGroupIngress"
    } else {
        "AWS::EC2::SecurityGroupEgress"
    };
    let peer_key = match (&peer, ingress) {
        (Peer::SecurityGroup(_), true) => "SourceSecurityGroupId",
        (Peer::SecurityGroup(_), false) => "DestinationSecurityGroupId",
        (Peer::PrefixList(_), true) => "SourcePrefixListId",
        (Peer::PrefixList(_), false) => "DestinationPrefixListId",
        _ => cidr_key,
    };
    let mut r = Resource::new(kind)
        .prop("Description", description)
        .prop("GroupId", group_id)
        .prop(peer_key, peer_value);
    for (k, v) in port.json() {
        r.set(k, v);
    }
    stack.add_resource(scope, &id, r)?;
    Ok(())
}

/// Whether an inline rule is `rule`: the CDK compares peers, ports and protocol, not
/// descriptions.
fn same_rule(existing: &Value, rule: &[(&'static str, Value)]) -> bool {
    let Value::Map(m) = existing else {
        return false;
    };
    m.keys().filter(|k| *k != "Description").count() == rule.len()
        && rule.iter().all(|(k, v)| m.get(k) == Some(v))
}

/// Lets traffic on `port` flow from every group of `from` to every group of `to`, as the
/// CDK's `from.connections.allowTo(to)` (classic load balancers to their fleet).
pub(crate) fn allow_to(
    app: &mut App,
    from: &[SecurityGroup],
    to_groups: &[SecurityGroup],
    port: &Port,
    description: &str,
) -> Result<(), Error> {
    let this = Connections::new(from.to_vec(), None);
    let other = Connections::new(to_groups.to_vec(), None);
    to(app, &this, &other, port, Some(description), false)
}

/// Lets traffic on `port` reach every group of `to` from every group of `from`, as the CDK's
/// `to.connections.allowFrom(from)` (application listeners to their targets).
pub(crate) fn allow_from(
    app: &mut App,
    to_groups: &[SecurityGroup],
    from_groups: &[SecurityGroup],
    port: &Port,
    description: &str,
) -> Result<(), Error> {
    let this = Connections::new(to_groups.to_vec(), None);
    let other = Connections::new(from_groups.to_vec(), None);
    from(app, &this, &other, port, Some(description), false)
}
