"""Constructions around a cue that the plain patterns of
:mod:`graphkit.extract.reported` do not cover: passives with an agent
("disampaikan oleh X", "has been backed by X"), "X, citing Y, reported",
"X mengutip Y yang mengatakan P", inverted reports inside their content
("Namun, kata dia, B"), appositive names of according-sources and the
pronoun subject of a relative clause ("a report which it said ...").

Helpers of :mod:`graphkit.extract.reported`; not part of graphkit's public API.
"""
from __future__ import annotations

import re
from typing import Optional

from graphkit.extract.contents import content_after, content_before, parenthetical_rest
from graphkit.extract.cue_filters import clause_after_pronoun
from graphkit.extract.found import Found, QuoteIndex, WORDS, nwords, skip_space, trimmed_span
from graphkit.extract.lexicon import Lexicon
from graphkit.extract.sources import (
    clause_start, opens_adjunct, source_left, source_right, starts_badly, subject_before, suffix_source)
from graphkit.records import Span


def quoting_with_subject(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, cue: Span) -> Optional[Found]:
    """"Kantor berita X mengutip Y yang mengatakan P": an according-cue with a
    subject of its own and an object whose relative clause reports.  The
    subject is the source; the content (object and relative clause) is
    narrowed to P when the inner report is found (graphkit.extract._quoted_as).

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Harian itu mengutip seorang pejabat yang mengatakan jalan ditutup."
    >>> f = quoting_with_subject(t, lexicon("id"), QuoteIndex([]), 0, len(t) - 1, Span(11, 19, "mengutip"))
    >>> f.source.text, f.content[0].text
    ('Harian itu', 'seorang pejabat yang mengatakan jalan ditutup')
    """
    if not cue.text[:1].islower() or lex.relative_re is None or lex.cue_re is None:
        return None
    rel = lex.relative_re.search(text, cue.end, min(ue, cue.end + 100))
    if rel is None or nwords(text, cue.end, rel.start()) > lex.max_source_words or "," in text[cue.end:rel.start()]:
        return None
    inner = lex.cue_re.match(text, skip_space(text, rel.end(), ue))
    if inner is None or lex.cue_class(inner.group()) in (None, "according", "reportedly"):
        return None
    subject, after_quote = subject_before(text, lex, qi, us, cue.start)
    content = trimmed_span(text, cue.end, ue)
    if subject is None or after_quote or content is None:
        return None
    return Found(cue, [content], subject, "report", False)


def inverted_parenthetical(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
                            cue: Span, cls: str) -> Optional[Found]:
    """"A, kata X, B" / "Namun, kata dia, B": an inverted report set off by
    commas inside its content; the content is A and B, or B alone when A is
    only a sentence opener.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Namun, kata dia, hal itu tetap punya kelemahan."
    >>> f = inverted_parenthetical(t, lexicon("id"), QuoteIndex([]), 0, len(t) - 1, 7, Span(7, 11, "kata"), "speech")
    >>> f.source.text, [c.text for c in f.content]
    ('dia', ['hal itu tetap punya kelemahan'])
    """
    if not lex.may_invert(cue.text) or text[:cue.start].rstrip()[-1:] != ",":
        return None
    k = text.find(",", cue.end, ue)
    src = trimmed_span(text, cue.end, k) if k > 0 else None
    if src is None or nwords(text, src.start, src.end) > 4 or starts_badly(text, lex, src):
        return None
    first = WORDS.search(text, src.start, src.end).group()
    if not (first[:1].isupper() or first.lower() in lex.pronouns):
        return None
    p = skip_space(text, k + 1, ue)
    if any(rx is not None and rx.match(text, p) for rx in (lex.adjunct_re, lex.via_re, lex.weekday_re)) \
            or (lex.relative_re is not None and lex.relative_re.match(text, p)):
        return None     # "kata Budi, Senin (3/2)", "kata Budi, saat dihubungi", "kata Budi, yang ..."
    full = source_right(text, lex, cue.end, ue)
    if full is None or full.end > k:
        return None     # "kata Humas PT X, Budi Santoso, saat ...": an appositive
    rest = parenthetical_rest(text, lex, cue.end, ue)
    if rest is None:
        return None
    before, direct = content_before(text, qi, us, ls)
    if direct or not before:
        return None
    return Found(cue, [rest] if only_opener(lex, before[0]) else [before[0], rest], src, cls, False)


