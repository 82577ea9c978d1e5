"""Execution of list fields: every nullability of a list of Int ([Int],
[Int]!, [Int!], [Int!]!) against values, nulls, errors inside and instead of
the list, sync and async; what a resolver may return as a list (any
iterable but a string, bytes or a mapping; an async iterable in
execute_async); nested lists; lists of objects. Expected results are
graphql-core 3.2.14's (exec_reference), but for two cases graftql only:
execute (sync) meeting an async iterable, and an async iterable of
awaitables, where graphql-core 3.2.14 leaves a coroutine in the data."""

from __future__ import annotations

import asyncio
import gc
import types
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import Any

import exec_reference
import pytest
from exec_reference import SYNC_AWAITABLE_HINT

engine = exec_reference.engine
graftql_engine = exec_reference.graftql_engine

LIST_TYPES = ["[Int]", "[Int]!", "[Int!]", "[Int!]!"]

NULL_ITEM = "Cannot return null for non-nullable field Query.listField."


def located(message: str, path: list[str | int], column: int = 3) -> dict[str, Any]:
    return {"message": message, "locations": [{"line": 1, "column": column}], "path": path}


async def aiterate(values: Iterable[Any], fail_at: int | None = None) -> AsyncIterator[Any]:
    """An async generator of values that waits before each; raises instead of
    giving the item at index fail_at."""
    for index, value in enumerate(values):
        await asyncio.sleep(0)
        if index == fail_at:
            raise RuntimeError(f"broken at {index}")
        yield value


def complete(engine: Any, type_: str, value: Any, mode: str = "sync") -> dict[str, Any]:
    """{ listField } of the given type, resolved to value: from the root value
    ("sync"), from an async resolver ("async"), as a list of awaitables
    ("async items"), as an async generator of the items ("async iterable")
    or of awaitables of them ("async iterable items")."""
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

    resolver = {
        "async": resolve_async,
        "async items": resolve_items,
        "async iterable": lambda _parent, _info: aiterate(value),
        "async iterable items": lambda _parent, _info: aiterate(item(v) for v in value),
    }[mode]
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


# ---- async iterables as list values ---------------------------------------------
#
# graphql-core 3.2's complete_list_value collects what is an AsyncIterable and
# no iterable (or is a string or a mapping) with [item async for item in it],
# then completes the items as a list's: an error while iterating fails the
# whole list, at the list's path.

LIST_VALUE_PARAMS = [param for param in NULLABILITY_PARAMS if isinstance(param.values[1], list)]


@pytest.mark.parametrize(("type_", "value", "expected"), LIST_VALUE_PARAMS)
def test_list_nullability_from_an_async_iterable(
    engine: Any, type_: str, value: Any, expected: dict[str, Any]
) -> None:
    assert complete(engine, type_, value, "async iterable") == expected


@pytest.mark.parametrize(("type_", "value", "expected"), LIST_VALUE_PARAMS)
def test_an_async_iterable_of_awaitables_completes_like_a_list_of_them(
    graftql_engine: Any, type_: str, value: Any, expected: dict[str, Any]
) -> None:
    """graphql-core 3.2.14 returns complete_list_value's coroutine from its
    async_iterable_to_list without awaiting it, so the list's value in its
    data is a coroutine object. graftql completes the items as graphql-core
    completes a list of the same awaitables (the expected results here, which
    test_list_nullability_with_awaitable_items checks on graphql-core), as
    graphql-core 3.3 completes an async iterator's items."""
    assert complete(graftql_engine, type_, value, "async iterable items") == expected


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        ("[String]", {"data": {"other": "o", "listField": None}}),
        ("[String!]", {"data": {"other": "o", "listField": None}}),
        ("[String]!", {"data": None}),
    ],
)
def test_an_async_iterable_that_raises_fails_the_whole_list(
    engine: Any, type_: str, expected: dict[str, Any]
) -> None:
    schema = engine.schema(
        f"type Query {{ other: String listField: {type_} }}",
        {"Query": {"listField": lambda _p, _i: aiterate(["a", "b", "c"], fail_at=1)}},
    )
    result = asyncio.run(schema.execute_async("{ other listField }", root_value={"other": "o"}))
    assert result.to_dict() == {
        **expected,
        "errors": [located("broken at 1", ["listField"], column=9)],
    }
    assert isinstance(result.errors[0].original_error, RuntimeError)


def test_async_iterables_inside_a_large_list(engine: Any) -> None:
    """Async iterables as items of a list and as lists of many objects: each
    is collected where it is, its errors at its own path."""
    rows: list[Any] = [[n] for n in range(300)]
    rows[100] = aiterate([1, 2])
    rows[200] = aiterate([1, 2], fail_at=1)
    rows[250] = aiterate([1, None])

    def tags(parent: dict[str, Any], _info: Any) -> Any:
        n = parent["n"]
        return aiterate([f"t{n}"], fail_at=0 if n == 150 else None)

    schema = engine.schema(
        "type Query { rows: [[Int!]] users: [User] } type User { n: Int tags: [String] }",
        {"User": {"tags": tags}},
    )
    users = [{"n": n} for n in range(200)]
    result = asyncio.run(
        schema.execute_async("{ rows users { tags } }", root_value={"rows": rows, "users": users})
    )
    expected_rows: list[Any] = [[n] for n in range(300)]
    expected_rows[100] = [1, 2]
    expected_rows[200] = expected_rows[250] = None
    expected_users: list[Any] = [{"tags": [f"t{n}"]} for n in range(200)]
    expected_users[150] = {"tags": None}
    assert result.to_dict() == {
        "data": {"rows": expected_rows, "users": expected_users},
        "errors": [
            located("broken at 1", ["rows", 200]),
            located(NULL_ITEM.replace("listField", "rows"), ["rows", 250, 1]),
            located("broken at 0", ["users", 150, "tags"], column=16),
        ],
    }


