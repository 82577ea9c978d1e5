"""Execution workloads: the shop data (bench/workloads/shop.py) through every engine.

- execute (W1): the big query (1,000 users x 10 orders x 3 items, 164,001
  fields) from its text, default resolvers reading the nested dicts given as
  the root value; the response as Python objects. graphql-core's
  graphql_sync(...).data, graftql's schema.execute(...).to_dict(),
  Strawberry's schema.execute_sync(...).data, Ariadne's graphql_sync(...)
  (its response dict); graphql-js's graphqlSync and graphql-jit's compiled
  query (looked up by text) give JavaScript objects.
- execute-json (W1): the same, the response as JSON bytes: graftql's
  to_json(), json.dumps(response, separators=(",", ":"),
  ensure_ascii=False).encode() for the Python peers, JSON.stringify in node.
- execute-only (W1): execution alone, the document parsed and validated
  beforehand: graphql-core's execute(schema, document), graphql-js's
  execute, graphql-jit's compiled query; graftql's schema.execute(text) of
  a text seen before, which its plan cache answers without parsing,
  validating or planning again.
- execute-async, execute-async-json (W2): W1 with User.orders an async
  resolver returning the user's orders, under each engine's async entry
  point (graftql's execute_async, graphql-core's graphql, Strawberry's
  execute, Ariadne's graphql; graphql-js's graphql and graphql-jit's
  promise), awaited on an asyncio event loop (in node, awaited in a loop).
- execute-small (W3): `{ user(id: 1) { id name } }` from its text each
  time, through the whole pipeline, a Query.user resolver doing a dict
  lookup: graftql's plan cache makes a repeat cost only execution,
  graphql-core parses and validates it every time.
- execute-dataloader (W4): users and their orders (34,001 fields), each
  user's orders loaded through a DataLoader created per request (1,000
  loads, one batch), async: graftql.DataLoader, graphql-core with
  aiodataloader's DataLoader, Strawberry's DataLoader, Ariadne with
  aiodataloader.

Before timing, each peer's response is checked equal to graphql-core's on
the same data: JSON bytes identical for the JSON workloads, otherwise the
same objects in the same order (a Float that came back as an int, or keys
out of order, is a difference). graftql is reported as skipped until its
Schema has execute (and execute_async, DataLoader) to call.

    python -m bench execute execute-json execute-only execute-async \
        execute-async-json execute-small execute-dataloader

The node peers run alone too: `python -m bench.workloads.shop node-inputs >
inputs.json`, then `node bench/node/bench.mjs < inputs.json`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from types import ModuleType
from typing import Any

from bench.peers import PeerUnavailable
from bench.workloads import shop
from bench.workloads.registry import Op, Setup, Timed, Workload, register, timed_async

ASYNC_FIELDS = shop.ASYNC_FIELDS


def _dumps(response: object) -> bytes:
    """The response as JSON bytes, as graftql's to_json() writes it."""
    return json.dumps(response, separators=(",", ":"), ensure_ascii=False).encode()


def _no_errors(peer: str, errors: object) -> None:
    if errors:
        first = errors[0] if isinstance(errors, list) else errors
        raise AssertionError(f"{peer} answered the bench query with errors: {first}")


# === graphql-core ============================================================


@cache
def _core_schema(kind: str) -> Any:
    """graphql-core's schema: kind "plain" (default resolvers, Query.user),
    "async" (User.orders async), "loader" (User.orders through the context's
    loader)."""
    from graphql import build_schema

    schema = build_schema(shop.SDL)
    fields = schema.type_map["User"].fields
    if kind == "plain":
        by_id = shop.users_by_id()
        schema.query_type.fields["user"].resolve = lambda _root, _info, id: by_id.get(id)
    elif kind == "async":

        async def orders(user: dict[str, Any], _info: Any) -> Any:
            return user["orders"]

        fields["orders"].resolve = orders
    elif kind == "loader":
        fields["orders"].resolve = lambda user, info: info.context["orders"].load(user["id"])
    return schema


