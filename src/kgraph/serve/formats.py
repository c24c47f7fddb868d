"""Result formats of the endpoint: content negotiation and writers well-formed for any data.

SELECT/ASK results: SPARQL JSON, XML, CSV or TSV. CONSTRUCT/DESCRIBE: Turtle, JSON-LD,
N-Triples or RDF/XML. Any IRI or literal comes out well-formed: IRIs with spaces or other
characters IRIs may not hold are written with ``\\uXXXX`` escapes (Turtle, N-Triples, TSV),
and characters XML 1.0 cannot carry at all (most control characters) become U+FFFD in the
XML formats only.
"""

from __future__ import annotations

import csv
import io
import json
import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError
from ..namespaces import PREFIXES
from ..sparql import Table

RESULT_TYPES = {  # media type -> writer name, for SELECT and ASK
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {  # media type -> writer name, for CONSTRUCT and DESCRIBE
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
}
MEDIA_OF = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
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
    "rdfxml": "rdfxml",
    "rdf": "rdfxml",
}
_GRAPH_WRITERS = {"turtle", "json-ld", "nt", "rdfxml"}


def _from_param(format_param: str, graph_result: bool) -> str | None:
    types = GRAPH_TYPES if graph_result else RESULT_TYPES
    name = FORMAT_PARAM.get(format_param.lower()) or types.get(format_param.lower())
    if name is None:
        return None
    if graph_result and name in ("json", "xml"):
        return "json-ld" if name == "json" else "rdfxml"
    return name if (name in _GRAPH_WRITERS) == graph_result else None


def negotiate(accept: str, graph_result: bool, format_param: str = "") -> str | None:
    """The writer for a result (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``, ``json-ld``,
    ``nt``, ``rdfxml``); None: nothing acceptable (406)."""
    if format_param:
        return _from_param(format_param, graph_result)
    types = GRAPH_TYPES if graph_result else RESULT_TYPES
    default = "turtle" if graph_result else "json"
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


# --- well-formed terms ---------------------------------------------------------------------

#: Characters XML 1.0 cannot hold, even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_IRI_FORBIDDEN = re.compile('[\x00-\x20<>"{}|^`\\\\\x7f-\x9f]')
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_LITERAL_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f]')


def xml_text(text: str) -> str:
    """``text`` escaped for XML, characters XML cannot carry replaced by U+FFFD."""
    text = _NOT_XML.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _unicode_escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def iri_text(iri: str) -> str:
    """An IRI between ``<>`` in N-Triples/Turtle: forbidden characters as ``\\uXXXX``."""
    return "<" + _IRI_FORBIDDEN.sub(lambda m: _unicode_escape(m[0]), iri) + ">"


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax, well-formed whatever its characters."""
    if isinstance(term, URIRef):
        return iri_text(str(term))
    if isinstance(term, BNode):
        return "_:b" + re.sub(r"[^A-Za-z0-9_]", "_", str(term))
    if isinstance(term, Literal):
        body = _LITERAL_ESCAPE.sub(lambda m: _ECHAR.get(m[0]) or _unicode_escape(m[0]), str(term))
        if term.language:
            return f'"{body}"@{term.language}'
        if term.datatype:
            return f'"{body}"^^{iri_text(str(term.datatype))}'
        return f'"{body}"'
    raise QueryError(f"cannot write the RDF term {term!r}")


# --- SELECT and ASK ------------------------------------------------------------------------


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
        return f"<uri>{xml_text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{xml_text(str(term))}</bnode>"
    attribute = ""
    if isinstance(term, Literal) and term.language:
        attribute = f' xml:lang="{xml_text(term.language)}"'
    elif isinstance(term, Literal) and term.datatype:
        attribute = f' datatype="{xml_text(str(term.datatype))}"'
    return f"<literal{attribute}>{xml_text(str(term))}</literal>"


def _write_json(table: Table) -> bytes:
    if table.boolean is not None:
        return json.dumps({"head": {}, "boolean": table.boolean}).encode("utf-8")
    bindings = [
        {c: _json_term(t) for c, t in zip(table.columns, row, strict=True) if t is not None}
        for row in table.all_terms()
    ]
    doc = {"head": {"vars": table.columns}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _write_xml(table: Table) -> bytes:
    lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if table.boolean is not None:
        lines += ["</head>", f"<boolean>{str(table.boolean).lower()}</boolean>", "</sparql>"]
        return "\n".join(lines).encode("utf-8")
    lines += [f'<variable name="{xml_text(c)}"/>' for c in table.columns]
    lines += ["</head>", "<results>"]
    for row in table.all_terms():
        lines.append("<result>")
        lines += [
            f'<binding name="{xml_text(c)}">{_xml_term(t)}</binding>'
            for c, t in zip(table.columns, row, strict=True)
            if t is not None
        ]
        lines.append("</result>")
    lines += ["</results>", "</sparql>"]
    return "\n".join(lines).encode("utf-8", "replace")


def write_results(table: Table, writer: str) -> bytes:
    """A SELECT or ASK table in a SPARQL results format (json, xml, csv, tsv)."""
    if writer == "json":
        return _write_json(table)
    if writer == "xml":
        return _write_xml(table)
    if writer == "csv":
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\r\n")
        out.writerow(table.columns)
        out.writerows(table.rows)
        return buffer.getvalue().encode("utf-8", "replace")
    if writer == "tsv":
        lines = ["\t".join(f"?{c}" for c in table.columns)]
        lines += ["\t".join("" if t is None else nt_term(t) for t in row) for row in table.all_terms()]
        return ("\n".join(lines) + "\n").encode("utf-8", "replace")
    raise QueryError(f"unknown result format {writer!r}")


# --- CONSTRUCT and DESCRIBE ----------------------------------------------------------------


def _clean(graph: Graph) -> bool:
    """Whether rdflib's own serializers write ``graph`` well-formed (no odd IRI, no control character)."""
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and _IRI_FORBIDDEN.search(str(term)):
                return False
            if isinstance(term, Literal) and _NOT_XML.search(str(term)):
                return False
    return True


def write_graph(table: Table, writer: str) -> bytes:
    """A CONSTRUCT/DESCRIBE result in Turtle, JSON-LD, N-Triples or RDF/XML, well-formed for any data."""
    graph = table.graph
    assert graph is not None
    if writer == "nt" or (writer == "turtle" and not _clean(graph)):
        lines = sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in graph)
        return "".join(lines).encode("utf-8", "replace")  # N-Triples is Turtle too
    if writer == "rdfxml" and not _clean(graph):
        safe = Graph()
        for prefix, iri in PREFIXES.items():
            safe.bind(prefix, iri)
        for triple in graph:
            safe.add(tuple(_xml_safe(t) for t in triple))  # type: ignore[arg-type]
        graph = safe
    rdf_format = "xml" if writer == "rdfxml" else writer
    return graph.serialize(format=rdf_format, encoding="utf-8")


def _xml_safe(term: Node) -> Node:
    if isinstance(term, URIRef):
        return URIRef(_IRI_FORBIDDEN.sub(lambda m: "%" + "%".join(f"{b:02X}" for b in m[0].encode()), term))
    if isinstance(term, Literal):
        return Literal(_NOT_XML.sub("\ufffd", str(term)), lang=term.language, datatype=term.datatype)
    return term
