#!/usr/bin/env bash
# Check a built bundle the way a newsroom laptop uses it: `make package` runs this after PyInstaller.
#
#     packaging/smoke_test.sh [BUNDLE]      (default dist/newsdesk)
#
# Every run of the program gets an empty environment (no PYTHONPATH, no virtualenv, HOME and the
# XDG folders in a scratch directory), so the bundle can only use what it carries. (The one
# addition, QTWEBENGINE_DISABLE_SANDBOX=1, is there because build machines and CI run as root,
# where Chromium refuses its sandbox; the app itself never sets it.) Checked: the
# version; the command line on the bundle's own sample article (import, info, check, export to a
# web page); compiled translations for every translation source; and the window, started offscreen
# on the sample and on a project file, still running after a few seconds without a traceback.
set -euo pipefail
cd "$(dirname "$0")/.."

BUNDLE=${1:-dist/newsdesk}
PROGRAM=$BUNDLE/newsdesk
RESOURCES=$BUNDLE/_internal/newsdesk/resources
WINDOW_SECONDS=${WINDOW_SECONDS:-8}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

fail() {
    echo "smoke_test: $*" >&2
    exit 1
}

bundled() {
    env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$SCRATCH/home" \
        XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" \
        XDG_CACHE_HOME="$SCRATCH/cache" XDG_RUNTIME_DIR="$SCRATCH/runtime" \
        QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 "$@"
}

# The bundle's processes (the window and Chromium's helpers), found by their executable's path.
bundle_processes() {
    local dir
    dir=$(cd "$BUNDLE" && pwd)
    pgrep -f -- "^$dir/" || true
}

[ -x "$PROGRAM" ] || fail "$PROGRAM is missing; run make package"
mkdir -p "$SCRATCH/home" "$SCRATCH/runtime"
chmod 700 "$SCRATCH/runtime"

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/newsdesk/__init__.py)
[ "$(bundled "$PROGRAM" --version)" = "newsdesk $version" ] || fail "--version is not $version"

bundled "$PROGRAM" import "$RESOURCES/sample/sample.json" -o "$SCRATCH/sample.newsdesk" \
    || fail "importing the bundled sample failed"
bundled "$PROGRAM" info "$SCRATCH/sample.newsdesk" >"$SCRATCH/info.txt" || fail "info failed"
headline=$(head -n 1 "$SCRATCH/info.txt")
status=0
bundled "$PROGRAM" check "$SCRATCH/sample.newsdesk" >/dev/null || status=$?
[ "$status" -le 1 ] || fail "check failed with status $status"
bundled "$PROGRAM" export "$SCRATCH/sample.newsdesk" -o "$SCRATCH/sample.html" \
    || fail "export failed"
grep -q "<html" "$SCRATCH/sample.html" || fail "the export is no web page"
grep -qF "$headline" "$SCRATCH/sample.html" || fail "the export lacks the headline $headline"

# The live preview is Chromium: its helper process and resources must travel with the bundle.
QT_DIR=$BUNDLE/_internal/PySide6/Qt
[ -x "$QT_DIR/libexec/QtWebEngineProcess" ] || fail "QtWebEngineProcess is not in the bundle"
[ -f "$QT_DIR/resources/qtwebengine_resources.pak" ] || fail "the web engine's resources are missing"
[ -f "$QT_DIR/translations/qtwebengine_locales/en-US.pak" ] || fail "the web engine's locale is missing"

# Spell checking: the five dictionaries the bundle promises (German, Austrian, Swiss, British, US).
for name in de_DE de_AT de_CH en_GB en_US; do
    [ -f "$BUNDLE/_internal/hunspell/$name.dic" ] || fail "the dictionary $name is not in the bundle"
done

for source in resources/translations/*.ts; do
    [ -e "$source" ] || continue
    name=$(basename "$source" .ts)
    [ -f "$RESOURCES/translations/$name.qm" ] || fail "translation $name.qm is not in the bundle"
done

# The window has no way to quit by itself; a window still up after some seconds, with nothing on
# stderr that looks like a crash, counts as started.
window_starts() {
    local name=$1
    local log=$SCRATCH/window-$name.log
    shift
    # `exec` replaces the background subshell, so $! is the window itself: a kill of the
    # subshell alone left the window and its Chromium processes running (~400 MB a run).
    (exec env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$SCRATCH/home" \
        XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" \
        XDG_CACHE_HOME="$SCRATCH/cache" XDG_RUNTIME_DIR="$SCRATCH/runtime" \
        QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 "$PROGRAM" "$@") >"$log" 2>&1 &
    local pid=$!
    sleep "$WINDOW_SECONDS"
    if ! kill -0 "$pid" 2>/dev/null; then
        cat "$log" >&2
        fail "the window on the $name exited during the first $WINDOW_SECONDS seconds"
    fi
    # SIGTERM closes the window as a logout does; it must end by itself, with its helpers.
    kill -TERM "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 20 ]; do
        sleep 0.5
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        fail "the window on the $name did not quit within 10 seconds of SIGTERM"
    fi
    wait "$pid" 2>/dev/null || true
    sleep 1
    local left
    left=$(bundle_processes)
    if [ -n "$left" ]; then
        ps -o pid,args -p $left >&2 || true
        kill -KILL $left 2>/dev/null || true
        fail "processes of the bundle were left running after the window on the $name quit"
    fi
    if grep -qE "Traceback|Failed to execute script|Could not load the Qt platform plugin" "$log"; then
        cat "$log" >&2
        fail "the window on the $name reported an error"
    fi
}
window_starts sample
window_starts "project file" "$SCRATCH/sample.newsdesk"

echo "smoke_test: $BUNDLE runs: newsdesk $version, '$headline' exported, window starts"
