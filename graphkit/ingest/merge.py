"""Combine metadata given by a record or a page with what the text layout shows.

Given values win (they are normalised: outlet names through
``common/outlets.toml``, dates to ISO 8601); the layout fills the rest.  When
the publishing outlet is given and the text names another outlet in its
dateline, header or byline (``ERIE, Pa. (AP) -`` on a newspaper's page), the
article is taken to be based on that outlet (``based_on``).

>>> from graphkit.ingest.layout import parse_layout
>>> lay = parse_layout("PORTVILLE (Reuters) - Rain fell, police said.", "en")
>>> md = merge(lay, "Rain story", given_outlet="www.bbc.com", lang="en")
>>> md.outlet.value, [b.value for b in md.based_on], md.title.value
('BBC', ['Reuters'], 'Rain story')
>>> lay = parse_layout("PORTVILLE (AP) - Rain fell, police said.", "en")
>>> [b.value for b in merge(lay, given_outlet="apnews.com").based_on]
[]
"""
from __future__ import annotations

import re
from typing import Iterable, Optional, Union

from graphkit.ingest.dates import normalise_date
from graphkit.ingest.layout import Layout
from graphkit.ingest.outlets import abbreviates, normalise_outlet, outlet_from_url
from graphkit.records import Field, Metadata

_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bdan\b|&)\s*")


def names_of(value: Union[None, str, dict, Iterable]) -> list[str]:
    """Names from a record's ``authors`` value: a string ("A, B and C"), a
    list of strings, or objects with a ``name`` (JSON-LD ``Person``).

    >>> names_of("Ann Lee and Bo Chan"), names_of([{"@type": "Person", "name": "Ann Lee"}])
    (['Ann Lee', 'Bo Chan'], ['Ann Lee'])
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [n for n in (" ".join(x.split()) for x in _SPLIT.split(value)) if n]
    if isinstance(value, dict):
        return names_of(value.get("name"))
    if isinstance(value, (list, tuple)):
        return [n for v in value for n in names_of(v)]
    return []


def merge(lay: Layout, title: Optional[str] = None, *, given_outlet: Optional[str] = None,
          published: Optional[str] = None, authors=None, url: Optional[str] = None,
          lang: str = "en") -> Metadata:
    """Metadata from given values, completed by the layout (see module doc)."""
    md: Metadata = lay.metadata
    if title and title.strip():
        t = " ".join(title.split())
        md.title = md.title if md.title and md.title.value == t else Field(t, md.title.span if md.title else None)
    outlet = normalise_outlet(given_outlet) if given_outlet and given_outlet.strip() else None
    if outlet is None and url and md.outlet is None:
        outlet = outlet_from_url(url)
    if outlet is not None:
        seen = {normalise_outlet(b.value) for b in md.based_on} | {outlet}
        for f in lay.outlets_seen:
            key = normalise_outlet(f.value)          # "AP" and "Associated Press" are one outlet
            if abbreviates(f.span.text if f.span else f.value, given_outlet or outlet):
                continue                             # "KOTA (SP) -": the paper's own initials
            if key not in seen:
                md.based_on.append(f)
                seen.add(key)
        md.outlet = Field(outlet)
    if published:
        md.published = Field(normalise_date(str(published), lang) or str(published))
    given = names_of(authors)
    if given:
        md.authors = [Field(n) for n in given]
    md.url = url or md.url
    return md
