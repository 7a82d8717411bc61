#!/usr/bin/env bash
# with-servers.sh STATE_DIR CMD [ARGS...] -- run CMD with the environment of
# the test servers started by up.sh STATE_DIR (STATE_DIR/servers.env).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 STATE_DIR CMD [ARGS...]" >&2; exit 2; }
ENV_FILE=$1/servers.env
shift
if [ ! -r "$ENV_FILE" ]; then
  echo "test servers not running: run tests/servers/up.sh ($ENV_FILE missing)" >&2
  exit 1
fi
# shellcheck source=/dev/null
. "$ENV_FILE"
exec "$@"
