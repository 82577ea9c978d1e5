"""graftql.Schema: a schema built from SDL, with Python bound to it.

The SDL is parsed and built by the C core (graftql._core.build_schema); this
module reads the sources, turns the core's errors into ``SchemaError``, and
checks what the user binds (resolvers, custom scalars, enum values, type
resolvers, is_type_of) against the schema before storing it in the core's
per-type tables, where the executor finds it by index. Every mistake is
reported, each naming what was wrong, what is allowed and what exists, with
"Did you mean" suggestions computed by the core as graphql-core computes
them.
"""

from __future__ import annotations

import enum
import inspect
import os
import types
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from graftql import _core
from graftql._core import Document, EnumValueView, FieldView, InputValueView, TypeView
from graftql.error import (
    GraphQLError,
    GraphQLSyntaxError,
    NodeLocation,
    SchemaError,
    _schema_error_from_core,
)
from graftql.execution import ExecutionResult, run_async, run_sync
from graftql.execution import inspect as inspect_value
from graftql.language import OperationType
from graftql.validation import ValidationRule

__all__ = [
    "EnumValueView",
    "FieldView",
    "InputValueView",
    "SDLSource",
    "Schema",
    "TypeView",
    "print_introspection_schema",
]

#: One SDL source: text, a path to a file of SDL (UTF-8), or a parsed Document.
SDLSource: TypeAlias = str | os.PathLike[str] | Document

#: graphql-core's name for a source that is not a file.
DEFAULT_SOURCE_NAME = "GraphQL request"

#: The specified scalars: their serialization is fixed by the spec.
_SPECIFIED_SCALARS = frozenset({"Int", "Float", "String", "Boolean", "ID"})

#: How many names an error lists when it has no suggestion to make.
_MAX_LISTED = 10

# Limits for parsing SDL: a schema is trusted input, as in graphql-core's
# build_schema, which parses without a token limit. The core clamps these
# to the most it can count.
_UNLIMITED = 2**63

_KIND_WORDS = {
    "SCALAR": "a scalar type",
    "OBJECT": "an object type",
    "INTERFACE": "an interface type",
    "UNION": "a union type",
    "ENUM": "an enum type",
    "INPUT_OBJECT": "an input object type",
}

_SCALAR_FUNCTIONS = ("serialize", "parse_value", "parse_literal")

#: What each binding parameter applies to: the kinds, and how to say them.
_APPLIES_TO: dict[str, tuple[tuple[str, ...], str]] = {
    "resolvers": (("OBJECT",), "object types"),
    "scalars": (("SCALAR",), "custom scalar types"),
    "enums": (("ENUM",), "enum types"),
    "type_resolvers": (("INTERFACE", "UNION"), "interface and union types"),
    "is_type_of": (("OBJECT",), "object types"),
}

_TYPE_RESOLVER_HINT = "Resolve the type of its values with type_resolvers={{'{name}': fn}}."

#: What to do instead, for a type of the wrong kind in a parameter.
_HINTS: dict[tuple[str, str], str] = {
    ("resolvers", "SCALAR"): "Bind a custom scalar's functions with scalars={{'{name}': ...}}.",
    ("resolvers", "ENUM"): "Map enum values to Python values with enums={{'{name}': ...}}.",
    ("resolvers", "INTERFACE"): _TYPE_RESOLVER_HINT[:-1]
    + "; resolve its fields on the object types that implement it.",
    ("resolvers", "UNION"): _TYPE_RESOLVER_HINT,
    ("resolvers", "INPUT_OBJECT"): "Input object types have no resolvers.",
    ("scalars", "ENUM"): "Map enum values to Python values with enums={{'{name}': ...}}.",
    ("enums", "SCALAR"): "Bind a custom scalar's functions with scalars={{'{name}': ...}}.",
    ("type_resolvers", "OBJECT"): (
        "Its values need no type resolver; to tell them from other types' values "
        "use is_type_of={{'{name}': fn}}."
    ),
    ("is_type_of", "INTERFACE"): _TYPE_RESOLVER_HINT,
    ("is_type_of", "UNION"): _TYPE_RESOLVER_HINT,
}


