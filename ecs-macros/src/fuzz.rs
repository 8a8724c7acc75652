//! A mutation fuzzer of the whole pipeline (parse → model → resolve → check → expand): every
//! `ecs_app!` body of the examples and ui cases is a seed; each case mutates one seed's token
//! tree a few times and runs [`expand::ecs_app`] under `catch_unwind`. Whatever the input, the
//! macro must answer with code or `compile_error!`s, never a panic ("proc macro panicked" tells
//! the user nothing). A panic fails the test with the input, minimized.
//!
//! Deterministic: the same seed (`ECS_FUZZ_SEED`) gives the same cases. How many cases:
//! `ECS_FUZZ_CASES` (default 2000, so `cargo test` stays quick); `ECS_FUZZ_SECONDS` stops
//! earlier. A long run:
//! `ECS_FUZZ_CASES=1000000 cargo test -p ecs-macros --release fuzz -- --nocapture`.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};

use crate::expand;

/// A token tree the mutations can edit in place.
#[derive(Clone, Debug)]
enum Tok {
    Leaf(TokenTree),
    Group(Delimiter, Vec<Tok>),
}

fn from_stream(stream: TokenStream) -> Vec<Tok> {
    stream
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(g) => Tok::Group(g.delimiter(), from_stream(g.stream())),
            leaf => Tok::Leaf(leaf),
        })
        .collect()
}

fn to_stream(toks: &[Tok]) -> TokenStream {
    toks.iter()
        .map(|tok| match tok {
            Tok::Leaf(leaf) => leaf.clone(),
            Tok::Group(delimiter, inner) => {
                TokenTree::Group(Group::new(*delimiter, to_stream(inner)))
            }
        })
        .collect()
}

fn count(toks: &[Tok]) -> usize {
    toks.iter()
        .map(|t| match t {
            Tok::Leaf(_) => 1,
            Tok::Group(_, inner) => 1 + count(inner),
        })
        .sum()
}

/// xorshift64*: small, fast and reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---- seeds ----

/// The body of every `ecs_app! { … }` in `tokens`, nested ones included.
pub(crate) fn invocations(tokens: TokenStream, out: &mut Vec<TokenStream>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        let TokenTree::Group(group) = tree else {
            continue;
        };
        let is_call = i >= 2
            && matches!(&trees[i - 2], TokenTree::Ident(id) if id == "ecs_app")
            && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '!');
        if is_call {
            out.push(group.stream());
        } else {
            invocations(group.stream(), out);
        }
    }
}

pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `ecs_app!` bodies of the repository's examples and ui cases, in a fixed order.
fn seeds() -> Vec<Vec<Tok>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    rust_files(&root.join("examples"), &mut files);
    rust_files(&root.join("tests/ui"), &mut files);
    files.sort();
    let mut bodies = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        let tokens: TokenStream = text.parse().expect("a file that lexes");
        invocations(tokens, &mut bodies);
    }
    assert!(bodies.len() > 50, "found only {} seeds", bodies.len());
    bodies.into_iter().map(from_stream).collect()
}

// ---- mutations ----

/// Values at the edges of what the rules and the builders read.
const LITERALS: &[&str] = &[
    "0",
    "1",
    "65535",
    "65536",
    "2147483648",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "99999999999999999999",
    "0u8",
    "300u64",
    "1_000_000",
    "0.5",
    "1e309",
    "-1",
    "'x'",
    "b\"bytes\"",
    "\"\"",
    "\"0\"",
    "\"-1\"",
    "\"9999999999\"",
    "\"4294967296\"",
    "\"1.4.0\"",
    "\"1.99999999999.0\"",
    "\"LATEST\"",
    "\"FARGATE\"",
    "\"FARGATE_SPOT\"",
    "\"0-Asg\"",
    "\"my web\"",
    "\"é\"",
    "\"a.b\"",
    "\"*\"",
    "\"256\"",
    "\"0.25 vCPU\"",
    "\"99999999999 vCPU\"",
    "\"1 GB\"",
    "\"99999999999 GB\"",
    "\"cron(0 * * * ? *)\"",
    "\"rate(0 minutes)\"",
    "\"rate(99999999999 days)\"",
    "\"at(2030-01-01T00:00:00)\"",
    "\"arn:aws:iam::aws:policy/X\"",
    "r\"raw\"",
];

fn literal(rng: &mut Rng) -> Vec<Tok> {
    if rng.below(20) == 0 {
        let huge = format!("{:?}", "x".repeat(rng.below(100_000)));
        return vec![Tok::Leaf(TokenTree::Literal(
            huge.parse().expect("a literal"),
        ))];
    }
    let text = rng.pick(LITERALS);
    let stream: TokenStream = text.parse().expect("a literal");
    from_stream(stream)
}

