"""More claim grouping rules on hand-written text (letters only, no encoder):
anaphoric denials resolved by their modifiers or by the cue they name,
denials of a proposition stated earlier, and definite descriptions of the
same speaker."""
from __future__ import annotations

from graphkit.records import Attribution, Entity, Span
from graphkit.resolve.claim_anaphora import AnaphoricNP, anaphoric_np, noun_of_cue
from graphkit.resolve.claims import claim_data, group_claims


def span(text: str, needle: str) -> Span:
    i = text.index(needle)
    return Span.of(text, i, i + len(needle))


def att(text, aid, source, cue, content, **kw) -> Attribution:
    src = span(text, source) if source else None
    ent = Entity(key=source, label=source) if source else None
    return Attribution(aid, span(text, cue), [span(text, content)], src, entity=ent, **kw)


def claims(text, atts, title="", lang="en", stop=frozenset()):
    return [a.claim for a in group_claims(text, atts, stop, title=title, lang=lang, vectors=None)]


def test_modifier_of_the_anaphor_picks_the_antecedent():
    t = ("Harbour police said the trawler was smuggling cheap fuel. "
         "Dock workers said the weather had been calm all week. "
         "The owner dismissed the smuggling allegation as fake news.")
    a = att(t, "a1", "Harbour police", "said", "the trawler was smuggling cheap fuel")
    b = att(t, "a2", "Dock workers", "said", "the weather had been calm all week")
    c = att(t, "a3", "The owner", "dismissed", "the smuggling allegation as fake news", stance="denies")
    assert claims(t, [a, b, c]) == ["c1", "c2", "c1"]


def test_possessor_of_the_anaphor_names_the_source():
    t = ("The river group Clearwater argued the weir was unsafe. "
         "A farmer said the harvest had been poor. "
         "Operator Tamco dismissed the group's claims as politically motivated.")
    a = att(t, "a1", "The river group Clearwater", "argued", "the weir was unsafe")
    b = att(t, "a2", "A farmer", "said", "the harvest had been poor")
    c = att(t, "a3", "Operator Tamco", "dismissed", "the group's claims as politically motivated", stance="denies")
    assert claims(t, [a, b, c]) == ["c1", "c2", "c1"]


def test_indonesian_rumour_noun_with_modifiers():
    t = ("Perseroan membantah akan menutup pabrik di Lembah Hijau. "
         "Seorang analis mengatakan harga timah naik tajam. "
         "Sekretaris perseroan menyebut kabar penutupan pabrik yang beredar di grup investor sebagai hoaks.")
    a = att(t, "a1", "Perseroan", "membantah", "akan menutup pabrik di Lembah Hijau", stance="denies")
    b = att(t, "a2", "Seorang analis", "mengatakan", "harga timah naik tajam")
    c = att(t, "a3", "Sekretaris perseroan", "menyebut",
            "kabar penutupan pabrik yang beredar di grup investor sebagai hoaks", stance="denies")
    # the relative "yang" (a stop word of the language) ends the noun phrase
    assert claims(t, [a, b, c], lang="id", stop=frozenset({"yang", "di"})) == ["c1", "c2", "c1"]


def test_anaphor_names_the_cue_of_its_antecedent():
    t = ("Warga menuding pabrik kertas mencemari sungai. "
         "Petugas dinas mengatakan air sumur sudah diuji. "
         "Direktur pabrik membantah tudingan tersebut.")
    a = att(t, "a1", "Warga", "menuding", "pabrik kertas mencemari sungai")
    b = att(t, "a2", "Petugas dinas", "mengatakan", "air sumur sudah diuji")
    c = att(t, "a3", "Direktur pabrik", "membantah", "tudingan tersebut", stance="denies")
    assert claims(t, [a, b, c], lang="id") == ["c1", "c2", "c1"]


def test_denial_of_a_proposition_stated_earlier():
    t = ("Opposition leaders said the count was marred by fraud in three districts. "
         "The commission said turnout reached seventy percent. "
         "Commission chair Ana Bello denied fraud in the districts.")
    a = att(t, "a1", "Opposition leaders", "said", "the count was marred by fraud in three districts")
    b = att(t, "a2", "The commission", "said", "turnout reached seventy percent")
    c = att(t, "a3", "Commission chair Ana Bello", "denied", "fraud in the districts", stance="denies")
    assert claims(t, [a, b, c]) == ["c1", "c2", "c1"]


def test_denial_with_little_in_common_stays_apart():
    t = ("Residents said the river smelled of oil. "
         "The firm denied dumping waste at night near the school.")
    a = att(t, "a1", "Residents", "said", "the river smelled of oil")
    b = att(t, "a2", "The firm", "denied", "dumping waste at night near the school", stance="denies")
    assert claims(t, [a, b]) == ["c1", "c2"]


def test_definite_description_is_the_same_speaker():
    t = ("A senior official, speaking on condition of anonymity, said the talks would resume in May. "
         "\u201cWe expect a deal by the summer,\u201d the official said.")
    a = att(t, "a1", "A senior official", "said", "the talks would resume in May")
    b = att(t, "a2", "the official", "said", "We expect a deal by the summer", direct=True)
    assert claims(t, [a, b]) == ["c1", "c1"]


def test_other_definite_description_is_another_speaker():
    t = ("A senior official said the talks would resume in May. "
         "\u201cWe expect nothing from these talks,\u201d the analyst said.")
    a = att(t, "a1", "A senior official", "said", "the talks would resume in May")
    b = att(t, "a2", "the analyst", "said", "We expect nothing from these talks", direct=True)
    assert claims(t, [a, b]) == ["c1", "c2"]


def test_anaphoric_np_forms():
    en, id_ = claim_data("en"), claim_data("id")
    assert anaphoric_np("the allegations as absurd", en) == AnaphoricNP("allegations", (), True)
    assert anaphoric_np("tuduhan oposisi adalah propaganda", id_) == AnaphoricNP("tuduhan", ("oposisi",), True)
    assert anaphoric_np("klaim adalah bohong", id_) is None
    assert anaphoric_np("", en) is None
    assert anaphoric_np("troops had shelled the town", en) is None


def test_noun_of_cue():
    assert noun_of_cue("tuduhan", "menuduh") and noun_of_cue("accusations", "accused")
    assert not noun_of_cue("isu", "mengisukan")      # too short to tell
    assert not noun_of_cue("claims", "said")
