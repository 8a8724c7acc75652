//! A VPC found by the CDK CLI's lookup, with the builders; against our own CDK app
//! `tests/golden/apps/vpc_lookup.js`, and the lookup the manifest asks for before the CLI has
//! made it.

use crate::support::{ScratchDir, assert_matches_cdk};
use ecs_app::construct::StackProps;
use ecs_app::prelude::*;

const KEY: &str = "vpc-provider:account=123456789012:filter.tag:Name=shared:filter.tag:stage=prod:region=eu-west-1:returnAsymmetricSubnets=true";

fn answer() -> serde_json::Value {
    let subnet = |id: &str, az: &str, rt: &str, cidr: &str| serde_json::json!({"subnetId": id, "availabilityZone": az, "routeTableId": rt, "cidr": cidr});
    serde_json::json!({
        "vpcId": "vpc-0a1b2c3d4e5f60718",
        "vpcCidrBlock": "10.20.0.0/16",
        "ownerAccountId": "123456789012",
        "availabilityZones": [],
        "subnetGroups": [
            {"name": "Ingress", "type": "Public", "subnets": [
                subnet("subnet-0aaa0000000000001", "eu-west-1b", "rtb-0aaa0000000000001", "10.20.0.0/24"),
                subnet("subnet-0aaa0000000000002", "eu-west-1a", "rtb-0aaa0000000000002", "10.20.1.0/24")]},
            {"name": "App", "type": "Private", "subnets": [
                subnet("subnet-0bbb0000000000001", "eu-west-1a", "rtb-0bbb0000000000001", "10.20.16.0/20"),
                subnet("subnet-0bbb0000000000002", "eu-west-1b", "rtb-0bbb0000000000002", "10.20.32.0/20")]},
            {"name": "Data", "type": "Isolated", "subnets": [
                subnet("subnet-0ccc0000000000001", "eu-west-1a", "rtb-0ccc0000000000001", "10.20.48.0/24"),
                subnet("subnet-0ccc0000000000002", "eu-west-1b", "rtb-0ccc0000000000002", "10.20.49.0/24")]},
        ]
    })
}

fn app(context: serde_json::Value) -> Result<App, Error> {
    let mut app = App::with_context(context);
    let s = app.add_stack_with(
        "VpcLookup",
        StackProps::default().env(Environment::new("123456789012", "eu-west-1")),
    )?;
    let vpc = Vpc::from_lookup(
        &mut app,
        s,
        "Shared",
        VpcLookupOptions::default()
            .vpc_name("shared")
            .tags([("stage", "prod")]),
    )?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    let image = || ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27");
    let web = FargateTaskDefinition::new(
        &mut app,
        s,
        "Web",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    web.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(image())
            .port_mappings([80]),
    )?;
    let service = FargateService::new(
        &mut app,
        s,
        "Service",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(web)
            .min_healthy_percent(100),
    )?;
    let lb = ApplicationLoadBalancer::new(
        &mut app,
        s,
        "LB",
        LoadBalancerProps::default().vpc(vpc).internet_facing(true),
    )?;
    lb.add_listener(&mut app, "Http", ListenerProps::default().port(80))?
        .add_targets(
            &mut app,
            "Web",
            AddTargetsProps::default().port(80).targets([service]),
        )?;
    let job = FargateTaskDefinition::new(
        &mut app,
        s,
        "Job",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    job.add_container(
        &mut app,
        "job",
        ContainerDefinitionOptions::default().image(image()),
    )?;
    FargateService::new(
        &mut app,
        s,
        "Worker",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(job)
            .min_healthy_percent(100)
            .vpc_subnets(SubnetSelection::default().subnet_group_name("Data")),
    )?;
    Ok(app)
}

#[test]
fn a_looked_up_vpc_matches_the_cdk() {
    assert_matches_cdk(
        app(serde_json::json!({ KEY: answer() })).unwrap(),
        "vpc_lookup",
    );
}

/// Before the CLI's lookup the VPC is the CDK's placeholder and the manifest asks for it, as
/// the CDK writes the query (its manifest for the same app without the context).
#[test]
fn a_vpc_not_yet_looked_up_is_missing_from_the_context() {
    let dir = ScratchDir::new("vpc-lookup-missing");
    let app = app(serde_json::json!({})).unwrap();
    app.synth_to(&*dir).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["missing"],
        serde_json::json!([{
            "key": KEY,
            "provider": "vpc-provider",
            "props": {
                "account": "123456789012",
                "region": "eu-west-1",
                "filter": {"tag:stage": "prod", "tag:Name": "shared"},
                "returnAsymmetricSubnets": true,
                "lookupRoleArn": "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-eu-west-1"
            }
        }])
    );
    // A selection the placeholder cannot satisfy is empty until the lookup is made.
    let template = &app.templates().unwrap()[0].1;
    let worker = &template["Resources"]["WorkerService9FFC549A"]["Properties"];
    assert_eq!(
        worker["NetworkConfiguration"]["AwsvpcConfiguration"]["Subnets"],
        serde_json::json!([])
    );
}

/// The DSL's `lookup_vpc` asks for the same lookup.
#[test]
fn lookup_vpc_in_the_dsl_asks_for_the_same_lookup() {
    let app = ecs_app! {
        stack VpcLookup {
            env: Environment::new("123456789012", "eu-west-1"),
            lookup_vpc Shared { vpc_name: "shared", tags: { stage: "prod" } }
            cluster Cluster { vpc: Shared }
        }
    }
    .unwrap();
    let dir = ScratchDir::new("vpc-lookup-dsl");
    app.synth_to(&*dir).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["missing"][0]["key"], KEY);
}
