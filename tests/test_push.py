"""``kgraph push`` failures that need no store: one line, a non-zero exit, within the time limit."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from conftest import DATA
from rdflib import Literal, URIRef

from kgraph.cli import main
from kgraph.remote import PushMismatch, verify
from kgraph.store import MemoryStore

SAMPLE = DATA / "store_sample.trig"
RES = "https://w3id.org/kgraph/resource/"


@pytest.fixture
def silent_store() -> Iterator[str]:
    """A listener on 127.0.0.1 that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port: int = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    return port


def one_line_failure(argv: list[str], capsys: pytest.CaptureFixture[str], limit: float) -> str:
    start = time.monotonic()
    assert main(argv) == 1
    assert time.monotonic() - start < limit
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0], err
    return err[0]


@pytest.mark.parametrize("user", [[], ["--user", "dba", "--password", "dba"]], ids=["anonymous", "with-user"])
def test_a_store_that_never_answers_fails_within_the_timeout(
    silent_store: str, user: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["push", str(SAMPLE), "--endpoint", silent_store, "--timeout", "1.5", "--quiet", *user]
    line = one_line_failure(argv, capsys, limit=5)
    assert "no answer within 1.5 s" in line and silent_store in line


def test_a_closed_port_fails_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    endpoint = f"http://127.0.0.1:{closed_port()}/sparql"
    line = one_line_failure(["push", str(SAMPLE), "--endpoint", endpoint, "--user", "u"], capsys, limit=5)
    assert "cannot reach the store" in line and "refused" in line.lower()


def test_verify_names_the_graph_and_both_counts() -> None:
    a1 = URIRef(RES + "article/a1")
    store = MemoryStore()
    store.replace_graph(a1, [(a1, URIRef(RES + "p"), Literal("x"))])
    verify(store, {a1: 1})
    with pytest.raises(PushMismatch, match=r"article/a1: pushed 2 triples, the store holds 1"):
        verify(store, {a1: 2})
    stale = URIRef(RES + "article/gone")
    store.replace_graph(stale, [(stale, URIRef(RES + "p"), Literal("y"))])
    with pytest.raises(PushMismatch, match=r"article/gone: pushed 0 triples, the store holds 1"):
        verify(store, {a1: 1})
