//! The app: the root of the construct tree, holding its stacks and the state of the
//! constructs built in them.

use std::any::{Any, TypeId};
use std::fmt::Debug;

use crate::construct::{AppId, Handle, Stack, StackId, StackProps, TagProps};
use crate::construct::{duplicate_id_message, stack_name, stack_name_message};
use crate::error::Error;

/// The state a module keeps per construct of one kind (a cluster's capacity, a service's
/// task definition, …), stored by the app as a `Vec` in creation order: the handle of a
/// construct is its index there.
pub(crate) trait Data: Any + Clone + Debug + Send + Sync {
    /// Judges the rules that need the complete app (the CDK's `validate()` phase) over every
    /// construct of the kind, each violation's message into `out`.
    fn validate(_app: &App, _out: &mut Vec<crate::error::Diagnostic>) {}
}

/// State a module keeps for the whole app (e.g. which listener priorities are taken).
pub(crate) trait Family: Any + Clone + Debug + Default + Send + Sync {
    /// As [`Data::validate`], once for the family.
    fn validate(&self, _app: &App, _out: &mut Vec<crate::error::Diagnostic>) {}
}

impl<T: Data> Family for Vec<T> {
    fn validate(&self, app: &App, out: &mut Vec<crate::error::Diagnostic>) {
        T::validate(app, out);
    }
}

/// The app's tag operations, for the stacks added after them.
#[derive(Debug, Clone, Default)]
struct AppTags(Vec<(String, Option<String>, TagProps)>);

impl Family for AppTags {}

/// A family of any type, as the store holds it.
trait Stored: Debug + Send + Sync {
    fn clone_box(&self) -> Box<dyn Stored>;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn validate(&self, app: &App, out: &mut Vec<crate::error::Diagnostic>);
}

