//! "Set SecurityGroups for ScheduledFargateTask", "Propagate Tags from task definition for
//! ScheduledFargateTask" (a task definition of one's own, tagged) and "Pass a list of tags for
//! ScheduledFargateTask" (oracle app 63-scheduled-fargate-sg-tags).

use ecs_app::construct::TagProps;
use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    let Built { mut app, handles } = ecs_app! {
        stack ScheduledFargateSgTags {
            vpc Vpc { max_azs: 1 }
            cluster EcsCluster { vpc: Vpc }
            security_group SG { vpc: Vpc }
            scheduled_fargate_task ScheduledFargateTask {
                cluster: EcsCluster,
                scheduled_fargate_task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                },
                schedule: "rate(1 minute)",
                security_groups: [SG],
            }
            fargate_task_definition TaskDef {
                memory_limit_mib: 512,
                cpu: 256,
                container WebContainer {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                }
            }
            scheduled_fargate_task PropagateTagsTask {
                cluster: EcsCluster,
                task_definition: TaskDef,
                schedule: "rate(1 minute)",
                propagate_tags: TaskDefinition,
            }
            scheduled_fargate_task TagsTask {
                cluster: EcsCluster,
                scheduled_fargate_task_image_options: {
                    image: ContainerImage::from_registry("amazon/amazon-ecs-sample"),
                    memory_limit_mib: 512,
                },
                schedule: "rate(1 minute)",
                tags: { "my-tag": "my-tag-value" },
            }
        }
    }?;
    // CDK `Tags.of(taskDefinition).add('my-tag', 'my-tag-value')`.
    let task_definition = handles.ScheduledFargateSgTags.TaskDef.node();
    app.add_tag(
        Some(task_definition),
        "my-tag",
        "my-tag-value",
        TagProps::default(),
    )?;
    Ok(app)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
