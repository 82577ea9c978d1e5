"""Batch resolvers (graftql.batch) and graftql.DataLoader: N parents cost one
batch call per level, in execute and execute_async; arguments; empty
levels; max_batch_size; the cache (across waves and executions, prime,
clear, clear_all, cache=False); and every way a batch function can fail (it
raises, returns the wrong number of values, returns no list, returns an
exception for one key, is async under execute), each waiting field getting
its own error at its own path.

graphql-core has no counterpart, so these run on graftql only (skipped until
Schema.execute exists). The data each test expects is what graphql-core
gives for the same query with one plain resolver per field: the same
results, fewer calls. Where the wording of graftql's own messages is not
part of the contract, the tests check only what it must name (the field,
the counts)."""

from __future__ import annotations

import asyncio
import gc
import re
from typing import Any

import exec_reference
import pytest

graftql_engine = exec_reference.graftql_engine

SDL = """
type User {
  id: ID!
  name: String
  friend: User
  friends(first: Int = 10): [User]
  strictFriend: User!
}
type Query {
  users: [User]
  user(id: ID!): User
  ids: [ID]
}
"""

USERS: dict[str, dict[str, Any]] = {
    "1": {"id": "1", "name": "Ada", "friend": "2", "friends": ["2", "3"]},
    "2": {"id": "2", "name": "Bob", "friend": "3", "friends": ["1"]},
    "3": {"id": "3", "name": "Cy", "friend": "1", "friends": []},
    "4": {"id": "4", "name": "Dee", "friend": None, "friends": ["1", "2", "3"]},
}


def root(*ids: str) -> dict[str, Any]:
    return {"users": [USERS[i] for i in ids]}


def mentions(message: str, *words: str) -> bool:
    """Whether the message names each word; a number must stand alone."""
    return all(
        re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", message)
        if word.isdigit()
        else word in message
        for word in words
    )


def run_async(schema: Any, query: str, **kwargs: Any) -> Any:
    return asyncio.run(schema.execute_async(query, **kwargs))


# ---- graftql.batch -----------------------------------------------------------------


def friend_batch(calls: list[list[str]]) -> Any:
    def friend(parents: list[dict[str, Any]], info: Any) -> list[Any]:
        assert info.field_name == "friend"
        calls.append([parent["id"] for parent in parents])
        return [USERS.get(parent["friend"]) if parent["friend"] else None for parent in parents]

    return friend


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_batch_resolver_is_called_once_per_level(graftql_engine: Any, mode: str) -> None:
    batch = graftql_engine.module.batch
    calls: list[list[str]] = []
    schema = graftql_engine.schema(SDL, {"User": {"friend": batch(friend_batch(calls))}})
    query = "{ users { name friend { name friend { id } } } }"
    value = root("1", "2", "3", "4")
    if mode == "sync":
        result = schema.execute(query, root_value=value)
    else:
        result = run_async(schema, query, root_value=value)
    assert result.to_dict() == {
        "data": {
            "users": [
                {"name": "Ada", "friend": {"name": "Bob", "friend": {"id": "3"}}},
                {"name": "Bob", "friend": {"name": "Cy", "friend": {"id": "1"}}},
                {"name": "Cy", "friend": {"name": "Ada", "friend": {"id": "2"}}},
                {"name": "Dee", "friend": None},
            ]
        }
    }
    # Every parent of a level in one call, in response order; the null
    # friend of Dee is no parent of the next level.
    assert calls == [["1", "2", "3", "4"], ["2", "3", "1"]]


def test_a_batch_resolver_gets_the_arguments(graftql_engine: Any) -> None:
    seen: list[tuple[list[str], dict[str, Any]]] = []

    @graftql_engine.module.batch
    def friends(parents: list[dict[str, Any]], _info: Any, **args: Any) -> list[Any]:
        seen.append(([parent["id"] for parent in parents], args))
        return [[USERS[i] for i in parent["friends"][: args["first"]]] for parent in parents]

    schema = graftql_engine.schema(SDL, {"User": {"friends": friends}})
    query = "query ($n: Int) { users { few: friends(first: $n) { id } all: friends { id } } }"
    result = schema.execute(query, variables={"n": 1}, root_value=root("1", "4"))
    assert result.to_dict() == {
        "data": {
            "users": [
                {"few": [{"id": "2"}], "all": [{"id": "2"}, {"id": "3"}]},
                {"few": [{"id": "1"}], "all": [{"id": "1"}, {"id": "2"}, {"id": "3"}]},
            ]
        }
    }
    assert sorted(seen, key=lambda call: call[1]["first"]) == [
        (["1", "4"], {"first": 1}),
        (["1", "4"], {"first": 10}),
    ]


