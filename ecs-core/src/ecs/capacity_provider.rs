//! Capacity providers: Fargate and Fargate Spot, auto-scaling-group providers
//! (`AsgCapacityProvider`), and the strategies services and clusters spread tasks with (CDK
//! `cluster.ts` `AsgCapacityProvider`, `CapacityProviderStrategy`).
//!
//! ```
//! use ecs_core::ecs::capacity_provider::{CapacityProvider, CapacityProviderStrategy};
//! let s = CapacityProviderStrategy::default().capacity_provider("FARGATE_SPOT").weight(2);
//! assert_eq!(s.capacity_provider, Some(CapacityProvider::FargateSpot));
//! ```

use crate::autoscaling::AutoScalingGroup;
use crate::cfn::{Resource, Value};
use crate::construct::app::App;
use crate::construct::{NodeId, path_hash};
use crate::ecs::capacity::AddAutoScalingGroupCapacityOptions;
use crate::ecs::cluster::Cluster;
use crate::ecs::facts::{
    Fact, ProviderFacts, StrategyEntry, StrategyFacts, StrategyProvider, refused,
};
use crate::ecs::service::LaunchType;
use crate::error::Error;

/// A capacity provider a strategy names.
///
/// ```
/// use ecs_core::ecs::capacity_provider::CapacityProvider;
/// assert_eq!(CapacityProvider::from("FARGATE"), CapacityProvider::Fargate);
/// assert_eq!(CapacityProvider::from("my-provider"), CapacityProvider::Named("my-provider".into()));
/// assert!(CapacityProvider::FargateSpot.is_fargate());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CapacityProvider {
    /// `FARGATE`.
    Fargate,
    /// `FARGATE_SPOT`.
    FargateSpot,
    /// An auto-scaling-group provider of this app.
    Asg(AsgCapacityProvider),
    /// A Managed Instances provider of this app.
    ManagedInstances(crate::ecs::managed_instances::ManagedInstancesCapacityProvider),
    /// A provider by name, e.g. one created outside this app.
    Named(String),
}

impl From<&str> for CapacityProvider {
    fn from(name: &str) -> CapacityProvider {
        match name {
            "FARGATE" => CapacityProvider::Fargate,
            "FARGATE_SPOT" => CapacityProvider::FargateSpot,
            other => CapacityProvider::Named(other.to_string()),
        }
    }
}

impl From<String> for CapacityProvider {
    fn from(name: String) -> CapacityProvider {
        CapacityProvider::from(name.as_str())
    }
}

impl From<AsgCapacityProvider> for CapacityProvider {
    fn from(provider: AsgCapacityProvider) -> CapacityProvider {
        CapacityProvider::Asg(provider)
    }
}

impl From<crate::ecs::managed_instances::ManagedInstancesCapacityProvider> for CapacityProvider {
    fn from(
        provider: crate::ecs::managed_instances::ManagedInstancesCapacityProvider,
    ) -> CapacityProvider {
        CapacityProvider::ManagedInstances(provider)
    }
}

impl CapacityProvider {
    /// Whether it is a Fargate provider (the CDK's test: the name contains `FARGATE`).
    pub fn is_fargate(&self) -> bool {
        match self {
            CapacityProvider::Fargate | CapacityProvider::FargateSpot => true,
            CapacityProvider::Asg(_) | CapacityProvider::ManagedInstances(_) => false,
            CapacityProvider::Named(name) => name.contains("FARGATE"),
        }
    }

    /// The provider's name as CloudFormation receives it.
    pub fn name(&self, app: &App) -> Value {
        match self {
            CapacityProvider::Fargate => "FARGATE".into(),
            CapacityProvider::FargateSpot => "FARGATE_SPOT".into(),
            CapacityProvider::Asg(p) => p.capacity_provider_name(app),
            CapacityProvider::ManagedInstances(p) => p.capacity_provider_name(app),
            CapacityProvider::Named(name) => name.clone().into(),
        }
    }

