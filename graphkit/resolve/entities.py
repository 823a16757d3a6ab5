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
from dataclasses import dataclass, field
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
    heads: dict = field(default_factory=dict)           # lower head phrase -> kind
    head_re: Optional[re.Pattern] = None
    head_last: bool = True
    postmod_re: Optional[re.Pattern] = None
    company_markers: frozenset = frozenset()
    indefinite_re: Optional[re.Pattern] = None
    person_det_re: Optional[re.Pattern] = None
    pron_institution: frozenset = frozenset()
    country_preps: tuple = ()
    demonym_suffixes: tuple = ()
    role_mod_re: Optional[re.Pattern] = None
    title_words: frozenset = frozenset()
    opener_re: Optional[re.Pattern] = None
    place_markers: tuple = ()
    camel_prefixes: tuple = ()
    pronoun_suffixes: tuple = ()


@dataclass(frozen=True)
class NameContext:
    """What the whole article tells about names: ``hints`` are words used on
    their own as a person's name ("Dedie" after "Wali Kota Bogor Dedie A
    Rachim": the name starts there), ``places`` capitalised words written after
    a place marker or an institution head ("di Bogor", "Partai Gerindra": an
    affiliation, not a name).  Built by :func:`name_context`."""

    hints: frozenset = frozenset()
    places: frozenset = frozenset()


def _entity_data(lang: str) -> dict:
    """The [entities] table of ``attribution.toml`` merged with ``entities.toml``
    (lists concatenated, the latter's values winning for other keys)."""
    out = dict(_lang.load(lang, "attribution").get("entities", {}))
    for k, v in _lang.load(lang, "entities").items():
        if isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


def _head_table(ent: dict, roles: dict) -> dict:
    """Lower-cased head phrase -> kind ("role", "government", "organization",
    "group", "person"); the typing lists win over a role of the same wording
    ("police")."""
    heads = {k: "role" for k in roles}
    for key, kind in (("person_nouns", "person"), ("group_nouns", "group"),
                      ("organization_heads", "organization"), ("government_heads", "government")):
        for w in ent.get(key, []):
            if isinstance(w, str) and w.strip():
                heads[" ".join(w.lower().split())] = kind
    return heads


@lru_cache(maxsize=None)
def _data(lang: str) -> _Data:
    ent = _entity_data(lang)
    roles = {}
    for r in ent.get("roles", []):
        if isinstance(r, dict) and r.get("id"):
            roles[" ".join(r["id"].lower().split())] = r
    anon = [a for a in ent.get("anonymous", []) if isinstance(a, dict) and a.get("id")]
    heads = _head_table(ent, roles)
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
        heads=heads,
        head_re=_words_re(heads),
        head_last=str(ent.get("head_position", "last")).lower() != "first",
        postmod_re=_words_re(ent.get("postmodifiers", [])),
        company_markers=frozenset(w for w in ent.get("company_markers", []) if isinstance(w, str)),
        indefinite_re=_words_re(ent.get("indefinite", [])),
        person_det_re=_words_re(ent.get("person_determiners", [])),
        pron_institution=frozenset(w.lower() for w in ent.get("pronouns_institution", [])),
        country_preps=tuple(w.lower() for w in ent.get("country_prepositions", [])),
        demonym_suffixes=tuple(ent.get("demonym_suffixes", [])),
        role_mod_re=_words_re(ent.get("role_modifiers", [])),
        title_words=frozenset(w.lower() for w in ent.get("title_words", []) if isinstance(w, str)),
        opener_re=_words_re(ent.get("name_openers", [])),
        place_markers=tuple(w.lower() for w in ent.get("place_markers", []) if isinstance(w, str) and w.strip()),
        camel_prefixes=tuple(w for w in ent.get("camel_name_prefixes", []) if isinstance(w, str) and w),
        pronoun_suffixes=tuple(w for w in ent.get("pronoun_suffixes", []) if isinstance(w, str) and w),
    )


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def name_context(text: str, single_names: "list[str] | tuple[str, ...]" = (), lang: str = "en") -> NameContext:
    """Name evidence of an article: ``single_names`` (one-word sources, "Dedie")
    become hints; capitalised words after a place marker, a country
    preposition or an institution head of the language data become places.

    >>> c = name_context("Warga di Bogor antre. Kata Dedie, aman.", ["Dedie", "KPK"], "id")
    >>> sorted(c.hints), sorted(c.places)
    (['Dedie'], ['Bogor'])
    """
    d = _data(lang)
    hints = frozenset(w for w in single_names if _CAP.fullmatch(w) and not w.isupper())
    preps = set(d.place_markers) | set(d.country_preps)
    heads = {h for h, k in d.heads.items() if k in ("government", "organization") and " " not in h}
    places = set()
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    for i, (w, _, e) in enumerate(words[:-1]):
        nxt, p, q = words[i + 1]
        lw = w.lower().rstrip(".")
        if not (lw in preps or lw in heads) or not _CAP.fullmatch(nxt) or nxt in hints or text[e:p].strip():
            continue
        # after an institution head only a lone capitalised word ("Partai Gerindra menolak"),
        # not the first of a longer run ("Istana Rina Wati": a name may follow a head)
        after = words[i + 2] if i + 2 < len(words) else None
        if lw in heads and lw not in preps and after is not None and not text[q:after[1]].strip() \
                and _CAP.fullmatch(after[0]):
            continue
        places.add(nxt.rstrip(".,"))
    return NameContext(hints=hints, places=frozenset(places))


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


