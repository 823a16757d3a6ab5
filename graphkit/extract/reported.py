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

import re
from typing import Optional

from graphkit.extract.contents import (
    content_after, content_before, cut_content, more_quote, only_adjuncts_after, parenthetical_rest)
from graphkit.extract.found import (
    BOUNDARY, Found, LEAD, PREV_WORD, QuoteIndex, SENT_END, TRAIL, WORDS, nwords, skip_space,
    trimmed_span)
from graphkit.extract.lexicon import Lexicon
from graphkit.extract.sources import (
    after_source_ok, clause_start, comma_segments, extend_over_particles, main_subject, name_with_appositive,
    opens_adjunct, relative_source, relative_subject, relative_subject_np, source_left,
    source_right, starts_badly, subject_before, suffix_source)
from graphkit.records import Span


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
    gap = text[c.end:pos].strip(" \t,") if c.end < pos else ""
    joined = not gap or (lex.coord_re is not None and lex.coord_re.fullmatch(gap) is not None)
    if prev.direct or c.start < prev.cue.end or not (c.start < pos and (pos <= c.end + 1 or joined)):
        return None     # ("said A, and warned B": A may already end before ", and")
    m = PREV_WORD.search(text, max(c.start, pos - 30), pos)
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


def _skip_cue(text: str, lex: Lexicon, us: int, cs: int, ce: int, ue: int) -> bool:
    """Cue words that are nouns or not speech here: after a determiner or a
    possessive ("the claims", "the group's claims"), before "of"/"for"
    ("hopes of"), before a non-speech object ("declined to comment")."""
    pw = PREV_WORD.search(text, max(us, cs - 30), cs) if (lex.not_after or lex.raising) else None
    if pw is not None and (pw.group(1).lower() in lex.not_after or pw.group(1).isdigit()):
        return True     # "the claims", "20 warning shots"
    if pw is not None and lex.negation_re is not None and lex.negation_re.fullmatch(pw.group(1)):
        pw = PREV_WORD.search(text, max(us, pw.start(1) - 30), pw.start(1)) or pw   # "were not told to"
    syn = lex.data.get("syntax", {})
    if text[cs:ce].lower() in syn.get("depicting_cues", []) and any(
            w.lower() in syn.get("depicting_subjects", []) for w in WORDS.findall(text, us, cs)[:4] + (
                [pw.group(1)] if pw is not None else [])):
        return True  # "satellite photos showed trucks", "This photo, provided by X, shows": a picture
    if pw is not None and pw.group(1).lower() in lex.raising and re.match(r"\s+to\b", text[ce:ce + 4]):
        return True  # "are alleged to have ...": a hedge, not a speech act
    if pw is not None and pw.group(1).lower() in lex.raising:
        nw = WORDS.match(text, skip_space(text, ce, ue), ue)
        if nw is not None and nw.group().lower() in lex.data.get("syntax", {}).get("passive_not_before", []):
            return True  # "was stated in reports": a passive participle
    if cs >= 3 and text[cs - 3:cs - 1] in ("'s", "’s") and text[cs - 1] == " " and lex.not_before:
        return True
    p = ce
    while p < ue and text[p] == " ":
        p += 1
    if lex.not_before:
        nw = WORDS.match(text, p, ue)
        if nw is not None and nw.group().lower() in lex.not_before:
            return True
    if text[cs:ce].lower() in lex.noun_forms and _noun_use(text, lex, p, ue):
        return True
    if lex.cue_class(text[cs:ce]) == "according":
        return False    # "Menurut keterangan polisi": the object names the source
    ns = lex.nonspeech_re.match(text, p, ue) if lex.nonspeech_re is not None else None
    if ns is None:
        return False
    # "menyatakan kemenangan" is no speech act, "mengatakan bantuan akan disalurkan" is
    nw = WORDS.match(text, skip_space(text, ns.end(), ue), ue)
    return not (nw is not None and lex.verb_re is not None and lex.verb_re.fullmatch(nw.group()))


