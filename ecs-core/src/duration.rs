//! Durations as the CDK's `Duration` expresses them, kept in whole seconds as CloudFormation
//! writes them, with `const fn` constructors so `ecs_app!` can check constants while compiling.
//!
//! ```
//! use ecs_core::duration::Duration;
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
/// ```
///
/// [`duration_amount`]: crate::rules::duration_amount
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(i64);

impl Duration {
    /// `n` seconds.
    pub const fn seconds(n: u32) -> Duration {
        Duration(n as i64)
    }

    /// `n` minutes.
    pub const fn minutes(n: u32) -> Duration {
        Duration((n * 60) as i64)
    }

    /// `n` hours.
    pub const fn hours(n: u32) -> Duration {
        Duration((n * 3600) as i64)
    }

    /// `n` days (CDK `Duration.days`), e.g. for `Schedule::rate`.
    ///
    /// ```
    /// assert_eq!(ecs_core::Duration::days(1).to_seconds(), 86_400);
    /// ```
    pub const fn days(n: u32) -> Duration {
        Duration((n * 86_400) as i64)
    }

    /// The whole seconds; 0 for a negative amount, which the constructs refuse before rendering.
    pub const fn to_seconds(self) -> u32 {
        if self.0 < 0 {
            0
        } else {
            self.0 as u32
        }
    }

    /// The amount in seconds, negative when converted from a negative integer.
    pub const fn amount(self) -> i64 {
        self.0
    }

    /// Rule [`duration_amount`](crate::rules::duration_amount): this duration, or the error
    /// naming `property` of `owner` (``service `Web` ``) when its amount is negative.
    ///
    /// ```
    /// use ecs_core::Duration;
    /// assert!(Duration::seconds(5).checked("service `Web`", "health_check_grace_period").is_ok());
    /// assert!(Duration::from(-5).checked("service `Web`", "health_check_grace_period").is_err());
    /// ```
    pub fn checked(self, owner: &str, property: &str) -> Result<Duration, crate::Error> {
        if crate::rules::duration_amount(self.0) {
            Ok(self)
        } else {
            Err(crate::Error::new(crate::rules::duration_amount_message(
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
