#!/usr/bin/env bash
# Starts the built service on the embedded Postgres (no DATABASE_URL), logs in, checks the token,
# logs out, checks the token is refused, stops it, restarts it on the same data folder and logs in
# again (nothing lost), then runs the README walkthrough (scripts/readme-walkthrough.sh). Exits non-zero
# on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
DATA_DIR=$(mktemp -d /tmp/sst-smoke-XXXXXX)
PORT=${SMOKE_PORT:-3917}
PASSWORD='smoke-test-password-123'
LOG="$DATA_DIR/service.log"
PID=""
stop() { if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" || true; fi; PID=""; }
trap 'stop; rm -rf "$DATA_DIR"' EXIT

start() {
  DATA_DIR="$DATA_DIR" PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=debug METRICS_PORT=0 \
    BOOTSTRAP_ADMIN_USERNAME=admin BOOTSTRAP_ADMIN_PASSWORD="$PASSWORD" node --max-old-space-size=128 dist/main.js >>"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || { cat "$LOG"; echo "smoke: service exited"; exit 1; }
    sleep 0.5
  done
  cat "$LOG"; echo "smoke: service not ready"; exit 1
}

json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s)$1;process.stdout.write(String(v))})"; }

login() {
  curl -fsS -X POST "http://127.0.0.1:$PORT/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"${1:-admin}\",\"password\":\"${2:-$PASSWORD}\"}" | json '.accessToken'
}

start
TOKEN=$(login)
FIRST_TOKEN=$TOKEN
curl -fsS "http://127.0.0.1:$PORT/v1/auth/me" -H "authorization: Bearer $TOKEN" | json '.user.username' | grep -qx admin
REVOKED=$(curl -fsS -X POST "http://127.0.0.1:$PORT/v1/auth/logout" -H "authorization: Bearer $TOKEN" | json '.revokedCount')
[ "$REVOKED" = "1" ] || { echo "smoke: logout revoked $REVOKED"; exit 1; }
STATUS=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/auth/me" -H "authorization: Bearer $TOKEN")
[ "$STATUS" = "401" ] || { echo "smoke: revoked token answered $STATUS"; exit 1; }
stop

start
TOKEN=$(login)
[ -n "$TOKEN" ]
stop
# Two roles set up by the embedded server itself: the service's password generated into the data folder
# (owner-only file), no warning that the service runs as the owner.
[ "$(stat -c %a "$DATA_DIR/postgres-service-password")" = "600" ] || { echo "smoke: the service role's password file is not 0600"; exit 1; }
if grep -q 'DATABASE_OWNER_URL is not set' "$LOG"; then echo "smoke: the embedded service runs as the owner"; exit 1; fi
# Every request is logged (one line each, from info up); still no token or password in them.
if grep -qF -e "$FIRST_TOKEN" -e "$TOKEN" -e "$PASSWORD" "$LOG"; then echo "smoke: a token or password reached the log"; exit 1; fi
grep -q '"route":"/v1/auth/me"' "$LOG" || { echo "smoke: request logs missing (the leak check would prove nothing)"; exit 1; }

# The CLI creates another admin on the same (stopped) embedded database; they can log in.
DATA_DIR="$DATA_DIR" ADMIN_PASSWORD='ops-admin-password-123' node dist/cli.js create-admin ops ops@example.test >>"$LOG" 2>&1
start
[ -n "$(login ops 'ops-admin-password-123')" ]
stop

# The CLI on an empty data folder: the admin it names is the first admin, no other one is generated.
EMPTY=$(mktemp -d /tmp/sst-smoke-empty-XXXXXX)
DATA_DIR="$EMPTY" ADMIN_PASSWORD='first-admin-password-123' node dist/cli.js create-admin first first@example.test >"$EMPTY.log" 2>&1 \
  || { cat "$EMPTY.log"; echo "smoke: create-admin on an empty database failed"; exit 1; }
grep -q '^Created admin first ' "$EMPTY.log" || { cat "$EMPTY.log"; echo "smoke: create-admin did not report the admin"; exit 1; }
if grep -q 'First admin created' "$EMPTY.log"; then cat "$EMPTY.log"; echo "smoke: create-admin also generated another admin"; exit 1; fi
# Bad input and a second admin of the same name are refused with a message, changing nothing.
if DATA_DIR="$EMPTY" ADMIN_PASSWORD='first-admin-password-123' node dist/cli.js create-admin first first@example.test >"$EMPTY.log" 2>&1; then echo "smoke: a duplicate admin was created"; exit 1; fi
grep -q 'already exists' "$EMPTY.log" || { cat "$EMPTY.log"; echo "smoke: no clear message for a duplicate admin"; exit 1; }
if DATA_DIR="$EMPTY" ADMIN_PASSWORD='first-admin-password-123' node dist/cli.js create-admin second not-an-email >"$EMPTY.log" 2>&1; then echo "smoke: an admin with a bad email was created"; exit 1; fi
grep -q 'email must be an email' "$EMPTY.log" || { cat "$EMPTY.log"; echo "smoke: no clear message for a bad email"; exit 1; }
DATA_DIR_SAVED=$DATA_DIR; DATA_DIR=$EMPTY
start
FIRST=$(login first 'first-admin-password-123')
[ -n "$FIRST" ]
USERS=$(curl -fsS "http://127.0.0.1:$PORT/v1/users" -H "authorization: Bearer $FIRST" | json '.items.map((u) => u.username).join(",")')
[ "$USERS" = "first" ] || { echo "smoke: users besides the CLI's admin: $USERS"; exit 1; }
stop
DATA_DIR=$DATA_DIR_SAVED
rm -rf "$EMPTY" "$EMPTY.log"

# A fresh data folder without BOOTSTRAP_ADMIN_PASSWORD: a strong password is generated and printed once.
FRESH=$(mktemp -d /tmp/sst-smoke-fresh-XXXXXX)
DATA_DIR="$FRESH" PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=warn node --max-old-space-size=128 dist/main.js >"$FRESH.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
GENERATED=$(sed -n 's/.*First admin created: username "admin", password "\([^"]*\)".*/\1/p' "$FRESH.log")
[ "${#GENERATED}" -ge 20 ] || { cat "$FRESH.log"; echo "smoke: no generated admin password printed"; exit 1; }
[ -n "$(login admin "$GENERATED")" ]
stop
rm -rf "$FRESH" "$FRESH.log"
# The README's walkthrough, line by line, against a fresh embedded service of its own.
bash scripts/readme-walkthrough.sh
echo "smoke (embedded Postgres): start, login, logout, refused, restart, login, no secrets in logs, CLI create-admin (also as the first admin of an empty database), generated first-admin password: ok"
