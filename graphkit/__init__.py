"""graphkit: news articles -> source-attribution knowledge graph.

Pipeline: ingest -> extract -> resolve -> rdf store -> query / analyze / viz,
as the packages ``graphkit.ingest``, ``graphkit.extract``,
``graphkit.resolve``, ``graphkit.rdf``, ``graphkit.query``,
``graphkit.analyze`` and ``graphkit.viz``.  :mod:`graphkit.api` gathers one
function per CLI command:

>>> from graphkit import api
>>> api.open_store("memory").backend
'memory'
"""
__version__ = "0.1.0"
