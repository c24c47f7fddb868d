"""Run SPARQL over a built graph, with kgraph's prefixes predeclared.

Queries are read-only: SPARQL Update, ``LOAD`` and ``SERVICE`` are refused before
anything runs. Ready-made queries live in ``kgraph/queries/NAME.rq`` and run by name.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from pyparsing import ParseResults
from rdflib import Graph, Literal
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result
from rdflib.term import Node

from .errors import QueryError
from .namespaces import PREFIXES, bind_prefixes

#: rdflib's SPARQL parser (pyparsing) is not thread-safe: one parse at a time.
_PARSE_LOCK = threading.Lock()


def _new_parse_lock() -> None:  # a process forked while another thread parsed starts unlocked
    global _PARSE_LOCK
    _PARSE_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_new_parse_lock)


def ready_queries() -> dict[str, str]:
    """Ready-made queries by name (file stem) -> SPARQL text."""
    folder = resources.files("kgraph") / "queries"
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            out[entry.name[:-3]] = entry.read_text(encoding="utf-8")
    return out


def describe_query(text: str) -> str:
    """The first comment line of a ready-made query: what it answers."""
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


class ReadOnlyError(QueryError):
    """A request that is not a read-only query: an update, LOAD, or a query with SERVICE."""


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of a read-only query ("" when none)."""
    try:
        return _parse(text)
    except QueryError:
        return ""


def check_read_only(text: str) -> None:
    """Raise ``ReadOnlyError`` unless ``text`` (with kgraph's prefixes) parses as a query with no SERVICE.

    Decided by SPARQL's own grammar (rdflib's parser), never by searching the text: an
    update hidden behind comments or strings does not parse as a query, and a ``SERVICE``
    anywhere (sub-queries, ``EXISTS``, lower case) is found in the parse tree. Text that
    parses as neither a query nor an update raises ``QueryError`` (bad SPARQL).
    """
    _parse(text)


@lru_cache(maxsize=256)
def _parse(query: str) -> str:
    """The form of a read-only query, checked by parsing; cached: a server sees the same queries often."""
    text = with_prefixes(query)
    try:
        with _PARSE_LOCK:
            tree = parseQuery(text)
    except Exception as error:  # pyparsing's errors: not a query; perhaps an update
        if _is_update(text):
            raise ReadOnlyError("SPARQL Update and LOAD are not allowed: queries are read-only") from None
        message = own_positions(first_line(error), len(text) - len(query))
        raise QueryError(f"bad SPARQL: {message}") from None
    why = _forbidden(tree)
    if why:
        raise ReadOnlyError(why)
    return str(tree[1].name).replace("Query", "").upper()


def own_positions(message: str, shift: int) -> str:
    """An rdflib parse error's char and line counted in the query as written, not after the one
    line of ``shift`` characters that ``with_prefixes`` put before it."""
    message = re.sub(r"\(at char (\d+)\)", lambda m: f"(at char {max(0, int(m[1]) - shift)})", message)
    return re.sub(r"\(line:(\d+),", lambda m: f"(line:{max(1, int(m[1]) - 1)},", message)


def _is_update(text: str) -> bool:
    """Whether ``text`` parses as an update with at least one operation (prefixes, spaces and
    comments alone parse as an empty update: they are no query, not a forbidden one)."""
    try:
        with _PARSE_LOCK:
            update = parseUpdate(text)
    except Exception:  # noqa: BLE001 - any parse error: not an update
        return False
    return "request" in update.keys()


_XSD = "http://www.w3.org/2001/XMLSchema#"


def _forbidden(tree: ParseResults) -> str:
    """Why a parsed query may not run ("" when it may): a SERVICE anywhere, FROM, or a call to a
    function outside SPARQL's own and the XSD casts (a store's extensions, such as Virtuoso's
    ``bif:`` and ``sql:``, can reach files, SQL or the network). An explicit stack: no
    recursion limit."""
    prefixes = {str(d.get("prefix", "")): str(d["iri"]) for d in tree[0] if d.name == "PrefixDecl"}
    stack: list[object] = [tree[1]]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return "SERVICE is not allowed: kgraph queries never reach other hosts"
            if item.name == "DatasetClause":  # rdflib fetches a FROM IRI it does not hold
                return "FROM and FROM NAMED are not allowed: queries see the union of the graphs"
            if item.name == "Function" and not _function_iri(item["iri"], prefixes).startswith(_XSD):
                return "extension functions are not allowed: only SPARQL's own functions and XSD casts"
            stack.extend(item.values())
        elif isinstance(item, ParseResults | list | tuple):
            stack.extend(item)
    return ""


def _function_iri(iri: object, prefixes: dict[str, str]) -> str:
    """A function's IRI as written, a prefixed name expanded ("" for a prefix not declared)."""
    if isinstance(iri, CompValue) and iri.name == "pname":
        base = prefixes.get(str(iri["prefix"]) if "prefix" in iri else "")
        return "" if base is None else base + str(iri["localname"] if "localname" in iri else "")
    return str(iri)


def with_prefixes(text: str) -> str:
    """Prepend kgraph's prefixes the query does not declare itself, on one line."""
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, re.I)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p.lower() not in declared]
    # one line of prefixes (error positions: see own_positions)
    return " ".join(lines) + "\n" + text


