//! What a container reads at start: secrets (CDK `ecs.Secret`) and environment files (CDK
//! `EnvironmentFile`). Each secret grants the task's execution role read access, as the CDK
//! does; environment files grant nothing (reference §1.11).
//!
//! ```
//! use ecs_core::{App, ecs::secret::Secret, secretsmanager};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let db = secretsmanager::Secret::new(&mut app, s, "Db", Default::default()).unwrap();
//! let field = Secret::from_secrets_manager_field(db, "password");
//! assert!(field.is_json_field());
//! ```

use std::path::PathBuf;

use crate::cfn::Value;
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::iam::Role;
use crate::s3::Bucket;
use crate::secretsmanager;
use crate::ssm::StringParameter;

/// A secret exposed to a container as an environment variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Secret {
    /// A Secrets Manager secret: the whole value, or one field of its JSON, at a version.
    SecretsManager {
        /// The secret.
        secret: secretsmanager::Secret,
        /// A JSON key of the value.
        field: Option<String>,
        /// A version stage, e.g. `AWSPREVIOUS`.
        version_stage: Option<String>,
        /// A version id.
        version_id: Option<String>,
    },
    /// An SSM parameter.
    SsmParameter {
        /// The parameter.
        parameter: StringParameter,
    },
}

impl Secret {
    /// The whole value of a Secrets Manager secret (CDK `Secret.fromSecretsManager(secret)`).
    pub fn from_secrets_manager(secret: secretsmanager::Secret) -> Secret {
        Secret::SecretsManager {
            secret,
            field: None,
            version_stage: None,
            version_id: None,
        }
    }

    /// One field of a JSON secret (CDK `Secret.fromSecretsManager(secret, field)`); on Fargate
    /// this needs platform version 1.4.0 (rule F6).
    pub fn from_secrets_manager_field(
        secret: secretsmanager::Secret,
        field: impl Into<String>,
    ) -> Secret {
        Secret::SecretsManager {
            secret,
            field: Some(field.into()),
            version_stage: None,
            version_id: None,
        }
    }

    /// A version of a secret, optionally one field (CDK `Secret.fromSecretsManagerVersion`).
    pub fn from_secrets_manager_version(
        secret: secretsmanager::Secret,
        version_stage: Option<&str>,
        version_id: Option<&str>,
        field: Option<&str>,
    ) -> Secret {
        Secret::SecretsManager {
            secret,
            field: field.map(String::from),
            version_stage: version_stage.map(String::from),
            version_id: version_id.map(String::from),
        }
    }

    /// A version of a secret given as the CDK gives it (CDK
    /// `Secret.fromSecretsManagerVersion(secret, versionInfo, field)`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::secret::SecretVersionInfo;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let db = ecs_core::secretsmanager::Secret::from_secret_name_v2(&mut app, s, "Db", "db")?;
    /// let v = Secret::from_secrets_manager_version_info(db,
    ///     SecretVersionInfo::default().version_stage("AWSPREVIOUS"), None);
    /// assert!(!v.is_json_field());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub fn from_secrets_manager_version_info(
        secret: secretsmanager::Secret,
        version_info: SecretVersionInfo,
        field: Option<&str>,
    ) -> Secret {
        Secret::SecretsManager {
            secret,
            field: field.map(String::from),
            version_stage: version_info.version_stage,
            version_id: version_info.version_id,
        }
    }

    /// An SSM parameter (CDK `Secret.fromSsmParameter`).
    pub fn from_ssm_parameter(parameter: StringParameter) -> Secret {
        Secret::SsmParameter { parameter }
    }

    /// Whether the value is read from a JSON field (its `ValueFrom` ends in `::`), which
    /// Fargate supports from platform version 1.4.0.
    pub fn is_json_field(&self) -> bool {
        matches!(self, Secret::SecretsManager { field: Some(_), .. })
    }

    /// `ValueFrom`.
    pub(crate) fn value_from(&self) -> Value {
        match self {
            Secret::SecretsManager {
                secret,
                field: None,
                version_stage: None,
                version_id: None,
            } => secret.secret_arn(),
            Secret::SecretsManager {
                secret,
                field,
                version_stage,
                version_id,
            } => {
                let suffix = if version_stage.is_none() && version_id.is_none() {
                    format!(":{}::", field.as_deref().unwrap_or(""))
                } else {
                    format!(
                        ":{}:{}:{}",
                        field.as_deref().unwrap_or(""),
                        version_stage.as_deref().unwrap_or(""),
                        version_id.as_deref().unwrap_or("")
                    )
                };
                Value::join("", vec![secret.secret_arn(), suffix.into()])
            }
            Secret::SsmParameter { parameter } => parameter.parameter_arn(),
        }
    }

    /// Lets `role` read the secret.
    pub(crate) fn grant_read(&self, app: &mut App, role: Role) -> Result<(), Error> {
        match self {
            Secret::SecretsManager { secret, .. } => secret.grant_read(app, role),
            Secret::SsmParameter { parameter } => parameter.grant_read(app, role),
        }
    }
}

/// A file of environment variables in S3, read when the container starts (CDK
/// `EnvironmentFile`); on Fargate this needs platform version 1.4.0 (rule F6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvironmentFile {
    /// A local file uploaded as an asset (CDK `EnvironmentFile.fromAsset`).
    Asset {
        /// The file.
        path: PathBuf,
    },
    /// An object of a bucket (CDK `EnvironmentFile.fromBucket`).
    Bucket {
        /// The bucket.
        bucket: Bucket,
        /// The object key.
        key: String,
    },
}

impl EnvironmentFile {
    /// A local file, staged and uploaded as an asset.
    pub fn from_asset(path: impl Into<PathBuf>) -> EnvironmentFile {
        EnvironmentFile::Asset { path: path.into() }
    }

    /// An object `key` of `bucket`.
    pub fn from_bucket(bucket: Bucket, key: impl Into<String>) -> EnvironmentFile {
        EnvironmentFile::Bucket {
            bucket,
            key: key.into(),
        }
    }

    /// `{Type: "s3", Value: <object ARN>}`, staging an asset file under `container`.
    pub(crate) fn bind(&self, app: &mut App, container: NodeId) -> Result<Value, Error> {
        let arn = match self {
            EnvironmentFile::Asset { path } => {
                crate::ecr_assets::file_asset_object_arn(app, container, "EnvironmentFile", path)?
            }
            EnvironmentFile::Bucket { bucket, key } => bucket.arn_for_object(key),
        };
        Ok(Value::map([("Type", Value::from("s3")), ("Value", arn)]))
    }
}

/// Which version of a Secrets Manager secret a container reads (CDK `SecretVersionInfo`).
///
/// ```
/// let v = ecs_core::ecs::secret::SecretVersionInfo::default().version_id("v-123");
/// assert_eq!(v.version_id.as_deref(), Some("v-123"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SecretVersionInfo {
    /// The version's id.
    pub version_id: Option<String>,
    /// The version's stage, e.g. `AWSPREVIOUS`.
    pub version_stage: Option<String>,
}

impl SecretVersionInfo {
    /// Sets `version_id`.
    pub fn version_id(mut self, id: impl Into<String>) -> Self {
        self.version_id = Some(id.into());
        self
    }

    /// Sets `version_stage`.
    pub fn version_stage(mut self, stage: impl Into<String>) -> Self {
        self.version_stage = Some(stage.into());
        self
    }
}
