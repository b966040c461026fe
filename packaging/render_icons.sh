#!/usr/bin/env bash
# Render the hicolor PNG sizes from the two hand-written SVG icons.
#
# The SVGs under icons/hicolor/scalable/ are the sources; the PNGs are committed so that installing
# needs no SVG renderer. Run this after changing an SVG, then commit the PNGs with it.
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/icons/hicolor"

APP_ID=io.github.newsdesk.Newsdesk
MIME_ICON=application-x-newsdesk
SIZES=(16 32 48 64 128 256)

command -v rsvg-convert >/dev/null || {
    echo "render_icons.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2
    exit 2
}

for size in "${SIZES[@]}"; do
    mkdir -p "${size}x${size}/apps" "${size}x${size}/mimetypes"
    rsvg-convert --width "$size" --height "$size" \
        --output "${size}x${size}/apps/${APP_ID}.png" "scalable/apps/${APP_ID}.svg"
    rsvg-convert --width "$size" --height "$size" \
        --output "${size}x${size}/mimetypes/${MIME_ICON}.png" "scalable/mimetypes/${MIME_ICON}.svg"
done
echo "rendered ${#SIZES[@]} sizes of ${APP_ID} and ${MIME_ICON}"
