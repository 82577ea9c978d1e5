"""Write graphql-core 3.2.14's introspection results for the C tests
(test_introspection.c): tests/c/introspection_cases.h and the expected
JSON documents under tests/c/data/introspection/. Run:

    /tmp/ref/bin/python tests/c/gen/gen_introspection_cases.py

The cases:
  - every case of schema_cases.py that builds a valid schema, and the extra
    schemas of introspection_cases.py, introspected with graphql-core's
    get_introspection_query(descriptions=True, specified_by_url=True,
    directive_is_repeatable=True, schema_description=True,
    input_value_deprecation=True, input_object_one_of=True);
  - the queries of introspection_cases.py: their data, or the first error
    graphql-core's validation or execution reports;
  - every combination of get_introspection_query's flags: a hash of the
    query text and of the data it gets from the rich schema.

The expected JSON is json.dumps(graphql_sync(schema, query).data,
separators=(",", ":"), ensure_ascii=False); the field errors beside it are
listed with their message and locations.

One divergence is written into the expectations rather than compared:
graphql-core unrolls a cycle through input-object defaults (ok/default_chain)
until Python's recursion limit, so its defaultValue there depends on the
stack; graftql stops after GQL_COERCED_MAX_CHAIN defaults and shows the
default as the SDL wrote it (as its print_schema does). PATCHES says where.
"""
import itertools
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import reference  # noqa: E402
from graphql import (  # noqa: E402
    execute,
    get_introspection_query,
    graphql_sync,
    parse,
    validate,
)
from introspection_cases import QUERIES, SCHEMAS  # noqa: E402
from schema_cases import CASES  # noqa: E402

ROOT = os.path.dirname(HERE)  # tests/c
DATA = os.path.join(ROOT, "data", "introspection")

STANDARD_FLAGS = dict(
    descriptions=True,
    specified_by_url=True,
    directive_is_repeatable=True,
    schema_description=True,
    input_value_deprecation=True,
    input_object_one_of=True,
)

FLAG_NAMES = [
    "descriptions",
    "specified_by_url",
    "directive_is_repeatable",
    "schema_description",
    "input_value_deprecation",
    "input_object_one_of",
    "experimental_directive_deprecation",
]

# (case, type, field or None, argument or input field) -> graftql's defaultValue.
PATCHES = {
    ("ok/default_chain", "A", None, "b"): "{}",
    ("ok/default_chain", "B", None, "c"): "{}",
    ("ok/default_chain", "C", None, "a"): "{}",
    ("ok/default_chain", "Query", "f", "a"): "{}",
}


def c_string(text):
    """A C string literal of the UTF-8 bytes of text: printable ASCII as is,
    every other byte as an octal escape (no hex escape can swallow a digit),
    '?' escaped against trigraphs."""
    out = ['"']
    for b in text.encode("utf-8", "surrogatepass"):
        ch = chr(b)
        if ch in '"\\?':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 0x20 <= b < 0x7F:
            out.append(ch)
        else:
            out.append(f"\\{b:03o}")
    out.append('"')
    return "".join(out)


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def slug(name):
    return name.replace("/", "__")


def patch(case, data):
    for (cname, tname, fname, vname), value in PATCHES.items():
        if cname != case:
            continue
        for t in data["__schema"]["types"]:
            if t["name"] != tname:
                continue
            values = t["inputFields"] if fname is None else next(
                f["args"] for f in t["fields"] if f["name"] == fname)
            for v in values:
                if v["name"] == vname:
                    v["defaultValue"] = value


def error_locations(error):
    return [(0, loc.line, loc.column) for loc in error.locations or []]


def run_query(schema, query, operation_name=None):
    """(data or None, [(message, locations)]) as graphql_sync gives them,
    or for a refused query its first error alone."""
    document = parse(query)
    errors = validate(schema, document)
    if errors:
        return None, [(errors[0].message, error_locations(errors[0]))]
    result = execute(schema, document, operation_name=operation_name)
    if result.data is None:
        return None, [(result.errors[0].message, error_locations(result.errors[0]))]
    return result.data, [(e.message, error_locations(e)) for e in result.errors or []]


def c_errors(name, errors):
    if not errors:
        return "NULL"
    print(f"static const expected_error {name}[] = {{")
    for message, locs in errors:
        loc_text = ", ".join(f"{{{s}, {line}, {col}}}" for s, line, col in locs) or "{0, 0, 0}"
        print(f"    {{{c_string(message)}, {len(locs)}, {{{loc_text}}}}},")
    print("};")
    return name


def write_json(name, data):
    path = os.path.join(DATA, slug(name) + ".json")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(dumps(data))
    return "introspection/" + slug(name) + ".json"


