"""What a worker does with one request: check the query by parsing, run it, write the result."""

from __future__ import annotations

from typing import Any

from ..errors import KgraphError, QueryError
from ..sparql import ReadOnlyError, Table, check_read_only, query_form, ready_queries
from ..store import Store
from .formats import GRAPH_TYPES, MEDIA_OF, RESULT_TYPES, negotiate, write_graph, write_results
from .workers import Answer

TEXT = "text/plain; charset=utf-8"
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")


def _text(status: int, message: str) -> Answer:
    return Answer(status, TEXT, f"{message}\n".encode())


def resolve(text: str) -> str:
    """The query itself, or the ready-made query a bare name (``network``, ``people``…) names."""
    name = text.strip()
    if name and len(name) < 64 and name.replace("-", "").replace("_", "").isalnum():
        ready = ready_queries()
        from .page import NETWORK_QUERY

        ready["network"] = NETWORK_QUERY
        if name in ready:
            return ready[name]
    return text


def _run(store: Store, text: str, max_rows: int) -> Table | Answer:
    try:
        return store.query(text, max_rows=max_rows)
    except QueryError as error:
        return _text(400, str(error))
    except KgraphError as error:
        return _text(502, str(error))


def handle(store: Store, request: dict[str, Any]) -> Answer:
    """The answer to ``{"kind": "sparql"|"view", "query", "accept", "format", "max_rows"}``."""
    text = resolve(request["query"])
    try:
        check_read_only(text)  # parsed before anything reaches the store
    except ReadOnlyError as error:
        return _text(403, f"{error} (this endpoint is read-only)")
    except QueryError as error:
        return _text(400, str(error))
    form = query_form(text)
    if request["kind"] == "view":
        return _view(store, text, form, request["max_rows"])
    graph_result = form in GRAPH_FORMS
    writer = negotiate(request["accept"], graph_result, request["format"])
    if writer is None:
        offered = ", ".join(sorted(set(GRAPH_TYPES if graph_result else RESULT_TYPES)))
        return _text(406, f"no acceptable result format (offered: {offered})")
    table = _run(store, text, request["max_rows"])
    if isinstance(table, Answer):
        return table
    data = write_graph(table, writer) if table.graph is not None else write_results(table, writer)
    extra = {"X-SPARQL-MaxRows": str(request["max_rows"])} if table.truncated else {}
    return Answer(200, f"{MEDIA_OF[writer]}; charset=utf-8", data, extra)


def _view(store: Store, text: str, form: str, max_rows: int) -> Answer:
    if form not in GRAPH_FORMS:
        return _text(400, "the network view draws CONSTRUCT or DESCRIBE results")
    table = _run(store, text, max_rows)
    if isinstance(table, Answer):
        return table
    from ..visualize import render_html

    assert table.graph is not None
    return Answer(200, "text/html; charset=utf-8", render_html(table.graph).encode("utf-8"))
