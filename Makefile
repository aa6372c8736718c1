# The two commands: `make run` and `make test` (see README.md). Everything else is a step of them.
LISTEN ?= 127.0.0.1:8080
DB ?= sqlite:var/anlan.db
BUILD ?= build
# Let ccache share results between clones of this repository (paths are rewritten relative).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps test-deps configure build server web run test test-web e2e-repeat test-sanitize bench bench-hazards clean

WEB_SOURCES := $(shell find web/src web/public web/index.html web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null)

all: build

deps:
	@bash tools/install-deps.sh build

test-deps:
	@bash tools/install-deps.sh test

configure: deps
	@test -f $(BUILD)/build.ninja || cmake --preset release >/dev/null

build: server web

server: configure
	@cmake --build $(BUILD)

# The web UI: npm ci from the committed lockfile, then a production bundle in web/dist.
web: web/dist/index.html

web/node_modules/.package-lock.json: web/package-lock.json
	@bash tools/install-deps.sh node
	cd web && npm ci --no-audit --no-fund
	@touch $@

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run build

run: build
	$(BUILD)/anlan serve --db $(DB) --listen $(LISTEN) --demo --set web_root=web/dist

test: test-deps configure web/node_modules/.package-lock.json
	@cmake --build $(BUILD)
	@$(MAKE) --no-print-directory web
	@bash tools/run-tests.sh $(BUILD)

test-web: web/node_modules/.package-lock.json
	cd web && npm test

# The browser suite N times in a row, each round against a fresh server; a summary of each round's
# passed and failed tests, a trace of every failure (tests/e2e/repeat.sh, tests/e2e/README.md).
N ?= 5
e2e-repeat: test-deps build
	@bash tests/e2e/repeat.sh $(N) $(BUILD)/anlan

# clang-tidy, clang-format and the web's type check and lint (CI runs it before the tests).
lint: configure web/node_modules/.package-lock.json
	@bash tools/install-deps.sh lint
	@bash tools/lint.sh $(BUILD)

# Rewrites the C++ tree in the house layout (.clang-format).
format:
	@git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'bench/*.h' | xargs clang-format-14 -i

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (slower to build).
test-sanitize: test-deps
	@test -f build-debug/build.ninja || cmake --preset debug >/dev/null
	@cmake --build build-debug
	@bash tools/run-tests.sh build-debug

bench: test-deps build
	@bash bench/http/run.sh

# Hazards at 10 million rows on SQLite and PostgreSQL (loaded databases are kept in /work/bench-data).
bench-hazards: test-deps server
	@bash bench/hazards/run.sh

clean:
	rm -rf $(BUILD) build-debug
