"""Queries run in worker processes, which the server kills at the time limit.

A worker is a process forked from the server: it inherits the graph (a file graph is held by
an in-memory Oxigraph store, shared copy-on-write) or opens the store itself (``oxigraph:``
on disk, ``sparql:``). It answers one request at a time over a socket pair, under a cap on
the memory it may add (``resource.setrlimit``). A worker that passes the time limit, whose
client left, or that died (out of memory) is killed and replaced at once by a fresh fork, so
nothing a query does keeps a slot, a thread or memory after its answer.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import resource
import signal
import socket
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import KgraphError
from ..store import Store

_FRAME = struct.Struct(">II")  # header length, body length


@dataclass
class Answer:
    """An HTTP answer made by a worker: status, media type, body and extra headers."""

    status: int
    media: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    retire: bool = False  # the worker is spent (out of memory): replace it


class Refused(KgraphError):
    """A query the pool refused or stopped: 503 with ``Retry-After``."""


def _frame(head: dict[str, Any], body: bytes) -> bytes:
    data = json.dumps(head).encode("utf-8")
    return _FRAME.pack(len(data), len(body)) + data + body


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _limit_memory(extra_mb: int) -> None:
    """Cap the address space at what the worker holds now plus ``extra_mb``; no core files."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = size + extra_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


Handler = Callable[[Store, dict[str, Any]], "Answer"]


def _worker_main(sock: socket.socket, opener: Callable[[], Store], handle: Handler, memory_mb: int) -> None:
    """The worker's loop: read a request, answer it, until the server closes the socket."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's; it ends its workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    keep = sock.fileno()
    os.closerange(3, keep)  # the listening socket and clients' connections are the server's
    os.closerange(keep + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    store = opener()
    _limit_memory(memory_mb)
    while True:
        try:
            head_size, body_size = _FRAME.unpack(_read_exactly(sock, _FRAME.size))
            request = json.loads(_read_exactly(sock, head_size))
            _read_exactly(sock, body_size)
        except (EOFError, OSError):
            return
        try:
            answer = handle(store, request)
        except MemoryError:
            answer = Answer(503, "text/plain; charset=utf-8", b"the query used more memory than allowed\n")
            answer.retire = True
        except Exception as error:  # noqa: BLE001 - a bug: one line to the client, the worker goes on
            message = f"internal error: {type(error).__name__}: {str(error)[:300]}\n"
            answer = Answer(500, "text/plain; charset=utf-8", message.encode("utf-8", "replace"))
        head = {"status": answer.status, "media": answer.media, "headers": answer.headers}
        sock.sendall(_frame({**head, "retire": answer.retire}, answer.body))
        if answer.retire:
            return


class Worker:
    """A forked worker process and the server's end of its socket."""

    def __init__(self, opener: Callable[[], Store], handle: Handler, memory_mb: int) -> None:
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; coverage does not follow forks
            code = 0
            gc.freeze()  # what the server held stays untouched: no collection closes its sockets
            try:
                ours.close()
                _worker_main(theirs, opener, handle, memory_mb)
            except BaseException as error:  # noqa: BLE001 - one line, then out
                print(f"kgraph serve: worker stopped: {type(error).__name__}: {error}", file=sys.stderr)
                code = 1
            finally:
                os._exit(code)
        theirs.close()
        ours.setblocking(False)
        self.pid = pid
        self.sock = ours
        self.dead = False

    async def ask(self, request: dict[str, Any]) -> Answer:
        loop = asyncio.get_running_loop()
        await loop.sock_sendall(self.sock, _frame(request, b""))
        head_size, body_size = _FRAME.unpack(await self._read(_FRAME.size))
        head = json.loads(await self._read(head_size))
        body = await self._read(body_size)
        return Answer(head["status"], head["media"], body, head["headers"], head["retire"])

    async def _read(self, size: int) -> bytes:
        loop = asyncio.get_running_loop()
        buffer = bytearray(size)
        view, done = memoryview(buffer), 0
        while done < size:
            got = await loop.sock_recv_into(self.sock, view[done:])
            if not got:
                raise EOFError
            done += got
        return bytes(buffer)

    def kill(self, wait: bool = True) -> None:
        """Stop the process now; reap it now (``wait``), or soon from the running event loop."""
        if self.dead:  # once only: a reaped process id may belong to another process by now
            return
        self.dead = True
        self.sock.close()
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if wait:
            _reap(self.pid, block=True)
        elif not _reap(self.pid, block=False):
            asyncio.get_running_loop().call_later(0.05, _reap_later, self.pid, 200)


