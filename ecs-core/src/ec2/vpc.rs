//! The VPC: address ranges, subnet groups, gateways and subnet selection, as the CDK's `ec2.Vpc`
//! lays them out.
//!
//! A [`Vpc`] in an environment-agnostic stack spans at most two availability zones through
//! `Fn::GetAZs`. Each [`SubnetConfiguration`] (default: a public and a private group) makes one
//! subnet per zone, named `<group>Subnet<n>`; the VPC's range is split as the CDK splits it
//! (groups with a `cidr_mask` first, the rest sharing what is left evenly). Public subnets route
//! to an internet gateway, private ones through NAT gateways (one per zone, or `nat_gateways`),
//! isolated ones nowhere. As the recommended flag `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup`
//! asks, a custom resource strips the rules of the VPC's default security group.
//!
//! ```
//! use ecs_core::{App, ec2::{SubnetConfiguration, SubnetType, Vpc, VpcProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Net").unwrap();
//! Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
//! assert_eq!(app.stack(s).resource_count(), 26);
//!
//! let vpc = Vpc::new(&mut app, s, "Tiered", VpcProps::default()
//!     .nat_gateways(1)
//!     .subnet_configuration([
//!         SubnetConfiguration::new("Ingress", SubnetType::Public).cidr_mask(24),
//!         SubnetConfiguration::new("App", SubnetType::PrivateWithEgress).cidr_mask(20),
//!         SubnetConfiguration::new("Data", SubnetType::PrivateIsolated).cidr_mask(26),
//!     ])).unwrap();
//! assert_eq!(vpc.isolated_subnets(&app).len(), 2);
//! ```

use crate::cfn::{Pseudo, Resource, Tagging, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::construct::asset::FileAsset;
use crate::error::Error;

/// Which kind of subnet group (CDK `SubnetType`): where its traffic can go.
///
/// ```
/// use ecs_core::ec2::SubnetType;
/// assert_eq!(SubnetType::PrivateWithEgress.cdk_value(), "Private");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubnetType {
    /// Routed to the internet gateway; instances can have public IPs (`PUBLIC`).
    Public,
    /// Outbound traffic through a NAT gateway (`PRIVATE_WITH_EGRESS`).
    PrivateWithEgress,
    /// No route out of the VPC (`PRIVATE_ISOLATED`).
    PrivateIsolated,
}

impl SubnetType {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Public", "PrivateWithEgress", "PrivateIsolated"];

    /// The CDK's value of the type, as its messages and the `aws-cdk:subnet-type` tag spell it.
    pub fn cdk_value(self) -> &'static str {
        match self {
            SubnetType::Public => "Public",
            SubnetType::PrivateWithEgress => "Private",
            SubnetType::PrivateIsolated => "Isolated",
        }
    }

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ec2", "SubnetType"],
        variants: Self::VARIANT_NAMES,
    };
}

/// Which IP versions a VPC's subnets speak (CDK `IpProtocol`).
///
/// ```
/// assert_eq!(ecs_core::ec2::IpProtocol::VARIANT_NAMES, ["Ipv4Only", "DualStack"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IpProtocol {
    /// IPv4 only.
    #[default]
    Ipv4Only,
    /// IPv4 and IPv6: an Amazon-provided IPv6 range, a `/64` per subnet, IPv6 default
    /// routes (public subnets to the internet gateway, private ones to an egress-only one).
    DualStack,
}

impl IpProtocol {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Ipv4Only", "DualStack"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ec2", "IpProtocol"],
        variants: Self::VARIANT_NAMES,
    };
}

/// Whether instances launched in the VPC run on dedicated hardware by default (CDK
/// `DefaultInstanceTenancy`).
///
/// ```
/// assert_eq!(ecs_core::ec2::DefaultInstanceTenancy::Dedicated.cfn_value(), "dedicated");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DefaultInstanceTenancy {
    /// Shared hardware unless an instance asks otherwise.
    #[default]
    Default,
    /// Dedicated hardware for every instance.
    Dedicated,
}

impl DefaultInstanceTenancy {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Default", "Dedicated"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ec2", "DefaultInstanceTenancy"],
        variants: Self::VARIANT_NAMES,
    };

    /// `InstanceTenancy` as CloudFormation spells it.
    pub fn cfn_value(self) -> &'static str {
        match self {
            DefaultInstanceTenancy::Default => "default",
            DefaultInstanceTenancy::Dedicated => "dedicated",
        }
    }
}

/// The VPC's IPv4 range (CDK `IpAddresses`): the CDK splits it into the subnets itself.
///
/// ```
/// let ip = ecs_core::ec2::IpAddresses::cidr("10.1.0.0/16");
/// assert_eq!(ip.cidr_block(), "10.1.0.0/16");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpAddresses {
    cidr: String,
}

impl IpAddresses {
    /// A range given in CIDR notation (CDK `IpAddresses.cidr`), between /16 and /28.
    pub fn cidr(cidr: impl Into<String>) -> IpAddresses {
        IpAddresses { cidr: cidr.into() }
    }

    /// The range as given.
    pub fn cidr_block(&self) -> &str {
        &self.cidr
    }
}

props! {
    /// One group of subnets, one per availability zone (CDK `SubnetConfiguration`).
    ///
    /// ```
    /// use ecs_core::ec2::{SubnetConfiguration, SubnetType};
    /// let db = SubnetConfiguration::new("Data", SubnetType::PrivateIsolated).cidr_mask(26);
    /// assert_eq!(db.cidr_mask, Some(26));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct SubnetConfiguration {
        /// The group's name: its subnets are `<name>Subnet1`, `<name>Subnet2`, ….
        [into "name", .required()]
        name: String,
        /// What the group's subnets route to.
        [opt "subnetType", .ty(Enum(&crate::ec2::SubnetType::DEF)), .required()]
        subnet_type: SubnetType,
        /// The size of each subnet as a prefix length (16 to 28).
        [opt "cidrMask", .default("an even share of what the groups with a mask leave")]
        cidr_mask: u32,
        /// Whether the group only reserves its address space, creating no subnets.
        [opt "reserved", .default("false")]
        reserved: bool,
        /// Whether instances get public IPs at launch (public subnets only).
        [opt "mapPublicIpOnLaunch", .default("true for public subnets, false in a dual-stack vpc")]
        map_public_ip_on_launch: bool,
        /// Whether instances get an IPv6 address at launch (`AssignIpv6AddressOnCreation`; a
        /// dual-stack vpc only).
        [opt "ipv6AssignAddressOnCreation", .default("true in a dual-stack vpc")]
        ipv6_assign_address_on_creation: bool,
    }
}

impl SubnetConfiguration {
    /// A group named `name` of subnets of `subnet_type`.
    pub fn new(name: impl Into<String>, subnet_type: SubnetType) -> SubnetConfiguration {
        SubnetConfiguration::default()
            .name(name)
            .subnet_type(subnet_type)
    }
}

