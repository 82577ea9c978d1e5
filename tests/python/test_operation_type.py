"""Schema.operation_type: the operation executing a text would run, found
through the plan cache, without running it. None exactly when execute
selects no operation, and then execute says why."""

from __future__ import annotations

import pytest

import graftql
from graftql import OperationType

SDL = "type Query { a: Int } type Mutation { b: Int } type Subscription { c: Int }"
schema = graftql.Schema(SDL)


@pytest.mark.parametrize(
    ("source", "operation_name", "expected"),
    [
        ("{ a }", None, OperationType.QUERY),
        ("query { a }", None, OperationType.QUERY),
        ("mutation { b }", None, OperationType.MUTATION),
        ("subscription { c }", None, OperationType.SUBSCRIPTION),
        ("query A { a } mutation B { b }", "A", OperationType.QUERY),
        ("query A { a } mutation B { b }", "B", OperationType.MUTATION),
        ("fragment F on Query { a } mutation M { b }", None, OperationType.MUTATION),
        # Invalid documents have a type too: a mutation over GET is refused
        # whatever else is wrong with it.
        ("mutation { nope }", None, OperationType.MUTATION),
    ],
)
def test_the_selected_operations_type(
    source: str, operation_name: str | None, expected: OperationType
) -> None:
    assert schema.operation_type(source, operation_name) is expected


@pytest.mark.parametrize(
    ("source", "operation_name", "message"),
    [
        ("query A { a } mutation B { b }", None, "Must provide operation name if query "
         "contains multiple operations."),
        ("query A { a }", "X", "Unknown operation named 'X'."),
        ("fragment F on Query { a }", None, "Fragment 'F' is never used."),
        ("{", None, "Syntax Error: Expected Name, found <EOF>."),
    ],
)  # fmt: skip
def test_none_when_execute_selects_no_operation(
    source: str, operation_name: str | None, message: str
) -> None:
    assert schema.operation_type(source, operation_name) is None
    result = schema.execute(source, operation_name=operation_name)
    assert not result.has_data
    assert [error.message for error in result.errors or ()] == [message]


def test_a_document_is_taken_as_it_is() -> None:
    document = graftql.parse("query A { a } mutation B { b }")
    assert schema.operation_type(document, "B") is OperationType.MUTATION


def test_asking_then_executing_parses_once() -> None:
    fresh = graftql.Schema(SDL)
    source = "mutation Bump { b }"
    assert fresh.operation_type(source) is OperationType.MUTATION
    fresh.execute(source)
    assert (fresh.plan_misses, fresh.plan_hits) == (1, 1)
