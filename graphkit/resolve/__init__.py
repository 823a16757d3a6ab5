"""Source resolution: fill ``Attribution.entity``, ``.via`` and ``.claim``.

>>> from graphkit.ingest import article_from_text
>>> from graphkit.extract import extract
>>> art = article_from_text("Reuters reported that officials in Manila said the bridge was hit.")
>>> atts = resolve(art, extract(art))
>>> [(a.entity.label, [v.label for v in a.via]) for a in atts]
[('Reuters', []), ('officials in Manila', ['Reuters'])]
"""
from __future__ import annotations

import re
from typing import Optional

from graphkit import lang as _lang
from graphkit.extract.lexicon import lexicon
from graphkit.records import Article, Attribution, Entity
from graphkit.resolve import entities as _entities
from graphkit.resolve import gazetteer as _gazetteer
from graphkit.resolve.chains import marker_outlets
from graphkit.resolve.claims import group_claims
from graphkit.resolve.coref import (common_words, full_name, last_entity, last_institution, last_outlet,
                                    looks_like_country, outlet_by_short_name, outlet_mentions, paren_aliases,
                                    person_names)
from graphkit.resolve.entities import NameContext, name_context, parse_source
from graphkit.resolve.gazetteer import gazetteer

__all__ = ["resolve", "clear_cache"]


def clear_cache() -> None:
    """Forget compiled data (after changing GRAPHKIT_LANG_PATH).

    >>> clear_cache()
    """
    _entities.clear_cache()
    _gazetteer.clear_cache()


def _outlet_entity(name: str) -> Entity:
    return Entity(key=name, label=name, type="outlet")


def _article_outlet(article: Article) -> Optional[str]:
    f = article.metadata.outlet if article.metadata else None
    if f is None:
        return None
    return gazetteer().outlet(f.value) or f.value


_NP_START = re.compile(r"[,;:.!?()“”\"]|\s[—–-]\s|\b(?:according to|menurut)\b", re.IGNORECASE)


def _last_np(phrase: str, lang: str) -> str:
    """The last noun phrase of a clause ("claims he was betrayed by the
    authorities" -> "the authorities"): the text after its last verb, cue or
    post-modifier word; the phrase itself when it holds none.

    >>> _last_np("claims he has been betrayed by the British authorities", "en")
    'the British authorities'
    """
    lex = lexicon(lang)
    cut = 0
    for rx in (lex.verb_re, lex.cue_re, lex.aux_re):
        if rx is not None:
            for m in rx.finditer(phrase):
                cut = max(cut, m.end())
    if cut == 0:
        return phrase
    d = _entities.lang_data(lang)
    if d.postmod_re is not None:
        for m in d.postmod_re.finditer(phrase, cut):
            cut = max(cut, m.end())
    rest = phrase[cut:].split()
    while rest and (d.postmod_re is not None and d.postmod_re.fullmatch(rest[0])
                    or rest[0].lower() in d.pron_person | d.pron_group):
        rest = rest[1:]
    return " ".join(rest)


def _antecedent(text: str, lang: str, pos: int, ends: dict, ctx: Optional[NameContext] = None,
                names: Optional[list] = None) -> Optional[Entity]:
    """"..., according to the agency, which said": a relative pronoun source
    is the noun phrase before its comma (an earlier source ending there, or
    that phrase parsed on its own).

    >>> _antecedent("Rain fell, according to the Weather Office, which said more.", "en", 44, {}).label
    'Weather Office'
    """
    p = pos
    while p > 0 and text[p - 1] in " \t":
        p -= 1
    if p == 0 or text[p - 1] != ",":
        return None
    p -= 1
    if p in ends:
        return ends[p]
    lo = max(0, p - 120)
    starts = [m.end() for m in _NP_START.finditer(text, lo, p)]
    phrase = _last_np(text[starts[-1] if starts else lo:p].strip(), lang)
    if not phrase or len(phrase.split()) > 10:
        return None
    parsed = parse_source(phrase, lang, ctx)
    if parsed.kind == "surname" and parsed.entity is not None and names:
        full = full_name(parsed.entity.label, names, pos)
        if full:
            return Entity(key=full, label=full, type="person", aliases=(parsed.entity.label,))
    return parsed.entity if parsed.kind not in ("pronoun", "group_pronoun", "anaphora") else None


def _known_person(ent: Entity, history: list[Entity]) -> Optional[Entity]:
    """A person already resolved that ``ent`` names again: by one of its
    aliases ("Gus Ipul" after "Saifullah Yusuf (Gus Ipul)"), or by the same
    name with no role or affiliation of its own.

    >>> prior = Entity(key="Ann Lee", label="Ann Lee", type="person", aliases=("Nan",))
    >>> _known_person(Entity(key="Nan", label="Nan", type="person"), [prior]).label
    'Ann Lee'
    """
    for e in reversed(history[-80:]):
        if e.type != "person":
            continue
        if ent.label in e.aliases or e.label in ent.aliases:
            return e
        if e.key == ent.key and e is not ent and ent.role is None and ent.affiliation is None:
            return e
    return None


