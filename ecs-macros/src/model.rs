//! Stage 2: the syntax tree checked against the keyword table into a typed model.
//!
//! Each construct kind is one [`Kind`] entry: its keyword, the properties it knows with their value
//! shapes, the item kinds it may contain and the properties it requires. Adding a kind (an
//! `external_task_definition`, a load balancer) is adding an entry here and a builder call in
//! `expand.rs`. The model keeps the user's tokens (ids, property names, values) so later stages
//! can point at them.

use proc_macro2::Span;
use syn::{Expr, Ident};

use crate::ctxt::Ctxt;
use crate::parse::{Entry, FieldSyntax, IdSyntax, ItemSyntax, PropertySyntax, ValueSyntax};

/// Every kind of item the DSL knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindId {
    /// The invocation itself (holds stacks).
    App,
    /// `stack`.
    Stack,
    /// `vpc`.
    Vpc,
    /// `cluster`.
    Cluster,
    /// `add_capacity`, inside a cluster.
    Capacity,
    /// `ec2_task_definition`.
    Ec2TaskDefinition,
    /// `fargate_task_definition`.
    FargateTaskDefinition,
    /// `container`, inside a task definition.
    Container,
    /// `ec2_service`.
    Ec2Service,
    /// `fargate_service`.
    FargateService,
    /// A `{ container_port: … }` object of `port_mappings`.
    PortMapping,
    // ---- capacity (issue 3) ----
    /// `auto_scaling_group`.
    AutoScalingGroup,
    /// `asg_capacity_provider`.
    AsgCapacityProvider,
    /// `kms_key`.
    KmsKey,
    /// `add_auto_scaling_group Asg { … }`, inside a cluster: its id names the group.
    AddAutoScalingGroup,
    /// `add_asg_capacity_provider Provider { … }`, inside a cluster: its id names the provider.
    AddAsgCapacityProvider,
    /// A `{ capacity_provider: …, weight: … }` object of a capacity provider strategy.
    CapacityProviderStrategy,
    // ---- services, load balancing, Cloud Map (issue 5) ----
    /// `security_group`.
    SecurityGroup,
    /// `application_load_balancer`.
    ApplicationLoadBalancer,
    /// `network_load_balancer`.
    NetworkLoadBalancer,
    /// `classic_load_balancer`.
    ClassicLoadBalancer,
    /// `listener`, inside an application or network load balancer.
    Listener,
    /// `add_targets`, inside a listener.
    AddTargets,
    /// `register_load_balancer_targets`, inside a listener.
    RegisterTargets,
    /// `private_dns_namespace`.
    PrivateDnsNamespace,
    /// `cloud_map_service`.
    CloudMapService,
    /// `cfn_output`.
    CfnOutput,
    /// `circuit_breaker: { … }`.
    CircuitBreaker,
    /// `cloud_map_options: { … }`.
    CloudMapOptions,
    /// `default_cloud_map_namespace: { … }`.
    NamespaceOptions,
    /// `associate_cloud_map_service: { … }`.
    AssociateCloudMap,
    /// `{ service: …, container_name: … }` in `targets`.
    TargetObject,
    /// `{ external_port: … }` in a classic load balancer's `listeners`.
    ClassicListener,
    /// `health_check: { … }` of target groups.
    HealthCheck,
    /// `custom_health_check: { … }` of a Cloud Map service.
    CustomHealthCheck,
    // ---- task definitions, images, environment (issue 4) ----
    /// `task_definition`: the generic kind with a `compatibility`.
    TaskDefinition,
    /// `external_task_definition`.
    ExternalTaskDefinition,
    /// `external_service`.
    ExternalService,
    /// `secret` (Secrets Manager).
    Secret,
    /// `string_parameter` (SSM).
    StringParameter,
    /// `bucket` (S3).
    Bucket,
    /// `repository` (ECR).
    Repository,
    /// `imported_repository`: an ECR repository known by name.
    ImportedRepository,
    /// `docker_image_asset`.
    DockerImageAsset,
    /// `file_system` (EFS).
    FileSystem,
    /// `access_point`, of a file system.
    AccessPoint,
    // ---- log drivers, ECS Exec, auto-scaling, scheduled tasks (issue 6) ----
    /// `log_group` (CloudWatch Logs).
    LogGroup,
    /// `imported_secret`: a Secrets Manager secret known by name.
    ImportedSecret,
    /// `auto_scale_task_count Service { … }`: its id names the service.
    AutoScaleTaskCount,
    /// `scale_on_cpu_utilization`, inside `auto_scale_task_count`.
    ScaleOnCpu,
    /// `scale_on_memory_utilization`, inside `auto_scale_task_count`.
    ScaleOnMemory,
    /// `scale_on_request_count`, inside `auto_scale_task_count`.
    ScaleOnRequestCount,
    /// `scale_on_schedule`, inside `auto_scale_task_count`.
    ScaleOnSchedule,
    /// `rule` (EventBridge).
    Rule,
    /// A `{ cluster: …, task_definition: … }` object of a rule's `targets`.
    EcsTaskTarget,
    /// A `{ container_name: …, … }` object of `container_overrides`.
    ContainerOverride,
    /// `execute_command_configuration: { … }` of a cluster.
    ExecConfig,
    /// `log_configuration: { … }` of an exec configuration.
    ExecLogConfig,
}

/// What a reference property may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefClass {
    /// A `vpc`.
    Vpc,
    /// A `cluster`.
    Cluster,
    /// Any task definition.
    TaskDefinition,
    /// An `auto_scaling_group`.
    AutoScalingGroup,
    /// An `asg_capacity_provider`.
    AsgCapacityProvider,
    /// A `kms_key`.
    Key,
    /// Any service.
    Service,
    /// A `security_group`.
    SecurityGroup,
    /// A Cloud Map namespace.
    Namespace,
    /// A `cloud_map_service`.
    CloudMapService,
    /// Any load balancer.
    LoadBalancer,
    /// An EFS file system.
    FileSystem,
    /// A construct used inside expressions (secret, repository, …), never by reference.
    Supporting,
    // ---- issue 6 ----
    /// A `log_group`.
    LogGroup,
    /// A `bucket`.
    Bucket,
}

impl RefClass {
    /// The noun used in messages.
    pub fn noun(self) -> &'static str {
        match self {
            RefClass::Vpc => "vpc",
            RefClass::Cluster => "cluster",
            RefClass::TaskDefinition => "task definition",
            RefClass::AutoScalingGroup => "auto scaling group",
            RefClass::AsgCapacityProvider => "asg capacity provider",
            RefClass::Key => "kms key",
            RefClass::Service => "service",
            RefClass::SecurityGroup => "security group",
            RefClass::Namespace => "namespace",
            RefClass::CloudMapService => "cloud map service",
            RefClass::LoadBalancer => "load balancer",
            RefClass::FileSystem => "file system",
            RefClass::Supporting => "construct",
            RefClass::LogGroup => "log group",
            RefClass::Bucket => "bucket",
        }
    }
}

/// An enum property's type: where it lives in `ecs_core` and its variants.
pub struct EnumDef {
    /// The path below `__private`, e.g. `["task_definition", "NetworkMode"]`.
    pub path: &'static [&'static str],
    /// The variants a user may write.
    pub variants: &'static [&'static str],
}

/// `task_definition::NetworkMode`.
pub static NETWORK_MODE: EnumDef = EnumDef {
    path: &["task_definition", "NetworkMode"],
    variants: ecs_core::task_definition::NetworkMode::VARIANT_NAMES,
};

/// `task_definition::Compatibility`.
pub static COMPATIBILITY: EnumDef = EnumDef {
    path: &["task_definition", "Compatibility"],
    variants: &["Ec2", "Fargate", "Ec2AndFargate", "External"],
};

/// `task_definition::IpcMode`.
pub static IPC_MODE: EnumDef = EnumDef {
    path: &["task_definition", "IpcMode"],
    variants: ecs_core::task_definition::IpcMode::VARIANT_NAMES,
};

/// `task_definition::PidMode`.
pub static PID_MODE: EnumDef = EnumDef {
    path: &["task_definition", "PidMode"],
    variants: ecs_core::task_definition::PidMode::VARIANT_NAMES,
};

/// `container::Protocol`.
pub static PROTOCOL: EnumDef = EnumDef {
    path: &["container", "Protocol"],
    variants: ecs_core::container::Protocol::VARIANT_NAMES,
};

/// `amis::MachineImageType`.
pub static MACHINE_IMAGE_TYPE: EnumDef = EnumDef {
    path: &["amis", "MachineImageType"],
    variants: ecs_core::amis::MachineImageType::VARIANT_NAMES,
};

/// `capacity::SubnetType`.
pub static CAPACITY_SUBNET_TYPE: EnumDef = EnumDef {
    path: &["capacity", "SubnetType"],
    variants: ecs_core::capacity::SubnetType::VARIANT_NAMES,
};

