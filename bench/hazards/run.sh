#!/usr/bin/env bash
# Hazards at scale: COUNT synthetic hazards (10 million by default) in SQLite and in PostgreSQL 15,
# then the latency of the reads a duty room makes, measured over HTTP with wrk on loopback.
#
#   make bench-hazards            (builds first, then runs this)
#   bash bench/hazards/run.sh     (uses the existing build/anlan and build/hazard_load)
#
# Loaded databases are kept under BENCH_DATA and reused when their manifest matches the count, seed
# and years (migrations added since the load are applied in place, then analysed):
#   $BENCH_DATA/sqlite/hazards-$COUNT.db          the SQLite file, manifest hazards-$COUNT.json
#   $BENCH_DATA/postgresql/data                   a PostgreSQL 15 cluster (owned by postgres),
#                                                 database hazards_$COUNT, manifest hazards_$COUNT.json
# PostgreSQL is started here on a free loopback port for the run and stopped at the end.
#
# Environment overrides (defaults in brackets):
#   COUNT        hazards to load [10000000]
#   ENGINES      engines to measure ["sqlite postgresql"]
#   BENCH_DATA   where loaded databases are kept [/work/bench-data]
#   RELOAD       1 to load afresh even when a loaded database matches [0]
#   DURATION     seconds per wrk run [10];  RUNS  runs per scenario [3], the median is reported
#   CONNECTIONS  wrk connections [4];  THREADS  wrk threads [1]
#   QUIET_PCT, QUIET_WAIT  before each run, wait up to QUIET_WAIT s [120] until other processes
#                use under QUIET_PCT % of one core [15]; what they used during each run is recorded
#   RETRIES      times a run is redone when other processes used over QUIET_PCT during it [2]
#   PG_SHARED_BUFFERS  PostgreSQL shared_buffers [2GB]
#   ANLAN_BIN, LOAD_BIN  binaries [build/anlan, build/hazard_load]
#   OUT          raw results [bench/hazards/results/latest.json]
#
# Everything started here is stopped by the exit trap; the loaded databases stay.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

COUNT=${COUNT:-10000000}
ENGINES=${ENGINES:-"sqlite postgresql"}
BENCH_DATA=${BENCH_DATA:-/work/bench-data}
RELOAD=${RELOAD:-0}
DURATION=${DURATION:-10}
DURATION=${DURATION%s}
RUNS=${RUNS:-3}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-1}
QUIET_PCT=${QUIET_PCT:-15}
QUIET_WAIT=${QUIET_WAIT:-120}
RETRIES=${RETRIES:-2}
PG_SHARED_BUFFERS=${PG_SHARED_BUFFERS:-2GB}
ANLAN_BIN=${ANLAN_BIN:-$ROOT/build/anlan}
LOAD_BIN=${LOAD_BIN:-$ROOT/build/hazard_load}
OUT=${OUT:-$HERE/results/latest.json}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PASSWORD='Bench-pass-2026'
SEED=430400
YEARS=5
TIMELINE_EVERY=100

die() { echo "bench-hazards: $*" >&2; exit 1; }
say() { echo "bench-hazards: $*"; }
for v in COUNT DURATION RUNS CONNECTIONS THREADS QUIET_PCT QUIET_WAIT; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer, got '${!v}'"
done
[[ $RETRIES =~ ^[0-9]$ ]] || die "RETRIES must be 0..9, got '$RETRIES'"
for e in $ENGINES; do [[ $e == sqlite || $e == postgresql ]] || die "unknown engine '$e'"; done
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || die "$tool not found (bash tools/install-deps.sh test)"
done
[[ -x $ANLAN_BIN ]] || die "$ANLAN_BIN not found; run 'make build' (or 'make bench-hazards')"
[[ -x $LOAD_BIN ]] || die "$LOAD_BIN not found; run 'cmake --build build --target hazard_load'"
if [[ $ENGINES == *postgresql* ]]; then
  [[ -x $PG_BIN/postgres ]] || die "PostgreSQL 15 not found in $PG_BIN (bash tools/install-deps.sh test)"
  command -v psql >/dev/null || die "psql not found"
fi
PY=$(python3 -c 'import sys; print(sys.executable)')
WRK_SCRIPT=$HERE/wrk.lua
source "$ROOT/bench/lib/wrk.sh"

