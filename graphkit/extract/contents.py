"""Where the content of a cue is: the stretch before or after it, the quotation
next to it, a complementizer skipped or kept, addressees and adjuncts left
out, and the pieces of a report that interrupts its content ("A, he said, B").

>>> from graphkit.extract.lexicon import lexicon
>>> from graphkit.extract.found import QuoteIndex
>>> t = "Ann said that it rained on Monday."
>>> [s.text for s in content_after(t, lexicon("en"), QuoteIndex([]), 8, len(t))[0]]
['it rained on Monday']

These are helpers of :mod:`graphkit.extract.reported`, not part of graphkit's
public API.
"""
from __future__ import annotations

import re
from typing import Optional

from graphkit.extract.found import (
    Found, LAST_WORD, QUOTE_MARK, QuoteIndex, WORDS, nwords, skip_space, trimmed_span)
from graphkit.extract.lexicon import Lexicon
from graphkit.records import Span


def content_before(text: str, qi: QuoteIndex, us: int, boundary: int) -> tuple[list[Span], bool]:
    """The content in front of a cue: the quotation ending right before it,
    or the words from ``us``.  A quotation that continues a sentence (a word,
    not punctuation, right before its opening mark) is a partial quote: the
    content runs from the sentence start to the closing mark.

    >>> from graphkit.extract.quotes import find_quotes
    >>> t = 'The bill comes "within two weeks," an aide said.'
    >>> content_before(t, QuoteIndex(find_quotes(t, [Span(0, len(t), t)])), 0, t.index(" an aide"))
    ([Span(start=0, end=32, text='The bill comes "within two weeks')], False)
    """
    q = qi.ending_before(boundary, us)
    if q is not None and boundary - q.outer.end <= 3:
        k = q.outer.start
        while k > us and text[k - 1] in " \t":
            k -= 1
        if k > us and k < q.outer.start and text[k - 1].isalnum() and len(q.pieces) == 1:
            sp = trimmed_span(text, us, q.pieces[-1].end)
            if sp is not None:
                return [sp], False
        return list(q.pieces), True
    sp = trimmed_span(text, us, boundary)
    return ([sp] if sp else []), False


def content_after(text: str, lex: Lexicon, qi: QuoteIndex, s: int, ue: int,
                   nxt: Optional[Span] = None) -> tuple[list[Span], bool]:
    p = s
    while p < ue and text[p] in " \t,:":
        p += 1
    if p >= ue and nxt is not None and text[s:ue].strip() == ":":
        # "X said:" at the end of a paragraph: the next one is the content
        q = qi.starting_after(nxt.start, nxt.start + 1)
        if q is not None:
            return list(q.pieces), True
        sp = trimmed_span(text, nxt.start, nxt.end)
        return ([sp] if sp else []), False
    if lex.adjunct_re is not None and lex.adjunct_re.match(text, p):
        # "said in a statement: “...”": the adjunct before a colon is no content
        k = text.find(":", p, min(ue, p + 80))
        if k > 0 and not QUOTE_MARK.search(text, p, k) and nwords(text, p, k) <= 8:
            p = k + 1
            while p < ue and text[p] in " \t":
                p += 1
    if lex.weekday_re is not None and lex.adjunct_re is not None and lex.adjunct_re.match(text, p):
        w = WORDS.match(text, p, ue)
        d = lex.weekday_re.match(text, skip_space(text, w.end(), ue)) if w is not None else None
        if d is not None and WORDS.search(text, d.end(), ue) is not None:
            p = skip_space(text, d.end(), ue)   # "said on Monday the talks failed"
            while p < ue and text[p] in " \t,":
                p += 1
    cw = LAST_WORD.search(text, max(0, s - 20), s)
    if cw is not None and cw.group(1).lower() in lex.object_cues:
        # "told reporters: “...”", "told BBC Radio Scotland: ...": the addressee before a colon
        k = text.find(":", p, min(ue, p + 60))
        if k > 0 and not QUOTE_MARK.search(text, p, k) and nwords(text, p, k) <= 6:
            p = k + 1
            while p < ue and text[p] in " \t":
                p += 1
    q = qi.starting_after(p, p + 1)
    if q is not None:
        return [x for x in q.pieces if x.start >= p - 1], True
    skipped = False
    if lex.complementizer_re is not None:
        m = lex.complementizer_re.search(text, p, ue)
        if m and nwords(text, p, m.start()) <= 8 and not QUOTE_MARK.search(text, p, m.start()) \
                and not (lex.coord_re is not None and lex.coord_re.search(text, p, m.start())) \
                and not (lex.cue_re is not None and lex.cue_re.search(text, p, m.start())) \
                and not (lex.verb_re is not None and lex.verb_re.search(text, p, m.start())) \
                and not _determiner_that(text, lex, m.end(), ue):
            p = m.start() if lex.include_complementizer else m.end()
            skipped = True
    if not skipped and p == skip_space(text, s, ue):
        cw = LAST_WORD.search(text, max(0, s - 20), s)
        if cw is not None and cw.group(1).lower() in lex.object_cues:
            p = _skip_addressee(text, lex, p, ue)
    sp = trimmed_span(text, p, _content_end(text, lex, p, ue))
    return ([sp] if sp else []), False


