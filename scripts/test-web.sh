#!/usr/bin/env bash
# Web tests: wasm-bindgen-test in headless Chromium, then the release build (bundle size),
# then the playwright-core end-to-end test against dist/ served on 127.0.0.1 under /zhibiao/.
# Screenshots go to target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/web-setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

echo "== wasm-bindgen tests (headless Chromium)"
# profile wasm-test (Cargo.toml): optimised, without debug info (the debug build was 84 MB)
wasm_tests() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
    timeout 240 cargo test --target wasm32-unknown-unknown --test web --profile wasm-test
}
cargo test --target wasm32-unknown-unknown --test web --profile wasm-test --no-run
# The test runner's server left one of the page's five parallel module requests unanswered in
# about one run of three (2026-12-01: chromedriver's log shows the request sent and never
# answered; the page never loads and chromedriver waits 300 s). The shell's JavaScript is now
# one module (src/web/page.js): 0 hangs in 60 runs. A run that still hangs is stopped after
# 240 s and run once more; a real failure fails the second run too.
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