def _negated(text: str, lex: Lexicon, us: int, cs: int) -> bool:
    """Is the word before ``cs`` (in the unit from ``us``) a negation?

    >>> from graphkit.extract.lexicon import lexicon
    >>> _negated("tidak dilaporkan", lexicon("id"), 0, 6)
    True
    """
    pw = PREV_WORD.search(text, max(us, cs - 30), cs)
    return pw is not None and lex.negation_re is not None and lex.negation_re.fullmatch(pw.group(1)) is not None


def _quoting_with_subject(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, cue: Span) -> Optional[Found]:
    """"Kantor berita X mengutip Y yang mengatakan P": an according-cue with a
    subject of its own and an object whose relative clause reports.  The
    subject is the source; the content (object and relative clause) is
    narrowed to P when the inner report is found (graphkit.extract._quoted_as).

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Harian itu mengutip seorang pejabat yang mengatakan jalan ditutup."
    >>> f = _quoting_with_subject(t, lexicon("id"), QuoteIndex([]), 0, len(t) - 1, Span(11, 19, "mengutip"))
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


def _inverted_parenthetical(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
                            cue: Span, cls: str) -> Optional[Found]:
    """"A, kata X, B" / "Namun, kata dia, B": an inverted report set off by
    commas inside its content; the content is A and B, or B alone when A is
    only a sentence opener.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Namun, kata dia, hal itu tetap punya kelemahan."
    >>> f = _inverted_parenthetical(t, lexicon("id"), QuoteIndex([]), 0, len(t) - 1, 7, Span(7, 11, "kata"), "speech")
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
    return Found(cue, [rest] if _only_opener(lex, before[0]) else [before[0], rest], src, cls, False)


def _only_opener(lex: Lexicon, sp: Span) -> bool:
    """Is ``sp`` just a sentence opener or conjunction ("Namun", "But")?"""
    return any(rx is not None and rx.fullmatch(sp.text) is not None
               for rx in (lex.opener_re, lex.clause_re, lex.coord_re))


