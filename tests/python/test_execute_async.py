"""execute_async: awaitables anywhere (resolvers at every level, list items,
callables the default resolver calls, futures and other awaitables), mixed
with sync resolvers, errors and null propagation from awaited values,
fields of one level awaited together; and execute (sync) meeting an
awaitable, which graftql reports as an error naming the field. Expected
results are graphql-core 3.2.14's (exec_reference), but for that last case,
which graphql-core has no counterpart of."""

from __future__ import annotations

import asyncio
import gc
import inspect
from collections.abc import Generator
from typing import Any

import exec_reference
import pytest
from exec_reference import SYNC_AWAITABLE_HINT, first_starts

engine = exec_reference.engine
graftql_engine = exec_reference.graftql_engine

SDL = """
type Query {
  user(id: ID!): User
  users: [User]
  strictUser: User!
  number: Int
  strictNumber: Int!
}
type User {
  id: ID!
  name: String
  friends: [User!]
  bestFriend: User
  score: Float
}
"""

USERS = {
    "1": {"id": "1", "name": "Ada", "friends": ["2", "3"], "best": "2", "score": 1.5},
    "2": {"id": "2", "name": "Bob", "friends": ["1"], "best": None, "score": 2.0},
    "3": {"id": "3", "name": "Cy", "friends": [], "best": "1", "score": None},
}


async def tick() -> None:
    await asyncio.sleep(0)


async def user(_root: Any, _info: Any, id: str) -> dict[str, Any] | None:
    await tick()
    return USERS.get(id)


async def users(_root: Any, _info: Any) -> list[Any]:
    await tick()
    return [USERS["1"], USERS["3"]]


def friends(parent: dict[str, Any], _info: Any) -> list[Any]:
    # Sync resolver returning a list of awaitables.
    async def load(key: str) -> dict[str, Any]:
        await tick()
        return USERS[key]

    return [load(key) for key in parent["friends"]]


async def best_friend(parent: dict[str, Any], _info: Any) -> dict[str, Any] | None:
    await tick()
    return USERS.get(parent["best"]) if parent["best"] else None


def name(parent: dict[str, Any], _info: Any) -> str:
    return parent["name"]


async def score(parent: dict[str, Any], _info: Any) -> float | None:
    return parent["score"]


RESOLVERS = {
    "Query": {"user": user, "users": users},
    "User": {"friends": friends, "bestFriend": best_friend, "name": name, "score": score},
}


def run_async(schema: Any, query: str, **kwargs: Any) -> Any:
    return asyncio.run(schema.execute_async(query, **kwargs))


def test_async_resolvers_at_several_levels(engine: Any) -> None:
    schema = engine.schema(SDL, RESOLVERS)
    query = """{
      user(id: 1) { name score friends { id name bestFriend { name } } bestFriend { id } }
      users { id friends { name } }
    }"""
    assert run_async(schema, query).to_dict() == {
        "data": {
            "user": {
                "name": "Ada",
                "score": 1.5,
                "friends": [
                    {"id": "2", "name": "Bob", "bestFriend": None},
                    {"id": "3", "name": "Cy", "bestFriend": {"name": "Ada"}},
                ],
                "bestFriend": {"id": "2"},
            },
            "users": [
                {"id": "1", "friends": [{"name": "Bob"}, {"name": "Cy"}]},
                {"id": "3", "friends": []},
            ],
        }
    }


def test_execute_async_without_awaitables(engine: Any) -> None:
    schema = engine.schema(SDL)
    result = run_async(
        schema, "{ number user(id: 1) { id } }", root_value={"number": 4, "user": USERS["2"]}
    )
    assert result.to_dict() == {"data": {"number": 4, "user": {"id": "2"}}}


def test_async_callables_of_the_default_resolver(engine: Any) -> None:
    class Root:
        async def number(self, _info: Any) -> int:
            await tick()
            return 7

        async def user(self, _info: Any, id: str) -> Any:
            await tick()
            return {"id": id, "name": lambda _info: "sync callable"}

    schema = engine.schema(SDL)
    result = run_async(schema, "{ number user(id: 9) { id name } }", root_value=Root())
    assert result.to_dict() == {"data": {"number": 7, "user": {"id": "9", "name": "sync callable"}}}


