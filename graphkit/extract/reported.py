"""Cue-anchored attributions in one sentence: direct and reported speech.

For every cue word of the language data (``attribution.toml``) outside a
quotation, find its source and content with a few surface patterns:

- ``SOURCE CUE [that] CONTENT``            "X mengatakan bahwa ...", "X said ..."
- ``CONTENT, SOURCE CUE`` / ``CONTENT, CUE SOURCE``   "“...,” kata X", "..., X said."
- ``ACCORDING SOURCE, CONTENT`` / ``CONTENT, ACCORDING SOURCE``   "menurut X, ..."
- ``[subject] REPORTEDLY CONTENT``         "dilaporkan ...", "reportedly" (no source)

>>> from graphkit.extract import extract_text
>>> [(a.source.text, a.cue.text, a.content[0].text) for a in extract_text("Menurut Ani, hujan turun.", "id")]
[('Ani', 'Menurut', 'hujan turun')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from graphkit.extract.lexicon import Lexicon
from graphkit.extract.quotes import Quote
from graphkit.records import Span

_BOUNDARY = re.compile(r"[,;:]|[”»›\"’](?=\s)|\s[—–-]{1,2}\s|—")
_WORDS = re.compile(r"\w+")
_TRAIL = " \t\r\n,;:.!?\"“”„‘’«»‹›—–-"
_LEAD = " \t\r\n,;:\"“”„‘’«»‹›—–-"
_SENT_END = " \t\r\n.!?"
_PREV_WORD = re.compile(r"(\w+)\s+$")


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


def _span(text: str, s: int, e: int, lead: str = _LEAD, trail: str = _TRAIL) -> Optional[Span]:
    while s < e and text[s] in lead:
        s += 1
    while e > s and text[e - 1] in trail:
        e -= 1
    return Span(s, e, text[s:e]) if e > s and _WORDS.search(text, s, e) else None


def _nwords(text: str, s: int, e: int) -> int:
    return len(_WORDS.findall(text, s, e))


def clause_start(text: str, lex: Lexicon, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (after punctuation or a clause
    opener), not before ``lo``."""
    start = lo
    for m in _BOUNDARY.finditer(text, lo, pos):
        start = m.end()
    if lex.clause_re is not None:
        for m in lex.clause_re.finditer(text, start, pos):
            start = m.end()
    if lex.coord_re is not None and _nwords(text, start, pos) > lex.max_source_words:
        for m in lex.coord_re.finditer(text, start, pos):
            start = m.end()
    return start


def _source_left(text: str, lex: Lexicon, s: int, e: int) -> Optional[Span]:
    """The subject noun phrase in text[s:e] (the words before the cue)."""
    sp = _span(text, s, e)
    if sp is None:
        return None
    s, e = sp.start, sp.end
    if lex.source_stop_re is not None:
        for m in lex.source_stop_re.finditer(text, s, e):
            if m.start() > s:
                e = m.start()
                break
    sp = _span(text, s, e)
    if sp is None or _nwords(text, sp.start, sp.end) > lex.max_source_words:
        return None
    return sp


def _source_right(text: str, lex: Lexicon, s: int, e: int) -> Optional[Span]:
    """The noun phrase right after an inverted cue ("..., kata X, ...")."""
    end = e
    m = re.compile(r"[,;!?()]|\.(?=\s|$)").search(text, s, e)
    if m:
        end = m.start()
    for rx in (lex.via_re, lex.source_stop_re):
        if rx is not None:
            lead = _span(text, s, end)
            v = rx.search(text, lead.start if lead else s, end)
            if v and lead and v.start() > lead.start:
                end = v.start()
    sp = _span(text, s, end)
    if sp is None or _nwords(text, sp.start, sp.end) > lex.max_source_words:
        return None
    return sp


def _quote_pieces(q: Quote, lo: int, hi: int) -> list[Span]:
    return [p for p in q.pieces if p.end > lo and p.start < hi] or list(q.pieces)


