"""graphkit serve: a real subprocess on a loopback port, queried by real clients."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from graphkit.query import named
from graphkit.query.named import get
from graphkit.rdf.model import article_graph
from graphkit.rdf.store import open_store
from graphkit.serve import free_port, terminate, wait_for_port

from conftest import mini_records

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
RUN_CLI = [sys.executable, "-c", "from graphkit.cli import main; main()"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def start_cli(args: list[str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen(RUN_CLI + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if not wait_for_port("127.0.0.1", port, timeout=20, alive=lambda: proc.poll() is None):
        stop(proc)
        raise RuntimeError("server did not start: " + proc.stderr.read().decode(errors="replace"))
    return proc


def stop(proc: subprocess.Popen) -> None:
    terminate(proc, 10)
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """(url, store dir, quads before) of `graphkit serve` running on a free port."""
    store = tmp_path_factory.mktemp("serve") / "store"
    art, atts = mini_records()
    with open_store(store) as st:
        st.put(art, article_graph(art, atts))
        before = len(st)
    port = free_port()
    proc = start_cli(["serve", "--store", str(store), "--port", str(port), "--timeout", "1.5"], port)
    try:
        yield f"http://127.0.0.1:{port}/sparql", store, before
    finally:
        stop(proc)


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8")


def test_sparqlwrapper_json_matches_embedded_named_query(endpoint, tmp_path):
    url, _, _ = endpoint
    sw = SPARQLWrapper.SPARQLWrapper(url)
    sw.setQuery(get("denials").text)          # graphkit's prefixes are predeclared by the endpoint
    sw.setReturnFormat(SPARQLWrapper.JSON)
    remote = sw.query().convert()
    got = [(b["sourceLabel"]["value"], b["text"]["value"]) for b in remote["results"]["bindings"]]
    art, atts = mini_records()
    with open_store("memory") as st:
        st.put(art, article_graph(art, atts))
        local = [(r["sourceLabel"], r["text"]) for r in named("denials", st).records()]
    assert got == local == [("Ministry of Dams", "the dam had failed"), ("Rina Wulan", "This is fake news")]


def test_sparqlwrapper_csv_and_post(endpoint):
    url, _, before = endpoint
    sw = SPARQLWrapper.SPARQLWrapper(url)
    sw.setQuery("SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name")
    sw.setReturnFormat(SPARQLWrapper.CSV)
    text = sw.query().convert().decode("utf-8")
    assert list(csv.reader(io.StringIO(text))) == [["name"], ["Omar Reyes"], ["Rina Wulan"], ["Tess Writer"]]
    sw.setMethod(SPARQLWrapper.POST)
    sw.setQuery(COUNT)
    sw.setReturnFormat(SPARQLWrapper.JSON)
    n = int(sw.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert 0 < n < before   # named-graph quads, without the default-graph provenance


@pytest.mark.parametrize("accept, ctype, first", [
    ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
    ("text/tab-separated-values", "text/tab-separated-values", "?n"),
    ("text/csv", "text/csv", "n"),
    ("*/*", "application/sparql-results+json", "{"),
])
def test_result_formats_by_accept_header(endpoint, accept, ctype, first):
    url, _, _ = endpoint
    q = urllib.parse.urlencode({"query": COUNT})
    status, got_type, body = http(f"{url}?{q}", headers={"Accept": accept})
    assert status == 200 and got_type.startswith(ctype)
    assert body.startswith(first)


def test_post_bodies(endpoint):
    url, _, _ = endpoint
    status, _, body = http(url, urllib.parse.urlencode({"query": COUNT}).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and body.splitlines()[0] == "n"
    status, _, body = http(url, COUNT.encode(), {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and int(body.splitlines()[1]) > 0
    status, _, body = http(url, b"SELECT nonsense", {"Content-Type": "application/sparql-query"})
    assert status == 400 and "invalid SPARQL query" in body


UPDATE = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"


def test_updates_are_refused_and_store_unchanged(endpoint):
    url, store, before = endpoint
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    answers = [
        http(url, urllib.parse.urlencode({"update": UPDATE}).encode(), form)[0],
        http(url, urllib.parse.urlencode({"query": UPDATE}).encode(), form)[0],
        http(url, UPDATE.encode(), {"Content-Type": "application/sparql-update"})[0],
        http(url, UPDATE.encode(), {"Content-Type": "application/sparql-query"})[0],
        http(f"{url}?{urllib.parse.urlencode({'query': 'DROP ALL'})}")[0],
        http(url, b"x", {"Content-Type": "text/turtle"}, method="PUT")[0],
    ]
    assert all(400 <= a < 500 for a in answers), answers
    sw = SPARQLWrapper.SPARQLWrapper(url)
    sw.setMethod(SPARQLWrapper.POST)
    sw.setQuery(UPDATE)
    with pytest.raises(Exception):
        sw.query()
    status, _, body = http(f"{url}?{urllib.parse.urlencode({'query': 'ASK { <urn:a> ?p ?o }'})}",
                           headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is False
    with open_store(store, read_only=True) as st:
        assert len(st) == before


def test_federated_queries_are_refused(endpoint):
    url, _, _ = endpoint
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = http(f"{url}?{urllib.parse.urlencode({'query': q})}")
    assert status == 403 and "SERVICE" in body


def test_long_query_is_stopped_with_503(endpoint):
    url, _, _ = endpoint
    slow = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    t0 = time.monotonic()
    status, _, body = http(f"{url}?{urllib.parse.urlencode({'query': slow})}")
    assert status == 503 and "time limit" in body
    assert time.monotonic() - t0 < 8
    # the endpoint still answers afterwards
    assert http(f"{url}?{urllib.parse.urlencode({'query': 'ASK {}'})}")[0] == 200


def test_serve_errors_are_clear(tmp_path):
    for store in (tmp_path / "missing", "memory"):
        proc = subprocess.run(RUN_CLI + ["serve", "--store", str(store), "--port", str(free_port())],
                              capture_output=True, text=True, timeout=30)
        assert proc.returncode == 1
        assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr


def test_every_named_query_gives_the_same_rows_over_http(endpoint):
    from graphkit.query.named import catalog

    url, store, _ = endpoint
    params = {"who-quotes": {"name": "rina"}, "speaker": {"name": "o"}, "article": {"article": "illustrative"},
              "independent-sources": {"min": 2}, "chain": {"article": 'x" } UNION {'}}
    with open_store(store, read_only=True) as st:
        for q in catalog():
            local = named(q.name, st, **params.get(q.name, {}))
            remote = named(q.name, url, **params.get(q.name, {}))
            assert (remote.vars, remote.rows) == (local.vars, local.rows), q.name
    cli = subprocess.run(RUN_CLI + ["query", "--name", "denials", "--endpoint", url, "--format", "csv"],
                         capture_output=True, text=True, timeout=30)
    assert cli.returncode == 0 and cli.stdout.count("\n") == 3