props! {
    /// Which subnets of a VPC a construct uses (CDK `SubnetSelection`): by type or by group
    /// name; without either, the private subnets, else the isolated ones, else the public ones.
    ///
    /// ```
    /// use ecs_core::ec2::{SubnetSelection, SubnetType};
    /// let by_type: SubnetSelection = SubnetType::Public.into();
    /// let by_name = SubnetSelection::default().subnet_group_name("App").one_per_az(true);
    /// assert_eq!(by_type.subnet_type, Some(SubnetType::Public));
    /// assert_eq!(by_name.subnet_group_name.as_deref(), Some("App"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct SubnetSelection {
        /// The subnets of every group of this type.
        [opt "subnetType", .ty(Enum(&crate::ec2::SubnetType::DEF))]
        subnet_type: SubnetType,
        /// The subnets of the group of this name.
        [into "subnetGroupName"]
        subnet_group_name: String,
        /// At most one subnet per availability zone (the first).
        [opt "onePerAz", .default("false")]
        one_per_az: bool,
        /// These subnets, e.g. existing ones by id, instead of a type or group.
        [list "subnets"]
        subnets: Subnet,
    }
}

/// An existing subnet, by id (CDK `Subnet.fromSubnetId`): a [`SubnetSelection`] may name
/// subnets one by one.
///
/// ```
/// use ecs_core::ec2::{Subnet, SubnetSelection};
/// let s = SubnetSelection::default().subnets([Subnet::from_subnet_id("subnet-0123456789abcdef0")]);
/// assert_eq!(s.subnets[0].subnet_id(), "subnet-0123456789abcdef0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subnet(String);

impl Subnet {
    /// The subnet with id `subnet_id`.
    pub fn from_subnet_id(subnet_id: impl Into<String>) -> Subnet {
        Subnet(subnet_id.into())
    }

    /// The subnet's id.
    pub fn subnet_id(&self) -> &str {
        &self.0
    }
}

impl From<SubnetType> for SubnetSelection {
    fn from(subnet_type: SubnetType) -> SubnetSelection {
        SubnetSelection::default().subnet_type(subnet_type)
    }
}

props! {
    /// Properties of a [`Vpc`] (CDK `VpcProps`, the part this library supports).
    ///
    /// ```
    /// use ecs_core::ec2::{IpAddresses, VpcProps};
    /// let props = VpcProps::default()
    ///     .ip_addresses(IpAddresses::cidr("10.1.0.0/16"))
    ///     .max_azs(2)
    ///     .nat_gateways(1);
    /// assert_eq!(props.nat_gateways, Some(1));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct VpcProps {
        /// The VPC's IPv4 range, e.g. `IpAddresses::cidr("10.1.0.0/16")`.
        [opt "ipAddresses", .default("`10.0.0.0/16`")]
        ip_addresses: IpAddresses,
        /// The VPC's IPv4 range in CIDR notation (deprecated by the CDK for `ip_addresses`).
        [into "cidr", .default("`10.0.0.0/16`")]
        cidr: String,
        /// Whether instances get DNS host names (needs `enable_dns_support`).
        [opt "enableDnsHostnames", .default("true")]
        enable_dns_hostnames: bool,
        /// Whether the VPC resolves DNS names through the Amazon DNS server.
        [opt "enableDnsSupport", .default("true")]
        enable_dns_support: bool,
        /// Whether instances run on dedicated hardware by default.
        [opt "defaultInstanceTenancy", .ty(Enum(&crate::ec2::DefaultInstanceTenancy::DEF)), .default("`Default`")]
        default_instance_tenancy: DefaultInstanceTenancy,
        /// At most this many availability zones (an environment-agnostic stack has two).
        [opt "maxAzs", .default("3")]
        max_azs: u32,
        /// The availability zones, a subset of the stack's (needs a stack with an account
        /// and a region; not with `max_azs`).
        [list_into "availabilityZones", .default("the first `max_azs` of the stack's zones")]
        availability_zones: String,
        /// Zones whose address space is kept for later, with no subnets in them.
        [opt "reservedAzs", .default("0")]
        reserved_azs: u32,
        /// How many NAT gateways, at most one per zone; zero leaves private subnets without
        /// a route out (the default groups then make them isolated).
        [opt "natGateways", .default("one per availability zone")]
        nat_gateways: u32,
        /// Which public subnets get the NAT gateways.
        [opt "natGatewaySubnets", .ty(Object(KindId::SubnetSelection)), .default("the public subnets")]
        nat_gateway_subnets: SubnetSelection,
        /// The subnet groups, each with a subnet per zone.
        [list "subnetConfiguration", .ty(Objects(KindId::SubnetConfiguration)), .default("a public and a private group")]
        subnet_configuration: SubnetConfiguration,
        /// The `Name` tag of the VPC.
        [into "vpcName", .default("the construct path")]
        vpc_name: String,
        /// Whether a custom resource removes the default security group's rules.
        [opt "restrictDefaultSecurityGroup", .default("true")]
        restrict_default_security_group: bool,
        /// Which IP versions the subnets speak.
        [opt "ipProtocol", .ty(Enum(&crate::ec2::IpProtocol::DEF)), .default("`Ipv4Only`")]
        ip_protocol: IpProtocol,
        /// Whether public subnets get an internet gateway.
        [opt "createInternetGateway", .default("true")]
        create_internet_gateway: bool,
    }
}

props! {
    /// What is known of an existing VPC (CDK `VpcAttributes`): its id, its zones and its
    /// subnets by type, one per zone in each group, in zone order. Group names default to
    /// `Public`, `Private` and `Isolated`, the names subnet selection by group name uses.
    ///
    /// ```
    /// use ecs_core::ec2::VpcAttributes;
    /// let attrs = VpcAttributes::default()
    ///     .vpc_id("vpc-0a1b2c3d")
    ///     .availability_zones(["us-east-1a", "us-east-1b"])
    ///     .private_subnet_ids(["subnet-1", "subnet-2"]);
    /// assert_eq!(attrs.private_subnet_ids.len(), 2);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct VpcAttributes {
        /// The VPC's id, e.g. `vpc-0a1b2c3d`.
        [into "vpcId", .required()]
        vpc_id: String,
        /// The zones the subnets are in, in the order each group lists its subnets.
        [list_into "availabilityZones", .required()]
        availability_zones: String,
        /// The VPC's IPv4 range (what `Peer::vpc_cidr_block()` names).
        [into "vpcCidrBlock", .default("none: rules from the VPC's range are refused")]
        vpc_cidr_block: String,
        /// The public subnets: a multiple of the zones, group by group.
        [list_into "publicSubnetIds", .default("none")]
        public_subnet_ids: String,
        /// The names of the public groups, one per group.
        [list_into "publicSubnetNames", .default("`Public`")]
        public_subnet_names: String,
        /// The route tables of the public subnets, one per subnet.
        [list_into "publicSubnetRouteTableIds", .default("none")]
        public_subnet_route_table_ids: String,
        /// The private subnets (with a route out): a multiple of the zones, group by group.
        [list_into "privateSubnetIds", .default("none")]
        private_subnet_ids: String,
        /// The names of the private groups, one per group.
        [list_into "privateSubnetNames", .default("`Private`")]
        private_subnet_names: String,
        /// The route tables of the private subnets, one per subnet.
        [list_into "privateSubnetRouteTableIds", .default("none")]
        private_subnet_route_table_ids: String,
        /// The isolated subnets: a multiple of the zones, group by group.
        [list_into "isolatedSubnetIds", .default("none")]
        isolated_subnet_ids: String,
        /// The names of the isolated groups, one per group.
        [list_into "isolatedSubnetNames", .default("`Isolated`")]
        isolated_subnet_names: String,
        /// The route tables of the isolated subnets, one per subnet.
        [list_into "isolatedSubnetRouteTableIds", .default("none")]
        isolated_subnet_route_table_ids: String,
    }
}

