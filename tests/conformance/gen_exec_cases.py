"""Deterministic corpus of execution cases for the differential execution tests.

Each case is a small dict: a schema (SDL), a valid operation against it,
variables, an operation name (mostly None) and root data, for
test_execute_differential.py to execute with graftql's
``Schema(sdl).execute(query, variables=..., operation_name=..., root_value=data)``
and with graphql-core 3.2.14's ``graphql_sync`` (the reference), no
resolvers on either side: graphql-core's default resolver reads
``parent[name]`` from the plain JSON-like data, and abstract types resolve
through its ``__typename`` key.

- Schemas (a pool of SCHEMA_POOL, drawn from a model): objects, interfaces
  (some implementing other interfaces, covariant non-null field types in
  implementations), unions, enums, a custom scalar (graphql-core's identity
  serialize), input objects (nested, recursive through nullable fields and
  lists, fields with defaults), arguments with and without defaults, every
  wrapping of a named type (T, T!, [T], [T!], [T]!, [T!]! and nested lists
  down to [[[T]]]). No @oneOf: graphql-core 3.2.14 does not know it.
- Operations: queries and mutations (serial execution), named or not,
  sometimes two in a document (operation_name picks one; now and then it is
  missing or names no operation: request errors), fields with literal and
  variable arguments (variables at any depth of list and input object
  literals), aliases, the same response key selected twice (merged), named
  fragments (nested, spread more than once), inline fragments with and
  without type conditions (on objects, interfaces and unions), @skip and
  @include with literals and variables (together on one selection too),
  __typename everywhere, __type on the root. Every operation is validated
  with graphql-core (``validate``) and regenerated if it is not valid:
  execution assumes a valid document.
- Data: generated from the operation (what it selects, through every
  fragment that can apply to the concrete type picked), mostly right, with
  faults at a rate set per case (a third of the cases have none): nulls and
  missing keys in non-null positions, wrong scalar types (strings, floats,
  huge ints, bools, lists and objects for Int, Float, String, Boolean, ID),
  invalid enum values, lists where an object is expected and the reverse,
  scalars for objects and lists, a missing ``__typename`` for an abstract
  type, or one naming an object type that is not a possible type, a type
  that does not exist, a type that is not an object type, or not a string.
  Keys come in any order; extra keys and a misleading ``__typename`` on
  objects of a concrete type are there too (both ignored by execution).
- Variables: right for their type mostly (a single value for a list, ints
  for Float, integral floats for Int), omitted when they may be; in 15%
  of the cases that have variables, one fault: a wrong scalar type, null for
  a non-null type (at the top or nested), a missing required variable, an
  unknown or a missing required input field, an invalid enum value, a list
  or a scalar for an input object, null for a nullable variable with a
  non-null default used where null is not allowed (an argument error at
  execution, not a request error).

Every value is JSON: no NaN or infinity, no tuples, string keys only, so a
case survives ``json.loads(json.dumps(case))`` unchanged. Field names never
name an attribute of a Python builtin (list, str, int, ...): graphql-core's
default resolver reads attributes of non-mappings (``getattr(5, "real")``),
and a case where that matters would test Python, not GraphQL.

A case derives from the seed and its index alone (``generate_case(index)``):
a failure is reproduced by its index.

    python tests/conformance/gen_exec_cases.py --check [--count N]
    python tests/conformance/gen_exec_cases.py --show INDEX
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionContext,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    build_schema,
    execute,
    graphql_sync,
    parse,
    validate,
    validate_schema,
)

DEFAULT_SEED = 20260310
DEFAULT_COUNT = 5000
SCHEMA_POOL = 48
MAX_ATTEMPTS = 30  # operations drawn for a case before giving up (never reached)

# Per-case fault rates of the data: (weight, probability of a fault at each position).
DATA_FAULT_PROFILES = ((0.34, 0.0), (0.36, 0.015), (0.30, 0.05))
LEAF_FAULT_FACTOR = 2.5  # leaves get more faults than other positions
VARIABLE_FAULT_RATE = 0.15  # of the cases that have variables
TWO_OPERATIONS_RATE = 0.06
OPERATION_FAULT_RATE = 0.3  # of those: the operation name missing or naming no operation
ROOT_FAULT_RATE = 0.006  # root value a list or None
DATA_BUDGET = 350  # values generated per case before lists shrink to 0 or 1 item

# === Vocabulary ============================================================

BUILTIN_SCALARS = ("Int", "Float", "String", "Boolean", "ID")
OBJECT_NAMES = (
    "User",
    "Post",
    "Comment",
    "Product",
    "Order",
    "Shop",
    "Image",
    "Video",
    "Tag",
    "Review",
    "Team",
    "Event",
)
INTERFACE_NAMES = ("Node", "Named", "Entity", "Media", "Timestamped")
UNION_NAMES = ("SearchResult", "FeedItem", "Attachment", "Actor")
ENUM_NAMES = ("Color", "Status", "Role", "Level", "Size")
ENUM_VALUES = (
    "RED",
    "GREEN",
    "BLUE",
    "ACTIVE",
    "INACTIVE",
    "ADMIN",
    "GUEST",
    "LOW",
    "HIGH",
    "SMALL",
    "LARGE",
    "NONE",
    "ON",
    "OFF",
    "draft",
    "v2",
    "_internal",
)
INPUT_NAMES = ("Filter", "Range", "Point", "Options", "Page", "Criteria")
CUSTOM_SCALARS = ("JSON", "DateTime")
FIELD_NAMES = (
    "id",
    "name",
    "label",
    "size",
    "price",
    "rating",
    "score",
    "weight",
    "tags",
    "owner",
    "parent",
    "children",
    "friends",
    "nodes",
    "node",
    "author",
    "kind",
    "status",
    "color",
    "level",
    "amount",
    "total",
    "active",
    "enabled",
    "note",
    "text",
    "body",
    "summary",
    "created",
    "url",
    "email",
    "code",
    "value",
    "first",
    "last",
    "latest",
    "related",
    "matrix",
    "grid",
    "members",
    "entries",
    "payload",
    "meta",
    "on",
    "query",
    "type",
)
ARG_NAMES = ("first", "after", "filter", "limit", "offset", "where", "order", "by", "input", "ids")
INPUT_FIELD_NAMES = (
    "min",
    "max",
    "x",
    "y",
    "name",
    "tags",
    "exact",
    "nested",
    "range",
    "flags",
    "mode",
    "deep",
    "limit",
)
ALIAS_WORDS = ("a", "b", "c", "alias", "other", "x", "y", "second", "renamed", "id", "name", "on")
VARIABLE_WORDS = ("v", "arg", "input", "x", "flag", "cond", "filter", "on", "if")
FRAGMENT_WORDS = ("F", "Frag", "Parts", "Fields", "Details", "X")

_PYTHON_ATTRIBUTES = frozenset().union(
    *(dir(t) for t in (int, float, str, bool, list, dict, tuple, type(None)))
)
assert not _PYTHON_ATTRIBUTES & {*FIELD_NAMES, *ALIAS_WORDS}, "a field name is a Python attribute"

STRINGS = (
    "",
    "hello",
    "Hello, World",
    "é",
    "日本語",
    "😀 emoji",
    'quote " and \\ backslash',
    "line\nbreak\ttab\r",
    "\x00\x01\x1f\x7f",
    "\u2028\u2029",
    "\ud7ff\ue000\ufffd\U0010ffff",
    "/slash/",
    "x" * 260,
)
INTS = (0, 1, -1, 7, 42, 100, -2147483648, 2147483647, 65536, -99)
FLOATS = (
    0.0,
    -0.0,
    1.5,
    -0.25,
    0.1,
    1e-7,
    1e16,
    123456789.125,
    5e-324,
    1.7976931348623157e308,
    2.5e-5,
    3.0,
    1e22,
)
INT_LITERALS = ("0", "1", "-1", "42", "2147483647", "-2147483648", "7", "-0")
FLOAT_LITERALS = ("1.5", "-0.25", "1e3", "6.02E23", "0.0", "3", "-7", "1.0e-2")

# Data faults, per kind of position: (kind, values).
INT_FAULTS = (
    ("string_for_int", ("abc", "", "42", "-7", "4.5", "1e3", "x" * 260)),
    ("float_for_int", (2.5, 3.0, -0.0, 1e10, 1e300, -1.5)),
    ("huge_int", (2147483648, -2147483649, 10**20, 2**63, -(10**30))),
    ("bool_for_number", (True, False)),
    ("list_for_scalar", ([1, 2], [], [[None]])),
    ("object_for_scalar", ({"a": 1}, {}, {"nested": {"deep": [1, {"x": None}]}})),
)
FLOAT_FAULTS = (
    ("string_for_float", ("abc", "", "1.5", "-0", "1e5", "nan", "inf")),
    ("huge_int", (10**20, 2**63, -(10**30))),
    ("bool_for_number", (True, False)),
    ("list_for_scalar", ([1.5], [])),
    ("object_for_scalar", ({"a": 1.5}, {})),
)
STRING_FAULTS = (
    ("number_for_string", (42, -1, 1.5, -0.0, 1e20, 10**20, 1e-7)),
    ("bool_for_string", (True, False)),
    ("list_for_scalar", (["a"], [])),
    ("object_for_scalar", ({"a": "b"}, {})),
)
BOOLEAN_FAULTS = (
    ("number_for_boolean", (1, 0, 2.5, 0.0, -3)),
    ("string_for_boolean", ("true", "", "false")),
    ("list_for_scalar", ([True],)),
    ("object_for_scalar", ({"a": True},)),
)
ID_FAULTS = (
    ("float_for_id", (1.0, 1.5, -0.0, 1e20)),
    ("bool_for_id", (True, False)),
    ("list_for_scalar", (["1"],)),
    ("object_for_scalar", ({"id": 1},)),
)
# Python's int() and float() read these (graphql-core's Int and Float
# serializers call them); kept apart so that a difference here is named.
PYTHON_NUMERIC_STRINGS = (" 12 ", "1_000", "+5", "\t-3\n")
LEAF_FAULTS = {
    "Int": INT_FAULTS,
    "Float": FLOAT_FAULTS,
    "String": STRING_FAULTS,
    "Boolean": BOOLEAN_FAULTS,
    "ID": ID_FAULTS,
}


# Every kind of fault a case can hold (case["faults"] counts them).
DATA_FAULT_KINDS = (
    "null_in_non_null",
    "missing_key",
    "object_for_list",
    "scalar_for_list",
    "list_for_object",
    "scalar_for_object",
    "invalid_enum",
    "missing_typename",
    "impossible_typename",
    "unknown_typename",
    "non_object_typename",
    "non_string_typename",
    *sorted({kind for table in LEAF_FAULTS.values() for kind, _ in table}),
    "python_numeric_string",
    "root_not_an_object",
)
VARIABLE_FAULT_KINDS = (
    "var_missing_required",
    "var_null_non_null",
    "var_null_non_null_nested",
    "var_null_at_non_null_position",
    "var_wrong_type",
    "var_invalid_enum",
    "var_unknown_field",
    "var_missing_field",
    "var_not_mapping",
)
OPERATION_FAULT_KINDS = ("operation_name_missing", "operation_name_unknown")
FAULT_KINDS = DATA_FAULT_KINDS + VARIABLE_FAULT_KINDS + OPERATION_FAULT_KINDS


# === The schema model ======================================================


@dataclass
class InputValue:
    name: str
    type: str
    default: str | None = None  # a GraphQL literal


@dataclass
class OutField:
    name: str
    type: str
    args: list[InputValue] = field(default_factory=list)


@dataclass
class Composite:
    name: str
    kind: str  # "object" or "interface"
    fields: dict[str, OutField] = field(default_factory=dict)
    interfaces: list[str] = field(default_factory=list)


@dataclass
class Model:
    enums: dict[str, list[str]] = field(default_factory=dict)
    scalars: list[str] = field(default_factory=list)
    inputs: dict[str, list[InputValue]] = field(default_factory=dict)
    interfaces: dict[str, Composite] = field(default_factory=dict)
    objects: dict[str, Composite] = field(default_factory=dict)
    unions: dict[str, list[str]] = field(default_factory=dict)
    mutation: bool = False

    def kind(self, name: str) -> str:
        if name in BUILTIN_SCALARS or name in self.scalars:
            return "scalar"
        if name in self.enums:
            return "enum"
        if name in self.inputs:
            return "input"
        if name in self.objects:
            return "object"
        if name in self.interfaces:
            return "interface"
        if name in self.unions:
            return "union"
        raise KeyError(name)

    def composite(self, name: str) -> Composite:
        return self.objects[name] if name in self.objects else self.interfaces[name]

    def possible(self, name: str) -> list[str]:
        if name in self.objects:
            return [name]
        if name in self.unions:
            return list(self.unions[name])
        return [o.name for o in self.objects.values() if name in o.interfaces]

    def overlap(self, a: str, b: str) -> bool:
        return bool(set(self.possible(a)) & set(self.possible(b)))


def named(type_ref: str) -> str:
    return type_ref.strip("[]!")


def non_null(type_ref: str) -> bool:
    return type_ref.endswith("!")


def nullable(type_ref: str) -> str:
    return type_ref[:-1] if type_ref.endswith("!") else type_ref


def is_list(type_ref: str) -> bool:
    return nullable(type_ref).startswith("[")


def item_type(type_ref: str) -> str:
    return nullable(type_ref)[1:-1]


def wrapping(type_ref: str) -> str:
    """The wrapping of a type with its named type as T: '[T!]!'."""
    return type_ref.replace(named(type_ref), "T")


OUTPUT_WRAPS = (
    ("T", 5.0),
    ("T!", 5.0),
    ("[T]", 2.0),
    ("[T!]", 2.0),
    ("[T]!", 2.0),
    ("[T!]!", 2.0),
    ("[[T]]", 0.5),
    ("[[T!]]!", 0.4),
    ("[[T!]!]", 0.4),
    ("[[T]!]!", 0.4),
    ("[[T!]!]!", 0.4),
    ("[[[T]]]", 0.15),
)
INPUT_WRAPS = (
    ("T", 6.0),
    ("T!", 3.0),
    ("[T]", 1.5),
    ("[T!]", 1.0),
    ("[T]!", 0.7),
    ("[T!]!", 0.7),
    ("[[T]]", 0.3),
    ("[[T!]!]", 0.2),
)


def _weighted(rng: random.Random, table: tuple[tuple[Any, float], ...]) -> Any:
    return rng.choices([v for v, _ in table], [w for _, w in table])[0]


def _wrap(rng: random.Random, name: str, table: tuple[tuple[str, float], ...]) -> str:
    return _weighted(rng, table).replace("T", name)


def graphql_string(text: str, rng: random.Random | None = None) -> str:
    """A GraphQL string literal for text (escapes where needed, \\u sometimes)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif code > 0xFFFF:
            out.append(ch if rng is None or rng.random() < 0.5 else _surrogates(code))
        elif ch == "/" and rng is not None and rng.random() < 0.5:
            out.append("\\/")
        elif code > 0x7F and rng is not None and rng.random() < 0.3:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _surrogates(code: int) -> str:
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}"


