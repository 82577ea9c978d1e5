"""Mutations run their root fields one after the other, each with its whole
subtree complete before the next root field is resolved, so a later field
sees the effect of an earlier one; errors null only their own field, except
a non-null root field, which nulls the data and stops the fields after it.
Queries, by contrast, resolve sibling fields together. Expected results
are graphql-core 3.2.14's (exec_reference)."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import exec_reference
import pytest

engine = exec_reference.engine

SDL = """
type NumberHolder { theNumber: Int }

type Query { numberHolder: NumberHolder }

type Mutation {
  immediatelyChangeTheNumber(newNumber: Int): NumberHolder
  promiseToChangeTheNumber(newNumber: Int): NumberHolder
  failToChangeTheNumber(newNumber: Int): NumberHolder
  promiseAndFailToChangeTheNumber(newNumber: Int): NumberHolder
  increment: Int!
  failStrictly: Int!
  promiseToFailStrictly: Int!
}
"""


class NumberHolder:
    def __init__(self, log: list[str]) -> None:
        self.number = 0
        self.log = log


class Root:
    """The mutation root: every change is logged, as are reads of theNumber."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.holder = NumberHolder(self.log)
        self.counter = 0


def immediately(root: Root, _info: Any, newNumber: int) -> NumberHolder:
    root.log.append(f"set {newNumber}")
    root.holder.number = newNumber
    return root.holder


async def promise(root: Root, info: Any, newNumber: int) -> NumberHolder:
    root.log.append(f"start {newNumber}")
    await asyncio.sleep(0)
    return immediately(root, info, newNumber)


def fail(root: Root, _info: Any, newNumber: int) -> NumberHolder:
    root.log.append(f"fail {newNumber}")
    raise RuntimeError(f"Cannot change the number to {newNumber}")


async def promise_and_fail(root: Root, info: Any, newNumber: int) -> NumberHolder:
    await asyncio.sleep(0)
    return fail(root, info, newNumber)


def the_number(holder: NumberHolder, _info: Any) -> int:
    holder.log.append(f"read {holder.number}")
    return holder.number


def increment(root: Root, _info: Any) -> int:
    root.counter += 1
    root.log.append(f"increment to {root.counter}")
    return root.counter


def fail_strictly(root: Root, _info: Any) -> int:
    root.log.append("fail strictly")
    raise RuntimeError("strict failure")


async def promise_to_fail_strictly(root: Root, _info: Any) -> int:
    root.log.append("promise to fail strictly")
    await asyncio.sleep(0)
    raise RuntimeError("strict async failure")


RESOLVERS = {
    "Mutation": {
        "immediatelyChangeTheNumber": immediately,
        "promiseToChangeTheNumber": promise,
        "failToChangeTheNumber": fail,
        "promiseAndFailToChangeTheNumber": promise_and_fail,
        "increment": increment,
        "failStrictly": fail_strictly,
        "promiseToFailStrictly": promise_to_fail_strictly,
    },
    "NumberHolder": {"theNumber": the_number},
}


def execute(engine: Any, query: str, root: Root, mode: str = "sync") -> dict[str, Any]:
    schema = engine.schema(SDL, RESOLVERS)
    if mode == "sync":
        return schema.execute(query, root_value=root).to_dict()
    return asyncio.run(schema.execute_async(query, root_value=root)).to_dict()


def fields(kind: str, numbers: list[int]) -> str:
    name = {"immediately": "immediatelyChangeTheNumber", "promise": "promiseToChangeTheNumber"}
    return " ".join(f"n{n}: {name[kind]}(newNumber: {n}) {{ theNumber }}" for n in numbers)


@pytest.mark.parametrize(
    ("kind", "mode"),
    [("immediately", "sync"), ("immediately", "async"), ("promise", "async")],
)
def test_each_root_field_completes_before_the_next_starts(
    engine: Any, kind: str, mode: str
) -> None:
    root = Root()
    result = execute(engine, f"mutation {{ {fields(kind, [1, 2, 3])} }}", root, mode)
    assert result == {
        "data": {"n1": {"theNumber": 1}, "n2": {"theNumber": 2}, "n3": {"theNumber": 3}}
    }
    steps = [[f"set {n}", f"read {n}"] for n in (1, 2, 3)]
    if kind == "promise":
        steps = [[f"start {n}", *step] for n, step in zip((1, 2, 3), steps, strict=True)]
    assert root.log == [entry for step in steps for entry in step]
    assert root.holder.number == 3


def test_sync_and_async_mutations_each_see_their_own_number(engine: Any) -> None:
    query = (
        "mutation {"
        " first: immediatelyChangeTheNumber(newNumber: 1) { theNumber }"
        " second: promiseToChangeTheNumber(newNumber: 2) { theNumber }"
        " third: immediatelyChangeTheNumber(newNumber: 3) { theNumber }"
        " fourth: promiseToChangeTheNumber(newNumber: 4) { theNumber }"
        " fifth: immediatelyChangeTheNumber(newNumber: 5) { theNumber }"
        " }"
    )
    assert execute(engine, query, Root(), "async") == {
        "data": {
            "first": {"theNumber": 1},
            "second": {"theNumber": 2},
            "third": {"theNumber": 3},
            "fourth": {"theNumber": 4},
            "fifth": {"theNumber": 5},
        }
    }


