# SegGraph: `make test` and `make demo` work on a fresh Debian machine with Swift 6.3.
# They install the C libraries they need with apt when missing (quiet when present).

SWIFT ?= swift
BUILD_FLAGS ?=
BIN = .build/debug/seggraph
RELEASE_BIN = .build/release/seggraph
DEMO_DIR ?= demo-out
APT_PACKAGES = liblmdb-dev libavformat-dev libavcodec-dev libswscale-dev libsqlite3-dev pkg-config

.PHONY: deps build release test test-tsan test-asan demo demo-stop bench fuzz fuzz-build man install clean

deps:
	@if ! pkg-config --exists lmdb libavformat libavcodec libswscale sqlite3 2>/dev/null; then \
		echo "installing: $(APT_PACKAGES)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

build: deps
	$(SWIFT) build --product seggraph $(BUILD_FLAGS)

# The Swift runtime and Foundation linked statically: a query starts in ~7 ms instead of ~13
# (benchmarks/RESULTS.md, "Start-up").
release: deps
	$(SWIFT) build -c release --static-swift-stdlib $(BUILD_FLAGS)

# Unit, integration and CLI tests (the CLI tests run the built seggraph binary), then the
# JSON Schema checks: the importer fixtures, every query's --json against schema/answers/, and
# a live `seggraph serve` against schema/openapi.yaml; then the timeline page in headless
# Chromium (installed with apt when missing); then short libFuzzer and SIGKILL fault runs.
test: build
	$(SWIFT) build --product seggraph $(BUILD_FLAGS)
	@python3 -c 'import kuzu' 2>/dev/null || pip install -q kuzu >/dev/null 2>&1 || \
		echo "kuzu unavailable: the Neo4j-CSV-into-Kùzu test will be skipped"
	$(SWIFT) test $(BUILD_FLAGS)
	@if python3 -c 'import jsonschema, yaml' 2>/dev/null || pip install -q jsonschema pyyaml >/dev/null 2>&1; then \
		python3 schema/validate_fixtures.py && python3 schema/validate_answers.py $(BIN) && \
		python3 schema/validate_openapi.py $(BIN); \
	else echo "skipping schema/validate_fixtures.py: python3 jsonschema unavailable"; fi
	@if command -v schemathesis >/dev/null 2>&1 || pip install -q schemathesis >/dev/null 2>&1; then \
		bash schema/run_schemathesis.sh $(BIN); \
	else echo "skipping schema/run_schemathesis.sh: schemathesis unavailable (pip install schemathesis)"; fi
	@command -v chromium >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null 2>&1; } || \
		echo "chromium unavailable: the timeline page's browser test will be skipped"
	bash schema/browser_test.sh $(BIN)
	@# A short fuzz run (5 s per importer format; `make fuzz` runs longer).
	$(MAKE) fuzz FUZZ_SECONDS=5
	@# A short fault run: SIGKILL at random moments of import, relink and backup, 5 times each
	@# (the 50-kill figures are in benchmarks/RESULTS.md).
	bash benchmarks/faults/run_kills.sh $(BIN) 5
	@# Out of room at 4 moments of a first and a later import: a full map (SEGGRAPH_MAP_MAX)
	@# and a full disk (a tmpfs; skipped, and said, without root).
	bash benchmarks/faults/run_full.sh $(BIN) 4

# Thread Sanitizer over the tests that share a store between threads (in-process readers and a
# writer; the server's routes; an import indexing on a second thread) and between processes
# (the ManyReaders CLI test runs the TSan-built binary). Its own build directory: a sanitized
# build never mixes with .build.
TSAN_FLAGS = --scratch-path .build-tsan --sanitize=thread
test-tsan: deps
	$(SWIFT) build --build-tests $(TSAN_FLAGS)
	SEGGRAPH_BINARY=$(CURDIR)/.build-tsan/debug/seggraph TSAN_OPTIONS=halt_on_error=1 \
		$(SWIFT) test --skip-build $(TSAN_FLAGS) --filter 'StoreThreadsTests|ManyReadersTests|EndpointTests|AccessTests|ConcurrentIndexingTests'

# Address Sanitizer over the whole Swift suite; the CLI tests run the ASan-built binary.
ASAN_FLAGS = --scratch-path .build-asan --sanitize=address
test-asan: deps
	$(SWIFT) build --build-tests $(ASAN_FLAGS)
	SEGGRAPH_BINARY=$(CURDIR)/.build-asan/debug/seggraph ASAN_OPTIONS=detect_leaks=0 \
		$(SWIFT) test --skip-build $(ASAN_FLAGS)

demo: build
	bash scripts/demo.sh $(BIN) $(DEMO_DIR)

# libFuzzer (Tests/Fuzz) over every importer, FUZZ_SECONDS per input format, seeded from
# ../shared/data and the fixtures, and over what people type (time windows, --where, --then,
# --with, --zone) against a small store; built with -sanitize=fuzzer,address in .build-fuzz.
FUZZ_SECONDS ?= 60
FUZZ_BIN = .build-fuzz/debug/seggraph-fuzz
FUZZ_FLAGS = --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
fuzz-build: deps
	$(SWIFT) build --product seggraph-fuzz $(FUZZ_FLAGS)
	$(SWIFT) build --product seggraph-fuzz-queries $(FUZZ_FLAGS)

fuzz: fuzz-build
	bash Tests/Fuzz/run_fuzz.sh $(FUZZ_BIN) $(FUZZ_SECONDS)

# The man page, generated from the command definitions (argument-parser's generate-manual
# plugin; it builds seggraph in release mode first).
man:
	mkdir -p .build/man
	$(SWIFT) package plugin --allow-writing-to-directory .build/man generate-manual -o .build/man

# seggraph, its man page and its shell completion (bash, zsh, fish) under PREFIX.
PREFIX ?= /usr/local
install: release man
	install -D -m 755 $(RELEASE_BIN) $(PREFIX)/bin/seggraph
	install -D -m 644 .build/man/seggraph.1 $(PREFIX)/share/man/man1/seggraph.1
	$(RELEASE_BIN) --generate-completion-script bash | install -D -m 644 /dev/stdin $(PREFIX)/share/bash-completion/completions/seggraph
	$(RELEASE_BIN) --generate-completion-script zsh | install -D -m 644 /dev/stdin $(PREFIX)/share/zsh/site-functions/_seggraph
	$(RELEASE_BIN) --generate-completion-script fish | install -D -m 644 /dev/stdin $(PREFIX)/share/fish/vendor_completions.d/seggraph.fish

# Stops the server `make demo` leaves running.
demo-stop:
	@if [ -f $(DEMO_DIR)/serve.pid ]; then kill "$$(cat $(DEMO_DIR)/serve.pid)" 2>/dev/null && echo "stopped the demo server"; rm -f $(DEMO_DIR)/serve.pid; else echo "no demo server running"; fi

bench: release
	bash benchmarks/run_store_bench.sh

clean: demo-stop
	rm -rf .build $(DEMO_DIR)
