"""Learned attribution tagger: a linear-chain CRF over the tokens of each paragraph.

The model tags every token of an article's body with BIO labels for the three
roles (``SRC`` source, ``CUE`` cue, ``CON`` content); :func:`decode` groups the
tagged segments into :class:`~graphkit.records.Attribution` records (one per
cue, with the nearest contents and source).  The model is stacked on the
rule extractor: the rules' spans are among its features
(:mod:`graphkit.extract.learned_features`), so it learns when to keep, trim or
add to them.  It is trained with python-crfsuite on the PolNeAR train split
by ``scripts/train_polnear.py`` and shipped in ``graphkit/models/``
(``polnear-en.crfsuite`` plus the cue list ``en-cues.txt`` and the word
clusters ``en-clusters.txt``).  Tagging reads the weights once and decodes
with numpy (per-word-form emission caches, Viterbi over all paragraphs at
once), which is several times faster than building attribute strings.
When the model file, python-crfsuite or numpy is missing, :func:`available`
is False and the rule-based extractor works alone.

>>> available("xx")
False
>>> decode("", [], [], [])
[]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path
from typing import Optional, Sequence

from graphkit.records import Article, Attribution, Span

MODELS = Path(__file__).resolve().parents[1] / "models"
_MODEL_FILES = {"en": ("polnear-en.crfsuite", "en-cues.txt", "en-clusters.txt")}
_MODELS: dict[str, "Model"] = {}

__all__ = ["available", "extract_learned", "decode", "Model", "model"]


def _paths(lang: str) -> Optional[tuple[Path, Path, Path]]:
    names = _MODEL_FILES.get(lang)
    if names is None:
        return None
    return MODELS / names[0], MODELS / names[1], MODELS / names[2]


def available(lang: str) -> bool:
    """True when a trained model for ``lang`` is shipped and python-crfsuite and numpy import.

    >>> available("xx")
    False
    """
    paths = _paths(lang)
    if paths is None or not paths[0].is_file():
        return False
    try:
        import numpy  # noqa: F401
        import pycrfsuite  # noqa: F401
    except ImportError:
        return False
    return True


class Model:
    """A CRF model's weights as arrays, with per-word-form emission caches."""

    def __init__(self, path: Path, cues_path: Path, clusters_path: Path) -> None:
        import numpy as np
        import pycrfsuite

        from graphkit.extract.learned_features import NEAR, Encoder, read_clusters, read_cues

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        self.labels = sorted(info.labels, key=lambda k: info.labels[k])
        li = {lab: i for i, lab in enumerate(self.labels)}
        nl = len(self.labels)
        self.np = np
        w: dict[str, list[float]] = {}
        for (attr, lab), v in info.state_features.items():
            row = w.get(attr)
            if row is None:
                row = w[attr] = [0.0] * nl
            row[li[lab]] += v
        self.weights = w
        self.trans = np.zeros((nl, nl))
        for (a, b), v in info.transitions.items():
            self.trans[li[a], li[b]] = v
        cues = read_cues(cues_path) if cues_path.is_file() else frozenset()
        clusters = read_clusters(clusters_path) if clusters_path.is_file() else {}
        self.encoder = Encoder(cues, clusters)
        self.bias = np.array(w.get("b", [0.0] * nl))
        self.near = NEAR
        self._tables: dict[str, object] = {}
        self._vec = {k: np.zeros((1, nl)) for k in (0,) + NEAR}   # per word id, row 0 = no word

    def _vector(self, strings: list[str]) -> list[float]:
        out = [0.0] * len(self.labels)
        for s in strings:
            row = self.weights.get(s)
            if row is not None:
                out = [a + b for a, b in zip(out, row)]
        return out

    def _word_vectors(self) -> None:
        np = self.np
        have = len(self._vec[0])
        words = self.encoder.words
        if have >= len(words):
            return
        for k in self._vec:
            new = [self._vector(self.encoder.word_strings(words[i], k)) for i in range(have, len(words))]
            self._vec[k] = np.vstack([self._vec[k], np.array(new).reshape(-1, len(self.labels))])

    def _table(self, name: str, size: int):
        t = self._tables.get(name)
        if t is None or len(t) < size:  # type: ignore[arg-type]
            size = max(size, 64)
            t = self._tables[name] = self.np.array(
                [self.weights.get(f"{name}={v}", [0.0] * len(self.labels)) for v in range(size)])
        return t

    def emissions(self, enc):
        """Emission scores (tokens x labels) of an encoded token sequence."""
        np = self.np
        if len(self.encoder.words) > 400_000:    # a long-running process: keep the caches bounded
            self.encoder.__init__(self.encoder.cues, self.encoder.clusters)
            self._vec = {k: np.zeros((1, len(self.labels))) for k in self._vec}
        self._word_vectors()
        ids = enc.ids
        n = len(ids)
        e = self._vec[0][ids] + self.bias
        ps = enc.par_start
        for k in self.near:
            sh = np.zeros(n, dtype=np.int64)
            blocked = np.zeros(n, dtype=bool)
            if k < 0:
                sh[-k:] = ids[:k]
                for d in range(-k):             # a paragraph start at i-d (0 <= d < |k|) cuts the link
                    blocked[d:] |= ps[: n - d]
            else:
                sh[:-k] = ids[k:]
                for d in range(1, k + 1):       # a paragraph start at i+d (0 < d <= k) cuts the link
                    blocked[: n - d] |= ps[d:]
            sh[blocked] = 0
            e += self._vec[k][sh]
        for name, codes in enc.templates.items():
            e += self._table(name, int(codes.max()) + 1)[codes]
        return e

    def viterbi(self, e, par_start) -> list[str]:
        """Best label sequence of each paragraph (all paragraphs decoded together)."""
        np = self.np
        n = len(e)
        if n == 0:
            return []
        firsts = np.flatnonzero(par_start)
        lens = np.diff(np.append(firsts, n))
        p, lmax = len(lens), int(lens.max())
        # Paragraphs right-aligned in a (steps x paragraphs x labels) grid, so that all end
        # at the last step.  Leading pad steps score -max(column of trans): the running
        # score stays 0 through them and the first real token scores its emission alone.
        colmax = self.trans.max(0)
        pad = lmax - lens
        row = np.repeat(np.arange(p), lens)
        pos = np.arange(n) - np.repeat(firsts, lens) + np.repeat(pad, lens)
        grid = np.empty((lmax, p, len(self.labels)))
        grid[:] = -colmax
        grid[pos, row] = e
        firstpos = pad
        grid[firstpos, np.arange(p)] = e[firsts] - colmax
        d = np.zeros((p, len(self.labels)))
        trans = self.trans
        back = np.empty((lmax, p, len(self.labels)), dtype=np.int64)
        for t in range(lmax):
            c = d[:, :, None] + trans
            np.argmax(c, 1, out=back[t])
            d = c.max(1) + grid[t]
        y = d.argmax(1)
        path = np.empty((lmax, p), dtype=np.int64)
        flat = back.reshape(lmax, -1)
        base = np.arange(p) * len(self.labels)
        for t in range(lmax - 1, -1, -1):
            path[t] = y
            y = flat[t][base + y]
        out = path[pos, row].tolist()
        labels = self.labels
        return [labels[i] for i in out]


