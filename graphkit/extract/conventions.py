"""Span conventions of annotation schemes, applied to extracted attributions.

Annotation guidelines disagree on where a span starts.  graphkit's own
convention (the one of its gold files, ``docs/languages.md``) leaves the
complementizer out of the content: in "Ann said that it rained" the content
is "it rained".  PolNeAR's guidelines keep it: "that it rained".  Which
words are complementizers is language data (``complementizers`` in
``graphkit/lang/data/<lang>/attribution.toml``).

:func:`apply` rewrites the spans of a list of attributions to a scheme;
``graphkit eval`` uses the scheme of the corpus it scores (``--conventions``).
The extraction itself is not changed by it.

>>> from graphkit.records import Attribution, Span
>>> t = "Ann said that it rained."
>>> a = Attribution("a1", Span.of(t, 4, 8), [Span.of(t, 14, 23)], Span.of(t, 0, 3))
>>> apply(t, [a], "en", "polnear")[0].content[0].text
'that it rained'
>>> apply(t, [a], "en", "graphkit")[0].content[0].text
'it rained'
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from graphkit.records import Attribution, Span

__all__ = ["CONVENTIONS", "apply"]

CONVENTIONS = ("graphkit", "polnear")

_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _with_complementizer(text: str, a: Attribution, comp: re.Pattern) -> Attribution:
    """``a`` with its first content piece extended over a complementizer right before it."""
    if not a.content:
        return a
    first = min(a.content, key=lambda p: p.start)
    floor = max(a.cue.end, a.source.end if a.source is not None and a.source.end <= first.start else 0)
    m = _WORD_BEFORE.search(text, max(floor, first.start - 40), first.start)
    if m is None or m.start() < floor or not comp.fullmatch(m.group(1)):
        return a
    pieces = [Span.of(text, m.start(1), p.end) if p is first else p for p in a.content]
    return replace(a, content=pieces)


def _without_complementizer(text: str, a: Attribution, comp: re.Pattern) -> Attribution:
    """``a`` with a complementizer at the start of its first content piece left out."""
    if not a.content:
        return a
    first = min(a.content, key=lambda p: p.start)
    m = re.match(r"(\w+)\s+", first.text)
    if m is None or not comp.fullmatch(m.group(1)) or m.end() >= len(first.text):
        return a
    pieces = [Span.of(text, p.start + m.end(), p.end) if p is first else p for p in a.content]
    return replace(a, content=pieces)


def apply(text: str, atts: Sequence[Attribution], lang: str, convention: str) -> list[Attribution]:
    """The attributions ``atts`` of ``text`` with spans in the ``convention`` scheme.

    ``"graphkit"``: the complementizer is outside the content; ``"polnear"``:
    inside.  Attributions are copied, never changed in place.

    >>> from graphkit.records import Attribution, Span
    >>> t = "Bob denied that."
    >>> a = Attribution("a1", Span.of(t, 4, 10), [Span.of(t, 11, 15)], Span.of(t, 0, 3))
    >>> apply(t, [a], "en", "graphkit")[0].content[0].text    # a lone "that" is the content
    'that'
    >>> apply(t, [a], "en", "other")
    Traceback (most recent call last):
    ...
    ValueError: unknown span convention 'other' (expected graphkit or polnear)
    """
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown span convention {convention!r} (expected {' or '.join(CONVENTIONS)})")
    from graphkit.extract.lexicon import lexicon

    comp = lexicon(lang).complementizer_re
    if comp is None:
        return list(atts)
    word = re.compile(comp.pattern, comp.flags | re.IGNORECASE)
    fix = _with_complementizer if convention == "polnear" else _without_complementizer
    return [fix(text, a, word) for a in atts]