def _read_sources(sdl: SDLSource | Iterable[SDLSource]) -> list[tuple[str | Document, str]]:
    """The sources of ``sdl`` as (text or Document, name), files read."""
    if isinstance(sdl, (str, os.PathLike, Document)):
        items: list[Any] = [sdl]
    elif isinstance(sdl, (bytes, bytearray, memoryview)):
        raise TypeError(
            "Schema() expects SDL as a str, a path or a sequence of those, got bytes: "
            "decode it first, e.g. sdl.decode('utf-8')"
        )
    elif isinstance(sdl, Iterable):
        items = list(sdl)
    else:
        raise TypeError(
            "Schema() expects SDL as a str, a path (os.PathLike) or a sequence of those, "
            f"got {type(sdl).__name__}"
        )
    sources: list[tuple[str | Document, str]] = []
    for item in items:
        if isinstance(item, (str, Document)):
            sources.append((item, DEFAULT_SOURCE_NAME))
        elif isinstance(item, os.PathLike):
            name = os.fsdecode(os.fspath(item))
            with open(item, "rb") as file:
                data = file.read()
            try:
                # Bytes, not text mode: "\r\n" must reach the parser as it
                # is, or columns would be off.
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ValueError(
                    f"{name} is not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
                ) from None
            sources.append((text, name))
        else:
            raise TypeError(
                "Schema() expects each SDL source to be a str, a path (os.PathLike) or a "
                f"Document, got {type(item).__name__}"
            )
    return sources


def _parse_sources(
    sources: list[tuple[str | Document, str]],
) -> tuple[list[Document], list[tuple[str, str]]]:
    """Parse every source; SchemaError with the syntax errors of all of them."""
    documents: list[Document] = []
    texts: list[tuple[str, str]] = []
    errors: list[GraphQLError] = []
    for source, name in sources:
        if isinstance(source, Document):
            documents.append(source)
            texts.append((source.source, name))
            continue
        texts.append((source, name))
        try:
            documents.append(
                _core.parse(source, max_tokens=_UNLIMITED, max_source_length=_UNLIMITED)
            )
        except GraphQLSyntaxError as error:
            if error.positions and error.locations:
                error.nodes = [
                    NodeLocation(source, name, position, location)
                    for position, location in zip(error.positions, error.locations, strict=True)
                ]
            errors.append(error)
    if errors:
        raise SchemaError(errors)
    return documents, texts


def _listing(names: list[str]) -> str:
    """'A', 'B' and 'C' (the first few of many, then how many more)."""
    quoted = [f"'{name}'" for name in names[:_MAX_LISTED]]
    if not quoted:
        return "none"
    if len(names) > _MAX_LISTED:
        return ", ".join(quoted) + f" and {len(names) - _MAX_LISTED} more"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _did_you_mean_or_list(name: str, options: list[str], what: str) -> str:
    """graphql-core's " Did you mean ...?" for name among options; without a
    close option, the options themselves ("The schema's <what> are ...")."""
    suggestions = _core.suggestion_list(name, options)
    if suggestions:
        return _core.did_you_mean(suggestions)
    if not options:
        return f" The schema has no {what}."
    if len(options) == 1:
        return f" The schema's only {what[:-1]} is '{options[0]}'."
    return f" The schema's {what} are {_listing(options)}."


def _describe(value: object) -> str:
    """A value for a message: its type's name."""
    return type(value).__name__


