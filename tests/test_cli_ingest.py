"""Drive `graphkit ingest / query / export` as a user would."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from conftest import DATA, SEED_GOLD, needs_shared

SEED = DATA / "articles" / "kompastv-2024-10-11-rusia-korut.txt"

META_QUERY = """
SELECT ?title ?outlet ?published ?author ?editor ?basis WHERE {
  ?a a schema:NewsArticle ; schema:headline ?title ; schema:datePublished ?published ;
     schema:publisher/schema:name ?outlet ; schema:author/schema:name ?author ;
     schema:editor/schema:name ?editor ; schema:isBasedOn/schema:publisher/schema:name ?basis .
}"""


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED, d / SEED.name)
    (d / "empty.txt").write_text("")
    (d / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return d


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_bad_files_are_named_and_skipped_and_reingest_is_idempotent(batch, tmp_path):
    store = str(tmp_path / "store")
    r = run("ingest", str(batch), "--store", store)
    assert r.exit_code == 1
    assert "articles ingested: 1" in r.output
    assert "empty.txt" in r.stderr and "image.bin" in r.stderr
    first = int(r.output.split("triples in store: ")[1].split(",")[0])
    assert first > 0
    again = run("ingest", str(batch), "--store", store)
    assert "articles ingested: 0, unchanged: 1" in again.output
    assert int(again.output.split("triples in store: ")[1].split(",")[0]) == first


def _gold_metadata() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))["metadata"]


@needs_shared
@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_seed_metadata_is_queryable(backend, tmp_path):
    from graphkit.pipeline import ingest
    from graphkit.query import query
    from graphkit.rdf.store import open_store

    st = open_store(tmp_path / "s" if backend == "oxigraph" else "memory")
    ingest([str(SEED)], store=st)
    rows = query(META_QUERY, st).records()
    st.close()
    gold = _gold_metadata()
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == gold["title"]
    assert row["outlet"] == gold["outlet"]
    assert str(row["published"]).replace(" ", "T") == gold["published"] == "2024-10-11T15:32:00+07:00"
    assert [row["author"]] == gold["authors"]
    assert [row["editor"]] == gold["editors"]
    assert [row["basis"]] == gold["based_on"]


def test_query_formats_and_errors(tmp_path):
    store = str(tmp_path / "store")
    run("ingest", str(SEED), "--store", store)
    r = run("query", "SELECT ?t WHERE { ?a schema:headline ?t }", "--store", store, "--format", "json")
    doc = json.loads(r.output)
    assert doc["head"]["vars"] == ["t"] and len(doc["results"]["bindings"]) == 1
    assert doc["results"]["bindings"][0]["t"]["type"] == "literal"
    r = run("query", "SELECT ?t WHERE { ?a schema:headline ?t }", "--store", store, "--format", "csv")
    assert r.output.splitlines()[0] == "t"
    qf = tmp_path / "q.rq"
    qf.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle ; gk:context ?c }")
    r = run("query", str(qf), "--store", store)
    assert r.output.splitlines()[-1].strip() == "1"
    bad = run("query", "SELEKT nonsense {", "--store", store)
    assert bad.exit_code == 2
    assert "invalid SPARQL" in bad.stderr and "Traceback" not in bad.output


@pytest.mark.parametrize("fmt,probe", [("turtle", "@prefix"), ("trig", "@prefix"),
                                       ("nquads", "> ."), ("jsonld", "@id")])
def test_export_formats(fmt, probe, tmp_path):
    store = str(tmp_path / "store")
    run("ingest", str(SEED), "--store", store)
    out = tmp_path / f"g.{fmt}"
    r = run("export", "--store", store, "--format", fmt, "-o", str(out))
    assert r.exit_code == 0
    assert probe in out.read_text(encoding="utf-8")


@needs_shared
def test_installed_command_and_stdin(tmp_path):
    exe = Path(sys.executable).with_name("graphkit")
    store = str(tmp_path / "store")
    text = SEED.read_text(encoding="utf-8")
    p = subprocess.run([str(exe), "ingest", "-", "--store", store], input=text, text=True,
                       capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "articles ingested: 1" in p.stdout
    q = subprocess.run([str(exe), "query", "SELECT ?o WHERE { ?a schema:publisher/schema:name ?o }",
                        "--store", store, "--format", "csv"], capture_output=True, text=True, timeout=60)
    assert q.returncode == 0 and _gold_metadata()["outlet"] in q.stdout
