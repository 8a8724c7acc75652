//! The construct tree: stacks of nodes with ids and paths, and the CDK's logical-ID algorithm.
//!
//! A node's logical ID is computed exactly as the CDK's `makeUniqueId` computes it (reference
//! §3), so the same construct path yields the same ID and a stack moved from the CDK to this
//! library replaces no resource.
//!
//! ```
//! use ecs_core::construct::make_unique_id;
//! assert_eq!(make_unique_id(&["TaskDef", "Resource"]), "TaskDef54694570");
//! assert_eq!(make_unique_id(&["Service", "Service"]), "ServiceD69D759B");
//! ```

pub mod annotations;
pub mod app;
pub mod asset;
mod built;
mod cfn_resource;
pub mod context;

use std::collections::BTreeMap;
use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use md5::{Digest, Md5};

pub(crate) use crate::cfn::AppId;
use crate::cfn::{Element, Output, Parameter, Resource, Value};
pub use crate::cfn::{NodeId, StackId};
use crate::error::Error;
use app::App;
pub use built::Built;
pub use cfn_resource::{
    CfnResource, CfnResourceProps, RemovalPolicy, resource_type, resource_type_message,
};

/// A construct handle: its node tells which app and stack made it, so [`App::check_each`]
/// can refuse the handles of another app before their indices are read.
///
/// [`App::check_each`]: crate::App::check_each
pub(crate) trait Handle: Copy {
    fn node_id(self) -> NodeId;
}

impl Handle for NodeId {
    fn node_id(self) -> NodeId {
        self
    }
}

/// A tag set on a scope, optionally limited to one resource type (CDK `includeResourceTypes`).
#[derive(Debug, Clone)]
pub(crate) struct Tag {
    key: String,
    /// `None` removes the key (CDK `Tags.of(scope).remove`).
    value: Option<String>,
    only: Option<&'static str>,
    /// Higher wins; at equal priority the later (deeper) one.
    priority: u32,
    /// `includeResourceTypes`: only these types, when not empty.
    include: Vec<String>,
    /// `excludeResourceTypes`.
    exclude: Vec<String>,
}

impl Tag {
    /// An added tag at the CDK's default priority (100).
    fn add(key: &str, value: &str, only: Option<&'static str>) -> Tag {
        Tag {
            key: key.to_string(),
            value: Some(value.to_string()),
            only,
            priority: 100,
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }

    fn applies_to(&self, kind: &str) -> bool {
        self.only.is_none_or(|only| only == kind)
            && (self.include.is_empty() || self.include.iter().any(|t| t == kind))
            && !self.exclude.iter().any(|t| t == kind)
    }
}

// A tree holds one node per construct: what few nodes have is boxed, so the node array is
// small to grow and to walk.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// The construct id: `(start, length)` in the stack's `ids`.
    id: (u32, u32),
    pub(crate) children: Vec<usize>,
    /// The index of the node's CloudFormation element in the stack's `elements`;
    /// `u32::MAX` for none.
    element: u32,
    extra: Option<Box<NodeExtra>>,
    /// The parent's index; `u32::MAX` for the stack root.
    parent: u32,
    /// Created as the CDK's aspects create constructs, at synthesis: it stays after every
    /// sibling, even those added later.
    pub(crate) late: bool,
}

/// What only some nodes carry.
#[derive(Debug, Clone, Default)]
struct NodeExtra {
    /// Tags applied to this scope and every taggable resource below it (CDK `Tags.of(scope)`).
    tags: Vec<Tag>,
    /// Scopes every resource at or below this node depends on (CDK `node.addDependency`).
    depends_on: Vec<NodeId>,
    /// Messages recorded on the node (CDK `Annotations.of(node)`), in the order added.
    annotations: Vec<annotations::Note>,
    /// Warning ids acknowledged at this node, for it and everything below it.
    acknowledged: Vec<String>,
    /// The CDK class the node stands for (`aws-cdk-lib.aws_ecs.Cluster`), for `tree.json`.
    fqn: Option<&'static str>,
    /// Whether the resources at or below this node ignore their ancestors' dependencies: the
    /// CDK made them while writing the template, after dependencies were settled.
    detached: bool,
}

impl Node {
    fn new(id: (u32, u32), parent: Option<usize>) -> Node {
        Node {
            id,
            children: Vec::new(),
            element: u32::MAX,
            extra: None,
            parent: parent.map_or(u32::MAX, |p| p as u32),
            late: false,
        }
    }

    /// The parent's index; none for the stack root.
    pub(crate) fn parent(&self) -> Option<usize> {
        (self.parent != u32::MAX).then_some(self.parent as usize)
    }

    /// The tags applied at this node.
    pub(crate) fn tags(&self) -> &[Tag] {
        self.extra.as_ref().map_or(&[], |e| &e.tags)
    }