def only_opener(lex: Lexicon, sp: Span) -> bool:
    """Is ``sp`` just a sentence opener or conjunction ("Namun", "But")?"""
    return any(rx is not None and rx.fullmatch(sp.text) is not None
               for rx in (lex.opener_re, lex.clause_re, lex.coord_re))


def with_name_appositive(text: str, lex: Lexicon, src: Span, ue: int) -> Span:
    """"Menurut pengamat dari X, Yannes Pasaribu, CONTENT", "Menurut Ani
    Lestari, pengacara X, CONTENT": a full name after a role, or a role after
    a name, set off by commas, belongs to the source.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Menurut pengamat ekonomi, Rina Wulandari, harga akan naik."
    >>> with_name_appositive(t, lexicon("id"), Span(8, 24, t[8:24]), len(t)).text
    'pengamat ekonomi, Rina Wulandari'
    """
    p = skip_space(text, src.end, ue)
    if p >= ue or text[p] != ",":
        return src
    k = text.find(",", p + 1, ue)
    if k < 0 or trimmed_span(text, k + 1, ue) is None:
        return src
    words = WORDS.findall(text, p + 1, k)
    own = WORDS.findall(text, src.start, src.end)
    role_then_name = any(w.lower() in lex.role_words and w.islower() for w in own) \
        and 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)
    name_then_role = all(w[:1].isupper() for w in own) and 2 <= len(words) <= 6 \
        and any(w.islower() and w in lex.role_words for w in words[:2]) \
        and (words[0] in lex.role_words or words[0].lower() in lex.determiners)   # "Menurut Ani Lee, pengacara X, ..."
    if not (role_then_name or name_then_role) or (lex.coord_re is not None and lex.coord_re.search(text, p + 1, k)):
        return src
    after = list(WORDS.finditer(text, k + 1, ue))[:5]
    if after and lex.cue_re is not None and lex.cue_re.search(text, after[0].start(), after[-1].end()):
        return src      # "According to AFP, the spokesman, Ann Lee, said ...": the appositive is the next subject's
    nxt = WORDS.findall(text, k + 1, min(ue, k + 60))[:4]
    if nxt and nxt[0][:1].isupper() and lex.coord_re is not None and any(lex.coord_re.fullmatch(w) for w in nxt):
        return src      # "Menurut polisi, Jawa Barat, Jawa Tengah dan Bali ...": a list
    name = trimmed_span(text, p + 1, k)
    return Span(src.start, name.end, text[src.start:name.end]) if name is not None else src


