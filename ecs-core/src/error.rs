//! The error type of the builders and of synthesis: every problem found, each with a kind to
//! match on and a message that names the fix.

use std::fmt;
use std::sync::Arc;

/// One or more problems found while building or synthesizing an app.
///
/// A builder reports every rule its construct breaks (see [`facts`](crate::ecs::facts));
/// synthesis collects every violation of the app (as the CDK's `validate()` phase does) and
/// reports them together. `Debug` prints what `Display` prints, so `fn main() -> Result<(),
/// Error>` shows the messages as they are.
///
/// ```
/// use ecs_core::error::{Error, ErrorKind, RuleId};
/// let e = Error::rule(RuleId::F2, "task definition `Td` cannot use `cpu: 256` with `memory_limit_mib: 4096`");
/// assert_eq!(e.diagnostics()[0].kind(), ErrorKind::Rule(RuleId::F2));
/// assert_eq!(format!("{e:?}"), e.to_string());
/// ```
#[derive(Clone)]
pub struct Error {
    diagnostics: Vec<Diagnostic>,
}

/// What kind of problem a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A rule of the specification (SPEC §4), the same the macro checks while compiling.
    Rule(RuleId),
    /// A construct id already taken in its scope.
    DuplicateId,
    /// A value or combination a construct refuses (as the CDK's constructors and `validate()`
    /// refuse them).
    Invalid,
    /// A stack or construct of another [`App`](crate::App).
    ForeignApp,
    /// A finding of the lint or policy named, at `deny` or `forbid`
    /// ([`lints`](crate::ecs::lints)).
    Lint(&'static str),
    /// Reading an asset or writing the cloud assembly failed; the I/O error is the
    /// [`source`](std::error::Error::source).
    Io,
}

/// One problem: its kind and its message.
#[derive(Clone)]
pub struct Diagnostic {
    kind: ErrorKind,
    message: String,
    source: Option<Arc<std::io::Error>>,
}

impl Diagnostic {
    /// A problem of `kind`.
    ///
    /// ```
    /// use ecs_core::error::{Diagnostic, ErrorKind};
    /// let d = Diagnostic::new(ErrorKind::Invalid, "`port: 0` is not a port: use 1 to 65535");
    /// assert_eq!(d.message(), "`port: 0` is not a port: use 1 to 65535");
    /// ```
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// What kind of problem it is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message: lowercase, naming the fix.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The rule it breaks, if it is a rule's.
    pub fn rule(&self) -> Option<RuleId> {
        match self.kind {
            ErrorKind::Rule(id) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Debug for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diagnostic")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .finish()
    }
}

impl PartialEq for Diagnostic {
    fn eq(&self, other: &Diagnostic) -> bool {
        self.kind == other.kind && self.message == other.message
    }
}

impl Eq for Diagnostic {}

impl Error {
    /// An error with one message of kind [`ErrorKind::Invalid`].
    ///
    /// ```
    /// let e = ecs_core::Error::new("no cluster named `Clustr`: did you mean `Cluster`?");
    /// assert_eq!(e.to_string(), "no cluster named `Clustr`: did you mean `Cluster`?");
    /// ```
    pub fn new(message: impl Into<String>) -> Error {
        Error::of(ErrorKind::Invalid, message)
    }

    /// An error with one message of `kind`.
    pub fn of(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            diagnostics: vec![Diagnostic::new(kind, message)],
        }
    }

    /// An error breaking rule `id`.
    pub fn rule(id: RuleId, message: impl Into<String>) -> Error {
        Error::of(ErrorKind::Rule(id), message)
    }

    /// An error holding several problems; `None` when there are none.
    ///
    /// ```
    /// assert!(ecs_core::Error::collect(Vec::new()).is_none());
    /// ```
    pub fn collect(diagnostics: Vec<Diagnostic>) -> Option<Error> {
        if diagnostics.is_empty() {
            None
        } else {
            Some(Error { diagnostics })
        }
    }

    /// The problems, in the order they were found.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The messages, in the order they were found.
    pub fn messages(&self) -> Vec<&str> {
        self.diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect()
    }

    /// Whether any problem is of `kind`.
    ///
    /// ```
    /// use ecs_core::error::{Error, ErrorKind};
    /// assert!(Error::of(ErrorKind::DuplicateId, "x").has(ErrorKind::DuplicateId));
    /// ```
    pub fn has(&self, kind: ErrorKind) -> bool {
        self.diagnostics.iter().any(|d| d.kind == kind)
    }

    /// An I/O failure while reading an asset or writing the cloud assembly.
    pub(crate) fn io(what: &str, path: &std::path::Path, err: std::io::Error) -> Error {
        Error {
            diagnostics: vec![Diagnostic {
                kind: ErrorKind::Io,
                message: format!("cannot {what} `{}`: {err}", path.display()),
                source: Some(Arc::new(err)),
            }],
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Error {
        Error {
            diagnostics: vec![d],
        }
    }
}

impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        self.diagnostics == other.diagnostics
    }
}

