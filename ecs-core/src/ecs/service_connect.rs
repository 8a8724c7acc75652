//! ECS Service Connect (CDK `ServiceConnectProps`, `enableServiceConnect`): a service's named
//! port mappings served to the other services of a Cloud Map namespace through the Service
//! Connect proxy, and the clients it lets its tasks reach.

use std::borrow::Cow;

use crate::cfn::Value;
use crate::cfn::duration::Duration;
use crate::construct::app::App;
use crate::ecs::facts::{ConnectServiceFacts, Fact, ServiceConnectFacts, refused};
use crate::ecs::log_driver::LogDriver;
use crate::ecs::rules::{self, RuleId, ServiceConnectError};
use crate::ecs::service::Service;
use crate::error::Error;
use crate::iam::Role;
use crate::kms::Key;

/// The format of Service Connect access logs (CDK `ServiceConnectAccessLogFormat`).
///
/// ```
/// assert_eq!(ecs_core::ecs::service_connect::ServiceConnectAccessLogFormat::Json.cfn_value(), "JSON");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceConnectAccessLogFormat {
    /// Plain text.
    Text,
    /// JSON.
    Json,
}

impl ServiceConnectAccessLogFormat {
    /// The variant names, as a user writes them in `ecs_app!`.
    pub const VARIANT_NAMES: &'static [&'static str] = &["Text", "Json"];

    /// The CloudFormation value.
    pub const fn cfn_value(self) -> &'static str {
        match self {
            ServiceConnectAccessLogFormat::Text => "TEXT",
            ServiceConnectAccessLogFormat::Json => "JSON",
        }
    }

    /// The enum as `ecs_app!` declarations and the reference name it.
    pub const DEF: crate::decl::EnumDef = crate::decl::EnumDef {
        path: &["ecs", "service_connect", "ServiceConnectAccessLogFormat"],
        variants: Self::VARIANT_NAMES,
    };
}

props! {
    /// TLS between Service Connect proxies (CDK `ServiceConnectTlsConfiguration`).
    ///
    /// ```
    /// use ecs_core::ecs::service_connect::ServiceConnectTlsConfiguration;
    /// let tls = ServiceConnectTlsConfiguration::default()
    ///     .aws_pca_authority_arn("arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/ca");
    /// assert!(tls.aws_pca_authority_arn.is_some());
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ServiceConnectTlsConfiguration {
        /// The ARN of the AWS Private CA that issues the proxies' certificates
        /// (`IssuerCertificateAuthority.AwsPcaAuthorityArn`; an ARN, rule M2).
        [into "awsPcaAuthorityArn"]
        aws_pca_authority_arn: String,
        /// The KMS key that encrypts the certificates' private keys (`KmsKey`).
        [opt "kmsKey", .ty(Ref(RefClass::Key)), .default("an AWS owned key")]
        kms_key: Key,
        /// The role ECS uses to manage the certificates (`RoleArn`).
        [opt "role"]
        role: Role,
    }
}

props! {
    /// One port a service serves with Service Connect (CDK `ServiceConnectService`).
    ///
    /// ```
    /// use ecs_core::ecs::service_connect::ServiceConnectService;
    /// let api = ServiceConnectService::default().port_mapping_name("api").dns_name("api.internal").port(80);
    /// assert_eq!(api.port, Some(80));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ServiceConnectService {
        /// The `name` of a port mapping of the task definition (`PortName`; rule M2).
        [val_into "portMappingName", .required()]
        port_mapping_name: String,
        /// The name the service is discovered by in the namespace (`DiscoveryName`; distinct
        /// per port, rule M2).
        [into "discoveryName", .default("`port_mapping_name`")]
        discovery_name: String,
        /// The DNS name clients reach the service by (`ClientAliases[].DnsName`).
        [into "dnsName", .default("`<discovery name>.<namespace>`")]
        dns_name: String,
        /// The port clients reach the service on (`ClientAliases[].Port`; 1–65535, rule M2).
        [opt "port", .default("the port mapping's container port")]
        port: u32,
        /// The port the Service Connect proxy listens on (`IngressPortOverride`; 1–65535, rule
        /// M2).
        [opt "ingressPortOverride"]
        ingress_port_override: u32,
        /// How long a connection may stay idle (`Timeout.IdleTimeoutSeconds`; 0 turns it off).
        [into "idleTimeout"]
        idle_timeout: Duration,
        /// How long a request may take (`Timeout.PerRequestTimeoutSeconds`; 0 turns it off).
        [into "perRequestTimeout"]
        per_request_timeout: Duration,
        /// TLS between the proxies (`Tls`).
        [opt "tls", .ty(Object(KindId::ServiceConnectTls))]
        tls: ServiceConnectTlsConfiguration,
    }
}

