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

pub mod duration;
pub mod policy;
pub mod size;
pub mod token;

pub use token::Token;

use std::borrow::Cow;

use policy::PolicyDocument;

/// A CloudFormation value: JSON, intrinsic functions and references to tree elements.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` (never written; an absent property is simply not set).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// A string.
    Str(Text),
    /// A list.
    List(Vec<Value>),
    /// An object, written with sorted keys as the CDK writes properties.
    Map(Map),
    /// `{"Ref": <logical id>}`.
    Ref(NodeId),
    /// `{"Fn::GetAtt": [<logical id>, attribute]}`.
    GetAtt(NodeId, Text),
    /// `{"Ref": "AWS::…"}`: the stack's account, region or partition (CDK `stack.account`,
    /// `stack.region`, `stack.partition`), written as a literal when the stack's environment
    /// fixes it.
    Pseudo(Pseudo),
    /// `{"Ref": "AWS::…"}` whatever the stack's environment (CDK `Aws.PARTITION` and the other
    /// `Aws.*` tokens), as in the ARN of an AWS managed policy.
    Aws(Pseudo),
    /// `{"Fn::Join": [delimiter, parts]}`.
    Join(Text, Vec<Value>),
    /// `{"Fn::Select": [index, list]}`.
    Select(u32, Box<Value>),
    /// `{"Fn::Split": [delimiter, source]}`.
    Split(Text, Box<Value>),
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

impl From<&'static str> for Value {
    fn from(s: &'static str) -> Value {
        Value::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(Cow::Owned(s))
    }
}

impl From<Text> for Value {
    fn from(s: Text) -> Value {
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

/// A value in text is a string standing for it (CDK tokens): `format!("{}-web", stage)` is a
/// string synthesis writes as `{"Fn::Join": ["", [{"Ref": "Stage"}, "-web"]]}`.
///
/// ```
/// use ecs_core::cfn::{Pseudo, Token, Value};
/// let name = format!("{}-web", Value::from(Pseudo::StackName));
/// assert!(Token::is_unresolved(&name));
/// assert_eq!(Value::from("web").to_string(), "web");
/// ```
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Str(text) => f.write_str(text),
            other => f.write_str(&Token::as_string(other.clone())),
        }
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
    pub fn join(delimiter: &'static str, parts: Vec<Value>) -> Value {
        let mut flat: Vec<Value> = Vec::new();
        for part in parts {
            // A string standing for a value joins as that value, not as text (CDK tokens).
            let part = match part {
                Value::Str(text) if Token::is_unresolved(&text) => {
                    Token::resolve(&text).unwrap_or(Value::Str(text))
                }
                other => other,
            };
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
                        prev.to_mut().push_str(delimiter);
                    }
                    prev.to_mut().push_str(&s);
                }
                (_, Value::Str(s)) if s.is_empty() && delimiter.is_empty() => {}
                (_, part) => merged.push(part),
            }
        }
        match merged.as_slice() {
            [] => Value::Str(Cow::Borrowed("")),
            [Value::Str(s)] => Value::Str(s.clone()),
            _ => Value::Join(Cow::Borrowed(delimiter), merged),
        }
    }

    /// A map from `(key, value)` pairs.
    pub fn map<K: Into<Text>>(pairs: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Map(pairs.into_iter().collect())
    }

    /// A list of strings.
    pub fn strings<S: Into<Text>>(items: impl IntoIterator<Item = S>) -> Value {
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

/// A string of a template: a literal is borrowed, a computed one owned, so the thousands of
/// fixed names and values a template repeats cost no allocation.
///
/// ```
/// use ecs_core::cfn::{Text, Value};
/// let fixed = Value::from("awsvpc"); // borrowed
/// let computed = Value::from(format!("svc{}", 1)); // owned
/// assert!(matches!(fixed, Value::Str(Text::Borrowed("awsvpc"))));
/// assert!(matches!(computed, Value::Str(Text::Owned(ref s)) if s == "svc1"));
/// ```
pub type Text = Cow<'static, str>;

/// A JSON object whose keys iterate in sorted order, as the CDK writes them.
///
/// Stored as a vector sorted by key: a template holds thousands of objects of a few keys each,
/// for which a B-tree's fixed-size nodes cost many times the entries.
///
/// ```
/// use ecs_core::cfn::{Map, Value};
/// let mut m = Map::new();
/// m.insert("b", Value::from(2u32));
/// m.insert("a", Value::from(1u32));
/// assert_eq!(m.insert("b", Value::from(3u32)), Some(Value::from(2u32)));
/// assert_eq!(m.keys().collect::<Vec<_>>(), ["a", "b"]);
/// assert_eq!(m.get("b"), Some(&Value::from(3u32)));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    entries: Vec<(Text, Value)>,
}

