#!/usr/bin/env bash
# Survey intake benchmark (issue 4): 500 concurrent respondents saving
# answers against the release server, on SQLite and on PostgreSQL.
# Not a test. Needs wrk (apt-get install wrk) and PostgreSQL binaries.
#
#   bash bench/survey/run.sh [DURATION_S] [CONNECTIONS]
#   ATTACK=4 bash bench/survey/run.sh 30 100   # with 4 attacker connections
#   PROFILE=debug …                             # without the 25-minute release build
#   BIN=path/to/samspill …                      # a server built before
#
# Prints one RESULT line per database (p50/p90/p99 latency, throughput).
# With ATTACK=N, N more connections post the largest accepted body
# (attack.lua) back to back during the paced run; the honest respondents'
# RESULT line is then the figure to read (goal: p99 <= 100 ms).
# Durable settings on both: SQLite WAL with synchronous=FULL, PostgreSQL
# with fsync and synchronous_commit on (its defaults).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null 2>&1 || {
  echo "bench/survey/run.sh: wrk is missing (apt-get install wrk)" >&2
  exit 1
}
DURATION="${1:-20}"
CONN="${2:-500}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/samspill/target}"
PROFILE="${PROFILE:-release}"
# BIN=path: benchmark a server already built (no cargo build of it).
if [ -z "${BIN:-}" ]; then
  if [ "$PROFILE" = release ]; then
    cargo build --release -q -p samspill-cli --bin samspill
  else
    cargo build -q -p samspill-cli --bin samspill
  fi
  BIN="$CARGO_TARGET_DIR/$PROFILE/samspill"
fi
cargo build -q -p samspill-store --example seed_round
SEED="$CARGO_TARGET_DIR/debug/examples/seed_round"
WORK="$(mktemp -d /tmp/samspill-bench.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

run_one() { # NAME URL [SQLITE_SYNC]
  local name="$1" url="$2" sync="${3:-full}" port
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  SAMSPILL_TOKEN_KEY="$(printf '0%.0s' {1..64})" "$SEED" "$url" 500 > "$WORK/tokens-$name.txt"
  SAMSPILL_DATABASE_URL="$url" SAMSPILL_LISTEN="127.0.0.1:$port" SAMSPILL_TOKEN_KEY="$(printf '0%.0s' {1..64})" \
    SAMSPILL_LOG=warn SAMSPILL_DB_CONNECTIONS="${DB_CONNECTIONS:-16}" SAMSPILL_SQLITE_SYNC="$sync" "$BIN" serve 2>"$WORK/server-$name.log" &
  PIDS+=($!)
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  if [ -n "${ATTACK:-}" ]; then
    echo "== $name: $CONN paced respondents (think ${PACED_THINK_MS:-2000} ms) while $ATTACK connections post ~255 kB bodies, ${DURATION}s"
    TOKENS="$WORK/tokens-$name.txt" wrk -t1 -c"$ATTACK" -d"${DURATION}s" --timeout 10s --latency \
      -s bench/survey/attack.lua "http://127.0.0.1:$port" | grep -E "ATTACK" &
    local attacker=$!
    THINK_MS="${PACED_THINK_MS:-2000}" TOKENS="$WORK/tokens-$name.txt" wrk -t1 -c"$CONN" -d"${DURATION}s" --timeout 10s --latency \
      -s bench/survey/answer.lua "http://127.0.0.1:$port" | grep -E "RESULT"
    wait "$attacker"
  else
    for think in 0 "${PACED_THINK_MS:-2000}"; do
      echo "== $name: $CONN connections, ${DURATION}s, 500 respondents, think time ${think} ms"
      THINK_MS="$think" TOKENS="$WORK/tokens-$name.txt" wrk -t2 -c"$CONN" -d"${DURATION}s" --timeout 10s --latency \
        -s bench/survey/answer.lua "http://127.0.0.1:$port" | grep -E "RESULT"
    done
  fi
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
}

if [ -z "${SKIP_SQLITE:-}" ]; then
  run_one sqlite-full "sqlite://$WORK/bench-full.sqlite3" full
  run_one sqlite-normal "sqlite://$WORK/bench-normal.sqlite3" normal
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
runuser -u postgres -- "$PGBIN/initdb" -A trust -U postgres -E UTF8 --no-locale -D "$WORK/pg/data" >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
  -o "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres bench
run_one postgres "postgres://postgres@127.0.0.1:$PGPORT/bench"
