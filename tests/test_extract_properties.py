"""Property tests: odd input never crashes and every span is consistent."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.extract import extract, extract_text
from graphkit.ingest import article_from_text
from graphkit.resolve import resolve

PIECES = ["“", "”", "\"", "„", "«", "»", "‘", "’", ",", ".", ":", "\n", "\n\n", " ", "said", "kata",
          "mengatakan", "bahwa", "that", "according to", "menurut", "Ann Lee", "Elysee", "he",
          "dikutip dari", "Reuters", "membantah", "dilaporkan", "reportedly", "Mr.", "the newspaper",
          "media tersebut", "x", "é", "\t", "—"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
)


def _check(text, atts):
    for a in atts:
        for sp in a.spans():
            assert 0 <= sp.start <= sp.end <= len(text)
            assert text[sp.start:sp.end] == sp.text
        assert a.content


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["en", "id"]))
def test_spans_inside_text(text, lang):
    _check(text, extract_text(text, lang))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_pipeline_never_fails(text):
    art = article_from_text(text)
    atts = resolve(art, extract(art))
    _check(text, atts)
    assert [a.id for a in atts] == [f"a{i + 1}" for i in range(len(atts))]


def test_empty_and_huge_single_line():
    assert extract_text("", "en") == []
    big = ("Ann said “yes " * 80000)[:1_000_000]
    atts = extract_text(big, "en")
    _check(big, atts)
