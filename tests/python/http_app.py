"""The apps the HTTP tests and the graphql-http audit serve.

``app`` is a ``GraphQLApp`` over a small schema with a query, a mutation,
an error field, variables, a context made from the request and a readiness
flag the tests can turn off (``make http-audit`` serves it by default).
``site`` mounts three apps the way Starlette's ``Mount`` does (a
``root_path`` added to the scope): ``app`` at ``/``, one with batching at
``/batching`` and one with GraphiQL's files served locally at ``/local``,
from the directory named by ``$GRAFTQL_TEST_GRAPHIQL_ASSETS``.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from typing import Any

import graftql
from graftql.asgi import GraphQLApp, Request

SDL = """
type Query {
  hello(name: String = "world"): String!
  fail: String
  required: String!
  double(value: Int!): Int!
  header(name: String!): String
  requestId: String!
  client: String
  started: Boolean!
  counter: Int!
}

type Mutation {
  bump(by: Int! = 1): Int!
  setReady(ready: Boolean!): Boolean!
}

type Subscription {
  ticks: Int!
}
"""

state: dict[str, Any] = {"counter": 0, "ready": True, "started": False}


def fail(parent: Any, info: Any) -> str:
    raise ValueError("this field always fails")


def required(parent: Any, info: Any) -> None:
    return None


async def double(parent: Any, info: Any, value: int) -> int:
    await asyncio.sleep(0)
    return value * 2


def header(parent: Any, info: Any, name: str) -> str | None:
    request: Request = info.context["request"]
    return request.headers.get(name.lower())


def bump(parent: Any, info: Any, by: int) -> int:
    state["counter"] += by
    return int(state["counter"])


def set_ready(parent: Any, info: Any, ready: bool) -> bool:
    state["ready"] = ready
    return ready


async def ticks(parent: Any, info: Any) -> AsyncIterator[int]:
    yield 1


schema = graftql.Schema(
    SDL,
    {
        "Query": {
            "hello": lambda parent, info, name: f"Hello, {name}!",
            "fail": fail,
            "required": required,
            "double": double,
            "header": header,
            "requestId": lambda parent, info: info.context["request"].request_id,
            "client": lambda parent, info: (info.context["request"].client or ("?",))[0],
            "started": lambda parent, info: state["started"],
            "counter": lambda parent, info: state["counter"],
        },
        "Mutation": {"bump": bump, "setReady": set_ready},
        "Subscription": {"ticks": ticks},
    },
)


async def context(request: Request) -> dict[str, Any]:
    """The context of each request; a request with X-Test-Fail-Context makes
    it raise, for the 500 tests."""
    if "x-test-fail-context" in request.headers:
        raise RuntimeError("the context could not be made")
    await asyncio.sleep(0)
    return {"request": request}


async def open_resources() -> None:
    await asyncio.sleep(0)
    state["started"] = True


def close_resources() -> None:
    state["started"] = False


app = GraphQLApp(
    schema,
    context=context,
    max_body_bytes=10_000,
    ready=lambda: state["ready"],
    on_startup=open_resources,
    on_shutdown=close_resources,
)

batching = GraphQLApp(schema, context=context, allow_batch=True, max_batch_size=3)

_assets = os.environ.get("GRAFTQL_TEST_GRAPHIQL_ASSETS")
local = GraphQLApp(schema, context=context, graphiql_assets=_assets) if _assets else None


async def site(scope: Any, receive: Any, send: Any) -> None:
    """``app``, with ``batching`` and ``local`` mounted at /batching and /local."""
    path = scope.get("path", "")
    for prefix, mounted in (("/batching", batching), ("/local", local)):
        if mounted is not None and (path == prefix or path.startswith(prefix + "/")):
            scope = dict(scope, root_path=scope.get("root_path", "") + prefix)
            await mounted(scope, receive, send)
            return
    await app(scope, receive, send)
