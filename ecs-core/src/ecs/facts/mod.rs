//! Facts: what is known of a construct's properties, the one view the rules judge.
//!
//! `ecs_app!` fills a view while compiling, from what it can read (literals); the builders fill
//! the same view from the values they are given. Each rule is one function over the view, so
//! both reach the same verdict with the same message, and every default (a task's network mode,
//! a container's essential flag) is applied here once. A fact carries a site — a token span in
//! the macro, `()` in the builders — so a violation points at what to fix.
//!
//! ```
//! use ecs_core::facts::{Fact, TaskFacts};
//! use ecs_core::ecs::task_definition::Compatibility;
//! let mut task = TaskFacts::new("TaskDef", (), Compatibility::Fargate);
//! task.cpu = Fact::Known(256, ());
//! task.memory = Fact::Known(4096, ());
//! let violations = task.violations();
//! assert_eq!(violations.len(), 1);
//! assert!(violations[0].message.contains("use 512, 1024 or 2048"));
//! ```

mod capacity;
mod service_connect;
mod targets;

pub use capacity::*;
pub use service_connect::*;
pub use targets::*;

use std::borrow::Cow;

use crate::ecs::container::Protocol;
use crate::ecs::rules::{self, ExternalFeature, FargateSizeError, MemoryProperty, RuleId};
use crate::ecs::service::LaunchType;
use crate::ecs::task_definition::{Compatibility, NetworkMode, OperatingSystemFamily, PidMode};
use crate::error::Error;

/// What is known of one property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact<T, S> {
    /// Its value, and where it was written.
    Known(T, S),
    /// Written, but its value is known only at run time (an expression the macro cannot read,
    /// or a broken one already reported).
    Runtime,
    /// Not written: its default applies.
    Absent,
}

impl<T: Copy, S: Copy> Fact<T, S> {
    /// A value the builders were given, or its absence.
    ///
    /// ```
    /// use ecs_core::facts::Fact;
    /// assert_eq!(Fact::given(Some(3), ()), Fact::Known(3, ()));
    /// assert_eq!(Fact::<u32, ()>::given(None, ()), Fact::Absent);
    /// ```
    pub fn given(value: Option<T>, site: S) -> Fact<T, S> {
        match value {
            Some(v) => Fact::Known(v, site),
            None => Fact::Absent,
        }
    }

    /// The value, when known.
    pub fn value(self) -> Option<T> {
        match self {
            Fact::Known(v, _) => Some(v),
            _ => None,
        }
    }

    /// Whether it was written, known or not.
    pub fn is_written(self) -> bool {
        !matches!(self, Fact::Absent)
    }

    /// Its value, its default when absent, `None` when only the run time knows it.
    ///
    /// ```
    /// use ecs_core::facts::Fact;
    /// assert_eq!(Fact::<bool, ()>::Absent.or_default(true), Some(true));
    /// assert_eq!(Fact::<bool, ()>::Runtime.or_default(true), None);
    /// ```
    pub fn or_default(self, default: T) -> Option<T> {
        match self {
            Fact::Known(v, _) => Some(v),
            Fact::Runtime => None,
            Fact::Absent => Some(default),
        }
    }
}

impl<S: Copy> Fact<(), S> {
    /// A property whose presence is what the rules read: written (at `site`) or absent.
    ///
    /// ```
    /// use ecs_core::facts::Fact;
    /// assert_eq!(Fact::written(true, ()), Fact::Known((), ()));
    /// assert_eq!(Fact::<(), ()>::written(false, ()), Fact::Absent);
    /// ```
    pub fn written(written: bool, site: S) -> Fact<(), S> {
        if written {
            Fact::Known((), site)
        } else {
            Fact::Absent
        }
    }
}

/// A rule a view breaks: which, its message, and where to point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation<S> {
    /// The rule.
    pub rule: RuleId,
    /// The message, as rustc-like wording the macro and the builders both print.
    pub message: String,
    /// The site to blame.
    pub at: S,
}

impl<S> Violation<S> {
    /// The violation as a builder reports it.
    pub fn diagnostic(self) -> crate::error::Diagnostic {
        crate::error::Diagnostic::new(crate::error::ErrorKind::Rule(self.rule), self.message)
    }
}

/// The violations a builder found, all of them, as its error.
pub(crate) fn refused(found: Vec<Violation<()>>) -> Result<(), Error> {
    match Error::collect(found.into_iter().map(|v| v.diagnostic()).collect()) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Collects the violations of one view, in rule order.
struct Out<S>(Vec<Violation<S>>);

impl<S> Out<S> {
    fn push(&mut self, rule: RuleId, at: S, message: String) {
        self.0.push(Violation { rule, message, at });
    }
}

/// A volume of a task definition, as rules F4 and X1 see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeFact<S> {
    /// Its name.
    pub name: String,
    /// `Some("host")` or `Some("docker")` for a volume bound to the instance.
    pub host_bound: Option<&'static str>,
    /// Where it was written.
    pub at: S,
}

