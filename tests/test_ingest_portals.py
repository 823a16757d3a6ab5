"""Plain-text layouts of more portals (round 3): mastheads with taglines,
label blocks, role bylines, US related-link blocks, portal datelines with an
outlet name, embed placeholders, editors' initials, outlet spelling.  Every
text here was written for these tests."""
from __future__ import annotations

import pytest

from graphkit.ingest import article_from_text
from graphkit.ingest.merge import merge
from graphkit.ingest.layout import parse_layout
from graphkit.ingest.outlets import abbreviates, display_outlet


def _read(text: str, lang: str):
    a = article_from_text(text, lang=lang)
    md = a.metadata
    fields = [md.title, md.outlet, md.section, md.published, md.dateline, *md.authors, *md.editors,
              *md.based_on, *md.image_credit, *md.related_links_not_content]
    for f in fields:
        if f is not None and f.span is not None:
            assert a.text[f.span.start:f.span.end] == f.span.text
    for s in a.body:
        assert a.text[s.start:s.end] == s.text
    return md.as_dict(), [s.text for s in a.body]


REGIONAL = """HARIAN TELUK RAYA
Menyuarakan Kabar dari Pesisir Sejak 1979

Daerah

Petani Garam Desa Contoh Menolak Rencana Tambak Udang Baru

Rabu, 6 Maret 2024 | 14:05 WIB

Laporan: Yuliana Sampelo

MUARA CONTOH (TR) - Puluhan petani garam menolak rencana tambak udang, kata ketua kelompok tani.

"Lahan kami bisa rusak," ujar dia.
"""


def test_regional_masthead_tagline_report_label_and_own_initials():
    m, body = _read(REGIONAL, "id")
    assert m["title"] == "Petani Garam Desa Contoh Menolak Rencana Tambak Udang Baru"   # not the tagline
    assert (m["outlet"], m["section"], m["dateline"]) == ("Harian Teluk Raya", "Daerah", "Muara Contoh")
    assert m["published"] == "2024-03-06T14:05:00+07:00"        # "date | time" in two parts
    assert m["authors"] == ["Yuliana Sampelo"]                   # "Laporan:" is a label
    assert m["based_on"] == []                                   # "(TR)" is the paper's own initials
    assert body[0].startswith("Puluhan petani") and "Menyuarakan" not in " ".join(body)


def test_wire_in_dateline_of_masthead_page_is_still_the_basis():
    text = REGIONAL.replace("(TR)", "(ANTARA)")
    assert _read(text, "id")[0]["based_on"] == ["Antara"]


TEMPO_HEAD = """Menteri Bantah Rencana Impor Gula Tahun Ini

Jumat, 8 Maret 2024 09:40 WIB

Reporter

Sekar Wulandari

Editor

Marwoto

Jakarta - Menteri membantah rencana impor gula, kata juru bicaranya.

Pilihan Editor: Harga Gula Pasir Naik di Lima Provinsi

"Tidak ada impor," ujar menteri.
"""

TEMPO_FOOT = """Menteri Bantah Rencana Impor Gula Tahun Ini

Jakarta - Menteri membantah rencana impor gula, kata juru bicaranya.

"Tidak ada impor," ujar menteri.

PILIHAN EDITOR: Harga Gula Pasir Naik di Lima Provinsi

Reporter: Sekar Wulandari
Editor: Marwoto
"""


@pytest.mark.parametrize("text", [TEMPO_HEAD, TEMPO_FOOT])
def test_label_blocks_and_editors_pick(text):
    m, body = _read(text, "id")
    assert m["authors"] == ["Sekar Wulandari"] and m["editors"] == ["Marwoto"]
    assert m["related_links_not_content"] == ["Harga Gula Pasir Naik di Lima Provinsi"]
    assert body == ["Menteri membantah rencana impor gula, kata juru bicaranya.", '"Tidak ada impor," ujar menteri.']


def test_label_alone_without_names_after_it_is_not_a_byline():
    m, body = _read("Judul berita contoh di sini\n\nEditor\n\nHujan turun, kata petugas.\n", "id")
    assert m["editors"] == [] and body == ["Hujan turun, kata petugas."]


@pytest.mark.parametrize("byline", [
    "Hana Delcourt Health correspondent",
    "Hana Delcourt\nHealth correspondent",
    "Hana Delcourt Chief political correspondent",
])
def test_guardian_role_bylines_after_a_standfirst(byline):
    text = ("Hospital waiting lists hit record high as strikes go on\n\n"
            "Ministers say the figures reflect the pressure of a long winter.\n\n"
            f"{byline}\nTue 16 May 2023 07.25 BST\n\n"
            "Waiting lists rose again in March, officials said.\n\nMore patients waited a year, data showed.\n")
    m, body = _read(text, "en")
    assert m["authors"] == ["Hana Delcourt"]
    assert m["published"] == "2023-05-16T07:25:00+01:00"
    assert m["title"] == "Hospital waiting lists hit record high as strikes go on"
    assert "correspondent" not in " ".join(body) and body[-1] == "More patients waited a year, data showed."


def test_role_byline_after_standfirst_without_date_and_by_with_role():
    text = ("Hospital lists hit record high as strikes go on\n\nMinisters say the figures reflect a long winter.\n\n"
            "Hana Delcourt Health correspondent\n\nWaiting lists rose, officials said.\n\nMore waited, data showed.\n")
    assert _read(text, "en")[0]["authors"] == ["Hana Delcourt"]
    text = "Hospital lists hit record high\n\nBy Hana Delcourt, health correspondent\n\nLists rose, officials said.\n"
    assert _read(text, "en")[0]["authors"] == ["Hana Delcourt"]


