"""No execution path leaks Python objects: sync and async execution, user,
default and batch resolvers, DataLoaders, field errors (also propagating
through non-null fields), abstract types, custom scalars and enums,
variables (also failing ones), request errors, subscriptions, info, and the
results as dicts, JSON and errors.

sys.getallocatedblocks counts the interpreter's live memory blocks, so a
leaked reference shows as growth proportional to the number of rounds (the
C tests and ASan cover the core's own allocations)."""

from __future__ import annotations

import asyncio
import enum
import gc
import sys
from collections.abc import AsyncIterator
from typing import Any

import pytest

import graftql

SDL = """
interface Node { id: ID! }
type User implements Node {
  id: ID!
  name: String
  score: Float
  friends: [User!]
  best: User!
  role: Role
  stamp: Stamp
  pet: Pet
}
type Dog implements Node { id: ID! barks: Boolean }
type Cat implements Node { id: ID! lives: Int }
union Pet = Dog | Cat
enum Role { ADMIN GUEST }
scalar Stamp
input Filter { minScore: Float = 0, role: Role, stamp: Stamp }
type Query {
  users(filter: Filter, first: Int = 10): [User]
  user(id: ID!): User
  node(id: ID!): Node
  boom: String
  later: Int
  loaded(ids: [ID!]!): [User]
}
type Mutation { rename(id: ID!, name: String!): User }
type Subscription { ticks(upto: Int!): Int }
"""


class Role(enum.Enum):
    ADMIN = "admin"
    GUEST = "guest"


