"""Coercion of arguments and variables: literals and variables for input
objects (field order, nulls, single values as lists, unknown and missing
fields), custom scalars (parse_value, parse_literal, defaults), enums (bound
values, Enum classes), the built-in scalars, lists of every nullability,
@oneOf, defaults of variables, arguments and input fields, explicit null,
and every error message with its location (request errors, no data). The
resolvers show what they were given as repr(), so types and key order count.
Expected results are graphql-core 3.2.14's (exec_reference)."""

from __future__ import annotations

import enum
import gc
import json
import math
import sys
import types
from typing import Any

import exec_reference
import pytest

engine = exec_reference.engine
graftql_engine = exec_reference.graftql_engine

SDL = """
input TestInputObject {
  a: String
  b: [String]
  c: String!
  d: ComplexScalar
  e: FaultyScalar
}

input TestNestedInputObject {
  na: TestInputObject!
  nb: String!
}

input WithDefaults {
  a: Int = 5
  b: String
  c: [Int] = 1
  color: Color = GREEN
}

input Plain {
  a: Int = 5
  b: String
  c: [Int] = 1
}

input Pick @oneOf { id: ID name: String }

input ProbeBox { probe: Probe probes: [Probe!] }

enum TestEnum { NULL NAN FALSE CUSTOM DEFAULT_VALUE }
enum Color { RED GREEN BLUE }

scalar ComplexScalar
scalar FaultyScalar
scalar Untyped
scalar Json
scalar Probe

type Query {
  fieldWithObjectInput(input: TestInputObject): String
  fieldWithNullableStringInput(input: String): String
  fieldWithNonNullableStringInput(input: String!): String
  fieldWithDefaultArgumentValue(input: String = "Hello World"): String
  fieldWithNonNullableStringInputAndDefaultArgValue(input: String! = "Hello World"): String
  fieldWithNestedInputObject(input: TestNestedInputObject): String
  fieldWithEnumInput(input: TestEnum): String
  fieldWithNonNullableEnumInput(input: TestEnum!): String
  fieldWithEnumListInput(input: [TestEnum]): String
  fieldWithColorInput(input: Color): String
  fieldWithDefaults(input: WithDefaults): String
  fieldWithDefaultObject(input: Plain = {b: "d"}): String
  fieldWithPick(input: Pick): String
  fieldWithUntyped(input: Untyped): String
  fieldWithJson(input: Json): String
  fieldWithComplex(input: ComplexScalar): String
  fieldWithProbe(input: Probe): String
  fieldWithProbeList(input: [Probe]): String
  fieldWithProbeBox(input: ProbeBox): String
  int(input: Int): String
  float(input: Float): String
  boolean(input: Boolean): String
  id(input: ID): String
  string(input: String): String
  list(input: [String]): String
  nnList(input: [String]!): String
  listNN(input: [String!]): String
  nnListNN(input: [String!]!): String
  intList(input: [Int]): String
  nestedList(input: [[Int]]): String
}
"""

FIELDS = [
    line.split("(")[0].strip() for line in SDL.split("type Query {")[1].splitlines() if "(" in line
]


def show_input(_parent: Any, _info: Any, **args: Any) -> str | None:
    """What the resolver was given, as repr() shows it."""
    return repr(args["input"]) if "input" in args else None


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class ComplexScalar:
    """Only "SerializedValue" is a valid value (given as a string)."""

    @staticmethod
    def parse_value(value: Any) -> str:
        if value != "SerializedValue":
            raise ValueError(f"Not a serialized value: {value!r}")
        return "DeserializedValue"

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> str:
        if node.kind != "string_value":
            raise ValueError(f"Not a string literal: {node.kind}")
        return ComplexScalar.parse_value(node.value)


class JsonScalar:
    """parse_value only: literals reach it as graphql-core's
    value_from_ast_untyped makes them (variables in them substituted)."""

    @staticmethod
    def parse_value(value: Any) -> Any:
        return ("json", value)


def faulty_scalar(engine: Any) -> Any:
    error = engine.GraphQLError(
        "FaultyScalarErrorMessage", extensions={"code": "FaultyScalarExtensionCode"}
    )

    class FaultyScalar:
        @staticmethod
        def parse_value(_value: Any) -> Any:
            raise error

        @staticmethod
        def parse_literal(_node: Any, _variables: Any = None) -> Any:
            raise error

    return FaultyScalar


def probe_scalar(engine: Any) -> Any:
    """Its answer says what the literal or value asks for: "undefined" is
    Undefined, "none" is None, "raise" raises a ValueError, "error" a
    GraphQLError with extensions; a list or object literal a TypeError."""

    def parse(value: Any) -> Any:
        if value == "undefined":
            return engine.Undefined
        if value == "none":
            return None
        if value == "raise":
            raise ValueError("refused")
        if value == "error":
            raise engine.GraphQLError("ProbeError", extensions={"code": "PROBE"})
        return ("probe", value)

    class Probe:
        @staticmethod
        def parse_value(value: Any) -> Any:
            return parse(value)

        @staticmethod
        def parse_literal(node: Any, _variables: Any = None) -> Any:
            if node.kind in ("list_value", "object_value"):
                raise TypeError(f"not a {node.kind}")
            return parse(node.value)

    return Probe


def make_schema(engine: Any) -> Any:
    return engine.schema(
        SDL,
        {"Query": dict.fromkeys(FIELDS, show_input)},
        scalars={
            "ComplexScalar": ComplexScalar,
            "FaultyScalar": faulty_scalar(engine),
            "Json": JsonScalar,
            "Probe": probe_scalar(engine),
        },
        enums={
            "TestEnum": {"NULL": None, "NAN": math.nan, "FALSE": False, "CUSTOM": "custom value"},
            "Color": Color,
        },
    )


