"""Where graphs live: rdflib in memory, an on-disk Oxigraph store, or a remote SPARQL store.

    open_store("memory")            MemoryStore    rdflib, in memory (the default; small graphs)
    open_store("graph.trig")        MemoryStore    loaded from a graph file written by build
    open_store("oxigraph:PATH")     OxigraphStore  pyoxigraph on disk (large graphs); "oxigraph:"
                                                   alone is an in-memory Oxigraph store
    open_store("sparql:URL")        SparqlStore    any SPARQL 1.1 store (see ``kgraph.remote``)

Every store keeps one named graph per article, named by the article IRI. Writers call
``replace_graph`` (the old graph is dropped first, so an edited article leaves no stale
triple) or ``load_dataset``; readers call ``query``, which sees the union of all graphs.
``load_graph`` gives that union as one rdflib ``Graph`` from a file.
"""

from __future__ import annotations

import hashlib
import json
import os
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from .errors import GraphFileError, InputError, QueryError
from .lines import SHARED_GRAPH as SHARED_GRAPH_IRI
from .namespaces import KG, RES, SCHEMA, bind_prefixes
from .sparql import (
    Table,
    check_read_only,
    first_line,
    run_query,
    table_of_boolean,
    table_of_triples,
    with_prefixes,
)

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

#: Named graph for the ontology's class hierarchy and triples no article claims.
SHARED_GRAPH = URIRef(SHARED_GRAPH_IRI)

#: Every graph kgraph writes is named under this IRI (articles, and the shared graph).
KGRAPH_GRAPHS = str(RES)

#: The file in an Oxigraph store's folder recording the build it mirrors (see ``mirror``).
STATE_NAME = "kgraph-mirror.json"


def _format_of(path: Path) -> str:
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (run 'kgraph build' first)")
    fmt = FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"{path}: unknown graph format (use .ttl, .trig, .nt, .nq or .jsonld)")
    return fmt


def read_dataset(path: str | Path) -> Dataset:
    """The graphs of a graph file as an rdflib ``Dataset``, exactly as the file has them."""
    path = Path(path)
    fmt = _format_of(path)
    dataset = Dataset()
    bind_prefixes(dataset)
    try:
        dataset.parse(path, format=fmt)
    except Exception as error:  # rdflib raises many kinds; all mean the same to a user
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
    if _format_of(path) in QUAD_FORMATS:
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
            targets = {SHARED_GRAPH}
        else:
            own = articles_of.get(s) or inherited.get(s) or {SHARED_GRAPH}
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
            by_name[SHARED_GRAPH].append((s, p, o))
    for name in sorted(by_name):
        yield name, by_name[name]


class Store(ABC):
    """A dataset of named graphs, one per article, queried as their union."""

    spec: str = ""

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

    def load_all(self, graphs: list[tuple[str, list[str]]], nquads_file: Path | None) -> None:
        """Replace every graph of a build (the graph file written from them, when given)."""
        if nquads_file is not None:
            self.load_file(nquads_file)
            return
        for name, lines in graphs:
            self.replace_graph(URIRef(name), triples_of_lines(lines))

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


class MemoryStore(Store):
    """rdflib in memory: no set-up, fine up to a few hundred thousand triples."""

    def __init__(self, spec: str = "memory", dataset: Dataset | None = None) -> None:
        self.spec = spec
        self.dataset = Dataset() if dataset is None else dataset
        self.dataset.default_union = True
        bind_prefixes(self.dataset)

    def replace_graph(self, name: URIRef, triples: Iterable[Triple]) -> int:
        self.drop_graph(name)
        graph = self.dataset.graph(name)
        for triple in triples:
            graph.add(triple)
        return len(graph)

    def drop_graph(self, name: URIRef) -> None:
        self.dataset.remove_graph(name)

    def graph_names(self) -> list[URIRef]:
        return sorted(
            g.identifier
            for g in self.dataset.graphs()
            if isinstance(g.identifier, URIRef) and len(g) and g.identifier != URIRef("urn:x-rdflib:default")
        )

    def query(self, text: str, max_rows: int | None = None) -> Table:
        return run_query(self.dataset, text, max_rows)


