from graphkit.extract import extract_text
from graphkit.extract.quotes import find_quotes
from graphkit.extract.sentences import paragraphs


def _quotes(text):
    return [[p.text for p in q.pieces] for q in find_quotes(text, paragraphs(text))]


def test_all_quote_styles():
    text = "A “one” b „two“ c «three» d \"four\" e ‘five’ f"
    assert _quotes(text) == [["one"], ["two"], ["three"], ["four"], ["five"]]


def test_apostrophes_are_not_quotes():
    assert _quotes("Trump’s plan isn’t new, ‘he said’ it.") == [["he said"]]


def test_multi_paragraph_quote():
    text = "She said: “First part.\n\n“Second part.”\n\nAfter."
    assert _quotes(text) == [["First part.", "Second part."]]


def test_unbalanced_quote_ends_with_paragraph():
    text = "He said “never closed\n\nNext paragraph” here."
    assert _quotes(text) == [["never closed"]]


def test_quote_before_speaker_en():
    atts = extract_text("“We will build it,” said Mayor Ann Lee on Monday.", "en")
    assert len(atts) == 1
    a = atts[0]
    assert (a.source.text, a.cue.text, a.content[0].text, a.direct) == ("Mayor Ann Lee", "said", "We will build it,", True)


def test_quote_after_speaker_en():
    a = extract_text("Ann Lee said: “We will build it. It will be big.”", "en")[0]
    assert a.source.text == "Ann Lee" and a.direct
    assert a.content[0].text == "We will build it. It will be big."


def test_quote_before_speaker_id():
    a = extract_text("“Kami akan membangunnya,” kata Gubernur Budi Santoso.", "id")[0]
    assert (a.source.text, a.cue.text, a.content[0].text) == ("Gubernur Budi Santoso", "kata", "Kami akan membangunnya,")


def test_speaker_in_previous_sentence_colon():
    text = "The minister said:\n\n“We are ready. The army is ready.”"
    a = extract_text(text, "en")[0]
    assert a.source.text == "The minister"
    assert a.content[0].text.startswith("We are ready")
