#!/usr/bin/env python3
"""Time spaCy on the first N MB of a JSONL file of documents.

    /opt/spacy-venv/bin/python scripts/spacy_speed.py FILE.jsonl \\
        [--model fr_core_news_sm] [--limit-mb 2] [--batch-size 64] \\
        [--configs full,ner,ner-only] [--text-field text]

FILE.jsonl holds one document a line, ``{"id": ..., "text": ...}``. Documents
are taken in order until their texts add up to ``--limit-mb`` megabytes
(1 MB = 10^6 bytes of UTF-8 text; JSON syntax and ids are not counted, so the
figure is comparable with frextract's text throughput on the same file).

Each configuration runs in this one process (``nlp.pipe``, ``n_process=1``),
after loading the model and a warm-up on a few documents, neither of which is
timed:

* ``full``: spaCy's default pipeline, every enabled component (tok2vec,
  morphologizer, parser, attribute_ruler, lemmatizer, ner in
  ``fr_core_news_*``).
* ``ner``: the components the entities depend on (tok2vec, parser, ner); same
  entities as ``full`` (see scripts/spacy_eval.py).
* ``ner-only``: the ner component alone; no sentence boundaries, so some
  entities differ from the default output.

For each it prints the wall-clock and CPU seconds, MB/s and docs/s (both
on wall-clock time; a CPU time well below the wall time means the machine
was busy with something else). Thread count of the numeric
libraries is left as the environment sets it; spaCy's CPU models run their
matrix products in one thread by default.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from spacy_eval import components_for_ner  # same directory

CONFIGS = ("full", "ner", "ner-only")


def read_texts(path: str, field: str, limit_bytes: int) -> list[str]:
    """The texts of the first documents of ``path`` up to ``limit_bytes``."""
    texts: list[str] = []
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line)[field]
            texts.append(text)
            total += len(text.encode("utf-8"))
            if total >= limit_bytes:
                break
    return texts


def keep_for(nlp, config: str) -> list[str]:
    """Names of the components to run for ``config``."""
    if config == "full":
        return list(nlp.pipe_names)
    if config == "ner-only":
        return ["ner"]
    return components_for_ner(nlp)


def time_config(
    model: str, config: str, texts: list[str], batch_size: int
) -> tuple[list[str], float, float]:
    """Load ``model`` for ``config``; run it over ``texts``.

    Returns the components run, the wall-clock seconds and the CPU seconds
    (this process, all threads) taken by the timed run.
    """
    import spacy

    nlp = spacy.load(model)
    keep = keep_for(nlp, config)
    for name in list(nlp.pipe_names):
        if name not in keep:
            nlp.disable_pipe(name)
    for _ in nlp.pipe(texts[:20], batch_size=batch_size):  # warm-up
        pass
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return nlp.pipe_names, time.perf_counter() - t0, time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", help="JSONL file of documents")
    ap.add_argument("--model", default="fr_core_news_sm", help="spaCy pipeline name")
    ap.add_argument(
        "--limit-mb", type=float, default=2.0, help="MB of text to process (10^6 bytes)"
    )
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size")
    ap.add_argument("--text-field", default="text")
    ap.add_argument(
        "--configs",
        default=",".join(CONFIGS),
        help="comma-separated, among " + ", ".join(CONFIGS),
    )
    args = ap.parse_args()
    configs = [c for c in args.configs.split(",") if c]
    for c in configs:
        if c not in CONFIGS:
            ap.error(f"unknown config {c!r}")

    import spacy

    texts = read_texts(args.file, args.text_field, int(args.limit_mb * 1_000_000))
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    print(
        f"spaCy {spacy.__version__}, model {args.model}, {len(texts)} documents, "
        f"{mb:.2f} MB of text, batch size {args.batch_size}, one process"
    )
    print(
        f"{'config':<9} {'wall s':>8} {'CPU s':>8} {'MB/s':>8} {'docs/s':>8}  components"
    )
    for config in configs:
        names, secs, cpu = time_config(args.model, config, texts, args.batch_size)
        print(
            f"{config:<9} {secs:8.1f} {cpu:8.1f} {mb / secs:8.3f} "
            f"{len(texts) / secs:8.1f}  " + ",".join(names)
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
