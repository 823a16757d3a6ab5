"""Attribution extraction: Article -> list[Attribution] (spans only).

Rules over surface patterns, driven by the per-language data in
``graphkit/lang/data/<lang>/attribution.toml``.  Only ``article.body_spans()``
is read.  Ids are "a1", "a2", ... in text order; ``nested_in`` names the
outer attribution whose content holds this one ("The Daily Planet reported that
officials said ...").

>>> from graphkit.ingest import article_from_text
>>> atts = extract(article_from_text('“We will win,” said Ann Lee. Officials said the vote was fair.'))
>>> [(a.id, a.source.text, a.cue.text, a.content[0].text, a.direct) for a in atts]
[('a1', 'Ann Lee', 'said', 'We will win,', True), ('a2', 'Officials', 'said', 'the vote was fair', False)]
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from graphkit import lang as _lang
from graphkit.extract import lexicon as _lexicon
from graphkit.extract.lexicon import Lexicon, lexicon
from graphkit.extract.labels import layout_attributions
from graphkit.extract.quotes import find_quotes, merge_units
from graphkit.extract.found import trimmed_span
from graphkit.extract.reported import Found, QuoteIndex, find_in_unit
from graphkit.extract.sentences import _split, dateline_end, paragraphs
from graphkit.extract.stance import certainty, stance as stance_of   # the module is also named stance
from graphkit.records import Article, Attribution, Span

__all__ = ["extract", "extract_text", "clear_cache", "language_of", "METHODS"]


def clear_cache() -> None:
    """Forget loaded language data (after changing GRAPHKIT_LANG_PATH).

    >>> clear_cache()
    """
    from graphkit.extract.sentences import abbreviations

    _lexicon.clear_cache()
    abbreviations.cache_clear()


def language_of(article: Article) -> str:
    """The language whose data extraction uses: the article's own when
    graphkit has data for it, else detected from its text ("en" when empty).

    >>> language_of(Article(text="", lang="id"))
    'id'
    >>> language_of(Article(text="", lang="xx"))
    'en'
    """
    if article.lang in _lang.languages():
        return article.lang
    return _lang.detect(article.text[:20000]) if article.text else "en"


def _scope(f: Found) -> tuple[int, int]:
    pts = [f.cue.start, f.cue.end] + [p.start for p in f.content] + [p.end for p in f.content]
    if f.source is not None:
        pts += [f.source.start, f.source.end]
    return min(pts), max(pts)


def _content_scope(f: Found) -> tuple[int, int]:
    """The region an inner attribution must lie in to be nested in ``f``:
    from the cue to the end of a following content."""
    cstart = min(p.start for p in f.content)
    cend = max(p.end for p in f.content)
    if cstart >= f.cue.end:
        return f.cue.end, cend
    return cstart, cend


def _fix_according_openers(found: list[Found], text: str) -> None:
    """"X said, according to Y, CONTENT": X's content starts after Y."""
    by_cue = {f.cue.start: f for f in found if f.cls == "according"}
    if not by_cue:
        return
    for f in found:
        if f.cls == "according" or not f.content:
            continue
        c0 = f.content[0]
        for pos, g in by_cue.items():
            if g is not f and c0.start <= pos <= c0.start + 2 and g.content and g.content[0].start > pos:
                f.content = list(g.content)
                break


