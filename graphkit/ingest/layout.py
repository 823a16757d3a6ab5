"""Plain-text article layout: metadata fields and body spans (the title
block is read by :mod:`graphkit.ingest.header`, its metadata lines by
:mod:`graphkit.ingest.meta_lines`).

A news page copied as text has a title block (site name or masthead,
navigation bar or breadcrumb, section, title, date line, byline, photo
caption), the article's paragraphs (the first may open with a dateline such
as ``WASHINGTON (Reuters) -`` or ``Site.com, Kota -``), related-story lines
and blocks, bylines (``Penulis : A Editor : B``, ``By A and B``), the
declared basis (``Source: Reuters``) and page furniture.  Every word that marks these
(labels, prefixes, month names, time zones...) comes from
``<lang>/layout.toml`` merged with ``common/layout.toml``; this module only
knows the shapes.  Each line is one paragraph; every extracted
:class:`~graphkit.records.Field` has a span into the original text.

>>> text = "Storm Hits Coast\\n\\nBy Ann Lee\\n\\nPORTVILLE (Harbor Wire) - Rain fell, officials said.\\n\\nRead also: Older story\\n"
>>> lay = parse_layout(text, "en")
>>> lay.metadata.title.value, lay.metadata.dateline.value, lay.metadata.outlet.value
('Storm Hits Coast', 'Portville', 'Harbor Wire')
>>> [a.value for a in lay.metadata.authors], [r.value for r in lay.metadata.related_links_not_content]
(['Ann Lee'], ['Older story'])
>>> [s.text for s in lay.body]
['Rain fell, officials said.']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from graphkit.ingest.datelines import dateline as _dateline
from graphkit.ingest.header import _classify, _header, _lines, _own_credits
from graphkit.ingest.layout_rules import _INITIALS_TAIL, clear_cache, Rules, rules
from graphkit.ingest.meta_lines import _Meta
from graphkit.ingest.outlets import (
    abbreviates, canonical_outlet, display_outlet, normalise_outlet, same_outlet)
from graphkit.ingest.spans import _field, _is_prose, _Name
from graphkit.records import Field, Metadata, Span

__all__ = ["Layout", "parse_layout", "rules", "clear_cache", "Rules"]


@dataclass
class Layout:
    """What the layout parser found: metadata and body paragraphs."""

    metadata: Metadata
    body: list[Span]
    outlets_seen: list[Field] = field(default_factory=list)   # outlets named in dateline/header/byline (not the site name)




def _same_outlet_form(md: Metadata, outlets: list[Field]) -> None:
    """One written form for an outlet that is not in the outlet list, in
    every field that names it: the site's own form when it writes its name
    with lower-case letters ("wartapena.co"), else the first such form in
    the text, else the display form ("WARTAPENA.CO" -> "Wartapena.co")."""
    fields = [f for f in [md.outlet, *outlets, *md.based_on, *md.image_credit]
              if f is not None and f.span is not None and canonical_outlet(f.value) is None]
    groups: dict[str, list[Field]] = {}
    for f in fields:
        groups.setdefault(normalise_outlet(f.value).casefold(), []).append(f)
    new: dict[int, Field] = {}
    for group in groups.values():
        if len({f.value for f in group}) < 2:
            continue
        ordered = group[:1] + sorted(group[1:], key=lambda f: f.span.start)
        form = next((display_outlet(f.span.text) for f in ordered
                     if any(c.islower() for c in f.span.text)), ordered[0].value)
        new.update((id(f), Field(form, f.span)) for f in group)
    if not new:
        return
    if md.outlet is not None:
        md.outlet = new.get(id(md.outlet), md.outlet)
    for fs in (outlets, md.based_on, md.image_credit):
        fs[:] = [new.get(id(f), f) for f in fs]


def parse_layout(text: str, lang: str, title_hint: Optional[str] = None,
                 detect_title: bool = True) -> Layout:
    """Split ``text`` into metadata fields and body paragraphs using the
    layout data of ``lang``.

    ``title_hint`` (a title known from elsewhere, e.g. a JSON record): a
    line of the title block is taken as the title only when it is that title.
    ``detect_title=False`` never takes a line as the title.

    >>> lay = parse_layout("Desa Banjir\\n\\nSeksi | 11 Oktober 2024, 15:32 WIB\\n\\nWarga mengungsi.\\n\\nPenulis : Ani Rusdi Editor : Budi-Santoso\\n", "id")
    >>> m = lay.metadata.as_dict()
    >>> m["section"], m["published"], m["authors"], m["editors"]
    ('Seksi', '2024-10-11T15:32:00+07:00', ['Ani Rusdi'], ['Budi Santoso'])
    >>> m = parse_layout("harbor.example > Kota\\n\\nJembatan Tua Ditutup Sementara\\n\\nOleh Ani Rusdi\\n\\nBandung - Jembatan ditutup.\\n", "id").metadata
    >>> m.outlet.value, m.section.value, m.dateline.value, m.authors[0].value
    ('harbor.example', 'Kota', 'Bandung', 'Ani Rusdi')
    """
    r = rules(lang)
    md = Metadata()
    lines = _lines(text)
    outlets: list[Field] = []
    _classify(text, lines, r)
    h = _header(text, lines, r, title_hint, detect_title)
    if h.title is not None:
        md.title = _field(text, text[h.title.s:h.title.e], h.title.s, h.title.e)
    if h.section is not None:
        md.section = _field(text, text[h.section[0]:h.section[1]], *h.section)

    _own_credits(text, lines, r, h)
    if h.first_prose < len(lines) and lines[h.first_prose].kind != "text":
        h.first_prose = next((i for i in range(h.first_prose, len(lines)) if lines[i].kind == "text"
                              and _is_prose(text[lines[i].s:lines[i].e], r)), len(lines))
    dateline_at = h.first_prose if h.first_prose < len(lines) else \
        next((i for i, ln in enumerate(lines) if ln.kind == "text"), -1)
    prose = [i for i, ln in enumerate(lines) if ln.kind == "text" and _is_prose(text[ln.s:ln.e], r)]
    last_body = prose[-1] if prose else max((i for i, ln in enumerate(lines) if ln.kind == "text"), default=-1)
    body: list[Span] = []
    dateline_outlet: Optional[Field] = None
    credit_lists: list[list[str]] = []
    basis_own: Optional[_Name] = None        # "Source: X and news agencies": X's own page
    related_block = 0          # 1: heading seen, 2: titles being taken
    for i, ln in enumerate(lines):
        k = ln.kind
        if related_block and k == "text" and not _is_prose(text[ln.s:ln.e], r) \
                and not (related_block == 2 and ln.gap):
            md.related_links_not_content.append(_field(text, text[ln.s:ln.e], ln.s, ln.e))
            related_block = 2
            continue
        related_block = 0
        if k == "related":
            ts, te = ln.data
            if te > ts:
                md.related_links_not_content.append(_field(text, text[ts:te], ts, te))
            else:
                related_block = 1
        elif k == "caption":
            got, whole = ln.data
            seg = text[ln.s:ln.e]
            if whole and i > last_body and seg[0] == "(" and not (
                    r.photo_word.search(seg) or r.credit_word.search(seg)):
                continue                               # "(Site.com/Reporter Name)" signing off the story
            vals = [f.value for f in got]
            if vals in credit_lists:
                continue                               # the same credit printed again
            credit_lists.append(vals)
            md.image_credit.extend(got)
        elif k == "meta":
            mt: _Meta = ln.data
            if any(role == "basis" for role, _ in mt.roles) and i < last_body:
                body.append(Span.of(text, ln.s, ln.e))
                continue
            for role, names in mt.roles:
                if role == "basis" and basis_own is None and any(nm.generic for nm in names):
                    basis_own = next((nm for nm in names if not nm.generic), None)
                for nm in names:
                    if role == "basis":
                        md.based_on.append(_field(text, nm.outlet or display_outlet(nm.value), nm.start, nm.end))
                    elif nm.outlet:
                        outlets.append(_field(text, nm.outlet, nm.start, nm.end))
                    elif role == "author":
                        md.authors.append(_field(text, nm.value, nm.start, nm.end))
                    else:
                        md.editors.append(_field(text, nm.value, nm.start, nm.end))
            if mt.date and md.published is None:
                md.published = _field(text, mt.date[0], mt.date[1], mt.date[2])
            for nm in mt.outlets:
                outlets.append(_field(text, nm.value, nm.start, nm.end))
            if mt.date and mt.others and md.section is None:
                a, b = mt.others[0]
                md.section = _field(text, text[a:b], a, b)
        elif k == "text":
            s = ln.s
            if i == dateline_at:
                dl = _dateline(text, ln.s, ln.e, r)
                if dl is not None:
                    value, pspan, (oname, ospan), s = dl
                    if value is not None:
                        md.dateline = _field(text, value, *pspan)
                    if oname:
                        dateline_outlet = _field(text, display_outlet(oname), ospan[0], ospan[1])
            te = ln.e
            tm = _INITIALS_TAIL.search(text, s, ln.e) if text[ln.e - 1] == ")" else None
            if tm:
                te = tm.start()                        # editors' initials "... (abc/def)"
            if s < te:
                body.append(Span.of(text, s, te))
    if dateline_outlet is not None:
        if h.site is not None and abbreviates(dateline_outlet.span.text, h.site.span.text):
            dateline_outlet = None                     # "KOTA (SP) -": the paper's own initials
        else:
            outlets.insert(0, dateline_outlet)
    md.outlet = h.site or (outlets[0] if outlets else None)
    if md.outlet is None and basis_own is not None:
        md.outlet = _field(text, basis_own.outlet or display_outlet(basis_own.value), basis_own.start, basis_own.end)
    if md.dateline is None and h.place is not None:
        md.dateline = _field(text, " ".join(text[h.place[0]:h.place[1]].split()), *h.place)
    if h.site is not None:
        for f in outlets:
            if not same_outlet(f.span.text, h.site.span.text) and f is dateline_outlet:
                md.based_on.append(f)                  # a local paper's page of a wire story
    _same_outlet_form(md, outlets)
    for name in ("authors", "editors", "based_on"):
        seen: set = set()
        setattr(md, name, [f for f in getattr(md, name) if not (f.value in seen or seen.add(f.value))])
    return Layout(md, body, outlets)
