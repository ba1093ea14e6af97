#!/usr/bin/env python3
"""Build and check the frextract gold corpus.

Reads the annotated sources ``corpus/src/*.ann`` (format: ``corpus/README.md``)
and writes one gold file per document, ``corpus/<split>/<id>.gold.jsonl``: a
single JSON line in the gold format of ``SPEC.md`` (character offsets, MONEY
``amount``, DATE ``iso``, events and ROLE_OF relations by canonical text).

Usage (from the repository root or anywhere):

    python3 corpus/tools/build_gold.py            # validate all sources, write gold files
    python3 corpus/tools/build_gold.py FILE.ann   # validate and write only these sources
    python3 corpus/tools/build_gold.py --check    # rebuild in memory, fail if a gold
                                                  # file is stale, missing or orphaned,
                                                  # or if a lexicon lists an invented name
    python3 corpus/tools/build_gold.py --stats    # counts per split and in total

Every problem is reported as ``file:line: message`` on stderr. Errors make the
tool exit with status 1 without writing anything; warnings (``warning:``) are
printed but do not fail the build.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import functools
import datetime as _dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
SRC_DIR = CORPUS / "src"
SPLITS = ("dev", "test")

LABELS = ("PERSON", "ORG", "ROLE", "MONEY", "DATE")

# Event types and their slots (SPEC.md, table of events).
EVENT_SLOTS = {
    "DEPARTURE": ("person", "org", "role", "destination", "date"),
    "JOIN": ("person", "org", "role", "predecessor", "date"),
    "DISMISSAL": ("person", "org", "role", "date"),
    "LEAVE": ("person", "org", "role", "until"),
    "FOUNDING": ("founder", "org", "date"),
    "LAWSUIT": ("plaintiff", "defendant", "court", "date"),
    "FUNDING": ("org", "amount", "investors", "date"),
    "ACQUISITION": ("buyer", "target", "amount", "date"),
    "SPENDING": ("org", "amount", "purpose", "date"),
    "LOSS": ("org", "amount", "date"),
    "REVENUE": ("org", "amount", "date"),
}
EVENT_TYPES = tuple(EVENT_SLOTS)
# Slots naming a person or an organisation (checked against PERSON/ORG mentions).
NAME_SLOTS = {"person", "org", "destination", "predecessor", "founder",
              "plaintiff", "defendant", "court", "investors", "buyer", "target"}
# Slots that may hold several values separated by " + ".
LIST_SLOTS = {"founder", "plaintiff", "defendant", "investors", "buyer", "target"}
DATE_SLOTS = {"date", "until"}
POLARITIES = ("positive", "negative")
MODALITIES = ("asserted", "hypothetical", "planned")
RELATION_SLOTS = ("person", "role", "org")

HEADER_KEYS = ("id", "date", "split", "domain", "invented")
REQUIRED_HEADER_KEYS = ("id", "split", "domain")

QUALIFIERS = ("approx", "more_than", "less_than")

# Active ISO 4217 alphabetic codes.
ISO_4217 = set("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP
ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
""".split())

ISO_DATE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<q>Q[1-4])|(?P<h>H[12])|W(?P<w>\d{2})"
    r"|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?$"
)
NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")
ENTITY_RE = re.compile(r"\[\[(.*?)\]\]", re.S)


class CorpusError(Exception):
    """A validation error at a position of a source file."""

    def __init__(self, path: Path, line: int, message: str):
        super().__init__(f"{_rel(path)}:{line}: {message}")


@dataclass
class Document:
    """One parsed source document and the gold record built from it."""

    path: Path
    id: str
    split: str
    domain: str
    date: str | None
    invented: list[str]
    text: str
    entities: list[dict]
    events: list[dict]
    relations: list[dict]
    header_line: dict[str, int] = field(default_factory=dict)

    def gold(self) -> dict:
        record = {"id": self.id}
        if self.date is not None:
            record["date"] = self.date
        record["domain"] = self.domain
        record["text"] = self.text
        record["entities"] = self.entities
        record["events"] = self.events
        record["relations"] = self.relations
        if self.invented:
            record["invented"] = self.invented
        return record

    def gold_line(self) -> str:
        return to_json(self.gold()) + "\n"

    def gold_path(self) -> Path:
        return CORPUS / self.split / f"{self.id}.gold.jsonl"


