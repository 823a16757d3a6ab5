"""Group the attributions of one article into claims (``Attribution.claim``).

A claim is one proposition; the attributions that assert, deny or relay it
share its id.  General rules, applied in this order (each only joins groups):

1. **nesting** -- an attribution nested in another ("the paper reported that
   officials said P") shares the outer one's claim;
2. **paraphrase** -- two contents that share enough informative words
   (weighted by how rare each word is in the article) state the same claim;
3. **headline** -- the title is the article's central claim, cut into its
   propositions at separators ("X denies P, residents say Q"); a statement
   that covers most of one proposition and adds little of its own joins it
   (source-less hedged reports and rumours -- "kabar yang mengeklaim ..." --
   with a lower bar);
4. **discourse anaphora** -- "Respons itu muncul setelah X melaporkan P" /
   "The denial came after X reported P": P is what the earlier statement
   answered;
5. **answers** -- a denial that carries no proposition of its own (a bare
   quote "Itu hoaks", "this looks like fake news", a direct denial quote, or
   an anaphoric object "the allegations", "tuduhan tersebut", "the smuggling
   allegation", "the group's claims", :mod:`graphkit.resolve.claim_anaphora`)
   joins the statement it answers: the earlier one of another source whose
   content or source holds a modifier of the noun ("smuggling", "group"),
   else the one naming the same noun ("kabar itu" -> the "kabar"), else the
   one whose cue the noun names ("tudingan" -> "menuding", "the claims" ->
   "claimed"), else the nearest earlier denial, else (a noun without
   antecedent: "the explanation") the headline's claim, else the nearest
   earlier statement by another source;
6. **contested proposition** -- an indirect denial with a proposition of its
   own ("membantah adanya kecurangan") joins the nearest earlier statement of
   another source that holds most of its words (``DENIAL_COVER``, by letters
   only: related words are too loose to tie a denial to a claim);
7. **elaboration** -- a direct quote right after an indirect statement of the
   same source ("X said P. 'Q,' she said") continues it, and so does a
   participle cue of the same source ("argued P, saying Q"); "the official"
   after "a senior official ..." is the same source.

Words are compared by their letters (equal, or one a prefix/suffix of the
other from five letters on: "bantuan"/"bantu", "berperang"/"perang");
with the optional encoder (:mod:`graphkit.resolve.encoder`) also by meaning.
Language data: ``claims.toml`` (docs/languages.md, "Claim data").
Claim ids are "c1", "c2", ... in text order.

>>> from graphkit.records import Attribution, Span
>>> t = "Troops were sent to the border. Officials confirmed troops were sent to the border."
>>> a = Attribution("a1", Span(0, 0, ""), [Span(0, 30, t[:30])])
>>> b = Attribution("a2", Span(0, 0, ""), [Span(52, 82, t[52:82])])
>>> [x.claim for x in group_claims(t, [a, b], frozenset(), vectors=None)]
['c1', 'c1']
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from graphkit import lang as _lang
from graphkit.records import Attribution
from graphkit.resolve.claim_anaphora import anaphoric_np, noun_of_cue

_WORD = re.compile(r"[^\W\d_]{3,}")
_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")
WORD_SIMILARITY = 0.6       # encoder cosine at which two words count as one
DENIAL_COVER = 0.65          # share of a denial's words an earlier statement must say


@dataclass(frozen=True)
class ClaimData:
    """The ``claims.toml`` lists of one language (lower case)."""

    neutral: frozenset[str] = frozenset()
    evaluations: tuple[str, ...] = ()
    anaphora_nouns: frozenset[str] = frozenset()
    demonstratives_after: frozenset[str] = frozenset()
    demonstratives_before: frozenset[str] = frozenset()
    anaphora_links: tuple[str, ...] = ()
    rumours: frozenset[str] = frozenset()
    elaboration_cues: frozenset[str] = frozenset()
    title_separators: tuple[str, ...] = (",", ":")
    cue_words: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def claim_data(lang: str) -> ClaimData:
    """Claim data of a language (``<lang>/claims.toml``), plus the words of its
    cue verbs (``attribution.toml``), which are not part of a proposition.

    >>> "hoaks" in claim_data("id").evaluations
    True
    """
    d = _lang.load(lang, "claims")
    low = lambda key: [str(x).lower() for x in d.get(key, [])]  # noqa: E731
    cues = _lang.load(lang, "attribution").get("cues", {})
    cue_words = {_norm(w) for v in cues.values() if isinstance(v, list) for x in v for w in _WORD.findall(str(x))}
    return ClaimData(
        neutral=frozenset(_norm(w) for w in low("neutral")),
        evaluations=tuple(low("evaluations")),
        anaphora_nouns=frozenset(low("anaphora_nouns")),
        demonstratives_after=frozenset(low("demonstratives_after")),
        demonstratives_before=frozenset(low("demonstratives_before")),
        anaphora_links=tuple(low("anaphora_links")),
        rumours=frozenset(low("rumours")),
        elaboration_cues=frozenset(low("elaboration_cues")),
        title_separators=tuple(str(x).lower() for x in d.get("title_separators", [",", ":"])),
        cue_words=frozenset(cue_words),
        copulas=frozenset(low("copulas")),
    )


def _norm(w: str) -> str:
    w = w.lower()
    if w.endswith("nya") and len(w) > 6:
        return w[:-3]
    return w


def same_word(a: str, b: str) -> bool:
    """Equal, or (from five letters on) one is a prefix or suffix of the other.

    >>> same_word("bantuan", "bantu"), same_word("berperang", "perang"), same_word("kita", "kitab")
    (True, True, False)
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


