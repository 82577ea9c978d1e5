"""Deterministic corpus of GraphQL documents for the differential parser tests.

The corpus is what test_parse_differential.py feeds to graftql and to
graphql-core 3.2.14 (the reference); the two must agree on every document.
It mixes:

- valid executable documents (all operation types, variables with types,
  defaults and directives, aliases, every value kind, strings with escapes,
  block strings, fragments, inline fragments, descriptions on operations,
  fragments and variable definitions);
- valid SDL (schema definition, every type kind, every extension form,
  descriptions with tricky block strings, repeatable directives on every
  location, interfaces implementing interfaces, deprecations) and documents
  mixing both;
- documents at the nesting limit (graphql-core's MAX_NESTING_DEPTH, 200) and
  one past it, for each kind of nesting;
- mutants of valid documents: truncated, characters flipped, inserted or
  deleted, tokens swapped, duplicated or dropped;
- hand-written snippets, one or more for every syntax error message of
  graphql-core's lexer and parser, each with the message it must produce;
- sources holding lone UTF-16 surrogates, which only a Python str can carry.

All of it is drawn from one seeded random.Random, so the corpus is the same
on every run and every machine. Run this file to check the corpus against
graphql-core and print statistics, or to dump it (e.g. as fuzz seeds):

    python tests/conformance/gen_documents.py --check
    python tests/conformance/gen_documents.py --dump DIR
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20250611

# graphql-core's MAX_NESTING_DEPTH, and graftql's default max_depth.
MAX_NESTING_DEPTH = 200


@dataclass(frozen=True)
class Document:
    """One corpus entry. `expected` is set for hand-written snippets only: the
    message graphql-core must give (checked by `--check`, so the snippet list
    cannot silently stop covering a message)."""

    id: str
    group: str
    source: str
    note: str = ""
    expected: str | None = None


# === Vocabulary ============================================================

KEYWORDS = (
    "query", "mutation", "subscription", "fragment", "on", "type", "schema", "scalar",
    "interface", "union", "enum", "input", "extend", "directive", "implements",
    "repeatable", "true", "false", "null",
)  # fmt: skip
PLAIN_NAMES = (
    "id", "name", "user", "users", "node", "edges", "cursor", "totalCount", "a", "b", "x",
    "_", "__typename", "_private", "A1", "camelCase", "snake_case", "UPPER", "z9_",
    "pageInfo", "hasNextPage", "friends", "avatar", "size", "first", "after", "filter",
)  # fmt: skip
TYPE_NAMES = (
    "Query", "Mutation", "Subscription", "User", "Node", "Post", "Comment", "Order",
    "Money", "DateTime", "Role", "Status", "UserInput", "Filter", "SearchResult", "T",
    "Connection", "Edge", "PageInfo", "Int", "String", "Float", "Boolean", "ID",
)  # fmt: skip
DIRECTIVE_NAMES = (
    "skip", "include", "deprecated", "specifiedBy", "oneOf", "live", "cost", "auth",
    "cacheControl", "tag", "key", "d", "on", "query",
)  # fmt: skip
EXECUTABLE_LOCATIONS = (
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT", "VARIABLE_DEFINITION",
)  # fmt: skip
TYPE_SYSTEM_LOCATIONS = (
    "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
    "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    "DIRECTIVE_DEFINITION",
)  # fmt: skip
DIRECTIVE_LOCATIONS = EXECUTABLE_LOCATIONS + TYPE_SYSTEM_LOCATIONS

INTS = ("0", "-0", "1", "7", "-1", "42", "-123", "2147483647", "2147483648", "-2147483649",
        "99999999999999999999999999")  # fmt: skip
FLOATS = ("0.0", "-0.0", "1.5", "-0.5", "3.14159", "1e3", "1E3", "1e+3", "1e-3", "-1.5E-10",
          "6.0221e+23", "0e0", "123.456e789", "1.0")  # fmt: skip

# Pieces of string values: source text, valid inside a "..." string.
STRING_PIECES = (
    "hello", "Hello, World!", " ", "  two spaces", "tab\there", "a", "0", "{ } ( ) [ ]",
    "# not a comment", "$var", "@dir", "...", "'single'", "é", "ß", "日本語", "Ω≈ç√",
    "😀", "👍🏽", "\U0001d518\U0001d52b\U0001d526", "\u00a0", "\u200b", "\u2028", "\u2029",
    "\ufeff", "\ufffd",
    "\x01", "\x1f", "\x7f", "\x00", "\x0b", "\x0c",
    r"\"", r"\\", r"\/", r"\b", r"\f", r"\n", r"\r", r"\t", r"\u0041", r"\u00e9", r"\u00E9",
    r"\u0000", r"\u001F", r"\u007f", r"\uFFFF", r"\uFEFF", r"\u2028", r"\uD7FF", r"\uE000",
    r"\u{41}", r"\u{0}", r"\u{1F600}", r"\u{1f600}", r"\u{10FFFF}", r"\u{00000041}",
    r"\u{D7FF}", r"\u{E000}", r"\uD83D\uDE00", r"\ud83d\ude00", r"\uDBFF\uDFFF",
    r"\uD800\uDC00", r"C:\\path\\to", r"quote \" inside",
)  # fmt: skip

# Pieces of block-string lines: raw text (escaped for `"""` when emitted).
BLOCK_PIECES = (
    "Some text.", "A *markdown* description", "`code`", '"quoted"', '""double""', '"', '""',
    '"""', "\\", "\\n is not an escape", "C:\\path\\to\\file", "\\u0041 stays", "é", "日本語",
    "😀", "\t", "  ", "#hash", "{ braces }", "trailing quote\"", "x", "- list item",
    "\x01", "\u2028", "\ufeff",
)  # fmt: skip

COMMENT_TEXTS = (
    "", " a comment", "#", " é 日本 😀", " \"quoted\" 'single'", " { ( [", "\t\ttabs",
    " \\u0041 \\", " \x01 \x00 \x7f", " \ufeff", " \u2028",
)  # fmt: skip

PUNCTUATORS = frozenset("{}()[]:=@$!|&")

# Characters and fragments the mutants flip to or insert.
MUTATION_CHARS = (
    "'", '"', "\\", ".", "-", "0", "1", "$", "@", "{", "}", "(", ")", "[", "]", ":", "=", "!",
    "|", "&", "#", ",", " ", "\n", "\r", "\t", "e", "E", "a", "_", "é", "😀", "\x00", "\x01",
    "\x7f", "\x0b", "\u2028", "\ufeff", "\u00a0", '"""', "...", "\\u", "\\u{", "on", "true",
    "null", "$x", "@d", "-1", "1.", "0x",
)  # fmt: skip


# === Token lists and their layout ==========================================


def _is_number(token: str) -> bool:
    return token[:1].isdigit() or token[:1] == "-"


def _may_touch(prev: str, nxt: str) -> bool:
    """Whether two tokens lex as themselves with nothing between them."""
    if prev in PUNCTUATORS:
        return True
    if nxt in PUNCTUATORS:
        return True
    return prev == "..." and not _is_number(nxt) and nxt[:1] not in "."


class Layout:
    """Joins a token list into source text with a random but valid choice of
    ignored tokens: spaces, tabs, commas, comments, line terminators (one
    newline style per document, or a mix) and the odd BOM."""

    NEWLINES = ("\n", "\r\n", "\r")

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.newline_mode = rng.choices(["\n", "\r\n", "\r", "mixed"], [60, 20, 8, 12])[0]
        self.style = rng.choices(["spaces", "lines", "dense", "noisy"], [30, 35, 15, 20])[0]

    def newline(self) -> str:
        if self.newline_mode == "mixed":
            return self.rng.choice(self.NEWLINES)
        return self.newline_mode

    def separator(self, prev: str, nxt: str) -> str:
        rng = self.rng
        if self.style == "dense" and _may_touch(prev, nxt):
            return "" if rng.random() < 0.8 else " "
        weights = {
            "spaces": (40, 25, 10, 5, 5, 5, 5, 3, 2),
            "lines": (15, 10, 45, 5, 10, 5, 5, 3, 2),
            "dense": (10, 60, 5, 5, 5, 5, 5, 3, 2),
            "noisy": (10, 10, 15, 15, 15, 10, 15, 5, 5),
        }[self.style]
        kind = rng.choices(
            ["space", "none", "newline", "comma", "indent", "tab", "comment", "bom", "many"],
            weights,
        )[0]
        if kind == "none" and not _may_touch(prev, nxt):
            kind = "space"
        if kind in ("space", "none", "tab", "bom"):
            return {"space": " ", "none": "", "tab": "\t", "bom": "\ufeff"}[kind]
        if kind == "newline":
            return self.newline() + "  " * rng.randrange(4)
        if kind == "comma":
            return rng.choice([",", ", ", " , ", ",,", ",\n"])
        if kind == "indent":
            return self.newline() + rng.choice(["\t", "    ", " \t ", ""])
        if kind == "comment":
            lead = rng.choice(["", " ", "  "])
            return f"{lead}#{rng.choice(COMMENT_TEXTS)}{self.newline()}" + " " * rng.randrange(3)
        return "".join(
            rng.choice([" ", ",", "\t", self.newline()]) for _ in range(rng.randrange(2, 6))
        )

    def join(self, tokens: list[str]) -> str:
        rng = self.rng
        out: list[str] = []
        if rng.random() < 0.04:
            out.append("\ufeff")
        if rng.random() < 0.15:
            out.append(self.separator("{", "{") or self.newline())
        for i, token in enumerate(tokens):
            if i:
                out.append(self.separator(tokens[i - 1], token))
            out.append(token)
        if rng.random() < 0.5:
            out.append(self.newline())
        elif rng.random() < 0.2:
            out.append(f" # trailing comment{self.newline() if rng.random() < 0.5 else ''}")
        return "".join(out)


# === Valid documents =======================================================


class Generator:
    """Builds token lists of valid documents. `size` scales how many
    definitions, fields, arguments, etc. are drawn."""

    def __init__(self, rng: random.Random, size: float = 1.0) -> None:
        self.rng = rng
        self.size = size
        # Fields, selections and values left to draw: keeps the size of a
        # document bounded whatever the random draws.
        self.budget = int(60 * size) + 10

    # --- small helpers

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def count(self, mean: float, low: int = 0, high: int = 12) -> int:
        if self.budget <= 0:
            return low
        n = int(self.rng.expovariate(1 / max(mean * self.size, 0.01)) + 0.5)
        n = max(low, min(high, n))
        self.budget -= n
        return n

    def name(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.12:
            return rng.choice(KEYWORDS)
        if r < 0.75:
            return rng.choice(PLAIN_NAMES)
        first = rng.choice("_abcxyzABCXYZ")
        rest = "".join(
            rng.choice("_abcdefghijklmnopqrstuvwxyzABCZ0123456789")
            for _ in range(rng.randrange(0, 12))
        )
        return first + rest

    def type_name(self) -> str:
        return self.rng.choice(TYPE_NAMES) if self.chance(0.85) else self.name()

    def fragment_name(self) -> str:
        name = self.name()
        return name if name != "on" else "onFragment"

    def enum_value_name(self) -> str:
        name = (
            self.name()
            if self.chance(0.3)
            else self.rng.choice(
                ["ADMIN", "USER", "GUEST", "ACTIVE", "DELETED", "ASC", "DESC", "RED", "_X", "e"]
            )
        )
        return name if name not in ("true", "false", "null") else "NOT_" + name

    # --- strings

    def string_token(self) -> str:
        rng = self.rng
        if self.chance(0.1):
            return '""'
        pieces = [rng.choice(STRING_PIECES) for _ in range(rng.randrange(1, 6))]
        return '"' + "".join(pieces) + '"'

    def block_string_token(self, newline: str = "\n") -> str:
        rng = self.rng
        lines: list[str] = []
        shape = rng.choice(["one-line", "lines", "indented", "ragged", "blank-edges"])
        n = 1 if shape == "one-line" else rng.randrange(1, 7)
        base = rng.choice(["", "  ", "    ", "\t", " \t"])
        for _ in range(n):
            r = rng.random()
            if r < 0.12:
                lines.append("")
            elif r < 0.2:
                lines.append(rng.choice([" ", "  ", "\t", "    "]))
            else:
                indent = base
                if shape == "ragged":
                    indent = rng.choice(["", " ", "   ", "\t", "      "])
                elif shape == "indented" and self.chance(0.4):
                    indent = base + "  "
                text = " ".join(rng.choice(BLOCK_PIECES) for _ in range(rng.randrange(1, 4)))
                lines.append(indent + text)
        if shape == "blank-edges" or self.chance(0.3):
            lines.insert(0, rng.choice(["", "   "]))
            lines.append(rng.choice(["", base]))
        seps = [
            newline if self.chance(0.8) else rng.choice(Layout.NEWLINES)
            for _ in range(len(lines) - 1)
        ]
        raw = lines[0] + "".join(sep + line for sep, line in zip(seps, lines[1:], strict=True))
        raw = raw.replace('"""', '\\"""')
        # A raw value may not end in `"` or `\`: either would run into the
        # closing quotes. Mutants and snippets cover those.
        if raw.endswith(('"', "\\")):
            raw += rng.choice([" ", newline])
        return f'"""{raw}"""'

    def description(self, newline: str = "\n") -> list[str]:
        if self.chance(0.55):
            return [self.block_string_token(newline)]
        return [self.string_token()]

    # --- values and types

    def value(self, const: bool, depth: int = 0) -> list[str]:
        rng = self.rng
        kinds = ["int", "float", "string", "block", "true", "false", "null", "enum"]
        weights = [12, 8, 14, 3, 4, 4, 5, 8]
        if not const:
            kinds.append("variable")
            weights.append(14)
        if depth < 4:
            kinds += ["list", "object"]
            weights += [8, 8]
        kind = rng.choices(kinds, weights)[0]
        if kind == "int":
            return [rng.choice(INTS)]
        if kind == "float":
            return [rng.choice(FLOATS)]
        if kind == "string":
            return [self.string_token()]
        if kind == "block":
            return [self.block_string_token()]
        if kind in ("true", "false", "null"):
            return [kind]
        if kind == "enum":
            return [self.enum_value_name()]
        if kind == "variable":
            return ["$", self.name()]
        if kind == "list":
            out = ["["]
            for _ in range(self.count(2, 0, 6)):
                out += self.value(const, depth + 1)
            return [*out, "]"]
        out = ["{"]
        for _ in range(self.count(2, 0, 6)):
            out += [self.name(), ":", *self.value(const, depth + 1)]
        return [*out, "}"]

    def type_ref(self, depth: int = 0) -> list[str]:
        if depth < 3 and self.chance(0.3):
            inner = ["[", *self.type_ref(depth + 1), "]"]
        else:
            inner = [self.type_name()]
        return [*inner, "!"] if self.chance(0.4) else inner

    def arguments(self, const: bool, mean: float = 1.5) -> list[str]:
        n = self.count(mean, 0, 8)
        if not n:
            return []
        out = ["("]
        for _ in range(n):
            out += [self.name(), ":", *self.value(const)]
        return [*out, ")"]

    def directives(self, const: bool, mean: float = 0.4) -> list[str]:
        out: list[str] = []
        for _ in range(self.count(mean, 0, 4)):
            out += ["@", self.rng.choice(DIRECTIVE_NAMES), *self.arguments(const, 0.8)]
        return out

    # --- executable definitions

    def selection_set(self, depth: int, max_depth: int) -> list[str]:
        out = ["{"]
        for _ in range(self.count(2.5, 1, 10)):
            out += self.selection(depth, max_depth)
        return [*out, "}"]

    def selection(self, depth: int, max_depth: int) -> list[str]:
        rng = self.rng
        r = rng.random()
        if self.budget <= 0:
            max_depth = depth
        if r < 0.1:
            return ["...", self.fragment_name(), *self.directives(False)]
        if r < 0.2 and depth < max_depth:
            cond = ["on", self.type_name()] if self.chance(0.7) else []
            return [
                "...",
                *cond,
                *self.directives(False),
                *self.selection_set(depth + 1, max_depth),
            ]
        out = [self.name(), ":", self.name()] if self.chance(0.25) else [self.name()]
        out += self.arguments(False, 0.8)
        out += self.directives(False, 0.25)
        if depth < max_depth and self.chance(0.45):
            out += self.selection_set(depth + 1, max_depth)
        return out

    def variable_definitions(self, newline: str) -> list[str]:
        n = self.count(1.2, 0, 6)
        if not n:
            return []
        out = ["("]
        for _ in range(n):
            if self.chance(0.15):
                out += self.description(newline)
            out += ["$", self.name(), ":", *self.type_ref()]
            if self.chance(0.35):
                out += ["=", *self.value(True)]
            out += self.directives(True, 0.2)
        return [*out, ")"]

    def operation(self, newline: str = "\n", shorthand: bool = True) -> list[str]:
        max_depth = self.rng.choice([1, 2, 3, 4, 5, 7])
        if shorthand and self.chance(0.2):
            return self.selection_set(1, max_depth)
        out: list[str] = []
        if self.chance(0.15):
            out += self.description(newline)
        out.append(self.rng.choices(["query", "mutation", "subscription"], [6, 2, 1])[0])
        if self.chance(0.8):
            out.append(self.name())
        out += self.variable_definitions(newline)
        out += self.directives(False, 0.3)
        return out + self.selection_set(1, max_depth)

    def fragment(self, newline: str = "\n") -> list[str]:
        out: list[str] = []
        if self.chance(0.15):
            out += self.description(newline)
        out += ["fragment", self.fragment_name(), "on", self.type_name()]
        out += self.directives(False, 0.3)
        return out + self.selection_set(1, self.rng.choice([1, 2, 3, 4]))

    def executable_document(self, newline: str = "\n", shorthand: bool = True) -> list[str]:
        out: list[str] = []
        for _ in range(self.count(1.5, 1, 6)):
            if self.chance(0.3):
                out += self.fragment(newline)
            else:
                out += self.operation(newline, shorthand)
        return out

    # --- type system definitions

    def maybe_description(self, newline: str, p: float = 0.35) -> list[str]:
        return self.description(newline) if self.chance(p) else []

    def const_directives(self, mean: float = 0.4) -> list[str]:
        out = self.directives(True, mean)
        if self.chance(0.08):
            out += ["@", "deprecated"]
            if self.chance(0.6):
                out += ["(", "reason", ":", self.string_token(), ")"]
        return out

    def input_value_def(self, newline: str) -> list[str]:
        out = [*self.maybe_description(newline, 0.25), self.name(), ":", *self.type_ref()]
        if self.chance(0.3):
            out += ["=", *self.value(True)]
        return out + self.const_directives(0.2)

    def field_def(self, newline: str) -> list[str]:
        out = [*self.maybe_description(newline, 0.3), self.name()]
        n = self.count(0.8, 0, 5)
        if n:
            out.append("(")
            for _ in range(n):
                out += self.input_value_def(newline)
            out.append(")")
        return [*out, ":", *self.type_ref(), *self.const_directives(0.25)]

    def implements(self) -> list[str]:
        n = self.count(0.8, 0, 4)
        if not n:
            return []
        out = ["implements"]
        if self.chance(0.2):
            out.append("&")
        for i in range(n):
            if i:
                out.append("&")
            out.append(self.type_name())
        return out

    def fields(
        self, newline: str, item: Callable[[str], list[str]], optional: bool = True
    ) -> list[str]:
        if optional and self.chance(0.1):
            return []
        out = ["{"]
        for _ in range(self.count(3, 1, 12)):
            out += item(newline)
        return [*out, "}"]

    def operation_types(self) -> list[str]:
        ops = self.rng.sample(["query", "mutation", "subscription"], self.rng.randrange(1, 4))
        out = ["{"]
        for op in ops:
            out += [op, ":", self.type_name()]
        return [*out, "}"]

    def union_members(self, optional: bool) -> list[str]:
        n = self.count(2, 0 if optional else 1, 6)
        if not n:
            return []
        out = ["="]
        if self.chance(0.25):
            out.append("|")
        for i in range(n):
            if i:
                out.append("|")
            out.append(self.type_name())
        return out

    def enum_value_def(self, newline: str) -> list[str]:
        return [
            *self.maybe_description(newline, 0.3),
            self.enum_value_name(),
            *self.const_directives(0.2),
        ]

    def directive_def(self, newline: str) -> list[str]:
        out = [*self.maybe_description(newline), "directive", "@", self.name()]
        n = self.count(0.8, 0, 4)
        if n:
            out.append("(")
            for _ in range(n):
                out += self.input_value_def(newline)
            out.append(")")
        if self.chance(0.35):
            out.append("repeatable")
        out.append("on")
        if self.chance(0.25):
            out.append("|")
        locations = self.rng.sample(DIRECTIVE_LOCATIONS, self.count(2, 1, len(DIRECTIVE_LOCATIONS)))
        for i, location in enumerate(locations):
            if i:
                out.append("|")
            out.append(location)
        return out

    def type_definition(self, newline: str) -> list[str]:
        rng = self.rng
        kind = rng.choices(
            ["schema", "scalar", "type", "interface", "union", "enum", "input", "directive"],
            [3, 5, 30, 10, 6, 8, 8, 6],
        )[0]
        desc = self.maybe_description(newline)
        if kind == "schema":
            return [*desc, "schema", *self.const_directives(0.4), *self.operation_types()]
        if kind == "scalar":
            return [*desc, "scalar", self.type_name(), *self.const_directives(0.5)]
        if kind in ("type", "interface"):
            return [
                *desc,
                kind,
                self.type_name(),
                *self.implements(),
                *self.const_directives(),
                *self.fields(newline, self.field_def),
            ]
        if kind == "union":
            return [
                *desc,
                "union",
                self.type_name(),
                *self.const_directives(),
                *self.union_members(optional=True),
            ]
        if kind == "enum":
            return [
                *desc,
                "enum",
                self.type_name(),
                *self.const_directives(),
                *self.fields(newline, self.enum_value_def),
            ]
        if kind == "input":
            return [
                *desc,
                "input",
                self.type_name(),
                *self.const_directives(),
                *self.fields(newline, self.input_value_def),
            ]
        return self.directive_def(newline)

    def type_extension(self, newline: str) -> list[str]:
        """Every extension form, always with the content it needs."""
        rng = self.rng
        kind = rng.choice(["schema", "scalar", "type", "interface", "union", "enum", "input"])
        out = ["extend", kind]
        if kind == "schema":
            dirs = self.const_directives(0.6)
            ops = self.operation_types() if not dirs or self.chance(0.5) else []
            return out + dirs + ops
        out.append(self.type_name())
        if kind == "scalar":
            return [
                *out,
                "@",
                rng.choice(DIRECTIVE_NAMES),
                *self.arguments(True, 0.5),
                *self.const_directives(0.3),
            ]
        while True:
            if kind in ("type", "interface"):
                body = [
                    *self.implements(),
                    *self.const_directives(),
                    *self.fields(newline, self.field_def),
                ]
            elif kind == "union":
                body = [*self.const_directives(), *self.union_members(optional=True)]
            elif kind == "enum":
                body = [*self.const_directives(), *self.fields(newline, self.enum_value_def)]
            else:
                body = [*self.const_directives(), *self.fields(newline, self.input_value_def)]
            if body:
                return out + body

    def sdl_document(self, newline: str = "\n") -> list[str]:
        out: list[str] = []
        for _ in range(self.count(3, 1, 14)):
            if self.chance(0.2):
                out += self.type_extension(newline)
            else:
                out += self.type_definition(newline)
        return out

    def mixed_document(self, newline: str = "\n") -> list[str]:
        # No shorthand queries: after `type T` or `extend schema @d`, a `{`
        # would open the fields of the type definition.
        parts = [self.sdl_document(newline), self.executable_document(newline, False)]
        if self.chance(0.5):
            parts.reverse()
        out: list[str] = []
        for part in parts:
            out += part
        return out


