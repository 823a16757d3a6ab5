"""Paragraph and sentence segmentation with character offsets.

Regex only: a paragraph ends at a line break, a sentence at ``. ! ?``
(optionally followed by closing quotes/brackets) before white space and an
upper-case letter, digit or opening quote — except after a known
abbreviation or a single capital initial.

>>> text = "Dr. Ann Lee spoke. She said: “Yes. No.”\\n\\nThen more."
>>> [s.text for s in sentences(text)]
['Dr. Ann Lee spoke.', 'She said: “Yes.', 'No.”', 'Then more.']
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from graphkit.records import Span

_PARA = re.compile(r"[^\n]+")
# candidate sentence ends: terminal punctuation + closing quotes/brackets, then space
_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«(\[]?[\w“\"‘«])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations whose "." ends neither a sentence nor a name (language
    data: ``common/abbreviations.toml``), lower case without the final dot.

    >>> "u.s" in abbreviations()
    True
    """
    from graphkit import lang

    return frozenset(str(w).lower() for w in lang.load("common", "abbreviations").get("words", []))


def is_abbreviation(word: str) -> bool:
    """True for "U.S", "Gov", "J" (an initial) — ``word`` without its final dot.

    >>> is_abbreviation("U.S"), is_abbreviation("Gov"), is_abbreviation("officials")
    (True, True, False)
    """
    w = word.lower()
    return w in abbreviations() or (len(w) == 1 and w.isalpha())


_DATELINE = re.compile(r"([^\n\"“”‘’«»]{2,90}?)\s[-—–]{1,2}\s+(?=\S)")
_DL_WORD = re.compile(r"\S+")


def dateline_end(text: str, para: Span) -> int:
    """Where a paragraph's body starts after a dateline ("JAKARTA, TEMPO.CO -",
    "KASTELHAVN, June 12 (Reuters) -", "Jakarta (ANTARA) -"), else its start.
    A dateline is at most eight words, none of them lower-case, before a dash.

    >>> t = "PARIS, May 2 (AP) — Rescuers said."
    >>> t[dateline_end(t, Span(0, len(t), t)):]
    'Rescuers said.'
    >>> dateline_end("The minister - a veteran - said so.", Span(0, 35, ""))
    0
    """
    m = _DATELINE.match(text, para.start, min(para.end, para.start + 100))
    if m is None:
        return para.start
    words = _DL_WORD.findall(m.group(1))
    if not words or len(words) > 8 or any(w[:1].islower() for w in words):
        return para.start
    pre = m.group(1)
    if not ("(" in pre or "," in pre or len(words) == 1 or any(sum(c.isupper() for c in w) >= 3 for w in words)):
        return para.start
    return m.end()


def paragraphs(text: str, region: Span | None = None) -> list[Span]:
    """Non-blank lines of ``text`` (inside ``region``) as spans, stripped.

    >>> [p.text for p in paragraphs("a b\\n\\n  c \\n")]
    ['a b', 'c']
    """
    start, end = (region.start, region.end) if region is not None else (0, len(text))
    out = []
    for m in _PARA.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e, text[s:e]))
    return out


def _split(text: str, para: Span) -> Iterator[Span]:
    s = para.start
    for m in _END.finditer(text, para.start, para.end):
        e = m.end()
        word = _WORD_BEFORE.search(text, max(para.start, m.start() - 20), m.start() + 1)
        if word is not None and text[m.start()] == ".":
            w = word.group(1).lower().rstrip(".")
            if is_abbreviation(w):
                continue
        yield Span(s, e, text[s:e])
        s = e
        while s < para.end and text[s].isspace():
            s += 1
    if s < para.end:
        yield Span(s, para.end, text[s:para.end])


def sentences(text: str, regions: Iterable[Span] | None = None) -> list[Span]:
    """Sentences of ``text`` (inside ``regions``), in text order.

    >>> [s.text for s in sentences("He left. Mr. Smith said so.")]
    ['He left.', 'Mr. Smith said so.']
    """
    regions = list(regions) if regions is not None else [Span(0, len(text), text)]
    out: list[Span] = []
    for region in regions:
        for para in paragraphs(text, region):
            out.extend(_split(text, para))
    return out
