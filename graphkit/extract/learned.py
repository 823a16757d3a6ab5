"""Learned attribution tagger: a linear-chain CRF over the tokens of each paragraph.

The model tags every token of an article's body with BIO labels for the three
roles (``SRC`` source, ``CUE`` cue, ``CON`` content); :func:`decode` groups the
tagged segments into :class:`~graphkit.records.Attribution` records (one per
cue, with the nearest contents and source).  The model is stacked on the
rule extractor: the rules' spans are among its features
(:mod:`graphkit.extract.learned_features`), so it learns when to keep, trim or
add to them.  It is trained with python-crfsuite on the PolNeAR train split
by ``scripts/train_tagger.py`` and shipped in ``graphkit/models/``
(``en-attribution.crfsuite`` plus the cue list ``en-cues.txt`` and the word
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
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from graphkit.records import Article, Attribution, Span

MODELS = Path(__file__).resolve().parents[1] / "models"
_MODEL_FILES = {"en": ("en-attribution.crfsuite", "en-cues.txt", "en-clusters.txt")}
_MODELS: dict[str, "Model"] = {}

# Context templates whose weights are added up in advance, per group, for every combination
# of codes (the codes' ranges, from learned_features.Encoder.encode, are below).  Tokens
# then take one row per group instead of one per template.
_TEMPLATE_SIZES = {"q": 4, "dcl": 8, "dcr": 8, "rcl": 8, "rcr": 8, "qcl": 8, "qor": 8, "nq": 8, "cq": 8,
                   "r": 16, "rp": 17 * 17, "rn": 16 * 17, "rq": 16, "sp": 8, "pp": 8, "pq": 2, "sc": 8,
                   "edge": 4, "cap": 2}
_TEMPLATE_ORDER = tuple(_TEMPLATE_SIZES)
TEMPLATE_GROUPS = (("q", "nq", "cq", "dcl"), ("dcr", "rcl", "rcr"), ("qcl", "qor", "sp", "pp"),
                   ("r", "rq", "edge", "cap"), ("rp", "pq"), ("rn", "sc"))

__all__ = ["available", "extract_learned", "decode", "Model", "model"]


def _paths(lang: str) -> Optional[tuple[Path, Path, Path]]:
    names = _MODEL_FILES.get(lang)
    if names is None:
        return None
    return MODELS / names[0], MODELS / names[1], MODELS / names[2]


@lru_cache(maxsize=None)
def _shipped(lang: str) -> bool:
    """True when the model file for ``lang`` exists (checked once per process)."""
    paths = _paths(lang)
    return paths is not None and paths[0].is_file()


def available(lang: str) -> bool:
    """True when a trained model for ``lang`` is shipped and python-crfsuite and numpy import.

    >>> available("xx")
    False
    """
    if not _shipped(lang):
        return False
    try:
        import numpy  # noqa: F401
        import pycrfsuite  # noqa: F401
    except ImportError:
        return False
    return True


class Model:
    """A CRF model's weights as arrays, with per-word-form emission caches.

    All emission weights live in one table (``rows x labels``): the template
    codes first, then one block of rows per word position (the token itself
    and its neighbours at -2..+2), indexed by word id.  The emissions of a
    token sequence are then one gather and one sum (:meth:`emissions`).
    """

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
        self._colmax = self.trans.max(0)
        self._trans3 = self.trans[:, :, None].copy()
        cues = read_cues(cues_path) if cues_path.is_file() else frozenset()
        clusters = read_clusters(clusters_path) if clusters_path.is_file() else {}
        self.encoder = Encoder(cues, clusters)
        self.bias = np.array(w.get("b", [0.0] * nl))
        self.near = NEAR
        self.slots = (0,) + NEAR                     # word positions, in the order they are added
        self._tnames: tuple[str, ...] = ()
        self._tsize = 0                              # rows per template block (one row per template)
        self._trows = 0                              # rows of the template part of the table
        self._radix = None                           # groups x templates: joint row of a token's codes
        self._goff = None
        self._tsizes = np.array([_TEMPLATE_SIZES[name] for name in _TEMPLATE_ORDER])
        self._cap = 0                                # rows per word block
        self._have = 0                               # words whose rows are filled in
        self._all = np.zeros((0, nl))

    def _vector(self, strings: list[str]) -> list[float]:
        out = [0.0] * len(self.labels)
        for s in strings:
            row = self.weights.get(s)
            if row is not None:
                out = [a + b for a, b in zip(out, row)]
        return out

    def _word_base(self, k: int) -> int:
        return self._trows + self.slots.index(k) * self._cap

    def _template_rows(self, names: tuple[str, ...], tsize: int):
        """Rows of the template part of the table; the group matrix and offsets when joint."""
        np = self.np
        nl = len(self.labels)
        zero = [0.0] * nl

        def rows(name: str, size: int):
            return np.array([self.weights.get(f"{name}={v}", zero) for v in range(size)]).reshape(size, nl)

        if names != _TEMPLATE_ORDER:
            return np.concatenate([rows(name, tsize) for name in names] or [np.zeros((0, nl))]), None, None
        blocks, radix, offsets, at = [], np.zeros((len(TEMPLATE_GROUPS), len(names))), [], 0
        for g, group in enumerate(TEMPLATE_GROUPS):
            sizes = [_TEMPLATE_SIZES[name] for name in group]
            joint = np.zeros(tuple(sizes) + (nl,))
            step = 1
            for j in range(len(group) - 1, -1, -1):       # mixed radix: the last template varies fastest
                shape = [1] * len(group) + [nl]
                shape[j] = sizes[j]
                joint = joint + rows(group[j], sizes[j]).reshape(shape)
                radix[g, names.index(group[j])] = step
                step *= sizes[j]
            blocks.append(joint.reshape(-1, nl))
            offsets.append(at)
            at += step
        return np.concatenate(blocks), radix, np.array(offsets, dtype=np.int64)[:, None]

    def _layout(self, names: tuple[str, ...], tsize: int, cap: int) -> None:
        """(Re)build the table for templates ``names`` (``tsize`` codes each) and ``cap`` words."""
        np = self.np
        nl = len(self.labels)
        old = (self._all, self._trows, self._cap) if self._have else None
        tpl, self._radix, self._goff = self._template_rows(names, tsize)
        self._tnames, self._tsize, self._cap, self._trows = names, tsize, cap, len(tpl)
        table = np.zeros((len(tpl) + len(self.slots) * cap, nl))
        table[:len(tpl)] = tpl
        self._all = table
        if old is None:
            self._have = 0
            return
        oall, otrows, ocap = old
        for s in range(len(self.slots)):
            a = otrows + s * ocap
            b = self._trows + s * cap
            table[b:b + self._have] = oall[a:a + self._have]

    def _prepare(self, names: tuple[str, ...], top: int) -> None:
        """Make room for the encoder's words and template codes up to ``top``."""
        nwords = len(self.encoder.words)
        if names != self._tnames or top >= self._tsize or nwords > self._cap:
            cap = self._cap
            while cap < nwords:
                cap = max(2 * cap, 4096)
            self._layout(names, max(self._tsize, 2 * top + 2, 64) if top >= self._tsize else self._tsize, cap)
        if self._have < nwords:
            table = self._all
            words = self.encoder.words
            for k in self.slots:
                base = self._word_base(k)
                rows = [self._vector(self.encoder.word_strings(words[i], k)) for i in range(self._have, nwords)]
                table[base + self._have:base + nwords] = rows
                if k == 0:
                    table[base + self._have:base + nwords] += self.bias
            if self._have == 0:       # word id 0 (no word): no weights, but the own position takes the bias
                for k in self.slots:
                    table[self._word_base(k)] = self.bias if k == 0 else 0.0
            self._have = nwords

    def emissions(self, enc):
        """Emission scores (tokens x labels) of an encoded token sequence."""
        np = self.np
        if len(self.encoder.words) > 400_000:    # a long-running process: keep the caches bounded
            self.encoder.__init__(self.encoder.cues, self.encoder.clusters)
            self._have, self._cap = 0, 0
        ids = enc.ids
        n = len(ids)
        names = tuple(enc.templates)
        if n == 0:
            return np.zeros((0, len(self.labels)))
        codes = np.stack([enc.templates[name] for name in names]) if names else np.zeros((0, n), dtype=np.int64)
        self._prepare(names, int(codes.max()) if names else 0)
        joint = self._radix is not None and bool((codes.max(1) < self._tsizes).all())
        nt = len(TEMPLATE_GROUPS) if joint else len(names)
        idx = np.empty((len(self.slots) + nt, n), dtype=np.int64)
        idx[0] = ids
        idx[0] += self._word_base(0)
        # a neighbour in another paragraph (or outside the sequence) is word 0 (no weights)
        pid = np.cumsum(enc.par_start)
        pad = np.zeros(n + 4, dtype=np.int64)
        pad[2:-2] = ids
        ppad = np.full(n + 4, -1, dtype=np.int64)
        ppad[2:-2] = pid
        for j, k in enumerate(self.near, 1):
            sh = pad[2 + k:2 + k + n]
            np.multiply(sh, ppad[2 + k:2 + k + n] == pid, out=idx[j])
            idx[j] += self._word_base(k)
        if joint:       # one row per group of templates (their weights added up in advance)
            idx[len(self.slots):] = self._radix @ codes + self._goff
        elif names:
            if self._radix is not None:     # a code out of the joint tables' range: one row per template
                self._layout(names, self._tsize, self._cap)
                self._radix = None
            codes += (np.arange(len(names)) * self._tsize)[:, None]
            idx[len(self.slots):] = codes
        # one gather, and the rows of each token added up
        return self._all.take(idx, axis=0).sum(0)

    def viterbi_ids(self, e, par_start):
        """Best label sequence (label indices) of each paragraph, all decoded together."""
        np = self.np
        n = len(e)
        if n == 0:
            return []
        nl = len(self.labels)
        firsts = np.flatnonzero(par_start)
        lens = np.diff(np.append(firsts, n))
        p, lmax = len(lens), int(lens.max())
        # Paragraphs right-aligned in a (steps x labels x paragraphs) grid, so that all end
        # at the last step.  Leading pad steps score -max(column of trans): the running
        # score stays 0 through them and the first real token scores its emission alone.
        colmax = self._colmax
        pad = lmax - lens
        row = np.repeat(np.arange(p), lens)
        pos = np.arange(n) - np.repeat(firsts, lens) + np.repeat(pad, lens)
        grid = np.empty((lmax, p, nl))
        grid[:] = -colmax
        grid[pos, row] = e
        grid[pad, np.arange(p)] = e[firsts] - colmax
        grid = grid.transpose(0, 2, 1).copy()
        # forward pass, labels first (the max over the previous label is then a reduction
        # over the outer axis, the cheapest kind): three array operations per step
        scores = np.empty((lmax + 1, nl, p))
        scores[0] = 0.0
        trans = np.broadcast_to(self._trans3, (nl, nl, p)).copy()    # trans[i, j] for every paragraph
        c = np.empty((nl, nl, p))
        add, reduce = np.add, np.maximum.reduce
        for t in range(lmax):
            add(scores[t][:, None, :], trans, out=c)
            d = scores[t + 1]
            reduce(c, 0, None, d)
            add(d, grid[t], out=d)
        # back-pointers of the real tokens: the first previous label with the best score
        prev = scores[pos, :, row]               # (tokens x labels), the scores before each token
        best = prev[:, :1] + self.trans[0]
        back = np.zeros((n, nl), dtype=np.int64)
        cand = np.empty((n, nl))
        better = np.empty((n, nl), dtype=bool)
        for i in range(1, nl):
            add(prev[:, i:i + 1], self.trans[i], out=cand)
            np.greater(cand, best, out=better)
            np.copyto(back, i, where=better)
            np.maximum(best, cand, out=best)
        # backtracking, one paragraph at a time, from its best last label
        ends = scores[lmax].argmax(0).tolist()
        bl = back.ravel().tolist()
        out = [0] * n
        for f, ln, y in zip(firsts.tolist(), lens.tolist(), ends):
            k = f + ln - 1
            out[k] = y
            while k > f:
                y = bl[k * nl + y]
                k -= 1
                out[k] = y
        return out

    def viterbi(self, e, par_start) -> list[str]:
        """Best label sequence of each paragraph (all paragraphs decoded together)."""
        labels = self.labels
        return [labels[i] for i in self.viterbi_ids(e, par_start)]


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
    ids, starts, ends, _ = _tag_ids(m, text, regions, rules)
    return [m.labels[i] for i in ids], starts, ends