def resolve_query(query: str | None, file: str | None) -> str:
    """The SPARQL text from an inline query, a ready-made query name or a file."""
    if file:
        path = Path(file)
        if not path.is_file():
            raise QueryError(f"{file}: no such query file")
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            why = "is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror
            raise QueryError(f"{file}: cannot be read as a query: {why} (save it as UTF-8 text)") from None
    if not query or not query.strip():
        raise QueryError("give a query, a ready-made query name, or --file Q.rq")
    named = ready_queries()
    if query in named:
        return named[query]
    if re.fullmatch(r"[\w-]+", query):
        raise QueryError(f"no ready-made query named {query!r} (known: {', '.join(named)})")
    return query


@dataclass
class Table:
    """Rows of a SELECT, the boolean of an ASK, or the graph of a CONSTRUCT/DESCRIBE.

    ``rows`` holds each value's text ("" when unbound); ``terms`` the same values as RDF
    terms (``None`` when unbound), which the SPARQL result formats need. ``truncated``
    says a result-size limit cut the rows short.
    """

    columns: list[str]
    rows: list[list[str]]
    boolean: bool | None = None
    graph: Graph | None = None
    terms: list[list[Node | None]] = field(default_factory=list)
    truncated: bool = False
    #: makes ``terms`` on first use, for stores whose rows come cheaper as text (Oxigraph)
    term_source: Callable[[], list[list[Node | None]]] | None = None

    def all_terms(self) -> list[list[Node | None]]:
        """``terms``, made now from ``term_source`` when the store left them for later."""
        if not self.terms and self.term_source is not None:
            self.terms = self.term_source()
            self.term_source = None
        return self.terms


def table_of_boolean(answer: bool) -> Table:
    """The table of an ASK answer."""
    return Table(["ask"], [[str(answer).lower()]], boolean=answer, terms=[[Literal(answer)]])


Value = TypeVar("Value")


def first_rows(solutions: Iterable[Iterable[Value]], max_rows: int | None) -> tuple[list[list[Value]], bool]:
    """The solutions as lists, only the first ``max_rows`` when given, and whether any were cut."""
    rows: list[list[Value]] = []
    for solution in solutions:
        if max_rows is not None and len(rows) >= max_rows:
            return rows, True
        rows.append(list(solution))
    return rows, False


def table_of_solutions(
    columns: list[str], solutions: Iterable[Sequence[Node | None]], max_rows: int | None = None
) -> Table:
    """The table of SELECT solutions, cut at ``max_rows`` rows when given."""
    terms, truncated = first_rows(solutions, max_rows)
    rows = [["" if value is None else str(value) for value in row] for row in terms]
    return Table(columns, rows, terms=terms, truncated=truncated)


def table_of_triples(triples: Iterable[tuple[Node, Node, Node]], max_rows: int | None = None) -> Table:
    """The table of a CONSTRUCT/DESCRIBE result: its graph, and its triples sorted as rows."""
    out = Graph()
    bind_prefixes(out)
    truncated = False
    for triple in triples:
        if max_rows is not None and len(out) >= max_rows:
            truncated = True
            break
        out.add(triple)
    ordered = sorted(out, key=lambda t: tuple(str(x) for x in t))
    rows = [[str(x) for x in triple] for triple in ordered]
    terms: list[list[Node | None]] = [list(triple) for triple in ordered]
    return Table(["subject", "predicate", "object"], rows, graph=out, terms=terms, truncated=truncated)


def run_query(graph: Graph, text: str, max_rows: int | None = None) -> Table:
    """Run a read-only query over an rdflib graph (a ``Dataset`` sees the union of its graphs)."""
    check_read_only(text)
    try:
        with _PARSE_LOCK:
            prepared = translateQuery(parseQuery(with_prefixes(text)))
        result: Result = graph.query(prepared)
        if result.type == "ASK":
            return table_of_boolean(bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return table_of_triples(result, max_rows)  # type: ignore[arg-type]
        columns = [str(v) for v in (result.vars or [])]
        return table_of_solutions(columns, result, max_rows)  # type: ignore[arg-type]
    except QueryError:
        raise
    except Exception as error:  # pyparsing and rdflib errors: a bad query
        raise QueryError(f"bad SPARQL: {first_line(error)}") from None


def first_line(error: BaseException) -> str:
    """The first line of an error message, short enough for one line of output."""
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:300]


def format_table(table: Table, fmt: str = "table") -> str:
    if fmt == "json":
        if table.boolean is not None:
            return json.dumps({"boolean": table.boolean})
        records = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        return json.dumps(records, ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        return buffer.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r} (use table, csv or json)")
    short = [[_shorten(cell) for cell in row] for row in table.rows]
    widths = [len(c) for c in table.columns]
    for row in short:
        widths = [max(w, min(len(cell), 80)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(cell[:80].ljust(w) for cell, w in zip(row, widths, strict=True)) for row in short]
    lines.append(f"({len(table.rows)} rows)")
    return "\n".join(lines)


def _shorten(value: str) -> str:
    for prefix, iri in PREFIXES.items():
        if value.startswith(iri):
            return f"{prefix}:{value[len(iri) :]}"
    return value
