#!/usr/bin/env bash
# Runs the whole browser suite N times in a row, each round through run.sh against a fresh server
# (new temporary database, new port), and prints what each round passed and failed. A flaky test
# shows up here: there are no retries, every round runs to its end whatever the rounds before it
# did, and every failure is counted and named.
#
#   bash tests/e2e/repeat.sh [N] [path/to/anlan]          (default: 5 rounds, build/anlan)
#   make e2e-repeat N=5                                   (builds first)
#   E2E_TESTS=tests/e2e/01-home.test.mjs bash tests/e2e/repeat.sh 20     (only some files)
#
# Exit status 0 only if every test of every round passed. What it leaves in test-results/:
#   repeat/summary.txt        the table printed at the end
#   repeat/round-<n>.log      the whole output of round n (run.sh, the tests, their diagnostics)
#   repeat/round-<n>.tap      its TAP report (what the counts come from)
#   e2e-server-<n>.log        the server's log of round n
#   traces/<file>--<test>-<n>.zip   a Playwright trace of each test that failed in round n
#                                   (how to open one: tests/e2e/README.md)
#   screens/FAILED-<file>-<n>.png   the page when it failed
# All of these from an earlier repeated run are removed when it starts.
#
# Run one heavy thing at a time on a small machine; `nice -n 10 bash tests/e2e/repeat.sh` is kind
# to the other work.
set -uo pipefail

main() {
  local here repo
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  repo="$(cd "$here/../.." && pwd)"
  local rounds="${1:-5}"
  local anlan="${2:-$repo/build/anlan}"
  case "$anlan" in
    /*) ;;
    *) anlan="$PWD/$anlan" ;;
  esac
  if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
    echo "repeat.sh: the number of rounds must be a positive integer (got '$rounds')" >&2
    return 2
  fi

  local results="$repo/test-results"
  local out="$results/repeat"
  rm -rf "$out" "$results/traces"
  rm -f "$results"/screens/FAILED-*.png "$results"/e2e-server-*.log
  mkdir -p "$out"

  local summary="$out/summary.txt"
  local any_failed=0 total_passed=0 total_failed=0
  local -a lines=()
  echo "repeat.sh: $rounds rounds of ${E2E_TESTS:-the whole browser suite} with $anlan"

  local r
  for ((r = 1; r <= rounds; r++)); do
    local log="$out/round-$r.log" tap="$out/round-$r.tap"
    local started=$SECONDS status=0
    echo "repeat.sh: round $r of $rounds …"
    ANLAN_E2E_ROUND="$r" E2E_TAP="$tap" bash "$here/run.sh" "$anlan" >"$log" 2>&1 || status=$?
    local seconds=$((SECONDS - started))

    # Top-level results of the TAP report: "ok N - name" / "not ok N - name" at the line start
    # (subtests are indented). A file that fails outside its tests is listed by its path.
    local passed=0 failed=0
    local -a names=()
    if [[ -f "$tap" ]]; then
      passed=$(grep -c '^ok ' "$tap" || true)
      failed=$(grep -c '^not ok ' "$tap" || true)
      mapfile -t names < <(sed -n 's/^not ok [0-9]* - //p' "$tap")
    fi
    local line
    if [[ $status -ne 0 && $failed -eq 0 ]]; then
      # run.sh stopped before or outside the tests (no server, a crash): a failed round all the same.
      failed=1
      names=("the run itself (exit status $status): see ${log#"$repo"/}")
    fi
    if [[ $failed -gt 0 ]]; then any_failed=1; fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    line=$(printf 'round %d: %3d passed, %d failed  (%ds, exit status %d)' \
      "$r" "$passed" "$failed" "$seconds" "$status")
    lines+=("$line")
    echo "repeat.sh: $line"
    local n
    for n in "${names[@]}"; do
      lines+=("    FAILED: $n")
      echo "repeat.sh:     FAILED: $n"
    done
    local trace
    for trace in "$results"/traces/*-"$r".zip "$results"/traces/*-"$r".[0-9]*.zip; do
      [[ -f "$trace" ]] || continue
      lines+=("    trace: ${trace#"$repo"/}")
    done
  done

  {
    echo "Browser suite, $rounds rounds (${E2E_TESTS:-all test files}), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf '%s\n' "${lines[@]}"
    echo "total: $total_passed passed, $total_failed failed"
    if [[ $any_failed -eq 0 ]]; then
      echo "every round passed"
    else
      echo "FAILURES: see test-results/repeat/round-<n>.log and the traces above"
    fi
  } >"$summary"
  echo
  cat "$summary"
  return "$any_failed"
}

main "$@"
exit $?
