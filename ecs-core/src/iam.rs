//! IAM (CDK `aws-iam`): roles and grants. Policy documents are values
//! ([`cfn::policy`](crate::cfn::policy)), re-exported here.
//!
//! ```
//! use ecs_core::iam::{PolicyDocument, Statement};
//! let mut doc = PolicyDocument::default();
//! doc.add(Statement::allow(["ecs:Poll"]).on_any());
//! doc.add(Statement::allow(["ecr:GetAuthorizationToken"]).on_any());
//! assert_eq!(doc.minimized().len(), 1);
//! ```

pub use crate::cfn::policy::{PolicyDocument, Statement};
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;

/// An IAM role construct (`Role/Resource`, plus `Role/DefaultPolicy/Resource` once something
/// is granted to it).
///
/// ```
/// use ecs_core::{App, iam::{Role, Statement}, cfn::Value};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let root = app.stack(s).root();
/// let role = Role::new(&mut app, root, "TaskRole", "ecs-tasks.amazonaws.com").unwrap();
/// role.grant(&mut app, Statement::allow(["ssm:GetParameter"]).on([Value::from("*")])).unwrap();
/// assert_eq!(app.stack(s).resource_count(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    scope: NodeId,
    resource: NodeId,
}

impl Role {
    /// A role that `service` (e.g. `ecs-tasks.amazonaws.com`) may assume.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, or `scope` is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        service: &str,
    ) -> Result<Role, Error> {
        let scope: NodeId = scope.into();
        app.check_each([scope])?;
        Role::with_managed_policies(app, scope, id, service, Vec::new())
    }

    /// A role with AWS managed policies attached (`ManagedPolicyArns`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn with_managed_policies(
        app: &mut App,
        scope: NodeId,
        id: &str,
        service: &str,
        managed_policies: Vec<Value>,
    ) -> Result<Role, Error> {
        app.check_each([scope])?;
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let mut trust = PolicyDocument::default();
        trust.add(Statement::assume_role_by_service(service));
        let mut resource = Resource::new("AWS::IAM::Role").prop("AssumeRolePolicyDocument", trust);
        if !managed_policies.is_empty() {
            resource.set("ManagedPolicyArns", Value::List(managed_policies));
        }
        let resource = stack.add_resource(node, "Resource", resource)?;
        Ok(Role {
            scope: node,
            resource,
        })
    }

    /// The role whose construct scope is `node`, if it is one.
    pub(crate) fn from_node(app: &App, node: NodeId) -> Option<Role> {
        let resource = app.stack(node.stack()).child(node, "Resource")?;
        Some(Role {
            scope: node,
            resource,
        })
    }

    /// The role construct's scope (what a dependency on the role names).
    pub fn node(self) -> NodeId {
        self.scope
    }

    /// `{"Fn::GetAtt": [role, "Arn"]}`.
    pub fn arn(self) -> Value {
        Value::GetAtt(self.resource, "Arn".into())
    }

    /// `{"Ref": role}`.
    pub fn name(self) -> Value {
        Value::Ref(self.resource)
    }

    /// Attaches an AWS managed policy (CDK `role.addManagedPolicy`), e.g. the one
    /// [`Role::aws_managed_policy`] names; attaching one twice keeps one.
    ///
    /// ```
    /// use ecs_core::{App, iam::Role};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let root = app.stack(s).root();
    /// let role = Role::new(&mut app, root, "Role", "ec2.amazonaws.com").unwrap();
    /// role.add_managed_policy(&mut app, Role::aws_managed_policy("AmazonSSMManagedInstanceCore"));
    /// let t = &app.templates().unwrap()[0].1;
    /// assert_eq!(t["Resources"]["Role1ABCC5F0"]["Properties"]["ManagedPolicyArns"].as_array().unwrap().len(), 1);
    /// ```
    pub fn add_managed_policy(self, app: &mut App, arn: Value) {
        let resource = app
            .stack_mut(self.scope.stack())
            .resource_mut(self.resource);
        match resource.properties.get_mut("ManagedPolicyArns") {
            Some(Value::List(arns)) => {
                if !arns.contains(&arn) {
                    arns.push(arn);
                }
            }
            _ => resource.set("ManagedPolicyArns", Value::List(vec![arn])),
        }
    }

    /// The ARN of the AWS managed policy `name` (CDK `ManagedPolicy.fromAwsManagedPolicyName`):
    /// `arn:${Partition}:iam::aws:policy/<name>`.
    ///
    /// ```
    /// let arn = ecs_core::iam::Role::aws_managed_policy("service-role/AWSLambdaBasicExecutionRole");
    /// assert!(matches!(arn, ecs_core::cfn::Value::Join(..)));
    /// ```
    pub fn aws_managed_policy(name: &str) -> Value {
        Value::join(
            "",
            vec![
                "arn:".into(),
                Value::Aws(crate::cfn::Pseudo::Partition),
                format!(":iam::aws:policy/{name}").into(),
            ],
        )
    }

    /// Adds a statement to the role's `DefaultPolicy`, creating the policy on first use.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn grant(self, app: &mut App, statement: Statement) -> Result<(), Error> {
        let stack = app.stack_mut(self.scope.stack());
        let policy = match stack.child(self.scope, "DefaultPolicy") {
            Some(scope) => stack.child(scope, "Resource").ok_or_else(|| {
                Error::new("the default policy of a role has no resource: this is a bug")
            })?,
            None => {
                let scope = stack.add_node(self.scope, "DefaultPolicy")?;
                let resource = Resource::new("AWS::IAM::Policy")
                    .prop("PolicyDocument", PolicyDocument::default())
                    .prop("PolicyName", Value::PolicyName)
                    .prop("Roles", Value::List(vec![self.name()]));
                stack.add_resource(scope, "Resource", resource)?
            }
        };
        if let Some(Value::Policy(doc)) = stack
            .resource_mut(policy)
            .properties
            .get_mut("PolicyDocument")
        {
            doc.add(statement);
        }
        Ok(())
    }
}

/// What a grant can be given to: a role, or a task definition (its task role).
///
/// ```
/// use ecs_core::{App, iam::{Grantee, Role}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let root = app.stack(s).root();
/// let role = Role::new(&mut app, root, "R", "ecs-tasks.amazonaws.com").unwrap();
/// assert_eq!(role.grantee_role(&app), role);
/// ```
pub trait Grantee {
    /// The role that receives the grant.
    fn grantee_role(&self, app: &App) -> Role;
}

impl Grantee for Role {
    fn grantee_role(&self, _app: &App) -> Role {
        *self
    }
}

handle!(Role);
