//! Networking: the VPC with the CDK's default layout, and security groups.
//!
//! A [`Vpc`] in an environment-agnostic stack spans two availability zones through
//! `Fn::GetAZs`, with a public and a private subnet in each, an internet gateway, one NAT
//! gateway per zone (or `nat_gateways`), and, as the recommended flag
//! `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` asks, a custom resource that strips the rules
//! of the VPC's default security group.
//!
//! ```
//! use ecs_core::{App, ec2::{Vpc, VpcProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Net").unwrap();
//! Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
//! assert_eq!(app.stack(s).resource_count(), 26);
//! ```

pub mod connections;
pub mod machine_image;

use crate::cfn::{Pseudo, Resource, Tagging, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::construct::asset::FileAsset;
use crate::error::Error;

props! {
    /// Properties of a [`Vpc`] (CDK `VpcProps`, the part this library supports).
    ///
    /// ```
    /// let props = ecs_core::ec2::VpcProps::default().max_azs(2).nat_gateways(1);
    /// assert_eq!(props.nat_gateways, Some(1));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct VpcProps {
        /// At most this many availability zones (an environment-agnostic stack has two).
        [opt "maxAzs", .default("3")]
        max_azs: u32,
        /// How many NAT gateways; zero makes the private subnets isolated.
        [opt "natGateways", .default("one per availability zone")]
        nat_gateways: u32,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct VpcData {
    pub(crate) resource: NodeId,
    pub(crate) public_subnets: Vec<NodeId>,
    pub(crate) private_subnets: Vec<NodeId>,
}

/// Which subnets of a VPC (CDK `SubnetType`, as `vpcSubnets: { subnetType }`).
///
/// ```
/// use ecs_core::ec2::SubnetType;
/// assert_eq!(SubnetType::default(), SubnetType::Private);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SubnetType {
    /// The private subnets (isolated when the VPC has no NAT gateway), the default.
    #[default]
    Private,
    /// The public subnets.
    Public,
}

impl SubnetType {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Private", "Public"];
}

/// A VPC construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vpc {
    node: NodeId,
    index: usize,
}

/// The zones an environment-agnostic stack can name: `Fn::GetAZs` is only known at deploy
/// time, so the CDK assumes two.
const AGNOSTIC_AZS: u32 = 2;

#[derive(Clone, Copy, PartialEq)]
enum SubnetKind {
    Public,
    Private,
    Isolated,
}

impl SubnetKind {
    fn name(self) -> &'static str {
        match self {
            SubnetKind::Public => "Public",
            SubnetKind::Private => "Private",
            SubnetKind::Isolated => "Isolated",
        }
    }
}

