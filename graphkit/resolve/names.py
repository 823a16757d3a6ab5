"""Names inside a source phrase: where the name starts after roles, ranks and
titles, aliases in parentheses, honorifics, lists of names, and the
article-wide evidence of which words are used as names (:class:`NameContext`).

>>> split_name("Bogor Kombes Pol Eko Prasetyo".split(), "id")
(['Bogor'], ['Eko', 'Prasetyo'])

These are helpers of :mod:`graphkit.resolve.entities`, not part of graphkit's
public API.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from graphkit import lang as _lang
from graphkit.extract.lexicon import lexicon
from graphkit.records import Entity
from graphkit.resolve.entity_data import CAP, LangData, lang_data
from graphkit.resolve.gazetteer import gazetteer


@dataclass(frozen=True)
class NameContext:
    """What the whole article tells about names: ``hints`` are words used on
    their own as a person's name ("Dedie" after "Wali Kota Bogor Dedie A
    Rachim": the name starts there), ``places`` capitalised words written after
    a place marker or an institution head ("di Bogor", "Partai Gerindra": an
    affiliation, not a name).  Built by :func:`name_context`."""

    hints: frozenset = frozenset()
    places: frozenset = frozenset()
    acronyms: tuple = ()        # (acronym, the capitalised name it abbreviates), from :func:`acronyms_in`

    def expand(self, acronym: str) -> Optional[str]:
        """The name ``acronym`` abbreviates in the article, if any.

        >>> NameContext(acronyms=(("JCS", "Joint Chiefs of Staff"),)).expand("JCS")
        'Joint Chiefs of Staff'
        """
        return next((name for a, name in self.acronyms if a == acronym), None)


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def name_context(text: str, single_names: "list[str] | tuple[str, ...]" = (), lang: str = "en") -> NameContext:
    """Name evidence of an article: ``single_names`` (one-word sources, "Dedie")
    become hints; capitalised words after a place marker, a country
    preposition or an institution head of the language data become places.

    >>> c = name_context("Warga di Bogor antre. Kata Dedie, aman.", ["Dedie", "KPK"], "id")
    >>> sorted(c.hints), sorted(c.places)
    (['Dedie'], ['Bogor'])
    """
    d = lang_data(lang)
    hints = frozenset(w for w in single_names if CAP.fullmatch(w) and not w.isupper())
    preps = set(d.place_markers) | set(d.country_preps)
    heads = {h for h, k in d.heads.items() if k in ("government", "organization") and " " not in h}
    places = set()
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    for i, (w, _, e) in enumerate(words[:-1]):
        nxt, p, q = words[i + 1]
        lw = w.lower().rstrip(".")
        if not (lw in preps or lw in heads) or not CAP.fullmatch(nxt) or nxt in hints or text[e:p].strip():
            continue
        # after an institution head only a lone capitalised word ("Partai Gerindra menolak"),
        # not the first of a longer run ("Istana Rina Wati": a name may follow a head)
        after = words[i + 2] if i + 2 < len(words) else None
        if lw in heads and lw not in preps and after is not None and not text[q:after[1]].strip() \
                and CAP.fullmatch(after[0]):
            continue
        places.add(nxt.rstrip(".,"))
    return NameContext(hints=hints, places=frozenset(places), acronyms=acronyms_in(text, lang))


_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,6}(?![\w.])")


def acronyms_in(text: str, lang: str = "en") -> tuple:
    """All-capital acronyms of the text paired with a capitalised name of the
    same text whose capitalised words start with its letters, in order;
    lower-case post-modifiers, conjunctions and determiners of the language
    data may stand between them ("Joint Chiefs of Staff" ... "the JCS"). The
    first such name of each acronym wins; known names of the gazetteer are left
    to it.

    >>> acronyms_in("The Joint Chiefs of Staff said so. Later the JCS added more.")
    (('JCS', 'Joint Chiefs of Staff'),)
    >>> acronyms_in("Ann Lee (UK) spoke.")
    ()
    """
    d = lang_data(lang)
    acrs = list(dict.fromkeys(m.group() for m in _ACRONYM.finditer(text)))
    if not acrs:
        return ()
    words = [m.group() for m in _WORD.finditer(text)]
    articles = lexicon(lang).determiners
    skip = lambda w: any(rx is not None and rx.fullmatch(w) for rx in (d.postmod_re, d.conj_re)) \
        or w.lower() in articles
    out = []
    for acr in acrs:
        if gazetteer().government(acr) or gazetteer().organization(acr) or gazetteer().outlet(acr):
            continue
        for i, w in enumerate(words):
            if w[:1] != acr[0] or not CAP.fullmatch(w) or w.isupper():
                continue
            k, j, run = 0, i, []
            while j < len(words) and k < len(acr):
                x = words[j]
                if CAP.fullmatch(x) and not x.isupper() and x[:1] == acr[k]:
                    k += 1
                    run.append(x)
                elif run and x[:1].islower() and skip(x) and k < len(acr):
                    run.append(x)
                else:
                    break
                j += 1
            if k == len(acr) and len(run) >= 2 and not (j < len(words) and CAP.fullmatch(words[j]) and not words[j].isupper()
                                                        and text.find(" ".join(run) + " " + words[j]) >= 0):
                out.append((acr, " ".join(run)))
                break
    return tuple(out)


def name_tail(words: list[str]) -> list[str]:
    """The trailing run of capitalised words (a person's name)."""
    out: list[str] = []
    for w in reversed(words):
        if CAP.fullmatch(w) or (out and w.lower() in ("bin", "binti", "van", "von", "de", "al", "el")):
            out.insert(0, w)
        else:
            break
    return out


def drop_titles(words: list[str], d: "LangData") -> str:
    """A name without its ranks and honorifics ("Mr. Ann Lee" -> "Ann Lee")."""
    kept = [w for i, w in enumerate(words) if not is_rank(words, i, d)
            and not (i + 1 < len(words) and is_rank(words, i + 1, d) and d.honorific_re is not None
                     and d.honorific_re.fullmatch(words[i] + " " + words[i + 1].rstrip(".")))]
    return " ".join(kept or words)


def name_list(clean: str, d: "LangData") -> Optional[Entity]:
    """"Mr. Ann Lee and Mr. Bo Ray": names joined by a conjunction are a group."""
    if d.conj_re is None or not d.conj_re.search(clean):
        return None
    parts = [p.strip(" ,") for p in d.conj_re.split(clean.replace(",", " , "))]
    parts = [p for q in parts for p in q.split(" , ") if p.strip(" ,")]
    names = []
    for p in parts:
        ws = p.strip(" ,").split()
        if not ws or name_tail(ws) != ws or len(ws) > 4:
            return None
        names.append(drop_titles(ws, d))
    if len(names) < 2 or any(gazetteer().government(n) or gazetteer().organization(n) or gazetteer().outlet(n)
                             for n in names):
        return None
    label = " and ".join(names)
    return Entity(key=label, label=label, type="person_group")


def strip_honorifics(words: list[str], d: "LangData") -> list[str]:
    """Drop leading titles and ranks ("dr.", "Iptu", "Mr") from a name."""
    out = list(words)
    while len(out) > 2 and d.honorific_re is not None and d.honorific_re.fullmatch(out[0].rstrip(".")):
        out = out[1:]
    if len(out) == 2 and d.honorific_re is not None and d.honorific_re.fullmatch(out[0].rstrip(".")):
        out = out[1:]
    return out


def is_rank(words: list[str], i: int, d: "LangData") -> bool:
    """Whether words[i] is a rank or title (alone or closing a two-word one: "Kombes Pol")."""
    if d.honorific_re is None:
        return False
    w = words[i].rstrip(".")
    return bool(d.honorific_re.fullmatch(w) or (i > 0 and d.honorific_re.fullmatch(words[i - 1] + " " + w)))


def _name_like(w: str, d: "LangData", ctx: Optional[NameContext]) -> bool:
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
    d = lang_data(lang)
    n = len(words)
    if not n:
        return [], []
    ranks = [i for i in range(n) if is_rank(words, i, d)]
    if ranks and ranks[-1] < n - 1:
        k = ranks[-1]
        return [w for i, w in enumerate(words[:k]) if not is_rank(words, i, d)], words[k + 1:]
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


def is_camel(name: str, lang: str = "en") -> bool:
    """A single CamelCase word ("CoinMarketCap"): a company or product, not a
    person, unless it opens with a name prefix of the language data ("McCain").

    >>> is_camel("CoinMarketCap"), is_camel("McCain"), is_camel("Lee")
    (True, False, False)
    """
    if " " in name or not re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+", name):
        return False
    prefixes = {p for lg in dict.fromkeys([lang, *_lang.languages()]) for p in lang_data(lg).camel_prefixes}
    return not any(name.startswith(p) and name[len(p):][:1].isupper() for p in prefixes)


_TRAIL_PAREN = re.compile(r"\s*\(([^()]*)\)[\s,.;:]*$")
_ALIAS = re.compile(r"[A-Z\u00C0-\u024F][\w'’.-]+(?:\s+[A-Z\u00C0-\u024F][\w'’.-]*)*")


_OR_ACRONYM = re.compile(r"\s+(\w+)\s+([A-Z][A-Z0-9&]{1,7})$")


def trailing_alias(text: str, d: "LangData") -> tuple[str, tuple[str, ...]]:
    """"Saifullah Yusuf (Gus Ipul)" -> ("Saifullah Yusuf", ("Gus Ipul",)): a
    capitalised parenthesis closing the phrase is another name of it; a
    number in parentheses (an age) is dropped; so is an acronym after an
    alias connector ("X atau KRN", ``alias_connectors`` of the entity data)."""
    acr = _OR_ACRONYM.search(text)
    if acr is not None and acr.group(1).lower() in d.alias_connectors and acr.start() > 0:
        head, more = trailing_alias(text[:acr.start()].rstrip(), d)
        return head, (*more, acr.group(2))      # "PT Kereta X (Persero) atau KRN", "... or KRN"
    m = _TRAIL_PAREN.search(text)
    if m is None:
        return text, ()
    inner = m.group(1).strip()
    head = text[:m.start()].rstrip()
    if re.fullmatch(r"[\d\s]+(?:\s*(?:tahun|th|years?))?", inner, re.I):
        return head, ()
    g = gazetteer()
    if _ALIAS.fullmatch(inner) and head.split() and CAP.fullmatch(head.split()[-1]) \
            and not (g.government(inner) or g.place(inner)):
        return head, (inner,)
    return text, ()


def strip_openers(raw: str, d: "LangData") -> str:
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
