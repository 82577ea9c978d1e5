"""Differential tests of graftql.Schema against graphql-core 3.2.14.

For every schema of the generated corpus (gen_schemas.py: 240 valid schemas,
180 invalid ones made by mutation, spread over one to four documents each),
graftql and graphql-core must agree.

Valid schemas (graphql-core: no SDL rule error, no build error, no
validate_schema error):

- ``Schema(sdl).introspect(**flags)`` equals graphql-core's
  ``introspection_from_schema(schema, **flags)``, as JSON text (key and list
  order included);
- graphql-core's ``get_introspection_query(**flags)`` texts run through
  graftql's private runner (``graftql._core.introspect_query``) give
  graphql-core's ``graphql_sync(schema, text).data``;

  every schema gets both with every option on, and one more variant in turn
  (every option off, GraphiQL's query, mixes: see VARIANTS);
- ``Schema(sdl).print()`` equals ``print_schema(build_schema(sdl))`` and
  ``graftql.print_introspection_schema`` equals graphql-core's.

Invalid schemas: ``Schema(sdl)`` raises ``SchemaError`` whose errors have
graphql-core's messages and locations (line, column and document), in
graphql-core's order, and ``str()`` as graphql-core prints its errors.
graphql-core's errors are those ``build_schema`` raises (``assert_valid_sdl``
joins the SDL rule errors' messages into one TypeError; an error while
building is raised as is) or ``validate_schema`` returns; see
``gen_schemas.reference_outcome``. Two differences are deliberate
(docs/architecture.md) and are handled where they arise, below.

A failing chunk names each failing schema with its documents and the first
difference, and shrinks the first few to a smaller schema with the same kind
of mismatch.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from diffing import first_difference, text_diff
from gen_schemas import Outcome, SchemaCase, case_matches, generate, reference_outcome
from graphql import (
    GraphQLSchema,
    get_introspection_query,
    graphql_sync,
    introspection_from_schema,
    print_introspection_schema,
    print_schema,
)

try:
    import graftql
except ImportError as exc:  # fail every test below, loudly, rather than skip
    graftql = None
    GRAFTQL_IMPORT_ERROR: ImportError | None = exc
else:
    GRAFTQL_IMPORT_ERROR = None

CHUNK_SIZE = 20
REDUCE_FIRST = 2  # failures per chunk to shrink
REDUCE_SECONDS = 4.0  # time allowed to shrink each


def _graftql() -> Any:
    if graftql is None:
        pytest.fail(
            f"graftql is not importable: {GRAFTQL_IMPORT_ERROR!r}. Build and install "
            "it (pip install --no-build-isolation -e .) before running these tests."
        )
    missing = [name for name in ("Schema", "SchemaError") if not hasattr(graftql, name)]
    if missing:
        pytest.fail(f"graftql has no {', '.join(missing)}: the Schema API is missing")
    return graftql


# === What is compared ======================================================

# introspection_from_schema's options (and Schema.introspect's), in order.
INTROSPECTION_FLAGS = (
    "descriptions",
    "specified_by_url",
    "directive_is_repeatable",
    "schema_description",
    "input_value_deprecation",
    "experimental_directive_deprecation",
    "input_object_one_of",
)
_ALL_ON = dict.fromkeys(INTROSPECTION_FLAGS, True)
_ALL_OFF = dict.fromkeys(INTROSPECTION_FLAGS, False)


@dataclass(frozen=True)
class Variant:
    """One way of asking for the introspection result: introspect(**flags),
    compared with graphql-core's introspection_from_schema(**flags), or
    the text of get_introspection_query(**flags) run through graftql's
    runner, compared with graphql-core's graphql_sync of that text."""

    label: str
    flags: dict[str, bool]
    query: bool  # through the runner, not introspect()

    def expected(self, schema: GraphQLSchema) -> Any:
        if not self.query:
            return introspection_from_schema(schema, **self.flags)
        result = graphql_sync(schema, get_introspection_query(**self.flags))
        assert not result.errors, result.errors
        return result.data

    def got(self, schema: Any, run: Callable[[Any, str], Any]) -> Any:
        if not self.query:
            return schema.introspect(**self.flags)
        return run(schema, get_introspection_query(**self.flags))