    /// The dependencies added at this node.
    pub(crate) fn depends_on(&self) -> &[NodeId] {
        self.extra.as_ref().map_or(&[], |e| &e.depends_on)
    }

    /// Whether the resources at or below this node ignore their ancestors' dependencies.
    pub(crate) fn detached(&self) -> bool {
        self.extra.as_ref().is_some_and(|e| e.detached)
    }

    /// The messages recorded on this node.
    pub(crate) fn annotations(&self) -> &[annotations::Note] {
        self.extra.as_ref().map_or(&[], |e| &e.annotations)
    }

    /// The warning ids acknowledged at this node.
    pub(crate) fn acknowledged(&self) -> &[String] {
        self.extra.as_ref().map_or(&[], |e| &e.acknowledged)
    }

    /// The CDK class the node stands for, when recorded.
    pub(crate) fn fqn(&self) -> Option<&'static str> {
        self.extra.as_ref().and_then(|e| e.fqn)
    }

    fn extra_mut(&mut self) -> &mut NodeExtra {
        self.extra.get_or_insert_with(Box::default)
    }
}

/// One CloudFormation stack: its name and construct tree.
///
/// ```
/// let mut app = ecs_core::App::new();
/// let s = app.add_stack("Web").unwrap();
/// assert_eq!(app.stack(s).resource_count(), 0);
/// ```
#[derive(Debug, Clone)]
pub struct Stack {
    pub(crate) name: String,
    pub(crate) index: StackId,
    pub(crate) nodes: Vec<Node>,
    /// Every node's construct id, one after another: one string instead of one per node.
    ids: String,
    /// The elements nodes hold, in the order they were added.
    elements: Vec<Element>,
    pub(crate) assets: Vec<asset::FileAsset>,
    pub(crate) docker_images: Vec<asset::DockerImageEntry>,
    /// `(parent, hash of id)` of every node to the first node with that key: finds a child by
    /// id without scanning the siblings, which made a scope with many children (the stack
    /// root, a load balancer's security group) quadratic. Siblings whose ids share a hash are
    /// told apart by a scan.
    child_keys: rustc_hash::FxHashMap<(usize, u64), usize>,
    /// The app's tags (CDK `Tags.of(app)`), applied before the stack's own.
    pub(crate) app_tags: Vec<Tag>,
    /// The stack's properties (CDK `StackProps`).
    pub(crate) props: StackProps,
}

props! {
    /// Properties of a stack (CDK `StackProps`, the part this library supports).
    ///
    /// ```
    /// let p = ecs_core::construct::StackProps::default().stack_name("acme-web").termination_protection(true);
    /// assert_eq!(p.stack_name.as_deref(), Some("acme-web"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct StackProps {
        /// The CloudFormation stack name; default the stack's id.
        [into "stackName", .default("the stack's id")]
        stack_name: String,
        /// The template's `Description`.
        [into "description"]
        description: String,
        /// Whether CloudFormation refuses to delete the stack.
        [opt "terminationProtection", .default("false")]
        termination_protection: bool,
        /// Tags of the stack itself, which CloudFormation applies to what it creates
        /// (the manifest's `tags`).
        [field_list "tags", .ty(Environment)]
        tags: (String, String),
        /// The account and region the stack deploys to; without them the stack is
        /// environment-agnostic (`Fn::GetAZs`, `AWS::Region` and `AWS::AccountId` references).
        [opt "env", .default("environment-agnostic")]
        env: Environment,
    }
}

/// Where a stack deploys (CDK `Environment`): an account, a region, or both. What is known is
/// written as a literal where the CDK writes one (ARNs, the `awslogs` region, the manifest's
/// roles and asset destinations); with both, the VPCs take their availability zones from the
/// context, which the CDK CLI fills in (`availability-zones:account=…:region=…`).
///
/// ```
/// use ecs_core::construct::Environment;
/// let env = Environment::new("123456789012", "eu-west-1");
/// assert_eq!(env.region.as_deref(), Some("eu-west-1"));
/// assert_eq!(Environment::default().account, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// The 12-digit account id.
    pub account: Option<String>,
    /// The region, e.g. `eu-west-1`.
    pub region: Option<String>,
}

impl Environment {
    /// An account and a region.
    pub fn new(account: impl Into<String>, region: impl Into<String>) -> Environment {
        Environment {
            account: Some(account.into()),
            region: Some(region.into()),
        }
    }

    /// Only a region: the account stays `AWS::AccountId`.
    pub fn region(region: impl Into<String>) -> Environment {
        Environment {
            account: None,
            region: Some(region.into()),
        }
    }

    /// The account and region the CDK CLI resolved from the user's credentials and profile
    /// (`CDK_DEFAULT_ACCOUNT`, `CDK_DEFAULT_REGION`), as CDK apps write
    /// `env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }`;
    /// what is not set stays unknown.
    ///
    /// ```
    /// let env = ecs_core::construct::Environment::from_cli();
    /// assert_eq!(env.region, std::env::var("CDK_DEFAULT_REGION").ok());
    /// ```
    pub fn from_cli() -> Environment {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Environment {
            account: var("CDK_DEFAULT_ACCOUNT"),
            region: var("CDK_DEFAULT_REGION"),
        }
    }
}

