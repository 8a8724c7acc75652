//! ECS-native deployment strategies (CDK `DeploymentStrategy`, `bakeTime`,
//! `linearConfiguration`, `canaryConfiguration`, `lifecycleHooks`, `AlternateTarget`): how
//! the ECS deployment controller shifts traffic to a new revision, what it runs at each stage,
//! and the alternate target group a blue/green deployment fills.
//!
//! ```
//! use ecs_core::prelude::*;
//! let p = FargateServiceProps::default()
//!     .deployment_strategy(DeploymentStrategy::Canary)
//!     .canary_configuration(TrafficShiftConfig::default().step_percent(5.0)
//!         .step_bake_time(Duration::minutes(10)));
//! # let _ = p;
//! ```

use crate::cfn::Value;
use crate::cfn::duration::Duration;
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::elbv2::{ApplicationListenerRule, Listener, TargetGroup};
use crate::error::Error;
use crate::iam::{Role, RoleProps};
use crate::lambda::Function;

/// How the ECS deployment controller replaces tasks (CDK `DeploymentStrategy`).
///
/// ```
/// assert_eq!(ecs_core::ecs::deployment_strategy::DeploymentStrategy::BlueGreen.cfn_value(), "BLUE_GREEN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeploymentStrategy {
    /// Replaces tasks a batch at a time (the default).
    Rolling,
    /// Starts the new revision beside the old, then moves all traffic at once.
    BlueGreen,
    /// Moves traffic in equal steps.
    Linear,
    /// Moves a share of traffic first, then the rest.
    Canary,
}

impl DeploymentStrategy {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Rolling", "BlueGreen", "Linear", "Canary"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "deployment_strategy", "DeploymentStrategy"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            DeploymentStrategy::Rolling => "ROLLING",
            DeploymentStrategy::BlueGreen => "BLUE_GREEN",
            DeploymentStrategy::Linear => "LINEAR",
            DeploymentStrategy::Canary => "CANARY",
        }
    }
}

/// The steps of a linear or canary deployment (CDK `TrafficShiftConfig`).
///
/// ```
/// use ecs_core::{Duration, ecs::deployment_strategy::TrafficShiftConfig};
/// let c = TrafficShiftConfig::default().step_percent(12.5).step_bake_time(Duration::minutes(2));
/// assert_eq!(c.step_percent, Some(12.5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub struct TrafficShiftConfig {
    /// The share of traffic each step moves, in percent, a multiple of 0.1 (linear: 3 to 100;
    /// canary: 0.1 to 100).
    pub step_percent: Option<f64>,
    /// How long each step waits before the next, in whole minutes up to a day.
    pub step_bake_time: Option<Duration>,
}

impl TrafficShiftConfig {
    /// Sets `step_percent`.
    pub fn step_percent(mut self, percent: impl Into<f64>) -> Self {
        self.step_percent = Some(percent.into());
        self
    }

    /// Sets `step_bake_time`.
    pub fn step_bake_time(mut self, time: impl Into<Duration>) -> Self {
        self.step_bake_time = Some(time.into());
        self
    }
}

/// What the CDK checks of a linear (`canary == false`) or canary configuration of service
/// `id` under `strategy`: each violation's message.
///
/// ```
/// use ecs_core::ecs::deployment_strategy::*;
/// let c = TrafficShiftConfig::default().step_percent(2.0);
/// assert_eq!(traffic_shift_problems("Web", Some(DeploymentStrategy::Linear), false, &c).len(), 1);
/// ```
pub fn traffic_shift_problems(
    id: &str,
    strategy: Option<DeploymentStrategy>,
    canary: bool,
    config: &TrafficShiftConfig,
) -> Vec<String> {
    let (kind, property, wanted, min) = if canary {
        (
            "canary",
            "canary_configuration",
            DeploymentStrategy::Canary,
            0.1,
        )
    } else {
        (
            "linear",
            "linear_configuration",
            DeploymentStrategy::Linear,
            3.0,
        )
    };
    let mut out = Vec::new();
    if strategy != Some(wanted) {
        out.push(format!(
            "service `{id}` has `{property}` without `deployment_strategy: {wanted:?}`: the {kind} steps apply to {kind} deployments; set the strategy or remove the configuration"
        ));
    }
    if let Some(p) = config.step_percent {
        if !p.is_finite() || p < min || p > 100.0 {
            out.push(format!(
                "service `{id}` has a {kind} `step_percent` of {p}: give {min:.1} to 100.0"
            ));
        } else if ((p * 10.0).round() - p * 10.0).abs() > 1e-9 {
            out.push(format!(
                "service `{id}` has a {kind} `step_percent` of {p}: give a multiple of 0.1"
            ));
        }
    }
    if let Some(t) = config.step_bake_time {
        out.extend(bake_time_problem(
            id,
            &format!("{kind} `step_bake_time`"),
            t,
        ));
    }
    out
}

