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
from functools import lru_cache
from typing import Optional

from graphkit.ingest import dates as _dates
from graphkit.ingest.outlets import canonical_outlet, display_outlet, normalise_outlet
from graphkit.records import Field, Metadata, Span

_LETTER = r"[^\W\d_]"
_TERMINAL = re.compile(r"[.…](?:[\"'”’»)\]]*)$")
_ALNUM = re.compile(r"[^\W_]")
_DOMAIN_LIKE = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}$", re.I)
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_INITIALS = re.compile(r"^[a-z]{1,4}\.?$")
_INITIALS_LINE = re.compile(r"^\(\s*[a-z]{1,5}(?:\s*/\s*[a-z]{1,5})+\s*\)$")


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
    label: re.Pattern
    label_role: dict
    prefix: re.Pattern
    prefix_role: dict
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
    date_rules: object


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
        related_kind=re.compile(rf"\s*(?:{_words_re(rel.get('kinds', []))})(?:\s*[:|»>\-–—]+\s*|\s+)", re.I),
        label=re.compile(rf"(?P<label>{_words_re(label_role)})\s*[:：]\s*", re.I),
        label_role=label_role,
        prefix=re.compile(rf"(?P<prefix>{_words_re(prefix_role)})\s+", re.I),
        prefix_role=prefix_role,
        name_split=re.compile(rf"\s*[,;]\s*|\s+{_words_re(names.get('joiners', []))}\s+", re.I),
        particles=frozenset(w.casefold() for w in names.get("particles", [])),
        hyphen_joins=bool(names.get("hyphen_joins_name_parts", False)),
        max_name_words=int(names.get("max_words", 6)),
        credit_group=re.compile(r"\((?P<inner>[^()]{2,300})\)\s*$"),
        credit_label=re.compile(rf"\s*(?:{_words_re(cred.get('labels', []))})\s*[:：]\s*", re.I),
        credit_word=re.compile(_words_re(cred.get("labels", [])), re.I),
        photo_word=re.compile(_words_re(cred.get("photo_words", [])), re.I),
        credit_split=re.compile(credit_split, re.I),
        credit_strip=frozenset(w.casefold().rstrip(".") for w in cred.get("strip_words", [])),
        credit_trailing=re.compile(rf"\s*(?:{_words_re(cred.get('trailing_furniture', []))})\s*$", re.I),
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
        date_rules=_dates.rules(lang),
    )


def clear_cache() -> None:
    """Forget compiled rules (after changing GRAPHKIT_LANG_PATH)."""
    rules.cache_clear()
    _dates.clear_cache()


# ---------------------------------------------------------------------------
# small helpers over (text, start, end) pieces of the original text

def _strip(text: str, s: int, e: int, chars: str = "") -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in chars):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in chars):
        e -= 1
    return s, e