# Every valid schema gets the first two (everything on, both ways) and one
# of the others in turn (graphql-core takes ~10 ms per introspection query).
VARIANTS = (
    Variant("introspect()", {}, False),
    Variant("get_introspection_query(all on)", _ALL_ON, True),
    Variant("introspect(all off)", _ALL_OFF, False),
    # What GraphiQL sends: descriptions only (get_introspection_query()).
    Variant("get_introspection_query()", {"descriptions": True}, True),
    Variant(
        "introspect(every other option)",
        {flag: i % 2 == 0 for i, flag in enumerate(INTROSPECTION_FLAGS)},
        False,
    ),
    Variant(
        "get_introspection_query(the other options)",
        {flag: i % 2 == 1 for i, flag in enumerate(INTROSPECTION_FLAGS)},
        True,
    ),
    Variant(
        "introspect(experimental_directive_deprecation=False)",
        {"experimental_directive_deprecation": False},
        False,
    ),
    Variant("get_introspection_query(all off)", _ALL_OFF, True),
)
ALWAYS = 2


def variants_for(index: int) -> tuple[Variant, ...]:
    return (*VARIANTS[:ALWAYS], VARIANTS[ALWAYS + index % (len(VARIANTS) - ALWAYS)])


@dataclass(frozen=True)
class Mismatch:
    """How graftql differs from graphql-core on one schema. `kind` is what
    the reducer keeps constant while it shrinks the schema."""

    kind: str
    detail: str


def _same_json(expected: Any, got: Any) -> bool:
    return json.dumps(expected, ensure_ascii=False) == json.dumps(got, ensure_ascii=False)


@cache
def _reference(sources: tuple[str, ...]) -> Outcome:
    return reference_outcome(sources)


def _sdl_argument(sources: tuple[str, ...]) -> str | list[str]:
    """One document as a str, several as a list: both forms get used."""
    return sources[0] if len(sources) == 1 else list(sources)


def _introspection_runner(gq: Any) -> Callable[[Any, str], Any]:
    """graftql's private runner of an introspection query text:
    (schema, text) -> the result's data."""
    run = getattr(gq._core, "introspect_query", None)
    if run is None:
        pytest.fail("graftql._core.introspect_query (the introspection query runner) is missing")
    return lambda schema, text: run(schema._core, text)


def compare_valid(
    sources: tuple[str, ...], ref_schema: GraphQLSchema, index: int = 0
) -> Mismatch | None:
    gq = _graftql()
    try:
        schema = gq.Schema(_sdl_argument(sources))
    except gq.SchemaError as exc:
        return Mismatch("rejects-valid", f"graftql raised SchemaError: {exc.message!r:.1500}")
    except Exception as exc:
        return Mismatch("crash", f"graftql.Schema raised {type(exc).__name__}: {exc}")

    printed, ref_printed = schema.print(), print_schema(ref_schema)
    if printed != ref_printed:
        return Mismatch("print", text_diff(ref_printed, printed))
    printed = gq.print_introspection_schema(schema)
    ref_printed = print_introspection_schema(ref_schema)
    if printed != ref_printed:
        return Mismatch("print-introspection", text_diff(ref_printed, printed))

    run = _introspection_runner(gq)
    for variant in variants_for(index):
        expected = variant.expected(ref_schema)
        try:
            got = variant.got(schema, run)
        except Exception as exc:
            return Mismatch("crash", f"{variant.label} raised {type(exc).__name__}: {exc}")
        if not _same_json(expected, got):
            return Mismatch(variant.label, first_difference(expected, got))
    return None


def _error_summary(errors: list[tuple[str, tuple[tuple[int, int, int], ...]]]) -> str:
    return "\n".join(f"  {message!r} at {list(locations)}" for message, locations in errors)


def _graftql_errors(
    error: Any, sources: tuple[str, ...]
) -> list[tuple[str, tuple[tuple[int, int, int], ...]]]:
    out = []
    for e in error.errors:
        nodes = [n for n in (e.nodes or []) if hasattr(n, "location")]
        if nodes:
            locations = tuple(
                (sources.index(n.source), n.location.line, n.location.column) for n in nodes
            )
        else:  # a syntax error, or no location: the first document's lines
            locations = tuple((0, loc.line, loc.column) for loc in e.locations or ())
        out.append((e.message, locations))
    return out


