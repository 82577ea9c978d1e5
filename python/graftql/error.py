"""GraphQL errors, as graphql-core 3.2 has them.

``GraphQLError`` carries a message, the locations (line and column) in the
document it concerns, the response path and extensions; ``formatted`` is the
error as the GraphQL response format wants it and ``str()`` adds an excerpt of
the source under each location. ``GraphQLSyntaxError`` is what ``parse``
raises. Both compare, format and print exactly as graphql-core's do.

Locations come from ``source`` (the document text) and ``positions`` (code
point offsets into it), or, as in graphql-core, from the ``loc`` of the
``graftql.Node`` objects given as ``nodes``. Errors about documents that are
not "the request" (schema files, several of them) carry a ``NodeLocation``
per location in ``nodes``: ``str()`` then prints each location with the name
of its own source, as graphql-core prints each node's ``loc``.

``SchemaError`` is what ``graftql.Schema`` raises: every error found, not
only the first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any, NamedTuple, TypedDict

__all__ = [
    "FormattedSourceLocation",
    "GraphQLError",
    "GraphQLFormattedError",
    "GraphQLSyntaxError",
    "NodeLocation",
    "SchemaError",
    "SourceLocation",
    "print_source_location",
]

# Line breaks as the GraphQL lexer counts them.
_NEWLINE = re.compile(r"\r\n|[\n\r]")


class FormattedSourceLocation(TypedDict):
    """A location as it appears in a formatted error."""

    line: int
    column: int


class _LineColumn(NamedTuple):
    line: int
    column: int


class SourceLocation(_LineColumn):
    """A 1-based line and column (in code points) in a GraphQL source."""

    __slots__ = ()

    @property
    def formatted(self) -> FormattedSourceLocation:
        return {"line": self.line, "column": self.column}

    def __eq__(self, other: object) -> bool:
        # As graphql-core's: equal to the formatted dict as well.
        if isinstance(other, dict):
            return self.formatted == other
        return tuple(self) == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = _LineColumn.__hash__


class NodeLocation(NamedTuple):
    """Where a node an error concerns starts, in a named source.

    What graphql-core's ``node.loc`` gives its ``str(error)``: the source
    text, its name (a file path, or "GraphQL request"), the position in code
    points and the line and column.
    """

    source: str
    name: str
    position: int
    location: SourceLocation


class GraphQLFormattedError(TypedDict, total=False):
    """An error as the "errors" entry of a GraphQL response."""

    message: str
    locations: list[FormattedSourceLocation]
    path: list[str | int]
    extensions: dict[str, Any]


def _is_ast_node(value: object) -> bool:
    """Whether value is a graftql.Node (this module does not import the core)."""
    cls = type(value)
    return cls.__module__ == "graftql" and cls.__qualname__ == "Node"


def _loc_text(loc: Any) -> str | None:
    """The document text of a node's ``loc``: graftql's Location holds it as
    ``source``; graphql-core's holds a Source whose ``body`` it is."""
    source = getattr(loc, "source", None)
    if isinstance(source, str):
        return source
    body = getattr(source, "body", None)
    return body if isinstance(body, str) else None


def _locate(source: str, position: int) -> SourceLocation:
    """The line and column of a code point offset, as graphql-core computes them."""
    line = 1
    line_start = 0
    for match in _NEWLINE.finditer(source):
        if match.start() >= position:
            break
        line_start = match.end()
        line += 1
    return SourceLocation(line, position + 1 - line_start)


