"""When a cue word is no report here: a noun ("the claims", "20 warning
shots"), a picture ("the photo shows"), a legal complaint ("melaporkan X ke
polisi"), a negated hedge ("tidak dilaporkan"), a name ("a coin called X"),
or a cue inside another report's source ("Dia menegaskan tuhan ...").

Helpers of :mod:`graphkit.extract.reported`, driven by the language data
(:mod:`graphkit.extract.lexicon`); not part of graphkit's public API.
"""
from __future__ import annotations

import re

from graphkit.extract.found import PREV_WORD, TRAIL, WORDS, skip_space
from graphkit.extract.lexicon import Lexicon
from graphkit.records import Span


def skip_cue(text: str, lex: Lexicon, us: int, cs: int, ce: int, ue: int) -> bool:
    """Cue words that are nouns or not speech here: after a determiner or a
    possessive ("the claims", "the group's claims"), before "of"/"for"
    ("hopes of"), before a non-speech object ("declined to comment")."""
    pw = PREV_WORD.search(text, max(us, cs - 30), cs) if (lex.not_after or lex.raising) else None
    if pw is not None and (pw.group(1).lower() in lex.not_after or pw.group(1).isdigit()):
        return True     # "the claims", "20 warning shots"
    if pw is not None and lex.negation_re is not None and lex.negation_re.fullmatch(pw.group(1)):
        pw = PREV_WORD.search(text, max(us, pw.start(1) - 30), pw.start(1)) or pw   # "were not told to"
    low = text[cs:ce].lower()
    if low in lex.depicting_cues and any(
            w.lower() in lex.depicting_subjects for w in WORDS.findall(text, us, cs)[:4] + (
                [pw.group(1)] if pw is not None else [])):
        return True  # "satellite photos showed trucks", "This photo, provided by X, shows": a picture
    if pw is not None and pw.group(1).lower() in lex.raising and re.match(r"\s+to\b", text[ce:ce + 4]):
        return True  # "are alleged to have ...": a hedge, not a speech act
    if pw is not None and pw.group(1).lower() in lex.raising:
        nw = WORDS.match(text, skip_space(text, ce, ue), ue)
        if nw is not None and nw.group().lower() in lex.passive_not_before:
            return True  # "was stated in reports": a passive participle
    if cs >= 3 and text[cs - 3:cs - 1] in ("'s", "’s") and text[cs - 1] == " " and lex.not_before:
        return True
    if lex.topic_prepositions and not any(ch in text[us:cs] for ch in '”"»') \
            and _about_a_topic(text, lex, ce, ue):
        return True  # "has not commented on the report"
    if low in lex.complement_only and not (
            lex.complementizer_re is not None and lex.complementizer_re.match(text, skip_space(text, ce, ue))):
        return True  # "police found a body": only "found that ..." reports
    p = ce
    while p < ue and text[p] == " ":
        p += 1
    if lex.not_before:
        nw = WORDS.match(text, p, ue)
        if nw is not None and nw.group().lower() in lex.not_before:
            return True
    if low in lex.noun_forms and noun_use(text, lex, p, ue):
        return True
    if lex.cue_class(text[cs:ce]) == "according":
        return False    # "Menurut keterangan polisi": the object names the source
    ns = lex.nonspeech_re.match(text, p, ue) if lex.nonspeech_re is not None else None
    if ns is None:
        return False
    # "menyatakan kemenangan" is no speech act, "mengatakan bantuan akan disalurkan" is
    nw = WORDS.match(text, skip_space(text, ns.end(), ue), ue)
    return not (nw is not None and lex.verb_re is not None and lex.verb_re.fullmatch(nw.group()))


def _about_a_topic(text: str, lex: Lexicon, ce: int, ue: int) -> bool:
    """A topic preposition right after the cue ("commented on the report",
    "spoke about the plan"), with no that-clause, quotation or colon later in
    the sentence and no day or time after the preposition ("said on Monday")."""
    w = WORDS.match(text, skip_space(text, ce, ue), ue)
    if w is None or w.group().lower() not in lex.topic_prepositions:
        return False
    nxt = WORDS.match(text, skip_space(text, w.end(), ue), ue)
    if nxt is None or nxt.group()[:1].isupper() or (lex.weekday_re is not None and lex.weekday_re.match(text, nxt.start())):
        return False        # "wrote on X", "said on Monday"
    rest = text[w.end():ue]
    if any(ch in rest for ch in ':“"«'):
        return False
    return not (lex.complementizer_re is not None and lex.complementizer_re.search(text, w.end(), ue))