class _Binder:
    """Checks and stores what Schema() binds; collects an error per mistake."""

    def __init__(self, core: _core.CoreSchema) -> None:
        self.core = core
        self.errors: list[GraphQLError] = []
        self._own_types: list[tuple[str, str]] | None = None

    def error(self, message: str) -> None:
        self.errors.append(GraphQLError(message))

    def names_of(self, *kinds: str) -> list[str]:
        """The schema's own types (not built in) of the given kinds, in type
        map order (worked out on the first error only)."""
        if self._own_types is None:
            self._own_types = []
            for name in self.core.type_names:
                view = self.core.get_type(name)
                if view is not None and not view.is_builtin:
                    self._own_types.append((name, view.kind))
        return [name for name, kind in self._own_types if kind in kinds]

    def target(self, name: object, parameter: str) -> TypeView | None:
        """The type ``name`` a binding in ``parameter`` is for, if it is one of
        the schema's own types of a kind the parameter applies to; else None
        after reporting why not."""
        if not isinstance(name, str):
            self.error(f"{parameter} keys must be type names (str), got {_describe(name)}.")
            return None
        kinds, what = _APPLIES_TO[parameter]
        view = self.core.get_type(name)
        if view is None:
            self.error(
                f"Unknown type '{name}' in {parameter}."
                + _did_you_mean_or_list(name, self.names_of(*kinds), what)
            )
            return None
        if view.is_builtin and view.kind != "SCALAR":
            self.error(
                f"Type '{name}' in {parameter} is an introspection type: "
                "introspection is built in and cannot be bound."
            )
            return None
        if view.kind not in kinds:
            hint = _HINTS.get((parameter, view.kind))
            self.error(
                f"Type '{name}' in {parameter} is {_KIND_WORDS[view.kind]}: "
                f"only {what} go in {parameter}=." + (" " + hint.format(name=name) if hint else "")
            )
            return None
        return view

    # ---- resolvers ---------------------------------------------------------

    def resolvers(self, resolvers: Mapping[str, Mapping[str, Callable[..., Any] | None]]) -> None:
        for type_name, fields in resolvers.items():
            view = self.target(type_name, "resolvers")
            if view is None:
                continue
            if not isinstance(fields, Mapping):
                self.error(
                    f"resolvers['{type_name}'] must be a mapping of field names to resolvers, "
                    f"got {_describe(fields)}."
                )
                continue
            for field_name, resolver in fields.items():
                if not isinstance(field_name, str):
                    self.error(
                        f"resolvers['{type_name}'] keys must be field names (str), "
                        f"got {_describe(field_name)}."
                    )
                    continue
                if resolver is not None and not callable(resolver):
                    self.error(
                        f"The resolver of '{type_name}.{field_name}' must be callable, "
                        f"got {_describe(resolver)}."
                    )
                    continue
                try:
                    self.core._set_resolver(type_name, field_name, resolver)
                except KeyError:
                    field_names = list(view.fields or ())
                    suggestions = _core.suggestion_list(field_name, field_names)
                    self.error(
                        f"Unknown field '{type_name}.{field_name}' in resolvers."
                        + (
                            _core.did_you_mean(suggestions)
                            if suggestions
                            else f" The fields of '{type_name}' are {_listing(field_names)}."
                        )
                    )

    # ---- scalars -----------------------------------------------------------

    def scalars(self, scalars: Mapping[str, object]) -> None:
        for name, implementation in scalars.items():
            if isinstance(name, str) and name in _SPECIFIED_SCALARS:
                self.error(
                    f"Type '{name}' in scalars is a specified scalar: its serialization is "
                    "fixed by the GraphQL specification. Declare a custom scalar in the SDL "
                    f"(scalar My{name}) to serialize values your way."
                )
                continue
            view = self.target(name, "scalars")
            if view is None:
                continue
            functions = self._scalar_functions(view.name, implementation)
            if functions is not None:
                self.core._set_scalar(view.name, *functions)

    def _scalar_functions(
        self, name: str, implementation: object
    ) -> (
        tuple[Callable[..., Any] | None, Callable[..., Any] | None, Callable[..., Any] | None]
        | None
    ):
        """serialize, parse_value and parse_literal of an implementation (None:
        graphql-core's default), or None after reporting what is wrong."""
        label = (
            implementation.__name__
            if isinstance(implementation, type)
            else f"{type(implementation).__name__} instance"
        )
        found: list[Callable[..., Any] | None] = []
        ok = True
        for attribute in _SCALAR_FUNCTIONS:
            function = getattr(implementation, attribute, None)
            if function is None:
                found.append(None)
                continue
            if not callable(function):
                self.error(
                    f"Scalar '{name}': {attribute} of {label} must be callable, "
                    f"got {_describe(function)}."
                )
                ok = False
                continue
            if isinstance(implementation, type) and isinstance(
                inspect.getattr_static(implementation, attribute, None), types.FunctionType
            ):
                self.error(
                    f"Scalar '{name}': {label}.{attribute} is an instance method but a class "
                    f"was given: pass an instance ({label}()) or make it a staticmethod."
                )
                ok = False
                continue
            found.append(function)
        if not ok:
            return None
        if all(function is None for function in found):
            self.error(
                f"Scalar '{name}' in scalars must be an object or a class with serialize, "
                f"parse_value or parse_literal, got {_describe(implementation)}."
            )
            return None
        serialize, parse_value, parse_literal = found
        if parse_literal is not None and parse_value is None:
            self.error(
                f"Scalar '{name}' has parse_literal but no parse_value: provide both "
                "(variables go through parse_value, literals through parse_literal)."
            )
            return None
        return serialize, parse_value, parse_literal

    # ---- enums -------------------------------------------------------------

    def enums(self, enums: Mapping[str, Mapping[str, Any] | type[enum.Enum]]) -> None:
        for name, values in enums.items():
            view = self.target(name, "enums")
            if view is None:
                continue
            value_names = list(view.enum_values or ())
            if isinstance(values, type) and issubclass(values, enum.Enum):
                # Members by name, aliases included where the enum has a
                # value of that name (an alias is another name for a member:
                # one the enum lacks is no mistake).
                members: Mapping[str, Any] = {
                    key: member
                    for key, member in values.__members__.items()
                    if key == member.name or key in value_names
                }
                where = f" (a member of {values.__name__})"
                for value_name in value_names:
                    if value_name not in members:
                        self.error(
                            f"Enum '{name}' value '{value_name}' has no member in the Python "
                            f"enum {values.__name__}: an enum.Enum class must have a member "
                            "named after every value."
                        )
            elif isinstance(values, Mapping):
                members = values
                where = ""
            else:
                self.error(
                    f"enums['{name}'] must be a mapping of value names to Python values or an "
                    f"enum.Enum subclass, got {_describe(values)}."
                )
                continue
            for value_name, value in members.items():
                if not isinstance(value_name, str):
                    self.error(
                        f"enums['{name}'] keys must be value names (str), "
                        f"got {_describe(value_name)}."
                    )
                    continue
                try:
                    self.core._set_enum_value(name, value_name, value)
                except KeyError:
                    suggestions = _core.suggestion_list(value_name, value_names)
                    self.error(
                        f"Unknown value '{name}.{value_name}' in enums{where}."
                        + (
                            _core.did_you_mean(suggestions)
                            if suggestions
                            else f" The values of '{name}' are {_listing(value_names)}."
                        )
                    )

    # ---- abstract types ----------------------------------------------------

    def type_resolvers(self, type_resolvers: Mapping[str, Callable[..., Any] | None]) -> None:
        for name, function in type_resolvers.items():
            view = self.target(name, "type_resolvers")
            if view is None:
                continue
            if function is not None and not callable(function):
                self.error(
                    f"The type resolver of '{name}' must be callable, got {_describe(function)}."
                )
                continue
            self.core._set_type_resolver(name, function)

    def is_type_of(self, is_type_of: Mapping[str, Callable[..., Any] | None]) -> None:
        for name, function in is_type_of.items():
            view = self.target(name, "is_type_of")
            if view is None:
                continue
            if function is not None and not callable(function):
                self.error(f"is_type_of of '{name}' must be callable, got {_describe(function)}.")
                continue
            self.core._set_is_type_of(name, function)


