//! Each rule of the organization's policy rejects what it must, while compiling; a compliant
//! app with a recorded waiver builds.

#[test]
fn the_policy_rejects_what_it_must() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/pass/*.rs");
}
