"""Resolvers and results: the default resolver on mappings, objects and
callables; bound resolvers and their arguments; every attribute of info;
exceptions (and returned exceptions) as errors with message, path,
locations, original_error and extensions; BaseExceptions propagating;
serialization of the built-in scalars, enums and custom scalars with their
error messages (NaN and infinities included); response order; request
errors; to_dict() and to_json(). Expected results are graphql-core
3.2.14's (exec_reference)."""

from __future__ import annotations

import asyncio
import collections
import decimal
import enum
import gc
import json
import math
import sys
import types
from collections.abc import Iterator, Mapping
from typing import Any

import exec_reference
import pytest
from exec_reference import info_schema, lacking_operation_type_result, type_string

engine = exec_reference.engine


def loc(line: int, column: int) -> list[dict[str, int]]:
    return [{"line": line, "column": column}]


# ---- the default resolver ------------------------------------------------------------

SDL = """
type Query {
  greeting(name: String, punctuation: String = "!"): String
  answer: Int
  missing: String
  nested: Nested
  list: [Nested]
}
type Nested { value: String deeper: Nested }
"""


def test_default_resolver_reads_dict_keys(engine: Any) -> None:
    schema = engine.schema(SDL)
    root = {"answer": 42, "nested": {"value": "v", "deeper": {"value": "w"}}}
    result = schema.execute(
        "{ answer missing nested { value deeper { value deeper { value } } } }", root_value=root
    )
    assert result.to_dict() == {
        "data": {
            "answer": 42,
            "missing": None,
            "nested": {"value": "v", "deeper": {"value": "w", "deeper": None}},
        }
    }


class CustomMapping(Mapping[str, Any]):
    """A mapping that is no dict: read with .get()."""

    def __init__(self, **items: Any) -> None:
        self.items_ = items
        self.gets: list[str] = []

    def __getitem__(self, key: str) -> Any:
        return self.items_[key]

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.gets.append(key)
        return self.items_.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self.items_)

    def __len__(self) -> int:
        return len(self.items_)


def test_default_resolver_reads_any_mapping_with_get(engine: Any) -> None:
    schema = engine.schema(SDL)
    root = CustomMapping(answer=7, nested=types.MappingProxyType({"value": "proxy"}))
    result = schema.execute("{ answer missing nested { value } }", root_value=root)
    assert result.to_dict() == {
        "data": {"answer": 7, "missing": None, "nested": {"value": "proxy"}}
    }
    assert root.gets == ["answer", "missing", "nested"]


def test_a_dict_is_read_with_get_not_indexing(engine: Any) -> None:
    # A defaultdict's default (its __missing__) is not used: .get() is.
    schema = engine.schema(SDL)
    root = collections.defaultdict(lambda: "from __missing__", answer=1)
    result = schema.execute("{ answer missing }", root_value=root)
    assert result.to_dict() == {"data": {"answer": 1, "missing": None}}
    assert "missing" not in root


def test_a_mapping_is_not_read_for_attributes(engine: Any) -> None:
    class MappingWithAttribute(dict[str, Any]):
        answer = 99

    schema = engine.schema(SDL)
    result = schema.execute("{ answer }", root_value=MappingWithAttribute())
    assert result.to_dict() == {"data": {"answer": None}}


def test_default_resolver_reads_attributes(engine: Any) -> None:
    class Nested:
        value = "class attribute"

        @property
        def deeper(self) -> Any:
            return types.SimpleNamespace(value="from a property")

    class Root:
        answer = 1
        nested = Nested()

    schema = engine.schema(SDL)
    result = schema.execute(
        "{ answer missing nested { value deeper { value } } }", root_value=Root()
    )
    assert result.to_dict() == {
        "data": {
            "answer": 1,
            "missing": None,
            "nested": {"value": "class attribute", "deeper": {"value": "from a property"}},
        }
    }


def test_default_resolver_calls_callables_with_info_and_arguments(engine: Any) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    class Root:
        def greeting(self, info: Any, **args: Any) -> str:
            calls.append((info.field_name, args))
            return f"Hello, {args.get('name')}{args['punctuation']}"

        @staticmethod
        def answer(info: Any) -> int:
            return len(info.field_name)

    schema = engine.schema(SDL)
    result = schema.execute('{ greeting(name: "Ada") answer }', root_value=Root())
    assert result.to_dict() == {"data": {"greeting": "Hello, Ada!", "answer": 6}}
    assert calls == [("greeting", {"name": "Ada", "punctuation": "!"})]


