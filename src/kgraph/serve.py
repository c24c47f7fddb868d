"""A SPARQL 1.1 Protocol endpoint over any kgraph store, with a small query page.

    GET  /sparql?query=...                      SELECT/ASK: SPARQL JSON, XML, CSV or TSV;
    POST /sparql  (form ``query=`` or           CONSTRUCT/DESCRIBE: Turtle, JSON-LD,
                   application/sparql-query)    N-Triples or RDF/XML, by the Accept header
                                                (or ``format=json|xml|csv|tsv|turtle|jsonld|nt``)
    GET  /                                      the page: query box, ready-made queries, results
    GET  /view?query=CONSTRUCT...               the network view of a CONSTRUCT result

Read-only: SPARQL Update (``update=`` or application/sparql-update), ``LOAD`` and
``SERVICE`` get 403. Each query runs in a worker thread with a time limit (503 when it
expires; the worker is interrupted) and at most ``max_results`` rows or triples (the
rest is cut and the header ``X-SPARQL-MaxRows`` says so). At most ``workers`` queries run
at once, timed-out ones included, so a runaway query cannot pile up. Binds 127.0.0.1
unless told otherwise. Standard library ``http.server``.
"""

from __future__ import annotations

import csv
import ctypes
import html
import io
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import KgraphError, QueryError
from .remote import nt_term
from .sparql import Table, check_read_only, describe_query, query_form, ready_queries
from .store import Store

T = TypeVar("T")


