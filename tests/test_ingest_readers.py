"""Readers: files, directories, JSON (Lines), stdin, bad input."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import CORPORA, DATA, needs_shared

from graphkit.ingest import ReadResult, read_paths


def test_bad_inputs_give_one_line_reasons_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Rain fell on Friday, police said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\u00a0\n", encoding="utf-8")
    (tmp_path / "nul.bin").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "ctrl.txt").write_bytes(bytes(range(1, 9)) * 20)
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 bagus sekali".encode("latin-1"))
    paths = [str(tmp_path / n) for n in ("empty.txt", "blank.txt", "nul.bin", "ctrl.txt", "latin1.txt")]
    res = list(read_paths([str(tmp_path / "missing.txt"), *paths, str(good)]))
    errors = [r.error for r in res]
    assert errors[:6] == [
        "no such file", "empty file", "empty file", "binary file (contains NUL bytes)",
        "binary file (mostly non-text characters)", "not UTF-8 text: invalid continuation byte at byte 3",
    ]
    assert all("\n" not in e for e in errors[:6])
    assert res[-1].error is None and res[-1].article.body[0].text.startswith("Rain fell")
    assert all(isinstance(r, ReadResult) for r in res)


def test_directory_recursive_sorted_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second story, officials said.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story, officials said.", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    res = list(read_paths([str(tmp_path)]))
    assert [Path(r.source).name for r in res] == ["a.txt", "z.txt"]
    assert all(r.ok for r in res)


def test_stdin(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO("Rain fell, police said.\n".encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (res,) = list(read_paths(["-"]))
    assert res.source == "-" and res.article.text.startswith("Rain fell")


def test_stdin_json_lines(monkeypatch):
    data = '{"text": "One, he said."}\n{"text": "Two, she said."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))
    assert [r.ok for r in read_paths(["-"])] == [True, True]


def test_json_lines_with_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join([
        json.dumps({"url": "https://www.reuters.com/x", "title": "T1", "text": "Rain fell, police said."}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"title": "T5", "text": "Sun came out, officials said.", "outlet": "KOMPAS.com",
                    "authors": "Ann Lee and Bo Chan", "published": "11 Oktober 2024, 15:32 WIB", "lang": "id"}),
    ]), encoding="utf-8")
    res = list(read_paths([str(p)]))
    assert [r.source.rsplit(":", 1)[1] for r in res] == ["1", "2", "3", "4", "6"]
    assert res[0].ok and res[0].article.metadata.outlet.value == "Reuters"
    assert res[1].error.startswith("invalid JSON: ")
    assert res[2].error == "record has no 'text' (a non-empty string)"
    assert res[3].error == "expected a JSON object, got list"
    m = res[4].article.metadata
    assert (m.outlet.value, m.published.value, [a.value for a in m.authors]) == (
        "Kompas", "2024-10-11T15:32:00+07:00", ["Ann Lee", "Bo Chan"])


def test_json_file_object_and_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "Rain fell, police said."}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A, he said."}, {"text": ""}]), encoding="utf-8")
    res = {r.source.split("/")[-1]: r for r in read_paths([str(tmp_path)])}
    assert res["one.json"].ok and res["many.json[0]"].ok
    assert res["many.json[1]"].error == "record has no 'text' (a non-empty string)"


def test_record_title_line_and_furniture_leave_body():
    from graphkit.ingest import article_from_record

    a = article_from_record({"title": "Dam holds", "outlet": "www.theguardian.com",
                             "text": "Dam holds\nADVERTISEMENT\nBERLIN (AP) — The dam held, engineers said.\nRead more: Older story"})
    m = a.metadata
    assert m.title.span is not None and m.title.span.text == "Dam holds"
    assert m.outlet.value == "The Guardian" and [b.value for b in m.based_on] == ["AP"]
    assert [s.text for s in a.body] == ["The dam held, engineers said."]
    assert m.dateline.value == "Berlin"


def test_illustrative_articles_read():
    res = list(read_paths([str(DATA / "articles")]))
    assert res and all(r.ok for r in res), [r.error for r in res if not r.ok]
    langs = {Path(r.source.split(":")[0]).name: r.article.lang for r in res}
    assert langs["illustrative-wire-en.txt"] == "en" and langs["illustrative-page-id.html"] == "id"
    recs = [r for r in res if "records.jsonl" in r.source]
    assert len(recs) == 3 and {r.article.lang for r in recs} == {"id", "en"}
    for r in res:
        for s in r.article.body:
            assert r.article.text[s.start:s.end] == s.text


@needs_shared
@pytest.mark.parametrize("name, count", [
    ("detik-id/articles.jsonl", 600), ("news-clusters-en/articles.jsonl", 383), ("bbc-politics-en", 299)])
def test_shared_corpora_read_without_failures(name, count):
    res = list(read_paths([str(CORPORA / name)]))
    assert [r.error for r in res if not r.ok] == []
    assert len(res) == count
    for r in res:
        a = r.article
        assert a.metadata.title is not None and a.body and a.id
        for f in [a.metadata.title, a.metadata.dateline, *a.metadata.related_links_not_content,
                  *a.metadata.image_credit, *a.metadata.authors]:
            if f is not None and f.span is not None:
                assert a.text[f.span.start:f.span.end] == f.span.text
        for s in a.body:
            assert a.text[s.start:s.end] == s.text
    if name.startswith("detik"):
        assert {r.article.lang for r in res} == {"id"}
        assert all("SCROLL TO CONTINUE" not in s.text for r in res for s in r.article.body)
    if name.startswith("bbc"):   # title on the first line, not in the body
        assert all(r.article.metadata.title.span.start < r.article.body[0].start for r in res)
