"""Plain-text layout: the seed article against its gold metadata, and layouts
written for these tests (English wire, Indonesian portals)."""
from __future__ import annotations

import json
import time

import pytest
from conftest import DATA, SEED_GOLD, needs_shared

from graphkit.ingest import article_from_text
from graphkit.ingest.layout import parse_layout
from graphkit.records import Article, Span


def all_spans(a: Article) -> list[Span]:
    md = a.metadata
    fields = [md.title, md.outlet, md.section, md.published, md.dateline, *md.authors, *md.editors,
              *md.based_on, *md.image_credit, *md.related_links_not_content]
    return [f.span for f in fields if f is not None and f.span is not None] + list(a.body)


def assert_offsets(a: Article) -> None:
    for s in all_spans(a):
        assert a.text[s.start:s.end] == s.text, s


@needs_shared
def test_seed_metadata_equals_gold(seed_text):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    got = article_from_text(seed_text).metadata.as_dict()
    for key, value in gold["metadata"].items():
        assert got[key] == value, key


def test_seed_body_and_offsets(seed_text):
    a = article_from_text(seed_text)
    assert a.lang == "id"
    assert_offsets(a)
    body = "\n".join(s.text for s in a.body)
    # title block, caption, related links, bylines, basis and furniture stay out
    assert a.metadata.title.value not in body
    assert a.metadata.related_links_not_content[0].value not in body
    assert "Penulis" not in body and "TERBARU" not in body and "> >" not in body
    assert not a.body[0].text.startswith(a.metadata.dateline.span.text)


WIRE = DATA / "articles" / "illustrative-wire-en.txt"
PORTAL = DATA / "articles" / "illustrative-portal-id.txt"


def test_english_wire_layout():
    text = WIRE.read_text(encoding="utf-8")
    a = article_from_text(text, source=str(WIRE))
    m = a.metadata.as_dict()
    assert a.lang == "en"
    assert m["title"] == "Veloria denies sending engineers to disputed Ostra dam"
    assert m["published"] == "2024-10-11T15:32:00-04:00"          # ET in October = EDT
    assert m["outlet"] == "Reuters" and m["dateline"] == "Washington"
    assert m["authors"] == ["Jane Examplestone", "Tom Placeholder"]
    assert m["editors"] == ["Peter Sampleton"]
    assert m["related_links_not_content"] == ["Ostra River talks stall for a third time"]
    body = "\n".join(s.text for s in a.body)
    assert "Advertisement" not in body and "Illustrative article" not in body
    assert "Reporting by" not in body and "Read more" not in body
    assert a.body[0].text.startswith("The government of Veloria")
    assert_offsets(a)


def test_indonesian_portal_layout():
    text = PORTAL.read_text(encoding="utf-8")
    a = article_from_text(text)
    m = a.metadata.as_dict()
    assert a.lang == "id"
    assert m == {
        "title": "Menteri Sari Fiktiani Bantah Isu Impor Beras dari Negeri Sampelia",
        "outlet": "Kompas", "section": "Nasional", "published": "2025-03-12T09:15:00+07:00",
        "dateline": "Jakarta", "url": None, "authors": ["Rina Ilustrasi"],
        "editors": ["Dodi Contoh Saja"], "based_on": ["Antara"],
        "image_credit": ["Budi Contohwan", "Antara"],
        "related_links_not_content": ["Harga Gabah di Tingkat Petani Turun Dua Pekan Berturut-turut"],
    }
    body = "\n".join(s.text for s in a.body)
    assert "SCROLL TO CONTINUE" not in body and "Foto:" not in body
    assert_offsets(a)


