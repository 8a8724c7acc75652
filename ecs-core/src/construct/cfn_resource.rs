//! Raw CloudFormation resources (CDK `new CfnResource(scope, id, { type, properties })`), for
//! what the library does not model, and the removal policies of any resource.

use crate::cfn::{Element, Map, NodeId, Resource, Tagging, Text, Value};
use crate::construct::app::App;
use crate::error::Error;

/// What CloudFormation does with a resource removed from the template or replaced (CDK
/// `RemovalPolicy`): the `DeletionPolicy` and `UpdateReplacePolicy` written on it.
///
/// ```
/// use ecs_core::construct::RemovalPolicy;
/// assert_eq!(RemovalPolicy::Retain.deletion_policy(), "Retain");
/// assert_eq!(RemovalPolicy::RetainOnUpdateOrDelete.deletion_policy(), "RetainExceptOnCreate");
/// assert_eq!(RemovalPolicy::RetainOnUpdateOrDelete.update_replace_policy(), "Retain");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemovalPolicy {
    /// Deleted with the stack or when replaced (`Delete`).
    Destroy,
    /// Kept in the account, orphaned from the stack (`Retain`).
    Retain,
    /// Deleted after a final snapshot (`Snapshot`); only types that take snapshots.
    Snapshot,
    /// Kept unless the stack's creation fails (`RetainExceptOnCreate`; replaced: `Retain`).
    RetainOnUpdateOrDelete,
}

impl RemovalPolicy {
    /// The variants a user may write.
    pub const VARIANT_NAMES: &'static [&'static str] =
        &["Destroy", "Retain", "Snapshot", "RetainOnUpdateOrDelete"];

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["construct", "RemovalPolicy"],
        variants: Self::VARIANT_NAMES,
    };

    /// The `DeletionPolicy` it writes.
    pub const fn deletion_policy(self) -> &'static str {
        match self {
            RemovalPolicy::Destroy => "Delete",
            RemovalPolicy::Retain => "Retain",
            RemovalPolicy::Snapshot => "Snapshot",
            RemovalPolicy::RetainOnUpdateOrDelete => "RetainExceptOnCreate",
        }
    }

    /// The `UpdateReplacePolicy` it writes.
    pub const fn update_replace_policy(self) -> &'static str {
        match self {
            RemovalPolicy::RetainOnUpdateOrDelete => "Retain",
            other => other.deletion_policy(),
        }
    }
}

/// The types CloudFormation can snapshot before deleting them: the CDK refuses `Snapshot` on
/// any other (with `@aws-cdk/core:validateSnapshotRemovalPolicy`, which `cdk init` sets).
const SNAPSHOT_TYPES: [&str; 8] = [
    "AWS::DocDB::DBCluster",
    "AWS::EC2::Volume",
    "AWS::ElastiCache::CacheCluster",
    "AWS::ElastiCache::ReplicationGroup",
    "AWS::Neptune::DBCluster",
    "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",
    "AWS::Redshift::Cluster",
];

/// Whether `name` is a CloudFormation resource type: `Organization::Service::Resource` (`AWS::S3::Bucket`,
/// a registry type, a module's `…::MODULE`), each part letters and digits, or a custom resource
/// `Custom::Name` (letters, digits, `_`, `@`, `-`, at most 60 characters), as CloudFormation
/// requires; it refuses any other type when the stack is deployed.
///
/// ```
/// use ecs_core::construct::resource_type;
/// assert!(resource_type("AWS::S3::Bucket"));
/// assert!(resource_type("Custom::Cleanup"));
/// assert!(!resource_type("AWS::S3"));
/// assert!(!resource_type("aws::s3::bucket::extra"));
/// ```
pub const fn resource_type(name: &str) -> bool {
    let b = name.as_bytes();
    let custom = b"Custom::";
    if b.len() > custom.len() && starts_with(b, custom) {
        let mut i = custom.len();
        if b.len() - i > 60 {
            return false;
        }
        while i < b.len() {
            let c = b[i];
            if !(c.is_ascii_alphanumeric() || c == b'_' || c == b'@' || c == b'-') {
                return false;
            }
            i += 1;
        }
        return true;
    }
    // Parts separated by `::`, each non-empty letters and digits.
    let (mut parts, mut len, mut i) = (1, 0, 0);
    while i < b.len() {
        if b[i] == b':' {
            if i + 1 >= b.len() || b[i + 1] != b':' || len == 0 {
                return false;
            }
            parts += 1;
            len = 0;
            i += 2;
            continue;
        }
        if !b[i].is_ascii_alphanumeric() {
            return false;
        }
        len += 1;
        i += 1;
    }
    len > 0 && (parts == 3 || (parts == 4 && ends_with(b, b"::MODULE")))
}

