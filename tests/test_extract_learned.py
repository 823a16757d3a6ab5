"""The learned (CRF) attribution tagger, the hybrid extractor and method dispatch."""
from __future__ import annotations

import sys
import time

import pytest

from graphkit.extract import extract, extract_text, learned, learned_hybrid
from graphkit.extract.learned_features import Encoder, paragraphs_of, strings, tokenize, tokenize_doc
from graphkit.ingest import article_from_text
from graphkit.records import Article, Span

TEXT = (
    "Budget talks stalled again on Tuesday.\n\n"
    "“We will not sign anything that cuts school funding,” the mayor, Lena Ortiz, told reporters "
    "at City Hall.\n\n"
    "The finance committee said the city could run out of cash by March, according to a memo "
    "seen by the newspaper. Ortiz added that she expected a deal within two weeks.\n\n"
    "Union leaders denied that a strike was planned, but a spokesman said talks might collapse. "
    "Some council members believe the deadline is unrealistic.\n"
)
ID_TEXT = "Juru bicara kementerian membantah kabar itu. Menurut polisi, jalan itu ditutup sementara.\n"

needs_model = pytest.mark.skipif(not learned.available("en"), reason="no shipped English model")


def _art(text: str, lang: str = "en", start: int = 0) -> Article:
    return Article(text=text, lang=lang, body=[Span.of(text, start, len(text))])


def test_unknown_language_is_unavailable():
    assert learned.available("xx") is False


@needs_model
def test_model_loads_fast():
    learned._MODELS.clear()
    t0 = time.perf_counter()
    learned.model("en")
    assert time.perf_counter() - t0 < 3.0


@needs_model
@pytest.mark.parametrize("method", ["learned", "hybrid", "auto"])
def test_spans_inside_text(method):
    atts = extract(_art(TEXT), method=method)
    assert atts, "expected at least one attribution"
    assert [a.id for a in atts] == [f"a{i + 1}" for i in range(len(atts))]
    for a in atts:
        assert a.content
        for s in a.spans():
            assert 0 <= s.start < s.end <= len(TEXT)
            assert s.text == TEXT[s.start:s.end]
    cues = {a.cue.text for a in atts}
    assert cues & {"told", "said", "according to", "added"}
    quoted = [a for a in atts if "school funding" in " ".join(c.text for c in a.content)]
    assert quoted and quoted[0].direct


@needs_model
def test_hybrid_takes_rule_facts():
    atts = extract(_art(TEXT), method="hybrid")
    ids = {a.id for a in atts}
    assert all(a.nested_in is None or a.nested_in in ids for a in atts)
    denied = [a for a in atts if a.cue.text == "denied"]
    assert denied and denied[0].stance == "denies"
    assert all(a.sentence is None or a.sentence.start <= a.cue.start < a.sentence.end for a in atts)


def test_rules_method_is_the_rule_extractor():
    art = article_from_text(TEXT)
    want = extract_text(TEXT, "en", art.body_spans())
    got = extract(art, method="rules")
    assert [(a.cue, a.content, a.source, a.stance, a.nested_in) for a in got] == \
        [(a.cue, a.content, a.source, a.stance, a.nested_in) for a in want]


def test_unknown_method_raises():
    with pytest.raises(ValueError, match="unknown extraction method"):
        extract(_art(TEXT), method="bogus")


def test_auto_is_the_rules_in_english():
    # graphkit's scheme: the PolNeAR-trained taggers are opt-in (see extract's docstring)
    art = article_from_text(TEXT)
    rules = extract(art, method="rules")
    assert [(a.cue, a.content, a.source, a.stance) for a in extract(art)] == \
        [(a.cue, a.content, a.source, a.stance) for a in rules]


def test_auto_on_indonesian_is_rules():
    art = _art(ID_TEXT, "id")
    rules = extract(art, method="rules")
    assert rules
    for method in ("auto", "hybrid"):
        got = extract(art, method=method)
        assert [(a.cue, a.content, a.source) for a in got] == [(a.cue, a.content, a.source) for a in rules]
    with pytest.raises(ValueError, match="no learned attribution model"):
        extract(art, method="learned")


def test_without_crfsuite_hybrid_is_rules(monkeypatch):
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)   # import fails
    assert learned.available("en") is False
    art = _art(TEXT)
    want = [(a.cue, a.content) for a in extract(art, method="rules")]
    assert [(a.cue, a.content) for a in extract(art, method="hybrid")] == want
    with pytest.raises(ValueError):
        extract(art, method="learned")


