"""The server: a listening socket, the worker pool, uvicorn (h11) with read timeouts."""

from __future__ import annotations

import asyncio
import resource
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import InputError
from ..sparql import first_line
from ..store import OxigraphStore, Store, open_store
from .answer import handle
from .app import Endpoint, Guard, ServeOptions, log
from .workers import Pool


def memory_copy(path: str | Path) -> Store:
    """An in-memory Oxigraph store holding a graph file (union of its graphs, as a set); rdflib
    in memory when the file holds terms Oxigraph refuses (an IRI with a space, say)."""
    file = Path(path)
    if file.is_dir():
        raise InputError(file, "is a folder, not a graph file", "give a .ttl/.trig file or oxigraph:PATH")
    if not file.is_file():
        raise InputError(file, "no such graph file", "give a file written by 'kgraph build'")
    store = OxigraphStore(None, spec=str(file))
    try:
        store.load_file(file)
    except ValueError as error:
        store.close()
        log(f"{file}: served by rdflib, slower: Oxigraph cannot hold it ({first_line(error)})")
        return open_store(file)
    return store


def store_opener(graph: str | Path | Store, **store_options: Any) -> Callable[[], Store]:
    """How each worker gets the store: a file graph is read once here, into an in-memory
    Oxigraph store every worker inherits; ``oxigraph:PATH`` and ``sparql:URL`` stores are
    opened by each worker (opened here once first, so a bad one fails before serving)."""
    if isinstance(graph, Store):
        return lambda: graph
    spec = str(graph)
    if spec.startswith(("sparql:", "oxigraph:")) and spec not in ("oxigraph:",):
        open_store(spec, read_only=True, **store_options).close()
        return lambda: open_store(spec, read_only=True, **store_options)
    if spec in ("", "memory", "oxigraph:"):
        empty = OxigraphStore(None)
        return lambda: empty
    copy = memory_copy(spec)
    copy.query("ASK { ?s ?p ?o }")  # imports and first-use work done once, before the workers fork
    return lambda: copy


_WARM_UP = {"kind": "sparql", "query": "ASK { ?s ?p ?o }", "accept": "", "format": "", "max_rows": 1}


def _warm_up() -> None:
    """Build rdflib's query and update grammars and the writers now, before the workers fork."""
    handle(OxigraphStore(None), _WARM_UP)
    handle(OxigraphStore(None), {**_WARM_UP, "query": "DELETE WHERE { ?s ?p ?o }"})


class _GuardedH11(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request headers take too long."""

    read_timeout = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def _arm(self) -> None:
        self.loop.call_later(self.read_timeout, self._expire, self.cycle)

    def _expire(self, cycle: Any) -> None:
        idle = cycle is None or cycle.response_complete
        if self.cycle is cycle and idle and not self.transport.is_closing():
            self.transport.close()  # slow or half-sent headers: the connection is dropped


def _enough_files(connections: int) -> None:
    """Raise this process's open-file limit (soft, up to the hard one) to hold ``connections``."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        top = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, top), hard))


def _listen(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


class SparqlServer:
    """A running (or ready) endpoint: ``serve_forever`` in this thread, or ``start`` in another."""

    def __init__(self, graph: str | Path | Store, options: ServeOptions, **store_options: Any) -> None:
        self.options = options
        opener = store_opener(graph, **store_options)
        _enough_files(options.max_connections)
        self.sock = _listen(options.host, options.port, options.backlog)
        self.pool = Pool(
            opener,
            handle,
            workers=options.workers,
            timeout=options.timeout,
            queue=options.queue,
            memory_mb=options.memory_mb,
        )
        _warm_up()  # parsers and writers warmed once, shared by the forks
        self.pool.start()  # forked now, while this process runs no other thread of ours
        protocol = type("GuardedH11", (_GuardedH11,), {"read_timeout": options.read_timeout})
        app = Guard(Endpoint(self.pool, options).app(), options)
        config = uvicorn.Config(
            app,
            http=protocol,
            loop="asyncio",
            lifespan="off",
            log_level="info" if options.verbose else "warning",
            access_log=options.verbose,
            timeout_keep_alive=5,
            backlog=options.backlog,
            limit_concurrency=options.max_connections,
            server_header=False,
        )
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def server_address(self) -> tuple[str, int]:
        address = self.sock.getsockname()
        return str(address[0]), int(address[1])

    @property
    def url(self) -> str:
        host, port = self.server_address
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def serve_forever(self) -> None:
        try:
            self.server.run(sockets=[self.sock])
        finally:
            self.close()

    def start(self) -> SparqlServer:
        """Serve in a background thread (tests, benchmarks); ``stop`` ends it."""
        self._thread = threading.Thread(target=self.serve_forever, name="kgraph-serve", daemon=True)
        self._thread.start()
        while not self.server.started and self._thread.is_alive():
            threading.Event().wait(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.close()

    def close(self) -> None:
        self.pool.close()
        self.sock.close()

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def make_server(
    graph: str | Path | Store, options: ServeOptions | None = None, **store_options: Any
) -> SparqlServer:
    """An endpoint on ``options.host:options.port`` (port 0: a free one), workers started, not serving."""
    return SparqlServer(graph, options or ServeOptions(), **store_options)


def serve(
    graph: str | Path | Store,
    options: ServeOptions,
    ready: Callable[[str], None] | None = None,
    **store_options: Any,
) -> None:
    """Serve until interrupted; ``ready(url)`` is called once the socket listens."""
    server = make_server(graph, options, **store_options)
    if ready is not None:
        ready(server.url)
    server.serve_forever()
