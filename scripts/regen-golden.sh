#!/usr/bin/env bash
# Regenerate tests/golden/<NN-name>.template.json from the oracle's CDK apps with the real
# aws-cdk-lib (the version pinned by ../shared/oracle/package-lock.json).
#
# Usage: scripts/regen-golden.sh [NN-name ...]     (default: the apps listed in tests/golden/APPS)
#        scripts/regen-golden.sh --metadata NAME ... (the whole cloud assembly's metadata, below)
# Env:   SHARED_DIR        the shared/ checkout (default: ../shared relative to the repo root)
#        CDK_NODE_MODULES  a node_modules dir that already has aws-cdk-lib + constructs; without it
#                          the script runs `npm ci` in a temp copy of the oracle's package files.
# An app with one stack writes <NN-name>.template.json; an app with several (41-two-stacks) writes
# <NN-name>.<Stack>.template.json per stack. Templates are normalized by scripts/normalize_template.py.
# Apps listed in tests/golden/ASSEMBLIES also keep the CDK's manifest (<name>.manifest.json) and
# asset manifests (<name>.<Stack>.assets.json), for the tests of the assembly around templates.
#
# --metadata: synthesize with the context the CDK CLI passes (CDK_CONTEXT_JSON: path metadata, asset
# metadata, version reporting) and keep the assembly's metadata in tests/golden/metadata/<NAME>/:
# manifest.json (without the feature-flag report's flags), each <Stack>.template.json as written
# (Metadata, CDKMetadata), each <Stack>.metadata.json and tree.json (indented for review). Stack
# traces (`trace`, `aws:cdk:creationStack`) name files of this machine and are left out.
set -euo pipefail
metadata=0
if [ "${1:-}" = "--metadata" ]; then metadata=1; shift; fi
cli_context='{"aws:cdk:enable-path-metadata":true,"aws:cdk:enable-asset-metadata":true,"aws:cdk:version-reporting":true,"aws:cdk:bundling-stacks":["**"],"@aws-cdk/core:failSynthOnValidationErrors":false}'
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${SHARED_DIR:-$root/../shared}" && pwd)
oracle="$shared/oracle"
golden="$root/tests/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

apps=("$@")
if [ ${#apps[@]} -eq 0 ]; then
  # APPS: app names separated by whitespace; '#' starts a comment
  mapfile -t apps < <(sed 's/#.*//' "$golden/APPS" | tr -s ' \t' '\n' | sed '/^$/d')
fi
[ ${#apps[@]} -gt 0 ] || { echo "no apps given and tests/golden/APPS is empty" >&2; exit 2; }

if [ -n "${CDK_NODE_MODULES:-}" ]; then
  modules=$(cd "$CDK_NODE_MODULES" && pwd)
else
  echo "== npm ci (aws-cdk-lib pinned by $oracle/package-lock.json)"
  cp "$oracle/package.json" "$oracle/package-lock.json" "$tmp/"
  (cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error)
  modules="$tmp/node_modules"
fi
[ -d "$modules/aws-cdk-lib" ] || { echo "no aws-cdk-lib in $modules" >&2; exit 2; }
echo "aws-cdk-lib $(node -p "require('$modules/aws-cdk-lib/package.json').version")"

for app in "${apps[@]}"; do
  name=$(basename "$app" .js)
  # Our own apps (tests/golden/apps) first, then the oracle's.
  js="$golden/apps/$name.js"
  [ -f "$js" ] || js="$oracle/apps/$name.js"
  [ -f "$js" ] || { echo "no such app: $name (neither tests/golden/apps nor the oracle has it)" >&2; exit 2; }
  out="$tmp/out/$name"
  context=""
  [ $metadata -eq 1 ] && context=$cli_context
  if ! CDK_CONTEXT_JSON="$context" NODE_PATH="$modules" CDK_OUTDIR="$out" node "$js" > "$tmp/$name.log" 2>&1; then
    echo "FAILED $name" >&2; cat "$tmp/$name.log" >&2; exit 1
  fi
  if [ $metadata -eq 1 ]; then
    dest="$golden/metadata/$name"
    rm -rf "$dest"; mkdir -p "$dest"
    python3 - "$out" "$dest" <<'PY'
import json, os, shutil, sys
out, dest = sys.argv[1:]
def dump(value, name, indent):
    with open(os.path.join(dest, name), "w") as f:
        json.dump(value, f, indent=indent, ensure_ascii=False)
        f.write("\n")
manifest = json.load(open(os.path.join(out, "manifest.json")))
report = manifest["artifacts"].get("aws-cdk-lib/feature-flag-report")
if report:
    report["properties"]["flags"] = "(left out)"
dump(manifest, "manifest.json", 2)
for artifact in manifest["artifacts"].values():
    if artifact["type"] != "aws:cloudformation:stack":
        continue
    shutil.copy(os.path.join(out, artifact["properties"]["templateFile"]), dest)
    meta = artifact.get("additionalMetadataFile")
    if meta:
        entries = json.load(open(os.path.join(out, meta)))
        kept = {}
        for path, items in entries.items():
            items = [{k: v for k, v in e.items() if k != "trace"} for e in items if e["type"] != "aws:cdk:creationStack"]
            if items:
                kept[path] = items
        dump(kept, meta, 2)
dump(json.load(open(os.path.join(out, "tree.json"))), "tree.json", 1)
PY
    echo "wrote tests/golden/metadata/$name/"
    continue
  fi
  # template file of each stack artifact, in manifest order
  mapfile -t stacks < <(python3 -c "import json,sys
m = json.load(open(sys.argv[1]))
print('\n'.join(a['properties']['templateFile'] for a in m['artifacts'].values() if a['type'] == 'aws:cloudformation:stack'))" "$out/manifest.json")
  rm -f "$golden/$name.template.json" "$golden/$name".*.template.json
  if [ ${#stacks[@]} -eq 1 ]; then
    python3 "$root/scripts/normalize_template.py" "$out/${stacks[0]}" "$golden/$name.template.json"
    echo "wrote tests/golden/$name.template.json"
  else
    for t in "${stacks[@]}"; do
      python3 "$root/scripts/normalize_template.py" "$out/$t" "$golden/$name.$t"
      echo "wrote tests/golden/$name.$t"
    done
  fi
  if sed 's/#.*//' "$golden/ASSEMBLIES" 2>/dev/null | tr -s ' \t' '\n' | grep -qx "$name"; then
    rm -f "$golden/$name.manifest.json" "$golden/$name".*.assets.json
    cp "$out/manifest.json" "$golden/$name.manifest.json"
    for a in "$out"/*.assets.json; do cp "$a" "$golden/$name.$(basename "$a")"; done
    echo "wrote tests/golden/$name.manifest.json and its asset manifests"
  fi
done