_NOUN_THEN = re.compile(r"\s+([^\W\d]+)(?:\s+as\b|\s*[,.;:]|\s*$)")


def _determiner_that(text: str, lex: Lexicon, e: int, ue: int) -> bool:
    """"dismissed that criticism as ...", "denied that claim.": "that" before a
    single noun that ends the phrase is a determiner, not a complementizer.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "dismissed that criticism as hindsight"
    >>> _determiner_that(t, lexicon("en"), 14, len(t)), _determiner_that("said that prices rose", lexicon("en"), 9, 21)
    (True, False)
    """
    m = _NOUN_THEN.match(text, e, ue)
    return m is not None and m.group(1).lower() not in lex.pronouns and not (
        lex.determiners and m.group(1).lower() in lex.determiners)


_OBJ_PRONOUNS = frozenset("him her them us me you it".split())


def _skip_addressee(text: str, lex: Lexicon, p: int, ue: int) -> int:
    """"told the Observer the company would ...", "told investors the homes
    ...", "told him the ...": the addressee after an object cue is not content."""
    words = list(WORDS.finditer(text, p, min(ue, p + 120)))
    if len(words) < 3:
        return p
    k = 0
    w0 = words[0].group()
    if w0.lower() in _OBJ_PRONOUNS:
        k = 1
    else:
        j = 1 if w0.lower() in lex.determiners else 0
        caps = j
        while caps < len(words) - 1 and words[caps].group()[:1].isupper():
            caps += 1
        if caps > j:
            k = caps  # "the Observer", "The Associated Press", "Reuters"
        elif j == 0 and w0.islower() and w0.endswith("s"):
            k = 1     # "investors", "reporters"
        elif j == 1 and words[1].group().islower() and words[2].group().lower() in lex.pronouns:
            k = 2     # "the court she was ..."
    if k == 0 or k >= len(words):
        return p
    if text[words[k - 1].end():words[k].start()].strip():
        return p      # punctuation between: not an object
    nxt = words[k].group()
    if nxt.lower() in lex.determiners or nxt.lower() in lex.pronouns or nxt[:1].isupper():
        return words[k].start()
    return p


def _content_end(text: str, lex: Lexicon, p: int, ue: int) -> int:
    """The content ends before a trailing via phrase or adjunct after a comma
    (", as reported by X", ", after an inspection") and before ", and" with a
    new verb phrase of the speaker (", and cancelled a trip")."""
    stops = lex.data.get("syntax", {}).get("content_stop", [])
    suffixes = tuple(lex.data.get("syntax", {}).get("coordinated_verb_suffixes", []))
    for m in re.finditer(r",\s*", text[p:ue]):
        q = p + m.end()
        if lex.via_phrase_re is not None and lex.via_phrase_re.match(text, q):
            return p + m.start()
        w = WORDS.match(text, q, ue)
        if w is None:
            continue
        low = w.group().lower()
        if low in stops:
            return p + m.start()
        if suffixes and lex.coord_re is not None and lex.coord_re.fullmatch(w.group()) and low not in ("but", "or"):
            v = WORDS.match(text, skip_space(text, w.end(), ue), ue)
            if v is not None and v.group().islower() and v.group().endswith(suffixes) \
                    and v.group().lower() not in lex.determiners:
                return p + m.start()
    return ue


