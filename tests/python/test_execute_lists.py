"""Execution of list fields: every nullability of a list of Int ([Int],
[Int]!, [Int!], [Int!]!) against values, nulls, errors inside and instead of
the list, sync and async; what a resolver may return as a list (any
iterable but a string, bytes or a mapping); nested lists; lists of objects.
Expected results are graphql-core 3.2.14's (exec_reference)."""

from __future__ import annotations

import asyncio
import types
from collections import OrderedDict, deque
from collections.abc import Iterator, Mapping
from typing import Any

import exec_reference
import pytest

engine = exec_reference.engine

LIST_TYPES = ["[Int]", "[Int]!", "[Int!]", "[Int!]!"]

NULL_ITEM = "Cannot return null for non-nullable field Query.listField."


def located(message: str, path: list[str | int], column: int = 3) -> dict[str, Any]:
    return {"message": message, "locations": [{"line": 1, "column": column}], "path": path}


def complete(engine: Any, type_: str, value: Any, mode: str = "sync") -> dict[str, Any]:
    """{ listField } of the given type, resolved to value: from the root value
    ("sync"), from an async resolver ("async"), or as a list of awaitables
    ("async items")."""
    sdl = f"type Query {{ listField: {type_} }}"
    if mode == "sync":
        schema = engine.schema(sdl)
        return schema.execute("{ listField }", root_value={"listField": value}).to_dict()

    async def item(item_value: Any) -> Any:
        await asyncio.sleep(0)
        return item_value

    async def resolve_async(_parent: Any, _info: Any) -> Any:
        await asyncio.sleep(0)
        return value

    def resolve_items(_parent: Any, _info: Any) -> Any:
        return [item(item_value) for item_value in value]

    resolver = resolve_async if mode == "async" else resolve_items
    schema = engine.schema(sdl, {"Query": {"listField": resolver}})
    return asyncio.run(schema.execute_async("{ listField }")).to_dict()


# Each case: the value listField resolves to, then the result for each list
# type in LIST_TYPES order.
NULLABILITY_CASES: dict[str, tuple[Any, list[dict[str, Any]]]] = {
    "values": (
        [1, 2],
        [{"data": {"listField": [1, 2]}}] * 4,
    ),
    "null item": (
        [1, None, 2],
        [
            {"data": {"listField": [1, None, 2]}},
            {"data": {"listField": [1, None, 2]}},
            {"data": {"listField": None}, "errors": [located(NULL_ITEM, ["listField", 1])]},
            {"data": None, "errors": [located(NULL_ITEM, ["listField", 1])]},
        ],
    ),
    "null list": (
        None,
        [
            {"data": {"listField": None}},
            {"data": None, "errors": [located(NULL_ITEM, ["listField"])]},
            {"data": {"listField": None}},
            {"data": None, "errors": [located(NULL_ITEM, ["listField"])]},
        ],
    ),
    "error item": (
        [1, RuntimeError("bad item"), 2],
        [
            {
                "data": {"listField": [1, None, 2]},
                "errors": [located("bad item", ["listField", 1])],
            },
            {
                "data": {"listField": [1, None, 2]},
                "errors": [located("bad item", ["listField", 1])],
            },
            {"data": {"listField": None}, "errors": [located("bad item", ["listField", 1])]},
            {"data": None, "errors": [located("bad item", ["listField", 1])]},
        ],
    ),
    "error instead of the list": (
        RuntimeError("bad list"),
        [
            {"data": {"listField": None}, "errors": [located("bad list", ["listField"])]},
            {"data": None, "errors": [located("bad list", ["listField"])]},
            {"data": {"listField": None}, "errors": [located("bad list", ["listField"])]},
            {"data": None, "errors": [located("bad list", ["listField"])]},
        ],
    ),
    "item that does not serialize": (
        [1, "two", 3],
        [
            {
                "data": {"listField": [1, None, 3]},
                "errors": [
                    located("Int cannot represent non-integer value: 'two'", ["listField", 1])
                ],
            },
            {
                "data": {"listField": [1, None, 3]},
                "errors": [
                    located("Int cannot represent non-integer value: 'two'", ["listField", 1])
                ],
            },
            {
                "data": {"listField": None},
                "errors": [
                    located("Int cannot represent non-integer value: 'two'", ["listField", 1])
                ],
            },
            {
                "data": None,
                "errors": [
                    located("Int cannot represent non-integer value: 'two'", ["listField", 1])
                ],
            },
        ],
    ),
    "two bad items": (
        [None, 1, "x"],
        [
            {
                "data": {"listField": [None, 1, None]},
                "errors": [
                    located("Int cannot represent non-integer value: 'x'", ["listField", 2])
                ],
            },
            {
                "data": {"listField": [None, 1, None]},
                "errors": [
                    located("Int cannot represent non-integer value: 'x'", ["listField", 2])
                ],
            },
            # The first null item nulls the list: the later item's error is
            # not reported.
            {"data": {"listField": None}, "errors": [located(NULL_ITEM, ["listField", 0])]},
            {"data": None, "errors": [located(NULL_ITEM, ["listField", 0])]},
        ],
    ),
}

