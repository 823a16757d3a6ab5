"""Named queries: expected rows on both backends, identical answers, safe parameters."""
from __future__ import annotations

import pytest

from graphkit.query import QueryError, named
from graphkit.query.named import catalog, get
from graphkit.rdf.model import article_graph
from graphkit.rdf.store import open_store

from conftest import _span, mini_records

# A second hand-written article (not real news): a two-hop chain, an alias,
# a claim resting only on an anonymous official and a "reportedly".
SECOND_TEXT = (
    "Second illustrative article.\n\n"
    "Harbor Wire, citing the Daily Lantern, said spokeswoman R. Wulan announced the repairs were finished.\n\n"
    "An official who asked not to be named said the dam was leaking again.\n\n"
    "The leak was reportedly getting worse.\n"
)


def second_records():
    from graphkit.ids import article_id
    from graphkit.records import Article, Attribution, Entity, Field, Metadata

    t = SECOND_TEXT
    art = Article(text=t, lang="en", source="second.txt", id=article_id(text=t),
                  metadata=Metadata(title=Field("Second illustrative article"), outlet=Field("Gazette Test"),
                                    published=Field("2024-10-12T08:00:00+07:00")))
    rina = Entity(key="Rina Wulan", label="Rina Wulan", type="person", aliases=("R. Wulan",))
    official = Entity(key="official who asked not to be named", label="official who asked not to be named",
                      type="person", anonymous=True)
    wire = Entity(key="Harbor Wire", label="Harbor Wire", type="outlet")
    lantern = Entity(key="Daily Lantern", label="Daily Lantern", type="outlet")
    atts = [
        Attribution(id="b1", source=_span(t, "R. Wulan"), cue=_span(t, "announced"),
                    content=[_span(t, "the repairs were finished")], entity=rina, via=[wire, lantern],
                    claim="k1"),
        Attribution(id="b2", source=_span(t, "An official who asked not to be named"),
                    cue=_span(t, "said", t.index("An official")),
                    content=[_span(t, "the dam was leaking again")], entity=official, claim="k2"),
        Attribution(id="b3", cue=_span(t, "reportedly"), content=[_span(t, "getting worse")],
                    certainty="probable", claim="k2"),
    ]
    return art, atts


def _fill(st):
    for art, atts in (mini_records(), second_records()):
        st.put(art, article_graph(art, atts))
    return st


@pytest.fixture(params=["memory", "oxigraph"])
def two_store(request, tmp_path):
    """The mini article and the second article, in each backend."""
    st = _fill(open_store("memory" if request.param == "memory" else tmp_path / "store"))
    yield st
    st.close()


def rows(result, *cols):
    """Selected columns as tuples of strings ('' for unbound)."""
    idx = [result.vars.index(c) for c in cols]
    return [tuple("" if r[i] is None else str(r[i]) for i in idx) for r in result.rows]


# -- catalogue --------------------------------------------------------------

def test_catalog_documents_every_query():
    names = [q.name for q in catalog()]
    assert names == ["anonymous-only", "article", "chain", "denials", "independent-sources",
                     "outlet-dependency", "speaker", "who-quotes"]
    for q in catalog():
        assert q.description and q.columns, q.name
        visible = [c for c, _ in q.columns]
        assert all(p.help for p in q.params)
        # the documented columns are exactly the output columns
        assert named(q.name, open_store("memory"), **{p.name: "x" for p in q.params if p.required}).vars == visible


# -- each query on the mini article (both backends) -------------------------

def test_chain_on_mini(mini_store):
    r = named("chain", mini_store)
    got = rows(r, "begin", "depth", "kind", "label")
    assert got == [
        ("28", "0", "outlet", "Gazette Test"), ("28", "1", "source", "Ministry of Dams"),
        ("75", "0", "outlet", "Gazette Test"), ("75", "1", "via", "Harbor Wire"),
        ("75", "2", "source", "Rina Wulan"),
        # the Daily Lantern's own report (151) only relays the officials: shown through their chain
        ("183", "0", "outlet", "Gazette Test"), ("183", "1", "via", "Daily Lantern"),
        ("183", "2", "source", "senior officials in Eastport"),
        ("238", "0", "outlet", "Gazette Test"), ("238", "1", "source", "Omar Reyes"),
    ]
    assert named("chain", mini_store, article="ILLUSTRATIVE test").rows == r.rows
    assert len(named("chain", mini_store, article="no such headline")) == 0


