"""Span conventions of annotation schemes (graphkit.extract.conventions) and
the eval command's --conventions option."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.extract import extract_text
from graphkit.extract.conventions import apply
from graphkit.records import Attribution, Span


def _att(t: str, cue: str, content: str) -> Attribution:
    c = t.index(cue)
    k = t.index(content)
    return Attribution("a1", Span.of(t, c, c + len(cue)), [Span.of(t, k, k + len(content))])


def test_polnear_takes_the_complementizer_in():
    t = "The mayor insisted that the bridge was safe."
    out = apply(t, [_att(t, "insisted", "the bridge was safe")], "en", "polnear")
    assert out[0].content[0].text == "that the bridge was safe"
    assert out[0].content[0].start == t.index("that")


def test_graphkit_leaves_it_out_and_input_is_not_changed():
    t = "The mayor insisted that the bridge was safe."
    a = _att(t, "insisted", "that the bridge was safe")
    out = apply(t, [a], "en", "graphkit")
    assert out[0].content[0].text == "the bridge was safe"
    assert a.content[0].text == "that the bridge was safe"


def test_a_that_before_the_cue_is_not_taken():
    t = "That, she said, was all."
    a = _att(t, "said", "was all")
    assert apply(t, [a], "en", "polnear")[0].content[0].text == "was all"


def test_indonesian_complementizer_from_language_data():
    t = "Menteri itu mengatakan bahwa harga naik."
    out = apply(t, [_att(t, "mengatakan", "harga naik")], "id", "polnear")
    assert out[0].content[0].text == "bahwa harga naik"


def test_unknown_convention_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown span convention"):
        apply("", [], "en", "brat")


def test_parenthetical_report_splits_its_content():
    t = "The new levy, the treasurer said on Monday, would hurt small farms badly."
    [a] = [a for a in extract_text(t, "en") if a.cue.text == "said"]
    assert [p.text for p in a.content] == ["The new levy", "would hurt small farms badly"]
    assert a.source.text == "the treasurer"


def test_eval_cli_reports_the_conventions(tmp_path):
    t = "The mayor insisted that the bridge was safe.\n"
    (tmp_path / "a.txt").write_text(t, encoding="utf-8")
    s = t.index("that")
    gold = {"doc_id": "a", "lang": "en", "attributions": [{
        "id": "a1", "required": True, "direct": False, "stance": "asserts", "certainty": "certain",
        "source": {"text": "The mayor", "start": 0, "end": 9, "type": "person", "anonymous": False},
        "cue": {"text": "insisted", "start": 10, "end": 18},
        "content": {"text": t[s:-2], "start": s, "end": len(t) - 2}}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = {}
    for conv in ("graphkit", "polnear"):
        r = CliRunner().invoke(main, ["eval", "--json", "--conventions", conv, str(tmp_path / "a.gold.json")])
        assert r.exit_code == 0, r.output
        scores[conv] = json.loads(r.stdout)
    assert scores["polnear"]["conventions"] == "polnear"
    assert scores["polnear"]["content"]["exact"]["f1"] == 1.0
    assert scores["graphkit"]["content"]["exact"]["f1"] == 0.0


def test_eval_reports_attributes_of_matched_attributions(tmp_path):
    t = "The ministry denied that the plant was closed.\n"
    (tmp_path / "b.txt").write_text(t, encoding="utf-8")
    gold = {"doc_id": "b", "lang": "en", "attributions": [{
        "id": "A1", "required": True, "direct": False, "stance": "denies", "certainty": "probable",
        "source": {"text": "The ministry", "start": 0, "end": 12, "type": "government", "anonymous": False},
        "cue": {"text": "denied", "start": 13, "end": 19},
        "content": {"text": "the plant was closed", "start": 25, "end": 45}}]}
    (tmp_path / "b.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", "--json", str(tmp_path / "b.gold.json")])
    assert r.exit_code == 0, r.output
    attrs = json.loads(r.stdout)["attributes"]
    assert attrs["stance"] == {"right": 1, "compared": 1, "wrong": []}
    assert attrs["certainty"]["right"] == 0
    assert attrs["certainty"]["wrong"] == [{"gold": "A1", "gold_value": "probable", "predicted": "certain"}]
    r = CliRunner().invoke(main, ["eval", str(tmp_path / "b.gold.json")])
    assert "attributes of matched attributions: stance 1/1, certainty 0/1" in r.output