def test_detik_style_layout():
    text = ("Jakarta - Warga Desa Contoh mengungsi setelah banjir, kata kepala desa.\n"
            "SCROLL TO CONTINUE WITH CONTENT\n"
            "\"Air naik cepat sekali,\" ujar Ani Fiktif.\n"
            "Simak juga Video 'Banjir Rendam Desa Contoh':\n"
            "Tonton juga video \"Warga Bertahan di Atap\" di sini:\n"
            "Editor: Rudi Sampel\n")
    a = article_from_text(text)
    m = a.metadata
    assert [r.value for r in m.related_links_not_content] == ["Banjir Rendam Desa Contoh", "Warga Bertahan di Atap"]
    assert [e.value for e in m.editors] == ["Rudi Sampel"]
    assert len(a.body) == 2 and "SCROLL" not in a.body[1].text
    assert_offsets(a)


@pytest.mark.parametrize("line, expected", [
    ("WASHINGTON (Reuters) - Talks resumed.", ("Washington", "Reuters")),
    ("MOSKOW, KOMPAS.TV - Rusia merespons.", ("Moskow", "Kompas TV")),
    ("JAKARTA, KOMPAS.com – Presiden berkata.", ("Jakarta", "Kompas")),
    ("Jakarta (ANTARA) - Presiden berkata.", ("Jakarta", "Antara")),
    ("NEW YORK — Stocks fell on Monday.", ("New York", None)),
    ("ERIE, Pa. (AP) — Police said.", ("Erie", "AP")),     # an acronym alias is kept as written
    ("Lakeport CNN — Crews worked overnight.", ("Lakeport", "CNN")),
    ("OSTRAVILLE, Aug 2 (Reuters) - Rates held.", ("Ostraville", "Reuters")),
    ("TEMPO.CO, Kota Contoh - Harga naik.", ("Kota Contoh", "Tempo")),
    ("FILE - In this photo, a man walks.", (None, None)),
    ("But wait — there is more.", (None, None)),
])
def test_datelines(line, expected):
    m = parse_layout(line + "\n", "en").metadata
    got = (m.dateline.value if m.dateline else None, m.outlet.value if m.outlet else None)
    assert got == expected


def test_bylines_and_hyphen_rule():
    en = parse_layout("Title here\n\nBy JANE DOE and John Roe-Smith\n\nRain fell.\n", "en").metadata
    assert [a.value for a in en.authors] == ["Jane Doe", "John Roe-Smith"]   # no hyphen joining in en
    idm = parse_layout("Hujan turun.\n\nPenulis : Ani-Rusdi Editor : Kim Jong-un\n", "id").metadata
    assert [a.value for a in idm.authors] == ["Ani Rusdi"]
    assert [e.value for e in idm.editors] == ["Kim Jong-un"]               # lower-case part kept
    prose = parse_layout("By the time we arrived, it was over.\n", "en").metadata
    assert prose.authors == []


def test_basis_only_in_closing_lines():
    text = "Judul\n\nSumber: Data Sampel\n\nHarga naik, kata pedagang.\n\nSumber : Antara\n"
    m = parse_layout(text, "id").metadata
    assert [b.value for b in m.based_on] == ["Antara"]


def test_credits_variants():
    m = parse_layout("A man walks. (AP Photo/Evan Example)\n\nRain fell.\n", "en").metadata
    assert [c.value for c in m.image_credit] == ["AP", "Evan Example"]
    m = parse_layout("Warga antre. (ANTARA FOTO/Budi Contoh)\n\nHujan turun.\n", "id").metadata
    assert [c.value for c in m.image_credit] == ["Antara", "Budi Contoh"]   # known outlet: canonical case


def test_no_layout_gives_whole_text_body():
    a = article_from_text("Hello world, he said.")
    assert [s.text for s in a.body] == ["Hello world, he said."]
    assert a.metadata.title is None