class OxigraphStore(Store):
    """pyoxigraph: on disk (``oxigraph:PATH``) or in memory (``oxigraph:``); fast on large graphs."""

    def __init__(
        self,
        path: str | Path | None = None,
        read_only: bool = False,
        spec: str = "",
        union_copy: bool = True,
    ) -> None:
        ox = _pyoxigraph()
        self.spec = spec or f"oxigraph:{path or ''}"
        self.path = Path(path) if path else None
        self.read_only = read_only
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    fix = "build one with --store oxigraph:PATH"
                    raise InputError(self.path, "no Oxigraph store here", fix)
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.store = ox.Store(str(self.path))
        except OSError as error:
            raise InputError(self.path, f"cannot open the Oxigraph store ({first_line(error)})") from None
        self.state_file = self.path / STATE_NAME if self.path is not None else None
        self.asked_union_copy = union_copy
        # an existing store keeps the way it was written (its record says; else, with a union
        # copy its default graph holds quads); a new (empty) store takes what was asked
        default = ox.DefaultGraph()
        state = self.read_state()
        if state is not None and isinstance(state.get("union_copy"), bool):
            self.union_copy = state["union_copy"]
        elif next(iter(self.store.quads_for_pattern(None, None, None, None)), None) is None:
            self.union_copy = union_copy
        else:
            self.union_copy = (
                next(iter(self.store.quads_for_pattern(None, None, None, default)), None) is not None
            )

    def replace_graph(self, name: URIRef, triples: Iterable[Triple]) -> int:
        ox = _pyoxigraph()
        graph = ox.NamedNode(str(name))
        quads = {ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph) for s, p, o in triples}
        self.drop_graph(name)
        self.store.extend(quads)
        self._add_to_union(name)
        return len(quads)

    # With ``union_copy`` the default graph holds the union of the named graphs as a set,
    # kept in step by every write: queries then read one graph with set semantics, as rdflib
    # does. Without it queries use Oxigraph's union view, a multiset that makes a body named
    # in 500 articles join 500 times (much slower on the ready-made queries, bench_store.py).

    def _add_to_union(self, name: URIRef | None = None) -> None:
        if not self.union_copy:
            return
        graph = f"<{name}>" if name is not None else "?g"
        self.store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")

    def _remove_from_union(self, name: URIRef) -> None:
        if not self.union_copy:
            return
        self.store.update(
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{name}>) }} }}"
        )

    def load_file(self, path: str | Path) -> int:
        """Load a graph file; TriG and N-Quads go straight to Oxigraph's own parser."""
        path = Path(path)
        fmt = _format_of(path)
        if fmt not in QUAD_FORMATS:
            return super().load_file(path)
        ox = _pyoxigraph()
        rdf_format = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        default = ox.DefaultGraph()
        empty = (
            next(iter(self.store.named_graphs()), None) is None
            and next(iter(self.store.quads_for_pattern(None, None, None, default)), None) is None
        )
        if empty:  # nothing to replace: Oxigraph's bulk loader, several times faster
            try:
                self.store.bulk_load(path=str(path), format=rdf_format)
            except (SyntaxError, ValueError) as error:
                self.store.clear()
                raise GraphFileError(f"{path}: not valid {fmt} ({first_line(error)[:200]})") from None
            shared = ox.NamedNode(str(SHARED_GRAPH))
            loose = list(self.store.quads_for_pattern(None, None, None, default))
            if loose:  # triples outside any article graph go to the shared graph, as below
                self.store.extend(ox.Quad(q.subject, q.predicate, q.object, shared) for q in loose)
                self.store.clear_graph(default)
            loaded = len(self.store)
            if self.union_copy:  # the file again, into the default graph: 2.5x faster than INSERT
                self.store.bulk_extend(
                    ox.Quad(q.subject, q.predicate, q.object, default)
                    for q in ox.parse(path=str(path), format=rdf_format)
                )
            self.store.flush()
            self.store.optimize()  # compacts the bulk-loaded files: about half the disk
            return loaded
        try:
            quads = list(ox.parse(path=str(path), format=rdf_format))
        except (SyntaxError, ValueError) as error:
            raise GraphFileError(f"{path}: not valid {fmt} ({first_line(error)[:200]})") from None
        shared = ox.NamedNode(str(SHARED_GRAPH))
        quads = [
            q if isinstance(q.graph_name, ox.NamedNode) else ox.Quad(q.subject, q.predicate, q.object, shared)
            for q in quads
        ]
        names = sorted({URIRef(q.graph_name.value) for q in quads})
        for name in names:
            self.drop_graph(name)
        self.store.bulk_extend(quads)
        for name in names:
            self._add_to_union(name)
        self.store.flush()
        return len(quads)

    def drop_graph(self, name: URIRef) -> None:
        graph = _pyoxigraph().NamedNode(str(name))
        if self.store.contains_named_graph(graph):
            self._remove_from_union(name)
            self.store.remove_graph(graph)

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.store.named_graphs() if hasattr(g, "value"))

    def graph_counts(self) -> dict[URIRef, int]:
        counts: dict[URIRef, int] = {}
        for graph in self.store.named_graphs():
            if hasattr(graph, "value") and graph.value.startswith(KGRAPH_GRAPHS):
                quads = self.store.quads_for_pattern(None, None, None, graph)
                counts[URIRef(graph.value)] = sum(1 for _ in quads)
        return counts

    def reset(self, names: Iterable[URIRef]) -> None:
        """Drop ``names`` and the union copy (rebuilt by ``load_all``): after an interrupted
        load it may hold a part of the union, or nothing."""
        ox = _pyoxigraph()
        for name in names:
            self.store.remove_graph(ox.NamedNode(str(name)))
        self.store.clear_graph(ox.DefaultGraph())
        self.union_copy = self.asked_union_copy

    def load_all(self, graphs: list[tuple[str, list[str]]], nquads_file: Path | None) -> None:
        """Load a build after ``reset``: graphs of other writers join the union copy too."""
        ours = {name for name, _ in graphs}
        others = [g for g in self.graph_names() if str(g) not in ours]
        super().load_all(graphs, nquads_file)
        if self.union_copy:
            for name in others:
                self._add_to_union(name)

    def flush(self) -> None:
        if self.path is not None:
            self.store.flush()

    def __len__(self) -> int:
        """Quads in the named graphs (the union copy in the default graph not counted)."""
        default = _pyoxigraph().DefaultGraph()
        return len(self.store) - sum(1 for _ in self.store.quads_for_pattern(None, None, None, default))

    def query(self, text: str, max_rows: int | None = None) -> Table:
        ox = _pyoxigraph()
        check_read_only(text)
        try:
            result = self.store.query(with_prefixes(text), use_default_graph_as_union=not self.union_copy)
            if isinstance(result, ox.QueryBoolean):
                return table_of_boolean(bool(result))
            if isinstance(result, ox.QueryTriples):
                triples = (
                    (from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
                    for t in result
                )
                return table_of_triples(triples, max_rows)
            columns = [v.value for v in result.variables]
            raw: list[list[Any]] = []
            truncated = False
            for solution in result:
                if max_rows is not None and len(raw) >= max_rows:
                    truncated = True
                    break
                raw.append(list(solution))
            # text straight from Oxigraph's terms; rdflib terms only if a result format needs them
            rows = [["" if value is None else value.value for value in row] for row in raw]
            return Table(
                columns,
                rows,
                truncated=truncated,
                term_source=lambda: [[None if v is None else from_oxigraph(v) for v in row] for row in raw],
            )
        except (SyntaxError, ValueError) as error:
            raise QueryError(f"bad SPARQL: {first_line(error)}") from None
        except OSError as error:
            raise QueryError(f"the Oxigraph store failed on this query: {first_line(error)}") from None

    def close(self) -> None:
        if hasattr(self, "store"):
            if self.path is not None and not self.read_only:
                self.store.flush()
            del self.store


def _pyoxigraph() -> Any:
    try:
        import pyoxigraph
    except ImportError:  # pragma: no cover - a declared dependency, but optional in spirit
        raise QueryError("the Oxigraph store needs pyoxigraph: pip install pyoxigraph") from None
    return pyoxigraph


def to_oxigraph(term: Node) -> Any:
    """The pyoxigraph term of an rdflib term."""
    ox = _pyoxigraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot store the RDF term {term!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_oxigraph(term: Any) -> Node:
    """The rdflib term of a pyoxigraph term."""
    ox = _pyoxigraph()
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


def open_store(
    spec: str | Path = "memory",
    *,
    read_only: bool = False,
    user: str | None = None,
    password: str | None = None,
    graph_store: str | None = None,
    union_copy: bool = True,
) -> Store:
    """The store a spec names: ``memory``, a graph file, ``oxigraph:PATH`` or ``sparql:URL``.

    ``read_only`` opens an on-disk Oxigraph store for reading only, so several readers
    (``kgraph query``, ``kgraph serve``) can share it. ``user``, ``password`` and
    ``graph_store`` apply to ``sparql:URL`` (see ``kgraph.remote.SparqlStore``); user and
    password default to ``KGRAPH_SPARQL_USER`` and ``KGRAPH_SPARQL_PASSWORD``.
    ``union_copy`` (the default) makes a new Oxigraph store keep the union of its graphs, as a
    set, in its default graph: queries see set semantics, as with rdflib, and joins do not
    multiply by the number of articles naming an entity (more disk; see ``OxigraphStore``).
    """
    text = str(spec)
    if text in ("", "memory", "rdflib", "memory:", "rdflib:"):
        return MemoryStore()
    if text.startswith("oxigraph:"):
        path = text[len("oxigraph:") :]
        return OxigraphStore(path or None, read_only=read_only, spec=text, union_copy=union_copy)
    if text.startswith("sparql:"):
        from .remote import SparqlStore

        return SparqlStore(
            text[len("sparql:") :],
            user=user or os.environ.get("KGRAPH_SPARQL_USER"),
            password=password or os.environ.get("KGRAPH_SPARQL_PASSWORD"),
            graph_store=graph_store,
        )
    file = Path(text)
    if file.is_dir():
        raise InputError(file, "is a folder, not a graph file", "give a .ttl/.trig file or oxigraph:PATH")
    if file.suffix.lower() in FORMAT_OF_SUFFIX or file.exists():
        return MemoryStore(spec=text, dataset=read_dataset(file))
    fix = "use FILE.ttl, FILE.trig, oxigraph:PATH or sparql:URL"
    raise InputError(text, "not a graph file or store", fix)


def triples_of_lines(lines: Iterable[str]) -> Graph:
    """The triples of N-Triples lines, as an rdflib graph."""
    from .lines import add_lines

    graph = Graph()
    add_lines(graph, lines)
    return graph


def lines_digest(lines: Iterable[str]) -> str:
    """SHA-256 of sorted distinct N-Triples lines: what a graph holds, for ``mirror``."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _full_load_reason(store: Store, state: dict[str, Any] | None, counts: dict[URIRef, int]) -> str:
    """Why ``store`` must be loaded in full ('' when it still mirrors what its record says)."""
    if state is None or not isinstance(state.get("graphs"), dict):
        if not counts:
            return "new or empty store: loading it in full"
        return (
            f"the store holds {len(counts)} kgraph graphs but no record of a finished load "
            "(interrupted, or written by another tool): loading it in full"
        )
    if state.get("spec") not in (None, store.spec):
        return f"the record is of another store ({state.get('spec')}): loading it in full"
    recorded: dict[str, list[Any]] = state["graphs"]
    held = {str(name): count for name, count in counts.items()}
    expected = {name: count for name, (_, count) in recorded.items()}
    wrong = sorted(name for name in expected.keys() | held.keys() if held.get(name) != expected.get(name))
    if wrong:
        first = wrong[0]
        return (
            f"{len(wrong)} of {len(recorded)} graphs are not as last loaded ({first}: "
            f"{held.get(first, 0)} triples, {expected.get(first, 0)} expected): loading it in full"
        )
    return ""


def mirror(
    store: Store,
    graphs: list[tuple[str, list[str]]],
    nquads_file: Path | None = None,
) -> tuple[str, int, int]:
    """Make ``store`` hold exactly the graphs of a build (``(IRI, sorted lines)`` pairs).

    The store's record (``read_state``) says which content each graph had after the last
    finished mirror; only graphs whose content changed are replaced, and kgraph graphs the
    build no longer has are dropped. A store without a record, with another store's, or
    whose graphs do not hold the recorded triple counts (deleted, interrupted, written by
    someone else) is loaded in full. The record is removed before the first write and
    written after the last, so a run killed half-way is repaired by the next.
    Returns (why loaded in full, or '', graphs replaced, graphs dropped).
    """
    wanted = {name: [lines_digest(lines), len(lines)] for name, lines in graphs}
    state = store.read_state()
    counts = store.graph_counts()
    why = _full_load_reason(store, state, counts)
    if state is not None and not why and state["graphs"] == wanted:
        return "", 0, 0
    store.write_state(None)
    if why:
        store.reset(counts)
        store.load_all(graphs, nquads_file)
        replaced, dropped = len(graphs), len(set(map(str, counts)) - wanted.keys())
    else:
        assert state is not None
        before: dict[str, list[Any]] = state["graphs"]
        changed = [(name, lines) for name, lines in graphs if before.get(name) != wanted[name]]
        for name, lines in changed:
            store.replace_graph(URIRef(name), triples_of_lines(lines))
        gone = sorted(before.keys() - wanted.keys())
        for name in gone:
            store.drop_graph(URIRef(name))
        replaced, dropped = len(changed), len(gone)
    store.flush()
    union_copy = getattr(store, "union_copy", None)
    spec = None if isinstance(store, OxigraphStore) else store.spec  # its record lives in its folder
    store.write_state({"spec": spec, "graphs": wanted, "union_copy": union_copy})
    return why, replaced, dropped
