//! The connections API between constructs of every kind, against our own CDK app
//! `tests/golden/apps/connections_api.js`: inline rules for address ranges, rule resources for
//! groups and prefix lists, egress only from groups that restrict it, duplicates once, default
//! ports of listeners and file systems, and rules across stacks in the stack that asked.

use super::IMAGE;
use crate::support::assert_stacks_match_cdk;
use ecs_app::ec2::{Connectable, Peer, Port};
use ecs_app::prelude::*;

#[test]
fn connections_between_constructs_match_the_cdk() {
    let Built { mut app, handles } = ecs_app! {
        stack Conn {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition ApiTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Api { cluster: Cluster, task_definition: ApiTask, min_healthy_percent: 100 }
            fargate_task_definition WorkerTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Worker { cluster: Cluster, task_definition: WorkerTask, min_healthy_percent: 100 }
            security_group Db { vpc: Vpc, allow_all_outbound: false }
            application_load_balancer ALB {
                vpc: Vpc,
                internet_facing: true,
                listener Http {
                    port: 80,
                    open: false,
                    default_action: ecs_app::elbv2::ListenerAction::fixed_response(200),
                }
            }
            file_system Files { vpc: Vpc }
        }
        stack Consumer {
            fargate_task_definition ReporterTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Reporter { cluster: Cluster, task_definition: ReporterTask, min_healthy_percent: 100 }
        }
    }
    .unwrap();
    let conn = &handles.Conn;
    let (a, b, db) = (conn.Api, conn.Worker, conn.Db);
    let (alb, listener, fs) = (*conn.ALB, *conn.ALB.Http, conn.Files);
    let c = handles.Consumer.Reporter;
    let app = &mut app;
    (|| -> Result<(), Error> {
        a.connections(app)
            .allow_from(app, &b, Port::tcp(8080), None)?;
        a.connections(app)
            .allow_to(app, &db, Port::tcp(5432), Some("to the database"))?;
        db.connections(app)
            .allow_from(app, &a, Port::tcp(5432), None)?;
        a.connections(app)
            .allow_from_any_ipv4(app, Port::tcp(443), None)?;
        let vpc_range = Peer::ipv4("10.0.0.0/16");
        a.connections(app)
            .allow_from(app, &vpc_range, Port::tcp(8080), Some("from the vpc"))?;
        a.connections(app)
            .allow_from(app, &vpc_range, Port::tcp(8080), Some("again"))?;
        db.connections(app)
            .allow_internally(app, Port::all_tcp(), None)?;
        let prefix_list = Peer::prefix_list("pl-12345678");
        db.connections(app)
            .allow_from(app, &prefix_list, Port::tcp(5432), None)?;
        db.connections(app)
            .allow_to(app, &Peer::ipv4("10.1.0.0/16"), Port::udp(53), None)?;
        db.connections(app)
            .allow_to(app, &b, Port::tcp(8080), None)?;
        fs.connections(app).allow_default_port_from(app, &b, None)?;
        b.connections(app)
            .allow_to_default_port(app, &listener, None)?;
        let office = Peer::ipv4("192.168.0.0/16");
        listener
            .connections(app)
            .allow_default_port_from(app, &office, None)?;
        alb.connections(app)
            .allow_to(app, &a, Port::tcp(8080), Some("Load balancer to target"))?;
        c.connections(app)
            .allow_to(app, &db, Port::tcp(5432), None)?;
        c.connections(app)
            .allow_from(app, &alb, Port::tcp(8080), None)?;
        c.connections(app)
            .allow_to_default_port(app, &fs, Some("nfs"))?;
        Ok(())
    })()
    .unwrap();
    assert_stacks_match_cdk(std::mem::take(app), "connections_api", 2);
}

/// A load balancer from a different stack, against `tests/golden/apps/lb_other_stack.js`: the
/// service's stack creates listeners on the other stack's application and network load
/// balancers, and a service joins an empty target group of the load balancer's stack; the
/// rules between the load balancer's group and the services' live in the services' stack.
#[test]
fn load_balancers_of_another_stack_match_the_cdk() {
    use ecs_app::elbv2::{AddTargetsProps, Listener, ListenerProps, TargetGroup};
    let Built { mut app, handles } = ecs_app! {
        stack Lb {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            application_load_balancer ALB { vpc: Vpc, internet_facing: true }
            network_load_balancer NLB { vpc: Vpc }
        }
        stack Svc {
            fargate_task_definition WebTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Web { cluster: Cluster, task_definition: WebTask, min_healthy_percent: 100 }
            fargate_task_definition TcpTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Tcp { cluster: Cluster, task_definition: TcpTask, min_healthy_percent: 100 }
            fargate_task_definition AttachedTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Attached { cluster: Cluster, task_definition: AttachedTask, min_healthy_percent: 100 }
        }
    }
    .unwrap();
    let (lb, svc) = (&handles.Lb, &handles.Svc);
    let app = &mut app;
    (|| -> Result<(), Error> {
        let group = TargetGroup::new_application(
            app,
            **lb,
            "Group",
            lb.Vpc,
            AddTargetsProps::default().port(80),
        )?;
        let http = lb
            .ALB
            .add_listener(app, "Http", ListenerProps::default().port(80))?;
        http.add_target_group(app, group)?;
        let public = Listener::new(
            app,
            **svc,
            "PublicListener",
            *lb.ALB,
            ListenerProps::default().port(8080),
        )?;
        public.add_targets(
            app,
            "Web",
            AddTargetsProps::default().port(80).targets([svc.Web]),
        )?;
        let tcp = Listener::new(
            app,
            **svc,
            "TcpListener",
            *lb.NLB,
            ListenerProps::default().port(443),
        )?;
        tcp.add_targets(
            app,
            "Tcp",
            AddTargetsProps::default().port(80).targets([svc.Tcp]),
        )?;
        group.add_target(app, svc.Attached)?;
        Ok(())
    })()
    .unwrap();
    assert_stacks_match_cdk(std::mem::take(app), "lb_other_stack", 2);
}