def _mapping_argument(value: object, name: str, expected: str) -> Mapping[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"Schema() argument '{name}' must be {expected}, got {_describe(value)}")
    return value


class Schema:
    """A GraphQL schema from SDL, with Python resolvers, scalars and enums bound.

    :param sdl: SDL text (a ``str``), a path to an SDL file (``pathlib.Path``
        or any ``os.PathLike``; a ``str`` is always SDL text, never a path),
        a parsed ``Document``, or an iterable of those, read in order as one
        document (graphql-core's ``concat_ast``). Errors name the file.
    :param resolvers: ``{object type: {field: fn(parent, info, **args)}}``;
        ``None`` for a field keeps the default resolver.
    :param scalars: ``{custom scalar: implementation}``: an object, or a class
        with static methods, supplying ``serialize``, ``parse_value`` and
        ``parse_literal``; those missing keep graphql-core's defaults
        (identity, and ``parse_value`` of the untyped literal). ``parse_value``
        and ``parse_literal`` refuse a value by raising or by returning
        ``graftql.Undefined``; literals are parsed when validating.
    :param enums: ``{enum: values}``: a mapping ``{GraphQL value name: Python
        value}`` (values left out stand for their name), or an ``enum.Enum``
        subclass whose members match the values by name. With an Enum class
        the Python values are the members themselves, as graphql-core's
        ``GraphQLEnumType(..., names_as_values=None)`` and Ariadne have them
        (graphql-core's default takes ``member.value``): resolvers return
        ``Color.RED`` and arguments arrive as ``Color.RED``.
    :param type_resolvers: ``{interface or union: fn(value, info,
        abstract_type) -> type name}``.
    :param is_type_of: ``{object type: fn(value, info) -> bool}``, for
        abstract types without a type resolver (graphql-core's
        ``is_type_of``); else a ``__typename`` key or attribute names the type.
    :param introspection: whether operations may query ``__schema`` and
        ``__type``; off, ``validate`` reports every field that returns an
        introspection type, as graphql-core's ``NoSchemaIntrospectionCustomRule``
        does. ``introspect()`` works either way.
    :param assume_valid: skip the SDL rules and schema validation, as
        graphql-core's ``assume_valid`` does, for a schema known to be valid
        (checked in CI) that should load faster. Undefined type references
        still raise.

    :raises SchemaError: with every error found: SDL syntax errors (of every
        source), SDL rule errors, schema validation errors (graphql-core's
        ``validate_schema``: unlike graphql-core's ``build_schema``, an invalid
        schema is refused here rather than when first executed), and every
        binding that names something the schema lacks or is not callable.
    :raises OSError: a file cannot be read. ``ValueError``: it is not UTF-8.
    """

    __slots__ = ("__weakref__", "_core", "_plans", "plan_cache_size", "plan_hits", "plan_misses")

    _core: _core.CoreSchema

    def __init__(
        self,
        sdl: SDLSource | Iterable[SDLSource],
        resolvers: Mapping[str, Mapping[str, Callable[..., Any] | None]] | None = None,
        *,
        scalars: Mapping[str, object] | None = None,
        enums: Mapping[str, Mapping[str, Any] | type[enum.Enum]] | None = None,
        type_resolvers: Mapping[str, Callable[..., Any] | None] | None = None,
        is_type_of: Mapping[str, Callable[..., Any] | None] | None = None,
        introspection: bool = True,
        assume_valid: bool = False,
        plan_cache_size: int = 1000,
    ) -> None:
        if isinstance(plan_cache_size, bool) or not isinstance(plan_cache_size, int):
            raise TypeError("Schema() argument 'plan_cache_size' must be an int")
        if plan_cache_size < 0:
            raise ValueError(
                f"Schema() argument 'plan_cache_size' must be 0 or more, got {plan_cache_size}"
            )
        self.plan_cache_size = plan_cache_size
        self.plan_hits = 0
        self.plan_misses = 0
        self._plans: OrderedDict[str, tuple[Document | None, list[GraphQLError]]] = OrderedDict()
        bindings = (
            _mapping_argument(resolvers, "resolvers", "a mapping {type name: {field name: fn}}"),
            _mapping_argument(scalars, "scalars", "a mapping {scalar name: implementation}"),
            _mapping_argument(enums, "enums", "a mapping {enum name: values}"),
            _mapping_argument(type_resolvers, "type_resolvers", "a mapping {type name: fn}"),
            _mapping_argument(is_type_of, "is_type_of", "a mapping {type name: fn}"),
        )
        if not isinstance(introspection, bool):
            raise TypeError("Schema() argument 'introspection' must be a bool")
        if not isinstance(assume_valid, bool):
            raise TypeError("Schema() argument 'assume_valid' must be a bool")
        documents, texts = _parse_sources(_read_sources(sdl))
        core, found = _core.build_schema(
            documents, assume_valid=assume_valid, introspection=introspection
        )
        errors = [
            _schema_error_from_core(message, locations, texts) for message, locations in found
        ]
        if core is not None:
            binder = _Binder(core)
            binder.resolvers(bindings[0])
            binder.scalars(bindings[1])
            binder.enums(bindings[2])
            binder.type_resolvers(bindings[3])
            binder.is_type_of(bindings[4])
            errors.extend(binder.errors)
        if errors or core is None:
            raise SchemaError(errors)
        core._freeze()
        self._core = core

    # ---- what the schema is ------------------------------------------------

    @property
    def query_type(self) -> str | None:
        """The name of the query root type, or None."""
        return self._core.query_type

    @property
    def mutation_type(self) -> str | None:
        """The name of the mutation root type, or None."""
        return self._core.mutation_type

    @property
    def subscription_type(self) -> str | None:
        """The name of the subscription root type, or None."""
        return self._core.subscription_type

    @property
    def type_names(self) -> tuple[str, ...]:
        """Every type's name, in graphql-core's type map order (the SDL's
        types in order, each followed by the built-in types it first uses,
        then the introspection types)."""
        return self._core.type_names

    @property
    def description(self) -> str | None:
        """The schema definition's description, or None."""
        return self._core.description

    @property
    def introspection(self) -> bool:
        """Whether operations may query ``__schema`` and ``__type``."""
        return self._core.introspection

    @property
    def is_valid(self) -> bool:
        """Whether schema validation passed (a Schema is only made when it did;
        with ``assume_valid=True`` it was assumed)."""
        return self._core.is_valid

    def get_type(self, name: str) -> TypeView | None:
        """A read-only view of the named type, or None when there is none.

        The view reads the C schema when its attributes are read and keeps
        the schema alive as long as it lives.
        """
        return self._core.get_type(name)

    def print(self) -> str:
        """The schema as SDL, exactly as graphql-core's ``print_schema``."""
        return self._core.print_schema()

    def introspect(
        self,
        *,
        descriptions: bool = True,
        specified_by_url: bool = True,
        directive_is_repeatable: bool = True,
        schema_description: bool = True,
        input_value_deprecation: bool = True,
        input_object_one_of: bool = True,
        experimental_directive_deprecation: bool = True,
    ) -> dict[str, Any]:
        """The result of the standard introspection query, exactly as graphql-core's
        ``introspection_from_schema`` with the same options gives it (the
        ``{"__schema": ...}`` data, for codegen and schema registries).

        It works with ``introspection=False`` too: that switches off
        introspection in operations, not for the schema's owner.
        """
        return self._core.introspect(
            descriptions=descriptions,
            specified_by_url=specified_by_url,
            directive_is_repeatable=directive_is_repeatable,
            schema_description=schema_description,
            input_value_deprecation=input_value_deprecation,
            input_object_one_of=input_object_one_of,
            experimental_directive_deprecation=experimental_directive_deprecation,
        )

    def validate(
        self,
        source_or_document: str | Document,
        *,
        rules: Sequence[type[ValidationRule]] | None = None,
        max_errors: int = 100,
        suggestions: bool = True,
    ) -> list[GraphQLError]:
        """Validate an operation document against the schema, as graphql-core's
        ``validate(schema, document)``: every error, with graphql-core's
        messages, locations and order; an empty list when the document is valid.

        :param source_or_document: the document as text (parsed with
            ``graftql.parse``'s default limits) or as a parsed ``Document``.
        :param rules: ``ValidationRule`` subclasses run *after* the specified
            rules, in the same walk (graphql-core's ``rules=`` replaces the
            specified rules instead).
        :param max_errors: after this many errors, the next one is replaced by
            "Too many validation errors, error limit reached. Validation
            aborted." and validation stops (graphql-core's ``max_errors``).
        :param suggestions: ``False`` leaves the "Did you mean ...?" hints out
            of messages, so that they do not reveal the schema's names
            (graphql-core's ``hide_suggestions=True``).

        With ``introspection=False``, fields returning introspection types
        (``__schema``, ``__type`` and what they select) are errors, as with
        graphql-core's ``NoSchemaIntrospectionCustomRule`` after the specified
        rules. Literals of custom scalars go through their ``parse_literal``
        (graphql-core's ``ValuesOfCorrectTypeRule``): a ``GraphQLError`` it
        raises is reported as it is.

        :raises GraphQLSyntaxError: the text is not a GraphQL document
            (graphql-core's validate takes parsed documents only).
        :raises TypeError: an argument of the wrong type, or a rule that is not
            a ``ValidationRule`` subclass.
        """
        if isinstance(source_or_document, str):
            document = _core.parse(source_or_document)
        elif isinstance(source_or_document, Document):
            document = source_or_document
        else:
            raise TypeError(
                "validate() expects the document as a str or a graftql.Document, "
                f"got {_describe(source_or_document)}"
                + (
                    ": decode it first, e.g. source.decode('utf-8')"
                    if isinstance(source_or_document, (bytes, bytearray, memoryview))
                    else ""
                )
            )
        if isinstance(max_errors, bool) or not isinstance(max_errors, int):
            raise TypeError(
                f"validate() argument 'max_errors' must be an int, got {_describe(max_errors)}"
            )
        if max_errors < 0:
            raise ValueError(
                f"validate() argument 'max_errors' must be 0 or more, got {max_errors}"
            )
        if not isinstance(suggestions, bool):
            raise TypeError(
                f"validate() argument 'suggestions' must be a bool, got {_describe(suggestions)}"
            )
        return self._core.validate(document, max_errors, suggestions, _rule_classes(rules), self)

    # ---- execution ----------------------------------------------------------

    def _prepare(self, source: str | Document) -> tuple[Document | None, list[GraphQLError]]:
        """The parsed and validated document for source, from the plan cache
        (an LRU keyed by the text) when it was seen before."""
        if isinstance(source, Document):
            return source, self.validate(source)
        if not isinstance(source, str):
            raise TypeError(
                f"execute() expects the operation as a str or a graftql.Document, got "
                f"{_describe(source)}"
            )
        plans = self._plans
        entry = plans.get(source)
        if entry is not None:
            self.plan_hits += 1
            plans.move_to_end(source)
            return entry
        self.plan_misses += 1
        try:
            document: Document | None = _core.parse(source)
        except GraphQLError as error:
            entry = (None, [error])
        else:
            assert document is not None
            entry = (document, self.validate(document))
        if self.plan_cache_size:
            plans[source] = entry
            if len(plans) > self.plan_cache_size:
                plans.popitem(last=False)
        return entry

    def operation_type(
        self, source: str | Document, operation_name: str | None = None
    ) -> OperationType | None:
        """The type of the operation that executing ``source`` with
        ``operation_name`` would run, without running it: what an HTTP server
        needs to refuse a mutation over GET before executing anything.

        The text is parsed through the plan cache, so asking and then
        executing parses it once. The document need not be valid. ``None``
        when there is no such operation: the text does not parse, it has
        several operations and no name was given, or none of that name;
        executing it reports why, in graphql-core's words.
        """
        document = source if isinstance(source, Document) else self._prepare(source)[0]
        if document is None:
            return None
        selected: str | None = None
        for definition in document.to_dict()["definitions"]:
            if definition["kind"] != "operation_definition":
                continue
            if operation_name is None:
                if selected is not None:
                    return None
                selected = definition["operation"]
            elif definition["name"] is not None and definition["name"]["value"] == operation_name:
                selected = definition["operation"]
        return None if selected is None else OperationType(selected)

    def _start(
        self,
        source: str | Document,
        variables: Mapping[str, Any] | None,
        operation_name: str | None,
        root_value: Any,
        context_value: Any,
        async_mode: bool,
        source_mode: bool = False,
        event: tuple[Any, ...] = (),
    ) -> Any:
        document, errors = self._prepare(source)
        if errors or document is None:
            return ExecutionResult(None, errors)
        if variables is not None and not isinstance(variables, dict):
            raise TypeError(
                "Variable values must be provided as a dictionary with variable names as "
                "keys. Perhaps look to see if an unparsed JSON string was provided."
            )
        if operation_name is not None and not isinstance(operation_name, str):
            raise TypeError(
                f"execute() argument 'operation_name' must be a str or None, got "
                f"{_describe(operation_name)}"
            )
        return self._core.execute(
            document,
            self,
            root_value,
            variables,
            operation_name,
            context_value,
            async_mode,
            source_mode,
            event,
        )

    def execute(
        self,
        source: str | Document,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
        root_value: Any = None,
        context_value: Any = None,
    ) -> ExecutionResult:
        """Execute an operation synchronously (graphql-core's ``graphql_sync``).

        The text is parsed and validated once and kept in the plan cache, so
        a repeated query costs only its execution. Syntax and validation
        errors, and variables that do not coerce, are request errors: the
        result has errors and no data. A resolver that returns an awaitable
        gets a field error naming it (use ``execute_async``); DataLoaders are
        flushed at the end of each wave.
        """
        execution = self._start(source, variables, operation_name, root_value, context_value, False)
        if isinstance(execution, ExecutionResult):
            return execution
        run_sync(execution)
        return ExecutionResult(_execution=execution)

    async def execute_async(
        self,
        source: str | Document,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
        root_value: Any = None,
        context_value: Any = None,
    ) -> ExecutionResult:
        """Execute an operation, awaiting what resolvers return (graphql-core's
        ``graphql``): the awaitables of each wave are awaited together, in one
        gather, and DataLoaders dispatch at the end of each wave."""
        execution = self._start(source, variables, operation_name, root_value, context_value, True)
        if isinstance(execution, ExecutionResult):
            return execution
        await run_async(execution)
        return ExecutionResult(_execution=execution)

    async def subscribe(
        self,
        source: str | Document,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
        root_value: Any = None,
        context_value: Any = None,
    ) -> AsyncIterator[ExecutionResult] | ExecutionResult:
        """Subscribe (graphql-core's ``subscribe``): the subscription root
        field's resolver returns the source stream (an async iterable, e.g. an
        async generator); the result is an async iterator of
        ``ExecutionResult``, one per event, each event being the root field's
        value, completed through the operation's selection by the same
        executor. A request error, or a source that fails or is not an async
        iterable, gives one ``ExecutionResult`` with the errors instead."""
        started = self._start(
            source, variables, operation_name, root_value, context_value, True, True
        )
        if isinstance(started, ExecutionResult):
            return started
        await run_async(started)
        outcome = started.source()
        if outcome is None:
            # The source resolver failed: its error, located at the root
            # field, without data (graphql-core's create_source_event_stream).
            return ExecutionResult(None, started.errors())
        stream = outcome[0]
        if not hasattr(stream, "__aiter__"):
            raise TypeError(
                f"Subscription field must return AsyncIterable. Received: {inspect_value(stream)}."
            )
        return _Subscription(self, source, variables, operation_name, context_value, stream)

    def __repr__(self) -> str:
        return (
            f"<graftql.Schema: {len(self._core.type_names)} types, query {self._core.query_type!r}>"
        )


