//! CloudWatch (CDK `aws-cloudwatch`): metrics and alarms, e.g. on a queue's depth, and the
//! alarms step scaling creates.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::cloudwatch::{Alarm, AlarmProps, Metric};
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let metric = Metric::new("AWS/SQS", "ApproximateNumberOfMessagesVisible")
//!     .with_dimension("QueueName", "jobs")
//!     .with_statistic("Maximum");
//! Alarm::new(&mut app, s, "Backlog", AlarmProps::default().metric(metric).threshold(1000).evaluation_periods(3))?;
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::duration::Duration;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;

/// A metric (CDK `Metric`): namespace, name, dimensions, and how its data points are
/// aggregated over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// `Namespace`, e.g. `AWS/SQS`.
    pub namespace: String,
    /// `MetricName`.
    pub metric_name: String,
    /// `Dimensions`, in the order given.
    pub dimensions: Vec<(String, Value)>,
    /// `Statistic`: `Average`, `Maximum`, `Minimum`, `Sum` or `SampleCount`.
    pub statistic: String,
    /// `Period`.
    pub period: Duration,
}

impl Default for Metric {
    fn default() -> Metric {
        Metric::new("", "")
    }
}

impl Metric {
    /// Metric `metric_name` of `namespace`, averaged over 5 minutes (the CDK's defaults).
    pub fn new(namespace: impl Into<String>, metric_name: impl Into<String>) -> Metric {
        Metric {
            namespace: namespace.into(),
            metric_name: metric_name.into(),
            dimensions: Vec::new(),
            statistic: "Average".into(),
            period: Duration::minutes(5),
        }
    }

    /// The same metric with one more dimension.
    #[must_use]
    pub fn with_dimension(mut self, name: impl Into<String>, value: impl Into<Value>) -> Metric {
        self.dimensions.push((name.into(), value.into()));
        self
    }

    /// The same metric with another statistic.
    #[must_use]
    pub fn with_statistic(mut self, statistic: impl Into<String>) -> Metric {
        self.statistic = statistic.into();
        self
    }

    /// The same metric over another period.
    #[must_use]
    pub fn with_period(mut self, period: impl Into<Duration>) -> Metric {
        self.period = period.into();
        self
    }
}

/// How an alarm compares its metric with the threshold (CDK `ComparisonOperator`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComparisonOperator {
    /// `>=`.
    GreaterThanOrEqualToThreshold,
    /// `>`.
    GreaterThanThreshold,
    /// `<`.
    LessThanThreshold,
    /// `<=`.
    LessThanOrEqualToThreshold,
}

impl ComparisonOperator {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] = &[
        "GreaterThanOrEqualToThreshold",
        "GreaterThanThreshold",
        "LessThanThreshold",
        "LessThanOrEqualToThreshold",
    ];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["cloudwatch", "ComparisonOperator"],
        variants: Self::VARIANT_NAMES,
    };

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            ComparisonOperator::GreaterThanOrEqualToThreshold => "GreaterThanOrEqualToThreshold",
            ComparisonOperator::GreaterThanThreshold => "GreaterThanThreshold",
            ComparisonOperator::LessThanThreshold => "LessThanThreshold",
            ComparisonOperator::LessThanOrEqualToThreshold => "LessThanOrEqualToThreshold",
        }
    }
}

/// What an alarm does without data (CDK `TreatMissingData`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TreatMissingData {
    /// Missing data breaches the threshold.
    Breaching,
    /// Missing data does not.
    NotBreaching,
    /// The alarm keeps its state.
    Ignore,
    /// CloudWatch's default.
    Missing,
}

impl TreatMissingData {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Breaching", "NotBreaching", "Ignore", "Missing"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["cloudwatch", "TreatMissingData"],
        variants: Self::VARIANT_NAMES,
    };

    const fn cfn_value(self) -> &'static str {
        match self {
            TreatMissingData::Breaching => "breaching",
            TreatMissingData::NotBreaching => "notBreaching",
            TreatMissingData::Ignore => "ignore",
            TreatMissingData::Missing => "missing",
        }
    }
}

props! {
    /// Properties of an [`Alarm`] (CDK `AlarmProps`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct AlarmProps {
        /// The metric (required), e.g. `Jobs.metric_approximate_number_of_messages_visible()`.
        [opt "metric", .required()]
        metric: Metric,
        /// The value compared with the metric (required).
        [into "threshold", .required()]
        threshold: f64,
        /// How many periods are compared (required, 1 or more).
        [opt "evaluationPeriods", .required()]
        evaluation_periods: u32,
        /// How many of them must breach; default all.
        [opt "datapointsToAlarm"]
        datapoints_to_alarm: u32,
        /// How the metric is compared with the threshold.
        [opt "comparisonOperator", .ty(Enum(&ComparisonOperator::DEF)), .default("`GreaterThanOrEqualToThreshold`")]
        comparison_operator: ComparisonOperator,
        /// What missing data counts as.
        [opt "treatMissingData", .ty(Enum(&TreatMissingData::DEF))]
        treat_missing_data: TreatMissingData,
        /// `AlarmDescription`.
        [into "alarmDescription"]
        alarm_description: String,
        /// `AlarmName`; CloudFormation generates one when absent.
        [into "alarmName"]
        alarm_name: String,
    }
}