def test_a_batch_root_field_gets_the_root_value(graftql_engine: Any) -> None:
    seen: list[list[Any]] = []

    @graftql_engine.module.batch
    def users(parents: list[Any], _info: Any) -> list[Any]:
        seen.append(parents)
        return [[USERS["1"]]]

    schema = graftql_engine.schema(SDL, {"Query": {"users": users}})
    marker = object()
    result = schema.execute("{ users { id } }", root_value=marker)
    assert result.to_dict() == {"data": {"users": [{"id": "1"}]}}
    assert seen == [[marker]]


def test_no_parents_no_call(graftql_engine: Any) -> None:
    calls: list[list[str]] = []
    schema = graftql_engine.schema(
        SDL, {"User": {"friend": graftql_engine.module.batch(friend_batch(calls))}}
    )
    result = schema.execute("{ users { friend { id } } }", root_value={"users": []})
    assert result.to_dict() == {"data": {"users": []}}
    assert calls == []


def test_a_batch_resolver_returning_an_exception_for_one_parent(graftql_engine: Any) -> None:
    @graftql_engine.module.batch
    def name(parents: list[dict[str, Any]], _info: Any) -> list[Any]:
        return [
            ValueError(f"no name for {parent['id']}") if parent["id"] == "2" else parent["name"]
            for parent in parents
        ]

    schema = graftql_engine.schema(SDL, {"User": {"name": name}})
    result = schema.execute("{ users { name } }", root_value=root("1", "2", "3"))
    assert result.to_dict() == {
        "data": {"users": [{"name": "Ada"}, {"name": None}, {"name": "Cy"}]},
        "errors": [
            {
                "message": "no name for 2",
                "locations": [{"line": 1, "column": 11}],
                "path": ["users", 1, "name"],
            }
        ],
    }


def check_every_parent_failed(result: Any, field: str, count: int) -> list[str]:
    """Each of the count users' field is null with its own error; the
    messages, for the caller to check."""
    assert result.data == {"users": [{field: None} for _ in range(count)]}
    assert [error.path for error in result.errors] == [["users", i, field] for i in range(count)]
    assert all(error.locations == [(1, 11)] for error in result.errors)
    return [error.message for error in result.errors]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_batch_resolver_returning_the_wrong_number_of_values(
    graftql_engine: Any, mode: str
) -> None:
    def name(parents: list[dict[str, Any]], _info: Any) -> list[Any]:
        return ["only one"]

    async def async_name(parents: list[dict[str, Any]], info: Any) -> list[Any]:
        return name(parents, info)

    resolver = graftql_engine.module.batch(name if mode == "sync" else async_name)
    schema = graftql_engine.schema(SDL, {"User": {"name": resolver}})
    query = "{ users { name } }"
    if mode == "sync":
        result = schema.execute(query, root_value=root("1", "2", "3"))
    else:
        result = run_async(schema, query, root_value=root("1", "2", "3"))
    messages = check_every_parent_failed(result, "name", 3)
    assert len(set(messages)) == 1
    assert mentions(messages[0], "User.name", "1", "3")


