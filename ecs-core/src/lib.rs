//! The runtime of `ecs_app!`: a construct tree for Amazon ECS applications that synthesizes the
//! CloudFormation template the AWS CDK synthesizes for the same app, with the same logical IDs.
//!
//! Every construct is built with a public builder call, so apps can be written without the
//! macro:
//!
//! ```
//! use ecs_core::prelude::*;
//!
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
//! let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
//!     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
//! td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
//!     .image(ContainerImage::from_registry("amazon/amazon-ecs-sample"))
//!     .port_mappings([PortMapping::default().container_port(80)]))?;
//! FargateService::new(&mut app, s, "Service",
//!     FargateServiceProps::default().cluster(cluster).task_definition(td))?;
//! let templates = app.templates()?;
//! assert_eq!(templates[0].1["Resources"]["ServiceD69D759B"]["Type"], "AWS::ECS::Service");
//! # Ok::<(), ecs_core::Error>(())
//! ```

#![warn(missing_docs)]

/// Setters of optional string properties of a props type: `name(value)` sets `Some(value)`.
/// Defined before the modules, which use it by textual scope.
macro_rules! string_setters {
    ($($name:ident),*) => {$(
        #[doc = concat!("Sets `", stringify!($name), "`.")]
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = Some(value.into());
            self
        }
    )*};
}

/// Declares a props type once: each property with its CDK name, value shape in `ecs_app!`,
/// default and doc line. From the declaration come the struct (an `Option` per property, a
/// `Vec` per list), its `#[must_use]` setters and `PROPS`, the property table `ecs_app!` and the
/// generated reference read (see [`schema`]). A property is declared as
/// `/// doc` `[mode "cdkName" (, .modifier(args))*] name: Type` where the mode is
/// `opt` (setter takes `Type`), `into` (setter takes `impl Into<Type>`), `list` (setter extends
/// from `impl IntoIterator<Item = Type>`; `list_into` from items `Into<Type>`), `val` / `val_into` (a field of `Type` itself, for
/// values with a default), `field` / `field_list` / `val_field` (the field only; the setter is
/// written by hand) or `none` (neither: the setter is written by hand over other state); the modifiers are
/// those of [`decl::PropDef`] (`.default("…")`, `.required()`, `.set(…)`, `.method()` when
/// the CDK calls a method for the property) plus `.ty(shape)`
/// for a value shape other than an expression. Private state comes first, as
/// `hidden name: Type,` lines (a doc comment may follow `hidden`); a property kept in a field
/// of that state says so after its CDK name (`[opt "desiredCount" in base]`), and its setter
/// writes `self.base.desired_count`.
/// Makes construct handles [`Handle`](crate::construct::Handle)s: each has `node()`.
macro_rules! handle {
    ($($ty:ty),*) => {$(
        impl $crate::construct::Handle for $ty {
            fn node_id(self) -> $crate::cfn::NodeId {
                self.node()
            }
        }
    )*};
}

