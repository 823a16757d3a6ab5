"""Tokens and CRF features for the learned attribution tagger.

Shared by training (``scripts/train_tagger.py``) and tagging
(:mod:`graphkit.extract.learned`), so both see exactly the same features.
Every paragraph of an article body is one CRF sequence.  A token's
attributes come in two kinds:

* word attributes, a function of one word form only (the word, its shape,
  affixes, clusters, cue-list membership) for the token itself and for its
  neighbours at -2..+2 (``Encoder.word_strings``);
* context templates: one small integer code per token and template
  (quote state, distance to the nearest cue word and to the nearest cue the
  rule extractor found, the rule extractor's role of the token, ...),
  computed with array operations (``Encoder.encode``).  The attribute string
  of a template is ``"<name>=<code>"``.

Training turns both into strings (:func:`strings`); tagging adds up the
model weights per word form (cached) and per template code, so no per-token
strings are built.

>>> t = "He said: “Yes.”"
>>> words, starts, ends = tokenize_doc(t, [(0, len(t))])
>>> words
['He', 'said', ':', '“', 'Yes', '.', '”']
>>> encoder = Encoder(frozenset({"said"}), {})
>>> feats = strings(encoder.encode(t, words, starts, ends), encoder)
>>> "cue" in feats[1] and "q=1" in feats[4]
True
"""
from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Sequence

import numpy as np

_TOKEN = re.compile(r"''|``|‘‘|’’|\w+(?:['’]\w+)*|[^\w\s]")
OPEN_Q = frozenset(("“", "«", "„", "``", "‘‘"))
CLOSE_Q = frozenset(("”", "»", "’’"))
STRAIGHT = frozenset(('"', "''"))
_END = frozenset(".!?")
# Short words that end with a period without ending the sentence (layout, not language lore).
_ABBR = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt",
                   "col", "sgt", "prof", "rev", "vs", "no", "inc", "co", "corp", "ltd"})

# word flags
CUE, OPEN, CLOSE, STR, END, UPPER, ABBR = 1, 2, 4, 8, 16, 32, 64
ROLES = ("O", "SRC", "CUE", "CON")
NEAR = (-2, -1, 1, 2)
# distance buckets: 0 = none, 1, 2, 3, 4-6, 7-10, 11-20, >20
_BUCKET = np.array([0, 1, 2, 3, 4, 4, 4, 5, 5, 5, 5] + [6] * 10 + [7], dtype=np.int64)


