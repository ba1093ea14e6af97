#!/usr/bin/env bash
# End-to-end benchmark of the `frextract` command line on a large JSONL input.
#
#   scripts/bench.sh [MB]          # default 60 MB, seed 42
#
# 1. builds the release binary (`cargo build --release --bin frextract`);
# 2. generates MB megabytes (10^6 bytes) of JSONL with
#    `scripts/make_bench_input.py --seed $SEED` (deterministic: it prints a
#    SHA-256 of the file);
# 3. times `frextract extract --input jsonl --threads N INPUT > /dev/null` for
#    N = 1, 2 and $(nproc) if different, with GNU `/usr/bin/time -v`, and
#    prints wall time, MB/s, documents/s, CPU time and peak RSS per run;
# 4. prints the start-up cost: the `Extractor::new()` figure of the criterion
#    bench if it has been run (`cargo bench --bench extract -- new`), and the
#    wall time of the CLI on a one-line input (process start + build of the
#    lexicons + one tiny document), median of several runs.
#
# Environment:
#   SEED=42            generator seed
#   REPEAT=1           runs per thread count; the fastest is reported
#   BENCH_DIR=/tmp     where the input is written (it is kept, and reused
#                      when its recorded size and seed match)
#   THREADS="1 2 ..."  thread counts to run (default: 1 2 and nproc)
#   NO_BUILD=1         skip `cargo build` (use the existing binary)
#   RESULTS=FILE       also append one TSV line per thread count (its
#                      fastest run) to FILE
#   WAIT_IDLE=SECONDS  before each timed run, wait up to SECONDS for the other
#                      processes of the machine to be idle (< 8 % CPU over
#                      2 s); on a shared 2-core machine a concurrent build
#                      halves the figures. The "busy" column shows the CPU
#                      use of the whole machine just before each run, and
#                      "other_s" the CPU seconds used by other processes
#                      during it (near 0 for a clean run).
#
# Needs GNU time (`/usr/bin/time`, Debian package `time`): installed with
# apt-get when missing and running as root. MB/s are input-file bytes per
# wall-clock second (10^6 bytes); "text MB/s" counts only the `text` fields;
# peak RSS is GNU time's "Maximum resident set size", in MiB.
set -euo pipefail
cd "$(dirname "$0")/.."

MB="${1:-60}"
SEED="${SEED:-42}"
REPEAT="${REPEAT:-1}"
BENCH_DIR="${BENCH_DIR:-/tmp}"
NPROC="$(nproc)"
THREADS="${THREADS:-$(printf '%s\n' 1 2 "$NPROC" | awk '!seen[$0]++' | tr '\n' ' ')}"
BIN=./target/release/frextract

if ! /usr/bin/time --version 2>&1 | grep -q GNU; then
    echo "GNU time not found at /usr/bin/time; installing the Debian package 'time'" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq time >/dev/null
    else
        echo "run as root or: sudo apt-get install time" >&2
        exit 1
    fi
fi

echo "== machine"
echo "nproc: $NPROC"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "ram: $(free -m | awk '/^Mem:/ {printf "%.1f GiB", $2/1024}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src lexicons 2>/dev/null || echo ' (src/ or lexicons/ modified)')"
echo "rustc: $(rustc --version 2>/dev/null || echo '?')"

if [ -z "${NO_BUILD:-}" ]; then
    echo "== build"
    cargo build --release --bin frextract 2>&1 | tail -n 1
fi
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 1; }

