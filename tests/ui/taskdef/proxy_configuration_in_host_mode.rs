// G7: an App Mesh proxy needs awsvpc networking.
use ecs_app::ecs::task_definition::{AppMeshProxyConfigurationProps, ProxyConfiguration};
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                network_mode: Host,
                proxy_configuration: ProxyConfiguration::app_mesh(
                    "envoy",
                    AppMeshProxyConfigurationProps::default()
                        .ignored_uid(1337)
                        .app_ports([8080])
                        .proxy_ingress_port(15000)
                        .proxy_egress_port(15001),
                )?,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 512,
                }
            }
        }
    };
    let _ = app;
}
