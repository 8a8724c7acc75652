//! The cloud assembly's construct metadata, as aws-cdk-lib 2.276.0 writes it: each stack's
//! `<Stack>.metadata.json` (named by the artifact's `additionalMetadataFile`: the logical ID of
//! every element and the annotations, keyed by construct path) and `tree.json` (the `Tree`
//! artifact: the construct tree with each L1 resource's type, logical ID and properties).
//!
//! The CDK writes both on every synthesis; this library writes them when the context asks for
//! metadata ([`METADATA_KEYS`](crate::construct::context::METADATA_KEYS), which the CDK CLI
//! passes), so the assembly of a plain run stays as it was. What the CDK writes and we do not:
//! creation stack traces and annotation `trace`s (JavaScript call stacks), the
//! `aws:cdk:analytics:*` telemetry entries, validation acknowledgements, the feature-flag report
//! artifact, and the `constructInfo` of scopes whose CDK class this library does not record.

use serde_json::{Map, Value as Json, json};

use super::render::StackRenderer;
use crate::cfn::Element;
use crate::construct::app::App;
use crate::construct::context::METADATA_KEYS;
use crate::construct::{NodeId, Stack};
use crate::error::Error;

/// The aws-cdk-lib version the construct info names (the version this library reproduces).
const CDK_VERSION: &str = "2.276.0";

/// The `constructs` version aws-cdk-lib 2.276.0 runs on, for plain constructs.
const CONSTRUCTS_VERSION: &str = "10.8.1";

/// Whether the context asks for the assembly's metadata.
pub(super) fn enabled(app: &App) -> bool {
    METADATA_KEYS.iter().any(|k| app.context_flag(k))
}

/// A node of the tree the CDK synthesizes: the app's own, and those the CDK adds to each stack
/// at synthesis (`Publish` with the outputs other stacks read, `BootstrapVersion`,
/// `CheckBootstrapVersion`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Node(usize),
    Publish,
    Published(usize),
    BootstrapVersion,
    CheckBootstrapVersion,
}

/// One stack's tree, with the nodes synthesis adds.
struct View<'a> {
    stack: &'a Stack,
    renderer: &'a StackRenderer<'a>,
}

