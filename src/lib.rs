//! Amazon ECS applications declared in Rust with [`ecs_app!`], synthesized to the CloudFormation
//! the AWS CDK would write.
//!
//! This is the one crate an app depends on: it re-exports the runtime (`ecs-core`: the construct
//! tree, the constructs and the builder API) and the `ecs_app!` macro.
//!
//! ```no_run
//! use ecs_app::prelude::*;
//!
//! fn main() -> Result<(), Error> {
//!     let app = ecs_app! {
//!         stack IntroEc2Service {
//!             vpc Vpc { max_azs: 2 }
//!             cluster Cluster {
//!                 vpc: Vpc,
//!                 add_capacity DefaultAutoScalingGroupCapacity {
//!                     instance_type: "t2.xlarge",
//!                     desired_capacity: 3,
//!                 }
//!             }
//!             ec2_task_definition TaskDef {
//!                 container DefaultContainer {
//!                     image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
//!                     memory_limit_mib: 512,
//!                 }
//!             }
//!             ec2_service Service { cluster: Cluster, task_definition: TaskDef }
//!         }
//!     }?;
//!     app.synth()?;
//!     Ok(())
//! }
//! ```

pub use ecs_core::*;

/// Declares an ECS app: one or more `stack`s of constructs, checked while compiling.
///
/// The block evaluates to `Result<Built<Handles>, Error>`: the builder calls it stands for can
/// still fail on values only known at run time. A [`Built`](construct::Built) dereferences to
/// the `App` (`App::from` converts it) and carries the handles of the constructs the block
/// declared, in a struct the macro generates: a field per stack, each with a field per named
/// construct (`built.handles.Web.TaskDef`), constructs holding named items with a field per
/// item (`built.handles.Web.TaskDef.web`, a container); each struct dereferences to the handle
/// of what it stands for (`*built.handles.Web` is the `StackId`). Builder code extends those
/// constructs before synthesis:
///
/// ```
/// use ecs_app::prelude::*;
///
/// let Built { mut app, handles } = ecs_app! {
///     stack Web {
///         cluster Cluster {}
///         fargate_task_definition TaskDef {
///             cpu: 256,
///             memory_limit_mib: 512,
///             container web { image: ContainerImage::from_registry("nginx") }
///         }
///     }
/// }?;
/// let web = handles.Web;
/// FargateService::new(&mut app, *web, "Service", FargateServiceProps::default()
///     .cluster(*web.Cluster).task_definition(*web.TaskDef))?;
/// assert_eq!(app.stack(*web).path(web.TaskDef.web.node(&app)), "Web/TaskDef/web");
/// # Ok::<(), Error>(())
/// ```
///
/// # Grammar
///
/// - Scopes: `scope Api { … }` in a stack holds items (and scopes), as the CDK's plain
///   `Construct`s do; names stay unique in the stack.
/// - Stack properties: `stack_name`, `description`, `termination_protection`, `tags` (the
///   stack's own, in the manifest).
/// - Tags (CDK `Tags.of(scope)`): `#![tag(key = "value", …)]` at the top of the block or a
///   stack, `#[tag(…)]` / `#[untag(key, …)]` before a construct of a stack or a container, with
///   `priority = N`, `include = ["AWS::…"]` and `exclude = [..]`.
/// - Escape hatches (CDK `addOverride` and kin) before a construct of a stack:
///   `#[add_override("Path", value)]`, `#[add_property_override("Path", value)]`,
///   `#[add_deletion_override("Path")]`, `#[add_property_deletion_override("Path")]`.
/// - Lint attributes: `#![deny(lint, …)]` (or `allow`, `warn`, `forbid`) and
///   `#![policy(container = path::to::const_fn)]` at the top of the block or of a stack;
///   `#[allow(lint, reason = "…")]` (or another level) before a cluster, task definition,
///   container or service. See "lints" in the reference below.
/// - Items: `kind Id { … }`, with an id that is an identifier or a string literal
///   (`cluster "my-cluster" { … }`) and unique in its scope. `stack`s at the top; in a stack:
///   - networking and supporting constructs: `vpc`, `security_group`, `kms_key`, `log_group`,
///     `bucket`, `secret`, `imported_secret`, `string_parameter`, `repository`,
///     `imported_repository`, `docker_image_asset`, `file_system` (holding `access_point`),
///     `private_dns_namespace`, `cloud_map_service`, `cfn_output`;
///   - capacity: `cluster` (holding `add_capacity`, `add_auto_scaling_group Asg {}` and
///     `add_asg_capacity_provider Provider {}`), `auto_scaling_group`, `asg_capacity_provider`;
///   - tasks: `ec2_task_definition`, `fargate_task_definition`, `external_task_definition` and
///     `task_definition` (with `compatibility`), each holding `container` items;
///   - services: `ec2_service`, `fargate_service`, `external_service`;
///     `auto_scale_task_count Service { … }` (holding `scale_on_cpu_utilization`,
///     `scale_on_memory_utilization`, `scale_on_request_count`, `scale_on_schedule`);
///   - load balancing: `application_load_balancer` and `network_load_balancer` (holding
///     `listener`, which holds `add_targets` and `register_load_balancer_targets`),
///     `classic_load_balancer`;
///   - events: `rule` with `targets: [{ cluster, task_definition, … }]`;
///   - anything else: `resource Id { type: "AWS::S3::Bucket", properties: { … }, depends_on:
///     [Name], removal_policy: Retain }`, a raw CloudFormation resource (CDK `CfnResource`),
///     its properties maps, lists, literals, expressions and tokens: `Name.Ref` and
///     `Name.Attribute` of a resource (`Db.Endpoint.Address`), `Name.attribute` of another
///     construct (`Jobs.queue_url`); other items read a resource's `Name.Ref` and
///     `Name.Attribute` in an `environment` or an output's `value`.
/// - Properties: `name: value`, separated by commas, named like the CDK's props in snake_case.
///   A value is any Rust expression, except references (`vpc: Vpc`, `cluster: Cluster`,
///   `task_definition: TaskDef`, …), which name a construct declared earlier in the same stack
///   or in an earlier stack (a cross-stack reference); enums, written bare
///   (`network_mode: AwsVpc`) or as a path; objects of known keys (`circuit_breaker: { rollback:
///   true }`, `execute_command_configuration: { … }`); `port_mappings: [80, { container_port:
///   8080, host_port: 0 }]`; and `environment: { "KEY": "value", NAME: expr }`. Inside other
///   expressions, a bare name of a declared construct stands for that construct
///   (`ContainerImage::from_ecr_repository(Repo)`).
/// - Container references: in a container's `links`, `container_dependencies` and
///   `volumes_from`, an identifier names a container of the same task definition by id,
///   declared before or after it (`links: [redis]`, `container_dependencies: [init]`,
///   `volumes_from: [data]`, read-write); objects name one with options (`{ container: redis,
///   alias: "cache" }`, `{ container: init, condition: Success }`, `{ source_container: data,
///   read_only: true }`). A string names a container by its `Name` (`"redis:cache"` for a link
///   with an alias) and any other expression is passed on (`ContainerDependency::new(…)`). An
///   id or literal name no container has is a compile error with the closest one.
///
/// Literal values are checked against the rules of `ecs_core::rules` while compiling, named
/// constants by const evaluation, other expressions by the builders at run time.
///
/// ```
/// use ecs_app::prelude::*;
///
/// const CPU: u32 = 512;
/// let app = ecs_app! {
///     stack Web {
///         cluster Cluster {}
///         fargate_task_definition TaskDef {
///             cpu: CPU,
///             memory_limit_mib: "2 GB",
///             container web {
///                 image: ContainerImage::from_registry("nginx"),
///                 port_mappings: [80],
///                 environment: { STAGE: "prod" },
///                 container_dependencies: [{ container: migrate, condition: Success }],
///             }
///             container migrate {
///                 image: ContainerImage::from_registry("migrate/migrate"),
///                 essential: false,
///             }
///         }
///         fargate_service Service { cluster: Cluster, task_definition: TaskDef, desired_count: 2 }
///     }
/// };
/// assert!(app.is_ok());
/// ```
///
/// The reference below lists every item kind and property; it is generated from the schema
/// (`docs/reference.md`).
///
///
/// The macro works however the dependency is named (`ecs = { package = "ecs-app" }`): the
/// expansion reaches the runtime through `$crate`.
///
#[doc = include_str!("../docs/reference.md")]
#[macro_export]
macro_rules! ecs_app {
    ($($items:tt)*) => {
        $crate::__private_v1::ecs_app_expand! { [$crate] $($items)* }
    };
}

