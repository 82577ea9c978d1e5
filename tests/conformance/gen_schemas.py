"""Deterministic corpus of SDL schemas for the differential schema tests.

The corpus is what test_schema_differential.py builds with graftql and with
graphql-core 3.2.14 (the reference). It has two parts:

- valid schemas, drawn from a model (types, fields, arguments, directives)
  and printed as SDL spread over one to four documents: every type kind;
  interfaces implementing interfaces, with covariant field types and extra
  optional arguments in the implementations; unions; enums; input objects
  (recursive through nullable fields and lists, @oneOf ones); custom scalars
  with @specifiedBy; custom directives (repeatable, executable and type-system
  locations, arguments with defaults) applied where they are allowed;
  deprecations on fields, arguments, input fields and enum values (default
  reason, custom reasons, block-string reasons, explicit null); descriptions
  everywhere, as quoted strings with escapes and as block strings with tricky
  indentation; default values of every input type (scalars, enums, lists,
  a single value for a list, nested input objects, null, and the values
  graphql-core silently drops: an out-of-range Int, a string for an enum);
  an explicit schema definition with non-default root names and a
  description, or the default root names; extensions of every kind (type,
  interface, union, enum, input, scalar, schema) placed in any document;
  comments, commas, CRLF and CR line ends and a byte order mark, which move
  error locations;
- invalid schemas, each made from a valid model by one to three mutations
  that break a named rule (the SDL rules, validate_schema, and the errors
  graphql-core raises while building). Each mutation states a pattern one of
  graphql-core's messages must match, so a mutation that stops breaking its
  rule is noticed (by --check and by the test's corpus-shape check).

All of it is drawn from one seeded random.Random: the corpus is the same on
every run and every machine.

    python tests/conformance/gen_schemas.py --check      # against graphql-core
    python tests/conformance/gen_schemas.py --show ID    # print one case
    python tests/conformance/gen_schemas.py --dump DIR   # one file per document
"""

from __future__ import annotations

import argparse
import importlib
import random
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

DEFAULT_SEED = 20251124
VALID_COUNT = 240
INVALID_ROUNDS = 4  # every mutation is applied this many times (to different models)
COMBINED_COUNT = 40  # invalid schemas with two or three mutations at once


@dataclass(frozen=True)
class SchemaCase:
    """One corpus entry: SDL split over one or more documents, read as one.
    `expected` (invalid cases only) holds one regular expression per
    mutation; each must match one of graphql-core's messages."""

    id: str
    group: str
    sources: tuple[str, ...]
    note: str = ""
    expected: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return self.group.startswith("valid")

    @property
    def index(self) -> int:
        return int(self.id.rsplit("-", 1)[1])


# === Vocabulary ============================================================

OBJECT_NAMES = (
    "Account", "Author", "Book", "Cart", "Comment", "Company", "Country", "Customer",
    "Device", "Event", "File", "Image", "Invoice", "Item", "Label", "Member", "Message",
    "Order", "Page", "Payment", "Photo", "Post", "Product", "Profile", "Project", "Review",
    "Shop", "Tag", "Task", "Team", "Ticket", "Track", "User", "Video", "Wallet", "Zone",
)  # fmt: skip
INTERFACE_NAMES = (
    "Node", "Named", "Timestamped", "Owned", "Entity", "Resource", "Auditable", "Versioned",
    "Searchable", "Described",
)  # fmt: skip
UNION_NAMES = ("SearchResult", "Feed", "Attachment", "Actor", "Subject", "Outcome")
ENUM_NAMES = ("Status", "Role", "Color", "SortOrder", "Visibility", "Currency", "Unit", "Level")
INPUT_NAMES = (
    "Filter", "OrderInput", "UserInput", "Range", "Pagination", "SearchInput", "Coordinates",
    "MoneyInput", "PickBy", "Criteria",
)  # fmt: skip
SCALAR_NAMES = ("DateTime", "URL", "JSON", "Money", "Cursor", "Upload", "Date", "Email")
DIRECTIVE_NAMES = ("auth", "tag", "cost", "cacheControl", "key", "external", "log", "meta")
ROOT_NAMES = {
    "query": ("Root", "QueryRoot", "Q", "Reads", "query"),
    "mutation": ("Mutations", "Writes", "MutationRoot", "M"),
    "subscription": ("Events", "Stream", "SubscriptionRoot"),
}
# Field, argument and input field names, with keywords among them: a name
# is a name wherever it is not a value.
FIELD_NAMES = (
    "id", "name", "title", "body", "count", "total", "createdAt", "updatedAt", "price",
    "owner", "items", "children", "parent", "tags", "status", "score", "url", "email",
    "type", "input", "on", "query", "fragment", "true", "false", "null", "extend",
    "schema", "implements", "repeatable", "enum", "union", "scalar", "directive",
    "snake_case", "_private", "x", "a1", "ALLCAPS", "__notReservedHere"[2:],
)  # fmt: skip
ARG_NAMES = (
    "first", "after", "last", "before", "filter", "orderBy", "id", "ids", "limit", "offset",
    "search", "locale", "format", "if", "on", "type", "input", "null", "by", "where",
)  # fmt: skip
ENUM_VALUES = (
    "ACTIVE", "INACTIVE", "PENDING", "DRAFT", "ARCHIVED", "RED", "GREEN", "BLUE", "ASC",
    "DESC", "ADMIN", "USER", "GUEST", "on", "type", "Mixed_Case", "_UNDERSCORE", "V2",
    "QUERY", "FIELD", "query",
)  # fmt: skip
BUILTIN_SCALARS = ("Int", "Float", "String", "Boolean", "ID")

TYPE_SYSTEM_LOCATIONS = (
    "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
    "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
)  # fmt: skip
EXECUTABLE_LOCATIONS = (
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT", "VARIABLE_DEFINITION",
)  # fmt: skip
OTHER_LOCATIONS = ("DIRECTIVE_DEFINITION",)  # graphql-core 3.2.14 knows it; nothing uses it
ALL_LOCATIONS = TYPE_SYSTEM_LOCATIONS + EXECUTABLE_LOCATIONS + OTHER_LOCATIONS

# Descriptions as SDL source. Quoted strings are the text between the
# quotes; block strings are lines, the first right after the opening quotes,
# the others indented by the definition's indentation plus their own.
QUOTED_DESCRIPTIONS = (
    "Plain description.",
    "",
    " leading and trailing spaces ",
    'With \\"quotes\\" and a backslash \\\\ here.',
    "Unicode: é 日本 😀, escaped: \\u00e9 \\u{1F600} \\uD83D\\uDE00 \\u{0}.",
    "Tab\\tand newline\\nin a quoted string; slash \\/ and \\b\\f\\r.",
    "Markdown `code`, *emphasis* and a [link](https://example.com/a?b=c&d).",
    "A long description that goes on for quite a while, well past the seventy characters "
    "where graphql-core prefers a block string when it prints.",
    "Ends with a quote \\\"",
    "Line one\\nline two\\n\\n  indented line three",
    "# not a comment",
    'Triple quotes \\"\\"\\" inside a quoted string.',
    "\\n  starts with a line break",
    "   ",
)  # fmt: skip
BLOCK_DESCRIPTIONS: tuple[tuple[str, ...], ...] = (
    ("One line in a block string.",),
    ("", "  Indented two.", "", "    Indented four.", "  Back to two.", ""),
    ("First line stays", "    second line", "      third line", "    "),
    ("", "", "   ", "  Blank lines and a whitespace-only line above.", "   ", ""),
    ('Contains \\""" an escaped triple quote and "quotes" and \'single\'.',),
    ('Ends with "a quote"', ""),
    ("Backslashes are literal here: C:\\path\\to \\n \\u00e9 \\ end",),
    ("", "\tTabbed", "\t\tand more", ""),
    ("日本語 and 😀", "  on two lines é"),
    ("   Leading spaces on the first line",),
    ("", "Zero indentation", "  relative two", ""),
    (
        "A long block string line that is longer than seventy characters, so printing keeps "
        "it a block.",
    ),
    ("Trailing spaces   ", "  next   ", ""),
    ("", "  ```graphql", "  query { a }", "  ```", ""),
    ('\\""" at the start is escaped',),
)
DEPRECATION_REASONS = (
    None,  # @deprecated: the default reason
    '"Use `other` instead."',
    '""',
    '"Unicode é \\u00e9 😀"',
    '"""Block reason\n    on two lines"""',
    "null",  # not deprecated at all
    '"No longer supported"',
    '"Quotes \\" and \\\\ backslash"',
)
SPECIFIED_BY_URLS = (
    '"https://tools.ietf.org/html/rfc3339"',
    '"https://example.com/scalar?a=1&b=é"',
    '""',
    '"""https://block.example.com"""',
)


# === The model =============================================================


@dataclass
class InputValue:
    """An argument or an input field."""

    name: str
    type: str  # SDL type reference: "[Int!]!"
    default: str | None = None  # SDL literal
    description: str | None = None  # rendered SDL, see Gen.description
    deprecation: str | None = None  # rendered directive, "@deprecated(...)"
    directives: list[str] = field(default_factory=list)


@dataclass
class FieldDef:
    name: str
    type: str
    args: list[InputValue] = field(default_factory=list)
    description: str | None = None
    deprecation: str | None = None
    directives: list[str] = field(default_factory=list)


@dataclass
class EnumValue:
    name: str
    description: str | None = None
    deprecation: str | None = None
    directives: list[str] = field(default_factory=list)


@dataclass
class TypeDef:
    kind: str  # scalar, type, interface, union, enum, input
    name: str
    description: str | None = None
    interfaces: list[str] = field(default_factory=list)
    fields: list[FieldDef] = field(default_factory=list)
    input_fields: list[InputValue] = field(default_factory=list)
    values: list[EnumValue] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    directives: list[str] = field(default_factory=list)
    one_of: bool = False
    # How the type is written: the number of extensions its parts are
    # spread over, and directives that only an extension carries.
    extensions: int = 0
    extension_directives: list[str] = field(default_factory=list)


@dataclass
class DirectiveDef:
    name: str
    locations: list[str]
    args: list[InputValue] = field(default_factory=list)
    repeatable: bool = False
    description: str | None = None


