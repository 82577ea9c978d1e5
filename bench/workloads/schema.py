"""Schema workloads: building a schema from SDL, and introspecting it.

The input is a generated schema of 2,000 types, about seven times the
parse-sdl one, drawn like it (bench/workloads/documents.py: the same model
and printer) from a seeded random.Random: 1,242 object types with 8 to 35
fields (13.4 on average; those implementing interfaces repeat theirs), a
sixth of the fields with arguments; 119 interfaces (44 implementing others), 80 unions,
240 enums, 299 input objects, 20 custom scalars; descriptions in strings and
block strings, deprecations, two custom directives. It is valid: every
interface field is implemented with its exact type.

What one operation is, on each side:

- build-schema: graphql-core's build_schema(sdl) (parse, the SDL rules,
  the build, every lazy field map resolved by GraphQLSchema's type
  collection) followed by validate_schema(schema), against graftql's
  Schema(sdl), which does all of that in its constructor (it refuses an
  invalid schema). The fair comparison.
- build-schema-only: graphql-core's build_schema(sdl) alone, without
  validate_schema (an invalid schema would pass unnoticed until first
  executed), against the same graftql Schema(sdl), which still validates.
  The issue's target is stated against build_schema: this is that ratio,
  with graftql doing more work than graphql-core.
- build-schema-assume-valid: both told the schema is valid:
  build_schema(sdl, assume_valid=True) against Schema(sdl, assume_valid=True)
  (no SDL rules, no validate_schema on either side).
- introspect: the full introspection result of the schema built beforehand:
  graphql-core's introspection_from_schema(schema) (which executes
  get_introspection_query's query) against graftql's schema.introspect(),
  both as Python dicts, all options on.

    python -m bench.workloads.schema     # print the SDL
"""

from __future__ import annotations

import random
import sys
from collections.abc import Mapping
from functools import cache
from types import ModuleType
from typing import Any

from bench.workloads.documents import (
    ADJECTIVES,
    DESCRIPTIONS,
    NOUNS,
    SCALAR_FIELDS,
    Arg,
    Field,
    Schema,
    TypeDef,
    print_sdl,
)
from bench.workloads.registry import Op, Workload, register

SEED = 2_000_003
TYPE_COUNT = 2_000

# Shares of the named types by kind, roughly those of large public schemas
# (GitHub's and Shopify's have about 60% objects, 10% enums, 15% inputs).
SHARES = {"interface": 0.06, "union": 0.04, "enum": 0.12, "input": 0.15, "scalar": 0.01}
SUFFIXES = ("", "Edge", "Connection", "Payload", "Summary", "Stats", "Detail", "Event", "Log")
ENUM_VALUES = (
    "DRAFT", "ACTIVE", "PENDING", "ARCHIVED", "DELETED", "FAILED", "COMPLETED", "CANCELLED",
    "ON_HOLD", "REVIEW", "APPROVED", "REJECTED", "OPEN", "CLOSED", "LOCKED", "EXPIRED",
)  # fmt: skip


def _lower(name: str) -> str:
    return name[0].lower() + name[1:]


def _names(rng: random.Random, count: int) -> list[str]:
    """count distinct type names: Noun, AdjectiveNoun, NounSuffix, ..."""
    pool = [f"{a}{n}{s}" for s in SUFFIXES for a in ("", *ADJECTIVES) for n in NOUNS]
    rng.shuffle(pool)
    return pool[:count]


