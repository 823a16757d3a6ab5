"""Indonesian patterns: "menurutnya" (the enclitic is the source) and bare
cue roots that are adjectives after a subject ("langkah tegas")."""
from __future__ import annotations

from graphkit.extract import extract_text


def _rows(text: str):
    return [(a.source.text if a.source else None, a.cue.text, [p.text for p in a.content])
            for a in extract_text(text, "id")]


def test_menurutnya_takes_the_enclitic_as_source():
    t = "Menurutnya, jalan tol itu akan dibuka bulan depan."
    assert _rows(t) == [("nya", "Menurut", ["jalan tol itu akan dibuka bulan depan"])]


def test_bare_root_after_a_subject_is_no_cue():
    t = "Bupati Rina Kusuma memuji langkah tegas polisi yang menutup tambang liar itu."
    assert all(cue != "tegas" for _, cue, _ in _rows(t))


def test_bare_root_before_its_source_is_a_cue():
    t = "“Tambang liar harus ditutup,” tegas Rina."
    assert _rows(t) == [("Rina", "tegas", ["Tambang liar harus ditutup,"])]


def test_passive_cue_takes_its_agent_as_source():
    assert _rows("Hal itu disampaikan oleh Wali Kota Rina Kusuma di Bogor, Senin.") == \
        [("Wali Kota Rina Kusuma", "disampaikan", ["Hal itu"])]
    assert _rows("Pernyataan itu disampaikannya dalam rapat di Jakarta.") == \
        [("nya", "disampaikan", ["Pernyataan itu"])]
    assert _rows("Hal ini disampaikan langsung oleh Ketua Komisi, Budi Santoso.") == \
        [("Ketua Komisi, Budi Santoso", "disampaikan", ["Hal ini"])]


def test_passive_cue_without_agent_is_no_attribution():
    assert _rows("Bantuan disampaikan kepada warga korban banjir.") == []


def test_passive_denial_keeps_its_stance():
    [a] = extract_text("Tuduhan itu dibantah oleh juru bicara perusahaan.", "id")
    assert (a.source.text, a.cue.text, a.stance) == ("juru bicara perusahaan", "dibantah", "denies")


def test_a_cue_inside_a_content_does_not_take_the_outer_clause_as_source():
    rows = _rows("Dia menegaskan warga akan menambahkan dana untuk sekolah itu.")
    assert ("Dia", "menegaskan", ["warga akan menambahkan dana untuk sekolah itu"]) in rows
    assert all(src != "Dia menegaskan warga" for src, _, _ in rows)


def test_capitalised_stop_words_inside_a_name_stay_in_the_source():
    rows = _rows("Wakil Menteri Dalam Negeri Rina Kusuma mengingatkan pentingnya kejujuran.")
    assert rows == [("Wakil Menteri Dalam Negeri Rina Kusuma", "mengingatkan", ["pentingnya kejujuran"])]


def test_a_non_speech_noun_opening_a_clause_is_content():
    assert _rows("Menteri itu mengatakan bantuan akan disalurkan pekan depan.") == \
        [("Menteri itu", "mengatakan", ["bantuan akan disalurkan pekan depan"])]
    assert _rows("Partai itu menyatakan kemenangan di Jawa Barat.") == []


def test_place_after_a_name_is_no_part_of_the_source():
    assert _rows("“Anggaran sudah siap,” kata Gubernur Dewi Lestari di Kantor Gubernur, Senin (3/2/2025).")[0][0] \
        == "Gubernur Dewi Lestari"
    assert _rows("“Anggaran sudah siap,” ujar Dewi di Gedung Sate.")[0][0] == "Dewi"


def test_place_after_a_role_stays_in_the_source():
    assert _rows("“Jalan ditutup,” kata Kepala Polisi di Cikarang.")[0][0] == "Kepala Polisi di Cikarang"
    assert _rows("“Jalan ditutup,” kata Kepala Dinas Perhubungan di Cikarang.")[0][0] == \
        "Kepala Dinas Perhubungan di Cikarang"


def test_a_day_after_the_source_is_no_appositive():
    assert _rows("“Jalan ditutup,” kata Dewi, Selasa.")[0][0] == "Dewi"


def test_passive_inside_another_report_is_no_attribution():
    rows = _rows("Wali Kota Dewi Lestari mengatakan usul itu boleh disampaikan oleh siapa pun.")
    assert [cue for _, cue, _ in rows] == ["mengatakan"]


def test_negated_hedge_is_no_report():
    assert _rows("Kejadian serupa tidak dilaporkan ke kantor desa.") == []


def test_subject_opening_with_a_lower_case_role():
    rows = _rows("Namun, juru bicara Dinas Perikanan, Rahmat Hidayat, menepis laporan tersebut.")
    assert rows == [("juru bicara Dinas Perikanan, Rahmat Hidayat", "menepis", ["laporan tersebut"])]


