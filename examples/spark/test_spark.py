"""Checks examples/spark/job.py against the plain command line, on a real local Spark.

    python examples/spark/test_spark.py [PATH-TO-FREXTRACT]

Builds a few hundred documents from the gold corpus's texts (with a few bad
lines among them), runs `frextract extract --input jsonl` once over them,
runs the Spark job over the same file in `local[2]` mode, and checks that

* the records written by Spark are exactly those of the single run (same
  ids, same entities, relations, events; one record per input line, none
  lost or duplicated, the bad lines included, which share their partition
  with good ones);
* the Parquet table of events has one row per event of those records, with
  the arguments' canonical texts;
* Parquet input gives the same records (on 100 documents);
* a piped process that loses records makes the job fail.

`.ci/run` runs it in a virtualenv holding pyspark (see `.ci/spark-test`).
Prints `spark: N passed, 0 failed` and exits 0 when every check holds.
"""

import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

# Workers must run the interpreter that has pyspark (the virtualenv's).
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import job  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

DOCS = 600  # more than the CLI's chunk of 256 documents in each of 2 partitions
PARTITIONS = 2

# Lines frextract cannot read: each must give exactly one error record.
NOT_JSON = "ceci n'est pas du JSON {"
NO_TEXT = json.dumps({"id": "bad-no-text", "title": "Un document sans texte"})
TEXT_NOT_STRING = json.dumps({"id": "bad-text-not-string", "text": 42})
BAD_LINES = [NOT_JSON, NO_TEXT, TEXT_NOT_STRING]


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
            print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")


def corpus_documents():
    """The corpus's gold documents (the seed article first): id, date, domain, text."""
    paths = [os.path.join(ROOT, "corpus", "seed", "openai-departures.gold.jsonl")]
    for split in ("dev", "test"):
        paths += sorted(glob.glob(os.path.join(ROOT, "corpus", split, "*.gold.jsonl")))
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    gold = json.loads(line)
                    docs.append({k: gold[k] for k in ("id", "date", "domain", "text") if k in gold})
    return docs


def input_lines():
    """DOCS documents reusing the corpus's texts, bad lines in the middle."""
    corpus = corpus_documents()
    lines = []
    for n in range(DOCS):
        doc = dict(corpus[n % len(corpus)])
        doc["id"] = f"{doc['id']}#{n}"
        if n % 7 == 3:
            doc.pop("date", None)  # the date is optional
        lines.append(json.dumps(doc, ensure_ascii=False))
    middle = len(lines) // 4
    return lines[:middle] + BAD_LINES + [""] + lines[middle:]


def read_jsonl_dir(path):
    records = []
    for part in sorted(glob.glob(os.path.join(path, "part-*"))):
        with open(part, encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f if line.strip())
    return records


def by_id(records):
    return {json.dumps(r["id"]): r for r in records}


def compare_records(checks, name, got, expected):
    checks.check(len(got) == len(expected), f"{name}: {len(got)} records, {len(expected)} expected")
    got_ids = [json.dumps(r["id"]) for r in got]
    checks.check(len(set(got_ids)) == len(got_ids), f"{name}: no id twice")
    got_ok = by_id(r for r in got if "error" not in r)
    want_ok = by_id(r for r in expected if "error" not in r)
    checks.check(
        set(got_ok) == set(want_ok), f"{name}: same {len(want_ok)} ids of extracted documents"
    )
    differ = [i for i in want_ok if i in got_ok and got_ok[i] != want_ok[i]]
    checks.check(not differ, f"{name}: same records (entities, relations, events) {differ[:3]}")


def canonical(entities, ids):
    if isinstance(ids, dict):
        return [ids["text"]]
    ids = ids if isinstance(ids, list) else [ids]
    return [entities[i].get("canonical", entities[i]["text"]) for i in ids]


def expected_event_rows(records):
    """(doc id, n, type, trigger, polarity, modality, rule, args) of every event."""
    rows = set()
    for r in records:
        if "error" in r:
            continue
        entities = {e["id"]: e for e in r["entities"]}
        for n, ev in enumerate(r["events"]):
            args = tuple(sorted((k, tuple(canonical(entities, v))) for k, v in ev["args"].items()))
            rows.add(
                (r["id"], n, ev["type"], ev["trigger"]["text"], ev["polarity"], ev["modality"], ev["rule"], args)
            )
    return rows


def table_rows(df):
    return {
        (
            row.doc_id,
            row.event,
            row.type,
            row.trigger,
            row.polarity,
            row.modality,
            row.rule,
            tuple(sorted((k, tuple(v)) for k, v in row.args.items())),
        )
        for row in df.collect()
    }