def _quoted_as(text: str, lex: Lexicon, found: list[Found], by_unit: dict, units: dict) -> dict:
    """"X quoted Y as saying P", "X mengutip Y yang mengatakan P": Y said P
    (the inner cue's source is the object before the marker,
    ``syntax.speaker_as_markers``, or a relative pronoun after a report,
    according or ``syntax.quoting_cues`` cue), and X reports it (the outer
    content becomes P).  A denial keeps its object ("menepis kabar yang
    menyebut P").  Returns {id(inner): outer}.

    >>> from graphkit.extract.lexicon import lexicon
    >>> t = "The daily quoted Ann Lee as saying the plan was dead."
    >>> [(a.source.text, a.cue.text, a.content[0].text, a.nested_in) for a in extract_text(t, "en")]
    [('The daily', 'quoted', 'the plan was dead', None), ('Ann Lee', 'saying', 'the plan was dead', 'a1')]
    >>> t = "“It is over,” the daily quoted Ann Lee as saying."
    >>> [(a.source.text, a.cue.text, a.content[0].text, a.nested_in) for a in extract_text(t, "en")]
    [('the daily', 'quoted', 'It is over,', None), ('Ann Lee', 'saying', 'It is over,', 'a1')]
    """
    out: dict = {}
    for f in found:
        if not f.content or f.source is None:
            continue
        before = f.content[-1].end <= f.cue.start      # "“P,” X quoted Y as saying."
        for g in by_unit[id(units.get(id(f)))]:
            if g is f or g.cue.start < f.cue.end or not (
                    before or (g.content and f.content[0].start <= g.cue.start < f.content[-1].end)):
                continue
            between = text[f.cue.end:g.cue.start]
            if before and (text[g.cue.end:g.cue.end + 2].strip(" .,;") or len(between.split()) > 6):
                continue
            words = between.split()
            rel = lex.relative_re is not None and bool(words) and lex.relative_re.fullmatch(words[-1]) is not None \
                and (f.cls in ("report", "according") or f.cue.text.lower() in lex.quoting_cues)
            if len(words) < 2 or not (words[-1].lower() in lex.speaker_as_markers or rel) \
                    or len(words) > lex.max_source_words + 1:
                continue    # "quoted X as saying P", "mengutip X yang mengatakan P"
            k = f.cue.end + between.rindex(words[-1])
            src = trimmed_span(text, f.cue.end, k)
            if src is None:
                continue
            g.source = src
            if before:
                g.content, g.direct = list(f.content), f.direct
            else:
                f.content = list(g.content)
            out[id(g)] = f
            break
    return out


def _citing(text: str, found: list[Found], by_unit: dict, units: dict, relay_cues: frozenset = frozenset()) -> dict:
    """"CONTENT, X reported, citing Y" / "X reported CONTENT, citing Y": Y's
    statement (the same content) reaches the article through X.  Returns
    {id(citing): reporting}.

    ``relay_cues`` (``syntax.relay_cues``): the according-cues whose source is
    the original of a report they follow ("citing", not "according to").

    >>> t = "The paper reported the deal was off, citing two officials."
    >>> [(a.source.text, a.content[0].text, a.nested_in) for a in extract_text(t, "en")]
    [('The paper', 'the deal was off', None), ('two officials', 'the deal was off', 'a1')]
    """
    out = {}
    for f in found:
        if f.cls != "according" or f.source is None or f.source.start < f.cue.start or not f.content:
            continue
        for g in by_unit[id(units.get(id(f)))]:
            if g is not f and g.content and g.source is not None and g.source.end <= f.cue.start \
                    and f.source.end <= g.cue.start and text[f.source.end:g.cue.start].strip() == ",":
                f.content = list(g.content)  # "X, citing Y, reported that CONTENT"
                out[id(f)] = g
                break
            if g is not f and g.content and g.source is not None and g.content[0].start > g.cue.start \
                    and g.content[-1].start < f.cue.start <= g.content[-1].end + 3 and f.cue.text.lower() in relay_cues \
                    and f.source.start >= f.cue.end and "," not in text[f.source.end:g.content[-1].end] \
                    and text[:f.cue.start].rstrip().endswith(","):
                # "X reported P, citing Y": P ends before ", citing"; Y's statement is P
                last = g.content[-1]
                cut = trimmed_span(text, last.start, f.cue.start)
                if cut is not None:
                    g.content = g.content[:-1] + [cut]
                    f.content = list(g.content)
                    out[id(f)] = g
                    break
            if g is f or not g.content or g.cue.end > f.cue.start or text[g.cue.end:f.cue.start].strip(" ,"):
                continue
            if g.content[-1].end <= g.cue.start and f.content[0].start <= g.content[0].start:
                f.content = list(g.content)
                out[id(f)] = g
    return out


