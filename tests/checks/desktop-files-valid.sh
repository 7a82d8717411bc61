#!/usr/bin/env bash
# desktop-files-valid.sh DESKTOP METAINFO: the desktop file and the AppStream metadata pass their
# validators (desktop-file-utils, appstream), offline.
set -euo pipefail
desktop=$1
metainfo=$2
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool is missing (apt-get install desktop-file-utils appstream)" >&2
        exit 1
    fi
done
desktop-file-validate "$desktop"
echo "ok: $desktop"
# --no-net: the screenshot and homepage URLs are not fetched; everything else is checked.
appstreamcli validate --no-net --explain "$metainfo"
# The ids must agree: the metadata launches the desktop file, the program names it (main.cpp).
id=$(basename "$desktop" .desktop)
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || {
    echo "FAIL: $metainfo does not launch $id.desktop" >&2
    exit 1
}
grep -q '^MimeType=.*x-scheme-handler/mailto;' "$desktop" || {
    echo "FAIL: $desktop does not handle mailto:" >&2
    exit 1
}
grep -q '^Exec=.*%u' "$desktop" || {
    echo "FAIL: $desktop does not pass the URL (%u)" >&2
    exit 1
}
echo "ok: $metainfo"
