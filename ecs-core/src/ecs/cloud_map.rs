//! How ECS services use Cloud Map (CDK `cloudMapOptions`, `enableCloudMap`,
//! `associateCloudMapService`): their tasks registered as instances of a Cloud Map service.

use crate::cfn::Value;
use crate::cfn::duration::Duration;
use crate::construct::app::App;
use crate::ecs::facts::refused;
use crate::ecs::facts::{ContainerPick, Fact, RegistrationFacts, ServiceFacts};
use crate::ecs::rules;
use crate::ecs::service::Service;
use crate::error::Error;
use crate::servicediscovery::*;
use std::borrow::Cow;

props! {
    /// A service's `cloud_map_options` (CDK `CloudMapOptions`).
    ///
    /// ```
    /// use ecs_core::{ecs::cloud_map::CloudMapOptions, servicediscovery::DnsRecordType};
    /// let o = CloudMapOptions::default().name("sidecar").dns_record_type(DnsRecordType::Srv)
    ///     .container("sidecar").container_port(7600).dns_ttl(30);
    /// assert_eq!(o.container_port, Some(7600));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct CloudMapOptions {
        /// `Name` of the Cloud Map service.
        [into "name"]
        name: String,
        /// The namespace; default the cluster's default namespace.
        [opt "cloudMapNamespace", .ty(Ref(RefClass::Namespace)), .default("the cluster's default namespace")]
        cloud_map_namespace: Namespace,
        /// The record type; default `A` in awsvpc mode, `Srv` in bridge and host mode.
        [opt "dnsRecordType", .ty(Enum(&crate::servicediscovery::DnsRecordType::DEF)), .default("`A` in awsvpc mode, `Srv` in bridge and host mode")]
        dns_record_type: DnsRecordType,
        /// The TTL; default one minute.
        [into "dnsTtl", .default("60 seconds")]
        dns_ttl: Duration,
        /// The custom health check's failure threshold; default 1.
        [opt "failureThreshold", .default("1")]
        failure_threshold: u32,
        /// The container an SRV record points at, by name; default the first essential one.
        [into "container", .ty(Name), .default("the default container")]
        container: String,
        /// The port an SRV record points at; default the default container's first port.
        [opt "containerPort", .default("the default container's first port")]
        container_port: u32,
    }
}

props! {
    /// Options of [`Service::associate_cloud_map_service`] (CDK
    /// `AssociateCloudMapServiceOptions`).
    ///
    /// ```
    /// let o = ecs_core::ecs::cloud_map::AssociateCloudMapServiceOptions::default().container_port(80);
    /// assert_eq!(o.container_port, Some(80));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AssociateCloudMapServiceOptions {
        /// The Cloud Map service (required).
        [opt "service", .ty(Ref(RefClass::CloudMapService)), .required()]
        service: CloudMapService,
        /// The container of SRV records, by name; default the first essential one.
        [into "container", .ty(Name), .default("the default container")]
        container: String,
        /// The port of SRV records; default the default container's first port.
        [opt "containerPort", .default("the default container's first port")]
        container_port: u32,
    }
}