/// Whether `subnets` subnet ids fill whole groups over `zones` zones (CDK `ImportSubnetGroup`,
/// which divides the ids among the zones; no zones divide nothing).
///
/// ```
/// assert!(ecs_core::ec2::vpc::imported_subnet_count(4, 2));
/// assert!(!ecs_core::ec2::vpc::imported_subnet_count(3, 2));
/// ```
pub const fn imported_subnet_count(subnets: usize, zones: usize) -> bool {
    zones > 0 && subnets.is_multiple_of(zones)
}

/// The message of [`imported_subnet_count`], in the CDK's words, naming the fix.
pub fn imported_subnet_count_message(
    vpc: &str,
    field: &str,
    subnets: usize,
    zones: usize,
) -> String {
    format!(
        "imported vpc `{vpc}`: number of `{field}` ({subnets}) must be a multiple of availability zones ({zones}): give one subnet per zone for each subnet group"
    )
}

/// Whether a list of route tables (or names) of `given` entries fits `wanted` (an empty list is
/// no list).
const fn matching_count(given: usize, wanted: usize) -> bool {
    given == 0 || given == wanted
}

/// How a subnet group routes, as its `aws-cdk:subnet-type` tag names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubnetKind {
    Public,
    Private,
    Isolated,
}

impl From<SubnetType> for SubnetKind {
    fn from(t: SubnetType) -> SubnetKind {
        match t {
            SubnetType::Public => SubnetKind::Public,
            SubnetType::PrivateWithEgress => SubnetKind::Private,
            SubnetType::PrivateIsolated => SubnetKind::Isolated,
        }
    }
}

/// One subnet the VPC created.
#[derive(Debug, Clone)]
pub(crate) struct SubnetData {
    /// The group's name (`subnetGroupNameFromConstructId`).
    pub(crate) group: String,
    /// The construct id, `<group>Subnet<n>`.
    pub(crate) id: String,
    pub(crate) kind: SubnetKind,
    /// The zone, as an index into the VPC's zones.
    pub(crate) az: usize,
    /// `{"Ref": subnet}` of a created subnet, the id given of an imported one.
    pub(crate) subnet_id: Value,
    /// What a construct that needs the subnet to reach the internet waits for (CDK
    /// `internetConnectivityEstablished`): the route table association and the default route.
    pub(crate) connectivity: Vec<NodeId>,
}

#[derive(Debug, Clone)]
pub(crate) struct VpcData {
    pub(crate) id: String,
    /// `{"Ref": vpc}` of a created VPC, the id given of an imported one.
    pub(crate) vpc_id: Value,
    /// The VPC's range: its `CidrBlock` attribute, the range given of an imported VPC, or
    /// nothing when an import gave none.
    pub(crate) cidr: Option<Value>,
    /// Whether the VPC exists already (CDK `Vpc.fromVpcAttributes`).
    pub(crate) imported: bool,
    /// A looked-up VPC still waiting for the CLI's lookup: its subnets are placeholders, and a
    /// selection they cannot satisfy is empty rather than an error (CDK
    /// `incompleteSubnetDefinition`).
    pub(crate) incomplete: bool,
    /// In creation order: group by group, zone by zone.
    pub(crate) subnets: Vec<SubnetData>,
}

impl crate::construct::app::Data for VpcData {}

/// A VPC construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vpc {
    node: NodeId,
    index: usize,
}

/// The zones an environment-agnostic stack can name: `Fn::GetAZs` is only known at deploy
/// time, so the CDK assumes two.
const AGNOSTIC_AZS: u32 = 2;

/// An IPv4 range: its first address and prefix length.
#[derive(Debug, Clone, Copy)]
struct Cidr {
    base: u64,
    mask: u32,
}

impl Cidr {
    fn size(mask: u32) -> u64 {
        1u64 << (32 - mask)
    }

    /// The block of `mask` at or after `address` (CDK `new CidrBlock(address, mask)`, which
    /// rounds an address inside a block up to the next one).
    fn at_or_after(address: u64, mask: u32) -> Cidr {
        let size = Cidr::size(mask);
        let last = address + size - 1;
        Cidr {
            base: last - last % size,
            mask,
        }
    }

    fn parse(text: &str) -> Option<Cidr> {
        let (ip, mask) = text.split_once('/')?;
        let mask: u32 = mask.parse().ok()?;
        let octets: Vec<u64> = ip
            .split('.')
            .map(|o| o.parse::<u64>().ok().filter(|v| *v <= 255))
            .collect::<Option<_>>()?;
        if octets.len() != 4 || mask > 32 {
            return None;
        }
        let address = octets.iter().fold(0u64, |acc, o| acc * 256 + o);
        Some(Cidr::at_or_after(address, mask))
    }

    fn last(self) -> u64 {
        self.base + Cidr::size(self.mask) - 1
    }

    fn render(self) -> String {
        let b = self.base;
        format!(
            "{}.{}.{}.{}/{}",
            b >> 24,
            (b >> 16) & 255,
            (b >> 8) & 255,
            b & 255,
            self.mask
        )
    }
}

/// Hands out consecutive subnet blocks of a VPC's range (CDK `NetworkBuilder`).
struct NetworkBuilder {
    network: Cidr,
    next: u64,
}

impl NetworkBuilder {
    fn add_subnet(&mut self, mask: u32, vpc: &str) -> Result<Cidr, Error> {
        if !(16..=28).contains(&mask) {
            return Err(Error::new(format!(
                "vpc `{vpc}` needs subnets of /{mask}: subnets must be between /16 and /28; give the groups a `cidr_mask` or the vpc a larger range"
            )));
        }
        let block = Cidr::at_or_after(self.next, mask);
        if block.last() > self.network.last() {
            return Err(Error::new(format!(
                "vpc `{vpc}` has no room for a /{mask} subnet in {}: use smaller `cidr_mask` values or a larger range",
                self.network.render()
            )));
        }
        self.next = block.last() + 1;
        Ok(block)
    }

    /// The largest mask that fits `count` subnets in what is left.
    fn mask_for_remaining(&self, count: usize) -> u32 {
        let remaining = (self.network.last() + 1).saturating_sub(self.next);
        let per_subnet = remaining / count.max(1) as u64;
        if per_subnet == 0 {
            return 33;
        }
        32 - per_subnet.ilog2()
    }
}

/// How many NAT gateways a VPC gets (CDK `determineNatGatewayCount`), or why the groups cannot
/// have them.
fn nat_gateway_count(
    requested: Option<u32>,
    groups: &[SubnetConfiguration],
    az_count: u32,
    vpc: &str,
) -> Result<u32, Error> {
    let active = |t: SubnetType| {
        groups
            .iter()
            .any(|g| g.subnet_type == Some(t) && !g.reserved.unwrap_or(false))
    };
    let has_private = active(SubnetType::PrivateWithEgress);
    let has_public = active(SubnetType::Public);
    let count = match requested {
        Some(n) => n.min(az_count),
        None if has_private => az_count,
        None => 0,
    };
    if count > 0 && !has_public {
        return Err(Error::new(format!(
            "vpc `{vpc}` needs a public subnet group to put its NAT gateways in: add a `Public` group to `subnet_configuration` or set `nat_gateways: 0`"
        )));
    }
    Ok(count)
}

