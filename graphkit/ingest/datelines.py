"""Datelines opening an article's first paragraph.

Shapes: "PLACE -", "PLACE, Region -", "PLACE (Outlet) -", "PLACE, Date
(Outlet) -", "PLACE, Outlet.com -", "Outlet.com, Place -", "Place Outlet -"
(a known outlet), "(Outlet) " / "(Outlet) -" with a known outlet and no
place, and (where the language data allows title-case places) "Place -" and
"Place, Outlet Name --".  The dashes and the words that are not places come
from ``[dateline]`` in the layout data.

>>> from graphkit.ingest.layout_rules import rules
>>> t = "LONDON (Reuters) - Rain fell."
>>> value, place, (outlet, span), body = dateline(t, 0, len(t), rules("en"))
>>> value, outlet, t[body:]
('London', 'Reuters', 'Rain fell.')
"""
from __future__ import annotations

import re

from graphkit.ingest.layout_rules import Rules
from graphkit.ingest.outlets import canonical_outlet
from graphkit.ingest.spans import _masthead_like, _site_like, _strip


def dateline(text: str, s: int, e: int, r: Rules):
    """(place value, place span, (outlet name, outlet span) or (None, None),
    body start) of a dateline opening text[s:e], or None.  Shapes: "PLACE -",
    "PLACE, Region -", "PLACE (Outlet) -", "PLACE, Date (Outlet) -",
    "PLACE, Outlet.com -", "Outlet.com, Place -", "Place Outlet -" (a known
    outlet), "(Outlet) " with a known outlet and no place (place value and
    span None), and (where the language data allows title-case places)
    "Place -" and "Place, Outlet Name -".

    >>> from graphkit.ingest.layout_rules import rules
    >>> t = "Jakarta, Kanal Contoh -- Warga mengungsi."
    >>> value, _, (outlet, _), body = dateline(t, 0, len(t), rules("id"))
    >>> value, outlet, t[body:]
    ('Jakarta', 'Kanal Contoh', 'Warga mengungsi.')
    """
    if text.startswith("(", s):                         # "(CNN) In a show of ..."
        close = text.find(")", s, min(e, s + 40))
        if close > s + 1 and canonical_outlet(text[s + 1:close]):
            os_, oe = _strip(text, s + 1, close)
            dm = r.dash.match(text, close + 1, e)
            body = _strip(text, dm.end() if dm else close + 1, e)[0]
            return (None, None, (text[os_:oe], (os_, oe)), body) if body < e else None
    dm = r.dash.search(text, s, min(e, s + 90))
    if dm is None or dm.start() <= s:
        return None
    hs, he = s, dm.start()
    outlet = None
    if text[he - 1] == ")" and "(" in text[hs:he]:
        op = text.rindex("(", hs, he)
        outlet = _strip(text, op + 1, he - 1)
        he = _strip(text, hs, op)[1]
    comma = text.find(",", hs, he)
    if comma < 0 and outlet is None:                    # "Washington CNN —": a known outlet last
        cuts = [m.start() for m in re.finditer(r"\s+", text[hs:he])][-2:]
        for c in cuts:
            a, b = _strip(text, hs + c, he)
            if canonical_outlet(text[a:b]):
                outlet, he = (a, b), hs + c
                break
    ps, pe = (hs, comma) if comma >= 0 else (hs, he)
    ps, pe = _strip(text, ps, pe)
    if comma >= 0 and outlet is None and _site_like(text[ps:pe]):
        outlet = (ps, pe)                               # "Outlet.com, Place -"
        ps, pe = _strip(text, comma + 1, he)
        comma = -1
    place = text[ps:pe]
    words = place.split()
    if not words or len(words) > r.max_place_words or place.casefold() in r.not_places:
        return None
    if not all(w[0].isupper() for w in words) or any(c.isdigit() for c in place):
        return None
    caps = place.isupper() and sum(c.isalpha() for c in place) >= 2
    if comma >= 0 and outlet is None:
        rs, re_ = _strip(text, comma + 1, he)
        if _site_like(text[rs:re_]):
            outlet = (rs, re_)
        elif (r.title_case_places and len(text[rs:re_].split()) <= r.max_place_words
              and _masthead_like(text[rs:re_], r)):
            outlet = (rs, re_)                          # "Jakarta, Outlet Name --"
    if not caps and outlet is None and not (
            r.title_case_places and len(words) <= 3 and dm.end() < e and text[dm.end()].isupper()):
        return None
    out_name = text[outlet[0]:outlet[1]] if outlet else None
    if out_name is not None and not out_name.strip():
        out_name = None
    value = place.title() if caps else place
    return value, (ps, pe), (out_name, outlet), dm.end()
