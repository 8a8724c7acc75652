//! Facts of capacity (auto-scaling groups, capacity providers and their strategies), of task
//! auto-scaling and of ECS Exec: rules C1, C2, A1 and G1, one method per rule.
//!
//! ```
//! use ecs_core::facts::{CapacityFacts, Fact};
//! let mut group = CapacityFacts::new("Asg", ());
//! group.min_capacity = Fact::Known(3, ());
//! group.max_capacity = Fact::Known(2, ());
//! assert!(group.violations()[0].message.contains("`min_capacity: 3` above `max_capacity: 2`"));
//! ```

use super::{Fact, Out, Violation};
use crate::ecs::exec::ExecuteCommandLogging;
use crate::ecs::rules::{self, CapacitySizeError, ExternalFeature, RuleId};
use crate::ecs::service::LaunchType;

/// Instances drain on spot interruptions only when asked.
const SPOT_INSTANCE_DRAINING: bool = false;
/// ECS scales a provider's group unless told not to.
const MANAGED_SCALING: bool = true;
/// ECS protects a provider's instances from scale-in unless told not to.
const MANAGED_TERMINATION_PROTECTION: bool = true;
/// A strategy entry without `base` runs no base tasks.
const STRATEGY_BASE: u32 = 0;
/// A scalable task count keeps at least one task unless told otherwise.
const TASK_MIN_CAPACITY: u32 = 1;

/// What is known of an auto-scaling group's capacity: an `add_capacity` group, a group of its
/// own, or a group a cluster adds (rule C1). A fact left absent is not judged: a group added to
/// a cluster is judged for its sizes where it is declared.
#[derive(Debug, Clone)]
pub struct CapacityFacts<'a, S> {
    /// The group's id, as messages name it.
    pub id: &'a str,
    /// The group itself, blamed for what is missing.
    pub at: S,
    /// `machine_image`.
    pub machine_image: Fact<(), S>,
    /// `machine_image_type`.
    pub machine_image_type: Fact<(), S>,
    /// `spot_price` (its value does not matter to the rules).
    pub spot_price: Fact<(), S>,
    /// `spot_instance_draining`.
    pub spot_instance_draining: Fact<bool, S>,
    /// `min_capacity`.
    pub min_capacity: Fact<u32, S>,
    /// `max_capacity`.
    pub max_capacity: Fact<u32, S>,
    /// `desired_capacity`.
    pub desired_capacity: Fact<u32, S>,
}

impl<'a, S: Copy> CapacityFacts<'a, S> {
    /// A group with nothing written but its id.
    pub fn new(id: &'a str, at: S) -> Self {
        CapacityFacts {
            id,
            at,
            machine_image: Fact::Absent,
            machine_image_type: Fact::Absent,
            spot_price: Fact::Absent,
            spot_instance_draining: Fact::Absent,
            min_capacity: Fact::Absent,
            max_capacity: Fact::Absent,
            desired_capacity: Fact::Absent,
        }
    }

    /// The group's `MinSize` and `MaxSize` with the CDK's defaults; `None` when only the run
    /// time knows a size.
    ///
    /// ```
    /// use ecs_core::facts::{CapacityFacts, Fact};
    /// let mut group = CapacityFacts::new("Asg", ());
    /// group.desired_capacity = Fact::Known(3, ());
    /// assert_eq!(group.bounds(), Some((1, 3)));
    /// ```
    pub fn bounds(&self) -> Option<(u32, u32)> {
        let (min, max, desired) = self.sizes()?;
        Some(rules::capacity_bounds(min, max, desired))
    }

