"""Compiled layout data of one language (``common`` + ``<lang>/layout.toml``).

The words come from the TOML files (format: docs/languages.md, "Layout
data"); this module turns them into patterns once per language.

>>> r = rules("en")
>>> bool(r.related.match("Read more: Older story")), bool(r.prefix.match("By Ann Lee"))
(True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graphkit.ingest import dates as _dates

_LETTER = r"[^\W\d_]"
_TERMINAL = re.compile(r"[.…](?:[\"'”’»)\]]*)$")
_ALNUM = re.compile(r"[^\W_]")
_DOMAIN_LIKE = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}$", re.I)
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_INITIALS = re.compile(r"^[a-z]{1,4}\.?$")
_INITIALS_LINE = re.compile(r"^\(\s*(?:[a-z]{2,5}|[a-z]{1,5}(?:\s*/\s*[a-z]{1,5})+)\s*\)$")
# editors' initials closing a paragraph: "... kata dia. (abc/def)"
_INITIALS_TAIL = re.compile(r"(?<=[.!?\"”’'])\s*\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})*\s*\)$")
# an embed placeholder left by a page's editor: "[Gambas:Video X]", "[embed:tweet]"
_EMBED = re.compile(r"^\[[^\W\d_][\w-]*:[^\[\]]*\]$")


def _alt(words) -> str:
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws) if ws else r"(?!x)x"


def _words_re(words) -> str:
    """Alternation of words or phrases with letter boundaries; spaces match any white space."""
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    if not ws:
        return r"(?!x)x"
    alts = [r"\s+".join(re.escape(p) for p in w.split()) for w in ws]
    return rf"(?<!{_LETTER})(?:{'|'.join(alts)})(?!{_LETTER})"


@dataclass
class Rules:
    """Compiled layout data of one language (see :func:`rules`)."""

    lang: str
    furniture_lines: frozenset
    furniture_prefix: re.Pattern
    related: re.Pattern
    related_kind: re.Pattern
    related_colon: re.Pattern
    related_heading: re.Pattern
    label: re.Pattern
    label_role: dict
    prefix: re.Pattern
    prefix_role: dict
    label_alone: re.Pattern
    name_split: re.Pattern
    particles: frozenset
    hyphen_joins: bool
    max_name_words: int
    credit_group: re.Pattern
    credit_label: re.Pattern
    credit_word: re.Pattern
    photo_word: re.Pattern
    credit_split: re.Pattern
    credit_strip: frozenset
    credit_trailing: re.Pattern
    credit_line_label: re.Pattern
    credit_caption_label: re.Pattern
    header_split: re.Pattern
    max_line: int
    dash: re.Pattern
    not_places: frozenset
    max_place_words: int
    furniture_suffixes: tuple
    crumb_split: re.Pattern
    nav_min_parts: int
    role_word: re.Pattern
    title_case_places: bool
    crumb_roots: frozenset
    basis_generic: frozenset
    group_only_labels: frozenset
    provider: re.Pattern
    date_rules: object
    places: frozenset = frozenset()


@lru_cache(maxsize=None)
def rules(lang: str) -> Rules:
    """Layout rules for ``lang`` compiled once (``common`` + ``<lang>`` data).

    >>> rules("id").hyphen_joins, rules("en").hyphen_joins
    (True, False)
    """
    data = _dates.layout_data(lang)
    fur, rel, by = data.get("furniture", {}), data.get("related", {}), data.get("byline", {})
    names, cred, head, dl = (data.get(k, {}) for k in ("names", "credit", "header", "dateline"))
    label_role, prefix_role = {}, {}
    for role in ("author", "editor", "basis"):
        for w in by.get(f"{role}_labels", []):
            label_role.setdefault(" ".join(w.split()).casefold(), role)
        for w in by.get(f"{role}_prefixes", []):
            prefix_role.setdefault(" ".join(w.split()).casefold(), role)
    seps = cred.get("separators", [])
    punct = [s for s in seps if not re.match(_LETTER, s)]
    wordy = [s for s in seps if re.match(_LETTER, s)]
    credit_split = r"\s*[,;]\s*"
    if punct:
        credit_split += rf"|\s*(?:{_alt(punct)})\s*"
    if wordy:
        credit_split += rf"|\s+{_words_re(wordy)}\s+"
    return Rules(
        lang=lang,
        furniture_lines=frozenset(" ".join(w.split()).casefold() for w in fur.get("lines", [])),
        furniture_prefix=re.compile(_words_re(fur.get("prefixes", [])), re.I),
        related=re.compile(rf"(?:{_words_re(rel.get('prefixes', []))})(?P<sep>\s*[:|»>\-–—]+\s*|\s+|$)", re.I),
        related_colon=re.compile(rf"(?:{_words_re(rel.get('colon_prefixes', []))})(?P<sep>\s*:\s*)", re.I),
        related_heading=re.compile(rf"(?:{_words_re(rel.get('heading_prefixes', []))})(?:\s*[:|»>\-–—]*\s*|$)", re.I),
        related_kind=re.compile(rf"\s*(?:{_words_re(rel.get('kinds', []))})(?:\s*[:|»>\-–—]+\s*|\s+)", re.I),
        label=re.compile(rf"(?P<label>{_words_re(label_role)})\s*[:：]\s*", re.I),
        label_role=label_role,
        prefix=re.compile(rf"(?P<prefix>{_words_re(prefix_role)})\s+", re.I),
        prefix_role=prefix_role,
        label_alone=re.compile(rf"(?P<label>{_words_re(set(label_role) | set(prefix_role))})\s*[:：]?", re.I),
        name_split=re.compile(rf"\s*[,;]\s*|\s+{_words_re(names.get('joiners', []))}\s+", re.I),
        particles=frozenset(w.casefold() for w in names.get("particles", [])),
        hyphen_joins=bool(names.get("hyphen_joins_name_parts", False)),
        max_name_words=int(names.get("max_words", 6)),
        credit_group=re.compile(r"(?:\((?P<inner>[^()]{2,300})\)|\[(?P<sq>[^\[\]]{2,300})\])\s*$"),
        credit_label=re.compile(rf"\s*(?:{_words_re(cred.get('labels', []))})\s*[:：]\s*", re.I),
        credit_word=re.compile(_words_re(cred.get("labels", [])), re.I),
        photo_word=re.compile(_words_re(cred.get("photo_words", [])), re.I),
        credit_split=re.compile(credit_split, re.I),
        credit_strip=frozenset(w.casefold().rstrip(".") for w in cred.get("strip_words", [])),
        credit_trailing=re.compile(rf"\s*(?:{_words_re(cred.get('trailing_furniture', []))})\s*$", re.I),
        credit_line_label=re.compile(rf"(?:{_words_re(cred.get('line_labels', []))})\s*[:：]?\s*", re.I),
        credit_caption_label=re.compile(_words_re(cred.get("caption_labels", [])), re.I),
        header_split=re.compile(rf"\s*(?:{_alt(head.get('separators', ['|']))}|;)\s*"),
        max_line=int(head.get("max_line_chars", 250)),
        dash=re.compile(rf"\s*(?:{_alt(dl.get('dashes', ['-']))})\s+"),
        not_places=frozenset(w.casefold() for w in dl.get("not_places", [])),
        max_place_words=int(dl.get("max_place_words", 4)),
        furniture_suffixes=tuple(" ".join(w.split()).casefold() for w in fur.get("suffixes", []) if w.strip()),
        crumb_split=re.compile(rf"\s*(?:{_alt(head.get('breadcrumb_separators', []))})\s*"),
        nav_min_parts=int(head.get("nav_min_parts", 3)),
        role_word=re.compile(_words_re(by.get("role_words", [])), re.I),
        title_case_places=bool(dl.get("title_case_places", False)),
        crumb_roots=frozenset(" ".join(w.split()).casefold() for w in head.get("breadcrumb_roots", [])),
        basis_generic=frozenset(" ".join(w.split()).casefold() for w in by.get("basis_generic", [])),
        group_only_labels=frozenset(" ".join(w.split()).casefold() for w in cred.get("group_only_labels", [])),
        provider=re.compile(rf"(?P<phrase>{_words_re(cred.get('provider_phrases', []))})\s+", re.I),
        date_rules=_dates.rules(lang),
        places=_places(lang),
    )


def _places(lang: str) -> frozenset:
    """Folded names and aliases of places and countries in the entity data
    (``common`` and ``<lang>/entities.toml``: every ``[[place]]``, and the
    ``[[government]]`` entries that have a demonym or a capital)."""
    from graphkit import lang as _lang

    out: set[str] = set()
    for src in ("common", lang):
        data = _lang.load(src, "entities")
        entries = list(data.get("place", [])) + [
            g for g in data.get("government", []) if g.get("demonym") or g.get("capital")]
        for ent in entries:
            for nm in [ent.get("name", ""), *ent.get("aliases", [])]:
                if nm:
                    out.add(" ".join(nm.split()).casefold())
    return frozenset(out)


def clear_cache() -> None:
    """Forget compiled rules (after changing GRAPHKIT_LANG_PATH)."""
    rules.cache_clear()
    _dates.clear_cache()