def _core_sync(json_out: bool, query: str = shop.BIG_QUERY) -> Setup:
    def setup(m: ModuleType) -> Op:
        schema, root, graphql_sync = _core_schema("plain"), shop.root(), m.graphql_sync
        _no_errors("graphql-core", graphql_sync(schema, query, root).errors)
        if json_out:
            return lambda: _dumps(graphql_sync(schema, query, root).formatted)
        return lambda: graphql_sync(schema, query, root).data

    return setup


def _core_prepared(m: ModuleType) -> Op:
    schema, root, execute = _core_schema("plain"), shop.root(), m.execute
    document = m.parse(shop.BIG_QUERY)
    errors = m.validate(schema, document)
    _no_errors("graphql-core", errors)
    return lambda: execute(schema, document, root).data


def _core_async(json_out: bool) -> Setup:
    def setup(m: ModuleType) -> Timed:
        schema, root, graphql = _core_schema("async"), shop.root(), m.graphql
        query = shop.BIG_QUERY

        async def op() -> object:
            result = await graphql(schema, query, root)
            if json_out:
                return _dumps(result.formatted)
            _no_errors("graphql-core", result.errors)
            return result.data

        return timed_async(op)

    return setup


def _core_loader(m: ModuleType) -> Timed:
    try:
        from aiodataloader import DataLoader
    except ImportError:
        raise PeerUnavailable(
            "aiodataloader is not installed (pip install aiodataloader)"
        ) from None
    schema, root, graphql = _core_schema("loader"), shop.root(), m.graphql
    query, by_user = shop.LOADER_QUERY, shop.orders_by_user()

    async def load(keys: list[int]) -> list[Any]:
        return [by_user[k] for k in keys]

    async def op() -> object:
        result = await graphql(schema, query, root, {"orders": DataLoader(load)})
        _no_errors("graphql-core", result.errors)
        return result.data

    return timed_async(op)


# === graftql =================================================================


def _graftql_schema(m: ModuleType, kind: str, need: str = "execute") -> Any:
    if not hasattr(m.Schema, need):
        raise PeerUnavailable(f"not available: graftql.Schema has no {need}() yet")
    resolvers: dict[str, dict[str, Callable[..., Any]]] = {}
    if kind == "plain":
        by_id = shop.users_by_id()
        resolvers = {"Query": {"user": lambda _root, _info, id: by_id.get(id)}}
    elif kind == "async":

        async def orders(user: dict[str, Any], _info: Any) -> Any:
            return user["orders"]

        resolvers = {"User": {"orders": orders}}
    elif kind == "loader":
        resolvers = {"User": {"orders": lambda user, info: info.context["orders"].load(user["id"])}}
    return m.Schema(shop.SDL, resolvers=resolvers)


def _graftql_sync(json_out: bool, query: str = shop.BIG_QUERY) -> Setup:
    def setup(m: ModuleType) -> Op:
        execute, root = _graftql_schema(m, "plain").execute, shop.root()
        if json_out:
            return lambda: execute(query, root_value=root).to_json()
        return lambda: execute(query, root_value=root).to_dict()

    return setup


def _graftql_async(json_out: bool) -> Setup:
    def setup(m: ModuleType) -> Timed:
        execute = _graftql_schema(m, "async", "execute_async").execute_async
        root, query = shop.root(), shop.BIG_QUERY

        async def op() -> object:
            result = await execute(query, root_value=root)
            return result.to_json() if json_out else result.to_dict()

        return timed_async(op)

    return setup


