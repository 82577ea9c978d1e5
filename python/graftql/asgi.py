"""GraphQL over HTTP: ``GraphQLApp``, a plain ASGI 3 application.

No framework is needed: uvicorn (or any ASGI server) serves it as it is, and
Starlette or FastAPI mount it like any ASGI app. It follows the GraphQL over
HTTP specification draft:

* POST with an ``application/json`` body ``{"query", "operationName",
  "variables", "extensions"}``; GET with the same parameters in the query
  string (``variables`` and ``extensions`` JSON-encoded), for queries only.
* The response type is negotiated from ``Accept`` between
  ``application/graphql-response+json`` and ``application/json`` (the
  latter for ``*/*`` and a missing ``Accept``). With the former a request
  error (the document does not parse or validate, the variables do not
  coerce) is a 400; with the latter every well-formed request is a 200.
  Malformed requests are 400 either way, and say what was wrong, where, and
  what is allowed.
* Response bodies are the bytes ``ExecutionResult.to_json()`` writes in C.

Around the endpoint: GraphiQL for browsers, ``/healthz`` and ``/readyz``
for orchestrators, the ASGI lifespan protocol with startup and shutdown
hooks, a request id on every response, and a 500 with that id (and a logged
traceback) instead of a crash. docs/http.md has the whole picture.
"""

from __future__ import annotations

import html
import inspect
import json
import logging
import os
import re
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias
from urllib.parse import unquote_to_bytes

from graftql.language import OperationType
from graftql.schema import Schema

__all__ = ["GRAPHIQL_CDN", "GRAPHIQL_FILES", "GraphQLApp", "Request"]

logger = logging.getLogger("graftql.asgi")

Scope: TypeAlias = MutableMapping[str, Any]
Message: TypeAlias = MutableMapping[str, Any]
Receive: TypeAlias = Callable[[], Awaitable[Message]]
Send: TypeAlias = Callable[[Message], Awaitable[None]]

#: A startup or shutdown hook: called with no arguments, sync or async.
Hook: TypeAlias = Callable[[], Any]

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
HTML = "text/html"

#: Which of the JSON types wins a tie in Accept: the new type when the client
#: names it, application/json when it only sends wildcards (``*/*``), as the
#: spec asks of servers while clients move over. HTML loses every tie, so
#: that only a browser (which names text/html) gets GraphiQL.
_PREFERRED_NAMED = (GRAPHQL_RESPONSE_JSON, JSON, HTML)
_PREFERRED_WILDCARD = (JSON, GRAPHQL_RESPONSE_JSON, HTML)

#: The health endpoints, relative to where the app is mounted.
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"

#: Where GraphiQL's files are served from, under the endpoint's path.
ASSETS_SEGMENT = "/_graphiql/"

#: GraphiQL's four files: a local directory given as ``graphiql_assets``
#: holds them under these names (tools/graphiql/fetch.sh fills one).
GRAPHIQL_FILES = (
    "react.production.min.js",
    "react-dom.production.min.js",
    "graphiql.min.js",
    "graphiql.min.css",
)

#: The same files on the unpkg CDN, versions pinned (GraphiQL 3's UMD build
#: needs React 18's UMD build; tools/graphiql/package.json pins the same).
GRAPHIQL_CDN = {
    "react.production.min.js": "https://unpkg.com/react@18.3.1/umd/react.production.min.js",
    "react-dom.production.min.js": (
        "https://unpkg.com/react-dom@18.3.1/umd/react-dom.production.min.js"
    ),
    "graphiql.min.js": "https://unpkg.com/graphiql@3.9.0/graphiql.min.js",
    "graphiql.min.css": "https://unpkg.com/graphiql@3.9.0/graphiql.min.css",
}

#: The content types of the files an assets directory may serve; any other
#: extension is a 404, so nothing else in the directory leaks out.
_ASSET_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
}

#: An asset's name: one path segment, no leading dot (so no "..", no hidden files).
_ASSET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

#: A client's X-Request-Id is kept when it is short and made of characters
#: that are safe in headers, logs and JSON; anything else gets a fresh id.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:+=/@-]{1,128}")

