"""Helpers for the ``kgraph serve`` tests: a served graph in a subprocess, raw HTTP, a listener."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest


class Served:
    """``kgraph serve ARGS --port 0`` in a subprocess; its stderr kept in a file."""

    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        argv = [sys.executable, "-m", "kgraph", "serve", *args, "--port", "0"]
        self.stderr = open(log, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.stderr, text=True, env=env)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if "SPARQL endpoint:" not in line:
            pytest.fail(f"kgraph serve did not start: {self.stop()}")
        self.endpoint = line.split()[2]
        self.url = self.endpoint.rsplit("/", 1)[0]
        split = urllib.parse.urlsplit(self.url)
        self.host, self.port = split.hostname or "127.0.0.1", int(split.port or 80)

    def stop(self) -> str:
        """Stop the server (as Ctrl-C would); its stderr."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        assert self.process.stdout is not None
        self.process.stdout.close()
        self.stderr.close()
        return self.log.read_text(encoding="utf-8")


def ask(
    endpoint: str,
    query: str,
    accept: str = "application/sparql-results+json",
    timeout: float = 20,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """POST a query (form-encoded); status, headers (lower-case names) and body."""
    data = urllib.parse.urlencode({"query": query}).encode("utf-8")
    sent = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    request = urllib.request.Request(endpoint, data=data, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            found = {k.lower(): v for k, v in response.headers.items()}
            return response.status, found, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def raw(host: str, port: int, data: bytes, timeout: float = 5, half_close: bool = False) -> bytes:
    """Send ``data`` as is; everything the server sends back until it closes or ``timeout`` passes."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        chunks, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


class Listener:
    """A TCP listener on 127.0.0.1 counting the connections it receives (an internal service)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"urn:leak"}}]}}'
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: "
            conn.sendall(head + str(len(body)).encode() + b"\r\n\r\n" + body)
            conn.close()

    def close(self) -> None:
        self.sock.close()
