//! Application Auto Scaling (CDK `aws-applicationautoscaling`): scalable targets, their
//! target-tracking policies and scheduled actions. A service's scalable task count is
//! [`ecs::scaling`](crate::ecs::scaling).

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::schedule::Schedule;

/// Properties shared by the target-tracking policies (CDK `BaseTargetTrackingProps`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetTracking {
    /// How long after a scale-in before another.
    pub scale_in_cooldown: Option<Duration>,
    /// How long after a scale-out before another.
    pub scale_out_cooldown: Option<Duration>,
    /// Never scale in.
    pub disable_scale_in: Option<bool>,
    /// `PolicyName`; default the policy's unique id.
    pub policy_name: Option<String>,
}

/// A scalable target (CDK `ScalableTarget`): the resource whose capacity policies and
/// scheduled actions change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScalableTarget {
    /// The construct scope (`…/Target`), under which policies are created.
    scope: NodeId,
    /// The `AWS::ApplicationAutoScaling::ScalableTarget` resource.
    resource: NodeId,
}

impl ScalableTarget {
    /// Creates scalable target `id` under `scope` (CDK `new ScalableTarget`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ScalableTargetProps,
    ) -> Result<ScalableTarget, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let resource = stack.add_resource(
            node,
            "Resource",
            Resource::new("AWS::ApplicationAutoScaling::ScalableTarget")
                .prop("MaxCapacity", props.max_capacity)
                .prop("MinCapacity", props.min_capacity)
                .prop("ResourceId", props.resource_id)
                .prop("RoleARN", props.role)
                .prop("ScalableDimension", props.scalable_dimension)
                .prop("ServiceNamespace", props.service_namespace),
        )?;
        Ok(ScalableTarget {
            scope: node,
            resource,
        })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.scope
    }

    /// A target-tracking policy `id` under the scalable target that keeps `metric` (a
    /// `PredefinedMetricSpecification`) near `target_value` (CDK `scaleToTrackMetric`).
    ///
    /// # Errors
    ///
    /// When a cooldown is negative or `id` is taken.
    pub fn track(
        self,
        app: &mut App,
        id: &str,
        metric: Value,
        target_value: Value,
        tracking: TargetTracking,
    ) -> Result<NodeId, Error> {
        self.track_spec(
            app,
            id,
            ("PredefinedMetricSpecification", metric),
            target_value,
            tracking,
        )
    }

    /// A target-tracking policy on a metric of one's own (CDK `customMetric`): its namespace,
    /// name, dimensions and statistic (`CustomizedMetricSpecification`).
    ///
    /// # Errors
    ///
    /// As [`ScalableTarget::track`], and for a percentile statistic, which target tracking
    /// does not take.
    pub fn track_custom(
        self,
        app: &mut App,
        id: &str,
        metric: &crate::cloudwatch::Metric,
        target_value: Value,
        tracking: TargetTracking,
    ) -> Result<NodeId, Error> {
        if metric.statistic.starts_with('p') {
            return Err(Error::new(format!(
                "scaling policy `{id}` tracks statistic `{}`: target tracking takes `Average`, `Minimum`, `Maximum`, `SampleCount` or `Sum`",
                metric.statistic
            )));
        }
        let mut spec = Vec::new();
        if !metric.dimensions.is_empty() {
            spec.push((
                "Dimensions",
                Value::List(
                    metric
                        .dimensions
                        .iter()
                        .map(|(name, value)| {
                            Value::map([
                                ("Name", Value::from(name.clone())),
                                ("Value", value.clone()),
                            ])
                        })
                        .collect(),
                ),
            ));
        }
        spec.push(("MetricName", Value::from(metric.metric_name.clone())));
        spec.push(("Namespace", Value::from(metric.namespace.clone())));
        spec.push(("Statistic", Value::from(metric.statistic.clone())));
        self.track_spec(
            app,
            id,
            ("CustomizedMetricSpecification", Value::map(spec)),
            target_value,
            tracking,
        )
    }

    fn track_spec(
        self,
        app: &mut App,
        id: &str,
        (key, metric): (&'static str, Value),
        target_value: Value,
        tracking: TargetTracking,
    ) -> Result<NodeId, Error> {
        for (property, d) in [
            ("scale_in_cooldown", tracking.scale_in_cooldown),
            ("scale_out_cooldown", tracking.scale_out_cooldown),
        ] {
            if let Some(d) = d {
                d.checked(&format!("scaling policy `{id}`"), property)?;
            }
        }
        let stack = app.stack_mut(self.resource.stack());
        let scope = stack.add_node(self.scope, id)?;
        let name = tracking
            .policy_name
            .unwrap_or_else(|| stack.unique_id(scope));
        let mut config = vec![(key, metric), ("TargetValue", target_value)];
        if let Some(d) = tracking.scale_in_cooldown {
            config.push(("ScaleInCooldown", Value::from(d)));
        }
        if let Some(d) = tracking.scale_out_cooldown {
            config.push(("ScaleOutCooldown", Value::from(d)));
        }
        if let Some(disable) = tracking.disable_scale_in {
            config.push(("DisableScaleIn", Value::from(disable)));
        }
        stack.add_resource(
            scope,
            "Resource",
            Resource::new("AWS::ApplicationAutoScaling::ScalingPolicy")
                .prop("PolicyName", name)
                .prop("PolicyType", "TargetTrackingScaling")
                .prop("ScalingTargetId", Value::Ref(self.resource))
                .prop(
                    "TargetTrackingScalingPolicyConfiguration",
                    Value::map(config),
                ),
        )
    }

    /// Changes the capacity bounds on a schedule (CDK `scaleOnSchedule`): a scheduled action
    /// of the scalable target.
    ///
    /// # Errors
    ///
    /// When `action` has no `schedule`, or the target already has an action named `id`.
    pub fn scale_on_schedule(
        self,
        app: &mut App,
        id: &str,
        action: ScalingSchedule,
    ) -> Result<(), Error> {
        let Some(schedule) = action.schedule else {
            return Err(Error::new(format!(
                "scheduled scaling `{id}` needs `schedule`: add one, e.g. `schedule: \"cron(0 8 * * ? *)\"`"
            )));
        };
        let mut target_action = Vec::new();
        if let Some(max) = action.max_capacity {
            target_action.push(("MaxCapacity", Value::from(max)));
        }
        if let Some(min) = action.min_capacity {
            target_action.push(("MinCapacity", Value::from(min)));
        }
        let mut entry = vec![
            ("ScalableTargetAction", Value::map(target_action)),
            (
                "Schedule",
                Value::from(schedule.expression_string().to_string()),
            ),
            ("ScheduledActionName", Value::from(id.to_string())),
        ];
        if let Some(t) = action.start_time {
            entry.push(("StartTime", Value::from(t)));
        }
        if let Some(t) = action.end_time {
            entry.push(("EndTime", Value::from(t)));
        }
        if let Some(tz) = action.time_zone {
            entry.push(("Timezone", Value::from(tz)));
        }
        let resource = app
            .stack_mut(self.resource.stack())
            .resource_mut(self.resource);
        match resource
            .properties
            .get_or_insert_with("ScheduledActions", || Value::List(Vec::new()))
        {
            Value::List(actions) => {
                if actions.iter().any(|a| matches!(a, Value::Map(m) if matches!(m.get("ScheduledActionName"), Some(Value::Str(s)) if &**s == id))) {
                    return Err(Error::of(crate::error::ErrorKind::DuplicateId, crate::construct::duplicate_id_message(id, "the scheduled actions of this service")));
                }
                actions.push(Value::map(entry));
            }
            _ => unreachable!("ScheduledActions is always a list"),
        }
        Ok(())
    }
}

