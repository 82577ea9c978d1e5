"""Differential tests of graftql's parser and printer against graphql-core 3.2.14.

For every document of the generated corpus (gen_documents.py, about 3,400
documents, 40% of them invalid) and for random text from hypothesis, graftql
and graphql-core must agree:

- both accept or both reject;
- on reject: the same message, the same locations (as tuples, as
  SourceLocation objects, and in `.formatted`);
- on accept: the same print_ast output, the same to_dict(locations=True)
  and to_dict() as graphql-core's ast_to_dict, the same token_count (comments
  included), the same tree (without "loc") and printed text when parsed with
  no_location=True, and parse(printed) printed again gives what graphql-core
  gives (the same text, or the same error where graphql-core's printed
  document does not parse back).

The limits are checked against graphql-core's own options: max_tokens (which
counts comments), max_source_length, and max_depth against graphql-core's
MAX_NESTING_DEPTH patched to the same value; graftql's default limits must
give graphql-core's errors for those values.

A failing chunk names each failing document with its source, and shrinks the
first few to a smaller source that shows the same kind of mismatch.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import graphql.language.parser as ref_parser_module
import pytest
from diffing import first_difference, text_diff
from gen_documents import Document, generate
from graphql import GraphQLError
from graphql import parse as ref_parse
from graphql import print_ast as ref_print_ast
from graphql.utilities import ast_to_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from recursion import recursion_limit

try:
    import graftql
except ImportError as exc:  # fail every test below, loudly, rather than skip
    graftql = None
    GRAFTQL_IMPORT_ERROR: ImportError | None = exc
else:
    GRAFTQL_IMPORT_ERROR = None


@pytest.fixture(autouse=True, scope="module")
def _deep_recursion() -> Iterator[None]:
    """graphql-core stops at MAX_NESTING_DEPTH (200) by itself, but recursing
    200 levels takes about 4 Python frames a level; under pytest that comes
    close to the default recursion limit of 1000, and a RecursionError there
    would make graphql-core report "nested too deeply" at some other token."""
    with recursion_limit(10_000):
        yield


CHUNK_SIZE = 50
REDUCE_FIRST = 3  # failures per chunk to shrink
REDUCE_SECONDS = 5.0  # time allowed to shrink each


def _graftql() -> Any:
    if graftql is None:
        pytest.fail(
            f"graftql is not importable: {GRAFTQL_IMPORT_ERROR!r}. Build and install "
            "it (pip install --no-build-isolation -e .) before running these tests."
        )
    return graftql


# === One document, both parsers ============================================


@dataclass(frozen=True)
class Mismatch:
    """How graftql differs from graphql-core on one source. `kind` is what
    the reducer keeps constant while it shrinks the source."""

    kind: str
    detail: str


def _locations(error: Any) -> list[tuple[int, int]] | None:
    if error.locations is None:
        return None
    return [(loc.line, loc.column) for loc in error.locations]


def compare(source: str) -> Mismatch | None:
    """Run both parsers (and printers) on source; None when they agree."""
    gq = _graftql()
    ref_doc: Any = None
    ref_error: GraphQLError | None = None
    try:
        ref_doc = ref_parse(source)
    except GraphQLError as exc:
        ref_error = exc

    doc: Any = None
    error: Any = None
    try:
        doc = gq.parse(source)
    except gq.GraphQLSyntaxError as exc:
        error = exc
    except Exception as exc:
        return Mismatch("crash", f"graftql.parse raised {type(exc).__name__}: {exc}")

    if ref_error is not None:
        expected = f"{ref_error.message!r} at {_locations(ref_error)}"
        if error is None:
            return Mismatch("accepts-invalid", f"graftql accepted; graphql-core: {expected}")
        if error.message != ref_error.message:
            return Mismatch(
                "message",
                f"graphql-core: {expected}\n     graftql: {error.message!r} at {_locations(error)}",
            )
        if _locations(error) != _locations(ref_error):
            return Mismatch(
                "locations",
                f"{ref_error.message!r}: graphql-core at "
                f"{_locations(ref_error)}, graftql at {_locations(error)}",
            )
        if list(error.locations) != ref_error.locations:
            return Mismatch(
                "locations-type",
                "error.locations do not compare equal to "
                f"graphql-core's SourceLocation: {error.locations!r}",
            )
        if error.formatted != ref_error.formatted:
            return Mismatch(
                "formatted",
                f"graphql-core: {ref_error.formatted!r}\n     graftql: {error.formatted!r}",
            )
        return None

    if error is not None:
        return Mismatch(
            "rejects-valid",
            f"graphql-core accepted; graftql: {error.message!r} at {_locations(error)}",
        )
    return _compare_accepted(gq, source, ref_doc, doc)


def _compare_accepted(gq: Any, source: str, ref_doc: Any, doc: Any) -> Mismatch | None:
    try:
        printed = gq.print_ast(doc)
    except Exception as exc:
        return Mismatch("crash", f"graftql.print_ast raised {type(exc).__name__}: {exc}")
    ref_printed = ref_print_ast(ref_doc)
    if printed != ref_printed:
        return Mismatch("print", text_diff(ref_printed, printed))

    ref_tree = ast_to_dict(ref_doc, locations=True)
    tree = doc.to_dict(locations=True)
    if tree != ref_tree:
        return Mismatch("to_dict", "to_dict(locations=True) " + first_difference(ref_tree, tree))
    ref_bare = ast_to_dict(ref_doc)
    bare = doc.to_dict()
    if bare != ref_bare:
        return Mismatch("to_dict", "to_dict() " + first_difference(ref_bare, bare))
    if doc.token_count != ref_doc.token_count:
        return Mismatch(
            "token_count", f"graphql-core: {ref_doc.token_count}, graftql: {doc.token_count}"
        )
    # With no_location, graphql-core's nodes have loc None: no "loc" keys.
    unlocated_doc = gq.parse(source, no_location=True)
    unlocated = unlocated_doc.to_dict(locations=True)
    if unlocated != ref_bare:
        return Mismatch(
            "no_location",
            "parse(no_location=True).to_dict(locations=True) "
            + first_difference(ref_bare, unlocated),
        )
    if gq.print_ast(unlocated_doc) != ref_printed:
        return Mismatch("no_location", "print_ast of a no_location document differs")

    # graphql-core's printer does not always give a document that parses
    # back: `type T` then the shorthand query `{ a }` prints as "type T\n\n{
    # a }", whose braces then open the fields of T. graftql must do the same.
    try:
        ref_reprinted = ref_print_ast(ref_parse(ref_printed))
    except GraphQLError as error:
        ref_reprinted = f"error: {error.message} at {_locations(error)}"
    try:
        reprinted = gq.print_ast(gq.parse(printed))
    except gq.GraphQLSyntaxError as error:
        reprinted = f"error: {error.message} at {_locations(error)}"
    except Exception as exc:
        return Mismatch("crash", f"parsing the printed document raised {exc!r}")
    if reprinted != ref_reprinted:
        return Mismatch(
            "roundtrip",
            f"printed: {printed!r:.1500}\nprinting that again:\n"
            + text_diff(ref_reprinted, reprinted),
        )
    return None


# === Shrinking a failing source ============================================


# Units the reducer deletes, coarse to fine: lines, then rough tokens
# (strings, comments, names, numbers, whitespace runs, single characters),
# then characters. Each split gives the source back when joined.
_SPLITTERS: tuple[Callable[[str], list[str]], ...] = (
    lambda s: s.splitlines(keepends=True),
    lambda s: re.findall(
        r'"""(?:\\"""|[^"]|"(?!""))*"""|"(?:\\.|[^"\\\n])*"|#[^\n\r]*'
        r"|[_A-Za-z][_0-9A-Za-z]*|-?[0-9][0-9.eE+-]*|\.\.\.|\s+|.",
        s,
        re.S,
    ),
    list,
)


