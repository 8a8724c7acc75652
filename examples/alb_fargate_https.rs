//! "Configure HTTPS on an ApplicationLoadBalancedFargateService": a certificate, the recommended
//! TLS policy, an `A` alias record `api.example.com` in an imported hosted zone and the HTTP to
//! HTTPS redirect (oracle app 64-alb-fargate-https).

use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    ecs_app! {
        stack AlbFargateHttps {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            application_load_balanced_fargate_service Service {
                cluster: Cluster,
                min_healthy_percent: 100,
                // The README's placeholder certificate, kept as the CDK app keeps it.
                certificate: ListenerCertificate::from_arn("arn:aws:acm:us-east-1:123456:certificate/abcdefg"),
                ssl_policy: SslPolicy::RECOMMENDED,
                domain_name: "api.example.com",
                domain_zone: HostedZone::from_hosted_zone_attributes("Z23ABC4XYZL05B", "example.com"),
                redirect_http: true,
                task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                },
            }
        }
    }
    .map(App::from)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