/// What is known of a task definition and its containers.
#[derive(Debug, Clone)]
pub struct TaskFacts<'a, S> {
    /// Its id.
    pub id: &'a str,
    /// The construct itself, blamed for what is missing.
    pub at: S,
    /// Where its tasks run.
    pub compatibility: Compatibility,
    /// How its kind spells the task memory property.
    pub memory_property: MemoryProperty,
    /// `network_mode`.
    pub network_mode: Fact<NetworkMode, S>,
    /// `cpu`, in CPU units.
    pub cpu: Fact<u32, S>,
    /// Task memory in MiB (`memory_limit_mib` or `memory_mib`).
    pub memory: Fact<u32, S>,
    /// `ephemeral_storage_gib`.
    pub ephemeral_storage_gib: Fact<u32, S>,
    /// `runtime_platform` (its value does not matter to the rules).
    pub runtime_platform: Fact<(), S>,
    /// `placement_constraints`, when not empty.
    pub placement_constraints: Fact<(), S>,
    /// `inference_accelerators`, when not empty.
    pub inference_accelerators: Fact<(), S>,
    /// The volumes the macro or the builder can name.
    pub volumes: Vec<VolumeFact<S>>,
    /// The device names of `inference_accelerators`; `None` when only the run time knows them.
    pub accelerator_devices: Option<Vec<String>>,
    /// The containers, in declaration order.
    pub containers: Vec<ContainerFacts<'a, S>>,
    /// `enable_fault_injection`.
    pub fault_injection: Fact<bool, S>,
    /// `proxy_configuration`.
    pub proxy_configuration: Fact<(), S>,
    /// `pid_mode`.
    pub pid_mode: Fact<PidMode, S>,
    /// `ipc_mode`.
    pub ipc_mode: Fact<(), S>,
    /// The operating system family of `runtime_platform`; absent when none is stated.
    pub os_family: Fact<OperatingSystemFamily, S>,
}

/// A port mapping of a container, as rules L3 and L4, the port ranges and the target rules
/// see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortMappingFact<'a, S> {
    /// `container_port`; absent when a range is given instead.
    pub container_port: Fact<u32, S>,
    /// `host_port`.
    pub host_port: Fact<u32, S>,
    /// `protocol` (absent: TCP).
    pub protocol: Fact<Protocol, S>,
    /// `container_port_range`, as written.
    pub container_port_range: Fact<Cow<'a, str>, S>,
    /// `name`, by which Service Connect serves the port.
    pub name: Fact<Cow<'a, str>, S>,
    /// `app_protocol`, when written (its value does not matter to the rules).
    pub app_protocol: Fact<(), S>,
}

impl<'a, S> PortMappingFact<'a, S> {
    /// A mapping of `container_port` with nothing else written.
    ///
    /// ```
    /// use ecs_core::facts::{Fact, PortMappingFact};
    /// let m = PortMappingFact::port(Fact::Known(80, ()));
    /// assert_eq!(m.host_port, Fact::Absent);
    /// ```
    pub fn port(container_port: Fact<u32, S>) -> Self {
        PortMappingFact {
            container_port,
            host_port: Fact::Absent,
            protocol: Fact::Absent,
            container_port_range: Fact::Absent,
            name: Fact::Absent,
            app_protocol: Fact::Absent,
        }
    }
}

/// What is known of a container.
#[derive(Debug, Clone)]
pub struct ContainerFacts<'a, S> {
    /// Its id.
    pub id: &'a str,
    /// The container itself, blamed for what is missing.
    pub at: S,
    /// Its name (`container_name`, else its id), by which targets and records name it.
    pub name: Cow<'a, str>,
    /// `essential` (absent: essential).
    pub essential: Fact<bool, S>,
    /// `port_mappings`, in order; `None` when the list is known only at run time.
    pub port_mappings: Option<Vec<PortMappingFact<'a, S>>>,
    /// `memory_limit_mib`.
    pub memory_limit_mib: Fact<u32, S>,
    /// `memory_reservation_mib`.
    pub memory_reservation_mib: Fact<u32, S>,
    /// `cpu` units.
    pub cpu: Fact<u32, S>,
    /// `privileged`.
    pub privileged: Fact<bool, S>,
    /// Host `devices` in `linux_parameters`, when any.
    pub devices: Fact<(), S>,
    /// Kernel capabilities added in `linux_parameters` other than those Fargate allows.
    pub host_capabilities: Fact<(), S>,
    /// The device names of `inference_accelerator_resources` that can be read, and where.
    pub accelerator_resources: Vec<(String, S)>,
    /// `health_check`, when written (blamed when neither timing is).
    pub health_check: Fact<(), S>,
    /// The health check's interval in seconds.
    pub health_check_interval: Fact<u32, S>,
    /// The health check's timeout in seconds.
    pub health_check_timeout: Fact<u32, S>,
    /// How many environment variables, and where the first one past the limit is.
    pub environment_count: Fact<usize, S>,
    /// The log driver of `logging` (`awslogs`, `fluentd`, …).
    pub log_driver: Fact<&'a str, S>,
    /// `enable_restart_policy`.
    pub restart_enabled: Fact<bool, S>,
    /// How many `restart_ignored_exit_codes`.
    pub restart_ignored_exit_codes: Fact<usize, S>,
    /// `restart_attempt_period` in seconds.
    pub restart_attempt_period: Fact<u64, S>,
    /// How many `credential_specs`.
    pub credential_specs: Fact<usize, S>,
}

/// Where a known fact was written.
fn site_of<T, S: Copy>(fact: Fact<T, S>) -> Option<S> {
    match fact {
        Fact::Known(_, site) => Some(site),
        _ => None,
    }
}

impl<'a, S: Copy> ContainerFacts<'a, S> {
    /// A container with nothing written but its id.
    pub fn new(id: &'a str, at: S) -> Self {
        ContainerFacts {
            id,
            at,
            name: Cow::Borrowed(id),
            essential: Fact::Absent,
            port_mappings: Some(Vec::new()),
            memory_limit_mib: Fact::Absent,
            memory_reservation_mib: Fact::Absent,
            cpu: Fact::Absent,
            privileged: Fact::Absent,
            devices: Fact::Absent,
            host_capabilities: Fact::Absent,
            accelerator_resources: Vec::new(),
            health_check: Fact::Absent,
            health_check_interval: Fact::Absent,
            health_check_timeout: Fact::Absent,
            environment_count: Fact::Absent,
            log_driver: Fact::Absent,
            restart_enabled: Fact::Absent,
            restart_ignored_exit_codes: Fact::Absent,
            restart_attempt_period: Fact::Absent,
            credential_specs: Fact::Absent,
        }
    }

