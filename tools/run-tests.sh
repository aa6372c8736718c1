#!/usr/bin/env bash
# Runs every test of build dir $1; further arguments go to ctest (e.g. -L fuzz, -LE 'e2e|web').
# Starts a private PostgreSQL 15 server on a free loopback port in a temporary directory for the
# PostgreSQL half of the storage suite, and always stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ $# -gt 0 ] && shift

source tools/pg-test-server.sh
pg_start
trap pg_stop EXIT
export ANLAN_TEST_PG_URL="$PG_URL"

ctest --test-dir "$build" --output-on-failure --timeout 600 -j2 "$@"
