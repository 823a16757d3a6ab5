"""Attributions marked by layout rather than by a verb.

- speaker labels: a paragraph (or a sentence) opening with a short name and a
  colon ("SMITH: We will ...", "Ann Lee: “We will ...”") is that speaker's words;
- dash signatures: a quotation followed by a dash and a name ("“We will win.”
  ― Ann Lee", or the name on its own line "- Ann Lee, in a tweet").

Layout words that also take a colon ("Photo:", "Sumber:") are listed in the
language data (``syntax.not_speaker_labels``).

>>> from graphkit.extract import extract_text
>>> [(a.source.text, a.cue.text, a.content[0].text) for a in extract_text("“We will win.” ― Ann Lee")]
[('Ann Lee', '―', 'We will win.')]
>>> [(a.source.text, a.content[0].text) for a in extract_text("Ann Lee: The plan is dead in the water.")]
[('Ann Lee', 'The plan is dead in the water.')]
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from graphkit.extract.lexicon import Lexicon
from graphkit.extract.reported import Found, QuoteIndex
from graphkit.records import Span

__all__ = ["speaker_label", "dash_signature"]

_UPPER_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’ -]{1,40}[A-Z.])(:)[ \t]+(?=\S)")
# a short title-case name: up to four capitalised words (initials and particles allowed)
_NAME_LABEL = re.compile(
    r"[\"“]?((?:[A-Z][\w.'’-]*)(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|der|la|le)){0,3})(:)[ \t]+(?=\S)")
_WORDS = re.compile(r"\w+")
_DASH = "―—–-"
# the end of a signature's name: a comma, semicolon or a full stop (not after an initial)
_SIG_END = re.compile(r"[,;]|(?<!\b[A-Z])\.(?=\s|$)")


def _is_layout(lex: Lexicon, name: str) -> bool:
    low = " ".join(name.lower().split())
    stop = lex.data.get("syntax", {}).get("not_speaker_labels", [])
    return any(low == s.lower() or low.startswith(s.lower() + " ") for s in stop)


def speaker_label(text: str, lex: Lexicon, start: int, end: int) -> Optional[Found]:
    """A speaker label at ``start``: "NAME: words" up to ``end``.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Q: Did you see it? A: No."
    >>> f = speaker_label(t, lexicon("en"), 0, len(t))
    >>> f.source.text, f.content[0].text
    ('Q', 'Did you see it? A: No.')
    """
    m = _UPPER_LABEL.match(text, start, end) or _NAME_LABEL.match(text, start, end)
    if m is None or _is_layout(lex, m.group(1)):
        return None
    e = end
    while e > m.end() and text[e - 1] in " \t\"”":
        e -= 1
    if e <= m.end() or not any(c.isalpha() for c in text[m.end():e]):
        return None
    if m.re is _NAME_LABEL and len(_WORDS.findall(text, m.end(), e)) < 3:
        return None  # "Note: none", "Updated: 10 a.m."
    return Found(Span(m.start(2), m.end(2), ":"), [Span(m.end(), e, text[m.end():e])],
                 Span(m.start(1), m.end(1), m.group(1)), "speech", False)


def _signature(text: str, s: int, e: int) -> Optional[tuple[Span, Span]]:
    """(dash, name) when text[s:e] is "― Name[, adjunct]": a capitalised
    name of at most seven words, up to a comma, semicolon or full stop."""
    p = s
    while p < e and text[p] in " \t\xa0":
        p += 1
    q = p
    while q < e and text[q] in _DASH:
        q += 1
    if q == p or q - p > 2:
        return None
    dash = Span(p, q, text[p:q])
    while q < e and text[q] in " \t\xa0":
        q += 1
    if q >= e or not text[q].isupper():
        return None
    stop = e
    m = _SIG_END.search(text, q, e)
    if m is not None:
        stop = m.start()
    while stop > q and text[stop - 1] in " \t.":
        stop -= 1
    n = len(_WORDS.findall(text, q, stop))
    if n == 0 or n > 7:
        return None
    return dash, Span(q, stop, text[q:stop])


def dash_signature(text: str, para: Span, prev: Optional[Span], qi: QuoteIndex) -> Optional[Found]:
    """A quotation closed by a dash and a name, in the same paragraph or with
    the signature on its own line right after the quotation.

    >>> t = "“Vote early.”\\n\\n- Ann Lee, in a speech."
    >>> from graphkit.extract.sentences import paragraphs
    >>> from graphkit.extract.quotes import find_quotes
    >>> ps = paragraphs(t)
    >>> f = dash_signature(t, ps[1], ps[0], QuoteIndex(find_quotes(t, ps)))
    >>> f.source.text, f.content[0].text
    ('Ann Lee', 'Vote early.')
    """
    # same paragraph: the last quotation ends before a dash
    best = None
    for quote in qi.quotes:
        if para.start <= quote.outer.end <= para.end and quote.outer.start >= (prev.start if prev else para.start):
            best = quote
    if best is not None and best.outer.end > para.start:
        sig = _signature(text, best.outer.end, para.end)
        if sig is not None:
            return Found(sig[0], list(best.pieces), sig[1], "speech", True)
        return None
    if prev is None or text[para.start] not in _DASH:
        return None
    q = None
    for quote in qi.quotes:
        if prev.start <= quote.outer.end <= prev.end and prev.end - quote.outer.end <= 2:
            q = quote
    if q is None:
        return None
    sig = _signature(text, para.start, para.end)
    if sig is None:
        return None
    return Found(sig[0], list(q.pieces), sig[1], "speech", True)


def layout_attributions(text: str, lex: Lexicon, paras: Sequence[Span], qi: QuoteIndex) -> list[Found]:
    """Speaker labels and dash signatures of the given paragraphs."""
    out = []
    for i, para in enumerate(paras):
        f = speaker_label(text, lex, para.start, para.end)
        if f is not None:
            out.append(f)
            continue
        f = dash_signature(text, para, paras[i - 1] if i else None, qi)
        if f is not None:
            out.append(f)
    return out