def _same_institution(phrase: str, ent: Entity, history: list[Entity], lang: str) -> Optional[Entity]:
    """"the ministry", "Its foreign ministry": a definite description of an
    institution (no capitalised word after its first) is the last institution
    of the same type already resolved whose label has the same head noun.

    >>> prior = Entity(key="Veldora Foreign Ministry", label="Veldora Foreign Ministry", type="government")
    >>> _same_institution("the ministry", Entity(key="ministry", label="ministry", type="government"), [prior], "en").label
    'Veldora Foreign Ministry'
    """
    words = phrase.split()
    if any(w[:1].isupper() for w in words[1:]):
        return None
    head = _entities.find_head(phrase, lang)
    if head is None or head.kind != ent.type:
        return None
    want = head.text.lower()
    for e in reversed(history[-50:]):
        if e.type == ent.type and re.search(r"(?<!\w)" + re.escape(want) + r"(?!\w)", e.label, re.I):
            return e
    return None


def _entity_of(article: Article, lang: str, a: Attribution, history: list[Entity],
               names: list, mentions: list, cache: dict, ends: Optional[dict] = None,
               ctx: Optional[NameContext] = None) -> Optional[Entity]:
    ends = {} if ends is None else ends
    text = article.text
    if a.source is None:
        if a.cue.text.lower().endswith(tuple(lexicon(lang).suffixes)) and lexicon(lang).suffixes:
            return last_entity(history, group=False)
        return None
    lex = lexicon(lang)
    if lex.relative_re is not None and lex.relative_re.fullmatch(a.source.text):
        return _antecedent(text, lang, a.source.start, ends, ctx, names)
    parsed = parse_source(a.source.text, lang, ctx)
    if parsed.kind == "pronoun":
        return last_entity(history, group=False) or Entity(key=a.source.text.lower(), label=a.source.text, type="person", anonymous=True)
    if parsed.kind == "group_pronoun":
        return last_entity(history, group=True) or Entity(key=a.source.text.lower(), label=a.source.text, type="person_group", anonymous=True)
    if parsed.kind == "institution_pronoun":
        return last_institution(history) or Entity(key=a.source.text.lower(), label=a.source.text, type="unspecified")
    if parsed.kind == "anaphora":
        name = last_outlet(sorted(mentions), a.source.start)
        return _outlet_entity(name) if name else Entity(key=a.source.text.lower(), label=a.source.text, type="outlet")
    ent = parsed.entity
    if ent is not None and ent.type in ("person", "unspecified") and ent.label in cache.get("__aliases__", {}):
        # "Gus Dayat" after "Ahmad Hidayat (Gus Dayat)"
        full = cache["__aliases__"][ent.label]
        prior = next((e for e in reversed(history) if e.type == "person" and e.label == full), None)
        return prior or Entity(key=full, label=full, type="person", aliases=(ent.label,))
    if ent is not None and parsed.kind == "entity" and ent.type == "person":
        prior = _known_person(ent, history)
        if prior is not None:
            return prior
    if ent is not None and parsed.kind == "entity" and ent.type in ("organization", "government"):
        prior = _same_institution(a.source.text, ent, history, lang)
        if prior is not None:
            return prior
    if parsed.kind == "surname" and ent is not None:
        short = outlet_by_short_name(ent.label, mentions, a.source.start)
        if short is not None and (a.source.text[:1].islower() or not full_name(ent.label, names, a.source.start)):
            return _outlet_entity(short)  # "according to the Post": a known outlet's short name
        if ent.label in cache:
            return cache[ent.label]
        # "Oroval" after "Oroval Mining": the short name of an organisation already resolved
        inst = next((e for e in reversed(history) if e.type in ("organization", "government")
                     and len(e.label.split()) >= 2 and e.label.split()[0] == ent.label), None)
        if inst is not None:
            cache[ent.label] = inst
            return inst
        alias = next((e for e in reversed(history) if e.type == "person" and (ent.label in e.aliases or e.label == ent.label)), None)
        if alias is not None:
            cache[ent.label] = alias
            return alias
        known = [e.label for e in history if e.type == "person" and len(e.label.split()) >= 2
                 and ent.label in (e.label.split()[0], e.label.split()[-1])]
        full = max(known, key=lambda x: len(x.split())) if known else full_name(ent.label, names, a.source.start)
        if full and not known and full.split()[0] == ent.label and looks_like_country(ent.label, text, lang):
            full = None     # a country ("di Ostria") opening a title-case line, not a person's first name
        typed = _entities.name_type(full, lang) if full and not known else None
        if full and typed:
            out = Entity(key=full, label=full, type=typed, aliases=(ent.label,))
        elif full:
            out = Entity(key=full, label=full, type="person", aliases=(ent.label,))
        elif looks_like_country(ent.label, text, lang):
            out = Entity(key=ent.label, label=ent.label, type="government")   # "Ostria said"
        elif _entities.is_camel(ent.label, lang):
            out = Entity(key=ent.label, label=ent.label, type="organization")  # "CoinMarketCap said"
        else:
            out = next((e for e in reversed(history[-50:]) if e.type == "person" and e.label.endswith(" " + ent.label)),
                       Entity(key=ent.key, label=ent.label, type="person"))
        cache[ent.label] = out
        return out
    if ent is not None and ent.type == "outlet":
        label = _entities.outlet_without_place(ent.label, text, lang)
        if label != ent.label:
            ent = Entity(key=label, label=label, type="outlet", aliases=(ent.label,))
    return ent