impl Vpc {
    /// Creates a VPC with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: VpcProps,
    ) -> Result<Vpc, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let root = scope;
        Vpc::new_in(app, root, id, props)
    }

    /// Creates a VPC under `scope` (a cluster creates its default VPC this way).
    pub(crate) fn new_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        props: VpcProps,
    ) -> Result<Vpc, Error> {
        app.check_each([scope])?;
        let azs = props.max_azs.unwrap_or(3).min(AGNOSTIC_AZS);
        if azs == 0 {
            return Err(Error::new(format!(
                "vpc `{id}` has `max_azs: 0`: a vpc needs at least one availability zone"
            )));
        }
        let nat_count = props.nat_gateways.unwrap_or(azs);
        if nat_count > azs {
            return Err(Error::new(format!(
                "vpc `{id}` has `nat_gateways: {nat_count}` but only {azs} availability zones: use at most {azs}"
            )));
        }
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let path = stack.path(node);
        stack.add_tag(node, "Name", &path);
        let vpc = stack.add_resource(
            node,
            "Resource",
            Resource::new("AWS::EC2::VPC")
                .prop("CidrBlock", "10.0.0.0/16")
                .prop("EnableDnsHostnames", true)
                .prop("EnableDnsSupport", true)
                .prop("InstanceTenancy", "default"),
        )?;

        let private_kind = if nat_count > 0 {
            SubnetKind::Private
        } else {
            SubnetKind::Isolated
        };
        let groups = [SubnetKind::Public, private_kind];
        // The CDK splits the /16 evenly over every subnet: the largest power-of-two block that
        // fits `groups × zones` times.
        let total = groups.len() as u32 * azs;
        let bits = 32 - (65536 / total).ilog2();
        let size = 1u32 << (32 - bits);
        let mut next = 0u32;
        let mut subnets: Vec<(SubnetKind, NodeId, NodeId, NodeId)> = Vec::new();
        for kind in groups {
            for az in 0..azs {
                let name = format!("{}Subnet{}", kind.name(), az + 1);
                let scope = stack.add_node(node, &name)?;
                let subnet_path = stack.path(scope);
                let only = Some("AWS::EC2::Subnet");
                stack.add_tag_for(scope, "aws-cdk:subnet-name", kind.name(), only);
                stack.add_tag_for(scope, "aws-cdk:subnet-type", kind.name(), only);
                stack.add_tag(scope, "Name", &subnet_path);
                let cidr = format!("10.0.{}.{}/{bits}", next >> 8, next & 255);
                next += size;
                let subnet = stack.add_resource(
                    scope,
                    "Subnet",
                    Resource::new("AWS::EC2::Subnet")
                        .prop(
                            "AvailabilityZone",
                            Value::Select(az, Box::new(Value::GetAzs(String::new()))),
                        )
                        .prop("CidrBlock", cidr)
                        .prop("MapPublicIpOnLaunch", kind == SubnetKind::Public)
                        .prop("VpcId", Value::Ref(vpc)),
                )?;
                let table = stack.add_resource(
                    scope,
                    "RouteTable",
                    Resource::new("AWS::EC2::RouteTable").prop("VpcId", Value::Ref(vpc)),
                )?;
                stack.add_resource(
                    scope,
                    "RouteTableAssociation",
                    Resource::new("AWS::EC2::SubnetRouteTableAssociation")
                        .prop("RouteTableId", Value::Ref(table))
                        .prop("SubnetId", Value::Ref(subnet)),
                )?;
                subnets.push((kind, scope, subnet, table));
            }
        }

        let igw = stack.add_resource(node, "IGW", Resource::new("AWS::EC2::InternetGateway"))?;
        let attachment = stack.add_resource(
            node,
            "VPCGW",
            Resource::new("AWS::EC2::VPCGatewayAttachment")
                .prop("InternetGatewayId", Value::Ref(igw))
                .prop("VpcId", Value::Ref(vpc)),
        )?;

        let mut nats = Vec::new();
        for (kind, scope, subnet, table) in &subnets {
            if *kind != SubnetKind::Public {
                continue;
            }
            let route = stack.add_resource(
                *scope,
                "DefaultRoute",
                Resource::new("AWS::EC2::Route")
                    .prop("DestinationCidrBlock", "0.0.0.0/0")
                    .prop("GatewayId", Value::Ref(igw))
                    .prop("RouteTableId", Value::Ref(*table)),
            )?;
            stack.add_dependency(route, attachment);
            if (nats.len() as u32) < nat_count {
                let eip = stack.add_resource(
                    *scope,
                    "EIP",
                    Resource::new("AWS::EC2::EIP").prop("Domain", "vpc"),
                )?;
                let nat = stack.add_resource(
                    *scope,
                    "NATGateway",
                    Resource::new("AWS::EC2::NatGateway")
                        .prop("AllocationId", Value::GetAtt(eip, "AllocationId".into()))
                        .prop("SubnetId", Value::Ref(*subnet)),
                )?;
                // The NAT gateway needs the subnet routed to the internet first.
                stack.add_dependency(nat, route);
                if let Some(assoc) = stack.child(*scope, "RouteTableAssociation") {
                    stack.add_dependency(nat, assoc);
                }
                nats.push(nat);
            }
        }
        let mut private_index = 0usize;
        for (kind, scope, _, table) in &subnets {
            if *kind != SubnetKind::Private {
                continue;
            }
            // Each private subnet routes through the NAT gateway of its zone, or the first one.
            let nat = *nats.get(private_index).unwrap_or(&nats[0]);
            private_index += 1;
            stack.add_resource(
                *scope,
                "DefaultRoute",
                Resource::new("AWS::EC2::Route")
                    .prop("DestinationCidrBlock", "0.0.0.0/0")
                    .prop("NatGatewayId", Value::Ref(nat))
                    .prop("RouteTableId", Value::Ref(*table)),
            )?;
        }

        restrict_default_security_group(app, node, vpc)?;

        let index = app.all::<VpcData>().len();
        app.all_mut::<VpcData>().push(VpcData {
            resource: vpc,
            public_subnets: subnets
                .iter()
                .filter(|s| s.0 == SubnetKind::Public)
                .map(|s| s.2)
                .collect(),
            private_subnets: subnets
                .iter()
                .filter(|s| s.0 != SubnetKind::Public)
                .map(|s| s.2)
                .collect(),
        });
        Ok(Vpc { node, index })
    }

    /// The VPC construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": vpc}`.
    pub fn vpc_id(self, app: &App) -> Value {
        Value::Ref(app.all::<VpcData>()[self.index].resource)
    }

    /// `{"Fn::GetAtt": [vpc, "CidrBlock"]}`.
    pub fn vpc_cidr_block(self, app: &App) -> Value {
        Value::GetAtt(
            app.all::<VpcData>()[self.index].resource,
            "CidrBlock".into(),
        )
    }

    /// The default subnet selection: private subnets (isolated when there is no NAT).
    pub fn private_subnets(self, app: &App) -> Vec<Value> {
        app.all::<VpcData>()[self.index]
            .private_subnets
            .iter()
            .map(|s| Value::Ref(*s))
            .collect()
    }

    /// The nodes of the public subnet resources.
    pub(crate) fn public_subnet_nodes(self, app: &App) -> &[NodeId] {
        &app.all::<VpcData>()[self.index].public_subnets
    }

    /// The public subnets.
    pub fn public_subnets(self, app: &App) -> Vec<Value> {
        app.all::<VpcData>()[self.index]
            .public_subnets
            .iter()
            .map(|s| Value::Ref(*s))
            .collect()
    }
}

