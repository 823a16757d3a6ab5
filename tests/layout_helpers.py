"""Helpers shared by the page-layout tests: metadata, body and span checks of
``graphkit.ingest.layout.parse_layout``."""
from __future__ import annotations

from graphkit.ingest.layout import parse_layout


def meta(text: str, lang: str = "en") -> dict:
    return parse_layout(text, lang).metadata.as_dict()


def body(text: str, lang: str = "en") -> list[str]:
    return [s.text for s in parse_layout(text, lang).body]


def assert_offsets(text: str, lang: str = "en") -> None:
    lay = parse_layout(text, lang)
    md = lay.metadata
    fields = [md.title, md.outlet, md.section, md.published, md.dateline, *md.authors, *md.editors,
              *md.based_on, *md.image_credit, *md.related_links_not_content]
    for f in fields:
        if f is not None and f.span is not None:
            assert text[f.span.start:f.span.end] == f.span.text
    for s in lay.body:
        assert text[s.start:s.end] == s.text
