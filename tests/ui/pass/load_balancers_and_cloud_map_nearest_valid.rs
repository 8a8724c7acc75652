// The nearest valid neighbours of L1, L2, F4, M1 and S4: mapped ports and protocols, a bridge
// service behind a classic load balancer, SRV records on a mapped port, A records in awsvpc
// mode, percents in order, and a construct of an earlier stack.
use ecs_app::prelude::*;

const MIN: u32 = 50;

fn main() {
    let app = ecs_app! {
        stack Shared {
            vpc Vpc {}
            cluster Cluster {
                vpc: Vpc,
                default_cloud_map_namespace: { name: "app.local" },
                add_capacity Capacity { instance_type: "t3.large" }
            }
        }
        stack Web {
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [80, { container_port: 53, protocol: Udp }],
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: MIN,
                max_healthy_percent: 200,
                circuit_breaker: { rollback: true },
                cloud_map_options: { name: "web" },
            }
            network_load_balancer NLB {
                vpc: Vpc,
                listener Listener {
                    port: 53,
                    protocol: Udp,
                    add_targets DNS { port: 53, protocol: Udp, targets: [{ service: Service, container_name: web, container_port: 53, protocol: Udp }] }
                }
            }
            ec2_task_definition Bridge {
                container app {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    port_mappings: [{ container_port: 80, host_port: 80 }, 7600],
                }
            }
            ec2_service Daemon {
                cluster: Cluster,
                task_definition: Bridge,
                daemon: true,
                max_healthy_percent: 100,
                cloud_map_options: { dns_record_type: Srv, container: app, container_port: 7600 },
            }
            classic_load_balancer LB { vpc: Vpc, listeners: [{ external_port: 80 }], targets: [Daemon] }
            application_load_balancer ALB {
                vpc: Vpc,
                listener Listener {
                    port: 80,
                    register_load_balancer_targets ECS { service: Service, container_name: web, container_port: 80 }
                }
            }
            cfn_output AlbDns { value: ALB.load_balancer_dns_name }
        }
    };
    let _ = app;
}
