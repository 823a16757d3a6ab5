"""Learned attribution tagger: a linear-chain CRF (python-crfsuite) over tokens.

The model tags every token of an article's body with BIO labels for the three
roles (``SRC`` source, ``CUE`` cue, ``CON`` content); :func:`decode` groups the
tagged segments into :class:`~graphkit.records.Attribution` records (one per
cue, with the nearest contents and source).  The model is trained on the
PolNeAR train split by ``scripts/train_polnear.py`` and shipped as package
data in ``graphkit/models/`` (``polnear-en.crfsuite`` plus the cue list
``en-cues.txt`` and the word clusters ``en-clusters.txt`` its features were
built with).  When the model file or
python-crfsuite is missing, :func:`available` is False and the rule-based
extractor works alone.

>>> available("xx")
False
>>> decode("", [], [])
[]
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from graphkit.extract.learned_features import (
    Token, features, read_clusters, read_cues, tokenize,
)
from graphkit.records import Article, Attribution, Span

MODELS = Path(__file__).resolve().parents[1] / "models"
_MODEL_FILES = {"en": ("polnear-en.crfsuite", "en-cues.txt", "en-clusters.txt")}
_TAGGERS: dict[str, tuple[object, frozenset[str], dict]] = {}

__all__ = ["available", "extract_learned", "decode", "article_tokens", "tag_tokens"]


def _paths(lang: str) -> Optional[tuple[Path, Path, Path]]:
    names = _MODEL_FILES.get(lang)
    if names is None:
        return None
    return MODELS / names[0], MODELS / names[1], MODELS / names[2]


def available(lang: str) -> bool:
    """True when a trained model for ``lang`` is shipped and python-crfsuite imports.

    >>> available("xx")
    False
    """
    paths = _paths(lang)
    if paths is None or not paths[0].is_file():
        return False
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        return False
    return True


def _tagger(lang: str) -> tuple[object, frozenset[str], dict]:
    """The cached (tagger, cue list, clusters) for ``lang``; loads the model once."""
    got = _TAGGERS.get(lang)
    if got is None:
        if not available(lang):
            raise ValueError(f"no learned attribution model for language {lang!r}")
        import pycrfsuite

        model, cues_path, cl_path = _paths(lang)  # type: ignore[misc]
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        cues = read_cues(cues_path) if cues_path.is_file() else frozenset()
        clusters = read_clusters(cl_path) if cl_path.is_file() else {}
        got = _TAGGERS[lang] = (tagger, cues, clusters)
    return got


def article_tokens(text: str, regions: Sequence[Span]) -> list[Token]:
    """Tokens of every region, in document order, with document offsets.

    >>> [t.text for t in article_tokens("a b. c", [Span.of("a b. c", 5, 6)])]
    ['c']
    """
    out: list[Token] = []
    for r in sorted(regions, key=lambda s: s.start):
        out.extend(tokenize(text[r.start:r.end], r.start))
    return out


def tag_tokens(text: str, tokens: list[Token], lang: str = "en") -> list[str]:
    """BIO labels for ``tokens`` from the shipped model of ``lang``."""
    if not tokens:
        return []
    tagger, cues, clusters = _tagger(lang)
    return tagger.tag(features(tokens, text, cues, clusters))  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- decoding

def _segments(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(role, first token, last token + 1) for each run of one role."""
    segs: list[tuple[str, int, int]] = []
    role = None
    start = 0
    for i, lab in enumerate(labels):
        if lab == "O":
            if role is not None:
                segs.append((role, start, i))
            role = None
            continue
        r = lab[2:]
        if lab[0] == "B" or r != role:
            if role is not None:
                segs.append((role, start, i))
            role, start = r, i
    if role is not None:
        segs.append((role, start, len(labels)))
    return segs


def _pieces(text: str, tokens: Sequence[Token], a: int, b: int) -> list[Span]:
    """Spans for tokens a..b-1, split where a line break lies between tokens."""
    out = []
    s = a
    for i in range(a + 1, b):
        if "\n" in text[tokens[i - 1].end:tokens[i].start]:
            out.append(Span.of(text, tokens[s].start, tokens[i - 1].end))
            s = i
    out.append(Span.of(text, tokens[s].start, tokens[b - 1].end))
    return out