@dataclass
class SchemaDef:
    explicit: bool = False
    description: str | None = None
    roots: dict[str, str] = field(default_factory=dict)  # operation -> type name
    directives: list[str] = field(default_factory=list)
    extended_ops: list[str] = field(default_factory=list)  # operations written in extensions


@dataclass
class Model:
    types: dict[str, TypeDef] = field(default_factory=dict)
    directives: dict[str, DirectiveDef] = field(default_factory=dict)
    schema: SchemaDef = field(default_factory=SchemaDef)
    documents: int = 1
    line_end: str = "\n"  # "\r\n" and "\r" move error locations as the lexer counts lines
    bom: bool = False  # a byte order mark at the start of the first document
    # Extra top-level text (definitions the mutations add), appended as is.
    extra: list[str] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[TypeDef]:
        return [t for t in self.types.values() if t.kind in kinds]

    def implementers(self, name: str) -> list[str]:
        return [t.name for t in self.of_kind("type", "interface") if name in t.interfaces]


def named(type_ref: str) -> str:
    return type_ref.strip("[]!")


def wrap(rng: random.Random, name: str, lists: bool = True) -> str:
    shape = rng.choice(("T", "T", "T", "T!", "T!", "[T]", "[T!]", "[T]!", "[T!]!", "[[T]]"))
    if not lists:
        shape = rng.choice(("T", "T!"))
    return shape.replace("T", name)


# === Valid schemas =========================================================