def build_large_model(count: int = TYPE_COUNT, seed: int = SEED) -> Schema:
    """A valid schema model of `count` named types (the built-in scalars and
    the roots Query, Mutation and Subscription included)."""
    rng = random.Random(seed)
    own = count - 5 - 3 - 1  # minus the built-in scalars, the roots and print_sdl's Role
    names = iter(_names(rng, own))
    types: dict[str, TypeDef] = {}
    scalars = ["DateTime", "Money", "JSON", "URL", "Cursor"]  # documents.SCALAR_FIELDS uses them
    for name in scalars:
        types[name] = TypeDef(
            "scalar", name, description=f"A {name} value." if rng.random() < 0.5 else None
        )
    by_kind: dict[str, list[str]] = {kind: [] for kind in SHARES}
    for kind, share in SHARES.items():
        for _ in range(round(own * share) - (len(scalars) if kind == "scalar" else 0)):
            by_kind[kind].append(next(names))
    objects = list(names)  # the rest

    # SCALAR_FIELDS uses Currency and Visibility: they replace two enums.
    types["Currency"] = TypeDef("enum", "Currency", members=["EUR", "USD", "GBP", "JPY", "CHF"])
    types["Visibility"] = TypeDef("enum", "Visibility", members=["PUBLIC", "PRIVATE", "SHARED"])
    enums = ["Currency", "Visibility", *by_kind["enum"][2:]]
    for name in enums[2:]:
        types[name] = TypeDef(
            "enum",
            name,
            members=rng.sample(ENUM_VALUES, rng.randrange(2, 12)),
            description=f"The states of a {name}." if rng.random() < 0.4 else None,
        )
    for name in by_kind["scalar"]:
        types[name] = TypeDef("scalar", name)

    scalar_names = list(SCALAR_FIELDS)
    interfaces = by_kind["interface"]
    for i, name in enumerate(interfaces):
        fields = [Field(f, SCALAR_FIELDS[f]) for f in rng.sample(scalar_names, rng.randrange(2, 6))]
        parents = (
            rng.sample(interfaces[:i], rng.randrange(1, 3)) if i > 4 and rng.random() < 0.3 else []
        )
        # An interface implementing others repeats their fields (and theirs).
        parents = _closure(types, parents)
        inherited = {f.name: f for p in parents for f in types[p].fields}
        fields = list(inherited.values()) + [f for f in fields if f.name not in inherited]
        types[name] = TypeDef(
            "interface",
            name,
            fields=fields,
            interfaces=parents,
            description=f"Something with {fields[0].name}." if rng.random() < 0.6 else None,
        )

    inputs = by_kind["input"]
    for name in inputs:
        types[name] = TypeDef("input", name)
    for name in objects:
        types[name] = TypeDef("object", name)
    unions = by_kind["union"]
    for name in unions:
        types[name] = TypeDef(
            "union",
            name,
            members=rng.sample(objects, rng.randrange(2, 8)),
            description="One of several things." if rng.random() < 0.4 else None,
        )

    def args() -> list[Arg]:
        if rng.random() < 0.5:
            return []
        pool = [
            Arg("first", "Int", "10"),
            Arg("after", "Cursor"),
            Arg("orderBy", rng.choice(enums), None),
            Arg("includeArchived", "Boolean", "false"),
            Arg("search", "String"),
            Arg("locale", "String", '"en"'),
            Arg("filter", rng.choice(inputs)),
            Arg("ids", "[ID!]"),
            Arg("limit", "Int!", "20"),
            Arg("tags", "[String!]", '["a", "b"]'),
        ]
        return rng.sample(pool, rng.randrange(1, 5))

    for name in objects:
        t = types[name]
        t.description = (
            f"A {name} in the system.\n\nCreated by `create{name}`." if rng.random() < 0.4 else None
        )
        t.interfaces = _closure(types, rng.sample(interfaces, rng.choice([0, 0, 1, 1, 2, 3])))
        seen = {f.name: Field(f.name, f.type) for i in t.interfaces for f in types[i].fields}
        target_count = max(len(seen) + 2, rng.randrange(8, 16))
        while len(seen) < target_count:
            r = rng.random()
            if r < 0.5:
                fname = rng.choice(scalar_names)
                f = Field(fname, SCALAR_FIELDS[fname], args() if rng.random() < 0.3 else [])
            elif r < 0.6:
                enum = rng.choice(enums)
                f = Field(_lower(enum), enum)
            else:
                target = rng.choice(objects + unions + interfaces)
                plural = rng.random() < 0.4
                f = Field(
                    _lower(target) + ("List" if plural else ""),
                    f"[{target}!]!" if plural else target,
                    args(),
                )
            if rng.random() < 0.25:
                f.description = rng.choice(DESCRIPTIONS).format(n=f.name)
            if rng.random() < 0.03:
                f.deprecated = f"Use `{rng.choice(scalar_names)}` instead."
            seen.setdefault(f.name, f)
        t.fields = list(seen.values())

    for name in inputs:
        fields = [
            Field(f, SCALAR_FIELDS[f].rstrip("!") if rng.random() < 0.8 else SCALAR_FIELDS[f])
            for f in rng.sample(scalar_names, rng.randrange(3, 10))
        ]
        if rng.random() < 0.3:
            fields.append(Field("and", f"[{name}!]"))
        types[name].fields = fields

    types["Query"] = TypeDef(
        "object",
        "Query",
        fields=[Field(_lower(n), n, [Arg("id", "ID!")]) for n in objects[:400]]
        + [Field(_lower(n), f"[{n}!]!", [Arg("search", "String!")]) for n in unions],
        description="The root of all queries.",
    )
    types["Mutation"] = TypeDef(
        "object",
        "Mutation",
        fields=[Field(f"create{n}", "Boolean!", [Arg("input", f"{n}!")]) for n in inputs[:100]],
    )
    types["Subscription"] = TypeDef(
        "object",
        "Subscription",
        fields=[Field(_lower(n) + "Changed", n, [Arg("id", "ID!")]) for n in objects[:20]],
    )
    return Schema(types)