# === Documents at the nesting limit ========================================


def nesting_documents() -> Iterator[tuple[str, str]]:
    """(note, source) pairs with nesting depth 200 and 201 of each kind that
    graphql-core counts: selection sets, list values, object values, list
    types, and mixtures. graphql-core reports the error at different tokens
    for each (before '[' of a list value, after '[' of a list type)."""
    for depth in (MAX_NESTING_DEPTH - 1, MAX_NESTING_DEPTH, MAX_NESTING_DEPTH + 1):
        yield (
            f"selection sets depth {depth}",
            "{ a " * (depth - 1) + "{ leaf }" + " }" * (depth - 1),
        )
        inner = depth - 1  # the operation's selection set counts as one
        yield (f"list value depth {depth}", "{ f(a: " + "[" * inner + "1" + "]" * inner + ") }")
        yield (
            f"object value depth {depth}",
            "{ f(a: " + "{a: " * inner + "1" + "}" * inner + ") }",
        )
        yield (
            f"list type depth {depth}",
            "query ($v: " + "[" * depth + "Int" + "]" * depth + ") { f }",
        )
        yield (
            f"non-null list type depth {depth}",
            "query ($v: " + "[" * depth + "Int!" + "]!" * depth + ") { f }",
        )
        yield (
            f"SDL field type depth {depth}",
            "type T { f: " + "[" * depth + "Int" + "]" * depth + " }",
        )
        yield (
            f"SDL default value depth {depth}",
            "type T { f(a: Int = " + "[" * depth + "]" * depth + "): Int }",
        )
        openers = ["{a: ", "["] * depth
        closers = ["}", "]"] * depth
        yield (
            f"variable default depth {depth}",
            "query ($v: Int = "
            + "".join(openers[:depth])
            + "1"
            + "".join(reversed(closers[:depth]))
            + ") { f }",
        )
        half = depth // 2
        yield (
            f"mixed selections and values depth {depth}",
            "{ a " * (half - 1)
            + "{ f(x: "
            + "[" * (depth - half)
            + "0"
            + "]" * (depth - half)
            + ") }"
            + " }" * (half - 1),
        )
    # Nesting does not accumulate across siblings or definitions.
    yield ("siblings each at depth 200", ("{ a " * 199 + "{ b }" + " }" * 199 + "\n") * 3)
    yield (
        "depth 201 in the second definition only",
        "{ a }\n" + "{ a " * 200 + "{ b }" + " }" * 200,
    )


