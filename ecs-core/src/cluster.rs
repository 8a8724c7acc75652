//! The ECS cluster (CDK `cluster.ts`).
//!
//! ```
//! use ecs_core::{App, cluster::{Cluster, ClusterProps}};
//! let mut app = App::new();
//! let s = app.add_stack("Web").unwrap();
//! // Without a VPC the cluster creates its own, `Cluster/Vpc`, over two zones.
//! let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
//! assert!(!cluster.has_ec2_capacity(&app));
//! ```

use crate::app::App;
use crate::capacity::{AddCapacityOptions, AutoScalingGroup};
use crate::cfn::{Resource, Value};
use crate::construct::{NodeId, StackId};
use crate::ec2::{Vpc, VpcProps};
use crate::error::Error;

/// Properties of a [`Cluster`] (CDK `ClusterProps`, the part this library supports).
///
/// ```
/// let props = ecs_core::cluster::ClusterProps::default().cluster_name("web");
/// assert_eq!(props.cluster_name.as_deref(), Some("web"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterProps {
    /// The VPC; without one the cluster creates `Vpc` under itself with two zones.
    pub vpc: Option<Vpc>,
    /// `ClusterName`; CloudFormation generates one when absent.
    pub cluster_name: Option<String>,
    /// A Cloud Map namespace created with the cluster, the default of its services.
    pub default_cloud_map_namespace: Option<crate::cloud_map::CloudMapNamespaceOptions>,
}

impl ClusterProps {
    /// Sets `vpc`.
    pub fn vpc(mut self, vpc: Vpc) -> Self {
        self.vpc = Some(vpc);
        self
    }

    /// Sets `cluster_name`.
    pub fn cluster_name(mut self, name: impl Into<String>) -> Self {
        self.cluster_name = Some(name.into());
        self
    }

    /// Sets `default_cloud_map_namespace`.
    pub fn default_cloud_map_namespace(
        mut self,
        options: crate::cloud_map::CloudMapNamespaceOptions,
    ) -> Self {
        self.default_cloud_map_namespace = Some(options);
        self
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ClusterData {
    pub(crate) id: String,
    pub(crate) resource: NodeId,
    pub(crate) vpc: Vpc,
    pub(crate) has_ec2_capacity: bool,
    // ---- issue 5: the instances' security groups (CDK `cluster.connections`) and the
    // default Cloud Map namespace ----
    pub(crate) connections: Vec<crate::ec2::SecurityGroup>,
    pub(crate) default_namespace: Option<crate::cloud_map::Namespace>,
}

/// An ECS cluster construct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    node: NodeId,
    index: usize,
}

impl Cluster {
    /// Creates a cluster with id `id` at the top of `stack`.
    pub fn new(
        app: &mut App,
        stack: StackId,
        id: &str,
        props: ClusterProps,
    ) -> Result<Cluster, Error> {
        let root = app.stack(stack).root();
        let st = app.stack_mut(stack);
        let node = st.add_node(root, id)?;
        let resource = st.add_resource(
            node,
            "Resource",
            Resource::new("AWS::ECS::Cluster").prop_opt("ClusterName", props.cluster_name),
        )?;
        let vpc = match props.vpc {
            Some(vpc) => vpc,
            None => Vpc::new_in(app, node, "Vpc", VpcProps::default().max_azs(2))?,
        };
        let index = app.clusters.len();
        app.clusters.push(ClusterData {
            id: id.to_string(),
            resource,
            vpc,
            has_ec2_capacity: false,
            connections: Vec::new(),
            default_namespace: None,
        });
        let cluster = Cluster { node, index };
        if let Some(options) = props.default_cloud_map_namespace {
            cluster.add_default_cloud_map_namespace(app, options)?;
        }
        Ok(cluster)
    }

    pub(crate) fn index(self) -> usize {
        self.index
    }

    /// The cluster construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The cluster's VPC.
    pub fn vpc(self, app: &App) -> Vpc {
        app.clusters[self.index].vpc
    }

    /// Whether EC2 capacity was added (`add_capacity`).
    pub fn has_ec2_capacity(self, app: &App) -> bool {
        app.clusters[self.index].has_ec2_capacity
    }

    /// The construct id, for messages.
    pub fn id(self, app: &App) -> &str {
        &app.clusters[self.index].id
    }

    /// `{"Ref": cluster}`: the cluster name.
    pub fn cluster_name(self, app: &App) -> Value {
        Value::Ref(app.clusters[self.index].resource)
    }

    /// `{"Fn::GetAtt": [cluster, "Arn"]}`.
    pub fn cluster_arn(self, app: &App) -> Value {
        Value::GetAtt(app.clusters[self.index].resource, "Arn".into())
    }

    /// Adds EC2 capacity: an auto-scaling group of ECS-optimized instances that join the
    /// cluster, with the instance drain hook (CDK `addCapacity`).
    ///
    /// ```
    /// use ecs_core::{App, capacity::AddCapacityOptions, cluster::{Cluster, ClusterProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// cluster
    ///     .add_capacity(&mut app, "Capacity", AddCapacityOptions::default().instance_type("t3.large"))
    ///     .unwrap();
    /// assert!(cluster.has_ec2_capacity(&app));
    /// ```
    pub fn add_capacity(
        self,
        app: &mut App,
        id: &str,
        options: AddCapacityOptions,
    ) -> Result<AutoScalingGroup, Error> {
        let asg = AutoScalingGroup::for_cluster(app, self, id, options)?;
        app.clusters[self.index].has_ec2_capacity = true;
        Ok(asg)
    }

    /// The security groups of the cluster's instances (CDK `cluster.connections`): where
    /// load balancers reach bridge and host mode tasks.
    pub(crate) fn connections(self, app: &App) -> Vec<crate::ec2::SecurityGroup> {
        app.clusters[self.index].connections.clone()
    }

    /// The default Cloud Map namespace, if one was added.
    pub fn default_cloud_map_namespace(self, app: &App) -> Option<crate::cloud_map::Namespace> {
        app.clusters[self.index].default_namespace
    }

    /// Adds the default Cloud Map namespace, `<cluster>/DefaultServiceDiscoveryNamespace`
    /// (CDK `addDefaultCloudMapNamespace`).
    ///
    /// ```
    /// use ecs_core::{App, cloud_map::CloudMapNamespaceOptions, cluster::{Cluster, ClusterProps}};
    /// let mut app = App::new();
    /// let s = app.add_stack("Web").unwrap();
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()).unwrap();
    /// cluster.add_default_cloud_map_namespace(&mut app, CloudMapNamespaceOptions::default().name("app.local")).unwrap();
    /// assert!(cluster.default_cloud_map_namespace(&app).is_some());
    /// ```
    pub fn add_default_cloud_map_namespace(
        self,
        app: &mut App,
        options: crate::cloud_map::CloudMapNamespaceOptions,
    ) -> Result<crate::cloud_map::Namespace, Error> {
        if app.clusters[self.index].default_namespace.is_some() {
            return Err(Error::new(format!(
                "cluster `{}` already has a default cloud map namespace: add only one",
                self.id(app)
            )));
        }
        let vpc = options.vpc.unwrap_or(self.vpc(app));
        let ns = crate::cloud_map::Namespace::create_in(
            app,
            self.node,
            "DefaultServiceDiscoveryNamespace",
            options.name,
            options.namespace_type,
            Some(vpc),
            None,
        )?;
        app.clusters[self.index].default_namespace = Some(ns);
        Ok(ns)
    }
}
