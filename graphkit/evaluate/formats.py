"""Readers for annotated corpora: the project's gold JSON and PolNeAR brat standoff.

Both give :class:`GoldDoc` records (text + gold :class:`Item` list).  Texts are
decoded from UTF-8 bytes without newline translation, so offsets are Python
``str`` indices into the file exactly as stored.

>>> items = parse_brat("T1\\tCue 4 8\\tsaid\\nT2\\tContent 9 17\\tit rains\\n"
...                    "T3\\tAttribution 4 8\\tsaid\\n"
...                    "E1\\tAttribution-no-source:T3 Content:T2 Cue:T1\\n")
>>> items[0].cue, items[0].content, items[0].source
(((4, 8),), ((9, 17),), None)
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from graphkit.evaluate.scorer import Item


class FormatError(ValueError):
    """An annotation file that cannot be read; the message names the file."""


@dataclass
class GoldDoc:
    """One annotated document."""

    name: str                    # text file stem or the gold doc_id
    text: str
    items: list[Item]
    path: str = ""               # the text file
    metadata: Optional[dict] = None
    chains: Optional[list[list[str]]] = None
    lang: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    claims: Optional[list[dict]] = None     # the gold "claims" list (gold format only)


def read_text(path: Path) -> str:
    """The file decoded as UTF-8, newlines untouched (offsets stay valid)."""
    try:
        return Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise FormatError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


# --------------------------------------------------------------------------- gold JSON

def text_path_for(gold_path: Path) -> Path:
    """``x.gold.json`` -> ``x.txt`` (same directory).

    >>> text_path_for(Path("a/b.gold.json")).as_posix()
    'a/b.txt'
    """
    gold_path = Path(gold_path)
    name = gold_path.name
    for suffix in (".gold.json", ".json"):
        if name.endswith(suffix):
            return gold_path.with_name(name[: -len(suffix)] + ".txt")
    return gold_path.with_suffix(".txt")


def _interval(obj, where: str) -> list[tuple[int, int]]:
    """A gold span object ``{start, end}`` or a list of them -> intervals."""
    objs = obj if isinstance(obj, list) else [obj]
    out = []
    for o in objs:
        if not isinstance(o, dict) or not isinstance(o.get("start"), int) or not isinstance(o.get("end"), int):
            raise FormatError(f"{where}: expected an object with integer 'start' and 'end'")
        out.append((o["start"], o["end"]))
    return out


def parse_gold(data: dict, text: str, where: str = "<gold>") -> tuple[list[Item], list[str]]:
    """Gold JSON ``attributions`` -> items, plus warnings for spans whose
    ``text`` does not match the document at their offsets.

    >>> t = "Ann said it rains."
    >>> d = {"attributions": [{"id": "A1", "source": {"text": "Ann", "start": 0, "end": 3, "entity": "Ann"},
    ...       "cue": {"text": "said", "start": 4, "end": 8},
    ...       "content": {"text": "it rains", "start": 9, "end": 17}}]}
    >>> items, warnings = parse_gold(d, t)
    >>> items[0].source, items[0].entity, warnings
    (((0, 3),), 'Ann', [])
    """
    atts = data.get("attributions")
    if not isinstance(atts, list):
        raise FormatError(f"{where}: no 'attributions' list")
    items, warnings = [], []
    for n, a in enumerate(atts):
        aid = str(a.get("id", n + 1)) if isinstance(a, dict) else str(n + 1)
        here = f"{where}: attribution {aid}"
        if not isinstance(a, dict):
            raise FormatError(f"{here}: expected an object")
        if a.get("cue") is None or a.get("content") is None:
            warnings.append(f"{here}: no cue or content, skipped")
            continue
        src = a.get("source")
        parts = {"cue": _interval(a["cue"], f"{here} cue"),
                 "content": _interval(a["content"], f"{here} content"),
                 "source": _interval(src, f"{here} source") if src else None}
        for role, ivs in parts.items():
            obj = a.get(role)
            for o, (s, e) in zip(obj if isinstance(obj, list) else [obj], ivs or []):
                if not (0 <= s <= e <= len(text)):
                    raise FormatError(f"{here} {role}: offsets {s}-{e} outside the text ({len(text)} chars)")
                if isinstance(o, dict) and "text" in o and text[s:e] != o["text"]:
                    warnings.append(f"{here} {role}: text at {s}-{e} is {text[s:e]!r}, gold says {o['text']!r}")
        facts = [(k, a[k]) for k in ("stance", "certainty", "direct") if k in a]
        if isinstance(src, dict):
            facts += [(k, src[k]) for k in ("type", "anonymous") if k in src]
        items.append(Item(cue=parts["cue"], content=parts["content"], source=parts["source"],
                          required=bool(a.get("required", True)), id=aid,
                          entity=(src or {}).get("entity"), via=tuple(a.get("via") or ()),
                          facts=tuple(facts)))
    return items, warnings


def read_gold(path: Path) -> GoldDoc:
    """Read ``x.gold.json`` and its text ``x.txt``."""
    path = Path(path)
    tpath = text_path_for(path)
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}: invalid JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise FormatError(f"{path}: expected a JSON object")
    if not tpath.is_file():
        raise FormatError(f"{path}: its text file {tpath} does not exist")
    text = read_text(tpath)
    items, warnings = parse_gold(data, text, str(path))
    meta = data.get("metadata")
    chains = data.get("chains")
    claims = data.get("claims")
    return GoldDoc(name=str(data.get("doc_id") or tpath.stem), text=text, items=items, path=str(tpath),
                   metadata=meta if isinstance(meta, dict) else None,
                   chains=chains if isinstance(chains, list) else None,
                   claims=claims if isinstance(claims, list) else None,
                   lang=data.get("lang"), warnings=warnings)


# --------------------------------------------------------------------------- brat (PolNeAR)

_T = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E = re.compile(r"^(E\d+)\t(.*)$")
_ATTRIBUTION = ("Attribution", "Attribution-no-source")


def parse_brat(ann: str, where: str = "<ann>") -> list[Item]:
    """Brat standoff -> items, one per ``Attribution`` event with a cue and content.

    Content pieces (``10 20;25 30``) and ``Content2…`` arguments join the
    content; Discard/Discuss and other labels are ignored; lines that do not
    parse (continuations of multi-line span texts, notes) are skipped.

    >>> parse_brat("T1\\tContent 10 20;25 30\\tx\\nT2\\tCue 0 4\\tsaid\\nT3\\tContent 40 45\\ty\\n"
    ...            "E1\\tAttribution:T9 Cue:T2 Content:T1 Content2:T3\\n")[0].content
    ((10, 20), (25, 30), (40, 45))
    """
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.split("\n"):
        line = line.rstrip("\r")
        m = _T.match(line)
        if m:
            ivs = [tuple(int(x) for x in p.split()) for p in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), ivs)  # type: ignore[misc]
            continue
        m = _E.match(line)
        if m:
            args = [a.split(":", 1) for a in m.group(2).split() if ":" in a]
            if args:
                events.append((m.group(1), [(r, t) for r, t in args]))
    items = []
    for eid, args in events:
        etype = args[0][0]
        if etype not in _ATTRIBUTION:
            continue
        cue = source = None
        content: list[tuple[int, int]] = []
        for role, ref in args[1:]:
            if ref not in spans:
                continue
            ivs = spans[ref][1]
            if role == "Cue" and cue is None:
                cue = ivs
            elif role == "Source" and source is None:
                source = ivs
            elif re.fullmatch(r"Content\d*", role):
                content.extend(ivs)
        if cue is None or not content:
            continue
        items.append(Item(cue=cue, content=content, source=source, id=eid))
    return items


def polnear_docs(directory: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of a PolNeAR split; the first .ann in sorted
    order when several annotators did a document."""
    directory = Path(directory)
    tdir, adir = directory / "text", directory / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise FormatError(f"{directory}: expected sub-directories text/ and attributions/ (PolNeAR brat layout)")
    anns: dict[str, Path] = {}
    for ann in sorted(adir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0] if (tdir / (ann.stem.rsplit("_", 1)[0] + ".txt")).is_file() else ann.stem
        anns.setdefault(stem, ann)
    pairs = [(tdir / f"{stem}.txt", ann) for stem, ann in sorted(anns.items()) if (tdir / f"{stem}.txt").is_file()]
    if not pairs:
        raise FormatError(f"{directory}: no text/<doc>.txt with a matching attributions/<doc>_<annotator>.ann")
    return pairs


def read_polnear(directory: Path) -> list[GoldDoc]:
    """Every annotated document of a PolNeAR split directory."""
    out = []
    for tpath, ann in polnear_docs(directory):
        text = read_text(tpath)
        items = parse_brat(read_text(ann), str(ann))
        warnings = [f"{ann}: {it.id} offsets outside the text" for it in items
                    if max(e for _, e in (*it.cue, *it.content, *(it.source or ()))) > len(text)]
        out.append(GoldDoc(name=tpath.stem, text=text, items=items, path=str(tpath), warnings=warnings))
    return out


def read_corpus(fmt: str, paths: Iterable[Path]) -> list[GoldDoc]:
    """Read gold files (``fmt='gold'``) or PolNeAR directories (``fmt='polnear'``)."""
    paths = [Path(p) for p in paths]
    if fmt == "gold":
        files = [f for p in paths for f in (sorted(p.glob("*.gold.json")) if p.is_dir() else [p])]
        if not files:
            raise FormatError(f"no *.gold.json files in {', '.join(map(str, paths))}")
        return [read_gold(p) for p in files]
    if fmt == "polnear":
        return [d for p in paths for d in read_polnear(p)]
    raise FormatError(f"unknown format {fmt!r} (use 'gold' or 'polnear')")