def _with_name_appositive(text: str, lex: Lexicon, src: Span, ue: int) -> Span:
    """"Menurut pengamat dari X, Yannes Pasaribu, CONTENT", "Menurut Ani
    Lestari, pengacara X, CONTENT": a full name after a role, or a role after
    a name, set off by commas, belongs to the source.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Menurut pengamat ekonomi, Rina Wulandari, harga akan naik."
    >>> _with_name_appositive(t, lexicon("id"), Span(8, 24, t[8:24]), len(t)).text
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
    nxt = WORDS.findall(text, k + 1, min(ue, k + 60))[:4]
    if nxt and nxt[0][:1].isupper() and lex.coord_re is not None and any(lex.coord_re.fullmatch(w) for w in nxt):
        return src      # "Menurut polisi, Jawa Barat, Jawa Tengah dan Bali ...": a list
    name = trimmed_span(text, p + 1, k)
    return Span(src.start, name.end, text[src.start:name.end]) if name is not None else src


def _legal_report(text: str, lex: Lexicon, cs: int, ce: int, ue: int) -> bool:
    """A report cue in its legal sense: a marker of a complaint to the
    authorities (``syntax.legal_report_markers``) within ten words after it.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Warga melaporkan kepala desa ke polisi."
    >>> _legal_report(t, lexicon("id"), 6, 16, len(t))
    True
    """
    syn = lex.data.get("syntax", {})
    if text[cs:ce].lower() not in syn.get("legal_report_cues", []):
        return False
    words = list(WORDS.finditer(text, ce, ue))[:10]
    window = " ".join(w.group().lower() for w in words)
    return any(f" {m} " in f" {window} " for m in syn.get("legal_report_markers", []))


def _noun_use(text: str, lex: Lexicon, p: int, ue: int) -> bool:
    """A cue form that is also a plural noun ("states", "reports") is a verb
    only before a complementizer, "to", a quotation or colon, or at the end
    of the sentence ("..., the study notes."); "most states, other ..." and
    "battleground states like Ohio" are nouns."""
    if p >= ue or not text[p:ue].strip(TRAIL) or text[p] in ":\"“‘«" or text.startswith("''", p):
        return False
    if lex.complementizer_re is not None and lex.complementizer_re.match(text, p, ue):
        return False
    return re.match(r"to\s+[a-z]", text[p:p + 8]) is None


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
        if after_cue or _skip_cue(text, lex, us, cs, ce, ue):
            continue  # "rejected calls for": the object of a cue is a noun
        cls = lex.cue_class(m.group())
        if cls is None or (len(m.group()) > 2 and m.group().isupper()):
            continue    # "(ATTN: ADDS ...)": capitals are no running text
        if cls == "reportedly" and lex.negation_re is not None and _negated(text, lex, us, cs):
            continue    # "tidak dilaporkan ke dinas": was not reported, no hedge
        if _legal_report(text, lex, cs, ce, ue):
            continue    # "melaporkan X ke polisi": a complaint, not a statement
        ls = clause_start(text, lex, us, cs)
        word = m.group()
        if word[:1].isupper() and text[ls:cs].strip(LEAD):
            continue  # a capitalised cue inside a clause is a name
        if text[ls:cs].strip(LEAD) and word.lower() in lex.data.get("syntax", {}).get("clause_initial_cues", []):
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
        found = _after_citing(text, lex, qi, us, ue, prev, cue, cls, nxt)
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
    src = source_left(text, lex, clause_start(text, lex, us, k), k)
    if src is None or opens_adjunct(text, lex, src.start, src.end):
        return None
    content, direct = content_after(text, lex, qi, cue.end, ue, nxt)
    return Found(cue, content, src, cls, direct) if content else None


def _one(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
         cue: Span, cls: str, nxt: Optional[Span] = None, prev_src: Optional[Span] = None) -> Optional[Found]:
    """The attribution of one cue, or None.  A bare form that the language
    data marks as inverted-only ("tegas", "jelas") with its source on the
    left is an adjective, not a cue ("langkah tegas")."""
    low = cue.text.lower()
    if low in lex.naming and _names_something(text, lex, us, cue, ue):
        return None
    if cls not in ("according", "reportedly") and lex.passive_prefixes and low.startswith(lex.passive_prefixes):
        return _passive(text, lex, us, ue, ls, cue, cls)
    if cls not in ("according", "reportedly") and lex.passive_aux_re is not None and lex.agent_re is not None:
        f = _aux_passive(text, lex, qi, us, ue, ls, cue, cls)
        if f is not None:
            return f
    f = _match_cue(text, lex, qi, us, ue, ls, cue, cls, nxt, prev_src)
    if f is not None and lex.inverted_only and f.source is not None and f.source.end <= f.cue.start \
            and f.cue.text.lower() in lex.inverted:
        return None
    if f is not None and not f.direct and low in lex.quote_only and text[f.cue.end:f.cue.end + 1] != ":":
        return None     # "the search continued well after dark"
    if f is not None and f.source is not None and f.source.end <= f.cue.start and _holds_report(text, lex, f.source):
        return None     # "Dia menegaskan tuhan akan menambahkan ...": the cue is inside another's content
    return f


_REL_PRONOUN = re.compile(r"(\w+)\s+(\w+)$")


def _relative_pronoun_subject(text: str, lex: Lexicon, src: Span) -> Span:
    """"a report which it said was ...": a phrase ending in a relative word
    and a pronoun has the pronoun as the cue's subject.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "The office wrote a report which it said"
    >>> _relative_pronoun_subject(t, lexicon("en"), Span(0, 34, t[:34])).text
    'it'
    """
    m = _REL_PRONOUN.search(text, src.start, src.end)
    if m is None or m.start() == src.start or lex.relative_re is None or not lex.relative_re.fullmatch(m.group(1)) \
            or m.group(2).lower() not in lex.pronouns | lex.institution_pronouns:
        return src
    return Span(m.start(2), m.end(2), m.group(2))


_LAST_TOKEN = re.compile(r"(\w+)\W*$")


def _holds_report(text: str, lex: Lexicon, src: Span) -> bool:
    """True when a source phrase holds a subject (pronoun or name) and cue of
    its own ("Dia menegaskan tuhan"), not inside a relative clause ("X, who
    said ...") and not a participle ("a company accused of ...").

    >>> from graphkit.extract.lexicon import lexicon
    >>> _holds_report("Dia menegaskan tuhan", lexicon("id"), Span(0, 20, "Dia menegaskan tuhan"))
    True
    >>> t = "Ann Lee, who said so"
    >>> _holds_report(t, lexicon("en"), Span(0, len(t), t))
    False
    >>> t = "A firm accused of fraud"
    >>> _holds_report(t, lexicon("en"), Span(0, len(t), t))
    False
    >>> _holds_report("said he", lexicon("en"), Span(0, 7, "said he"))
    True
    """
    if lex.cue_re is None:
        return False
    for m in lex.cue_re.finditer(text, src.start, src.end):
        if lex.cue_class(m.group()) in ("according", "reportedly", None):
            continue
        if m.start() == src.start:
            if m.end() < src.end and m.group()[:1].islower():
                return True     # "said he recalled": the phrase starts with another cue
            continue
        before = text[src.start:m.start()]
        if m.group()[:1].isupper() or (lex.relative_re is not None and lex.relative_re.search(before)):
            continue    # "The United States": a capitalised cue form inside a name
        subj = _LAST_TOKEN.search(before)    # the inner cue's own subject: a pronoun or a name ("Inc.")
        if subj is not None and subj.group(1).lower() in lex.pronouns:
            return True                     # "..., and he says"
        if "," in before or "(" in before:
            continue
        if subj is not None and subj.group(1)[:1].isupper():
            return True
    return False


def _names_something(text: str, lex: Lexicon, us: int, cue: Span, ue: int) -> bool:
    """A naming use of a cue ("a coin called XRP", "what he called a fraud",
    "Officially called XRP"), not a report ("Cruz called Trump a liar").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "They use a coin called XRP for it."
    >>> _names_something(t, lexicon("en"), 0, Span(16, 22, "called"), len(t))
    True
    >>> t = "Cruz called Trump a liar."
    >>> _names_something(t, lexicon("en"), 0, Span(5, 11, "called"), len(t))
    False
    """
    words = WORDS.findall(text, us, cue.start)
    prev = words[-1] if words else ""
    p = prev.lower()
    if p in lex.naming_after or (len(words) >= 2 and words[-2].lower() in lex.naming_after and p in lex.pronouns):
        return True
    nxt = WORDS.search(text, cue.end, ue)
    if nxt is None or not nxt.group()[:1].isupper():
        return False
    if not words or (len(words) == 1 and prev.endswith("ly")):
        return True                     # "Officially called XRP, ..."
    aux = lex.aux_re is not None and lex.aux_re.fullmatch(p) is not None
    return prev[:1].islower() and p not in lex.pronouns and not aux


def _clause_after_pronoun(text: str, lex: Lexicon, sp: Span, head_end: int) -> bool:
    """A phrase after an inverted cue that is a clause: a pronoun with more
    words ("said he recalled it") or a cue word in its head ("he recalled").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "he recalled the tram speeding up"
    >>> _clause_after_pronoun(t, lexicon("en"), Span(0, len(t), t), len(t))
    True
    >>> _clause_after_pronoun("he", lexicon("en"), Span(0, 2, "he"), 2)
    False
    """
    words = WORDS.findall(text, sp.start, head_end)
    if words and words[0].lower() in lex.pronouns and len(words) > 1:
        return True
    return lex.cue_re is not None and any(
        lex.cue_class(m.group()) not in (None, "according") for m in lex.cue_re.finditer(text, sp.start, head_end))


def _aux_passive(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int, cue: Span,
                 cls: str) -> Optional[Found]:
    """"The plan has been backed by X": a passive auxiliary before the cue and
    an agent marker right after it; the agent is the source, the subject the
    content, the auxiliaries join the cue.  None when it is no such passive.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "The plan has been backed by Ann Lee, a historian."
    >>> f = _aux_passive(t, lexicon("en"), QuoteIndex([]), 0, len(t), 0, Span(18, 24, "backed"), "support")
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
    if src is None or _clause_after_pronoun(text, lex, src, src.end):
        return None
    cue = Span(first, cue.end, text[first:cue.end])
    comp = lex.complementizer_re.search(text, src.start, src.end) if lex.complementizer_re is not None else None
    if comp is not None:        # "He was told by police that he could go": the content follows
        src = trimmed_span(text, src.start, comp.start())
        content, direct = content_after(text, lex, qi, comp.start(), ue)
        return Found(cue, content, src, cls, direct) if src is not None and content else None
    content = trimmed_span(text, ls, first)
    return Found(cue, [content], src, cls, False) if content is not None else None


def _passive(text: str, lex: Lexicon, us: int, ue: int, ls: int, cue: Span, cls: str) -> Optional[Found]:
    """"Hal ini disampaikan (oleh) X saat ...": the agent after a passive cue
    is the source, the subject before it the content; None without an agent.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Hal itu disampaikan oleh Ani di Bogor."
    >>> f = _passive(t, lexicon("id"), 0, len(t), 0, Span(8, 19, "disampaikan"), "speech")
    >>> f.source.text, f.cue.text, f.content[0].text
    ('Ani', 'disampaikan', 'Hal itu')
    >>> _passive("Bantuan disampaikan kepada warga.", lexicon("id"), 0, 32, 0, Span(8, 19, "disampaikan"), "speech")
    >>> t = "Ani mengatakan usul itu boleh disampaikan oleh siapa pun."
    >>> _passive(t, lexicon("id"), 0, len(t), 4, Span(30, 41, "disampaikan"), "speech")
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


def _match_cue(text: str, lex: Lexicon, qi: QuoteIndex, us: int, ue: int, ls: int,
               cue: Span, cls: str, nxt: Optional[Span] = None, prev_src: Optional[Span] = None) -> Optional[Found]:
    cs, ce = cue.start, cue.end
    if cls == "according":
        quoting = _quoting_with_subject(text, lex, qi, us, ue, cue)
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
        src = _with_name_appositive(text, lex, extend_over_particles(text, lex, src, ue), ue)
        after = src.end
        while after < ue and text[after] in " \t":
            after += 1
        relative_after = after < ue and text[after] == "," and lex.relative_re is not None and \
            lex.relative_re.match(text, skip_space(text, after + 1, ue)) is not None
        if after < ue and text[after] == "," and trimmed_span(text, after + 1, ue) and not (relative_after and ls > us):
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
    after_punct = ls > us and BOUNDARY.search(text, ls - 3, ls) is not None
    suffixed = suffix_source(text, lex, cue)
    if suffixed is not None:
        cue, src = suffixed
        if has_before and (trimmed_span(text, ce, ue) is None or only_adjuncts_after(text, lex, Span(ce, ce, ""), ue)):
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
        after_punct = ls > us and BOUNDARY.search(text, max(us, ls - 3), ls) is not None
    new_clause = False
    if src is None:
        src = source_left(text, lex, ls, cs)
        if src is not None:
            src = _relative_pronoun_subject(text, lex, src)
        if src is not None and lex.coord_re is not None:
            c = lex.coord_re.match(text, src.start)
            if c is not None and trimmed_span(text, c.end(), src.end) is not None:
                src = trimmed_span(text, c.end(), src.end)  # "..., and the minister said B"
                new_clause = True
    if src is not None and opens_adjunct(text, lex, src.start, src.end):
        src = None  # "X, dalam pernyataan tertulis mengatakan"
    if src is None:
        stretch, after_quote = subject_before(text, lex, qi, us, cs)
        par = _inverted_parenthetical(text, lex, qi, us, ue, ls, cue, cls) if has_before and after_punct else None
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
                                    or _clause_after_pronoun(text, lex, inv, head_end)):
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
    lead_adjunct = not quote_before and opens_adjunct(text, lex, us, ls) and len(comma_segments(text, us, ls)) <= 2
    rest = None if quote_before or lead_adjunct or new_clause or not (has_before and after_punct) \
        else parenthetical_rest(text, lex, ce, ue)
    if rest is not None:
        # "A, he said, B": the report interrupts its content
        content, direct = content_before(text, qi, us, ls)
        if content and not direct and _only_opener(lex, content[0]):
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