# === Mutants ===============================================================


def mutate(rng: random.Random, tokens: list[str], layout: Layout) -> tuple[str, str]:
    """One mutant of a valid document: (note, source)."""
    op = rng.choices(
        [
            "truncate",
            "flip",
            "insert",
            "delete",
            "delete-range",
            "swap",
            "duplicate",
            "drop",
            "keyword",
            "fragment",
        ],
        [22, 18, 14, 8, 4, 8, 6, 8, 4, 8],
    )[0]
    if op in ("swap", "duplicate", "drop", "keyword") and len(tokens) > 1:
        tokens = list(tokens)
        i = rng.randrange(len(tokens) - (1 if op == "swap" else 0))
        if op == "swap":
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
        elif op == "duplicate":
            tokens.insert(i, tokens[i])
        elif op == "drop":
            del tokens[i]
        else:
            tokens[i] = rng.choice(KEYWORDS)
        return f"{op} token {i}", layout.join(tokens)
    source = layout.join(tokens)
    n = len(source)
    i = rng.randrange(n + 1)
    if op == "truncate":
        return f"truncate at {i}", source[:i]
    if op == "flip" and n:
        i = min(i, n - 1)
        return f"flip char {i}", source[:i] + rng.choice(MUTATION_CHARS)[0] + source[i + 1 :]
    if op == "delete" and n:
        i = min(i, n - 1)
        return f"delete char {i}", source[:i] + source[i + 1 :]
    if op == "delete-range":
        j = min(n, i + rng.randrange(2, 12))
        return f"delete {i}:{j}", source[:i] + source[j:]
    insert = rng.choice(MUTATION_CHARS) if op == "fragment" else rng.choice(MUTATION_CHARS)[0]
    return f"insert {insert!r} at {i}", source[:i] + insert + source[i:]