class GraphQLError(Exception):
    """An error found while parsing, validating or executing a GraphQL operation.

    :param message: what went wrong, for a human.
    :param nodes: the AST node or nodes the error concerns (``graftql.Node``):
        their ``loc`` gives ``source`` and ``positions`` when those are not
        passed, as in graphql-core.
    :param source: the GraphQL document text the positions refer to.
    :param positions: code point offsets in ``source``; they give ``locations``.
    :param path: the response path of the field that failed (execution errors).
    :param original_error: the exception that caused this one, if any.
    :param extensions: extra entries for the formatted error.
    """

    __slots__ = (
        "extensions",
        "locations",
        "message",
        "nodes",
        "original_error",
        "path",
        "positions",
        "source",
    )

    message: str
    nodes: list[Any] | None
    source: str | None
    positions: Collection[int] | None
    locations: list[SourceLocation] | None
    path: list[str | int] | None
    original_error: BaseException | None
    extensions: dict[str, Any]

    __hash__ = Exception.__hash__

    def __init__(
        self,
        message: str,
        nodes: Collection[Any] | Any | None = None,
        source: str | None = None,
        positions: Collection[int] | None = None,
        path: Collection[str | int] | None = None,
        original_error: BaseException | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = list(path) if path else None
        self.original_error = original_error
        if not nodes:
            self.nodes = None
        elif isinstance(nodes, list):
            self.nodes = nodes
        elif isinstance(nodes, (tuple, set, frozenset)):
            self.nodes = list(nodes)
        else:
            self.nodes = [nodes]
        # As graphql-core's: the nodes' locations (graftql.Node.loc) give the
        # source and positions that were not passed.
        node_locations = [
            loc
            for node in self.nodes or ()
            if (loc := getattr(node, "loc", None)) is not None and _loc_text(loc) is not None
        ]
        if source is None and node_locations:
            source = _loc_text(node_locations[0])
        if not positions and node_locations:
            positions = [loc.start for loc in node_locations]
        self.source = source
        self.positions = positions or None
        if source is not None and positions:
            self.locations = [_locate(source, position) for position in positions]
        elif node_locations:
            self.locations = [_locate(_loc_text(loc) or "", loc.start) for loc in node_locations]
        else:
            self.locations = None
        if original_error is not None:
            self.__traceback__ = original_error.__traceback__
            if original_error.__cause__:
                self.__cause__ = original_error.__cause__
            elif original_error.__context__:
                self.__context__ = original_error.__context__
            if extensions is None:
                original_extensions = getattr(original_error, "extensions", None)
                if isinstance(original_extensions, dict):
                    extensions = original_extensions
        self.extensions = extensions or {}

    def __reduce__(self) -> tuple[Any, ...]:
        # The default would call the class with args, which does not fit
        # GraphQLSyntaxError's signature, and would drop the slots.
        state = {
            name: getattr(self, name)
            for cls in type(self).__mro__
            for name in cls.__dict__.get("__slots__", ())
            if hasattr(self, name)
        }
        # A graftql.Node is a view into a parsed document and does not pickle;
        # the locations it gave are kept, the nodes are left out.
        if state.get("nodes") and any(_is_ast_node(node) for node in state["nodes"]):
            state["nodes"] = None
        return _restore_error, (type(self), self.message, state)

    def __str__(self) -> str:
        output = [self.message]
        if self.nodes and all(isinstance(node, NodeLocation) for node in self.nodes):
            output.extend(
                print_source_location(node.source, node.location, node.name) for node in self.nodes
            )
        elif self.source is not None and self.locations:
            output.extend(
                print_source_location(self.source, location) for location in self.locations
            )
        return "\n\n".join(output)

    def __repr__(self) -> str:
        args = [repr(self.message)]
        if self.locations:
            args.append(f"locations={self.locations!r}")
        if self.path:
            args.append(f"path={self.path!r}")
        if self.extensions:
            args.append(f"extensions={self.extensions!r}")
        return f"{self.__class__.__name__}({', '.join(args)})"

    def __eq__(self, other: object) -> bool:
        # As graphql-core's: the same class with the same attributes (the
        # original error aside), or a dict with a message whose every entry
        # matches the attribute of that name.
        compared = [name for name in GraphQLError.__slots__ if name != "original_error"]
        if isinstance(other, GraphQLError):
            return self.__class__ == other.__class__ and all(
                getattr(self, name) == getattr(other, name) for name in compared
            )
        if isinstance(other, dict) and "message" in other:
            return all(
                key in GraphQLError.__slots__ and getattr(self, key) == other.get(key)
                for key in other
                if key != "original_error"
            )
        return False

    def __ne__(self, other: object) -> bool:
        return not self == other

    @property
    def formatted(self) -> GraphQLFormattedError:
        """The error as an entry of "errors" in a GraphQL response."""
        formatted: GraphQLFormattedError = {
            "message": self.message or "An unknown error occurred.",
        }
        if self.locations is not None:
            formatted["locations"] = [location.formatted for location in self.locations]
        if self.path is not None:
            formatted["path"] = self.path
        if self.extensions:
            formatted["extensions"] = self.extensions
        return formatted


class GraphQLSyntaxError(GraphQLError):
    """The document is not valid GraphQL, or exceeds a parse limit.

    :param source: the GraphQL document text.
    :param position: the code point offset of the error in ``source``.
    :param description: the message without its "Syntax Error: " prefix.
    """

    __slots__ = ("description",)

    description: str

    def __init__(self, source: str, position: int, description: str) -> None:
        super().__init__(f"Syntax Error: {description}", source=source, positions=[position])
        self.description = description


class SchemaError(Exception):
    """The SDL, or what was bound to it, does not make a valid schema.

    :param errors: every error found (``GraphQLError``; a syntax error is a
        ``GraphQLSyntaxError``), in the order found.

    ``str()`` joins the errors' ``str()`` (message, then ``file:line:column``
    and an excerpt of the source per location) with blank lines; ``message``
    joins their messages only, as graphql-core's ``build_schema`` does in the
    ``TypeError`` it raises.
    """

    errors: list[GraphQLError]

    def __init__(self, errors: Iterable[GraphQLError]) -> None:
        self.errors = list(errors)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The errors' messages, joined by blank lines."""
        return "\n\n".join(error.message for error in self.errors)

    def __str__(self) -> str:
        return "\n\n".join(str(error) for error in self.errors)

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}({self.errors!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return self.__class__, (self.errors,)


def _restore_error(cls: type[GraphQLError], message: str, state: dict[str, Any]) -> GraphQLError:
    """Unpickle an error made by GraphQLError.__reduce__."""
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    for name, value in state.items():
        setattr(error, name, value)
    return error


def _syntax_error_from_core(
    source: str, position: int, line: int, column: int, description: str
) -> GraphQLSyntaxError:
    """The GraphQLSyntaxError for an error graftql._core found.

    The core has already turned the error's byte offset into a position in
    code points and a line and column (gql_locate), so the source is not
    scanned again here.
    """
    error = GraphQLSyntaxError.__new__(GraphQLSyntaxError)
    GraphQLError.__init__(error, f"Syntax Error: {description}")
    error.source = source
    error.positions = [position]
    error.locations = [SourceLocation(line, column)]
    error.description = description
    return error


def _error_from_core(
    message: str,
    source: str,
    locations: list[tuple[int, int, int]],
    original: BaseException | None = None,
) -> GraphQLError:
    """The GraphQLError for an error graftql._core found in one document
    (source), each location (position, line, column) computed by the core,
    caused by original (a custom scalar's parse_literal that raised)."""
    error = GraphQLError(message, original_error=original)
    if locations:
        error.source = source
        error.positions = [position for position, _, _ in locations]
        error.locations = [SourceLocation(line, column) for _, line, column in locations]
    return error


def _schema_error_from_core(
    message: str, locations: list[tuple[int, int, int, int]], sources: list[tuple[str, str]]
) -> GraphQLError:
    """The GraphQLError for an error graftql._core.build_schema reported.

    Each location is (document index, position, line, column), computed by
    the core; sources are the documents' (text, name). ``source`` and
    ``positions`` are those of the first document located, as graphql-core
    takes them from the first node; ``nodes`` say where each location is.
    """
    error = GraphQLError(message)
    if locations:
        nodes = [
            NodeLocation(
                sources[index][0], sources[index][1], position, SourceLocation(line, column)
            )
            for index, position, line, column in locations
        ]
        error.nodes = list(nodes)
        error.source = nodes[0].source
        error.positions = [node.position for node in nodes]
        error.locations = [node.location for node in nodes]
    return error


def print_source_location(
    source: str, location: SourceLocation, name: str = "GraphQL request"
) -> str:
    """An excerpt of ``source`` around ``location``, as graphql-core prints it.

    The first line is ``name:line:column``; then the line before, the line
    itself with a caret under the column, and the line after, each numbered.
    Lines longer than 120 characters are shown in 80-character pieces.
    """
    line_num = location.line
    column_num = location.column
    lines = _NEWLINE.split(source)
    location_line = lines[line_num - 1]
    header = f"{name}:{line_num}:{column_num}\n"

    if len(location_line) > 120:
        sub_line_index, sub_line_column = divmod(column_num, 80)
        sub_lines = [location_line[i : i + 80] for i in range(0, len(location_line), 80)]
        return header + _print_prefixed_lines(
            (f"{line_num} |", sub_lines[0]),
            *[("|", sub_line) for sub_line in sub_lines[1 : sub_line_index + 1]],
            ("|", "^".rjust(sub_line_column)),
            (
                "|",
                sub_lines[sub_line_index + 1] if sub_line_index < len(sub_lines) - 1 else None,
            ),
        )

    return header + _print_prefixed_lines(
        (f"{line_num - 1} |", lines[line_num - 2] if line_num > 1 else None),
        (f"{line_num} |", location_line),
        ("|", "^".rjust(column_num)),
        (f"{line_num + 1} |", lines[line_num] if line_num < len(lines) else None),
    )


def _print_prefixed_lines(*lines: tuple[str, str | None]) -> str:
    """Lines given as (prefix, text), prefixes right-aligned; None lines are left out."""
    existing = [(prefix, text) for prefix, text in lines if text is not None]
    pad = max(len(prefix) for prefix, _ in existing)
    return "\n".join(prefix.rjust(pad) + (" " + text if text else "") for prefix, text in existing)
