//! Security-group rules and the connections between groups (CDK `ec2.Peer`, `ec2.Port`,
//! `Connections.allowTo`): what load balancers add between themselves and their targets.

use crate::cfn::{Resource, Value};
use crate::construct::app::App;
use crate::ec2::SecurityGroup;
use crate::error::Error;

/// Something traffic can be allowed to or from through its security groups (CDK
/// `IConnectable`): a security group, a service, a cluster's capacity, a load balancer.
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
    /// The construct, to check it belongs to the app it is used with.
    fn connectable_node(&self) -> crate::cfn::NodeId;
    /// Its security groups (CDK `connections.securityGroups`); none when it has none.
    fn security_groups(&self, app: &App) -> Vec<SecurityGroup>;
}

impl Connectable for SecurityGroup {
    fn connectable_node(&self) -> crate::cfn::NodeId {
        self.node()
    }
    fn security_groups(&self, _app: &App) -> Vec<SecurityGroup> {
        vec![*self]
    }
}

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
    /// The address range of the security group's own VPC (CDK `Peer.ipv4(vpc.vpcCidrBlock)`).
    VpcCidrBlock,
    /// Another security group.
    SecurityGroup(SecurityGroup),
}

impl Peer {
    /// Any IPv4 address.
    pub fn any_ipv4() -> Peer {
        Peer::Ipv4("0.0.0.0/0".into())
    }

    /// An IPv4 range, e.g. `"10.0.0.0/16"`.
    pub fn ipv4(cidr: impl Into<Value>) -> Peer {
        Peer::Ipv4(cidr.into())
    }

    /// The CIDR block of the security group's VPC.
    pub fn vpc_cidr_block() -> Peer {
        Peer::VpcCidrBlock
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

/// Adds one rule to `sg`: inline for address ranges, a rule resource under the group for
/// group peers and for every rule of a group imported by id, nothing on an immutable import
/// (CDK `SecurityGroup.addIngressRule` / `addEgressRule` without remote rules).
pub(crate) fn add_rule(
    app: &mut App,
    sg: SecurityGroup,
    ingress: bool,
    peer: Peer,
    port: Port,
    description: Option<&str>,
) -> Result<(), Error> {
    if !sg.data(app).mutable {
        // An immutable import: the CDK leaves the group as it is.
        return Ok(());
    }
    let peer_id: Value = match &peer {
        Peer::Ipv4(v) => v.clone(),
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
    // A group imported by id has no resource to hold rules inline.
    let separate = sg.data(app).resource.is_none();
    let description = match description {
        Some(d) => Value::from(d.to_string()),
        None => Value::join(
            "",
            vec![
                if ingress || !separate { "from " } else { "to " }.into(),
                peer_id.clone(),
                format!(":{}", port.label()).into(),
            ],
        ),
    };
    let Some(resource) = sg.data(app).resource else {
        return add_rule_resource(app, sg, ingress, &peer, peer_id, port, description);
    };
    match peer {
        Peer::Ipv4(_) | Peer::VpcCidrBlock if resource.stack() != sg.node().stack() => {
            Err(Error::new(
                "a rule from an address range on a security group of another stack is not supported: add it in the group's own stack",
            ))
        }
        Peer::Ipv4(_) | Peer::VpcCidrBlock => {
            let mut rule = vec![("CidrIp", peer_id), ("Description", description)];
            rule.extend(port.json());
            let rule = Value::map(rule);
            let key = if ingress {
                "SecurityGroupIngress"
            } else {
                "SecurityGroupEgress"
            };
            let props = &mut app
                .stack_mut(sg.node().stack())
                .resource_mut(resource)
                .properties;
            let list = props.get_or_insert_with(key, || Value::List(Vec::new()));
            if let Value::List(rules) = list
                && !rules.contains(&rule)
            {
                rules.push(rule);
            }
            Ok(())
        }
        Peer::SecurityGroup(_) => {
            add_rule_resource(app, sg, ingress, &peer, peer_id, port, description)
        }
    }
}

/// Adds a rule as a resource of its own under the group (CDK `SecurityGroupBase.addIngressRule`
/// and `addEgressRule`): `AWS::EC2::SecurityGroupIngress` named `from <peer>:<port>` or
/// `AWS::EC2::SecurityGroupEgress` named `to <peer>:<port>`, once.
fn add_rule_resource(
    app: &mut App,
    sg: SecurityGroup,
    ingress: bool,
    peer: &Peer,
    peer_id: Value,
    port: Port,
    description: Value,
) -> Result<(), Error> {
    // A peer known only at deploy time is named as the CDK names one.
    let rendered = match &peer_id {
        Value::Str(s) => s.to_string(),
        _ => "{IndirectPeer}".to_string(),
    };
    let word = if ingress { "from" } else { "to" };
    // The CDK escapes the first `/` only, to keep ids of existing deployments.
    let id = format!("{word} {rendered}:{}", port.label()).replacen('/', "_", 1);
    if app.stack(sg.node().stack()).child(sg.node(), &id).is_some() {
        return Ok(());
    }
    let (kind, peer_key, peer_value) = match (peer, ingress) {
        (Peer::SecurityGroup(other), true) => (
            "AWS::EC2::SecurityGroupIngress",
            "SourceSecurityGroupId",
            other.group_id(app),
        ),
        (Peer::SecurityGroup(other), false) => (
            "AWS::EC2::SecurityGroupEgress",
            "DestinationSecurityGroupId",
            other.group_id(app),
        ),
        (_, true) => ("AWS::EC2::SecurityGroupIngress", "CidrIp", peer_id),
        (_, false) => ("AWS::EC2::SecurityGroupEgress", "CidrIp", peer_id),
    };
    let mut r = Resource::new(kind)
        .prop("Description", description)
        .prop("GroupId", sg.group_id(app))
        .prop(peer_key, peer_value);
    for (k, v) in port.json() {
        r.set(k, v);
    }
    app.stack_mut(sg.node().stack())
        .add_resource(sg.node(), &id, r)?;
    Ok(())
}

/// Lets traffic on `port` flow from every group of `from` to every group of `to`: an egress
/// rule on each source group, then an ingress rule on each target group (CDK
/// `Connections.allowTo`).
pub(crate) fn allow_to(
    app: &mut App,
    from: &[SecurityGroup],
    to: &[SecurityGroup],
    port: &Port,
    description: &str,
) -> Result<(), Error> {
    for &source in from {
        for &target in to {
            source.add_egress_rule(
                app,
                Peer::SecurityGroup(target),
                port.clone(),
                Some(description),
            )?;
        }
    }
    for &target in to {
        for &source in from {
            target.add_ingress_rule(
                app,
                Peer::SecurityGroup(source),
                port.clone(),
                Some(description),
            )?;
        }
    }
    Ok(())
}