class Reporter:
    """Collects errors and warnings as ``file:line: message`` strings."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, path: Path, line: int, message: str) -> None:
        self.errors.append(f"{_rel(path)}:{line}: {message}")

    def warn(self, path: Path, line: int, message: str) -> None:
        self.warnings.append(f"{_rel(path)}:{line}: warning: {message}")

    def flush(self) -> None:
        for message in self.warnings + self.errors:
            print(message, file=sys.stderr)
        self.warnings.clear()


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------
# JSON output (numbers written exactly, from Decimal)


def format_number(value: Decimal) -> str:
    """An exact JSON number: an integer when whole, else a plain decimal."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def to_json(obj) -> str:
    """Serialise like ``json.dumps(ensure_ascii=False)``, Decimals exactly."""
    if isinstance(obj, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {to_json(v)}"
                               for k, v in obj.items()) + "}"
    if isinstance(obj, list):
        return "[" + ", ".join(to_json(v) for v in obj) + "]"
    if isinstance(obj, Decimal):
        return format_number(obj)
    return json.dumps(obj, ensure_ascii=False)


# --------------------------------------------------------------------------
# Values


def parse_number(text: str) -> Decimal | None:
    """A non-negative number written with '.' as decimal point, else None."""
    if not NUMBER_RE.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def check_iso_date(iso: str) -> str | None:
    """Return an error message if ``iso`` is not a valid gold date value."""
    m = ISO_DATE_RE.match(iso)
    if not m:
        return (f"bad iso date {iso!r} (expected YYYY, YYYY-MM, YYYY-MM-DD, "
                "YYYY-Qn, YYYY-Hn or YYYY-Www)")
    year = int(m["y"])
    if m["w"] is not None:
        weeks = _dt.date(year, 12, 28).isocalendar()[1]
        if not 1 <= int(m["w"]) <= weeks:
            return f"bad iso week in {iso!r}"
    if m["m"] is not None and not 1 <= int(m["m"]) <= 12:
        return f"bad month in {iso!r}"
    if m["d"] is not None:
        try:
            _dt.date(year, int(m["m"]), int(m["d"]))
        except ValueError:
            return f"bad day in {iso!r}"
    return None


def parse_amount_attrs(attrs: dict[str, str | bool]) -> tuple[dict | None, str | None]:
    """Build a MONEY ``amount`` from inline attributes; (amount, error)."""
    allowed = {"value", "min", "max", "currency", "qualifier", "currency_inferred"}
    unknown = set(attrs) - allowed
    if unknown:
        return None, f"unknown MONEY attribute(s): {', '.join(sorted(unknown))}"
    currency = attrs.get("currency")
    if not isinstance(currency, str) or not currency:
        return None, "MONEY needs currency=ISO"
    if currency not in ISO_4217:
        return None, f"currency {currency!r} is not an ISO 4217 code"
    amount: dict = {}
    if "value" in attrs:
        if "min" in attrs or "max" in attrs:
            return None, "MONEY takes value= or min=/max=, not both"
        value = parse_number(str(attrs["value"]))
        if value is None:
            return None, f"bad MONEY value {attrs['value']!r}"
        amount["value"] = value
    elif "min" in attrs and "max" in attrs:
        lo, hi = parse_number(str(attrs["min"])), parse_number(str(attrs["max"]))
        if lo is None or hi is None:
            return None, f"bad MONEY range {attrs['min']!r}-{attrs['max']!r}"
        if lo >= hi:
            return None, f"MONEY min {attrs['min']} is not below max {attrs['max']}"
        amount["min"], amount["max"] = lo, hi
    else:
        return None, "MONEY needs value= or both min= and max="
    amount["currency"] = currency
    if "qualifier" in attrs:
        if attrs["qualifier"] not in QUALIFIERS:
            return None, f"bad qualifier {attrs['qualifier']!r} (one of {', '.join(QUALIFIERS)})"
        amount["qualifier"] = attrs["qualifier"]
    if "currency_inferred" in attrs:
        if attrs["currency_inferred"] is not True:
            return None, "currency_inferred is a flag and takes no value"
        amount["currency_inferred"] = True
    return amount, None