NULLABILITY_PARAMS = [
    pytest.param(LIST_TYPES[index], value, results[index], id=f"{case}-{LIST_TYPES[index]}")
    for case, (value, results) in NULLABILITY_CASES.items()
    for index in range(len(LIST_TYPES))
]


@pytest.mark.parametrize(("type_", "value", "expected"), NULLABILITY_PARAMS)
def test_list_nullability(engine: Any, type_: str, value: Any, expected: dict[str, Any]) -> None:
    assert complete(engine, type_, value) == expected


@pytest.mark.parametrize(("type_", "value", "expected"), NULLABILITY_PARAMS)
def test_list_nullability_from_an_async_resolver(
    engine: Any, type_: str, value: Any, expected: dict[str, Any]
) -> None:
    assert complete(engine, type_, value, "async") == expected


@pytest.mark.parametrize(
    ("type_", "value", "expected"),
    [param for param in NULLABILITY_PARAMS if isinstance(param.values[1], list)],
)
def test_list_nullability_with_awaitable_items(
    engine: Any, type_: str, value: Any, expected: dict[str, Any]
) -> None:
    assert complete(engine, type_, value, "async items") == expected


def test_an_item_whose_awaitable_raises(engine: Any) -> None:
    async def fails() -> int:
        raise ValueError("item failed")

    async def one() -> int:
        return 1

    schema = engine.schema(
        "type Query { listField: [Int] nonNullItems: [Int!] }",
        {
            "Query": {
                "listField": lambda _parent, _info: [one(), fails(), one()],
                "nonNullItems": lambda _parent, _info: [one(), fails()],
            }
        },
    )
    result = asyncio.run(schema.execute_async("{ listField nonNullItems }"))
    assert result.to_dict() == {
        "data": {"listField": [1, None, 1], "nonNullItems": None},
        "errors": [
            located("item failed", ["listField", 1]),
            located("item failed", ["nonNullItems", 1], column=13),
        ],
    }


# ---- what counts as a list ---------------------------------------------------


class CustomIterable:
    """An iterable that is no sequence: only __iter__."""

    def __iter__(self) -> Iterator[str]:
        yield "custom"
        yield "iterable"


class OldStyleSequence:
    """Iterable through __getitem__ only: iter() accepts it, but it is no
    collections.abc.Iterable."""

    def __getitem__(self, index: int) -> str:
        if index < 2:
            return f"item {index}"
        raise IndexError(index)


class CustomMapping(Mapping[str, str]):
    def __init__(self) -> None:
        self.items_ = {"a": "b"}

    def __getitem__(self, key: str) -> str:
        return self.items_[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.items_)

    def __len__(self) -> int:
        return len(self.items_)


def generate() -> Iterator[Any]:
    yield "one"
    yield 2
    yield True


def strings(*args: str) -> tuple[str, ...]:
    return args