def test_who_quotes_on_mini(mini_store):
    r = named("who-quotes", mini_store, name="RINA")
    assert rows(r, "personLabel", "outletLabel", "hand", "viaLabel", "text", "cue") == [
        ("Rina Wulan", "Gazette Test", "second-hand", "Harbor Wire", "This is fake news", "said,")]
    r = named("who-quotes", mini_store, name="omar reyes")
    assert rows(r, "personLabel", "hand", "viaLabel") == [("Omar Reyes", "first-hand", "")]


def test_denials_on_mini(mini_store):
    r = named("denials", mini_store)
    assert rows(r, "claimText", "sourceLabel", "text", "outletLabel", "viaLabel") == [
        ("the dam had failed", "Ministry of Dams", "the dam had failed", "Gazette Test", ""),
        ("the dam had failed", "Rina Wulan", "This is fake news", "Gazette Test", "Harbor Wire"),
    ]


def test_anonymous_only_on_mini(mini_store):
    # the claim also rests on a named engineer: not anonymous-only
    assert len(named("anonymous-only", mini_store)) == 0


def test_independent_sources_on_mini(mini_store):
    r = named("independent-sources", mini_store)
    # the Daily Lantern only relays the officials: 2 original sources, not 3
    assert rows(r, "claimText", "sources", "sourceLabel") == [
        ("the dam had failed", "2", "Omar Reyes"),
        ("the dam had failed", "2", "senior officials in Eastport"),
    ]
    assert rows(named("independent-sources", mini_store, min="1"), "sourceLabel") == rows(r, "sourceLabel")
    assert len(named("independent-sources", mini_store, min=3)) == 0


def test_outlet_dependency_on_mini(mini_store):
    r = named("outlet-dependency", mini_store)
    assert rows(r, "outletLabel", "relation", "citesLabel", "articles", "mentions") == [
        ("Gazette Test", "via", "Daily Lantern", "1", "1"),
        ("Gazette Test", "via", "Harbor Wire", "1", "1"),
        ("Gazette Test", "based-on", "Harbor Wire", "1", "0"),
    ]


def test_speaker_on_mini(mini_store):
    r = named("speaker", mini_store, name="ministry of dams")
    assert rows(r, "speakerLabel", "text", "polarity", "certainty", "direct", "cue", "outletLabel",
                "begin", "end") == [
        ("Ministry of Dams", "the dam had failed", "negative", "certain", "false", "denied", "Gazette Test",
         "28", "71")]
    from conftest import MINI_TEXT

    rec = named("speaker", mini_store, name="Omar").records()[0]
    assert MINI_TEXT[rec["begin"]:rec["end"]] == "Engineer Omar Reyes said the dam had probably failed"
    assert rec["certainty"] == "probable"


def test_article_on_mini(mini_store):
    r = named("article", mini_store, article="illustrative")
    meta = [(k, v) for p, k, v in rows(r, "part", "key", "value") if p == "metadata"]
    assert meta == [("headline", "Illustrative test article"), ("publisher", "Gazette Test"),
                    ("datePublished", "2024-10-11T15:32:00+07:00"), ("language", "en"),
                    ("author", "Tess Writer"), ("basedOn", "Harbor Wire")]
    atts = [(k, d) for p, k, d in rows(r, "part", "key", "detail") if p == "attribution"]
    assert atts[1] == ("Rina Wulan", "said, | negative | certain | direct")
    assert len(atts) == 5
    chains = [v for p, v in rows(r, "part", "value") if p == "chain"]
    assert chains == ["Gazette Test → Ministry of Dams", "Gazette Test → Harbor Wire → Rina Wulan",
                      "Gazette Test → Daily Lantern → senior officials in Eastport",
                      "Gazette Test → Omar Reyes"]
    iri = r.records()[0]["article"]
    assert named("article", mini_store, article=iri).rows == r.rows


# -- two articles: multi-hop chains, aliases, anonymous-only -----------------

def test_two_hop_chain_and_alias(two_store):
    r = named("chain", two_store, article="second")
    assert rows(r, "depth", "kind", "label")[:4] == [
        ("0", "outlet", "Gazette Test"), ("1", "via", "Harbor Wire"), ("2", "via", "Daily Lantern"),
        ("3", "source", "Rina Wulan")]
    # the source-less "reportedly" still has a chain, ending in no source
    assert rows(r, "depth", "kind", "label")[-2:] == [("0", "outlet", "Gazette Test"),
                                                        ("1", "source", "(no source)")]
    w = named("who-quotes", two_store, name="r. wulan")   # the alias
    assert sorted(rows(w, "personLabel", "hand", "viaLabel", "text")) == [
        ("Rina Wulan", "second-hand", "Harbor Wire", "This is fake news"),
        ("Rina Wulan", "second-hand", "Harbor Wire", "the repairs were finished")]


