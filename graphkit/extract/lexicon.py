"""Attribution language data, loaded once per language and compiled to regexes.

The words live in ``graphkit/lang/data/<lang>/attribution.toml`` (see
docs/languages.md, "Attribution data"); a user extends them through
``GRAPHKIT_LANG_PATH``.  After changing that variable call
:func:`graphkit.lang.clear_cache` and :func:`clear_cache`.

>>> lex = lexicon("id")
>>> lex.cue_class("mengatakan"), lex.cue_class("katanya"), lex.cue_class("menurut")
('speech', 'speech', 'according')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Optional

from graphkit import lang as _lang

_WORD = re.compile(r"\w+")
CUE_CLASSES = ("speech", "report", "claim", "denial", "belief", "according", "reportedly")


def _words_re(words, flags=re.IGNORECASE, suffixes=()) -> Optional[re.Pattern]:
    """One regex matching any of ``words`` as whole words, longest first."""
    words = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    if not words:
        return None
    alts = []
    for w in words:
        body = r"\s+".join(re.escape(p) for p in w.split())
        if suffixes and " " not in w:
            body += "(?:" + "|".join(re.escape(s) for s in suffixes) + ")?"
        alts.append(body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", flags)


@dataclass
class Lexicon:
    """Compiled attribution data of one language."""

    lang: str
    data: dict
    cue_re: Optional[re.Pattern] = None
    classes: dict = field(default_factory=dict)      # lower-case form -> class
    suffixes: tuple = ()
    complementizer_re: Optional[re.Pattern] = None
    include_complementizer: bool = False
    clause_re: Optional[re.Pattern] = None
    coord_re: Optional[re.Pattern] = None
    source_stop_re: Optional[re.Pattern] = None
    aux_re: Optional[re.Pattern] = None
    recipients: frozenset = frozenset()
    via_re: Optional[re.Pattern] = None
    via_phrase_re: Optional[re.Pattern] = None       # "as reported by": a via, never a cue of its own
    not_cue_re: Optional[re.Pattern] = None          # "that said": set phrases that report nothing
    max_source_words: int = 12
    denial_re: Optional[re.Pattern] = None
    negation_re: Optional[re.Pattern] = None
    probable_re: Optional[re.Pattern] = None
    possible_re: Optional[re.Pattern] = None
    denial_opening_re: Optional[re.Pattern] = None   # a content opening with it denies ("There was no")
    denial_except_re: Optional[re.Pattern] = None    # ... unless this follows ("no injuries")
    probable_cue_re: Optional[re.Pattern] = None     # hedging cue verbs ("estimated", "menduga")
    hedge_modifier_re: Optional[re.Pattern] = None   # a hedge after it describes a noun ("yang belum ...")
    pronouns: frozenset = frozenset()
    particles: frozenset = frozenset()
    location_particles: frozenset = frozenset()       # "di", "in": a place adjunct after a name
    head_words: frozenset = frozenset()               # words of roles and institution heads (not names)
    institution_pronouns: frozenset = frozenset()     # "it": the subject pronoun of an institution
    role_words: frozenset = frozenset()               # words of person roles ("pengamat", "spokesman")
    not_after: frozenset = frozenset()
    not_before: frozenset = frozenset()
    raising: frozenset = frozenset()                 # "are alleged to": be-verbs before a passive cue
    noun_forms: frozenset = frozenset()              # cue forms that are also plural nouns ("states")
    inverted: frozenset = frozenset()                # cue forms that may precede their source
    inverted_only: bool = False                      # those bare forms are cues only when inverted
    naming: frozenset = frozenset()                  # cues that also name things ("a coin called X")
    naming_after: frozenset = frozenset()            # "what he called X": no attribution
    quote_only: frozenset = frozenset()              # cues of a quotation only ("he continued")
    passive_prefixes: tuple = ()                     # "di": "disampaikan oleh X" (agent = source)
    agent_re: Optional[re.Pattern] = None            # "oleh" before the agent of a passive cue
    passive_aux_re: Optional[re.Pattern] = None      # "been": "has been backed by X"
    object_cues: frozenset = frozenset()             # cues taking an addressee object ("told X")
    adjunct_re: Optional[re.Pattern] = None          # words opening an adjunct ("in a statement")
    relative_re: Optional[re.Pattern] = None         # relative pronouns ("who", "yang")
    determiners: frozenset = frozenset()
    opener_re: Optional[re.Pattern] = None           # sentence openers skipped before a subject
    anonymity_re: Optional[re.Pattern] = None        # anonymity phrases: no cue inside
    nonspeech_re: Optional[re.Pattern] = None        # cue + object phrases that are not speech
    verb_re: Optional[re.Pattern] = None             # finite verbs: a phrase holding one is a clause
    participles: tuple = ()                          # suffixes of adjunct participles ("speaking")
    weekday_re: Optional[re.Pattern] = None          # day names (layout.toml): date adjuncts
    subject_pronouns: frozenset = frozenset()        # pronouns | institution_pronouns
    depicting_cues: frozenset = frozenset()          # "showed" after a picture ("photos showed")
    depicting_subjects: frozenset = frozenset()
    passive_not_before: frozenset = frozenset()      # "was stated in reports": a participle
    topic_prepositions: frozenset = frozenset()      # "commented on the report": a topic
    complement_only: frozenset = frozenset()         # "found": a report only before "that"
    legal_report_cues: frozenset = frozenset()       # "melaporkan X ke polisi": a complaint ...
    legal_report_markers: tuple = ()                 # ... when one of these follows
    clause_initial: frozenset = frozenset()          # "berdasarkan": a source only opening a clause
    participle_openers: frozenset = frozenset()      # "Asked about X, she said": an adjunct
    reason_cues: frozenset = frozenset()             # "citing a shortage": a reason, not a source
    speaker_words: frozenset = frozenset()           # words making a phrase after a reason cue a source
    relay_cues: frozenset = frozenset()              # "X reported P, citing Y": Y's statement P
    speaker_as_markers: frozenset = frozenset()      # "quoted X as saying"
    quoting_cues: frozenset = frozenset()            # "quoted an official who said P"
    by_first: dict = field(default_factory=dict)     # first word -> regex of cues starting with it

    def iter_cues(self, text: str, start: int, end: int) -> Iterator[re.Match]:
        """Cue matches in text[start:end], left to right, longest at each word."""
        last = start
        by_first = self.by_first
        cands = [w for w in _WORD.finditer(text, start, end) if w.group().lower() in by_first]
        for w in cands:
            ws = w.start()
            if ws < last or (ws > 0 and text[ws - 1] == "-"):
                continue
            m = by_first[w.group().lower()].match(text, ws, end)
            if m is not None:
                last = m.end()
                yield m

    def may_invert(self, word: str) -> bool:
        """May this cue form precede its source ("..., kata X")?  Every cue
        may when the language data lists no ``inverted_cues``."""
        if not self.inverted:
            return True
        w = " ".join(word.lower().split())
        if w in self.inverted:
            return True
        return any(w.endswith(s) and w[: -len(s)] in self.inverted for s in self.suffixes)

    def cue_class(self, word: str) -> Optional[str]:
        """Class of a cue word form (case-insensitive, suffixes allowed)."""
        w = " ".join(word.lower().split())
        if w in self.classes:
            return self.classes[w]
        for s in self.suffixes:
            if w.endswith(s) and w[: -len(s)] in self.classes:
                return self.classes[w[: -len(s)]]
        return None


def _build(lang: str) -> Lexicon:
    data = _lang.load(lang, "attribution")
    cues = data.get("cues", {})
    syn = data.get("syntax", {})
    lex = Lexicon(lang=lang, data=data)
    lex.suffixes = tuple(data.get("affixes", {}).get("suffixes", []))
    for key, words in cues.items():
        # extra lists are named after their class: "speech_more", "denial_2", ...
        cls = key if key in CUE_CLASSES else key.split("_")[0]
        if cls not in CUE_CLASSES or not isinstance(words, list):
            continue
        for w in words:
            lex.classes.setdefault(" ".join(str(w).lower().split()), cls)
    lex.cue_re = _words_re(lex.classes, suffixes=lex.suffixes)
    groups: dict[str, list[str]] = {}
    for w in lex.classes:
        first = w.split()[0]
        groups.setdefault(first, []).append(w)
        if " " not in w:
            for suf in lex.suffixes:
                groups.setdefault(first + suf, []).append(w)
    lex.by_first = {k: _words_re(v, suffixes=lex.suffixes) for k, v in groups.items()}
    lex.complementizer_re = _words_re(syn.get("complementizers", []))
    lex.include_complementizer = bool(syn.get("content_includes_complementizer", False))
    lex.clause_re = _words_re(syn.get("clause_openers", []))
    lex.coord_re = _words_re(syn.get("coordinators", []))
    lex.source_stop_re = _words_re(syn.get("source_stop", []))
    lex.aux_re = _words_re(syn.get("aux", []))
    lex.recipients = frozenset(w.lower() for w in syn.get("recipients", []))
    lex.via_re = _words_re(list(syn.get("via", [])) + list(syn.get("via_phrases", [])))
    lex.via_phrase_re = _words_re(syn.get("via_phrases", []))
    lex.not_cue_re = _words_re(syn.get("not_cue_phrases", []))
    lex.max_source_words = int(syn.get("max_source_words", 12))
    lex.particles = frozenset(w.lower() for w in syn.get("source_particles", []))
    lex.location_particles = frozenset(w.lower() for w in syn.get("location_particles", []))
    lex.not_after = frozenset(w.lower() for w in syn.get("not_after", []))
    lex.not_before = frozenset(w.lower() for w in syn.get("not_before", []))
    lex.raising = frozenset(w.lower() for w in syn.get("passive_raising", []))
    lex.noun_forms = frozenset(w.lower() for w in syn.get("noun_forms", []))
    lex.inverted = frozenset(" ".join(w.lower().split()) for w in syn.get("inverted_cues", []))
    lex.inverted_only = bool(syn.get("inverted_cues_only_inverted", False))
    lex.naming = frozenset(w.lower() for w in syn.get("naming_cues", []))
    lex.naming_after = frozenset(w.lower() for w in syn.get("naming_after", []))
    lex.quote_only = frozenset(w.lower() for w in syn.get("quote_only_cues", []))
    lex.passive_prefixes = tuple(w.lower() for w in syn.get("passive_cue_prefixes", []))
    lex.agent_re = _words_re(syn.get("agent_markers", []))
    lex.passive_aux_re = _words_re(syn.get("passive_aux", []))
    lex.object_cues = frozenset(w.lower() for w in syn.get("object_cues", []))
    lex.adjunct_re = _words_re(syn.get("adjunct_openers", []))
    lex.relative_re = _words_re(syn.get("relative_pronouns", []))
    lex.determiners = frozenset(w.lower() for w in syn.get("determiners", []))
    lex.opener_re = _words_re(syn.get("sentence_openers", []))
    lex.nonspeech_re = _words_re(syn.get("not_speech", []))
    lex.verb_re = _words_re(syn.get("clause_verbs", []))
    lex.participles = tuple(syn.get("participle_suffixes", []))
    lex.weekday_re = _words_re(list(_lang.load(lang, "layout").get("dates", {}).get("weekdays", [])) + list(syn.get("time_words", [])))
    st = data.get("stance", {})
    lex.denial_re = _words_re(st.get("denial_phrases", []))
    lex.negation_re = _words_re(st.get("negations", []))
    ce = data.get("certainty", {})
    lex.probable_re = _words_re(ce.get("probable", []))
    lex.possible_re = _words_re(ce.get("possible", []))
    lex.denial_opening_re = _words_re(st.get("denial_openings", []))
    lex.denial_except_re = _words_re(st.get("denial_openings_except", []))
    lex.probable_cue_re = _words_re(ce.get("probable_cues", []))
    mods = _words_re(ce.get("modifier_markers", []))
    lex.hedge_modifier_re = re.compile(r"(?:" + mods.pattern + r")\s+$", re.I) if mods is not None else None
    ent = data.get("entities", {})
    lex.anonymity_re = _words_re(a["id"] for a in ent.get("anonymous", [])
                                 if isinstance(a, dict) and a.get("id") and " " in a["id"].strip())
    lex.pronouns = frozenset(w.lower() for w in ent.get("pronouns_person", []) + ent.get("pronouns_group", []))
    types = _lang.load(lang, "entities")
    lex.head_words = _head_words(ent, types)
    lex.role_words = _head_words({"roles": ent.get("roles", [])}, {"roles": types.get("roles", [])})
    lex.institution_pronouns = frozenset(w.lower() for t in (ent, types) for w in t.get("pronouns_institution", []))
    lex.subject_pronouns = lex.pronouns | lex.institution_pronouns

    def words(key: str) -> frozenset:
        return frozenset(" ".join(str(w).lower().split()) for w in syn.get(key, []))
    lex.depicting_cues, lex.depicting_subjects = words("depicting_cues"), words("depicting_subjects")
    lex.passive_not_before, lex.topic_prepositions = words("passive_not_before"), words("topic_prepositions")
    lex.complement_only, lex.clause_initial = words("complement_only_cues"), words("clause_initial_cues")
    lex.legal_report_cues = words("legal_report_cues")
    lex.legal_report_markers = tuple(sorted(words("legal_report_markers")))
    lex.participle_openers, lex.reason_cues = words("participle_openers"), words("reason_cues")
    lex.relay_cues, lex.quoting_cues = words("relay_cues"), words("quoting_cues")
    lex.speaker_as_markers = words("speaker_as_markers")
    # a phrase after a reason cue names a source when it holds one of these (or a capital)
    lex.speaker_words = lex.head_words | lex.subject_pronouns | words("speaker_words") | frozenset(
        a["id"].lower() for a in ent.get("anonymous", [])
        if isinstance(a, dict) and isinstance(a.get("id"), str) and " " not in a["id"].strip())
    return lex


def _head_words(*tables: dict) -> frozenset:
    """Every word of the roles and head-noun lists of the source-typing data
    (lower case): capitalised, they are no person's name.

    >>> sorted(_head_words({"roles": [{"id": "juru bicara"}], "government_heads": ["Dinas"]}))
    ['bicara', 'dinas', 'juru']
    """
    out: set[str] = set()
    for t in tables:
        for key in ("roles", "government_heads", "organization_heads", "group_nouns", "person_nouns",
                    "company_markers", "title_words"):
            for item in t.get(key, []) or []:
                w = item.get("id") or item.get("en") if isinstance(item, dict) else item
                if isinstance(w, str):
                    out.update(w.lower().split())
    return frozenset(out)


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled attribution data of ``lang`` (English when it has none).

    >>> lexicon("en").cue_class("said")
    'speech'
    """
    lex = _build(lang)
    if lex.cue_re is None and lang != "en":
        return _build("en")
    return lex


def clear_cache() -> None:
    """Forget compiled data (after changing GRAPHKIT_LANG_PATH)."""
    _lang.clear_cache()
    lexicon.cache_clear()