/// What a [`ScalableTarget`] scales (CDK `ScalableTargetProps`).
#[derive(Debug, Clone, PartialEq)]
pub struct ScalableTargetProps {
    /// The fewest.
    pub min_capacity: u32,
    /// The most.
    pub max_capacity: u32,
    /// `ResourceId`, e.g. `service/<cluster>/<service>`.
    pub resource_id: Value,
    /// The role Application Auto Scaling uses.
    pub role: Value,
    /// `ScalableDimension`, e.g. `ecs:service:DesiredCount`.
    pub scalable_dimension: String,
    /// `ServiceNamespace`, e.g. `ecs`.
    pub service_namespace: String,
}

props! {
    /// Options of [`ScalableTarget::scale_on_schedule`] (CDK `ScalingSchedule`).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ScalingSchedule {
        /// When (required).
        [opt "schedule", .ty(Schedule), .required()]
        schedule: Schedule,
        /// The new minimum.
        [opt "minCapacity"]
        min_capacity: u32,
        /// The new maximum.
        [opt "maxCapacity"]
        max_capacity: u32,
        /// `StartTime`, e.g. `2026-12-01T00:00:00Z`.
        [into "startTime"]
        start_time: String,
        /// `EndTime`.
        [into "endTime"]
        end_time: String,
        /// `Timezone`, e.g. `Europe/Paris`.
        [into "timeZone"]
        time_zone: String,
    }
}