def test_default_resolver_calls_callables_in_dicts(engine: Any) -> None:
    schema = engine.schema(SDL)
    root = {"greeting": lambda info, name, punctuation: f"{info.field_name} {name}{punctuation}"}
    result = schema.execute('{ greeting(name: "you", punctuation: "?") }', root_value=root)
    assert result.to_dict() == {"data": {"greeting": "greeting you?"}}


def test_a_class_is_callable_too(engine: Any) -> None:
    class Nested:
        def __init__(self, info: Any) -> None:
            self.value = info.field_name

    schema = engine.schema(SDL)
    result = schema.execute("{ nested { value } }", root_value={"nested": Nested})
    assert result.to_dict() == {"data": {"nested": {"value": "nested"}}}


def test_a_callable_that_raises(engine: Any) -> None:
    def answer(_info: Any) -> int:
        raise ArithmeticError("no answer")

    schema = engine.schema(SDL)
    result = schema.execute("{ answer }", root_value={"answer": answer})
    assert result.to_dict() == {
        "data": {"answer": None},
        "errors": [{"message": "no answer", "locations": loc(1, 3), "path": ["answer"]}],
    }


def test_no_root_value(engine: Any) -> None:
    schema = engine.schema(SDL)
    assert schema.execute("{ answer nested { value } }").to_dict() == {
        "data": {"answer": None, "nested": None}
    }


# ---- bound resolvers -----------------------------------------------------------------------


def test_resolvers_get_the_parent_info_and_coerced_arguments(engine: Any) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []

    def greeting(parent: Any, _info: Any, **args: Any) -> str:
        calls.append((parent, args))
        return "hi"

    schema = engine.schema(SDL, {"Query": {"greeting": greeting}})
    root = object()
    query = (
        'query ($n: String) { a: greeting b: greeting(name: "x")'
        " c: greeting(name: $n, punctuation: null) }"
    )
    result = schema.execute(query, root_value=root)
    assert result.to_dict() == {"data": {"a": "hi", "b": "hi", "c": "hi"}}
    # Arguments not given and without a default are left out; a variable
    # not given is no argument.
    assert calls == [
        (root, {"punctuation": "!"}),
        (root, {"name": "x", "punctuation": "!"}),
        (root, {"punctuation": None}),
    ]


def test_argument_names_are_passed_as_written(engine: Any) -> None:
    schema = engine.schema(
        "type Query { f(camelCase: Int, snake_case: Int, _under: Int): String }",
        {"Query": {"f": lambda _p, _i, **args: json.dumps(args, sort_keys=True)}},
    )
    result = schema.execute("{ f(camelCase: 1, snake_case: 2, _under: 3) }")
    assert result.to_dict() == {"data": {"f": '{"_under": 3, "camelCase": 1, "snake_case": 2}'}}


def test_a_resolver_bound_to_none_keeps_the_default(engine: Any) -> None:
    schema = engine.schema(SDL, {"Query": {"answer": None}})
    assert schema.execute("{ answer }", root_value={"answer": 5}).to_dict() == {
        "data": {"answer": 5}
    }


def test_resolvers_of_nested_types(engine: Any) -> None:
    def deeper(parent: dict[str, Any], _info: Any) -> dict[str, Any]:
        return {"value": parent["value"] * 2}

    schema = engine.schema(SDL, {"Nested": {"deeper": deeper}})
    root = {"list": [{"value": "a"}, {"value": "b"}, None]}
    result = schema.execute("{ list { value deeper { value deeper { value } } } }", root_value=root)
    assert result.to_dict() == {
        "data": {
            "list": [
                {"value": "a", "deeper": {"value": "aa", "deeper": {"value": "aaaa"}}},
                {"value": "b", "deeper": {"value": "bb", "deeper": {"value": "bbbb"}}},
                None,
            ]
        }
    }


def test_aliases_and_merged_fields(engine: Any) -> None:
    calls: list[dict[str, Any]] = []

    def greeting(_parent: Any, _info: Any, **args: Any) -> str:
        calls.append(args)
        return args.get("name") or "nobody"

    schema = engine.schema(SDL, {"Query": {"greeting": greeting}})
    query = '{ x: greeting(name: "x") y: greeting greeting x: greeting(name: "x") }'
    result = schema.execute(query)
    assert result.to_dict() == {"data": {"x": "x", "y": "nobody", "greeting": "nobody"}}
    assert len(calls) == 3


def test_response_keys_in_document_order(engine: Any) -> None:
    schema = engine.schema(SDL)
    root = {"answer": 1, "missing": "m", "nested": {"value": "v"}}
    query = "{ nested { value } missing ... on Query { answer zz: answer } __typename }"
    result = schema.execute(query, root_value=root)
    assert list(result.data) == ["nested", "missing", "answer", "zz", "__typename"]
    assert result.to_json() == (
        b'{"data":{"nested":{"value":"v"},"missing":"m","answer":1,"zz":1,"__typename":"Query"}}'
    )


