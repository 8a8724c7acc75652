//! Lints: organization policies over an app's ECS constructs, with Rust's levels (`allow`,
//! `warn`, `deny`, `forbid`). `ecs_app!` judges literal values while compiling (`#![deny(…)]`
//! in a block or a stack, `#[allow(lint, reason = "…")]` on an item); the builders judge every
//! value at synthesis ([`App::set_lint_level`](crate::App::set_lint_level)) and write the
//! findings as SARIF for code scanning.
//!
//! The built-in lints are the controls of the AWS Foundational Security Best Practices for ECS
//! that a template shows, and the ECS rules of cdk-nag's AwsSolutions pack; every lint is
//! `allow` until an app or a group of lints raises it. A platform team adds its own rules as
//! `const fn` policies over the same views ([`ContainerView`], [`TaskView`], [`ServiceView`],
//! [`ClusterView`]).
//!
//! ```
//! use ecs_core::ecs::lints::{lint, members};
//! assert_eq!(lint("privileged_container").unwrap().controls, ["ECS.4"]);
//! assert!(members("aws_foundational_security").unwrap().contains(&"privileged_container"));
//! ```

use crate::ecs::cluster::ContainerInsights;
use crate::ecs::facts::Fact;
use crate::ecs::service::LaunchType;
use crate::ecs::task_definition::{NetworkMode, PidMode};

/// How a lint's findings are treated, as Rust treats its lints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not reported (a waiver with a reason is recorded in the SARIF report).
    Allow,
    /// Reported as a compiler warning, and as a warning at synthesis.
    Warn,
    /// A compile error on the offending token, and an error at synthesis.
    Deny,
    /// As `Deny`, and no scope inside may lower it.
    Forbid,
}

impl Level {
    /// The attribute name: `allow`, `warn`, `deny`, `forbid`.
    pub const fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
            Level::Forbid => "forbid",
        }
    }

    /// The level named `name`.
    ///
    /// ```
    /// use ecs_core::ecs::lints::Level;
    /// assert_eq!(Level::from_name("deny"), Some(Level::Deny));
    /// ```
    pub fn from_name(name: &str) -> Option<Level> {
        [Level::Allow, Level::Warn, Level::Deny, Level::Forbid]
            .into_iter()
            .find(|l| l.name() == name)
    }

    /// Whether findings at this level fail the build.
    pub const fn is_error(self) -> bool {
        matches!(self, Level::Deny | Level::Forbid)
    }
}

/// A built-in lint.
#[derive(Debug)]
pub struct Lint {
    /// Its name in attributes, e.g. `privileged_container`.
    pub name: &'static str,
    /// The controls it checks: AWS Foundational Security Best Practices ids (`ECS.4`) and
    /// cdk-nag rule ids (`AwsSolutions-ECS2`).
    pub controls: &'static [&'static str],
    /// The groups it belongs to.
    pub groups: &'static [&'static str],
    /// What it catches, one line.
    pub doc: &'static str,
}

/// The groups of lints, by name, with what they stand for.
pub static GROUPS: &[(&str, &str)] = &[
    (
        "aws_foundational_security",
        "the ECS controls of the AWS Foundational Security Best Practices that a template shows",
    ),
    (
        "aws_solutions",
        "the ECS rules of cdk-nag's AwsSolutions pack",
    ),
];

const FSBP: &str = "aws_foundational_security";
const NAG: &str = "aws_solutions";

/// Every built-in lint.
pub static LINTS: &[Lint] = &[
    Lint {
        name: "host_network_root_user",
        controls: &["ECS.1"],
        groups: &[FSBP],
        doc: "a container of a host-network task definition that is neither privileged nor run as a non-root `user`",
    },
    Lint {
        name: "public_ip",
        controls: &["ECS.2"],
        groups: &[FSBP],
        doc: "a service whose tasks get public IP addresses (`assign_public_ip: true`)",
    },
    Lint {
        name: "host_pid_mode",
        controls: &["ECS.3"],
        groups: &[FSBP],
        doc: "a task definition sharing the host's process namespace (`pid_mode: Host`)",
    },
    Lint {
        name: "privileged_container",
        controls: &["ECS.4"],
        groups: &[FSBP],
        doc: "a container with root privileges on its host (`privileged: true`)",
    },
    Lint {
        name: "writable_root_filesystem",
        controls: &["ECS.5"],
        groups: &[FSBP],
        doc: "a container whose root file system is writable (no `readonly_root_filesystem: true`)",
    },
    Lint {
        name: "credentials_in_environment",
        controls: &["ECS.8"],
        groups: &[FSBP],
        doc: "AWS credentials or registry auth data in plain environment variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `ECS_ENGINE_AUTH_DATA`)",
    },
    Lint {
        name: "container_without_logging",
        controls: &["ECS.9", "AwsSolutions-ECS7"],
        groups: &[FSBP, NAG],
        doc: "a container without a log driver (`logging`)",
    },
    Lint {
        name: "fargate_platform_not_latest",
        controls: &["ECS.10"],
        groups: &[FSBP],
        doc: "a Fargate service pinned to a platform version other than `LATEST`",
    },
    Lint {
        name: "container_insights_disabled",
        controls: &["ECS.12", "AwsSolutions-ECS4"],
        groups: &[FSBP, NAG],
        doc: "a cluster without CloudWatch Container Insights",
    },
    Lint {
        name: "environment_variables",
        controls: &["AwsSolutions-ECS2"],
        groups: &[NAG],
        doc: "a container with environment variables set directly (use secrets or environment files)",
    },
];

