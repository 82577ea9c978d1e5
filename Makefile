# Makefile: the two commands a newcomer needs, and the steps they are made of.
#
#   make demo    set up .venv if needed and serve the shop demo API with GraphiQL
#   make test    set up .venv with the test tools, run the C tests, lint, pytest
#
# Helpers: c-test, lint, py-test, asan (asan-c, asan-py), fuzz, bench (WORKLOAD=...),
# bench-node, clean, distclean. Everything is built out of tree under build/; the Python package
# is an editable meson-python install in .venv that rebuilds itself on import,
# so re-running `make test` after a change rebuilds only what changed.
# Needs only python3 (3.10+, with venv), a C compiler, make and ninja.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
ASAN_VENV ?= .venv-asan
FUZZ_TIME ?= 60

VPY := $(VENV)/bin/python
PIP := PATH="$(CURDIR)/$(VENV)/bin:$$PATH" PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
  $(VPY) -m pip
# The venv's meson and ninja, found first.
MESON := PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(CURDIR)/$(VENV)/bin/meson
BUILD_DEPS := 'meson-python>=0.16' 'meson>=1.1' ninja

# Stamps: what has been installed into .venv, and from which pyproject.toml.
STAMP_BASE := $(VENV)/.graftql-build-deps
STAMP_PKG := $(VENV)/.graftql-package
STAMP_TEST := $(VENV)/.graftql-test-extras
STAMP_BENCH := $(VENV)/.graftql-bench-extras

# Sanitizer builds: gcc's ASan and UBSan, every UBSan finding fatal.
SAN_SETUP := -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized \
             -Dc_args='-fno-sanitize-recover=all -fno-omit-frame-pointer'
SAN_OPTIONS := halt_on_error=1:abort_on_error=1
UBSAN_ENV := UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
PY_SAN_CONFIG := -Cbuild-dir=build/ci-asan-py \
  -Csetup-args=-Db_sanitize=address,undefined -Csetup-args=-Db_lundef=false \
  -Csetup-args=-Dbuildtype=debugoptimized \
  "-Csetup-args=-Dc_args=-fno-sanitize-recover=all -fno-omit-frame-pointer"

.PHONY: help demo test c-test lint py-test asan asan-c asan-py fuzz bench bench-node clean distclean

help:
	@echo "make demo    serve the shop demo API with GraphiQL on :8000 (sets up .venv)"
	@echo "make test    C tests, ruff, mypy and pytest (sets up .venv with the test tools)"
	@echo "helpers:     c-test lint py-test asan asan-c asan-py fuzz bench bench-node http-audit browser-test clean distclean"

#=== The virtual environment =================================================

# A venv with meson-python, meson and ninja: the package is built without
# build isolation so that its build directory (build/py) is kept and reused.
$(STAMP_BASE):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null || \
	  { echo "error: graftql needs Python 3.10 or newer as '$(PYTHON)' (make PYTHON=...)"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || \
	  { echo "error: '$(PYTHON) -m venv' cannot install pip here;" \
	         "on Debian/Ubuntu: apt-get install python3-venv"; exit 1; }
	@if [ ! -x $(VPY) ]; then echo "Creating $(VENV)"; \
	  $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }; fi
	$(PIP) install -q --upgrade pip
	$(PIP) install -q $(BUILD_DEPS)
	@touch $@

# The package and its server (uvicorn), for the demo.
$(STAMP_PKG): $(STAMP_BASE) pyproject.toml
	$(PIP) install -q --no-build-isolation -Cbuild-dir=build/py -e '.[server]'
	@touch $@

# The package with its test tools (pytest, hypothesis, graphql-core, ruff,
# mypy). Installing it also satisfies the demo.
$(STAMP_TEST): $(STAMP_BASE) pyproject.toml
	$(PIP) install -q --no-build-isolation -Cbuild-dir=build/py -e '.[test,server]'
	@touch $(STAMP_PKG) $@

