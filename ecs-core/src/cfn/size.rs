//! Amounts of storage (CDK `Size`), held in mebibytes.
//!
//! ```
//! use ecs_core::cfn::size::Size;
//! assert_eq!(Size::gibibytes(15).to_gibibytes(), Some(15));
//! assert_eq!(Size::mebibytes(200).to_mebibytes(), 200);
//! assert_eq!(Size::mebibytes(1536).to_gibibytes(), None);
//! ```

/// An amount of storage (CDK `Size`).
///
/// ```
/// use ecs_core::Size;
/// const DISK: Size = Size::gibibytes(20);
/// assert_eq!(DISK.to_mebibytes(), 20 * 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Size(u64);

impl Size {
    /// `n` mebibytes.
    pub const fn mebibytes(n: u64) -> Size {
        Size(n)
    }

    /// `n` gibibytes.
    pub const fn gibibytes(n: u64) -> Size {
        Size(n.saturating_mul(1024))
    }

    /// `n` tebibytes.
    pub const fn tebibytes(n: u64) -> Size {
        Size(n.saturating_mul(1024 * 1024))
    }

    /// The amount in mebibytes.
    pub const fn to_mebibytes(self) -> u64 {
        self.0
    }

    /// The amount in whole gibibytes; `None` when it is not a whole number of them, which the
    /// CDK refuses to round.
    pub const fn to_gibibytes(self) -> Option<u64> {
        if self.0.is_multiple_of(1024) {
            Some(self.0 / 1024)
        } else {
            None
        }
    }
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.to_gibibytes() {
            Some(g) => write!(f, "{g} GiB"),
            None => write!(f, "{} MiB", self.0),
        }
    }
}
