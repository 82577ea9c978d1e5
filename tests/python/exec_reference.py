"""The engines the execution tests run on: graphql-core 3.2.14 behind
graftql's execution API, and graftql itself.

Every test_execute_* module takes the ``engine`` fixture defined here. Its
"graphql-core" variant is ``ReferenceSchema``: the same SDL and the same
bindings (resolvers, scalars, enums, type_resolvers, is_type_of) given to
graphql-core's ``build_schema`` and attached to its types the way graftql
binds them, with ``execute``, ``execute_async`` and ``subscribe`` doing what
graphql-core's ``graphql()`` does (parse, validate, execute). The expected
values of the tests are graphql-core's: the suite passes on the reference,
and checks graftql by running the same tests on ``graftql.Schema`` once
``Schema.execute`` exists (until then its variant is skipped). graftql is
imported lazily, by the fixture, so that collecting these modules does not
import (and so rebuild) the C extension.

What graftql's API leaves open, and these tests had to assume, is kept in
one place, at the end of this module ("Where graftql may differ"), so that
it can be adjusted in one place: how ``info.return_type``,
``info.parent_type`` and the abstract type given to a type resolver show a
type, what ``info.schema`` is, and the words of graftql's own messages
(sync execution meeting an awaitable, batch and DataLoader mistakes).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Mapping
from enum import Enum
from inspect import isawaitable, iscoroutine
from typing import Any

import graphql
import pytest
from graphql import ExecutionContext, ExecutionResult, GraphQLError
from graphql.execution.execute import assert_valid_execution_arguments

__all__ = [
    "ReferenceEngine",
    "ReferenceResult",
    "ReferenceSchema",
    "engine",
    "graftql_engine",
    "info_schema",
    "type_string",
]

_NOT_SYNC = "GraphQL execution failed to complete synchronously."


class ReferenceResult:
    """graphql-core's ExecutionResult with graftql's result API: ``data``,
    ``errors`` (None when there are none), ``extensions``, ``to_dict()``
    (graphql-core's ``formatted``, without "data" for a request error, as
    the spec and graphql-js have it) and ``to_json()``."""

    def __init__(self, result: ExecutionResult, request_error: bool) -> None:
        self.result = result
        self.request_error = request_error

    @property
    def data(self) -> dict[str, Any] | None:
        return self.result.data

    @property
    def errors(self) -> list[GraphQLError] | None:
        return self.result.errors

    @property
    def extensions(self) -> dict[str, Any] | None:
        return self.result.extensions

    def to_dict(self) -> dict[str, Any]:
        formatted: dict[str, Any] = dict(self.result.formatted)
        if self.request_error:
            del formatted["data"]
        return formatted

    def to_json(self) -> bytes:
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False).encode()

    def __repr__(self) -> str:
        return f"ReferenceResult({self.to_dict()!r})"


class _ResultStream:
    """The response stream of a subscription: graphql-core's, each event's
    result wrapped as a ReferenceResult."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __aiter__(self) -> _ResultStream:
        return self

    async def __anext__(self) -> ReferenceResult:
        return ReferenceResult(await self.stream.__anext__(), False)

    async def aclose(self) -> None:
        await self.stream.aclose()


def _enum_values(values: Mapping[str, Any] | type[Enum], names: list[str]) -> dict[str, Any]:
    """The Python value of each GraphQL enum value, as graftql binds them: an
    Enum class gives its members themselves (by name), a mapping its values."""
    if isinstance(values, type) and issubclass(values, Enum):
        return {name: values.__members__[name] for name in names}
    return dict(values)


def _recompute_defaults(schema: graphql.GraphQLSchema) -> None:
    """Coerce the SDL's default values again, now that enums and scalars are
    bound: graphql-core coerced them while building, before the bindings
    (graftql's bindings are in place when a default is used). Input object
    defaults take the defaults of their fields, so this goes round until
    nothing changes."""
    holders: list[Any] = []
    for type_ in schema.type_map.values():
        if isinstance(type_, (graphql.GraphQLObjectType, graphql.GraphQLInterfaceType)):
            holders.extend(arg for field in type_.fields.values() for arg in field.args.values())
        elif isinstance(type_, graphql.GraphQLInputObjectType):
            holders.extend(type_.fields.values())
    holders = [
        holder
        for holder in holders
        if holder.ast_node is not None and holder.ast_node.default_value is not None
    ]
    for _ in range(len(holders) + 1):
        changed = False
        for holder in holders:
            value = graphql.value_from_ast(holder.ast_node.default_value, holder.type)
            if repr(value) != repr(holder.default_value):
                holder.default_value = value
                changed = True
        if not changed:
            return