impl View<'_> {
    fn children(&self, item: Item) -> Vec<Item> {
        match item {
            Item::Node(i) => {
                let mut out: Vec<Item> = self.stack.nodes[i]
                    .children
                    .iter()
                    .map(|&c| Item::Node(c))
                    .collect();
                if i == 0 {
                    if !self.renderer.published().is_empty() {
                        out.push(Item::Publish);
                    }
                    out.extend([Item::BootstrapVersion, Item::CheckBootstrapVersion]);
                }
                out
            }
            Item::Publish => (0..self.renderer.published().len())
                .map(Item::Published)
                .collect(),
            _ => Vec::new(),
        }
    }

    fn id(&self, item: Item) -> String {
        match item {
            Item::Node(i) => self.stack.id(i).to_string(),
            Item::Publish => "Publish".into(),
            // The CDK names the output after the JSON of the reference it publishes.
            Item::Published(i) => format!("Output{}", self.renderer.published()[i].1),
            Item::BootstrapVersion => "BootstrapVersion".into(),
            Item::CheckBootstrapVersion => "CheckBootstrapVersion".into(),
        }
    }

    fn path(&self, item: Item) -> String {
        match item {
            Item::Node(i) => self.stack.path(self.node(i)),
            Item::Published(_) => format!("{}/Publish/{}", self.stack.name, self.id(item)),
            _ => format!("{}/{}", self.stack.name, self.id(item)),
        }
    }

    fn node(&self, index: usize) -> NodeId {
        NodeId {
            stack: self.stack.index,
            index,
        }
    }

    fn logical_id(&self, item: Item) -> Option<String> {
        match item {
            Item::Node(i) => self.renderer.logical_id(i).map(String::from),
            Item::Published(i) => Some(self.renderer.published()[i].0.clone()),
            Item::BootstrapVersion => Some("BootstrapVersion".into()),
            Item::CheckBootstrapVersion => Some("CheckBootstrapVersion".into()),
            Item::Publish => None,
        }
    }

    /// The stack's metadata: breadth-first, each node with entries keyed by its path, as the
    /// CDK's `collectStackMetadata` walks the stack.
    fn stack_metadata(&self) -> Json {
        let mut out = Map::new();
        let mut queue = std::collections::VecDeque::from([Item::Node(0)]);
        while let Some(item) = queue.pop_front() {
            let mut entries = Vec::new();
            if let Some(id) = self.logical_id(item) {
                entries.push(json!({"type": "aws:cdk:logicalId", "data": id}));
            }
            if let Item::Node(i) = item {
                for note in self.stack.notes(i) {
                    entries.push(json!({"type": note.level.metadata_type(), "data": note.message}));
                }
            }
            if !entries.is_empty() {
                out.insert(format!("/{}", self.path(item)), Json::Array(entries));
            }
            queue.extend(self.children(item));
        }
        Json::Object(out)
    }

    /// The stack's node of `tree.json`, and everything below it.
    fn tree(&self, item: Item, template: &Json) -> Json {
        let mut node = Map::new();
        node.insert("id".into(), Json::from(self.id(item)));
        node.insert("path".into(), Json::from(self.path(item)));
        let (fqn, attributes) = self.construct_info(item, template);
        if let Some(fqn) = fqn {
            let version = if fqn.starts_with("constructs.") {
                CONSTRUCTS_VERSION
            } else {
                CDK_VERSION
            };
            node.insert(
                "constructInfo".into(),
                json!({"fqn": fqn, "version": version}),
            );
        }
        if let Some(attributes) = attributes {
            node.insert("attributes".into(), attributes);
        }
        let children = self.children(item);
        if !children.is_empty() {
            let mut map = Map::new();
            for child in children {
                map.insert(self.id(child), self.tree(child, template));
            }
            node.insert("children".into(), Json::Object(map));
        }
        Json::Object(node)
    }

    /// The CDK class of a node (when this library knows it) and, for an L1 resource, the
    /// attributes its `inspect()` reports.
    fn construct_info(&self, item: Item, template: &Json) -> (Option<String>, Option<Json>) {
        let i = match item {
            Item::Node(0) => return (Some("aws-cdk-lib.Stack".into()), None),
            Item::Node(i) => i,
            Item::Publish => return (Some("constructs.Construct".into()), None),
            Item::Published(_) => return (Some("aws-cdk-lib.CfnOutput".into()), None),
            Item::BootstrapVersion => return (Some("aws-cdk-lib.CfnParameter".into()), None),
            Item::CheckBootstrapVersion => return (Some("aws-cdk-lib.CfnRule".into()), None),
        };
        match self.stack.element(i) {
            Some(Element::Parameter(_)) => (Some("aws-cdk-lib.CfnParameter".into()), None),
            Some(Element::Output(_)) => (Some("aws-cdk-lib.CfnOutput".into()), None),
            Some(Element::Resource(r)) => {
                let fqn = l1_class(&r.kind).filter(|_| !self.in_resource_provider(i));
                let Some(fqn) = fqn else {
                    // A plain `CfnResource` has no `inspect()`: no attributes.
                    return (Some("aws-cdk-lib.CfnResource".into()), None);
                };
                let id = self.renderer.logical_id(i).unwrap_or_default();
                let mut attributes = Map::new();
                attributes.insert("aws:cdk:cloudformation:type".into(), Json::from(&*r.kind));
                attributes.insert("aws:cdk:cloudformation:logicalId".into(), Json::from(id));
                let props = template["Resources"][id]
                    .get("Properties")
                    .map_or_else(|| json!({}), |p| camel_props(p, false));
                attributes.insert("aws:cdk:cloudformation:props".into(), props);
                (Some(fqn), Some(Json::Object(attributes)))
            }
            None => (self.stack.nodes[i].fqn().map(String::from), None),
        }
    }

    /// Whether the node is inside a `Custom::…` resource provider, whose role and function
    /// the CDK writes as plain `CfnResource`s.
    fn in_resource_provider(&self, index: usize) -> bool {
        std::iter::successors(Some(index), |&i| self.stack.nodes[i].parent())
            .filter(|&i| i != 0)
            .any(|i| self.stack.id(i).starts_with("Custom::"))
    }
}

/// The CDK's L1 class of a resource type: `AWS::EC2::VPC` is `aws-cdk-lib.aws_ec2.CfnVPC`;
/// none for custom resources, which the CDK writes as plain `CfnResource`s.
///
/// ```text
/// AWS::ElasticLoadBalancingV2::TargetGroup → aws-cdk-lib.aws_elasticloadbalancingv2.CfnTargetGroup
/// ```
fn l1_class(kind: &str) -> Option<String> {
    let mut parts = kind.split("::");
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("AWS"), Some("CloudFormation"), Some("CustomResource"), None) => None,
        (Some("AWS"), Some(service), Some(name), None) => Some(format!(
            "aws-cdk-lib.aws_{}.Cfn{name}",
            service.to_ascii_lowercase()
        )),
        _ => None,
    }
}

/// Properties whose value is free-form JSON in the CDK's L1 classes: written as given.
const JSON_VALUED: &[&str] = &[
    "PolicyDocument",
    "AssumeRolePolicyDocument",
    "KeyPolicy",
    "EventPattern",
    "RepositoryPolicyText",
    "LifecyclePolicyText",
    "FileSystemPolicy",
];

/// Properties whose value is a string map in the CDK's L1 classes: the keys are the user's.
const MAP_VALUED: &[&str] = &["DockerLabels", "Options", "Variables"];