def _drop_titles(words: list[str], d: "_Data") -> str:
    """A name without its ranks and honorifics ("Mr. Ann Lee" -> "Ann Lee")."""
    kept = [w for i, w in enumerate(words) if not _is_rank(words, i, d)
            and not (i + 1 < len(words) and _is_rank(words, i + 1, d) and d.honorific_re is not None
                     and d.honorific_re.fullmatch(words[i] + " " + words[i + 1].rstrip(".")))]
    return " ".join(kept or words)


def _name_list(clean: str, d: "_Data") -> Optional[Entity]:
    """"Mr. Ann Lee and Mr. Bo Ray": names joined by a conjunction are a group."""
    if d.conj_re is None or not d.conj_re.search(clean):
        return None
    parts = [p.strip(" ,") for p in d.conj_re.split(clean.replace(",", " , "))]
    parts = [p for q in parts for p in q.split(" , ") if p.strip(" ,")]
    names = []
    for p in parts:
        ws = p.strip(" ,").split()
        if not ws or _name_tail(ws) != ws or len(ws) > 4:
            return None
        names.append(_drop_titles(ws, d))
    if len(names) < 2 or any(gazetteer().government(n) or gazetteer().organization(n) or gazetteer().outlet(n)
                             for n in names):
        return None
    label = " and ".join(names)
    return Entity(key=label, label=label, type="person_group")


def _strip_honorifics(words: list[str], d: "_Data") -> list[str]:
    """Drop leading titles and ranks ("dr.", "Iptu", "Mr") from a name."""
    out = list(words)
    while len(out) > 2 and d.honorific_re is not None and d.honorific_re.fullmatch(out[0].rstrip(".")):
        out = out[1:]
    if len(out) == 2 and d.honorific_re is not None and d.honorific_re.fullmatch(out[0].rstrip(".")):
        out = out[1:]
    return out


def _is_rank(words: list[str], i: int, d: "_Data") -> bool:
    """Whether words[i] is a rank or title (alone or closing a two-word one: "Kombes Pol")."""
    if d.honorific_re is None:
        return False
    w = words[i].rstrip(".")
    return bool(d.honorific_re.fullmatch(w) or (i > 0 and d.honorific_re.fullmatch(words[i - 1] + " " + w)))


def _name_like(w: str, d: "_Data", ctx: Optional[NameContext]) -> bool:
    """Whether a capitalised word may be part of a person's name (not an
    acronym, a title or portfolio word, a role, a known or local place)."""
    g = gazetteer()
    core = w.strip(",")
    if len(core) > 1 and core.replace(".", "").isupper():
        return False                      # "KPK", "DIY", "RI"
    low = core.lower()
    if low in d.title_words or (d.role_re is not None and d.role_re.fullmatch(core)):
        return False
    if d.role_mod_re is not None and d.role_mod_re.fullmatch(core):
        return False
    if g.government(core) or g.place(core) or g.organization(core) or g.outlet(core):
        return False
    if ctx is not None and core in ctx.places and core not in ctx.hints:
        return False
    return True


