"""Plain typed records passed between the pipeline stages.

ingest -> :class:`Article` -> extract -> :class:`Attribution` (spans only)
-> resolve -> :class:`Attribution` with :class:`Entity` and ``via`` filled
-> rdf.

Every offset is a Python ``str`` index into :attr:`Article.text`, end
exclusive.  For plain-text files ``Article.text`` is the file exactly as read
(decoded as UTF-8); for JSON Lines it is the record's ``text`` field; for HTML
it is the main text extracted from the page.

>>> s = Span.of("Peter said hi", 0, 5)
>>> s.text, s.start, s.end
('Peter', 0, 5)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

EntityType = Literal["person", "person_group", "organization", "government", "outlet", "unspecified"]
Stance = Literal["asserts", "denies"]
Certainty = Literal["certain", "probable", "possible"]


@dataclass(frozen=True)
class Span:
    """A character span of an article's text, with the text it covers.

    >>> Span.of("abc def", 4, 7)
    Span(start=4, end=7, text='def')
    """

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """Build a span from the document text and offsets."""
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        """True when the two spans share at least one character.

        >>> Span(0, 3, "abc").overlaps(Span(2, 5, "cde"))
        True
        """
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Field:
    """One metadata value with the span of the text it was read from (if any).

    >>> Field("Metro TV").value
    'Metro TV'
    """

    value: str
    span: Optional[Span] = None


@dataclass
class Metadata:
    """Article metadata. Values are normalised (e.g. ``published`` is ISO 8601
    with offset); spans point at the original wording."""

    title: Optional[Field] = None
    outlet: Optional[Field] = None
    section: Optional[Field] = None
    published: Optional[Field] = None
    dateline: Optional[Field] = None
    url: Optional[str] = None
    authors: list[Field] = field(default_factory=list)
    editors: list[Field] = field(default_factory=list)
    based_on: list[Field] = field(default_factory=list)
    image_credit: list[Field] = field(default_factory=list)
    related_links_not_content: list[Field] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The gold-file shape: plain values, lists of strings.

        >>> Metadata(title=Field("T"), authors=[Field("A")]).as_dict()["authors"]
        ['A']
        """
        one = lambda f: f.value if f is not None else None  # noqa: E731
        many = lambda fs: [f.value for f in fs]  # noqa: E731
        return {
            "title": one(self.title),
            "outlet": one(self.outlet),
            "section": one(self.section),
            "published": one(self.published),
            "dateline": one(self.dateline),
            "url": self.url,
            "authors": many(self.authors),
            "editors": many(self.editors),
            "based_on": many(self.based_on),
            "image_credit": many(self.image_credit),
            "related_links_not_content": many(self.related_links_not_content),
        }


@dataclass
class Article:
    """One news article as read from a file, a JSON record or a web page.

    ``body`` lists the content regions (paragraph spans) of ``text``, i.e. the
    text without the title block, bylines, related-story links and page
    furniture.  Extraction only looks inside ``body``.
    """

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    body: list[Span] = field(default_factory=list)
    lang: str = "und"
    source: str = "-"          # where it was read from (path, path:line, '-')
    id: str = ""               # stable identifier, see graphkit.ids.article_id

    def body_spans(self) -> list[Span]:
        """Body regions; the whole text when no layout was recognised."""
        return self.body or [Span.of(self.text, 0, len(self.text))]


@dataclass
class Entity:
    """A source, outlet or other agent, resolved to a canonical name.

    ``key`` is language-neutral and stable across articles, so the same
    entity gets the same IRI in every graph (see graphkit.ids.entity_iri).

    >>> Entity(key="ann-example", label="Ann Example", type="person").anonymous
    False
    """

    key: str
    label: str
    type: EntityType = "unspecified"
    anonymous: bool = False
    role: Optional[str] = None          # article wording, e.g. "Juru Bicara"
    affiliation: Optional[str] = None   # e.g. "Valmora Foreign Ministry"
    aliases: tuple[str, ...] = ()


@dataclass
class Attribution:
    """One attribution relation: a source, a cue and the attributed content.

    ``content`` may be split into several pieces (e.g. a quote interrupted by
    "he said").  ``source`` is None for source-less hedged reports
    ("reportedly").  ``entity`` and ``via`` are filled by the resolve stage.
    """

    id: str
    cue: Span
    content: list[Span]
    source: Optional[Span] = None
    direct: bool = False
    stance: Stance = "asserts"
    certainty: Certainty = "certain"
    nested_in: Optional[str] = None
    sentence: Optional[Span] = None
    entity: Optional[Entity] = None
    via: list[Entity] = field(default_factory=list)
    claim: Optional[str] = None          # claim id within the article

    def spans(self) -> list[Span]:
        """All spans of this attribution (source, cue, content pieces)."""
        out = [self.cue, *self.content]
        if self.source is not None:
            out.append(self.source)
        return out

    def bounds(self) -> tuple[int, int]:
        """(start, end) of the smallest region covering every part."""
        spans = self.spans()
        return min(s.start for s in spans), max(s.end for s in spans)
