//! Existing services and load balancers: services imported by ARN (both ARN formats, and an ARN
//! that is a parameter), by name and cluster, and with the cluster taken from the ARN; an
//! existing application load balancer given a listener with targets and a weighted rule; an
//! existing listener forwarding through a rule to a target group of a new service; with the
//! builders and in `ecs_app!`, against our own CDK app `tests/golden/apps/imports_services.js`.

use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

fn builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("ImportsServices")?;
    let vpc = Vpc::from_vpc_attributes(
        &mut app,
        s,
        "Vpc",
        VpcAttributes::default()
            .vpc_id("vpc-0a1b2c3d4e5f60718")
            .availability_zones(["us-east-1a", "us-east-1b"])
            .private_subnet_ids(["subnet-0b000001", "subnet-0b000002"])
            .public_subnet_ids(["subnet-0a000001", "subnet-0a000002"]),
    )?;
    let cluster = Cluster::from_cluster_attributes(
        &mut app,
        s,
        "Cluster",
        ClusterAttributes::default().cluster_name("shared").vpc(vpc),
    )?;
    let arn = CfnParameter::new(&mut app, s, "ServiceArn", Parameter::new("String"))?;
    let imported = [
        (
            "Web",
            FargateService::from_fargate_service_arn(
                &mut app,
                s,
                "Web",
                "arn:aws:ecs:us-east-1:123456789012:service/shared/web",
            )?,
        ),
        (
            "Api",
            FargateService::from_fargate_service_attributes(
                &mut app,
                s,
                "Api",
                ServiceAttributes::default()
                    .cluster(cluster)
                    .service_name("api"),
            )?,
        ),
        (
            "Old",
            Ec2Service::from_ec2_service_arn(
                &mut app,
                s,
                "Old",
                "arn:aws:ecs:us-east-1:123456789012:service/old",
            )?,
        ),
        (
            "Batch",
            ImportedService::from_service_arn_with_cluster(
                &mut app,
                s,
                "Batch",
                "arn:aws:ecs:us-west-2:210987654321:service/jobs/batch",
            )?,
        ),
        (
            "Worker",
            Ec2Service::from_ec2_service_attributes(
                &mut app,
                s,
                "Worker",
                ServiceAttributes::default()
                    .cluster(cluster)
                    .service_arn("arn:aws:ecs:us-east-1:123456789012:service/shared/worker"),
            )?,
        ),
        (
            "Param",
            FargateService::from_fargate_service_arn(&mut app, s, "Param", arn)?,
        ),
    ];
    for (name, service) in imported {
        let value = service.service_name(&app);
        CfnOutput::new(&mut app, s, &format!("{name}Name"), Output::new(value))?;
        let value = service.service_arn(&app);
        CfnOutput::new(&mut app, s, &format!("{name}Arn"), Output::new(value))?;
    }
    let batch_cluster = imported[3].1.cluster(&app).expect("imported from the ARN");
    let value = batch_cluster.cluster_name(&app);
    CfnOutput::new(&mut app, s, "BatchClusterName", Output::new(value))?;
    let value = batch_cluster.cluster_arn(&app);
    CfnOutput::new(&mut app, s, "BatchClusterArnOut", Output::new(value))?;

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
            .image(ContainerImage::from_registry("nginx"))
            .port_mappings([PortMapping::from(80)]),
    )?;

    let lb = ApplicationLoadBalancer::from_application_load_balancer_attributes(
        &mut app,
        s,
        "Lb",
        ApplicationLoadBalancerAttributes::default()
            .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/0123456789abcdef")
            .security_group_id("sg-0c0ffee0000000001")
            .load_balancer_dns_name("shared-1234567890.us-east-1.elb.amazonaws.com")
            .vpc(vpc),
    )?;
    let front = FargateService::new(
        &mut app,
        s,
        "Front",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100),
    )?;
    let http = lb.add_listener(
        &mut app,
        "Http",
        ListenerProps::default()
            .port(8080)
            .protocol(ListenerProtocol::Http),
    )?;
    http.add_targets(
        &mut app,
        "Front",
        AddTargetsProps::default().port(80).targets([front]),
    )?;
    let blue = TargetGroup::new_application(
        &mut app,
        s,
        "Blue",
        vpc,
        AddTargetsProps::default().port(80),
    )?;
    let green = TargetGroup::new_application(
        &mut app,
        s,
        "Green",
        vpc,
        AddTargetsProps::default().port(80),
    )?;
    http.add_target_groups(
        &mut app,
        "Split",
        AddTargetGroupsProps::default()
            .target_groups([blue, green])
            .priority(5)
            .conditions([ListenerCondition::host_headers(["split.example.com"])]),
    )?;
    let value = lb.load_balancer_dns_name(&app);
    CfnOutput::new(&mut app, s, "LbDns", Output::new(value))?;

    let listener_sg = SecurityGroup::from_security_group_id(
        &mut app,
        s,
        "ListenerSg",
        ImportedSecurityGroupProps::default().security_group_id("sg-0c0ffee0000000002"),
    )?;
    let listener = Listener::from_application_listener_attributes(
        &mut app,
        s,
        "Listener",
        ApplicationListenerAttributes::default()
            .listener_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/0123456789abcdef/fedcba9876543210")
            .security_group(listener_sg)
            .default_port(443),
    )?;
    let back = FargateService::new(
        &mut app,
        s,
        "Back",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(td)
            .min_healthy_percent(100),
    )?;
    let group = TargetGroup::new_application(
        &mut app,
        s,
        "BackGroup",
        vpc,
        AddTargetsProps::default().port(80).targets([back]),
    )?;
    listener.add_target_groups(
        &mut app,
        "Back",
        AddTargetGroupsProps::default()
            .target_groups([group])
            .priority(10)
            .conditions([ListenerCondition::path_patterns(["/back/*"])]),
    )?;
    Ok(app)
}

