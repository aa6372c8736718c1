#!/usr/bin/env bash
# make lint: clang-tidy (the checks in .clang-tidy) over src/, clang-format over the C++ tree
# (.clang-format: Google style, 100 columns), and the web's type check, eslint and prettier.
# Needs the build directory $1 (default build) configured, for compile_commands.json.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
status=0

echo "lint: clang-format"
mapfile -t cxx < <(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'bench/*.h')
if ! clang-format-14 --dry-run --Werror "${cxx[@]}"; then
  echo "lint: clang-format: run  clang-format-14 -i <files>  (or make format)" >&2
  status=1
fi

echo "lint: clang-tidy (${build}/compile_commands.json)"
mapfile -t sources < <(git ls-files 'src/*.cc')
if ! run-clang-tidy-14 -quiet -j "$(nproc)" -p "$build" "${sources[@]/#/$PWD/}" >"$build/clang-tidy.log" 2>&1; then
  grep -E "(error|warning):" "$build/clang-tidy.log" | sed 's/\x1b\[[0-9;]*m//g' | sort -u >&2 || true
  echo "lint: clang-tidy found problems (full output: $build/clang-tidy.log)" >&2
  status=1
fi

echo "lint: web (vue-tsc, eslint, prettier)"
(cd web && npm run --silent typecheck && npm run --silent lint) || status=1

exit $status