macro_rules! props {
    (
        $(#[$meta:meta])*
        pub struct $props:ident {
            $(hidden $(#[doc = $hidden_doc:literal])* $hidden_vis:vis $hidden:ident: $hidden_ty:ty,)*
            $(
                $(#[doc = $doc:literal])*
                [$mode:ident $cdk:literal $(in $inner:ident)? $(, .$key:ident($($arg:expr),*))*]
                $name:ident: $ty:ty
            ),* $(,)?
        }
    ) => {
        props!(
            @struct [$(#[$meta])* pub struct $props] [$($(#[doc = $hidden_doc])* $hidden_vis $hidden: $hidden_ty,)*]
            $([$mode] [$($doc)*] [$($inner)?] $name: $ty;)*
        );

        impl $props {
            $(props!(@setter $mode [$($inner)?] $name $ty [$($doc)*]);)*

            /// The declaration of every property, in order.
            pub const PROPS: &'static [$crate::decl::PropDef] = {
                // The modifiers name the schema's shapes, classes and enums unqualified.
                #[allow(unused_imports)]
                use $crate::decl::{PropType::*, *};
                &[$(
                    PropDef::new(stringify!($name), $cdk, Expr)
                        .doc(concat!($($doc),*))
                        $(.$key($($arg),*))*
                ),*]
            };
        }
    };
    // Non-exhaustive: built with `Default` and the setters, so adding a property breaks no one.
    (@struct [$($head:tt)*] [$($fields:tt)*]) => {
        #[non_exhaustive]
        $($head)* { $($fields)* }
    };
    // Held by a hidden field, or by no field.
    (@struct $head:tt [$($fields:tt)*] [$mode:ident] [$($doc:literal)*] [$inner:ident] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)*] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [none] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)*] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [list] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)* $(#[doc = $doc])* pub $name: Vec<$ty>,] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [list_into] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)* $(#[doc = $doc])* pub $name: Vec<$ty>,] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [field_list] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)* $(#[doc = $doc])* pub $name: Vec<$ty>,] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [val] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)* $(#[doc = $doc])* pub $name: $ty,] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [val_into] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)* $(#[doc = $doc])* pub $name: $ty,] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [val_field] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)* $(#[doc = $doc])* pub $name: $ty,] $($rest)*);
    };
    (@struct $head:tt [$($fields:tt)*] [$mode:ident] [$($doc:literal)*] [] $name:ident: $ty:ty; $($rest:tt)*) => {
        props!(@struct $head [$($fields)* $(#[doc = $doc])* pub $name: Option<$ty>,] $($rest)*);
    };
    (@setter opt [$($inner:ident)?] $name:ident $ty:ty [$($doc:literal)*]) => {
        $(#[doc = $doc])*
        #[must_use]
        pub fn $name(mut self, value: $ty) -> Self {
            self.$($inner.)?$name = Some(value);
            self
        }
    };
    (@setter into [$($inner:ident)?] $name:ident $ty:ty [$($doc:literal)*]) => {
        $(#[doc = $doc])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$($inner.)?$name = Some(value.into());
            self
        }
    };
    (@setter list [$($inner:ident)?] $name:ident $ty:ty [$($doc:literal)*]) => {
        $(#[doc = $doc])*
        #[must_use]
        pub fn $name(mut self, items: impl IntoIterator<Item = $ty>) -> Self {
            self.$($inner.)?$name.extend(items);
            self
        }
    };
    (@setter list_into [$($inner:ident)?] $name:ident $ty:ty [$($doc:literal)*]) => {
        $(#[doc = $doc])*
        #[must_use]
        pub fn $name<Item: Into<$ty>>(mut self, items: impl IntoIterator<Item = Item>) -> Self {
            self.$($inner.)?$name.extend(items.into_iter().map(Into::into));
            self
        }
    };
    (@setter val [$($inner:ident)?] $name:ident $ty:ty [$($doc:literal)*]) => {
        $(#[doc = $doc])*
        #[must_use]
        pub fn $name(mut self, value: $ty) -> Self {
            self.$($inner.)?$name = value;
            self
        }
    };
    (@setter val_into [$($inner:ident)?] $name:ident $ty:ty [$($doc:literal)*]) => {
        $(#[doc = $doc])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$($inner.)?$name = value.into();
            self
        }
    };
    (@setter $mode:ident [$($inner:ident)?] $name:ident $ty:ty [$($doc:literal)*]) => {};
}

// The layers, each using only those before it (`tests/layers.rs` checks it):
// CloudFormation values and errors; the construct tree; the AWS service modules, named after
// the CDK's; `ecs`; what joins ECS to other services (event targets) and the DSL's schema;
// synthesis.
pub mod cfn;
pub mod error;

pub mod construct;
pub mod decl;

pub mod applicationautoscaling;
pub mod autoscaling;
pub mod certificatemanager;
pub mod cloudwatch;
pub mod ec2;
pub mod ecr;
pub mod ecr_assets;
pub mod efs;
pub mod elb;
pub mod elbv2;
pub mod events;
pub mod iam;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod route53;
pub mod s3;
pub mod schedule;
pub mod secretsmanager;
pub mod servicediscovery;
pub mod sqs;
pub mod ssm;

pub mod ecs;

pub mod ecs_patterns;
pub mod events_targets;
pub mod schema;

pub mod synth;

pub use cfn::duration::Duration;
pub use cfn::size::Size;
pub use construct::StackId;
pub use construct::app::App;
pub use ecs::{facts, rules};
pub use error::Error;

/// Everything an app needs in scope: the app, every construct with its props, the values and
/// enums they take, and the traits whose methods they share. Names the CDK uses twice are
/// left to their modules: `secretsmanager::Secret` (the prelude's `Secret` is a container's),
/// and the classic listener's `elb::LoadBalancerListener`.
///
/// ```
/// use ecs_core::prelude::*;
/// let _ = ContainerImage::from_registry("nginx");
/// let _ = TargetGroupHealthCheck::default().path("/health");
/// let _ = HealthCheck::default();
/// ```
pub mod prelude {
    pub use crate::construct::app::App;
    pub use crate::construct::{NodeId, StackId};
    pub use crate::error::Error;

    // Values.
    pub use crate::cfn::duration::Duration;
    pub use crate::cfn::size::Size;
    pub use crate::cfn::{Output, Parameter, Pseudo, Token, Value};
    pub use crate::construct::{
        Built, CfnOutput, CfnParameter, CfnResource, CfnResourceProps, Environment, RemovalPolicy,
    };
    pub use crate::schedule::{CronOptions, Schedule};

    // AWS services.
    pub use crate::applicationautoscaling::{ScalableTarget, ScalableTargetProps, ScalingSchedule};
    pub use crate::ec2::{
        Connectable, DefaultInstanceTenancy, ImportedSecurityGroup, ImportedSecurityGroupProps,
        ImportedVpc, IpAddresses, IpProtocol, LookedUpVpc, Peer, Port, SecurityGroup,
        SecurityGroupProps, SecurityGroupRule, Subnet, SubnetConfiguration, SubnetSelection,
        SubnetType, Vpc, VpcAttributes, VpcLookupOptions, VpcProps,
    };
    pub use crate::ecr::{
        ImportedRepository, ImportedRepositoryProps, Repository, RepositoryProps,
    };
    pub use crate::ecr_assets::{DockerImageAsset, DockerImageAssetProps};
    pub use crate::efs::{
        AccessPoint, AccessPointProps, Acl, FileSystem, FileSystemProps, PosixUser,
    };
    pub use crate::elb::{ClassicLoadBalancer, ClassicLoadBalancerProps, LoadBalancingProtocol};
    pub use crate::elbv2::{
        AddTargetGroupsProps, AddTargetsProps, ApplicationListenerAttributes,
        ApplicationListenerRule, ApplicationListenerRuleProps, ApplicationLoadBalancer,
        ApplicationLoadBalancerAttributes, IpAddressType, Listener, ListenerAction,
        ListenerCertificate, ListenerCondition, ListenerProps, ListenerProtocol, LoadBalancer,
        LoadBalancerProps, LoadBalancerTarget, NetworkLoadBalancer, NetworkLoadBalancerAttributes,
        SslPolicy, Target, TargetGroup, TargetGroupHealthCheck, TargetType,
    };
    pub use crate::events::{Rule, RuleProps, RuleTarget};
    pub use crate::events_targets::{ContainerOverride, EcsTask};
    pub use crate::route53::{
        ARecord, CnameRecord, HostedZone, PublicHostedZone, PublicHostedZoneProps, RecordTarget,
    };
    // Patterns.
    pub use crate::ecs_patterns::{
        ApplicationLoadBalancedEc2Service, ApplicationLoadBalancedEc2ServiceProps,
        ApplicationLoadBalancedFargateService, ApplicationLoadBalancedFargateServiceProps,
        ApplicationLoadBalancedService, ApplicationLoadBalancedServiceRecordType,
        ApplicationLoadBalancedTaskImageOptions, ApplicationMultipleTargetGroupsEc2Service,
        ApplicationMultipleTargetGroupsEc2ServiceProps,
        ApplicationMultipleTargetGroupsFargateService,
        ApplicationMultipleTargetGroupsFargateServiceProps, MultipleTargetGroupsService,
        NetworkLoadBalancedEc2Service, NetworkLoadBalancedEc2ServiceProps,
        NetworkLoadBalancedFargateService, NetworkLoadBalancedFargateServiceProps,
        NetworkLoadBalancedService, NetworkLoadBalancedTaskImageOptions,
        NetworkMultipleTargetGroupsEc2Service, NetworkMultipleTargetGroupsEc2ServiceProps,
        NetworkMultipleTargetGroupsFargateService, NetworkMultipleTargetGroupsFargateServiceProps,
        QueueProcessingEc2Service, QueueProcessingEc2ServiceProps, QueueProcessingFargateService,
        QueueProcessingFargateServiceProps, QueueProcessingService, ScheduledEc2Task,
        ScheduledEc2TaskProps, ScheduledFargateTask, ScheduledFargateTaskProps, ScheduledTask,
        ScheduledTaskImageOptions,
    };
    pub use crate::iam::{Grantee, ImportedRoleProps, Role, RoleProps};
    pub use crate::kms::{Key, KeyProps};
    pub use crate::logs::{LogGroup, LogGroupProps, RetentionDays};
    pub use crate::s3::{Bucket, BucketProps};
    pub use crate::secretsmanager::{SecretProps, SecretStringGenerator};
    pub use crate::servicediscovery::{
        CloudMapNamespaceOptions, CloudMapService, CloudMapServiceProps, DnsRecordType,
        HealthCheckCustomConfig, Namespace, NamespaceType, PrivateDnsNamespace,
        PrivateDnsNamespaceProps,
    };
    pub use crate::sqs::{DeadLetterQueue, Queue, QueueEncryption, QueueProps};
    pub use crate::ssm::{StringParameter, StringParameterProps};

    // ECS.
    pub use crate::autoscaling::{
        AutoScalingGroup, AutoScalingGroupProps, CommonAutoScalingGroupProps,
    };
    pub use crate::ec2::machine_image::{
        AmazonLinuxGeneration, AmiHardwareType, BottleRocketImage, BottlerocketEcsVariant,
        EcsOptimizedImage, InstanceArchitecture, MachineImage, MachineImageType,
    };
    pub use crate::ecs::capacity::{AddAutoScalingGroupCapacityOptions, AddCapacityOptions};
    pub use crate::ecs::capacity_provider::{
        AsgCapacityProvider, AsgCapacityProviderProps, CapacityProvider, CapacityProviderStrategy,
    };
    pub use crate::ecs::cloud_map::{AssociateCloudMapServiceOptions, CloudMapOptions};
    pub use crate::ecs::cluster::{
        Cluster, ClusterAttributes, ClusterProps, ContainerInsights, ImportedCluster,
    };
    pub use crate::ecs::container::{
        AppProtocol, ContainerDefinition, ContainerDefinitionOptions, ContainerRef, FirelensConfig,
        FirelensConfigFileType, FirelensLogRouterType, FirelensOptions, Link, PortMapping,
        Protocol, ScratchSpace, SystemControl,
    };
    pub use crate::ecs::container_options::{
        ContainerDependency, ContainerDependencyCondition, Device, HealthCheck, LinuxParameters,
        Tmpfs, Ulimit,
    };
    pub use crate::ecs::deployment_strategy::{
        AlternateTarget, DeploymentLifecycleLambdaTarget, DeploymentLifecycleStage,
        DeploymentStrategy, ListenerRuleConfiguration, TrafficShiftConfig,
    };
    pub use crate::ecs::exec::{
        ExecuteCommandConfiguration, ExecuteCommandLogConfiguration, ExecuteCommandLogging,
    };
    pub use crate::ecs::image::{ContainerImage, TagParameterContainerImageProps};
    pub use crate::ecs::imported_service::{ImportedService, ServiceAttributes};
    pub use crate::ecs::load_balancing::{
        EcsLoadBalancerTarget, EcsTarget, ListenerConfig, LoadBalancerTargetOptions,
    };
    pub use crate::ecs::log_driver::{
        AwsLogDriverMode, AwsLogDriverProps, FirelensLogDriverProps, FluentdLogDriverProps,
        GelfCompressionType, GelfLogDriverProps, GenericLogDriverProps, JournaldLogDriverProps,
        JsonFileLogDriverProps, LogDriver, SplunkLogDriverProps, SyslogLogDriverProps,
    };
    pub use crate::ecs::managed_instances::{
        CapacityOptionType, InstanceMonitoring, InstanceProfile, InstanceRequirementsConfig,
        ManagedInstancesCapacityProvider, ManagedInstancesCapacityProviderProps,
        PropagateManagedInstancesTags,
    };
    pub use crate::ecs::scaling::{
        CpuUtilizationScalingProps, EnableScalingProps, MemoryUtilizationScalingProps,
        RequestCountScalingProps, ScalableTaskCount,
    };
    pub use crate::ecs::secret::{EnvironmentFile, Secret};
    pub use crate::ecs::service::{
        DeploymentCircuitBreaker, DeploymentControllerType, Ec2Service, Ec2ServiceProps,
        ExternalService, ExternalServiceProps, FargateService, FargateServiceProps, LaunchType,
        PlacementConstraint, PlacementStrategy, PropagatedTagSource, Service,
    };
    pub use crate::ecs::service_connect::{
        ServiceConnectAccessLogConfiguration, ServiceConnectAccessLogFormat, ServiceConnectProps,
        ServiceConnectService, ServiceConnectTlsConfiguration,
    };
    pub use crate::ecs::service_managed_volume::{
        EbsDeviceVolumeType, EbsPropagatedTagSource, EbsTagSpecification, FileSystemType,
        ServiceManagedEbsVolumeConfiguration, ServiceManagedVolume, ServiceManagedVolumeProps,
    };
    pub use crate::ecs::task_definition::{
        AnyTaskDefinition, Compatibility, CpuArchitecture, Ec2TaskDefinition,
        Ec2TaskDefinitionProps, ExternalTaskDefinition, ExternalTaskDefinitionProps,
        FargateTaskDefinition, FargateTaskDefinitionProps, ImportedTaskDefinition,
        InferenceAccelerator, IpcMode, NetworkMode, OperatingSystemFamily, PidMode,
        RuntimePlatform, TaskDefinition, TaskDefinitionAttributes, TaskDefinitionProps, TaskSize,
    };
    pub use crate::ecs::volume::{
        AuthorizationConfig, DockerVolumeConfiguration, EfsVolumeConfiguration, Host, MountPoint,
        Scope, Volume, VolumeFrom,
    };
}
