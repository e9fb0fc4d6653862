#!/usr/bin/env bash
# Install what the web build and its tests need, each only if missing (repeat runs are fast):
# the wasm32 target, trunk 0.21.14, wasm-bindgen-cli (= the wasm-bindgen pinned in Cargo.toml),
# Debian's chromium + chromium-driver + fonts-wqy-microhei, the npm dev dependencies
# (binaryen's wasm-opt 132, playwright-core, axe-core for the accessibility checks), and the crates
# for offline builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'web-setup: %s\n' "$*"; }

# Rust target
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk
TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli, the exact version Cargo.toml pins
WB_VERSION=$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
if [ -z "$WB_VERSION" ]; then echo "web-setup: no exact wasm-bindgen pin in Cargo.toml" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # without --locked: its lock file wants a newer rustc than this machine has
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# browser, driver, CJK font (Debian packages)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm dev dependencies (project-local; never downloads a browser)
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  say "npm ci (binaryen, playwright-core, axe-core)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# crates, so that `trunk build --offline` works
cargo fetch --quiet
cargo fetch --quiet --manifest-path crates/docread/Cargo.toml
say "ready (trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $WB_VERSION, $(node_modules/.bin/wasm-opt --version))"
