"""Turn compact attribution specs (TOML) into gold JSON with exact offsets.

Usage (from the repository root)::

    .venv/bin/python scripts/make_gold.py tests/data/devset/specs/*.toml
    .venv/bin/python scripts/make_gold.py --check tests/data/devset/specs/*.toml

A spec names every span by its exact text, never by offsets; this script
finds the offsets, checks ``text[start:end] == span text`` for every span
and writes ``<doc_id>.gold.json`` next to the article (format of
``../shared/eval/README.md``).  ``--check`` writes nothing and fails when a
gold file differs from what its spec gives (or is missing).

Spec format (TOML; the article is ``../<doc_id>.txt`` relative to the spec
unless ``text_file`` says otherwise)::

    doc_id = "dev-en-example"
    lang = "en"
    [metadata]                      # copied as is (title, outlet, ...)
    [[attributions]]
    id = "A1"
    required = true                 # default true
    cue = "said"                    # a span: see below
    content = {text = "it rains", after = "Ann said"}
    source = {text = "Ann", entity = "Ann Lee", type = "person", anonymous = false}
    direct = false                  # default false
    stance = "asserts"              # default "asserts"
    certainty = "certain"           # default "certain"
    via = []                        # default []
    nested_in = "A0"                # default null; omit ``source`` for a null source

A span is a string (it must occur exactly once in the text), or a table
``{text, at}`` (the ``at``-th occurrence, counting from 0), or
``{text, after}`` (the first occurrence at or after the start of the
``after`` string, which must itself occur exactly once), or a list of such
spans for a span in pieces (a quote split by its cue).  Extra keys of a
source table (entity, type, anonymous, role, affiliation) are copied.

``chains`` may be given; otherwise they are derived: for every required
attribution with a source that no other attribution is nested in,
``[outlet, *via, entity]`` (duplicates dropped, document order).
``claims`` and ``entities`` are copied as given.
"""
from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

SOURCE_TYPES = {"person", "person_group", "organization", "government", "outlet", "unspecified"}
STANCES = {"asserts", "denies"}
CERTAINTIES = {"certain", "probable", "possible"}
METADATA_KEYS = ("title", "outlet", "section", "published", "dateline", "authors", "editors",
                 "based_on", "image_credit", "related_links_not_content")
_EDGE = " \t\n\"“”„‘’'«»,.:;"


class SpecError(ValueError):
    """A spec that cannot be turned into gold (with a message saying where)."""


def _unique(text: str, needle: str, where: str) -> int:
    first = text.find(needle)
    if first < 0:
        raise SpecError(f"{where}: {needle!r} is not in the text")
    if text.find(needle, first + 1) >= 0:
        raise SpecError(f"{where}: {needle!r} occurs more than once; give 'at' or 'after'")
    return first


def locate(text: str, spec: Any, where: str = "span") -> list[dict]:
    """Offsets of a span spec, as a list of ``{text, start, end}`` pieces.

    >>> t = "Ann said it rains. Bob said it snows."
    >>> locate(t, {"text": "said", "after": "Bob"})
    [{'text': 'said', 'start': 23, 'end': 27}]
    >>> locate(t, {"text": "said", "at": 0})[0]["start"]
    4
    >>> [p["text"] for p in locate(t, ["it rains", "it snows"])]
    ['it rains', 'it snows']
    >>> try:
    ...     locate(t, "said")
    ... except SpecError as exc:
    ...     print(exc)
    span: 'said' occurs more than once; give 'at' or 'after'
    """
    if isinstance(spec, list):
        if not spec:
            raise SpecError(f"{where}: empty list of pieces")
        return [p for n, s in enumerate(spec) for p in locate(text, s, f"{where}[{n}]")]
    if isinstance(spec, str):
        spec = {"text": spec}
    if not isinstance(spec, dict) or not isinstance(spec.get("text"), str) or not spec["text"]:
        raise SpecError(f"{where}: expected a string, a table with 'text', or a list of them")
    needle = spec["text"]
    if "after" in spec:
        begin = _unique(text, spec["after"], f"{where} (after)")
        start = text.find(needle, begin)
        if start < 0:
            raise SpecError(f"{where}: {needle!r} does not occur after {spec['after']!r}")
    elif "at" in spec:
        start, n = -1, int(spec["at"])
        for _ in range(n + 1):
            start = text.find(needle, start + 1)
            if start < 0:
                raise SpecError(f"{where}: {needle!r} occurs fewer than {n + 1} times")
    else:
        start = _unique(text, needle, where)
    end = start + len(needle)
    if text[start:end] != needle:  # cannot happen; the invariant the gold relies on
        raise SpecError(f"{where}: offset check failed for {needle!r}")
    return [{"text": needle, "start": start, "end": end}]