# ---- info ------------------------------------------------------------------------------------

INFO_SDL = """
type Query { user(id: ID!, verbose: Boolean = false): User }
type User { id: ID friends(first: Int): [User!]! }
"""


def test_info_attributes(engine: Any) -> None:
    seen: list[dict[str, Any]] = []

    def friends(parent: dict[str, Any], info: Any, **_args: Any) -> list[dict[str, Any]]:
        seen.append(
            {
                "field_name": info.field_name,
                "field_nodes": [
                    (node.kind, node.name.value, node.alias.value if node.alias else None)
                    for node in info.field_nodes
                ],
                "return_type": type_string(info.return_type),
                "parent_type": type_string(info.parent_type),
                "path": info.path.as_list(),
                "path_key": info.path.key,
                "path_typename": info.path.typename,
                "path_prev": info.path.prev.as_list(),
                "schema": info.schema is info_schema(engine, schema),
                "fragments": sorted(info.fragments),
                "fragment_name": info.fragments["F"].name.value,
                "root_value": info.root_value,
                "operation": (info.operation.name.value, info.operation.operation.value),
                "variable_values": dict(info.variable_values),
                "context": info.context,
            }
        )
        return [{"id": parent["id"] + "!"}]

    schema = engine.schema(INFO_SDL, {"User": {"friends": friends}})
    query = """
      query Friends($id: ID!, $first: Int = 3, $verbose: Boolean) {
        user(id: $id, verbose: $verbose) { ...F pals: friends(first: $first) { id } }
      }
      fragment F on User { pals: friends(first: $first) { id } }
    """
    context = {"user": "me"}
    root = {"user": {"id": "u1"}}
    result = schema.execute(query, variables={"id": 1}, root_value=root, context_value=context)
    assert result.to_dict() == {"data": {"user": {"pals": [{"id": "u1!"}]}}}
    assert seen == [
        {
            "field_name": "friends",
            "field_nodes": [("field", "friends", "pals"), ("field", "friends", "pals")],
            "return_type": "[User!]!",
            "parent_type": "User",
            "path": ["user", "pals"],
            "path_key": "pals",
            "path_typename": "User",
            "path_prev": ["user"],
            "schema": True,
            "fragments": ["F"],
            "fragment_name": "F",
            "root_value": root,
            "operation": ("Friends", "query"),
            "variable_values": {"id": "1", "first": 3},
            "context": context,
        }
    ]
    assert seen[0]["context"] is context
    assert seen[0]["root_value"] is root


def test_info_path_of_list_items(engine: Any) -> None:
    paths: list[tuple[list[str | int], Any]] = []

    def record(parent: dict[str, Any], info: Any) -> Any:
        paths.append((info.path.as_list(), info.path.prev.key))
        return parent["id"]

    schema = engine.schema(INFO_SDL, {"User": {"id": record}})
    root = {"user": {"id": "a", "friends": [{"id": "b"}, {"id": "c"}]}}
    result = schema.execute("{ user(id: 1) { friends { id } } }", root_value=root)
    assert result.to_dict() == {"data": {"user": {"friends": [{"id": "b"}, {"id": "c"}]}}}
    assert paths == [(["user", "friends", 0, "id"], 0), (["user", "friends", 1, "id"], 1)]


def test_info_of_an_anonymous_mutation(engine: Any) -> None:
    seen: list[Any] = []

    def resolve(_parent: Any, info: Any) -> int:
        seen.append(
            (info.operation.name, info.operation.operation.value, type_string(info.parent_type))
        )
        return 1

    schema = engine.schema(
        "type Query { q: Int } type Mutation { m: Int }", {"Mutation": {"m": resolve}}
    )
    assert schema.execute("mutation { m }").to_dict() == {"data": {"m": 1}}
    assert seen == [(None, "mutation", "Mutation")]


# ---- errors -------------------------------------------------------------------------------

ERRORS_SDL = """
type Query {
  fails: String
  failsStrictly: String!
  returnsError: String
  withMessageAttribute: String
  withExtensions: String
  withOwnPath: String
  fine: String
  items: [String]
}
"""


class MessageError(Exception):
    """An exception with a ``message`` attribute: graphql-core shows that."""

    def __init__(self) -> None:
        super().__init__("the str() of it")
        self.message = "the message attribute"


