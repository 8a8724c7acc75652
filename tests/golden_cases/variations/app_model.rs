//! The app model around ECS constructs, built with the builders: stack properties, tags at
//! every level with priorities, resource types and removals, plain construct scopes (nested,
//! and named like their child), escape hatches; against our own CDK app
//! `tests/golden/apps/app_model.js`.

use super::IMAGE;
use crate::support::{ScratchDir, assert_matches_cdk};
use ecs_app::construct::app::Construct;
use ecs_app::construct::{StackProps, TagProps};
use ecs_app::prelude::*;

fn app() -> Result<App, Error> {
    let mut app = App::new();
    app.add_tag(None, "org", "acme", TagProps::default())?;
    let s = app.add_stack_with(
        "AppModel",
        StackProps::default()
            .stack_name("acme-app-model")
            .description("ECS constructs in the CDK app model")
            .termination_protection(true)
            .tags([("cost-center", "42")]),
    )?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let api = Construct::new(&mut app, s, "Api")?;
    let cluster = Cluster::new(&mut app, api, "Cluster", ClusterProps::default().vpc(vpc))?;
    let td = FargateTaskDefinition::new(
        &mut app,
        api,
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
            .port_mappings([PortMapping::from(80)]),
    )?;
    let service = FargateService::new(
        &mut app,
        api,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100),
    )?;
    service
        .auto_scale_task_count(&mut app, EnableScalingProps::default().max_capacity(4))?
        .scale_on_cpu_utilization(
            &mut app,
            "Cpu",
            CpuUtilizationScalingProps::default().target_utilization_percent(50),
        )?;
    let jobs = Construct::new(&mut app, api, "Jobs")?;
    FargateTaskDefinition::new(
        &mut app,
        jobs,
        "Jobs",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?
    .add_container(
        &mut app,
        "job",
        ContainerDefinitionOptions::default().image(ContainerImage::from_registry(IMAGE)),
    )?;

    let default = TagProps::default;
    app.add_tag(Some(s.into()), "stage", "prod", default())?;
    app.add_tag(Some(api), "team", "api", default())?;
    app.add_tag(Some(service.node()), "tier", "frontend", default())?;
    app.add_tag(
        Some(cluster.node()),
        "org",
        "acme-low",
        default().priority(50),
    )?;
    app.add_tag(Some(td.node()), "org", "acme-high", default().priority(300))?;
    app.add_tag(
        Some(api),
        "backup",
        "daily",
        default().include_resource_types(["AWS::ECS::TaskDefinition"]),
    )?;
    app.remove_tag(Some(jobs), "team", default())?;

    app.add_property_override(service.node(), "EnableECSManagedTags", false)?;
    app.add_override(service.node(), "UpdateReplacePolicy", "Retain")?;
    app.add_override(service.node(), "DeletionPolicy", "Retain")?;
    app.add_property_deletion_override(
        service.node(),
        "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp",
    )?;
    Ok(app)
}

#[test]
fn scopes_tags_and_escape_hatches_match_the_cdk() {
    assert_matches_cdk(app().unwrap(), "app_model");
}

#[test]
fn the_manifest_carries_the_stack_properties_as_the_cdk_writes_them() {
    let dir = ScratchDir::new("app-model");
    app().unwrap().synth_to(&*dir).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let props = &manifest["artifacts"]["AppModel"]["properties"];
    assert_eq!(props["templateFile"], "AppModel.template.json");
    assert_eq!(props["terminationProtection"], true);
    assert_eq!(props["tags"], serde_json::json!({"cost-center": "42"}));
    assert_eq!(props["stackName"], "acme-app-model");
    // As the CDK orders them: the stack name last.
    assert_eq!(
        props.as_object().unwrap().keys().next_back().unwrap(),
        "stackName"
    );
}

#[test]
fn tags_and_stack_properties_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        #![tag(org = "acme")]
        stack Tagged {
            #![tag(stage = "prod")]
            stack_name: "acme-tagged",
            description: "tags on ECS constructs",
            termination_protection: true,
            tags: { "cost-center": "42" },
            #[untag(org)]
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            #[tag(org = "acme-low", priority = 50)]
            cluster Cluster { vpc: Vpc }
            #[tag(org = "acme-high", priority = 300)]
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
            }
            #[tag(tier = "frontend")]
            #[tag(backup = "daily", include = ["AWS::EC2::SecurityGroup"])]
            fargate_service Service { cluster: Cluster, task_definition: TaskDef, min_healthy_percent: 100 }
            cfn_output ServiceName {
                value: Service.service_name,
                export_name: "acme-service-name",
                description: "the service, for other stacks",
            }
        }
    };
    let app = app.unwrap();
    assert_eq!(app.stacks()[0].stack_name(), "acme-tagged");
    assert_matches_cdk(app, "tags");
}

#[test]
fn scopes_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack Scopes {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            #[tag(team = "api")]
            scope Api {
                cluster Cluster { vpc: Vpc }
                fargate_task_definition TaskDef {
                    cpu: 256,
                    memory_limit_mib: 512,
                    container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
                }
                fargate_service Service { cluster: Cluster, task_definition: TaskDef, min_healthy_percent: 100 }
                cfn_output ServiceName { value: Service.service_name }
                scope Jobs {
                    fargate_task_definition Jobs {
                        cpu: 256,
                        memory_limit_mib: 512,
                        container job { image: ContainerImage::from_registry(IMAGE) }
                    }
                }
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "scopes");
}

#[test]
fn the_whole_app_model_in_the_dsl_matches_the_cdk() {
    let app = ecs_app! {
        #![tag(org = "acme")]
        stack AppModel {
            #![tag(stage = "prod")]
            stack_name: "acme-app-model",
            description: "ECS constructs in the CDK app model",
            termination_protection: true,
            tags: { "cost-center": "42" },
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            #[tag(team = "api")]
            #[tag(backup = "daily", include = ["AWS::ECS::TaskDefinition"])]
            scope Api {
                #[tag(org = "acme-low", priority = 50)]
                cluster Cluster { vpc: Vpc }
                #[tag(org = "acme-high", priority = 300)]
                fargate_task_definition TaskDef {
                    cpu: 256,
                    memory_limit_mib: 512,
                    container web { image: ContainerImage::from_registry(IMAGE), port_mappings: [80] }
                }
                #[tag(tier = "frontend")]
                #[add_property_override("EnableECSManagedTags", false)]
                #[add_override("UpdateReplacePolicy", "Retain")]
                #[add_override("DeletionPolicy", "Retain")]
                #[add_property_deletion_override("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp")]
                fargate_service Service { cluster: Cluster, task_definition: TaskDef, min_healthy_percent: 100 }
                auto_scale_task_count Service {
                    max_capacity: 4,
                    scale_on_cpu_utilization Cpu { target_utilization_percent: 50 }
                }
                #[untag(team)]
                scope Jobs {
                    fargate_task_definition Jobs {
                        cpu: 256,
                        memory_limit_mib: 512,
                        container job { image: ContainerImage::from_registry(IMAGE) }
                    }
                }
            }
        }
    };
    assert_matches_cdk(app.unwrap(), "app_model");
}
