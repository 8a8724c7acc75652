//! Existing AWS Lambda functions (CDK `aws-lambda` `Function.fromFunctionArn` and
//! `fromFunctionAttributes`), which ECS invokes as deployment lifecycle hooks.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::lambda::{Function, FunctionAttributes};
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let check = Function::from_function_attributes(&mut app, s, "Check", FunctionAttributes::default()
//!     .function_arn("arn:aws:lambda:us-east-1:123456789012:function:check")
//!     .same_environment(true))?;
//! assert_eq!(check.function_arn(&app), "arn:aws:lambda:us-east-1:123456789012:function:check".into());
//! # Ok::<(), ecs_core::Error>(())
//! ```

use sha2::{Digest, Sha256};

use crate::cfn::policy::Statement;
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::iam::Role;

props! {
    /// What is known of an existing function (CDK `FunctionAttributes`).
    ///
    /// ```
    /// let a = ecs_core::lambda::FunctionAttributes::default().same_environment(true);
    /// assert_eq!(a.same_environment, Some(true));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct FunctionAttributes {
        /// The function's ARN (required).
        [into "functionArn", .required()]
        function_arn: String,
        /// Whether the function is in the stack's account and region, so grants to invoke it
        /// may be written (its resource policy is not this app's).
        [opt "sameEnvironment", .default("whether the ARN's account is the stack's")]
        same_environment: bool,
        /// Whether the function already lets the grantees invoke it, so only their policies are
        /// written.
        [opt "skipPermissions", .default("false")]
        skip_permissions: bool,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct FunctionData {
    id: String,
    arn: String,
    same_environment: Option<bool>,
    skip_permissions: bool,
}

impl crate::construct::app::Data for FunctionData {}

/// An existing Lambda function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Function {
    node: NodeId,
    index: usize,
}

impl Function {
    /// An existing function known by its ARN (CDK `Function.fromFunctionArn`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope` or `scope` is of another app.
    pub fn from_function_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: impl Into<String>,
    ) -> Result<Function, Error> {
        Function::from_function_attributes(
            app,
            scope,
            id,
            FunctionAttributes::default().function_arn(arn.into()),
        )
    }

    /// An existing function known by its attributes (CDK `Function.fromFunctionAttributes`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, or the ARN is missing.
    pub fn from_function_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: FunctionAttributes,
    ) -> Result<Function, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let Some(arn) = attrs.function_arn else {
            return Err(Error::new(format!(
                "imported function `{id}` needs `function_arn`: add e.g. `function_arn: \"arn:aws:lambda:us-east-1:123456789012:function:check\"`"
            )));
        };
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<FunctionData>().len();
        app.all_mut::<FunctionData>().push(FunctionData {
            id: id.to_string(),
            arn,
            same_environment: attrs.same_environment,
            skip_permissions: attrs.skip_permissions.unwrap_or(false),
        });
        Ok(Function { node, index })
    }

    fn data(self, app: &App) -> &FunctionData {
        &app.all::<FunctionData>()[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The function's ARN.
    pub fn function_arn(self, app: &App) -> Value {
        Value::from(self.data(app).arn.clone())
    }

    /// Lets `role` invoke the function, any version or alias of it (CDK `grantInvoke`): a
    /// statement in the role's policy. The CDK also writes the function's resource policy
    /// unless it is in the stack's environment, which it cannot for an imported function:
    /// that is refused unless the function is known to be of the stack's environment or
    /// `skip_permissions` says its policy allows the role already.
    ///
    /// # Errors
    ///
    /// When a handle is of another app, or the function's resource policy would need a
    /// statement.
    pub fn grant_invoke(self, app: &mut App, role: Role) -> Result<(), Error> {
        app.check_node(self.node)?;
        app.check_node(role.node())?;
        let d = self.data(app).clone();
        let stack_account = app.stack(self.node.stack()).account().map(str::to_string);
        let arn_account = d.arn.split(':').nth(4);
        let same_account = stack_account.is_some() && arn_account == stack_account.as_deref();
        let can_write_policy = d.same_environment.unwrap_or(same_account);
        if !same_account && !can_write_policy && !d.skip_permissions {
            return Err(Error::new(format!(
                "function `{}` is imported and may be of another account, whose resource policy this app cannot change: import it with `same_environment: true` when it is in the stack's account and region, or `skip_permissions: true` when it lets the role invoke it already",
                d.id
            )));
        }
        role.grant(
            app,
            Statement::allow(["lambda:InvokeFunction"]).on([
                Value::from(d.arn.clone()),
                Value::from(format!("{}:*", d.arn)),
            ]),
        )?;
        // A role not known to be of the function's account needs the function's resource
        // policy too: a permission named by a hash of the principal, as the CDK names it.
        if !same_account && can_write_policy {
            let stack = app.stack(self.node.stack());
            let principal = stack.path(role.node());
            let key = format!(
                "{{\"principal\":{},\"conditions\":{{}}}}",
                serde_json::Value::from(principal)
            );
            let id = format!("Invoke{}", base64(&Sha256::digest(key.as_bytes())));
            let permission = Resource::new("AWS::Lambda::Permission")
                .prop("Action", "lambda:InvokeFunction")
                .prop("FunctionName", Value::from(d.arn.clone()))
                .prop("Principal", role.arn(app));
            let st = app.stack_mut(self.node.stack());
            if st.child(self.node, &id).is_none() {
                st.add_resource(self.node, &id, permission)?;
            }
        }
        Ok(())
    }
}

/// Builds the `imported_function` item ([`Function::from_function_attributes`]).
#[derive(Debug)]
pub struct ImportedFunction;

// As in the CDK, an import returns the handle all functions share.
#[allow(clippy::new_ret_no_self)]
impl ImportedFunction {
    /// [`Function::from_function_attributes`].
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::lambda::{FunctionAttributes, ImportedFunction};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// ImportedFunction::new(&mut app, s, "Check", FunctionAttributes::default()
    ///     .function_arn("arn:aws:lambda:us-east-1:123456789012:function:check"))?;
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Function::from_function_attributes`].
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: FunctionAttributes,
    ) -> Result<Function, Error> {
        Function::from_function_attributes(app, scope, id, attrs)
    }
}

/// Standard base64 with padding, as Node's `digest("base64")` writes it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

handle!(Function);
