"""Cue-anchored attributions in one sentence: direct and reported speech.

For every cue word of the language data (``attribution.toml``) outside a
quotation, find its source and content with a few surface patterns:

- ``SOURCE CUE [that] CONTENT``            "X mengatakan bahwa ...", "X said ..."
- ``CONTENT, SOURCE CUE`` / ``CONTENT, CUE SOURCE``   "“...,” kata X", "..., X said."
- ``ACCORDING SOURCE, CONTENT`` / ``CONTENT, ACCORDING SOURCE``   "menurut X, ..."
- ``[subject] REPORTEDLY CONTENT``         "dilaporkan ...", "reportedly" (no source)

>>> from graphkit.extract import extract_text
>>> [(a.source.text, a.cue.text, a.content[0].text) for a in extract_text("Menurut Ani, hujan turun.", "id")]
[('Ani', 'Menurut', 'hujan turun')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from graphkit.extract.lexicon import Lexicon
from graphkit.extract.quotes import Quote
from graphkit.extract.sentences import is_abbreviation
from graphkit.records import Span

_BOUNDARY = re.compile(r"[,;:]|[”»›\"’](?=\s)|''(?=\s)|\s[—–-]{1,2}\s|—")
_WORDS = re.compile(r"\w+")
_TRAIL = " \t\r\n,;:.!?\"“”„‘’«»‹›—–-"
_LEAD = " \t\r\n,;:\"“”„‘’«»‹›—–-"
_SENT_END = " \t\r\n.!?"
_PREV_WORD = re.compile(r"(\w+)\s+$")
_LAST_WORD = re.compile(r"(\w+)\s*$")


@dataclass
class Found:
    """A raw attribution before ids, stance and nesting are set."""

    cue: Span
    content: list[Span]
    source: Optional[Span]
    cls: str
    direct: bool = False


class QuoteIndex:
    """Fast 'is this position inside a quotation?' over quote pieces."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        pieces = sorted((p.start, p.end, i) for i, q in enumerate(self.quotes) for p in q.pieces)
        self.starts = [p[0] for p in pieces]
        self.pieces = pieces

    def at(self, pos: int) -> Optional[Quote]:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.pieces[i][0] <= pos < self.pieces[i][1]:
            return self.quotes[self.pieces[i][2]]
        return None

    def ending_before(self, pos: int, lo: int) -> Optional[Quote]:
        """A quote whose last piece ends within a few characters before ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.pieces[i][1] >= lo - 2:
            s, e, qi = self.pieces[i]
            q = self.quotes[qi]
            if e <= pos and q.pieces[-1].end == e and q.outer.end <= pos + 1:
                return q
            i -= 1
        return None

    def starting_after(self, pos: int, hi: int) -> Optional[Quote]:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.pieces) and self.pieces[i][0] <= hi:
            return self.quotes[self.pieces[i][2]]
        return None


def _span(text: str, s: int, e: int, lead: str = _LEAD, trail: str = _TRAIL) -> Optional[Span]:
    while s < e and text[s] in lead:
        s += 1
    while e > s and text[e - 1] in trail:
        e -= 1
    return Span(s, e, text[s:e]) if e > s and _WORDS.search(text, s, e) else None


def _nwords(text: str, s: int, e: int) -> int:
    return len(_WORDS.findall(text, s, e))


def clause_start(text: str, lex: Lexicon, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (after punctuation or a clause
    opener), not before ``lo``."""
    start = lo
    for m in _BOUNDARY.finditer(text, lo, pos):
        start = m.end()
    if lex.clause_re is not None:
        for m in lex.clause_re.finditer(text, start, pos):
            start = m.end()
    if lex.coord_re is not None and _nwords(text, start, pos) > lex.max_source_words:
        for m in lex.coord_re.finditer(text, start, pos):
            start = m.end()
    return start


def _source_left(text: str, lex: Lexicon, s: int, e: int) -> Optional[Span]:
    """The subject noun phrase in text[s:e] (the words before the cue)."""
    sp = _span(text, s, e)
    if sp is None:
        return None
    s, e = sp.start, sp.end
    if lex.source_stop_re is not None:
        for m in lex.source_stop_re.finditer(text, s, e):
            if m.start() > s:
                e = m.start()
                break
    sp = _span(text, s, e)
    if sp is None or _nwords(text, sp.start, sp.end) > lex.max_source_words:
        return None
    return sp


_RIGHT_END = re.compile(r"[,;!?()“”\"]|\.(?=\s|$)")


def _adjunct_word(text: str, lex: Lexicon, m: re.Match) -> bool:
    """An adjunct opener, unless it is a particle joining a capitalised name
    ("Kepala Polisi di Bandung")."""
    if m.group().lower() in lex.particles:
        nxt = _WORDS.search(text, m.end(), m.end() + 40)
        while nxt is not None and nxt.group().lower() in lex.determiners:
            nxt = _WORDS.search(text, nxt.end(), nxt.end() + 40)
        if nxt is not None and nxt.group()[:1].isupper():
            return False
    return True


