"""Photo credits in plain-text layouts.

Shapes: a trailing "(Photo: A/B via C)" group, "(AGENCY Photo/Name)", a
bracket-less credit after a caption's last sentence ("... on Friday.
Photograph: A/AFP", "... 2024. AGENCY/Name/File Photo"), a short line naming
a picture agency ("Getty Images") and a credit label opening the line
("Image copyright X Image caption ..."). The words (labels, photo words,
separators, words stripped from names) come from ``[credit]`` in the layout
data.

>>> from graphkit.ingest.layout_rules import rules
>>> t = "A man walks. (AP Photo/Evan Example)"
>>> [f.value for f in credits(t, 0, len(t), rules("en"))[0]]
['AP', 'Evan Example']
"""
from __future__ import annotations

import re
from typing import Optional

from graphkit.ingest.layout_rules import _SENT_END, _INITIALS, _TERMINAL, _DOMAIN_LIKE, Rules
from graphkit.ingest.outlets import canonical_outlet, display_outlet
from graphkit.ingest.spans import _field, _name, _pieces, _strip
from graphkit.records import Field


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


def credits(text: str, s: int, e: int, r: Rules) -> Optional[tuple[list[Field], bool]]:
    """Credited names of a caption line and whether the credit is the whole
    line, or None: a trailing "(Photo: A/B via C)" group, or a bracket-less
    credit after the caption's last sentence ("... on Friday. Photograph:
    A/AFP", "... 2024. AGENCY/Name"), alone on its line ("Getty Images") or
    after a line label ("Image copyright X Image caption ...").

    >>> from graphkit.ingest.layout_rules import rules
    >>> t = "Image copyright Ann Lee/AFP Image caption Crowds gathered"
    >>> got, whole = credits(t, 0, len(t), rules("en"))
    >>> [f.value for f in got], whole
    (['Ann Lee', 'AFP'], False)
    """
    lm = r.credit_line_label.match(text, s, e)
    if lm and lm.end() < e:                             # "Image copyright X Image caption ..."
        cm = r.credit_caption_label.search(text, lm.end(), e)
        got = _credit_fields(text, _pieces(r.credit_split, text, lm.end(), cm.start() if cm else e),
                             r, strict=False)
        return (got, cm is None) if got else None
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

