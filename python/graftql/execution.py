"""Executing operations: results, DataLoader, batch resolvers and the drivers
that run the C executor's waves.

The executor (graftql._core.Execution) runs breadth first: it resolves each
field for every parent of a wave at once and stops when nothing can go on
without pending values (awaitables, DataLoader promises, async iterables
where a list is expected). The drivers here settle those values together,
then let it resume:

* ``run_sync`` flushes the DataLoaders that have keys queued (one batch call
  per loader per wave) and refuses awaitables and async iterables with an
  error naming the field;
* ``run_async`` awaits every pending value of the wave in one gather, an
  async iterable settling to the list of its items.

Also here: graphql-core's ``inspect()`` and the built-in scalars' serializers
for the cases the C fast paths leave to Python, both with graphql-core's
messages, and ``Undefined``, what a custom scalar's ``parse_value`` or
``parse_literal`` returns for a value it refuses.
"""

from __future__ import annotations

import asyncio
import inspect as _pyinspect
import json
import math
import threading
import types
from collections.abc import AsyncIterable, Awaitable, Callable, Hashable, Iterable, Sequence
from numbers import Number
from typing import Any, ClassVar, Generic, TypeVar

from graftql import _core
from graftql.error import GraphQLError, SourceLocation

__all__ = [
    "DataLoader",
    "ExecutionResult",
    "Path",
    "Pending",
    "Undefined",
    "UndefinedType",
    "batch",
    "inspect",
]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
F = TypeVar("F", bound=Callable[..., Any])

# ---- results -----------------------------------------------------------------


