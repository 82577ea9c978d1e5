"""Hostile documents for Schema.validate, against graphql-core 3.2.14.

Repeated fragment spreads, a thousand sibling fields of one response name
(identical, with differing arguments, with conflicting aliases), fragments
by the thousand, fan-outs of fragments that expand to millions of fields,
nesting at the parser's limit (fields, inline fragments, fragment chains,
values and types), conflicts two hundred levels deep, and floods of errors.
Each must give exactly graphql-core's errors (same messages, locations and
order), with graphql-core's guards reproduced where they fire: the
OverlappingFieldsCanBeMergedRule complexity budget (500,000), the shared
fragment work budget (50,000) and the fragment nesting limit (200), each of
which ends validation with "Validation aborted.", and max_errors. The
budgets are exercised on both sides of their limits (the sizes were found
by bisection against graphql-core; the comparison does not depend on them).

Where a case is too big to run graphql-core on in a test, it states the
errors it must give instead. There are no timing assertions: graftql's
speed on these is in the validate benchmarks (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest
from gen_operations import SCHEMAS, reference_schema, reference_validate
from graphql import GraphQLError, build_schema
from graphql import parse as ref_parse
from recursion import recursion_limit

try:
    import graftql
except ImportError as exc:  # fail every test below, loudly, rather than skip
    graftql = None
    GRAFTQL_IMPORT_ERROR: ImportError | None = exc
else:
    GRAFTQL_IMPORT_ERROR = None


@pytest.fixture(autouse=True, scope="module")
def _deep_recursion() -> Iterator[None]:
    with recursion_limit(20_000):
        yield


SDL = """
type Query { a: T b: T f(x: Int): Int node(id: ID!): Node list(of: [[[Int]]]): Int in(v: In): Int }
interface Node { id: ID! }
type T implements Node { id: ID! x: Int y: String z: T w(a: Int): Int u: U }
type U implements Node { id: ID! x: String z: T }
input In { a: Int next: In list: [In] }
type Subscription { s: T t: Int }
"""

ABORTED = [{"message": "Validation aborted."}]
TOO_MANY = {"message": "Too many validation errors, error limit reached. Validation aborted."}


def _graftql() -> Any:
    if graftql is None:
        pytest.fail(f"graftql is not importable: {GRAFTQL_IMPORT_ERROR!r}")
    if not callable(getattr(graftql.Schema, "validate", None)):
        pytest.fail("graftql.Schema.validate is missing: the validation API has not landed")
    return graftql


@cache
def _schemas(sdl: str) -> tuple[Any, Any]:
    return _graftql().Schema(sdl), build_schema(sdl)


@dataclass(frozen=True)
class Hostile:
    """One document, built when the test runs. `expected`, when given,
    replaces running graphql-core (for documents too big for it)."""

    id: str
    build: Callable[[], str]
    max_errors: int | None = None
    suggestions: bool = True
    expected: list[Any] | None = None
    as_document: bool = False
    sdl: str = SDL
    options: dict[str, Any] = field(default_factory=dict)


def fields(n: int, text: Callable[[int], str]) -> str:
    return " ".join(text(i) for i in range(n))


def fragments(n: int, body: Callable[[int], str], on: str = "T") -> str:
    return " ".join(f"fragment F{i} on {on} {{ {body(i)} }}" for i in range(n))


def nested(depth: int, open_: str, inner: str, close: str) -> str:
    return open_ * depth + inner + close * depth


CASES = [
    # --- one fragment spread a thousand times ------------------------------
    Hostile("spreads-1000-same", lambda: "{ a { " + "...F " * 1000 + "} } fragment F on T { x y }"),
    Hostile(
        "spreads-1000-same-conflicting",
        lambda: "{ a { " + "...F " * 1000 + "k: y } } fragment F on T { k: x }",
    ),
    Hostile(
        "spreads-1000-same-with-directives",
        lambda: (
            "query($c: Boolean!) { a { "
            + "...F @include(if: $c) @skip(if: false) " * 1000
            + "} } fragment F on T { x }"
        ),
    ),
    Hostile("spreads-1000-undefined", lambda: "{ a { " + "...F " * 1000 + "} }"),
    Hostile(
        "spreads-1000-undefined-max-errors-2000",
        lambda: "{ a { " + "...F " * 1000 + "} }",
        max_errors=2000,
    ),
    Hostile(
        "spreads-1000-impossible",
        lambda: "{ a { " + "...F " * 1000 + "} } fragment F on U { x }",
    ),
    Hostile(
        "spreads-1000-in-1000-operations",
        lambda: (
            fields(1000, lambda i: f"query Q{i} {{ a {{ ...F ...F }} }}")
            + " fragment F on T { x w(a: $v) }"
        ),
    ),
    # --- fragments by the thousand, both sides of the fragment budgets ----
    Hostile(
        "fragments-447-distinct",
        lambda: (
            "{ a { " + fields(447, lambda i: f"...F{i}") + " } } " + fragments(447, lambda i: "x")
        ),
    ),
    Hostile(
        "fragments-448-distinct",
        lambda: (
            "{ a { " + fields(448, lambda i: f"...F{i}") + " } } " + fragments(448, lambda i: "x")
        ),
    ),
    Hostile(
        "fragments-1000-distinct",
        lambda: (
            "{ a { "
            + fields(1000, lambda i: f"...F{i}")
            + " } } "
            + fragments(1000, lambda i: "x y: y")
        ),
    ),
    Hostile(
        "fragments-1000-conflicting",
        lambda: (
            "{ a { "
            + fields(1000, lambda i: f"...F{i}")
            + " } } "
            + fragments(1000, lambda i: f"k: w(a: {i})")
        ),
    ),
    Hostile(
        "fragments-1000-chain",
        lambda: (
            "{ a { ...F0 } } "
            + fragments(999, lambda i: f"x ...F{i + 1}")
            + " fragment F999 on T { x }"
        ),
    ),
    Hostile(
        "fragments-1000-cycle",
        lambda: "{ a { ...F0 } } " + fragments(1000, lambda i: f"x ...F{(i + 1) % 1000}"),
    ),
    Hostile(
        "fragments-1000-self-cycles",
        lambda: (
            "{ a { "
            + fields(1000, lambda i: f"...F{i}")
            + " } } "
            + fragments(1000, lambda i: f"...F{i}")
        ),
    ),
    Hostile(
        "fragments-1000-unused",
        lambda: "{ a { x } } " + fragments(1000, lambda i: "x"),
    ),
    Hostile(
        "fragments-1000-duplicate-names",
        lambda: "{ a { ...F } } " + " ".join("fragment F on T { x }" for _ in range(1000)),
    ),
    Hostile(
        "fragments-binary-fan-out-30",
        lambda: (
            "{ a { ...F0 } } "
            + fragments(30, lambda i: f"z {{ ...F{i + 1} }} z {{ ...F{i + 1} }}")
            + " fragment F30 on T { x }"
        ),
    ),
    Hostile(
        "fragments-binary-fan-out-30-conflict",
        lambda: (
            "{ a { ...F0 } } "
            + fragments(30, lambda i: f"z {{ ...F{i + 1} }} z {{ ...F{i + 1} }}")
            + " fragment F30 on T { k: x k: y }"
        ),
    ),
    Hostile(
        "fragments-wide-fan-out-conflict",
        lambda: (
            "{ a { ...F0 } } "
            + fragments(12, lambda i: " ".join(f"z {{ ...F{i + 1} }}" for _ in range(8)))
            + " fragment F12 on T { k: x } fragment G on T { k: y }"
        ),
    ),
    # --- a thousand sibling fields of one response name --------------------
    Hostile("siblings-1000-identical", lambda: "{ " + "f(x: 1) " * 1000 + "}"),
    Hostile("siblings-577-identical-args", lambda: "{ " + "f(x: 1) " * 577 + "}"),
    Hostile("siblings-578-identical-args", lambda: "{ " + "f(x: 1) " * 578 + "}"),
    Hostile("siblings-707-identical", lambda: "{ a { " + "x " * 707 + "} }"),
    Hostile("siblings-708-identical", lambda: "{ a { " + "x " * 708 + "} }"),
    Hostile("siblings-1000-identical-subselections", lambda: "{ " + "a { x y } " * 1000 + "}"),
    Hostile(
        "siblings-1000-differing-args", lambda: "{ " + fields(1000, lambda i: f"f(x: {i})") + " }"
    ),
    Hostile(
        "siblings-100-differing-args", lambda: "{ " + fields(100, lambda i: f"f(x: {i})") + " }"
    ),
    Hostile(
        "siblings-100-differing-args-max-errors-1000",
        lambda: "{ " + fields(100, lambda i: f"f(x: {i})") + " }",
        max_errors=1000,
    ),
    Hostile(
        "siblings-1000-alias-conflicts",
        lambda: "{ a { " + fields(1000, lambda i: "k: x" if i % 2 else "k: y") + " } }",
    ),
    Hostile(
        "siblings-40-alias-conflicts",
        lambda: "{ a { " + fields(40, lambda i: "k: x" if i % 2 else "k: y") + " } }",
    ),
    Hostile(
        "siblings-1000-inline-fragments",
        lambda: (
            "{ node(id: 1) { " + fields(1000, lambda i: "... on T { x } ... on U { x }") + " } }"
        ),
    ),
    Hostile(
        "siblings-30-conflicting-subfields",
        lambda: (
            "{ a { "
            + fields(30, lambda i: f"k{i}: x")
            + " } a { "
            + fields(30, lambda i: f"k{i}: y")
            + " } }"
        ),
    ),
    Hostile(
        "siblings-15000-differing-args",
        lambda: "{ " + fields(15000, lambda i: f"f(x: {i})") + " }",
        expected=ABORTED,
    ),
    Hostile(
        "siblings-1000-unknown",
        lambda: "{ a { " + fields(1000, lambda i: f"u{i}") + " } }",
    ),
    Hostile(
        "siblings-1000-unknown-no-suggestions",
        lambda: "{ a { " + fields(1000, lambda i: f"x{i}") + " } }",
        suggestions=False,
    ),
    Hostile(
        "siblings-1000-unknown-max-errors-0",
        lambda: "{ a { " + fields(1000, lambda i: f"u{i}") + " } }",
        max_errors=0,
    ),
    Hostile(
        "siblings-12000-unknown",
        lambda: "{ a { " + fields(12000, lambda i: f"nope{i}") + " } }",
        expected=[
            *(
                {
                    "message": f"Cannot query field 'nope{i}' on type 'T'.",
                    "locations": [
                        {"line": 1, "column": 7 + sum(len(f"nope{j} ") for j in range(i))}
                    ],
                }
                for i in range(100)
            ),
            TOO_MANY,
        ],
    ),
    # --- nesting ----------------------------------------------------------
    Hostile("nesting-fields-199", lambda: "{ a " + nested(197, "{ z ", "{ x }", " }") + " }"),
    Hostile(
        "nesting-fields-199-document",
        lambda: "{ a " + nested(197, "{ z ", "{ x }", " }") + " }",
        as_document=True,
    ),
    Hostile(
        "nesting-fields-199-leaf-selection",
        lambda: "{ a " + nested(197, "{ z ", "{ x { y } }", " }") + " }",
    ),
    Hostile(
        "nesting-inline-fragments-190",
        lambda: "{ a { " + nested(190, "... on T { ", "x", " }") + " } }",
    ),
    Hostile(
        "nesting-inline-fragments-190-impossible",
        lambda: "{ a { " + nested(95, "... on U { ... on T { ", "x", " } }") + " } }",
    ),
    Hostile(
        "nesting-fragment-chain-99",
        lambda: (
            "{ a { ...F0 } } "
            + fragments(98, lambda i: f"z {{ ...F{i + 1} }}")
            + " fragment F98 on T { x }"
        ),
    ),
    Hostile(
        "nesting-fragment-chain-100",
        lambda: (
            "{ a { ...F0 } } "
            + fragments(99, lambda i: f"z {{ ...F{i + 1} }}")
            + " fragment F99 on T { x }"
        ),
    ),
    Hostile(
        "nesting-fragment-chain-250",
        lambda: (
            "{ a { ...F0 } } "
            + fragments(250, lambda i: f"z {{ ...F{i + 1} }}")
            + " fragment F250 on T { x }"
        ),
    ),
    Hostile(
        "nesting-fragment-chain-250-with-errors-first",
        lambda: (
            "{ unknown a { ...F0 } } "
            + fragments(250, lambda i: f"z {{ ...F{i + 1} }}")
            + " fragment F250 on T { x }"
        ),
    ),
    Hostile(
        "nesting-conflict-190",
        lambda: (
            "{ a "
            + nested(190, "{ z ", "{ x }", " }")
            + " a "
            + nested(190, "{ z ", "{ x: y }", " }")
            + " }"
        ),
    ),
    Hostile(
        "nesting-conflict-through-fragments-60",
        lambda: (
            "{ a { ...F0 } a { ...G0 } } "
            + fragments(60, lambda i: f"z {{ ...F{i + 1} }}")
            + " fragment F60 on T { k: x } "
            + " ".join(f"fragment G{i} on T {{ z {{ ...G{i + 1} }} }}" for i in range(60))
            + " fragment G60 on T { k: y }"
        ),
    ),
    Hostile(
        "nesting-list-values-190",
        lambda: "{ list(of: " + nested(190, "[", "1", "]") + ") }",
    ),
    Hostile(
        "nesting-object-values-190",
        lambda: "{ in(v: " + nested(190, "{next: ", '{a: "x"}', "}") + ") }",
    ),
    Hostile(
        "nesting-variable-type-190",
        lambda: "query($v: " + nested(190, "[", "Int", "]") + ") { list(of: $v) }",
    ),
    Hostile(
        "nesting-subscription-fragments-100",
        lambda: (
            "subscription { ...F0 } "
            + fragments(100, lambda i: f"...F{i + 1}", on="Subscription")
            + " fragment F100 on Subscription { s { x } t }"
        ),
    ),
    Hostile(
        "introspection-through-fragment-cycle",
        lambda: (
            "{ __schema { types { ...A } } } fragment A on __Type { fields { type { ...B } } }"
            " fragment B on __Type { interfaces { ...A } possibleTypes { name } }"
        ),
    ),
]


def _outcome(case: Hostile) -> tuple[list[Any], list[Any]]:
    gq = _graftql()
    schema, ref_schema = _schemas(case.sdl)
    source = case.build()
    kwargs: dict[str, Any] = {}
    if case.max_errors is not None:
        kwargs["max_errors"] = case.max_errors
    if not case.suggestions:
        kwargs["suggestions"] = False
    document = gq.parse(source) if case.as_document else source
    got = [e.formatted for e in schema.validate(document, **kwargs)]
    if case.expected is not None:
        return case.expected, got
    ref = reference_validate(
        ref_schema, source, max_errors=case.max_errors, hide_suggestions=not case.suggestions
    )
    return list(ref.formatted), got


def _brief(errors: list[Any]) -> str:
    lines = [f"  {e.get('message')!r:.300} at {e.get('locations', [])[:4]}" for e in errors[:8]]
    if len(errors) > 8:
        lines.append(f"  ... {len(errors)} in all")
    return "\n".join(lines) or "  (none)"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile(case: Hostile) -> None:
    expected, got = _outcome(case)
    if got != expected:
        first = next(
            (i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b),
            min(len(got), len(expected)),
        )
        pytest.fail(
            f"{case.id}: first difference at error #{first}\n"
            f"graphql-core:\n{_brief(expected[first:])}\ngraftql:\n{_brief(got[first:])}",
            pytrace=False,
        )


def test_the_budgets_fire() -> None:
    """The cases straddle graphql-core's budgets: one side valid, the other
    aborted (so that the comparisons above test the budgets' accounting)."""
    by_id = {c.id: c for c in CASES}
    for below, at in (
        ("siblings-577-identical-args", "siblings-578-identical-args"),
        ("siblings-707-identical", "siblings-708-identical"),
        ("fragments-447-distinct", "fragments-448-distinct"),
        ("nesting-fragment-chain-99", "nesting-fragment-chain-100"),
    ):
        assert _outcome(by_id[below])[0] == [], below
        assert _outcome(by_id[at])[0][-1] == ABORTED[0], at


@pytest.mark.parametrize("depth", [199, 200, 201])
def test_parser_limits_apply(depth: int) -> None:
    """validate(text) parses with graftql.parse's default limits: nesting
    past graphql-core's MAX_NESTING_DEPTH (200) is graphql-core's syntax
    error, raised."""
    gq = _graftql()
    schema, _ = _schemas(SDL)
    source = "{ a " + nested(depth - 2, "{ z ", "{ x }", " }") + " }"
    try:
        ref_parse(source)
    except GraphQLError as error:
        with pytest.raises(gq.GraphQLSyntaxError) as info:
            schema.validate(source)
        assert info.value.message == error.message
        assert info.value.formatted == error.formatted
    else:
        assert schema.validate(source) == []


def test_introspection_off_matches_no_schema_introspection_rule() -> None:
    """With introspection=False, validate adds graphql-core's
    NoSchemaIntrospectionCustomRule after the specified rules."""
    from graphql import validate
    from graphql.validation import NoSchemaIntrospectionCustomRule, specified_rules

    gq = _graftql()
    sdl = SCHEMAS["shop"]
    schema = gq.Schema(sdl, introspection=False)
    ref_schema = reference_schema("shop")
    sources = [
        "{ __schema { types { name fields { type { name } } } } }",
        '{ __type(name: "Book") { name fields { name } } me { __typename } }',
        "{ me { id } a: __schema { queryType { name } } ...F }"
        ' fragment F on Query { __type(name: "x") { kind } }',
        "{ __typename me { __typename } }",
        "query($v: String!) { __type(name: $v) { ofType { ofType { name } } } }",
    ]
    for source in sources:
        expected = [
            e.formatted
            for e in validate(
                ref_schema, ref_parse(source), [*specified_rules, NoSchemaIntrospectionCustomRule]
            )
        ]
        assert [e.formatted for e in schema.validate(source)] == expected, source