class Gen:
    """Draws one valid model; mutations then break it."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.rng = rng
        self.size = size
        self.m = Model()
        # Input types whose object literals the last literal() wrote, and
        # for each input type, those its fields' defaults hold: graphql-core
        # coerces defaults while it builds a field map, so a cycle here is a
        # RecursionError there.
        self.literal_inputs: set[str] = set()
        self.default_deps: dict[str, set[str]] = {}

    # --- text pieces ------------------------------------------------------

    def description(self, indent: str, p: float = 0.35) -> str | None:
        rng = self.rng
        if rng.random() >= p:
            return None
        if rng.random() < 0.45:
            return '"' + rng.choice(QUOTED_DESCRIPTIONS) + '"'
        lines = rng.choice(BLOCK_DESCRIPTIONS)
        extra = rng.choice(("", "", "  ", " "))
        body = lines[0] + "".join(
            "\n" + (indent + extra + line if line else rng.choice(("", indent)))
            for line in lines[1:]
        )
        if len(lines) > 1 and rng.random() < 0.5:
            return f'"""{body}\n{indent}"""'
        return f'"""{body}"""'

    def deprecation(self, p: float = 0.2) -> str | None:
        rng = self.rng
        if rng.random() >= p:
            return None
        reason = rng.choice(DEPRECATION_REASONS)
        return "@deprecated" if reason is None else f"@deprecated(reason: {reason})"

    def fresh(self, pool: tuple[str, ...]) -> str:
        taken = self.m.types
        free = [n for n in pool if n not in taken]
        if free:
            return self.rng.choice(free)
        base = self.rng.choice(pool)
        i = 2
        while f"{base}{i}" in taken:
            i += 1
        return f"{base}{i}"

    def field_name(self, taken: set[str]) -> str:
        while True:
            name = self.rng.choice(FIELD_NAMES)
            if name not in taken:
                return name
            name = f"{name}{self.rng.randrange(2, 99)}"
            if name not in taken:
                return name

    # --- values -----------------------------------------------------------

    def literal(
        self, type_ref: str, depth: int = 0, non_null: bool = False, strict: bool = False
    ) -> str:
        """A const value of the type, as SDL. Mostly what graphql-core
        coerces; now and then (unless strict) a value it coerces to "no
        default" without complaint (out-of-range Int, a string for an enum)."""
        rng = self.rng
        nullable = not type_ref.endswith("!")
        inner = type_ref if nullable else type_ref[:-1]
        if nullable and not non_null and rng.random() < (0.1 if depth < 2 else 0.6):
            return "null"
        if inner.startswith("["):
            item = inner[1:-1]
            if depth < 2 and rng.random() < 0.25 and not item.startswith("["):
                return self.literal(item, depth + 1, True, strict)  # a single value for a list
            if depth >= 2:
                return "[]"
            items = (self.literal(item, depth + 1, strict=strict) for _ in range(rng.randrange(4)))
            return "[" + ", ".join(items) + "]"
        name = inner
        lenient = not strict and rng.random() < 0.04
        if name == "Int":
            if lenient:
                return rng.choice(("2147483648", "-2147483649", "1.5", '"7"'))
            return rng.choice(("0", "1", "-7", "42", "2147483647", "-2147483648"))
        if name == "Float":
            if lenient:
                return rng.choice(
                    ('"1.5"', "true", "NAN")
                )  # (1e400: graphql-core then fails to print)
            return rng.choice(("0", "1.5", "-0.0", "1e3", "6.02e23", "3", "-2.5E-3", "0.1"))
        if name == "String":
            if lenient:
                return rng.choice(("1", "ENUM_LIKE"))
            return rng.choice(
                (
                    '"plain"',
                    '""',
                    '"quote \\" back \\\\ slash"',
                    '"é \\u00e9 \\u{1F600} 😀"',
                    '"""block\n      string"""',
                    '"tab\\tnl\\n"',
                    '"\\u0000"',
                )
            )
        if name == "Boolean":
            return rng.choice(("true", "false")) if not lenient else "1"
        if name == "ID":
            return rng.choice(('"abc"', "12", '"12"', '"-1"', "0", '"01"'))
        t = self.m.types.get(name)
        if t is None or t.kind == "scalar":  # a custom scalar takes any literal that prints back
            return rng.choice(('"2024-01-01"', "42", "1.5", "true", "SOME_ENUM_LIKE", '"x"'))
        if t.kind == "enum":
            values = [v.name for v in t.values] or ["X"]
            if lenient:
                return f'"{values[0]}"'
            return rng.choice(values)
        assert t.kind == "input", t
        return self.object_literal(t, depth, lenient, strict)

    def object_literal(self, t: TypeDef, depth: int, lenient: bool, strict: bool) -> str:
        rng = self.rng
        self.literal_inputs.add(t.name)
        if t.one_of:
            if lenient:
                return "{}"
            simple = [
                f
                for f in t.input_fields
                if self.m.types.get(named(f.type)) is None
                or self.m.types[named(f.type)].kind in ("scalar", "enum")
            ]
            pool = simple if depth >= 2 and simple else t.input_fields
            f = rng.choice(pool)
            return "{" + f"{f.name}: {self.literal(f.type, depth + 1, True, strict)}" + "}"
        parts = []
        for f in t.input_fields:
            required = f.type.endswith("!") and f.default is None
            if required or (depth < 2 and rng.random() < 0.4):
                parts.append(f"{f.name}: {self.literal(f.type, depth + 1, strict=strict)}")
        rng.shuffle(parts)
        return "{" + ", ".join(parts) + "}"

    # --- types ------------------------------------------------------------

    def input_type(self, allow_non_null_inputs: list[str] | None = None) -> str:
        rng = self.rng
        m = self.m
        r = rng.random()
        if r < 0.45:
            return wrap(rng, rng.choice(BUILTIN_SCALARS))
        enums = [t.name for t in m.of_kind("enum")]
        scalars = [t.name for t in m.of_kind("scalar")]
        inputs = [t.name for t in m.of_kind("input")]
        if r < 0.6 and enums:
            return wrap(rng, rng.choice(enums))
        if r < 0.7 and scalars:
            return wrap(rng, rng.choice(scalars))
        if inputs:
            name = rng.choice(inputs)
            if allow_non_null_inputs is not None and name not in allow_non_null_inputs:
                # Only nullable (or inside a list): no cycle through non-null fields.
                return rng.choice(("T", "[T!]", "[T]!", "[T!]!")).replace("T", name)
            return wrap(rng, name)
        return wrap(rng, rng.choice(BUILTIN_SCALARS))

    def output_type(self) -> str:
        rng = self.rng
        m = self.m
        r = rng.random()
        if r < 0.35:
            return wrap(rng, rng.choice(BUILTIN_SCALARS))
        pool = [t.name for t in m.of_kind("type", "interface", "union", "enum", "scalar")]
        if r < 0.37:
            pool = ["__Type", "__Schema"]  # graphql-core lets SDL refer to them
        return wrap(rng, rng.choice(pool)) if pool else "String"

    def argument(self, name: str, type_ref: str | None = None, owner: str = "") -> InputValue:
        """An argument, or an input field of the input type owner."""
        rng = self.rng
        type_ref = type_ref or self.input_type()
        arg = InputValue(name, type_ref, description=self.description("    ", 0.2))
        if rng.random() < 0.45:
            self.literal_inputs = set()
            # A non-null one with a default graphql-core drops is required.
            arg.default = self.literal(type_ref, strict=type_ref.endswith("!"))
            if owner:
                if any(self.reaches(used, owner) for used in self.literal_inputs):
                    arg.default = None
                else:
                    self.default_deps.setdefault(owner, set()).update(self.literal_inputs)
        if not (type_ref.endswith("!") and arg.default is None):
            arg.deprecation = self.deprecation(0.15)
        return arg

    def reaches(self, start: str, goal: str) -> bool:
        seen: set[str] = set()
        todo = [start]
        while todo:
            name = todo.pop()
            if name == goal:
                return True
            if name not in seen:
                seen.add(name)
                todo.extend(self.default_deps.get(name, ()))
        return False

    def arguments(self, p: float = 0.4, most: int = 4) -> list[InputValue]:
        if self.rng.random() >= p:
            return []
        names = self.rng.sample(ARG_NAMES, self.rng.randrange(1, most + 1))
        return [self.argument(n) for n in names]

    def add_scalars(self) -> None:
        rng = self.rng
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            t = TypeDef("scalar", self.fresh(SCALAR_NAMES), self.description(""))
            if rng.random() < 0.5:
                t.directives.append(f"@specifiedBy(url: {rng.choice(SPECIFIED_BY_URLS)})")
            if rng.random() < 0.25:
                t.extensions = 1  # extend scalar X @directive
            self.m.types[t.name] = t
        if rng.random() < 0.05:
            # A redefined built-in scalar: graphql-core keeps its own String,
            # description and all, and ignores a @specifiedBy in an extension.
            t = TypeDef("scalar", "String", '"My own String."')
            t.extension_directives.append('@specifiedBy(url: "https://ignored.example")')
            self.m.types["String"] = t

    def add_enums(self) -> None:
        rng = self.rng
        for _ in range(rng.randrange(1, 4)):
            t = TypeDef("enum", self.fresh(ENUM_NAMES), self.description(""))
            for name in rng.sample(ENUM_VALUES, rng.randrange(1, 7)):
                t.values.append(EnumValue(name, self.description("  ", 0.25), self.deprecation()))
            t.extensions = rng.choice((0, 0, 0, 1, 2))
            self.m.types[t.name] = t

    def add_interfaces(self) -> None:
        rng = self.rng
        m = self.m
        # A field name has one type and one set of arguments across all
        # interfaces (an implementation only narrows it), so types that
        # implement several interfaces can satisfy them all.
        self.interface_fields: dict[str, FieldDef] = {}
        for _ in range(rng.choice((0, 1, 2, 2, 3, 4, 5))):
            t = TypeDef("interface", self.fresh(INTERFACE_NAMES), self.description(""))
            earlier = [i.name for i in m.of_kind("interface")]
            if earlier and rng.random() < 0.5:
                t.interfaces = self.closure(
                    rng.sample(earlier, rng.randrange(1, min(3, len(earlier)) + 1))
                )
            inherited = self.inherited_fields(t.interfaces)
            t.fields = [self.narrow(f, objects_only=False) for f in inherited]
            taken = {f.name for f in t.fields}
            for _ in range(rng.randrange(0 if t.fields else 1, 4)):
                name = self.field_name(taken)
                taken.add(name)
                if name in self.interface_fields:
                    f = self.copy_field(self.interface_fields[name])
                else:
                    f = FieldDef(name, self.output_type(), self.arguments(0.3, 2))
                    self.interface_fields[name] = self.copy_field(f)
                f.description = self.description("  ", 0.25)
                f.deprecation = self.deprecation(0.1)
                t.fields.append(f)
            rng.shuffle(t.interfaces)
            t.extensions = rng.choice((0, 0, 0, 1, 2))
            m.types[t.name] = t

    def closure(self, names: list[str]) -> list[str]:
        out: list[str] = []
        todo = list(names)
        while todo:
            name = todo.pop()
            if name not in out:
                out.append(name)
                todo.extend(self.m.types[name].interfaces)
        return out

    @staticmethod
    def copy_field(f: FieldDef) -> FieldDef:
        args = [InputValue(a.name, a.type, a.default) for a in f.args]
        return FieldDef(f.name, f.type, args)

    def inherited_fields(self, interfaces: list[str]) -> list[FieldDef]:
        """The fields a type implementing these interfaces must have: each
        in its narrowest form among them."""
        out: dict[str, FieldDef] = {}
        for iface in interfaces:
            for f in self.m.types[iface].fields:
                if f.name not in out or len(f.type) > len(out[f.name].type):
                    out[f.name] = self.copy_field(f)
        return list(out.values())

    def narrow(self, f: FieldDef, objects_only: bool = True) -> FieldDef:
        """f as an implementation may declare it: a subtype (non-null for
        nullable, an implementation for an interface, a member for a union,
        non-null list items), the same arguments with other defaults and
        deprecations, and extra optional arguments. An interface only makes
        the type non-null, so that every type implementing several related
        interfaces can satisfy them all."""
        rng = self.rng
        m = self.m
        out = FieldDef(f.name, f.type)
        r = rng.random()
        if r < 0.25 and not out.type.endswith("!"):
            out.type += "!"
        elif r < 0.45 and objects_only:
            inner = named(out.type)
            t = m.types.get(inner)
            candidates: list[str] = []
            if t is not None and t.kind == "interface":
                candidates = [n for n in m.implementers(inner) if m.types[n].kind == "type"]
            elif t is not None and t.kind == "union":
                candidates = list(t.members)
            if candidates:
                out.type = out.type.replace(inner, rng.choice(candidates))
        elif r < 0.55 and objects_only and "[" in out.type and "!]" not in out.type:
            out.type = out.type.replace("]", "!]", 1)
        for a in f.args:
            arg = InputValue(a.name, a.type)
            if rng.random() < 0.4:
                arg.default = self.literal(a.type, strict=a.type.endswith("!"))
            if not (a.type.endswith("!") and arg.default is None):
                arg.deprecation = self.deprecation(0.1)
            out.args.append(arg)
        if objects_only and rng.random() < 0.2:
            taken = {a.name for a in out.args}
            name = next((n for n in ARG_NAMES if n not in taken), "extra")
            extra = self.argument(name)
            if extra.type.endswith("!") and extra.default is None:
                extra.type = extra.type[:-1]
            out.args.append(extra)
        return out

    def add_objects(self, count: int) -> None:
        rng = self.rng
        m = self.m
        interfaces = [i.name for i in m.of_kind("interface")]
        for _ in range(count):
            t = TypeDef("type", self.fresh(OBJECT_NAMES), self.description(""))
            if interfaces and rng.random() < 0.6:
                t.interfaces = self.closure(
                    rng.sample(interfaces, rng.randrange(1, min(3, len(interfaces)) + 1))
                )
                rng.shuffle(t.interfaces)
            m.types[t.name] = t  # before narrowing: it may narrow to itself
            t.fields = [self.narrow(f) for f in self.inherited_fields(t.interfaces)]
            for f in t.fields:
                f.description = self.description("  ", 0.2)
                f.deprecation = self.deprecation(0.1)
            taken = {f.name for f in t.fields}
            for _ in range(rng.randrange(1 if t.fields else 2, 7)):
                name = self.field_name(taken)
                taken.add(name)
                f = FieldDef(
                    name, self.output_type(), self.arguments(), self.description("  ", 0.3)
                )
                f.deprecation = self.deprecation()
                t.fields.append(f)
            rng.shuffle(t.fields)
            t.extensions = rng.choice((0, 0, 0, 0, 1, 1, 2))

    def add_unions(self) -> None:
        rng = self.rng
        objects = [t.name for t in self.m.of_kind("type")]
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            t = TypeDef("union", self.fresh(UNION_NAMES), self.description(""))
            t.members = rng.sample(objects, rng.randrange(1, min(4, len(objects)) + 1))
            t.extensions = rng.choice((0, 0, 1, 2))
            self.m.types[t.name] = t

    def add_inputs(self) -> None:
        rng = self.rng
        m = self.m
        for _ in range(rng.choice((0, 1, 2, 2, 3, 4))):
            t = TypeDef("input", self.fresh(INPUT_NAMES), self.description(""))
            earlier = [i.name for i in m.of_kind("input")]
            m.types[t.name] = t  # it may refer to itself, through nullable fields
            t.one_of = rng.random() < 0.2
            taken: set[str] = set()
            for i in range(rng.randrange(1, 6)):
                name = self.field_name(taken)
                taken.add(name)
                if t.one_of:
                    type_ref = rng.choice(BUILTIN_SCALARS) if i == 0 else self.input_type(earlier)
                    f = InputValue(
                        name, type_ref.rstrip("!"), description=self.description("  ", 0.2)
                    )
                    f.deprecation = self.deprecation(0.15)
                else:
                    f = self.argument(name, self.input_type(earlier), owner=t.name)
                t.input_fields.append(f)
            if t.one_of:
                t.directives.append("@oneOf")
            elif rng.random() < 0.04:
                # graphql-core reads @oneOf from the definition only: an
                # extension's @oneOf is ignored, so required fields are fine.
                t.extension_directives.append("@oneOf")
            t.extensions = rng.choice((0, 0, 0, 1, 2))

    def add_directives(self) -> None:
        rng = self.rng
        for _ in range(rng.choice((0, 1, 2, 3))):
            name = rng.choice([n for n in DIRECTIVE_NAMES if n not in self.m.directives] or ["x"])
            if name in self.m.directives:
                return
            locations = rng.sample(TYPE_SYSTEM_LOCATIONS, rng.randrange(1, 6))
            if rng.random() < 0.3:
                locations += rng.sample(EXECUTABLE_LOCATIONS + OTHER_LOCATIONS, rng.randrange(1, 3))
            rng.shuffle(locations)
            d = DirectiveDef(
                name,
                locations,
                repeatable=rng.random() < 0.35,
                description=self.description("", 0.4),
            )
            d.args = self.arguments(0.6, 3)
            self.m.directives[name] = d
        if rng.random() < 0.05:
            # A redefined specified directive replaces graphql-core's own,
            # except that @deprecated's reason keeps its built-in default.
            self.m.directives["deprecated"] = DirectiveDef(
                "deprecated",
                ["FIELD_DEFINITION", "ENUM_VALUE", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION"],
                [InputValue("reason", "String", '"Custom default"')],
            )
        if rng.random() < 0.04:
            self.m.directives["include"] = DirectiveDef(
                "include",
                ["FIELD", "OBJECT"],
                [InputValue("if", "Boolean!"), InputValue("extra", "Float")],
            )

    def applied(self, location: str, p: float = 0.15) -> list[str]:
        """Custom directives applied at a location, with valid arguments."""
        rng = self.rng
        out = []
        for d in self.m.directives.values():
            if d.name in ("deprecated", "include") or location not in d.locations:
                continue
            if rng.random() >= p:
                continue
            for _ in range(rng.choice((1, 1, 2)) if d.repeatable else 1):
                out.append(self.directive_use(d))
        return out

    def directive_use(self, d: DirectiveDef) -> str:
        rng = self.rng
        args = []
        for a in d.args:
            if (a.type.endswith("!") and a.default is None) or rng.random() < 0.5:
                args.append(f"{a.name}: {self.literal(a.type)}")
        return f"@{d.name}" + (f"({', '.join(args)})" if args else "")

    def add_roots(self) -> None:
        rng = self.rng
        m = self.m
        s = m.schema
        s.explicit = rng.random() < 0.35
        ops = ["query"] + [op for op in ("mutation", "subscription") if rng.random() < 0.4]
        targets = [t.name for t in m.of_kind("type", "interface", "union", "enum", "scalar")]
        # An explicit schema definition with the default names prints only
        # when it has a description.
        default_names = rng.random() < 0.25
        for op in ops:
            if s.explicit and not default_names:
                name = rng.choice([n for n in ROOT_NAMES[op] if n not in m.types] or ["Root9"])
            else:
                name = op.capitalize()
            t = TypeDef("type", name, self.description(""))
            taken: set[str] = set()
            for target in rng.sample(targets, min(len(targets), rng.randrange(1, 6))):
                fname = self.field_name(taken)
                taken.add(fname)
                t.fields.append(FieldDef(fname, wrap(rng, target), self.arguments(0.5)))
            if not t.fields:
                t.fields.append(FieldDef("ok", "Boolean"))
            t.extensions = rng.choice((0, 0, 1))
            m.types[name] = t
            s.roots[op] = name
        if s.explicit:
            s.description = self.description("", 0.5)
            if rng.random() < 0.3:
                # Types with the default names that are not roots.
                for op in ("query", "mutation"):
                    default = op.capitalize()
                    if default not in m.types:
                        m.types[default] = TypeDef(
                            "type", default, fields=[FieldDef("notRoot", "Int")]
                        )
            s.extended_ops = [op for op in ops if op != "query" and rng.random() < 0.5]
        elif rng.random() < 0.15:
            # No schema definition: an extension may still name a root type,
            # and loses to a type with the default name if there is one.
            op = rng.choice(("mutation", "subscription"))
            m.types["AltRoot"] = TypeDef("type", "AltRoot", fields=[FieldDef("alt", "Int")])
            m.extra.append(f"extend schema {{ {op}: AltRoot }}")
        if s.explicit or rng.random() < 0.2:
            s.directives = self.applied("SCHEMA", 0.5)

    def decorate(self) -> None:
        """Apply custom directives wherever they are allowed."""
        for t in self.m.types.values():
            location = {
                "scalar": "SCALAR",
                "type": "OBJECT",
                "interface": "INTERFACE",
                "union": "UNION",
                "enum": "ENUM",
                "input": "INPUT_OBJECT",
            }[t.kind]
            t.directives += self.applied(location)
            for f in t.fields:
                f.directives += self.applied("FIELD_DEFINITION")
                for a in f.args:
                    a.directives += self.applied("ARGUMENT_DEFINITION")
            for iv in t.input_fields:
                iv.directives += self.applied("INPUT_FIELD_DEFINITION")
            for v in t.values:
                v.directives += self.applied("ENUM_VALUE")

    def build(self) -> Model:
        rng = self.rng
        self.add_scalars()
        self.add_enums()
        self.add_inputs()
        self.add_directives()
        self.add_interfaces()
        self.add_objects(max(1, self.size + rng.randrange(-2, 3)))
        self.add_unions()
        self.add_roots()
        self.decorate()
        m = self.m
        m.documents = rng.choice((1, 1, 1, 2, 2, 3, 4))
        m.line_end = rng.choice(("\r\n",) * 6 + ("\r",) * 2 + ("\n",) * 92)
        m.bom = rng.random() < 0.03
        return m


# === Rendering =============================================================


class Renderer:
    """Writes a model as SDL: each type's parts spread over its definition
    and its extensions, each definition in some document, in random order."""

    def __init__(self, rng: random.Random, model: Model) -> None:
        self.rng = rng
        self.m = model

    def sep(self) -> str:
        return self.rng.choice((" ", " ", " ", ", ", " ,", "\n  ", " # c\n  "))

    def directives(self, items: list[str]) -> str:
        return "".join(" " + d for d in items)

    def deprecated(self, d: str | None) -> list[str]:
        return [d] if d else []

    def args(self, args: list[InputValue], indent: str) -> str:
        if not args:
            return ""
        multiline = any(a.description for a in args) or self.rng.random() < 0.2
        parts = []
        for a in args:
            text = f"{a.name}: {a.type}"
            if a.default is not None:
                text += f" = {a.default}"
            text += self.directives(self.deprecated(a.deprecation) + a.directives)
            if a.description:
                text = (
                    f"{a.description}\n{indent}  {text}" if multiline else f"{a.description} {text}"
                )
            parts.append(text)
        if multiline:
            return "(\n" + "".join(f"{indent}  {p}\n" for p in parts) + f"{indent})"
        return "(" + self.rng.choice((", ", " ", ",")).join(parts) + ")"

    def described(self, description: str | None, text: str, indent: str) -> str:
        if description is None:
            return f"{indent}{text}"
        return f"{indent}{description}\n{indent}{text}"

    def field_line(self, f: FieldDef) -> str:
        text = f"{f.name}{self.args(f.args, '  ')}: {f.type}"
        text += self.directives(self.deprecated(f.deprecation) + f.directives)
        return self.described(f.description, text, "  ")

    def input_line(self, f: InputValue) -> str:
        text = f"{f.name}: {f.type}" + (f" = {f.default}" if f.default is not None else "")
        text += self.directives(self.deprecated(f.deprecation) + f.directives)
        return self.described(f.description, text, "  ")

    def value_line(self, v: EnumValue) -> str:
        text = v.name + self.directives(self.deprecated(v.deprecation) + v.directives)
        return self.described(v.description, text, "  ")

    def split(self, items: list[tuple[str, Any]], parts: int) -> list[list[tuple[str, Any]]]:
        """items over parts+1 groups in order: group 0 the definition, which
        may be empty; every extension gets at least one item."""
        rng = self.rng
        groups: list[list[tuple[str, Any]]] = [[] for _ in range(parts + 1)]
        if parts and len(items) >= parts:
            forced = rng.sample(range(len(items)), parts)
            owner = {index: k + 1 for k, index in enumerate(sorted(forced))}
        else:
            owner = {}
        for i, item in enumerate(items):
            groups[owner.get(i, rng.randrange(parts + 1))].append(item)
        return groups

    def type_chunks(self, t: TypeDef) -> list[str]:
        keyword = t.kind
        body_items: list[Any]
        if t.kind in ("type", "interface"):
            body_items = list(t.fields)
        elif t.kind == "input":
            body_items = list(t.input_fields)
        elif t.kind == "enum":
            body_items = list(t.values)
        elif t.kind == "union":
            body_items = list(t.members)
        else:
            body_items = []
        items: list[tuple[str, Any]] = [("body", x) for x in body_items]
        items += [("iface", i) for i in t.interfaces]
        # @oneOf and @specifiedBy only count on the definition. graphql-core's
        # KnownDirectives takes an input field of an extension for an
        # argument definition: input fields with directives stay put.
        pinned = [d for d in t.directives if d.startswith(("@oneOf", "@specifiedBy"))]
        items += [("dir", d) for d in t.directives if d not in pinned]
        pinned_fields = [f for f in t.input_fields if f.directives]
        items = [x for x in items if x[1] not in pinned_fields]
        parts = t.extensions
        if parts and len(items) < parts:
            parts = len(items)
        groups = self.split(items, parts)
        groups[0] += [("dir", d) for d in pinned] + [("body", f) for f in pinned_fields]
        if t.extension_directives:
            groups.append([("dir", d) for d in t.extension_directives])
        chunks = []
        for k, group in enumerate(groups):
            body = [x for tag, x in group if tag == "body"]
            ifaces = [x for tag, x in group if tag == "iface"]
            dirs = [x for tag, x in group if tag == "dir"]
            head = ("extend " if k else "") + f"{keyword} {t.name}"
            if ifaces:
                amp = self.rng.choice((" & ", " &", "& ")) if len(ifaces) > 1 else ""
                lead = "& " if self.rng.random() < 0.1 else ""
                head += " implements " + lead + amp.join(ifaces)
            head += self.directives(dirs)
            if t.kind == "union":
                if body:
                    lead = "| " if self.rng.random() < 0.15 else ""
                    head += " = " + lead + " | ".join(body)
                text = head
            elif body:
                if t.kind in ("type", "interface"):
                    lines = [self.field_line(f) for f in body]
                elif t.kind == "input":
                    lines = [self.input_line(f) for f in body]
                else:
                    lines = [self.value_line(v) for v in body]
                text = head + " {\n" + "\n".join(lines) + "\n}"
            else:
                text = head
            if k == 0 and t.description:
                text = t.description + "\n" + text
            chunks.append(text)
        return chunks

    def directive_chunk(self, d: DirectiveDef) -> str:
        text = f"directive @{d.name}{self.args(d.args, '')}"
        text += " repeatable" if d.repeatable else ""
        lead = "| " if self.rng.random() < 0.1 else ""
        text += " on " + lead + self.rng.choice((" | ", "|", "\n  | ")).join(d.locations)
        return (d.description + "\n" + text) if d.description else text

    def schema_chunks(self) -> list[str]:
        s = self.m.schema
        chunks = []
        ops = [op for op in s.roots if op not in s.extended_ops]
        if s.explicit:
            lines = "".join(f"\n  {op}: {s.roots[op]}" for op in ops)
            text = "schema" + self.directives(s.directives) + " {" + lines + "\n}"
            chunks.append((s.description + "\n" + text) if s.description else text)
        elif s.directives:
            chunks.append("extend schema" + self.directives(s.directives))
        for op in s.extended_ops:
            chunks.append(f"extend schema {{ {op}: {s.roots[op]} }}")
        return chunks

    def render(self) -> tuple[str, ...]:
        rng = self.rng
        chunks: list[str] = []
        for t in self.m.types.values():
            chunks += self.type_chunks(t)
        chunks += [self.directive_chunk(d) for d in self.m.directives.values()]
        chunks += self.schema_chunks()
        docs: list[list[str]] = [[] for _ in range(self.m.documents)]
        for chunk in chunks:
            docs[rng.randrange(len(docs))].append(chunk)
        for doc in docs:
            rng.shuffle(doc)
        docs[-1] += self.m.extra
        out: list[str] = []
        for doc in docs:
            if not doc:
                continue
            text = rng.choice(("\n\n", "\n", "\n# a comment\n")).join(doc) + "\n"
            text = text.replace("\n", self.m.line_end)
            if self.m.bom and not out:
                text = "\ufeff" + text
            out.append(text)
        return tuple(out)


def valid_model(rng: random.Random, size: int) -> Model:
    return Gen(rng, size).build()


# === Invalid schemas: mutations ============================================

Mutation = Callable[[Gen], str | None]  # breaks gen.m; the pattern expected, or None


def _pick_type(g: Gen, *kinds: str) -> TypeDef | None:
    pool = [t for t in g.m.of_kind(*kinds) if t.name not in ("String",)]
    return g.rng.choice(pool) if pool else None


def _pick_field(g: Gen, *kinds: str) -> tuple[TypeDef, FieldDef] | None:
    pool = [(t, f) for t in g.m.of_kind(*kinds) for f in t.fields]
    return g.rng.choice(pool) if pool else None


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(len(name))
    return name[:i] + name[i + 1 :] if len(name) > 2 and rng.random() < 0.5 else name + "x"


def _rename_type(g: Gen, old: str, new: str) -> None:
    """Rename a type and every reference to it."""
    m = g.m
    t = m.types.pop(old)
    t.name = new
    m.types[new] = t
    word = re.compile(rf"\b{re.escape(old)}\b")
    values = [a for d in m.directives.values() for a in d.args]
    for other in m.types.values():
        values += other.input_fields
        for f in other.fields:
            f.type = word.sub(new, f.type)
            values += f.args
        other.interfaces = [new if i == old else i for i in other.interfaces]
        other.members = [new if i == old else i for i in other.members]
    for v in values:
        v.type = word.sub(new, v.type)
    m.schema.roots = {op: new if n == old else n for op, n in m.schema.roots.items()}


def mut_duplicate_type(g: Gen) -> str | None:
    t = _pick_type(g, "type", "interface", "union", "enum", "input", "scalar")
    if t is None:
        return None
    kind = g.rng.choice(("scalar", "type", "enum"))
    body = {"scalar": "", "type": " { dup: Int }", "enum": " { DUP }"}[kind]
    g.m.extra.append(f"{kind} {t.name}{body}")
    return f"There can be only one type named '{re.escape(t.name)}'\\."


def mut_duplicate_field(g: Gen) -> str | None:
    picked = _pick_field(g, "type", "interface")
    if picked is None:
        return None
    t, f = picked
    t.fields.append(FieldDef(f.name, g.rng.choice(("Int", f.type))))
    return f"Field '{re.escape(t.name)}\\.{re.escape(f.name)}' can only be defined once\\."


def mut_duplicate_field_in_extension(g: Gen) -> str | None:
    t = _pick_type(g, "type", "interface", "input")
    if t is None:
        return None
    names = [f.name for f in t.fields] + [f.name for f in t.input_fields]
    if not names:
        return None
    name = g.rng.choice(names)
    g.m.extra.append(f"extend {t.kind} {t.name} {{ {name}: String }}")
    return f"Field '{re.escape(t.name)}\\.{re.escape(name)}' can only be defined once\\."


def mut_duplicate_argument(g: Gen) -> str | None:
    pool = [(t, f) for t in g.m.of_kind("type", "interface") for f in t.fields if f.args]
    if not pool:
        return None
    t, f = g.rng.choice(pool)
    a = g.rng.choice(f.args)
    f.args.append(InputValue(a.name, "Boolean"))
    return (
        f"Argument '{re.escape(t.name)}\\.{re.escape(f.name)}\\({re.escape(a.name)}:\\)' can only"
    )


def mut_duplicate_enum_value(g: Gen) -> str | None:
    t = _pick_type(g, "enum")
    if t is None:
        return None
    v = g.rng.choice(t.values)
    if g.rng.random() < 0.5:
        t.values.append(EnumValue(v.name))
    else:
        g.m.extra.append(f"extend enum {t.name} {{ {v.name} }}")
    return f"Enum value '{re.escape(t.name)}\\.{re.escape(v.name)}' can only be defined once\\."


def mut_duplicate_directive(g: Gen) -> str | None:
    if not g.m.directives:
        g.m.extra.append("directive @dup on FIELD")
        g.m.extra.append("directive @dup(a: Int) on OBJECT")
        return "There can be only one directive named '@dup'\\."
    name = g.rng.choice(list(g.m.directives))
    g.m.extra.append(f"directive @{name} repeatable on SCHEMA")
    return f"There can be only one directive named '@{name}'\\."


def mut_duplicate_operation(g: Gen) -> str | None:
    s = g.m.schema
    if not s.explicit:
        g.m.extra += ["extend schema { query: Query }", "extend schema { query: Query }"]
        return "There can be only one query type in schema\\."
    op = g.rng.choice(list(s.roots))
    g.m.extra.append(f"extend schema {{ {op}: {s.roots['query']} }}")
    return f"Type for {op} already defined in the schema|There can be only one {op} type"


def mut_second_schema(g: Gen) -> str | None:
    if not g.m.schema.explicit:
        return None
    g.m.extra.append(f"schema {{ query: {g.m.schema.roots['query']} }}")
    return "Must provide only one schema definition\\."


def mut_unknown_type(g: Gen) -> str | None:
    rng = g.rng
    kind = rng.choice(("field", "arg", "input", "member", "implements"))
    known = [t.name for t in g.m.types.values()] + list(BUILTIN_SCALARS)
    target = _typo(rng.choice(known), rng)
    if target in known:
        target = "Missing"
    if kind == "field" and (p := _pick_field(g, "type", "interface")):
        p[1].type = p[1].type.replace(named(p[1].type), target)
    elif kind == "arg" and (p := _pick_field(g, "type")):
        p[1].args.append(InputValue("unknownArg", f"[{target}]"))
    elif kind == "input" and (t := _pick_type(g, "input")):
        t.input_fields.append(InputValue("unknownField", f"{target}!"))
    elif kind == "member" and (t := _pick_type(g, "union")):
        t.members.append(target)
    elif kind == "implements" and (t := _pick_type(g, "type")):
        t.interfaces.append(target)
    else:
        g.m.extra.append(f"type Extra {{ f: {target} }}")
    return f"Unknown type '{re.escape(target)}'\\."


def mut_unknown_directive(g: Gen) -> str | None:
    p = _pick_field(g, "type", "interface")
    if p is None:
        return None
    p[1].directives.append("@unknownDirective(x: 1)")
    return "Unknown directive '@unknownDirective'\\."


def mut_misplaced_directive(g: Gen) -> str | None:
    rng = g.rng
    choice = rng.random()
    if choice < 0.3 and (p := _pick_field(g, "type")):
        p[1].directives.append('@specifiedBy(url: "x")')
        return "Directive '@specifiedBy' may not be used on field definition\\."
    if choice < 0.6 and (t := _pick_type(g, "enum")):
        t.values[0].directives.append("@oneOf")
        return "Directive '@oneOf' may not be used on enum value\\."
    if choice < 0.7 and (t := _pick_type(g, "input")):
        # graphql-core takes an input field of an extension for an argument
        # definition (its KnownDirectives checks for a definition parent).
        field_only = '"only input fields" directive @inputOnly on INPUT_FIELD_DEFINITION'
        g.m.extra += [field_only, f"extend input {t.name} {{ tagged: Int @inputOnly }}"]
        return "Directive '@inputOnly' may not be used on argument definition\\."
    if choice < 0.8 and (t := _pick_type(g, "type")):
        t.directives.append("@deprecated")
        return "Directive '@deprecated' may not be used on object\\."
    for d in g.m.directives.values():
        missing = [loc for loc in TYPE_SYSTEM_LOCATIONS if loc not in d.locations]
        if "OBJECT" in missing and (t := _pick_type(g, "type")):
            t.directives.append(
                f"@{d.name}"
                if not any(a.type.endswith("!") and a.default is None for a in d.args)
                else g.directive_use(d)
            )
            return f"Directive '@{d.name}' may not be used on object\\."
    return None


def mut_directive_arguments(g: Gen) -> str | None:
    rng = g.rng
    if rng.random() < 0.4 and (p := _pick_field(g, "type", "interface")):
        p[1].directives.append('@deprecated(reson: "typo")')
        return "Unknown argument 'reson' on directive '@deprecated'\\."
    required = [d for d in g.m.directives.values() if d.name not in ("deprecated", "include")]
    if not required:
        g.m.directives["need"] = DirectiveDef(
            "need", ["FIELD_DEFINITION", "OBJECT"], [InputValue("level", "Int!")]
        )
        required = [g.m.directives["need"]]
    d = rng.choice(required)
    if not any(a.type.endswith("!") and a.default is None for a in d.args):
        d.args.append(InputValue("required", "String!"))
    location = rng.choice(
        [loc for loc in d.locations if loc in ("OBJECT", "FIELD_DEFINITION", "SCALAR", "ENUM")]
        or ["X"]
    )
    target = {
        "OBJECT": lambda: _pick_type(g, "type"),
        "SCALAR": lambda: _pick_type(g, "scalar"),
        "ENUM": lambda: _pick_type(g, "enum"),
    }
    if location == "FIELD_DEFINITION" and (p := _pick_field(g, "type")):
        p[1].directives.append(f"@{d.name}")
    elif location in target and (t := target[location]()):
        t.directives.append(f"@{d.name}")
    else:
        return None
    return (
        f"Directive '@{d.name}' argument '.*' of type '.*' is required, but it was not provided\\."
    )


def mut_duplicate_directive_argument(g: Gen) -> str | None:
    p = _pick_field(g, "type", "interface")
    if p is None:
        return None
    p[1].deprecation = '@deprecated(reason: "a", reason: "b")'
    return "There can be only one argument named 'reason'\\."


def mut_repeated_directive(g: Gen) -> str | None:
    rng = g.rng
    if rng.random() < 0.5 and (p := _pick_field(g, "type", "interface")):
        p[1].deprecation = "@deprecated"
        p[1].directives.append("@deprecated(reason: null)")
        return "The directive '@deprecated' can only be used once at this location\\."
    t = _pick_type(g, "scalar")
    if t is not None and t.name != "String":
        t.directives = [d for d in t.directives if not d.startswith("@specifiedBy")]
        t.directives.append('@specifiedBy(url: "a")')
        g.m.extra.append(f'extend scalar {t.name} @specifiedBy(url: "b")')
        return "The directive '@specifiedBy' can only be used once at this location\\."
    return None


def mut_bad_extension(g: Gen) -> str | None:
    rng = g.rng
    t = _pick_type(g, "type", "interface", "union", "enum", "input", "scalar")
    if t is None:
        return None
    if rng.random() < 0.4:
        name = _typo(t.name, rng)
        if name in g.m.types:
            return None
        g.m.extra.append(f"extend type {name} {{ more: Int }}")
        return f"Cannot extend type '{re.escape(name)}' because it is not defined\\."
    other = rng.choice(
        [k for k in ("type", "interface", "union", "enum", "input", "scalar") if k != t.kind]
    )
    body = {
        "type": " { more: Int }",
        "interface": " { more: Int }",
        "union": " = Extra",
        "enum": " { MORE }",
        "input": " { more: Int }",
        "scalar": ' @specifiedBy(url: "x")',
    }
    if other == "union":
        g.m.extra.append("type Extra { e: Int }")
    g.m.extra.append(f"extend {other} {t.name}{body[other]}")
    return f"Cannot extend non-.* type '{re.escape(t.name)}'\\."


def mut_duplicate_input_field_in_value(g: Gen) -> str | None:
    pool = [t for t in g.m.of_kind("input") if t.input_fields and not t.one_of]
    p = _pick_field(g, "type")
    if not pool or p is None:
        return None
    t = g.rng.choice(pool)
    f = t.input_fields[0]
    value = g.literal(f.type.rstrip("!") + "!", non_null=True)
    p[1].args.append(InputValue("dupValue", t.name, f"{{{f.name}: {value}, {f.name}: {value}}}"))
    return f"There can be only one input field named '{re.escape(f.name)}'\\."


def mut_no_query(g: Gen) -> str | None:
    s = g.m.schema
    query = s.roots["query"]
    if s.explicit:
        if len(s.roots) == 1:
            return None
        del s.roots["query"]
        if "query" in s.extended_ops:
            s.extended_ops.remove("query")
        if all(op in s.extended_ops for op in s.roots):
            s.extended_ops.remove(next(iter(s.roots)))
    else:
        _rename_type(g, query, "Queries")
    return "Query root type must be provided\\."


def mut_root_not_object(g: Gen) -> str | None:
    s = g.m.schema
    pool = [t.name for t in g.m.of_kind("scalar", "enum", "input", "union", "interface")]
    if not pool:
        return None
    target = g.rng.choice(pool)
    ops = [op for op in ("query", "mutation", "subscription") if f"{op}:" not in "".join(g.m.extra)]
    op = g.rng.choice(ops)
    if not s.explicit:
        s.explicit = True
    s.roots[op] = target
    if op in s.extended_ops:
        s.extended_ops.remove(op)
    return f"{op.capitalize()} root type must be Object type.*it cannot be {re.escape(target)}\\."


def mut_reserved_name(g: Gen) -> str | None:
    rng = g.rng
    where = rng.choice(("type", "field", "arg", "value", "input", "directive", "typename"))
    if where == "type" and (t := _pick_type(g, "type", "enum", "input", "interface", "scalar")):
        if t.name in g.m.schema.roots.values():
            return None
        new = "__" + t.name
        _rename_type(g, t.name, new)
        return f"Name '{re.escape(new)}' must not begin with '__'"
    if where in ("field", "typename") and (p := _pick_field(g, "type", "interface")):
        if p[0].kind == "interface" or p[1].name in {
            f.name for i in p[0].interfaces for f in g.m.types[i].fields
        }:
            return None
        p[1].name = "__typename" if where == "typename" else "__" + p[1].name
        return f"Name '{re.escape(p[1].name)}' must not begin with '__'"
    if where == "arg" and (p := _pick_field(g, "type")):
        p[1].args.append(InputValue("__arg", "Int"))
        return "Name '__arg' must not begin with '__'"
    if where == "value" and (t := _pick_type(g, "enum")):
        t.values.append(EnumValue("__VALUE"))
        return "Name '__VALUE' must not begin with '__'"
    if where == "input" and (t := _pick_type(g, "input")):
        t.input_fields.append(InputValue("__field", "Int"))
        return "Name '__field' must not begin with '__'"
    g.m.directives["__internal"] = DirectiveDef("__internal", ["FIELD"], [InputValue("__a", "Int")])
    return "Name '__internal' must not begin with '__'"


def mut_missing_interface_field(g: Gen) -> str | None:
    pool = [t for t in g.m.of_kind("type", "interface") if t.interfaces]
    if not pool:
        return None
    t = g.rng.choice(pool)
    iface = g.m.types[g.rng.choice(t.interfaces)]
    if not iface.fields:
        return None
    f = g.rng.choice(iface.fields)
    t.fields = [x for x in t.fields if x.name != f.name]
    field, owner = re.escape(f.name), re.escape(t.name)
    return f"Interface field .*\\.{field} expected but {owner} does not provide it\\."


def mut_wrong_field_type(g: Gen) -> str | None:
    pool = [
        (t, f)
        for t in g.m.of_kind("type", "interface")
        if t.interfaces
        for f in t.fields
        if any(f.name in {x.name for x in g.m.types[i].fields} for i in t.interfaces)
    ]
    if not pool:
        return None
    t, f = g.rng.choice(pool)
    base = named(f.type)
    # Neither is a subtype of what any interface declares.
    f.type = g.rng.choice(
        (f.type.replace(base, "Boolean" if base != "Boolean" else "Int"), f"[{f.type}]")
    )
    return f"Interface field .*\\.{re.escape(f.name)} expects type .* but {re.escape(t.name)}\\."


def mut_interface_argument(g: Gen) -> str | None:
    pool = [
        (t, f)
        for t in g.m.of_kind("type", "interface")
        if t.interfaces
        for f in t.fields
        if any(f.name in {x.name for x in g.m.types[i].fields} for i in t.interfaces)
    ]
    if not pool:
        return None
    rng = g.rng
    t, f = rng.choice(pool)
    kind = rng.choice(("missing", "type", "required"))
    inherited = {
        a.name
        for i in t.interfaces
        for x in g.m.types[i].fields
        if x.name == f.name
        for a in x.args
    }
    if kind == "missing" and inherited:
        gone = rng.choice(sorted(inherited))
        f.args = [a for a in f.args if a.name != gone]
        return f"Interface field argument .*\\({re.escape(gone)}:\\) expected but"
    if kind == "type" and inherited:
        name = rng.choice(sorted(inherited))
        for a in f.args:
            if a.name == name:
                a.type = "[Float]" if a.type != "[Float]" else "Float"
                a.default = None
                a.deprecation = None
        return f"Interface field argument .*\\({re.escape(name)}:\\) expects type"
    taken = {a.name for a in f.args}
    name = next(n for n in ("required", "mustHave", "need2") if n not in taken)
    f.args.append(InputValue(name, "Int!"))
    return (
        f"Object field {re.escape(t.name)}\\.{re.escape(f.name)} includes required argument {name}"
    )


def mut_transitive_interface(g: Gen) -> str | None:
    pool = [
        (t, i)
        for t in g.m.of_kind("type", "interface")
        for i in t.interfaces
        if g.m.types[i].interfaces
    ]
    if not pool:
        return None
    t, i = g.rng.choice(pool)
    parent = g.rng.choice(g.m.types[i].interfaces)
    t.interfaces.remove(parent)
    return (
        f"Type {re.escape(t.name)} must implement {re.escape(parent)} because it is implemented by"
    )


def mut_implements_twice_or_self(g: Gen) -> str | None:
    rng = g.rng
    if rng.random() < 0.4 and (t := _pick_type(g, "interface")):
        t.interfaces.append(t.name)
        return f"Type {re.escape(t.name)} cannot implement itself"
    pool = [t for t in g.m.of_kind("type") if t.interfaces]
    if not pool:
        return None
    t = rng.choice(pool)
    i = rng.choice(t.interfaces)
    g.m.extra.append(f"extend type {t.name} implements {i}")
    return f"Type {re.escape(t.name)} can only implement {re.escape(i)} once\\."


def mut_implements_non_interface(g: Gen) -> str | None:
    # graphql-core's constructor raises a TypeError here (a known difference).
    t = _pick_type(g, "type")
    others = [x.name for x in g.m.of_kind("type", "union", "scalar", "input", "enum") if x is not t]
    if t is None or not others:
        return None
    target = g.rng.choice(others)
    t.interfaces.append(target)
    return f"Type {re.escape(t.name)} must only implement Interface types, it cannot implement"


def mut_union_members(g: Gen) -> str | None:
    rng = g.rng
    t = _pick_type(g, "union")
    if t is None:
        t = TypeDef("union", "Broken", members=[g.m.of_kind("type")[0].name])
        g.m.types["Broken"] = t
    kind = rng.choice(("twice", "non-object", "empty"))
    if kind == "twice":
        g.m.extra.append(f"extend union {t.name} = {t.members[0]}")
        return f"Union type {re.escape(t.name)} can only include type .* once\\."
    if kind == "non-object":
        # A constructor TypeError in graphql-core (a known difference).
        pool = [x.name for x in g.m.of_kind("interface", "scalar", "enum", "input", "union")]
        t.members.append(rng.choice(pool))
        return f"Union type {re.escape(t.name)} can only include Object types"
    t.members = []
    t.extensions = 0
    return f"Union type {re.escape(t.name)} must define one or more member types\\."


def mut_empty_type(g: Gen) -> str | None:
    rng = g.rng
    kind = rng.choice(("type", "enum", "input", "interface"))
    name = {
        "type": "EmptyObject",
        "enum": "EmptyEnum",
        "input": "EmptyInput",
        "interface": "EmptyIface",
    }[kind]
    g.m.extra.append(f"{kind} {name}" + (" @tagged" if rng.random() < 0.3 else ""))
    if "@tagged" in g.m.extra[-1]:
        location = {
            "type": "OBJECT",
            "enum": "ENUM",
            "input": "INPUT_OBJECT",
            "interface": "INTERFACE",
        }[kind]
        g.m.extra.append(f"directive @tagged on {location}")
    message = {
        "type": "Type EmptyObject must define one or more fields\\.",
        "interface": "Type EmptyIface must define one or more fields\\.",
        "enum": "Enum type EmptyEnum must define one or more values\\.",
        "input": "Input Object type EmptyInput must define one or more fields\\.",
    }
    return message[kind]


def mut_input_cycle(g: Gen) -> str | None:
    rng = g.rng
    inputs = [t for t in g.m.of_kind("input") if not t.one_of]
    if len(inputs) >= 2 and rng.random() < 0.6:
        a, b = rng.sample(inputs, 2)
        a.input_fields.append(InputValue("toB", f"{b.name}!"))
        b.input_fields.append(InputValue("toA", f"{a.name}!"))
    elif inputs:
        a = rng.choice(inputs)
        a.input_fields.append(InputValue("self", f"{a.name}!"))
    else:
        return None
    return "Cannot reference Input Object '.*' within itself through a series of non-null fields"


def mut_one_of(g: Gen) -> str | None:
    rng = g.rng
    pool = [t for t in g.m.of_kind("input") if t.one_of]
    if pool:
        t = rng.choice(pool)
    else:
        t = TypeDef(
            "input",
            "Choice",
            one_of=True,
            directives=["@oneOf"],
            input_fields=[InputValue("a", "Int"), InputValue("b", "String")],
        )
        g.m.types["Choice"] = t
    f = rng.choice(t.input_fields)
    if rng.random() < 0.5:
        f.type = f.type.rstrip("!") + "!"
        f.deprecation = None
        return f"OneOf input field {re.escape(t.name)}\\.{re.escape(f.name)} must be nullable\\."
    f.default = "null" if rng.random() < 0.3 else g.literal(f.type, non_null=True, strict=True)
    owner, field = re.escape(t.name), re.escape(f.name)
    return f"OneOf input field {owner}\\.{field} cannot have a default value\\."


def mut_output_type_as_input(g: Gen) -> str | None:
    # graphql-core's constructors raise a TypeError (a known difference).
    rng = g.rng
    outputs = [t.name for t in g.m.of_kind("type", "interface", "union")]
    where = rng.choice(("arg", "input", "directive"))
    target = wrap(rng, rng.choice(outputs))
    if where == "arg" and (p := _pick_field(g, "type")):
        p[1].args.append(InputValue("bad", target))
    elif where == "input" and (t := _pick_type(g, "input")):
        t.input_fields.append(InputValue("bad", target))
    else:
        g.m.directives["badArg"] = DirectiveDef("badArg", ["FIELD"], [InputValue("bad", target)])
    return "must be Input Type but got"


def mut_input_type_as_output(g: Gen) -> str | None:
    # graphql-core's constructor raises a TypeError (a known difference).
    p = _pick_field(g, "type", "interface")
    inputs = [t.name for t in g.m.of_kind("input")]
    if p is None or not inputs:
        return None
    p[1].type = wrap(g.rng, g.rng.choice(inputs))
    return "must be Output Type but got"


def mut_deprecated_required(g: Gen) -> str | None:
    rng = g.rng
    where = rng.choice(("arg", "input", "directive"))
    reason = rng.choice(("@deprecated", '@deprecated(reason: "gone")'))
    if where == "arg" and (p := _pick_field(g, "type")):
        p[1].args.append(InputValue("mustGive", "Int!", deprecation=reason))
        return "Required argument .*\\(mustGive:\\) cannot be deprecated\\."
    if where == "input" and (t := _pick_type(g, "input")) and not t.one_of:
        t.input_fields.append(InputValue("mustGive", "[Int]!", deprecation=reason))
        return "Required input field .*\\.mustGive cannot be deprecated\\."
    g.m.directives["gate"] = DirectiveDef(
        "gate", ["QUERY"], [InputValue("level", "Int!", deprecation=reason)]
    )
    return "Required argument @gate\\(level:\\) cannot be deprecated\\."


def mut_bad_deprecation_reason(g: Gen) -> str | None:
    rng = g.rng
    bad = rng.choice(("1", "true", '["x"]', "{a: 1}", "ENUM", "1.5"))
    where = rng.choice(("field", "arg", "value", "input", "directive"))
    if where == "field" and (p := _pick_field(g, "type", "interface")):
        p[1].deprecation = f"@deprecated(reason: {bad})"
    elif where == "arg" and (p := _pick_field(g, "type")):
        name = next(n for n in ("old", "old2", "old3") if n not in {a.name for a in p[1].args})
        p[1].args.append(InputValue(name, "Int", deprecation=f"@deprecated(reason: {bad})"))
    elif where == "value" and (t := _pick_type(g, "enum")):
        rng.choice(t.values).deprecation = f"@deprecated(reason: {bad})"
    elif where == "input" and (t := _pick_type(g, "input")):
        name = next(n for n in ("old", "old2", "old3") if n not in {f.name for f in t.input_fields})
        t.input_fields.append(InputValue(name, "Int", deprecation=f"@deprecated(reason: {bad})"))
    elif where == "directive":
        name = next(n for n in ("legacy", "legacy2", "legacy3") if n not in g.m.directives)
        arg = InputValue("x", "Int", deprecation=f"@deprecated(reason: {bad})")
        g.m.directives[name] = DirectiveDef(name, ["FIELD"], [arg])
    else:
        return None
    return "Argument 'reason' has invalid value"


def mut_bad_specified_by(g: Gen) -> str | None:
    t = _pick_type(g, "scalar")
    if t is None:
        t = TypeDef("scalar", "Odd")
        g.m.types["Odd"] = t
    t.directives = [d for d in t.directives if not d.startswith("@specifiedBy")]
    value = g.rng.choice(("1", "null", "true", '["u"]'))
    t.directives.append(f"@specifiedBy(url: {value})")
    return "Argument 'url' has invalid value|Argument 'url' of non-null type"


def mut_executable_definition(g: Gen) -> str | None:
    # SDL given an operation: graphql-core's KnownTypeNames knows no
    # standard scalar outside SDL nodes.
    root = g.m.schema.roots["query"]
    g.m.extra.append(f"query Op($v: Int) {{ a }}\nfragment F on {root} {{ a }}")
    return "Unknown type 'Int'\\."


MUTATIONS: dict[str, Mutation] = {
    "duplicate-type": mut_duplicate_type,
    "duplicate-field": mut_duplicate_field,
    "duplicate-field-extension": mut_duplicate_field_in_extension,
    "duplicate-argument": mut_duplicate_argument,
    "duplicate-enum-value": mut_duplicate_enum_value,
    "duplicate-directive": mut_duplicate_directive,
    "duplicate-operation": mut_duplicate_operation,
    "second-schema": mut_second_schema,
    "unknown-type": mut_unknown_type,
    "unknown-directive": mut_unknown_directive,
    "misplaced-directive": mut_misplaced_directive,
    "directive-arguments": mut_directive_arguments,
    "duplicate-directive-argument": mut_duplicate_directive_argument,
    "repeated-directive": mut_repeated_directive,
    "bad-extension": mut_bad_extension,
    "duplicate-input-field-in-value": mut_duplicate_input_field_in_value,
    "no-query": mut_no_query,
    "root-not-object": mut_root_not_object,
    "reserved-name": mut_reserved_name,
    "missing-interface-field": mut_missing_interface_field,
    "wrong-field-type": mut_wrong_field_type,
    "interface-argument": mut_interface_argument,
    "transitive-interface": mut_transitive_interface,
    "implements-twice-or-self": mut_implements_twice_or_self,
    "implements-non-interface": mut_implements_non_interface,
    "union-members": mut_union_members,
    "empty-type": mut_empty_type,
    "input-cycle": mut_input_cycle,
    "one-of": mut_one_of,
    "output-type-as-input": mut_output_type_as_input,
    "input-type-as-output": mut_input_type_as_output,
    "deprecated-required": mut_deprecated_required,
    "bad-deprecation-reason": mut_bad_deprecation_reason,
    "bad-specified-by": mut_bad_specified_by,
    "executable-definition": mut_executable_definition,
}


# === The corpus ============================================================


def _valid_cases(rng: random.Random) -> Iterator[SchemaCase]:
    for i in range(VALID_COUNT):
        size = rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 14))
        model = valid_model(rng, size)
        sources = Renderer(rng, model).render()
        yield SchemaCase(f"valid-{i:04d}", "valid", sources, note=f"{len(model.types)} types")


