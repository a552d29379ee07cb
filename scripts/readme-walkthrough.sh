#!/usr/bin/env bash
# Runs the README's walkthrough against a fresh service, so the README and the service cannot drift
# apart: every fenced block of README.md marked `bash walkthrough` runs in order in one shell, the
# `js walkthrough` block is saved as chime-logout.mjs beside it, and a line ending in `# => <answer>`
# must print exactly that answer. Any other answer, or any failing line, fails the script.
# Starts the built service on the embedded Postgres (as scripts/smoke-embedded.sh does) unless BASE
# points at a running one (then ADMIN_PASSWORD must be its first admin's, on a database without demo-user).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
command -v jq >/dev/null || { echo "walkthrough: needs jq (apt-get install -y jq)"; exit 1; }
mkdir -p .tmp
WORK=$(mktemp -d "$ROOT/.tmp/walkthrough-XXXXXX") # inside the repo: chime-logout.mjs resolves its SDK from node_modules
DATA_DIR=$(mktemp -d /tmp/sst-walkthrough-XXXXXX) # the embedded Postgres (run as the postgres user under root) must reach it
PID=""
stop() { if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" || true; fi; PID=""; }
trap 'stop; rm -rf "$WORK" "$DATA_DIR"' EXIT

# The marked blocks, as they stand in README.md.
awk -v out="$WORK" '
  /^```bash walkthrough$/ { mode = "bash"; next }
  /^```js walkthrough$/ { mode = "js"; next }
  /^```$/ { if (mode == "bash") print "" >> (out "/walkthrough.sh"); mode = ""; next }
  mode == "bash" { print >> (out "/walkthrough.sh") }
  mode == "js" { print >> (out "/chime-logout.mjs") }
' README.md
[ -s "$WORK/walkthrough.sh" ] && [ -s "$WORK/chime-logout.mjs" ] || { echo "walkthrough: no marked blocks in README.md"; exit 1; }

if [ -z "${BASE:-}" ]; then
  unset DATABASE_URL
  PORT=${WALKTHROUGH_PORT:-3918}
  export BASE="http://127.0.0.1:$PORT" ADMIN_PASSWORD='walkthrough-admin-password-123'
  DATA_DIR="$DATA_DIR" PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=warn BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    node --max-old-space-size=128 dist/main.js >"$WORK/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log"; echo "walkthrough: service exited"; exit 1; }
    sleep 0.5
  done
  curl -fsS "$BASE/health/ready" >/dev/null || { cat "$WORK/service.log"; echo "walkthrough: service not ready"; exit 1; }
fi

# The AWS SDK warns on Node 20 about its future releases; not an answer of the walkthrough.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
cd "$WORK"
steps=0
checks=0
while IFS= read -r line || [ -n "$line" ]; do
  [[ -z "${line// }" || "$line" =~ ^[[:space:]]*# ]] && continue
  steps=$((steps + 1))
  if [[ "$line" == *' # => '* ]]; then
    command=${line% # => *}
    want=${line##* # => }
    got=$(eval "$command") || { echo "walkthrough: failed: $command"; exit 1; }
    if [ "$got" != "$want" ]; then
      printf 'walkthrough: wrong answer\n  line:     %s\n  expected: %s\n  got:      %s\n' "$command" "$want" "$got"
      exit 1
    fi
    checks=$((checks + 1))
  else
    eval "$line" || { echo "walkthrough: failed: $line"; exit 1; }
  fi
done <"$WORK/walkthrough.sh"
cd "$ROOT"
stop
[ "$checks" -ge 10 ] || { echo "walkthrough: only $checks checked answers (the README's # => marks went missing?)"; exit 1; }
echo "README walkthrough: $steps lines run, $checks answers as the README says: ok"
