//! How constructs declare their properties for `ecs_app!` and the reference: each property's
//! name, CDK name, value shape, required-ness, default and doc line ([`PropDef`]), and the kinds
//! and reference classes they name. Modules declare their props with these (through `props!`);
//! [`schema`](crate::schema) assembles them into the table of kinds.

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
    // ---- capacity ----
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
    /// `managed_instances_capacity_provider`.
    ManagedInstancesCapacityProvider,
    /// `add_managed_instances_capacity_provider Provider {}`, inside a cluster: its id names
    /// the provider.
    AddManagedInstancesCapacityProvider,
    /// `instance_requirements: { … }` of a Managed Instances capacity provider.
    InstanceRequirements,
    /// A `{ capacity_provider: …, weight: … }` object of a capacity provider strategy.
    CapacityProviderStrategy,
    // ---- services, load balancing, Cloud Map ----
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
    /// `cfn_parameter`.
    CfnParameter,
    /// `circuit_breaker: { … }`.
    CircuitBreaker,
    /// `deployment_alarms: { … }`.
    DeploymentAlarms,
    /// `managed_storage_configuration: { … }`.
    ManagedStorage,
    /// `force_new_deployment: { … }`.
    ForceNewDeployment,
    /// `vpc_subnets: { subnet_type: … }` and the other subnet selections.
    SubnetSelection,
    /// A `{ name: …, subnet_type: … }` object of a vpc's `subnet_configuration`.
    SubnetConfiguration,
    /// `cloud_map_options: { … }`.
    CloudMapOptions,
    /// `default_cloud_map_namespace: { … }`.
    NamespaceOptions,
    /// `associate_cloud_map_service: { … }`.
    AssociateCloudMap,
    /// `service_connect_configuration: { … }` of a service.
    ServiceConnect,
    /// A `{ port_mapping_name: … }` object of a Service Connect configuration's `services`.
    ServiceConnectService,
    /// `tls: { … }` of a Service Connect service.
    ServiceConnectTls,
    /// `access_log_configuration: { … }` of a Service Connect configuration.
    ServiceConnectAccessLog,
    /// `{ service: …, container_name: … }` in `targets`.
    TargetObject,
    /// `{ external_port: … }` in a classic load balancer's `listeners`.
    ClassicListener,
    /// `health_check: { … }` of target groups.
    HealthCheck,
    /// `custom_health_check: { … }` of a Cloud Map service.
    CustomHealthCheck,
    // ---- task definitions, images, environment ----
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
    /// `imported_vpc`: an existing VPC, by its attributes.
    ImportedVpc,
    /// `lookup_vpc`.
    LookedUpVpc,
    /// `imported_security_group`: an existing security group, by id.
    ImportedSecurityGroup,
    /// `imported_cluster`: an existing cluster, by its attributes or ARN.
    ImportedCluster,
    /// `docker_image_asset`.
    DockerImageAsset,
    /// `file_system` (EFS).
    FileSystem,
    /// `access_point`, of a file system.
    AccessPoint,
    // ---- log drivers, ECS Exec, auto-scaling, scheduled tasks ----
    /// `log_group` (CloudWatch Logs).
    LogGroup,
    /// `imported_secret`: a Secrets Manager secret known by name.
    ImportedSecret,
    /// `auto_scale_task_count Service { … }`: its id names the service.
    AutoScaleTaskCount,
    /// `scale_on_cpu_utilization`, inside `auto_scale_task_count`.
    ScaleOnCpu,
    /// `scale_to_track_custom_metric`, inside `auto_scale_task_count`.
    ScaleToTrackCustomMetric,
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
    // ---- container references ----
    /// A `{ container: …, alias: … }` object of `links`.
    Link,
    /// A `{ container: …, condition: … }` object of `container_dependencies`.
    ContainerDependency,
    /// A `{ source_container: …, read_only: … }` object of `volumes_from`.
    VolumeFrom,
    /// `queue`.
    Queue,
    /// A queue's `dead_letter_queue: { queue, max_receive_count }`.
    DeadLetterQueue,
    /// `scale_on_metric` of a task count.
    ScaleOnMetric,
    /// A `{ lower, upper, change }` step of `scaling_steps`.
    ScalingInterval,
    /// `alarm`.
    Alarm,
    /// `scope`: a plain construct scope holding items.
    Scope,
    /// `resource`: a raw CloudFormation resource (CDK `CfnResource`).
    CfnResource,
    // ---- connections, load balancers of another stack ----
    /// A `{ peer: …, port: …, description: … }` rule of a connections property (`allow_from`).
    Connection,
    /// `listener` at the top of a stack, on a load balancer of another stack (CDK
    /// `ApplicationListener` / `NetworkListener`).
    StandaloneListener,
    /// `target_group` at the top of a stack (CDK `ApplicationTargetGroup`).
    TargetGroup,
    // ---- IAM ----
    /// `role`: an IAM role (CDK `iam.Role`).
    Role,
    /// `imported_role`: an existing IAM role, by ARN.
    ImportedRole,
    // ---- aws-ecs-patterns ----
    /// `application_load_balanced_fargate_service`.
    AlbFargateService,
    /// `application_load_balanced_ec2_service`.
    AlbEc2Service,
    /// `task_image_options: { … }` of an application load-balanced pattern.
    AlbTaskImageOptions,
    /// `network_load_balanced_fargate_service`.
    NlbFargateService,
    /// `network_load_balanced_ec2_service`.
    NlbEc2Service,
    /// `task_image_options: { … }` of a network load-balanced pattern.
    NlbTaskImageOptions,
    /// `public_hosted_zone` (Route 53).
    PublicHostedZone,
    /// `application_multiple_target_groups_fargate_service`.
    AlbMtgFargateService,
    /// `application_multiple_target_groups_ec2_service`.
    AlbMtgEc2Service,
    /// `network_multiple_target_groups_fargate_service`.
    NlbMtgFargateService,
    /// `network_multiple_target_groups_ec2_service`.
    NlbMtgEc2Service,
    /// `task_image_options: { … }` of an application multiple-target-groups pattern.
    MtgApplicationTaskImageProps,
    /// `task_image_options: { … }` of a network multiple-target-groups pattern.
    MtgNetworkTaskImageProps,
    /// A `{ name, listeners, … }` object of an application multiple-target-groups pattern's
    /// `load_balancers`.
    MtgApplicationLoadBalancer,
    /// A `{ name, protocol, … }` object of such a load balancer's `listeners`.
    MtgApplicationListener,
    /// A `{ container_port, listener, … }` object of an application multiple-target-groups
    /// pattern's `target_groups`.
    MtgApplicationTarget,
    /// A `{ name, listeners, … }` object of a network multiple-target-groups pattern's
    /// `load_balancers`.
    MtgNetworkLoadBalancer,
    /// A `{ name, port }` object of such a load balancer's `listeners`.
    MtgNetworkListener,
    /// A `{ container_port, listener }` object of a network multiple-target-groups pattern's
    /// `target_groups`.
    MtgNetworkTarget,
    /// `scheduled_fargate_task`.
    ScheduledFargateTask,
    /// `scheduled_ec2_task`.
    ScheduledEc2Task,
    /// `scheduled_fargate_task_image_options: { … }` and the EC2 one.
    ScheduledTaskImageOptions,
    /// `queue_processing_fargate_service`.
    QueueFargateService,
    /// `queue_processing_ec2_service`.
    QueueEc2Service,
    /// `imported_task_definition`: an existing task definition, by its attributes.
    ImportedTaskDefinition,
    /// `imported_service`: an existing service, by ARN or name.
    ImportedService,
    /// `imported_application_load_balancer`: an existing load balancer, by its attributes.
    ImportedApplicationLoadBalancer,
    /// `imported_network_load_balancer`: an existing load balancer, by its attributes.
    ImportedNetworkLoadBalancer,
    /// `imported_listener`: an existing application listener, by its attributes.
    ImportedListener,
    /// `add_target_groups` of a listener: target groups it forwards to, by a rule or by
    /// default.
    AddTargetGroups,
    /// `service_managed_volume`: an EBS volume ECS creates for each task of a service.
    ServiceManagedVolume,
    /// `managed_ebs_volume: { … }` of a service-managed volume.
    ManagedEbsVolume,
    /// `imported_function`: an existing Lambda function, by its attributes.
    ImportedFunction,
    /// A `{ target_group: …, container_name: … }` object of a service's
    /// `load_balancer_targets`.
    TargetGroupTarget,
    /// `application_listener_rule`: a rule of a stack's listener.
    ApplicationListenerRule,
}

