//! Raw L1 resources (`CfnResource`) beside ECS constructs: several types, tokens from an L1 to
//! an L2 and back, a `DependsOn`, removal policies, an override, and stack tags that do not
//! reach them; built with the builders, and with `ecs_app!` extended through its handles;
//! against our own CDK app `tests/golden/apps/cfn_resources.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::cfn::Output;
use ecs_app::construct::TagProps;
use ecs_app::construct::app::Construct;
use ecs_app::prelude::*;

fn with_builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("CfnResources")?;
    app.add_tag(Some(s.into()), "team", "data", TagProps::default())?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    let jobs = Queue::new(&mut app, s, "Jobs", QueueProps::default())?;
    let rule = Value::map([
        ("Id", Value::from("expire")),
        ("Status", Value::from("Enabled")),
        ("ExpirationInDays", Value::Int(30)),
    ]);
    let bucket = CfnResource::new(
        &mut app,
        s,
        "Bucket",
        CfnResourceProps::new("AWS::S3::Bucket")
            .property("BucketName", "acme-jobs-archive")
            .property(
                "VersioningConfiguration",
                Value::map([("Status", Value::from("Enabled"))]),
            )
            .property(
                "LifecycleConfiguration",
                Value::map([("Rules", Value::List(vec![rule]))]),
            )
            .property(
                "Tags",
                Value::List(vec![Value::map([
                    ("Key", Value::from("a")),
                    ("Value", Value::from("b")),
                ])]),
            ),
    )?;
    bucket.apply_removal_policy(&mut app, RemovalPolicy::Retain)?;
    let alerts = Construct::new(&mut app, s, "Alerts")?;
    let topic = CfnResource::new(
        &mut app,
        alerts,
        "Topic",
        CfnResourceProps::new("AWS::SNS::Topic")
            .properties([("DisplayName", "jobs"), ("KmsMasterKeyId", "alias/aws/sns")]),
    )?;
    let url = jobs.queue_url(&app);
    let param = CfnResource::new(
        &mut app,
        alerts,
        "QueueParam",
        CfnResourceProps::new("AWS::SSM::Parameter")
            .property("Type", "String")
            .property("Value", url)
            .property(
                "Description",
                Value::join("", vec!["archive ".into(), bucket.get_att("Arn")]),
            ),
    )?;
    param.add_dependency(&mut app, topic)?;
    param.apply_removal_policy(&mut app, RemovalPolicy::Destroy)?;
    app.add_property_override(param.node(), "Tier", "Standard")?;
    CfnResource::new(
        &mut app,
        s,
        "Cleanup",
        CfnResourceProps::new("Custom::Cleanup")
            .property("ServiceToken", topic.ref_())
            .property("Bucket", bucket.ref_())
            .property("Retries", 3u32)
            .property("Ratio", ecs_app::cfn::number(0.5))
            .property("Enabled", true),
    )?
    .apply_removal_policy(&mut app, RemovalPolicy::RetainOnUpdateOrDelete)?;
    let td = FargateTaskDefinition::new(
        &mut app,
        s,
        "TaskDef",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    td.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .environment([
                ("BUCKET", bucket.ref_()),
                ("TOPIC_NAME", topic.get_att("TopicName")),
            ]),
    )?;
    FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100),
    )?;
    CfnOutput::new(&mut app, s, "BucketArn", Output::new(bucket.get_att("Arn")))?;
    Ok(app)
}

#[test]
fn raw_resources_built_with_the_builders_match_the_cdk() {
    assert_matches_cdk(with_builders().unwrap(), "cfn_resources");
}

#[test]
fn raw_resources_in_the_dsl_extended_through_its_handles_match_the_cdk() -> Result<(), Error> {
    let Built { mut app, handles } = ecs_app! {
        stack CfnResources {
            #![tag(team = "data")]
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster { vpc: Vpc }
            queue Jobs {}
            resource Bucket {
                type: "AWS::S3::Bucket",
                properties: {
                    BucketName: "acme-jobs-archive",
                    VersioningConfiguration: { Status: "Enabled" },
                    LifecycleConfiguration: {
                        Rules: [{ Id: "expire", Status: "Enabled", ExpirationInDays: 30 }],
                    },
                    Tags: [{ Key: "a", Value: "b" }],
                },
                removal_policy: Retain,
            }
            scope Alerts {
                resource Topic {
                    type: "AWS::SNS::Topic",
                    properties: { DisplayName: "jobs", KmsMasterKeyId: "alias/aws/sns" },
                }
                #[add_property_override("Tier", "Standard")]
                resource QueueParam {
                    type: "AWS::SSM::Parameter",
                    properties: {
                        Type: "String",
                        Value: Jobs.queue_url,
                        Description: Value::join("", Vec::from(["archive ".into(), Bucket.get_att("Arn")])),
                    },
                    depends_on: [Topic],
                    removal_policy: Destroy,
                }
            }
            resource Cleanup {
                type: "Custom::Cleanup",
                properties: {
                    ServiceToken: Topic.Ref,
                    Bucket: Bucket.Ref,
                    Retries: 3,
                    Ratio: 0.5,
                    Enabled: true,
                },
            }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    environment: { BUCKET: Bucket.Ref, TOPIC_NAME: Topic.TopicName },
                }
            }
        }
    }?;
    // What the block leaves out, added through its handles.
    let stack = handles.CfnResources;
    stack
        .Cleanup
        .apply_removal_policy(&mut app, RemovalPolicy::RetainOnUpdateOrDelete)?;
    FargateService::new(
        &mut app,
        *stack,
        "Service",
        FargateServiceProps::default()
            .cluster(*stack.Cluster)
            .task_definition(*stack.TaskDef)
            .min_healthy_percent(100),
    )?;
    let arn = stack.Bucket.get_att("Arn");
    CfnOutput::new(&mut app, *stack, "BucketArn", Output::new(arn))?;
    assert_eq!(
        app.stack(*stack).path(stack.TaskDef.web.node(&app)),
        "CfnResources/TaskDef/web"
    );
    assert_matches_cdk(app, "cfn_resources");
    Ok(())
}
