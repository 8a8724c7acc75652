//! Golden test of the synthesis benchmark's app (issue 7): at N = 10, the builder API
//! synthesizes the template the CDK's bench app synthesizes (`tests/golden/apps/bench-10.js`),
//! so the benchmark times the same work on both sides.

mod support;

#[path = "../benches/bench_app/mod.rs"]
mod bench_app;

#[test]
fn bench_app_at_ten_services_matches_the_cdk() {
    support::assert_matches_cdk(bench_app::app(10).unwrap(), "bench-10");
}