/// The partition of a known region (CDK `RegionInfo.partition`).
pub(crate) fn partition_of(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else if region.starts_with("us-isob-") {
        "aws-iso-b"
    } else if region.starts_with("us-iso-") {
        "aws-iso"
    } else if region.starts_with("eu-isoe-") {
        "aws-iso-e"
    } else if region.starts_with("us-isof-") {
        "aws-iso-f"
    } else {
        "aws"
    }
}

impl StackProps {
    /// Adds stack tags.
    #[must_use]
    pub fn tags<K: Into<String>, V: Into<String>>(
        mut self,
        tags: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.tags
            .extend(tags.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }
}

props! {
    /// How a tag applies (CDK `TagProps`).
    ///
    /// ```
    /// let p = ecs_core::construct::TagProps::default().priority(300).include_resource_types(["AWS::ECS::TaskDefinition"]);
    /// assert_eq!(p.priority, Some(300));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct TagProps {
        /// Higher wins over lower wherever both apply; 100 for additions, 200 for removals.
        [opt "priority", .default("100 to add, 200 to remove")]
        priority: u32,
        /// Only resources of these types, e.g. `AWS::ECS::TaskDefinition`.
        [list_into "includeResourceTypes"]
        include_resource_types: String,
        /// Not resources of these types.
        [list_into "excludeResourceTypes"]
        exclude_resource_types: String,
    }
}

/// The hash of a construct id: the ids are the app author's own, so a fast hash without
/// SipHash's resistance to chosen collisions is enough (a collision costs a scan of one scope).
fn id_hash(id: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    id.hash(&mut h);
    h.finish()
}

impl Stack {
    pub(crate) fn new(name: &str, index: StackId) -> Stack {
        let root = Node::new((0, name.len() as u32), None);
        Stack {
            name: name.to_string(),
            index,
            nodes: vec![root],
            ids: name.to_string(),
            elements: Vec::new(),
            assets: Vec::new(),
            docker_images: Vec::new(),
            child_keys: rustc_hash::FxHashMap::default(),
            app_tags: Vec::new(),
            props: StackProps::default(),
        }
    }

    /// The CloudFormation stack name: `stack_name`, else the stack's id.
    pub fn stack_name(&self) -> &str {
        self.props.stack_name.as_deref().unwrap_or(&self.name)
    }

    /// Registers a file asset; one with the same hash is staged once, as the CDK does.
    pub(crate) fn add_file_asset(&mut self, asset: asset::FileAsset) {
        if !self.assets.iter().any(|a| a.hash == asset.hash) {
            self.assets.push(asset);
        }
    }

    /// Registers a Docker image asset and returns its index; one with the same hash is staged
    /// once, under the first registration's name.
    pub(crate) fn add_docker_image(&mut self, image: asset::DockerImageEntry) -> usize {
        match self.docker_images.iter().position(|i| i.hash == image.hash) {
            Some(i) => i,
            None => {
                self.docker_images.push(image);
                self.docker_images.len() - 1
            }
        }
    }

    /// The element the node at `index` holds.
    pub(crate) fn element(&self, index: usize) -> Option<&Element> {
        self.elements.get(self.nodes[index].element as usize)
    }

    fn element_mut(&mut self, index: usize) -> Option<&mut Element> {
        self.elements.get_mut(self.nodes[index].element as usize)
    }

    /// The construct id of the node at `index`.
    pub(crate) fn id(&self, index: usize) -> &str {
        let (start, len) = self.nodes[index].id;
        &self.ids[start as usize..(start + len) as usize]
    }

    /// The stack's name (its construct id).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The account the stack deploys to, when its environment names one.
    pub fn account(&self) -> Option<&str> {
        self.props.env.as_ref()?.account.as_deref()
    }

    /// The region the stack deploys to, when its environment names one.
    pub fn region(&self) -> Option<&str> {
        self.props.env.as_ref()?.region.as_deref()
    }

    /// The stack's value of a pseudo parameter when its environment fixes it: the account,
    /// the region, and the partition of the region.
    pub(crate) fn resolved(&self, pseudo: crate::cfn::Pseudo) -> Option<&str> {
        use crate::cfn::Pseudo;
        match pseudo {
            Pseudo::AccountId => self.account(),
            Pseudo::Region => self.region(),
            Pseudo::Partition => self.region().map(partition_of),
            _ => None,
        }
    }

