"""Articles from web pages: main text without boilerplate, metadata from
meta tags and JSON-LD.

The main text comes from trafilatura (offline); ``Article.text`` is that
extracted text, so every span refers to it, not to the HTML source.
Metadata: ``og:title`` / JSON-LD ``headline`` / ``<title>``; ``og:site_name`` /
JSON-LD ``publisher``; ``article:published_time`` / ``datePublished``;
``author`` meta / JSON-LD ``author``; JSON-LD ``editor``, ``isBasedOn``,
``articleSection``; ``<html lang>`` / ``inLanguage``.  The layout rules of
the text (related links, furniture, dateline, bylines) complete them.

>>> page = ('<html lang="en"><head><meta property="og:title" content="Dam holds">'
...   '<meta property="og:site_name" content="Harbor Wire"></head><body><article>'
...   '<p>PORTVILLE (Harbor Wire) - The dam held on Friday, engineers said after a long night of checks.</p>'
...   '<p>Read also: Older story</p></article></body></html>')
>>> a = article_from_html(page)
>>> a.metadata.title.value, a.metadata.outlet.value, a.metadata.dateline.value
('Dam holds', 'Harbor Wire', 'Portville')
"""
from __future__ import annotations

import json
from typing import Any, Iterator, Optional

from graphkit import lang as _lang
from graphkit.ids import article_id
from graphkit.ingest.layout import parse_layout
from graphkit.ingest.merge import merge, names_of
from graphkit.ingest.outlets import normalise_outlet, outlet_from_url
from graphkit.records import Article, Field


class HtmlError(ValueError):
    """A page without extractable article text."""


_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "BlogPosting", "WebPage", "OpinionNewsArticle", "BackgroundNewsArticle"}


def _walk_ld(obj: Any) -> Iterator[dict]:
    if isinstance(obj, list):
        for x in obj:
            yield from _walk_ld(x)
    elif isinstance(obj, dict):
        if "@graph" in obj:
            yield from _walk_ld(obj["@graph"])
        yield obj


def _types(obj: dict) -> set:
    t = obj.get("@type", [])
    return set(t if isinstance(t, list) else [t])


def page_metadata(html: str) -> dict:
    """Metadata of a page from meta tags and JSON-LD (plain values).

    >>> page_metadata('<meta name="author" content="Ann Lee"><title>T</title>')["authors"]
    ['Ann Lee']
    """
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types for junk
        return {}
    meta: dict[str, str] = {}
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        val = (el.get("content") or "").strip()
        if key and val and key not in meta:
            meta[key] = val
    ld: dict = {}
    for el in doc.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        for obj in _walk_ld(data):
            if _types(obj) & _ARTICLE_TYPES and not ld:
                ld = obj
    title_el = doc.find(".//title")
    canon = next((el.get("href") for el in doc.iter("link") if (el.get("rel") or "").lower() == "canonical"), None)
    publisher = ld.get("publisher")
    based = ld.get("isBasedOn")
    based_names = []
    for b in based if isinstance(based, list) else [based] if based else []:
        if isinstance(b, str):
            based_names.append(outlet_from_url(b) or b)
        elif isinstance(b, dict):
            pub = b.get("publisher")
            name = (pub.get("name") if isinstance(pub, dict) else pub) or b.get("name")
            if not name and isinstance(b.get("url"), str):
                name = outlet_from_url(b["url"]) or b["url"]
            if name:
                based_names.append(normalise_outlet(str(name)))
    return {
        "title": meta.get("og:title") or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
        or (title_el.text_content().strip() if title_el is not None else None),
        "outlet": meta.get("og:site_name") or (publisher.get("name") if isinstance(publisher, dict) else publisher),
        "published": meta.get("article:published_time") or ld.get("datePublished") or meta.get("date"),
        "authors": names_of(ld.get("author")) or names_of(meta.get("author") or meta.get("article:author")),
        "editors": names_of(ld.get("editor")),
        "based_on": based_names,
        "section": meta.get("article:section") or (ld.get("articleSection") if isinstance(ld.get("articleSection"), str) else None),
        "url": meta.get("og:url") or canon or (ld.get("url") if isinstance(ld.get("url"), str) else None),
        "lang": (doc.get("lang") or ld.get("inLanguage") or "").split("-")[0].lower() or None,
    }


def main_text(html: str) -> Optional[str]:
    """The page's main text (trafilatura, comments and tables left out).

    >>> main_text("<html><body><article><p>The dam held on Friday, engineers said.</p></article></body></html>")
    'The dam held on Friday, engineers said.'
    """
    import trafilatura

    return trafilatura.extract(html, output_format="txt", include_comments=False,
                               include_tables=False, include_images=False, favor_recall=True)


def article_from_html(html: str, source: str = "-", url: Optional[str] = None) -> Article:
    """Build an :class:`Article` from a web page (see module doc).

    >>> article_from_html("<html><body></body></html>")
    Traceback (most recent call last):
    ...
    graphkit.ingest.html.HtmlError: no article text found in the HTML page
    """
    text = main_text(html)
    if not text or not text.strip():
        raise HtmlError("no article text found in the HTML page")
    pm = page_metadata(html)
    lang = pm.get("lang")
    if lang not in _lang.languages():
        lang = _lang.detect(text)
    url = url or pm.get("url")
    title = pm.get("title")
    lay = parse_layout(text, lang, title_hint=title, detect_title=title is None)
    md = merge(lay, title, given_outlet=pm.get("outlet"), published=pm.get("published"),
               authors=pm.get("authors"), url=url, lang=lang)
    if pm.get("editors"):
        md.editors = [Field(n) for n in pm["editors"]]
    have = {b.value for b in md.based_on}
    md.based_on.extend(Field(b) for b in pm.get("based_on", []) if b not in have)
    if pm.get("section"):
        md.section = Field(pm["section"])
    return Article(text=text, metadata=md, body=lay.body, lang=lang, source=source,
                   id=article_id(url=url, text=text))
