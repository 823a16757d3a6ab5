"""Small hand-made articles for the analysis and viz tests (text written for
graphkit's tests, not real news)."""
from __future__ import annotations

from graphkit.ids import article_id
from graphkit.records import Article, Attribution, Entity, Field, Metadata, Span


def span(text: str, needle: str, start: int = 0) -> Span:
    i = text.index(needle, start)
    return Span.of(text, i, i + len(needle))


def relay_article(outlet: str, cited: str, speaker: str, claim_text: str, date: str):
    """``outlet`` reports, citing ``cited``, that ``speaker`` said something."""
    t = f"{speaker} said {claim_text}, according to {cited}.\n"
    art = Article(text=t, lang="en", source=f"{outlet}.txt", id=article_id(text=t),
                  metadata=Metadata(title=Field(f"{outlet} story"), outlet=Field(outlet),
                                    published=Field(date)))
    att = Attribution(id="a1", source=span(t, speaker), cue=span(t, "said"),
                      content=[span(t, claim_text)], entity=Entity(speaker, speaker, "person"),
                      via=[Entity(cited, cited, "outlet")], claim="c1")
    return art, [att]


def anonymous_article():
    """One claim backed only by unnamed officials."""
    t = "Officials who asked not to be named said the bridge was closed.\n"
    art = Article(text=t, lang="en", source="anon.txt", id=article_id(text=t),
                  metadata=Metadata(title=Field("Bridge story"), outlet=Field("Quiet Herald"),
                                    published=Field("2024-11-02T08:00:00+00:00")))
    anon = Entity("officials who asked not to be named", "officials who asked not to be named",
                  "person_group", anonymous=True)
    att = Attribution(id="a1", source=span(t, "Officials who asked not to be named"), cue=span(t, "said"),
                      content=[span(t, "the bridge was closed")], entity=anon, claim="c1")
    return art, [att]


INJECT_SCRIPT = "<script>document.title='pwned';window.__pwned=1</script>"
INJECT_IMG = '<img src=x onerror="window.__pwned=2;document.title=\'pwned\'">'


def injection_article():
    """Quotes, names and the outlet carry HTML/JS payloads."""
    t = (f"\u201c{INJECT_SCRIPT} is fine\u201d, said Mallory {INJECT_IMG}.\n\n"
         f"Officials said {INJECT_IMG} happened.\n")
    outlet = "</script><script>window.__pwned=3</script>"
    art = Article(text=t, lang="en", source="inject.txt", id=article_id(text=t),
                  metadata=Metadata(title=Field(f"Headline {INJECT_IMG}"), outlet=Field(outlet)))
    mallory = Entity(f"Mallory {INJECT_IMG}", f"Mallory {INJECT_IMG}", "person")
    atts = [
        Attribution(id="a1", source=span(t, f"Mallory {INJECT_IMG}"), cue=span(t, "said"),
                    content=[span(t, f"{INJECT_SCRIPT} is fine")], direct=True, entity=mallory,
                    via=[Entity(INJECT_SCRIPT, INJECT_SCRIPT, "outlet")], claim="c1"),
        Attribution(id="a2", source=span(t, "Officials"), cue=span(t, "said", t.index("Officials")),
                    content=[span(t, f"{INJECT_IMG} happened")], stance="denies",
                    entity=Entity(INJECT_IMG, INJECT_IMG, "person_group", anonymous=True), claim="c1"),
    ]
    return art, atts


def store_with(*pairs, location="memory"):
    from graphkit.rdf.model import article_graph
    from graphkit.rdf.store import open_store

    st = open_store(location)
    for art, atts in pairs:
        st.put(art, article_graph(art, atts))
    return st
