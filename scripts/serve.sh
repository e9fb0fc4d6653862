#!/usr/bin/env bash
# Serve the release build locally at http://127.0.0.1:8080/zhibiao/ (rebuilds on change).
#   scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8080}"
scripts/web-setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
echo "zhibiao: serving at http://127.0.0.1:${PORT}/zhibiao/"
exec trunk serve --release --offline --public-url /zhibiao/ --address 127.0.0.1 --port "$PORT"
