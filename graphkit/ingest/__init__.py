"""Ingest: read article files into :class:`graphkit.records.Article` records.

- :func:`article_from_text` -- a plain-text page (layout parsed with the
  language's layout data, see :mod:`graphkit.ingest.layout`);
- :func:`article_from_record` -- a JSON object (``url, title, text, outlet,
  published, authors, lang`` ...);
- :func:`article_from_html` -- a web page (main text and meta tags);
- :func:`read_paths` -- files, directories, JSON Lines and ``-`` (stdin), one
  :class:`ReadResult` per article or per failure.

>>> a = article_from_text("Hello world, he said.")
>>> a.body_spans()[0].text, a.lang
('Hello world, he said.', 'en')
"""
from __future__ import annotations

from typing import Optional

from graphkit import lang as _lang
from graphkit.ids import article_id
from graphkit.ingest.layout import parse_layout
from graphkit.records import Article


def article_from_text(text: str, source: str = "-", url: Optional[str] = None,
                      lang: Optional[str] = None) -> Article:
    """Parse one article given as plain text (title block, dateline,
    bylines, captions, related links and page furniture are recognised
    and kept out of the body).

    >>> a = article_from_text("Storm hits coast\\n\\nLONDON (Reuters) - Rain fell, police said.\\n")
    >>> a.metadata.outlet.value, a.metadata.dateline.value, a.body[0].text
    ('Reuters', 'London', 'Rain fell, police said.')
    """
    from graphkit.ingest.outlets import outlet_from_url
    from graphkit.records import Field

    lang = lang or _lang.detect(text)
    lay = parse_layout(text, lang)
    md = lay.metadata
    md.url = url
    if md.outlet is None and url:
        found = outlet_from_url(url)
        if found:
            md.outlet = Field(found)
    art = Article(text=text, metadata=md, body=lay.body, lang=lang, source=source,
                  id=article_id(url=url, text=text))
    return art


def article_from_record(record: dict, source: str = "-") -> Article:
    """Build an article from a JSON record; see :mod:`graphkit.ingest.jsonrec`."""
    from graphkit.ingest.jsonrec import article_from_record as _impl

    return _impl(record, source)


def article_from_html(html: str, source: str = "-", url: Optional[str] = None) -> Article:
    """Build an article from a web page; see :mod:`graphkit.ingest.html`."""
    from graphkit.ingest.html import article_from_html as _impl

    return _impl(html, source, url)


def __getattr__(name: str):
    if name in ("read_paths", "ReadResult", "read_file"):
        from graphkit.ingest import readers

        return getattr(readers, name)
    raise AttributeError(name)


__all__ = ["article_from_text", "article_from_record", "article_from_html", "read_paths", "ReadResult"]