def _pieces(pat: re.Pattern, text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split text[s:e] at matches of ``pat``; stripped (start, end) pairs."""
    out, pos = [], s
    for m in pat.finditer(text, s, e):
        if m.end() == m.start():
            continue
        out.append(_strip(text, pos, m.start()))
        pos = m.end()
    out.append(_strip(text, pos, e))
    return [(a, b) for a, b in out if b > a]


def _field(text: str, value: str, s: int, e: int) -> Field:
    return Field(value, Span.of(text, s, e))


def _is_prose(line: str, r: Rules) -> bool:
    return len(line) > r.max_line or bool(_TERMINAL.search(line))


@dataclass
class _Name:
    value: str
    start: int
    end: int
    outlet: Optional[str] = None


def _name(text: str, s: int, e: int, r: Rules) -> Optional[_Name]:
    """A person's (or an outlet's) name in text[s:e], or None if it does not look like one."""
    s, e = _strip(text, s, e, ",.;:()[]\"'“”")
    raw = text[s:e]
    if not raw:
        return None
    out = canonical_outlet(raw)
    if out or _DOMAIN_LIKE.match(raw):
        return _Name(raw, s, e, display_outlet(raw))
    toks = raw.split()
    if len(toks) > r.max_name_words:
        return None
    capital = False
    for t in toks:
        first = next((c for c in t if c.isalpha()), "")
        if not first:
            return None
        if first.isupper():
            capital = True
        elif t.casefold() not in r.particles:
            return None
        if any(c.isdigit() for c in t):
            return None
    if not capital:
        return None
    value = " ".join(toks)
    if r.hyphen_joins:
        value = " ".join(
            " ".join(t.split("-")) if "-" in t and all(p[:1].isupper() for p in t.split("-")) else t
            for t in value.split(" ")
        )
    letters = [c for c in value if c.isalpha()]
    if len(letters) > 3 and value.isupper():
        value = value.title()
    return _Name(value, s, e)


def _names(text: str, s: int, e: int, r: Rules) -> Optional[list[_Name]]:
    out = []
    for a, b in _pieces(r.name_split, text, s, e):
        n = _name(text, a, b, r)
        if n is None:
            return None
        out.append(n)
    return out or None


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
    meta = _Meta()
    for a, b in _pieces(r.header_split, text, s, e):
        labels = [m for m in r.label.finditer(text, a, b)]
        if labels and labels[0].start() == a and text[a].isupper():
            for i, m in enumerate(labels):
                end = labels[i + 1].start() if i + 1 < len(labels) else b
                names = _names(text, m.end(), end, r)
                if names is None:
                    return None
                role = r.label_role[" ".join(m.group("label").split()).casefold()]
                meta.roles.append((role, names))
            continue
        pm = r.prefix.match(text, a, b)
        if pm and text[a].isupper() and not _TERMINAL.search(text[a:b]):
            names = _names(text, pm.end(), b, r)
            if names is None:
                return None
            role = r.prefix_role[" ".join(pm.group("prefix").split()).casefold()]
            meta.roles.append((role, names))
            continue
        if allow_date and meta.date is None:
            d = _dates.is_date_only(text[a:b], r.lang)
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


def _credit_fields(text: str, pieces: list[tuple[int, int]], r: Rules,
                   strict: bool) -> Optional[list[Field]]:
    """Credited names of the pieces of a credit ("ANTARA/REUTERS/Jane Doe/aa"):
    strip words dropped from either end, editor initials ("aa") dropped,
    outlets in their metadata form, all-capital names title-cased.  With
    ``strict`` every piece must look like a name (else None)."""
    out = []
    for n, (x, y) in enumerate(pieces):
        toks = [(t.start() + x, t.end() + x) for t in re.finditer(r"\S+", text[x:y])]
        while toks and text[toks[0][0]:toks[0][1]].casefold().rstrip(".") in r.credit_strip:
            toks.pop(0)
        while toks and text[toks[-1][0]:toks[-1][1]].casefold().rstrip(".") in r.credit_strip:
            toks.pop()
        if not toks:
            continue
        x2, y2 = _strip(text, toks[0][0], toks[-1][1], ".,;:")
        raw = text[x2:y2]
        if not raw:
            continue
        if n == len(pieces) - 1 and n > 0 and _INITIALS.match(raw):
            continue                                    # editor initials: ".../aa."
        if canonical_outlet(raw) or _DOMAIN_LIKE.match(raw):
            value = display_outlet(raw)
        else:
            nm = _name(text, x2, y2, r)
            if strict and nm is None:
                return None
            acronym = raw.isalpha() and raw.isupper() and len(raw) <= 5
            value = nm.value if nm and not acronym else raw
        out.append(_field(text, value, x2, y2))
    return out or None


def _bare_credit(text: str, a: int, b: int, r: Rules) -> Optional[list[Field]]:
    """Credit written without brackets at text[a:b] (a line's tail or a whole
    line): "Label: A/B", "AGENCY/Name[/File Photo]" or a short line naming a
    picture agency ("Getty Images")."""
    tm = r.credit_trailing.search(text, a, b)
    if tm and tm.start() > a:
        b = tm.start()
    a, b = _strip(text, a, b)
    if b - a > 2 and text[a] == "[" and text[b - 1] == "]":
        a, b = _strip(text, a + 1, b - 1)               # "[Photo/Agencies]"
    if b - a < 2:
        return None
    lm = r.credit_label.match(text, a, b)
    if lm and text[a].isupper() and not r.label.match(text, a, b):
        return _credit_fields(text, _pieces(r.credit_split, text, lm.end(), b), r, strict=True)
    seg = text[a:b]
    if "/" in seg:
        parts = _pieces(_SLASH, text, a, b)
        if len(parts) < 2 or any(len(text[x:y].split()) > r.max_name_words for x, y in parts):
            return None
        head = text[parts[0][0]:parts[0][1]]
        if not (canonical_outlet(head) or _DOMAIN_LIKE.match(head) or r.photo_word.search(seg)
                or (head.isupper() and sum(c.isalpha() for c in head) >= 2)):
            return None
        return _credit_fields(text, parts, r, strict=True)
    words = seg.split()
    if len(words) <= 4 and r.photo_word.search(words[-1]) and all(w[:1].isupper() for w in words) \
            and not _TERMINAL.search(seg):
        return [_field(text, seg, a, b)]
    return None


_SLASH = re.compile(r"\s*/\s*")


def _credits(text: str, s: int, e: int, r: Rules) -> Optional[tuple[list[Field], bool]]:
    """Credited names of a caption line and whether the credit is the whole
    line, or None: a trailing "(Photo: A/B via C)" group, or a bracket-less
    credit after the caption's last sentence ("... on Friday. Photograph:
    A/AFP", "... 2024. AGENCY/Name") or alone on its line ("Getty Images")."""
    m = r.credit_group.search(text, s, e) if text[e - 1] == ")" else None
    if m is not None:
        a, b = m.start("inner"), m.end("inner")
        lm = r.credit_label.match(text, a, b)
        if lm:
            a = lm.end()
        elif not ("/" in text[a:b] and (r.photo_word.search(text, a, b) or _all_names(text, a, b, r))):
            m = None
        if m is not None:
            got = _credit_fields(text, _pieces(r.credit_split, text, a, b), r, strict=False)
            return (got, m.start() == s) if got else None
    if e - s > r.max_line * 2:
        return None
    seg = text[s:e]
    tail = seg[-160:]
    if "/" not in tail and not r.photo_word.search(tail) and not (":" in tail and r.credit_word.search(tail)):
        return None
    starts = [s] + [s + sm.end() for sm in _SENT_END.finditer(seg, max(0, len(seg) - 160))]
    for st in starts:
        if st < e and e - st <= 160:
            got = _bare_credit(text, st, e, r)
            if got:
                return got, st == s
    return None


