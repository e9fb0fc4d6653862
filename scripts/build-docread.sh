#!/usr/bin/env bash
# Build the page's on-demand .doc/.wps reader (crates/docread: src/input/doc.rs + the cfb crate)
# into OUT_DIR as docread.mjs + docread.wasm. Run by trunk after each build (the post_build hook
# in Trunk.toml, OUT_DIR = trunk's staging dir), so `scripts/build-web.sh` and `scripts/serve.sh`
# both ship it; never part of the initial load (the page imports it when a .doc arrives).
#   scripts/build-docread.sh OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:?usage: scripts/build-docread.sh OUT_DIR}"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target="$PWD/target/docread"
CARGO_TARGET_DIR="$target" cargo build --quiet --offline --release --locked \
  --target wasm32-unknown-unknown --manifest-path crates/docread/Cargo.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name docread \
  "$target/wasm32-unknown-unknown/release/zhibiao_docread.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$tmp/docread_bg.wasm" -o "$OUT/docread.wasm"
cp "$tmp/docread.js" "$OUT/docread.mjs"
