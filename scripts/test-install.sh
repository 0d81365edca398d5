#!/usr/bin/env bash
# Installs the .deb in folder $1 (default: the one `make bundle` writes), as
# a user would (dpkg -i), and
# checks what a user gets: the program on the PATH, the desktop entry that
# opens .patlas files, the icon and the MIME type; then launches the
# installed app under Xvfb on a project and checks that its window shows the
# project, and removes the package again. Run by `make test` (as root, as CI
# is); a machine where dpkg cannot install is told so and the check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-install: $*" >&2; exit 1; }

shopt -s nullglob
folder=${1:-target/release/bundle/deb}
debs=("$folder"/*.deb)
((${#debs[@]} == 1)) || fail "expected one .deb in $folder (run make bundle)"
deb=${debs[0]}
[ "$(id -u)" -eq 0 ] || fail "installing a package needs root; run as root (CI does)"
# A copy the user installed is not the checker's to remove; CI's fresh
# machine has none, or one an interrupted run left.
if dpkg-query -W -f='${Status}' persona-atlas 2>/dev/null | grep -q "install ok installed" \
  && [ "${CI:-}" != "true" ]; then
  fail "persona-atlas is installed on this machine; remove it (apt remove persona-atlas) to run this check"
fi

work=$(mktemp -d)
installed=""
cleanup() {
  if [ -n "$installed" ]; then dpkg -r persona-atlas >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dpkg -r persona-atlas >/dev/null 2>&1 || true
echo "test-install: dpkg -i $deb"
installed=yes
dpkg -i "$deb" >/dev/null

bin=/usr/bin/persona-atlas-desktop
desktop="/usr/share/applications/Persona Atlas.desktop"
[ -x "$bin" ] || fail "$bin is not installed"
[ -f "$desktop" ] || fail "no desktop entry at $desktop"
grep -qx 'Exec=persona-atlas-desktop %f' "$desktop" || fail "the desktop entry does not pass the file it opens"
grep -qx 'MimeType=application/x-persona-atlas;' "$desktop" || fail "the desktop entry does not claim .patlas files"
[ -f /usr/share/icons/hicolor/128x128/apps/persona-atlas-desktop.png ] || fail "no icon"
[ -f /usr/share/mime/packages/persona-atlas.xml ] || fail "no MIME type for .patlas"
if command -v update-mime-database >/dev/null; then
  # dpkg's trigger of shared-mime-info has rebuilt the database by now.
  grep -q 'application/x-persona-atlas' /usr/share/mime/globs2 || fail "the MIME database does not know *.patlas"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "the desktop entry is not valid"
fi

# A project to open, written by the command-line tool of this build; the
# app runs with a home of its own so nothing of the user's is touched.
project="$work/Client map.patlas"
target/debug/persona-atlas new "$project" --name "Installed check" >/dev/null
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" \
  XDG_CACHE_HOME="$work/home/cache"
mkdir -p "$HOME"

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  "$0" "$1" >"$2/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    if xdotool search --name "^Installed check — Client map.patlas — Persona Atlas$" >/dev/null 2>&1; then
      sleep 2
      import -window root "$2/shot.png"
      colours=$(convert "$2/shot.png" -format "%k" info:)
      kill "$pid"
      wait "$pid" 2>/dev/null || true
      if [ "$colours" -lt 50 ]; then
        echo "test-install: the window shows almost nothing ($colours colours)" >&2
        exit 1
      fi
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "test-install: the app exited:" >&2; cat "$2/app.log" >&2; exit 1; }
    sleep 0.5
  done
  kill "$pid" || true
  echo "test-install: no window titled with the project after 30 s:" >&2
  cat "$2/app.log" >&2
  exit 1
' "$bin" "$project" "$work" || fail "the installed app did not show the project"

dpkg -r persona-atlas >/dev/null
installed=""
[ ! -e "$bin" ] || fail "dpkg -r left $bin behind"
echo "test-install: installed, opened a project, removed: ok"
