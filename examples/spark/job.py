"""Run frextract over a dataset of documents on Apache Spark.

Each partition of the input is streamed through the ``frextract`` binary with
``RDD.pipe``: one JSON document a line goes in, one SPEC record a line comes
out (``frextract extract --input jsonl``, the batch mode of the command
line). The job writes

* ``OUTPUT/records/`` -- the records, JSON Lines, in input order, exactly what
  ``frextract extract --input jsonl`` prints for the same documents;
* ``OUTPUT/events/`` -- a Parquet table with one row per event, its
  arguments resolved to canonical texts (schema: ``EVENT_SCHEMA`` below).

Usage (from the repository root, after ``cargo build --release``)::

    spark-submit --master 'local[2]' \\
        --files target/release/frextract \\
        examples/spark/job.py docs.jsonl out/

The input is JSON Lines (a file or a directory of files; one object a line
with ``id``, ``text`` and an optional ``date``, other fields are carried
through) or Parquet (``--input-format parquet``, columns of the same names).
See examples/spark/README.md.
"""

import argparse
import json
import shlex
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    IntegerType,
    MapType,
    StringType,
    StructField,
    StructType,
)

BINARY = "frextract"

# One row per event. `args` maps each argument slot (`person`, `org`, `buyer`,
# `investors`...) to the canonical texts of its entities: a list, because
# some slots (`founder`, `defendant`, `investors`) take several. A text
# argument (`purpose`) gives its words.
EVENT_SCHEMA = StructType(
    [
        StructField("doc_id", StringType(), False),
        StructField("event", IntegerType(), False),
        StructField("type", StringType(), False),
        StructField("trigger", StringType(), False),
        StructField("trigger_char_start", IntegerType(), False),
        StructField("trigger_char_end", IntegerType(), False),
        StructField("polarity", StringType(), True),
        StructField("modality", StringType(), True),
        StructField("rule", StringType(), True),
        StructField("args", MapType(StringType(), ArrayType(StringType(), False)), False),
    ]
)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL file or directory (or Parquet with --input-format parquet)")
    p.add_argument("output", help="directory to create: OUTPUT/records (JSONL), OUTPUT/events (Parquet)")
    p.add_argument("--input-format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument(
        "--frextract",
        metavar="PATH",
        help="the frextract binary to ship to the executors "
        "(leave out when it was shipped with spark-submit --files)",
    )
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    p.add_argument("--date-field", default="date")
    p.add_argument(
        "--partitions",
        type=int,
        help="number of partitions to read the input into (default: Spark's)",
    )
    return p.parse_args(argv)


def binary_path(sc):
    """Where the executors find the binary shipped with `--files` or `addFile`.

    `RDD.pipe` fixes its command on the driver. With a local master the
    executors share the driver's JVM and so its SparkFiles directory; on a
    cluster each executor fetches shipped files into its own SparkFiles
    directory, which is its working directory, where the piped process starts.
    """
    if sc.master.startswith("local"):
        return SparkFiles.get(BINARY)
    return "./" + BINARY


def extract_command(sc, opts):
    # One frextract process per task: give it the cores Spark gives the task.
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    argv = [
        binary_path(sc),
        "extract",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        "--threads",
        str(threads),
        "--text-field",
        opts.text_field,
        "--id-field",
        opts.id_field,
        "--date-field",
        opts.date_field,
    ]
    return shlex.join(argv)


def extract_records(lines, command):
    """Pipes an RDD of JSONL lines through frextract: an RDD of records (JSONL).

    frextract writes exactly one line per non-blank input line (an error
    record `{"id": ..., "error": ...}` for a line it cannot read) and exits
    with a non-zero status when there were such lines, so its exit status
    cannot tell a crash from a bad record. Zipping each output line with its
    input line can: Spark fails the task (and retries it) when a partition's
    counts differ, so a record is never silently lost or duplicated.
    """
    # Blank lines are skipped as frextract skips them: ASCII whitespace only.
    lines = lines.filter(lambda line: line.strip(" \t\n\r\f") != "")
    records = lines.pipe(command, checkCode=False)
    return lines.map(lambda _: None).zip(records).values()


def canonical_texts(entity_ids, entities):
    if isinstance(entity_ids, dict):
        # A text argument (`purpose`): {"text", "start", "end", ...}.
        return [entity_ids["text"]]
    ids = entity_ids if isinstance(entity_ids, list) else [entity_ids]
    texts = []
    for i in ids:
        e = entities.get(i)
        if e is not None:
            texts.append(e.get("canonical") or e["text"])
    return texts


def event_rows(record_line):
    """The rows of EVENT_SCHEMA for one record (none for an error record)."""
    record = json.loads(record_line)
    if "error" in record:
        return []
    doc_id = record["id"] if isinstance(record["id"], str) else json.dumps(record["id"])
    entities = {e["id"]: e for e in record.get("entities", [])}
    rows = []
    for n, ev in enumerate(record.get("events", [])):
        trigger = ev["trigger"]
        args = {slot: canonical_texts(ids, entities) for slot, ids in ev.get("args", {}).items()}
        rows.append(
            (
                doc_id,
                n,
                ev["type"],
                trigger["text"],
                trigger["char_start"],
                trigger["char_end"],
                ev.get("polarity"),
                ev.get("modality"),
                ev.get("rule"),
                args,
            )
        )
    return rows


def read_lines(spark, opts):
    """The input as an RDD of JSONL lines, bad ones included: frextract reports them."""
    if opts.input_format == "parquet":
        df = spark.read.parquet(opts.input)
        if opts.partitions:
            df = df.repartition(opts.partitions)
        return df.toJSON()
    sc = spark.sparkContext
    return sc.textFile(opts.input, minPartitions=opts.partitions or sc.defaultMinPartitions)


def run(spark, opts):
    sc = spark.sparkContext
    if opts.frextract:
        sc.addFile(opts.frextract)
    records = extract_records(read_lines(spark, opts), extract_command(sc, opts))
    records.saveAsTextFile(f"{opts.output}/records")
    # The events are read back from the records written, not extracted twice.
    written = sc.textFile(f"{opts.output}/records")
    events = spark.createDataFrame(written.flatMap(event_rows), EVENT_SCHEMA)
    events.write.parquet(f"{opts.output}/events")


def main(argv=None):
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    spark = SparkSession.builder.appName("frextract").getOrCreate()
    run(spark, opts)


if __name__ == "__main__":
    main()
