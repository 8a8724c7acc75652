//! Schedules of scheduled scaling actions and events rules (CDK `appscaling.Schedule`,
//! `events.Schedule`): `rate(…)`, `cron(…)` and `at(…)` expressions, checked by rule G5.
//!
//! ```
//! use ecs_core::cfn::duration::Duration;
//! use ecs_core::schedule::{CronOptions, Schedule};
//! assert_eq!(Schedule::rate(Duration::minutes(1)).unwrap().expression_string(), "rate(1 minute)");
//! assert_eq!(Schedule::rate(Duration::hours(2)).unwrap().expression_string(), "rate(2 hours)");
//! let cron = Schedule::cron(CronOptions::default().hour("8").minute("0"));
//! assert_eq!(cron.expression_string(), "cron(0 8 * * ? *)");
//! assert!(Schedule::expression("rate(1 min)").is_err());
//! ```

use crate::cfn::duration::Duration;
use crate::ecs::rules;
use crate::error::Error;

/// A schedule expression, valid by construction (rule G5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    expression: String,
}

/// The fields of a cron schedule; absent fields are `*` (the day of the week `?`), as the CDK
/// fills them.
///
/// ```
/// let c = ecs_core::schedule::CronOptions::default().week_day("MON-FRI").hour("9").minute("30");
/// assert_eq!(ecs_core::schedule::Schedule::cron(c).expression_string(), "cron(30 9 ? * MON-FRI *)");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CronOptions {
    /// Minute (0–59).
    pub minute: Option<String>,
    /// Hour (0–23).
    pub hour: Option<String>,
    /// Day of the month.
    pub day: Option<String>,
    /// Month.
    pub month: Option<String>,
    /// Day of the week (`MON-FRI`, `1`…).
    pub week_day: Option<String>,
    /// Year.
    pub year: Option<String>,
}

impl CronOptions {
    string_setters!(minute, hour, day, month, week_day, year);
}

impl Schedule {
    /// A schedule from an expression such as `rate(1 minute)` or `cron(0 8 * * ? *)`; an
    /// expression CloudFormation would reject is an error (rule G5).
    pub fn expression(expression: impl Into<String>) -> Result<Schedule, Error> {
        let expression = expression.into();
        if !rules::schedule_expression(&expression) {
            return Err(Error::new(rules::schedule_expression_message(&expression)));
        }
        Ok(Schedule { expression })
    }

    /// Every `interval`, in whole days, hours or minutes (the largest unit that divides it).
    pub fn rate(interval: Duration) -> Result<Schedule, Error> {
        let interval = interval.checked("a schedule", "rate")?;
        let secs = interval.to_seconds();
        if secs == 0 || secs % 60 != 0 {
            return Err(Error::new(format!(
                "a schedule rate of {secs} seconds is not a whole number of minutes: use at least one minute, in whole minutes"
            )));
        }
        let (n, unit) = match secs {
            s if s % 86_400 == 0 => (s / 86_400, "day"),
            s if s % 3_600 == 0 => (s / 3_600, "hour"),
            s => (s / 60, "minute"),
        };
        let plural = if n == 1 { "" } else { "s" };
        Ok(Schedule {
            expression: format!("rate({n} {unit}{plural})"),
        })
    }

    /// A cron schedule from its fields.
    pub fn cron(options: CronOptions) -> Schedule {
        let field =
            |v: &Option<String>, default: &str| v.clone().unwrap_or_else(|| default.to_string());
        let day_default = if options.week_day.is_some() { "?" } else { "*" };
        Schedule {
            expression: format!(
                "cron({} {} {} {} {} {})",
                field(&options.minute, "*"),
                field(&options.hour, "*"),
                field(&options.day, day_default),
                field(&options.month, "*"),
                field(&options.week_day, "?"),
                field(&options.year, "*"),
            ),
        }
    }

    /// The expression as CloudFormation receives it.
    pub fn expression_string(&self) -> &str {
        &self.expression
    }
}

impl std::fmt::Display for Schedule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.expression)
    }
}

impl TryFrom<&str> for Schedule {
    type Error = Error;

    fn try_from(s: &str) -> Result<Schedule, Error> {
        Schedule::expression(s)
    }
}