class _Words:
    """Informative words of contents, their weights and soft matching."""

    def __init__(self, text: str, title: str, stop: frozenset, data: ClaimData, vectors) -> None:
        self.drop = set(stop) | data.neutral
        sents = [s for s in _SENT_END.split(text) if s.strip()] + ([title] if title else [])
        df = Counter(w for s in sents for w in {_norm(x) for x in _WORD.findall(s)})
        self.total = max(1, len(sents))
        self.df = df
        self.vectors = vectors

    def of(self, s: str, extra: frozenset = frozenset()) -> set[str]:
        return {w for w in (_norm(x) for x in _WORD.findall(s)) if w not in self.drop and w not in extra}

    def weight(self, w: str) -> float:
        return math.log(1 + self.total / max(1, self.df.get(w, 0)))

    def mass(self, ws) -> float:
        return sum(self.weight(w) for w in ws)

    def covered(self, a: set[str], b: set[str]) -> set[str]:
        """Words of ``a`` that some word of ``b`` matches."""
        out = {w for w in a if any(same_word(w, x) for x in b)}
        if self.vectors is not None:
            rest = [w for w in a - out if len(w) >= 4]
            if rest:
                out |= self.vectors.matched(rest, [x for x in b if len(x) >= 4], WORD_SIMILARITY)
        return out


def _title_parts(title: str, data: ClaimData) -> list[str]:
    parts = [title]
    for sep in data.title_separators:
        parts = [p for q in parts for p in re.split(re.escape(sep), q, flags=re.I)]
    return [p for p in parts if p.strip()]


def _content(a: Attribution) -> str:
    return " ".join(p.text for p in a.content)


def _speaker(a: Attribution) -> Optional[str]:
    if a.entity is not None:
        return a.entity.key
    return a.source.text.lower() if a.source is not None else None


def _same_speaker(first: Attribution, later: Attribution, data: ClaimData) -> bool:
    """Same resolved speaker, or ``later`` names it by a definite description
    whose head is in ``first``'s source ("A senior official ..." -> "the official")."""
    a, b = _speaker(first), _speaker(later)
    if a is not None and a == b:
        return True
    if first.source is None or later.source is None:
        return False
    toks = re.findall(r"[\w'’-]+", later.source.text.lower())
    if not 2 <= len(toks) <= 3:
        return False
    if toks[0] in data.demonstratives_before:
        head = toks[-1]                 # "the official"
    elif toks[-1] in data.demonstratives_after:
        head = toks[-2]                 # "pejabat itu"
    else:
        return False
    return re.search(r"(?<!\w)" + re.escape(head) + r"(?!\w)", first.source.text.lower()) is not None


def _headline_claim(i: int, roots: list[int], n: int, before: list[int]) -> Optional[int]:
    """The earlier attribution (in ``before``) in the headline group with the
    most attributions, if any statement joined a headline proposition."""
    sizes = Counter(roots[k] for k in range(n))
    best = None
    for k in range(n, len(roots)):
        r = roots[k]
        members = [j for j in before if roots[j] == r]
        if members and (best is None or sizes[r] > sizes[roots[best]]):
            best = members[0]
    return best


def _mentions(W: "_Words", mods, content: str, a: Attribution) -> bool:
    """Some modifier word is a word of the content or of the source."""
    ws = W.of(content) | (W.of(a.source.text) if a.source is not None else set())
    return any(same_word(_norm(m), w) for m in mods for w in ws)


