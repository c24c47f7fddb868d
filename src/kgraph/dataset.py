"""Graph files and the ``Store`` interface that every store implements.

A build writes one named graph per article (named by the article IRI) and a shared graph
(``SHARED_GRAPH``: the ontology's class hierarchy). ``read_dataset`` reads a graph file as
it is, ``load_graph`` as one union graph, ``read_article_graphs`` as article graphs (a
single-graph file is split by article). The stores themselves live in ``kgraph.store``
(rdflib, Oxigraph) and ``kgraph.remote`` (SPARQL 1.1); this module imports neither.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from .errors import GraphFileError
from .lines import SHARED_GRAPH, add_lines, quad_lines, to_ntriples
from .namespaces import KG, RES, SCHEMA, bind_prefixes

if TYPE_CHECKING:  # the SPARQL parser (0.1 s to import) only when a query runs
    from .sparql import Table

Triple = tuple[Node, Node, Node]
StoreT = TypeVar("StoreT", bound="Store")

FORMAT_OF_SUFFIX = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}

#: Formats whose files name their graphs (one per article); the others hold one graph.
QUAD_FORMATS = ("trig", "nquads")


#: Every graph kgraph writes is named under this IRI (articles, and the shared graph).
KGRAPH_GRAPHS = str(RES)


def format_of(path: Path) -> str:
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (run 'kgraph build' first)")
    fmt = FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"{path}: unknown graph format (use .ttl, .trig, .nt, .nq or .jsonld)")
    return fmt


def read_dataset(path: str | Path) -> Dataset:
    """The graphs of a graph file as an rdflib ``Dataset``, exactly as the file has them."""
    path = Path(path)
    fmt = format_of(path)
    dataset = Dataset()
    bind_prefixes(dataset)
    try:
        dataset.parse(path, format=fmt)
    except Exception as error:  # rdflib raises many kinds; all mean the same to a user
        from .sparql import first_line

        raise GraphFileError(f"{path}: not valid {fmt} ({first_line(error)[:200]})") from None
    return dataset


def load_graph(path: str | Path) -> Graph:
    """The union of all triples in a graph file; ``GraphFileError`` when unusable."""
    dataset = read_dataset(path)
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def read_article_graphs(path: str | Path) -> Dataset:
    """One named graph per article from any graph file.

    A TriG or N-Quads file already has them. A single-graph file (Turtle...) is split by
    the article each triple comes from: ``kg:mentionedIn`` and ``prov:wasDerivedFrom``
    link entities and statements to their article; see ``group_by_article``.
    """
    path = Path(path)
    dataset = read_dataset(path)
    if format_of(path) in QUAD_FORMATS:
        return dataset
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return group_by_article(union)


def group_by_article(graph: Graph) -> Dataset:
    """Split a union graph into one named graph per article (the inverse of the union).

    A triple goes to the graphs of the articles its subject comes from: the article
    itself, what ``kg:mentionedIn`` or ``prov:wasDerivedFrom`` it; a link to an article
    goes to that article's graph only; a relation goes to the articles of the reified
    statements that carry its evidence, or else to the articles mentioning both ends.
    Nodes without an article of their own (a role, a document type) follow the nodes that
    point at them; the class hierarchy and what is left go to ``SHARED_GRAPH``.
    """
    links = (KG.mentionedIn, PROV.wasDerivedFrom)
    articles_of: dict[Node, set[Node]] = defaultdict(set)
    for article in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        articles_of[article].add(article)
    for link in links:
        for s, o in graph.subject_objects(link):
            articles_of[s].add(o)
    evidence: dict[Triple, set[Node]] = defaultdict(set)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        triple = (
            graph.value(statement, RDF.subject),
            graph.value(statement, RDF.predicate),
            graph.value(statement, RDF.object),
        )
        if None not in triple:
            evidence[triple] |= articles_of.get(statement, set())  # type: ignore[index]
    # nodes without an article of their own inherit those of the nodes pointing at them
    inherited: dict[Node, set[Node]] = defaultdict(set)
    changed = True
    while changed:
        changed = False
        for s, _, o in graph:
            if not isinstance(o, (URIRef, BNode)) or articles_of.get(o):
                continue
            source = articles_of.get(s) or inherited.get(s, set())
            if not source <= inherited[o]:
                inherited[o] |= source
                changed = True
    dataset = Dataset()
    bind_prefixes(dataset)
    for s, p, o in sorted(graph, key=lambda t: tuple(str(x) for x in t)):
        if p in links:
            targets: set[Node] = {o}
        elif p == RDFS.subClassOf:  # the ontology's, as a build writes it in every format
            targets = {URIRef(SHARED_GRAPH)}
        else:
            own = articles_of.get(s) or inherited.get(s) or {URIRef(SHARED_GRAPH)}
            both = own & articles_of.get(o, set())  # a relation between two entities: where both occur
            targets = evidence.get((s, p, o)) or both or own
        for target in sorted(targets, key=str):
            dataset.graph(target).add((s, p, o))  # type: ignore[arg-type]
    return dataset


def article_graphs(dataset: Dataset) -> Iterator[tuple[URIRef, list[Triple]]]:
    """(name, triples) of each named graph of ``dataset`` holding triples, by name."""
    by_name: dict[URIRef, list[Triple]] = defaultdict(list)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        if isinstance(name, URIRef) and name != URIRef("urn:x-rdflib:default"):
            by_name[name].append((s, p, o))
        else:
            by_name[URIRef(SHARED_GRAPH)].append((s, p, o))
    for name in sorted(by_name):
        yield name, by_name[name]


class Store(ABC):
    """A dataset of named graphs, one per article, queried as their union."""

    spec: str = ""

    @classmethod
    @abstractmethod
    def from_spec(cls, spec: str, rest: str, options: dict[str, Any]) -> Store:
        """The store ``spec`` names (``rest`` follows its prefix; ``options`` as ``open_store``'s)."""

    @abstractmethod
    def replace_graph(self, name: URIRef, triples: Iterable[Triple]) -> int:
        """Make ``triples`` the whole content of graph ``name``; return how many were stored."""

    def load_dataset(self, dataset: Dataset) -> int:
        """Replace each named graph of ``dataset`` in the store; return the triples stored."""
        return sum(self.replace_graph(name, triples) for name, triples in article_graphs(dataset))

    def load_file(self, path: str | Path) -> int:
        """Load a graph file written by build, one named graph per article."""
        return self.load_dataset(read_article_graphs(path))

    @abstractmethod
    def drop_graph(self, name: URIRef) -> None:
        """Remove graph ``name`` and its triples (nothing happens when it does not exist)."""

    @abstractmethod
    def graph_names(self) -> list[URIRef]:
        """Names of the graphs that hold triples, sorted."""

    def graph_counts(self) -> dict[URIRef, int]:
        """Triples in each of kgraph's graphs (those named under ``KGRAPH_GRAPHS``)."""
        table = self.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), {KGRAPH_GRAPHS!r})) }} GROUP BY ?g"
        )
        return {URIRef(row[0]): int(row[1]) for row in table.rows}

    #: What the store mirrors (see ``mirror``) when it keeps no record of its own.
    _state: dict[str, Any] | None = None
    #: Where an on-disk store keeps that record, beside its data (a deleted store loses it too).
    state_file: Path | None = None

    def read_state(self) -> dict[str, Any] | None:
        """The record ``write_state`` left: the build this store mirrors, or None."""
        if self.state_file is None:
            return self._state
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def write_state(self, state: dict[str, Any] | None) -> None:
        """Record what the store mirrors (None: a change is under way, trust nothing)."""
        if self.state_file is None:
            self._state = state
        elif state is None:
            self.state_file.unlink(missing_ok=True)
        else:
            from .files import write_atomic

            write_atomic(self.state_file, json.dumps(state, sort_keys=True).encode("utf-8"))

    def reset(self, names: Iterable[URIRef]) -> None:
        """Drop ``names`` before a full load (an Oxigraph store also rebuilds its union copy)."""
        for name in names:
            self.drop_graph(name)

    def replace_lines(self, name: str, lines: list[str]) -> int:
        """``replace_graph`` from sorted N-Triples lines."""
        return self.replace_graph(URIRef(name), triples_of_lines(lines))

    def load_all(self, graphs: list[tuple[str, list[str]]], nquads_file: Path | None) -> None:
        """Replace every graph of a build (the graph file written from them, when given)."""
        if nquads_file is not None:
            self.load_file(nquads_file)
            return
        for name, lines in graphs:
            self.replace_lines(name, lines)

    def flush(self) -> None:  # noqa: B027 - most stores write at once
        """Make every write durable."""

    @abstractmethod
    def query(self, text: str, max_rows: int | None = None) -> Table:
        """Run a read-only SPARQL query over the union of all graphs.

        kgraph's prefixes are predeclared; ``max_rows`` cuts the result short (and sets
        ``Table.truncated``). Raises ``QueryError`` for a bad or forbidden query.
        """

    def close(self) -> None:  # noqa: B027 - most stores hold nothing to release
        """Release files and connections; the store cannot be used afterwards."""

    def __enter__(self: StoreT) -> StoreT:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def triples_of_lines(lines: Iterable[str]) -> Graph:
    """The triples of N-Triples lines, as an rdflib graph."""
    graph = Graph()
    add_lines(graph, lines)
    return graph


