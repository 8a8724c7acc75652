//! Task auto-scaling: a service's scalable task count with target-tracking policies and
//! scheduled actions (CDK `ScalableTaskCount`, `aws-applicationautoscaling`).
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::applicationautoscaling::{CpuUtilizationScalingProps, EnableScalingProps};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
//! let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
//!     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512)).unwrap();
//! td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
//!     .image(ContainerImage::from_registry("nginx"))).unwrap();
//! let service = FargateService::new(&mut app, s, "Service",
//!     FargateServiceProps::default().cluster(cluster).task_definition(td)).unwrap();
//! let count = service.auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(10)).unwrap();
//! count.scale_on_cpu_utilization(&mut app, "CpuScaling",
//!     CpuUtilizationScalingProps::default().target_utilization_percent(50)).unwrap();
//! assert!(service.auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(2)).is_err());
//! ```

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::app::App;
use crate::construct::NodeId;
use crate::ecs::facts::{refused, CountedGroup, Fact, ScalingPolicyFacts, TaskScalingFacts};
use crate::ecs::rules;
use crate::ecs::service::Service;
use crate::elbv2::TargetGroup;
use crate::error::Error;
use crate::schedule::Schedule;

props! {
    /// Options of [`Service::auto_scale_task_count`] (CDK `EnableScalingProps`).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct EnableScalingProps {
        /// The fewest tasks the service scales in to (rule A1).
        [opt "minCapacity", .default("1")]
        min_capacity: u32,
        /// The most tasks the service scales out to (rule A1).
        [opt "maxCapacity", .required()]
        max_capacity: u32,
    }
}

/// The scalable task count of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScalableTaskCount {
    service: Service,
    target_scope: NodeId,
    target: NodeId,
}

impl Service {
    /// Makes the service's desired count scalable between `min_capacity` and `max_capacity`
    /// (CDK `autoScaleTaskCount`), once per service.
    pub fn auto_scale_task_count(
        self,
        app: &mut App,
        props: EnableScalingProps,
    ) -> Result<ScalableTaskCount, Error> {
        app.check_stack(self.node().stack)?;
        let data = self.data(app);
        let id = data.id.clone();
        let mut facts = TaskScalingFacts::new(&id, (), data.launch_type);
        facts.min_capacity = Fact::given(props.min_capacity, ());
        facts.max_capacity = Fact::given(props.max_capacity, ());
        refused(facts.violations())?;
        let Some(max) = props.max_capacity else {
            return Err(Error::new(format!(
                "auto scaling of service `{id}` needs `max_capacity`: add one, e.g. `max_capacity: 10`"
            )));
        };
        let min = facts.min_capacity().expect("the builders know the minimum");
        let cluster_name = data.cluster.cluster_name(app);
        let service_name = self.service_name(app);
        let stack = app.stack_mut(self.node().stack());
        if stack.child(self.node(), "TaskCount").is_some() {
            return Err(Error::new(rules::duplicate_task_scaling_message(&id)));
        }
        let count = stack.add_node(self.node(), "TaskCount")?;
        let target_scope = stack.add_node(count, "Target")?;
        let role = Value::arn(
            "iam",
            false,
            true,
            vec!["role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService".into()],
        );
        let target = stack.add_resource(
            target_scope,
            "Resource",
            Resource::new("AWS::ApplicationAutoScaling::ScalableTarget")
                .prop("MaxCapacity", max)
                .prop("MinCapacity", min)
                .prop(
                    "ResourceId",
                    Value::join(
                        "",
                        vec!["service/".into(), cluster_name, "/".into(), service_name],
                    ),
                )
                .prop("RoleARN", role)
                .prop("ScalableDimension", "ecs:service:DesiredCount")
                .prop("ServiceNamespace", "ecs"),
        )?;
        Ok(ScalableTaskCount {
            service: self,
            target_scope,
            target,
        })
    }
}

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