def run(engine: Any, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    return make_schema(engine).execute(query, variables=variables).to_dict()


def data(**values: str | None) -> dict[str, Any]:
    return {"data": values}


def request_error(message: str, line: int, column: int, **extra: Any) -> dict[str, Any]:
    """A result with one error and no data, as a request error has it."""
    return {
        "errors": [{"message": message, "locations": [{"line": line, "column": column}], **extra}]
    }


# ---- input objects as literals ------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ('{a: "foo", b: ["bar"], c: "baz"}', "{'a': 'foo', 'b': ['bar'], 'c': 'baz'}"),
        # Coerced in the order the type defines its fields, not as written.
        ('{c: "baz", b: ["bar"], a: "foo"}', "{'a': 'foo', 'b': ['bar'], 'c': 'baz'}"),
        ('{a: "foo", b: "bar", c: "baz"}', "{'a': 'foo', 'b': ['bar'], 'c': 'baz'}"),
        ('{a: null, b: null, c: "C", d: null}', "{'a': None, 'b': None, 'c': 'C', 'd': None}"),
        ('{b: ["A", null, "C"], c: "C"}', "{'b': ['A', None, 'C'], 'c': 'C'}"),
        ('{c: "foo", d: "SerializedValue"}', "{'c': 'foo', 'd': 'DeserializedValue'}"),
    ],
    ids=["complex", "field order", "single value as list", "nulls", "null in list", "scalar"],
)
def test_input_object_literal(engine: Any, literal: str, expected: str) -> None:
    assert run(engine, f"{{ fieldWithObjectInput(input: {literal}) }}") == data(
        fieldWithObjectInput=expected
    )


def test_a_faulty_scalar_literal_is_a_validation_error(engine: Any) -> None:
    """The scalar's parse_literal runs during validation: a GraphQLError it
    raises is reported as it is (graphql-core's ValuesOfCorrectTypeRule), so
    with its extensions and without a location."""
    assert run(engine, '{\n  fieldWithObjectInput(input: {c: "foo", e: "bar"})\n}') == {
        "errors": [
            {
                "message": "FaultyScalarErrorMessage",
                "extensions": {"code": "FaultyScalarExtensionCode"},
            }
        ]
    }


def test_a_scalar_literal_its_parse_literal_refuses(engine: Any) -> None:
    assert run(engine, "{ fieldWithComplex(input: 123) }") == request_error(
        "Expected value of type 'ComplexScalar', found 123; Not a string literal: int_value",
        1,
        27,
    )


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        (
            '{ fieldWithProbe(input: "undefined") }',
            [("Expected value of type 'Probe', found \"undefined\".", 1, 25)],
        ),
        (
            '{ fieldWithProbe(input: "raise") }',
            [("Expected value of type 'Probe', found \"raise\"; refused", 1, 25)],
        ),
        ('{ fieldWithProbe(input: "error") }', [("ProbeError", None, None)]),
        (
            '{ fieldWithProbeList(input: ["ok", "undefined", "raise"]) }',
            [
                ("Expected value of type 'Probe', found \"undefined\".", 1, 36),
                ("Expected value of type 'Probe', found \"raise\"; refused", 1, 49),
            ],
        ),
        (
            '{ fieldWithProbe(input: ["ok"]) }',
            [("Expected value of type 'Probe', found [\"ok\"]; not a list_value", 1, 25)],
        ),
        (
            '{ fieldWithProbeBox(input: {probe: "undefined", probes: "raise"}) }',
            [
                ("Expected value of type 'Probe', found \"undefined\".", 1, 36),
                ("Expected value of type '[Probe!]', found \"raise\"; refused", 1, 57),
            ],
        ),
        (
            'query ($v: Probe = "raise") { fieldWithProbe(input: $v) }',
            [("Expected value of type 'Probe', found \"raise\"; refused", 1, 20)],
        ),
        (
            '{ fieldWithProbe(input: {a: "error"}) fieldWithProbeBox(input: {probe: "error"}) }',
            [
                ("Expected value of type 'Probe', found {a: \"error\"}; not a object_value", 1, 25),
                ("ProbeError", None, None),
            ],
        ),
    ],
    ids=[
        "undefined",
        "exception",
        "graphql error",
        "list items",
        "list where the scalar stands",
        "input object fields",
        "variable default",
        "object where the scalar stands, nested error",
    ],
)
def test_custom_scalar_literals_are_validated(
    engine: Any, query: str, errors: list[tuple[str, int | None, int | None]]
) -> None:
    """graphql-core's ValuesOfCorrectTypeRule calls parse_literal: every
    literal it refuses is a validation error (a request error, no data); a
    GraphQLError is reported as it is, without a location."""
    expected = []
    for message, line, column in errors:
        error: dict[str, Any] = {"message": message}
        if line is not None:
            error["locations"] = [{"line": line, "column": column}]
        else:
            error["extensions"] = {"code": "PROBE"}
        expected.append(error)
    assert run(engine, query) == {"errors": expected}


def test_custom_scalar_literal_errors_hold_what_was_raised(engine: Any) -> None:
    result = make_schema(engine).execute(
        '{ a: fieldWithProbe(input: "raise") b: fieldWithProbe(input: "error") }'
    )
    wrapped, as_is = result.errors
    assert isinstance(wrapped.original_error, ValueError)
    assert str(wrapped.original_error) == "refused"
    assert type(as_is) is engine.GraphQLError and as_is.original_error is None
    assert as_is.extensions == {"code": "PROBE"}


def test_custom_scalar_literals_that_parse(engine: Any) -> None:
    query = (
        '{ a: fieldWithProbe(input: "ok") b: fieldWithProbe(input: "none")'
        ' c: fieldWithProbeList(input: "ok") d: fieldWithProbeBox(input: {probes: ["x"]}) }'
    )
    assert run(engine, query) == data(
        a="('probe', 'ok')",
        b="None",
        c="[('probe', 'ok')]",
        d="{'probes': [('probe', 'x')]}",
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("undefined", "Variable '$v' got invalid value 'undefined'; Expected type 'Probe'."),
        ("raise", "Variable '$v' got invalid value 'raise'; Expected type 'Probe'. refused"),
        ("error", "Variable '$v' got invalid value 'error'; ProbeError"),
    ],
)
def test_custom_scalar_variables_refused(engine: Any, value: str, message: str) -> None:
    result = run(engine, "query ($v: Probe) { fieldWithProbe(input: $v) }", {"v": value})
    assert result["errors"][0]["message"] == message
    assert "data" not in result