def _closure(types: dict[str, TypeDef], names: list[str]) -> list[str]:
    out: list[str] = []
    todo = list(names)
    while todo:
        name = todo.pop(0)
        if name not in out:
            out.append(name)
            todo += types[name].interfaces
    return out


@cache
def large_sdl() -> str:
    """The SDL of 2,000 named types."""
    return print_sdl(build_large_model())


def describe_schema(sdl: str) -> str:
    from graphql import build_schema

    schema = build_schema(sdl)
    own = [t for t in schema.type_map.values() if t.ast_node is not None]
    fields = sum(len(getattr(t, "fields", {})) for t in own)
    lines = sdl.count("\n") + 1
    return (
        f"{len(own):,} types, {fields:,} fields and input fields; "
        f"{lines:,} lines, {len(sdl.encode()) / 1024:,.0f} KiB"
    )


# === Operations ============================================================


def _graphql_core_build_and_validate(m: ModuleType) -> Op:
    sdl = large_sdl()

    def op() -> object:
        schema = m.build_schema(sdl)
        errors = m.validate_schema(schema)
        if errors:
            raise AssertionError(errors[0].message)
        return schema

    return op


def _graphql_core_build(m: ModuleType, **options: bool) -> Op:
    sdl = large_sdl()
    return lambda: m.build_schema(sdl, **options)


def _graftql_build(m: ModuleType, **options: bool) -> Op:
    sdl = large_sdl()
    return lambda: m.Schema(sdl, **options)


def _same_schema(results: Mapping[str, tuple[ModuleType, Any]]) -> str | None:
    """graftql's schema prints as graphql-core's print_schema prints its own."""
    core_module, core_schema = results["graphql-core"]
    expected = core_module.print_schema(core_schema)
    for peer, (_, schema) in results.items():
        if peer != "graphql-core" and schema.print() != expected:
            return f"{peer}: the built schema prints differently from graphql-core's"
    return None


def _same_introspection(results: Mapping[str, tuple[ModuleType, Any]]) -> str | None:
    expected = results["graphql-core"][1]
    for peer, (_, data) in results.items():
        if data != expected:
            return f"{peer}: the introspection result differs from graphql-core's"
    return None


def _graphql_core_introspect(m: ModuleType) -> Op:
    schema = m.build_schema(large_sdl())
    return lambda: m.introspection_from_schema(schema)


def _graftql_introspect(m: ModuleType) -> Op:
    schema = m.Schema(large_sdl())
    return schema.introspect  # type: ignore[no-any-return]


def _inputs() -> str:
    return describe_schema(large_sdl())


register(
    Workload(
        name="build-schema",
        description="a 2,000-type schema from SDL, validated: graphql-core's build_schema + "
        "validate_schema against graftql's Schema(sdl)",
        setups={
            "graphql-core": _graphql_core_build_and_validate,
            "graftql": _graftql_build,
        },
        inputs=_inputs,
        check=_same_schema,
    )
)

register(
    Workload(
        name="build-schema-only",
        description="graphql-core's build_schema(sdl) alone (no validate_schema) against "
        "graftql's Schema(sdl) (which still validates)",
        setups={"graphql-core": _graphql_core_build, "graftql": _graftql_build},
        inputs=_inputs,
        check=_same_schema,
    )
)

register(
    Workload(
        name="build-schema-assume-valid",
        description="the 2,000-type schema with validation skipped on both sides: "
        "build_schema(sdl, assume_valid=True) against Schema(sdl, assume_valid=True)",
        setups={
            "graphql-core": lambda m: _graphql_core_build(m, assume_valid=True),
            "graftql": lambda m: _graftql_build(m, assume_valid=True),
        },
        inputs=_inputs,
        check=_same_schema,
    )
)

register(
    Workload(
        name="introspect",
        description="the full introspection result of the 2,000-type schema, as dicts: "
        "introspection_from_schema(schema) against schema.introspect()",
        setups={"graphql-core": _graphql_core_introspect, "graftql": _graftql_introspect},
        inputs=_inputs,
        check=_same_introspection,
    )
)


if __name__ == "__main__":
    sys.stdout.write(large_sdl())
