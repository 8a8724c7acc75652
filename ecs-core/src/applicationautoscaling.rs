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
        let mut config = vec![
            ("PredefinedMetricSpecification", metric),
            ("TargetValue", target_value),
        ];
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

/// A number as JSON writes it: integral values without a fraction, as JavaScript prints them.
pub(crate) fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::Int(v as i64)
    } else {
        Value::Float(v)
    }
}