# The test tools and the benchmark peers (strawberry-graphql, ariadne,
# aiodataloader). Installing it also satisfies the test tools.
$(STAMP_BENCH): $(STAMP_BASE) pyproject.toml
	$(PIP) install -q --no-build-isolation -Cbuild-dir=build/py -e '.[test,server,bench]'
	@touch $(STAMP_PKG) $(STAMP_TEST) $@

#=== make demo ===============================================================

# The shop demo (examples/shop): users, orders and loyalty points on SQLite,
# seeded on first start, served by uvicorn with GraphiQL. PORT overrides 8000.
PORT ?= 8000

demo: $(STAMP_PKG)
	@echo "==> The graftql shop demo: http://127.0.0.1:$(PORT)/graphql (GraphiQL in a browser)"
	@echo "    The first start seeds its SQLite database (a few seconds). Ctrl-C stops it."
	@$(VPY) -m graftql serve examples.shop.app:app --host 127.0.0.1 --port $(PORT)

#=== make test ===============================================================

test: c-test lint py-test

build/c/build.ninja: | $(STAMP_BASE)
	$(MESON) setup build/c -Dwerror=true -Dpython=false

c-test: build/c/build.ninja | $(STAMP_BASE)
	$(MESON) compile -C build/c
	$(MESON) test -C build/c --print-errorlogs
	@$(PYTHON) tests/c/summary.py build/c

lint: $(STAMP_TEST)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# pytest exits 5 when it collects no test at all: said plainly, not a failure.
py-test: $(STAMP_TEST)
	@status=0; $(VPY) -m pytest || status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest: no tests collected"; \
	  elif [ $$status -ne 0 ]; then exit $$status; fi

#=== Sanitizers ==============================================================

asan: asan-c asan-py

# The C tests and graftql-c under ASan+UBSan, leaks included.
build/ci-asan/build.ninja: | $(STAMP_BASE)
	$(MESON) setup build/ci-asan -Dpython=false $(SAN_SETUP)

asan-c: build/ci-asan/build.ninja | $(STAMP_BASE)
	$(MESON) compile -C build/ci-asan
	ASAN_OPTIONS=$(SAN_OPTIONS):detect_leaks=1:detect_stack_use_after_return=1 $(UBSAN_ENV) \
	  $(MESON) test -C build/ci-asan --print-errorlogs
	@$(PYTHON) tests/c/summary.py build/ci-asan

# pytest against a sanitized build of the extension, installed (not editable)
# into its own venv. CPython itself is not instrumented: the sanitizer
# runtimes are preloaded, Python's allocator is bypassed so ASan sees every
# allocation, and leak detection is off (the interpreter keeps memory at exit).
ASAN_STAMP := $(ASAN_VENV)/.graftql-test-extras
ASAN_PIP := PATH="$(CURDIR)/$(ASAN_VENV)/bin:$$PATH" PIP_DISABLE_PIP_VERSION_CHECK=1 \
  PIP_NO_INPUT=1 $(ASAN_VENV)/bin/python -m pip

$(ASAN_STAMP): $(STAMP_BASE) pyproject.toml
	@if [ ! -x $(ASAN_VENV)/bin/python ]; then echo "Creating $(ASAN_VENV)"; \
	  $(PYTHON) -m venv $(ASAN_VENV) || { rm -rf $(ASAN_VENV); exit 1; }; fi
	$(ASAN_PIP) install -q --upgrade pip
	$(ASAN_PIP) install -q $(BUILD_DEPS)
	$(ASAN_PIP) install -q --no-build-isolation $(PY_SAN_CONFIG) '.[test]'
	@touch $@

# pip keeps an installed local project of the same version: force the rebuild
# (incremental, in build/ci-asan-py) so the run tests the current sources.
asan-py: $(ASAN_STAMP)
	$(ASAN_PIP) install -q --no-build-isolation --force-reinstall --no-deps $(PY_SAN_CONFIG) .
	@status=0; \
	  ASAN_OPTIONS=$(SAN_OPTIONS):detect_leaks=0 $(UBSAN_ENV) PYTHONMALLOC=malloc \
	  LD_PRELOAD="$$(gcc -print-file-name=libasan.so) $$(gcc -print-file-name=libubsan.so)" \
	  $(ASAN_VENV)/bin/python -m pytest -p no:cacheprovider || status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest: no tests collected"; \
	  elif [ $$status -ne 0 ]; then exit $$status; fi

