#!/usr/bin/env bash
# translations-complete.sh TS...: every entry of the French translation is finished. With
# AMIENS_LUPDATE and AMIENS_SOURCE_ROOT set, a copy of each TS is first refreshed from core/, ui/
# and app/, so that a string in the code but not in the catalogue counts as unfinished.
set -euo pipefail
status=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for original in "$@"; do
    ts=$original
    if [ -n "${AMIENS_LUPDATE:-}" ] && [ -n "${AMIENS_SOURCE_ROOT:-}" ]; then
        ts="$scratch/$(basename "$original")"
        cp "$original" "$ts"
        "$AMIENS_LUPDATE" -silent -no-obsolete -locations none -source-language en -target-language fr \
            "$AMIENS_SOURCE_ROOT/core" "$AMIENS_SOURCE_ROOT/ui" "$AMIENS_SOURCE_ROOT/app" -ts "$ts" >/dev/null
    fi
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    total=$(grep -c '<source>' "$ts" || true)
    if [ "$unfinished" -ne 0 ]; then
        echo "FAIL: $ts has $unfinished unfinished entries of $total:" >&2
        grep -B2 'type="unfinished"' "$ts" | grep '<source>' >&2
        status=1
    else
        echo "ok: $ts: $total entries, all translated"
    fi
done
exit $status