def split_name(words: list[str], lang: str = "en", ctx: Optional[NameContext] = None,
               max_words: int = 2) -> tuple[list[str], list[str]]:
    """Split the capitalised words after a role into (affiliation, name):
    the name starts after the last rank ("Kombes Pol"), else at a word the
    article uses on its own as a name (``ctx.hints``), else it is the trailing
    run of name-like words (at most ``max_words`` of them besides initials).

    >>> split_name("Bogor Kota Kombes Pol Eko Prasetyo".split(), "id")
    (['Bogor', 'Kota'], ['Eko', 'Prasetyo'])
    >>> split_name("Keuangan Purbaya Yudhi Sadewa".split(), "id")
    (['Keuangan'], ['Purbaya', 'Yudhi', 'Sadewa'])
    >>> split_name("Komunikasi BI Ramdan Denny Prakoso".split(), "id", NameContext(hints=frozenset({"Ramdan"})))
    (['Komunikasi', 'BI'], ['Ramdan', 'Denny', 'Prakoso'])
    """
    d = _data(lang)
    n = len(words)
    if not n:
        return [], []
    ranks = [i for i in range(n) if _is_rank(words, i, d)]
    if ranks and ranks[-1] < n - 1:
        k = ranks[-1]
        return [w for i, w in enumerate(words[:k]) if not _is_rank(words, i, d)], words[k + 1:]
    if ctx is not None and ctx.hints:
        for i in range(n - 1):
            if words[i] in ctx.hints and n - i <= 4 and all(_name_like(w, d, None) for w in words[i:]):
                return words[:i], words[i:]
    j, count, stopped = n, 0, False
    initial_end = n >= 2 and len(words[-1].rstrip(".")) == 1 and words[-1][:1].isupper()
    if initial_end:
        max_words = 1                       # "Lukas W.": a given name and an initial
    while j > 0:
        w = words[j - 1]
        if not _name_like(w, d, ctx):
            stopped = True
            break
        if len(w.rstrip(".")) == 1:
            j -= 1
            continue
        if count == max_words:
            break
        count += 1
        j -= 1
    if not stopped and count == max_words and j > 0 and not initial_end:
        # no boundary: look further left for one within three name words
        k, c = j, count
        while k > 0 and c < 3 and _name_like(words[k - 1], d, ctx) and len(words[k - 1].rstrip(".")) > 1:
            k -= 1
            c += 1
        if k > 0 and not _name_like(words[k - 1], d, ctx):
            return words[:k], words[k:]
    return words[:j], words[j:]


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
    d = _data(lang)
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
        d = _data(lg)
        nxt = d.postmod_re.search(name, h.end) if d.postmod_re is not None else None
        if not name[h.end:(nxt.start() if nxt else len(name))].strip() if d.head_last else h.start == 0:
            return h.kind
    words = name.replace(",", " ").split()
    for lg in dict.fromkeys([lang, *_lang.languages()]):
        if words and {words[0], words[-1]} & _data(lg).company_markers:
            return "organization"
    return None


def _entity_for_name(name: str, lang: str = "en") -> Entity:
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


def is_camel(name: str, lang: str = "en") -> bool:
    """A single CamelCase word ("CoinMarketCap"): a company or product, not a
    person, unless it opens with a name prefix of the language data ("McCain").

    >>> is_camel("CoinMarketCap"), is_camel("McCain"), is_camel("Lee")
    (True, False, False)
    """
    if " " in name or not re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+", name):
        return False
    prefixes = {p for lg in dict.fromkeys([lang, *_lang.languages()]) for p in _data(lg).camel_prefixes}
    return not any(name.startswith(p) and name[len(p):][:1].isupper() for p in prefixes)


def _plural_role(role: dict, word: str) -> bool:
    """Whether ``word`` is the plural form of ``role`` (and not also its singular: "police")."""
    w = " ".join(word.lower().split())
    return role.get("plural") == w and role.get("en") != w


def _indefinite(raw: str, d: "_Data") -> bool:
    """Whether the phrase opens with an indefinite determiner ("a", "seorang")."""
    return d.indefinite_re is not None and d.indefinite_re.match(raw) is not None


_PAREN = re.compile(r"\s*\([^()]*\)")