def test_a_literal_of_the_wrong_shape_is_a_validation_error(engine: Any) -> None:
    assert run(engine, '{ fieldWithObjectInput(input: ["foo", "bar"]) }') == request_error(
        'Expected value of type \'TestInputObject\', found ["foo", "bar"].', 1, 31
    )


# ---- input objects in variables ----------------------------------------------------

OBJECT_QUERY = """query ($input: TestInputObject) {
  fieldWithObjectInput(input: $input)
}"""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a": "foo", "b": ["bar"], "c": "baz"}, "{'a': 'foo', 'b': ['bar'], 'c': 'baz'}"),
        ({"c": "baz", "a": "foo"}, "{'a': 'foo', 'c': 'baz'}"),
        ({"a": "foo", "b": "bar", "c": "baz"}, "{'a': 'foo', 'b': ['bar'], 'c': 'baz'}"),
        ({"b": ("x", None), "c": "baz"}, "{'b': ['x', None], 'c': 'baz'}"),
        ({"c": "foo", "d": "SerializedValue"}, "{'c': 'foo', 'd': 'DeserializedValue'}"),
        ({"c": "C", "a": None, "d": None}, "{'a': None, 'c': 'C', 'd': None}"),
        (None, "None"),
    ],
    ids=["complex", "field order", "single value", "tuple", "scalar", "nulls", "null"],
)
def test_input_object_variable(engine: Any, value: Any, expected: str) -> None:
    assert run(engine, OBJECT_QUERY, {"input": value}) == data(fieldWithObjectInput=expected)


def test_an_omitted_variable_leaves_the_argument_out(engine: Any) -> None:
    assert run(engine, OBJECT_QUERY) == data(fieldWithObjectInput=None)
    assert run(engine, OBJECT_QUERY, {}) == data(fieldWithObjectInput=None)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {"c": "foo", "e": "SerializedValue"},
            "Variable '$input' got invalid value 'SerializedValue' at 'input.e';"
            " FaultyScalarErrorMessage",
        ),
        (
            {"c": "foo", "d": "other"},
            "Variable '$input' got invalid value 'other' at 'input.d';"
            " Expected type 'ComplexScalar'. Not a serialized value: 'other'",
        ),
        (
            {"a": "foo", "b": "bar", "c": None},
            "Variable '$input' got invalid value None at 'input.c';"
            " Expected non-nullable type 'String!' not to be None.",
        ),
        (
            "foo bar",
            "Variable '$input' got invalid value 'foo bar';"
            " Expected type 'TestInputObject' to be a mapping.",
        ),
        (
            ["foo"],
            "Variable '$input' got invalid value ['foo'];"
            " Expected type 'TestInputObject' to be a mapping.",
        ),
        (
            types.MappingProxyType({"c": "foo"}),
            "Variable '$input' got invalid value <mappingproxy instance>;"
            " Expected type 'TestInputObject' to be a mapping.",
        ),
        (
            {"a": "foo", "b": "bar"},
            "Variable '$input' got invalid value {'a': 'foo', 'b': 'bar'};"
            " Field 'c' of required type 'String!' was not provided.",
        ),
        (
            {"a": "foo", "b": "bar", "c": "baz", "extra": "dog"},
            "Variable '$input' got invalid value"
            " {'a': 'foo', 'b': 'bar', 'c': 'baz', 'extra': 'dog'};"
            " Field 'extra' is not defined by type 'TestInputObject'.",
        ),
        (
            {"c": "baz", "cc": "dog"},
            "Variable '$input' got invalid value {'c': 'baz', 'cc': 'dog'};"
            " Field 'cc' is not defined by type 'TestInputObject'. Did you mean 'c'?",
        ),
        (
            {"c": 5},
            "Variable '$input' got invalid value 5 at 'input.c';"
            " String cannot represent a non string value: 5",
        ),
        (
            {"b": [1], "c": "x"},
            "Variable '$input' got invalid value 1 at 'input.b[0]';"
            " String cannot represent a non string value: 1",
        ),
    ],
    ids=[
        "faulty scalar",
        "scalar refuses",
        "null for non-null field",
        "string",
        "list",
        "mapping that is no dict",
        "missing field",
        "unknown field",
        "unknown field, suggestion",
        "wrong field type",
        "wrong item type",
    ],
)
def test_input_object_variable_errors(engine: Any, value: Any, message: str) -> None:
    result = run(engine, OBJECT_QUERY, {"input": value})
    error: dict[str, Any] = {"message": message, "locations": [{"line": 1, "column": 8}]}
    if "Faulty" in message:
        error["extensions"] = {"code": "FaultyScalarExtensionCode"}
    assert result == {"errors": [error]}


def test_many_errors_in_one_nested_variable(engine: Any) -> None:
    query = "query ($input: TestNestedInputObject) { fieldWithNestedInputObject(input: $input) }"
    result = run(engine, query, {"input": {"na": {"a": "foo", "x": 1}}})
    location = [{"line": 1, "column": 8}]
    assert result == {
        "errors": [
            {
                "message": "Variable '$input' got invalid value {'a': 'foo', 'x': 1}"
                " at 'input.na'; Field 'c' of required type 'String!' was not provided.",
                "locations": location,
            },
            {
                "message": "Variable '$input' got invalid value {'a': 'foo', 'x': 1}"
                " at 'input.na'; Field 'x' is not defined by type 'TestInputObject'."
                " Did you mean 'a', 'b', 'c', 'd', or 'e'?",
                "locations": location,
            },
            {
                "message": "Variable '$input' got invalid value {'na': {'a': 'foo', 'x': 1}};"
                " Field 'nb' of required type 'String!' was not provided.",
                "locations": location,
            },
        ]
    }