    /// Whether it is essential; a flag only the run time knows may be.
    pub fn may_be_essential(&self) -> bool {
        self.essential.or_default(true).unwrap_or(true)
    }

    /// Its mappings' container ports and protocols, `None` unless all are known; port ranges
    /// are left out, as no target or record can name one (CDK `findPortMapping`).
    ///
    /// ```
    /// use ecs_core::{ecs::container::Protocol, ecs::facts::{ContainerFacts, Fact, PortMappingFact}};
    /// let mut web = ContainerFacts::new("web", ());
    /// web.port_mappings = Some(vec![PortMappingFact::port(Fact::Known(80, ()))]);
    /// assert_eq!(web.mapped_ports(), Some(vec![(80, Protocol::Tcp)]));
    /// ```
    pub fn mapped_ports(&self) -> Option<Vec<(u32, Protocol)>> {
        self.port_mappings
            .as_ref()?
            .iter()
            .filter(|m| {
                !matches!(
                    (&m.container_port, &m.container_port_range),
                    (Fact::Absent, Fact::Known(..) | Fact::Runtime)
                )
            })
            .map(|m| {
                Some((
                    m.container_port.value()?,
                    m.protocol.or_default(Protocol::Tcp)?,
                ))
            })
            .collect()
    }
}

impl<'a, S: Copy> TaskFacts<'a, S> {
    /// A task definition of `compatibility` with nothing written but its id.
    pub fn new(id: &'a str, at: S, compatibility: Compatibility) -> Self {
        TaskFacts {
            id,
            at,
            compatibility,
            memory_property: MemoryProperty::MemoryLimitMib,
            network_mode: Fact::Absent,
            cpu: Fact::Absent,
            memory: Fact::Absent,
            ephemeral_storage_gib: Fact::Absent,
            runtime_platform: Fact::Absent,
            placement_constraints: Fact::Absent,
            inference_accelerators: Fact::Absent,
            volumes: Vec::new(),
            accelerator_devices: Some(Vec::new()),
            containers: Vec::new(),
            fault_injection: Fact::Absent,
            proxy_configuration: Fact::Absent,
            pid_mode: Fact::Absent,
            ipc_mode: Fact::Absent,
            os_family: Fact::Absent,
        }
    }

    /// The network mode its tasks get: the one written, else the compatibility's default;
    /// `None` when only the run time knows it.
    ///
    /// ```
    /// use ecs_core::{ecs::facts::TaskFacts, ecs::task_definition::{Compatibility, NetworkMode}};
    /// let task = TaskFacts::new("T", (), Compatibility::Ec2);
    /// assert_eq!(task.network_mode(), Some(NetworkMode::Bridge));
    /// ```
    pub fn network_mode(&self) -> Option<NetworkMode> {
        self.network_mode
            .or_default(self.compatibility.default_network_mode())
    }

