"""The head noun of a source phrase and the type it gives: a government body,
an organisation, a group of people or a role (:func:`find_head`), types of
bare names (:func:`name_type`), governments from country words
(:func:`government_of`).

>>> find_head("the forestry ministry", "en").kind
'government'

These are helpers of :mod:`graphkit.resolve.entities`, not part of graphkit's
public API.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from graphkit import lang as _lang
from graphkit.records import Entity
from graphkit.resolve.entity_data import CAP, DET, LangData, clean_phrase, lang_data
from graphkit.resolve.gazetteer import gazetteer
from graphkit.resolve.names import is_camel, name_tail


def government_of(phrase: str, lang: str = "en") -> Optional[Entity]:
    """A source naming a country's government ("the government of Norland",
    "pemerintah Norland") as a government entity.

    >>> government_of("The government of Norland").label
    'Norland'
    >>> government_of("the American government").label
    'United States'
    >>> government_of("the finance minister") is None
    True
    """
    d = lang_data(lang)
    g = gazetteer()
    clean = clean_phrase(phrase)
    for rx in d.government_res:
        m = rx.fullmatch(clean)
        if m is None:
            continue
        name = m.group("name")
        words = name.split()
        if not words or name_tail(words) != words or any(not w[:1].isupper() for w in words):
            continue
        canon = g.government(name) or next((c for c, dm in g.demonyms.items() if dm == name), None)
        label = canon or name
        return Entity(key=label, label=label, type="government", aliases=(phrase.strip(),) if phrase.strip() != label else ())
    return None


def affiliations_in(text: str) -> list[str]:
    """Known places/governments/organisations named in ``text``, canonical."""
    g = gazetteer()
    out = []
    for rx, table in ((g.org_re, g.organizations), (g.place_re, {**g.governments, **g.places})):
        if rx is None:
            continue
        for m in rx.finditer(text):
            w = m.group()
            name = g.places.get(w) or (w if w in g.capitals else None) or table.get(w)
            if name and name not in out:
                out.append(name)
    return out


def country_of(name: str) -> Optional[str]:
    g = gazetteer()
    if name in g.demonyms:
        return name
    return g.capitals.get(name) or g.governments.get(name)


@dataclass
class Head:
    """The head noun of a source phrase: its kind ("role", "government",
    "organization", "group", "person") and position."""

    kind: str
    start: int
    end: int
    text: str


def find_head(phrase: str, lang: str = "en") -> Optional[Head]:
    """The head noun of ``phrase`` among the known heads (roles and the typing
    lists of ``entities.toml``): in English the last one before the first
    post-modifier that holds one, in Indonesian the first one.

    >>> find_head("the civil protection agency").kind
    'government'
    >>> find_head("analysts at the Halvard Bank").text
    'analysts'
    >>> find_head("keluarga korban", "id").kind
    'group'
    """
    d = lang_data(lang)
    if d.head_re is None:
        return None
    outlet_spans = [m.span() for m in d.outlet_nouns_re.finditer(phrase)] if d.outlet_nouns_re is not None else []
    found = [m for m in d.head_re.finditer(phrase)
             if not any(a <= m.start() < b and (m.start(), m.end()) != (a, b) for a, b in outlet_spans)]
    if not found:
        return None
    m = found[0]
    if d.head_last:
        cuts = [c.start() for c in d.postmod_re.finditer(phrase)] if d.postmod_re is not None else []
        bounds = [0, *cuts, len(phrase)]
        m = found[-1]
        for lo, hi in zip(bounds, bounds[1:]):
            seg = [x for x in found if lo <= x.start() and x.end() <= hi]
            if seg:
                m = seg[-1]
                break
    return Head(d.heads.get(" ".join(m.group().lower().split()), "role"), m.start(), m.end(), m.group())


def name_type(name: str, lang: str = "en") -> Optional[str]:
    """"organization" / "government" for a capitalised name that a head noun
    or a company marker of the language data types ("Oroval Mining",
    "Statistics Norland", "PT Bank Sejahtera Tbk"), else None.

    >>> name_type("Nordvik Ferries"), name_type("Eastmarch Coast Guard"), name_type("Ann Lee")
    ('organization', 'government', None)
    """
    for lg in dict.fromkeys([lang, *_lang.languages()]):
        h = find_head(name, lg)
        if h is None or h.kind not in ("government", "organization") or not h.text[:1].isupper():
            continue
        d = lang_data(lg)
        nxt = d.postmod_re.search(name, h.end) if d.postmod_re is not None else None
        if not name[h.end:(nxt.start() if nxt else len(name))].strip() if d.head_last else h.start == 0:
            return h.kind
    words = name.replace(",", " ").split()
    for lg in dict.fromkeys([lang, *_lang.languages()]):
        if words and {words[0], words[-1]} & lang_data(lg).company_markers:
            return "organization"
    return None


def entity_for_name(name: str, lang: str = "en") -> Entity:
    g = gazetteer()
    for look, typ in ((g.outlet, "outlet"), (g.government, "government"), (g.organization, "organization")):
        canon = look(name)
        if canon:
            return Entity(key=canon, label=canon, type=typ, aliases=(name,) if name != canon else ())
    typ = name_type(name, lang)
    if typ is not None:
        return Entity(key=name, label=name, type=typ)
    if is_camel(name, lang) or (name.isupper() and name.isalpha() and 2 <= len(name) <= 8):
        return Entity(key=name, label=name, type="organization")     # "SpaceX", an acronym ("KPK")
    return Entity(key=name, label=name, type="person" if len(name.split()) >= 2 else "unspecified")


def plural_role(role: dict, word: str) -> bool:
    """Whether ``word`` is the plural form of ``role`` (and not also its singular: "police")."""
    w = " ".join(word.lower().split())
    return role.get("plural") == w and role.get("en") != w


def indefinite(raw: str, d: "LangData") -> bool:
    """Whether the phrase opens with an indefinite determiner ("a", "seorang")."""
    return d.indefinite_re is not None and d.indefinite_re.match(raw) is not None


PAREN = re.compile(r"\s*\([^()]*\)")
_POSS = re.compile(r"\w['’]s?(?!\w)")


def possessed(before: str, raw: str, d: "LangData") -> bool:
    """Whether the words ``before`` a person noun hold a definite possessor
    ("his", "the victim's"), which identifies the person ("the victim's wife"),
    unlike an indefinite one ("a crew member's wife") or none ("a woman").

    >>> d = lang_data("en")
    >>> possessed("the victim's ", "the victim's wife", d), possessed("crew member's ", "a crew member's wife", d)
    (True, False)
    """
    if indefinite(raw, d):
        return False
    return bool(_POSS.search(before) or (d.possessive_re is not None and d.possessive_re.search(before)))


def head_entity(clean: str, raw: str, head: Head, d: "LangData", lang: str) -> Optional[Entity]:
    """A source typed by its head noun: a government body or an organisation
    (never anonymous), a group of ordinary people, or an unnamed person; None
    when the phrase names a person after all ("police chief Ann Lee")."""
    after = clean[head.end:].split()
    tail = name_tail(after)
    between = after[: len(after) - len(tail)]
    if d.honorific_re is not None and any(d.honorific_re.fullmatch(w.rstrip(".")) for w in after):
        return None          # a rank before a name: a person ("Polres X AKBP Ann Lee")
    affs = "; ".join(affiliations_in(clean)) or None
    if head.kind not in ("government", "organization"):
        pass
    elif d.head_last:
        # English: the head ends its noun phrase; only a name may follow it before a post-modifier
        nxt = d.postmod_re.search(clean, head.end) if d.postmod_re is not None else None
        seg = clean[head.end:nxt.start() if nxt else len(clean)].split()
        if any(not CAP.fullmatch(w) for w in seg):
            stail = name_tail(seg)
            mid = seg[: len(seg) - len(stail)]
            # (not across a conjunction or a determiner: "the government and the X" is two parties)
            if nxt is None and stail and len(mid) <= 2 and all(
                    w.isalpha() and w.islower() and find_head(w, lang) is None and not DET.match(w + " ")
                    and not (d.conj_re is not None and d.conj_re.fullmatch(w)) for w in mid):
                name = " ".join(stail)               # "credit agency giant Zentrix"
                return Entity(key=name, label=name, type=head.kind, affiliation=affs if affs != name else None)
            return None
    elif any(CAP.fullmatch(w) for w in clean[:head.start].split()):
        return None          # Indonesian: an unknown capitalised title before the head ("Sekretaris Perusahaan X")
    if head.kind in ("government", "organization") and d.person_det_re is not None and d.person_det_re.match(raw):
        label = PAREN.sub("", clean).strip(" ,") or clean       # "seorang staf Dinas X": one person of that body
        return Entity(key=label.lower(), label=label, type="person", anonymous=True, affiliation=affs)
    if head.kind in ("government", "organization"):
        if d.head_last and len(tail) >= 2 and between and not all(CAP.fullmatch(w) for w in between):
            return None      # "the police chief Ann Lee": a role noun before a name
        label = PAREN.sub("", clean).strip(" ,")
        if not d.head_last and head.start > 0 and clean[:head.start].split() \
                and all(w.islower() for w in clean[:head.start].split()):
            label = PAREN.sub("", clean[head.start:]).strip(" ,")     # "data KBRI X", "pihak Polres Y"
        if tail and not between and head.text[:1].islower():
            label = " ".join(tail)           # "the environmental group Río Vivo"
        elif tail and head.text[:1].islower() and lang != "en" and between:
            label = " ".join(tail)           # "lembaga survei independen Pulsar"
        label = PAREN.sub("", label).strip(" ,") or clean
        return Entity(key=label, label=label, type=head.kind, affiliation=affs if affs != label else None)
    if len(tail) >= 2 and not between and head.kind == "person":
        return None          # "farmer Rosa Quillca": a named person
    label = PAREN.sub("", clean).strip(" ,") or clean
    if head.kind == "group" and " ".join(head.text.lower().split()) in d.collective:
        # "a family in X": one unnamed group; "the family", "his family": an identified one
        return Entity(key=label.lower(), label=label, type="person_group", anonymous=indefinite(raw, d), affiliation=affs)
    if head.kind == "person" or indefinite(raw, d):
        return Entity(key=label.lower(), label=label, type="person", anonymous=not possessed(clean[:head.start], raw, d),
                      affiliation=affs)
    return Entity(key=label.lower(), label=label, type="person_group", affiliation=affs)