/// `ecs_app!` without the compile-time rule checks, for the agreement test of the macro and
/// the builders. Not public API.
#[doc(hidden)]
#[macro_export]
macro_rules! __ecs_app_unchecked {
    ($($items:tt)*) => {
        $crate::__private_v1::ecs_app_unchecked_expand! { [$crate] $($items)* }
    };
}

/// Everything an app needs in scope: the runtime's prelude and the macro.
///
/// ```
/// use ecs_app::prelude::*;
/// let _ = ContainerImage::from_registry("nginx");
/// ```
pub mod prelude {
    pub use crate::ecs_app;
    pub use ecs_core::prelude::*;
}

/// What `ecs_app!` expansions refer to. Not public API: paths here change without notice, and
/// the version in the name changes with the expansion's needs.
#[doc(hidden)]
pub mod __private_v1 {
    pub use crate::__ecs_app_unchecked as ecs_app_unchecked;
    pub use core::clone::Clone;
    pub use core::convert::{From, Into};
    pub use core::default::Default;
    pub use core::fmt::Debug;
    pub use core::marker::Copy;
    pub use core::ops::Deref;
    pub use core::ops::FnOnce;
    pub use core::option::Option::{self, None, Some};
    pub use core::panic;
    pub use core::primitive::u32;
    pub use core::result::Result::{self, Err, Ok};
    pub use ecs_core::*;
    pub use ecs_macros::__ecs_app as ecs_app_expand;
    pub use ecs_macros::__ecs_app_unchecked as ecs_app_unchecked_expand;
    pub use std::string::String;
    pub use std::vec::Vec;

