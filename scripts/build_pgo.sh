#!/usr/bin/env bash
# Builds a profile-guided (PGO) release binary of the CLI:
#
#   scripts/build_pgo.sh [OUT]        # default OUT: target/pgo/frextract
#
# 1. an instrumented build (`-Cprofile-generate`) in target/pgo-gen;
# 2. a training run of it: `extract --input jsonl` over a generated 2 MB
#    input (seed 1; the reference inputs of scripts/callgrind.sh and
#    scripts/reference_outputs.sh use seeds 7 and 42, so a binary is never
#    measured on the text it was trained on), plus the seed article as a
#    plain `.txt` file;
# 3. the profiles merged by `llvm-profdata`, from rustup's `llvm-tools`
#    component (installed when missing: `rustup component add llvm-tools`);
# 4. the optimised build (`-Cprofile-use`) in target/pgo, copied to OUT.
#
# The profile steers inlining and code layout only: the PGO binary's output
# is the plain release binary's, byte for byte (check with
# scripts/reference_outputs.sh and `cmp`). Same input, same compiler, same
# sources: the same binary. CI does not use this script; it builds and
# tests the plain release profile. Figures: docs/PERFORMANCE.md, branch
# `speed17`. Builds use $CARGO_BUILD_JOBS (set it to 1 on a shared machine).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
out=${1:-target/pgo/frextract}
data="$here/target/pgo-data"
train=${BENCH_DIR:-/tmp}/frextract-pgo-seed1-2mb.jsonl

sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
  rustup component add llvm-tools
fi

[ -s "$train" ] || python3 scripts/make_bench_input.py --seed 1 --mb 2 --out "$train" > /dev/null

# The instrumented binary writes one .profraw file per process into $data.
rm -rf "$data"
mkdir -p "$data"
RUSTFLAGS="-Cprofile-generate=$data" \
  cargo build --release --locked --bin frextract --target-dir target/pgo-gen
gen=target/pgo-gen/release/frextract
"$gen" extract --input jsonl --threads 1 -q "$train" > /dev/null
"$gen" extract -q corpus/seed/openai-departures.fr.txt > /dev/null
"$profdata" merge -o "$data/merged.profdata" "$data"/*.profraw

RUSTFLAGS="-Cprofile-use=$data/merged.profdata" \
  cargo build --release --locked --bin frextract --target-dir target/pgo
mkdir -p "$(dirname "$out")"
cp target/pgo/release/frextract "$out"
echo "PGO binary: $out"
