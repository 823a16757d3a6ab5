"""Known outlets (``common/outlets.toml``): canonical names from aliases and web domains.

>>> canonical_outlet("TEMPO.CO")
'Tempo'
>>> outlet_from_url("https://www.reuters.com/world/x")
'Reuters'
>>> normalise_outlet("africa.chinadaily.com.cn"), normalise_outlet("Harbor Wire")
('China Daily', 'Harbor Wire')
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


def clear_cache() -> None:
    """Forget the loaded outlet list (after changing GRAPHKIT_LANG_PATH)."""
    _index.cache_clear()