impl Vpc {
    /// Creates a VPC with id `id` under `scope` (CDK `new ec2.Vpc(scope, id, props)`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props break
    /// a rule of the CDK's: both `ip_addresses` and `cidr`, a range that is not a CIDR block of
    /// /16 to /28, subnets that do not fit it, DNS host names without DNS support, NAT gateways
    /// without a public group, a public IP setting on a non-public group.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: VpcProps,
    ) -> Result<Vpc, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        Vpc::new_in(app, scope, id, props)
    }

    /// Creates a VPC under `scope` (a cluster creates its default VPC this way).
    pub(crate) fn new_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        props: VpcProps,
    ) -> Result<Vpc, Error> {
        app.check_each([scope])?;
        // The CDK's test: `enableDnsHostnames` given true needs `enableDnsSupport` given true.
        if props.enable_dns_hostnames == Some(true) && props.enable_dns_support != Some(true) {
            return Err(Error::new(format!(
                "vpc `{id}` has `enable_dns_hostnames: true` without `enable_dns_support: true`: dns host names need dns support; set `enable_dns_support: true`"
            )));
        }
        let cidr_text = match (&props.ip_addresses, &props.cidr) {
            (Some(_), Some(_)) => {
                return Err(Error::new(format!(
                    "vpc `{id}` has both `ip_addresses` and `cidr`: give one of them"
                )));
            }
            (Some(ip), None) => ip.cidr.clone(),
            (None, Some(cidr)) => cidr.clone(),
            (None, None) => "10.0.0.0/16".to_string(),
        };
        let network = Cidr::parse(&cidr_text)
            .filter(|c| (16..=28).contains(&c.mask))
            .ok_or_else(|| {
                Error::new(format!(
                    "vpc `{id}` has the range `{cidr_text}`: a vpc's range is a CIDR block between /16 and /28, e.g. `10.0.0.0/16`"
                ))
            })?;

        if !props.availability_zones.is_empty() && props.max_azs.is_some() {
            return Err(Error::new(format!(
                "vpc `{id}` has both `availability_zones` and `max_azs`: give one of them"
            )));
        }
        // Concrete zones when the stack names its account and region (or the context gives
        // fallback zones), else `Fn::GetAZs` at deploy time, of which the CDK assumes two.
        let zones: Vec<Value> = match app.availability_zones(scope.stack())? {
            Some(stack_zones) if !props.availability_zones.is_empty() => {
                let placeholders = ["dummy1a", "dummy1b", "dummy1c"];
                let known: Vec<&String> = stack_zones
                    .iter()
                    .filter(|z| !placeholders.contains(&z.as_str()))
                    .collect();
                if !known.is_empty()
                    && let Some(bad) = props.availability_zones.iter().find(|z| !known.contains(z))
                {
                    return Err(Error::new(format!(
                        "vpc `{id}` names zone `{bad}`, which its stack does not have: use some of {}",
                        known
                            .iter()
                            .map(|z| z.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
                props
                    .availability_zones
                    .iter()
                    .map(|z| Value::from(z.clone()))
                    .collect()
            }
            Some(stack_zones) => stack_zones
                .iter()
                .take(props.max_azs.unwrap_or(3) as usize)
                .map(|z| Value::from(z.clone()))
                .collect(),
            None if !props.availability_zones.is_empty() => props
                .availability_zones
                .iter()
                .map(|z| Value::from(z.clone()))
                .collect(),
            None => (0..props.max_azs.unwrap_or(3).min(AGNOSTIC_AZS))
                .map(|i| Value::Select(i, Box::new(Value::GetAzs(String::new()))))
                .collect(),
        };
        let real_azs = zones.len() as u32;
        // Reserved zones take address space like real ones but get no subnets.
        let az_count = real_azs + props.reserved_azs.unwrap_or(0);
        let groups = if props.subnet_configuration.is_empty() {
            let private = if props.nat_gateways == Some(0) {
                SubnetType::PrivateIsolated
            } else {
                SubnetType::PrivateWithEgress
            };
            vec![
                SubnetConfiguration::new("Public", SubnetType::Public),
                SubnetConfiguration::new(SubnetKind::from(private).name(), private),
            ]
        } else {
            props.subnet_configuration.clone()
        };
        for group in &groups {
            let Some(name) = &group.name else {
                return Err(Error::new(format!(
                    "a subnet group of vpc `{id}` has no `name`: add `name: \"…\"`"
                )));
            };
            let Some(subnet_type) = group.subnet_type else {
                return Err(Error::new(format!(
                    "subnet group `{name}` of vpc `{id}` has no `subnet_type`: add one of {}",
                    SubnetType::VARIANT_NAMES.join(", ")
                )));
            };
            if group.ipv6_assign_address_on_creation.is_some()
                && props.ip_protocol != Some(IpProtocol::DualStack)
            {
                return Err(Error::new(format!(
                    "subnet group `{name}` of vpc `{id}` sets `ipv6_assign_address_on_creation` in an IPv4-only vpc: add `ip_protocol: DualStack` to the vpc or remove it"
                )));
            }
            if subnet_type != SubnetType::Public && group.map_public_ip_on_launch.is_some() {
                return Err(Error::new(format!(
                    "subnet group `{name}` of vpc `{id}` sets `map_public_ip_on_launch` but is `{subnet_type:?}`: only public subnets map public ips; remove it"
                )));
            }
        }
        let nat_count = nat_gateway_count(props.nat_gateways, &groups, az_count, id)?;

        // Blocks for every group in every zone: the groups with a mask first, in order, then
        // the others sharing what is left.
        let mut builder = NetworkBuilder {
            network,
            next: network.base,
        };
        let requested: Vec<(&SubnetConfiguration, u32)> = groups
            .iter()
            .flat_map(|g| (0..az_count).map(move |az| (g, az)))
            .collect();
        let mut blocks: Vec<Option<Cidr>> = vec![None; requested.len()];
        for (i, (group, _)) in requested.iter().enumerate() {
            if let Some(mask) = group.cidr_mask {
                blocks[i] = Some(builder.add_subnet(mask, id)?);
            }
        }
        let unmasked = requested
            .iter()
            .filter(|(g, _)| g.cidr_mask.is_none())
            .count();
        let remaining_mask = builder.mask_for_remaining(unmasked);
        for (i, (group, _)) in requested.iter().enumerate() {
            if group.cidr_mask.is_none() {
                blocks[i] = Some(builder.add_subnet(remaining_mask, id)?);
            }
        }

        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let path = stack.path(node);
        stack.add_tag(node, "Name", props.vpc_name.as_deref().unwrap_or(&path));
        let vpc = stack.add_resource(
            node,
            "Resource",
            Resource::new("AWS::EC2::VPC")
                .prop("CidrBlock", network.render())
                .prop(
                    "EnableDnsHostnames",
                    props.enable_dns_hostnames.unwrap_or(true),
                )
                .prop("EnableDnsSupport", props.enable_dns_support.unwrap_or(true))
                .prop(
                    "InstanceTenancy",
                    props
                        .default_instance_tenancy
                        .unwrap_or_default()
                        .cfn_value(),
                ),
        )?;

        let dual_stack = props.ip_protocol == Some(IpProtocol::DualStack);
        // Dual stack: an Amazon-provided IPv6 range, cut into one `/64` per requested subnet.
        let ipv6_cidr = if dual_stack {
            Some(
                stack.add_resource(
                    node,
                    "ipv6cidr",
                    Resource::new("AWS::EC2::VPCCidrBlock")
                        .prop("AmazonProvidedIpv6CidrBlock", true)
                        .prop("VpcId", Value::Ref(vpc)),
                )?,
            )
        } else {
            None
        };
        let ipv6_blocks = Value::map([(
            "Fn::Cidr",
            Value::List(vec![
                Value::Select(0, Box::new(Value::GetAtt(vpc, "Ipv6CidrBlocks".into()))),
                Value::Int(requested.len() as i64),
                Value::from("64"),
            ]),
        )]);
        let mut subnets: Vec<(SubnetData, NodeId, NodeId)> = Vec::new();
        for (index, ((group, az), block)) in requested.iter().zip(&blocks).enumerate() {
            let (Some(name), Some(subnet_type), Some(block)) =
                (&group.name, group.subnet_type, block)
            else {
                continue;
            };
            if group.reserved.unwrap_or(false) || *az >= real_azs {
                continue;
            }
            let kind = SubnetKind::from(subnet_type);
            let subnet_id = format!("{name}Subnet{}", az + 1);
            let scope = stack.add_node(node, &subnet_id)?;
            let subnet_path = stack.path(scope);
            let only = Some("AWS::EC2::Subnet");
            stack.add_tag_for(scope, "aws-cdk:subnet-name", name, only);
            stack.add_tag_for(scope, "aws-cdk:subnet-type", kind.name(), only);
            stack.add_tag(scope, "Name", &subnet_path);
            // A dual-stack public subnet maps no public IPv4 addresses unless asked to.
            let map_public_ip =
                kind == SubnetKind::Public && group.map_public_ip_on_launch.unwrap_or(!dual_stack);
            let mut resource = Resource::new("AWS::EC2::Subnet")
                .prop("AvailabilityZone", zones[*az as usize].clone())
                .prop("CidrBlock", block.render())
                .prop("MapPublicIpOnLaunch", map_public_ip)
                .prop("VpcId", Value::Ref(vpc));
            if let Some(cidr) = ipv6_cidr {
                resource = resource
                    .prop(
                        "AssignIpv6AddressOnCreation",
                        group.ipv6_assign_address_on_creation.unwrap_or(true),
                    )
                    .prop(
                        "Ipv6CidrBlock",
                        Value::Select(index as u32, Box::new(ipv6_blocks.clone())),
                    );
                // Everything of the subnet waits for the VPC's IPv6 range.
                stack.add_dependency(scope, cidr);
            }
            let subnet = stack.add_resource(scope, "Subnet", resource)?;
            let table = stack.add_resource(
                scope,
                "RouteTable",
                Resource::new("AWS::EC2::RouteTable").prop("VpcId", Value::Ref(vpc)),
            )?;
            let association = stack.add_resource(
                scope,
                "RouteTableAssociation",
                Resource::new("AWS::EC2::SubnetRouteTableAssociation")
                    .prop("RouteTableId", Value::Ref(table))
                    .prop("SubnetId", Value::Ref(subnet)),
            )?;
            subnets.push((
                SubnetData {
                    group: name.clone(),
                    id: subnet_id,
                    kind,
                    az: *az as usize,
                    subnet_id: Value::Ref(subnet),
                    connectivity: vec![association],
                },
                scope,
                table,
            ));
        }

        let wants_gateway = groups.iter().any(|g| {
            g.subnet_type != Some(SubnetType::PrivateIsolated) && !g.reserved.unwrap_or(false)
        });
        let mut data = VpcData {
            id: id.to_string(),
            vpc_id: Value::Ref(vpc),
            cidr: Some(Value::GetAtt(vpc, "CidrBlock".into())),
            imported: false,
            incomplete: false,
            subnets: Vec::new(),
        };
        if wants_gateway && props.create_internet_gateway.unwrap_or(true) {
            let igw =
                stack.add_resource(node, "IGW", Resource::new("AWS::EC2::InternetGateway"))?;
            let attachment = stack.add_resource(
                node,
                "VPCGW",
                Resource::new("AWS::EC2::VPCGatewayAttachment")
                    .prop("InternetGatewayId", Value::Ref(igw))
                    .prop("VpcId", Value::Ref(vpc)),
            )?;
            for (subnet, scope, table) in &mut subnets {
                if subnet.kind != SubnetKind::Public {
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
                subnet.connectivity.push(route);
                if dual_stack {
                    let route = stack.add_resource(
                        *scope,
                        "DefaultRoute6",
                        Resource::new("AWS::EC2::Route")
                            .prop("DestinationIpv6CidrBlock", "::/0")
                            .prop("GatewayId", Value::Ref(igw))
                            .prop("RouteTableId", Value::Ref(*table)),
                    )?;
                    stack.add_dependency(route, attachment);
                    subnet.connectivity.push(route);
                }
            }
            if nat_count > 0 {
                data.subnets = subnets.iter().map(|s| s.0.clone()).collect();
                let placement = props
                    .nat_gateway_subnets
                    .clone()
                    .unwrap_or_else(|| SubnetType::Public.into());
                let chosen = select(&data, &placement)?;
                if let Some(&bad) = chosen
                    .iter()
                    .find(|&&i| data.subnets[i].kind != SubnetKind::Public)
                {
                    return Err(Error::new(format!(
                        "vpc `{id}` places NAT gateways in `{}`, which is not public: select public subnets in `nat_gateway_subnets`",
                        data.subnets[bad].id
                    )));
                }
                // Gateways by zone; a private subnet of a zone without one takes them in turn
                // (CDK `PrefSet.pick`).
                let mut gateways: Vec<(usize, NodeId)> = Vec::new();
                for &i in chosen.iter().take(nat_count as usize) {
                    let (subnet, scope, _) = &subnets[i];
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
                            .prop("SubnetId", subnet.subnet_id.clone()),
                    )?;
                    // The NAT gateway needs its subnet routed to the internet first.
                    for dep in subnet.connectivity.clone() {
                        stack.add_dependency(nat, dep);
                    }
                    if !gateways.iter().any(|(az, _)| *az == subnet.az) {
                        gateways.push((subnet.az, nat));
                    }
                }
                let mut next = 0usize;
                for (subnet, scope, table) in &mut subnets {
                    if subnet.kind != SubnetKind::Private || gateways.is_empty() {
                        continue;
                    }
                    let nat = match gateways.iter().find(|(az, _)| *az == subnet.az) {
                        Some((_, nat)) => *nat,
                        None => {
                            let nat = gateways[next % gateways.len()].1;
                            next += 1;
                            nat
                        }
                    };
                    let route = stack.add_resource(
                        *scope,
                        "DefaultRoute",
                        Resource::new("AWS::EC2::Route")
                            .prop("DestinationCidrBlock", "0.0.0.0/0")
                            .prop("NatGatewayId", Value::Ref(nat))
                            .prop("RouteTableId", Value::Ref(*table)),
                    )?;
                    subnet.connectivity.push(route);
                }
            }
        }
        // Dual stack: private subnets reach the IPv6 internet through an egress-only gateway.
        if dual_stack && subnets.iter().any(|s| s.0.kind == SubnetKind::Private) {
            let eigw = stack.add_resource(
                node,
                "EIGW6",
                Resource::new("AWS::EC2::EgressOnlyInternetGateway").prop("VpcId", Value::Ref(vpc)),
            )?;
            for (subnet, scope, table) in &mut subnets {
                if subnet.kind != SubnetKind::Private {
                    continue;
                }
                let route = stack.add_resource(
                    *scope,
                    "DefaultRoute6",
                    Resource::new("AWS::EC2::Route")
                        .prop("DestinationIpv6CidrBlock", "::/0")
                        .prop("EgressOnlyInternetGatewayId", Value::Ref(eigw))
                        .prop("RouteTableId", Value::Ref(*table)),
                )?;
                subnet.connectivity.push(route);
            }
        }
        data.subnets = subnets.into_iter().map(|s| s.0).collect();

        if props.restrict_default_security_group.unwrap_or(true) {
            restrict_default_security_group(app, node, vpc)?;
        }

        let index = app.all::<VpcData>().len();
        app.all_mut::<VpcData>().push(data);
        Ok(Vpc { node, index })
    }

    /// An existing VPC (CDK `Vpc.fromVpcAttributes(scope, id, attrs)`): a construct with no
    /// resources, usable wherever a created VPC is. Its subnets are the ids given, the `n`-th
    /// of a type in the zone `n % zones`, and selecting subnets by type or group name picks
    /// among them as in a created VPC.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Net")?;
    /// let vpc = Vpc::from_vpc_attributes(&mut app, s, "Vpc", VpcAttributes::default()
    ///     .vpc_id("vpc-0a1b2c3d")
    ///     .availability_zones(["us-east-1a", "us-east-1b"])
    ///     .public_subnet_ids(["subnet-p1", "subnet-p2"])
    ///     .private_subnet_ids(["subnet-a1", "subnet-a2", "subnet-d1", "subnet-d2"])
    ///     .private_subnet_names(["App", "Data"]))?;
    /// let data = vpc.select_subnets(&app, &SubnetSelection::default().subnet_group_name("Data"))?;
    /// assert_eq!(data, vec![Value::from("subnet-d1"), Value::from("subnet-d2")]);
    /// assert_eq!(app.stack(s).resource_count(), 0);
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `vpc_id` or `availability_zones` is missing, a list of
    /// subnet ids is not a multiple of the zones, or a list of route tables or names does not
    /// have one entry per subnet or group (the CDK's checks).
    pub fn from_vpc_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: VpcAttributes,
    ) -> Result<Vpc, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let Some(vpc_id) = attrs.vpc_id.clone() else {
            return Err(Error::new(format!(
                "imported vpc `{id}` needs `vpc_id`: add e.g. `vpc_id: \"vpc-0a1b2c3d\"`"
            )));
        };
        let zones = attrs.availability_zones.len();
        if zones == 0 {
            return Err(Error::new(format!(
                "imported vpc `{id}` needs `availability_zones`: list the zones its subnets are in"
            )));
        }
        let groups = [
            (
                SubnetKind::Public,
                "public",
                &attrs.public_subnet_ids,
                &attrs.public_subnet_names,
                &attrs.public_subnet_route_table_ids,
            ),
            (
                SubnetKind::Private,
                "private",
                &attrs.private_subnet_ids,
                &attrs.private_subnet_names,
                &attrs.private_subnet_route_table_ids,
            ),
            (
                SubnetKind::Isolated,
                "isolated",
                &attrs.isolated_subnet_ids,
                &attrs.isolated_subnet_names,
                &attrs.isolated_subnet_route_table_ids,
            ),
        ];
        let mut subnets = Vec::new();
        for (kind, word, ids, names, tables) in groups {
            if !imported_subnet_count(ids.len(), zones) {
                return Err(Error::new(imported_subnet_count_message(
                    id,
                    &format!("{word}_subnet_ids"),
                    ids.len(),
                    zones,
                )));
            }
            if !matching_count(tables.len(), ids.len()) {
                return Err(Error::new(format!(
                    "imported vpc `{id}`: number of `{word}_subnet_route_table_ids` ({}) must be equal to the amount of `{word}_subnet_ids` ({}): give one route table per subnet",
                    tables.len(),
                    ids.len()
                )));
            }
            let group_count = ids.len() / zones;
            if !matching_count(names.len(), group_count) {
                return Err(Error::new(format!(
                    "imported vpc `{id}`: `{word}_subnet_names` must have an entry for every corresponding subnet group, got: {names:?}: give {group_count} names, one per {zones} subnets"
                )));
            }
            for (i, subnet_id) in ids.iter().enumerate() {
                // Without names the CDK names the first group after the type, and a further
                // group `undefined`, which selection by name then knows it as.
                let group = match (names.is_empty(), i / zones) {
                    (true, 0) => kind.name().to_string(),
                    (true, _) => "undefined".to_string(),
                    (false, k) => names[k].clone(),
                };
                subnets.push(SubnetData {
                    id: format!("{group}Subnet{}", i + 1),
                    group,
                    kind,
                    az: i % zones,
                    subnet_id: Value::from(subnet_id.clone()),
                    connectivity: Vec::new(),
                });
            }
        }
        Vpc::existing(
            app,
            scope,
            id,
            VpcData {
                id: id.to_string(),
                vpc_id: Value::from(vpc_id),
                cidr: attrs.vpc_cidr_block.map(Value::from),
                imported: true,
                incomplete: false,
                subnets,
            },
        )
    }

    /// An existing VPC (imported or looked up): its construct, and the CDK's subnet
    /// constructs under it with no resources, so the tree shows them as the CDK's does.
    fn existing(app: &mut App, scope: NodeId, id: &str, data: VpcData) -> Result<Vpc, Error> {
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        for subnet in &data.subnets {
            stack.add_node(node, &subnet.id)?;
        }
        let index = app.all::<VpcData>().len();
        app.all_mut::<VpcData>().push(data);
        Ok(Vpc { node, index })
    }

    /// The VPC construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    fn data(self, app: &App) -> &VpcData {
        &app.all::<VpcData>()[self.index]
    }

    /// `{"Ref": vpc}`, or the id an imported VPC was given.
    pub fn vpc_id(self, app: &App) -> Value {
        self.data(app).vpc_id.clone()
    }

    /// `{"Fn::GetAtt": [vpc, "CidrBlock"]}`, or the range an imported VPC was given.
    ///
    /// # Errors
    ///
    /// When the VPC was imported without `vpc_cidr_block` (the CDK refuses the same).
    pub fn vpc_cidr_block(self, app: &App) -> Result<Value, Error> {
        let data = self.data(app);
        data.cidr.clone().ok_or_else(|| {
            Error::new(format!(
                "vpc `{}` was imported without `vpc_cidr_block`, and its range is needed here: give the imported vpc `vpc_cidr_block`",
                data.id
            ))
        })
    }

    /// Whether the VPC is an existing one, imported (CDK `Vpc.fromVpcAttributes`).
    pub fn is_imported(self, app: &App) -> bool {
        self.data(app).imported
    }

    fn of_kind(self, app: &App, kind: SubnetKind) -> Vec<Value> {
        self.data(app)
            .subnets
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.subnet_id.clone())
            .collect()
    }

    /// The private subnets (with a route out through NAT), in creation order.
    pub fn private_subnets(self, app: &App) -> Vec<Value> {
        self.of_kind(app, SubnetKind::Private)
    }

    /// The public subnets, in creation order.
    pub fn public_subnets(self, app: &App) -> Vec<Value> {
        self.of_kind(app, SubnetKind::Public)
    }

    /// The isolated subnets, in creation order.
    pub fn isolated_subnets(self, app: &App) -> Vec<Value> {
        self.of_kind(app, SubnetKind::Isolated)
    }

    /// The subnets `selection` picks (CDK `vpc.selectSubnets(selection).subnetIds`).
    ///
    /// ```
    /// use ecs_core::{App, ec2::{SubnetSelection, SubnetType, Vpc}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Net").unwrap();
    /// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default()).unwrap();
    /// let public = vpc.select_subnets(&app, &SubnetType::Public.into()).unwrap();
    /// assert_eq!(public, vpc.public_subnets(&app));
    /// assert!(vpc.select_subnets(&app, &SubnetType::PrivateIsolated.into()).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// When the VPC has no subnets of the type or group named, or both are given.
    pub fn select_subnets(
        self,
        app: &App,
        selection: &SubnetSelection,
    ) -> Result<Vec<Value>, Error> {
        Ok(self
            .selected(app, selection)?
            .into_iter()
            .map(|s| s.subnet_id)
            .collect())
    }

    /// The selected subnets' data.
    pub(crate) fn selected(
        self,
        app: &App,
        selection: &SubnetSelection,
    ) -> Result<Vec<SubnetData>, Error> {
        let data = self.data(app);
        if !selection.subnets.is_empty() {
            // Subnets named one by one, as the CDK takes them: imported, in no group, and
            // with nothing to wait for.
            return Ok(selection
                .subnets
                .iter()
                .enumerate()
                .map(|(i, s)| SubnetData {
                    group: String::new(),
                    id: s.subnet_id().to_string(),
                    kind: SubnetKind::Private,
                    az: i,
                    subnet_id: Value::from(s.subnet_id().to_string()),
                    connectivity: Vec::new(),
                })
                .collect());
        }
        Ok(select(data, selection)?
            .into_iter()
            .map(|i| data.subnets[i].clone())
            .collect())
    }
}