def negated(text: str, lex: Lexicon, us: int, cs: int) -> bool:
    """Is the word before ``cs`` (in the unit from ``us``) a negation?

    >>> from graphkit.extract.lexicon import lexicon
    >>> negated("tidak dilaporkan", lexicon("id"), 0, 6)
    True
    """
    pw = PREV_WORD.search(text, max(us, cs - 30), cs)
    return pw is not None and lex.negation_re is not None and lex.negation_re.fullmatch(pw.group(1)) is not None


def legal_report(text: str, lex: Lexicon, cs: int, ce: int, ue: int) -> bool:
    """A report cue in its legal sense: a marker of a complaint to the
    authorities (``syntax.legal_report_markers``) within ten words after it.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "Warga melaporkan kepala desa ke polisi."
    >>> legal_report(t, lexicon("id"), 6, 16, len(t))
    True
    """
    if text[cs:ce].lower() not in lex.legal_report_cues:
        return False
    window = " " + " ".join(w.group().lower() for w in list(WORDS.finditer(text, ce, ue))[:10]) + " "
    return any(f" {m} " in window for m in lex.legal_report_markers)


def noun_use(text: str, lex: Lexicon, p: int, ue: int) -> bool:
    """A cue form that is also a plural noun ("states", "reports") is a verb
    only before a complementizer, "to", a quotation or colon, or at the end
    of the sentence ("..., the study notes."), or before a subject pronoun
    ("reports it's"); "most states, other ..." and "battleground states like
    Ohio" are nouns."""
    if p >= ue or not text[p:ue].strip(TRAIL) or text[p] in ":\"“‘«" or text.startswith("''", p):
        return False
    if lex.complementizer_re is not None and lex.complementizer_re.match(text, p, ue):
        return False
    w = WORDS.match(text, p, ue)
    if w is not None and w.group().lower() in lex.subject_pronouns:
        return False    # "the paper reports it's ...": a subject pronoun follows a verb
    return re.match(r"to\s+[a-z]", text[p:p + 8]) is None


_LAST_TOKEN = re.compile(r"(\w+)\W*$")


def holds_report(text: str, lex: Lexicon, src: Span) -> bool:
    """True when a source phrase holds a subject (pronoun or name) and cue of
    its own ("Dia menegaskan tuhan"), not inside a relative clause ("X, who
    said ...") and not a participle ("a company accused of ...").

    >>> from graphkit.extract.lexicon import lexicon
    >>> holds_report("Dia menegaskan tuhan", lexicon("id"), Span(0, 20, "Dia menegaskan tuhan"))
    True
    >>> t = "Ann Lee, who said so"
    >>> holds_report(t, lexicon("en"), Span(0, len(t), t))
    False
    >>> t = "A firm accused of fraud"
    >>> holds_report(t, lexicon("en"), Span(0, len(t), t))
    False
    >>> holds_report("said he", lexicon("en"), Span(0, 7, "said he"))
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
        nxt = WORDS.search(text, m.end(), src.end)
        if lex.cue_class(m.group()) in ("speech", "report") and len(WORDS.findall(before)) >= 2 \
                and nxt is not None and nxt.group().lower() not in lex.not_before | lex.particles \
                and not (lex.agent_re is not None and lex.agent_re.fullmatch(nxt.group())):
            return True     # "The health office said more than 4,800 people": a clause, not a subject
    return False


def names_something(text: str, lex: Lexicon, us: int, cue: Span, ue: int) -> bool:
    """A naming use of a cue ("a coin called XRP", "what he called a fraud",
    "Officially called XRP"), not a report ("Cruz called Trump a liar").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "They use a coin called XRP for it."
    >>> names_something(t, lexicon("en"), 0, Span(16, 22, "called"), len(t))
    True
    >>> t = "Cruz called Trump a liar."
    >>> names_something(t, lexicon("en"), 0, Span(5, 11, "called"), len(t))
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


def clause_after_pronoun(text: str, lex: Lexicon, sp: Span, head_end: int) -> bool:
    """A phrase after an inverted cue that is a clause: a pronoun with more
    words ("said he recalled it") or a cue word in its head ("he recalled").

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "he recalled the tram speeding up"
    >>> clause_after_pronoun(t, lexicon("en"), Span(0, len(t), t), len(t))
    True
    >>> clause_after_pronoun("he", lexicon("en"), Span(0, 2, "he"), 2)
    False
    """
    words = WORDS.findall(text, sp.start, head_end)
    if words and words[0].lower() in lex.pronouns and len(words) > 1:
        return True
    return lex.cue_re is not None and any(
        lex.cue_class(m.group()) not in (None, "according") for m in lex.cue_re.finditer(text, sp.start, head_end))