def main():
    os.makedirs(DATA, exist_ok=True)
    for old in os.listdir(DATA):
        os.remove(os.path.join(DATA, old))
    standard = get_introspection_query(**STANDARD_FLAGS)
    out = sys.stdout
    print("/*")
    print(" * introspection_cases.h: graphql-core 3.2.14's introspection results for")
    print(" * test_introspection.c (the JSON documents are in data/introspection/).")
    print(" * Generated by tests/c/gen/gen_introspection_cases.py; do not edit.")
    print(" */")
    print('#include "schema_harness.h"')
    print()
    print("typedef struct intro_case {")
    print("    const char *name;              /* what it covers */")
    print("    const char *const *sources;    /* the SDL documents */")
    print("    unsigned nsources;             /* their number */")
    print("    bool assume_valid_sdl;         /* build with assume_valid_sdl */")
    print("    const char *query;             /* NULL: the standard query */")
    print("    const char *operation_name;    /* or NULL */")
    print("    const char *expected;          /* data file of the JSON; NULL: refused */")
    print("    const expected_error *errors;  /* field errors, or the refusal */")
    print("    unsigned nerrors;              /* their number */")
    print("} intro_case;")
    print()
    print(f"static const char standard_query[] = {c_string(standard)};")
    print()

    schemas = {}
    rows = []
    cases = [(c[0], c[1], c[2] if len(c) > 2 else {}) for c in CASES]
    cases += [(c[0], c[1], c[2] if len(c) > 2 else {}) for c in SCHEMAS]
    for i, (name, sources, options) in enumerate(cases):
        if isinstance(sources, str):
            sources = [sources]
        result = reference.run(sources, **options)
        if result[0] != "schema" or result[1]:
            continue
        schema = result[2]
        schemas[name] = (i, sources, options, schema)
        res = graphql_sync(schema, standard)
        assert res.data is not None, (name, res.errors)
        patch(name, res.data)
        print(f"static const char *const s{i}_sources[] = {{")
        for s in sources:
            print(f"    {c_string(s)},")
        print("};")
        errs = c_errors(f"s{i}_errors", [(e.message, error_locations(e)) for e in res.errors or []])
        expected = write_json("schema/" + name, res.data)
        rows.append((name, f"s{i}_sources", len(sources), options, "NULL", "NULL",
                     c_string(expected), errs, len(res.errors or [])))

    for j, (name, schema_name, query, operation_name) in enumerate(QUERIES):
        i, sources, options, schema = schemas[schema_name]
        data, errors = run_query(schema, query, operation_name)
        errs = c_errors(f"q{j}_errors", errors)
        expected = c_string(write_json(name, data)) if data is not None else "NULL"
        op = c_string(operation_name) if operation_name else "NULL"
        rows.append((name, f"s{i}_sources", len(sources), options, c_string(query), op, expected,
                     errs, len(errors)))

    print()
    print("static const intro_case intro_cases[] = {")
    for name, src, n, options, query, op, expected, errs, nerrs in rows:
        avs = str(bool(options.get("assume_valid_sdl"))).lower()
        print(f"    {{{c_string(name)}, {src}, {n}, {avs},\n     {query}, {op}, {expected}, "
              f"{errs}, {nerrs}}},")
    print("};")
    print()

    # Every combination of the flags: the query text and the data it gets.
    rich = schemas["extra/rich"]
    print("typedef struct flags_case {")
    print("    bool flags[7];         /* get_introspection_query's, in its order */")
    print("    unsigned query_len;    /* length of its text */")
    print("    uint64_t query_hash;   /* FNV-1a 64 of its text */")
    print("    unsigned json_len;     /* length of the data's JSON on extra/rich */")
    print("    uint64_t json_hash;    /* FNV-1a 64 of that JSON */")
    print("} flags_case;")
    print()
    print("static const flags_case flags_cases[] = {")
    for flags in itertools.product([False, True], repeat=len(FLAG_NAMES)):
        kwargs = dict(zip(FLAG_NAMES, flags, strict=True))
        text = get_introspection_query(**kwargs)
        res = graphql_sync(rich[3], text)
        js = dumps(res.data).encode("utf-8")
        qb = text.encode("utf-8")
        fl = ", ".join(str(f).lower() for f in flags)
        print(f"    {{{{{fl}}}, {len(qb)}, 0x{fnv1a64(qb):016x}u, {len(js)}, "
              f"0x{fnv1a64(js):016x}u}},")
    print("};")
    print()
    for label, flags in (("all", [True] * 7), ("none", [False] * 7)):
        text = get_introspection_query(**dict(zip(FLAG_NAMES, flags, strict=True)))
        print(f"static const char query_{label}[] = {c_string(text)};")
    out.flush()


main()
