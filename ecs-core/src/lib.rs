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

pub mod amis;
pub mod app;
pub mod capacity;
pub mod capacity_provider;
pub mod cfn;
pub mod cloud_map;
pub mod cluster;
pub mod connections;
pub mod construct;
pub mod container;
pub mod duration;
pub mod ec2;
pub mod error;
pub mod events;
pub mod exec;
pub mod iam;
pub mod image;
pub mod kms;
pub mod load_balancing;
pub mod log_driver;
pub mod logs;
pub mod rules;
pub mod scaling;
pub mod schedule;
pub mod service;
pub mod synth;
pub mod task_definition;

// ---- task definitions, containers, images, environment (issue 4) ----
pub mod assets;
pub mod container_options;
pub mod ecr;
pub mod efs;
pub mod s3;
pub mod secret;
pub mod secrets_manager;
pub mod ssm;
pub mod volume;

pub use app::App;
pub use construct::StackId;
pub use duration::Duration;
pub use error::Error;

/// Everything an app needs in scope: the app, the constructs, their props and enums.
///
/// ```
/// use ecs_core::prelude::*;
/// let _ = ContainerImage::from_registry("nginx");
/// ```
pub mod prelude {
    pub use crate::app::App;
    // ---- capacity (issue 3) ----
    pub use crate::amis::{
        AmiHardwareType, BottleRocketImage, BottlerocketEcsVariant, EcsOptimizedImage,
        InstanceArchitecture, MachineImage, MachineImageType,
    };
    pub use crate::capacity::{
        AddAutoScalingGroupCapacityOptions, AddCapacityOptions, AutoScalingGroup,
        AutoScalingGroupProps, SubnetType,
    };
    pub use crate::capacity_provider::{
        AsgCapacityProvider, AsgCapacityProviderProps, CapacityProvider, CapacityProviderStrategy,
    };
    pub use crate::kms::{Key, KeyProps};
    // ---- end capacity ----
    pub use crate::cluster::{Cluster, ClusterProps};
    pub use crate::construct::StackId;
    pub use crate::container::{
        ContainerDefinition, ContainerDefinitionOptions, PortMapping, Protocol,
    };
    pub use crate::ec2::{SecurityGroup, Vpc, VpcProps};
    pub use crate::error::Error;
    pub use crate::image::ContainerImage;
    pub use crate::service::{
        Ec2Service, Ec2ServiceProps, FargateService, FargateServiceProps, LaunchType, Service,
    };
    // ---- services, load balancing, Cloud Map (issue 5) ----
    pub use crate::cloud_map::DnsRecordType;
    pub use crate::duration::Duration;
    pub use crate::ec2::{Peer, Port, SecurityGroupProps};
    // The target groups' `HealthCheck` stays in `load_balancing`: the prelude's is the
    // containers' (`container_options::HealthCheck`).
    pub use crate::load_balancing::{ListenerCertificate, ListenerCondition};
    pub use crate::service::{
        DeploymentCircuitBreaker, DeploymentControllerType, PlacementConstraint, PlacementStrategy,
        PropagatedTagSource,
    };
    pub use crate::task_definition::{
        Compatibility, Ec2TaskDefinition, Ec2TaskDefinitionProps, FargateTaskDefinition,
        FargateTaskDefinitionProps, NetworkMode, TaskDefinition, TaskSize,
    };

    // ---- task definitions, containers, images, environment (issue 4) ----
    pub use crate::assets::{DockerImageAsset, DockerImageAssetProps};
    pub use crate::container_options::{
        ContainerDependency, ContainerDependencyCondition, HealthCheck, LinuxParameters, Ulimit,
    };
    pub use crate::ecr::{Repository, RepositoryProps};
    pub use crate::efs::{
        AccessPoint, AccessPointProps, Acl, FileSystem, FileSystemProps, PosixUser,
    };
    pub use crate::s3::{Bucket, BucketProps};
    pub use crate::secret::{EnvironmentFile, Secret};
    pub use crate::secrets_manager::{SecretProps, SecretStringGenerator};
    pub use crate::service::{ExternalService, ExternalServiceProps};
    pub use crate::ssm::{StringParameter, StringParameterProps};
    pub use crate::task_definition::{
        CpuArchitecture, ExternalTaskDefinition, ExternalTaskDefinitionProps, InferenceAccelerator,
        IpcMode, OperatingSystemFamily, PidMode, RuntimePlatform, TaskDefinitionProps,
    };
    pub use crate::volume::{
        AuthorizationConfig, DockerVolumeConfiguration, EfsVolumeConfiguration, MountPoint, Scope,
        Volume, VolumeFrom,
    };

    // ---- log drivers, ECS Exec, auto-scaling, scheduled tasks (issue 6) ----
    pub use crate::container::{FirelensConfig, FirelensLogRouterType};
    pub use crate::exec::{
        ExecuteCommandConfiguration, ExecuteCommandLogConfiguration, ExecuteCommandLogging,
    };
    pub use crate::log_driver::{
        AwsLogDriverMode, AwsLogDriverProps, FirelensLogDriverProps, FluentdLogDriverProps,
        GelfCompressionType, GelfLogDriverProps, GenericLogDriverProps, JournaldLogDriverProps,
        JsonFileLogDriverProps, LogDriver, SplunkLogDriverProps, SyslogLogDriverProps,
    };
    pub use crate::logs::{LogGroup, LogGroupProps, RetentionDays};
    pub use crate::schedule::{CronOptions, Schedule};
    // ---- performance benchmark (issue 7) ----
    pub use crate::load_balancing::ListenerAction;
}
