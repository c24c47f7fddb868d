"""A graph's triples indexed for reading, without rdflib: what the network page and its
context read (``kgraph.network``, ``kgraph.visualize``).

A build's page used to load the union of the article graphs into an rdflib store first
(about 0.08 CPU s for 100 articles, a twentieth of the build); ``Facts.from_lines`` reads the
same N-Triples lines with Oxigraph into two dictionaries instead. ``Facts.of`` takes an
rdflib graph too (``kgraph viz``, the server, reports), so the page has one reader.

Terms are strings: an IRI is a plain ``str`` (the IRI itself), a literal a ``Lit`` (a
``str`` holding its lexical form, with its N-Triples form in ``.nt``), a blank node a
``Blank`` (its label). ``str(term)`` is what ``str`` of the rdflib term gives, and
``nt(term)`` orders as rdflib's ``n3()`` does among terms of one lexical form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeGuard

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib import Graph


class Lit(str):
    """A literal: its lexical form, with its N-Triples form (``"text"@vi``) in ``nt``."""

    __slots__ = ("nt",)
    nt: str

    def __new__(cls, value: str, nt: str) -> Lit:
        made = super().__new__(cls, value)
        made.nt = nt
        return made


class Blank(str):
    """A blank node, by its label."""

    __slots__ = ()


#: A term: a plain ``str`` (an IRI), a ``Lit`` or a ``Blank``.
Term = str


def is_iri(term: object) -> TypeGuard[str]:
    """Whether ``term`` is an IRI (a plain ``str``, not a ``Lit`` or a ``Blank``)."""
    return type(term) is str


def nt(term: Term) -> str:
    """The N-Triples form of ``term``."""
    if isinstance(term, Lit):
        return term.nt
    if isinstance(term, Blank):
        return f"_:{term}"
    return f"<{term}>"


def split_line(line: str) -> tuple[str, str, str]:
    """Subject, predicate and object terms of one of kgraph's N-Triples lines: an IRI or a blank
    node, an IRI (neither holds a space), then the object and ' .'."""
    s, p, o = line.split(" ", 2)
    return s, p, o[:-2]


def syntax_of(text: str) -> ox.RdfFormat:
    """How to parse kgraph's lines: N-Triples, but Turtle when a literal holds a line break, which
    is written triple-quoted as rdflib's ``n3()`` writes it (``rdf.quote``)."""
    return ox.RdfFormat.TURTLE if '"""' in text else ox.RdfFormat.N_TRIPLES


class Facts:
    """Triples by subject and predicate, and by predicate, as ``Term`` strings."""

    def __init__(self) -> None:
        self._objects: dict[tuple[str, str], list[Term]] = {}
        self._pairs: dict[str, list[tuple[str, Term]]] = {}

    def add(self, s: str, p: str, o: Term) -> None:
        """Add a triple (the caller adds each triple once)."""
        found = self._objects.get((s, p))
        if found is None:
            self._objects[(s, p)] = [o]
        else:
            found.append(o)
        pairs = self._pairs.get(p)
        if pairs is None:
            self._pairs[p] = [(s, o)]
        else:
            pairs.append((s, o))

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Facts:
        """The triples of distinct N-Triples lines (kgraph's: sorted or not, without line ends).

        A line of IRIs and at most a plain literal (no escape, no control character: most of
        kgraph's) is split in Python, giving what Oxigraph gives; any other line is Oxigraph's.
        """
        facts = cls()
        literals: dict[str, Lit] = {}  # a label is the object of several triples: one string each
        hard, plain_literal, add = _HARD.search, _PLAIN_LITERAL.fullmatch, facts.add
        for line in lines:
            if hard(line) is None and line.endswith(" ."):
                s, p, o = split_line(line)
                if s[0] == p[0] == "<":
                    if o[0] == "<":
                        add(s[1:-1], p[1:-1], o[1:-1])
                        continue
                    if plain_literal(o):
                        found = literals.get(o)
                        add(s[1:-1], p[1:-1], _literal(o, literals) if found is None else found)
                        continue
            for triple in ox.parse(line.encode("utf-8"), format=syntax_of(line)):
                facts.add(_node(triple.subject), triple.predicate.value, _term(triple.object, literals))
        return facts

    @classmethod
    def of(cls, graph: Graph | Facts) -> Facts:
        """``graph`` itself when it is ``Facts``, else the triples of the rdflib graph."""
        if isinstance(graph, Facts):
            return graph
        from rdflib import BNode, Literal

        facts = cls()
        for s, p, o in set(graph):  # a graph of several contexts may give a triple once per context
            term: Term
            if isinstance(o, Literal):
                term = Lit(str(o), o.n3())
            elif isinstance(o, BNode):
                term = Blank(o)
            else:
                term = str(o)
            facts.add(Blank(s) if isinstance(s, BNode) else str(s), str(p), term)
        return facts

    def objects(self, subject: str | None, predicate: str) -> list[Term]:
        """The objects of ``subject predicate`` (of ``predicate`` with any subject for None)."""
        if subject is None:
            return [o for _, o in self._pairs.get(predicate, ())]
        return self._objects.get((subject, predicate), [])

    def subjects(self, predicate: str, obj: Term | None = None) -> Iterator[str]:
        """The subjects of ``predicate obj`` (of ``predicate`` with any object for None)."""
        for s, o in self._pairs.get(predicate, ()):
            if obj is None or (o == obj and type(o) is type(obj)):
                yield s

    def subject_objects(self, predicate: str) -> list[tuple[str, Term]]:
        """The ``(subject, object)`` pairs of ``predicate``."""
        return self._pairs.get(predicate, [])

    def least(self, subject: str | None, predicate: str) -> Term | None:
        """The smallest object of ``subject predicate`` (None: none), by its text then its
        N-Triples form: the union of several articles may give a node several values."""
        if subject is None:
            return None
        return min(self.objects(subject, predicate), key=lambda value: (str(value), nt(value)), default=None)


#: what a line split in Python must not hold: an escape or a control character (Oxigraph
#: writes those escaped)
_HARD = re.compile(r"[\x00-\x1f\x7f\\]")
#: a literal Oxigraph gives back as written: its text, then nothing, a lower-case language or
#: a datatype other than xsd:string (which it drops)
_PLAIN_LITERAL = re.compile(
    r'"[^"]*"(?:@[a-z]+(?:-[a-z0-9]+)*|\^\^<(?!http://www\.w3\.org/2001/XMLSchema#string>)[^<>" ]+>)?'
)


def _literal(text: str, literals: dict[str, Lit]) -> Lit:
    """The literal of a plain literal's N-Triples form (see ``Facts.from_lines``), kept in ``literals``."""
    made = literals[text] = Lit(text[1 : text.rindex('"')], text)
    return made


def _term(obj: object, literals: dict[str, Lit]) -> Term:
    """A parsed object as a ``Term`` (one ``Lit`` per distinct literal)."""
    if not isinstance(obj, ox.Literal):
        return _node(obj)
    text = str(obj)
    term = literals.get(text)
    if term is None:
        term = literals[text] = Lit(obj.value, text)
    return term


def _node(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return Blank(term.value)
    return term.value  # type: ignore[attr-defined, no-any-return]