def reduce(source: str, kind: str, seconds: float = REDUCE_SECONDS) -> str:
    """A smaller source on which compare() still reports a mismatch of the
    same kind: delta debugging over lines, tokens, then characters, within
    a time budget."""
    deadline = time.monotonic() + seconds

    def still_fails(units: list[str]) -> bool:
        mismatch = compare("".join(units))
        return mismatch is not None and mismatch.kind == kind

    current = source
    for split in _SPLITTERS:
        units = split(current)
        n = 2
        while len(units) >= 2 and time.monotonic() < deadline:
            step = max(1, len(units) // n)
            for start in range(0, len(units), step):
                candidate = units[:start] + units[start + step :]
                if time.monotonic() > deadline:
                    break
                if still_fails(candidate):
                    units = candidate
                    n = max(n - 1, 2)
                    break
            else:
                if step == 1:
                    break
                n = min(n * 2, len(units))
        current = "".join(units)
    return current


def _show(source: str, limit: int = 1200) -> str:
    text = repr(source)
    return text if len(text) <= limit else f"{text[: limit // 2]} ... {text[-limit // 2 :]}"


def _report(failures: list[tuple[Document, Mismatch]]) -> str:
    out = [
        f"{len(failures)} document(s) differ: "
        + ", ".join(f"{doc.id} ({m.kind})" for doc, m in failures)
    ]
    for i, (doc, mismatch) in enumerate(failures):
        out.append(f"\n--- {doc.id} [{doc.group}] {doc.note} -- {mismatch.kind}")
        out.append(f"source: {_show(doc.source)}")
        out.append(mismatch.detail)
        if i < REDUCE_FIRST and len(doc.source) > 20:
            smaller = reduce(doc.source, mismatch.kind)
            if smaller != doc.source:
                again = compare(smaller)
                out.append(f"reduced: {_show(smaller)}")
                if again is not None:
                    out.append(again.detail)
    return "\n".join(out)


# === The corpus ============================================================

CORPUS = generate()
CHUNKS = [CORPUS[i : i + CHUNK_SIZE] for i in range(0, len(CORPUS), CHUNK_SIZE)]


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"{c[0].id}..{c[-1].id}" for c in CHUNKS])
def test_corpus(chunk: list[Document]) -> None:
    failures = [(doc, m) for doc in chunk if (m := compare(doc.source)) is not None]
    if failures:
        pytest.fail(_report(failures), pytrace=False)


