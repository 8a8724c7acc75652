//! EC2 capacity: auto-scaling groups of ECS instances, built by `add_capacity` or by the user
//! and added with `add_auto_scaling_group`, with their launch template, instance role and
//! profile, and the drain hook that lets tasks stop before an instance terminates (CDK
//! `Cluster.addCapacity`, `addAutoScalingGroup`, `autoscaling.AutoScalingGroup`,
//! `InstanceDrainHook`).
//!
//! ```
//! let options = ecs_core::ecs::capacity::AddCapacityOptions::default()
//!     .instance_type("t2.xlarge")
//!     .desired_capacity(3);
//! assert_eq!(options.group.desired_capacity, Some(3));
//! ```

use crate::autoscaling::{AsgData, AutoScalingGroup, group_props};
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::machine_image::{InstanceArchitecture, MachineImage, MachineImageType};
use crate::ecs::cluster::Cluster;
use crate::ecs::facts::{CapacityFacts, Fact, refused};
use crate::error::Error;
use crate::iam::{Role, Statement};
use crate::kms::Key;

props! {
    /// Options of [`Cluster::add_auto_scaling_group`] and of capacity providers (CDK
    /// `AddAutoScalingGroupCapacityOptions`).
    ///
    /// ```
    /// let o = ecs_core::ecs::capacity::AddAutoScalingGroupCapacityOptions::default().task_drain_time(0);
    /// assert_eq!(o.task_drain_time, Some(0));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AddAutoScalingGroupCapacityOptions {
        /// How the instances' user data joins them to the cluster; by default what the group's
        /// image needs (Bottlerocket for a Bottlerocket image, else Amazon Linux 2).
        [opt "machineImageType", .ty(Enum(&crate::ec2::machine_image::MachineImageType::DEF)), .default("from the group's image, else `AmazonLinux2`")]
        machine_image_type: MachineImageType,
        /// Lets the ECS agent drain spot instances on interruption notices (needs `spot_price`).
        [val "spotInstanceDraining", .default("false")]
        spot_instance_draining: bool,
        /// Seconds the drain hook gives tasks to stop before termination; 300 by default, 0
        /// removes the hook.
        [opt "taskDrainTime", .default("300")]
        task_drain_time: u32,
        /// Encrypts the drain hook's SNS topic with this key.
        [opt "topicEncryptionKey", .ty(Ref(RefClass::Key))]
        topic_encryption_key: Key,
    }
}

group_props! {
    /// Options of [`Cluster::add_capacity`] (CDK `AddCapacityOptions`, the part this library
    /// supports): the group's properties and how the cluster configures it.
    ///
    /// ```
    /// use ecs_core::ec2::machine_image::MachineImageType;
    /// let o = ecs_core::ecs::capacity::AddCapacityOptions::default()
    ///     .instance_type("c5.large")
    ///     .machine_image_type(MachineImageType::Bottlerocket);
    /// assert_eq!(o.cluster.machine_image_type, Some(MachineImageType::Bottlerocket));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AddCapacityOptions [
        hidden
        /// How the cluster configures the group.
        pub cluster: AddAutoScalingGroupCapacityOptions,
    ] {
        /// How the instances' user data joins them to the cluster; give it or `machine_image`, not
        /// both (rule C1).
        [opt "machineImageType" in cluster, .ty(Enum(&crate::ec2::machine_image::MachineImageType::DEF)), .default("from `machine_image`, else `AmazonLinux2`")]
        machine_image_type: MachineImageType,
        /// Lets the ECS agent drain spot instances when they get an interruption notice; needs
        /// `spot_price` (rule C1).
        [val "spotInstanceDraining" in cluster, .default("false")]
        spot_instance_draining: bool,
        /// Seconds the drain hook gives tasks to stop before an instance terminates; 0 removes the
        /// hook.
        [opt "taskDrainTime" in cluster, .default("300")]
        task_drain_time: u32,
        /// The KMS key that encrypts the drain hook's SNS topic.
        [opt "topicEncryptionKey" in cluster, .ty(Ref(RefClass::Key))]
        topic_encryption_key: Key,
    }
}

/// How long the drain hook gives tasks to stop, in seconds (the CDK's default 5 minutes).
const DRAIN_SECONDS: u32 = 300;