def test_relative_clause_speaker_keeps_its_role_words():
    rows = _rows("Harian itu mengutip seorang juru bicara polisi yang mengatakan jalan ditutup.")
    assert rows == [("Harian itu", "mengutip", ["jalan ditutup"]),
                    ("seorang juru bicara polisi", "mengatakan", ["jalan ditutup"])]


def test_complaint_to_the_police_is_no_report():
    assert _rows("Warga melaporkan kepala desa itu ke polisi atas dugaan penggelapan.") == []


def test_basis_inside_a_clause_is_no_source():
    rows = _rows("Tersangka dijerat berdasarkan undang-undang lalu lintas, kata polisi.")
    assert [cue for _, cue, _ in rows] == ["kata"]


def test_according_to_a_statement_names_its_source():
    assert _rows("Menurut keterangan polisi, jalan itu ditutup.") == \
        [("keterangan polisi", "Menurut", ["jalan itu ditutup"])]


def test_name_after_a_role_belongs_to_an_according_source():
    assert _rows("Menurut pengamat ekonomi, Rina Wulandari, harga beras akan naik.") == \
        [("pengamat ekonomi, Rina Wulandari", "Menurut", ["harga beras akan naik"])]
    assert _rows("Menurut polisi, Jawa Barat, Jawa Tengah dan Bali terdampak banjir.")[0][0] == "polisi"


def test_inverted_report_inside_its_content():
    assert _rows("Namun, kata dia, jembatan itu belum aman dilalui truk.") == \
        [("dia", "kata", ["jembatan itu belum aman dilalui truk"])]
    assert _rows("Harga beras, ujar Budi, akan turun bulan depan.") == \
        [("Budi", "ujar", ["Harga beras", "akan turun bulan depan"])]
    assert _rows("Harga beras akan turun, kata Budi, Senin (3/2/2025).")[0][0] == "Budi"


def test_role_after_a_name_belongs_to_an_according_source():
    assert _rows("Menurut Ani Lestari, pengacara keluarga korban, polisi lamban bekerja.")[0][:2] == \
        ("Ani Lestari, pengacara keluarga korban", "Menurut")


def test_outlet_quoting_a_speaker_in_a_relative_clause():
    atts = extract_text("Harian Pagi mengutip seorang pejabat yang mengatakan jalan itu ditutup.", "id")
    got = [(a.source.text, a.cue.text, a.content[0].text, a.nested_in) for a in atts]
    assert got == [("Harian Pagi", "mengutip", "jalan itu ditutup", None),
                   ("seorang pejabat", "mengatakan", "jalan itu ditutup", "a1")]


def test_denial_keeps_its_object_with_a_relative_clause():
    rows = _rows("Dinas Kesehatan menepis kabar yang menyebut vaksin itu berbahaya.")
    assert rows == [("Dinas Kesehatan", "menepis", ["kabar yang menyebut vaksin itu berbahaya"]),
                    ("kabar", "menyebut", ["vaksin itu berbahaya"])]


def test_according_to_an_outlet_then_a_speaker_with_appositive():
    atts = extract_text("Menurut kantor berita Antara, juru bicara dinas, Rina Wati, mengatakan jalan ditutup.", "id")
    got = [(a.source.text, a.cue.text, a.content[0].text, a.nested_in) for a in atts]
    assert got[1] == ("juru bicara dinas, Rina Wati", "mengatakan", "jalan ditutup", "a1")
    atts = extract_text("Menurut kantor berita Antara, menteri itu mengatakan jalan ditutup.", "id")
    assert [(a.source.text, a.content[0].text) for a in atts][1] == ("menteri itu", "jalan ditutup")


def test_quote_before_an_enclitic_cue_with_a_long_adjunct():
    t = '"Ini negara hukum," katanya dalam acara forum bisnis para pengusaha muda di Jakarta, Senin (20/10/2025).'
    assert _rows(t) == [("nya", "kata", ["Ini negara hukum,"])]
    assert _rows('"Tidak ada kekhawatiran," sebutnya singkat.') == [("nya", "sebut", ["Tidak ada kekhawatiran,"])]


def test_openers_and_modals_are_no_part_of_a_subject():
    assert _rows("Awalnya Purbaya mengatakan inflasi terkendali.")[0][0] == "Purbaya"
    assert _rows("Pemerintah dapat memastikan harga beras stabil.")[0][0] == "Pemerintah"


def test_giving_a_speech_is_no_report():
    rows = _rows("Pejabat itu mengatakan presiden akan menyampaikan pidato di televisi.")
    assert [cue for _, cue, _ in rows] == ["mengatakan"]


def test_hedge_between_subject_and_cue_is_no_part_of_the_source():
    assert _rows("Pengusaha itu disebut menuding pejabat desa menerima suap.")[0][:2] == ("Pengusaha itu", "menuding")
