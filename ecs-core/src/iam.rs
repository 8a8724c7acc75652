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

props! {
    /// Properties of a [`Role`] (CDK `RoleProps`, the part this library supports). A service
    /// name converts into them, for a role that service may assume.
    ///
    /// ```
    /// use ecs_core::iam::{Role, RoleProps};
    /// let props = RoleProps::default()
    ///     .assumed_by("ecs-tasks.amazonaws.com")
    ///     .role_name("web-task")
    ///     .managed_policies([Role::aws_managed_policy("AmazonS3ReadOnlyAccess")]);
    /// assert_eq!(props.role_name.as_deref(), Some("web-task"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct RoleProps {
        /// The service that may assume the role, e.g. `ecs-tasks.amazonaws.com` (CDK
        /// `new ServicePrincipal(…)`).
        [into "assumedBy", .required()]
        assumed_by: String,
        /// `RoleName`: 1 to 64 letters, digits and `_+=,.@-`.
        [into "roleName", .default("a name CloudFormation generates")]
        role_name: String,
        /// AWS managed policies attached to the role (`ManagedPolicyArns`), e.g.
        /// `Role::aws_managed_policy("AmazonS3ReadOnlyAccess")`.
        [list_into "managedPolicies", .default("none")]
        managed_policies: Value,
        /// `Description`, at most 1000 characters; an empty one is left out.
        [into "description", .default("none")]
        description: String,
    }
}

impl From<&str> for RoleProps {
    fn from(service: &str) -> RoleProps {
        RoleProps::default().assumed_by(service)
    }
}

/// Whether `name` is a role name IAM accepts, as the CDK checks it: 1 to 64 letters, digits
/// and `_+=,.@-`.
///
/// ```
/// assert!(ecs_core::iam::role_name_valid("web-task"));
/// assert!(!ecs_core::iam::role_name_valid("web task"));
/// ```
pub fn role_name_valid(name: &str) -> bool {
    (1..=64).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c))
}

/// The message for a role name [`role_name_valid`] refuses.
pub fn role_name_message(id: &str, name: &str) -> String {
    format!(
        "role `{id}` cannot use `role_name: {name:?}`: use 1 to 64 letters, digits and `_+=,.@-`"
    )
}

/// The longest role description IAM accepts, in characters.
pub const MAX_ROLE_DESCRIPTION: usize = 1000;

/// The message for a description longer than [`MAX_ROLE_DESCRIPTION`].
pub fn role_description_message(id: &str, len: usize) -> String {
    format!(
        "role `{id}` cannot use a `description` of {len} characters: shorten it to at most {MAX_ROLE_DESCRIPTION}"
    )
}

/// The role name of a role ARN, as the CDK's `Role.fromRoleArn` finds it: the last
/// `/`-separated part of the resource name (a path comes before it), and the account.
///
/// ```
/// use ecs_core::iam::role_name_from_arn;
/// assert_eq!(role_name_from_arn("arn:aws:iam::123456789012:role/app/web"), Some(("web", "123456789012")));
/// assert_eq!(role_name_from_arn("arn:aws:iam::123456789012:user/web").map(|n| n.0), Some("web"));
/// assert_eq!(role_name_from_arn("web"), None);
/// ```
pub fn role_name_from_arn(arn: &str) -> Option<(&str, &str)> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if parts.len() < 6 || parts[0] != "arn" {
        return None;
    }
    let (_, resource_name) = parts[5].split_once('/')?;
    let name = resource_name.rsplit('/').next()?;
    (!name.is_empty()).then_some((name, parts[4]))
}

/// The message for an ARN [`role_name_from_arn`] finds no role name in.
pub fn role_arn_message(id: &str, arn: &str) -> String {
    format!(
        "imported role `{id}` cannot use `role_arn: {arn:?}`: give an arn of the form `arn:aws:iam::<account>:role/<name>`"
    )
}