class Literals:
    """Valid GraphQL literals (for defaults) and JSON values (for variables)
    of the model's input types."""

    def __init__(self, model: Model, rng: random.Random) -> None:
        self.model = model
        self.rng = rng

    def literal(self, type_ref: str, depth: int = 0) -> str:
        rng = self.rng
        if non_null(type_ref):
            return self._literal_of(type_ref[:-1], depth)
        if rng.random() < 0.1:
            return "null"
        return self._literal_of(type_ref, depth)

    def _literal_of(self, type_ref: str, depth: int) -> str:
        rng = self.rng
        if type_ref.startswith("["):
            inner = item_type(type_ref)
            if rng.random() < 0.2:
                return self.literal(inner, depth + 1)  # one value for a list
            count = 0 if depth > 2 else rng.randint(0, 3)
            return "[" + ", ".join(self.literal(inner, depth + 1) for _ in range(count)) + "]"
        return self.named_literal(type_ref, depth)

    def named_literal(self, name: str, depth: int) -> str:
        rng = self.rng
        kind = self.model.kind(name)
        if name == "Int":
            return rng.choice(INT_LITERALS)
        if name == "Float":
            return rng.choice(FLOAT_LITERALS)
        if name == "String":
            if rng.random() < 0.1:
                return '"""block\n  string"""'
            return graphql_string(rng.choice(STRINGS[:-1]), rng)
        if name == "Boolean":
            return rng.choice(("true", "false"))
        if name == "ID":
            return rng.choice(('"abc"', '"42"', "7", '"é"', '"VXNlcjox"', "0"))
        if kind == "scalar":  # custom: any literal
            return rng.choice(('"2024-01-01"', "42", "1.5", "true", '{a: 1, b: [null, "x"]}', "[]"))
        if kind == "enum":
            return rng.choice(self.model.enums[name])
        fields = self.model.inputs[name]
        parts = []
        for f in fields:
            required = non_null(f.type) and f.default is None
            if required or (depth < 3 and rng.random() < 0.45):
                parts.append(f"{f.name}: {self.literal(f.type, depth + 1)}")
        rng.shuffle(parts)
        return "{" + ", ".join(parts) + "}"

    def json_value(self, type_ref: str, depth: int = 0) -> Any:
        rng = self.rng
        if non_null(type_ref):
            return self._json_of(type_ref[:-1], depth)
        if rng.random() < 0.1:
            return None
        return self._json_of(type_ref, depth)

    def _json_of(self, type_ref: str, depth: int) -> Any:
        rng = self.rng
        if type_ref.startswith("["):
            inner = item_type(type_ref)
            if rng.random() < 0.2:
                return self.json_value(inner, depth + 1)  # one value for a list
            count = 0 if depth > 2 else rng.randint(0, 3)
            return [self.json_value(inner, depth + 1) for _ in range(count)]
        name = type_ref
        kind = self.model.kind(name)
        if name == "Int":
            return rng.choice((*INTS, 3.0)) if rng.random() < 0.9 else -0.0
        if name == "Float":
            return rng.choice(FLOATS) if rng.random() < 0.8 else rng.choice(INTS)
        if name == "String":
            return rng.choice(STRINGS)
        if name == "Boolean":
            return rng.random() < 0.5
        if name == "ID":
            return rng.choice(("abc", "42", 7, "é", 0, 12.0))
        if kind == "scalar":
            return any_json(rng, 2)
        if kind == "enum":
            return rng.choice(self.model.enums[name])
        out = {}
        for f in self.model.inputs[name]:
            required = non_null(f.type) and f.default is None
            if required or (depth < 3 and rng.random() < 0.45):
                out[f.name] = self.json_value(f.type, depth + 1)
        return out