/// What a reference property may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefClass {
    /// A `vpc`.
    Vpc,
    /// A `cluster`.
    Cluster,
    /// Any task definition of the app.
    TaskDefinition,
    /// An `imported_task_definition`.
    ImportedTaskDefinition,
    /// A task definition of the app or an imported one (what an events rule runs).
    AnyTaskDefinition,
    /// An `auto_scaling_group`.
    AutoScalingGroup,
    /// An `asg_capacity_provider`.
    AsgCapacityProvider,
    /// A `managed_instances_capacity_provider`.
    ManagedInstancesCapacityProvider,
    /// Either kind of capacity provider of the app (what a strategy names).
    CapacityProvider,
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
    /// A `log_group`.
    LogGroup,
    /// A `bucket`.
    Bucket,
    /// A `queue`.
    Queue,
    /// A raw CloudFormation `resource`.
    Resource,
    /// A `target_group`.
    TargetGroup,
    /// A `listener` at the top of a stack.
    Listener,
    /// A `role` or `imported_role`.
    Role,
    /// A `service_managed_volume`.
    ServiceManagedVolume,
    /// Any construct of the stack, a scope included.
    Any,
}

impl RefClass {
    /// The noun used in messages.
    pub fn noun(self) -> &'static str {
        match self {
            RefClass::Vpc => "vpc",
            RefClass::Cluster => "cluster",
            RefClass::TaskDefinition | RefClass::AnyTaskDefinition => "task definition",
            RefClass::ImportedTaskDefinition => "imported task definition",
            RefClass::AutoScalingGroup => "auto scaling group",
            RefClass::AsgCapacityProvider => "asg capacity provider",
            RefClass::ManagedInstancesCapacityProvider => "managed instances capacity provider",
            RefClass::CapacityProvider => "capacity provider",
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
            RefClass::Queue => "queue",
            RefClass::ServiceManagedVolume => "service-managed volume",
            RefClass::Resource => "resource",
            RefClass::TargetGroup => "target group",
            RefClass::Listener => "listener",
            RefClass::Role => "role",
            RefClass::Any => "construct",
        }
    }
}

