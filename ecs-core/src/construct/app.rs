//! The app: the root of the construct tree, holding its stacks and the state of the
//! constructs built in them.

use crate::construct::{duplicate_id_message, stack_name, stack_name_message};
use crate::construct::{AppId, Handle, Stack, StackId};
use crate::ec2::VpcData;
use crate::ecs::capacity::AsgData;
use crate::ecs::cluster::ClusterData;
use crate::ecs::service::ServiceData;
use crate::ecs::task_definition::TaskDefinitionData;
use crate::error::Error;

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
    pub(crate) vpcs: Vec<VpcData>,
    pub(crate) clusters: Vec<ClusterData>,
    pub(crate) asgs: Vec<AsgData>,
    pub(crate) task_definitions: Vec<TaskDefinitionData>,
    pub(crate) services: Vec<ServiceData>,
    // ---- capacity (issue 3) ----
    pub(crate) asg_providers: Vec<crate::ecs::capacity_provider::AsgProviderData>,
    pub(crate) service_strategies: Vec<crate::ecs::capacity_provider::ServiceStrategies>,
    // ---- services, load balancing, Cloud Map (issue 5) ----
    pub(crate) security_groups: Vec<crate::ec2::SecurityGroupData>,
    pub(crate) load_balancers: Vec<crate::elbv2::LoadBalancerData>,
    pub(crate) listeners: Vec<crate::elbv2::ListenerData>,
    pub(crate) target_groups: Vec<crate::elbv2::TargetGroupData>,
    /// `(listener index, priority)` of every listener rule: kept apart from the listeners,
    /// which `add_targets` copies, so adding a rule costs the same however many there are.
    pub(crate) listener_rules: std::collections::HashSet<(usize, u32)>,
    pub(crate) namespaces: Vec<crate::servicediscovery::NamespaceData>,
    pub(crate) cloud_map_services: Vec<crate::servicediscovery::CloudMapServiceData>,
    pub(crate) repositories: Vec<crate::ecr::RepositoryData>,
}

impl App {
    /// An empty app.
    pub fn new() -> App {
        App::default()
    }

    /// Adds a stack named `name` (its construct id, also the CloudFormation stack name).
    pub fn add_stack(&mut self, name: &str) -> Result<StackId, Error> {
        if self.stacks.iter().any(|s| s.name == name) {
            return Err(Error::new(duplicate_id_message(name, "the app")));
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
    pub fn check_stack(&self, stack: StackId) -> Result<(), Error> {
        if stack.1 == self.id && stack.0 < self.stacks.len() {
            return Ok(());
        }
        Err(App::foreign())
    }

    /// The error of a stack or construct used with an app that did not make it.
    pub(crate) fn foreign() -> Error {
        Error::new(
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
