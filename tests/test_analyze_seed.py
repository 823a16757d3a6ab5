"""Acceptance on the seed article (needs ../shared and the extract/resolve stages)."""
from __future__ import annotations

import pytest

from conftest import SEED_TEXT, needs_shared


def _has(labels, *words):
    return any(all(w in lab.casefold() for w in words) for lab in labels)


@needs_shared
def test_seed_troop_claim_contested_and_independent_sources():
    pytest.importorskip("graphkit.extract", reason="extraction stage not written yet")
    pytest.importorskip("graphkit.resolve", reason="resolution stage not written yet")
    from graphkit.analyze import analyze
    from graphkit.pipeline import ingest
    from graphkit.rdf.store import open_store

    st = open_store("memory")
    try:
        rep = ingest([str(SEED_TEXT)], store=st)
        assert rep.ok, rep.failures
        report = analyze(st)
    finally:
        st.close()
    deniers = lambda c: [r.label for r in c.sources["denies"]]  # noqa: E731
    troop = [c for c in report.contested if _has(deniers(c), "peskov")]
    assert troop, [c.as_dict() for c in report.claims]
    c = troop[0]
    assert _has(deniers(c), "kremlin")
    asserting = [r.label for r in c.sources["asserts"]]
    assert _has(asserting, "seoul")                                  # the officials (via the Guardian)
    original = c.original["asserts"]
    labels = [r.label for r in original]
    assert c.independent("asserts") == 2, labels
    assert any(r.anonymous and "seoul" in r.label.casefold() for r in original), labels
    assert any(not r.anonymous and ("pertahanan" in r.label.casefold() or "defen" in r.label.casefold())
               for r in original), labels
    assert not any(r.type == "outlet" for r in original), labels