fn punct(rng: &mut Rng) -> Tok {
    let c = *rng.pick(&[
        ':', ',', '-', '.', '!', '#', '&', '*', '+', '<', '>', '=', '?', ';',
    ]);
    let spacing = if rng.below(2) == 0 {
        Spacing::Alone
    } else {
        Spacing::Joint
    };
    Tok::Leaf(TokenTree::Punct(Punct::new(c, spacing)))
}

/// Where a mutation applies: a token list and an index in it.
fn locate<'a>(toks: &'a mut Vec<Tok>, rng: &mut Rng) -> (&'a mut Vec<Tok>, usize) {
    let mut list = toks;
    loop {
        let len = list.len();
        if len == 0 {
            return (list, 0);
        }
        let index = rng.below(len);
        // Go down into a group about half the time, to reach nested properties.
        let descend = rng.below(2) == 0 && matches!(list[index], Tok::Group(..));
        if !descend {
            return (list, index);
        }
        let Tok::Group(_, inner) = &mut list[index] else {
            unreachable!("checked above")
        };
        list = inner;
    }
}

fn random_subtree(seeds: &[Vec<Tok>], rng: &mut Rng) -> Vec<Tok> {
    let mut seed = rng.pick(seeds).clone();
    let (list, index) = locate(&mut seed, rng);
    if list.is_empty() {
        return Vec::new();
    }
    let len = 1 + rng.below(4.min(list.len() - index));
    list[index..index + len].to_vec()
}

/// Splits a stack in two after one of its items, so references cross stacks.
fn split_stack(toks: &mut Vec<Tok>, rng: &mut Rng) {
    let stacks: Vec<usize> = (0..toks.len())
        .filter(|&i| matches!(toks[i], Tok::Group(Delimiter::Brace, _)))
        .collect();
    if stacks.is_empty() {
        return;
    }
    let at = *rng.pick(&stacks);
    let Tok::Group(_, body) = &mut toks[at] else {
        unreachable!("a brace group")
    };
    let ends: Vec<usize> = (0..body.len())
        .filter(|&i| matches!(body[i], Tok::Group(..)))
        .map(|i| i + 1)
        .collect();
    if ends.is_empty() {
        return;
    }
    let rest = body.split_off(*rng.pick(&ends));
    let name = format!("Split{}", rng.below(1000));
    let new = [
        Tok::Leaf(TokenTree::Ident(Ident::new("stack", Span::call_site()))),
        Tok::Leaf(TokenTree::Ident(Ident::new(&name, Span::call_site()))),
        Tok::Group(Delimiter::Brace, rest),
    ];
    toks.splice(at + 1..at + 1, new);
}

fn mutate(toks: &mut Vec<Tok>, seeds: &[Vec<Tok>], idents: &[String], rng: &mut Rng) {
    if rng.below(16) == 0 {
        split_stack(toks, rng);
        return;
    }
    let (list, index) = locate(toks, rng);
    let len = list.len();
    match rng.below(13) {
        // Delete a token (or a run of them).
        0 | 1 if len > 0 => {
            let end = (index + 1 + rng.below(3)).min(len);
            list.drain(index..end);
        }
        // Duplicate one.
        2 if len > 0 => {
            let tok = list[index].clone();
            list.insert(index, tok);
        }
        // Swap two.
        3 if len > 1 => {
            let other = rng.below(len);
            list.swap(index, other);
        }
        // Replace with a boundary literal.
        4 | 5 => {
            let lit = literal(rng);
            if len == 0 {
                list.extend(lit);
            } else {
                list.splice(index..index + 1, lit);
            }
        }
        // Replace with an ident of the corpus.
        6 | 7 => {
            let ident = Tok::Leaf(TokenTree::Ident(Ident::new(
                rng.pick(idents).as_str(),
                Span::call_site(),
            )));
            if len == 0 {
                list.push(ident);
            } else {
                list[index] = ident;
            }
        }
        // Splice in a subtree of another seed.
        8 | 9 => {
            let sub = random_subtree(seeds, rng);
            list.splice(index..index, sub);
        }
        // Change a group's delimiter, or empty it.
        10 if len > 0 => {
            if let Tok::Group(delimiter, inner) = &mut list[index] {
                if rng.below(4) == 0 {
                    inner.clear();
                } else {
                    *delimiter = *rng.pick(&[
                        Delimiter::Brace,
                        Delimiter::Bracket,
                        Delimiter::Parenthesis,
                        Delimiter::None,
                    ]);
                }
            }
        }
        // Insert a punctuation mark.
        11 => list.insert(index, punct(rng)),
        // Wrap a token in a group.
        _ if len > 0 => {
            let tok = list.remove(index);
            let delimiter = *rng.pick(&[Delimiter::Brace, Delimiter::Bracket, Delimiter::None]);
            list.insert(index, Tok::Group(delimiter, vec![tok]));
        }
        _ => list.push(punct(rng)),
    }
}

