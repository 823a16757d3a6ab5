"""HTML pages: main text, meta tags and JSON-LD."""
from __future__ import annotations

import json

from conftest import DATA

from graphkit.ingest import article_from_html
from graphkit.ingest.html import page_metadata
from graphkit.ingest.readers import read_paths

PAGE = DATA / "articles" / "illustrative-page-id.html"


def test_illustrative_page():
    (res,) = list(read_paths([str(PAGE)]))
    a = res.article
    m = a.metadata.as_dict()
    assert a.lang == "id"
    assert m["title"] == "Gubernur Fiktif Bantah Tutup Pelabuhan Sampel"
    assert m["outlet"] == "Warta Contoh" and m["section"] == "Daerah"
    assert m["published"] == "2025-04-02T10:20:00+08:00"
    assert m["authors"] == ["Putri Contohsari", "Bayu Ilustrasi"]
    assert m["editors"] == ["Hendra Sampelo"] and m["based_on"] == ["Antara"]
    assert m["url"].startswith("https://warta-contoh.example/")
    assert m["dateline"] == "Kota Contoh"
    assert m["related_links_not_content"] == ["Antrean Truk di Jalan Menuju Pelabuhan Sampel Mengular"]
    body = "\n".join(s.text for s in a.body)
    assert "Beranda" not in body and "hak dilindungi" not in body and "Baca juga" not in body
    assert body.startswith("Gubernur Provinsi Sampel")
    for s in a.body:
        assert a.text[s.start:s.end] == s.text
    assert a.metadata.title.span is None or a.text[a.metadata.title.span.start:a.metadata.title.span.end] == m["title"]


def test_json_ld_graph_and_based_on_url():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Site"},
        {"@type": "NewsArticle", "headline": "Dam holds", "datePublished": "2024-10-11T08:32:00Z",
         "author": {"@type": "Person", "name": "Ann Lee"},
         "publisher": {"@type": "Organization", "name": "Reuters"},
         "isBasedOn": "https://apnews.com/article/x"}]}
    html = f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head></html>'
    pm = page_metadata(html)
    assert pm["title"] == "Dam holds" and pm["outlet"] == "Reuters" and pm["authors"] == ["Ann Lee"]
    assert pm["based_on"] == ["Associated Press"] and pm["published"] == "2024-10-11T08:32:00Z"


def test_page_without_text_is_reported(tmp_path):
    p = tmp_path / "x.html"
    p.write_text("<html><head><title>Nothing</title></head><body>\n</body></html>", encoding="utf-8")
    (res,) = list(read_paths([str(p)]))
    assert res.article is None and res.error == "no article text found in the HTML page"


def test_html_sniffed_from_text_file(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<!DOCTYPE html><html><head><meta property='og:title' content='Dam holds'></head><body><article>"
                 "<p>The dam held on Friday after a long night of checks, engineers said in a statement.</p>"
                 "</article></body></html>", encoding="utf-8")
    (res,) = list(read_paths([str(p)]))
    assert res.ok and res.article.metadata.title.value == "Dam holds"
    assert "<p>" not in res.article.text


def test_garbage_html_never_raises():
    a = None
    try:
        a = article_from_html("<html><body><p>" + "x" * 10 + "</p></body></html>")
    except ValueError as exc:
        assert "no article text" in str(exc)
    assert a is None or a.text
