//! Existing services known by ARN or name (CDK `FargateService.fromFargateServiceArn`,
//! `fromFargateServiceAttributes`, the `Ec2Service` pair and
//! `BaseService.fromServiceArnWithCluster`): their name, ARN and cluster, for outputs, tokens
//! and policies of this app.
//!
//! ```
//! use ecs_core::prelude::*;
//! let mut app = App::new();
//! let s = app.add_stack("Ops")?;
//! let web = FargateService::from_fargate_service_arn(&mut app, s, "Web",
//!     "arn:aws:ecs:us-east-1:123456789012:service/shared/web")?;
//! assert_eq!(web.service_name(&app), "web".into());
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::{Token, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ecs::cluster::Cluster;
use crate::ecs::service::{Ec2Service, ExternalService, FargateService};
use crate::error::Error;

props! {
    /// What is known of an existing service (CDK `FargateServiceAttributes`,
    /// `Ec2ServiceAttributes`): its cluster and its ARN or name, or with `import_cluster` an
    /// ARN alone.
    ///
    /// ```
    /// use ecs_core::ecs::imported_service::ServiceAttributes;
    /// let a = ServiceAttributes::default().service_name("api");
    /// assert_eq!(a.service_name.as_deref(), Some("api"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ServiceAttributes {
        /// The cluster that runs the service (required with `service_name`).
        [opt "cluster", .ty(Ref(RefClass::Cluster)), .default("none: the service is known by its ARN alone")]
        cluster: Cluster,
        /// The service's ARN, `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>` (or
        /// the old `service/<name>`); give this or `service_name`.
        [into "serviceArn", .default("from `service_name` and the cluster")]
        service_arn: String,
        /// The service's name; give this or `service_arn`.
        [into "serviceName", .default("from the ARN")]
        service_name: String,
        /// Whether to import the cluster the ARN names as the construct `<id>Cluster` (CDK
        /// `BaseService.fromServiceArnWithCluster`); needs `service_arn` alone, in the
        /// `service/<cluster>/<name>` format.
        [opt "importCluster", .default("false")]
        import_cluster: bool,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ImportedServiceData {
    arn: Value,
    name: Value,
    cluster: Option<Cluster>,
}

impl crate::construct::app::Data for ImportedServiceData {}

/// An existing service: its name, ARN and (when known) cluster.
///
/// ```
/// use ecs_core::prelude::*;
/// let mut app = App::new();
/// let s = app.add_stack("Ops")?;
/// let batch = ImportedService::from_service_arn_with_cluster(&mut app, s, "Batch",
///     "arn:aws:ecs:us-west-2:123456789012:service/jobs/batch")?;
/// let cluster = batch.cluster(&app).expect("imported from the ARN");
/// assert_eq!(cluster.cluster_name(&app), "jobs".into());
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportedService {
    node: NodeId,
    index: usize,
}

impl ImportedService {
    /// The `imported_service` item: by ARN alone, by attributes, or (with `import_cluster`)
    /// by ARN with its cluster.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::imported_service::ServiceAttributes;
    /// let mut app = App::new();
    /// let s = app.add_stack("Ops")?;
    /// let old = ImportedService::new(&mut app, s, "Old", ServiceAttributes::default()
    ///     .service_arn("arn:aws:ecs:us-east-1:123456789012:service/old"))?;
    /// assert_eq!(old.service_name(&app), "old".into());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, a handle is of another app, both or neither of
    /// `service_arn` and `service_name` are given, `service_name` comes without `cluster`, or
    /// the ARN is not a service ARN (in the cluster format, with `import_cluster`).
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ServiceAttributes,
    ) -> Result<ImportedService, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        app.check_each(attrs.cluster)?;
        match (attrs.service_arn, attrs.service_name, attrs.cluster) {
            (Some(_), Some(_), _) | (None, None, _) => {
                Err(Error::new(service_arn_or_name_message(id)))
            }
            (Some(arn), None, cluster) if attrs.import_cluster == Some(true) => {
                if cluster.is_some() {
                    return Err(Error::new(format!(
                        "imported service `{id}` takes its cluster from the ARN with `import_cluster`: remove `cluster`"
                    )));
                }
                Self::with_cluster(app, scope, id, &arn)
            }
            (_, _, _) if attrs.import_cluster == Some(true) => Err(Error::new(format!(
                "imported service `{id}` needs `service_arn` to take its cluster from: give `service_arn` instead of `service_name`"
            ))),
            (Some(arn), None, cluster) => {
                let name = service_name_from_arn(id, &arn)?;
                Self::push(app, scope, id, Value::from(arn), name, cluster)
            }
            (None, Some(name), Some(cluster)) => {
                // `@aws-cdk/aws-ecs:arnFormatIncludesClusterName`: `service/<cluster>/<name>`.
                let resource = vec![
                    Value::from("service/"),
                    cluster.cluster_name(app),
                    Value::from("/"),
                    Value::from(name.clone()),
                ];
                let arn = Value::arn("ecs", true, true, resource);
                Self::push(app, scope, id, arn, Value::from(name), Some(cluster))
            }
            (None, Some(_), None) => Err(Error::new(service_name_needs_cluster_message(id))),
        }
    }

    /// An existing service known by an ARN in the `service/<cluster>/<name>` format, whose
    /// cluster is imported from the ARN as `<id>Cluster` beside it (CDK
    /// `BaseService.fromServiceArnWithCluster`).
    ///
    /// # Errors
    ///
    /// When `id` or `<id>Cluster` is taken under `scope`, `scope` is of another app, or the
    /// ARN is not a literal service ARN in the cluster format.
    pub fn from_service_arn_with_cluster(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: &str,
    ) -> Result<ImportedService, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        Self::with_cluster(app, scope, id, arn)
    }

    fn with_cluster(
        app: &mut App,
        scope: NodeId,
        id: &str,
        arn: &str,
    ) -> Result<ImportedService, Error> {
        if Token::is_unresolved(arn) {
            return Err(Error::new(format!(
                "imported service `{id}` takes its cluster from its ARN, which must be a literal here: give the ARN as text, or give `cluster` and `service_arn`"
            )));
        }
        if let Some(message) = service_arn_problem(id, arn, true) {
            return Err(Error::new(message));
        }
        let parts = split_arn(id, arn)?;
        let resource_name = parts.resource_name.unwrap_or_default();
        let Some((cluster_name, service_name)) = resource_name.split_once('/') else {
            return Err(Error::new(
                service_arn_problem(id, arn, true).unwrap_or_default(),
            ));
        };
        let cluster_arn = format!(
            "arn:{}:ecs:{}:{}:cluster/{cluster_name}",
            parts.partition, parts.region, parts.account
        );
        let service_name = service_name.to_string();
        let cluster = Cluster::from_cluster_arn(app, scope, &format!("{id}Cluster"), &cluster_arn)?;
        Self::push(
            app,
            scope,
            id,
            Value::from(arn.to_string()),
            Value::from(service_name),
            Some(cluster),
        )
    }

    fn push(
        app: &mut App,
        scope: NodeId,
        id: &str,
        arn: Value,
        name: Value,
        cluster: Option<Cluster>,
    ) -> Result<ImportedService, Error> {
        let node = app.stack_mut(scope.stack()).add_node(scope, id)?;
        let index = app.all::<ImportedServiceData>().len();
        app.all_mut::<ImportedServiceData>()
            .push(ImportedServiceData { arn, name, cluster });
        Ok(ImportedService { node, index })
    }

    fn data(self, app: &App) -> &ImportedServiceData {
        &app.all::<ImportedServiceData>()[self.index]
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// The service's ARN: as given, or made from its cluster and name.
    pub fn service_arn(self, app: &App) -> Value {
        self.data(app).arn.clone()
    }

    /// The service's name: as given, or read from the ARN (a `Fn::Select` of it when the ARN
    /// is a token).
    pub fn service_name(self, app: &App) -> Value {
        self.data(app).name.clone()
    }

    /// The cluster, when it was given or imported from the ARN.
    pub fn cluster(self, app: &App) -> Option<Cluster> {
        self.data(app).cluster
    }
}

