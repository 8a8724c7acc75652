//! EC2 capacity: the auto-scaling group `add_capacity` builds, its launch template, instance
//! role and profile, and the drain hook that lets tasks stop before an instance terminates
//! (CDK `Cluster.addCapacity`, `InstanceDrainHook`).
//!
//! ```
//! let options = ecs_core::capacity::AddCapacityOptions::default()
//!     .instance_type("t2.xlarge")
//!     .desired_capacity(3);
//! assert_eq!(options.desired_capacity, Some(3));
//! ```

use crate::app::App;
use crate::cfn::{Element, Parameter, Pseudo, Resource, Value};
use crate::cluster::Cluster;
use crate::construct::NodeId;
use crate::ec2::SecurityGroup;
use crate::error::Error;
use crate::iam::{Role, Statement};

/// Options of [`Cluster::add_capacity`] (CDK `AddCapacityOptions`, the part this library
/// supports).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddCapacityOptions {
    /// The EC2 instance type, e.g. `t2.xlarge` (required).
    pub instance_type: Option<String>,
    /// `MinSize`; default 1.
    pub min_capacity: Option<u32>,
    /// `MaxSize`; default `desired_capacity`, else `max(min_capacity, 1)`.
    pub max_capacity: Option<u32>,
    /// `DesiredCapacity`; not set by default.
    pub desired_capacity: Option<u32>,
}

impl AddCapacityOptions {
    /// Sets `instance_type`.
    pub fn instance_type(mut self, t: impl Into<String>) -> Self {
        self.instance_type = Some(t.into());
        self
    }

    /// Sets `min_capacity`.
    pub fn min_capacity(mut self, n: u32) -> Self {
        self.min_capacity = Some(n);
        self
    }

    /// Sets `max_capacity`.
    pub fn max_capacity(mut self, n: u32) -> Self {
        self.max_capacity = Some(n);
        self
    }

    /// Sets `desired_capacity`.
    pub fn desired_capacity(mut self, n: u32) -> Self {
        self.desired_capacity = Some(n);
        self
    }
}

#[derive(Debug, Clone)]
pub(crate) struct AsgData {
    pub(crate) resource: NodeId,
}

/// An auto-scaling group construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutoScalingGroup {
    node: NodeId,
    index: usize,
}

/// The SSM parameter of the ECS-optimized Amazon Linux 2 AMI, the CDK's default image.
const ECS_AL2_AMI: &str = "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id";

/// How long the drain hook gives tasks to stop, in seconds (the CDK's default 5 minutes).
const DRAIN_SECONDS: u32 = 300;

