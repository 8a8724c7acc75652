//! Load-balancer targets and Cloud Map registrations, as rules X1, F4, L2, L1 and M1 see them:
//! a service, the task definition it runs, and the container and port traffic or records reach.
//!
//! ```
//! use ecs_core::ecs::facts::{ContainerPick, Fact, TargetFacts};
//! use ecs_core::ecs::service::LaunchType;
//! let mut target = TargetFacts::new("Web", (), LaunchType::Fargate);
//! target.classic = Some("LB");
//! let violations = target.violations();
//! assert!(violations[0].message.contains("classic load balancer `LB`"));
//! # let _ = (ContainerPick::<()>::Default, Fact::<u32, ()>::Absent);
//! ```

use std::borrow::Cow;

use super::{ContainerFacts, Fact, Out, Violation};
use crate::ecs::container::Protocol;
use crate::ecs::rules::{self, ExternalFeature, RuleId};
use crate::ecs::service::LaunchType;
use crate::ecs::task_definition::NetworkMode;
use crate::servicediscovery::DnsRecordType;

/// The task definition a service runs, as its targets and registrations see it.
#[derive(Debug, Clone)]
pub struct ServedTask<'a, S> {
    /// Its id.
    pub id: &'a str,
    /// The network mode its tasks get (the default applied), `None` when only the run time
    /// knows it.
    pub network_mode: Option<NetworkMode>,
    /// Its containers, in declaration order.
    pub containers: Vec<ContainerFacts<'a, S>>,
    /// Whether `containers` holds every container, so a name none of them has names none (the
    /// macro cannot tell for a task definition with a broken container).
    pub containers_complete: bool,
}

impl<'a, S: Copy> ServedTask<'a, S> {
    /// The container named `name`.
    fn container(&self, name: &str) -> Option<&ContainerFacts<'a, S>> {
        self.containers.iter().find(|c| c.name == name)
    }

    /// The default container (CDK `defaultContainer`): the first essential one.
    fn default_container(&self) -> Option<&ContainerFacts<'a, S>> {
        self.containers.iter().find(|c| c.may_be_essential())
    }

    /// The containers' names, for suggestions.
    fn names(&self) -> Vec<&str> {
        self.containers.iter().map(|c| c.name.as_ref()).collect()
    }

    /// L1 and M1: the container `pick` names, with the site blamed for its ports (`at` for the
    /// default container); `None` when it is not known, after reporting a name none has.
    fn picked(
        &self,
        pick: &ContainerPick<'a, S>,
        service: &str,
        rule: RuleId,
        at: S,
        out: &mut Out<S>,
    ) -> Option<(&ContainerFacts<'a, S>, S)> {
        match pick {
            ContainerPick::Default => self.default_container().map(|c| (c, at)),
            ContainerPick::Named(name, at) => {
                let found = self.container(name).map(|c| (c, *at));
                if found.is_none() && self.containers_complete {
                    let message =
                        rules::target_container_message(service, name, self.id, &self.names());
                    out.push(rule, *at, message);
                }
                found
            }
            ContainerPick::Runtime => None,
        }
    }
}

/// Which container a target or an SRV record reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerPick<'a, S> {
    /// The task definition's default container (the first essential one).
    Default,
    /// The container of this name, written at the site.
    Named(Cow<'a, str>, S),
    /// One only the run time knows.
    Runtime,
}

/// A service as the target of a load balancer, through one of its containers.
#[derive(Debug, Clone)]
pub struct TargetFacts<'a, S> {
    /// The service's id.
    pub service: &'a str,
    /// Where the target names the service.
    pub at: S,
    /// How the service launches tasks.
    pub launch: LaunchType,
    /// The classic load balancer's id, for a classic target.
    pub classic: Option<&'a str>,
    /// The task definition the service runs, when known.
    pub task: Option<ServedTask<'a, S>>,
    /// The container traffic reaches.
    pub container: ContainerPick<'a, S>,
    /// `container_port` (absent: the container's first mapped port).
    pub container_port: Fact<u32, S>,
    /// `protocol` (absent: TCP).
    pub protocol: Fact<Protocol, S>,
}

impl<'a, S: Copy> TargetFacts<'a, S> {
    /// A target of service `service`'s default container, nothing else known.
    pub fn new(service: &'a str, at: S, launch: LaunchType) -> Self {
        TargetFacts {
            service,
            at,
            launch,
            classic: None,
            task: None,
            container: ContainerPick::Default,
            container_port: Fact::Absent,
            protocol: Fact::Absent,
        }
    }

