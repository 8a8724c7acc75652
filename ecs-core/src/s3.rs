//! S3 buckets (CDK `aws-s3.Bucket`), the part containers need: a bucket holding environment
//! files.
//!
//! ```
//! use ecs_core::{App, s3::{Bucket, BucketProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let b = Bucket::new(&mut app, s, "ConfigBucket", BucketProps::default()).unwrap();
//! assert!(matches!(b.bucket_name(), ecs_core::cfn::Value::Ref(_)));
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;

props! {
    /// Properties of a [`Bucket`].
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct BucketProps {
        /// `BucketName`; CloudFormation generates one when absent.
        [into "bucketName"]
        bucket_name: String,
        /// `VersioningConfiguration` enabled.
        [val "versioned", .default("false")]
        versioned: bool,
        /// Server-side encryption with this KMS key.
        [opt "encryptionKey", .ty(Ref(RefClass::Key))]
        encryption_key: crate::kms::Key,
    }
}

/// An S3 bucket construct, kept when the stack is deleted (the CDK's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    node: NodeId,
    resource: NodeId,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Bucket {
    /// Creates a bucket with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: BucketProps,
    ) -> Result<Bucket, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        let mut resource =
            Resource::new("AWS::S3::Bucket").prop_opt("BucketName", props.bucket_name);
        if props.versioned {
            resource.set(
                "VersioningConfiguration",
                Value::map([("Status", Value::from("Enabled"))]),
            );
        }
        if let Some(key) = props.encryption_key {
            resource.set(
                "BucketEncryption",
                Value::map([(
                    "ServerSideEncryptionConfiguration",
                    Value::List(vec![Value::map([(
                        "ServerSideEncryptionByDefault",
                        Value::map([
                            ("KMSMasterKeyID", key.key_arn()),
                            ("SSEAlgorithm", Value::from("aws:kms")),
                        ]),
                    )])]),
                )]),
            );
        }
        resource.removal_policy = Some("Retain");
        let resource = st.add_resource(node, "Resource", resource)?;
        Ok(Bucket { node, resource })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": bucket}`: the bucket's name.
    pub fn bucket_name(self) -> Value {
        Value::Ref(self.resource)
    }

    /// `arn:<partition>:s3:::<bucket>`, as the CDK's `bucketArn` of a bucket named by a token
    /// writes it.
    pub fn bucket_arn(self) -> Value {
        Value::arn("s3", false, false, vec![self.bucket_name()])
    }

    /// `{"Fn::GetAtt": [bucket, "Arn"]}`: the ARN as the CDK's `bucketArn` of a bucket of the
    /// same stack writes it.
    pub fn attr_arn(self) -> Value {
        Value::GetAtt(self.resource, "Arn".into())
    }

    /// `arn:<partition>:s3:::<bucket>/<key>`, as the CDK's `arnForObjects` writes it.
    pub fn arn_for_object(self, key: &str) -> Value {
        Value::arn(
            "s3",
            false,
            false,
            vec![self.bucket_name(), format!("/{key}").into()],
        )
    }
}

handle!(Bucket);
