//! CloudFormation values in string properties (CDK tokens): parameters, attributes, joins and
//! substitutions as names, a family, an image, a log stream prefix, environment values with
//! text around them, output values and export names; in the DSL and with the builders, against
//! our own CDK app `tests/golden/apps/string_tokens.js`.

use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

#[test]
fn values_in_string_properties_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack StringTokens {
            cfn_parameter Stage { type: "String", default: "dev", description: "deployment stage" }
            cfn_parameter Image { type: "String" }
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc, cluster_name: format!("{}-cluster", Stage.value_as_string) }
            queue Jobs {}
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                family: format!("{}-web", Stage.value_as_string),
                container web {
                    image: ContainerImage::from_registry(Image.value_as_string),
                    environment: { QUEUE: format!("url={}", Jobs.queue_url), STAGE: Stage.value_as_string },
                    logging: LogDriver::aws_logs(AwsLogDriverProps::default().stream_prefix(Stage.value_as_string)),
                }
            }
            fargate_service Service {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                service_name: Value::join("-", vec![Stage.value_as_string, Value::from("web")]),
            }
            cfn_output Endpoint {
                value: Value::join("", vec![Value::from("https://"), Jobs.queue_name, Value::from("."), Stage.value_as_string]),
                export_name: format!("{}-endpoint", Stage.value_as_string),
            }
            cfn_output Named { value: Value::Sub("${AWS::StackName}-${Stage}".into()) }
        }
    };
    assert_matches_cdk(app.unwrap(), "string_tokens");
}

fn builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("StringTokens")?;
    let stage = CfnParameter::new(
        &mut app,
        s,
        "Stage",
        Parameter::new("String")
            .default_value("dev")
            .description("deployment stage"),
    )?;
    let image = CfnParameter::new(&mut app, s, "Image", Parameter::new("String"))?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let cluster = Cluster::new(
        &mut app,
        s,
        "Cluster",
        ClusterProps::default()
            .vpc(vpc)
            .cluster_name(format!("{stage}-cluster")),
    )?;
    let jobs = Queue::new(&mut app, s, "Jobs", QueueProps::default())?;
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512)
            .family(format!("{stage}-web")),
    )?;
    let (queue_url, queue_name) = (jobs.queue_url(&app), jobs.queue_name(&app));
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(image))
            .environment([
                ("QUEUE", format!("url={queue_url}")),
                ("STAGE", stage.to_string()),
            ])
            .logging(LogDriver::aws_logs(
                AwsLogDriverProps::default().stream_prefix(stage.clone()),
            )),
    )?;
    FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100)
            .service_name(Value::join("-", vec![stage.clone(), "web".into()])),
    )?;
    CfnOutput::new(
        &mut app,
        s,
        "Endpoint",
        Output::new(Value::join(
            "",
            vec!["https://".into(), queue_name, ".".into(), stage.clone()],
        ))
        .export_name(format!("{stage}-endpoint")),
    )?;
    CfnOutput::new(
        &mut app,
        s,
        "Named",
        Output::new(Value::Sub("${AWS::StackName}-${Stage}".into())),
    )?;
    Ok(app)
}

#[test]
fn values_in_string_properties_with_the_builders_match_the_cdk() {
    assert_matches_cdk(builders().unwrap(), "string_tokens");
}