    /// Every rule on the task definition and its containers, in rule order.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.task_violations(&mut out);
        for index in 0..self.containers.len() {
            self.container_violations(index, &mut out);
        }
        self.port_names_across_containers(&mut out);
        out.0
    }

    /// The rules judged once every container is added (the builders judge them at synthesis,
    /// as the CDK does): port mapping names unique across containers (L4).
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use ecs_core::facts::{ContainerFacts, Fact, PortMappingFact, TaskFacts};
    /// use ecs_core::ecs::task_definition::Compatibility;
    /// let mut task = TaskFacts::new("T", (), Compatibility::Fargate);
    /// for id in ["web", "admin"] {
    ///     let mut c = ContainerFacts::new(id, ());
    ///     let mut m = PortMappingFact::port(Fact::Known(80, ()));
    ///     m.name = Fact::Known(Cow::Borrowed("http"), ());
    ///     c.port_mappings = Some(vec![m]);
    ///     task.containers.push(c);
    /// }
    /// assert_eq!(task.synth_violations().len(), 1);
    /// ```
    pub fn synth_violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.port_names_across_containers(&mut out);
        out.0
    }

    /// L4: Service Connect finds a port by its name, so no two containers name one alike.
    fn port_names_across_containers(&self, out: &mut Out<S>) {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for container in &self.containers {
            let mut own: Vec<&str> = Vec::new();
            for mapping in container.port_mappings.iter().flatten() {
                let Fact::Known(name, at) = &mapping.name else {
                    continue;
                };
                if name.is_empty() || own.contains(&name.as_ref()) {
                    continue;
                }
                own.push(name);
                if let Some((_, earlier)) = seen.iter().find(|(n, _)| *n == name.as_ref()) {
                    let error = rules::PortMappingError::NameInOtherContainer(
                        name.to_string(),
                        earlier.to_string(),
                    );
                    out.push(
                        RuleId::L4,
                        *at,
                        rules::port_mapping_message(&container.name, &error),
                    );
                }
            }
            seen.extend(own.iter().map(|n| (*n, container.name.as_ref())));
        }
    }

    /// The rules on the task definition alone (the builders judge them on creation).
    pub fn task_level_violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.task_violations(&mut out);
        out.0
    }

    /// The rules on container `index`, given the containers before it (the builders judge them
    /// as each container is added).
    pub fn container_level_violations(&self, index: usize) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.container_violations(index, &mut out);
        out.0
    }

    fn task_violations(&self, out: &mut Out<S>) {
        self.managed_instances(out);
        self.fargate_size_declared(out);
        self.fargate_size_offered(out);
        self.network_mode_allowed(out);
        self.host_features(out);
        self.ephemeral_storage(out);
        self.runtime_platform(out);
        self.network_features(out);
        self.fargate_namespaces(out);
    }

    /// G8: Fargate runs a task's containers in one process namespace on Linux only, and shares
    /// no IPC namespace. The CDK's `FargateTaskDefinition` also wants the operating system
    /// family stated with `pid_mode`; a generic task definition runs on Linux unless told.
    fn fargate_namespaces(&self, out: &mut Out<S>) {
        if !self.compatibility.is_fargate() {
            return;
        }
        let fargate_kind = self.compatibility == Compatibility::Fargate
            && self.memory_property == MemoryProperty::MemoryLimitMib;
        if let Fact::Known(pid_mode, at) = self.pid_mode {
            let family = match self.os_family {
                Fact::Known(family, _) => Some(Some(family)),
                Fact::Absent if fargate_kind => Some(None),
                Fact::Absent => Some(Some(OperatingSystemFamily::Linux)),
                Fact::Runtime => None,
            };
            if let Some(family) = family
                && let Err(e) = rules::fargate_pid_mode(pid_mode, family)
            {
                out.push(
                    RuleId::G8,
                    at,
                    rules::fargate_namespace_message(self.id, self.compatibility, e),
                );
            }
        }
        if let Fact::Known((), at) = self.ipc_mode {
            out.push(
                RuleId::G8,
                at,
                rules::fargate_namespace_message(
                    self.id,
                    self.compatibility,
                    rules::NamespaceError::IpcMode,
                ),
            );
        }
    }

    /// G7: fault injection needs awsvpc or host networking, an App Mesh proxy awsvpc; judged
    /// when the network mode the tasks get is known.
    fn network_features(&self, out: &mut Out<S>) {
        let Some(mode) = self.network_mode() else {
            return;
        };
        if let Fact::Known(true, at) = self.fault_injection
            && let Err(e) = rules::task_network_feature(mode, rules::NetworkFeature::FaultInjection)
        {
            out.push(
                RuleId::G7,
                at,
                rules::task_network_feature_message(self.id, e, mode),
            );
        }
        if let Fact::Known((), at) = self.proxy_configuration
            && let Err(e) =
                rules::task_network_feature(mode, rules::NetworkFeature::ProxyConfiguration)
        {
            out.push(
                RuleId::G7,
                at,
                rules::task_network_feature_message(self.id, e, mode),
            );
        }
    }

    fn container_violations(&self, index: usize, out: &mut Out<S>) {
        let container = &self.containers[index];
        self.container_memory_declared(container, out);
        self.container_memory_limits(container, out);
        self.containers_fit(index, out);
        self.container_host_privileges(container, out);
        self.ports_in_range(container, out);
        self.host_ports(container, out);
        self.port_mapping_features(container, out);
        self.accelerator_devices_declared(container, out);
        self.health_check_timing(container, out);
        self.environment_count(container, out);
        self.fargate_log_driver(container, out);
        self.container_restart(container, out);
    }

    /// G6: restart-policy settings and credential specs ECS accepts; each judged where known.
    fn container_restart(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        let codes = container.restart_ignored_exit_codes;
        let period = container.restart_attempt_period;
        let specs = container.credential_specs;
        if let Fact::Known(false, at) = container.restart_enabled
            && (codes.value().is_some_and(|n| n > 0)
                || matches!(codes, Fact::Runtime)
                || period.is_written())
        {
            out.push(
                RuleId::G6,
                at,
                rules::container_restart_message(
                    container.id,
                    rules::RestartError::DisabledWithSettings,
                ),
            );
        }
        let judged = [
            (
                rules::container_restart(None, 0, period.value(), 0),
                site_of(period),
            ),
            (
                rules::container_restart(None, codes.value().unwrap_or(0), None, 0),
                site_of(codes),
            ),
            (
                rules::container_restart(None, 0, None, specs.value().unwrap_or(0)),
                site_of(specs),
            ),
        ];
        for (result, at) in judged {
            if let (Err(e), Some(at)) = (result, at) {
                out.push(
                    RuleId::G6,
                    at,
                    rules::container_restart_message(container.id, e),
                );
            }
        }
    }

    /// G2: a container's accelerator resources name devices the task declares.
    fn accelerator_devices_declared(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        let Some(devices) = &self.accelerator_devices else {
            return;
        };
        let declared: Vec<&str> = devices.iter().map(String::as_str).collect();
        for (device, at) in &container.accelerator_resources {
            if !rules::inference_device_declared(device, &declared) {
                out.push(
                    RuleId::G2,
                    *at,
                    rules::inference_device_message(self.id, container.id, device, &declared),
                );
            }
        }
    }

    /// G3: health-check timing ECS accepts; judged once both timings are known (or absent).
    fn health_check_timing(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        let Fact::Known((), at) = container.health_check else {
            return;
        };
        let (interval, timeout) = (
            container.health_check_interval,
            container.health_check_timeout,
        );
        if matches!(interval, Fact::Runtime) || matches!(timeout, Fact::Runtime) {
            return;
        }
        if let Err(e) = rules::health_check_timing(interval.value(), timeout.value()) {
            let site = |f: Fact<u32, S>| match f {
                Fact::Known(_, site) => Some(site),
                _ => None,
            };
            let blamed = match e {
                rules::HealthCheckError::Timeout => site(timeout),
                _ => site(interval).or(site(timeout)),
            };
            out.push(
                RuleId::G3,
                blamed.unwrap_or(at),
                rules::health_check_message(container.id, e),
            );
        }
    }

    /// G5: at most 100 environment variables per container.
    fn environment_count(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        if let Fact::Known(count, at) = container.environment_count
            && !rules::environment_count(count)
        {
            out.push(
                RuleId::G5,
                at,
                rules::environment_count_message(container.id, count),
            );
        }
    }

    /// F5: Fargate ships container logs only through awslogs, splunk and FireLens.
    fn fargate_log_driver(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        if let Fact::Known(driver, at) = container.log_driver
            && self.compatibility.is_fargate()
            && !rules::fargate_log_driver(driver)
        {
            out.push(
                RuleId::F5,
                at,
                rules::fargate_log_driver_message(&container.name, driver),
            );
        }
    }

    /// F1: Fargate sizes a task by its task-level cpu and memory, so both must be written.
    fn fargate_size_declared(&self, out: &mut Out<S>) {
        let (cpu_missing, memory_missing) = (!self.cpu.is_written(), !self.memory.is_written());
        if self.compatibility.is_fargate() && (cpu_missing || memory_missing) {
            let message = rules::fargate_needs_size_message(
                self.id,
                self.compatibility,
                self.memory_property,
                cpu_missing,
                memory_missing,
            );
            out.push(RuleId::F1, self.at, message);
        }
    }

    /// F2: Fargate offers a fixed grid of cpu/memory pairs.
    fn fargate_size_offered(&self, out: &mut Out<S>) {
        let (Fact::Known(cpu, cpu_at), Fact::Known(memory, memory_at)) = (self.cpu, self.memory)
        else {
            return;
        };
        if !self.compatibility.is_fargate() {
            return;
        }
        // Windows sizes differ from Linux ones; a family only the run time knows may be either,
        // so a pair is refused then only if neither offers it.
        let windows = match self.os_family {
            Fact::Known(family, _) => Some(family.is_windows()),
            Fact::Absent => Some(false),
            Fact::Runtime => None,
        };
        if windows == Some(true) {
            if let Err(e) = rules::fargate_windows_size(cpu, memory) {
                let at = match e {
                    FargateSizeError::Cpu => cpu_at,
                    FargateSizeError::Memory => memory_at,
                };
                out.push(
                    RuleId::F2,
                    at,
                    rules::fargate_windows_size_message(
                        self.id,
                        self.compatibility,
                        self.memory_property,
                        e,
                        cpu,
                        memory,
                    ),
                );
            }
            return;
        }
        if windows.is_none() && rules::fargate_windows_size(cpu, memory).is_ok() {
            return;
        }
        match rules::fargate_size(cpu, memory) {
            Ok(()) => {}
            Err(FargateSizeError::Cpu) => out.push(
                RuleId::F2,
                cpu_at,
                rules::fargate_cpu_message(self.id, self.compatibility, cpu),
            ),
            Err(FargateSizeError::Memory) => out.push(
                RuleId::F2,
                memory_at,
                rules::fargate_memory_message(
                    self.id,
                    self.compatibility,
                    self.memory_property,
                    cpu,
                    memory,
                ),
            ),
        }
    }

    /// F3 and X2: Fargate needs `awsvpc`; ECS Anywhere has no elastic network interfaces.
    fn network_mode_allowed(&self, out: &mut Out<S>) {
        let Fact::Known(mode, at) = self.network_mode else {
            return;
        };
        if self.compatibility.is_fargate() && !rules::fargate_network_mode(mode) {
            out.push(
                RuleId::F3,
                at,
                rules::fargate_network_mode_message(self.id, mode),
            );
        }
        if self.compatibility == Compatibility::External && !rules::external_network_mode(mode) {
            out.push(
                RuleId::X2,
                at,
                rules::external_network_mode_message(self.id, mode),
            );
        }
    }

    /// F4 (task) and X1: features bound to an instance, which Fargate and ECS Anywhere lack.
    fn host_features(&self, out: &mut Out<S>) {
        let fargate = self.compatibility.is_fargate();
        let external = self.compatibility == Compatibility::External;
        for volume in &self.volumes {
            if let (Some(kind), false) = (
                volume.host_bound,
                rules::fargate_allows(fargate, volume.host_bound.is_some()),
            ) {
                let what = format!("{kind} volume `{}`", volume.name);
                out.push(
                    RuleId::F4,
                    volume.at,
                    rules::fargate_task_feature_message(self.id, self.compatibility, &what),
                );
            }
            if !rules::external_allows(external, true) {
                let what = format!("volume `{}`", volume.name);
                out.push(
                    RuleId::X1,
                    volume.at,
                    rules::external_feature_message(self.id, &what),
                );
            }
        }
        for (fact, what) in [
            (self.placement_constraints, "placement constraints"),
            (self.inference_accelerators, "inference accelerators"),
        ] {
            let Fact::Known((), at) = fact else {
                continue;
            };
            if !rules::fargate_allows(fargate, true) {
                out.push(
                    RuleId::F4,
                    at,
                    rules::fargate_task_feature_message(self.id, self.compatibility, what),
                );
            }
            if what == "inference accelerators" && !rules::external_allows(external, true) {
                out.push(
                    RuleId::X1,
                    at,
                    rules::external_feature_message(self.id, what),
                );
            }
        }
    }

    /// F6: Fargate's ephemeral storage is 21 to 200 GiB.
    fn ephemeral_storage(&self, out: &mut Out<S>) {
        if let Fact::Known(gib, at) = self.ephemeral_storage_gib
            && !rules::ephemeral_storage(gib)
        {
            out.push(
                RuleId::F6,
                at,
                rules::ephemeral_storage_message(self.id, gib),
            );
        }
    }

    /// G9: what Managed Instances tasks cannot use, in the CDK's order.
    fn managed_instances(&self, out: &mut Out<S>) {
        use rules::ManagedInstancesError as E;
        if !self.compatibility.is_managed_instances() {
            return;
        }
        let mut push = |at: S, e: E| {
            out.push(
                RuleId::G9,
                at,
                rules::managed_instances_message(self.id, &e),
            )
        };
        if let Some(mode) = self.network_mode()
            && !rules::managed_instances_network_mode(mode)
        {
            let at = match self.network_mode {
                Fact::Known(_, at) => at,
                _ => self.at,
            };
            push(at, E::NetworkMode(mode));
        }
        if let Fact::Known((), at) = self.inference_accelerators {
            push(at, E::InferenceAccelerators);
        }
        if let Fact::Known(gib, at) = self.ephemeral_storage_gib
            && gib > 0
        {
            push(at, E::EphemeralStorage);
        }
        if let Fact::Known((), at) = self.ipc_mode {
            push(at, E::IpcMode);
        }
        if let Fact::Known((), at) = self.proxy_configuration {
            push(at, E::ProxyConfiguration);
        }
        if let Fact::Known(os, at) = self.os_family
            && !os.is_linux()
        {
            push(at, E::OperatingSystem(os));
        }
        for volume in &self.volumes {
            if volume.host_bound == Some("docker") {
                push(volume.at, E::DockerVolume(volume.name.clone()));
            }
        }
    }

    /// Only Fargate and Managed Instances tasks choose their platform (`RuntimePlatform`).
    fn runtime_platform(&self, out: &mut Out<S>) {
        if let Fact::Known((), at) = self.runtime_platform
            && !self.compatibility.is_fargate()
            && !self.compatibility.is_managed_instances()
        {
            out.push(
                RuleId::F4,
                at,
                rules::runtime_platform_message(self.id, self.compatibility),
            );
        }
    }

    /// E1: on EC2 the scheduler places a task by memory, so without task memory each container
    /// states its own.
    fn container_memory_declared(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        if !self.compatibility.is_ec2() || self.memory.is_written() {
            return;
        }
        let written = container.memory_limit_mib.is_written()
            || container.memory_reservation_mib.is_written();
        if !written {
            out.push(
                RuleId::E1,
                container.at,
                rules::ec2_container_memory_message(self.id, container.id),
            );
        }
    }

    /// E2 (container): the hard memory limit covers the soft one.
    fn container_memory_limits(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        if let (Fact::Known(limit, at), Some(reservation)) = (
            container.memory_limit_mib,
            container.memory_reservation_mib.value(),
        ) && !rules::memory_limit_covers_reservation(limit, reservation)
        {
            out.push(
                RuleId::E2,
                at,
                rules::memory_limit_message(container.id, limit, reservation),
            );
        }
    }

    /// E2 (task): the containers' cpu units, summed, and each container's memory fit the task's.
    fn containers_fit(&self, index: usize, out: &mut Out<S>) {
        let container = &self.containers[index];
        if let (Some(task_cpu), Fact::Known(own, at)) = (self.cpu.value(), container.cpu) {
            // Summed as u64: the cpu units of any number of containers fit, and never wrap.
            let mut sum = 0u64;
            let mut readable = true;
            for c in &self.containers[..=index] {
                match c.cpu {
                    Fact::Known(v, _) => sum += u64::from(v),
                    Fact::Runtime => readable = false,
                    Fact::Absent => {}
                }
            }
            // One earlier container over the task's already blamed the excess.
            let before = sum - u64::from(own);
            if readable
                && rules::container_cpu_fits(before, task_cpu)
                && !rules::container_cpu_fits(sum, task_cpu)
            {
                out.push(
                    RuleId::E2,
                    at,
                    rules::container_cpu_message(self.id, sum, task_cpu),
                );
            }
        }
        if let Some(task_memory) = self.memory.value() {
            // The hard limit, else the reservation.
            let own = match container.memory_limit_mib {
                Fact::Absent => container.memory_reservation_mib,
                limit => limit,
            };
            if let Fact::Known(mib, at) = own
                && !rules::container_memory_fits(mib, task_memory)
            {
                out.push(
                    RuleId::E2,
                    at,
                    rules::container_memory_message(self.id, container.id, mib, task_memory),
                );
            }
        }
    }

    /// F4 (container): Fargate grants no host privileges.
    fn container_host_privileges(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        if !self.compatibility.is_fargate() {
            return;
        }
        let found = match (
            container.privileged,
            container.devices,
            container.host_capabilities,
        ) {
            (Fact::Known(true, at), _, _) => Some(("`privileged: true`", at)),
            (_, Fact::Known((), at), _) => Some(("host `devices` in `linux_parameters`", at)),
            (_, _, Fact::Known((), at)) => {
                Some(("added kernel capabilities other than `SYS_PTRACE`", at))
            }
            _ => None,
        };
        if let Some((what, at)) = found {
            out.push(
                RuleId::F4,
                at,
                rules::fargate_container_message(self.id, container.id, what),
            );
        }
    }

    /// Ports are 16-bit, a host port 0 for a dynamic one (AWS `PortMapping`); judged with L3,
    /// the table's rule on port mappings.
    fn ports_in_range(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        for mapping in container.port_mappings.iter().flatten() {
            for (fact, property) in [
                (mapping.container_port, "container_port"),
                (mapping.host_port, "host_port"),
            ] {
                if let Fact::Known(port, at) = fact
                    && !rules::port_in_range(port, property == "host_port")
                {
                    out.push(
                        RuleId::L3,
                        at,
                        rules::port_range_message(container.id, property, port),
                    );
                }
            }
        }
    }

    /// L3: awsvpc and host mode expose the container port itself on the host.
    fn host_ports(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        let Some(mode) = self.network_mode() else {
            return;
        };
        for mapping in container.port_mappings.iter().flatten() {
            if let (Some(port), Fact::Known(host, at)) =
                (mapping.container_port.value(), mapping.host_port)
                && !rules::host_port_allowed(mode, port, Some(host))
            {
                out.push(
                    RuleId::L3,
                    at,
                    rules::host_port_message(container.id, mode, port, host),
                );
            }
        }
    }

    /// L4: port names, application protocols and port ranges as the CDK accepts them, in the
    /// order it checks them; each mapping is blamed at what to change.
    fn port_mapping_features(&self, container: &ContainerFacts<'a, S>, out: &mut Out<S>) {
        use rules::PortMappingError as E;
        let mode = self.network_mode();
        let mut push = |at: S, e: E| {
            out.push(
                RuleId::L4,
                at,
                rules::port_mapping_message(container.id, &e),
            )
        };
        let mut names: Vec<&str> = Vec::new();
        for mapping in container.port_mappings.iter().flatten() {
            if let Fact::Known(name, at) = &mapping.name
                && name.is_empty()
            {
                push(*at, E::EmptyName);
            }
            if let Fact::Known(range, at) = &mapping.container_port_range {
                if let Fact::Known(port, _) = mapping.container_port
                    && port != 0
                {
                    push(*at, E::PortAndRange);
                }
                if let Fact::Known(_, host) = mapping.host_port {
                    push(host, E::RangeWithHostPort);
                }
                if let Some(mode) = mode.filter(|m| !rules::service_connect_network_mode(*m)) {
                    push(*at, E::RangeNetworkMode(mode));
                }
                if !rules::port_range_format(range) {
                    push(*at, E::RangeFormat(range.to_string()));
                }
            }
            let service_connect = match (&mapping.name, mapping.app_protocol) {
                (Fact::Known(_, at), _) => Some(*at),
                (_, Fact::Known((), at)) => Some(at),
                _ => None,
            };
            if let (Some(at), Some(mode)) = (service_connect, mode)
                && !rules::service_connect_network_mode(mode)
            {
                push(at, E::ServiceConnectNetworkMode(mode));
            }
            if let (Fact::Absent, Fact::Known((), at)) = (&mapping.name, mapping.app_protocol) {
                push(at, E::AppProtocolWithoutName);
            }
            if let Fact::Known(name, at) = &mapping.name
                && !name.is_empty()
            {
                if names.contains(&name.as_ref()) {
                    push(*at, E::DuplicateName(name.to_string()));
                }
                names.push(name);
            }
        }
    }

    /// The view of the task definition a service runs, for its targets and registrations.
    pub fn served(self) -> ServedTask<'a, S> {
        ServedTask {
            id: self.id,
            network_mode: self.network_mode(),
            containers: self.containers,
            containers_complete: true,
        }
    }
}

