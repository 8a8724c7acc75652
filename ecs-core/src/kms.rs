//! KMS keys (CDK `aws-kms` `Key`), as the recommended flags make them: the default key policy
//! gives the account root `kms:*` (`@aws-cdk/aws-kms:defaultKeyPolicies`), and the key is
//! retained when the stack is deleted.
//!
//! ```
//! use ecs_core::{App, kms::{Key, KeyProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let key = Key::new(&mut app, s, "Key", KeyProps::default()).unwrap();
//! let t = &app.templates().unwrap()[0].1;
//! assert_eq!(t["Resources"]["Key961B73FD"]["DeletionPolicy"], "Retain");
//! # let _ = key;
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::iam::{PolicyDocument, Statement};

props! {
    /// Properties of a [`Key`] (CDK `KeyProps`, the part this library supports).
    ///
    /// ```
    /// let props = ecs_core::kms::KeyProps::default().description("drain hook").enable_key_rotation(true);
    /// assert_eq!(props.enable_key_rotation, Some(true));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct KeyProps {
        /// `Description`.
        [into "description"]
        description: String,
        /// `EnableKeyRotation`; not set by default.
        [opt "enableKeyRotation", .default("false")]
        enable_key_rotation: bool,
    }
}

/// A KMS key construct (`<id>/Resource`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    node: NodeId,
    resource: NodeId,
}

impl Key {
    /// Creates a key with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: KeyProps,
    ) -> Result<Key, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let root = scope;
        Key::new_in(app, root, id, props)
    }

    /// Creates a key under `scope`.
    pub(crate) fn new_in(
        app: &mut App,
        scope: NodeId,
        id: &str,
        props: KeyProps,
    ) -> Result<Key, Error> {
        app.check_each([scope])?;
        let mut resource = Resource::new("AWS::KMS::Key")
            .prop_opt("Description", props.description)
            .prop_opt("EnableKeyRotation", props.enable_key_rotation)
            .prop("KeyPolicy", PolicyDocument::default());
        resource.removal_policy = Some("Retain");
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let resource = stack.add_resource(node, "Resource", resource)?;
        let key = Key { node, resource };
        // The account administers the key through IAM, as the CDK's default key policy says.
        key.allow_account_root(app)?;
        Ok(key)
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Fn::GetAtt": [key, "Arn"]}`.
    pub fn key_arn(self) -> Value {
        Value::GetAtt(self.resource, "Arn".into())
    }

    /// Adds a statement to the key's policy (CDK `addToResourcePolicy`); an identical one is
    /// not repeated.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn add_to_resource_policy(self, app: &mut App, statement: Statement) -> Result<(), Error> {
        app.check_stack(self.node.stack)?;
        let resource = app.stack_mut(self.node.stack()).resource_mut(self.resource);
        match resource.properties.get_mut("KeyPolicy") {
            Some(Value::Policy(doc)) => {
                doc.add(statement);
                Ok(())
            }
            _ => Err(Error::new("a key without a policy document: this is a bug")),
        }
    }

    /// Gives the account root `kms:*` on the key, as the default key policy already does.
    pub(crate) fn allow_account_root(self, app: &mut App) -> Result<(), Error> {
        let mut root = Statement::allow(["kms:*"]).on_any();
        root.principal = Some(Value::map([(
            "AWS",
            Value::arn("iam", false, true, vec!["root".into()]),
        )]));
        self.add_to_resource_policy(app, root)
    }

    /// `{"Ref": key}`: the key id.
    pub fn key_id(self) -> Value {
        Value::Ref(self.resource)
    }
}

handle!(Key);