    /// Every rule on the group, in rule order.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.image_choice(&mut out);
        self.spot_draining_needs_price(&mut out);
        self.sizes_in_order(&mut out);
        out.0
    }

    /// The sizes as written, `None` when one is known only at run time.
    #[allow(clippy::type_complexity)]
    fn sizes(&self) -> Option<(Option<u32>, Option<u32>, Option<u32>)> {
        let size = |fact: Fact<u32, S>| match fact {
            Fact::Known(v, _) => Some(Some(v)),
            Fact::Runtime => None,
            Fact::Absent => Some(None),
        };
        Some((
            size(self.min_capacity)?,
            size(self.max_capacity)?,
            size(self.desired_capacity)?,
        ))
    }

    /// C1: the image decides the user data, so image and image type are not given together.
    fn image_choice(&self, out: &mut Out<S>) {
        if let (Fact::Known((), _), Fact::Known((), at)) =
            (self.machine_image, self.machine_image_type)
            && !rules::capacity_image_choice(true, true)
        {
            out.push(
                RuleId::C1,
                at,
                rules::capacity_image_choice_message(self.id),
            );
        }
    }

    /// C1: only spot instances are drained on interruption, so draining needs a spot price.
    fn spot_draining_needs_price(&self, out: &mut Out<S>) {
        let draining = self
            .spot_instance_draining
            .or_default(SPOT_INSTANCE_DRAINING);
        let Some(draining) = draining else {
            return;
        };
        if !rules::spot_draining_needs_price(draining, self.spot_price.is_written()) {
            let at = match self.spot_instance_draining {
                Fact::Known(_, at) => at,
                _ => self.at,
            };
            out.push(
                RuleId::C1,
                at,
                rules::spot_draining_needs_price_message(self.id),
            );
        }
    }

    /// C1: a group keeps min ≤ desired ≤ max, blaming the first size written of those out of
    /// order.
    fn sizes_in_order(&self, out: &mut Out<S>) {
        let Some((min, max, desired)) = self.sizes() else {
            return;
        };
        let Err(error) = rules::capacity_sizes(min, max, desired) else {
            return;
        };
        let blamed = match error {
            CapacitySizeError::MinAboveMax { .. } => {
                [self.min_capacity, self.max_capacity, self.desired_capacity]
            }
            _ => [self.desired_capacity, self.min_capacity, self.max_capacity],
        };
        let at = blamed
            .iter()
            .find_map(|f| match f {
                Fact::Known(_, at) => Some(*at),
                _ => None,
            })
            .unwrap_or(self.at);
        out.push(
            RuleId::C1,
            at,
            rules::capacity_sizes_message(self.id, error),
        );
    }
}

/// What is known of an auto-scaling-group capacity provider (rule C2).
#[derive(Debug, Clone)]
pub struct ProviderFacts<'a, S> {
    /// Its id.
    pub id: &'a str,
    /// The provider itself, blamed when no setting is written.
    pub at: S,
    /// `enable_managed_scaling`.
    pub enable_managed_scaling: Fact<bool, S>,
    /// `enable_managed_termination_protection`.
    pub enable_managed_termination_protection: Fact<bool, S>,
}

impl<'a, S: Copy> ProviderFacts<'a, S> {
    /// A provider with nothing written but its id.
    pub fn new(id: &'a str, at: S) -> Self {
        ProviderFacts {
            id,
            at,
            enable_managed_scaling: Fact::Absent,
            enable_managed_termination_protection: Fact::Absent,
        }
    }

    /// Whether ECS scales the group: as written, else by default; `None` when only the run time
    /// knows.
    ///
    /// ```
    /// let provider = ecs_core::facts::ProviderFacts::new("P", ());
    /// assert_eq!(provider.managed_scaling(), Some(true));
    /// ```
    pub fn managed_scaling(&self) -> Option<bool> {
        self.enable_managed_scaling.or_default(MANAGED_SCALING)
    }

    /// Whether ECS protects instances running tasks from scale-in, as [`Self::managed_scaling`].
    pub fn managed_termination_protection(&self) -> Option<bool> {
        self.enable_managed_termination_protection
            .or_default(MANAGED_TERMINATION_PROTECTION)
    }

    /// Every rule on the provider.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.termination_protection_needs_scaling(&mut out);
        out.0
    }

    /// C2: ECS protects instances from scale-in only while it manages the group's scaling.
    fn termination_protection_needs_scaling(&self, out: &mut Out<S>) {
        let (Some(protection), Some(scaling)) = (
            self.managed_termination_protection(),
            self.managed_scaling(),
        ) else {
            return;
        };
        if !rules::termination_protection_needs_scaling(protection, scaling) {
            let at = match self.enable_managed_scaling {
                Fact::Known(_, at) => at,
                _ => self.at,
            };
            out.push(
                RuleId::C2,
                at,
                rules::termination_protection_needs_scaling_message(self.id),
            );
        }
    }
}

