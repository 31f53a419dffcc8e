#!/usr/bin/env bash
# Login burst benchmark (issue 12): 200 concurrent logins from 200 addresses
# against the release `samspill serve` on SQLite, while a respondent saves
# answers. Prints outcomes, the respondent's slowest save and the server's
# peak memory. Not a test.
#
#   bash bench/login/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-200}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/samspill/target}"
cargo build --release -q -p samspill-cli --bin samspill
cargo build -q -p samspill-store --example seed_round
BIN="$CARGO_TARGET_DIR/release/samspill"
SEED="$CARGO_TARGET_DIR/debug/examples/seed_round"
WORK="$(mktemp -d /tmp/samspill-login-bench.XXXXXX)"
KEY="$(printf '0%.0s' {1..64})"
URL="sqlite://$WORK/login.sqlite3"
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
TOKEN=$(SAMSPILL_TOKEN_KEY="$KEY" "$SEED" "$URL" 20 | head -1)
SAMSPILL_DATABASE_URL="$URL" SAMSPILL_TOKEN_KEY="$KEY" "$BIN" admin user create --role coordinator \
  --tenant bench --email kari@k.example --name Kari --password-stdin <<<"riktig-passord-1" >/dev/null
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
SAMSPILL_DATABASE_URL="$URL" SAMSPILL_LISTEN="127.0.0.1:$PORT" SAMSPILL_TOKEN_KEY="$KEY" \
  SAMSPILL_TRUSTED_PROXIES=127.0.0.1 SAMSPILL_LOG=warn "$BIN" serve 2>"$WORK/server.log" &
PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
echo "== $N logins at once, $(nproc) cores, max_hashes default"
python3 bench/login/burst.py "http://127.0.0.1:$PORT" "$PID" "$TOKEN" "$N"