def test_anonymous_only_and_dependency_across_articles(two_store):
    r = named("anonymous-only", two_store)
    assert rows(r, "claimText", "statements", "anonymous", "unsourced", "articles") == [
        ("the dam was leaking again", "2", "1", "1", "1")]
    d = named("outlet-dependency", two_store)
    assert rows(d, "outletLabel", "relation", "citesLabel", "articles", "mentions") == [
        ("Gazette Test", "via", "Harbor Wire", "2", "2"),
        ("Gazette Test", "via", "Daily Lantern", "1", "1"),
        ("Harbor Wire", "via", "Daily Lantern", "1", "1"),    # the second hop of the two-hop chain
        ("Gazette Test", "based-on", "Harbor Wire", "1", "0"),
    ]
    s = named("speaker", two_store, name="wulan")
    assert sorted(x for (x,) in rows(s, "text")) == ["This is fake news", "the repairs were finished"]


def test_both_backends_give_identical_rows(tmp_path):
    params = {"who-quotes": {"name": "wulan"}, "speaker": {"name": "a"}, "article": {"article": "article"}}
    answers = {}
    for loc in ("memory", tmp_path / "ox"):
        with _fill(open_store(loc)) as st:
            for q in catalog():
                res = named(q.name, st, **params.get(q.name, {}))
                answers.setdefault(q.name, []).append((res.vars, res.rows))
    for name, (mem, ox) in answers.items():
        assert mem == ox, name
        assert mem[1], f"{name} returned no rows on the test graph"


# -- parameters are data, not query text -------------------------------------

HOSTILE = [
    'x" } UNION { ?speaker ?p ?o } #',
    "}",
    "Rina\" . ?s ?p ?o . FILTER(true) }\n UNION {",
    "') } ; DROP ALL ; INSERT DATA { <a:b> <a:c> <a:d> } #",
    "\n\n",
    '""" \\ \u201c',
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values_are_harmless(two_store, value):
    before = len(two_store)
    for qname, param in (("who-quotes", "name"), ("speaker", "name"), ("article", "article"),
                         ("chain", "article")):
        res = named(qname, two_store, **{param: value})
        assert len(res) == 0, (qname, value)
    assert len(two_store) == before


def test_parameter_errors_are_clear(mini_store):
    with pytest.raises(QueryError, match="unknown named query 'nope'"):
        named("nope", mini_store)
    with pytest.raises(QueryError, match="has no parameter 'who'"):
        named("speaker", mini_store, who="x")
    with pytest.raises(QueryError, match="needs parameter 'name'"):
        named("speaker", mini_store)
    with pytest.raises(QueryError, match="expected an integer"):
        named("independent-sources", mini_store, min="2 } UNION {")
    assert get("chain").param("article").required is False


@pytest.mark.parametrize("value", HOSTILE + ['a"', 'a\\', '"""', "'''"])
def test_endpoint_text_escapes_parameters(two_store, value):
    """The text sent to remote endpoints carries the values in VALUES blocks;
    run here on the embedded engines, it gives what binding gives."""
    from graphkit.query import query

    before = len(two_store)
    for qname, param in (("who-quotes", "name"), ("chain", "article"), ("speaker", "name")):
        text = get(qname).sparql({param: value})
        assert len(query(text, two_store)) == 0, (qname, value)
    assert len(two_store) == before


def test_endpoint_text_gives_the_same_rows(two_store):
    from graphkit.query import query

    for qname, params in (("chain", {}), ("independent-sources", {"min": 2}), ("who-quotes", {"name": "Wulan"}),
                          ("article", {"article": "second"}), ("speaker", {"name": "omar"}),
                          ("chain", {"article": "second"})):
        q = get(qname)
        hidden = {p.variable for p in q.params}
        local = named(qname, two_store, **params)
        assert local.rows and query(q.sparql(params), two_store).drop(hidden).rows == local.rows


def test_python_api_for_notebooks(mini_store):
    pd = pytest.importorskip("pandas")
    r = named("denials", mini_store)
    assert str(r).splitlines()[0].startswith("claim")
    html = r._repr_html_()
    assert html.startswith("<table>") and "Rina Wulan" in html
    df = r.to_dataframe()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == r.vars
    assert df["begin"].tolist() == [28, 75]