/// A provider a strategy names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrategyProvider<'a> {
    /// Its name, as messages show it.
    pub name: &'a str,
    /// Whether it is a Fargate provider.
    pub fargate: bool,
    /// Whether the strategy's cluster has it; `None` while that is not known (the builders know
    /// it at synthesis, the macro for the providers the app declares).
    pub on_cluster: Option<bool>,
}

/// One entry of a capacity provider strategy.
#[derive(Debug, Clone, Copy)]
pub struct StrategyEntry<'a, S> {
    /// `base`.
    pub base: Fact<u32, S>,
    /// `capacity_provider`.
    pub provider: Fact<StrategyProvider<'a>, S>,
}

/// What is known of the capacity provider strategy of a service or a cluster's default one
/// (rule C2).
///
/// ```
/// use ecs_core::facts::{Fact, StrategyEntry, StrategyFacts, StrategyProvider};
/// let entry = |name, fargate| StrategyEntry {
///     base: Fact::Absent,
///     provider: Fact::Known(StrategyProvider { name, fargate, on_cluster: None }, ()),
/// };
/// let mut strategy = StrategyFacts::new("Svc", "Cluster", ());
/// strategy.entries = vec![entry("FARGATE", true), entry("Provider", false)];
/// assert!(strategy.violations()[0].message.contains("mixes Fargate"));
/// ```
#[derive(Debug, Clone)]
pub struct StrategyFacts<'a, S> {
    /// The service or cluster whose strategy it is.
    pub owner: &'a str,
    /// The cluster that places its tasks.
    pub cluster: &'a str,
    /// The strategy, blamed when no entry is.
    pub at: S,
    /// Its entries, in order.
    pub entries: Vec<StrategyEntry<'a, S>>,
}

impl<'a, S: Copy> StrategyFacts<'a, S> {
    /// A strategy without entries.
    pub fn new(owner: &'a str, cluster: &'a str, at: S) -> Self {
        StrategyFacts {
            owner,
            cluster,
            at,
            entries: Vec::new(),
        }
    }

    /// Every rule on the strategy, in rule order.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.single_base(&mut out);
        if self.not_mixed(&mut out) {
            self.providers_on_cluster(&mut out);
        }
        out.0
    }

    /// The providers a strategy names, when known.
    fn providers(&self) -> impl Iterator<Item = (StrategyProvider<'a>, S)> + '_ {
        self.entries.iter().filter_map(|e| match e.provider {
            Fact::Known(p, at) => Some((p, at)),
            _ => None,
        })
    }

    /// C2: ECS places a strategy's base tasks on one provider only.
    fn single_base(&self, out: &mut Out<S>) {
        let bases: Option<Vec<u32>> = self
            .entries
            .iter()
            .map(|e| e.base.or_default(STRATEGY_BASE))
            .collect();
        let Some(bases) = bases else {
            return;
        };
        if !rules::strategy_single_base(&bases) {
            let at = self
                .entries
                .iter()
                .filter_map(|e| match e.base {
                    Fact::Known(base, at) if base != STRATEGY_BASE => Some(at),
                    _ => None,
                })
                .nth(1)
                .unwrap_or(self.at);
            out.push(
                RuleId::C2,
                at,
                rules::strategy_single_base_message(self.owner),
            );
        }
    }

    /// C2: a task runs either on Fargate or on instances; whether the strategy keeps to one.
    fn not_mixed(&self, out: &mut Out<S>) -> bool {
        let fargate: Vec<bool> = self.providers().map(|(p, _)| p.fargate).collect();
        if rules::strategy_not_mixed(&fargate) {
            return true;
        }
        let at = self
            .providers()
            .find(|(p, _)| p.fargate != fargate[0])
            .map_or(self.at, |(_, at)| at);
        out.push(
            RuleId::C2,
            at,
            rules::strategy_not_mixed_message(self.owner),
        );
        false
    }

    /// C2: a strategy places tasks only on providers its cluster has.
    fn providers_on_cluster(&self, out: &mut Out<S>) {
        for (provider, at) in self.providers() {
            if provider.on_cluster == Some(false) {
                out.push(
                    RuleId::C2,
                    at,
                    rules::strategy_provider_registered_message(
                        self.owner,
                        provider.name,
                        self.cluster,
                        provider.fargate,
                    ),
                );
            }
        }
    }
}

