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