def _name_of(value: object) -> str:
    """A rule (or what was given for one) as a message names it."""
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    return f"{value!r} ({_describe(value)})"


def _rule_classes(rules: object) -> tuple[type[ValidationRule], ...] | None:
    """The rules given to validate(), checked: a collection of
    ValidationRule subclasses (None: none)."""
    expected = "validate() argument 'rules' must be a list of graftql.ValidationRule subclasses"
    if rules is None:
        return None
    if isinstance(rules, type):
        raise TypeError(
            f"{expected}, got the class {_name_of(rules)}: pass rules=[{rules.__name__}]"
        )
    if isinstance(rules, (str, bytes, Mapping)) or not isinstance(rules, Iterable):
        raise TypeError(f"{expected}, got {_describe(rules)}")
    classes = tuple(rules)
    for rule in classes:
        if isinstance(rule, type) and issubclass(rule, ValidationRule):
            continue
        if isinstance(rule, ValidationRule):
            hint = ": pass the class, not an instance (validate() makes one per validation)"
        elif isinstance(rule, type) and rule.__module__.split(".")[0] == "graphql":
            hint = (
                ": a graphql-core rule. graftql runs rules written against "
                "graftql.ValidationRule (the same enter_<kind>/leave_<kind> methods over "
                "graftql nodes); its specified rules always run"
            )
        else:
            hint = ""
        raise TypeError(f"{expected}, got {_name_of(rule)}{hint}")
    return classes


