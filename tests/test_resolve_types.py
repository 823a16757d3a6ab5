"""Source types and anonymity from head nouns, company markers, group nouns;
denial openings and hedging cues (sentences written for these tests)."""
import pytest

from graphkit.extract import extract
from graphkit.extract.lexicon import lexicon
from graphkit.extract.stance import certainty, denial_opening, stance
from graphkit.ingest import article_from_text
from graphkit.records import Span
from graphkit.resolve import resolve
from graphkit.resolve.coref import looks_like_country
from graphkit.resolve.entities import find_head, name_type, parse_source


@pytest.mark.parametrize("phrase,lang,typ,anon", [
    # government bodies
    ("the Brenmoor Border Guard", "en", "government", False),
    ("the water ministry", "en", "government", False),
    ("Police", "en", "government", False),
    ("the city's own audit office", "en", "government", False),
    ("The Fair Rents Commission", "en", "government", False),
    ("Statistics Pellandia", "en", "government", False),
    ("Dinas Perhubungan Kota Sukamaju", "id", "government", False),
    ("Kepolisian Resor Sukamaju", "id", "government", False),
    ("Komisi Penyiaran daerah itu", "id", "government", False),
    # organisations
    ("Talvik Shipping", "en", "organization", False),
    ("The operator, Brenn Airways", "en", "organization", False),
    ("The conservation group Aqua Viva", "en", "organization", False),
    ("the opposition Harvest Party", "en", "organization", False),
    ("PT Sumber Makmur Tbk", "id", "organization", False),
    ("Perum Jasa Tirta Raya", "id", "organization", False),
    ("lembaga riset independen Kompasiana Data", "id", "organization", False),
    # groups of ordinary people: not anonymous
    ("Opposition legislators", "en", "person_group", False),
    ("residents upstream", "en", "person_group", False),
    ("Residents of Tolvik, a fishing village", "en", "person_group", False),
    ("keluarga pasien", "id", "person_group", False),
    ("warga Desa Sukamaju", "id", "person_group", False),
    # unnamed people: anonymous
    ("a Talvik Shipping director", "en", "person", True),
    ("a spokeswoman for the Harbour Board", "en", "person", True),
    ("three officials who spoke on condition of anonymity", "en", "person_group", True),
    ("a police source, speaking on condition of anonymity", "en", "person", True),
    ("seorang wanita yang mengaku tetangga korban", "id", "person", True),
    ("seorang warga", "id", "person", True),
    ("Seorang staf Dinas Perhubungan yang enggan disebut namanya", "id", "person", True),
    ("Seorang staf Dinas Perhubungan Kota Sukamaju", "id", "person", True),
    ("twelve of 20 economists polled by Reuters", "en", "person_group", True),
])
def test_types(phrase, lang, typ, anon):
    e = parse_source(phrase, lang).entity
    assert (e.type, e.anonymous) == (typ, anon), e


@pytest.mark.parametrize("phrase,lang,label", [
    ("Transport Minister Ola Berg", "en", "Ola Berg"),
    ("Harbour spokesman Capt. Lars Vik", "en", "Lars Vik"),
    ("the agency's deputy head, Mara Venn", "en", "Mara Venn"),
    ("Oni's predecessor, former Gov. Tom Berro, a Liberal", "en", "Tom Berro"),
    ("Ekonom Universitas Sukamaju, Rina Dewi", "id", "Rina Dewi"),
    ("Ketua Komisi Penyiaran Sukamaju Budi Santoso", "id", "Budi Santoso"),
    ("the police chief Ann Lee", "en", "Ann Lee"),
])
def test_named_people_stay_people(phrase, lang, label):
    e = parse_source(phrase, lang).entity
    assert (e.label, e.type) == (label, "person")


def test_heads_and_names():
    assert find_head("a spokesperson for the Harbour Board").kind == "role"
    assert find_head("keluarga korban", "id").text == "keluarga"
    assert name_type("Central Bank of Pellandia") == "government"
    assert name_type("Ann Bank Lee") is None            # a marker inside a person's name
    assert looks_like_country("Pellandia", "Pellandian troops left. Pellandia said no.")
    assert not looks_like_country("Berg", "Ola Berg spoke. Berg said no.")


def _resolved(text):
    art = article_from_text(text)
    return resolve(art, extract(art))


def test_institution_coreference():
    atts = _resolved("Talvik Shipping said the ship was safe. Talvik said the crew was trained. "
                     "The water ministry said the river was clean. The ministry also said more tests were due.")
    types = [(a.source.text, a.entity.type) for a in atts if a.source is not None]
    assert ("Talvik", "organization") in types
    ministries = [a.entity for a in atts if a.source is not None and "ministry" in a.source.text]
    assert len(ministries) == 2 and ministries[0] is ministries[1]


def test_country_single_word():
    atts = _resolved("Four Pellandian diplomats were expelled on Monday. "
                     "Pellandia said the decision was unjustified.")
    ent = next(a.entity for a in atts if a.source is not None and a.source.text == "Pellandia")
    assert ent.type == "government"


@pytest.mark.parametrize("text,lang,expected", [
    ('"There was no secret payment," the mayor said.', "en", "denies"),
    ('"We have never met him," the firm said.', "en", "denies"),
    ('"There were no injuries," the mayor said.', "en", "asserts"),
    ('"We will not give up," the mayor said.', "en", "asserts"),
    ('"Tidak ada hubungannya dengan proyek itu," kata Budi.', "id", "denies"),
    ('"Saya tidak pernah menerima uang itu," kata Budi.', "id", "denies"),
    ('"Tidak ada korban jiwa," kata Budi.', "id", "asserts"),
    ('"Belum ada keputusan," kata Budi.', "id", "asserts"),
])
def test_denial_openings(text, lang, expected):
    q = text.index("“") if "“" in text else 0
    start, end = q + 1, text.index(",")
    piece = Span(start, end, text[start:end])
    assert stance(text, lexicon(lang), "speech", Span(end + 2, end + 6, text[end + 2:end + 6]), [piece]) == expected
    assert denial_opening(text, lexicon(lang), piece) is (expected == "denies")


def test_certainty_hedges():
    en, idl = lexicon("en"), lexicon("id")
    t = "Prices rose in May from April."
    assert certainty(t, en, [Span(0, len(t), t)]) == "certain"               # the month, not a hedge
    t = "The two men are alleged to have taken bribes."
    assert certainty(t, en, [Span(0, len(t), t)]) == "probable"
    t = "Polisi menduga pelaku sudah kabur."
    assert certainty(t, idl, [Span(15, len(t), t[15:])], cue=Span(7, 14, "menduga")) == "probable"
    t = "Warga diminta tidak menyebarkan kabar yang belum terverifikasi."
    assert certainty(t, idl, [Span(0, len(t), t)]) == "certain"             # the hedge describes a noun