// How a cluster builds and configures groups (CDK `Cluster.addCapacity`,
// `configureAutoScalingGroup`).
impl AutoScalingGroup {
    /// The group `add_capacity` builds under the cluster, configured for it.
    pub(crate) fn for_cluster(
        app: &mut App,
        cluster: Cluster,
        id: &str,
        options: AddCapacityOptions,
    ) -> Result<AutoScalingGroup, Error> {
        let AddCapacityOptions {
            mut group,
            cluster: mut cluster_options,
        } = options;
        // The sizes are judged as the group is built, after its instance type.
        let mut facts = CapacityFacts::new(id, ());
        facts.machine_image = Fact::written(group.machine_image.is_some(), ());
        facts.machine_image_type = Fact::written(cluster_options.machine_image_type.is_some(), ());
        facts.spot_price = Fact::written(group.spot_price.is_some(), ());
        facts.spot_instance_draining = Fact::Known(cluster_options.spot_instance_draining, ());
        refused(facts.violations())?;
        if group.machine_image.is_none()
            && cluster_options.machine_image_type == Some(MachineImageType::Bottlerocket)
        {
            // The CDK follows the instance type's processors for Bottlerocket.
            let architecture = InstanceArchitecture::of_instance_type(
                group.instance_type.as_deref().unwrap_or(""),
            );
            group.machine_image = Some(MachineImage::Bottlerocket {
                variant: Default::default(),
                architecture,
                lookup: Default::default(),
            });
        }
        let vpc = cluster.vpc(app)?;
        let asg = AutoScalingGroup::new_in(app, cluster.node(), id, vpc, group, true)?;
        if cluster_options.machine_image_type.is_none() {
            cluster_options.machine_image_type = Some(app.all::<AsgData>()[asg.index].image_type);
        }
        asg.configure(app, cluster, cluster_options)?;
        Ok(asg)
    }

    /// Joins the group's instances to `cluster`: user data, the agent's rights, the drain hook
    /// (CDK `Cluster.configureAutoScalingGroup`). The group's security group is not added to
    /// the cluster's connections here: the CDK adds it for `addCapacity` and
    /// `addAutoScalingGroup` only, not for `addAsgCapacityProvider`.
    pub(crate) fn configure(
        self,
        app: &mut App,
        cluster: Cluster,
        options: AddAutoScalingGroupCapacityOptions,
    ) -> Result<(), Error> {
        let data = &app.all::<AsgData>()[self.index];
        let mut facts = CapacityFacts::new(&data.id, ());
        facts.spot_price = Fact::written(data.spot, ());
        facts.spot_instance_draining = Fact::Known(options.spot_instance_draining, ());
        refused(facts.violations())?;
        let role = data.role;
        let windows = data.windows;
        let spot = data.spot;
        let image_type = data.image_type;
        let cluster_name = cluster.cluster_name(app);
        let cluster_arn = cluster.cluster_arn(app);
        if windows {
            // CDK `Cluster.configureWindowsAutoScalingGroup`.
            let mut lines: Vec<Value> = vec![
                "Remove-Item -Recurse C:\\ProgramData\\Amazon\\ECS\\Cache".into(),
                "Import-Module ECSTools".into(),
                Value::join(
                    "",
                    vec![
                        "[Environment]::SetEnvironmentVariable(\"ECS_CLUSTER\", \"".into(),
                        cluster_name.clone(),
                        "\", \"Machine\")".into(),
                    ],
                ),
                "[Environment]::SetEnvironmentVariable(\"ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE\", \"true\", \"Machine\")".into(),
                "[Environment]::SetEnvironmentVariable(\"ECS_AVAILABLE_LOGGING_DRIVERS\", '[\"json-file\",\"awslogs\"]', \"Machine\")".into(),
            ];
            if spot && options.spot_instance_draining {
                lines.push("[Environment]::SetEnvironmentVariable(\"ECS_ENABLE_SPOT_INSTANCE_DRAINING\", \"true\", \"Machine\")".into());
            }
            lines.push(Value::join(
                "",
                vec![
                    "Initialize-ECSAgent -Cluster '".into(),
                    cluster_name.clone(),
                    "'".into(),
                ],
            ));
            self.add_user_data(app, lines);
        }
        match options.machine_image_type.unwrap_or(image_type) {
            _ if windows => {}
            MachineImageType::Bottlerocket => {
                self.add_user_data(
                    app,
                    vec![
                        "[settings.ecs]".into(),
                        Value::join(
                            "",
                            vec!["cluster = \"".into(), cluster_name.clone(), "\"".into()],
                        ),
                    ],
                );
                role.add_managed_policy(
                    app,
                    Role::aws_managed_policy("AmazonSSMManagedInstanceCore"),
                );
                role.add_managed_policy(
                    app,
                    Role::aws_managed_policy("service-role/AmazonEC2ContainerServiceforEC2Role"),
                );
            }
            MachineImageType::AmazonLinux2 => {
                let mut lines = vec![Value::join(
                    "",
                    vec![
                        "echo ECS_CLUSTER=".into(),
                        cluster_name.clone(),
                        " >> /etc/ecs/ecs.config".into(),
                    ],
                )];
                if options.spot_instance_draining {
                    lines.push(
                        "echo ECS_ENABLE_SPOT_INSTANCE_DRAINING=true >> /etc/ecs/ecs.config".into(),
                    );
                }
                self.add_user_data(app, lines);
            }
        }
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
        let drain = options.task_drain_time.unwrap_or(DRAIN_SECONDS);
        if drain != 0 {
            let asg = app.all::<AsgData>()[self.index].resource;
            drain_hook(
                app,
                self.node,
                asg,
                cluster_name,
                cluster_arn,
                drain,
                options.topic_encryption_key,
            )?;
        }
        Ok(())
    }
}

