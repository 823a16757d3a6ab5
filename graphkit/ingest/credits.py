"""Photo credits in plain-text layouts.

Shapes: a trailing "(Photo: A/B via C)" group (or "[A/B]"), "(AGENCY Photo/Name)", a
bracket-less credit after a caption's last sentence ("... on Friday.
Photograph: A/AFP", "... 2024. AGENCY/Name/File Photo"), a short line naming
a picture agency ("Getty Images") and a credit label opening the line
("Image copyright X Image caption ..."); and, for a caption the layout
parser has placed in the title block, a group naming only an agency
("... on Tuesday. (Yonhap)") or a provider phrase ("This photo, provided by
X, shows ..."). The words (labels, photo words,
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
    if lm and _label_word(text, lm) in r.group_only_labels:
        return None                                     # "Video: Title of a clip"
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


def _label_word(text: str, m: re.Match) -> str:
    return " ".join(text[m.start():m.end()].strip().rstrip(":：").split()).casefold()


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
    m = r.credit_group.search(text, s, e) if text[e - 1] in ")]" else None
    if m is not None:
        g = "inner" if m.group("inner") is not None else "sq"
        a, b = m.start(g), m.end(g)
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



def _provided(text: str, a: int, b: int, r: Rules) -> Optional[Field]:
    """The giver named after a provider phrase in text[a:b] ("provided by
    the Coast Guard, shows ..." -> "Coast Guard"): the words up to the next
    comma or bracket, without leading lower-case words, if they are a name."""
    pm = r.provider.search(text, a, b)
    if pm is None:
        return None
    stop = min([i for i in (text.find(c, pm.end(), b) for c in ",;()[]") if i >= 0] or [b])
    toks = [(t.start() + pm.end(), t.end() + pm.end()) for t in re.finditer(r"\S+", text[pm.end():stop])]
    while toks and not text[toks[0][0]].isupper():
        toks.pop(0)                                     # "the Coast Guard"
    if not toks:
        return None
    got = _credit_fields(text, [(toks[0][0], toks[-1][1])], r, strict=True)
    return got[0] if got else None


def _group_start(text: str, s: int, e: int) -> int:
    """Start of the bracketed group closing text[s:e] (which ends with ")" or "]"), or -1."""
    close = text[e - 1]
    opening = "(" if close == ")" else "["
    i = text.rfind(opening, s, e - 1)
    return i if i >= 0 and close not in text[i + 1:e - 1] else -1


def caption_credits(text: str, s: int, e: int, r: Rules) -> Optional[list[Field]]:
    """Credits of a title-block line that is a photo caption credited in a
    way :func:`credits` does not read alone: a trailing group naming only an
    agency or a web name ("... on Tuesday. (Yonhap)"), a group with a
    provider phrase ("(Photo provided by X)"), or a provider phrase in a
    caption that has such a group or opens with a photo word ("This photo,
    provided by the Coast Guard, shows ..."); groups of trailing furniture
    ("(PHOTO NOT FOR SALE)") are skipped.  Only for lines the caller knows
    to stand between the title and the first paragraph.

    >>> from graphkit.ingest.layout_rules import rules
    >>> t = "This photo, provided by the Harbor Police, shows a pier. (PHOTO NOT FOR SALE) (Yonhap)"
    >>> [f.value for f in caption_credits(t, 0, len(t), rules("en"))]
    ['Harbor Police', 'Yonhap']
    """
    groups: list[Field] = []
    end = e
    while end - s > 2 and text[end - 1] in ")]":
        gs = _group_start(text, s, end)
        if gs <= s:
            break
        a, b = _strip(text, gs + 1, end - 1)
        inner = text[a:b]
        if r.credit_trailing.fullmatch(text, gs, end):
            pass                                        # "(PHOTO NOT FOR SALE)"
        elif canonical_outlet(inner) or _DOMAIN_LIKE.match(inner):
            groups.insert(0, _field(text, display_outlet(inner), a, b))
        else:
            given = _provided(text, a, b, r)
            if given is None:
                break
            groups.insert(0, given)
        end = _strip(text, s, gs)[1]
    if end <= s or not any(c.isalpha() for c in text[s:end]):
        return None
    head = text[s:min(end, s + 40)]
    if not groups and not r.photo_word.search(head):
        return None
    given = _provided(text, s, end, r)
    out = ([given] if given else []) + groups
    return out or None