def test_layout_is_fast(seed_text):
    article_from_text(seed_text, lang="id")            # warm the caches
    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        parse_layout(seed_text, "id")
    per = (time.perf_counter() - t0) / n
    assert per < 0.005, f"{per * 1000:.2f} ms per article"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "\n", "\n\n", " ", "By ", "Penulis : ", "Editor: ", "Sumber : ", "(Foto: ", ")", "/", " via ",
    "Baca Juga: ", "Read more", "WASHINGTON (Reuters) - ", "JAKARTA, KOMPAS.com – ", " | ",
    "11 Oktober 2024, 15:32 WIB", "Oct. 11, 2024 3:32 p.m. ET", "2024-10-11T15:32:00+07:00",
    "Ann Lee", "Kim Jong-un", "Vyara-Lestari", "said.", "kata dia.", "> >", "»", "TERBARU", "\u00a0",
    "“", "”", "\"", "'", "12/03/2025", "(", "x" * 300,
    "Published", "Home | World | Sport | Business", "Site.com > kanal", "Getty Images",
    "REUTERS/Ann Lee/File Photo", "Photograph: Ann Lee/AFP", "RELATED COVERAGE", "(abc/def)",
    "THE DAILY EXAMPLE", "Oleh ", "Site.com, Kota - ", "[Photo/Agencies]", "GMT+2",
    "Reporter\n", "Laporan: ", "[Gambas:Video X]", "Image copyright ", " Image caption ", "(CNN) ",
    "Read more:\n", "MORE: ", "Kota, Kanal Contoh -- ", " health correspondent", "(SP) ", "x.CO",
    "— With assistance by ", "Pilihan Editor: ", "[", "]",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=8), max_size=40).map("".join))
def test_any_text_parses_with_exact_offsets(text):
    for lang in ("id", "en"):
        a = article_from_text(text, lang=lang)
        assert_offsets(a)


# ---------------------------------------------------------------------------
# Layout variants of other portals and wires (text written for these tests)

def _md(text: str, lang: str) -> dict:
    a = article_from_text(text, lang=lang)
    assert_offsets(a)
    return a.metadata.as_dict()


def _body(text: str, lang: str) -> str:
    return "\n".join(s.text for s in article_from_text(text, lang=lang).body)


@pytest.mark.parametrize("line, lang, iso", [
    ("Diperbarui 3 Jan 2023 07:05 WIB", "id", "2023-01-03T07:05:00+07:00"),
    ("Portalcontoh.com - 09/11/2023, 21:40 WITA", "id", "2023-11-09T21:40:00+08:00"),
    ("Rabu, 8 Feb 2023 10:11 WIB", "id", "2023-02-08T10:11:00+07:00"),
    ("August 2, 2023 4:05 PM GMT-3", "en", "2023-08-02T16:05:00-03:00"),
    ("Updated 11:20 AM GMT+9, July 4, 2023", "en", "2023-07-04T11:20:00+09:00"),
    ("2 May 2023, 08:45 GMT", "en", "2023-05-02T08:45:00+00:00"),
    ("Tue 16 May 2023 07.25 BST", "en", "2023-05-16T07:25:00+01:00"),
])
def test_date_line_formats(line, lang, iso):
    text = f"Bridge reopens after repairs near the old mill\n\n{line}\n\nThe bridge reopened, the mayor said.\n"
    assert _md(text, lang)["published"] == iso


def test_published_label_alone_then_date():
    text = ("Bridge reopens after long repairs\n\nPublished\n2 May 2023, 08:45 GMT\n\n"
            "The bridge reopened, the mayor said.\n")
    assert _md(text, "en")["published"] == "2023-05-02T08:45:00+00:00"


def test_masthead_section_title_and_wire_dateline():
    text = ("THE MILLBROOK GAZETTE\nLocal\n\nRiver bridge reopens after two years of repairs\n\n"
            "By Ola Brenner\nTue 16 May 2023 07.25 BST\n\n"
            "CORVALE, Westland (AP) — The bridge reopened on Monday, officials said.\n")
    m = _md(text, "en")
    assert m["title"] == "River bridge reopens after two years of repairs"
    assert (m["outlet"], m["section"], m["dateline"]) == ("The Millbrook Gazette", "Local", "Corvale")
    assert m["authors"] == ["Ola Brenner"] and m["based_on"] == ["AP"]   # a wire story on a paper's page


