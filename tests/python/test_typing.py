"""Keeps the stubs honest: typed uses of the public API, checked by
``mypy --strict`` (see [tool.mypy] in pyproject.toml) and run by pytest.

Each annotation states the type the API promises; mypy fails if the stubs or
the Python modules say otherwise, pytest fails if the runtime does.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

import graftql
from graftql import (
    Document,
    EnumValueView,
    FieldView,
    GraphQLError,
    GraphQLSyntaxError,
    InputValueView,
    Location,
    Node,
    OperationType,
    Schema,
    SchemaError,
    SourceLocation,
    TypeView,
    ValidationContext,
    ValidationRule,
)
from graftql.cli import main
from graftql.error import FormattedSourceLocation, GraphQLFormattedError
from graftql.language import VisitorAction


def test_parse_and_document() -> None:
    document: Document = graftql.parse(
        "{ a }", max_tokens=100, max_depth=10, max_source_length=1000, no_location=False
    )
    also: Document = graftql.parse("{ a }", max_tokens=None, max_depth=None)
    tree: dict[str, Any] = document.to_dict()
    with_locations: dict[str, Any] = also.to_dict(locations=True)
    source: str = document.source
    tokens: int = document.token_count
    no_location: bool = document.no_location
    printed: str = graftql.print_ast(document)
    assert tree["kind"] == with_locations["kind"] == "document"
    assert (source, tokens, no_location, printed) == ("{ a }", 3, False, "{\n  a\n}")


def test_constants() -> None:
    limits: list[int] = [
        graftql.DEFAULT_MAX_TOKENS,
        graftql.DEFAULT_MAX_DEPTH,
        graftql.DEFAULT_MAX_SOURCE_LENGTH,
        graftql.MAX_DEPTH_CEILING,
    ]
    version: str = graftql.__version__
    assert all(limit > 0 for limit in limits)
    assert version


def test_errors() -> None:
    try:
        graftql.parse("{")
    except GraphQLSyntaxError as error:
        message: str = error.message
        description: str = error.description
        locations: list[SourceLocation] | None = error.locations
        positions = error.positions
        source: str | None = error.source
        formatted: GraphQLFormattedError = error.formatted
        assert message == "Syntax Error: " + description
        assert locations is not None
        first: SourceLocation = locations[0]
        line: int = first.line
        column: int = first.column
        location: FormattedSourceLocation = first.formatted
        assert (line, column) == (1, 2)
        assert location == {"line": 1, "column": 2}
        assert positions is not None and list(positions) == [1]
        assert source == "{"
        assert formatted["message"] == message
    else:  # pragma: no cover
        raise AssertionError("expected a syntax error")

    error2 = GraphQLError(
        "Boom.",
        source="{ a }",
        positions=[2],
        path=["a", 0],
        original_error=ValueError("inner"),
        extensions={"code": "E"},
    )
    path: list[str | int] | None = error2.path
    extensions: dict[str, Any] = error2.extensions
    original: BaseException | None = error2.original_error
    text: str = str(error2)
    assert path == ["a", 0]
    assert extensions == {"code": "E"}
    assert isinstance(original, ValueError)
    assert text.startswith("Boom.\n\nGraphQL request:1:3")


def test_undefined() -> None:
    undefined: graftql.execution.UndefinedType = graftql.Undefined
    assert undefined is graftql.execution.UndefinedType() and not undefined
    assert repr(undefined) == "Undefined"
    assert pickle.loads(pickle.dumps(undefined)) is undefined


def test_cli_main(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "query.graphql"
    path.write_text("{ a }", encoding="utf-8")
    status: int = main(["parse", str(path)])
    assert status == 0
    assert capsys.readouterr().out == "{\n  a\n}\n"
    assert main(["parse", str(tmp_path / "missing.graphql")]) == 2


def test_schema(tmp_path: Path) -> None:
    path = tmp_path / "extra.graphql"
    path.write_text("extend type Query { b: Color }", encoding="utf-8")

    def resolve_a(parent: Any, info: Any) -> int:
        return 1

    schema = Schema(
        ["type Query { a: Int } enum Color { RED }", path],
        {"Query": {"a": resolve_a, "b": None}},
        scalars={},
        enums={"Color": {"RED": "red"}},
        type_resolvers={},
        is_type_of={"Query": None},
        introspection=False,
        assume_valid=False,
    )
    names: tuple[str, ...] = schema.type_names
    query: str | None = schema.query_type
    mutation: str | None = schema.mutation_type
    subscription: str | None = schema.subscription_type
    description: str | None = schema.description
    flags: tuple[bool, bool] = (schema.introspection, schema.is_valid)
    sdl: str = schema.print()
    builtins: str = graftql.print_introspection_schema(schema)
    assert names[0] == query == "Query" and mutation is subscription is description is None
    assert flags == (False, True) and sdl.startswith("type Query") and "__Schema" in builtins

    view: TypeView | None = schema.get_type("Query")
    assert view is not None
    kind: str = view.kind
    fields = view.fields
    assert fields is not None
    field: FieldView = fields["a"]
    type_text: str = field.type
    resolver = field.resolver
    args: list[InputValueView] = list(field.args.values())
    assert (kind, type_text, resolver, args) == ("OBJECT", "Int", resolve_a, [])
    color = schema.get_type("Color")
    assert color is not None and color.enum_values is not None
    red: EnumValueView = color.enum_values["RED"]
    value: Any = red.value
    reason: str | None = red.deprecation_reason
    assert (value, reason) == ("red", None)

    try:
        Schema("type Query { a: Nope }")
    except SchemaError as error:
        errors: list[GraphQLError] = error.errors
        message: str = error.message
        assert message == errors[0].message == "Unknown type 'Nope'."
    else:  # pragma: no cover
        raise AssertionError("expected a SchemaError")


def test_validation() -> None:
    schema = Schema("type Query { a: Int secret: String }", introspection=False)
    seen: list[tuple[str, str | None, TypeView | None, Location | None]] = []

    class NoSecrets(ValidationRule):
        def enter_field(
            self,
            node: Node,
            key: str | int | None,
            parent: Node | tuple[Node, ...] | None,
            path: list[str | int],
            ancestors: list[Node | tuple[Node, ...]],
        ) -> VisitorAction | None:
            context: ValidationContext = self.context
            seen.append((node.kind, context.get_type(), context.get_parent_type(), node.loc))
            if node.name.value == "secret":
                self.report_error(GraphQLError("No secrets.", node))
                return graftql.SKIP
            return None

        def leave_document(self, node: Node, *_args: object) -> VisitorAction | None:
            document: Node = self.context.document
            fragment: Node | None = self.context.get_fragment("F")
            owner: Schema = self.context.schema
            hidden: bool = self.context.hide_suggestions
            assert document == node and fragment is None and owner is schema and hidden
            return graftql.BREAK

    errors: list[GraphQLError] = schema.validate(
        graftql.parse("{ a secret }"), rules=[NoSecrets], max_errors=10, suggestions=False
    )
    also: list[GraphQLError] = schema.validate("{ __schema { types { name } } }")
    assert [error.message for error in errors] == ["No secrets."]
    assert len(also) == 2
    kind, type_, parent, loc = seen[1]
    assert (kind, type_) == ("field", "String") and parent is not None and parent.name == "Query"
    assert loc is not None and (loc.start, loc.end, loc.source) == (4, 10, "{ a secret }")
    operation: OperationType = OperationType.QUERY
    assert operation == "query" and operation.value == "query"
