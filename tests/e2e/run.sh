#!/usr/bin/env bash
# Browser end-to-end tests: starts the real server (demo data, a temporary SQLite database, the
# built web UI from web/dist) on a free loopback port, then runs tests/e2e/*.test.mjs with Node's
# test runner; playwright-core drives Debian's /usr/bin/chromium.
#
#   bash tests/e2e/run.sh [path/to/anlan]        (default: build/anlan)
#   E2E_TESTS=tests/e2e/03-export.test.mjs bash tests/e2e/run.sh    (only some test files)
#
# Needs: web/dist built (make test does it; or `npm run build` in web/), Node 20.19+, chromium and
# fonts-wqy-microhei. The server runs with the testing clock on (loopback only): a test may move its
# time forward with POST /api/v1/testing/clock, so such tests run last.
#
# What a run leaves in test-results/ at the repository root: screenshots in screens/ (FAILED-*.png
# for a failure), a Playwright trace of each failed test in traces/ (see tests/e2e/README.md), and
# the server's log in e2e-server.log.
#
# Set by tests/e2e/repeat.sh for each round: ANLAN_E2E_ROUND=<n> (the round goes into the names:
# e2e-server-<n>.log, FAILED-<file>-<n>.png, traces/…-<n>.zip; what earlier rounds left is kept) and
# E2E_TAP=<file> (a TAP report of the run written there too).
#
# Everything is inside main(), which bash reads whole before running it: editing this file while
# a run is going on cannot derail that run.
set -euo pipefail

main() {
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  repo="$(cd "$here/../.." && pwd)"

  anlan="${1:-$repo/build/anlan}"
  case "$anlan" in
    /*) ;;
    *) anlan="$PWD/$anlan" ;;
  esac
  web_dist="$repo/web/dist"
  results="$repo/test-results"
  round="${ANLAN_E2E_ROUND:-}"
  server_log="$results/e2e-server${round:+-$round}.log"

  if [[ ! -x "$anlan" ]]; then
    echo "run.sh: no anlan binary at $anlan (build it: cmake --build build)" >&2
    return 2
  fi
  if [[ ! -f "$web_dist/index.html" ]]; then
    echo "run.sh: $web_dist/index.html is missing (build the web UI: cd web && npm ci && npm run build)" >&2
    return 2
  fi
  chromium="${ANLAN_CHROMIUM:-/usr/bin/chromium}"
  if [[ ! -x "$chromium" ]]; then
    echo "run.sh: no Chromium at $chromium (apt-get install chromium fonts-wqy-microhei)" >&2
    return 2
  fi

  # The npm packages, from the committed lockfile, when missing or older than it.
  if [[ ! -f "$here/node_modules/.package-lock.json" ||
        "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
    (cd "$here" && npm ci --no-audit --no-fund)
  fi

  tmp="$(mktemp -d "${TMPDIR:-/tmp}/anlan-e2e.XXXXXX")"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  base="http://127.0.0.1:$port"

  cd "$repo"
  "$anlan" serve --db "sqlite:$tmp/a.db" --listen "127.0.0.1:$port" \
    --demo --demo-password Demo-pass-2026 \
    --set "web_root=$web_dist" --set argon2_mem_kib=1024 --set argon2_ops=1 \
    --set "files_dir=$tmp/files" --set testing_clock=true \
    >"$tmp/server.log" 2>&1 &
  server_pid=$!
  # Should this script be killed outright (no trap runs), the server must not outlive it.
  (
    while kill -0 $$ 2>/dev/null; do sleep 1; done
    kill "$server_pid" 2>/dev/null || true
  ) </dev/null >/dev/null 2>&1 &
  watchdog_pid=$!

  # Wait for /healthz (the demo data is seeded before the server listens).
  if ! python3 - "$base/healthz" "$server_pid" <<'EOF'; then
import os, sys, time, urllib.request
url, pid = sys.argv[1], int(sys.argv[2])
deadline = time.time() + 60
while time.time() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("server exited")
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except Exception:
        pass
    time.sleep(0.1)
sys.exit("timed out")
EOF
    echo "run.sh: the server did not start:" >&2
    tail -n 40 "$tmp/server.log" >&2
    return 1
  fi

  export ANLAN_URL="$base"
  export ANLAN_DEMO_PASSWORD=Demo-pass-2026
  export ANLAN_E2E_RESULTS="$results"
  # Browser profiles and other temporary files of the tests go into $tmp (removed at the end).
  export TMPDIR="$tmp"
  mkdir -p "$results/screens"
  if [[ -z "$round" ]]; then
    # Pictures and traces of earlier failures would mislead; the others are overwritten by name.
    # (In a repeated run, repeat.sh clears them once before the first round.)
    rm -f "$results"/screens/FAILED-*.png
    rm -rf "$results/traces"
  fi

  # The TAP report to a file as well (repeat.sh counts each round's results from it).
  local reporters=()
  if [[ -n "${E2E_TAP:-}" ]]; then
    local shown=tap
    [[ -t 1 ]] && shown=spec
    reporters=(--test-reporter="$shown" --test-reporter-destination=stdout
               --test-reporter=tap --test-reporter-destination="$E2E_TAP")
  fi

  echo "run.sh: server $base (pid $server_pid), web root $web_dist"
  local status=0
  if [[ -n "${E2E_TESTS:-}" ]]; then
    # shellcheck disable=SC2086 # a list of files
    node --test --test-concurrency=1 "${reporters[@]}" $E2E_TESTS || status=$?
  else
    node --test --test-concurrency=1 "${reporters[@]}" tests/e2e/*.test.mjs || status=$?
  fi
  if [[ $status -ne 0 ]]; then
    echo "run.sh: browser tests failed (status $status); server log: ${server_log#"$repo"/}," \
         "screenshots: test-results/screens/, traces: test-results/traces/" >&2
  fi
  return "$status"
}

# Stops the server and its watchdog, keeps the server's log, removes the temporary folder.
cleanup() {
  local status=$?
  if [[ -n "${watchdog_pid:-}" ]]; then
    kill "$watchdog_pid" 2>/dev/null || true
    wait "$watchdog_pid" 2>/dev/null || true
  fi
  if [[ -n "${server_pid:-}" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -n "${tmp:-}" && -d "$tmp" ]]; then
    if [[ -f "$tmp/server.log" ]]; then
      mkdir -p "$results"
      cp "$tmp/server.log" "$server_log" || true
    fi
    rm -rf "$tmp"
  fi
  exit "$status"
}

main "$@"; exit $?
