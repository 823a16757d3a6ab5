"""The entity word lists of a language, loaded once: roles, titles, ranks,
institution and group nouns, company markers, honorifics
(``graphkit/lang/data/<lang>/entities.toml`` merged with the ``[entities]``
section of ``attribution.toml``), as :class:`LangData`.

>>> "spokeswoman" in lang_data("en").roles
True

These are helpers of :mod:`graphkit.resolve.entities`, not part of graphkit's
public API.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from graphkit import lang as _lang


CAP = re.compile(r"[A-Z\u00C0-\u024F][\w'’.-]*")
DET = re.compile(r"^(?:the|a|an|this|that|these|those|itu|tersebut|seorang|sang|para)\s+", re.I)


def words_re(words) -> Optional[re.Pattern]:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")(?![\w-])", re.I)


@dataclass
class LangData:
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
    alias_connectors: frozenset = frozenset()          # "atau", "or": "X atau KRN" names X
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
    bare_plural: bool = False
    singular_re: Optional[re.Pattern] = None
    possessive_re: Optional[re.Pattern] = None
    collective: frozenset = frozenset()


def entity_words(lang: str) -> dict:
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
    for key, kind in (("person_nouns", "person"), ("group_nouns", "group"), ("collective_nouns", "group"),
                      ("organization_heads", "organization"), ("government_heads", "government")):
        for w in ent.get(key, []):
            if isinstance(w, str) and w.strip():
                heads[" ".join(w.lower().split())] = kind
    return heads


@lru_cache(maxsize=None)
def lang_data(lang: str) -> LangData:
    ent = entity_words(lang)
    roles = {}
    for r in ent.get("roles", []):
        if isinstance(r, dict) and r.get("id"):
            roles[" ".join(r["id"].lower().split())] = r
    anon = [a for a in ent.get("anonymous", []) if isinstance(a, dict) and a.get("id")]
    heads = _head_table(ent, roles)
    return LangData(
        roles=roles,
        role_re=words_re(roles),
        anon=anon,
        anon_res=[(words_re([a["id"]]), a.get("en") or a["id"], bool(a.get("group", False))) for a in anon],
        outlet_nouns_re=words_re(ent.get("outlet_nouns", [])),
        anaphora_re=words_re(ent.get("outlet_anaphora", [])),
        pron_person=frozenset(w.lower() for w in ent.get("pronouns_person", [])),
        pron_group=frozenset(w.lower() for w in ent.get("pronouns_group", [])),
        unspecified=frozenset(w.lower() for w in ent.get("unspecified", [])),
        plural_re=words_re(ent.get("plural_markers", [])),
        honorific_re=words_re(ent.get("honorifics", [])),
        conj_re=words_re(ent.get("conjunctions", [])),
        outlet_words=frozenset(w.lower() for w in ent.get("outlet_name_words", [])),
        alias_connectors=frozenset(w.lower() for w in ent.get("alias_connectors", [])),
        government_res=tuple(template_re(t) for t in ent.get("government_patterns", []) if "{name}" in t),
        heads=heads,
        head_re=words_re(heads),
        head_last=str(ent.get("head_position", "last")).lower() != "first",
        postmod_re=words_re(ent.get("postmodifiers", [])),
        company_markers=frozenset(w for w in ent.get("company_markers", []) if isinstance(w, str)),
        indefinite_re=words_re(ent.get("indefinite", [])),
        person_det_re=words_re(ent.get("person_determiners", [])),
        pron_institution=frozenset(w.lower() for w in ent.get("pronouns_institution", [])),
        country_preps=tuple(w.lower() for w in ent.get("country_prepositions", [])),
        demonym_suffixes=tuple(ent.get("demonym_suffixes", [])),
        role_mod_re=words_re(ent.get("role_modifiers", [])),
        title_words=frozenset(w.lower() for w in ent.get("title_words", []) if isinstance(w, str)),
        opener_re=words_re(ent.get("name_openers", [])),
        place_markers=tuple(w.lower() for w in ent.get("place_markers", []) if isinstance(w, str) and w.strip()),
        camel_prefixes=tuple(w for w in ent.get("camel_name_prefixes", []) if isinstance(w, str) and w),
        pronoun_suffixes=tuple(w for w in ent.get("pronoun_suffixes", []) if isinstance(w, str) and w),
        bare_plural=ent.get("bare_role_number") == "plural",
        singular_re=words_re(ent.get("singular_markers", [])),
        possessive_re=words_re(ent.get("possessives", [])),
        collective=frozenset(" ".join(w.lower().split()) for w in ent.get("collective_nouns", []) if isinstance(w, str)),
    )


def template_re(template: str) -> re.Pattern:
    """"government of {name}" -> a regex with a group ``name``."""
    a, _, b = template.partition("{name}")
    esc = lambda x: r"\s+".join(map(re.escape, x.split(" "))) if x.strip() else ""
    pre = esc(a.strip()) + (r"\s+" if a.endswith(" ") else "")
    post = (r"\s+" if b.startswith(" ") else "") + esc(b.strip())
    return re.compile(pre + r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*)*?)" + post, re.I)


def clean_phrase(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:\"“”‘’'()")
    return DET.sub("", text)
