// Handles after the block: a container added to a declared task definition, a service built
// on the declared cluster; resource tokens in an environment and an output.
use ecs_app::prelude::*;

fn main() -> Result<(), Error> {
    let Built { mut app, handles } = ecs_app! {
        stack Web {
            cluster Cluster {}
            resource Bucket { type: "AWS::S3::Bucket", properties: { Names: [], Empty: {} } }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    environment: { BUCKET: Bucket.Ref },
                }
            }
            cfn_output Arn { value: Bucket.Arn }
        }
    }?;
    let web = handles.Web;
    web.TaskDef.add_container(
        &mut app,
        "sidecar",
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry("busybox")),
    )?;
    FargateService::new(
        &mut app,
        *web,
        "Service",
        FargateServiceProps::default().cluster(*web.Cluster).task_definition(*web.TaskDef),
    )?;
    let _ = web.TaskDef.web;
    let _ = app.templates()?;
    Ok(())
}