/// An alarm construct (`<id>/Resource`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alarm {
    node: NodeId,
    resource: NodeId,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Alarm {
    /// Creates alarm `id` under `scope` (a stack or a construct).
    ///
    /// # Errors
    ///
    /// When `id` is taken, a required value is missing, or the CDK's checks refuse the
    /// periods (`evaluation_periods` of 1 or more, `datapoints_to_alarm` at most that, a
    /// period of 10 or 30 seconds or a whole number of minutes).
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: AlarmProps,
    ) -> Result<Alarm, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let (Some(metric), Some(threshold), Some(periods)) =
            (props.metric, props.threshold, props.evaluation_periods)
        else {
            return Err(Error::new(format!(
                "alarm `{id}` needs `metric`, `threshold` and `evaluation_periods`: add them"
            )));
        };
        if periods < 1 {
            return Err(Error::new(format!(
                "alarm `{id}` has `evaluation_periods: 0`: use 1 or more"
            )));
        }
        if let Some(points) = props.datapoints_to_alarm
            && points > periods
        {
            return Err(Error::new(format!(
                "alarm `{id}` has `datapoints_to_alarm: {points}` above `evaluation_periods: {periods}`: use at most {periods}"
            )));
        }
        let period = metric
            .period
            .checked(&format!("alarm `{id}`"), "period")?
            .to_seconds();
        if !(period == 10 || period == 30 || (period >= 60 && period % 60 == 0)) {
            return Err(Error::new(format!(
                "alarm `{id}` has a metric period of {period} seconds: use 10, 30 or a whole number of minutes"
            )));
        }
        let resource = Resource::new("AWS::CloudWatch::Alarm")
            .prop_opt("AlarmDescription", props.alarm_description)
            .prop_opt("AlarmName", props.alarm_name)
            .prop(
                "ComparisonOperator",
                props
                    .comparison_operator
                    .unwrap_or(ComparisonOperator::GreaterThanOrEqualToThreshold)
                    .cfn_value(),
            )
            .prop_opt("DatapointsToAlarm", props.datapoints_to_alarm)
            // The CDK leaves out a metric without dimensions.
            .prop_opt(
                "Dimensions",
                (!metric.dimensions.is_empty()).then(|| {
                    Value::List(
                        metric
                            .dimensions
                            .iter()
                            .map(|(n, v)| {
                                Value::map([("Name", Value::from(n.clone())), ("Value", v.clone())])
                            })
                            .collect(),
                    )
                }),
            )
            .prop("EvaluationPeriods", periods)
            .prop("MetricName", metric.metric_name)
            .prop("Namespace", metric.namespace)
            .prop("Period", u32::try_from(period).unwrap_or(u32::MAX))
            .prop("Statistic", metric.statistic)
            .prop("Threshold", crate::cfn::number(threshold))
            .prop_opt(
                "TreatMissingData",
                props.treat_missing_data.map(TreatMissingData::cfn_value),
            );
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let resource = stack.add_resource(node, "Resource", resource)?;
        Ok(Alarm { node, resource })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": alarm}`: the alarm's name.
    pub fn alarm_name(self, _app: &App) -> Value {
        Value::Ref(self.resource)
    }

    /// `{"Fn::GetAtt": [alarm, "Arn"]}`.
    pub fn alarm_arn(self, _app: &App) -> Value {
        Value::GetAtt(self.resource, "Arn".into())
    }

    /// Adds an action the alarm takes when it fires (`AlarmActions`), e.g. a scaling
    /// policy's ARN.
    ///
    /// # Errors
    ///
    /// When the alarm is of another app.
    pub fn add_alarm_action(self, app: &mut App, action: Value) -> Result<(), Error> {
        app.check_node(self.node)?;
        let resource = app
            .stack_mut(self.resource.stack())
            .resource_mut(self.resource);
        match resource
            .properties
            .get_or_insert_with("AlarmActions", || Value::List(Vec::new()))
        {
            Value::List(actions) => actions.push(action),
            _ => unreachable!("AlarmActions is always a list"),
        }
        Ok(())
    }
}

handle!(Alarm);