    /// The name used in messages.
    pub fn display(&self, app: &App) -> String {
        match self {
            CapacityProvider::Fargate => "FARGATE".into(),
            CapacityProvider::FargateSpot => "FARGATE_SPOT".into(),
            CapacityProvider::Asg(p) => p.id(app).to_string(),
            CapacityProvider::ManagedInstances(p) => p.id(app).to_string(),
            CapacityProvider::Named(name) => name.clone(),
        }
    }
}

/// One entry of a capacity provider strategy (CDK `CapacityProviderStrategy`).
///
/// ```
/// let s = ecs_core::ecs::capacity_provider::CapacityProviderStrategy::default()
///     .capacity_provider("FARGATE").weight(1).base(2);
/// assert_eq!(s.base, Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CapacityProviderStrategy {
    /// The provider (required).
    pub capacity_provider: Option<CapacityProvider>,
    /// The share of tasks it gets relative to the others.
    pub weight: Option<u32>,
    /// How many tasks it runs before weights apply.
    pub base: Option<u32>,
}

impl CapacityProviderStrategy {
    /// Sets `capacity_provider`: `"FARGATE"`, `"FARGATE_SPOT"`, an [`AsgCapacityProvider`], a
    /// [`ManagedInstancesCapacityProvider`](crate::ecs::managed_instances::ManagedInstancesCapacityProvider)
    /// or a provider name.
    pub fn capacity_provider(mut self, provider: impl Into<CapacityProvider>) -> Self {
        self.capacity_provider = Some(provider.into());
        self
    }

    /// Sets `weight`.
    pub fn weight(mut self, weight: u32) -> Self {
        self.weight = Some(weight);
        self
    }

    /// Sets `base`.
    pub fn base(mut self, base: u32) -> Self {
        self.base = Some(base);
        self
    }

    fn render(&self, app: &App) -> Value {
        let mut m = Vec::new();
        if let Some(base) = self.base {
            m.push(("Base", Value::from(base)));
        }
        if let Some(p) = &self.capacity_provider {
            m.push(("CapacityProvider", p.name(app)));
        }
        if let Some(weight) = self.weight {
            m.push(("Weight", Value::from(weight)));
        }
        Value::map(m)
    }
}

/// A strategy as CloudFormation writes it.
pub(crate) fn render_strategies(app: &App, strategies: &[CapacityProviderStrategy]) -> Value {
    Value::List(strategies.iter().map(|s| s.render(app)).collect())
}

/// Rule C2 on the strategy of `owner` (a service, or a cluster's default strategy), which places
/// tasks on `cluster`: every entry names a provider, at most one has a base, Fargate and
/// auto-scaling-group providers do not mix, and with `judge_cluster` the cluster has each
/// provider (judged once the cluster has all its providers).
pub(crate) fn check_strategies(
    app: &App,
    owner: &str,
    cluster: Cluster,
    strategies: &[CapacityProviderStrategy],
    judge_cluster: bool,
) -> Result<(), Error> {
    let providers: Vec<&CapacityProvider> = strategies
        .iter()
        .filter_map(|s| s.capacity_provider.as_ref())
        .collect();
    if providers.len() < strategies.len() {
        return Err(Error::new(format!(
            "a capacity provider strategy of `{owner}` needs `capacity_provider`: add e.g. `capacity_provider: \"FARGATE\"`"
        )));
    }
    let names: Vec<String> = providers.iter().map(|p| p.display(app)).collect();
    let mut facts = StrategyFacts::new(owner, cluster.id(app), ());
    facts.entries = strategies
        .iter()
        .zip(providers.iter().zip(&names))
        .map(|(strategy, (provider, name))| StrategyEntry {
            base: Fact::given(strategy.base, ()),
            provider: Fact::Known(
                StrategyProvider {
                    name,
                    fargate: provider.is_fargate(),
                    on_cluster: judge_cluster.then(|| cluster.has_capacity_provider(app, provider)),
                },
                (),
            ),
        })
        .collect();
    refused(facts.violations())
}