def errors_schema(engine: Any, failure: BaseException | None = None) -> Any:
    def fails(_parent: Any, _info: Any) -> str:
        raise failure or ValueError("it failed")

    return engine.schema(
        ERRORS_SDL,
        {
            "Query": {
                "fails": fails,
                "failsStrictly": fails,
                "returnsError": lambda _p, _i: KeyError("returned, not raised"),
                "withMessageAttribute": lambda _p, _i: (_ for _ in ()).throw(MessageError()),
                "withExtensions": lambda _p, _i: (_ for _ in ()).throw(
                    engine.GraphQLError("coded", extensions={"code": "E42", "retry": False})
                ),
                "withOwnPath": lambda _p, _i: (_ for _ in ()).throw(
                    engine.GraphQLError("elsewhere", path=["some", 1, "where"])
                ),
                "fine": lambda _p, _i: "fine",
                "items": lambda _p, _i: ["a", IndexError("bad item"), "c"],
            }
        },
    )


def test_an_exception_becomes_a_located_error(engine: Any) -> None:
    failure = ValueError("it failed")
    schema = errors_schema(engine, failure)
    result = schema.execute("{\n  fine\n  fails\n}")
    assert result.to_dict() == {
        "data": {"fine": "fine", "fails": None},
        "errors": [{"message": "it failed", "locations": loc(3, 3), "path": ["fails"]}],
    }
    (error,) = result.errors
    assert isinstance(error, engine.GraphQLError)
    assert error.message == "it failed"
    assert error.path == ["fails"]
    assert error.locations == [engine.SourceLocation(3, 3)]
    assert error.locations[0].line == 3 and error.locations[0].column == 3
    assert error.original_error is failure
    assert error.extensions == {}


def test_a_returned_exception_is_an_error_too(engine: Any) -> None:
    result = errors_schema(engine).execute("{ returnsError items }")
    assert result.to_dict() == {
        "data": {"returnsError": None, "items": ["a", None, "c"]},
        "errors": [
            {"message": "'returned, not raised'", "locations": loc(1, 3), "path": ["returnsError"]},
            {"message": "bad item", "locations": loc(1, 16), "path": ["items", 1]},
        ],
    }
    assert isinstance(result.errors[0].original_error, KeyError)


def test_the_message_attribute_of_an_exception(engine: Any) -> None:
    result = errors_schema(engine).execute("{ withMessageAttribute }")
    assert result.to_dict() == {
        "data": {"withMessageAttribute": None},
        "errors": [
            {
                "message": "the message attribute",
                "locations": loc(1, 3),
                "path": ["withMessageAttribute"],
            }
        ],
    }


def test_a_raised_graphql_error_keeps_its_extensions(engine: Any) -> None:
    result = errors_schema(engine).execute("{ withExtensions }")
    assert result.to_dict() == {
        "data": {"withExtensions": None},
        "errors": [
            {
                "message": "coded",
                "locations": loc(1, 3),
                "path": ["withExtensions"],
                "extensions": {"code": "E42", "retry": False},
            }
        ],
    }
    assert result.to_json() == (
        b'{"data":{"withExtensions":null},"errors":[{"message":"coded","locations":'
        b'[{"line":1,"column":3}],"path":["withExtensions"],"extensions":{"code":"E42","retry":false}}]}'
    )
    (error,) = result.errors
    assert isinstance(error.original_error, engine.GraphQLError)
    assert error.original_error.message == "coded"


def test_a_raised_graphql_error_with_a_path_is_kept_as_it_is(engine: Any) -> None:
    result = errors_schema(engine).execute("{ withOwnPath }")
    assert result.to_dict() == {
        "data": {"withOwnPath": None},
        "errors": [{"message": "elsewhere", "path": ["some", 1, "where"]}],
    }


def test_a_non_null_field_error(engine: Any) -> None:
    result = errors_schema(engine).execute("{ fine failsStrictly }")
    assert result.to_dict() == {
        "data": None,
        "errors": [{"message": "it failed", "locations": loc(1, 8), "path": ["failsStrictly"]}],
    }


def test_errors_are_sorted_by_location_then_path(engine: Any) -> None:
    schema = errors_schema(engine)
    query = "{ b: fails ...F a: fails } fragment F on Query { items c: fails }"
    result = schema.execute(query)
    assert [(error.message, error.path) for error in result.errors] == [
        ("it failed", ["b"]),
        ("it failed", ["a"]),
        ("bad item", ["items", 1]),
        ("it failed", ["c"]),
    ]


@pytest.mark.parametrize("exception", [KeyboardInterrupt, SystemExit, GeneratorExit])
def test_base_exceptions_propagate(engine: Any, exception: type[BaseException]) -> None:
    schema = errors_schema(engine, exception())
    with pytest.raises(exception):
        schema.execute("{ fine fails }")