def local_session(cores):
    """A quiet Spark in local mode, with job.py shipped to its workers."""
    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("frextract-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .config(
            "spark.driver.extraJavaOptions",
            # A short run: the JVM's quick compiler only, and Spark's logs quiet.
            "-XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="
            + os.path.join(HERE, "log4j2.properties"),
        )
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    # job.py is imported here, not run by spark-submit: ship it to the workers.
    spark.sparkContext.addPyFile(job.__file__)
    return spark


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "frextract")
    binary = os.path.abspath(binary)
    checks = Checks()
    began = time.perf_counter()
    phases = []  # (what, seconds since the start), for the closing lines

    def phase(what):
        phases.append(f"{what} {time.perf_counter() - began:.0f} s")

    tmp = tempfile.mkdtemp(prefix="frextract-spark-")
    try:
        lines = input_lines()
        path = os.path.join(tmp, "docs.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        non_blank = [line for line in lines if line.strip()]

        start = time.perf_counter()
        cli = subprocess.run(
            [binary, "extract", "--input", "jsonl", path], stdout=subprocess.PIPE, check=False
        )
        cli_seconds = time.perf_counter() - start
        expected = [json.loads(line) for line in cli.stdout.decode("utf-8").splitlines()]
        checks.check(
            len(expected) == len(non_blank),
            f"cli: one record per non-blank line ({len(expected)} for {len(non_blank)})",
        )
        errors = [r for r in expected if "error" in r]
        checks.check(len(errors) == len(BAD_LINES), f"cli: {len(errors)} error records, {len(BAD_LINES)} expected")

        spark = local_session(PARTITIONS)
        phase("Spark started")

        # The bad lines must share a partition with good ones.
        partitions = spark.sparkContext.textFile(path, minPartitions=PARTITIONS).glom().collect()
        mixed = [p for p in partitions if NO_TEXT in p and len(p) > len(BAD_LINES) + 1]
        checks.check(
            len(partitions) >= PARTITIONS and len(mixed) == 1,
            f"spark: {len(partitions)} partitions of {[len(p) for p in partitions]} lines, "
            "the bad lines among good ones",
        )

        out = os.path.join(tmp, "out")
        start = time.perf_counter()
        job.main([path, out, "--frextract", binary, "--partitions", str(PARTITIONS)])
        spark_seconds = time.perf_counter() - start
        phase("job run")
        got = read_jsonl_dir(os.path.join(out, "records"))
        compare_records(checks, "spark jsonl", got, expected)
        got_errors = [r for r in got if "error" in r]
        checks.check(
            len(got_errors) == len(BAD_LINES)
            and {"bad-no-text", "bad-text-not-string"} <= {r["id"] for r in got_errors},
            f"spark jsonl: one error record per bad line ({len(got_errors)})",
        )
        def order(records):
            return [None if "error" in r else r["id"] for r in records]

        checks.check(order(got) == order(expected), "spark jsonl: records in input order")

        # A process that stops early (here: reads only 100 lines of its
        # partition) must fail the job, not lose records.
        print("(a task fails on purpose: the Python errors that follow are expected)", flush=True)
        spark.sparkContext.setLogLevel("OFF")
        truncating = shlex.join(
            ["sh", "-c", 'head -n 100 | "$0" "$@"', binary, "extract", "--input", "jsonl"]
        )
        try:
            job.extract_records(spark.sparkContext.textFile(path, PARTITIONS), truncating).count()
            lost = "no error"
        except Exception as e:  # Py4JJavaError: the task failed
            lost = "failed" if "same number of elements" in str(e) or "different number" in str(e) else str(e)[:300]
        spark.sparkContext.setLogLevel("ERROR")
        checks.check(lost == "failed", f"spark: a process that loses records fails the job ({lost})")

        phase("failing job")
        events = spark.read.parquet(os.path.join(out, "events"))
        want_rows = expected_event_rows(expected)
        got_rows = table_rows(events)
        checks.check(events.count() == len(want_rows), f"parquet: {events.count()} rows, one per event ({len(want_rows)})")
        checks.check(got_rows == want_rows, "parquet: each row's type, trigger, polarity, modality, rule, argument texts")
        # Read from the seed article (and its gold file): Elon Musk sues
        # OpenAI and Sam Altman; Greg Brockman, of OpenAI, takes a leave.
        events.createOrReplaceTempView("events")
        lawsuit = spark.sql(
            "SELECT args FROM events WHERE doc_id = 'openai-departures#0' AND type = 'LAWSUIT'"
        ).collect()
        checks.check(
            any(
                r.args.get("plaintiff") == ["Elon Musk"]
                and sorted(r.args.get("defendant", [])) == ["OpenAI", "Sam Altman"]
                for r in lawsuit
            ),
            "parquet: LAWSUIT of Elon Musk against OpenAI and Sam Altman, by canonical texts",
        )
        leave = spark.sql(
            "SELECT * FROM events WHERE doc_id = 'openai-departures#0' AND type = 'LEAVE' "
            "AND array_contains(args['person'], 'Greg Brockman') AND array_contains(args['org'], 'OpenAI')"
        ).count()
        checks.check(leave == 1, "parquet: LEAVE of Greg Brockman from OpenAI, queried with Spark SQL")

        # Parquet input: the good documents as a table.
        table = os.path.join(tmp, "docs.parquet")
        # The first 100 good documents: enough to see the columns come through.
        good = [json.loads(line) for line in non_blank if line not in BAD_LINES][:100]
        spark.createDataFrame(
            [(d["id"], d.get("date"), d.get("domain"), d["text"]) for d in good],
            "id string, date string, domain string, text string",
        ).write.parquet(table)
        out2 = os.path.join(tmp, "out-parquet")
        job.main([table, out2, "--input-format", "parquet", "--partitions", str(PARTITIONS)])
        got2 = read_jsonl_dir(os.path.join(out2, "records"))
        ids = {d["id"] for d in good}
        compare_records(checks, "spark parquet", got2, [r for r in expected if r["id"] in ids])
        phase("Parquet input")

        spark.stop()
        print(
            f"{DOCS} documents: frextract alone {cli_seconds:.1f} s, "
            f"the Spark job {spark_seconds:.1f} s (Spark already started)"
        )
        print("elapsed: " + ", ".join(phases))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"spark: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