props! {
    /// Properties of an [`AsgCapacityProvider`] (CDK `AsgCapacityProviderProps`).
    ///
    /// ```
    /// let p = ecs_core::ecs::capacity_provider::AsgCapacityProviderProps::default().target_capacity_percent(80);
    /// assert_eq!(p.target_capacity_percent, Some(80));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AsgCapacityProviderProps {
        /// The group whose instances the provider manages (required).
        [opt "autoScalingGroup", .ty(Ref(RefClass::AutoScalingGroup)), .required()]
        auto_scaling_group: AutoScalingGroup,
        /// `Name`; generated only in stacks whose name starts with `aws`, `ecs` or `fargate`.
        [into "capacityProviderName"]
        capacity_provider_name: String,
        /// Whether ECS scales the group; default true.
        [opt "enableManagedScaling", .default("true")]
        enable_managed_scaling: bool,
        /// Whether ECS protects instances running tasks from scale-in; default true.
        [opt "enableManagedTerminationProtection", .default("true")]
        enable_managed_termination_protection: bool,
        /// Whether ECS drains instances before the group terminates them; not set by default.
        [opt "enableManagedDraining"]
        enable_managed_draining: bool,
        /// How full managed scaling keeps the instances, in percent; default 100.
        [opt "targetCapacityPercent", .default("100")]
        target_capacity_percent: u32,
        /// At most this many instances per scale-out.
        [opt "maximumScalingStepSize"]
        maximum_scaling_step_size: u32,
        /// At least this many instances per scale-out.
        [opt "minimumScalingStepSize"]
        minimum_scaling_step_size: u32,
        /// Seconds a new instance takes to count toward capacity (0 to 10000).
        [opt "instanceWarmupPeriod"]
        instance_warmup_period: u32,
        /// How the instances' user data joins them to a cluster.
        [opt "machineImageType", .ty(Enum(&crate::ec2::machine_image::MachineImageType::DEF))]
        machine_image_type: crate::ec2::machine_image::MachineImageType,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct AsgProviderData {
    id: String,
    resource: NodeId,
    asg: AutoScalingGroup,
    termination_protection: bool,
    managed_draining: bool,
    machine_image_type: Option<crate::ec2::machine_image::MachineImageType>,
}

/// An auto-scaling-group capacity provider construct (`<id>/<id>`, an
/// `AWS::ECS::CapacityProvider`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsgCapacityProvider {
    node: NodeId,
    index: usize,
}