def parse_event_amount(text: str) -> tuple[dict | None, str | None]:
    """``1400000000 USD``, ``10000000-15000000 EUR``, optional qualifier last."""
    parts = text.split()
    if len(parts) not in (2, 3):
        return None, f"bad amount {text!r} (expected 'N CUR' or 'N-M CUR')"
    number, currency = parts[0], parts[1]
    if currency not in ISO_4217:
        return None, f"currency {currency!r} is not an ISO 4217 code"
    amount: dict = {}
    if "-" in number:
        lo_s, _, hi_s = number.partition("-")
        lo, hi = parse_number(lo_s), parse_number(hi_s)
        if lo is None or hi is None or lo >= hi:
            return None, f"bad amount range {number!r}"
        amount["min"], amount["max"] = lo, hi
    else:
        value = parse_number(number)
        if value is None:
            return None, f"bad amount number {number!r}"
        amount["value"] = value
    amount["currency"] = currency
    if len(parts) == 3:
        if parts[2] not in QUALIFIERS:
            return None, f"bad amount qualifier {parts[2]!r}"
        amount["qualifier"] = parts[2]
    return amount, None


def parse_attrs(text: str) -> tuple[dict[str, str | bool], str | None]:
    """``key=value key=value flag`` → dict (flags map to True)."""
    attrs: dict[str, str | bool] = {}
    for token in text.split():
        key, eq, value = token.partition("=")
        if not key or (eq and not value):
            return attrs, f"bad attribute {token!r}"
        if key in attrs:
            return attrs, f"duplicate attribute {key!r}"
        attrs[key] = value if eq else True
    return attrs, None


# --------------------------------------------------------------------------
# Name matching


def fold(text: str) -> str:
    """Lowercase, without accents, apostrophes unified, spaces collapsed."""
    text = unicodedata.normalize("NFD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s\-']+", fold(text)) if t]


def is_token_subsequence(short: str, long: str) -> bool:
    """True if the tokens of ``short`` occur in order within ``long``."""
    it = iter(tokens(long))
    wanted = tokens(short)
    return bool(wanted) and all(tok in it for tok in wanted)


def is_invented_mention(text: str, invented: list[str]) -> bool:
    """True if a PERSON/ORG mention names one of the document's invented
    persons or organisations: its words occur in order in a listed name."""
    return any(is_token_subsequence(text, name) for name in invented)


def undeclared_aliases(text: str, entities: list[dict], invented: list[str]) -> list[str]:
    """Mentions written in parentheses right after an invented name
    (``Forces Motrices du Léman SA (FML)``) that the invented list misses
    (unless a lexicon knows them: then they are not invented)."""
    names = [e for e in entities if e["label"] in ("PERSON", "ORG")]
    found = []
    for before, alias in zip(names, names[1:]):
        if (text[before["end"]:alias["start"]] == " ("
                and text[alias["end"]:alias["end"] + 1] == ")"
                and is_invented_mention(before["text"], invented)
                and not is_invented_mention(alias["text"], invented)
                and fold(alias["text"]) not in lexicon_names()
                and alias["text"] not in found):
            found.append(alias["text"])
    return found


def role_matches(canonical: str, mentions: list[str]) -> bool:
    """Loose check that a canonical role comes from some ROLE mention: every
    word of 4+ letters of the canonical form shares its first 4 letters with a
    word of one mention (``directeur financier`` ~ ``directrice financière``)."""
    words = [w for w in tokens(canonical) if len(w) >= 4]
    for mention in mentions:
        mention_words = tokens(mention)
        if all(any(m[:4] == w[:4] for m in mention_words) for w in words):
            if words or fold(canonical) == fold(mention):
                return True
    return False


# --------------------------------------------------------------------------
# Parsing a source file