    /// Every rule on the target, in rule order; a target one rule refuses is judged no further.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        let rules: [fn(&Self, &mut Out<S>); 4] = [
            Self::external,
            Self::classic_launch_type,
            Self::network_mode,
            Self::port_mapped,
        ];
        for rule in rules {
            rule(self, &mut out);
            if !out.0.is_empty() {
                break;
            }
        }
        out.0
    }

    /// X1: ECS Anywhere instances sit outside AWS's load balancers.
    fn external(&self, out: &mut Out<S>) {
        if !rules::external_supports(self.launch, ExternalFeature::LoadBalancer) {
            out.push(
                RuleId::X1,
                self.at,
                rules::external_supports_message(self.service, ExternalFeature::LoadBalancer),
            );
        }
    }

    /// F4 (classic load balancer): a classic load balancer registers instances, and Fargate
    /// tasks run on none.
    fn classic_launch_type(&self, out: &mut Out<S>) {
        if let Some(lb) = self.classic
            && !rules::classic_lb_launch_type(self.launch)
        {
            out.push(
                RuleId::F4,
                self.at,
                rules::classic_lb_launch_type_message(self.service, lb),
            );
        }
    }

    /// L2: a classic load balancer forwards to instance ports, which only bridge and host mode
    /// tasks publish; any load balancer needs a task with an address.
    fn network_mode(&self, out: &mut Out<S>) {
        let Some(mode) = self.task.as_ref().and_then(|t| t.network_mode) else {
            return;
        };
        match self.classic {
            Some(lb) if !rules::classic_lb_network_mode(mode) => out.push(
                RuleId::L2,
                self.at,
                rules::classic_lb_network_mode_message(self.service, lb, mode),
            ),
            None if !rules::load_balancer_network_mode(mode) => out.push(
                RuleId::L2,
                self.at,
                rules::load_balancer_network_mode_message(self.service),
            ),
            _ => {}
        }
    }

    /// L1: the container exists and maps the port and protocol (the default: its first port,
    /// over TCP, as the CDK's `defaultLoadBalancerTarget`).
    fn port_mapped(&self, out: &mut Out<S>) {
        let Some(task) = &self.task else {
            return;
        };
        let Some((container, at)) =
            task.picked(&self.container, self.service, RuleId::L1, self.at, out)
        else {
            return;
        };
        let port = match self.container_port {
            Fact::Known(port, at) => Some((port, at)),
            Fact::Runtime => return,
            Fact::Absent => None,
        };
        // The default is the first mapping's port, which a range does not give (CDK "The first
        // port mapping of the container … must expose a single port.").
        if port.is_none()
            && let Some(first) = container.port_mappings.as_ref().and_then(|m| m.first())
            && matches!(
                (&first.container_port, &first.container_port_range),
                (Fact::Absent, Fact::Known(..))
            )
        {
            out.push(
                RuleId::L1,
                at,
                rules::target_port_range_message(self.service, &container.name),
            );
            return;
        }
        let (Some(protocol), Some(mappings)) = (
            self.protocol.or_default(Protocol::Tcp),
            container.mapped_ports(),
        ) else {
            return;
        };
        let wanted = port.map(|p| p.0).or(mappings.first().map(|m| m.0));
        if !wanted.is_some_and(|p| rules::target_port_mapped(p, protocol, &mappings)) {
            out.push(
                RuleId::L1,
                port.map_or(at, |p| p.1),
                rules::target_port_message(self.service, &container.name, wanted, protocol),
            );
        }
    }
}

/// A service's registration in Cloud Map: a new Cloud Map service (`cloud_map_options`) or an
/// existing one (`associate_cloud_map_service`).
///
/// ```
/// use ecs_core::servicediscovery::DnsRecordType;
/// use ecs_core::ecs::facts::{Fact, RegistrationFacts, ServedTask};
/// use ecs_core::ecs::service::LaunchType;
/// use ecs_core::ecs::task_definition::NetworkMode;
/// let mut registration = RegistrationFacts::new("Web", (), LaunchType::Ec2);
/// registration.task = Some(ServedTask {
///     id: "TaskDef",
///     network_mode: Some(NetworkMode::Bridge),
///     containers: Vec::new(),
///     containers_complete: true,
/// });
/// registration.dns_record_type = Fact::Known(DnsRecordType::A, ());
/// assert!(registration.violations()[0].message.contains("use `dns_record_type: Srv`"));
/// ```
#[derive(Debug, Clone)]
pub struct RegistrationFacts<'a, S> {
    /// The service's id.
    pub service: &'a str,
    /// Where the registration is asked for.
    pub at: S,
    /// How the service launches tasks.
    pub launch: LaunchType,
    /// Whether it creates a Cloud Map service, in a namespace and with a record type that fit
    /// the service (`cloud_map_options`), rather than joining one (`associate_cloud_map_service`).
    pub creates_service: bool,
    /// `cloud_map_namespace`.
    pub namespace: Fact<(), S>,
    /// The service's cluster and its `default_cloud_map_namespace`, when known.
    pub cluster: Option<(&'a str, Fact<(), S>)>,
    /// The task definition the service runs, when known.
    pub task: Option<ServedTask<'a, S>>,
    /// The record type (absent: the network mode's default).
    pub dns_record_type: Fact<DnsRecordType, S>,
    /// The container of SRV records.
    pub container: ContainerPick<'a, S>,
    /// The port of SRV records (absent: the default container's first port).
    pub container_port: Fact<u32, S>,
}