def test_a_later_field_sees_the_earlier_ones_effect(engine: Any) -> None:
    root = Root()
    result = execute(engine, "mutation { a: increment b: increment c: increment }", root)
    assert result == {"data": {"a": 1, "b": 2, "c": 3}}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_failed_mutations_null_only_their_own_field(engine: Any, mode: str) -> None:
    failing = "failToChangeTheNumber" if mode == "sync" else "promiseAndFailToChangeTheNumber"
    setting = "immediatelyChangeTheNumber" if mode == "sync" else "promiseToChangeTheNumber"
    query = (
        "mutation {\n"
        f"  first: {setting}(newNumber: 1) {{ theNumber }}\n"
        f"  second: {failing}(newNumber: 2) {{ theNumber }}\n"
        f"  third: {setting}(newNumber: 3) {{ theNumber }}\n"
        f"  fourth: {failing}(newNumber: 4) {{ theNumber }}\n"
        "}"
    )
    root = Root()
    assert execute(engine, query, root, mode) == {
        "data": {
            "first": {"theNumber": 1},
            "second": None,
            "third": {"theNumber": 3},
            "fourth": None,
        },
        "errors": [
            {
                "message": "Cannot change the number to 2",
                "locations": [{"line": 3, "column": 3}],
                "path": ["second"],
            },
            {
                "message": "Cannot change the number to 4",
                "locations": [{"line": 5, "column": 3}],
                "path": ["fourth"],
            },
        ],
    }
    assert root.holder.number == 3


# graphql-core creates the coroutine of the field after the failed one and
# never awaits it (its body never runs): Python warns when it is collected.
@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
@pytest.mark.parametrize(
    ("failing", "mode", "message"),
    [
        ("failStrictly", "sync", "strict failure"),
        ("failStrictly", "async", "strict failure"),
        ("promiseToFailStrictly", "async", "strict async failure"),
    ],
)
def test_a_failed_non_null_root_field_stops_the_mutation(
    engine: Any, failing: str, mode: str, message: str
) -> None:
    second = (
        "increment"
        if failing == "failStrictly"
        else "promiseToChangeTheNumber(newNumber: 9) { theNumber }"
    )
    query = f"mutation {{ a: increment b: {failing} c: {second} }}"
    root = Root()
    assert execute(engine, query, root, mode) == {
        "data": None,
        "errors": [
            {"message": message, "locations": [{"line": 1, "column": 25}], "path": ["b"]},
        ],
    }
    # The field after the failed one never ran.
    expected_log = [
        "increment to 1",
        "fail strictly" if failing == "failStrictly" else "promise to fail strictly",
    ]
    assert root.log == expected_log
    assert root.holder.number == 0
    gc.collect()


def test_a_mutation_field_error_inside_the_subtree(engine: Any) -> None:
    def broken_number(_holder: NumberHolder, _info: Any) -> int:
        raise ValueError("unreadable")

    schema = engine.schema(SDL, {**RESOLVERS, "NumberHolder": {"theNumber": broken_number}})
    query = "mutation { a: immediatelyChangeTheNumber(newNumber: 1) { theNumber } b: increment }"
    root = Root()
    assert schema.execute(query, root_value=root).to_dict() == {
        "data": {"a": {"theNumber": None}, "b": 1},
        "errors": [
            {
                "message": "unreadable",
                "locations": [{"line": 1, "column": 58}],
                "path": ["a", "theNumber"],
            }
        ],
    }


def test_mutation_of_a_schema_with_fragments_and_skipped_fields(engine: Any) -> None:
    query = """
      mutation ($skip: Boolean!) {
        a: increment
        ...More
        c: increment @skip(if: $skip)
        ... on Mutation { d: increment }
      }
      fragment More on Mutation { b: increment }
    """
    schema = engine.schema(SDL, RESOLVERS)
    root = Root()
    result = schema.execute(query, variables={"skip": True}, root_value=root)
    assert result.to_dict() == {"data": {"a": 1, "b": 2, "d": 3}}


def test_query_fields_are_resolved_together(engine: Any) -> None:
    """Not serial: under execute_async a query's async root fields all start
    before any of them ends."""
    log: list[str] = []

    def make(name: str) -> Any:
        async def resolve(_root: Any, _info: Any) -> int:
            log.append(f"start {name}")
            await asyncio.sleep(0)
            log.append(f"end {name}")
            return 1

        return resolve

    schema = engine.schema(
        "type Query { a: Int b: Int c: Int }", {"Query": {name: make(name) for name in "abc"}}
    )
    result = asyncio.run(schema.execute_async("{ a b c }"))
    assert result.to_dict() == {"data": {"a": 1, "b": 1, "c": 1}}
    assert log == ["start a", "start b", "start c", "end a", "end b", "end c"]


def test_mutation_async_fields_run_one_at_a_time(engine: Any) -> None:
    log: list[str] = []

    def make(name: str) -> Any:
        async def resolve(_root: Any, _info: Any) -> int:
            log.append(f"start {name}")
            await asyncio.sleep(0)
            log.append(f"end {name}")
            return 1

        return resolve

    schema = engine.schema(
        "type Query { q: Int } type Mutation { a: Int b: Int c: Int }",
        {"Mutation": {name: make(name) for name in "abc"}},
    )
    result = asyncio.run(schema.execute_async("mutation { a b c }"))
    assert result.to_dict() == {"data": {"a": 1, "b": 1, "c": 1}}
    assert log == ["start a", "end a", "start b", "end b", "start c", "end c"]


def test_mutation_root_value_and_typename(engine: Any) -> None:
    schema = engine.schema(SDL, RESOLVERS)
    result = schema.execute("mutation { __typename increment }", root_value=Root())
    assert result.to_dict() == {"data": {"__typename": "Mutation", "increment": 1}}
