"""Neural attribution tagger: a BiLSTM-CRF over the tokens of each paragraph, numpy only.

Like the CRF tagger (:mod:`graphkit.extract.learned`) it tags every body
token with BIO labels for ``SRC`` / ``CUE`` / ``CON`` and groups them into
attributions with :func:`graphkit.extract.learned.decode`.  Each token's input
is its word vector (pretrained sentence-encoder vectors of single words,
reduced with PCA, frozen), embeddings of its shape and its 3-letter suffix,
and small embeddings of the context template codes of
:class:`graphkit.extract.learned_features.Encoder` (quote state, distances
to cue words, the rule extractor's role of the token, ...), so the model is
stacked on the rules like the CRF.  A one-layer bidirectional LSTM reads each
paragraph; a linear layer gives the emission scores and a CRF transition
matrix the label sequence (Viterbi).

The weights are trained with torch by ``scripts/train_neural.py`` on the
PolNeAR train split and shipped as ``graphkit/models/en-attribution-neural.npz``
(vocabularies inside).  Tagging needs numpy only: all paragraphs of an article
run through the LSTM together, one matrix product per time step.  When the
model file is missing, :func:`available` is False and the rest of graphkit
works as before (``extract(..., method="neural")`` falls back to the rules).

>>> available("xx")
False
>>> paths = viterbi(np.zeros((1, 2, 2)), np.array([2]), np.array([[0.0, -5.0], [0.0, 1.0]]),
...                 np.zeros(2), np.zeros(2))
>>> paths[0].tolist()
[1, 1]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from graphkit.records import Article, Attribution

__all__ = ["available", "model", "NeuralModel", "Ensemble", "Vocab", "lstm", "viterbi", "features",
           "extract_neural", "tag", "run", "MODEL_FILES"]

MODELS = Path(__file__).resolve().parents[1] / "models"
# the first file of each language, then further ensemble members (other seeds)
MODEL_FILES = {"en": ("en-attribution-neural.npz", "en-attribution-neural-2.npz", "en-attribution-neural-3.npz",
                      "en-attribution-neural-4.npz")}
_MODELS: dict[str, "NeuralModel | Ensemble"] = {}


def _paths(lang: str) -> list[Path]:
    """The shipped model files of ``lang`` (members of an ensemble), first one first."""
    return [MODELS / n for n in MODEL_FILES.get(lang, ()) if (MODELS / n).is_file()]


def _path(lang: str) -> Optional[Path]:
    got = _paths(lang)
    return got[0] if got else None


def available(lang: str) -> bool:
    """True when a neural model for ``lang`` is shipped.

    >>> available("xx")
    False
    """
    return _path(lang) is not None


def shape(w: str) -> str:
    """A coarse word shape (case, digits, punctuation).

    >>> [shape(w) for w in ["said", "Ann", "NATO", "2016", "“", "U.S"]]
    ['x', 'Xx', 'X', 'd', '“', "w'"]
    """
    from graphkit.extract.learned_features import _shape
    return _shape(w)


def word_key(w: str) -> str:
    """The key of a word form in the word vocabulary (lower case).

    >>> word_key("Pledged")
    'pledged'
    """
    return w.lower()


def suffix_key(w: str) -> str:
    """The key of a word form in the suffix vocabulary (last 3 letters, lower case).

    >>> suffix_key("Promised")
    'sed'
    """
    return w.lower()[-3:]


class Vocab:
    """Word, shape and suffix vocabularies (id 0 is unknown) and the template sizes.

    >>> v = Vocab(["said"], ["x"], ["aid"], ("q",), (4,))
    >>> v.ids(["Said", "zzz"])
    (array([1, 0]), array([0, 1]), array([1, 0]))
    """

    def __init__(self, words: Sequence[str], shapes: Sequence[str], suffixes: Sequence[str],
                 templates: Sequence[str], sizes: Sequence[int]) -> None:
        self.words = list(words)
        self.shapes = list(shapes)
        self.suffixes = list(suffixes)
        self.templates = tuple(templates)
        self.sizes = np.array(sizes, dtype=np.int64)
        self.word_id = {w: i + 1 for i, w in enumerate(self.words)}
        self.shape_id = {w: i + 1 for i, w in enumerate(self.shapes)}
        self.suffix_id = {w: i + 1 for i, w in enumerate(self.suffixes)}
        self._cache: dict[str, tuple[int, int, int]] = {}

    def ids(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Word, shape and suffix ids of each word form."""
        cache = self._cache
        if len(cache) > 200_000:
            cache.clear()
        out = []
        for w in words:
            got = cache.get(w)
            if got is None:
                got = cache[w] = (self.word_id.get(word_key(w), 0), self.shape_id.get(shape(w), 0),
                                  self.suffix_id.get(suffix_key(w), 0))
            out.append(got)
        a = np.array(out, dtype=np.int64).reshape(-1, 3)
        return a[:, 0], a[:, 1], a[:, 2]