impl AsgCapacityProvider {
    /// Creates a provider with id `id` at the top of `stack`; add it to a cluster with
    /// [`Cluster::add_asg_capacity_provider`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default())?;
    /// let asg = AutoScalingGroup::new(&mut app, s, "ASG", AutoScalingGroupProps::default()
    ///     .vpc(vpc).instance_type("t2.micro").min_capacity(0).max_capacity(100))?;
    /// let err = AsgCapacityProvider::new(&mut app, s, "Provider", AsgCapacityProviderProps::default()
    ///     .auto_scaling_group(asg).enable_managed_scaling(false)).unwrap_err();
    /// assert!(err.to_string().contains("enable_managed_termination_protection: false"));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: AsgCapacityProviderProps,
    ) -> Result<AsgCapacityProvider, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        app.check_each(props.auto_scaling_group)?;
        let Some(asg) = props.auto_scaling_group else {
            return Err(Error::new(format!(
                "asg capacity provider `{id}` needs `auto_scaling_group`: add `auto_scaling_group: <name>`"
            )));
        };
        let mut facts = ProviderFacts::new(id, ());
        facts.enable_managed_scaling = Fact::given(props.enable_managed_scaling, ());
        facts.enable_managed_termination_protection =
            Fact::given(props.enable_managed_termination_protection, ());
        refused(facts.violations())?;
        let known = "the builders know every setting";
        let protection = facts.managed_termination_protection().expect(known);
        let scaling = facts.managed_scaling().expect(known);
        if let Some(name) = &props.capacity_provider_name
            && reserved_prefix(name)
        {
            return Err(Error::new(format!(
                "asg capacity provider `{id}` cannot be named `{name}`: names starting with `aws`, `ecs` or `fargate` are reserved; choose another"
            )));
        }
        if let Some(warmup) = props.instance_warmup_period.filter(|w| *w > 10000) {
            return Err(Error::new(format!(
                "asg capacity provider `{id}` cannot use `instance_warmup_period: {warmup}`: use 0 to 10000 seconds"
            )));
        }
        if protection {
            asg.protect_new_instances_from_scale_in(app);
        }
        let root = scope;
        let stack_name = app.stack(stack).name().to_string();
        // The CDK names the provider only where CloudFormation's generated name would start
        // with a reserved prefix, i.e. in stacks so named.
        let name = props.capacity_provider_name.or_else(|| {
            reserved_prefix(&stack_name)
                .then(|| format!("cp-{}", unique_resource_name(&[&stack_name, id], 252, true)))
        });
        let managed_scaling = scaling.then(|| {
            let mut m = vec![
                ("Status", Value::from("ENABLED")),
                (
                    "TargetCapacity",
                    // `targetCapacityPercent || 100`: zero means the default too.
                    Value::from(
                        props
                            .target_capacity_percent
                            .filter(|p| *p != 0)
                            .unwrap_or(100),
                    ),
                ),
            ];
            if let Some(n) = props.maximum_scaling_step_size {
                m.push(("MaximumScalingStepSize", Value::from(n)));
            }
            if let Some(n) = props.minimum_scaling_step_size {
                m.push(("MinimumScalingStepSize", Value::from(n)));
            }
            if let Some(n) = props.instance_warmup_period {
                m.push(("InstanceWarmupPeriod", Value::from(n)));
            }
            Value::map(m)
        });
        let mut provider = vec![
            ("AutoScalingGroupArn", asg.group_name(app)),
            (
                "ManagedTerminationProtection",
                Value::from(if protection { "ENABLED" } else { "DISABLED" }),
            ),
        ];
        if let Some(m) = managed_scaling {
            provider.push(("ManagedScaling", m));
        }
        if let Some(draining) = props.enable_managed_draining {
            provider.push((
                "ManagedDraining",
                Value::from(if draining { "ENABLED" } else { "DISABLED" }),
            ));
        }
        let st = app.stack_mut(stack);
        let node = st.add_node(root, id)?;
        let resource = st.add_resource(
            node,
            id,
            Resource::new("AWS::ECS::CapacityProvider")
                .prop("AutoScalingGroupProvider", Value::map(provider))
                .prop_opt("Name", name),
        )?;
        let index = app.all::<AsgProviderData>().len();
        app.all_mut::<AsgProviderData>().push(AsgProviderData {
            id: id.to_string(),
            resource,
            asg,
            termination_protection: protection,
            managed_draining: props.enable_managed_draining == Some(true),
            machine_image_type: props.machine_image_type,
        });
        Ok(AsgCapacityProvider { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &app.all::<AsgProviderData>()[self.index].id
    }

    /// `{"Ref": provider}`: the provider's name.
    pub fn capacity_provider_name(self, app: &App) -> Value {
        Value::Ref(app.all::<AsgProviderData>()[self.index].resource)
    }

    /// The provider's group.
    pub fn auto_scaling_group(self, app: &App) -> AutoScalingGroup {
        app.all::<AsgProviderData>()[self.index].asg
    }

    /// The options a cluster configures the provider's group with (CDK
    /// `addAsgCapacityProvider`): the provider's image type, and no drain hook when ECS
    /// protects or drains the instances itself.
    pub(crate) fn configure_options(
        self,
        app: &App,
        mut options: AddAutoScalingGroupCapacityOptions,
    ) -> AddAutoScalingGroupCapacityOptions {
        let data = &app.all::<AsgProviderData>()[self.index];
        if data.machine_image_type.is_some() {
            options.machine_image_type = data.machine_image_type;
        }
        if data.termination_protection || data.managed_draining {
            options.task_drain_time = Some(0);
        }
        options
    }
}

