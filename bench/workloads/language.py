"""Language workloads: parsing SDL and queries, printing a document."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from types import ModuleType

from bench.workloads.documents import big_query, big_sdl, describe, describe_sdl
from bench.workloads.registry import Op, Workload, register


def _parse(source: str, module: ModuleType) -> Op:
    return partial(module.parse, source)


def _same_printed(results: Mapping[str, tuple[ModuleType, object]]) -> str | None:
    """The parsed documents print the same as graphql-core's."""
    baseline_module, baseline_doc = results["graphql-core"]
    expected = baseline_module.print_ast(baseline_doc)
    for peer, (module, doc) in results.items():
        printed = module.print_ast(doc)
        if printed != expected:
            return f"{peer}: print_ast of the parsed document differs from graphql-core's"
    return None


def _same_text(results: Mapping[str, tuple[ModuleType, object]]) -> str | None:
    expected = results["graphql-core"][1]
    for peer, (_, text) in results.items():
        if text != expected:
            return f"{peer}: printed text differs from graphql-core's"
    return None


def _print(source: str, module: ModuleType) -> Op:
    document = module.parse(source)
    return partial(module.print_ast, document)


register(
    Workload(
        name="parse-sdl",
        description="parse(sdl) of a generated schema: ~300 types, descriptions, arguments",
        setups={
            "graphql-core": lambda m: _parse(big_sdl(), m),
            "graftql": lambda m: _parse(big_sdl(), m),
        },
        inputs=describe_sdl,
        check=_same_printed,
    )
)

register(
    Workload(
        name="parse-query",
        description="parse(query) of a generated query: fragments, variables, nested selections",
        setups={
            "graphql-core": lambda m: _parse(big_query(), m),
            "graftql": lambda m: _parse(big_query(), m),
        },
        inputs=lambda: describe(big_query()),
        check=_same_printed,
    )
)

register(
    Workload(
        name="print",
        description="print_ast(document) of the parse-query document, parsed beforehand",
        setups={
            "graphql-core": lambda m: _print(big_query(), m),
            "graftql": lambda m: _print(big_query(), m),
        },
        inputs=lambda: describe(big_query()),
        check=_same_text,
    )
)


def _parse_to_dict(source: str, module: ModuleType) -> Op:
    return lambda: module.parse(source).to_dict()


register(
    Workload(
        name="parse-query-dict",
        description="parse(query) with the AST as Python objects: graphql-core's parse "
        "against graftql's parse(...).to_dict()",
        setups={
            "graphql-core": lambda m: _parse(big_query(), m),
            "graftql": lambda m: _parse_to_dict(big_query(), m),
        },
        inputs=lambda: describe(big_query()),
    )
)
