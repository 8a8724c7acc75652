//! Networking: the [`Vpc`] with its subnet groups and subnet selection ([`vpc`]), security
//! groups, and the connections between constructs ([`connections`]).
//!
//! ```
//! use ecs_core::{App, ec2::{SecurityGroup, SecurityGroupProps, Vpc, VpcProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Net").unwrap();
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
//! SecurityGroup::new(&mut app, s, "Sg", SecurityGroupProps::default().vpc(vpc)).unwrap();
//! assert_eq!(app.stack(s).resource_count(), 27);
//! ```

pub mod connections;
pub mod machine_image;
pub mod vpc;

pub use vpc::{
    DefaultInstanceTenancy, ImportedVpc, IpAddresses, IpProtocol, LookedUpVpc, Subnet,
    SubnetConfiguration, SubnetSelection, SubnetType, Vpc, VpcAttributes, VpcLookupOptions,
    VpcProps,
};

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;

props! {
    /// Properties of a [`SecurityGroup`] (CDK `SecurityGroupProps`, the part this library supports).
    ///
    /// ```
    /// use ecs_core::ec2::{Peer, Port, SecurityGroupProps};
    /// let props = SecurityGroupProps::default()
    ///     .description("web")
    ///     .allow_all_outbound(false)
    ///     .ingress_rules([(Peer::vpc_cidr_block(), Port::tcp(80))]);
    /// assert_eq!(props.allow_all_outbound, Some(false));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct SecurityGroupProps {
        /// The VPC (required for a top-level security group).
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .required()]
        vpc: Vpc,
        /// `GroupDescription`; default the construct path.
        [into "description", .default("the construct path")]
        description: String,
        /// `SecurityGroupName`.
        [into "securityGroupName"]
        security_group_name: String,
        /// Whether all outbound traffic is allowed; default true.
        [opt "allowAllOutbound", .default("true")]
        allow_all_outbound: bool,
        /// Ingress rules added after creation (CDK `addIngressRule`).
        [field_list "addIngressRule", .method()]
        ingress_rules: SecurityGroupRule,
        /// Egress rules added after creation (CDK `addEgressRule`).
        [field_list "addEgressRule", .method()]
        egress_rules: SecurityGroupRule,
    }
}

impl SecurityGroupProps {
    /// Adds ingress rules: `(peer, port)` or `(peer, port, description)`.
    pub fn ingress_rules<R: Into<SecurityGroupRule>>(
        mut self,
        rules: impl IntoIterator<Item = R>,
    ) -> Self {
        self.ingress_rules.extend(rules.into_iter().map(Into::into));
        self
    }

    /// Adds egress rules: `(peer, port)` or `(peer, port, description)`.
    pub fn egress_rules<R: Into<SecurityGroupRule>>(
        mut self,
        rules: impl IntoIterator<Item = R>,
    ) -> Self {
        self.egress_rules.extend(rules.into_iter().map(Into::into));
        self
    }
}

pub use crate::ec2::connections::{
    CONNECTION_PROPS, Connectable, Connections, Peer, Port, SecurityGroupRule,
};

#[derive(Debug, Clone)]
pub(crate) struct SecurityGroupData {
    /// The `AWS::EC2::SecurityGroup`, `None` for a group imported by id.
    pub(crate) resource: Option<NodeId>,
    /// Its `GroupId` attribute, or the id given of an imported group.
    pub(crate) group_id: Value,
    /// The VPC, unknown for a group imported by id.
    pub(crate) vpc: Option<Vpc>,
    pub(crate) allow_all_outbound: bool,
    /// How many rule ids named a token peer (CDK `peerAsTokenCount`).
    pub(crate) token_peers: usize,
    /// Whether rules may be added (false only for an immutable import).
    pub(crate) mutable: bool,
}