/// The task definition a service runs, as the service's rules see it.
#[derive(Debug, Clone)]
pub struct ServiceTask<'a, S> {
    /// Its id.
    pub id: &'a str,
    /// Where the service names it.
    pub at: S,
    /// Where its tasks may run, when known.
    pub compatibility: Option<Compatibility>,
    /// Each container's `essential` (absent: essential).
    pub essential: Vec<Fact<bool, S>>,
    /// What it uses that needs Fargate platform version 1.4.0, when anything.
    pub needs_platform_1_4: Option<&'static str>,
}

/// The cluster a service runs in, as the service's rules see it.
#[derive(Debug, Clone)]
pub struct ServiceCluster<'a, S> {
    /// Its id.
    pub id: &'a str,
    /// Where the service names it.
    pub at: S,
    /// Whether it has EC2 instances (capacity, an added group or provider).
    pub has_ec2_capacity: bool,
}

/// What is known of a service.
///
/// ```
/// use ecs_core::facts::{Fact, ServiceFacts};
/// use ecs_core::ecs::service::LaunchType;
/// let mut service = ServiceFacts::new("Web", LaunchType::External);
/// service.circuit_breaker = Fact::Known((), ());
/// assert!(service.violations()[0].message.starts_with("external service `Web` cannot use"));
/// ```
#[derive(Debug, Clone)]
pub struct ServiceFacts<'a, S> {
    /// Its id.
    pub id: &'a str,
    /// How it launches tasks.
    pub launch: LaunchType,
    /// The task definition it runs, when known.
    pub task: Option<ServiceTask<'a, S>>,
    /// The cluster it runs in, when known.
    pub cluster: Option<ServiceCluster<'a, S>>,
    /// `daemon` (EC2 services).
    pub daemon: Fact<bool, S>,
    /// `desired_count`, when written (its value does not matter to the rules).
    pub desired_count: Fact<(), S>,
    /// `min_healthy_percent`.
    pub min_healthy_percent: Fact<u32, S>,
    /// `max_healthy_percent`.
    pub max_healthy_percent: Fact<u32, S>,
    /// `circuit_breaker`.
    pub circuit_breaker: Fact<(), S>,
    /// `cloud_map_options`.
    pub cloud_map_options: Fact<(), S>,
    /// `associate_cloud_map_service`.
    pub associate_cloud_map_service: Fact<(), S>,
    /// `platform_version` (Fargate services).
    pub platform_version: Fact<Cow<'a, str>, S>,
    /// `placement_strategies` (EC2 services), when not empty.
    pub placement_strategies: Fact<(), S>,
    /// The cluster, when it has a default Cloud Map namespace, and where the service names it.
    pub cluster_namespace: Option<(&'a str, S)>,
}

