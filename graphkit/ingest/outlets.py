"""Known outlets (``common/outlets.toml``): canonical names from aliases and web domains.

>>> canonical_outlet("TEMPO.CO")
'Tempo'
>>> outlet_from_url("https://www.reuters.com/world/x")
'Reuters'
>>> normalise_outlet("africa.chinadaily.com.cn"), normalise_outlet("Harbor Wire")
('China Daily', 'Harbor Wire')
>>> display_outlet("ANTARA"), display_outlet("AP"), display_outlet("NEWSDESK.com"), display_outlet("NEWSDESK.CO")
('Antara', 'AP', 'Newsdesk.com', 'Newsdesk.co')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional
from urllib.parse import urlsplit

from graphkit import lang as _lang

_DOMAIN_LIKE = re.compile(r"^(?:[a-z]+://)?(?:[\w-]+\.)+[a-z]{2,}(?:/.*)?$", re.I)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for o in _lang.load("common", "outlets").get("outlet", []):
        name = o.get("name")
        if not name:
            continue
        for alias in [name, *o.get("aliases", [])]:
            names.setdefault(alias.casefold(), name)
        for d in o.get("domains", []):
            domains.setdefault(d.lower().lstrip("."), name)
    return names, domains


def canonical_outlet(name: str) -> Optional[str]:
    """Canonical name of a known outlet given one of its names or aliases
    (case-insensitive, whole string), else None.

    >>> canonical_outlet("Harbor Wire") is None, canonical_outlet("ap")
    (True, 'Associated Press')
    """
    key = " ".join(name.split()).casefold()
    return _index()[0].get(key) if key else None


def outlet_from_host(host: str) -> Optional[str]:
    """Known outlet whose domain is ``host`` or a parent domain of it.

    >>> outlet_from_host("africa.chinadaily.com.cn"), outlet_from_host("example.org")
    ('China Daily', None)
    """
    host = host.lower().strip().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    domains = _index()[1]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        hit = domains.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


def outlet_from_url(url: str) -> Optional[str]:
    """Known outlet publishing at ``url`` (by domain), else None."""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    return outlet_from_host(host) if host else None


def normalise_outlet(name: str) -> str:
    """Canonical name when the outlet is known by name, alias or domain;
    otherwise the name as given (white space normalised)."""
    clean = " ".join(name.split())
    hit = canonical_outlet(clean)
    if hit is None and _DOMAIN_LIKE.match(clean):
        hit = outlet_from_url(clean)
    if hit is None and _DOMAIN_LIKE.match(clean) and clean.lower().startswith("www."):
        clean = clean[4:]
    return hit or clean


@lru_cache(maxsize=1)
def _acronym_max() -> int:
    data = _lang.load("common", "layout").get("outlet_names", {})
    return int(data.get("keep_acronyms_up_to", 0))


def _cap_word(w: str) -> str:
    return w[:1].upper() + w[1:].lower()


def display_outlet(written: str) -> str:
    """The name of an outlet as article metadata reports it.

    A known outlet gets its canonical name, except when it is written as an
    all-capital acronym alias (``AP``, ``AFP``; at most
    ``outlet_names.keep_acronyms_up_to`` letters in ``common/layout.toml``),
    which is kept as written.  An unknown web name keeps its domain, with an
    all-capital name part in title case (``NEWSDESK.com`` -> ``Newsdesk.com``);
    another unknown all-capital name is title-cased word by word.

    >>> display_outlet("TEMPO.CO"), display_outlet("THE HARBOR WIRE"), display_outlet("Lensa9.com")
    ('Tempo', 'The Harbor Wire', 'Lensa9.com')
    """
    clean = " ".join(written.split())
    known = canonical_outlet(clean)
    if known is None and _DOMAIN_LIKE.match(clean):
        known = outlet_from_url(clean)
    if known is not None:
        if (clean.isalpha() and clean.isupper() and len(clean) <= _acronym_max()
                and clean.casefold() != known.casefold()):
            return clean
        return known
    if _DOMAIN_LIKE.match(clean):
        if clean.lower().startswith("www."):
            clean = clean[4:]
        head, dot, tail = clean.partition(".")
        letters = [c for c in head if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            head = _cap_word(head)
            tail = tail.lower() if tail.isupper() else tail       # "NEWSDESK.CO" -> "Newsdesk.co"
        return head + dot + tail
    letters = [c for c in clean if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return " ".join(_cap_word(w) for w in clean.split())
    return clean


def outlet_key(name: str) -> str:
    """A key under which the ways a page writes its own name agree: the
    canonical name for a known outlet, else the letters and digits of the
    name (of a web name, of its first part), folded.  A site that writes
    itself "Harbor TV" in its header and "HARBORTV.ID" in its datelines
    gives one key.

    >>> outlet_key("Harbor TV") == outlet_key("HARBORTV.ID") == outlet_key("harbortv.id")
    True
    >>> outlet_key("Harbor Wire") == outlet_key("Harbor TV")
    False
    """
    clean = normalise_outlet(name)
    if canonical_outlet(clean) or (_DOMAIN_LIKE.match(clean) and outlet_from_url(clean)):
        return clean.casefold()
    if _DOMAIN_LIKE.match(clean):
        clean = clean.split("//")[-1].split("/")[0].split(".")[0]
    return "".join(c for c in clean if c.isalnum()).casefold()


def same_outlet(a: str, b: str) -> bool:
    """Do two written names stand for the same outlet (see :func:`outlet_key`)?

    >>> same_outlet("Lajur Warta", "lajurwarta.com"), same_outlet("Lajur Warta", "Lajur")
    (True, False)
    """
    ka, kb = outlet_key(a), outlet_key(b)
    return bool(ka) and ka == kb


def _words(name: str) -> list[str]:
    """Words of a name, a web name's first part split at capitals ("SuaraKota.id" -> Suara, Kota)."""
    if _DOMAIN_LIKE.match(name):
        name = name.split("//")[-1]
        name = name[4:] if name.lower().startswith("www.") else name
        name = name.split(".")[0]
    return re.findall(r"[A-Z][a-z]*|[a-z]+", re.sub(r"[^A-Za-z]+", " ", name))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def abbreviates(short: str, name: str) -> bool:
    """Is ``short``, an all-capital abbreviation that is not a known outlet,
    the initials of the outlet ``name`` (in order, some may be skipped) or,
    for a one-word name, letters of it starting with its first letter?  A
    regional paper signs its datelines so ("KOTA (SP) -" in "Suara Pesisir").

    >>> abbreviates("SP", "SUARA PESISIR"), abbreviates("HK", "harikota.id"), abbreviates("SP", "Warta Kota")
    (True, True, False)
    >>> abbreviates("AP", "Apex Post")                  # a known outlet is never an abbreviation
    False
    """
    short = short.strip()
    if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()) or canonical_outlet(short):
        return False
    words = [w.upper() for w in _words(name)]
    if not words:
        return False
    if len(words) == 1:
        return words[0][0] == short[0] and _subsequence(short[1:], words[0][1:])
    return _subsequence(short, "".join(w[0] for w in words))


def clear_cache() -> None:
    """Forget the loaded outlet list (after changing GRAPHKIT_LANG_PATH)."""
    _index.cache_clear()
    _acronym_max.cache_clear()
