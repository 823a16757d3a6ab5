"""Government sources and outlet short names (own sentences, fictional names)."""
from graphkit.ingest import article_from_text
from graphkit.pipeline import analyse
from graphkit.resolve.entities import parse_source


def test_government_patterns():
    for phrase, lang in (("The government of Norland", "en"), ("Norland's government", "en"),
                         ("Pemerintah Norland", "id")):
        e = parse_source(phrase, lang).entity
        assert (e.label, e.type) == ("Norland", "government")
    assert parse_source("the finance minister", "en").entity.type != "government"


def test_outlet_short_name_after_full_name():
    t = "The Washington Post reported on Monday that pay would rise. According to the Post, the union said it was pleased."
    atts = analyse(article_from_text(t))
    post = [a for a in atts if a.source is not None and a.source.text == "the Post"][0]
    assert post.entity.type == "outlet" and post.entity.label.endswith("Washington Post")
    union = [a for a in atts if a.source is not None and a.source.text == "the union"][0]
    assert [v.type for v in union.via] == ["outlet"]