def _all_names(text: str, a: int, b: int, r: Rules) -> bool:
    parts = _pieces(_SLASH, text, a, b)
    return len(parts) >= 2 and all(
        text[x].isupper() and not any(c.isdigit() for c in text[x:y]) for x, y in parts
    )


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


def _site_like(name: str) -> bool:
    return bool(name) and bool(canonical_outlet(name) or _DOMAIN_LIKE.match(name))


def _dateline(text: str, s: int, e: int, r: Rules):
    """(place value, place span, (outlet name, outlet span) or (None, None),
    body start) of a dateline opening text[s:e], or None.  Shapes: "PLACE -",
    "PLACE, Region -", "PLACE (Outlet) -", "PLACE, Date (Outlet) -",
    "PLACE, Outlet.com -", "Outlet.com, Place -", "Place Outlet -" (a known
    outlet) and (where the language data allows it) "Place -" in title case."""
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
    if not caps and outlet is None and not (
            r.title_case_places and len(words) <= 3 and dm.end() < e and text[dm.end()].isupper()):
        return None
    out_name = text[outlet[0]:outlet[1]] if outlet else None
    if out_name is not None and not out_name.strip():
        out_name = None
    value = place.title() if caps else place
    return value, (ps, pe), (out_name, outlet), dm.end()


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


def _masthead_like(seg: str, r: Rules) -> bool:
    """A publication name: a web name, a known outlet, or a few capitalised
    words (short lower-case words such as "of" allowed) without digits."""
    if _site_like(seg):
        return True
    words = seg.split()
    if not words or len(words) > r.max_name_words or _TERMINAL.search(seg) or any(c.isdigit() for c in seg):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in words)


