//! ACM certificates requested by the app (CDK `aws-certificatemanager` `Certificate`), as an
//! HTTPS load-balanced pattern requests one for its domain when it is given none.
//!
//! ```
//! use ecs_core::prelude::*;
//! use ecs_core::certificatemanager::{Certificate, CertificateProps, CertificateValidation};
//! let mut app = App::new();
//! let s = app.add_stack("Web")?;
//! let zone = HostedZone::from_hosted_zone_attributes("Z0123456789ABCDEFGHIJ", "example.com");
//! let cert = Certificate::new(&mut app, s, "Certificate", CertificateProps::default()
//!     .domain_name("api.example.com")
//!     .validation(CertificateValidation::from_dns(zone)))?;
//! assert!(matches!(cert.certificate_arn(&app), ecs_core::cfn::Value::Ref(_)));
//! # Ok::<(), ecs_core::Error>(())
//! ```

use crate::cfn::{Resource, Value};
use crate::construct::NodeId;
use crate::construct::app::App;
use crate::error::Error;
use crate::route53::HostedZone;

/// How ACM validates that the app owns the certificate's domain (CDK
/// `CertificateValidation`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateValidation {
    /// By DNS records in a hosted zone (CDK `CertificateValidation.fromDns(zone)`).
    Dns(HostedZone),
}

impl CertificateValidation {
    /// By DNS records in `zone`.
    pub fn from_dns(zone: HostedZone) -> CertificateValidation {
        CertificateValidation::Dns(zone)
    }
}

props! {
    /// Properties of a [`Certificate`] (CDK `CertificateProps`, the part this library uses).
    ///
    /// ```
    /// let p = ecs_core::certificatemanager::CertificateProps::default().domain_name("example.com");
    /// assert_eq!(p.domain_name.as_deref(), Some("example.com"));
    /// ```
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct CertificateProps {
        /// The domain the certificate is for (required).
        [into "domainName", .required()]
        domain_name: String,
        /// How ACM validates the domain.
        [opt "validation", .default("by email")]
        validation: CertificateValidation,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct CertificateData {
    resource: NodeId,
}

impl crate::construct::app::Data for CertificateData {}

/// A certificate the app requests from ACM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Certificate {
    node: NodeId,
    index: usize,
}

impl Certificate {
    /// Requests a certificate for `props.domain_name` (an `AWS::CertificateManager::Certificate`
    /// tagged with its path as `Name`, as the CDK tags it).
    ///
    /// # Errors
    ///
    /// When `id` is taken under `scope`, `scope` is of another app, or the domain is missing.
    pub fn new(
        app: &mut App,
        scope: impl Into<NodeId>,
        id: &str,
        props: CertificateProps,
    ) -> Result<Certificate, Error> {
        let scope: NodeId = scope.into();
        app.check_node(scope)?;
        let Some(domain) = props.domain_name else {
            return Err(Error::new(format!(
                "certificate `{id}` needs `domain_name`: add e.g. `domain_name: \"api.example.com\"`"
            )));
        };
        let mut resource = Resource::new("AWS::CertificateManager::Certificate")
            .prop("DomainName", Value::from(domain.clone()));
        match &props.validation {
            Some(CertificateValidation::Dns(zone)) => {
                resource.set(
                    "DomainValidationOptions",
                    Value::List(vec![Value::map([
                        ("DomainName", Value::from(domain)),
                        ("HostedZoneId", zone.hosted_zone_id(app)),
                    ])]),
                );
                resource.set("ValidationMethod", "DNS");
            }
            None => resource.set("ValidationMethod", "EMAIL"),
        }
        let st = app.stack_mut(scope.stack());
        let node = st.add_node(scope, id)?;
        let path = st.path(node);
        st.add_tag(node, "Name", &path);
        let resource = st.add_resource(node, "Resource", resource)?;
        let index = app.all::<CertificateData>().len();
        app.all_mut::<CertificateData>()
            .push(CertificateData { resource });
        Ok(Certificate { node, index })
    }

    /// The construct's scope.
    pub fn node(self) -> NodeId {
        self.node
    }

    /// `{"Ref": certificate}`: its ARN.
    pub fn certificate_arn(self, app: &App) -> Value {
        Value::Ref(app.all::<CertificateData>()[self.index].resource)
    }
}

handle!(Certificate);
