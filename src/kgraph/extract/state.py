"""What the rules share: the typed mention kinds, a found mention, and a sentence's state.

A sentence's ``SentenceState`` is built once, then every mention rule of
``rules.MENTION_RULES`` reads it and adds to it in order; the relation rules read the
finished states. Every ``Found`` and every ``Drop`` names the rule that made it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from ..model import Document, Sentence
from .documents import DocMention
from .lexicon import Head, Lexicon
from .tokens import Token


class Group(Enum):
    """The typed kind of a mention: what resolve keys it by and what relations it may take."""

    ORG = "org"
    PERSON = "person"
    PLACE = "place"
    DOC = "doc"
    CAMPAIGN = "campaign"
    PROJECT = "project"
    EVENT = "event"


@dataclass
class Found:
    """A mention found in the text (before identity is decided)."""

    start: int
    end: int
    text: str
    group: Group
    kind: str  # class local name
    sent: int  # sentence index
    head: Head | None = None
    inner: Found | None = None
    doc: DocMention | None = None
    subject_ok: bool = True  # not preceded by a preposition
    bare: bool = False  # an organisation head with nothing after it
    level: str = ""  # a place's level word written before it (huyện, thị trấn; TP is thành phố)
    key: str = ""  # identity key, set by resolve
    name: str = ""  # canonical name, set by resolve
    # documents
    date: str = ""
    title: str = ""
    issuer: Found | None = None
    issuer_body: str = ""  # a national body the text names the issuer by without its name (a plenum)
    term: str = ""
    # people
    posts: list[tuple[str, Found | None, bool]] = field(default_factory=list)  # (title, org, former)
    rule: str = ""  # the rule that found it

    @property
    def is_org(self) -> bool:
        return self.group is Group.ORG

    def nested(self) -> Iterator[Found]:
        """This mention and the names nested in it, outermost first (Ban Thường vụ Tỉnh ủy X, Tỉnh ủy X)."""
        g: Found | None = self
        while g is not None:
            yield g
            g = g.inner


@dataclass(frozen=True)
class Drop:
    """Something a rule saw and left out, and why (shown by ``kgraph explain``)."""

    rule: str
    start: int  # absolute offset in the document text
    text: str
    reason: str


class Spans:
    """Character offsets of a sentence covered by mentions, quotes or numbers: O(1) look-ups."""

    def __init__(self, base: int, length: int) -> None:
        self.base = base
        self.mask = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        a, b = max(0, start - self.base), max(0, min(len(self.mask), end - self.base))
        if b > a:
            self.mask[a:b] = b"\x01" * (b - a)

    def __contains__(self, pos: object) -> bool:
        i: int = int(pos) - self.base  # type: ignore[call-overload]
        mask = self.mask
        return 0 <= i < len(mask) and mask[i] == 1

    def union(self, other: Spans) -> Spans:
        out = Spans(self.base, len(self.mask) - 1)
        size = len(self.mask)
        both = int.from_bytes(self.mask, "big") | int.from_bytes(other.mask, "big")
        out.mask = bytearray(both.to_bytes(size, "big"))
        return out


@dataclass
class SentenceState:
    """One sentence as the rules see it, and everything they have found in it so far."""

    doc: Document
    index: int  # sentence index in the document
    lex: Lexicon
    sentence: Sentence
    tokens: list[Token]
    quotes: list[tuple[int, int]]  # absolute offsets
    docs: list[DocMention]  # document mentions, sentence offsets
    blocked: Spans  # quotes and document numbers: no name runs into them
    taken: Spans  # spans already read as names
    found: list[Found] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)  # absolute spans of document titles
    quantities: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, value, unit)
    dropped: list[Drop] = field(default_factory=list)
    rule: str = ""  # the rule running now (set by the registry's runner)
    words: set[str] = field(default_factory=set)  # every word of the tokens' keys (set by rules.new_state)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def base(self) -> int:
        return self.sentence.start

    def may_hold(self, triggers: frozenset[str]) -> bool:
        """Whether a word of ``triggers`` (``lexicon.key_words`` of what a rule opens at) is a word
        of the sentence's token keys: a rule skips a sentence holding none (speed)."""
        return not self.words.isdisjoint(triggers)

    def free(self, offset: int) -> bool:
        """Whether ``offset`` is neither in a quote, a document number nor a name already read."""
        blocked, taken = self.blocked, self.taken
        i, j = offset - blocked.base, offset - taken.base  # the two masks' look-ups, inlined
        return not (0 <= i < len(blocked.mask) and blocked.mask[i] == 1) and not (
            0 <= j < len(taken.mask) and taken.mask[j] == 1
        )

    def add(self, found: Found, take: bool = True, rule: str = "") -> Found:
        """Add a mention made by the running rule (or ``rule``, a part of it); its span is taken
        (no later name may start in it) unless ``take`` is false."""
        found.rule = rule or self.rule
        self.found.append(found)
        if take:
            self.taken.add(found.start, found.end)
        return found

    def drop(self, start: int, end: int, reason: str) -> None:
        """Note what the running rule left out, and why."""
        self.dropped.append(Drop(self.rule, start, self.doc.text[start:end], reason))


def token_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token at or after ``offset``."""
    for k, tok in enumerate(tokens):
        if tok.start >= offset:
            return k
    return len(tokens)
