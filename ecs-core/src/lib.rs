pub mod rules;
pub mod service;
pub mod task_definition;