/// A bake time must be whole minutes, up to a day.
pub(crate) fn bake_time_problem(id: &str, what: &str, t: Duration) -> Option<String> {
    let seconds = t.to_seconds();
    if !seconds.is_multiple_of(60) {
        return Some(format!(
            "service `{id}` has a {what} of {seconds} seconds: give whole minutes, e.g. `Duration::minutes(5)`"
        ));
    }
    let minutes = seconds / 60;
    (!(0..=1440).contains(&minutes)).then(|| {
        format!("service `{id}` has a {what} of {minutes} minutes: give 0 to 1440 minutes")
    })
}

impl TrafficShiftConfig {
    /// The `LinearConfiguration` or `CanaryConfiguration` value.
    pub(crate) fn render(&self, canary: bool) -> Value {
        let (percent, bake) = if canary {
            ("CanaryPercent", "CanaryBakeTimeInMinutes")
        } else {
            ("StepPercent", "StepBakeTimeInMinutes")
        };
        let mut m = Vec::new();
        if let Some(t) = self.step_bake_time {
            m.push((bake, Value::Int((t.to_seconds() / 60) as i64)));
        }
        if let Some(p) = self.step_percent {
            m.push((percent, number(p)));
        }
        Value::map(m)
    }
}

/// A number as JavaScript writes it: whole numbers without a fraction.
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Value::Int(n as i64)
    } else {
        Value::Float(n)
    }
}

/// A stage of a deployment a lifecycle hook runs at (CDK `DeploymentLifecycleStage`).
///
/// ```
/// use ecs_core::ecs::deployment_strategy::DeploymentLifecycleStage;
/// assert_eq!(DeploymentLifecycleStage::PreScaleUp.cfn_value(), "PRE_SCALE_UP");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeploymentLifecycleStage {
    /// While ECS starts the deployment.
    ReconcileService,
    /// Before the new tasks start.
    PreScaleUp,
    /// After the new tasks start.
    PostScaleUp,
    /// While test traffic moves to the new tasks.
    TestTrafficShift,
    /// After test traffic moved.
    PostTestTrafficShift,
    /// While production traffic moves to the new tasks.
    ProductionTrafficShift,
    /// After production traffic moved.
    PostProductionTrafficShift,
}

impl DeploymentLifecycleStage {
    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            DeploymentLifecycleStage::ReconcileService => "RECONCILE_SERVICE",
            DeploymentLifecycleStage::PreScaleUp => "PRE_SCALE_UP",
            DeploymentLifecycleStage::PostScaleUp => "POST_SCALE_UP",
            DeploymentLifecycleStage::TestTrafficShift => "TEST_TRAFFIC_SHIFT",
            DeploymentLifecycleStage::PostTestTrafficShift => "POST_TEST_TRAFFIC_SHIFT",
            DeploymentLifecycleStage::ProductionTrafficShift => "PRODUCTION_TRAFFIC_SHIFT",
            DeploymentLifecycleStage::PostProductionTrafficShift => "POST_PRODUCTION_TRAFFIC_SHIFT",
        }
    }
}

/// A Lambda function ECS invokes at stages of a deployment (CDK
/// `DeploymentLifecycleLambdaTarget`); without a role, the service gets `<id>Role`, which may
/// invoke the function.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::lambda::Function;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let f = Function::from_function_arn(&mut app, s, "Check",
///     "arn:aws:lambda:us-east-1:123456789012:function:check")?;
/// let hook = DeploymentLifecycleLambdaTarget::new(f, "Check")
///     .lifecycle_stages([DeploymentLifecycleStage::PreScaleUp]);
/// assert_eq!(hook.lifecycle_stages.len(), 1);
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeploymentLifecycleLambdaTarget {
    /// The function.
    pub handler: Function,
    /// The id of the role created for it (`<id>Role`).
    pub id: String,
    /// The role ECS invokes the function with.
    pub role: Option<Role>,
    /// The stages the function runs at.
    pub lifecycle_stages: Vec<DeploymentLifecycleStage>,
}

impl DeploymentLifecycleLambdaTarget {
    /// A hook invoking `handler`; `id` names the role created for it.
    pub fn new(handler: Function, id: impl Into<String>) -> Self {
        DeploymentLifecycleLambdaTarget {
            handler,
            id: id.into(),
            role: None,
            lifecycle_stages: Vec::new(),
        }
    }

    /// Sets `role`.
    pub fn role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }

    /// Sets `lifecycle_stages`.
    pub fn lifecycle_stages(
        mut self,
        stages: impl IntoIterator<Item = DeploymentLifecycleStage>,
    ) -> Self {
        self.lifecycle_stages.extend(stages);
        self
    }

    /// Binds the hook to the service construct `scope`: its `LifecycleHooks` entry. As in the
    /// CDK, which binds hooks while writing the template, the role made here is not one the
    /// service's other resources wait for.
    pub(crate) fn bind(&self, app: &mut App, scope: NodeId) -> Result<Value, Error> {
        let role = match self.role {
            Some(role) => role,
            None => {
                let role = Role::new(
                    app,
                    scope,
                    &format!("{}Role", self.id),
                    RoleProps::default().assumed_by("ecs.amazonaws.com"),
                )?;
                app.stack_mut(scope.stack())
                    .detach_dependencies(role.node());
                self.handler.grant_invoke(app, role)?;
                role
            }
        };
        Ok(Value::map([
            ("HookTargetArn", self.handler.function_arn(app)),
            (
                "LifecycleStages",
                Value::List(
                    self.lifecycle_stages
                        .iter()
                        .map(|s| Value::from(s.cfn_value()))
                        .collect(),
                ),
            ),
            ("RoleArn", role.arn(app)),
        ]))
    }
}

