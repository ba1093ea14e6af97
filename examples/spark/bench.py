"""Documents per second of the Spark job in local mode against the plain command line.

    python examples/spark/bench.py [DOCS] [PATH-TO-FREXTRACT]

Writes DOCS documents (default 6000) reusing the gold corpus's texts, times
`frextract extract --input jsonl` over them, then the Spark job over the
same file in `local[2]` mode: once in a fresh session (the JVM still
warming up) and once more in the same session. Spark's own start-up is
timed apart. The figures are for the machine it runs on and its load.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import job  # noqa: E402
import test_spark  # noqa: E402


def main():
    docs = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    binary = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target", "release", "frextract"))
    corpus = test_spark.corpus_documents()
    tmp = tempfile.mkdtemp(prefix="frextract-spark-bench-")
    try:
        path = os.path.join(tmp, "docs.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for n in range(docs):
                doc = dict(corpus[n % len(corpus)])
                doc["id"] = f"{doc['id']}#{n}"
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        print(f"{docs} documents, {os.path.getsize(path) / 1e6:.1f} MB, {os.cpu_count()} cores")

        start = time.perf_counter()
        with open(os.devnull, "wb") as null:
            subprocess.run([binary, "extract", "--input", "jsonl", "--threads", "2", path], stdout=null, check=True)
        seconds = time.perf_counter() - start
        print(f"frextract --threads 2:       {seconds:6.1f} s  {docs / seconds:7.0f} docs/s")

        start = time.perf_counter()
        spark = test_spark.local_session(2)
        spark.sparkContext.addFile(binary)
        print(f"Spark start-up:              {time.perf_counter() - start:6.1f} s")
        for run in ("first run", "second run"):
            out = os.path.join(tmp, "out")
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            job.main([path, out, "--partitions", "2"])
            seconds = time.perf_counter() - start
            print(f"Spark local[2], {run + ':':11} {seconds:6.1f} s  {docs / seconds:7.0f} docs/s")
        spark.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
