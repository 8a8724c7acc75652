//! Higher-level constructs over the ECS builders (CDK `aws-ecs-patterns`): one call creates a
//! service with everything around it — load balancer, listener, target group, task definition,
//! log group and outputs — and returns a handle to each part for further configuration.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::ecs_patterns::*;
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let web = ApplicationLoadBalancedFargateService::new(&mut app, s, "Service",
//!     ApplicationLoadBalancedFargateServiceProps::default().task_image_options(
//!         ApplicationLoadBalancedTaskImageOptions::default()
//!             .image(ContainerImage::from_registry("amazon/amazon-ecs-sample"))))?;
//! web.target_group.configure_health_check(&mut app,
//!     TargetGroupHealthCheck::default().path("/health"))?;
//! let t = &app.templates()?[0].1;
//! assert_eq!(t["Resources"]["ServiceLBE9A1ADBC"]["Type"], "AWS::ElasticLoadBalancingV2::LoadBalancer");
//! # Ok::<(), ecs_core::Error>(())
//! ```

/// Copies the service properties both launch types share onto the service's props (the
/// service properties of `ApplicationLoadBalancedServiceBaseProps` and
/// `NetworkLoadBalancedServiceBaseProps`).
macro_rules! service_props {
    ($p:expr, $props:expr, $cluster:expr, $task:expr) => {{
        let p = &$p;
        let mut s = $props.cluster($cluster).task_definition($task);
        // `@aws-cdk/aws-ecs:removeDefaultDesiredCount`: no count unless one is given.
        if let Some(v) = p.desired_count {
            s = s.desired_count(v);
        }
        if let Some(v) = &p.service_name {
            s = s.service_name(v.clone());
        }
        if let Some(v) = p.health_check_grace_period {
            s = s.health_check_grace_period(v);
        }
        if let Some(v) = p.min_healthy_percent {
            s = s.min_healthy_percent(v);
        }
        if let Some(v) = p.max_healthy_percent {
            s = s.max_healthy_percent(v);
        }
        if let Some(v) = p.propagate_tags {
            s = s.propagate_tags(v);
        }
        if let Some(v) = p.enable_ecs_managed_tags {
            s = s.enable_ecs_managed_tags(v);
        }
        if let Some(v) = &p.cloud_map_options {
            s = s.cloud_map_options(v.clone());
        }
        if let Some(v) = p.deployment_controller {
            s = s.deployment_controller(v);
        }
        if let Some(v) = &p.circuit_breaker {
            s = s.circuit_breaker(v.clone());
        }
        if let Some(v) = p.enable_execute_command {
            s = s.enable_execute_command(v);
        }
        s.capacity_provider_strategies(p.capacity_provider_strategies.clone())
    }};
}

/// The setters of the map properties of the patterns' container options: `environment`,
/// `secrets` and `docker_labels`, each extending its list of pairs.
macro_rules! map_setters {
    () => {
        /// Sets `environment`.
        pub fn environment<K: Into<String>, V: Into<Value>>(
            mut self,
            vars: impl IntoIterator<Item = (K, V)>,
        ) -> Self {
            self.environment
                .extend(vars.into_iter().map(|(k, v)| (k.into(), v.into())));
            self
        }

        /// Sets `secrets`.
        pub fn secrets<K: Into<String>>(
            mut self,
            secrets: impl IntoIterator<Item = (K, Secret)>,
        ) -> Self {
            self.secrets
                .extend(secrets.into_iter().map(|(k, v)| (k.into(), v)));
            self
        }

        /// Sets `docker_labels`.
        pub fn docker_labels<K: Into<String>, V: Into<String>>(
            mut self,
            labels: impl IntoIterator<Item = (K, V)>,
        ) -> Self {
            self.docker_labels
                .extend(labels.into_iter().map(|(k, v)| (k.into(), v.into())));
            self
        }
    };
}

mod application_load_balanced;
mod multiple_target_groups;
mod network_load_balanced;
mod queue_processing;
mod scheduled;

pub use application_load_balanced::{
    ApplicationLoadBalancedEc2Service, ApplicationLoadBalancedEc2ServiceProps,
    ApplicationLoadBalancedFargateService, ApplicationLoadBalancedFargateServiceProps,
    ApplicationLoadBalancedService, ApplicationLoadBalancedServiceRecordType,
    ApplicationLoadBalancedTaskImageOptions,
};
pub use multiple_target_groups::{
    ApplicationListenerProps, ApplicationLoadBalancedTaskImageProps, ApplicationLoadBalancerProps,
    ApplicationMultipleTargetGroupsEc2Service, ApplicationMultipleTargetGroupsEc2ServiceProps,
    ApplicationMultipleTargetGroupsFargateService,
    ApplicationMultipleTargetGroupsFargateServiceProps, ApplicationTargetProps,
    MultipleTargetGroupsService, NetworkListenerProps, NetworkLoadBalancedTaskImageProps,
    NetworkLoadBalancerProps, NetworkMultipleTargetGroupsEc2Service,
    NetworkMultipleTargetGroupsEc2ServiceProps, NetworkMultipleTargetGroupsFargateService,
    NetworkMultipleTargetGroupsFargateServiceProps, NetworkTargetProps, idle_timeout_in_range,
    idle_timeout_in_range_message, listener_certificate_protocol,
    listener_certificate_protocol_message, load_balancers_have_listeners,
    load_balancers_have_listeners_message, target_listener_defined,
    target_listener_defined_message, target_rule_complete, target_rule_complete_message,
};
pub use network_load_balanced::{
    NetworkLoadBalancedEc2Service, NetworkLoadBalancedEc2ServiceProps,
    NetworkLoadBalancedFargateService, NetworkLoadBalancedFargateServiceProps,
    NetworkLoadBalancedService, NetworkLoadBalancedTaskImageOptions,
};
pub use queue_processing::{
    QueueProcessingEc2Service, QueueProcessingEc2ServiceProps, QueueProcessingFargateService,
    QueueProcessingFargateServiceProps, QueueProcessingService,
};
pub use scheduled::{
    ScheduledEc2Task, ScheduledEc2TaskProps, ScheduledFargateTask, ScheduledFargateTaskProps,
    ScheduledTask, ScheduledTaskImageOptions,
};

use crate::construct::NodeId;
use crate::construct::app::App;
use crate::ec2::Vpc;
use crate::ecs::cluster::{Cluster, ClusterProps};
use crate::error::Error;

/// A pattern runs on the `cluster` given or creates one in the `vpc` given, so it takes one of
/// them at most (CDK: "You can only specify either vpc or cluster").
///
/// ```
/// assert!(!ecs_core::ecs_patterns::cluster_or_vpc(true, true));
/// assert!(ecs_core::ecs_patterns::cluster_or_vpc(false, false));
/// ```
pub const fn cluster_or_vpc(cluster: bool, vpc: bool) -> bool {
    !(cluster && vpc)
}

/// The message of [`cluster_or_vpc`], for pattern `id` of kind `noun`.
///
/// ```
/// let m = ecs_core::ecs_patterns::cluster_or_vpc_message("application load balanced fargate service", "Web");
/// assert!(m.ends_with("remove `vpc`: the service runs in the cluster's vpc"));
/// ```
pub fn cluster_or_vpc_message(noun: &str, id: &str) -> String {
    format!(
        "{noun} `{id}` takes `cluster` or `vpc`, not both: remove `vpc`: the service runs in the cluster's vpc"
    )
}

/// A pattern runs the `task_definition` given or creates one from `task_image_options`, so it
/// takes exactly one of them (CDK: "You must specify either a taskDefinition or an image, not
/// both", "You must specify one of: taskDefinition or image").
///
/// ```
/// use ecs_core::ecs_patterns::task_definition_or_image;
/// assert!(!task_definition_or_image(true, true));
/// assert!(!task_definition_or_image(false, false));
/// assert!(task_definition_or_image(false, true));
/// ```
pub const fn task_definition_or_image(task_definition: bool, image: bool) -> bool {
    task_definition != image
}

/// The message of [`task_definition_or_image`], for pattern `id` of kind `noun` whose image
/// options are `image_property`, given both (`both`) or neither.
///
/// ```
/// let m = ecs_core::ecs_patterns::task_definition_or_image_message(
///     "application load balanced ec2 service", "Web", "task_image_options", true);
/// assert!(m.contains("not both"));
/// ```
pub fn task_definition_or_image_message(
    noun: &str,
    id: &str,
    image_property: &str,
    both: bool,
) -> String {
    if both {
        format!(
            "{noun} `{id}` takes `task_definition` or `{image_property}`, not both: remove `{image_property}` to run your task definition"
        )
    } else {
        // The queue patterns take the image itself, the others an object holding it.
        let example = if image_property == "image" {
            "image: ContainerImage::from_registry(…)".to_string()
        } else {
            format!("{image_property}: {{ image: … }}")
        };
        format!("{noun} `{id}` needs `{image_property}` or `task_definition`: add `{example}`")
    }
}

/// The message for a load balancer of the wrong kind given as a pattern's `load_balancer`
/// (the CDK types the property as an application or a network load balancer): `owner` is the
/// pattern (`application load balanced fargate service `Web``), `application` whether it takes
/// an application load balancer.
///
/// ```
/// let m = ecs_core::ecs_patterns::load_balancer_kind_message("application load balanced fargate service `Web`", true);
/// assert!(m.ends_with("give an `application_load_balancer`"));
/// ```
pub fn load_balancer_kind_message(owner: &str, application: bool) -> String {
    let (kind, item) = if application {
        ("an application", "an `application_load_balancer`")
    } else {
        ("a network", "a `network_load_balancer`")
    };
    format!("{owner} takes {kind} load balancer as `load_balancer`: give {item}")
}

/// The clusters the patterns created for themselves, by stack and id: one per VPC, shared by
/// every pattern of the stack given that VPC or none (CDK `getDefaultCluster`).
#[derive(Debug, Clone, Default)]
struct DefaultClusters(Vec<(crate::StackId, String, Cluster)>);

impl crate::construct::app::Family for DefaultClusters {}

/// The certificate an HTTPS pattern requests from ACM when it is given none (CDK
/// `new Certificate(this, id, { domainName, validation: CertificateValidation.fromDns(zone) })`),
/// as the listener takes it.
fn requested_certificate(
    app: &mut App,
    scope: NodeId,
    id: &str,
    domain: &str,
    zone: &crate::route53::HostedZone,
) -> Result<crate::elbv2::ListenerCertificate, Error> {
    use crate::certificatemanager::{Certificate, CertificateProps, CertificateValidation};
    let cert = Certificate::new(
        app,
        scope,
        id,
        CertificateProps::default()
            .domain_name(domain)
            .validation(CertificateValidation::from_dns(zone.clone())),
    )?;
    let arn = crate::cfn::Token::as_string(cert.certificate_arn(app));
    Ok(crate::elbv2::ListenerCertificate::from_arn(arn))
}

/// The cluster a pattern without `cluster` runs on: `EcsDefaultClusterMnL3mNNYN<vpc id>` at the
/// top of the pattern's stack, created by the first pattern that needs it. With no `vpc` either,
/// that cluster creates its own VPC.
fn default_cluster(app: &mut App, scope: NodeId, vpc: Option<Vpc>) -> Result<Cluster, Error> {
    let stack = scope.stack();
    let vpc_id = match vpc {
        Some(v) => app.stack(v.node().stack()).id(v.node().index).to_string(),
        None => String::new(),
    };
    let id = format!("EcsDefaultClusterMnL3mNNYN{vpc_id}");
    if let Some((.., cluster)) = app
        .family_mut::<DefaultClusters>()
        .0
        .iter()
        .find(|(s, i, _)| *s == stack && *i == id)
    {
        return Ok(*cluster);
    }
    let mut props = ClusterProps::default();
    if let Some(vpc) = vpc {
        props = props.vpc(vpc);
    }
    let cluster = Cluster::new(app, stack, &id, props)?;
    app.family_mut::<DefaultClusters>()
        .0
        .push((stack, id, cluster));
    Ok(cluster)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ecs::image::ContainerImage;
    use crate::elbv2::ListenerCertificate;
    use crate::route53::HostedZone;

    fn image() -> ApplicationLoadBalancedTaskImageOptions {
        ApplicationLoadBalancedTaskImageOptions::default()
            .image(ContainerImage::from_registry("nginx"))
    }

    fn alb(props: ApplicationLoadBalancedFargateServiceProps) -> Result<App, Error> {
        let mut app = App::new();
        let s = app.add_stack("Web")?;
        ApplicationLoadBalancedFargateService::new(&mut app, s, "Service", props)?;
        Ok(app)
    }

    fn message(r: Result<App, Error>) -> String {
        r.map(|_| String::new()).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn https_without_a_certificate_is_refused() {
        let m = message(alb(ApplicationLoadBalancedFargateServiceProps::default()
            .task_image_options(image())
            .protocol(crate::elbv2::ListenerProtocol::Https)));
        assert!(m.contains("`protocol: Https` and no `certificate`"), "{m}");
    }

    #[test]
    fn a_redirect_needs_https() {
        let m = message(alb(ApplicationLoadBalancedFargateServiceProps::default()
            .task_image_options(image())
            .redirect_http(true)));
        assert!(m.contains("`redirect_http: true` without HTTPS"), "{m}");
    }

    #[test]
    fn a_domain_name_needs_its_zone() {
        let m = message(alb(ApplicationLoadBalancedFargateServiceProps::default()
            .task_image_options(image())
            .domain_name("api.example.com")));
        assert!(m.contains("no `domain_zone`"), "{m}");
    }

    #[test]
    fn a_container_larger_than_its_task_is_refused() {
        let m = message(alb(ApplicationLoadBalancedFargateServiceProps::default()
            .task_image_options(image())
            .container_cpu(512)));
        assert!(
            m.contains("`container_cpu: 512` above the task's `cpu: 256`"),
            "{m}"
        );
    }

    #[test]
    fn patterns_without_a_cluster_share_the_stack_default_one() -> Result<(), Error> {
        let mut app = App::new();
        let s = app.add_stack("Web")?;
        let a = ApplicationLoadBalancedFargateService::new(
            &mut app,
            s,
            "A",
            ApplicationLoadBalancedFargateServiceProps::default().task_image_options(image()),
        )?;
        let b = NetworkLoadBalancedFargateService::new(
            &mut app,
            s,
            "B",
            NetworkLoadBalancedFargateServiceProps::default().task_image_options(
                NetworkLoadBalancedTaskImageOptions::default()
                    .image(ContainerImage::from_registry("nginx")),
            ),
        )?;
        assert_eq!(a.cluster, b.cluster);
        assert_eq!(
            app.stack(s).path(a.cluster.node()),
            "Web/EcsDefaultClusterMnL3mNNYN"
        );
        Ok(())
    }

    #[test]
    fn a_network_pattern_with_a_domain_gets_an_alias_record() -> Result<(), Error> {
        let mut app = App::new();
        let s = app.add_stack("Web")?;
        NetworkLoadBalancedFargateService::new(
            &mut app,
            s,
            "Service",
            NetworkLoadBalancedFargateServiceProps::default()
                .task_image_options(
                    NetworkLoadBalancedTaskImageOptions::default()
                        .image(ContainerImage::from_registry("nginx")),
                )
                .listener_certificate(ListenerCertificate::from_arn("arn:aws:acm:x"))
                .domain_name("api")
                .domain_zone(HostedZone::from_hosted_zone_attributes("Z1", "example.com")),
        )?;
        let t = &app.templates()?[0].1;
        let record = t["Resources"]
            .as_object()
            .and_then(|r| r.iter().find(|(k, _)| k.starts_with("ServiceDNS")))
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        assert_eq!(record["Properties"]["Name"], "api.example.com.");
        assert_eq!(record["Properties"]["Type"], "A");
        Ok(())
    }
}
