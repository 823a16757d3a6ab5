"""Within-article coreference for sources: pronouns, outlet anaphora, surnames.

- a pronoun ("he", "dia", "ia", "-nya") -> the last person named before it;
  "they"/"mereka" -> the last group (or organisation) named before it;
- outlet anaphora ("the newspaper", "harian itu") -> the last outlet named
  in the text before it;
- a surname ("Lestari") -> the full name mentioned in the article ("Dewi Lestari").

>>> names = person_names("Governor Dewi Lestari met Ann. Later Lestari spoke.")
>>> full_name("Lestari", names)
'Dewi Lestari'
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from graphkit.records import Entity
from graphkit.resolve.gazetteer import gazetteer

_NAME = re.compile(r"(?<![\w.])[A-Z\u00C0-\u024F][\w'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z\u00C0-\u024F][\w'’-]+)+")


_INITIAL = re.compile(r"(?:^|[.!?]\s+|\n\s*|[“\"]\s*)$")


def person_names(text: str) -> list[tuple[int, str]]:
    """Multi-word capitalised names in the text, with their positions; a
    sentence-initial word is dropped from names of three or more words and
    two-word names that start a sentence come last."""
    out, initial = [], []
    for m in _NAME.finditer(text):
        name = m.group()
        if _INITIAL.search(text, max(0, m.start() - 3), m.start()):
            words = name.split()
            if len(words) >= 3:
                out.append((m.start(), " ".join(words[1:])))
            else:
                initial.append((m.start(), name))
            continue
        out.append((m.start(), name))
    return out + initial


def full_name(surname: str, names: list[tuple[int, str]], before: Optional[int] = None) -> Optional[str]:
    """The shortest two-or-more-word name ending with ``surname``; prefers
    names mentioned before position ``before``."""
    best, best_pos = None, -1
    suffix = " " + surname
    for pos, name in names[:5000]:
        if not name.endswith(suffix):
            continue
        words = name.split()
        # drop leading capitalised role/title words ("Governor Dewi Lestari")
        cand = " ".join(words[-2:]) if len(words) > 2 else name
        g = gazetteer()
        if g.government(cand.split()[0]) or g.organization(cand.split()[0]):
            continue
        if before is not None and pos > before and best is not None:
            continue
        if best is None or (before is not None and pos <= before and best_pos > before):
            best, best_pos = cand, pos
        if best is not None and pos <= (before if before is not None else pos):
            break
    return best


def outlet_mentions(text: str, article_outlet: Optional[str] = None) -> list[tuple[int, str]]:
    """Known outlets named in the text (not the article's own), in order."""
    g = gazetteer()
    if g.outlet_re is None:
        return []
    return [(m.start(), g.outlets[m.group()]) for m in g.outlet_re.finditer(text)
            if g.outlets[m.group()] != article_outlet]


def last_outlet(mentions: list[tuple[int, str]], pos: int) -> Optional[str]:
    """The last outlet of ``mentions`` named before ``pos``.

    >>> last_outlet([(0, "Reuters"), (50, "BBC")], 40)
    'Reuters'
    """
    i = bisect.bisect_left(mentions, (pos, "")) - 1
    return mentions[i][1] if i >= 0 else None


def last_entity(history: list[Entity], group: bool) -> Optional[Entity]:
    """The most recent person (or group/organisation) entity."""
    want = ("person_group", "organization", "government") if group else ("person",)
    for e in reversed(history[-50:]):
        if e.type in want and not (not group and e.anonymous):
            return e
    return None
