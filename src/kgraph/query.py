"""Run SPARQL over a built graph, with kgraph's prefixes predeclared.

Queries are read-only: SPARQL Update, ``LOAD`` and ``SERVICE`` are refused before
anything runs. Ready-made queries live in ``kgraph/queries/NAME.rq`` and run by name.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from .errors import QueryError
from .namespaces import PREFIXES

_UPDATE = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b(?=[^\"'<>]*(\{|\bDATA\b|\bWHERE\b|<|\bGRAPH\b|\bSILENT\b|\bALL\b|\bDEFAULT\b|\bNAMED\b))",
    re.I,
)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)


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


def _strip_strings(text: str) -> str:
    text = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', '""', text)
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', text)
    text = re.sub(r"<[^<>\s]*>", "<>", text)
    return re.sub(r"#[^\n]*", "", text)


def check_read_only(text: str) -> None:
    """Raise ``QueryError`` for updates, LOAD and SERVICE."""
    code = _strip_strings(text)
    if _SERVICE.search(code):
        raise QueryError("SERVICE is not allowed: kgraph queries never reach other hosts")
    if _UPDATE.search(code):
        raise QueryError("SPARQL Update and LOAD are not allowed: queries are read-only")


def with_prefixes(text: str) -> str:
    """Prepend kgraph's prefixes the query does not declare itself."""
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, re.I)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p.lower() not in declared]
    return "\n".join(lines) + "\n" + text


def resolve_query(query: str | None, file: str | None) -> str:
    """The SPARQL text from an inline query, a ready-made query name or a file."""
    if file:
        path = Path(file)
        if not path.is_file():
            raise QueryError(f"{file}: no such query file")
        return path.read_text(encoding="utf-8")
    if not query:
        raise QueryError("give a query, a ready-made query name, or --file Q.rq")
    named = ready_queries()
    if query in named:
        return named[query]
    if re.fullmatch(r"[\w-]+", query):
        raise QueryError(f"no ready-made query named {query!r} (known: {', '.join(named)})")
    return query


@dataclass
class Table:
    """Rows of a SELECT, the boolean of an ASK, or the graph of a CONSTRUCT/DESCRIBE."""

    columns: list[str]
    rows: list[list[str]]
    boolean: bool | None = None
    graph: Graph | None = None


def run_query(graph: Graph, text: str) -> Table:
    check_read_only(text)
    try:
        result: Result = graph.query(with_prefixes(text))
    except Exception as error:  # pyparsing and rdflib errors: a bad query
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise QueryError(f"bad SPARQL: {first[:300]}") from None
    if result.type == "ASK":
        return Table(["ask"], [[str(bool(result.askAnswer)).lower()]], boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = Graph()
        for triple in result:
            out.add(triple)  # type: ignore[arg-type]
        rows = sorted([[str(t) for t in triple] for triple in out])  # type: ignore[union-attr]
        return Table(["subject", "predicate", "object"], rows, graph=out)
    columns = [str(v) for v in (result.vars or [])]
    rows = [["" if value is None else str(value) for value in row] for row in result]  # type: ignore[union-attr]
    return Table(columns, rows)


def format_table(table: Table, fmt: str = "table") -> str:
    if fmt == "json":
        if table.boolean is not None:
            return json.dumps({"boolean": table.boolean})
        return json.dumps([dict(zip(table.columns, row)) for row in table.rows], ensure_ascii=False, indent=1)
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
        widths = [max(w, min(len(cell), 80)) for w, cell in zip(widths, row)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(cell[:80].ljust(w) for cell, w in zip(row, widths)) for row in short]
    lines.append(f"({len(table.rows)} rows)")
    return "\n".join(lines)


def _shorten(value: str) -> str:
    for prefix, iri in PREFIXES.items():
        if value.startswith(iri):
            return f"{prefix}:{value[len(iri):]}"
    return value
