"""A SPARQL 1.1 Protocol endpoint over any kgraph store, with a small query page.

    GET  /sparql?query=...                      SELECT/ASK: SPARQL JSON, XML, CSV or TSV;
    POST /sparql  (form ``query=`` or           CONSTRUCT/DESCRIBE: Turtle, JSON-LD,
                   application/sparql-query)    N-Triples or RDF/XML, by the Accept header
                                                (or ``format=json|xml|csv|tsv|turtle|jsonld|nt``)
    GET  /                                      the page: query box, ready-made queries, results
    GET  /view?query=CONSTRUCT...               the network view of a CONSTRUCT result

Read-only by parsing: each query is parsed with SPARQL's grammar before it reaches a store;
updates, ``LOAD`` and any ``SERVICE`` get 403. Queries run in worker processes killed at the
time limit, under a memory cap; requests come through uvicorn (h11) with read timeouts, a
Host allow-list, and no CORS header unless asked. See docs/serve.md.
"""

from __future__ import annotations

from .app import ServeOptions
from .formats import negotiate, write_graph, write_results
from .page import NETWORK_QUERY, render_page
from .server import SparqlServer, make_server, memory_copy, serve

__all__ = [
    "NETWORK_QUERY",
    "ServeOptions",
    "SparqlServer",
    "make_server",
    "memory_copy",
    "negotiate",
    "render_page",
    "serve",
    "write_graph",
    "write_results",
]
