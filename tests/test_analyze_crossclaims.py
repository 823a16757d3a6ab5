"""The same claim across articles and outlets (graphkit.analyze.crossclaims).

Articles are built here from records (text written for these tests)."""
from __future__ import annotations

import json
import time

import pytest
from analyze_fixtures import span, store_with
from click.testing import CliRunner

from graphkit.analyze import analyze, link_claims, project
from graphkit.analyze.crossclaims import guard, similar_pairs
from graphkit.ids import article_id
from graphkit.records import Article, Attribution, Entity, Field, Metadata
from graphkit.resolve.encoder import default_vectors

needs_encoder = pytest.mark.skipif(default_vectors() is None,
                                   reason="multilingual sentence encoder unavailable (extra 'claims' not installed or GRAPHKIT_CLAIMS_ENCODER=0)")

ANI = Entity("Ani Sari", "Ani Sari", "person", role="minister")
POLICE = Entity("Coastal Police", "Coastal Police", "government")
MINISTRY = Entity("Ministry of Energy", "Ministry of Energy", "government")


def article(outlet: str, lang: str, text: str, atts: list[tuple], date: str):
    """``atts``: (speaker text, cue, content, entity, stance, via, claim)."""
    art = Article(text=text, lang=lang, source=f"{outlet}.txt", id=article_id(text=text),
                  metadata=Metadata(title=Field(f"{outlet} story"), outlet=Field(outlet),
                                    published=Field(date)))
    out = []
    for k, (who, cue, content, ent, stance, via, claim) in enumerate(atts, 1):
        out.append(Attribution(id=f"a{k}", source=span(text, who), cue=span(text, cue),
                               content=[span(text, content)], entity=ent, stance=stance,
                               via=[Entity(v, v, "outlet") for v in via], claim=claim))
    return art, out


ID_FUEL = "pemerintah akan menaikkan harga BBM bulan depan"
EN_FUEL = "the government will raise fuel prices next month"
EN_BRIDGE = "the old bridge over the river was closed to traffic"


def indonesian():
    t = f"Menteri Ani Sari mengatakan {ID_FUEL}.\n"
    return article("Kabar Contoh", "id", t,
                   [("Ani Sari", "mengatakan", ID_FUEL, ANI, "asserts", [], "c1")],
                   "2024-03-01T08:00:00+07:00")


def english():
    t = f"Minister Ani Sari said {EN_FUEL}, according to Kabar Contoh. Police said {EN_BRIDGE}.\n"
    return article("Demo Times", "en", t,
                   [("Ani Sari", "said", EN_FUEL, ANI, "asserts", ["Kabar Contoh"], "c1"),
                    ("Police", "said", EN_BRIDGE, POLICE, "asserts", [], "c2")],
                   "2024-03-01T12:00:00+00:00")


def denial():
    t = f"The Ministry of Energy denied that {EN_FUEL}.\n"
    return article("Harbor Wire", "en", t,
                   [("The Ministry of Energy", "denied", EN_FUEL, MINISTRY, "denies", [], "c1")],
                   "2024-03-02T09:00:00+00:00")


def _clusters(*pairs, **kw):
    st = store_with(*pairs)
    try:
        G = project(st)
    finally:
        st.close()
    return G, link_claims(G, **kw)


@needs_encoder
def test_cross_language_same_claim_linked_unrelated_not():
    G, clusters = _clusters(indonesian(), english())
    (k,) = clusters
    assert k.outlets == ["Demo Times", "Kabar Contoh"]
    assert len(k.articles) == 2 and len(k.claims) == 2
    assert EN_BRIDGE not in k.texts
    # Demo Times relays Kabar Contoh's report of the same minister: one original source
    assert k.independent("asserts") == 1 and k.original["asserts"][0].label == "Ani Sari"
    assert not k.contested and not k.contested_across_outlets
    assert k.first_seen.startswith("2024-03-01")


@needs_encoder
def test_contested_across_outlets():
    _, clusters = _clusters(indonesian(), english(), denial())
    (k,) = clusters
    assert k.outlets == ["Demo Times", "Harbor Wire", "Kabar Contoh"]
    assert k.sides == {"asserts": ["Demo Times", "Kabar Contoh"], "denies": ["Harbor Wire"]}
    assert k.contested and k.contested_across_outlets
    assert (k.independent("asserts"), k.independent("denies")) == (1, 1)
    assert k.original["denies"][0].label == "Ministry of Energy"


