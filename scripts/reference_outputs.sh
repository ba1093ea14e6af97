#!/usr/bin/env bash
# Writes four reference outputs of a `frextract` binary, to check that a
# speed change leaves the output byte-identical:
#
#   scripts/reference_outputs.sh BIN PREFIX [CORPUS_ROOT]
#   cmp PREFIX_OLD.corpus.jsonl PREFIX_NEW.corpus.jsonl   # and so on
#
# The four outputs (PREFIX.{corpus,seed,5mb,noevents}.jsonl):
#   corpus    every gold document of CORPUS_ROOT/corpus/{dev,test,seed},
#             read as JSONL on one thread (entities, relations, events);
#   seed      the seed article read as a plain `.txt` file;
#   5mb       a generated 5 MB input (seed 42) on two threads (the order of
#             the output must not depend on the threads);
#   noevents  a generated 500 KB input (seed 7) with `--no-events`.
#
# CORPUS_ROOT (default: this checkout) lets two binaries be compared on the
# same corpus when a branch has changed it. The generated inputs are kept
# in $BENCH_DIR (default /tmp) and reused.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BIN PREFIX [CORPUS_ROOT]" >&2
  exit 2
fi
bin=$(realpath "$1")
prefix=$2
here="$(cd "$(dirname "$0")/.." && pwd)"
root=${3:-$here}
dir=${BENCH_DIR:-/tmp}
in5="$dir/frextract-ref-seed42-5mb.jsonl"
in05="$dir/frextract-ref-seed7-0.5mb.jsonl"
[ -s "$in5" ] || python3 "$here/scripts/make_bench_input.py" --seed 42 --mb 5 --out "$in5" --corpus "$root/corpus" > /dev/null
[ -s "$in05" ] || python3 "$here/scripts/make_bench_input.py" --seed 7 --mb 0.5 --out "$in05" --corpus "$root/corpus" > /dev/null
cat "$root"/corpus/dev/*.gold.jsonl "$root"/corpus/test/*.gold.jsonl "$root"/corpus/seed/*.gold.jsonl \
  | "$bin" extract --input jsonl --threads 1 > "$prefix.corpus.jsonl"
"$bin" extract "$root/corpus/seed/openai-departures.fr.txt" > "$prefix.seed.jsonl"
"$bin" extract --input jsonl --threads 2 "$in5" > "$prefix.5mb.jsonl"
"$bin" extract --input jsonl --threads 1 --no-events "$in05" > "$prefix.noevents.jsonl"
wc -c "$prefix".{corpus,seed,5mb,noevents}.jsonl
