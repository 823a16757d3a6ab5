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

import re
from typing import Optional

from graphkit.extract.lexicon import Lexicon
from graphkit.resolve.entities import outlet_without_place, parse_source
from graphkit.resolve.gazetteer import gazetteer


def marker_outlets(text: str, lex: Lexicon, start: int, end: int) -> list[str]:
    """Known outlets introduced by a via marker in text[start:end]."""
    g = gazetteer()
    out: list[str] = []
    if lex.via_re is None:
        return out
    for m in lex.via_re.finditer(text, start, end):
        hit = g.find_outlet(text, m.end(), min(end, m.end() + 60))
        if hit is not None and len(text[m.end():hit[1]].split()) <= 3:
            if hit[0] not in out:
                out.append(hit[0])
            continue
        name = _named_outlet(text, lex, m.end(), end)
        if name is not None and name not in out:
            out.append(name)
    return out


_PHRASE_END = re.compile(r"[,;:!?()“”\"]|\.(?=\s|$)|\s[—–-]\s")


def _named_outlet(text: str, lex: Lexicon, s: int, end: int) -> Optional[str]:
    """An outlet not in the gazetteer, named right after a via marker with an
    outlet noun or as a web name ("kepada stasiun televisi X ORT", "told local
    news portal Kabarsela.com", "on the state broadcaster LTV").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Valmora menolak. “Ya,” kata Ani kepada stasiun televisi Valmora VTV, Senin."
    >>> _named_outlet(t, lexicon("id"), t.index("kepada") + 6, len(t))
    'VTV'
    """
    stop = _PHRASE_END.search(text, s, end)
    e = stop.start() if stop else end
    if lex.adjunct_re is not None:      # "... Kabarsela.com on Monday": the adjunct is no part of the name
        for a in lex.adjunct_re.finditer(text, s, e):
            if text[s:a.start()].strip():
                e = a.start()
                break
    phrase = text[s:e].strip()
    if not phrase or len(phrase.split()) > 6 or not any(w[:1].isupper() for w in phrase.split()):
        return None
    ent = parse_source(phrase, lex.lang).entity
    return outlet_without_place(ent.label, text, lex.lang) if ent is not None and ent.type == "outlet" else None
