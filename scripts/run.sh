#!/usr/bin/env bash
# run.sh [--port N] [--native]: sets up what is missing, builds the web page and serves
# build/site on http://127.0.0.1:8080/ ; with --native builds and starts the desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=8080
NATIVE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --port)
      [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge 1 ] && [ "$2" -le 65535 ] || { echo "run.sh: --port needs a number from 1 to 65535" >&2; exit 2; }
      PORT="$2"; shift 2 ;;
    --native) NATIVE=1; shift ;;
    -h|--help) echo "usage: scripts/run.sh [--port N] [--native]"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (use --port N or --native)" >&2; exit 2 ;;
  esac
done
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
if [ "$NATIVE" = 1 ]; then
  cmake --preset native >/dev/null
  cmake --build --preset native --target attention-tour
  exec build/native/attention-tour
fi
cmake --preset web >/dev/null
cmake --build --preset web --target attention-tour
echo "Attention Tour: http://127.0.0.1:$PORT/"
exec node scripts/serve.mjs build/site "$PORT"