_PARSERS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


def read_graphs(path: str | Path) -> dict[str, list[str]]:
    """Each graph of a graph file as sorted distinct N-Triples lines ('' is the default graph)."""
    path = Path(path)
    format_of(path)  # a missing file or an unknown format: one message
    fmt = _PARSERS[path.suffix.lower()]  # Oxigraph's parser of each suffix format_of knows
    try:
        return quad_lines(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise GraphFileError(f"{path}: not valid {fmt.name} ({first[:200]})") from None


def read_graph_lines(path: str | Path) -> list[tuple[str, list[str]]]:
    """Each graph of a graph file as ``(IRI, sorted distinct N-Triples lines)``, by IRI.

    TriG and N-Quads are read by Oxigraph (several times rdflib's speed), triples outside
    any named graph going to the shared graph; a single-graph file is split by article
    (``read_article_graphs``).
    """
    path = Path(path)
    if format_of(path) not in QUAD_FORMATS:
        dataset = read_article_graphs(path)
        return [(str(name), to_ntriples(triples).splitlines()) for name, triples in article_graphs(dataset)]
    graphs = read_graphs(path)
    loose = graphs.pop("", [])
    if loose:
        graphs[SHARED_GRAPH] = sorted(set(graphs.get(SHARED_GRAPH, [])) | set(loose))
    return sorted(graphs.items())
