"""Differential tests of graftql's Schema.validate against graphql-core 3.2.14.

For every (schema, document) of the generated corpus (gen_operations.py:
about 6,100 documents against 17 schemas, 70% of them invalid, every rule of
graphql-core's specified_rules broken in 150 documents or more, and 180
hand-written edge cases), graftql's
``Schema(sdl).validate(document)`` must give exactly graphql-core's
``validate(build_schema(sdl), parse(document))``: the same ``.formatted``
errors (message and locations), in the same order.

The reference is graphql-core 3.2.14's specified_rules plus the two rules
the September 2025 specification adds, written as graphql-core rules in
tests/c/gen/sept2025_rules.py (see gen_operations.reference_rules): the
operation's root type must exist (KnownOperationTypesRule) and no
@skip/@include at the top level of a subscription (in front of
SingleFieldSubscriptionsRule). Their messages deliberately differ from
graphql-core 3.3 / graphql-js 17 (graphql-core 3.2's quotes); that is the
only difference allowed, and only through that rule list: every comparison
is exact.

Besides the default call, every other invalid document is also validated
with a small ``max_errors`` (0, 1, 2, 3, or just below or at its number of
errors) against graphql-core's ``max_errors``, and every document whose
errors make suggestions with ``suggestions=False`` (now and then with a
small ``max_errors`` too) against graphql-core's ``hide_suggestions=True``.
Every fifth document goes in as a ``graftql.Document`` rather than as text.

A failing chunk names every failing document, with the schema, the source
and the first difference, and shrinks the first few (document, then schema,
each by deleting AST list items while the same kind of difference remains)
to a minimal reproducer printed as SDL + query.

Generating the corpus takes about 10 s and graphql-core about 35 s for all
of it; the corpus and graphql-core's results are cached under the system's
temporary directory, keyed by a hash of the generators, this file, the
September 2025 rules, graphql-core's version and Python's
(GRAFTQL_CORPUS_CACHE=0 turns the cache off), so that a second run takes
only graftql's time (a few seconds).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import graphql
import pytest
from gen_operations import (
    MUTATORS,
    SCHEMAS,
    Case,
    generate,
    reference_rules,
    reference_schema,
    reference_validate,
)
from graphql import GraphQLError, Node, build_schema, parse, print_ast, validate_schema
from recursion import recursion_limit

try:
    import graftql
except ImportError as exc:  # fail every test below, loudly, rather than skip
    graftql = None
    GRAFTQL_IMPORT_ERROR: ImportError | None = exc
else:
    GRAFTQL_IMPORT_ERROR = None

HERE = Path(__file__).resolve().parent
CHUNK_SIZE = 50
REDUCE_FIRST = 3  # failures per chunk to shrink
REDUCE_SECONDS = 8.0  # time allowed to shrink each
DOCUMENT_EVERY = 5  # every fifth document is passed as a graftql.Document

DEEP_RECURSION = 10_000  # the recursion limit of graphql-core's references and of the tests


def _graftql() -> Any:
    if graftql is None:
        pytest.fail(
            f"graftql is not importable: {GRAFTQL_IMPORT_ERROR!r}. Build and install "
            "it (pip install --no-build-isolation -e .) before running these tests."
        )
    if not callable(getattr(graftql.Schema, "validate", None)):
        pytest.fail("graftql.Schema.validate is missing: the validation API has not landed")
    return graftql


# === Variants ===============================================================


@dataclass(frozen=True)
class Variant:
    """How one document is validated: graftql's options (graphql-core's
    max_errors and hide_suggestions = not suggestions)."""

    max_errors: int | None = None  # None: the default (100 on both sides)
    suggestions: bool = True
    as_document: bool = False

    @property
    def label(self) -> str:
        parts = []
        if self.max_errors is not None:
            parts.append(f"max_errors={self.max_errors}")
        if not self.suggestions:
            parts.append("suggestions=False")
        if self.as_document:
            parts.append("Document")
        return ", ".join(parts) or "default"


DEFAULT = Variant()


def variants_for(index: int, case: Case, default: tuple[Any, ...]) -> list[Variant]:
    """The default call; for every other invalid document, one with a small
    max_errors; where graphql-core makes suggestions, one without them
    (picked by index)."""
    first = Variant(as_document=index % DOCUMENT_EVERY == 0)
    out = [first]
    if not default:
        return out
    count = len(default)
    if index % 2 == 0:
        small = (0, 1, 2, 3, max(0, count - 1), count)[index // 2 % 6]
        out.append(Variant(max_errors=small))
    if any("Did you mean" in e["message"] for e in default):
        out.append(
            Variant(suggestions=False)
            if index % 2
            else Variant(max_errors=(0, 1, 2, count)[index // 2 % 4], suggestions=False)
        )
    return out


# === The reference, cached ==================================================


def _cache_key() -> str:
    digest = hashlib.sha256()
    for path in (
        Path(__file__),  # variants_for
        HERE / "gen_operations.py",
        HERE / "gen_schemas.py",
        HERE.parent / "c" / "gen" / "sept2025_rules.py",
    ):
        digest.update(path.read_bytes())
    digest.update(graphql.__version__.encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:20]


def _cache_path() -> Path | None:
    if os.environ.get("GRAFTQL_CORPUS_CACHE", "1") == "0":
        return None
    return Path(tempfile.gettempdir()) / "graftql-conformance" / f"validate-{_cache_key()}.json"


def _reference_entry(case: Case, variant: Variant) -> dict[str, Any]:
    ref = reference_validate(
        reference_schema(case.schema),
        case.source,
        max_errors=variant.max_errors,
        hide_suggestions=not variant.suggestions,
    )
    return {"formatted": list(ref.formatted), "rules": list(ref.rules)}


def _variant_key(variant: Variant) -> str:
    return f"{variant.max_errors}/{variant.suggestions}"


def _build() -> tuple[list[Case], dict[str, dict[str, dict[str, Any]]]]:
    """The corpus, and graphql-core's results for each case and variant."""
    cases = generate()
    references: dict[str, dict[str, dict[str, Any]]] = {}
    for index, case in enumerate(cases):
        entries = references[case.id] = {}
        default = _reference_entry(case, DEFAULT)
        entries[_variant_key(DEFAULT)] = default
        for variant in variants_for(index, case, tuple(default["formatted"]))[1:]:
            entries[_variant_key(variant)] = _reference_entry(case, variant)
    return cases, references