def _build(text: str, lex: Lexicon, found: list[Found], units: dict) -> list[Attribution]:
    # one attribution per cue; drop empty contents
    seen = set()
    uniq = []
    for f in found:
        if f.cue.start in seen or not f.content:
            continue
        seen.add(f.cue.start)
        uniq.append(f)
    _fix_according_openers(uniq, text)
    uniq.sort(key=lambda f: (_scope(f)[0], f.cue.start))
    ids = {id(f): f"a{i + 1}" for i, f in enumerate(uniq)}
    parent: dict[int, Optional[Found]] = {}
    by_unit: dict = {}
    for f in uniq:
        by_unit.setdefault(id(units.get(id(f))), []).append(f)
    citing = _citing(text, uniq, by_unit, units, lex.relay_cues)
    citing.update(_quoted_as(text, lex, uniq, by_unit, units))
    for f in uniq:
        best, best_len = None, None
        for g in by_unit[id(units.get(id(f)))]:
            if g is f or citing.get(id(g)) is f:
                continue
            s, e = _content_scope(g)
            inside = s <= f.cue.start and f.cue.end <= e
            if inside and f.source is not None:
                inside = s <= f.source.start or (g.cls == "according")
            if inside and (best_len is None or e - s < best_len):
                best, best_len = g, e - s
        if best is None and id(f) in citing:
            best = citing[id(f)]
        parent[id(f)] = best
    kids_of: dict = {}
    for f in uniq:
        if parent[id(f)] is not None:
            kids_of.setdefault(id(parent[id(f)]), []).append(f)
    out = []
    for f in uniq:
        kids = kids_of.get(id(f), [])
        skip = [p for g in kids for p in g.content]
        regions = list(f.content)
        if f.source is not None and f.source.end <= f.cue.start:
            regions.append(Span(f.source.end, f.cue.start, text[f.source.end:f.cue.start]))
        if f.cls == "reportedly":
            regions.append(f.cue)
        p = parent[id(f)]
        out.append(Attribution(
            id=ids[id(f)],
            cue=f.cue,
            content=list(f.content),
            source=f.source,
            direct=f.direct,
            stance=stance_of(text, lex, f.cls, f.cue, f.content),
            certainty=certainty(text, lex, regions, skip, cue=f.cue),
            nested_in=ids[id(p)] if p is not None else None,
            sentence=units.get(id(f)),
        ))
    return out


def _continue_quotes(text: str, units: list[Span], per_unit: list[list[Found]], qi: QuoteIndex) -> None:
    """“A,” he said. “B.”: a quote-only sentence right after a quoted
    attribution in the same paragraph continues its content."""
    for i, fs in enumerate(per_unit[:-1]):
        if len(fs) != 1 or not fs[0].direct or per_unit[i + 1]:
            continue
        f, u, nxt = fs[0], units[i], units[i + 1]
        if "\n" in text[u.end:nxt.start]:
            continue
        q = qi.starting_after(nxt.start, nxt.start + 1)
        if q is None or q.outer.end < nxt.end - 2 or any(p.start == q.pieces[0].start for p in f.content):
            continue
        f.content = f.content + list(q.pieces)


_QUESTION_QUOTE = re.compile(r"[?!…][\"”’»]\s*$")


def _join_speech_tags(text: str, lex: Lexicon, units: list[Span]) -> list[Span]:
    """“Is it fair?” she said. / “Is it fair?” Morrow asked.: a quotation
    ending in a question or exclamation mark and the short speech tag after
    it (at most five words, holding a cue) are one unit.

    >>> t = "“Is it fair?” Ann Lee asked."
    >>> [u.text for u in _join_speech_tags(t, lexicon("en"), [Span(0, 13, t[:13]), Span(14, 28, t[14:])])]
    ['“Is it fair?” Ann Lee asked.']
    """
    out: list[Span] = []
    for u in units:
        if out and _QUESTION_QUOTE.search(out[-1].text) and "\n" not in text[out[-1].end:u.start] \
                and len(u.text.split()) <= 5 and next(lex.iter_cues(text, u.start, u.end), None) is not None:
            out[-1] = Span(out[-1].start, u.end, text[out[-1].start:u.end])
            continue
        out.append(u)
    return out


