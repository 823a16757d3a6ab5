"""Stance (asserts / denies) and certainty (certain / probable / possible).

A statement denies when its cue is a denial verb ("membantah", "denied") not
itself negated, when its content calls something fake ("hoaks", "fake news"),
or when its content opens with a negated statement answering an allegation
("There was no cover-up", "Tidak ada kaitannya dengan ...": ``[stance]
denial_openings``, unless a word of ``denial_openings_except`` follows).
Certainty comes from hedges ("kemungkinan", "diduga", "likely", "may have")
in the content or between source and cue, and from a hedging cue verb
("menduga", "estimated": ``[certainty] probable_cues``).

>>> from graphkit.extract.lexicon import lexicon
>>> from graphkit.records import Span
>>> t = "Itu kabar bohong"
>>> stance(t, lexicon("id"), "speech", Span.of(t, 0, 0), [Span.of(t, 0, len(t))])
'denies'
>>> certainty("He may have left", lexicon("en"), [Span(0, 16, "He may have left")])
'possible'
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from graphkit.extract.lexicon import Lexicon
from graphkit.records import Certainty, Span, Stance

_OPEN = re.compile(r"[\s\"“”‘’'«»„(\[—–-]*")
_SENTENCE_START = frozenset(".!?\"“”‘’'«»(\n:;—–-")


def denial_opening(text: str, lex: Lexicon, piece: Span) -> bool:
    """Whether the content piece opens with a negated statement ("There was
    no side deal", "Tidak ada kaitannya ...") not followed by an exception
    word ("There were no casualties").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = '"There was no secret deal," she said.'
    >>> denial_opening(t, lexicon("en"), Span(1, 27, t[1:27]))
    True
    >>> t = "There were no injuries."
    >>> denial_opening(t, lexicon("en"), Span(0, 22, t[:22]))
    False
    """
    if lex.denial_opening_re is None:
        return False
    start = _OPEN.match(text, piece.start, piece.end).end()
    m = lex.denial_opening_re.match(text, start, piece.end)
    if m is None:
        return False
    rest = _OPEN.match(text, m.end(), piece.end).end()
    return not (lex.denial_except_re is not None and lex.denial_except_re.match(text, rest, piece.end))


def stance(text: str, lex: Lexicon, cls: str, cue: Span, content: Sequence[Span]) -> Stance:
    """'denies' or 'asserts' for one attribution."""
    negated = False
    if lex.negation_re is not None:
        lo = max(0, cue.start - 12)
        negated = any(m.end() <= cue.start for m in lex.negation_re.finditer(text, lo, cue.start))
    if cls == "denial":
        return "asserts" if negated else "denies"
    if lex.denial_re is not None:
        for piece in content:
            if lex.denial_re.search(text, piece.start, piece.end):
                return "denies"
    if content and not negated and denial_opening(text, lex, min(content, key=lambda p: p.start)):
        return "denies"
    return "asserts"


def _is_name(text: str, pos: int, lo: int) -> bool:
    """A hedge word written with a capital in mid-sentence is a name ("in May")."""
    if not text[pos:pos + 1].isupper():
        return False
    p = pos
    while p > lo and text[p - 1] in " \t":
        p -= 1
    return p > lo and text[p - 1] not in _SENTENCE_START


def certainty(text: str, lex: Lexicon, regions: Iterable[Span], skip: Sequence[Span] = (),
              cue: Optional[Span] = None) -> Certainty:
    """Certainty from hedge words inside ``regions`` (outside ``skip``) and
    from a hedging ``cue`` verb.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Prices rose in May, officials estimated."
    >>> certainty(t, lexicon("en"), [Span(0, 18, t[:18])], cue=Span(30, 39, "estimated"))
    'probable'
    """
    best: Certainty = "certain"
    if cue is not None and lex.probable_cue_re is not None and cue.text.split() \
            and lex.probable_cue_re.fullmatch(cue.text.split()[-1]):
        best = "probable"
    for r in regions:
        for rx, value in ((lex.possible_re, "possible"), (lex.probable_re, "probable")):
            if rx is None:
                continue
            for m in rx.finditer(text, r.start, r.end):
                if any(s.start <= m.start() < s.end for s in skip) or _is_name(text, m.start(), r.start):
                    continue
                if lex.hedge_modifier_re is not None and \
                        lex.hedge_modifier_re.search(text, max(r.start, m.start() - 12), m.start()):
                    continue
                if value == "possible":
                    return "possible"
                best = "probable"
    return best