impl Service {
    /// Registers the service's tasks in a new Cloud Map service `<id>/CloudmapService`
    /// (CDK `enableCloudMap`), checking rules X1 and M1.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn enable_cloud_map(
        self,
        app: &mut App,
        options: CloudMapOptions,
    ) -> Result<CloudMapService, Error> {
        app.check_stack(self.node().stack)?;
        let id = self.id(app).to_string();
        let cluster = self.cluster(app);
        let default_namespace = cluster.default_cloud_map_namespace(app);
        let namespace = options.cloud_map_namespace.or(default_namespace);
        let mut service = ServiceFacts::new(&id, self.launch_type(app));
        service.cloud_map_options = Fact::Known((), ());
        refused(service.violations())?;
        let mut facts = self.registration_facts(app, &id, &options.container);
        facts.namespace = Fact::written(options.cloud_map_namespace.is_some(), ());
        facts.cluster = Some((
            cluster.id(app),
            Fact::written(default_namespace.is_some(), ()),
        ));
        facts.dns_record_type = Fact::given(options.dns_record_type, ());
        facts.container_port = Fact::given(options.container_port, ());
        refused(facts.violations())?;
        let Some(namespace) = namespace else {
            return Err(Error::new(rules::cloud_map_namespace_message(
                &id,
                cluster.id(app),
            )));
        };
        if namespace.namespace_type(app) == NamespaceType::Http {
            return Err(Error::new(format!(
                "service `{id}` cannot use dns discovery in an http namespace: use a dns namespace"
            )));
        }
        let mode = self.task_definition(app).network_mode(app);
        let record_type = options
            .dns_record_type
            .unwrap_or(rules::default_dns_record_type(mode));
        let (container, port) =
            self.registry_target(app, record_type, options.container, options.container_port)?;
        self.check_single_registry(app)?;
        let cm = CloudMapService::create_in(
            app,
            self.node(),
            "CloudmapService",
            CloudMapServiceProps {
                namespace: Some(namespace),
                name: options.name,
                description: None,
                dns_record_type: Some(record_type),
                dns_ttl: options.dns_ttl,
                custom_health_check: Some(HealthCheckCustomConfig {
                    failure_threshold: Some(options.failure_threshold.unwrap_or(1)),
                }),
            },
        )?;
        self.add_registry(app, cm, container, port);
        Ok(cm)
    }

    /// Registers the tasks in an existing Cloud Map service (CDK
    /// `associateCloudMapService`); container and port are used for SRV records only.
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, an id is taken, or the options lack a required value or break a rule; every violation of a rule is reported.
    pub fn associate_cloud_map_service(
        self,
        app: &mut App,
        options: AssociateCloudMapServiceOptions,
    ) -> Result<(), Error> {
        app.check_stack(self.node().stack)?;
        let id = self.id(app).to_string();
        let Some(cm) = options.service else {
            return Err(Error::new(format!(
                "`associate_cloud_map_service` of service `{id}` needs `service`: name a `cloud_map_service`"
            )));
        };
        let mut service = ServiceFacts::new(&id, self.launch_type(app));
        service.associate_cloud_map_service = Fact::Known((), ());
        refused(service.violations())?;
        let record_type = cm.dns_record_type(app);
        let mut facts = self.registration_facts(app, &id, &options.container);
        facts.creates_service = false;
        facts.dns_record_type = Fact::Known(record_type, ());
        facts.container_port = Fact::given(options.container_port, ());
        refused(facts.violations())?;
        let (container, port) =
            self.registry_target(app, record_type, options.container, options.container_port)?;
        self.check_single_registry(app)?;
        self.add_registry(app, cm, container, port);
        Ok(())
    }

    /// The rules' view of a registration of the service, its SRV records' container `container`.
    fn registration_facts<'a>(
        self,
        app: &'a App,
        id: &'a str,
        container: &'a Option<String>,
    ) -> RegistrationFacts<'a, ()> {
        let mut facts = RegistrationFacts::new(id, (), self.launch_type(app));
        facts.task = Some(self.task_definition(app).data(app).facts().served());
        if let Some(name) = container {
            facts.container = ContainerPick::Named(Cow::Borrowed(name), ());
        }
        facts
    }

    /// The container name and port of an SRV record, `None` for address records; rule M1 has
    /// judged them, so only a task definition without a default container is left to refuse
    /// (rule S2).
    fn registry_target(
        self,
        app: &App,
        record_type: DnsRecordType,
        container: Option<String>,
        port: Option<u32>,
    ) -> Result<(Option<String>, Option<u32>), Error> {
        if record_type != DnsRecordType::Srv {
            return Ok((None, None));
        }
        let data = self.task_definition(app).data(app);
        let default = data.containers.iter().find(|c| c.essential);
        let container = match container {
            Some(name) => data.containers.iter().find(|c| c.name == name),
            None => default,
        };
        // The CDK defaults the port to the default container's, whichever container is named.
        let port = port.or_else(|| {
            default
                .and_then(|c| c.options.port_mappings.first())
                .map(|p| p.container_port)
        });
        match (container, port) {
            (Some(c), Some(p)) => Ok((Some(c.name.clone()), Some(p))),
            _ => Err(Error::new(rules::essential_container_message(&data.id))),
        }
    }

    fn check_single_registry(self, app: &App) -> Result<(), Error> {
        if self.data(app).has_service_registry {
            return Err(Error::new(format!(
                "service `{}` is already registered in cloud map: ecs allows one registry per service, keep one of `cloud_map_options` and `associate_cloud_map_service`",
                self.id(app)
            )));
        }
        Ok(())
    }

    fn add_registry(
        self,
        app: &mut App,
        cm: CloudMapService,
        container: Option<String>,
        port: Option<u32>,
    ) {
        let mut entry = vec![("RegistryArn", cm.service_arn(app))];
        if let (Some(c), Some(p)) = (container, port) {
            entry.push(("ContainerName", Value::from(c)));
            entry.push(("ContainerPort", Value::from(p)));
        }
        self.push_to(app, "ServiceRegistries", Value::map(entry));
        self.data_mut(app).has_service_registry = true;
    }
}
