//! EventBridge (CloudWatch Events) rules (CDK `aws-events`): what fires them (a schedule or an
//! event pattern) and the targets they invoke. The ECS task target is
//! [`events_targets::EcsTask`](crate::events_targets::EcsTask).
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::events::{Rule, RuleProps};
//! use ecs_core::schedule::Schedule;
//! let mut app = App::new();
//! let s = app.add_stack("Jobs")?;
//! let rule = Rule::new(&mut app, s, "Nightly",
//!     RuleProps::default().schedule(Schedule::expression("cron(0 2 * * ? *)")?))?;
//! # let _ = rule;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::schedule::{Schedule, starts_with};

props! {
    /// Properties of a [`Rule`] (CDK `RuleProps`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct RuleProps {
        /// When the rule fires; one of `schedule` and `event_pattern` is required.
        [opt "schedule", .ty(Schedule)]
        schedule: Schedule,
        /// Which events the rule matches, as the JSON of an EventBridge pattern.
        [opt "eventPattern"]
        event_pattern: serde_json::Value,
        /// `Description`.
        [into "description"]
        description: String,
        /// `Name`; CloudFormation generates one when absent.
        [into "ruleName"]
        rule_name: String,
        /// `State`: `ENABLED` unless `false`.
        [opt "enabled", .default("true")]
        enabled: bool,
        /// The ECS tasks the rule starts each time it fires.
        [none "targets", .ty(Objects(KindId::EcsTaskTarget)), .set(Set::Call("add_target"))]
        targets: (),
    }
}

/// An events rule construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    node: NodeId,
    resource: NodeId,
}

impl Rule {
    /// Creates a rule with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: RuleProps,
    ) -> Result<Rule, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        if props.schedule.is_none() && props.event_pattern.is_none() {
            return Err(Error::new(rule_trigger_message(id)));
        }
        if let Some(schedule) = &props.schedule {
            let expression = schedule.expression_string();
            if !events_rule_schedule(expression) {
                return Err(Error::new(events_rule_schedule_message(id, expression)));
            }
        }
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        let state = if props.enabled == Some(false) {
            "DISABLED"
        } else {
            "ENABLED"
        };
        let resource = Resource::new("AWS::Events::Rule")
            .prop_opt("Description", props.description)
            .prop_opt("EventPattern", props.event_pattern.as_ref().map(json_value))
            .prop_opt("Name", props.rule_name)
            .prop_opt(
                "ScheduleExpression",
                props.schedule.map(|s| s.expression_string().to_string()),
            )
            .prop("State", state);
        let resource = st.add_resource(node, "Resource", resource)?;
        Ok(Rule { node, resource })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// Adds a target the rule invokes each time it fires (CDK `rule.addTarget`), e.g. an
    /// ECS task ([`EcsTask`](crate::events_targets::EcsTask)).
    ///
    /// # Errors
    ///
    /// When the rule or the target is of another app, or the target refuses its settings.
    pub fn add_target(self, app: &mut App, target: impl RuleTarget) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let config = target.bind(app, self)?;
        let resource = app.stack_mut(self.node.stack()).resource_mut(self.resource);
        let targets = match resource
            .properties
            .get_or_insert_with("Targets", || Value::List(Vec::new()))
        {
            Value::List(t) => t,
            _ => unreachable!("Targets is always a list"),
        };
        let mut target = vec![("Arn", config.arn)];
        if let Some(p) = config.ecs_parameters {
            target.push(("EcsParameters", p));
        }
        target.push(("Id", Value::from(format!("Target{}", targets.len()))));
        if let Some(input) = config.input {
            target.push(("Input", input));
        }
        if let Some(role) = config.role_arn {
            target.push(("RoleArn", role));
        }
        targets.push(Value::map(target));
        Ok(())
    }
}

/// What a rule invokes (CDK `IRuleTarget`): given the rule, it creates what it needs (roles,
/// security groups) and says how the rule reaches it.
pub trait RuleTarget {
    /// Creates what the target needs for `rule` and returns its entry of the rule's
    /// `Targets` (CDK `bind`).
    ///
    /// # Errors
    ///
    /// When the target's settings are refused.
    fn bind(&self, app: &mut App, rule: Rule) -> Result<RuleTargetConfig, Error>;
}