/// The message of an imported service given both or neither of `service_arn` and
/// `service_name`.
pub fn service_arn_or_name_message(id: &str) -> String {
    format!(
        "imported service `{id}` needs either `service_arn` or `service_name`: give one of them"
    )
}

/// The message of an imported service given `service_name` without `cluster`.
pub fn service_name_needs_cluster_message(id: &str) -> String {
    format!(
        "imported service `{id}` needs `cluster` with `service_name`: add `cluster: <cluster>`, or give `service_arn`"
    )
}

/// What is wrong with the literal service ARN `arn` of imported service `id`, if anything: it
/// must be an ARN naming a service, in the `service/<cluster>/<name>` format when the cluster
/// is taken from it (`with_cluster`), as the CDK requires.
///
/// ```
/// use ecs_core::ecs::imported_service::service_arn_problem;
/// assert_eq!(service_arn_problem("Web", "arn:aws:ecs:us-east-1:123456789012:service/shared/web", true), None);
/// assert!(service_arn_problem("Old", "arn:aws:ecs:us-east-1:123456789012:service/old", true).is_some());
/// assert_eq!(service_arn_problem("Old", "arn:aws:ecs:us-east-1:123456789012:service/old", false), None);
/// ```
pub fn service_arn_problem(id: &str, arn: &str, with_cluster: bool) -> Option<String> {
    let form = "give an ARN of the form `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>`";
    let parts = match split_arn(id, arn) {
        Ok(parts) => parts,
        Err(e) => return Some(e.to_string()),
    };
    let resource_name = parts.resource_name.unwrap_or_default();
    if resource_name.is_empty() {
        return Some(format!(
            "imported service `{id}`: service ARN {arn} names no service: {form}"
        ));
    }
    if with_cluster && resource_name.split('/').count() != 2 {
        return Some(format!(
            "imported service `{id}`: resource name {resource_name} from service ARN: {arn} is not using the ARN cluster format: {form}"
        ));
    }
    None
}