props! {
    /// Access logs of the Service Connect proxy (CDK `ServiceConnectAccessLogConfiguration`).
    ///
    /// ```
    /// use ecs_core::ecs::service_connect::{ServiceConnectAccessLogConfiguration, ServiceConnectAccessLogFormat};
    /// let logs = ServiceConnectAccessLogConfiguration::default()
    ///     .format(ServiceConnectAccessLogFormat::Json)
    ///     .include_query_parameters(true);
    /// assert!(logs.include_query_parameters);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct ServiceConnectAccessLogConfiguration {
        /// The log format (`Format`).
        [opt "format", .ty(Enum(&crate::ecs::service_connect::ServiceConnectAccessLogFormat::DEF)), .required()]
        format: ServiceConnectAccessLogFormat,
        /// Whether query parameters are logged (`IncludeQueryParameters`).
        [val "includeQueryParameters", .default("false")]
        include_query_parameters: bool,
    }
}

props! {
    /// A service's Service Connect configuration (CDK `ServiceConnectProps`); the default
    /// enables Service Connect as a client in the cluster's default namespace.
    ///
    /// ```
    /// use ecs_core::ecs::service_connect::{ServiceConnectProps, ServiceConnectService};
    /// let config = ServiceConnectProps::default()
    ///     .namespace("app.local")
    ///     .services([ServiceConnectService::default().port_mapping_name("api")]);
    /// assert_eq!(config.services.len(), 1);
    /// ```
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ServiceConnectProps {
        /// The Cloud Map namespace, by name or ARN (`Namespace`; rule M2).
        [into "namespace", .default("the cluster's default Cloud Map namespace")]
        namespace: String,
        /// The ports the service serves; none makes it a client only (`Services`).
        [list "services", .ty(Objects(KindId::ServiceConnectService))]
        services: ServiceConnectService,
        /// Where the proxy's logs go (`LogConfiguration`); an awslogs driver's log group is
        /// created under the service, written by the task's execution role.
        [opt "logDriver"]
        log_driver: LogDriver,
        /// The proxy's access logs (`AccessLogConfiguration`; needs `log_driver`, rule M2).
        [opt "accessLogConfiguration", .ty(Object(KindId::ServiceConnectAccessLog))]
        access_log_configuration: ServiceConnectAccessLogConfiguration,
    }
}

