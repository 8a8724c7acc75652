//! Annotations (CDK `Annotations.of(scope)`): informational messages, warnings and errors
//! recorded on construct nodes, written into the cloud assembly's stack metadata as the CDK
//! writes them (`aws:cdk:info`, `aws:cdk:warning`, `aws:cdk:error`) and printed by
//! [`App::synth`](crate::App::synth) when no CDK CLI reads that metadata.
//!
//! A warning carries an acknowledgement id (CDK `addWarningV2`), appended to its message as
//! ` [ack: <id>]`; acknowledging the id on a scope (CDK `acknowledgeWarning`) silences it there
//! and everywhere below.
//!
//! ```
//! use ecs_core::prelude::*;
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
//! app.add_warning(cluster.node(), "my-lib:oldCluster", "clusters like this one are deprecated")?;
//! assert_eq!(
//!     app.annotations()[0].to_string(),
//!     "[Warning at /Web/Cluster] clusters like this one are deprecated [ack: my-lib:oldCluster]",
//! );
//! app.acknowledge_warning(s, "my-lib:oldCluster")?;
//! assert!(app.annotations().is_empty());
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::construct::app::App;
use crate::construct::{NodeId, Stack};
use crate::error::Error;

/// How serious an annotation is.
///
/// ```
/// use ecs_core::construct::annotations::Level;
/// assert_eq!(Level::Warning.metadata_type(), "aws:cdk:warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Information (CDK `addInfo`).
    Info,
    /// A warning (CDK `addWarningV2`); `cdk synth --strict` fails on it.
    Warning,
    /// An error (CDK `addError`): the CDK CLI refuses to deploy the stack.
    Error,
}

impl Level {
    /// The entry type in the assembly's stack metadata.
    pub fn metadata_type(self) -> &'static str {
        match self {
            Level::Info => "aws:cdk:info",
            Level::Warning => "aws:cdk:warning",
            Level::Error => "aws:cdk:error",
        }
    }

    /// The word the CDK CLI prints for it: `Info`, `Warning` or `Error`.
    fn word(self) -> &'static str {
        match self {
            Level::Info => "Info",
            Level::Warning => "Warning",
            Level::Error => "Error",
        }
    }
}

/// A message recorded on a node, as the assembly metadata holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub(crate) level: Level,
    /// The text as written, ` [ack: <id>]` included.
    pub(crate) message: String,
    /// The acknowledgement id of a warning.
    pub(crate) id: Option<String>,
}

/// An annotation of the app: where, how serious, and what.
///
/// ```
/// use ecs_core::construct::annotations::{Annotation, Level};
/// let a = Annotation {
///     level: Level::Warning,
///     path: "/Web/Service".into(),
///     message: "minHealthyPercent has not been configured [ack: @aws-cdk/aws-ecs:minHealthyPercent]".into(),
///     id: Some("@aws-cdk/aws-ecs:minHealthyPercent".into()),
/// };
/// assert_eq!(a.to_string(), "[Warning at /Web/Service] minHealthyPercent has not been configured [ack: @aws-cdk/aws-ecs:minHealthyPercent]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Info, warning or error.
    pub level: Level,
    /// The node's path with a leading `/`, as the assembly metadata keys it (`/Web/Service`).
    pub path: String,
    /// The message as written into the metadata; a warning's ends with ` [ack: <id>]`.
    pub message: String,
    /// The acknowledgement id of a warning, for [`App::acknowledge_warning`].
    pub id: Option<String>,
}

/// One line, as the CDK CLI prints an annotation: `[Warning at /Web/Service] message`.
impl std::fmt::Display for Annotation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "[{} at {}] {}",
            self.level.word(),
            self.path,
            self.message
        )
    }
}

impl Stack {
    /// Records `message` on `node`; a warning with `id` gets the CDK's ` [ack: <id>]` suffix.
    /// The same text twice on one node is kept once, as the CDK keeps it.
    pub(crate) fn annotate(&mut self, node: NodeId, level: Level, message: &str, id: Option<&str>) {
        let message = match id {
            Some(id) => format!("{message} [ack: {id}]"),
            None => message.to_string(),
        };
        let notes = &mut self.nodes[node.index].extra_mut().annotations;
        if !notes.iter().any(|n| n.message == message) {
            notes.push(Note {
                level,
                message,
                id: id.map(String::from),
            });
        }
    }

    /// [`Stack::annotate`] with a warning the CDK raises: `id` is its acknowledgement id.
    pub(crate) fn warn(&mut self, node: NodeId, id: &str, message: &str) {
        self.annotate(node, Level::Warning, message, Some(id));
    }

    /// Acknowledges warning `id` at `scope` and below.
    pub(crate) fn acknowledge(&mut self, scope: NodeId, id: &str) {
        let acks = &mut self.nodes[scope.index].extra_mut().acknowledged;
        if !acks.iter().any(|a| a == id) {
            acks.push(id.to_string());
        }
    }

