"""Plain-text article layout: metadata fields and body spans.

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

import re
from dataclasses import dataclass, field
from typing import Optional

from graphkit.ingest import dates as _dates
from graphkit.ingest.credits import _group_start, caption_credits
from graphkit.ingest.credits import credits as _credits
from graphkit.ingest.datelines import dateline as _dateline
from graphkit.ingest.layout_rules import (_ALNUM, _DOMAIN_LIKE, _EMBED, _INITIALS_LINE, _INITIALS_TAIL,
                                          _TERMINAL, Rules,
                                          clear_cache, rules)
from graphkit.ingest.outlets import (abbreviates, canonical_outlet, display_outlet, normalise_outlet, outlet_key,
                                     same_outlet)
from graphkit.ingest.spans import (_basis_names, _crumb_section, _field, _is_prose, _Name, _name, _names, _masthead_like,
                                   _pieces, _site_like, _strip)
from graphkit.records import Field, Metadata, Span

__all__ = ["Layout", "parse_layout", "rules", "clear_cache", "Rules"]


# ---------------------------------------------------------------------------
# line kinds

@dataclass
class _Meta:
    """What a header or byline line holds."""

    roles: list[tuple[str, list[_Name]]] = field(default_factory=list)
    date: Optional[tuple[str, int, int]] = None
    outlets: list[_Name] = field(default_factory=list)
    others: list[tuple[int, int]] = field(default_factory=list)


def _meta(text: str, s: int, e: int, r: Rules, allow_date: bool) -> Optional[_Meta]:
    """Parse a byline / date line; None when it is not one."""
    if e - s > r.max_line:
        return None
    if text[s] == "(" and text[e - 1] == ")":
        s, e = s + 1, e - 1
    if e - s > 2 and text[s] in "—–-" and text[s + 1].isspace():
        s = _strip(text, s + 1, e)[0]                   # "— With assistance by A"
    meta = _Meta()
    if allow_date:
        ds = _dates.labelled_dates(text[s:e], r.lang)
        if ds:                                          # "Published : D  Updated : D"
            meta.date = (ds[0].value, s + ds[0].start, s + ds[0].end)
            return meta
    parts = _pieces(r.header_split, text, s, e)
    skip = False
    for k, (a, b) in enumerate(parts):
        if skip:
            skip = False
            continue
        labels = [m for m in r.label.finditer(text, a, b)]
        if labels and labels[0].start() == a and text[a].isupper():
            for i, m in enumerate(labels):
                end = labels[i + 1].start() if i + 1 < len(labels) else b
                role = r.label_role[" ".join(m.group("label").split()).casefold()]
                names = _basis_names(text, m.end(), end, r) if role == "basis" else _names(text, m.end(), end, r)
                if names is None:
                    return None
                meta.roles.append((role, names))
            continue
        pm = r.prefix.match(text, a, b)
        if pm and text[a].isupper() and not _TERMINAL.search(text[a:b]):
            names = _names(text, pm.end(), b, r)
            comma = text.rfind(",", pm.end(), b)
            if names is None and comma > 0 and r.role_word.search(text, comma, b):
                names = _names(text, pm.end(), comma, r)   # "By Ann Lee, health correspondent"
            if names is None:
                return None
            role = r.prefix_role[" ".join(pm.group("prefix").split()).casefold()]
            meta.roles.append((role, names))
            continue
        if allow_date and meta.date is None:
            d = None
            if k + 1 < len(parts):                     # "date | time" in two parts
                d = _dates.is_date_only(text[a:parts[k + 1][1]], r.lang)
                skip = d is not None and "T" in d.value
                d = d if skip else None
            d = d or _dates.is_date_only(text[a:b], r.lang)
            if d is not None:
                meta.date = (d.value, a + d.start, a + d.end)
                continue
        if canonical_outlet(text[a:b]) or _DOMAIN_LIKE.match(text[a:b]):
            out = display_outlet(text[a:b])
            meta.outlets.append(_Name(out, a, b, out))
            continue
        if len(text[a:b].split()) > 5 or _TERMINAL.search(text[a:b]):
            return None
        meta.others.append((a, b))
    if not meta.roles and meta.date is None:
        return None
    if meta.roles and meta.others:
        return None
    return meta


_OPEN_QUOTES = "\"“„«'‘"
_CLOSE_QUOTES = "\"”“»'’"


def _related_title(text: str, s: int, e: int, r: Rules) -> tuple[int, int]:
    """Span of the linked title after a related-story prefix: the quoted
    title when the rest of the line opens with a quote ("Simak juga video
    'X' di sini:"), else the rest of the line without a leading kind word
    ("Video:") and trailing colon."""
    km = r.related_kind.match(text, s, e)
    if km:
        s = km.end()
    s, e = _strip(text, s, e)
    if s < e and text[s] in _OPEN_QUOTES:
        close = max(text.rfind(q, s + 1, e) for q in _CLOSE_QUOTES)
        if close > s + 1:
            return _strip(text, s + 1, close)
    return _strip(text, s, e, ":")


# ---------------------------------------------------------------------------

@dataclass
class Layout:
    """What the layout parser found: metadata and body paragraphs."""

    metadata: Metadata
    body: list[Span]
    outlets_seen: list[Field] = field(default_factory=list)   # outlets named in dateline/header/byline (not the site name)


@dataclass
class _Line:
    s: int
    e: int
    kind: str = "text"
    data: object = None
    gap: bool = False          # a blank line before it


_LINE = re.compile(r"[^\r\n]+")
_LEAD_DASH = re.compile(r"[—–-]\s+")


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    prev = 0
    for m in _LINE.finditer(text):
        s, e = _strip(text, m.start(), m.end())
        if e > s:
            gap = bool(out) and text.count("\n", prev, s) >= 2
            out.append(_Line(s, e, gap=gap))
            prev = e
    return out


def _nwords(text: str, ln: _Line) -> int:
    return len(text[ln.s:ln.e].split())


def _shouty(seg: str) -> bool:
    letters = [c for c in seg if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _person_names(text: str, s: int, e: int, r: Rules) -> Optional[list[_Name]]:
    """Names of people (two or more words each, no outlets) in text[s:e], or None."""
    names = _names(text, s, e, r)
    if not names or any(n.outlet or len(n.value.split()) < 2 for n in names):
        return None
    return names


def _name_with_role(text: str, s: int, e: int, r: Rules) -> Optional[list[_Name]]:
    """The author of a one-line byline "Name Role words" ("Ann Lee Health
    correspondent"): the first two words (three with a particle) when the
    rest ends with a role word (``byline.role_words``), else None."""
    toks = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    if len(toks) < 3 or len(toks) > r.max_name_words + 4 or _TERMINAL.search(text, s, e):
        return None
    if not r.role_word.search(text, toks[-2][0] if len(toks) > 3 else toks[-1][0], e):
        return None
    n = 3 if text[toks[1][0]:toks[1][1]].casefold() in r.particles else 2
    if n >= len(toks) or r.role_word.search(text, toks[0][0], toks[n - 1][1]):
        return None
    if any(c.isdigit() for c in text[s:e]):
        return None
    return _person_names(text, toks[0][0], toks[n - 1][1], r)


def _label_blocks(text: str, lines: list[_Line], r: Rules) -> None:
    """A byline label alone on its line ("Reporter", "Editor:") with the
    names on the next line: the names get the label's role."""
    for i, ln in enumerate(lines):
        if ln.kind != "text" or not text[ln.s].isupper():
            continue
        m = r.label_alone.fullmatch(text, ln.s, ln.e)
        if m is not None and i + 1 == len(lines):
            ln.kind = "furniture"
            continue
        if m is None:
            continue
        ln.kind = "furniture"                          # a label alone is never content
        nxt = lines[i + 1]
        seg = text[nxt.s:nxt.e]
        if nxt.kind != "text" or _is_prose(seg, r) or r.label_alone.match(seg):
            continue
        names = _names(text, nxt.s, nxt.e, r)
        if names is None:
            continue
        key = " ".join(m.group("label").split()).casefold()
        role = r.label_role.get(key) or r.prefix_role[key]
        nxt.kind, nxt.data = "meta", _Meta(roles=[(role, names)])


def _furniture_parts(text: str, ln: _Line, r: Rules) -> bool:
    """A line of header parts that are each a furniture word or carry no
    letter ("Listen • 3:05", "Share | Comments"), at least one a word."""
    parts = _pieces(r.header_split, text, ln.s, ln.e)
    if len(parts) < 2:
        return False
    words = [" ".join(text[a:b].split()).casefold() for a, b in parts]
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    return bool(lettered) and all(w.rstrip(":") in r.furniture_lines for w in lettered)


def _classify(text: str, lines: list[_Line], r: Rules) -> None:
    """Kinds that do not depend on position: furniture, related link, caption, byline."""
    for ln in lines:
        seg = text[ln.s:ln.e]
        folded = " ".join(seg.split()).casefold()
        if (not _ALNUM.search(seg) or folded.rstrip(":") in r.furniture_lines
                or r.furniture_prefix.match(seg) or _INITIALS_LINE.match(seg) or _EMBED.match(seg)
                or (r.furniture_suffixes and folded.endswith(r.furniture_suffixes))):
            ln.kind = "furniture"
            continue
        if _furniture_parts(text, ln, r):
            ln.kind = "furniture"                      # "Listen • 3:05", "Share | Comments"
            continue
        hm = r.related_heading.match(seg)
        if hm and not _is_prose(seg, r) and len(seg.split()) <= r.max_name_words + 3:
            ln.kind, ln.data = "related", (ln.e, ln.e)  # "More Stories From X" heads a block
            continue
        rm = r.related.match(seg) or r.related_colon.match(seg)
        if rm:
            ts, te = _related_title(text, ln.s + rm.end(), ln.e, r)
            title = text[ts:te]
            if title and not rm.group("sep").strip() and seg.endswith(":") and text[ts - 1] not in _OPEN_QUOTES:
                ts = te = ln.e                          # "More from The Daily Example:" heads a block
                title = ""
            if not title or (rm.group("sep").strip() or not _TERMINAL.search(title)):
                ln.kind, ln.data = "related", (ts, te)
                continue
        cr = _credits(text, ln.s, ln.e, r)
        if cr is not None:
            ln.kind, ln.data = "caption", cr
            continue
        if seg[0] == "[" and seg[-1] == "]" and len(seg.split()) >= 3 and not _TERMINAL.search(seg[1:-1]):
            ts, te = _strip(text, ln.s + 1, ln.e - 1)
            ln.kind, ln.data = "related", (ts, te)    # "[Title of another story]"
            continue
        dash = _LEAD_DASH.match(seg)
        lead = ln.s + 1 if seg[0] == "(" else ln.s + (dash.end() if dash else 0)
        if not (r.label.match(text, lead, ln.e) or r.prefix.match(text, lead, ln.e)
                or (not _is_prose(seg, r) and r.header_split.search(text, ln.s, ln.e))):
            continue
        mt = _meta(text, ln.s, ln.e, r, allow_date=False)
        if mt is not None:
            ln.kind, ln.data = "meta", mt
    _label_blocks(text, lines, r)


def _first_prose(text: str, lines: list[_Line], r: Rules) -> int:
    """Index of the first paragraph of prose.  A first prose line that a
    date or byline line follows (before any other prose, more prose after
    it) is a standfirst: the title block goes on after it."""
    n = len(lines)
    prose = [i for i, ln in enumerate(lines) if ln.kind == "text" and _is_prose(text[ln.s:ln.e], r)]
    if len(prose) < 2:
        return prose[0] if prose else n
    first = prose[0]
    if not any(ln.kind == "text" for ln in lines[:first]):
        return first                                    # no title before it
    for j in range(first + 1, min(prose[1], first + 5)):
        ln = lines[j]
        if ln.kind == "meta" and any(role == "author" for role, _ in ln.data.roles):
            return prose[1]
        if ln.kind == "text" and (_dates.is_date_only(text[ln.s:ln.e], r.lang)
                                  or _name_with_role(text, ln.s, ln.e, r)):
            return prose[1]
    return first


def _gaps(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans between consecutive pieces."""
    return [(parts[k][1], parts[k + 1][0]) for k in range(len(parts) - 1)]


def _title_follows(text: str, lines: list[_Line], r: Rules, i: int, end: int) -> bool:
    """Does a line that could be a title (more than three words, not prose) follow line i before ``end``?"""
    return any(lines[j].kind == "text" and _nwords(text, lines[j]) > 3 and not _is_prose(text[lines[j].s:lines[j].e], r)
               for j in range(i + 1, end))


def _tagline(text: str, lines: list[_Line], r: Rules, cands: list[int], good: list[int]) -> Optional[int]:
    """A masthead's tagline: the line right under the masthead (the first
    line of the page that is not furniture), in the same block, when a title
    candidate comes after a blank line."""
    if len(good) < 2 or good[0] == 0:
        return None
    i = good[0]
    top = lines[i - 1]
    if lines[i].gap or not (top.kind == "site" or (cands and cands[0] == i - 1)):
        return None
    if any(ln.kind not in ("furniture", "nav") for ln in lines[:i - 1]):
        return None
    if top.kind != "site" and not _masthead_like(text[top.s:top.e], r):
        return None
    if not any(lines[j].gap for j in range(i + 1, good[1] + 1)):
        return None
    return i


def _dateline_outlet(text: str, lines: list[_Line], first: int, r: Rules) -> set[str]:
    """The outlet named in the dateline of the first paragraph, folded
    (an empty set when there is none): the page's own name, known before the
    title block is read."""
    if first >= len(lines):
        return set()
    dl = _dateline(text, lines[first].s, lines[first].e, r)
    if dl is None or not dl[2][0]:
        return set()
    return {outlet_key(dl[2][0])}


def _name_outlet(text: str, ln: _Line, r: Rules, own: set[str]) -> Optional[_Meta]:
    """A byline "Ann Lee, Outlet" (one comma): a person's name, then a known
    outlet, a web name or the outlet the dateline names."""
    seg = text[ln.s:ln.e]
    if seg.count(",") != 1 or _TERMINAL.search(seg):
        return None
    comma = text.index(",", ln.s, ln.e)
    a, b = _strip(text, comma + 1, ln.e)
    out = text[a:b]
    if not (canonical_outlet(out) or _DOMAIN_LIKE.match(out) or outlet_key(out) in own):
        return None
    names = _person_names(text, ln.s, comma, r)
    if not names or len(names) != 1:
        return None
    shown = display_outlet(out)
    return _Meta(roles=[("author", names)], outlets=[_Name(shown, a, b, shown)])


@dataclass
class _Header:
    """What the title block (the lines before the first paragraph of prose) gave."""

    title: Optional[_Line] = None
    section: Optional[tuple[int, int]] = None
    site: Optional[Field] = None          # the page's own outlet: site name, masthead, breadcrumb
    first_prose: int = 0
    place: Optional[tuple[int, int]] = None   # the place of a date line ("Jakarta | date")


def _header(text: str, lines: list[_Line], r: Rules, title_hint: Optional[str],
            detect_title: bool) -> _Header:
    """Read the title block: date and byline lines, navigation bars,
    breadcrumbs, the site name or masthead, the section, the title, and
    (after the title) an author's name alone on a line after the date, a
    "Name - channel" line, and the caption under a credit line."""
    h = _Header()
    n = len(lines)
    h.first_prose = _first_prose(text, lines, r)
    own = _dateline_outlet(text, lines, h.first_prose, r)
    cands: list[int] = []
    for i in range(h.first_prose):
        ln = lines[i]
        if ln.kind != "text":
            continue
        seg = text[ln.s:ln.e]
        if _is_prose(seg, r):
            continue                                   # a standfirst
        mt = _meta(text, ln.s, ln.e, r, allow_date=True)
        if mt is not None:
            ln.kind, ln.data = "meta", mt
            continue
        if r.date_rules.ignorable.sub("", seg) == "":
            ln.kind = "furniture"                      # a date label alone ("Published")
            continue
        if r.crumb_split.search(seg):
            parts = _pieces(r.crumb_split, text, ln.s, ln.e)
            if len(parts) >= 2 and all(len(text[a:b].split()) <= 4 for a, b in parts) and (
                    not all(text[x:y].strip() == "/" for x, y in _gaps(parts))
                    or _title_follows(text, lines, r, i, h.first_prose)):
                ln.kind, ln.data = "crumb", parts      # (a short title "A / B" is no breadcrumb)
                continue
        if len(seg.split()) >= r.nav_min_parts:
            parts = _pieces(r.header_split, text, ln.s, ln.e)
            if len(parts) >= r.nav_min_parts and all(
                    len(text[a:b].split()) <= 3 and not any(c.isdigit() for c in text[a:b]) for a, b in parts):
                ln.kind = "nav"                        # navigation bar: furniture
                continue
        if _site_like(seg):
            ln.kind = "site"
            continue
        bl = _name_outlet(text, ln, r, own)
        if bl is not None:
            ln.kind, ln.data = "meta", bl                 # "Ann Lee, Harbor Wire"
            continue
        cands.append(i)

    # the title
    t: Optional[int] = None
    masthead = -1
    if title_hint is not None:
        key = " ".join(title_hint.split()).casefold()
        t = next((i for i in cands if " ".join(text[lines[i].s:lines[i].e].split()).casefold() == key), None)
    elif detect_title and cands:
        good = [i for i in cands if _nwords(text, lines[i]) > 3 and not _shouty(text[lines[i].s:lines[i].e])]
        tag = _tagline(text, lines, r, cands, good)
        if tag is not None:
            masthead = tag - 1
            lines[tag].kind = "furniture"
            cands.remove(tag)
            good.remove(tag)
        t = good[0] if good else max(cands, key=lambda i: (_nwords(text, lines[i]), -i))
    if t is not None:
        h.title = lines[t]
        lines[t].kind = "title"

    # before the title: site name / masthead, breadcrumb, section
    top = t if t is not None else 0
    crumbs = {i for i in range(top) if lines[i].kind == "crumb"}
    for i in range(top):
        ln = lines[i]
        if ln.kind == "site" and h.site is None:
            h.site = _field(text, display_outlet(text[ln.s:ln.e]), ln.s, ln.e)
        elif ln.kind == "crumb":
            parts = ln.data
            a, b = parts[0]
            if _site_like(text[a:b]):
                if h.site is None:
                    h.site = _field(text, display_outlet(text[a:b]), a, b)
                parts = parts[1:]
            if parts and h.section is None:
                h.section = _crumb_section(text, parts, r)
            ln.kind = "furniture"
        elif ln.kind == "site":
            ln.kind = "furniture"
    pre = [i for i in cands if i < top]
    if pre:
        nav_after = any(lines[j].kind == "nav" for j in range(pre[0] + 1, top)) or (
            any(j in crumbs for j in range(pre[0] + 1, top)) and _nwords(text, lines[pre[0]]) >= 2)
        if pre[0] == masthead or (
                (len(pre) >= 2 or nav_after) and _masthead_like(text[lines[pre[0]].s:lines[pre[0]].e], r)):
            ln = lines[pre[0]]
            if h.site is None:
                h.site = _field(text, display_outlet(text[ln.s:ln.e]), ln.s, ln.e)
            pre = pre[1:]
        if pre and h.section is None and _nwords(text, lines[pre[-1]]) <= 5:
            ln = lines[pre[-1]]
            h.section = _crumb_section(text, _pieces(r.header_split, text, ln.s, ln.e), r)   # "News|Topic"
        for i in range(top):
            if lines[i].kind in ("text", "site"):
                lines[i].kind = "furniture"
    for i in range(h.first_prose):
        if lines[i].kind in ("site", "nav"):
            lines[i].kind = "furniture"

    # after the title
    own_keys = set(own) | ({outlet_key(h.site.span.text)} if h.site is not None and h.site.span else set())
    own_keys.discard("")
    for i in range(top, h.first_prose):
        ln = lines[i]
        if not (ln.kind == "meta" and ln.data.date and not ln.data.roles):
            continue
        keep = []
        for a, b in ln.data.others:
            if outlet_key(text[a:b]) in own_keys:      # "Harbor TV - date": the site's name as it writes it
                shown = display_outlet(text[a:b])
                ln.data.outlets.append(_Name(shown, a, b, shown))
                if h.site is None:
                    h.site = _field(text, shown, a, b)
            else:
                keep.append((a, b))
        ln.data.others = keep
        if h.section is not None and len(keep) == 1:
            a, b = keep[0]
            names = _person_names(text, a, b, r)
            if names:                                  # "Ann Lee · date" (the section is known)
                ln.data.roles, ln.data.others = [("author", names)], []
            elif h.place is None and _place_like(text[a:b], r):
                h.place, ln.data.others = (a, b), []   # "Place | date" (the section is known)
    date_seen = False
    for i in range(top, h.first_prose):
        ln = lines[i]
        if ln.kind == "meta" and ln.data.date:
            date_seen = True
        if ln.kind != "text" or i < top or (t is not None and i == t):
            continue
        seg = text[ln.s:ln.e]
        if outlet_key(seg) in own_keys and not _is_prose(seg, r):
            ln.kind, ln.data = "meta", _Meta(outlets=[_Name(display_outlet(seg), ln.s, ln.e, display_outlet(seg))])
            if h.site is None:                         # the site's name on its own line
                h.site = _field(text, display_outlet(seg), ln.s, ln.e)
            continue
        prev = lines[i - 1] if i > 0 else None
        if prev is not None and prev.kind == "caption" and prev.data[1] and not ln.gap:
            ln.kind = "furniture"                      # caption under a credit line ("Getty Images")
            continue
        if text[ln.e - 1] in ")]" and not r.date_rules.label.search(text, ln.s, ln.e):
            cr = caption_credits(text, ln.s, ln.e, r)    # (not "Title Updated: date (Agency)")
            if cr:
                ln.kind, ln.data = "caption", (cr, False)   # "... on Tuesday. (Agency)"
                continue
            if text[ln.s] in "([" and _group_start(text, ln.s, ln.e) == ln.s:
                ln.kind = "furniture"                  # an editor's note "(ATTN: ...)"
                continue
        parts = _pieces(r.header_split, text, ln.s, ln.e)
        names = None
        nxt = lines[i + 1] if i + 1 < h.first_prose else None
        role_next = (nxt is not None and nxt.kind == "text" and _nwords(text, nxt) <= 5
                     and bool(r.role_word.search(text, nxt.s, nxt.e)))
        outlet_next = (nxt is not None and nxt.kind == "text" and not _is_prose(text[nxt.s:nxt.e], r)
                       and outlet_key(text[nxt.s:nxt.e]) in own_keys)   # "Name" above the site's name
        if (date_seen or role_next or outlet_next) and len(parts) == 1:
            names = _person_names(text, ln.s, ln.e, r)   # a name alone after the date or above a role
        elif len(parts) == 2 and " " not in text[parts[1][0]:parts[1][1]]:
            names = _person_names(text, parts[0][0], parts[0][1], r)   # "Name - channel"
        if not names and len(parts) == 1:
            names = _name_with_role(text, ln.s, ln.e, r)  # "Name Health correspondent"
        if names:
            ln.kind, ln.data = "meta", _Meta(roles=[("author", names)])
            nxt = lines[i + 1] if i + 1 < n else None
            if (nxt is not None and nxt.kind == "text" and i + 1 < h.first_prose
                    and _nwords(text, nxt) <= 5 and r.role_word.search(text, nxt.s, nxt.e)):
                nxt.kind = "furniture"                 # the author's role ("Europe correspondent")
    _standfirst(text, lines, r, t, h.first_prose)
    return h


def _standfirst(text: str, lines: list[_Line], r: Rules, t: Optional[int], first_prose: int) -> None:
    """The standfirst: the first line after the title (furniture aside),
    longer than a name, when a date, byline or caption line still follows
    before the first paragraph (and there is one).  Like the title it is a summary, not article
    text: it becomes furniture."""
    if t is None or first_prose >= len(lines):
        return                                         # (no article text after it: it is the text)
    j = next((k for k in range(t + 1, first_prose) if lines[k].kind not in ("furniture", "nav")), None)
    if j is None or lines[j].kind != "text" or _nwords(text, lines[j]) <= r.max_name_words:
        return
    if any(lines[k].kind == "caption" or (lines[k].kind == "meta" and (
            lines[k].data.date or any(role == "author" for role, _ in lines[k].data.roles)))
           for k in range(j + 1, first_prose)):
        lines[j].kind = "furniture"


def _place_like(seg: str, r: Rules) -> bool:
    """A place name in a date line ("Jakarta", "PORT AMARO"): a few
    capitalised words without digits that are not an outlet."""
    words = seg.split()
    return (0 < len(words) <= r.max_place_words and all(w[:1].isupper() for w in words)
            and not any(c.isdigit() for c in seg) and not _site_like(seg)
            and seg.casefold() not in r.not_places)


def _own_credits(text: str, lines: list[_Line], r: Rules, h: _Header) -> None:
    """A credit line naming the page's own outlet ("Ann Lee/Harbor Public
    Radio", a public-radio site's photo credit under its caption): two or
    three names split by "/", one of them the site's name.  The caption
    right above it (no blank line between) is furniture too."""
    if h.site is None or h.site.span is None:
        return
    for i, ln in enumerate(lines):
        seg = text[ln.s:ln.e]
        if ln.kind != "text" or "/" not in seg or _is_prose(seg, r):
            continue
        parts = _pieces(_SLASH, text, ln.s, ln.e)
        if not 2 <= len(parts) <= 3 or not any(same_outlet(text[a:b], h.site.span.text) for a, b in parts):
            continue
        got = []
        for a, b in parts:
            nm = _name(text, a, b, r)
            if nm is None:
                break
            got.append(_field(text, nm.outlet or nm.value, a, b))
        if len(got) != len(parts):
            continue
        ln.kind, ln.data = "caption", (got, True)
        prev = lines[i - 1] if i > 0 else None
        if prev is not None and prev.kind == "text" and not ln.gap and not r.label.match(text, prev.s, prev.e):
            prev.kind = "furniture"


_SLASH = re.compile(r"\s*/\s*")


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