def split_sections(path: Path, lines: list[str], rep: Reporter):
    """Split a source into header, text and annotation sections.

    Returns (header_lines, text_lines, text_first_lineno, annotation_lines)
    where the line lists hold (lineno, line) pairs, or None on error."""
    seps = [i for i, line in enumerate(lines) if line.rstrip() == "---"]
    if len(seps) < 2:
        rep.error(path, len(lines) or 1, "expected a header, '---', the text, '---', the events")
        return None
    first, last = seps[0], seps[-1]
    header = [(i + 1, lines[i]) for i in range(first)]
    text = lines[first + 1:last]
    annotations = [(i + 1, lines[i]) for i in range(last + 1, len(lines))]
    return header, text, first + 2, annotations


def parse_header(path: Path, header, rep: Reporter):
    values: dict[str, str] = {}
    where: dict[str, int] = {}
    for lineno, line in header:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not colon or not key:
            rep.error(path, lineno, f"bad header line {line!r} (expected 'key: value')")
            continue
        if key not in HEADER_KEYS:
            rep.error(path, lineno, f"unknown header key {key!r} (known: {', '.join(HEADER_KEYS)})")
            continue
        if key in values:
            rep.error(path, lineno, f"duplicate header key {key!r}")
            continue
        if not value:
            rep.error(path, lineno, f"empty header value for {key!r}")
            continue
        values[key], where[key] = value, lineno
    for key in REQUIRED_HEADER_KEYS:
        if key not in values:
            rep.error(path, 1, f"missing header key {key!r}")
    if "id" in values and values["id"] != path.stem:
        rep.error(path, where["id"], f"id {values['id']!r} does not match the file name {path.stem!r}")
    if "split" in values and values["split"] not in SPLITS:
        rep.error(path, where["split"], f"split must be one of {', '.join(SPLITS)}, not {values['split']!r}")
    if "date" in values:
        try:
            _dt.date.fromisoformat(values["date"])
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", values["date"]):
                raise ValueError
        except ValueError:
            rep.error(path, where["date"], f"bad document date {values['date']!r} (expected YYYY-MM-DD)")
    return values, where


def parse_text(path: Path, text_lines: list[str], first_lineno: int, doc_date: str | None,
               rep: Reporter) -> tuple[str, list[dict]]:
    """Remove the inline markup; return the plain text and its entities."""
    raw = "\n".join(text_lines)
    # Leading/trailing blank lines are not part of the text.
    lead = len(raw) - len(raw.lstrip("\n"))
    raw = raw.strip("\n")
    first_lineno += lead

    def lineno_at(pos: int) -> int:
        return first_lineno + raw.count("\n", 0, pos)

    out: list[str] = []
    entities: list[dict] = []
    pos = 0
    length = 0
    while True:
        opening = raw.find("[[", pos)
        closing = raw.find("]]", pos)
        if closing != -1 and (opening == -1 or closing < opening):
            rep.error(path, lineno_at(closing), "unbalanced ']]' without '[['")
            pos = closing + 2
            continue
        if opening == -1:
            break
        end = raw.find("]]", opening + 2)
        nested = raw.find("[[", opening + 2)
        newline = raw.find("\n", opening)
        if end == -1 or (newline != -1 and newline < end and (nested == -1 or newline < nested)):
            # Entities never cross a line break: an unclosed '[[' ends at the line's end.
            rep.error(path, lineno_at(opening), "unbalanced '[[' without ']]' on the same line")
            if newline == -1:
                break
            out.append(raw[pos:newline])
            length += newline - pos
            pos = newline
            continue
        if nested != -1 and nested < end:
            rep.error(path, lineno_at(nested), "nested markup '[[' inside an entity")
            pos = end + 2
            continue
        chunk = raw[pos:opening]
        out.append(chunk)
        length += len(chunk)
        body = raw[opening + 2:end]
        lineno = lineno_at(opening)
        entity = parse_entity(path, lineno, body, length, doc_date, rep)
        if entity is not None:
            out.append(entity["text"])
            length += len(entity["text"])
            entities.append(entity)
        else:
            # Keep the surface text so later offsets stay meaningful.
            surface = body.split("|")[1] if body.count("|") >= 1 else body
            out.append(surface)
            length += len(surface)
        pos = end + 2
    out.append(raw[pos:])
    text = "".join(out)
    for e in entities:
        assert text[e["start"]:e["end"]] == e["text"]
    entities.sort(key=lambda e: (e["start"], e["end"]))
    return text, entities


