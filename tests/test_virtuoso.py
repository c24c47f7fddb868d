"""Push to a real OpenLink Virtuoso and query it: same rows as the local graph, no duplicates.

Needs a throwaway Virtuoso (its kgraph graphs are dropped between tests): ``.ci/run``
starts one with ``.ci/virtuoso.sh`` and sets ``KGRAPH_VIRTUOSO_URL`` (and
``KGRAPH_VIRTUOSO_USER``/``KGRAPH_VIRTUOSO_PASSWORD``, default dba/dba). Without it the
tests skip, except under CI, where a missing Virtuoso is a failure.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA
from rdflib import Dataset, URIRef

from kgraph.cli import main
from kgraph.remote import RemoteStoreError, SparqlStore, push
from kgraph.store import article_graphs, load_graph, open_store, read_dataset

query_module = importlib.import_module("kgraph.sparql")
READY = query_module.ready_queries()
SAMPLE = DATA / "store_sample.trig"
RES = "https://w3id.org/kgraph/resource/"

BASE = os.environ.get("KGRAPH_VIRTUOSO_URL", "").rstrip("/")
USER = os.environ.get("KGRAPH_VIRTUOSO_USER", "dba")
PASSWORD = os.environ.get("KGRAPH_VIRTUOSO_PASSWORD", "dba")

if not BASE:
    if os.environ.get("CI"):
        pytest.fail("CI must run the Virtuoso tests: .ci/run starts Virtuoso and sets KGRAPH_VIRTUOSO_URL")
    pytest.skip("no Virtuoso (set KGRAPH_VIRTUOSO_URL, see .ci/virtuoso.sh)", allow_module_level=True)

pytestmark = pytest.mark.xdist_group("virtuoso")  # one store: its tests run on one worker

ENDPOINT = f"{BASE}/sparql-auth"  # SPARQL Update with Digest authentication
GRAPH_STORE = f"{BASE}/sparql-graph-crud-auth"  # Graph Store Protocol with Digest authentication
READ = f"{BASE}/sparql"  # anonymous, read-only


@pytest.fixture
def virtuoso() -> Iterator[SparqlStore]:
    """The store, emptied of kgraph's graphs before and after the test."""
    store = SparqlStore(ENDPOINT, user=USER, password=PASSWORD)

    def clean() -> None:
        for name in store.graph_names():
            if name.startswith(RES):
                store.drop_graph(name)

    clean()
    yield store
    clean()
    store.close()