/// Our drain-hook handler (Python, inlined as `Code.ZipFile`).
const DRAIN_HOOK_SOURCE: &str = include_str!("../../assets/drain-hook/index.py");

/// The Lambda, SNS topic and lifecycle hook that drain an instance's tasks before the group
/// terminates it (CDK `InstanceDrainHook`).
fn drain_hook(
    app: &mut App,
    asg_scope: NodeId,
    asg: NodeId,
    cluster_name: Value,
    cluster_arn: Value,
    drain_seconds: u32,
    topic_key: Option<Key>,
) -> Result<(), Error> {
    let stack = app.stack_mut(asg_scope.stack());
    let hook_scope = stack.add_node(asg_scope, "DrainECSHook")?;
    let function_scope = stack.add_node(hook_scope, "Function")?;
    let role = Role::with_managed_policies(
        app,
        function_scope,
        "ServiceRole",
        "lambda.amazonaws.com",
        vec![Role::aws_managed_policy(
            "service-role/AWSLambdaBasicExecutionRole",
        )],
    )?;
    let role_arn = role.arn(app);
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
            .prop("Role", role_arn)
            .prop("Runtime", "python3.13")
            // Saturating is exact here: anything past 890 seconds gives 900.
            .prop("Timeout", drain_seconds.saturating_add(10).min(900)),
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
    let topic = stack.add_resource(
        topic_scope,
        "Resource",
        Resource::new("AWS::SNS::Topic").prop_opt("KmsMasterKeyId", topic_key.map(|k| k.key_arn())),
    )?;
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
    // Publishing to an encrypted topic needs the key too; the CDK grants it twice, around
    // `sns:Publish`, and the statements merge.
    if let Some(key) = topic_key {
        hook_role.grant(
            app,
            Statement::allow(["kms:Decrypt", "kms:GenerateDataKey"]).on([key.key_arn()]),
        )?;
    }
    hook_role.grant(
        app,
        Statement::allow(["sns:Publish"]).on([Value::Ref(topic)]),
    )?;
    if let Some(key) = topic_key {
        hook_role.grant(
            app,
            Statement::allow(["kms:Decrypt", "kms:GenerateDataKey*"]).on([key.key_arn()]),
        )?;
    }
    let hook_role_arn = hook_role.arn(app);
    let stack = app.stack_mut(asg_scope.stack());
    let hook = stack.add_resource(
        lifecycle_scope,
        "Resource",
        Resource::new("AWS::AutoScaling::LifecycleHook")
            .prop("AutoScalingGroupName", Value::Ref(asg))
            .prop("DefaultResult", "CONTINUE")
            .prop("HeartbeatTimeout", drain_seconds)
            .prop(
                "LifecycleTransition",
                "autoscaling:EC2_INSTANCE_TERMINATING",
            )
            .prop("NotificationTargetARN", Value::Ref(topic))
            .prop("RoleARN", hook_role_arn),
    )?;
    stack.add_dependency(hook, hook_role.node());
    Ok(())
}