# === Hand-written invalid snippets =========================================

# (source, the message graphql-core 3.2.14 gives). At least one per message
# of its lexer and parser; the limits (max_tokens, max_source_length) are
# exercised by the tests directly.
SNIPPETS: tuple[tuple[str, str], ...] = (
    # --- lexer: characters
    (
        "{ f(a: 'x') }",
        "Unexpected single quote character ('), did you mean to use a double quote (\")?",
    ),
    ("'", "Unexpected single quote character ('), did you mean to use a double quote (\")?"),
    ("{ a % b }", "Unexpected character: '%'."),
    ("{ a.b }", "Unexpected character: '.'."),
    ("{ ..a }", "Unexpected character: '.'."),
    ("{ . . . a }", "Unexpected character: '.'."),
    ("{ f(a: .5) }", "Unexpected character: '.'."),
    ("{ a ~ }", "Unexpected character: '~'."),
    ("{ a ? }", "Unexpected character: '?'."),
    ("{ a * }", "Unexpected character: '*'."),
    ("{ a ; b }", "Unexpected character: ';'."),
    ("{ a < b }", "Unexpected character: '<'."),
    ("{ a + b }", "Unexpected character: '+'."),
    ("{ a / b }", "Unexpected character: '/'."),
    ("{ `a` }", "Unexpected character: '`'."),
    ("{ \\u0061 }", "Unexpected character: '\\'."),
    ("{ é }", "Unexpected character: U+00E9."),
    ("{ aé }", "Unexpected character: U+00E9."),
    ("{ 日本 }", "Unexpected character: U+65E5."),
    ("{ a 😀 }", "Unexpected character: U+1F600."),
    ("{ \x00 }", "Unexpected character: U+0000."),
    ("{ a\x01 }", "Unexpected character: U+0001."),
    ("{ a\x0b }", "Unexpected character: U+000B."),
    ("{ a\x0c }", "Unexpected character: U+000C."),
    ("{ a\x1f }", "Unexpected character: U+001F."),
    ("{ a\x7f }", "Unexpected character: U+007F."),
    ("{ a\u00a0b }", "Unexpected character: U+00A0."),
    ("{ a\u2028b }", "Unexpected character: U+2028."),
    ("{ a\u200bb }", "Unexpected character: U+200B."),
    ("{ a\ufffd }", "Unexpected character: U+FFFD."),
    ("{ a\U0010ffff }", "Unexpected character: U+10FFFF."),
    ("é\n{ a }", "Unexpected character: U+00E9."),
    ("{ a }\r\n\r\n  \t é", "Unexpected character: U+00E9."),
    ("{ a }\r\r é", "Unexpected character: U+00E9."),
    ("\ufeff\ufeff{ a\ufeff } ~", "Unexpected character: '~'."),
    ('{ f(a: "é日😀") } ~', "Unexpected character: '~'."),
    ('{ f(a: """\n  é\r\n  😀\r  x""") } ~', "Unexpected character: '~'."),
    ("# é😀 comment\r\n{ a } ~", "Unexpected character: '~'."),
    # --- lexer: numbers
    ("{ f(a: 01) }", "Invalid number, unexpected digit after 0: '1'."),
    ("{ f(a: -01) }", "Invalid number, unexpected digit after 0: '1'."),
    ("{ f(a: 00.5) }", "Invalid number, unexpected digit after 0: '0'."),
    ("{ f(a: 1.) }", "Invalid number, expected digit but got: ')'."),
    ("{ f(a: 1.e5) }", "Invalid number, expected digit but got: 'e'."),
    ("{ f(a: 1e) }", "Invalid number, expected digit but got: ')'."),
    ("{ f(a: 1e+) }", "Invalid number, expected digit but got: ')'."),
    ("{ f(a: 1E-x) }", "Invalid number, expected digit but got: 'x'."),
    ("{ f(a: -) }", "Invalid number, expected digit but got: ')'."),
    ("{ f(a: - 1) }", "Invalid number, expected digit but got: ' '."),
    ("{ f(a: -a) }", "Invalid number, expected digit but got: 'a'."),
    ("{ f(a: 1a) }", "Invalid number, expected digit but got: 'a'."),
    ("{ f(a: 0x1F) }", "Invalid number, expected digit but got: 'x'."),
    ("{ f(a: 1_000) }", "Invalid number, expected digit but got: '_'."),
    ("{ f(a: 1.5.6) }", "Invalid number, expected digit but got: '.'."),
    ("{ f(a: 1.5e3e) }", "Invalid number, expected digit but got: 'e'."),
    ("{ f(a: 1...) }", "Invalid number, expected digit but got: '.'."),
    ("{ f(a: 1é) }", "Unexpected character: U+00E9."),
    ("{ f(a: 1.\r\n) }", "Invalid number, expected digit but got: U+000D."),
    ("{ f(a: 1e\n) }", "Invalid number, expected digit but got: U+000A."),
    ("{ f(a: 1", "Expected Name, found <EOF>."),
    ("{ f(a: 1.", "Invalid number, expected digit but got: <EOF>."),
    ("{ f(a: 1e", "Invalid number, expected digit but got: <EOF>."),
    ("{ f(a: -", "Invalid number, expected digit but got: <EOF>."),
    ("{ f(a: 0", "Expected Name, found <EOF>."),
    ('{ f(a: 12"s") }', "Expected Name, found String 's'."),
    ("{ f(a: 0x) }", "Invalid number, expected digit but got: 'x'."),
    ("{ f(a: 1__) }", "Invalid number, expected digit but got: '_'."),
    ("{ f(a: -0.0e) }", "Invalid number, expected digit but got: ')'."),
    # --- lexer: strings
    ('{ f(a: "abc) }', "Unterminated string."),
    ('{ f(a: "abc', "Unterminated string."),
    ('{ f(a: "', "Unterminated string."),
    ('{ f(a: "abc\n") }', "Unterminated string."),
    ('{ f(a: "abc\r\n") }', "Unterminated string."),
    ('{ f(a: "abc\r") }', "Unterminated string."),
    ('{ f(a: "abc\\") }', "Unterminated string."),
    ('{ f(a: """abc) }', "Unterminated string."),
    ('{ f(a: """abc""', "Unterminated string."),
    ('{ f(a: """abc\\""") }', "Unterminated string."),
    ('{ f(a: """', "Unterminated string."),
    ('""""', "Unterminated string."),
    ('{ f(a: """a""""', "Unterminated string."),
    ('"""\n\n  unterminated\n  ', "Unterminated string."),
    ('{ f(a: "\\x") }', "Invalid character escape sequence: '\\x'."),
    ('{ f(a: "\\a") }', "Invalid character escape sequence: '\\a'."),
    ('{ f(a: "\\\'") }', "Invalid character escape sequence: '\\''."),
    ('{ f(a: "\\U0041") }', "Invalid character escape sequence: '\\U'."),
    ('{ f(a: "\\ ") }', "Invalid character escape sequence: '\\ '."),
    ('{ f(a: "\\é") }', "Invalid character escape sequence: '\\é'."),
    ('{ f(a: "\\😀") }', "Invalid character escape sequence: '\\😀'."),
    ('{ f(a: "\\\n") }', "Invalid character escape sequence: '\\\n'."),
    ('{ f(a: "\\0") }', "Invalid character escape sequence: '\\0'."),
    ('{ f(a: "abc\\', "Invalid character escape sequence: '\\'."),
    ('{ f(a: "\\u{}") }', "Invalid Unicode escape sequence: '\\u{}'."),
    ('{ f(a: "\\u{110000}") }', "Invalid Unicode escape sequence: '\\u{110000}'."),
    ('{ f(a: "\\u{D800}") }', "Invalid Unicode escape sequence: '\\u{D800}'."),
    ('{ f(a: "\\u{DFFF}") }', "Invalid Unicode escape sequence: '\\u{DFFF}'."),
    ('{ f(a: "\\u{xyz}") }', "Invalid Unicode escape sequence: '\\u{x'."),
    ('{ f(a: "\\u{12G}") }', "Invalid Unicode escape sequence: '\\u{12G'."),
    ('{ f(a: "\\u{1F600") }', "Invalid Unicode escape sequence: '\\u{1F600\"'."),
    ('{ f(a: "\\u{000000041}") }', "Invalid Unicode escape sequence: '\\u{000000041'."),
    ('{ f(a: "\\u{FFFFFFFFFF}") }', "Invalid Unicode escape sequence: '\\u{FFFFFFFFF'."),
    ('{ f(a: "\\u{', "Invalid Unicode escape sequence: '\\u{'."),
    ('{ f(a: "\\u{41', "Invalid Unicode escape sequence: '\\u{41'."),
    ('{ f(a: "\\u{ 41}") }', "Invalid Unicode escape sequence: '\\u{ '."),
    ('{ f(a: "\\u12") }', "Invalid Unicode escape sequence: '\\u12\")'."),
    ('{ f(a: "\\uXYZW") }', "Invalid Unicode escape sequence: '\\uXYZW'."),
    ('{ f(a: "\\u00G0") }', "Invalid Unicode escape sequence: '\\u00G0'."),
    ('{ f(a: "\\uD800") }', "Invalid Unicode escape sequence: '\\uD800'."),
    ('{ f(a: "\\uDBFF\\u0041") }', "Invalid Unicode escape sequence: '\\uDBFF'."),
    ('{ f(a: "\\uD83D\\uD83D") }', "Invalid Unicode escape sequence: '\\uD83D'."),
    ('{ f(a: "\\uD83D\\u{DE00}") }', "Invalid Unicode escape sequence: '\\uD83D'."),
    ('{ f(a: "\\uDC00") }', "Invalid Unicode escape sequence: '\\uDC00'."),
    ('{ f(a: "\\uDE00\\uD83D") }', "Invalid Unicode escape sequence: '\\uDE00'."),
    ('{ f(a: "\\uD83D', "Invalid Unicode escape sequence: '\\uD83D'."),
    ('{ f(a: "\\uD83D\\u', "Invalid Unicode escape sequence: '\\uD83D'."),
    ('{ f(a: "\\u', "Invalid Unicode escape sequence: '\\u'."),
    ('{ f(a: "\\u00', "Invalid Unicode escape sequence: '\\u00'."),
    ('{ f(a: "é\\u00é9") }', "Invalid Unicode escape sequence: '\\u00é9'."),
    ('{ f(a: "😀\\q") }', "Invalid character escape sequence: '\\q'."),
    ('"\\q" { a }', "Invalid character escape sequence: '\\q'."),
    # --- parser: expected tokens
    ("{", "Expected Name, found <EOF>."),
    ("{ }", "Expected Name, found '}'."),
    ("query", "Expected '{', found <EOF>."),
    ("query Q", "Expected '{', found <EOF>."),
    ("query Q {", "Expected Name, found <EOF>."),
    ("query Q { a", "Expected Name, found <EOF>."),
    ("query Q { a # comment }", "Expected Name, found <EOF>."),
    ("query Q ()", "Expected '$', found ')'."),
    ("query Q (a: Int) { f }", "Expected '$', found Name 'a'."),
    ("query Q ($a Int) { f }", "Expected ':', found Name 'Int'."),
    ("query Q ($a:) { f }", "Expected Name, found ')'."),
    ("query Q ($a: [Int) { f }", "Expected ']', found ')'."),
    ("query Q ($a: Int!!) { f }", "Expected '$', found '!'."),
    ("query Q ($a: !Int) { f }", "Expected Name, found '!'."),
    ("query Q ($a: Int = ) { f }", "Unexpected ')'."),
    ("query Q ($a: Int = 1 = 2) { f }", "Expected '$', found '='."),
    ("query Q ($: Int) { f }", "Expected Name, found ':'."),
    ("query Q ($a: Int) @ { f }", "Expected Name, found '{'."),
    ("query Q @d(a) { f }", "Expected ':', found ')'."),
    ("{ f(a 1) }", "Expected ':', found Int '1'."),
    ("{ f() }", "Expected Name, found ')'."),
    ("{ f(a: 1 }", "Expected Name, found '}'."),
    ("{ f(a: ) }", "Unexpected ')'."),
    ("{ f(a: [1, ) }", "Unexpected ')'."),
    ("{ f(a: [1 }", "Unexpected '}'."),
    ("{ f(a: {b}) }", "Expected ':', found '}'."),
    ('{ f(a: {"b": 1}) }', "Expected Name, found String 'b'."),
    ("{ f(a: {b: 1) }", "Expected Name, found ')'."),
    ("{ f(a: @) }", "Unexpected '@'."),
    ("{ f(a: ...) }", "Unexpected '...'."),
    ("{ f(a: !) }", "Unexpected '!'."),
    ("{ f(a: |) }", "Unexpected '|'."),
    ("{ f(a: &) }", "Unexpected '&'."),
    ("{ f(a: =) }", "Unexpected '='."),
    ("{ f(a: :) }", "Unexpected ':'."),
    ("{ f(a: $) }", "Expected Name, found ')'."),
    ("{ f(a: $ 1) }", "Expected Name, found Int '1'."),
    ('{ f(a: $"s") }', "Expected Name, found String 's'."),
    ('{ f(a: $"""s""") }', "Expected Name, found BlockString 's'."),
    ("{ f(a: 1.5e3 b: ) }", "Unexpected ')'."),
    ("{ a: }", "Expected Name, found '}'."),
    ("{ a: b: c }", "Expected Name, found ':'."),
    ("{ a @ }", "Expected Name, found '}'."),
    ("{ a @d( }", "Expected Name, found '}'."),
    ("{ a { } }", "Expected Name, found '}'."),
    ("{ ... }", "Expected '{', found '}'."),
    ("{ ... on }", "Expected Name, found '}'."),
    ("{ ... on { a } }", "Expected Name, found '{'."),
    ("{ ... on T }", "Expected '{', found '}'."),
    ("{ ... @d }", "Expected '{', found '}'."),
    ("{ ...1 }", "Expected '{', found Int '1'."),
    ("{ ...F( }", "Expected Name, found '('."),
    ('{ "desc" a }', "Expected Name, found String 'desc'."),
    ('{ a("d" b: 1) }', "Expected Name, found String 'd'."),
    ('{ ..."d" F }', "Expected '{', found String 'd'."),
    ("fragment", "Expected Name, found <EOF>."),
    ("fragment F", "Expected 'on', found <EOF>."),
    ("fragment F T { a }", "Expected 'on', found Name 'T'."),
    ("fragment F($a: Int) on T { a }", "Expected 'on', found '('."),
    ("fragment F on { a }", "Expected Name, found '{'."),
    ("fragment F on T", "Expected '{', found <EOF>."),
    ("fragment on on T { a }", "Unexpected Name 'on'."),
    ("fragment F on T @d(a: $) { a }", "Expected Name, found ')'."),
    ("schema", "Expected '{', found <EOF>."),
    ("schema {}", "Expected Name, found '}'."),
    ("schema { query Q }", "Expected ':', found Name 'Q'."),
    ("schema { query: }", "Expected Name, found '}'."),
    ("schema { Query: Q }", "Unexpected Name 'Query'."),
    ("schema { query: [Q] }", "Expected Name, found '['."),
    ("schema @d", "Expected '{', found <EOF>."),
    ("scalar", "Expected Name, found <EOF>."),
    ("scalar S @d(a: 1) implements I", "Unexpected Name 'implements'."),
    ("scalar S = T", "Unexpected '='."),
    ("type", "Expected Name, found <EOF>."),
    ("type T {}", "Expected Name, found '}'."),
    ("type T { a }", "Expected ':', found '}'."),
    ("type T { a: }", "Expected Name, found '}'."),
    ("type T { a(): Int }", "Expected Name, found ')'."),
    ("type T { a(b): Int }", "Expected ':', found ')'."),
    ("type T { a: Int = 1 }", "Expected Name, found '='."),
    ("type T { a: Int! = 1 }", "Expected Name, found '='."),
    ("type T { a: [Int }", "Expected ']', found '}'."),
    ("type T { a: Int", "Expected Name, found <EOF>."),
    ("type T = A | B", "Unexpected '='."),
    ("type T implements { a: Int }", "Expected Name, found '{'."),
    ("type T implements & & A { a: Int }", "Expected Name, found '&'."),
    ("type T implements A & { a: Int }", "Expected Name, found '{'."),
    ("type T implements A B { a: Int }", "Unexpected Name 'B'."),
    ("type T implements A, B { a: Int }", "Unexpected Name 'B'."),
    ("type T { a: Int } }", "Unexpected '}'."),
    ('type T { "desc" }', "Expected Name, found '}'."),
    (
        'type T "desc" { a: Int }',
        "Unexpected description, descriptions are not supported on shorthand queries.",
    ),
    ("interface I implements { a: Int }", "Expected Name, found '{'."),
    ("interface I {}", "Expected Name, found '}'."),
    ("union", "Expected Name, found <EOF>."),
    ("union U =", "Expected Name, found <EOF>."),
    ("union U = A |", "Expected Name, found <EOF>."),
    ("union U = | | A", "Expected Name, found '|'."),
    ("union U = A || B", "Expected Name, found '|'."),
    ("union U = { A }", "Expected Name, found '{'."),
    ("union U = A & B", "Unexpected '&'."),
    ("enum E {}", "Expected Name, found '}'."),
    ("enum E { A(b: Int) }", "Expected Name, found '('."),
    ("enum E { A: Int }", "Expected Name, found ':'."),
    ('enum E { "A" }', "Expected Name, found '}'."),
    ("enum E { 1 }", "Expected Name, found Int '1'."),
    ("input I {}", "Expected Name, found '}'."),
    ("input I { a(b: Int): Int }", "Expected ':', found '('."),
    ("input I { a }", "Expected ':', found '}'."),
    ("input I implements A { a: Int }", "Unexpected Name 'implements'."),
    ("directive", "Expected '@', found <EOF>."),
    ("directive d on FIELD", "Expected '@', found Name 'd'."),
    ("directive @ on FIELD", "Expected 'on', found Name 'FIELD'."),
    ("directive @d", "Expected 'on', found <EOF>."),
    ("directive @d FIELD", "Expected 'on', found Name 'FIELD'."),
    ("directive @d on", "Expected Name, found <EOF>."),
    ("directive @d on |", "Expected Name, found <EOF>."),
    ("directive @d on FIELD |", "Expected Name, found <EOF>."),
    ("directive @d on FIELD | | QUERY", "Expected Name, found '|'."),
    ("directive @d() on FIELD", "Expected Name, found ')'."),
    ("directive @d(a: Int = $v) on FIELD", "Unexpected variable '$v' in constant value."),
    ("directive @d repeatable repeatable on FIELD", "Expected 'on', found Name 'repeatable'."),
    ("directive @d on FIELD repeatable", "Unexpected Name 'repeatable'."),
    ("directive @d @x on FIELD", "Expected 'on', found '@'."),
    ('directive @d on "FIELD"', "Expected Name, found String 'FIELD'."),
    ("directive @d(a: Int) on FIELD & QUERY", "Unexpected '&'."),
    # --- parser: unexpected tokens, descriptions, keywords
    ("", "Unexpected <EOF>."),
    ("   \n\t, ,", "Unexpected <EOF>."),
    ("# only a comment", "Unexpected <EOF>."),
    ("\ufeff", "Unexpected <EOF>."),
    ("}", "Unexpected '}'."),
    ("{ a } }", "Unexpected '}'."),
    ("{ a } ]", "Unexpected ']'."),
    ("{ a } 1", "Unexpected Int '1'."),
    ("{ a } -1.5e3", "Unexpected Float '-1.5e3'."),
    ("{ a } $", "Unexpected '$'."),
    ("{ a } ...", "Unexpected '...'."),
    ("foo { a }", "Unexpected Name 'foo'."),
    ("Query { a }", "Unexpected Name 'Query'."),
    ("QUERY { a }", "Unexpected Name 'QUERY'."),
    ("query Q { a } b", "Unexpected Name 'b'."),
    ("on { a }", "Unexpected Name 'on'."),
    ("implements I", "Unexpected Name 'implements'."),
    ("repeatable", "Unexpected Name 'repeatable'."),
    ("true", "Unexpected Name 'true'."),
    ('{ a } "desc"', "Unexpected <EOF>."),
    ('{ a } """block"""', "Unexpected <EOF>."),
    ('{ a } "d" "e"', "Unexpected String 'e'."),
    ('{ a } "d" """e"""', "Unexpected BlockString 'e'."),
    ('"d" }', "Unexpected '}'."),
    ('"d" 1', "Unexpected Int '1'."),
    (
        '"desc" { a }',
        "Unexpected description, descriptions are not supported on shorthand queries.",
    ),
    (
        '"""desc""" { a }',
        "Unexpected description, descriptions are not supported on shorthand queries.",
    ),
    (
        '"desc" extend type T @d',
        "Unexpected description, only GraphQL definitions support descriptions.",
    ),
    ('"desc" foo', "Unexpected description, only GraphQL definitions support descriptions."),
    ('"desc" Query', "Unexpected description, only GraphQL definitions support descriptions."),
    ('"desc" "desc" query { a }', "Unexpected String 'desc'."),
    ('query Q ("d") { a }', "Expected '$', found ')'."),
    ('query Q ($a: "d" Int) { a }', "Expected Name, found String 'd'."),
    ('extend "desc" type T @d', "Unexpected String 'desc'."),
    ('extend schema "desc" { query: Q }', "Unexpected String 'desc'."),
    ('type T implements "I" { a: Int }', "Expected Name, found String 'I'."),
    ("query ($a: Int = $b) { f }", "Unexpected variable '$b' in constant value."),
    ("query ($a: [Int] = [1, $b]) { f }", "Unexpected variable '$b' in constant value."),
    ("query ($a: In = {a: {b: $c}}) { f }", "Unexpected variable '$c' in constant value."),
    ("query ($a: Int @d(x: $y)) { f }", "Unexpected variable '$y' in constant value."),
    ("query ($a: Int = $) { f }", "Unexpected '$'."),
    ("query ($a: Int = $ ) { f }", "Unexpected '$'."),
    ("query ($a: Int = $1) { f }", "Unexpected '$'."),
    ("query ($a: Int = $ b) { f }", "Unexpected variable '$b' in constant value."),
    ("query ($a: Int = $on) { f }", "Unexpected variable '$on' in constant value."),
    ("type T { f(a: Int = $x): Int }", "Unexpected variable '$x' in constant value."),
    ("type T { f: Int @d(a: $x) }", "Unexpected variable '$x' in constant value."),
    ("type T @d(a: [$x]) { f: Int }", "Unexpected variable '$x' in constant value."),
    ("schema @d(a: $x) { query: Q }", "Unexpected variable '$x' in constant value."),
    ("input I { a: Int = $v }", "Unexpected variable '$v' in constant value."),
    ("input I { a: Int @deprecated(reason: $r) }", "Unexpected variable '$r' in constant value."),
    ("enum E { A @d(a: $v) }", "Unexpected variable '$v' in constant value."),
    ("extend scalar S @d(a: $v)", "Unexpected variable '$v' in constant value."),
    ("enum E { true }", "Name 'true' is reserved and cannot be used for an enum value."),
    ("enum E { false }", "Name 'false' is reserved and cannot be used for an enum value."),
    ("enum E { A null }", "Name 'null' is reserved and cannot be used for an enum value."),
    ('enum E { "d" true }', "Name 'true' is reserved and cannot be used for an enum value."),
    ("extend enum E { true }", "Name 'true' is reserved and cannot be used for an enum value."),
    ("extend", "Unexpected <EOF>."),
    ("extend foo", "Unexpected Name 'foo'."),
    ("extend { a }", "Unexpected '{'."),
    ("extend query Q { a }", "Unexpected Name 'query'."),
    ("extend directive @d on FIELD", "Unexpected Name 'directive'."),
    ("extend directive @d @x", "Unexpected Name 'directive'."),
    ("extend schema", "Unexpected <EOF>."),
    ("extend schema {}", "Expected Name, found '}'."),
    ("extend schema type T", "Unexpected Name 'type'."),
    ("extend scalar S", "Unexpected <EOF>."),
    ("extend scalar S { a: Int }", "Unexpected '{'."),
    ("extend type T", "Unexpected <EOF>."),
    ("extend type T\ntype U { a: Int }", "Unexpected Name 'type'."),
    ("extend type T {}", "Expected Name, found '}'."),
    ("extend type T implements", "Expected Name, found <EOF>."),
    ("extend interface I", "Unexpected <EOF>."),
    ("extend interface I\n{ a }", "Expected ':', found '}'."),
    ("extend union U", "Unexpected <EOF>."),
    ("extend union U = ", "Expected Name, found <EOF>."),
    ("extend union U | A", "Unexpected '|'."),
    ("extend enum E", "Unexpected <EOF>."),
    ("extend enum E {}", "Expected Name, found '}'."),
    ("extend input I", "Unexpected <EOF>."),
    ("extend input I @d(a:)", "Unexpected ')'."),
    ("directive @d on FOO", "Unexpected Name 'FOO'."),
    ("directive @d on field", "Unexpected Name 'field'."),
    ("directive @d on FIELD | Query", "Unexpected Name 'Query'."),
    ("directive @d on FIELD | DIRECTIVE", "Unexpected Name 'DIRECTIVE'."),
    ("directive @d on FIELDS", "Unexpected Name 'FIELDS'."),
    ("directive @d on on", "Unexpected Name 'on'."),
    ("directive @d(a: Int) repeatable on ENUM_VALUE | enum", "Unexpected Name 'enum'."),
    # --- positions after multi-line constructs and non-ASCII text
    ('"""\n  multi\n  line\n""" type T { a: }', "Expected Name, found '}'."),
    ('"""\r\n  multi\r\n  line\r\n""" type T { a: }', "Expected Name, found '}'."),
    ('"""\r  multi\r  line\r""" type T { a: }', "Expected Name, found '}'."),
    ('"é😀日本" type T { a: }', "Expected Name, found '}'."),
    ('{ f(a: "😀😀😀") b: }', "Expected Name, found '}'."),
    ('{ f(a: "\\u{1F600}\\uD83D\\uDE00") b: }', "Expected Name, found '}'."),
    ('# 😀😀😀\n{ f(a: "😀") b: }', "Expected Name, found '}'."),
    ("{ a }\r\n\r\n{ b: }", "Expected Name, found '}'."),
    ("{ a }\n\r{ b: }", "Expected Name, found '}'."),
    ("{ a }\r\r\n{ b: }", "Expected Name, found '}'."),
    ("\t\t{ a ~ }", "Unexpected character: '~'."),
)