impl<'a, S: Copy> RegistrationFacts<'a, S> {
    /// A new Cloud Map service for service `service`, nothing else known.
    pub fn new(service: &'a str, at: S, launch: LaunchType) -> Self {
        RegistrationFacts {
            service,
            at,
            launch,
            creates_service: true,
            namespace: Fact::Absent,
            cluster: None,
            task: None,
            dns_record_type: Fact::Absent,
            container: ContainerPick::Default,
            container_port: Fact::Absent,
        }
    }

    /// Every rule on the registration, in rule order.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        // X1 (the service's rule) refuses Cloud Map on ECS Anywhere; its records are moot.
        if !rules::external_supports(self.launch, ExternalFeature::CloudMap) {
            return out.0;
        }
        self.namespace_exists(&mut out);
        if let Some(record) = self.record_type(&mut out)
            && record == DnsRecordType::Srv
        {
            self.srv_port_mapped(&mut out);
        }
        out.0
    }

    /// M1: a new Cloud Map service lives in a namespace, given or the cluster's default.
    fn namespace_exists(&self, out: &mut Out<S>) {
        if let (true, false, Some((cluster, Fact::Absent))) = (
            self.creates_service,
            self.namespace.is_written(),
            self.cluster,
        ) {
            out.push(
                RuleId::M1,
                self.at,
                rules::cloud_map_namespace_message(self.service, cluster),
            );
        }
    }

    /// M1: bridge and host mode tasks share their instance's address, so only SRV records find
    /// them. The record type, when known and fitting.
    fn record_type(&self, out: &mut Out<S>) -> Option<DnsRecordType> {
        if !self.creates_service {
            return self.dns_record_type.value();
        }
        let mode = self.task.as_ref()?.network_mode?;
        let (record, at) = match self.dns_record_type {
            Fact::Known(record, at) => (record, at),
            Fact::Runtime => return None,
            Fact::Absent => (rules::default_dns_record_type(mode), self.at),
        };
        if rules::cloud_map_record_type(mode, record) {
            Some(record)
        } else {
            out.push(
                RuleId::M1,
                at,
                rules::cloud_map_record_type_message(self.service, mode, record),
            );
            None
        }
    }

    /// M1: an SRV record points at a port its container maps; the port defaults to the default
    /// container's first, whichever container is named (as the CDK does).
    fn srv_port_mapped(&self, out: &mut Out<S>) {
        let Some(task) = &self.task else {
            return;
        };
        let Some((container, at)) =
            task.picked(&self.container, self.service, RuleId::M1, self.at, out)
        else {
            return;
        };
        let port = match self.container_port {
            Fact::Known(port, at) => Some((port, at)),
            Fact::Runtime => return,
            Fact::Absent => match task.default_container().map(ContainerFacts::mapped_ports) {
                Some(Some(mappings)) => mappings.first().map(|m| (m.0, at)),
                _ => return,
            },
        };
        let Some(mappings) = container.mapped_ports() else {
            return;
        };
        let mapped: Vec<u32> = mappings.iter().map(|m| m.0).collect();
        match port {
            Some((p, _)) if rules::cloud_map_port_mapped(p, &mapped) => {}
            Some((p, at)) => out.push(
                RuleId::M1,
                at,
                rules::cloud_map_port_message(self.service, &container.name, Some(p)),
            ),
            None => out.push(
                RuleId::M1,
                at,
                rules::cloud_map_port_message(self.service, &container.name, None),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs::facts::PortMappingFact;

    fn container(name: &'static str, ports: &[(u32, Protocol)]) -> ContainerFacts<'static, ()> {
        let mut c = ContainerFacts::new(name, ());
        c.port_mappings = Some(
            ports
                .iter()
                .map(|&(port, protocol)| PortMappingFact {
                    protocol: Fact::Known(protocol, ()),
                    ..PortMappingFact::port(Fact::Known(port, ()))
                })
                .collect(),
        );
        c
    }

    fn task(
        mode: NetworkMode,
        containers: Vec<ContainerFacts<'static, ()>>,
    ) -> ServedTask<'static, ()> {
        ServedTask {
            id: "TaskDef",
            network_mode: Some(mode),
            containers,
            containers_complete: true,
        }
    }

    fn messages(violations: Vec<Violation<()>>) -> Vec<String> {
        violations.into_iter().map(|v| v.message).collect()
    }

    #[test]
    fn a_target_names_a_declared_container_with_a_suggestion() {
        let mut target = TargetFacts::new("Web", (), LaunchType::Fargate);
        target.task = Some(task(NetworkMode::AwsVpc, vec![container("app", &[])]));
        target.container = ContainerPick::Named(Cow::Borrowed("api"), ());
        assert_eq!(
            messages(target.violations()),
            [rules::target_container_message(
                "Web",
                "api",
                "TaskDef",
                &["app"]
            )]
        );
        // A task definition the macro cannot read fully may have it.
        target.task.as_mut().unwrap().containers_complete = false;
        assert!(target.violations().is_empty());
    }

    #[test]
    fn a_default_target_is_the_first_port_over_tcp() {
        let mut target = TargetFacts::new("Web", (), LaunchType::Ec2);
        let web = container("web", &[(53, Protocol::Udp), (80, Protocol::Tcp)]);
        target.task = Some(task(NetworkMode::Bridge, vec![web]));
        assert_eq!(
            messages(target.violations()),
            [rules::target_port_message(
                "Web",
                "web",
                Some(53),
                Protocol::Tcp
            )]
        );
        target.container = ContainerPick::Named(Cow::Borrowed("web"), ());
        target.protocol = Fact::Known(Protocol::Udp, ());
        assert!(target.violations().is_empty());
        target.protocol = Fact::Runtime;
        target.container_port = Fact::Known(81, ());
        assert!(target.violations().is_empty(), "left to the run time");
    }

    #[test]
    fn a_target_refused_by_one_rule_is_judged_no_further() {
        let mut target = TargetFacts::new("Web", (), LaunchType::External);
        target.classic = Some("LB");
        target.task = Some(task(NetworkMode::AwsVpc, Vec::new()));
        let found = target.violations();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, RuleId::X1);
        target.launch = LaunchType::Ec2;
        assert_eq!(target.violations()[0].rule, RuleId::L2);
    }

    #[test]
    fn a_task_without_networking_is_no_target() {
        let mut target = TargetFacts::new("Web", (), LaunchType::Ec2);
        target.task = Some(task(NetworkMode::None, Vec::new()));
        assert_eq!(
            messages(target.violations()),
            [rules::load_balancer_network_mode_message("Web")]
        );
        target.classic = Some("LB");
        assert_eq!(
            messages(target.violations()),
            [rules::classic_lb_network_mode_message(
                "Web",
                "LB",
                NetworkMode::None
            )]
        );
    }

    #[test]
    fn srv_records_default_to_the_default_containers_first_port() {
        let mut registration = RegistrationFacts::new("Web", (), LaunchType::Ec2);
        registration.cluster = Some(("Cluster", Fact::Known((), ())));
        let web = container("web", &[(80, Protocol::Tcp)]);
        let sidecar = container("sidecar", &[(7600, Protocol::Tcp)]);
        registration.task = Some(task(NetworkMode::Bridge, vec![web, sidecar]));
        assert!(registration.violations().is_empty());
        registration.container = ContainerPick::Named(Cow::Borrowed("sidecar"), ());
        assert_eq!(
            messages(registration.violations()),
            [rules::cloud_map_port_message("Web", "sidecar", Some(80))]
        );
        registration.container_port = Fact::Known(7600, ());
        assert!(registration.violations().is_empty());
    }

    #[test]
    fn a_missing_namespace_does_not_hide_the_record_type() {
        let mut registration = RegistrationFacts::new("Web", (), LaunchType::Ec2);
        registration.cluster = Some(("Cluster", Fact::Absent));
        registration.task = Some(task(NetworkMode::Host, Vec::new()));
        registration.dns_record_type = Fact::Known(DnsRecordType::A, ());
        let found = registration.violations();
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message,
            rules::cloud_map_namespace_message("Web", "Cluster")
        );
        // An existing Cloud Map service has its namespace and record type.
        registration.creates_service = false;
        assert!(registration.violations().is_empty());
    }
}