def test_keyboard_interrupt_propagates_from_async_execution(engine: Any) -> None:
    async def interrupted(_parent: Any, _info: Any) -> str:
        await asyncio.sleep(0)
        raise KeyboardInterrupt

    schema = engine.schema(ERRORS_SDL, {"Query": {"fails": interrupted}})
    with pytest.raises(KeyboardInterrupt):
        asyncio.run(schema.execute_async("{ fails }"))


def test_keyboard_interrupt_propagates_from_serialize(engine: Any) -> None:
    class Interrupting:
        @staticmethod
        def serialize(_value: Any) -> Any:
            raise KeyboardInterrupt

    schema = engine.schema("scalar S type Query { s: S }", scalars={"S": Interrupting})
    with pytest.raises(KeyboardInterrupt):
        schema.execute("{ s }", root_value={"s": 1})


# ---- serialization ----------------------------------------------------------------------


class Stringy:
    """Not a builtin: String and ID serialize it with str()."""

    def __str__(self) -> str:
        return "stringy"


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class IntLike:
    def __int__(self) -> int:
        return 7


SERIALIZED = [
    ("Int", 1, 1),
    ("Int", -(2**31), -(2**31)),
    ("Int", 2**31 - 1, 2**31 - 1),
    ("Int", 3.0, 3),
    ("Int", True, 1),
    ("Int", "12", 12),
    ("Int", decimal.Decimal("5"), 5),
    ("Int", IntLike(), 7),
    ("Float", 1.5, 1.5),
    ("Float", 2, 2.0),
    ("Float", False, 0),
    ("Float", "2.5", 2.5),
    ("Float", 1e300, 1e300),
    ("Float", -0.0, -0.0),
    ("String", "text", "text"),
    ("String", True, "true"),
    ("String", 12, "12"),
    ("String", 1.5, "1.5"),
    ("String", Stringy(), "stringy"),
    ("String", Color.RED, "Color.RED"),
    ("String", decimal.Decimal("1.10"), "1.10"),
    ("Boolean", True, True),
    ("Boolean", 0, False),
    ("Boolean", 2.5, True),
    ("ID", "abc", "abc"),
    ("ID", 123, "123"),
    ("ID", 4.0, "4"),
    ("ID", Stringy(), "stringy"),
]


@pytest.mark.parametrize(("type_", "value", "expected"), SERIALIZED)
def test_builtin_scalar_serialization(engine: Any, type_: str, value: Any, expected: Any) -> None:
    schema = engine.schema(f"type Query {{ field: {type_} }}")
    result = schema.execute("{ field }", root_value={"field": value})
    assert result.to_dict() == {"data": {"field": expected}}
    assert type(result.data["field"]) is type(expected)
    assert (
        result.to_json()
        == json.dumps({"data": {"field": expected}}, separators=(",", ":")).encode()
    )


NOT_SERIALIZED = [
    ("Int", 2**31, "Int cannot represent non 32-bit signed integer value: 2147483648"),
    ("Int", -(2**31) - 1, "Int cannot represent non 32-bit signed integer value: -2147483649"),
    ("Int", 1.5, "Int cannot represent non-integer value: 1.5"),
    ("Int", "1.5", "Int cannot represent non-integer value: '1.5'"),
    ("Int", "", "Int cannot represent non-integer value: ''"),
    ("Int", math.nan, "Int cannot represent non-integer value: nan"),
    ("Int", math.inf, "Int cannot represent non-integer value: inf"),
    ("Int", [1], "Int cannot represent non-integer value: [1]"),
    ("Int", decimal.Decimal("2.5"), "Int cannot represent non-integer value: <Decimal instance>"),
    ("Float", math.nan, "Float cannot represent non numeric value: nan"),
    ("Float", math.inf, "Float cannot represent non numeric value: inf"),
    ("Float", -math.inf, "Float cannot represent non numeric value: -inf"),
    ("Float", "nan", "Float cannot represent non numeric value: 'nan'"),
    ("Float", "one", "Float cannot represent non numeric value: 'one'"),
    ("Float", "", "Float cannot represent non numeric value: ''"),
    ("Float", {"x": 1}, "Float cannot represent non numeric value: {'x': 1}"),
    ("String", math.nan, "String cannot represent value: nan"),
    ("String", [1], "String cannot represent value: [1]"),
    ("String", {"a": 1}, "String cannot represent value: {'a': 1}"),
    ("String", b"bytes", "String cannot represent value: b'bytes'"),
    ("String", object(), "String cannot represent value: <object instance>"),
    ("Boolean", "true", "Boolean cannot represent a non boolean value: 'true'"),
    ("Boolean", math.inf, "Boolean cannot represent a non boolean value: inf"),
    ("Boolean", object(), "Boolean cannot represent a non boolean value: <object instance>"),
    ("ID", True, "ID cannot represent value: True"),
    ("ID", 1.5, "ID cannot represent value: 1.5"),
    ("ID", [1], "ID cannot represent value: [1]"),
]


