#!/usr/bin/env bash
# Web tests: wasm-bindgen-test in headless Chromium, then the release build (bundle size),
# then the playwright-core end-to-end test against dist/ served on 127.0.0.1 under /zhibiao/.
# Screenshots go to target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/web-setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

echo "== wasm-bindgen tests (headless Chromium)"
wasm_tests() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
    cargo test --target wasm32-unknown-unknown --test web
}
# headless Chromium's renderer hung twice at page load, before any test ran ("Timed out
# receiving message from renderer", 300 s), in fresh clones of 2026-11-30; the runs right after
# passed. A real failure fails the second run too.
if ! wasm_tests; then
  echo "wasm-bindgen tests: failed or hung; running them once more"
  wasm_tests
fi

echo "== release build"
SKIP_SETUP=1 scripts/build-web.sh /zhibiao/

echo "== the CLI (tests/e2e/same.mjs compares the page's engine with it, byte for byte)"
cargo build --release --bin zhibiao

echo "== end-to-end (playwright-core + /usr/bin/chromium)"
SCREENSHOTS="${SCREENSHOTS:-target/screenshots}" node tests/e2e/run.mjs dist
