"""Differential tests of graftql's Schema.execute against graphql-core 3.2.14.

For every case of the generated corpus (gen_exec_cases.py: GRAFTQL_EXEC_CASES
cases, 5,000 by default, over 48 schemas; a schema, a valid operation,
variables, an operation name and plain JSON-like root data, with faults in
the data and the variables at a controlled rate), with no resolvers on
either side (graphql-core's default resolver reads ``parent[name]``;
abstract types resolve through the data's ``"__typename"`` key)::

    result = graftql.Schema(sdl).execute(
        query, variables=variables, operation_name=operation_name, root_value=data
    )
    result.to_dict() == graphql_sync(build_schema(sdl), query, root_value=data,
                                     variable_values=variables,
                                     operation_name=operation_name).formatted
    result.to_json() == json.dumps(formatted, separators=(",", ":"),
                                   ensure_ascii=False).encode()

compared exactly: key order, error order, messages, locations and paths.

What graphql-core 3.2.14 does, which graftql has to do the same way
(checked against its source and by test_graphql_core_behaviours below):

- ``ExecutionResult.formatted`` always has a "data" key. A request error
  (variables that cannot be coerced, a missing or unknown operation name:
  execution never begins) gives ``{"data": None, "errors": [...]}``, exactly
  as a null propagated to the root does (``{"data": None, "errors": [...]}``,
  whose errors have a "path"). There is no "data"-less form: the
  specification's "data is not present" for request errors is not what
  graphql-core does, and this test holds graftql to graphql-core. (DESIGN.md
  section 5 says '"data" absent on request errors': that and graphql-core
  cannot both hold. REQUEST_ERRORS_WITHOUT_DATA below switches the
  expectation to the specification's form, for request errors only, if that
  is the decision.) "errors" is absent when there are none; an error has
  "message", then "locations" (absent when it has none: the operation name
  errors), then "path" (field errors only).
- Field errors are not in execution order: ``build_response`` sorts them by
  ``(locations, path, message)`` (lists of (line, column) and of path keys
  compared as Python compares them). Request errors are not sorted: they
  come in variable definition order, and inside one variable in
  ``coerce_input_value``'s order (an input object's fields in definition
  order, then its unknown fields).
- Execution is depth-first; an error in a non-null position propagates to
  the nearest nullable field or list item, and the fields and list items
  after it at the levels it propagates through are never executed, so their
  errors are never reported.
- A non-null ``if`` of @skip/@include given a null variable (a nullable
  variable with a non-null default, given null) is an error of the field
  whose sub-selection holds the directive (with its path) or, at the root,
  an error without a path and ``"data": None``, after execution began (not
  a request error).
- Leaf serialization is Python's: Int accepts integral floats, bools (as 1
  and 0) and numeric strings (through ``int()``: ``" 12 "`` and ``"1_000"``
  too), Float accepts numeric strings (``float()``) and bools (as the ints
  1 and 0), String accepts numbers and bools (``str()``, "true"/"false"),
  Boolean accepts numbers; messages show values as graphql-core's
  ``inspect()`` does (Python ``repr``, long strings and lists cut).

The corpus and graphql-core's results are cached under the system's
temporary directory, keyed by a hash of gen_exec_cases.py, the case count,
graphql-core's version and Python's (GRAFTQL_CORPUS_CACHE=0 turns the
cache off). The first run generates the corpus (about 20 s for 5,000 cases,
validating every operation with graphql-core) and runs graphql-core on it
(about 15 to 25 s); later runs load it in a second.

Until graftql has ``Schema.execute`` the differential tests are skipped; the
generator's checks (every operation valid for graphql-core, every value
JSON, cases reproducible by index, the corpus exercising what it claims)
run regardless, with graphql-core alone: graftql is imported only by the
differential tests.

A failure names the case index (``python tests/conformance/gen_exec_cases.py
--show INDEX`` prints it with graphql-core's result), and shows the SDL, the
query, the variables, the data and the first difference.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import graphql
import pytest
from diffing import first_difference
from gen_exec_cases import (
    DEFAULT_COUNT,
    DEFAULT_SEED,
    FAULT_KINDS,
    json_safe,
    outcome,
    reference,
    reference_schema,
    reference_sync,
)
from gen_exec_cases import generate as generate_cases
from gen_exec_cases import generate_case as make_case

HERE = Path(__file__).resolve().parent
COUNT = int(os.environ.get("GRAFTQL_EXEC_CASES", DEFAULT_COUNT))
SEED = DEFAULT_SEED
CHUNK_SIZE = 100
DETAILED = 3  # failures per chunk shown in full
SUMMARY_MINIMUM = 1000  # the corpus summary needs this many cases

# See the module's docstring: graphql-core gives "data": None on request
# errors; True expects no "data" key there instead (and only there).
REQUEST_ERRORS_WITHOUT_DATA = True


def _graftql() -> Any:
    """graftql, for the differential tests only (importing it builds it)."""
    try:
        import graftql
    except ImportError as exc:  # fail loudly, as the other conformance tests do
        pytest.fail(
            f"graftql is not importable: {exc!r}. Build and install it "
            "(pip install --no-build-isolation -e .) before running these tests."
        )
    if not hasattr(graftql.Schema, "execute"):
        pytest.skip("graftql.Schema has no execute(): the executor has not landed yet")
    return graftql


# === The corpus and graphql-core's results, cached =========================


def _cache_path() -> Path | None:
    if os.environ.get("GRAFTQL_CORPUS_CACHE", "1") == "0":
        return None
    digest = hashlib.sha256((HERE / "gen_exec_cases.py").read_bytes())
    digest.update(f"{COUNT}/{SEED}/{graphql.__version__}/{sys.version}".encode())
    name = f"execute-{digest.hexdigest()[:20]}.json"
    return Path(tempfile.gettempdir()) / "graftql-conformance" / name


@cache
def corpus() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The cases and graphql-core's result for each (gen_exec_cases.reference)."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if len(data["cases"]) == COUNT == len(data["references"]):
                return data["cases"], data["references"]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # rebuilt below
    cases = list(generate_cases(COUNT, SEED))
    references = [reference(case) for case in cases]
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            text = json.dumps({"cases": cases, "references": references}, ensure_ascii=False)
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
            for stale in path.parent.glob("execute-*.json"):
                if stale != path:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass
    return cases, references


def expected_dict(ref: dict[str, Any]) -> dict[str, Any]:
    formatted = dict(ref["formatted"])
    if REQUEST_ERRORS_WITHOUT_DATA and ref["request_error"]:
        del formatted["data"]
    return formatted


def expected_json(expected: dict[str, Any]) -> bytes:
    return json.dumps(expected, separators=(",", ":"), ensure_ascii=False).encode()


# === One case, both engines ================================================


@lru_cache(maxsize=128)
def _graftql_schema(sdl: str) -> Any:
    return _graftql().Schema(sdl)


def _short(value: Any, limit: int = 3000) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else f"{text[: limit // 2]} ... {text[-limit // 2 :]}"


def _bytes_difference(expected: bytes, got: bytes) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b),
        min(len(expected), len(got)),
    )
    start = max(0, at - 60)
    return (
        f"first differing byte at {at} (lengths {len(expected)} and {len(got)}):\n"
        f"  graphql-core: {expected[start : at + 60]!r}\n"
        f"  graftql:      {got[start : at + 60]!r}"
    )


def compare(case: dict[str, Any], ref: dict[str, Any]) -> tuple[str, str] | None:
    """None if graftql gives graphql-core's result, else (kind, detail)."""
    expected = expected_dict(ref)
    try:
        result = _graftql_schema(case["sdl"]).execute(
            case["query"],
            variables=case["variables"],
            operation_name=case["operation_name"],
            root_value=case["data"],
        )
        got = result.to_dict()
    except Exception as exc:
        return f"crash:{type(exc).__name__}", f"graftql raised {type(exc).__name__}: {exc}"
    if got != expected or _ordered(got) != _ordered(expected):
        where = first_difference(expected, got)
        return _kind(expected, got), (
            f"to_dict() differs {where}\n"
            f"  graphql-core: {_short(expected, 2000)}\n"
            f"  graftql:      {_short(got, 2000)}"
        )
    try:
        got_json = result.to_json()
    except Exception as exc:
        return f"crash:to_json:{type(exc).__name__}", f"to_json() raised {exc!r}"
    want_json = expected_json(expected)
    if got_json != want_json:
        if not isinstance(got_json, bytes):
            return "to_json:type", f"to_json() gave {type(got_json).__name__}, not bytes"
        return "to_json", "to_json() differs: " + _bytes_difference(want_json, got_json)
    return None


