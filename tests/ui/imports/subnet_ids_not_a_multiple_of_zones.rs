// An imported vpc lists 3 private subnets for 2 zones: each subnet group has one subnet per zone.
use ecs_app::prelude::*;

fn main() {
    let app = ecs_app! {
        stack Web {
            imported_vpc Vpc {
                vpc_id: "vpc-0a1b2c3d",
                availability_zones: ["us-east-1a", "us-east-1b"],
                private_subnet_ids: ["subnet-0a000001", "subnet-0a000002", "subnet-0a000003"],
            }
        }
    };
    let _ = app;
}
