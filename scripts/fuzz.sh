#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default: 300 s, targets extract and money
#
# 1. installs cargo-fuzz (`cargo install cargo-fuzz --locked`) if it is missing;
# 2. picks a toolchain that accepts the `-Z` flags cargo-fuzz passes to rustc:
#    `cargo +nightly` when a nightly toolchain is installed, otherwise the
#    default toolchain with RUSTC_BOOTSTRAP=1 (stable rustc then accepts
#    nightly flags; the sanitizer runtime still has to be shipped with it);
# 3. seeds each target's corpus (fuzz/corpus/TARGET, not in git) with the
#    minimal regression inputs of fuzz/regressions/ and, for `money`, with the
#    texts of tests/data/duckling/*.jsonl;
# 4. runs each target for SECONDS with AddressSanitizer, libFuzzer's
#    `-timeout=10` (an input taking 10 s is reported as a hang: frextract
#    should be linear) and the dictionary of French money words fuzz/french.dict.
#
# A crash or hang leaves its input in fuzz/artifacts/TARGET/ and makes the
# script exit non-zero. Minimise it (`cargo +nightly fuzz tmin TARGET FILE`),
# add the minimal input to fuzz/regressions/ and a regression test to the
# test suite, then fix the library (docs/ROBUSTNESS.md).
#
# Environment:
#   FUZZ_JOBS=1        parallel fuzzing processes per target (libFuzzer -jobs)
#   SANITIZER=address  cargo fuzz --sanitizer (none is faster but only
#                      catches panics, which is what safe Rust can do wrong)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract money)
jobs=${FUZZ_JOBS:-1}
sanitizer=${SANITIZER:-address}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

if rustup run nightly rustc --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
else
    echo "no nightly toolchain: using $(rustc --version) with RUSTC_BOOTSTRAP=1"
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
fi

status=0
for target in "${targets[@]}"; do
    corpus=fuzz/corpus/$target
    mkdir -p "$corpus"
    # Regression inputs are named TARGET-*.
    find fuzz/regressions -name "$target-*" -exec cp {} "$corpus/" \;
    extra=()
    if [ "$target" = money ]; then
        python3 - "$corpus" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for src in pathlib.Path("tests/data/duckling").glob("*.jsonl"):
    for k, line in enumerate(src.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            (out / f"seed-{src.stem}-{k}").write_text(json.loads(line)["text"], encoding="utf-8")
PY
    fi
    extra+=(-dict=fuzz/french.dict)
    # -jobs=1 would still fork a worker that logs to a file: only pass it for more.
    [ "$jobs" -le 1 ] || extra+=(-jobs="$jobs" -workers="$jobs")
    echo "== fuzzing $target for ${seconds}s ($sanitizer sanitizer, $jobs job(s))"
    if ! "${fuzz[@]}" run --sanitizer "$sanitizer" "$target" "$corpus" -- \
        -max_total_time="$seconds" -timeout=10 -max_len=65536 \
        -print_final_stats=1 "${extra[@]}"; then
        echo "!! $target found a crash or hang: see fuzz/artifacts/$target/" >&2
        status=1
    fi
done
exit $status
