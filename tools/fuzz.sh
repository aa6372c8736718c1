#!/usr/bin/env bash
# Runs the libFuzzer targets of a fuzz build (the `fuzz` preset, build-fuzz/).
#   tools/fuzz.sh run   [BUILD]  each target for FUZZ_SECONDS (default 60) over its committed
#                                corpus, FUZZ_JOBS (default 2) at a time, then a table per target:
#                                executions per second, coverage (cov, ft, from the final stats),
#                                new inputs, and any crash. Exits 1 if a target crashed.
#   tools/fuzz.sh merge [BUILD]  adds to tests/fuzz/corpus/<name>/ the inputs of the last run that
#                                add coverage (-merge=1), for review before committing.
# FUZZ_TARGETS="csv geo" limits either to some targets. New inputs go to BUILD/fuzz-out/<name>/
# corpus (scratch), never straight into the committed corpus; crashes to BUILD/fuzz-out/<name>/.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
build=${2:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}
out="$build/fuzz-out"
list="$build/tests/fuzz/targets.txt"
[ -f "$list" ] || { echo "no $list: configure and build the fuzz preset first (make fuzz)" >&2; exit 2; }
targets=${FUZZ_TARGETS:-$(cat "$list")}

run_one() {
  local name=$1 dir="$out/$1"
  rm -rf "$dir"
  mkdir -p "$dir/corpus"
  local dict=()
  if [ -f "tests/fuzz/$name.dict" ]; then
    dict=("-dict=tests/fuzz/$name.dict")
  elif [[ $name == *json* || $name == ws_signal || $name == geo ]]; then
    dict=("-dict=tests/fuzz/json.dict")
  fi
  # The scratch folder comes first: libFuzzer writes new inputs to the first corpus folder only.
  # -error_exitcode/-timeout: a hang of 10 s counts as a crash, like a sanitizer report.
  nice -n 5 "$build/tests/fuzz/${name}_fuzz" "$dir/corpus" "tests/fuzz/corpus/$name" \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$dir/" "${dict[@]}" >"$dir/log" 2>&1 || true
}

report() {
  printf '%-16s %10s %8s %8s %6s  %s\n' target execs/s cov ft new result
  local crashed=0 name dir stats execs cov ft new result
  for name in $targets; do
    dir="$out/$name"
    stats=$(grep -E '^#[0-9]+.*cov: ' "$dir/log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$stats")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$stats")
    execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log")
    new=$(sed -n 's/^stat::new_units_added: *//p' "$dir/log")
    result=ok
    local artifacts
    artifacts=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | head -3)
    if [ -n "$artifacts" ] || grep -qE '^==[0-9]+==ERROR|runtime error:|FUZZ_CHECK failed' "$dir/log"; then
      result="CRASH $(echo $artifacts) (log: $dir/log)"
      crashed=1
    fi
    printf '%-16s %10s %8s %8s %6s  %s\n' "$name" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${new:-?}" "$result"
  done
  return $crashed
}

case "$mode" in
  run)
    echo "fuzzing each target for ${seconds}s, ${jobs} at a time (logs in $out/<name>/log)"
    mkdir -p "$out"
    running=0
    for name in $targets; do
      run_one "$name" &
      running=$((running + 1))
      if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
    done
    wait || true
    report
    ;;
  merge)
    for name in $targets; do
      [ -d "$out/$name/corpus" ] || continue
      before=$(ls "tests/fuzz/corpus/$name" | wc -l)
      nice -n 5 "$build/tests/fuzz/${name}_fuzz" -merge=1 "tests/fuzz/corpus/$name" "$out/$name/corpus" \
        >"$out/$name/merge.log" 2>&1
      echo "$name: $before -> $(ls "tests/fuzz/corpus/$name" | wc -l) inputs"
    done
    ;;
  *)
    echo "usage: tools/fuzz.sh run|merge [BUILD]" >&2
    exit 2
    ;;
esac
