"""graphkit chains: table and JSON, filters, errors."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import MINI_TEXT, mini_records
from graphkit.cli import main


def _store(tmp_path):
    from graphkit.rdf.model import article_graph
    from graphkit.rdf.store import open_store

    path = tmp_path / "store"
    st = open_store(path)
    art, atts = mini_records()
    st.put(art, article_graph(art, atts))
    st.close()
    return str(path)


def test_chains_json(tmp_path):
    res = CliRunner().invoke(main, ["chains", "--store", _store(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [r["path"] for r in rows][1] == ["Gazette Test", "Harbor Wire", "Rina Wulan"]
    for r in rows:
        assert r["article"].startswith("https://")
        a = r["attribution"]
        for part in [a["cue"], *a["content"]] + ([a["source"]] if a["source"] else []):
            assert MINI_TEXT[part["start"]:part["end"]] == part["text"]
    officials = rows[3]
    assert officials["path"][-1] == "senior officials in Eastport"
    assert officials["attribution"]["source"]["text"] == "senior officials in Eastport"


def test_chains_table_and_article_filter(tmp_path):
    store = _store(tmp_path)
    res = CliRunner().invoke(main, ["chains", "--store", store])
    assert res.exit_code == 0
    assert "Gazette Test -> Harbor Wire -> Rina Wulan  [denies, quote]" in res.output
    rows = json.loads(CliRunner().invoke(main, ["chains", "--store", store, "--format", "json"]).output)
    art = rows[0]["article"]
    res = CliRunner().invoke(main, ["chains", "--store", store, "--article", art + "x", "--format", "json"])
    assert json.loads(res.output) == []


def test_chains_errors(tmp_path):
    res = CliRunner().invoke(main, ["chains", "--store", str(tmp_path / "missing")])
    assert res.exit_code == 1 and "error: no store at" in res.output
    assert not (tmp_path / "missing").exists()
    res = CliRunner().invoke(main, ["chains", "--store", _store(tmp_path), "--article", "bad iri<"])
    assert res.exit_code == 2 and "not an IRI" in res.output and "Traceback" not in res.output
