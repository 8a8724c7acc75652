//! The classic load balancer (CDK `aws-elasticloadbalancing`): listeners and targets. It shares
//! the [`LoadBalancer`] handle of [`elbv2`](crate::elbv2).
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::elb::{ClassicLoadBalancer, ClassicLoadBalancerProps};
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
//! let lb = ClassicLoadBalancer::new(&mut app, s, "LB", ClassicLoadBalancerProps::default().vpc(vpc))?;
//! # let _ = lb;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::connections::{Peer, Port, allow_to};
use crate::ec2::{SecurityGroup, SecurityGroupProps, SubnetSelection, SubnetType, Vpc};
use crate::elbv2::{LbKind, LoadBalancer, LoadBalancerData, LoadBalancerTarget, lb_subnets};
use crate::error::Error;

/// A classic listener's protocol (CDK `LoadBalancingProtocol`), written upper case as
/// CloudFormation's schema lists it (the CDK's lower case fails cfn-lint E3030).
///
/// ```
/// assert_eq!(ecs_core::elb::LoadBalancingProtocol::Http.cfn_value(), "HTTP");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoadBalancingProtocol {
    /// TCP.
    Tcp,
    /// SSL.
    Ssl,
    /// HTTP.
    Http,
    /// HTTPS.
    Https,
}

impl LoadBalancingProtocol {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Tcp", "Ssl", "Http", "Https"];

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            LoadBalancingProtocol::Tcp => "TCP",
            LoadBalancingProtocol::Ssl => "SSL",
            LoadBalancingProtocol::Http => "HTTP",
            LoadBalancingProtocol::Https => "HTTPS",
        }
    }

    fn well_known(port: u32) -> Option<LoadBalancingProtocol> {
        match port {
            80 => Some(LoadBalancingProtocol::Http),
            443 => Some(LoadBalancingProtocol::Https),
            _ => None,
        }
    }

    fn is_http(self) -> bool {
        matches!(
            self,
            LoadBalancingProtocol::Http | LoadBalancingProtocol::Https
        )
    }
}

props! {
    /// A classic listener (CDK `LoadBalancerListener`).
    ///
    /// ```
    /// let l = ecs_core::elb::LoadBalancerListener::default().external_port(80);
    /// assert_eq!(l.external_port, 80);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct LoadBalancerListener {
        /// `LoadBalancerPort` (required).
        [val "externalPort", .required()]
        external_port: u32,
        /// `Protocol`; default from the port.
        [opt "externalProtocol", .ty(Enum(&crate::elb::LoadBalancingProtocol::DEF)), .default("from the port")]
        external_protocol: LoadBalancingProtocol,
        /// `InstancePort`; default the external port.
        [opt "internalPort", .default("the external port")]
        internal_port: u32,
        /// `InstanceProtocol`; default from the instance port.
        [opt "internalProtocol", .ty(Enum(&crate::elb::LoadBalancingProtocol::DEF)), .default("from the instance port")]
        internal_protocol: LoadBalancingProtocol,
        /// The certificate of an `Ssl` or `Https` listener (`SSLCertificateId`).
        [into "sslCertificateArn"]
        ssl_certificate_arn: String,
    }
}

props! {
    /// Properties of a [`ClassicLoadBalancer`] (CDK `LoadBalancerProps`).
    ///
    /// ```
    /// use ecs_core::elb::{ClassicLoadBalancerProps, LoadBalancerListener};
    /// let p = ClassicLoadBalancerProps::default().listeners([LoadBalancerListener::default().external_port(80)]);
    /// assert_eq!(p.listeners.len(), 1);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ClassicLoadBalancerProps {
        /// The VPC (required).
        [opt "vpc", .ty(Ref(RefClass::Vpc)), .required()]
        vpc: Vpc,
        /// Whether it has a public address; default internal.
        [val "internetFacing", .default("false")]
        internet_facing: bool,
        /// Which subnets the load balancer is in.
        [into "subnetSelection", .ty(Object(KindId::SubnetSelection)), .default("the public subnets when internet-facing, else the private ones")]
        subnet_selection: SubnetSelection,
        /// The listeners.
        [list "listeners", .ty(Objects(KindId::ClassicListener))]
        listeners: LoadBalancerListener,
        /// The targets.
        [field_list "targets", .ty(Targets)]
        targets: LoadBalancerTarget,
        /// `CrossZone`; default true.
        [opt "crossZone", .default("true")]
        cross_zone: bool,
    }
}

impl ClassicLoadBalancerProps {
    /// Adds targets.
    pub fn targets<T: Into<LoadBalancerTarget>>(
        mut self,
        targets: impl IntoIterator<Item = T>,
    ) -> Self {
        self.targets.extend(targets.into_iter().map(Into::into));
        self
    }
}

