"""The hand-made development set in tests/data/devset is well formed.

Illustrative, fictional articles written for graphkit with hand-made gold
(see tests/data/devset/README.md).  These tests check the annotation, not
graphkit: offsets match the text, ids are unique, ``nested_in`` and claims
point at existing ids, chains start at the article's outlet, and every gold
file is what ``scripts/make_gold.py`` makes from its spec.
"""
from __future__ import annotations

import doctest
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "tests" / "data" / "devset"
HOLDOUT = REPO / "tests" / "data" / "holdout"
THIRDSET = REPO / "tests" / "data" / "thirdset"
FOURTHSET = REPO / "tests" / "data" / "fourthset"
FIFTHSET = REPO / "tests" / "data" / "fifthset"
SETS = (DEVSET, HOLDOUT, THIRDSET, FOURTHSET, FIFTHSET)
GOLD_FILES = sorted(p for d in SETS for p in d.glob("*.gold.json"))
METADATA_KEYS = {"title", "outlet", "section", "published", "dateline", "authors", "editors",
                 "based_on", "image_credit", "related_links_not_content"}
LIST_KEYS = {"authors", "editors", "based_on", "image_credit", "related_links_not_content"}


def _make_gold():
    spec = importlib.util.spec_from_file_location("make_gold", REPO / "scripts" / "make_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_name(path.name[: -len(".gold.json")] + ".txt").read_text(encoding="utf-8")
    return gold, text


def _pieces(span) -> list[dict]:
    return span if isinstance(span, list) else [span]


@pytest.mark.parametrize("folder,n", [(DEVSET, 4), (HOLDOUT, 3), (THIRDSET, 3), (FOURTHSET, 3), (FIFTHSET, 2)],
                         ids=["devset", "holdout", "thirdset", "fourthset", "fifthset"])
def test_devset_is_there(folder, n):
    langs = [json.loads(p.read_text(encoding="utf-8"))["lang"] for p in folder.glob("*.gold.json")]
    assert langs.count("id") >= n and langs.count("en") >= n


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_offsets_match_text(path):
    gold, text = _load(path)
    for a in gold["attributions"]:
        for role in ("source", "cue", "content"):
            if a.get(role) is None:
                assert role == "source", f"{a['id']}: no {role}"
                continue
            for p in _pieces(a[role]):
                assert 0 <= p["start"] < p["end"] <= len(text), f"{a['id']} {role}: bad offsets"
                assert text[p["start"]:p["end"]] == p["text"], f"{a['id']} {role}: offsets do not match"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_ids_nesting_claims_and_values(path):
    gold, _ = _load(path)
    ids = [a["id"] for a in gold["attributions"]]
    assert len(ids) == len(set(ids)), "duplicate attribution ids"
    for a in gold["attributions"]:
        assert a["nested_in"] is None or (a["nested_in"] in ids and a["nested_in"] != a["id"])
        assert a["stance"] in {"asserts", "denies"}
        assert a["certainty"] in {"certain", "probable", "possible"}
        assert isinstance(a["direct"], bool) and isinstance(a["required"], bool)
        assert isinstance(a["via"], list)
        if a["source"] is not None:
            assert a["source"]["type"] in {"person", "person_group", "organization", "government",
                                           "outlet", "unspecified"}
            assert a["source"]["entity"] and isinstance(a["source"]["anonymous"], bool)
        else:
            assert not a["required"], f"{a['id']}: a source-less attribution should be optional"
    for c in gold["claims"]:
        assert set(c["attributions"]) <= set(ids), f"claim {c['id']}: unknown attribution"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_metadata_and_chains(path):
    gold, _ = _load(path)
    meta = gold["metadata"]
    assert set(meta) == METADATA_KEYS
    for k in LIST_KEYS:
        assert isinstance(meta[k], list)
    assert meta["outlet"] and meta["title"]
    assert gold["chains"], "no chains"
    for chain in gold["chains"]:
        assert len(chain) >= 2 and chain[0] == meta["outlet"], f"chain {chain} does not start at the outlet"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_article_size(path):
    gold, text = _load(path)
    assert 250 <= len(text.split()) <= 600
    required = [a for a in gold["attributions"] if a["required"]]
    assert 6 <= len(required) <= 15


def test_gold_files_are_made_from_specs():
    mg = _make_gold()
    specs = sorted(p for d in SETS for p in (d / "specs").glob("*.toml"))
    assert len(specs) == len(GOLD_FILES)
    for sp in specs:
        spec, text, out = mg.load(sp)
        gold, _ = mg.build(spec, text)
        assert out.read_text(encoding="utf-8") == mg.dumps(gold), f"{out.name} differs from {sp.name}"


def test_make_gold_doctests():
    mod = _make_gold()
    result = doctest.testmod(mod)
    assert result.attempted > 0 and result.failed == 0


def test_make_gold_rejects_bad_specs():
    mg = _make_gold()
    text = "Ann said it rains. Bob said it snows."
    with pytest.raises(mg.SpecError, match="not in the text"):
        mg.locate(text, "hail")
    with pytest.raises(mg.SpecError, match="more than once"):
        mg.locate(text, "said")
    base = {"doc_id": "x", "lang": "en", "metadata": {k: [] for k in METADATA_KEYS}}
    base["metadata"]["outlet"] = "Planet"
    atts = [{"id": "A1", "cue": {"text": "said", "at": 0}, "content": "it rains", "nested_in": "A9"}]
    with pytest.raises(mg.SpecError, match="nested_in"):
        mg.build({**base, "attributions": atts}, text)