def _one_or_pieces(pieces: list[dict]) -> Any:
    return pieces[0] if len(pieces) == 1 else pieces


def _lint(pieces: list[dict], where: str) -> list[str]:
    """Warnings for spans that start or end with space, quote marks or punctuation."""
    out = []
    for p in pieces:
        if p["text"][0] in _EDGE or p["text"][-1] in _EDGE:
            out.append(f"{where}: {p['text']!r} starts or ends with space, a quote mark or punctuation")
    return out


def build_attribution(text: str, a: dict, warnings: list[str]) -> dict:
    """One spec attribution -> gold attribution (offsets filled in).

    >>> t = "Ann said it rains."
    >>> g = build_attribution(t, {"id": "A1", "cue": "said", "content": "it rains",
    ...     "source": {"text": "Ann", "entity": "Ann Lee", "type": "person", "anonymous": False}}, [])
    >>> g["source"]["start"], g["cue"]["end"], g["content"]["text"], g["nested_in"]
    (0, 8, 'it rains', None)
    """
    aid = a.get("id")
    if not aid:
        raise SpecError("an attribution without 'id'")
    here = f"attribution {aid}"
    for key in ("cue", "content"):
        if key not in a:
            raise SpecError(f"{here}: no '{key}'")
    src = None
    if a.get("source"):
        s = dict(a["source"])
        span = {k: s.pop(k) for k in ("text", "at", "after") if k in s}
        pieces = locate(text, span, f"{here} source")
        warnings += _lint(pieces, f"{here} source")
        for k in ("entity", "type", "anonymous"):
            if k not in s:
                raise SpecError(f"{here} source: no '{k}'")
        if s["type"] not in SOURCE_TYPES:
            raise SpecError(f"{here} source: type {s['type']!r} not in {sorted(SOURCE_TYPES)}")
        src = {**_one_or_pieces(pieces), "entity": s.pop("entity"), "type": s.pop("type"),
               "anonymous": bool(s.pop("anonymous"))}
        for k in ("role", "affiliation"):
            if k in s:
                src[k] = s.pop(k)
        if s:
            raise SpecError(f"{here} source: unknown keys {sorted(s)}")
    cue = locate(text, a["cue"], f"{here} cue")
    content = locate(text, a["content"], f"{here} content")
    warnings += _lint(cue, f"{here} cue") + _lint(content, f"{here} content")
    stance, certainty = a.get("stance", "asserts"), a.get("certainty", "certain")
    if stance not in STANCES or certainty not in CERTAINTIES:
        raise SpecError(f"{here}: bad stance {stance!r} or certainty {certainty!r}")
    return {"id": aid, "required": bool(a.get("required", True)), "source": src,
            "cue": _one_or_pieces(cue), "content": _one_or_pieces(content),
            "direct": bool(a.get("direct", False)), "stance": stance, "certainty": certainty,
            "via": list(a.get("via", [])), "nested_in": a.get("nested_in") or None}


