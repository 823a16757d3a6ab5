"""Outlets between the article and the original source (``Attribution.via``).

- nesting: "The Daily Planet reported that officials said ..." -> the officials'
  statement comes via the Planet (outer sources that are outlets, outermost
  first);
- markers after the cue: "..., kata X dikutip dari Reuters", "X told Reuters",
  "X said in an interview with CNN" -> via that outlet.

>>> from graphkit.extract.lexicon import lexicon
>>> t = "“Yes,” kata Ani dikutip dari Reuters."
>>> marker_outlets(t, lexicon("id"), 8, len(t))
['Reuters']
"""
from __future__ import annotations

from graphkit.extract.lexicon import Lexicon
from graphkit.resolve.gazetteer import gazetteer


def marker_outlets(text: str, lex: Lexicon, start: int, end: int) -> list[str]:
    """Known outlets introduced by a via marker in text[start:end]."""
    g = gazetteer()
    out: list[str] = []
    if lex.via_re is None:
        return out
    for m in lex.via_re.finditer(text, start, end):
        hit = g.find_outlet(text, m.end(), min(end, m.end() + 60))
        if hit is None:
            continue
        gap = text[m.end():hit[1]]
        if len(gap.split()) <= 3 and hit[0] not in out:
            out.append(hit[0])
    return out
