#!/usr/bin/env bash
# Sourced by check.sh: makes the action's own checkout ($GITHUB_ACTION_PATH) able to run
# tap-contract, by installing its locked dependencies there once per job (`npm ci`, scripts off),
# and sets `command` to the checkout's bin. Nothing comes from a registry release of this
# package, and nothing is installed in the workspace. A failure calls `fail` (exit code 2).
action="${GITHUB_ACTION_PATH:-}"
[ -n "$action" ] && [ -f "$action/package-lock.json" ] ||
  fail "GITHUB_ACTION_PATH (${action:-unset}) is not this action's checkout: no package-lock.json there"
command -v node >/dev/null 2>&1 ||
  fail "node is not on PATH: add actions/setup-node (Node 20.19+, 22 or 24) before this action"
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  fail "Node $(node --version) is too old: tap-contract needs Node 20.19+, 22 or 24 (actions/setup-node)"

ready="$action/node_modules/.tap-contract-action-ready"
if [ ! -f "$ready" ]; then
  log="$(mktemp)"
  if ! (cd "$action" && npm ci --no-audit --no-fund --prefer-offline --ignore-scripts --loglevel=error) >"$log" 2>&1; then
    echo "::group::npm ci output"
    cat "$log"
    echo "::endgroup::"
    reason="$(grep -E 'npm (error|ERR!)' "$log" | grep -vE 'A complete log|^npm (error|ERR!) *$' | head -n 2 | tr '\n' ' ')"
    fail "npm ci in the action's folder ($action) failed: ${reason:-see the npm ci output above}"
  fi
  touch "$ready"
fi
# tsx (the bin runs the TypeScript sources of a checkout) reads this project's tsconfig, not the workspace's.
export TSX_TSCONFIG_PATH="$action/tsconfig.json"
command=(node "$action/bin/tap-contract.js")
