#!/usr/bin/env bash
# The whole test suite (`npm test`): starts the local services if needed (or uses NEO4J_URI / REDIS_URL),
# runs the fast gate (types, lint), then every mocha suite — unit, integration, API, browser — in one run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

set -a
# shellcheck disable=SC1090
source <(bash scripts/services.sh start)
set +a

echo "== build (compiled JavaScript and the web view bundle)"
npm run build --silent

echo "== typecheck and lint"
npx tsc --noEmit
npx eslint .
npx madge --circular --extensions ts src workers

echo "== mocha (unit, integration, api, ui)"
npx mocha 'test/unit/**/*.test.ts' 'test/integration/**/*.test.ts' 'test/api/**/*.test.ts' 'test/ui/**/*.test.ts' "$@"