def test_errors_of_several_variables(engine: Any) -> None:
    query = (
        "query ($a: Int, $b: String!, $c: [Int!]) {\n"
        "  int(input: $a) string(input: $b) intList(input: $c)\n"
        "}"
    )
    result = run(engine, query, {"a": "one", "c": [1, None]})
    assert result == {
        "errors": [
            {
                "message": "Variable '$a' got invalid value 'one';"
                " Int cannot represent non-integer value: 'one'",
                "locations": [{"line": 1, "column": 8}],
            },
            {
                "message": "Variable '$b' of required type 'String!' was not provided.",
                "locations": [{"line": 1, "column": 17}],
            },
            {
                "message": "Variable '$c' got invalid value None at 'c[1]';"
                " Expected non-nullable type 'Int!' not to be None.",
                "locations": [{"line": 1, "column": 30}],
            },
        ]
    }


def test_a_variable_error_keeps_the_original_error(engine: Any) -> None:
    query = "query ($value: String!) { fieldWithNonNullableStringInput(input: $value) }"
    result = make_schema(engine).execute(query, variables={"value": [1, 2, 3]})
    assert result.to_dict() == request_error(
        "Variable '$value' got invalid value [1, 2, 3];"
        " String cannot represent a non string value: [1, 2, 3]",
        1,
        8,
    )
    assert result.data is None
    (error,) = result.errors
    assert isinstance(error, engine.GraphQLError)
    assert error.path is None
    assert isinstance(error.original_error, engine.GraphQLError)
    assert error.original_error.message == "String cannot represent a non string value: [1, 2, 3]"


def test_a_parse_value_exception_is_the_original_error(engine: Any) -> None:
    result = make_schema(engine).execute(
        "query ($v: ComplexScalar) { fieldWithComplex(input: $v) }", variables={"v": 1}
    )
    (error,) = result.errors
    assert error.message == (
        "Variable '$v' got invalid value 1; Expected type 'ComplexScalar'."
        " Not a serialized value: 1"
    )
    assert isinstance(error.original_error, engine.GraphQLError)
    assert isinstance(error.original_error.original_error, ValueError)


def error_shape(error: Any) -> tuple[Any, ...]:
    """What an error says, its original_error and that one's cause."""
    original = error.original_error
    return (
        error.message,
        error.extensions or None,
        type(original).__name__,
        getattr(original, "message", None),
        getattr(original, "extensions", None) or None,
        type(getattr(original, "original_error", None)).__name__,
    )


VARIABLE_ERRORS = [
    ("String", "string", ["a"]),
    ("Int", "int", 1.5),
    ("Int", "int", 2**40),
    ("Float", "float", "x"),
    ("Boolean", "boolean", 1),
    ("ID", "id", 1.5),
    ("Color", "fieldWithColorInput", "PURPLE"),
    ("Color", "fieldWithColorInput", 1),
    ("TestInputObject", "fieldWithObjectInput", "x"),
    ("TestInputObject", "fieldWithObjectInput", {"a": "x"}),
    ("TestInputObject", "fieldWithObjectInput", {"c": "x", "cc": 1, "e": "y"}),
    ("TestNestedInputObject", "fieldWithNestedInputObject", {"na": {"c": None}, "nb": "x"}),
    ("[String!]", "listNN", ["a", None, 2]),
    ("Pick", "fieldWithPick", {"id": "1", "name": "n"}),
    ("Pick", "fieldWithPick", {"id": None}),
    ("ComplexScalar", "fieldWithComplex", "other"),
    ("Probe", "fieldWithProbe", "undefined"),
    ("Probe", "fieldWithProbe", "error"),
    ("[Probe]", "fieldWithProbeList", ["ok", "raise", "error"]),
    ("ProbeBox", "fieldWithProbeBox", {"probes": ["raise"]}),
    ("String!", "fieldWithNonNullableStringInput", None),
    ("String!", "fieldWithNonNullableStringInput", ...),
    ("[String!]", "listNN", list(range(52))),
]


def test_variable_errors_hold_graphql_cores_original_errors() -> None:
    """Every variable error against graphql-core's, side by side: the
    invalid-value ones hold the GraphQLError coerce_input_value reported
    (with its own cause: the exception parse_value raised), and take its
    extensions; the others hold nothing."""
    engines = [
        exec_reference.ReferenceEngine(),
        exec_reference.GraftqlEngine(exec_reference._graftql()),
    ]
    shapes: dict[str, list[Any]] = {}
    for current in engines:
        schema = make_schema(current)
        shapes[current.name] = []
        for type_, field, value in VARIABLE_ERRORS:
            query = f"query ($v: {type_}) {{ {field}(input: $v) }}"
            variables = {} if value is ... else {"v": value}
            result = schema.execute(query, variables)
            assert result.errors and result.data is None, (type_, value)
            shapes[current.name].append([error_shape(error) for error in result.errors])
    assert shapes["graftql"] == shapes["graphql-core"]


def test_a_graphql_error_from_parse_value_is_the_original_error(engine: Any) -> None:
    raised = engine.GraphQLError("Refused.", extensions={"code": "REFUSED"})

    class Refusing:
        @staticmethod
        def parse_value(_value: Any) -> Any:
            raise raised

    schema = engine.schema("scalar R type Query { f(r: R): String }", scalars={"R": Refusing})
    result = schema.execute("query ($r: R) { f(r: $r) }", variables={"r": 1})
    (error,) = result.errors
    assert error.original_error is raised
    assert error.extensions == {"code": "REFUSED"}
    assert result.to_dict() == request_error(
        "Variable '$r' got invalid value 1; Refused.", 1, 8, extensions={"code": "REFUSED"}
    )


def test_variable_errors_to_json(graftql_engine: Any) -> None:
    schema = make_schema(graftql_engine)
    query = (
        "query ($v: TestInputObject, $w: Int) { fieldWithObjectInput(input: $v) int(input: $w) }"
    )
    result = schema.execute(query, {"v": {"c": "x", "e": "y"}, "w": "one"})
    assert json.loads(result.to_json()) == result.to_dict()
    assert result.to_dict()["errors"][0]["extensions"] == {"code": "FaultyScalarExtensionCode"}
    assert "extensions" not in result.to_dict()["errors"][1]


