//! IAM: roles, policies, statements and grants, rendered as the recommended feature flags
//! render them (`@aws-cdk/aws-iam:minimizePolicies`: statements merged, actions sorted).
//!
//! ```
//! use ecs_core::iam::{PolicyDocument, Statement};
//! let mut doc = PolicyDocument::default();
//! doc.add(Statement::allow(["ecs:Poll"]).on_any());
//! doc.add(Statement::allow(["ecr:GetAuthorizationToken"]).on_any());
//! assert_eq!(doc.minimized().len(), 1);
//! ```

use crate::cfn::{Resource, Text, Value};
use crate::construct::app::App;
use crate::construct::NodeId;
use crate::error::Error;

/// One policy statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// `Allow` or `Deny`.
    pub effect: &'static str,
    /// `Action`.
    pub actions: Vec<Text>,
    /// `Resource`; empty for statements of trust policies.
    pub resources: Vec<Value>,
    /// `Condition`.
    pub condition: Option<Value>,
    /// `Principal`.
    pub principal: Option<Value>,
}

impl Statement {
    /// An `Allow` statement with these actions and no resource yet.
    pub fn allow<S: Into<Text>>(actions: impl IntoIterator<Item = S>) -> Statement {
        Statement {
            effect: "Allow",
            actions: actions.into_iter().map(Into::into).collect(),
            resources: Vec::new(),
            condition: None,
            principal: None,
        }
    }

    /// The trust statement letting an AWS service assume a role.
    pub fn assume_role_by_service(service: &str) -> Statement {
        let mut s = Statement::allow(["sts:AssumeRole"]);
        s.principal = Some(Value::map([("Service", Value::from(service.to_string()))]));
        s
    }

    /// Applies to these resources.
    pub fn on(mut self, resources: impl IntoIterator<Item = Value>) -> Statement {
        self.resources.extend(resources);
        self
    }

    /// Applies to every resource (`"*"`).
    pub fn on_any(self) -> Statement {
        self.on([Value::from("*")])
    }

    /// Adds a condition, e.g. `ArnEquals` on `ecs:cluster`.
    pub fn when(mut self, operator: &str, key: &str, value: Value) -> Statement {
        self.condition = Some(Value::map([(
            operator.to_string(),
            Value::map([(key.to_string(), value)]),
        )]));
        self
    }
}

/// A policy document: its statements in the order they were granted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolicyDocument {
    statements: Vec<Statement>,
}

impl PolicyDocument {
    /// Adds a statement; an identical one already present is not repeated.
    pub fn add(&mut self, statement: Statement) {
        if !self.statements.contains(&statement) {
            // Documents hold a statement or two: no room kept for four.
            self.statements.reserve_exact(1);
            self.statements.push(statement);
        }
    }

    /// Whether the document has no statement.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// The statements merged as `minimizePolicies` merges them: two statements with the same
    /// effect, condition and principal combine when their actions or their resources are equal
    /// (the merged one takes the place of the first).
    pub fn minimized(&self) -> Vec<Statement> {
        let mut out: Vec<Statement> = Vec::new();
        for s in &self.statements {
            out.push(s.clone());
            // Merging one pair can make another pair mergeable, so repeat until stable.
            while let Some((i, j)) = find_mergeable(&out) {
                let b = out.remove(j);
                let a = &mut out[i];
                for act in b.actions {
                    if !a.actions.contains(&act) {
                        a.actions.push(act);
                    }
                }
                for r in b.resources {
                    if !a.resources.contains(&r) {
                        a.resources.push(r);
                    }
                }
            }
        }
        out
    }

    /// Calls `f` with each value of the minimized statements in the order the template lays
    /// them out (each statement's condition, principal, then resources): what references to
    /// other elements a document makes. The layout itself is the template writer's.
    pub(crate) fn for_each_value(&self, mut f: impl FnMut(&Value)) {
        for s in self.minimized() {
            if let Some(c) = &s.condition {
                f(c);
            }
            if let Some(p) = &s.principal {
                f(p);
            }
            s.resources.iter().for_each(&mut f);
        }
    }
}

fn find_mergeable(statements: &[Statement]) -> Option<(usize, usize)> {
    for j in 1..statements.len() {
        for i in 0..j {
            let (a, b) = (&statements[i], &statements[j]);
            if a.effect != b.effect || a.condition != b.condition || a.principal != b.principal {
                continue;
            }
            let same =
                |x: &[Text], y: &[Text]| x.len() == y.len() && x.iter().all(|v| y.contains(v));
            let same_resources = a.resources.len() == b.resources.len()
                && a.resources.iter().all(|v| b.resources.contains(v));
            if same_resources || same(&a.actions, &b.actions) {
                return Some((i, j));
            }
        }
    }
    None
}

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
    pub fn new(app: &mut App, scope: NodeId, id: &str, service: &str) -> Result<Role, Error> {
        app.check_each([scope])?;
        Role::with_managed_policies(app, scope, id, service, Vec::new())
    }

    /// A role with AWS managed policies attached (`ManagedPolicyArns`).
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
                crate::cfn::Pseudo::Partition.into(),
                format!(":iam::aws:policy/{name}").into(),
            ],
        )
    }

    /// Adds a statement to the role's `DefaultPolicy`, creating the policy on first use.
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

impl Grantee for crate::ecs::task_definition::TaskDefinition {
    fn grantee_role(&self, app: &App) -> Role {
        self.task_role(app)
    }
}