def more_quote(text: str, qi: QuoteIndex, pos: int, ue: int, content: list[Span], direct: bool) -> list[Span]:
    """“A,” he said, “B.”: B continues the quoted content."""
    if not direct:
        return content
    p = pos
    while p < ue and text[p] not in ",“\"«„":
        if text[p] in ".;:!?":
            return content
        p += 1
    q = qi.starting_after(p, min(ue, p + 4))
    if q is None:
        return content
    return content + [x for x in q.pieces if x.start > pos and all(x.start != c.start for c in content)]


def cut_content(text: str, f: Found, cut: int) -> None:
    last = f.content[-1]
    sp = trimmed_span(text, last.start, cut)
    if sp is not None:
        f.content = f.content[:-1] + [sp]


def only_adjuncts_after(text: str, lex: Lexicon, cue: Span, ue: int) -> bool:
    """After the cue comes no content, only an addressee and adjuncts
    ("told The Associated Press because ...", "wrote in a note to clients")."""
    p = cue.end
    words = list(WORDS.finditer(text, p, ue))
    if not words:
        return True
    if lex.complementizer_re is not None and lex.complementizer_re.match(text, words[0].start()):
        return False
    k = 0
    if cue.text.split() and cue.text.split()[-1].lower() in lex.object_cues:
        # skip the addressee: a capitalised name or up to three words
        while k < len(words) and (words[k].group()[:1].isupper() or k == 0):
            k += 1
        if k == 1:
            while k < min(len(words), 3) and not (lex.clause_re and lex.clause_re.match(text, words[k].start())) \
                    and not (lex.adjunct_re and lex.adjunct_re.match(text, words[k].start())):
                k += 1
        if k >= len(words):
            return True
    w = words[k]
    if lex.clause_re is not None and lex.clause_re.match(text, w.start()) is not None:
        return not (lex.complementizer_re is not None and lex.complementizer_re.match(text, w.start()))
    if lex.adjunct_re is not None and lex.adjunct_re.match(text, w.start()) is not None:
        return k > 0 or len(words) <= 8
    return False


def parenthetical_rest(text: str, lex: Lexicon, ce: int, ue: int) -> Optional[Span]:
    """The rest of a sentence that a parenthetical report interrupts ("A, he
    said, B" -> "B"): after the cue at most a few adjunct words ("then",
    "on Monday"), a comma, then a clause of at least three words that opens
    with no conjunction, cue, complementizer or quotation.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "The plan, he said, would cost more."
    >>> parenthetical_rest(t, lexicon("en"), 17, len(t)).text
    'would cost more'
    >>> t = "The plan, he said, and left."
    >>> parenthetical_rest(t, lexicon("en"), 17, len(t)) is None
    True
    """
    k = text.find(",", ce, ue)
    if k < 0 or nwords(text, ce, k) > 4 or QUOTE_MARK.search(text, ce, k):
        return None
    if trimmed_span(text, ce, k) is not None and (lex.complementizer_re is not None and lex.complementizer_re.search(text, ce, k)):
        return None
    p = skip_space(text, k + 1, ue)
    if p >= ue or nwords(text, p, ue) < 3 or QUOTE_MARK.match(text, p):
        return None
    for rx in (lex.coord_re, lex.cue_re, lex.complementizer_re):
        if rx is not None and rx.match(text, p) is not None:
            return None
    return trimmed_span(text, p, _content_end(text, lex, p, ue))
