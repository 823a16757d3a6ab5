"""More page layouts: upper-case mastheads above breadcrumbs, breadcrumbs whose
later parts are topics or places, closing "Source: X and news agencies" lines,
several labelled dates on one line, credits inside captions, "Name, Outlet"
and "Name · date" bylines, repeated credits and sign-offs.  Every page here is
made up for these tests."""
from __future__ import annotations

from graphkit.ingest import article_from_text
from layout_helpers import assert_offsets, body, meta


# --- mastheads and breadcrumbs -------------------------------------------

MASTHEAD_CRUMB = (
    "THE GLENMORE COURIER\n\n"
    "Business > Markets\n\n"
    "Harbor crane operators vote to strike over night shifts\n\n"
    "By Tessa Quill\n\n"
    "Crane operators at the port of Glenmore voted to strike next week, the union said.\n\n"
    "The port authority said talks would continue.\n"
)


def test_capital_masthead_above_breadcrumb_is_the_outlet():
    m = meta(MASTHEAD_CRUMB)
    assert m["outlet"] == "The Glenmore Courier"
    assert m["title"] == "Harbor crane operators vote to strike over night shifts"
    assert m["authors"] == ["Tessa Quill"]
    assert_offsets(MASTHEAD_CRUMB)


def test_breadcrumb_section_is_the_top_rubric():
    # the first part after the site name and roots such as "Home": later parts
    # are sub-rubrics, topics or places
    assert meta(MASTHEAD_CRUMB)["section"] == "Business"
    page = ("Beranda » Daerah » Kotabaru Hilir\n\nJembatan Desa Putus Diterjang Banjir Bandang\n\n"
            "Warga mengungsi ke balai desa.\n")
    assert meta(page, "id")["section"] == "Daerah"
    page = "Kabarcontoh.com > kabarDaerah\n\nJembatan Desa Putus Diterjang Banjir\n\nWarga mengungsi.\n"
    m = meta(page, "id")
    assert (m["outlet"], m["section"]) == ("Kabarcontoh.com", "kabarDaerah")
    page = "Home > News\n\nStorm closes the northern ferry routes\n\nFerries stayed in port.\n"
    assert meta(page)["section"] == "News"           # nothing but roots: the last one


def test_two_part_rubric_line_with_a_bar():
    page = "News|Elections\n\nCount delayed in three districts after power cut\n\nOfficials said counting resumed.\n"
    assert meta(page)["section"] == "Elections"
    page = "Politics\n\nCount delayed in three districts after power cut\n\nOfficials said counting resumed.\n"
    assert meta(page)["section"] == "Politics"


def test_single_word_above_breadcrumb_is_not_a_masthead():
    page = "Sport\n\nHome > Sport > Rowing\n\nCrew sets course record on the river\n\nThe crew won easily.\n"
    m = meta(page)
    assert m["outlet"] is None


# --- the declared basis --------------------------------------------------

AGENCIES = (
    "Flood waters recede in the delta towns\n\n"
    "By Omar Sidq\n\n"
    "Flood waters began to recede on Monday, officials said.\n\n"
    "Aid groups said thousands remained in shelters.\n\n"
    "Source: Delta Wire and news agencies\n"
)


def test_source_line_naming_itself_beside_agencies_gives_the_outlet():
    m = meta(AGENCIES)
    assert m["outlet"] == "Delta Wire"
    assert m["based_on"] == ["Delta Wire", "news agencies"]
    assert "Source" not in " ".join(body(AGENCIES))
    assert_offsets(AGENCIES)


def test_source_line_does_not_replace_a_masthead_or_name_a_plain_agency_the_outlet():
    m = meta("THE DELTA STAR\nWorld\n\n" + AGENCIES)
    assert m["outlet"] == "The Delta Star"
    assert m["based_on"] == ["Delta Wire", "news agencies"]
    plain = AGENCIES.replace("Delta Wire and news agencies", "Reuters")
    m = meta(plain)
    assert m["outlet"] is None and m["based_on"] == ["Reuters"]


