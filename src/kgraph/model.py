"""The shared objects that flow through the pipeline, frozen so provenance travels intact.

read -> ``Article``; text -> ``Document`` (normalised text and ``Sentence`` spans);
extract -> ``Entity``, ``Relation``, ``Membership``, ``Quantity`` gathered in an
``Extraction``; build turns an ``Extraction`` into triples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Article:
    """One input file as read: raw text plus the metadata the reader found."""

    source: str  # the path as given (posix form)
    text: str  # decoded text, not yet normalised
    title: str = ""
    published: str = ""  # ISO 8601 date or date-time, '' when unknown
    author: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalised text with its character offsets, and where it stands in
    the article as read (before normalisation), for evidence quoted as written."""

    start: int
    end: int
    text: str
    written_start: int = -1  # offsets in ``Article.text``; -1 when unknown
    written_end: int = -1
    written: str = ""  # ``Article.text[written_start:written_end]``


@dataclass(frozen=True)
class Document:
    """An article's normalised text, split into sentences; offsets refer to ``text``."""

    article: Article
    text: str
    sentences: tuple[Sentence, ...]
    article_id: str  # short content hash: scopes locally named bodies
    content_hash: str  # full SHA-256 of ``text``
    title: str = ""
    published: str = ""
    author: str = ""

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (the last one when past the end)."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return self.sentences[-1] if self.sentences else Sentence(0, len(self.text), self.text)


@dataclass(frozen=True)
class Entity:
    """One real thing an article names, with every surface form it was found under."""

    key: str  # identity key: what decides the IRI (see kgraph.identity)
    kind: str  # class local name (see namespaces.CLASS_OF_KIND)
    label: str  # canonical name
    aliases: tuple[str, ...] = ()  # other names: each identifies the thing outside its article
    #: forms the article used that name it only in the article's context (a given name alone,
    #: a degree or rank with the name, a body without the place the article gives it)
    forms: tuple[str, ...] = ()
    scope: str = ""  # '' for national/global things, else the article or province scope
    # document fields
    number: str = ""
    type_code: str = ""
    issuer_code: str = ""
    issued_on: str = ""  # ISO date
    title: str = ""
    term: str = ""
    # an administrative unit (see extract.gazetteer.identify): level and official codes
    admin_level: str = ""  # province, district or commune (a key of namespaces.ADMIN_LEVEL_OF)
    admin_code: str = ""  # in the register until July 2025
    admin_code_2025: str = ""  # in the register from July 2025
    rule: str = ""  # the rule that found its first mention (not written to the graph)

    def with_aliases(self, names: Iterable[str]) -> Entity:
        """This entity with ``names`` among its aliases too (sorted, each once)."""
        return replace(self, aliases=tuple(sorted({*self.aliases, *names})))


@dataclass(frozen=True)
class Relation:
    """A typed link between two entities, with the sentence it was read from."""

    subject: str  # Entity.key
    predicate: str  # a key of namespaces.PREDICATE_OF
    object: str  # Entity.key
    sentence: Sentence
    rule: str = ""  # the rule that produced it, for debugging and evaluation
    # how the sentence puts it: 'asserted' (a fact), 'requested', 'planned', 'conditional' or
    # 'negated' (see namespaces.MODALITY_OF); only asserted relations become plain triples
    modality: str = "asserted"
    table: str = ""  # a key of namespaces.TABLE_OF when taken from a data table, not the text


@dataclass(frozen=True)
class Membership:
    """A person holding a post in an organisation."""

    person: str  # Entity.key
    organization: str  # Entity.key ('' when the post names none)
    title: str
    former: bool
    sentence: Sentence


@dataclass(frozen=True)
class Quantity:
    """A number said of an entity (``4.254 đảng viên``)."""

    subject: str  # Entity.key
    value: str  # decimal as text, e.g. '4254' or '17.8'
    unit: str
    sentence: Sentence


@dataclass
class Extraction:
    """Everything extracted from one article."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
