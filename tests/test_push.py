"""graphkit push: into a real `oxigraph serve` on a loopback port."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest

from graphkit.push import PushError, push
from graphkit.query import named
from graphkit.query.named import get
from graphkit.rdf.model import article_graph
from graphkit.rdf.store import open_store
from graphkit.serve import free_port, oxigraph_binary, terminate, wait_for_port

from conftest import mini_records
from test_query_named import second_records

RUN_CLI = [sys.executable, "-c", "from graphkit.cli import main; main()"]


@pytest.fixture
def server(tmp_path):
    """Base URL of a real read-write Oxigraph server (union default graph)."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "server"),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for_port("127.0.0.1", port, alive=lambda: proc.poll() is None), "oxigraph did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        terminate(proc, 10)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as st:
        for art, atts in (mini_records(), second_records()):
            st.put(art, article_graph(art, atts))
    return path


def sparql(base: str, query: str) -> dict:
    req = urllib.request.Request(f"{base}/query?{urllib.parse.urlencode({'query': query})}",
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=20) as resp:
        return json.loads(resp.read())


def quads(base: str) -> int:
    named_ = sparql(base, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    with urllib.request.urlopen(f"{base}/store?default", timeout=20) as resp:
        default = sum(1 for line in resp.read().decode().splitlines() if line.strip())
    return int(named_["results"]["bindings"][0]["n"]["value"]) + default


def test_push_is_idempotent_and_queries_agree(server, store):
    with open_store(store, read_only=True) as st:
        n = len(st)
        graphs = len(st.article_graphs()) + 1   # and the shared entities graph
        local = named("chain", st)
    report = push(store, f"{server}/store", batch=40)
    assert report.graphs == graphs == 3 and report.triples == n
    assert report.requests > 3            # graphs larger than 40 triples went in several requests
    assert quads(server) == n
    again = push(store, f"{server}/store", batch=10_000)
    assert again.triples == n and quads(server) == n
    # the same named query gives the same rows from the server
    remote = sparql(server, get("chain").sparql())
    hidden = {p.variable for p in get("chain").params}
    cols = [v for v in remote["head"]["vars"] if v not in hidden]
    assert cols == local.vars
    got = [tuple(b.get(c, {}).get("value", "") for c in cols) for b in remote["results"]["bindings"]]
    want = [tuple("" if t is None else str(t) for t in row) for row in local.rows]
    assert got == want and len(want) == 18


def test_cli_push(server, store):
    proc = subprocess.run(RUN_CLI + ["push", "--store", str(store), "--endpoint", f"{server}/store"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("pushed 3 graphs and the default graph")


def test_push_errors_are_clear(server, store, tmp_path):
    with pytest.raises(PushError, match="HTTP 404"):
        push(store, f"{server}/nothing-here")
    with pytest.raises(PushError, match="cannot reach"):
        push(store, f"http://127.0.0.1:{free_port()}/store")
    with pytest.raises(PushError, match="not an http"):
        push(store, "ftp://example.org/store")
    proc = subprocess.run(RUN_CLI + ["push", "--store", str(tmp_path / "none"), "--endpoint", f"{server}/store"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
