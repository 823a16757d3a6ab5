from graphkit.ingest import article_from_text
from graphkit.extract import extract
from graphkit.resolve import resolve


def _run(text):
    art = article_from_text(text)
    return resolve(art, extract(art))


def test_pronoun_to_earlier_full_name():
    atts = _run("Senator Maria Gomez said the bill was ready. She added that the vote would be on Friday.")
    assert [a.entity.label for a in atts] == ["Maria Gomez", "Maria Gomez"]


def test_surname_to_full_name():
    atts = _run("Presiden Joko Santoso tiba di Bali. Santoso mengatakan bahwa cuaca cerah.")
    assert atts[0].entity.label == "Joko Santoso"


def test_outlet_anaphora_id():
    text = ("Kantor berita Reuters melaporkan bahwa kapal itu tenggelam. "
            "Media tersebut juga mengatakan bahwa dua awak hilang.")
    atts = _run(text)
    assert [a.entity.label for a in atts] == ["Reuters", "Reuters"]


def test_outlet_anaphora_en():
    atts = _run("The BBC reported that the port was closed. The broadcaster said that ships waited.")
    assert atts[-1].entity.key == "BBC"


def test_capitalised_common_noun_is_not_a_name():
    from graphkit.resolve.coref import full_name, person_names
    text = "Pasukan Tono Maju\n\nPresiden Tono Wirya bertemu pasukan presiden. Tono mengatakan pasukan siap."
    assert full_name("Tono", person_names(text), text.rindex("Tono")) == "Tono Wirya"


def test_nya_source_resolves_to_speaker():
    from graphkit.extract import extract
    from graphkit.ingest import article_from_text
    from graphkit.resolve import resolve
    art = article_from_text("Bupati Lestari Ayu mengatakan jalan ditutup. “Kami siap,” ujarnya.")
    atts = resolve(art, extract(art))
    assert atts[1].source.text == "nya" and atts[1].entity.label == "Lestari Ayu"


def test_role_then_name_appositive_gives_the_person():
    from graphkit.resolve.entities import parse_source
    e = parse_source("Kepala Dinas Pasar Kota Raya, dr. Mira Santi", "id").entity
    assert (e.label, e.type) == ("Mira Santi", "person")
    assert parse_source("the firm's lawyer, Tom Hale", "en").entity.label == "Tom Hale"


def test_newspaper_anaphora_and_citing_via():
    from graphkit.extract import extract
    from graphkit.ingest import article_from_text
    from graphkit.resolve import resolve
    text = ("Exports fell, Reuters reported. Two banks will merge, the newspaper Valley Herald reported, "
            "citing bank sources. The newspaper reported that officials said the deal was done.")
    art = article_from_text(text)
    atts = {a.cue.text + str(a.cue.start): a for a in resolve(art, extract(art))}
    by_cue = [(a.cue.text, a.entity.label if a.entity else None, [v.label for v in a.via]) for a in atts.values()]
    assert ("citing", "sources", ["Valley Herald"]) in by_cue
    assert ("said", "officials", ["Valley Herald"]) in by_cue


def test_sentence_initial_via_marker_id():
    from graphkit.extract import extract
    from graphkit.ingest import article_from_text
    from graphkit.resolve import resolve
    art = article_from_text("Dikutip dari Reuters, Menteri Budi Karya menyatakan pelabuhan dibuka kembali.")
    atts = resolve(art, extract(art))
    assert [v.label for v in atts[0].via] == ["Reuters"]