@needs_model
def test_numpy_decoder_matches_crfsuite():
    import pycrfsuite

    m = learned.model("en")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(learned.MODELS / "en-attribution.crfsuite"))
    rules = extract_text(TEXT, "en")
    words, starts, ends = tokenize_doc(TEXT, [(0, len(TEXT))])
    enc = m.encoder.encode(TEXT, words, starts, ends, rules)
    feats = strings(enc, m.encoder)
    want = [lab for a, b in paragraphs_of(enc.par_start) for lab in tagger.tag(feats[a:b])]
    assert m.viterbi(m.emissions(enc), enc.par_start) == want


@needs_model
def test_only_body_spans_are_tagged():
    start = TEXT.index("The finance")
    for a in learned.extract_learned(_art(TEXT, start=start)):
        assert all(s.start >= start for s in a.spans())


@needs_model
@pytest.mark.parametrize("text", ["", "   \n\n", "“Unbalanced quote, she said.", "He said: ”odd“ \"x", "\n\n“\n"])
def test_edge_cases_do_not_crash(text):
    for method in ("learned", "hybrid"):
        for a in extract(Article(text=text, lang="en"), method=method):
            assert all(s.text == text[s.start:s.end] for s in a.spans())


def test_decode_empty_and_unbalanced():
    assert learned.decode("", [], [], []) == []
    t = "“No way, he said."
    toks = tokenize(t)
    starts, ends = [x.start for x in toks], [x.end for x in toks]
    labels = ["O", "B-CON", "I-CON", "O", "B-SRC", "B-CUE", "O"]
    (a,) = learned.decode(t, starts, ends, labels)
    assert a.cue.text == "said" and a.source.text == "he" and a.content[0].text == "No way"
    # a cue without content is dropped; stray I- tags start a segment
    assert learned.decode(t, starts, ends, ["O", "O", "O", "O", "O", "I-CUE", "O"]) == []


def test_features_unbalanced_quotes():
    t = "“One.\n\nTwo” three."
    words, starts, ends = tokenize_doc(t, [(0, len(t))])
    enc = Encoder(frozenset(), {}).encode(t, words, starts, ends)
    f = strings(enc)
    assert len(f) == len(words)
    assert "q=1" in f[1]                   # inside the quote
    assert enc.par_start.tolist() == [True, False, False, True, False, False, False]
    assert "q=3" in f[4]                   # a closing quote in a new paragraph


def test_combine_falls_back_to_stance_functions():
    t = "Ann denied that it rained. Bob may have said it."
    found = [learned.Attribution("x", Span.of(t, 4, 10), [Span.of(t, 11, 25)], Span.of(t, 0, 3))]
    (a,) = learned_hybrid.combine(t, "en", [], found)
    assert (a.id, a.stance) == ("a1", "denies")


def test_segments_of_label_ids_match_segments():
    import random

    import numpy as np

    labels = ["O", "B-SRC", "B-CUE", "B-CON", "I-CON", "I-CUE", "I-SRC"]
    rng = random.Random(7)
    for _ in range(300):
        ids = [rng.choice(range(len(labels))) if rng.random() < 0.6 else 0 for _ in range(rng.randint(1, 30))]
        want = learned._segments([labels[i] for i in ids])
        assert learned._segments_of_ids(np.array(ids), labels) == want


def test_sentence_lookup_splits_only_the_line():
    from graphkit.extract.sentences import sentences

    text = TEXT + "Mr. Lee said no. “Fine,” she said.\nLast line without end"
    cache: dict = {}
    for pos in range(len(text)):
        want = next((s for s in sentences(text) if s.start <= pos < s.end), None)
        assert learned_hybrid._sentence_at(text, pos, cache) == want


@needs_model
def test_emissions_add_up_the_attribute_weights():
    import numpy as np

    m = learned.model("en")
    rules = extract_text(TEXT, "en")
    words, starts, ends = tokenize_doc(TEXT, [(0, len(TEXT))])
    enc = m.encoder.encode(TEXT, words, starts, ends, rules)
    zero = [0.0] * len(m.labels)
    want = np.array([np.sum([m.weights.get(f, zero) for f in feats], 0) for feats in strings(enc, m.encoder)])
    assert np.allclose(m.emissions(enc), want, rtol=0, atol=1e-9)


@needs_model
def test_fast_decoding_matches_public_decode():
    art = _art(TEXT)
    rules = extract_text(TEXT, "en")
    labels, starts, ends = learned.tag(TEXT, [(0, len(TEXT))], rules)
    want = learned.decode(TEXT, starts, ends, labels)
    assert learned.extract_learned(art, rules) == want
