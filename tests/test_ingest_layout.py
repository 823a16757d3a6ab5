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
    ("ERIE, Pa. (AP) — Police said.", ("Erie", "Associated Press")),
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
    assert [c.value for c in m.image_credit] == ["ANTARA", "Budi Contoh"]


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
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=8), max_size=40).map("".join))
def test_any_text_parses_with_exact_offsets(text):
    for lang in ("id", "en"):
        a = article_from_text(text, lang=lang)
        assert_offsets(a)
