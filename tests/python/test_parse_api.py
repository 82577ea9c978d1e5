"""graftql.parse, Document and print_ast: options, limits, argument errors,
lifetime, and to_dict / print_ast against graphql-core 3.2.14."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path
from typing import Any

import graphql
import pytest
from graphql.utilities import ast_to_dict
from hypothesis import given, settings
from hypothesis import strategies as st

import graftql
from graftql import GraphQLSyntaxError

DATA = Path(__file__).resolve().parents[1] / "c" / "data"

# Every node kind of an executable document, descriptions on operations,
# fragments and variables, every value kind, and text that is not ASCII
# (offsets in code points, not bytes) with "\r\n" line breaks.
EXECUTABLE = """\
"Finds a hero"
query Hero($episode: Episode = JEDI @deprecated, "the id" $id: ID!, $list: [[Int!]]! = [[1]]) \
@live {
  hero(episode: $episode) { name, ...HeroDetails @include(if: true) }
  alias: node(id: $id) { ... on Droid { primaryFunction } ... @skip(if: false) { id } }
  values(i: -12, f: 1.5e-3, s: "é \\u00e9 \\uD83D\\uDE00 😀", b: \"\"\"
    block 日本
      indented\"\"\", t: true, n: null, e: ENUM, l: [1, [2]], o: {a: {b: $id}}) \r
}\r
mutation { like(id: 1) }
subscription OnLike { liked }
"A fragment"
fragment HeroDetails on Character @onFragment { name }
{ anonymous }
"""

# Every node kind of the type system, definitions and extensions.
SDL = '''\
"""The schema"""
schema @onSchema { query: Query mutation: Mutation subscription: Subscription }
extend schema @onSchema { mutation: M }
extend schema @again
"A scalar" scalar Date @specifiedBy(url: "https://example.com")
extend scalar Date @onScalar
type Query implements Node & Entity @key(fields: "id") {
  "a field" field(arg: Int = 1 @onArg, "described" other: [String!]! = ["é"]): String @deprecated
  empty: Int
}
type NoFields
extend type Query implements Extra { more: Int }
extend type Query @onObject
interface Node implements Entity { id: ID! }
interface Bare
extend interface Node implements Other @onInterface { extra: Int }
union Result @onUnion = | A | B
union Empty
extend union Result = C
extend union Result @onUnion
enum Color { "red" RED @deprecated(reason: "no") GREEN }
enum NoValues
extend enum Color { BLUE }
extend enum Color @onEnum
input In { a: Int = 1 @onInput, b: [In!] }
input EmptyIn
extend input In { c: String }
extend input In @onInputObject
"""A directive""" directive @onArg(a: Int = 2) repeatable on ARGUMENT_DEFINITION | FIELD
directive @plain on QUERY
'''


def reference_dict(source: str, locations: bool = False, **options: Any) -> Any:
    return ast_to_dict(graphql.parse(source, **options), locations=locations)


def data_files() -> list[Path]:
    return sorted(DATA.glob("*.graphql")) if DATA.is_dir() else []


# --- Document -------------------------------------------------------------------


def test_parse_returns_a_document() -> None:
    document = graftql.parse("{ a }")
    assert isinstance(document, graftql.Document)
    assert document.source == "{ a }"
    assert document.token_count == 3  # as graphql-core counts: { a }
    assert document.no_location is False
    assert repr(document) == "<graftql.Document: 1 definitions, 3 tokens>"
    assert type(document).__module__ == "graftql"


@pytest.mark.parametrize("source", [EXECUTABLE, SDL, "# just a comment\n{ a } # trailing"])
def test_token_count_matches_graphql_core(source: str) -> None:
    assert graftql.parse(source).token_count == graphql.parse(source).token_count


def test_document_cannot_be_made_or_subclassed() -> None:
    with pytest.raises(TypeError):
        graftql.Document()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        type("Sub", (graftql.Document,), {})
    with pytest.raises(AttributeError):
        graftql.parse("{ a }").source = "{ b }"  # type: ignore[misc]


def test_document_outlives_its_source() -> None:
    # The core keeps its own copy of the source: the str can go.
    source = "".join(["{ hello: world(x: ", '"é😀"', ") } # wörld"])
    expected = reference_dict(source, locations=True)
    document = graftql.parse(source)
    del source
    gc.collect()
    _ = ["garbage" * 100 for _ in range(1000)]
    assert document.to_dict(locations=True) == expected
    assert document.source == '{ hello: world(x: "é😀") } # wörld'
    assert graftql.print_ast(document) == '{\n  hello: world(x: "é😀")\n}'


def test_source_round_trips() -> None:
    for source in [EXECUTABLE, SDL, "\ufeff{ a }", '{ a(x: "\ud83d\ude00") }']:
        assert graftql.parse(source).source == source


# --- to_dict against graphql-core -----------------------------------------------


@pytest.mark.parametrize("locations", [False, True])
@pytest.mark.parametrize("source", [EXECUTABLE, SDL], ids=["executable", "sdl"])
def test_to_dict_matches_graphql_core(source: str, locations: bool) -> None:
    assert graftql.parse(source).to_dict(locations=locations) == reference_dict(
        source, locations=locations
    )


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.name)
def test_to_dict_of_kitchen_sinks(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    document = graftql.parse(source)
    assert document.to_dict() == reference_dict(source)
    assert document.to_dict(locations=True) == reference_dict(source, locations=True)


def test_to_dict_keys_in_graphql_core_order() -> None:
    # Not only equal: the same key order, so JSON dumps are identical too.
    def keys(value: Any) -> Any:
        if isinstance(value, dict):
            return [(k, keys(v)) for k, v in value.items()]
        if isinstance(value, list):
            return [keys(v) for v in value]
        return None

    for source in (EXECUTABLE, SDL):
        assert keys(graftql.parse(source).to_dict(locations=True)) == keys(
            reference_dict(source, locations=True)
        )


def test_to_dict_value_types() -> None:
    [operation] = graftql.parse(
        '{ f(i: 1, f: 2.5, s: "x", b: """y""", t: true, n: null, e: E) }'
    ).to_dict()["definitions"]
    assert operation["operation"] == "query"
    arguments = {
        a["name"]["value"]: a["value"]
        for a in operation["selection_set"]["selections"][0]["arguments"]
    }
    assert arguments == {
        "i": {"kind": "int_value", "value": "1"},
        "f": {"kind": "float_value", "value": "2.5"},
        "s": {"kind": "string_value", "value": "x", "block": False},
        "b": {"kind": "string_value", "value": "y", "block": True},
        "t": {"kind": "boolean_value", "value": True},
        "n": {"kind": "null_value"},
        "e": {"kind": "enum_value", "value": "E"},
    }
    assert arguments["t"]["value"] is True


def test_to_dict_directive_definition() -> None:
    [definition] = graftql.parse("directive @d repeatable on FIELD").to_dict()["definitions"]
    assert definition["directives"] == []
    assert definition["repeatable"] is True
    assert definition["arguments"] == []


def test_to_dict_locations_in_code_points() -> None:
    source = '"é😀"\r\nquery Q { a(x: "日本語") }'
    [operation] = graftql.parse(source).to_dict(locations=True)["definitions"]
    assert operation["loc"] == {"start": 0, "end": len(source)}
    assert operation["name"]["loc"] == {"start": 12, "end": 13}
    assert operation == reference_dict(source, locations=True)["definitions"][0]


def test_to_dict_of_a_long_non_ascii_document() -> None:
    # Many 64-byte blocks of the byte to code point map, with multi-byte
    # characters straddling their edges.
    source = "{ " + " ".join(f'f{i}(s: "{"é😀" * (i % 7)}")' for i in range(2000)) + " }"
    document = graftql.parse(source)
    assert document.to_dict(locations=True) == reference_dict(source, locations=True)


def test_to_dict_with_surrogate_pair_in_a_string() -> None:
    # A str may hold a surrogate pair; graphql-core keeps it in the value.
    source = '{ a(x: "\ud83d\ude00", y: "\\uD83D\\uDE00") }'
    document = graftql.parse(source)
    assert document.to_dict(locations=True) == reference_dict(source, locations=True)
    assert graftql.print_ast(document) == graphql.print_ast(graphql.parse(source))


def test_no_location() -> None:
    document = graftql.parse(EXECUTABLE, no_location=True)
    assert document.no_location is True
    assert document.to_dict(locations=True) == reference_dict(
        EXECUTABLE, locations=True, no_location=True
    )
    assert "loc" not in document.to_dict(locations=True)


def test_to_dict_arguments() -> None:
    document = graftql.parse("{ a }")
    assert document.to_dict(True) == document.to_dict(locations=True)
    with pytest.raises(TypeError, match="must be a bool"):
        document.to_dict(locations=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unexpected keyword argument 'loc'"):
        document.to_dict(loc=True)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values"):
        document.to_dict(True, locations=True)  # type: ignore[misc]
    with pytest.raises(TypeError, match="at most 1"):
        document.to_dict(True, True)  # type: ignore[call-arg]


def test_to_dict_at_the_deepest_nesting() -> None:
    depth = graftql.MAX_DEPTH_CEILING
    document = graftql.parse("{ a " * depth + "}" * depth, max_depth=depth)
    node = document.to_dict(locations=True)["definitions"][0]
    levels = 0
    while node["selection_set"] is not None:
        node = node["selection_set"]["selections"][0]
        levels += 1
    assert levels == depth


# --- print_ast ------------------------------------------------------------------


@pytest.mark.parametrize("source", [EXECUTABLE, SDL], ids=["executable", "sdl"])
def test_print_ast_matches_graphql_core(source: str) -> None:
    assert graftql.print_ast(graftql.parse(source)) == graphql.print_ast(graphql.parse(source))


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.name)
def test_print_ast_of_kitchen_sinks(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert graftql.print_ast(graftql.parse(source)) == graphql.print_ast(graphql.parse(source))


def test_print_ast_wants_a_document() -> None:
    with pytest.raises(TypeError, match=r"expects a graftql\.Document or a graftql\.Node, got str"):
        graftql.print_ast("{ a }")  # type: ignore[arg-type]


# --- options and limits ---------------------------------------------------------


def test_defaults_are_exported() -> None:
    assert graftql.DEFAULT_MAX_TOKENS == 100_000
    assert graftql.DEFAULT_MAX_DEPTH == 200  # graphql-core's MAX_NESTING_DEPTH
    assert graftql.DEFAULT_MAX_SOURCE_LENGTH == 4_000_000
    assert graftql.MAX_DEPTH_CEILING == 4096
    assert isinstance(graftql.__version__, str)


def test_max_tokens() -> None:
    source = "{ a b c d e f }"
    assert graftql.parse(source, max_tokens=8).token_count == 8
    with pytest.raises(GraphQLSyntaxError) as info:
        graftql.parse(source, max_tokens=5)
    assert info.value.message == (
        "Syntax Error: Document contains more than 5 tokens. Parsing aborted."
    )
    with pytest.raises(graphql.GraphQLSyntaxError) as reference:
        graphql.parse(source, max_tokens=5)
    assert info.value.locations == reference.value.locations


def test_default_max_tokens() -> None:
    limit = graftql.DEFAULT_MAX_TOKENS
    fits = "{" + " a" * (limit - 2) + " }"  # exactly the limit
    assert graftql.parse(fits).token_count == limit
    with pytest.raises(GraphQLSyntaxError, match=f"more than {limit} tokens"):
        graftql.parse("{" + " a" * (limit - 1) + " }")
    assert graftql.parse("{" + " a" * limit + " }", max_tokens=limit + 2).token_count == limit + 2
    huge = graftql.parse("{ a }", max_tokens=2**100)  # above any possible count: no limit
    assert huge.token_count == 3


def nested(depth: int) -> str:
    return "{ a " * depth + "}" * depth


def test_max_depth() -> None:
    graftql.parse(nested(200))  # graphql-core's MAX_NESTING_DEPTH, the default
    with pytest.raises(GraphQLSyntaxError) as info:
        graftql.parse(nested(201))
    assert info.value.message == "Syntax Error: Document is nested too deeply. Parsing aborted."
    with pytest.raises(graphql.GraphQLSyntaxError) as reference:
        graphql.parse(nested(201))
    assert info.value.locations == reference.value.locations
    graftql.parse(nested(10), max_depth=10)
    with pytest.raises(GraphQLSyntaxError, match="nested too deeply"):
        graftql.parse(nested(11), max_depth=10)
    graftql.parse(nested(4096), max_depth=4096)


@pytest.mark.parametrize(
    "source",
    [
        nested(100_000),
        "{ a(x: " + "[" * 100_000 + "]" * 100_000 + ") }",
        "{ a(x: " + "{a: " * 100_000 + "}" * 100_000 + ") }",
        "query Q($v: " + "[" * 100_000 + "Int" + "]" * 100_000 + ") { a }",
        "{ a " * 100_000,  # never closed
    ],
    ids=["selections", "lists", "objects", "list types", "unclosed"],
)
def test_hostile_nesting_is_an_error_not_a_crash(source: str) -> None:
    with pytest.raises(GraphQLSyntaxError) as info:
        graftql.parse(source, max_tokens=10**7)
    assert info.value.message == "Syntax Error: Document is nested too deeply. Parsing aborted."
    with pytest.raises(GraphQLSyntaxError, match="nested too deeply"):
        graftql.parse(source, max_tokens=10**7, max_depth=graftql.MAX_DEPTH_CEILING)


def test_max_source_length() -> None:
    source = "{ abc }"
    assert graftql.parse(source, max_source_length=len(source)).source == source
    with pytest.raises(GraphQLSyntaxError) as info:
        graftql.parse(source, max_source_length=3)
    assert info.value.message == (
        "Syntax Error: Source contains more than 3 code points. Parsing aborted."
    )
    assert info.value.locations == [{"line": 1, "column": 4}]
    assert info.value.source == source  # the excerpt shows the whole source
    # Code points, not bytes, and graphql-core's location.
    text = '{ a(x: "é😀日") }\r\n{ b }'
    graftql.parse(text, max_source_length=len(text))
    with pytest.raises(GraphQLSyntaxError) as ours:
        graftql.parse(text, max_source_length=len(text) - 1)
    with pytest.raises(graphql.GraphQLSyntaxError) as theirs:
        graphql.parse(text, max_source_length=len(text) - 1)
    assert str(ours.value) == str(theirs.value)


def test_default_max_source_length() -> None:
    limit = graftql.DEFAULT_MAX_SOURCE_LENGTH
    graftql.parse("{ a }" + " " * (limit - 5))
    with pytest.raises(GraphQLSyntaxError, match=f"more than {limit} code points"):
        graftql.parse("{ a }" + " " * (limit - 4))


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"max_tokens": 0}, ValueError, "max_tokens must be a positive int, got 0."),
        ({"max_tokens": -1}, ValueError, "max_tokens must be a positive int, got -1."),
        ({"max_tokens": -(2**100)}, ValueError, "max_tokens must be a positive int"),
        ({"max_tokens": 1.5}, TypeError, "'max_tokens' must be an int or None, got float"),
        ({"max_tokens": "10"}, TypeError, "'max_tokens' must be an int or None, got str"),
        ({"max_tokens": True}, TypeError, "'max_tokens' must be an int or None, got bool"),
        ({"max_depth": 0}, ValueError, "max_depth must be between 1 and 4096, got 0."),
        ({"max_depth": 4097}, ValueError, "max_depth must be between 1 and 4096, got 4097."),
        ({"max_depth": 2**70}, ValueError, "max_depth must be between 1 and 4096"),
        ({"max_depth": "deep"}, TypeError, "'max_depth' must be an int or None, got str"),
        ({"max_source_length": 0}, ValueError, "max_source_length must be a positive int"),
        ({"max_source_length": []}, TypeError, "'max_source_length' must be an int or None"),
        ({"no_location": 1}, TypeError, "'no_location' must be a bool, got int"),
        ({"no_location": None}, TypeError, "'no_location' must be a bool, got NoneType"),
        ({"maxTokens": 1}, TypeError, "unexpected keyword argument 'maxTokens'"),
    ],
)
def test_bad_options(options: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        graftql.parse("{ a }", **options)
    assert message in str(info.value)


def test_option_defaults_by_none() -> None:
    document = graftql.parse(
        "{ a }", max_tokens=None, max_depth=None, max_source_length=None, no_location=False
    )
    assert document.token_count == 3


def test_int_like_options() -> None:
    class Depth:
        def __index__(self) -> int:
            return 3

    graftql.parse(nested(3), max_depth=Depth())  # type: ignore[arg-type]
    with pytest.raises(GraphQLSyntaxError):
        graftql.parse(nested(4), max_depth=Depth())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b"{ a }", "parse() expects the source as a str, got bytes: decode it first"),
        (bytearray(b"{ a }"), "got bytearray: decode it first"),
        (None, "parse() expects the source as a str, got NoneType"),
        (graphql.Source("{ a }"), "parse() expects the source as a str, got Source"),
    ],
)
def test_source_must_be_str(source: Any, message: str) -> None:
    with pytest.raises(TypeError) as info:
        graftql.parse(source)
    assert message in str(info.value)


def test_call_errors() -> None:
    with pytest.raises(TypeError, match="missing required argument 'source'"):
        graftql.parse()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes 1 positional argument but 2 were given"):
        graftql.parse("{ a }", 10)  # type: ignore[misc]
    with pytest.raises(TypeError, match="multiple values for argument 'source'"):
        graftql.parse("{ a }", source="{ b }")  # type: ignore[misc]
    assert graftql.parse(source="{ a }").source == "{ a }"


def test_str_subclass_source() -> None:
    class Query(str):
        pass

    assert graftql.parse(Query("{ a }")).to_dict() == reference_dict("{ a }")
    assert graftql.parse(Query('{ a(x: "é") }')).source == '{ a(x: "é") }'


# --- large documents and threads -------------------------------------------------


def big_document(fields: int, text: str = "x") -> str:
    return (
        "{ "
        + " ".join(f'f{i}(a: "{text}", b: [1, {{c: E}}]) {{ y }}' for i in range(fields))
        + " }"
    )


@pytest.mark.parametrize("text", ["x", "é😀"], ids=["ascii", "non-ascii"])
def test_large_documents_parse_in_threads(text: str) -> None:
    # Over 64 KiB: parsed (and printed) without the GIL.
    source = big_document(3000, text)
    assert len(source.encode()) > 64 * 1024
    expected = graftql.parse(source).to_dict(locations=True)
    printed = graftql.print_ast(graftql.parse(source))
    results: list[bool] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(2):
                document = graftql.parse(source)
                results.append(
                    document.to_dict(locations=True) == expected
                    and graftql.print_ast(document) == printed
                )
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert results == [True] * 8
    assert expected == reference_dict(source, locations=True)


def test_large_syntax_error_without_gil() -> None:
    source = big_document(3000, "é") + " ?"
    with pytest.raises(GraphQLSyntaxError) as ours:
        graftql.parse(source)
    with pytest.raises(graphql.GraphQLSyntaxError) as theirs:
        graphql.parse(source)
    assert ours.value.message == theirs.value.message
    assert ours.value.locations == theirs.value.locations
    assert ours.value.positions == theirs.value.positions


def test_no_object_leaks() -> None:
    # Every path that makes Python objects: documents, dicts with and without
    # locations (the code point map, the name cache), printing, syntax errors
    # (also with surrogates) and argument errors. sys.getallocatedblocks
    # counts the interpreter's live memory blocks, so a leaked reference shows
    # as growth (the C tests and ASan cover the core's own allocations).
    def exercise() -> None:
        for source in (EXECUTABLE, SDL, '{ a(x: "\ud83d\ude00") }'):
            document = graftql.parse(source)
            document.to_dict()
            document.to_dict(locations=True)
            graftql.print_ast(document)
            _ = document.source, repr(document)
        for bad in ("{ a\ud800 }", '{ a(x: "é', "{ a b c d e f }"):
            with pytest.raises(GraphQLSyntaxError):
                graftql.parse(bad, max_tokens=5)
        with pytest.raises(ValueError):
            graftql.parse("{ a }", max_depth=0)
        with pytest.raises(TypeError):
            graftql.parse(b"{ a }")  # type: ignore[arg-type]

    for _ in range(20):
        exercise()
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(200):
        exercise()
    gc.collect()
    assert sys.getallocatedblocks() - before < 200


# --- random text against graphql-core --------------------------------------------

# Tokens and characters that make up documents and their errors: punctuators,
# keywords, names, numbers, strings, comments, every line break, multi-byte
# and astral characters, a BOM and lone surrogates.
PIECES = [
    "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "|", "&", "...", ".", ",",
    " ", "\t", "\n", "\r", "\r\n", "#", "\"", '"""', "\\", "\\u00e9", "\\u{1F600}",
    "query", "mutation", "fragment", "on", "type", "extend", "schema", "directive",
    "a", "b", "Foo", "true", "null", "-", "0", "1", "1.5", "2e3",
    "é", "日本", "😀", "\ufeff", "\ud800", "\udc00", "\x00", "\x07",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_random_text_matches_graphql_core(source: str) -> None:
    try:
        theirs = graphql.parse(source)
    except graphql.GraphQLSyntaxError as reference:
        with pytest.raises(GraphQLSyntaxError) as info:
            graftql.parse(source)
        assert info.value.message == reference.message
        assert info.value.positions == reference.positions
        assert info.value.locations == reference.locations
        assert str(info.value) == str(reference)
    else:
        document = graftql.parse(source)
        assert document.to_dict(locations=True) == ast_to_dict(theirs, locations=True)
        assert graftql.print_ast(document) == graphql.print_ast(theirs)
        assert document.token_count == theirs.token_count