def model(lang: str) -> Model:
    """The cached model for ``lang``; loads it once.

    >>> import pytest
    >>> with pytest.raises(ValueError):
    ...     model("xx")
    """
    got = _MODELS.get(lang)
    if got is None:
        if not available(lang):
            raise ValueError(f"no learned attribution model for language {lang!r}")
        got = _MODELS[lang] = Model(*_paths(lang))  # type: ignore[misc]
    return got


def tag(text: str, regions: Sequence[tuple[int, int]], rules: Sequence[Attribution] = (),
        lang: str = "en") -> tuple[list[str], list[int], list[int]]:
    """BIO labels of the tokens of ``regions`` (with their start and end offsets).

    ``rules`` are the rule extractor's attributions of the same text (features).
    """
    m = model(lang)
    words, starts, ends = _tokenize_doc(text, regions)
    if not words:
        return [], [], []
    enc = m.encoder.encode(text, words, starts, ends, rules)
    return m.viterbi(m.emissions(enc), enc.par_start), starts, ends


def _tokenize_doc(text: str, regions: Sequence[tuple[int, int]]):
    from graphkit.extract.learned_features import tokenize_doc
    return tokenize_doc(text, regions)


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


def decode(text: str, starts: Sequence[int], ends: Sequence[int], labels: Sequence[str]) -> list[Attribution]:
    """Group BIO-tagged tokens into attributions.

    Every cue segment is one attribution; each content segment joins the
    nearest cue in the same paragraph (token distance, at most ``MAX_GAP``
    tokens); every cue takes the nearest source segment of its paragraph
    (a source may serve several cues, as in "X said ..., adding ...").  Cues
    left without content are dropped.

    >>> t = "Ann said it rains."
    >>> from graphkit.extract.learned_features import tokenize_doc
    >>> _, s, e = tokenize_doc(t, [(0, len(t))])
    >>> a = decode(t, s, e, ["B-SRC", "B-CUE", "B-CON", "I-CON", "O"])
    >>> a[0].source.text, a[0].cue.text, [c.text for c in a[0].content]
    ('Ann', 'said', ['it rains'])
    """
    if not labels:
        return []
    segs = _segments(labels)
    cues = [s for s in segs if s[0] == "CUE"]
    if not cues:
        return []
    nls = [m.start() for m in re.finditer("\n", text)]

    def par(i: int) -> int:      # paragraph number of token i: line breaks before it
        return bisect_right(nls, starts[i])

    by_par: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
    for s in segs:
        by_par.setdefault((s[0], par(s[1])), []).append(s)

    def near(s: tuple[str, int, int], role: str):
        same = by_par.get((role, par(s[1])))
        return min(same, key=lambda c: (_gap(s, c), c[1] > s[1])) if same else None

    contents: dict[int, list[tuple[str, int, int]]] = {c[1]: [] for c in cues}
    for s in segs:
        if s[0] == "CON":
            c = near(s, "CUE")
            if c is not None and _gap(s, c) <= MAX_GAP:
                contents[c[1]].append(s)
    out: list[Attribution] = []
    for c in cues:
        if not contents[c[1]]:
            continue
        pieces = [Span.of(text, starts[s[1]], ends[s[2] - 1]) for s in contents[c[1]]]
        s = near(c, "SRC")
        src = Span.of(text, starts[s[1]], ends[s[2] - 1]) if s is not None else None
        cue = Span.of(text, starts[c[1]], ends[c[2] - 1])
        out.append(Attribution(id=f"a{len(out) + 1}", cue=cue, content=pieces, source=src,
                               direct=_direct(text, pieces)))
    return out


def _lang(article: Article) -> str:
    return "en" if article.lang in ("", "und") else article.lang


def extract_learned(article: Article, rules: Optional[Sequence[Attribution]] = None,
                    lang: Optional[str] = None) -> list[Attribution]:
    """Attributions found by the learned tagger in ``article.body_spans()``.

    ``rules`` is the rule extractor's output for the article (computed when
    not given: the model uses it as features).  Raises ValueError when no
    model is shipped for the article's language (check :func:`available`
    first).  Stance and certainty keep their defaults; ids are ``a1``,
    ``a2``, ... in document order of the cues.

    >>> if available("en"):
    ...     t = "“It works,” Ann said."
    ...     atts = extract_learned(Article(text=t, lang="en"))
    ...     assert all(s.text == t[s.start:s.end] for a in atts for s in a.spans())
    """
    lang = lang or _lang(article)
    model(lang)
    text = article.text or ""
    if rules is None:
        from graphkit.extract import extract_text
        rules = extract_text(text, lang, article.body_spans()) if text else []
    labels, starts, ends = tag(text, [(s.start, s.end) for s in article.body_spans()], rules, lang)
    return decode(text, starts, ends, labels)
