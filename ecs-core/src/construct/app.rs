//! The app: the root of the construct tree, holding its stacks and the state of the
//! constructs built in them.

use std::any::{Any, TypeId};
use std::fmt::Debug;

use crate::construct::{AppId, Handle, Stack, StackId};
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
    /// An empty app.
    pub fn new() -> App {
        App::default()
    }

    /// Adds a stack named `name` (its construct id, also the CloudFormation stack name).
    ///
    /// # Errors
    ///
    /// When the name is taken or is not a valid CloudFormation stack name.
    pub fn add_stack(&mut self, name: &str) -> Result<StackId, Error> {
        if self.stacks.iter().any(|s| s.name == name) {
            return Err(Error::of(
                crate::error::ErrorKind::DuplicateId,
                duplicate_id_message(name, "the app"),
            ));
        }
        if !stack_name(name) {
            return Err(Error::new(stack_name_message(name)));
        }
        let id = StackId(self.stacks.len(), self.id);
        self.stacks.push(Stack::new(name, id));
        Ok(id)
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
