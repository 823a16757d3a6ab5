"""The scoring protocol on small hand-made cases."""
from __future__ import annotations

import pytest

from graphkit.evaluate.scorer import Item, aggregate, normalise, score_document, span_of, tokens

TEXT = ('Mara Quill said: "The old bridge will close, " she added, "and the ferry will run." '
        'The council denied the plan. Rain is expected tomorrow, reportedly.')


def at(sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def score(gold, pred, text=TEXT):
    return aggregate([score_document(text, gold, pred, "doc")])


MARA = Item(source=at("Mara Quill"), cue=at("said"), content=at('"The old bridge will close, "'), id="G1")
COUNCIL = Item(source=at("The council"), cue=at("denied"), content=at("the plan"), id="G2")
RAIN = Item(source=None, cue=at("reportedly"), content=at("Rain is expected tomorrow"), id="G3")


def test_normalisation_strips_quotes_and_punctuation():
    s, e = at('"The old bridge will close, "')
    assert TEXT[slice(*normalise(TEXT, s, e))] == "The old bridge will close"
    # a bare colon would become empty: it keeps its bounds
    c = TEXT.index(":")
    assert normalise(TEXT, c, c + 1) == (c, c + 1)


def test_exact_hit():
    pred = [Item(source=at("Mara Quill"), cue=at("said"), content=at("The old bridge will close"))]
    s = score([MARA], pred)
    assert s.attribution.f1 == 1.0
    for role in ("source", "cue", "content"):
        assert s.roles[role]["exact"].f1 == 1.0, role
        assert s.roles[role]["overlap"].f1 == 1.0, role


def test_boundary_miss_still_overlaps():
    # content loses its last word: no exact hit, Jaccard 4/5, attribution still matches (F1 8/9)
    pred = [Item(source=at("Quill"), cue=at("said"), content=at("The old bridge will"))]
    s = score([MARA], pred)
    assert s.roles["content"]["exact"].f1 == 0.0
    assert s.roles["content"]["overlap"].p == pytest.approx(4 / 5)
    assert s.roles["content"]["overlap"].r == pytest.approx(4 / 5)
    assert s.roles["source"]["exact"].f1 == 0.0
    assert s.roles["source"]["overlap"].f1 == pytest.approx(1 / 2)
    assert s.attribution.f1 == 1.0


def test_content_too_short_does_not_match_attribution():
    pred = [Item(source=at("Mara Quill"), cue=at("said"), content=at("The old"))]
    s = score([MARA], pred)   # token F1 = 2*2/(5+2) = 0.57 -> match; "The" alone: 2/6 -> no match
    assert s.attribution.f1 == 1.0
    pred = [Item(source=at("Mara Quill"), cue=at("said"), content=at("The"))]
    assert score([MARA], pred).attribution.f1 == 0.0


def test_split_content_is_its_pieces_joined():
    first, second = at('"The old bridge will close, "'), at('"and the ferry will run."')
    gold = [Item(source=at("Mara Quill"), cue=at("said"), content=[first, second])]
    # the same pieces, given in the other order and with other quote marks: exact
    pred = [Item(source=at("Mara Quill"), cue=at("said"),
                 content=[at("and the ferry will run"), at("The old bridge will close")])]
    s = score(gold, pred)
    assert s.roles["content"]["exact"].f1 == 1.0
    # one span over both pieces also covers "she added": not exact, Jaccard 10/12
    whole = [Item(source=at("Mara Quill"), cue=at("said"), content=(first[0], second[1]))]
    s = score(gold, whole)
    assert s.roles["content"]["exact"].f1 == 0.0
    assert s.roles["content"]["overlap"].f1 == pytest.approx(10 / 12)
    assert s.attribution.f1 == 1.0
    assert span_of(TEXT, [first, second]) == span_of(TEXT, [at("The old bridge will close"),
                                                           at("and the ferry will run")])


def test_attribution_without_source():
    # gold has no source: any predicted source is fine for the match...
    pred = [Item(source=at("Rain"), cue=at("reportedly"), content=at("Rain is expected tomorrow"))]
    s = score([RAIN], pred)
    assert s.attribution.f1 == 1.0
    # ...but the predicted source span is a false positive of the source role
    assert s.roles["source"]["exact"].p == 0.0
    assert s.counts["source"]["gold"] == 0
    # without a predicted source too: source role has no spans at all -> 1.0
    pred = [Item(cue=at("reportedly"), content=at("Rain is expected tomorrow"))]
    assert score([RAIN], pred).roles["source"]["exact"].f1 == 1.0


def test_gold_source_must_overlap():
    pred = [Item(source=at("she"), cue=at("said"), content=at("The old bridge will close"))]
    assert score([MARA], pred).attribution.f1 == 0.0
    pred = [Item(source=None, cue=at("said"), content=at("The old bridge will close"))]
    assert score([MARA], pred).attribution.f1 == 0.0


def test_optional_gold_item_is_neither_miss_nor_false_positive():
    optional = Item(source=at("The council"), cue=at("denied"), content=at("the plan"), required=False)
    pred = [Item(source=at("Mara Quill"), cue=at("said"), content=at("The old bridge will close")),
            Item(source=at("The council"), cue=at("denied"), content=at("the plan"))]
    s = score([MARA, optional], pred)
    assert (s.counts["attribution"]["tp"], s.counts["attribution"]["pred"], s.counts["attribution"]["gold"]) == (1, 1, 1)
    assert s.attribution.f1 == 1.0
    # role scores: the optional spans are not gold and the prediction matching them is left out
    for role in ("source", "cue", "content"):
        assert s.roles[role]["exact"].f1 == 1.0, role
        assert s.counts[role]["pred"] == 1
    # missing the optional item costs nothing
    assert score([MARA, optional], pred[:1]).attribution.f1 == 1.0


def test_required_gold_is_matched_before_optional():
    pred = [Item(source=at("The council"), cue=at("denied"), content=at("the plan"))]
    optional = Item(source=at("The council"), cue=at("denied"), content=at("denied the plan"), required=False)
    s = score([COUNCIL, optional], pred)
    assert s.counts["attribution"]["tp"] == 1 and s.attribution.f1 == 1.0


def test_greedy_prefers_best_content_f1():
    g1 = Item(cue=at("said"), content=at("The old bridge will close"), id="a")
    g2 = Item(cue=at("said"), content=at("The old bridge"), id="b")
    p1 = Item(cue=at("said"), content=at("The old bridge"))
    p2 = Item(cue=at("said"), content=at("The old bridge will close"))
    d = score_document(TEXT, [g1, g2], [p1, p2])
    assert d.tp == 2
    assert {(m.gold, m.pred) for m in d.matches} == {(0, 1), (1, 0)}


def test_shared_source_counts_once():
    g = [Item(source=at("Mara Quill"), cue=at("said"), content=at("The old bridge will close")),
         Item(source=at("Mara Quill"), cue=at("added"), content=at("and the ferry will run"))]
    s = score(g, g)
    assert s.counts["source"]["gold"] == 1 and s.counts["cue"]["gold"] == 2


def test_empty_prediction():
    s = score([MARA, COUNCIL], [])
    assert s.attribution.p == 0.0 and s.attribution.r == 0.0 and s.attribution.f1 == 0.0
    assert s.roles["cue"]["overlap"].r == 0.0


def test_empty_gold_and_prediction_is_one():
    s = score([], [])
    assert s.attribution.f1 == 1.0
    assert all(s.roles[r][k].f1 == 1.0 for r in ("source", "cue", "content") for k in ("exact", "overlap"))
    # empty gold but something predicted: precision 0
    s = score([], [RAIN])
    assert s.attribution.p == 0.0 and s.attribution.f1 == 0.0


def test_micro_average_pools_documents():
    d1 = score_document(TEXT, [MARA], [MARA])
    d2 = score_document(TEXT, [COUNCIL, RAIN], [])
    s = aggregate([d1, d2])
    assert s.attribution.p == 1.0 and s.attribution.r == pytest.approx(1 / 3)
    assert s.roles["cue"]["overlap"].r == pytest.approx(1 / 3)   # pooled over 3 gold cues


def test_tokens_are_positions():
    t = "yes yes"
    assert len(tokens(t, ((0, 7),))) == 2


# --------------------------------------------------------------------------- metadata and chains

from graphkit.evaluate.checks import PredictedChain, check_chains, compare_metadata  # noqa: E402

ALIASES = {"courier": "coast courier", "coast courier": "coast courier", "wire": "global wire",
           "global wire": "global wire", "gw": "global wire"}


def test_metadata_fields_right_and_wrong():
    checks = compare_metadata({"outlet": "Coast Courier", "authors": ["A. Writer", "B. Writer"], "dateline": "Portsmouth"},
                              {"outlet": "Coast  Courier", "authors": ["B. Writer", "A. Writer"], "dateline": None})
    assert [c.ok for c in checks] == [True, False, False]   # lists compare as lists (order counts)


def test_chain_found_through_aliases_and_span():
    items = [Item(source=at("Mara Quill"), cue=at("said"), content=at("The old bridge will close"),
                  entity="Mara Quill", via=("Global Wire",))]
    gold = [["Coast Courier", "Global Wire", "Mara Quill"]]
    span = ((at("Quill")[0], at("Quill")[1]),)
    # label differs ("Quill"), but the source span overlaps the gold source; outlets by alias / "the"
    by_span = PredictedChain(("the Courier", "GW", "Quill"), span, "p1")
    assert check_chains(TEXT, gold, items, [by_span], ALIASES)[0].found
    by_label = PredictedChain(("Coast Courier", "global wire", "mara quill"), None, "p2")
    assert check_chains(TEXT, gold, items, [by_label], ALIASES)[0].by == "p2"
    # without the intermediary the chain is not the gold one
    direct = PredictedChain(("Coast Courier", "Mara Quill"), span, "p3")
    assert not check_chains(TEXT, gold, items, [direct], ALIASES)[0].found
    # a wrong article outlet is not found either
    other = PredictedChain(("Other Post", "Global Wire", "Mara Quill"), span, "p4")
    assert not check_chains(TEXT, gold, items, [other], ALIASES)[0].found
