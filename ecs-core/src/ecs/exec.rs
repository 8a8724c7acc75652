//! ECS Exec: a cluster's `execute_command_configuration` and the grants a service with
//! `enable_execute_command` gives its task role (CDK `ExecuteCommandConfiguration`,
//! `BaseService.enableExecuteCommand`), under the recommended flag
//! `@aws-cdk/aws-ecs:reduceEc2FargateCloudWatchPermissions`.
//!
//! ```
//! use ecs_core::ecs::exec::{ExecuteCommandConfiguration, ExecuteCommandLogging};
//! let config = ExecuteCommandConfiguration::default().logging(ExecuteCommandLogging::Override);
//! // OVERRIDE needs a log configuration (rule G1).
//! assert!(config.check("Cluster").is_err());
//! ```

use crate::cfn::{Pseudo, Value};
use crate::construct::app::App;
use crate::ecs::facts::{ExecFacts, Fact, refused};
use crate::error::Error;
use crate::iam::{Role, Statement};
use crate::kms::Key;
use crate::logs::LogGroup;
use crate::s3::Bucket;

/// Where ECS Exec sends the output of commands (CloudFormation `Logging`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ExecuteCommandLogging {
    /// Nowhere.
    None,
    /// The awslogs configuration of the task definition (the default).
    #[default]
    Default,
    /// The destinations of `log_configuration`.
    Override,
}

impl ExecuteCommandLogging {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["None", "Default", "Override"];

    /// Reads a variant name as written in `ecs_app!` (`None`, `Default`, `Override`).
    ///
    /// ```
    /// use ecs_core::ecs::exec::ExecuteCommandLogging;
    /// assert_eq!(ExecuteCommandLogging::from_variant_name("Override"), Some(ExecuteCommandLogging::Override));
    /// ```
    pub fn from_variant_name(name: &str) -> Option<ExecuteCommandLogging> {
        let all = [
            ExecuteCommandLogging::None,
            ExecuteCommandLogging::Default,
            ExecuteCommandLogging::Override,
        ];
        Self::VARIANT_NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| all[i])
    }

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            ExecuteCommandLogging::None => "NONE",
            ExecuteCommandLogging::Default => "DEFAULT",
            ExecuteCommandLogging::Override => "OVERRIDE",
        }
    }
}

props! {
    /// The destinations of `OVERRIDE` logging (CDK `ExecuteCommandLogConfiguration`).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ExecuteCommandLogConfiguration {
        /// A CloudWatch Logs group.
        [opt "cloudWatchLogGroup", .ty(Ref(RefClass::LogGroup))]
        cloud_watch_log_group: LogGroup,
        /// Whether that group is encrypted (it needs the group).
        [opt "cloudWatchEncryptionEnabled"]
        cloud_watch_encryption_enabled: bool,
        /// An S3 bucket.
        [opt "s3Bucket", .ty(Ref(RefClass::Bucket))]
        s3_bucket: Bucket,
        /// Whether that bucket is encrypted (it needs the bucket).
        [opt "s3EncryptionEnabled"]
        s3_encryption_enabled: bool,
        /// The key prefix in the bucket.
        [into "s3KeyPrefix"]
        s3_key_prefix: String,
    }
}

props! {
    /// A cluster's ECS Exec settings (CDK `ExecuteCommandConfiguration`).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ExecuteCommandConfiguration {
        /// The key that encrypts the session data.
        [opt "kmsKey", .ty(Ref(RefClass::Key))]
        kms_key: Key,
        /// Where command output goes; default `Default`.
        [opt "logging", .ty(Enum(&crate::ecs::exec::ExecuteCommandLogging::DEF)), .default("`Default`")]
        logging: ExecuteCommandLogging,
        /// The destinations, with `Override` only.
        [opt "logConfiguration", .ty(Object(KindId::ExecLogConfig))]
        log_configuration: ExecuteCommandLogConfiguration,
    }
}

impl ExecuteCommandConfiguration {
    /// Rule G1 on the configuration of cluster `cluster`.
    ///
    /// # Errors
    ///
    /// When the logging settings do not fit together (rule G1).
    pub fn check(&self, cluster: &str) -> Result<(), Error> {
        let mut facts = ExecFacts::new(cluster, ());
        facts.logging = Fact::given(self.logging, ());
        facts.log_configuration = Fact::written(self.log_configuration.is_some(), ());
        if let Some(c) = &self.log_configuration {
            facts.cloud_watch_encryption_enabled =
                Fact::given(c.cloud_watch_encryption_enabled, ());
            facts.cloud_watch_log_group = Fact::written(c.cloud_watch_log_group.is_some(), ());
            facts.s3_encryption_enabled = Fact::given(c.s3_encryption_enabled, ());
            facts.s3_bucket = Fact::written(c.s3_bucket.is_some(), ());
        }
        refused(facts.violations())
    }