def _tag_ids(m: Model, text: str, regions: Sequence[tuple[int, int]], rules: Sequence[Attribution]):
    """Label indices, token starts and ends, and the paragraph starts (bool array) of ``regions``."""
    words, starts, ends = _tokenize_doc(text, regions)
    if not words:
        return [], [], [], None
    enc = m.encoder.encode(text, words, starts, ends, rules)
    return m.viterbi_ids(m.emissions(enc), enc.par_start), starts, ends, enc.par_start


def _tokenize_doc(text: str, regions: Sequence[tuple[int, int]]):
    from graphkit.extract.learned_features import tokenize_doc
    return tokenize_doc(text, regions)


# --------------------------------------------------------------------------- decoding

Segment = tuple[str, int, int]          # (role, first token, last token + 1)


def _segments(labels: Sequence[str]) -> list[Segment]:
    """(role, first token, last token + 1) for each run of one role."""
    segs: list[Segment] = []
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


_ROLE_TABLES: dict = {}      # label names -> (role names, role of each label, label is a B- label)


def _segments_of_ids(ids, labels: Sequence[str]) -> list[Segment]:
    """:func:`_segments` of label indices ``ids`` (a numpy array) into ``labels``.

    >>> import numpy as np
    >>> _segments_of_ids(np.array([1, 2, 2, 0, 2]), ["O", "B-CUE", "I-CUE"])
    [('CUE', 0, 3), ('CUE', 4, 5)]
    """
    import numpy as np

    key = tuple(labels)
    got = _ROLE_TABLES.get(key)
    if got is None:
        names = [""] + sorted({lab[2:] for lab in labels if lab != "O"})
        got = _ROLE_TABLES[key] = (
            names, np.array([names.index(lab[2:]) if lab != "O" else 0 for lab in labels], dtype=np.int64),
            np.array([lab.startswith("B-") for lab in labels]))
    names, role_of, is_b = got
    role = role_of[ids]
    prev = np.zeros_like(role)
    prev[1:] = role[:-1]
    tagged = role > 0
    first = tagged & (is_b[ids] | (role != prev))
    starts = np.flatnonzero(first)
    stops = np.append(np.flatnonzero(first | ~tagged), len(ids))    # where a run may end
    ends = stops[np.searchsorted(stops, starts, "right")]
    return [(names[r], s, e) for r, s, e in zip(role[starts].tolist(), starts.tolist(), ends.tolist())]


