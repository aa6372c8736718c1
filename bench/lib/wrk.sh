# Sourced by the benchmark scripts: running wrk and recording its runs. Expects PY (python3),
# THREADS, CONNECTIONS, QUIET_PCT, QUIET_WAIT, RETRIES and a die function; WRK_SCRIPT may name
# another wrk Lua script that loads bench/lib/report.lua (default: report.lua itself).
BENCH_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CPUWATCH=$BENCH_LIB/cpuwatch.py
WRK_SCRIPT=${WRK_SCRIPT:-$BENCH_LIB/report.lua}

# wrk_run URL TOKEN SECONDS OUTFILE [CPUFILE [PATHSFILE]]: with CPUFILE, also measures
# (cpuwatch.py) the CPU used on the machine by anything other than this benchmark while wrk runs;
# PATHSFILE is handed to the wrk script (bench/hazards/wrk.lua requests its paths in turn).
wrk_run() {
  local url=$1 token=$2 secs=$3 out=$4 cpu=${5:-} paths=${6:-}
  local hdr=() extra=() wpid delay t0
  if [[ -n $token ]]; then hdr=(-H "Authorization: Bearer $token"); fi
  if [[ -n $paths ]]; then extra=(-- "$paths"); fi
  timeout -k 5 $((secs + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency --timeout 10s \
    -s "$WRK_SCRIPT" ${hdr[@]+"${hdr[@]}"} "$url" ${extra[@]+"${extra[@]}"} >"$out" 2>&1 &
  wpid=$!
  t0=$(date +%s.%N)
  if [[ -n $cpu ]]; then
    # Skip the first and last second of the run (ramp-up and exit), or just the last on short runs.
    delay=$(( secs >= 4 ? 1 : 0 ))
    "$PY" "$CPUWATCH" during $$ "$t0" "$delay" "$(( secs - delay - 1 ))" >"$cpu" 2>/dev/null ||
      echo '{}' >"$cpu"
  fi
  wait "$wpid" || { cat "$out" >&2; die "wrk failed against $url"; }
}

# Waits (at most QUIET_WAIT s) until other processes use less than QUIET_PCT % of a core; a
# concurrent compile on a 2-core machine otherwise halves the numbers. Prints the last sample.
wait_quiet() {
  "$PY" "$CPUWATCH" wait $$ "$QUIET_PCT" "$QUIET_WAIT"
}

# measured_run KEYS_JSON URL TOKEN OUT_PREFIX RUNS_FILE DISCARDED_FILE [PATHSFILE]: one recorded
# run of DURATION seconds after the machine is quiet, redone (up to RETRIES times) when other
# processes were busy during it.
measured_run() {
  local keys=$1 url=$2 token=$3 prefix=$4 runs=$5 discarded=$6 paths=${7:-}
  local attempt=0 out quiet line rc
  while :; do
    out="$prefix-$attempt.txt"
    quiet=$(wait_quiet)
    wrk_run "$url" "$token" "$DURATION" "$out" "$out.cpu.json" "$paths"
    line=$(grep '^WRKJSON ' "$out" | head -1 | cut -d' ' -f2-) || true
    [[ -n $line ]] || { cat "$out" >&2; die "no WRKJSON line from wrk ($keys)"; }
    rc=0
    "$PY" "$BENCH_LIB/runs.py" record "$keys" "$line" "$runs" "$discarded" "$quiet" "$(cat "$out.cpu.json")" \
      "$attempt" "$RETRIES" "$QUIET_PCT" || rc=$?
    (( rc == 0 )) && return 0
    (( rc == 3 )) || die "recording the run failed"
    attempt=$((attempt + 1))
  done
}
