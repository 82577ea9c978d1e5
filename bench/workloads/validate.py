"""Validation workloads: the parse-query query validated against the parse-sdl schema.

The schema is built once, outside the timing, on both sides (graphql-core's
build_schema, graftql's Schema). The query is valid: both return no errors,
which the harness checks once before timing.

- validate: parse + validate from text, as a server without a document
  cache does for every request. Each operation gets a text never seen
  before: a comment with a counter goes in front of the query, so a cache
  keyed by the text could not answer it (graftql has none today; this keeps
  the workload honest if one is added). graphql-core: ``validate(schema,
  parse(text))``; graftql: ``schema.validate(text)``.
- validate-only: validate alone, the document parsed beforehand (graphql-core's
  AST, graftql's Document), both against the specified rules.

Both use the specified rules with their default options (max_errors 100,
suggestions on).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from functools import cache
from types import ModuleType
from typing import Any

from bench.workloads.documents import big_query, big_sdl, describe
from bench.workloads.registry import Op, Workload, register


@cache
def _core_schema() -> Any:
    from graphql import build_schema

    return build_schema(big_sdl())


def _fresh_texts() -> Any:
    """An endless supply of distinct texts of the query."""
    query = big_query()
    return (f"# request {n}\n{query}" for n in itertools.count())


def _graphql_core_parse_validate(m: ModuleType) -> Op:
    schema = _core_schema()
    texts = _fresh_texts()
    parse, validate = m.parse, m.validate
    return lambda: validate(schema, parse(next(texts)))


def _graftql_parse_validate(m: ModuleType) -> Op:
    validate = m.Schema(big_sdl()).validate
    texts = _fresh_texts()
    return lambda: validate(next(texts))


def _graphql_core_validate(m: ModuleType) -> Op:
    schema = _core_schema()
    document = m.parse(big_query())
    validate = m.validate
    return lambda: validate(schema, document)


def _graftql_validate(m: ModuleType) -> Op:
    validate = m.Schema(big_sdl()).validate
    document = m.parse(big_query())
    return lambda: validate(document)


def _same_errors(results: Mapping[str, tuple[ModuleType, Any]]) -> str | None:
    """Both give the same errors (none: the query is valid)."""
    expected = [e.formatted for e in results["graphql-core"][1]]
    for peer, (_, errors) in results.items():
        got = [e.formatted for e in errors]
        if got != expected:
            return f"{peer}: {len(got)} validation error(s), graphql-core {len(expected)}"
    if expected:
        return f"the bench query is not valid: {expected[0]['message']}"
    return None


def _inputs() -> str:
    return describe(big_query()) + " (parse-query's), against parse-sdl's schema"


register(
    Workload(
        name="validate",
        description="parse + validate of the big query, a text never seen before each time: "
        "validate(schema, parse(text)) against schema.validate(text)",
        setups={
            "graphql-core": _graphql_core_parse_validate,
            "graftql": _graftql_parse_validate,
        },
        inputs=_inputs,
        check=_same_errors,
    )
)

register(
    Workload(
        name="validate-only",
        description="validate alone, the big query parsed beforehand: "
        "validate(schema, document) against schema.validate(document)",
        setups={"graphql-core": _graphql_core_validate, "graftql": _graftql_validate},
        inputs=_inputs,
        check=_same_errors,
    )
)
