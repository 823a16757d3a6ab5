"""Still more page layouts: a site that writes its name both as a name
("Harbor TV") and as a web name ("HARBORTV.ID"), breadcrumbs split by " / "
or headed by a country (an edition), an English daily's "Name / Outlet /
Place | date | time WIB" block, a public-radio site's photo credit naming the
station and its "More Stories From ..." block, header parts that are only
furniture ("Listen • 3:05"), and a standfirst under the title.  Every page
here is made up for these tests."""
from __future__ import annotations

from graphkit.ingest.dates import find_date
from layout_helpers import assert_offsets, body, meta
from graphkit.ingest.outlets import outlet_key, same_outlet


# --- a site's name written as a name and as a web name --------------------

TV_PORTAL = (
    "Beranda / Nasional\n\n"
    "Jembatan Gantung di Desa Contoh Putus, Warga Terisolasi\n\n"
    "Harbor TV - Kamis, 5 Desember 2024 | 10:20 WIB\n\n"
    "Warga menyeberang sungai dengan rakit, Rabu (4/12/2024). (Foto: Dok. Warga)\n\n"
    "TELUKMAS, HARBORTV.ID - Jembatan gantung di Desa Contoh putus, kata kepala desa.\n\n"
    "Camat setempat mengatakan perbaikan dimulai pekan depan.\n\n"
    "Penulis : Sari Wulandari\n"
    "Editor : Agus Pranata\n\n"
    "Sumber : Antara\n"
)


def test_site_name_in_date_line_is_the_outlet_not_an_author():
    m = meta(TV_PORTAL, "id")
    assert m["outlet"] == "Harbor TV"
    assert m["authors"] == ["Sari Wulandari"] and m["editors"] == ["Agus Pranata"]
    assert m["based_on"] == ["Antara"]                  # the dateline's web name is the site itself
    assert m["published"] == "2024-12-05T10:20:00+07:00"
    assert m["dateline"] == "Telukmas"
    assert_offsets(TV_PORTAL, "id")


def test_outlet_key_joins_the_written_forms():
    assert same_outlet("Harbor TV", "HARBORTV.ID") and same_outlet("harbortv.id", "Harbortv.id")
    assert not same_outlet("Harbor TV", "Harbor Wire") and not same_outlet("", "")
    assert outlet_key("Reuters") == outlet_key("reuters.com")


def test_site_name_alone_under_the_title_is_no_body_text():
    text = ("Ekonomi\n\n"
            "Pabrik Tekstil di Kota Contoh Tutup, Ratusan Pekerja Dirumahkan\n\n"
            "Warta Niaga\n"
            "Kamis, 05 Des 2024 09:10 WIB\n\n"
            "Jakarta, Warta Niaga -- Pabrik tekstil di Kota Contoh tutup, kata serikat pekerja.\n")
    m = meta(text, "id")
    assert (m["outlet"], m["section"], m["dateline"]) == ("Warta Niaga", "Ekonomi", "Jakarta")
    assert body(text, "id") == ["Pabrik tekstil di Kota Contoh tutup, kata serikat pekerja."]


# --- breadcrumbs ------------------------------------------------------------

def test_slash_breadcrumb_after_a_root_word():
    text = ("Home / Sport\n\nLocal rowing club wins regional title after tense final\n\n"
            "The club won by half a length, its coach said.\n")
    m = meta(text)
    assert (m["section"], m["title"]) == ("Sport", "Local rowing club wins regional title after tense final")


def test_short_title_with_a_slash_is_not_a_breadcrumb():
    text = "Harbor / Valley talks\n\nThe two towns resumed talks on Monday, officials said.\n"
    m = meta(text)
    assert m["title"] == "Harbor / Valley talks" and m["section"] is None


def test_country_heading_a_breadcrumb_is_an_edition():
    text = ("Indonesia › Islands\n\nFerry service to outer islands suspended amid high waves\n\n"
            "The ferry operator suspended sailings, a spokesman said.\n")
    assert meta(text)["section"] == "Islands"
    text2 = ("News › Indonesia\n\nFerry service to outer islands suspended amid high waves\n\n"
             "The ferry operator suspended sailings, a spokesman said.\n")
    assert meta(text2)["section"] == "Indonesia"          # nothing else left


# --- an English daily's author / outlet / place-and-date block ---------------

ENGLISH_DAILY = (
    "THE MERBAU GAZETTE\n"
    "Indonesia › Regions\n\n"
    "Flooding cuts off three villages as river bursts its banks\n\n"
    "Dewi Anggraini\n"
    "The Merbau Gazette\n"
    "Pontianak | Wed, December 4, 2024 | 07:45 am WIB\n\n"
    "Residents wade through a flooded street on Tuesday. (Antara/Budi Hartono)\n\n"
    "Three villages were cut off after the river burst its banks, the disaster agency said.\n\n"
    "Read also: Dam project delayed again\n\n"
    "The agency said aid would arrive by boat.\n"
)


