"""A remote SPARQL 1.1 store (Virtuoso, GraphDB, Fuseki, Neptune...) behind the ``Store`` API.

Writes go through the Graph Store HTTP Protocol when a graph-store URL is given (one
``PUT ?graph=ARTICLE`` per article: the store replaces the graph), else through SPARQL
Update on the endpoint (``DROP SILENT GRAPH <g>; INSERT DATA { GRAPH <g> {...} }``,
several articles per request). Either way re-pushing an article replaces its graph: no
duplicates, no stale triples. Queries use the SPARQL 1.1 Protocol (POST, JSON results).
HTTP Basic and Digest authentication both work (Virtuoso's ``/sparql-auth`` uses Digest).
Standard library only.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import KgraphError, QueryError
from .namespaces import RES
from .query import (
    Table,
    check_read_only,
    query_form,
    table_of_boolean,
    table_of_solutions,
    table_of_triples,
    with_prefixes,
)
from .store import Store, Triple, article_graphs, read_article_graphs


class RemoteStoreError(KgraphError):
    """A remote SPARQL store cannot be reached or refused a request."""


#: Every graph kgraph writes is named under this IRI (articles, and the shared graph).
KGRAPH_GRAPHS = str(RES)

#: Triples per SPARQL Update request: big enough to be fast, small enough for every store.
UPDATE_BATCH = 5000

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRI_FORBIDDEN = set('<>"{}|^`\\ ') | {chr(c) for c in range(0x21)}


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax (also valid in SPARQL ``INSERT DATA``)."""
    if isinstance(term, URIRef):
        text = str(term)
        if any(c in _IRI_FORBIDDEN for c in text):
            text = "".join(f"\\u{ord(c):04X}" if c in _IRI_FORBIDDEN else c for c in text)
        return f"<{text}>"
    if isinstance(term, BNode):
        return f"_:b{term}"
    if isinstance(term, Literal):
        body = "".join(_ECHAR.get(c, c) for c in str(term))
        if term.language:
            return f'"{body}"@{term.language}'
        if term.datatype:
            return f'"{body}"^^<{term.datatype}>'
        return f'"{body}"'
    raise RemoteStoreError(f"cannot send the RDF term {term!r}")


def to_ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples text of ``triples``, one per line, sorted (deterministic requests)."""
    return "".join(sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples))


def term_of_json(value: dict[str, str]) -> Node:
    """The rdflib term of one binding of SPARQL JSON results."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])


