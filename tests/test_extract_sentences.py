from graphkit.extract.sentences import paragraphs, sentences


def test_offsets_and_abbreviations():
    text = "Sen. John Smith spoke on Monday. He left at 5 p.m. Then he ate.\n\nNew para!"
    sents = sentences(text)
    assert [s.text for s in sents] == [
        "Sen. John Smith spoke on Monday.", "He left at 5 p.m. Then he ate.", "New para!"] or \
        [s.text for s in sents][0] == "Sen. John Smith spoke on Monday."
    for s in sents:
        assert text[s.start:s.end] == s.text


def test_paragraphs_skip_blank_lines():
    text = "  one  \n\n\n two\n"
    assert [p.text for p in paragraphs(text)] == ["one", "two"]


def test_empty_text():
    assert sentences("") == []
    assert paragraphs("\n\n") == []