/// A target group request-count scaling reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountedGroup {
    /// Whether it is an application load balancer's target group.
    pub application: bool,
    /// Whether the scaled service is registered in it.
    pub serves_service: bool,
}

/// A policy or scheduled action of a scalable task count.
#[derive(Debug, Clone)]
pub enum ScalingPolicyFacts<'a, S> {
    /// `scale_on_schedule`.
    Schedule {
        /// Its id.
        id: &'a str,
        /// The action itself, blamed for what is missing.
        at: S,
        /// `min_capacity`.
        min_capacity: Fact<u32, S>,
        /// `max_capacity`.
        max_capacity: Fact<u32, S>,
    },
    /// `scale_on_request_count`.
    RequestCount {
        /// Its id.
        id: &'a str,
        /// `target_group`.
        target_group: Fact<CountedGroup, S>,
    },
}

/// What is known of a service's scalable task count and its policies (rules A1 and X1).
///
/// ```
/// use ecs_core::facts::{Fact, TaskScalingFacts};
/// use ecs_core::ecs::service::LaunchType;
/// let mut scaling = TaskScalingFacts::new("Web", (), LaunchType::Fargate);
/// scaling.max_capacity = Fact::Known(0, ());
/// assert!(scaling.violations()[0].message.contains("`min_capacity: 1` above `max_capacity: 0`"));
/// ```
#[derive(Debug, Clone)]
pub struct TaskScalingFacts<'a, S> {
    /// The service it scales.
    pub service: &'a str,
    /// Where the service is named.
    pub at: S,
    /// How the service launches tasks.
    pub launch: LaunchType,
    /// `min_capacity`.
    pub min_capacity: Fact<u32, S>,
    /// `max_capacity`.
    pub max_capacity: Fact<u32, S>,
    /// Its policies and scheduled actions, in order.
    pub policies: Vec<ScalingPolicyFacts<'a, S>>,
}

impl<'a, S: Copy> TaskScalingFacts<'a, S> {
    /// The task count of `service`, with nothing written.
    pub fn new(service: &'a str, at: S, launch: LaunchType) -> Self {
        TaskScalingFacts {
            service,
            at,
            launch,
            min_capacity: Fact::Absent,
            max_capacity: Fact::Absent,
            policies: Vec::new(),
        }
    }

    /// The fewest tasks: as written, else by default; `None` when only the run time knows.
    ///
    /// ```
    /// use ecs_core::{ecs::facts::TaskScalingFacts, ecs::service::LaunchType};
    /// assert_eq!(TaskScalingFacts::new("Web", (), LaunchType::Ec2).min_capacity(), Some(1));
    /// ```
    pub fn min_capacity(&self) -> Option<u32> {
        self.min_capacity.or_default(TASK_MIN_CAPACITY)
    }

    /// Every rule on the task count and its policies, in rule order; an external service,
    /// which cannot scale, is judged for that alone.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        if self.external(&mut out) {
            self.bounds(&mut out);
            for policy in &self.policies {
                self.schedule_capacity(policy, &mut out);
                self.request_count_group(policy, &mut out);
            }
        }
        out.0
    }

    /// X1: ECS Anywhere services do not auto-scale; whether this one may.
    fn external(&self, out: &mut Out<S>) -> bool {
        if rules::external_supports(self.launch, ExternalFeature::AutoScaling) {
            return true;
        }
        out.push(
            RuleId::X1,
            self.at,
            rules::external_supports_message(self.service, ExternalFeature::AutoScaling),
        );
        false
    }

    /// A1: a task count scales between a minimum and a maximum in order.
    fn bounds(&self, out: &mut Out<S>) {
        let (Some(min), Fact::Known(max, at)) = (self.min_capacity(), self.max_capacity) else {
            return;
        };
        if !rules::scaling_capacity(min, max) {
            out.push(
                RuleId::A1,
                at,
                rules::scaling_capacity_message(self.service, min, max),
            );
        }
    }

    /// A1: a scheduled action changes capacity, so it states a minimum or a maximum.
    fn schedule_capacity(&self, policy: &ScalingPolicyFacts<'a, S>, out: &mut Out<S>) {
        let ScalingPolicyFacts::Schedule {
            id,
            at,
            min_capacity,
            max_capacity,
        } = policy
        else {
            return;
        };
        let written = |f: &Fact<u32, S>| match f {
            Fact::Known(v, _) => Some(Some(*v)),
            Fact::Runtime => None,
            Fact::Absent => Some(None),
        };
        let (Some(min), Some(max)) = (written(min_capacity), written(max_capacity)) else {
            return;
        };
        if !rules::scheduled_action_capacity(min, max) {
            out.push(
                RuleId::A1,
                *at,
                rules::scheduled_action_capacity_message(id),
            );
        }
    }

    /// A1: request-count scaling reads an application target group the service is in.
    fn request_count_group(&self, policy: &ScalingPolicyFacts<'a, S>, out: &mut Out<S>) {
        let ScalingPolicyFacts::RequestCount {
            id,
            target_group: Fact::Known(group, at),
        } = policy
        else {
            return;
        };
        if !rules::request_count_target_group(group.application && group.serves_service) {
            out.push(
                RuleId::A1,
                *at,
                rules::request_count_target_group_message(id, self.service),
            );
        }
    }
}