impl<F: Family> Stored for F {
    fn clone_box(&self) -> Box<dyn Stored> {
        Box::new(self.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn validate(&self, app: &App, out: &mut Vec<crate::error::Diagnostic>) {
        Family::validate(self, app, out)
    }
}

/// The families of an app, by type, in the order they were first used (so validation
/// reports in a deterministic order).
#[derive(Debug, Default)]
struct Store {
    index: rustc_hash::FxHashMap<TypeId, usize>,
    families: Vec<Box<dyn Stored>>,
}

impl Clone for Store {
    fn clone(&self) -> Store {
        Store {
            index: self.index.clone(),
            families: self.families.iter().map(|f| f.clone_box()).collect(),
        }
    }
}

/// An app: stacks of constructs, synthesized together into one cloud assembly.
///
/// ```
/// use ecs_core::App;
/// let mut app = App::new();
/// app.add_stack("Web").unwrap();
/// assert!(app.add_stack("Web").is_err());
/// ```
#[derive(Debug, Clone, Default)]
pub struct App {
    id: AppId,
    pub(crate) stacks: Vec<Stack>,
    store: Store,
}

impl App {
    /// The family `F`, if anything of it was built.
    pub(crate) fn family<F: Family>(&self) -> Option<&F> {
        let i = *self.store.index.get(&TypeId::of::<F>())?;
        self.store.families[i].as_any().downcast_ref()
    }

    /// The family `F`, created empty on first use.
    pub(crate) fn family_mut<F: Family>(&mut self) -> &mut F {
        let store = &mut self.store;
        let i = *store.index.entry(TypeId::of::<F>()).or_insert_with(|| {
            store.families.push(Box::new(F::default()));
            store.families.len() - 1
        });
        store.families[i]
            .as_any_mut()
            .downcast_mut()
            .expect("the index maps each type to its own family")
    }

    /// The state of every construct of kind `T`, in creation order.
    pub(crate) fn all<T: Data>(&self) -> &[T] {
        self.family::<Vec<T>>().map_or(&[], Vec::as_slice)
    }

    /// [`App::all`], to add to or change.
    pub(crate) fn all_mut<T: Data>(&mut self) -> &mut Vec<T> {
        self.family_mut::<Vec<T>>()
    }

    /// Every family's rules on the complete app, in the order the families were first used.
    pub(crate) fn validate_families(&self, out: &mut Vec<crate::error::Diagnostic>) {
        for family in &self.store.families {
            family.validate(self, out);
        }
    }
}

impl App {
    /// An empty app, with the context of its environment: `cdk.json` and `cdk.context.json`
    /// in the working directory and what the CDK CLI passes (`CDK_CONTEXT_JSON`).
    pub fn new() -> App {
        let env = std::env::var("CDK_CONTEXT_JSON").ok();
        let overflow =
            std::env::var_os("CONTEXT_OVERFLOW_LOCATION_ENV").map(std::path::PathBuf::from);
        let context = crate::construct::context::Context::load(
            std::path::Path::new("."),
            env.as_deref(),
            overflow.as_deref(),
        );
        let mut app = App::default();
        if !context.values.is_empty() || !context.problems.is_empty() {
            *app.family_mut::<crate::construct::context::Context>() = context;
        }
        app
    }

    /// An empty app with `context` and nothing from its environment (CDK `new App({ context })`
    /// without the CLI).
    ///
    /// ```
    /// let app = ecs_core::App::with_context(serde_json::json!({"stage": "prod"}));
    /// assert_eq!(app.context("stage"), Some(&serde_json::json!("prod")));
    /// ```
    pub fn with_context(context: serde_json::Value) -> App {
        let mut app = App::default();
        if let serde_json::Value::Object(values) = context {
            app.family_mut::<crate::construct::context::Context>()
                .merge(values, "the app's context");
        }
        app
    }

    /// A context value (CDK `node.tryGetContext(key)`).
    pub fn context(&self, key: &str) -> Option<&serde_json::Value> {
        self.family::<crate::construct::context::Context>()?
            .values
            .get(key)
    }

    /// Whether context `key` is `true` (or `"true"`, as `cdk.json` may write it).
    ///
    /// ```
    /// let app = ecs_core::App::with_context(serde_json::json!({"aws:cdk:enable-path-metadata": true}));
    /// assert!(app.context_flag("aws:cdk:enable-path-metadata"));
    /// assert!(!app.context_flag("aws:cdk:version-reporting"));
    /// ```
    pub fn context_flag(&self, key: &str) -> bool {
        matches!(self.context(key), Some(serde_json::Value::Bool(true)))
            || self.context(key).and_then(|v| v.as_str()) == Some("true")
    }

    /// Sets a context value (CDK `node.setContext(key, value)` on the app).
    pub fn set_context(&mut self, key: &str, value: serde_json::Value) {
        let mut values = serde_json::Map::new();
        values.insert(key.to_string(), value);
        self.family_mut::<crate::construct::context::Context>()
            .merge(values, "the app's context");
    }

    /// Adds a stack named `name` (its construct id, also the CloudFormation stack name).
    ///
    /// # Errors
    ///
    /// When the name is taken or is not a valid CloudFormation stack name.
    pub fn add_stack(&mut self, name: &str) -> Result<StackId, Error> {
        self.add_stack_with(name, StackProps::default())
    }

    /// Adds stack `name` with `props` (CDK `new Stack(app, name, props)`): another
    /// CloudFormation stack name, a description, termination protection, stack tags.
    ///
    /// ```
    /// use ecs_core::{App, construct::StackProps};
    /// let mut app = App::new();
    /// let s = app.add_stack_with("Web", StackProps::default().stack_name("acme-web")).unwrap();
    /// assert_eq!(app.stack(s).stack_name(), "acme-web");
    /// ```
    ///
    /// # Errors
    ///
    /// When `name` is taken, or it or `stack_name` is not a valid CloudFormation stack name.
    pub fn add_stack_with(&mut self, name: &str, props: StackProps) -> Result<StackId, Error> {
        if self.stacks.iter().any(|s| s.name == name) {
            return Err(Error::of(
                crate::error::ErrorKind::DuplicateId,
                duplicate_id_message(name, "the app"),
            ));
        }
        for n in std::iter::once(name).chain(props.stack_name.as_deref()) {
            if !stack_name(n) {
                return Err(Error::new(stack_name_message(n)));
            }
        }
        let id = StackId(self.stacks.len(), self.id);
        let mut stack = Stack::new(name, id);
        stack.props = props;
        if let Some(tags) = self.family::<AppTags>() {
            for (key, value, props) in &tags.0 {
                stack.push_app_tag(key, value.as_deref(), props);
            }
        }
        self.stacks.push(stack);
        Ok(id)
    }

    /// Adds tag `key` to every taggable resource in `scope` (the whole app, or a stack or
    /// construct and everything under it), as the CDK's `Tags.of(scope).add(key, value,
    /// props)` does: a deeper scope's tag overrides a shallower one's of the same priority, a
    /// higher priority wins wherever both apply.
    ///
    /// ```
    /// use ecs_core::{App, construct::TagProps};
    /// let mut app = App::new();
    /// app.add_tag(None, "org", "acme", TagProps::default()).unwrap();
    /// let s = app.add_stack("Web").unwrap();
    /// app.add_tag(Some(s.into()), "stage", "prod", TagProps::default()).unwrap();
    /// ```
    ///
    /// # Errors
    ///
    /// When `key` is empty, or `scope` is of another app.
    pub fn add_tag(
        &mut self,
        scope: Option<crate::cfn::NodeId>,
        key: &str,
        value: &str,
        props: TagProps,
    ) -> Result<(), Error> {
        self.tag(scope, key, Some(value), props)
    }

    /// Removes tag `key` from every taggable resource in `scope` (CDK
    /// `Tags.of(scope).remove(key, props)`), at priority 200 unless `props` says otherwise.
    ///
    /// # Errors
    ///
    /// When `key` is empty, or `scope` is of another app.
    pub fn remove_tag(
        &mut self,
        scope: Option<crate::cfn::NodeId>,
        key: &str,
        props: TagProps,
    ) -> Result<(), Error> {
        self.tag(scope, key, None, props)
    }

    fn tag(
        &mut self,
        scope: Option<crate::cfn::NodeId>,
        key: &str,
        value: Option<&str>,
        props: TagProps,
    ) -> Result<(), Error> {
        if key.is_empty() {
            return Err(Error::new("a tag key cannot be empty: give it a name"));
        }
        match scope {
            Some(node) => {
                self.check_node(node)?;
                self.stack_mut(node.stack())
                    .push_tag(node, key, value, &props);
            }
            None => {
                for stack in &mut self.stacks {
                    stack.push_app_tag(key, value, &props);
                }
                self.family_mut::<AppTags>().0.push((
                    key.to_string(),
                    value.map(String::from),
                    props,
                ));
            }
        }
        Ok(())
    }

    /// That `stack` was made by this app's `add_stack`: a stack of another app (and every
    /// handle built in it) is an error, not an index into this app's constructs.
    ///
    /// ```
    /// let mut one = ecs_core::App::new();
    /// let mut other = ecs_core::App::new();
    /// let stack = one.add_stack("Web").unwrap();
    /// assert!(one.check_stack(stack).is_ok());
    /// assert!(other.check_stack(stack).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// When `stack` was made by another app.
    pub fn check_stack(&self, stack: StackId) -> Result<(), Error> {
        if stack.1 == self.id && stack.0 < self.stacks.len() {
            return Ok(());
        }
        Err(App::foreign())
    }

    /// The error of a stack or construct used with an app that did not make it.
    pub(crate) fn foreign() -> Error {
        Error::of(
            crate::error::ErrorKind::ForeignApp,
            "a stack or construct of another `App` is used with this one: build each construct with the `App` whose `add_stack` made its stack",
        )
    }

    /// [`App::check_stack`] for the stack of a construct a reference or a dependency names.
    pub(crate) fn check_node(&self, node: crate::construct::NodeId) -> Result<(), Error> {
        self.check_stack(node.stack)
    }

    /// [`App::check_stack`] for each handle a builder is given (an `Option` or a list).
    pub(crate) fn check_each<H: Handle>(
        &self,
        handles: impl IntoIterator<Item = H>,
    ) -> Result<(), Error> {
        handles
            .into_iter()
            .try_for_each(|h| self.check_node(h.node_id()))
    }

    /// The stack `id`.
    ///
    /// # Panics
    ///
    /// If `id` is a stack of another app ([`App::check_stack`] says so).
    pub fn stack(&self, id: StackId) -> &Stack {
        &self.stacks[id.0]
    }

    pub(crate) fn stack_mut(&mut self, id: StackId) -> &mut Stack {
        &mut self.stacks[id.0]
    }

    /// The app's stacks, in the order they were added.
    pub fn stacks(&self) -> &[Stack] {
        &self.stacks
    }
}

// Apps move between threads (a build script, a test harness): every family must allow it.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<App>();
};

/// A plain construct scope (CDK `new Construct(scope, id)`): a node with no resource, whose
/// path the constructs created in it carry into their logical IDs.
///
/// ```
/// use ecs_core::prelude::*;
/// use ecs_core::construct::app::Construct;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let api = Construct::new(&mut app, s, "Api")?;
/// let cluster = Cluster::new(&mut app, api, "Cluster", ClusterProps::default())?;
/// assert_eq!(app.stack(s).path(cluster.node()), "Web/Api/Cluster");
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug)]
pub struct Construct;