class ExecutionResult:
    """The result of executing an operation (graphql-core's ``ExecutionResult``).

    ``data`` is the response data (``None`` when a request error stopped the
    operation or an error nulled the root); ``errors`` the list of
    ``GraphQLError`` or ``None`` when there are none. ``to_dict()`` is the
    spec response (``"data"`` left out after a request error); ``to_json()``
    the same as bytes, written by the C core.
    """

    __slots__ = ("_data", "_data_key", "_errors", "_execution", "extensions")

    def __init__(
        self,
        data: dict[str, Any] | None = None,
        errors: list[GraphQLError] | None = None,
        extensions: dict[str, Any] | None = None,
        *,
        _execution: Any = None,
        _data_key: bool = False,
    ) -> None:
        self._execution = _execution
        self._data = data
        self._data_key = _data_key or data is not None
        self._errors = errors or None
        self.extensions = extensions

    @property
    def data(self) -> dict[str, Any] | None:
        if self._execution is not None:
            data: dict[str, Any] | None = self._execution.data()
            return data
        return self._data

    @property
    def errors(self) -> list[GraphQLError] | None:
        if self._execution is not None:
            errors: list[GraphQLError] = self._execution.errors()
            return errors or None
        return self._errors

    @property
    def has_data(self) -> bool:
        """Whether the response has a "data" entry (not after a request error)."""
        if self._execution is not None:
            return bool(self._execution.has_data)
        return self._data_key

    def to_dict(self) -> dict[str, Any]:
        """The response as the GraphQL spec gives it: ``data`` (absent after a
        request error), ``errors`` when there are some, ``extensions``."""
        response: dict[str, Any] = {}
        if self.has_data:
            response["data"] = self.data
        errors = self.errors
        if errors:
            response["errors"] = [error.formatted for error in errors]
        if self.extensions:
            response["extensions"] = self.extensions
        return response

    @property
    def formatted(self) -> dict[str, Any]:
        """The same as ``to_dict()``."""
        return self.to_dict()

    def to_json(self) -> bytes:
        """``json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False)``
        as UTF-8 bytes, written by the C core."""
        if self._execution is not None and not self.extensions:
            body: bytes = self._execution.to_json()
            return body
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False).encode()

    def __iter__(self) -> Any:
        return iter((self.data, self.errors))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, dict):
            return self.to_dict() == other
        if isinstance(other, tuple):
            return (self.data, self.errors) == other
        if isinstance(other, ExecutionResult):
            return (self.data, self.errors, self.extensions) == (
                other.data,
                other.errors,
                other.extensions,
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        ext = "" if self.extensions is None else f", extensions={self.extensions!r}"
        return f"ExecutionResult(data={self.data!r}, errors={self.errors!r}{ext})"


class Path:
    """A field's response path (graphql-core's ``Path``): ``key`` and
    ``typename`` of the last element, ``prev`` the path above it."""

    __slots__ = ("key", "prev", "typename")

    def __init__(
        self, keys: Sequence[str | int] | Path | None, key_or_typename: Any = None, *more: Any
    ) -> None:
        if isinstance(keys, list):
            # Built by the core: (keys from the root, the last key's parent type).
            prev: Path | None = None
            for k in keys[:-1]:
                prev = Path(prev, k, None)
            self.prev = prev
            self.key = keys[-1]
            self.typename = key_or_typename
        else:
            self.prev = keys if isinstance(keys, Path) else None
            self.key = key_or_typename
            self.typename = more[0] if more else None

    def add_key(self, key: str | int, typename: str | None = None) -> Path:
        return Path(self, key, typename)

    def as_list(self) -> list[str | int]:
        keys: list[str | int] = []
        path: Path | None = self
        while path is not None:
            keys.append(path.key)
            path = path.prev
        return keys[::-1]

    def __repr__(self) -> str:
        return f"Path({self.as_list()!r}, typename={self.typename!r})"


def _make_error(
    message: str,
    source: str,
    locations: list[tuple[int, int, int]],
    path: list[str | int] | None,
    original: BaseException | None,
) -> GraphQLError:
    """The GraphQLError of an execution error the core recorded."""
    if isinstance(original, GraphQLError) and original.path is not None:
        # graphql-core's located_error keeps an error that knows its path.
        return original
    error = GraphQLError(message, path=path, original_error=original)
    if locations:
        error.source = source
        error.positions = [position for position, _, _ in locations]
        error.locations = [SourceLocation(line, column) for _, line, column in locations]
    return error


# ---- graphql-core's inspect ----------------------------------------------------

_MAX_DEPTH = 2
_MAX_STR = 240
_MAX_LIST = 10
_ELLIPSIS = object()


def _trunc_str(s: str) -> str:
    if len(s) > _MAX_STR:
        i = max(0, (_MAX_STR - 3) // 2)
        j = max(0, _MAX_STR - 3 - i)
        s = s[:i] + "..." + s[-j:]
    return s


def _trunc_list(items: list[Any]) -> list[Any]:
    if len(items) > _MAX_LIST:
        i = _MAX_LIST // 2
        j = i - 1
        items = [*items[:i], _ELLIPSIS, *items[-j:]]
    return items


def inspect(value: Any) -> str:
    """A value as graphql-core's ``inspect()`` shows it in messages: Python's
    ``repr()`` cut to 240 characters, 10 items, two levels of nesting."""
    return _inspect(value, [])


def _inspect(value: Any, seen: list[Any]) -> str:
    if value is None or isinstance(value, (bool, float, complex)):
        return repr(value)
    if isinstance(value, (int, str, bytes, bytearray)):
        return _trunc_str(repr(value))
    collections = (list, tuple, dict, set, frozenset)
    if len(seen) < _MAX_DEPTH and all(value is not s for s in seen):
        method = getattr(value, "__inspect__", None)
        if method is not None and callable(method):
            shown = method()
            if isinstance(shown, str):
                return _trunc_str(shown)
            return _inspect(shown, [*seen, value])
        if isinstance(value, collections):
            if not value:
                return repr(value)
            inner = [*seen, value]
            if isinstance(value, list):
                items: list[Any] = value
            elif isinstance(value, dict):
                items = list(value.items())
            else:
                items = list(value)
            items = _trunc_list(items)
            if isinstance(value, dict):
                text = ", ".join(
                    "..."
                    if v is _ELLIPSIS
                    else _inspect(v[0], inner) + ": " + _inspect(v[1], inner)
                    for v in items
                )
            else:
                text = ", ".join("..." if v is _ELLIPSIS else _inspect(v, inner) for v in items)
            if isinstance(value, tuple):
                return f"({text},)" if len(items) == 1 else f"({text})"
            if isinstance(value, (dict, set)):
                return "{" + text + "}"
            if isinstance(value, frozenset):
                return f"frozenset({{{text}}})"
            return f"[{text}]"
    elif isinstance(value, collections):
        if not value:
            return repr(value)
        if isinstance(value, list):
            return "[...]"
        if isinstance(value, tuple):
            return "(...)"
        if isinstance(value, dict):
            return "{...}"
        if isinstance(value, set):
            return "set(...)"
        return "frozenset(...)"
    if isinstance(value, Exception):
        kind = "exception"
        value = type(value)
    elif _pyinspect.isclass(value):
        kind = "exception class" if issubclass(value, Exception) else "class"
    elif _pyinspect.ismethod(value):
        kind = "method"
    elif _pyinspect.iscoroutinefunction(value):
        kind = "coroutine function"
    elif _pyinspect.isasyncgenfunction(value):
        kind = "async generator function"
    elif _pyinspect.isgeneratorfunction(value):
        kind = "generator function"
    elif _pyinspect.isfunction(value):
        kind = "function"
    elif _pyinspect.iscoroutine(value):
        kind = "coroutine"
    elif _pyinspect.isasyncgen(value):
        kind = "async generator"
    elif _pyinspect.isgenerator(value):
        kind = "generator"
    else:
        name = type(value).__name__
        if not name or "<" in name or ">" in name:
            return "<object>"
        return f"<{name} instance>"
    shown = getattr(value, "__name__", None)
    if not shown or "<" in shown or ">" in shown:
        return f"<{kind}>"
    return f"<{kind} {shown}>"


# ---- the built-in scalars' serializers (graphql-core's rules) ------------------


def _is_finite(value: Any) -> bool:
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def _is_integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and math.isfinite(value) and int(value) == value
    )


def _serialize_int(value: Any) -> int:
    if isinstance(value, bool):
        return 1 if value else 0
    try:
        if isinstance(value, int):
            num = value
        elif isinstance(value, float):
            num = int(value)
            if num != value:
                raise ValueError
        elif not value and isinstance(value, str):
            value = ""
            raise ValueError
        else:
            num = int(value)
            # Decimal("2.5") is not an Int; other objects with __int__ are.
            if isinstance(value, Number) and num != value:  # type: ignore[comparison-overlap]
                raise ValueError
    except (OverflowError, ValueError, TypeError):
        raise GraphQLError("Int cannot represent non-integer value: " + inspect(value)) from None
    if not -(2**31) <= num <= 2**31 - 1:
        raise GraphQLError(
            "Int cannot represent non 32-bit signed integer value: " + inspect(value)
        )
    return num


def _serialize_float(value: Any) -> float:
    if isinstance(value, bool):
        return 1 if value else 0
    try:
        if not value and isinstance(value, str):
            value = ""
            raise ValueError
        num = value if isinstance(value, float) else float(value)
        if not math.isfinite(num):
            raise ValueError
    except (ValueError, TypeError):
        raise GraphQLError("Float cannot represent non numeric value: " + inspect(value)) from None
    return num


def _serialize_string(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_finite(value):
        return str(value)
    if type(value).__module__ == "builtins":
        raise GraphQLError("String cannot represent value: " + inspect(value))
    return str(value)


def _serialize_boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if _is_finite(value):
        return bool(value)
    raise GraphQLError("Boolean cannot represent a non boolean value: " + inspect(value))


def _serialize_id(value: Any) -> str:
    if isinstance(value, str):
        return value
    if _is_integer(value):
        return str(int(value))
    if type(value).__module__ == "builtins":
        raise GraphQLError("ID cannot represent value: " + inspect(value))
    return str(value)


_SERIALIZERS: dict[str, Callable[[Any], Any]] = {
    "Int": _serialize_int,
    "Float": _serialize_float,
    "String": _serialize_string,
    "Boolean": _serialize_boolean,
    "ID": _serialize_id,
}


def _serialize_builtin(type_name: str, value: Any) -> Any:
    return _SERIALIZERS[type_name](value)


# ---- custom scalars ---------------------------------------------------------------


class UndefinedType:
    """The type of ``Undefined`` (graphql-core's): one instance, falsy."""

    __slots__ = ()
    _instance: ClassVar[UndefinedType | None] = None

    def __new__(cls) -> UndefinedType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __reduce__(self) -> str:
        return "Undefined"

    def __repr__(self) -> str:
        return "Undefined"

    def __bool__(self) -> bool:
        return False


Undefined = UndefinedType()
"""graphql-core's ``Undefined``: returned by a custom scalar's ``parse_value``
or ``parse_literal``, it refuses the value as raising would, with
graphql-core's messages ("Expected type 'T'." for a variable; "Expected value
of type 'T', found <literal>." when validating a literal)."""


def _value_from_ast_untyped(node: Any, variables: dict[str, Any] | None) -> Any:
    """graphql-core's value_from_ast_untyped over a graftql.Node."""
    kind = node.kind
    if kind == "null_value":
        return None
    if kind == "int_value":
        try:
            return int(node.value)
        except ValueError:
            return math.nan
    if kind == "float_value":
        try:
            return float(node.value)
        except ValueError:
            return math.nan
    if kind in ("string_value", "boolean_value", "enum_value"):
        return node.value
    if kind == "list_value":
        return [_value_from_ast_untyped(item, variables) for item in node.values]
    if kind == "object_value":
        return {
            field.name.value: _value_from_ast_untyped(field.value, variables)
            for field in node.fields
        }
    if kind == "variable":
        return variables.get(node.name.value, Undefined) if variables else Undefined
    raise TypeError(f"Unexpected value node: {node!r}.")


def _parse_literal(
    parse_literal: Callable[..., Any] | None,
    parse_value: Callable[[Any], Any] | None,
    node: Any,
    variables: dict[str, Any] | None,
) -> Any:
    """A custom scalar's parse_literal, or graphql-core's default:
    parse_value of the untyped literal. Without variables (validation, a
    document that has none), parse_literal(node), as graphql-core calls it."""
    if parse_literal is not None:
        return parse_literal(node, variables) if variables else parse_literal(node)
    value = _value_from_ast_untyped(node, variables)
    return parse_value(value) if parse_value is not None else value


# ---- pending values and DataLoader --------------------------------------------


class Pending(Generic[V]):
    """A value not known yet: what ``DataLoader.load`` returns. Resolvers may
    return it as it is (the executor settles it at the end of the wave) or
    ``await`` it in async resolvers."""

    __slots__ = ("_callbacks", "_state", "_value")

    def __init__(self) -> None:
        self._state = 0  # 0 pending, 1 value, 2 error
        self._value: Any = None
        self._callbacks: list[Callable[[Pending[V]], None]] | None = None

    @property
    def done(self) -> bool:
        return self._state != 0

    def _resolve(self, value: Any) -> None:
        if self._state == 0:
            self._state, self._value = 1, value
            self._fire()

    def _reject(self, error: BaseException) -> None:
        if self._state == 0:
            self._state, self._value = 2, error
            self._fire()

    def _fire(self) -> None:
        callbacks, self._callbacks = self._callbacks, None
        for callback in callbacks or ():
            callback(self)

    def _on_done(self, callback: Callable[[Pending[V]], None]) -> None:
        if self._state:
            callback(self)
        elif self._callbacks is None:
            self._callbacks = [callback]
        else:
            self._callbacks.append(callback)

    def result(self) -> V:
        """The value, or raise the error (only once done)."""
        if self._state == 0:
            raise RuntimeError("this value is still pending: its DataLoader has not dispatched")
        if self._state == 2:
            raise self._value
        value: V = self._value
        return value

    def _future(self) -> asyncio.Future[V]:
        future: asyncio.Future[V] = asyncio.get_running_loop().create_future()

        def settle(p: Pending[V]) -> None:
            if future.done():
                return
            if p._state == 2:
                future.set_exception(p._value)
            else:
                future.set_result(p._value)

        self._on_done(settle)
        return future

    def __await__(self) -> Any:
        if self._state == 0:
            return (yield from self._future().__await__())
        return self.result()

    def __repr__(self) -> str:
        state = ("pending", "done", "failed")[self._state]
        return f"<Pending {state}>"


class _Dispatch(threading.local):
    """The loaders with keys queued, per thread, for the sync driver."""

    def __init__(self) -> None:
        self.loaders: list[DataLoader[Any, Any]] = []


_dispatch = _Dispatch()

# Tasks of async batch functions, kept so that they are not collected while
# they run (asyncio keeps only weak references).
_running: set[asyncio.Future[Any]] = set()


class DataLoader(Generic[K, V]):
    """Batches and caches loads by key (the DataLoader pattern).

    ``batch_fn(keys) -> list of values`` (or ``async def`` under
    ``execute_async``), one value per key in the same order; a value that is
    an ``Exception`` fails that key alone. Loads queued during a wave are
    dispatched together at its end, in ``execute`` and ``execute_async``
    alike, so ``users -> orders`` costs one batch call per level, whatever the
    number of users. Create one loader per request (in the context): its cache
    is the request's.

    :param max_batch_size: at most this many keys per ``batch_fn`` call.
    :param cache: keep each key's result for later loads of the same key.
    """

    def __init__(
        self,
        batch_fn: Callable[[list[K]], Sequence[V] | Awaitable[Sequence[V]]],
        *,
        max_batch_size: int | None = None,
        cache: bool = True,
    ) -> None:
        if not callable(batch_fn):
            raise TypeError(
                f"DataLoader() needs a callable batch_fn(keys) -> list, got {inspect(batch_fn)}"
            )
        if max_batch_size is not None and (
            isinstance(max_batch_size, bool)
            or not isinstance(max_batch_size, int)
            or max_batch_size < 1
        ):
            raise ValueError(
                f"DataLoader() max_batch_size must be a positive int or None, got "
                f"{inspect(max_batch_size)}"
            )
        self.batch_fn = batch_fn
        self.max_batch_size = max_batch_size
        self.cache = cache
        self._cache: dict[K, Pending[V]] = {}
        self._queue: list[tuple[K, Pending[V]]] = []
        self.batch_calls = 0  # how many times batch_fn was called

    def load(self, key: K) -> Pending[V]:
        """The value for key, pending until the loader dispatches."""
        if self.cache:
            cached = self._cache.get(key)
            if cached is not None:
                return cached
        pending: Pending[V] = Pending()
        if self.cache:
            self._cache[key] = pending
        self._queue.append((key, pending))
        if len(self._queue) == 1:
            _dispatch.loaders.append(self)
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                pass
            else:
                loop.call_soon(self._dispatch_soon)
        return pending

    def load_many(self, keys: Iterable[K]) -> Pending[list[V]]:
        """The values for keys, in order, pending until dispatched."""
        parts = [self.load(key) for key in keys]
        combined: Pending[list[V]] = Pending()
        remaining = len(parts)
        if remaining == 0:
            combined._resolve([])
            return combined

        def one_done(p: Pending[V]) -> None:
            nonlocal remaining
            if p._state == 2:
                combined._reject(p._value)
                return
            remaining -= 1
            if remaining == 0 and combined._state == 0:
                combined._resolve([part._value for part in parts])

        for part in parts:
            part._on_done(one_done)
        return combined

    def prime(self, key: K, value: V) -> DataLoader[K, V]:
        """Put a value in the cache for key, unless it holds one already."""
        if self.cache and key not in self._cache:
            pending: Pending[V] = Pending()
            if isinstance(value, Exception):
                pending._reject(value)
            else:
                pending._resolve(value)
            self._cache[key] = pending
        return self

    def clear(self, key: K) -> DataLoader[K, V]:
        """Forget the cached value for key."""
        self._cache.pop(key, None)
        return self

    def clear_all(self) -> DataLoader[K, V]:
        """Forget every cached value."""
        self._cache.clear()
        return self

    # -- dispatching --

    def _take_batches(self) -> list[list[tuple[K, Pending[V]]]]:
        queue, self._queue = self._queue, []
        size = self.max_batch_size or len(queue) or 1
        return [queue[i : i + size] for i in range(0, len(queue), size)]

    def _fail(self, batch: list[tuple[K, Pending[V]]], error: BaseException) -> None:
        for key, pending in batch:
            if self.cache and self._cache.get(key) is pending:
                del self._cache[key]
            pending._reject(error)

    def _deliver(self, batch: list[tuple[K, Pending[V]]], values: Any) -> None:
        name = getattr(self.batch_fn, "__qualname__", repr(self.batch_fn))
        try:
            values = list(values)
        except TypeError:
            self._fail(
                batch,
                TypeError(
                    f"DataLoader batch function {name} must return a list of values, "
                    f"one per key, not {inspect(values)}."
                ),
            )
            return
        if len(values) != len(batch):
            self._fail(
                batch,
                ValueError(
                    f"DataLoader batch function {name} returned {len(values)} values for "
                    f"{len(batch)} keys; it must return one value per key, in order."
                ),
            )
            return
        for (_, pending), value in zip(batch, values, strict=True):
            if isinstance(value, Exception):
                pending._reject(value)
            else:
                pending._resolve(value)

    def _call(self, batch: list[tuple[K, Pending[V]]]) -> Any:
        self.batch_calls += 1
        return self.batch_fn([key for key, _ in batch])

    def _dispatch_sync(self) -> None:
        for batch in self._take_batches():
            try:
                values = self._call(batch)
            except Exception as error:
                self._fail(batch, error)
                continue
            if _pyinspect.isawaitable(values):
                if _pyinspect.iscoroutine(values):
                    values.close()
                self._fail(
                    batch,
                    TypeError(
                        "DataLoader batch function returned an awaitable in synchronous "
                        "execution; use execute_async for async batch functions."
                    ),
                )
                continue
            self._deliver(batch, values)

    def _dispatch_soon(self) -> list[asyncio.Future[None]]:
        """Dispatch from the event loop (async execution): sync batch
        functions deliver at once; the tasks of async ones are returned."""
        tasks: list[asyncio.Future[None]] = []
        for batch in self._take_batches():
            try:
                values = self._call(batch)
            except Exception as error:
                self._fail(batch, error)
                continue
            if _pyinspect.isawaitable(values):
                task = asyncio.ensure_future(self._finish(batch, values))
                _running.add(task)
                task.add_done_callback(_running.discard)
                tasks.append(task)
            else:
                self._deliver(batch, values)
        return tasks

    async def _finish(self, batch: list[tuple[K, Pending[V]]], values: Awaitable[Any]) -> None:
        try:
            result = await values
        except Exception as error:
            self._fail(batch, error)
            return
        self._deliver(batch, result)


def _flush_loaders() -> None:
    """Dispatch every loader with keys queued (sync execution), until none is
    left (a batch function may load from another loader)."""
    while _dispatch.loaders:
        loaders, _dispatch.loaders = _dispatch.loaders, []
        for loader in loaders:
            if loader._queue:
                loader._dispatch_sync()


def batch(fn: F) -> F:
    """Mark a resolver as a batch resolver: ``fn(parents, info, **args)`` is
    called once per wave with every parent, and returns one value per parent,
    in order (``async def`` allowed under ``execute_async``)."""
    if not callable(fn):
        raise TypeError(f"graftql.batch needs a callable, got {inspect(fn)}")
    try:
        fn.__graftql_batch__ = True  # type: ignore[attr-defined]
    except AttributeError:
        raise TypeError(
            f"graftql.batch cannot mark {inspect(fn)}: it takes no attributes; wrap it in a "
            "function"
        ) from None
    return fn


def _batch_pending(awaitable: Awaitable[Any], count: int, label: str) -> list[Pending[Any]]:
    """The slots of an async batch resolver's result, one per parent."""
    slots: list[Pending[Any]] = [Pending() for _ in range(count)]
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        if _pyinspect.iscoroutine(awaitable):
            awaitable.close()
        error = GraphQLError(
            f"Batch resolver for field '{label}' returned an awaitable in synchronous "
            "execution; use execute_async."
        )
        for slot in slots:
            slot._reject(error)
        return slots

    async def deliver() -> None:
        try:
            values = list(await awaitable)
        except Exception as error:
            for slot in slots:
                slot._reject(error)
            return
        if len(values) != count:
            wrong = GraphQLError(
                f"Batch resolver for field '{label}' returned {len(values)} values for "
                f"{count} parents; it must return one per parent."
            )
            for slot in slots:
                slot._reject(wrong)
            return
        for slot, value in zip(slots, values, strict=True):
            slot._resolve(value)

    task = loop.create_task(deliver())
    _running.add(task)
    task.add_done_callback(_running.discard)
    return slots


# ---- drivers ------------------------------------------------------------------


def run_sync(execution: Any) -> None:
    """Run an execution to the end without an event loop: DataLoaders flush
    at the end of each wave; an awaitable or an async iterable is a field
    error."""
    while (pending := execution.run()) is not None:
        _flush_loaders()
        for i, value in enumerate(pending):
            if isinstance(value, Pending):
                if value._state == 0:
                    execution.settle(i, _never_settled(execution.pending_field(i)), True)
                else:
                    execution.settle(i, value._value, value._state == 2)
                continue
            label = execution.pending_field(i)
            if _is_awaitable(value):
                if _pyinspect.iscoroutine(value):
                    value.close()
                message = (
                    f"Field '{label}' returned an awaitable, which synchronous execution "
                    "cannot wait for: use execute_async()."
                )
            else:
                message = (
                    f"Field '{label}' returned an async iterable as a list value, which "
                    "synchronous execution cannot iterate: use execute_async()."
                )
            execution.settle(i, GraphQLError(message), True)


def _is_awaitable(value: Any) -> bool:
    """Whether a pending value that is not a DataLoader promise is an
    awaitable, as the C host tells them (``is_pending``: the type's
    ``am_await`` slot, which ``__await__`` fills); the others are async
    iterables met where a list is expected."""
    return hasattr(type(value), "__await__")


async def _async_iterable_items(iterable: AsyncIterable[Any]) -> list[Any]:
    """graphql-core's "experimental" async iterable as a list value: its
    items, collected in order (an error while iterating fails the whole
    list), which the executor then completes as a list's items."""
    return [item async for item in iterable]


def _never_settled(label: str) -> GraphQLError:
    return GraphQLError(
        f"The value of field '{label}' is a DataLoader promise that was never dispatched."
    )


async def run_async(execution: Any) -> None:
    """Run an execution to the end, awaiting each wave's pending values in
    one gather. DataLoaders with keys queued in the wave dispatch first (one
    batch each); the promises they settle are handed over directly."""
    while (pending := execution.run()) is not None:
        loaders, _dispatch.loaders = _dispatch.loaders, []
        batches = [task for loader in loaders if loader._queue for task in loader._dispatch_soon()]
        waiting: list[int] = []
        for i, value in enumerate(pending):
            if not isinstance(value, Pending):
                waiting.append(i)
            elif value._state:
                execution.settle(i, value._value, value._state == 2)
            else:
                waiting.append(i)
        if not waiting:
            continue
        if batches and all(isinstance(pending[i], Pending) for i in waiting):
            # Only DataLoader promises: await their batches, not a future each.
            await asyncio.gather(*batches, return_exceptions=True)
            still = []
            for i in waiting:
                value = pending[i]
                if value._state:
                    execution.settle(i, value._value, value._state == 2)
                else:
                    still.append(i)
            waiting = still
            if not waiting:
                continue
        awaitables: list[Any] = []
        started: list[int] = []
        for i in waiting:
            value = pending[i]
            if isinstance(value, Pending):
                awaitables.append(value._future())
                started.append(i)
                continue
            if type(value) is not types.CoroutineType:
                if _is_awaitable(value):
                    awaitables.append(value)
                    started.append(i)
                    continue
                value = _async_iterable_items(value)
            # Run the coroutine to its first suspension here: most resolvers
            # (and async iterables) return without ever waiting, and then
            # need no task at all.
            try:
                yielded = value.send(None)
            except StopIteration as stop:
                execution.settle(i, stop.value, False)
                continue
            except Exception as error:
                execution.settle(i, error, True)
                continue
            awaitables.append(_Started(value, yielded))
            started.append(i)
        waiting = started
        if not waiting:
            continue
        results = await asyncio.gather(*awaitables, return_exceptions=True)
        for i, result in zip(waiting, results, strict=True):
            if isinstance(result, BaseException) and not isinstance(result, Exception):
                raise result
            execution.settle(i, result, isinstance(result, Exception))


class _Started:
    """A coroutine already run to its first suspension (run_async), as an
    awaitable that goes on from there: the task awaiting it receives what
    the coroutine yielded and sends back what the coroutine gets."""

    __slots__ = ("_coro", "_yielded")

    def __init__(self, coro: Any, yielded: Any) -> None:
        self._coro = coro
        self._yielded = yielded

    def __await__(self) -> Any:
        coro, yielded = self._coro, self._yielded
        try:
            while True:
                try:
                    sent = yield yielded
                except GeneratorExit:
                    coro.close()
                    raise
                except BaseException as exc:
                    yielded = coro.throw(exc)
                else:
                    yielded = coro.send(sent)
        except StopIteration as stop:
            return stop.value


async def _first_type(awaitables: list[Awaitable[Any]], names: list[str]) -> str | None:
    """graphql-core's default type resolver over async is_type_of results:
    the first type whose answer is true, or None."""
    results = await asyncio.gather(*awaitables)
    for result, name in zip(results, names, strict=True):
        if result:
            return name
    return None


async def _truthy(awaitable: Awaitable[Any]) -> bool:
    """An async is_type_of's answer as a bool."""
    return bool(await awaitable)


_core._set_execution_helpers(
    inspect,
    _serialize_builtin,
    _parse_literal,
    _make_error,
    _batch_pending,
    Pending,
    Path,
    _first_type,
    _truthy,
    Undefined,
)
