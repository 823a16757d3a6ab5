"""The notebooks in ``notebooks/`` run top to bottom, and are committed clean.

* every notebook is executed with nbclient on the Jupyter kernel ``python3``
  (``make kernel`` installs the venv's one), working directory ``notebooks/``,
  with a timeout per cell; any cell error fails the test.  Skipped, with the
  reason, when nbclient or the kernel is missing;
* ``02-corpus`` runs a second time with the shared corpora hidden, to check
  that it still works on ``data/`` alone and says so;
* nothing is written into the repository (temporary files go to pytest's
  ``tmp_path`` through ``TMPDIR``);
* the committed notebooks have no outputs and no execution counts.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

NOTEBOOKS = REPO / "notebooks"
EXPECTED = ["01-seed-walkthrough.ipynb", "02-corpus.ipynb"]
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
KERNEL = "python3"
CELL_TIMEOUT = 300  # seconds, per cell (the corpus ingest is the slowest cell)
WATCHED = [NOTEBOOKS, REPO / "data"]  # where a notebook run could leave files behind


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_notebooks_present():
    assert [p.name for p in PATHS if p.name in EXPECTED] == EXPECTED


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_committed_without_outputs(path):
    nb = _load(path)
    dirty = [i for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == "code"
             and (cell.get("outputs") or cell.get("execution_count") is not None)]
    assert not dirty, (f"{path.name}: code cells {dirty} keep outputs or execution counts; "
                       "clear them before committing (Jupyter: Edit > Clear All Outputs, or "
                       "`jupyter nbconvert --clear-output --inplace`)")
    assert nb["metadata"].get("kernelspec", {}).get("name") == KERNEL
    assert "widgets" not in nb["metadata"], f"{path.name}: widget state saved in the metadata"


def _require_kernel() -> None:
    pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[test]')")
    for module in ("ipykernel", "pandas", "matplotlib"):
        pytest.importorskip(module, reason=f"{module} is not installed (the notebooks extra)")
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:
        pytest.skip(f"no Jupyter kernel {KERNEL!r}: run `make kernel` "
                    f"({sys.executable} -m ipykernel install --sys-prefix --name {KERNEL})")


def _snapshot() -> dict[str, tuple[int, int]]:
    out = {}
    for root in WATCHED:
        for p in root.rglob("*"):
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                out[str(p.relative_to(REPO))] = (st.st_size, st.st_mtime_ns)
    return out


def _outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            elif "data" in out:
                parts.append(str(out["data"].get("text/plain", "")))
    return "\n".join(parts)


def _execute(path: Path):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.perf_counter()
    try:
        client.execute()
    except CellTimeoutError as exc:
        pytest.fail(f"{path.name}: a cell ran longer than {CELL_TIMEOUT} s: {exc}", pytrace=False)
    except CellExecutionError as exc:
        pytest.fail(f"{path.name}: a cell failed:\n{exc}", pytrace=False)
    return nb, time.perf_counter() - start


RUNS = [pytest.param(p, False, id=p.stem) for p in PATHS]
RUNS += [pytest.param(p, True, id=p.stem + "-data-only") for p in PATHS if p.name == "02-corpus.ipynb"]


@pytest.mark.parametrize("path, hide_shared", RUNS)
def test_notebook_runs(path, hide_shared, tmp_path, monkeypatch):
    _require_kernel()
    monkeypatch.setenv("TMPDIR", str(tmp_path))          # the kernel's temporary files
    monkeypatch.setenv("MPLBACKEND", "Agg")               # never a GUI window
    monkeypatch.delenv("GRAPHKIT_NOTEBOOK_FULL", raising=False)
    if hide_shared:
        monkeypatch.setenv("GRAPHKIT_CORPORA", str(tmp_path / "no-corpora-here"))
    before = _snapshot()
    nb, seconds = _execute(path)
    print(f"{path.name}{' (data/ only)' if hide_shared else ''}: {seconds:.1f} s")
    changed = sorted(set(before.items()) ^ set(_snapshot().items()))
    assert not changed, f"{path.name} wrote into the repository: {sorted({k for k, _ in changed})}"
    text = _outputs_text(nb)
    if hide_shared:
        assert "running on data/ only" in text
    assert "Traceback" not in text
