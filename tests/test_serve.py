"""``kgraph serve``: a SPARQL 1.1 Protocol endpoint that SPARQLWrapper and curl-style clients use."""

from __future__ import annotations

import csv
import importlib
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgraph.serve import NETWORK_QUERY, ServeOptions, SparqlServer, make_server, memory_copy, negotiate
from kgraph.store import OxigraphStore, load_graph, open_store

query_module = importlib.import_module("kgraph.sparql")
READY = query_module.ready_queries()
SAMPLE = DATA / "store_sample.trig"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 81^4 rows


def start(graph: str | Path, **options: float) -> SparqlServer:
    return make_server(graph, ServeOptions(port=0, **options)).start()  # type: ignore[arg-type]


@pytest.fixture(scope="module", params=["file", "oxigraph"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SparqlServer]:
    if request.param == "file":
        spec = str(SAMPLE)
    else:
        path = tmp_path_factory.mktemp("ox") / "store"
        with open_store(f"oxigraph:{path}") as writer:
            writer.load_file(SAMPLE)
        spec = f"oxigraph:{path}"
    running = start(spec, max_results=50)
    yield running
    running.stop()


@pytest.mark.parametrize("name", [*sorted(READY), "network"])
def test_memory_copy_gives_rdflib_rows(name: str) -> None:
    text = READY.get(name, NETWORK_QUERY)
    copy = memory_copy(SAMPLE)
    assert isinstance(copy, OxigraphStore)
    expected = query_module.run_query(load_graph(SAMPLE), text)
    got = copy.query(text)
    assert got.columns == expected.columns and got.rows == expected.rows
    if expected.graph is not None:
        assert got.graph is not None and sorted(got.graph) == sorted(expected.graph)


def wrapper(server: SparqlServer, query: str, fmt: str = JSON, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(query_module.with_prefixes(query))
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def fetch(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


@pytest.mark.parametrize("name", sorted(READY))
def test_ready_queries_through_sparqlwrapper_match_local(server: SparqlServer, name: str) -> None:
    expected = query_module.run_query(load_graph(SAMPLE), READY[name])
    if expected.graph is not None:
        got = wrapper(server, READY[name], TURTLE).queryAndConvert()
        graph = Graph().parse(data=got, format="turtle")
        assert sorted(graph) == sorted(expected.graph), name
        return
    result = wrapper(server, READY[name], JSON, "POST").queryAndConvert()
    assert result["head"]["vars"] == expected.columns
    rows = [[b.get(c, {}).get("value", "") for c in expected.columns] for b in result["results"]["bindings"]]
    assert rows == expected.rows, name


def test_select_in_every_result_format(server: SparqlServer) -> None:
    query = "SELECT ?name ?date WHERE { ?d skos:prefLabel ?name ; kg:issuedOn ?date }"
    as_json = wrapper(server, query, JSON).queryAndConvert()
    binding = as_json["results"]["bindings"][0]
    assert binding["name"] == {"type": "literal", "value": "Nghị quyết 12-NQ/TW", "xml:lang": "vi"}
    assert binding["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    xml = wrapper(server, query, XML).queryAndConvert()
    literals = [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    assert literals == ["Nghị quyết 12-NQ/TW", "2012-01-16"]
    as_csv = wrapper(server, query, CSV).queryAndConvert().decode("utf-8")
    assert list(csv.reader(io.StringIO(as_csv))) == [["name", "date"], ["Nghị quyết 12-NQ/TW", "2012-01-16"]]
    as_tsv = wrapper(server, query, TSV).queryAndConvert().decode("utf-8").splitlines()
    assert as_tsv == [
        "?name\t?date",
        '"Nghị quyết 12-NQ/TW"@vi\t"2012-01-16"^^<http://www.w3.org/2001/XMLSchema#date>',
    ]


def test_ask_and_construct_formats(server: SparqlServer) -> None:
    assert wrapper(server, "ASK { ?d kg:issuedBy ?b }", JSON).queryAndConvert()["boolean"] is True
    xml = wrapper(server, "ASK { ?d kg:issuedBy ?d }", XML).queryAndConvert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "false"
    construct = query_module.with_prefixes("CONSTRUCT WHERE { ?d kg:issuedBy ?b }")
    for accept, fmt in [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
    ]:
        url = f"{server.url}/sparql?" + urllib.parse.urlencode({"query": construct})
        status, media, body = fetch(url, headers={"Accept": accept})
        assert status == 200 and media.startswith(accept)
        graph = Graph().parse(data=body.decode("utf-8"), format=fmt)
        assert len(graph) == 1


def test_post_sparql_query_body(server: SparqlServer) -> None:
    headers = {"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    status, media, body = fetch(f"{server.url}/sparql", READY["structure"].encode("utf-8"), headers)
    assert status == 200 and media.startswith("text/csv")
    assert body.decode("utf-8") == "partName,wholeName\r\nBan Tuyên giáo Tỉnh ủy,Tỉnh ủy Bình Dương\r\n"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (
            "update=" + urllib.parse.quote("INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
            "application/x-www-form-urlencoded",
        ),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        ("query=" + urllib.parse.quote("DELETE WHERE { ?s ?p ?o }"), "application/x-www-form-urlencoded"),
        ("query=" + urllib.parse.quote("LOAD <http://example.org/x>"), "application/x-www-form-urlencoded"),
        (
            "query=" + urllib.parse.quote("SELECT * { SERVICE <http://example.org/s> { ?s ?p ?o } }"),
            "application/x-www-form-urlencoded",
        ),
    ],
)
def test_updates_load_and_service_are_refused(server: SparqlServer, body: str, content_type: str) -> None:
    status, _, message = fetch(f"{server.url}/sparql", body.encode(), {"Content-Type": content_type})
    assert status == 403 and b"not allowed" in message
    assert wrapper(server, "ASK { <urn:a> ?p ?o }").queryAndConvert()["boolean"] is False


def test_bad_query_is_400_and_sparqlwrapper_says_so(server: SparqlServer) -> None:
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT WHERE {").query()
    status, _, _ = fetch(f"{server.url}/sparql")
    assert status == 400


def test_result_size_limit_cuts_and_says_so(server: SparqlServer) -> None:
    url = f"{server.url}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=20) as response:
        assert response.headers["X-SPARQL-MaxRows"] == "50"
        assert len(json.load(response)["results"]["bindings"]) == 50


def test_unacceptable_format_is_406(server: SparqlServer) -> None:
    url = f"{server.url}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"})
    assert fetch(url, headers={"Accept": "image/png"})[0] == 406


def test_time_limit_gives_503_then_the_server_still_answers(tmp_path: Path) -> None:
    running = start(SAMPLE, timeout=0.5, workers=1)
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            wrapper(running, SLOW).query()
        assert refused.value.code == 503 and b"longer than 0.5 s" in refused.value.read()
        # the worker was killed and replaced, so its slot comes back and the next query runs
        for _ in range(20):
            try:
                assert wrapper(running, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True
                break
            except urllib.error.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("the timed-out query still holds the only worker")
    finally:
        running.stop()


def test_page_and_network_view(server: SparqlServer) -> None:
    status, media, body = fetch(f"{server.url}/")
    page = body.decode("utf-8")
    assert status == 200 and media.startswith("text/html")
    assert "<textarea" in page and all(name in page for name in READY)
    assert "network" in page
    view = f"{server.url}/view?" + urllib.parse.urlencode({"query": NETWORK_QUERY})
    status, media, body = fetch(view)
    assert status == 200 and media.startswith("text/html") and "Tỉnh ủy Bình Dương" in body.decode("utf-8")
    select = f"{server.url}/view?" + urllib.parse.urlencode({"query": READY["structure"]})
    assert fetch(select)[0] == 400
    assert fetch(f"{server.url}/nothing")[0] == 404


def test_binds_loopback_by_default() -> None:
    with make_server("memory", ServeOptions(port=0, workers=1)) as server:
        assert server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize(
    ("accept", "graph_result", "expected"),
    [
        ("application/sparql-results+json", False, "json"),
        ("text/csv;q=0.5, application/sparql-results+xml", False, "xml"),  # q-values win
        ("*/*", False, "json"),  # anything: the default
        ("", True, "turtle"),  # no Accept: the default
        ("application/ld+json", True, "json-ld"),
        ("text/csv", True, None),  # CSV is not a graph format
        ("text/turtle", False, None),  # nor Turtle a results format
    ],
)
def test_negotiate(accept: str, graph_result: bool, expected: str | None) -> None:
    assert negotiate(accept, graph_result) == expected


def test_cli_serve_prints_its_url_and_answers(tmp_path: Path) -> None:
    import subprocess
    import sys

    argv = [sys.executable, "-m", "kgraph", "serve", str(SAMPLE), "--port", "0", "--max-results", "2"]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "SPARQL endpoint: http://127.0.0.1:" in line, process.stderr.read() if process.stderr else ""
        endpoint = line.split()[2]
        url = endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s ?p ?o }"})
        status, _, body = fetch(url, headers={"Accept": "text/csv"})
        assert status == 200 and len(body.decode("utf-8").splitlines()) == 3  # header + 2 rows
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_cors_only_for_the_origin_given() -> None:
    with make_server(SAMPLE, ServeOptions(port=0, workers=1, cors="http://app.example")).start() as running:
        url = f"{running.url}/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
        request = urllib.request.Request(url, headers={"Origin": "http://app.example"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Access-Control-Allow-Origin"] == "http://app.example"
        assert fetch(url, headers={"Origin": "http://evil.example"})[0] == 403


def test_queries_past_the_queue_are_refused_at_once_with_retry_after() -> None:
    with make_server(SAMPLE, ServeOptions(port=0, workers=1, queue=1, timeout=1.5)).start() as running:
        slow: list[int] = []

        def send_slow() -> None:
            slow.append(fetch_query(running, SLOW)[0])

        def until(condition: Callable[[], bool]) -> None:
            deadline = time.monotonic() + 5
            while not condition() and time.monotonic() < deadline:
                time.sleep(0.01)

        threads = [threading.Thread(target=send_slow) for _ in range(2)]
        threads[0].start()
        until(lambda: running.pool.idle == 0)  # one query runs
        threads[1].start()
        until(lambda: running.pool.waiting == 1)  # one waits: the queue is full
        started = time.monotonic()
        status, headers, _ = fetch_query(running, "ASK {}")
        assert status == 503 and headers["Retry-After"] and time.monotonic() - started < 1
        for thread in threads:
            thread.join(10)
        assert sorted(slow) == [503, 503]


def fetch_query(server: SparqlServer, query: str) -> tuple[int, Any, bytes]:
    url = f"{server.url}/sparql?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize(
    ("bound", "host", "served"),
    [
        ("127.0.0.1", "127.0.0.1:7878", True),
        ("127.0.0.1", "localhost:7878", True),
        ("127.0.0.1", "[::1]:7878", True),
        ("127.0.0.1", "192.168.1.5:7878", False),
        ("127.0.0.1", "evil.example", False),
        ("0.0.0.0", "192.168.1.5:7878", True),  # bound to every address: any IP address
        ("0.0.0.0", "rebound.evil.example:7878", False),  # never a foreign name (DNS rebinding)
        ("10.0.0.2", "10.0.0.2:7878", True),
    ],
)
def test_host_allow_list(bound: str, host: str, served: bool) -> None:
    from kgraph.serve.app import Guard, _host_name

    guard = Guard(lambda *args: None, ServeOptions(host=bound))  # type: ignore[arg-type]
    assert guard._served(_host_name(host)) is served