#[test]
fn imported_services_and_load_balancers_with_the_builders_match_the_cdk() {
    assert_matches_cdk(builders().unwrap(), "imports_services");
}

#[test]
fn imports_are_refused_where_the_cdk_refuses_them() -> Result<(), Error> {
    let mut app = App::new();
    let s = app.add_stack("ImportsServices")?;
    let err = |r: Result<ImportedService, Error>| r.unwrap_err().to_string();
    assert_eq!(
        err(ImportedService::from_service_arn_with_cluster(
            &mut app,
            s,
            "Old",
            "arn:aws:ecs:us-east-1:123456789012:service/old",
        )),
        "imported service `Old`: resource name old from service ARN: arn:aws:ecs:us-east-1:123456789012:service/old is not using the ARN cluster format: give an ARN of the form `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>`"
    );
    assert_eq!(
        err(FargateService::from_fargate_service_arn(
            &mut app,
            s,
            "Bad",
            "service/web"
        )),
        "imported service `Bad`: ARNs must start with \"arn:\" and have at least 6 components: service/web: give an ARN of the form `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>`"
    );
    let cluster = Cluster::from_cluster_arn(
        &mut app,
        s,
        "Cluster",
        "arn:aws:ecs:us-east-1:123456789012:cluster/shared",
    )?;
    assert_eq!(
        err(FargateService::from_fargate_service_attributes(
            &mut app,
            s,
            "Both",
            ServiceAttributes::default()
                .cluster(cluster)
                .service_name("web")
                .service_arn("arn:aws:ecs:us-east-1:123456789012:service/shared/web"),
        )),
        "imported service `Both` needs either `service_arn` or `service_name`: give one of them"
    );

    let sg = SecurityGroup::from_security_group_id(
        &mut app,
        s,
        "Sg",
        ImportedSecurityGroupProps::default().security_group_id("sg-0c0ffee0000000002"),
    )?;
    let listener = Listener::from_application_listener_attributes(
        &mut app,
        s,
        "Listener",
        ApplicationListenerAttributes::default()
            .listener_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/0123456789abcdef/fedcba9876543210")
            .security_group(sg),
    )?;
    let vpc = Vpc::new(&mut app, s, "Vpc", VpcProps::default().max_azs(2))?;
    let group = TargetGroup::new_application(
        &mut app,
        s,
        "Group",
        vpc,
        AddTargetsProps::default().port(80),
    )?;
    assert_eq!(
        listener
            .add_target_group(&mut app, group)
            .unwrap_err()
            .to_string(),
        "listener `Listener` is imported and cannot get a default action: give the target groups a `priority` and `conditions`"
    );
    assert_eq!(
        listener
            .add_targets(&mut app, "Web", AddTargetsProps::default().port(80))
            .unwrap_err()
            .to_string(),
        "listener `Listener` is imported and cannot `add_targets`: create a `target_group` and forward to it with `add_target_groups`"
    );

    // A DNS name read but never given fails synthesis, as the CDK fails at the read.
    let lb = ApplicationLoadBalancer::from_application_load_balancer_attributes(
        &mut app,
        s,
        "Lb",
        ApplicationLoadBalancerAttributes::default()
            .load_balancer_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/0123456789abcdef")
            .security_group_id("sg-0c0ffee0000000001"),
    )?;
    let value = lb.load_balancer_dns_name(&app);
    CfnOutput::new(&mut app, s, "Dns", Output::new(value))?;
    let err = app.templates().unwrap_err().to_string();
    assert!(
        err.contains("`load_balancer_dns_name` of load balancer `Lb` is read, but it was imported without it: add `load_balancer_dns_name` to its attributes"),
        "{err}"
    );
    Ok(())
}