impl<'a, S: Copy> ServiceFacts<'a, S> {
    /// A service with nothing written but its id.
    pub fn new(id: &'a str, launch: LaunchType) -> Self {
        ServiceFacts {
            id,
            launch,
            task: None,
            cluster: None,
            daemon: Fact::Absent,
            desired_count: Fact::Absent,
            min_healthy_percent: Fact::Absent,
            max_healthy_percent: Fact::Absent,
            circuit_breaker: Fact::Absent,
            cloud_map_options: Fact::Absent,
            associate_cloud_map_service: Fact::Absent,
            platform_version: Fact::Absent,
            placement_strategies: Fact::Absent,
            cluster_namespace: None,
        }
    }

    /// Every rule on the service, in rule order.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.compatible(&mut out);
        self.essential_container(&mut out);
        self.ec2_capacity(&mut out);
        self.healthy_percents(&mut out);
        self.daemon_settings(&mut out);
        self.daemon_placement(&mut out);
        self.external_features(&mut out);
        self.platform_version(&mut out);
        out.0
    }

    /// F6: ephemeral storage, secrets read from JSON fields and environment files need Fargate
    /// platform version 1.4.0.
    fn platform_version(&self, out: &mut Out<S>) {
        let (Fact::Known(version, at), Some(task)) = (&self.platform_version, &self.task) else {
            return;
        };
        let Some(what) = task.needs_platform_1_4 else {
            return;
        };
        if !rules::fargate_platform_version_supports(version) {
            out.push(
                RuleId::F6,
                *at,
                rules::fargate_platform_version_message(self.id, task.id, what, version),
            );
        }
    }

    /// S1: a service launches its tasks only where the task definition says they can run.
    fn compatible(&self, out: &mut Out<S>) {
        let Some((task, compatibility)) =
            self.task.as_ref().and_then(|t| Some((t, t.compatibility?)))
        else {
            return;
        };
        if !rules::service_compatible(self.launch, compatibility) {
            let message =
                rules::service_compatible_message(self.id, self.launch, task.id, compatibility);
            out.push(RuleId::S1, task.at, message);
        }
    }

    /// S2: a task lives as long as its essential containers, so it needs one. A container whose
    /// flag only the run time knows may be essential.
    fn essential_container(&self, out: &mut Out<S>) {
        let Some(task) = &self.task else {
            return;
        };
        let essential: Vec<bool> = task
            .essential
            .iter()
            .map(|e| e.or_default(true).unwrap_or(true))
            .collect();
        if !rules::has_essential_container(&essential) {
            out.push(
                RuleId::S2,
                task.at,
                rules::essential_container_message(task.id),
            );
        }
    }

    /// S3: an EC2 service places tasks on its cluster's instances, unless it is a daemon (which
    /// a run-time `daemon` may be).
    fn ec2_capacity(&self, out: &mut Out<S>) {
        let Some(cluster) = &self.cluster else {
            return;
        };
        let daemon = self.daemon.or_default(false).unwrap_or(true);
        if self.launch == LaunchType::Ec2
            && !rules::ec2_service_capacity(cluster.has_ec2_capacity, daemon)
        {
            out.push(
                RuleId::S3,
                cluster.at,
                rules::ec2_service_capacity_message(self.id, cluster.id),
            );
        }
    }

    /// S4: the minimum healthy percent stays below the maximum.
    fn healthy_percents(&self, out: &mut Out<S>) {
        if let (Some(min), Fact::Known(max, at)) =
            (self.min_healthy_percent.value(), self.max_healthy_percent)
            && !rules::healthy_percent_range(min, max)
        {
            out.push(
                RuleId::S4,
                at,
                rules::healthy_percent_range_message(self.id, min, max),
            );
        }
    }

    /// S4 (daemon): a daemon runs one task per instance, so no desired count and at most 100%.
    fn daemon_settings(&self, out: &mut Out<S>) {
        if self.daemon.value() != Some(true) {
            return;
        }
        if let Fact::Known((), at) = self.desired_count {
            out.push(
                RuleId::S4,
                at,
                rules::daemon_without_desired_count_message(self.id),
            );
        }
        if let Fact::Known(max, at) = self.max_healthy_percent
            && !rules::daemon_max_healthy_percent(true, Some(max))
        {
            out.push(
                RuleId::S4,
                at,
                rules::daemon_max_healthy_percent_message(self.id),
            );
        }
    }

    /// S5: a daemon runs one task on every instance; no strategy chooses where.
    fn daemon_placement(&self, out: &mut Out<S>) {
        if let (Some(true), Fact::Known((), at)) = (self.daemon.value(), self.placement_strategies)
            && !rules::daemon_without_placement_strategies(true, true)
        {
            out.push(
                RuleId::S5,
                at,
                rules::daemon_placement_strategies_message(self.id),
            );
        }
    }

    /// X1: ECS Anywhere has no circuit breaker and no Cloud Map, not even a cluster's default
    /// namespace.
    fn external_features(&self, out: &mut Out<S>) {
        if let Some((cluster, at)) = self.cluster_namespace
            && !rules::external_supports(self.launch, ExternalFeature::CloudMap)
        {
            out.push(
                RuleId::X1,
                at,
                rules::external_cluster_namespace_message(self.id, cluster),
            );
        }
        for (fact, feature) in [
            (self.circuit_breaker, ExternalFeature::CircuitBreaker),
            (self.cloud_map_options, ExternalFeature::CloudMap),
            (self.associate_cloud_map_service, ExternalFeature::CloudMap),
        ] {
            if let Fact::Known((), at) = fact
                && !rules::external_supports(self.launch, feature)
            {
                out.push(
                    RuleId::X1,
                    at,
                    rules::external_supports_message(self.id, feature),
                );
            }
        }
    }
}