def _reap(pid: int, block: bool) -> bool:
    """Collect a stopped worker's exit status; whether it is gone."""
    try:
        done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
    except ChildProcessError:
        return True
    return done == pid


def _reap_later(pid: int, tries: int) -> None:
    if not _reap(pid, block=False) and tries > 0:
        asyncio.get_running_loop().call_later(0.05, _reap_later, pid, tries - 1)


class Pool:
    """``workers`` worker processes; requests wait for one (at most ``queue`` of them, at most
    ``timeout`` seconds), run at most ``timeout`` seconds, and leave the worker clean."""

    def __init__(
        self,
        opener: Callable[[], Store],
        handle: Handler,
        *,
        workers: int,
        timeout: float,
        queue: int,
        memory_mb: int,
    ) -> None:
        self.opener, self.handle, self.memory_mb = opener, handle, memory_mb
        self.timeout, self.queue = timeout, queue
        self.size = workers
        self.waiting = 0
        self.closed = False
        self.all: list[Worker] = []
        self._idle: asyncio.Queue[Worker] | None = None

    def start(self) -> None:
        """Fork the workers (before the event loop runs, or inside it)."""
        self.all = [self._spawn() for _ in range(self.size)]
        self._idle = asyncio.Queue()
        for worker in self.all:
            self._idle.put_nowait(worker)

    def _spawn(self) -> Worker:
        return Worker(self.opener, self.handle, self.memory_mb)

    def _queue(self) -> asyncio.Queue[Worker]:
        assert self._idle is not None, "Pool.start() first"
        return self._idle

    @property
    def idle(self) -> int:
        """Workers free now."""
        return 0 if self._idle is None else self._idle.qsize()

    async def run(self, request: dict[str, Any]) -> Answer:
        """The worker's answer; ``Refused`` when none is free in time or the query is stopped."""
        worker = await self._take()
        clean = False
        try:
            answer = await asyncio.wait_for(worker.ask(request), self.timeout)
            clean = not answer.retire
            return answer
        except asyncio.TimeoutError:
            raise Refused(f"the query ran longer than {self.timeout:g} s (kgraph serve --timeout)") from None
        except (EOFError, OSError):
            raise Refused("the query used more memory than allowed (kgraph serve --memory)") from None
        finally:
            if clean:
                self._queue().put_nowait(worker)
            else:  # timed out, died, or its client left: a fresh worker takes the slot, once the
                asyncio.get_running_loop().call_soon(self._renew, worker)  # answer has gone

    async def _take(self) -> Worker:
        """A free worker, waiting at most ``timeout``; a worker got as the wait ends goes back."""
        idle = self._queue()
        if self.waiting >= self.queue:
            raise Refused(f"{self.waiting} queries are waiting already; retry later")
        self.waiting += 1
        getter = asyncio.ensure_future(idle.get())
        try:
            done, _ = await asyncio.wait({getter}, timeout=self.timeout)
        except asyncio.CancelledError:  # the client left while waiting
            self._give_back(getter)
            raise
        finally:
            self.waiting -= 1
        if not done:
            self._give_back(getter)
            raise Refused(f"all workers stayed busy for {self.timeout:g} s; retry later")
        return getter.result()

    def _give_back(self, getter: asyncio.Future[Worker]) -> None:
        if not getter.done():
            getter.cancel()
        elif not getter.cancelled():
            self._queue().put_nowait(getter.result())

    def _renew(self, worker: Worker) -> None:
        """Kill ``worker`` and put a fresh fork in its place in the pool."""
        worker.kill(wait=False)  # a large process takes a while to go: the event loop does not wait
        if self.closed:
            return
        fresh = self._spawn()
        self.all = [fresh if w is worker else w for w in self.all]
        self._queue().put_nowait(fresh)

    def close(self) -> None:
        self.closed = True
        for worker in self.all:
            worker.kill()
        self.all = []