def parse_entity(path: Path, lineno: int, body: str, start: int, doc_date: str | None,
                 rep: Reporter) -> dict | None:
    parts = body.split("|")
    if len(parts) not in (2, 3):
        rep.error(path, lineno, f"bad entity markup [[{body}]] (expected [[LABEL|text]] or [[LABEL|text|attributes]])")
        return None
    label, surface = parts[0], parts[1]
    attr_text = parts[2] if len(parts) == 3 else ""
    if label not in LABELS:
        rep.error(path, lineno, f"unknown label {label!r} (known: {', '.join(LABELS)})")
        return None
    if not surface:
        rep.error(path, lineno, f"empty {label} span")
        return None
    if surface != surface.strip():
        rep.error(path, lineno, f"leading or trailing whitespace inside {label} span {surface!r}")
        return None
    if "\n" in surface:
        rep.error(path, lineno, f"{label} span {surface!r} crosses a line break")
        return None
    attrs, err = parse_attrs(attr_text)
    if err:
        rep.error(path, lineno, f"{label} {surface!r}: {err}")
        return None
    entity: dict = {"start": start, "end": start + len(surface), "label": label, "text": surface}
    if label == "MONEY":
        amount, err = parse_amount_attrs(attrs)
        if err:
            rep.error(path, lineno, f"MONEY {surface!r}: {err}")
            return None
        if not re.search(r"\d", surface) and not re.search(
                r"(?i)\b(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
                r"treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|"
                r"septante|octante|huitante|nonante|cent|cents|mille|zéro|demi)\b", surface):
            rep.warn(path, lineno, f"MONEY {surface!r} has no number")
        entity["amount"] = amount
    elif label == "DATE":
        unknown = set(attrs) - {"iso", "relative"}
        if unknown:
            rep.error(path, lineno, f"DATE {surface!r}: unknown attribute(s) {', '.join(sorted(unknown))}")
            return None
        if "relative" in attrs and attrs["relative"] is not True:
            rep.error(path, lineno, f"DATE {surface!r}: relative is a flag and takes no value")
            return None
        iso = attrs.get("iso")
        if iso is None or iso is True:
            if not (attrs.get("relative") and doc_date is None):
                rep.error(path, lineno, f"DATE {surface!r} needs iso=... "
                          "(only a relative date in a document without date may omit it)")
                return None
        else:
            err = check_iso_date(iso)
            if err:
                rep.error(path, lineno, f"DATE {surface!r}: {err}")
                return None
            entity["iso"] = iso
        if attrs.get("relative"):
            entity["relative"] = True
    elif attrs:
        rep.error(path, lineno, f"{label} {surface!r} takes no attributes")
        return None
    return entity


