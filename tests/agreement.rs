//! The macro and the builders agree: every ui case the macro refuses only by its rules (not by
//! syntax or names) is also built through the builders alone, which must fail with the same
//! message (or, for a case refused by a const check, fail); every pass case must build and
//! validate. The cases are generated from `tests/ui`
//! into `agreement/generated.rs` (see `ecs-macros/src/agreement.rs`); each includes its ui file
//! with `ecs_app!` standing for `__private_v1::ecs_app_unchecked!`, the same expansion without the
//! compile-time checks.

use std::panic::{self, AssertUnwindSafe};

use ecs_app::construct::Built;
use ecs_app::{App, Error};

#[rustfmt::skip]
// The ui cases import the prelude for `ecs_app!`, which the cases shadow.
#[allow(unused_imports)]
#[path = "agreement/generated.rs"]
mod generated;

/// Where the builders are known to disagree with the macro: (case, why). Each entry is a gap to
/// close; an entry whose case agrees fails the test, so the list only shrinks.
const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[];

/// The value of a case's `ecs_app!`, carried out of its `main` by unwinding, so nothing after
/// the invocation (an `unwrap`, a synthesis) runs.
struct Captured(Result<App, Error>);

/// Stands for the case's `ecs_app!`: hands its value to [`built`] without returning.
fn capture<H>(app: Result<Built<H>, Error>) -> Result<Built<H>, Error> {
    panic::resume_unwind(Box::new(Captured(app.map(App::from))))
}

/// What the builders say of the case whose `main` is `main`: its app, validated and rendered
/// (what synthesis does, without writing).
fn built<R>(main: fn() -> R) -> Result<(), Error> {
    let payload = match panic::catch_unwind(AssertUnwindSafe(main)) {
        Ok(_) => panic!("the case's `main` returned without evaluating its `ecs_app!`"),
        Err(payload) => payload,
    };
    let Captured(app) = *payload
        .downcast::<Captured>()
        .unwrap_or_else(|other| panic::resume_unwind(other));
    app?.templates().map(drop)
}

fn known(case: &str) -> Option<&'static str> {
    KNOWN_DISAGREEMENTS
        .iter()
        .find(|(c, _)| *c == case)
        .map(|(_, why)| *why)
}

/// The disagreement of the builders with a pass case, if any.
fn builds<R>(case: &str, main: fn() -> R) {
    let disagreement = built(main)
        .err()
        .map(|e| format!("the macro accepts it; the builders fail: {e}"));
    judge(case, disagreement);
}

/// The disagreement of the builders with a compile-fail case whose messages are `expected`:
/// the builders must fail, and each of their messages must be one the macro gives.
fn fails<R>(case: &str, main: fn() -> R, expected: &[&str]) {
    let disagreement = match built(main) {
        Ok(()) => Some(format!(
            "the macro refuses it ({}); the builders accept it",
            expected.join(" / ")
        )),
        Err(e) => {
            let other: Vec<&str> = e
                .messages()
                .into_iter()
                .filter(|m| !expected.contains(m))
                .collect();
            (!other.is_empty()).then(|| {
                format!(
                    "the macro says:\n    {}\nthe builders say:\n    {}",
                    expected.join("\n    "),
                    e.messages().join("\n    ")
                )
            })
        }
    };
    judge(case, disagreement);
}

/// [`fails`] for a case refused by a const check. Const evaluation cannot format the value into
/// its message (`fargate \`cpu\` is not a size Fargate offers`), while the builders name it
/// (`cannot use \`cpu: 300\``): only the verdicts are compared.
fn fails_in_const_evaluation<R>(case: &str, main: fn() -> R, expected: &[&str]) {
    let disagreement = built(main).is_ok().then(|| {
        format!(
            "const evaluation refuses it ({}); the builders accept it",
            expected.join(" / ")
        )
    });
    judge(case, disagreement);
}

fn judge(case: &str, disagreement: Option<String>) {
    match (disagreement, known(case)) {
        (Some(d), None) => panic!("the macro and the builders disagree on {case}: {d}"),
        (None, Some(_)) => {
            panic!("{case} agrees now: remove it from KNOWN_DISAGREEMENTS")
        }
        (Some(_), Some(_)) | (None, None) => {}
    }
}

#[test]
fn known_disagreements_name_cases() {
    let generated = include_str!("agreement/generated.rs");
    for (case, why) in KNOWN_DISAGREEMENTS {
        assert!(
            generated.contains(&format!("{case:?}")),
            "{case} is not an agreement case"
        );
        assert!(!why.is_empty(), "{case} needs a reason");
    }
}