def _load() -> tuple[list[Case], dict[str, dict[str, dict[str, Any]]]]:
    path = _cache_path()
    if path is not None and path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [Case(**{**c, "rules": tuple(c["rules"])}) for c in data["cases"]], data[
                "references"
            ]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # rebuilt below
    cases, references = _build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(
                json.dumps(
                    {"cases": [asdict(c) for c in cases], "references": references},
                    ensure_ascii=False,
                ),
                encoding="utf-8",
            )
            tmp.replace(path)
            for stale in path.parent.glob("validate-*.json"):
                if stale != path:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass
    return cases, references


with recursion_limit(DEEP_RECURSION):
    CORPUS, REFERENCES = _load()


@pytest.fixture(autouse=True, scope="module")
def _deep_recursion() -> Iterator[None]:
    with recursion_limit(DEEP_RECURSION):
        yield


# === One document, both validators =========================================


@dataclass(frozen=True)
class Mismatch:
    """How graftql differs from graphql-core on one document. `kind` is what
    the reducer keeps constant while it shrinks the reproducer: the sort of
    difference and the shape of the first differing message."""

    kind: str
    detail: str


@lru_cache(maxsize=64)
def _graftql_schema(sdl: str) -> Any:
    return _graftql().Schema(sdl)


def _shape(message: str) -> str:
    """A message with the names in it left out: what the reducer keeps."""
    return re.sub(r"'[^']*'|\"[^\"]*\"|\$\w+|@\w+", "_", message)[:80]


def _summary(errors: list[Any], limit: int = 12) -> str:
    lines = []
    for e in errors[:limit]:
        locations = [(loc["line"], loc["column"]) for loc in e.get("locations", ())]
        lines.append(f"    {e['message']!r} at {locations}")
    if len(errors) > limit:
        lines.append(f"    ... and {len(errors) - limit} more")
    return "\n".join(lines) or "    (no errors)"


