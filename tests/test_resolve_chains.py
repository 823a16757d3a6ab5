from graphkit.ingest import article_from_text
from graphkit.extract import extract
from graphkit.resolve import resolve


def _run(text):
    art = article_from_text(text)
    return resolve(art, extract(art))


def test_dikutip_dari():
    a = _run("“Kami tidak tahu,” kata Juru Bicara Istana Rina Wati dikutip dari Reuters, Senin (1/1/2024).")[0]
    assert a.entity.label == "Rina Wati"
    assert [v.key for v in a.via] == ["Reuters"]


def test_nested_via_outlet():
    atts = _run("The Guardian reported that senior officials in Tokyo said the deal was signed.")
    assert atts[1].nested_in == "a1"
    assert [v.key for v in atts[1].via] == ["The Guardian"]
    assert atts[1].entity.anonymous


def test_according_to_outlet_then_speaker():
    atts = _run("Menurut kantor berita Antara, Menteri Pertahanan Jepang mengatakan bahwa latihan dimulai.")
    assert [v.key for v in atts[1].via] == ["Antara"]
    assert atts[1].entity.label == "Japanese defence minister"


def test_told_outlet():
    a = _run("Ann Lee told Reuters that the mine was closed.")[0]
    assert [v.key for v in a.via] == ["Reuters"]


def test_claims_grouping():
    text = ("The ministry denied that troops crossed the border. "
            "“This is fake news,” the spokesman said. "
            "Officials in Kyiv said troops crossed the border on Monday. "
            "Separately, the bank said interest rates would rise.")
    atts = _run(text)
    claims = [a.claim for a in atts]
    assert claims[0] == claims[1] == claims[2]
    assert claims[3] != claims[0]


def test_claims_keep_new_propositions_apart():
    from graphkit.records import Attribution, Span
    from graphkit.resolve.claims import group_claims
    t = ("Troops crossed the northern border into the valley. Officials said troops crossed the northern border into the valley. "
         "Sources said some troops crossing the border were killed by mines and buried near the river.")
    s1, s2 = t.index("troops crossed"), t.index("some troops")
    a = Attribution("a1", Span(0, 0, ""), [Span(0, 50, t[:50])])
    b = Attribution("a2", Span(0, 0, ""), [Span(s1, s1 + 48, t[s1:s1 + 48])])
    c = Attribution("a3", Span(0, 0, ""), [Span(s2, len(t) - 1, t[s2:-1])])
    assert [x.claim for x in group_claims(t, [a, b, c], frozenset({"the", "into", "by", "and", "near", "were", "some"}))] == ["c1", "c1", "c2"]


def test_unknown_outlets_after_a_via_marker():
    atts = _run("Valmora menolak tuduhan itu. “Ini propaganda,” ujar Rina Wati kepada stasiun televisi Valmora VTV, Senin.")
    assert [v.key for v in atts[-1].via] == ["VTV"]
    atts = _run("“The fire came from outside,” spokesman Ari Lee told local news portal Kabarpagi.com on Monday.")
    assert [v.key for v in atts[0].via] == ["Kabarpagi.com"]
    atts = _run("Speaking on the state broadcaster NRT, Interior Minister Ana Silva said: “No shots were fired.”")
    assert [v.key for v in atts[0].via] == ["NRT"]


def test_international_outlet_relays_a_citing_source():
    atts = _run("Le Monde reported, citing a senior diplomat, that the loan was conditional.")
    cited = next(a for a in atts if a.cue.text == "citing")
    assert [v.key for v in cited.via] == ["Le Monde"]


def test_quote_before_outlet_quoting_a_speaker():
    atts = _run("“The test was a success,” KCNA quoted Kim Jong Un as saying.")
    inner = next(a for a in atts if a.cue.text == "saying")
    assert inner.source.text == "Kim Jong Un" and [v.key for v in inner.via] == ["KCNA"]
    outer = next(a for a in atts if a.cue.text == "quoted")
    assert outer.via == []