    /// `text` with the bootstrap placeholders `${AWS::AccountId}` and `${AWS::Region}`
    /// replaced by the stack's account and region where its environment names them (the
    /// partition stays a placeholder, as the CDK's synthesizer leaves it).
    pub(crate) fn fill_placeholders(&self, text: &str) -> String {
        let mut text = text.to_string();
        if let Some(account) = self.account() {
            text = text.replace("${AWS::AccountId}", account);
        }
        if let Some(region) = self.region() {
            text = text.replace("${AWS::Region}", region);
        }
        text
    }

    /// `aws://<account>/<region>`, with `unknown-account` or `unknown-region` for what the
    /// environment leaves open, as the manifest writes it.
    pub(crate) fn environment_uri(&self) -> String {
        format!(
            "aws://{}/{}",
            self.account().unwrap_or("unknown-account"),
            self.region().unwrap_or("unknown-region")
        )
    }

    /// The stack's root scope.
    pub fn root(&self) -> NodeId {
        NodeId {
            stack: self.index,
            index: 0,
        }
    }

    /// The node at `path` below the stack (`Api/Service`, ids joined with `/`), e.g. a
    /// construct `ecs_app!` built, to acknowledge its warnings.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let api = ecs_core::construct::app::Construct::new(&mut app, s, "Api")?;
    /// let cluster = Cluster::new(&mut app, api, "Cluster", ClusterProps::default())?;
    /// assert_eq!(app.stack(s).node_at("Api/Cluster"), Some(cluster.node()));
    /// assert_eq!(app.stack(s).node_at("Api/Nothing"), None);
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    pub fn node_at(&self, path: &str) -> Option<NodeId> {
        path.split('/')
            .try_fold(self.root(), |node, id| self.child(node, id))
    }

    /// How many resources the stack holds.
    pub fn resource_count(&self) -> usize {
        self.elements
            .iter()
            .filter(|e| matches!(e, Element::Resource(_)))
            .count()
    }

    /// Adds a child scope (a construct without a CloudFormation element) under `parent`.
    pub(crate) fn add_node(&mut self, parent: NodeId, id: &str) -> Result<NodeId, Error> {
        let id = &*sanitize_id(id);
        if id.is_empty() {
            return Err(Error::new(
                "construct ids must not be empty: give the construct a name",
            ));
        }
        let index = self.nodes.len();
        // A new key is a new id; a known key is a duplicate unless two ids share a hash.
        let duplicate = match self.child_keys.entry((parent.index, id_hash(id))) {
            Entry::Vacant(e) => {
                e.insert(index);
                false
            }
            Entry::Occupied(_) => self.nodes[parent.index]
                .children
                .iter()
                .any(|&c| self.id(c) == id),
        };
        if duplicate {
            let scope = if parent.index == 0 {
                format!("stack `{}`", self.name)
            } else {
                format!("`{}`", self.path(parent))
            };
            return Err(Error::of(
                crate::error::ErrorKind::DuplicateId,
                duplicate_id_message(id, &scope),
            ));
        }
        let span = (self.ids.len() as u32, id.len() as u32);
        self.ids.push_str(id);
        self.nodes.push(Node::new(span, Some(parent.index)));
        // New children go before the late ones, which the CDK would only create at synthesis.
        let children = &self.nodes[parent.index].children;
        let late = children
            .iter()
            .rev()
            .take_while(|&&c| self.nodes[c].late)
            .count();
        let at = children.len() - late;
        self.nodes[parent.index].children.insert(at, index);
        Ok(NodeId {
            stack: self.index,
            index,
        })
    }

    /// Adds a child that holds a CloudFormation element.
    pub(crate) fn add_element(
        &mut self,
        parent: NodeId,
        id: &str,
        element: Element,
    ) -> Result<NodeId, Error> {
        let node = self.add_node(parent, id)?;
        let mut element = element;
        if let Element::Resource(r) = &mut element {
            // Most resources are complete when added: their properties need no spare room.
            r.properties.shrink_to_fit();
        }
        self.nodes[node.index].element = self.elements.len() as u32;
        self.elements.push(element);
        Ok(node)
    }

    /// Adds a child resource.
    pub(crate) fn add_resource(
        &mut self,
        parent: NodeId,
        id: &str,
        resource: Resource,
    ) -> Result<NodeId, Error> {
        self.add_element(parent, id, Element::Resource(resource))
    }

    /// Adds a child resource that stays after every sibling added later, as a construct an
    /// aspect adds at synthesis does (the cluster's capacity-provider associations).
    pub(crate) fn add_late_resource(
        &mut self,
        parent: NodeId,
        id: &str,
        resource: Resource,
    ) -> Result<NodeId, Error> {
        let node = self.add_resource(parent, id, resource)?;
        self.nodes[node.index].late = true;
        Ok(node)
    }

    /// The child of `parent` with construct id `id`.
    pub(crate) fn child(&self, parent: NodeId, id: &str) -> Option<NodeId> {
        let id = &*sanitize_id(id);
        let first = *self.child_keys.get(&(parent.index, id_hash(id)))?;
        let index = if self.id(first) == id {
            Some(first)
        } else {
            self.nodes[parent.index]
                .children
                .iter()
                .copied()
                .find(|&c| self.id(c) == id)
        };
        index.map(|index| NodeId {
            stack: self.index,
            index,
        })
    }

