"""Plain-text article layout: metadata fields and body spans.

A news page copied as text has a title block (title, section, date line,
photo caption), the article's paragraphs (the first may open with a
dateline such as ``WASHINGTON (Reuters) -``), related-story lines, bylines
(``Penulis : A Editor : B``, ``By A and B``), the declared basis
(``Source: Reuters``) and page furniture.  Every word that marks these
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
from graphkit.ingest.outlets import canonical_outlet, normalise_outlet
from graphkit.records import Field, Metadata, Span

_LETTER = r"[^\W\d_]"
_TERMINAL = re.compile(r"[.…](?:[\"'”’»)\]]*)$")
_ALNUM = re.compile(r"\w")
_DOMAIN_LIKE = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}$", re.I)


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
    photo_word: re.Pattern
    credit_split: re.Pattern
    credit_strip: frozenset
    header_split: re.Pattern
    max_line: int
    dash: re.Pattern
    not_places: frozenset
    max_place_words: int


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
        photo_word=re.compile(_words_re(cred.get("photo_words", [])), re.I),
        credit_split=re.compile(credit_split, re.I),
        credit_strip=frozenset(w.casefold().rstrip(".") for w in cred.get("strip_words", [])),
        header_split=re.compile(rf"\s*(?:{_alt(head.get('separators', ['|']))}|;)\s*"),
        max_line=int(head.get("max_line_chars", 250)),
        dash=re.compile(rf"\s*(?:{_alt(dl.get('dashes', ['-']))})\s+"),
        not_places=frozenset(w.casefold() for w in dl.get("not_places", [])),
        max_place_words=int(dl.get("max_place_words", 4)),
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
        return _Name(raw, s, e, normalise_outlet(raw))
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
        out = canonical_outlet(text[a:b])
        if out:
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


def _credits(text: str, s: int, e: int, r: Rules) -> Optional[list[Field]]:
    """Credited names of a trailing "(Photo: A/B via C)" group, or None."""
    m = r.credit_group.search(text, s, e)
    if m is None:
        return None
    a, b = m.start("inner"), m.end("inner")
    lm = r.credit_label.match(text, a, b)
    if lm:
        a = lm.end()
    elif not ("/" in text[a:b] and (r.photo_word.search(text, a, b) or _all_names(text, a, b, r))):
        return None
    out = []
    for x, y in _pieces(r.credit_split, text, a, b):
        toks = [(t.start() + x, t.end() + x) for t in re.finditer(r"\S+", text[x:y])]
        while toks and text[toks[0][0]:toks[0][1]].casefold().rstrip(".") in r.credit_strip:
            toks.pop(0)
        while toks and text[toks[-1][0]:toks[-1][1]].casefold().rstrip(".") in r.credit_strip:
            toks.pop()
        if not toks:
            continue
        x2, y2 = _strip(text, toks[0][0], toks[-1][1], ".,;:")
        if y2 > x2:
            out.append(_field(text, text[x2:y2], x2, y2))
    return out or None


def _all_names(text: str, a: int, b: int, r: Rules) -> bool:
    parts = _pieces(re.compile(r"\s*/\s*"), text, a, b)
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


def _dateline(text: str, s: int, e: int, r: Rules):
    """(place value, place span, outlet name or None, body start) or None."""
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
    ps, pe = (hs, comma) if comma >= 0 else (hs, he)
    ps, pe = _strip(text, ps, pe)
    place = text[ps:pe]
    words = place.split()
    if not words or len(words) > r.max_place_words or place.casefold() in r.not_places:
        return None
    if not all(w[0].isupper() for w in words) or any(c.isdigit() for c in place):
        return None
    caps = place.isupper() and sum(c.isalpha() for c in place) >= 2
    if comma >= 0 and outlet is None:
        rs, re_ = _strip(text, comma + 1, he)
        rest = text[rs:re_]
        if rest and (canonical_outlet(rest) or _DOMAIN_LIKE.match(rest)):
            outlet = (rs, re_)
    if not caps and outlet is None:
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
    outlets_seen: list[Field] = field(default_factory=list)   # every outlet named in header/dateline/byline


@dataclass
class _Line:
    s: int
    e: int
    kind: str = "text"
    data: object = None


_LINE = re.compile(r"[^\r\n]+")


def _lines(text: str) -> list[_Line]:
    out = []
    for m in _LINE.finditer(text):
        s, e = _strip(text, m.start(), m.end())
        if e > s:
            out.append(_Line(s, e))
    return out


def parse_layout(text: str, lang: str, title_hint: Optional[str] = None,
                 detect_title: bool = True) -> Layout:
    """Split ``text`` into metadata fields and body paragraphs using the
    layout data of ``lang``.

    ``title_hint`` (a title known from elsewhere, e.g. a JSON record): the
    first line is taken as the title only when it is that title.
    ``detect_title=False`` never takes a line as the title.

    >>> lay = parse_layout("Desa Banjir\\n\\nSeksi | 11 Oktober 2024, 15:32 WIB\\n\\nWarga mengungsi.\\n\\nPenulis : Ani Rusdi Editor : Budi-Santoso\\n", "id")
    >>> m = lay.metadata.as_dict()
    >>> m["section"], m["published"], m["authors"], m["editors"]
    ('Seksi', '2024-10-11T15:32:00+07:00', ['Ani Rusdi'], ['Budi Santoso'])
    """
    r = rules(lang)
    md = Metadata()
    lines = _lines(text)
    outlets: list[Field] = []

    # 1. kinds that do not depend on position
    for ln in lines:
        seg = text[ln.s:ln.e]
        if not _ALNUM.search(seg) or " ".join(seg.split()).casefold().rstrip(":") in r.furniture_lines \
                or r.furniture_prefix.match(seg):
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
                or r.header_split.search(text, ln.s, min(ln.e, ln.s + r.max_line))):
            continue
        mt = _meta(text, ln.s, ln.e, r, allow_date=False)
        if mt is not None:
            ln.kind, ln.data = "meta", mt

    # 2. the title block, up to the first paragraph of prose
    title_done = not (detect_title or title_hint)
    pending_title: Optional[_Line] = None
    for i, ln in enumerate(lines):
        if ln.kind != "text":
            continue
        seg = text[ln.s:ln.e]
        if not _is_prose(seg, r):
            mt = _meta(text, ln.s, ln.e, r, allow_date=True)
            if mt is not None:
                ln.kind, ln.data = "meta", mt
                continue
            if not title_done:
                if title_hint is not None and " ".join(seg.split()).casefold() != " ".join(title_hint.split()).casefold():
                    break
                if pending_title is None:
                    pending_title, ln.kind = ln, "title"
                    continue
                if (len(text[pending_title.s:pending_title.e].split()) <= 3 and md.section is None
                        and len(seg.split()) > 3 and title_hint is None):
                    pending_title.kind = "section"
                    ln.kind = "title"
                    pending_title = ln
                    title_done = True
                    continue
        break
    # 3. everything else: body, unless a kind was found above
    for ln in lines:
        if ln.kind == "title":
            md.title = _field(text, text[ln.s:ln.e], ln.s, ln.e)
        elif ln.kind == "section":
            md.section = _field(text, text[ln.s:ln.e], ln.s, ln.e)

    dateline_done = False
    last_body = max((i for i, ln in enumerate(lines) if ln.kind == "text"), default=-1)
    body: list[Span] = []
    expect_related = False
    for i, ln in enumerate(lines):
        k = ln.kind
        if expect_related and k == "text" and not _is_prose(text[ln.s:ln.e], r):
            md.related_links_not_content.append(_field(text, text[ln.s:ln.e], ln.s, ln.e))
            expect_related = False
            continue
        expect_related = False
        if k == "related":
            ts, te = ln.data
            if te > ts:
                md.related_links_not_content.append(_field(text, text[ts:te], ts, te))
            else:
                expect_related = True
        elif k == "caption":
            md.image_credit.extend(ln.data)
        elif k == "meta":
            mt: _Meta = ln.data
            if any(role == "basis" for role, _ in mt.roles) and i < last_body:
                body.append(Span.of(text, ln.s, ln.e))
                continue
            for role, names in mt.roles:
                for n in names:
                    if role == "basis":
                        md.based_on.append(_field(text, n.outlet or normalise_outlet(n.value), n.start, n.end))
                    elif n.outlet:
                        outlets.append(_field(text, n.outlet, n.start, n.end))
                    elif role == "author":
                        md.authors.append(_field(text, n.value, n.start, n.end))
                    else:
                        md.editors.append(_field(text, n.value, n.start, n.end))
            if mt.date and md.published is None:
                md.published = _field(text, mt.date[0], mt.date[1], mt.date[2])
            for n in mt.outlets:
                outlets.append(_field(text, n.value, n.start, n.end))
            if mt.date and mt.others and md.section is None:
                a, b = mt.others[0]
                md.section = _field(text, text[a:b], a, b)
        elif k == "text":
            s = ln.s
            if not dateline_done:
                dateline_done = True
                dl = _dateline(text, ln.s, ln.e, r)
                if dl is not None:
                    value, (ps, pe), (oname, ospan), s = dl
                    md.dateline = _field(text, value, ps, pe)
                    if oname:
                        outlets.insert(0, _field(text, normalise_outlet(oname), ospan[0], ospan[1]))
            if s < ln.e:
                body.append(Span.of(text, s, ln.e))
    if outlets:
        md.outlet = outlets[0]
    for name in ("authors", "editors", "based_on"):
        seen: set = set()
        setattr(md, name, [f for f in getattr(md, name) if not (f.value in seen or seen.add(f.value))])
    return Layout(md, body, outlets)