# Valid documents at the edges of the grammar and of the printer: keywords
# as names, optional tokens, ambiguities resolved one way, odd but legal
# layouts, long tokens, block strings the printer must re-indent or escape.
EDGE_SNIPPETS: tuple[str, ...] = (
    "scalar S { a: Int }",  # a scalar, then a shorthand query with an alias
    "union U { A }",
    "type T\n{ a: b }",  # the fields of T, not a query
    "directive @ d on FIELD",
    "directive @d on | FIELD | DIRECTIVE_DEFINITION",
    'directive @d(a: Int = 1, b: [String!]! = ["x"] @deprecated) repeatable on '
    + " | ".join(DIRECTIVE_LOCATIONS),
    "query query { query }",
    "mutation mutation { mutation }",
    "subscription subscription { subscription }",
    "fragment fragment on on { on }",
    "fragment query on fragment { fragment }",
    "{ ... on on { on } }",
    "{ ...onX }",
    "{ ...on_ }",
    "{ ... on T @d { a } ... @d { b } ... { c } }",
    "{ true: false, null: true, on: null, type: enum, enum: type }",
    "{ a(b: $ c) @ d(e: $ f) }",
    "query Q ($ a: Int) { a }",
    "{ f(a: -0, b: 0e0, c: 0.0e-0, d: -0.0E+0, e: 1e9999, f: -123456789012345678901234567890) }",
    "{ f(a: 1.7976931348623157e309, b: 5e-324, c: 0.1, d: 10000000000000000000000000) }",
    '{ f(a: "", b: """""", c: """ """, d: """\n""", e: "\\"\\"\\"") }',
    '{ f(a: """\\""" """, b: """a\\"""b""", c: """\\"""""") }',
    '{ f(a: "\\u{0}\\u{00}\\u{0000000}\\u{1}\\u{FFFF}\\u{fffe}") }',
    '{ f(a: "\\uD800\\uDC00\\uDBFF\\uDFFF\\uD83D\\uDE00\\uDAAA\\uDEEE") }',
    '{ f(a: "\\u00E9\\u00e9\\u00C9") }',
    '{ f(a: "line1\\nline2", b: "tab\\tand\\rcr", c: "\\b\\f\\/") }',
    '{ f(a: "\\"\\\\\\/ \\\\u0041") }',
    '{ f(a: "a\\u0000b", b: "\x00\x01\x02\x1f\x7f") }',
    "{ a }{ b }",
    "{a{b{c}}}",
    "query{a}",
    "{__typename}",
    "{ a } # trailing comment without newline",
    "{ a } #",
    "#\n{ a }",
    "\ufeff{ a }",
    "\ufeff\ufeff{\ufeffa\ufeff}\ufeff",
    "{ a }\r\n{ b }\r\n",
    "{ a }\r{ b }\r",
    "{ a }\n\r{ b }\n\r",
    "{ a }\r\r\n\n{ b }",
    ",,,{,a,,b,},,,",
    "\t{\ta\t}\t",
    "{ " + "a" * 2000 + " }",
    '{ f(a: "' + "x" * 5000 + '") }',
    '{ f(a: "' + "\\u00e9" * 500 + '") }',
    "{ f(a: " + "1" * 400 + ") }",
    "{ f(a: [" + ", ".join(str(i) for i in range(500)) + "]) }",
    "{ " + " ".join(f"a{i}: b{i}" for i in range(400)) + " }",
    '"d" query { a }',
    '"""d""" mutation M { a }',
    '"d" subscription S($a: Int) @x { a }',
    '"d" fragment F on T { a }',
    'query ("d" $a: Int = 1 @d, """e""" $b: Int) { a }',
    'query ($a: Int = 1 @d @e(f: [1, {g: "h"}])) { a }',
    "query ($a: [[Int!]!]! = [[1], []]) { a }",
    'type T { "d" a("e" b: Int = 1 @x, """f""" c: [T] = [{a: 1}]): Int @deprecated }',
    "type T implements & A & B { a: Int }",
    "type T implements A & B @d",
    "type T @d",
    "type T",
    "interface I implements J & K { a: Int }",
    "interface I implements J",
    "interface I",
    "union U",
    "union U = | A",
    "union U @d = A | B",
    "enum E",
    "enum E @d",
    "enum E { A B C }",
    "enum E { on type query TRUE False NULL_ }",
    "input I",
    'input I @d { a: Int = null b: [I!] = [] c: E = A d: I = {a: {b: [1.5, "x", true]}} }',
    "scalar S",
    'scalar S @specifiedBy(url: "https://example.com")',
    "schema { query: Query }",
    "schema @d { query: Q mutation: M subscription: S }",
    '"""d""" schema { query: Q }',
    "extend schema @d",
    "extend schema { query: Q }",
    "extend schema @d { mutation: M }",
    "extend scalar S @d",
    "extend type T implements I",
    "extend type T @d",
    "extend type T { a: Int }",
    "extend interface I implements J",
    "extend interface I @d",
    "extend union U = A",
    "extend union U @d",
    "extend union U = | A | B",
    "extend enum E @d",
    "extend enum E { A }",
    "extend input I @d",
    "extend input I { a: Int }",
    '"""\n    first line\n      indented\n    last\n"""\ntype T { a: Int }',
    '"""   first line keeps its indent\n     second\n   third"""\ntype T { a: Int }',
    '"""\n    \n  a\n    b\n  \n"""\ntype T { a: Int }',
    '"""\n\t\ttab\n\t\tindented\n"""\ntype T { a: Int }',
    '""" leading space""" type T { a: Int }',
    '"""trailing space """ type T { a: Int }',
    '"""ends with a quote" """ type T { a: Int }',
    '"""ends with an escaped quote\\""" """ type T { a: Int }',
    '"""\\"""starts with triple quote""" type T { a: Int }',
    '"""has \\""" inside and "" and " too""" type T { a: Int }',
    '"""back\\slash \\ """ type T { a: Int }',
    '"""   """ type T { a: Int }',
    '"""\n\n\n""" type T { a: Int }',
    '"""é日本😀\n  \u2028 sep""" type T { a: Int }',
    '"a \\"\\"\\" b" type T { a: Int }',
    '"line1\\nline2" type T { a: Int }',
    '"  leading spaces\\n  and more" type T { a: Int }',
    '"ends with backslash \\\\" type T { a: Int }',
    '"ends with quote \\"" type T { a: Int }',
    '"tab\\tinside" type T { a: Int }',
    '"\\r\\n crlf" type T { a: Int }',
    '"\\u0000 nul" type T { a: Int }',
    '"" type T { a: Int }',
    '{ f(a: """\n  block\n    value\n""") }',
    '{ f(a: """"quoted" at start""") }',
    '{ f(a: """a\r\nb\rc\nd""") }',
    '{ f(a: """\\\\ """, b: """\\\\n""") }',
    "query Q($a: Int) @a @b @c { a @skip(if: true) @include(if: false) }",
    "{ a(b: {}, c: [], d: [[]], e: {f: {}}) }",
    "{ a(b: {c: 1, c: 2}) }",
    "{ a(b: 1, b: 2) }",
    "{ alias: field, other: field(arg: 1) { alias2: inner } }",
    "query Q1 { a } query Q2 { b } mutation M { c } subscription S { d } fragment F on T { e }",
    "type Query { a: Int }\n{ a }\nquery { a }",
    # graphql-core prints these anonymous queries as shorthand `{ a }`, which
    # then parses back as part of the definition before it.
    "type T\nquery { a }",
    "type T\nquery { a { b } }",
    "interface I\nquery { a }",
    "enum E\nquery { a }",
    "input I\nquery { a: b }",
    "extend schema @d\nquery { query: a }",
    "extend schema @d\nquery { a }",
    "extend type T @d\nquery { a }",
)

