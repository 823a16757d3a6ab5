"""Extraction quality must not regress: `graphkit eval` figures on the
annotated sets, with floors a little below the figures quoted in README.md."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from conftest import POLNEAR, REPO, SEED_GOLD, needs_shared


def _eval(*args: str) -> dict:
    r = CliRunner().invoke(main, ["eval", "--json", *args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize("folder,floor", [("devset", 0.95), ("holdout", 0.90), ("thirdset", 0.90), ("fourthset", 0.90),
                                               ("fifthset", 0.90)])
def test_illustrative_sets(folder, floor):
    files = sorted(str(p) for p in (REPO / "tests" / "data" / folder).glob("*.gold.json"))
    res = _eval("--format", "gold", *files)
    assert res["attribution"]["f1"] >= floor
    assert res["cue"]["exact"]["f1"] >= floor - 0.05


@needs_shared
def test_seed():
    res = _eval("--format", "gold", str(SEED_GOLD))
    assert res["attribution"]["f1"] == 1.0
    assert res["chains"]["found"] == res["chains"]["gold"] == 8


@needs_shared
def test_polnear_dev():
    # the PolNeAR scheme: auto means the neural tagger trained on PolNeAR train
    res = _eval("--format", "polnear", str(POLNEAR / "dev"))
    assert res["documents"] == 84 and res["conventions"] == "polnear"
    assert res["attribution"]["f1"] >= 0.70
    assert res["source"]["exact"]["f1"] >= 0.74
    assert res["cue"]["exact"]["f1"] >= 0.69
    assert res["content"]["exact"]["f1"] >= 0.57


@needs_shared
def test_polnear_dev_with_the_rules_and_crf():
    res = _eval("--format", "polnear", "--method", "hybrid", str(POLNEAR / "dev"))
    assert res["attribution"]["f1"] >= 0.62