def test_a_batch_resolver_returning_no_list(graftql_engine: Any) -> None:
    @graftql_engine.module.batch
    def name(_parents: list[dict[str, Any]], _info: Any) -> Any:
        return None

    schema = graftql_engine.schema(SDL, {"User": {"name": name}})
    result = schema.execute("{ users { name } }", root_value=root("1", "2"))
    messages = check_every_parent_failed(result, "name", 2)
    assert mentions(messages[0], "User.name")


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_batch_resolver_that_raises(graftql_engine: Any, mode: str) -> None:
    failure = ConnectionError("database down")

    def name(_parents: list[dict[str, Any]], _info: Any) -> list[Any]:
        raise failure

    async def async_name(parents: list[dict[str, Any]], info: Any) -> list[Any]:
        await asyncio.sleep(0)
        return name(parents, info)

    resolver = graftql_engine.module.batch(name if mode == "sync" else async_name)
    schema = graftql_engine.schema(SDL, {"User": {"name": resolver}})
    query = "{ users { name } }"
    if mode == "sync":
        result = schema.execute(query, root_value=root("1", "2"))
    else:
        result = run_async(schema, query, root_value=root("1", "2"))
    assert check_every_parent_failed(result, "name", 2) == ["database down", "database down"]
    assert all(error.original_error is failure for error in result.errors)


def test_a_batch_resolver_failing_a_non_null_field(graftql_engine: Any) -> None:
    @graftql_engine.module.batch
    def strict_friend(parents: list[dict[str, Any]], _info: Any) -> list[Any]:
        return [USERS.get(parent["friend"] or "") for parent in parents]

    schema = graftql_engine.schema(SDL, {"User": {"strictFriend": strict_friend}})
    result = schema.execute("{ users { id strictFriend { id } } }", root_value=root("1", "4"))
    assert result.to_dict() == {
        "data": {"users": [{"id": "1", "strictFriend": {"id": "2"}}, None]},
        "errors": [
            {
                "message": "Cannot return null for non-nullable field User.strictFriend.",
                "locations": [{"line": 1, "column": 14}],
                "path": ["users", 1, "strictFriend"],
            }
        ],
    }


def test_an_async_batch_resolver(graftql_engine: Any) -> None:
    calls: list[list[str]] = []

    @graftql_engine.module.batch
    async def friend(parents: list[dict[str, Any]], info: Any) -> list[Any]:
        await asyncio.sleep(0)
        return friend_batch(calls)(parents, info)

    schema = graftql_engine.schema(SDL, {"User": {"friend": friend}})
    result = run_async(schema, "{ users { friend { name } } }", root_value=root("1", "2", "4"))
    assert result.to_dict() == {
        "data": {
            "users": [{"friend": {"name": "Bob"}}, {"friend": {"name": "Cy"}}, {"friend": None}]
        }
    }
    assert calls == [["1", "2", "4"]]


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
def test_an_async_batch_resolver_under_sync_execute(graftql_engine: Any) -> None:
    @graftql_engine.module.batch
    async def name(parents: list[dict[str, Any]], _info: Any) -> list[Any]:
        return [parent["name"] for parent in parents]

    schema = graftql_engine.schema(SDL, {"User": {"name": name}})
    result = schema.execute("{ users { name } }", root_value=root("1", "2"))
    messages = check_every_parent_failed(result, "name", 2)
    assert mentions(messages[0], "User.name", "execute_async")
    gc.collect()


# ---- graftql.DataLoader ---------------------------------------------------------------


class Recorder:
    """A batch function over USERS that records the keys of each call."""

    def __init__(self) -> None:
        self.calls: list[list[Any]] = []

    def __call__(self, keys: list[Any]) -> list[Any]:
        self.calls.append(list(keys))
        return [USERS.get(key) for key in keys]


def loader_schema(graftql_engine: Any, loader: Any, *, awaiting: bool = False) -> Any:
    """friend and friends load through loader; with awaiting, friend is an
    async resolver that awaits the load."""

    def friend(parent: dict[str, Any], _info: Any) -> Any:
        return loader.load(parent["friend"]) if parent["friend"] else None

    async def friend_awaited(parent: dict[str, Any], _info: Any) -> Any:
        if not parent["friend"]:
            return None
        found = await loader.load(parent["friend"])
        return found

    def friends(parent: dict[str, Any], _info: Any, first: int) -> Any:
        return loader.load_many(parent["friends"][:first])

    def user(_root: Any, _info: Any, id: str) -> Any:
        return loader.load(id)

    return graftql_engine.schema(
        SDL,
        {
            "User": {"friend": friend_awaited if awaiting else friend, "friends": friends},
            "Query": {"user": user},
        },
    )


