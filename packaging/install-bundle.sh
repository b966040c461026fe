#!/bin/sh
# Install the Newsdesk bundle this script sits in for the current user, without root: the
# `newsdesk` command in ~/.local/bin, the menu entry, the icons, and the .newsdesk file type, so
# that a double click on a project file opens it in Newsdesk.
#
#     ./install-bundle.sh              install (again) from wherever this folder is now
#     ./install-bundle.sh --uninstall  remove all of that again (the bundle folder itself stays)
#
# The bundle is used in place: move the folder first, then run this script, if it should live
# elsewhere (for example ~/.local/lib/newsdesk). The menu entry points at the program by its full
# path, so it works even before ~/.local/bin is on the PATH of the desktop session.
set -eu

APP_ID=io.github.newsdesk.Newsdesk
MIME_ICON=application-x-newsdesk
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin

# Update the desktop's caches when the tools for it are there; without them the files still
# count from the next login.
refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
        "$DATA/mime/packages/newsdesk-mime.xml"
    for icon in "$DATA"/icons/hicolor/*/apps/"$APP_ID".* \
        "$DATA"/icons/hicolor/*/mimetypes/"$MIME_ICON".*; do
        rm -f "$icon"
    done
    # Only our own link: a newsdesk installed some other way (pip --user) is left alone.
    if [ -L "$BIN/newsdesk" ] && [ "$(readlink "$BIN/newsdesk")" = "$HERE/newsdesk" ]; then
        rm -f "$BIN/newsdesk"
    fi
    refresh
    echo "Newsdesk's menu entry, icons and file type are removed; delete $HERE to remove the program."
}

install() {
    if [ ! -x "$HERE/newsdesk" ] || [ ! -d "$HERE/share" ]; then
        echo "install-bundle.sh: run the copy inside the Newsdesk bundle (dist/newsdesk/)" >&2
        exit 2
    fi
    case $HERE in
    *'"'* | *'`'* | *'$'* | *\\*)
        echo "install-bundle.sh: move the bundle to a folder without \" \` \$ or \\ in its path" >&2
        exit 2
        ;;
    esac
    mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages" "$DATA/icons"
    ln -sfn "$HERE/newsdesk" "$BIN/newsdesk"
    # The desktop entry says `newsdesk`; the installed copy names this bundle's program in full.
    sed -e "s|^Exec=newsdesk |Exec=\"$HERE/newsdesk\" |" -e "s|^TryExec=newsdesk\$|TryExec=$HERE/newsdesk|" \
        "$HERE/share/applications/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
    cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
    cp "$HERE/share/mime/packages/newsdesk-mime.xml" "$DATA/mime/packages/"
    cp -R "$HERE/share/icons/hicolor" "$DATA/icons/"
    refresh
    if command -v xdg-mime >/dev/null 2>&1; then
        xdg-mime default "$APP_ID.desktop" application/x-newsdesk 2>/dev/null || true
    fi
    echo "Newsdesk is installed: find it in the applications menu, or run newsdesk ($BIN/newsdesk)."
}

case "${1:-}" in
"") install ;;
--uninstall) uninstall ;;
*)
    echo "usage: install-bundle.sh [--uninstall]" >&2
    exit 2
    ;;
esac