impl Map {
    /// An empty object.
    pub const fn new() -> Map {
        Map {
            entries: Vec::new(),
        }
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_ref().cmp(key))
    }

    /// Sets `key`, returning the value it replaced.
    pub fn insert(&mut self, key: impl Into<Text>, value: Value) -> Option<Value> {
        let key = key.into();
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// The value of `key`, to change in place.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// The value of `key`, set to `default()` first when absent.
    pub fn get_or_insert_with(
        &mut self,
        key: impl Into<Text>,
        default: impl FnOnce() -> Value,
    ) -> &mut Value {
        let key = key.into();
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// Whether `key` is set.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Frees the room kept for more keys.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.entries.shrink_to_fit();
    }

    /// How many keys are set.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no key is set.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_ref())
    }

    /// The values in key order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl<K: Into<Text>> FromIterator<(K, Value)> for Map {
    /// Collects pairs; of a repeated key the last value stays, as with `insert`.
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(pairs: I) -> Map {
        let mut entries: Vec<(Text, Value)> =
            pairs.into_iter().map(|(k, v)| (k.into(), v)).collect();
        if !entries.is_sorted_by(|a, b| a.0 < b.0) {
            // Stable, so of equal keys the last given is last; keep that one.
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut kept: Vec<(Text, Value)> = Vec::with_capacity(entries.len());
            for e in entries {
                match kept.last_mut() {
                    Some(last) if last.0 == e.0 => *last = e,
                    _ => kept.push(e),
                }
            }
            entries = kept;
        }
        Map { entries }
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a str, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Text, Value)>,
        fn(&'a (Text, Value)) -> (&'a str, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

/// A CloudFormation resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// The resource type, e.g. `AWS::ECS::Cluster`.
    pub kind: Text,
    /// Its properties, written in key order.
    pub properties: Map,
    /// `UpdatePolicy`.
    pub update_policy: Option<Value>,
    /// `UpdateReplacePolicy` and `DeletionPolicy` (the CDK sets both together).
    pub removal_policy: Option<&'static str>,
    /// Whether the CDK's tag aspect reaches it, and in which form.
    pub tagging: Tagging,
    /// Escape hatches (CDK `addOverride`): a `.`-separated path into the rendered resource
    /// (`Properties.Foo.Bar`, `DeletionPolicy`) and the value merged there, or `None` to
    /// delete it; applied in order at synthesis.
    pub overrides: Vec<(String, Option<Value>)>,
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
    /// `Tags: {Key: Value}` (SSM parameters).
    Map,
}

impl Resource {
    /// A resource of `kind` with no properties, tagged in the standard way when the type is
    /// one the CDK tags.
    pub fn new(kind: impl Into<Text>) -> Resource {
        let kind = kind.into();
        Resource {
            tagging: default_tagging(&kind),
            kind,
            properties: Map::new(),
            update_policy: None,
            removal_policy: None,
            overrides: Vec::new(),
        }
    }

    /// Sets a property.
    pub fn prop(mut self, key: impl Into<Text>, value: impl Into<Value>) -> Resource {
        self.set(key, value);
        self
    }

    /// Sets a property in place.
    pub fn set(&mut self, key: impl Into<Text>, value: impl Into<Value>) {
        self.properties.insert(key, value.into());
    }

