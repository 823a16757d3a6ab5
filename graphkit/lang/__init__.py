"""Language data: per-language TOML files a user can extend without code.

Layout: ``graphkit/lang/data/<lang>/<name>.toml`` (shipped) plus the same
layout under every directory listed in the environment variable
``GRAPHKIT_LANG_PATH`` (``os.pathsep``-separated).  Files with the same
``<lang>/<name>.toml`` are merged: lists are concatenated, tables merged
key by key, scalars overridden by the later file.  Language-independent
data lives under ``data/common/``.  See docs/languages.md.

>>> "id" in languages() and "en" in languages()
True
>>> detect("Menurut juru bicara itu, pasukan yang dikirim ke sana telah kembali.")
'id'
>>> detect("The spokesman said that the troops had been sent there.")
'en'
"""
from __future__ import annotations

import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")


def _roots() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("GRAPHKIT_LANG_PATH", "").split(os.pathsep) if p]
    return [DATA, *extra]


def _merge(a: Any, b: Any) -> Any:
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = _merge(out[k], v) if k in out else v
        return out
    if isinstance(a, list) and isinstance(b, list):
        return a + [x for x in b if x not in a]
    return b


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict:
    """Merged contents of ``<lang>/<name>.toml`` from every data root.

    Returns an empty dict when no root has the file.

    >>> isinstance(load("en", "language"), dict)
    True
    """
    merged: dict = {}
    for root in _roots():
        path = root / lang / f"{name}.toml"
        if path.is_file():
            with path.open("rb") as fh:
                try:
                    merged = _merge(merged, tomllib.load(fh))
                except tomllib.TOMLDecodeError as exc:
                    raise ValueError(f"{path}: invalid TOML: {exc}") from None
    return merged


@lru_cache(maxsize=None)
def _languages(roots: tuple[Path, ...]) -> tuple[str, ...]:
    found = set()
    for root in roots:
        if root.is_dir():
            found.update(p.parent.name for p in root.glob("*/language.toml"))
    found.discard("common")
    return tuple(sorted(found))


def languages() -> list[str]:
    """Languages that have a ``language.toml`` in some data root."""
    return list(_languages(tuple(_roots())))


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load(lang, "language").get("stopwords", []))


def detect(text: str, default: str = "en", sample: int = 20000) -> str:
    """Guess the language of a text from the stopword lists in
    ``<lang>/language.toml`` (the language whose stopwords cover most words).
    """
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return default
    best, best_hits = default, 0
    for lang in languages():
        sw = _stopwords(lang)
        hits = sum(1 for w in words if w in sw)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best


def clear_cache() -> None:
    """Forget loaded files (after changing GRAPHKIT_LANG_PATH)."""
    load.cache_clear()
    _stopwords.cache_clear()
    _languages.cache_clear()