def derive_chains(outlet: str, atts: list[dict]) -> list[list[str]]:
    """``[outlet, *via, entity]`` for required sourced attributions that hold no nested one.

    >>> derive_chains("Planet", [{"id": "A1", "required": True, "source": {"entity": "Paper"}, "via": [],
    ...     "nested_in": None}, {"id": "A2", "required": True, "source": {"entity": "Ann"},
    ...     "via": ["Paper"], "nested_in": "A1"}])
    [['Planet', 'Paper', 'Ann']]
    """
    outer = {a["nested_in"] for a in atts if a["nested_in"]}
    chains: list[list[str]] = []
    for a in atts:
        if a["required"] and a["source"] and a["id"] not in outer:
            c = [outlet, *a["via"], a["source"]["entity"]]
            if c not in chains:
                chains.append(c)
    return chains


def build(spec: dict, text: str) -> tuple[dict, list[str]]:
    """A parsed spec plus its article text -> (gold dict, warnings)."""
    warnings: list[str] = []
    for key in ("doc_id", "lang", "metadata", "attributions"):
        if key not in spec:
            raise SpecError(f"no '{key}'")
    meta = spec["metadata"]
    missing = [k for k in METADATA_KEYS if k not in meta]
    if missing:
        raise SpecError(f"metadata: missing {missing} (use \"\" for null, [] for none)")
    meta = {k: (None if meta[k] == "" else meta[k]) for k in METADATA_KEYS}
    atts = [build_attribution(text, a, warnings) for a in spec["attributions"]]
    ids = [a["id"] for a in atts]
    if len(set(ids)) != len(ids):
        raise SpecError(f"duplicate attribution ids in {ids}")
    for a in atts:
        if a["nested_in"] and a["nested_in"] not in ids:
            raise SpecError(f"attribution {a['id']}: nested_in {a['nested_in']!r} is not an id")
    chains = spec.get("chains") or derive_chains(meta["outlet"], atts)
    for c in spec.get("claims", []):
        bad = [x for x in c.get("attributions", []) if x not in ids]
        if bad:
            raise SpecError(f"claim {c.get('id')}: unknown attributions {bad}")
    gold = {"doc_id": spec["doc_id"], "lang": spec["lang"], "metadata": meta, "chains": chains,
            "claims": spec.get("claims", []), "entities": spec.get("entities", {}),
            "attributions": atts}
    return gold, warnings


def load(spec_path: Path) -> tuple[dict, str, Path]:
    """Read a spec; return (spec, article text, gold output path)."""
    try:
        spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SpecError(f"cannot read: {exc}") from None
    tpath = (spec_path.parent / spec.get("text_file", f"../{spec.get('doc_id')}.txt")).resolve()
    try:
        text = tpath.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"article {tpath}: {exc.strerror or exc}") from None
    return spec, text, tpath.with_name(tpath.name[:-4] + ".gold.json")


def dumps(gold: dict) -> str:
    """Gold JSON as written to disk (indent 1, UTF-8 kept, trailing newline)."""
    return json.dumps(gold, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("specs", nargs="+", type=Path)
    ap.add_argument("--check", action="store_true", help="compare with the gold files, write nothing")
    args = ap.parse_args(argv)
    status = 0
    for sp in args.specs:
        try:
            spec, text, out = load(sp)
            gold, warnings = build(spec, text)
        except SpecError as exc:
            print(f"{sp}: error: {exc}", file=sys.stderr)
            status = 1
            continue
        for w in warnings:
            print(f"{sp}: warning: {w}", file=sys.stderr)
        if args.check:
            if not out.is_file() or out.read_text(encoding="utf-8") != dumps(gold):
                print(f"{out}: differs from {sp} (run without --check)", file=sys.stderr)
                status = 1
            continue
        out.write_text(dumps(gold), encoding="utf-8")
        n = len(gold["attributions"])
        print(f"{out}: {n} attributions, {len(gold['chains'])} chains, {len(text.split())} words")
    return status


if __name__ == "__main__":
    sys.exit(main())
