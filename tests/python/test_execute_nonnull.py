"""Null propagation: a null or an error in a non-null field nulls the
nearest nullable ancestor (the whole data at the top), reported once, with
the failing field's path and location; nullable fields are nulled alone.
Every shape is run with sync resolvers (execute and execute_async) and with
async ones, as graphql-core's test_nonnull does. Expected results are
graphql-core 3.2.14's (exec_reference)."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import exec_reference
import pytest

engine = exec_reference.engine

SDL = """
type Data {
  sync: String
  syncNonNull: String!
  promise: String
  promiseNonNull: String!
  syncNest: Data
  syncNonNullNest: Data!
  promiseNest: Data
  promiseNonNullNest: Data!
}
schema { query: Data }
"""


class Source:
    """A Data value whose leaves all fail the same way: "null" or "throw"."""

    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour


def leaf(name: str) -> Any:
    def resolve(parent: Source, _info: Any) -> Any:
        if parent.behaviour == "throw":
            raise RuntimeError(name)
        return None

    async def resolve_async(parent: Source, info: Any) -> Any:
        await asyncio.sleep(0)
        return resolve(parent, info)

    return resolve_async if name.startswith("promise") else resolve


def nest(name: str) -> Any:
    def resolve(parent: Source, _info: Any) -> Source:
        return Source(parent.behaviour)

    async def resolve_async(parent: Source, info: Any) -> Source:
        await asyncio.sleep(0)
        return resolve(parent, info)

    return resolve_async if name.startswith("promise") else resolve


RESOLVERS = {
    "Data": {
        **{name: leaf(name) for name in ("sync", "syncNonNull", "promise", "promiseNonNull")},
        **{
            name: nest(name)
            for name in ("syncNest", "syncNonNullNest", "promiseNest", "promiseNonNullNest")
        },
    }
}


def to_promise(text: str) -> str:
    """The same query (or expected message) with every sync field async."""
    return re.sub(r"\bsyncNonNull\b", "promiseNonNull", re.sub(r"\bsync\b", "promise", text))


def run(engine: Any, query: str, behaviour: str, mode: str) -> dict[str, Any]:
    schema = engine.schema(SDL, RESOLVERS)
    root = Source(behaviour)
    if mode == "sync":
        return schema.execute(query, root_value=root).to_dict()
    return asyncio.run(schema.execute_async(query, root_value=root)).to_dict()


def error(message: str, path: list[str], line: int, column: int) -> dict[str, Any]:
    return {"message": message, "locations": [{"line": line, "column": column}], "path": path}


def null_message(field: str) -> str:
    return f"Cannot return null for non-nullable field Data.{field}."


def message_for(behaviour: str, field: str) -> str:
    return field if behaviour == "throw" else null_message(field)


# Queries using only sync fields; each also runs with its fields made async
# ("promise" variants) under execute_async.
MODES = [
    pytest.param("sync", False, id="sync"),
    pytest.param("async", False, id="sync-resolvers-async-execution"),
    pytest.param("async", True, id="async-resolvers"),
]


def adapt(query: str, promise: bool) -> str:
    return to_promise(query) if promise else query


@pytest.mark.parametrize("behaviour", ["null", "throw"])
@pytest.mark.parametrize(("mode", "promise"), MODES)
def test_nulls_a_nullable_field(engine: Any, behaviour: str, mode: str, promise: bool) -> None:
    query = adapt("{\n  sync\n}", promise)
    field = adapt("sync", promise)
    expected: dict[str, Any] = {"data": {field: None}}
    if behaviour == "throw":
        expected["errors"] = [error(field, [field], 2, 3)]
    assert run(engine, query, behaviour, mode) == expected


@pytest.mark.parametrize("behaviour", ["null", "throw"])
@pytest.mark.parametrize(
    ("mode", "promise", "nest_field"),
    [
        *[(*param.values, "syncNest") for param in MODES],
        # An async object: execute_async only.
        *[(*param.values, "promiseNest") for param in MODES[1:]],
    ],
)
def test_nulls_an_object_containing_a_failing_non_null_field(
    engine: Any, behaviour: str, mode: str, promise: bool, nest_field: str
) -> None:
    query = adapt(f"{{\n  {nest_field} {{\n    syncNonNull\n  }}\n}}", promise)
    nest_name = adapt(nest_field, promise)
    field = adapt("syncNonNull", promise)
    assert run(engine, query, behaviour, mode) == {
        "data": {nest_name: None},
        "errors": [error(message_for(behaviour, field), [nest_name, field], 3, 5)],
    }


TREE = """{
  syncNest {
    sync
    promise
    syncNest { sync promise }
    promiseNest { sync promise }
  }
  promiseNest {
    sync
    promise
    syncNest { sync promise }
    promiseNest { sync promise }
  }
}"""

TREE_DATA = {
    "syncNest": {
        "sync": None,
        "promise": None,
        "syncNest": {"sync": None, "promise": None},
        "promiseNest": {"sync": None, "promise": None},
    },
    "promiseNest": {
        "sync": None,
        "promise": None,
        "syncNest": {"sync": None, "promise": None},
        "promiseNest": {"sync": None, "promise": None},
    },
}


def test_a_tree_of_nullable_fields_that_return_null(engine: Any) -> None:
    assert run(engine, TREE, "null", "async") == {"data": TREE_DATA}


def test_a_tree_of_nullable_fields_that_throw(engine: Any) -> None:
    # Every error, in the order of their locations in the document.
    assert run(engine, TREE, "throw", "async") == {
        "data": TREE_DATA,
        "errors": [
            error("sync", ["syncNest", "sync"], 3, 5),
            error("promise", ["syncNest", "promise"], 4, 5),
            error("sync", ["syncNest", "syncNest", "sync"], 5, 16),
            error("promise", ["syncNest", "syncNest", "promise"], 5, 21),
            error("sync", ["syncNest", "promiseNest", "sync"], 6, 19),
            error("promise", ["syncNest", "promiseNest", "promise"], 6, 24),
            error("sync", ["promiseNest", "sync"], 9, 5),
            error("promise", ["promiseNest", "promise"], 10, 5),
            error("sync", ["promiseNest", "syncNest", "sync"], 11, 16),
            error("promise", ["promiseNest", "syncNest", "promise"], 11, 21),
            error("sync", ["promiseNest", "promiseNest", "sync"], 12, 19),
            error("promise", ["promiseNest", "promiseNest", "promise"], 12, 24),
        ],
    }


CHAIN = """{
  syncNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            syncNonNull
          }
        }
      }
    }
  }
  promiseNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            syncNonNull
          }
        }
      }
    }
  }
  anotherNest: syncNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            promiseNonNull
          }
        }
      }
    }
  }
  anotherPromiseNest: promiseNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            promiseNonNull
          }
        }
      }
    }
  }
}"""

CHAIN_MIDDLE = ["syncNonNullNest", "promiseNonNullNest", "syncNonNullNest", "promiseNonNullNest"]


@pytest.mark.parametrize("behaviour", ["null", "throw"])
def test_nulls_the_first_nullable_after_a_long_chain_of_non_null_fields(
    engine: Any, behaviour: str
) -> None:
    assert run(engine, CHAIN, behaviour, "async") == {
        "data": {
            "syncNest": None,
            "promiseNest": None,
            "anotherNest": None,
            "anotherPromiseNest": None,
        },
        "errors": [
            error(
                message_for(behaviour, "syncNonNull"),
                ["syncNest", *CHAIN_MIDDLE, "syncNonNull"],
                7,
                13,
            ),
            error(
                message_for(behaviour, "syncNonNull"),
                ["promiseNest", *CHAIN_MIDDLE, "syncNonNull"],
                18,
                13,
            ),
            error(
                message_for(behaviour, "promiseNonNull"),
                ["anotherNest", *CHAIN_MIDDLE, "promiseNonNull"],
                29,
                13,
            ),
            error(
                message_for(behaviour, "promiseNonNull"),
                ["anotherPromiseNest", *CHAIN_MIDDLE, "promiseNonNull"],
                40,
                13,
            ),
        ],
    }


@pytest.mark.parametrize("behaviour", ["null", "throw"])
@pytest.mark.parametrize(("mode", "promise"), MODES)
def test_nulls_the_top_level_for_a_non_null_root_field(
    engine: Any, behaviour: str, mode: str, promise: bool
) -> None:
    query = adapt("{\n  sync\n  syncNonNull\n}", promise)
    field = adapt("syncNonNull", promise)
    nullable = adapt("sync", promise)
    expected_errors = [error(message_for(behaviour, field), [field], 3, 3)]
    if behaviour == "throw":
        # The nullable field before it failed too, and is reported.
        expected_errors.insert(0, error(nullable, [nullable], 2, 3))
    assert run(engine, query, behaviour, mode) == {"data": None, "errors": expected_errors}


# ---- siblings of a failing non-null field -------------------------------------


def test_a_nullable_sibling_before_a_failing_non_null_field_is_reported(engine: Any) -> None:
    query = "{ syncNest { sync syncNonNull } }"
    assert run(engine, query, "throw", "sync") == {
        "data": {"syncNest": None},
        "errors": [
            error("sync", ["syncNest", "sync"], 1, 14),
            error("syncNonNull", ["syncNest", "syncNonNull"], 1, 19),
        ],
    }


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_sibling_after_a_failing_non_null_field_is_not_reported(engine: Any, mode: str) -> None:
    """graphql-core completes an object's fields in order and stops at the
    first non-null failure: the error of a later sibling in the same object
    is never reported (nor is a later non-null one)."""
    query = "{ syncNest { syncNonNull sync alias: syncNonNull } }"
    assert run(engine, query, "throw", mode) == {
        "data": {"syncNest": None},
        "errors": [error("syncNonNull", ["syncNest", "syncNonNull"], 1, 14)],
    }


def test_async_siblings_of_a_failing_non_null_field(engine: Any) -> None:
    # Both run (they are awaited together); the nullable one's error is kept.
    query = "{ promiseNest { promise promiseNonNull } }"
    assert run(engine, query, "throw", "async") == {
        "data": {"promiseNest": None},
        "errors": [
            error("promise", ["promiseNest", "promise"], 1, 17),
            error("promiseNonNull", ["promiseNest", "promiseNonNull"], 1, 25),
        ],
    }


def test_errors_inside_an_object_nulled_later_are_kept(engine: Any) -> None:
    """Depth first, as graphql-core runs sync resolvers: the subtree of an
    earlier sibling is complete (its errors reported) before a later non-null
    sibling fails and nulls the object that holds both."""
    query = "{ syncNest { syncNest { sync } syncNonNullNest { syncNonNull } } }"
    assert run(engine, query, "throw", "sync") == {
        "data": {"syncNest": None},
        "errors": [
            error("sync", ["syncNest", "syncNest", "sync"], 1, 25),
            error("syncNonNull", ["syncNest", "syncNonNullNest", "syncNonNull"], 1, 50),
        ],
    }


def test_a_deep_error_before_a_shallow_non_null_failure_is_kept(engine: Any) -> None:
    query = "{ syncNest { syncNest { syncNest { sync } } syncNonNull } }"
    assert run(engine, query, "throw", "sync") == {
        "data": {"syncNest": None},
        "errors": [
            error("sync", ["syncNest", "syncNest", "syncNest", "sync"], 1, 36),
            error("syncNonNull", ["syncNest", "syncNonNull"], 1, 45),
        ],
    }


def test_a_failure_that_propagates_two_levels_drops_later_siblings(engine: Any) -> None:
    query = "{ syncNest { syncNonNullNest { syncNest { sync } syncNonNull } sync } }"
    assert run(engine, query, "throw", "sync") == {
        "data": {"syncNest": None},
        "errors": [
            error("sync", ["syncNest", "syncNonNullNest", "syncNest", "sync"], 1, 43),
            error("syncNonNull", ["syncNest", "syncNonNullNest", "syncNonNull"], 1, 50),
        ],
    }


def test_two_async_non_null_siblings_fail_once(engine: Any) -> None:
    query = "{ promiseNest { a: promiseNonNull b: promiseNonNull } }"
    assert run(engine, query, "throw", "async") == {
        "data": {"promiseNest": None},
        "errors": [error("promiseNonNull", ["promiseNest", "a"], 1, 17)],
    }


def test_async_errors_below_an_already_nulled_object_are_dropped(engine: Any) -> None:
    # The nested field resolves a wave later, after promiseNest was nulled.
    query = "{ promiseNest { promiseNonNull promiseNest { promise } } }"
    assert run(engine, query, "throw", "async") == {
        "data": {"promiseNest": None},
        "errors": [error("promiseNonNull", ["promiseNest", "promiseNonNull"], 1, 17)],
    }


def test_one_failure_in_many_aliases_of_a_non_null_root_field(engine: Any) -> None:
    query = "{ a: syncNonNull b: syncNonNull }"
    assert run(engine, query, "null", "sync") == {
        "data": None,
        "errors": [error(null_message("syncNonNull"), ["a"], 1, 3)],
    }


def test_sibling_objects_are_independent(engine: Any) -> None:
    query = "{ a: syncNest { syncNonNull } b: syncNest { sync } c: syncNest { syncNest { sync } } }"
    assert run(engine, query, "null", "sync") == {
        "data": {"a": None, "b": {"sync": None}, "c": {"syncNest": {"sync": None}}},
        "errors": [error(null_message("syncNonNull"), ["a", "syncNonNull"], 1, 17)],
    }


# ---- non-null arguments ------------------------------------------------------------

ARGS_SDL = """
type Query {
  withNonNullArg(cannotBeNull: String!): String
  withDefault(arg: String = "argument default"): String
}
"""


def passed(_parent: Any, _info: Any, **args: Any) -> str:
    return f"Passed: {args!r}"


ARGS_RESOLVERS = {"Query": {"withNonNullArg": passed, "withDefault": passed}}


def test_non_null_argument_from_a_literal(engine: Any) -> None:
    schema = engine.schema(ARGS_SDL, ARGS_RESOLVERS)
    result = schema.execute('{ withNonNullArg(cannotBeNull: "literal value") }')
    assert result.to_dict() == {
        "data": {"withNonNullArg": "Passed: {'cannotBeNull': 'literal value'}"}
    }


def test_non_null_argument_from_a_variable_default(engine: Any) -> None:
    schema = engine.schema(ARGS_SDL, ARGS_RESOLVERS)
    query = 'query ($testVar: String = "default value") { withNonNullArg(cannotBeNull: $testVar) }'
    result = schema.execute(query, variables={})
    assert result.to_dict() == {
        "data": {"withNonNullArg": "Passed: {'cannotBeNull': 'default value'}"}
    }


def test_non_null_argument_given_an_explicit_null_variable(engine: Any) -> None:
    # Valid (the variable has a default), but null at run time: a field error
    # located at the variable, the resolver not called.
    schema = engine.schema(ARGS_SDL, ARGS_RESOLVERS)
    query = (
        'query ($testVar: String = "default value") {\n  withNonNullArg(cannotBeNull: $testVar)\n}'
    )
    result = schema.execute(query, variables={"testVar": None})
    assert result.to_dict() == {
        "data": {"withNonNullArg": None},
        "errors": [
            {
                "message": "Argument 'cannotBeNull' of non-null type 'String!' must not be null.",
                "locations": [{"line": 2, "column": 32}],
                "path": ["withNonNullArg"],
            }
        ],
    }


def test_argument_default_when_the_variable_is_not_given(engine: Any) -> None:
    schema = engine.schema(ARGS_SDL, ARGS_RESOLVERS)
    result = schema.execute("query ($v: String) { withDefault(arg: $v) }")
    assert result.to_dict() == {"data": {"withDefault": "Passed: {'arg': 'argument default'}"}}
    result = schema.execute("query ($v: String) { withDefault(arg: $v) }", variables={"v": None})
    assert result.to_dict() == {"data": {"withDefault": "Passed: {'arg': None}"}}