class Ready:
    """An awaitable that is no coroutine: __await__ only."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __await__(self) -> Generator[Any, None, Any]:
        yield from asyncio.sleep(0).__await__()
        return self.value


def test_other_awaitables(engine: Any) -> None:
    async def future_number(_root: Any, _info: Any) -> Any:
        future = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(future.set_result, 11)
        return await future

    def returns_future(_root: Any, _info: Any, **_args: Any) -> Any:
        future = asyncio.get_running_loop().create_future()
        future.set_result({"id": "f", "name": Ready("from __await__")})
        return future

    schema = engine.schema(
        SDL,
        {
            "Query": {
                "number": future_number,
                "user": returns_future,
                "users": lambda _r, _i: Ready([None]),
            },
            "User": {"name": lambda parent, _info: parent["name"]},
        },
    )
    result = run_async(schema, "{ number user(id: 1) { id name } users { id } }")
    assert result.to_dict() == {
        "data": {"number": 11, "user": {"id": "f", "name": "from __await__"}, "users": [None]}
    }


def test_async_errors(engine: Any) -> None:
    async def fails(_root: Any, _info: Any, **_args: Any) -> Any:
        await tick()
        raise RuntimeError("async failure")

    schema = engine.schema(
        SDL, {"Query": {"user": fails, "number": fails}, "User": {"name": fails}}
    )
    result = run_async(
        schema,
        "{\n  number\n  user(id: 1) { id }\n  users { name }\n}",
        root_value={"users": [USERS["1"]]},
    )
    assert result.to_dict() == {
        "data": {"number": None, "user": None, "users": [{"name": None}]},
        "errors": [
            {
                "message": "async failure",
                "locations": [{"line": 2, "column": 3}],
                "path": ["number"],
            },
            {"message": "async failure", "locations": [{"line": 3, "column": 3}], "path": ["user"]},
            {
                "message": "async failure",
                "locations": [{"line": 4, "column": 11}],
                "path": ["users", 0, "name"],
            },
        ],
    }
    assert all(isinstance(error.original_error, RuntimeError) for error in result.errors)


def test_sync_and_async_errors_together(engine: Any) -> None:
    async def async_fails(_root: Any, _info: Any, **_args: Any) -> Any:
        raise RuntimeError("async")

    def sync_fails(_root: Any, _info: Any, **_args: Any) -> Any:
        raise RuntimeError("sync")

    schema = engine.schema(
        SDL,
        {
            "Query": {"number": async_fails, "users": sync_fails},
            "User": {"name": async_fails, "id": sync_fails},
        },
    )
    query = "{ users { id } number user(id: 1) { name score } }"
    result = run_async(schema, query, root_value={"user": USERS["1"]})
    assert result.to_dict() == {
        "data": {"users": None, "number": None, "user": {"name": None, "score": 1.5}},
        "errors": [
            {"message": "sync", "locations": [{"line": 1, "column": 3}], "path": ["users"]},
            {"message": "async", "locations": [{"line": 1, "column": 16}], "path": ["number"]},
            {
                "message": "async",
                "locations": [{"line": 1, "column": 37}],
                "path": ["user", "name"],
            },
        ],
    }


def test_async_null_propagation(engine: Any) -> None:
    async def nothing(_root: Any, _info: Any, **_args: Any) -> None:
        await tick()

    async def missing_id(_root: Any, _info: Any) -> dict[str, Any]:
        await tick()
        return {"name": "no id"}

    schema = engine.schema(SDL, {"Query": {"strictNumber": nothing, "strictUser": missing_id}})
    result = run_async(schema, "{ strictUser { name id } }")
    assert result.to_dict() == {
        "data": None,
        "errors": [
            {
                "message": "Cannot return null for non-nullable field User.id.",
                "locations": [{"line": 1, "column": 21}],
                "path": ["strictUser", "id"],
            }
        ],
    }
    result = run_async(schema, "{ number strictNumber }", root_value={"number": 1})
    assert result.to_dict() == {
        "data": None,
        "errors": [
            {
                "message": "Cannot return null for non-nullable field Query.strictNumber.",
                "locations": [{"line": 1, "column": 10}],
                "path": ["strictNumber"],
            }
        ],
    }


def test_awaited_items_in_a_non_null_list(engine: Any) -> None:
    async def friend() -> dict[str, Any]:
        await tick()
        return USERS["2"]

    async def none() -> None:
        await tick()

    schema = engine.schema(SDL, {"User": {"friends": lambda _p, _i: [friend(), none()]}})
    result = run_async(
        schema, "{ user(id: 1) { id friends { id } } }", root_value={"user": USERS["1"]}
    )
    assert result.to_dict() == {
        "data": {"user": {"id": "1", "friends": None}},
        "errors": [
            {
                "message": "Cannot return null for non-nullable field User.friends.",
                "locations": [{"line": 1, "column": 20}],
                "path": ["user", "friends", 1],
            }
        ],
    }


def test_fields_of_a_level_are_awaited_together(engine: Any) -> None:
    log: list[str] = []

    def make(label: str) -> Any:
        async def resolve(parent: dict[str, Any], _info: Any) -> Any:
            log.append(f"start {label} {parent['id']}")
            await tick()
            log.append(f"end {label} {parent['id']}")
            return parent[label]

        return resolve

    schema = engine.schema(SDL, {"User": {"name": make("name"), "score": make("score")}})
    result = run_async(
        schema, "{ users { name score } }", root_value={"users": [USERS["1"], USERS["2"]]}
    )
    assert result.to_dict() == {
        "data": {"users": [{"name": "Ada", "score": 1.5}, {"name": "Bob", "score": 2.0}]}
    }
    assert log[:4] == first_starts(engine, ["name", "score"], ["1", "2"])
    assert sorted(log[4:]) == ["end name 1", "end name 2", "end score 1", "end score 2"]


def test_execute_async_in_a_running_loop_with_other_tasks(engine: Any) -> None:
    schema = engine.schema(SDL, RESOLVERS)

    async def main() -> list[Any]:
        return await asyncio.gather(
            schema.execute_async("{ user(id: 1) { name } }"),
            schema.execute_async("{ user(id: 2) { name } }"),
            asyncio.sleep(0, result="other"),
        )

    first, second, other = asyncio.run(main())
    assert first.to_dict() == {"data": {"user": {"name": "Ada"}}}
    assert second.to_dict() == {"data": {"user": {"name": "Bob"}}}
    assert other == "other"


def test_async_request_errors(engine: Any) -> None:
    schema = engine.schema(SDL, RESOLVERS)
    assert run_async(schema, "{ user { id } }").to_dict() == {
        "errors": [
            {
                "message": "Field 'user' argument 'id' of type 'ID!' is required,"
                " but it was not provided.",
                "locations": [{"line": 1, "column": 3}],
            }
        ]
    }
    result = run_async(
        schema, "query ($id: ID!) { user(id: $id) { name } }", variables={"id": None}
    )
    assert result.to_dict() == {
        "errors": [
            {
                "message": "Variable '$id' of non-null type 'ID!' must not be null.",
                "locations": [{"line": 1, "column": 8}],
            }
        ]
    }


# ---- graftql only: execute() is sync -----------------------------------------------------


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
def test_sync_execute_meeting_a_coroutine(graftql_engine: Any) -> None:
    schema = graftql_engine.schema(SDL, RESOLVERS)
    result = schema.execute("{\n  number\n  user(id: 1) { id }\n}", root_value={"number": 1})
    assert result.data == {"number": 1, "user": None}
    (error,) = result.errors
    assert error.path == ["user"]
    assert error.locations == [(3, 3)]
    assert "Query.user" in error.message
    assert SYNC_AWAITABLE_HINT in error.message
    gc.collect()


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
def test_sync_execute_meeting_an_awaitable_list_item(graftql_engine: Any) -> None:
    # Query.user synchronous, so that only the list items are awaitables.
    resolvers = {**RESOLVERS, "Query": {"user": lambda _root, _info, id: USERS.get(id)}}
    schema = graftql_engine.schema(SDL, resolvers)
    result = schema.execute("{ user(id: 1) { friends { id } } }")
    # friends is [User!]: the first awaitable item fails the list.
    assert result.data == {"user": {"friends": None}}
    (error,) = result.errors
    assert error.path == ["user", "friends", 0]
    assert "User.friends" in error.message
    assert SYNC_AWAITABLE_HINT in error.message
    gc.collect()


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
def test_sync_execute_meeting_an_awaitable_in_a_non_null_field(graftql_engine: Any) -> None:
    async def strict(_root: Any, _info: Any) -> int:
        return 1

    schema = graftql_engine.schema(SDL, {"Query": {"strictNumber": strict}})
    result = schema.execute("{ strictNumber }")
    assert result.data is None
    (error,) = result.errors
    assert error.path == ["strictNumber"]
    assert "Query.strictNumber" in error.message
    gc.collect()


def test_sync_execute_closes_the_coroutine_it_cannot_await(graftql_engine: Any) -> None:
    """As graphql-core's execute_sync closes the coroutine it cannot run, so
    that Python has no "never awaited" warning to give."""
    coroutines: list[Any] = []

    def number(_root: Any, _info: Any) -> Any:
        coroutine = tick()
        coroutines.append(coroutine)
        return coroutine

    schema = graftql_engine.schema(SDL, {"Query": {"number": number}})
    result = schema.execute("{ number }")
    assert result.data == {"number": None}
    assert [inspect.getcoroutinestate(coroutine) for coroutine in coroutines] == ["CORO_CLOSED"]
