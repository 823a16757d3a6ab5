"""graphkit: news articles -> source-attribution knowledge graph.

Pipeline: ingest -> extract -> resolve -> rdf store -> query / analyze / viz,
as the packages ``graphkit.ingest``, ``graphkit.extract``,
``graphkit.resolve``, ``graphkit.rdf``, ``graphkit.query``,
``graphkit.analyze`` and ``graphkit.viz``.  :mod:`graphkit.api` gathers one
function per CLI command:

>>> from graphkit import api
>>> report = api.ingest(["-"], store="memory")  # doctest: +SKIP
"""
__version__ = "0.1.0"
