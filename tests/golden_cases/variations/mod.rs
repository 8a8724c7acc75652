//! Options and combinations the README's samples do not exercise, against our own CDK apps, one
//! module per app (`tests/golden/apps/<module>.js`, one theme per stack); the connections and
//! cross-stack apps are checked with the services.

mod app_model;
mod automation;
mod cfn_resources;
mod cluster_settings;
mod cluster_storage;
mod connections;
mod container_restart;
mod containers;
mod deployment;
mod deployment_strategies;
mod dual_stack;
mod ebs_volumes;
mod ecs_options;
mod env;
mod firelens;
mod imports;
mod imports_arns;
mod imports_services;
mod logging;
mod machine_images;
mod managed_instances;
mod metrics;
mod multiple_target_groups;
mod pattern_options;
mod queues;
mod roles;
mod scheduled_tasks;
mod service_connect;
mod services;
mod string_tokens;
mod task_features;
mod task_grants;
mod vpc;
mod vpc_lookup;

/// The image of every container of these apps.
const IMAGE: &str = "public.ecr.aws/nginx/nginx:1.27";
