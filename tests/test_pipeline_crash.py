"""A killed ingest leaves a consistent store; re-running completes it."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from graphkit.ids import ENTITIES_GRAPH
from graphkit.rdf.store import open_store

TEMPLATE = (
    "Illustrative test article {i}, written for graphkit's tests.\n\n"
    "\u201cThe bridge number {i} is safe,\u201d said engineer Ana Testa{i}.\n\n"
    "Officials in Portville said that the inspection {i} had found no cracks.\n"
)


def _consistent(store_dir: Path) -> int:
    """Every article graph has its provenance and vice versa; returns the count."""
    with open_store(store_dir) as st:
        with_prov = set(st.article_graphs())
        with_triples = {str(r[0]) for r in st.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
        with_triples.discard(str(ENTITIES_GRAPH))
        assert {str(g) for g in with_prov} == with_triples
        return len(with_prov)


def _graphs_so_far(store_dir: Path) -> int:
    """Article graphs written so far, read without taking the writer's lock."""
    import pyoxigraph as ox

    if not (store_dir / "CURRENT").exists():
        return 0
    try:
        return sum(1 for _ in ox.Store.read_only(str(store_dir)).named_graphs())
    except Exception:  # the writer may be mid-flush: try again later
        return 0


def test_killed_ingest_leaves_a_consistent_store(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    n = 150
    for i in range(n):
        (src / f"a{i:03d}.txt").write_text(TEMPLATE.format(i=i), encoding="utf-8")
    store = tmp_path / "store"
    exe = Path(sys.executable).with_name("graphkit")
    proc = subprocess.Popen([str(exe), "ingest", str(src), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and _graphs_so_far(store) < 20:
        time.sleep(0.1)                  # let it write some graphs, then kill it hard
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _consistent(store)
    assert 0 < partial < n               # killed in the middle of the batch
    done = subprocess.run([str(exe), "ingest", str(src), "--store", str(store)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"unchanged: {partial}," in done.stdout
    assert _consistent(store) == n
