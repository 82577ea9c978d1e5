"""GraphQLApp in process, as an ASGI callable: the lifespan protocol and
readiness, the options and their checks, mounting under a root_path, and
what a server would stop before the app (a bad Content-Length, a client
that goes away). test_http.py has the rules over real HTTP."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from http_app import schema

import graftql
from graftql.asgi import GRAPHIQL_FILES, GraphQLApp, Request

Message = dict[str, Any]


def call(app: Any, method: str, path: str, **kw: Any) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, path, **kw)

    return asyncio.run(run())


def query(app: Any, text: str, path: str = "/graphql", **kw: Any) -> httpx.Response:
    return call(app, "POST", path, json={"query": text}, **kw)


async def lifespan(app: GraphQLApp, *events: str) -> list[Message]:
    """Send lifespan events to app; what it answered."""
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    for event in events:
        inbox.put_nowait({"type": f"lifespan.{event}"})
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    await app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, send)
    return sent


def readyz(app: GraphQLApp) -> tuple[int, str]:
    response = call(app, "GET", "/readyz")
    return response.status_code, response.json()["status"]


# ---- lifespan and readiness ----------------------------------------------------------


def test_lifespan_runs_the_hooks_in_order() -> None:
    log: list[str] = []

    async def open_db() -> None:
        log.append("open db")

    app = GraphQLApp(
        schema,
        on_startup=[open_db, lambda: log.append("warm cache")],
        on_shutdown=lambda: log.append("close db"),
    )
    sent = asyncio.run(lifespan(app, "startup", "shutdown"))
    assert [message["type"] for message in sent] == [
        "lifespan.startup.complete",
        "lifespan.shutdown.complete",
    ]
    assert log == ["open db", "warm cache", "close db"]


def test_a_failed_startup_is_reported_and_not_ready(caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise OSError("database unreachable")

    app = GraphQLApp(schema, on_startup=broken)
    with caplog.at_level(logging.ERROR, logger="graftql.asgi"):
        sent = asyncio.run(lifespan(app, "startup"))
    assert sent == [{"type": "lifespan.startup.failed", "message": "OSError: database unreachable"}]
    assert "GraphQLApp startup failed" in caplog.text
    assert readyz(app) == (503, "startup failed")


def test_every_shutdown_hook_runs_and_the_first_error_is_reported() -> None:
    log: list[str] = []

    def first() -> None:
        log.append("first")
        raise ValueError("first failed")

    async def second() -> None:
        log.append("second")

    app = GraphQLApp(schema, on_shutdown=[first, second])
    sent = asyncio.run(lifespan(app, "startup", "shutdown"))
    assert sent[-1] == {"type": "lifespan.shutdown.failed", "message": "ValueError: first failed"}
    assert log == ["first", "second"]
    assert readyz(app) == (503, "stopped")


def test_readyz_says_starting_until_the_startup_hooks_are_done() -> None:
    async def scenario() -> list[tuple[int, str]]:
        release = asyncio.Event()

        async def slow_startup() -> None:
            await release.wait()

        app = GraphQLApp(schema, on_startup=slow_startup)
        seen = [await readyz_async(app)]  # no lifespan event yet
        startup = asyncio.ensure_future(app.startup())
        await asyncio.sleep(0)
        seen.append(await readyz_async(app))
        release.set()
        await startup
        seen.append(await readyz_async(app))
        await app.shutdown()
        seen.append(await readyz_async(app))
        return seen

    assert asyncio.run(scenario()) == [
        (503, "starting"),
        (503, "starting"),
        (200, "ready"),
        (503, "stopped"),
    ]


async def readyz_async(app: GraphQLApp) -> tuple[int, str]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/readyz")
    return response.status_code, response.json()["status"]


def test_without_lifespan_and_hooks_the_app_is_ready() -> None:
    assert readyz(GraphQLApp(schema)) == (200, "ready")


@pytest.mark.parametrize("answer", [True, False])
def test_an_async_ready_check(answer: bool) -> None:
    async def ready() -> bool:
        await asyncio.sleep(0)
        return answer

    expected = (200, "ready") if answer else (503, "not ready")
    assert readyz(GraphQLApp(schema, ready=ready)) == expected


def test_a_ready_check_that_raises_is_not_ready(caplog: pytest.LogCaptureFixture) -> None:
    def ready() -> bool:
        raise ConnectionError("no database")

    with caplog.at_level(logging.ERROR, logger="graftql.asgi"):
        assert readyz(GraphQLApp(schema, ready=ready)) == (503, "not ready")
    assert "ConnectionError: no database" in caplog.text


# ---- context and root value ------------------------------------------------------------


def test_the_context_may_be_a_value_or_a_sync_callable() -> None:
    seen: list[Request] = []

    def make(request: Request) -> dict[str, Any]:
        seen.append(request)
        return {"request": request}

    app = GraphQLApp(schema, context=make)
    response = call(
        app,
        "POST",
        "/graphql?token=a&token=b&x=%FF",
        json={"query": '{ header(name: "x-a") }'},
        headers=[("x-a", "1"), ("X-A", "2"), ("cookie", "a=1"), ("cookie", "b=2")],
    )
    assert response.json() == {"data": {"header": "1, 2"}}
    [request] = seen
    assert (request.method, request.path) == ("POST", "/graphql")
    assert request.query_params == {"token": "a", "x": "\ufffd"}
    assert request.headers["cookie"] == "a=1; b=2"
    assert request.request_id == response.headers["x-request-id"]
    assert request.scope["type"] == "http"
    fixed = {"request": request}
    assert query(GraphQLApp(schema, context=fixed), '{ header(name: "x-a") }').json() == {
        "data": {"header": "1, 2"}
    }


def test_the_context_is_not_made_for_malformed_requests() -> None:
    calls: list[Request] = []
    app = GraphQLApp(schema, context=calls.append)
    assert call(app, "POST", "/graphql", json={"query": 1}).status_code == 400
    assert calls == []


def test_the_root_value_reaches_the_resolvers() -> None:
    root = {"hello": "from the root"}
    plain = graftql.Schema("type Query { hello: String }")
    response = query(GraphQLApp(plain, root_value=root), "{ hello }")
    assert response.json() == {"data": {"hello": "from the root"}}


# ---- mounting, options ------------------------------------------------------------------


def test_mounted_under_a_root_path() -> None:
    app = GraphQLApp(schema, path="/api")

    async def parent(scope: Any, receive: Any, send: Any) -> None:
        # What Starlette's Mount("/v1", app) passes on: the full path, and
        # the mount point as root_path.
        await app(dict(scope, root_path="/v1"), receive, send)

    assert query(parent, "{ hello }", path="/v1/api").json() == {"data": {"hello": "Hello, world!"}}
    assert call(parent, "GET", "/v1/healthz").status_code == 200
    assert call(parent, "GET", "/v1/graphql").status_code == 404
    page = call(parent, "GET", "/v1/api", headers={"accept": "text/html"}).text
    assert 'GraphiQL.createFetcher({ url: "/v1/api" })' in page


def test_graphiql_off() -> None:
    app = GraphQLApp(schema, graphiql=False)
    response = call(app, "GET", "/graphql", headers={"accept": "text/html"})
    assert response.status_code == 406
    assert "(or text/html for GraphiQL)" not in response.json()["errors"][0]["message"]
    on = call(GraphQLApp(schema), "GET", "/graphql", headers={"accept": "text/plain"})
    assert "(or text/html for GraphiQL)" in on.json()["errors"][0]["message"]


def test_the_endpoint_is_escaped_in_the_page() -> None:
    app = GraphQLApp(schema, path="/</script><b>")
    page = call(app, "GET", "/</script><b>", headers={"accept": "text/html"}).text
    assert "</script><b>" not in page
    assert '"/\\u003c/script>\\u003cb>"' in page


def test_local_assets_must_hold_the_graphiql_files(tmp_path: Path) -> None:
    (tmp_path / "graphiql.min.js").write_text("")
    with pytest.raises(ValueError) as raised:
        GraphQLApp(schema, graphiql_assets=tmp_path)
    message = str(raised.value)
    assert "lacks react.production.min.js, react-dom.production.min.js, graphiql.min.css" in message
    assert "tools/graphiql/fetch.sh DIR" in message
    for name in GRAPHIQL_FILES:
        (tmp_path / name).write_text(name)
    app = GraphQLApp(schema, graphiql_assets=str(tmp_path))
    assert call(app, "GET", "/graphql/_graphiql/graphiql.min.css").text == "graphiql.min.css"
    response = call(app, "POST", "/graphql/_graphiql/graphiql.min.css")
    assert (response.status_code, response.headers["allow"]) == (405, "GET")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"path": "graphql"}, ValueError, "argument 'path' must start with '/'"),
        ({"path": "/graphql/"}, ValueError, "argument 'path' must not end with '/'"),
        ({"path": "/healthz"}, ValueError, "cannot be /healthz: it is a health check"),
        ({"max_body_bytes": 0}, ValueError, "'max_body_bytes' must be an int of 1 or more"),
        ({"max_batch_size": True}, ValueError, "'max_batch_size' must be an int of 1 or more"),
        ({"ready": True}, TypeError, "argument 'ready' must be callable"),
        ({"on_startup": [print, 1]}, TypeError, "'on_startup' must be a callable or a sequence"),
    ],
)
def test_options_are_checked(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        GraphQLApp(schema, **kwargs)


def test_a_schema_is_required() -> None:
    with pytest.raises(TypeError, match=r"expects a graftql\.Schema, got str"):
        GraphQLApp("type Query { a: Int }")  # type: ignore[arg-type]


# ---- what a server usually stops first ------------------------------------------------------


async def raw(app: GraphQLApp, scope: dict[str, Any], messages: list[Message]) -> list[Message]:
    inbox = list(messages)
    sent: list[Message] = []

    async def receive() -> Message:
        return inbox.pop(0) if inbox else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


def http_scope(headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": headers,
    }


def test_a_bad_content_length_is_400() -> None:
    scope = http_scope([(b"content-type", b"application/json"), (b"content-length", b"-5")])
    sent = asyncio.run(raw(GraphQLApp(schema), scope, []))
    assert sent[0]["status"] == 400
    assert b"Content-Length '-5' is not a number of bytes." in sent[1]["body"]


def test_a_client_that_goes_away_gets_nothing() -> None:
    scope = http_scope([(b"content-type", b"application/json")])
    messages = [{"type": "http.request", "body": b'{"query"', "more_body": True}]
    assert asyncio.run(raw(GraphQLApp(schema), scope, messages)) == []


def test_websockets_are_refused() -> None:
    sent = asyncio.run(
        raw(GraphQLApp(schema), {"type": "websocket", "path": "/graphql"}, [{"type": "x"}])
    )
    assert sent == [{"type": "websocket.close", "code": 1008}]


def test_an_unknown_scope_type_raises() -> None:
    with pytest.raises(ValueError, match="cannot serve ASGI scope type 'other'"):
        asyncio.run(raw(GraphQLApp(schema), {"type": "other"}, []))


def test_a_failure_after_the_response_started_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        if message["type"] == "http.response.body":
            raise RuntimeError("connection lost while sending")
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request", "body": b'{"query": "{ hello }"}'}

    scope = http_scope([(b"content-type", b"application/json"), (b"x-request-id", b"r-1")])
    app: Callable[..., Awaitable[None]] = GraphQLApp(schema)
    with caplog.at_level(logging.ERROR, logger="graftql.asgi"):
        asyncio.run(app(scope, receive, send))
    # Only the start went out: no second response after it.
    assert [message["type"] for message in sent] == ["http.response.start"]
    assert "Internal error answering POST /graphql (request id r-1)" in caplog.text
