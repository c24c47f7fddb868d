"""Stores: rdflib in memory and Oxigraph give the same answers; replacing a graph leaves nothing stale."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, SEED
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, SKOS

from kgraph.cli import main
from kgraph.errors import InputError, QueryError
from kgraph.lines import SHARED_GRAPH
from kgraph.store import (
    MemoryStore,
    OxigraphStore,
    Store,
    group_by_article,
    load_graph,
    open_store,
    read_dataset,
)

query_module = importlib.import_module("kgraph.sparql")  # the package's ``query`` is the API function
READY = query_module.ready_queries()
SAMPLE = DATA / "store_sample.trig"
RES = "https://w3id.org/kgraph/resource/"
A1, A2 = URIRef(RES + "article/a1"), URIRef(RES + "article/a2")
TINH_UY = URIRef(RES + "body/tinh-uy")


@pytest.fixture(params=["memory", "oxigraph-disk", "oxigraph-memory", "oxigraph-union-copy"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "oxigraph-union-copy":  # the union kept as a set in the default graph
        with open_store(f"oxigraph:{tmp_path / 'ox'}", union_copy=True) as opened:
            yield opened
        return
    spec = {
        "memory": "memory",
        "oxigraph-disk": f"oxigraph:{tmp_path / 'ox'}",
        "oxigraph-memory": "oxigraph:",
    }
    with open_store(spec[request.param]) as opened:
        yield opened


@pytest.fixture(scope="module")
def sample_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store]]:
    memory = open_store(SAMPLE)
    oxigraph = open_store(f"oxigraph:{tmp_path_factory.mktemp('ox') / 'store'}")
    oxigraph.load_file(SAMPLE)
    yield memory, oxigraph
    oxigraph.close()


@pytest.mark.parametrize("name", sorted(READY))
def test_ready_queries_same_rows_from_rdflib_and_oxigraph(
    name: str, sample_stores: tuple[Store, Store]
) -> None:
    memory, oxigraph = sample_stores
    expected = query_module.run_query(load_graph(SAMPLE), READY[name])  # what `kgraph query FILE` gives
    assert expected.rows, f"the sample graph should give {name} some rows"
    with open_store("oxigraph:", union_copy=True) as copy:
        copy.load_file(SAMPLE)
        assert copy.query(READY[name]).rows == expected.rows
    for store in (memory, oxigraph):
        table = store.query(READY[name])
        assert table.columns == expected.columns
        assert table.rows == expected.rows, f"{store.spec}: {name}"


def test_seed_graph_same_in_every_store(seed_result, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    graph = seed_result.union()
    with open_store(f"oxigraph:{tmp_path / 'ox'}") as oxigraph:
        memory = open_store("memory")
        assert memory.load_dataset(seed_result.dataset) == oxigraph.load_dataset(seed_result.dataset)
        assert memory.graph_names() == oxigraph.graph_names()
        for text in [*READY.values(), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]:
            expected = query_module.run_query(graph, text)
            assert memory.query(text).rows == expected.rows
            assert oxigraph.query(text).rows == expected.rows
        everything = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        got = oxigraph.query(everything).graph
        assert got is not None and isomorphic(got, graph)


def test_replace_graph_leaves_no_stale_triple(store: Store) -> None:
    dataset = read_dataset(SAMPLE)
    store.load_dataset(dataset)
    before = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    # an edited article a1: one triple kept, one new, all others gone
    label = (TINH_UY, SKOS.prefLabel, Literal("Tỉnh ủy Bình Dương", lang="vi"))
    new = (TINH_UY, RDFS.comment, Literal("sửa"))
    assert store.replace_graph(A1, [label, new]) == 2
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{A1}> {{ ?s ?p ?o }} }} ORDER BY ?p").rows
    assert rows == [[str(x) for x in new], [str(x) for x in label]]
    assert store.query("ASK { ?s kg:directs ?o }").boolean is False  # a1's relation is gone
    a2 = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{A2}> {{ ?s ?p ?o }} }}").rows
    assert a2 == [[str(len(dataset.graph(A2)))]]  # the other article is untouched
    # loading the same data again gives what a fresh load gave: no duplicates
    store.load_dataset(dataset)
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows == before
    store.drop_graph(A2)
    assert A2 not in store.graph_names() and A1 in store.graph_names()


def test_queries_see_the_union_and_every_result_form(store: Store) -> None:
    store.load_file(SAMPLE)
    assert store.query("ASK { ?d kg:issuedBy ?b }").boolean is True
    assert store.query("ASK { ?d kg:issuedBy ?d }").boolean is False
    table = store.query("CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s skos:prefLabel ?l ; a ?c }")
    label = (TINH_UY, SKOS.prefLabel, Literal("Tỉnh ủy Bình Dương", lang="vi"))
    assert table.graph is not None and label in table.graph
    described = store.query(f"DESCRIBE <{TINH_UY}>")
    assert described.graph is not None and len(described.graph) > 0
    typed = store.query("SELECT ?date WHERE { ?d kg:issuedOn ?date }")
    assert typed.rows == [["2012-01-16"]] and typed.all_terms()[0][0] == Literal(
        "2012-01-16", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )


def test_max_rows_truncates(store: Store) -> None:
    store.load_file(SAMPLE)
    table = store.query("SELECT ?s WHERE { ?s ?p ?o }", max_rows=3)
    assert len(table.rows) == 3 and table.truncated
    assert not store.query("SELECT ?s WHERE { ?s kg:issuedBy ?o }", max_rows=3).truncated


@pytest.mark.parametrize(
    "text",
    [
        "DELETE WHERE { ?s ?p ?o }",  # update
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",  # update
        "LOAD <http://example.org/x.ttl>",  # fetches from the network
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",  # federated
    ],
)
def test_stores_refuse_updates(store: Store, text: str) -> None:
    with pytest.raises(QueryError):
        store.query(text)


def test_bad_sparql_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="bad SPARQL"):
        store.query("SELECT WHERE {")


def test_oxigraph_store_persists_and_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ox"
    with open_store(f"oxigraph:{path}") as store:
        store.load_file(SAMPLE)
    with (
        open_store(f"oxigraph:{path}", read_only=True) as first,
        open_store(f"oxigraph:{path}", read_only=True) as second,
    ):
        assert first.graph_names() == second.graph_names() == [A1, A2, URIRef(SHARED_GRAPH)]
        assert isinstance(first, OxigraphStore) and len(first) == 81


def test_read_only_missing_store_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no Oxigraph store"):
        open_store(f"oxigraph:{tmp_path / 'nothing'}", read_only=True)


def test_open_store_specs(tmp_path: Path) -> None:
    assert isinstance(open_store("memory"), MemoryStore)
    assert isinstance(open_store(SAMPLE), MemoryStore)
    with pytest.raises(InputError):
        open_store(tmp_path)  # a folder is not a graph file


def test_turtle_is_split_back_into_article_graphs() -> None:
    dataset = read_dataset(SAMPLE)
    grouped = group_by_article(load_graph(SAMPLE))
    for article in (A1, A2):
        original, split = set(dataset.graph(article)), set(grouped.graph(article))
        assert original == split
    # the default graph's ontology axioms go to the shared graph, as a build writes them
    shared = set(grouped.graph(URIRef(SHARED_GRAPH)))
    assert shared == set(dataset.default_context) and shared
    assert all(p == RDFS.subClassOf for _, p, _ in shared)


def test_cli_query_gives_the_same_rows_from_a_file_and_oxigraph(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ox"
    with open_store(f"oxigraph:{path}") as store:
        store.load_file(SAMPLE)
    for name in READY:
        assert main(["query", str(SAMPLE), name, "--format", "csv"]) == 0
        from_file = capsys.readouterr().out
        assert main(["query", f"oxigraph:{path}", name, "--format", "csv"]) == 0
        assert capsys.readouterr().out == from_file, name
    assert main(["query", f"oxigraph:{tmp_path / 'missing'}", "structure"]) == 1
    assert "no Oxigraph store" in capsys.readouterr().err


def test_cli_query_builds_then_queries_oxigraph(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["build", str(SEED), "--out", str(tmp_path), "--quiet", "--no-html"]) == 0
    with open_store(f"oxigraph:{tmp_path / 'ox'}") as store:
        store.load_file(tmp_path / "graph.trig")
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert main(["query", str(tmp_path / "graph.trig"), query, "--format", "csv"]) == 0
    expected = capsys.readouterr().out
    assert main(["query", f"oxigraph:{tmp_path / 'ox'}", query, "--format", "csv"]) == 0
    assert capsys.readouterr().out == expected


def test_union_copy_is_kept_and_used_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "ox"
    with open_store(f"oxigraph:{path}", union_copy=True) as store:
        store.load_file(SAMPLE)
        store.replace_graph(A2, [])  # the copy follows the writes
    mentioned = f"SELECT ?s WHERE {{ ?s kg:mentionedIn <{A1}> }}"
    expected = query_module.run_query(load_graph(SAMPLE), mentioned)
    with open_store(f"oxigraph:{path}", read_only=True) as reader:
        assert isinstance(reader, OxigraphStore) and reader.union_copy
        assert reader.query("ASK { ?s kg:organizes ?o }").boolean is False  # only a2 said so
        got = reader.query(mentioned)
        assert sorted(got.rows) == sorted(expected.rows) and len(got.rows) == 5


def test_stores_come_from_a_registry_without_an_import_circle(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    from kgraph import store as store_module

    class Probe(MemoryStore):
        @classmethod
        def from_spec(cls, spec: str, rest: str, options: dict[str, object]) -> Store:
            opened = cls(spec=spec)
            opened.rest = rest  # type: ignore[attr-defined]
            return opened

    monkeypatch.setitem(store_module.STORES, "probe:", Probe)
    opened = open_store("probe:here")
    assert isinstance(opened, Probe) and opened.rest == "here"  # type: ignore[attr-defined]
    # the remote store does not need kgraph.store (which lists it): no circle
    code = "import sys, kgraph.remote; assert 'kgraph.store' not in sys.modules, 'circle'"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_result_is_cut_at_its_row_limit_the_same_way_in_every_store() -> None:
    from kgraph.sparql import first_rows

    solutions = [("a", None), ("b", "c"), ("d", "e")]
    assert first_rows(solutions, 2) == ([["a", None], ["b", "c"]], True)
    assert first_rows(solutions, 3) == ([["a", None], ["b", "c"], ["d", "e"]], False)
    assert first_rows(iter(solutions), None) == ([["a", None], ["b", "c"], ["d", "e"]], False)
    assert first_rows([], 0) == ([], False)
