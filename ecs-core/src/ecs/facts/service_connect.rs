//! The rules' view of a service's Service Connect configuration (rule M2).

use std::borrow::Cow;

use super::{Fact, Out, ServedTask, Violation};
use crate::ecs::rules::{self, RuleId, ServiceConnectError};

/// One entry of a Service Connect configuration's `services`, as rule M2 sees it.
#[derive(Debug, Clone)]
pub struct ConnectServiceFacts<'a, S> {
    /// `port_mapping_name`.
    pub port_mapping_name: Fact<Cow<'a, str>, S>,
    /// `discovery_name`.
    pub discovery_name: Fact<Cow<'a, str>, S>,
    /// `port`.
    pub port: Fact<u32, S>,
    /// `ingress_port_override`.
    pub ingress_port_override: Fact<u32, S>,
    /// `tls.aws_pca_authority_arn`, known when literal text.
    pub aws_pca_authority_arn: Fact<Cow<'a, str>, S>,
}

impl<S> Default for ConnectServiceFacts<'_, S> {
    fn default() -> Self {
        ConnectServiceFacts {
            port_mapping_name: Fact::Absent,
            discovery_name: Fact::Absent,
            port: Fact::Absent,
            ingress_port_override: Fact::Absent,
            aws_pca_authority_arn: Fact::Absent,
        }
    }
}

/// What is known of a service's Service Connect configuration (CDK `ServiceConnectProps`).
///
/// ```
/// use ecs_core::facts::{ServiceConnectFacts, Fact};
/// let mut facts = ServiceConnectFacts::new("Api", ());
/// facts.cluster = Some(("Cluster", false));
/// let violations = facts.violations();
/// assert!(violations[0].message.contains("no default cloud map namespace"));
/// ```
#[derive(Debug, Clone)]
pub struct ServiceConnectFacts<'a, S> {
    /// The service's id.
    pub service: &'a str,
    /// The configuration, blamed for what is missing.
    pub at: S,
    /// The task definition the service runs, when known.
    pub task: Option<ServedTask<'a, S>>,
    /// `namespace`, when written.
    pub namespace: Fact<(), S>,
    /// The cluster's id and whether it has a default Cloud Map namespace, when known.
    pub cluster: Option<(&'a str, bool)>,
    /// `log_driver`, when written.
    pub log_driver: Fact<(), S>,
    /// `access_log_configuration`, when written.
    pub access_log_configuration: Fact<(), S>,
    /// `services`, in order; `None` when the list is known only at run time.
    pub services: Option<Vec<ConnectServiceFacts<'a, S>>>,
}

impl<'a, S: Copy> ServiceConnectFacts<'a, S> {
    /// A configuration with nothing written.
    pub fn new(service: &'a str, at: S) -> Self {
        ServiceConnectFacts {
            service,
            at,
            task: None,
            namespace: Fact::Absent,
            cluster: None,
            log_driver: Fact::Absent,
            access_log_configuration: Fact::Absent,
            services: Some(Vec::new()),
        }
    }

    /// Rule M2, in the order the CDK checks (`validateServiceConnectConfiguration`,
    /// `enableServiceConnect`).
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        let mut push = |at: S, e: ServiceConnectError| {
            out.push(
                RuleId::M2,
                at,
                rules::service_connect_message(self.service, &e),
            )
        };
        if let Some(task) = &self.task
            && task.containers_complete
            && task.containers.is_empty()
        {
            push(
                self.at,
                ServiceConnectError::NoContainer(task.id.to_owned()),
            );
        }
        if let (Fact::Absent, Some((cluster, false))) = (&self.namespace, self.cluster) {
            push(
                self.at,
                ServiceConnectError::NoNamespace(cluster.to_owned()),
            );
        }
        if let (Fact::Known((), at), Fact::Absent) =
            (self.access_log_configuration, self.log_driver)
        {
            push(at, ServiceConnectError::AccessLogWithoutDriver);
        }
        let mut discovered: Vec<(String, String)> = Vec::new();
        for svc in self.services.iter().flatten() {
            if let Fact::Known(name, at) = &svc.port_mapping_name {
                if let Some(e) = self.task.as_ref().and_then(|t| port_name_error(t, name)) {
                    push(*at, e);
                }
                // The CDK keys discovery names by port name: the same pair twice is refused.
                let discovery = match &svc.discovery_name {
                    Fact::Known(d, at) => Some((d.to_string(), *at)),
                    Fact::Absent => Some((name.to_string(), *at)),
                    Fact::Runtime => None,
                };
                if let Some((discovery, site)) = discovery {
                    let key = (name.to_string(), discovery.clone());
                    if discovered.contains(&key) {
                        push(site, ServiceConnectError::DuplicateDiscoveryName(discovery));
                    } else {
                        discovered.push(key);
                    }
                }
            }
            for (fact, property) in [
                (svc.ingress_port_override, "ingress_port_override"),
                (svc.port, "port"),
            ] {
                if let Fact::Known(port, at) = fact
                    && !rules::port_in_range(port, false)
                {
                    push(at, ServiceConnectError::Port(property, port));
                }
            }
            if let Fact::Known(arn, at) = &svc.aws_pca_authority_arn
                && !rules::pca_authority_arn(arn)
            {
                push(*at, ServiceConnectError::AuthorityArn(arn.to_string()));
            }
        }
        out.0
    }
}

/// Why `name` names no port Service Connect can serve in `task`, when the macro or the
/// builder can tell (CDK `findPortMappingByName`: the last container's mapping of that name).
fn port_name_error<S: Copy>(task: &ServedTask<'_, S>, name: &str) -> Option<ServiceConnectError> {
    let mut found = None;
    let mut all_known = task.containers_complete;
    for container in &task.containers {
        let Some(mappings) = &container.port_mappings else {
            all_known = false;
            continue;
        };
        for m in mappings {
            match &m.name {
                Fact::Known(n, _) if n == name => found = Some(m),
                Fact::Runtime => all_known = false,
                _ => {}
            }
        }
    }
    match found {
        // A range has no container port, which the CDK reads as no mapping.
        Some(m) if matches!(m.container_port, Fact::Absent) => {
            Some(ServiceConnectError::RangePort(name.to_owned()))
        }
        Some(_) => None,
        None if all_known => {
            let names: Vec<&str> = task
                .containers
                .iter()
                .flat_map(|c| c.port_mappings.iter().flatten())
                .filter_map(|m| match &m.name {
                    Fact::Known(n, _) if !n.is_empty() => Some(n.as_ref()),
                    _ => None,
                })
                .collect();
            Some(ServiceConnectError::NoPortMapping {
                name: name.to_owned(),
                task: task.id.to_owned(),
                suggestion: rules::did_you_mean(name, &names).map(str::to_owned),
            })
        }
        None => None,
    }
}