def _content_before(text: str, qi: QuoteIndex, us: int, boundary: int) -> tuple[list[Span], bool]:
    q = qi.ending_before(boundary, us)
    if q is not None and boundary - q.outer.end <= 3:
        return list(q.pieces), True
    sp = _span(text, us, boundary)
    return ([sp] if sp else []), False


def _content_after(text: str, lex: Lexicon, qi: QuoteIndex, s: int, ue: int,
                   nxt: Optional[Span] = None) -> tuple[list[Span], bool]:
    p = s
    while p < ue and text[p] in " \t,:":
        p += 1
    if p >= ue and nxt is not None and text[s:ue].strip() == ":":
        # "X said:" at the end of a paragraph: the next one is the content
        q = qi.starting_after(nxt.start, nxt.start + 1)
        if q is not None:
            return list(q.pieces), True
        sp = _span(text, nxt.start, nxt.end)
        return ([sp] if sp else []), False
    q = qi.starting_after(p, p + 1)
    if q is not None:
        return [x for x in q.pieces if x.start >= p - 1], True
    if lex.complementizer_re is not None:
        m = lex.complementizer_re.search(text, p, ue)
        if m and _nwords(text, p, m.start()) <= 8:
            p = m.start() if lex.include_complementizer else m.end()
    sp = _span(text, p, ue)
    return ([sp] if sp else []), False


def _starts_badly(text: str, lex: Lexicon, sp: Span) -> bool:
    """A phrase after an inverted cue that cannot be its source ("of X", "that ...")."""
    m = _WORDS.search(text, sp.start, sp.end)
    if m is None:
        return True
    w = m.group().lower()
    if w in lex.particles or w in lex.recipients:
        return True
    for rx in (lex.clause_re, lex.source_stop_re, lex.complementizer_re, lex.coord_re):
        if rx is not None and rx.match(text, m.start()) is not None:
            return True
    return False


def _appositive(text: str, lex: Lexicon, us: int, ls: int) -> Optional[Span]:
    """"NAME, an appositive, CUE": the source is NAME with its appositive."""
    c1 = ls - 1
    while c1 > us and text[c1] != ",":
        if not text[c1].isspace():
            return None
        c1 -= 1
    if c1 <= us:
        return None
    mid = clause_start(text, lex, us, c1)
    c0 = mid - 1
    while c0 > us and text[c0].isspace():
        c0 -= 1
    if c0 <= us or text[c0] != ",":
        return None
    head_start = clause_start(text, lex, us, c0)
    head = _span(text, head_start, c0)
    if head is None or not head.text[:1].isupper() or _nwords(text, head.start, head.end) > 6:
        return None
    if _nwords(text, mid, c1) > lex.max_source_words:
        return None
    return Span(head.start, c1, text[head.start:c1])


def _more_quote(text: str, qi: QuoteIndex, pos: int, ue: int, content: list[Span], direct: bool) -> list[Span]:
    """“A,” he said, “B.”: B continues the quoted content."""
    if not direct:
        return content
    p = pos
    while p < ue and text[p] not in ",“\"«„":
        if text[p] in ".;:!?":
            return content
        p += 1
    q = qi.starting_after(p, min(ue, p + 4))
    if q is None:
        return content
    return content + [x for x in q.pieces if x.start > pos and all(x.start != c.start for c in content)]


def find_in_unit(text: str, lex: Lexicon, qi: QuoteIndex, unit: Span, nxt: Optional[Span] = None) -> list[Found]:
    """All cue-anchored attributions of one sentence (``unit``)."""
    if lex.cue_re is None:
        return []
    us, ue = unit.start, unit.end
    while ue > us and text[ue - 1] in _SENT_END:
        ue -= 1
    out: list[Found] = []
    prev_src: Optional[Span] = None
    for m in lex.iter_cues(text, us, ue):
        cs, ce = m.start(), m.end()
        if qi.at(cs) is not None:
            continue
        if lex.not_after:
            pw = _PREV_WORD.search(text, max(us, cs - 30), cs)
            if pw is not None and pw.group(1).lower() in lex.not_after:
                continue
        cls = lex.cue_class(m.group())
        if cls is None:
            continue
        ls = clause_start(text, lex, us, cs)
        word = m.group()
        if word[:1].isupper() and text[ls:cs].strip(_LEAD):
            continue  # a capitalised cue inside a clause is a name
        cue = Span(cs, ce, text[cs:ce])
        found = _one(text, lex, qi, us, ue, ls, cue, cls, nxt, prev_src)
        if found is not None:
            out.append(found)
            if found.source is not None:
                prev_src = found.source
    return out