def _mutated(rng: random.Random, names: list[str], index: int) -> SchemaCase:
    """A fresh valid model broken by the named mutations (a mutation that
    does not apply to a model is retried on another)."""
    for _ in range(50):
        gen = Gen(rng, rng.choice((2, 3, 4, 6, 8)))
        gen.build()
        expected = []
        for name in names:
            pattern = MUTATIONS[name](gen)
            if pattern is None:
                break
            expected.append(pattern)
        else:
            sources = Renderer(rng, gen.m).render()
            group = "invalid/" + "+".join(names)
            return SchemaCase(
                f"invalid-{index:04d}", group, sources, ", ".join(names), tuple(expected)
            )
    raise RuntimeError(f"mutation {names} applies to no model")


# Where graphql-core stops: SDL rule errors stop it before the build, an
# error while building stops it before validate_schema. Mutations are
# combined within a stage only, so that every one of them shows.
STAGES = {
    "sdl": (
        "duplicate-type",
        "duplicate-field",
        "duplicate-field-extension",
        "duplicate-argument",
        "duplicate-enum-value",
        "duplicate-directive",
        "duplicate-operation",
        "second-schema",
        "unknown-type",
        "unknown-directive",
        "misplaced-directive",
        "directive-arguments",
        "duplicate-directive-argument",
        "repeated-directive",
        "bad-extension",
        "duplicate-input-field-in-value",
        "executable-definition",
    ),
    "build": ("bad-deprecation-reason", "bad-specified-by"),
}
STAGES["schema"] = tuple(n for n in MUTATIONS if not any(n in v for v in STAGES.values()))


