"""Ingest: read article files into :class:`graphkit.records.Article` records.

(Placeholder until the layout parser lands: the whole text is the body.)
"""
from __future__ import annotations

from graphkit import lang as _lang
from graphkit.ids import article_id
from graphkit.records import Article, Span


def article_from_text(text: str, source: str = "-", url: str | None = None) -> Article:
    """Parse one article given as plain text.

    >>> a = article_from_text("Hello world, he said.")
    >>> a.body_spans()[0].text
    'Hello world, he said.'
    """
    art = Article(text=text, source=source, lang=_lang.detect(text))
    art.body = [Span.of(text, 0, len(text))]
    art.id = article_id(url=url, text=text)
    return art
