from graphkit.ingest import article_from_text
from graphkit.extract import extract
from graphkit.resolve import resolve
from graphkit.resolve.entities import parse_source


def _e(text, lang):
    return parse_source(text, lang).entity


def test_role_affiliation_name_both_languages():
    for text, lang in [("Juru Bicara Istana Negara Rina Wati", "id"), ("White House spokeswoman Rina Wati", "en")]:
        e = _e(text, lang)
        assert (e.label, e.type, e.anonymous) == ("Rina Wati", "person", False)
        assert e.role and e.affiliation


def test_known_government_aliases():
    assert _e("AS", "id").key == "United States"
    assert _e("the U.S.", "en").key == "United States"
    assert _e("Amerika Serikat", "id").type == "government"


def test_outlet_with_outlet_noun():
    e = _e("kantor berita Prancis AFP", "id")
    assert (e.key, e.type) == ("Agence France-Presse", "outlet")


def test_outlet_noun_with_an_appositive_name():
    e = _e("kantor berita resmi Valmora, VNA", "id")
    assert (e.label, e.type) == ("VNA", "outlet")


def test_role_only_label_from_role_and_country():
    e = _e("Menteri Pertahanan Jepang", "id")
    assert (e.label, e.type, e.anonymous) == ("Japanese defence minister", "person", False)


def test_anonymous_group_with_affiliation():
    e = _e("pejabat senior Tokyo dan Manila", "id")
    assert e.anonymous and e.type == "person_group"
    assert e.affiliation == "Japan; Philippines" or "Tokyo" in e.label


def test_anonymous_phrases():
    assert _e("sources familiar with the matter", "en").anonymous
    e = _e("sumber yang tidak mau disebutkan namanya", "id")
    assert (e.label, e.anonymous) == ("anonymous source", True)


def test_appositive():
    e = _e("Hugh Hill, a doctor", "en")
    assert (e.label, e.role) == ("Hugh Hill", "doctor")


def test_same_key_across_languages():
    a = resolve(*(lambda art: (art, extract(art)))(article_from_text("Amerika Serikat mengatakan bahwa kapal itu tenggelam.")))
    b = resolve(*(lambda art: (art, extract(art)))(article_from_text("The United States said that the ship sank.")))
    assert a[0].entity.key == b[0].entity.key == "United States"


def test_name_then_role_appositive_keeps_the_first_name():
    e = _e("Rudi Hartono Siregar, pengacara Ani Lestari", "id")
    assert (e.label, e.type) == ("Rudi Hartono Siregar", "person")
