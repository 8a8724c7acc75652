//! An example of a platform team's crate. Every app of the organization is declared with
//! [`acme_app!`]: `ecs_app!` with the organization's policy applied, so a broken policy fails
//! the build of the app, on the offending token.
//!
//! The policy:
//! - every control of the AWS Foundational Security Best Practices for ECS is denied (an app
//!   may waive one on an item with `#[allow(lint, reason = "…")]`);
//! - privileged containers and public IPs are forbidden (no waiver);
//! - images come from the organization's registry ([`policies::images_from_acme_registry`]);
//! - a task has at most 4 GiB of memory ([`policies::memory_at_most_4_gib`]).
//!
//! ```
//! use acme_platform::acme_app;
//! use acme_platform::ecs_app::prelude::*;
//!
//! let app = acme_app! {
//!     stack Web {
//!         vpc Vpc { max_azs: 2 }
//!         cluster Cluster { vpc: Vpc, container_insights_v2: Enabled }
//!         fargate_task_definition TaskDef {
//!             cpu: 512,
//!             memory_limit_mib: 1024,
//!             container web {
//!                 image: ContainerImage::from_registry("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4"),
//!                 readonly_root_filesystem: true,
//!                 logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix("web")),
//!             }
//!         }
//!         fargate_service Service { cluster: Cluster, task_definition: TaskDef }
//!     }
//! };
//! assert!(app.unwrap().validate().is_ok());
//! ```

/// The runtime, for the apps and for the macro's expansion.
pub use ecs_app;

/// The organization's own rules, as `const fn`s over the views `ecs_app!` and the builders
/// give them.
pub mod policies {
    use ecs_app::ecs::lints::{ContainerView, TaskView, str_starts_with};
    use ecs_app::facts::Fact;

    /// Images come from the organization's registry (account 123456789012).
    ///
    /// ```
    /// use ecs_app::ecs::lints::ContainerView;
    /// use ecs_app::facts::Fact;
    /// let mut c = ContainerView::new("TaskDef", "web", ());
    /// c.image = Fact::Known("nginx", ());
    /// assert!(acme_platform::policies::images_from_acme_registry(&c).is_err());
    /// ```
    pub const fn images_from_acme_registry(c: &ContainerView<'_, ()>) -> Result<(), &'static str> {
        match c.image {
            Fact::Known(image, _) if !str_starts_with(image, "123456789012.dkr.ecr.") => Err(
                "images come from the acme registry: use `123456789012.dkr.ecr.<region>.amazonaws.com/<name>:<tag>`",
            ),
            _ => Ok(()),
        }
    }

    /// A task has at most 4 GiB of memory.
    ///
    /// ```
    /// use ecs_app::ecs::lints::TaskView;
    /// use ecs_app::facts::Fact;
    /// let mut t = TaskView::new("TaskDef", ());
    /// t.memory_mib = Fact::Known(8192, ());
    /// assert!(acme_platform::policies::memory_at_most_4_gib(&t).is_err());
    /// ```
    pub const fn memory_at_most_4_gib(t: &TaskView<'_, ()>) -> Result<(), &'static str> {
        match t.memory_mib {
            Fact::Known(mib, _) if mib > 4096 => {
                Err("tasks have at most 4 GiB of memory: use `memory_limit_mib: 4096` or less")
            }
            _ => Ok(()),
        }
    }
}

/// `ecs_app!` with the organization's policy: the AWS Foundational Security Best Practices
/// denied, privileged containers and public IPs forbidden, and the acme policies.
#[macro_export]
macro_rules! acme_app {
    ($($items:tt)*) => {
        $crate::ecs_app::ecs_app! {
            #![deny(aws_foundational_security)]
            #![forbid(privileged_container, public_ip)]
            #![policy(container = $crate::policies::images_from_acme_registry)]
            #![policy(task_definition = $crate::policies::memory_at_most_4_gib)]
            $($items)*
        }
    };
}