# Sources only a Python str can hold: lone UTF-16 surrogates, or a surrogate
# pair as two code points. graphql-core sees the pair as one character but
# counts two positions.
SURROGATE_SNIPPETS: tuple[tuple[str, str | None], ...] = (
    ("{ a \ud800 }", "Invalid character: U+D800."),
    ("{ a \udfff }", "Invalid character: U+DFFF."),
    ("\udc00", "Invalid character: U+DC00."),
    ('{ f(a: "\ud800") }', "Invalid character within String: U+D800."),
    ('{ f(a: "x\udbff") }', "Invalid character within String: U+DBFF."),
    ('{ f(a: """\n  \udc00""") }', "Invalid character within String: U+DC00."),
    ("# comment \ud800\n{ a }", "Invalid character: U+D800."),
    ("{ a \ud83d\ude00 }", "Unexpected character: U+1F600."),
    ('{ f(a: "\ud83d\ude00") } ~', "Unexpected character: '~'."),
    ('{ f(a: """\ud83d\ude00""") }', None),
    ("# \ud83d\ude00\n{ a }", None),
    ('{ f(a: "\ud83d\ude00") }', None),
)


# === The corpus ============================================================


def generate(seed: int = DEFAULT_SEED) -> list[Document]:
    """The whole corpus, in a fixed order."""
    rng = random.Random(seed)
    docs: list[Document] = []
    bases: list[tuple[list[str], Layout]] = []

    def add_valid(group: str, count: int, build: Callable[[Generator, str], list[str]]) -> None:
        for i in range(count):
            size = rng.choice([0.3, 0.5, 0.8, 1.0, 1.0, 1.5, 2.5])
            gen = Generator(rng, size)
            layout = Layout(rng)
            tokens = build(gen, layout.newline())
            docs.append(
                Document(
                    f"{group}-{i:04d}",
                    group,
                    layout.join(tokens),
                    f"size {size}, {layout.style}, newline {layout.newline_mode!r}",
                )
            )
            if len(tokens) < 400:
                bases.append((tokens, layout))

    add_valid("exec", 1000, lambda g, nl: g.executable_document(nl))
    add_valid("sdl", 500, lambda g, nl: g.sdl_document(nl))
    add_valid("mixed", 120, lambda g, nl: g.mixed_document(nl))

    for i, (note, source) in enumerate(nesting_documents()):
        docs.append(Document(f"nesting-{i:04d}", "nesting", source, note))

    for i in range(1250):
        tokens, layout = rng.choice(bases)
        note, source = mutate(rng, tokens, layout)
        if rng.random() < 0.2:
            # A second mutation on top, on the text.
            extra = Layout(rng)
            note2, source = mutate(rng, [source], extra)
            note += f", then {note2}"
        docs.append(Document(f"mutant-{i:04d}", "mutant", source, note))

    for i, (source, message) in enumerate(SNIPPETS):
        docs.append(Document(f"snippet-{i:04d}", "snippet", source, expected=message))
    for i, source in enumerate(EDGE_SNIPPETS):
        docs.append(Document(f"edge-{i:04d}", "edge", source))
    for i, (source, maybe_message) in enumerate(SURROGATE_SNIPPETS):
        docs.append(Document(f"surrogate-{i:04d}", "surrogate", source, expected=maybe_message))
    return docs