def parse_annotations(path: Path, lines, entities: list[dict], rep: Reporter):
    """Parse event and relation lines; check their values against the text."""
    names = [e["text"] for e in entities if e["label"] in ("PERSON", "ORG")]
    roles = [e["text"] for e in entities if e["label"] == "ROLE"]
    isos = {e.get("iso") for e in entities if e["label"] == "DATE"}
    amounts = [e["amount"] for e in entities if e["label"] == "MONEY"]
    events: list[dict] = []
    relations: list[dict] = []
    seen_relations: set[tuple[str, str]] = set()
    seen_events: set[str] = set()

    def check_name(lineno: int, slot: str, value: str) -> None:
        fv = fold(value)
        if not any(fv in fold(n) or fold(n) in fv for n in names):
            rep.error(path, lineno, f"{slot}={value!r} matches no PERSON/ORG mention of the text")
        elif not any(fv == fold(n) for n in names):
            rep.warn(path, lineno, f"{slot}={value!r} is not the text of any PERSON/ORG mention")

    def check_role(lineno: int, value: str) -> None:
        if not role_matches(value, roles):
            rep.warn(path, lineno, f"role={value!r} looks like no ROLE mention of the text")
        if value[:1].isupper() and not value.split()[0].isupper():
            rep.warn(path, lineno, f"role={value!r}: canonical roles are lowercase")

    for lineno, line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, rest = line.partition(" ")
        slots: dict[str, str] = {}
        bad = False
        for item in (s.strip() for s in rest.split(";")):
            if not item:
                continue
            key, eq, value = item.partition("=")
            key, value = key.strip(), value.strip()
            if not eq or not key or not value:
                rep.error(path, lineno, f"bad argument {item!r} (expected key=value)")
                bad = True
                continue
            if key in slots:
                rep.error(path, lineno, f"duplicate argument {key!r}")
                bad = True
                continue
            slots[key] = value
        if bad:
            continue
        if kind == "ROLE_OF":
            unknown = set(slots) - set(RELATION_SLOTS)
            if unknown:
                rep.error(path, lineno, f"unknown ROLE_OF argument(s): {', '.join(sorted(unknown))}")
                continue
            if "person" not in slots or "role" not in slots:
                rep.error(path, lineno, "ROLE_OF needs person= and role=")
                continue
            check_name(lineno, "person", slots["person"])
            check_role(lineno, slots["role"])
            if "org" in slots:
                check_name(lineno, "org", slots["org"])
            pair = (fold(slots["person"]), fold(slots["role"]))
            if pair in seen_relations:
                rep.error(path, lineno, f"duplicate ROLE_OF for {slots['person']!r} / {slots['role']!r}")
                continue
            seen_relations.add(pair)
            relation = {"type": "ROLE_OF", "person": slots["person"], "role": slots["role"]}
            if "org" in slots:
                relation["org"] = slots["org"]
            relations.append(relation)
            continue
        if kind not in EVENT_SLOTS:
            rep.error(path, lineno, f"unknown event type {kind!r} "
                      f"(known: {', '.join(EVENT_TYPES)}, ROLE_OF)")
            continue
        allowed = set(EVENT_SLOTS[kind]) | {"polarity", "modality"}
        unknown = set(slots) - allowed
        if unknown:
            rep.error(path, lineno, f"unknown {kind} slot(s): {', '.join(sorted(unknown))} "
                      f"(known: {', '.join(EVENT_SLOTS[kind])}, polarity, modality)")
            continue
        if not set(slots) - {"polarity", "modality"}:
            rep.error(path, lineno, f"{kind} event without arguments")
            continue
        event: dict = {"type": kind}
        ok = True
        for key, value in slots.items():
            if key == "polarity":
                if value not in POLARITIES:
                    rep.error(path, lineno, f"bad polarity {value!r} (one of {', '.join(POLARITIES)})")
                    ok = False
                event[key] = value
            elif key == "modality":
                if value not in MODALITIES:
                    rep.error(path, lineno, f"bad modality {value!r} (one of {', '.join(MODALITIES)})")
                    ok = False
                event[key] = value
            elif key == "amount":
                amount, err = parse_event_amount(value)
                if err:
                    rep.error(path, lineno, err)
                    ok = False
                    continue
                if not any(_same_amount(amount, a) for a in amounts):
                    rep.warn(path, lineno, f"amount={value!r} matches no MONEY mention of the text")
                event[key] = amount
            elif key in DATE_SLOTS:
                err = check_iso_date(value)
                if err:
                    rep.error(path, lineno, f"{key}: {err}")
                    ok = False
                    continue
                if value not in isos:
                    rep.warn(path, lineno, f"{key}={value!r} is the iso of no DATE mention")
                event[key] = value
            elif key == "role":
                check_role(lineno, value)
                event[key] = value
            elif key in NAME_SLOTS:
                values = [v.strip() for v in value.split(" + ")]
                if len(values) > 1 and key not in LIST_SLOTS:
                    rep.error(path, lineno, f"slot {key!r} takes one value (one event per person)")
                    ok = False
                    continue
                if any(not v for v in values):
                    rep.error(path, lineno, f"empty value in {key}={value!r}")
                    ok = False
                    continue
                for v in values:
                    check_name(lineno, key, v)
                event[key] = values if len(values) > 1 else values[0]
            else:  # purpose: free text
                event[key] = value
        if not ok:
            continue
        signature = to_json(event)
        if signature in seen_events:
            rep.error(path, lineno, f"duplicate event {line!r}")
            continue
        seen_events.add(signature)
        events.append(event)
    return events, relations


