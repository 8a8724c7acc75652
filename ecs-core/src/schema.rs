//! The schema: every construct kind `ecs_app!` knows, declared once — its keyword, the CDK class
//! it stands for, how it is built, and each property with its CDK name, value shape,
//! required-ness, default and doc line. The macro's table, the expansion's builder paths and the
//! generated reference (`docs/reference.md`) all read this one declaration.
//!
//! ```
//! use ecs_core::schema::{kind, KindId};
//! let td = kind(KindId::FargateTaskDefinition);
//! let memory = td.props.iter().find(|p| p.name == "memory_limit_mib").unwrap();
//! assert_eq!(memory.cdk, "memoryLimitMiB");
//! ```

pub use crate::decl::{ConnForm, EnumDef, KindId, PropDef, PropType, RefClass, Set};

const fn prop(name: &'static str, cdk: &'static str, ty: PropType) -> PropDef {
    PropDef::new(name, cdk, ty)
}

const fn required(name: &'static str, cdk: &'static str, ty: PropType) -> PropDef {
    PropDef::new(name, cdk, ty).required()
}

/// How a kind becomes builder calls (paths below the runtime crate's root).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// A construct of a stack: `Constructor(app, stack, id, Props::default().setters…)`.
    Construct(&'static str, &'static str),
    /// An item its parent adds under the item's id: `parent.method(app, "Id", Options…)`.
    Add(&'static str, &'static str),
    /// An item whose id names a declared construct the parent adds:
    /// `parent.method(app, Construct, Options…)`, or `parent.method(app, Construct)` when the
    /// options path is empty.
    AddRef(&'static str, &'static str),
    /// An object value: `Type::default().setters…`.
    Object(&'static str),
    /// Expanded by code of its own in the macro (stacks, outputs, targets, scaling, imports).
    Special,
}