/// The built-in lint named `name`.
pub fn lint(name: &str) -> Option<&'static Lint> {
    LINTS.iter().find(|l| l.name == name)
}

/// The lints a name stands for: the lint itself, or every lint of a group; `None` when it names
/// neither.
pub fn members(name: &str) -> Option<Vec<&'static str>> {
    if let Some(l) = lint(name) {
        return Some(vec![l.name]);
    }
    GROUPS.iter().any(|(g, _)| *g == name).then(|| {
        LINTS
            .iter()
            .filter(|l| l.groups.contains(&name))
            .map(|l| l.name)
            .collect()
    })
}

/// Every name an attribute may use: the lints, then the groups.
pub fn names() -> Vec<&'static str> {
    LINTS
        .iter()
        .map(|l| l.name)
        .chain(GROUPS.iter().map(|(g, _)| *g))
        .collect()
}

/// The message of a finding at `level`, as both `ecs_app!` and synthesis report it: at `warn`
/// and `deny` it says how to waive it, at `forbid` that it cannot be.
///
/// ```
/// use ecs_core::ecs::lints::{Level, reported};
/// assert!(reported("x runs privileged", "privileged_container", Level::Deny).ends_with("with a reason"));
/// ```
pub fn reported(message: &str, lint: &str, level: Level) -> String {
    match level {
        Level::Forbid => format!("{message}; `{lint}` is forbidden here"),
        _ => format!("{message}; waive it with an `allow` of `{lint}` with a reason"),
    }
}

/// The error of a name that is no lint, group or policy, with the closest of `known`.
pub fn unknown_name_message(name: &str, known: &[&str]) -> String {
    let hint = crate::ecs::rules::did_you_mean(name, known)
        .map_or(String::new(), |n| format!(": did you mean `{n}`?"));
    format!("no lint, lint group or policy named `{name}`{hint}")
}

/// The error of an attribute that would lower a `forbid`.
pub fn lower_forbid_message(level: Level, name: &str, forbidden: &str) -> String {
    format!(
        "`{}({name})` cannot lower `forbid({forbidden})` set around it: remove it",
        level.name()
    )
}

/// One finding of a lint: which lint, where, and the message that names the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<S> {
    /// The lint.
    pub lint: &'static str,
    /// Where to blame it.
    pub at: S,
    /// The message: lowercase, with the control ids and the fix.
    pub message: String,
}

fn finding<S>(
    lint_name: &'static str,
    at: S,
    subject: &str,
    problem: &str,
    fix: &str,
) -> Finding<S> {
    let controls = lint(lint_name).map_or(String::new(), |l| l.controls.join(", "));
    Finding {
        lint: lint_name,
        at,
        message: format!("{subject} {problem} ({controls}): {fix}"),
    }
}

/// What a lint or a policy sees of a container: what is known of each property, as the
/// rules' facts hold it. Built by `ecs_app!` from literals (and, for policies, while
/// compiling) and by the builders from values.
#[derive(Debug, Clone, Copy)]
pub struct ContainerView<'a, S> {
    /// The task definition's id.
    pub task: &'a str,
    /// The container's id.
    pub name: &'a str,
    /// The container item, blamed when none of its properties is.
    pub at: S,
    /// The task definition's network mode.
    pub network_mode: Fact<NetworkMode, S>,
    /// The image, when it is a registry image (`ContainerImage::from_registry("…")`).
    pub image: Fact<&'a str, S>,
    /// `memory_limit_mib`.
    pub memory_limit_mib: Fact<u32, S>,
    /// `cpu`.
    pub cpu: Fact<u32, S>,
    /// `privileged`.
    pub privileged: Fact<bool, S>,
    /// `user`.
    pub user: Fact<&'a str, S>,
    /// `readonly_root_filesystem`.
    pub readonly_root_filesystem: Fact<bool, S>,
    /// The names of `environment`'s variables, each with its site.
    pub environment: Fact<&'a [(&'a str, S)], S>,
    /// `logging`.
    pub logging: Fact<(), S>,
}

