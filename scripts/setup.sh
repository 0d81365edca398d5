#!/usr/bin/env bash
# Installs what building and testing Persona Atlas needs on a Debian machine,
# skipping whatever is already there, so that a second run takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver imagemagick
  poppler-utils xdotool
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  line="apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive $line
  else
    echo "setup: these system packages are missing; install them with:" >&2
    echo "  sudo apt-get update && sudo $line" >&2
    exit 1
  fi
fi

for tool in cargo node npm; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is not installed" >&2; exit 1; }
done

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0
fi

# DuckDB runs the SQL that rules-sql writes, in a test, to show it gives the
# app's answers.
if ! python3 -c "import duckdb" 2>/dev/null; then
  echo "setup: installing DuckDB for Python (the rules-sql test's engine)"
  python3 -m pip install --quiet --disable-pip-version-check duckdb==2.0.1
fi

# NetworkX reads back the GraphML and GEXF that export writes, in a test:
# the library the issue names, standing in for Gephi and yEd.
if ! python3 -c "import networkx" 2>/dev/null; then
  echo "setup: installing NetworkX for Python (the graph export test's reader)"
  python3 -m pip install --quiet --disable-pip-version-check networkx==3.6.1
fi

# npm ci refuses here: the lock file names other platforms' @tauri-apps/cli
# packages, which the registry does not serve. npm install keeps the lock.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing the UI's npm packages"
  (cd ui && npm install --no-audit --no-fund --loglevel=error)
fi