class Features(dict):
    """Per-token integer inputs of one article body (see :func:`features`)."""


_ENCODERS: dict[frozenset, object] = {}


def _encoder(cues: frozenset):
    from graphkit.extract.learned_features import Encoder

    enc = _ENCODERS.get(cues)
    if enc is None or len(enc.words) > 400_000:      # keep a long-running process bounded
        enc = _ENCODERS[cues] = Encoder(cues, {})
    return enc


def features(vocab: Vocab, cues: frozenset, text: str, regions: Sequence[tuple[int, int]],
             rules: Sequence[Attribution] = ()) -> Optional[dict]:
    """Token offsets, paragraph starts and integer inputs of ``regions`` of ``text``.

    Returns None when the regions hold no token; else a dict with ``words``,
    ``starts``, ``ends`` (lists), ``par_start`` (bool array), ``word``,
    ``shape``, ``suffix`` (id arrays) and ``templates`` (templates x tokens,
    codes clipped to the sizes the model knows).

    >>> v = Vocab(["said"], ["x", "Xx"], [], ("q", "r"), (4, 16))
    >>> f = features(v, frozenset({"said"}), "Ann said.", [(0, 9)])
    >>> f["word"].tolist(), f["templates"].shape
    ([0, 1, 0], (2, 3))
    """
    from graphkit.extract.learned_features import tokenize_doc

    words, starts, ends = tokenize_doc(text, regions)
    if not words:
        return None
    enc = _encoder(cues).encode(text, words, starts, ends, rules)
    wid, sid, fid = vocab.ids(words)
    n = len(words)
    tpl = np.zeros((len(vocab.templates), n), dtype=np.int64)
    for k, name in enumerate(vocab.templates):
        got = enc.templates.get(name)
        if got is not None:
            np.minimum(got, vocab.sizes[k] - 1, out=tpl[k])
    return {"words": words, "starts": starts, "ends": ends, "par_start": enc.par_start,
            "word": wid, "shape": sid, "suffix": fid, "templates": tpl}


def lstm(xi: np.ndarray, lens: np.ndarray, whh: np.ndarray) -> np.ndarray:
    """Run an LSTM over a batch of left-aligned sequences.

    ``xi`` (batch x steps x 4H) are the input projections (bias included),
    gates in torch's order i, f, g, o; ``whh`` (4H x H) the recurrent weights.
    Several LSTMs over the same lengths (the two directions of a BiLSTM) run
    together when ``xi`` and ``whh`` have a leading axis (d x batch x steps x
    4H, d x 4H x H).  Returns the hidden states (batch x steps x H, with the
    leading axis if given); steps past a sequence's length are zero.

    >>> h = lstm(np.zeros((2, 3, 8)), np.array([3, 1]), np.zeros((8, 2)))
    >>> h.shape, float(h[1, 2].sum())
    ((2, 3, 2), 0.0)
    """
    single = xi.ndim == 3
    if single:
        xi, whh = xi[None], whh[None]
    order = np.argsort(-lens, kind="stable")          # longest first: active rows are a prefix
    xs = np.ascontiguousarray(xi[:, order].transpose(0, 2, 1, 3))     # d x steps x batch x 4H
    out = _lstm_time_major(xs, lens[order], whh)
    res = np.empty(xi.shape[:3] + (out.shape[-1],), dtype=xi.dtype)
    res[:, order] = out.transpose(0, 2, 1, 3)
    res[:, np.arange(xi.shape[2])[None, :] >= lens[:, None]] = 0.0
    return res[0] if single else res