def test_variable_error_reference_counts_are_balanced(graftql_engine: Any) -> None:
    schema = make_schema(graftql_engine)
    raised = graftql_engine.GraphQLError("Refused.")

    class Refusing:
        @staticmethod
        def parse_value(_value: Any) -> Any:
            raise raised

    other = graftql_engine.schema(
        "scalar R type Query { f(r: R): String }", scalars={"R": Refusing}
    )
    queries = [
        (
            schema,
            "query ($v: TestInputObject) { fieldWithObjectInput(input: $v) }",
            {"v": {"c": "x", "d": "no", "z": 1}},
        ),
        (schema, "query ($v: [String!]) { listNN(input: $v) }", {"v": list(range(60))}),
        (other, "query ($r: R) { f(r: $r) }", {"r": 1}),
    ]

    def run_all() -> None:
        for target, query, variables in queries:
            result = target.execute(query, variables)
            assert result.errors
            result.to_json()
        raised.__traceback__ = None  # raising it again would extend its traceback

    run_all()
    gc.collect()
    before = [sys.getrefcount(o) for o in (schema, other, raised)]
    for _ in range(30):
        run_all()
    gc.collect()
    assert [sys.getrefcount(o) for o in (schema, other, raised)] == before


# ---- defaults -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        (
            'query ($input: TestInputObject = {a: "foo", b: ["bar"], c: "baz"}) {'
            " fieldWithObjectInput(input: $input) }",
            None,
            data(fieldWithObjectInput="{'a': 'foo', 'b': ['bar'], 'c': 'baz'}"),
        ),
        (
            'query ($input: String = "Default value")'
            " { fieldWithNullableStringInput(input: $input) }",
            {"input": "Variable value"},
            data(fieldWithNullableStringInput="'Variable value'"),
        ),
        (
            'query ($input: String = "Default value")'
            " { fieldWithNullableStringInput(input: $input) }",
            {"input": None},
            data(fieldWithNullableStringInput="None"),
        ),
        (
            "query ($input: String = null) { fieldWithNullableStringInput(input: $input) }",
            {},
            data(fieldWithNullableStringInput="None"),
        ),
        (
            'query ($value: String! = "default") { fieldWithNullableStringInput(input: $value) }',
            None,
            data(fieldWithNullableStringInput="'default'"),
        ),
        (
            'query ($value: String = "default") { fieldWithNonNullableStringInput(input: $value) }',
            None,
            data(fieldWithNonNullableStringInput="'default'"),
        ),
        (
            "{ fieldWithDefaultArgumentValue }",
            None,
            data(fieldWithDefaultArgumentValue="'Hello World'"),
        ),
        (
            "query ($optional: String) { fieldWithDefaultArgumentValue(input: $optional) }",
            None,
            data(fieldWithDefaultArgumentValue="'Hello World'"),
        ),
        (
            "query ($optional: String) { fieldWithDefaultArgumentValue(input: $optional) }",
            {"optional": None},
            data(fieldWithDefaultArgumentValue="None"),
        ),
        (
            "query ($optional: String) {"
            " fieldWithNonNullableStringInputAndDefaultArgValue(input: $optional) }",
            None,
            data(fieldWithNonNullableStringInputAndDefaultArgValue="'Hello World'"),
        ),
        (
            "query ($colors: [TestEnum] = [CUSTOM, FALSE])"
            " { fieldWithEnumListInput(input: $colors) }",
            None,
            data(fieldWithEnumListInput="['custom value', False]"),
        ),
        (
            "query ($n: [[Int]] = 7) { nestedList(input: $n) }",
            None,
            data(nestedList="[[7]]"),
        ),
        (
            "query ($f: Float = 1) { float(input: $f) }",
            None,
            data(float="1.0"),
        ),
    ],
    ids=[
        "input object default",
        "default not used when given",
        "explicit null over default",
        "null default",
        "non-null variable with default",
        "nullable variable with default in non-null position",
        "argument default",
        "argument default for omitted variable",
        "explicit null variable over argument default",
        "non-null argument default for omitted variable",
        "enum list default",
        "nested list default from a single value",
        "float default from an int",
    ],
)
def test_defaults(
    engine: Any, query: str, variables: dict[str, Any] | None, expected: dict[str, Any]
) -> None:
    assert run(engine, query, variables) == expected


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        (
            '{ fieldWithDefaults(input: {b: "x"}) }',
            None,
            "{'a': 5, 'b': 'x', 'c': [1], 'color': <Color.GREEN: 2>}",
        ),
        (
            "query ($input: WithDefaults) { fieldWithDefaults(input: $input) }",
            {"input": {"b": "x"}},
            "{'a': 5, 'b': 'x', 'c': [1], 'color': <Color.GREEN: 2>}",
        ),
        (
            "query ($input: WithDefaults) { fieldWithDefaults(input: $input) }",
            {"input": {"a": None, "c": None, "color": "RED"}},
            "{'a': None, 'c': None, 'color': <Color.RED: 1>}",
        ),
        (
            "{ fieldWithDefaultObject }",
            None,
            "{'a': 5, 'b': 'd', 'c': [1]}",
        ),
    ],
    ids=["literal", "variable", "explicit nulls", "argument default"],
)
def test_input_field_defaults(
    engine: Any, query: str, variables: dict[str, Any] | None, expected: str
) -> None:
    name = "fieldWithDefaultObject" if "Object" in query else "fieldWithDefaults"
    assert run(engine, query, variables) == {"data": {name: expected}}


# ---- nullable and non-null scalars ----------------------------------------------


@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        ("{ fieldWithNullableStringInput }", None, None),
        ("query ($value: String) { fieldWithNullableStringInput(input: $value) }", None, None),
        (
            "query ($value: String) { fieldWithNullableStringInput(input: $value) }",
            {"value": None},
            "None",
        ),
        (
            "query ($value: String) { fieldWithNullableStringInput(input: $value) }",
            {"value": "a"},
            "'a'",
        ),
        ('{ fieldWithNullableStringInput(input: "a") }', None, "'a'"),
        ("{ fieldWithNullableStringInput(input: null) }", None, "None"),
    ],
    ids=["omitted", "omitted variable", "null variable", "variable", "literal", "null literal"],
)
def test_nullable_scalar(
    engine: Any, query: str, variables: dict[str, Any] | None, expected: str | None
) -> None:
    assert run(engine, query, variables) == data(fieldWithNullableStringInput=expected)


