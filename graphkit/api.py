"""The Python API: one function per CLI command, imported lazily.

``graphkit ingest`` -> :func:`ingest`, ``query`` -> :func:`query` /
:func:`named`, ``export`` -> :func:`export`, ``chains`` -> :func:`chains`,
``analyze`` -> :func:`analyze`, ``viz`` -> :func:`viz`, ``eval`` ->
:func:`evaluate`, ``serve`` -> :func:`serve`, ``push`` -> :func:`push`,
``demo`` -> :func:`demo`.  (They live in the stage packages; this module
gathers them, because names such as ``graphkit.query`` are packages.)

>>> from graphkit import api
>>> st = api.open_store("memory")
>>> api.query("ASK { ?s ?p ?o }", st).boolean
False
"""
from __future__ import annotations

import importlib
from typing import Any

_API = {
    "open_store": ("graphkit.rdf.store", "open_store"),
    "ingest": ("graphkit.pipeline", "ingest"),
    "analyse_article": ("graphkit.pipeline", "analyse"),
    "article_from_text": ("graphkit.ingest", "article_from_text"),
    "read_paths": ("graphkit.ingest", "read_paths"),
    "extract": ("graphkit.extract", "extract"),
    "resolve": ("graphkit.resolve", "resolve"),
    "query": ("graphkit.query", "query"),
    "named": ("graphkit.query", "named"),
    "export": ("graphkit.export", "export"),
    "chains": ("graphkit.analyze", "chains"),
    "analyze": ("graphkit.analyze", "analyze"),
    "project": ("graphkit.analyze", "project"),
    "viz": ("graphkit.viz", "viz"),
    "evaluate": ("graphkit.evaluate", "evaluate"),
    "serve": ("graphkit.serve", "serve"),
    "push": ("graphkit.push", "push"),
    "demo": ("graphkit.demo", "demo"),
}


def __getattr__(name: str) -> Any:
    if name in _API:
        module, attr = _API[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