def test_corpus_shape() -> None:
    """The corpus keeps its size and share of invalid documents (a change to
    the generator that breaks this weakens every test above)."""
    assert len(CORPUS) >= 3000
    rejected = 0
    for doc in CORPUS:
        try:
            ref_parse(doc.source)
        except GraphQLError:
            rejected += 1
    assert rejected / len(CORPUS) >= 0.3


# === Random text ===========================================================

# Pieces random documents are made of: enough structure to get past the
# first token now and then, enough junk to reach every error.
PIECES = (
    "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "|", "&", "...", ".", "..", ",",
    " ", "  ", "\n", "\r\n", "\r", "\t", "\ufeff", "#", "# c\n",
    '"', '"""', "\\", "\\u", "\\u{", "\\n", "\\\"", "'", "\\u00e9", "\\uD83D", "\\uDE00",
    "0", "1", "-", "9", "e", "E", "+", "1.5", "-0", "0x", "1e",
    "a", "b", "x", "_", "Foo", "query", "mutation", "subscription", "fragment", "on",
    "type", "schema", "scalar", "interface", "union", "enum", "input", "extend",
    "directive", "implements", "repeatable", "true", "false", "null", "FIELD", "QUERY",
    "é", "日本", "😀", "\x00", "\x01", "\x7f", "\u2028", "\u00a0",
)  # fmt: skip
CHARS = "{}()[]:=@$!|&.,\n\r\t \"'\\#-+019eEaxzO_é😀\x00\ufeff"

random_sources = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.text(alphabet=CHARS, max_size=60),
)


@settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(random_sources)
def test_random_text(source: str) -> None:
    mismatch = compare(source)
    assert mismatch is None, f"{mismatch.kind}: {mismatch.detail}\nsource: {source!r}"


# === Limits ================================================================


def _ref_outcome(call: Callable[[], Any]) -> tuple[str, list[tuple[int, int]] | None] | None:
    try:
        call()
    except GraphQLError as error:
        return error.message, _locations(error)
    return None


def _outcome(call: Callable[[], Any]) -> tuple[str, list[tuple[int, int]] | None] | None:
    gq = _graftql()
    try:
        call()
    except gq.GraphQLSyntaxError as error:
        return error.message, _locations(error)
    return None