    pub(crate) fn resource(&self, node: NodeId) -> &Resource {
        match self.element(node.index) {
            Some(Element::Resource(r)) => r,
            _ => unreachable!("node {} holds no resource", node.index),
        }
    }

    pub(crate) fn resource_mut(&mut self, node: NodeId) -> &mut Resource {
        match self.element_mut(node.index) {
            Some(Element::Resource(r)) => r,
            _ => unreachable!("node {} holds no resource", node.index),
        }
    }

    /// Tags every taggable resource at or below `scope` (CDK `Tags.of(scope).add`).
    pub(crate) fn add_tag(&mut self, scope: NodeId, key: &str, value: &str) {
        self.add_tag_for(scope, key, value, None);
    }

    /// Tags only the resources of type `only` at or below `scope`.
    pub(crate) fn add_tag_for(
        &mut self,
        scope: NodeId,
        key: &str,
        value: &str,
        only: Option<&'static str>,
    ) {
        let tags = &mut self.nodes[scope.index].extra_mut().tags;
        tags.retain(|t| t.key != key || t.only != only);
        tags.push(Tag::add(key, value, only));
    }

    /// Adds (`value`) or removes (`None`) tag `key` at `scope`, as the CDK's tag aspects do.
    pub(crate) fn push_tag(
        &mut self,
        scope: NodeId,
        key: &str,
        value: Option<&str>,
        props: &TagProps,
    ) {
        let tag = Tag {
            key: key.to_string(),
            value: value.map(String::from),
            only: None,
            // The CDK's removals outrank additions by default.
            priority: props
                .priority
                .unwrap_or(if value.is_some() { 100 } else { 200 }),
            include: props.include_resource_types.clone(),
            exclude: props.exclude_resource_types.clone(),
        };
        self.nodes[scope.index].extra_mut().tags.push(tag);
    }

    /// Adds an app-level tag operation (CDK `Tags.of(app)`).
    pub(crate) fn push_app_tag(&mut self, key: &str, value: Option<&str>, props: &TagProps) {
        self.app_tags.push(Tag {
            key: key.to_string(),
            value: value.map(String::from),
            only: None,
            priority: props
                .priority
                .unwrap_or(if value.is_some() { 100 } else { 200 }),
            include: props.include_resource_types.clone(),
            exclude: props.exclude_resource_types.clone(),
        });
    }

    /// Records the CDK class `node` stands for (`aws-cdk-lib.aws_ecs.Cluster`), for `tree.json`.
    pub(crate) fn set_fqn(&mut self, node: NodeId, fqn: &'static str) {
        self.nodes[node.index].extra_mut().fqn = Some(fqn);
    }

    /// Makes the resources at or below `node` ignore the dependencies of its ancestors, as the
    /// CDK's resources created while it writes the template do.
    pub(crate) fn detach_dependencies(&mut self, node: NodeId) {
        self.nodes[node.index].extra_mut().detached = true;
    }

    /// Makes every resource at or below `node` depend on every resource at or below `target`.
    pub(crate) fn add_dependency(&mut self, node: NodeId, target: NodeId) {
        let deps = &mut self.nodes[node.index].extra_mut().depends_on;
        if !deps.contains(&target) {
            deps.push(target);
        }
    }

    /// The resources at or below `scope`.
    pub(crate) fn resources_below(&self, scope: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut todo = vec![scope.index];
        while let Some(i) = todo.pop() {
            if matches!(self.element(i), Some(Element::Resource(_))) {
                out.push(NodeId {
                    stack: self.index,
                    index: i,
                });
            }
            todo.extend(self.nodes[i].children.iter().copied());
        }
        out
    }