def test_author_above_outlet_line_and_place_in_date_line():
    m = meta(ENGLISH_DAILY)
    assert m["outlet"] == "The Merbau Gazette"
    assert m["section"] == "Regions"
    assert m["authors"] == ["Dewi Anggraini"]
    assert m["published"] == "2024-12-04T07:45:00+07:00"
    assert m["dateline"] == "Pontianak"
    assert m["image_credit"] == ["Antara", "Budi Hartono"]
    assert body(ENGLISH_DAILY) == [
        "Three villages were cut off after the river burst its banks, the disaster agency said.",
        "The agency said aid would arrive by boat."]
    assert_offsets(ENGLISH_DAILY)


def test_indonesian_time_zones_in_english_dates():
    assert find_date("Wed, December 4, 2024 | 03:10 pm WIB", "en").value == "2024-12-04T15:10:00+07:00"
    assert find_date("March 3, 2024 9:00 SGT", "en").value == "2024-03-03T09:00:00+08:00"


def test_dateline_of_first_paragraph_wins_over_date_line_place():
    text = ENGLISH_DAILY.replace("Three villages", "SINTANG - Three villages")
    assert meta(text)["dateline"] == "Sintang"


def test_date_line_part_is_the_section_when_no_section_is_known():
    text = ("Regions | Wed, December 4, 2024\n\nFlooding cuts off three villages in the west\n\n"
            "Three villages were cut off, officials said.\n")
    m = meta(text)
    assert (m["section"], m["dateline"]) == ("Regions", None)


# --- a public-radio page ----------------------------------------------------------

RADIO = (
    "Harbor Public Radio\n"
    "Donate | Listen Live | Schedule\n\n"
    "Education\n\n"
    "District will close two rural schools next year, board says\n\n"
    "By Lena Ortiz\n"
    "Published December 2, 2024 at 5:47 PM EST\n\n"
    "Listen • 3:05\n\n"
    "The school in Pine Hollow on Monday. It has 40 pupils.\n"
    "Lena Ortiz/Harbor Public Radio\n\n"
    "The school board voted Monday to close two rural schools, the district said.\n\n"
    "Parents said the bus rides would be too long.\n\n"
    "Copyright 2024 Harbor Public Radio\n\n"
    "More Stories From Harbor Public Radio\n"
    "Farmers say the frost came two weeks early\n"
    "City council approves new bike lanes downtown\n"
)


def test_station_photo_credit_listen_bar_and_more_stories_block():
    m = meta(RADIO)
    assert (m["outlet"], m["section"], m["authors"]) == ("Harbor Public Radio", "Education", ["Lena Ortiz"])
    assert m["published"] == "2024-12-02T17:47:00-05:00"
    assert m["image_credit"] == ["Lena Ortiz", "Harbor Public Radio"]
    assert m["related_links_not_content"] == ["Farmers say the frost came two weeks early",
                                              "City council approves new bike lanes downtown"]
    assert body(RADIO) == ["The school board voted Monday to close two rural schools, the district said.",
                           "Parents said the bus rides would be too long."]
    assert_offsets(RADIO)


def test_slash_line_without_the_site_name_stays_text():
    text = RADIO.replace("Lena Ortiz/Harbor Public Radio", "Pine Hollow/Cedar Falls")
    assert "Pine Hollow/Cedar Falls" in body(text)


def test_more_stories_heading_block_in_indonesian():
    text = ("Warga mengungsi, kata camat.\n\nBerita Lainnya\nHarga Beras Naik Lagi\nJalan Tol Baru Dibuka\n")
    assert meta(text, "id")["related_links_not_content"] == ["Harga Beras Naik Lagi", "Jalan Tol Baru Dibuka"]
    assert body(text, "id") == ["Warga mengungsi, kata camat."]


# --- standfirst -----------------------------------------------------------------

def test_standfirst_between_title_and_byline_is_not_body():
    text = ("The Harbor Times\nNews | World\n\n"
            "Two killed as protests over bread prices spread, rights group says\n\n"
            "Government denies firing on crowds as unrest reaches the second city\n\n"
            "Mara Quill\nForeign Correspondent\nTuesday 3 December 2024 21:14 GMT\n\n"
            "At least two people were killed on Tuesday, according to a rights group.\n")
    m = meta(text)
    assert m["authors"] == ["Mara Quill"] and m["section"] == "World"
    assert body(text) == ["At least two people were killed on Tuesday, according to a rights group."]


def test_long_line_after_the_title_without_header_lines_after_it_stays():
    text = ("Harbor council approves new budget\n\n"
            "Council members voted for the budget after a long debate on Tuesday night\n\n"
            "The budget passed eight votes to three, the clerk said.\n")
    assert body(text)[0] == "Council members voted for the budget after a long debate on Tuesday night"



def test_summary_line_of_a_page_without_paragraphs_stays_body():
    text = ("Crowds gather at harbor festival\n\n"
            "Thousands of people gathered at the harbor for the annual festival on Sunday evening\n\n"
            "Source: Harbor Wire\n")
    assert body(text) == ["Thousands of people gathered at the harbor for the annual festival on Sunday evening"]