impl Eq for Error {}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            f.write_str(&d.message)?;
        }
        Ok(())
    }
}

// `fn main() -> Result<(), Error>` prints the error with `Debug`: the messages, not a struct.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.diagnostics
            .iter()
            .find_map(|d| d.source.as_deref())
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Identifies a rule of the specification (SPEC §4), for messages and tests.
///
/// ```
/// assert_eq!(ecs_core::error::RuleId::F2.as_str(), "F2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// A Fargate-compatible task definition states `cpu` and `memory`.
    F1,
    /// The Fargate cpu/memory pair is one AWS offers.
    F2,
    /// Fargate tasks use the `awsvpc` network mode.
    F3,
    /// Containers of EC2 tasks state their memory.
    E1,
    /// A service's task definition is compatible with its launch type.
    S1,
    /// A task definition has an essential container.
    S2,
    /// An EC2 service's cluster has EC2 capacity.
    S3,
    /// Ids are unique in their scope and names refer to declared constructs.
    G4,
    /// Capacity: one way to choose the image, spot draining with a spot price, sizes in order.
    C1,
    /// Capacity providers: strategies that can be placed, managed scaling under protection.
    C2,
    /// Fargate tasks use no host-bound feature.
    F4,
    /// Fargate features that need platform version 1.4.0.
    F6,
    /// Container memory and cpu fit each other and the task.
    E2,
    /// External tasks use no volumes or accelerators.
    X1,
    /// External tasks use bridge, host or none networking.
    X2,
    /// awsvpc and host mode map host ports to the same container ports.
    L3,
    /// Port names, application protocols and port ranges are ones the CDK accepts.
    L4,
    /// A service's Service Connect configuration names ports of its task definition and a
    /// namespace.
    M2,
    /// Accelerator resources name declared devices.
    G2,
    /// Health-check timing is one ECS accepts.
    G3,
    /// At most 100 environment variables per container.
    G5,
    /// A container's restart policy and credential specs are ones ECS accepts.
    G6,
    /// Fault injection and App Mesh proxies only in the network modes they work in.
    G7,
    /// Process and IPC namespaces Fargate allows: `pid_mode` `Task` on Linux with a stated
    /// operating system family, no `ipc_mode`.
    G8,
    /// Managed Instances tasks: awsvpc or host networking on Linux, without inference
    /// accelerators, ephemeral storage, IPC mode, proxy configuration or Docker volumes.
    G9,
    /// Fargate log drivers are awslogs, splunk or awsfirelens.
    F5,
    /// Healthy percents in order; daemon services have no desired count.
    S4,
    /// Daemon services place their tasks by no strategy.
    S5,
    /// Load-balancer targets name a declared container and a mapped port.
    L1,
    /// Classic load balancers need bridge or host networking.
    L2,
    /// Cloud Map records fit the network mode and a mapped port.
    M1,
    /// Task auto-scaling bounds, targets and schedules.
    A1,
    /// ECS Exec logging settings fit together.
    G1,
    /// A cluster sets Container Insights one way.
    K1,
}

impl RuleId {
    /// The rule's id as the specification writes it.
    ///
    /// ```
    /// assert_eq!(ecs_core::error::RuleId::S3.as_str(), "S3");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleId::F1 => "F1",
            RuleId::F2 => "F2",
            RuleId::F3 => "F3",
            RuleId::E1 => "E1",
            RuleId::S1 => "S1",
            RuleId::S2 => "S2",
            RuleId::S3 => "S3",
            RuleId::G4 => "G4",
            RuleId::C1 => "C1",
            RuleId::C2 => "C2",
            RuleId::F4 => "F4",
            RuleId::F6 => "F6",
            RuleId::E2 => "E2",
            RuleId::X1 => "X1",
            RuleId::X2 => "X2",
            RuleId::L3 => "L3",
            RuleId::L4 => "L4",
            RuleId::M2 => "M2",
            RuleId::G2 => "G2",
            RuleId::G3 => "G3",
            RuleId::G5 => "G5",
            RuleId::G6 => "G6",
            RuleId::G7 => "G7",
            RuleId::G8 => "G8",
            RuleId::G9 => "G9",
            RuleId::F5 => "F5",
            RuleId::S4 => "S4",
            RuleId::S5 => "S5",
            RuleId::L1 => "L1",
            RuleId::L2 => "L2",
            RuleId::M1 => "M1",
            RuleId::A1 => "A1",
            RuleId::G1 => "G1",
            RuleId::K1 => "K1",
        }
    }
}