def test_indonesian_source_line_with_generic_words():
    page = ("Harga Cabai Turun di Pasar Induk\n\nHarga cabai turun, kata pedagang.\n\n"
            "Sumber: Kabar Selatan dan kantor berita\n")
    m = meta(page, "id")
    assert m["outlet"] == "Kabar Selatan" and m["based_on"] == ["Kabar Selatan", "kantor berita"]


# --- dates ----------------------------------------------------------------

def test_two_labelled_dates_on_one_line():
    page = ("Harbor crane operators vote to strike\n\n"
            "Published : Mar. 4, 2024 - 07:05 KST  Updated : Mar. 4, 2024 - 09:40 KST\n\n"
            "By Tessa Quill\n\nThe union said the vote was clear.\n")
    m = meta(page)
    assert m["published"] == "2024-03-04T07:05:00+09:00"
    assert m["authors"] == ["Tessa Quill"]
    assert all("Published" not in b for b in body(page))


# --- credits inside captions ----------------------------------------------

def test_square_bracket_credit_closing_a_caption():
    page = ("Crews clear debris after the storm\n\nBy Omar Sidq\n\n"
            "Workers clear a road near the river on March 3, 2024 [Lena Marsh/Reuters]\n\n"
            "Crews worked through the night, officials said.\n")
    m = meta(page)
    assert m["image_credit"] == ["Lena Marsh", "Reuters"]
    assert body(page) == ["Crews worked through the night, officials said."]


def test_agency_alone_in_brackets_after_a_caption_in_the_title_block():
    page = ("Crews clear debris after the storm\n\nBy Omar Sidq\n\n"
            "Workers clear a road near the river on Tuesday. (Yonhap)\n\n"
            "Crews worked through the night, officials said.\n")
    assert meta(page)["image_credit"] == ["Yonhap"]
    assert body(page) == ["Crews worked through the night, officials said."]


def test_provider_phrase_and_furniture_group_in_a_caption():
    page = ("Tanker held off the coast\n\n2024-03-04 10:00 KST\n\n"
            "(ATTN: ADDS details in para 3)\n\n"
            "This photo, provided by the Glenmore Port Police, shows a tanker at anchor. "
            "(PHOTO NOT FOR SALE) (Yonhap)\n\n"
            "GLENMORE, March 4 (Yonhap) -- Police held a tanker, officials said.\n")
    m = meta(page)
    assert m["image_credit"] == ["Glenmore Port Police", "Yonhap"]
    assert body(page) == ["Police held a tanker, officials said."]     # the note is furniture
    assert_offsets(page)


def test_agency_in_brackets_closing_a_body_paragraph_is_not_a_credit():
    page = ("Crews clear debris after the storm\n\nCrews worked through the night, officials said.\n\n"
            "The mayor thanked them, the council said (Reuters)\n\nMore rain is due.\n")
    assert meta(page)["image_credit"] == []


def test_video_label_opening_a_line_names_a_clip_not_a_credit():
    page = ("Harga Cabai Turun di Pasar Induk\n\nHarga cabai turun, kata pedagang.\n\n"
            "Video: Harga Pangan Naik Lagi, Ini Kata Pedagang\n")
    assert meta(page, "id")["image_credit"] == []
    page = ("Harga Cabai Turun di Pasar Induk\n\nPedagang menata cabai di pasar. (Video: Kanal Contoh)\n\n"
            "Harga cabai turun, kata pedagang.\n")
    assert meta(page, "id")["image_credit"] == ["Kanal Contoh"]