impl<'a, S: Copy> ContainerView<'a, S> {
    /// A container with nothing written.
    pub const fn new(task: &'a str, name: &'a str, at: S) -> Self {
        ContainerView {
            task,
            name,
            at,
            network_mode: Fact::Absent,
            image: Fact::Absent,
            memory_limit_mib: Fact::Absent,
            cpu: Fact::Absent,
            privileged: Fact::Absent,
            user: Fact::Absent,
            readonly_root_filesystem: Fact::Absent,
            environment: Fact::Absent,
            logging: Fact::Absent,
        }
    }

    fn subject(&self) -> String {
        format!(
            "container `{}` of task definition `{}`",
            self.name, self.task
        )
    }

    /// Every built-in lint's findings on the container.
    ///
    /// ```
    /// use ecs_core::ecs::lints::ContainerView;
    /// use ecs_core::facts::Fact;
    /// let mut c = ContainerView::new("TaskDef", "web", ());
    /// c.privileged = Fact::Known(true, ());
    /// let lints: Vec<_> = c.findings().iter().map(|f| f.lint).collect();
    /// assert!(lints.contains(&"privileged_container"));
    /// ```
    pub fn findings(&self) -> Vec<Finding<S>> {
        let mut out = Vec::new();
        let subject = self.subject();
        if let Fact::Known(true, at) = self.privileged {
            out.push(finding(
                "privileged_container",
                at,
                &subject,
                "runs privileged",
                "remove `privileged: true`",
            ));
        }
        match self.readonly_root_filesystem {
            Fact::Known(true, _) | Fact::Runtime => {}
            Fact::Known(false, at) => out.push(finding(
                "writable_root_filesystem",
                at,
                &subject,
                "has a writable root file system",
                "set `readonly_root_filesystem: true`",
            )),
            Fact::Absent => out.push(finding(
                "writable_root_filesystem",
                self.at,
                &subject,
                "has a writable root file system",
                "add `readonly_root_filesystem: true`",
            )),
        }
        if let Fact::Known(NetworkMode::Host, _) = self.network_mode {
            let privileged = matches!(self.privileged, Fact::Known(true, _) | Fact::Runtime);
            let (user_ok, at) = match self.user {
                Fact::Known(user, at) => (!is_root(user), at),
                Fact::Runtime => (true, self.at),
                Fact::Absent => (false, self.at),
            };
            if !privileged && !user_ok {
                out.push(finding(
                    "host_network_root_user",
                    at,
                    &subject,
                    "uses the host's network as root",
                    "give it a non-root `user`, e.g. `user: \"1000\"`",
                ));
            }
        }
        match self.environment {
            Fact::Known(vars, at) => {
                for (name, site) in vars {
                    if CREDENTIAL_VARIABLES.contains(name) {
                        out.push(finding(
                            "credentials_in_environment",
                            *site,
                            &subject,
                            &format!("passes `{name}` as a plain environment variable"),
                            "pass it with `secrets` from Secrets Manager or SSM instead",
                        ));
                    }
                }
                if !vars.is_empty() {
                    out.push(finding(
                        "environment_variables",
                        at,
                        &subject,
                        "sets environment variables directly",
                        "pass them with `secrets` or `environment_files` instead",
                    ));
                }
            }
            Fact::Runtime => {}
            Fact::Absent => {}
        }
        if let Fact::Absent = self.logging {
            out.push(finding(
                "container_without_logging",
                self.at,
                &subject,
                "has no log driver",
                "add `logging`, e.g. `logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix(\"web\"))`",
            ));
        }
        out
    }
}

/// The variables ECS.8 looks for.
const CREDENTIAL_VARIABLES: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "ECS_ENGINE_AUTH_DATA",
];

/// Whether `user` (`name`, `uid`, `name:group`, `uid:gid`) is root.
fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or(user);
    name.is_empty() || name == "root" || name == "0"
}

