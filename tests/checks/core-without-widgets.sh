#!/usr/bin/env bash
# core-without-widgets.sh CLI GUI: the CLI (core only) must not need Qt's GUI modules, while
# the GUI does (which shows that the check can see them at all).
set -euo pipefail
cli=$1 gui=$2
needed() { readelf -d "$1" | awk '/NEEDED/ {print $5}'; }
if needed "$cli" | grep -E 'libQt6(Widgets|Gui)'; then
    echo "FAIL: $cli links Qt GUI modules: the core must not depend on them" >&2
    exit 1
fi
if ! needed "$gui" | grep -q 'libQt6Widgets'; then
    echo "FAIL: $gui does not link QtWidgets: this check cannot see GUI modules" >&2
    exit 1
fi
echo "ok: amiens-mail-cli needs: $(needed "$cli" | grep -E '^libQt6' | tr '\n' ' ')"