class Stamp:
    @staticmethod
    def serialize(value: Any) -> str:
        if value == "bad":
            raise ValueError("not a stamp")
        return f"@{value}"

    @staticmethod
    def parse_value(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError("a stamp is a string")
        return value

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> str:
        return str(node.value)


class Dog:
    def __init__(self, id_: str) -> None:
        self.id = id_
        self.barks = True


USERS: dict[str, dict[str, Any]] = {
    str(i): {
        "id": i,
        "name": f"user {i}",
        "score": i / 3,
        "role": Role.ADMIN if i % 2 else Role.GUEST,
        "stamp": "bad" if i == 3 else f"s{i}",
        "pet": Dog(f"d{i}") if i % 2 else {"__typename": "Cat", "id": f"c{i}", "lives": 9},
    }
    for i in range(1, 9)
}
for key, user in USERS.items():
    user["friends"] = [USERS[str(j)] for j in range(1, 9) if str(j) != key][:3]


def users(_parent: Any, info: Any, filter: Any = None, first: int = 10) -> list[Any]:
    _ = info.path, info.field_nodes, info.return_type, info.variable_values, info.fragments
    values = list(USERS.values())[:first]
    if filter:
        values = [u for u in values if u["score"] >= filter["minScore"]]
    return values


def best(parent: dict[str, Any], _info: Any) -> Any:
    return None if parent["id"] == 5 else parent["friends"][0]


@graftql.batch
def names(parents: list[dict[str, Any]], _info: Any) -> list[Any]:
    return [ValueError("no name") if p["id"] == 2 else p["name"] for p in parents]


def boom(_parent: Any, _info: Any) -> Any:
    raise RuntimeError("boom")


async def later(_parent: Any, _info: Any) -> int:
    await asyncio.sleep(0)
    return 7


async def ticks(_parent: Any, _info: Any, upto: int) -> AsyncIterator[int]:
    for i in range(upto):
        yield i


def resolve_node(obj: Any, _info: Any, _type: Any) -> str:
    return "Dog" if isinstance(obj, Dog) else "User"


def make_schema() -> graftql.Schema:
    loader = graftql.DataLoader(lambda ids: [USERS.get(i) for i in ids])

    def loaded(_parent: Any, _info: Any, ids: list[str]) -> Any:
        return loader.load_many(ids)

    def node(_parent: Any, _info: Any, id: str) -> Any:
        return Dog(id) if id.startswith("d") else USERS.get(id)

    def rename(_parent: Any, _info: Any, id: str, name: str) -> Any:
        return {**USERS[id], "name": name}

    return graftql.Schema(
        SDL,
        {
            "Query": {
                "users": users,
                "user": lambda _p, _i, id: USERS.get(id),
                "node": node,
                "boom": boom,
                "later": later,
                "loaded": loaded,
            },
            "User": {"best": best, "name": names},
            "Mutation": {"rename": rename},
            "Subscription": {"ticks": ticks},
        },
        scalars={"Stamp": Stamp},
        enums={"Role": Role},
        type_resolvers={"Node": resolve_node},
    )


QUERIES: list[tuple[str, dict[str, Any] | None]] = [
    (
        """query ($f: Filter) {
          users(filter: $f, first: 6) {
            id name score role stamp
            friends { id name best { id } }
            pet { __typename ... on Dog { barks } ... on Cat { lives } }
          }
        }""",
        {"f": {"minScore": 0.5, "role": "ADMIN", "stamp": "x"}},
    ),
    ("{ users { best { id best { name } } } }", None),
    ('{ node(id: "d1") { id ... on Dog { barks } } a: node(id: "2") { __typename } }', None),
    ("{ boom user(id: 1) { name } }", None),
    ('{ loaded(ids: ["1", "2", "9"]) { id name } }', None),
    ("query ($id: ID!) { user(id: $id) { id } }", {"id": {"not": "an id"}}),
    ("query ($f: Filter) { users(filter: $f) { id } }", {"f": {"stamp": 3, "nope": 1}}),
    ("{ user { id } }", None),
    ("{ unknown }", None),
    ("{ users(first: 2) { id @skip(if: true) name @include(if: false) score } }", None),
    ('mutation { rename(id: "1", name: "Zed") { name } }', None),
]


def use(result: Any) -> None:
    result.to_dict()
    result.to_json()
    for error in result.errors or ():
        _ = error.formatted, error.path, error.locations, error.original_error, str(error)


#: Calls before measuring: caches (the plan cache, CPython's type attribute
#: cache and free lists, asyncio's) take up to a few hundred blocks first.
WARM_UP = 100


def growth(run: Any, rounds: int = 300) -> int:
    """Memory blocks still allocated after ``rounds`` calls of run(), once
    caches are warm: a reference leaked per call leaves at least one block
    per call."""
    for _ in range(WARM_UP):
        run()
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(rounds):
        run()
    gc.collect()
    return sys.getallocatedblocks() - before


async def growth_async(run: Any, rounds: int = 300) -> int:
    """growth() of a coroutine function, in one event loop."""
    for _ in range(WARM_UP):
        await run()
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(rounds):
        await run()
    gc.collect()
    return sys.getallocatedblocks() - before


SCHEMA = make_schema()
CASES = [*QUERIES, ("{ later }", None)]  # sync: an awaitable met


@pytest.mark.parametrize(("query", "variables"), CASES)
@pytest.mark.parametrize("consume", [True, False], ids=["used", "dropped"])
def test_execute_leaks_nothing(query: str, variables: Any, consume: bool) -> None:
    def run() -> None:
        result = SCHEMA.execute(query, variables)
        if consume:
            use(result)

    assert growth(run) < 100


@pytest.mark.parametrize(("query", "variables"), CASES)
def test_execute_async_leaks_nothing(query: str, variables: Any) -> None:
    async def run() -> None:
        use(await SCHEMA.execute_async(query, variables))

    assert asyncio.run(growth_async(run)) < 100


def test_subscribe_leaks_nothing() -> None:
    async def run() -> None:
        stream = await SCHEMA.subscribe("subscription { ticks(upto: 3) }")
        async for event in stream:  # type: ignore[union-attr]
            use(event)

    assert asyncio.run(growth_async(run)) < 100


def test_a_new_schema_each_time_leaks_nothing() -> None:
    def run() -> None:
        schema = make_schema()
        use(schema.execute(*QUERIES[0]))
        use(schema.execute(QUERIES[3][0]))

    assert growth(run, rounds=100) < 100


def test_the_collector_may_run_at_any_point_of_an_execution() -> None:
    # The execution's values are visited by the cycle collector: collecting
    # while they are being resolved, parked, settled and serialized must
    # neither free a live value nor crash.
    class Collecting:
        @staticmethod
        def serialize(value: Any) -> str:
            gc.collect()
            return str(value)

    def collect_then(value: Any) -> Any:
        def resolve(parent: Any, _info: Any) -> Any:
            gc.collect()
            return value(parent) if callable(value) else value

        return resolve

    async def later(parent: Any, _info: Any) -> Any:
        gc.collect()
        await asyncio.sleep(0)
        gc.collect()
        return [{"n": i, "s": object()} for i in range(3)]

    schema = graftql.Schema(
        """
        scalar S
        type Item { n: Int s: S }
        type Query { items: [Item] later: [Item] boom: Int }
        """,
        {
            "Query": {
                "items": collect_then(lambda _p: [{"n": i, "s": [i]} for i in range(5)]),
                "later": later,
                "boom": collect_then(lambda _p: 1 / 0),
            },
        },
        scalars={"S": Collecting},
    )
    result = schema.execute("{ items { n s } boom }")
    assert result.to_dict()["data"]["items"][4] == {"n": 4, "s": "[4]"}
    result = asyncio.run(schema.execute_async("{ items { n } later { n s } boom }"))
    data = result.to_dict()["data"]
    assert [item["n"] for item in data["later"]] == [0, 1, 2]
    assert result.errors[0].message == "division by zero"