def _lstm_time_major(xs: np.ndarray, ls: np.ndarray, whh: np.ndarray) -> np.ndarray:
    """:func:`lstm` on inputs ``xs`` (d x steps x batch x 4H) whose sequences are
    sorted by decreasing length ``ls``; returns d x steps x batch x H (undefined
    past each sequence's length: padded inputs are never read)."""
    d, steps, b, four = xs.shape
    hdim = four // 4
    h = np.zeros((d, b, hdim), dtype=xs.dtype)
    c = np.zeros((d, b, hdim), dtype=xs.dtype)
    out = np.empty((d, steps, b, hdim), dtype=xs.dtype)
    whh_t = np.ascontiguousarray(whh.transpose(0, 2, 1)).astype(xs.dtype)
    active = np.searchsorted(-ls, -np.arange(1, steps + 1), "right")   # rows still running at step t
    h2 = 2 * hdim
    for t in range(steps):
        m = int(active[t])
        if m == 0:
            break
        g = np.matmul(h[:, :m], whh_t)
        g += xs[:, t, :m]
        sg = np.tanh(g * 0.5)                          # sigmoid(x) = (tanh(x / 2) + 1) / 2
        sg += 1.0
        sg *= 0.5
        cm = sg[..., hdim:h2] * c[:, :m]
        cm += sg[..., :hdim] * np.tanh(g[..., h2:3 * hdim])
        c[:, :m] = cm
        hm = sg[..., 3 * hdim:] * np.tanh(cm)
        h[:, :m] = hm
        out[:, t, :m] = hm
    return out