    /// `Configuration.ExecuteCommandConfiguration` of the cluster.
    pub(crate) fn render(&self) -> Value {
        let mut m = Vec::new();
        if let Some(key) = self.kms_key {
            m.push(("KmsKeyId", key.key_arn()));
        }
        if let Some(c) = &self.log_configuration {
            let mut l = Vec::new();
            if let Some(on) = c.cloud_watch_encryption_enabled {
                l.push(("CloudWatchEncryptionEnabled", Value::from(on)));
            }
            if let Some(g) = c.cloud_watch_log_group {
                l.push(("CloudWatchLogGroupName", g.log_group_name()));
            }
            if let Some(b) = c.s3_bucket {
                l.push(("S3BucketName", b.bucket_name()));
            }
            if let Some(on) = c.s3_encryption_enabled {
                l.push(("S3EncryptionEnabled", Value::from(on)));
            }
            if let Some(p) = &c.s3_key_prefix {
                l.push(("S3KeyPrefix", Value::from(p.clone())));
            }
            m.push(("LogConfiguration", Value::map(l)));
        }
        if let Some(logging) = self.logging {
            m.push(("Logging", Value::from(logging.cfn_value())));
        }
        Value::map(m)
    }
}

/// What a service with ECS Exec enabled grants its task role, and what it adds to the key's
/// policy, in the CDK's order.
pub(crate) fn enable(
    app: &mut App,
    task_role: Role,
    config: Option<&ExecuteCommandConfiguration>,
) -> Result<(), Error> {
    task_role.grant(
        app,
        Statement::allow([
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel",
        ])
        .on_any(),
    )?;
    let logging = config.and_then(|c| c.logging).unwrap_or_default();
    let log_config = config.and_then(|c| c.log_configuration.as_ref());
    if let Some(key) = config.and_then(|c| c.kms_key) {
        task_role.grant(
            app,
            Statement::allow(["kms:Decrypt", "kms:GenerateDataKey"]).on([key.key_arn()]),
        )?;
        key.allow_account_root(app)?;
        if logging == ExecuteCommandLogging::Default
            || log_config.and_then(|c| c.cloud_watch_encryption_enabled) == Some(true)
        {
            // CloudWatch Logs encrypts the session logs with the key, so the service may use it.
            let mut s = Statement::allow([
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:Describe*",
            ])
            .on_any()
            .when(
                "ArnLike",
                "kms:EncryptionContext:aws:logs:arn",
                Value::arn("logs", true, true, vec!["*".into()]),
            );
            s.principal = Some(Value::map([(
                "Service",
                Value::join(
                    "",
                    vec![
                        "logs.".into(),
                        Pseudo::Region.into(),
                        ".amazonaws.com".into(),
                    ],
                ),
            )]));
            key.add_to_resource_policy(app, s)?;
        }
    }
    if logging == ExecuteCommandLogging::None {
        return Ok(());
    }
    // With `reduceEc2FargateCloudWatchPermissions`, logs rights only for a named group.
    if let Some(group) = log_config.and_then(|c| c.cloud_watch_log_group) {
        task_role.grant(app, Statement::allow(["logs:DescribeLogGroups"]).on_any())?;
        let arn = Value::arn(
            "logs",
            true,
            true,
            vec!["log-group:".into(), group.log_group_name(), ":*".into()],
        );
        task_role.grant(
            app,
            Statement::allow([
                "logs:CreateLogStream",
                "logs:DescribeLogStreams",
                "logs:PutLogEvents",
            ])
            .on([arn]),
        )?;
    }
    if let Some(c) = log_config
        && let Some(bucket) = c.s3_bucket
    {
        task_role.grant(app, Statement::allow(["s3:GetBucketLocation"]).on_any())?;
        let objects = bucket.arn_for_object("*");
        task_role.grant(app, Statement::allow(["s3:PutObject"]).on([objects]))?;
        if c.s3_encryption_enabled == Some(true) {
            let arn = bucket.bucket_arn();
            task_role.grant(
                app,
                Statement::allow(["s3:GetEncryptionConfiguration"]).on([arn]),
            )?;
        }
    }
    Ok(())
}

impl ExecuteCommandLogging {
    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "exec", "ExecuteCommandLogging"],
        variants: Self::VARIANT_NAMES,
    };
}