class AsyncItems:
    """An async iterable that is no async generator: __aiter__ and __anext__."""

    def __init__(self, *items: Any) -> None:
        self.items = list(items)

    def __aiter__(self) -> AsyncItems:
        return self

    async def __anext__(self) -> Any:
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


class BothIterables(AsyncItems):
    def __iter__(self) -> Iterator[str]:
        return iter(["sync"])


class AsyncMapping(CustomMapping, AsyncItems):
    def __init__(self, *items: Any) -> None:
        CustomMapping.__init__(self)
        AsyncItems.__init__(self, *items)


class AsyncStr(str):
    def __aiter__(self) -> AsyncItems:
        return AsyncItems("from", "str")


# Factories: an async iterable can be iterated once, and each engine needs its own.
ASYNC_LISTS: dict[str, tuple[Any, list[Any]]] = {
    "async iterator class": (lambda: AsyncItems("a", "b"), ["a", "b"]),
    "empty async generator": (lambda: aiterate([]), []),
    # is_iterable comes first: iterated synchronously.
    "iterable and async iterable": (lambda: BothIterables("async"), ["sync"]),
    # Strings and mappings are no iterables to graphql-core: an async one is collected.
    "async iterable mapping": (lambda: AsyncMapping("m"), ["m"]),
    "async iterable str": (lambda: AsyncStr("s"), ["from", "str"]),
}


@pytest.mark.parametrize(("make", "expected"), ASYNC_LISTS.values(), ids=ASYNC_LISTS.keys())
def test_what_async_iterables_are_lists(engine: Any, make: Any, expected: list[Any]) -> None:
    schema = engine.schema("type Query { listField: [String] }")
    result = asyncio.run(schema.execute_async("{ listField }", root_value={"listField": make()}))
    assert result.to_dict() == {"data": {"listField": expected}}


def test_an_async_iterable_of_async_iterables_for_a_list_of_lists(graftql_engine: Any) -> None:
    """graftql only, for the reason test_an_async_iterable_of_awaitables_...
    gives: the inner lists' completions are coroutines graphql-core 3.2.14
    leaves un-awaited in the data."""
    schema = graftql_engine.schema("type Query { listField: [[Int!]] }")
    value = AsyncItems(AsyncItems(1, 2), [3], AsyncItems(None))
    result = asyncio.run(schema.execute_async("{ listField }", root_value={"listField": value}))
    assert result.to_dict() == {
        "data": {"listField": [[1, 2], [3], None]},
        "errors": [located(NULL_ITEM, ["listField", 2, 0])],
    }


def test_an_async_iterable_where_no_list_is_expected(engine: Any) -> None:
    schema = engine.schema("type Query { number: Int item: Item } type Item { name: String }")
    result = asyncio.run(
        schema.execute_async(
            "{ number item { name } }",
            root_value={"number": AsyncItems(1), "item": AsyncItems("b")},
        )
    )
    message = "Int cannot represent non-integer value: <AsyncItems instance>"
    assert result.to_dict() == {
        "data": {"number": None, "item": {"name": None}},
        "errors": [located(message, ["number"])],
    }


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_sync_execute_meeting_an_async_iterable(graftql_engine: Any) -> None:
    """graphql-core's execute gives an awaitable for the whole result (its
    execute_sync raises "GraphQL execution failed to complete
    synchronously."); graftql's execute reports the field, as for an
    awaitable, and completes the rest."""
    schema = graftql_engine.schema(
        "type Query { other: Int listField: [Int] rows: [[Int]]! strict: [Int]! }"
    )
    rows: list[Any] = [[n] for n in range(300)]
    rows[150] = aiterate([1])
    result = schema.execute(
        "{ other listField rows }",
        root_value={"other": 1, "listField": aiterate([1]), "rows": rows},
    )
    expected_rows: list[Any] = [[n] for n in range(300)]
    expected_rows[150] = None
    assert result.data == {"other": 1, "listField": None, "rows": expected_rows}
    assert [error.path for error in result.errors] == [["listField"], ["rows", 150]]
    for error, label in zip(result.errors, ["Query.listField", "Query.rows"], strict=True):
        assert label in error.message
        assert "async iterable" in error.message
        assert SYNC_AWAITABLE_HINT in error.message

    result = schema.execute("{ other strict }", root_value={"other": 1, "strict": AsyncItems()})
    assert result.data is None
    assert [error.path for error in result.errors] == [["strict"]]
    gc.collect()


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
