"""graphkit query: named queries from the command line, clear errors."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.rdf.model import article_graph
from graphkit.rdf.store import open_store

from conftest import mini_records


@pytest.fixture
def store_dir(tmp_path):
    path = tmp_path / "store"
    art, atts = mini_records()
    with open_store(path) as st:
        st.put(art, article_graph(art, atts))
    return str(path)


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_list_shows_every_query_with_parameters():
    res = run("query", "--list")
    assert res.exit_code == 0
    for name in ("chain", "who-quotes", "denials", "anonymous-only", "independent-sources",
                 "outlet-dependency", "speaker", "article"):
        assert f"\n{name} " in "\n" + res.output
    assert "--param min=<integer>  (default 2)" in res.output
    assert "--param name=<text>  (required)" in res.output


def test_named_query_formats(store_dir):
    res = run("query", "--name", "who-quotes", "--param", "name=rina", "--store", store_dir, "--format", "csv")
    assert res.exit_code == 0, res.output
    table = list(csv.DictReader(io.StringIO(res.output)))
    assert [(r["personLabel"], r["hand"], r["viaLabel"]) for r in table] == [
        ("Rina Wulan", "second-hand", "Harbor Wire")]
    res = run("query", "--name", "independent-sources", "--param", "min=2", "--store", store_dir,
              "--format", "json")
    data = json.loads(res.output)
    assert data["head"]["vars"] == ["claim", "claimText", "sources", "source", "sourceLabel"]
    assert {b["sources"]["value"] for b in data["results"]["bindings"]} == {"2"}
    res = run("query", "--name", "chain", "--store", store_dir)
    assert res.exit_code == 0
    assert [c.strip() for c in res.output.splitlines()[0].split("|")][:3] == ["article", "mention", "begin"]
    assert "Harbor Wire" in res.output


def test_show_prints_endpoint_ready_text(store_dir):
    res = run("query", "--name", "speaker", "--param", "name=Omar", "--show")
    assert res.exit_code == 0
    assert res.output.startswith("PREFIX ") and 'VALUES ?nameParam { "Omar" }' in res.output


def test_hostile_param_from_cli(store_dir):
    before = len(open_store(store_dir, read_only=True))
    res = run("query", "--name", "speaker", "--param", 'name=x" } UNION { ?s ?p ?o }\n#',
              "--store", store_dir, "--format", "csv")
    assert res.exit_code == 0 and res.output.splitlines()[1:] == []
    with open_store(store_dir, read_only=True) as st:
        assert len(st) == before


@pytest.mark.parametrize("args, message", [
    (["--name", "nope"], "unknown named query 'nope'"),
    (["--name", "speaker"], "needs parameter 'name'"),
    (["--name", "speaker", "--param", "who=x"], "has no parameter 'who'"),
    (["--name", "speaker", "--param", "name"], "expects key=value"),
    (["--name", "independent-sources", "--param", "min=two"], "expected an integer"),
    (["SELECT ?x WHERE {"], "invalid SPARQL query"),
    ([], "give a SPARQL query"),
])
def test_errors_exit_2(store_dir, args, message):
    res = run("query", *args, "--store", store_dir)
    assert res.exit_code == 2
    assert message in res.output
    assert "Traceback" not in res.output
