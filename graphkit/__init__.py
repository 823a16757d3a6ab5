"""graphkit: news articles -> source-attribution knowledge graph.

Pipeline: ingest -> extract -> resolve -> rdf store -> query / analyze / viz.
"""
__version__ = "0.1.0"
