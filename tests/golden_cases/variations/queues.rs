//! SQS queues as ECS apps use them (dead-letter queue, KMS and SQS-managed encryption, FIFO,
//! grants to a task role), in `ecs_app!`, against our own CDK app `tests/golden/apps/queues.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn queues_match_the_cdk() {
    let app = ecs_app! {
        stack Queues {
            queue DeadLetters { retention_period: Duration::days(14) }
            queue Jobs {
                visibility_timeout: 300,
                dead_letter_queue: { queue: DeadLetters, max_receive_count: 3 },
                grant_consume_messages: [Worker],
            }
            queue Secure { encryption: Kms, grant_send_messages: [Worker] }
            queue Managed { encryption: SqsManaged, queue_name: "acme-managed" }
            queue Ordered { fifo: true, content_based_deduplication: true, grant_send_messages: [Worker] }
            fargate_task_definition Worker {
                cpu: 256,
                memory_limit_mib: 512,
                container worker { image: ContainerImage::from_registry(IMAGE) }
            }
            cfn_output JobsUrl { value: Jobs.queue_url }
        }
    };
    assert_matches_cdk(app.unwrap(), "queues");
}

#[test]
fn the_builders_refuse_what_the_cdk_refuses() {
    let mut app = App::new();
    let s = app.add_stack("Queues").unwrap();
    let e = Queue::new(
        &mut app,
        s,
        "Q",
        QueueProps::default().content_based_deduplication(true),
    )
    .unwrap_err();
    assert!(e.to_string().contains("without `fifo: true`"), "{e}");
    let e = Queue::new(
        &mut app,
        s,
        "F",
        QueueProps::default().fifo(true).queue_name("orders"),
    )
    .unwrap_err();
    assert!(e.to_string().contains("ends in `.fifo`"), "{e}");
    let e = Queue::new(
        &mut app,
        s,
        "V",
        QueueProps::default().visibility_timeout(Duration::hours(13)),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "queue `V` cannot have `visibility_timeout: 46800 seconds`: use 0 to 43200 seconds"
    );
}

#[test]
fn a_worker_scaled_on_its_queue_depth_matches_the_cdk() {
    let app = ecs_app! {
        stack StepScaling {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            queue Jobs { grant_consume_messages: [Worker] }
            fargate_task_definition Worker {
                cpu: 256,
                memory_limit_mib: 512,
                container worker { image: ContainerImage::from_registry(IMAGE) }
            }
            fargate_service Service { cluster: Cluster, task_definition: Worker, min_healthy_percent: 100 }
            auto_scale_task_count Service {
                min_capacity: 1,
                max_capacity: 10,
                scale_on_metric QueueDepth {
                    metric: Jobs.metric_approximate_number_of_messages_visible(),
                    scaling_steps: [
                        { upper: 0, change: -1 },
                        { lower: 100, change: 1 },
                        { lower: 500, change: 5 },
                    ],
                    adjustment_type: ChangeInCapacity,
                }
            }
            alarm Backlog {
                metric: Jobs
                    .metric_approximate_number_of_messages_visible()
                    .with_period(Duration::minutes(1)),
                threshold: 1000,
                evaluation_periods: 3,
                alarm_description: "the job queue is backing up",
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "step_scaling");
}

#[test]
fn environment_variables_set_to_attributes_match_the_cdk() {
    let app = ecs_app! {
        stack Tokens {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            queue Jobs {}
            application_load_balancer Lb { vpc: Vpc, internet_facing: true }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    environment: {
                        QUEUE_URL: Jobs.queue_url,
                        QUEUE_NAME: Jobs.queue_name,
                        LB_DNS: Lb.load_balancer_dns_name,
                        STAGE: "prod",
                    },
                }
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "tokens");
}