def test_outlet_reporting_is_a_relay_when_its_own_article_is_in_the_cluster():
    t = f"Kabar Contoh reported that {EN_FUEL}.\n"
    relay = article("Demo Times", "en", t,
                    [("Kabar Contoh", "reported", EN_FUEL, Entity("Kabar Contoh", "Kabar Contoh", "outlet"),
                      "asserts", [], "c1")], "2024-03-03T09:00:00+00:00")
    t2 = f"Minister Ani Sari said {EN_FUEL}.\n"
    own = article("Kabar Contoh", "en", t2, [("Ani Sari", "said", EN_FUEL, ANI, "asserts", [], "c1")],
                  "2024-03-01T09:00:00+00:00")
    _, (k,) = _clusters(own, relay, encoder=False)   # same language: words suffice
    assert [r.label for r in k.original["asserts"]] == ["Ani Sari"]
    assert k.relays == ["Kabar Contoh"]


def test_guard_numbers_and_names():
    assert not guard("rice prices rose 10 percent", "rice prices rose 20 percent", 0.83)
    assert guard("harga beras naik 10 persen", "rice prices rose 10 percent", 0.75)
    assert not guard("the storm hit Northport", "the storm hit Southvale", 0.7)
    assert guard("the storm hit Northport", "badai melanda Northport", 0.6)


def test_single_article_has_no_section_and_flag_forces_it():
    st = store_with(english())
    try:
        assert "cross_article_claims" not in analyze(st).as_dict()
        d = analyze(st, cross_article=True).as_dict()
    finally:
        st.close()
    assert d["cross_article_claims"] == [] and d["summary"]["cross_article_claims"] == 0


@needs_encoder
def test_cli_json_table_and_switch(tmp_path):
    from graphkit.cli import main

    store_with(indonesian(), english(), denial(), location=tmp_path / "store").close()
    store = str(tmp_path / "store")
    res = CliRunner().invoke(main, ["analyze", "--store", store, "--format", "json"])
    assert res.exit_code == 0, res.output
    (k,) = json.loads(res.output)["cross_article_claims"]
    assert k["contested_across_outlets"] and k["independent_sources"] == {"asserts": 1, "denies": 1}
    assert k["outlets"] == ["Demo Times", "Harbor Wire", "Kabar Contoh"]
    res = CliRunner().invoke(main, ["analyze", "--store", store])
    assert res.exit_code == 0 and "claims across articles (1):" in res.output
    assert "[contested across outlets]" in res.output and "3 articles, 3 outlets" in res.output
    res = CliRunner().invoke(main, ["analyze", "--store", store, "--no-cross-article", "--format", "json"])
    assert res.exit_code == 0 and "cross_article_claims" not in json.loads(res.output)
    res = CliRunner().invoke(main, ["analyze", "--store", store, "--threshold", "2"])
    assert res.exit_code == 2


@needs_encoder
def test_measured_similarities_en_id():
    """The threshold sits between paraphrases (incl. across languages) and
    unrelated claims on the same kind of news."""
    texts = [EN_FUEL, ID_FUEL, "fuel prices will go up next month, the government said",
             EN_BRIDGE, "the police arrested three suspects in the harbour",
             "polisi menangkap tiga tersangka di pelabuhan"]
    pairs = {(i, j) for i, j, _ in similar_pairs(texts, [str(i) for i in range(len(texts))])}
    assert {(0, 1), (0, 2), (1, 2), (4, 5)} <= pairs
    assert not any(3 in p for p in pairs) and not any({i, j} & {0, 1, 2} and {i, j} & {4, 5}
                                                      for i, j in pairs)


def test_speed_lexical_few_thousand():
    texts = [f"officials in district {i % 50} said {i % 7} roads were closed after storm {i}"
             for i in range(3000)]
    t = time.perf_counter()
    similar_pairs(texts, [str(i % 300) for i in range(3000)], encoder=False)
    assert time.perf_counter() - t < 30