// As in the CDK, `new` of a kind returns the handle all kinds share.
#[allow(clippy::new_ret_no_self)]
impl Construct {
    /// Creates scope `id` under `scope`.
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, or `scope` is of another app.
    pub fn new(
        app: &mut App,
        scope: impl Into<crate::cfn::NodeId>,
        id: &str,
    ) -> Result<crate::cfn::NodeId, Error> {
        let scope: crate::cfn::NodeId = scope.into();
        app.check_node(scope)?;
        app.stack_mut(scope.stack()).add_node(scope, id)
    }
}

/// Escape hatches (CDK `CfnResource.addOverride` and kin): edits of a construct's rendered
/// CloudFormation resource, applied at synthesis.
impl App {
    /// The resource a construct stands for (CDK `node.defaultChild`): the node's own, or its
    /// child `Resource`, `Default` or `Service`.
    fn default_resource(&self, construct: crate::cfn::NodeId) -> Result<crate::cfn::NodeId, Error> {
        self.check_node(construct)?;
        let stack = self.stack(construct.stack());
        let holds = |n: crate::cfn::NodeId| {
            matches!(
                stack.element(n.index),
                Some(crate::cfn::Element::Resource(_))
            )
        };
        if holds(construct) {
            return Ok(construct);
        }
        ["Resource", "Default", "Service"]
            .iter()
            .filter_map(|id| stack.child(construct, id))
            .find(|n| holds(*n))
            .ok_or_else(|| {
                Error::new(format!(
                    "`{}` has no CloudFormation resource of its own: override the node that holds one",
                    stack.path(construct)
                ))
            })
    }