/// The same app as [`connections_between_constructs_match_the_cdk`], written with the
/// connections properties of `ecs_app!`: each construct's rules are made once its stack is
/// built, in the order written, so a construct's properties are written in the order the CDK
/// app calls them where the order shows (inline rules of one group, a rule asked twice).
#[test]
fn connections_properties_match_the_cdk() {
    let app = ecs_app! {
        stack Conn {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition ApiTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Api {
                cluster: Cluster,
                task_definition: ApiTask,
                min_healthy_percent: 100,
                allow_to: [{ peer: Db, port: Port::tcp(5432), description: "to the database" }],
                allow_from_any_ipv4: [Port::tcp(443)],
                allow_from: [
                    { peer: Worker, port: Port::tcp(8080) },
                    { peer: Peer::ipv4("10.0.0.0/16"), port: Port::tcp(8080), description: "from the vpc" },
                    { peer: Peer::ipv4("10.0.0.0/16"), port: Port::tcp(8080), description: "again" },
                ],
            }
            fargate_task_definition WorkerTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Worker {
                cluster: Cluster,
                task_definition: WorkerTask,
                min_healthy_percent: 100,
                allow_to_default_port: [ALB.Http],
            }
            security_group Db {
                vpc: Vpc,
                allow_all_outbound: false,
                allow_from: [
                    { peer: Api, port: Port::tcp(5432) },
                    { peer: Peer::prefix_list("pl-12345678"), port: Port::tcp(5432) },
                ],
                allow_internally: [Port::all_tcp()],
                allow_to: [
                    { peer: Peer::ipv4("10.1.0.0/16"), port: Port::udp(53) },
                    { peer: Worker, port: Port::tcp(8080) },
                ],
            }
            application_load_balancer ALB {
                vpc: Vpc,
                internet_facing: true,
                allow_to: [{ peer: Api, port: Port::tcp(8080), description: "Load balancer to target" }],
                listener Http {
                    port: 80,
                    open: false,
                    default_action: ecs_app::elbv2::ListenerAction::fixed_response(200),
                    allow_default_port_from: [Peer::ipv4("192.168.0.0/16")],
                }
            }
            file_system Files { vpc: Vpc, allow_default_port_from: [Worker] }
        }
        stack Consumer {
            fargate_task_definition ReporterTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [8080] }
            }
            fargate_service Reporter {
                cluster: Cluster,
                task_definition: ReporterTask,
                min_healthy_percent: 100,
                allow_to: [{ peer: Db, port: Port::tcp(5432) }],
                allow_from: [{ peer: ALB, port: Port::tcp(8080) }],
                allow_to_default_port: [{ peer: Files, description: "nfs" }],
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "connections_api", 2);
}

/// The same app as [`load_balancers_of_another_stack_match_the_cdk`], written with `ecs_app!`:
/// a `target_group` of the load balancer's stack its listener forwards to, `listener` items of
/// the services' stack on the other stack's load balancers, and a service joining the group.
#[test]
fn listeners_and_target_groups_of_another_stack_match_the_cdk() {
    let app = ecs_app! {
        stack Lb {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            target_group Group { vpc: Vpc, port: 80 }
            application_load_balancer ALB {
                vpc: Vpc,
                internet_facing: true,
                listener Http { port: 80, default_target_groups: [Group] }
            }
            network_load_balancer NLB { vpc: Vpc }
        }
        stack Svc {
            fargate_task_definition WebTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Web { cluster: Cluster, task_definition: WebTask, min_healthy_percent: 100 }
            listener PublicListener {
                load_balancer: ALB,
                port: 8080,
                add_targets Web { port: 80, targets: [Web] }
            }
            fargate_task_definition TcpTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Tcp { cluster: Cluster, task_definition: TcpTask, min_healthy_percent: 100 }
            listener TcpListener {
                load_balancer: NLB,
                port: 443,
                add_targets Tcp { port: 80, targets: [Tcp] }
            }
            fargate_task_definition AttachedTask {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            fargate_service Attached {
                cluster: Cluster,
                task_definition: AttachedTask,
                min_healthy_percent: 100,
                target_groups: [Group],
            }
        }
    }
    .unwrap();
    assert_stacks_match_cdk(app, "lb_other_stack", 2);
}