/// The handler source of the default-security-group custom resource (our own code).
const RESTRICT_SG_FILES: [(&str, &[u8]); 2] = [
    (
        "__entrypoint__.js",
        include_bytes!("../../assets/restrict-default-sg/__entrypoint__.js"),
    ),
    (
        "index.js",
        include_bytes!("../../assets/restrict-default-sg/index.js"),
    ),
];

const RESTRICT_SG_PROVIDER: &str = "Custom::VpcRestrictDefaultSGCustomResourceProvider";

/// Adds `Custom::VpcRestrictDefaultSG` for the VPC and, once per stack, its provider.
fn restrict_default_security_group(
    app: &mut App,
    vpc_scope: NodeId,
    vpc: NodeId,
) -> Result<(), Error> {
    let stack = app.stack_mut(vpc_scope.stack());
    let root = stack.root();
    let (role, handler) = match stack.child(root, RESTRICT_SG_PROVIDER) {
        Some(provider) => (
            stack
                .child(provider, "Role")
                .ok_or_else(|| Error::new("provider without role: this is a bug"))?,
            stack
                .child(provider, "Handler")
                .ok_or_else(|| Error::new("provider without handler: this is a bug"))?,
        ),
        None => {
            let provider = stack.add_node(root, RESTRICT_SG_PROVIDER)?;
            let asset = FileAsset::directory(
                &format!("{} Code", stack.path(provider)),
                RESTRICT_SG_FILES
                    .iter()
                    .map(|(n, b)| (n.to_string(), b.to_vec()))
                    .collect(),
            );
            let mut role = Resource::new("AWS::IAM::Role")
                .prop(
                    "AssumeRolePolicyDocument",
                    Value::map([
                        ("Version", Value::from("2012-10-17")),
                        (
                            "Statement",
                            Value::List(vec![Value::map([
                                ("Action", Value::from("sts:AssumeRole")),
                                ("Effect", Value::from("Allow")),
                                ("Principal", Value::map([("Service", Value::from("lambda.amazonaws.com"))])),
                            ])]),
                        ),
                    ]),
                )
                .prop(
                    "ManagedPolicyArns",
                    Value::List(vec![Value::Sub(
                        "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole".into(),
                    )]),
                )
                .prop(
                    "Policies",
                    Value::List(vec![Value::map([
                        ("PolicyName", Value::from("Inline")),
                        (
                            "PolicyDocument",
                            Value::map([
                                ("Version", Value::from("2012-10-17")),
                                ("Statement", Value::List(Vec::new())),
                            ]),
                        ),
                    ])]),
                );
            // A raw CloudFormation resource in the CDK: its tag aspect does not reach it.
            role.tagging = Tagging::None;
            let role = stack.add_resource(provider, "Role", role)?;
            let mut handler = Resource::new("AWS::Lambda::Function")
                .prop(
                    "Code",
                    Value::map([
                        ("S3Bucket", Value::Sub("cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}".into())),
                        ("S3Key", Value::from(format!("{}.zip", asset.hash))),
                    ]),
                )
                .prop("Timeout", 900u32)
                .prop("MemorySize", 128u32)
                .prop("Handler", "__entrypoint__.handler")
                .prop("Role", Value::GetAtt(role, "Arn".into()))
                .prop("Runtime", "nodejs24.x")
                .prop(
                    "Description",
                    "Lambda function for removing all inbound/outbound rules from the VPC default security group",
                );
            handler.tagging = Tagging::None;
            let handler = stack.add_resource(provider, "Handler", handler)?;
            stack.add_dependency(handler, role);
            stack.assets.push(asset);
            (role, handler)
        }
    };

    // One statement per VPC lets the handler revoke that VPC's default rules and nothing else.
    let statement = Value::map([
        ("Effect", Value::from("Allow")),
        (
            "Action",
            Value::strings([
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress",
                "ec2:RevokeSecurityGroupEgress",
            ]),
        ),
        (
            "Resource",
            Value::List(vec![Value::arn(
                "ec2",
                true,
                true,
                vec![
                    Value::from("security-group/"),
                    Value::GetAtt(vpc, "DefaultSecurityGroup".into()),
                ],
            )]),
        ),
    ]);
    if let Some(Value::List(policies)) = stack.resource_mut(role).properties.get_mut("Policies")
        && let Some(Value::Map(policy)) = policies.first_mut()
        && let Some(Value::Map(doc)) = policy.get_mut("PolicyDocument")
        && let Some(Value::List(statements)) = doc.get_mut("Statement")
    {
        statements.push(statement);
    }

    let scope = stack.add_node(vpc_scope, "RestrictDefaultSecurityGroupCustomResource")?;
    let mut custom = Resource::new("Custom::VpcRestrictDefaultSG")
        .prop("ServiceToken", Value::GetAtt(handler, "Arn".into()))
        .prop(
            "DefaultSecurityGroupId",
            Value::GetAtt(vpc, "DefaultSecurityGroup".into()),
        )
        .prop("Account", Pseudo::AccountId);
    custom.removal_policy = Some("Delete");
    stack.add_resource(scope, "Default", custom)?;
    Ok(())
}

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

