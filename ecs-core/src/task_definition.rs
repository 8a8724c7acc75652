//! Task definitions: `Ec2TaskDefinition`, `FargateTaskDefinition` (CDK `base/task-definition.ts`).

/// Where tasks of a task definition may run (CDK `Compatibility`).
///
/// ```
/// use ecs_core::task_definition::Compatibility;
/// assert!(Compatibility::Ec2AndFargate.is_ec2() && Compatibility::Ec2AndFargate.is_fargate());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compatibility {
    /// EC2 instances of the cluster.
    Ec2,
    /// AWS Fargate.
    Fargate,
    /// Both EC2 and Fargate.
    Ec2AndFargate,
    /// ECS Anywhere (external instances).
    External,
}

impl Compatibility {
    /// Whether tasks may run on EC2 capacity.
    pub const fn is_ec2(self) -> bool {
        matches!(self, Compatibility::Ec2 | Compatibility::Ec2AndFargate)
    }

    /// Whether tasks may run on Fargate.
    pub const fn is_fargate(self) -> bool {
        matches!(self, Compatibility::Fargate | Compatibility::Ec2AndFargate)
    }

    /// The values of `RequiresCompatibilities`.
    pub const fn requires(self) -> &'static [&'static str] {
        match self {
            Compatibility::Ec2 => &["EC2"],
            Compatibility::Fargate => &["FARGATE"],
            Compatibility::Ec2AndFargate => &["EC2", "FARGATE"],
            Compatibility::External => &["EXTERNAL"],
        }
    }

    /// The lowercase name used in messages.
    pub const fn lower_name(self) -> &'static str {
        match self {
            Compatibility::Ec2 => "ec2",
            Compatibility::Fargate => "fargate",
            Compatibility::Ec2AndFargate => "ec2 and fargate",
            Compatibility::External => "external",
        }
    }

    /// The `ecs_app!` keyword of the service kind that runs such a task definition.
    pub const fn service_keyword(self) -> &'static str {
        match self {
            Compatibility::Ec2 => "ec2_service",
            Compatibility::Fargate | Compatibility::Ec2AndFargate => "fargate_service",
            Compatibility::External => "external_service",
        }
    }
}

/// The Docker networking mode of a task's containers (CDK `NetworkMode`).
///
/// ```
/// use ecs_core::task_definition::NetworkMode;
/// assert_eq!(NetworkMode::AwsVpc.cfn_value(), Some("awsvpc"));
/// assert_eq!(NetworkMode::Nat.cfn_value(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NetworkMode {
    /// No external networking.
    None,
    /// Docker's bridge network.
    Bridge,
    /// An elastic network interface per task.
    AwsVpc,
    /// The host's network.
    Host,
    /// Windows NAT (rendered by omitting `NetworkMode`).
    Nat,
}

impl NetworkMode {
    /// The `NetworkMode` value, or `None` where the key is omitted.
    pub const fn cfn_value(self) -> Option<&'static str> {
        match self {
            NetworkMode::None => Some("none"),
            NetworkMode::Bridge => Some("bridge"),
            NetworkMode::AwsVpc => Some("awsvpc"),
            NetworkMode::Host => Some("host"),
            NetworkMode::Nat => None,
        }
    }

    /// The Rust variant name, as a user writes it in `ecs_app!`.
    pub const fn variant_name(self) -> &'static str {
        match self {
            NetworkMode::None => "None",
            NetworkMode::Bridge => "Bridge",
            NetworkMode::AwsVpc => "AwsVpc",
            NetworkMode::Host => "Host",
            NetworkMode::Nat => "Nat",
        }
    }

    /// Reads a variant name as written in `ecs_app!` (`AwsVpc`, `Bridge`, …).
    pub fn from_variant_name(name: &str) -> Option<NetworkMode> {
        [NetworkMode::None, NetworkMode::Bridge, NetworkMode::AwsVpc, NetworkMode::Host, NetworkMode::Nat]
            .into_iter()
            .find(|m| m.variant_name() == name)
    }
}