def _same_amount(a: dict, b: dict) -> bool:
    keys = ("value", "min", "max", "currency")
    return all(a.get(k) == b.get(k) for k in keys)


def parse_source(path: Path, rep: Reporter) -> Document | None:
    """Parse and validate one ``.ann`` file; None if it has errors."""
    n_errors = len(rep.errors)
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        rep.error(path, 1, f"not UTF-8: {exc}")
        return None
    if "\r" in content:
        rep.error(path, 1, "carriage return in file (use LF line endings)")
        return None
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    sections = split_sections(path, lines, rep)
    if sections is None:
        return None
    header, text_lines, text_lineno, annotation_lines = sections
    values, where = parse_header(path, header, rep)
    text, entities = parse_text(path, text_lines, text_lineno, values.get("date"), rep)
    if not text.strip():
        rep.error(path, text_lineno, "empty text")
    events, relations = parse_annotations(path, annotation_lines, entities, rep)
    invented = [n.strip() for n in values.get("invented", "").split("|") if n.strip()]
    names = [e["text"] for e in entities if e["label"] in ("PERSON", "ORG")]
    for name in invented:
        if not any(is_token_subsequence(n, name) for n in names):
            rep.warn(path, where.get("invented", 1), f"invented name {name!r} has no PERSON/ORG mention")
    for alias in undeclared_aliases(text, entities, invented):
        rep.warn(path, where.get("invented", 1),
                 f"{alias!r} is defined in parentheses after an invented name: add it to 'invented:'")
    if len(rep.errors) > n_errors:
        return None
    return Document(path=path, id=values["id"], split=values["split"], domain=values["domain"],
                    date=values.get("date"), invented=invented, text=text, entities=entities,
                    events=events, relations=relations, header_line=where)


def load(paths: list[Path], rep: Reporter) -> list[Document]:
    """Parse all sources and check that ids are unique."""
    docs: list[Document] = []
    for path in paths:
        doc = parse_source(path, rep)
        if doc is not None:
            docs.append(doc)
    seen: dict[str, Document] = {}
    for doc in docs:
        if doc.id in seen:
            rep.error(doc.path, doc.header_line.get("id", 1),
                      f"duplicate id {doc.id!r} (also in {_rel(seen[doc.id].path)})")
        seen[doc.id] = doc
    return docs


# --------------------------------------------------------------------------
# Commands


def existing_gold() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8")
            for split in SPLITS for p in sorted((CORPUS / split).glob("*.gold.jsonl"))}


def cmd_build(docs: list[Document], full: bool) -> int:
    written = unchanged = 0
    for doc in docs:
        target = doc.gold_path()
        line = doc.gold_line()
        if target.exists() and target.read_text(encoding="utf-8") == line:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(line, encoding="utf-8")
        written += 1
    removed = 0
    if full:
        expected = {doc.gold_path() for doc in docs}
        for path in existing_gold():
            if path not in expected:
                print(f"{_rel(path)}: removed (no source)")
                path.unlink()
                removed += 1
    totals = count(docs)
    print(f"{len(docs)} documents: {written} written, {unchanged} unchanged, {removed} removed; "
          + ", ".join(f"{totals['labels'][l]} {l}" for l in LABELS)
          + f", {sum(totals['events'].values())} events, {totals['relations']} relations")
    return 0