/// What is known of a cluster's `execute_command_configuration` (rule G1).
///
/// ```
/// use ecs_core::ecs::exec::ExecuteCommandLogging;
/// use ecs_core::facts::{ExecFacts, Fact};
/// let mut exec = ExecFacts::new("Cluster", ());
/// exec.logging = Fact::Known(ExecuteCommandLogging::Override, ());
/// assert!(exec.violations()[0].message.contains("without a `log_configuration`"));
/// ```
#[derive(Debug, Clone)]
pub struct ExecFacts<'a, S> {
    /// The cluster.
    pub cluster: &'a str,
    /// The configuration, blamed when nothing in it is.
    pub at: S,
    /// `logging`.
    pub logging: Fact<ExecuteCommandLogging, S>,
    /// `log_configuration`.
    pub log_configuration: Fact<(), S>,
    /// `cloud_watch_encryption_enabled` of the log configuration.
    pub cloud_watch_encryption_enabled: Fact<bool, S>,
    /// `cloud_watch_log_group` of the log configuration.
    pub cloud_watch_log_group: Fact<(), S>,
    /// `s3_encryption_enabled` of the log configuration.
    pub s3_encryption_enabled: Fact<bool, S>,
    /// `s3_bucket` of the log configuration.
    pub s3_bucket: Fact<(), S>,
}

impl<'a, S: Copy> ExecFacts<'a, S> {
    /// A configuration of `cluster` with nothing written.
    pub fn new(cluster: &'a str, at: S) -> Self {
        ExecFacts {
            cluster,
            at,
            logging: Fact::Absent,
            log_configuration: Fact::Absent,
            cloud_watch_encryption_enabled: Fact::Absent,
            cloud_watch_log_group: Fact::Absent,
            s3_encryption_enabled: Fact::Absent,
            s3_bucket: Fact::Absent,
        }
    }

    /// Every rule on the configuration, in rule order.
    pub fn violations(&self) -> Vec<Violation<S>> {
        let mut out = Out(Vec::new());
        self.logging_configuration(&mut out);
        self.encryption_destinations(&mut out);
        out.0
    }

    /// G1: `Override` logging sends output to a log configuration's destinations, and only it.
    fn logging_configuration(&self, out: &mut Out<S>) {
        let Some(logging) = self.logging.or_default(ExecuteCommandLogging::default()) else {
            return;
        };
        if matches!(self.log_configuration, Fact::Runtime) {
            return;
        }
        let has_configuration = self.log_configuration.is_written();
        let is_override = logging == ExecuteCommandLogging::Override;
        if rules::exec_logging_configuration(is_override, has_configuration) {
            return;
        }
        let at = match (self.log_configuration, self.logging) {
            (Fact::Known((), at), _) | (_, Fact::Known(_, at)) => at,
            _ => self.at,
        };
        out.push(
            RuleId::G1,
            at,
            rules::exec_logging_configuration_message(self.cluster, has_configuration),
        );
    }