NON_NULL_QUERY = "query ($value: String!) {\n  fieldWithNonNullableStringInput(input: $value)\n}"


def test_non_null_variable_given(engine: Any) -> None:
    assert run(engine, NON_NULL_QUERY, {"value": "a"}) == data(
        fieldWithNonNullableStringInput="'a'"
    )


def test_non_null_variable_omitted(engine: Any) -> None:
    assert run(engine, NON_NULL_QUERY) == request_error(
        "Variable '$value' of required type 'String!' was not provided.", 1, 8
    )
    assert run(engine, NON_NULL_QUERY, {"other": "a"}) == request_error(
        "Variable '$value' of required type 'String!' was not provided.", 1, 8
    )


def test_non_null_variable_null(engine: Any) -> None:
    assert run(engine, NON_NULL_QUERY, {"value": None}) == request_error(
        "Variable '$value' of non-null type 'String!' must not be null.", 1, 8
    )


# ---- lists --------------------------------------------------------------------------


def list_query(field: str, type_: str) -> str:
    return f"query ($input: {type_}) {{ {field}(input: $input) }}"


LIST_CASES = [
    ("list", "[String]", None, "None"),
    ("list", "[String]", ["A"], "['A']"),
    ("list", "[String]", ["A", None, "B"], "['A', None, 'B']"),
    ("list", "[String]", "A", "['A']"),
    ("list", "[String]", ("A", "B"), "['A', 'B']"),
    ("nnList", "[String]!", ["A"], "['A']"),
    ("nnList", "[String]!", ["A", None, "B"], "['A', None, 'B']"),
    ("listNN", "[String!]", None, "None"),
    ("listNN", "[String!]", ["A"], "['A']"),
    ("nnListNN", "[String!]!", ["A"], "['A']"),
    ("nnListNN", "[String!]!", "A", "['A']"),
    ("intList", "[Int]", 1, "[1]"),
    ("nestedList", "[[Int]]", 1, "[[1]]"),
    ("nestedList", "[[Int]]", [1, [2, 3], None], "[[1], [2, 3], None]"),
]


@pytest.mark.parametrize(("field", "type_", "value", "expected"), LIST_CASES)
def test_list_variable(engine: Any, field: str, type_: str, value: Any, expected: str) -> None:
    assert run(engine, list_query(field, type_), {"input": value}) == {"data": {field: expected}}


LIST_ERRORS = [
    (
        "nnList",
        "[String]!",
        None,
        "Variable '$input' of non-null type '[String]!' must not be null.",
    ),
    (
        "listNN",
        "[String!]",
        ["A", None, "B"],
        "Variable '$input' got invalid value None at 'input[1]';"
        " Expected non-nullable type 'String!' not to be None.",
    ),
    (
        "nnListNN",
        "[String!]!",
        None,
        "Variable '$input' of non-null type '[String!]!' must not be null.",
    ),
    (
        "nnListNN",
        "[String!]!",
        ["A", None, "B"],
        "Variable '$input' got invalid value None at 'input[1]';"
        " Expected non-nullable type 'String!' not to be None.",
    ),
    (
        "list",
        "[String]",
        [["A"]],
        "Variable '$input' got invalid value ['A'] at 'input[0]';"
        " String cannot represent a non string value: ['A']",
    ),
    (
        "list",
        "[String]",
        {"a": "b"},
        "Variable '$input' got invalid value {'a': 'b'};"
        " String cannot represent a non string value: {'a': 'b'}",
    ),
    (
        "intList",
        "[Int]",
        "1",
        "Variable '$input' got invalid value '1'; Int cannot represent non-integer value: '1'",
    ),
    (
        "nestedList",
        "[[Int]]",
        [[1, "x"]],
        "Variable '$input' got invalid value 'x' at 'input[0][1]';"
        " Int cannot represent non-integer value: 'x'",
    ),
]


@pytest.mark.parametrize(("field", "type_", "value", "message"), LIST_ERRORS)
def test_list_variable_errors(
    engine: Any, field: str, type_: str, value: Any, message: str
) -> None:
    assert run(engine, list_query(field, type_), {"input": value}) == request_error(message, 1, 8)


def test_list_literals(engine: Any) -> None:
    query = (
        '{ a: list(input: "A") b: nestedList(input: [1, [2], null]) c: intList(input: [1, null]) }'
    )
    assert run(engine, query) == data(a="['A']", b="[[1], [2], None]", c="[1, None]")


def test_variables_inside_list_and_object_literals(engine: Any) -> None:
    query = (
        "query ($a: String, $b: String!, $n: Int) {"
        ' x: fieldWithObjectInput(input: {a: $a, b: [$a, "lit", $b], c: $b})'
        " y: intList(input: [$n, 2])"
        " }"
    )
    assert run(engine, query, {"a": "va", "b": "vb", "n": None}) == data(
        x="{'a': 'va', 'b': ['va', 'lit', 'vb'], 'c': 'vb'}", y="[None, 2]"
    )


def test_an_omitted_variable_inside_an_object_literal_leaves_the_field_out(engine: Any) -> None:
    query = 'query ($a: String) { fieldWithObjectInput(input: {a: $a, c: "c"}) }'
    assert run(engine, query) == data(fieldWithObjectInput="{'c': 'c'}")
    assert run(engine, query, {"a": None}) == data(fieldWithObjectInput="{'a': None, 'c': 'c'}")


# ---- enums --------------------------------------------------------------------------


