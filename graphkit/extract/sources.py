"""Where the source of a cue is: the noun phrase before it, after an inverted
cue ("..., said X"), after "according to", or in a relative clause
("X, who said ..."), with appositives, particles and adjuncts handled from the
language data (:mod:`graphkit.extract.lexicon`).

>>> from graphkit.extract.lexicon import lexicon
>>> t = "The mayor, Ann Lee, said it rained."
>>> source_left(t, lexicon("en"), 0, t.index("said")).text
'The mayor, Ann Lee'

These are helpers of :mod:`graphkit.extract.reported`, not part of graphkit's
public API.
"""
from __future__ import annotations

import re
from typing import Optional

from graphkit.extract.found import (
    BOUNDARY, LAST_WORD, LEAD, QUOTE_MARK, QuoteIndex, STRONG, WORDS, nwords, skip_space,
    trimmed_span)
from graphkit.extract.lexicon import Lexicon
from graphkit.extract.sentences import is_abbreviation
from graphkit.records import Span


def clause_start(text: str, lex: Lexicon, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (after punctuation or a clause
    opener), not before ``lo``."""
    start = lo
    for m in BOUNDARY.finditer(text, lo, pos):
        start = m.end()
    if lex.clause_re is not None:
        for m in lex.clause_re.finditer(text, start, pos):
            start = m.end()
    if lex.coord_re is not None and nwords(text, start, pos) > lex.max_source_words:
        for m in lex.coord_re.finditer(text, start, pos):
            start = m.end()
    return start


def source_left(text: str, lex: Lexicon, s: int, e: int) -> Optional[Span]:
    """The subject noun phrase in text[s:e] (the words before the cue),
    without a sentence opener in front ("Meanwhile Ms Hutt").

    >>> from graphkit.extract.lexicon import lexicon
    >>> source_left("Meanwhile Ann Lee said", lexicon("en"), 0, 17).text
    'Ann Lee'
    """
    sp = trimmed_span(text, s, e)
    if sp is None:
        return None
    s, e = sp.start, sp.end
    if lex.opener_re is not None:
        m = lex.opener_re.match(text, s, e)
        if m is not None and m.end() < e and text[m.end()] in " \t" and trimmed_span(text, m.end(), e) is not None \
                and not (lex.coord_re is not None and lex.coord_re.fullmatch(m.group())):   # "and X said": a new clause
            s = trimmed_span(text, m.end(), e).start
    if lex.source_stop_re is not None:
        for m in lex.source_stop_re.finditer(text, s, e):
            if m.start() > s and not _in_name(text, m):
                e = m.start()
                break
    sp = trimmed_span(text, s, e)
    if sp is None or nwords(text, sp.start, sp.end) > lex.max_source_words:
        return None
    return sp


def _in_name(text: str, m: re.Match) -> bool:
    """A stop word that is part of a proper name inside a phrase: capitalised
    and followed by a capitalised word ("Menteri Dalam Negeri")."""
    if not m.group()[:1].isupper():
        return False
    nxt = WORDS.search(text, m.end(), m.end() + 30)
    return nxt is not None and nxt.group()[:1].isupper() and not text[m.end():nxt.start()].strip()


_ACRONYM_PAREN = re.compile(r"\((?:[A-Z][A-Za-z]{0,3}){1,3}\)")
_RIGHT_END = re.compile(r"[,;!?()“”\"]|\.(?=\s|$)")


def _adjunct_word(text: str, lex: Lexicon, m: re.Match, start: Optional[int] = None) -> bool:
    """An adjunct opener, unless it is a particle joining a capitalised name
    ("Kepala Polisi di Bandung").  With the phrase's ``start``, a location
    particle right after a person's name opens a place adjunct all the same
    ("Budi di Istana", "Ann Lee in Paris"; :func:`_ends_with_name`)."""
    low = m.group().lower()
    if start is not None and low in lex.location_particles and _ends_with_name(text, lex, start, m.start()):
        return True
    if low in lex.particles:
        nxt = WORDS.search(text, m.end(), m.end() + 40)
        while nxt is not None and nxt.group().lower() in lex.determiners:
            nxt = WORDS.search(text, nxt.end(), nxt.end() + 40)
        if nxt is not None and nxt.group()[:1].isupper():
            return False
    return True


_LAST_WORD_RE = re.compile(r"([^\W\d_][\w'’.-]*)\W*$")


def _ends_with_name(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Does text[s:e] end with a person's name: a capitalised word (not all
    capitals: acronyms name institutions) that is no role or head word of the
    source-typing data?

    >>> from graphkit.extract.lexicon import lexicon
    >>> _ends_with_name("Gubernur Abdul Wahid ", lexicon("id"), 0, 21)
    True
    >>> _ends_with_name("Kepala Polisi ", lexicon("id"), 0, 14)
    False
    """
    m = _LAST_WORD_RE.search(text, s, e)
    if m is None:
        return False
    w = m.group(1).rstrip(".")
    return w[:1].isupper() and not w.isupper() and w.lower() not in lex.head_words


def extend_over_particles(text: str, lex: Lexicon, sp: Span, ue: int) -> Span:
    """"according to a spokesperson for the port authority, ...": a source
    cut at a particle ("for", "of") reaches the comma (or the end of the
    sentence) when the rest is a short noun phrase (no verb, cue or
    complementizer)."""
    p = skip_space(text, sp.end, ue)
    w = WORDS.match(text, p, ue)
    if w is None or w.group().lower() not in lex.particles:
        return sp
    m = _RIGHT_END.search(text, p, ue)
    if m is not None and text[m.start()] != ",":
        return sp
    stop = m.start() if m is not None else ue      # the comma, or the end of the sentence
    if nwords(text, sp.start, stop) > lex.max_source_words:
        return sp
    for rx in (lex.verb_re, lex.cue_re, lex.complementizer_re, lex.clause_re):
        if rx is not None and rx.search(text, p, stop):
            return sp
    return trimmed_span(text, sp.start, stop) or sp


_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")


def _abbreviation_before(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    return m is not None and is_abbreviation(m.group(1))


def source_right(text: str, lex: Lexicon, s: int, e: int, appositive: bool = True) -> Optional[Span]:
    """The noun phrase right after an inverted cue ("..., kata X, ...")."""
    end = e
    for m in _RIGHT_END.finditer(text, s, e):
        if m.group() == "." and _abbreviation_before(text, m.start()):
            continue                     # "two U.S. officials", "Gov. Ann Lee"
        if m.group() == ")" and _ACRONYM_PAREN.search(text, max(s, m.start() - 12), m.end()):
            continue                     # "Disaster Mitigation Agency (BPBD) head X"
        if m.group() == "(" and _ACRONYM_PAREN.match(text, m.start(), e):
            continue
        end = m.start()
        break
    lead = trimmed_span(text, s, end)
    if lead is None:
        return None
    for rx in (lex.via_re, lex.source_stop_re, lex.adjunct_re):
        if rx is not None:
            for v in rx.finditer(text, lead.start, end):
                if v.start() > lead.start and (rx is not lex.adjunct_re or _adjunct_word(text, lex, v, lead.start)) \
                        and not _in_name(text, v):
                    end = v.start()
                    break
    if lex.anonymity_re is not None:  # "said two people familiar with the matter"
        for a in lex.anonymity_re.finditer(text, lead.start, min(e, end + 60)):
            if a.start() <= end + 1 and a.end() > end:
                end = a.end()
    sp = trimmed_span(text, s, end)
    if sp is None or nwords(text, sp.start, sp.end) > lex.max_source_words:
        return None
    return _with_appositive(text, lex, sp, e) if appositive else sp


def _with_appositive(text: str, lex: Lexicon, sp: Span, e: int) -> Span:
    """"said Ann Lee, a farmer." - a short appositive closing the sentence
    belongs to the source."""
    p = sp.end
    while p < e and text[p] == " ":
        p += 1
    if p >= e or text[p] != "," or not sp.text[:1].isupper():
        return sp
    rest = trimmed_span(text, p + 1, e)
    if rest is not None:
        r = _RIGHT_END.search(text, rest.start, rest.end)
        if r is not None and text[r.start()] == "," and opens_adjunct(text, lex, r.end(), e):
            rest = trimmed_span(text, rest.start, r.start())  # "kata X, Budi, saat dihubungi ..."
    if rest is None or _RIGHT_END.search(text, rest.start, rest.end) or nwords(text, rest.start, rest.end) > 10:
        return sp
    if lex.weekday_re is not None and lex.weekday_re.match(text, rest.start):
        return sp           # "kata Budi, Senin": a date, not an appositive
    if lex.verb_re is not None and lex.verb_re.match(text, rest.start):
        return sp           # "Harga, ujar Budi, akan turun": a verb phrase, not an appositive
    relative = lex.relative_re is not None and lex.relative_re.match(text, rest.start) is not None
    if not relative and (opens_adjunct(text, lex, rest.start, rest.end) or starts_badly(text, lex, rest)):
        return sp
    if lex.cue_re is not None and lex.cue_re.search(text, rest.start, rest.end) and not _anonymity_in(text, lex, rest.start, rest.end):
        return sp
    return Span(sp.start, rest.end, text[sp.start:rest.end])


def opens_adjunct(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Does text[s:e] open with an adjunct ("in parliament", "speaking to ...",
    "seperti dilansir Antara") rather than a noun phrase?"""
    m = WORDS.search(text, s, e)
    if m is None:
        return True
    w = m.group()
    for rx in (lex.adjunct_re, lex.via_re, lex.source_stop_re):
        if rx is not None:
            a = rx.match(text, m.start())
            if a is not None and (rx is not lex.adjunct_re or _adjunct_word(text, lex, a, max(0, s - 80))):
                return True
    return w.islower() and any(w.endswith(x) and len(w) > len(x) + 2 for x in lex.participles)


def after_source_ok(text: str, lex: Lexicon, pos: int, e: int) -> bool:
    """After an inverted source only punctuation, an adjunct or a via marker
    may follow ("said Ann in a statement"), not a verb ("said the plan would")."""
    while pos < e and text[pos] in " \t":
        pos += 1
    if pos >= e or not text[pos].isalnum():
        return True
    m = _RIGHT_END.search(text, pos, e)
    stop = m.start() if m else e
    if nwords(text, pos, stop) > 8:
        return False
    if lex.complementizer_re is not None and lex.complementizer_re.search(text, pos, stop):
        return False    # "told BBC Radio's Today programme that ...": an object, then the content
    if lex.source_stop_re is not None:
        for w in lex.source_stop_re.finditer(text, pos, stop):
            if lex.adjunct_re is None or lex.adjunct_re.match(text, w.start()) is None:
                return False
    return opens_adjunct(text, lex, pos, e) and not (
        lex.source_stop_re is not None and lex.source_stop_re.match(text, pos) is not None
        and not (lex.adjunct_re is not None and lex.adjunct_re.match(text, pos) is not None))


def starts_badly(text: str, lex: Lexicon, sp: Span) -> bool:
    """A phrase after an inverted cue that cannot be its source ("of X", "that ...")."""
    m = WORDS.search(text, sp.start, sp.end)
    if m is None:
        return True
    w = m.group().lower()
    if w in lex.particles or w in lex.recipients:
        return True
    for rx in (lex.clause_re, lex.source_stop_re, lex.complementizer_re, lex.coord_re):
        if rx is not None and rx.match(text, m.start()) is not None:
            return True
    return False


def name_with_appositive(text: str, sp: Span) -> bool:
    """Is ``sp`` a capitalised name followed by appositives ("Jim Parton,
    from Families Need Fathers"; "Ann Lee, the new chair")?  Such a phrase
    before a cue is its subject, never an inverted report's content.

    >>> name_with_appositive("Ann Lee, the new chair", Span(0, 22, ""))
    True
    >>> name_with_appositive("Ann Lee won the vote", Span(0, 20, ""))
    False
    """
    segs = comma_segments(text, sp.start, sp.end)
    if len(segs) < 2:
        return False
    words = WORDS.findall(text, segs[0][0], segs[0][1])
    return 1 <= len(words) <= 6 and all(w[:1].isupper() for w in words)


def comma_segments(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """text[s:e] cut at commas outside brackets."""
    segs, depth, start = [], 0, s
    for i in range(s, e):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0 and not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()):
            segs.append((start, i))
            start = i + 1
    segs.append((start, e))
    return segs


def _skip_openers(text: str, lex: Lexicon, lo: int, hi: int) -> int:
    """Skip sentence openers ("But", "Namun") and leading punctuation."""
    while True:
        while lo < hi and (text[lo] in LEAD):
            lo += 1
        m = lex.opener_re.match(text, lo, hi) if lex.opener_re is not None else None
        if m is None or m.end() >= hi:
            return lo
        lo = m.end()


def _anonymity_in(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """"A police source, speaking on condition of anonymity, said": an
    anonymity phrase belongs to the source."""
    return lex.anonymity_re is not None and lex.anonymity_re.search(text, s, e) is not None


def _time_adjunct(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """A comma segment that is only a day or date ("Rabu (4/9)", "Monday")."""
    if lex.weekday_re is None:
        return False
    m = lex.weekday_re.match(text, skip_space(text, s, e))
    return m is not None and not re.sub(r"[\s()/.\d-]+", "", text[m.end():e])


def _opens_participle(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Does text[s:e] open with a lower-case word that is no determiner, role or
    head noun ("sent on 9 January", "published last week")?"""
    m = WORDS.search(text, s, e)
    if m is None:
        return False
    w = m.group()
    return w.islower() and w not in lex.determiners and w not in lex.head_words and w not in lex.pronouns \
        and not (lex.relative_re is not None and lex.relative_re.fullmatch(w))


def _opens_according(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Does text[s:e] open with an according-cue ("Menurut AFP", "According to AFP")?"""
    m = lex.cue_re.match(text, skip_space(text, s, e), e) if lex.cue_re is not None else None
    return m is not None and lex.cue_class(m.group()) == "according"


def subject_before(text: str, lex: Lexicon, qi: QuoteIndex, us: int, cs: int) -> tuple[Optional[Span], bool]:
    """The subject noun phrase with its appositives and relative clauses in
    front of a cue: "Ingrid Falk, a spokeswoman for X, [speaking ...,] said";
    adjuncts right before the cue are left out.  Returns the span (or None)
    and whether a quotation ends right before it ("“...,” the chief, Ann Lee,
    told AFP").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Ann Lee, a spokeswoman for the union, speaking on Monday, said it was over."
    >>> subject_before(t, lexicon("en"), QuoteIndex([]), 0, t.index("said"))[0].text
    'Ann Lee, a spokeswoman for the union'
    """
    lo, after_quote = us, False
    q = qi.ending_before(cs, us)
    if q is not None and q.outer.end >= us:
        lo, after_quote = q.outer.end, True
    for m in STRONG.finditer(text, lo, cs):
        lo, after_quote = m.end(), False
    lo = _skip_openers(text, lex, lo, cs)
    segs = [(a, b) for a, b in comma_segments(text, lo, cs)]
    while segs and (trimmed_span(text, *segs[-1]) is None or _time_adjunct(text, lex, *segs[-1]) or (
            opens_adjunct(text, lex, *segs[-1]) and not _anonymity_in(text, lex, *segs[-1]))):
        segs.pop()
    while len(segs) > 1 and (opens_adjunct(text, lex, *segs[0]) or _opens_according(text, lex, *segs[0])
                             or _opens_participle(text, lex, *segs[0])) \
            and not _anonymity_in(text, lex, *segs[0]):
        segs.pop(0)  # "In a written statement, the commission's chairman said", "Menurut AFP, X, Y, mengatakan"
    if not segs or len(segs) > 4:
        return None, False
    head = trimmed_span(text, *segs[0])
    if head is None:
        return None, False
    first = head.text.split()[0]
    if not (first[:1].isupper() or first.lower() in lex.determiners or first.lower() in lex.head_words
            or after_quote):
        return None, False      # (a role opens it: "Namun, juru bicara X, Y, menepis")
    if nwords(text, head.start, head.end) > lex.max_source_words:
        return None, False
    if lex.cue_re is not None and lex.cue_re.search(text, head.start, head.end):
        return None, False
    if lex.clause_re is not None:
        for m in lex.clause_re.finditer(text, head.start, head.end):
            if lex.relative_re is None or lex.relative_re.match(text, m.start()) is None:
                return None, False
    total = 0
    anonymous_clause = False
    for a, b in segs:
        n = nwords(text, a, b)
        total += n
        long_ok = (a, b) != segs[0] and n <= 2 * lex.max_source_words and _anonymity_in(text, lex, a, b) \
            and lex.relative_re is not None and lex.relative_re.match(text, skip_space(text, a, b)) is not None
        anonymous_clause = anonymous_clause or long_ok
        if (n > lex.max_source_words and not long_ok) or QUOTE_MARK.search(text, a, b):
            return None, False
        if lex.complementizer_re is not None and lex.complementizer_re.search(text, a, b):
            return None, False
    if total > (3 if anonymous_clause else 2) * lex.max_source_words:
        return None, False      # ("A doctor, who spoke on condition of anonymity because ..., said")
    end = trimmed_span(text, head.start, segs[-1][1])
    return end, after_quote


def main_subject(text: str, lex: Lexicon, sp: Span) -> Span:
    """"Gov. Ann Lee vetoed a bill on Tuesday, saying ...": before a
    participle cue the subject ends at the main clause's verb (a lower-case
    word with a verb ending, or a finite verb).

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Gov. Ann Lee vetoed a bill"
    >>> main_subject(t, lexicon("en"), Span(0, len(t), t)).text
    'Gov. Ann Lee'
    """
    suffixes = tuple(lex.data.get("syntax", {}).get("coordinated_verb_suffixes", []))
    words = list(WORDS.finditer(text, sp.start, sp.end))
    for w in words[1:]:
        low = w.group()
        if low.islower() and ((suffixes and low.endswith(suffixes)) or
                              (lex.verb_re is not None and lex.verb_re.fullmatch(low))):
            return trimmed_span(text, sp.start, w.start()) or sp
    return sp


def relative_subject_np(text: str, lex: Lexicon, sp: Span) -> bool:
    """Is ``sp`` "HEAD, who/which ..." with a verb-less head?"""
    if lex.relative_re is None:
        return False
    k = text.find(",", sp.start, sp.end)
    if k < 0:
        return False
    p = skip_space(text, k + 1, sp.end)
    if lex.relative_re.match(text, p) is None:
        return False
    return not (lex.verb_re is not None and lex.verb_re.search(text, sp.start, k))


def relative_subject(text: str, lex: Lexicon, us: int, ls: int, cs: int) -> Optional[Span]:
    """"..., according to the agency, which said ...": a relative pronoun
    after a comma, right before the cue (adverbs allowed), is the source."""
    if lex.relative_re is None or text[ls:cs].strip() and not (
            lex.source_stop_re is not None and lex.source_stop_re.fullmatch(text[ls:cs].strip())):
        return None
    m = LAST_WORD.search(text, max(us, ls - 12), ls)
    if m is None or not lex.relative_re.fullmatch(m.group(1)):
        return None
    p = m.start(1)
    while p > us and text[p - 1] in " \t":
        p -= 1
    if p <= us or text[p - 1] != ",":
        return None
    return Span(m.start(1), m.end(1), m.group(1))


def relative_source(text: str, lex: Lexicon, us: int, ls: int, cs: int) -> Optional[Span]:
    """"Seorang pejabat ... yang enggan disebutkan namanya mengatakan", "two
    officials who spoke on condition of anonymity told": the subject keeps
    its relative clause."""
    if lex.relative_re is None:
        return None
    m = LAST_WORD.search(text, max(us, ls - 12), ls)
    if m is None or not lex.relative_re.fullmatch(m.group(1)):
        return None
    inner = WORDS.search(text, ls, cs)
    if inner is not None and (inner.group().lower() in lex.subject_pronouns
                              or inner.group().lower() in lex.determiners):
        return None  # "photographs which it said": the relative clause has its own subject
    head_ls = clause_start(text, lex, us, m.start(1))
    if lex.cue_re is not None:
        for c in lex.cue_re.finditer(text, head_ls, m.start(1)):
            head_ls = c.end()  # "menepis kabar yang menyebut": the head is "kabar"
    head = source_left(text, lex, head_ls, m.start(1))
    if head is not None and inner is None:
        # "kabar yang menyebut", "seorang pria yang mengaku": the relative
        # pronoun is the subject; its head is the last noun with its determiner
        words = list(WORDS.finditer(text, head.start, head.end))
        k = len(words) - 1
        while k > 0 and (words[k - 1].group().lower() in lex.determiners
                         or words[k - 1].group().lower() in lex.head_words     # "seorang juru bicara militer"
                         or (words[k].group()[:1].isupper() and words[k - 1].group()[:1].isupper())):
            k -= 1
        return Span(words[k].start(), head.end, text[words[k].start():head.end])
    limit = 2 * lex.max_source_words
    if lex.anonymity_re is not None and lex.anonymity_re.search(text, m.start(1), cs):
        limit = 3 * lex.max_source_words    # "A doctor, who spoke on condition of anonymity because ..., said"
    if head is None or nwords(text, head.start, cs) > limit:
        return None
    return trimmed_span(text, head.start, cs)


def suffix_source(text: str, lex: Lexicon, cue: Span, inverted: bool = True) -> Optional[tuple[Span, Span]]:
    """"ujarnya": cue "ujar", source the enclitic "nya" (a cue that may
    precede its source, unless ``inverted`` is False: "menurutnya").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Menurutnya, harga naik."
    >>> [s.text for s in suffix_source(t, lexicon("id"), Span(0, 10, t[:10]), inverted=False)]
    ['Menurut', 'nya']
    """
    low = cue.text.lower()
    for suf in lex.suffixes:
        root = low[: -len(suf)]
        if low.endswith(suf) and root and root in lex.classes and (lex.may_invert(root) or not inverted) \
                and low not in lex.classes:
            k = cue.end - len(suf)
            return Span(cue.start, k, text[cue.start:k]), Span(k, cue.end, text[k:cue.end])
    return None