const fn starts_with(b: &[u8], prefix: &[u8]) -> bool {
    let mut i = 0;
    while i < prefix.len() {
        if b[i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn ends_with(b: &[u8], suffix: &[u8]) -> bool {
    if b.len() < suffix.len() {
        return false;
    }
    let start = b.len() - suffix.len();
    let mut i = 0;
    while i < suffix.len() {
        if b[start + i] != suffix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The message of [`resource_type`].
///
/// ```
/// assert_eq!(
///     ecs_core::construct::resource_type_message("Bucket", "AWS::S3"),
///     "resource `Bucket` has type `AWS::S3`, which is not a CloudFormation resource type: write `AWS::Service::Resource` (e.g. `AWS::S3::Bucket`) or `Custom::Name`",
/// );
/// ```
pub fn resource_type_message(id: &str, name: &str) -> String {
    format!(
        "resource `{id}` has type `{name}`, which is not a CloudFormation resource type: write `AWS::Service::Resource` (e.g. `AWS::S3::Bucket`) or `Custom::Name`"
    )
}

/// Properties of a [`CfnResource`] (CDK `CfnResourceProps`): its type and its CloudFormation
/// properties, written as given.
///
/// ```
/// use ecs_core::construct::CfnResourceProps;
/// use ecs_core::cfn::Value;
/// let p = CfnResourceProps::new("AWS::S3::Bucket")
///     .property("BucketName", "logs")
///     .property("VersioningConfiguration", Value::map([("Status", Value::from("Enabled"))]));
/// assert_eq!(p.resource_type, "AWS::S3::Bucket");
/// assert_eq!(p.properties.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CfnResourceProps {
    /// The CloudFormation type, e.g. `AWS::S3::Bucket` or `Custom::Name` (required).
    pub resource_type: String,
    /// The resource's `Properties`, written as given (keys in sorted order).
    pub properties: Map,
}

impl CfnResourceProps {
    /// A resource of type `resource_type` with no properties.
    pub fn new(resource_type: impl Into<String>) -> CfnResourceProps {
        CfnResourceProps::default().resource_type(resource_type)
    }

    /// Sets the type.
    #[must_use]
    pub fn resource_type(mut self, resource_type: impl Into<String>) -> CfnResourceProps {
        self.resource_type = resource_type.into();
        self
    }

    /// Sets property `key`: a literal, a list or map of [`Value`]s, or a token (`Ref` or
    /// `Fn::GetAtt` of another construct).
    #[must_use]
    pub fn property(mut self, key: impl Into<Text>, value: impl Into<Value>) -> CfnResourceProps {
        self.properties.insert(key, value.into());
        self
    }

    /// Sets each `(key, value)` property.
    #[must_use]
    pub fn properties<K: Into<Text>, V: Into<Value>>(
        mut self,
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> CfnResourceProps {
        for (key, value) in pairs {
            self.properties.insert(key, value.into());
        }
        self
    }
}

/// A raw CloudFormation resource (CDK `CfnResource`): any type, its properties written as
/// given, its logical ID made from its own path (an L1 created directly in its scope, not
/// `<id>/Resource`). The CDK's tag aspect does not reach it (it has no tag manager): tags go in
/// its own `Tags` property. [`App::add_override`] and kin edit it as any resource.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::cfn::Value;
/// let mut app = App::new();
/// let s = app.add_stack("Data")?;
/// let bucket = CfnResource::new(&mut app, s, "Bucket", CfnResourceProps::new("AWS::S3::Bucket")
///     .property("VersioningConfiguration", Value::map([("Status", Value::from("Enabled"))])))?;
/// let policy = CfnResource::new(&mut app, s, "Policy", CfnResourceProps::new("AWS::S3::BucketPolicy")
///     .property("Bucket", bucket.ref_()))?;
/// policy.add_dependency(&mut app, bucket)?;
/// bucket.apply_removal_policy(&mut app, RemovalPolicy::Retain)?;
/// let t = &app.templates()?[0].1;
/// assert_eq!(t["Resources"]["Bucket"]["DeletionPolicy"], "Retain");
/// assert_eq!(t["Resources"]["Policy"]["Properties"]["Bucket"]["Ref"], "Bucket");
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CfnResource {
    node: NodeId,
}

impl From<CfnResource> for NodeId {
    fn from(resource: CfnResource) -> NodeId {
        resource.node
    }
}

impl CfnResource {
    /// Creates resource `id` under `scope` (a stack or a construct).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, or the type is not a
    /// CloudFormation type ([`resource_type`]).
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: CfnResourceProps,
    ) -> Result<CfnResource, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        if !resource_type(&props.resource_type) {
            return Err(Error::new(resource_type_message(id, &props.resource_type)));
        }
        let mut resource = Resource::new(props.resource_type);
        // A plain `CfnResource` has no tag manager, whatever its type.
        resource.tagging = Tagging::None;
        resource.properties = props.properties;
        let node =
            app.stack_mut(scope.stack())
                .add_element(scope, id, Element::Resource(resource))?;
        Ok(CfnResource { node })
    }

    /// The resource's node.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": <logical id>}` (CDK `ref`).
    pub fn ref_(self) -> Value {
        Value::Ref(self.node)
    }

    /// `{"Fn::GetAtt": [<logical id>, attribute]}` (CDK `getAtt`), e.g. `Arn` or
    /// `Endpoint.Address`.
    pub fn get_att(self, attribute: impl Into<Text>) -> Value {
        Value::GetAtt(self.node, attribute.into())
    }

    /// Makes the resource depend on every resource at or below `target` (CDK `addDependency`
    /// of an L1, `node.addDependency` of any construct): `DependsOn` unless a `Ref` or
    /// `Fn::GetAtt` already says so.
    ///
    /// # Errors
    ///
    /// When `target` is of another app or of another stack (stack dependencies are not
    /// modelled).
    pub fn add_dependency(self, app: &mut App, target: impl Into<NodeId>) -> Result<(), Error> {
        let target: NodeId = target.into();
        app.check_node(target)?;
        if target.stack() != self.node.stack() {
            let stack = app.stack(target.stack()).name().to_string();
            return Err(Error::new(format!(
                "resource `{}` cannot depend on `{}` of stack `{stack}`: depend on a construct of its own stack",
                app.stack(self.node.stack()).path(self.node),
                app.stack(target.stack()).path(target),
            )));
        }
        app.stack_mut(self.node.stack())
            .add_dependency(self.node, target);
        Ok(())
    }

    /// Sets `DeletionPolicy` and `UpdateReplacePolicy` (CDK `applyRemovalPolicy`).
    ///
    /// # Errors
    ///
    /// `Snapshot` on a type CloudFormation cannot snapshot, as the CDK refuses it.
    pub fn apply_removal_policy(self, app: &mut App, policy: RemovalPolicy) -> Result<(), Error> {
        app.check_node(self.node)?;
        let stack = app.stack_mut(self.node.stack());
        let resource = stack.resource_mut(self.node);
        if policy == RemovalPolicy::Snapshot && !SNAPSHOT_TYPES.contains(&&*resource.kind) {
            let kind = resource.kind.clone();
            return Err(Error::new(format!(
                "resource `{}` of type `{kind}` cannot have `removal_policy: Snapshot`: CloudFormation snapshots only {}; use `Retain` or `Destroy`",
                stack.path(self.node),
                SNAPSHOT_TYPES.join(", "),
            )));
        }
        resource.removal_policy = Some(policy.update_replace_policy());
        // The override an earlier `RetainOnUpdateOrDelete` left goes with it.
        resource.overrides.retain(|(path, value)| {
            !(path == "DeletionPolicy" && *value == Some(Value::from("RetainExceptOnCreate")))
        });
        // Only this policy writes two different values: the deletion one as an override, which
        // the renderer applies after both are written.
        if policy == RemovalPolicy::RetainOnUpdateOrDelete {
            resource.overrides.push((
                "DeletionPolicy".to_string(),
                Some(Value::from(policy.deletion_policy())),
            ));
        }
        Ok(())
    }
}
