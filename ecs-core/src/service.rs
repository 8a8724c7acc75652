//! Services: `Ec2Service`, `FargateService` (CDK `base/base-service.ts`).

/// How a service launches its tasks (CloudFormation `LaunchType`).
///
/// ```
/// assert_eq!(ecs_core::service::LaunchType::Fargate.cfn_value(), "FARGATE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaunchType {
    /// On the cluster's EC2 instances.
    Ec2,
    /// On AWS Fargate.
    Fargate,
    /// On ECS Anywhere instances.
    External,
}

impl LaunchType {
    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "EC2",
            LaunchType::Fargate => "FARGATE",
            LaunchType::External => "EXTERNAL",
        }
    }

    /// The lowercase name used in messages.
    pub const fn lower_name(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "ec2",
            LaunchType::Fargate => "fargate",
            LaunchType::External => "external",
        }
    }

    /// The `ecs_app!` keyword of the task definition kind this launch type runs.
    pub const fn task_definition_keyword(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "ec2_task_definition",
            LaunchType::Fargate => "fargate_task_definition",
            LaunchType::External => "external_task_definition",
        }
    }
}