def _gap(a: Segment, b: Segment) -> int:
    """Number of tokens strictly between two segments."""
    if a[2] <= b[1]:
        return b[1] - a[2]
    if b[2] <= a[1]:
        return a[1] - b[2]
    return 0


_OPENING = frozenset("“«„\"‘`'")
_CLOSING = frozenset("”»\"’'")


def _direct(text: str, pieces: Sequence[Span]) -> bool:
    """True when every content piece is within quote marks."""
    for p in pieces:
        before = text[max(0, p.start - 2):p.start + 1]
        after = text[max(0, p.end - 2):p.end + 2]
        if _OPENING.isdisjoint(before) or _CLOSING.isdisjoint(after):
            return False
    return True


MAX_GAP = 20   # content segments farther than this (tokens) from every cue are dropped


def _nearest(s: Segment, same: list[Segment]) -> Segment:
    """The segment of ``same`` nearest to ``s`` (the earlier one on a tie)."""
    best, key = same[0], None
    for c in same:
        k = (_gap(s, c), c[1] > s[1])
        if key is None or k < key:
            best, key = c, k
    return best


def _group(text: str, starts: Sequence[int], ends: Sequence[int], segs: list[Segment],
           pars: Sequence[int]) -> list[Attribution]:
    """Attributions of the segments ``segs`` (``pars``: paragraph number of each segment)."""
    by_par: dict[tuple[str, int], list[Segment]] = {}
    for s, p in zip(segs, pars):
        key = (s[0], p)
        got = by_par.get(key)
        if got is None:
            by_par[key] = [s]
        else:
            got.append(s)
    par_of = {s[1]: p for s, p in zip(segs, pars)}
    contents: dict[int, list[Segment]] = {}
    for s in segs:
        if s[0] == "CON":
            same = by_par.get(("CUE", par_of[s[1]]))
            if same:
                c = _nearest(s, same)
                if _gap(s, c) <= MAX_GAP:
                    contents.setdefault(c[1], []).append(s)
    out: list[Attribution] = []
    for c in segs:
        if c[0] != "CUE":
            continue
        mine = contents.get(c[1])
        if not mine:
            continue
        pieces = [Span(starts[s[1]], ends[s[2] - 1], text[starts[s[1]]:ends[s[2] - 1]]) for s in mine]
        same = by_par.get(("SRC", par_of[c[1]]))
        if same:
            s = _nearest(c, same)
            a, b = starts[s[1]], ends[s[2] - 1]
            src: Optional[Span] = Span(a, b, text[a:b])
        else:
            src = None
        a, b = starts[c[1]], ends[c[2] - 1]
        out.append(Attribution(id=f"a{len(out) + 1}", cue=Span(a, b, text[a:b]), content=pieces, source=src,
                               direct=_direct(text, pieces)))
    return out


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
    if not any(s[0] == "CUE" for s in segs):
        return []
    nls = [m.start() for m in re.finditer("\n", text)]
    return _group(text, starts, ends, segs, [bisect_right(nls, starts[s[1]]) for s in segs])


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
    m = model(lang)
    ids, starts, ends, par_start = _tag_ids(m, text, [(s.start, s.end) for s in article.body_spans()], rules)
    if not ids:
        return []
    import numpy as np

    ids = np.array(ids, dtype=np.int64)
    segs = _segments_of_ids(ids, m.labels)
    if not any(s[0] == "CUE" for s in segs):
        return []
    pid = np.cumsum(par_start)          # paragraph number of each token
    return _group(text, starts, ends, segs, pid[[s[1] for s in segs]].tolist())