# === Checking against graphql-core =========================================


def _reference_outcome(source: str) -> tuple[bool, str]:
    from graphql import GraphQLError, parse

    try:
        parse(source)
    except GraphQLError as error:
        return False, error.message
    return True, ""


def check(docs: list[Document]) -> int:
    """Check the corpus against graphql-core: valid documents are accepted,
    snippets give their message, and there are enough rejects. Prints
    statistics; returns the number of problems."""
    from collections import Counter

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    problems = 0
    per_group: Counter[tuple[str, bool]] = Counter()
    messages: Counter[str] = Counter()
    for doc in docs:
        accepted, message = _reference_outcome(doc.source)
        per_group[doc.group, accepted] += 1
        if not accepted:
            messages[_message_shape(message)] += 1
        if doc.group in ("exec", "sdl", "mixed", "edge") and not accepted:
            problems += 1
            print(f"valid document rejected: {doc.id}: {message}\n{doc.source!r}\n")
        if doc.expected is not None and message != f"Syntax Error: {doc.expected}":
            problems += 1
            print(f"{doc.id}: expected {doc.expected!r}, got {message!r}: {doc.source!r}")
    total = len(docs)
    rejected = sum(n for (_, ok), n in per_group.items() if not ok)
    print(f"{total} documents, {rejected} rejected by graphql-core ({rejected / total:.1%})")
    for group in dict.fromkeys(d.group for d in docs):
        print(
            f"  {group:10} accepted {per_group[group, True]:5}  rejected "
            f"{per_group[group, False]:5}"
        )
    print(f"{len(messages)} distinct error message shapes:")
    for shape, n in sorted(messages.items()):
        print(f"  {n:5}  {shape}")
    size = sum(len(d.source) for d in docs)
    print(f"{size} code points in all, {size / total:.0f} per document")
    return problems


def _message_shape(message: str) -> str:
    """The message with the token, character or escape it quotes left out,
    to count the kinds of messages the corpus reaches."""
    message = message.removeprefix("Syntax Error: ")
    for prefix in ("Invalid Unicode escape sequence: ", "Invalid character escape sequence: "):
        if message.startswith(prefix):
            return prefix + "…"
    shape = re.sub(r"U\+[0-9A-F]{4,6}", "U+…", message)
    shape = re.sub(r"'\$\w+'", "'$…'", shape)
    shape = re.sub(
        r"(Name|String|BlockString|Int|Float) '.*?'(?=\.$| is)", r"\1 …", shape, flags=re.S
    )
    return re.sub(r"'[^']'(?!\))", "'…'", shape)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--check", action="store_true", help="check against graphql-core")
    parser.add_argument("--dump", type=Path, help="write each document to DIR/<id>.graphql")
    args = parser.parse_args(argv)
    docs = generate(args.seed)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            path = args.dump / f"{doc.id}.graphql"
            path.write_bytes(doc.source.encode("utf-8", "surrogatepass"))
    if args.check:
        return 1 if check(docs) else 0
    print(f"{len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