def _head_entity(clean: str, raw: str, head: Head, d: "_Data", lang: str) -> Optional[Entity]:
    """A source typed by its head noun: a government body or an organisation
    (never anonymous), a group of ordinary people, or an unnamed person; None
    when the phrase names a person after all ("police chief Ann Lee")."""
    after = clean[head.end:].split()
    tail = _name_tail(after)
    between = after[: len(after) - len(tail)]
    if d.honorific_re is not None and any(d.honorific_re.fullmatch(w.rstrip(".")) for w in after):
        return None          # a rank before a name: a person ("Polres X AKBP Ann Lee")
    affs = "; ".join(_affiliations(clean)) or None
    if head.kind not in ("government", "organization"):
        pass
    elif d.head_last:
        # English: the head ends its noun phrase; only a name may follow it before a post-modifier
        nxt = d.postmod_re.search(clean, head.end) if d.postmod_re is not None else None
        seg = clean[head.end:nxt.start() if nxt else len(clean)].split()
        if any(not _CAP.fullmatch(w) for w in seg):
            stail = _name_tail(seg)
            mid = seg[: len(seg) - len(stail)]
            if nxt is None and stail and len(mid) <= 2 and all(w.isalpha() and w.islower() and find_head(w, lang) is None for w in mid):
                name = " ".join(stail)               # "credit agency giant Zentrix"
                return Entity(key=name, label=name, type=head.kind, affiliation=affs if affs != name else None)
            return None
    elif any(_CAP.fullmatch(w) for w in clean[:head.start].split()):
        return None          # Indonesian: an unknown capitalised title before the head ("Sekretaris Perusahaan X")
    if head.kind in ("government", "organization") and d.person_det_re is not None and d.person_det_re.match(raw):
        label = _PAREN.sub("", clean).strip(" ,") or clean       # "seorang staf Dinas X": one person of that body
        return Entity(key=label.lower(), label=label, type="person", anonymous=True, affiliation=affs)
    if head.kind in ("government", "organization"):
        if d.head_last and len(tail) >= 2 and between and not all(_CAP.fullmatch(w) for w in between):
            return None      # "the police chief Ann Lee": a role noun before a name
        label = _PAREN.sub("", clean).strip(" ,")
        if not d.head_last and head.start > 0 and clean[:head.start].split() \
                and all(w.islower() for w in clean[:head.start].split()):
            label = _PAREN.sub("", clean[head.start:]).strip(" ,")     # "data KBRI X", "pihak Polres Y"
        if tail and not between and head.text[:1].islower():
            label = " ".join(tail)           # "the environmental group Río Vivo"
        elif tail and head.text[:1].islower() and lang != "en" and between:
            label = " ".join(tail)           # "lembaga survei independen Pulsar"
        label = _PAREN.sub("", label).strip(" ,") or clean
        return Entity(key=label, label=label, type=head.kind, affiliation=affs if affs != label else None)
    if len(tail) >= 2 and not between and head.kind == "person":
        return None          # "farmer Rosa Quillca": a named person
    label = _PAREN.sub("", clean).strip(" ,") or clean
    if head.kind == "person" or _indefinite(raw, d):
        return Entity(key=label.lower(), label=label, type="person", anonymous=True, affiliation=affs)
    return Entity(key=label.lower(), label=label, type="person_group", affiliation=affs)


_TRAIL_PAREN = re.compile(r"\s*\(([^()]*)\)[\s,.;:]*$")
_ALIAS = re.compile(r"[A-Z\u00C0-\u024F][\w'’.-]+(?:\s+[A-Z\u00C0-\u024F][\w'’.-]*)*")


def _trailing_alias(text: str, d: "_Data") -> tuple[str, tuple[str, ...]]:
    """"Saifullah Yusuf (Gus Ipul)" -> ("Saifullah Yusuf", ("Gus Ipul",)): a
    capitalised parenthesis closing the phrase is another name of it; a
    number in parentheses (an age) is dropped."""
    m = _TRAIL_PAREN.search(text)
    if m is None:
        return text, ()
    inner = m.group(1).strip()
    head = text[:m.start()].rstrip()
    if re.fullmatch(r"[\d\s]+(?:\s*(?:tahun|th|years?))?", inner, re.I):
        return head, ()
    g = gazetteer()
    if _ALIAS.fullmatch(inner) and head.split() and _CAP.fullmatch(head.split()[-1]) \
            and not (g.government(inner) or g.place(inner)):
        return head, (inner,)
    return text, ()