props! {
    /// How an existing security group is imported (CDK `SecurityGroupImportOptions`, with the
    /// id).
    ///
    /// ```
    /// use ecs_core::ec2::ImportedSecurityGroupProps;
    /// let props = ImportedSecurityGroupProps::default()
    ///     .security_group_id("sg-0123456789abcdef0")
    ///     .mutable(false);
    /// assert_eq!(props.mutable, Some(false));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ImportedSecurityGroupProps {
        /// The group's id, e.g. `sg-0123456789abcdef0`.
        [into "securityGroupId", .required()]
        security_group_id: String,
        /// Whether the group allows all outbound traffic: egress rules added to it are then
        /// left out; only `false` writes them.
        [opt "allowAllOutbound", .default("true")]
        allow_all_outbound: bool,
        /// Whether rules added to the group are written (as `AWS::EC2::SecurityGroupIngress`
        /// and `AWS::EC2::SecurityGroupEgress` resources); `false` leaves the group as it is.
        [opt "mutable", .default("true")]
        mutable: bool,
    }
}

/// A security group construct (`<id>/Resource`).
///
/// ```
/// use ecs_core::{App, ec2::{SecurityGroup, SecurityGroupProps, Vpc}};
/// let mut app = App::new();
/// let s = app.add_stack("Net").unwrap();
/// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default()).unwrap();
/// let root = app.stack(s).root();
/// let sg = SecurityGroup::new(&mut app, root, "Sg", SecurityGroupProps::default().vpc(vpc)).unwrap();
/// assert!(matches!(sg.group_id(&app), ecs_core::cfn::Value::GetAtt(..)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityGroup {
    node: NodeId,
    index: usize,
}

/// The egress rule the CDK writes when a group allows no outbound traffic: one no packet can
/// match, since an empty egress list would mean "allow all" to EC2.
fn no_traffic_rule() -> Value {
    Value::map([
        ("CidrIp", Value::from("255.255.255.255/32")),
        ("Description", Value::from("Disallow all traffic")),
        ("FromPort", Value::from(252u32)),
        ("IpProtocol", Value::from("icmp")),
        ("ToPort", Value::from(86u32)),
    ])
}