// ---- step scaling ----

/// How a step changes the capacity (CDK `AdjustmentType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdjustmentType {
    /// Add or remove this many.
    ChangeInCapacity,
    /// Add or remove this percentage.
    PercentChangeInCapacity,
    /// Set the capacity to this.
    ExactCapacity,
}

impl AdjustmentType {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &[
        "ChangeInCapacity",
        "PercentChangeInCapacity",
        "ExactCapacity",
    ];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["applicationautoscaling", "AdjustmentType"],
        variants: Self::VARIANT_NAMES,
    };

    const fn cfn_value(self) -> &'static str {
        match self {
            AdjustmentType::ChangeInCapacity => "ChangeInCapacity",
            AdjustmentType::PercentChangeInCapacity => "PercentChangeInCapacity",
            AdjustmentType::ExactCapacity => "ExactCapacity",
        }
    }
}

props! {
    /// One step of a step-scaling policy (CDK `ScalingInterval`): between `lower` and `upper`
    /// of the metric, change the capacity by `change`.
    ///
    /// ```
    /// let step = ecs_core::applicationautoscaling::ScalingInterval::default().lower(100.0).change(1.0);
    /// assert_eq!(step.change, Some(1.0));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ScalingInterval {
        /// The metric value the step starts at; default the previous step's `upper`.
        [into "lower"]
        lower: f64,
        /// The metric value it ends at; default the next step's `lower`.
        [into "upper"]
        upper: f64,
        /// The change of capacity (required), e.g. `-1` or `5`.
        [into "change", .required()]
        change: f64,
    }
}

props! {
    /// Options of a step-scaling policy on a metric (CDK `BasicStepScalingPolicyProps`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct StepScalingProps {
        /// The metric the steps are about (required).
        [opt "metric", .required()]
        metric: crate::cloudwatch::Metric,
        /// The steps, at least 2 (required): `[{ upper: 0, change: -1 }, { lower: 100, change: 1 }]`.
        [list "scalingSteps", .ty(Objects(KindId::ScalingInterval)), .required()]
        scaling_steps: ScalingInterval,
        /// How a step's `change` applies.
        [opt "adjustmentType", .ty(Enum(&AdjustmentType::DEF)), .default("`ChangeInCapacity`")]
        adjustment_type: AdjustmentType,
        /// How long after a scaling activity before another.
        [into "cooldown"]
        cooldown: Duration,
        /// With `PercentChangeInCapacity`: the fewest tasks a step adds or removes.
        [opt "minAdjustmentMagnitude"]
        min_adjustment_magnitude: u32,
        /// How many periods the alarms compare; default 1.
        [opt "evaluationPeriods", .default("1")]
        evaluation_periods: u32,
        /// How many of them must breach; default all.
        [opt "datapointsToAlarm"]
        datapoints_to_alarm: u32,
    }
}

/// A step with both bounds known, or a gap (`change: None`).
#[derive(Debug, Clone, Copy)]
struct Step {
    lower: f64,
    upper: f64,
    change: Option<f64>,
}