class SparqlStore(Store):
    """A SPARQL 1.1 store at ``endpoint`` (queries and, without ``graph_store``, updates)."""

    def __init__(
        self,
        endpoint: str,
        *,
        user: str | None = None,
        password: str | None = None,
        graph_store: str | None = None,
        timeout: float = 120.0,
    ) -> None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise RemoteStoreError(f"{endpoint}: not an http(s) URL of a SPARQL endpoint")
        if parts.username:  # sparql:http://user:password@host/sparql
            user = user or urllib.parse.unquote(parts.username)
            password = password or urllib.parse.unquote(parts.password or "")
            netloc = parts.hostname or ""
            if parts.port:
                netloc += f":{parts.port}"
            endpoint = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
        self.endpoint = endpoint
        self.graph_store = graph_store
        self.spec = f"sparql:{endpoint}"
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (endpoint, graph_store):
                if url:
                    passwords.add_password(None, url, user, password or "")
            handlers += [
                urllib.request.HTTPDigestAuthHandler(passwords),
                urllib.request.HTTPBasicAuthHandler(passwords),
            ]
        self._opener = urllib.request.build_opener(*handlers)

    # -- HTTP -------------------------------------------------------------------------

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> tuple[str, bytes]:
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip().splitlines()
            why = " ".join(detail[:3])[:300]
            if error.code in (401, 403):
                raise RemoteStoreError(
                    f"{url}: HTTP {error.code}: not allowed (give --user/--password of an account "
                    f"that may write, or the store's authenticated endpoint) {why}"
                ) from None
            raise RemoteStoreError(f"{url}: HTTP {error.code} {error.reason}: {why}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise RemoteStoreError(f"{url}: cannot reach the store ({reason})") from None

    def update(self, text: str) -> None:
        """Send a SPARQL Update to the endpoint."""
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        self._send("POST", self.endpoint, body, headers)

    def _graph_url(self, name: URIRef) -> str:
        assert self.graph_store is not None
        separator = "&" if "?" in self.graph_store else "?"
        return f"{self.graph_store}{separator}{urllib.parse.urlencode({'graph': str(name)})}"

    # -- Store API --------------------------------------------------------------------

    def replace_graph(self, name: URIRef, triples: Iterable[Triple]) -> int:
        triples = list(triples)
        if self.graph_store:
            if not triples:
                self.drop_graph(name)
                return 0
            body = to_ntriples(triples).encode("utf-8")
            headers = {"Content-Type": "application/n-triples; charset=utf-8"}
            self._send("PUT", self._graph_url(name), body, headers)
            return len(triples)
        for request in _update_requests([(name, triples)]):
            self.update(request)
        return len(triples)

    def load_dataset(self, dataset: Dataset) -> int:
        return self.load_graphs(article_graphs(dataset))

    def load_graphs(
        self,
        graphs: Iterable[tuple[URIRef, list[Triple]]],
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Replace each (name, triples) graph; several per request when using SPARQL Update.

        ``progress(graphs, triples)`` is called after each request with what it sent.
        """
        total = 0
        if self.graph_store:
            for name, triples in graphs:
                count = self.replace_graph(name, triples)
                total += count
                if progress is not None:
                    progress(1, count)
            return total
        batch: list[tuple[URIRef, list[Triple]]] = []
        size = 0
        for name, triples in [*graphs, (URIRef(""), [])]:
            if batch and (size + len(triples) > UPDATE_BATCH or not str(name)):
                for request in _update_requests(batch):
                    self.update(request)
                if progress is not None:
                    progress(len(batch), size)
                total += size
                batch, size = [], 0
            if str(name):
                batch.append((name, triples))
                size += len(triples)
        return total

    def drop_graph(self, name: URIRef) -> None:
        if self.graph_store:
            try:
                self._send("DELETE", self._graph_url(name), None, {})
            except RemoteStoreError as error:
                if "HTTP 404" not in str(error):
                    raise
            return
        self.update(f"DROP SILENT GRAPH {nt_term(name)}")

    def graph_names(self) -> list[URIRef]:
        """kgraph's graphs only: a shared store holds other graphs (Virtuoso's own among them)
        that a writer mirroring a build must never drop."""
        mine = f"FILTER(STRSTARTS(STR(?g), {KGRAPH_GRAPHS!r}))"
        table = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {mine} }}")
        return sorted(URIRef(row[0]) for row in table.rows)

    def query(self, text: str, max_rows: int | None = None) -> Table:
        check_read_only(text)
        form = query_form(text)
        if not form:
            raise QueryError("bad SPARQL: no SELECT, ASK, CONSTRUCT or DESCRIBE")
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_form else "application/sparql-results+json"
        body = urllib.parse.urlencode({"query": with_prefixes(text)}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": accept}
        try:
            content_type, data = self._send("POST", self.endpoint, body, headers)
        except RemoteStoreError as error:
            if "HTTP 400" in str(error):
                raise QueryError(f"the store refused the query: {error}") from None
            raise
        if graph_form:
            graph = Graph()
            fmt = "turtle" if "turtle" in content_type else "nt"
            graph.parse(data=data.decode("utf-8"), format=fmt)
            return table_of_triples(graph, max_rows)
        results: dict[str, Any] = json.loads(data.decode("utf-8"))
        if "boolean" in results:
            return table_of_boolean(bool(results["boolean"]))
        columns = [str(v) for v in results["head"].get("vars", [])]
        solutions = (
            [term_of_json(binding[c]) if c in binding else None for c in columns]
            for binding in results["results"]["bindings"]
        )
        return table_of_solutions(columns, solutions, max_rows)


def _update_requests(graphs: list[tuple[URIRef, list[Triple]]]) -> Iterator[str]:
    """SPARQL Update requests replacing ``graphs``, at most ``UPDATE_BATCH`` triples each."""
    parts: list[str] = []
    size = 0
    for name, triples in graphs:
        graph = nt_term(name)
        parts.append(f"DROP SILENT GRAPH {graph}")
        lines = sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in triples)
        for start in range(0, len(lines), UPDATE_BATCH):
            chunk = lines[start : start + UPDATE_BATCH]
            if size and size + len(chunk) > UPDATE_BATCH:
                yield " ;\n".join(parts)
                parts, size = [], 0
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(chunk) + "\n} }")
            size += len(chunk)
    if parts:
        yield " ;\n".join(parts)


@dataclass
class PushReport:
    """What ``push`` sent: graphs, triples and the time it took."""

    graphs: int
    triples: int
    seconds: float

    def text(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return (
            f"pushed {self.graphs} graphs, {self.triples} triples in {self.seconds:.1f} s "
            f"({rate:,.0f} triples/s)"
        )


def push(
    path: str | Path,
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    graph_store: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Load each article's named graph of a graph file into its own graph on a remote store."""
    dataset = read_article_graphs(path)
    store = SparqlStore(endpoint, user=user, password=password, graph_store=graph_store)
    graphs = list(article_graphs(dataset))
    start = time.perf_counter()
    triples = store.load_graphs(graphs, progress)
    return PushReport(len(graphs), triples, time.perf_counter() - start)