FRIENDS_QUERY = "{ users { name friend { name friend { name } } } }"

FRIENDS_DATA = {
    "data": {
        "users": [
            {"name": "Ada", "friend": {"name": "Bob", "friend": {"name": "Cy"}}},
            {"name": "Cy", "friend": {"name": "Ada", "friend": {"name": "Bob"}}},
            {"name": "Dee", "friend": None},
        ]
    }
}


@pytest.mark.parametrize(("mode", "awaiting"), [("sync", False), ("async", False), ("async", True)])
def test_loads_of_a_wave_are_one_batch(graftql_engine: Any, mode: str, awaiting: bool) -> None:
    batch_fn = Recorder()
    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = loader_schema(graftql_engine, loader, awaiting=awaiting)
    value = root("1", "3", "4")
    if mode == "sync":
        result = schema.execute(FRIENDS_QUERY, root_value=value)
    else:
        result = run_async(schema, FRIENDS_QUERY, root_value=value)
    assert result.to_dict() == FRIENDS_DATA
    # Wave 1 loads Ada's and Cy's friends (2, 1); wave 2 their friends (3, 2):
    # 2 is cached from wave 1.
    assert batch_fn.calls == [["2", "1"], ["3"]]


def test_an_async_batch_function(graftql_engine: Any) -> None:
    calls: list[list[str]] = []

    async def batch_fn(keys: list[str]) -> list[Any]:
        calls.append(list(keys))
        await asyncio.sleep(0)
        return [USERS.get(key) for key in keys]

    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = loader_schema(graftql_engine, loader)
    result = run_async(schema, FRIENDS_QUERY, root_value=root("1", "3", "4"))
    assert result.to_dict() == FRIENDS_DATA
    assert calls == [["2", "1"], ["3"]]


def test_duplicate_keys_are_loaded_once(graftql_engine: Any) -> None:
    batch_fn = Recorder()
    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = loader_schema(graftql_engine, loader)
    query = '{ a: user(id: "2") { name } b: user(id: "2") { id } c: user(id: "1") { id } }'
    result = schema.execute(query)
    assert result.to_dict() == {"data": {"a": {"name": "Bob"}, "b": {"id": "2"}, "c": {"id": "1"}}}
    assert batch_fn.calls == [["2", "1"]]


def test_without_cache_every_load_is_a_key(graftql_engine: Any) -> None:
    batch_fn = Recorder()
    loader = graftql_engine.module.DataLoader(batch_fn, cache=False)
    schema = loader_schema(graftql_engine, loader)
    query = '{ a: user(id: "2") { name } b: user(id: "2") { id } }'
    assert schema.execute(query).to_dict() == {"data": {"a": {"name": "Bob"}, "b": {"id": "2"}}}
    assert schema.execute(query).to_dict() == {"data": {"a": {"name": "Bob"}, "b": {"id": "2"}}}
    assert batch_fn.calls == [["2", "2"], ["2", "2"]]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_max_batch_size(graftql_engine: Any, mode: str) -> None:
    batch_fn = Recorder()
    loader = graftql_engine.module.DataLoader(batch_fn, max_batch_size=2)
    schema = loader_schema(graftql_engine, loader)
    query = "{ " + " ".join(f'u{i}: user(id: "{i}") {{ id }}' for i in (4, 3, 2, 1, 9)) + " }"
    result = schema.execute(query) if mode == "sync" else run_async(schema, query)
    assert result.to_dict() == {
        "data": {
            "u4": {"id": "4"},
            "u3": {"id": "3"},
            "u2": {"id": "2"},
            "u1": {"id": "1"},
            "u9": None,
        }
    }
    assert batch_fn.calls == [["4", "3"], ["2", "1"], ["9"]]