impl SubnetKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            SubnetKind::Public => "Public",
            SubnetKind::Private => "Private",
            SubnetKind::Isolated => "Isolated",
        }
    }

    fn subnet_type(self) -> SubnetType {
        match self {
            SubnetKind::Public => SubnetType::Public,
            SubnetKind::Private => SubnetType::PrivateWithEgress,
            SubnetKind::Isolated => SubnetType::PrivateIsolated,
        }
    }
}

/// The indices of the subnets `selection` picks (CDK `selectSubnetObjects`).
fn select(data: &VpcData, selection: &SubnetSelection) -> Result<Vec<usize>, Error> {
    let vpc = &data.id;
    let of_kind = |kind: SubnetKind| -> Vec<usize> {
        (0..data.subnets.len())
            .filter(|&i| data.subnets[i].kind == kind)
            .collect()
    };
    let kinds = [
        SubnetKind::Public,
        SubnetKind::Private,
        SubnetKind::Isolated,
    ];
    let mut chosen = match (&selection.subnet_group_name, selection.subnet_type) {
        (Some(_), Some(_)) => {
            return Err(Error::new(format!(
                "a subnet selection of vpc `{vpc}` gives both `subnet_type` and `subnet_group_name`: give one of them"
            )));
        }
        (Some(name), None) => {
            let all: Vec<usize> = kinds.iter().flat_map(|k| of_kind(*k)).collect();
            let chosen: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| data.subnets[i].group == *name)
                .collect();
            if chosen.is_empty() && !data.incomplete {
                let mut names: Vec<&str> = Vec::new();
                for &i in &all {
                    if !names.contains(&data.subnets[i].group.as_str()) {
                        names.push(&data.subnets[i].group);
                    }
                }
                return Err(Error::new(format!(
                    "vpc `{vpc}` has no subnet group named `{name}`: use one of {}",
                    names.join(", ")
                )));
            }
            chosen
        }
        (None, subnet_type) => {
            // Without a type: the private subnets, else the isolated ones, else the public ones.
            let subnet_type = subnet_type.unwrap_or_else(|| {
                [SubnetKind::Private, SubnetKind::Isolated]
                    .into_iter()
                    .find(|k| !of_kind(*k).is_empty())
                    .unwrap_or(SubnetKind::Public)
                    .subnet_type()
            });
            let chosen = of_kind(subnet_type.into());
            if chosen.is_empty() && !data.incomplete {
                let available: Vec<String> = kinds
                    .iter()
                    .filter(|k| !of_kind(**k).is_empty())
                    .map(|k| format!("{:?}", k.subnet_type()))
                    .collect();
                return Err(Error::new(format!(
                    "vpc `{vpc}` has no `{subnet_type:?}` subnets: select one of the types it has ({})",
                    if available.is_empty() {
                        "none".to_string()
                    } else {
                        available.join(", ")
                    }
                )));
            }
            chosen
        }
    };
    if selection.one_per_az == Some(true) {
        let mut seen = Vec::new();
        chosen.retain(|&i| {
            let az = data.subnets[i].az;
            let first = !seen.contains(&az);
            seen.push(az);
            first
        });
    }
    Ok(chosen)
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

