"""English patterns found on real news: naming uses of "called", an adjunct
before a colon, inverted readings that are clauses, an age appositive."""
from __future__ import annotations

import pytest

from graphkit.extract import extract_text


def _rows(text: str):
    return [(a.source.text if a.source else None, a.cue.text, [p.text for p in a.content])
            for a in extract_text(text, "en")]


@pytest.mark.parametrize("text", [
    "Farmers use a cheap fertiliser called GrowMax on most fields.",
    "Officially called Route 9, the road opened in May.",
    "The minister condemned what he called a reckless stunt.",
])
def test_naming_uses_of_called_are_no_attribution(text):
    assert all(cue != "called" for _, cue, _ in _rows(text))


def test_calling_someone_something_is_an_attribution():
    assert ("Vance", "called", ["Ortiz a coward"]) in _rows("Vance called Ortiz a coward.")


def test_adjunct_before_a_colon_is_not_content():
    [a] = extract_text("A ferry company spokesman said in a statement: “Safety comes first.”", "en")
    assert [p.text for p in a.content] == ["Safety comes first."] and a.direct


def test_clause_after_cue_is_no_inverted_source():
    rows = _rows("Tom Reed, 30, from Leeds, said he remembered the bus speeding up.")
    assert rows[0] == ("Tom Reed, 30, from Leeds", "said", ["he remembered the bus speeding up"])
    assert all(src is None or not src.startswith("said") for src, _, _ in rows)


def test_straight_single_quotes_are_quotes():
    [a] = extract_text("'The crew became aware of it quickly,' the airline said.", "en")
    assert (a.source.text, a.cue.text, a.direct) == ("the airline", "said", True)


def test_apostrophes_are_not_quotes():
    [a] = extract_text("The players' union said it would strike like in the '90s.", "en")
    assert a.source.text == "The players' union" and not a.direct


def test_continued_only_reports_a_quotation():
    assert _rows("The search continued well after the flight landed.") == []
    assert _rows("“We will rebuild,” she continued.") == [("she", "continued", ["We will rebuild,"])]


def test_be_and_keep_belong_to_the_cue():
    assert _rows("They keep saying the ticket was valid.") == [("They", "keep saying", ["the ticket was valid"])]
    assert _rows("Ruth was tweeting she felt unwell.")[0][:2] == ("Ruth", "was tweeting")


@pytest.mark.parametrize("text,lang", [
    ("That said, the vote went ahead on Monday.", "en"),
    ("It is worth noting the bridge reopened.", "en"),
    ("Dengan kata lain, harga beras naik lagi.", "id"),
])
def test_set_phrases_with_a_cue_word_report_nothing(text, lang):
    assert extract_text(text, lang) == []


def test_passive_with_an_agent():
    assert _rows("The decision was criticised by opposition leaders.") == \
        [("opposition leaders", "was criticised", ["The decision"])]
    assert _rows("He was told by police that he could go.") == [("police", "was told", ["he could go"])]


def test_place_after_a_name_is_no_part_of_the_source():
    assert _rows("“The budget is ready,” said Mayor Ann Lee at City Hall on Monday.")[0][0] == "Mayor Ann Lee"
    assert _rows("“The budget is ready,” said Ann Lee in Denver.")[0][0] == "Ann Lee"


def test_place_after_a_role_stays_in_the_source():
    assert _rows("“The road is closed,” said the head of police in Denver.")[0][0] == "the head of police in Denver"
    assert _rows("“We won,” said Ann Lee of the Green Party.")[0][0] == "Ann Lee of the Green Party"


def test_coordinated_cue_after_comma_and_shares_the_subject():
    rows = _rows("The charity said ten people had died since Monday, and warned that the pumps may fail.")
    assert [(s, c) for s, c, _ in rows] == [("The charity", "said"), ("The charity", "warned")]


def test_citing_between_report_and_that_clause():
    rows = _rows("The Daily Planet reported, citing two people familiar with the talks, that the deal was off.")
    assert rows == [("The Daily Planet", "reported", ["the deal was off"]),
                    ("two people familiar with the talks", "citing", ["the deal was off"])]


def test_quoted_as_saying_gives_the_object_as_source():
    atts = extract_text("The Morning Star quoted a nurse as saying that the ward was full.", "en")
    got = [(a.source.text, a.cue.text, a.content[0].text, a.nested_in) for a in atts]
    assert got == [("The Morning Star", "quoted", "the ward was full", None),
                   ("a nurse", "saying", "the ward was full", "a1")]


@pytest.mark.parametrize("text", [
    "Residents heard the sirens but were not told to leave their homes.",
    "Troops fired 20 warning shots at the boat.",
    "This picture, released by the navy, shows the ship in the harbour.",
    "(ATTN: ADDS comment from the ministry in para 5)",
])
def test_no_attribution(text):
    assert _rows(text) == []


def test_partial_quote_ending_a_sentence_keeps_the_sentence():
    rows = _rows('The report will be published "in the coming weeks," a spokeswoman said.')
    assert rows == [("a spokeswoman", "said", ['The report will be published "in the coming weeks'])]
    rows = _rows('Asked about the report, "It is coming," a spokeswoman said.')
    assert rows[0][2] == ["It is coming,"]


def test_told_addressee_before_a_colon_is_no_content():
    rows = _rows('The minister told Radio Nord: "We got the sums right."')
    assert rows == [("The minister", "told", ["We got the sums right."])]


def test_relative_clause_with_its_own_pronoun_subject():
    rows = _rows("The ministry published a study which it said was encouraging.")
    assert rows == [("it", "said", ["was encouraging"])]


