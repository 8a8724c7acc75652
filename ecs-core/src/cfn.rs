//! CloudFormation values, intrinsic functions and template elements.
//!
//! A [`Value`] is JSON plus references to other elements of the tree; references resolve to
//! logical IDs only when the template is written, so a construct can refer to one whose ID is
//! not yet known.
//!
//! ```
//! use ecs_core::cfn::{Pseudo, Value};
//! let v = Value::join("", vec![Value::from("arn:"), Pseudo::Partition.into(), Value::from(":s3:::b")]);
//! assert!(matches!(v, Value::Join(..)));
//! assert_eq!(Value::join("", vec!["a".into(), "b".into()]), Value::from("ab"));
//! ```

use std::collections::BTreeMap;

use crate::construct::NodeId;
use crate::iam::PolicyDocument;

/// A CloudFormation value: JSON, intrinsic functions and references to tree elements.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` (never written; an absent property is simply not set).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(String),
    /// A list.
    List(Vec<Value>),
    /// An object, written with sorted keys as the CDK writes properties.
    Map(BTreeMap<String, Value>),
    /// `{"Ref": <logical id>}`.
    Ref(NodeId),
    /// `{"Fn::GetAtt": [<logical id>, attribute]}`.
    GetAtt(NodeId, String),
    /// `{"Ref": "AWS::…"}`.
    Pseudo(Pseudo),
    /// `{"Fn::Join": [delimiter, parts]}`.
    Join(String, Vec<Value>),
    /// `{"Fn::Select": [index, list]}`.
    Select(u32, Box<Value>),
    /// `{"Fn::Split": [delimiter, source]}`.
    Split(String, Box<Value>),
    /// `{"Fn::GetAZs": region}`.
    GetAzs(String),
    /// `{"Fn::Base64": value}`.
    Base64(Box<Value>),
    /// `{"Fn::Sub": template}`.
    Sub(String),
    /// An IAM policy document, minimized when written.
    Policy(PolicyDocument),
    /// The generated name of an `AWS::IAM::Policy`: the last 128 characters of the logical ID of
    /// the resource holding this value (CDK `generatePolicyName`).
    PolicyName,
}

/// CloudFormation pseudo parameters.
///
/// ```
/// assert_eq!(ecs_core::cfn::Pseudo::Region.name(), "AWS::Region");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pseudo {
    /// `AWS::AccountId`
    AccountId,
    /// `AWS::Partition`
    Partition,
    /// `AWS::Region`
    Region,
    /// `AWS::URLSuffix`
    UrlSuffix,
    /// `AWS::StackName`
    StackName,
    /// `AWS::StackId`
    StackId,
}

impl Pseudo {
    /// The parameter's name.
    pub const fn name(self) -> &'static str {
        match self {
            Pseudo::AccountId => "AWS::AccountId",
            Pseudo::Partition => "AWS::Partition",
            Pseudo::Region => "AWS::Region",
            Pseudo::UrlSuffix => "AWS::URLSuffix",
            Pseudo::StackName => "AWS::StackName",
            Pseudo::StackId => "AWS::StackId",
        }
    }
}

impl From<Pseudo> for Value {
    fn from(p: Pseudo) -> Value {
        Value::Pseudo(p)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Int(n.into())
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        Value::List(v)
    }
}

impl From<PolicyDocument> for Value {
    fn from(d: PolicyDocument) -> Value {
        Value::Policy(d)
    }
}

impl Value {
    /// `Fn::Join` as the CDK's token resolver leaves it: nested joins with the same delimiter
    /// are flattened, adjacent literals merged, and an all-literal join becomes a string.
    pub fn join(delimiter: &str, parts: Vec<Value>) -> Value {
        let mut flat: Vec<Value> = Vec::new();
        for part in parts {
            match part {
                Value::Join(d, inner) if d == delimiter => flat.extend(inner),
                other => flat.push(other),
            }
        }
        let mut merged: Vec<Value> = Vec::new();
        for part in flat {
            match (merged.last_mut(), part) {
                (Some(Value::Str(prev)), Value::Str(s)) => {
                    if !delimiter.is_empty() {
                        prev.push_str(delimiter);
                    }
                    prev.push_str(&s);
                }
                (_, Value::Str(s)) if s.is_empty() && delimiter.is_empty() => {}
                (_, part) => merged.push(part),
            }
        }
        match merged.as_slice() {
            [] => Value::Str(String::new()),
            [Value::Str(s)] => Value::Str(s.clone()),
            _ => Value::Join(delimiter.to_string(), merged),
        }
    }

    /// A map from `(key, value)` pairs.
    pub fn map<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Map(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A list of strings.
    pub fn strings<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Value {
        Value::List(items.into_iter().map(|s| Value::Str(s.into())).collect())
    }

    /// `arn:${Partition}:<service>:${Region}:${AccountId}:<resource>` as the CDK's
    /// `Stack.formatArn` renders it in an environment-agnostic stack.
    pub fn arn(service: &str, region: bool, account: bool, resource: Vec<Value>) -> Value {
        let mut parts = vec![Value::from("arn:"), Pseudo::Partition.into()];
        parts.push(format!(":{service}:").into());
        if region {
            parts.push(Pseudo::Region.into());
        }
        parts.push(":".into());
        if account {
            parts.push(Pseudo::AccountId.into());
        }
        parts.push(":".into());
        parts.extend(resource);
        Value::join("", parts)
    }
}

/// A CloudFormation resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// The resource type, e.g. `AWS::ECS::Cluster`.
    pub kind: String,
    /// Its properties, written in key order.
    pub properties: BTreeMap<String, Value>,
    /// `UpdatePolicy`.
    pub update_policy: Option<Value>,
    /// `UpdateReplacePolicy` and `DeletionPolicy` (the CDK sets both together).
    pub removal_policy: Option<&'static str>,
    /// Whether the CDK's tag aspect reaches it, and in which form.
    pub tagging: Tagging,
}

