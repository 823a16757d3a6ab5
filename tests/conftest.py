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


# ---------------------------------------------------------------------------
# A small hand-made graph (text written for graphkit's tests, not real news),
# with resolved records, for testing the store, queries, analysis and viz
# independently of extraction quality.

MINI_TEXT = (
    "Illustrative test article.\n\n"
    "The ministry denied that the dam had failed.\n\n"
    "\u201cThis is fake news,\u201d spokeswoman Rina Wulan said, according to Harbor Wire.\n\n"
    "The Daily Lantern reported that senior officials in Eastport said the dam had failed.\n\n"
    "Engineer Omar Reyes said the dam had probably failed.\n"
)


def _span(text, needle, start=0):
    from graphkit.records import Span

    i = text.index(needle, start)
    return Span.of(text, i, i + len(needle))


def mini_records():
    """(article, attributions) for MINI_TEXT, as the resolve stage would give them."""
    from graphkit.ids import article_id
    from graphkit.records import Article, Attribution, Entity, Field, Metadata

    t = MINI_TEXT
    art = Article(
        text=t, lang="en", source="mini.txt", id=article_id(text=t),
        metadata=Metadata(title=Field("Illustrative test article", _span(t, "Illustrative test article")),
                          outlet=Field("Gazette Test"), published=Field("2024-10-11T15:32:00+07:00"),
                          authors=[Field("Tess Writer")], based_on=[Field("Harbor Wire")]),
    )
    ministry = Entity(key="Ministry of Dams", label="Ministry of Dams", type="government")
    rina = Entity(key="Rina Wulan", label="Rina Wulan", type="person", role="spokeswoman",
                  affiliation="Ministry of Dams")
    lantern = Entity(key="Daily Lantern", label="Daily Lantern", type="outlet")
    officials = Entity(key="senior officials in Eastport", label="senior officials in Eastport",
                       type="person_group", anonymous=True, affiliation="Eastport")
    omar = Entity(key="Omar Reyes", label="Omar Reyes", type="person", role="Engineer")
    wire = Entity(key="Harbor Wire", label="Harbor Wire", type="outlet")
    atts = [
        Attribution(id="a1", source=_span(t, "The ministry"), cue=_span(t, "denied"),
                    content=[_span(t, "the dam had failed", t.index("denied"))], stance="denies",
                    entity=ministry, claim="c1"),
        Attribution(id="a2", source=_span(t, "spokeswoman Rina Wulan"), cue=_span(t, "said,"),
                    content=[_span(t, "This is fake news")], direct=True, stance="denies",
                    entity=rina, via=[wire], claim="c1"),
        Attribution(id="a3", source=_span(t, "The Daily Lantern"), cue=_span(t, "reported"),
                    content=[_span(t, "senior officials in Eastport said the dam had failed")],
                    entity=lantern, claim="c1"),
        Attribution(id="a4", source=_span(t, "senior officials in Eastport"),
                    cue=_span(t, "said", t.index("Eastport")),
                    content=[_span(t, "the dam had failed", t.index("Eastport"))], nested_in="a3",
                    entity=officials, via=[lantern], claim="c1"),
        Attribution(id="a5", source=_span(t, "Engineer Omar Reyes"), cue=_span(t, "said", t.index("Omar")),
                    content=[_span(t, "the dam had probably failed")], certainty="probable",
                    entity=omar, claim="c1"),
    ]
    return art, atts


@pytest.fixture(params=["memory", "oxigraph"])
def mini_store(request, tmp_path):
    """The mini article stored in each backend (in-memory and Oxigraph on disk)."""
    from graphkit.rdf.model import article_graph
    from graphkit.rdf.store import open_store

    st = open_store("memory" if request.param == "memory" else tmp_path / "store")
    art, atts = mini_records()
    st.put(art, article_graph(art, atts))
    yield st
    st.close()