    /// The ids from the stack (excluded) down to `node` (included).
    pub(crate) fn components(&self, node: NodeId) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = Some(node.index);
        while let Some(i) = at {
            if i == 0 {
                break;
            }
            out.push(self.id(i));
            at = self.nodes[i].parent();
        }
        out.reverse();
        out
    }

    /// The node's path, as the CDK prints it: `<stack>/<id>/<id>…`.
    ///
    /// ```
    /// let mut app = ecs_core::App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let vpc = ecs_core::ec2::Vpc::new(&mut app, s, "Vpc", Default::default()).unwrap();
    /// assert_eq!(app.stack(s).path(vpc.node()), "Web/Vpc");
    /// ```
    pub fn path(&self, node: NodeId) -> String {
        let mut parts = vec![self.name.as_str()];
        parts.extend(self.components(node));
        parts.join("/")
    }

    /// The node's logical ID (CDK `Stack.allocateLogicalId`).
    pub fn logical_id(&self, node: NodeId) -> String {
        let mut out = String::new();
        self.push_logical_id(node, &mut out);
        out
    }

    /// [`Stack::logical_id`], appended to `out`.
    pub(crate) fn push_logical_id(&self, node: NodeId, out: &mut String) {
        // Every element's ID is made here: the components go on the stack, not the heap.
        let mut buf: [&str; 32] = [""; 32];
        let mut n = 0;
        for i in self.ancestors(node).take_while(|&i| i != 0) {
            if n == buf.len() {
                return push_unique_id(&self.components(node), out);
            }
            buf[n] = self.id(i);
            n += 1;
        }
        buf[..n].reverse();
        push_unique_id(&buf[..n], out);
    }

    /// The indices of `node` and its ancestors up to the stack root, nearest first.
    pub(crate) fn ancestors(&self, node: NodeId) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(node.index), |&i| self.nodes[i].parent())
    }

    /// The node's unique id including the stack (CDK `Names.uniqueId`), as used for the default
    /// task-definition family.
    pub fn unique_id(&self, node: NodeId) -> String {
        let mut parts = vec![self.name.as_str()];
        parts.extend(self.components(node));
        make_unique_id(&parts)
    }

    /// The merged tags that apply to `node`: ancestors first, deeper scopes overriding, sorted
    /// as the CDK's tag manager sorts them.
    pub(crate) fn tags_for(&self, node: NodeId) -> Vec<(String, String)> {
        // Most resources carry no tags at all: nothing to allocate.
        if self.app_tags.is_empty()
            && self
                .ancestors(node)
                .all(|i| self.nodes[i].tags().is_empty())
        {
            return Vec::new();
        }
        let chain: Vec<usize> = self.ancestors(node).collect();
        let kind = match self.element(node.index) {
            Some(Element::Resource(r)) => &r.kind,
            _ => "",
        };
        // The CDK's tag manager: ancestors' aspects first, each setting or removing its key
        // unless a higher priority already decided it.
        let mut merged: BTreeMap<String, (Option<String>, u32)> = BTreeMap::new();
        let app_level = self.app_tags.iter();
        let own = chain
            .iter()
            .rev()
            .flat_map(|&i| self.nodes[i].tags().iter());
        for t in app_level.chain(own) {
            if !t.applies_to(kind) {
                continue;
            }
            let current = merged.get(&t.key).map_or(0, |(_, p)| *p);
            if t.priority >= current {
                merged.insert(t.key.clone(), (t.value.clone(), t.priority));
            }
        }
        let mut tags: Vec<(String, String)> = merged
            .into_iter()
            .filter_map(|(k, (v, _))| v.map(|v| (k, v)))
            .collect();
        // The CDK sorts with `localeCompare`: case-insensitive first, so `aws-cdk:…` precedes `Name`.
        tags.sort_by(|a, b| {
            a.0.to_lowercase()
                .cmp(&b.0.to_lowercase())
                .then_with(|| b.0.cmp(&a.0))
        });
        tags
    }

    /// Nodes in depth-first creation order: the order the CDK writes resources in.
    pub(crate) fn depth_first(&self) -> Vec<NodeId> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![0usize];
        while let Some(i) = stack.pop() {
            out.push(NodeId {
                stack: self.index,
                index: i,
            });
            for &c in self.nodes[i].children.iter().rev() {
                stack.push(c);
            }
        }
        out
    }
}

/// A construct id as the constructs library stores it: `/` separates path components, so it
/// becomes `--` (`SsmParameterValue:/aws/…` is the node `SsmParameterValue:--aws--…`).
fn sanitize_id(id: &str) -> std::borrow::Cow<'_, str> {
    if id.contains('/') {
        std::borrow::Cow::Owned(id.replace('/', "--"))
    } else {
        std::borrow::Cow::Borrowed(id)
    }
}

/// The CDK's `makeUniqueId`: drop `Default` components, then a single component is returned
/// without its non-alphanumeric characters, and several become a human part (duplicates and
/// `Resource` removed, at most 240 characters) followed by 8 upper-case hex digits of the MD5 of
/// the joined path.
///
/// ```
/// use ecs_core::construct::make_unique_id;
/// assert_eq!(make_unique_id(&["My-Thing"]), "MyThing");
/// assert_eq!(make_unique_id(&["Default", "Cluster", "Resource"]), "ClusterEB0386A7");
/// ```
pub fn make_unique_id(components: &[&str]) -> String {
    let mut out = String::new();
    push_unique_id(components, &mut out);
    out
}

