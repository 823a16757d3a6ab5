"""Direct quotations: quote-mark spans, tolerant of every style and of errors.

Marks: “ ” „ « » ‹ › " , two apostrophes '' (a typewriter style of some
newspapers) and single ‘ ’ (a ‘ only at a word start, so that apostrophes are
not quotes).  A quote left open at the end of a paragraph
continues when the next paragraph opens with a quote mark (the convention for
quotes over several paragraphs); otherwise it ends with its paragraph.  Stray
closing marks are ignored.

>>> text = 'He said “one.\\n“two” and then "three'
>>> from graphkit.extract.sentences import paragraphs
>>> [[p.text for p in q.pieces] for q in find_quotes(text, paragraphs(text))]
[['one.', 'two'], ['three']]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from graphkit.records import Span

_MARK = re.compile(r"''|[“”„«»‹›\"‘’]")
OPENERS = "“„«‹"
CLOSERS = "”»›"
_PAIR = {"“": "”", "„": "“”", "«": "»", "‹": "›", '"': '"', "‘": "’", "''": "''", "”": "”\""}
_SYMMETRIC = ('"', "‘", "''")


@dataclass
class Quote:
    """One quotation: ``outer`` includes the marks, ``pieces`` the quoted
    text per paragraph (without marks)."""

    outer: Span
    pieces: list[Span]
    closed: bool = True


def _strip(text: str, s: int, e: int) -> Span | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e, text[s:e]) if e > s else None


def _opens_at(text: str, para: Span) -> bool:
    return para.start < para.end and (text[para.start] in OPENERS + '"‘' or text.startswith("''", para.start))


def find_quotes(text: str, paras: Sequence[Span]) -> list[Quote]:
    """Quotes in the given paragraphs, in text order."""
    out: list[Quote] = []
    carry: list[Span] = []      # pieces of a quote running over paragraphs
    carry_start = -1
    for i, para in enumerate(paras):
        open_pos, open_ch = -1, ""
        if carry:
            # continuation paragraph: its opening mark starts the next piece
            open_pos = para.start
            open_ch = "''" if text.startswith("''", para.start) else text[para.start]
        for m in _MARK.finditer(text, para.start + (len(open_ch) if carry else 0), para.end):
            ch, p = m.group(), m.start()
            if open_pos < 0:
                if ch in OPENERS or ch in ('"', "''") or (ch == "‘" and (p == 0 or not text[p - 1].isalnum())):
                    open_pos, open_ch = p, ch
                elif ch == "”" and (p == para.start or text[p - 1].isspace()) and text[p + 1:p + 2].isalnum():
                    open_pos, open_ch = p, ch  # a closing mark typed as the opening one
                continue
            if ch == "''":
                closes = open_ch == "''"
            else:
                closes = ch in _PAIR.get(open_ch, "") or (ch in CLOSERS and open_ch not in _SYMMETRIC)
            if open_ch == "‘" and ch == "’" and p + 1 < len(text) and text[p + 1].isalpha():
                closes = False  # apostrophe inside a single-quoted word
            if closes:
                piece = _strip(text, open_pos + len(open_ch), p)
                pieces = carry + ([piece] if piece else [])
                start = carry_start if carry else open_pos
                if pieces:
                    out.append(Quote(Span(start, m.end(), text[start:m.end()]), pieces))
                carry, carry_start = [], -1
                open_pos, open_ch = -1, ""
        if open_pos >= 0:
            piece = _strip(text, open_pos + len(open_ch), para.end)
            if not carry:
                carry_start = open_pos
            if piece:
                carry.append(piece)
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt is None or not _opens_at(text, nxt):
                if carry:
                    out.append(Quote(Span(carry_start, para.end, text[carry_start:para.end]), carry, closed=False))
                carry, carry_start = [], -1
        elif carry:
            carry, carry_start = [], -1
    single = [q for para in paras for q in _straight_single(text, para, out)]
    return sorted(out + single, key=lambda q: q.outer.start) if single else out


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–]))'(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[,.!?])'|(?<=\w)'(?=[.,;:!?)\]]|\s*$)", re.M)


def _straight_single(text: str, para: Span, taken: Sequence[Quote]) -> list[Quote]:
    """Quotes in straight single marks ('...,' he said), a style of some
    British papers.  Apostrophes make the mark ambiguous, so an opening mark
    must stand before a word after a space, a closing one after , . ! ? or
    before punctuation, the quote must hold three words or more and stay in
    its paragraph, and quotes found with other marks win.

    >>> t = "'We are safe,' the airline said. The teachers' union's view: 'no'."
    >>> [q.pieces[0].text for q in _straight_single(t, Span(0, len(t), t), [])]
    ['We are safe,']
    """
    out: list[Quote] = []
    pos = para.start
    while True:
        k = text.find("'", pos, para.end)       # a plain find first: most paragraphs have none
        if k < 0:
            return out
        m = _SINGLE_OPEN.match(text, k, para.end)
        pos = k + 1
        if m is None:
            continue
        if any(q.outer.start <= m.start() < q.outer.end for q in taken):
            continue
        for c in _SINGLE_CLOSE.finditer(text, m.end(), para.end):
            inner = text[m.end():c.start()]
            if '"' in inner or "“" in inner:
                break
            if len(re.findall(r"\w+", inner)) >= 3:
                piece = _strip(text, m.end(), c.start())
                if piece is not None:
                    out.append(Quote(Span(m.start(), c.end(), text[m.start():c.end()]), [piece]))
                    pos = c.end()
                break


def merge_units(sents: Sequence[Span], quotes: Sequence[Quote], text: str) -> list[Span]:
    """Join consecutive sentences of one paragraph that a quote runs across.

    >>> from graphkit.extract.sentences import sentences, paragraphs
    >>> t = 'She said: “Yes. No.” Then.'
    >>> [u.text for u in merge_units(sentences(t), find_quotes(t, paragraphs(t)), t)]
    ['She said: “Yes. No.”', 'Then.']
    """
    bounds = []
    for q in quotes:
        for piece in q.pieces:
            bounds.append((piece.start, piece.end))
    bounds.sort()
    out: list[Span] = []
    j = 0
    for s in sents:
        if out:
            prev = out[-1]
            # a quote piece starting in prev and ending after prev's end
            while j < len(bounds) and bounds[j][1] <= prev.start:
                j += 1
            k = j
            joined = False
            while k < len(bounds) and bounds[k][0] < prev.end:
                if bounds[k][1] > prev.end and bounds[k][0] >= prev.start and "\n" not in text[prev.end:s.start]:
                    out[-1] = Span(prev.start, s.end, text[prev.start:s.end])
                    joined = True
                    break
                k += 1
            if joined:
                continue
        out.append(s)
    return out


def quote_at(quotes: Sequence[Quote], pos: int) -> Quote | None:
    """The quote whose marks enclose position ``pos``, if any."""
    for q in quotes:
        if q.outer.start < pos < q.outer.end:
            for piece in q.pieces:
                if piece.start <= pos < piece.end:
                    return q
    return None