/// Whether a name starts with a prefix AWS reserves for capacity providers.
pub(crate) fn reserved_prefix(name: &str) -> bool {
    ["aws", "ecs", "fargate"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// The CDK's `Names.uniqueResourceName`: letters and digits kept, and with `special` (the
/// CDK's `allowedSpecialCharacters: '-_'`, which it puts in a regular-expression class where
/// `9-_` is a range) `:` to `_` too, `-` not.
pub(crate) fn unique_resource_name(
    components: &[&str],
    max_length: usize,
    special: bool,
) -> String {
    let keep = |c: char| c.is_ascii_alphanumeric() || (special && ('9'..='_').contains(&c));
    let clean = |s: &str| s.chars().filter(|c| keep(*c)).collect::<String>();
    let components: Vec<&str> = components
        .iter()
        .copied()
        .filter(|c| *c != "Default")
        .collect();
    if components.len() == 1 && clean(components[0]).len() <= max_length {
        return clean(components[0]);
    }
    let hash = path_hash(&components.join("/"));
    let mut human = String::new();
    let mut previous: Option<&str> = None;
    for c in &components {
        if previous.is_some_and(|p| p.ends_with(c)) {
            continue;
        }
        previous = Some(c);
        if *c != "Resource" {
            human.push_str(&clean(c));
        }
    }
    let max_human = max_length - 8;
    if human.len() > max_human {
        let half = max_human / 2;
        human = format!("{}{}", &human[..half], &human[human.len() - half..]);
    }
    human + &hash
}

/// A service's strategy, kept for the synth-time check that its cluster has the providers.
#[derive(Debug, Clone)]
pub(crate) struct ServiceStrategies {
    service: String,
    cluster: Cluster,
    strategies: Vec<CapacityProviderStrategy>,
}

/// Gives a service resource its `CapacityProviderStrategy`, which replaces its `LaunchType`
/// (CDK `BaseService`), after the strategy's own checks (rule C2).
pub(crate) fn apply_to_service(
    app: &mut App,
    service: &str,
    _launch_type: LaunchType,
    cluster: Cluster,
    strategies: &[CapacityProviderStrategy],
    resource: &mut Resource,
) -> Result<(), Error> {
    if strategies.is_empty() {
        return Ok(());
    }
    check_strategies(app, service, cluster, strategies, false)?;
    resource.properties.remove("LaunchType");
    resource.set(
        "CapacityProviderStrategy",
        render_strategies(app, strategies),
    );
    app.all_mut::<ServiceStrategies>().push(ServiceStrategies {
        service: service.to_string(),
        cluster,
        strategies: strategies.to_vec(),
    });
    Ok(())
}

/// Synth-time rule C2 of services: every provider a strategy names is on the cluster.
impl crate::construct::app::Data for ServiceStrategies {
    fn validate(app: &App, messages: &mut Vec<crate::error::Diagnostic>) {
        for s in app.all::<ServiceStrategies>() {
            // The providers of an imported cluster are unknown here, as to the CDK.
            let judge = !s.cluster.is_imported(app);
            if let Err(e) = check_strategies(app, &s.service, s.cluster, &s.strategies, judge) {
                messages.extend(e.diagnostics().iter().cloned());
            }
        }
    }
}

handle!(AsgCapacityProvider);

impl crate::construct::app::Data for AsgProviderData {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_provider_names_keep_the_cdk_character_class() {
        assert_eq!(
            unique_resource_name(&["ecs-stack", "Provider"], 252, true),
            format!("ecsstackProvider{}", path_hash("ecs-stack/Provider"))
        );
        assert_eq!(
            unique_resource_name(&["ecs_a:b", "P"], 252, true),
            format!("ecs_a:bP{}", path_hash("ecs_a:b/P"))
        );
    }
}