def test_rest_assured_is_no_report():
    assert _rows("Patients can rest assured their care will continue.") == []


def test_reporting_a_crime_to_police_is_no_report():
    assert _rows("She reported the theft to police on Monday.") == []


def test_telling_a_story_is_no_report():
    assert _rows("The film tells the story of a lonely programmer.") == []


def test_opener_before_a_parenthetical_report_is_no_content():
    assert _rows("But, she said, the bridge would stay closed.") == \
        [("she", "said", ["the bridge would stay closed"])]


def test_role_appositive_after_according_to_a_name():
    assert _rows("According to Ann Lee, a spokeswoman for the union, the talks failed.")[0][:2] == \
        ("Ann Lee, a spokeswoman for the union", "According to")


def test_thousands_separator_is_no_clause_boundary():
    assert _rows("The health office said more than 4,800 people had sought treatment.") == \
        [("The health office", "said", ["more than 4,800 people had sought treatment"])]


def test_question_quote_and_its_speech_tag():
    assert _rows("“Is this fair to anyone?” Ann Lee asked. Then she left.") == \
        [("Ann Lee", "asked", ["Is this fair to anyone?"])]
    assert _rows("“Is this fair?” she said.") == [("she", "said", ["Is this fair?"])]


def test_medial_according_to_before_an_adjunct_clause():
    rows = _rows("Two people were hurt in the blast on Friday, according to the fire service, as crews searched the site.")
    assert rows == [("the fire service", "according to", ["Two people were hurt in the blast on Friday"])]


def test_found_reports_only_with_a_that_clause():
    assert _rows("A study by the Carver Institute found that rents rose.") == \
        [("A study by the Carver Institute", "found", ["rents rose"])]
    assert _rows("Police found a car near the bridge.") == []


def test_acronym_in_brackets_inside_a_source():
    rows = _rows("The agency reported, citing Disaster Agency (BDA) head Lee Min, that roads were shut.")
    assert rows == [("The agency", "reported", ["roads were shut"]),
                    ("Disaster Agency (BDA) head Lee Min", "citing", ["roads were shut"])]


def test_according_to_an_outlet_then_a_speaker_with_appositive():
    rows = _rows("According to AFP, the ministry spokesman, Ann Lee, said the claims were baseless.")
    assert rows[0][0] == "AFP"
    assert rows[1] == ("the ministry spokesman, Ann Lee", "said", ["the claims were baseless"])


def test_commenting_on_a_topic_is_no_report():
    assert _rows("The ministry has not commented on the report.") == []
    assert _rows('"Nothing works," Ann Lee wrote on X.') == [("Ann Lee", "wrote", ["Nothing works,"])]


def test_time_adjunct_before_the_content():
    assert _rows("Ann Lee said on Monday the talks had failed.") == [("Ann Lee", "said", ["the talks had failed"])]


def test_opener_and_time_words_are_no_part_of_a_source():
    assert _rows("Meanwhile Ms Hutt defended her record.")[0][0] == "Ms Hutt"
    assert _rows("Angry MPs this week warned the minister about the cost.")[0][0] == "Angry MPs"


def test_asked_opening_a_sentence_is_no_report():
    assert [c for _, c, _ in _rows("Asked about the waiting lists, she said they were improving.")] == ["said"]


def test_plural_noun_form_before_a_pronoun_is_a_verb():
    assert _rows("The paper reports it's more than the national debt.") == \
        [("The paper", "reports", ["it's more than the national debt"])]


def test_that_as_a_determiner_after_a_denial():
    rows = _rows("The director dismissed that criticism as “hindsight,” saying pay had risen twice.")
    assert rows[0] == ("The director", "dismissed", ["that criticism as “hindsight"])
    assert rows[1] == ("The director", "saying", ["pay had risen twice"])
    assert _rows("Ann Lee said that prices rose.") == [("Ann Lee", "said", ["prices rose"])]


@pytest.mark.parametrize("text", [
    "Most of the hot spots appeared in clusters on cleared land.",
    "The ministry sought more time from the court.",
    "Managers discussed cutting hours at the clinic.",
    "The mediators had offered to station observers in the town.",
    "Foreign terror suspects can be held without trial.",
])
def test_verbs_that_report_only_with_a_that_clause(text):
    assert _rows(text) == []


def test_citing_reasons_is_no_source_and_citing_people_relays():
    assert [c for _, c, _ in _rows("The clinic will close in March, citing a shortage of nurses.")] == []
    atts = extract_text("The paper reported the deal was off, citing two officials.", "en")
    assert [(a.source.text, a.content[0].text, a.nested_in) for a in atts] == \
        [("The paper", "the deal was off", None), ("two officials", "the deal was off", "a1")]


def test_long_anonymous_relative_clause_and_leading_participle_segment():
    rows = _rows("A nurse at the clinic, who spoke on condition of anonymity because she was not allowed "
                 "to talk to reporters, said the ward had run out of beds.")
    assert rows == [("A nurse at the clinic, who spoke on condition of anonymity because she was not allowed "
                     "to talk to reporters", "said", ["the ward had run out of beds"])]
    rows = _rows("In the letter, sent on 9 May, the finance minister, Ana Silva, tells the mayor that the grant failed.")
    assert rows == [("the finance minister, Ana Silva", "tells", ["the grant failed"])]


def test_report_then_citing_people_at_the_end():
    atts = extract_text("The Gazette reported that the deal had collapsed, citing two people involved in the talks.", "en")
    assert [(a.source.text, a.content[0].text, a.nested_in) for a in atts] == [
        ("The Gazette", "the deal had collapsed", None),
        ("two people involved in the talks", "the deal had collapsed", "a1")]
