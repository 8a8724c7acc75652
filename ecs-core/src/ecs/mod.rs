//! Amazon ECS (CDK `aws-ecs`): clusters and their capacity, task definitions and containers,
//! services and how they reach load balancers, Cloud Map and auto scaling, ECS Exec; with the
//! rule table and the facts the rules judge.

pub mod capacity;
pub mod capacity_provider;
pub mod cdk_checks;
pub mod cloud_map;
pub mod cluster;
pub mod container;
pub mod container_options;
pub mod deployment_strategy;
pub mod exec;
pub mod facts;
pub mod image;
pub mod imported_service;
pub mod lints;
pub mod load_balancing;
pub mod log_driver;
pub mod managed_instances;
pub mod metrics;
pub mod rules;
pub mod scaling;
pub mod secret;
pub mod service;
pub mod service_connect;
pub mod service_managed_volume;
pub mod task_definition;
pub mod volume;