/// `load_balancing::Protocol`.
pub static LB_PROTOCOL: EnumDef = EnumDef {
    path: &["load_balancing", "Protocol"],
    variants: ecs_core::load_balancing::Protocol::VARIANT_NAMES,
};

/// `load_balancing::LoadBalancingProtocol`.
pub static CLASSIC_PROTOCOL: EnumDef = EnumDef {
    path: &["load_balancing", "LoadBalancingProtocol"],
    variants: ecs_core::load_balancing::LoadBalancingProtocol::VARIANT_NAMES,
};

/// `cloud_map::DnsRecordType`.
pub static DNS_RECORD_TYPE: EnumDef = EnumDef {
    path: &["cloud_map", "DnsRecordType"],
    variants: ecs_core::cloud_map::DnsRecordType::VARIANT_NAMES,
};

/// `service::DeploymentControllerType`.
pub static DEPLOYMENT_CONTROLLER: EnumDef = EnumDef {
    path: &["service", "DeploymentControllerType"],
    variants: ecs_core::service::DeploymentControllerType::VARIANT_NAMES,
};

/// `service::PropagatedTagSource`.
pub static PROPAGATED_TAG_SOURCE: EnumDef = EnumDef {
    path: &["service", "PropagatedTagSource"],
    variants: ecs_core::service::PropagatedTagSource::VARIANT_NAMES,
};

/// `service::SubnetType`.
pub static SUBNET_TYPE: EnumDef = EnumDef {
    path: &["service", "SubnetType"],
    variants: ecs_core::service::SubnetType::VARIANT_NAMES,
};

// ---- issue 6 ----

/// `logs::RetentionDays`.
pub static RETENTION_DAYS: EnumDef = EnumDef {
    path: &["logs", "RetentionDays"],
    variants: ecs_core::logs::RetentionDays::VARIANT_NAMES,
};

/// `exec::ExecuteCommandLogging`.
pub static EXEC_LOGGING: EnumDef = EnumDef {
    path: &["exec", "ExecuteCommandLogging"],
    variants: ecs_core::exec::ExecuteCommandLogging::VARIANT_NAMES,
};