# Factories: a generator can be iterated once, and each engine needs its own.
ACCEPTED: dict[str, tuple[Any, list[Any]]] = {
    "list": (lambda: ["apple", "banana"], ["apple", "banana"]),
    "tuple": (lambda: ("apple", "banana"), ["apple", "banana"]),
    "function arguments": (lambda: strings("x", "y"), ["x", "y"]),
    "generator": (generate, ["one", "2", "true"]),
    "range": (lambda: range(3), ["0", "1", "2"]),
    "deque": (lambda: deque(["left", "right"]), ["left", "right"]),
    "dict keys": (lambda: {"k1": 1, "k2": 2}.keys(), ["k1", "k2"]),
    "dict values": (lambda: {"k1": "v1", "k2": "v2"}.values(), ["v1", "v2"]),
    "map object": (lambda: map(str.upper, ["a", "b"]), ["A", "B"]),
    "custom iterable": (CustomIterable, ["custom", "iterable"]),
    "empty list": (list, []),
    "one-element set": (lambda: {"only"}, ["only"]),
    "one-element frozenset": (lambda: frozenset({"only"}), ["only"]),
}


@pytest.mark.parametrize(("make", "expected"), ACCEPTED.values(), ids=ACCEPTED.keys())
def test_any_iterable_is_a_list(engine: Any, make: Any, expected: list[Any]) -> None:
    schema = engine.schema("type Query { listField: [String] }")
    result = schema.execute("{ listField }", root_value={"listField": make()})
    assert result.to_dict() == {"data": {"listField": expected}}
    assert type(result.data["listField"]) is list


def test_a_set_is_a_list_in_its_iteration_order(engine: Any) -> None:
    fruits = {"apple", "banana", "coconut", "date"}
    schema = engine.schema("type Query { listField: [String!]! }")
    result = schema.execute("{ listField }", root_value={"listField": fruits})
    assert result.errors is None
    assert result.data == {"listField": list(fruits)}


NOT_A_LIST = "Expected Iterable, but did not find one for field 'Query.listField'."

REFUSED = {
    "str": "Singular",
    "empty str": "",
    "bytes": b"bytes",
    "bytearray": bytearray(b"bytes"),
    "memoryview": memoryview(b"bytes"),
    "dict": {1: "one", 2: "two"},
    "OrderedDict": OrderedDict(a="b"),
    "Mapping": CustomMapping(),
    "MappingProxyType": types.MappingProxyType({"a": "b"}),
    "int": 5,
    "object": object(),
    "__getitem__ only": OldStyleSequence(),
}


@pytest.mark.parametrize("value", REFUSED.values(), ids=REFUSED.keys())
def test_not_a_list(engine: Any, value: Any) -> None:
    schema = engine.schema("type Query { listField: [String] }")
    result = schema.execute("{ listField }", root_value={"listField": value})
    assert result.to_dict() == {
        "data": {"listField": None},
        "errors": [located(NOT_A_LIST, ["listField"])],
    }


def test_not_a_list_for_a_non_null_list(engine: Any) -> None:
    schema = engine.schema("type Query { listField: [String]! other: String }")
    result = schema.execute("{ other listField }", root_value={"listField": "x", "other": "o"})
    assert result.to_dict() == {"data": None, "errors": [located(NOT_A_LIST, ["listField"], 9)]}


def test_an_iterator_that_raises_fails_the_whole_list(engine: Any) -> None:
    def broken() -> Iterator[str]:
        yield "fine"
        raise RuntimeError("broken iterator")

    schema = engine.schema("type Query { listField: [String] }")
    result = schema.execute("{ listField }", root_value={"listField": broken()})
    assert result.to_dict() == {
        "data": {"listField": None},
        "errors": [located("broken iterator", ["listField"])],
    }
    assert isinstance(result.errors[0].original_error, RuntimeError)


def test_async_generator_as_list_value(engine: Any) -> None:
    """graphql-core 3.2.14 accepts an async iterable as a list value (its
    "experimental" support) when executing asynchronously."""

    async def values() -> Any:
        yield "two"
        yield 4
        yield False

    schema = engine.schema(
        "type Query { listField: [String] }", {"Query": {"listField": lambda _p, _i: values()}}
    )
    result = asyncio.run(schema.execute_async("{ listField }"))
    assert result.to_dict() == {"data": {"listField": ["two", "4", "false"]}}


