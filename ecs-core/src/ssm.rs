//! SSM parameters (CDK `aws-ssm.StringParameter`), the part containers need: a parameter a
//! container reads as a secret.
//!
//! ```
//! use ecs_core::{App, ssm::{StringParameter, StringParameterProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! let p = StringParameter::new(&mut app, s, "Parameter",
//!     StringParameterProps::default().parameter_name("/app/level").string_value("info")).unwrap();
//! assert!(matches!(p.parameter_arn(), ecs_core::cfn::Value::Join(..)));
//! ```

use crate::cfn::{Element, Parameter};
use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::iam::{Role, Statement};

props! {
    /// Properties of a [`StringParameter`].
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct StringParameterProps {
        /// `Name`; CloudFormation generates one when absent.
        [into "parameterName"]
        parameter_name: String,
        /// `Value` (required).
        [into "stringValue", .required()]
        string_value: String,
        /// `Description`.
        [into "description"]
        description: String,
    }
}

/// A `String` SSM parameter construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StringParameter {
    node: NodeId,
    resource: NodeId,
    /// Whether the name starts with `/`, which decides the ARN's separator.
    rooted: bool,
}

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl StringParameter {
    /// Creates a parameter with id `id` at the top of `stack`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a construct given is of another app, or the props lack a required value or break a rule; every violation of a rule is reported.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: StringParameterProps,
    ) -> Result<StringParameter, Error> {
        let scope: NodeId = scope.into();
        let stack = scope.stack();
        app.check_node(scope)?;
        let Some(value) = props.string_value else {
            return Err(Error::new(format!(
                "string parameter `{id}` needs `string_value`: add one, e.g. `string_value: \"info\"`"
            )));
        };
        let rooted = props
            .parameter_name
            .as_deref()
            .is_some_and(|n| n.starts_with('/'));
        let st = app.stack_mut(stack);
        let root = scope;
        let node = st.add_node(root, id)?;
        let resource = Resource::new("AWS::SSM::Parameter")
            .prop_opt("Description", props.description)
            .prop_opt("Name", props.parameter_name)
            .prop("Type", "String")
            .prop("Value", value);
        let resource = st.add_resource(node, "Resource", resource)?;
        Ok(StringParameter {
            node,
            resource,
            rooted,
        })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": parameter}`: the parameter's name.
    pub fn parameter_name(self) -> Value {
        Value::Ref(self.resource)
    }

    /// The parameter's ARN; a name starting with `/` needs no separator after `parameter`.
    pub fn parameter_arn(self) -> Value {
        let separator = if self.rooted { "" } else { "/" };
        Value::arn(
            "ssm",
            true,
            true,
            vec![
                format!("parameter{separator}").into(),
                self.parameter_name(),
            ],
        )
    }

    /// Lets `role` read the parameter (CDK `grantRead`).
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn grant_read(self, app: &mut App, role: Role) -> Result<(), Error> {
        app.check_each([role])?;
        app.check_stack(self.node.stack)?;
        role.grant(
            app,
            Statement::allow([
                "ssm:DescribeParameters",
                "ssm:GetParameters",
                "ssm:GetParameter",
                "ssm:GetParameterHistory",
            ])
            .on([self.parameter_arn()]),
        )
    }
}

/// The stack-level CloudFormation parameter that resolves an SSM parameter holding an AMI id,
/// shared by every user in the stack (CDK `ssm.StringParameter.valueForTypedStringParameterV2`).
pub(crate) fn ssm_parameter(app: &mut App, scope: NodeId, path: &str) -> Result<NodeId, Error> {
    ssm_parameter_typed(
        app,
        scope,
        path,
        "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
    )
}

/// The stack-level parameter of type `kind` resolving the SSM parameter at `path` (CDK
/// `valueForTypedStringParameterV2`), shared by every user in the stack.
pub(crate) fn ssm_parameter_typed(
    app: &mut App,
    scope: NodeId,
    path: &str,
    kind: &str,
) -> Result<NodeId, Error> {
    let stack = app.stack_mut(scope.stack());
    let root = stack.root();
    let id = format!("SsmParameterValue:{path}:C96584B6-F00A-464E-AD19-53AFF4B05118.Parameter");
    if let Some(existing) = stack.child(root, &id) {
        return Ok(existing);
    }
    stack.add_element(
        root,
        &id,
        Element::Parameter(Parameter {
            kind: kind.into(),
            default: Some(path.into()),
            description: None,
        }),
    )
}

handle!(StringParameter);