/// [`make_unique_id`], appended to `out`: a renderer keeps every logical ID of a stack in one
/// string.
pub(crate) fn push_unique_id(components: &[&str], out: &mut String) {
    // Every element's logical ID goes through here: no intermediate strings or vectors.
    let kept = || components.iter().copied().filter(|c| *c != "Default");
    let mut it = kept();
    match (it.next(), it.next()) {
        (None, _) => return,
        (Some(single), None) if single.len() <= 255 => {
            out.extend(alphanumeric(single));
            return;
        }
        _ => {}
    }
    // The MD5 of the components joined with `/`.
    let mut path = PathHasher::default();
    let start = out.len();
    let mut previous: Option<&str> = None;
    for (i, c) in kept().enumerate() {
        if i > 0 {
            path.feed(b"/");
        }
        path.feed(c.as_bytes());
        if previous.is_some_and(|p| p.ends_with(c)) {
            continue;
        }
        previous = Some(c);
        if c != "Resource" {
            out.extend(alphanumeric(c));
        }
    }
    out.truncate(start + 240);
    push_hash_hex(out, &path.finish());
}

/// The ASCII letters and digits of `c`: all a logical ID keeps.
fn alphanumeric(c: &str) -> impl Iterator<Item = char> + '_ {
    c.bytes().filter(u8::is_ascii_alphanumeric).map(char::from)
}

/// MD5 of a path fed in pieces, gathered on the stack first: one hash update for a typical
/// path instead of two per component.
struct PathHasher {
    md5: Md5,
    buf: [u8; 256],
    len: usize,
}

impl Default for PathHasher {
    fn default() -> Self {
        PathHasher {
            md5: Md5::new(),
            buf: [0; 256],
            len: 0,
        }
    }
}

impl PathHasher {
    fn feed(&mut self, bytes: &[u8]) {
        if self.len + bytes.len() > self.buf.len() {
            self.md5.update(&self.buf[..self.len]);
            self.len = 0;
            if bytes.len() > self.buf.len() {
                self.md5.update(bytes);
                return;
            }
        }
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn finish(mut self) -> [u8; 16] {
        self.md5.update(&self.buf[..self.len]);
        self.md5.finalize().into()
    }
}

/// First 8 hex digits, upper-cased, of the MD5 of `path`.
pub(crate) fn path_hash(path: &str) -> String {
    let mut out = String::with_capacity(8);
    push_hash_hex(&mut out, &Md5::digest(path.as_bytes()));
    out
}

/// Appends the first 4 bytes of `digest` as upper-case hex.
fn push_hash_hex(out: &mut String, digest: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in &digest[..4] {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
}

/// Rule G4: a construct path must name one construct, or logical IDs would collide
/// (CDK "There is already a Construct with name …").
///
/// ```
/// assert_eq!(
///     ecs_core::construct::duplicate_id_message("Cluster", "stack `Web`"),
///     "duplicate id `Cluster` in stack `Web`: give each construct in one scope its own id",
/// );
/// ```
pub fn duplicate_id_message(id: &str, scope: &str) -> String {
    format!("duplicate id `{id}` in {scope}: give each construct in one scope its own id")
}

/// A CloudFormation stack name: a letter, then letters, digits and hyphens, at most 128
/// characters (AWS `CreateStack`: "must start with an alphabetic character and can't be longer
/// than 128 characters"); CloudFormation refuses any other name at deployment.
///
/// ```
/// assert!(ecs_core::construct::stack_name("Web-1"));
/// assert!(!ecs_core::construct::stack_name("my web"));
/// assert!(!ecs_core::construct::stack_name("1web"));
/// ```
pub const fn stack_name(name: &str) -> bool {
    let b = name.as_bytes();
    if b.is_empty() || b.len() > 128 || !b[0].is_ascii_alphabetic() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            return false;
        }
        i += 1;
    }
    true
}

/// The message of [`stack_name`].
///
/// ```
/// assert_eq!(
///     ecs_core::construct::stack_name_message("my web"),
///     "stack name `my web` is not a valid CloudFormation stack name: start with a letter and use only letters, digits and `-`, at most 128 characters, e.g. `my-web`",
/// );
/// ```
pub fn stack_name_message(name: &str) -> String {
    let suggestion: String = name
        .trim_start_matches(|c: char| !c.is_ascii_alphabetic())
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(128)
        .collect();
    let example = if stack_name(&suggestion) {
        format!(", e.g. `{suggestion}`")
    } else {
        String::new()
    };
    format!(
        "stack name `{name}` is not a valid CloudFormation stack name: start with a letter and use only letters, digits and `-`, at most 128 characters{example}"
    )
}

/// A template output (CDK `CfnOutput`).
///
/// ```
/// use ecs_core::{App, cfn::{Output, Pseudo}, construct::CfnOutput};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// CfnOutput::new(&mut app, s, "Region", Output::new(Pseudo::Region).description("where it runs")).unwrap();
/// let t = &app.templates().unwrap()[0].1;
/// assert_eq!(t["Outputs"]["Region"]["Value"]["Ref"], "AWS::Region");
/// ```
#[derive(Debug)]
pub struct CfnOutput;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl CfnOutput {
    /// Adds output `id` under `scope` (a stack or a construct); its logical ID follows the
    /// construct path.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, or `scope` is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: Output,
    ) -> Result<NodeId, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.stack_mut(scope.stack())
            .add_element(scope, id, Element::Output(props))
    }
}