/// The listener or listener rule a blue/green deployment moves traffic on (CDK
/// `ListenerRuleConfiguration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListenerRuleConfiguration {
    /// A rule of an application listener.
    ApplicationListenerRule(ApplicationListenerRule),
    /// A network listener.
    NetworkListener(Listener),
}

impl ListenerRuleConfiguration {
    /// A rule of an application listener (CDK `applicationListenerRule`).
    pub fn application_listener_rule(rule: ApplicationListenerRule) -> Self {
        ListenerRuleConfiguration::ApplicationListenerRule(rule)
    }

    /// A network listener (CDK `networkListener`).
    pub fn network_listener(listener: Listener) -> Self {
        ListenerRuleConfiguration::NetworkListener(listener)
    }

    fn arn(self, app: &App) -> Value {
        match self {
            ListenerRuleConfiguration::ApplicationListenerRule(r) => r.listener_rule_arn(app),
            ListenerRuleConfiguration::NetworkListener(l) => l.listener_arn(app),
        }
    }
}

/// The second target group of a blue/green deployment and the listeners that reach it (CDK
/// `AlternateTarget`); without a role, the service gets `<id>Role` with
/// `AmazonECSInfrastructureRolePolicyForLoadBalancers`.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::elbv2::*;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let vpc = Vpc::new(&mut app, s, "Vpc", Default::default())?;
/// let lb = ApplicationLoadBalancer::new(&mut app, s, "Lb", LoadBalancerProps::default().vpc(vpc))?;
/// let http = lb.add_listener(&mut app, "Http", ListenerProps::default().port(80)
///     .default_action(ListenerAction::fixed_response(404)))?;
/// let blue = TargetGroup::new_application(&mut app, s, "Blue", vpc, AddTargetsProps::default().port(80))?;
/// let green = TargetGroup::new_application(&mut app, s, "Green", vpc, AddTargetsProps::default().port(80))?;
/// let rule = ApplicationListenerRule::new(&mut app, s, "Production", ApplicationListenerRuleProps::default()
///     .listener(http).priority(1).conditions([ListenerCondition::path_patterns(["/*"])])
///     .target_groups([blue]))?;
/// let alternate = AlternateTarget::new("Alternate", green,
///     ListenerRuleConfiguration::application_listener_rule(rule));
/// # let _ = alternate;
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AlternateTarget {
    /// The id of the role created for it (`<id>Role`).
    pub id: String,
    /// The target group the new revision's tasks join.
    pub alternate_target_group: TargetGroup,
    /// Where production traffic arrives.
    pub production_listener: ListenerRuleConfiguration,
    /// Where test traffic arrives.
    pub test_listener: Option<ListenerRuleConfiguration>,
    /// The role ECS moves traffic with.
    pub role: Option<Role>,
}

impl AlternateTarget {
    /// An alternate target `id` of `alternate_target_group`, reached on
    /// `production_listener`.
    pub fn new(
        id: impl Into<String>,
        alternate_target_group: TargetGroup,
        production_listener: ListenerRuleConfiguration,
    ) -> Self {
        AlternateTarget {
            id: id.into(),
            alternate_target_group,
            production_listener,
            test_listener: None,
            role: None,
        }
    }

    /// Sets `test_listener`.
    pub fn test_listener(mut self, listener: ListenerRuleConfiguration) -> Self {
        self.test_listener = Some(listener);
        self
    }

    /// Sets `role`.
    pub fn role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }

    /// Binds the target to the service construct `scope`: its `AdvancedConfiguration`.
    pub(crate) fn bind(&self, app: &mut App, scope: NodeId) -> Result<Value, Error> {
        let role = match self.role {
            Some(role) => role,
            None => Role::new(
                app,
                scope,
                &format!("{}Role", self.id),
                RoleProps::default()
                    .assumed_by("ecs.amazonaws.com")
                    .managed_policies([Role::aws_managed_policy(
                        "AmazonECSInfrastructureRolePolicyForLoadBalancers",
                    )]),
            )?,
        };
        let mut m = vec![
            (
                "AlternateTargetGroupArn",
                self.alternate_target_group.target_group_arn(app),
            ),
            ("ProductionListenerRule", self.production_listener.arn(app)),
            ("RoleArn", role.arn(app)),
        ];
        if let Some(test) = self.test_listener {
            m.push(("TestListenerRule", test.arn(app)));
        }
        Ok(Value::map(m))
    }
}