props! {
    /// How an existing role is imported (CDK `Role.fromRoleArn`'s ARN and `FromRoleArnOptions`).
    ///
    /// ```
    /// use ecs_core::iam::ImportedRoleProps;
    /// let props = ImportedRoleProps::default()
    ///     .role_arn("arn:aws:iam::123456789012:role/web-task")
    ///     .mutable(false);
    /// assert_eq!(props.mutable, Some(false));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ImportedRoleProps {
        /// The role's ARN, `arn:aws:iam::<account>:role/<path/><name>`.
        [into "roleArn", .required()]
        role_arn: String,
        /// Whether grants to the role are written, as an `AWS::IAM::Policy` attached to it by
        /// name; `false`, or a role of another account than the stack's, leaves it as it is.
        [opt "mutable", .default("true")]
        mutable: bool,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct RoleData {
    /// The construct scope.
    node: NodeId,
    /// The `AWS::IAM::Role`, `None` for an imported role.
    resource: Option<NodeId>,
    arn: Value,
    name: Value,
    /// What an imported role's grants become: `Some(true)` a policy attached to it by name,
    /// `Some(false)` nothing.
    import: Option<bool>,
    /// The policy grants go to, once there is one.
    policy: Option<NodeId>,
}

impl crate::construct::app::Data for RoleData {}

/// An IAM role construct (`Role/Resource`, plus `Role/DefaultPolicy/Resource` once something
/// is granted to it), or an existing role ([`Role::from_role_arn`]).
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
    node: NodeId,
    index: usize,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Role {
    /// A role (CDK `new Role(scope, id, props)`); a service name, e.g.
    /// `ecs-tasks.amazonaws.com`, gives a role that service may assume.
    ///
    /// ```
    /// use ecs_core::{App, iam::{Role, RoleProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let bad = Role::new(&mut app, s, "Role", RoleProps::default()
    ///     .assumed_by("ecs-tasks.amazonaws.com").role_name("web task"));
    /// assert_eq!(bad.unwrap_err().to_string(),
    ///     "role `Role` cannot use `role_name: \"web task\"`: use 1 to 64 letters, digits and `_+=,.@-`");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, `assumed_by` is missing,
    /// or the role name or description is one IAM refuses.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: impl Into<RoleProps>,
    ) -> Result<Role, Error> {
        let scope: NodeId = scope.into();
        app.check_each([scope])?;
        let props: RoleProps = props.into();
        let Some(service) = props.assumed_by.as_deref() else {
            return Err(Error::new(format!(
                "role `{id}` needs `assumed_by`: add e.g. `assumed_by: \"ecs-tasks.amazonaws.com\"`"
            )));
        };
        if let Some(name) = props.role_name.as_deref()
            && !role_name_valid(name)
        {
            return Err(Error::new(role_name_message(id, name)));
        }
        let description = props.description.as_deref().filter(|d| !d.is_empty());
        if let Some(d) = description
            && d.chars().count() > MAX_ROLE_DESCRIPTION
        {
            return Err(Error::new(role_description_message(id, d.chars().count())));
        }
        let stack = app.stack_mut(scope.stack());
        let node = stack.add_node(scope, id)?;
        let mut trust = PolicyDocument::default();
        trust.add(Statement::assume_role_by_service(service));
        let mut resource = Resource::new("AWS::IAM::Role")
            .prop("AssumeRolePolicyDocument", trust)
            .prop_opt("Description", description.map(str::to_string))
            .prop_opt("RoleName", props.role_name.clone());
        if !props.managed_policies.is_empty() {
            resource.set("ManagedPolicyArns", Value::List(props.managed_policies));
        }
        let resource = stack.add_resource(node, "Resource", resource)?;
        Ok(Role::push(
            app,
            RoleData {
                node,
                resource: Some(resource),
                arn: Value::GetAtt(resource, "Arn".into()),
                name: Value::Ref(resource),
                import: None,
                policy: None,
            },
        ))
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
        Role::new(
            app,
            scope,
            id,
            RoleProps::from(service).managed_policies(managed_policies),
        )
    }

    /// An existing role (CDK `Role.fromRoleArn(scope, id, arn, { mutable })`): its name is the
    /// ARN's last `/`-separated part. Grants to a mutable one are written as an
    /// `AWS::IAM::Policy` (`Policy<unique id>`) attached to it by name; an immutable one, or
    /// one of another account than the stack's, is left as it is and grants to it are dropped.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::iam::{ImportedRoleProps, Statement};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let role = Role::from_role_arn(&mut app, s, "TaskRole", ImportedRoleProps::default()
    ///     .role_arn("arn:aws:iam::123456789012:role/app/web-task"))?;
    /// assert_eq!(role.name(&app), Value::from("web-task"));
    /// role.grant(&mut app, Statement::allow(["sqs:SendMessage"]).on_any())?;
    /// let t = &app.templates()?[0].1;
    /// let (id, policy) = t["Resources"].as_object().unwrap().iter().next().unwrap();
    /// assert!(id.starts_with("TaskRolePolicyWebTaskRole"));
    /// let policy = &policy["Properties"];
    /// assert!(policy["PolicyName"].as_str().unwrap().starts_with("PolicyWebTaskRole"));
    /// assert_eq!(policy["Roles"][0], "web-task");
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, or `role_arn` is missing
    /// or names no role.
    pub fn from_role_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ImportedRoleProps,
    ) -> Result<Role, Error> {
        let scope: NodeId = scope.into();
        app.check_each([scope])?;
        let Some(arn) = props.role_arn.as_deref() else {
            return Err(Error::new(format!(
                "imported role `{id}` needs `role_arn`: add e.g. `role_arn: \"arn:aws:iam::123456789012:role/web\"`"
            )));
        };
        let Some((name, account)) = role_name_from_arn(arn) else {
            return Err(Error::new(role_arn_message(id, arn)));
        };
        let stack = app.stack_mut(scope.stack());
        // The CDK wraps a role of another (known) account in an immutable one.
        let same_account = stack
            .account()
            .is_none_or(|a| a == account || account.is_empty());
        let mutable = props.mutable != Some(false) && same_account;
        if !mutable {
            // The CDK's ImmutableRole holds the import under `MutableRole<id>`: both ids are
            // taken.
            stack.add_node(scope, &format!("MutableRole{id}"))?;
        }
        let node = stack.add_node(scope, id)?;
        Ok(Role::push(
            app,
            RoleData {
                node,
                resource: None,
                arn: Value::from(arn.to_string()),
                name: Value::from(name.to_string()),
                import: Some(mutable),
                policy: None,
            },
        ))
    }

    fn push(app: &mut App, data: RoleData) -> Role {
        let index = app.all::<RoleData>().len();
        let node = data.node;
        app.all_mut::<RoleData>().push(data);
        Role { node, index }
    }

    fn data(self, app: &App) -> &RoleData {
        &app.all::<RoleData>()[self.index]
    }

    /// The role whose construct scope is `node`, if it is one.
    pub(crate) fn from_node(app: &App, node: NodeId) -> Option<Role> {
        let index = app.all::<RoleData>().iter().position(|r| r.node == node)?;
        Some(Role { node, index })
    }

    /// The role construct's scope (what a dependency on the role names).
    pub fn node(self) -> NodeId {
        self.node
    }

    /// Whether the role exists already ([`Role::from_role_arn`]).
    pub fn is_imported(self, app: &App) -> bool {
        self.data(app).import.is_some()
    }

    /// `{"Fn::GetAtt": [role, "Arn"]}`, or the imported ARN.
    pub fn arn(self, app: &App) -> Value {
        self.data(app).arn.clone()
    }

    /// `{"Ref": role}`, or the imported role's name.
    pub fn name(self, app: &App) -> Value {
        self.data(app).name.clone()
    }

    /// Attaches an AWS managed policy (CDK `role.addManagedPolicy`), e.g. the one
    /// [`Role::aws_managed_policy`] names; attaching one twice keeps one. An imported role is
    /// left as it is, as the CDK leaves it (with a warning) for a policy known by ARN.
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
        let Some(resource) = self.data(app).resource else {
            return;
        };
        let resource = app.stack_mut(self.node.stack()).resource_mut(resource);
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

    /// Refuses a grant on `what`, a resource of `stack` with a resource policy, to an imported
    /// role whose account is not the stack's: the CDK then writes the statement into the
    /// resource's policy too, which this library does not yet do.
    ///
    /// # Errors
    ///
    /// For an imported role of an account other than the (known) account of `stack`.
    pub(crate) fn check_resource_grant(
        self,
        app: &App,
        stack: crate::construct::StackId,
        what: &str,
    ) -> Result<(), Error> {
        let data = self.data(app);
        let (Some(_), Value::Str(arn)) = (data.import, &data.arn) else {
            return Ok(());
        };
        let account = role_name_from_arn(arn).map_or("", |(_, account)| account);
        if app.stack(stack).account() == Some(account) {
            return Ok(());
        }
        Err(Error::new(format!(
            "cannot grant access to {what} to the imported role `{}` of account {account:?}: the CDK also writes the grant into {what}'s resource policy for a role not known to be of the stack's account, which is not supported; give the stack `env` account {account:?}, or grant in the role's own account",
            app.stack(self.node.stack()).path(self.node)
        )))
    }

    /// Adds a statement to the role's `DefaultPolicy`, creating the policy on first use; for
    /// a mutable imported role to its `Policy<unique id>` attached by name, for an immutable
    /// one nowhere (CDK `addToPrincipalPolicy`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn grant(self, app: &mut App, statement: Statement) -> Result<(), Error> {
        let data = self.data(app).clone();
        if data.import == Some(false) {
            return Ok(());
        }
        let policy = match data.policy {
            Some(policy) => policy,
            None => {
                let stack = app.stack_mut(self.node.stack());
                let (scope, name) = match data.import {
                    // The CDK names it `Policy` + the role's unique id (the flag
                    // `@aws-cdk/aws-iam:importedRoleStackSafeDefaultPolicyName`).
                    Some(_) => {
                        let name = format!("Policy{}", stack.unique_id(self.node));
                        if name.len() > MAX_POLICY_NAME {
                            return Err(Error::new(format!(
                                "imported role `{}`: the policy name `{name}` is longer than {MAX_POLICY_NAME} characters: use shorter construct ids",
                                stack.path(self.node)
                            )));
                        }
                        (stack.add_node(self.node, &name)?, Value::from(name))
                    }
                    None => (
                        stack.add_node(self.node, "DefaultPolicy")?,
                        Value::PolicyName,
                    ),
                };
                let resource = Resource::new("AWS::IAM::Policy")
                    .prop("PolicyDocument", PolicyDocument::default())
                    .prop("PolicyName", name)
                    .prop("Roles", Value::List(vec![data.name.clone()]));
                let policy = stack.add_resource(scope, "Resource", resource)?;
                app.all_mut::<RoleData>()[self.index].policy = Some(policy);
                policy
            }
        };
        if let Some(Value::Policy(doc)) = app
            .stack_mut(self.node.stack())
            .resource_mut(policy)
            .properties
            .get_mut("PolicyDocument")
        {
            doc.add(statement);
        }
        Ok(())
    }
}

/// The longest inline policy name IAM accepts.
const MAX_POLICY_NAME: usize = 128;

/// Constructor of existing roles for `ecs_app!` (CDK `Role.fromRoleArn`).
///
/// ```
/// use ecs_core::{App, iam::{ImportedRole, ImportedRoleProps}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let role = ImportedRole::new(&mut app, s, "Role", ImportedRoleProps::default()
///     .role_arn("arn:aws:iam::123456789012:role/web")).unwrap();
/// assert!(role.is_imported(&app));
/// ```
#[derive(Debug)]
pub struct ImportedRole;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl ImportedRole {
    /// [`Role::from_role_arn`].
    ///
    /// # Errors
    ///
    /// As [`Role::from_role_arn`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: ImportedRoleProps,
    ) -> Result<Role, Error> {
        Role::from_role_arn(app, scope, id, props)
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