def _graftql_loader(m: ModuleType) -> Timed:
    if not hasattr(m, "DataLoader"):
        raise PeerUnavailable("not available: graftql has no DataLoader yet")
    execute = _graftql_schema(m, "loader", "execute_async").execute_async
    root, query, by_user = shop.root(), shop.LOADER_QUERY, shop.orders_by_user()
    DataLoader = m.DataLoader

    async def load(keys: list[int]) -> list[Any]:
        return [by_user[k] for k in keys]

    async def op() -> object:
        result = await execute(query, root_value=root, context_value={"orders": DataLoader(load)})
        return result.to_dict()

    return timed_async(op)


# === Strawberry ==============================================================


def _strawberry() -> Any:
    from bench.workloads import strawberry_shop

    return strawberry_shop


def _strawberry_sync(json_out: bool, query: str = shop.BIG_QUERY) -> Setup:
    def setup(_m: ModuleType) -> Op:
        schema, root = _strawberry().plain()
        execute = schema.execute_sync
        _no_errors("strawberry", execute(query, root_value=root).errors)
        if json_out:
            return lambda: _dumps({"data": execute(query, root_value=root).data})
        return lambda: execute(query, root_value=root).data

    return setup


def _strawberry_async(json_out: bool) -> Setup:
    def setup(_m: ModuleType) -> Timed:
        schema, root = _strawberry().with_async_orders()
        execute, query = schema.execute, shop.BIG_QUERY

        async def op() -> object:
            result = await execute(query, root_value=root)
            _no_errors("strawberry", result.errors)
            return _dumps({"data": result.data}) if json_out else result.data

        return timed_async(op)

    return setup


def _strawberry_loader(_m: ModuleType) -> Timed:
    module = _strawberry()
    schema, root = module.with_loader()
    execute, query, new_loader = schema.execute, shop.LOADER_QUERY, module.new_loader

    async def op() -> object:
        result = await execute(query, root_value=root, context_value={"orders": new_loader()})
        _no_errors("strawberry", result.errors)
        return result.data

    return timed_async(op)


# === Ariadne =================================================================


@cache
def _ariadne_schema(kind: str) -> Any:
    from ariadne import ObjectType, make_executable_schema

    query_type, user_type = ObjectType("Query"), ObjectType("User")
    if kind == "plain":
        by_id = shop.users_by_id()
        query_type.set_field("user", lambda _root, _info, id: by_id.get(id))
    elif kind == "async":

        async def orders(user: dict[str, Any], _info: Any) -> Any:
            return user["orders"]

        user_type.set_field("orders", orders)
    elif kind == "loader":
        user_type.set_field("orders", lambda user, info: info.context["orders"].load(user["id"]))
    return make_executable_schema(shop.SDL, query_type, user_type)


def _ariadne_sync(json_out: bool, query: str = shop.BIG_QUERY) -> Setup:
    def setup(m: ModuleType) -> Op:
        schema, root, graphql_sync = _ariadne_schema("plain"), shop.root(), m.graphql_sync
        data = {"query": query}
        if json_out:
            return lambda: _dumps(graphql_sync(schema, data, root_value=root)[1])
        return lambda: graphql_sync(schema, data, root_value=root)[1]

    return setup


def _ariadne_async(json_out: bool) -> Setup:
    def setup(m: ModuleType) -> Timed:
        schema, root, graphql = _ariadne_schema("async"), shop.root(), m.graphql
        data = {"query": shop.BIG_QUERY}

        async def op() -> object:
            _, response = await graphql(schema, data, root_value=root)
            return _dumps(response) if json_out else response

        return timed_async(op)

    return setup


def _ariadne_loader(m: ModuleType) -> Timed:
    try:
        from aiodataloader import DataLoader
    except ImportError:
        raise PeerUnavailable(
            "aiodataloader is not installed (pip install aiodataloader)"
        ) from None
    schema, root, graphql = _ariadne_schema("loader"), shop.root(), m.graphql
    data, by_user = {"query": shop.LOADER_QUERY}, shop.orders_by_user()

    async def load(keys: list[int]) -> list[Any]:
        return [by_user[k] for k in keys]

    async def op() -> object:
        _, response = await graphql(
            schema, data, root_value=root, context_value={"orders": DataLoader(load)}
        )
        return response

    return timed_async(op)