/// Part `index` of the `/`-separated resource of a token ARN, selected at deployment (the
/// CDK's `Fn.select(index, Fn.split('/', Fn.select(5, Fn.split(':', arn))))`).
fn resource_part(arn: &str, index: u32) -> Value {
    let resource = Value::Select(
        5,
        Box::new(Value::Split(
            ":".into(),
            Box::new(Value::from(arn.to_string())),
        )),
    );
    Value::Select(
        index,
        Box::new(Value::Split("/".into(), Box::new(resource))),
    )
}

/// The parts of a literal ARN (CDK `Arn.split` with `ArnFormat.SLASH_RESOURCE_NAME`).
struct ArnParts<'a> {
    partition: &'a str,
    region: &'a str,
    account: &'a str,
    resource_name: Option<&'a str>,
}

fn split_arn<'a>(id: &str, arn: &'a str) -> Result<ArnParts<'a>, Error> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if parts.len() < 6 || parts[0] != "arn" {
        return Err(Error::new(format!(
            "imported service `{id}`: ARNs must start with \"arn:\" and have at least 6 components: {arn}: give an ARN of the form `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>`"
        )));
    }
    let resource_name = parts[5].split_once('/').map(|(_, name)| name);
    Ok(ArnParts {
        partition: parts[1],
        region: parts[3],
        account: parts[4],
        resource_name,
    })
}