def _anaphor(s: str, data: ClaimData) -> Optional[str]:
    """The claim noun when ``s`` opens with an anaphoric noun phrase
    ("tuduhan tersebut", "kabar itu", "tuduhan oposisi adalah ...",
    "the allegations", "the group's claims"), else None."""
    toks = re.findall(r"[\w'’-]+", s.lower())
    if not toks:
        return None
    if data.demonstratives_before and toks[0] in data.demonstratives_before:
        for k in range(1, min(4, len(toks))):
            if toks[k] in data.anaphora_nouns:
                return toks[k]
        return None
    if toks[0] in data.anaphora_nouns and data.demonstratives_after:
        nxt = toks[1:3]
        if not nxt or nxt[0] in data.demonstratives_after or (len(nxt) > 1 and nxt[1] in data.demonstratives_after) \
                or (len(toks) <= 3) or (len(nxt) > 1 and nxt[1] in data.copulas):
            return toks[0]
    return None


def _evaluative(s: str, data: ClaimData) -> bool:
    low = " " + re.sub(r"\s+", " ", s.lower()) + " "
    return any(re.search(r"(?<!\w)" + re.escape(e) + r"(?!\w)", low) for e in data.evaluations)


def _sentence_start(text: str, a: Attribution) -> int:
    if a.sentence is not None:
        return a.sentence.start
    lo = max(0, min(a.cue.start, a.source.start if a.source else a.cue.start) - 400)
    starts = [m.end() for m in _SENT_END.finditer(text, lo, a.cue.start)]
    return starts[-1] if starts else lo