    /// G1: an encryption flag encrypts a destination, so it needs that destination.
    fn encryption_destinations(&self, out: &mut Out<S>) {
        for (flag, name, destination, destination_name) in [
            (
                self.cloud_watch_encryption_enabled,
                "cloud_watch_encryption_enabled",
                self.cloud_watch_log_group,
                "cloud_watch_log_group",
            ),
            (
                self.s3_encryption_enabled,
                "s3_encryption_enabled",
                self.s3_bucket,
                "s3_bucket",
            ),
        ] {
            let Fact::Known(on, at) = flag else {
                continue;
            };
            if matches!(destination, Fact::Runtime) {
                continue;
            }
            if !rules::exec_encryption_destination(on, destination.is_written()) {
                out.push(
                    RuleId::G1,
                    at,
                    rules::exec_encryption_destination_message(
                        self.cluster,
                        name,
                        destination_name,
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages<S>(found: Vec<Violation<S>>) -> Vec<String> {
        found.into_iter().map(|v| v.message).collect()
    }

    #[test]
    fn sizes_known_only_at_run_time_are_not_judged() {
        let mut group = CapacityFacts::new("Asg", ());
        group.min_capacity = Fact::Known(5, ());
        group.max_capacity = Fact::Runtime;
        assert!(group.violations().is_empty());
        assert_eq!(group.bounds(), None);
        group.max_capacity = Fact::Known(4, ());
        assert_eq!(
            messages(group.violations()),
            [rules::capacity_sizes_message(
                "Asg",
                CapacitySizeError::MinAboveMax { min: 5, max: 4 }
            )]
        );
    }

    #[test]
    fn spot_draining_is_judged_only_when_known_to_be_on() {
        let mut group = CapacityFacts::new("Asg", ());
        group.spot_instance_draining = Fact::Runtime;
        assert!(group.violations().is_empty());
        group.spot_instance_draining = Fact::Known(true, ());
        assert_eq!(group.violations()[0].rule, RuleId::C1);
        group.spot_price = Fact::Known((), ());
        assert!(group.violations().is_empty());
    }

    #[test]
    fn a_mixed_strategy_is_not_judged_for_its_cluster() {
        let entry = |name, fargate, base| StrategyEntry {
            base: Fact::given(base, ()),
            provider: Fact::Known(
                StrategyProvider {
                    name,
                    fargate,
                    on_cluster: Some(false),
                },
                (),
            ),
        };
        let mut strategy = StrategyFacts::new("Svc", "Cluster", ());
        strategy.entries = vec![entry("FARGATE", true, Some(1)), entry("P", false, Some(2))];
        assert_eq!(
            messages(strategy.violations()),
            [
                rules::strategy_single_base_message("Svc"),
                rules::strategy_not_mixed_message("Svc"),
            ]
        );
        strategy.entries = vec![entry("FARGATE", true, None)];
        assert_eq!(
            messages(strategy.violations()),
            [rules::strategy_provider_registered_message(
                "Svc", "FARGATE", "Cluster", true
            )]
        );
    }

    #[test]
    fn an_external_service_is_judged_for_scaling_alone() {
        let mut scaling = TaskScalingFacts::new("Web", (), LaunchType::External);
        scaling.max_capacity = Fact::Known(0, ());
        let found = scaling.violations();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, RuleId::X1);
    }

    #[test]
    fn a_schedule_with_a_run_time_capacity_is_not_judged() {
        let mut scaling = TaskScalingFacts::new("Web", (), LaunchType::Fargate);
        scaling.policies.push(ScalingPolicyFacts::Schedule {
            id: "Morning",
            at: (),
            min_capacity: Fact::Runtime,
            max_capacity: Fact::Absent,
        });
        assert!(scaling.violations().is_empty());
    }

    #[test]
    fn exec_encryption_is_judged_whatever_the_logging() {
        let mut exec = ExecFacts::new("Cluster", ());
        exec.logging = Fact::Runtime;
        exec.log_configuration = Fact::Known((), ());
        exec.s3_encryption_enabled = Fact::Known(true, ());
        assert_eq!(
            messages(exec.violations()),
            [rules::exec_encryption_destination_message(
                "Cluster",
                "s3_encryption_enabled",
                "s3_bucket"
            )]
        );
        exec.s3_bucket = Fact::Runtime;
        assert!(exec.violations().is_empty());
    }
}