/// What a lint or a policy sees of a task definition.
#[derive(Debug, Clone, Copy)]
pub struct TaskView<'a, S> {
    /// The task definition's id.
    pub id: &'a str,
    /// The item, blamed when none of its properties is.
    pub at: S,
    /// `network_mode`.
    pub network_mode: Fact<NetworkMode, S>,
    /// `pid_mode`.
    pub pid_mode: Fact<PidMode, S>,
    /// `cpu`, in CPU units.
    pub cpu: Fact<u32, S>,
    /// `memory_limit_mib`.
    pub memory_mib: Fact<u32, S>,
}

impl<'a, S: Copy> TaskView<'a, S> {
    /// A task definition with nothing written.
    pub const fn new(id: &'a str, at: S) -> Self {
        TaskView {
            id,
            at,
            network_mode: Fact::Absent,
            pid_mode: Fact::Absent,
            cpu: Fact::Absent,
            memory_mib: Fact::Absent,
        }
    }

    /// Every built-in lint's findings on the task definition.
    pub fn findings(&self) -> Vec<Finding<S>> {
        let mut out = Vec::new();
        if let Fact::Known(PidMode::Host, at) = self.pid_mode {
            out.push(finding(
                "host_pid_mode",
                at,
                &format!("task definition `{}`", self.id),
                "shares the host's process namespace",
                "remove `pid_mode: Host`, or use `pid_mode: Task`",
            ));
        }
        out
    }
}

/// What a lint or a policy sees of a service.
#[derive(Debug, Clone, Copy)]
pub struct ServiceView<'a, S> {
    /// The service's id.
    pub id: &'a str,
    /// The item, blamed when none of its properties is.
    pub at: S,
    /// How its tasks are launched.
    pub launch: LaunchType,
    /// `assign_public_ip`.
    pub assign_public_ip: Fact<bool, S>,
    /// `platform_version` (Fargate).
    pub platform_version: Fact<&'a str, S>,
    /// `desired_count`.
    pub desired_count: Fact<u32, S>,
}

impl<'a, S: Copy> ServiceView<'a, S> {
    /// A service with nothing written.
    pub const fn new(id: &'a str, at: S, launch: LaunchType) -> Self {
        ServiceView {
            id,
            at,
            launch,
            assign_public_ip: Fact::Absent,
            platform_version: Fact::Absent,
            desired_count: Fact::Absent,
        }
    }

    /// Every built-in lint's findings on the service.
    pub fn findings(&self) -> Vec<Finding<S>> {
        let mut out = Vec::new();
        let subject = format!("service `{}`", self.id);
        if let Fact::Known(true, at) = self.assign_public_ip {
            out.push(finding(
                "public_ip",
                at,
                &subject,
                "assigns public IP addresses to its tasks",
                "remove `assign_public_ip: true` and reach the tasks through a load balancer",
            ));
        }
        if self.launch == LaunchType::Fargate
            && let Fact::Known(version, at) = self.platform_version
            && version != "LATEST"
        {
            out.push(finding(
                "fargate_platform_not_latest",
                at,
                &subject,
                &format!("runs on Fargate platform version `{version}`"),
                "remove `platform_version` (the latest) or use `\"LATEST\"`",
            ));
        }
        out
    }
}

/// What a lint or a policy sees of a cluster.
#[derive(Debug, Clone, Copy)]
pub struct ClusterView<'a, S> {
    /// The cluster's id.
    pub id: &'a str,
    /// The item, blamed when none of its properties is.
    pub at: S,
    /// `container_insights`.
    pub container_insights: Fact<bool, S>,
    /// `container_insights_v2`.
    pub container_insights_v2: Fact<ContainerInsights, S>,
}

impl<'a, S: Copy> ClusterView<'a, S> {
    /// A cluster with nothing written.
    pub const fn new(id: &'a str, at: S) -> Self {
        ClusterView {
            id,
            at,
            container_insights: Fact::Absent,
            container_insights_v2: Fact::Absent,
        }
    }

    /// Every built-in lint's findings on the cluster.
    pub fn findings(&self) -> Vec<Finding<S>> {
        let off = |at| {
            finding(
                "container_insights_disabled",
                at,
                &format!("cluster `{}`", self.id),
                "has CloudWatch Container Insights off",
                "add `container_insights_v2: Enabled` (or `Enhanced`)",
            )
        };
        match (self.container_insights, self.container_insights_v2) {
            (_, Fact::Known(ContainerInsights::Disabled, at)) => vec![off(at)],
            (_, Fact::Known(_, _)) | (_, Fact::Runtime) => vec![],
            (Fact::Known(false, at), Fact::Absent) => vec![off(at)],
            (Fact::Known(true, _), Fact::Absent) | (Fact::Runtime, Fact::Absent) => vec![],
            (Fact::Absent, Fact::Absent) => vec![off(self.at)],
        }
    }
}

