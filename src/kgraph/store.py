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
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from .dataset import (
    FORMAT_OF_SUFFIX,
    KGRAPH_GRAPHS,
    QUAD_FORMATS,
    Store,
    Triple,
    article_graphs,
    format_of,
    group_by_article,
    load_graph,
    read_article_graphs,
    read_dataset,
)
from .errors import GraphFileError, InputError, QueryError
from .lines import SHARED_GRAPH
from .namespaces import bind_prefixes
from .remote import SparqlStore
from .sparql import (
    Table,
    check_read_only,
    first_line,
    first_rows,
    run_query,
    table_of_boolean,
    table_of_triples,
    with_prefixes,
)

__all__ = [
    "FORMAT_OF_SUFFIX",
    "KGRAPH_GRAPHS",
    "QUAD_FORMATS",
    "STORES",
    "MemoryStore",
    "OxigraphStore",
    "SparqlStore",
    "Store",
    "Triple",
    "article_graphs",
    "group_by_article",
    "load_graph",
    "mirror",
    "open_store",
    "read_article_graphs",
    "read_dataset",
]

#: The file in an Oxigraph store's folder recording the build it mirrors (see ``mirror``).
STATE_NAME = "kgraph-mirror.json"


class MemoryStore(Store):
    """rdflib in memory: no set-up, fine up to a few hundred thousand triples."""

    def __init__(self, spec: str = "memory", dataset: Dataset | None = None) -> None:
        self.spec = spec
        self.dataset = Dataset() if dataset is None else dataset
        self.dataset.default_union = True
        bind_prefixes(self.dataset)

    @classmethod
    def from_spec(cls, spec: str, rest: str, options: dict[str, Any]) -> Store:
        if rest:
            raise InputError(spec, "names no store", "write memory: alone")
        return cls()

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

    @classmethod
    def from_spec(cls, spec: str, rest: str, options: dict[str, Any]) -> Store:
        return cls(rest or None, read_only=options["read_only"], spec=spec, union_copy=options["union_copy"])

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
        """Load a graph file; TriG and N-Quads go straight to Oxigraph's own parser.

        The store's record is removed first and a plain one written after (which graphs a
        build had is ``mirror``'s to record): a load cut short leaves none, and readers warn.
        """
        self.write_state(None)
        loaded = self._load_file(path)
        self.write_state({"graphs": None, "union_copy": self.union_copy})
        return loaded

    def _load_file(self, path: str | Path) -> int:
        path = Path(path)
        fmt = format_of(path)
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
            shared = ox.NamedNode(SHARED_GRAPH)
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
        shared = ox.NamedNode(SHARED_GRAPH)
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

    def unfinished(self) -> str:
        """Why this on-disk store may answer wrongly: kgraph graphs but no record of a
        finished load (a load cut short); '' when it is complete or not kgraph's."""
        if self.state_file is None or self.state_file.exists():
            return ""
        if not any(str(name).startswith(KGRAPH_GRAPHS) for name in self.graph_names()):
            return ""
        return (
            f"{self.path}: warning: no record of a finished load (interrupted?): answers may be "
            f"incomplete or repeated; run kgraph build … --store {self.spec} to repair it"
        )

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
            raw: list[list[Any]]
            raw, truncated = first_rows(result, max_rows)
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


#: The stores a spec's prefix names: ``oxigraph:PATH``, ``sparql:URL``, ``memory:``.
STORES: dict[str, type[Store]] = {
    "oxigraph:": OxigraphStore,
    "sparql:": SparqlStore,
    "memory:": MemoryStore,
    "rdflib:": MemoryStore,
}


def open_store(
    spec: str | Path = "memory",
    *,
    read_only: bool = False,
    user: str | None = None,
    password: str | None = None,
    graph_store: str | None = None,
    union_copy: bool = True,
) -> Store:
    """The store a spec names: ``memory``, a graph file, or ``PREFIX:...`` of ``STORES``.

    ``read_only`` opens an on-disk Oxigraph store for reading only, so several readers
    (``kgraph query``, ``kgraph serve``) can share it. ``user``, ``password`` and
    ``graph_store`` apply to ``sparql:URL`` (see ``kgraph.remote.SparqlStore``); user and
    password default to ``KGRAPH_SPARQL_USER`` and ``KGRAPH_SPARQL_PASSWORD``.
    ``union_copy`` (the default) makes a new Oxigraph store keep the union of its graphs, as a
    set, in its default graph: queries see set semantics, as with rdflib, and joins do not
    multiply by the number of articles naming an entity (more disk; see ``OxigraphStore``).
    """
    text = str(spec)
    if text in ("", "memory", "rdflib"):
        return MemoryStore()
    for prefix, kind in STORES.items():
        if text.startswith(prefix):
            options = {
                "read_only": read_only,
                "user": user or os.environ.get("KGRAPH_SPARQL_USER"),
                "password": password or os.environ.get("KGRAPH_SPARQL_PASSWORD"),
                "graph_store": graph_store,
                "union_copy": union_copy,
            }
            return kind.from_spec(text, text[len(prefix) :], options)
    file = Path(text)
    if file.is_dir():
        raise InputError(file, "is a folder, not a graph file", "give a .ttl/.trig file or oxigraph:PATH")
    if file.suffix.lower() in FORMAT_OF_SUFFIX or file.exists():
        return MemoryStore(spec=text, dataset=read_dataset(file))
    fix = "use FILE.ttl, FILE.trig, oxigraph:PATH or sparql:URL"
    raise InputError(text, "not a graph file or store", fix)


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
            store.replace_lines(name, lines)
        gone = sorted(before.keys() - wanted.keys())
        for name in gone:
            store.drop_graph(URIRef(name))
        replaced, dropped = len(changed), len(gone)
    store.flush()
    union_copy = getattr(store, "union_copy", None)
    spec = None if isinstance(store, OxigraphStore) else store.spec  # its record lives in its folder
    store.write_state({"spec": spec, "graphs": wanted, "union_copy": union_copy})
    return why, replaced, dropped
