"""Tokens and CRF features for the learned attribution tagger.

Shared by training (``scripts/train_polnear.py``) and tagging
(:mod:`graphkit.extract.learned`), so both see exactly the same features.
A document region (one body span) is split into tokens with character
offsets; every token gets a list of string features.  Per-word features are
cached by word form, so the per-token work is a few list concatenations.

>>> toks = tokenize("He said: “Yes.”", 0)
>>> [t.text for t in toks]
['He', 'said', ':', '“', 'Yes', '.', '”']
>>> feats = features(toks, "He said: “Yes.”", frozenset({"said"}))
>>> "cue" in feats[1] and "q=in" in feats[4]
True
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, NamedTuple

_TOKEN = re.compile(r"''|``|‘‘|’’|\w+(?:['’]\w+)*|[^\w\s]")
OPEN_Q = frozenset(("“", "«", "„", "``", "‘‘"))
CLOSE_Q = frozenset(("”", "»", "’’"))
STRAIGHT_Q = '"'
STRAIGHT = frozenset(('"', "''"))
_END = frozenset(".!?")
# Short words that end with a period without ending the sentence (layout, not language lore).
_ABBR = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt",
                   "col", "sgt", "prof", "rev", "vs", "no", "inc", "co", "corp", "ltd"})


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


class _Cache:
    """Per-word-form feature lists for each relative position."""

    def __init__(self, cues: frozenset[str], clusters: dict[str, tuple[str, ...]]) -> None:
        self.cues = cues
        self.clusters = clusters
        self.own: dict[str, list[str]] = {}
        self.rel: dict[tuple[str, int], list[str]] = {}

    def word(self, w: str) -> list[str]:
        f = self.own.get(w)
        if f is None:
            lw = w.lower()
            sh = _shape(w)
            f = ["w=" + lw, "sh=" + sh, "s3=" + lw[-3:], "s2=" + lw[-2:], "p3=" + lw[:3]]
            if lw in self.cues:
                f.append("cue")
            for j, c in enumerate(self.clusters.get(lw, ("none",))):
                f.append(f"c{j}=" + c)
            self.own[w] = f
        return f

    def near(self, w: str, k: int) -> list[str]:
        key = (w, k)
        f = self.rel.get(key)
        if f is None:
            lw = w.lower()
            p = str(k)
            f = [p + "w=" + lw, p + "sh=" + _shape(w)]
            if lw in self.cues:
                f.append(p + "cue")
            if -1 <= k <= 1:
                for j, c in enumerate(self.clusters.get(lw, ("none",))):
                    f.append(f"{p}c{j}=" + c)
            self.rel[key] = f
        return f


_CACHES: dict[tuple[frozenset[str], int], _Cache] = {}
_NO_CLUSTERS: dict[str, tuple[str, ...]] = {}


def _cache(cues: frozenset[str], clusters: dict[str, tuple[str, ...]]) -> _Cache:
    key = (cues, id(clusters))
    c = _CACHES.get(key)
    if c is None or c.clusters is not clusters:
        c = _CACHES[key] = _Cache(cues, clusters)
    return c


def _bucket(d: int) -> str:
    if d <= 3:
        return str(d)
    if d <= 6:
        return "4"
    if d <= 10:
        return "7"
    if d <= 20:
        return "11"
    return "21"


def sentence_ids(tokens: list[Token], text: str) -> list[int]:
    """Sentence number of every token (breaks at . ! ? before a capital or quote, and at newlines).

    >>> t = "Mr. Li came. He said so.\\nYes"
    >>> sentence_ids(tokenize(t), t)
    [0, 0, 0, 0, 0, 1, 1, 1, 1, 2]
    """
    out = []
    sid = 0
    n = len(tokens)
    pending = False
    for i, tok in enumerate(tokens):
        if i and (pending or "\n" in text[tokens[i - 1].end:tok.start]):
            sid += 1
        out.append(sid)
        pending = False
        w = tok.text
        if w in _END and i + 1 < n:
            prev = tokens[i - 1].text.lower() if i else ""
            nxt = tokens[i + 1].text
            if not (prev in _ABBR or (len(prev) == 1 and prev.isalpha())):
                if nxt[0].isupper() or nxt[0].isdigit() or nxt in OPEN_Q or nxt in STRAIGHT:
                    pending = True
        elif (w in CLOSE_Q or w in STRAIGHT) and i and tokens[i - 1].text in _END and i + 1 < n:
            nxt = tokens[i + 1].text
            if nxt[0].isupper() or nxt in OPEN_Q:
                pending = True
    return out


def features(tokens: list[Token], text: str, cues: frozenset[str],
             clusters: dict[str, tuple[str, ...]] | None = None) -> list[list[str]]:
    """CRF features for each token of one region of ``text``.

    Quote state resets at each newline (paragraph); cue distances are counted
    within the sentence.  ``clusters`` maps lower-cased words to cluster ids
    (see :func:`read_clusters`).

    >>> t = "“No,” she said."
    >>> f = features(tokenize(t), t, frozenset({"said"}))
    >>> "q=in" in f[1], "dcR=2" in f[3]
    (True, True)
    """
    n = len(tokens)
    if n == 0:
        return []
    c = _cache(cues, _NO_CLUSTERS if clusters is None else clusters)
    words = [t.text for t in tokens]
    own = [c.word(w) for w in words]
    sids = sentence_ids(tokens, text)
    is_cue = ["cue" in f for f in own]
    lows = [w.lower() for w in words]
    own_cap = [w[0].isupper() for w in words]

    # Quote state, paragraph starts (left to right).
    qstate: list[str] = []
    par_start = [False] * n
    inq = False
    for i, tok in enumerate(tokens):
        if i == 0 or "\n" in text[tokens[i - 1].end:tok.start]:
            inq = False
            par_start[i] = True
        w = tok.text
        if w in OPEN_Q or (w in STRAIGHT and not inq):
            qstate.append("q=open")
            inq = True
        elif w in CLOSE_Q or (w in STRAIGHT and inq):
            qstate.append("q=close")
            inq = False
        else:
            qstate.append("q=in" if inq else "q=out")

    # Tokens since the last closing quote / until the next opening quote (same paragraph).
    since_close = [0] * n
    last = -1
    for i in range(n):
        if par_start[i]:
            last = -1
        since_close[i] = i - last if last >= 0 else 0
        if qstate[i] == "q=close":
            last = i
    until_open = [0] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        until_open[i] = nxt - i if nxt >= 0 else 0
        if qstate[i] == "q=open":
            nxt = i
        if par_start[i]:
            nxt = -1
    par_quote = [False] * n
    pq = False
    for i in range(n):
        if par_start[i]:
            pq = qstate[i] == "q=open"
        par_quote[i] = pq

    # Distance to the nearest cue word on the left / right within the sentence.
    left = [0] * n
    last = -1
    last_sid = -1
    for i in range(n):
        if sids[i] != last_sid:
            last, last_sid = -1, sids[i]
        left[i] = i - last if last >= 0 else 0
        if is_cue[i]:
            last = i
    right = [0] * n
    nxt = -1
    nxt_sid = -1
    for i in range(n - 1, -1, -1):
        if sids[i] != nxt_sid:
            nxt, nxt_sid = -1, sids[i]
        right[i] = nxt - i if nxt >= 0 else 0
        if is_cue[i]:
            nxt = i

    # Sentence-level facts.
    sent_cue: dict[int, bool] = {}
    sent_quote: dict[int, bool] = {}
    sent_start: dict[int, int] = {}
    for i in range(n):
        s = sids[i]
        sent_start.setdefault(s, i)
        if is_cue[i]:
            sent_cue[s] = True
        if qstate[i] in ("q=open", "q=close"):
            sent_quote[s] = True

    out: list[list[str]] = []
    near = c.near
    for i in range(n):
        f = ["b", qstate[i]] + own[i]
        s = sids[i]
        pos = i - sent_start[s]
        f.append("sp=" + _bucket(pos))
        if par_start[i]:
            f.append("par0")
        if sent_cue.get(s):
            f.append("scue")
        if sent_quote.get(s):
            f.append("squote")
        if left[i]:
            f.append("dcL=" + _bucket(left[i]))
        if right[i]:
            f.append("dcR=" + _bucket(right[i]))
        if not left[i] and not right[i]:
            f.append("nocue|" + qstate[i])
        if since_close[i]:
            f.append("qcL=" + _bucket(since_close[i]))
        if until_open[i]:
            f.append("qoR=" + _bucket(until_open[i]))
        if par_quote[i]:
            f.append("pq")
        lw = lows[i]
        if i > 0:
            f.append("b-=" + lows[i - 1] + "|" + lw)
        if i + 1 < n:
            f.append("b+=" + lw + "|" + lows[i + 1])
        if own_cap[i] and pos:
            f.append("cap")
        if i > 0:
            f += near(words[i - 1], -1)
            if i > 1:
                f += near(words[i - 2], -2)
        else:
            f.append("BOS")
        if i + 1 < n:
            f += near(words[i + 1], 1)
            if i + 2 < n:
                f += near(words[i + 2], 2)
        else:
            f.append("EOS")
        out.append(f)
    return out


def spans_to_bio(tokens: list[Token], spans: Iterable[tuple[str, int, int, int]]) -> list[str]:
    """BIO labels from labelled character spans ``(role, start, end, group)``.

    A token takes the role of the span covering its first character; a new
    ``B-`` starts whenever the role or the group (attribution) changes, so the
    pieces of one split content continue with ``I-`` across a gap only when
    no other token lies between them.

    >>> toks = tokenize("Ann said it rains.")
    >>> spans_to_bio(toks, [("SRC", 0, 3, 0), ("CUE", 4, 8, 0), ("CON", 9, 17, 0)])
    ['B-SRC', 'B-CUE', 'B-CON', 'I-CON', 'O']
    """
    spans = sorted(spans, key=lambda s: s[1])
    labels = []
    prev_key = None
    j = 0
    for tok in tokens:
        while j < len(spans) and spans[j][2] <= tok.start:
            j += 1
        hit = None
        for k in range(j, min(j + 3, len(spans))):
            role, s, e, g = spans[k]
            if s <= tok.start < e:
                hit = (role, g)
                break
        if hit is None:
            labels.append("O")
            prev_key = None
            continue
        key = hit
        labels.append(("I-" if key == prev_key else "B-") + hit[0])
        prev_key = key
    return labels
