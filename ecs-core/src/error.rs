//! The error type of the builders and of synthesis.

use std::fmt;

/// One or more violations found while building or synthesizing an app.
///
/// A builder reports every rule its construct breaks (see [`facts`](crate::ecs::facts)); synthesis
/// collects every violation of the app (as the CDK's `validate()` phase does) and reports them
/// together.
///
/// ```
/// let e = ecs_core::Error::new("no cluster named `Clustr`: did you mean `Cluster`?");
/// assert_eq!(e.to_string(), "no cluster named `Clustr`: did you mean `Cluster`?");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    messages: Vec<String>,
}

impl Error {
    /// An error with one message.
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            messages: vec![message.into()],
        }
    }

    /// An error holding several messages; `None` when there are none.
    ///
    /// ```
    /// assert!(ecs_core::Error::collect(Vec::<String>::new()).is_none());
    /// ```
    pub fn collect(messages: Vec<String>) -> Option<Error> {
        if messages.is_empty() {
            None
        } else {
            Some(Error { messages })
        }
    }

    /// The messages, in the order they were found.
    pub fn messages(&self) -> &[String] {
        &self.messages
    }

    /// An I/O failure while writing the cloud assembly.
    pub(crate) fn io(what: &str, path: &std::path::Path, err: std::io::Error) -> Error {
        Error::new(format!("cannot {what} `{}`: {err}", path.display()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, m) in self.messages.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            f.write_str(m)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