#: A "\uD800".."\uDFFF" escape somewhere in JSON text: only then can a decoded
#: string hold a lone surrogate, which is not Unicode (and not UTF-8).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")

_PARAMETERS = ("query", "operationName", "variables", "extensions")


@dataclass(frozen=True, slots=True)
class Request:
    """What ``context`` is called with: the HTTP request, read-only.

    ``headers`` has lowercase names; a header sent several times has its
    values joined by ", " ("; " for cookie). ``query_params`` has the first
    value of each name. ``client`` is ``(host, port)`` when the server knows
    it. ``scope`` is the ASGI scope, for anything else (``scope["state"]``).
    """

    method: str
    path: str
    headers: Mapping[str, str]
    query_params: Mapping[str, str]
    client: tuple[str, int] | None
    request_id: str
    scope: Scope


class _Refusal(Exception):
    """A request answered with an error and no execution: the status, a
    GraphQL-shaped message, and headers (Allow for a 405)."""

    def __init__(self, status: int, message: str, headers: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class _Disconnected(Exception):
    """The client went away while its body was being read: nothing to answer."""


@dataclass(frozen=True, slots=True)
class _Params:
    """The GraphQL request parameters, checked."""

    query: str
    operation_name: str | None
    variables: dict[str, Any] | None
    extensions: dict[str, Any] | None


class GraphQLApp:
    """An ASGI 3 application serving ``schema`` over HTTP.

    :param schema: the ``graftql.Schema`` to execute against.
    :param path: the GraphQL endpoint, relative to where the app is mounted
        (``scope["root_path"]``). Other paths are 404, except ``/healthz``,
        ``/readyz`` and, with local GraphiQL assets, ``<path>/_graphiql/``.
    :param context: the ``context_value`` of each execution: a value, or a
        callable ``context(request: Request)`` returning it or an awaitable
        of it, called once per request (after the request was found well
        formed). A context value that is itself callable must be wrapped:
        ``context=lambda request: value``.
    :param root_value: the ``root_value`` of each execution.
    :param graphiql: serve GraphiQL on GET at ``path`` to clients that prefer
        ``text/html`` (browsers).
    :param graphiql_assets: a local directory holding ``GRAPHIQL_FILES``,
        served under ``<path>/_graphiql/``, for machines without internet;
        by default the page loads them from the unpkg CDN (``GRAPHIQL_CDN``).
    :param max_body_bytes: the largest POST body accepted; larger is a 413,
        refused from ``Content-Length`` before reading when it is given, and
        while reading otherwise.
    :param allow_batch: accept a JSON array of requests in one POST and
        answer with the array of their results, executed in order. Off, an
        array is a 400.
    :param max_batch_size: the most requests one batch may hold.
    :param ready: readiness check for ``/readyz``: a callable, sync or
        async, returning true when the app can serve (e.g. its database
        answers). ``/readyz`` is 503 while it says no, while starting up and
        while shutting down.
    :param on_startup: hooks run, in order, at the ASGI lifespan startup
        (or by ``await app.startup()``): callables with no arguments, sync or
        async. One that raises fails the startup.
    :param on_shutdown: hooks run, in order, at the lifespan shutdown; all
        run, the first error is raised after.
    """

    def __init__(
        self,
        schema: Schema,
        *,
        path: str = "/graphql",
        context: Any = None,
        root_value: Any = None,
        graphiql: bool = True,
        graphiql_assets: str | os.PathLike[str] | None = None,
        max_body_bytes: int = 1_000_000,
        allow_batch: bool = False,
        max_batch_size: int = 20,
        ready: Callable[[], bool | Awaitable[bool]] | None = None,
        on_startup: Hook | Sequence[Hook] | None = None,
        on_shutdown: Hook | Sequence[Hook] | None = None,
    ) -> None:
        if not isinstance(schema, Schema):
            raise TypeError(f"GraphQLApp() expects a graftql.Schema, got {type(schema).__name__}")
        if not isinstance(path, str) or not path.startswith("/"):
            raise ValueError(f"GraphQLApp() argument 'path' must start with '/', got {path!r}")
        if len(path) > 1 and path.endswith("/"):
            raise ValueError(f"GraphQLApp() argument 'path' must not end with '/', got {path!r}")
        if path in (HEALTH_PATH, READY_PATH):
            raise ValueError(f"GraphQLApp() argument 'path' cannot be {path}: it is a health check")
        for name, value in (("max_body_bytes", max_body_bytes), ("max_batch_size", max_batch_size)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"GraphQLApp() argument {name!r} must be an int of 1 or more")
        if ready is not None and not callable(ready):
            raise TypeError("GraphQLApp() argument 'ready' must be callable")
        self.schema = schema
        self.path = path
        self.context = context
        self.root_value = root_value
        self.graphiql = bool(graphiql)
        self.max_body_bytes = max_body_bytes
        self.allow_batch = bool(allow_batch)
        self.max_batch_size = max_batch_size
        self.ready = ready
        self.on_startup = _hooks(on_startup, "on_startup")
        self.on_shutdown = _hooks(on_shutdown, "on_shutdown")
        self.graphiql_assets = None if graphiql_assets is None else _assets_dir(graphiql_assets)
        self._asset_cache: dict[str, bytes] = {}
        # "idle" until a lifespan startup (or startup()) begins: an app whose
        # server sends no lifespan events and that has no startup hooks is
        # ready from the start.
        self._state = "idle"

    # ---- ASGI ----------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)
        elif kind == "websocket":
            # Subscriptions over WebSocket are not served (yet): refuse the
            # handshake, which the server answers with a 403.
            await receive()
            await send({"type": "websocket.close", "code": 1008})
        else:
            raise ValueError(f"GraphQLApp cannot serve ASGI scope type {kind!r}")

    # ---- lifespan ------------------------------------------------------------

    async def startup(self) -> None:
        """Run the ``on_startup`` hooks; ``/readyz`` says "starting" until
        they are done. For servers (or parent apps) that send no lifespan
        events: call it from the parent's own startup."""
        self._state = "starting"
        try:
            for hook in self.on_startup:
                await _call(hook)
        except BaseException:
            self._state = "failed"
            raise
        self._state = "started"

    async def shutdown(self) -> None:
        """Run every ``on_shutdown`` hook, then raise the first error if any."""
        self._state = "stopping"
        first: BaseException | None = None
        for hook in self.on_shutdown:
            try:
                await _call(hook)
            except Exception as error:
                logger.exception("on_shutdown hook %s failed", _name(hook))
                first = first or error
        self._state = "stopped"
        if first is not None:
            raise first

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.startup()
                except Exception as error:
                    logger.exception("GraphQLApp startup failed")
                    await send({"type": "lifespan.startup.failed", "message": _describe(error)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                try:
                    await self.shutdown()
                except Exception as error:
                    await send({"type": "lifespan.shutdown.failed", "message": _describe(error)})
                    return
                await send({"type": "lifespan.shutdown.complete"})
                return

    # ---- HTTP ----------------------------------------------------------------

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = _headers(scope)
        request_id = _request_id(headers.get("x-request-id"))
        response = _Response(send, request_id)
        try:
            await self._route(scope, receive, headers, response)
        except _Disconnected:
            return
        except Exception:
            logger.exception(
                "Internal error answering %s %s (request id %s)",
                scope.get("method"),
                scope.get("path"),
                request_id,
            )
            if not response.started:
                await response.error(500, "Internal server error.", JSON)

    async def _route(
        self, scope: Scope, receive: Receive, headers: dict[str, str], response: _Response
    ) -> None:
        path = _route_path(scope)
        method = scope["method"]
        if path == self.path:
            await self._endpoint(scope, receive, headers, response)
        elif path in (HEALTH_PATH, READY_PATH):
            if method != "GET":
                await response.error(
                    405,
                    f"Method {method} is not allowed at {path}: use GET.",
                    JSON,
                    [("allow", "GET")],
                )
            elif path == HEALTH_PATH:
                await response.send(200, b'{"status":"ok"}', JSON)
            else:
                ready, status = await self._readiness()
                body = json.dumps({"status": status}, separators=(",", ":")).encode()
                await response.send(200 if ready else 503, body, JSON)
        elif self.graphiql_assets is not None and path.startswith(self.path + ASSETS_SEGMENT):
            await self._asset(method, path[len(self.path) + len(ASSETS_SEGMENT) :], response)
        else:
            await response.error(
                404, f"Not found: {path}. The GraphQL endpoint is {self.path}.", JSON
            )

    async def _readiness(self) -> tuple[bool, str]:
        """Whether /readyz says ready, and the word it says."""
        state = self._state
        if state == "starting" or (state == "idle" and self.on_startup):
            return False, "starting"
        if state in ("stopping", "stopped"):
            return False, state
        if state == "failed":
            return False, "startup failed"
        if self.ready is not None:
            try:
                answer = await _call(self.ready)
            except Exception:
                logger.exception("The ready check %s failed", _name(self.ready))
                return False, "not ready"
            if not answer:
                return False, "not ready"
        return True, "ready"

    async def _endpoint(
        self, scope: Scope, receive: Receive, headers: dict[str, str], response: _Response
    ) -> None:
        method = scope["method"]
        response.vary = True
        offers: tuple[str, ...] = (GRAPHQL_RESPONSE_JSON, JSON)
        if method == "GET" and self.graphiql:
            offers += (HTML,)
        media = _negotiate(headers.get("accept"), offers)
        try:
            if method not in ("GET", "POST"):
                raise _Refusal(
                    405,
                    f"Method {method} is not allowed at {self.path}: use POST, or GET for queries.",
                    [("allow", "GET, POST")],
                )
            if media is None:
                what = "application/graphql-response+json or application/json"
                if self.graphiql and method == "GET":
                    what += " (or text/html for GraphiQL)"
                raise _Refusal(
                    406,
                    f"Cannot answer with any type in Accept: {headers['accept']!r}; "
                    f"this endpoint answers with {what}, in UTF-8.",
                )
            if media == HTML:
                await response.send(200, self._graphiql_page(scope), HTML)
                return
            if method == "GET":
                requests: list[_Params] | _Params = _params(
                    _query_params(scope.get("query_string", b"")), "The query string"
                )
            else:
                requests = self._body_params(await self._read_body(receive, headers))
        except _Refusal as refusal:
            await response.error(refusal.status, refusal.message, media or JSON, refusal.headers)
            return
        assert media is not None
        context = await self._context(scope, headers, response.request_id)
        if isinstance(requests, list):
            bodies = []
            for params in requests:
                body, _ = await self._execute(params, method, context, response.request_id)
                bodies.append(body)
            await response.send(200, b"[" + b",".join(bodies) + b"]", media)
            return
        try:
            body, has_data = await self._execute(requests, method, context, response.request_id)
        except _Refusal as refusal:
            await response.error(refusal.status, refusal.message, media, refusal.headers)
            return
        status = 200 if has_data or media == JSON else 400
        await response.send(status, body, media)

    async def _execute(
        self, params: _Params, method: str, context: Any, request_id: str
    ) -> tuple[bytes, bool]:
        """Execute one request: the response body and whether it has data.

        What the operation is matters before executing it in two cases,
        each asked only when the text has the keyword (finding the
        operation costs a walk of the document): a mutation over GET is
        refused (405), and a subscription is a request error, since HTTP
        here has no way to stream its events.
        """
        query = params.query
        check_mutation = method == "GET" and "mutation" in query
        check_subscription = self.schema.subscription_type is not None and "subscription" in query
        if check_mutation or check_subscription:
            operation = self.schema.operation_type(query, params.operation_name)
            if operation is OperationType.MUTATION and method == "GET":
                raise _Refusal(
                    405,
                    "Can only perform a mutation operation from a POST request.",
                    [("allow", "POST")],
                )
            if operation is OperationType.SUBSCRIPTION:
                return _error_body(
                    "Subscriptions cannot be executed over HTTP GET or POST: this server "
                    "has no transport for their events.",
                    request_id,
                ), False
        result = await self.schema.execute_async(
            query, params.variables, params.operation_name, self.root_value, context
        )
        return result.to_json(), result.has_data

    async def _context(self, scope: Scope, headers: dict[str, str], request_id: str) -> Any:
        """The context value for one request: ``context``, called if callable."""
        if not callable(self.context):
            return self.context
        client = scope.get("client")
        request = Request(
            method=scope["method"],
            path=scope["path"],
            headers=headers,
            query_params=_first_values(scope.get("query_string", b"")),
            client=(client[0], client[1]) if client else None,
            request_id=request_id,
            scope=scope,
        )
        return await _call(self.context, request)

    async def _read_body(self, receive: Receive, headers: dict[str, str]) -> bytes:
        """The POST body, checked for type and size before and while it is read."""
        content_type = headers.get("content-type")
        if content_type is None:
            raise _Refusal(
                415,
                "The request has no Content-Type: POST a JSON body with "
                "Content-Type: application/json.",
            )
        media_type, parameters = _media_type(content_type)
        if media_type != JSON:
            raise _Refusal(
                415,
                f"Unsupported Content-Type {content_type!r}: POST a JSON body with "
                "Content-Type: application/json.",
            )
        charset = parameters.get("charset")
        if charset is not None and charset not in ("utf-8", "utf8"):
            raise _Refusal(
                415,
                f"Unsupported charset {charset!r} in Content-Type: the body must be UTF-8 "
                "(charset=utf-8, or no charset).",
            )
        limit = self.max_body_bytes
        length = headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                raise _Refusal(400, f"Content-Length {length!r} is not a number of bytes.")
            if int(length) > limit:
                raise _Refusal(413, _too_large(limit))
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Disconnected
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _Refusal(413, _too_large(limit))
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _body_params(self, body: bytes) -> list[_Params] | _Params:
        """The parameters of a POST body: one request, or a batch."""
        if not body.strip():
            raise _Refusal(
                400, 'The request body is empty: POST a JSON object such as {"query": "{ a }"}.'
            )
        value = _decode_json(body, "The request body")
        if not isinstance(value, list):
            return _params(value, "The request body")
        if not self.allow_batch:
            raise _Refusal(
                400,
                "The request body is a JSON array, and batched requests are not accepted "
                'here: POST one JSON object such as {"query": "{ a }"}.',
            )
        if not value:
            raise _Refusal(400, "The batch (a JSON array) is empty: give one request or more.")
        if len(value) > self.max_batch_size:
            raise _Refusal(
                400,
                f"The batch has {len(value)} requests; at most {self.max_batch_size} are "
                "accepted in one.",
            )
        return [_params(item, f"Request {index} of the batch") for index, item in enumerate(value)]

    # ---- GraphiQL --------------------------------------------------------------

    def _graphiql_page(self, scope: Scope) -> bytes:
        endpoint = scope.get("root_path", "") + self.path
        if self.graphiql_assets is None:
            urls = GRAPHIQL_CDN
            origin = ' crossorigin="anonymous"'
        else:
            urls = {name: endpoint + ASSETS_SEGMENT + name for name in GRAPHIQL_FILES}
            origin = ""
        page = _GRAPHIQL_PAGE.format(
            css=html.escape(urls["graphiql.min.css"]),
            react=html.escape(urls["react.production.min.js"]),
            react_dom=html.escape(urls["react-dom.production.min.js"]),
            graphiql=html.escape(urls["graphiql.min.js"]),
            origin=origin,
            # JSON in a script: "<" escaped, so no "</script>" can end it.
            endpoint=json.dumps(endpoint).replace("<", "\\u003c"),
            source=json.dumps(
                "the CDN (unpkg.com)" if self.graphiql_assets is None else "this server"
            ),
        )
        return page.encode()

    async def _asset(self, method: str, name: str, response: _Response) -> None:
        assert self.graphiql_assets is not None
        if method != "GET":
            await response.error(
                405, f"Method {method} is not allowed: use GET.", JSON, [("allow", "GET")]
            )
            return
        content_type = _ASSET_TYPES.get(os.path.splitext(name)[1].lower())
        body = self._asset_cache.get(name)
        if body is None and content_type is not None and _ASSET_NAME.fullmatch(name):
            file = self.graphiql_assets / name
            if file.is_file():
                body = file.read_bytes()
                self._asset_cache[name] = body
        if body is None or content_type is None:
            await response.error(404, f"Not found: no GraphiQL file {name!r}.", JSON)
            return
        await response.send(200, body, content_type, [("cache-control", "public, max-age=86400")])


# ---- responses -------------------------------------------------------------------


class _Response:
    """Sends one response, with the headers every response has."""

    __slots__ = ("request_id", "send_message", "started", "vary")

    def __init__(self, send: Send, request_id: str) -> None:
        self.send_message = send
        self.request_id = request_id
        self.started = False
        self.vary = False

    async def send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        if content_type in (JSON, GRAPHQL_RESPONSE_JSON, HTML):
            content_type += "; charset=utf-8"
        raw = [
            (b"content-type", content_type.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"x-request-id", self.request_id.encode()),
            (b"x-content-type-options", b"nosniff"),
        ]
        if self.vary:
            raw.append((b"vary", b"accept"))
        raw.extend((name.encode(), value.encode("latin-1")) for name, value in headers)
        self.started = True
        await self.send_message({"type": "http.response.start", "status": status, "headers": raw})
        await self.send_message({"type": "http.response.body", "body": body})

    async def error(
        self,
        status: int,
        message: str,
        content_type: str,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        """A GraphQL-shaped error response, the request id in its extensions."""
        await self.send(status, _error_body(message, self.request_id), content_type, headers)


def _error_body(message: str, request_id: str) -> bytes:
    body = {"errors": [{"message": message}], "extensions": {"requestId": request_id}}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _too_large(limit: int) -> str:
    return f"The request body is larger than this endpoint accepts ({limit} bytes at most)."


# ---- reading requests --------------------------------------------------------------


def _headers(scope: Scope) -> dict[str, str]:
    """The request headers by lowercase name, repeated ones joined."""
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", ()):
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        if name in headers:
            headers[name] += ("; " if name == "cookie" else ", ") + value
        else:
            headers[name] = value
    return headers


def _request_id(given: str | None) -> str:
    """The client's X-Request-Id when it is sane, else a new one."""
    if given is not None:
        given = given.strip()
        if _SAFE_REQUEST_ID.fullmatch(given):
            return given
    return uuid.uuid4().hex


def _route_path(scope: Scope) -> str:
    """The path relative to where the app is mounted (as Starlette's
    get_route_path): ``path`` includes ``root_path`` under ASGI 3."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if root and path.startswith(root) and (len(path) == len(root) or path[len(root)] == "/"):
        path = path[len(root) :]
    return path or "/"


def _media_type(value: str) -> tuple[str, dict[str, str]]:
    """A media type (lowercase) and its parameters (names and charset
    lowercase, quotes taken off)."""
    media_type, *raw_parameters = value.split(";")
    parameters: dict[str, str] = {}
    for raw in raw_parameters:
        name, _, parameter = raw.partition("=")
        name = name.strip().lower()
        parameter = parameter.strip().strip('"')
        parameters[name] = parameter.lower() if name == "charset" else parameter
    return media_type.strip().lower(), parameters


def _negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The media type to answer with, of ``offers``, for an Accept header
    (RFC 9110 section 12.5.1): the one with the highest q, where the most
    specific range that matches an offer gives its q; ties go by
    ``_PREFERRED_NAMED`` or ``_PREFERRED_WILDCARD``. A range asking for a
    charset other than UTF-8 matches nothing. No Accept, or an empty one,
    means application/json. None when nothing acceptable can be produced."""
    if accept is None or not accept.strip():
        return JSON
    ranges: list[tuple[str, str, float]] = []
    for item in accept.split(","):
        media_range, parameters = _media_type(item)
        if media_range == "*":
            media_range = "*/*"
        kind, slash, subtype = media_range.partition("/")
        charset = parameters.get("charset")
        if not slash or (charset is not None and charset not in ("utf-8", "utf8", "*")):
            continue
        try:
            q = float(parameters.get("q", "1"))
        except ValueError:
            continue
        if 0 < q <= 1:
            ranges.append((kind, subtype, q))
        elif q == 0:
            ranges.append((kind, subtype, 0.0))
    best: tuple[float, int, int] | None = None
    chosen = None
    for offer in offers:
        kind, _, subtype = offer.partition("/")
        q, specificity = 0.0, -1
        for range_kind, range_subtype, range_q in ranges:
            if range_kind == kind and range_subtype == subtype:
                rank = 2
            elif range_kind == kind and range_subtype == "*":
                rank = 1
            elif range_kind == "*" and range_subtype == "*":
                rank = 0
            else:
                continue
            if rank > specificity:
                q, specificity = range_q, rank
        if q <= 0:
            continue
        preferred = _PREFERRED_NAMED if specificity == 2 else _PREFERRED_WILDCARD
        key = (q, specificity, -preferred.index(offer))
        if best is None or key > best:
            best, chosen = key, offer
    return chosen


def _split_query_string(raw: bytes, errors: str = "strict") -> list[tuple[str, str]]:
    """The name=value pairs of a query string, percent-decoded and read as
    UTF-8 (raw bytes and %XX escapes alike).

    :raises UnicodeDecodeError: with ``errors="strict"``, a name or value
        that is not UTF-8.
    """
    pairs = []
    for part in raw.split(b"&"):
        if part:
            name, _, value = part.partition(b"=")
            pairs.append(
                (
                    unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", errors),
                    unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8", errors),
                )
            )
    return pairs


def _first_values(raw: bytes) -> dict[str, str]:
    """Each query parameter's first value, for ``Request.query_params``
    (what is not UTF-8 replaced: any request gets one)."""
    values: dict[str, str] = {}
    for name, value in _split_query_string(raw, "replace"):
        values.setdefault(name, value)
    return values


def _query_params(raw: bytes) -> dict[str, Any]:
    """The GraphQL parameters of a GET: ``variables`` and ``extensions`` decoded
    from JSON; an empty ``operationName``, ``variables`` or ``extensions`` is
    taken as absent (clients that always send every parameter send them so)."""
    try:
        pairs = _split_query_string(raw)
    except UnicodeDecodeError:
        raise _Refusal(400, "The query string is not valid UTF-8 (once percent-decoded).") from None
    values: dict[str, Any] = {}
    for name, value in pairs:
        if name not in _PARAMETERS:
            continue
        if name in values:
            raise _Refusal(
                400, f"The query parameter {name!r} is given more than once: give it once."
            )
        values[name] = value
    for name in ("operationName", "variables", "extensions"):
        if values.get(name) == "":
            del values[name]
    for name in ("variables", "extensions"):
        if name in values:
            values[name] = _decode_json(values[name].encode(), f"The query parameter {name!r}")
    return values


def _decode_json(data: bytes, what: str) -> Any:
    """JSON text (UTF-8) as Python values, strictly: no NaN or Infinity, no
    lone surrogates.

    :raises _Refusal: 400, saying what is wrong and where.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Refusal(
            400,
            f"{what} is not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}.",
        ) from None
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise _Refusal(
            400,
            f"{what} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}.",
        ) from None
    except RecursionError:
        raise _Refusal(400, f"{what} is not accepted: its JSON is nested too deeply.") from None
    except ValueError as error:
        raise _Refusal(400, f"{what} is not valid JSON: {error}.") from None
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(value):
        raise _Refusal(
            400,
            f"{what} has a string with a lone surrogate escape (\\uD800 to \\uDFFF without "
            "its pair): strings must be valid Unicode.",
        )
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _has_lone_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _params(value: Any, what: str) -> _Params:
    """The GraphQL request parameters in ``value``, checked: ``query`` a
    string, ``operationName`` a string or null, ``variables`` and
    ``extensions`` objects or null. Other keys are ignored.

    :raises _Refusal: 400 naming the parameter, what it was and what is allowed.
    """
    if not isinstance(value, dict):
        raise _Refusal(
            400,
            f'{what} must be a JSON object such as {{"query": "{{ a }}"}}, got '
            f"{_json_type(value)}.",
        )
    query = value.get("query")
    if query is None:
        raise _Refusal(400, f'{what} has no "query": give the GraphQL document as a string.')
    if not isinstance(query, str):
        raise _Refusal(
            400,
            f'{what}: "query" must be a string (the GraphQL document), got {_json_type(query)}.',
        )
    operation_name = value.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise _Refusal(
            400,
            f'{what}: "operationName" must be a string or null, got {_json_type(operation_name)}.',
        )
    maps = []
    for name in ("variables", "extensions"):
        item = value.get(name)
        if item is not None and not isinstance(item, dict):
            raise _Refusal(
                400, f'{what}: "{name}" must be an object or null, got {_json_type(item)}.'
            )
        maps.append(item)
    return _Params(query, operation_name, maps[0], maps[1])


def _json_type(value: Any) -> str:
    """A decoded JSON value's kind, as a message names it."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


# ---- helpers -------------------------------------------------------------------------


def _hooks(hooks: Hook | Sequence[Hook] | None, name: str) -> tuple[Hook, ...]:
    if hooks is None:
        return ()
    found = (hooks,) if callable(hooks) else tuple(hooks)
    for hook in found:
        if not callable(hook):
            raise TypeError(
                f"GraphQLApp() argument {name!r} must be a callable or a sequence of callables, "
                f"got {type(hook).__name__}"
            )
    return found


def _assets_dir(directory: str | os.PathLike[str]) -> Path:
    path = Path(directory).resolve()
    missing = [name for name in GRAPHIQL_FILES if not (path / name).is_file()]
    if missing:
        raise ValueError(
            f"GraphQLApp() argument 'graphiql_assets': {os.fspath(directory)!r} lacks "
            + ", ".join(missing)
            + ". Fill it with tools/graphiql/fetch.sh DIR (graphiql 3.9.0, react 18.3.1 and "
            "react-dom 18.3.1 from npm), or copy graphiql.min.js and graphiql.min.css from "
            "the graphiql package and umd/react.production.min.js and "
            "umd/react-dom.production.min.js from react and react-dom."
        )
    return path


async def _call(function: Callable[..., Any], *args: Any) -> Any:
    """Call a user's function, sync or async."""
    result = function(*args)
    if inspect.isawaitable(result):
        result = await result
    return result


def _name(function: Callable[..., Any]) -> str:
    return getattr(function, "__qualname__", None) or repr(function)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


_GRAPHIQL_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL</title>
<style>
  body {{ margin: 0; height: 100vh; overflow: hidden; }}
  #graphiql {{ height: 100vh; }}
  #graphiql > p {{ font-family: system-ui, sans-serif; padding: 1em 2em; }}
</style>
<link rel="stylesheet" href="{css}"{origin}>
<script src="{react}"{origin}></script>
<script src="{react_dom}"{origin}></script>
<script src="{graphiql}"{origin}></script>
</head>
<body>
<div id="graphiql"><p>Loading GraphiQL&hellip;</p></div>
<script>
  const root = document.getElementById("graphiql");
  if (typeof GraphiQL === "undefined" || typeof ReactDOM === "undefined") {{
    root.firstChild.textContent = "GraphiQL could not be loaded from " + {source}
      + ". Without internet access, serve it locally: GraphQLApp(graphiql_assets=DIR).";
  }} else {{
    const fetcher = GraphiQL.createFetcher({{ url: {endpoint} }});
    ReactDOM.createRoot(root).render(
      React.createElement(GraphiQL, {{ fetcher, defaultEditorToolsVisibility: true }})
    );
  }}
</script>
</body>
</html>
"""