impl Service {
    /// Enables Service Connect (CDK `enableServiceConnect`): the service serves the named port
    /// mappings of `config.services` in the namespace and reaches the others through the
    /// proxy; checks rule M2.
    ///
    /// ```
    /// use ecs_core::prelude::*;
    /// use ecs_core::ecs::service_connect::{ServiceConnectProps, ServiceConnectService};
    /// use ecs_core::servicediscovery::CloudMapNamespaceOptions;
    /// let mut app = App::new();
    /// let s = app.add_stack("Web")?;
    /// let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default()
    ///     .default_cloud_map_namespace(CloudMapNamespaceOptions::default().name("app.local")))?;
    /// let td = FargateTaskDefinition::new(&mut app, s, "TaskDef",
    ///     FargateTaskDefinitionProps::default().cpu(256).memory_limit_mib(512))?;
    /// td.add_container(&mut app, "web", ContainerDefinitionOptions::default()
    ///     .image(ContainerImage::from_registry("nginx"))
    ///     .port_mappings([PortMapping::default().container_port(80).name("http")]))?;
    /// let service = FargateService::new(&mut app, s, "Service",
    ///     FargateServiceProps::default().cluster(cluster).task_definition(td))?;
    /// service.enable_service_connect(&mut app, ServiceConnectProps::default()
    ///     .services([ServiceConnectService::default().port_mapping_name("http")]))?;
    /// let err = service.enable_service_connect(&mut app, ServiceConnectProps::default()).unwrap_err();
    /// assert!(err.to_string().contains("enable it once"));
    /// # Ok::<(), ecs_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the construct or one given is of another app, Service Connect is already enabled,
    /// the log driver is refused, or the configuration breaks rule M2; every violation of a
    /// rule is reported.
    pub fn enable_service_connect(
        self,
        app: &mut App,
        config: ServiceConnectProps,
    ) -> Result<(), Error> {
        app.check_stack(self.node().stack())?;
        let id = self.id(app).to_string();
        if self.data(app).service_connect {
            return Err(Error::rule(
                RuleId::M2,
                rules::service_connect_message(&id, &ServiceConnectError::AlreadyEnabled),
            ));
        }
        if let Some(key) = config.services.iter().find_map(|s| s.tls.as_ref()?.kms_key) {
            app.check_each([key])?;
        }
        for (index, svc) in config.services.iter().enumerate() {
            let owner = format!("service connect service {} of service `{id}`", index + 1);
            for (d, property) in [
                (svc.idle_timeout, "idle_timeout"),
                (svc.per_request_timeout, "per_request_timeout"),
            ] {
                if let Some(d) = d {
                    d.checked(&owner, property)?;
                }
            }
        }
        let task_definition = self.task_definition(app);
        let cluster = self.cluster(app);
        let default_namespace = cluster.default_cloud_map_namespace(app);
        {
            let mut facts = ServiceConnectFacts::new(&id, ());
            facts.task = Some(task_definition.data(app).facts().served());
            facts.namespace = Fact::written(config.namespace.is_some(), ());
            facts.cluster = Some((cluster.id(app), default_namespace.is_some()));
            facts.log_driver = Fact::written(config.log_driver.is_some(), ());
            facts.access_log_configuration =
                Fact::written(config.access_log_configuration.is_some(), ());
            facts.services = Some(
                config
                    .services
                    .iter()
                    .map(|s| ConnectServiceFacts {
                        port_mapping_name: Fact::Known(Cow::Borrowed(&s.port_mapping_name), ()),
                        discovery_name: known_str(s.discovery_name.as_deref()),
                        port: Fact::given(s.port, ()),
                        ingress_port_override: Fact::given(s.ingress_port_override, ()),
                        aws_pca_authority_arn: known_str(
                            s.tls
                                .as_ref()
                                .and_then(|t| t.aws_pca_authority_arn.as_deref()),
                        ),
                    })
                    .collect(),
            );
            refused(facts.violations())?;
        }
        // The configuration's namespace, else the cluster's default one, by name (CDK
        // `namespaceName`); rule M2 made sure there is one.
        let namespace = config
            .namespace
            .clone()
            .or_else(|| default_namespace.map(|ns| ns.namespace_name(app).to_string()));
        let mut services = Vec::new();
        for svc in &config.services {
            let container_port = task_definition
                .find_port_mapping_by_name(app, &svc.port_mapping_name)
                .map_or(0, |m| m.container_port);
            let mut alias = vec![("Port", Value::from(svc.port.unwrap_or(container_port)))];
            if let Some(dns) = &svc.dns_name {
                alias.push(("DnsName", Value::from(dns.clone())));
            }
            let mut entry = vec![
                ("PortName", Value::from(svc.port_mapping_name.clone())),
                ("ClientAliases", Value::List(vec![Value::map(alias)])),
            ];
            if let Some(d) = &svc.discovery_name {
                entry.push(("DiscoveryName", Value::from(d.clone())));
            }
            if let Some(p) = svc.ingress_port_override {
                entry.push(("IngressPortOverride", Value::from(p)));
            }
            if svc.idle_timeout.is_some() || svc.per_request_timeout.is_some() {
                let mut timeout = Vec::new();
                if let Some(d) = svc.idle_timeout {
                    timeout.push(("IdleTimeoutSeconds", Value::from(d)));
                }
                if let Some(d) = svc.per_request_timeout {
                    timeout.push(("PerRequestTimeoutSeconds", Value::from(d)));
                }
                entry.push(("Timeout", Value::map(timeout)));
            }
            if let Some(tls) = &svc.tls {
                let mut t = Vec::new();
                let mut authority = Vec::new();
                if let Some(arn) = &tls.aws_pca_authority_arn {
                    authority.push(("AwsPcaAuthorityArn", Value::from(arn.clone())));
                }
                t.push(("IssuerCertificateAuthority", Value::map(authority)));
                if let Some(key) = tls.kms_key {
                    t.push(("KmsKey", key.key_arn()));
                }
                if let Some(role) = tls.role {
                    t.push(("RoleArn", role.arn(app)));
                }
                entry.push(("Tls", Value::map(t)));
            }
            services.push(Value::map(entry));
        }
        // The CDK binds the driver to the service, for the task's default container: an
        // awslogs log group is created under the service.
        let log_configuration = match (&config.log_driver, task_definition.default_container(app)) {
            (Some(driver), Some(container)) => {
                let name = container.container_name(app).to_string();
                Some(driver.bind(app, task_definition, self.node(), &name)?)
            }
            _ => None,
        };
        let mut rendered = vec![("Enabled", Value::from(true))];
        if let Some(c) = log_configuration {
            rendered.push(("LogConfiguration", c));
        }
        if let Some(ns) = namespace {
            rendered.push(("Namespace", Value::from(ns)));
        }
        if !config.services.is_empty() {
            rendered.push(("Services", Value::List(services)));
        }
        if let Some(logs) = &config.access_log_configuration {
            let mut a = Vec::new();
            if let Some(f) = logs.format {
                a.push(("Format", Value::from(f.cfn_value())));
            }
            let include = if logs.include_query_parameters {
                "ENABLED"
            } else {
                "DISABLED"
            };
            a.push(("IncludeQueryParameters", Value::from(include)));
            rendered.push(("AccessLogConfiguration", Value::map(a)));
        }
        let resource = self.resource(app);
        app.stack_mut(self.node().stack())
            .resource_mut(resource)
            .set("ServiceConnectConfiguration", Value::map(rendered));
        self.data_mut(app).service_connect = true;
        Ok(())
    }
}

/// Text the builders were given, as rule M2 reads it.
fn known_str(text: Option<&str>) -> Fact<Cow<'_, str>, ()> {
    match text {
        Some(t) => Fact::Known(Cow::Borrowed(t), ()),
        None => Fact::Absent,
    }
}
