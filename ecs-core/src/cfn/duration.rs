//! Durations as the CDK's `Duration` expresses them, kept in whole seconds as CloudFormation
//! writes them, with `const fn` constructors so `ecs_app!` can check constants while compiling.
//! Seconds are an `i64`, so every constructor's value is exact (`Duration::days(u32::MAX)` too)
//! and a negative integer keeps its sign for the constructs to refuse: like the CDK, a duration
//! is written as given, and the rules of each property judge its range.
//!
//! ```
//! use ecs_core::cfn::duration::Duration;
//! assert_eq!(Duration::minutes(2).to_seconds(), 120);
//! const TIMEOUT: Duration = Duration::seconds(5);
//! assert_eq!(TIMEOUT.to_seconds(), 5);
//! ```

/// A span of time (CDK `Duration`), rendered in whole seconds. A bare negative integer converts
/// to a negative amount, which every construct refuses (rule [`duration_amount`]), as the CDK's
/// `Duration` refuses negative amounts.
///
/// ```
/// use ecs_core::Duration;
/// assert_eq!(Duration::minutes(1).to_seconds(), 60);
/// assert_eq!(Duration::seconds(30), Duration::from(30));
/// assert_eq!(Duration::from(-5).amount(), -5);
/// assert_eq!(Duration::days(100_000).to_seconds(), 8_640_000_000);
/// ```
///
/// [`duration_amount`]: duration_amount
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(i64);

impl Duration {
    /// `n` seconds.
    pub const fn seconds(n: u32) -> Duration {
        Duration(n as i64)
    }

    /// `n` minutes.
    pub const fn minutes(n: u32) -> Duration {
        Duration(n as i64 * 60)
    }

    /// `n` hours.
    pub const fn hours(n: u32) -> Duration {
        Duration(n as i64 * 3600)
    }

    /// `n` days (CDK `Duration.days`), e.g. for `Schedule::rate`.
    ///
    /// ```
    /// assert_eq!(ecs_core::Duration::days(1).to_seconds(), 86_400);
    /// ```
    pub const fn days(n: u32) -> Duration {
        Duration(n as i64 * 86_400)
    }

    /// The whole seconds; 0 for a negative amount, which the constructs refuse before rendering.
    pub const fn to_seconds(self) -> u64 {
        if self.0 < 0 { 0 } else { self.0 as u64 }
    }

    /// The whole seconds, for rules on ranges that fit a `u32`: a longer duration reads as
    /// `u32::MAX`, above every such range.
    pub(crate) fn to_seconds_u32(self) -> u32 {
        u32::try_from(self.to_seconds()).unwrap_or(u32::MAX)
    }

    /// The amount in seconds, negative when converted from a negative integer.
    pub const fn amount(self) -> i64 {
        self.0
    }

    /// Rule [`duration_amount`]: this duration, or the error
    /// naming `property` of `owner` (``service `Web` ``) when its amount is negative.
    ///
    /// ```
    /// use ecs_core::Duration;
    /// assert!(Duration::seconds(5).checked("service `Web`", "health_check_grace_period").is_ok());
    /// assert!(Duration::from(-5).checked("service `Web`", "health_check_grace_period").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// When the duration is negative.
    pub fn checked(self, owner: &str, property: &str) -> Result<Duration, crate::Error> {
        if duration_amount(self.0) {
            Ok(self)
        } else {
            Err(crate::Error::new(duration_amount_message(
                owner, property, self.0,
            )))
        }
    }
}

/// A bare number is seconds.
impl From<u32> for Duration {
    fn from(n: u32) -> Duration {
        Duration(n as i64)
    }
}

/// A bare integer literal is seconds; a negative one is kept, for the construct to refuse.
impl From<i32> for Duration {
    fn from(n: i32) -> Duration {
        Duration(n as i64)
    }
}

/// Written in whole seconds (a negative amount is refused before rendering).
impl From<Duration> for crate::cfn::Value {
    fn from(d: Duration) -> crate::cfn::Value {
        crate::cfn::Value::Int(d.to_seconds() as i64)
    }
}

/// A duration is an amount of time, never negative (CDK `Duration`: "Duration amounts cannot
/// be negative"); a negative amount reaches the builders only as a bare negative integer.
///
/// ```
/// assert!(ecs_core::rules::duration_amount(0));
/// assert!(!ecs_core::rules::duration_amount(-5));
/// ```
pub const fn duration_amount(seconds: i64) -> bool {
    seconds >= 0
}

/// The message of [`duration_amount`]; `owner` names the construct (``service `Web` ``).
///
/// ```
/// assert_eq!(
///     ecs_core::rules::duration_amount_message("service `Web`", "health_check_grace_period", -60),
///     "service `Web` cannot use `health_check_grace_period: -60`: duration amounts cannot be negative; use 0 or more seconds, e.g. `health_check_grace_period: 60`",
/// );
/// ```
pub fn duration_amount_message(owner: &str, property: &str, seconds: i64) -> String {
    format!(
        "{owner} cannot use `{property}: {seconds}`: duration amounts cannot be negative; use 0 or more seconds, e.g. `{property}: {}`",
        seconds.unsigned_abs()
    )
}
