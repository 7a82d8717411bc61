#!/usr/bin/env bash
# translations-complete.sh TS...: every entry of the French translation is finished.
set -euo pipefail
status=0
for ts in "$@"; do
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