def diff(expected: list[Any], got: list[Any]) -> Mismatch | None:
    """The first difference between two lists of formatted errors."""
    if got == expected:
        return None
    both = f"graphql-core:\n{_summary(expected)}\ngraftql:\n{_summary(got)}"
    key = json.dumps
    if sorted(map(key, got)) == sorted(map(key, expected)):
        first = next(i for i, (a, b) in enumerate(zip(expected, got, strict=True)) if a != b)
        return Mismatch(f"order:{_shape(expected[first]['message'])}", both)
    for i, (a, b) in enumerate(zip(expected, got, strict=False)):
        if a == b:
            continue
        if a["message"] != b["message"]:
            return Mismatch(f"message:{_shape(a['message'])}", f"first at #{i}\n{both}")
        if a.get("locations") != b.get("locations"):
            return Mismatch(f"locations:{_shape(a['message'])}", f"first at #{i}\n{both}")
        return Mismatch(f"formatted:{_shape(a['message'])}", f"#{i}: {a!r} != {b!r}\n{both}")
    if len(got) > len(expected):
        return Mismatch(f"extra:{_shape(got[len(expected)]['message'])}", both)
    return Mismatch(f"missing:{_shape(expected[len(got)]['message'])}", both)


def graftql_errors(sdl: str, source: str, variant: Variant) -> list[Any]:
    gq = _graftql()
    schema = _graftql_schema(sdl)
    document = gq.parse(source) if variant.as_document else source
    kwargs: dict[str, Any] = {}
    if variant.max_errors is not None:
        kwargs["max_errors"] = variant.max_errors
    if not variant.suggestions:
        kwargs["suggestions"] = False
    return [e.formatted for e in schema.validate(document, **kwargs)]


def compare(sdl: str, source: str, variant: Variant, expected: list[Any]) -> Mismatch | None:
    try:
        got = graftql_errors(sdl, source, variant)
    except Exception as exc:
        return Mismatch(
            f"crash:{type(exc).__name__}", f"graftql raised {type(exc).__name__}: {exc}"
        )
    return diff(expected, got)


def _expected(sdl: str, source: str, variant: Variant = DEFAULT) -> list[Any]:
    ref = reference_validate(
        _reference_schema_for(sdl),
        source,
        max_errors=variant.max_errors,
        hide_suggestions=not variant.suggestions,
    )
    return list(ref.formatted)


def compare_fresh(sdl: str, source: str, variant: Variant) -> Mismatch | None:
    """compare() against graphql-core run now (for the reducer)."""
    return compare(sdl, source, variant, _expected(sdl, source, variant))


@lru_cache(maxsize=64)
def _reference_schema_for(sdl: str) -> Any:
    for name, text in SCHEMAS.items():
        if text == sdl:
            return reference_schema(name)
    return build_schema(sdl)


# === Shrinking a reproducer ================================================


def _list_slots(root: Node) -> Iterator[tuple[Any, str, int]]:
    """(owner, attribute, index) of every node held in a tuple, outermost
    first (deleting a whole definition before its parts)."""
    todo: list[Node] = [root]
    while todo:
        node = todo.pop(0)
        for attr in node.keys:
            if attr == "loc":
                continue
            value = getattr(node, attr, None)
            if isinstance(value, tuple):
                for i, item in enumerate(value):
                    if isinstance(item, Node):
                        yield node, attr, i
                        todo.append(item)
            elif isinstance(value, Node):
                todo.append(value)


def _without(root: Node, k: int) -> Node | None:
    """A copy of root without the k-th list item of _list_slots."""
    twin = copy.deepcopy(root)
    for j, (owner, attr, i) in enumerate(_list_slots(twin)):
        if j == k:
            items = list(getattr(owner, attr))
            del items[i]
            setattr(owner, attr, tuple(items))
            return twin
    return None


