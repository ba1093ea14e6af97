#!/usr/bin/env bash
# Counts the instructions of one whole CLI run (start-up, lexicon build,
# extraction, output) on a generated 500 KB input, one thread, and prints
# the inclusive counts of the pipeline's main functions:
#
#   scripts/callgrind.sh BIN NAME      # writes /tmp/cg-NAME.out
#
# Instruction counts are repeatable for the same binary and input whatever
# else the machine is doing, unlike wall-clock time on a shared host; use
# them to judge a speed change, and scripts/bench.sh for MB/s.
# Needs valgrind (`apt-get install valgrind`).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BIN NAME" >&2
  exit 2
fi
bin=$(realpath "$1")
name=$2
here="$(cd "$(dirname "$0")/.." && pwd)"
input=${BENCH_DIR:-/tmp}/frextract-ref-seed7-0.5mb.jsonl
[ -s "$input" ] || python3 "$here/scripts/make_bench_input.py" --seed 7 --mb 0.5 --out "$input" > /dev/null
out=/tmp/cg-$name.out
valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$bin" extract --input jsonl --threads 1 "$input" > /dev/null 2> /tmp/cg-$name.log
grep -E "^(summary|totals):" "$out" | head -1 | awk '{printf "whole run: %.1f M instructions\n", $2/1e6}'
callgrind_annotate --inclusive=yes "$out" 2>/dev/null \
  | grep -E "frextract::(extractor::Extractor::extract_dated|tokenize::tokenize|gazetteer::Gazetteer::find|events::engine|resolve::resolve|output::|extractor::ExtractorBuilder::build)" \
  | grep -v "\[" | head -20