def any_json(rng: random.Random, depth: int) -> Any:
    """Any JSON value (a custom scalar's)."""
    r = rng.random()
    if depth <= 0 or r < 0.5:
        return rng.choice((None, True, 0, -5, 2.5, "text", "é😀", 10**20, 1e100))
    if r < 0.75:
        return [any_json(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    return {k: any_json(rng, depth - 1) for k in rng.sample(("a", "b", "é", "__typename"), 2)}


# === Schemas ===============================================================


class SchemaGen:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.m = Model()

    def output_type(self, bias_composite: float = 0.0) -> str:
        rng, m = self.rng, self.m
        kinds: list[tuple[str, float]] = [
            ("scalar", 4.0 - 2 * bias_composite),
            ("enum", 1.0),
            ("object", 2.5 + 2 * bias_composite),
            ("interface", 1.0 + bias_composite if m.interfaces else 0.0),
            ("union", 1.0 + bias_composite if m.unions else 0.0),
        ]
        kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        if kind == "scalar":
            name = rng.choice((*BUILTIN_SCALARS, *BUILTIN_SCALARS, *m.scalars))
        elif kind == "enum":
            name = rng.choice(list(m.enums))
        elif kind == "object":
            name = rng.choice([o for o in m.objects if o not in ("Query", "Mutation")])
        elif kind == "interface":
            name = rng.choice(list(m.interfaces))
        else:
            name = rng.choice(list(m.unions))
        return _wrap(rng, name, OUTPUT_WRAPS)

    def input_type(self, inputs: list[str] | None = None) -> str:
        rng, m = self.rng, self.m
        pool = [*BUILTIN_SCALARS, *BUILTIN_SCALARS, *m.scalars, *m.enums]
        pool += list(m.inputs if inputs is None else inputs) * 2
        return _wrap(rng, rng.choice(pool), INPUT_WRAPS)

    def arguments(self) -> list[InputValue]:
        rng = self.rng
        if rng.random() < 0.55:
            return []
        args = []
        for name in rng.sample(ARG_NAMES, rng.randint(1, 3)):
            type_ref = self.input_type()
            default = None
            if rng.random() < 0.35:
                default = Literals(self.m, rng).literal(type_ref)
            args.append(InputValue(name, type_ref, default))
        return args

    def fields(
        self,
        count: int,
        taken: dict[str, OutField],
        bias: float = 0.0,
        exclude: frozenset[str] = frozenset(),
    ) -> None:
        names = [n for n in FIELD_NAMES if n not in taken and n not in exclude]
        for name in self.rng.sample(names, min(count, len(names))):
            taken[name] = OutField(name, self.output_type(bias), self.arguments())

    def model(self) -> Model:
        rng, m = self.rng, self.m
        for name in rng.sample(ENUM_NAMES, rng.randint(1, 3)):
            m.enums[name] = rng.sample(ENUM_VALUES, rng.randint(2, 5))
        if rng.random() < 0.5:
            m.scalars.append(rng.choice(CUSTOM_SCALARS))
        for i, name in enumerate(rng.sample(INPUT_NAMES, rng.randint(1, 3))):
            fields: list[InputValue] = []
            earlier = list(m.inputs)
            m.inputs[name] = fields
            for fname in rng.sample(INPUT_FIELD_NAMES, rng.randint(1, 5)):
                if (i > 0 and rng.random() < 0.25) or rng.random() < 0.15:
                    # an earlier input, or this one through a nullable or list position
                    target = rng.choice([*earlier, name])
                    if target == name:
                        type_ref = rng.choice((name, f"[{name}]", f"[{name}!]"))
                    else:
                        type_ref = _wrap(rng, target, INPUT_WRAPS)
                else:
                    type_ref = self.input_type(inputs=[])
                default = None
                if named(type_ref) != name and rng.random() < 0.3:
                    default = Literals(m, rng).literal(type_ref)
                fields.append(InputValue(fname, type_ref, default))
        # Names first (field types may refer to any of them), fields after.
        interface_names = rng.sample(INTERFACE_NAMES, rng.choice((0, 1, 1, 2, 2, 3)))
        object_names = rng.sample(OBJECT_NAMES, rng.randint(3, 6))
        for name in interface_names:
            m.interfaces[name] = Composite(name, "interface")
        for name in object_names:
            m.objects[name] = Composite(name, "object")
        for name in rng.sample(UNION_NAMES, rng.choice((0, 1, 1, 2))):
            m.unions[name] = rng.sample(object_names, rng.randint(1, min(3, len(object_names))))
        for i, name in enumerate(interface_names):
            iface = m.interfaces[name]
            if i > 0 and rng.random() < 0.35:
                parent = m.interfaces[rng.choice(interface_names[:i])]
                iface.interfaces = [*parent.interfaces, parent.name]
                iface.fields = {k: self._implemented(f) for k, f in parent.fields.items()}
            others = frozenset(k for i in m.interfaces.values() for k in i.fields)
            self.fields(rng.randint(1, 3), iface.fields, exclude=others)
        for name in object_names:
            obj = m.objects[name]
            if interface_names and rng.random() < 0.6:
                for iname in rng.sample(interface_names, rng.randint(1, len(interface_names))):
                    self._implement(obj, iname)
            self.fields(rng.randint(1, 4), obj.fields)
        for iname in interface_names:  # every interface has an implementation
            if not m.possible(iname):
                self._implement(m.objects[rng.choice(object_names)], iname)
        query = m.objects["Query"] = Composite("Query", "object")
        self.fields(rng.randint(4, 8), query.fields, bias=0.6)
        for f in query.fields.values():
            if not non_null(f.type) and rng.random() < 0.35:
                f.type += "!"
        if rng.random() < 0.25:
            m.mutation = True
            mutation = m.objects["Mutation"] = Composite("Mutation", "object")
            self.fields(rng.randint(2, 4), mutation.fields, bias=0.6)
        return m

    def _implemented(self, f: OutField) -> OutField:
        type_ref = f.type
        if not non_null(type_ref) and self.rng.random() < 0.2:
            type_ref += "!"  # covariant
        args = list(f.args)
        if self.rng.random() < 0.15:
            extra = [n for n in ARG_NAMES if n not in {a.name for a in args}]
            args.append(InputValue(self.rng.choice(extra), "Int"))
        return OutField(f.name, type_ref, args)

    def _implement(self, obj: Composite, iname: str) -> None:
        """obj implements iname and the interfaces iname implements; iname's
        fields (a superset of theirs, as strict) replace obj's."""
        iface = self.m.interfaces[iname]
        if iname in obj.interfaces:
            return
        names = [*iface.interfaces, iname]
        obj.interfaces += [name for name in names if name not in obj.interfaces]
        for k, f in iface.fields.items():
            obj.fields[k] = self._implemented(f)


def render_sdl(m: Model, rng: random.Random) -> str:
    out = []

    def args_text(args: list[InputValue]) -> str:
        if not args:
            return ""
        parts = [a.name + ": " + a.type + (f" = {a.default}" if a.default else "") for a in args]
        return "(" + ", ".join(parts) + ")"

    for name, values in m.enums.items():
        out.append(f"enum {name} {{\n  " + "\n  ".join(values) + "\n}")
    for name in m.scalars:
        out.append(f"scalar {name}")
    for name, fields in m.inputs.items():
        lines = [f"  {f.name}: {f.type}" + (f" = {f.default}" if f.default else "") for f in fields]
        out.append(f"input {name} {{\n" + "\n".join(lines) + "\n}")
    composites = list(m.interfaces.values()) + list(m.objects.values())
    rng.shuffle(composites)
    for c in composites:
        keyword = "type" if c.kind == "object" else "interface"
        implements = " implements " + " & ".join(c.interfaces) if c.interfaces else ""
        items = list(c.fields.values())
        lines = [f"  {f.name}{args_text(f.args)}: {f.type}" for f in items]
        out.append(f"{keyword} {c.name}{implements} {{\n" + "\n".join(lines) + "\n}")
    for name, members in m.unions.items():
        out.append(f"union {name} = " + " | ".join(members))
    rng.shuffle(out)
    return "\n\n".join(out) + "\n"


@lru_cache(maxsize=SCHEMA_POOL * 2)
def schema_model(seed: int, number: int) -> tuple[Model, str]:
    """Schema `number` of the pool: its model and SDL (valid for graphql-core)."""
    for attempt in range(100):
        rng = random.Random(f"{seed}:schema:{number}:{attempt}")
        m = SchemaGen(rng).model()
        sdl = render_sdl(m, rng)
        try:
            schema = build_schema(sdl)
        except Exception:
            continue
        if not validate_schema(schema):
            return m, sdl
    raise AssertionError(f"no valid schema for {seed}:{number}")


@lru_cache(maxsize=SCHEMA_POOL * 2)
def reference_schema(sdl: str) -> GraphQLSchema:
    return build_schema(sdl)


# === Operations ============================================================


@dataclass
class Variable:
    name: str
    type: str
    default: str | None
    nullable_at_non_null: bool = False  # used where null is not allowed, thanks to a default


@dataclass
class Fragment:
    name: str
    on: str
    text: str = ""
    done: bool = False


class OperationGen:
    """Operations over a model. A response key always stands for the same
    field name, arguments and type throughout the document, so no two
    fields ever conflict (OverlappingFieldsCanBeMerged)."""

    def __init__(self, m: Model, rng: random.Random, features: Counter[str]) -> None:
        self.m = m
        self.rng = rng
        self.features = features
        self.literals = Literals(m, rng)
        self.keys: dict[str, tuple[str, str, str]] = {}
        self.fragment_names: set[str] = set()
        self.all_fragments: list[Fragment] = []
        self.pretty = rng.random() < 0.75
        self.variables: list[Variable] = []
        self.operations: list[tuple[str | None, list[Variable]]] = []
        self.fragments: list[Fragment] = []
        self.budget = 0

    # --- layout

    def _nl(self, depth: int) -> str:
        return "\n" + "  " * depth if self.pretty else " "

    def _block(self, items: list[str], depth: int) -> str:
        inner = self._nl(depth + 1)
        return "{" + inner + inner.join(items) + self._nl(depth) + "}"

    # --- operations

    def document(self) -> tuple[str, str | None]:
        """The document's text and the operation name to run (None: the
        only operation). self.operations has each operation's name and
        variables."""
        rng, m = self.rng, self.m
        count = 2 if rng.random() < TWO_OPERATIONS_RATE else 1
        texts = []
        for i in range(count):
            kind = "mutation" if m.mutation and rng.random() < 0.3 else "query"
            name = None
            if count > 1 or rng.random() < 0.5:
                name = rng.choice(("Q", "Main", "Op", "query", "Test")) + str(i)
            texts.append(self.operation(kind, name))
            self.operations.append((name, list(self.variables)))
            self.features[kind] += 1
        names = [name for name, _ in self.operations if name is not None]
        parts = texts + [f.text for f in self.all_fragments]
        if rng.random() < 0.3:
            rng.shuffle(parts)
        joiner = "\n\n" if self.pretty else " "
        operation_name = None
        if count > 1:
            operation_name = rng.choice(names)
            self.features["operation_name"] += 1
        elif names and rng.random() < 0.3:
            operation_name = names[0]
            self.features["operation_name"] += 1
        return joiner.join(parts) + "\n", operation_name

    def operation(self, kind: str, name: str | None) -> str:
        self.variables = []
        self.fragments = []
        self.budget = self.rng.randint(4, 18)
        root = "Mutation" if kind == "mutation" else "Query"
        body = self.selection_set(root, 0)
        head = kind if name is not None or self.variables or self.rng.random() < 0.3 else ""
        if name is not None:
            head += " " + name
        if self.variables:
            defs = []
            for v in self.variables:
                default = f" = {v.default}" if v.default is not None else ""
                defs.append(f"${v.name}: {v.type}{default}")
            head += "(" + ", ".join(defs) + ")"
            self.features["variables"] += 1
        return (head + " " if head else "") + body

    # --- selections

    def selection_set(self, parent: str, depth: int, indent: int | None = None) -> str:
        """A selection set on parent; depth counts every level, fragment
        definitions included (indent: the layout's, which they restart)."""
        rng, m = self.rng, self.m
        indent = depth if indent is None else indent
        items: list[str] = []
        kind = m.kind(parent)
        count = rng.randint(1, 3) if depth else rng.randint(2, 4)
        for _ in range(count):
            r = rng.random()
            if kind == "union":
                if r < 0.25 or depth >= 4:
                    items.append(self.typename())
                else:
                    items.append(self.fragment_selection(parent, depth, indent))
            elif r < 0.07:
                items.append(self.typename())
            elif r < 0.19 and depth < 4:
                items.append(self.fragment_selection(parent, depth, indent))
            elif depth == 0 and parent == "Query" and r < 0.22:
                items.append(self.type_introspection())
            else:
                items.append(self.field(parent, depth, indent))
            if rng.random() < 0.07:
                items.append(items[rng.randrange(len(items))])  # the same selection again
                self.features["repeated selection"] += 1
        return self._block(items, indent)

    def typename(self) -> str:
        self.features["__typename"] += 1
        if self.rng.random() < 0.2:
            alias = self.alias(("__typename", "", "String!"))
            return f"{alias}: __typename"
        return "__typename" + self.directives()

    def type_introspection(self) -> str:
        rng = self.rng
        name = rng.choice([*self.m.objects, *self.m.enums, *self.m.interfaces, "Int", "Nope"])
        sig = ("__type", f'(name: "{name}")', "__Type")
        if rng.random() < 0.3 and self.keys.get("__type", sig) == sig:
            self.keys["__type"] = sig
            prefix = ""
        else:
            prefix = self.alias(sig) + ": "
        inner = rng.choice(("name kind", "kind name fields { name }", "__typename name"))
        self.features["__type"] += 1
        return f'{prefix}__type(name: "{name}") {{ {inner} }}'

    def alias(self, sig: tuple[str, str, str]) -> str:
        """A response key other than the field's name for sig: one already
        used for it now and then, else a new one."""
        for key, other in self.keys.items():
            if other == sig and key != sig[0] and self.rng.random() < 0.3:
                return key
        while True:
            word = self.rng.choice(ALIAS_WORDS)
            candidate = word if self.rng.random() < 0.4 else f"{word}{self.rng.randint(1, 99)}"
            if self.keys.get(candidate, sig) == sig and candidate != sig[0]:
                self.keys[candidate] = sig
                return candidate

    def field(self, parent: str, depth: int, indent: int) -> str:
        rng, m = self.rng, self.m
        composite = m.composite(parent)
        choices = list(composite.fields.values())
        if depth >= 3 or self.budget <= 0:
            leaves = [f for f in choices if m.kind(named(f.type)) in ("scalar", "enum")]
            if leaves:
                choices = leaves
            elif rng.random() < 0.5 or depth >= 5:
                return self.typename()
        self.budget -= 1
        f = rng.choice(choices)
        args = self.arguments(f)
        sig = (f.name, args, f.type)
        if self.keys.get(f.name, sig) != sig or rng.random() < 0.15:
            key = self.alias(sig)
            head = f"{key}: {f.name}"
            self.features["alias"] += 1
        else:
            self.keys[f.name] = sig
            head = f.name
        self.features["wrap " + wrapping(f.type)] += 1
        self.features["field " + m.kind(named(f.type))] += 1
        head += args + self.directives()
        if m.kind(named(f.type)) in ("object", "interface", "union"):
            return head + " " + self.selection_set(named(f.type), depth + 1, indent + 1)
        return head

    def arguments(self, f: OutField) -> str:
        rng = self.rng
        parts = []
        for a in f.args:
            required = non_null(a.type) and a.default is None
            if required or rng.random() < 0.3:
                value = self.value(a.type, 0, a.default is not None)
                parts.append(f"{a.name}: {value}")
                self.features["argument"] += 1
        if not parts:
            return ""
        rng.shuffle(parts)
        return "(" + ", ".join(parts) + ")"

    def value(self, type_ref: str, depth: int, location_default: bool) -> str:
        """A literal for an input position, variables allowed anywhere."""
        rng, m = self.rng, self.m
        if rng.random() < 0.3:
            return self.variable(type_ref, location_default)
        if not non_null(type_ref) and rng.random() < 0.08:
            return "null"
        inner = nullable(type_ref)
        if inner.startswith("["):
            item = item_type(inner)
            if rng.random() < 0.2:
                return self.value(item, depth + 1, False)
            count = 0 if depth > 2 else rng.randint(0, 3)
            return "[" + ", ".join(self.value(item, depth + 1, False) for _ in range(count)) + "]"
        if m.kind(inner) == "input":
            parts = []
            for f in m.inputs[inner]:
                required = non_null(f.type) and f.default is None
                if required or (depth < 3 and rng.random() < 0.45):
                    value = self.value(f.type, depth + 1, f.default is not None)
                    parts.append(f"{f.name}: {value}")
            self.features["input object literal"] += 1
            return "{" + ", ".join(parts) + "}"
        return self.literals.named_literal(inner, depth)

    def variable(self, type_ref: str, location_default: bool) -> str:
        """A variable allowed at a position of type type_ref."""
        rng = self.rng
        self.features["variable usage"] += 1
        same = [v for v in self.variables if v.type == type_ref]
        if same and rng.random() < 0.35:
            return "$" + rng.choice(same).name
        default: str | None = None
        flagged = False
        if non_null(type_ref):
            r = rng.random()
            if r < 0.72:
                var_type = type_ref
                if rng.random() < 0.1:
                    default = self.literals.literal(var_type)
            elif r < 0.9 or not location_default:
                var_type = nullable(type_ref)
                default = self.literals.literal(type_ref)  # never null
                flagged = True
            else:
                var_type = nullable(type_ref)
                default = "null" if rng.random() < 0.3 else None
                flagged = True
        else:
            var_type = type_ref if rng.random() < 0.82 else type_ref + "!"
            if rng.random() < 0.25:
                default = self.literals.literal(var_type)
        taken = {v.name for v in self.variables}
        while True:
            word = rng.choice(VARIABLE_WORDS)
            name = word if rng.random() < 0.3 else f"{word}{rng.randint(1, 99)}"
            if name not in taken:
                break
        self.variables.append(Variable(name, var_type, default, flagged))
        return "$" + name

    def directives(self) -> str:
        rng = self.rng
        if rng.random() > 0.12:
            return ""
        out = []
        for name in rng.sample(("skip", "include"), 2 if rng.random() < 0.15 else 1):
            if rng.random() < 0.5:
                value = rng.choice(("true", "false"))
                self.features[f"@{name} literal"] += 1
            else:
                value = self.variable("Boolean!", False)
                self.features[f"@{name} variable"] += 1
            out.append(f" @{name}(if: {value})")
        return "".join(out)

    def fragment_selection(self, parent: str, depth: int, indent: int) -> str:
        rng, m = self.rng, self.m
        overlapping = [
            t
            for t in (*m.objects, *m.interfaces, *m.unions)
            if t not in ("Query", "Mutation") and m.overlap(parent, t)
        ]
        if parent in ("Query", "Mutation"):
            overlapping = [parent]
        if rng.random() < 0.55:
            on = rng.choice(overlapping) if overlapping and rng.random() < 0.85 else None
            condition = f" on {on}" if on else ""
            self.features["inline fragment"] += 1
            if on is None:
                self.features["inline fragment without type"] += 1
            head = f"...{condition}{self.directives()} "
            return head + self.selection_set(on or parent, depth + 1, indent + 1)
        reusable = [f for f in self.fragments if f.done and m.overlap(parent, f.on)]
        if parent in ("Query", "Mutation"):
            reusable = [f for f in reusable if f.on == parent]
        self.features["fragment spread"] += 1
        if reusable and rng.random() < 0.4:
            frag = rng.choice(reusable)
            self.features["fragment reused"] += 1
        else:
            while True:
                word = rng.choice(FRAGMENT_WORDS)
                name = f"{word}{rng.randint(1, 999)}"
                if name not in self.fragment_names:
                    break
            self.fragment_names.add(name)
            frag = Fragment(name, rng.choice(overlapping))
            self.fragments.append(frag)
            self.all_fragments.append(frag)
            body = self.selection_set(frag.on, depth + 1, 0)
            frag.text = f"fragment {name} on {frag.on} {body}"
            frag.done = True
        return f"...{frag.name}{self.directives()}"


# === Data ==================================================================

MISSING = object()


class DataGen:
    """Root data for an operation: the fields it selects (through every
    fragment that applies to the concrete type chosen), with faults."""

    def __init__(
        self,
        m: Model,
        rng: random.Random,
        document: DocumentNode,
        rate: float,
        faults: Counter[str],
        features: Counter[str],
    ) -> None:
        self.m = m
        self.rng = rng
        self.rate = rate
        self.faults = faults
        self.features = features
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.size = 0

    def fault(self) -> bool:
        return self.rate > 0 and self.rng.random() < self.rate

    def applies(self, condition: str | None, concrete: str) -> bool:
        return condition is None or concrete in self.m.possible(condition)

    def collect(
        self, concrete: str, selection_set: SelectionSetNode, out: dict[str, list[Any]]
    ) -> None:
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                name = sel.name.value
                if not name.startswith("__"):
                    subs = out.setdefault(name, [])
                    if sel.selection_set is not None:
                        subs.append(sel.selection_set)
            elif isinstance(sel, InlineFragmentNode):
                condition = sel.type_condition.name.value if sel.type_condition else None
                if self.applies(condition, concrete):
                    self.collect(concrete, sel.selection_set, out)
            elif isinstance(sel, FragmentSpreadNode):
                frag = self.fragments[sel.name.value]
                if self.applies(frag.type_condition.name.value, concrete):
                    self.collect(concrete, frag.selection_set, out)

    def object(self, concrete: str, subs: list[SelectionSetNode]) -> dict[str, Any]:
        rng = self.rng
        fields: dict[str, list[Any]] = {}
        for s in subs:
            self.collect(concrete, s, fields)
        composite = self.m.objects[concrete]
        out: dict[str, Any] = {}
        for name, sub in fields.items():
            value = self.value(composite.fields[name].type, sub)
            if value is not MISSING:
                out[name] = value
        if rng.random() < 0.08:
            out[rng.choice(("extra", "unused", "zzz"))] = rng.choice((1, "x", None, [1]))
            self.features["extra key"] += 1
        items = list(out.items())
        if rng.random() < 0.3:
            rng.shuffle(items)
        return dict(items)

    def value(self, type_ref: str, subs: list[Any]) -> Any:
        rng = self.rng
        self.size += 1
        if non_null(type_ref):
            if self.fault():
                kind = rng.choice(("null_in_non_null", "missing_key"))
                self.faults[kind] += 1
                return None if kind == "null_in_non_null" else MISSING
            return self._value_of(type_ref[:-1], subs, list_item=False)
        r = rng.random()
        if r < 0.06:
            return None
        if r < 0.09:
            return MISSING
        return self._value_of(type_ref, subs, list_item=False)

    def item(self, type_ref: str, subs: list[Any]) -> Any:
        value = self.value(type_ref, subs)
        if value is MISSING:  # no key in a list: null
            return None
        return value

    def _value_of(self, type_ref: str, subs: list[Any], list_item: bool) -> Any:
        rng, m = self.rng, self.m
        if type_ref.startswith("["):
            if self.fault():
                kind = rng.choice(("object_for_list", "scalar_for_list"))
                self.faults[kind] += 1
                if kind == "object_for_list":
                    return {"items": []} if rng.random() < 0.5 else {}
                return rng.choice(("abc", "", 5, True, 1.5))
            inner = item_type(type_ref)
            if self.size > DATA_BUDGET:
                count = rng.randint(0, 1)
            else:
                count = rng.choice((0, 1, 1, 2, 2, 3, 3, 4))
            return [self.item(inner, subs) for _ in range(count)]
        kind = m.kind(type_ref)
        if kind == "scalar":
            return self.leaf(type_ref)
        if kind == "enum":
            values = m.enums[type_ref]
            if self.fault():
                self.faults["invalid_enum"] += 1
                return rng.choice(("PURPLE", values[0].lower() + "x", "", 1, True, [values[0]]))
            return rng.choice(values)
        # composite
        if self.fault():
            kind_ = rng.choice(("list_for_object", "scalar_for_object"))
            self.faults[kind_] += 1
            if kind_ == "list_for_object":
                return [] if rng.random() < 0.3 else [self.object(m.possible(type_ref)[0], subs)]
            return rng.choice(("abc", 5, True, 2.5, ""))
        if kind == "object":
            obj = self.object(type_ref, subs)
            if rng.random() < 0.05:
                other = rng.choice([*m.objects, "Nope"])
                obj["__typename"] = other  # ignored for an object type
                self.features["__typename on an object type"] += 1
            return obj
        concrete = rng.choice(m.possible(type_ref))
        obj = self.object(concrete, subs)
        typename: Any = concrete
        if self.fault():
            wrong = [o for o in m.objects if o not in m.possible(type_ref)]
            choices = ["missing_typename", "unknown_typename", "non_object_typename"]
            choices += ["non_string_typename"]
            if wrong:
                choices += ["impossible_typename"] * 2
            fault = rng.choice(choices)
            self.faults[fault] += 1
            if fault == "missing_typename":
                return obj
            typename = {
                "unknown_typename": lambda: rng.choice(("Nope", concrete.lower(), "")),
                "non_object_typename": lambda: rng.choice(
                    [*m.interfaces, *m.unions, *m.enums, "Int", "String", *m.inputs]
                ),
                "non_string_typename": lambda: rng.choice((5, None, True, ["User"])),
                "impossible_typename": lambda: rng.choice([*wrong, "__Type"]),
            }[fault]()
        self.features["abstract value"] += 1
        items = list(obj.items())
        items.insert(rng.randint(0, len(items)), ("__typename", typename))
        return dict(items)

    def leaf(self, name: str) -> Any:
        rng, m = self.rng, self.m
        if name in LEAF_FAULTS and self.rng.random() < self.rate * LEAF_FAULT_FACTOR:
            if name in ("Int", "Float") and rng.random() < 0.08:
                self.faults["python_numeric_string"] += 1
                return rng.choice(PYTHON_NUMERIC_STRINGS)
            kind, values = rng.choice(LEAF_FAULTS[name])
            self.faults[kind] += 1
            return rng.choice(values)
        if name == "Int":
            return rng.choice(INTS)
        if name == "Float":
            return rng.choice(FLOATS) if rng.random() < 0.8 else rng.choice(INTS)
        if name == "String":
            return rng.choice(STRINGS)
        if name == "Boolean":
            return rng.random() < 0.5
        if name == "ID":
            return rng.choice(("abc", "42", 7, "é", "VXNlcjox", 0))
        assert name in m.scalars
        return any_json(rng, 2)


# === Variables =============================================================


class VariableGen:
    def __init__(self, m: Model, rng: random.Random, faults: Counter[str]) -> None:
        self.m = m
        self.rng = rng
        self.faults = faults
        self.literals = Literals(m, rng)

    def values(self, variables: list[Variable], faulty: bool) -> dict[str, Any] | None:
        rng = self.rng
        out: dict[str, Any] = {}
        for v in variables:
            required = non_null(v.type) and v.default is None
            if required or rng.random() < 0.65:
                # never null where null is not allowed: that is a fault (below)
                type_ref = v.type + "!" if v.nullable_at_non_null else v.type
                out[v.name] = self.literals.json_value(type_ref)
        if rng.random() < 0.05:
            out["unusedVariable"] = 1
        if faulty and variables:
            self.fault(variables, out)
        if not out and rng.random() < 0.5:
            return None
        return out

    def fault(self, variables: list[Variable], out: dict[str, Any]) -> None:
        """One fault in the variables: at the top or inside a value."""
        rng = self.rng
        options: list[tuple[str, Variable]] = []
        for v in variables:
            if non_null(v.type) and v.default is None:
                options.append(("var_missing_required", v))
            if non_null(v.type):
                options.append(("var_null_non_null", v))
            if v.nullable_at_non_null:
                options += [("var_null_at_non_null_position", v)] * 3
            if self.m.kind(named(v.type)) == "input":
                options += [("var_nested", v)] * 10
            elif named(v.type) not in self.m.scalars:
                options += [("var_nested", v)] * 4
        if not options:
            return
        for _ in range(5):
            kind, v = rng.choice(options)
            if kind == "var_missing_required":
                out.pop(v.name, None)
            elif kind in ("var_null_non_null", "var_null_at_non_null_position"):
                out[v.name] = None
            else:
                value = self.literals.json_value(v.type + ("" if non_null(v.type) else "!"))
                holder = {v.name: value}
                found = self.nested_fault(v.type, holder, v.name)
                if found is None:
                    continue
                out[v.name] = holder[v.name]
                kind = found
            self.faults[kind] += 1
            return

    def nested_fault(self, type_ref: str, container: Any, key: Any, depth: int = 0) -> str | None:
        """Breaks the value at container[key] (of type type_ref), or one
        inside it; the kind of fault, or None where none can be made."""
        rng, m = self.rng, self.m
        value = container[key]
        inner = nullable(type_ref)
        name = named(inner)
        if inner.startswith("["):
            item = item_type(inner)
            if not isinstance(value, list):  # one value for a list
                return self.nested_fault(item, container, key, depth + 1)
            if not value or rng.random() < 0.15:
                if m.kind(name) == "input" or name in m.scalars:
                    value.append(self.literals.json_value(item + ("" if non_null(item) else "!")))
                    return self.nested_fault(item, value, len(value) - 1, depth + 1)
                container[key] = {"not": "a list"} if rng.random() < 0.6 else [value, {"a": 1}]
                return "var_wrong_type"
            return self.nested_fault(item, value, rng.randrange(len(value)), depth + 1)
        if non_null(type_ref) and depth > 0 and rng.random() < 0.25:
            container[key] = None
            return "var_null_non_null_nested"
        if m.kind(name) == "input":
            if not isinstance(value, dict):
                value = container[key] = self.literals.json_value(inner + "!")
            fields = m.inputs[inner]
            present = [f for f in fields if f.name in value and named(f.type) not in m.scalars]
            if present and rng.random() < 0.5:
                f = rng.choice(present)
                return self.nested_fault(f.type, value, f.name, depth + 1)
            required = [f for f in fields if non_null(f.type) and f.default is None]
            r = rng.random()
            if required and r < 0.3:
                value.pop(rng.choice(required).name, None)
                return "var_missing_field"
            if r < 0.7:
                known = {f.name for f in fields}
                unknown = [n for n in (*INPUT_FIELD_NAMES, "unknownField") if n not in known]
                value[rng.choice(unknown)] = rng.choice((1, None, "x"))
                return "var_unknown_field"
            container[key] = rng.choice(([value], "text", 5, True))
            return "var_not_mapping"
        if m.kind(name) == "enum":
            values = m.enums[name]
            container[key] = rng.choice((values[0].lower(), "PURPLE", 1, values[0] + "X", True))
            return "var_invalid_enum"
        wrong = VARIABLE_WRONG_VALUES.get(name)
        if wrong is None:  # a custom scalar takes anything
            if non_null(type_ref):
                container[key] = None
                return "var_null_non_null_nested"
            return None
        container[key] = rng.choice(wrong)
        return "var_wrong_type"


# Values graphql-core's input coercion refuses, for each built-in scalar.
VARIABLE_WRONG_VALUES: dict[str, tuple[Any, ...]] = {
    "Int": ("7", 2.5, 2**31, -(2**31) - 1, 10**20, True, [1], {"a": 1}, "", 1e300),
    "Float": ("1.5", True, [1.5], {"a": 1}, "nan", ""),
    "String": (5, 1.5, True, ["a"], {"a": "b"}, -0.0),
    "Boolean": (1, "true", 0.0, [True], {"b": False}, "false"),
    "ID": (True, 1.5, ["1"], {"id": 1}, False),
}


# === Cases =================================================================


def generate_case(index: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Case `index` of the corpus for `seed`: a dict with the schema's SDL,
    the query, variables (or None), the operation name (or None), the root
    data, the faults put in (kind: count) and the features used."""
    m, sdl = schema_model(seed, index % SCHEMA_POOL)
    schema = reference_schema(sdl)
    rng = random.Random(f"{seed}:case:{index}")
    for attempt in range(MAX_ATTEMPTS):
        features: Counter[str] = Counter()
        gen = OperationGen(m, rng, features)
        query, operation_name = gen.document()
        document = parse(query)
        errors = validate(schema, document)
        if not errors:
            break
        if attempt == MAX_ATTEMPTS - 1:
            raise AssertionError(f"case {index}: no valid operation: {errors[0]}\n{query}")
    faults: Counter[str] = Counter()
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) > 1 and rng.random() < OPERATION_FAULT_RATE:
        if rng.random() < 0.5:
            operation_name = None
            faults["operation_name_missing"] += 1
        else:
            operation_name = "Unknown"
            faults["operation_name_unknown"] += 1
    chosen = next(
        (op for op in operations if op.name and op.name.value == operation_name), operations[0]
    )
    chosen_name = chosen.name.value if chosen.name else None
    definitions = next(v for name, v in gen.operations if name == chosen_name)
    rate = _weighted(rng, tuple((r, w) for w, r in DATA_FAULT_PROFILES))
    data_gen = DataGen(m, rng, document, rate, faults, features)
    root_type = "Mutation" if chosen.operation.value == "mutation" else "Query"
    data: Any = data_gen.object(root_type, [chosen.selection_set])
    if rng.random() < ROOT_FAULT_RATE:
        data = [data] if rng.random() < 0.5 else None
        faults["root_not_an_object"] += 1
    faulty = rng.random() < VARIABLE_FAULT_RATE
    variables = VariableGen(m, rng, faults).values(definitions, faulty)
    assert set(faults) <= set(FAULT_KINDS), set(faults) - set(FAULT_KINDS)
    return {
        "index": index,
        "seed": seed,
        "schema": index % SCHEMA_POOL,
        "sdl": sdl,
        "query": query,
        "variables": variables,
        "operation_name": operation_name,
        "data": data,
        "faults": dict(sorted(faults.items())),
        "features": dict(sorted(features.items())),
    }


def generate(count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    for index in range(count):
        yield generate_case(index, seed)


# === The reference =========================================================


def reference(case: dict[str, Any]) -> dict[str, Any]:
    """graphql-core's result for a case, by graphql_sync's own steps
    (validate_schema, parse, validate, execute) so that validation errors
    are told apart: {"formatted": ExecutionResult.formatted,
    "validation": the validation errors (formatted; none for a good case),
    "request_error": True if execution never began (variables could not be
    coerced, or no operation to run: ExecutionContext.build's errors)}."""
    schema = reference_schema(case["sdl"])
    assert not validate_schema(schema)
    document = parse(case["query"])
    errors = validate(schema, document)
    if errors:
        result = ExecutionResult(None, errors)
        request_error = True
    else:
        context = ExecutionContext.build(
            schema,
            document,
            case["data"],
            None,
            case["variables"],
            case["operation_name"],
        )
        request_error = isinstance(context, list)
        result = execute(  # type: ignore[assignment]
            schema,
            document,
            case["data"],
            variable_values=case["variables"],
            operation_name=case["operation_name"],
        )
    return {
        "formatted": result.formatted,
        "validation": [e.formatted for e in errors],
        "request_error": request_error,
    }


def reference_sync(case: dict[str, Any]) -> dict[str, Any]:
    """graphql-core's graphql_sync(...).formatted for a case (what reference()
    must give)."""
    result = graphql_sync(
        reference_schema(case["sdl"]),
        case["query"],
        root_value=case["data"],
        variable_values=case["variables"],
        operation_name=case["operation_name"],
    )
    return result.formatted  # type: ignore[return-value]


def outcome(ref: dict[str, Any]) -> str:
    """What graphql-core's result is: "ok" (no errors), "field errors" (data
    and errors), "null root" (execution began, and its errors nulled the
    whole data) or "request error" (execution never began)."""
    formatted = ref["formatted"]
    if ref["request_error"]:
        return "request error"
    if not formatted.get("errors"):
        return "ok"
    return "field errors" if formatted["data"] is not None else "null root"


def json_safe(value: Any) -> bool:
    """True if value comes back from JSON exactly as it is (types included)."""
    try:
        text = json.dumps(value, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError):
        return False
    return json.dumps(json.loads(text), ensure_ascii=False) == text


# === Command line ==========================================================


def _check(count: int, seed: int) -> int:
    started = time.perf_counter()
    cases = list(generate(count, seed))
    generated = time.perf_counter()
    problems = 0
    faults: Counter[str] = Counter()
    features: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    messages: Counter[str] = Counter()
    for case in cases:
        ref = reference(case)
        errors = ref["validation"]
        if errors or not json_safe(case["data"]) or not json_safe(case["variables"]):
            problems += 1
            print(f"case {case['index']}: {errors[:1]}", file=sys.stderr)
        faults.update(case["faults"])
        features.update(dict.fromkeys(case["features"], 1))
        outcomes[outcome(ref)] += 1
        for e in ref["formatted"].get("errors", ()):
            messages[_message_shape(e["message"])] += 1
    executed = time.perf_counter()
    print(
        f"{count} cases: generated in {generated - started:.1f} s, graphql-core "
        f"validated and executed them in {executed - generated:.1f} s; {problems} problem(s)"
    )
    print("outcomes:", dict(outcomes.most_common()))
    print("faults (total):", dict(faults.most_common()))
    print("features (cases):", dict(features.most_common()))
    print("messages:")
    for shape, n in messages.most_common():
        print(f"  {n:6d}  {shape}")
    return 1 if problems else 0


def _message_shape(message: str) -> str:
    shape = re.sub(r"'[^']*'|\"[^\"]*\"|-?\d[\w.+-]*|\[.*\]|\{.*\}", "_", message)
    return re.sub(r"\b[A-Z]\w*\.\w+", "T.f", shape)[:90]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="validate and execute the corpus")
    parser.add_argument("--show", type=int, metavar="INDEX", help="print one case")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.show is not None:
        case = generate_case(args.show, args.seed)
        print(f"# case {args.show} (schema {case['schema']}), faults {case['faults']}")
        print(case["sdl"])
        print(case["query"])
        print("variables:", json.dumps(case["variables"], ensure_ascii=False))
        print("operation_name:", json.dumps(case["operation_name"]))
        print("data:", json.dumps(case["data"], ensure_ascii=False, indent=2))
        ref = reference(case)
        print(f"graphql-core ({outcome(ref)}):")
        print(json.dumps(ref["formatted"], ensure_ascii=False, indent=2))
        return 0
    if args.check:
        return _check(args.count, args.seed)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
