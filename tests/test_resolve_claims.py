"""Claim grouping rules on hand-written text (letters only, no encoder, so the
results do not depend on the optional extra)."""
from __future__ import annotations

from graphkit.records import Attribution, Entity, Span
from graphkit.resolve.claims import claim_data, group_claims, same_word


def span(text: str, needle: str, after: str = "") -> Span:
    i = text.index(needle, text.index(after) if after else 0)
    return Span.of(text, i, i + len(needle))


def att(text, aid, source, cue, content, after="", **kw) -> Attribution:
    src = span(text, source, after) if source else None
    ent = kw.pop("entity", None) or (Entity(key=source, label=source) if source else None)
    return Attribution(aid, span(text, cue, after), [span(text, content, after)], src, entity=ent, **kw)


def claims(text, atts, title="", lang="en"):
    return [a.claim for a in group_claims(text, atts, frozenset(), title=title, lang=lang, vectors=None)]


def test_nested_joins_outer():
    t = "The Daily Lantern reported that harbour officials said the pier had collapsed."
    outer = att(t, "a1", "The Daily Lantern", "reported", "harbour officials said the pier had collapsed")
    inner = att(t, "a2", "harbour officials", "said", "the pier had collapsed", nested_in="a1")
    assert claims(t, [outer, inner]) == ["c1", "c1"]


def test_bare_denial_quote_joins_the_denial_it_follows():
    t = ("The ministry denied that the pier had collapsed. "
         "\u201cThis looks like fake news,\u201d spokeswoman Ana Ruiz said. "
         "Engineer Omar Reyes said the storm would reach the coast on Monday.")
    a = att(t, "a1", "The ministry", "denied", "the pier had collapsed", stance="denies")
    b = att(t, "a2", "spokeswoman Ana Ruiz", "said", "This looks like fake news", stance="denies", direct=True)
    c = att(t, "a3", "Engineer Omar Reyes", "said", "the storm would reach the coast on Monday")
    assert claims(t, [a, b, c]) == ["c1", "c1", "c2"]


def test_anaphoric_denial_joins_the_earlier_claim():
    t = ("Opposition leaders accused the mayor of selling the harbour. "
         "A city scientist said the water was clean. "
         "Mayor Lina Berg rejected the allegations as absurd.")
    a = att(t, "a1", "Opposition leaders", "accused", "the mayor of selling the harbour")
    b = att(t, "a2", "A city scientist", "said", "the water was clean")
    c = att(t, "a3", "Mayor Lina Berg", "rejected", "the allegations as absurd", stance="denies")
    got = claims(t, [a, b, c])
    assert got[2] in (got[0], got[1]) and got[0] != got[1]


def test_indonesian_anaphor_finds_the_named_noun():
    t = ("Dinas Kesehatan menepis kabar yang menyebut jembatan itu roboh. "
         "Seorang warga mengatakan hujan turun sejak pagi. "
         "Kepala dinas memastikan kabar itu hoaks.")
    a = att(t, "a1", "Dinas Kesehatan", "menepis", "kabar yang menyebut jembatan itu roboh", stance="denies")
    b = att(t, "a2", "Seorang warga", "mengatakan", "hujan turun sejak pagi")
    c = att(t, "a3", "Kepala dinas", "memastikan", "kabar itu hoaks", stance="denies")
    assert claims(t, [a, b, c], lang="id") == ["c1", "c2", "c1"]


def test_response_came_after_a_report():
    t = ("Pemerintah membantah adanya penutupan pelabuhan. "
         "Respons itu muncul setelah Harian Fiktif melaporkan bahwa kapal dilarang berlabuh.")
    a = att(t, "a1", "Pemerintah", "membantah", "adanya penutupan pelabuhan", stance="denies")
    b = att(t, "a2", "Harian Fiktif", "melaporkan", "kapal dilarang berlabuh")
    assert claims(t, [a, b], lang="id") == ["c1", "c1"]


def test_headline_proposition_gathers_paraphrases_but_not_new_predicates():
    title = "Council denies reservoir dam cracked, residents worried"
    t = ("Engineers said the reservoir dam had cracked near its base. "
         "Officials said two workers were injured at the reservoir dam yesterday evening during repairs.")
    a = att(t, "a1", "Engineers", "said", "the reservoir dam had cracked near its base")
    b = att(t, "a2", "Officials", "said", "two workers were injured at the reservoir dam yesterday evening during repairs")
    got = claims(t, [a, b], title=title)
    assert got == ["c1", "c2"]


def test_quote_continues_the_same_speakers_statement():
    t = "Mara Quill said the bridge would close in May. \u201cWe have no other choice,\u201d she said."
    q = Entity(key="Mara Quill", label="Mara Quill")
    a = att(t, "a1", "Mara Quill", "said", "the bridge would close in May", entity=q)
    b = att(t, "a2", "she", "said", "We have no other choice", after="\u201c", entity=q, direct=True)
    assert claims(t, [a, b]) == ["c1", "c1"]


def test_rumour_is_kept_apart_unless_asked():
    t = "Warga membicarakan kabar yang mengeklaim jembatan roboh. Polisi mengatakan jembatan roboh kemarin."
    a = att(t, "a1", "kabar", "mengeklaim", "jembatan roboh")
    b = att(t, "a2", "Polisi", "mengatakan", "jembatan roboh kemarin")
    assert claims(t, [a, b], lang="id") == ["c1", "c2"]
    atts = group_claims(t, [a, b], frozenset(), lang="id", vectors=None, join_rumours=True)
    assert [x.claim for x in atts] == ["c1", "c1"]


def test_empty_and_unknown_language():
    assert group_claims("", [], frozenset()) == []
    t = "Ann said it rains."
    a = att(t, "a1", "Ann", "said", "it rains")
    assert claims(t, [a], lang="xx") == ["c1"]


def test_word_matching_and_data():
    assert same_word("membantu", "bantu") and not same_word("rain", "rains")
    assert "the" in claim_data("en").demonstratives_before
