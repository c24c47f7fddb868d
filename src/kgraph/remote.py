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

import base64
import hashlib
import http.client
import json
import re
import secrets
import socket
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .dataset import KGRAPH_GRAPHS, Store, Triple, article_graphs, format_of, read_graph_lines
from .errors import KgraphError, QueryError
from .lines import nt_term as nt_term  # re-exported: serve.py imports it from here
from .lines import to_ntriples
from .sparql import (
    Table,
    check_read_only,
    query_form,
    table_of_boolean,
    table_of_solutions,
    table_of_triples,
    with_prefixes,
)


class RemoteStoreError(KgraphError):
    """A remote SPARQL store cannot be reached or refused a request."""


#: Triples per SPARQL Update request: Virtuoso slows down on large update texts (bench_store.py).
UPDATE_BATCH = 200


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


class Session:
    """HTTP/1.1 with kept-alive connections and pre-emptive Basic or Digest authentication.

    urllib answers an authentication challenge only after sending the whole body, which a
    store may refuse with a closed connection (a broken pipe on a large PUT); and it opens
    a connection per request. Here the first request that needs credentials is preceded
    by a bodiless probe that fetches the challenge, and later requests carry the
    ``Authorization`` header from the start (Digest with a counted nonce).
    """

    def __init__(self, user: str | None, password: str | None, timeout: float) -> None:
        self.user = user
        self.password = password or ""
        self.timeout = timeout
        self.connections: dict[tuple[str, str], http.client.HTTPConnection] = {}
        self.challenge: dict[str, str] | None = None  # scheme, realm, nonce, qop, opaque, algorithm
        self.count = 0

    def request(
        self, method: str, url: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, str, str, bytes]:
        """(status, reason, content type, body) of one request.

        A dropped kept-alive connection is reopened and the request sent again (kgraph
        only sends idempotent requests: queries, PUT, DROP-then-INSERT updates).
        """
        for attempt in range(3):
            sent = dict(headers)
            try:
                if self.user is not None and self.challenge is None and body:
                    self._exchange("GET", url, None, {})  # the probe: learn the challenge without a body
                if self.user is not None and self.challenge is not None:
                    sent["Authorization"] = self._authorization(method, url)
                status, reason, answer, data = self._exchange(method, url, body, sent)
            except TimeoutError:
                self._drop(url)
                raise RemoteStoreError(
                    f"{url}: no answer within {self.timeout:g} s (is this the store's SPARQL endpoint? "
                    "a slow store needs a larger --timeout)"
                ) from None
            except (OSError, http.client.HTTPException) as error:
                self._drop(url)
                if attempt == 2 or isinstance(error, (ConnectionRefusedError, socket.gaierror)):
                    why = error.strerror if isinstance(error, OSError) and error.strerror else error
                    raise RemoteStoreError(f"{url}: cannot reach the store ({why})") from None
                self.challenge = None  # perhaps refused for a stale nonce: probe again
                continue
            if status == 401 and self.user is not None and attempt < 2 and "Authorization" in sent:
                challenge = parse_challenge(answer.get("WWW-Authenticate", ""))
                if challenge is not None and challenge.get("nonce") != (self.challenge or {}).get("nonce"):
                    self.challenge, self.count = challenge, 0  # a new or stale nonce: once more
                    continue
            elif status == 401 and self.user is not None and attempt < 2:
                continue  # the challenge just arrived: answer it
            return status, reason, answer.get("Content-Type", ""), data
        raise AssertionError("unreachable")

    def _exchange(
        self, method: str, url: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, str, http.client.HTTPMessage, bytes]:
        parts = urllib.parse.urlsplit(url)
        key = (parts.scheme, parts.netloc)
        connection = self.connections.get(key)
        if connection is None:
            kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
            connection = kind(parts.netloc, timeout=self.timeout)
            self.connections[key] = connection
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        if response.status == 401 and self.challenge is None:
            challenge = parse_challenge(response.headers.get("WWW-Authenticate", ""))
            if challenge is not None:
                self.challenge, self.count = challenge, 0
        if response.will_close:
            self._drop(url)
        return response.status, response.reason, response.headers, data

    def close(self) -> None:
        """Close every kept-alive connection."""
        for connection in self.connections.values():
            connection.close()
        self.connections.clear()

    def _drop(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        connection = self.connections.pop((parts.scheme, parts.netloc), None)
        if connection is not None:
            connection.close()

    def _authorization(self, method: str, url: str) -> str:
        assert self.challenge is not None and self.user is not None
        if self.challenge["scheme"] == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return f"Basic {token}"
        parts = urllib.parse.urlsplit(url)
        uri = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        realm, nonce = self.challenge.get("realm", ""), self.challenge.get("nonce", "")
        ha1 = _md5(f"{self.user}:{realm}:{self.password}")
        ha2 = _md5(f"{method}:{uri}")
        fields = {"username": self.user, "realm": realm, "nonce": nonce, "uri": uri}
        if "auth" in [q.strip() for q in self.challenge.get("qop", "").split(",")]:
            self.count += 1
            nc, cnonce = f"{self.count:08x}", secrets.token_hex(8)
            fields["response"] = _md5(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
            fields.update(qop="auth", nc=nc, cnonce=cnonce)
        else:
            fields["response"] = _md5(f"{ha1}:{nonce}:{ha2}")
        if "opaque" in self.challenge:
            fields["opaque"] = self.challenge["opaque"]
        fields["algorithm"] = "MD5"
        bare = ("qop", "nc", "algorithm")  # tokens, not quoted strings
        return "Digest " + ", ".join(f"{k}={v}" if k in bare else f'{k}="{v}"' for k, v in fields.items())


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()  # noqa: S324 - HTTP Digest is MD5 by definition


def parse_challenge(header: str) -> dict[str, str] | None:
    """The Digest (preferred) or Basic challenge of a ``WWW-Authenticate`` header."""
    found = re.search(r"\bdigest\b", header, re.I)
    if found:
        pairs = re.findall(r'(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]+))', header[found.end() :])
        fields = {k.lower(): quoted or bare for k, quoted, bare in pairs}
        algorithm = fields.get("algorithm", "MD5").upper()
        if algorithm != "MD5":
            why = f"the store asks for Digest {algorithm}; kgraph speaks MD5 Digest and Basic"
            raise RemoteStoreError(why)
        return {"scheme": "digest", **fields}
    if re.search(r"\bbasic\b", header, re.I):
        return {"scheme": "basic"}
    return None


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
        query_endpoint: str | None = None,
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
        self.query_endpoint = query_endpoint or endpoint  # a store may query and update at two URLs
        self.graph_store = graph_store
        self.spec = f"sparql:{endpoint}"
        self.session = Session(user, password, timeout)

    @classmethod
    def from_spec(cls, spec: str, rest: str, options: dict[str, Any]) -> Store:
        return cls(
            rest, user=options["user"], password=options["password"], graph_store=options["graph_store"]
        )

    # -- HTTP -------------------------------------------------------------------------

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> tuple[str, bytes]:
        status, reason, content_type, data = self.session.request(method, url, body, headers)
        if status < 300:
            return content_type, data
        why = " ".join(data.decode("utf-8", "replace").strip().splitlines()[:3])[:300]
        if status in (401, 403):
            raise RemoteStoreError(
                f"{url}: HTTP {status}: not allowed (give --user/--password of an account "
                f"that may write, or the store's authenticated endpoint) {why}"
            )
        raise RemoteStoreError(f"{url}: HTTP {status} {reason}: {why}")

    def close(self) -> None:
        self.session.close()

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
        return self.replace_lines(str(name), to_ntriples(triples).splitlines())

    def replace_lines(self, name: str, lines: list[str]) -> int:
        if self.graph_store:
            if not lines:
                self.drop_graph(URIRef(name))
                return 0
            body = "".join(line + "\n" for line in lines).encode("utf-8")
            headers = {"Content-Type": "application/n-triples; charset=utf-8"}
            self._send("PUT", self._graph_url(URIRef(name)), body, headers)
            return len(lines)
        for request in _update_requests([(name, lines)]):
            self.update(request)
        return len(lines)

    def load_dataset(self, dataset: Dataset) -> int:
        return self.load_graphs(article_graphs(dataset))

    def load_graphs(
        self,
        graphs: Iterable[tuple[URIRef, list[Triple]]],
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Replace each (name, triples) graph (see ``load_lines``)."""
        return self.load_lines(((str(n), to_ntriples(t).splitlines()) for n, t in graphs), progress)

    def load_lines(
        self,
        graphs: Iterable[tuple[str, list[str]]],
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Replace each (IRI, N-Triples lines) graph; several per request when using SPARQL Update.

        ``progress(graphs, triples)`` is called after each request with what it sent.
        """
        total = 0
        if self.graph_store:
            for name, lines in graphs:
                count = self.replace_lines(name, lines)
                total += count
                if progress is not None:
                    progress(1, count)
            return total
        batch: list[tuple[str, list[str]]] = []
        size = 0
        for name, lines in [*graphs, ("", [])]:
            if batch and (size + len(lines) > UPDATE_BATCH or not name):
                for request in _update_requests(batch):
                    self.update(request)
                if progress is not None:
                    progress(len(batch), size)
                total += size
                batch, size = [], 0
            if name:
                batch.append((name, lines))
                size += len(lines)
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

    def check_endpoint(self) -> None:
        """Fail with one line unless the endpoint answers ``ASK {}`` as a SPARQL endpoint does
        (a Graph Store URL or a web page given as the endpoint accepts writes it never stores)."""
        body = urllib.parse.urlencode({"query": "ASK {}"}).encode("utf-8")
        headers = {
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            "Accept": "application/sparql-results+json",
        }
        status, reason, content_type, data = self.session.request("POST", self.query_endpoint, body, headers)
        if status in (401, 403):
            self._send("POST", self.query_endpoint, body, headers)  # says what to do
        try:
            answer = json.loads(data.decode("utf-8")) if status < 300 else None
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or "boolean" not in answer:
            kind = content_type.split(";")[0] or "no content type"
            raise RemoteStoreError(
                f"{self.query_endpoint}: not a SPARQL endpoint (HTTP {status} {reason}, {kind}, "
                "to ASK {}); give the store's SPARQL endpoint as --endpoint (Virtuoso: "
                "http://HOST:8890/sparql-auth), its query URL as --query-endpoint when updates go "
                "elsewhere, its Graph Store URL as --graph-store"
            )

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
            content_type, data = self._send("POST", self.query_endpoint, body, headers)
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


def _update_requests(graphs: list[tuple[str, list[str]]]) -> Iterator[str]:
    """SPARQL Update requests replacing ``graphs`` (IRI, N-Triples lines), at most
    ``UPDATE_BATCH`` triples each."""
    parts: list[str] = []
    size = 0
    for name, lines in graphs:
        graph = nt_term(URIRef(name))
        parts.append(f"DROP SILENT GRAPH {graph}")
        for start in range(0, len(lines), UPDATE_BATCH):
            chunk = lines[start : start + UPDATE_BATCH]
            if size and size + len(chunk) > UPDATE_BATCH:
                yield " ;\n".join(parts)
                parts, size = [], 0
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(chunk) + "\n} }")
            size += len(chunk)
    if parts:
        yield " ;\n".join(parts)


class PushMismatch(KgraphError):
    """The store does not hold what was pushed."""


@dataclass
class PushReport:
    """What ``push`` sent: graphs, triples, stale graphs dropped and the time it took."""

    graphs: int
    triples: int
    seconds: float
    dropped: int = 0

    def text(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        dropped = f", dropped {self.dropped} graphs the build no longer has" if self.dropped else ""
        return (
            f"pushed {self.graphs} graphs, {self.triples} triples in {self.seconds:.1f} s "
            f"({rate:,.0f} triples/s){dropped}; verified: every graph holds the triples pushed"
        )


def verify(store: Store, wanted: dict[URIRef, int]) -> None:
    """Read back each kgraph graph's triple count; ``PushMismatch`` names the first that differs."""
    held = store.graph_counts()
    for name in sorted(wanted.keys() | held.keys()):
        if held.get(name, 0) != wanted.get(name, 0):
            raise PushMismatch(
                f"{name}: pushed {wanted.get(name, 0)} triples, the store holds {held.get(name, 0)} "
                f"({store.spec}); push again, or check the store's log"
            )


def push(
    path: str | Path,
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    graph_store: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    timeout: float = 30.0,
    query_endpoint: str | None = None,
) -> PushReport:
    """Make a remote store mirror a graph file: each article's named graph replaced, kgraph
    graphs the file does not have dropped, then every graph's triple count read back.

    Each request must be answered within ``timeout`` seconds. An interrupted push may leave
    a graph half-written; the next push replaces every graph, so it repairs it.
    """
    format_of(Path(path))  # a missing file or an unknown format first, then the store
    start = time.perf_counter()
    store = SparqlStore(
        endpoint,
        user=user,
        password=password,
        graph_store=graph_store,
        timeout=timeout,
        query_endpoint=query_endpoint,
    )
    with store:
        store.check_endpoint()  # before the file is read: a wrong URL fails at once
        graphs = read_graph_lines(path)
        wanted = {URIRef(name): len(lines) for name, lines in graphs}
        triples = store.load_lines(graphs, progress)
        stale = [name for name in store.graph_names() if name not in wanted]
        for name in stale:
            store.drop_graph(name)
        verify(store, wanted)
    return PushReport(len(graphs), triples, time.perf_counter() - start, len(stale))