@dataclass
class ServeOptions:
    """How ``kgraph serve`` listens and what it allows."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0  # seconds per query
    max_results: int = 10_000  # rows of a SELECT, triples of a CONSTRUCT
    workers: int = 4  # queries running at once
    verbose: bool = False


class QueryTimeout(KgraphError):
    """A query ran past the time limit."""


class Busy(KgraphError):
    """Every worker is taken."""


class _Interrupted(BaseException):
    """Raised inside a worker thread whose query ran out of time."""


def _interrupt(thread: threading.Thread) -> None:
    """Raise ``_Interrupted`` in ``thread`` at its next Python instruction."""
    if thread.ident is not None:
        exception = ctypes.py_object(_Interrupted)
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), exception)


class Runner:
    """Runs queries in worker threads with a time limit and a bound on concurrency."""

    def __init__(self, workers: int, timeout: float) -> None:
        self.slots = threading.BoundedSemaphore(workers)
        self.timeout = timeout

    def run(self, work: Callable[[], T]) -> T:
        started = time.monotonic()
        if not self.slots.acquire(timeout=self.timeout):
            raise Busy(f"all workers are busy; retry later (limit: {self.timeout:g} s)")
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["value"] = work()
            except _Interrupted:
                pass
            except BaseException as error:  # handed to the caller's thread
                outcome["error"] = error
            finally:
                self.slots.release()

        worker = threading.Thread(target=target, name="kgraph-query", daemon=True)
        worker.start()
        worker.join(max(0.0, self.timeout - (time.monotonic() - started)))
        if worker.is_alive():
            _interrupt(worker)
            raise QueryTimeout(f"the query ran longer than {self.timeout:g} s (kgraph serve --timeout)")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]  # type: ignore[no-any-return]


# --- result formats ----------------------------------------------------------------------

RESULT_TYPES = {  # media type -> writer name, for SELECT and ASK
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {  # media type -> rdflib format, for CONSTRUCT and DESCRIBE
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "xml",
}
MEDIA_OF = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
}
FORMAT_PARAM = {  # ?format= / ?output= values some clients send
    "json": "json",
    "srj": "json",
    "xml": "xml",
    "srx": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "turtle": "turtle",
    "ttl": "turtle",
    "jsonld": "json-ld",
    "json-ld": "json-ld",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "rdfxml": "xml",
    "rdf": "xml",
}


def negotiate(accept: str, graph_result: bool, format_param: str = "") -> str | None:
    """The writer for a result: ``json``, ``xml``, ``csv``, ``tsv`` or an rdflib format; None: 406."""
    types = GRAPH_TYPES if graph_result else RESULT_TYPES
    default = "turtle" if graph_result else "json"
    if format_param:
        name = FORMAT_PARAM.get(format_param.lower()) or types.get(format_param.lower())
        if name is None:
            return None
        if graph_result and name in ("json", "xml"):
            return "json-ld" if name == "json" else "xml"
        if graph_result == (name in ("csv", "tsv", "json")):
            return None if name in ("csv", "tsv") else name
        return name
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, quality = fields[0].lower(), 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            choices.append((-quality, index, media))
    for _, _, media in sorted(choices):
        if media in types:
            return types[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attribute = ""
    if isinstance(term, Literal) and term.language:
        attribute = f" xml:lang={quoteattr(term.language)}"
    elif isinstance(term, Literal) and term.datatype:
        attribute = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attribute}>{escape(str(term))}</literal>"


def write_results(table: Table, writer: str) -> bytes:
    """A SELECT or ASK table in a SPARQL results format (json, xml, csv, tsv)."""
    if writer == "json":
        if table.boolean is not None:
            return json.dumps({"head": {}, "boolean": table.boolean}).encode("utf-8")
        bindings = [
            {c: _json_term(t) for c, t in zip(table.columns, row, strict=True) if t is not None}
            for row in table.all_terms()
        ]
        doc = {"head": {"vars": table.columns}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if writer == "xml":
        lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        if table.boolean is not None:
            lines += ["</head>", f"<boolean>{str(table.boolean).lower()}</boolean>", "</sparql>"]
            return "\n".join(lines).encode("utf-8")
        lines += [f"<variable name={quoteattr(c)}/>" for c in table.columns]
        lines += ["</head>", "<results>"]
        for row in table.all_terms():
            lines.append("<result>")
            lines += [
                f"<binding name={quoteattr(c)}>{_xml_term(t)}</binding>"
                for c, t in zip(table.columns, row, strict=True)
                if t is not None
            ]
            lines.append("</result>")
        lines += ["</results>", "</sparql>"]
        return "\n".join(lines).encode("utf-8")
    if writer == "csv":
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\r\n")
        out.writerow(table.columns)
        out.writerows(table.rows)
        return buffer.getvalue().encode("utf-8")
    if writer == "tsv":
        lines = ["\t".join(f"?{c}" for c in table.columns)]
        lines += ["\t".join("" if t is None else nt_term(t) for t in row) for row in table.all_terms()]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise QueryError(f"unknown result format {writer!r}")


def write_graph(table: Table, rdf_format: str) -> bytes:
    """A CONSTRUCT/DESCRIBE result in an RDF format rdflib writes (turtle, json-ld, nt, xml)."""
    assert table.graph is not None
    if rdf_format == "nt":
        lines = sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in table.graph)
        return "".join(lines).encode("utf-8")
    return table.graph.serialize(format=rdf_format, encoding="utf-8")


# --- HTTP ----------------------------------------------------------------------------------


READ_ONLY = "SPARQL Update is not allowed: this endpoint is read-only"


class HttpError(Exception):
    """An HTTP error response: status and a one-line message."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server, holding the store, the options and the query runner."""

    daemon_threads = True

    def __init__(self, store: Store, options: ServeOptions) -> None:
        self.store = store
        self.options = options
        self.runner = Runner(options.workers, options.timeout)
        super().__init__((options.host, options.port), Handler)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        return f"http://{host}:{port}"

    def run_query(self, text: str) -> Table:
        """Check, then run ``text`` under the limits; ``HttpError`` on refusal or failure."""
        try:
            check_read_only(text)
        except QueryError as error:
            raise HttpError(HTTPStatus.FORBIDDEN, f"{error} (this endpoint is read-only)") from None
        limit = self.options.max_results
        try:
            return self.runner.run(lambda: self.store.query(text, max_rows=limit))
        except QueryError as error:
            raise HttpError(HTTPStatus.BAD_REQUEST, str(error)) from None
        except (QueryTimeout, Busy) as error:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE, str(error)) from None
        except KgraphError as error:
            raise HttpError(HTTPStatus.BAD_GATEWAY, str(error)) from None