def compare_invalid(sources: tuple[str, ...], outcome: Outcome) -> Mismatch | None:
    gq = _graftql()
    try:
        gq.Schema(_sdl_argument(sources))
    except gq.SchemaError as exc:
        error = exc
    except Exception as exc:
        return Mismatch("crash", f"graftql.Schema raised {type(exc).__name__}: {exc}")
    else:
        return Mismatch(
            "accepts-invalid",
            "graftql accepted; graphql-core:\n"
            + _error_summary([(e.message, e.locations) for e in outcome.errors]),
        )

    got = _graftql_errors(error, sources)
    expected = [(e.message, e.locations) for e in outcome.errors]
    # Deliberate difference 1 (docs/architecture.md): where graphql-core's
    # constructors raise a TypeError without location (a field of an input
    # type, an argument of an output type, an interface or union member of
    # the wrong kind), graftql reports validate_schema's message with its
    # locations, as graphql-js does. `outcome.errors` are then graphql-core's
    # validate_schema errors with those constructor checks off (see
    # gen_schemas.permissive_constructors); outcome.constructor_error is
    # what graphql-core itself raised.
    #
    # Deliberate difference 2: graphql-core raises the first invalid
    # @deprecated reason or @specifiedBy url it meets while building (a
    # lazily built field map wraps it as "<Type> fields cannot be
    # resolved. ..."); graftql reports every one. `outcome.errors` lists
    # them all, in graphql-core's order (each fixed in turn and the schema
    # built again). The first must be the one graphql-core raises; the order
    # of the others is graphql-core's order of building lazily, which graftql
    # (building eagerly) need not follow: compared as a multiset.
    if outcome.stage == "build" and len(expected) > 1 and got and got[0] == expected[0]:
        got = [got[0], *sorted(got[1:])]
        expected = [expected[0], *sorted(expected[1:])]
    if [m for m, _ in got] != [m for m, _ in expected]:
        kind = "messages" if len(got) == len(expected) else "error-count"
        return Mismatch(
            kind, f"graphql-core:\n{_error_summary(expected)}\ngraftql:\n{_error_summary(got)}"
        )
    if got != expected:
        return Mismatch(
            "locations",
            f"graphql-core:\n{_error_summary(expected)}\ngraftql:\n{_error_summary(got)}",
        )
    if outcome.stage in ("sdl", "schema") and len(sources) == 1:
        # str() with the source excerpt, as graphql-core prints its errors
        # (one document: graphql-core names every source "GraphQL request").
        for e, ref in zip(error.errors, outcome.errors, strict=True):
            if ref.text is not None and str(e) != ref.text:
                return Mismatch("str", f"graphql-core:\n{ref.text}\ngraftql:\n{e}")
    if outcome.stage == "sdl":
        joined = "\n\n".join(m for m, _ in expected)  # assert_valid_sdl's TypeError
        if error.message != joined:
            return Mismatch("joined", f"SchemaError.message {error.message!r:.300}")
    return None


def compare(sources: tuple[str, ...], index: int = 0) -> Mismatch | None:
    """graftql against graphql-core on one schema; None when they agree.
    index picks the introspection variants of a valid schema."""
    try:
        outcome = _reference(sources)
    except Exception as exc:  # not a schema graphql-core can judge: nothing to compare
        return Mismatch("reference-failed", repr(exc))
    if outcome.schema is not None:
        return compare_valid(sources, outcome.schema, index)  # type: ignore[arg-type]
    return compare_invalid(sources, outcome)


# === Shrinking a failing schema ============================================