def _initial_via(text: str, lex, a: Attribution) -> list[str]:
    """"Dikutip dari AFP, X menyatakan ...": a via marker opening the sentence."""
    if a.sentence is None or a.source is None or a.source.start <= a.sentence.start:
        return []
    lo = a.sentence.start
    if lex.via_re is None or lex.via_re.match(text, lo) is None:
        return []
    return marker_outlets(text, lex, lo, a.source.start)


def _via_phrase_outlets(text: str, lex, lo: int, hi: int) -> list[str]:
    out = []
    if lo >= hi:
        return out
    for m in lex.via_phrase_re.finditer(text, lo, hi):
        out += marker_outlets(text, lex, m.start(), min(hi, m.end() + 60))
    return out


def resolve(article: Article, attributions: list[Attribution]) -> list[Attribution]:
    """Resolve sources to entities, outlets in between, and claims (in place;
    returns the same list)."""
    if not attributions:
        return attributions
    lang = article.lang if article.lang in _lang.languages() else "en"
    lex = lexicon(lang)
    text = article.text
    ed = _entities.lang_data(lang)
    hon = _entities.entity_words(lang).get("honorifics", [])
    titles = frozenset(w for r in ed.roles for w in r.split()) | ed.title_words | frozenset(
        w.lower().rstrip(".") for w in hon if isinstance(w, str) and " " not in w) | frozenset(
        w for w in _lang.load(lang, "entities").get("name_openers", []) if isinstance(w, str) and " " not in w)
    common = common_words(text)
    names = person_names(text, common | frozenset(t for t in titles) | frozenset(t.capitalize() for t in titles))
    singles = [a.source.text.strip() for a in attributions if a.source is not None and len(a.source.text.split()) == 1]
    ctx = name_context(text, singles, lang)
    own = _article_outlet(article)
    mentions = outlet_mentions(text, own)
    cache: dict = {"__aliases__": paren_aliases(names, text)}
    ends: dict[int, Entity] = {}
    history: list[Entity] = []
    by_id = {a.id: a for a in attributions}
    for a in attributions:
        try:
            a.entity = _entity_of(article, lang, a, history, names, mentions, cache, ends, ctx)
        except Exception:  # never fail a whole article on one odd phrase
            a.entity = None
        if a.entity is not None:
            history.append(a.entity)
            if a.source is not None:
                ends[a.source.end] = a.entity
            if a.entity.type == "outlet" and a.source is not None and a.entity.key != own:
                mentions.append((a.source.start, a.entity.label))
    for a in attributions:
        via: list[Entity] = []
        outer = by_id.get(a.nested_in) if a.nested_in else None
        if outer is not None:
            via.extend(outer.via)
            if outer.entity is not None and outer.entity.type == "outlet":
                via.append(outer.entity)
        # markers near the cue/source: "dikutip dari X", "told X"
        if a.content:
            c0 = min(p.start for p in a.content)
            if c0 >= a.cue.end:
                lo, hi = a.cue.start, c0
            else:
                lo = a.cue.start if a.source is None else min(a.cue.start, a.source.start)
                hi = a.sentence.end if a.sentence is not None else min(len(text), a.cue.end + 120)
            found = _initial_via(text, lex, a) + marker_outlets(text, lex, lo, hi)
            if lex.via_phrase_re is not None and a.sentence is not None:
                # "X said A, as reported by Y": a via phrase after the content
                c1 = max(p.end for p in a.content)
                found += [n for n in _via_phrase_outlets(text, lex, max(hi, c1), a.sentence.end)]
            for name in found:
                if name != own and all(v.key != name for v in via) and (a.entity is None or a.entity.key != name):
                    via.append(_outlet_entity(name))
        a.via = [v for v in via if a.entity is None or v.key != a.entity.key]   # no outlet relays itself
    stop = frozenset(w.lower() for w in _lang.load(lang, "language").get("stopwords", []))
    title = article.metadata.title.value if article.metadata and article.metadata.title else ""
    group_claims(text, attributions, stop, title=title, lang=lang)
    return attributions
