// F2 with values that are not plain integer literals: unit strings, named constants of the types
// the builders accept, constant arithmetic, and a local variable (checked at run time).
use ecs_app::prelude::*;

const CPU: u32 = 1024;
const MEMORY: u32 = 2048;

mod sizes {
    pub const CPU: i32 = 512;
    pub const MEMORY: &str = "4 GB";
}

fn main() {
    let cpu = 4096;
    let app = ecs_app! {
        stack Sizes {
            fargate_task_definition Units { cpu: "1 vCPU", memory_limit_mib: "2 GB" }
            fargate_task_definition Quarter { cpu: ".25 vCPU", memory_limit_mib: "0.5 GB" }
            fargate_task_definition Consts { cpu: CPU, memory_limit_mib: MEMORY }
            fargate_task_definition Paths { cpu: sizes::CPU, memory_limit_mib: sizes::MEMORY }
            fargate_task_definition Mixed { cpu: CPU * 2, memory_limit_mib: 4096 }
            fargate_task_definition Arithmetic { cpu: 256 * 2, memory_limit_mib: 1024 }
            fargate_task_definition Local { cpu: cpu, memory_limit_mib: 8192 }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
