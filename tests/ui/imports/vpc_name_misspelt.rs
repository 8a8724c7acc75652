// A service's cluster names an imported vpc where a cluster is expected, and a misspelt one.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            imported_vpc Network {
                vpc_id: "vpc-0a1b2c3d",
                availability_zones: ["us-east-1a"],
                private_subnet_ids: ["subnet-0a000001"],
            }
            imported_cluster Shared { cluster_name: "shared", vpc: Netwrok }
        }
    };
    let _ = app;
}