/// Constructor of classic load balancers (CDK `elb.LoadBalancer`).
#[derive(Debug)]
pub struct ClassicLoadBalancer;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ClassicLoadBalancer {
    /// Creates a classic load balancer with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ClassicLoadBalancerProps,
    ) -> Result<LoadBalancer, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        app.check_each(props.vpc)?;
        let Some(vpc) = props.vpc else {
            return Err(Error::new(format!(
                "classic load balancer `{id}` needs `vpc`: add `vpc: <name>`"
            )));
        };
        let root = scope;
        let node = app.stack_mut(stack).add_node(root, id)?;
        let sg = SecurityGroup::new(
            app,
            node,
            "SecurityGroup",
            SecurityGroupProps::default()
                .vpc(vpc)
                .allow_all_outbound(false),
        )?;
        let selection = props
            .subnet_selection
            .clone()
            .unwrap_or(if props.internet_facing {
                SubnetType::Public.into()
            } else {
                SubnetType::PrivateWithEgress.into()
            });
        let (subnets, deps) = lb_subnets(app, vpc, props.internet_facing, &selection)?;
        let resource = Resource::new("AWS::ElasticLoadBalancing::LoadBalancer")
            .prop("CrossZone", props.cross_zone.unwrap_or(true))
            .prop("Listeners", Value::List(Vec::new()))
            .prop(
                "Scheme",
                if props.internet_facing {
                    "internet-facing"
                } else {
                    "internal"
                },
            )
            .prop("SecurityGroups", Value::List(vec![sg.group_id(app)]))
            .prop("Subnets", Value::List(subnets));
        let st = app.stack_mut(stack);
        let resource = st.add_resource(node, "Resource", resource)?;
        for d in deps {
            st.add_dependency(resource, d);
        }
        let index = app.all::<LoadBalancerData>().len();
        app.all_mut::<LoadBalancerData>().push(LoadBalancerData {
            id: id.to_string(),
            resource: Some(resource),
            imported: None,
            kind: LbKind::Classic,
            vpc: Some(vpc),
            security_groups: vec![sg],
            ipv6: false,
            instance_ports: Vec::new(),
            targets: Vec::new(),
        });
        let lb = LoadBalancer { node, index };
        for l in props.listeners {
            lb.add_classic_listener(app, l)?;
        }
        for t in props.targets {
            lb.add_target(app, t)?;
        }
        Ok(lb)
    }
}

impl LoadBalancer {
    /// Adds a listener to a classic load balancer, open to anyone on its port (CDK
    /// `addListener` of `elb.LoadBalancer`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_classic_listener(
        self,
        app: &mut App,
        listener: LoadBalancerListener,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let d = self.data(app).clone();
        if d.kind != LbKind::Classic {
            return Err(Error::new(format!(
                "`{}` is not a classic load balancer: add a `listener` item instead",
                d.id
            )));
        }
        let port = listener.external_port;
        let protocol = match listener
            .external_protocol
            .or(LoadBalancingProtocol::well_known(port))
        {
            Some(p) => p,
            None => {
                return Err(Error::new(format!(
                    "listener on port {port} of classic load balancer `{}` needs `external_protocol`",
                    d.id
                )));
            }
        };
        let instance_port = listener.internal_port.unwrap_or(port);
        let instance_protocol = listener
            .internal_protocol
            .or(LoadBalancingProtocol::well_known(instance_port))
            .unwrap_or(if protocol.is_http() {
                LoadBalancingProtocol::Http
            } else {
                LoadBalancingProtocol::Tcp
            });
        let mut entry = vec![
            ("InstancePort", Value::from(instance_port.to_string())),
            (
                "InstanceProtocol",
                Value::from(instance_protocol.cfn_value()),
            ),
            ("LoadBalancerPort", Value::from(port.to_string())),
            ("Protocol", Value::from(protocol.cfn_value())),
        ];
        if let Some(arn) = listener.ssl_certificate_arn {
            entry.push(("SSLCertificateId", Value::from(arn)));
        }
        // Classic load balancers are never imported: the resource is there.
        if let Some(resource) = d.resource
            && let Some(Value::List(list)) = app
                .stack_mut(self.node.stack())
                .resource_mut(resource)
                .properties
                .get_mut("Listeners")
        {
            list.push(Value::map(entry));
        }
        for sg in &d.security_groups {
            sg.add_ingress_rule(
                app,
                Peer::any_ipv4(),
                Port::tcp(port),
                Some(&format!("Default rule allow on {port}")),
            )?;
        }
        if !d.instance_ports.contains(&instance_port) {
            app.all_mut::<LoadBalancerData>()[self.index]
                .instance_ports
                .push(instance_port);
            for target in d.targets {
                let to = target.get().security_groups(app);
                allow_to(
                    app,
                    &d.security_groups,
                    &to,
                    &Port::tcp(instance_port),
                    &format!("Port {instance_port} LB to fleet"),
                )?;
            }
        }
        Ok(())
    }

    /// Adds a service (or one container of it) as a target of a classic load balancer,
    /// checking rules F4 and L2 (CDK `addTarget` with `attachToClassicLB`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_target(
        self,
        app: &mut App,
        target: impl Into<LoadBalancerTarget>,
    ) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let d = self.data(app).clone();
        if d.kind != LbKind::Classic {
            return Err(Error::new(format!(
                "`{}` is not a classic load balancer: add targets to one of its listeners",
                d.id
            )));
        }
        let target = target.into();
        if let Some(node) = target.get().connectable_node() {
            app.check_node(node)?;
        }
        target.get().attach_to_classic_load_balancer(app, self)?;
        app.all_mut::<LoadBalancerData>()[self.index]
            .targets
            .push(target.clone());
        let to = target.get().security_groups(app);
        for port in d.instance_ports {
            allow_to(
                app,
                &d.security_groups,
                &to,
                &Port::tcp(port),
                &format!("Port {port} LB to fleet"),
            )?;
        }
        Ok(())
    }
}

impl LoadBalancingProtocol {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["elbv2", "LoadBalancingProtocol"],
        variants: Self::VARIANT_NAMES,
    };
}