# === graphql-js, graphql-jit (node) ==========================================


def _node(mode: str, output: str, async_orders: bool = False) -> Setup:
    def setup(engine: Any) -> Timed:
        timed: Timed = engine.timed(
            mode=mode,
            output=output,
            sdl=shop.SDL,
            query=shop.BIG_QUERY,
            data=shop.root(),
            asyncFields=ASYNC_FIELDS if async_orders else [],
        )
        return timed

    return setup


def _node_setups(mode: str, output: str, async_orders: bool = False) -> dict[str, Setup]:
    return {
        "graphql-js": _node(mode, output, async_orders),
        "graphql-jit": _node(mode, output, async_orders),
    }


# === The check ===============================================================


def _first_difference(got: Any, expected: Any, path: str = "") -> str | None:
    where = path or "the top"
    if type(got) is not type(expected):
        return f"at {where}: {type(got).__name__} {got!r:.60}, expected {expected!r:.60}"
    if isinstance(expected, dict):
        if list(got) != list(expected):
            return f"at {where}: keys {list(got)!r:.80}, expected {list(expected)!r:.80}"
        for key in expected:
            found = _first_difference(got[key], expected[key], f"{path}.{key}" if path else key)
            if found:
                return found
        return None
    if isinstance(expected, list):
        if len(got) != len(expected):
            return f"at {path}: {len(got)} elements, expected {len(expected)}"
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            found = _first_difference(g, e, f"{path}[{i}]")
            if found:
                return found
        return None
    if got != expected:
        return f"at {path}: {got!r:.60}, expected {expected!r:.60}"
    return None


def _response(peer: str, output: object) -> Any:
    """A peer's output as the spec response ({"data": ...}), JSON decoded."""
    if isinstance(output, bytes | str):
        return json.loads(output)  # JSON workloads; node's output is always JSON text
    if peer in ("graftql", "ariadne"):
        return output  # to_dict(), Ariadne's response
    return {"data": output}  # .data of graphql-core and Strawberry (errors checked in setup)


def _same_response(results: Mapping[str, tuple[object, object]]) -> str | None:
    expected_output = results["graphql-core"][1]
    expected = _response("graphql-core", expected_output)
    if "errors" in expected or not expected.get("data"):
        return f"graphql-core's response has errors or no data: {str(expected)[:200]}"
    for peer, (_, output) in results.items():
        if peer == "graphql-core":
            continue
        if isinstance(expected_output, bytes):
            got = output.encode() if isinstance(output, str) else output
            if not isinstance(got, bytes):
                return f"{peer}: the output is {type(got).__name__}, not JSON bytes"
            if got == expected_output:
                continue
        problem = _first_difference(_response(peer, output), expected)
        if problem:
            return f"{peer}: response differs from graphql-core's {problem}"
        if isinstance(expected_output, bytes):
            pairs = enumerate(zip(got, expected_output, strict=False))
            at = next((i for i, (a, b) in pairs if a != b), min(len(got), len(expected_output)))
            return (
                f"{peer}: the same response, but the JSON bytes differ from graphql-core's "
                f"json.dumps at byte {at}: {got[at - 20 : at + 20]!r}"
            )
    return None


# === Registration ============================================================


@cache
def _big_fields() -> int:
    from graphql import graphql_sync

    return shop.count_fields(graphql_sync(_core_schema("plain"), shop.BIG_QUERY, shop.root()).data)


def _inputs_big() -> str:
    return f"{shop.describe()}; the response has {_big_fields():,} fields"


def _inputs_loader() -> str:
    from graphql import graphql_sync

    data = graphql_sync(_core_schema("plain"), shop.LOADER_QUERY, shop.root()).data
    return (
        f"{shop.USERS:,} users x {shop.ORDERS_PER_USER} orders, "
        f"{shop.count_fields(data):,} fields, {shop.USERS:,} loads per request"
    )