def print_introspection_schema(schema: Schema) -> str:
    """The built-in part of the schema as SDL (the specified directives and
    the introspection types), as graphql-core's ``print_introspection_schema``."""
    return schema._core.print_introspection_schema()


class _Subscription:
    """The async iterator ``Schema.subscribe`` returns: one ExecutionResult
    per event of the source stream."""

    __slots__ = ("_context", "_iterator", "_operation_name", "_schema", "_source", "_stream",
                 "_variables")

    def __init__(
        self,
        schema: Schema,
        source: str | Document,
        variables: Mapping[str, Any] | None,
        operation_name: str | None,
        context: Any,
        stream: Any,
    ) -> None:
        self._schema = schema
        self._source = source
        self._variables = variables
        self._operation_name = operation_name
        self._context = context
        self._stream = stream
        self._iterator = stream.__aiter__()

    def __aiter__(self) -> _Subscription:
        return self

    async def __anext__(self) -> ExecutionResult:
        event = await self._iterator.__anext__()
        execution = self._schema._start(
            self._source,
            self._variables,
            self._operation_name,
            None,
            self._context,
            True,
            False,
            (event,),
        )
        if isinstance(execution, ExecutionResult):
            return execution
        await run_async(execution)
        return ExecutionResult(_execution=execution)

    async def aclose(self) -> None:
        """Stop: close the source stream."""
        close = getattr(self._iterator, "aclose", None)
        if close is not None:
            await close()
