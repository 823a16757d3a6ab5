"""A source's wording -> an :class:`Entity`: name, type, role, affiliation.

Roles and titles are split from names ("Juru Bicara Istana Rina Wati",
"White House spokeswoman Rina Wati" -> person "Rina Wati", role, affiliation
"White House"); known outlets, governments and organisations get their canonical
name; role-only sources get a label built from role and affiliation
("Menteri Luar Negeri Jepang" -> "Japanese foreign minister"); unnamed
sources are anonymous ("sources familiar with the matter").  Pronouns and
outlet anaphora are left to :mod:`graphkit.resolve.coref` (type "pronoun" /
"anaphora" markers in :class:`Parsed`).

>>> p = parse_source("White House spokeswoman Rina Wati", "en")
>>> (p.entity.label, p.entity.type, p.entity.role, p.entity.affiliation)
('Rina Wati', 'person', 'spokeswoman', 'White House')
>>> parse_source("Juru Bicara Istana Rina Wati", "id").entity.affiliation
'Istana'
>>> parse_source("Amerika Serikat", "id").entity.key
'United States'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from graphkit import lang as _lang
from graphkit.records import Entity
from graphkit.resolve.gazetteer import gazetteer

_CAP = re.compile(r"[A-Z\u00C0-\u024F][\w'’.-]*")
_DET = re.compile(r"^(?:the|a|an|this|that|these|those|itu|tersebut|seorang|sang|para)\s+", re.I)


@dataclass
class Parsed:
    """Result of parsing a source phrase."""

    entity: Optional[Entity]
    kind: str = "entity"        # entity | pronoun | group_pronoun | anaphora | surname


def _words_re(words) -> Optional[re.Pattern]:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")(?![\w-])", re.I)


@dataclass
class _Data:
    roles: dict
    role_re: Optional[re.Pattern]
    anon: list
    anon_res: list
    outlet_nouns_re: Optional[re.Pattern]
    anaphora_re: Optional[re.Pattern]
    pron_person: frozenset
    pron_group: frozenset
    unspecified: frozenset
    plural_re: Optional[re.Pattern]
    honorific_re: Optional[re.Pattern]
    conj_re: Optional[re.Pattern]
    outlet_words: frozenset = frozenset()
    government_res: tuple = ()


@lru_cache(maxsize=None)
def _data(lang: str) -> _Data:
    ent = _lang.load(lang, "attribution").get("entities", {})
    roles = {}
    for r in ent.get("roles", []):
        if isinstance(r, dict) and r.get("id"):
            roles[" ".join(r["id"].lower().split())] = r
    anon = [a for a in ent.get("anonymous", []) if isinstance(a, dict) and a.get("id")]
    return _Data(
        roles=roles,
        role_re=_words_re(roles),
        anon=anon,
        anon_res=[(_words_re([a["id"]]), a.get("en") or a["id"], bool(a.get("group", False))) for a in anon],
        outlet_nouns_re=_words_re(ent.get("outlet_nouns", [])),
        anaphora_re=_words_re(ent.get("outlet_anaphora", [])),
        pron_person=frozenset(w.lower() for w in ent.get("pronouns_person", [])),
        pron_group=frozenset(w.lower() for w in ent.get("pronouns_group", [])),
        unspecified=frozenset(w.lower() for w in ent.get("unspecified", [])),
        plural_re=_words_re(ent.get("plural_markers", [])),
        honorific_re=_words_re(ent.get("honorifics", [])),
        conj_re=_words_re(ent.get("conjunctions", [])),
        outlet_words=frozenset(w.lower() for w in ent.get("outlet_name_words", [])),
        government_res=tuple(_template_re(t) for t in ent.get("government_patterns", []) if "{name}" in t),
    )


def _template_re(template: str) -> re.Pattern:
    """"government of {name}" -> a regex with a group ``name``."""
    a, _, b = template.partition("{name}")
    esc = lambda x: r"\s+".join(map(re.escape, x.split(" "))) if x.strip() else ""
    pre = esc(a.strip()) + (r"\s+" if a.endswith(" ") else "")
    post = (r"\s+" if b.startswith(" ") else "") + esc(b.strip())
    return re.compile(pre + r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*)*?)" + post, re.I)


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
    d = _data(lang)
    g = gazetteer()
    clean = _clean(phrase)
    for rx in d.government_res:
        m = rx.fullmatch(clean)
        if m is None:
            continue
        name = m.group("name")
        words = name.split()
        if not words or _name_tail(words) != words or any(not w[:1].isupper() for w in words):
            continue
        canon = g.government(name) or next((c for c, dm in g.demonyms.items() if dm == name), None)
        label = canon or name
        return Entity(key=label, label=label, type="government", aliases=(phrase.strip(),) if phrase.strip() != label else ())
    return None


def clear_cache() -> None:
    """Forget compiled data (after changing GRAPHKIT_LANG_PATH)."""
    _data.cache_clear()


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:\"“”‘’'()")
    return _DET.sub("", text)


def _affiliations(text: str) -> list[str]:
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


def _country_of(name: str) -> Optional[str]:
    g = gazetteer()
    if name in g.demonyms:
        return name
    return g.capitals.get(name) or g.governments.get(name)


def _name_tail(words: list[str]) -> list[str]:
    """The trailing run of capitalised words (a person's name)."""
    out: list[str] = []
    for w in reversed(words):
        if _CAP.fullmatch(w) or (out and w.lower() in ("bin", "binti", "van", "von", "de", "al", "el")):
            out.insert(0, w)
        else:
            break
    return out


def _strip_honorifics(words: list[str], d: "_Data") -> list[str]:
    """Drop leading titles and ranks ("dr.", "Iptu", "Mr") from a name."""
    out = list(words)
    while len(out) > 2 and d.honorific_re is not None and d.honorific_re.fullmatch(out[0].rstrip(".")):
        out = out[1:]
    if len(out) == 2 and d.honorific_re is not None and d.honorific_re.fullmatch(out[0].rstrip(".")):
        out = out[1:]
    return out


def _entity_for_name(name: str) -> Entity:
    g = gazetteer()
    for look, typ in ((g.outlet, "outlet"), (g.government, "government"), (g.organization, "organization")):
        canon = look(name)
        if canon:
            return Entity(key=canon, label=canon, type=typ, aliases=(name,) if name != canon else ())
    return Entity(key=name, label=name, type="person" if len(name.split()) >= 2 else "unspecified")


def parse_source(text: str, lang: str = "en") -> Parsed:
    """Parse the wording of a source into an entity (see module doc)."""
    d = _data(lang)
    g = gazetteer()
    raw = " ".join(text.split()).strip(" ,.;:\"“”‘’'()")
    low = raw.lower()
    if not raw:
        return Parsed(None)
    if low in d.pron_person or low in ("nya",):
        return Parsed(None, "pronoun")
    if low in d.pron_group:
        return Parsed(None, "group_pronoun")
    if d.anaphora_re is not None and d.anaphora_re.fullmatch(raw):
        return Parsed(None, "anaphora")
    clean = _clean(raw)
    if "," in clean:   # appositive: "Hugh Hill, a doctor" / "Bupati X, Ratna Wati"
        head, _, rest = clean.partition(",")
        head_words = head.split()
        named = _strip_honorifics(rest.split(",")[0].split(), d)
        named_ok = (len(named) >= 2 and _name_tail(named) == named and not g.find_outlet(" ".join(named))
                    and not (d.role_re is not None and d.role_re.search(" ".join(named))))
        head_is_role = (len(head_words) >= 3 or (d.role_re is not None and d.role_re.search(head) is not None)
                        or _name_tail(head_words) != head_words)
        if named_ok and head_is_role:
            name = " ".join(named)
            ent = _entity_for_name(name)
            if ent.type in ("person", "unspecified"):
                return Parsed(Entity(key=name, label=name, type="person", role=_DET.sub("", head.strip()) or None))
            return Parsed(ent)
        if head_words and _name_tail(head_words) == head_words:
            inner = parse_source(head, lang)
            if inner.entity is not None and inner.kind == "entity" and inner.entity.role is None:
                e = inner.entity
                return Parsed(Entity(key=e.key, label=e.label, type=e.type, role=_DET.sub("", rest.strip(" ,")) or None,
                                     affiliation=e.affiliation))
            if inner.kind == "surname" and inner.entity is not None:
                return inner
        clean = head.strip()
    # a known outlet named anywhere in the phrase (with or without an outlet noun)
    hit = g.find_outlet(raw)
    if hit is not None and (d.outlet_nouns_re is None or d.outlet_nouns_re.search(raw) or hit[2] - hit[1] >= len(clean) - 1 or raw.endswith(raw[hit[1]:hit[2]])):
        return Parsed(Entity(key=hit[0], label=hit[0], type="outlet", aliases=(raw[hit[1]:hit[2]],)))
    gov = government_of(raw, lang)
    if gov is not None:
        return Parsed(gov)
    for look, typ in ((g.government, "government"), (g.organization, "organization")):
        canon = look(clean) or look(clean + ".") or look(raw)
        if canon:
            return Parsed(Entity(key=canon, label=canon, type=typ))
    # anonymous phrases
    for rx, label, group in d.anon_res:
        if rx is not None and rx.search(raw):
            affs = _affiliations(raw)
            return Parsed(Entity(key=label, label=label, type="person_group" if group else "person",
                                 anonymous=True, affiliation="; ".join(affs) or None))
    if low in d.unspecified:
        return Parsed(Entity(key=low, label=raw, type="unspecified", anonymous=True))
    # an unknown outlet named like one: "The Port Halvard Courier"
    words = clean.split()
    if d.outlet_words and len(words) >= 2 and _name_tail(words) == words and words[-1].lower() in d.outlet_words:
        return Parsed(Entity(key=clean, label=clean, type="outlet"))
    # outlet noun with an unknown outlet name: "the newspaper Foo Bar"
    if d.outlet_nouns_re is not None:
        m = d.outlet_nouns_re.search(clean)
        if m and (m.start() == 0 or _name_tail(clean[:m.start()].split()) == clean[:m.start()].split()):
            rest = _name_tail(clean[m.end():].split())
            if rest:
                name = " ".join(rest)
                return Parsed(Entity(key=name, label=name, type="outlet"))
    # roles
    if d.role_re is not None:
        roles = list(d.role_re.finditer(clean))
        if roles:
            rm = max(roles, key=lambda m: (len(m.group()), -m.start()))
            role = d.roles.get(" ".join(rm.group().lower().split()), {})
            before, after = clean[:rm.start()].strip(), clean[rm.end():].strip()
            first = min(m.start() for m in roles)
            role_text = clean[first:rm.end()].strip()
            after_words = after.split()
            name_words = _name_tail(after_words)
            affil_text = (before + " " + after).strip()
            # a known organisation/government at the start of the tail is an affiliation
            if name_words:
                for k in range(len(name_words) - 1, 0, -1):
                    head = " ".join(name_words[:k])
                    if g.organization(head) or g.government(head) or g.outlet(head):
                        name_words = name_words[k:]
                        break
                else:
                    if lang != "en" and len(name_words) >= 3 and not (d.conj_re and d.conj_re.search(after)):
                        name_words = name_words[-2:]
                if len(name_words) == len(after_words) or lang == "en" or len(name_words) >= 2:
                    name = " ".join(name_words)
                    if d.honorific_re is not None:
                        name = d.honorific_re.sub("", name).strip() or name
                    affil_words = after_words[: len(after_words) - len(name_words)]
                    affil = " ".join([before, " ".join(affil_words)]).strip(" ,") or None
                    if name and not (g.government(name) or g.place(name) or g.organization(name)):
                        canon_affs = _affiliations(affil or "")
                        return Parsed(Entity(key=name, label=name, type="person", role=role_text,
                                             affiliation=(affil if not canon_affs or len(canon_affs) > 1 else (g.organization(affil) or affil)) if affil else None))
            # role only: a label from the role and the affiliation
            affs = _affiliations(affil_text)
            plural = (len(affs) > 1 and role.get("unique") is False) or bool(d.plural_re and d.plural_re.search(clean)) \
                or (lang == "en" and rm.group().lower().endswith("s") and role.get("plural") == rm.group().lower())
            if role.get("unique", True) and not plural:
                country = next((c for c in map(_country_of, affs) if c), None)
                base = role.get("en") or rm.group().lower()
                if country:
                    label = f"{gazetteer().demonyms.get(country, country)} {base}"
                elif affs:
                    label = f"{affs[0]} {base}"
                else:
                    label = f"{base} ({affil_text})" if affil_text else base
                return Parsed(Entity(key=label, label=label, type="person", role=role_text,
                                     affiliation="; ".join(country and [country] or affs) or None))
            base = role.get("plural") if plural else role.get("en")
            base = base or rm.group().lower()
            label = f"{base} in {' and '.join(affs)}" if affs else base
            return Parsed(Entity(key=label, label=label, type="person_group" if plural else "person",
                                 anonymous=True, role=role_text, affiliation="; ".join(affs) or None))
    # a bare name
    words = clean.split()
    name_words = _name_tail(words)
    if name_words and len(name_words) == len(words):
        name = " ".join(name_words)
        if d.honorific_re is not None:
            name = d.honorific_re.sub("", name).strip() or name
        ent = _entity_for_name(name)
        if ent.type == "unspecified":
            return Parsed(ent, "surname")
        return Parsed(ent)
    if name_words and len(name_words) >= 2:
        name = " ".join(name_words)
        return Parsed(_entity_for_name(name))
    return Parsed(Entity(key=clean.lower(), label=clean, type="unspecified",
                         anonymous=not bool(name_words), affiliation="; ".join(_affiliations(clean)) or None))