register(
    Workload(
        name="execute",
        description="W1: the 1,000 x 10 x 3 query from its text, default resolvers over "
        "nested dicts, the response as Python objects (graphql_sync(...).data against "
        "schema.execute(...).to_dict())",
        setups={
            "graphql-core": _core_sync(json_out=False),
            "graftql": _graftql_sync(json_out=False),
            "strawberry": _strawberry_sync(json_out=False),
            "ariadne": _ariadne_sync(json_out=False),
            **_node_setups("execute", "object"),
        },
        inputs=_inputs_big,
        check=_same_response,
    )
)

register(
    Workload(
        name="execute-json",
        description="W1 with the response as JSON bytes (json.dumps(result.formatted) "
        "against schema.execute(...).to_json(); JSON.stringify in node)",
        setups={
            "graphql-core": _core_sync(json_out=True),
            "graftql": _graftql_sync(json_out=True),
            "strawberry": _strawberry_sync(json_out=True),
            "ariadne": _ariadne_sync(json_out=True),
            **_node_setups("execute", "json"),
        },
        inputs=_inputs_big,
        check=_same_response,
    )
)

register(
    Workload(
        name="execute-only",
        description="W1 execution alone, the document parsed and validated beforehand "
        "(execute(schema, document) against schema.execute(text) of a cached plan)",
        setups={
            "graphql-core": _core_prepared,
            "graftql": _graftql_sync(json_out=False),
            **_node_setups("prepared", "object"),
        },
        inputs=_inputs_big,
        check=_same_response,
    )
)

register(
    Workload(
        name="execute-async",
        description="W2: W1 with User.orders an async resolver, async execution, the "
        "response as Python objects (await graphql(...) against await schema.execute_async(...))",
        setups={
            "graphql-core": _core_async(json_out=False),
            "graftql": _graftql_async(json_out=False),
            "strawberry": _strawberry_async(json_out=False),
            "ariadne": _ariadne_async(json_out=False),
            **_node_setups("execute", "object", async_orders=True),
        },
        inputs=_inputs_big,
        check=_same_response,
    )
)

register(
    Workload(
        name="execute-async-json",
        description="W2 with the response as JSON bytes",
        setups={
            "graphql-core": _core_async(json_out=True),
            "graftql": _graftql_async(json_out=True),
            "strawberry": _strawberry_async(json_out=True),
            "ariadne": _ariadne_async(json_out=True),
            **_node_setups("execute", "json", async_orders=True),
        },
        inputs=_inputs_big,
        check=_same_response,
    )
)

register(
    Workload(
        name="execute-small",
        description="W3: { user(id: 1) { id name } } from its text each time, the whole "
        "pipeline (graphql_sync against schema.execute: graftql's plan cache answers repeats)",
        setups={
            "graphql-core": _core_sync(json_out=False, query=shop.SMALL_QUERY),
            "graftql": _graftql_sync(json_out=False, query=shop.SMALL_QUERY),
            "strawberry": _strawberry_sync(json_out=False, query=shop.SMALL_QUERY),
            "ariadne": _ariadne_sync(json_out=False, query=shop.SMALL_QUERY),
        },
        inputs=lambda: f"{len(shop.SMALL_QUERY)} bytes of query, one resolver (a dict lookup)",
        check=_same_response,
    )
)

register(
    Workload(
        name="execute-dataloader",
        description="W4: users -> orders through a DataLoader made per request, async "
        "(graphql-core and Ariadne with aiodataloader, Strawberry's, graftql.DataLoader)",
        setups={
            "graphql-core": _core_loader,
            "graftql": _graftql_loader,
            "strawberry": _strawberry_loader,
            "ariadne": _ariadne_loader,
        },
        inputs=_inputs_loader,
        check=_same_response,
    )
)