/// The service name in `arn` (CDK `extractServiceNameFromArn` with
/// `@aws-cdk/aws-ecs:arnFormatIncludesClusterName`): of a literal, the part after `service/`
/// (`<cluster>/<name>` or the old `<name>`); of a token, `Fn::Select` of its parts.
fn service_name_from_arn(id: &str, arn: &str) -> Result<Value, Error> {
    if Token::is_unresolved(arn) {
        return Ok(resource_part(arn, 2));
    }
    if let Some(message) = service_arn_problem(id, arn, false) {
        return Err(Error::new(message));
    }
    let resource_name = split_arn(id, arn)?.resource_name.unwrap_or_default();
    let names: Vec<&str> = resource_name.split('/').collect();
    Ok(Value::from(
        if names.len() == 1 { names[0] } else { names[1] }.to_string(),
    ))
}

impl FargateService {
    /// An existing Fargate service known by its ARN (CDK
    /// `FargateService.fromFargateServiceArn`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Ops")?;
    /// let web = FargateService::from_fargate_service_arn(&mut app, s, "Web",
    ///     "arn:aws:ecs:us-east-1:123456789012:service/shared/web")?;
    /// assert!(web.cluster(&app).is_none());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, or the ARN is not a
    /// service ARN.
    pub fn from_fargate_service_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: impl Into<String>,
    ) -> Result<ImportedService, Error> {
        ImportedService::new(
            app,
            scope,
            id,
            ServiceAttributes::default().service_arn(arn.into()),
        )
    }

    /// An existing Fargate service known by its cluster and its ARN or name (CDK
    /// `FargateService.fromFargateServiceAttributes`).
    ///
    /// # Errors
    ///
    /// As [`ImportedService::new`].
    pub fn from_fargate_service_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ServiceAttributes,
    ) -> Result<ImportedService, Error> {
        ImportedService::new(app, scope, id, attrs)
    }
}

impl Ec2Service {
    /// An existing EC2 service known by its ARN (CDK `Ec2Service.fromEc2ServiceArn`).
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// let mut app = App::new();
    /// let s = app.add_stack("Ops")?;
    /// let old = Ec2Service::from_ec2_service_arn(&mut app, s, "Old",
    ///     "arn:aws:ecs:us-east-1:123456789012:service/old")?;
    /// assert_eq!(old.service_name(&app), "old".into());
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, or the ARN is not a
    /// service ARN.
    pub fn from_ec2_service_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: impl Into<String>,
    ) -> Result<ImportedService, Error> {
        ImportedService::new(
            app,
            scope,
            id,
            ServiceAttributes::default().service_arn(arn.into()),
        )
    }

    /// An existing EC2 service known by its cluster and its ARN or name (CDK
    /// `Ec2Service.fromEc2ServiceAttributes`).
    ///
    /// # Errors
    ///
    /// As [`ImportedService::new`].
    pub fn from_ec2_service_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ServiceAttributes,
    ) -> Result<ImportedService, Error> {
        ImportedService::new(app, scope, id, attrs)
    }
}

impl ExternalService {
    /// An existing External service known by its ARN (CDK
    /// `ExternalService.fromExternalServiceArn`).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, or the ARN is not a
    /// service ARN.
    pub fn from_external_service_arn(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        arn: impl Into<String>,
    ) -> Result<ImportedService, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let arn = arn.into();
        // Unlike the other kinds, the CDK names it by the whole resource name after
        // `service/`, the cluster's name included.
        let name = if Token::is_unresolved(&arn) {
            resource_part(&arn, 1)
        } else {
            if let Some(message) = service_arn_problem(id, &arn, false) {
                return Err(Error::new(message));
            }
            Value::from(
                split_arn(id, &arn)?
                    .resource_name
                    .unwrap_or_default()
                    .to_string(),
            )
        };
        ImportedService::push(app, scope, id, Value::from(arn), name, None)
    }

    /// An existing External service known by its cluster and its ARN or name (CDK
    /// `ExternalService.fromExternalServiceAttributes`).
    ///
    /// # Errors
    ///
    /// As [`ImportedService::new`].
    pub fn from_external_service_attributes(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        attrs: ServiceAttributes,
    ) -> Result<ImportedService, Error> {
        ImportedService::new(app, scope, id, attrs)
    }
}

handle!(ImportedService);
