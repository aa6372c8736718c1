#!/usr/bin/env bash
# Installs the Debian packages Anlan needs to build, run and test, skipping what is present.
# Usage: tools/install-deps.sh [build|test|lint|fuzz|node]   (default: build). Needs root (or sudo) for apt-get.
set -euo pipefail
mode=${1:-build}

build_pkgs=(
  g++ cmake ninja-build ccache pkg-config make
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libssl-dev libsodium-dev libsqlite3-dev libpq-dev libtomlplusplus-dev libxlsxwriter-dev zlib1g-dev
  libpwquality-dev cracklib-runtime
  libgtest-dev libgmock-dev
)
# make fuzz: clang-14 and its libFuzzer/sanitizer runtimes (the project builds with g++ otherwise).
fuzz_pkgs=(clang-14 libclang-rt-14-dev)
test_pkgs=(
  postgresql-15 sqlite3 python3 curl openssl wrk nginx-light chromium fonts-wqy-microhei
)

if [ "$mode" = node ]; then
  # The web build needs Node.js 20.19 or newer with npm; Debian 12's own nodejs is older.
  if command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)'; then
    exit 0
  fi
  echo "Node.js 20.19 or newer with npm is needed to build the web UI (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

lint_pkgs=(clang-tidy-14 clang-format-14)

pkgs=("${build_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")
[ "$mode" = lint ] && pkgs+=("${lint_pkgs[@]}")
[ "$mode" = fuzz ] && pkgs+=("${fuzz_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts services on install; the project starts its own on private ports.
for svc in postgresql nginx; do
  if command -v systemctl >/dev/null && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $sudo systemctl stop "$svc" || true
  fi
done
exit 0