def _person_names(text: str, s: int, e: int, r: Rules) -> Optional[list[_Name]]:
    """Names of people (two or more words each, no outlets) in text[s:e], or None."""
    names = _names(text, s, e, r)
    if not names or any(n.outlet or len(n.value.split()) < 2 for n in names):
        return None
    return names


def _classify(text: str, lines: list[_Line], r: Rules) -> None:
    """Kinds that do not depend on position: furniture, related link, caption, byline."""
    for ln in lines:
        seg = text[ln.s:ln.e]
        folded = " ".join(seg.split()).casefold()
        if (not _ALNUM.search(seg) or folded.rstrip(":") in r.furniture_lines
                or r.furniture_prefix.match(seg) or _INITIALS_LINE.match(seg)
                or (r.furniture_suffixes and folded.endswith(r.furniture_suffixes))):
            ln.kind = "furniture"
            continue
        rm = r.related.match(seg)
        if rm:
            ts, te = _related_title(text, ln.s + rm.end(), ln.e, r)
            title = text[ts:te]
            if not title or (rm.group("sep").strip() or not _TERMINAL.search(title)):
                ln.kind, ln.data = "related", (ts, te)
                continue
        cr = _credits(text, ln.s, ln.e, r)
        if cr is not None:
            ln.kind, ln.data = "caption", cr
            continue
        lead = ln.s + 1 if seg[0] == "(" else ln.s
        if not (r.label.match(text, lead, ln.e) or r.prefix.match(text, lead, ln.e)
                or (not _is_prose(seg, r) and r.header_split.search(text, ln.s, ln.e))):
            continue
        mt = _meta(text, ln.s, ln.e, r, allow_date=False)
        if mt is not None:
            ln.kind, ln.data = "meta", mt


@dataclass
class _Header:
    """What the title block (the lines before the first paragraph of prose) gave."""

    title: Optional[_Line] = None
    section: Optional[tuple[int, int]] = None
    site: Optional[Field] = None          # the page's own outlet: site name, masthead, breadcrumb
    first_prose: int = 0