/// How a resource type carries tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tagging {
    /// Not taggable.
    None,
    /// `Tags: [{Key, Value}]`.
    Standard,
    /// `Tags: [{Key, PropagateAtLaunch: true, Value}]` (auto-scaling groups).
    AutoScaling,
    /// `TagSpecifications` for the instance, volume and launch template (launch templates).
    LaunchTemplate,
    /// `[{Key, Value}]` under another property name (`FileSystemTags` of EFS file systems,
    /// `AccessPointTags` of access points).
    Named(&'static str),
}

impl Resource {
    /// A resource of `kind` with no properties, tagged in the standard way when the type is
    /// one the CDK tags.
    pub fn new(kind: &str) -> Resource {
        Resource {
            kind: kind.to_string(),
            properties: BTreeMap::new(),
            update_policy: None,
            removal_policy: None,
            tagging: default_tagging(kind),
        }
    }

    /// Sets a property.
    pub fn prop(mut self, key: &str, value: impl Into<Value>) -> Resource {
        self.set(key, value);
        self
    }

    /// Sets a property in place.
    pub fn set(&mut self, key: &str, value: impl Into<Value>) {
        self.properties.insert(key.to_string(), value.into());
    }

    /// Sets a property when a value is given.
    pub fn prop_opt(mut self, key: &str, value: Option<impl Into<Value>>) -> Resource {
        if let Some(v) = value {
            self.set(key, v);
        }
        self
    }
}

/// The resource types the CDK's `Tags` aspect writes standard `Tags` on.
fn default_tagging(kind: &str) -> Tagging {
    match kind {
        "AWS::AutoScaling::AutoScalingGroup" => Tagging::AutoScaling,
        "AWS::EC2::LaunchTemplate" => Tagging::LaunchTemplate,
        "AWS::EFS::FileSystem" => Tagging::Named("FileSystemTags"),
        "AWS::EFS::AccessPoint" => Tagging::Named("AccessPointTags"),
        "AWS::EC2::VPC"
        | "AWS::EC2::Subnet"
        | "AWS::EC2::RouteTable"
        | "AWS::EC2::EIP"
        | "AWS::EC2::NatGateway"
        | "AWS::EC2::InternetGateway"
        | "AWS::EC2::SecurityGroup"
        | "AWS::IAM::Role"
        | "AWS::Lambda::Function"
        | "AWS::Logs::LogGroup"
        | "AWS::SNS::Topic"
        | "AWS::KMS::Key"
        | "AWS::ECS::Cluster"
        | "AWS::ECS::TaskDefinition"
        | "AWS::ECS::Service" => Tagging::Standard,
        _ => Tagging::None,
    }
}

/// A template parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// `Type`.
    pub kind: String,
    /// `Default`.
    pub default: Option<String>,
    /// `Description`.
    pub description: Option<String>,
}

/// A template output.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// `Value`.
    pub value: Value,
    /// `Description`.
    pub description: Option<String>,
    /// `Export.Name`.
    pub export_name: Option<String>,
}

/// What a tree node contributes to its stack's template.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    /// A resource.
    Resource(Resource),
    /// A parameter.
    Parameter(Parameter),
    /// An output.
    Output(Output),
}

/// A template output (CDK `CfnOutput`).
///
/// ```
/// use ecs_core::{App, cfn::{CfnOutput, Pseudo}};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let root = app.stack(s).root();
/// CfnOutput::new(&mut app, root, "Region", Pseudo::Region.into(), Some("where it runs")).unwrap();
/// let t = &app.templates().unwrap()[0].1;
/// assert_eq!(t["Outputs"]["Region"]["Value"]["Ref"], "AWS::Region");
/// ```
#[derive(Debug)]
pub struct CfnOutput;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl CfnOutput {
    /// Adds an output with id `id` under `scope`; its logical ID follows the construct path.
    pub fn new(
        app: &mut crate::App,
        scope: NodeId,
        id: &str,
        value: Value,
        description: Option<&str>,
    ) -> Result<NodeId, crate::Error> {
        let output = Output {
            value,
            description: description.map(String::from),
            export_name: None,
        };
        app.stack_mut(scope.stack())
            .add_element(scope, id, Element::Output(output))
    }
}

/// A template parameter (CDK `CfnParameter`), e.g. an SSM-typed one resolved at deploy time.
///
/// ```
/// use ecs_core::{App, cfn::CfnParameter};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let root = app.stack(s).root();
/// let tag = CfnParameter::new(&mut app, root, "ImageTag", "String", None).unwrap();
/// assert!(matches!(tag, ecs_core::cfn::Value::Ref(_)));
/// ```
#[derive(Debug)]
pub struct CfnParameter;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl CfnParameter {
    /// Adds a parameter of CloudFormation type `kind` and returns `{"Ref": parameter}`.
    pub fn new(
        app: &mut crate::App,
        scope: NodeId,
        id: &str,
        kind: &str,
        default: Option<&str>,
    ) -> Result<Value, crate::Error> {
        let parameter = Parameter {
            kind: kind.to_string(),
            default: default.map(String::from),
            description: None,
        };
        let node =
            app.stack_mut(scope.stack())
                .add_element(scope, id, Element::Parameter(parameter))?;
        Ok(Value::Ref(node))
    }
}