def generate(seed: int = DEFAULT_SEED) -> list[SchemaCase]:
    rng = random.Random(seed)
    cases = list(_valid_cases(rng))
    index = 0
    for _ in range(INVALID_ROUNDS):
        for name in MUTATIONS:
            cases.append(_mutated(rng, [name], index))
            index += 1
    for i in range(COMBINED_COUNT):
        stage = ("sdl", "schema", "schema", "build")[i % 4]
        if stage == "build":  # graphql-core reports the first; graftql all (see the test)
            names = ["bad-deprecation-reason"] * rng.randrange(1, 4) + ["bad-specified-by"]
            names = names[: rng.randrange(2, len(names) + 1)]
        else:
            names = rng.sample(STAGES[stage], rng.choice((2, 2, 3)))
        cases.append(_mutated(rng, names, index))
        index += 1
    return cases


# === graphql-core's outcome =================================================


@dataclass(frozen=True)
class RefError:
    message: str
    locations: tuple[tuple[int, int, int], ...]  # (document index, line, column)
    text: str | None = None  # str(error): the message and a source excerpt per location


@dataclass
class Outcome:
    """What graphql-core makes of a schema. stage: "valid", "sdl" (SDL rule
    errors), "build" (an error raised while building), "schema"
    (validate_schema errors). constructor_error: graphql-core's own build
    raised this TypeError and `errors` come from validate_schema with the
    constructors' checks off (see permissive_constructors). build_errors_raised:
    how many of the build errors graphql-core itself raises (the first)."""

    stage: str
    errors: list[RefError]
    schema: object = None  # GraphQLSchema when valid
    constructor_error: str | None = None


