"""`graphkit eval` end to end (with a stand-in extractor where graphkit's is not needed)."""
from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphkit.evaluate as ev
from graphkit.cli import main
from graphkit.records import Attribution, Span
from conftest import POLNEAR, SEED_GOLD, needs_shared

TEXT = ("Dana Reyes said the harbour will reopen in May. The port authority denied reports of a strike. "
        "Officials said the ferries were late.\n")
SAID = re.compile(r"(?P<src>[A-Z]\w*(?: \w+)*?) (?P<cue>said|denied) (?P<content>[^.]+)\.")


def said_extractor(article):
    """A stand-in extractor: '<Name> said|denied <content>.'"""
    out = []
    for i, m in enumerate(SAID.finditer(article.text)):
        t = article.text
        out.append(Attribution(f"a{i}", Span.of(t, *m.span("cue")), [Span.of(t, *m.span("content"))],
                               Span.of(t, *m.span("src"))))
    return out


def _span(sub: str) -> dict:
    s = TEXT.index(sub)
    return {"text": sub, "start": s, "end": s + len(sub)}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    (tmp_path / "harbour.txt").write_text(TEXT, encoding="utf-8")
    gold = {"doc_id": "harbour", "lang": "en", "metadata": {"title": "Harbour", "authors": []},
            "chains": [["Coast Courier", "Dana Reyes"]],
            "attributions": [
                {"id": "A1", "required": True, "source": {**_span("Dana Reyes"), "entity": "Dana Reyes"},
                 "cue": _span("said"), "content": _span("the harbour will reopen in May")},
                {"id": "A2", "required": True, "source": {**_span("The port authority"), "entity": "port authority"},
                 "cue": _span("denied"), "content": _span("reports of a strike")},
                {"id": "A3", "required": False, "source": None,
                 "cue": _span("reports"), "content": _span("of a strike")}]}
    path = tmp_path / "harbour.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(ev, "default_extractor", lambda method="auto", conventions="graphkit": said_extractor)


def test_gold_json_output(gold_file, fake, tmp_path):
    preds = tmp_path / "pred.jsonl"
    res = CliRunner().invoke(main, ["eval", "--format", "gold", str(gold_file), "--json",
                                    "--predictions", str(preds), "--errors", "3"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)                 # the error listing went to stderr
    assert out["documents"] == 1
    # "Dana Reyes said ..." right; "port authority denied" has source "port authority" (overlaps) -> match;
    # "Officials said the ferries were late" is a false positive
    assert out["attribution"]["r"] == 1.0 and out["attribution"]["p"] == pytest.approx(2 / 3)
    for role in ("source", "cue", "content"):
        for kind in ("exact", "overlap"):
            assert set(out[role][kind]) == {"p", "r", "f1"}
    assert out["metadata"]["right"] + out["metadata"]["wrong"] == 2
    assert out["chains"]["gold"] == 1
    assert "false positives" in res.stderr and "Officials" in res.stderr
    lines = preds.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["doc"] == "harbour" and len(rec["attributions"]) == 3
    a = rec["attributions"][0]
    assert TEXT[slice(*a["cue"])] == "said" and TEXT[slice(*a["source"])] == "Dana Reyes"
    assert [TEXT[s:e] for s, e in a["content"]] == ["the harbour will reopen in May"]


def test_table_output(gold_file, fake):
    res = CliRunner().invoke(main, ["eval", str(gold_file), "--errors", "1"])
    assert res.exit_code == 0, res.output
    assert "attribution" in res.stdout and "content" in res.stdout and "worst misses" in res.stdout


def test_bad_input_is_a_clear_error(tmp_path, fake):
    res = CliRunner().invoke(main, ["eval", "--format", "polnear", str(tmp_path)])
    assert res.exit_code != 0 and "text/ and attributions/" in res.output and "Traceback" not in res.output
    bad = tmp_path / "bad.gold.json"
    bad.write_text("[", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--format", "gold", str(bad)])
    assert res.exit_code != 0 and "Error:" in res.output


def test_failing_extractor_does_not_stop_the_run(gold_file, monkeypatch):
    def boom(article):
        raise RuntimeError("no luck")
    monkeypatch.setattr(ev, "default_extractor", lambda method="auto", conventions="graphkit": boom)
    res = CliRunner().invoke(main, ["eval", str(gold_file), "--json"])
    out = json.loads(res.stdout)
    assert out["attribution"]["f1"] == 0.0 and "no luck" in out["failed"]["harbour"]


def _real_or_fake(monkeypatch) -> None:
    try:
        importlib.import_module("graphkit.extract").extract  # noqa: B018
    except (ImportError, AttributeError):
        monkeypatch.setattr(ev, "default_extractor", lambda method="auto", conventions="graphkit": said_extractor)


def _check_shape(out: dict) -> None:
    for key in ("attribution", "source", "cue", "content"):
        parts = [out[key]] if key == "attribution" else [out[key]["exact"], out[key]["overlap"]]
        for prf in parts:
            assert set(prf) >= {"p", "r", "f1"}
            assert all(0.0 <= prf[k] <= 1.0 for k in ("p", "r", "f1"))


@needs_shared
def test_polnear_dev(monkeypatch):
    _real_or_fake(monkeypatch)
    res = CliRunner().invoke(main, ["eval", "--format", "polnear", str(POLNEAR / "dev"), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["documents"] == 84
    _check_shape(out)


@needs_shared
def test_seed_gold(monkeypatch):
    _real_or_fake(monkeypatch)
    res = CliRunner().invoke(main, ["eval", "--format", "gold", str(SEED_GOLD), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["documents"] == 1
    _check_shape(out)
    assert out["metadata"]["right"] + out["metadata"]["wrong"] >= 10