def test_repeated_credit_and_sign_off_line():
    page = ("Harga Cabai Turun di Pasar Induk\n\n"
            "Pedagang menata cabai di pasar, Senin (4/3/2024). (KABARCONTOH.COM/ANI RUSDI)\n\n"
            "Harga cabai turun, kata pedagang.\n\nPembeli mulai kembali ke pasar.\n\n"
            "(Kabarcontoh.com/Ani Rusdi)\n")
    m = meta(page, "id")
    assert m["image_credit"] == ["Kabarcontoh.com", "Ani Rusdi"]
    page = page.replace("(Kabarcontoh.com/Ani Rusdi)", "Stok cabai di gudang. (Kabarcontoh.com/Ani Rusdi)")
    assert meta(page, "id")["image_credit"] == ["Kabarcontoh.com", "Ani Rusdi"]   # printed twice, read once


# --- bylines ----------------------------------------------------------------

NAME_OUTLET = (
    "EKONOMI\n\n"
    "Ani Rusdi, Kabar Niaga\n"
    "04 Maret 2024 10:15 WIB\n\n"
    "Harga Nikel Melonjak, Emiten Tambang Ramai Diburu & Investor Waspada\n\n"
    "Jakarta, Kabar Niaga - Harga nikel naik tajam pada Senin.\n\n"
    "Analis menilai kenaikan itu sementara.\n"
)


def test_name_comma_outlet_byline_above_the_date():
    m = meta(NAME_OUTLET, "id")
    assert m["title"] == "Harga Nikel Melonjak, Emiten Tambang Ramai Diburu & Investor Waspada"
    assert m["authors"] == ["Ani Rusdi"]
    assert m["outlet"] == "Kabar Niaga" and m["section"] == "EKONOMI"
    assert m["published"] == "2024-03-04T10:15:00+07:00"
    assert_offsets(NAME_OUTLET, "id")


def test_name_comma_known_outlet_byline():
    page = ("Storm closes the northern ferry routes\n\nTessa Quill, Reuters\n\n"
            "Ferries stayed in port on Monday, officials said.\n")
    m = meta(page)
    assert m["authors"] == ["Tessa Quill"] and m["outlet"] == "Reuters"


def test_name_comma_other_words_is_not_a_byline():
    page = ("Kota Lama, Kota Baru\n\n04 Maret 2024 10:15 WIB\n\n"
            "Jakarta, Kabar Niaga - Warga berkumpul di alun-alun.\n")
    m = meta(page, "id")
    assert m["title"] == "Kota Lama, Kota Baru" and m["authors"] == []


def test_name_and_date_on_one_line_under_a_known_section():
    page = ("Internasional\n\nDua Negara Sepakat Buka Jalur Dagang Baru di Perbatasan\n\n"
            "Ani Rusdi · Senin, 04 Maret 2024 - 14:05:00 WIB\n\n"
            "JAKARTA, Kanalcontoh.id - Kedua negara sepakat membuka jalur dagang.\n")
    m = meta(page, "id")
    assert m["authors"] == ["Ani Rusdi"] and m["section"] == "Internasional"
    assert m["published"] == "2024-03-04T14:05:00+07:00"
    # without a section before the title the part stays the section, as before
    page = "Dua Negara Sepakat Buka Jalur Dagang\n\nEkonomi · Senin, 04 Maret 2024\n\nWarga senang.\n"
    m = meta(page, "id")
    assert m["section"] == "Ekonomi" and m["authors"] == []


# --- related links ------------------------------------------------------------

def test_next_article_block():
    page = ("Harga Cabai Turun di Pasar Induk\n\nHarga cabai turun, kata pedagang.\n\n"
            "Next Article\nStok Beras Aman Hingga Lebaran, Ini Kata Bulog\n")
    a = article_from_text(page, lang="id")
    assert [r.value for r in a.metadata.related_links_not_content] == [
        "Stok Beras Aman Hingga Lebaran, Ini Kata Bulog"]
    assert [s.text for s in a.body] == ["Harga cabai turun, kata pedagang."]


def test_header_line_with_a_date_label_and_an_agency_is_no_caption():
    page = ("Crews clear debris after the storm\n\n"
            "Crews clear debris after the storm Updated: 2024-03-04 06:50 (Reuters)\n\n"
            "Crews worked through the night, officials said.\n")
    assert meta(page)["image_credit"] == []
