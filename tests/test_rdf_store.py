"""The store: both backends, idempotent puts, replacement, escaping."""
from __future__ import annotations

from graphkit.ids import graph_iri
from graphkit.rdf.model import article_graph
from graphkit.rdf.store import open_store
from graphkit.records import Article

from conftest import mini_records


def _count(st, q):
    return int(next(iter(st.query(q)))[0])


def test_both_backends_give_the_same_answers(tmp_path):
    art, atts = mini_records()
    answers = []
    for loc in ("memory", tmp_path / "ox"):
        st = open_store(loc)
        st.put(art, article_graph(art, atts))
        rows = st.query(
            "SELECT ?label ?pol WHERE { ?st a gk:Statement ; prov:wasAttributedTo ?src ; gk:polarity ?pol . "
            "?src skos:prefLabel ?label } ORDER BY ?label"
        )
        answers.append([(str(r[0]), str(r[1])) for r in rows])
        answers.append(len(st))
        st.close()
    assert answers[0] == answers[2] and answers[1] == answers[3]
    assert ("Rina Wulan", "http://groundedannotationframework.org/grasp/factuality#negative") in answers[0]


def test_put_is_idempotent_and_replaces_changed_source(tmp_path):
    st = open_store(tmp_path / "ox")
    art, atts = mini_records()
    assert st.put(art, article_graph(art, atts)) == "added"
    n = len(st)
    assert st.put(art, article_graph(art, atts)) == "unchanged"
    assert len(st) == n
    changed = Article(text=art.text + "\nMore.\n", lang="en", source=art.source, id="t-changed")
    assert st.put(changed, article_graph(changed, [])) == "replaced"
    assert st.graph_hash(graph_iri(art.id)) is None
    assert st.article_graphs() == [graph_iri("t-changed")]
    st.close()


def test_persistent_store_survives_reopen(tmp_path):
    art, atts = mini_records()
    with open_store(tmp_path / "ox") as st:
        st.put(art, article_graph(art, atts))
        n = len(st)
    with open_store(tmp_path / "ox") as st:
        assert len(st) == n > 0


def test_hostile_text_is_stored_verbatim(tmp_path):
    nasty = 'He said "}} ; DROP ALL ; INSERT DATA { <a> <b> <c> }" \\ \n\t<script>x</script> \u201c'
    art = Article(text=nasty, id="t-nasty", lang="en", source="nasty.txt")
    with open_store(tmp_path / "ox") as st:
        st.put(art, article_graph(art, []))
        got = [str(r[0]) for r in st.query("SELECT ?s WHERE { ?c a nif:Context ; nif:isString ?s }")]
        assert got == [nasty]
        assert _count(st, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") > 0


def test_shared_entities_are_stored_once_so_union_queries_do_not_multiply(tmp_path):
    """Oxigraph's union default graph is a multiset: entity descriptions must
    not be repeated in every article graph."""
    from dataclasses import replace

    art, atts = mini_records()
    other = replace(art, text=art.text + "\nA second article.\n", id="t-other", source="other.txt")
    for loc in ("memory", tmp_path / "ox"):
        with open_store(loc) as st:
            st.put(art, article_graph(art, atts))
            st.put(other, article_graph(other, atts))
            n = _count(st, 'SELECT (COUNT(*) AS ?n) WHERE { ?o schema:name "Gazette Test" }')
            assert n == 1, loc