def after_citing(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, prev: Optional[Found],
                  cue: Span, cls: str, nxt: Optional[Span]) -> Optional[Found]:
    """"X, citing Y, reported that P": the cue right after a parenthetical
    "citing Y" has the noun phrase before that parenthetical as its subject.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Talks ended after the Daily Planet, citing two aides, reported that pay would rise."
    >>> c = t.index("citing")
    >>> prev = Found(Span(c, c + 6, "citing"), [], Span(c + 7, c + 16, "two aides"), "according")
    >>> r = t.index("reported")
    >>> f = after_citing(t, lexicon("en"), QuoteIndex([]), 0, len(t), prev, Span(r, r + 8, "reported"), "report", None)
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
    src = source_left(text, lex, clause_start(text, lex, us, k), k)
    if src is None or opens_adjunct(text, lex, src.start, src.end):
        return None
    content, direct = content_after(text, lex, qi, cue.end, ue, nxt)
    return Found(cue, content, src, cls, direct) if content else None


_REL_PRONOUN = re.compile(r"(\w+)\s+(\w+)$")


def relative_pronoun_subject(text: str, lex: Lexicon, src: Span) -> Span:
    """"a report which it said was ...": a phrase ending in a relative word
    and a pronoun has the pronoun as the cue's subject.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "The office wrote a report which it said"
    >>> relative_pronoun_subject(t, lexicon("en"), Span(0, 34, t[:34])).text
    'it'
    """
    m = _REL_PRONOUN.search(text, src.start, src.end)
    if m is None or m.start() == src.start or lex.relative_re is None or not lex.relative_re.fullmatch(m.group(1)) \
            or m.group(2).lower() not in lex.subject_pronouns:
        return src
    return Span(m.start(2), m.end(2), m.group(2))


def aux_passive(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int, cue: Span,
                 cls: str) -> Optional[Found]:
    """"The plan has been backed by X": a passive auxiliary before the cue and
    an agent marker right after it; the agent is the source, the subject the
    content, the auxiliaries join the cue.  None when it is no such passive.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "The plan has been backed by Ann Lee, a historian."
    >>> f = aux_passive(t, lexicon("en"), QuoteIndex([]), 0, len(t), 0, Span(18, 24, "backed"), "support")
    >>> f.source.text, f.cue.text, f.content[0].text
    ('Ann Lee, a historian', 'has been backed', 'The plan')
    """
    cs = cue.start
    aux = None
    for m in lex.passive_aux_re.finditer(text, max(ls, cs - 12), cs):
        if not text[m.end():cs].strip():
            aux = m
    if aux is None:
        return None
    p = skip_space(text, cue.end, ue)
    agent = lex.agent_re.match(text, p)
    if agent is None:
        return None
    first = aux.start()
    if lex.aux_re is not None:
        for m in lex.aux_re.finditer(text, max(ls, first - 20), first):
            if not text[m.end():first].strip():
                first = m.start()
    src = source_right(text, lex, skip_space(text, agent.end(), ue), ue)
    if src is None or clause_after_pronoun(text, lex, src, src.end):
        return None
    cue = Span(first, cue.end, text[first:cue.end])
    comp = lex.complementizer_re.search(text, src.start, src.end) if lex.complementizer_re is not None else None
    if comp is not None:        # "He was told by police that he could go": the content follows
        src = trimmed_span(text, src.start, comp.start())
        content, direct = content_after(text, lex, qi, comp.start(), ue)
        return Found(cue, content, src, cls, direct) if src is not None and content else None
    content = trimmed_span(text, ls, first)
    return Found(cue, [content], src, cls, False) if content is not None else None


def passive(text: str, lex: Lexicon, us: int, ue: int, ls: int, cue: Span, cls: str) -> Optional[Found]:
    """"Hal ini disampaikan (oleh) X saat ...": the agent after a passive cue
    is the source, the subject before it the content; None without an agent.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Hal itu disampaikan oleh Ani di Bogor."
    >>> f = passive(t, lexicon("id"), 0, len(t), 0, Span(8, 19, "disampaikan"), "speech")
    >>> f.source.text, f.cue.text, f.content[0].text
    ('Ani', 'disampaikan', 'Hal itu')
    >>> passive("Bantuan disampaikan kepada warga.", lexicon("id"), 0, 32, 0, Span(8, 19, "disampaikan"), "speech")
    >>> t = "Ani mengatakan usul itu boleh disampaikan oleh siapa pun."
    >>> passive(t, lexicon("id"), 0, len(t), 4, Span(30, 41, "disampaikan"), "speech")
    """
    content = trimmed_span(text, ls, cue.start)
    if content is None or next(lex.iter_cues(text, content.start, content.end), None) is not None:
        return None     # "X mengungkapkan usulan itu sah disampaikan oleh siapa pun": inside X's content
    suffixed = suffix_source(text, lex, cue, inverted=False)
    if suffixed is not None:
        cue, src = suffixed
    else:
        p = skip_space(text, cue.end, ue)
        agent = None
        if lex.agent_re is not None:     # "disampaikan (langsung) oleh X"
            words = list(WORDS.finditer(text, p, ue))[:3]
            agent = next((m for w in words for m in [lex.agent_re.match(text, w.start())] if m), None)
        if agent is not None:
            p = skip_space(text, agent.end(), ue)
        if p >= ue or lex.adjunct_re is not None and lex.adjunct_re.match(text, p) or not text[p].isupper() \
                and agent is None:
            return None
        src = source_right(text, lex, p, ue)
        if src is None:
            return None
        # the agent ends where a lower-case word follows its capitalised name
        # ("oleh Direktur INDEF Esther Astuti merespons isu ...")
        seen_cap = False
        for w in WORDS.finditer(text, src.start, src.end):
            if w.group()[:1].isupper():
                seen_cap = True
            elif seen_cap and w.group().isalpha():
                src = trimmed_span(text, src.start, w.start()) or src
                break
    return Found(cue, [content], src, cls, False)