def _shrink_ast(text: str, still_fails: Callable[[str], bool], deadline: float) -> str:
    """Delete AST list items (definitions, selections, arguments, fields,
    values, ...) while still_fails holds for the printed result: runs of
    top-level definitions first (halves, quarters, ...), then one item at a
    time, outermost first."""
    try:
        root: Any = parse(text, no_location=True)
    except GraphQLError:
        return text

    def holds(candidate: Any) -> bool:
        printed = print_ast(candidate)
        if not printed.strip():
            return False
        try:
            return still_fails(printed)
        except Exception:
            return False

    size = len(root.definitions) // 2
    while size >= 1 and time.monotonic() < deadline:
        start = 0
        while start < len(root.definitions) and time.monotonic() < deadline:
            candidate = copy.deepcopy(root)
            definitions = list(candidate.definitions)
            del definitions[start : start + size]
            candidate.definitions = tuple(definitions)
            if holds(candidate):
                root = candidate
            else:
                start += size
        size //= 2
    k = 0
    while time.monotonic() < deadline:
        candidate = _without(root, k)
        if candidate is None:
            break
        if holds(candidate):
            root = candidate
        else:
            k += 1
    return print_ast(root)


def _schema_ok(sdl: str) -> bool:
    try:
        schema = _reference_schema_for(sdl)
    except Exception:
        return False
    return not validate_schema(schema)


_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")


def _prune_schema(sdl: str, source: str) -> str:
    """A first cut of the schema for a document: the fields, arguments and
    enum values whose names the document never mentions left out (required
    ones kept), then every type and directive that nothing mentions any
    more, repeatedly. The caller checks that the result still reproduces."""
    names = set(_NAME.findall(source))
    root: Any = parse(sdl, no_location=True)

    def required(value: Any) -> bool:
        return value.type.kind == "non_null_type" and value.default_value is None

    # Interfaces the document names stay implemented, with their fields.
    interface_fields: dict[str, set[str]] = {}
    for definition in root.definitions:
        if definition.kind == "interface_type_definition" and definition.name.value in names:
            interface_fields[definition.name.value] = {
                f.name.value for f in definition.fields or () if f.name.value in names
            }
    for definition in root.definitions:
        if hasattr(definition, "arguments") and definition.arguments:
            definition.arguments = tuple(
                a for a in definition.arguments if a.name.value in names or required(a)
            )
        if definition.kind in ("object_type_definition", "interface_type_definition"):
            definition.interfaces = tuple(
                i for i in definition.interfaces or () if i.name.value in interface_fields
            )
            wanted = set(names)
            for i in definition.interfaces:
                wanted |= interface_fields[i.name.value]
            kept = [f for f in definition.fields or () if f.name.value in wanted]
            for f in kept:
                f.arguments = tuple(
                    a for a in f.arguments or () if a.name.value in names or required(a)
                )
            definition.fields = tuple(kept or list(definition.fields or ())[:1])
        elif definition.kind == "input_object_type_definition":
            kept = [f for f in definition.fields or () if f.name.value in names or required(f)]
            definition.fields = tuple(kept or list(definition.fields or ())[:1])
        elif definition.kind == "enum_type_definition":
            kept = [v for v in definition.values or () if v.name.value in names]
            definition.values = tuple(kept or list(definition.values or ())[:1])
    roots = {"Query", "Mutation", "Subscription"}
    for definition in root.definitions:
        if definition.kind == "schema_definition":
            roots |= {op.type.name.value for op in definition.operation_types}
    while True:
        texts = [print_ast(d) for d in root.definitions]
        keep = []
        for i, definition in enumerate(root.definitions):
            name = getattr(getattr(definition, "name", None), "value", None)
            if name is not None and name not in roots and name not in names:
                others = set(_NAME.findall(" ".join(texts[:i] + texts[i + 1 :])))
                if name not in others:
                    continue
            keep.append(definition)
        if len(keep) == len(root.definitions):
            return print_ast(root)
        root.definitions = tuple(keep)


def reduce(
    sdl: str, source: str, variant: Variant, kind: str, seconds: float = REDUCE_SECONDS
) -> tuple[str, str]:
    """A smaller (schema, document) on which compare_fresh still reports a
    mismatch of the same kind: the document first, then the schema (pruned
    to what the document mentions, then item by item, keeping graphql-core's
    errors as they are so that no new error comes in), then the document
    again."""
    deadline = time.monotonic() + seconds

    def fails(s: str, q: str) -> bool:
        try:
            parse(q)
        except GraphQLError:
            return False
        mismatch = compare_fresh(s, q, variant)
        return mismatch is not None and mismatch.kind == kind

    source = _shrink_ast(source, lambda q: fails(sdl, q), deadline)
    expected = _expected(sdl, source)

    def same_reference(s: str) -> bool:
        return _schema_ok(s) and _expected(s, source) == expected and fails(s, source)

    pruned = _prune_schema(sdl, source)
    if same_reference(pruned):
        sdl = pruned
    sdl = _shrink_ast(sdl, same_reference, deadline)
    source = _shrink_ast(source, lambda q: fails(sdl, q), deadline)
    return sdl, source