def test_load_many(graftql_engine: Any) -> None:
    batch_fn = Recorder()
    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = loader_schema(graftql_engine, loader)
    result = schema.execute(
        "{ users { friends { name } few: friends(first: 1) { id } } }",
        root_value=root("1", "4", "3"),
    )
    assert result.to_dict() == {
        "data": {
            "users": [
                {"friends": [{"name": "Bob"}, {"name": "Cy"}], "few": [{"id": "2"}]},
                {
                    "friends": [{"name": "Ada"}, {"name": "Bob"}, {"name": "Cy"}],
                    "few": [{"id": "1"}],
                },
                {"friends": [], "few": []},
            ]
        }
    }
    assert len(batch_fn.calls) == 1
    assert sorted(batch_fn.calls[0]) == ["1", "2", "3"]


def test_the_cache_lasts_across_executions(graftql_engine: Any) -> None:
    batch_fn = Recorder()
    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = loader_schema(graftql_engine, loader)
    query = '{ a: user(id: "1") { name } b: user(id: "2") { name } }'
    expected = {"data": {"a": {"name": "Ada"}, "b": {"name": "Bob"}}}
    assert schema.execute(query).to_dict() == expected
    assert schema.execute(query).to_dict() == expected
    assert batch_fn.calls == [["1", "2"]]
    loader.clear("1")
    assert schema.execute(query).to_dict() == expected
    assert batch_fn.calls == [["1", "2"], ["1"]]
    loader.clear_all()
    assert run_async(schema, query).to_dict() == expected
    assert batch_fn.calls == [["1", "2"], ["1"], ["1", "2"]]


def test_prime(graftql_engine: Any) -> None:
    batch_fn = Recorder()
    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = loader_schema(graftql_engine, loader)
    loader.prime("1", {"id": "1", "name": "Primed Ada"})
    loader.prime("7", {"id": "7", "name": "Primed Seven"})
    query = '{ a: user(id: "1") { name } b: user(id: "2") { name } c: user(id: "7") { name } }'
    assert schema.execute(query).to_dict() == {
        "data": {"a": {"name": "Primed Ada"}, "b": {"name": "Bob"}, "c": {"name": "Primed Seven"}}
    }
    assert batch_fn.calls == [["2"]]
    # A key already cached keeps its value; clear it first to replace it.
    loader.prime("2", {"id": "2", "name": "Primed Bob"})
    assert schema.execute('{ user(id: "2") { name } }').to_dict() == {
        "data": {"user": {"name": "Bob"}}
    }
    loader.clear("2")
    loader.prime("2", {"id": "2", "name": "Primed Bob"})
    assert schema.execute('{ user(id: "2") { name } }').to_dict() == {
        "data": {"user": {"name": "Primed Bob"}}
    }
    assert batch_fn.calls == [["2"]]


def test_keys_of_any_hashable_type(graftql_engine: Any) -> None:
    calls: list[list[Any]] = []

    def batch_fn(keys: list[Any]) -> list[Any]:
        calls.append(list(keys))
        return [f"{key!r}" for key in keys]

    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = graftql_engine.schema(
        "type Query { a: String b: String c: String }",
        {
            "Query": {
                "a": lambda _r, _i: loader.load(("tuple", 1)),
                "b": lambda _r, _i: loader.load(2),
                "c": lambda _r, _i: loader.load(("tuple", 1)),
            }
        },
    )
    assert schema.execute("{ a b c }").to_dict() == {
        "data": {"a": "('tuple', 1)", "b": "2", "c": "('tuple', 1)"}
    }
    assert calls == [[("tuple", 1), 2]]


