#!/usr/bin/env bash
# Set up and run every test: native core tests (tables, gold, peers, inputs, properties),
# the gold score with ../shared/eval/score.py, a fuzz smoke run, and the browser tests.
# Usage: bash scripts/test.sh            (FUZZ_SECONDS=60 by default; SKIP_WEB=1 / SKIP_FUZZ=1 to skip parts)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
shared="$(cd .. && pwd)/shared"
[ -d "$shared/corpus" ] || { echo "test.sh: ../shared (corpus, gold, peers) must sit beside this repo" >&2; exit 1; }

mkdir -p target
# rustfmt and clippy come with rustup's default profile; add them when a minimal one lacks them
command -v rustup > /dev/null && { cargo fmt --version > /dev/null 2>&1 && cargo clippy --version > /dev/null 2>&1 || rustup component add rustfmt clippy; }
echo "== rustfmt (cargo fmt --check)"
if ! cargo fmt --check > target/fmt.log 2>&1; then
  head -n 60 target/fmt.log
  echo "rustfmt FAILED: run cargo fmt (full diff: target/fmt.log)"
  exit 1
fi
echo "== clippy (cargo clippy --all-targets -D warnings)"
if ! cargo clippy --all-targets -- -D warnings > target/clippy.log 2>&1; then
  tail -n 60 target/clippy.log
  echo "clippy FAILED (full log: target/clippy.log)"
  exit 1
fi

echo "== native tests (cargo test --profile ci: the release profile with thin LTO)"
mkdir -p target
if ! cargo test --profile ci -- --nocapture > target/test.log 2>&1; then
  tail -n 150 target/test.log
  echo "native tests FAILED (full log: target/test.log)"
  exit 1
fi
# the measured numbers (gold F1, peer pass rates, table pass rates) and cargo's result lines
grep -E "^(gold:|peers?:|snapshot:|[a-z_]+\.(toml|json):|test result:|Running )" target/test.log || true

echo "== gold score (../shared/eval/score.py on the release CLI: seeds and the dev set)"
cargo build --release --bin zhibiao
./target/release/zhibiao extract --json "$shared"/corpus/*.txt > target/seeds.json
printf 'seeds: '; python3 "$shared/eval/score.py" "$shared/gold" target/seeds.json | tail -1
./target/release/zhibiao extract --json "$shared"/dev/texts/*.txt > target/dev.json
printf 'dev:   '; python3 "$shared/eval/score.py" "$shared/dev/gold" target/dev.json | tail -1

if [ "${SKIP_FUZZ:-0}" != 1 ] && [ -x scripts/fuzz-smoke.sh ]; then
  echo "== fuzz smoke (${FUZZ_SECONDS:-60} s per target)"
  bash scripts/fuzz-smoke.sh "${FUZZ_SECONDS:-60}"
fi

if [ "${SKIP_WEB:-0}" != 1 ] && [ -f scripts/test-web.sh ]; then
  echo "== browser tests"
  bash scripts/test-web.sh
fi
echo "all tests passed"
