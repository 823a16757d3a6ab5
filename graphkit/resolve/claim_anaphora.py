"""Anaphoric noun phrases that name an earlier statement, with their modifiers.

A denial often names what it denies only by a noun that refers back:
"rejected the allegations", "dismissed the smuggling allegation",
"dismissed the group's claims", "menepis laporan tersebut", "tuduhan
oposisi adalah ...", "menyebut kabar penghentian operasi ... sebagai hoaks".
:func:`anaphoric_np` finds such a phrase at the start of a content and
returns its noun and the informative words that modify it ("smuggling",
"group", "oposisi", "penghentian operasi"): the antecedent is the earlier
statement whose content or source holds a modifier.  Which nouns name a
statement and which determiners mark them come from ``claims.toml``
(``anaphora_nouns``, ``demonstratives_before``, ``demonstratives_after``).

>>> from graphkit.resolve.claims import claim_data
>>> anaphoric_np("the smuggling allegation as fake news", claim_data("en"), frozenset({"as"}))
AnaphoricNP(noun='allegation', modifiers=('smuggling',), marked=True)
>>> anaphoric_np("kabar penghentian operasi yang beredar", claim_data("id"), frozenset({"yang"}))
AnaphoricNP(noun='kabar', modifiers=('penghentian', 'operasi'), marked=False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

_TOKEN = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class AnaphoricNP:
    """The statement noun, its informative modifiers (lower case), and whether
    a determiner or demonstrative marks the phrase as referring back."""

    noun: str
    modifiers: tuple[str, ...] = ()
    marked: bool = True


def _strip_possessive(tok: str) -> str:
    for s in ("'s", "’s", "'", "’"):
        if tok.endswith(s):
            return tok[: -len(s)]
    return tok


def anaphoric_np(s: str, data, stop: frozenset = frozenset(), max_mods: int = 3) -> Optional[AnaphoricNP]:
    """The anaphoric noun phrase that opens ``s``, else None.

    English order (a determiner, up to two modifiers, the noun): "the
    allegations", "the group's claims".  Indonesian order (the noun, up to
    ``max_mods`` modifiers, then a demonstrative, a copula, a stop word or
    the end): "tuduhan tersebut", "tuduhan oposisi adalah", "kabar
    penghentian operasi yang ...".  Unmarked phrases (no demonstrative)
    need at least one modifier.

    >>> from graphkit.resolve.claims import claim_data
    >>> anaphoric_np("the group's claims as politically motivated", claim_data("en"))
    AnaphoricNP(noun='claims', modifiers=('group',), marked=True)
    >>> anaphoric_np("tuduhan tersebut", claim_data("id"))
    AnaphoricNP(noun='tuduhan', modifiers=(), marked=True)
    >>> anaphoric_np("kabar yang menyebut jembatan roboh", claim_data("id"), frozenset({"yang"})) is None
    True
    """
    toks = [t.lower() for t in _TOKEN.findall(s)]
    if not toks:
        return None
    if data.demonstratives_before and toks[0] in data.demonstratives_before:
        for k in range(1, min(4, len(toks))):
            if toks[k] in data.anaphora_nouns:
                mods = tuple(m for m in (_strip_possessive(t) for t in toks[1:k])
                             if m not in stop and m not in data.neutral and m not in data.demonstratives_before)
                return AnaphoricNP(toks[k], mods, True)
        return None
    if toks[0] not in data.anaphora_nouns or not data.demonstratives_after:
        return None
    mods: list[str] = []
    for t in toks[1:1 + max_mods + 1]:
        if t in data.demonstratives_after:
            return AnaphoricNP(toks[0], tuple(mods), True)
        if t in data.copulas:
            return AnaphoricNP(toks[0], tuple(mods), True) if mods else None
        if t in stop or t in data.neutral:
            break
        mods.append(t)
        if len(mods) > max_mods:
            return None
    else:                                  # the phrase is the whole content: "kabar", "tuduhan oposisi"
        return AnaphoricNP(toks[0], tuple(mods), len(toks) <= 3) if mods or len(toks) <= 3 else None
    return AnaphoricNP(toks[0], tuple(mods), False) if mods else None


_NOUN_ENDINGS = ("ations", "ation", "ings", "ing", "ions", "ion", "an", "es", "s", "e")


def noun_of_cue(noun: str, cue: str) -> bool:
    """Whether ``noun`` names what ``cue`` did: the noun's root, less its
    first letter (which Indonesian prefixes may swallow: "tuding" ->
    "menuding"), is inside a word of the cue, from four letters on.

    >>> noun_of_cue("tudingan", "menuding"), noun_of_cue("allegations", "alleged"), noun_of_cue("claims", "has claimed")
    (True, True, True)
    >>> noun_of_cue("laporan", "mengatakan"), noun_of_cue("report", "said")
    (False, False)
    """
    root = noun.lower()
    for e in _NOUN_ENDINGS:
        if root.endswith(e) and len(root) - len(e) >= 5:
            root = root[: -len(e)]
            break
    core = root[1:]
    if len(core) < 4:
        return False
    return any(core in w for w in _TOKEN.findall(cue.lower()))