class Handler(BaseHTTPRequestHandler):
    """Routes /, /sparql and /view."""

    server: SparqlServer
    server_version = "kgraph"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.server.options.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        try:
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            body = self._body() if method == "POST" else b""
            if url.path == "/" and method == "GET":
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", render_page().encode("utf-8"))
            elif url.path == "/sparql":
                self._sparql(method, params, body)
            elif url.path == "/view" and method == "GET":
                self._view(params)
            else:
                raise HttpError(HTTPStatus.NOT_FOUND, f"no such page {url.path} (try /sparql or /)")
        except HttpError as error:
            self._send(error.status, "text/plain; charset=utf-8", f"{error}\n".encode())

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > 10_000_000:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body over 10 MB")
        return self.rfile.read(length) if length else b""

    def _sparql(self, method: str, params: dict[str, list[str]], body: bytes) -> None:
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if method == "POST":
            if content_type == "application/sparql-update":
                raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY)
            if content_type == "application/sparql-query":
                params = {**params, "query": [body.decode("utf-8", "replace")]}
            elif content_type in ("application/x-www-form-urlencoded", ""):
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                params = {**params, **form}
            else:
                raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"cannot read a {content_type} body")
        if "update" in params:
            raise HttpError(HTTPStatus.FORBIDDEN, READ_ONLY)
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise HttpError(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(HTTPStatus.BAD_REQUEST, "give exactly one SPARQL query in the 'query' parameter")
        text = queries[0]
        graph_result = query_form(text) in ("CONSTRUCT", "DESCRIBE")
        format_param = (params.get("format") or params.get("output") or [""])[0]
        writer = negotiate(self.headers.get("Accept", ""), graph_result, format_param)
        if writer is None:
            offered = ", ".join(sorted(set(GRAPH_TYPES if graph_result else RESULT_TYPES)))
            raise HttpError(HTTPStatus.NOT_ACCEPTABLE, f"no acceptable result format (offered: {offered})")
        table = self.run_query(text)
        data = write_graph(table, writer) if table.graph is not None else write_results(table, writer)
        media = MEDIA_OF[writer]
        extra = {"X-SPARQL-MaxRows": str(self.server.options.max_results)} if table.truncated else {}
        self._send(HTTPStatus.OK, f"{media}; charset=utf-8", data, extra)

    def _view(self, params: dict[str, list[str]]) -> None:
        text = (params.get("query") or [""])[0]
        if query_form(text) not in ("CONSTRUCT", "DESCRIBE"):
            raise HttpError(HTTPStatus.BAD_REQUEST, "the network view draws CONSTRUCT or DESCRIBE results")
        table = self.run_query(text)
        from .visualize import render_html

        assert table.graph is not None
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", render_html(table.graph).encode("utf-8"))

    def run_query(self, text: str) -> Table:
        return self.server.run_query(text)

    def _send(self, status: HTTPStatus, media: str, data: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")  # YASGUI and other browser clients
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def make_server(store: Store, options: ServeOptions | None = None) -> SparqlServer:
    """A server bound to ``options.host:options.port`` (port 0: a free one), not yet serving."""
    return SparqlServer(store, options or ServeOptions())


def serve(store: Store, options: ServeOptions, ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted; ``ready(url)`` is called once the socket listens."""
    with make_server(store, options) as server:
        if ready is not None:
            ready(server.url)
        server.serve_forever()


# --- the page ----------------------------------------------------------------------------


#: The page's example CONSTRUCT: related entities with their class and name, for the network view.
#: (Not a ready-made query: on large graphs rdflib and Oxigraph each need a different shape.)
NETWORK_QUERY = """# The entity network: related entities with their class and name (drawn below).
CONSTRUCT {
  ?a ?relation ?b .
  ?a a ?classA ; skos:prefLabel ?nameA .
  ?b a ?classB ; skos:prefLabel ?nameB .
} WHERE {
  VALUES ?relation {
    kg:directs kg:implements kg:issuedBy kg:cooperatesWith org:subOrganizationOf org:memberOf
    kg:organizes kg:participatesIn kg:locatedIn
  }
  ?a ?relation ?b .
  ?a a ?classA ; skos:prefLabel ?nameA .
  ?b a ?classB ; skos:prefLabel ?nameB .
} LIMIT 2000
"""


def render_page() -> str:
    """The page at ``/``: a query box, the ready-made queries, a results table, a network view."""
    queries = {**ready_queries(), "network": NETWORK_QUERY}
    ready = {name: {"text": text, "about": describe_query(text)} for name, text in queries.items()}
    payload = json.dumps(ready, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    options = "".join(
        f"<option value={quoteattr(name)}>{html.escape(name)} — {html.escape(q['about'])}</option>"
        for name, q in ready.items()
    )
    return PAGE.replace("{{OPTIONS}}", options).replace("{{QUERIES}}", payload)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kgraph SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;max-width:1200px}
textarea{width:100%;height:12em;font-family:monospace;font-size:13px}
table{border-collapse:collapse;margin-top:1em;font-size:13px}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3} #status{margin:.5em 0;color:#555} .error{color:#b00}
iframe{width:100%;height:600px;border:1px solid #ccc;margin-top:1em}
</style></head><body>
<h1>kgraph SPARQL endpoint</h1>
<p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only). Prefixes kg:, org:, skos:,
schema:, prov:, dcterms:, rdf:, rdfs:, xsd: are predeclared.</p>
<label>Ready-made query: <select id="ready"><option value="">—</option>{{OPTIONS}}</select></label>
<textarea id="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<button id="run">Run</button>
<div id="status"></div><div id="results"></div>
<script>
const QUERIES = {{QUERIES}};
const box = document.getElementById("query"), status = document.getElementById("status"),
      results = document.getElementById("results");
document.getElementById("ready").addEventListener("change", e => {
  if (QUERIES[e.target.value]) box.value = QUERIES[e.target.value].text;
});
function isGraphQuery(text) {
  const code = text.replace(/#[^\\n]*/g, "").replace(/<[^>\\s]*>/g, "");
  const m = code.match(/\\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\\b/i);
  return m && /CONSTRUCT|DESCRIBE/i.test(m[1]);
}
function cell(tag, text) { const c = document.createElement(tag); c.textContent = text; return c; }
async function run() {
  const text = box.value, graph = isGraphQuery(text), started = performance.now();
  status.textContent = "running…"; status.className = ""; results.replaceChildren();
  const response = await fetch("sparql", {method: "POST",
    headers: {"Content-Type": "application/x-www-form-urlencoded",
              "Accept": graph ? "text/turtle" : "application/sparql-results+json"},
    body: new URLSearchParams({query: text})});
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    status.textContent = response.status + ": " + await response.text(); status.className = "error"; return;
  }
  const limit = response.headers.get("X-SPARQL-MaxRows"), cut = limit ? " (cut at " + limit + ")" : "";
  if (graph) {
    const turtle = await response.text();
    status.textContent = "graph in " + seconds + " s" + cut;
    const frame = document.createElement("iframe");
    frame.src = "view?query=" + encodeURIComponent(text);
    const pre = cell("pre", turtle);
    results.append(frame, pre);
    return;
  }
  const data = await response.json();
  if ("boolean" in data) { status.textContent = "ASK: " + data.boolean + " in " + seconds + " s"; return; }
  const vars = data.head.vars, rows = data.results.bindings;
  status.textContent = rows.length + " rows in " + seconds + " s" + cut;
  const table = document.createElement("table"), head = document.createElement("tr");
  vars.forEach(v => head.append(cell("th", v))); table.append(head);
  rows.forEach(b => { const tr = document.createElement("tr");
    vars.forEach(v => tr.append(cell("td", b[v] ? b[v].value : ""))); table.append(tr); });
  results.append(table);
}
document.getElementById("run").addEventListener("click", () => run().catch(e => {
  status.textContent = String(e); status.className = "error"; }));
</script></body></html>
"""