def test_two_loaders_in_one_wave(graftql_engine: Any) -> None:
    name_calls: list[list[str]] = []

    def names(keys: list[str]) -> list[str]:
        name_calls.append(list(keys))
        return [USERS[key]["name"].upper() for key in keys]

    users = Recorder()
    name_loader = graftql_engine.module.DataLoader(names)
    user_loader = graftql_engine.module.DataLoader(users)
    schema = graftql_engine.schema(
        SDL,
        {
            "User": {
                "name": lambda parent, _i: name_loader.load(parent["id"]),
                "friend": lambda parent, _i: user_loader.load(parent["friend"]),
            }
        },
    )
    result = schema.execute("{ users { name friend { id name } } }", root_value=root("1", "2"))
    assert result.to_dict() == {
        "data": {
            "users": [
                {"name": "ADA", "friend": {"id": "2", "name": "BOB"}},
                {"name": "BOB", "friend": {"id": "3", "name": "CY"}},
            ]
        }
    }
    # Bob's name is cached from the first wave.
    assert name_calls == [["1", "2"], ["3"]]
    assert users.calls == [["2", "3"]]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_batch_function_returning_the_wrong_number_of_values(
    graftql_engine: Any, mode: str
) -> None:
    loader = graftql_engine.module.DataLoader(lambda keys: ["just one"])
    schema = graftql_engine.schema(
        SDL, {"User": {"name": lambda parent, _i: loader.load(parent["id"])}}
    )
    query = "{ users { name } }"
    value = root("1", "2", "3")
    result = (
        schema.execute(query, root_value=value)
        if mode == "sync"
        else run_async(schema, query, root_value=value)
    )
    messages = check_every_parent_failed(result, "name", 3)
    assert len(set(messages)) == 1
    assert mentions(messages[0], "1", "3")


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_batch_function_that_raises(graftql_engine: Any, mode: str) -> None:
    failure = TimeoutError("backend timed out")
    calls: list[list[str]] = []

    def batch_fn(keys: list[str]) -> list[Any]:
        calls.append(list(keys))
        raise failure

    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = graftql_engine.schema(
        SDL, {"User": {"name": lambda parent, _i: loader.load(parent["id"])}}
    )
    query = "{ users { name } }"
    value = root("1", "2")
    result = (
        schema.execute(query, root_value=value)
        if mode == "sync"
        else run_async(schema, query, root_value=value)
    )
    assert check_every_parent_failed(result, "name", 2) == ["backend timed out"] * 2
    assert all(error.original_error is failure for error in result.errors)
    # A failed batch is not cached: the next execution tries again.
    schema.execute(query, root_value=value)
    assert calls == [["1", "2"], ["1", "2"]]


def test_a_batch_function_returning_an_exception_for_one_key(graftql_engine: Any) -> None:
    calls: list[list[str]] = []

    def batch_fn(keys: list[str]) -> list[Any]:
        calls.append(list(keys))
        return [KeyError(key) if key == "2" else USERS[key]["name"] for key in keys]

    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = graftql_engine.schema(
        SDL, {"User": {"name": lambda parent, _i: loader.load(parent["id"])}}
    )
    result = schema.execute("{ users { name } }", root_value=root("1", "2", "3"))
    assert result.to_dict() == {
        "data": {"users": [{"name": "Ada"}, {"name": None}, {"name": "Cy"}]},
        "errors": [
            {
                "message": "'2'",
                "locations": [{"line": 1, "column": 11}],
                "path": ["users", 1, "name"],
            }
        ],
    }
    assert isinstance(result.errors[0].original_error, KeyError)
    assert calls == [["1", "2", "3"]]


@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
def test_an_async_batch_function_under_sync_execute(graftql_engine: Any) -> None:
    async def batch_fn(keys: list[str]) -> list[Any]:
        return [USERS[key]["name"] for key in keys]

    loader = graftql_engine.module.DataLoader(batch_fn)
    schema = graftql_engine.schema(
        SDL, {"User": {"name": lambda parent, _i: loader.load(parent["id"])}}
    )
    result = schema.execute("{ users { name } }", root_value=root("1", "2"))
    messages = check_every_parent_failed(result, "name", 2)
    assert mentions(messages[0], "execute_async")
    gc.collect()


def test_a_non_null_field_of_a_failed_load(graftql_engine: Any) -> None:
    loader = graftql_engine.module.DataLoader(lambda keys: [None for _ in keys])
    schema = graftql_engine.schema(
        SDL, {"User": {"strictFriend": lambda parent, _i: loader.load(parent["friend"])}}
    )
    result = schema.execute("{ users { id strictFriend { id } } }", root_value=root("1"))
    assert result.to_dict() == {
        "data": {"users": [None]},
        "errors": [
            {
                "message": "Cannot return null for non-nullable field User.strictFriend.",
                "locations": [{"line": 1, "column": 14}],
                "path": ["users", 0, "strictFriend"],
            }
        ],
    }