class ReferenceSchema:
    """A graphql-core schema built from SDL with graftql's bindings attached.

    Each binding goes where graphql-core looks for it: a resolver is the
    field's ``resolve`` (the ``subscribe`` of a subscription root field,
    whose events are then resolved by the default resolver, as graphql-core
    does), a custom scalar's functions replace the type's own, an enum's
    Python values become its values' ``value``, a type resolver is the
    abstract type's ``resolve_type``, ``is_type_of`` the object type's.
    """

    def __init__(
        self,
        sdl: str,
        resolvers: Mapping[str, Mapping[str, Callable[..., Any] | None]] | None = None,
        *,
        scalars: Mapping[str, Any] | None = None,
        enums: Mapping[str, Mapping[str, Any] | type[Enum]] | None = None,
        type_resolvers: Mapping[str, Callable[..., Any] | None] | None = None,
        is_type_of: Mapping[str, Callable[..., Any] | None] | None = None,
    ) -> None:
        schema = graphql.build_schema(sdl)
        subscription = schema.subscription_type
        for type_name, fields in (resolvers or {}).items():
            object_type = schema.type_map[type_name]
            assert isinstance(object_type, graphql.GraphQLObjectType), type_name
            for field_name, resolver in fields.items():
                field = object_type.fields[field_name]
                if object_type is subscription:
                    field.subscribe = resolver
                else:
                    field.resolve = resolver
        for name, implementation in (scalars or {}).items():
            scalar = schema.type_map[name]
            assert isinstance(scalar, graphql.GraphQLScalarType), name
            for attribute in ("serialize", "parse_value", "parse_literal"):
                function = getattr(implementation, attribute, None)
                if function is not None:
                    setattr(scalar, attribute, function)
        for name, values in (enums or {}).items():
            enum_type = schema.type_map[name]
            assert isinstance(enum_type, graphql.GraphQLEnumType), name
            for value_name, value in _enum_values(values, list(enum_type.values)).items():
                enum_type.values[value_name].value = value
        for name, function in (type_resolvers or {}).items():
            abstract = schema.type_map[name]
            assert isinstance(abstract, (graphql.GraphQLInterfaceType, graphql.GraphQLUnionType))
            abstract.resolve_type = function
        for name, function in (is_type_of or {}).items():
            object_type = schema.type_map[name]
            assert isinstance(object_type, graphql.GraphQLObjectType), name
            object_type.is_type_of = function
        if enums or scalars:
            _recompute_defaults(schema)
        graphql.assert_valid_schema(schema)
        self.graphql_schema = schema

    def _prepare(self, query: str) -> graphql.DocumentNode | ReferenceResult:
        """The document, or the result of a request that fails before execution
        (syntax or validation errors), as graphql-core's graphql() returns it."""
        try:
            document = graphql.parse(query)
        except GraphQLError as error:
            return ReferenceResult(ExecutionResult(None, [error]), True)
        errors = graphql.validate(self.graphql_schema, document)
        if errors:
            return ReferenceResult(ExecutionResult(None, errors), True)
        return document

    def _start(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        root_value: Any,
        context_value: Any,
    ) -> tuple[Any, dict[str, bool]] | ReferenceResult:
        document = self._prepare(query)
        if isinstance(document, ReferenceResult):
            return document
        assert_valid_execution_arguments(self.graphql_schema, document, variables)
        built: dict[str, bool] = {}

        class Context(ExecutionContext):
            # Tells whether graphql-core could start executing: when not (an
            # unknown operation, variables that do not coerce), its errors are
            # request errors.
            @classmethod
            def build(cls, *args: Any, **kwargs: Any) -> Any:
                context = super().build(*args, **kwargs)
                built["request_error"] = isinstance(context, list)
                return context

        result = graphql.execute(
            self.graphql_schema,
            document,
            root_value,
            context_value,
            variables,
            operation_name,
            execution_context_class=Context,
        )
        return result, built

    def execute(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        root_value: Any = None,
        context_value: Any = None,
    ) -> ReferenceResult:
        started = self._start(query, variables, operation_name, root_value, context_value)
        if isinstance(started, ReferenceResult):
            return started
        result, built = started
        if isawaitable(result):
            if iscoroutine(result):
                result.close()
            raise RuntimeError(_NOT_SYNC)
        return ReferenceResult(result, built["request_error"])

    async def execute_async(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        root_value: Any = None,
        context_value: Any = None,
    ) -> ReferenceResult:
        started = self._start(query, variables, operation_name, root_value, context_value)
        if isinstance(started, ReferenceResult):
            return started
        result, built = started
        if isawaitable(result):
            result = await result
        return ReferenceResult(result, built["request_error"])

    async def subscribe(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        root_value: Any = None,
        context_value: Any = None,
    ) -> AsyncIterator[ReferenceResult] | ReferenceResult:
        document = self._prepare(query)
        if isinstance(document, ReferenceResult):
            return document
        stream = await graphql.subscribe(
            self.graphql_schema, document, root_value, context_value, variables, operation_name
        )
        if isinstance(stream, ExecutionResult):
            # The subscription could not start: no event stream, no data.
            return ReferenceResult(stream, True)
        return _ResultStream(stream)