@functools.cache
def lexicon_names() -> dict[str, str]:
    """Folded name → ``file: canonical`` for every canonical name and alias of
    ``lexicons/persons.tsv`` and ``lexicons/orgs.tsv``."""
    names: dict[str, str] = {}
    for file, alias_column in (("persons.tsv", 1), ("orgs.tsv", 2)):
        path = CORPUS.parent / "lexicons" / file
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            columns = line.split("\t")
            aliases = columns[alias_column].split("|") if len(columns) > alias_column else []
            for name in [columns[0]] + aliases:
                if name.strip():
                    names.setdefault(fold(name), f"{file}: {columns[0]}")
    return names


def invented_in_lexicons(docs: list[Document]) -> list[str]:
    """Invented names, and the texts of their mentions, that a lexicon lists:
    the invented-name evaluation (docs/EVALUATION.md) assumes there are none."""
    known = lexicon_names()
    problems = []
    for doc in docs:
        texts = list(doc.invented) + [e["text"] for e in doc.entities
                                      if e["label"] in ("PERSON", "ORG")
                                      and is_invented_mention(e["text"], doc.invented)]
        for text in dict.fromkeys(texts):
            if fold(text) in known:
                problems.append(f"{_rel(doc.path)}: invented name {text!r} is in the lexicon "
                                f"({known[fold(text)]}); use another name")
    return problems


def cmd_check(docs: list[Document]) -> int:
    problems = invented_in_lexicons(docs)
    expected = {doc.gold_path(): doc.gold_line() for doc in docs}
    on_disk = existing_gold()
    for path, line in expected.items():
        if path not in on_disk:
            problems.append(f"{_rel(path)}: missing (run build_gold.py)")
        elif on_disk[path] != line:
            problems.append(f"{_rel(path)}: stale, differs from its source (run build_gold.py)")
    for path in on_disk:
        if path not in expected:
            problems.append(f"{_rel(path)}: gold file without a source in {_rel(SRC_DIR)}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"{len(docs)} gold files up to date; no invented name is in lexicons/persons.tsv "
          "or lexicons/orgs.tsv")
    return 0


def count(docs: list[Document]) -> dict:
    totals = {"documents": len(docs), "labels": {l: 0 for l in LABELS},
              "events": {t: 0 for t in EVENT_TYPES}, "relations": 0, "invented": 0}
    for doc in docs:
        for e in doc.entities:
            totals["labels"][e["label"]] += 1
            if e["label"] in ("PERSON", "ORG") and is_invented_mention(e["text"], doc.invented):
                totals["invented"] += 1
        for ev in doc.events:
            totals["events"][ev["type"]] += 1
        totals["relations"] += len(doc.relations)
    return totals


def cmd_stats(docs: list[Document]) -> int:
    columns = [(split, count([d for d in docs if d.split == split])) for split in SPLITS]
    columns.append(("total", count(docs)))
    rows = [("documents", [c["documents"] for _, c in columns])]
    rows += [(label, [c["labels"][label] for _, c in columns]) for label in LABELS]
    rows += [("invented PERSON/ORG", [c["invented"] for _, c in columns])]
    rows += [(t, [c["events"][t] for _, c in columns]) for t in EVENT_TYPES]
    rows += [("events", [sum(c["events"].values()) for _, c in columns])]
    rows += [("ROLE_OF", [c["relations"] for _, c in columns])]
    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}" + "".join(f"{name:>8}" for name, _ in columns))
    for name, values in rows:
        print(f"{name:<{width}}" + "".join(f"{v:>8}" for v in values))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="fail if a gold file is stale, missing or has no source")
    mode.add_argument("--stats", action="store_true", help="print corpus counts")
    parser.add_argument("sources", nargs="*", type=Path,
                        help="build only these .ann files (default: all of corpus/src)")
    args = parser.parse_args(argv)
    if args.sources and (args.check or args.stats):
        parser.error("--check and --stats always read all sources")
    paths = args.sources or sorted(SRC_DIR.glob("*.ann"))
    rep = Reporter()
    docs = load(paths, rep)
    rep.flush()
    if rep.errors:
        print(f"{len(rep.errors)} error(s); nothing written", file=sys.stderr)
        return 1
    if args.check:
        return cmd_check(docs)
    if args.stats:
        return cmd_stats(docs)
    return cmd_build(docs, full=not args.sources)


if __name__ == "__main__":
    sys.exit(main())
