"""Shared test fixtures.

Third-party evaluation data and corpora are read from ``../shared`` next to
the repository (never copied into it); tests that need them skip with a
reason when it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = REPO / "data"
SEED_TEXT = SHARED / "eval" / "seed" / "kompastv-2024-10-11-rusia-korut.txt"
SEED_GOLD = SHARED / "eval" / "seed" / "kompastv-2024-10-11-rusia-korut.gold.json"
POLNEAR = SHARED / "eval" / "polnear"
CORPORA = SHARED / "corpora"

needs_shared = pytest.mark.skipif(
    not (SHARED / "eval").is_dir(),
    reason="../shared (third-party eval data, not part of the repository) is absent",
)


@pytest.fixture
def seed_text() -> str:
    """The seed article as bundled in data/articles (the same file as in ../shared)."""
    return (DATA / "articles" / "kompastv-2024-10-11-rusia-korut.txt").read_text(encoding="utf-8")