/// A policy of a platform team: a `const fn` over a view, returning the message of what it
/// refuses. `ecs_app!` runs it by const evaluation while compiling (`#![policy(container =
/// path::to::fn)]`); the builders run it at synthesis.
///
/// ```
/// use ecs_core::ecs::lints::{ContainerView, Policy, str_starts_with};
/// use ecs_core::facts::Fact;
/// const fn images_from_our_registry(c: &ContainerView<'_, ()>) -> Result<(), &'static str> {
///     match c.image {
///         Fact::Known(image, _) if !str_starts_with(image, "123456789012.dkr.ecr.") => {
///             Err("images come from our registry: use an image of 123456789012.dkr.ecr")
///         }
///         _ => Ok(()),
///     }
/// }
/// let policy = Policy::Container("images_from_our_registry", images_from_our_registry);
/// assert_eq!(policy.name(), "images_from_our_registry");
/// ```
#[derive(Clone, Copy)]
pub enum Policy {
    /// A policy over each container.
    Container(
        &'static str,
        for<'a> fn(&ContainerView<'a, ()>) -> Result<(), &'static str>,
    ),
    /// A policy over each task definition.
    Task(
        &'static str,
        for<'a> fn(&TaskView<'a, ()>) -> Result<(), &'static str>,
    ),
    /// A policy over each service.
    Service(
        &'static str,
        for<'a> fn(&ServiceView<'a, ()>) -> Result<(), &'static str>,
    ),
    /// A policy over each cluster.
    Cluster(
        &'static str,
        for<'a> fn(&ClusterView<'a, ()>) -> Result<(), &'static str>,
    ),
}

impl Policy {
    /// Its name, as findings and waivers name it.
    pub fn name(&self) -> &'static str {
        match self {
            Policy::Container(n, _)
            | Policy::Task(n, _)
            | Policy::Service(n, _)
            | Policy::Cluster(n, _) => n,
        }
    }
}

impl std::fmt::Debug for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Policy({})", self.name())
    }
}

