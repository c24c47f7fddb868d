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
        """The triples of distinct N-Triples lines (kgraph's: sorted or not, without line ends)."""
        facts = cls()
        literals: dict[str, Lit] = {}  # a label is the object of several triples: one string each
        data = "\n".join(lines).encode("utf-8")
        for triple in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
            obj = triple.object
            if isinstance(obj, ox.Literal):
                text = str(obj)
                term: Term | None = literals.get(text)
                if term is None:
                    term = literals[text] = Lit(obj.value, text)
            else:
                term = _node(obj)
            facts.add(_node(triple.subject), triple.predicate.value, term)
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


def _node(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return Blank(term.value)
    return term.value  # type: ignore[attr-defined, no-any-return]
