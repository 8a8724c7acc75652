//! "Images": an ECR repository image whose tag is a template parameter
//! (`TagParameterContainerImage`), with the parameter's name as an output (oracle app
//! 14-images-tag-parameter).

use ecs_app::cfn::Output;
use ecs_app::construct::CfnOutput;
use ecs_app::prelude::*;

/// The app, also built by the golden tests.
pub fn app() -> Result<App, Error> {
    let Built { mut app, handles } = ecs_app! {
        stack ImagesTagParameter {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            repository Repository {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container app {
                    image: ContainerImage::from_tag_parameter(Repository),
                    port_mappings: [8080],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    }?;
    // `new CfnOutput(stack, 'ImageTagParameterName', { value: image.tagParameterName })`: the
    // block's handles reach the container it declared.
    let web = handles.ImagesTagParameter;
    let name = web
        .TaskDef
        .app
        .image_tag_parameter_name(&app)
        .unwrap_or_default()
        .to_string();
    CfnOutput::new(&mut app, *web, "ImageTagParameterName", Output::new(name))?;
    Ok(app)
}

fn main() -> Result<(), Error> {
    // stdout belongs to the CDK CLI (`cdk synth > template.yaml`): the summary goes to stderr.
    eprintln!("{}", app()?.synth()?);
    Ok(())
}