impl RefClass {
    /// Whether a reference of this class may name a construct of class `class`.
    ///
    /// ```
    /// use ecs_core::decl::RefClass;
    /// assert!(RefClass::AnyTaskDefinition.accepts(Some(RefClass::ImportedTaskDefinition)));
    /// assert!(!RefClass::TaskDefinition.accepts(Some(RefClass::ImportedTaskDefinition)));
    /// ```
    pub fn accepts(self, class: Option<RefClass>) -> bool {
        match self {
            RefClass::AnyTaskDefinition => matches!(
                class,
                Some(RefClass::TaskDefinition | RefClass::ImportedTaskDefinition)
            ),
            RefClass::CapacityProvider => matches!(
                class,
                Some(RefClass::AsgCapacityProvider | RefClass::ManagedInstancesCapacityProvider)
            ),
            own => class == Some(own),
        }
    }
}

/// An enum property's type: where it lives in `ecs_core` and its variants.
pub struct EnumDef {
    /// The path below the runtime root, e.g. `["ecs", "task_definition", "NetworkMode"]`.
    pub path: &'static [&'static str],
    /// The variants a user may write.
    pub variants: &'static [&'static str],
}

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
    /// As [`PropType::Environment`], with CloudFormation values: `{ QUEUE_URL: Jobs.queue_url }`
    /// names an attribute of a declared construct.
    EnvironmentValues,
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
    /// A raw resource's CloudFormation properties: `{ Name: value, … }` of maps, lists,
    /// literals, expressions and `Construct.attribute` tokens (`Bucket.Arn`, `Bucket.Ref`,
    /// `Jobs.queue_url`).
    CfnProperties,
    /// Names of constructs declared anywhere in the stack, each passed to the setter after
    /// the whole stack is built (`grant_read_write: [TaskDef]`).
    LateRefs(RefClass),
    /// A schedule: a string literal (checked by rule G5, expanded to `Schedule::expression`)
    /// or any expression yielding a `Schedule`.
    Schedule,
    /// The id of an `add_targets` item of a listener of the stack: its target group.
    TargetGroup,
    // ---- container references ----
    /// A container of the same task definition: its id as an identifier (declared before or
    /// after), its `Name` as a string, or an expression.
    Container,
    /// `[web, "name", { container: web, … }]`: containers of the same task definition as in
    /// [`PropType::Container`], or objects of a kind of the table naming one; or an expression.
    ContainerRefs(KindId),
    // ---- connections ----
    /// The other side of a connection: a connectable construct declared anywhere in the stack
    /// or in an earlier stack (`Api`, a load balancer's listener as `ALB.Http`), or an
    /// expression yielding a peer (`Peer::ipv4("10.0.0.0/16")`).
    Peer,
    /// Rules of a connections method (`allow_from: [{ peer: Api, port: Port::tcp(80) }]`),
    /// made once the whole stack is built, in the order written.
    Connections(ConnForm),
}

/// What the entries of a connections property hold, after the CDK method's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnForm {
    /// `[{ peer, port, description }]` (`allowFrom`, `allowTo`).
    PeerPort,
    /// `[peer, { peer, description }]` (`allowDefaultPortFrom` and the other default-port
    /// forms naming a peer).
    Peer,
    /// `[port, { port, description }]` (`allowInternally`, `allowFromAnyIpv4`,
    /// `allowToAnyIpv4`).
    Port,
    /// `true` or `{ description }` (`allowDefaultPortInternally`,
    /// `allowDefaultPortFromAnyIpv4`).
    Unit,
}

