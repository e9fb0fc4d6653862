#!/usr/bin/env bash
# The byte-identical regression check (tests/snapshot.rs): the SHA-256 of the CLI's JSON output
# for every seed, dev text and peer input must equal tests/data/snapshot.toml.
# Usage: bash scripts/snapshot.sh            check (release build, as CI)
#        bash scripts/snapshot.sh --bless    rewrite tests/data/snapshot.toml after a deliberate change
#        PROFILE=fast bash scripts/snapshot.sh [--bless]   the same with the quick local profile
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
case "${1:-}" in
  --bless) export BLESS=1 ;;
  "") ;;
  *) echo "usage: bash scripts/snapshot.sh [--bless]" >&2; exit 2 ;;
esac
cargo test --profile "${PROFILE:-release}" --test snapshot -- --nocapture
