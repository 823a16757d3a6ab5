"""The main job on the bundled articles: ingest ``data/``, write the outputs.

>>> (default_data_dir() / "articles").is_dir()
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import graphkit
from graphkit.pipeline import IngestReport

REPO_DATA = Path(graphkit.__file__).resolve().parents[1] / "data"


@dataclass
class DemoReport:
    ingest: IngestReport
    outputs: dict[str, Path] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def default_data_dir() -> Path:
    """``./data`` when it exists, else the repository's ``data/``."""
    here = Path("data")
    return here if (here / "articles").is_dir() else REPO_DATA


def demo(data_dir: Optional[Union[str, Path]] = None, out_dir: Union[str, Path] = "out") -> DemoReport:
    """Ingest the bundled articles into ``out/store`` and write the graph
    (TriG), the chains, the analysis and the interactive HTML under ``out/``."""
    from graphkit.export import export
    from graphkit.pipeline import ingest
    from graphkit.rdf.store import open_store

    data = Path(data_dir) if data_dir else default_data_dir()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    store = open_store(out / "store")
    try:
        rep = ingest([str(data)], store=store)
        result = DemoReport(ingest=rep)
        result.outputs["store"] = out / "store"
        export(store, "trig", out / "graph.trig")
        result.outputs["graph"] = out / "graph.trig"
        _extras(store, out, result)
    finally:
        store.close()
    return result


def _extras(store, out: Path, result: DemoReport) -> None:
    """Chains, analysis and HTML, from the analysis and viz stages."""
    import json

    from graphkit.analyze import analyze, chains
    from graphkit.viz import viz

    ch = chains(store)
    (out / "chains.json").write_text(json.dumps([c.as_dict() for c in ch], ensure_ascii=False, indent=1),
                                     encoding="utf-8")
    result.outputs["chains"] = out / "chains.json"
    for c in ch:
        result.lines.append("chain: " + " -> ".join(c.path))
    report = analyze(store)
    (out / "analysis.json").write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    result.outputs["analysis"] = out / "analysis.json"
    result.outputs["html"] = Path(viz(store, out / "graph.html"))