def _show(text: str, limit: int = 2500) -> str:
    return text if len(text) <= limit else f"{text[: limit // 2]}\n...\n{text[-limit // 2 :]}"


def _report(failures: list[tuple[Case, Variant, Mismatch]]) -> str:
    out = [
        f"{len(failures)} validation(s) differ: "
        + ", ".join(f"{case.id} [{variant.label}] ({m.kind})" for case, variant, m in failures)
    ]
    for i, (case, variant, mismatch) in enumerate(failures):
        out.append(
            f"\n=== {case.id} [{case.group}] schema {case.schema}, {variant.label}: {case.note}"
        )
        out.append(f"--- {mismatch.kind}\n{mismatch.detail}")
        sdl = SCHEMAS[case.schema]
        if i < REDUCE_FIRST:
            small_sdl, small_source = reduce(sdl, case.source, variant, mismatch.kind)
            again = compare_fresh(small_sdl, small_source, variant)
            out.append(f"--- reduced schema:\n{small_sdl}\n--- reduced document:\n{small_source}")
            if again is not None:
                out.append(again.detail)
        else:
            out.append(f"--- document:\n{_show(case.source)}")
    return "\n".join(out)


# === The corpus ============================================================

INDEX = {case.id: i for i, case in enumerate(CORPUS)}
CHUNKS = [CORPUS[i : i + CHUNK_SIZE] for i in range(0, len(CORPUS), CHUNK_SIZE)]


def run_case(case: Case) -> list[tuple[Case, Variant, Mismatch]]:
    entries = REFERENCES[case.id]
    default = tuple(entries[_variant_key(DEFAULT)]["formatted"])
    failures = []
    for variant in variants_for(INDEX[case.id], case, default):
        expected = entries[_variant_key(variant)]["formatted"]
        mismatch = compare(SCHEMAS[case.schema], case.source, variant, expected)
        if mismatch is not None:
            failures.append((case, variant, mismatch))
    return failures


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"{c[0].id}..{c[-1].id}" for c in CHUNKS])
def test_corpus(chunk: list[Case]) -> None:
    _graftql()
    failures = [f for case in chunk for f in run_case(case)]
    if failures:
        pytest.fail(_report(failures), pytrace=False)


def test_corpus_shape() -> None:
    """The corpus keeps its size and its mix: valid documents valid for
    graphql-core, every invalid one invalid, each rule broken in 100
    documents or more, and the variants exercised (a generator change that
    breaks this weakens every test above)."""
    assert len(CORPUS) >= 5000
    broken: Counter[str] = Counter()
    problems = []
    variants: Counter[str] = Counter()
    for case in CORPUS:
        entries = REFERENCES[case.id]
        default = entries[_variant_key(DEFAULT)]
        if case.group != "edge" and case.valid == bool(default["formatted"]):
            problems.append(f"{case.id} [{case.group}]: {default['formatted'][:2]}")
        for rule in set(default["rules"]):
            broken[rule] += 1
        for variant in variants_for(INDEX[case.id], case, tuple(default["formatted"]))[1:]:
            variants[variant.label] += 1
    assert not problems, "\n".join(problems[:20])
    invalid = sum(not c.valid for c in CORPUS)
    assert invalid / len(CORPUS) >= 0.5
    rules = {mutator.rule for mutator in MUTATORS}
    assert {r for r in rules if broken[r] < 100} == set(), broken
    assert broken["abort"] >= 5  # past max_errors
    assert sum(n for label, n in variants.items() if "suggestions=False" in label) >= 500, variants
    assert sum(n for label, n in variants.items() if "max_errors=0" in label) >= 300, variants
    assert sum(n for label, n in variants.items() if label.startswith("max_errors")) >= 2000