def _strip_openers(raw: str, d: "_Data") -> str:
    """Drop sentence openers and cue words before a source ("Menurut X", "However a spokesman")."""
    while d.opener_re is not None:
        m = d.opener_re.match(raw)
        if m is None or m.end() >= len(raw) or not raw[m.end()].isspace():
            break
        rest = raw[m.end():].lstrip(" ,")
        if not rest:
            break
        raw = rest
    return raw


def parse_source(text: str, lang: str = "en", ctx: Optional[NameContext] = None) -> Parsed:
    """Parse the wording of a source into an entity (see module doc); ``ctx``
    holds name evidence of the whole article (:func:`name_context`).

    >>> parse_source("Menteri Sosial Saifullah Yusuf (Gus Ipul)", "id").entity.aliases
    ('Gus Ipul',)
    >>> parse_source("he'd").kind
    'pronoun'
    """
    d = _data(lang)
    g = gazetteer()
    raw = " ".join(text.split()).strip(" ,.;:\"“”‘’'")
    raw, aliases = _trailing_alias(raw, d)
    raw = _strip_openers(raw.strip(" ,.;:\"“”‘’'()"), d)
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


def _parse(raw: str, low: str, lang: str, d: "_Data", g, ctx: Optional[NameContext], aliases: tuple) -> Parsed:
    if low in d.pron_person or low in ("nya",):
        return Parsed(None, "pronoun")
    if low in d.pron_group:
        return Parsed(None, "group_pronoun")
    if low in d.pron_institution:
        return Parsed(None, "institution_pronoun")
    if d.anaphora_re is not None and d.anaphora_re.fullmatch(raw):
        return Parsed(None, "anaphora")
    clean = _clean(raw)
    if "," in clean:   # appositive: "Hugh Hill, a doctor" / "Bupati X, Ratna Wati"
        head, _, rest = clean.partition(",")
        if re.fullmatch(r"[\d\s,]*(?:tahun|years? old)?[\s,]*", rest, re.I):
            return _parse(head.strip(), head.strip().lower(), lang, d, g, ctx, aliases)   # "Ann Lee, 50"
        head_words = head.split()
        named = _strip_honorifics(rest.split(",")[0].split(), d)
        while len(named) > 2 and _name_tail(named) == named and d.role_re is not None and d.role_re.fullmatch(named[0]):
            named = named[1:]        # "..., Professor Ann Lee"
        if _name_tail(named) != named:
            # "X's predecessor, former Gov. Ann Lee": lower-case words, then titles, then the name
            tail = _name_tail(named)
            lead = named[: len(named) - len(tail)]
            while tail and ((d.role_re is not None and d.role_re.fullmatch(tail[0]))
                            or (d.honorific_re is not None and d.honorific_re.fullmatch(tail[0].rstrip(".")))):
                tail = tail[1:]
            if len(tail) >= 2 and all(w[:1].islower() for w in lead):
                named = tail
        named_ok = (len(named) >= 2 and _name_tail(named) == named and not g.find_outlet(" ".join(named))
                    and not (d.role_re is not None and d.role_re.search(" ".join(named))))
        head_is_role = (len(head_words) >= 3 or (d.role_re is not None and d.role_re.search(head) is not None)
                        or _name_tail(head_words) != head_words)
        if named_ok and head_is_role:
            name = " ".join(named)
            ent = _entity_for_name(name, lang)
            hh = find_head(head, lang)
            # the words around the head noun: lower case only ("The operator", "perusahaan itu")
            # the head noun closes (English) or opens (Indonesian) the part before the comma,
            # the other words are lower case ("The operator", "perusahaan itu")
            before = [w for w in head[:hh.start].split() if not _DET.match(w + " ")] if hh else []
            after_h = head[hh.end:].split() if hh else []
            at_edge = hh is not None and (not after_h if d.head_last else not before)
            if ent.type in ("person", "unspecified") and hh is not None and hh.kind in ("organization", "government") \
                    and at_edge and not (d.role_re is not None and d.role_re.search(head)) \
                    and not any(w[:1].isupper() for w in before + after_h):
                return Parsed(Entity(key=name, label=name, type=hh.kind))   # "The operator, Nordvik Ferries"
            if ent.type in ("person", "unspecified"):
                return Parsed(Entity(key=name, label=name, type="person", role=_DET.sub("", head.strip()) or None))
            return Parsed(ent)
        if head_words and _name_tail(head_words) == head_words:
            inner = parse_source(head, lang, ctx)
            if inner.entity is not None and inner.kind == "entity" and inner.entity.role is None:
                e = inner.entity
                return Parsed(Entity(key=e.key, label=e.label, type=e.type, role=_DET.sub("", rest.strip(" ,")) or None,
                                     affiliation=e.affiliation))
            if inner.kind == "surname" and inner.entity is not None:
                return inner
        clean = head.strip()
    # a known outlet named anywhere in the phrase (with or without an outlet noun),
    # unless it stands in a post-modifier of a person head ("economists polled by Reuters")
    hit = g.find_outlet(raw)
    if hit is not None and hit[1] > 0:
        prev = raw[:hit[1]].split()
        if prev and _CAP.fullmatch(prev[-1]) and not _DET.match(prev[-1] + " ") \
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
    if len(words) >= 2 and _name_tail(words) == words and not opens_role:
        typed = name_type(clean, lang)
        if typed is not None:
            return Parsed(Entity(key=clean, label=clean, type=typed))
    # anonymous phrases
    for rx, label, group in d.anon_res:
        if rx is not None and rx.search(raw):
            affs = _affiliations(raw)
            # "two officials who spoke on condition of anonymity": a plural marker or a plural role makes a group
            group = group or bool(d.plural_re is not None and d.plural_re.search(raw)) or any(
                _plural_role(d.roles.get(" ".join(m.group().lower().split()), {}), m.group())
                for m in (d.role_re.finditer(raw) if d.role_re is not None else ()))
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
        if m and d.role_re is not None and d.role_re.search(clean, 0, m.start()):
            m = None
        if m and (m.start() == 0 or _name_tail(clean[:m.start()].split()) == clean[:m.start()].split()):
            rest = _name_tail(clean[m.end():].split())
            if rest:
                name = " ".join(rest)
                return Parsed(Entity(key=name, label=name, type="outlet"))
    # a head noun typing the source: a government body, an organisation, a group, a person
    head = find_head(clean, lang)
    if head is not None and head.kind != "role":
        ent = _head_entity(clean, raw, head, d, lang)
        if ent is not None:
            return Parsed(ent)
    # roles
    if d.role_re is not None:
        clean = " ".join(_PAREN.sub(" ", clean).split())
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
            name_words = _name_tail(after_words)
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
                    name = _drop_titles(name_words, d)
                    affil_words = after_words[: len(after_words) - len(name_words)]
                    affil_words = [w for i, w in enumerate(affil_words) if not _is_rank(affil_words, i, d)]
                    affil = " ".join([before, " ".join(affil_words)]).strip(" ,") or None
                    # "a spokesperson for the X Authority", "analysts at Y Bank": a name in a
                    # post-modifier, or one typed as an institution, is an affiliation
                    in_postmod = bool(affil_words) and d.postmod_re is not None and any(
                        d.postmod_re.fullmatch(w) for w in affil_words)
                    if name and not (g.government(name) or g.place(name) or g.organization(name) or g.outlet(name)
                                     or in_postmod or name_type(name, lang)):
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
                return Parsed(Entity(key=label, label=label, type="person", role=role_text, anonymous=_indefinite(raw, d),
                                     affiliation="; ".join(country and [country] or affs) or None))
            base = role.get("plural") if plural else role.get("en")
            base = base or rm.group().lower()
            label = f"{base} in {' and '.join(affs)}" if affs else base
            return Parsed(Entity(key=label, label=label, type="person_group" if plural else "person",
                                 anonymous=True, role=role_text, affiliation="; ".join(affs) or None))
    # a bare name
    words = clean.split()
    group = _name_list(clean, d)
    if group is not None:
        return Parsed(group)
    name_words = _name_tail(words)
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
        name = _drop_titles(name_words, d)
        ent = _entity_for_name(name, lang)
        if affil and ent.type == "person" and ent.affiliation is None:
            ent.affiliation = affil
        if ent.type == "unspecified":
            return Parsed(ent, "surname")
        return Parsed(ent)
    if name_words and len(name_words) >= 2:
        name = " ".join(name_words)
        return Parsed(_entity_for_name(name, lang))
    return Parsed(Entity(key=clean.lower(), label=clean, type="unspecified",
                         anonymous=not bool(name_words), affiliation="; ".join(_affiliations(clean)) or None))
