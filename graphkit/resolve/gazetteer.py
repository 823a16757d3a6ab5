"""Known outlets, governments, organisations and places, compiled once.

Data: ``common/outlets.toml`` and ``common/entities.toml`` (extendable
through ``GRAPHKIT_LANG_PATH``).  Lookups map any alias to a canonical,
language-neutral name.

>>> g = gazetteer()
>>> g.find_outlet("menurut kantor berita Reuters")[0]
'Reuters'
>>> g.government("Amerika Serikat"), g.government("U.S.")
('United States', 'United States')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from graphkit import lang as _lang


def _alias_re(aliases: dict[str, str]) -> Optional[re.Pattern]:
    if not aliases:
        return None
    alts = sorted(aliases, key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")


@dataclass
class Gazetteer:
    outlets: dict = field(default_factory=dict)         # alias -> canonical
    outlets_ci: dict = field(default_factory=dict)      # lower alias -> canonical
    governments: dict = field(default_factory=dict)
    demonyms: dict = field(default_factory=dict)        # canonical -> demonym
    capitals: dict = field(default_factory=dict)        # capital canonical -> country
    organizations: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    outlet_re: Optional[re.Pattern] = None
    gov_re: Optional[re.Pattern] = None
    org_re: Optional[re.Pattern] = None
    place_re: Optional[re.Pattern] = None

    def find_outlet(self, text: str, start: int = 0, end: Optional[int] = None) -> Optional[tuple[str, int, int]]:
        """First known outlet named in text[start:end]: (canonical, start, end)."""
        if self.outlet_re is None:
            return None
        m = self.outlet_re.search(text, start, len(text) if end is None else end)
        return (self.outlets[m.group()], m.start(), m.end()) if m else None

    def outlet(self, name: str) -> Optional[str]:
        """Canonical outlet name of an alias (exact, then case-insensitive)."""
        name = name.strip()
        return self.outlets.get(name) or self.outlets_ci.get(name.lower())

    def government(self, name: str) -> Optional[str]:
        return self.governments.get(name.strip())

    def organization(self, name: str) -> Optional[str]:
        return self.organizations.get(name.strip())

    def place(self, name: str) -> Optional[str]:
        return self.places.get(name.strip())


@lru_cache(maxsize=None)
def gazetteer() -> Gazetteer:
    """The compiled gazetteer (cached; see :func:`clear_cache`)."""
    g = Gazetteer()
    for o in _lang.load("common", "outlets").get("outlet", []):
        name = o.get("name")
        if not name:
            continue
        for a in [name, *o.get("aliases", [])]:
            g.outlets.setdefault(a, name)
            if len(a) > 3:
                g.outlets_ci.setdefault(a.lower(), name)
    ents = _lang.load("common", "entities")
    for gv in ents.get("government", []):
        name = gv.get("name")
        if not name:
            continue
        for a in [name, *gv.get("aliases", [])]:
            g.governments.setdefault(a, name)
        if gv.get("demonym"):
            g.demonyms[name] = gv["demonym"]
        if gv.get("capital"):
            g.capitals[gv["capital"]] = name
    for org in ents.get("organization", []):
        name = org.get("name")
        if name:
            for a in [name, *org.get("aliases", [])]:
                g.organizations.setdefault(a, name)
    for pl in ents.get("place", []):
        name = pl.get("name")
        if name:
            for a in [name, *pl.get("aliases", [])]:
                g.places.setdefault(a, name)
    g.outlet_re = _alias_re(g.outlets)
    g.gov_re = _alias_re(g.governments)
    g.org_re = _alias_re(g.organizations)
    g.place_re = _alias_re({**g.places, **g.governments})
    return g


def clear_cache() -> None:
    """Forget the compiled gazetteer (after changing GRAPHKIT_LANG_PATH)."""
    gazetteer.cache_clear()
