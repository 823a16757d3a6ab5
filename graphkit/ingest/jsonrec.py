"""Articles from JSON records (JSON Lines corpora, exported feeds).

Fields used: ``text`` (required), ``url``, ``title``, ``outlet``,
``published``, ``authors`` (string or list), ``lang``; others (``id``,
``event`` ...) are ignored.  ``Article.text`` is the record's ``text``; the
body is its paragraphs minus page furniture, related-story lines, captions
and bylines (the plain-text layout rules).

>>> a = article_from_record({"url": "https://www.reuters.com/x", "title": "T",
...     "text": "Rain fell, police said.\\nADVERTISEMENT\\nRoads closed.", "published": "2024-10-11"})
>>> a.metadata.outlet.value, a.metadata.published.value, [s.text for s in a.body]
('Reuters', '2024-10-11', ['Rain fell, police said.', 'Roads closed.'])
"""
from __future__ import annotations

from graphkit import lang as _lang
from graphkit.ids import article_id
from graphkit.ingest.layout import parse_layout
from graphkit.ingest.merge import merge
from graphkit.records import Article


class RecordError(ValueError):
    """A JSON record that cannot be an article (the message says why)."""


def _str(record: dict, key: str):
    v = record.get(key)
    return v.strip() if isinstance(v, str) and v.strip() else None


def article_from_record(record: dict, source: str = "-") -> Article:
    """Build an :class:`Article` from one JSON object.

    >>> article_from_record({"title": "no text"})
    Traceback (most recent call last):
    ...
    graphkit.ingest.jsonrec.RecordError: record has no 'text' (a non-empty string)
    """
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RecordError("record has no 'text' (a non-empty string)")
    lang = _str(record, "lang")
    if lang is None or lang not in _lang.languages():
        lang = _lang.detect(text)
    title = _str(record, "title")
    url = _str(record, "url")
    lay = parse_layout(text, lang, title_hint=title, detect_title=title is None)
    md = merge(lay, title, given_outlet=_str(record, "outlet"), published=_str(record, "published"),
               authors=record.get("authors") or record.get("author"), url=url, lang=lang)
    return Article(text=text, metadata=md, body=lay.body, lang=lang, source=source,
                   id=article_id(url=url, text=text))