def _header(text: str, lines: list[_Line], r: Rules, title_hint: Optional[str],
            detect_title: bool) -> _Header:
    """Read the title block: date and byline lines, navigation bars,
    breadcrumbs, the site name or masthead, the section, the title, and
    (after the title) an author's name alone on a line after the date, a
    "Name - channel" line, and the caption under a credit line."""
    h = _Header()
    n = len(lines)
    h.first_prose = next((i for i, ln in enumerate(lines)
                          if ln.kind == "text" and _is_prose(text[ln.s:ln.e], r)), n)
    cands: list[int] = []
    for i in range(h.first_prose):
        ln = lines[i]
        if ln.kind != "text":
            continue
        seg = text[ln.s:ln.e]
        mt = _meta(text, ln.s, ln.e, r, allow_date=True)
        if mt is not None:
            ln.kind, ln.data = "meta", mt
            continue
        if r.date_rules.ignorable.sub("", seg) == "":
            ln.kind = "furniture"                      # a date label alone ("Published")
            continue
        if r.crumb_split.search(seg):
            parts = _pieces(r.crumb_split, text, ln.s, ln.e)
            if len(parts) >= 2 and all(len(text[a:b].split()) <= 4 for a, b in parts):
                ln.kind, ln.data = "crumb", parts
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
        cands.append(i)

    # the title
    t: Optional[int] = None
    if title_hint is not None:
        key = " ".join(title_hint.split()).casefold()
        t = next((i for i in cands if " ".join(text[lines[i].s:lines[i].e].split()).casefold() == key), None)
    elif detect_title and cands:
        good = [i for i in cands if _nwords(text, lines[i]) > 3 and not _shouty(text[lines[i].s:lines[i].e])]
        t = good[0] if good else max(cands, key=lambda i: (_nwords(text, lines[i]), -i))
    if t is not None:
        h.title = lines[t]
        lines[t].kind = "title"

    # before the title: site name / masthead, breadcrumb, section
    top = t if t is not None else 0
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
                h.section = parts[-1]
            ln.kind = "furniture"
        elif ln.kind == "site":
            ln.kind = "furniture"
    pre = [i for i in cands if i < top]
    if pre:
        nav_after = any(lines[j].kind == "nav" for j in range(pre[0] + 1, top))
        if (len(pre) >= 2 or nav_after) and _masthead_like(text[lines[pre[0]].s:lines[pre[0]].e], r):
            ln = lines[pre[0]]
            if h.site is None:
                h.site = _field(text, display_outlet(text[ln.s:ln.e]), ln.s, ln.e)
            pre = pre[1:]
        if pre and h.section is None and _nwords(text, lines[pre[-1]]) <= 5:
            ln = lines[pre[-1]]
            h.section = (ln.s, ln.e)
        for i in range(top):
            if lines[i].kind in ("text", "site"):
                lines[i].kind = "furniture"
    for i in range(h.first_prose):
        if lines[i].kind in ("site", "nav"):
            lines[i].kind = "furniture"

    # after the title
    date_seen = False
    for i in range(top, h.first_prose):
        ln = lines[i]
        if ln.kind == "meta" and ln.data.date:
            date_seen = True
        if ln.kind != "text" or i < top or (t is not None and i == t):
            continue
        prev = lines[i - 1] if i > 0 else None
        if prev is not None and prev.kind == "caption" and prev.data[1] and not ln.gap:
            ln.kind = "furniture"                      # caption under a credit line ("Getty Images")
            continue
        parts = _pieces(r.header_split, text, ln.s, ln.e)
        names = None
        if date_seen and len(parts) == 1:
            names = _person_names(text, ln.s, ln.e, r)   # a name alone after the date
        elif len(parts) == 2 and " " not in text[parts[1][0]:parts[1][1]]:
            names = _person_names(text, parts[0][0], parts[0][1], r)   # "Name - channel"
        if names:
            ln.kind, ln.data = "meta", _Meta(roles=[("author", names)])
            nxt = lines[i + 1] if i + 1 < n else None
            if (nxt is not None and nxt.kind == "text" and i + 1 < h.first_prose
                    and _nwords(text, nxt) <= 5 and r.role_word.search(text, nxt.s, nxt.e)):
                nxt.kind = "furniture"                 # the author's role ("Europe correspondent")
    return h


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

    dateline_at = h.first_prose if h.first_prose < len(lines) else \
        next((i for i, ln in enumerate(lines) if ln.kind == "text"), -1)
    prose = [i for i, ln in enumerate(lines) if ln.kind == "text" and _is_prose(text[ln.s:ln.e], r)]
    last_body = prose[-1] if prose else max((i for i, ln in enumerate(lines) if ln.kind == "text"), default=-1)
    body: list[Span] = []
    dateline_outlet: Optional[Field] = None
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
            md.image_credit.extend(ln.data[0])
        elif k == "meta":
            mt: _Meta = ln.data
            if any(role == "basis" for role, _ in mt.roles) and i < last_body:
                body.append(Span.of(text, ln.s, ln.e))
                continue
            for role, names in mt.roles:
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
                    value, (ps, pe), (oname, ospan), s = dl
                    md.dateline = _field(text, value, ps, pe)
                    if oname:
                        dateline_outlet = _field(text, display_outlet(oname), ospan[0], ospan[1])
            if s < ln.e:
                body.append(Span.of(text, s, ln.e))
    if dateline_outlet is not None:
        outlets.insert(0, dateline_outlet)
    md.outlet = h.site or (outlets[0] if outlets else None)
    if h.site is not None:
        own = normalise_outlet(h.site.value).casefold()
        for f in outlets:
            if normalise_outlet(f.value).casefold() != own and f is dateline_outlet:
                md.based_on.append(f)                  # a local paper's page of a wire story
    for name in ("authors", "editors", "based_on"):
        seen: set = set()
        setattr(md, name, [f for f in getattr(md, name) if not (f.value in seen or seen.add(f.value))])
    return Layout(md, body, outlets)