impl ConnForm {
    /// Whether entries name a peer.
    pub fn has_peer(self) -> bool {
        matches!(self, ConnForm::PeerPort | ConnForm::Peer)
    }

    /// Whether entries state a port.
    pub fn has_port(self) -> bool {
        matches!(self, ConnForm::PeerPort | ConnForm::Port)
    }
}

/// `a` then `b`, as one array of `N` properties: a kind whose props type is shared with another
/// kind (a listener at the top of a stack, a connectable construct) declares its own on top.
/// `N` must be the sum of the lengths (a compile error otherwise, as constants are evaluated).
///
/// ```
/// use ecs_core::decl::{concat_props, PropDef, PropType};
/// const A: &[PropDef] = &[PropDef::new("vpc", "vpc", PropType::Expr)];
/// const B: &[PropDef] = &[PropDef::new("port", "port", PropType::Expr)];
/// const ALL: [PropDef; 2] = concat_props(A, B);
/// assert_eq!(ALL[1].name, "port");
/// ```
pub const fn concat_props<const N: usize>(a: &[PropDef], b: &[PropDef]) -> [PropDef; N] {
    assert!(a.len() + b.len() == N, "N is the sum of the lengths");
    let mut out = [PropDef::new("", "", PropType::Expr); N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    while i < N {
        out[i] = b[i - a.len()];
        i += 1;
    }
    out
}

/// How the expansion hands a property to the builders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    /// The props type's setter of the same name: `.name(value)`.
    Setter,
    /// A method of the construct, called after it is created with the object (or with each
    /// object of a list): `construct.method(app, value)`. For a container's references to
    /// other containers, once every container of the task definition is added, with the whole
    /// list.
    Call(&'static str),
    /// Handled by the expansion's own code for this property.
    Custom,
}

/// One property a kind knows: the one declaration the builders' setter, the macro's table and
/// the generated reference are read from.
#[derive(Clone, Copy)]
pub struct PropDef {
    /// The snake_case name, as the setter is named and `ecs_app!` spells it.
    pub name: &'static str,
    /// The CDK's name of the property (`memoryLimitMiB`), or of the method the CDK calls for
    /// it (`addLink`) when [`method`](Self::method) is set.
    pub cdk: &'static str,
    /// Whether `cdk` names a method rather than a props field: the CDK has no property for it
    /// and calls the method instead (`container.addLink(…)`).
    pub method: bool,
    /// The value shape.
    pub ty: PropType,
    /// Whether the item is incomplete without it.
    pub required: bool,
    /// The default when absent, as the reference states it.
    pub default: Option<&'static str>,
    /// One line on what it does.
    pub doc: &'static str,
    /// How the expansion passes it on.
    pub set: Set,
}

impl PropDef {
    /// An optional property.
    ///
    /// ```
    /// use ecs_core::schema::{PropDef, PropType};
    /// const P: PropDef = PropDef::new("max_azs", "maxAzs", PropType::Expr).default("3");
    /// assert_eq!(P.default, Some("3"));
    /// ```
    pub const fn new(name: &'static str, cdk: &'static str, ty: PropType) -> PropDef {
        PropDef {
            name,
            cdk,
            ty,
            required: false,
            default: None,
            doc: "",
            set: Set::Setter,
            method: false,
        }
    }

    /// The same property, required.
    pub const fn required(self) -> PropDef {
        PropDef {
            required: true,
            ..self
        }
    }

    /// The same property with a default.
    pub const fn default(self, default: &'static str) -> PropDef {
        PropDef {
            default: Some(default),
            ..self
        }
    }

    /// The same property with its doc line.
    pub const fn doc(self, doc: &'static str) -> PropDef {
        PropDef { doc, ..self }
    }

    /// The same property with another value shape.
    pub const fn ty(self, ty: PropType) -> PropDef {
        PropDef { ty, ..self }
    }

    /// The same property, its CDK counterpart a method named `cdk`.
    ///
    /// ```
    /// use ecs_core::schema::{PropDef, PropType};
    /// const P: PropDef = PropDef::new("links", "addLink", PropType::Expr).method();
    /// assert!(P.method);
    /// ```
    pub const fn method(self) -> PropDef {
        PropDef {
            method: true,
            ..self
        }
    }

    /// The same property, passed on as `set` says.
    pub const fn set(self, set: Set) -> PropDef {
        PropDef { set, ..self }
    }
}
