"""The learned (CRF) attribution tagger: model loading, spans, decoding edge cases."""
from __future__ import annotations

import time

import pytest

from graphkit.extract import learned
from graphkit.extract.learned_features import features, sentence_ids, tokenize
from graphkit.records import Article, Span

TEXT = (
    "Budget talks stalled again on Tuesday.\n\n"
    "“We will not sign anything that cuts school funding,” the mayor, Lena Ortiz, told reporters "
    "at City Hall.\n\n"
    "The finance committee said the city could run out of cash by March, according to a memo "
    "seen by the newspaper. Ortiz added that she expected a deal within two weeks.\n"
)

needs_model = pytest.mark.skipif(not learned.available("en"), reason="no shipped English model")


def test_unknown_language_is_unavailable():
    assert learned.available("xx") is False


@needs_model
def test_model_loads_fast():
    learned._TAGGERS.clear()
    t0 = time.perf_counter()
    learned._tagger("en")
    assert time.perf_counter() - t0 < 1.0


@needs_model
def test_extract_spans_inside_text():
    art = Article(text=TEXT, lang="en", body=[Span.of(TEXT, 0, len(TEXT))])
    atts = learned.extract_learned(art)
    assert atts, "expected at least one attribution"
    assert [a.id for a in atts] == [f"a{i + 1}" for i in range(len(atts))]
    for a in atts:
        for s in a.spans():
            assert 0 <= s.start < s.end <= len(TEXT)
            assert s.text == TEXT[s.start:s.end]
    cues = {a.cue.text for a in atts}
    assert cues & {"told", "said", "according to", "added"}
    quoted = [a for a in atts if "school funding" in " ".join(c.text for c in a.content)]
    assert quoted and quoted[0].direct


@needs_model
def test_only_body_spans_are_tagged():
    start = TEXT.index("The finance")
    art = Article(text=TEXT, lang="en", body=[Span.of(TEXT, start, len(TEXT))])
    for a in learned.extract_learned(art):
        assert all(s.start >= start for s in a.spans())


@needs_model
@pytest.mark.parametrize("text", ["", "   \n\n", "“Unbalanced quote, she said.", "He said: ”odd“ \"x"])
def test_edge_cases_do_not_crash(text):
    art = Article(text=text, lang="en")
    for a in learned.extract_learned(art):
        assert all(s.text == text[s.start:s.end] for s in a.spans())


def test_decode_empty_and_unbalanced():
    assert learned.decode("", [], []) == []
    t = "“No way, he said."
    toks = tokenize(t)
    labels = ["O", "B-CON", "I-CON", "O", "B-SRC", "B-CUE", "O"]
    (a,) = learned.decode(t, toks, labels)
    assert a.cue.text == "said" and a.source.text == "he" and a.content[0].text == "No way"
    # a cue without content is dropped; stray I- tags start a segment
    assert learned.decode(t, toks, ["O", "O", "O", "O", "O", "I-CUE", "O"]) == []


def test_features_unbalanced_quotes():
    t = "“One.\n\nTwo” three."
    toks = tokenize(t)
    f = features(toks, t, frozenset())
    assert len(f) == len(toks)
    assert "q=in" in f[1] and "q=out" not in f[1]
    assert len(sentence_ids(toks, t)) == len(toks)


def test_unavailable_model_raises_clear_error():
    with pytest.raises(ValueError, match="no learned attribution model"):
        learned.extract_learned(Article(text="Ann said yes.", lang="xx"))