class ReferenceEngine:
    """graphql-core 3.2.14 behind graftql's API."""

    name = "graphql-core"
    GraphQLError = GraphQLError
    SourceLocation = graphql.SourceLocation
    Undefined = graphql.Undefined

    def schema(self, sdl: str, resolvers: Any = None, **bindings: Any) -> ReferenceSchema:
        return ReferenceSchema(sdl, resolvers, **bindings)

    def info_schema(self, schema: ReferenceSchema) -> Any:
        """What ``info.schema`` is for resolvers of ``schema``."""
        return schema.graphql_schema


class GraftqlEngine:
    """graftql itself (its module imported by the fixture)."""

    name = "graftql"

    def __init__(self, module: Any) -> None:
        self.module = module
        self.GraphQLError = module.GraphQLError
        self.SourceLocation = module.SourceLocation
        self.Undefined = module.Undefined

    def schema(self, sdl: str, resolvers: Any = None, **bindings: Any) -> Any:
        return self.module.Schema(sdl, resolvers, **bindings)

    def info_schema(self, schema: Any) -> Any:
        # Assumed: info.schema is the graftql.Schema the resolver is bound to.
        return schema


def _graftql() -> Any:
    """graftql, imported now (this builds the C extension in a development
    install); the test is skipped while Schema has no executor."""
    import graftql

    if not hasattr(graftql.Schema, "execute"):
        pytest.skip("graftql.Schema has no execute() yet")
    return graftql


@pytest.fixture(params=["graphql-core", "graftql"])
def engine(request: pytest.FixtureRequest) -> Any:
    """The engine a test runs on: the reference, then graftql."""
    if request.param == "graftql":
        return GraftqlEngine(_graftql())
    return ReferenceEngine()


@pytest.fixture(params=["graftql"])
def graftql_engine(request: pytest.FixtureRequest) -> GraftqlEngine:
    """graftql only, for what graphql-core has no counterpart of (batch
    resolvers, DataLoader, sync execution meeting an awaitable). Its one
    parameter puts "graftql" in the test ids, as the engine fixture's
    graftql variant has it, so that ``-k "not graftql"`` leaves it out."""
    return GraftqlEngine(_graftql())


# ---- Where graftql may differ ---------------------------------------------
#
# graphql-core hands resolvers its type objects; graftql's API does not say
# whether info.return_type, info.parent_type and the abstract type passed to
# a type resolver are TypeViews or type strings. The tests compare them only
# through type_string(), as SDL type text: "[Int!]!", "Query".


def type_string(type_: Any) -> str:
    """A type as SDL text, whatever an engine gives: graphql-core's named
    types by name, its wrapping types as str() prints them ("[Int!]!");
    graftql's type strings as they are, its TypeViews by name."""
    if isinstance(type_, str):
        return type_
    name = getattr(type_, "name", None)
    if isinstance(name, str):
        return name
    return str(type_)


def info_schema(engine: Any, schema: Any) -> Any:
    """What info.schema must be for resolvers bound in schema."""
    return engine.info_schema(schema)


#: Words graftql's error for a sync execute() meeting an awaitable must
#: contain besides the field's coordinate ("Query.field"): it names the way out.
SYNC_AWAITABLE_HINT = "execute_async"


# Two differences are graftql's by design, each documented in
# docs/architecture.md ("Differences from graphql-core"):
#
# - Resolvers of a level start plan field by plan field (every parent's
#   "name", then every parent's "score"), not object by object as
#   graphql-core's depth-first walk starts them: that is what breadth-first
#   waves are. Either way all of a level's awaitables are awaited together.
# - The September 2025 spec's "Operation Type Existence" validation rule:
#   a document with an operation the schema has no root type for is invalid,
#   even when another operation is the one executed (graphql-core 3.2
#   predates the rule and executes the chosen one).


def first_starts(engine: Any, fields: list[str], ids: list[str]) -> list[str]:
    """The order in which an engine starts the resolvers of one level:
    ``fields`` of each object in ``ids``."""
    if engine.name == "graftql":
        return [f"start {f} {i}" for f in fields for i in ids]
    return [f"start {f} {i}" for i in ids for f in fields]


def lacking_operation_type_result(engine: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The result of executing ``query A { answer } mutation B { answer }``'s
    query on a schema without mutations (``data`` is what graphql-core gives)."""
    if engine.name == "graftql":
        message = "The mutation operation is not supported by the schema."
        return {"errors": [{"message": message, "locations": [{"line": 1, "column": 20}]}]}
    return {"data": data}
