# `make run` sets up a fresh Debian machine and opens the app on the demo.
# `make test` sets up and runs every check CI runs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

APP := target/debug/persona-atlas-desktop
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: setup ui app run test check-rust check-ui test-rust test-e2e bundle test-install bindings fmt clean bench fuzz

setup:
	@scripts/setup.sh

ui: setup
	cd ui && npm run --silent build

# The desktop binary embeds ui/dist, so the UI is built first.
app: ui
	cargo build -p persona-atlas-desktop

run: app
	$(APP) --demo

check-ui: setup
	cd ui && npx tsc --noEmit
	cd ui && npx biome check .
	cd ui && npx vitest run

check-rust: ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust: ui
	cargo test

test-e2e: app
	@command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: run make setup" >&2; exit 1; }
	$(XVFB) cargo test -p persona-atlas-e2e -- --test-threads=1 --nocapture

# The Linux package (.deb) with Tauri's bundler, from the CLI in ui's npm
# packages: target/release/bundle/deb/. No AppImage: its bundler downloads
# linuxdeploy and AppRun at build time, which this project's machines cannot.
bundle: ui
	rm -rf target/release/bundle/deb
	ui/node_modules/.bin/tauri build --bundles deb --ci
	@ls target/release/bundle/deb/*.deb

# Installs a package with dpkg, opens a project with the installed app under
# Xvfb, and removes it again. The package is built as `make bundle` builds
# it but from the debug build the other tests use: a release build from
# nothing takes ten minutes of CI on two cores, and the packaging, the
# desktop entry and the file association are the same.
test-install: app
	cargo build -p persona-atlas --bin persona-atlas
	rm -rf target/debug/bundle/deb
	ui/node_modules/.bin/tauri build --debug --bundles deb --ci
	scripts/test-install.sh target/debug/bundle/deb

test: check-ui check-rust test-rust test-e2e test-install
	@echo "make test: every check passed; screenshots are in target/e2e-screenshots/"

# Regenerates ui/src/ipc/bindings.ts from the Rust types.
bindings: ui
	UPDATE_BINDINGS=1 cargo test -p persona-atlas-desktop bindings

fmt: setup
	cargo fmt --all
	cd ui && npx biome check --write .

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules

# Prints the benchmark figures (criterion, release build), then the edit
# command's cost per edit against SQLite's own floor on the same file, then
# a match of a million records against DuckDB counting them (pip install duckdb).
bench:
	cargo bench -p persona-atlas --bench analysis --bench session --bench rules -- --noplot 2>&1 \
	  | grep -E "^(full_analysis|reanalysis|after_an_edit|session|rules)|time:"
	cargo build --release -p persona-atlas
	python3 scripts/bench-edit.py target/release/persona-atlas
	python3 scripts/bench-match.py target/release/persona-atlas

# Runs the mutation fuzzers of the readers a million times each (release
# build); CI runs a few thousand of each within `make test`.
fuzz:
	PERSONA_ATLAS_FUZZ_CASES=$${FUZZ_CASES:-1000000} cargo test --release -p persona-atlas \
	  --test integration fuzz -- --nocapture --test-threads=3