def _ordered(value: Any) -> str:
    """value as JSON text: equal for two values only if their keys come in
    the same order too."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        return f"not JSON: {exc}"


def _kind(expected: Any, got: Any) -> str:
    """The sort of difference: what the failure list groups by."""
    if not isinstance(got, dict):
        return f"to_dict:{type(got).__name__}"
    if set(got) != set(expected) or list(got) != list(expected):
        return "to_dict:keys"
    if got.get("data") != expected.get("data"):
        return "to_dict:data"
    if _ordered(got.get("data")) != _ordered(expected.get("data")):
        return "to_dict:data key order"
    want, have = expected.get("errors", []), got.get("errors", [])
    if len(want) != len(have):
        return "to_dict:error count"
    if sorted(map(json.dumps, want)) == sorted(map(json.dumps, have)):
        return "to_dict:error order"
    for a, b in zip(want, have, strict=True):
        if a != b:
            for key in ("message", "locations", "path"):
                if a.get(key) != b.get(key):
                    return f"to_dict:error {key}"
    return "to_dict:error keys or types"


def _report(failures: list[tuple[dict[str, Any], dict[str, Any], str, str]]) -> str:
    kinds = Counter(kind for _, _, kind, _ in failures)
    out = [
        f"{len(failures)} case(s) differ from graphql-core: "
        + ", ".join(f"{kind} x{n}" for kind, n in kinds.most_common()),
        "indexes: " + ", ".join(f"{c['index']} ({kind})" for c, _, kind, _ in failures),
    ]
    for case, ref, kind, detail in failures[:DETAILED]:
        out += [
            f"\n=== case {case['index']} ({kind}); graphql-core: {outcome(ref)}; "
            f"faults {case['faults']}",
            f"reproduce: python tests/conformance/gen_exec_cases.py --show {case['index']}",
            f"--- {detail}",
            f"--- schema {case['schema']}:\n{case['sdl']}",
            f"--- query:\n{case['query']}",
            f"--- variables: {_short(case['variables'])}",
            f"--- operation_name: {case['operation_name']!r}",
            f"--- data: {_short(case['data'])}",
        ]
    if len(failures) > DETAILED:
        out.append(f"\n... and {len(failures) - DETAILED} more (indexes above)")
    return "\n".join(out)


CHUNKS = [range(i, min(i + CHUNK_SIZE, COUNT)) for i in range(0, COUNT, CHUNK_SIZE)]


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"{c.start}-{c.stop - 1}" for c in CHUNKS])
def test_execute_like_graphql_core(chunk: range) -> None:
    _graftql()
    cases, references = corpus()
    failures = []
    for i in chunk:
        mismatch = compare(cases[i], references[i])
        if mismatch is not None:
            failures.append((cases[i], references[i], *mismatch))
    if failures:
        pytest.fail(_report(failures), pytrace=False)


def test_execute_twice_and_to_json_is_stable() -> None:
    """A schema executes many operations: the same case twice gives the same
    result, and to_json() twice the same bytes."""
    _graftql()
    cases, references = corpus()
    for i in range(0, COUNT, 97):
        case = cases[i]
        schema = _graftql_schema(case["sdl"])
        runs = [
            schema.execute(
                case["query"],
                variables=case["variables"],
                operation_name=case["operation_name"],
                root_value=case["data"],
            )
            for _ in range(2)
        ]
        assert runs[0].to_dict() == runs[1].to_dict(), i
        assert runs[0].to_json() == runs[0].to_json() == runs[1].to_json(), i
        assert runs[0].to_dict() == expected_dict(references[i]), i


# === The generator, checked with graphql-core alone ========================


def test_operations_valid_and_values_json() -> None:
    """Every operation is valid for graphql-core (execution assumes it), and
    the data, the variables and graphql-core's results are JSON that comes
    back unchanged (no NaN, no tuples, no non-string keys)."""
    cases, references = corpus()
    problems = []
    for case, ref in zip(cases, references, strict=True):
        if ref["validation"]:
            problems.append(f"case {case['index']}: invalid: {ref['validation'][:2]}")
        for what in ("data", "variables"):
            if not json_safe(case[what]):
                problems.append(f"case {case['index']}: {what} is not JSON-safe")
        if not json_safe(ref["formatted"]):
            problems.append(f"case {case['index']}: graphql-core's result is not JSON-safe")
    assert not problems, "\n".join(problems[:20])


def test_cases_reproducible_by_index() -> None:
    """A case is a function of the seed and its index alone (a cached corpus
    is the generator's output), and reference() is graphql_sync."""
    cases, references = corpus()
    for i in sorted({0, 1, COUNT - 1, *range(7, COUNT, max(1, COUNT // 40))}):
        assert make_case(i, SEED) == cases[i], f"case {i} is not reproducible"
        assert reference_sync(cases[i]) == references[i]["formatted"], f"case {i}"


def test_graphql_core_behaviours() -> None:
    """What the docstring says graphql-core does (if graphql-core changed,
    these expectations would be wrong)."""
    schema = reference_schema(
        "type Query { a: A! b: [A] n(x: Int!): Int }\ntype A { x: Int! y: Int }\n"
    )

    def run(query: str, data: Any = None, variables: Any = None, name: Any = None) -> Any:
        result = graphql.graphql_sync(
            schema, query, data, variable_values=variables, operation_name=name
        )
        return result.formatted

    request = run("query($x: Int!) { n(x: $x) }", variables={"x": "no"})
    assert list(request) == ["data", "errors"] and request["data"] is None
    assert list(request["errors"][0]) == ["message", "locations"]
    unknown = run("query A { n(x: 1) }", name="B")
    assert unknown == {"data": None, "errors": [{"message": "Unknown operation named 'B'."}]}
    root = run("{ a { x } }", {"a": {"x": None}})
    assert root["data"] is None and root["errors"][0]["path"] == ["a", "x"]
    assert run("{ b { y } }", {"b": []}) == {"data": {"b": []}}
    # Sorted by location, then path: b[2].x before b[0].y though executed after it.
    data = {"b": [{"x": 1, "y": "a"}, {"y": 2}, {"x": "no"}]}
    paths = [e["path"] for e in run("{ b { x y } }", data)["errors"]]
    assert paths == [["b", 1, "x"], ["b", 2, "x"], ["b", 0, "y"]]
    # After a propagating error the later fields of the object are not executed.
    stopped = run("{ b { x y } }", {"b": [{"y": "bad"}]})
    assert [e["path"] for e in stopped["errors"]] == [["b", 0, "x"]]
    # Python's int() and float() read numeric strings; bools are 1 and 0.
    schema = reference_schema("type Query { i: [Int] f: [Float] s: [String] }\n")
    data = {"i": [" 12 ", "1_000", True, 3.0], "f": ["1e3", False], "s": [True, 1.5, 10**20]}
    assert run("{ i f s }", data) == {
        "data": {"i": [12, 1000, 1, 3], "f": [1000.0, 0], "s": ["true", "1.5", "1" + "0" * 20]}
    }


def _minimum(fraction: float) -> int:
    return max(1, int(fraction * COUNT))


def test_corpus_exercises_what_it_claims() -> None:
    """The corpus keeps its mix: results of every kind, every fault kind,
    every wrapping, every operation feature, enough of each (minimums at
    about half of what the generator gives today, scaled to COUNT). A
    generator change that loses one of them fails here."""
    if COUNT < SUMMARY_MINIMUM:
        pytest.skip(f"GRAFTQL_EXEC_CASES={COUNT}: the summary needs {SUMMARY_MINIMUM} or more")
    cases, references = corpus()
    outcomes: Counter[str] = Counter()
    faults: Counter[str] = Counter()  # cases with each kind of fault
    features: Counter[str] = Counter()  # cases with each feature
    errors: Counter[str] = Counter()  # cases with each sort of error
    for case, ref in zip(cases, references, strict=True):
        outcomes[outcome(ref)] += 1
        faults.update(dict.fromkeys(case["faults"], 1))
        features.update(dict.fromkeys(case["features"], 1))
        listed = ref["formatted"].get("errors", [])
        seen = set()
        for e in listed:
            message = e["message"]
            for label, needle in ERROR_SORTS:
                if needle in message:
                    seen.add(label)
            if len(e.get("locations", ())) > 1:
                seen.add("several locations")
            if any(isinstance(key, int) for key in e.get("path", ())):
                seen.add("path through a list")
            if len(e.get("path", ())) >= 3:
                seen.add("path of 3 keys or more")
        if len(listed) >= 3:
            seen.add("3 errors or more")
        if case["operation_name"] is not None:
            seen.add("operation name given")
        errors.update(dict.fromkeys(seen, 1))

    report = (
        f"outcomes {dict(outcomes)}\nfaults {dict(faults)}\n"
        f"features {dict(features)}\nerrors {dict(errors)}"
    )
    low = {k: outcomes[k] for k, f in OUTCOME_MINIMUMS.items() if outcomes[k] < _minimum(f)}
    assert not low, f"too few cases with these results: {low}\n{report}"
    low = {k: faults[k] for k in FAULT_KINDS if faults[k] < _minimum(FAULT_MINIMUMS.get(k, 0.002))}
    assert not low, f"too few cases with these faults: {low}\n{report}"
    low = {k: features[k] for k, f in FEATURE_MINIMUMS.items() if features[k] < _minimum(f)}
    assert not low, f"too few cases with these features: {low}\n{report}"
    low = {k: errors[k] for k, f in ERROR_MINIMUMS.items() if errors[k] < _minimum(f)}
    assert not low, f"too few cases with these errors: {low}\n{report}"
    clean = sum(not case["faults"] for case in cases)
    assert clean >= _minimum(0.15), f"{clean} cases without faults\n{report}"


# Fractions of the corpus; about half of what the default corpus has.
OUTCOME_MINIMUMS = {"ok": 0.3, "field errors": 0.07, "null root": 0.05, "request error": 0.05}
FAULT_MINIMUMS = {  # the rest: 0.002 (10 cases in 5,000)
    "null_in_non_null": 0.04,
    "missing_key": 0.04,
    "object_for_list": 0.02,
    "scalar_for_list": 0.02,
    "list_for_object": 0.02,
    "scalar_for_object": 0.02,
    "invalid_enum": 0.01,
    "list_for_scalar": 0.015,
    "object_for_scalar": 0.015,
    "impossible_typename": 0.006,
    "var_wrong_type": 0.02,
    "var_missing_field": 0.001,
    "var_not_mapping": 0.0006,
    "var_null_non_null_nested": 0.001,
    "operation_name_missing": 0.001,
}
FEATURE_MINIMUMS = {
    **{
        f"wrap {w}": f
        for w, f in {
            "T": 0.3,
            "T!": 0.3,
            "[T]": 0.15,
            "[T!]": 0.12,
            "[T]!": 0.15,
            "[T!]!": 0.15,
            "[[T]]": 0.03,
            "[[T!]]!": 0.05,
            "[[T!]!]": 0.03,
            "[[T]!]!": 0.03,
            "[[T!]!]!": 0.03,
        }.items()
    },
    "field scalar": 0.4,
    "field enum": 0.2,
    "field object": 0.3,
    "field interface": 0.1,
    "field union": 0.1,
    "abstract value": 0.2,
    "alias": 0.3,
    "__typename": 0.3,
    "repeated selection": 0.2,
    "inline fragment": 0.2,
    "inline fragment without type": 0.06,
    "fragment spread": 0.2,
    "fragment reused": 0.05,
    "@skip literal": 0.15,
    "@skip variable": 0.15,
    "@include literal": 0.15,
    "@include variable": 0.15,
    "argument": 0.3,
    "input object literal": 0.1,
    "variables": 0.3,
    "mutation": 0.02,
    "__type": 0.03,
    "extra key": 0.1,
    "__typename on an object type": 0.03,
}
ERROR_SORTS = (
    ("non-null field", "Cannot return null for non-nullable field"),
    ("not iterable", "Expected Iterable, but did not find one"),
    ("no runtime type", "must resolve to an Object type at runtime"),
    ("not a possible type", "is not a possible type for"),
    ("unknown runtime type", "that does not exist inside the schema"),
    ("non-object runtime type", "to a non-object type"),
    ("Int", "Int cannot represent"),
    ("Float", "Float cannot represent"),
    ("String", "String cannot represent"),
    ("Boolean", "Boolean cannot represent"),
    ("ID", "ID cannot represent"),
    ("enum", "cannot represent value"),
    ("argument null", "must not be null."),
    ("argument invalid", "has invalid value"),
    ("variable invalid", "got invalid value"),
    ("variable missing", "was not provided."),
    ("unknown operation", "Unknown operation named"),
    ("operation name needed", "Must provide operation name"),
)
ERROR_MINIMUMS = {
    "non-null field": 0.06,
    "not iterable": 0.025,
    "no runtime type": 0.01,
    "not a possible type": 0.004,
    "unknown runtime type": 0.001,
    "non-object runtime type": 0.001,
    "Int": 0.006,
    "Float": 0.005,
    "String": 0.005,
    "Boolean": 0.008,
    "ID": 0.005,
    "enum": 0.006,
    "argument null": 0.004,
    "argument invalid": 0.0006,
    "variable invalid": 0.03,
    "variable missing": 0.002,
    "unknown operation": 0.002,
    "operation name needed": 0.001,
    "several locations": 0.01,
    "path through a list": 0.05,
    "path of 3 keys or more": 0.05,
    "3 errors or more": 0.03,
    "operation name given": 0.1,
}