echo "== input"
INPUT="$BENCH_DIR/frextract-bench-seed$SEED-${MB}mb.jsonl"
REPORT="$INPUT.report"
if [ -s "$INPUT" ] && [ -s "$REPORT" ] &&
    [ "$(awk '/^file_bytes:/ {print $2}' "$REPORT")" = "$(stat -c %s "$INPUT")" ] &&
    [ "$(python3 -c 'import sys,hashlib;h=hashlib.sha256();f=open(sys.argv[1],"rb")
for b in iter(lambda:f.read(1<<20),b""): h.update(b)
print(h.hexdigest())' "$INPUT")" = "$(awk '/^sha256:/ {print $2}' "$REPORT")" ]; then
    echo "reusing $INPUT"
else
    python3 scripts/make_bench_input.py --seed "$SEED" --mb "$MB" --out "$INPUT" >"$REPORT"
fi
cat "$REPORT"
DOCS=$(awk '/^documents:/ {print $2}' "$REPORT")
FILE_BYTES=$(awk '/^file_bytes:/ {print $2}' "$REPORT")
TEXT_BYTES=$(awk '/^text_bytes:/ {print $2}' "$REPORT")

# Sanity: the binary reads the whole input and writes one record per line.
echo "== check (one record per input line)"
OUT_LINES=$(head -n 200 "$INPUT" | "$BIN" extract --input jsonl | wc -l)
[ "$OUT_LINES" = 200 ] || { echo "expected 200 output records, got $OUT_LINES" >&2; exit 1; }
echo "ok"

# Percentage of the machine's CPU in use over the next 2 seconds.
busy() {
    local a b c d e f g t1 i1 t2 i2
    read -r _ a b c d e f g _ </proc/stat
    t1=$((a + b + c + d + e + f + g)) i1=$((d + e))
    sleep 2
    read -r _ a b c d e f g _ </proc/stat
    t2=$((a + b + c + d + e + f + g)) i2=$((d + e))
    echo $((100 * ((t2 - t1) - (i2 - i1)) / (t2 - t1 > 0 ? t2 - t1 : 1)))
}

# Prints the machine's busy percentage, after waiting up to $WAIT_IDLE
# seconds for it to fall under 8 % when WAIT_IDLE is set.
settle() {
    local b start
    start=$(date +%s)
    b=$(busy)
    while [ -n "${WAIT_IDLE:-}" ] && [ "$b" -ge 8 ] && [ $(($(date +%s) - start)) -lt "$WAIT_IDLE" ]; do
        b=$(busy)
    done
    echo "$b%"
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# CPU time (seconds) the whole machine has spent busy since boot.
cpu_busy_s() {
    awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat
}

# Runs one timed command; prints "wall_s user_s sys_s rss_kb other_s", where
# other_s is the CPU time the rest of the machine used meanwhile (machine
# busy time minus the command's user + sys): a run with other_s well above 0
# shared its cores. Wall time is taken around /usr/bin/time with nanosecond
# clock reads (GNU time's own "Elapsed" has 10 ms resolution, too coarse for
# the one-line run).
timed() {
    local t0 t1 c0 c1
    c0=$(cpu_busy_s)
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$TMP/time" "$@" >/dev/null
    t1=$(date +%s%N)
    c1=$(cpu_busy_s)
    awk -F': ' -v w="$(((t1 - t0) / 1000))" -v c0="$c0" -v c1="$c1" '
        BEGIN { w = w / 1e6 }
        /User time/ { u = $2 }
        /System time/ { s = $2 }
        /Maximum resident set size/ { r = $2 }
        END { o = c1 - c0 - u - s; if (o < 0) o = 0; printf "%s %s %s %s %.2f\n", w, u, s, r, o }' "$TMP/time"
}

# Formats one run: threads, the "wall user sys rss other" of timed(), the
# busy percentage before it and the 1-thread wall time to compare with.
row() {
    local n=$1 wall user sys rss other
    read -r wall user sys rss other <<<"$2"
    awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v fb="$FILE_BYTES" \
        -v tb="$TEXT_BYTES" -v d="$DOCS" -v base="${4:-$wall}" -v l="$3" -v o="$other" 'BEGIN {
        printf "%-8s %8.2f %9.2f %9.2f %9.0f %8.2f %7.0f%% %12.1f %8.2fx %6s %8.2f\n",
            n, w, fb / w / 1e6, tb / w / 1e6, d / w, u + s, 100 * (u + s) / w, r / 1024, base / w, l, o }'
}
HEADER=$(printf '%-8s %8s %9s %9s %9s %8s %8s %12s %9s %6s %8s' \
    threads wall_s MB/s text_MB/s docs/s cpu_s cpu% peak_RSS_MiB speedup busy other_s)

echo "== extract --input jsonl ($MB MB, $DOCS documents): every run"
echo "$HEADER"
BASE=""
SUMMARY=""
for n in $THREADS; do
    best=""
    for _ in $(seq "$REPEAT"); do
        pre=$(settle)
        r=$(timed "$BIN" extract --input jsonl --threads "$n" "$INPUT")
        row "$n" "$r" "$pre" "$BASE"
        if [ -z "$best" ] || awk -v a="$r" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then
            best="$r"
            bestbusy="$pre"
        fi
    done
    [ -z "$BASE" ] && BASE="${best%% *}"
    line=$(row "$n" "$best" "$bestbusy" "$BASE")
    SUMMARY+="$line"$'\n'
    if [ -n "${RESULTS:-}" ]; then
        printf '%s\t%s\t%s\n' "$MB" "$(git rev-parse --short HEAD 2>/dev/null)" "$line" | tr -s ' ' '\t' >>"$RESULTS"
    fi
done
echo "== fastest run per thread count (speedup against the fastest 1-thread run)"
echo "$HEADER"
printf '%s' "$SUMMARY"

echo "== start-up"
CRIT=target/criterion/new/Extractor__new/new/estimates.json
if [ -s "$CRIT" ]; then
    python3 -c 'import json,sys
e=json.load(open(sys.argv[1]))
print("Extractor::new() (criterion, in process): mean %.1f ms [%.1f, %.1f], median %.1f ms"
      % (e["mean"]["point_estimate"]/1e6, e["mean"]["confidence_interval"]["lower_bound"]/1e6,
         e["mean"]["confidence_interval"]["upper_bound"]/1e6, e["median"]["point_estimate"]/1e6))' "$CRIT"
    echo "  (from $(stat -c %y "$CRIT" | cut -d. -f1); rerun: cargo bench --bench extract -- new)"
else
    echo "Extractor::new(): no criterion result; run: cargo bench --bench extract -- new"
fi
echo '{"id": "one", "date": "2024-08-06", "text": "Jean Dupont a rejoint Airbus hier."}' >"$TMP/one.jsonl"
for _ in $(seq 11); do timed "$BIN" extract --input jsonl --threads 1 "$TMP/one.jsonl"; done |
    sort -n | awk '{ w[NR] = $1; r[NR] = $4 } END {
        printf "CLI on a one-line input (process + Extractor::new + 1 doc): median %.0f ms, min %.0f ms over %d runs, peak RSS %.1f MiB\n",
            w[int((NR + 1) / 2)] * 1000, w[1] * 1000, NR, r[int((NR + 1) / 2)] / 1024 }'
