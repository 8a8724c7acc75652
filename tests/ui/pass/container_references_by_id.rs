// Containers name each other by id, declared before or after them, as constructs name
// constructs: links with and without an alias, dependencies with a condition, volumes read-only
// or read-write. Ids and names mix with the string and expression forms, and a container named
// by id renders under its `container_name`.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            ec2_task_definition TaskDef {
                container init {
                    image: ContainerImage::from_registry("busybox"),
                    memory_limit_mib: 128,
                    essential: false,
                }
                container web {
                    image: ContainerImage::from_registry("nginx"),
                    memory_limit_mib: 256,
                    links: [redis, { container: init, alias: "setup" }, "data:files"],
                    container_dependencies: [
                        init,
                        { container: redis, condition: Start },
                        ContainerDependency::new("data").condition(ContainerDependencyCondition::Complete),
                    ],
                    volumes_from: [storage, { source_container: init, read_only: true }],
                }
                container redis { image: ContainerImage::from_registry("redis"), memory_limit_mib: 256 }
                container storage {
                    image: ContainerImage::from_registry("busybox"),
                    memory_limit_mib: 128,
                    container_name: "data",
                    container_dependencies: [{ container: init, condition: ContainerDependencyCondition::Success }],
                }
            }
        }
    };
    let templates = app.unwrap().templates().unwrap();
    let containers = &templates[0].1["Resources"]["TaskDef54694570"]["Properties"]["ContainerDefinitions"];
    let web = &containers[1];
    assert_eq!(web["Links"], serde_json::json!(["redis", "init:setup", "data:files"]));
    assert_eq!(
        web["DependsOn"],
        serde_json::json!([
            { "Condition": "HEALTHY", "ContainerName": "init" },
            { "Condition": "START", "ContainerName": "redis" },
            { "Condition": "COMPLETE", "ContainerName": "data" },
        ])
    );
    assert_eq!(
        web["VolumesFrom"],
        serde_json::json!([
            { "ReadOnly": false, "SourceContainer": "data" },
            { "ReadOnly": true, "SourceContainer": "init" },
        ])
    );
    assert_eq!(
        containers[3]["DependsOn"],
        serde_json::json!([{ "Condition": "SUCCESS", "ContainerName": "init" }])
    );
}
