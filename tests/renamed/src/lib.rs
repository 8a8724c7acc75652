//! `ecs_app!` with the `ecs-app` dependency renamed to `ecs`: the expansion reaches the runtime
//! through the facade's `$crate`, not through a crate name it assumes.

/// An app declared through the renamed dependency.
///
/// ```
/// assert_eq!(ecs_app_renamed::app().unwrap().stacks().len(), 1);
/// ```
pub fn app() -> Result<ecs::App, ecs::Error> {
    use ecs::prelude::*;
    ecs_app! {
        stack Renamed {
            vpc Vpc { max_azs: 2 }
            cluster Cluster { vpc: Vpc }
            fargate_task_definition TaskDef {
                cpu: 256,
                memory_limit_mib: 512,
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    port_mappings: [80],
                }
            }
            fargate_service Service { cluster: Cluster, task_definition: TaskDef }
        }
    }
    .map(App::from)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_renamed_dependency_expands_and_synthesizes() {
        let app = super::app().unwrap();
        let templates = app.templates().unwrap();
        let resources = &templates[0].1["Resources"];
        assert_eq!(resources["ServiceD69D759B"]["Type"], "AWS::ECS::Service");
    }

    #[test]
    fn the_macro_is_reachable_by_its_path() {
        let app = ecs::ecs_app! { stack Web {} };
        assert!(app.is_ok());
    }
}