def test_enum_literals_give_their_bound_values(engine: Any) -> None:
    query = """{
      null: fieldWithEnumInput(input: NULL)
      nan: fieldWithEnumInput(input: NAN)
      false: fieldWithEnumInput(input: FALSE)
      custom: fieldWithEnumInput(input: CUSTOM)
      unbound: fieldWithEnumInput(input: DEFAULT_VALUE)
      nonNull: fieldWithNonNullableEnumInput(input: NULL)
      color: fieldWithColorInput(input: BLUE)
    }"""
    assert run(engine, query) == data(
        null="None",
        nan="nan",
        false="False",
        custom="'custom value'",
        unbound="'DEFAULT_VALUE'",
        nonNull="None",
        color="<Color.BLUE: 3>",
    )


def test_enum_variables_give_their_bound_values(engine: Any) -> None:
    query = (
        "query ($e: TestEnum, $c: Color, $l: [TestEnum]) {"
        " e: fieldWithEnumInput(input: $e) c: fieldWithColorInput(input: $c)"
        " l: fieldWithEnumListInput(input: $l) }"
    )
    assert run(engine, query, {"e": "CUSTOM", "c": "RED", "l": ["FALSE", None, "NAN"]}) == data(
        e="'custom value'", c="<Color.RED: 1>", l="[False, None, nan]"
    )


@pytest.mark.parametrize(
    ("type_", "value", "message"),
    [
        (
            "TestEnum",
            "custom",
            "Variable '$e' got invalid value 'custom';"
            " Value 'custom' does not exist in 'TestEnum' enum."
            " Did you mean the enum value 'CUSTOM'?",
        ),
        (
            "TestEnum",
            1,
            "Variable '$e' got invalid value 1;"
            " Enum 'TestEnum' cannot represent non-string value: 1.",
        ),
        (
            "Color",
            Color.RED,
            "Variable '$e' got invalid value <Color instance>;"
            " Enum 'Color' cannot represent non-string value: <Color instance>.",
        ),
        (
            "Color",
            "PURPLE",
            "Variable '$e' got invalid value 'PURPLE';"
            " Value 'PURPLE' does not exist in 'Color' enum.",
        ),
    ],
    ids=["unknown name", "not a string", "a Python member", "no suggestion"],
)
def test_enum_variable_errors(engine: Any, type_: str, value: Any, message: str) -> None:
    field = "fieldWithEnumInput" if type_ == "TestEnum" else "fieldWithColorInput"
    query = f"query ($e: {type_}) {{ {field}(input: $e) }}"
    assert run(engine, query, {"e": value}) == request_error(message, 1, 8)


# ---- the built-in scalars -------------------------------------------------------------

SCALAR_VALUES = [
    ("Int", "int", 1, "1"),
    ("Int", "int", -(2**31), "-2147483648"),
    ("Int", "int", 3.0, "3"),
    ("Float", "float", 1, "1.0"),
    ("Float", "float", 1.5, "1.5"),
    ("Float", "float", 2**53, "9007199254740992.0"),
    ("Boolean", "boolean", False, "False"),
    ("ID", "id", 123, "'123'"),
    ("ID", "id", 4.0, "'4'"),
    ("ID", "id", "abc", "'abc'"),
    ("String", "string", "", "''"),
    ("String", "string", "héllo ✓", "'héllo ✓'"),
]


@pytest.mark.parametrize(("type_", "field", "value", "expected"), SCALAR_VALUES)
def test_builtin_scalar_variables(
    engine: Any, type_: str, field: str, value: Any, expected: str
) -> None:
    query = f"query ($v: {type_}) {{ {field}(input: $v) }}"
    assert run(engine, query, {"v": value}) == {"data": {field: expected}}


SCALAR_ERRORS = [
    ("Int", "int", 2**31, "Int cannot represent non 32-bit signed integer value: 2147483648"),
    ("Int", "int", 1.5, "Int cannot represent non-integer value: 1.5"),
    ("Int", "int", True, "Int cannot represent non-integer value: True"),
    ("Int", "int", "1", "Int cannot represent non-integer value: '1'"),
    ("Int", "int", math.inf, "Int cannot represent non-integer value: inf"),
    ("Float", "float", "1.5", "Float cannot represent non numeric value: '1.5'"),
    ("Float", "float", True, "Float cannot represent non numeric value: True"),
    ("Float", "float", math.nan, "Float cannot represent non numeric value: nan"),
    ("Float", "float", -math.inf, "Float cannot represent non numeric value: -inf"),
    ("Boolean", "boolean", 1, "Boolean cannot represent a non boolean value: 1"),
    ("Boolean", "boolean", "true", "Boolean cannot represent a non boolean value: 'true'"),
    ("ID", "id", True, "ID cannot represent value: True"),
    ("ID", "id", 1.5, "ID cannot represent value: 1.5"),
    ("ID", "id", ["1"], "ID cannot represent value: ['1']"),
    ("String", "string", 1, "String cannot represent a non string value: 1"),
    ("String", "string", b"bytes", "String cannot represent a non string value: b'bytes'"),
]


@pytest.mark.parametrize(("type_", "field", "value", "message"), SCALAR_ERRORS)
def test_builtin_scalar_variable_errors(
    engine: Any, type_: str, field: str, value: Any, message: str
) -> None:
    query = f"query ($v: {type_}) {{ {field}(input: $v) }}"
    assert run(engine, query, {"v": value}) == request_error(
        f"Variable '$v' got invalid value {exec_inspect(value)}; {message}", 1, 8
    )


def exec_inspect(value: Any) -> str:
    """graphql-core's inspect() of the simple values above."""
    return repr(value)


def test_builtin_scalar_literals(engine: Any) -> None:
    query = '{ f: float(input: 1) i: id(input: 123) s: id(input: "x") b: boolean(input: true) }'
    assert run(engine, query) == data(f="1.0", i="'123'", s="'x'", b="True")


# ---- custom scalars ----------------------------------------------------------------------


def test_an_unbound_custom_scalar_takes_any_value_as_it_is(engine: Any) -> None:
    query = "query ($v: Untyped) { fieldWithUntyped(input: $v) }"
    for value, expected in [
        ((1, 2), "(1, 2)"),
        ({"x": [1.5]}, "{'x': [1.5]}"),
        ("text", "'text'"),
        (None, "None"),
    ]:
        assert run(engine, query, {"v": value}) == data(fieldWithUntyped=expected)