def _one(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
         cue: Span, cls: str, nxt: Optional[Span] = None, prev_src: Optional[Span] = None) -> Optional[Found]:
    cs, ce = cue.start, cue.end
    if cls == "according":
        src = _source_right(text, lex, ce, ue)
        if src is None:
            return None
        after = src.end
        while after < ue and text[after] in " \t":
            after += 1
        if after < ue and text[after] == "," and _span(text, after + 1, ue):
            content, direct = _content_after(text, lex, qi, after + 1, ue)
        else:
            content, direct = _content_before(text, qi, us, ls)
        return Found(cue, content, src, cls, direct) if content else None
    if cls == "reportedly":
        nxt = lex.cue_re.search(text, ce, min(ue, ce + 40))
        if nxt is not None and lex.cue_class(nxt.group()) not in (None, "according", "reportedly"):
            return None  # "X reportedly told ...": the verb is the cue
        content, direct = _content_after(text, lex, qi, ce, ue)
        return Found(cue, content, None, cls, direct) if content else None
    # auxiliaries belong to the cue ("has said")
    if lex.aux_re is not None:
        while True:
            a = None
            for m in lex.aux_re.finditer(text, max(ls, cs - 20), cs):
                if not text[m.end():cs].strip():
                    a = m
            if a is None or a.start() < ls:
                break
            cs = a.start()
        cue = Span(cs, cue.end, text[cs:cue.end])
    src = _source_left(text, lex, ls, cs)
    has_before = _span(text, us, ls) is not None
    after_punct = ls > us and _BOUNDARY.search(text, ls - 3, ls) is not None
    if src is None:
        if has_before and after_punct and lex.data.get("syntax", {}).get("inverted_ok", True):
            inv = _source_right(text, lex, ce, ue)
            if inv is not None and not _starts_badly(text, lex, inv):
                content, direct = _content_before(text, qi, us, ls)
                content = _more_quote(text, qi, inv.end, ue, content, direct)
                return Found(cue, content, inv, cls, direct) if content else None
            app = _appositive(text, lex, us, ls)
            if app is not None:
                q = qi.ending_before(app.start, us)
                if q is not None and app.start - q.outer.end <= 3:
                    content, direct = list(q.pieces), True
                    content = _more_quote(text, qi, ce, ue, content, direct)
                else:
                    content, direct = _content_after(text, lex, qi, ce, ue, nxt)
                return Found(cue, content, app, cls, direct) if content else None
        if cue.text.lower().endswith(tuple(lex.suffixes)) or cue.text.lower().endswith("ing"):
            if has_before and _span(text, ce, ue) is None:
                content, direct = _content_before(text, qi, us, ls)
            else:
                content, direct = _content_after(text, lex, qi, ce, ue)
            src = prev_src if cue.text.lower().endswith("ing") else None
            return Found(cue, content, src, cls, direct) if content else None
        return None
    tail = _span(text, ce, ue)
    before_q = qi.ending_before(ls, us)
    quote_before = before_q is not None and ls - before_q.outer.end <= 3
    short_tail = tail is None or (
        _nwords(text, tail.start, tail.end) <= 4
        and not (lex.complementizer_re and lex.complementizer_re.search(text, ce, ue))
        and qi.starting_after(ce, ue) is None
    )
    if has_before and after_punct and (quote_before or (short_tail and _nwords(text, us, ls) >= 4)):
        content, direct = _content_before(text, qi, us, ls)
        content = _more_quote(text, qi, ce, ue, content, direct)
    else:
        content, direct = _content_after(text, lex, qi, ce, ue, nxt)
    return Found(cue, content, src, cls, direct) if content else None