    /// Sets a property when a value is given.
    pub fn prop_opt(mut self, key: impl Into<Text>, value: Option<impl Into<Value>>) -> Resource {
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
        | "AWS::EC2::EgressOnlyInternetGateway"
        | "AWS::EC2::SecurityGroup"
        | "AWS::IAM::Role"
        | "AWS::Lambda::Function"
        | "AWS::Logs::LogGroup"
        | "AWS::SNS::Topic"
        | "AWS::KMS::Key"
        | "AWS::ECS::Cluster"
        | "AWS::ECS::TaskDefinition"
        | "AWS::ECS::Service"
        | "AWS::ECS::CapacityProvider"
        | "AWS::ApplicationAutoScaling::ScalableTarget"
        | "AWS::ECR::Repository"
        | "AWS::ElasticLoadBalancing::LoadBalancer"
        | "AWS::ElasticLoadBalancingV2::LoadBalancer"
        | "AWS::ElasticLoadBalancingV2::Listener"
        | "AWS::ElasticLoadBalancingV2::ListenerRule"
        | "AWS::ElasticLoadBalancingV2::TargetGroup"
        | "AWS::Events::Rule"
        | "AWS::S3::Bucket"
        | "AWS::SecretsManager::Secret"
        | "AWS::SQS::Queue"
        | "AWS::ServiceDiscovery::Service"
        | "AWS::ServiceDiscovery::PrivateDnsNamespace"
        | "AWS::ServiceDiscovery::PublicDnsNamespace"
        | "AWS::ServiceDiscovery::HttpNamespace"
        | "AWS::CertificateManager::Certificate" => Tagging::Standard,
        "AWS::SSM::Parameter" => Tagging::Map,
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

impl Output {
    /// An output of `value` (CDK `CfnOutputProps`).
    pub fn new(value: impl Into<Value>) -> Output {
        Output {
            value: value.into(),
            description: None,
            export_name: None,
        }
    }

    /// Sets `Description`.
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Output {
        self.description = Some(description.into());
        self
    }

    /// Sets `Export.Name`: other stacks of the region can import the value by this name.
    #[must_use]
    pub fn export_name(mut self, name: impl Into<String>) -> Output {
        self.export_name = Some(name.into());
        self
    }
}

impl Parameter {
    /// A parameter of CloudFormation type `kind`, e.g. `String` (CDK `CfnParameterProps`).
    pub fn new(kind: impl Into<String>) -> Parameter {
        Parameter {
            kind: kind.into(),
            default: None,
            description: None,
        }
    }

    /// Sets `Default`.
    #[must_use]
    pub fn default_value(mut self, value: impl Into<String>) -> Parameter {
        self.default = Some(value.into());
        self
    }

    /// Sets `Description`.
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Parameter {
        self.description = Some(description.into());
        self
    }
}

/// Index of a stack in its [`App`](crate::App).
///
/// ```
/// let mut app = ecs_core::App::new();
/// let stack = app.add_stack("Web").unwrap();
/// assert_eq!(app.stack(stack).name(), "Web");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StackId(pub(crate) usize, pub(crate) AppId);

/// The identity of an [`App`](crate::App), stamped into its stacks (and so into every handle's
/// node), so a handle of one app used with another is an error instead of an index into the
/// wrong construct. A clone of an app keeps its identity: the handles fit both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct AppId(u32);

/// A node of a stack's construct tree.
///
/// ```
/// let mut app = ecs_core::App::new();
/// let stack = app.add_stack("Web").unwrap();
/// let root = app.stack(stack).root();
/// assert_eq!(root.stack(), stack);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId {
    pub(crate) stack: StackId,
    pub(crate) index: usize,
}

impl Default for AppId {
    fn default() -> AppId {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        AppId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

impl NodeId {
    /// The stack this node belongs to.
    pub fn stack(self) -> StackId {
        self.stack
    }
}

/// A number as JSON writes it: integral values without a fraction, as JavaScript prints them.
///
/// ```
/// assert_eq!(ecs_core::cfn::number(300.0), ecs_core::cfn::Value::Int(300));
/// ```
pub fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::Int(v as i64)
    } else {
        Value::Float(v)
    }
}

/// A stack as a scope: its root, where constructs created "at the top of the stack" go.
///
/// ```
/// let mut app = ecs_core::App::new();
/// let stack = app.add_stack("Web").unwrap();
/// assert_eq!(ecs_core::construct::NodeId::from(stack), app.stack(stack).root());
/// ```
impl From<StackId> for NodeId {
    fn from(stack: StackId) -> NodeId {
        NodeId { stack, index: 0 }
    }
}