def reduce(
    sources: tuple[str, ...], kind: str, index: int = 0, seconds: float = REDUCE_SECONDS
) -> tuple[str, ...]:
    """Smaller documents on which compare() still reports a mismatch of the
    same kind: the documents joined into one if that keeps it, then delta
    debugging over top-level definitions, lines and words."""
    deadline = time.monotonic() + seconds

    def still_fails(docs: tuple[str, ...]) -> bool:
        if not all(d.strip() for d in docs):
            return False
        mismatch = compare(docs, index)
        return mismatch is not None and mismatch.kind == kind

    current = sources
    joined = ("\n".join(sources),)
    if len(sources) > 1 and still_fails(joined):
        current = joined
    splitters: tuple[Callable[[str], list[str]], ...] = (
        lambda s: re.split(r"(?<=\n)(?=\S)", s),  # top-level definitions, roughly
        lambda s: s.splitlines(keepends=True),
        lambda s: re.findall(r"\s+|[^\s]+", s),
    )
    for split in splitters:
        for index in range(len(current)):
            units = split(current[index])
            n = 2
            while len(units) >= 2 and time.monotonic() < deadline:
                step = max(1, len(units) // n)
                for start in range(0, len(units), step):
                    candidate = units[:start] + units[start + step :]
                    docs = (*current[:index], "".join(candidate), *current[index + 1 :])
                    if time.monotonic() > deadline:
                        break
                    if still_fails(docs):
                        units = candidate
                        n = max(n - 1, 2)
                        break
                else:
                    if step == 1:
                        break
                    n = min(n * 2, len(units))
            current = (*current[:index], "".join(units), *current[index + 1 :])
    return current


def _show(sources: tuple[str, ...], limit: int = 3000) -> str:
    out = []
    for i, source in enumerate(sources):
        text = (
            source
            if len(source) <= limit
            else source[: limit // 2] + "\n...\n" + source[-limit // 2 :]
        )
        out.append(f"--- document {i}:\n{text}")
    return "\n".join(out)


def _report(failures: list[tuple[SchemaCase, Mismatch]]) -> str:
    out = [
        f"{len(failures)} schema(s) differ: "
        + ", ".join(f"{case.id} ({m.kind})" for case, m in failures)
    ]
    for i, (case, mismatch) in enumerate(failures):
        out.append(f"\n=== {case.id} [{case.group}] {case.note} -- {mismatch.kind}")
        out.append(mismatch.detail)
        if i < REDUCE_FIRST:
            smaller = reduce(case.sources, mismatch.kind, case.index)
            again = compare(smaller, case.index)
            out.append("reduced to:\n" + _show(smaller))
            if again is not None:
                out.append(again.detail)
        else:
            out.append(_show(case.sources, 1200))
    return "\n".join(out)


# === The corpus ============================================================

CORPUS = generate()
VALID = [c for c in CORPUS if c.valid]
INVALID = [c for c in CORPUS if not c.valid]


def _chunks(cases: list[SchemaCase]) -> list[list[SchemaCase]]:
    return [cases[i : i + CHUNK_SIZE] for i in range(0, len(cases), CHUNK_SIZE)]


def _ids(chunks: list[list[SchemaCase]]) -> list[str]:
    return [f"{c[0].id}..{c[-1].id}" for c in chunks]


def _run(chunk: list[SchemaCase]) -> None:
    _graftql()
    failures = [(c, m) for c in chunk if (m := compare(c.sources, c.index)) is not None]
    if failures:
        pytest.fail(_report(failures), pytrace=False)


@pytest.mark.parametrize("chunk", _chunks(VALID), ids=_ids(_chunks(VALID)))
def test_valid(chunk: list[SchemaCase]) -> None:
    _run(chunk)


@pytest.mark.parametrize("chunk", _chunks(INVALID), ids=_ids(_chunks(INVALID)))
def test_invalid(chunk: list[SchemaCase]) -> None:
    _run(chunk)


def test_corpus_shape() -> None:
    """The corpus keeps its size, and every case is what it claims to be for
    graphql-core: valid ones valid, each mutation's error among the errors
    (a generator change that breaks this weakens every test above)."""
    assert len(VALID) >= 200
    assert len(INVALID) >= 100
    problems = []
    stages: dict[str, int] = {}
    for case in CORPUS:
        outcome = _reference(case.sources)
        stages[outcome.stage] = stages.get(outcome.stage, 0) + 1
        messages = [e.message for e in outcome.errors]
        if case.valid != (outcome.stage == "valid") or not case_matches(case, messages):
            problems.append(f"{case.id} {case.group}: {messages[:3]}")
    assert not problems, "\n".join(problems)
    # Every stage at which graphql-core stops is exercised.
    assert all(stages.get(stage, 0) >= 10 for stage in ("sdl", "build", "schema")), stages
    assert sum(len(c.sources) > 1 for c in VALID) >= 50


def test_paths(tmp_path: Path) -> None:
    """SDL split over files: the schema is the same and errors name the file."""
    gq = _graftql()
    case = next(c for c in VALID if len(c.sources) >= 3)
    paths = []
    for i, source in enumerate(case.sources):
        path = tmp_path / f"part{i}.graphql"
        path.write_bytes(source.encode())  # keep "\r\n" as it is
        paths.append(path)
    ref_schema = _reference(case.sources).schema
    assert isinstance(ref_schema, GraphQLSchema)
    assert gq.Schema(paths).print() == print_schema(ref_schema)

    bad = next(c for c in INVALID if len(c.sources) >= 2 and _reference(c.sources).stage == "sdl")
    for i, source in enumerate(bad.sources):
        (tmp_path / f"bad{i}.graphql").write_bytes(source.encode())
    with pytest.raises(gq.SchemaError) as info:
        gq.Schema([tmp_path / f"bad{i}.graphql" for i in range(len(bad.sources))])
    expected = _reference(bad.sources).errors
    assert [e.message for e in info.value.errors] == [e.message for e in expected]
    for e, ref in zip(info.value.errors, expected, strict=True):
        names = [n.name for n in e.nodes or [] if hasattr(n, "name")]
        assert names == [str(tmp_path / f"bad{doc}.graphql") for doc, _, _ in ref.locations]