fn idents_of(toks: &[Tok], out: &mut Vec<String>) {
    for tok in toks {
        match tok {
            Tok::Leaf(TokenTree::Ident(ident)) => out.push(ident.to_string()),
            Tok::Group(_, inner) => idents_of(inner, out),
            Tok::Leaf(_) => {}
        }
    }
}

// ---- running ----

thread_local! {
    /// Set while this thread runs fuzz cases: panics are recorded, not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs the pipeline on `toks`; the panic's location and message if it panics.
fn run(toks: &[Tok]) -> Option<String> {
    let input = to_stream(toks);
    let result = panic::catch_unwind(AssertUnwindSafe(|| expand::ecs_app(input)));
    result
        .is_err()
        .then(|| LAST_PANIC.with(|p| p.borrow().clone()))
}

/// Where a panic came from, for telling panics apart.
fn location(report: &str) -> &str {
    report.split(": ").next().unwrap_or(report)
}

/// `toks` with tokens deleted while the same panic remains.
fn minimize(mut toks: Vec<Tok>, report: &str) -> Vec<Tok> {
    fn removals(toks: &[Tok], path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        for (i, tok) in toks.iter().enumerate() {
            path.push(i);
            out.push(path.clone());
            if let Tok::Group(_, inner) = tok {
                removals(inner, path, out);
            }
            path.pop();
        }
    }
    fn remove(toks: &mut Vec<Tok>, path: &[usize]) {
        match path {
            [i] => {
                toks.remove(*i);
            }
            [i, rest @ ..] => {
                if let Tok::Group(_, inner) = &mut toks[*i] {
                    remove(inner, rest);
                }
            }
            [] => {}
        }
    }
    let place = location(report).to_string();
    let mut progress = true;
    while progress {
        progress = false;
        let mut paths = Vec::new();
        removals(&toks, &mut Vec::new(), &mut paths);
        // Outer tokens first: removing a whole group saves the most.
        for path in paths.iter().rev() {
            let mut candidate = toks.clone();
            remove(&mut candidate, path);
            if run(&candidate).is_some_and(|r| location(&r) == place) {
                toks = candidate;
                progress = true;
                break;
            }
        }
    }
    toks
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .trim()
            .replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("`{name}` is not a number: {value}")),
    )
}

#[test]
fn fuzz_pipeline_never_panics() {
    let cases = env_number("ECS_FUZZ_CASES").unwrap_or(2000);
    let deadline = env_number("ECS_FUZZ_SECONDS").map(|s| Instant::now() + Duration::from_secs(s));
    let mut rng = Rng(env_number("ECS_FUZZ_SEED").unwrap_or(0x5eed_ec5a_4411_u64) | 1);
    let seeds = seeds();
    let mut idents = Vec::new();
    for seed in &seeds {
        idents_of(seed, &mut idents);
    }
    idents.sort();
    idents.dedup();

    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if QUIET.with(Cell::get) {
            let place = info
                .location()
                .map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            LAST_PANIC.with(|p| *p.borrow_mut() = format!("{place}: {message}"));
        } else {
            previous(info);
        }
    }));
    QUIET.with(|q| q.set(true));

    // The seeds themselves first: each must expand without a panic.
    let mut failures: Vec<(String, String)> = Vec::new();
    let record = |toks: Vec<Tok>, report: String, failures: &mut Vec<(String, String)>| {
        if failures
            .iter()
            .all(|(r, _)| location(r) != location(&report))
        {
            let small = minimize(toks, &report);
            failures.push((report, to_stream(&small).to_string()));
        }
    };
    for seed in &seeds {
        if let Some(report) = run(seed) {
            record(seed.clone(), report, &mut failures);
        }
    }
    let mut ran = 0u64;
    while ran < cases && deadline.is_none_or(|d| Instant::now() < d) {
        let mut toks = rng.pick(&seeds).clone();
        for _ in 0..1 + rng.below(4) {
            mutate(&mut toks, &seeds, &idents, &mut rng);
        }
        // Keep inputs to the size of real apps.
        if count(&toks) > 20_000 {
            continue;
        }
        if let Some(report) = run(&toks) {
            record(toks, report, &mut failures);
        }
        ran += 1;
    }
    QUIET.with(|q| q.set(false));
    eprintln!("fuzz: {ran} cases, {} seeds", seeds.len());
    let failures: Vec<String> = failures
        .iter()
        .map(|(report, input)| format!("{report}\n    input: {input}"))
        .collect();
    assert!(
        failures.is_empty(),
        "the pipeline panicked on {} input(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
