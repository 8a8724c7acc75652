//! The synthesis benchmark's app: at N = 10, the builder API synthesizes the template the CDK's
//! bench app synthesizes (`tests/golden/apps/bench-10.js`), so the benchmark times the same work
//! on both sides.

#[path = "../../benches/bench_app/mod.rs"]
mod bench_app;

#[test]
fn bench_app_at_ten_services_matches_the_cdk() {
    crate::support::assert_matches_cdk(bench_app::app(10).unwrap(), "bench-10");
}