@pytest.mark.parametrize(("type_", "value", "message"), NOT_SERIALIZED)
def test_builtin_scalar_serialization_errors(
    engine: Any, type_: str, value: Any, message: str
) -> None:
    schema = engine.schema(f"type Query {{ field: {type_} }}")
    result = schema.execute("{ field }", root_value={"field": value})
    assert result.to_dict() == {
        "data": {"field": None},
        "errors": [{"message": message, "locations": loc(1, 3), "path": ["field"]}],
    }
    (error,) = result.errors
    assert isinstance(error.original_error, engine.GraphQLError)


def test_a_float_too_large_for_a_double(engine: Any) -> None:
    # float() raises OverflowError, which graphql-core's Float.serialize does
    # not catch: the error is Python's own, not a GraphQLError.
    schema = engine.schema("type Query { field: Float }")
    result = schema.execute("{ field }", root_value={"field": 2**1024})
    assert result.to_dict() == {
        "data": {"field": None},
        "errors": [
            {
                "message": "int too large to convert to float",
                "locations": loc(1, 3),
                "path": ["field"],
            }
        ],
    }
    assert isinstance(result.errors[0].original_error, OverflowError)


def test_serialization_error_in_a_non_null_field(engine: Any) -> None:
    schema = engine.schema("type Query { a: Float! b: Float }")
    result = schema.execute("{ b a }", root_value={"a": math.nan, "b": math.inf})
    assert result.to_dict() == {
        "data": None,
        "errors": [
            {
                "message": "Float cannot represent non numeric value: inf",
                "locations": loc(1, 3),
                "path": ["b"],
            },
            {
                "message": "Float cannot represent non numeric value: nan",
                "locations": loc(1, 5),
                "path": ["a"],
            },
        ],
    }


ENUM_SDL = "enum Color { RED GREEN BLUE } type Query { color: Color colors: [Color] }"


def test_an_unbound_enum_serializes_names(engine: Any) -> None:
    schema = engine.schema(ENUM_SDL)
    result = schema.execute(
        "{ color colors }", root_value={"color": "GREEN", "colors": ["RED", "BLUE", None]}
    )
    assert result.to_dict() == {"data": {"color": "GREEN", "colors": ["RED", "BLUE", None]}}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("green", "Enum 'Color' cannot represent value: 'green'"),
        (Color.RED, "Enum 'Color' cannot represent value: <Color instance>"),
        (1, "Enum 'Color' cannot represent value: 1"),
        (["RED"], "Enum 'Color' cannot represent value: ['RED']"),
    ],
)
def test_an_unbound_enum_refuses_other_values(engine: Any, value: Any, message: str) -> None:
    schema = engine.schema(ENUM_SDL)
    result = schema.execute("{ color }", root_value={"color": value})
    assert result.to_dict() == {
        "data": {"color": None},
        "errors": [{"message": message, "locations": loc(1, 3), "path": ["color"]}],
    }


def test_an_enum_bound_to_values(engine: Any) -> None:
    schema = engine.schema(
        ENUM_SDL, enums={"Color": {"RED": 0, "GREEN": "green", "BLUE": (0, 0, 1)}}
    )
    root = {"colors": [0, "green", (0, 0, 1), False, 0.0, "RED", 1]}
    result = schema.execute("{ colors }", root_value=root)
    # 0, False and 0.0 are equal (and hash alike) in Python: all three are RED.
    assert result.to_dict() == {
        "data": {"colors": ["RED", "GREEN", "BLUE", "RED", "RED", None, None]},
        "errors": [
            {
                "message": "Enum 'Color' cannot represent value: 'RED'",
                "locations": loc(1, 3),
                "path": ["colors", 5],
            },
            {
                "message": "Enum 'Color' cannot represent value: 1",
                "locations": loc(1, 3),
                "path": ["colors", 6],
            },
        ],
    }


def test_an_enum_bound_to_unhashable_values(engine: Any) -> None:
    schema = engine.schema(ENUM_SDL, enums={"Color": {"RED": [1], "GREEN": {"g": 1}}})
    result = schema.execute("{ colors }", root_value={"colors": [[1], {"g": 1}, [2]]})
    assert result.to_dict() == {
        "data": {"colors": ["RED", "GREEN", None]},
        "errors": [
            {
                "message": "Enum 'Color' cannot represent value: [2]",
                "locations": loc(1, 3),
                "path": ["colors", 2],
            }
        ],
    }


