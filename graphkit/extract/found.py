"""The raw attribution record of the sentence patterns and the span helpers they share.

:class:`Found` is an attribution before ids, stance and nesting are set;
:class:`QuoteIndex` answers "is this offset inside a quotation?";
:func:`trimmed_span` cuts white space and punctuation off a stretch of text.

>>> trimmed_span("  “Yes,” ", 0, 9).text
'Yes'

These are helpers of :mod:`graphkit.extract.reported`, not part of graphkit's
public API.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from graphkit.extract.quotes import Quote
from graphkit.records import Span


BOUNDARY = re.compile(r"(?<!\d),|,(?!\d)|[;:]|[”»›\"’](?=\s)|''(?=\s)|\s[—–-]{1,2}\s|—")   # not "4,800"
WORDS = re.compile(r"\w+")
TRAIL = " \t\r\n,;:.!?\"“”„‘’«»‹›—–-"
LEAD = " \t\r\n,;:\"“”„‘’«»‹›—–-"
SENT_END = " \t\r\n.!?"
PREV_WORD = re.compile(r"(\w+)\s+$")
LAST_WORD = re.compile(r"(\w+)\s*$")


@dataclass
class Found:
    """A raw attribution before ids, stance and nesting are set."""

    cue: Span
    content: list[Span]
    source: Optional[Span]
    cls: str
    direct: bool = False


class QuoteIndex:
    """Fast 'is this position inside a quotation?' over quote pieces."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        pieces = sorted((p.start, p.end, i) for i, q in enumerate(self.quotes) for p in q.pieces)
        self.starts = [p[0] for p in pieces]
        self.pieces = pieces

    def at(self, pos: int) -> Optional[Quote]:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.pieces[i][0] <= pos < self.pieces[i][1]:
            return self.quotes[self.pieces[i][2]]
        return None

    def ending_before(self, pos: int, lo: int) -> Optional[Quote]:
        """A quote whose last piece ends within a few characters before ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.pieces[i][1] >= lo - 2:
            s, e, qi = self.pieces[i]
            q = self.quotes[qi]
            if e <= pos and q.pieces[-1].end == e and q.outer.end <= pos + 1:
                return q
            i -= 1
        return None

    def starting_after(self, pos: int, hi: int) -> Optional[Quote]:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.pieces) and self.pieces[i][0] <= hi:
            return self.quotes[self.pieces[i][2]]
        return None


def trimmed_span(text: str, s: int, e: int, lead: str = LEAD, trail: str = TRAIL) -> Optional[Span]:
    """``text[s:e]`` without white space and punctuation at its ends (a
    straight apostrophe only where it stands apart: "' the airline"); None
    when no word is left.

    >>> trimmed_span("' the airline said", 0, 13).text
    'the airline'
    >>> trimmed_span("'90s music", 0, 10).text
    "'90s music"
    """
    while True:
        while s < e and text[s] in lead:
            s += 1
        if s + 1 < e and text[s] == "'" and text[s + 1] in " \t":
            s += 1
            continue
        break
    while e > s and text[e - 1] in trail:
        e -= 1
    return Span(s, e, text[s:e]) if e > s and WORDS.search(text, s, e) else None


def nwords(text: str, s: int, e: int) -> int:
    return len(WORDS.findall(text, s, e))


def skip_space(text: str, p: int, e: int) -> int:
    while p < e and text[p] in " \t":
        p += 1
    return p


def _quote_pieces(q: Quote, lo: int, hi: int) -> list[Span]:
    return [p for p in q.pieces if p.end > lo and p.start < hi] or list(q.pieces)


STRONG = re.compile(r"[;:]|\s[—–-]{1,2}\s|—")
QUOTE_MARK = re.compile(r"[\"“”„«»]|''")
