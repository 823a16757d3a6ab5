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

_NAME = re.compile(r"(?<![\w.])[A-Z\u00C0-\u024F][\w'’-]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z\u00C0-\u024F][\w'’-]+)+")


_INITIAL = re.compile(r"(?:^|[.!?]\s+|\n\s*|[“\"]\s*)$")


_LOWER = re.compile(r"(?<![\w'’-])[a-z\u00DF-\u00F6\u00F8-\u00FF][\w'’-]*")


def common_words(text: str) -> frozenset:
    """Words written in lower case somewhere in the text: a capitalised
    occurrence of one of them ("Pasukan", "Presiden" in a title) is a common
    noun, not a name."""
    return frozenset(m.group() for m in _LOWER.finditer(text))


def person_names(text: str, common: Optional[frozenset] = None) -> list[tuple[int, str]]:
    """Multi-word capitalised names in the text, with their positions.
    Leading words that the text also writes in lower case (common nouns,
    titles: "Presiden", "Pasukan") are dropped; names left with one word are
    not names.

    >>> person_names("Pasukan Ardan maju. Presiden Lukas Ardan dan pasukan presiden.")
    [(29, 'Lukas Ardan')]
    >>> person_names("Korea Klaim Bantu Pasukan Ann Lee. Ann Lee membantu pasukan.")   # a title-case headline
    [(26, 'Ann Lee'), (35, 'Ann Lee')]
    """
    common = common_words(text) if common is None else common
    out = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        poss = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
        if poss:
            words = words[poss[-1] + 1:]       # "Labour's Mr Ann Lee": the name follows the possessive
        k = 0
        for i, w in enumerate(words[:-1]):       # the name starts after the last common word
            if w.lower() in common or w in common:
                k = i + 1
        words = words[k:]
        if len(words) >= 2:
            pos = m.start() + len(m.group()) - len(" ".join(words))
            out.append((pos, " ".join(words)))
    return out


def full_name(surname: str, names: list[tuple[int, str]], before: Optional[int] = None) -> Optional[str]:
    """The fullest name with ``surname`` as its last (or first) word; names
    mentioned before position ``before`` win over later ones.

    >>> full_name("Ann", [(0, "Ann Lee"), (30, "Bob Ray")], 20)
    'Ann Lee'
    >>> full_name("MK", [(0, "Gedung MK")]) is None      # an acronym is no surname
    True
    """
    if len(surname) > 1 and surname.isupper():
        return None
    best, best_key = None, None
    g = gazetteer()
    for pos, name in names[:5000]:
        words = name.split()
        if surname not in (words[-1], words[0]):
            continue
        if g.government(words[0]) or g.organization(words[0]) or g.outlet(name):
            continue
        key = (before is None or pos <= before, min(len(words), 3), words[-1] == surname, -abs((before or 0) - pos))
        if best_key is None or key > best_key:
            # leading capitalised titles are not part of a name ("Governor Dewi Lestari")
            best, best_key = (" ".join(words[-2:]) if len(words) > 2 and words[-1] == surname else name), key
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


def outlet_by_short_name(word: str, mentions: list[tuple[int, str]], pos: int) -> Optional[str]:
    """"According to the Post": the last outlet named before ``pos`` whose
    name ends with ``word`` (the short name of "The Washington Post").

    >>> outlet_by_short_name("Times", [(0, "The Daily Times"), (40, "Courier")], 90)
    'The Daily Times'
    >>> outlet_by_short_name("Lee", [(0, "The Daily Times")], 90) is None
    True
    """
    low = word.lower()
    best = None
    for p, name in sorted(mentions):
        if p >= pos:
            break
        words = name.split()
        if len(words) >= 2 and words[-1].lower() == low:
            best = name
    return best


def last_entity(history: list[Entity], group: bool) -> Optional[Entity]:
    """The most recent person (or group/organisation) entity."""
    want = ("person_group", "organization", "government") if group else ("person",)
    for e in reversed(history[-50:]):
        if e.type in want:
            return e
    return None


def last_institution(history: list[Entity]) -> Optional[Entity]:
    """The most recent organisation, government or outlet ("which it said").

    >>> last_institution([Entity("Ann Lee", "Ann Lee", "person"), Entity("Acme Inc.", "Acme Inc.", "organization")]).label
    'Acme Inc.'
    """
    for e in reversed(history[-50:]):
        if e.type in ("organization", "government", "outlet"):
            return e
    return None


def looks_like_country(word: str, text: str, lang: str = "en") -> bool:
    """Whether an unknown single capitalised word is a country or place in
    this text: written after a place preposition ("in Ostria") or with a
    demonym suffix before a lower-case word ("Ostrian diplomats"); the
    prepositions and suffixes are ``country_prepositions`` and
    ``demonym_suffixes`` of ``<lang>/entities.toml``.

    >>> looks_like_country("Ostria", "Four Ostrian diplomats left. Ostria said no.")
    True
    >>> looks_like_country("Lund", "Ann Lund spoke. Lund said no.")
    False
    """
    from graphkit import lang as _lang

    data = _lang.load(lang, "entities")
    preps = [p for p in data.get("country_prepositions", []) if isinstance(p, str) and p.strip()]
    sufs = [x for x in data.get("demonym_suffixes", []) if isinstance(x, str) and x.strip()]
    w = re.escape(word)
    if preps and re.search(r"(?<![\w-])(?:" + "|".join(map(re.escape, preps)) + r")\s+" + w + r"(?![\w'’-])", text, re.I):
        return True
    if sufs and re.search(r"(?<![\w-])" + w + r"(?:" + "|".join(map(re.escape, sufs)) + r")\s+[a-z]", text):
        return True
    return False


_PAREN_ALIAS = re.compile(r"((?:[A-Z\u00C0-\u024F][\w'’.-]*[ \t]+)+[A-Z\u00C0-\u024F][\w'’-]+)[ \t]*\(([A-Z\u00C0-\u024F][\w'’-]+(?:[ \t]+[A-Z\u00C0-\u024F][\w'’-]+){0,2})\)")


def paren_aliases(names: list[tuple[int, str]], text: str) -> dict[str, str]:
    """Aliases given in parentheses after a person's name in the text
    ("Ahmad Hidayat (Gus Dayat)"): alias -> the name (as ``person_names``
    found it); acronyms of institutions (all capitals) are left out.

    >>> t = "Menteri Ahmad Hidayat (Gus Dayat) hadir."
    >>> paren_aliases(person_names(t, frozenset({"Menteri"})), t)
    {'Gus Dayat': 'Ahmad Hidayat'}
    """
    by_end = {}
    for pos, name in names:
        by_end[pos + len(name)] = name
    out: dict[str, str] = {}
    for m in _PAREN_ALIAS.finditer(text):
        alias = m.group(2)
        if alias.replace(" ", "").isupper():
            continue
        name = by_end.get(m.end(1))
        if name and alias != name:
            out.setdefault(alias, name)
    return out
