//! Durations as the CDK's `Duration` expresses them, kept in whole seconds as CloudFormation
//! writes them, with `const fn` constructors so `ecs_app!` can check constants while compiling.
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
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(u32);

impl Duration {
    /// `n` seconds.
    pub const fn seconds(n: u32) -> Duration {
        Duration(n)
    }

    /// `n` minutes.
    pub const fn minutes(n: u32) -> Duration {
        Duration(n * 60)
    }

    /// `n` hours.
    pub const fn hours(n: u32) -> Duration {
        Duration(n * 3600)
    }

    /// `n` days (CDK `Duration.days`), e.g. for `Schedule::rate`.
    ///
    /// ```
    /// assert_eq!(ecs_core::Duration::days(1).to_seconds(), 86_400);
    /// ```
    pub const fn days(n: u32) -> Duration {
        Duration(n * 86_400)
    }

    /// The whole seconds.
    pub const fn to_seconds(self) -> u32 {
        self.0
    }
}

/// A bare number is seconds.
impl From<u32> for Duration {
    fn from(n: u32) -> Duration {
        Duration(n)
    }
}

/// A bare integer literal is seconds; a negative one is zero.
impl From<i32> for Duration {
    fn from(n: i32) -> Duration {
        Duration(n.max(0) as u32)
    }
}
