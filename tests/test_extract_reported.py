from graphkit.extract import extract_text


def _t(atts):
    return [(a.source.text if a.source else None, a.cue.text, " | ".join(c.text for c in a.content), a.nested_in) for a in atts]


def test_said_that_en():
    assert _t(extract_text("The senator said that the bill would pass.", "en")) == [
        ("The senator", "said", "the bill would pass", None)]


def test_mengatakan_bahwa_id():
    assert _t(extract_text("Menteri Keuangan Sri Wahyuni mengatakan bahwa inflasi akan turun.", "id")) == [
        ("Menteri Keuangan Sri Wahyuni", "mengatakan", "inflasi akan turun", None)]


def test_according_to_en():
    assert _t(extract_text("According to the police, three people were hurt.", "en")) == [
        ("the police", "According to", "three people were hurt", None)]


def test_according_to_after_content_en():
    assert _t(extract_text("Three people were hurt in the blast, according to local police.", "en")) == [
        ("local police", "according to", "Three people were hurt in the blast", None)]


def test_menurut_id():
    assert _t(extract_text("Menurut saksi mata, ledakan terjadi pukul tiga.", "id")) == [
        ("saksi mata", "Menurut", "ledakan terjadi pukul tiga", None)]


def test_nested_report_en():
    atts = extract_text("The Daily Planet reported that senior officials said the plant was closed.", "en")
    assert _t(atts) == [
        ("The Daily Planet", "reported", "senior officials said the plant was closed", None),
        ("senior officials", "said", "the plant was closed", "a1")]


def test_nested_according_id():
    text = "Menurut kantor berita Antara, kepala polisi di Bandung mengatakan bahwa jalan ditutup."
    atts = extract_text(text, "id")
    assert [a.cue.text for a in atts] == ["Menurut", "mengatakan"]
    assert atts[1].nested_in == "a1" and atts[1].content[0].text == "jalan ditutup"


def test_according_inside_content_id():
    text = "Harian itu juga mengatakan, berdasarkan sumber yang meminta anonimitas, dua kapal tenggelam."
    atts = extract_text(text, "id")
    assert _t(atts) == [
        ("Harian itu", "mengatakan", "dua kapal tenggelam", None),
        ("sumber yang meminta anonimitas", "berdasarkan", "dua kapal tenggelam", "a1")]


def test_dikutip_dari_keeps_source_short():
    text = "“Kami siap,” kata Juru Bicara Istana Rina Wati dikutip dari Reuters, Senin (1/1/2024)."
    a = extract_text(text, "id")[0]
    assert a.source.text == "Juru Bicara Istana Rina Wati"


def test_reportedly_without_source():
    atts = extract_text("Kapal itu dikabarkan tenggelam di dekat pantai.", "id")
    assert _t(atts) == [(None, "dikabarkan", "tenggelam di dekat pantai", None)]
    assert atts[0].certainty == "probable"


def test_adverb_between_source_and_cue_id():
    atts = extract_text("Kementerian itu sendiri pada Senin langsung membantah laporan tersebut.", "id")
    assert _t(atts)[0][:2] == ("Kementerian itu", "membantah")


def test_appositive_source_en():
    atts = extract_text("Officials at the port, speaking on Monday, said the ship had left.", "en")
    assert atts and atts[0].cue.text == "said"


def test_ids_in_text_order():
    text = "Ann said it rains. “No,” Bob said. Carl added that it snows."
    atts = extract_text(text, "en")
    assert [a.id for a in atts] == ["a1", "a2", "a3"]
    assert [a.source.text for a in atts] == ["Ann", "Bob", "Carl"]


def test_cue_inside_quote_ignored():
    atts = extract_text("“I said no,” Ann told reporters.", "en")
    assert [a.cue.text for a in atts] == ["told"]
