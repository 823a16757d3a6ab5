"""Pieces of the original text as (start, end) pairs, and names read from them.

Shared by the layout parser and the credit reader; every value keeps its
span into the original text.

>>> from graphkit.ingest.layout_rules import rules
>>> t = "  Ann Lee, Bo Chan  "
>>> [t[a:b] for a, b in _pieces(rules("en").name_split, t, 0, len(t))]
['Ann Lee', 'Bo Chan']
>>> _name("JANE DOE", 0, 8, rules("en")).value
'Jane Doe'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from graphkit.ingest.layout_rules import _DOMAIN_LIKE, _TERMINAL, Rules
from graphkit.ingest.outlets import canonical_outlet, display_outlet
from graphkit.records import Field, Span

def _strip(text: str, s: int, e: int, chars: str = "") -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in chars):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in chars):
        e -= 1
    return s, e


def _pieces(pat: re.Pattern, text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split text[s:e] at matches of ``pat``; stripped (start, end) pairs."""
    out, pos = [], s
    for m in pat.finditer(text, s, e):
        if m.end() == m.start():
            continue
        out.append(_strip(text, pos, m.start()))
        pos = m.end()
    out.append(_strip(text, pos, e))
    return [(a, b) for a, b in out if b > a]


def _field(text: str, value: str, s: int, e: int) -> Field:
    return Field(value, Span.of(text, s, e))


def _is_prose(line: str, r: Rules) -> bool:
    return len(line) > r.max_line or bool(_TERMINAL.search(line))


@dataclass
class _Name:
    value: str
    start: int
    end: int
    outlet: Optional[str] = None
    generic: bool = False          # words for unnamed sources in a basis line ("news agencies")


def _name(text: str, s: int, e: int, r: Rules) -> Optional[_Name]:
    """A person's (or an outlet's) name in text[s:e], or None if it does not look like one."""
    s, e = _strip(text, s, e, ",.;:()[]\"'“”")
    raw = text[s:e]
    if not raw or ":" in raw:
        return None
    out = canonical_outlet(raw)
    if out or _DOMAIN_LIKE.match(raw):
        return _Name(raw, s, e, display_outlet(raw))
    toks = raw.split()
    if len(toks) > r.max_name_words:
        return None
    capital = False
    for t in toks:
        first = next((c for c in t if c.isalpha()), "")
        if not first:
            return None
        if first.isupper():
            capital = True
        elif t.casefold() not in r.particles:
            return None
        if any(c.isdigit() for c in t):
            return None
    if not capital:
        return None
    value = " ".join(toks)
    if r.hyphen_joins:
        value = " ".join(
            " ".join(t.split("-")) if "-" in t and all(p[:1].isupper() for p in t.split("-")) else t
            for t in value.split(" ")
        )
    letters = [c for c in value if c.isalpha()]
    if len(letters) > 3 and value.isupper():
        value = value.title()
    return _Name(value, s, e)


def _names(text: str, s: int, e: int, r: Rules) -> Optional[list[_Name]]:
    out = []
    for a, b in _pieces(r.name_split, text, s, e):
        n = _name(text, a, b, r)
        if n is None:
            return None
        out.append(n)
    return out or None



def _site_like(name: str) -> bool:
    return bool(name) and bool(canonical_outlet(name) or _DOMAIN_LIKE.match(name))


def _masthead_like(seg: str, r: Rules) -> bool:
    """A publication name: a web name, a known outlet, or a few capitalised
    words (short lower-case words such as "of" allowed) without digits."""
    if _site_like(seg):
        return True
    words = seg.split()
    if not words or len(words) > r.max_name_words or _TERMINAL.search(seg) or any(c.isdigit() for c in seg):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in words)


def _basis_names(text: str, s: int, e: int, r: Rules) -> Optional[list[_Name]]:
    """Names of a basis line, where words for unnamed sources
    (``byline.basis_generic``: "news agencies") count as names, kept as written."""
    out = []
    for a, b in _pieces(r.name_split, text, s, e):
        a, b = _strip(text, a, b, ".")
        if " ".join(text[a:b].split()).casefold() in r.basis_generic:
            out.append(_Name(" ".join(text[a:b].split()), a, b, generic=True))
            continue
        n = _name(text, a, b, r)
        if n is None:
            return None
        out.append(n)
    return out or None


def _crumb_section(text: str, parts: list[tuple[int, int]], r: Rules) -> tuple[int, int]:
    """The section of a breadcrumb's parts (the site name already taken
    off): the first part that is not a root such as "Home" or "News"
    (``header.breadcrumb_roots``), the top-level rubric -- later parts are
    sub-rubrics, topics or places; the last part when all are roots.  A
    leading country or place of the entity data is an edition, not a rubric
    ("Indonesia > Islands" -> "Islands"), unless nothing else is left.

    >>> from graphkit.ingest.layout_rules import rules
    >>> t = "Home > Indonesia > Islands > Harbor Town"
    >>> parts = _pieces(rules("en").crumb_split, t, 0, len(t))
    >>> a, b = _crumb_section(t, parts, rules("en")); t[a:b]
    'Islands'
    """
    rubrics = [(a, b) for a, b in parts if " ".join(text[a:b].split()).casefold() not in r.crumb_roots]
    if not rubrics:
        return parts[-1]
    if len(rubrics) >= 2 and " ".join(text[rubrics[0][0]:rubrics[0][1]].split()).casefold() in r.places:
        return rubrics[1]
    return rubrics[0]