def _ref_locations(error: object, sources: list[object]) -> tuple[tuple[int, int, int], ...]:
    out = []
    for node in getattr(error, "nodes", None) or []:
        if node is None or node.loc is None:
            continue
        loc = node.loc.source.get_location(node.loc.start)
        out.append((sources.index(node.loc.source), loc.line, loc.column))
    return tuple(out)


@contextmanager
def permissive_constructors() -> Iterator[None]:
    """graphql-core with its constructors' type-sort checks off.

    graphql-core's GraphQLField, GraphQLArgument and GraphQLInputField raise a
    TypeError (no location) for a type of the wrong sort, and the lazily
    resolved interfaces and union members for a type of the wrong kind;
    graphql-js 16 and graftql leave those to validate_schema, which reports
    them with locations. With the checks off, graphql-core's validate_schema
    gives the expected messages (as tests/c/gen/reference.py does for the C
    tests), and value_from_ast treats a default of a non-input type as not
    coercible. Everything is restored on exit."""
    from graphql.pyutils import Undefined

    definition: Any = importlib.import_module("graphql.type.definition")
    extend_schema: Any = importlib.import_module("graphql.utilities.extend_schema")

    saved_inits = {
        cls: cls.__dict__["__init__"]
        for cls in (
            definition.GraphQLField,
            definition.GraphQLArgument,
            definition.GraphQLInputField,
        )
    }
    saved_props = {
        (cls, name): cls.__dict__[name]
        for cls, name in (
            (definition.GraphQLObjectType, "interfaces"),
            (definition.GraphQLInterfaceType, "interfaces"),
            (definition.GraphQLUnionType, "types"),
        )
    }
    saved_value_from_ast = extend_schema.value_from_ast

    def permissive(init: Callable[..., None]) -> Callable[..., None]:
        def __init__(self: object, *args: object, **kwargs: object) -> None:
            checks = definition.is_input_type, definition.is_output_type
            definition.is_input_type = definition.is_output_type = lambda type_: True
            try:
                init(self, *args, **kwargs)
            finally:
                definition.is_input_type, definition.is_output_type = checks

        return __init__

    def unchecked(attribute: str) -> cached_property[tuple[object, ...]]:
        def resolve(self: object) -> tuple[object, ...]:
            return tuple(definition.resolve_thunk(getattr(self, attribute)) or ())

        return cached_property(resolve)

    def lenient_value_from_ast(*args: object) -> object:
        try:
            return saved_value_from_ast(*args)
        except TypeError:
            return Undefined

    try:
        for cls, init in saved_inits.items():
            cls.__init__ = permissive(init)
        for (cls, name), _ in saved_props.items():
            prop = unchecked("_interfaces" if name == "interfaces" else "_types")
            prop.__set_name__(cls, name)
            setattr(cls, name, prop)
        extend_schema.value_from_ast = lenient_value_from_ast
        yield
    finally:
        for cls, init in saved_inits.items():
            cls.__init__ = init
        for (cls, name), prop in saved_props.items():
            setattr(cls, name, prop)
        extend_schema.value_from_ast = saved_value_from_ast


