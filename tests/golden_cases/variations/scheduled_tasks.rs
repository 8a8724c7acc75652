//! The scheduled EC2 task's options the README's samples leave out — a task definition of one's
//! own (CDK `scheduledEc2TaskDefinitionOptions.taskDefinition`) and the container's size in the
//! image options (`cpu`, `memoryLimitMiB`, `memoryReservationMiB` of
//! `ScheduledEc2TaskImageOptions`) — in `ecs_app!` and with the builders, against our own CDK
//! app `tests/golden/apps/scheduled_tasks.js`.

use crate::support::assert_matches_cdk;
use ecs_app::ecs_patterns::*;
use ecs_app::prelude::*;

const SAMPLE: &str = "amazon/amazon-ecs-sample";

#[test]
fn scheduled_ec2_task_options_match_the_cdk() {
    let app = ecs_app! {
        stack ScheduledTasks {
            vpc Vpc { max_azs: 2 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity Capacity { instance_type: "t3.medium", max_capacity: 2 }
            }
            ec2_task_definition TaskDef {
                container Job {
                    image: ContainerImage::from_registry(SAMPLE),
                    memory_limit_mib: 256,
                }
            }
            scheduled_ec2_task OwnTaskDef {
                cluster: Cluster,
                task_definition: TaskDef,
                schedule: "rate(1 hour)",
            }
            scheduled_ec2_task Sized {
                cluster: Cluster,
                scheduled_ec2_task_image_options: {
                    image: ContainerImage::from_registry(SAMPLE),
                    cpu: 512,
                    memory_limit_mib: 1024,
                    memory_reservation_mib: 512,
                    command: ["date"],
                },
                schedule: "cron(0 3 * * ? *)",
                desired_task_count: 2,
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "scheduled_tasks");
}

#[test]
fn scheduled_ec2_task_options_with_the_builders_match_the_cdk() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("ScheduledTasks")?;
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    cluster.add_capacity(
        &mut app,
        "Capacity",
        AddCapacityOptions::default()
            .instance_type("t3.medium")
            .max_capacity(2),
    )?;
    let task_definition =
        Ec2TaskDefinition::new(&mut app, s, "TaskDef", Ec2TaskDefinitionProps::default())?;
    task_definition.add_container(
        &mut app,
        "Job",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(SAMPLE))
            .memory_limit_mib(256),
    )?;
    ScheduledEc2Task::new(
        &mut app,
        s,
        "OwnTaskDef",
        ScheduledEc2TaskProps::default()
            .cluster(cluster)
            .task_definition(task_definition)
            .schedule(Schedule::expression("rate(1 hour)")?),
    )?;
    ScheduledEc2Task::new(
        &mut app,
        s,
        "Sized",
        ScheduledEc2TaskProps::default()
            .cluster(cluster)
            .scheduled_ec2_task_image_options(
                ScheduledTaskImageOptions::default()
                    .image(ContainerImage::from_registry(SAMPLE))
                    .cpu(512)
                    .memory_limit_mib(1024)
                    .memory_reservation_mib(512)
                    .command(["date"]),
            )
            .schedule(Schedule::expression("cron(0 3 * * ? *)")?)
            .desired_task_count(2),
    )?;
    assert_matches_cdk(app, "scheduled_tasks");
    Ok(())
}
