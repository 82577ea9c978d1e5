"""@skip and @include on fields, fragment spreads and inline fragments (named
and anonymous), with literals and with variables (given, defaulted), both
together, on merged fields, on whole selection sets, and their effect on
which resolvers run. Expected results are graphql-core 3.2.14's
(exec_reference)."""

from __future__ import annotations

from typing import Any

import exec_reference
import pytest

engine = exec_reference.engine

SDL = """
type Query { a: String b: String c: Nested }
type Nested { x: String y: String }
type Mutation { m1: String m2: String }
"""

ROOT = {"a": "a", "b": "b", "c": {"x": "x", "y": "y"}}


def run(engine: Any, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    schema = engine.schema(SDL)
    return schema.execute(query, variables=variables, root_value=ROOT).to_dict()


def test_without_directives(engine: Any) -> None:
    assert run(engine, "{ a b }") == {"data": {"a": "a", "b": "b"}}


CASES = {
    # fields
    "field include true": ("{ a, b @include(if: true) }", {"a": "a", "b": "b"}),
    "field include false": ("{ a, b @include(if: false) }", {"a": "a"}),
    "field skip false": ("{ a, b @skip(if: false) }", {"a": "a", "b": "b"}),
    "field skip true": ("{ a, b @skip(if: true) }", {"a": "a"}),
    # fragment spreads
    "spread include true": (
        "{ a ...Frag @include(if: true) } fragment Frag on Query { b }",
        {"a": "a", "b": "b"},
    ),
    "spread include false": (
        "{ a ...Frag @include(if: false) } fragment Frag on Query { b }",
        {"a": "a"},
    ),
    "spread skip false": (
        "{ a ...Frag @skip(if: false) } fragment Frag on Query { b }",
        {"a": "a", "b": "b"},
    ),
    "spread skip true": (
        "{ a ...Frag @skip(if: true) } fragment Frag on Query { b }",
        {"a": "a"},
    ),
    # inline fragments
    "inline include true": ("{ a ... on Query @include(if: true) { b } }", {"a": "a", "b": "b"}),
    "inline include false": ("{ a ... on Query @include(if: false) { b } }", {"a": "a"}),
    "inline skip false": ("{ a ... on Query @skip(if: false) { b } }", {"a": "a", "b": "b"}),
    "inline skip true": ("{ a ... on Query @skip(if: true) { b } }", {"a": "a"}),
    # anonymous inline fragments
    "anonymous include true": ("{ a ... @include(if: true) { b } }", {"a": "a", "b": "b"}),
    "anonymous include false": ("{ a ... @include(if: false) { b } }", {"a": "a"}),
    "anonymous skip false": ("{ a ... @skip(if: false) { b } }", {"a": "a", "b": "b"}),
    "anonymous skip true": ("{ a ... @skip(if: true) { b } }", {"a": "a"}),
    # both: included only when include is true and skip is false
    "include true skip false": (
        "{ a, b @include(if: true) @skip(if: false) }",
        {"a": "a", "b": "b"},
    ),
    "include true skip true": ("{ a, b @include(if: true) @skip(if: true) }", {"a": "a"}),
    "include false skip false": ("{ a, b @include(if: false) @skip(if: false) }", {"a": "a"}),
    "skip true include true": ("{ a, b @skip(if: true) @include(if: true) }", {"a": "a"}),
    # on a field with a selection set, and inside it
    "object field skipped": ("{ a c @skip(if: true) { x } }", {"a": "a"}),
    "sub-field skipped": ("{ c { x y @skip(if: true) } }", {"c": {"x": "x"}}),
    "every field skipped": ("{ a @skip(if: true) b @include(if: false) }", {}),
    "every sub-field skipped": ("{ c { x @skip(if: true) } }", {"c": {}}),
    # merged fields: one included occurrence is enough
    "merged, one skipped": ("{ a @skip(if: true) a }", {"a": "a"}),
    "merged, all skipped": ("{ a @skip(if: true) a @include(if: false) b }", {"b": "b"}),
    "merged sub-selections": (
        "{ c { x } c @include(if: false) { y } c { ... @skip(if: false) { y } } }",
        {"c": {"x": "x", "y": "y"}},
    ),
    "alias kept, other skipped": ("{ first: a second: a @skip(if: true) }", {"first": "a"}),
    "typename skipped": ("{ __typename @skip(if: true) a }", {"a": "a"}),
    "nested fragments": (
        "{ ...Outer } fragment Outer on Query { a ...Inner @skip(if: true) }"
        " fragment Inner on Query { b }",
        {"a": "a"},
    ),
    "field order follows the first included occurrence": (
        "{ b @skip(if: true) a b }",
        {"a": "a", "b": "b"},
    ),
}


@pytest.mark.parametrize(("query", "expected"), CASES.values(), ids=CASES.keys())
def test_literal_conditions(engine: Any, query: str, expected: dict[str, Any]) -> None:
    result = run(engine, query)
    assert result == {"data": expected}
    assert list(result["data"]) == list(expected)


VARIABLE_CASES = [
    ("query ($v: Boolean!) { a b @include(if: $v) }", {"v": True}, {"a": "a", "b": "b"}),
    ("query ($v: Boolean!) { a b @include(if: $v) }", {"v": False}, {"a": "a"}),
    ("query ($v: Boolean!) { a b @skip(if: $v) }", {"v": True}, {"a": "a"}),
    ("query ($v: Boolean = true) { a b @skip(if: $v) }", {}, {"a": "a"}),
    ("query ($v: Boolean = true) { a b @skip(if: $v) }", {"v": False}, {"a": "a", "b": "b"}),
    (
        "query ($i: Boolean!, $s: Boolean!) { a ... @include(if: $i) { b } c @skip(if: $s) { x } }",
        {"i": False, "s": False},
        {"a": "a", "c": {"x": "x"}},
    ),
    (
        "query ($s: Boolean!) { ...F @skip(if: $s) a } fragment F on Query { b }",
        {"s": False},
        {"b": "b", "a": "a"},
    ),
    (
        "query ($s: Boolean!) { c { ...F } } fragment F on Nested { x @skip(if: $s) y }",
        {"s": True},
        {"c": {"y": "y"}},
    ),
]


@pytest.mark.parametrize(("query", "variables", "expected"), VARIABLE_CASES)
def test_variable_conditions(
    engine: Any, query: str, variables: dict[str, Any], expected: dict[str, Any]
) -> None:
    result = run(engine, query, variables)
    assert result == {"data": expected}
    assert list(result["data"]) == list(expected)


def test_a_missing_required_condition_variable_is_a_request_error(engine: Any) -> None:
    result = run(engine, "query ($v: Boolean!) { a @skip(if: $v) }", {})
    assert result == {
        "errors": [
            {
                "message": "Variable '$v' of required type 'Boolean!' was not provided.",
                "locations": [{"line": 1, "column": 8}],
            }
        ]
    }


def test_skipped_fields_are_not_resolved(engine: Any) -> None:
    called: list[str] = []

    def make(name: str) -> Any:
        def resolve(_parent: Any, _info: Any) -> str:
            called.append(name)
            return name

        return resolve

    schema = engine.schema(SDL, {"Query": {"a": make("a"), "b": make("b")}})
    result = schema.execute("query ($s: Boolean!) { a @skip(if: $s) b }", variables={"s": True})
    assert result.to_dict() == {"data": {"b": "b"}}
    assert called == ["b"]


def test_skipped_mutation_fields_do_not_run(engine: Any) -> None:
    called: list[str] = []

    def make(name: str) -> Any:
        def resolve(_parent: Any, _info: Any) -> str:
            called.append(name)
            return name

        return resolve

    schema = engine.schema(SDL, {"Mutation": {"m1": make("m1"), "m2": make("m2")}})
    result = schema.execute("mutation { m1 @include(if: false) m2 }")
    assert result.to_dict() == {"data": {"m2": "m2"}}
    assert called == ["m2"]


def test_field_nodes_of_a_merged_field_leave_out_skipped_occurrences(engine: Any) -> None:
    seen: list[list[int]] = []

    def resolve(_parent: Any, info: Any) -> str:
        seen.append([node.loc.start for node in info.field_nodes])
        return "a"

    schema = engine.schema(SDL, {"Query": {"a": resolve}})
    query = "{ a a @skip(if: true) ... { a } }"
    assert schema.execute(query).to_dict() == {"data": {"a": "a"}}
    assert seen == [[2, 28]]


def test_conditions_inside_list_items(engine: Any) -> None:
    schema = engine.schema("type Item { x: Int y: Int } type Query { items: [Item] }")
    query = "query ($y: Boolean!) { items { x y @include(if: $y) } }"
    root = {"items": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}
    result = schema.execute(query, variables={"y": False}, root_value=root)
    assert result.to_dict() == {"data": {"items": [{"x": 1}, {"x": 3}]}}