def group_claims(text: str, atts: list[Attribution], stop: frozenset, threshold: float = 0.45, *,
                 title: str = "", lang: str = "en", vectors="auto",
                 join_rumours: bool = False) -> list[Attribution]:
    """Set ``claim`` on every attribution (in place) and return the list.

    ``title`` is the article's headline (its central claim), ``lang`` selects
    the claim data, ``vectors`` the word vectors ("auto": the optional encoder
    when installed; None: letters only).  A statement whose source is a
    rumour word (``rumours`` in claims.toml: "kabar yang mengeklaim P") is
    not grouped with others unless nested or ``join_rumours`` is set: the
    RDF model writes its source as an anonymous agent, so in a claim it would
    count as an independent original source.

    >>> from graphkit.records import Attribution, Span
    >>> t = "The mayor denied the dam broke. 'This is fake news,' said Ann Lee."
    >>> a = Attribution("a1", Span.of(t, 10, 16), [Span.of(t, 17, 30)], Span.of(t, 0, 9), stance="denies")
    >>> b = Attribution("a2", Span.of(t, 53, 57), [Span.of(t, 33, 50)], Span.of(t, 58, 65), direct=True,
    ...                 stance="denies")
    >>> [x.claim for x in group_claims(t, [a, b], frozenset(), vectors=None)]
    ['c1', 'c1']
    """
    n = len(atts)
    if n == 0:
        return atts
    if vectors == "auto":
        from graphkit.resolve.encoder import default_vectors
        vectors = default_vectors()
    data = claim_data(lang) if lang in _lang.languages() else claim_data("en")
    parts = _title_parts(title, data) if title else []
    parent = list(range(n + len(parts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    index = {a.id: i for i, a in enumerate(atts)}
    outer = [index.get(a.nested_in) if a.nested_in else None for a in atts]
    W = _Words(text, title, stop, data, vectors)
    contents = [_content(a) for a in atts]
    words = [W.of(c) for c in contents]
    if vectors is not None:
        vectors.prepare(w for ws in words for w in ws if len(w) >= 4)

    # a rumour ("kabar yang mengeklaim P") is not a source: unless nested, it
    # keeps a claim of its own (see join_rumours)
    rumour = [not join_rumours and outer[i] is None and a.source is not None
              and a.source.text.strip().lower() in data.rumours for i, a in enumerate(atts)]

    # 1. nesting
    for i, o in enumerate(outer):
        if o is not None:
            union(i, o)

    # 2. paraphrase
    for i in range(n):
        for j in range(i + 1, min(n, i + 40)):
            a, b = words[i], words[j]
            if len(a & b) < 2 or rumour[i] or rumour[j]:
                continue
            inter = W.mass(a & b)
            both = W.mass(a) + W.mass(b)
            if both and 2 * inter / both >= threshold:
                union(i, j)

    # 3. headline propositions
    tparts = [W.of(p, data.cue_words) for p in parts]
    for i, a in enumerate(atts):
        if not words[i] or rumour[i]:
            continue
        hedged = a.source is None or (a.source.text.strip().lower() in data.rumours)
        best, best_k = 0.0, None
        for k, tw in enumerate(tparts):
            if len(tw) < 2:
                continue
            got = W.covered(tw, words[i])
            if len(got) < 2:
                continue
            cov = W.mass(got) / W.mass(tw)
            novel = 1 - W.mass(W.covered(words[i], tw)) / W.mass(words[i])
            if novel <= 0.6 and cov >= (0.3 if hedged else 0.4) and cov > best:
                best, best_k = cov, k
        if best_k is not None:
            union(i, n + best_k)

    # 4. "Respons itu muncul setelah X melaporkan P": P answers the statement before
    for i, a in enumerate(atts):
        if i == 0 or outer[i] is not None or not data.anaphora_links:
            continue
        s0 = _sentence_start(text, a)
        opening = text[s0:a.cue.start]
        if _anaphor(opening, data) and any(re.search(r"(?<!\w)" + re.escape(x) + r"(?!\w)", opening.lower())
                                           for x in data.anaphora_links):
            union(i, i - 1)

    # 5. bare, quoted and anaphoric denials answer an earlier statement
    for i, a in enumerate(atts):
        if i == 0 or outer[i] is not None:
            continue
        np_ = anaphoric_np(contents[i], data, frozenset(W.drop))
        noun = np_.noun if np_ is not None and np_.marked else None
        mods = np_.modifiers if np_ is not None else ()
        evaluative = _evaluative(contents[i], data)
        bare = not words[i] or (evaluative and len(words[i]) <= 4)
        answers = (a.stance == "denies" and (a.direct or bare or noun)) or ((bare or a.direct) and evaluative)
        if not answers and not (mods and (a.stance == "denies" or evaluative)):
            continue
        before = [j for j in range(i - 1, -1, -1) if (outer[j] is None or outer[j] != i) and not rumour[j]][:20]
        me = _speaker(a)
        target = None
        if mods:
            # "the smuggling allegation", "the group's claims", "tuduhan oposisi":
            # the statement whose content or source holds the modifier
            target = next((j for j in before if not _same_speaker(atts[j], a, data) and _mentions(W, mods, contents[j], atts[j])),
                          None)
        if target is None and not answers:
            continue
        if target is None and noun:
            pat = re.compile(r"(?<!\w)" + re.escape(noun) + r"(?!\w)", re.I)
            target = next((j for j in before if pat.search(contents[j])
                           or (atts[j].source is not None and pat.search(atts[j].source.text))), None)
        if target is None and noun:
            # "tudingan tersebut" -> the statement cued by "menuding"; "the claims" -> "claimed"
            target = next((j for j in before if not _same_speaker(atts[j], a, data) and noun_of_cue(noun, atts[j].cue.text)),
                          None)
        if target is None:
            target = next((j for j in before[:4] if atts[j].stance == "denies"), None)
        if target is None and noun and not mods:
            # "denied any wrongdoing", "dismissed the explanation": no earlier
            # statement names it; the headline's claim, when statements carry it
            target = _headline_claim(i, [find(k) for k in range(n + len(parts))], n, before)
        if target is None:
            target = next((j for j in before[:6] if _speaker(atts[j]) != me), None)
        if target is not None:
            union(i, outer[target] if outer[target] is not None else target)

    # 6. an indirect denial with a proposition of its own answers the
    # earlier statement of another source that says most of its words
    # ("... diwarnai kecurangan sistematis" <- "membantah adanya kecurangan");
    # letters only: related words are not enough to tie a denial to a claim
    for i, a in enumerate(atts):
        if i == 0 or outer[i] is not None or a.stance != "denies" or a.direct or not words[i] or rumour[i] \
                or _evaluative(contents[i], data) or anaphoric_np(contents[i], data, frozenset(W.drop)) is not None:
            continue
        own = W.mass(words[i])
        best, best_j = 0.0, None
        for j in range(i - 1, max(-1, i - 21), -1):
            if rumour[j] or outer[j] == i or _same_speaker(atts[j], a, data) or not words[j]:
                continue
            got = {w for w in words[i] if any(same_word(w, x) for x in words[j])}
            cov = W.mass(got) / own if own else 0.0
            if cov >= DENIAL_COVER and cov > best:
                best, best_j = cov, j
        if best_j is not None:
            union(i, outer[best_j] if outer[best_j] is not None else best_j)

    # 7. a quote continues the indirect statement of the same source just before it
    for i, a in enumerate(atts):
        if i == 0 or outer[i] is not None or a.stance != "asserts":
            continue
        j = next((j for j in range(i - 1, -1, -1) if outer[j] is None), None)
        if j is None:
            continue
        same = _same_speaker(atts[j], a, data)
        if same and a.direct and not atts[j].direct:
            union(i, j)
        elif a.cue.text.strip().lower() in data.elaboration_cues and a.source is not None \
                and atts[j].source is not None and a.source.start == atts[j].source.start:
            union(i, j)

    ids: dict[int, str] = {}
    for i, a in enumerate(atts):
        r = find(i)
        if r not in ids:
            ids[r] = f"c{len(ids) + 1}"
        a.claim = ids[r]
    return atts