/// Declares the props of a target-tracking policy: its own properties, then those every
/// target-tracking policy has (kept in its `tracking` state), declared here once.
macro_rules! tracking_props {
    ($(#[$meta:meta])* pub struct $name:ident { $($own:tt)* }) => {
        props! {
            $(#[$meta])*
            pub struct $name {
                hidden tracking: TargetTracking,
                $($own)*
                /// How long after a scale-in activity before another scale-in may start.
                [opt "scaleInCooldown" in tracking]
                scale_in_cooldown: Duration,
                /// How long after a scale-out activity before another scale-out may start.
                [opt "scaleOutCooldown" in tracking]
                scale_out_cooldown: Duration,
                /// Whether the policy only adds tasks and never removes them.
                [opt "disableScaleIn" in tracking, .default("false")]
                disable_scale_in: bool,
                /// The scaling policy's name (`PolicyName`).
                [into "policyName" in tracking, .default("the policy's unique id")]
                policy_name: String,
            }
        }
    };
}

tracking_props! {
    /// Options of [`ScalableTaskCount::scale_on_cpu_utilization`].
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CpuUtilizationScalingProps {
        /// The average CPU utilization to keep, in percent (required).
        [into "targetUtilizationPercent", .required()]
        target_utilization_percent: f64,
    }
}

tracking_props! {
    /// Options of [`ScalableTaskCount::scale_on_memory_utilization`].
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct MemoryUtilizationScalingProps {
        /// The average memory utilization to keep, in percent (required).
        [into "targetUtilizationPercent", .required()]
        target_utilization_percent: f64,
    }
}

tracking_props! {
    /// Options of [`ScalableTaskCount::scale_on_request_count`].
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct RequestCountScalingProps {
        /// Requests per target to keep (required).
        [opt "requestsPerTarget", .required()]
        requests_per_target: u32,
        /// The application target group the service is registered in (required).
        [opt "targetGroup", .ty(TargetGroup), .required()]
        target_group: TargetGroup,
    }
}

props! {
    /// Options of [`ScalableTaskCount::scale_on_schedule`] (CDK `ScalingSchedule`).
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

impl ScalableTaskCount {
    /// Keeps the service's average CPU utilization near a target (CDK `scaleOnCpuUtilization`).
    pub fn scale_on_cpu_utilization(
        self,
        app: &mut App,
        id: &str,
        props: CpuUtilizationScalingProps,
    ) -> Result<NodeId, Error> {
        let value = required_percent(id, props.target_utilization_percent)?;
        let metric = Value::map([(
            "PredefinedMetricType",
            Value::from("ECSServiceAverageCPUUtilization"),
        )]);
        self.track(app, id, metric, value, props.tracking)
    }

    /// Keeps the service's average memory utilization near a target (CDK
    /// `scaleOnMemoryUtilization`).
    pub fn scale_on_memory_utilization(
        self,
        app: &mut App,
        id: &str,
        props: MemoryUtilizationScalingProps,
    ) -> Result<NodeId, Error> {
        let value = required_percent(id, props.target_utilization_percent)?;
        let metric = Value::map([(
            "PredefinedMetricType",
            Value::from("ECSServiceAverageMemoryUtilization"),
        )]);
        self.track(app, id, metric, value, props.tracking)
    }

    /// Keeps the requests per target of an application target group near a target (CDK
    /// `scaleOnRequestCount`); the service must be registered in that group (rule A1).
    pub fn scale_on_request_count(
        self,
        app: &mut App,
        id: &str,
        props: RequestCountScalingProps,
    ) -> Result<NodeId, Error> {
        let (Some(requests), Some(group)) = (props.requests_per_target, props.target_group) else {
            let missing = if props.requests_per_target.is_none() {
                "requests_per_target"
            } else {
                "target_group"
            };
            return Err(Error::new(format!(
                "scaling policy `{id}` needs `{missing}`: add it"
            )));
        };
        let service = self.service.data(app);
        let mut facts = TaskScalingFacts::new(&service.id, (), service.launch_type);
        facts.policies.push(ScalingPolicyFacts::RequestCount {
            id,
            target_group: Fact::Known(
                CountedGroup {
                    application: group.is_application(app),
                    serves_service: group.serves(app, service.resource),
                },
                (),
            ),
        });
        refused(facts.violations())?;
        let Some(listener) = group.first_listener_resource(app) else {
            return Err(Error::new(rules::request_count_target_group_message(
                id,
                &service.id,
            )));
        };
        let part = |i: u32| {
            Value::Select(
                i,
                Box::new(Value::Split("/".into(), Box::new(Value::Ref(listener)))),
            )
        };
        let label = Value::join(
            "",
            vec![
                part(1),
                "/".into(),
                part(2),
                "/".into(),
                part(3),
                "/".into(),
                group.full_name(app),
            ],
        );
        let metric = Value::map([
            (
                "PredefinedMetricType",
                Value::from("ALBRequestCountPerTarget"),
            ),
            ("ResourceLabel", label),
        ]);
        self.track(app, id, metric, Value::from(requests), props.tracking)
    }

    /// A target-tracking policy `id` under the scalable target, on `metric`.
    pub(crate) fn track(
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
        let stack = app.stack_mut(self.target.stack());
        let scope = stack.add_node(self.target_scope, id)?;
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
                .prop("ScalingTargetId", Value::Ref(self.target))
                .prop(
                    "TargetTrackingScalingPolicyConfiguration",
                    Value::map(config),
                ),
        )
    }

    /// Changes the capacity bounds on a schedule (CDK `scaleOnSchedule`): a scheduled action of
    /// the scalable target, not a policy.
    pub fn scale_on_schedule(
        self,
        app: &mut App,
        id: &str,
        action: ScalingSchedule,
    ) -> Result<(), Error> {
        let service = self.service.data(app);
        let mut facts = TaskScalingFacts::new(&service.id, (), service.launch_type);
        facts.policies.push(ScalingPolicyFacts::Schedule {
            id,
            at: (),
            min_capacity: Fact::given(action.min_capacity, ()),
            max_capacity: Fact::given(action.max_capacity, ()),
        });
        refused(facts.violations())?;
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
        let resource = app.stack_mut(self.target.stack()).resource_mut(self.target);
        match resource
            .properties
            .get_or_insert_with("ScheduledActions", || Value::List(Vec::new()))
        {
            Value::List(actions) => {
                if actions.iter().any(|a| matches!(a, Value::Map(m) if matches!(m.get("ScheduledActionName"), Some(Value::Str(s)) if &**s == id))) {
                    return Err(Error::new(rules::duplicate_id_message(id, "the scheduled actions of this service")));
                }
                actions.push(Value::map(entry));
            }
            _ => unreachable!("ScheduledActions is always a list"),
        }
        Ok(())
    }
}

fn required_percent(id: &str, value: Option<f64>) -> Result<Value, Error> {
    let v = value.ok_or_else(|| {
        Error::new(format!(
            "scaling policy `{id}` needs `target_utilization_percent`: add one, e.g. `target_utilization_percent: 50`"
        ))
    })?;
    Ok(number(v))
}

/// A number as JSON writes it: integral values without a fraction, as JavaScript prints them.
pub(crate) fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::Int(v as i64)
    } else {
        Value::Float(v)
    }
}
