"""Stance (asserts / denies) and certainty (certain / probable / possible).

A statement denies when its cue is a denial verb ("membantah", "denied") not
itself negated, or when its content calls something fake ("hoaks",
"fake news", "hoaks").  Certainty comes from hedges ("kemungkinan",
"diduga", "likely", "may have") in the content or between source and cue.

>>> from graphkit.extract.lexicon import lexicon
>>> from graphkit.records import Span
>>> t = "Itu kabar bohong"
>>> stance(t, lexicon("id"), "speech", Span.of(t, 0, 0), [Span.of(t, 0, len(t))])
'denies'
>>> certainty("He may have left", lexicon("en"), [Span(0, 16, "He may have left")])
'possible'
"""
from __future__ import annotations

from typing import Iterable, Sequence

from graphkit.extract.lexicon import Lexicon
from graphkit.records import Certainty, Span, Stance


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
    return "asserts"


def certainty(text: str, lex: Lexicon, regions: Iterable[Span], skip: Sequence[Span] = ()) -> Certainty:
    """Certainty from hedge words inside ``regions`` (outside ``skip``)."""
    best: Certainty = "certain"
    for r in regions:
        for rx, value in ((lex.possible_re, "possible"), (lex.probable_re, "probable")):
            if rx is None:
                continue
            for m in rx.finditer(text, r.start, r.end):
                if any(s.start <= m.start() < s.end for s in skip):
                    continue
                if value == "possible":
                    return "possible"
                best = "probable"
    return best