#=== Fuzzing =================================================================

# libFuzzer needs clang (Debian: clang and libclang-rt-NN-dev).
build/ci-fuzz/build.ninja: | $(STAMP_BASE)
	CC=clang $(MESON) setup build/ci-fuzz -Dfuzz=true -Dtests=false -Dpython=false \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized \
	  -Dc_args='-fno-sanitize-recover=all -fno-omit-frame-pointer'

fuzz: build/ci-fuzz/build.ninja | $(STAMP_BASE)
	$(MESON) compile -C build/ci-fuzz fuzz_parser fuzz_validate fuzz_execute
	fuzz/run.sh build/ci-fuzz/fuzz_parser $(FUZZ_TIME)
	fuzz/run.sh build/ci-fuzz/fuzz_validate $(FUZZ_TIME)
	fuzz/run.sh build/ci-fuzz/fuzz_execute $(FUZZ_TIME)

#=== Others ==================================================================

bench: $(STAMP_BENCH) bench-node
	$(VPY) -m bench $(or $(WORKLOAD),all)

# The node peers (graphql-js, graphql-jit) from bench/node/package-lock.json.
# Optional: without node or npm, or offline, the harness reports them skipped.
bench-node: bench/node/node_modules/.package-lock.json

bench/node/node_modules/.package-lock.json: bench/node/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  (cd bench/node && npm ci --no-audit --no-fund --loglevel=error) || \
	    echo "npm ci failed: the node peers (graphql-js, graphql-jit) will be skipped"; \
	else echo "npm not found: the node peers (graphql-js, graphql-jit) will be skipped"; fi

# Removing build/py breaks the editable install: drop its stamps too.
clean:
	rm -rf build
	rm -f $(STAMP_PKG) $(STAMP_TEST)

distclean: clean
	rm -rf $(VENV) $(ASAN_VENV) .mypy_cache .ruff_cache .pytest_cache bench/node/node_modules

#=== GraphQL over HTTP audit =================================================

# The graphql-http audit suite (tests/conformance/http, pinned by its
# package-lock.json; needs node 18+ and the npm registry) against an app
# served by uvicorn on a free loopback port, stopped afterwards. AUDIT_APP is
# module:attr, imported from the current directory or tests/python (default:
# the test app); its GraphQL endpoint must be /graphql. Passes only when every
# audit is ok: no errors, no warnings.
AUDIT_APP ?= http_app:app

.PHONY: http-audit http-audit-clean

http-audit: $(STAMP_TEST)
	cd tests/conformance/http && npm ci --no-audit --no-fund --loglevel=error
	$(VPY) tests/conformance/http/run_audit.py $(AUDIT_APP)

http-audit-clean:
	rm -rf tests/conformance/http/node_modules tools/graphiql/node_modules

distclean: http-audit-clean

#=== GraphiQL in a browser ===================================================

# GraphiQL in headless Chromium (tests/browser): the page GraphQLApp serves,
# its files served locally from build/graphiql (tools/graphiql/fetch.sh, npm
# once), loads and runs a query; nothing may leave the loopback. Needs
# Debian's chromium (Playwright drives it; its own browser download is never
# used) and Playwright from the browser extra, installed here when missing.
# The screenshot is kept in build/browser/graphiql.png.
CHROMIUM ?= /usr/bin/chromium

.PHONY: browser-test

browser-test: $(STAMP_TEST)
	@$(VPY) -c 'import playwright' 2>/dev/null || \
	  $(PIP) install -q --no-build-isolation -Cbuild-dir=build/py -e '.[test,server,browser]'
	@[ -x $(CHROMIUM) ] || \
	  { echo "error: no chromium at $(CHROMIUM): apt-get install chromium (as root)"; exit 1; }
	GRAFTQL_BROWSER_REQUIRED=1 GRAFTQL_CHROMIUM=$(CHROMIUM) $(VPY) -m pytest tests/browser -ra