pub use crate::ec2::connections::{Connectable, Peer, Port, SecurityGroupRule};

#[derive(Debug, Clone)]
pub(crate) struct SecurityGroupData {
    pub(crate) resource: NodeId,
    pub(crate) vpc: Vpc,
    pub(crate) allow_all_outbound: bool,
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
/// assert!(matches!(sg.group_id(), ecs_core::cfn::Value::GetAtt(..)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityGroup {
    node: NodeId,
    resource: NodeId,
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
            resource,
            vpc,
            allow_all_outbound,
        });
        let sg = SecurityGroup {
            node,
            resource,
            index,
        };
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
        let data = self.data(app).clone();
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<SecurityGroupData>().len();
        app.all_mut::<SecurityGroupData>().push(data);
        Ok(SecurityGroup {
            node,
            resource: self.resource,
            index,
        })
    }

    /// The security group whose construct scope is `node`, if it is one.
    pub(crate) fn from_node(app: &App, node: NodeId) -> Option<SecurityGroup> {
        let resource = app.stack(node.stack()).child(node, "Resource")?;
        let index = app
            .all::<SecurityGroupData>()
            .iter()
            .position(|g| g.resource == resource)?;
        Some(SecurityGroup {
            node,
            resource,
            index,
        })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [sg, "GroupId"]}`.
    pub fn group_id(self) -> Value {
        Value::GetAtt(self.resource, "GroupId".into())
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
        crate::ec2::connections::add_rule(app, self, true, peer, port, description)
    }

    /// Adds an egress rule (CDK `addEgressRule`); nothing when the group already allows all
    /// outbound traffic.
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
        if self.data(app).allow_all_outbound {
            return Ok(());
        }
        // An imported group's placeholder belongs to its own stack's template.
        if self.resource.stack() != self.node.stack() {
            return crate::ec2::connections::add_rule(app, self, false, peer, port, description);
        }
        // Any real rule replaces EC2's implicit "allow all", so the placeholder goes.
        let resource = self.resource;
        let st = app.stack_mut(self.node.stack());
        if let Some(Value::List(rules)) = st
            .resource_mut(resource)
            .properties
            .get_mut("SecurityGroupEgress")
        {
            // Built once: comparing against a fresh placeholder per rule made a group with
            // many egress rules quadratic in allocations.
            let placeholder = no_traffic_rule();
            rules.retain(|r| *r != placeholder);
        }
        // The CDK omits an empty egress list.
        let props = &mut st.resource_mut(resource).properties;
        if matches!(props.get("SecurityGroupEgress"), Some(Value::List(l)) if l.is_empty()) {
            props.remove("SecurityGroupEgress");
        }
        crate::ec2::connections::add_rule(app, self, false, peer, port, description)
    }

    /// The group's VPC.
    pub fn vpc(self, app: &App) -> Vpc {
        self.data(app).vpc
    }
}

handle!(Vpc, SecurityGroup);

impl crate::construct::app::Data for VpcData {}
impl crate::construct::app::Data for SecurityGroupData {}

impl SubnetType {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ec2", "SubnetType"],
        variants: Self::VARIANT_NAMES,
    };
}