# ---- temp dir, process bookkeeping, cleanup ------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/anlan-bench-hazards.XXXXXX")
chmod 755 "$TMP"
PIDS=()
stop_pid() {
  local pid=$1 sig=${2:-TERM}
  kill -"$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  if declare -F pg_down >/dev/null; then pg_down; fi
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
forget_pid() {
  local keep=() p
  for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
  PIDS=(${keep[@]+"${keep[@]}"})
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# ---- PostgreSQL: a kept cluster, started for this run ----------------------------------------------
PG_HOME=$BENCH_DATA/postgresql
PG_PID=""
PG_PORT=""
# pg_up [nice]: starts the cluster (initialising it the first time) on a free port. Started as a
# child of this script, so that its CPU counts as the benchmark's, not as foreign.
pg_up() {
  local niceness=${1:-0}
  mkdir -p "$PG_HOME"
  if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$PG_HOME"; fi
  if [[ ! -f $PG_HOME/data/PG_VERSION ]]; then
    say "initialising a PostgreSQL 15 cluster in $PG_HOME/data"
    as_postgres "$PG_BIN/initdb" -D "$PG_HOME/data" -U anlan --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$PG_HOME/initdb.log" 2>&1 || { cat "$PG_HOME/initdb.log" >&2; die "initdb failed"; }
  fi
  mkdir -p "$TMP/pgsock"
  if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$TMP/pgsock"; fi
  PG_PORT=$(free_port)
  # fsync off: the load goes faster and the measured requests only read. shared_buffers and
  # effective_cache_size as a server with this machine's 23 GB would have them.
  nice -n "$niceness" runuser -u postgres -- "$PG_BIN/postgres" -D "$PG_HOME/data" \
    -c listen_addresses=127.0.0.1 -p "$PG_PORT" -k "$TMP/pgsock" -c max_connections=50 \
    -c fsync=off -c shared_buffers="$PG_SHARED_BUFFERS" -c effective_cache_size=12GB \
    -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min \
    -c logging_collector=off >>"$PG_HOME/server.log" 2>&1 &
  PG_PID=$!
  PIDS+=("$PG_PID")
  for _ in $(seq 300); do
    psql -h 127.0.0.1 -p "$PG_PORT" -U anlan -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1 && return 0
    kill -0 "$PG_PID" 2>/dev/null || { tail -20 "$PG_HOME/server.log" >&2; die "postgres exited"; }
    sleep 0.2
  done
  die "postgres not ready after 60 s"
}
pg_down() {
  [[ -n $PG_PID ]] || return 0
  # The postmaster itself (runuser does not pass signals on): SIGINT is a fast shutdown.
  local postmaster
  postmaster=$(head -1 "$PG_HOME/data/postmaster.pid" 2>/dev/null || true)
  if [[ $postmaster =~ ^[0-9]+$ ]]; then
    kill -INT "$postmaster" 2>/dev/null || true
    for _ in $(seq 600); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.1; done
  fi
  stop_pid "$PG_PID"
  forget_pid "$PG_PID"
  PG_PID=""
}
pg_sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U anlan -v ON_ERROR_STOP=1 -Atq "$@"; }

# ---- loading or reusing ---------------------------------------------------------------------------
# prepare ENGINE: sets DB_URL and MANIFEST, loading COUNT hazards unless a matching database is kept.
prepare() {
  local engine=$1 loaded=0 rc
  local load_args=(--count "$COUNT" --seed "$SEED" --years "$YEARS" --timeline-every "$TIMELINE_EVERY"
                   --password "$PASSWORD")
  if [[ $engine == sqlite ]]; then
    mkdir -p "$BENCH_DATA/sqlite"
    local file=$BENCH_DATA/sqlite/hazards-$COUNT.db
    DB_URL="sqlite:$file"
    MANIFEST=$BENCH_DATA/sqlite/hazards-$COUNT.json
    rc=10
    if [[ $RELOAD != 1 && -f $file && -f $MANIFEST ]]; then
      rc=0; "$LOAD_BIN" --db "$DB_URL" --manifest "$MANIFEST" --reuse "${load_args[@]}" || rc=$?
    fi
    if (( rc == 10 )); then
      rm -f "$file" "$file-wal" "$file-shm" "$MANIFEST"
      say "loading $COUNT hazards into SQLite ($file); this takes a while"
      nice -n 10 "$LOAD_BIN" --db "$DB_URL" --manifest "$MANIFEST" "${load_args[@]}" || die "loading failed"
      loaded=1
    elif (( rc != 0 )); then
      die "checking the kept SQLite database failed"
    fi
  else
    local name=hazards_$COUNT
    MANIFEST=$PG_HOME/$name.json
    pg_up 10
    DB_URL="postgresql://anlan@127.0.0.1:$PG_PORT/$name"
    rc=10
    if [[ $RELOAD != 1 && -f $MANIFEST ]] && [[ $(pg_sql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'") == 1 ]]; then
      rc=0; "$LOAD_BIN" --db "$DB_URL" --manifest "$MANIFEST" --reuse "${load_args[@]}" || rc=$?
    fi
    if (( rc == 10 )); then
      rm -f "$MANIFEST"
      pg_sql -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
      say "loading $COUNT hazards into PostgreSQL (database $name in $PG_HOME/data); this takes a while"
      nice -n 10 "$LOAD_BIN" --db "$DB_URL" --manifest "$MANIFEST" "${load_args[@]}" || die "loading failed"
      # Sets hint bits and the visibility map now rather than during the first measured reads, as
      # autovacuum would have long done on a register that grew over five years.
      local t0=$SECONDS
      pg_sql -d "$name" -c "VACUUM (ANALYZE)"
      "$PY" - "$MANIFEST" "$((SECONDS - t0))" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
m["load"]["vacuum_seconds"] = int(sys.argv[2])
json.dump(m, open(sys.argv[1], "w"))
EOF
      loaded=1
    elif (( rc != 0 )); then
      die "checking the kept PostgreSQL database failed"
    fi
    # Measured on a server started the usual way (not niced as for loading).
    pg_down
    pg_up 0
    DB_URL="postgresql://anlan@127.0.0.1:$PG_PORT/$name"
  fi
  LOADED_NOW=$loaded
}

# sizes ENGINE: JSON with the database's size on disk.
sizes() {
  if [[ $1 == sqlite ]]; then
    local file=${DB_URL#sqlite:}
    printf '{"database_bytes": %s}' "$(du -cb "$file"* | tail -1 | cut -f1)"
  else
    pg_sql -d "${DB_URL##*/}" -c "SELECT json_build_object('database_bytes', pg_database_size(current_database()),
      'hazards_table_bytes', pg_table_size('hazards'), 'hazards_indexes_bytes', pg_indexes_size('hazards'),
      'events_bytes', pg_total_relation_size('hazard_events'))"
  fi
}

# ---- the server -----------------------------------------------------------------------------------
ANLAN_PID=""
start_anlan() {
  local port=$1 dir=$TMP/anlan
  mkdir -p "$dir"
  # The scheduler is off: the loaded overdue flags are consistent, and a tick at start would
  # otherwise be part of what is measured.
  (cd "$dir" && exec "$ANLAN_BIN" serve --db "$DB_URL" --listen "127.0.0.1:$port" \
    --set scheduler_seconds=0 --set files_dir="$dir/files" >"$dir/stdout.log" 2>"$dir/server.log") &
  ANLAN_PID=$!
  PIDS+=("$ANLAN_PID")
  for _ in $(seq 1200); do
    curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$ANLAN_PID" 2>/dev/null || { cat "$dir/server.log" >&2; die "anlan exited"; }
    sleep 0.1
  done
  die "anlan not ready after 120 s"
}
stop_anlan() {
  [[ -n $ANLAN_PID ]] || return 0
  stop_pid "$ANLAN_PID"
  forget_pid "$ANLAN_PID"
  ANLAN_PID=""
}

login() {
  curl -sf --max-time 30 -XPOST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

# get TOKEN PATH: the JSON answer (fails unless 200).
get() {
  curl -sf --max-time 60 -H "Authorization: Bearer $1" "$BASE$2" || die "GET $2 failed"
}

RUNS_FILE=$TMP/runs.jsonl
DISCARDED_FILE=$TMP/discarded.jsonl
ENGINES_FILE=$TMP/engines.jsonl
: >"$RUNS_FILE"
: >"$DISCARDED_FILE"
: >"$ENGINES_FILE"

measure_engine() {
  local engine=$1
  prepare "$engine"
  local size
  size=$(sizes "$engine")
  local port
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  start_anlan "$port"
  local commander county
  commander=$(login commander) || die "commander could not sign in"
  county=$(login duty-430426) || die "duty-430426 could not sign in"

  # Cursors deep in the list, as the server gives them: the first page found before a date years
  # back, whose next_cursor is then requested without that filter (the list, paged that far).
  local now_ms y4 y3 c_city c_county c_major
  now_ms=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["generated_now_ms"])' "$MANIFEST")
  y4=$(( now_ms - 4 * 365 * 86400000 ))
  y3=$(( now_ms - 3 * 365 * 86400000 ))
  cursor() { python3 -c 'import json,sys; c=json.load(sys.stdin)["next_cursor"]; assert c; print(c)'; }
  c_city=$(get "$commander" "/api/v1/hazards?found_to=$y4&limit=50" | cursor) || die "no deep cursor (city)"
  c_county=$(get "$county" "/api/v1/hazards?found_to=$y3&limit=50" | cursor) || die "no deep cursor (county)"
  c_major=$(get "$commander" "/api/v1/hazards?grade=major&found_to=$y4&limit=50" | cursor) ||
    die "no deep cursor (major)"
  # The detail of hazards with a timeline, round-robin.
  "$PY" -c 'import json,sys; [print(f"/api/v1/hazards/{i}") for i in json.load(open(sys.argv[1]))["timeline_ids"][:500]]' \
    "$MANIFEST" >"$TMP/detail-paths.txt"
  [[ -s $TMP/detail-paths.txt ]] || die "the manifest names no hazards with a timeline"

  # name | kind | label | token | path | paths file
  local scenarios=(
    "first_county|list|county duty officer: jurisdiction=430426&state=rectifying,assigned, first page of 50|$county|/api/v1/hazards?jurisdiction=430426&state=rectifying,assigned&limit=50|"
    "first_city_major|list|commander: grade=major&open=true city-wide, first page of 50|$commander|/api/v1/hazards?grade=major&open=true&limit=50|"
    "deep_city|list|commander: the whole list, page of 50 by cursor 4 years back (~96 % of rows above it)|$commander|/api/v1/hazards?limit=50&cursor=$c_city|"
    "deep_county|list|county duty officer: own unit, page of 50 by cursor 3 years back|$county|/api/v1/hazards?limit=50&cursor=$c_county|"
    "deep_city_major|list|commander: grade=major, page of 50 by cursor 4 years back|$commander|/api/v1/hazards?grade=major&limit=50&cursor=$c_major|"
    "detail|detail|commander: GET /hazards/{id} of hazards with a timeline (500 ids round-robin)|$commander|/api/v1/hazards/1|$TMP/detail-paths.txt"
    "stats_city|stats|commander: GET /hazards/stats city-wide|$commander|/api/v1/hazards/stats|"
    "stats_county|stats|county duty officer: GET /hazards/stats of 430426|$county|/api/v1/hazards/stats|"
  )

  # Each answer once before measuring: 200, and what it holds (recorded with the results).
  local checks="$TMP/checks-$engine.jsonl"
  : >"$checks"
  local sc name kind label token path paths
  for sc in "${scenarios[@]}"; do
    IFS='|' read -r name kind label token path paths <<<"$sc"
    [[ -n $paths ]] && path=$(head -1 "$paths")
    get "$token" "$path" | "$PY" -c '
import json, sys
name, now = sys.argv[1], int(sys.argv[2])
d = json.load(sys.stdin)
if "items" in d:
    items = d["items"]
    assert items, f"{name}: no items"
    years = [(now - i["found_at"]) / (365 * 86400000) for i in items]
    out = {"items": len(items), "first_code": items[0]["code"], "years_back": [round(min(years), 2), round(max(years), 2)],
           "has_next": d["next_cursor"] is not None}
elif "timeline" in d:
    out = {"code": d["code"], "timeline": len(d["timeline"])}
else:
    out = {"found": d["total"]["found"], "rate": round(d["total"]["rate"], 4), "units": len(d["by_unit"])}
print(json.dumps({"engine": sys.argv[3], "scenario": name, **out}))' "$name" "$now_ms" "$engine" >>"$checks" ||
      die "checking $name failed"
  done
  say "$engine: answers checked:"
  sed 's/^/  /' "$checks"

  # Warm-up, not recorded: 3 s per scenario.
  for sc in "${scenarios[@]}"; do
    IFS='|' read -r name kind label token path paths <<<"$sc"
    wrk_run "$BASE$path" "$token" 3 "$TMP/warmup.txt" "" "$paths"
  done

  local round
  for round in $(seq "$RUNS"); do
    for sc in "${scenarios[@]}"; do
      IFS='|' read -r name kind label token path paths <<<"$sc"
      measured_run "{\"engine\":\"$engine\",\"scenario\":\"$name\",\"round\":$round}" "$BASE$path" "$token" \
        "$TMP/wrk-$engine-$name-$round" "$RUNS_FILE" "$DISCARDED_FILE" "$paths"
    done
  done

  local log_bytes
  log_bytes=$(stat -c %s "$TMP/anlan/server.log")
  stop_anlan
  if [[ $engine == postgresql ]]; then pg_down; fi
  local sc_json
  sc_json=$(for sc in "${scenarios[@]}"; do
    IFS='|' read -r name kind label token path paths <<<"$sc"
    printf '%s\t%s\t%s\t%s\n' "$name" "$kind" "$label" "$path"
  done)
  "$PY" - "$engine" "$MANIFEST" "$size" "$LOADED_NOW" "$checks" "$log_bytes" "$sc_json" >>"$ENGINES_FILE" <<'EOF'
import json, sys
engine, manifest, size, loaded, checks, log_bytes, sc = sys.argv[1:8]
m = json.load(open(manifest))
m.pop("timeline_ids", None)
print(json.dumps({
    "engine": engine, "loaded_in_this_run": loaded == "1", "manifest": m, "size": json.loads(size),
    "checks": [json.loads(l) for l in open(checks) if l.strip()],
    "server_log_bytes": int(log_bytes),
    "scenarios": [dict(zip(("name", "kind", "label", "path"), l.split("\t"))) for l in sc.splitlines()],
}))
EOF
}

n_engines=$(wc -w <<<"$ENGINES")
say "$COUNT hazards; engines: $ENGINES; 8 scenarios x $RUNS runs x ${DURATION}s, wrk -t$THREADS -c$CONNECTIONS;" \
  "about $(( n_engines * (8 * RUNS * (DURATION + 3) + 8 * 5) / 60 + 1 )) min of measuring on a quiet machine" \
  "(plus loading when no matching database is kept: ~10-20 min per engine)"
for engine in $ENGINES; do
  measure_engine "$engine"
done

# ---- summary --------------------------------------------------------------------------------------
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo true || echo false)
export COMMIT DIRTY COUNT DURATION RUNS CONNECTIONS THREADS QUIET_PCT RETRIES PG_SHARED_BUFFERS BENCH_DATA
python3 - "$ENGINES_FILE" >"$TMP/meta.json" <<'EOF'
import json, os, platform, subprocess, sys
env = os.environ
def cmd(*a):
    try:
        r = subprocess.run(a, capture_output=True, text=True, timeout=10)
        return (r.stdout.strip() or r.stderr.strip())
    except Exception:
        return "unknown"
model = "unknown"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        model = line.split(":", 1)[1].strip(); break
mem = 0
for line in open("/proc/meminfo"):
    if line.startswith("MemTotal"):
        mem = int(line.split()[1]) // 1024; break
print(json.dumps({
    "generated_at": cmd("date", "-u", "+%Y-%m-%dT%H:%M:%SZ"),
    "git": {"commit": env["COMMIT"], "dirty": env["DIRTY"] == "true"},
    "machine": {"nproc": os.cpu_count(), "cpu_model": model, "mem_mib": mem, "kernel": platform.release()},
    "tools": {"wrk": cmd("wrk", "-v").splitlines()[0], "sqlite": cmd("sqlite3", "--version").split(" ")[0],
              "postgresql": cmd("/usr/lib/postgresql/15/bin/postgres", "--version")},
    "params": {"count": int(env["COUNT"]), "duration_s": int(env["DURATION"]), "runs": int(env["RUNS"]),
               "connections": int(env["CONNECTIONS"]), "threads": int(env["THREADS"]),
               "quiet_pct": float(env["QUIET_PCT"]), "retries": int(env["RETRIES"]),
               "pg_shared_buffers": env["PG_SHARED_BUFFERS"], "bench_data": env["BENCH_DATA"]},
    "target_p99_ms": {"list": 20, "detail": 20, "stats": 50},
    "engines": [json.loads(l) for l in open(sys.argv[1]) if l.strip()],
}))
EOF
mkdir -p "$(dirname "$OUT")"
python3 "$HERE/summarize.py" "$RUNS_FILE" "$TMP/meta.json" "$OUT" "$DISCARDED_FILE"