@pytest.fixture(scope="module")
def seed_trig(seed_result, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("seed") / "graph.trig"
    path.write_bytes(seed_result.dataset.serialize(format="trig", encoding="utf-8"))
    return path


def counts_by_graph(store: SparqlStore) -> dict[str, str]:
    text = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    return {g: n for g, n in store.query(text).rows if g.startswith(RES)}


def local_counts(dataset: Dataset) -> dict[str, str]:
    return {str(name): str(len(triples)) for name, triples in article_graphs(dataset)}


@pytest.mark.parametrize("graph_store", [GRAPH_STORE, None], ids=["graph-store-protocol", "sparql-update"])
def test_push_seed_then_ready_queries_match_local(
    virtuoso: SparqlStore, seed_trig: Path, graph_store: str | None
) -> None:
    report = push(seed_trig, ENDPOINT, user=USER, password=PASSWORD, graph_store=graph_store)
    dataset = read_dataset(seed_trig)
    assert report.triples == sum(len(t) for _, t in article_graphs(dataset)) > 0
    assert counts_by_graph(virtuoso) == local_counts(dataset)
    local = load_graph(seed_trig)
    with SparqlStore(READ) as reader:
        for name, text in READY.items():
            expected = query_module.run_query(local, text)
            got = reader.query(text)
            assert got.columns == expected.columns, name
            assert sorted(got.rows) == sorted(expected.rows), name


@pytest.mark.parametrize("name", sorted(READY))
def test_ready_queries_on_virtuoso_match_rdflib_and_oxigraph(virtuoso: SparqlStore, name: str) -> None:
    virtuoso.load_file(SAMPLE)
    expected = query_module.run_query(load_graph(SAMPLE), READY[name])
    assert expected.rows
    with open_store("oxigraph:") as oxigraph:
        oxigraph.load_file(SAMPLE)
        assert oxigraph.query(READY[name]).rows == expected.rows
    assert virtuoso.query(READY[name]).rows == expected.rows


@pytest.mark.parametrize("graph_store", [GRAPH_STORE, None], ids=["graph-store-protocol", "sparql-update"])
def test_repush_replaces_no_duplicates_no_stale(
    virtuoso: SparqlStore, tmp_path: Path, graph_store: str | None
) -> None:
    dataset = read_dataset(SAMPLE)
    for _ in range(2):
        push(SAMPLE, ENDPOINT, user=USER, password=PASSWORD, graph_store=graph_store)
    assert counts_by_graph(virtuoso) == local_counts(dataset)
    # only kgraph's graphs are listed (Virtuoso's own system graphs are not a writer's to drop)
    assert [str(g) for g in virtuoso.graph_names()] == sorted(local_counts(dataset))
    # article a1 edited: it lost its relation and its membership
    edited = Dataset()
    a1 = URIRef(RES + "article/a1")
    for s, p, o in dataset.graph(a1):
        if "directs" not in str(p) and "membership" not in str(s):
            edited.graph(a1).add((s, p, o))
    path = tmp_path / "edited.trig"
    path.write_bytes(edited.serialize(format="trig", encoding="utf-8"))
    report = push(path, ENDPOINT, user=USER, password=PASSWORD, graph_store=graph_store)
    counts = counts_by_graph(virtuoso)
    assert int(counts[str(a1)]) == len(edited.graph(a1)) < len(dataset.graph(a1))
    # the store mirrors the file pushed: the graphs it does not have are dropped
    assert list(counts) == [str(a1)] and report.dropped == 2
    assert virtuoso.query("ASK { ?s kg:directs ?o }").boolean is False


def test_cli_push_and_bad_password(virtuoso: SparqlStore, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["push", str(SAMPLE), "--endpoint", ENDPOINT, "--graph-store", GRAPH_STORE, "--user", USER]
    assert main([*args, "--password", PASSWORD]) == 0
    assert "pushed 3 graphs, 81 triples" in capsys.readouterr().out
    assert virtuoso.query("ASK { ?d kg:issuedBy ?b }").boolean is True
    assert main([*args, "--password", "wrong"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "HTTP 401" in err[0]


def test_anonymous_endpoint_cannot_write() -> None:
    with SparqlStore(READ) as reader, pytest.raises(RemoteStoreError):
        reader.replace_graph(URIRef(RES + "article/x"), [])


def test_query_through_sparql_spec(virtuoso: SparqlStore, capsys) -> None:  # type: ignore[no-untyped-def]
    virtuoso.load_file(SAMPLE)
    assert main(["query", f"sparql:{READ}", "structure", "--format", "csv"]) == 0
    assert "Ban Tuyên giáo Tỉnh ủy,Tỉnh ủy Bình Dương" in capsys.readouterr().out


def test_push_failures_are_one_line(virtuoso: SparqlStore, capsys) -> None:  # type: ignore[no-untyped-def]
    """A wrong path, and the Graph Store URL given as the endpoint (Virtuoso accepts the
    request, stores something else, and a push once said "pushed 2 graphs")."""
    for endpoint in (GRAPH_STORE, f"{BASE}/no-such-endpoint"):
        argv = ["push", str(SAMPLE), "--endpoint", endpoint, "--user", USER, "--password", PASSWORD]
        assert main(argv) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "not a SPARQL endpoint" in err[0] and endpoint in err[0], err
    assert counts_by_graph(virtuoso) == {}


def test_push_reads_back_each_graph(virtuoso: SparqlStore, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """A store that answers 200 but keeps nothing of one graph: exit 1, naming it and both counts."""
    a2 = RES + "article/a2"
    send = SparqlStore.update

    def lossy(self: SparqlStore, text: str) -> None:
        send(self, text.replace(f"INSERT DATA {{ GRAPH <{a2}>", "INSERT DATA { GRAPH <urn:elsewhere>"))

    monkeypatch.setattr(SparqlStore, "update", lossy)
    argv = ["push", str(SAMPLE), "--endpoint", ENDPOINT, "--user", USER, "--password", PASSWORD, "--quiet"]
    try:
        assert main(argv) == 1
    finally:
        monkeypatch.undo()
        virtuoso.update("DROP SILENT GRAPH <urn:elsewhere>")
    err = capsys.readouterr().err.strip().splitlines()
    count = len(read_dataset(SAMPLE).graph(URIRef(a2)))
    assert err == [err[0]] and f"{a2}: pushed {count} triples, the store holds 0" in err[0]


def test_push_edit_rebuild_push_equals_a_clean_push(
    virtuoso: SparqlStore, corpus: Path, tmp_path: Path
) -> None:
    def build(out: Path) -> Path:
        argv = ["build", str(corpus), "--out", str(out), "--quiet", "--no-html", "--no-cache", "--workers=1"]
        assert main(argv) == 0
        return out / "graph.trig"

    def held() -> set[tuple[str, ...]]:
        rows = virtuoso.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return {tuple(row) for row in rows if row[0].startswith(RES)}

    push(build(tmp_path / "first"), ENDPOINT, user=USER, password=PASSWORD)
    edited = corpus / "XH_VNE_287.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Huy Ngọ", "Văn Thử"), encoding="utf-8")
    (corpus / "sub" / "XH_TN_1436.txt").unlink()
    second = build(tmp_path / "second")
    report = push(second, ENDPOINT, user=USER, password=PASSWORD)
    assert report.dropped >= 1
    after_edit = held()
    for name in virtuoso.graph_names():
        virtuoso.drop_graph(name)
    push(second, ENDPOINT, user=USER, password=PASSWORD)
    assert held() == after_edit and len(after_edit) > 100


def test_pushed_build_gives_the_file_rows_and_quads(virtuoso: SparqlStore, tmp_path: Path) -> None:
    """Six articles, one post named two ways: Virtuoso's union has one prefLabel too."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    out = tmp_path / "out"
    argv = ["build", str(examples), "--out", str(out), "--quiet", "--no-html", "--no-cache", "--workers=1"]
    assert main(argv) == 0
    push(out / "graph.trig", ENDPOINT, user=USER, password=PASSWORD)
    local = open_store(out / "graph.ttl")
    twice = "SELECT ?s WHERE { ?s skos:prefLabel ?l } GROUP BY ?s HAVING (COUNT(DISTINCT ?l) > 1)"
    with SparqlStore(READ) as reader:
        for name, text in READY.items():
            assert sorted(reader.query(text).rows) == sorted(local.query(text).rows), name
        assert reader.query(twice).rows == []
    every = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    held = {tuple(row) for row in virtuoso.query(every).rows if row[0].startswith(RES)}
    assert held == {tuple(row) for row in open_store(out / "graph.trig").query(every).rows}


def test_push_reads_back_through_a_separate_query_endpoint(virtuoso: SparqlStore, capsys) -> None:  # type: ignore[no-untyped-def]
    """Fuseki and GraphDB update at one URL and answer queries at another."""
    argv = ["push", str(SAMPLE), "--endpoint", ENDPOINT, "--query-endpoint", READ, "--user", USER]
    assert main([*argv, "--password", PASSWORD, "--quiet"]) == 0
    assert counts_by_graph(virtuoso) == local_counts(read_dataset(SAMPLE))


def test_build_store_sparql_mirrors_and_repairs(
    virtuoso: SparqlStore, corpus: Path, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The record of what the store mirrors is in OUT's cache; the store's counts are checked."""
    monkeypatch.setenv("KGRAPH_SPARQL_USER", USER)
    monkeypatch.setenv("KGRAPH_SPARQL_PASSWORD", PASSWORD)
    out = tmp_path / "out"
    argv = [
        "build",
        str(corpus),
        "--out",
        str(out),
        "--no-html",
        "--workers=1",
        "--store",
        f"sparql:{ENDPOINT}",
    ]
    expected = local_counts(read_dataset(out / "graph.trig")) if main(argv) == 0 else {}
    assert expected and counts_by_graph(virtuoso) == expected
    capsys.readouterr()
    assert main(argv) == 0
    assert "store:" not in capsys.readouterr().out  # nothing changed, nothing sent
    victim = sorted(expected)[0]
    virtuoso.drop_graph(URIRef(victim))  # another writer took a graph away
    assert main(argv) == 0
    assert "not as last loaded" in capsys.readouterr().out
    assert counts_by_graph(virtuoso) == expected


def test_the_next_push_repairs_an_interrupted_one(virtuoso: SparqlStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Cut after three requests of ten triples: a graph is half-written; the next push repairs it."""
    import kgraph.remote as remote

    send, sent = SparqlStore.update, [0]

    def cut(self: SparqlStore, text: str) -> None:
        sent[0] += 1
        if sent[0] > 3:
            raise KeyboardInterrupt
        send(self, text)

    monkeypatch.setattr(remote, "UPDATE_BATCH", 10)
    monkeypatch.setattr(SparqlStore, "update", cut)
    with pytest.raises(KeyboardInterrupt):
        push(SAMPLE, ENDPOINT, user=USER, password=PASSWORD)
    monkeypatch.setattr(SparqlStore, "update", send)
    expected = local_counts(read_dataset(SAMPLE))
    assert counts_by_graph(virtuoso) != expected  # half-written
    push(SAMPLE, ENDPOINT, user=USER, password=PASSWORD)  # verifies, or raises
    assert counts_by_graph(virtuoso) == expected
