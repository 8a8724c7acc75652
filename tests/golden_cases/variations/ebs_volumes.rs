//! Service-managed EBS volumes: a Fargate service's gp3 volume (IOPS, throughput, XFS, a KMS
//! key, tags propagated from the service) with the role the volume creates, added to the
//! service; an EC2 service's io2 volume from a snapshot, with an initialization rate and an
//! existing role, given in its props; with the builders and in `ecs_app!`, against our own CDK
//! app `tests/golden/apps/ebs_volumes.js`.

use super::IMAGE;
use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

fn builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("EbsVolumes")?;
    let vpc = Vpc::new(
        &mut app,
        s,
        "Vpc",
        VpcProps::default().max_azs(2).nat_gateways(1),
    )?;
    let cluster = Cluster::new(&mut app, s, "Cluster", ClusterProps::default().vpc(vpc))?;
    cluster.add_capacity(
        &mut app,
        "Capacity",
        AddCapacityOptions::default()
            .instance_type("t3.medium")
            .min_capacity(1),
    )?;
    let key = Key::new(&mut app, s, "Key", KeyProps::default())?;

    let web_task = FargateTaskDefinition::new(
        &mut app,
        s,
        "WebTask",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    let web = web_task.add_container(
        &mut app,
        "web",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .port_mappings([PortMapping::from(80)]),
    )?;
    let data = ServiceManagedVolume::new(
        &mut app,
        s,
        "Data",
        ServiceManagedVolumeProps::default()
            .name("data")
            .managed_ebs_volume(
                ServiceManagedEbsVolumeConfiguration::default()
                    .size(Size::gibibytes(15))
                    .volume_type(EbsDeviceVolumeType::Gp3)
                    .iops(4000)
                    .throughput(200)
                    .file_system_type(FileSystemType::Xfs)
                    .encrypted(true)
                    .kms_key_id(key)
                    .tag_specifications([EbsTagSpecification::default()
                        .tag("purpose", "production")
                        .propagate_tags(EbsPropagatedTagSource::Service)]),
            ),
    )?;
    data.mount_in(&mut app, web, "/var/lib/data", false)?;
    web_task.add_volume(&mut app, data)?;
    let web_service = FargateService::new(
        &mut app,
        s,
        "Web",
        FargateServiceProps::default()
            .cluster(cluster)
            .task_definition(web_task)
            .min_healthy_percent(100),
    )?;
    web_service.add_volume(&mut app, data)?;

    let role = Role::from_role_arn(
        &mut app,
        s,
        "VolumeRole",
        ImportedRoleProps::default().role_arn("arn:aws:iam::123456789012:role/ecs-volumes"),
    )?;
    let job_task = Ec2TaskDefinition::new(&mut app, s, "JobTask", Default::default())?;
    let job = job_task.add_container(
        &mut app,
        "job",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(IMAGE))
            .memory_limit_mib(256),
    )?;
    let restored = ServiceManagedVolume::new(
        &mut app,
        s,
        "Restored",
        ServiceManagedVolumeProps::default()
            .name("restored")
            .managed_ebs_volume(
                ServiceManagedEbsVolumeConfiguration::default()
                    .role(role)
                    .snap_shot_id("snap-0123456789abcdef0")
                    .volume_initialization_rate(Size::mebibytes(200))
                    .volume_type(EbsDeviceVolumeType::Io2)
                    .iops(5000)
                    .tag_specifications([EbsTagSpecification::default()
                        .propagate_tags(EbsPropagatedTagSource::TaskDefinition)]),
            ),
    )?;
    restored.mount_in(&mut app, job, "/restored", true)?;
    job_task.add_volume(&mut app, restored)?;
    Ec2Service::new(
        &mut app,
        s,
        "Job",
        Ec2ServiceProps::default()
            .cluster(cluster)
            .task_definition(job_task)
            .min_healthy_percent(100)
            .volume_configurations([restored]),
    )?;
    Ok(app)
}

#[test]
fn service_managed_volumes_with_the_builders_match_the_cdk() {
    assert_matches_cdk(builders().unwrap(), "ebs_volumes");
}

#[test]
fn service_managed_volumes_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack EbsVolumes {
            vpc Vpc { max_azs: 2, nat_gateways: 1 }
            cluster Cluster {
                vpc: Vpc,
                add_capacity Capacity { instance_type: "t3.medium", min_capacity: 1 }
            }
            kms_key Key {}
            service_managed_volume Data {
                name: "data",
                managed_ebs_volume: {
                    size: Size::gibibytes(15),
                    volume_type: Gp3,
                    iops: 4000,
                    throughput: 200,
                    file_system_type: Xfs,
                    encrypted: true,
                    kms_key_id: Key,
                    tag_specifications: [EbsTagSpecification::default()
                        .tag("purpose", "production")
                        .propagate_tags(EbsPropagatedTagSource::Service)],
                },
            }
            fargate_task_definition WebTask {
                cpu: 256,
                memory_limit_mib: 512,
                volumes: [Volume::configured_at_launch("data")],
                container web {
                    image: ContainerImage::from_registry(IMAGE),
                    port_mappings: [80],
                    mount_points: [MountPoint::new("data", "/var/lib/data", false)],
                }
            }
            fargate_service Web {
                cluster: Cluster,
                task_definition: WebTask,
                min_healthy_percent: 100,
                volume_configurations: [Data],
            }
            imported_role VolumeRole { role_arn: "arn:aws:iam::123456789012:role/ecs-volumes" }
            service_managed_volume Restored {
                name: "restored",
                managed_ebs_volume: {
                    role: VolumeRole,
                    snap_shot_id: "snap-0123456789abcdef0",
                    volume_initialization_rate: Size::mebibytes(200),
                    volume_type: Io2,
                    iops: 5000,
                    tag_specifications: [EbsTagSpecification::default()
                        .propagate_tags(EbsPropagatedTagSource::TaskDefinition)],
                },
            }
            ec2_task_definition JobTask {
                volumes: [Volume::configured_at_launch("restored")],
                container job {
                    image: ContainerImage::from_registry(IMAGE),
                    memory_limit_mib: 256,
                    mount_points: [MountPoint::new("restored", "/restored", true)],
                }
            }
            ec2_service Job {
                cluster: Cluster,
                task_definition: JobTask,
                min_healthy_percent: 100,
                volume_configurations: [Restored],
            }
        }
    }
    .unwrap();
    assert_matches_cdk(App::from(app), "ebs_volumes");
}