class Token(NamedTuple):
    """A token with its document offsets.

    >>> Token("said", 3, 7).end
    7
    """

    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into word and punctuation tokens; offsets add ``offset``.

    >>> [(t.text, t.start) for t in tokenize("Ann’s dog.", 10)]
    [('Ann’s', 10), ('dog', 16), ('.', 19)]
    """
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def tokenize_doc(text: str, regions: Iterable[tuple[int, int]]) -> tuple[list[str], list[int], list[int]]:
    """Words, start and end offsets of the tokens of every region of ``text``.

    >>> tokenize_doc("a b. c", [(5, 6)])
    (['c'], [5], [6])
    """
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(regions):
        ms = list(_TOKEN.finditer(text, s, e))
        words += [m.group() for m in ms]
        starts += [m.start() for m in ms]
        ends += [m.end() for m in ms]
    return words, starts, ends


def _codes(text: str) -> np.ndarray:
    """The code points of ``text``, one per character (offsets as in ``text``).

    >>> _codes("a’").tolist()
    [97, 8217]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def read_cues(path: Path) -> frozenset[str]:
    """Cue word forms from a text file (one a line, ``#`` comments).

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
    ...     _ = fh.write("# cues\\nsaid\\nSays\\n")
    >>> sorted(read_cues(Path(fh.name))); os.unlink(fh.name)
    ['said', 'says']
    """
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line)
    return frozenset(out)


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Word clusters from a text file: ``word<TAB>cluster<TAB>cluster...`` a line.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
    ...     _ = fh.write("said\\t3\\t41\\n")
    >>> read_clusters(Path(fh.name)); os.unlink(fh.name)
    {'said': ('3', '41')}
    """
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#"):
            out[parts[0]] = tuple(parts[1:])
    return out


def _line_breaks(text: str) -> np.ndarray:
    """Offsets of the line breaks of ``text``.

    >>> _line_breaks("a\\nb\\n").tolist()
    [1, 3]
    """
    return np.flatnonzero(_codes(text) == 10)


def _shape(w: str) -> str:
    if w.isalpha():
        if w.islower():
            return "x"
        if w.isupper():
            return "X" if len(w) > 1 else "X1"
        if w[0].isupper():
            return "Xx"
        return "xX"
    if w.isdigit():
        return "d"
    if len(w) == 1:
        return w
    if any(c.isdigit() for c in w):
        return "dx"
    return "w'" if w[0].isupper() else "x'"


class Encoded(NamedTuple):
    """One article body as integer arrays (see :meth:`Encoder.encode`)."""

    ids: np.ndarray                 # word id per token (0 = no word)
    par_start: np.ndarray           # bool: token starts a paragraph (a CRF sequence)
    templates: dict[str, np.ndarray]
    starts: list[int]
    ends: list[int]


class Encoder:
    """Maps word forms to ids (with their flags and attribute strings) and
    computes the context templates of a token sequence."""

    def __init__(self, cues: frozenset[str], clusters: dict[str, tuple[str, ...]]) -> None:
        self.cues = cues
        self.clusters = clusters
        self.vocab: dict[str, int] = {"": 0}
        self.words: list[str] = [""]
        self._flags: list[int] = [0]
        self.flags = np.zeros(1, dtype=np.int64)

    def word_id(self, w: str) -> int:
        i = self.vocab.get(w)
        if i is None:
            i = self.vocab[w] = len(self.words)
            self.words.append(w)
            lw = w.lower()
            f = (CUE if lw in self.cues else 0) | (OPEN if w in OPEN_Q else 0) | (CLOSE if w in CLOSE_Q else 0)
            f |= (STR if w in STRAIGHT else 0) | (END if w in _END else 0)
            f |= UPPER if (w[0].isupper() or w[0].isdigit() or w in OPEN_Q or w in STRAIGHT) else 0
            f |= ABBR if (lw in _ABBR or (len(lw) == 1 and lw.isalpha())) else 0
            self._flags.append(f)
        return i

    def word_strings(self, w: str, k: int = 0) -> list[str]:
        """Attribute strings of word form ``w`` seen at relative position ``k``.

        >>> Encoder(frozenset({"said"}), {}).word_strings("Said", -1)
        ['-1w=said', '-1sh=Xx', '-1cue', '-1c0=none']
        """
        if not w:
            return []
        lw = w.lower()
        if k == 0:
            f = ["w=" + lw, "sh=" + _shape(w), "s3=" + lw[-3:], "s2=" + lw[-2:], "p3=" + lw[:3]]
            if lw in self.cues:
                f.append("cue")
            for j, c in enumerate(self.clusters.get(lw, ("none",))):
                f.append(f"c{j}=" + c)
            return f
        p = str(k)
        f = [p + "w=" + lw, p + "sh=" + _shape(w)]
        if lw in self.cues:
            f.append(p + "cue")
        if -1 <= k <= 1:
            for j, c in enumerate(self.clusters.get(lw, ("none",))):
                f.append(f"{p}c{j}=" + c)
        return f

    def encode(self, text: str, words: Sequence[str], starts: list[int], ends: list[int],
               rules: Optional[Sequence] = None) -> Encoded:
        """Word ids, paragraph starts and context templates of one token sequence.

        ``rules`` are the rule extractor's attributions for the same text
        (objects with ``cue``, ``content``, ``source`` spans and ``direct``).

        >>> t = "Ann said: “No.”"
        >>> w, s, e = tokenize_doc(t, [(0, len(t))])
        >>> Encoder(frozenset({"said"}), {}).encode(t, w, s, e).templates["q"].tolist()
        [0, 0, 0, 2, 1, 1, 3]
        """
        n = len(words)
        ids_l = list(map(self.vocab.get, words))
        if None in ids_l:
            ids_l = [i if i is not None else self.word_id(w) for i, w in zip(ids_l, words)]
            self.flags = np.array(self._flags, dtype=np.int64)
        ids = np.array(ids_l, dtype=np.int64)
        if n == 0:
            return Encoded(ids, np.zeros(0, dtype=bool), {}, starts, ends)
        fl = self.flags[ids]
        st = np.array(starts, dtype=np.int64)
        en = np.array(ends, dtype=np.int64)
        idx = np.arange(n)

        # paragraphs: a line break between two tokens
        par_start = np.ones(n, dtype=bool)
        if n > 1:
            nls = _line_breaks(text)
            par_start[1:] = nls.searchsorted(st[1:]) > nls.searchsorted(en[:-1])
        pid = np.cumsum(par_start) - 1
        pfirst = idx[par_start]
        plast = np.empty_like(pfirst)
        plast[:-1] = pfirst[1:] - 1
        plast[-1] = n - 1
        ppos = idx - pfirst[pid]
        pf_tok = pfirst[pid]
        pl_tok = plast[pid]

        # quote state (resets at each paragraph)
        is_open = (fl & OPEN) > 0
        is_close = (fl & CLOSE) > 0
        is_str = (fl & STR) > 0

        marks = np.stack((is_open, is_close, is_str)).astype(np.int64)
        c = np.cumsum(marks, 1)
        c -= (c - marks)[:, pf_tok]                               # counts within the paragraph
        inq_after = (c[0] - c[1] > 0) | (c[2] % 2 == 1)
        inq_before = np.zeros(n, dtype=bool)
        inq_before[1:] = inq_after[:-1]
        inq_before[par_start] = False
        q = np.where(is_open | (is_str & ~inq_before), 2,
                     np.where(is_close | (is_str & inq_before), 3, inq_before.astype(np.int64)))

        # sentences: . ! ? (not after an abbreviation), or a closing quote after one,
        # before a capital / digit / opening quote
        sent_start = par_start.copy()
        if n > 2:
            up = (fl[1:] & UPPER) > 0
            prev_end = (fl[:-1] & END) > 0
            prev2_abbr = np.zeros(n - 1, dtype=bool)
            prev2_abbr[1:] = (fl[:-2] & ABBR) > 0
            after_q = np.zeros(n - 1, dtype=bool)
            after_q[1:] = ((fl[1:-1] & (CLOSE | STR)) > 0) & ((fl[:-2] & END) > 0)
            sent_start[1:] |= up & ((prev_end & ~prev2_abbr) | after_q)
        sid = np.cumsum(sent_start) - 1
        sfirst = idx[sent_start]
        slast = np.empty_like(sfirst)
        slast[:-1] = sfirst[1:] - 1
        slast[-1] = n - 1
        sf_tok = sfirst[sid]
        spos = idx - sf_tok

        is_cue = (fl & CUE) > 0
        q_mark = q >= 2

        # the rule extractor's reading, painted span by span (later spans win): per token
        # r = 2 * role + begin + 8 * direct, role 1 source, 2 cue, 3 content
        r = np.zeros(n, dtype=np.int64)
        if rules:
            for order in (3, 1, 2):
                for a in rules:
                    spans = (a.content if order == 3 else [a.source] if order == 1 else [a.cue])
                    code = 2 * order + (8 if a.direct else 0)
                    for sp in spans:
                        if sp is None:
                            continue
                        i0 = bisect_left(starts, sp.start)
                        i1 = bisect_left(starts, sp.end)
                        if i1 > i0:
                            r[i0:i1] = code
                            r[i0] = code + 1
        role = (r >> 1) & 3
        rule_cue = role == 2
        nsent = int(sid[-1]) + 1
        per_sent = np.bincount((sid + np.arange(0, 3 * nsent, nsent)[:, None]).ravel(),
                               np.stack((is_cue, q_mark, rule_cue)).ravel(), 3 * nsent)
        s_cue, s_quote, s_rcue = per_sent.reshape(3, nsent)[:, sid] > 0

        # distances to the nearest mark on the left / right within a segment (the cue
        # words' within the sentence, the others' within the paragraph)
        left_marks = np.stack((is_cue, rule_cue, q == 3))
        right_marks = np.stack((is_cue, rule_cue, q == 2))
        firsts = np.stack((sf_tok, pf_tok, pf_tok))
        lasts = np.stack((slast[sid], pl_tok, pl_tok))
        last = np.maximum.accumulate(np.where(left_marks, idx, -1), 1)
        lb = np.full((3, n), -1, dtype=np.int64)
        lb[:, 1:] = last[:, :-1]
        dl = _BUCKET[np.minimum(np.where(lb >= firsts, idx - lb, 0), 21)]
        nxt = np.minimum.accumulate(np.where(right_marks, idx, n)[:, ::-1], 1)[:, ::-1]
        na = np.full((3, n), n, dtype=np.int64)
        na[:, :-1] = nxt[:, 1:]
        dr = _BUCKET[np.minimum(np.where(na <= lasts, na - idx, 0), 21)]
        dcl, rcl, qcl = dl
        dcr, rcr, qor = dr

        r_prev = np.empty(n, dtype=np.int64)
        r_prev[1:] = r[:-1]
        r_prev[par_start] = 16
        r_next = np.empty(n, dtype=np.int64)
        r_next[:-1] = r[1:]
        r_next[plast] = 16
        pq = q[pf_tok] == 2
        edge = par_start + 2 * (idx == pl_tok)
        cap = ((fl & UPPER) > 0) & (spos > 0)
        templates = {
            "q": q,
            "dcl": dcl, "dcr": dcr, "rcl": rcl, "rcr": rcr, "qcl": qcl, "qor": qor,
            "nq": ((dcl == 0) & (dcr == 0)) * 4 + q,
            "cq": is_cue * 4 + q,
            "r": r, "rp": r_prev * 17 + r, "rn": r * 17 + r_next,
            "rq": role * 4 + q,
            "sp": _BUCKET[np.minimum(spos, 21)], "pp": _BUCKET[np.minimum(ppos, 21)],
            "pq": pq.astype(np.int64),
            "sc": s_cue * 4 + s_quote * 2 + s_rcue,
            "edge": edge.astype(np.int64), "cap": cap.astype(np.int64),
        }
        return Encoded(ids, par_start, templates, starts, ends)


def strings(enc: Encoded, encoder: Optional[Encoder] = None) -> list[list[str]]:
    """Attribute strings for each token (what the CRF trainer sees).

    Word attributes need the ``encoder`` that made ``enc`` (its vocabulary);
    without it only the bias and the templates are given.

    >>> t = "“No,” she said."
    >>> w, s, e = tokenize_doc(t, [(0, len(t))])
    >>> enc = Encoder(frozenset({"said"}), {}).encode(t, w, s, e)
    >>> f = strings(enc)
    >>> "q=1" in f[1], "dcr=2" in f[3]
    (True, True)
    """
    n = len(enc.ids)
    names = list(enc.templates)
    cols = [[name + "=" + str(v) for v in enc.templates[name].tolist()] for name in names]
    out = [["b"] + [c[i] for c in cols] for i in range(n)]
    if encoder is None:
        return out
    ids = enc.ids.tolist()
    ps = enc.par_start.tolist()
    own = {}
    near = {}
    for i in range(n):
        w = encoder.words[ids[i]]
        f = own.get(w)
        if f is None:
            f = own[w] = encoder.word_strings(w, 0)
        out[i] += f
    for i in range(n):
        for k in NEAR:
            j = i + k
            if j < 0 or j >= n:
                continue
            lo, hi = (j, i) if k < 0 else (i, j)
            if any(ps[x] for x in range(lo + 1, hi + 1)):
                continue
            key = (ids[j], k)
            f = near.get(key)
            if f is None:
                f = near[key] = encoder.word_strings(encoder.words[ids[j]], k)
            out[i] += f
    return out


def paragraphs_of(par_start: np.ndarray) -> list[tuple[int, int]]:
    """(first, last + 1) token index of each paragraph.

    >>> paragraphs_of(np.array([True, False, True]))
    [(0, 2), (2, 3)]
    """
    firsts = np.flatnonzero(par_start).tolist()
    return list(zip(firsts, firsts[1:] + [len(par_start)]))


def spans_to_bio(tokens: Sequence[tuple[int, int]], spans: Iterable[tuple[str, int, int, int]]) -> list[str]:
    """BIO labels from labelled character spans ``(role, start, end, group)``.

    ``tokens`` are ``(start, end)`` pairs.  A token takes the role of the
    span covering its first character; a new ``B-`` starts whenever the role
    or the group (attribution) changes.

    >>> toks = [(t.start, t.end) for t in tokenize("Ann said it rains.")]
    >>> spans_to_bio(toks, [("SRC", 0, 3, 0), ("CUE", 4, 8, 0), ("CON", 9, 17, 0)])
    ['B-SRC', 'B-CUE', 'B-CON', 'I-CON', 'O']
    """
    spans = sorted(spans, key=lambda s: s[1])
    labels = []
    prev_key = None
    j = 0
    for start, _ in tokens:
        while j < len(spans) and spans[j][2] <= start:
            j += 1
        hit = None
        for k in range(j, min(j + 3, len(spans))):
            role, s, e, g = spans[k]
            if s <= start < e:
                hit = (role, g)
                break
        if hit is None:
            labels.append("O")
            prev_key = None
            continue
        labels.append(("I-" if hit == prev_key else "B-") + hit[0])
        prev_key = hit
    return labels
