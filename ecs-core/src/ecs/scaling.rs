//! Task auto-scaling (CDK `ScalableTaskCount`): a service's desired count as a scalable target,
//! with target-tracking policies on CPU, memory or requests, and scheduled actions.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::ecs::scaling::{CpuUtilizationScalingProps, EnableScalingProps};
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

use crate::applicationautoscaling::{
    ScalableTarget, ScalableTargetProps, ScalingSchedule, TargetTracking,
};
use crate::cfn::Value;
use crate::cfn::duration::Duration;
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ecs::facts::{CountedGroup, Fact, ScalingPolicyFacts, TaskScalingFacts, refused};
use crate::ecs::rules;
use crate::ecs::service::Service;
use crate::elbv2::TargetGroup;
use crate::error::Error;

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
    target: ScalableTarget,
}

impl Service {
    /// Makes the service's desired count scalable between `min_capacity` and `max_capacity`
    /// (CDK `autoScaleTaskCount`), once per service.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
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
        let role = Value::arn(
            "iam",
            false,
            true,
            vec!["role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService".into()],
        );
        let target = ScalableTarget::new(
            app,
            count,
            "Target",
            ScalableTargetProps {
                min_capacity: min,
                max_capacity: max,
                resource_id: Value::join(
                    "",
                    vec!["service/".into(), cluster_name, "/".into(), service_name],
                ),
                role,
                scalable_dimension: "ecs:service:DesiredCount".into(),
                service_namespace: "ecs".into(),
            },
        )?;
        Ok(ScalableTaskCount {
            service: self,
            target,
        })
    }
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

tracking_props! {
    /// Options of [`ScalableTaskCount::scale_to_track_custom_metric`].
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct TrackCustomMetricProps {
        /// The metric to keep near the target, e.g. a queue's backlog per task (required).
        [opt "metric", .required()]
        metric: crate::cloudwatch::Metric,
        /// The value of the metric to keep (required).
        [into "targetValue", .required()]
        target_value: f64,
    }
}

impl ScalableTaskCount {
    /// Scales the task count in steps on a metric, e.g. a queue's depth (CDK
    /// `scaleOnMetric`): see [`ScalableTarget::scale_on_metric`].
    ///
    /// # Errors
    ///
    /// As [`ScalableTarget::scale_on_metric`].
    pub fn scale_on_metric(
        self,
        app: &mut App,
        id: &str,
        props: crate::applicationautoscaling::StepScalingProps,
    ) -> Result<(), Error> {
        self.target.scale_on_metric(app, id, props)
    }

    /// Keeps a metric of one's own near a target (CDK `scaleToTrackCustomMetric`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::cloudwatch::Metric;
    /// use ecs_core::ecs::scaling::TrackCustomMetricProps;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")))?;
    /// let service = FargateService::new(&mut app, s, "Service",
    ///     FargateServiceProps::default().cluster(cluster).task_definition(td))?;
    /// let scaling = service.auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(10))?;
    /// scaling.scale_to_track_custom_metric(&mut app, "Backlog", TrackCustomMetricProps::default()
    ///     .metric(Metric::new("App", "BacklogPerTask"))
    ///     .target_value(100))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `metric` or `target_value` is missing, the statistic is a percentile, or an id is
    /// taken.
    pub fn scale_to_track_custom_metric(
        self,
        app: &mut App,
        id: &str,
        props: TrackCustomMetricProps,
    ) -> Result<NodeId, Error> {
        let (Some(metric), Some(target)) = (props.metric, props.target_value) else {
            let missing = if props.target_value.is_some() {
                "metric"
            } else {
                "target_value"
            };
            return Err(Error::new(format!(
                "scaling policy `{id}` needs `{missing}`: add it"
            )));
        };
        self.target
            .track_custom(app, id, &metric, crate::cfn::number(target), props.tracking)
    }

    /// Keeps the service's average CPU utilization near a target (CDK `scaleOnCpuUtilization`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
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
        self.target.track(app, id, metric, value, props.tracking)
    }

    /// Keeps the service's average memory utilization near a target (CDK
    /// `scaleOnMemoryUtilization`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
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
        self.target.track(app, id, metric, value, props.tracking)
    }

    /// Keeps the requests per target of an application target group near a target (CDK
    /// `scaleOnRequestCount`); the service must be registered in that group (rule A1).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
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
        self.target
            .track(app, id, metric, Value::from(requests), props.tracking)
    }

    /// Changes the capacity bounds on a schedule (CDK `scaleOnSchedule`): a scheduled action of
    /// the scalable target, not a policy.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
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
        self.target.scale_on_schedule(app, id, action)
    }
}

fn required_percent(id: &str, value: Option<f64>) -> Result<Value, Error> {
    let v = value.ok_or_else(|| {
        Error::new(format!(
            "scaling policy `{id}` needs `target_utilization_percent`: add one, e.g. `target_utilization_percent: 50`"
        ))
    })?;
    Ok(crate::cfn::number(v))
}