def _gap(a: tuple[str, int, int], b: tuple[str, int, int]) -> int:
    """Number of tokens strictly between two segments."""
    if a[2] <= b[1]:
        return b[1] - a[2]
    if b[2] <= a[1]:
        return a[1] - b[2]
    return 0


def _direct(text: str, pieces: Sequence[Span]) -> bool:
    """True when every content piece is within quote marks."""
    for p in pieces:
        before = text[max(0, p.start - 2):p.start + 1]
        after = text[max(0, p.end - 2):p.end + 2]
        if not (any(c in "“«„\"‘`'" for c in before) and any(c in "”»\"’'" for c in after)):
            return False
    return True


MAX_GAP = 20   # content segments farther than this (tokens) from every cue are dropped
PAR_PENALTY = 100   # added to the distance between segments in different paragraphs


def decode(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> list[Attribution]:
    """Group BIO-tagged tokens into attributions.

    Every cue segment is one attribution; each content segment joins the
    nearest cue in the same paragraph (token distance, at most ``MAX_GAP``
    tokens; a segment running across paragraphs counts as in each of them);
    every cue takes the nearest source segment
    (a source may serve several cues, as in "X said ..., adding ...").  Cues
    left without content are dropped.

    >>> t = "Ann said it rains."
    >>> toks = tokenize(t)
    >>> a = decode(t, toks, ["B-SRC", "B-CUE", "B-CON", "I-CON", "O"])
    >>> a[0].source.text, a[0].cue.text, [c.text for c in a[0].content]
    ('Ann', 'said', ['it rains'])
    """
    if not tokens:
        return []
    segs = _segments(labels)
    cues = [s for s in segs if s[0] == "CUE"]
    if not cues:
        return []
    par = [0] * len(tokens)
    for i in range(1, len(tokens)):
        par[i] = par[i - 1] + ("\n" in text[tokens[i - 1].end:tokens[i].start])

    def dist(s: tuple[str, int, int], c: tuple[str, int, int]) -> int:
        same = par[s[1]] <= par[c[1]] <= par[s[2] - 1] or par[c[1]] <= par[s[1]] <= par[c[2] - 1]
        return _gap(s, c) + (0 if same else PAR_PENALTY)

    contents: dict[int, list[tuple[str, int, int]]] = {i: [] for i in range(len(cues))}
    for s in segs:
        if s[0] == "CON":
            k = min(range(len(cues)), key=lambda j: (dist(s, cues[j]), j))
            if dist(s, cues[k]) <= MAX_GAP:
                contents[k].append(s)
    srcs = [s for s in segs if s[0] == "SRC"]
    out: list[Attribution] = []
    for k, c in enumerate(cues):
        if not contents[k]:
            continue
        pieces: list[Span] = []
        for s in contents[k]:
            pieces.extend(_pieces(text, tokens, s[1], s[2]))
        src = None
        if srcs:
            s = min(srcs, key=lambda x: (dist(x, c), x[1] > c[1]))
            src = Span.of(text, tokens[s[1]].start, tokens[s[2] - 1].end)
        cue = Span.of(text, tokens[c[1]].start, tokens[c[2] - 1].end)
        out.append(Attribution(id=f"a{len(out) + 1}", cue=cue, content=pieces, source=src,
                               direct=_direct(text, pieces)))
    return out


def extract_learned(article: Article) -> list[Attribution]:
    """Attributions found by the learned tagger in ``article.body_spans()``.

    Raises ValueError when no model is shipped for the article's language
    (check :func:`available` first).  Stance and certainty keep their
    defaults; ids are ``a1``, ``a2``, ... in document order of the cues.

    >>> from graphkit.records import Article
    >>> if available("en"):
    ...     atts = extract_learned(Article(text="“It works,” Ann said.", lang="en"))
    ...     assert all(s.text == "“It works,” Ann said."[s.start:s.end] for a in atts for s in a.spans())
    """
    lang = "en" if article.lang in ("", "und") else article.lang
    toks = article_tokens(article.text, article.body_spans())
    labels = tag_tokens(article.text, toks, lang)
    return decode(article.text, toks, labels)