@pytest.mark.parametrize("line", ["Kamis, 14 Maret 2024 • 10:25 WIB", "10:25 WIB | Kamis, 14 Maret 2024",
                                  "Kamis (14/3/2024) pukul 10.25 WIB", "Kamis, 14 Maret 2024 10:25 Wib"])
def test_date_and_time_variants(line):
    text = f"Judul Berita Contoh Yang Cukup Panjang\n\n{line}\n\nWarga berkumpul, kata dia.\n"
    assert _read(text, "id")[0]["published"] == "2024-03-14T10:25:00+07:00"


def test_role_line_needs_a_name_first():
    m, body = _read("Title of the story goes here\n\nThe health correspondent\n\nIt rained, officials said.\n", "en")
    assert m["authors"] == []


def test_us_read_more_blocks_colon_prefixes_and_bracketed_titles():
    text = ("Senate passes stopgap funding bill hours before deadline\n\nBy Ann Lee\n\n"
            "WASHINGTON (AP) — The Senate passed the bill on Friday, aides said.\n\n"
            "Read more:\nShutdown fight moves to the House\nWhat a shutdown would mean for you\n\n"
            "The House is expected to vote on Saturday, leaders said.\n\n"
            "MORE: Why the deadline matters\n\n[Older budget fights, in pictures]\n\n"
            "More from The Daily Example:\n\nThe vote is set for noon, aides said.\n")
    m, body = _read(text, "en")
    assert m["related_links_not_content"] == [
        "Shutdown fight moves to the House", "What a shutdown would mean for you",
        "Why the deadline matters", "Older budget fights, in pictures"]
    assert body == ["The Senate passed the bill on Friday, aides said.",
                    "The House is expected to vote on Saturday, leaders said.", "The vote is set for noon, aides said."]


def test_portal_dateline_with_outlet_name_embeds_and_initials():
    text = ("Warga Desa Contoh Mengungsi Akibat Banjir Bandang\n\n"
            "Jakarta, Kanal Nusantara -- Ratusan warga mengungsi akibat banjir, kata kepala desa.\n\n"
            "[Gambas:Video Kanal]\n\n\"Air naik cepat,\" ujar dia. (adn/rzk)\n\n(abc)\n")
    m, body = _read(text, "id")
    assert (m["dateline"], m["outlet"]) == ("Jakarta", "Kanal Nusantara")
    assert _read(text.replace("Jakarta,", "JAKARTA,"), "id")[0]["outlet"] == "Kanal Nusantara"
    assert body == ["Ratusan warga mengungsi akibat banjir, kata kepala desa.", '"Air naik cepat," ujar dia.']


def test_region_after_comma_is_not_an_outlet_in_english():
    m = parse_layout("PORTVILLE, Westland — Rain fell, officials said.\n", "en").metadata
    assert (m.dateline.value, m.outlet) == ("Portville", None)
    m = parse_layout("Portville, Westland - Rain fell, officials said.\n", "en").metadata
    assert (m.dateline, m.outlet) == (None, None)


def test_outlet_in_brackets_opening_the_story():
    m, body = _read("Plane lands safely after scare\n\n(CNN) A plane returned to the airport, officials said.\n", "en")
    assert (m["outlet"], m["dateline"]) == ("CNN", None)
    assert body == ["A plane returned to the airport, officials said."]
    m, body = _read("Plane lands safely after scare\n\n(Reuters) - A plane returned, officials said.\n", "en")
    assert m["outlet"] == "Reuters" and body == ["A plane returned, officials said."]


def test_site_spelling_is_kept_and_consistent():
    text = ("wartapena.co\nDaerah\n\nNelayan Tolak Rencana Reklamasi Teluk Contoh\n\n"
            "Kamis, 14 Maret 2024 10:25 WIB\n\nWarga antre di pelabuhan. (WARTAPENA.CO/Dimas Arya)\n\n"
            "Kuala Contoh, Wartapena.co - Nelayan menolak reklamasi, kata ketua kelompok.\n")
    m, _ = _read(text, "id")
    assert m["outlet"] == "wartapena.co"
    assert m["image_credit"] == ["wartapena.co", "Dimas Arya"]
    assert display_outlet("WARTAPENA.CO") == "Wartapena.co"


def test_image_copyright_captions_and_assistance_bylines():
    text = ("Storm closes roads across the north\n\n"
            "Image copyright Northport Imaging Image caption Crews cleared fallen trees\n\n"
            "Roads were closed on Monday, police said.\n\n— With assistance by Ola Brenner\n")
    m, body = _read(text, "en")
    assert m["image_credit"] == ["Northport Imaging"] and m["authors"] == ["Ola Brenner"]
    assert body == ["Roads were closed on Monday, police said."]


@pytest.mark.parametrize("line", [
    "Saksikan Live Contohpagi:", "Read or Share this story: https://example.test/x",
    "Enlarge this image toggle caption Ann Lee/AP Ann Lee/AP",
])
def test_new_furniture_lines(line):
    lang = "id" if line.startswith("Saksikan") else "en"
    _, body = _read(f"Title of the story goes here\n\nIt rained, officials said.\n\n{line}\n", lang)
    assert body == ["It rained, officials said."]


def test_abbreviations_of_the_site():
    assert abbreviates("TR", "Harian Teluk Raya") and abbreviates("SK", "SuaraKota.id")
    assert not abbreviates("AFP", "Harian Teluk Raya") and not abbreviates("tr", "Teluk Raya")


def test_record_outlet_and_own_initials_in_merge():
    lay = parse_layout("MUARA CONTOH (TR) - Petani menolak tambak, kata ketua.\n", "id")
    md = merge(lay, given_outlet="Harian Teluk Raya", lang="id")
    assert md.outlet.value == "Harian Teluk Raya" and md.based_on == []