def _skip_space(text: str, p: int, e: int) -> int:
    while p < e and text[p] in " \t":
        p += 1
    return p


def _extend_over_particles(text: str, lex: Lexicon, sp: Span, ue: int) -> Span:
    """"according to a spokesperson for the port authority, ...": a source
    cut at a particle ("for", "of") reaches the comma when the rest is a short
    noun phrase (no verb, cue or complementizer)."""
    p = _skip_space(text, sp.end, ue)
    w = _WORDS.match(text, p, ue)
    if w is None or w.group().lower() not in lex.particles:
        return sp
    m = _RIGHT_END.search(text, p, ue)
    if m is None or text[m.start()] != ",":
        return sp
    stop = m.start()
    if _nwords(text, sp.start, stop) > lex.max_source_words:
        return sp
    for rx in (lex.verb_re, lex.cue_re, lex.complementizer_re, lex.clause_re):
        if rx is not None and rx.search(text, p, stop):
            return sp
    return _span(text, sp.start, stop) or sp


_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")


def _abbreviation_before(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    return m is not None and is_abbreviation(m.group(1))


def _source_right(text: str, lex: Lexicon, s: int, e: int, appositive: bool = True) -> Optional[Span]:
    """The noun phrase right after an inverted cue ("..., kata X, ...")."""
    end = e
    for m in _RIGHT_END.finditer(text, s, e):
        if m.group() == "." and _abbreviation_before(text, m.start()):
            continue                     # "two U.S. officials", "Gov. Ann Lee"
        end = m.start()
        break
    lead = _span(text, s, end)
    if lead is None:
        return None
    for rx in (lex.via_re, lex.source_stop_re, lex.adjunct_re):
        if rx is not None:
            for v in rx.finditer(text, lead.start, end):
                if v.start() > lead.start and (rx is not lex.adjunct_re or _adjunct_word(text, lex, v)):
                    end = v.start()
                    break
    if lex.anonymity_re is not None:  # "said two people familiar with the matter"
        for a in lex.anonymity_re.finditer(text, lead.start, min(e, end + 60)):
            if a.start() <= end + 1 and a.end() > end:
                end = a.end()
    sp = _span(text, s, end)
    if sp is None or _nwords(text, sp.start, sp.end) > lex.max_source_words:
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
    rest = _span(text, p + 1, e)
    if rest is not None:
        r = _RIGHT_END.search(text, rest.start, rest.end)
        if r is not None and text[r.start()] == "," and _opens_adjunct(text, lex, r.end(), e):
            rest = _span(text, rest.start, r.start())  # "kata X, Budi, saat dihubungi ..."
    if rest is None or _RIGHT_END.search(text, rest.start, rest.end) or _nwords(text, rest.start, rest.end) > 10:
        return sp
    relative = lex.relative_re is not None and lex.relative_re.match(text, rest.start) is not None
    if not relative and (_opens_adjunct(text, lex, rest.start, rest.end) or _starts_badly(text, lex, rest)):
        return sp
    if lex.cue_re is not None and lex.cue_re.search(text, rest.start, rest.end) and not _anonymity_in(text, lex, rest.start, rest.end):
        return sp
    return Span(sp.start, rest.end, text[sp.start:rest.end])


def _opens_adjunct(text: str, lex: Lexicon, s: int, e: int) -> bool:
    """Does text[s:e] open with an adjunct ("in parliament", "speaking to ...",
    "seperti dilansir Antara") rather than a noun phrase?"""
    m = _WORDS.search(text, s, e)
    if m is None:
        return True
    w = m.group()
    for rx in (lex.adjunct_re, lex.via_re, lex.source_stop_re):
        if rx is not None:
            a = rx.match(text, m.start())
            if a is not None and (rx is not lex.adjunct_re or _adjunct_word(text, lex, a)):
                return True
    return w.islower() and any(w.endswith(x) and len(w) > len(x) + 2 for x in lex.participles)


def _after_source_ok(text: str, lex: Lexicon, pos: int, e: int) -> bool:
    """After an inverted source only punctuation, an adjunct or a via marker
    may follow ("said Ann in a statement"), not a verb ("said the plan would")."""
    while pos < e and text[pos] in " \t":
        pos += 1
    if pos >= e or not text[pos].isalnum():
        return True
    m = _RIGHT_END.search(text, pos, e)
    stop = m.start() if m else e
    if _nwords(text, pos, stop) > 8:
        return False
    if lex.source_stop_re is not None:
        for w in lex.source_stop_re.finditer(text, pos, stop):
            if lex.adjunct_re is None or lex.adjunct_re.match(text, w.start()) is None:
                return False
    return _opens_adjunct(text, lex, pos, e) and not (
        lex.source_stop_re is not None and lex.source_stop_re.match(text, pos) is not None
        and not (lex.adjunct_re is not None and lex.adjunct_re.match(text, pos) is not None))


def _quote_pieces(q: Quote, lo: int, hi: int) -> list[Span]:
    return [p for p in q.pieces if p.end > lo and p.start < hi] or list(q.pieces)


def _content_before(text: str, qi: QuoteIndex, us: int, boundary: int) -> tuple[list[Span], bool]:
    q = qi.ending_before(boundary, us)
    if q is not None and boundary - q.outer.end <= 3:
        return list(q.pieces), True
    sp = _span(text, us, boundary)
    return ([sp] if sp else []), False


def _content_after(text: str, lex: Lexicon, qi: QuoteIndex, s: int, ue: int,
                   nxt: Optional[Span] = None) -> tuple[list[Span], bool]:
    p = s
    while p < ue and text[p] in " \t,:":
        p += 1
    if p >= ue and nxt is not None and text[s:ue].strip() == ":":
        # "X said:" at the end of a paragraph: the next one is the content
        q = qi.starting_after(nxt.start, nxt.start + 1)
        if q is not None:
            return list(q.pieces), True
        sp = _span(text, nxt.start, nxt.end)
        return ([sp] if sp else []), False
    q = qi.starting_after(p, p + 1)
    if q is not None:
        return [x for x in q.pieces if x.start >= p - 1], True
    skipped = False
    if lex.complementizer_re is not None:
        m = lex.complementizer_re.search(text, p, ue)
        if m and _nwords(text, p, m.start()) <= 8 and not _QUOTE_MARK.search(text, p, m.start()) \
                and not (lex.coord_re is not None and lex.coord_re.search(text, p, m.start())) \
                and not (lex.cue_re is not None and lex.cue_re.search(text, p, m.start())) \
                and not (lex.verb_re is not None and lex.verb_re.search(text, p, m.start())):
            p = m.start() if lex.include_complementizer else m.end()
            skipped = True
    if not skipped and p == _skip_space(text, s, ue):
        cw = _LAST_WORD.search(text, max(0, s - 20), s)
        if cw is not None and cw.group(1).lower() in lex.object_cues:
            p = _skip_addressee(text, lex, p, ue)
    sp = _span(text, p, _content_end(text, lex, p, ue))
    return ([sp] if sp else []), False


_OBJ_PRONOUNS = frozenset("him her them us me you it".split())


def _skip_addressee(text: str, lex: Lexicon, p: int, ue: int) -> int:
    """"told the Observer the company would ...", "told investors the homes
    ...", "told him the ...": the addressee after an object cue is not content."""
    words = list(_WORDS.finditer(text, p, min(ue, p + 120)))
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
        w = _WORDS.match(text, q, ue)
        if w is None:
            continue
        low = w.group().lower()
        if low in stops:
            return p + m.start()
        if suffixes and lex.coord_re is not None and lex.coord_re.fullmatch(w.group()) and low not in ("but", "or"):
            v = _WORDS.match(text, _skip_space(text, w.end(), ue), ue)
            if v is not None and v.group().islower() and v.group().endswith(suffixes) \
                    and v.group().lower() not in lex.determiners:
                return p + m.start()
    return ue


def _starts_badly(text: str, lex: Lexicon, sp: Span) -> bool:
    """A phrase after an inverted cue that cannot be its source ("of X", "that ...")."""
    m = _WORDS.search(text, sp.start, sp.end)
    if m is None:
        return True
    w = m.group().lower()
    if w in lex.particles or w in lex.recipients:
        return True
    for rx in (lex.clause_re, lex.source_stop_re, lex.complementizer_re, lex.coord_re):
        if rx is not None and rx.match(text, m.start()) is not None:
            return True
    return False


_STRONG = re.compile(r"[;:]|\s[—–-]{1,2}\s|—")
_QUOTE_MARK = re.compile(r"[\"“”„«»]|''")


def _comma_segments(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """text[s:e] cut at commas outside brackets."""
    segs, depth, start = [], 0, s
    for i in range(s, e):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0:
            segs.append((start, i))
            start = i + 1
    segs.append((start, e))
    return segs


def _skip_openers(text: str, lex: Lexicon, lo: int, hi: int) -> int:
    """Skip sentence openers ("But", "Namun") and leading punctuation."""
    while True:
        while lo < hi and (text[lo] in _LEAD):
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
    m = lex.weekday_re.match(text, _skip_space(text, s, e))
    return m is not None and not re.sub(r"[\s()/.\d-]+", "", text[m.end():e])


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
    for m in _STRONG.finditer(text, lo, cs):
        lo, after_quote = m.end(), False
    lo = _skip_openers(text, lex, lo, cs)
    segs = [(a, b) for a, b in _comma_segments(text, lo, cs)]
    while segs and (_span(text, *segs[-1]) is None or _time_adjunct(text, lex, *segs[-1]) or (
            _opens_adjunct(text, lex, *segs[-1]) and not _anonymity_in(text, lex, *segs[-1]))):
        segs.pop()
    while len(segs) > 1 and _opens_adjunct(text, lex, *segs[0]) and not _anonymity_in(text, lex, *segs[0]):
        segs.pop(0)  # "In a written statement, the commission's chairman said"
    if not segs or len(segs) > 4:
        return None, False
    head = _span(text, *segs[0])
    if head is None:
        return None, False
    first = head.text.split()[0]
    if not (first[:1].isupper() or first.lower() in lex.determiners or after_quote):
        return None, False
    if _nwords(text, head.start, head.end) > lex.max_source_words:
        return None, False
    if lex.cue_re is not None and lex.cue_re.search(text, head.start, head.end):
        return None, False
    if lex.clause_re is not None:
        for m in lex.clause_re.finditer(text, head.start, head.end):
            if lex.relative_re is None or lex.relative_re.match(text, m.start()) is None:
                return None, False
    total = 0
    for a, b in segs:
        n = _nwords(text, a, b)
        total += n
        long_ok = (a, b) != segs[0] and n <= 2 * lex.max_source_words and _anonymity_in(text, lex, a, b) \
            and lex.relative_re is not None and lex.relative_re.match(text, _skip_space(text, a, b)) is not None
        if (n > lex.max_source_words and not long_ok) or _QUOTE_MARK.search(text, a, b):
            return None, False
        if lex.complementizer_re is not None and lex.complementizer_re.search(text, a, b):
            return None, False
    if total > 2 * lex.max_source_words:
        return None, False
    end = _span(text, head.start, segs[-1][1])
    return end, after_quote


def _more_quote(text: str, qi: QuoteIndex, pos: int, ue: int, content: list[Span], direct: bool) -> list[Span]:
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


def _coordinated(text: str, lex: Lexicon, prev: Optional[Found], pos: int) -> Optional[int]:
    """Where the content of ``prev`` (the attribution before in the sentence)
    must end when a coordinated verb phrase starts at ``pos``: "membantah A
    dan menegaskan B", "insisted that A and dismissed B", "argued A, saying B",
    "acknowledged that A, but she insisted B".  None when not coordinated."""
    if prev is None or not prev.content or prev.source is None:
        return None
    if lex.relative_re is not None and lex.relative_re.fullmatch(prev.source.text) and text[max(0, pos - 3):pos].rstrip().endswith(","):
        return None  # "X, who opposed A, said B": the relative clause ends, X is the subject
    c = prev.content[-1]
    if prev.direct or c.start < prev.cue.end or not (c.start < pos <= c.end + 1):
        return None
    m = _PREV_WORD.search(text, max(c.start, pos - 30), pos)
    if m is not None and lex.coord_re is not None and lex.coord_re.fullmatch(m.group(1)):
        cut = m.start(1)
    else:
        p = pos
        while p > c.start and text[p - 1] in " \t":
            p -= 1
        if p <= c.start or text[p - 1] != ",":
            return None
        cut = p - 1
    while cut > c.start and text[cut - 1] in " \t,":
        cut -= 1
    return cut if cut > c.start else None


def _cut_content(text: str, f: Found, cut: int) -> None:
    last = f.content[-1]
    sp = _span(text, last.start, cut)
    if sp is not None:
        f.content = f.content[:-1] + [sp]


def _skip_cue(text: str, lex: Lexicon, us: int, cs: int, ce: int, ue: int) -> bool:
    """Cue words that are nouns or not speech here: after a determiner or a
    possessive ("the claims", "the group's claims"), before "of"/"for"
    ("hopes of"), before a non-speech object ("declined to comment")."""
    pw = _PREV_WORD.search(text, max(us, cs - 30), cs) if (lex.not_after or lex.raising) else None
    if pw is not None and pw.group(1).lower() in lex.not_after:
        return True
    syn = lex.data.get("syntax", {})
    if pw is not None and text[cs:ce].lower() in syn.get("depicting_cues", []) \
            and pw.group(1).lower() in syn.get("depicting_subjects", []):
        return True  # "satellite photos showed trucks": a picture, not a speaker
    if pw is not None and pw.group(1).lower() in lex.raising and re.match(r"\s+to\b", text[ce:ce + 4]):
        return True  # "are alleged to have ...": a hedge, not a speech act
    if pw is not None and pw.group(1).lower() in lex.raising:
        nw = _WORDS.match(text, _skip_space(text, ce, ue), ue)
        if nw is not None and nw.group().lower() in lex.data.get("syntax", {}).get("passive_not_before", []):
            return True  # "was stated in reports": a passive participle
    if cs >= 3 and text[cs - 3:cs - 1] in ("'s", "’s") and text[cs - 1] == " " and lex.not_before:
        return True
    p = ce
    while p < ue and text[p] == " ":
        p += 1
    if lex.not_before:
        nw = _WORDS.match(text, p, ue)
        if nw is not None and nw.group().lower() in lex.not_before:
            return True
    if text[cs:ce].lower() in lex.noun_forms and _noun_use(text, lex, p, ue):
        return True
    return lex.nonspeech_re is not None and lex.nonspeech_re.match(text, p, ue) is not None


def _noun_use(text: str, lex: Lexicon, p: int, ue: int) -> bool:
    """A cue form that is also a plural noun ("states", "reports") is a verb
    only before a complementizer, "to", a quotation or colon, or at the end
    of the sentence ("..., the study notes."); "most states, other ..." and
    "battleground states like Ohio" are nouns."""
    if p >= ue or not text[p:ue].strip(_TRAIL) or text[p] in ":\"“‘«" or text.startswith("''", p):
        return False
    if lex.complementizer_re is not None and lex.complementizer_re.match(text, p, ue):
        return False
    return re.match(r"to\s+[a-z]", text[p:p + 8]) is None


def find_in_unit(text: str, lex: Lexicon, qi: QuoteIndex, unit: Span, nxt: Optional[Span] = None) -> list[Found]:
    """All cue-anchored attributions of one sentence (``unit``)."""
    if lex.cue_re is None:
        return []
    us, ue = unit.start, unit.end
    while ue > us and text[ue - 1] in _SENT_END:
        ue -= 1
    anon = [(m.start(), m.end()) for m in lex.anonymity_re.finditer(text, us, ue)] if lex.anonymity_re else []
    if lex.via_phrase_re is not None:  # "sebagaimana diberitakan X": a via, not a cue
        anon += [(m.start(), m.end()) for m in lex.via_phrase_re.finditer(text, us, ue)]
    out: list[Found] = []
    prev: Optional[Found] = None
    prev_cue_end = -1
    for m in lex.iter_cues(text, us, ue):
        cs, ce = m.start(), m.end()
        if qi.at(cs) is not None or any(a <= cs < b for a, b in anon):
            continue
        after_cue = prev_cue_end >= 0 and not text[prev_cue_end:cs].strip()
        prev_cue_end = ce if m.group()[:1].islower() else -1
        if after_cue or _skip_cue(text, lex, us, cs, ce, ue):
            continue  # "rejected calls for": the object of a cue is a noun
        cls = lex.cue_class(m.group())
        if cls is None:
            continue
        ls = clause_start(text, lex, us, cs)
        word = m.group()
        if word[:1].isupper() and text[ls:cs].strip(_LEAD):
            continue  # a capitalised cue inside a clause is a name
        cue = Span(cs, ce, text[cs:ce])
        cut = _coordinated(text, lex, prev, cs) if cls not in ("according", "reportedly") else None
        if cut is not None:
            content, direct = _content_after(text, lex, qi, ce, ue, nxt)
            if content:
                _cut_content(text, prev, cut)
                found = Found(cue, content, prev.source, cls, direct)
                out.append(found)
                prev = found
                continue
        found = _after_citing(text, lex, qi, us, ue, prev, cue, cls, nxt)
        if found is None:
            found = _one(text, lex, qi, us, ue, ls, cue, cls, nxt, prev.source if prev else None)
        if found is not None and found.source is not None and lex.relative_re is not None:
            for g in out:  # "X, who said A, insisted B": A ends with the subject
                if g.source is not None and lex.relative_re.fullmatch(g.source.text) \
                        and found.source.start < g.cue.start < found.source.end and g.content \
                        and g.content[-1].start < found.source.end < g.content[-1].end:
                    _cut_content(text, g, found.source.end)
        if found is not None:
            if prev is not None and found.source is not None and found.source.start > prev.cue.end:
                cut = _coordinated(text, lex, prev, found.source.start)
                if cut is not None:
                    _cut_content(text, prev, cut)
            out.append(found)
            if found.source is not None:
                prev = found
    return out


def _after_citing(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, prev: Optional[Found],
                  cue: Span, cls: str, nxt: Optional[Span]) -> Optional[Found]:
    """"X, citing Y, reported that P": the cue right after a parenthetical
    "citing Y" has the noun phrase before that parenthetical as its subject.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Talks ended after the Daily Planet, citing two aides, reported that pay would rise."
    >>> c = t.index("citing")
    >>> prev = Found(Span(c, c + 6, "citing"), [], Span(c + 7, c + 16, "two aides"), "according")
    >>> r = t.index("reported")
    >>> f = _after_citing(t, lexicon("en"), QuoteIndex([]), 0, len(t), prev, Span(r, r + 8, "reported"), "report", None)
    >>> f.source.text, f.content[0].text
    ('the Daily Planet', 'pay would rise')
    """
    if prev is None or prev.cls != "according" or cls in ("according", "reportedly") or prev.source is None:
        return None
    if not prev.cue.text[:1].islower() or prev.source.start < prev.cue.end or text[prev.source.end:cue.start].strip() != ",":
        return None
    k = prev.cue.start
    while k > us and text[k - 1] in " \t":
        k -= 1
    if k <= us or text[k - 1] != ",":
        return None
    k -= 1
    src = _source_left(text, lex, clause_start(text, lex, us, k), k)
    if src is None or _opens_adjunct(text, lex, src.start, src.end):
        return None
    content, direct = _content_after(text, lex, qi, cue.end, ue, nxt)
    return Found(cue, content, src, cls, direct) if content else None


def _main_subject(text: str, lex: Lexicon, sp: Span) -> Span:
    """"Gov. Ann Lee vetoed a bill on Tuesday, saying ...": before a
    participle cue the subject ends at the main clause's verb (a lower-case
    word with a verb ending, or a finite verb).

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Gov. Ann Lee vetoed a bill"
    >>> _main_subject(t, lexicon("en"), Span(0, len(t), t)).text
    'Gov. Ann Lee'
    """
    suffixes = tuple(lex.data.get("syntax", {}).get("coordinated_verb_suffixes", []))
    words = list(_WORDS.finditer(text, sp.start, sp.end))
    for w in words[1:]:
        low = w.group()
        if low.islower() and ((suffixes and low.endswith(suffixes)) or
                              (lex.verb_re is not None and lex.verb_re.fullmatch(low))):
            return _span(text, sp.start, w.start()) or sp
    return sp


def _relative_subject_np(text: str, lex: Lexicon, sp: Span) -> bool:
    """Is ``sp`` "HEAD, who/which ..." with a verb-less head?"""
    if lex.relative_re is None:
        return False
    k = text.find(",", sp.start, sp.end)
    if k < 0:
        return False
    p = _skip_space(text, k + 1, sp.end)
    if lex.relative_re.match(text, p) is None:
        return False
    return not (lex.verb_re is not None and lex.verb_re.search(text, sp.start, k))


def _relative_subject(text: str, lex: Lexicon, us: int, ls: int, cs: int) -> Optional[Span]:
    """"..., according to the agency, which said ...": a relative pronoun
    after a comma, right before the cue (adverbs allowed), is the source."""
    if lex.relative_re is None or text[ls:cs].strip() and not (
            lex.source_stop_re is not None and lex.source_stop_re.fullmatch(text[ls:cs].strip())):
        return None
    m = _LAST_WORD.search(text, max(us, ls - 12), ls)
    if m is None or not lex.relative_re.fullmatch(m.group(1)):
        return None
    p = m.start(1)
    while p > us and text[p - 1] in " \t":
        p -= 1
    if p <= us or text[p - 1] != ",":
        return None
    return Span(m.start(1), m.end(1), m.group(1))


def _relative_source(text: str, lex: Lexicon, us: int, ls: int, cs: int) -> Optional[Span]:
    """"Seorang pejabat ... yang enggan disebutkan namanya mengatakan", "two
    officials who spoke on condition of anonymity told": the subject keeps
    its relative clause."""
    if lex.relative_re is None:
        return None
    m = _LAST_WORD.search(text, max(us, ls - 12), ls)
    if m is None or not lex.relative_re.fullmatch(m.group(1)):
        return None
    inner = _WORDS.search(text, ls, cs)
    if inner is not None and (inner.group().lower() in lex.pronouns or inner.group().lower() in lex.determiners):
        return None  # "photographs which it said": the relative clause has its own subject
    head_ls = clause_start(text, lex, us, m.start(1))
    if lex.cue_re is not None:
        for c in lex.cue_re.finditer(text, head_ls, m.start(1)):
            head_ls = c.end()  # "menepis kabar yang menyebut": the head is "kabar"
    head = _source_left(text, lex, head_ls, m.start(1))
    if head is not None and inner is None:
        # "kabar yang menyebut", "seorang pria yang mengaku": the relative
        # pronoun is the subject; its head is the last noun with its determiner
        words = list(_WORDS.finditer(text, head.start, head.end))
        k = len(words) - 1
        while k > 0 and (words[k - 1].group().lower() in lex.determiners
                         or (words[k].group()[:1].isupper() and words[k - 1].group()[:1].isupper())):
            k -= 1
        return Span(words[k].start(), head.end, text[words[k].start():head.end])
    if head is None or _nwords(text, head.start, cs) > 2 * lex.max_source_words:
        return None
    return _span(text, head.start, cs)


def _suffix_source(text: str, lex: Lexicon, cue: Span) -> Optional[tuple[Span, Span]]:
    """"ujarnya": cue "ujar", source the enclitic "nya"."""
    low = cue.text.lower()
    for suf in lex.suffixes:
        root = low[: -len(suf)]
        if low.endswith(suf) and root and root in lex.classes and lex.may_invert(root) and low not in lex.classes:
            k = cue.end - len(suf)
            return Span(cue.start, k, text[cue.start:k]), Span(k, cue.end, text[k:cue.end])
    return None


def _adjunct_tail(text: str, lex: Lexicon, cue: Span, ue: int) -> bool:
    """After the cue comes no content, only an addressee and adjuncts
    ("told The Associated Press because ...", "wrote in a note to clients")."""
    p = cue.end
    words = list(_WORDS.finditer(text, p, ue))
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


def _parenthetical_rest(text: str, lex: Lexicon, ce: int, ue: int) -> Optional[Span]:
    """The rest of a sentence that a parenthetical report interrupts ("A, he
    said, B" -> "B"): after the cue at most a few adjunct words ("then",
    "on Monday"), a comma, then a clause of at least three words that opens
    with no conjunction, cue, complementizer or quotation.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "The plan, he said, would cost more."
    >>> _parenthetical_rest(t, lexicon("en"), 17, len(t)).text
    'would cost more'
    >>> t = "The plan, he said, and left."
    >>> _parenthetical_rest(t, lexicon("en"), 17, len(t)) is None
    True
    """
    k = text.find(",", ce, ue)
    if k < 0 or _nwords(text, ce, k) > 4 or _QUOTE_MARK.search(text, ce, k):
        return None
    if _span(text, ce, k) is not None and (lex.complementizer_re is not None and lex.complementizer_re.search(text, ce, k)):
        return None
    p = _skip_space(text, k + 1, ue)
    if p >= ue or _nwords(text, p, ue) < 3 or _QUOTE_MARK.match(text, p):
        return None
    for rx in (lex.coord_re, lex.cue_re, lex.complementizer_re):
        if rx is not None and rx.match(text, p) is not None:
            return None
    return _span(text, p, _content_end(text, lex, p, ue))


def _one(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
         cue: Span, cls: str, nxt: Optional[Span] = None, prev_src: Optional[Span] = None) -> Optional[Found]:
    cs, ce = cue.start, cue.end
    if cls == "according":
        src = _source_right(text, lex, ce, ue, appositive=False)
        if src is None:
            return None
        src = _extend_over_particles(text, lex, src, ue)
        after = src.end
        while after < ue and text[after] in " \t":
            after += 1
        relative_after = after < ue and text[after] == "," and lex.relative_re is not None and \
            lex.relative_re.match(text, _skip_space(text, after + 1, ue)) is not None
        if after < ue and text[after] == "," and _span(text, after + 1, ue) and not (relative_after and ls > us):
            if relative_after:  # "According to X, which monitors Y, CONTENT"
                k = text.find(",", after + 1, ue)
                after = k if k >= 0 and _span(text, k + 1, ue) else after
            content, direct = _content_after(text, lex, qi, after + 1, ue)
        else:
            content, direct = _content_before(text, qi, us, ls)
            if content and not direct and lex.cue_re is not None and any(
                    lex.cue_class(x.group()) == "according" for x in lex.cue_re.finditer(text, content[0].start, content[-1].end)):
                return None  # "Menurut X, A berdasarkan B": B is X's evidence, not a source
        return Found(cue, content, src, cls, direct) if content else None
    if cls == "reportedly":
        nxt = lex.cue_re.search(text, ce, min(ue, ce + 40))
        if nxt is not None and lex.cue_class(nxt.group()) not in (None, "according", "reportedly"):
            return None  # "X reportedly told ...": the verb is the cue
        content, direct = _content_after(text, lex, qi, ce, ue)
        return Found(cue, content, None, cls, direct) if content else None
    has_before = _span(text, us, ls) is not None
    after_punct = ls > us and _BOUNDARY.search(text, ls - 3, ls) is not None
    suffixed = _suffix_source(text, lex, cue)
    if suffixed is not None:
        cue, src = suffixed
        if has_before and (_span(text, ce, ue) is None or _adjunct_tail(text, lex, Span(ce, ce, ""), ue)):
            content, direct = _content_before(text, qi, us, ls)
            content = _more_quote(text, qi, ce, ue, content, direct)
        else:
            content, direct = _content_after(text, lex, qi, ce, ue, nxt)
        return Found(cue, content, src, cls, direct) if content else None
    # auxiliaries belong to the cue ("has said")
    if lex.aux_re is not None:
        while True:
            a = None
            for m in lex.aux_re.finditer(text, max(ls, cs - 20), cs):
                if not text[m.end():cs].strip():
                    a = m
            if a is None or a.start() < ls:
                break
            cs = a.start()
        cue = Span(cs, cue.end, text[cs:cue.end])
    src = _relative_subject(text, lex, us, ls, cs)
    if src is not None:
        content, direct = _content_after(text, lex, qi, ce, ue, nxt)
        return Found(cue, content, src, cls, direct) if content else None
    src = _relative_source(text, lex, us, ls, cs)
    if src is not None and src.start < ls:
        ls = src.start  # the clause starts with the subject's head, before its relative clause
        while ls > us and text[ls - 1] == " ":
            ls -= 1
        has_before = _span(text, us, ls) is not None
        after_punct = ls > us and _BOUNDARY.search(text, max(us, ls - 3), ls) is not None
    new_clause = False
    if src is None:
        src = _source_left(text, lex, ls, cs)
        if src is not None and lex.coord_re is not None:
            c = lex.coord_re.match(text, src.start)
            if c is not None and _span(text, c.end(), src.end) is not None:
                src = _span(text, c.end(), src.end)  # "..., and the minister said B"
                new_clause = True
    if src is not None and _opens_adjunct(text, lex, src.start, src.end):
        src = None  # "X, dalam pernyataan tertulis mengatakan"
    if src is None:
        stretch, after_quote = subject_before(text, lex, qi, us, cs)
        inv = None
        if has_before and after_punct and lex.data.get("syntax", {}).get("inverted_ok", True) and lex.may_invert(cue.text):
            inv = _source_right(text, lex, ce, ue)
            head_end = -1
            if inv is not None:
                head_end = text.find(",", inv.start, inv.end)
                head_end = inv.end if head_end < 0 else head_end
            if inv is not None and (_starts_badly(text, lex, inv) or not _after_source_ok(text, lex, inv.end, ue)
                                    or (lex.verb_re is not None and lex.verb_re.search(text, inv.start, head_end))):
                inv = None
        if stretch is not None and after_quote:
            q = qi.ending_before(stretch.start, us)
            content, direct = list(q.pieces), True
            content = _more_quote(text, qi, ce, ue, content, direct)
            return Found(cue, content, stretch, cls, direct)
        if inv is not None and stretch is not None and _relative_subject_np(text, lex, stretch):
            inv = None  # "Ann Lee, who said A, insisted B": the subject is on the left
        if inv is not None:
            content, direct = _content_before(text, qi, us, ls)
            content = _more_quote(text, qi, inv.end, ue, content, direct)
            return Found(cue, content, inv, cls, direct) if content else None
        if stretch is not None:
            if any(cue.text.lower().endswith(x) for x in lex.participles):
                stretch = _main_subject(text, lex, stretch)
            content, direct = _content_after(text, lex, qi, ce, ue, nxt)
            return Found(cue, content, stretch, cls, direct) if content else None
        if not has_before and lex.may_invert(cue.text) and cue.text[:1].isupper():
            # "Kata dia, CONTENT": the cue opens the sentence, its source follows
            front = _source_right(text, lex, ce, ue, appositive=False)
            if front is not None and text[front.end:front.end + 1] == "," and _span(text, front.end + 1, ue):
                content, direct = _content_after(text, lex, qi, front.end + 1, ue)
                return Found(cue, content, front, cls, direct) if content else None
        if any(cue.text.lower().endswith(x) for x in lex.participles):
            if has_before and _span(text, ce, ue) is None:
                content, direct = _content_before(text, qi, us, ls)
            else:
                content, direct = _content_after(text, lex, qi, ce, ue)
            return Found(cue, content, prev_src, cls, direct) if content else None
        return None
    tail = _span(text, ce, ue)
    before_q = qi.ending_before(ls, us)
    quote_before = before_q is not None and ls - before_q.outer.end <= 3
    short_tail = tail is None or (
        _nwords(text, tail.start, tail.end) <= 4
        and not (lex.complementizer_re and lex.complementizer_re.search(text, ce, ue))
        and qi.starting_after(ce, ue) is None
    )
    adjunct_tail = tail is not None and qi.starting_after(ce, ue) is None and _adjunct_tail(text, lex, cue, ue)
    lead_adjunct = not quote_before and _opens_adjunct(text, lex, us, ls) and len(_comma_segments(text, us, ls)) <= 2
    rest = None if quote_before or lead_adjunct or new_clause or not (has_before and after_punct) \
        else _parenthetical_rest(text, lex, ce, ue)
    if rest is not None:
        # "A, he said, B": the report interrupts its content
        content, direct = _content_before(text, qi, us, ls)
        if content and not direct:
            content.append(rest)
        elif not content:
            content = [rest]
    elif has_before and after_punct and not lead_adjunct and not new_clause and (
            quote_before or adjunct_tail or (short_tail and _nwords(text, us, ls) >= 4)):
        content, direct = _content_before(text, qi, us, ls)
        content = _more_quote(text, qi, ce, ue, content, direct)
    else:
        content, direct = _content_after(text, lex, qi, ce, ue, nxt)
    return Found(cue, content, src, cls, direct) if content else None