/// One kind of item.
pub struct Kind {
    /// Which kind.
    pub id: KindId,
    /// The DSL keyword.
    pub keyword: &'static str,
    /// The CDK class (or `Class#method` for items a method adds) it stands for.
    pub cdk: &'static str,
    /// How it is built.
    pub build: Build,
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

use PropType::{Expr as E, Ref};

/// A connectable kind's properties: its props type's, then the connections properties
/// ([`CONNECTION_PROPS`](crate::ec2::CONNECTION_PROPS)).
macro_rules! with_connections {
    ($($own:tt)*) => {{
        const OWN: &[PropDef] = $($own)*;
        const ALL: [PropDef; OWN.len() + crate::ec2::CONNECTION_PROPS.len()] =
            crate::decl::concat_props(OWN, crate::ec2::CONNECTION_PROPS);
        &ALL
    }};
}

/// What a stack (and a scope in it) may hold.
const STACK_ITEMS: &[KindId] = &[
    KindId::Vpc,
    KindId::ImportedVpc,
    KindId::LookedUpVpc,
    KindId::Cluster,
    KindId::ImportedCluster,
    KindId::AutoScalingGroup,
    KindId::AsgCapacityProvider,
    KindId::ManagedInstancesCapacityProvider,
    KindId::KmsKey,
    KindId::Ec2TaskDefinition,
    KindId::FargateTaskDefinition,
    KindId::Ec2Service,
    KindId::FargateService,
    KindId::SecurityGroup,
    KindId::ImportedSecurityGroup,
    KindId::ApplicationLoadBalancer,
    KindId::NetworkLoadBalancer,
    KindId::ClassicLoadBalancer,
    KindId::PrivateDnsNamespace,
    KindId::CloudMapService,
    KindId::CfnOutput,
    KindId::CfnParameter,
    KindId::TaskDefinition,
    KindId::ExternalTaskDefinition,
    KindId::ExternalService,
    KindId::Secret,
    KindId::StringParameter,
    KindId::Bucket,
    KindId::Queue,
    KindId::Alarm,
    KindId::Repository,
    KindId::ImportedRepository,
    KindId::DockerImageAsset,
    KindId::FileSystem,
    KindId::AccessPoint,
    KindId::LogGroup,
    KindId::ImportedSecret,
    KindId::AutoScaleTaskCount,
    KindId::Rule,
    KindId::CfnResource,
    KindId::Scope,
    KindId::StandaloneListener,
    KindId::TargetGroup,
    KindId::Role,
    KindId::ImportedRole,
    KindId::AlbFargateService,
    KindId::AlbEc2Service,
    KindId::NlbFargateService,
    KindId::NlbEc2Service,
    KindId::PublicHostedZone,
    KindId::AlbMtgFargateService,
    KindId::AlbMtgEc2Service,
    KindId::NlbMtgFargateService,
    KindId::NlbMtgEc2Service,
    KindId::ScheduledFargateTask,
    KindId::ScheduledEc2Task,
    KindId::QueueFargateService,
    KindId::QueueEc2Service,
    KindId::ImportedTaskDefinition,
    KindId::ImportedService,
    KindId::ImportedApplicationLoadBalancer,
    KindId::ImportedNetworkLoadBalancer,
    KindId::ImportedListener,
    KindId::ServiceManagedVolume,
    KindId::ImportedFunction,
    KindId::ApplicationListenerRule,
];

/// A listener at the top of a stack: the load balancer it listens on, then a listener's own.
const STANDALONE_LISTENER_PROPS: &[PropDef] = {
    const OWN: &[PropDef] =
        &[
            required("load_balancer", "loadBalancer", Ref(RefClass::LoadBalancer))
                .set(Set::Custom)
                .doc("The application or network load balancer, usually of another stack."),
        ];
    const LISTENER: &[PropDef] = with_connections!(crate::elbv2::ListenerProps::PROPS);
    const ALL: [PropDef; OWN.len() + LISTENER.len()] = crate::decl::concat_props(OWN, LISTENER);
    &ALL
};

/// A target group at the top of a stack: its vpc, then what a target group of `add_targets`
/// states of itself.
const TARGET_GROUP_PROPS: &[PropDef] = {
    const OWN: &[PropDef] = &[required("vpc", "vpc", Ref(RefClass::Vpc))
        .set(Set::Custom)
        .doc("The VPC of the targets.")];
    const ALL: [PropDef; 8] = {
        let own = crate::elbv2::AddTargetsProps::PROPS;
        let mut picked = [own[0]; 7];
        let mut i = 0;
        let mut n = 0;
        // The group's own properties: a listener rule's (`priority`, `conditions`) belong to
        // the listener that forwards to it, and members join from their side.
        while i < own.len() {
            let name = own[i].name.as_bytes();
            let rule = matches!(name, b"priority" | b"conditions" | b"targets");
            if !rule {
                picked[n] = own[i];
                n += 1;
            }
            i += 1;
        }
        assert!(
            n == 7,
            "AddTargetsProps has seven properties of the group itself"
        );
        crate::decl::concat_props(OWN, &picked)
    };
    &ALL
};

/// The keyword table.
pub static KINDS: &[Kind] = &[
    Kind {
        id: KindId::App,
        cdk: "App",
        build: Build::Special,
        keyword: "ecs_app!",
        noun: "app",
        props: &[],
        children: &[KindId::Stack],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Stack,
        cdk: "Stack",
        build: Build::Special,
        keyword: "stack",
        noun: "stack",
        props: crate::construct::StackProps::PROPS,
        children: STACK_ITEMS,
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Vpc,
        cdk: "ec2.Vpc",
        build: Build::Construct("ec2::Vpc::new", "ec2::VpcProps"),
        keyword: "vpc",
        noun: "vpc",
        props: crate::ec2::VpcProps::PROPS,
        children: &[],
        class: Some(RefClass::Vpc),
        id_ref: None,
    },
    Kind {
        id: KindId::Cluster,
        cdk: "ecs.Cluster",
        build: Build::Construct("ecs::cluster::Cluster::new", "ecs::cluster::ClusterProps"),
        keyword: "cluster",
        noun: "cluster",
        props: with_connections!(crate::ecs::cluster::ClusterProps::PROPS),
        children: &[
            KindId::Capacity,
            KindId::AddAutoScalingGroup,
            KindId::AddAsgCapacityProvider,
            KindId::AddManagedInstancesCapacityProvider,
        ],
        class: Some(RefClass::Cluster),
        id_ref: None,
    },
    Kind {
        id: KindId::Capacity,
        cdk: "ecs.Cluster#addCapacity",
        build: Build::Add("add_capacity", "ecs::capacity::AddCapacityOptions"),
        keyword: "add_capacity",
        noun: "capacity",
        props: crate::ecs::capacity::AddCapacityOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Ec2TaskDefinition,
        cdk: "ecs.Ec2TaskDefinition",
        build: Build::Construct(
            "ecs::task_definition::Ec2TaskDefinition::new",
            "ecs::task_definition::Ec2TaskDefinitionProps",
        ),
        keyword: "ec2_task_definition",
        noun: "ec2 task definition",
        props: crate::ecs::task_definition::Ec2TaskDefinitionProps::PROPS,
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::FargateTaskDefinition,
        cdk: "ecs.FargateTaskDefinition",
        build: Build::Construct(
            "ecs::task_definition::FargateTaskDefinition::new",
            "ecs::task_definition::FargateTaskDefinitionProps",
        ),
        keyword: "fargate_task_definition",
        noun: "fargate task definition",
        props: crate::ecs::task_definition::FargateTaskDefinitionProps::PROPS,
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::Container,
        cdk: "ecs.ContainerDefinition",
        build: Build::Add("add_container", "ecs::container::ContainerDefinitionOptions"),
        keyword: "container",
        noun: "container",
        props: crate::ecs::container::ContainerDefinitionOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Ec2Service,
        cdk: "ecs.Ec2Service",
        build: Build::Construct("ecs::service::Ec2Service::new", "ecs::service::Ec2ServiceProps"),
        keyword: "ec2_service",
        noun: "ec2 service",
        props: with_connections!(crate::ecs::service::Ec2ServiceProps::PROPS),
        children: &[],
        class: Some(RefClass::Service),
        id_ref: None,
    },
    Kind {
        id: KindId::FargateService,
        cdk: "ecs.FargateService",
        build: Build::Construct(
            "ecs::service::FargateService::new",
            "ecs::service::FargateServiceProps",
        ),
        keyword: "fargate_service",
        noun: "fargate service",
        props: with_connections!(crate::ecs::service::FargateServiceProps::PROPS),
        children: &[],
        class: Some(RefClass::Service),
        id_ref: None,
    },
    Kind {
        id: KindId::PortMapping,
        cdk: "ecs.PortMapping",
        build: Build::Object("ecs::container::PortMapping"),
        keyword: "port mapping",
        noun: "port mapping",
        props: crate::ecs::container::PortMapping::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- capacity ----
    Kind {
        id: KindId::AutoScalingGroup,
        cdk: "autoscaling.AutoScalingGroup",
        build: Build::Construct(
            "autoscaling::AutoScalingGroup::new",
            "autoscaling::AutoScalingGroupProps",
        ),
        keyword: "auto_scaling_group",
        noun: "auto scaling group",
        props: with_connections!(crate::autoscaling::AutoScalingGroupProps::PROPS),
        children: &[],
        class: Some(RefClass::AutoScalingGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::AsgCapacityProvider,
        cdk: "ecs.AsgCapacityProvider",
        build: Build::Construct(
            "ecs::capacity_provider::AsgCapacityProvider::new",
            "ecs::capacity_provider::AsgCapacityProviderProps",
        ),
        keyword: "asg_capacity_provider",
        noun: "asg capacity provider",
        props: crate::ecs::capacity_provider::AsgCapacityProviderProps::PROPS,
        children: &[],
        class: Some(RefClass::AsgCapacityProvider),
        id_ref: None,
    },
    Kind {
        id: KindId::KmsKey,
        cdk: "kms.Key",
        build: Build::Construct("kms::Key::new", "kms::KeyProps"),
        keyword: "kms_key",
        noun: "kms key",
        props: crate::kms::KeyProps::PROPS,
        children: &[],
        class: Some(RefClass::Key),
        id_ref: None,
    },
    Kind {
        id: KindId::AddAutoScalingGroup,
        cdk: "ecs.Cluster#addAutoScalingGroup",
        build: Build::AddRef(
            "add_auto_scaling_group",
            "ecs::capacity::AddAutoScalingGroupCapacityOptions",
        ),
        keyword: "add_auto_scaling_group",
        noun: "added auto scaling group",
        props: crate::ecs::capacity::AddAutoScalingGroupCapacityOptions::PROPS,
        children: &[],
        class: None,
        id_ref: Some(RefClass::AutoScalingGroup),
    },
    Kind {
        id: KindId::AddAsgCapacityProvider,
        cdk: "ecs.Cluster#addAsgCapacityProvider",
        build: Build::AddRef(
            "add_asg_capacity_provider",
            "ecs::capacity::AddAutoScalingGroupCapacityOptions",
        ),
        keyword: "add_asg_capacity_provider",
        noun: "added asg capacity provider",
        props: crate::ecs::capacity::AddAutoScalingGroupCapacityOptions::PROPS,
        children: &[],
        class: None,
        id_ref: Some(RefClass::AsgCapacityProvider),
    },
    Kind {
        id: KindId::ManagedInstancesCapacityProvider,
        cdk: "ecs.ManagedInstancesCapacityProvider",
        build: Build::Construct(
            "ecs::managed_instances::ManagedInstancesCapacityProvider::new",
            "ecs::managed_instances::ManagedInstancesCapacityProviderProps",
        ),
        keyword: "managed_instances_capacity_provider",
        noun: "managed instances capacity provider",
        props: crate::ecs::managed_instances::ManagedInstancesCapacityProviderProps::PROPS,
        children: &[],
        class: Some(RefClass::ManagedInstancesCapacityProvider),
        id_ref: None,
    },
    Kind {
        id: KindId::InstanceRequirements,
        cdk: "ec2.InstanceRequirementsConfig",
        build: Build::Object("ecs::managed_instances::InstanceRequirementsConfig"),
        keyword: "instance_requirements",
        noun: "instance requirements",
        props: crate::ecs::managed_instances::InstanceRequirementsConfig::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AddManagedInstancesCapacityProvider,
        cdk: "ecs.Cluster#addManagedInstancesCapacityProvider",
        // No options: the method takes the provider alone.
        build: Build::AddRef("add_managed_instances_capacity_provider", ""),
        keyword: "add_managed_instances_capacity_provider",
        noun: "added managed instances capacity provider",
        props: &[],
        children: &[],
        class: None,
        id_ref: Some(RefClass::ManagedInstancesCapacityProvider),
    },
    Kind {
        id: KindId::CapacityProviderStrategy,
        cdk: "ecs.CapacityProviderStrategy",
        build: Build::Special,
        keyword: "capacity provider strategy",
        noun: "capacity provider strategy",
        props: &[
            required("capacity_provider", "capacityProvider", PropType::Provider).doc(
                "The provider: a declared asg or managed instances capacity provider, `\"FARGATE\"` or `\"FARGATE_SPOT\"` (rule C2).",
            ),
            prop("weight", "weight", E)
                .doc("The provider's share of the tasks beyond the base, relative to the other providers' weights."),
            prop("base", "base", E).doc(
                "How many tasks run on this provider before the weights apply; one provider only (rule C2).",
            ),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- services, load balancing, Cloud Map ----
    Kind {
        id: KindId::SecurityGroup,
        cdk: "ec2.SecurityGroup",
        build: Build::Construct("ec2::SecurityGroup::new", "ec2::SecurityGroupProps"),
        keyword: "security_group",
        noun: "security group",
        props: with_connections!(crate::ec2::SecurityGroupProps::PROPS),
        children: &[],
        class: Some(RefClass::SecurityGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::ApplicationLoadBalancer,
        cdk: "elbv2.ApplicationLoadBalancer",
        build: Build::Construct(
            "elbv2::ApplicationLoadBalancer::new",
            "elbv2::LoadBalancerProps",
        ),
        keyword: "application_load_balancer",
        noun: "application load balancer",
        props: with_connections!(crate::elbv2::LoadBalancerProps::PROPS),
        children: &[KindId::Listener],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::NetworkLoadBalancer,
        cdk: "elbv2.NetworkLoadBalancer",
        build: Build::Construct(
            "elbv2::NetworkLoadBalancer::new",
            "elbv2::LoadBalancerProps",
        ),
        keyword: "network_load_balancer",
        noun: "network load balancer",
        props: with_connections!(crate::elbv2::LoadBalancerProps::PROPS),
        children: &[KindId::Listener],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::ClassicLoadBalancer,
        cdk: "elb.LoadBalancer",
        build: Build::Construct(
            "elb::ClassicLoadBalancer::new",
            "elb::ClassicLoadBalancerProps",
        ),
        keyword: "classic_load_balancer",
        noun: "classic load balancer",
        props: with_connections!(crate::elb::ClassicLoadBalancerProps::PROPS),
        children: &[],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::Listener,
        cdk: "elbv2.ApplicationLoadBalancer#addListener",
        build: Build::Add("add_listener", "elbv2::ListenerProps"),
        keyword: "listener",
        noun: "listener",
        props: with_connections!(crate::elbv2::ListenerProps::PROPS),
        children: &[KindId::AddTargets, KindId::RegisterTargets, KindId::AddTargetGroups],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::StandaloneListener,
        cdk: "elbv2.ApplicationListener",
        build: Build::Special,
        keyword: "listener",
        noun: "stack listener",
        props: STANDALONE_LISTENER_PROPS,
        children: &[KindId::AddTargets, KindId::RegisterTargets, KindId::AddTargetGroups],
        class: Some(RefClass::Listener),
        id_ref: None,
    },
    Kind {
        id: KindId::TargetGroup,
        cdk: "elbv2.ApplicationTargetGroup",
        build: Build::Special,
        keyword: "target_group",
        noun: "target group",
        props: TARGET_GROUP_PROPS,
        children: &[],
        class: Some(RefClass::TargetGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::Connection,
        cdk: "ec2.Connections",
        build: Build::Special,
        keyword: "connection",
        noun: "connection",
        props: &[
            prop("peer", "other", PropType::Peer).doc(
                "The other side: a connectable construct of this or an earlier stack, `Lb.Listener` for a load balancer's listener, or an expression yielding a `Peer`; with `allow_from`, `allow_to` and the default-port forms naming a peer.",
            ),
            prop("port", "portRange", E).doc(
                "The port, e.g. `Port::tcp(8080)`; with `allow_from`, `allow_to`, `allow_internally` and the any-IPv4 forms.",
            ),
            prop("description", "description", E)
                .doc("The rules' description.")
                .default("from or to the peer, as the CDK writes it"),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AddTargets,
        cdk: "elbv2.ApplicationListener#addTargets",
        build: Build::Special,
        keyword: "add_targets",
        noun: "targets",
        props: crate::elbv2::AddTargetsProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AddTargetGroups,
        cdk: "elbv2.ApplicationListener#addTargetGroups",
        build: Build::Special,
        keyword: "add_target_groups",
        noun: "target groups",
        props: crate::elbv2::AddTargetGroupsProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::RegisterTargets,
        cdk: "ecs.BaseService#registerLoadBalancerTargets",
        build: Build::Special,
        keyword: "register_load_balancer_targets",
        noun: "load balancer targets",
        props: &[
            required("service", "service", Ref(RefClass::Service))
                .doc("The service whose `registerLoadBalancerTargets` the CDK calls."),
            required("container_name", "containerName", PropType::Name)
                .doc("The container the target group sends traffic to (rule L1)."),
            prop("container_port", "containerPort", E)
                .doc("The container port the traffic goes to; it must be mapped (rule L1).")
                .default("the container's first port"),
            prop("port", "port", E)
                .doc("The port of the new target group (the listener's `addTargets` props).")
                .default("443 with `Https`, else 80"),
            prop("protocol", "protocol", PropType::Enum(&crate::elbv2::ListenerProtocol::DEF))
                .doc("The protocol of the new target group (the listener's `addTargets` props)."),
            prop(
                "health_check",
                "healthCheck",
                PropType::Object(KindId::HealthCheck),
            )
            .doc("How the new target group checks the targets' health."),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::PrivateDnsNamespace,
        cdk: "servicediscovery.PrivateDnsNamespace",
        build: Build::Construct(
            "servicediscovery::PrivateDnsNamespace::new",
            "servicediscovery::PrivateDnsNamespaceProps",
        ),
        keyword: "private_dns_namespace",
        noun: "private dns namespace",
        props: crate::servicediscovery::PrivateDnsNamespaceProps::PROPS,
        children: &[],
        class: Some(RefClass::Namespace),
        id_ref: None,
    },
    Kind {
        id: KindId::CloudMapService,
        cdk: "servicediscovery.Service",
        build: Build::Construct(
            "servicediscovery::CloudMapService::new",
            "servicediscovery::CloudMapServiceProps",
        ),
        keyword: "cloud_map_service",
        noun: "cloud map service",
        props: crate::servicediscovery::CloudMapServiceProps::PROPS,
        children: &[],
        class: Some(RefClass::CloudMapService),
        id_ref: None,
    },
    Kind {
        id: KindId::CfnOutput,
        cdk: "CfnOutput",
        build: Build::Special,
        keyword: "cfn_output",
        noun: "output",
        props: &[
            required("value", "value", PropType::Attr)
                .doc("The value the stack outputs, e.g. a load balancer's DNS name."),
            prop("description", "description", E).doc("What the output is, shown with it."),
            prop("export_name", "exportName", E)
                .doc("The name other stacks of the region import the value by (`Export.Name`)."),
        ],
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::CfnParameter,
        cdk: "CfnParameter",
        build: Build::Special,
        keyword: "cfn_parameter",
        noun: "parameter",
        props: &[
            required("type", "type", E).doc(
                "The CloudFormation type, e.g. `String`, `Number` or `AWS::SSM::Parameter::Value<String>`.",
            ),
            prop("default", "default", E).doc("The value when the stack is deployed without one."),
            prop("description", "description", E).doc("What the parameter is for, shown when deploying."),
        ],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::CircuitBreaker,
        cdk: "ecs.DeploymentCircuitBreaker",
        build: Build::Object("ecs::service::DeploymentCircuitBreaker"),
        keyword: "circuit_breaker",
        noun: "circuit breaker",
        props: crate::ecs::service::DeploymentCircuitBreaker::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ManagedStorage,
        cdk: "ecs.ManagedStorageConfiguration",
        build: Build::Object("ecs::cluster::ManagedStorageConfiguration"),
        keyword: "managed_storage_configuration",
        noun: "managed storage configuration",
        props: crate::ecs::cluster::ManagedStorageConfiguration::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::DeploymentAlarms,
        cdk: "ecs.DeploymentAlarmConfig",
        build: Build::Object("ecs::service::DeploymentAlarmConfig"),
        keyword: "deployment_alarms",
        noun: "deployment alarms",
        props: crate::ecs::service::DeploymentAlarmConfig::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ForceNewDeployment,
        cdk: "ecs.ForceNewDeployment",
        build: Build::Object("ecs::service::ForceNewDeployment"),
        keyword: "force_new_deployment",
        noun: "forced deployment",
        props: crate::ecs::service::ForceNewDeployment::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::SubnetSelection,
        cdk: "ec2.SubnetSelection",
        build: Build::Object("ec2::SubnetSelection"),
        keyword: "subnet_selection",
        noun: "subnet selection",
        props: crate::ec2::SubnetSelection::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::SubnetConfiguration,
        cdk: "ec2.SubnetConfiguration",
        build: Build::Object("ec2::SubnetConfiguration"),
        keyword: "subnet_configuration",
        noun: "subnet group",
        props: crate::ec2::SubnetConfiguration::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::CloudMapOptions,
        cdk: "ecs.CloudMapOptions",
        build: Build::Object("ecs::cloud_map::CloudMapOptions"),
        keyword: "cloud_map_options",
        noun: "cloud map options",
        props: crate::ecs::cloud_map::CloudMapOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::NamespaceOptions,
        cdk: "ecs.CloudMapNamespaceOptions",
        build: Build::Object("servicediscovery::CloudMapNamespaceOptions"),
        keyword: "default_cloud_map_namespace",
        noun: "namespace options",
        props: crate::servicediscovery::CloudMapNamespaceOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AssociateCloudMap,
        cdk: "ecs.AssociateCloudMapServiceOptions",
        build: Build::Object("ecs::cloud_map::AssociateCloudMapServiceOptions"),
        keyword: "associate_cloud_map_service",
        noun: "cloud map association",
        props: crate::ecs::cloud_map::AssociateCloudMapServiceOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ServiceConnect,
        cdk: "ecs.ServiceConnectProps",
        build: Build::Object("ecs::service_connect::ServiceConnectProps"),
        keyword: "service_connect_configuration",
        noun: "service connect configuration",
        props: crate::ecs::service_connect::ServiceConnectProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ServiceConnectService,
        cdk: "ecs.ServiceConnectService",
        build: Build::Object("ecs::service_connect::ServiceConnectService"),
        keyword: "services",
        noun: "service connect service",
        props: crate::ecs::service_connect::ServiceConnectService::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ServiceConnectTls,
        cdk: "ecs.ServiceConnectTlsConfiguration",
        build: Build::Object("ecs::service_connect::ServiceConnectTlsConfiguration"),
        keyword: "tls",
        noun: "service connect tls",
        props: crate::ecs::service_connect::ServiceConnectTlsConfiguration::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ServiceConnectAccessLog,
        cdk: "ecs.ServiceConnectAccessLogConfiguration",
        build: Build::Object("ecs::service_connect::ServiceConnectAccessLogConfiguration"),
        keyword: "access_log_configuration",
        noun: "access log configuration",
        props: crate::ecs::service_connect::ServiceConnectAccessLogConfiguration::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::TargetObject,
        cdk: "ecs.LoadBalancerTargetOptions",
        build: Build::Special,
        keyword: "target",
        noun: "load balancer target",
        props: crate::ecs::load_balancing::LoadBalancerTargetOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ClassicListener,
        cdk: "elb.LoadBalancerListener",
        build: Build::Object("elb::LoadBalancerListener"),
        keyword: "listener",
        noun: "classic listener",
        props: crate::elb::LoadBalancerListener::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- aws-ecs-patterns ----
    Kind {
        id: KindId::AlbFargateService,
        cdk: "ecs_patterns.ApplicationLoadBalancedFargateService",
        build: Build::Construct(
            "ecs_patterns::ApplicationLoadBalancedFargateService::new",
            "ecs_patterns::ApplicationLoadBalancedFargateServiceProps",
        ),
        keyword: "application_load_balanced_fargate_service",
        noun: "application load balanced fargate service",
        props: crate::ecs_patterns::ApplicationLoadBalancedFargateServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AlbEc2Service,
        cdk: "ecs_patterns.ApplicationLoadBalancedEc2Service",
        build: Build::Construct(
            "ecs_patterns::ApplicationLoadBalancedEc2Service::new",
            "ecs_patterns::ApplicationLoadBalancedEc2ServiceProps",
        ),
        keyword: "application_load_balanced_ec2_service",
        noun: "application load balanced ec2 service",
        props: crate::ecs_patterns::ApplicationLoadBalancedEc2ServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AlbTaskImageOptions,
        cdk: "ecs_patterns.ApplicationLoadBalancedTaskImageOptions",
        build: Build::Object("ecs_patterns::ApplicationLoadBalancedTaskImageOptions"),
        keyword: "task_image_options",
        noun: "application task image options",
        props: crate::ecs_patterns::ApplicationLoadBalancedTaskImageOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::NlbFargateService,
        cdk: "ecs_patterns.NetworkLoadBalancedFargateService",
        build: Build::Construct(
            "ecs_patterns::NetworkLoadBalancedFargateService::new",
            "ecs_patterns::NetworkLoadBalancedFargateServiceProps",
        ),
        keyword: "network_load_balanced_fargate_service",
        noun: "network load balanced fargate service",
        props: crate::ecs_patterns::NetworkLoadBalancedFargateServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::NlbEc2Service,
        cdk: "ecs_patterns.NetworkLoadBalancedEc2Service",
        build: Build::Construct(
            "ecs_patterns::NetworkLoadBalancedEc2Service::new",
            "ecs_patterns::NetworkLoadBalancedEc2ServiceProps",
        ),
        keyword: "network_load_balanced_ec2_service",
        noun: "network load balanced ec2 service",
        props: crate::ecs_patterns::NetworkLoadBalancedEc2ServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::NlbTaskImageOptions,
        cdk: "ecs_patterns.NetworkLoadBalancedTaskImageOptions",
        build: Build::Object("ecs_patterns::NetworkLoadBalancedTaskImageOptions"),
        keyword: "task_image_options",
        noun: "network task image options",
        props: crate::ecs_patterns::NetworkLoadBalancedTaskImageOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::PublicHostedZone,
        cdk: "route53.PublicHostedZone",
        build: Build::Construct(
            "route53::PublicHostedZone::new",
            "route53::PublicHostedZoneProps",
        ),
        keyword: "public_hosted_zone",
        noun: "public hosted zone",
        props: crate::route53::PublicHostedZoneProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::AlbMtgFargateService,
        cdk: "ecs_patterns.ApplicationMultipleTargetGroupsFargateService",
        build: Build::Construct(
            "ecs_patterns::ApplicationMultipleTargetGroupsFargateService::new",
            "ecs_patterns::ApplicationMultipleTargetGroupsFargateServiceProps",
        ),
        keyword: "application_multiple_target_groups_fargate_service",
        noun: "application multiple target groups fargate service",
        props: crate::ecs_patterns::ApplicationMultipleTargetGroupsFargateServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::AlbMtgEc2Service,
        cdk: "ecs_patterns.ApplicationMultipleTargetGroupsEc2Service",
        build: Build::Construct(
            "ecs_patterns::ApplicationMultipleTargetGroupsEc2Service::new",
            "ecs_patterns::ApplicationMultipleTargetGroupsEc2ServiceProps",
        ),
        keyword: "application_multiple_target_groups_ec2_service",
        noun: "application multiple target groups ec2 service",
        props: crate::ecs_patterns::ApplicationMultipleTargetGroupsEc2ServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::NlbMtgFargateService,
        cdk: "ecs_patterns.NetworkMultipleTargetGroupsFargateService",
        build: Build::Construct(
            "ecs_patterns::NetworkMultipleTargetGroupsFargateService::new",
            "ecs_patterns::NetworkMultipleTargetGroupsFargateServiceProps",
        ),
        keyword: "network_multiple_target_groups_fargate_service",
        noun: "network multiple target groups fargate service",
        props: crate::ecs_patterns::NetworkMultipleTargetGroupsFargateServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::NlbMtgEc2Service,
        cdk: "ecs_patterns.NetworkMultipleTargetGroupsEc2Service",
        build: Build::Construct(
            "ecs_patterns::NetworkMultipleTargetGroupsEc2Service::new",
            "ecs_patterns::NetworkMultipleTargetGroupsEc2ServiceProps",
        ),
        keyword: "network_multiple_target_groups_ec2_service",
        noun: "network multiple target groups ec2 service",
        props: crate::ecs_patterns::NetworkMultipleTargetGroupsEc2ServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgApplicationTaskImageProps,
        cdk: "ecs_patterns.ApplicationLoadBalancedTaskImageProps",
        build: Build::Object("ecs_patterns::ApplicationLoadBalancedTaskImageProps"),
        keyword: "task_image_options",
        noun: "application task image props",
        props: crate::ecs_patterns::ApplicationLoadBalancedTaskImageProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgNetworkTaskImageProps,
        cdk: "ecs_patterns.NetworkLoadBalancedTaskImageProps",
        build: Build::Object("ecs_patterns::NetworkLoadBalancedTaskImageProps"),
        keyword: "task_image_options",
        noun: "network task image props",
        props: crate::ecs_patterns::NetworkLoadBalancedTaskImageProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgApplicationLoadBalancer,
        cdk: "ecs_patterns.ApplicationLoadBalancerProps",
        build: Build::Object("ecs_patterns::ApplicationLoadBalancerProps"),
        keyword: "load balancer",
        noun: "application load balancer of a pattern",
        props: crate::ecs_patterns::ApplicationLoadBalancerProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgApplicationListener,
        cdk: "ecs_patterns.ApplicationListenerProps",
        build: Build::Object("ecs_patterns::ApplicationListenerProps"),
        keyword: "listener",
        noun: "application listener of a pattern",
        props: crate::ecs_patterns::ApplicationListenerProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgApplicationTarget,
        cdk: "ecs_patterns.ApplicationTargetProps",
        build: Build::Object("ecs_patterns::ApplicationTargetProps"),
        keyword: "target group",
        noun: "application target group of a pattern",
        props: crate::ecs_patterns::ApplicationTargetProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgNetworkLoadBalancer,
        cdk: "ecs_patterns.NetworkLoadBalancerProps",
        build: Build::Object("ecs_patterns::NetworkLoadBalancerProps"),
        keyword: "load balancer",
        noun: "network load balancer of a pattern",
        props: crate::ecs_patterns::NetworkLoadBalancerProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgNetworkListener,
        cdk: "ecs_patterns.NetworkListenerProps",
        build: Build::Object("ecs_patterns::NetworkListenerProps"),
        keyword: "listener",
        noun: "network listener of a pattern",
        props: crate::ecs_patterns::NetworkListenerProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::MtgNetworkTarget,
        cdk: "ecs_patterns.NetworkTargetProps",
        build: Build::Object("ecs_patterns::NetworkTargetProps"),
        keyword: "target group",
        noun: "network target group of a pattern",
        props: crate::ecs_patterns::NetworkTargetProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScheduledFargateTask,
        cdk: "ecs_patterns.ScheduledFargateTask",
        build: Build::Construct(
            "ecs_patterns::ScheduledFargateTask::new",
            "ecs_patterns::ScheduledFargateTaskProps",
        ),
        keyword: "scheduled_fargate_task",
        noun: "scheduled fargate task",
        props: crate::ecs_patterns::ScheduledFargateTaskProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScheduledEc2Task,
        cdk: "ecs_patterns.ScheduledEc2Task",
        build: Build::Construct(
            "ecs_patterns::ScheduledEc2Task::new",
            "ecs_patterns::ScheduledEc2TaskProps",
        ),
        keyword: "scheduled_ec2_task",
        noun: "scheduled ec2 task",
        props: crate::ecs_patterns::ScheduledEc2TaskProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScheduledTaskImageOptions,
        cdk: "ecs_patterns.ScheduledFargateTaskImageOptions",
        build: Build::Object("ecs_patterns::ScheduledTaskImageOptions"),
        keyword: "scheduled task image options",
        noun: "scheduled task image options",
        props: crate::ecs_patterns::ScheduledTaskImageOptions::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::QueueFargateService,
        cdk: "ecs_patterns.QueueProcessingFargateService",
        build: Build::Construct(
            "ecs_patterns::QueueProcessingFargateService::new",
            "ecs_patterns::QueueProcessingFargateServiceProps",
        ),
        keyword: "queue_processing_fargate_service",
        noun: "queue processing fargate service",
        props: crate::ecs_patterns::QueueProcessingFargateServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::QueueEc2Service,
        cdk: "ecs_patterns.QueueProcessingEc2Service",
        build: Build::Construct(
            "ecs_patterns::QueueProcessingEc2Service::new",
            "ecs_patterns::QueueProcessingEc2ServiceProps",
        ),
        keyword: "queue_processing_ec2_service",
        noun: "queue processing ec2 service",
        props: crate::ecs_patterns::QueueProcessingEc2ServiceProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::HealthCheck,
        cdk: "elbv2.HealthCheck",
        build: Build::Object("elbv2::TargetGroupHealthCheck"),
        keyword: "health_check",
        noun: "health check",
        props: crate::elbv2::TargetGroupHealthCheck::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::CustomHealthCheck,
        cdk: "servicediscovery.HealthCheckCustomConfig",
        build: Build::Object("servicediscovery::HealthCheckCustomConfig"),
        keyword: "custom_health_check",
        noun: "custom health check",
        props: crate::servicediscovery::HealthCheckCustomConfig::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- task definitions, images, environment ----
    Kind {
        id: KindId::TaskDefinition,
        cdk: "ecs.TaskDefinition",
        build: Build::Construct(
            "ecs::task_definition::TaskDefinition::new",
            "ecs::task_definition::TaskDefinitionProps",
        ),
        keyword: "task_definition",
        noun: "task definition",
        props: crate::ecs::task_definition::TaskDefinitionProps::PROPS,
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::ExternalTaskDefinition,
        cdk: "ecs.ExternalTaskDefinition",
        build: Build::Construct(
            "ecs::task_definition::ExternalTaskDefinition::new",
            "ecs::task_definition::ExternalTaskDefinitionProps",
        ),
        keyword: "external_task_definition",
        noun: "external task definition",
        props: crate::ecs::task_definition::ExternalTaskDefinitionProps::PROPS,
        children: &[KindId::Container],
        class: Some(RefClass::TaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::ExternalService,
        cdk: "ecs.ExternalService",
        build: Build::Construct(
            "ecs::service::ExternalService::new",
            "ecs::service::ExternalServiceProps",
        ),
        keyword: "external_service",
        noun: "external service",
        props: crate::ecs::service::ExternalServiceProps::PROPS,
        children: &[],
        class: Some(RefClass::Service),
        id_ref: None,
    },
    Kind {
        id: KindId::Secret,
        cdk: "secretsmanager.Secret",
        build: Build::Construct(
            "secretsmanager::Secret::new",
            "secretsmanager::SecretProps",
        ),
        keyword: "secret",
        noun: "secret",
        props: crate::secretsmanager::SecretProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::StringParameter,
        cdk: "ssm.StringParameter",
        build: Build::Construct("ssm::StringParameter::new", "ssm::StringParameterProps"),
        keyword: "string_parameter",
        noun: "string parameter",
        props: crate::ssm::StringParameterProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::Bucket,
        cdk: "s3.Bucket",
        build: Build::Construct("s3::Bucket::new", "s3::BucketProps"),
        keyword: "bucket",
        noun: "bucket",
        props: crate::s3::BucketProps::PROPS,
        children: &[],
        class: Some(RefClass::Bucket),
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnMetric,
        cdk: "ecs.ScalableTaskCount",
        build: Build::Add("scale_on_metric", "applicationautoscaling::StepScalingProps"),
        keyword: "scale_on_metric",
        noun: "step scaling",
        props: crate::applicationautoscaling::StepScalingProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScalingInterval,
        cdk: "appscaling.ScalingInterval",
        build: Build::Object("applicationautoscaling::ScalingInterval"),
        keyword: "scaling_interval",
        noun: "scaling step",
        props: crate::applicationautoscaling::ScalingInterval::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Scope,
        cdk: "Construct",
        build: Build::Special,
        keyword: "scope",
        noun: "scope",
        props: &[],
        children: STACK_ITEMS,
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::CfnResource,
        cdk: "CfnResource",
        build: Build::Special,
        keyword: "resource",
        noun: "resource",
        props: &[
            required("type", "type", E).doc(
                "The CloudFormation resource type, `AWS::Service::Resource` or `Custom::Name`; a literal is checked while compiling.",
            ),
            prop("properties", "properties", PropType::CfnProperties).doc(
                "The resource's `Properties`, written as given; `Name.Ref` and `Name.Attribute` of a declared resource are its `Ref` and `Fn::GetAtt`, `Name.attribute` of another construct its attribute.",
            ),
            prop("depends_on", "addDependency()", PropType::Refs(RefClass::Any))
                .method()
                .doc("Constructs declared before it that it depends on (`DependsOn` on their resources)."),
            prop(
                "removal_policy",
                "applyRemovalPolicy()",
                PropType::Enum(&crate::construct::RemovalPolicy::DEF),
            )
            .method()
            .default("none: CloudFormation deletes it")
            .doc("`DeletionPolicy` and `UpdateReplacePolicy`: `Retain`, `Destroy`, `Snapshot` or `RetainOnUpdateOrDelete`."),
        ],
        children: &[],
        class: Some(RefClass::Resource),
        id_ref: None,
    },
    Kind {
        id: KindId::Alarm,
        cdk: "cloudwatch.Alarm",
        build: Build::Construct("cloudwatch::Alarm::new", "cloudwatch::AlarmProps"),
        keyword: "alarm",
        noun: "alarm",
        props: crate::cloudwatch::AlarmProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Queue,
        cdk: "sqs.Queue",
        build: Build::Construct("sqs::Queue::new", "sqs::QueueProps"),
        keyword: "queue",
        noun: "queue",
        props: crate::sqs::QueueProps::PROPS,
        children: &[],
        class: Some(RefClass::Queue),
        id_ref: None,
    },
    Kind {
        id: KindId::DeadLetterQueue,
        cdk: "sqs.DeadLetterQueue",
        build: Build::Object("sqs::DeadLetterQueue"),
        keyword: "dead_letter_queue",
        noun: "dead-letter queue",
        props: crate::sqs::DeadLetterQueue::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Repository,
        cdk: "ecr.Repository",
        build: Build::Construct("ecr::Repository::new", "ecr::RepositoryProps"),
        keyword: "repository",
        noun: "repository",
        props: crate::ecr::RepositoryProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedRepository,
        cdk: "ecr.Repository.fromRepositoryName",
        build: Build::Construct(
            "ecr::ImportedRepository::new",
            "ecr::ImportedRepositoryProps",
        ),
        keyword: "imported_repository",
        noun: "imported repository",
        props: crate::ecr::ImportedRepositoryProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedVpc,
        cdk: "ec2.Vpc.fromVpcAttributes",
        build: Build::Construct("ec2::ImportedVpc::new", "ec2::VpcAttributes"),
        keyword: "imported_vpc",
        noun: "imported vpc",
        props: crate::ec2::VpcAttributes::PROPS,
        children: &[],
        class: Some(RefClass::Vpc),
        id_ref: None,
    },
    Kind {
        id: KindId::LookedUpVpc,
        cdk: "ec2.Vpc.fromLookup",
        build: Build::Construct("ec2::LookedUpVpc::new", "ec2::VpcLookupOptions"),
        keyword: "lookup_vpc",
        noun: "looked-up vpc",
        props: crate::ec2::VpcLookupOptions::PROPS,
        children: &[],
        class: Some(RefClass::Vpc),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedSecurityGroup,
        cdk: "ec2.SecurityGroup.fromSecurityGroupId",
        build: Build::Construct(
            "ec2::ImportedSecurityGroup::new",
            "ec2::ImportedSecurityGroupProps",
        ),
        keyword: "imported_security_group",
        noun: "imported security group",
        props: crate::ec2::ImportedSecurityGroupProps::PROPS,
        children: &[],
        class: Some(RefClass::SecurityGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedCluster,
        cdk: "ecs.Cluster.fromClusterAttributes",
        build: Build::Construct(
            "ecs::cluster::ImportedCluster::new",
            "ecs::cluster::ClusterAttributes",
        ),
        keyword: "imported_cluster",
        noun: "imported cluster",
        props: crate::ecs::cluster::ClusterAttributes::PROPS,
        children: &[],
        class: Some(RefClass::Cluster),
        id_ref: None,
    },
    Kind {
        id: KindId::Role,
        cdk: "iam.Role",
        build: Build::Construct("iam::Role::new", "iam::RoleProps"),
        keyword: "role",
        noun: "role",
        props: crate::iam::RoleProps::PROPS,
        children: &[],
        class: Some(RefClass::Role),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedRole,
        cdk: "iam.Role.fromRoleArn",
        build: Build::Construct("iam::ImportedRole::new", "iam::ImportedRoleProps"),
        keyword: "imported_role",
        noun: "imported role",
        props: crate::iam::ImportedRoleProps::PROPS,
        children: &[],
        class: Some(RefClass::Role),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedTaskDefinition,
        cdk: "ecs.TaskDefinition.fromTaskDefinitionAttributes",
        build: Build::Construct(
            "ecs::task_definition::ImportedTaskDefinition::new",
            "ecs::task_definition::TaskDefinitionAttributes",
        ),
        keyword: "imported_task_definition",
        noun: "imported task definition",
        props: crate::ecs::task_definition::TaskDefinitionAttributes::PROPS,
        children: &[],
        class: Some(RefClass::ImportedTaskDefinition),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedService,
        cdk: "ecs.FargateService.fromFargateServiceAttributes",
        build: Build::Construct(
            "ecs::imported_service::ImportedService::new",
            "ecs::imported_service::ServiceAttributes",
        ),
        keyword: "imported_service",
        noun: "imported service",
        props: crate::ecs::imported_service::ServiceAttributes::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedApplicationLoadBalancer,
        cdk: "elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes",
        build: Build::Construct(
            "elbv2::ImportedApplicationLoadBalancer::new",
            "elbv2::ApplicationLoadBalancerAttributes",
        ),
        keyword: "imported_application_load_balancer",
        noun: "imported application load balancer",
        props: crate::elbv2::ApplicationLoadBalancerAttributes::PROPS,
        children: &[KindId::Listener],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedNetworkLoadBalancer,
        cdk: "elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes",
        build: Build::Construct(
            "elbv2::ImportedNetworkLoadBalancer::new",
            "elbv2::NetworkLoadBalancerAttributes",
        ),
        keyword: "imported_network_load_balancer",
        noun: "imported network load balancer",
        props: crate::elbv2::NetworkLoadBalancerAttributes::PROPS,
        children: &[KindId::Listener],
        class: Some(RefClass::LoadBalancer),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedListener,
        cdk: "elbv2.ApplicationListener.fromApplicationListenerAttributes",
        build: Build::Construct(
            "elbv2::ImportedApplicationListener::new",
            "elbv2::ApplicationListenerAttributes",
        ),
        keyword: "imported_listener",
        noun: "imported listener",
        props: crate::elbv2::ApplicationListenerAttributes::PROPS,
        children: &[KindId::AddTargetGroups],
        class: Some(RefClass::Listener),
        id_ref: None,
    },
    Kind {
        id: KindId::ServiceManagedVolume,
        cdk: "ecs.ServiceManagedVolume",
        build: Build::Construct(
            "ecs::service_managed_volume::ServiceManagedVolume::new",
            "ecs::service_managed_volume::ServiceManagedVolumeProps",
        ),
        keyword: "service_managed_volume",
        noun: "service-managed volume",
        props: crate::ecs::service_managed_volume::ServiceManagedVolumeProps::PROPS,
        children: &[],
        class: Some(RefClass::ServiceManagedVolume),
        id_ref: None,
    },
    Kind {
        id: KindId::ManagedEbsVolume,
        cdk: "ecs.ServiceManagedEBSVolumeConfiguration",
        build: Build::Object("ecs::service_managed_volume::ServiceManagedEbsVolumeConfiguration"),
        keyword: "managed_ebs_volume",
        noun: "managed ebs volume",
        props: crate::ecs::service_managed_volume::ServiceManagedEbsVolumeConfiguration::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedFunction,
        cdk: "lambda.Function.fromFunctionAttributes",
        build: Build::Construct(
            "lambda::ImportedFunction::new",
            "lambda::FunctionAttributes",
        ),
        keyword: "imported_function",
        noun: "imported function",
        props: crate::lambda::FunctionAttributes::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::TargetGroupTarget,
        cdk: "ecs.LoadBalancerTargetOptions",
        build: Build::Object("ecs::load_balancing::TargetGroupTarget"),
        keyword: "target group target",
        noun: "target group target",
        props: crate::ecs::load_balancing::TargetGroupTarget::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ApplicationListenerRule,
        cdk: "elbv2.ApplicationListenerRule",
        build: Build::Construct(
            "elbv2::ApplicationListenerRule::new",
            "elbv2::ApplicationListenerRuleProps",
        ),
        keyword: "application_listener_rule",
        noun: "listener rule",
        props: crate::elbv2::ApplicationListenerRuleProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::DockerImageAsset,
        cdk: "ecr_assets.DockerImageAsset",
        build: Build::Construct(
            "ecr_assets::DockerImageAsset::new",
            "ecr_assets::DockerImageAssetProps",
        ),
        keyword: "docker_image_asset",
        noun: "docker image asset",
        props: crate::ecr_assets::DockerImageAssetProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::FileSystem,
        cdk: "efs.FileSystem",
        build: Build::Construct("efs::FileSystem::new", "efs::FileSystemProps"),
        keyword: "file_system",
        noun: "file system",
        props: with_connections!(crate::efs::FileSystemProps::PROPS),
        children: &[],
        class: Some(RefClass::FileSystem),
        id_ref: None,
    },
    Kind {
        id: KindId::AccessPoint,
        cdk: "efs.AccessPoint",
        build: Build::Construct("efs::AccessPoint::new", "efs::AccessPointProps"),
        keyword: "access_point",
        noun: "access point",
        props: crate::efs::AccessPointProps::PROPS,
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    // ---- log drivers, ECS Exec, auto-scaling, scheduled tasks ----
    Kind {
        id: KindId::LogGroup,
        cdk: "logs.LogGroup",
        build: Build::Construct("logs::LogGroup::new", "logs::LogGroupProps"),
        keyword: "log_group",
        noun: "log group",
        props: crate::logs::LogGroupProps::PROPS,
        children: &[],
        class: Some(RefClass::LogGroup),
        id_ref: None,
    },
    Kind {
        id: KindId::ImportedSecret,
        cdk: "secretsmanager.Secret.fromSecretNameV2",
        build: Build::Special,
        keyword: "imported_secret",
        noun: "imported secret",
        props: &[required("secret_name", "secretName", E)
            .doc("The name of the existing secret, without the suffix Secrets Manager appends.")],
        children: &[],
        class: Some(RefClass::Supporting),
        id_ref: None,
    },
    Kind {
        id: KindId::AutoScaleTaskCount,
        cdk: "ecs.BaseService#autoScaleTaskCount",
        build: Build::Special,
        keyword: "auto_scale_task_count",
        noun: "task auto scaling",
        props: crate::ecs::scaling::EnableScalingProps::PROPS,
        children: &[
            KindId::ScaleOnCpu,
            KindId::ScaleOnMemory,
            KindId::ScaleOnRequestCount,
            KindId::ScaleOnSchedule,
            KindId::ScaleOnMetric,
            KindId::ScaleToTrackCustomMetric,
        ],
        class: None,
        id_ref: Some(RefClass::Service),
    },
    Kind {
        id: KindId::ScaleToTrackCustomMetric,
        cdk: "ecs.ScalableTaskCount#scaleToTrackCustomMetric",
        build: Build::Add(
            "scale_to_track_custom_metric",
            "ecs::scaling::TrackCustomMetricProps",
        ),
        keyword: "scale_to_track_custom_metric",
        noun: "custom metric scaling policy",
        props: crate::ecs::scaling::TrackCustomMetricProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnCpu,
        cdk: "ecs.ScalableTaskCount#scaleOnCpuUtilization",
        build: Build::Add(
            "scale_on_cpu_utilization",
            "ecs::scaling::CpuUtilizationScalingProps",
        ),
        keyword: "scale_on_cpu_utilization",
        noun: "cpu scaling policy",
        props: crate::ecs::scaling::CpuUtilizationScalingProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnMemory,
        cdk: "ecs.ScalableTaskCount#scaleOnMemoryUtilization",
        build: Build::Add(
            "scale_on_memory_utilization",
            "ecs::scaling::MemoryUtilizationScalingProps",
        ),
        keyword: "scale_on_memory_utilization",
        noun: "memory scaling policy",
        props: crate::ecs::scaling::MemoryUtilizationScalingProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnRequestCount,
        cdk: "ecs.ScalableTaskCount#scaleOnRequestCount",
        build: Build::Add(
            "scale_on_request_count",
            "ecs::scaling::RequestCountScalingProps",
        ),
        keyword: "scale_on_request_count",
        noun: "request count scaling policy",
        props: crate::ecs::scaling::RequestCountScalingProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ScaleOnSchedule,
        cdk: "ecs.ScalableTaskCount#scaleOnSchedule",
        build: Build::Add("scale_on_schedule", "applicationautoscaling::ScalingSchedule"),
        keyword: "scale_on_schedule",
        noun: "scheduled scaling",
        props: crate::applicationautoscaling::ScalingSchedule::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::Rule,
        cdk: "events.Rule",
        build: Build::Construct("events::Rule::new", "events::RuleProps"),
        keyword: "rule",
        noun: "rule",
        props: crate::events::RuleProps::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::EcsTaskTarget,
        cdk: "events_targets.EcsTask",
        build: Build::Object("events_targets::EcsTask"),
        keyword: "ecs task target",
        noun: "ecs task target",
        props: crate::events_targets::EcsTask::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ContainerOverride,
        cdk: "events_targets.ContainerOverride",
        build: Build::Object("events_targets::ContainerOverride"),
        keyword: "container override",
        noun: "container override",
        props: crate::events_targets::ContainerOverride::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ExecConfig,
        cdk: "ecs.ExecuteCommandConfiguration",
        build: Build::Object("ecs::exec::ExecuteCommandConfiguration"),
        keyword: "execute_command_configuration",
        noun: "exec configuration",
        props: crate::ecs::exec::ExecuteCommandConfiguration::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ExecLogConfig,
        cdk: "ecs.ExecuteCommandLogConfiguration",
        build: Build::Object("ecs::exec::ExecuteCommandLogConfiguration"),
        keyword: "log_configuration",
        noun: "exec log configuration",
        props: crate::ecs::exec::ExecuteCommandLogConfiguration::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    // ---- container references ----
    Kind {
        id: KindId::Link,
        cdk: "ecs.ContainerDefinition#addLink",
        build: Build::Object("ecs::container::Link"),
        keyword: "link",
        noun: "link",
        props: crate::ecs::container::Link::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::ContainerDependency,
        cdk: "ecs.ContainerDependency",
        build: Build::Object("ecs::container_options::ContainerDependency"),
        keyword: "container dependency",
        noun: "container dependency",
        props: crate::ecs::container_options::ContainerDependency::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
    Kind {
        id: KindId::VolumeFrom,
        cdk: "ecs.VolumeFrom",
        build: Build::Object("ecs::volume::VolumeFrom"),
        keyword: "volume from",
        noun: "volume from",
        props: crate::ecs::volume::VolumeFrom::PROPS,
        children: &[],
        class: None,
        id_ref: None,
    },
];

/// Whether items of `kind` have connections (a `connections` of the CDK), and if so whether
/// they have a default port: a listener's port, NFS for a file system.
///
/// ```
/// use ecs_core::schema::{connectable, KindId};
/// assert_eq!(connectable(KindId::FileSystem), Some(true));
/// assert_eq!(connectable(KindId::FargateService), Some(false));
/// assert_eq!(connectable(KindId::FargateTaskDefinition), None);
/// ```
pub fn connectable(kind: KindId) -> Option<bool> {
    match kind {
        KindId::Listener | KindId::StandaloneListener | KindId::FileSystem => Some(true),
        KindId::Ec2Service
        | KindId::FargateService
        | KindId::SecurityGroup
        | KindId::ApplicationLoadBalancer
        | KindId::NetworkLoadBalancer
        | KindId::ClassicLoadBalancer
        | KindId::Cluster
        | KindId::AutoScalingGroup => Some(false),
        _ => None,
    }
}

/// The table entry of `id`.
///
/// ```
/// use ecs_core::schema::{kind, KindId};
/// assert_eq!(kind(KindId::Vpc).keyword, "vpc");
/// ```
pub fn kind(id: KindId) -> &'static Kind {
    // Every `KindId` has an entry (tested); the first entry stands in rather than panic.
    KINDS.iter().find(|k| k.id == id).unwrap_or(&KINDS[0])
}

impl PropType {
    /// How the reference describes a value of this shape.
    ///
    /// ```
    /// use ecs_core::schema::{PropType, RefClass};
    /// assert_eq!(PropType::Ref(RefClass::Vpc).describe(), "the name of a declared vpc");
    /// ```
    pub fn describe(self) -> String {
        match self {
            PropType::Expr => "expression".to_owned(),
            PropType::Ref(class) => format!("the name of a declared {}", class.noun()),
            PropType::Refs(class) | PropType::LateRefs(class) => {
                format!("`[…]` of names of declared {}s", class.noun())
            }
            PropType::Enum(def) => {
                let variants: Vec<String> = def.variants.iter().map(|v| format!("`{v}`")).collect();
                format!("one of {}, or an expression", variants.join(", "))
            }
            PropType::PortMappings => "`[port, { container_port, … }]` or an expression".to_owned(),
            PropType::EnvironmentValues => {
                "`{ NAME: value, \"KEY\": Construct.attribute }` or an expression".to_owned()
            }
            PropType::Environment => {
                "`{ NAME: value, \"KEY\": value }` or an expression".to_owned()
            }
            PropType::Strategies => {
                "`[{ capacity_provider, weight, base }]` or an expression".to_owned()
            }
            PropType::Provider => {
                "the name of a declared asg capacity provider, or an expression".to_owned()
            }
            PropType::Object(id) => format!("`{{ … }}`: {}", link(id)),
            PropType::Objects(id) => format!("`[{{ … }}]`: {}", link(id)),
            PropType::Name => "a name (identifier or string)".to_owned(),
            PropType::Targets => {
                "`[Service, { service, container_name, container_port }]`".to_owned()
            }
            PropType::Attr => "`Construct.attribute` or an expression".to_owned(),
            PropType::CfnProperties => {
                "`{ Name: value, … }`: maps, lists, literals, expressions and `Construct.attribute` tokens".to_owned()
            }
            PropType::Schedule => {
                "a schedule string (`\"rate(1 hour)\"`) or an expression".to_owned()
            }
            PropType::TargetGroup => "the id of an `add_targets` item".to_owned(),
            PropType::Container => {
                "a container of the task definition: its id, its name as a string, or an expression"
                    .to_owned()
            }
            PropType::Peer => {
                "the name of a connectable construct (`Lb.Listener` for a listener), or an expression yielding a `Peer`".to_owned()
            }
            PropType::Connections(form) => {
                let entry = match form {
                    ConnForm::PeerPort => "`[{ peer, port, description }]`",
                    ConnForm::Peer => "`[peer, { peer, description }]`",
                    ConnForm::Port => "`[port, { port, description }]`",
                    ConnForm::Unit => "`true` or `{ description }`",
                };
                format!("{entry}: {}", link(KindId::Connection))
            }
            PropType::ContainerRefs(id) => format!(
                "`[web, \"name\", {{ … }}]`: containers of the task definition by id or name, or {}; or an expression",
                link(id)
            ),
        }
    }
}

/// A markdown link to the section of kind `id`.
fn link(id: KindId) -> String {
    let k = kind(id);
    format!("[{}](#{})", k.noun, k.noun.replace(' ', "-"))
}

/// The reference of every kind and property, as `docs/reference.md` holds it (a test keeps the
/// file fresh) and the rustdoc of `ecs_app!` shows it.
///
/// ```
/// let reference = ecs_core::schema::reference_markdown();
/// assert!(reference.contains("| `memory_limit_mib` | `memoryLimitMiB` |"));
/// ```
pub fn reference_markdown() -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "# `ecs_app!` reference\n\n\
         Every item kind `ecs_app!` knows and every property of each, as the schema \
         (`ecs-core/src/schema.rs`) and the props declarations (`props!`) state them. \
         Generated: `cargo test --test reference` checks this file, \
         `REFERENCE=overwrite cargo test --test reference` rewrites it.\n\n\
         The CDK column names the CDK's property; a name written `method()` is a method the CDK \
         calls instead, where it has no property.\n",
    );
    for k in KINDS.iter().filter(|k| k.id != KindId::App) {
        let _ = write!(out, "\n## {}\n\n", k.noun);
        let (form, builder) = match k.build {
            Build::Construct(constructor, _) => (
                format!("`{} Id {{ … }}`", k.keyword),
                format!("`{constructor}`"),
            ),
            Build::Add(method, _) => (
                format!("`{} Id {{ … }}`", k.keyword),
                format!("`.{method}(…)` of its parent"),
            ),
            Build::AddRef(method, _) => (
                format!("`{} Name {{ … }}` naming a declared construct", k.keyword),
                format!("`.{method}(…)` of its parent"),
            ),
            Build::Object(ty) => ("a `{ … }` value".to_owned(), format!("`{ty}`")),
            Build::Special => (format!("`{} Id {{ … }}`", k.keyword), "—".to_owned()),
        };
        let _ = writeln!(
            out,
            "- written as {form}; CDK `{}`; builds {builder}",
            k.cdk
        );
        let parents: Vec<String> = KINDS
            .iter()
            .filter(|p| p.children.contains(&k.id))
            .map(|p| format!("`{}`", p.keyword))
            .collect();
        if !parents.is_empty() {
            let _ = writeln!(out, "- inside {}", parents.join(", "));
        }
        if !k.children.is_empty() {
            let children: Vec<String> = k
                .children
                .iter()
                .map(|c| format!("`{}`", kind(*c).keyword))
                .collect();
            let _ = writeln!(out, "- holds {}", children.join(", "));
        }
        if k.props.is_empty() {
            continue;
        }
        out.push_str("\n| property | CDK | value | required | default | what it does |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for p in k.props {
            let doc = p.doc.split("```").next().unwrap_or("").trim();
            let cdk = if p.method {
                format!("{}()", p.cdk)
            } else {
                p.cdk.to_owned()
            };
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {} | {} | {} |",
                p.name,
                cdk,
                p.ty.describe().replace('|', "\\|"),
                if p.required { "yes" } else { "" },
                p.default.unwrap_or(""),
                doc.replace('|', "\\|"),
            );
        }
    }
    out.push_str(
        "\n## the CDK's checks\n\n\
         Every check of the CDK's `aws-ecs` (aws-cdk-lib 2.276.0), by its id in the \
         specification's inventory, and how it is met here: a rule (a compile error on the \
         literal in `ecs_app!`, a builder error otherwise), a refusal of the builders, the types, \
         or not at all, with the reason (`ecs_core::ecs::cdk_checks::CDK_CHECKS`).\n\n\
         | CDK | refused when | here |\n|---|---|---|\n",
    );
    for c in crate::ecs::cdk_checks::CDK_CHECKS {
        use crate::ecs::cdk_checks::Enforcement;
        let here = match c.enforcement {
            Enforcement::Rule(id) => format!("rule {}", id.as_str()),
            Enforcement::Builder => "refused by the builders".to_owned(),
            Enforcement::Types(why) => format!("by the types: {why}"),
            Enforcement::NotApplicable(why) => format!("not applicable: {why}"),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            c.id,
            c.condition.replace('|', "\\|"),
            here.replace('|', "\\|")
        );
    }
    out.push_str(
        "\n## lints\n\n\
         Levels as Rust's: `#![allow(…)]`, `#![warn(…)]`, `#![deny(…)]` or `#![forbid(…)]` at the \
         top of the app or of a stack, `#[allow(lint, reason = \"…\")]` (or another level) before \
         a cluster, task definition, container or service. A lint is `allow` until raised; \
         `deny` and `forbid` are compile errors on the offending token, `warn` a compiler \
         warning; `forbid` cannot be lowered inside it. `#![policy(container = f)]` (or \
         `task_definition`, `service`, `cluster`) runs the `const fn f` over each such \
         construct while compiling. The builders judge values only known at run time at \
         synthesis (`App::set_lint_level`, `App::add_policy`) and write `lints.sarif`.\n\n\
         | lint | controls | groups | what it catches |\n|---|---|---|---|\n",
    );
    for l in crate::ecs::lints::LINTS {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            l.name,
            l.controls.join(", "),
            l.groups
                .iter()
                .map(|g| format!("`{g}`"))
                .collect::<Vec<_>>()
                .join(", "),
            l.doc.replace('|', "\\|"),
        );
    }
    out.push_str("\n| group | what it holds |\n|---|---|\n");
    for (g, doc) in crate::ecs::lints::GROUPS {
        let _ = writeln!(out, "| `{g}` | {doc} |");
    }
    out
}
