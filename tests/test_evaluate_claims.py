"""The claims check of ``graphkit eval``: pairwise P/R/F1 of claim grouping."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graphkit.evaluate import EvalResult, GoldDoc, Item, evaluate
from graphkit.evaluate.checks import check_claims, gold_claim_of
from graphkit.evaluate.report import claims_json, table, to_json
from graphkit.evaluate.scorer import aggregate
from graphkit.records import Attribution, Span

TEXT = "Ann said it rains. Bob denied it rains. Cy said the sun shines."
DEVSET = Path(__file__).parent / "data" / "devset"


def at(sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(sub, i + 1)
    return i, i + len(sub)


GOLD = [Item(cue=at("said"), content=at("it rains"), source=at("Ann"), id="A1"),
        Item(cue=at("denied"), content=at("it rains", 1), source=at("Bob"), id="A2"),
        Item(cue=at("said", 1), content=at("the sun shines"), source=at("Cy"), id="A3")]
CLAIMS = [{"id": "C1", "text": "it rains", "attributions": ["A1", "A2"]}]


def fake_extract(grouping):
    def run(article):
        out = []
        for n, g in enumerate(GOLD):
            (cs, ce), (ts, te), (ss, se) = g.cue[0], g.content[0], g.source[0]
            out.append(Attribution(f"a{n + 1}", Span.of(TEXT, cs, ce), [Span.of(TEXT, ts, te)],
                                   Span.of(TEXT, ss, se), claim=None))
        return out

    def resolve(article, atts):
        for a, c in zip(atts, grouping):
            a.claim = c
        return atts
    return run, resolve


def run_eval(grouping, claims=CLAIMS):
    ext, res = fake_extract(grouping)
    doc = GoldDoc("d", TEXT, GOLD, claims=claims)
    return evaluate([doc], extractor=ext, resolver=res)


def test_pair_counts():
    g = gold_claim_of(CLAIMS)
    r = check_claims(g, [("A1", "c1"), ("A2", "c1"), ("A3", "c2")])
    assert (r.tp, r.pred, r.gold) == (1, 1, 1)
    r = check_claims(g, [("A1", "c1"), ("A2", "c1"), ("A3", "c1")])
    assert (r.tp, r.pred, r.gold) == (1, 3, 1) and r.spurious == (("A1", "A3"), ("A2", "A3"))
    r = check_claims(g, [("A1", None), ("A2", None)])
    assert (r.tp, r.pred, r.gold) == (0, 0, 1) and r.missed == (("A1", "A2"),)


def test_unmatched_attributions_do_not_count():
    r = check_claims(gold_claim_of(CLAIMS), [("A1", "c1")])
    assert (r.tp, r.pred, r.gold) == (0, 0, 0)


def test_gold_claims_tolerate_odd_entries():
    assert gold_claim_of([{"attributions": ["A1"]}, "junk", {"id": "C2"}]) == {"A1": "claim1"}


def test_evaluate_reports_claims_in_json_and_table():
    res = run_eval(["c1", "c1", "c2"])
    js = to_json(res)
    assert js["claims"]["f1"] == 1.0 and js["claims"]["gold_pairs"] == 1 and js["claims"]["checked"]
    assert "claims: pairwise P/R/F1 1.000 / 1.000 / 1.000" in table(res)
    res = run_eval(["c1", "c2", "c2"])
    c = to_json(res)["claims"]
    assert (c["tp"], c["pred_pairs"], c["gold_pairs"]) == (0, 1, 1)
    assert c["missed"] == ["A1+A2"] and c["spurious"] == ["A2+A3"] and c["unlisted"] == 0
    json.dumps(to_json(res))


def test_no_gold_claims_no_key():
    res = run_eval(["c1", "c1", "c2"], claims=None)
    assert "claims" not in to_json(res)
    assert claims_json(EvalResult([], aggregate([]))) is None


def test_eval_command_on_devset_prints_claims():
    from graphkit.cli.eval import command
    files = sorted(str(p) for p in DEVSET.glob("*.gold.json"))[:2]
    out = CliRunner().invoke(command, ["--format", "gold", *files])
    assert out.exit_code == 0, out.output
    assert "claims: pairwise P/R/F1" in out.output
    js = json.loads(CliRunner().invoke(command, ["--format", "gold", "--json", *files]).output)
    assert 0.0 <= js["claims"]["f1"] <= 1.0
