"""GraphQLError and GraphQLSyntaxError against graphql-core 3.2.14's.

graphql-core takes a Source object where graftql takes the text; everything
else (attributes, locations, formatted, str, repr, equality) must agree.
"""

from __future__ import annotations

import pickle
from typing import Any

import graphql
import pytest

import graftql
from graftql import GraphQLError, GraphQLSyntaxError, SourceLocation
from graftql.error import print_source_location

# Sources whose locations are easy to get wrong: multi-byte characters
# (columns count code points, not bytes), astral characters (one code point
# in a Python str), and every kind of line break ("\r\n" is one break).
TRICKY_SOURCES = [
    "{ field }",
    "{\n  héllo: wörld\n  ??\n}",
    'query {\r\n  a(x: "😀😀")\r\n  b\r\n}\r\n',
    "\r\r\n\n{ a }\r\n é",
    '# 日本語のコメント\n{ a(x: "✓") b }',
    "{ " + "veryLongFieldName " * 20 + "}",  # a line over 120 characters
    "",
]


def positions_of(source: str) -> list[int]:
    """A few positions in source: start, end, and each line break."""
    found = {0, len(source)}
    found.update(i for i, c in enumerate(source) if c in "\r\n")
    found.update(i + 1 for i, c in enumerate(source) if c in "\r\n")
    found.add(len(source) // 2)
    return sorted(p for p in found if p <= len(source))


def assert_same_error(ours: GraphQLError, theirs: graphql.GraphQLError) -> None:
    assert type(ours).__name__ == type(theirs).__name__
    assert ours.message == theirs.message
    assert ours.locations == theirs.locations
    assert ours.positions == theirs.positions
    assert ours.path == theirs.path
    assert ours.extensions == theirs.extensions
    assert ours.formatted == theirs.formatted
    assert str(ours) == str(theirs)
    assert repr(ours) == repr(theirs)


# --- GraphQLError -------------------------------------------------------------


def test_message_only() -> None:
    error = GraphQLError("Something went wrong.")
    assert error.message == "Something went wrong."
    assert error.args == ("Something went wrong.",)
    assert error.locations is None
    assert error.positions is None
    assert error.source is None
    assert error.nodes is None
    assert error.path is None
    assert error.original_error is None
    assert error.extensions == {}
    assert error.formatted == {"message": "Something went wrong."}
    assert str(error) == "Something went wrong."
    assert repr(error) == "GraphQLError('Something went wrong.')"
    assert isinstance(error, Exception)
    assert_same_error(error, graphql.GraphQLError("Something went wrong."))


def test_empty_message_formats_as_unknown_error() -> None:
    assert GraphQLError("").formatted == {"message": "An unknown error occurred."}


def test_path_and_extensions() -> None:
    error = GraphQLError("Boom.", path=("a", 0, "b"), extensions={"code": "E_BOOM"})
    assert error.path == ["a", 0, "b"]
    assert error.extensions == {"code": "E_BOOM"}
    assert error.formatted == {
        "message": "Boom.",
        "path": ["a", 0, "b"],
        "extensions": {"code": "E_BOOM"},
    }
    assert repr(error) == "GraphQLError('Boom.', path=['a', 0, 'b'], extensions={'code': 'E_BOOM'})"
    assert_same_error(
        error,
        graphql.GraphQLError("Boom.", path=("a", 0, "b"), extensions={"code": "E_BOOM"}),
    )


def test_original_error() -> None:
    class WithExtensions(Exception):
        extensions = {"code": "UPSTREAM"}  # noqa: RUF012

    try:
        raise WithExtensions("upstream failed")
    except WithExtensions as caught:
        original = caught
    error = GraphQLError("Resolver failed.", original_error=original)
    assert error.original_error is original
    assert error.__traceback__ is original.__traceback__
    assert error.extensions == {"code": "UPSTREAM"}  # taken from the original error
    explicit = GraphQLError("Resolver failed.", original_error=original, extensions={"x": 1})
    assert explicit.extensions == {"x": 1}


def test_nodes_are_kept() -> None:
    node = object()
    assert GraphQLError("m", nodes=node).nodes == [node]
    assert GraphQLError("m", nodes=[node, node]).nodes == [node, node]
    assert GraphQLError("m", nodes=[]).nodes is None


@pytest.mark.parametrize("source", TRICKY_SOURCES)
def test_locations_from_source_and_positions(source: str) -> None:
    for position in positions_of(source):
        ours = GraphQLError("Here.", source=source, positions=[position])
        theirs = graphql.GraphQLError("Here.", source=graphql.Source(source), positions=[position])
        assert_same_error(ours, theirs)


def test_several_positions() -> None:
    source = "{\r\n  a: b\r\n  a: c\r\n}"
    ours = GraphQLError("Fields conflict.", source=source, positions=[5, 13])
    theirs = graphql.GraphQLError(
        "Fields conflict.", source=graphql.Source(source), positions=[5, 13]
    )
    assert ours.locations == [SourceLocation(2, 3), SourceLocation(3, 3)]
    assert_same_error(ours, theirs)


def test_positions_without_source_have_no_locations() -> None:
    error = GraphQLError("m", positions=[3])
    assert error.positions == [3]
    assert error.locations is None
    assert "locations" not in error.formatted


def test_equality() -> None:
    a = GraphQLError("m", source="{ a }", positions=[2], path=["a"])
    b = GraphQLError("m", source="{ a }", positions=[2], path=["a"])
    assert a == b
    assert not a.__ne__(b)
    assert a != GraphQLError("other", source="{ a }", positions=[2], path=["a"])
    assert a != GraphQLSyntaxError("{ a }", 2, "m")  # another class
    # Equal to a dict whose entries all match, as graphql-core's.
    assert a == {"message": "m"}
    assert a == {"message": "m", "locations": [{"line": 1, "column": 3}], "path": ["a"]}
    assert a != {"message": "m", "path": ["b"]}
    assert a != {"message": "m", "unknown": 1}
    assert a != {"path": ["a"]}  # a dict must have a message
    assert a != "m"
    # original_error does not take part.
    assert GraphQLError("m", original_error=ValueError()) == GraphQLError("m")
    # Hashable, by identity, as exceptions are.
    assert len({a, b}) == 2


def test_source_location() -> None:
    location = SourceLocation(2, 5)
    assert location.line == 2
    assert location.column == 5
    assert location.formatted == {"line": 2, "column": 5}
    assert location == {"line": 2, "column": 5}
    assert location == (2, 5)
    assert location != {"line": 2, "column": 6}
    assert location != (2, 6)
    assert hash(location) == hash((2, 5))
    assert repr(location) == "SourceLocation(line=2, column=5)"
    assert location == graphql.SourceLocation(2, 5)


def test_print_source_location_names_the_source() -> None:
    source = "{\n  a\n  ?\n}"
    printed = print_source_location(source, SourceLocation(3, 3), "schema.graphql")
    theirs = graphql.print_source_location(
        graphql.Source(source, "schema.graphql"), graphql.SourceLocation(3, 3)
    )
    assert printed == theirs
    assert printed.startswith("schema.graphql:3:3\n")


# --- GraphQLSyntaxError ---------------------------------------------------------


def test_syntax_error_constructor() -> None:
    ours = GraphQLSyntaxError("query {", 7, "Expected Name, found <EOF>.")
    theirs = graphql.GraphQLSyntaxError(graphql.Source("query {"), 7, "Expected Name, found <EOF>.")
    assert ours.description == "Expected Name, found <EOF>."
    assert ours.message == "Syntax Error: Expected Name, found <EOF>."
    assert ours.source == "query {"
    assert isinstance(ours, GraphQLError)
    assert_same_error(ours, theirs)


INVALID_DOCUMENTS = [
    "",
    "{",
    "{ a(x: ) }",
    "query { ...on }",
    '{ a(x: "unterminated) }',
    '{ a(x: "bad \\q escape") }',
    "{ a(x: 1.) }",
    "type T { f: [Int }",
    "{ héllo }",
    '{\r\n  a\r\n  b(x: "日本") ?\r\n}',
    "query Q {\r  a\r  ♥\r}",
    '{ a(x: "😀😀" y: $) }',
    "{ a }\n\n\n\n\n\n\n\n\n\n\nx",  # line numbers of two widths in the excerpt
    "{ " + "a " * 100 + "? }",  # a minified document: the excerpt is cut in pieces
    "{ a\ud800 }",  # a lone surrogate, which only a Python str can hold
    '{ a(x: "\ud83d\ude00" y: \udc00) }',
    "# comment \udfff\n{ a }",
    "\ufeff{ a }\ufeff ? ",
]


def parse_errors(source: str, **options: Any) -> tuple[GraphQLError, graphql.GraphQLError]:
    with pytest.raises(GraphQLSyntaxError) as ours:
        graftql.parse(source, **options)
    with pytest.raises(graphql.GraphQLSyntaxError) as theirs:
        graphql.parse(source, **options)
    return ours.value, theirs.value


@pytest.mark.parametrize("source", INVALID_DOCUMENTS)
def test_parse_errors_match_graphql_core(source: str) -> None:
    ours, theirs = parse_errors(source)
    assert isinstance(ours, GraphQLSyntaxError)
    assert ours.description == theirs.description
    assert ours.source == source
    assert_same_error(ours, theirs)


def test_lone_surrogate_message() -> None:
    ours, _ = parse_errors("{ a }\r\n{ b\ud800 }")
    assert ours.message == "Syntax Error: Invalid character: U+D800."
    assert ours.locations == [{"line": 2, "column": 4}]
    assert ours.positions == [10]


def test_multibyte_columns() -> None:
    # Each of "é", "日" and "😀" is one column, whatever its UTF-8 length.
    ours, theirs = parse_errors('{ a(x: "é日😀") ? }')
    assert ours.locations == [SourceLocation(1, 15)]
    assert ours.positions == [14]
    assert_same_error(ours, theirs)


@pytest.mark.parametrize(
    ("source", "options"),
    [
        ("{ a b c d e f }", {"max_tokens": 4}),
        ("# one\n# two\n{ a }", {"max_tokens": 2}),
        ("{ abc }\r\n{ déf }", {"max_source_length": 10}),
    ],
)
def test_limit_errors_match_graphql_core(source: str, options: dict[str, int]) -> None:
    ours, theirs = parse_errors(source, **options)
    assert_same_error(ours, theirs)


def test_syntax_error_pickles() -> None:
    # Exceptions cross process boundaries (multiprocessing, concurrent.futures).
    error = GraphQLError("m", source="{ a }", positions=[2], path=["a"], extensions={"c": 1})
    copy = pickle.loads(pickle.dumps(error))
    assert copy == error
    assert str(copy) == str(error)