/// `s` starts with `prefix`, in a `const fn` (policies are `const`).
///
/// ```
/// assert!(ecs_core::ecs::lints::str_starts_with("public.ecr.aws/nginx", "public.ecr.aws/"));
/// ```
pub const fn str_starts_with(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    if p.len() > s.len() {
        return false;
    }
    let mut i = 0;
    while i < p.len() {
        if s[i] != p[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `a` equals `b`, in a `const fn`.
///
/// ```
/// assert!(ecs_core::ecs::lints::str_eq("root", "root"));
/// ```
pub const fn str_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && str_starts_with(a, b)
}

// ---------------------------------------------------------------------------------------------
// The builders' side: levels and policies set on an app, judged at synthesis.

use crate::cfn::{NodeId, Value};
use crate::construct::app::{App, Family};
use crate::error::{Diagnostic, Error, ErrorKind};

/// One level or policy setting of an app: where it applies (the whole app, or a stack or
/// construct and everything under it), and what.
#[derive(Debug, Clone)]
struct Setting {
    /// The path of the scope, `None` for the whole app.
    scope: Option<(NodeId, String)>,
    what: SettingKind,
}

#[derive(Debug, Clone)]
enum SettingKind {
    Level {
        /// The lints (or the policy) the name stands for.
        lints: Vec<&'static str>,
        level: Level,
        reason: Option<String>,
    },
    Policy(Policy),
}

/// The lint settings of an app, in the order they were made.
#[derive(Debug, Clone, Default)]
pub(crate) struct LintSettings {
    settings: Vec<Setting>,
}

impl Family for LintSettings {
    /// Findings at `deny` or `forbid` fail synthesis, each as an error of its lint.
    fn validate(&self, app: &App, out: &mut Vec<Diagnostic>) {
        for report in reports(app, self) {
            if report.level.is_error() {
                out.push(Diagnostic::new(
                    ErrorKind::Lint(report.lint),
                    reported(&report.message, report.lint, report.level),
                ));
            }
        }
    }
}

/// One finding of the builders' lints, at its level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The lint or policy.
    pub lint: &'static str,
    /// Its level where the finding is; `Allow` only with a waiver's reason.
    pub level: Level,
    /// The construct path, e.g. `Web/TaskDef/web`.
    pub path: String,
    /// The stack whose template holds the construct.
    pub stack: String,
    /// The message.
    pub message: String,
    /// The reason of the `allow` that waives it.
    pub waived: Option<String>,
}

impl App {
    /// Sets the level of `name` (a lint, a group of lints, or a policy's name) in `scope`: the
    /// whole app (`None`), or a stack or construct and everything under it. A deeper scope
    /// overrides a shallower one, a later setting an earlier one, except under `forbid`.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::lints::Level;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// app.set_lint_level(None, "aws_foundational_security", Level::Deny, None)?;
    /// let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default())?;
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx")).memory_limit_mib(256).privileged(true))?;
    /// let e = app.validate().unwrap_err();
    /// assert!(e.to_string().contains("runs privileged (ECS.4)"));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `name` is neither a lint, a group nor a policy added before, when `scope` is of
    /// another app, or when it would lower a `forbid` set over the same scope.
    pub fn set_lint_level(
        &mut self,
        scope: Option<NodeId>,
        name: &str,
        level: Level,
        reason: Option<&str>,
    ) -> Result<(), Error> {
        let lints = match members(name) {
            Some(lints) => lints,
            None => match self.policy_named(name) {
                Some(policy) => vec![policy],
                None => {
                    let mut known = names();
                    if let Some(settings) = self.family::<LintSettings>() {
                        known.extend(settings.settings.iter().filter_map(|s| match &s.what {
                            SettingKind::Policy(p) => Some(p.name()),
                            SettingKind::Level { .. } => None,
                        }));
                    }
                    return Err(Error::new(unknown_name_message(name, &known)));
                }
            },
        };
        let scope = self.lint_scope(scope)?;
        if level < Level::Forbid
            && let Some(forbidden) = lints
                .iter()
                .find(|l| self.forbidden_over(scope.as_ref().map(|s| s.1.as_str()), l))
        {
            return Err(Error::new(lower_forbid_message(level, name, forbidden)));
        }
        self.family_mut::<LintSettings>().settings.push(Setting {
            scope,
            what: SettingKind::Level {
                lints,
                level,
                reason: reason.map(String::from),
            },
        });
        Ok(())
    }

    /// Adds a policy in `scope` (the whole app, or a stack or construct and everything under
    /// it): it judges each construct of its kind at synthesis, and what it refuses fails
    /// synthesis with its message unless an `allow` of its name waives it.
    ///
    /// # Errors
    ///
    /// When `scope` is of another app.
    pub fn add_policy(&mut self, scope: Option<NodeId>, policy: Policy) -> Result<(), Error> {
        let scope = self.lint_scope(scope)?;
        self.family_mut::<LintSettings>().settings.push(Setting {
            scope,
            what: SettingKind::Policy(policy),
        });
        Ok(())
    }

    /// Every finding of the lints and policies set on the app that is not plainly allowed:
    /// warnings, errors, and waived findings with their reasons.
    pub fn lint_reports(&self) -> Vec<Report> {
        match self.family::<LintSettings>() {
            Some(settings) => reports(self, settings),
            None => Vec::new(),
        }
    }

    fn lint_scope(&self, scope: Option<NodeId>) -> Result<Option<(NodeId, String)>, Error> {
        scope
            .map(|node| {
                self.check_node(node)?;
                Ok((node, self.stack(node.stack()).path(node)))
            })
            .transpose()
    }

    fn policy_named(&self, name: &str) -> Option<&'static str> {
        self.family::<LintSettings>()?
            .settings
            .iter()
            .find_map(|s| match &s.what {
                SettingKind::Policy(p) if p.name() == name => Some(p.name()),
                _ => None,
            })
    }

    /// Whether `lint` is forbidden over every construct under `path` (`None`: the app).
    fn forbidden_over(&self, path: Option<&str>, lint: &str) -> bool {
        let Some(settings) = self.family::<LintSettings>() else {
            return false;
        };
        settings.settings.iter().any(|s| {
            matches!(&s.what, SettingKind::Level { lints, level: Level::Forbid, .. } if lints.contains(&lint))
                && covers(s.scope.as_ref().map(|x| x.1.as_str()), path)
        })
    }
}

/// Whether a setting over `outer` (`None`: the app) applies under `inner`.
fn covers(outer: Option<&str>, inner: Option<&str>) -> bool {
    match (outer, inner) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(o), Some(i)) => {
            i == o || (i.starts_with(o) && i.as_bytes().get(o.len()) == Some(&b'/'))
        }
    }
}