def test_async_generator_items_complete_like_list_items(engine: Any) -> None:
    async def values() -> Any:
        yield 1
        yield None
        yield 2

    for type_, expected in [
        ("[Int]", {"data": {"listField": [1, None, 2]}}),
        ("[Int!]", {"data": {"listField": None}, "errors": [located(NULL_ITEM, ["listField", 1])]}),
        ("[Int!]!", {"data": None, "errors": [located(NULL_ITEM, ["listField", 1])]}),
    ]:
        schema = engine.schema(
            f"type Query {{ listField: {type_} }}",
            {"Query": {"listField": lambda _p, _i: values()}},
        )
        assert asyncio.run(schema.execute_async("{ listField }")).to_dict() == expected, type_


# ---- nested lists and lists of objects -------------------------------------------


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        ("[[Int]]", {"data": {"listField": [[1, None], [2]]}}),
        (
            "[[Int!]]",
            {
                "data": {"listField": [None, [2]]},
                "errors": [located(NULL_ITEM, ["listField", 0, 1])],
            },
        ),
        (
            "[[Int!]!]",
            {"data": {"listField": None}, "errors": [located(NULL_ITEM, ["listField", 0, 1])]},
        ),
        ("[[Int!]!]!", {"data": None, "errors": [located(NULL_ITEM, ["listField", 0, 1])]}),
    ],
)
def test_nested_lists(engine: Any, type_: str, expected: dict[str, Any]) -> None:
    schema = engine.schema(f"type Query {{ listField: {type_} }}")
    result = schema.execute("{ listField }", root_value={"listField": [[1, None], (2,)]})
    assert result.to_dict() == expected


def test_a_non_list_inside_a_nested_list(engine: Any) -> None:
    schema = engine.schema("type Query { listField: [[Int]] }")
    result = schema.execute("{ listField }", root_value={"listField": [[1], 2, "3"]})
    assert result.to_dict() == {
        "data": {"listField": [[1], None, None]},
        "errors": [
            located(NOT_A_LIST, ["listField", 1]),
            located(NOT_A_LIST, ["listField", 2]),
        ],
    }


SDL_OBJECTS = """
type Item { name: String! size: Int }
type Query { items: [Item] strictItems: [Item!] }
"""


def test_list_of_objects(engine: Any) -> None:
    items = [{"name": "a", "size": 1}, None, {"name": "c", "size": "big"}]
    schema = engine.schema(SDL_OBJECTS)
    result = schema.execute("{ items { name size } }", root_value={"items": items})
    assert result.to_dict() == {
        "data": {"items": [{"name": "a", "size": 1}, None, {"name": "c", "size": None}]},
        "errors": [
            located("Int cannot represent non-integer value: 'big'", ["items", 2, "size"], 16)
        ],
    }


def test_a_non_null_field_error_nulls_the_item_or_the_list(engine: Any) -> None:
    items = [{"name": "a"}, {"name": None}, {"name": "c"}]
    schema = engine.schema(SDL_OBJECTS)
    result = schema.execute(
        "{ items { name } strictItems { name } }",
        root_value={"items": items, "strictItems": items},
    )
    message = "Cannot return null for non-nullable field Item.name."
    assert result.to_dict() == {
        "data": {"items": [{"name": "a"}, None, {"name": "c"}], "strictItems": None},
        "errors": [
            located(message, ["items", 1, "name"], 11),
            located(message, ["strictItems", 1, "name"], 32),
        ],
    }


def test_errors_in_many_items_come_in_path_order(engine: Any) -> None:
    def size(parent: dict[str, Any], _info: Any) -> int:
        if parent["name"] in {"b", "d"}:
            raise ValueError(f"no size for {parent['name']}")
        return 1

    items = [{"name": name} for name in "abcd"]
    schema = engine.schema(SDL_OBJECTS, {"Item": {"size": size}})
    result = schema.execute("{ items { size } }", root_value={"items": items})
    assert result.to_dict() == {
        "data": {"items": [{"size": 1}, {"size": None}, {"size": 1}, {"size": None}]},
        "errors": [
            located("no size for b", ["items", 1, "size"], 11),
            located("no size for d", ["items", 3, "size"], 11),
        ],
    }


def test_a_large_list(engine: Any) -> None:
    schema = engine.schema("type Query { listField: [Int!]! }")
    values = list(range(10_000))
    result = schema.execute("{ listField }", root_value={"listField": values})
    assert result.to_dict() == {"data": {"listField": values}}