def viterbi(em: np.ndarray, lens: np.ndarray, trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> list[np.ndarray]:
    """Best label sequence of each (left-aligned, padded) sequence of emissions.

    ``em`` is batch x steps x labels; ``trans[i, j]`` the score of label j
    after label i; ``start`` / ``end`` the scores of the first / last label.

    >>> em = np.array([[[0.0, 1.0], [1.0, 0.0], [0.0, 0.0]]])
    >>> [p.tolist() for p in viterbi(em, np.array([2]), np.zeros((2, 2)), np.zeros(2), np.zeros(2))]
    [[1, 0]]
    """
    b, steps, k = em.shape
    if b == 0:
        return []
    score = start[None, :] + em[:, 0]
    back = np.zeros((steps, b, k), dtype=np.int64)
    final = np.where((lens == 1)[:, None], score + end, -np.inf)
    for t in range(1, steps):
        cand = score[:, :, None] + trans[None]          # b x prev x next
        back[t] = cand.argmax(1)
        new = cand.max(1) + em[:, t]
        live = (t < lens)[:, None]
        score = np.where(live, new, score)
        final = np.where((lens == t + 1)[:, None], score + end, final)
    out = []
    best = final.argmax(1)
    for i in range(b):
        n = int(lens[i])
        y = np.empty(n, dtype=np.int64)
        y[n - 1] = best[i]
        for t in range(n - 1, 0, -1):
            y[t - 1] = back[t, i, y[t]]
        out.append(y)
    return out


class NeuralModel:
    """The BiLSTM-CRF weights (from a ``.npz`` file or a dict of arrays) and tagging.

    Arrays: ``E_word``, ``E_shape``, ``E_suffix``, ``E_tpl`` (the template
    embeddings, one table; ``tpl_offsets`` says where each template's rows
    start), ``Wih_f``/``Whh_f``/``b_f`` and ``Wih_b``/``Whh_b``/``b_b`` (the
    two LSTM directions, torch layout, the two torch biases added up),
    ``W_out``/``b_out``, ``trans``/``start``/``end`` (the CRF), plus the
    vocabularies ``words``, ``shapes``, ``suffixes``, ``cues`` and a JSON
    ``meta`` (labels, template names and sizes).
    """

    def __init__(self, arrays) -> None:
        a = {k: arrays[k] for k in arrays.keys()} if not isinstance(arrays, dict) else arrays
        meta = json.loads(str(a["meta"]))
        self.meta = meta
        self.labels: list[str] = list(meta["labels"])
        self.vocab = Vocab([str(w) for w in a["words"]], [str(w) for w in a["shapes"]],
                           [str(w) for w in a["suffixes"]], meta["templates"], meta["sizes"])
        self.cues = frozenset(str(w) for w in a["cues"])
        f32 = np.float32
        self.E_word = a["E_word"].astype(f32)
        self.E_shape = a["E_shape"].astype(f32)
        self.E_suffix = a["E_suffix"].astype(f32)
        self.E_tpl = a["E_tpl"].astype(f32)
        self.tpl_offsets = a["tpl_offsets"].astype(np.int64)[:, None]
        wih = np.concatenate([a["Wih_f"], a["Wih_b"]]).astype(f32)    # 8H x D
        self.wih_t = np.ascontiguousarray(wih.T)
        self.bias = np.concatenate([a["b_f"], a["b_b"]]).astype(f32)
        self.whh_f = a["Whh_f"].astype(f32)
        self.whh_b = a["Whh_b"].astype(f32)
        self.whh = np.stack([self.whh_f, self.whh_b])
        self.w_out_t = np.ascontiguousarray(a["W_out"].astype(f32).T)
        self.b_out = a["b_out"].astype(f32)
        self.trans = a["trans"].astype(np.float64)
        self.start = a["start"].astype(np.float64)
        self.end = a["end"].astype(np.float64)

    @classmethod
    def load(cls, path: Path) -> "NeuralModel":
        """Read a model file written by ``scripts/train_neural.py``."""
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    def inputs(self, f: dict) -> np.ndarray:
        """The input vectors (tokens x D) of :func:`features` output ``f``."""
        t = self.E_tpl[f["templates"] + self.tpl_offsets]          # templates x tokens x d
        n = len(f["word"])
        return np.concatenate([self.E_word[f["word"]], self.E_shape[f["shape"]], self.E_suffix[f["suffix"]],
                               t.transpose(1, 0, 2).reshape(n, -1)], axis=1)

    def emissions(self, f: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Emission scores (paragraphs x steps x labels), paragraph lengths, firsts, token rows."""
        x = self.inputs(f)
        xi = x @ self.wih_t + self.bias                              # tokens x 8H
        n = len(x)
        firsts = np.flatnonzero(f["par_start"])
        lens = np.diff(np.append(firsts, n))
        p, steps = len(lens), int(lens.max())
        row = np.repeat(np.arange(p), lens)
        pos = np.arange(n) - np.repeat(firsts, lens)
        rpos = np.repeat(lens, lens) - 1 - pos                        # position in the reversed paragraph
        h4 = xi.shape[1] // 2
        rank = np.empty(p, dtype=np.int64)
        rank[np.argsort(-lens, kind="stable")] = np.arange(p)       # longest paragraph first
        rr = rank[row]
        grid = np.empty((2, steps, p, h4), dtype=xi.dtype)         # padding is never read
        grid[0, pos, rr] = xi[:, :h4]
        grid[1, rpos, rr] = xi[:, h4:]
        hs = _lstm_time_major(grid, np.sort(lens)[::-1], self.whh)
        hf = hs[0, pos, rr]
        hb = hs[1, rpos, rr]
        e = np.concatenate([hf, hb], axis=1) @ self.w_out_t + self.b_out
        em = np.zeros((p, steps, len(self.labels)))
        em[row, pos] = e
        return em, lens, firsts, row

    def tag_ids(self, f: dict) -> np.ndarray:
        """Label index of every token of :func:`features` output ``f``."""
        em, lens, _, _ = self.emissions(f)
        paths = viterbi(em, lens, self.trans, self.start, self.end)
        return np.concatenate(paths) if paths else np.zeros(0, dtype=np.int64)


class Ensemble:
    """Models of one language trained with different seeds: their emission
    scores and CRF weights are averaged before Viterbi decoding.

    >>> e = Ensemble([NeuralModel.__new__(NeuralModel)] * 0)
    Traceback (most recent call last):
    ...
    ValueError: an ensemble needs at least one model
    """

    def __init__(self, members: Sequence[NeuralModel]) -> None:
        if not members:
            raise ValueError("an ensemble needs at least one model")
        self.members = list(members)
        self.labels = members[0].labels
        if any(m.labels != self.labels for m in members):
            raise ValueError("ensemble members have different label sets")
        first = members[0]
        # members trained on the same split share their inputs: tokenise and encode once
        self.same_inputs = all(
            m.cues == first.cues and m.vocab.words == first.vocab.words and m.vocab.shapes == first.vocab.shapes
            and m.vocab.suffixes == first.vocab.suffixes and m.vocab.templates == first.vocab.templates
            and np.array_equal(m.vocab.sizes, first.vocab.sizes) for m in members)
        self.trans = np.mean([m.trans for m in members], axis=0)
        self.start = np.mean([m.start for m in members], axis=0)
        self.end = np.mean([m.end for m in members], axis=0)


def model(lang: str) -> "NeuralModel | Ensemble":
    """The cached neural model for ``lang`` (an :class:`Ensemble` when
    several members are shipped); loads it once.

    >>> import pytest
    >>> with pytest.raises(ValueError):
    ...     model("xx")
    """
    got = _MODELS.get(lang)
    if got is None:
        if not available(lang):
            raise ValueError(f"no neural attribution model for language {lang!r}")
        members = [NeuralModel.load(p) for p in _paths(lang)]
        got = _MODELS[lang] = members[0] if len(members) == 1 else Ensemble(members)
    return got


def tag(text: str, regions: Sequence[tuple[int, int]], rules: Sequence[Attribution] = (),
        lang: str = "en", net: Optional[NeuralModel] = None) -> tuple[list[str], list[int], list[int]]:
    """BIO labels of the tokens of ``regions`` (with their start and end offsets).

    >>> tag("", [(0, 0)], net=NeuralModel.__new__(NeuralModel))
    ([], [], [])
    """
    m = net or model(lang)
    if not text:
        return [], [], []
    members = m.members if isinstance(m, Ensemble) else [m]
    shared = isinstance(m, Ensemble) and m.same_inputs
    em = lens = f = None
    for mm in members:
        if f is None or not shared:
            f = features(mm.vocab, mm.cues, text, regions, rules)
        if f is None:
            return [], [], []
        e, lens, _, _ = mm.emissions(f)
        em = e if em is None else em + e
    paths = viterbi(em / len(members), lens, m.trans, m.start, m.end)
    ids = np.concatenate(paths) if paths else np.zeros(0, dtype=np.int64)
    return [m.labels[i] for i in ids.tolist()], f["starts"], f["ends"]


def extract_neural(article: Article, rules: Optional[Sequence[Attribution]] = None,
                   lang: str = "en", net: Optional[NeuralModel] = None) -> list[Attribution]:
    """Attributions found by the neural tagger in ``article.body_spans()``.

    ``rules`` are the rule extractor's attributions (computed when not
    given: the model reads them as features).  Raises ValueError when no
    model is shipped for ``lang``.  Stance and certainty keep their defaults.

    >>> if available("en"):
    ...     t = "“It works,” Ann said."
    ...     atts = extract_neural(Article(text=t, lang="en"))
    ...     assert all(s.text == t[s.start:s.end] for a in atts for s in a.spans())
    """
    from graphkit.extract.learned import decode

    m = net or model(lang)
    text = article.text or ""
    if not text:
        return []
    body = article.body_spans()
    if rules is None:
        from graphkit.extract import extract_text
        rules = extract_text(text, lang, body)
    labels, starts, ends = tag(text, [(s.start, s.end) for s in body], rules, lang, m)
    return decode(text, starts, ends, labels)


def run(article: Article, lang: str, method: str, net: Optional[NeuralModel] = None) -> list[Attribution]:
    """Attributions by ``method``: "neural" (the BiLSTM-CRF's spans) or
    "neural-hybrid" (its spans merged with the rule attributions by
    :func:`graphkit.extract.learned_hybrid.combine`: stance, certainty and
    nesting from the rules).  Without a model for ``lang`` both give the rules.

    >>> [a.cue.text for a in run(Article(text="Istana membantah kabar itu.", lang="id"), "id", "neural")]
    ['membantah']
    """
    from graphkit.extract import extract_text

    if method not in ("neural", "neural-hybrid"):
        raise ValueError(f"unknown neural method {method!r} (expected neural or neural-hybrid)")
    text = article.text or ""
    if not text:
        return []
    rules = extract_text(text, lang, article.body_spans())
    if net is None and not available(lang):
        return rules
    found = extract_neural(article, rules, lang, net)
    from graphkit.extract.learned_hybrid import combine
    if method == "neural":      # the tagger's spans; stance, certainty, nesting from them alone
        return combine(text, lang, [], found, prefer="learned")
    return combine(text, lang, rules, found, prefer="learned")