/// CloudFormation properties as the CDK's L1 props: keys in lower camel case at every level
/// of the property types, free-form JSON, string maps and intrinsic functions as written.
fn camel_props(value: &Json, raw: bool) -> Json {
    match value {
        Json::Array(items) => Json::Array(items.iter().map(|v| camel_props(v, raw)).collect()),
        Json::Object(m) if !raw && !is_intrinsic(m) => Json::Object(
            m.iter()
                .map(|(k, v)| {
                    let keep = JSON_VALUED.contains(&k.as_str())
                        || (MAP_VALUED.contains(&k.as_str()) && v.is_object());
                    (lower_camel(k), camel_props(v, keep))
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `{"Ref": …}`, `{"Fn::…": …}`: left as they are.
fn is_intrinsic(m: &Map<String, Json>) -> bool {
    m.len() == 1
        && m.keys()
            .next()
            .is_some_and(|k| k == "Ref" || k.starts_with("Fn::") || k == "Condition")
}

/// The CDK's property names (its code generator's camel case): words split at case changes, an
/// acronym one word, the first lower-cased and the others capitalized (`VPCZoneIdentifier` →
/// `vpcZoneIdentifier`, `RoleARN` → `roleArn`, `EnableECSManagedTags` → `enableEcsManagedTags`).
fn lower_camel(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let starts = match prev {
            None => true,
            Some(p) if c.is_ascii_uppercase() => {
                !p.is_ascii_uppercase() || next.is_some_and(char::is_ascii_lowercase)
            }
            Some(_) => false,
        };
        match words.last_mut() {
            Some(word) if !starts => word.push(c),
            _ => words.push(c.to_string()),
        }
    }
    let mut out = String::with_capacity(name.len());
    for (i, word) in words.iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        if i == 0 {
            out.push_str(&lower);
        } else {
            let mut cs = lower.chars();
            if let Some(first) = cs.next() {
                out.push(first.to_ascii_uppercase());
                out.extend(cs);
            }
        }
    }
    out
}

/// Each stack's `<Stack>.metadata.json` content (none when the stack has no entries).
pub(super) fn stack_metadata(stack: &Stack, renderer: &StackRenderer) -> Option<Json> {
    let json = View { stack, renderer }.stack_metadata();
    json.as_object()
        .is_some_and(|m| !m.is_empty())
        .then_some(json)
}

/// `tree.json`: the app, its stacks, and the `Tree` construct the CDK adds last.
pub(super) fn tree(app: &App, renderers: &[StackRenderer]) -> Result<Json, Error> {
    let mut children = Map::new();
    for (stack, renderer) in app.stacks.iter().zip(renderers) {
        let template = renderer.to_json()?;
        let view = View { stack, renderer };
        children.insert(stack.name.clone(), view.tree(Item::Node(0), &template));
    }
    children.insert(
        "Tree".into(),
        json!({"id": "Tree", "path": "Tree", "constructInfo": {"fqn": "constructs.Construct", "version": CONSTRUCTS_VERSION}}),
    );
    Ok(json!({
        "version": "tree-0.1",
        "tree": {
            "id": "App",
            "path": "",
            "constructInfo": {"fqn": "aws-cdk-lib.App", "version": CDK_VERSION},
            "children": children
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_names_are_the_cdks() {
        for (cfn, cdk) in [
            ("MaxSize", "maxSize"),
            ("VPCZoneIdentifier", "vpcZoneIdentifier"),
            ("AwsvpcConfiguration", "awsvpcConfiguration"),
            ("Cpu", "cpu"),
            ("ARN", "arn"),
            ("RoleARN", "roleArn"),
            ("EnableECSManagedTags", "enableEcsManagedTags"),
            ("NotificationTargetARN", "notificationTargetArn"),
        ] {
            assert_eq!(lower_camel(cfn), cdk);
        }
    }

    #[test]
    fn l1_classes_follow_the_resource_type() {
        assert_eq!(
            l1_class("AWS::EC2::VPC").as_deref(),
            Some("aws-cdk-lib.aws_ec2.CfnVPC")
        );
        assert_eq!(
            l1_class("AWS::ElasticLoadBalancingV2::TargetGroup").as_deref(),
            Some("aws-cdk-lib.aws_elasticloadbalancingv2.CfnTargetGroup")
        );
        assert_eq!(l1_class("Custom::VpcRestrictDefaultSG"), None);
    }

    #[test]
    fn intrinsics_and_free_form_json_keep_their_keys() {
        let props = json!({
            "PolicyDocument": {"Statement": [{"Effect": "Allow"}]},
            "Roles": [{"Ref": "RoleX"}],
            "DockerLabels": {"My-Label": "x"},
            "Tags": [{"Key": "Name", "Value": "x"}]
        });
        assert_eq!(
            camel_props(&props, false),
            json!({
                "policyDocument": {"Statement": [{"Effect": "Allow"}]},
                "roles": [{"Ref": "RoleX"}],
                "dockerLabels": {"My-Label": "x"},
                "tags": [{"key": "Name", "value": "x"}]
            })
        );
    }
}