handle!(Vpc);

props! {
    /// What identifies an existing VPC to look up (CDK `VpcLookupOptions`).
    ///
    /// ```
    /// use ecs_core::ec2::VpcLookupOptions;
    /// let options = VpcLookupOptions::default().vpc_name("shared").tags([("stage", "prod")]);
    /// assert_eq!(options.vpc_name.as_deref(), Some("shared"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct VpcLookupOptions {
        /// The VPC's id.
        [into "vpcId"]
        vpc_id: String,
        /// The VPC's `Name` tag.
        [into "vpcName"]
        vpc_name: String,
        /// Whether it is (or is not) the region's default VPC.
        [opt "isDefault"]
        is_default: bool,
        /// Tags the VPC has, each `tag:<key>` in the query.
        [field_list "tags", .ty(Environment)]
        tags: (String, String),
        /// The account owning the VPC, when it is shared with this one.
        [into "ownerAccountId"]
        owner_account_id: String,
        /// The region to look in; default the stack's.
        [into "region", .default("the stack's region")]
        region: String,
        /// The subnet tag whose value names each subnet's group; default `aws-cdk:subnet-name`.
        [into "subnetGroupNameTag"]
        subnet_group_name_tag: String,
        /// Whether the lookup returns the VPC's VPN gateway.
        [opt "returnVpnGateways", .default("true")]
        return_vpn_gateways: bool,
    }
}

