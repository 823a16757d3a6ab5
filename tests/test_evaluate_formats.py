"""Readers: brat standoff (PolNeAR layout) and the gold JSON, on fixtures written here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.evaluate.formats import FormatError, parse_brat, read_corpus, read_gold, read_polnear

TEXT = ('"We will open the depot in spring, " the mayor told reporters, "if the budget passes."\n'
        'Critics said the plan was rushed.\nRead more here.\n')

ANN = """T1\tContent 0 36;63 86\t"We will open the depot in spring, " "if the budget passes."
T2\tSource 37 46\tthe mayor
T3\tCue 47 51\ttold
T4\tAttribution 47 51\ttold
E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
T5\tSource 87 94\tCritics
T6\tCue 95 99\tsaid
T7\tContent 100 119\tthe plan was rushed
T8\tAttribution 95 99\tsaid
E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7
T9\tDiscard 121 136\tRead more here.
T10\tCue 95 99\tsaid
T11\tAttribution-no-source 95 99\tsaid
E3\tAttribution-no-source:T11 Cue:T10
#1\tAnnotatorNotes T1\ta note
"""


def at(sub: str) -> tuple[int, int]:
    s = TEXT.index(sub)
    return s, s + len(sub)


def test_fixture_offsets_are_right():
    assert TEXT[37:46] == "the mayor" and TEXT[47:51] == "told" and TEXT[95:99] == "said"
    assert TEXT[100:119] == "the plan was rushed" and TEXT[121:136] == "Read more here."


def test_multi_piece_content_and_events():
    items = parse_brat(ANN)
    assert len(items) == 2                     # E3 has no content: skipped; Discard ignored
    first, second = items
    assert first.content == ((0, 36), (63, 86))
    assert first.source == (at("the mayor"),) and first.cue == (at("told"),)
    assert second.source == (at("Critics"),) and second.content == (at("the plan was rushed"),)


def test_content2_joins_the_content():
    ann = ("T1\tContent 0 36\tx\nT2\tContent 63 86\ty\nT3\tCue 47 51\ttold\n"
           "E1\tAttribution-no-source:T9 Content:T1 Content2:T2 Cue:T3\n")
    (item,) = parse_brat(ann)
    assert item.content == ((0, 36), (63, 86)) and item.source is None


def test_multi_line_span_text_is_tolerated():
    ann = "T1\tContent 0 36\tline one\nline two\nT2\tCue 47 51\ttold\nE1\tAttribution:T5 Content:T1 Cue:T2\n"
    assert len(parse_brat(ann)) == 1


def _polnear(tmp_path: Path) -> Path:
    root = tmp_path / "split"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "paper_2016-01-01_depot.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "paper_2016-01-01_depot_b2.ann").write_text("", encoding="utf-8")
    (root / "attributions" / "paper_2016-01-01_depot_a1.ann").write_text(ANN, encoding="utf-8")
    return root


def test_read_polnear_uses_first_annotator(tmp_path):
    (doc,) = read_polnear(_polnear(tmp_path))
    assert doc.name == "paper_2016-01-01_depot"
    assert doc.text == TEXT and len(doc.items) == 2


def test_read_polnear_keeps_carriage_returns(tmp_path):
    root = _polnear(tmp_path)
    (root / "text" / "paper_2016-01-01_depot.txt").write_bytes(b"a\r\nb")
    assert read_polnear(root)[0].text == "a\r\nb"


def test_read_polnear_rejects_other_layouts(tmp_path):
    with pytest.raises(FormatError, match="text/ and attributions/"):
        read_polnear(tmp_path)


def test_read_gold(tmp_path):
    (tmp_path / "depot.txt").write_text(TEXT, encoding="utf-8")
    s, e = at("the mayor")
    gold = {"doc_id": "depot-1", "lang": "en", "metadata": {"outlet": "Town Crier"}, "chains": [["Town Crier", "mayor"]],
            "attributions": [
                {"id": "A1", "required": True,
                 "source": {"text": "the mayor", "start": s, "end": e, "entity": "mayor"},
                 "cue": {"text": "told", "start": 47, "end": 51},
                 "content": {"text": "wrong", "start": 0, "end": 36}, "via": []},
                {"id": "A2", "required": False, "source": None,
                 "cue": {"text": "said", "start": 95, "end": 99},
                 "content": {"text": "the plan was rushed", "start": 100, "end": 119}}]}
    path = tmp_path / "depot.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    doc = read_gold(path)
    assert doc.name == "depot-1" and doc.metadata == {"outlet": "Town Crier"}
    assert [i.required for i in doc.items] == [True, False]
    assert doc.items[0].entity == "mayor" and doc.items[1].source is None
    assert any("gold says 'wrong'" in w for w in doc.warnings)


def test_read_gold_errors(tmp_path):
    path = tmp_path / "x.gold.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(FormatError, match="text file"):
        read_gold(path)
    (tmp_path / "x.txt").write_text("abc", encoding="utf-8")
    with pytest.raises(FormatError, match="no 'attributions' list"):
        read_gold(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(FormatError, match="invalid JSON"):
        read_gold(path)
    path.write_text(json.dumps({"attributions": [{"cue": {"start": 0, "end": 99}, "content": {"start": 0, "end": 1}}]}))
    with pytest.raises(FormatError, match="outside the text"):
        read_gold(path)
    with pytest.raises(FormatError, match="unknown format"):
        read_corpus("conll", [path])