    /// The messages of the node at `index` that stand: warnings acknowledged at the node or
    /// above it are left out (acknowledging before or after the warning is raised is the same).
    pub(crate) fn notes(&self, index: usize) -> impl Iterator<Item = &Note> + '_ {
        self.nodes[index].annotations().iter().filter(move |n| {
            let Some(id) = &n.id else { return true };
            !std::iter::successors(Some(index), |&i| self.nodes[i].parent())
                .any(|i| self.nodes[i].acknowledged().iter().any(|a| a == id))
        })
    }

    /// Node indices breadth-first, children in tree order: the order the CDK collects stack
    /// metadata in.
    pub(crate) fn breadth_first(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nodes.len());
        out.push(0);
        let mut at = 0;
        while at < out.len() {
            out.extend(self.nodes[out[at]].children.iter().copied());
            at += 1;
        }
        out
    }

    /// The stack's annotations, breadth-first as in its metadata.
    pub(crate) fn annotations(&self) -> Vec<Annotation> {
        let mut out = Vec::new();
        for i in self.breadth_first() {
            for note in self.notes(i) {
                out.push(Annotation {
                    level: note.level,
                    path: format!(
                        "/{}",
                        self.path(NodeId {
                            stack: self.index,
                            index: i
                        })
                    ),
                    message: note.message.clone(),
                    id: note.id.clone(),
                });
            }
        }
        out
    }
}

/// Annotations on construct nodes (CDK `Annotations.of(scope)`).
impl App {
    /// Every standing annotation of the app: stack by stack, breadth-first in each, as the
    /// cloud assembly's metadata lists them.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// app.add_info(s, "built by the platform team")?;
    /// assert_eq!(app.annotations()[0].to_string(), "[Info at /Web] built by the platform team");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub fn annotations(&self) -> Vec<Annotation> {
        self.stacks.iter().flat_map(Stack::annotations).collect()
    }

    /// Adds a warning with acknowledgement id `id` on `scope` (CDK `addWarningV2`); its message
    /// ends with ` [ack: <id>]`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// app.add_warning(s, "acme:noOwner", "the stack has no owner tag")?;
    /// assert_eq!(app.annotations()[0].message, "the stack has no owner tag [ack: acme:noOwner]");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `scope` is of another app.
    pub fn add_warning(
        &mut self,
        scope: impl Into<NodeId>,
        id: &str,
        message: &str,
    ) -> Result<(), Error> {
        self.annotate(scope.into(), Level::Warning, message, Some(id))
    }

    /// Adds an informational message on `scope` (CDK `addInfo`).
    ///
    /// ```
    /// let mut app = ecs_core::App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// app.add_info(s, "reviewed").unwrap();
    /// assert_eq!(app.annotations().len(), 1);
    /// ```
    ///
    /// # Errors
    ///
    /// When `scope` is of another app.
    pub fn add_info(&mut self, scope: impl Into<NodeId>, message: &str) -> Result<(), Error> {
        self.annotate(scope.into(), Level::Info, message, None)
    }

    /// Adds an error on `scope` (CDK `addError`): synthesis still writes the assembly, and the
    /// CDK CLI refuses to deploy it.
    ///
    /// ```
    /// use ecs_core::construct::annotations::Level;
    /// let mut app = ecs_core::App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// app.add_error(s, "no owner").unwrap();
    /// assert_eq!(app.annotations()[0].level, Level::Error);
    /// ```
    ///
    /// # Errors
    ///
    /// When `scope` is of another app.
    pub fn add_error(&mut self, scope: impl Into<NodeId>, message: &str) -> Result<(), Error> {
        self.annotate(scope.into(), Level::Error, message, None)
    }

    /// Acknowledges warning `id` on `scope` and everything below it (CDK
    /// `Annotations.of(scope).acknowledgeWarning(id)`), whether the warning was raised before
    /// or is raised after; acknowledge on each stack to silence it in the whole app.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let api = ecs_core::construct::app::Construct::new(&mut app, s, "Api")?;
    /// app.add_warning(api, "acme:x", "x")?;
    /// app.acknowledge_warning(s, "acme:x")?;
    /// assert!(app.annotations().is_empty());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is empty, or `scope` is of another app.
    pub fn acknowledge_warning(&mut self, scope: impl Into<NodeId>, id: &str) -> Result<(), Error> {
        let scope = scope.into();
        self.check_node(scope)?;
        if id.is_empty() {
            return Err(Error::new(
                "a warning id to acknowledge cannot be empty: copy it from the warning's `[ack: …]`",
            ));
        }
        self.stack_mut(scope.stack()).acknowledge(scope, id);
        Ok(())
    }

    fn annotate(
        &mut self,
        scope: NodeId,
        level: Level,
        message: &str,
        id: Option<&str>,
    ) -> Result<(), Error> {
        self.check_node(scope)?;
        self.stack_mut(scope.stack())
            .annotate(scope, level, message, id);
        Ok(())
    }
}
