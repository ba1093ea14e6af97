#!/usr/bin/env python3
"""Run spaCy NER over gold documents and write frextract-style predictions.

The output can be scored by frextract's own evaluator, so spaCy and frextract
are measured by the same code:

    /opt/spacy-venv/bin/python scripts/spacy_eval.py GOLD [GOLD ...] \\
        [--model fr_core_news_md] [--out preds.jsonl] [--batch-size 64] \\
        [--components ner|ner-only|full]
    ./target/release/frextract eval --labels PERSON,ORG --pred preds.jsonl GOLD ...

GOLD is a gold JSONL file (one document a line:
``{"id", "text", "entities": [{"start", "end", "label"}]}``, char offsets) or
a directory holding ``*.gold.jsonl`` files (read in sorted order, like
``frextract eval``). Only ``id`` and ``text`` are read; the gold entities are
ignored here.

Each output line is one document in frextract's record format::

    {"id": ..., "entities": [{"id": "e1", "label": "PERSON", "char_start": 0,
     "char_end": 9, "text": "Luc Marin"}], "relations": [], "events": []}

spaCy labels are mapped PER -> PERSON and ORG -> ORG; LOC and MISC are
dropped (frextract has no such labels). Offsets are Python string indices,
i.e. code points, which is what ``char_start``/``char_end`` mean in frextract.

Components: documents go through ``nlp.pipe`` in batches. By default only
the components that can change the entities run (``--components ner``):

* ``ner`` itself;
* every enabled component that sets sentence boundaries (``parser`` in the
  ``fr_core_news_*`` pipelines): spaCy's NER never lets an entity cross a
  sentence start, so the parser's sentence splits change the entities;
* the ``tok2vec`` component those listen to (the parser is a listener of the
  shared ``tok2vec``; ``ner`` in ``fr_core_news_*`` 3.x embeds its own).

``morphologizer``, ``attribute_ruler`` and ``lemmatizer`` are disabled: they
only write POS, morphology and lemmas. The entities are then identical to the
full pipeline's (checked on this project's data; see docs/EVALUATION.md).

``--components ner-only`` also drops the parser and its tok2vec, leaving a
document with no sentence boundaries. That is faster but NOT equivalent to
spaCy's default output (it changes some entities), so it is a separate
variant. ``--components full`` runs everything.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

LABEL_MAP = {"PER": "PERSON", "ORG": "ORG"}


def gold_files(paths: list[str]) -> Iterator[Path]:
    """Yield the gold files named by ``paths`` (directories: ``*.gold.jsonl``)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(p.glob("*.gold.jsonl"))
        else:
            yield p


def read_docs(paths: list[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(id, text)`` for every document of the gold files."""
    for path in gold_files(paths):
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                if "id" not in rec or "text" not in rec:
                    raise SystemExit(f"{path}:{n}: record without id or text")
                yield str(rec["id"]), rec["text"]


def components_for_ner(nlp) -> list[str]:
    """The enabled components the entities depend on (see the module doc)."""
    keep = {"ner"}
    for name in nlp.pipe_names:
        if "token.is_sent_start" in nlp.get_pipe_meta(name).assigns:
            keep.add(name)
    for name in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", [])
        if keep.intersection(listeners):
            keep.add(name)
    return [name for name in nlp.pipe_names if name in keep]


def load_model(model: str, components: str):
    """Load ``model`` and disable what ``components`` does not need.

    Returns the pipeline and the list of disabled components.
    """
    import spacy

    nlp = spacy.load(model)
    if "ner" not in nlp.pipe_names:
        raise SystemExit(f"{model} has no ner component")
    if components == "full":
        keep = list(nlp.pipe_names)
    elif components == "ner":
        keep = components_for_ner(nlp)
    else:  # ner-only
        keep = ["ner"]
        listeners = [
            getattr(nlp.get_pipe(n), "listening_components", []) for n in nlp.pipe_names
        ]
        if any("ner" in ls for ls in listeners):
            raise SystemExit(
                f"{model}: ner listens to a shared tok2vec; use --components ner"
            )
    disabled = [name for name in nlp.pipe_names if name not in keep]
    for name in disabled:
        nlp.disable_pipe(name)
    return nlp, disabled


def record(doc_id: str, doc) -> dict:
    """A frextract prediction record for one spaCy ``Doc``."""
    entities = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        entities.append(
            {
                "id": f"e{len(entities) + 1}",
                "label": label,
                "char_start": ent.start_char,
                "char_end": ent.end_char,
                "text": ent.text,
            }
        )
    return {"id": doc_id, "entities": entities, "relations": [], "events": []}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", help="gold JSONL files or directories")
    ap.add_argument("--model", default="fr_core_news_md", help="spaCy pipeline name")
    ap.add_argument("--out", help="output file (default: standard output)")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size")
    ap.add_argument(
        "--components",
        choices=["ner", "ner-only", "full"],
        default="ner",
        help="ner: what the entities depend on (default, same output as full); "
        "ner-only: the ner component alone (no sentence boundaries, different "
        "output); full: every component",
    )
    args = ap.parse_args()

    import spacy

    nlp, disabled = load_model(args.model, args.components)
    print(
        f"spaCy {spacy.__version__}, {args.model} {nlp.meta.get('version')}; "
        f"running {nlp.pipe_names}; disabled {disabled}",
        file=sys.stderr,
    )

    docs = list(read_docs(args.gold))
    t0 = time.perf_counter()
    n_ents = 0
    with (
        open(args.out, "w", encoding="utf-8")
        if args.out
        else contextlib.nullcontext(sys.stdout)
    ) as out:
        texts = (text for _, text in docs)
        for (doc_id, _), doc in zip(docs, nlp.pipe(texts, batch_size=args.batch_size)):
            rec = record(doc_id, doc)
            n_ents += len(rec["entities"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - t0
    print(
        f"{len(docs)} documents, {n_ents} PERSON/ORG entities, {elapsed:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
