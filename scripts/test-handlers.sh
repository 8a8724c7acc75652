#!/usr/bin/env bash
# Parse and offline-test the Lambda handlers we ship (ecs-core/assets): stubbed AWS SDKs, no network.
set -euo pipefail
cd "$(dirname "$0")/.."
node --check ecs-core/assets/restrict-default-sg/__entrypoint__.js
node --check ecs-core/assets/restrict-default-sg/index.js
python3 -c "import ast,sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])" ecs-core/assets/drain-hook/index.py
node scripts/handler-tests/test_restrict_default_sg.js
python3 scripts/handler-tests/test_drain_hook.py > /dev/null
echo "drain hook: ok ($(wc -c < ecs-core/assets/drain-hook/index.py) bytes, limit 4096)"