/// The level of `lint` at `path`, and the reason of the `allow` that set it.
fn level_at(
    settings: &LintSettings,
    lint: &str,
    path: &str,
    default: Level,
) -> (Level, Option<String>) {
    let mut applicable: Vec<(usize, usize, &Setting)> = settings
        .settings
        .iter()
        .enumerate()
        .filter(|(_, s)| covers(s.scope.as_ref().map(|x| x.1.as_str()), Some(path)))
        .map(|(i, s)| (s.scope.as_ref().map_or(0, |x| x.1.len() + 1), i, s))
        .collect();
    applicable.sort_by_key(|(depth, i, _)| (*depth, *i));
    let mut level = default;
    let mut why = None;
    for (_, _, s) in applicable {
        if let SettingKind::Level {
            lints,
            level: l,
            reason,
        } = &s.what
            && lints.contains(&lint)
            && level != Level::Forbid
        {
            level = *l;
            why = reason.clone();
        }
    }
    (level, why)
}

/// The policies that apply at `path`.
fn policies_at<'s>(settings: &'s LintSettings, path: &str) -> impl Iterator<Item = &'s Policy> {
    settings.settings.iter().filter_map(move |s| match &s.what {
        SettingKind::Policy(p) if covers(s.scope.as_ref().map(|x| x.1.as_str()), Some(path)) => {
            Some(p)
        }
        _ => None,
    })
}