def test_str_like_graphql_core() -> None:
    """str(error) shows the source around each location as graphql-core's does."""
    _graftql()
    checked = 0
    for case in CORPUS[::23]:
        if case.valid:
            continue
        schema = reference_schema(case.schema)
        expected = [str(e) for e in reference_validate(schema, case.source).errors]
        got = [str(e) for e in _graftql_schema(SCHEMAS[case.schema]).validate(case.source)]
        assert got == expected, f"{case.id}: {case.source!r}"
        checked += 1
    assert checked >= 100


def test_document_and_text_agree() -> None:
    """A graftql.Document validates as its text does (parsed once, validated
    twice: the document is not changed by validation)."""
    gq = _graftql()
    for case in CORPUS[1::97]:
        schema = _graftql_schema(SCHEMAS[case.schema])
        document = gq.parse(case.source)
        first = [e.formatted for e in schema.validate(document)]
        assert [e.formatted for e in schema.validate(document)] == first, case.id
        assert [e.formatted for e in schema.validate(case.source)] == first, case.id


# === Custom rules ==========================================================


def _spy_rule(base: Any, error: Any, skip: Any, stop: Any) -> Any:
    """The same custom rule for graftql (base: graftql.ValidationRule) and
    graphql-core (ASTValidationRule): it reports with one node and with
    several, reads the walk's type information, uses the key and path it is
    given, skips the children of some nodes and stops after 40 reports."""

    class Spy(base):  # type: ignore[misc]
        reports = 0

        def report(self, message: str, nodes: Any) -> Any:
            self.reports += 1
            self.report_error(error(message, nodes))
            return stop if self.reports >= 40 else None

        def enter_fragment_spread(self, node: Any, key: Any, *_args: Any) -> Any:
            parent = getattr(self.context.get_parent_type(), "name", None)
            return self.report(f"spread {node.name.value} at {key} in {parent}", node)

        def enter_inline_fragment(self, node: Any, *_args: Any) -> Any:
            if node.type_condition is None:
                return skip  # its fields are not seen below
            return None

        def enter_field(self, node: Any, _key: Any, _parent: Any, path: Any, *_args: Any) -> Any:
            if node.name.value in ("id", "name", "__typename", "x"):
                return self.report(
                    f"field {node.name.value}: {self.context.get_type()} at depth {len(path)}",
                    node,
                )
            return None

        def enter_argument(self, node: Any, *_args: Any) -> Any:
            if str(self.context.get_input_type()).endswith("!"):
                return self.report(f"argument {node.name.value}", [node, node.value])
            return None

        def leave_operation_definition(self, node: Any, *_args: Any) -> Any:
            name = node.name.value if node.name else "(anonymous)"
            return self.report(f"operation {name}", [node, *node.variable_definitions])

    return Spy


def test_custom_rules_interleave_like_graphql_core() -> None:
    """A Python rule passed as rules=[...] runs after the specified rules in
    the same walk: its errors interleave with the built-in ones, and it sees
    keys, paths, SKIP, BREAK and type information as a graphql-core rule
    given to validate(schema, document, [*specified_rules, rule]) does."""
    from graphql import BREAK, SKIP
    from graphql import validate as ref_validate
    from graphql.validation import ASTValidationRule

    gq = _graftql()
    ours = _spy_rule(
        gq.ValidationRule, gq.GraphQLError, gq.ValidationRule.SKIP, gq.ValidationRule.BREAK
    )
    theirs = _spy_rule(ASTValidationRule, GraphQLError, SKIP, BREAK)
    checked = 0
    for case in CORPUS[3::31]:
        expected = [
            e.formatted
            for e in ref_validate(
                reference_schema(case.schema), parse(case.source), [*reference_rules(), theirs]
            )
        ]
        got = [
            e.formatted
            for e in _graftql_schema(SCHEMAS[case.schema]).validate(case.source, rules=[ours])
        ]
        mismatch = diff(expected, got)
        assert mismatch is None, f"{case.id}: {mismatch.kind}\n{mismatch.detail}\n{case.source}"
        checked += 1
    assert checked >= 150
