//! Secrets Manager secrets (CDK `aws-secretsmanager.Secret`), the part containers need: a
//! generated secret whose ARN a container reads as a secret or as registry credentials.
//!
//! ```
//! use ecs_core::{App, secretsmanager::{Secret, SecretProps, SecretStringGenerator}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let db = Secret::new(&mut app, s, "DbSecret", SecretProps::default().generate_secret_string(
//!     SecretStringGenerator::default()
//!         .secret_string_template(r#"{"username":"app"}"#)
//!         .generate_string_key("password"))).unwrap();
//! assert!(matches!(db.secret_arn(), ecs_core::cfn::Value::Ref(_)));
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::iam::{Role, Statement};

/// How the secret's value is generated (CDK `SecretStringGenerator`, the part this library
/// supports).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecretStringGenerator {
    /// `SecretStringTemplate`: a JSON object the generated value is added to.
    pub secret_string_template: Option<String>,
    /// `GenerateStringKey`: the key of the generated value in the template.
    pub generate_string_key: Option<String>,
    /// `PasswordLength`.
    pub password_length: Option<u32>,
    /// `ExcludeCharacters`.
    pub exclude_characters: Option<String>,
}

impl SecretStringGenerator {
    /// Sets `secret_string_template`.
    pub fn secret_string_template(mut self, template: impl Into<String>) -> Self {
        self.secret_string_template = Some(template.into());
        self
    }

    /// Sets `generate_string_key`.
    pub fn generate_string_key(mut self, key: impl Into<String>) -> Self {
        self.generate_string_key = Some(key.into());
        self
    }

    /// Sets `password_length`.
    pub fn password_length(mut self, n: u32) -> Self {
        self.password_length = Some(n);
        self
    }

    /// Sets `exclude_characters`.
    pub fn exclude_characters(mut self, chars: impl Into<String>) -> Self {
        self.exclude_characters = Some(chars.into());
        self
    }

    fn render(&self) -> Value {
        let mut m = Vec::new();
        if let Some(v) = &self.exclude_characters {
            m.push(("ExcludeCharacters", Value::from(v.clone())));
        }
        if let Some(v) = &self.generate_string_key {
            m.push(("GenerateStringKey", Value::from(v.clone())));
        }
        if let Some(v) = self.password_length {
            m.push(("PasswordLength", v.into()));
        }
        if let Some(v) = &self.secret_string_template {
            m.push(("SecretStringTemplate", Value::from(v.clone())));
        }
        Value::map(m)
    }
}

props! {
    /// Properties of a [`Secret`].
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct SecretProps {
        /// `Name`; CloudFormation generates one when absent.
        [into "secretName"]
        secret_name: String,
        /// `Description`.
        [into "description"]
        description: String,
        /// `GenerateSecretString`; an empty generator (a random password) when absent.
        [opt "generateSecretString", .default("a random password")]
        generate_secret_string: SecretStringGenerator,
    }
}

/// A Secrets Manager secret construct: one this app creates, or one that exists already and is
/// known by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Secret {
    node: NodeId,
    source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Resource(NodeId),
    /// An existing secret named by its friendly name (CDK `Secret.fromSecretNameV2`).
    Name(&'static str),
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Secret {
    /// Creates a secret with id `id` at the top of `stack`; it is deleted with the stack, as
    /// the CDK's default removal policy for secrets says.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: SecretProps,
    ) -> Result<Secret, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        let generator = props.generate_secret_string.unwrap_or_default();
        let mut resource = Resource::new("AWS::SecretsManager::Secret")
            .prop("GenerateSecretString", generator.render())
            .prop_opt("Description", props.description)
            .prop_opt("Name", props.secret_name);
        resource.removal_policy = Some("Delete");
        let resource = st.add_resource(node, "Resource", resource)?;
        Ok(Secret {
            node,
            source: Source::Resource(resource),
        })
    }

    /// An existing secret known by its name (CDK `Secret.fromSecretNameV2`): its ARN is built
    /// from the name, and grants cover the six random characters Secrets Manager appends.
    ///
    /// ```
    /// use ecs_core::{App, secretsmanager::Secret};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let token = Secret::from_secret_name_v2(&mut app, s, "SplunkToken", "my-splunk-token").unwrap();
    /// assert!(matches!(token.secret_arn(), ecs_core::cfn::Value::Join(..)));
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn from_secret_name_v2(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        name: impl Into<String>,
    ) -> Result<Secret, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        // Leaked so the handle is `Copy` like every other handle (`ecs_app!` passes a secret
        // by name to several containers); one short string per imported secret.
        let name: &'static str = Box::leak(name.into().into_boxed_str());
        Ok(Secret {
            node,
            source: Source::Name(name),
        })
    }

    fn arn_with(&self, suffix: &str) -> Value {
        match self.source {
            Source::Resource(r) => Value::Ref(r),
            Source::Name(name) => Value::arn(
                "secretsmanager",
                true,
                true,
                vec![format!("secret:{name}{suffix}").into()],
            ),
        }
    }

    /// The construct's scope.
    pub fn node(&self) -> NodeId {
        self.node
    }

    /// The secret's ARN: `{"Ref": secret}`, or built from the name of an existing one.
    pub fn secret_arn(&self) -> Value {
        self.arn_with("")
    }

    /// Lets `role` read the secret (CDK `grantRead`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn grant_read(&self, app: &mut App, role: Role) -> Result<(), Error> {
        app.check_each([role])?;
        role.grant(
            app,
            Statement::allow([
                "secretsmanager:GetSecretValue",
                "secretsmanager:DescribeSecret",
            ])
            .on([self.arn_with("-??????")]),
        )
    }
}