impl AutoScalingGroup {
    pub(crate) fn for_cluster(
        app: &mut App,
        cluster: Cluster,
        id: &str,
        options: AddCapacityOptions,
    ) -> Result<AutoScalingGroup, Error> {
        let Some(instance_type) = options.instance_type.clone() else {
            return Err(Error::new(format!(
                "capacity `{id}` needs `instance_type`: add one, e.g. `instance_type: \"t3.medium\"`"
            )));
        };
        let min = options.min_capacity.unwrap_or(1);
        let max = options
            .max_capacity
            .unwrap_or(options.desired_capacity.unwrap_or(min.max(1)));
        let vpc = cluster.vpc(app);
        let subnets = vpc.private_subnets(app);
        let cluster_name = cluster.cluster_name(app);
        let cluster_arn = cluster.cluster_arn(app);
        let image = ssm_parameter(app, cluster.node(), ECS_AL2_AMI)?;

        let stack = app.stack_mut(cluster.node().stack());
        let node = stack.add_node(cluster.node(), id)?;
        let path = stack.path(node);
        stack.add_tag(node, "Name", &path);

        let sg = SecurityGroup::new(app, node, "InstanceSecurityGroup", vpc)?;
        // Load balancers reach bridge and host mode tasks through the instances' group.
        app.clusters[cluster.index()].connections.push(sg);
        let role = Role::new(app, node, "InstanceRole", "ec2.amazonaws.com")?;
        // What the ECS agent on the instance needs to register with this cluster and report.
        role.grant(
            app,
            Statement::allow([
                "ecs:DeregisterContainerInstance",
                "ecs:RegisterContainerInstance",
                "ecs:Submit*",
            ])
            .on([cluster_arn.clone()]),
        )?;
        role.grant(
            app,
            Statement::allow(["ecs:Poll", "ecs:StartTelemetrySession"])
                .on_any()
                .when("ArnEquals", "ecs:cluster", cluster_arn.clone()),
        )?;
        role.grant(
            app,
            Statement::allow([
                "ecs:DiscoverPollEndpoint",
                "ecr:GetAuthorizationToken",
                "logs:CreateLogStream",
                "logs:PutLogEvents",
            ])
            .on_any(),
        )?;

        let stack = app.stack_mut(node.stack());
        let profile = stack.add_resource(
            node,
            "InstanceProfile",
            Resource::new("AWS::IAM::InstanceProfile")
                .prop("Roles", Value::List(vec![role.name()])),
        )?;
        let template_scope = stack.add_node(node, "LaunchTemplate")?;
        let template_path = stack.path(template_scope);
        stack.add_tag(template_scope, "Name", &template_path);
        let user_data = Value::Base64(Box::new(Value::join(
            "",
            vec![
                "#!/bin/bash\necho ECS_CLUSTER=".into(),
                cluster_name.clone(),
                " >> /etc/ecs/ecs.config".into(),
            ],
        )));
        let template = stack.add_resource(
            template_scope,
            "Resource",
            Resource::new("AWS::EC2::LaunchTemplate").prop(
                "LaunchTemplateData",
                Value::map([
                    (
                        "IamInstanceProfile",
                        Value::map([("Arn", Value::GetAtt(profile, "Arn".into()))]),
                    ),
                    ("ImageId", Value::Ref(image)),
                    ("InstanceType", Value::from(instance_type)),
                    ("Monitoring", Value::map([("Enabled", Value::from(false))])),
                    ("SecurityGroupIds", Value::List(vec![sg.group_id()])),
                    ("UserData", user_data),
                ]),
            ),
        )?;
        // Instances must not boot before their role can register them with the cluster.
        stack.add_dependency(template, role.node());

        let mut group = Resource::new("AWS::AutoScaling::AutoScalingGroup")
            .prop_opt(
                "DesiredCapacity",
                options.desired_capacity.map(|d| d.to_string()),
            )
            .prop(
                "LaunchTemplate",
                Value::map([
                    ("LaunchTemplateId", Value::Ref(template)),
                    (
                        "Version",
                        Value::GetAtt(template, "LatestVersionNumber".into()),
                    ),
                ]),
            )
            .prop("MaxSize", max.to_string())
            .prop("MinSize", min.to_string())
            .prop("VPCZoneIdentifier", Value::List(subnets));
        group.update_policy = Some(Value::map([
            (
                "AutoScalingReplacingUpdate",
                Value::map([("WillReplace", Value::from(true))]),
            ),
            (
                "AutoScalingScheduledAction",
                Value::map([("IgnoreUnmodifiedGroupSizeProperties", Value::from(true))]),
            ),
        ]));
        let resource = stack.add_resource(node, "ASG", group)?;

        drain_hook(app, node, resource, cluster_name, cluster_arn)?;

        let index = app.asgs.len();
        app.asgs.push(AsgData { resource });
        Ok(AutoScalingGroup { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": asg}`: the group name.
    pub fn group_name(self, app: &App) -> Value {
        Value::Ref(app.asgs[self.index].resource)
    }
}

/// The stack-level CloudFormation parameter that resolves an SSM parameter holding an AMI id,
/// shared by every user in the stack (CDK `ssm.StringParameter.valueForTypedStringParameterV2`).
pub(crate) fn ssm_parameter(app: &mut App, scope: NodeId, path: &str) -> Result<NodeId, Error> {
    let stack = app.stack_mut(scope.stack());
    let root = stack.root();
    let id = format!("SsmParameterValue:{path}:C96584B6-F00A-464E-AD19-53AFF4B05118.Parameter");
    if let Some(existing) = stack.child(root, &id) {
        return Ok(existing);
    }
    stack.add_element(
        root,
        &id,
        Element::Parameter(Parameter {
            kind: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>".into(),
            default: Some(path.into()),
            description: None,
        }),
    )
}

/// Our drain-hook handler (Python, inlined as `Code.ZipFile`).
const DRAIN_HOOK_SOURCE: &str = include_str!("../assets/drain-hook/index.py");

/// The Lambda, SNS topic and lifecycle hook that drain an instance's tasks before the group
/// terminates it (CDK `InstanceDrainHook`).
fn drain_hook(
    app: &mut App,
    asg_scope: NodeId,
    asg: NodeId,
    cluster_name: Value,
    cluster_arn: Value,
) -> Result<(), Error> {
    let stack = app.stack_mut(asg_scope.stack());
    let hook_scope = stack.add_node(asg_scope, "DrainECSHook")?;
    let function_scope = stack.add_node(hook_scope, "Function")?;
    let role = Role::with_managed_policies(
        app,
        function_scope,
        "ServiceRole",
        "lambda.amazonaws.com",
        vec![Value::join(
            "",
            vec![
                "arn:".into(),
                Pseudo::Partition.into(),
                ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole".into(),
            ],
        )],
    )?;
    let stack = app.stack_mut(asg_scope.stack());
    let function = stack.add_resource(
        function_scope,
        "Resource",
        Resource::new("AWS::Lambda::Function")
            .prop(
                "Code",
                Value::map([("ZipFile", Value::from(DRAIN_HOOK_SOURCE))]),
            )
            .prop(
                "Environment",
                Value::map([("Variables", Value::map([("CLUSTER", cluster_name)]))]),
            )
            .prop("Handler", "index.lambda_handler")
            .prop("Role", role.arn())
            .prop("Runtime", "python3.13")
            .prop("Timeout", (DRAIN_SECONDS + 10).min(900)),
    )?;
    stack.add_dependency(function, role.node());
    let function_arn = Value::GetAtt(function, "Arn".into());

    // The recommended flag `useCdkManagedLogGroup` gives the function a retained log group.
    let log_scope = stack.add_node(function_scope, "LogGroup")?;
    let mut log_group = Resource::new("AWS::Logs::LogGroup")
        .prop(
            "LogGroupName",
            Value::join("", vec!["/aws/lambda/".into(), Value::Ref(function)]),
        )
        .prop("RetentionInDays", 731u32);
    log_group.removal_policy = Some("Retain");
    stack.add_resource(log_scope, "Resource", log_group)?;

    let lifecycle_scope = stack.add_node(asg_scope, "LifecycleHookDrainHook")?;
    let topic_scope = stack.add_node(lifecycle_scope, "Topic")?;
    let topic = stack.add_resource(topic_scope, "Resource", Resource::new("AWS::SNS::Topic"))?;
    let topic_uid = stack.unique_id(topic_scope);
    stack.add_resource(
        function_scope,
        &format!("AllowInvoke:{topic_uid}"),
        Resource::new("AWS::Lambda::Permission")
            .prop("Action", "lambda:InvokeFunction")
            .prop("FunctionName", function_arn.clone())
            .prop("Principal", "sns.amazonaws.com")
            .prop("SourceArn", Value::Ref(topic)),
    )?;
    let subscription = stack.add_node(function_scope, "Topic")?;
    stack.add_resource(
        subscription,
        "Resource",
        Resource::new("AWS::SNS::Subscription")
            .prop("Endpoint", function_arn)
            .prop("Protocol", "lambda")
            .prop("TopicArn", Value::Ref(topic)),
    )?;

    // The handler's rights: find the instance, drain it, watch its tasks, finish the hook.
    let cluster_condition = |s: Statement| s.when("ArnEquals", "ecs:cluster", cluster_arn.clone());
    let statements = [
        Statement::allow([
            "ec2:DescribeInstances",
            "ec2:DescribeInstanceAttribute",
            "ec2:DescribeInstanceStatus",
            "ec2:DescribeHosts",
        ])
        .on_any(),
        Statement::allow(["autoscaling:CompleteLifecycleAction"]).on([Value::arn(
            "autoscaling",
            true,
            true,
            vec![
                "autoScalingGroup:*:autoScalingGroupName/".into(),
                Value::Ref(asg),
            ],
        )]),
        cluster_condition(
            Statement::allow(["ecs:DescribeContainerInstances", "ecs:DescribeTasks"]).on_any(),
        ),
        Statement::allow([
            "ecs:ListContainerInstances",
            "ecs:SubmitContainerStateChange",
            "ecs:SubmitTaskStateChange",
        ])
        .on([cluster_arn.clone()]),
        cluster_condition(
            Statement::allow(["ecs:UpdateContainerInstancesState", "ecs:ListTasks"]).on_any(),
        ),
    ];
    for s in statements {
        role.grant(app, s)?;
    }

    let hook_role = Role::new(app, lifecycle_scope, "Role", "autoscaling.amazonaws.com")?;
    hook_role.grant(
        app,
        Statement::allow(["sns:Publish"]).on([Value::Ref(topic)]),
    )?;
    let stack = app.stack_mut(asg_scope.stack());
    let hook = stack.add_resource(
        lifecycle_scope,
        "Resource",
        Resource::new("AWS::AutoScaling::LifecycleHook")
            .prop("AutoScalingGroupName", Value::Ref(asg))
            .prop("DefaultResult", "CONTINUE")
            .prop("HeartbeatTimeout", DRAIN_SECONDS)
            .prop(
                "LifecycleTransition",
                "autoscaling:EC2_INSTANCE_TERMINATING",
            )
            .prop("NotificationTargetARN", Value::Ref(topic))
            .prop("RoleARN", hook_role.arn()),
    )?;
    stack.add_dependency(hook, hook_role.node());
    Ok(())
}