/// The CDK's `normalizeIntervals`: steps ordered, bounds propagated to neighbours, gaps made
/// explicit (and zero changes, unless absolute), at most one gap.
fn normalize(id: &str, steps: &[ScalingInterval], absolute: bool) -> Result<Vec<Step>, Error> {
    if steps.len() < 2 {
        return Err(Error::new(format!(
            "step scaling `{id}` needs at least 2 `scaling_steps`: add a step for the other direction"
        )));
    }
    let mut raw: Vec<(Option<f64>, Option<f64>, f64)> = Vec::new();
    for s in steps {
        let Some(change) = s.change else {
            return Err(Error::new(format!(
                "a step of step scaling `{id}` needs `change`: add e.g. `change: 1`"
            )));
        };
        if s.lower.is_none() && s.upper.is_none() {
            return Err(Error::new(format!(
                "a step of step scaling `{id}` needs `lower` or `upper`: add one"
            )));
        }
        raw.push((s.lower, s.upper, change));
    }
    raw.sort_by(|a, b| {
        let (ka, kb) = (a.0.or(a.1).unwrap_or(0.0), b.0.or(b.1).unwrap_or(0.0));
        ka.total_cmp(&kb)
    });
    loop {
        let mut changed = false;
        for i in 0..raw.len() - 1 {
            if let (Some(upper), None) = (raw[i].1, raw[i + 1].0) {
                raw[i + 1].0 = Some(upper);
                changed = true;
            }
        }
        for i in (1..raw.len()).rev() {
            if let (Some(lower), None) = (raw[i].0, raw[i - 1].1) {
                raw[i - 1].1 = Some(lower);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let last = raw.len() - 1;
    raw[0].0.get_or_insert(0.0);
    raw[last].1.get_or_insert(f64::INFINITY);
    let mut out: Vec<Step> = raw
        .iter()
        .map(|(l, u, c)| Step {
            lower: l.unwrap_or(0.0),
            upper: u.unwrap_or(f64::INFINITY),
            change: Some(*c),
        })
        .collect();
    for w in out.windows(2) {
        if w[0].lower < w[1].upper && w[0].upper > w[1].lower {
            return Err(Error::new(format!(
                "steps of step scaling `{id}` overlap: [{}, {}) and [{}, {}); make each start where the last ends",
                w[0].lower, w[0].upper, w[1].lower, w[1].upper
            )));
        }
    }
    if out[0].lower != 0.0 {
        out.insert(
            0,
            Step {
                lower: 0.0,
                upper: out[0].lower,
                change: None,
            },
        );
    }
    if out[out.len() - 1].upper != f64::INFINITY {
        let lower = out[out.len() - 1].upper;
        out.push(Step {
            lower,
            upper: f64::INFINITY,
            change: None,
        });
    }
    let mut i = 1;
    while i < out.len() {
        if out[i - 1].upper < out[i].lower {
            let gap = Step {
                lower: out[i - 1].upper,
                upper: out[i].lower,
                change: None,
            };
            out.insert(i, gap);
        } else {
            i += 1;
        }
    }
    if !absolute {
        for s in &mut out {
            if s.change == Some(0.0) {
                s.change = None;
            }
        }
    }
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i].change.is_none() && out[i + 1].change.is_none() {
            out[i].upper = out[i + 1].upper;
            out.remove(i + 1);
        } else {
            i += 1;
        }
    }
    if out.iter().filter(|s| s.change.is_none()).count() > 1 {
        return Err(Error::new(format!(
            "step scaling `{id}` has more than one range with no change: make its steps adjacent"
        )));
    }
    Ok(out)
}

impl ScalableTarget {
    /// Scales on `props.metric` in steps (CDK `scaleOnMetric`): a lower and an upper
    /// step-scaling policy, each with the CloudWatch alarm that triggers it, around the range
    /// with no change.
    ///
    /// # Errors
    ///
    /// When a required value is missing, the steps overlap or leave more than one range with
    /// no change, or `id` is taken.
    pub fn scale_on_metric(
        self,
        app: &mut App,
        id: &str,
        props: StepScalingProps,
    ) -> Result<(), Error> {
        use crate::cloudwatch::{Alarm, AlarmProps, ComparisonOperator};
        let Some(metric) = props.metric else {
            return Err(Error::new(format!(
                "step scaling `{id}` needs `metric`: add e.g. `metric: Queue.metric_approximate_number_of_messages_visible()`"
            )));
        };
        if let Some(d) = props.cooldown {
            d.checked(&format!("step scaling `{id}`"), "cooldown")?;
        }
        let adjustment = props
            .adjustment_type
            .unwrap_or(AdjustmentType::ChangeInCapacity);
        let steps = normalize(
            id,
            &props.scaling_steps,
            adjustment == AdjustmentType::ExactCapacity,
        )?;
        let gap = steps.iter().position(|s| s.change.is_none());
        let (lower, upper) = match gap {
            Some(g) => (g.checked_sub(1), (g + 1 < steps.len()).then_some(g + 1)),
            None if steps.len() == 1 => (None, Some(0)),
            None => {
                let middle = steps.len() / 2;
                (Some(middle - 1), Some(middle))
            }
        };
        let aggregation = match metric.statistic.as_str() {
            "Minimum" => "Minimum",
            "Maximum" => "Maximum",
            _ => "Average",
        };
        let stack = app.stack_mut(self.scope.stack());
        let scope = stack.add_node(self.scope, id)?;
        let add = |app: &mut App,
                   name: &str,
                   threshold: f64,
                   adjustments: Vec<Value>,
                   operator: ComparisonOperator,
                   description: &str|
         -> Result<(), Error> {
            let st = app.stack_mut(scope.stack());
            let policy_scope = st.add_node(scope, &format!("{name}Policy"))?;
            let mut config = vec![("AdjustmentType", Value::from(adjustment.cfn_value()))];
            if let Some(c) = props.cooldown {
                config.push((
                    "Cooldown",
                    Value::from(u32::try_from(c.to_seconds()).unwrap_or(u32::MAX)),
                ));
            }
            config.push(("MetricAggregationType", Value::from(aggregation)));
            if let Some(m) = props.min_adjustment_magnitude {
                config.push(("MinAdjustmentMagnitude", Value::from(m)));
            }
            config.push(("StepAdjustments", Value::List(adjustments)));
            let policy_name = st.unique_id(policy_scope);
            let policy = st.add_resource(
                policy_scope,
                "Resource",
                Resource::new("AWS::ApplicationAutoScaling::ScalingPolicy")
                    .prop("PolicyName", policy_name)
                    .prop("PolicyType", "StepScaling")
                    .prop("ScalingTargetId", Value::Ref(self.resource))
                    .prop("StepScalingPolicyConfiguration", Value::map(config)),
            )?;
            let mut alarm_props = AlarmProps::default()
                .metric(metric.clone())
                .alarm_description(description)
                .comparison_operator(operator)
                .evaluation_periods(props.evaluation_periods.unwrap_or(1))
                .threshold(threshold);
            if let Some(d) = props.datapoints_to_alarm {
                alarm_props = alarm_props.datapoints_to_alarm(d);
            }
            let alarm = Alarm::new(app, scope, &format!("{name}Alarm"), alarm_props)?;
            alarm.add_alarm_action(app, Value::Ref(policy))
        };
        let tier = |change: f64, lower: Option<f64>, upper: Option<f64>| {
            let mut entry = Vec::new();
            if let Some(l) = lower {
                entry.push(("MetricIntervalLowerBound", crate::cfn::number(l)));
            }
            if let Some(u) = upper {
                entry.push(("MetricIntervalUpperBound", crate::cfn::number(u)));
            }
            entry.push(("ScalingAdjustment", crate::cfn::number(change)));
            Value::map(entry)
        };
        if let Some(index) = lower {
            let threshold = steps[index].upper;
            let adjustments = (0..=index)
                .rev()
                .map(|i| {
                    let s = steps[i];
                    tier(
                        s.change.unwrap_or(0.0),
                        (i != 0).then_some(s.lower - threshold),
                        Some(s.upper - threshold),
                    )
                })
                .collect();
            add(
                app,
                "Lower",
                threshold,
                adjustments,
                ComparisonOperator::LessThanOrEqualToThreshold,
                "Lower threshold scaling alarm",
            )?;
        }
        if let Some(index) = upper {
            let threshold = steps[index].lower;
            let last = steps.len() - 1;
            let adjustments = (index..=last)
                .map(|i| {
                    let s = steps[i];
                    tier(
                        s.change.unwrap_or(0.0),
                        Some(s.lower - threshold),
                        (i != last).then_some(s.upper - threshold),
                    )
                })
                .collect();
            add(
                app,
                "Upper",
                threshold,
                adjustments,
                ComparisonOperator::GreaterThanOrEqualToThreshold,
                "Upper threshold scaling alarm",
            )?;
        }
        Ok(())
    }
}
