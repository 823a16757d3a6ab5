"""Wire-story patterns: "X, citing Y, reported", long anonymous relative
clauses, depicting cues, "said NP is ... that ...", government sources and
outlet short names (own sentences, fictional names)."""
from graphkit.extract import extract_text
from graphkit.ingest import article_from_text
from graphkit.pipeline import analyse


def _rows(text):
    return [(a.source and a.source.text, a.cue.text, [c.text for c in a.content]) for a in extract_text(text, "en")]


def test_citing_parenthetical_gives_outlet_and_nested_source():
    t = "Talks ended a day after the Daily Planet, citing two aides, reported that pay would rise."
    atts = extract_text(t, "en")
    rows = {a.cue.text: a for a in atts}
    assert rows["reported"].source.text == "the Daily Planet"
    assert rows["reported"].content[0].text == "pay would rise"
    assert rows["citing"].source.text == "two aides"
    assert rows["citing"].content[0].text == "pay would rise"
    assert rows["citing"].nested_in == rows["reported"].id
    assert rows["reported"].nested_in is None


def test_citing_parenthetical_via_outlet():
    t = "The Daily Planet, citing two aides, reported that pay would rise."
    atts = {a.cue.text: a for a in analyse(article_from_text(t))}
    assert [v.type for v in atts["citing"].via] == ["outlet"]


def test_long_anonymous_relative_clause_stays_in_source():
    t = ("A senior trade official, who spoke on condition of anonymity because she was not "
         "authorized to discuss the talks, said the deal was close.")
    rows = _rows(t)
    src = [r for r in rows if r[1] == "said"][0][0]
    assert src.startswith("A senior trade official, who spoke") and src.endswith("the talks")


def test_photos_showing_are_not_attributions():
    rows = _rows("Officials said drone photos showed trucks near the border.")
    assert [r[1] for r in rows] == ["said"]
    assert [r[1] for r in _rows("A new poll shows the mayor ahead.")] == ["shows"]


def test_said_with_relative_clause_in_content():
    rows = _rows("Norland's President Ivo Placer has said the bridge is a civilian project that will bring jobs.")
    assert rows[0][2] == ["the bridge is a civilian project that will bring jobs"]
    assert _rows("The minister said on Monday that taxes would rise.")[0][2] == ["taxes would rise"]
