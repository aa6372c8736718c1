# The two commands: `make run` and `make test` (see README.md). Everything else is a step of them.
LISTEN ?= 127.0.0.1:8080
DB ?= sqlite:var/anlan.db
BUILD ?= build
# Let ccache share results between clones of this repository (paths are rewritten relative).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps test-deps configure build run test test-sanitize bench clean

all: build

deps:
	@bash tools/install-deps.sh build

test-deps:
	@bash tools/install-deps.sh test

configure: deps
	@test -f $(BUILD)/build.ninja || cmake --preset release >/dev/null

build: configure
	@cmake --build $(BUILD)

run: build
	$(BUILD)/anlan serve --db $(DB) --listen $(LISTEN) --demo

test: test-deps configure
	@cmake --build $(BUILD)
	@bash tools/run-tests.sh $(BUILD)

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (slower to build).
test-sanitize: test-deps
	@test -f build-debug/build.ninja || cmake --preset debug >/dev/null
	@cmake --build build-debug
	@bash tools/run-tests.sh build-debug

bench: test-deps build
	@bash bench/http/run.sh

clean:
	rm -rf $(BUILD) build-debug