/// The shape of a property's value.
#[derive(Clone, Copy)]
pub enum PropType {
    /// Any Rust expression, passed to the setter.
    Expr,
    /// The name of a construct declared in the same stack.
    Ref(RefClass),
    /// A variant, bare (`Bridge`) or as a path, or any expression of the enum type.
    Enum(&'static EnumDef),
    /// `[80, { container_port: 8080, … }]` or an expression.
    PortMappings,
    /// `{ "KEY": value, NAME: value }` or an expression.
    Environment,
    /// `[{ capacity_provider: …, weight: … }, …]` or an expression.
    Strategies,
    /// The name of an `asg_capacity_provider` of the stack, or an expression (`"FARGATE"`).
    Provider,
    /// `{ key: value, … }` with the keys of a kind of the table.
    Object(KindId),
    /// `[{ … }, …]`, objects of a kind of the table.
    Objects(KindId),
    /// `[Name, …]`: names of constructs declared in this stack.
    Refs(RefClass),
    /// A name (identifier or string literal), e.g. of a container; expanded as a string.
    Name,
    /// `[Service, { service: Service, container_name: web, container_port: 8080 }]`.
    Targets,
    /// `Construct.attribute` (e.g. `LB.load_balancer_dns_name`) or an expression.
    Attr,
    /// Names of constructs declared anywhere in the stack, each passed to the setter after
    /// the whole stack is built (`grant_read_write: [TaskDef]`).
    LateRefs(RefClass),
    // ---- issue 6 ----
    /// A schedule: a string literal (checked by rule G5, expanded to `Schedule::expression`)
    /// or any expression yielding a `Schedule`.
    Schedule,
    /// The id of an `add_targets` item of a listener of the stack: its target group.
    TargetGroup,
}

/// One property a kind knows.
#[derive(Clone, Copy)]
pub struct PropDef {
    /// The snake_case name, as the setter is named.
    pub name: &'static str,
    /// The value shape.
    pub ty: PropType,
    /// Whether the item is incomplete without it.
    pub required: bool,
}

const fn prop(name: &'static str, ty: PropType) -> PropDef {
    PropDef {
        name,
        ty,
        required: false,
    }
}

const fn required(name: &'static str, ty: PropType) -> PropDef {
    PropDef {
        name,
        ty,
        required: true,
    }
}

/// One kind of item.
pub struct Kind {
    /// Which kind.
    pub id: KindId,
    /// The DSL keyword.
    pub keyword: &'static str,
    /// The noun used in messages (`fargate task definition`).
    pub noun: &'static str,
    /// The properties it knows, in the order messages list them.
    pub props: &'static [PropDef],
    /// The kinds of the items it may contain.
    pub children: &'static [KindId],
    /// What references to it may name it as.
    pub class: Option<RefClass>,
    /// For items that add a declared construct to their parent (`add_auto_scaling_group
    /// Asg {}`): what their id names.
    pub id_ref: Option<RefClass>,
}

use PropType::{Environment, Expr as E, PortMappings, Ref};

/// `add_capacity`'s and `add_auto_scaling_group`'s way to join a group to the cluster.
const JOIN_PROPS: [PropDef; 4] = [
    prop("machine_image_type", PropType::Enum(&MACHINE_IMAGE_TYPE)),
    prop("spot_instance_draining", E),
    prop("task_drain_time", E),
    prop("topic_encryption_key", Ref(RefClass::Key)),
];

/// The keyword table.
pub static KINDS: &[Kind] = &[
    Kind {
        id: KindId::App,
        keyword: "ecs_app!",
        noun: "app",
        props: &[],
        children: &[KindId::Stack],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Stack,
        keyword: "stack",
        noun: "stack",
        props: &[],
        children: &[
            KindId::Vpc,
            KindId::Cluster,
            KindId::AutoScalingGroup,
            KindId::AsgCapacityProvider,
            KindId::KmsKey,
            KindId::Ec2TaskDefinition,
            KindId::FargateTaskDefinition,
            KindId::Ec2Service,
            KindId::FargateService,
            // ---- issue 5 ----
            KindId::SecurityGroup,
            KindId::ApplicationLoadBalancer,
            KindId::NetworkLoadBalancer,
            KindId::ClassicLoadBalancer,
            KindId::PrivateDnsNamespace,
            KindId::CloudMapService,
            KindId::CfnOutput,
            KindId::TaskDefinition,
            KindId::ExternalTaskDefinition,
            KindId::ExternalService,
            KindId::Secret,
            KindId::StringParameter,
            KindId::Bucket,
            KindId::Repository,
            KindId::ImportedRepository,
            KindId::DockerImageAsset,
            KindId::FileSystem,
            KindId::AccessPoint,
            // ---- issue 6 ----
            KindId::LogGroup,
            KindId::ImportedSecret,
            KindId::AutoScaleTaskCount,
            KindId::Rule,
        ],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Vpc,
        keyword: "vpc",
        noun: "vpc",
        props: &[prop("max_azs", E), prop("nat_gateways", E)],
        children: &[],
        class: Some(RefClass::Vpc),
        id_ref: None,
    },
    Kind {
        id: KindId::Cluster,
        keyword: "cluster",
        noun: "cluster",
        props: &[
            prop("vpc", Ref(RefClass::Vpc)),
            prop("cluster_name", E),
            prop("enable_fargate_capacity_providers", E),
            prop("default_capacity_provider_strategy", PropType::Strategies),
            prop(
                "default_cloud_map_namespace",
                PropType::Object(KindId::NamespaceOptions),
            ),
            // ---- issue 6 ----
            prop(
                "execute_command_configuration",
                PropType::Object(KindId::ExecConfig),
            ),
        ],
        children: &[
            KindId::Capacity,
            KindId::AddAutoScalingGroup,
            KindId::AddAsgCapacityProvider,
        ],
        class: Some(RefClass::Cluster),
        id_ref: None,
    },
    Kind {
        id: KindId::Capacity,
        keyword: "add_capacity",
        noun: "capacity",
        props: &[
            required("instance_type", E),
            prop("min_capacity", E),
            prop("max_capacity", E),
            prop("desired_capacity", E),
            prop("machine_image", E),
            prop("spot_price", E),
            prop("vpc_subnets", PropType::Enum(&CAPACITY_SUBNET_TYPE)),
            prop("associate_public_ip_address", E),
            prop("detailed_monitoring", E),
            prop("cooldown", E),
            prop("new_instances_protected_from_scale_in", E),
            prop("key_name", E),
            JOIN_PROPS[0],
            JOIN_PROPS[1],
            JOIN_PROPS[2],
            JOIN_PROPS[3],
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Ec2TaskDefinition,
        keyword: "ec2_task_definition",
        noun: "ec2 task definition",
        props: &[
            prop("network_mode", PropType::Enum(&NETWORK_MODE)),
            prop("family", E),
            prop("volumes", E),
            prop("placement_constraints", E),
            prop("ipc_mode", PropType::Enum(&IPC_MODE)),
            prop("pid_mode", PropType::Enum(&PID_MODE)),
            prop("inference_accelerators", E),
        ],
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::FargateTaskDefinition,
        keyword: "fargate_task_definition",
        noun: "fargate task definition",
        props: &[
            prop("cpu", E),
            prop("memory_limit_mib", E),
            prop("network_mode", PropType::Enum(&NETWORK_MODE)),
            prop("family", E),
            prop("volumes", E),
            prop("ephemeral_storage_gib", E),
            prop("runtime_platform", E),
            prop("pid_mode", PropType::Enum(&PID_MODE)),
            // Offered so rule F4 can say why they do not apply.
            prop("placement_constraints", E),
            prop("inference_accelerators", E),
        ],
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::Container,
        keyword: "container",
        noun: "container",
        props: &[
            required("image", E),
            prop("memory_limit_mib", E),
            prop("memory_reservation_mib", E),
            prop("cpu", E),
            prop("essential", E),
            prop("port_mappings", PortMappings),
            prop("environment", Environment),
            prop("container_name", E),
            prop("environment_files", E),
            prop("secrets", Environment),
            prop("command", E),
            prop("entry_point", E),
            prop("health_check", E),
            prop("working_directory", E),
            prop("user", E),
            prop("hostname", E),
            prop("readonly_root_filesystem", E),
            prop("privileged", E),
            prop("disable_networking", E),
            prop("interactive", E),
            prop("pseudo_terminal", E),
            prop("linux_parameters", E),
            prop("ulimits", E),
            prop("docker_labels", Environment),
            prop("docker_security_options", E),
            prop("dns_servers", E),
            prop("dns_search_domains", E),
            prop("extra_hosts", Environment),
            prop("system_controls", Environment),
            prop("start_timeout", E),
            prop("stop_timeout", E),
            prop("gpu_count", E),
            prop("inference_accelerator_resources", E),
            prop("mount_points", E),
            prop("volumes_from", E),
            prop("container_dependencies", E),
            prop("links", E),
            prop("version_consistency", E),
            // ---- issue 6 ----
            prop("logging", E),
            prop("firelens_config", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Ec2Service,
        keyword: "ec2_service",
        noun: "ec2 service",
        props: &[
            required("cluster", Ref(RefClass::Cluster)),
            required("task_definition", Ref(RefClass::TaskDefinition)),
            prop("desired_count", E),
            prop("service_name", E),
            prop("min_healthy_percent", E),
            prop("max_healthy_percent", E),
            prop("daemon", E),
            prop("security_groups", PropType::Refs(RefClass::SecurityGroup)),
            prop("vpc_subnets", PropType::Enum(&SUBNET_TYPE)),
            prop("assign_public_ip", E),
            prop("placement_strategies", E),
            prop("placement_constraints", E),
            SERVICE_PROPS[0],
            SERVICE_PROPS[1],
            SERVICE_PROPS[2],
            SERVICE_PROPS[3],
            SERVICE_PROPS[4],
            SERVICE_PROPS[5],
            SERVICE_PROPS[6],
            SERVICE_PROPS[7],
            prop("capacity_provider_strategies", PropType::Strategies),
        ],
        children: &[],
        class: Some(RefClass::Service),
        id_ref: None,
    },
    Kind {
        id: KindId::FargateService,
        keyword: "fargate_service",
        noun: "fargate service",
        props: &[
            required("cluster", Ref(RefClass::Cluster)),
            required("task_definition", Ref(RefClass::TaskDefinition)),
            prop("desired_count", E),
            prop("service_name", E),
            prop("min_healthy_percent", E),
            prop("max_healthy_percent", E),
            prop("assign_public_ip", E),
            prop("platform_version", E),
            prop("security_groups", PropType::Refs(RefClass::SecurityGroup)),
            prop("vpc_subnets", PropType::Enum(&SUBNET_TYPE)),
            SERVICE_PROPS[0],
            SERVICE_PROPS[1],
            SERVICE_PROPS[2],
            SERVICE_PROPS[3],
            SERVICE_PROPS[4],
            SERVICE_PROPS[5],
            SERVICE_PROPS[6],
            SERVICE_PROPS[7],
            prop("capacity_provider_strategies", PropType::Strategies),
        ],
        children: &[],
        class: Some(RefClass::Service),
        id_ref: None,
    },
    Kind {
        id: KindId::PortMapping,
        keyword: "port mapping",
        noun: "port mapping",
        props: &[
            required("container_port", E),
            prop("host_port", E),
            prop("protocol", PropType::Enum(&PROTOCOL)),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- capacity (issue 3) ----
    Kind {
        id: KindId::AutoScalingGroup,
        keyword: "auto_scaling_group",
        noun: "auto scaling group",
        props: &[
            required("vpc", Ref(RefClass::Vpc)),
            required("instance_type", E),
            prop("machine_image", E),
            prop("min_capacity", E),
            prop("max_capacity", E),
            prop("desired_capacity", E),
            prop("spot_price", E),
            prop("vpc_subnets", PropType::Enum(&CAPACITY_SUBNET_TYPE)),
            prop("associate_public_ip_address", E),
            prop("detailed_monitoring", E),
            prop("cooldown", E),
            prop("new_instances_protected_from_scale_in", E),
            prop("key_name", E),
        ],
        children: &[],
        class: Some(RefClass::AutoScalingGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::AsgCapacityProvider,
        keyword: "asg_capacity_provider",
        noun: "asg capacity provider",
        props: &[
            required("auto_scaling_group", Ref(RefClass::AutoScalingGroup)),
            prop("capacity_provider_name", E),
            prop("enable_managed_scaling", E),
            prop("enable_managed_termination_protection", E),
            prop("enable_managed_draining", E),
            prop("target_capacity_percent", E),
            prop("maximum_scaling_step_size", E),
            prop("minimum_scaling_step_size", E),
            prop("instance_warmup_period", E),
            prop("machine_image_type", PropType::Enum(&MACHINE_IMAGE_TYPE)),
        ],
        children: &[],
        class: Some(RefClass::AsgCapacityProvider),
        id_ref: None,
    },
    Kind {
        id: KindId::KmsKey,
        keyword: "kms_key",
        noun: "kms key",
        props: &[prop("description", E), prop("enable_key_rotation", E)],
        children: &[],
        class: Some(RefClass::Key),
        id_ref: None,
    },
    Kind {
        id: KindId::AddAutoScalingGroup,
        keyword: "add_auto_scaling_group",
        noun: "added auto scaling group",
        props: &JOIN_PROPS,
        children: &[],
        class: None,
        id_ref: Some(RefClass::AutoScalingGroup),
    },
    Kind {
        id: KindId::AddAsgCapacityProvider,
        keyword: "add_asg_capacity_provider",
        noun: "added asg capacity provider",
        props: &JOIN_PROPS,
        children: &[],
        class: None,
        id_ref: Some(RefClass::AsgCapacityProvider),
    },
    Kind {
        id: KindId::CapacityProviderStrategy,
        keyword: "capacity provider strategy",
        noun: "capacity provider strategy",
        props: &[
            required("capacity_provider", PropType::Provider),
            prop("weight", E),
            prop("base", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- services, load balancing, Cloud Map (issue 5) ----
    Kind {
        id: KindId::SecurityGroup,
        keyword: "security_group",
        noun: "security group",
        props: &[
            required("vpc", Ref(RefClass::Vpc)),
            prop("description", E),
            prop("security_group_name", E),
            prop("allow_all_outbound", E),
            prop("ingress_rules", E),
            prop("egress_rules", E),
        ],
        children: &[],
        class: Some(RefClass::SecurityGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::ApplicationLoadBalancer,
        keyword: "application_load_balancer",
        noun: "application load balancer",
        props: LB_PROPS,
        children: &[KindId::Listener],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::NetworkLoadBalancer,
        keyword: "network_load_balancer",
        noun: "network load balancer",
        props: LB_PROPS,
        children: &[KindId::Listener],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::ClassicLoadBalancer,
        keyword: "classic_load_balancer",
        noun: "classic load balancer",
        props: &[
            required("vpc", Ref(RefClass::Vpc)),
            prop("internet_facing", E),
            prop("listeners", PropType::Objects(KindId::ClassicListener)),
            prop("targets", PropType::Targets),
            prop("cross_zone", E),
        ],
        children: &[],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::Listener,
        keyword: "listener",
        noun: "listener",
        props: &[
            prop("port", E),
            prop("protocol", PropType::Enum(&LB_PROTOCOL)),
            prop("certificates", E),
            prop("ssl_policy", E),
            prop("open", E),
            prop("default_action", E), // issue 7: `ListenerAction::fixed_response(404)`
        ],
        children: &[KindId::AddTargets, KindId::RegisterTargets],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AddTargets,
        keyword: "add_targets",
        noun: "targets",
        props: &[
            prop("port", E),
            prop("protocol", PropType::Enum(&LB_PROTOCOL)),
            prop("targets", PropType::Targets),
            prop("priority", E),
            prop("conditions", E),
            prop("health_check", PropType::Object(KindId::HealthCheck)),
            prop("target_group_name", E),
            prop("deregistration_delay", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::RegisterTargets,
        keyword: "register_load_balancer_targets",
        noun: "load balancer targets",
        props: &[
            required("service", Ref(RefClass::Service)),
            required("container_name", PropType::Name),
            prop("container_port", E),
            prop("port", E),
            prop("protocol", PropType::Enum(&LB_PROTOCOL)),
            prop("health_check", PropType::Object(KindId::HealthCheck)),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::PrivateDnsNamespace,
        keyword: "private_dns_namespace",
        noun: "private dns namespace",
        props: &[
            required("name", E),
            required("vpc", Ref(RefClass::Vpc)),
            prop("description", E),
        ],
        children: &[],
        class: Some(RefClass::Namespace),
        id_ref: None,
    },
    Kind {
        id: KindId::CloudMapService,
        keyword: "cloud_map_service",
        noun: "cloud map service",
        props: &[
            required("namespace", Ref(RefClass::Namespace)),
            prop("name", E),
            prop("description", E),
            prop("dns_record_type", PropType::Enum(&DNS_RECORD_TYPE)),
            prop("dns_ttl", E),
            prop(
                "custom_health_check",
                PropType::Object(KindId::CustomHealthCheck),
            ),
        ],
        children: &[],
        class: Some(RefClass::CloudMapService),
        id_ref: None,
    },
    Kind {
        id: KindId::CfnOutput,
        keyword: "cfn_output",
        noun: "output",
        props: &[required("value", PropType::Attr), prop("description", E)],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::CircuitBreaker,
        keyword: "circuit_breaker",
        noun: "circuit breaker",
        props: &[prop("enable", E), prop("rollback", E)],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::CloudMapOptions,
        keyword: "cloud_map_options",
        noun: "cloud map options",
        props: &[
            prop("name", E),
            prop("cloud_map_namespace", Ref(RefClass::Namespace)),
            prop("dns_record_type", PropType::Enum(&DNS_RECORD_TYPE)),
            prop("dns_ttl", E),
            prop("failure_threshold", E),
            prop("container", PropType::Name),
            prop("container_port", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::NamespaceOptions,
        keyword: "default_cloud_map_namespace",
        noun: "namespace options",
        props: &[required("name", E), prop("vpc", Ref(RefClass::Vpc))],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AssociateCloudMap,
        keyword: "associate_cloud_map_service",
        noun: "cloud map association",
        props: &[
            required("service", Ref(RefClass::CloudMapService)),
            prop("container", PropType::Name),
            prop("container_port", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::TargetObject,
        keyword: "target",
        noun: "load balancer target",
        props: &[
            required("service", Ref(RefClass::Service)),
            required("container_name", PropType::Name),
            prop("container_port", E),
            prop("protocol", PropType::Enum(&PROTOCOL)),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ClassicListener,
        keyword: "listener",
        noun: "classic listener",
        props: &[
            required("external_port", E),
            prop("external_protocol", PropType::Enum(&CLASSIC_PROTOCOL)),
            prop("internal_port", E),
            prop("internal_protocol", PropType::Enum(&CLASSIC_PROTOCOL)),
            prop("ssl_certificate_arn", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::HealthCheck,
        keyword: "health_check",
        noun: "health check",
        props: &[
            prop("enabled", E),
            prop("path", E),
            prop("interval", E),
            prop("timeout", E),
            prop("healthy_threshold_count", E),
            prop("unhealthy_threshold_count", E),
            prop("healthy_http_codes", E),
            prop("port", E),
            prop("protocol", PropType::Enum(&LB_PROTOCOL)),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::CustomHealthCheck,
        keyword: "custom_health_check",
        noun: "custom health check",
        props: &[prop("failure_threshold", E)],
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- task definitions, images, environment (issue 4) ----
    Kind {
        id: KindId::TaskDefinition,
        keyword: "task_definition",
        noun: "task definition",
        props: &[
            required("compatibility", PropType::Enum(&COMPATIBILITY)),
            prop("cpu", E),
            prop("memory_mib", E),
            prop("network_mode", PropType::Enum(&NETWORK_MODE)),
            prop("family", E),
            prop("volumes", E),
            prop("placement_constraints", E),
            prop("ipc_mode", PropType::Enum(&IPC_MODE)),
            prop("pid_mode", PropType::Enum(&PID_MODE)),
            prop("inference_accelerators", E),
            prop("ephemeral_storage_gib", E),
            prop("runtime_platform", E),
        ],
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::ExternalTaskDefinition,
        keyword: "external_task_definition",
        noun: "external task definition",
        props: &[
            prop("network_mode", PropType::Enum(&NETWORK_MODE)),
            prop("family", E),
            // Offered so rule X1 can say why they do not apply.
            prop("volumes", E),
            prop("inference_accelerators", E),
        ],
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::ExternalService,
        keyword: "external_service",
        noun: "external service",
        props: &[
            required("cluster", Ref(RefClass::Cluster)),
            required("task_definition", Ref(RefClass::TaskDefinition)),
            prop("desired_count", E),
            prop("service_name", E),
            prop("min_healthy_percent", E),
            prop("max_healthy_percent", E),
            // Circuit breaker and Cloud Map are offered so rule X1 can say why they do not
            // apply.
            SERVICE_PROPS[0],
            SERVICE_PROPS[1],
            SERVICE_PROPS[2],
            SERVICE_PROPS[3],
            SERVICE_PROPS[4],
            SERVICE_PROPS[5],
            SERVICE_PROPS[6],
            SERVICE_PROPS[7],
        ],
        children: &[],
        class: Some(RefClass::Service),
        id_ref: None,
    },
    Kind {
        id: KindId::Secret,
        keyword: "secret",
        noun: "secret",
        props: &[
            prop("secret_name", E),
            prop("description", E),
            prop("generate_secret_string", E),
        ],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::StringParameter,
        keyword: "string_parameter",
        noun: "string parameter",
        props: &[
            prop("parameter_name", E),
            required("string_value", E),
            prop("description", E),
        ],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::Bucket,
        keyword: "bucket",
        noun: "bucket",
        props: &[
            prop("bucket_name", E),
            prop("versioned", E),
            // ---- issue 6 ----
            prop("encryption_key", Ref(RefClass::Key)),
        ],
        children: &[],
        class: Some(RefClass::Bucket),
        id_ref: None,
    },
    Kind {
        id: KindId::Repository,
        keyword: "repository",
        noun: "repository",
        props: &[prop("repository_name", E)],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedRepository,
        keyword: "imported_repository",
        noun: "imported repository",
        props: &[required("repository_name", E)],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::DockerImageAsset,
        keyword: "docker_image_asset",
        noun: "docker image asset",
        props: &[
            required("directory", E),
            prop("build_args", Environment),
            prop("target", E),
            prop("file", E),
        ],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::FileSystem,
        keyword: "file_system",
        noun: "file system",
        props: &[
            required("vpc", Ref(RefClass::Vpc)),
            prop("file_system_name", E),
            prop(
                "grant_read_write",
                PropType::LateRefs(RefClass::TaskDefinition),
            ),
            prop(
                "allow_default_port_from",
                PropType::LateRefs(RefClass::Service),
            ),
        ],
        children: &[],
        class: Some(RefClass::FileSystem),
        id_ref: None,
    },
    Kind {
        id: KindId::AccessPoint,
        keyword: "access_point",
        noun: "access point",
        props: &[
            required("file_system", Ref(RefClass::FileSystem)),
            prop("path", E),
            prop("create_acl", E),
            prop("posix_user", E),
        ],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    // ---- log drivers, ECS Exec, auto-scaling, scheduled tasks (issue 6) ----
    Kind {
        id: KindId::LogGroup,
        keyword: "log_group",
        noun: "log group",
        props: &[
            prop("log_group_name", E),
            prop("retention", PropType::Enum(&RETENTION_DAYS)),
            prop("encryption_key", Ref(RefClass::Key)),
        ],
        children: &[],
        class: Some(RefClass::LogGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedSecret,
        keyword: "imported_secret",
        noun: "imported secret",
        props: &[required("secret_name", E)],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::AutoScaleTaskCount,
        keyword: "auto_scale_task_count",
        noun: "task auto scaling",
        props: &[prop("min_capacity", E), required("max_capacity", E)],
        children: &[
            KindId::ScaleOnCpu,
            KindId::ScaleOnMemory,
            KindId::ScaleOnRequestCount,
            KindId::ScaleOnSchedule,
        ],
        class: None,
        id_ref: Some(RefClass::Service),
    },
    Kind {
        id: KindId::ScaleOnCpu,
        keyword: "scale_on_cpu_utilization",
        noun: "cpu scaling policy",
        props: &[
            required("target_utilization_percent", E),
            TRACKING_PROPS[0],
            TRACKING_PROPS[1],
            TRACKING_PROPS[2],
            TRACKING_PROPS[3],
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnMemory,
        keyword: "scale_on_memory_utilization",
        noun: "memory scaling policy",
        props: &[
            required("target_utilization_percent", E),
            TRACKING_PROPS[0],
            TRACKING_PROPS[1],
            TRACKING_PROPS[2],
            TRACKING_PROPS[3],
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnRequestCount,
        keyword: "scale_on_request_count",
        noun: "request count scaling policy",
        props: &[
            required("requests_per_target", E),
            required("target_group", PropType::TargetGroup),
            TRACKING_PROPS[0],
            TRACKING_PROPS[1],
            TRACKING_PROPS[2],
            TRACKING_PROPS[3],
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnSchedule,
        keyword: "scale_on_schedule",
        noun: "scheduled scaling",
        props: &[
            required("schedule", PropType::Schedule),
            prop("min_capacity", E),
            prop("max_capacity", E),
            prop("start_time", E),
            prop("end_time", E),
            prop("time_zone", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Rule,
        keyword: "rule",
        noun: "rule",
        props: &[
            prop("schedule", PropType::Schedule),
            prop("event_pattern", E),
            prop("description", E),
            prop("rule_name", E),
            prop("enabled", E),
            prop("targets", PropType::Objects(KindId::EcsTaskTarget)),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::EcsTaskTarget,
        keyword: "ecs task target",
        noun: "ecs task target",
        props: &[
            required("cluster", Ref(RefClass::Cluster)),
            required("task_definition", Ref(RefClass::TaskDefinition)),
            prop("task_count", E),
            prop(
                "container_overrides",
                PropType::Objects(KindId::ContainerOverride),
            ),
            prop("assign_public_ip", E),
            prop("platform_version", E),
            prop("security_groups", PropType::Refs(RefClass::SecurityGroup)),
            prop("enable_execute_command", E),
            prop("subnet_selection", PropType::Enum(&SUBNET_TYPE)),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ContainerOverride,
        keyword: "container override",
        noun: "container override",
        props: &[
            required("container_name", PropType::Name),
            prop("command", E),
            prop("environment", Environment),
            prop("cpu", E),
            prop("memory_limit", E),
            prop("memory_reservation", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ExecConfig,
        keyword: "execute_command_configuration",
        noun: "exec configuration",
        props: &[
            prop("kms_key", Ref(RefClass::Key)),
            prop("logging", PropType::Enum(&EXEC_LOGGING)),
            prop("log_configuration", PropType::Object(KindId::ExecLogConfig)),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ExecLogConfig,
        keyword: "log_configuration",
        noun: "exec log configuration",
        props: &[
            prop("cloud_watch_log_group", Ref(RefClass::LogGroup)),
            prop("cloud_watch_encryption_enabled", E),
            prop("s3_bucket", Ref(RefClass::Bucket)),
            prop("s3_encryption_enabled", E),
            prop("s3_key_prefix", E),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
];

/// The properties every target-tracking scaling policy shares (issue 6).
const TRACKING_PROPS: [PropDef; 4] = [
    prop("scale_in_cooldown", E),
    prop("scale_out_cooldown", E),
    prop("disable_scale_in", E),
    prop("policy_name", E),
];

/// The properties every service kind shares beyond its cluster, task and counts (issue 5).
const SERVICE_PROPS: [PropDef; 8] = [
    prop("health_check_grace_period", E),
    prop("circuit_breaker", PropType::Object(KindId::CircuitBreaker)),
    prop(
        "deployment_controller",
        PropType::Enum(&DEPLOYMENT_CONTROLLER),
    ),
    prop("propagate_tags", PropType::Enum(&PROPAGATED_TAG_SOURCE)),
    prop("enable_ecs_managed_tags", E),
    prop("enable_execute_command", E),
    prop(
        "cloud_map_options",
        PropType::Object(KindId::CloudMapOptions),
    ),
    prop(
        "associate_cloud_map_service",
        PropType::Object(KindId::AssociateCloudMap),
    ),
];

/// The properties of application and network load balancers.
const LB_PROPS: &[PropDef] = &[
    required("vpc", Ref(RefClass::Vpc)),
    prop("internet_facing", E),
    prop("load_balancer_name", E),
    prop("vpc_subnets", PropType::Enum(&SUBNET_TYPE)),
    prop("security_group", Ref(RefClass::SecurityGroup)),
];

/// The table entry of `id`.
pub fn kind(id: KindId) -> &'static Kind {
    KINDS
        .iter()
        .find(|k| k.id == id)
        .expect("every kind is in the table")
}

/// A construct id as the user wrote it.
#[derive(Clone)]
pub struct Id {
    /// The id text (`Cluster`, `my-cluster`).
    pub name: String,
    /// The token, for spans and for the expansion.
    pub token: IdSyntax,
}

impl Id {
    fn from_syntax(token: IdSyntax) -> Self {
        Id {
            name: token.text(),
            token,
        }
    }

    /// The span of the id token.
    pub fn span(&self) -> Span {
        self.token.span()
    }
}

/// An item of the model: a stack, a construct, or a nested construct.
pub struct Item {
    /// Its kind.
    pub kind: &'static Kind,
    /// Its id.
    pub id: Id,
    /// Its properties, in the order written, each known to the kind and given once.
    pub props: Vec<Prop>,
    /// Its nested items, in the order written.
    pub children: Vec<Item>,
    /// Whether a property was left out as unknown, duplicate or broken. Rules about missing
    /// properties skip such an item: the property may be the one misspelt.
    pub incomplete: bool,
    /// For kinds with an `id_ref`: the construct the id names, resolved later.
    pub target: Option<Reference>,
}

impl Item {
    /// The property named `name`, if given.
    pub fn prop(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    /// The property named `name` as an expression, if given as one.
    pub fn expr(&self, name: &str) -> Option<&Expr> {
        match self.prop(name).map(|p| &p.value) {
            Some(PropValue::Expr(expr)) => Some(expr),
            _ => None,
        }
    }

    /// The reference property named `name`, if given.
    pub fn reference(&self, name: &str) -> Option<&Reference> {
        match self.prop(name).map(|p| &p.value) {
            Some(PropValue::Ref(reference)) => Some(reference),
            _ => None,
        }
    }

    /// The children of kind `id`.
    pub fn children_of(&self, id: KindId) -> impl Iterator<Item = &Item> {
        self.children.iter().filter(move |c| c.kind.id == id)
    }
}

/// A property with its checked value.
pub struct Prop {
    /// The property name token; the setter of the expansion carries its span.
    pub name: Ident,
    /// The value.
    pub value: PropValue,
}

/// A property value, shaped by its [`PropType`].
pub enum PropValue {
    /// A Rust expression.
    Expr(Expr),
    /// A reference to a construct of the same stack.
    Ref(Reference),
    /// An enum value.
    Enum(EnumValue),
    /// Port mappings.
    PortMappings(PortMappingsValue),
    /// Environment variables.
    Environment(EnvironmentValue),
    /// Capacity provider strategies.
    Strategies(StrategiesValue),
    /// A capacity provider of a strategy.
    Provider(ProviderValue),
    /// An object of a kind of the table.
    Object(Item),
    /// A list of objects of a kind of the table.
    Objects(Vec<Item>),
    /// Names of declared constructs.
    Refs(Vec<Reference>),
    /// A name, expanded as a string literal.
    Name(IdSyntax),
    /// Load-balancer targets.
    Targets(Vec<TargetValue>),
    /// `Construct.attribute`, or any expression.
    Attr(AttrValue),
    /// References resolved against the whole stack, used after it is built.
    LateRefs(Vec<Reference>),
    /// A schedule: a literal expression or an expression yielding a `Schedule`.
    Schedule(Expr),
    /// The target group of an `add_targets` item.
    TargetGroup(TargetGroupRef),
}

/// A reference to the target group an `add_targets` item of a listener creates.
pub struct TargetGroupRef {
    /// The `add_targets` id as written.
    pub id: Id,
    /// Where the item is, filled by `resolve`: the load balancer's index in the stack, the
    /// listener's among the load balancer's items, the `add_targets`' among the listener's.
    pub path: Option<(usize, usize, usize)>,
}

/// The value of a capacity provider strategy property.
pub enum StrategiesValue {
    /// `[{ capacity_provider: …, weight: … }, …]`, each an item of kind
    /// [`KindId::CapacityProviderStrategy`].
    List(Vec<Item>),
    /// An expression yielding strategies.
    Expr(Expr),
}

/// The provider a strategy names.
pub enum ProviderValue {
    /// An `asg_capacity_provider` of the stack.
    Ref(Reference),
    /// An expression, e.g. `"FARGATE_SPOT"`.
    Expr(Expr),
}

/// One entry of `targets`.
pub enum TargetValue {
    /// A service: its first essential container's first port.
    Service(Reference),
    /// `{ service: …, container_name: …, container_port: … }`.
    Object(Item),
}

/// The value of an output.
pub enum AttrValue {
    /// `Construct.attribute`: a method of the construct's handle taking the app.
    Attr(Reference, Ident),
    /// Any expression convertible to a CloudFormation value.
    Expr(Expr),
}

/// A reference to a declared construct (`cluster: Cluster`).
pub struct Reference {
    /// What it may name.
    pub class: RefClass,
    /// The name as written.
    pub id: Id,
    /// The index of the named item among the stack's items, filled by `resolve` when the
    /// reference is valid.
    pub target: Option<usize>,
    /// The index of the stack declaring it, when not the referring stack (a cross-stack
    /// reference), filled by `resolve`.
    pub stack: Option<usize>,
}

/// An enum value.
pub enum EnumValue {
    /// A variant the macro knows, bare (`Bridge`): the variant token.
    Variant(&'static EnumDef, Ident),
    /// A variant the macro knows, written as a path (`NetworkMode::Bridge`): the variant token,
    /// and the path, kept as written so it resolves (and its imports count as used) in the
    /// user's scope.
    Path(Ident, Expr),
    /// Any other expression, checked by the type system and the builders.
    Expr(Expr),
}

/// The value of `port_mappings`.
pub enum PortMappingsValue {
    /// `[80, { container_port: 8080, host_port: 0 }]`.
    List(Vec<PortMappingValue>),
    /// An expression yielding port mappings.
    Expr(Expr),
}

/// One entry of a `port_mappings` list.
pub enum PortMappingValue {
    /// A container port.
    Port(Expr),
    /// `{ container_port: …, host_port: …, protocol: … }`.
    Object(Item),
}

/// The value of `environment`.
pub enum EnvironmentValue {
    /// `{ "KEY": value, NAME: value }`.
    Map(Vec<(IdSyntax, Expr)>),
    /// An expression yielding `(key, value)` pairs.
    Expr(Expr),
}

/// Builds the model of the whole invocation: the stacks, with what checked. Errors go to `cx`;
/// broken properties and items of unknown kinds are left out.
pub fn build(entries: Vec<Entry>, cx: &Ctxt) -> Vec<Item> {
    let app = kind(KindId::App);
    let (_, children, _) = build_body(app, "the app", entries, cx);
    children
}

/// Builds `item` as an item of `kind`.
fn build_item(kind: &'static Kind, item: ItemSyntax, cx: &Ctxt) -> Item {
    let id = Id::from_syntax(item.id);
    let scope = format!("{} `{}`", kind.keyword, id.name);
    let (props, children, given) = build_body(kind, &scope, item.entries, cx);
    let incomplete = props.len() < given.len();
    let target = kind.id_ref.map(|class| Reference {
        class,
        id: id.clone(),
        target: None,
        stack: None,
    });
    let item = Item {
        kind,
        id,
        props,
        children,
        incomplete,
        target,
    };
    require_props(&item, &given, cx);
    item
}

/// Sorts the entries of a body into known properties and nested items of allowed kinds. Also
/// returns the names of the known properties written, valid or not, so a property with a broken
/// value is not reported again as missing.
fn build_body(
    kind: &'static Kind,
    scope: &str,
    entries: Vec<Entry>,
    cx: &Ctxt,
) -> (Vec<Prop>, Vec<Item>, Vec<String>) {
    let mut props: Vec<Prop> = Vec::new();
    let mut children = Vec::new();
    let mut given = Vec::new();
    for entry in entries {
        match entry {
            Entry::Property(property) => {
                given.push(property.name.to_string());
                if let Some(prop) = build_prop(kind, scope, &props, property, cx) {
                    props.push(prop);
                }
            }
            Entry::Item(item) => {
                let child = kind
                    .children
                    .iter()
                    .map(|id| self::kind(*id))
                    .find(|k| item.keyword == k.keyword);
                match child {
                    Some(child) => children.push(build_item(child, item, cx)),
                    None => unknown_item(kind, scope, &item.keyword, cx),
                }
            }
        }
    }
    (props, children, given)
}

/// Reports an item keyword `kind` does not allow.
fn unknown_item(kind: &Kind, scope: &str, keyword: &Ident, cx: &Ctxt) {
    let allowed: Vec<&str> = kind
        .children
        .iter()
        .map(|id| self::kind(*id).keyword)
        .collect();
    let message = if allowed.is_empty() {
        format!("unexpected item `{keyword}` in {scope}: {scope} has no nested items")
    } else {
        format!(
            "unknown item `{keyword}` in {scope}: {}",
            suggestion(&keyword.to_string(), &allowed)
        )
    };
    cx.error_at(keyword.span(), message);
}

/// "did you mean `x`?" when one is close, else the list of what is expected.
fn suggestion(name: &str, expected: &[&str]) -> String {
    match ecs_core::rules::did_you_mean(name, expected) {
        Some(best) => format!("did you mean `{best}`?"),
        None if expected.is_empty() => "nothing is expected here".to_owned(),
        None => format!("expected one of {}", backticked(expected)),
    }
}

/// `a`, `b`, `c` with backticks, for messages.
pub fn backticked(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks one property against the kind's table and shapes its value.
fn build_prop(
    kind: &'static Kind,
    scope: &str,
    seen: &[Prop],
    property: PropertySyntax,
    cx: &Ctxt,
) -> Option<Prop> {
    let name = property.name;
    let Some(def) = kind.props.iter().find(|d| name == d.name) else {
        let known: Vec<&str> = kind.props.iter().map(|d| d.name).collect();
        let message = if known.is_empty() {
            format!("unexpected property `{name}` in {scope}: {scope} has no properties")
        } else {
            format!(
                "unknown {} property `{name}`: {}",
                kind.keyword,
                suggestion(&name.to_string(), &known)
            )
        };
        cx.error_at(name.span(), message);
        return None;
    };
    // Like serde's `Attr::set`: the second occurrence is the one to remove.
    if seen.iter().any(|p| name == p.name) {
        cx.error_at(
            name.span(),
            format!("duplicate property `{name}` in {scope}: remove one"),
        );
        return None;
    }
    let value = build_value(def, &name, property.value, cx)?;
    Some(Prop { name, value })
}

/// Shapes a value by the property's type.
fn build_value(def: &PropDef, name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<PropValue> {
    match def.ty {
        PropType::Expr => expect_expr(name, value, cx).map(PropValue::Expr),
        PropType::Ref(class) => build_reference(class, name, value, cx).map(PropValue::Ref),
        PropType::Enum(def) => build_enum(def, name, value, cx).map(PropValue::Enum),
        PropType::PortMappings => match value {
            ValueSyntax::List(_, values) => {
                let mappings = values
                    .into_iter()
                    .filter_map(|v| build_port_mapping(name, v, cx))
                    .collect();
                Some(PropValue::PortMappings(PortMappingsValue::List(mappings)))
            }
            other => expect_expr(name, other, cx)
                .map(|e| PropValue::PortMappings(PortMappingsValue::Expr(e))),
        },
        PropType::Strategies => match value {
            ValueSyntax::List(_, values) => {
                let items = values
                    .into_iter()
                    .filter_map(|v| build_strategy(name, v, cx))
                    .collect();
                Some(PropValue::Strategies(StrategiesValue::List(items)))
            }
            other => expect_expr(name, other, cx)
                .map(|e| PropValue::Strategies(StrategiesValue::Expr(e))),
        },
        PropType::Provider => {
            let expr = expect_expr(name, value, cx)?;
            match &expr {
                Expr::Path(path) if path.qself.is_none() && path.path.get_ident().is_some() => {
                    let ident = path.path.get_ident().cloned().expect("checked");
                    Some(PropValue::Provider(ProviderValue::Ref(Reference {
                        class: RefClass::AsgCapacityProvider,
                        id: Id::from_syntax(IdSyntax::Ident(ident)),
                        target: None,
                        stack: None,
                    })))
                }
                _ => Some(PropValue::Provider(ProviderValue::Expr(expr))),
            }
        }
        PropType::LateRefs(class) => {
            let values = match value {
                ValueSyntax::List(_, values) => values,
                other => vec![other],
            };
            let refs = values
                .into_iter()
                .filter_map(|v| build_reference(class, name, v, cx))
                .collect();
            Some(PropValue::LateRefs(refs))
        }
        PropType::Environment => match value {
            ValueSyntax::Object(_, fields) => {
                let mut pairs: Vec<(IdSyntax, Expr)> = Vec::new();
                for FieldSyntax { key, value } in fields {
                    if pairs.iter().any(|(k, _)| k.text() == key.text()) {
                        cx.error_at(
                            key.span(),
                            format!(
                                "duplicate environment variable `{}`: remove one",
                                key.text()
                            ),
                        );
                        continue;
                    }
                    if let Some(expr) = expect_expr(name, value, cx) {
                        pairs.push((key, expr));
                    }
                }
                Some(PropValue::Environment(EnvironmentValue::Map(pairs)))
            }
            other => expect_expr(name, other, cx)
                .map(|e| PropValue::Environment(EnvironmentValue::Expr(e))),
        },
        PropType::Object(kind_id) => build_object(kind_id, name, value, cx).map(PropValue::Object),
        PropType::Objects(kind_id) => match value {
            ValueSyntax::List(_, values) => Some(PropValue::Objects(
                values
                    .into_iter()
                    .filter_map(|v| build_object(kind_id, name, v, cx))
                    .collect(),
            )),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes a list of `{{ … }}` objects"),
                );
                None
            }
        },
        PropType::Refs(class) => match value {
            ValueSyntax::List(_, values) => Some(PropValue::Refs(
                values
                    .into_iter()
                    .filter_map(|v| build_reference(class, name, v, cx))
                    .collect(),
            )),
            other => build_reference(class, name, other, cx).map(|r| PropValue::Refs(vec![r])),
        },
        PropType::Name => match value {
            ValueSyntax::Expr(Expr::Path(path)) if path.path.get_ident().is_some() => Some(
                PropValue::Name(IdSyntax::Ident(path.path.get_ident().cloned()?)),
            ),
            ValueSyntax::Expr(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            })) => Some(PropValue::Name(IdSyntax::Str(lit))),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes a name, e.g. `{name}: web` or `{name}: \"web\"`"),
                );
                None
            }
        },
        PropType::Targets => match value {
            ValueSyntax::List(_, values) => Some(PropValue::Targets(
                values
                    .into_iter()
                    .filter_map(|v| match v {
                        ValueSyntax::Object(..) => {
                            build_object(KindId::TargetObject, name, v, cx).map(TargetValue::Object)
                        }
                        other => build_reference(RefClass::Service, name, other, cx)
                            .map(TargetValue::Service),
                    })
                    .collect(),
            )),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes a list of services or `{{ service: …, container_name: …, container_port: … }}` objects"),
                );
                None
            }
        },
        // ---- issue 6 ----
        PropType::Schedule => expect_expr(name, value, cx).map(PropValue::Schedule),
        PropType::TargetGroup => match value {
            ValueSyntax::Expr(Expr::Path(path)) if path.path.get_ident().is_some() => {
                Some(PropValue::TargetGroup(TargetGroupRef {
                    id: Id::from_syntax(IdSyntax::Ident(path.path.get_ident().cloned()?)),
                    path: None,
                }))
            }
            ValueSyntax::Expr(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            })) => Some(PropValue::TargetGroup(TargetGroupRef {
                id: Id::from_syntax(IdSyntax::Str(lit)),
                path: None,
            })),
            other => {
                cx.error_at(
                    other.span(),
                    format!("`{name}` takes the id of an `add_targets` item of a listener declared in this stack, e.g. `{name}: ECS`"),
                );
                None
            }
        },
        PropType::Attr => {
            let expr = expect_expr(name, value, cx)?;
            if let Expr::Field(field) = &expr {
                if let (Expr::Path(base), syn::Member::Named(member)) =
                    (&*field.base, &field.member)
                {
                    if let Some(ident) = base.path.get_ident() {
                        if ident
                            .to_string()
                            .starts_with(|c: char| c.is_ascii_uppercase())
                        {
                            return Some(PropValue::Attr(AttrValue::Attr(
                                Reference {
                                    class: RefClass::LoadBalancer,
                                    id: Id::from_syntax(IdSyntax::Ident(ident.clone())),
                                    target: None,
                                    stack: None,
                                },
                                member.clone(),
                            )));
                        }
                    }
                }
            }
            Some(PropValue::Attr(AttrValue::Expr(expr)))
        }
    }
}

/// A `{ key: value, … }` object checked against the keys of `kind_id`.
fn build_object(kind_id: KindId, name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<Item> {
    let ValueSyntax::Object(span, fields) = value else {
        cx.error_at(
            value.span(),
            format!("`{name}` takes a `{{ key: value, … }}` object"),
        );
        return None;
    };
    let kind = kind(kind_id);
    let entries = fields
        .into_iter()
        .filter_map(|FieldSyntax { key, value }| match key {
            IdSyntax::Ident(name) => Some(Entry::Property(PropertySyntax { name, value })),
            IdSyntax::Str(lit) => {
                cx.error_at(
                    lit.span(),
                    format!("{} keys are names, not strings", kind.noun),
                );
                None
            }
        })
        .collect();
    let scope = format!("`{name}`");
    let (props, _, given) = build_body(kind, &scope, entries, cx);
    let incomplete = props.len() < given.len();
    let item = Item {
        kind,
        id: Id::from_syntax(IdSyntax::Ident(Ident::new(&name.to_string(), span))),
        props,
        children: Vec::new(),
        incomplete,
        target: None,
    };
    for def in kind.props.iter().filter(|d| d.required) {
        if !given.iter().any(|g| g == def.name) {
            cx.error_at(
                span,
                format!(
                    "`{name}` needs `{}`: add `{}: {}`",
                    def.name,
                    def.name,
                    example_value(def.name)
                ),
            );
        }
    }
    Some(item)
}

/// The value as an expression; a list becomes an array expression.
fn expect_expr(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<Expr> {
    match value {
        ValueSyntax::Expr(expr) => Some(expr),
        ValueSyntax::List(span, values) => {
            let mut elems = syn::punctuated::Punctuated::new();
            for value in values {
                elems.push(expect_expr(name, value, cx)?);
            }
            let bracket_token = syn::token::Bracket(span);
            Some(Expr::Array(syn::ExprArray {
                attrs: Vec::new(),
                bracket_token,
                elems,
            }))
        }
        ValueSyntax::Object(span, _) => {
            cx.error_at(
                span,
                format!("`{name}` takes a Rust expression, not a `{{ key: value }}` object"),
            );
            None
        }
    }
}

/// A reference: an identifier or a string literal naming a declared construct.
fn build_reference(
    class: RefClass,
    name: &Ident,
    value: ValueSyntax,
    cx: &Ctxt,
) -> Option<Reference> {
    let token = match &value {
        ValueSyntax::Expr(Expr::Path(path)) if path.qself.is_none() && path.attrs.is_empty() => {
            path.path.get_ident().cloned().map(IdSyntax::Ident)
        }
        ValueSyntax::Expr(Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        })) => Some(IdSyntax::Str(lit.clone())),
        _ => None,
    };
    match token {
        Some(token) => Some(Reference {
            class,
            id: Id::from_syntax(token),
            target: None,
            stack: None,
        }),
        None => {
            cx.error_at(
                value.span(),
                format!(
                    "`{name}` takes the name of a {} declared in this stack, e.g. `{name}: Name` or `{name}: \"name\"`",
                    class.noun()
                ),
            );
            None
        }
    }
}

/// An enum value: a known variant, bare or as `Type::Variant`, or an expression.
fn build_enum(
    def: &'static EnumDef,
    name: &Ident,
    value: ValueSyntax,
    cx: &Ctxt,
) -> Option<EnumValue> {
    let expr = expect_expr(name, value, cx)?;
    let Expr::Path(path) = &expr else {
        return Some(EnumValue::Expr(expr));
    };
    let segments: Vec<&syn::PathSegment> = path.path.segments.iter().collect();
    let type_name = def.path[def.path.len() - 1];
    let (variant, bare) = match segments.as_slice() {
        [variant] if path.path.leading_colon.is_none() => (&variant.ident, true),
        [.., ty, variant] if ty.ident == type_name => (&variant.ident, false),
        _ => return Some(EnumValue::Expr(expr)),
    };
    if def.variants.iter().any(|v| variant == v) {
        let variant = variant.clone();
        return Some(match bare {
            true => EnumValue::Variant(def, variant),
            false => EnumValue::Path(variant, expr),
        });
    }
    let hint = match ecs_core::rules::did_you_mean(&variant.to_string(), def.variants) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("use one of {}", backticked(def.variants)),
    };
    cx.error_at(
        variant.span(),
        format!("`{variant}` is not a `{type_name}` for `{name}`: {hint}"),
    );
    None
}

/// One entry of a `port_mappings` list: a port expression or an object.
fn build_port_mapping(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<PortMappingValue> {
    match value {
        ValueSyntax::Object(span, fields) => {
            let kind = kind(KindId::PortMapping);
            let entries = fields
                .into_iter()
                .filter_map(|FieldSyntax { key, value }| match key {
                    IdSyntax::Ident(name) => Some(Entry::Property(PropertySyntax { name, value })),
                    IdSyntax::Str(lit) => {
                        cx.error_at(
                            lit.span(),
                            "port mapping keys are names, e.g. `container_port`",
                        );
                        None
                    }
                })
                .collect();
            let (props, _, given) = build_body(kind, "a port mapping", entries, cx);
            let token = IdSyntax::Ident(Ident::new("port_mapping", span));
            let incomplete = props.len() < given.len();
            let item = Item {
                kind,
                id: Id::from_syntax(token),
                props,
                children: Vec::new(),
                incomplete,
                target: None,
            };
            if !given.iter().any(|g| g == "container_port") {
                cx.error_at(
                    span,
                    "port mapping needs `container_port`: add e.g. `container_port: 80`",
                );
            }
            Some(PortMappingValue::Object(item))
        }
        other => expect_expr(name, other, cx).map(PortMappingValue::Port),
    }
}

/// One `{ capacity_provider: …, weight: …, base: … }` of a strategy list.
fn build_strategy(name: &Ident, value: ValueSyntax, cx: &Ctxt) -> Option<Item> {
    let ValueSyntax::Object(span, fields) = value else {
        cx.error_at(
            value.span(),
            format!(
                "`{name}` takes objects like `{{ capacity_provider: \"FARGATE\", weight: 1 }}`"
            ),
        );
        return None;
    };
    let kind = kind(KindId::CapacityProviderStrategy);
    let entries = fields
        .into_iter()
        .filter_map(|FieldSyntax { key, value }| match key {
            IdSyntax::Ident(name) => Some(Entry::Property(PropertySyntax { name, value })),
            IdSyntax::Str(lit) => {
                cx.error_at(
                    lit.span(),
                    "strategy keys are names, e.g. `capacity_provider`",
                );
                None
            }
        })
        .collect();
    let (props, _, given) = build_body(kind, "a capacity provider strategy", entries, cx);
    let incomplete = props.len() < given.len();
    if !given.iter().any(|g| g == "capacity_provider") {
        cx.error_at(
            span,
            "capacity provider strategy needs `capacity_provider`: add e.g. `capacity_provider: \"FARGATE\"`",
        );
    }
    Some(Item {
        kind,
        id: Id::from_syntax(IdSyntax::Ident(Ident::new("strategy", span))),
        props,
        children: Vec::new(),
        incomplete,
        target: None,
    })
}

/// Reports required properties the item lacks, on the item's id.
fn require_props(item: &Item, given: &[String], cx: &Ctxt) {
    for def in item.kind.props.iter().filter(|d| d.required) {
        if !given.iter().any(|g| g == def.name) {
            cx.error_at(
                item.id.span(),
                format!(
                    "{} `{}` needs `{}`: add `{}: {}`",
                    item.kind.noun,
                    item.id.name,
                    def.name,
                    def.name,
                    example_value(def.name)
                ),
            );
        }
    }
}

/// An example value for a required property, for messages.
fn example_value(name: &str) -> &'static str {
    match name {
        "image" => "ContainerImage::from_registry(\"amazon/amazon-ecs-sample\")",
        "instance_type" => "\"t2.micro\"",
        "cluster" => "Cluster",
        "task_definition" => "TaskDef",
        "vpc" => "Vpc",
        "auto_scaling_group" => "ASG",
        "service" => "Service",
        "container_name" => "web",
        "external_port" => "80",
        "namespace" => "Namespace",
        "name" => "\"app.local\"",
        // ---- issue 6 ----
        "max_capacity" => "10",
        "target_utilization_percent" => "50",
        "requests_per_target" => "1000",
        "target_group" => "ECS",
        "schedule" => "\"cron(0 8 * * ? *)\"",
        "secret_name" => "\"my-secret\"",
        _ => "…",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::quote;

    fn build_str(tokens: TokenStream) -> (Vec<Item>, Vec<String>) {
        let cx = Ctxt::new();
        let entries = crate::parse::parse(tokens, &cx);
        let stacks = build(entries, &cx);
        (
            stacks,
            cx.into_errors().iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn the_intro_example_builds_without_errors() {
        let (stacks, errors) = build_str(quote! {
            stack IntroEc2Service {
                vpc Vpc { max_azs: 2 }
                cluster Cluster {
                    vpc: Vpc,
                    add_capacity DefaultAutoScalingGroupCapacity {
                        instance_type: "t2.xlarge",
                        desired_capacity: 3,
                    }
                }
                ec2_task_definition TaskDef {
                    network_mode: Bridge,
                    container DefaultContainer {
                        image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                        memory_limit_mib: 512,
                        port_mappings: [80, { container_port: 8080, host_port: 0, protocol: Udp }],
                        environment: { "KEY": "value", NAME: name() },
                    }
                }
                ec2_service Service { cluster: Cluster, task_definition: TaskDef }
            }
        });
        assert!(errors.is_empty(), "{errors:?}");
        let stack = &stacks[0];
        assert_eq!(stack.children.len(), 4);
        assert_eq!(stack.children[1].children_of(KindId::Capacity).count(), 1);
        assert_eq!(
            stack.children[3].reference("cluster").unwrap().id.name,
            "Cluster"
        );
        assert!(matches!(
            stack.children[2].prop("network_mode").map(|p| &p.value),
            Some(PropValue::Enum(EnumValue::Variant(_, v))) if v == "Bridge"
        ));
    }

    #[test]
    fn an_unknown_property_suggests_the_closest() {
        let (_, errors) = build_str(quote! {
            stack S { fargate_task_definition T { cpu: 256, memroy_limit_mib: 512 } }
        });
        assert_eq!(
            errors,
            ["unknown fargate_task_definition property `memroy_limit_mib`: did you mean `memory_limit_mib`?"]
        );
    }

    #[test]
    fn an_unknown_property_far_from_all_lists_them() {
        let (_, errors) = build_str(quote! { stack S { vpc V { zones: 2 } } });
        assert_eq!(
            errors,
            ["unknown vpc property `zones`: expected one of `max_azs`, `nat_gateways`"]
        );
    }

    #[test]
    fn the_second_occurrence_of_a_property_is_the_error() {
        let (stacks, errors) = build_str(quote! { stack S { vpc V { max_azs: 2, max_azs: 3 } } });
        assert_eq!(
            errors,
            ["duplicate property `max_azs` in vpc `V`: remove one"]
        );
        assert_eq!(stacks[0].children[0].props.len(), 1);
    }

    #[test]
    fn an_unknown_item_keyword_suggests_the_closest() {
        let (_, errors) = build_str(quote! { stack S { clustr C {} } });
        assert_eq!(
            errors,
            ["unknown item `clustr` in stack `S`: did you mean `cluster`?"]
        );
        let (_, errors) = build_str(quote! { vpc V {} });
        assert_eq!(
            errors,
            ["unknown item `vpc` in the app: expected one of `stack`"]
        );
    }

    #[test]
    fn a_bare_enum_variant_must_exist() {
        let (_, errors) = build_str(quote! {
            stack S { ec2_task_definition T { network_mode: Bridgee } }
        });
        assert_eq!(
            errors,
            ["`Bridgee` is not a `NetworkMode` for `network_mode`: did you mean `Bridge`?"]
        );
        let (_, errors) = build_str(quote! {
            stack S { ec2_task_definition T { network_mode: NetworkMode::Overlay } }
        });
        assert_eq!(
            errors,
            ["`Overlay` is not a `NetworkMode` for `network_mode`: use one of `None`, `Bridge`, `AwsVpc`, `Host`, `Nat`"]
        );
    }

    #[test]
    fn required_properties_are_named_on_the_item_id() {
        let (_, errors) = build_str(quote! {
            stack S {
                cluster C { add_capacity A { desired_capacity: 1 } }
                ec2_task_definition T { container web { memory_limit_mib: 512 } }
                ec2_service Svc { cluster: C }
            }
        });
        assert_eq!(
            errors,
            [
                "capacity `A` needs `instance_type`: add `instance_type: \"t2.micro\"`",
                "container `web` needs `image`: add `image: ContainerImage::from_registry(\"amazon/amazon-ecs-sample\")`",
                "ec2 service `Svc` needs `task_definition`: add `task_definition: TaskDef`",
            ]
        );
    }

    #[test]
    fn references_take_names_only() {
        let (_, errors) = build_str(quote! {
            stack S { fargate_service Svc { cluster: make_cluster(), task_definition: "td" } }
        });
        assert_eq!(
            errors,
            ["`cluster` takes the name of a cluster declared in this stack, e.g. `cluster: Name` or `cluster: \"name\"`"]
        );
    }

    #[test]
    fn port_mapping_objects_know_their_keys() {
        let (_, errors) = build_str(quote! {
            stack S { ec2_task_definition T { container c {
                image: img(), memory_limit_mib: 256,
                port_mappings: [{ host_port: 80 }, { container_port: 80, protcol: Tcp }],
            } } }
        });
        assert_eq!(
            errors,
            [
                "port mapping needs `container_port`: add e.g. `container_port: 80`",
                "unknown port mapping property `protcol`: did you mean `protocol`?",
            ]
        );
    }
}