LIMIT_SOURCES = (
    "{ a b c }",
    "query Q($v: Int = 1) { a(x: [1, 2, {y: 3}]) { b ...F } } fragment F on T { c }",
    "# one\n# two\n{ a # three\n b }\n# four\n",
    "# c\n" * 20 + "{ a }",
    "{ a }" + "# c\n" * 20,
    "{ a\n# c\n# c\n# c\n b }",
    'type T { a(b: Int = 1): [String!]! @deprecated }\n"d" scalar S',
    "{ a } {",
    '{ f(a: "unterminated',
    "{ a }\r\n{ b }\r\n",  # max_source_length 6 ends between \r and \n
    "\r\n\r\n{ a }",
)


def _token_counts() -> Iterator[tuple[str, int]]:
    for source in LIMIT_SOURCES:
        try:
            count = ref_parse(source).token_count
        except GraphQLError:
            count = len(source.split())
        for n in sorted({1, 2, count - 1, count, count + 1} - {0, -1}):
            yield source, n


@pytest.mark.parametrize(("source", "max_tokens"), list(_token_counts()))
def test_max_tokens(source: str, max_tokens: int) -> None:
    """graftql's max_tokens counts comments, as graphql-core's max_tokens."""
    gq = _graftql()
    expected = _ref_outcome(lambda: ref_parse(source, max_tokens=max_tokens))
    got = _outcome(lambda: gq.parse(source, max_tokens=max_tokens))
    assert got == expected, f"source: {source!r}"


@pytest.mark.parametrize("source", (*LIMIT_SOURCES, "{ é😀日本 }", "\ufeff{ a }"))
@pytest.mark.parametrize("max_source_length", [1, 3, 5, 6, 9, 10, 11, 40])
def test_max_source_length(source: str, max_source_length: int) -> None:
    gq = _graftql()
    expected = _ref_outcome(lambda: ref_parse(source, max_source_length=max_source_length))
    got = _outcome(lambda: gq.parse(source, max_source_length=max_source_length))
    assert got == expected, f"source: {source!r}"


def _nested_sources() -> Iterator[str]:
    for depth in (1, 2, 3, 6):
        yield "{ a " * (depth - 1) + "{ b }" + " }" * (depth - 1)
        yield "{ f(x: " + "[" * depth + "1" + "]" * depth + ") }"
        yield "{ f(x: " + "{a: " * depth + "1" + "}" * depth + ") }"
        yield "query ($v: " + "[" * depth + "Int!" + "]" * depth + ") { a }"
        yield "type T { f(a: " + "[" * depth + "Int" + "]" * depth + " = []): Int }"


@pytest.mark.parametrize("max_depth", [1, 2, 3, 5])
@pytest.mark.parametrize("source", list(_nested_sources()))
def test_max_depth(monkeypatch: pytest.MonkeyPatch, source: str, max_depth: int) -> None:
    """graftql's max_depth=N behaves as graphql-core with MAX_NESTING_DEPTH = N."""
    gq = _graftql()
    monkeypatch.setattr(ref_parser_module, "MAX_NESTING_DEPTH", max_depth)
    expected = _ref_outcome(lambda: ref_parse(source))
    got = _outcome(lambda: gq.parse(source, max_depth=max_depth))
    assert got == expected, f"source: {source!r}"


def test_default_max_tokens() -> None:
    """100,000 tokens by default: graphql-core's error for max_tokens=100000."""
    gq = _graftql()
    fits = "{ " + "a " * 99_998 + "}"
    assert _outcome(lambda: gq.parse(fits)) is None
    too_many = fits + " b"
    expected = _ref_outcome(lambda: ref_parse(too_many, max_tokens=100_000))
    assert expected is not None
    assert _outcome(lambda: gq.parse(too_many)) == expected


def test_default_max_source_length() -> None:
    """4,000,000 code points by default, counted as code points (not bytes)."""
    gq = _graftql()
    fits = "{ a }" + " " * (4_000_000 - 6) + "é"
    too_long = fits + " "
    for source in (fits, too_long):
        expected = _ref_outcome(partial(ref_parse, source, max_source_length=4_000_000))
        assert _outcome(partial(gq.parse, source)) == expected