def _build(document: object, sources: list[object]) -> Outcome:
    from graphql import GraphQLError, build_ast_schema, validate_schema

    try:
        schema = build_ast_schema(document, assume_valid_sdl=True)  # type: ignore[arg-type]
    except GraphQLError as error:
        # A lazily built field map wraps the error as "<Type> fields cannot
        # be resolved. <str(error)>", where str() adds a source excerpt and
        # the nodes are lost: keep the prefix, the cause's message and nodes.
        # Building one field map can build another (to coerce a default
        # value): the prefixes then chain, "A fields cannot be resolved. B
        # fields cannot be resolved. ...".
        prefix = ""
        while isinstance(error.__cause__, GraphQLError):
            prefix += error.message[: error.message.index(". ") + 2]
            error = error.__cause__
        return Outcome("build", [RefError(prefix + error.message, _ref_locations(error, sources))])
    errors = [
        RefError(e.message, _ref_locations(e, sources), str(e)) for e in validate_schema(schema)
    ]
    return Outcome("schema" if errors else "valid", errors, schema if not errors else None)


def _fix_argument_value(
    document: object, location: tuple[int, int, int], sources: list[object]
) -> bool:
    """Replace the argument value at location by a valid string; False if
    there is none there."""
    from graphql.language import ArgumentNode, StringValueNode, Visitor, visit

    found: list[ArgumentNode] = []

    class Fix(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: object) -> None:
            loc = node.value.loc
            if loc is None or found:
                return
            at = loc.source.get_location(loc.start)
            if (sources.index(loc.source), at.line, at.column) == location:
                node.value = StringValueNode(value="fixed")
                found.append(node)

    visit(document, Fix())  # type: ignore[arg-type]
    return bool(found)


