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
    ///
    /// # Errors
    ///
    /// When the text is not a valid schedule expression (rule G5).
    pub fn expression(expression: impl Into<String>) -> Result<Schedule, Error> {
        let expression = expression.into();
        if !schedule_expression(&expression) {
            return Err(Error::new(schedule_expression_message(&expression)));
        }
        Ok(Schedule { expression })
    }

    /// Every `interval`, in whole days, hours or minutes (the largest unit that divides it).
    ///
    /// # Errors
    ///
    /// When the interval is not a whole number of minutes.
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

/// Rule G5: CloudFormation accepts only `rate(<n> <unit>)` with a singular unit for 1 and a
/// plural one otherwise, `cron(<6 fields>)` with `?` in the day of the month or of the week, and
/// `at(<time>)` (AWS "Schedule expressions"; cfn-lint E3027 rejects the README's `rate(1 min)`).
///
/// ```
/// use ecs_core::schedule::schedule_expression;
/// assert!(schedule_expression("rate(1 minute)"));
/// assert!(schedule_expression("rate(5 minutes)"));
/// assert!(!schedule_expression("rate(1 min)"));
/// assert!(!schedule_expression("rate(1 minutes)"));
/// assert!(schedule_expression("cron(0 8 * * ? *)"));
/// assert!(!schedule_expression("cron(0 8 * * *)"));
/// assert!(!schedule_expression("cron(0 8 1 * MON *)"));
/// assert!(schedule_expression("at(2026-12-01T08:00:00)"));
/// ```
pub const fn schedule_expression(expression: &str) -> bool {
    let b = expression.as_bytes();
    if starts_with(b, b"rate(") && ends_with(b, b")") {
        return rate_body(b, 5, b.len() - 1);
    }
    if starts_with(b, b"cron(") && ends_with(b, b")") {
        return cron_body(b, 5, b.len() - 1);
    }
    if starts_with(b, b"at(") && ends_with(b, b")") {
        return b.len() > 4;
    }
    false
}

/// Rule G5's message.
///
/// ```
/// assert!(ecs_core::schedule::schedule_expression_message("rate(1 min)").contains("rate(1 minute)"));
/// ```
pub fn schedule_expression_message(expression: &str) -> String {
    format!(
        "schedule `{expression}` is not a valid schedule expression: use `rate(1 minute)`, `rate(5 minutes)` (singular unit only for 1), `cron(<minute> <hour> <day> <month> <weekday> <year>)` with `?` in the day or the weekday, or `at(<time>)`"
    )
}

pub(crate) const fn starts_with(b: &[u8], prefix: &[u8]) -> bool {
    if b.len() < prefix.len() {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if b[i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

pub(crate) const fn ends_with(b: &[u8], suffix: &[u8]) -> bool {
    if b.len() < suffix.len() {
        return false;
    }
    let start = b.len() - suffix.len();
    let mut i = 0;
    while i < suffix.len() {
        if b[start + i] != suffix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `<n> <unit>` between `start` and `end`.
pub(crate) const fn rate_body(b: &[u8], start: usize, end: usize) -> bool {
    let mut i = start;
    let mut n: u64 = 0;
    while i < end && b[i].is_ascii_digit() {
        n = n * 10 + (b[i] - b'0') as u64;
        if n > u32::MAX as u64 {
            return false;
        }
        i += 1;
    }
    if i == start || n == 0 || i >= end || b[i] != b' ' {
        return false;
    }
    let unit_start = i + 1;
    let len = end - unit_start;
    let units: [&[u8]; 3] = [b"minute", b"hour", b"day"];
    let mut u = 0;
    while u < units.len() {
        let unit = units[u];
        let plural = n != 1;
        if len == unit.len() + plural as usize {
            let mut j = 0;
            let mut same = true;
            while j < unit.len() {
                if b[unit_start + j] != unit[j] {
                    same = false;
                }
                j += 1;
            }
            if same && (!plural || b[end - 1] == b's') {
                return true;
            }
        }
        u += 1;
    }
    false
}

/// Six space-separated fields, with `?` in exactly one of the day fields.
pub(crate) const fn cron_body(b: &[u8], start: usize, end: usize) -> bool {
    let mut fields = 0;
    let mut i = start;
    let mut day_question = false;
    let mut week_question = false;
    while i < end {
        if b[i] == b' ' {
            return false;
        }
        let field_start = i;
        while i < end && b[i] != b' ' {
            i += 1;
        }
        let is_question = i - field_start == 1 && b[field_start] == b'?';
        if fields == 2 {
            day_question = is_question;
        }
        if fields == 4 {
            week_question = is_question;
        }
        fields += 1;
        if i < end {
            i += 1;
            if i == end {
                return false;
            }
        }
    }
    fields == 6 && (day_question != week_question)
}