impl VpcLookupOptions {
    /// Tags the VPC has.
    #[must_use]
    pub fn tags<K: Into<String>, V: Into<String>>(
        mut self,
        tags: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.tags
            .extend(tags.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }
}

/// The CDK's placeholder answer while a VPC lookup is missing (`DUMMY_VPC_PROPS`): two zones,
/// a public, a private and an isolated group.
fn dummy_vpc() -> serde_json::Value {
    let group = |name: &str, kind: &str, prefix: &str, tables: [&str; 2]| {
        serde_json::json!({
            "name": name,
            "type": kind,
            "subnets": [
                {"availabilityZone": "dummy1a", "subnetId": format!("{prefix}-12345"), "routeTableId": tables[0], "cidr": "1.2.3.4/5"},
                {"availabilityZone": "dummy1b", "subnetId": format!("{prefix}-67890"), "routeTableId": tables[1], "cidr": "1.2.3.4/5"},
            ]
        })
    };
    serde_json::json!({
        "availabilityZones": [],
        "vpcCidrBlock": "1.2.3.4/5",
        "subnetGroups": [
            group("Public", "Public", "s", ["rtb-12345s", "rtb-67890s"]),
            group("Private", "Private", "p", ["rtb-12345p", "rtb-57890p"]),
            group("Isolated", "Isolated", "p", ["rtb-12345p", "rtb-57890p"]),
        ],
        "vpcId": "vpc-12345",
    })
}

impl Vpc {
    /// An existing VPC found by the CDK CLI (CDK `Vpc.fromLookup`): the query goes into the
    /// manifest's missing context, the CLI answers it into `cdk.context.json` and runs the app
    /// again; until then the VPC is the CDK's placeholder (`vpc-12345`, two zones). Its subnet
    /// groups are the lookup's, named `<group>Subnet<n>`, and selections work on them as on
    /// any VPC. The stack needs an account and a region.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::construct::StackProps;
    /// use ecs_core::ec2::VpcLookupOptions;
    /// let mut app = App::new();
    /// let s = app.add_stack_with("Web", StackProps::default()
    ///     .env(Environment::new("123456789012", "eu-west-1")))?;
    /// let vpc = Vpc::from_lookup(&mut app, s, "Vpc", VpcLookupOptions::default().vpc_name("shared"))?;
    /// assert_eq!(vpc.vpc_id(&app), Value::from("vpc-12345"));
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the stack names no account and region, `id` is taken, or the context's answer is
    /// not a VPC.
    pub fn from_lookup(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        options: VpcLookupOptions,
    ) -> Result<Vpc, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let mut filter = serde_json::Map::new();
        for (key, value) in &options.tags {
            filter.insert(format!("tag:{key}"), value.as_str().into());
        }
        if let Some(v) = &options.vpc_id {
            filter.insert("vpc-id".into(), v.as_str().into());
        }
        if let Some(v) = &options.vpc_name {
            filter.insert("tag:Name".into(), v.as_str().into());
        }
        if let Some(v) = &options.owner_account_id {
            filter.insert("owner-id".into(), v.as_str().into());
        }
        if let Some(v) = options.is_default {
            filter.insert("isDefault".into(), if v { "true" } else { "false" }.into());
        }
        let mut props = serde_json::Map::new();
        if let Some(region) = &options.region {
            props.insert("region".into(), region.as_str().into());
        }
        props.insert("filter".into(), serde_json::Value::Object(filter));
        props.insert("returnAsymmetricSubnets".into(), true.into());
        if let Some(v) = options.return_vpn_gateways {
            props.insert("returnVpnGateways".into(), v.into());
        }
        if let Some(v) = &options.subnet_group_name_tag {
            props.insert("subnetGroupNameTag".into(), v.as_str().into());
        }
        let answer = app.lookup_context(
            scope.stack(),
            "vpc-provider",
            props,
            serde_json::Value::Null,
            None,
            None,
        )?;
        let (answer, incomplete) = match answer {
            serde_json::Value::Null => (dummy_vpc(), true),
            answer => (answer, false),
        };
        let bad = || {
            Error::new(format!(
                "the context's answer to the lookup of vpc `{id}` is not a vpc: remove it from cdk.context.json so the CDK CLI looks it up again"
            ))
        };
        let vpc_id = answer["vpcId"].as_str().ok_or_else(bad)?.to_string();
        let groups = answer["subnetGroups"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        // The zones, sorted, as the CDK orders those of a looked-up VPC.
        let mut zones: Vec<String> = groups
            .iter()
            .flat_map(|g| g["subnets"].as_array().cloned().unwrap_or_default())
            .filter_map(|s| s["availabilityZone"].as_str().map(String::from))
            .collect();
        zones.sort();
        zones.dedup();
        let mut subnets = Vec::new();
        for kind in [
            SubnetKind::Public,
            SubnetKind::Private,
            SubnetKind::Isolated,
        ] {
            for group in groups.iter().filter(|g| g["type"] == kind.name()) {
                let name = group["name"].as_str().ok_or_else(bad)?;
                for (i, subnet) in group["subnets"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
                    let zone = subnet["availabilityZone"].as_str().unwrap_or_default();
                    subnets.push(SubnetData {
                        id: format!("{name}Subnet{}", i + 1),
                        group: name.to_string(),
                        kind,
                        az: zones.iter().position(|z| z == zone).unwrap_or(0),
                        subnet_id: Value::from(
                            subnet["subnetId"].as_str().ok_or_else(bad)?.to_string(),
                        ),
                        connectivity: Vec::new(),
                    });
                }
            }
        }
        Vpc::existing(
            app,
            scope,
            id,
            VpcData {
                id: id.to_string(),
                vpc_id: Value::from(vpc_id),
                cidr: answer["vpcCidrBlock"]
                    .as_str()
                    .map(|c| Value::from(c.to_string())),
                imported: true,
                incomplete,
                subnets,
            },
        )
    }
}

/// Constructor of looked-up VPCs, in the props style of the other kinds (what `lookup_vpc` in
/// `ecs_app!` calls).
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::construct::StackProps;
/// use ecs_core::ec2::{LookedUpVpc, VpcLookupOptions};
/// let mut app = App::new();
/// let s = app.add_stack_with("Web", StackProps::default()
///     .env(Environment::new("123456789012", "eu-west-1"))).unwrap();
/// LookedUpVpc::new(&mut app, s, "Vpc", VpcLookupOptions::default().is_default(true)).unwrap();
/// ```
#[derive(Debug)]
pub struct LookedUpVpc;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl LookedUpVpc {
    /// [`Vpc::from_lookup`].
    ///
    /// # Errors
    ///
    /// As [`Vpc::from_lookup`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        options: VpcLookupOptions,
    ) -> Result<Vpc, Error> {
        Vpc::from_lookup(app, scope, id, options)
    }
}

/// Constructor of existing VPCs, in the props style of the other kinds (what `imported_vpc` in
/// `ecs_app!` calls).
///
/// ```
/// use ecs_core::{App, ec2::{ImportedVpc, VpcAttributes}};
/// let mut app = App::new();
/// let s = app.add_stack("Net").unwrap();
/// ImportedVpc::new(&mut app, s, "Vpc", VpcAttributes::default()
///     .vpc_id("vpc-0a1b2c3d")
///     .availability_zones(["us-east-1a"])
///     .private_subnet_ids(["subnet-1"])).unwrap();
/// ```
#[derive(Debug)]
pub struct ImportedVpc;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ImportedVpc {
    /// [`Vpc::from_vpc_attributes`].
    ///
    /// # Errors
    ///
    /// As [`Vpc::from_vpc_attributes`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: VpcAttributes,
    ) -> Result<Vpc, Error> {
        Vpc::from_vpc_attributes(app, scope, id, attrs)
    }
}
