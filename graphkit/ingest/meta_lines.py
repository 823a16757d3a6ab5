"""Metadata lines of a news page's title block: what one short line is
(byline, date line, credit, basis, related-story title) as a ``_Meta`` record.

Helpers of :mod:`graphkit.ingest.layout` and :mod:`graphkit.ingest.header`;
not part of graphkit's public API.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from graphkit.ingest import dates as _dates
from graphkit.ingest.layout_rules import _DOMAIN_LIKE, _TERMINAL, Rules
from graphkit.ingest.outlets import canonical_outlet, display_outlet
from graphkit.ingest.spans import _basis_names, _Name, _names, _pieces, _strip



# ---------------------------------------------------------------------------
# line kinds

@dataclass
class _Meta:
    """What a header or byline line holds."""

    roles: list[tuple[str, list[_Name]]] = field(default_factory=list)
    date: Optional[tuple[str, int, int]] = None
    outlets: list[_Name] = field(default_factory=list)
    others: list[tuple[int, int]] = field(default_factory=list)


def _meta(text: str, s: int, e: int, r: Rules, allow_date: bool) -> Optional[_Meta]:
    """Parse a byline / date line; None when it is not one."""
    if e - s > r.max_line:
        return None
    if text[s] == "(" and text[e - 1] == ")":
        s, e = s + 1, e - 1
    if e - s > 2 and text[s] in "—–-" and text[s + 1].isspace():
        s = _strip(text, s + 1, e)[0]                   # "— With assistance by A"
    meta = _Meta()
    if allow_date:
        ds = _dates.labelled_dates(text[s:e], r.lang)
        if ds:                                          # "Published : D  Updated : D"
            meta.date = (ds[0].value, s + ds[0].start, s + ds[0].end)
            return meta
    parts = _pieces(r.header_split, text, s, e)
    skip = False
    for k, (a, b) in enumerate(parts):
        if skip:
            skip = False
            continue
        labels = [m for m in r.label.finditer(text, a, b)]
        if labels and labels[0].start() == a and text[a].isupper():
            for i, m in enumerate(labels):
                end = labels[i + 1].start() if i + 1 < len(labels) else b
                role = r.label_role[" ".join(m.group("label").split()).casefold()]
                names = _basis_names(text, m.end(), end, r) if role == "basis" else _names(text, m.end(), end, r)
                if names is None:
                    return None
                meta.roles.append((role, names))
            continue
        pm = r.prefix.match(text, a, b)
        if pm and text[a].isupper() and not _TERMINAL.search(text[a:b]):
            names = _names(text, pm.end(), b, r)
            comma = text.rfind(",", pm.end(), b)
            if names is None and comma > 0 and r.role_word.search(text, comma, b):
                names = _names(text, pm.end(), comma, r)   # "By Ann Lee, health correspondent"
            if names is None:
                return None
            role = r.prefix_role[" ".join(pm.group("prefix").split()).casefold()]
            meta.roles.append((role, names))
            continue
        if allow_date and meta.date is None:
            d = None
            if k + 1 < len(parts):                     # "date | time" in two parts
                d = _dates.is_date_only(text[a:parts[k + 1][1]], r.lang)
                skip = d is not None and "T" in d.value
                d = d if skip else None
            d = d or _dates.is_date_only(text[a:b], r.lang)
            if d is not None:
                meta.date = (d.value, a + d.start, a + d.end)
                continue
        if canonical_outlet(text[a:b]) or _DOMAIN_LIKE.match(text[a:b]):
            out = display_outlet(text[a:b])
            meta.outlets.append(_Name(out, a, b, out))
            continue
        if len(text[a:b].split()) > 5 or _TERMINAL.search(text[a:b]):
            return None
        meta.others.append((a, b))
    if not meta.roles and meta.date is None:
        return None
    if meta.roles and meta.others:
        return None
    return meta


_OPEN_QUOTES = "\"“„«'‘"
_CLOSE_QUOTES = "\"”“»'’"


def _related_title(text: str, s: int, e: int, r: Rules) -> tuple[int, int]:
    """Span of the linked title after a related-story prefix: the quoted
    title when the rest of the line opens with a quote ("Simak juga video
    'X' di sini:"), else the rest of the line without a leading kind word
    ("Video:") and trailing colon."""
    km = r.related_kind.match(text, s, e)
    if km:
        s = km.end()
    s, e = _strip(text, s, e)
    if s < e and text[s] in _OPEN_QUOTES:
        close = max(text.rfind(q, s + 1, e) for q in _CLOSE_QUOTES)
        if close > s + 1:
            return _strip(text, s + 1, close)
    return _strip(text, s, e, ":")


# ---------------------------------------------------------------------------