def test_site_name_nav_bar_name_alone_and_credit_line():
    text = ("Harbourside Post\nHome | News | Sport | Culture | Weather\n\n"
            "Ferry strike called off after late-night deal\n\nPublished\n2 May 2023, 08:45 GMT\n\nShare\n\n"
            "Ines Moravec\nTransport correspondent\n\nShutterstock Images\nFerries moored at the quay in Harbourside\n\n"
            "Ferry workers called off a strike planned for Friday, their union said.\n")
    a = article_from_text(text, lang="en")
    m = a.metadata.as_dict()
    assert (m["title"], m["outlet"], m["section"]) == ("Ferry strike called off after late-night deal", "Harbourside Post", None)
    assert m["authors"] == ["Ines Moravec"] and m["image_credit"] == ["Shutterstock Images"]
    assert [s.text for s in a.body] == ["Ferry workers called off a strike planned for Friday, their union said."]


def test_site_domain_line_section_and_dateline_after_outlet():
    text = ("Kabarcontoh.com\nEkonomi\n\nHarga Cabai Turun Menjelang Panen Raya di Kota Contoh\n\n"
            "Oleh Rina Kartika Sari\nDiterbitkan 3 Jan 2023 07:05 WIB\n\n"
            "Kabarcontoh.com, Kota Contoh - Harga cabai turun, kata pedagang.\n")
    a = article_from_text(text, lang="id")
    m = a.metadata.as_dict()
    assert (m["outlet"], m["section"], m["dateline"]) == ("Kabarcontoh.com", "Ekonomi", "Kota Contoh")
    assert m["authors"] == ["Rina Kartika Sari"] and m["published"] == "2023-01-03T07:05:00+07:00"
    assert a.body[0].text == "Harga cabai turun, kata pedagang."


def test_breadcrumb_name_channel_byline_and_title_case_dateline():
    text = ("Kabarcontoh.com > kabarDaerah\n\nJembatan Gantung di Desa Contoh Putus Diterjang Arus\n\n"
            "Sinta Dewi Lestari - kabarDaerah\nRabu, 8 Feb 2023 10:11 WIB\n\n"
            "Lembahhijau - Jembatan gantung putus, kata kepala desa.\n\n(abc/xyz)\n")
    a = article_from_text(text, lang="id")
    m = a.metadata.as_dict()
    assert (m["outlet"], m["section"], m["dateline"]) == ("Kabarcontoh.com", "kabarDaerah", "Lembahhijau")
    assert m["authors"] == ["Sinta Dewi Lestari"] and m["editors"] == []
    assert [s.text for s in a.body] == ["Jembatan gantung putus, kata kepala desa."]
    # English wires print places in capitals: a title-case "Word - " is not a dateline there
    assert _md("Meanwhile - the talks went on, he said.\n", "en")["dateline"] is None


def test_portal_byline_without_colons_and_capital_dateline_outlet():
    text = ("Kabarcontoh.com\nNasional\n\nMenteri Bantah Isu Kenaikan Tarif Listrik\n\n"
            "Kabarcontoh.com - 09/11/2023, 21:40 WITA\n\nPenulis Ayu Lestari | Editor Bima Saputra\n\n"
            "Menteri berbicara di Kota Contoh. KABARCONTOH.com/DIMAS ARYA\n\n"
            "KOTA CONTOH, KABARCONTOH.com - Menteri membantah isu itu.\n")
    m = _md(text, "id")
    assert m["authors"] == ["Ayu Lestari"] and m["editors"] == ["Bima Saputra"]
    assert m["image_credit"] == ["Kabarcontoh.com", "Dimas Arya"]
    assert (m["outlet"], m["dateline"], m["section"]) == ("Kabarcontoh.com", "Kota Contoh", "Nasional")