def reference_outcome(texts: tuple[str, ...]) -> Outcome:
    """graphql-core 3.2.14 on the documents read as one (concat_ast), as
    build_schema would read them: SDL rules (assert_valid_sdl raises them as
    one TypeError, joined with blank lines), then the build, then
    validate_schema.

    Build errors (an invalid @deprecated reason or @specifiedBy url):
    graphql-core raises the first; the outcome lists all of them in the
    order graphql-core meets them, found by fixing each and building again."""
    from graphql import Source, concat_ast, parse
    from graphql.validation.validate import validate_sdl

    sources: list[object] = [Source(t) for t in texts]
    document = concat_ast([parse(s) for s in sources])  # type: ignore[arg-type]
    sdl_errors = validate_sdl(document)
    if sdl_errors:
        return Outcome(
            "sdl", [RefError(e.message, _ref_locations(e, sources), str(e)) for e in sdl_errors]
        )
    try:
        outcome = _build(document, sources)
    except TypeError as exc:
        with permissive_constructors():
            outcome = _build(document, sources)
        outcome.constructor_error = str(exc)
        return outcome
    if outcome.stage == "build":
        errors = list(outcome.errors)
        while errors[-1].locations and _fix_argument_value(
            document, errors[-1].locations[0], sources
        ):
            again = _build(document, sources)
            if again.stage != "build":
                break
            errors += again.errors
        outcome.errors = errors
    return outcome


def case_matches(case: SchemaCase, messages: list[str]) -> bool:
    """Each mutation of a single-mutation case, or at least one of several
    combined ones (they can hide each other: a type that implements itself
    is not checked further), shows in graphql-core's messages."""
    hits = [any(re.search(pattern, m) for m in messages) for pattern in case.expected]
    return all(hits) if len(hits) <= 1 else any(hits)


def check(cases: list[SchemaCase]) -> int:
    """Every valid case is valid for graphql-core; every invalid one fails
    with a message matching each of its patterns."""
    problems = 0
    stages: dict[str, int] = {}
    for case in cases:
        try:
            outcome = reference_outcome(case.sources)
        except Exception as exc:
            print(f"{case.id} {case.group}: graphql-core raised {exc!r}")
            problems += 1
            continue
        stages[outcome.stage] = stages.get(outcome.stage, 0) + 1
        messages = [e.message for e in outcome.errors]
        if case.valid and messages:
            print(f"{case.id}: valid case rejected: {messages[:3]}")
            problems += 1
        if not case.valid and not messages:
            print(f"{case.id} {case.group}: invalid case accepted")
            problems += 1
        if not case_matches(case, messages):
            print(f"{case.id} {case.group}: messages do not match {case.expected}: {messages[:4]}")
            problems += 1
    print("outcomes:", ", ".join(f"{k} {v}" for k, v in sorted(stages.items())))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--check", action="store_true", help="check the corpus against graphql-core"
    )
    parser.add_argument("--show", metavar="ID", help="print the documents of one case")
    parser.add_argument("--dump", metavar="DIR", type=Path, help="write each document to DIR")
    args = parser.parse_args(argv)
    cases = generate(args.seed)
    if args.show:
        case = next(c for c in cases if c.id == args.show)
        print(f"# {case.id} {case.group} {case.note}")
        for i, source in enumerate(case.sources):
            print(f"# --- document {i}\n{source}")
        return 0
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for case in cases:
            for i, source in enumerate(case.sources):
                (args.dump / f"{case.id}-{i}.graphql").write_text(source, encoding="utf-8")
    valid = sum(c.valid for c in cases)
    documents = sum(len(c.sources) for c in cases)
    print(
        f"{len(cases)} schemas: {valid} valid, {len(cases) - valid} invalid, {documents} documents"
    )
    if args.check:
        problems = check(cases)
        print(f"{problems} problem(s)")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
