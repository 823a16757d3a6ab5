"""A source's wording -> an :class:`Entity`: name, type, role, affiliation.

Roles and titles are split from names ("Juru Bicara Istana Rina Wati",
"White House spokeswoman Rina Wati" -> person "Rina Wati", role, affiliation
"White House"); known outlets, governments and organisations get their canonical
name; role-only sources get a label built from role and affiliation
("Menteri Luar Negeri Jepang" -> "Japanese foreign minister"); unnamed
sources are anonymous ("sources familiar with the matter").  A source's
head noun types it (``<lang>/entities.toml``: "the forestry ministry" ->
government, "The environmental group X" -> organization, "residents
downstream" -> person_group, none of them anonymous); company markers type
names ("Oroval Mining", "PT X Tbk").  Pronouns and
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
from typing import Optional

from graphkit.extract.lexicon import lexicon
from graphkit.records import Entity
from graphkit.resolve.entity_data import CAP, DET, LangData, clean_phrase, entity_words, lang_data
from graphkit.resolve.gazetteer import gazetteer
from graphkit.resolve.heads import (
    PAREN, affiliations_in, country_of, entity_for_name, find_head, government_of, head_entity,
    indefinite, name_type, plural_role)
from graphkit.resolve.names import (
    NameContext, drop_titles, is_camel, name_context, is_rank, name_list, name_tail, split_name,
    strip_honorifics, strip_openers, trailing_alias)

__all__ = ["Parsed", "parse_source", "clear_cache", "NameContext", "name_context", "split_name",
           "find_head", "name_type", "is_camel", "government_of", "lang_data", "entity_words"]


@dataclass
class Parsed:
    """Result of parsing a source phrase."""

    entity: Optional[Entity]
    kind: str = "entity"        # entity | pronoun | group_pronoun | anaphora | surname


def clear_cache() -> None:
    """Forget compiled data (after changing GRAPHKIT_LANG_PATH)."""
    lang_data.cache_clear()


def parse_source(text: str, lang: str = "en", ctx: Optional[NameContext] = None) -> Parsed:
    """Parse the wording of a source into an entity (see module doc); ``ctx``
    holds name evidence of the whole article (:func:`name_context`).

    >>> parse_source("Menteri Sosial Saifullah Yusuf (Gus Ipul)", "id").entity.aliases
    ('Gus Ipul',)
    >>> parse_source("he'd").kind
    'pronoun'
    """
    d = lang_data(lang)
    g = gazetteer()
    raw = " ".join(text.split()).strip(" ,.;:\"“”‘’'")
    raw, aliases = trailing_alias(raw, d)
    raw = strip_openers(raw.strip(" ,.;:\"“”‘’'()"), d)
    low = raw.lower()
    if not raw:
        return Parsed(None)
    for suf in d.pronoun_suffixes:
        if low.endswith(suf) and low[: -len(suf)] in d.pron_person | d.pron_group:
            low = low[: -len(suf)]
            raw = raw[: len(low)]
            break
    parsed = _parse(raw, low, lang, d, g, ctx, aliases)
    if aliases and parsed.entity is not None and parsed.entity.type != "unspecified":
        e = parsed.entity
        if not set(aliases) <= set(e.aliases):
            e.aliases = tuple(dict.fromkeys((*e.aliases, *aliases)))
    return parsed


def _parse(raw: str, low: str, lang: str, d: "LangData", g, ctx: Optional[NameContext], aliases: tuple) -> Parsed:
    if low in d.pron_person or low in ("nya",):
        return Parsed(None, "pronoun")
    if low in d.pron_group:
        return Parsed(None, "group_pronoun")
    if low in d.pron_institution:
        return Parsed(None, "institution_pronoun")
    if d.anaphora_re is not None and d.anaphora_re.fullmatch(raw):
        return Parsed(None, "anaphora")
    clean = clean_phrase(raw)
    person = _name_of_org(clean, lang, d, g)
    if person is not None:
        return Parsed(person)
    if "," in clean:   # appositive: "Hugh Hill, a doctor" / "Bupati X, Ratna Wati"
        head, _, rest = clean.partition(",")
        if re.fullmatch(r"[\d\s,]*(?:tahun|years? old)?[\s,]*", rest, re.I):
            return _parse(head.strip(), head.strip().lower(), lang, d, g, ctx, aliases)   # "Ann Lee, 50"
        head_words = head.split()
        named = strip_honorifics(rest.split(",")[0].split(), d)
        while len(named) > 2 and name_tail(named) == named and d.role_re is not None and d.role_re.fullmatch(named[0]):
            named = named[1:]        # "..., Professor Ann Lee"
        if name_tail(named) != named:
            # "X's predecessor, former Gov. Ann Lee": lower-case words, then titles, then the name
            tail = name_tail(named)
            lead = named[: len(named) - len(tail)]
            while tail and ((d.role_re is not None and d.role_re.fullmatch(tail[0]))
                            or (d.honorific_re is not None and d.honorific_re.fullmatch(tail[0].rstrip(".")))):
                tail = tail[1:]
            # ("Dr Ann Lee, a surgeon at X Hospital": a name after a post-modifier is an affiliation)
            if len(tail) >= 2 and all(w[:1].islower() for w in lead) \
                    and not (lead and d.postmod_re is not None and d.postmod_re.fullmatch(lead[-1])):
                named = tail
        named_ok = (len(named) >= 2 and name_tail(named) == named and not g.find_outlet(" ".join(named))
                    and not (d.role_re is not None and d.role_re.search(" ".join(named))))
        first_rest = rest.split()[:1]
        name_then_role = name_tail(head_words) == head_words and bool(first_rest) and first_rest[0].islower() \
            and d.role_re is not None and d.role_re.fullmatch(first_rest[0]) is not None \
            and not (d.role_re.search(head) is not None)        # "Jhony Nababan, pengacara Lisa Mariana"
        head_is_role = not name_then_role and (
            len(head_words) >= 3 or (d.role_re is not None and d.role_re.search(head) is not None)
            or name_tail(head_words) != head_words)
        if named_ok and head_is_role:
            name = " ".join(named)
            ent = entity_for_name(name, lang)
            hh = find_head(head, lang)
            # the words around the head noun: lower case only ("The operator", "perusahaan itu")
            # the head noun closes (English) or opens (Indonesian) the part before the comma,
            # the other words are lower case ("The operator", "perusahaan itu")
            before = [w for w in head[:hh.start].split() if not DET.match(w + " ")] if hh else []
            after_h = head[hh.end:].split() if hh else []
            at_edge = hh is not None and (not after_h if d.head_last else not before)
            if ent.type in ("person", "unspecified") and hh is not None and hh.kind in ("organization", "government") \
                    and at_edge and not (d.role_re is not None and d.role_re.search(head)) \
                    and not any(w[:1].isupper() for w in before + after_h):
                return Parsed(Entity(key=name, label=name, type=hh.kind))   # "The operator, Nordvik Ferries"
            if ent.type in ("person", "unspecified"):
                return Parsed(Entity(key=name, label=name, type="person", role=DET.sub("", head.strip()) or None))
            return Parsed(ent)
        if head_words and name_tail(head_words) == head_words:
            inner = parse_source(head, lang, ctx)
            if inner.entity is not None and inner.kind == "entity" and inner.entity.role is None:
                e = inner.entity
                return Parsed(Entity(key=e.key, label=e.label, type=e.type, role=DET.sub("", rest.strip(" ,")) or None,
                                     affiliation=e.affiliation))
            if inner.kind == "surname" and inner.entity is not None:
                return inner
        clean = head.strip()
    # a known outlet named anywhere in the phrase (with or without an outlet noun),
    # unless it stands in a post-modifier of a person head ("economists polled by Reuters")
    hit = g.find_outlet(raw)
    if hit is not None and hit[1] > 0:
        prev = raw[:hit[1]].split()
        if prev and CAP.fullmatch(prev[-1]) and not DET.match(prev[-1] + " ") \
                and not (d.outlet_nouns_re is not None and d.outlet_nouns_re.search(raw)) \
                and not prev[-1].endswith(("'s", "’s")) and raw[hit[2]:].strip() == "":
            hit = None       # the last word of a person's name that is also an outlet's short name
    rhead = find_head(raw, lang)
    if hit is not None and rhead is not None and rhead.kind in ("role", "group", "person") and rhead.end <= hit[1] \
            and d.postmod_re is not None and d.postmod_re.search(raw, rhead.end, hit[1]):
        hit = None
    if hit is not None and (d.outlet_nouns_re is None or d.outlet_nouns_re.search(raw) or hit[2] - hit[1] >= len(clean) - 1 or raw.endswith(raw[hit[1]:hit[2]])):
        return Parsed(Entity(key=hit[0], label=hit[0], type="outlet", aliases=(raw[hit[1]:hit[2]],)))
    gov = government_of(raw, lang)
    if gov is not None:
        return Parsed(gov)
    for look, typ in ((g.government, "government"), (g.organization, "organization")):
        canon = look(clean) or look(clean + ".") or look(raw)
        if canon:
            return Parsed(Entity(key=canon, label=canon, type=typ))
    # a capitalised name typed by a company marker or an institution head ("PT Sumber Makmur Tbk"),
    # before anonymity phrases that may be words of such names ("sumber")
    words = clean.split()
    opens_role = d.role_re is not None and d.role_re.match(clean) is not None
    if len(words) >= 2 and name_tail(words) == words and not opens_role:
        typed = name_type(clean, lang)
        if typed is not None:
            return Parsed(Entity(key=clean, label=clean, type=typed))
    # anonymous phrases
    for rx, label, group in d.anon_res:
        if rx is not None and rx.search(raw):
            affs = affiliations_in(raw)
            # "two officials who spoke on condition of anonymity": a plural marker or a plural role makes a group
            group = group or bool(d.plural_re is not None and d.plural_re.search(raw)) or any(
                plural_role(d.roles.get(" ".join(m.group().lower().split()), {}), m.group())
                for m in (d.role_re.finditer(raw) if d.role_re is not None else ()))
            return Parsed(Entity(key=label, label=label, type="person_group" if group else "person",
                                 anonymous=True, affiliation="; ".join(affs) or None))
    if low in d.unspecified:
        return Parsed(Entity(key=low, label=raw, type="unspecified", anonymous=True))
    # an unknown outlet named like one: "The Port Halvard Courier"
    words = clean.split()
    if d.outlet_words and len(words) >= 2 and name_tail(words) == words and words[-1].lower() in d.outlet_words:
        return Parsed(Entity(key=clean, label=clean, type="outlet"))
    # outlet noun with an unknown outlet name: "the newspaper Foo Bar"
    if d.outlet_nouns_re is not None:
        m = d.outlet_nouns_re.search(clean)
        if m and d.role_re is not None and d.role_re.search(clean, 0, m.start()):
            m = None
        pre = clean[:m.start()].split() if m else []
        if m and (m.start() == 0 or name_tail(pre) == pre or len(pre) <= 3):
            # ("the state broadcaster X", "the Mazorini state news agency X": modifiers before the noun)
            rest = name_tail(clean[m.end():].split())
            tail = raw.rsplit(",", 1)[1].split() if "," in raw else []
            if 1 <= len(tail) <= 4 and all(w[:1].isupper() for w in tail):
                rest = tail     # "kantor berita resmi Senmara, SNA": the appositive is the name
            if rest:
                name = " ".join(rest)
                return Parsed(Entity(key=name, label=name, type="outlet"))
    coord = _coordinated(clean, lang, d, ctx)
    if coord is not None:
        return Parsed(coord)
    # a head noun typing the source: a government body, an organisation, a group, a person
    head = find_head(clean, lang)
    if head is not None and head.kind != "role":
        ent = head_entity(clean, raw, head, d, lang)
        if ent is not None:
            return Parsed(ent)
    # roles
    if d.role_re is not None:
        clean = " ".join(PAREN.sub(" ", clean).split())
        roles = list(d.role_re.finditer(clean))
        if roles:
            rm = max(roles, key=lambda m: (len(m.group()), -m.start()))
            role = d.roles.get(" ".join(rm.group().lower().split()), {})
            before, after = clean[:rm.start()].strip(), clean[rm.end():].strip()
            first = min(m.start() for m in roles)
            role_end = rm.end()
            while d.role_mod_re is not None:
                mm = d.role_mod_re.match(clean, role_end + 1) if clean[role_end:role_end + 1] == " " else None
                if mm is None:
                    break
                role_end = mm.end()
            role_text = clean[first:role_end].strip()
            after = clean[role_end:].strip()
            after_words = after.split()
            pm = next((i for i, w in enumerate(after_words) if d.postmod_re is not None and d.postmod_re.fullmatch(w)), None)
            if pm is not None and pm >= 2 and name_tail(after_words[:pm]) == after_words[:pm] \
                    and pm + 1 < len(after_words):
                # "analyst Kylie Brandt of Ironbark Securities": the name, then its affiliation
                name = drop_titles(after_words[:pm], d)
                org = " ".join(after_words[pm + 1:])
                if name and not (g.government(name) or g.place(name) or g.organization(name) or g.outlet(name)
                                 or name_type(name, lang)):
                    return Parsed(Entity(key=name, label=name, type="person", role=role_text,
                                         affiliation=g.organization(org) or g.government(org) or org))
            name_words = name_tail(after_words)
            affil_text = (before + " " + after).strip()
            # a known organisation/government at the start of the tail is an affiliation
            if name_words:
                for k in range(len(name_words) - 1, 0, -1):
                    head = " ".join(name_words[:k])
                    if g.organization(head) or g.government(head) or g.outlet(head):
                        name_words = name_words[k:]
                        break
                if not d.head_last:
                    name_words = split_name(name_words, lang, ctx)[1]
                if name_words and (len(name_words) == len(after_words) or lang == "en" or len(name_words) >= 2
                                   or not d.head_last):
                    name = drop_titles(name_words, d)
                    affil_words = after_words[: len(after_words) - len(name_words)]
                    affil_words = [w for i, w in enumerate(affil_words) if not is_rank(affil_words, i, d)]
                    affil = " ".join([before, " ".join(affil_words)]).strip(" ,") or None
                    # "a spokesperson for the X Authority", "analysts at Y Bank": a name in a
                    # post-modifier, or one typed as an institution, is an affiliation
                    in_postmod = bool(affil_words) and d.postmod_re is not None and any(
                        d.postmod_re.fullmatch(w) for w in affil_words)
                    if name and not (g.government(name) or g.place(name) or g.organization(name) or g.outlet(name)
                                     or in_postmod or name_type(name, lang)):
                        canon_affs = affiliations_in(affil or "")
                        return Parsed(Entity(key=name, label=name, type="person", role=role_text,
                                             affiliation=(affil if not canon_affs or len(canon_affs) > 1 else (g.organization(affil) or affil)) if affil else None))
            # role only: a label from the role and the affiliation
            affs = affiliations_in(affil_text)
            plural = (len(affs) > 1 and role.get("unique") is False) or bool(d.plural_re and d.plural_re.search(clean)) \
                or (lang == "en" and rm.group().lower().endswith("s") and role.get("plural") == rm.group().lower()) \
                or (d.bare_plural and role.get("unique") is False and not indefinite(raw, d)
                    and not (d.singular_re is not None and d.singular_re.search(clean)))
            if role.get("unique", True) and not plural:
                country = next((c for c in map(country_of, affs) if c), None)
                base = role.get("en") or rm.group().lower()
                if country:
                    label = f"{gazetteer().demonyms.get(country, country)} {base}"
                elif affs:
                    label = f"{affs[0]} {base}"
                else:
                    label = f"{base} ({affil_text})" if affil_text else base
                return Parsed(Entity(key=label, label=label, type="person", role=role_text, anonymous=indefinite(raw, d),
                                     affiliation="; ".join(country and [country] or affs) or None))
            base = role.get("plural") if plural else role.get("en")
            base = base or rm.group().lower()
            label = f"{base} in {' and '.join(affs)}" if affs else base
            return Parsed(Entity(key=label, label=label, type="person_group" if plural else "person",
                                 anonymous=True, role=role_text, affiliation="; ".join(affs) or None))
    # a bare name
    words = clean.split()
    group = name_list(clean, d)
    if group is not None:
        return Parsed(group)
    name_words = name_tail(words)
    affil = None
    poss = [i for i, w in enumerate(name_words[:-1]) if w.endswith(("'s", "’s"))]
    if poss and len(name_words) - poss[-1] - 1 <= 3:
        # "The Fabian Society's Ann Lee": the part before the possessive is an affiliation
        k = poss[-1]
        org = " ".join(name_words[:k + 1])[:-2]
        affil = g.organization(org) or g.government(org) or g.outlet(org) or org
        words = name_words = name_words[k + 1:]
    elif len(name_words) >= 3 and len(name_words) == len(words):
        for k in (2, 1):
            org = " ".join(name_words[:k])
            if g.organization(org) or g.government(org):
                affil = g.organization(org) or g.government(org)      # "Tory Liam Fox"
                words = name_words = name_words[k:]
                break
    if name_words and len(name_words) == len(words):
        name = drop_titles(name_words, d)
        ent = entity_for_name(name, lang)
        if ent.type == "organization" and ctx is not None and ctx.expand(name):
            # an acronym of a name the article writes out ("the JCS" after "the Joint Chiefs of Staff")
            full = parse_source(ctx.expand(name) or "", lang).entity
            if full is not None and full.type in ("government", "outlet"):
                ent = Entity(key=ent.key, label=ent.label, type=full.type, aliases=(full.label,))
        if affil and ent.type == "person" and ent.affiliation is None:
            ent.affiliation = affil
        if ent.type == "unspecified":
            return Parsed(ent, "surname")
        return Parsed(ent)
    if name_words and len(name_words) >= 2:
        name = " ".join(name_words)
        return Parsed(entity_for_name(name, lang))
    return Parsed(Entity(key=clean.lower(), label=clean, type="unspecified",
                         anonymous=not bool(name_words), affiliation="; ".join(affiliations_in(clean)) or None))


def _coordinated(clean: str, lang: str, d: "LangData", ctx: Optional[NameContext]) -> Optional[Entity]:
    """Institutions joined by a conjunction ("the defence ministry and the
    Pentagon"): one source, typed as its first part, when every part is a
    government body or an organisation; None otherwise ("Police and
    residents", "Ann Lee and Acme")."""
    if d.conj_re is None or not d.conj_re.search(clean):
        return None
    parts = [p.strip(" ,") for p in d.conj_re.split(clean) if p.strip(" ,")]
    if len(parts) < 2:
        return None
    types = []
    for p in parts:
        e = parse_source(p, lang, ctx).entity
        if e is None or e.type not in ("government", "organization"):
            return None
        types.append(e.type)
    label = PAREN.sub("", clean).strip(" ,") or clean
    return Entity(key=label, label=label, type=types[0])


def outlet_without_place(label: str, text: str, lang: str = "en") -> str:
    """An outlet's name without the place word in front of it ("Surat kabar
    Tarvania Dnevni Glas", "stasiun televisi Valmora VTV"): the first word goes
    when the text names it on its own elsewhere (three words or more), or when
    the rest is one word that is no outlet-name word ("Post", "Times").

    >>> outlet_without_place("Valmora VTV", "Valmora menolak. Valmora VTV melaporkan.", "id")
    'VTV'
    >>> outlet_without_place("Jakarta Post", "Di Jakarta, Jakarta Post melaporkan.", "en")
    'Jakarta Post'
    >>> outlet_without_place("Le Monde", "Le président ... Le Monde reported.", "en")
    'Le Monde'
    """
    words = label.split()
    if len(words) < 2 or gazetteer().find_outlet(label) is not None:
        return label        # a known outlet's name stays whole ("Le Monde")
    first, second = words[:2]
    alone = re.search(r"(?<!\w)" + re.escape(first) + r"(?!\w)(?!\s+" + re.escape(second) + r")", text)
    if alone is None:
        return label
    if len(words) == 2 and second.lower() in lang_data(lang).outlet_words:
        return label
    return label[len(first):].strip()


def _name_of_org(clean: str, lang: str, d: "LangData", g) -> Optional[Entity]:
    """"Andi Wijaya dari LSM Cahaya", "Ann Lee of the Green Party": a bare
    personal name (two or three capitalised words, or one) and a post-modifier
    naming its organisation.

    >>> _name_of_org("Andi dari LSM Cahaya", "id", lang_data("id"), gazetteer()).label
    'Andi'
    >>> _name_of_org("Residents of Kessu", "en", lang_data("en"), gazetteer()) is None
    True
    """
    words = clean.split()
    pm = next((i for i, w in enumerate(words) if d.postmod_re is not None and d.postmod_re.fullmatch(w)), None)
    if pm is None or not 1 <= pm <= 3 or pm + 1 >= len(words) or not words[pm].islower() or len(words[pm]) > 4:
        return None         # (prepositions only: not "based", "polled")
    name_words = words[:pm]
    if name_tail(name_words) != name_words or any(w.isupper() for w in name_words):
        return None
    h = find_head(clean, lang)
    if (h is not None and h.start < len(" ".join(name_words))) or g.organization(clean) or g.government(clean):
        return None         # "Joint Chiefs of Staff", "Bank of England": one institution's name
    name = " ".join(name_words)
    if find_head(name, lang) is not None or g.government(name) or g.place(name) or g.organization(name) \
            or g.outlet(name) or name_type(name, lang) or (d.role_re is not None and d.role_re.search(name)):
        return None
    oh = find_head(" ".join(words[pm + 1:]), lang)
    if oh is not None and oh.kind in ("role", "group", "person"):
        return None         # "Nine of 14 economists polled by Reuters"
    org_words = words[pm + 1:]
    while org_words and org_words[0].lower() in lexicon(lang).determiners:
        org_words = org_words[1:]
    if not any(w[:1].isupper() for w in org_words):
        return None
    org = " ".join(org_words)
    name = drop_titles(name_words, d) or name
    return Entity(key=name, label=name, type="person", affiliation=g.organization(org) or g.government(org) or org)

