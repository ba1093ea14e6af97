#!/usr/bin/env python3
"""Build a large, varied JSONL benchmark input from the project's gold corpus.

    python3 scripts/make_bench_input.py --seed 42 --mb 60 --out /tmp/bench.jsonl

Each output line is ``{"id": "...", "date": "YYYY-MM-DD", "text": "..."}``,
the input format of ``frextract extract --input jsonl``.

Source material: the ``text`` and ``date`` fields of every
``corpus/*/*.gold.jsonl`` (dev, test and seed), read in sorted path order.
Each text is split into paragraphs on blank lines; the first paragraph is
taken as the document's title, the others form its body.

Every generated document is one of two kinds, chosen with a seeded RNG:

* **shuffled** (35 %): a source document keeps its title and date, its body
  paragraphs are shuffled, and, if it is shorter than the size drawn for it,
  paragraphs sampled from other documents are appended;
* **mixed** (65 %): the title and date of a random source document, then body
  paragraphs sampled from the whole corpus.

The target size of each document is drawn from a log-normal law (median about
2.5 KB) clipped to 1–6 KB of UTF-8 text, the size of a news article; a
document stops growing at its first paragraph past the target and never
exceeds 6 KB (a longer source is cut at a paragraph boundary, keeping at
least the title and one paragraph). So the input is not a repetition of a few
identical strings: the generator prints how many distinct texts it wrote.

Output is deterministic for a given seed *and corpus*: the same seed on the
same corpus gives byte-identical output. The generator prints the SHA-256 of
the output and a fingerprint of the corpus it read, so two runs can be
compared. Stops once the output file reaches ``--mb`` megabytes (10^6 bytes).

Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import math
import os
import random
import re
import sys
from dataclasses import dataclass

MIN_BYTES = 1000
MAX_BYTES = 6000
MEDIAN_BYTES = 2500
SIGMA = 0.45
P_SHUFFLED = 0.35
PARAGRAPH_SEP = "\n\n"


@dataclass
class Source:
    """One corpus document split into title and body paragraphs."""

    id: str
    date: str | None
    title: str
    body: list[str]


def nbytes(s: str) -> int:
    return len(s.encode("utf-8"))


def read_corpus(root: str) -> tuple[list[Source], str]:
    """Reads the gold files under ``root``; returns the sources and a
    fingerprint (SHA-256 of the texts and dates read, in order)."""
    paths = sorted(set(glob.glob(os.path.join(root, "*", "*.gold.jsonl"))))
    fp = hashlib.sha256()
    sources: list[Source] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                text = d.get("text")
                if not isinstance(text, str) or not text.strip():
                    continue
                date = d.get("date") if isinstance(d.get("date"), str) else None
                fp.update(text.encode("utf-8"))
                fp.update((date or "").encode("utf-8"))
                paras = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text)]
                paras = [p for p in paras if p.strip()]
                if not paras:
                    continue
                sources.append(
                    Source(
                        id=str(d.get("id", os.path.basename(path))),
                        date=date,
                        title=paras[0],
                        body=paras[1:],
                    )
                )
    return sources, fp.hexdigest()


def target_size(rng: random.Random) -> int:
    size = int(rng.lognormvariate(math.log(MEDIAN_BYTES), SIGMA))
    return max(MIN_BYTES, min(MAX_BYTES, size))


def grow(
    parts: list[str], size: int, target: int, rng: random.Random, pool: list[str]
) -> list[str]:
    """Appends paragraphs sampled from ``pool`` until ``target`` bytes are
    reached, never passing ``MAX_BYTES``."""
    tries = 0
    while size < target and tries < 50:
        p = rng.choice(pool)
        extra = nbytes(p) + len(PARAGRAPH_SEP)
        if size + extra > MAX_BYTES:
            tries += 1
            continue
        parts.append(p)
        size += extra
    return parts


def make_document(
    rng: random.Random, sources: list[Source], pool: list[str], dates: list[str]
) -> tuple[str, str]:
    """Returns (date, text) of one generated document."""
    target = target_size(rng)
    src = rng.choice(sources)
    date = src.date or rng.choice(dates)
    parts = [src.title]
    size = nbytes(src.title)
    if rng.random() < P_SHUFFLED:
        body = src.body[:]
        rng.shuffle(body)
        for p in body:
            extra = nbytes(p) + len(PARAGRAPH_SEP)
            if size + extra > MAX_BYTES and len(parts) > 1:
                break
            parts.append(p)
            size += extra
            if size >= target:
                break
    parts = grow(parts, size, target, rng, pool)
    return date, PARAGRAPH_SEP.join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Build a large, varied, seeded JSONL benchmark input from corpus/."
    )
    ap.add_argument("--seed", type=int, default=42, help="RNG seed (default 42)")
    ap.add_argument(
        "--mb", type=float, default=60, help="output size in MB of 10^6 bytes (default 60)"
    )
    ap.add_argument("--out", required=True, help="output JSONL file ('-' for stdout)")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument(
        "--corpus",
        default=os.path.join(here, "..", "corpus"),
        help="corpus directory holding <split>/*.gold.jsonl (default: the project's)",
    )
    args = ap.parse_args(argv)

    sources, corpus_fp = read_corpus(args.corpus)
    if not sources:
        print(f"no gold documents under {args.corpus}", file=sys.stderr)
        return 1
    pool = [p for s in sources for p in s.body] or [s.title for s in sources]
    dates = sorted({s.date for s in sources if s.date}) or ["2024-01-01"]

    rng = random.Random(args.seed)
    limit = int(args.mb * 1_000_000)
    digest = hashlib.sha256()
    seen: set[bytes] = set()
    n_docs = file_bytes = text_bytes = 0
    sizes_min, sizes_max = MAX_BYTES + 1, 0

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    try:
        while file_bytes < limit:
            date, text = make_document(rng, sources, pool, dates)
            rec = {"id": f"bench-{args.seed}-{n_docs:07d}", "date": date, "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            raw = line.encode("utf-8")
            out.write(line)
            digest.update(raw)
            seen.add(hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest())
            tb = nbytes(text)
            sizes_min, sizes_max = min(sizes_min, tb), max(sizes_max, tb)
            n_docs += 1
            file_bytes += len(raw)
            text_bytes += tb
    finally:
        if out is not sys.stdout:
            out.close()

    report = {
        "out": args.out,
        "seed": args.seed,
        "documents": n_docs,
        "distinct_texts": len(seen),
        "file_bytes": file_bytes,
        "text_bytes": text_bytes,
        "text_bytes_min": sizes_min,
        "text_bytes_max": sizes_max,
        "text_bytes_mean": round(text_bytes / max(n_docs, 1)),
        "corpus_documents": len(sources),
        "corpus_paragraphs": len(pool),
        "corpus_sha256": corpus_fp,
        "sha256": digest.hexdigest(),
    }
    # The report goes to stdout, or to stderr when the data does (`--out -`).
    log = sys.stderr if args.out == "-" else sys.stdout
    for k, v in report.items():
        print(f"{k}: {v}", file=log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
