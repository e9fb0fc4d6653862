#!/usr/bin/env bash
# Set up and run every test: native core tests (tables, gold, peers, inputs, properties),
# the gold score with ../shared/eval/score.py, a fuzz smoke run, and the browser tests.
# Usage: bash scripts/test.sh            (FUZZ_SECONDS=60 by default; SKIP_WEB=1 / SKIP_FUZZ=1 to skip parts)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
shared="$(cd .. && pwd)/shared"
[ -d "$shared/corpus" ] || { echo "test.sh: ../shared (corpus, gold, peers) must sit beside this repo" >&2; exit 1; }

echo "== native tests (cargo test)"
cargo test --release 2>&1 | tee target-test.log
grep -E "^(gold|peers|  [a-zA-Z]+\.(json|toml):|classify|qualifiers)" target-test.log || true

echo "== gold score (../shared/eval/score.py on the release CLI)"
cargo build --release --bin zhibiao
./target/release/zhibiao extract --json "$shared"/corpus/*.txt > target/seeds.json
python3 "$shared/eval/score.py" "$shared/gold" target/seeds.json | tail -1

if [ "${SKIP_FUZZ:-0}" != 1 ] && [ -x scripts/fuzz-smoke.sh ]; then
  echo "== fuzz smoke (${FUZZ_SECONDS:-60} s per target)"
  bash scripts/fuzz-smoke.sh "${FUZZ_SECONDS:-60}"
fi

if [ "${SKIP_WEB:-0}" != 1 ] && [ -f scripts/test-web.sh ]; then
  echo "== browser tests"
  bash scripts/test-web.sh
fi
rm -f target-test.log
echo "all tests passed"