impl SecurityGroup {
    /// Creates security group `id` under `scope` (a stack or a construct; CDK
    /// `new ec2.SecurityGroup(scope, id, props)`), allowing all outbound traffic unless
    /// `allow_all_outbound: false`, described by its path as the CDK describes it.
    ///
    /// ```
    /// use ecs_core::{App, ec2::{Peer, Port, SecurityGroup, SecurityGroupProps, Vpc}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Net").unwrap();
    /// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default()).unwrap();
    /// SecurityGroup::new(&mut app, s, "Sg", SecurityGroupProps::default().vpc(vpc)
    ///     .allow_all_outbound(false)
    ///     .egress_rules([(Peer::any_ipv4(), Port::tcp(443))])).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When `vpc` is missing, `id` is taken under `scope`, or a handle is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: SecurityGroupProps,
    ) -> Result<SecurityGroup, Error> {
        let scope: NodeId = scope.into();
        app.check_each([scope])?;
        app.check_each(props.vpc)?;
        let Some(vpc) = props.vpc else {
            return Err(Error::new(format!(
                "security group `{id}` needs `vpc`: add `vpc: <name>`"
            )));
        };
        let vpc_id = vpc.vpc_id(app);
        let allow_all_outbound = props.allow_all_outbound.unwrap_or(true);
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let description = props.description.unwrap_or_else(|| stack.path(node));
        let egress = if allow_all_outbound {
            Value::map([
                ("CidrIp", Value::from("0.0.0.0/0")),
                (
                    "Description",
                    Value::from("Allow all outbound traffic by default"),
                ),
                ("IpProtocol", Value::from("-1")),
            ])
        } else {
            no_traffic_rule()
        };
        let resource = stack.add_resource(
            node,
            "Resource",
            Resource::new("AWS::EC2::SecurityGroup")
                .prop("GroupDescription", description)
                .prop_opt("GroupName", props.security_group_name)
                .prop("SecurityGroupEgress", Value::List(vec![egress]))
                .prop("VpcId", vpc_id),
        )?;
        let index = app.all::<SecurityGroupData>().len();
        app.all_mut::<SecurityGroupData>().push(SecurityGroupData {
            resource: Some(resource),
            group_id: Value::GetAtt(resource, "GroupId".into()),
            vpc: Some(vpc),
            allow_all_outbound,
            token_peers: 0,
            mutable: true,
        });
        let sg = SecurityGroup { node, index };
        for rule in props.ingress_rules {
            sg.add_ingress_rule(app, rule.peer, rule.port, rule.description.as_deref())?;
        }
        for rule in props.egress_rules {
            sg.add_egress_rule(app, rule.peer, rule.port, rule.description.as_deref())?;
        }
        Ok(sg)
    }

    /// This group as a construct `id` under `scope` in another stack (CDK
    /// `SecurityGroup.fromSecurityGroupId(scope, id, group.securityGroupId, { allowAllOutbound })`):
    /// rules added to it live in `scope`'s stack and name the group through a cross-stack
    /// reference, so the group's own stack never depends on the importing one.
    pub(crate) fn import_into(
        self,
        app: &mut App,
        scope: NodeId,
        id: &str,
    ) -> Result<SecurityGroup, Error> {
        let data = SecurityGroupData {
            token_peers: 0,
            ..self.data(app).clone()
        };
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<SecurityGroupData>().len();
        app.all_mut::<SecurityGroupData>().push(data);
        Ok(SecurityGroup { node, index })
    }

    /// An existing security group (CDK `SecurityGroup.fromSecurityGroupId(scope, id,
    /// securityGroupId, { allowAllOutbound, mutable })`): a construct with no resource. Rules
    /// added to it are resources of their own under it, `from <peer>:<port>` and
    /// `to <peer>:<port>` (egress ones only with `allow_all_outbound: false`), and none at all
    /// when it is not `mutable`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Net")?;
    /// let sg = SecurityGroup::from_security_group_id(&mut app, s, "Sg",
    ///     ImportedSecurityGroupProps::default().security_group_id("sg-0123456789abcdef0"))?;
    /// sg.add_ingress_rule(&mut app, Peer::any_ipv4(), Port::tcp(80), None)?;
    /// assert_eq!(sg.group_id(&app), Value::from("sg-0123456789abcdef0"));
    /// assert_eq!(app.stack(s).resource_count(), 1);
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or `security_group_id` is missing.
    pub fn from_security_group_id(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ImportedSecurityGroupProps,
    ) -> Result<SecurityGroup, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let Some(group_id) = props.security_group_id else {
            return Err(Error::new(format!(
                "imported security group `{id}` needs `security_group_id`: add e.g. `security_group_id: \"sg-0123456789abcdef0\"`"
            )));
        };
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<SecurityGroupData>().len();
        app.all_mut::<SecurityGroupData>().push(SecurityGroupData {
            resource: None,
            group_id: Value::from(group_id),
            vpc: None,
            allow_all_outbound: props.allow_all_outbound.unwrap_or(true),
            mutable: props.mutable.unwrap_or(true),
            token_peers: 0,
        });
        Ok(SecurityGroup { node, index })
    }

    /// The security group whose construct scope is `node`, if it is one.
    pub(crate) fn from_node(app: &App, node: NodeId) -> Option<SecurityGroup> {
        let resource = app.stack(node.stack()).child(node, "Resource")?;
        let index = app
            .all::<SecurityGroupData>()
            .iter()
            .position(|g| g.resource == Some(resource))?;
        Some(SecurityGroup { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [sg, "GroupId"]}`, or the id an imported group was given.
    pub fn group_id(self, app: &App) -> Value {
        self.data(app).group_id.clone()
    }

    pub(crate) fn data(self, app: &App) -> &SecurityGroupData {
        &app.all::<SecurityGroupData>()[self.index]
    }

    /// Whether the group allows all outbound traffic.
    pub fn allows_all_outbound(self, app: &App) -> bool {
        self.data(app).allow_all_outbound
    }

    /// Adds an ingress rule (CDK `addIngressRule`): inline on the group when the peer is an
    /// address range, else an `AWS::EC2::SecurityGroupIngress` under the group named
    /// `from <peer>:<port>`. A repeated rule is added once.
    ///
    /// ```
    /// use ecs_core::{App, ec2::{Peer, Port, SecurityGroup, SecurityGroupProps, Vpc}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Net").unwrap();
    /// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default()).unwrap();
    /// let root = app.stack(s).root();
    /// let sg = SecurityGroup::new(&mut app, root, "Sg", SecurityGroupProps::default().vpc(vpc)).unwrap();
    /// sg.add_ingress_rule(&mut app, Peer::any_ipv4(), Port::tcp(80), None).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_ingress_rule(
        self,
        app: &mut App,
        peer: Peer,
        port: Port,
        description: Option<&str>,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        if let Some(node) = peer.connectable_node() {
            app.check_node(node)?;
        }
        crate::ec2::connections::add_rule(app, self, true, peer, port, description, false)
    }

    /// Adds an egress rule (CDK `addEgressRule`); nothing but the CDK's warning when the group
    /// already allows all outbound traffic.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_egress_rule(
        self,
        app: &mut App,
        peer: Peer,
        port: Port,
        description: Option<&str>,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        if let Some(node) = peer.connectable_node() {
            app.check_node(node)?;
        }
        crate::ec2::connections::add_egress(app, self, peer, port, description, false)
    }

    /// The number of the next token peer named in a rule id of this group.
    pub(crate) fn next_token_peer(self, app: &mut App) -> usize {
        let data = &mut app.all_mut::<SecurityGroupData>()[self.index];
        data.token_peers += 1;
        data.token_peers - 1
    }

    /// Drops the "Disallow all traffic" placeholder: any real egress rule replaces EC2's
    /// implicit "allow all", and the CDK omits an empty egress list.
    pub(crate) fn remove_no_traffic_rule(self, app: &mut App) {
        // A group imported by id has no template of ours, and another stack's group keeps its
        // placeholder in that stack's template.
        let Some(resource) = self
            .data(app)
            .resource
            .filter(|r| r.stack() == self.node.stack())
        else {
            return;
        };
        let props = &mut app
            .stack_mut(self.node.stack())
            .resource_mut(resource)
            .properties;
        if let Some(Value::List(rules)) = props.get_mut("SecurityGroupEgress") {
            let placeholder = no_traffic_rule();
            rules.retain(|r| *r != placeholder);
        }
        if matches!(props.get("SecurityGroupEgress"), Some(Value::List(l)) if l.is_empty()) {
            props.remove("SecurityGroupEgress");
        }
    }

    /// The group's VPC, unknown for a group imported by id.
    pub fn vpc(self, app: &App) -> Option<Vpc> {
        self.data(app).vpc
    }
}

/// Constructor of existing security groups, in the props style of the other kinds (what
/// `imported_security_group` in `ecs_app!` calls).
///
/// ```
/// use ecs_core::{App, ec2::{ImportedSecurityGroup, ImportedSecurityGroupProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Net").unwrap();
/// ImportedSecurityGroup::new(&mut app, s, "Sg", ImportedSecurityGroupProps::default()
///     .security_group_id("sg-0123456789abcdef0")).unwrap();
/// ```
#[derive(Debug)]
pub struct ImportedSecurityGroup;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ImportedSecurityGroup {
    /// [`SecurityGroup::from_security_group_id`].
    ///
    /// # Errors
    ///
    /// As [`SecurityGroup::from_security_group_id`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ImportedSecurityGroupProps,
    ) -> Result<SecurityGroup, Error> {
        SecurityGroup::from_security_group_id(app, scope, id, props)
    }
}

handle!(SecurityGroup);

impl crate::construct::app::Data for SecurityGroupData {}
