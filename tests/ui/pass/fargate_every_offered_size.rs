// F2: every cpu/memory pair Fargate offers (74 pairs, SPEC §4) compiles through the macro.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Sizes {
            fargate_task_definition T256x512 { cpu: 256, memory_limit_mib: 512 }
            fargate_task_definition T256x1024 { cpu: 256, memory_limit_mib: 1024 }
            fargate_task_definition T256x2048 { cpu: 256, memory_limit_mib: 2048 }
            fargate_task_definition T512x1024 { cpu: 512, memory_limit_mib: 1024 }
            fargate_task_definition T512x2048 { cpu: 512, memory_limit_mib: 2048 }
            fargate_task_definition T512x3072 { cpu: 512, memory_limit_mib: 3072 }
            fargate_task_definition T512x4096 { cpu: 512, memory_limit_mib: 4096 }
            fargate_task_definition T1024x2048 { cpu: 1024, memory_limit_mib: 2048 }
            fargate_task_definition T1024x3072 { cpu: 1024, memory_limit_mib: 3072 }
            fargate_task_definition T1024x4096 { cpu: 1024, memory_limit_mib: 4096 }
            fargate_task_definition T1024x5120 { cpu: 1024, memory_limit_mib: 5120 }
            fargate_task_definition T1024x6144 { cpu: 1024, memory_limit_mib: 6144 }
            fargate_task_definition T1024x7168 { cpu: 1024, memory_limit_mib: 7168 }
            fargate_task_definition T1024x8192 { cpu: 1024, memory_limit_mib: 8192 }
            fargate_task_definition T2048x4096 { cpu: 2048, memory_limit_mib: 4096 }
            fargate_task_definition T2048x5120 { cpu: 2048, memory_limit_mib: 5120 }
            fargate_task_definition T2048x6144 { cpu: 2048, memory_limit_mib: 6144 }
            fargate_task_definition T2048x7168 { cpu: 2048, memory_limit_mib: 7168 }
            fargate_task_definition T2048x8192 { cpu: 2048, memory_limit_mib: 8192 }
            fargate_task_definition T2048x9216 { cpu: 2048, memory_limit_mib: 9216 }
            fargate_task_definition T2048x10240 { cpu: 2048, memory_limit_mib: 10240 }
            fargate_task_definition T2048x11264 { cpu: 2048, memory_limit_mib: 11264 }
            fargate_task_definition T2048x12288 { cpu: 2048, memory_limit_mib: 12288 }
            fargate_task_definition T2048x13312 { cpu: 2048, memory_limit_mib: 13312 }
            fargate_task_definition T2048x14336 { cpu: 2048, memory_limit_mib: 14336 }
            fargate_task_definition T2048x15360 { cpu: 2048, memory_limit_mib: 15360 }
            fargate_task_definition T2048x16384 { cpu: 2048, memory_limit_mib: 16384 }
            fargate_task_definition T4096x8192 { cpu: 4096, memory_limit_mib: 8192 }
            fargate_task_definition T4096x9216 { cpu: 4096, memory_limit_mib: 9216 }
            fargate_task_definition T4096x10240 { cpu: 4096, memory_limit_mib: 10240 }
            fargate_task_definition T4096x11264 { cpu: 4096, memory_limit_mib: 11264 }
            fargate_task_definition T4096x12288 { cpu: 4096, memory_limit_mib: 12288 }
            fargate_task_definition T4096x13312 { cpu: 4096, memory_limit_mib: 13312 }
            fargate_task_definition T4096x14336 { cpu: 4096, memory_limit_mib: 14336 }
            fargate_task_definition T4096x15360 { cpu: 4096, memory_limit_mib: 15360 }
            fargate_task_definition T4096x16384 { cpu: 4096, memory_limit_mib: 16384 }
            fargate_task_definition T4096x17408 { cpu: 4096, memory_limit_mib: 17408 }
            fargate_task_definition T4096x18432 { cpu: 4096, memory_limit_mib: 18432 }
            fargate_task_definition T4096x19456 { cpu: 4096, memory_limit_mib: 19456 }
            fargate_task_definition T4096x20480 { cpu: 4096, memory_limit_mib: 20480 }
            fargate_task_definition T4096x21504 { cpu: 4096, memory_limit_mib: 21504 }
            fargate_task_definition T4096x22528 { cpu: 4096, memory_limit_mib: 22528 }
            fargate_task_definition T4096x23552 { cpu: 4096, memory_limit_mib: 23552 }
            fargate_task_definition T4096x24576 { cpu: 4096, memory_limit_mib: 24576 }
            fargate_task_definition T4096x25600 { cpu: 4096, memory_limit_mib: 25600 }
            fargate_task_definition T4096x26624 { cpu: 4096, memory_limit_mib: 26624 }
            fargate_task_definition T4096x27648 { cpu: 4096, memory_limit_mib: 27648 }
            fargate_task_definition T4096x28672 { cpu: 4096, memory_limit_mib: 28672 }
            fargate_task_definition T4096x29696 { cpu: 4096, memory_limit_mib: 29696 }
            fargate_task_definition T4096x30720 { cpu: 4096, memory_limit_mib: 30720 }
            fargate_task_definition T8192x16384 { cpu: 8192, memory_limit_mib: 16384 }
            fargate_task_definition T8192x20480 { cpu: 8192, memory_limit_mib: 20480 }
            fargate_task_definition T8192x24576 { cpu: 8192, memory_limit_mib: 24576 }
            fargate_task_definition T8192x28672 { cpu: 8192, memory_limit_mib: 28672 }
            fargate_task_definition T8192x32768 { cpu: 8192, memory_limit_mib: 32768 }
            fargate_task_definition T8192x36864 { cpu: 8192, memory_limit_mib: 36864 }
            fargate_task_definition T8192x40960 { cpu: 8192, memory_limit_mib: 40960 }
            fargate_task_definition T8192x45056 { cpu: 8192, memory_limit_mib: 45056 }
            fargate_task_definition T8192x49152 { cpu: 8192, memory_limit_mib: 49152 }
            fargate_task_definition T8192x53248 { cpu: 8192, memory_limit_mib: 53248 }
            fargate_task_definition T8192x57344 { cpu: 8192, memory_limit_mib: 57344 }
            fargate_task_definition T8192x61440 { cpu: 8192, memory_limit_mib: 61440 }
            fargate_task_definition T16384x32768 { cpu: 16384, memory_limit_mib: 32768 }
            fargate_task_definition T16384x40960 { cpu: 16384, memory_limit_mib: 40960 }
            fargate_task_definition T16384x49152 { cpu: 16384, memory_limit_mib: 49152 }
            fargate_task_definition T16384x57344 { cpu: 16384, memory_limit_mib: 57344 }
            fargate_task_definition T16384x65536 { cpu: 16384, memory_limit_mib: 65536 }
            fargate_task_definition T16384x73728 { cpu: 16384, memory_limit_mib: 73728 }
            fargate_task_definition T16384x81920 { cpu: 16384, memory_limit_mib: 81920 }
            fargate_task_definition T16384x90112 { cpu: 16384, memory_limit_mib: 90112 }
            fargate_task_definition T16384x98304 { cpu: 16384, memory_limit_mib: 98304 }
            fargate_task_definition T16384x106496 { cpu: 16384, memory_limit_mib: 106496 }
            fargate_task_definition T16384x114688 { cpu: 16384, memory_limit_mib: 114688 }
            fargate_task_definition T16384x122880 { cpu: 16384, memory_limit_mib: 122880 }
        }
    };
    if let Err(error) = app {
        panic!("{error}");
    }
}