def test_an_enum_bound_to_a_python_enum_serializes_members(engine: Any) -> None:
    class Rgb(enum.Enum):
        RED = "r"
        GREEN = "g"
        BLUE = "b"

    schema = engine.schema(ENUM_SDL, enums={"Color": Rgb})
    root = {"colors": [Rgb.RED, Rgb.BLUE, "r", "RED"]}
    result = schema.execute("{ colors }", root_value=root)
    # The members are the values: neither their values nor their names are.
    assert result.to_dict() == {
        "data": {"colors": ["RED", "BLUE", None, None]},
        "errors": [
            {
                "message": "Enum 'Color' cannot represent value: 'r'",
                "locations": loc(1, 3),
                "path": ["colors", 2],
            },
            {
                "message": "Enum 'Color' cannot represent value: 'RED'",
                "locations": loc(1, 3),
                "path": ["colors", 3],
            },
        ],
    }


def test_an_enum_partly_bound(engine: Any) -> None:
    schema = engine.schema(ENUM_SDL, enums={"Color": {"RED": "r"}})
    result = schema.execute("{ colors }", root_value={"colors": ["r", "GREEN", "BLUE"]})
    assert result.to_dict() == {"data": {"colors": ["RED", "GREEN", "BLUE"]}}


class DateScalar:
    """Dates as ISO text; what serialize cannot take raises."""

    def __init__(self) -> None:
        self.serialized: list[Any] = []

    def serialize(self, value: Any) -> Any:
        self.serialized.append(value)
        if value == "none":
            return None
        if not hasattr(value, "isoformat"):
            raise TypeError(f"not a date: {value!r}")
        return value.isoformat()


def test_custom_scalar_serialize(engine: Any) -> None:
    import datetime

    date = DateScalar()
    schema = engine.schema("scalar Date type Query { dates: [Date] }", scalars={"Date": date})
    day = datetime.date(2024, 2, 29)
    result = schema.execute("{ dates }", root_value={"dates": [day, "x", None, "none"]})
    assert result.to_dict() == {
        "data": {"dates": ["2024-02-29", None, None, None]},
        "errors": [
            {"message": "not a date: 'x'", "locations": loc(1, 3), "path": ["dates", 1]},
            {
                "message": "Expected `Date.serialize('none')` to return non-nullable value,"
                " returned: None",
                "locations": loc(1, 3),
                "path": ["dates", 3],
            },
        ],
    }
    # serialize never sees null.
    assert date.serialized == [day, "x", "none"]
    assert isinstance(result.errors[0].original_error, TypeError)


def test_an_unbound_custom_scalar_serializes_values_as_they_are(engine: Any) -> None:
    schema = engine.schema("scalar Json type Query { json: Json }")
    value = {"a": [1, 2.5, "three", None, True], "b": {"c": "ü"}}
    result = schema.execute("{ json }", root_value={"json": value})
    assert result.to_dict() == {"data": {"json": value}}
    assert (
        result.to_json()
        == '{"data":{"json":{"a":[1,2.5,"three",null,true],"b":{"c":"ü"}}}}'.encode()
    )


# ---- request errors ------------------------------------------------------------------------


def test_a_syntax_error_is_a_request_error(engine: Any) -> None:
    result = engine.schema(SDL).execute("{ answer")
    assert result.data is None
    assert result.to_dict() == {
        "errors": [{"message": "Syntax Error: Expected Name, found <EOF>.", "locations": loc(1, 9)}]
    }


def test_a_validation_error_is_a_request_error(engine: Any) -> None:
    result = engine.schema(SDL).execute("{ answer unknown nested }")
    assert result.to_dict() == {
        "errors": [
            {"message": "Cannot query field 'unknown' on type 'Query'.", "locations": loc(1, 10)},
            {
                "message": "Field 'nested' of type 'Nested' must have a selection of subfields."
                " Did you mean 'nested { ... }'?",
                "locations": loc(1, 18),
            },
        ]
    }
    assert result.to_json() == json.dumps(result.to_dict(), separators=(",", ":")).encode()


