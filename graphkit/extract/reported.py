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

from typing import Optional

from graphkit.extract.constructions import (
    after_citing, aux_passive, inverted_parenthetical, only_opener, passive, quoting_with_subject,
    relative_pronoun_subject, with_name_appositive)
from graphkit.extract.contents import (
    content_after, content_before, cut_content, more_quote, only_adjuncts_after, parenthetical_rest)
from graphkit.extract.cue_filters import (
    clause_after_pronoun, holds_report, legal_report, names_something, negated, skip_cue)
from graphkit.extract.found import (
    BOUNDARY, Found, LEAD, PREV_WORD, QuoteIndex, SENT_END, WORDS, nwords, skip_space, trimmed_span)
from graphkit.extract.lexicon import Lexicon
from graphkit.extract.sources import (
    after_source_ok, clause_start, comma_segments, extend_over_particles, main_subject,
    name_with_appositive, opens_adjunct, relative_source, relative_subject, relative_subject_np,
    source_left, source_right, starts_badly, subject_before, suffix_source)
from graphkit.records import Span


def _coordinated(text: str, lex: Lexicon, prev: Optional[Found], pos: int) -> Optional[int]:
    """Where the content of ``prev`` (the attribution before in the sentence)
    must end when a coordinated verb phrase starts at ``pos``: "membantah A
    dan menegaskan B", "insisted that A and dismissed B", "argued A, saying B",
    "acknowledged that A, but she insisted B".  None when not coordinated."""
    if prev is None or not prev.content or prev.source is None or prev.cls == "according":
        return None     # ("Menurut X, Y mengatakan B": X is no subject of "mengatakan")
    if lex.relative_re is not None and lex.relative_re.fullmatch(prev.source.text) and text[max(0, pos - 3):pos].rstrip().endswith(","):
        return None  # "X, who opposed A, said B": the relative clause ends, X is the subject
    c = prev.content[-1]
    gap = text[c.end:pos].strip(" \t,") if c.end < pos else ""
    joined = not gap or (lex.coord_re is not None and lex.coord_re.fullmatch(gap) is not None)
    if prev.direct or c.start < prev.cue.end or not (c.start < pos and (pos <= c.end + 1 or joined)):
        return None     # ("said A, and warned B": A may already end before ", and")
    m = PREV_WORD.search(text, max(c.start, pos - 30), pos)
    if m is not None and lex.coord_re is not None and lex.coord_re.fullmatch(m.group(1)):
        cut = m.start(1)
    else:
        p = pos
        while p > c.start and text[p - 1] in " \t”’\"»":     # (a closing quote after the comma: ',” saying')
            p -= 1
        if p <= c.start or text[p - 1] != ",":
            return None
        cut = p - 1
    while cut > c.start and text[cut - 1] in " \t,":
        cut -= 1
    return cut if cut > c.start else None


def find_in_unit(text: str, lex: Lexicon, qi: QuoteIndex, unit: Span, nxt: Optional[Span] = None) -> list[Found]:
    """All cue-anchored attributions of one sentence (``unit``)."""
    if lex.cue_re is None:
        return []
    us, ue = unit.start, unit.end
    while ue > us and text[ue - 1] in SENT_END:
        ue -= 1
    cues = list(lex.iter_cues(text, us, ue))
    if not cues:
        return []
    anon = [(m.start(), m.end()) for m in lex.anonymity_re.finditer(text, us, ue)] if lex.anonymity_re else []
    for rx in (lex.via_phrase_re, lex.not_cue_re):   # "sebagaimana diberitakan X", "That said, ..."
        if rx is not None:
            anon += [(m.start(), m.end()) for m in rx.finditer(text, us, ue)]
    out: list[Found] = []
    prev: Optional[Found] = None
    prev_cue_end = -1
    for m in cues:
        cs, ce = m.start(), m.end()
        if qi.at(cs) is not None or any(a <= cs < b for a, b in anon):
            continue
        after_cue = prev_cue_end >= 0 and not text[prev_cue_end:cs].strip()
        prev_cue_end = ce if m.group()[:1].islower() else -1
        if after_cue or skip_cue(text, lex, us, cs, ce, ue):
            continue  # "rejected calls for": the object of a cue is a noun
        cls = lex.cue_class(m.group())
        if cls is None or (len(m.group()) > 2 and m.group().isupper()):
            continue    # "(ATTN: ADDS ...)": capitals are no running text
        if m.group()[:1].isupper() and not text[us:cs].strip(LEAD) and m.group().lower() in lex.participle_openers:
            continue    # "Asked about the plan, she said ...": an adjunct
        if cls == "reportedly" and lex.negation_re is not None and negated(text, lex, us, cs):
            continue    # "tidak dilaporkan ke dinas": was not reported, no hedge
        if legal_report(text, lex, cs, ce, ue):
            continue    # "melaporkan X ke polisi": a complaint, not a statement
        ls = clause_start(text, lex, us, cs)
        word = m.group()
        if word[:1].isupper() and text[ls:cs].strip(LEAD):
            continue  # a capitalised cue inside a clause is a name
        if text[ls:cs].strip(LEAD) and word.lower() in lex.clause_initial:
            continue  # "dijerat berdasarkan UU": a basis, not a source
        cue = Span(cs, ce, text[cs:ce])
        cut = _coordinated(text, lex, prev, cs) if cls not in ("according", "reportedly") else None
        if cut is not None:
            content, direct = content_after(text, lex, qi, ce, ue, nxt)
            if content:
                cut_content(text, prev, cut)
                found = Found(cue, content, prev.source, cls, direct)
                out.append(found)
                prev = found
                continue
        found = after_citing(text, lex, qi, us, ue, prev, cue, cls, nxt)
        if found is None:
            found = _one(text, lex, qi, us, ue, ls, cue, cls, nxt, prev.source if prev else None)
        if found is not None and found.source is not None and lex.relative_re is not None:
            for g in out:  # "X, who said A, insisted B": A ends with the subject
                if g.source is not None and lex.relative_re.fullmatch(g.source.text) \
                        and found.source.start < g.cue.start < found.source.end and g.content \
                        and g.content[-1].start < found.source.end < g.content[-1].end:
                    cut_content(text, g, found.source.end)
        if found is not None:
            if prev is not None and found.source is not None and found.source.start > prev.cue.end:
                cut = _coordinated(text, lex, prev, found.source.start)
                if cut is not None:
                    cut_content(text, prev, cut)
            out.append(found)
            if found.source is not None:
                prev = found
    return out