/// A template parameter (CDK `CfnParameter`), e.g. an SSM-typed one resolved at deploy time.
///
/// ```
/// use ecs_core::{App, cfn::Parameter, construct::CfnParameter};
/// let mut app = App::new();
/// let s = app.add_stack("Web").unwrap();
/// let tag = CfnParameter::new(&mut app, s, "ImageTag", Parameter::new("String")).unwrap();
/// assert!(matches!(tag, ecs_core::cfn::Value::Ref(_)));
/// ```
#[derive(Debug)]
pub struct CfnParameter;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl CfnParameter {
    /// Adds parameter `id` under `scope` and returns `{"Ref": parameter}`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, or `scope` is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: Parameter,
    ) -> Result<Value, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let node =
            app.stack_mut(scope.stack())
                .add_element(scope, id, Element::Parameter(props))?;
        Ok(Value::Ref(node))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paths_hash_whole() {
        let long = "x".repeat(300);
        for parts in [
            vec!["A", long.as_str(), "B"],
            vec![long.as_str(), long.as_str()],
        ] {
            let id = make_unique_id(&parts);
            let expected = path_hash(&parts.join("/"));
            assert!(id.ends_with(&expected), "{id} {expected}");
        }
    }

    #[test]
    fn worked_examples_of_the_reference_match() {
        let cases: &[(&[&str], &str)] = &[
            (&["TaskDef", "Resource"], "TaskDef54694570"),
            (
                &["TaskDef", "TaskRole", "Resource"],
                "TaskDefTaskRole1EDB4A67",
            ),
            (
                &["TaskDef", "ExecutionRole", "Resource"],
                "TaskDefExecutionRoleB4775C97",
            ),
            (
                &["TaskDef", "ExecutionRole", "DefaultPolicy", "Resource"],
                "TaskDefExecutionRoleDefaultPolicy0DBB737A",
            ),
            (
                &["TaskDef", "web", "LogGroup", "Resource"],
                "TaskDefwebLogGroupC89AAFBC",
            ),
            (&["Cluster", "Resource"], "ClusterEB0386A7"),
            (&["Cluster", "Cluster"], "Cluster3DA9CCBA"),
            (&["Service", "Service"], "ServiceD69D759B"),
            (
                &["Service", "SecurityGroup", "Resource"],
                "ServiceSecurityGroupC96ED6A7",
            ),
            (
                &["Service", "CloudmapService", "Resource"],
                "ServiceCloudmapService046058A4",
            ),
            (
                &["Service", "TaskCount", "Target", "Resource"],
                "ServiceTaskCountTarget23E25614",
            ),
            (
                &["Cluster", "DefaultAutoScalingGroupCapacity", "ASG"],
                "ClusterDefaultAutoScalingGroupCapacityASGA16CBFC4",
            ),
            (
                &["AsgCapacityProvider", "AsgCapacityProvider"],
                "AsgCapacityProvider760D11D9",
            ),
            (&["Basic", "TaskDef"], "BasicTaskDef32A3514C"),
            (
                // The reference writes this path without `Resource`; the hash covers it.
                &["Wrapper", "WrapperTaskDef", "Resource"],
                "WrapperWrapperTaskDefB0290197",
            ),
        ];
        for (path, expected) in cases {
            assert_eq!(make_unique_id(path), *expected, "{path:?}");
        }
    }

    #[test]
    fn default_components_are_dropped_everywhere() {
        assert_eq!(
            make_unique_id(&["Default", "Cluster", "Resource"]),
            "ClusterEB0386A7"
        );
        assert_eq!(
            make_unique_id(&["Cluster", "Default", "Resource"]),
            "ClusterEB0386A7"
        );
    }

    #[test]
    fn single_components_lose_punctuation_and_get_no_hash() {
        assert_eq!(
            make_unique_id(&[
                "SsmParameterValue:/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id:C96584B6-F00A-464E-AD19-53AFF4B05118.Parameter"
            ]),
            "SsmParameterValueawsserviceecsoptimizedamiamazonlinux2recommendedimageidC96584B6F00A464EAD1953AFF4B05118Parameter"
        );
    }

    #[test]
    fn permission_ids_with_colons_hash_the_raw_path() {
        let id = make_unique_id(&[
            "Cluster",
            "DefaultAutoScalingGroupCapacity",
            "DrainECSHook",
            "Function",
            "AllowInvoke:IntroEc2ServiceClusterDefaultAutoScalingGroupCapacityLifecycleHookDrainHookTopic25139A94",
        ]);
        assert_eq!(
            id,
            "ClusterDefaultAutoScalingGroupCapacityDrainECSHookFunctionAllowInvokeIntroEc2ServiceClusterDefaultAutoScalingGroupCapacityLifecycleHookDrainHookTopic25139A94CF2B209A"
        );
    }
}
