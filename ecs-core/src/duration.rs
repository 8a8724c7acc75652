//! Durations as the CDK's `Duration` expresses them, kept in whole seconds as CloudFormation
//! writes them, with `const fn` constructors so `ecs_app!` can check constants while compiling.
//! Seconds are a `u64`, so every constructor's value is exact (`Duration::days(u32::MAX)` too):
//! like the CDK, a duration is written as given, and the rules of each property judge its range.
//!
//! ```
//! use ecs_core::duration::Duration;
//! assert_eq!(Duration::minutes(2).to_seconds(), 120);
//! const TIMEOUT: Duration = Duration::seconds(5);
//! assert_eq!(TIMEOUT.to_seconds(), 5);
//! ```

/// A span of time (CDK `Duration`), rendered in whole seconds.
///
/// ```
/// use ecs_core::Duration;
/// assert_eq!(Duration::minutes(1).to_seconds(), 60);
/// assert_eq!(Duration::seconds(30), Duration::from(30));
/// assert_eq!(Duration::days(100_000).to_seconds(), 8_640_000_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(u64);

impl Duration {
    /// `n` seconds.
    pub const fn seconds(n: u32) -> Duration {
        Duration(n as u64)
    }

    /// `n` minutes.
    pub const fn minutes(n: u32) -> Duration {
        Duration(n as u64 * 60)
    }

    /// `n` hours.
    pub const fn hours(n: u32) -> Duration {
        Duration(n as u64 * 3600)
    }

    /// `n` days (CDK `Duration.days`), e.g. for `Schedule::rate`.
    ///
    /// ```
    /// assert_eq!(ecs_core::Duration::days(1).to_seconds(), 86_400);
    /// ```
    pub const fn days(n: u32) -> Duration {
        Duration(n as u64 * 86_400)
    }

    /// The whole seconds.
    pub const fn to_seconds(self) -> u64 {
        self.0
    }

    /// The whole seconds, for rules on ranges that fit a `u32`: a longer duration reads as
    /// `u32::MAX`, above every such range.
    pub(crate) fn to_seconds_u32(self) -> u32 {
        u32::try_from(self.0).unwrap_or(u32::MAX)
    }
}

/// A bare number is seconds.
impl From<u32> for Duration {
    fn from(n: u32) -> Duration {
        Duration(n as u64)
    }
}

/// A bare integer literal is seconds; a negative one is zero.
impl From<i32> for Duration {
    fn from(n: i32) -> Duration {
        Duration(n.max(0) as u64)
    }
}

/// Written in whole seconds. Exact: the longest duration, `u32::MAX` days, is far below
/// `i64::MAX` seconds.
impl From<Duration> for crate::cfn::Value {
    fn from(d: Duration) -> crate::cfn::Value {
        crate::cfn::Value::Int(d.0 as i64)
    }
}
