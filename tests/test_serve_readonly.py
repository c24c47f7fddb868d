"""The read-only check of ``kgraph query`` and ``kgraph serve``: decided by parsing (issue 15)."""

from __future__ import annotations

import pytest

from kgraph.errors import QueryError
from kgraph.serve import NETWORK_QUERY
from kgraph.sparql import ReadOnlyError, check_read_only, query_form, ready_queries

REFUSED = [
    '# """\nDELETE { GRAPH ?g { ?s ?p ?o } }\n# """\nWHERE { GRAPH ?g { ?s ?p ?o } }',
    "# '''\ninsert data { <urn:a> <urn:b> <urn:c> }\n# '''",
    "LOAD <http://127.0.0.1:9/x>",
    "clear all",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    "ASK { FILTER NOT EXISTS { sErViCe silent ?endpoint { ?s ?p ?o } } }",
    "SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }",
    'SELECT (bif:exec("DELETE FROM DB.DBA.RDF_QUAD") AS ?x) {}',
    'SELECT ?x { BIND(<bif:file_to_string>("/etc/passwd") AS ?x) }',
    'PREFIX xsd: <bif:> SELECT ?x { BIND(xsd:exec("x") AS ?x) }',
]


@pytest.mark.parametrize("text", REFUSED)
def test_updates_service_from_and_extension_functions_are_refused(text: str) -> None:
    with pytest.raises(ReadOnlyError):
        check_read_only(text)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ('SELECT ("SERVICE DELETE LOAD" AS ?x) WHERE { ?s ?p ?o } # INSERT DATA', "SELECT"),
        ('ASK { ?s ?p "DROP ALL" }', "ASK"),
        ('SELECT ?y { BIND(xsd:integer("1") AS ?y) }', "SELECT"),
        ("construct where { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <urn:a>", "DESCRIBE"),
    ],
)
def test_read_only_queries_pass_whatever_their_strings_and_comments_hold(text: str, form: str) -> None:
    check_read_only(text)
    assert query_form(text) == form


def test_a_query_with_an_update_after_it_is_refused() -> None:
    with pytest.raises(QueryError):  # neither a query nor an update: bad SPARQL, never run
        check_read_only('SELECT * WHERE { ?s ?p "#" } # """\nDROP ALL')


def test_ready_made_queries_pass() -> None:
    for text in [*ready_queries().values(), NETWORK_QUERY]:
        check_read_only(text)


def test_bad_sparql_is_a_query_error_at_the_querys_own_line() -> None:
    with pytest.raises(QueryError) as error:
        check_read_only("SELECT *\nWHERE {\n  ?s ?p\n}")
    assert not isinstance(error.value, ReadOnlyError) and "(line:3, col:3)" in str(error.value)


def test_a_long_junk_query_is_refused_quickly() -> None:
    import time

    started = time.monotonic()
    with pytest.raises(QueryError):
        check_read_only("a" * 50_000)
    assert time.monotonic() - started < 2