def _speaker_like(text: str, lex: Lexicon, src: Span) -> bool:
    """Could ``src`` name a speaker: a capitalised word, a role, group,
    organisation or government word, a pronoun or an anonymity phrase?

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "a shortage of nurses; two officials"
    >>> _speaker_like(t, lexicon("en"), Span(0, 20, t[:20])), _speaker_like(t, lexicon("en"), Span(22, 35, t[22:]))
    (False, True)
    """
    words = WORDS.findall(text, src.start, src.end)
    if any(w[:1].isupper() for w in words):
        return True
    head = []                               # the words before a post-modifier ("a shortage | of nurses")
    for w in words:
        if head and w.lower() in lex.particles:
            break
        head.append(w.lower())
    if any(w in lex.speaker_words or (w.endswith("s") and w[:-1] in lex.speaker_words) for w in head):
        return True
    return lex.anonymity_re is not None and lex.anonymity_re.search(text, src.start, src.end) is not None


def _after_punct(text: str, us: int, ls: int) -> bool:
    """Does a clause boundary (comma, closing quote, dash) end right before ``ls``?

    >>> _after_punct("“Is it fair?” she said", 0, 13)
    True
    """
    if ls <= us:
        return False
    m = None
    for m in BOUNDARY.finditer(text, max(us, ls - 3), min(len(text), ls + 1)):
        if m.start() < ls:
            return True
    return False


def _one(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
         cue: Span, cls: str, nxt: Optional[Span] = None, prev_src: Optional[Span] = None) -> Optional[Found]:
    """The attribution of one cue, or None.  A bare form that the language
    data marks as inverted-only ("tegas", "jelas") with its source on the
    left is an adjective, not a cue ("langkah tegas")."""
    low = cue.text.lower()
    if low in lex.naming and names_something(text, lex, us, cue, ue):
        return None
    if cls not in ("according", "reportedly") and lex.passive_prefixes and low.startswith(lex.passive_prefixes):
        return passive(text, lex, us, ue, ls, cue, cls)
    if cls not in ("according", "reportedly") and lex.passive_aux_re is not None and lex.agent_re is not None:
        f = aux_passive(text, lex, qi, us, ue, ls, cue, cls)
        if f is not None:
            return f
    f = _match_cue(text, lex, qi, us, ue, ls, cue, cls, nxt, prev_src)
    if f is not None and lex.inverted_only and f.source is not None and f.source.end <= f.cue.start \
            and f.cue.text.lower() in lex.inverted:
        return None
    if f is not None and not f.direct and low in lex.quote_only and text[f.cue.end:f.cue.end + 1] != ":":
        return None     # "the search continued well after dark"
    if f is not None and f.source is not None and f.source.end <= f.cue.start and holds_report(text, lex, f.source):
        return None     # "Dia menegaskan tuhan akan menambahkan ...": the cue is inside another's content
    return f