@pytest.mark.parametrize("line, lang, credits", [
    ("Warga antre di pasar, Senin (3/4/2023). ANTARA/AFP/Budi Contoh/xy.", "id", ["Antara", "AFP", "Budi Contoh"]),
    ("Traders work on the floor, May 2, 2023. REUTERS/Jan Example/File Photo Purchase Licensing Rights",
     "en", ["Reuters", "Jan Example"]),
    ("Smoke rises over the valley on Monday. Photograph: Lee Sample/AFP", "en", ["Lee Sample", "AFP"]),
    ("Fireworks over the bay on Sunday. [Photo/Agencies]", "en", ["Agencies"]),
])
def test_bare_credits(line, lang, credits):
    text = f"Title of the story goes here\n\n{line}\n\nIt rained, officials said.\n"
    a = article_from_text(text, lang=lang)
    assert [c.value for c in a.metadata.image_credit] == credits
    assert [s.text for s in a.body] == ["It rained, officials said."]


def test_wire_datelines_after_caption():
    text = ("Markets\n\nCentral bank leaves rates on hold\n\nBy Ada Example\n\n"
            "A trader looks at screens, May 2, 2023. REUTERS/Jan Example\n\n"
            "OSTRAVILLE, Aug 2 (Reuters) - The central bank held rates, it said.\n")
    m = _md(text, "en")
    assert (m["dateline"], m["outlet"], m["section"]) == ("Ostraville", "Reuters", "Markets")
    t = "Kebijakan Baru\n\nBandarjaya (ANTARA) - Pemerintah menetapkan kebijakan baru, kata menteri.\n"
    assert (_md(t, "id")["dateline"], _md(t, "id")["outlet"]) == ("Bandarjaya", "Antara")


def test_related_blocks():
    en = ("Title of the story goes here\n\nIt rained, officials said.\n\nRELATED COVERAGE\n"
          "Storm closes schools across the region\nFlood warnings issued for the coast\n\n"
          "Roads reopened on Tuesday, police said.\n\nMore on this story\n\n"
          "How the storm formed\nWhat insurers will pay\n\nSubheading here\n")
    m = _md(en, "en")
    assert m["related_links_not_content"] == ["Storm closes schools across the region", "Flood warnings issued for the coast",
                                              "How the storm formed", "What insurers will pay"]
    assert "Storm closes" not in _body(en, "en") and "Subheading here" in _body(en, "en")
    idt = ("Judul berita contoh di sini\n\nHujan turun, kata petugas.\n\nBaca Juga\n\n"
           "Banjir Rendam Dua Desa\nPosko Pengungsi Dibuka\n\nWarga kembali ke rumah, kata camat.\n")
    assert _md(idt, "id")["related_links_not_content"] == ["Banjir Rendam Dua Desa", "Posko Pengungsi Dibuka"]


def test_basis_lists_and_closing_furniture():
    idt = ("Judul berita contoh di sini\n\nHujan turun, kata petugas.\n\nPewarta: Ani Rusdi\n"
           "Sumber: Reuters, AFP\nCOPYRIGHT © PORTAL CONTOH 2023\n")
    m = _md(idt, "id")
    assert m["based_on"] == ["Reuters", "AFP"] and m["authors"] == ["Ani Rusdi"]
    en = ("Title of the story goes here\n\nIt rained, officials said.\n\n"
          "Ana Example in Northport contributed to this report.\n\nSource: AFP\n\n"
          "Illustrative fictional article written for testing graphkit; nothing here is real.\n")
    assert _md(en, "en")["based_on"] == ["AFP"]
    assert _body(en, "en") == "It rained, officials said."


def test_layout_under_a_millisecond(seed_text):
    texts = [(seed_text, "id"), (PORTAL.read_text(encoding="utf-8"), "id"), (WIRE.read_text(encoding="utf-8"), "en")]
    for t, lang in texts:
        parse_layout(t, lang)
    n = 100
    t0 = time.perf_counter()
    for _ in range(n):
        for t, lang in texts:
            parse_layout(t, lang)
    per = (time.perf_counter() - t0) / (n * len(texts))
    assert per < 0.002, f"{per * 1000:.2f} ms per article"     # ~0.5 ms; slack for a busy machine
