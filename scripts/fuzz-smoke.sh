#!/usr/bin/env bash
# Fuzz smoke run: each cargo-fuzz target (fuzz/fuzz_targets: extract, html, docx, doc) for SECONDS
# (default 60). Installs cargo-fuzz if it can; skips with a clear message if it cannot.
# Longer runs: bash scripts/fuzz-smoke.sh 600   (or: cd fuzz && cargo +nightly fuzz run html)
# A crash is saved under fuzz/artifacts/TARGET/; copy it to fuzz/regressions/ (named
# TARGET-*) and tests/inputs.rs replays it on every `cargo test`.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
secs="${1:-60}"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz-smoke: installing cargo-fuzz"
  if ! cargo install cargo-fuzz --locked >/dev/null 2>&1 && ! cargo install cargo-fuzz >/dev/null 2>&1; then
    echo "fuzz-smoke: SKIPPED: cargo-fuzz could not be installed (cargo install cargo-fuzz)"
    exit 0
  fi
fi
# cargo fuzz needs nightly flags: use a nightly toolchain if there is one, else stable with
# RUSTC_BOOTSTRAP=1 (known to work for cargo-fuzz's -Z flags)
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  tc="+nightly"
else
  tc=""
  export RUSTC_BOOTSTRAP=1
fi

status=0
for target in extract html docx doc; do
  log="fuzz/target-$target.log"
  echo "fuzz-smoke: $target for ${secs}s"
  # the .doc reader starts from the committed .doc (random bytes rarely pass the CFB header)
  seeds=()
  if [ "$target" = doc ]; then
    mkdir -p fuzz/corpus/doc && cp tests/fixtures/sample.doc fuzz/corpus/doc/ && seeds=(corpus/doc)
  fi
  (cd fuzz && cargo $tc fuzz run --sanitizer none "$target" "${seeds[@]}" -- -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048) > "$log" 2>&1
  rc=$?
  runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | tail -1)"
  if [ $rc -ne 0 ]; then
    if grep -qE 'error(\[E[0-9]+\])?:' "$log" && ! grep -q 'Running' "$log"; then
      echo "fuzz-smoke: $target: SKIPPED: the fuzz target did not build here (see $log)"
    else
      echo "fuzz-smoke: $target: FAILED (crash saved under fuzz/artifacts/$target; see $log)"
      tail -n 30 "$log"
      status=1
    fi
  else
    echo "fuzz-smoke: $target: clean, ${runs:-? runs} in ${secs}s"
  fi
done
exit $status