/// How a rule reaches a target (CDK `RuleTargetConfig`), as its `Targets` entry holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleTargetConfig {
    /// `Arn`: the target (for an ECS task, the cluster).
    pub arn: Value,
    /// `RoleArn`: the role EventBridge assumes to invoke the target.
    pub role_arn: Option<Value>,
    /// `Input`: the JSON text sent instead of the event.
    pub input: Option<Value>,
    /// `EcsParameters` of an ECS task target.
    pub ecs_parameters: Option<Value>,
}

/// An arbitrary JSON value (an event pattern) as a template value.
fn json_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .unwrap_or_else(|| Value::Float(n.as_f64().unwrap_or(0.0))),
        serde_json::Value::String(s) => Value::from(s.clone()),
        serde_json::Value::Array(a) => Value::List(a.iter().map(json_value).collect()),
        serde_json::Value::Object(o) => {
            Value::map(o.iter().map(|(k, v)| (k.clone(), json_value(v))))
        }
    }
}

handle!(Rule);

/// An events rule fires on a schedule or on matching events: CloudFormation refuses a rule with
/// neither (`ScheduleExpression` or `EventPattern` is required).
///
/// ```
/// assert!(ecs_core::rules::rule_trigger_message("Nightly").contains("`schedule`"));
/// ```
pub fn rule_trigger_message(rule: &str) -> String {
    format!(
        "rule `{rule}` needs `schedule` or `event_pattern`: add one, e.g. `schedule: \"rate(1 hour)\"`"
    )
}

/// Rule G5 (events rules): EventBridge rules fire on `rate(…)` and `cron(…)` only; `at(…)` is a
/// one-time schedule of Application Auto Scaling (and of EventBridge Scheduler), which a rule's
/// `ScheduleExpression` refuses at deployment (AWS "Schedule expressions for rules").
///
/// ```
/// assert!(ecs_core::rules::events_rule_schedule("cron(0 8 1 12 ? 2026)"));
/// assert!(ecs_core::rules::events_rule_schedule("rate(1 hour)"));
/// assert!(!ecs_core::rules::events_rule_schedule("at(2026-12-01T08:00:00)"));
/// ```
pub const fn events_rule_schedule(expression: &str) -> bool {
    !starts_with(expression.as_bytes(), b"at(")
}

/// The message of [`events_rule_schedule`]: the fix is the cron expression firing at the same
/// minute (a cron with a year fires once), when the `at(…)` time is readable.
///
/// ```
/// assert_eq!(
///     ecs_core::rules::events_rule_schedule_message("Once", "at(2026-12-01T08:30:00)"),
///     "rule `Once` cannot use schedule `at(2026-12-01T08:30:00)`: events rules take only `rate(…)` and `cron(…)`; to fire once, use `cron(30 8 1 12 ? 2026)`",
/// );
/// ```
pub fn events_rule_schedule_message(rule: &str, expression: &str) -> String {
    let fix = match at_as_cron(expression) {
        Some(cron) => format!("to fire once, use `{cron}`"),
        None => {
            "to fire once, use a `cron(…)` with its year, e.g. `cron(0 8 1 12 ? 2026)`".to_string()
        }
    };
    format!(
        "rule `{rule}` cannot use schedule `{expression}`: events rules take only `rate(…)` and `cron(…)`; {fix}"
    )
}

/// `at(yyyy-mm-ddThh:mm:ss)` as the cron expression firing at that minute.
fn at_as_cron(expression: &str) -> Option<String> {
    let time = expression.strip_prefix("at(")?.strip_suffix(')')?;
    let (date, clock) = time.split_once('T')?;
    let number = |s: &str| -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let mut date = date.split('-').map(number);
    let (year, month, day) = (date.next()??, date.next()??, date.next()??);
    let mut clock = clock.split(':').map(number);
    let (hour, minute) = (clock.next()??, clock.next()??);
    Some(format!("cron({minute} {hour} {day} {month} ? {year})"))
}
