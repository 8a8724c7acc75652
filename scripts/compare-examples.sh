#!/usr/bin/env bash
# For each line `<example> <golden>` of tests/golden/EXAMPLES: synthesize the example into a temp
# cloud assembly, score it against tests/golden/<golden>.template.json with the oracle's compare.py
# (must be `score: 1.000` with every logical ID and every leaf matched), and cfn-lint every template
# it wrote (no errors, no warnings: cfn-lint's exit code must have neither bit 2 nor bit 4, nor 1;
# except findings the golden reference has as well, which the CDK itself produces),
# and run scripts/cfn_validate.py (AWS CloudFormation Validate) on them (no errors).
# A multi-stack golden (<golden>.<Stack>.template.json) is compared stack by stack. A golden of
# `-` marks an example without a CDK reference (e.g. quickstart): it is only linted and validated.
#
# Usage: scripts/compare-examples.sh [example ...]     (default: every line of EXAMPLES)
# Env:   SHARED_DIR     the shared/ checkout (default: ../shared relative to the repo root)
#        SYNTH_CMD      command that synthesizes an example into $CDK_OUTDIR, the example name
#                       appended (default: `cargo run -q --example`); for testing this script
#        KEEP_OUT=1     keep the temp dir with the assemblies and logs
# Exit status 0 only if every example passes. One summary line per example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${SHARED_DIR:-$root/../shared}" && pwd)
compare="$shared/oracle/compare.py"
golden="$root/tests/golden"
read -r -a synth <<< "${SYNTH_CMD:-cargo run -q --example}"
tmp=$(mktemp -d)
if [ "${KEEP_OUT:-}" = 1 ]; then echo "output kept in $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
cd "$root"

# Whether every cfn-lint finding of candidate $1 is one the CDK's own reference template has
# too (rule id, at most as often): the references of some oracle apps carry the CDK's findings,
# e.g. E3049 (bridge-mode target groups without an explicit `traffic-port`) or E1159 (the
# README's placeholder certificate ARNs), and a faithful template reproduces them.
only_reference_findings() {
  local t=$1 gold=$2 ref
  [ "$gold" != "-" ] || return 1
  if [ -f "$golden/$gold.template.json" ]; then ref="$golden/$gold.template.json"
  else ref="$golden/$gold.$(basename "$t")"; fi
  [ -f "$ref" ] || return 1
  rule_ids() { cfn-lint --format parseable -- "$1" 2> /dev/null | grep -oE ':[EWI][0-9]{4}:' | tr -d : | sort || true; }
  # A rule id the candidate has more often than the reference is left over.
  [ -z "$(comm -23 <(rule_ids "$t") <(rule_ids "$ref"))" ]
}

declare -a summary=()
failed=0
only=("$@")

while read -r example gold rest; do
  case "$example" in ''|'#'*) continue ;; esac
  if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $example "* ]]; then continue; fi
  out="$tmp/$example"
  log="$tmp/$example.log"
  problems=()

  # 1. synthesize
  if ! CDK_OUTDIR="$out" "${synth[@]}" "$example" > "$log" 2>&1; then
    echo "---- $example: synthesis failed"; tail -n 40 "$log"
    summary+=("FAIL $example: synthesis failed (exit status)"); failed=1; continue
  fi
  if [ ! -f "$out/manifest.json" ]; then
    summary+=("FAIL $example: no $out/manifest.json written"); failed=1; continue
  fi

  # 2. compare with the golden template(s): pairs of (golden file, candidate)
  pairs=()
  if [ -f "$golden/$gold.template.json" ]; then
    pairs+=("$golden/$gold.template.json" "$out")
  else
    shopt -s nullglob
    for g in "$golden/$gold".*.template.json; do
      stack=${g#"$golden/$gold."}
      pairs+=("$g" "$out/$stack")
    done
    shopt -u nullglob
  fi
  if [ ${#pairs[@]} -eq 0 ] && [ "$gold" != "-" ]; then
    summary+=("FAIL $example: no golden tests/golden/$gold.template.json (or $gold.<Stack>.template.json)"); failed=1; continue
  fi
  scores=()
  [ "$gold" != "-" ] || scores+=("no golden, lint only")
  for ((i = 0; i < ${#pairs[@]}; i += 2)); do
    g=${pairs[i]}; c=${pairs[i+1]}
    report="$tmp/$example.$(basename "$g" .template.json).compare"
    python3 "$compare" "$g" "$c" > "$report" 2>&1 || true
    last=$(tail -n 1 "$report")
    scores+=("$last")
    if [[ "$last" =~ ^score:\ 1\.000\ \(ids\ ([0-9]+)/([0-9]+),\ leaves\ ([0-9]+)/([0-9]+)\)$ ]] &&
       [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[3]}" = "${BASH_REMATCH[4]}" ]; then
      :
    else
      problems+=("$(basename "$g"): $last")
      echo "---- $example vs $(basename "$g")"; head -n 60 "$report"
    fi
  done

  # 3. cfn-lint every template the example wrote
  shopt -s nullglob
  templates=("$out"/*.template.json)
  shopt -u nullglob
  [ ${#templates[@]} -gt 0 ] || problems+=("no *.template.json in the assembly")
  lint_note="cfn-lint clean"
  for t in "${templates[@]}"; do
    rc=0
    cfn-lint -- "$t" > "$tmp/lint.out" 2>&1 || rc=$?
    if (( rc & 7 )) && only_reference_findings "$t" "$gold"; then
      lint_note="cfn-lint: only the reference's own findings ($(grep -oE '^[EW][0-9]{4}' "$tmp/lint.out" | sort -u | tr '\n' ' ' | sed 's/ $//'))"
    elif (( rc & 7 )); then
      problems+=("cfn-lint $(basename "$t"): exit $rc, $(grep -cE '^[EW][0-9]' "$tmp/lint.out" || true) findings")
      echo "---- cfn-lint $example/$(basename "$t")"; head -n 60 "$tmp/lint.out"
    fi
  done

  # 4. AWS CloudFormation Validate: no errors (SPEC §2)
  if [ ${#templates[@]} -gt 0 ] && ! python3 "$root/scripts/cfn_validate.py" "${templates[@]}" > "$tmp/validate.out" 2>&1; then
    problems+=("cloudformation-validate: $(grep -cE '\[(ERROR|FATAL)\]' "$tmp/validate.out" || true) error(s)")
    echo "---- cloudformation-validate $example"; head -n 60 "$tmp/validate.out"
  fi

  if [ ${#problems[@]} -eq 0 ]; then
    summary+=("ok   $example = $gold: ${scores[*]}; $lint_note, cloudformation-validate no errors (${#templates[@]} template(s))")
  else
    failed=1
    summary+=("FAIL $example vs $gold: $(IFS='; '; echo "${problems[*]}")")
  fi
done < "$golden/EXAMPLES"

# Every example is checked: one missing from EXAMPLES is an error, not a silent skip.
if [ ${#only[@]} -eq 0 ]; then
  for f in "$root"/examples/*.rs; do
    name=$(basename "$f" .rs)
    if ! grep -qE "^$name[[:space:]]" "$golden/EXAMPLES"; then
      summary+=("FAIL $name: not listed in tests/golden/EXAMPLES (add \`$name <golden>\` or \`$name -\`)"); failed=1
    fi
  done
fi

echo "==== compare-examples summary"
if [ ${#summary[@]} -eq 0 ]; then echo "no examples matched"; exit 2; fi
printf '%s\n' "${summary[@]}"
exit $failed