def extract_text(text: str, lang: str = "en", regions: Optional[Sequence[Span]] = None) -> list[Attribution]:
    """Extract attributions from plain text in a given language.

    >>> [a.cue.text for a in extract_text("Istana membantah kabar itu.", "id")]
    ['membantah']
    """
    if not isinstance(text, str) or not text:
        return []
    lex = lexicon(lang)
    regions = list(regions) if regions else [Span(0, len(text), text)]
    paras = []
    for r in regions:
        for i, p in enumerate(paragraphs(text, r)):
            s = dateline_end(text, p) if i < 3 else p.start
            paras.append(p if s == p.start else Span(s, p.end, text[s:p.end]))
    quotes = find_quotes(text, paras)
    sents = [s for p in paras for s in _split(text, p)]
    units = _join_speech_tags(text, lex, merge_units(sents, quotes, text))
    qi = QuoteIndex(quotes)
    found: list[Found] = []
    unit_of: dict = {}
    per_unit = []
    for i, u in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        fs = find_in_unit(text, lex, qi, u, nxt)
        per_unit.append(fs)
        for f in fs:
            found.append(f)
            unit_of[id(f)] = u
    _continue_quotes(text, units, per_unit, qi)
    for f in layout_attributions(text, lex, paras, qi):
        if any(g.cue.start <= f.cue.start < g.cue.end for g in found):
            continue
        found.append(f)
        unit_of[id(f)] = next((u for u in units if u.start <= f.cue.start < u.end),
                              next((p for p in paras if p.start <= f.cue.start < p.end), None))
    return _build(text, lex, found, unit_of)


METHODS = ("auto", "rules", "learned", "hybrid", "neural", "neural-hybrid")


def extract(article: Article, method: str = "auto") -> list[Attribution]:
    """Attributions of an article's body, in text order.

    ``method``: "rules" (the rules above), "learned" (the CRF tagger's spans,
    :mod:`graphkit.extract.learned`), "hybrid" (the CRF, stacked on the rules'
    output, with stance / certainty / nesting from the rules,
    :mod:`graphkit.extract.learned_hybrid`), "neural" (the BiLSTM-CRF
    tagger's spans, :mod:`graphkit.extract.neural`) or "neural-hybrid"
    (those merged with the rules like "hybrid").  The learned methods give
    the rules for a language without a model.

    "auto" is the rules, in every language.  The learned taggers are trained
    on PolNeAR, whose scheme also counts beliefs, plans and actions ("vetoed
    a bill", "declined to comment"); on graphkit's own annotated English
    articles (reported statements only) they add such false positives and
    score below the rules (``graphkit eval --method hybrid``, README
    *Evaluation*).  ``graphkit eval --format polnear`` picks the neural
    tagger for PolNeAR's scheme (:data:`graphkit.evaluate.SCHEME_METHODS`).

    >>> from graphkit.ingest import article_from_text
    >>> [a.stance for a in extract(article_from_text("The ministry denied the report."))]
    ['denies']
    """
    if method not in METHODS:
        raise ValueError(f"unknown extraction method {method!r} (expected one of {', '.join(METHODS)})")
    text = article.text or ""
    if not text:
        return []
    lang = language_of(article)
    if method in ("auto", "rules"):
        return extract_text(text, lang, article.body_spans())
    if method in ("neural", "neural-hybrid"):
        from graphkit.extract import neural
        return neural.run(article, lang, method)
    from graphkit.extract import learned_hybrid
    return learned_hybrid.run(article, lang, method)