/// Every construct's findings, judged at its level.
fn reports(app: &App, settings: &LintSettings) -> Vec<Report> {
    use crate::ecs::cluster::ClusterData;
    use crate::ecs::service::ServiceData;
    use crate::ecs::task_definition::TaskDefinitionData;
    let mut out = Vec::new();
    let mut judge = |node: NodeId, lint: &'static str, message: String| {
        let stack = app.stack(node.stack());
        let path = stack.path(node);
        // A policy refuses unless waived; a built-in lint is allowed until raised.
        let default = if self::lint(lint).is_some() {
            Level::Allow
        } else {
            Level::Deny
        };
        let (level, waived) = level_at(settings, lint, &path, default);
        if level == Level::Allow && waived.is_none() {
            return;
        }
        out.push(Report {
            lint,
            level,
            path,
            stack: stack.name().to_string(),
            message,
            waived: if level == Level::Allow { waived } else { None },
        });
    };
    let refused = |name: &'static str, result: Result<(), &'static str>| {
        result.err().map(|m| (name, m.to_string()))
    };
    for c in app.all::<ClusterData>() {
        // An imported cluster is not this app's to judge.
        let Some(cluster_resource) = c.resource else {
            continue;
        };
        let resource = app
            .stack(cluster_resource.stack())
            .resource(cluster_resource);
        let mut view = ClusterView::new(&c.id, ());
        if let Some(Value::List(settings)) = resource.properties.get("ClusterSettings")
            && let Some(Value::Map(s)) = settings.first()
            && let Some(Value::Str(v)) = s.get("Value")
        {
            view.container_insights_v2 = Fact::Known(
                match &**v {
                    "enabled" => ContainerInsights::Enabled,
                    "enhanced" => ContainerInsights::Enhanced,
                    _ => ContainerInsights::Disabled,
                },
                (),
            );
        }
        for f in view.findings() {
            judge(cluster_resource, f.lint, f.message);
        }
        let path = app.stack(cluster_resource.stack()).path(cluster_resource);
        for p in policies_at(settings, &path) {
            if let Policy::Cluster(name, check) = p
                && let Some((lint, m)) = refused(name, check(&view))
            {
                judge(cluster_resource, lint, format!("cluster `{}`: {m}", c.id));
            }
        }
    }
    for td in app.all::<TaskDefinitionData>() {
        let resource = app.stack(td.resource.stack()).resource(td.resource);
        let mut task = TaskView::new(&td.id, ());
        task.network_mode = Fact::Known(td.network_mode, ());
        task.cpu = Fact::given(td.cpu, ());
        task.memory_mib = Fact::given(td.memory, ());
        if let Some(Value::Str(mode)) = resource.properties.get("PidMode") {
            task.pid_mode = Fact::Known(
                if &**mode == "host" {
                    PidMode::Host
                } else {
                    PidMode::Task
                },
                (),
            );
        }
        for f in task.findings() {
            judge(td.resource, f.lint, f.message);
        }
        let td_path = app.stack(td.resource.stack()).path(td.resource);
        for p in policies_at(settings, &td_path) {
            if let Policy::Task(name, check) = p
                && let Some((lint, m)) = refused(name, check(&task))
            {
                judge(
                    td.resource,
                    lint,
                    format!("task definition `{}`: {m}", td.id),
                );
            }
        }
        for c in &td.containers {
            let o = &c.options;
            let names: Vec<(&str, ())> = o
                .environment
                .iter()
                .map(|(k, _)| (k.as_str(), ()))
                .collect();
            let mut view = ContainerView::new(&td.id, &c.id, ());
            view.network_mode = Fact::Known(td.network_mode, ());
            if let Some(crate::ecs::image::ContainerImage::Registry { name, .. }) = &o.image {
                view.image = Fact::Known(name, ());
            } else if o.image.is_some() {
                view.image = Fact::Runtime;
            }
            view.memory_limit_mib = Fact::given(o.memory_limit_mib, ());
            view.cpu = Fact::given(o.cpu, ());
            view.privileged = Fact::given(o.privileged, ());
            view.user = Fact::given(o.user.as_deref(), ());
            view.readonly_root_filesystem = Fact::given(o.readonly_root_filesystem, ());
            if !names.is_empty() {
                view.environment = Fact::Known(&names, ());
            }
            if c.log_configuration.is_some() {
                view.logging = Fact::Known((), ());
            }
            for f in view.findings() {
                judge(c.node, f.lint, f.message);
            }
            let path = app.stack(c.node.stack()).path(c.node);
            for p in policies_at(settings, &path) {
                if let Policy::Container(name, check) = p
                    && let Some((lint, m)) = refused(name, check(&view))
                {
                    judge(
                        c.node,
                        lint,
                        format!("container `{}` of task definition `{}`: {m}", c.id, td.id),
                    );
                }
            }
        }
    }
    for s in app.all::<ServiceData>() {
        let resource = app.stack(s.resource.stack()).resource(s.resource);
        let mut view = ServiceView::new(&s.id, (), s.launch_type);
        if let Some(Value::Map(network)) = resource.properties.get("NetworkConfiguration")
            && let Some(Value::Map(vpc)) = network.get("AwsvpcConfiguration")
            && let Some(Value::Str(assign)) = vpc.get("AssignPublicIp")
        {
            view.assign_public_ip = Fact::Known(&**assign == "ENABLED", ());
        }
        view.platform_version = Fact::given(s.platform_version.as_deref(), ());
        if let Some(Value::Int(n)) = resource.properties.get("DesiredCount") {
            view.desired_count = Fact::Known(u32::try_from(*n).unwrap_or(0), ());
        }
        for f in view.findings() {
            judge(s.resource, f.lint, f.message);
        }
        let path = app.stack(s.resource.stack()).path(s.resource);
        for p in policies_at(settings, &path) {
            if let Policy::Service(name, check) = p
                && let Some((lint, m)) = refused(name, check(&view))
            {
                judge(s.resource, lint, format!("service `{}`: {m}", s.id));
            }
        }
    }
    out
}

/// The findings as a SARIF 2.1.0 log for code scanning: one result per finding, located at
/// its stack's template and construct path, waived findings with their reasons as
/// suppressions.
///
/// ```
/// let log = ecs_core::ecs::lints::sarif(&[]);
/// assert_eq!(log["version"], "2.1.0");
/// ```
pub fn sarif(reports: &[Report]) -> serde_json::Value {
    use serde_json::json;
    let rules: Vec<serde_json::Value> = LINTS
        .iter()
        .map(|l| {
            json!({
                "id": l.name,
                "shortDescription": {"text": l.doc},
                "properties": {"tags": l.controls},
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            let mut result = json!({
                "ruleId": r.lint,
                "level": match r.level {
                    Level::Allow => "note",
                    Level::Warn => "warning",
                    Level::Deny | Level::Forbid => "error",
                },
                "message": {"text": r.message},
                "locations": [{
                    "physicalLocation": {"artifactLocation": {"uri": format!("{}.template.json", r.stack)}},
                    "logicalLocations": [{"fullyQualifiedName": r.path, "kind": "resource"}],
                }],
            });
            if let Some(reason) = &r.waived {
                result["suppressions"] = json!([{"kind": "inSource", "justification": reason}]);
            }
            result
        })
        .collect();
    json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": "ecs-app", "rules": rules}},
            "results": results,
        }],
    })
}