    /// A task size in a const check of rule F2: reads a constant of any type the builders accept
    /// (`u32`, `i32`, `&str` with units) as CPU units or MiB, 0 when unreadable (which the rule
    /// then refuses).
    pub struct ConstSize<T>(pub T);

    impl ConstSize<u32> {
        /// As CPU units.
        pub const fn cpu_units(self) -> u32 {
            self.0
        }

        /// As MiB.
        pub const fn memory_mib(self) -> u32 {
            self.0
        }
    }

    impl ConstSize<i32> {
        /// As CPU units.
        pub const fn cpu_units(self) -> u32 {
            if self.0 < 0 { 0 } else { self.0 as u32 }
        }

        /// As MiB.
        pub const fn memory_mib(self) -> u32 {
            self.cpu_units()
        }
    }

    impl ConstSize<&str> {
        /// As CPU units (`"256"`, `"1 vCPU"`).
        pub const fn cpu_units(self) -> u32 {
            match rules::parse_cpu(self.0) {
                Some(units) => units,
                None => 0,
            }
        }

        /// As MiB (`"512"`, `"2 GB"`).
        pub const fn memory_mib(self) -> u32 {
            match rules::parse_memory(self.0) {
                Some(mib) => mib,
                None => 0,
            }
        }
    }
}
