# relplan — the two commands of the Quick start, plus a few for developers.
#   make run    install what is missing, build, serve the page on http://127.0.0.1:8080 and open the desktop app
#   make test   install what is missing, build both targets, run every test
# Developer targets: native, web, bench, fuzz, test-sanitize, screenshots, clean.
SHELL := /bin/bash
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)
PORT ?= 8080

.PHONY: run test deps native web sanitize test-native test-web test-e2e test-sanitize test-fuzz fuzz bench screenshots clean

deps:
	@tools/install-deps.sh

native: deps
	@tools/step.sh "configure native build" cmake --preset native
	@tools/step.sh "build native targets" cmake --build --preset native -j $(JOBS)

web: deps
	@tools/step.sh "configure web build" cmake --preset web
	@tools/step.sh "build the WebAssembly page and tests" cmake --build --preset web -j $(JOBS)

sanitize: deps
	@tools/step.sh "configure sanitizer build" cmake --preset sanitize
	@tools/step.sh "build with ASan+UBSan" cmake --build --preset sanitize -j $(JOBS)

run: native web
	@tools/run.sh $(PORT)

test: native web
	@tools/test.sh

test-sanitize: sanitize
	@tools/test.sh sanitize

# FUZZ_SECONDS per target (make fuzz FUZZ_SECONDS=60 for a short round), FUZZ_JOBS targets at once.
FUZZ_SECONDS ?= 600
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) tools/fuzz.sh long

bench: native web
	@tools/bench.sh

screenshots: native web
	@tools/test.sh screenshots

clean:
	rm -rf build/native build/web build/sanitize build/fuzz build/artifacts