def _match_cue(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
               cue: Span, cls: str, nxt: Optional[Span] = None, prev_src: Optional[Span] = None) -> Optional[Found]:
    cs, ce = cue.start, cue.end
    if cls == "according":
        quoting = quoting_with_subject(text, lex, qi, us, ue, cue)
        if quoting is not None:
            return quoting
        suffixed = suffix_source(text, lex, cue, inverted=False)
        if suffixed is not None:
            # "Menurutnya, CONTENT": the enclitic is the source
            cue, src = suffixed
            content, direct = content_after(text, lex, qi, ce, ue)
            return Found(cue, content, src, cls, direct) if content and text[ce:ce + 1] == "," else None
        src = source_right(text, lex, ce, ue, appositive=False)
        if src is None:
            return None
        src = with_name_appositive(text, lex, extend_over_particles(text, lex, src, ue), ue)
        if cue.text.lower() in lex.reason_cues and not _speaker_like(text, lex, src):
            return None     # "..., citing a shortage of nurses": a reason, not a source
        after = src.end
        while after < ue and text[after] in " \t":
            after += 1
        relative_after = after < ue and text[after] == "," and lex.relative_re is not None and \
            lex.relative_re.match(text, skip_space(text, after + 1, ue)) is not None
        nxt_word = skip_space(text, after + 1, ue) if after < ue and text[after] == "," else ue
        medial = ls > us and nwords(text, us, ls) >= 4 and text[:cs].rstrip().endswith(",") and any(
            rx is not None and rx.match(text, nxt_word) for rx in (lex.adjunct_re, lex.clause_re)) \
            and not (lex.complementizer_re is not None and lex.complementizer_re.match(text, nxt_word))
        if medial:      # "A, according to X, as B": A is X's, B an adjunct of the sentence
            content, direct = content_before(text, qi, us, ls)
        elif after < ue and text[after] == "," and trimmed_span(text, after + 1, ue) and not (relative_after and ls > us):
            if relative_after:  # "According to X, which monitors Y, CONTENT"
                k = text.find(",", after + 1, ue)
                after = k if k >= 0 and trimmed_span(text, k + 1, ue) else after
            content, direct = content_after(text, lex, qi, after + 1, ue)
        else:
            content, direct = content_before(text, qi, us, ls)
            if content and not direct and lex.cue_re is not None and any(
                    lex.cue_class(x.group()) == "according" for x in lex.cue_re.finditer(text, content[0].start, content[-1].end)):
                return None  # "Menurut X, A berdasarkan B": B is X's evidence, not a source
        return Found(cue, content, src, cls, direct) if content else None
    if cls == "reportedly":
        nxt = lex.cue_re.search(text, ce, min(ue, ce + 40))
        if nxt is not None and lex.cue_class(nxt.group()) not in (None, "according", "reportedly"):
            return None  # "X reportedly told ...": the verb is the cue
        content, direct = content_after(text, lex, qi, ce, ue)
        return Found(cue, content, None, cls, direct) if content else None
    has_before = trimmed_span(text, us, ls) is not None
    after_punct = _after_punct(text, us, ls)
    suffixed = suffix_source(text, lex, cue)
    if suffixed is not None:
        cue, src = suffixed
        q = qi.ending_before(cs, us)
        quoted_before = q is not None and cs - q.outer.end <= 3 \
            and not (lex.complementizer_re is not None and lex.complementizer_re.match(text, skip_space(text, ce, ue)))
        if has_before and (quoted_before or trimmed_span(text, ce, ue) is None
                           or only_adjuncts_after(text, lex, Span(ce, ce, ""), ue)):   # "“...,” katanya dalam acara X"
            content, direct = content_before(text, qi, us, ls)
            content = more_quote(text, qi, ce, ue, content, direct)
        else:
            content, direct = content_after(text, lex, qi, ce, ue, nxt)
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
    src = relative_subject(text, lex, us, ls, cs)
    if src is not None:
        content, direct = content_after(text, lex, qi, ce, ue, nxt)
        return Found(cue, content, src, cls, direct) if content else None
    src = relative_source(text, lex, us, ls, cs)
    if src is not None and src.start < ls:
        ls = src.start  # the clause starts with the subject's head, before its relative clause
        while ls > us and text[ls - 1] == " ":
            ls -= 1
        has_before = trimmed_span(text, us, ls) is not None
        after_punct = _after_punct(text, us, ls)
    new_clause = False
    if src is None:
        src = source_left(text, lex, ls, cs)
        if src is not None:
            src = relative_pronoun_subject(text, lex, src)
        if src is not None and lex.coord_re is not None:
            c = lex.coord_re.match(text, src.start)
            if c is not None and trimmed_span(text, c.end(), src.end) is not None:
                src = trimmed_span(text, c.end(), src.end)  # "..., and the minister said B"
                new_clause = True
    if src is not None and opens_adjunct(text, lex, src.start, src.end):
        src = None  # "X, dalam pernyataan tertulis mengatakan"
    if src is None:
        stretch, after_quote = subject_before(text, lex, qi, us, cs)
        par = inverted_parenthetical(text, lex, qi, us, ue, ls, cue, cls) if has_before and after_punct else None
        if par is not None:
            return par
        inv = None
        if has_before and after_punct and lex.data.get("syntax", {}).get("inverted_ok", True) and lex.may_invert(cue.text):
            inv = source_right(text, lex, ce, ue)
            head_end = -1
            if inv is not None:
                head_end = text.find(",", inv.start, inv.end)
                head_end = inv.end if head_end < 0 else head_end
            if inv is not None and (starts_badly(text, lex, inv) or not after_source_ok(text, lex, inv.end, ue)
                                    or (lex.verb_re is not None and lex.verb_re.search(text, inv.start, head_end))
                                    or clause_after_pronoun(text, lex, inv, head_end)):
                inv = None
        if stretch is not None and after_quote:
            q = qi.ending_before(stretch.start, us)
            content, direct = list(q.pieces), True
            content = more_quote(text, qi, ce, ue, content, direct)
            return Found(cue, content, stretch, cls, direct)
        if inv is not None and stretch is not None and (
                relative_subject_np(text, lex, stretch) or name_with_appositive(text, stretch)):
            inv = None  # "Ann Lee, who said A, insisted B", "Ann Lee, of X, said B": the subject is on the left
        if inv is not None:
            content, direct = content_before(text, qi, us, ls)
            content = more_quote(text, qi, inv.end, ue, content, direct)
            return Found(cue, content, inv, cls, direct) if content else None
        if stretch is not None:
            if any(cue.text.lower().endswith(x) for x in lex.participles):
                stretch = main_subject(text, lex, stretch)
            content, direct = content_after(text, lex, qi, ce, ue, nxt)
            return Found(cue, content, stretch, cls, direct) if content else None
        if not has_before and lex.may_invert(cue.text) and cue.text[:1].isupper():
            # "Kata dia, CONTENT": the cue opens the sentence, its source follows
            front = source_right(text, lex, ce, ue, appositive=False)
            if front is not None and text[front.end:front.end + 1] == "," and trimmed_span(text, front.end + 1, ue):
                content, direct = content_after(text, lex, qi, front.end + 1, ue)
                return Found(cue, content, front, cls, direct) if content else None
        if any(cue.text.lower().endswith(x) for x in lex.participles):
            if has_before and trimmed_span(text, ce, ue) is None:
                content, direct = content_before(text, qi, us, ls)
            else:
                content, direct = content_after(text, lex, qi, ce, ue)
            return Found(cue, content, prev_src, cls, direct) if content else None
        return None
    tail = trimmed_span(text, ce, ue)
    before_q = qi.ending_before(ls, us)
    quote_before = before_q is not None and ls - before_q.outer.end <= 3
    short_tail = tail is None or (
        nwords(text, tail.start, tail.end) <= 4
        and not (lex.complementizer_re and lex.complementizer_re.search(text, ce, ue))
        and qi.starting_after(ce, ue) is None
    )
    adjunct_tail = tail is not None and qi.starting_after(ce, ue) is None and only_adjuncts_after(text, lex, cue, ue)
    lead = lex.cue_re.match(text, skip_space(text, us, ls)) if lex.cue_re is not None else None
    lead_adjunct = not quote_before and len(comma_segments(text, us, ls)) <= 2 and (
        opens_adjunct(text, lex, us, ls) or (lead is not None and lex.cue_class(lead.group()) == "according"))
    rest = None if quote_before or lead_adjunct or new_clause or not (has_before and after_punct) \
        else parenthetical_rest(text, lex, ce, ue)
    if rest is not None:
        # "A, he said, B": the report interrupts its content
        content, direct = content_before(text, qi, us, ls)
        if content and not direct and only_opener(lex, content[0]):
            content = [rest]        # "But, she said, B"
        elif content and not direct:
            content.append(rest)
        elif not content:
            content = [rest]
    elif has_before and after_punct and not lead_adjunct and not new_clause and (
            quote_before or adjunct_tail or (short_tail and nwords(text, us, ls) >= 4)):
        content, direct = content_before(text, qi, us, ls)
        content = more_quote(text, qi, ce, ue, content, direct)
    else:
        content, direct = content_after(text, lex, qi, ce, ue, nxt)
    return Found(cue, content, src, cls, direct) if content else None