def test_an_unbound_custom_scalar_literal_is_its_untyped_value(engine: Any) -> None:
    query = (
        "query ($v: Int) {"
        ' a: fieldWithUntyped(input: {x: [1, 2.5, "s", true, null, ENUM_LIKE], y: {z: $v}})'
        " b: fieldWithUntyped(input: 12345678901234567890)"
        " }"
    )
    assert run(engine, query, {"v": 7}) == data(
        a="{'x': [1, 2.5, 's', True, None, 'ENUM_LIKE'], 'y': {'z': 7}}",
        b="12345678901234567890",
    )


def test_parse_value_only_scalar_gets_literals_as_untyped_values(engine: Any) -> None:
    query = 'query ($v: String) { fieldWithJson(input: {a: [1, "x"], b: $v}) }'
    assert run(engine, query, {"v": "var"}) == data(
        fieldWithJson="('json', {'a': [1, 'x'], 'b': 'var'})"
    )
    query = "query ($v: Json) { fieldWithJson(input: $v) }"
    assert run(engine, query, {"v": [1]}) == data(fieldWithJson="('json', [1])")


def test_an_omitted_variable_in_an_untyped_literal_is_undefined(engine: Any) -> None:
    """value_from_ast_untyped gives Undefined for a variable without a value,
    whether other variables were given or not."""
    query = (
        "query ($v: String, $w: String) {"
        ' fieldWithJson(input: {a: $v, b: [$v, "x"]}) string(input: $w) }'
    )
    for variables in (None, {"w": "given"}):
        assert run(engine, query, variables)["data"]["fieldWithJson"] == (
            "('json', {'a': Undefined, 'b': [Undefined, 'x']})"
        )


def test_custom_scalar_with_parse_literal(engine: Any) -> None:
    query = (
        'query ($v: ComplexScalar) { a: fieldWithComplex(input: "SerializedValue")'
        " b: fieldWithComplex(input: $v) }"
    )
    assert run(engine, query, {"v": "SerializedValue"}) == data(
        a="'DeserializedValue'", b="'DeserializedValue'"
    )


# ---- @oneOf -------------------------------------------------------------------------------

ONE_OF_QUERY = "query ($input: Pick) { fieldWithPick(input: $input) }"


def test_one_of_variable(engine: Any) -> None:
    assert run(engine, ONE_OF_QUERY, {"input": {"id": 1}}) == data(fieldWithPick="{'id': '1'}")
    assert run(engine, '{ fieldWithPick(input: {name: "n"}) }') == data(
        fieldWithPick="{'name': 'n'}"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {},
            "Variable '$input' got invalid value {}; Exactly one key must be specified"
            " for OneOf type 'Pick'.",
        ),
        (
            {"id": "1", "name": "n"},
            "Variable '$input' got invalid value {'id': '1', 'name': 'n'};"
            " Exactly one key must be specified for OneOf type 'Pick'.",
        ),
        (
            {"id": None},
            "Variable '$input' got invalid value None at 'input.id'; Field 'id' must be non-null.",
        ),
    ],
    ids=["no key", "two keys", "null"],
)
def test_one_of_variable_errors(engine: Any, value: Any, message: str) -> None:
    assert run(engine, ONE_OF_QUERY, {"input": value}) == request_error(message, 1, 8)


# ---- what execution does with the variables it is given -----------------------------


def test_variables_of_other_operations_are_not_coerced(engine: Any) -> None:
    query = "query A($v: String!) { a: string(input: $v) }\nquery B($w: Int) { b: int(input: $w) }"
    schema = make_schema(engine)
    result = schema.execute(query, variables={"w": 3}, operation_name="B")
    assert result.to_dict() == data(b="3")


def test_undeclared_variables_are_ignored(engine: Any) -> None:
    query = "query ($v: Int) { int(input: $v) }"
    assert run(engine, query, {"v": 1, "unknown": object()}) == data(int="1")


def test_variables_must_be_a_dict(engine: Any) -> None:
    schema = make_schema(engine)
    with pytest.raises(TypeError) as info:
        schema.execute("query ($v: Int) { int(input: $v) }", variables='{"v": 1}')  # type: ignore[arg-type]
    assert str(info.value) == (
        "Variable values must be provided as a dictionary with variable names as keys."
        " Perhaps look to see if an unparsed JSON string was provided."
    )


def test_at_most_50_variable_errors(engine: Any) -> None:
    query = "query ($input: [String!]) { listNN(input: $input) }"
    result = run(engine, query, {"input": list(range(60))})
    errors = result["errors"]
    assert "data" not in result
    assert len(errors) == 51
    assert errors[:2] == [
        {
            "message": f"Variable '$input' got invalid value {index} at 'input[{index}]';"
            f" String cannot represent a non string value: {index}",
            "locations": [{"line": 1, "column": 8}],
        }
        for index in range(2)
    ]
    assert errors[49]["message"].startswith("Variable '$input' got invalid value 49 at 'input[49]'")
    assert errors[50] == {
        "message": "Too many errors processing variables, error limit reached. Execution aborted."
    }


def test_info_variable_values_are_the_coerced_variables(engine: Any) -> None:
    seen: list[dict[str, Any]] = []

    def record(_parent: Any, info: Any, **_args: Any) -> str:
        seen.append(dict(info.variable_values))
        return "ok"

    schema = engine.schema(
        "type Query { f(a: Int, b: [Float], c: Color): String } enum Color { RED }",
        {"Query": {"f": record}},
        enums={"Color": {"RED": "red"}},
    )
    query = "query ($a: Int = 1, $b: [Float], $c: Color) { f(a: $a, b: $b, c: $c) }"
    result = schema.execute(query, variables={"b": 2, "c": "RED"})
    assert result.to_dict() == {"data": {"f": "ok"}}
    assert seen == [{"a": 1, "b": [2.0], "c": "red"}]
