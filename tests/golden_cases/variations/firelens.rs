//! FireLens log routers added with `add_firelens_log_router` (and, in `ecs_app!`, as containers
//! with a `firelens_config`): Fluent Bit with a configuration file in S3 that the execution role
//! may read, an application logging through it to Firehose with a secret option; Fluentd with
//! a file in its image and ECS log metadata off; routers without options and with empty ones;
//! against our own CDK app `tests/golden/apps/firelens.js`.

use crate::support::assert_matches_cdk;
use ecs_app::prelude::*;

const FLUENT_BIT: &str = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable";

fn builders() -> Result<App, Error> {
    let mut app = App::new();
    let s = app.add_stack("Firelens")?;
    let token =
        ecs_app::secretsmanager::Secret::from_secret_name_v2(&mut app, s, "Token", "log-token")?;
    let bit = FargateTaskDefinition::new(
        &mut app,
        s,
        "FluentBit",
        FargateTaskDefinitionProps::default()
            .cpu(256)
            .memory_limit_mib(512),
    )?;
    bit.add_firelens_log_router(
        &mut app,
        "log_router",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(FLUENT_BIT))
            .firelens_config(
                FirelensConfig::default().options(
                    FirelensOptions::default()
                        .config_file_type(FirelensConfigFileType::S3)
                        .config_file_value("arn:aws:s3:::log-config/fluent-bit.conf"),
                ),
            )
            .memory_reservation_mib(50),
    )?;
    bit.add_container(
        &mut app,
        "app",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(
                "public.ecr.aws/nginx/nginx:1.27",
            ))
            .logging(LogDriver::firelens(
                FirelensLogDriverProps::default()
                    .options([
                        ("Name", "firehose"),
                        ("region", "us-east-1"),
                        ("delivery_stream", "app-logs"),
                    ])
                    .secret_options([("token", Secret::from_secrets_manager(token))]),
            )),
    )?;
    let fluentd = Ec2TaskDefinition::new(&mut app, s, "Fluentd", Default::default())?;
    fluentd.add_firelens_log_router(
        &mut app,
        "log_router",
        ContainerDefinitionOptions::default()
            .image(ContainerImage::from_registry(
                "public.ecr.aws/docker/library/fluentd:v1.16",
            ))
            .firelens_config(
                FirelensConfig::default()
                    .router_type(FirelensLogRouterType::Fluentd)
                    .options(
                        FirelensOptions::default()
                            .enable_ecs_log_metadata(false)
                            .config_file_type(FirelensConfigFileType::File)
                            .config_file_value("/fluentd/etc/extra.conf"),
                    ),
            )
            .memory_limit_mib(256),
    )?;
    for (id, config) in [
        ("Plain", FirelensConfig::default()),
        (
            "MetadataOnly",
            FirelensConfig::default().options(FirelensOptions::default()),
        ),
    ] {
        let td = Ec2TaskDefinition::new(&mut app, s, id, Default::default())?;
        td.add_firelens_log_router(
            &mut app,
            "router",
            ContainerDefinitionOptions::default()
                .image(ContainerImage::from_registry(FLUENT_BIT))
                .firelens_config(config)
                .memory_limit_mib(128),
        )?;
    }
    Ok(app)
}

#[test]
fn firelens_log_routers_with_the_builders_match_the_cdk() {
    assert_matches_cdk(builders().unwrap(), "firelens");
}

#[test]
fn firelens_log_routers_in_the_dsl_match_the_cdk() {
    let app = ecs_app! {
        stack Firelens {
            imported_secret Token { secret_name: "log-token" }
            fargate_task_definition FluentBit {
                cpu: 256,
                memory_limit_mib: 512,
                container log_router {
                    image: ContainerImage::from_registry(FLUENT_BIT),
                    firelens_config: FirelensConfig::default().options(
                        FirelensOptions::default()
                            .config_file_type(FirelensConfigFileType::S3)
                            .config_file_value("arn:aws:s3:::log-config/fluent-bit.conf"),
                    ),
                    memory_reservation_mib: 50,
                }
                container app {
                    image: ContainerImage::from_registry("public.ecr.aws/nginx/nginx:1.27"),
                    logging: LogDriver::firelens(
                        FirelensLogDriverProps::default()
                            .options([
                                ("Name", "firehose"),
                                ("region", "us-east-1"),
                                ("delivery_stream", "app-logs"),
                            ])
                            .secret_options([("token", Secret::from_secrets_manager(Token))]),
                    ),
                }
            }
            ec2_task_definition Fluentd {
                container log_router {
                    image: ContainerImage::from_registry("public.ecr.aws/docker/library/fluentd:v1.16"),
                    firelens_config: FirelensConfig::default()
                        .router_type(FirelensLogRouterType::Fluentd)
                        .options(FirelensOptions::default()
                            .enable_ecs_log_metadata(false)
                            .config_file_type(FirelensConfigFileType::File)
                            .config_file_value("/fluentd/etc/extra.conf")),
                    memory_limit_mib: 256,
                }
            }
            ec2_task_definition Plain {
                container router {
                    image: ContainerImage::from_registry(FLUENT_BIT),
                    firelens_config: FirelensConfig::default(),
                    memory_limit_mib: 128,
                }
            }
            ec2_task_definition MetadataOnly {
                container router {
                    image: ContainerImage::from_registry(FLUENT_BIT),
                    firelens_config: FirelensConfig::default().options(FirelensOptions::default()),
                    memory_limit_mib: 128,
                }
            }
        }
    }
    .unwrap();
    assert_matches_cdk(App::from(app), "firelens");
}
