"""The HTTP side: Starlette routes on uvicorn, with host, origin, size and time guards."""

from __future__ import annotations

import asyncio
import ipaddress
import sys
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .page import render_page
from .workers import Pool, Refused

METHODS = "GET, HEAD, POST, OPTIONS"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass
class ServeOptions:
    """How ``kgraph serve`` listens and what it allows."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0  # seconds per query, waiting for a worker included
    max_results: int = 10_000  # rows of a SELECT, triples of a CONSTRUCT
    workers: int = 4  # queries running at once (worker processes)
    verbose: bool = False
    cors: str | None = None  # the one origin allowed to read answers from a browser
    queue: int = 256  # queries waiting for a worker; more: 503 at once
    memory_mb: int = 1024  # memory a worker may add while answering
    max_query: int = 32_768  # bytes of a query (UTF-8), checked before any parsing
    read_timeout: float = 10.0  # seconds to send a request's headers, and its body
    backlog: int = 2048  # connections waiting to be accepted
    max_connections: int = 4096  # open connections; more: 503 at once


class HttpError(Exception):
    """An error answer: status and a one-line message; ``close`` ends the connection after it."""

    def __init__(self, status: int, message: str, close: bool = False) -> None:
        super().__init__(message)
        self.status, self.close = status, close


def log(message: str) -> None:
    print(f"kgraph serve: {message}", file=sys.stderr, flush=True)


def _host_name(value: str) -> str:
    """``Host`` header value without its port; ``[::1]:7878`` -> ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Answers only its own Host names; no CORS header unless ``--cors ORIGIN``; OPTIONS; errors close."""

    def __init__(self, app: ASGIApp, options: ServeOptions) -> None:
        self.app, self.options = app, options
        self.hosts = {*LOOPBACK_NAMES, options.host.strip("[]").lower()}

    def _served(self, name: str) -> bool:
        """A Host naming this server: a loopback name, ``--host``, or (bound to every address)
        any IP address; never another host name, so DNS rebinding reaches nothing."""
        if name in self.hosts:
            return True
        if self.options.host in ("0.0.0.0", "::"):
            try:
                ipaddress.ip_address(name)
            except ValueError:
                return False
            return True
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host, origin = headers.get("host", ""), headers.get("origin")
        cors = self.options.cors
        if not self._served(_host_name(host)):
            refusal = PlainTextResponse(f"Host {host!r} is not served here\n", 403, {"Connection": "close"})
            await refusal(scope, receive, send)
            return
        if origin is not None and origin not in (f"http://{host}", cors):
            message = f"requests from {origin} are not allowed (kgraph serve --cors)\n"
            refusal = PlainTextResponse(message, 403)
            await refusal(scope, receive, send)
            return
        extra = [(b"access-control-allow-origin", cors.encode()), (b"vary", b"Origin")] if cors else []
        if scope["method"] == "OPTIONS":
            allow = [(b"allow", METHODS.encode())]
            if cors:
                allow += [(b"access-control-allow-methods", METHODS.encode())]
                allow += [(b"access-control-allow-headers", b"Content-Type, Accept")]
            options = Response(None, 204, {k.decode(): v.decode() for k, v in allow + extra})
            await options(scope, receive, send)
            return

        async def send_with(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with)


class Endpoint:
    """The routes: ``/`` (the page), ``/sparql`` (the protocol), ``/view`` (a network drawing)."""

    def __init__(self, pool: Pool, options: ServeOptions) -> None:
        self.pool, self.options = pool, options

    def app(self) -> Starlette:
        routes = [
            Route("/", self.page, methods=["GET"]),
            Route("/sparql", self.sparql, methods=["GET", "POST"]),
            Route("/view", self.view, methods=["GET"]),
        ]
        return Starlette(routes=routes, exception_handlers={HttpError: _error, 404: _not_found})

    async def page(self, request: Request) -> Response:
        return Response(render_page(), 200, media_type="text/html; charset=utf-8")

    async def sparql(self, request: Request) -> Response:
        params = await self._params(request)
        if "update" in params:
            raise HttpError(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise HttpError(400, "default-graph-uri and named-graph-uri are not supported")
        format_param = (params.get("format") or params.get("output") or [""])[0]
        job = {"kind": "sparql", "query": self._query(params), "format": format_param}
        return await self._answer(request, {**job, "accept": request.headers.get("accept", "")})

    async def view(self, request: Request) -> Response:
        params = self._parse(request.scope["query_string"].decode("latin-1"))
        return await self._answer(request, {"kind": "view", "query": self._query(params), "accept": ""})

    def _query(self, params: dict[str, list[str]]) -> str:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(400, "give exactly one SPARQL query in the 'query' parameter")
        if len(queries[0].encode("utf-8", "surrogatepass")) > self.options.max_query:
            raise self._too_big()
        return queries[0]

    def _too_big(self) -> HttpError:
        limit = self.options.max_query
        return HttpError(413, f"the query is over {limit} bytes (kgraph serve --max-query)", close=True)

    def _parse(self, text: str) -> dict[str, list[str]]:
        if len(text) > 3 * self.options.max_query + 4096:
            raise self._too_big()
        try:
            return urllib.parse.parse_qs(text, keep_blank_values=True, max_num_fields=20)
        except ValueError:
            raise HttpError(400, "too many parameters") from None

    async def _params(self, request: Request) -> dict[str, list[str]]:
        params = self._parse(request.scope["query_string"].decode("latin-1"))
        if request.method != "POST":
            return params
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            raise HttpError(403, "SPARQL Update is not allowed: this endpoint is read-only", close=True)
        if kind not in ("application/sparql-query", "application/x-www-form-urlencoded", ""):
            raise HttpError(415, f"cannot read a {kind} body", close=True)
        body = (await self._body(request)).decode("utf-8", "replace")
        if kind == "application/sparql-query":
            if len(body.encode("utf-8")) > self.options.max_query:
                raise self._too_big()
            return {**params, "query": [body]}
        return {**params, **self._parse(body)}

    async def _body(self, request: Request) -> bytes:
        """The body, refused (and the connection closed) when over the limit or too slow to come."""
        limit = 3 * self.options.max_query + 4096
        declared = request.headers.get("content-length")
        if declared is not None and int(declared) > limit:  # h11 has checked it is a number
            raise HttpError(413, f"the request body is over {limit} bytes (kgraph serve --max-query)", True)
        chunks: list[bytes] = []
        size = 0

        async def read() -> None:
            nonlocal size
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HttpError(413, f"the request body is over {limit} bytes", close=True)
                chunks.append(chunk)

        try:
            await asyncio.wait_for(read(), self.options.read_timeout)
        except asyncio.TimeoutError:
            raise HttpError(408, "the request body came too slowly", close=True) from None
        return b"".join(chunks)

    async def _answer(self, request: Request, job: dict[str, Any]) -> Response:
        job["max_rows"] = self.options.max_results
        running = asyncio.ensure_future(self.pool.run(job))
        gone = asyncio.ensure_future(_disconnected(request.receive))
        await asyncio.wait({running, gone}, return_when=asyncio.FIRST_COMPLETED)
        if not running.done():  # the client left: stop its query now, free its worker
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
            client = request.client
            who = f"{client.host}:{client.port}" if client else "a client"
            log(f"{who} left before its answer; its query was stopped")
            return Response(None, 499)
        gone.cancel()
        try:
            answer = running.result()
        except Refused as error:
            retry = str(max(1, round(min(self.options.timeout, 5))))
            return PlainTextResponse(f"{error}\n", 503, {"Retry-After": retry})
        return Response(answer.body, answer.status, answer.headers, media_type=answer.media)


async def _disconnected(receive: Callable[[], Awaitable[Message]]) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HttpError)
    headers = {"Connection": "close"} if error.close else {}
    return PlainTextResponse(f"{error}\n", error.status, headers)


async def _not_found(request: Request, error: Exception) -> Response:
    return PlainTextResponse(f"no such page {request.url.path} (try /sparql or /)\n", 404)