/// The same app in `ecs_app!`; the cluster imported from `Batch`'s ARN is read through the
/// handles after the block, as builder code extends a declared app.
#[test]
fn imported_services_and_load_balancers_in_the_dsl_match_the_cdk() -> Result<(), Error> {
    let Built { mut app, handles } = ecs_app! {
        stack ImportsServices {
            imported_vpc Vpc {
                vpc_id: "vpc-0a1b2c3d4e5f60718",
                availability_zones: ["us-east-1a", "us-east-1b"],
                private_subnet_ids: ["subnet-0b000001", "subnet-0b000002"],
                public_subnet_ids: ["subnet-0a000001", "subnet-0a000002"],
            }
            imported_cluster Cluster { cluster_name: "shared", vpc: Vpc }
            cfn_parameter ServiceArn { type: "String" }
            imported_service Web { service_arn: "arn:aws:ecs:us-east-1:123456789012:service/shared/web" }
            imported_service Api { cluster: Cluster, service_name: "api" }
            imported_service Old { service_arn: "arn:aws:ecs:us-east-1:123456789012:service/old" }
            imported_service Batch {
                service_arn: "arn:aws:ecs:us-west-2:210987654321:service/jobs/batch",
                import_cluster: true,
            }
            imported_service Worker {
                cluster: Cluster,
                service_arn: "arn:aws:ecs:us-east-1:123456789012:service/shared/worker",
            }
            imported_service Param { service_arn: ServiceArn.value_as_string }
            cfn_output WebName { value: Web.service_name }
            cfn_output WebArn { value: Web.service_arn }
            cfn_output ApiName { value: Api.service_name }
            cfn_output ApiArn { value: Api.service_arn }
            cfn_output OldName { value: Old.service_name }
            cfn_output OldArn { value: Old.service_arn }
            cfn_output BatchName { value: Batch.service_name }
            cfn_output BatchArn { value: Batch.service_arn }
            cfn_output WorkerName { value: Worker.service_name }
            cfn_output WorkerArn { value: Worker.service_arn }
            cfn_output ParamName { value: Param.service_name }
            cfn_output ParamArn { value: Param.service_arn }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web { image: ContainerImage::from_registry("nginx"), port_mappings: [80] }
            }
            fargate_service Front { cluster: Cluster, task_definition: TaskDef, min_healthy_percent: 100 }
            target_group Blue { vpc: Vpc, port: 80 }
            target_group Green { vpc: Vpc, port: 80 }
            imported_application_load_balancer Lb {
                load_balancer_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared/0123456789abcdef",
                security_group_id: "sg-0c0ffee0000000001",
                load_balancer_dns_name: "shared-1234567890.us-east-1.elb.amazonaws.com",
                vpc: Vpc,
                listener Http {
                    port: 8080,
                    protocol: Http,
                    add_targets Front { port: 80, targets: [Front] }
                    add_target_groups Split {
                        target_groups: [Blue, Green],
                        priority: 5,
                        conditions: [ListenerCondition::host_headers(["split.example.com"])],
                    }
                }
            }
            cfn_output LbDns { value: Lb.load_balancer_dns_name }
            imported_security_group ListenerSg { security_group_id: "sg-0c0ffee0000000002" }
            target_group BackGroup { vpc: Vpc, port: 80 }
            fargate_service Back {
                cluster: Cluster,
                task_definition: TaskDef,
                min_healthy_percent: 100,
                target_groups: [BackGroup],
            }
            imported_listener Listener {
                listener_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/0123456789abcdef/fedcba9876543210",
                security_group: ListenerSg,
                default_port: 443,
                add_target_groups Back {
                    target_groups: [BackGroup],
                    priority: 10,
                    conditions: [ListenerCondition::path_patterns(["/back/*"])],
                }
            }
        }
    }?;
    let s = *handles.ImportsServices;
    let cluster = handles
        .ImportsServices
        .Batch
        .cluster(&app)
        .expect("imported from the ARN");
    let value = cluster.cluster_name(&app);
    CfnOutput::new(&mut app, s, "BatchClusterName", Output::new(value))?;
    let value = cluster.cluster_arn(&app);
    CfnOutput::new(&mut app, s, "BatchClusterArnOut", Output::new(value))?;
    assert_matches_cdk(app, "imports_services");
    Ok(())
}
