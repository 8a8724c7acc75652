//! Load-balanced pattern options the README's samples leave out — a load balancer of the
//! user's (ALB and NLB), the target group's protocol version, task and execution roles in the
//! image options — in `ecs_app!`, against our own CDK app `tests/golden/apps/pattern_options.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn pattern_options_match_the_cdk() {
    let app = ecs_app! {
        stack PatternOptions {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity Capacity { instance_type: "t3.medium", max_capacity: 2 }
            }
            role TaskRole { assumed_by: "ecs-tasks.amazonaws.com" }
            role ExecutionRole { assumed_by: "ecs-tasks.amazonaws.com" }
            application_load_balancer Alb { vpc: Vpc, internet_facing: true }
            network_load_balancer Nlb { vpc: Vpc, internet_facing: true }
            application_load_balanced_fargate_service Grpc {
                cluster: Cluster,
                load_balancer: Alb,
                protocol_version: Grpc,
                task_image_options: {
                    image: ContainerImage::from_registry(IMAGE),
                    container_port: 50051,
                    task_role: TaskRole,
                    execution_role: ExecutionRole,
                },
                min_healthy_percent: 100,
            }
            network_load_balanced_ec2_service Tcp {
                cluster: Cluster,
                load_balancer: Nlb,
                memory_limit_mib: 512,
                task_image_options: { image: ContainerImage::from_registry(IMAGE), task_role: TaskRole },
                min_healthy_percent: 100,
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "pattern_options");
}

#[test]
fn a_pattern_refuses_a_load_balancer_of_the_other_kind() {
    let mut app = App::new();
    let s = app.add_stack("Web").unwrap();
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2)).unwrap();
    let nlb = NetworkLoadBalancer::new(
        &mut app,
        s,
        "Nlb",
        LoadBalancerProps::default().vpc(vpc).internet_facing(true),
    )
    .unwrap();
    let e = ApplicationLoadBalancedFargateService::new(
        &mut app,
        s,
        "Web",
        ApplicationLoadBalancedFargateServiceProps::default()
            .vpc(vpc)
            .load_balancer(nlb)
            .task_image_options(
                ApplicationLoadBalancedTaskImageOptions::default()
                    .image(ContainerImage::from_registry(IMAGE)),
            ),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .ends_with("takes an application load balancer as `load_balancer`: give an `application_load_balancer`"),
        "{e}"
    );
}
