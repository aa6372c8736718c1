# The two commands: `make run` and `make test` (see README.md). Everything else is a step of them.
LISTEN ?= 127.0.0.1:8080
DB ?= sqlite:var/anlan.db
BUILD ?= build
# Let ccache share results between clones of this repository (paths are rewritten relative).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps test-deps fuzz-deps configure build server web run test test-web e2e-repeat test-sanitize \
        lint format fuzz fuzz-merge bench bench-hazards clean

WEB_SOURCES := $(shell find web/src web/public web/index.html web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null)

all: build

deps:
	@bash tools/install-deps.sh build

test-deps:
	@bash tools/install-deps.sh test

fuzz-deps:
	@bash tools/install-deps.sh fuzz

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

# The fuzz targets (tests/fuzz) built with clang-14 and libFuzzer (ASan, UBSan) in build-fuzz, each
# run FUZZ_SECONDS over its corpus; prints execs/s, coverage and crashes per target. New inputs
# stay in build-fuzz/fuzz-out; `make fuzz-merge` adds those that add coverage to the corpus.
FUZZ_SECONDS ?= 60
fuzz: fuzz-deps
	@test -f build-fuzz/build.ninja || cmake --preset fuzz >/dev/null
	@nice -n 5 cmake --build build-fuzz -j2 --target fuzz_targets
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tools/fuzz.sh run build-fuzz

fuzz-merge:
	@bash tools/fuzz.sh merge build-fuzz

bench: test-deps build
	@bash bench/http/run.sh

# Hazards at 10 million rows on SQLite and PostgreSQL (loaded databases are kept in /work/bench-data).
bench-hazards: test-deps server
	@bash bench/hazards/run.sh

clean:
	rm -rf $(BUILD) build-debug build-fuzz
