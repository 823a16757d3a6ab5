"""The title block of a news page: lines classified by kind (site name,
breadcrumb, navigation, furniture, title, date line, byline, caption,
standfirst) and the header fields read from them (site, section, title,
authors, dates, credits).

Helpers of :mod:`graphkit.ingest.layout`; not part of graphkit's public API.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from graphkit.ingest import dates as _dates
from graphkit.ingest.credits import credits as _credits
from graphkit.ingest.credits import _group_start, caption_credits
from graphkit.ingest.datelines import dateline as _dateline
from graphkit.ingest.layout_rules import _ALNUM, _DOMAIN_LIKE, _EMBED, _INITIALS_LINE, _TERMINAL, Rules
from graphkit.ingest.meta_lines import _Meta, _meta, _OPEN_QUOTES, _related_title
from graphkit.ingest.outlets import canonical_outlet, display_outlet, outlet_key, same_outlet
from graphkit.ingest.spans import (
    _crumb_section, _field, _is_prose, _masthead_like, _Name, _name, _names, _pieces, _site_like,
    _strip)
from graphkit.records import Field

_SLASH = re.compile(r"\s*/\s*")


# ---------------------------------------------------------------------------
# line kinds


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