def test_operation_name(engine: Any) -> None:
    schema = engine.schema(SDL)
    query = "query A { answer } query B { missing }"
    root = {"answer": 1, "missing": "m"}
    assert schema.execute(query, operation_name="B", root_value=root).to_dict() == {
        "data": {"missing": "m"}
    }
    assert schema.execute(query, root_value=root).to_dict() == {
        "errors": [
            {"message": "Must provide operation name if query contains multiple operations."}
        ]
    }
    assert schema.execute(query, operation_name="C").to_dict() == {
        "errors": [{"message": "Unknown operation named 'C'."}]
    }
    assert schema.execute("{ answer }", operation_name="A").to_dict() == {
        "errors": [{"message": "Unknown operation named 'A'."}]
    }
    assert schema.execute("{ answer }", operation_name="").to_dict() == {
        "errors": [{"message": "Unknown operation named ''."}]
    }
    assert schema.execute("query A { answer }", root_value=root).to_dict() == {
        "data": {"answer": 1}
    }
    query = "query A { answer } mutation B { answer }"
    assert schema.execute(query, operation_name="A", root_value=root).to_dict() == (
        lacking_operation_type_result(engine, {"answer": 1})
    )


def test_introspection_through_execute(engine: Any) -> None:
    schema = engine.schema(SDL)
    query = (
        '{ __schema { queryType { name } } __type(name: "Nested") { fields { name } } __typename }'
    )
    assert schema.execute(query).to_dict() == {
        "data": {
            "__schema": {"queryType": {"name": "Query"}},
            "__type": {"fields": [{"name": "value"}, {"name": "deeper"}]},
            "__typename": "Query",
        }
    }


# ---- the result --------------------------------------------------------------------------


def test_result_attributes(engine: Any) -> None:
    result = engine.schema(SDL).execute("{ answer }", root_value={"answer": 3})
    assert result.data == {"answer": 3}
    assert result.errors is None
    assert result.extensions is None
    assert result.to_dict() == {"data": {"answer": 3}}


def test_to_json_is_json_dumps_of_to_dict(engine: Any) -> None:
    schema = engine.schema(
        "scalar Any type Query { s: String f: Float i: Int l: [Any] bad: Int strict: Nested } "
        "type Nested { value: String! }"
    )
    root = {
        "s": 'quote " backslash \\ newline \n tab \t nul \x00 del \x7f é 中 🎉 \u2028',
        "f": 1e16,
        "i": -7,
        "l": [0.1, 1e-7, 123456789.0, 2**70, -0.0, 1.0, [], {}],
        "bad": "bad",
        "strict": {"value": None},
    }
    result = schema.execute("{ s f i l bad strict { value } }", root_value=root)
    expected = json.dumps(result.to_dict(), separators=(",", ":"), ensure_ascii=False).encode()
    assert result.to_json() == expected
    assert b'"f":1e+16' in expected and b"1e-07" in expected and b"-0.0" in expected
    assert result.to_dict() == {
        "data": {
            "s": root["s"],
            "f": 1e16,
            "i": -7,
            "l": root["l"],
            "bad": None,
            "strict": None,
        },
        "errors": [
            {
                "message": "Int cannot represent non-integer value: 'bad'",
                "locations": loc(1, 11),
                "path": ["bad"],
            },
            {
                "message": "Cannot return null for non-nullable field Nested.value.",
                "locations": loc(1, 24),
                "path": ["strict", "value"],
            },
        ],
    }


def test_to_json_of_a_request_error(engine: Any) -> None:
    result = engine.schema(SDL).execute("{ ")
    assert result.to_json() == (
        b'{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.",'
        b'"locations":[{"line":1,"column":3}]}]}'
    )


def test_to_json_of_null_data(engine: Any) -> None:
    schema = engine.schema("type Query { a: Int! }")
    result = schema.execute("{ a }")
    assert result.to_json() == (
        b'{"data":null,"errors":[{"message":"Cannot return null for non-nullable field Query.a.",'
        b'"locations":[{"line":1,"column":3}],"path":["a"]}]}'
    )


def test_to_json_refuses_what_json_cannot_hold(engine: Any) -> None:
    schema = engine.schema("scalar Any type Query { any: Any }")
    result = schema.execute("{ any }", root_value={"any": {1, 2}})
    assert result.to_dict() == {"data": {"any": {1, 2}}}
    with pytest.raises(TypeError):
        result.to_json()


def test_errors_holding_exceptions_are_collected(engine: Any) -> None:
    """An exception's traceback reaches the frames that hold the execution
    (and the info a resolver got): the cycle goes when collected."""

    def fails(_parent: Any, info: Any) -> Any:
        raise ValueError(info.field_name)

    schema = engine.schema("type Query { a: Int b: [Int] }", {"Query": {"a": fails, "b": fails}})

    def run() -> None:
        result = schema.execute("{ a b }")
        assert [error.message for error in result.errors] == ["a", "b"]

    run()
    gc.collect()
    before = sys.getrefcount(schema)
    for _ in range(20):
        run()
    gc.collect()
    assert sys.getrefcount(schema) == before
