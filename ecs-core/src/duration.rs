//! Durations of container options (CDK `Duration`), kept in whole seconds as CloudFormation
//! writes them, with `const fn` constructors so `ecs_app!` can check constants while compiling.
//!
//! ```
//! use ecs_core::duration::Duration;
//! assert_eq!(Duration::minutes(2).to_seconds(), 120);
//! const TIMEOUT: Duration = Duration::seconds(5);
//! assert_eq!(TIMEOUT.to_seconds(), 5);
//! ```

/// A span of time in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    seconds: u32,
}

impl Duration {
    /// `n` seconds.
    pub const fn seconds(n: u32) -> Duration {
        Duration { seconds: n }
    }

    /// `n` minutes.
    pub const fn minutes(n: u32) -> Duration {
        Duration { seconds: n * 60 }
    }

    /// `n` hours.
    pub const fn hours(n: u32) -> Duration {
        Duration { seconds: n * 3600 }
    }

    /// The duration in seconds.
    pub const fn to_seconds(self) -> u32 {
        self.seconds
    }
}