    fn push_override(
        &mut self,
        construct: crate::cfn::NodeId,
        path: String,
        value: Option<crate::cfn::Value>,
    ) -> Result<(), Error> {
        if path.is_empty() || path.split('.').any(str::is_empty) {
            return Err(Error::new(format!(
                "override path `{path}` is not a `.`-separated path: write e.g. `Properties.DesiredCount`"
            )));
        }
        let resource = self.default_resource(construct)?;
        self.stack_mut(resource.stack())
            .resource_mut(resource)
            .overrides
            .push((path, value));
        Ok(())
    }

    /// Sets `value` at `path` of the rendered resource (CDK `addOverride`), e.g.
    /// `Properties.DesiredCount` or `UpdateReplacePolicy`; an object value is merged key by key.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default())?;
    /// app.add_override(cluster.node(), "Properties.ClusterName", "web")?;
    /// let t = &app.templates()?[0].1;
    /// assert_eq!(t["Resources"]["ClusterEB0386A7"]["Properties"]["ClusterName"], "web");
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct holds no resource, the path is empty, or the construct is of
    /// another app.
    pub fn add_override(
        &mut self,
        construct: crate::cfn::NodeId,
        path: &str,
        value: impl Into<crate::cfn::Value>,
    ) -> Result<(), Error> {
        self.push_override(construct, path.to_string(), Some(value.into()))
    }

    /// [`App::add_override`] under `Properties.` (CDK `addPropertyOverride`).
    ///
    /// # Errors
    ///
    /// As [`App::add_override`].
    pub fn add_property_override(
        &mut self,
        construct: crate::cfn::NodeId,
        path: &str,
        value: impl Into<crate::cfn::Value>,
    ) -> Result<(), Error> {
        self.push_override(construct, format!("Properties.{path}"), Some(value.into()))
    }

    /// Deletes what is at `path` of the rendered resource (CDK `addDeletionOverride`).
    ///
    /// # Errors
    ///
    /// As [`App::add_override`].
    pub fn add_deletion_override(
        &mut self,
        construct: crate::cfn::NodeId,
        path: &str,
    ) -> Result<(), Error> {
        self.push_override(construct, path.to_string(), None)
    }

    /// [`App::add_deletion_override`] under `Properties.` (CDK
    /// `addPropertyDeletionOverride`).
    ///
    /// # Errors
    ///
    /// As [`App::add_override`].
    pub fn add_property_deletion_override(
        &mut self,
        construct: crate::cfn::NodeId,
        path: &str,
    ) -> Result<(), Error> {
        self.push_override(construct, format!("Properties.{path}"), None)
    }
}
