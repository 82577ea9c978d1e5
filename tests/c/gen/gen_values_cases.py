"""Write tests/c/values_cases.h: what graphql-core 3.2.14 makes of the
variables and arguments of each case of test_values.c. Run:

    .venv/bin/python tests/c/gen/gen_values_cases.py > tests/c/values_cases.h

A case is an operation against one of SCHEMAS with variables given as JSON
text (None: no variables) and execute's max_coercion_errors. Its expected
result is a transcript the C test writes the same way:

    vars <json.dumps of the coerced variables>         or, when they fail,
    error <message> (line:column)...                    one line per error
    <field>: <json.dumps of get_argument_values>        per root field of
    <field>: error <message> (line:column)...           the schema's query
    <field>: skipped                                    type, in order
    <field>: include error <message> (line:column)...   (should_include_node)

json.loads makes the Python values, as the JSON host mirrors them.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import graphql  # noqa: E402
from cgen import c_string  # noqa: E402
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, build_schema, parse  # noqa: E402
from graphql.execution.collect_fields import should_include_node  # noqa: E402
from graphql.execution.values import get_argument_values, get_variable_values  # noqa: E402

assert graphql.__version__ == "3.2.14", graphql.__version__

SCHEMAS = [
    """
enum Color { RED GREEN BLUE }
scalar Custom
input Point { x: Int!, y: Int = 0, label: String }
input Nested { point: Point, points: [Point!], color: Color = RED, tags: [String] = ["a"] }
input One @oneOf { id: ID, name: String, point: Point }
input Defaults { a: Int = 1, b: String = "b", c: [Int] = 3, d: Color = GREEN, e: Point = {x: 5}, f: Float = 2 }
input Rec { r: Rec, v: Int }
input Req { a: Int!, b: String! }
input Many { alpha: Int, beta: Int, gamma: Int, delta: Int, epsilon: Int }
type Query {
  int(v: Int): String
  intNN(v: Int!): String
  intDef(v: Int = 42): String
  float(v: Float): String
  string(v: String): String
  bool(v: Boolean): String
  id(v: ID): String
  color(v: Color): String
  colors(v: [Color!]): String
  custom(v: Custom): String
  point(v: Point): String
  pointNN(v: Point!): String
  points(v: [Point]): String
  nested(v: Nested): String
  one(v: One): String
  defaults(v: Defaults = {}): String
  defaultsObj(v: Defaults = {a: 7, e: {x: 1, label: "l"}}): String
  defaultsArg(v: Defaults): String
  rec(v: Rec): String
  req(v: Req): String
  many(v: Many): String
  matrix(v: [[Int]]): String
  list(v: [Int]): String
  listNN(v: [Int!]!): String
  multi(a: Int, b: String = "x", c: Boolean!, d: [Float] = [1.5]): String
}
""",
    # A schema that uses neither Float nor ID: those types are not in it.
    """
type Query { f(v: Int): String }
""",
]

CASES = []


def case(name, query, variables=None, max_errors=50, schema=0):
    CASES.append((name, schema, query, variables, max_errors))


def var_cases(type_, field, values):
    for i, v in enumerate(values):
        case(f"{field} variable {i}: {v}", f"query ($v: {type_}) {{ {field}(v: $v) }}",
             f'{{"v": {v}}}')


# Built-in scalars and enums from variables (coerce_input_value, parse_value).
var_cases("Int", "int", ["1", "-1", "0", "2147483647", "2147483648", "-2147483648",
                         "-2147483649", "1.0", "1.5", "1e3", "1e300", "-0.0", "\"1\"", "true",
                         "false", "null", "[1]", "{\"a\": 1}", "99999999999999999999",
                         "-0", "1.0e10", "1e400", "[[[1]]]", "[]", "{}"])
var_cases("Float", "float", ["1", "1.5", "-0.0", "1e400", "1" + "0" * 400, "\"1.5\"", "true",
                             "[]", "9007199254740993", "1e-7", "123456789012345678901234567890",
                             "null", "{\"x\": 1.5}"])
var_cases("String", "string", ["\"abc\"", "\"\"", "\"\\u00e9\\u0000\\n'\\\"\"", "1", "1.5",
                               "true", "[\"a\"]", "{\"a\": \"b\"}",
                               "\"" + "x" * 300 + "\"", "\"it's\"", "\"\\ud83d\\ude00\"",
                               "\"\\u0007\\u007f\\u0085\""])
var_cases("Boolean", "bool", ["true", "false", "0", "1", "\"true\"", "null", "[true]"])
var_cases("ID", "id", ["\"x\"", "1", "-5", "1.0", "1.5", "1e20", "-0.0",
                       "123456789012345678901234567890", "true", "[1]", "{}", "1e400"])
var_cases("Color", "color", ["\"RED\"", "\"RDE\"", "\"red\"", "\"PURPLE\"", "1", "true",
                             "[\"RED\"]", "{\"a\": 1}", "\"\"", "\"GREEN \"", "null", "2.5"])
var_cases("Custom", "custom", ["1", "\"x\"", "[1, {\"a\": null}]", "{\"k\": [true, 1.5]}",
                               "null", "1e400"])
var_cases("[Int]", "list", ["1", "[1, 2]", "[1, \"x\", 3]", "[[1]]", "null", "[null]", "[]",
                            "[1, 2.5, true, \"4\"]", "\"abc\""])
var_cases("[Int!]!", "listNN", ["[1, null]", "[]", "5", "[null, null]"])
var_cases("[[Int]]", "matrix", ["1", "[1, 2]", "[[1], [2, \"a\"]]", "[[1], null, [null]]",
                                "[[[1]]]"])
var_cases("[Color!]", "colors", ["\"RED\"", "[\"RED\", \"BLUE\"]", "[\"RED\", null]",
                                 "[\"BLUE\", \"GREN\"]"])
var_cases("Point", "point", ["{\"x\": 1}", "{\"y\": 2}", "{\"x\": 1, \"z\": 3}",
                             "{\"x\": 1, \"lable\": \"a\"}", "\"str\"", "[]", "{\"x\": null}",
                             "{\"x\": \"1\"}", "{\"x\": 1, \"y\": null, \"label\": null}",
                             "{\"x\": 1, \"x\": 2}", "{}", "[{\"x\": 1}]", "1"])
var_cases("Point!", "pointNN", ["{\"x\": 1}", "null"])
var_cases("[Point]", "points", ["{\"x\": 1}", "[{\"x\": 1}, {\"y\": 1}, null, {\"x\": \"a\"}]",
                                "[[{\"x\": 1}]]"])
var_cases("Nested", "nested", [
    "{}",
    "{\"point\": {\"x\": 1}, \"color\": \"BLUE\", \"tags\": null}",
    "{\"points\": [{\"x\": 1}, {\"y\": 1}, null], \"color\": \"blue\"}",
    "{\"point\": {\"x\": 1, \"y\": \"2\"}, \"tags\": [1, \"b\"]}",
    "{\"points\": {\"x\": 3}, \"colour\": \"RED\", \"tag\": []}",
])
var_cases("One", "one", ["{\"id\": \"1\"}", "{}", "{\"id\": \"1\", \"name\": \"a\"}",
                         "{\"id\": null}", "{\"point\": {\"x\": 1}}", "{\"point\": {}}",
                         "{\"id\": 1.5}", "{\"nme\": \"a\"}", "{\"id\": 1, \"name\": null}",
                         "[{\"id\": \"1\"}]"])
var_cases("[One]", "one", ["[{\"name\": null}]"])
var_cases("Defaults", "defaultsArg", ["{}", "{\"a\": null, \"c\": [4], \"e\": {\"x\": 2}}",
                                      "{\"e\": {}}"])
var_cases("Req", "req", ["{}", "{\"a\": 1}", "{\"a\": \"x\", \"b\": 2, \"c\": 3}"])
var_cases("Many", "many", ["{\"alpa\": 1, \"gama\": 2, \"zzz\": 3, \"Beta\": 4}"])


def nest(depth):
    return '{"r": ' * depth + "{}" + "}" * depth


case("rec 199 deep", "query ($v: Rec) { rec(v: $v) }", f'{{"v": {nest(199)}}}')
case("rec 200 deep", "query ($v: Rec) { rec(v: $v) }", f'{{"v": {nest(200)}}}')
case("rec 201 deep", "query ($v: Rec) { rec(v: $v) }", f'{{"v": {nest(201)}}}')
case("rec deep after an error", "query ($a: Int, $v: Rec, $b: Int) { int(v: $a) }",
     f'{{"a": "x", "v": {nest(205)}, "b": "y"}}')
case("rec deep bad leaf", "query ($v: Rec) { rec(v: $v) }",
     '{"v": ' + '{"r": ' * 3 + '{"v": "x"}' + "}" * 3 + "}")
case("deep list of one", "query ($v: " + "[" * 199 + "Int" + "]" * 199 + ") { int }",
     '{"v": 1}')
case("deep list of one too deep", "query ($v: " + "[" * 199 + "Int" + "]" * 199 + ") { int }",
     '{"v": [[1]]}')

# Truncation of inspect().
case("inspect long list", "query ($v: Int) { int(v: $v) }",
     '{"v": [' + ", ".join(str(i) for i in range(20)) + "]}")
case("inspect long dict", "query ($v: Int) { int(v: $v) }",
     '{"v": {' + ", ".join(f'"k{i}": {i}' for i in range(12)) + "}}")
case("inspect nested dicts", "query ($v: Int) { int(v: $v) }",
     '{"v": {"a": {"b": {"c": 1}}, "d": [], "e": {}}}')
case("inspect long key", "query ($v: Int) { int(v: $v) }",
     '{"v": {"' + "k" * 300 + '": 1}}')
case("inspect big int", "query ($v: Int) { int(v: $v) }", '{"v": ' + "7" * 300 + "}")
case("inspect floats", "query ($v: Int) { int(v: $v) }",
     '{"v": [0.1, 1e16, 1e-5, 123.456, -0.0, 1e22, 5e-324]}')
case("inspect unicode", "query ($v: Int) { int(v: $v) }",
     '{"v": ["\\u00e9", "\\u200b", "\\ud800\\udc00", "\\t", "\\u001f", "a\'b", "a\\"b", '
     '"\'\\""]}')

# Variable definitions: missing, null, defaults, non-input types, the error limit.
case("required not provided", "query ($v: Int!) { intNN(v: $v) }", "{}")
case("required not provided, no variables", "query ($v: Int!) { intNN(v: $v) }", None)
case("required null", "query ($v: Int!) { intNN(v: $v) }", '{"v": null}')
case("required list null", "query ($v: [Int]!) { list(v: $v) }", '{"v": null}')
case("default used", "query ($v: Int = 3) { int(v: $v) }", "{}")
case("default overridden by null", "query ($v: Int = 3) { int(v: $v) }", '{"v": null}')
case("default non-null", "query ($v: Int! = 3) { intNN(v: $v) }", "{}")
case("default object", "query ($p: Point = {x: 1}) { point(v: $p) }", "{}")
case("default list of one", "query ($l: [Int] = 1) { list(v: $l) }", "{}")
case("default enum", "query ($c: Color = BLUE, $d: [Color!] = [RED, GREEN]) "
     "{ color(v: $c) colors(v: $d) }", "{}")
case("default custom", "query ($c: Custom = {a: [1, 2.5e3, \"s\", ENUM, null, true]}) "
     "{ custom(v: $c) }", "{}")
case("default one of", "query ($o: One = {name: \"n\"}) { one(v: $o) }", "{}")
case("object type variable", "query ($v: Query) { int }", "{}")
case("unknown type variable", "query ($v: Unknown, $w: [Unknown!]) { int }", "{}")
case("type not in schema", "query ($v: Float) { f }", '{"v": 1}', schema=1)
case("list of object type variable", "query ($v: [Query!]!) { int }", '{"v": []}')
case("variables not a dict", "query ($v: Int) { int(v: $v) }", "[1]")
case("variables a string", "query ($v: Int) { int(v: $v) }", '"{}"')
case("no variables at all", "query ($v: Int, $w: String = \"w\") { int(v: $v) string(v: $w) }",
     None)
case("extra variables ignored", "query ($v: Int) { int(v: $v) }", '{"v": 1, "w": 2}')
case("several errors", "query ($a: Int, $b: String!, $c: Color, $d: Point) { int }",
     '{"a": "x", "c": "NOPE", "d": {"y": 1, "q": 2}}')
case("limit 1", "query ($a: Req, $b: Req) { int }",
     '{"a": {}, "b": {"a": "bad"}}', max_errors=1)
case("limit 0", "query ($a: Int) { int }", '{"a": "x"}', max_errors=0)
case("limit 2 exact", "query ($a: Int, $b: Int) { int }", '{"a": "x", "b": "y"}',
     max_errors=2)
case("limit in one value", "query ($a: [Int]) { int }", '{"a": ["a", "b", "c", "d"]}',
     max_errors=2)
many_defs = ", ".join(f"$v{i}: Int!" for i in range(60))
case("limit 50 of 60", f"query ({many_defs}) {{ int }}", "{}")
case("limit 50 of 60, values",
     f"query ({many_defs}) {{ int }}", "{" + ", ".join(f'"v{i}": "s{i}"' for i in range(60))
     + "}")
case("no location without", "query ($v: Int) { int(v: $v) }", '{"v": "x"}')
case("multiline locations", "query (\n  $a: Int,\n    $b: Color!\n) { int }",
     '{"a": 1.5}')

# Arguments (get_argument_values, value_from_ast).
ARG_QUERIES = [
    "{ int(v: 1) }", "{ int(v: -0) }", "{ int(v: \"1\") }", "{ int(v: 2147483648) }",
    "{ int(v: 1.0) }", "{ int(v: null) }", "{ int }", "{ int(v: 1, v: 2) }",
    "{ intNN }", "{ intNN(v: null) }", "{ intNN(v: 5) }", "{ intDef }", "{ intDef(v: null) }",
    "{ float(v: 1) }", "{ float(v: 1.5e3) }", "{ float(v: 1e400) }", "{ float(v: -0.0) }",
    "{ float(v: \"1\") }", "{ float(v: 0.1) }", "{ float(v: 123456789012345678901234567890) }",
    "{ string(v: \"s\") }", "{ string(v: \"\"\"block\n  text\"\"\") }", "{ string(v: 1) }",
    "{ string(v: S) }",
    "{ bool(v: true) }", "{ bool(v: \"true\") }", "{ bool(v: 0) }",
    "{ id(v: 123) }", "{ id(v: \"x\") }", "{ id(v: 1.5) }", "{ id(v: -0) }",
    "{ color(v: RED) }", "{ color(v: \"RED\") }", "{ color(v: PURPLE) }", "{ color(v: null) }",
    "{ color(v: true) }",
    "{ colors(v: RED) }", "{ colors(v: [RED, BLUE]) }", "{ colors(v: [RED, null]) }",
    "{ custom(v: {a: [1, 2.5, \"x\", true, null, ENUM], b: {c: -0}}) }",
    "{ custom(v: 12345678901234567890123) }", "{ custom(v: \"s\") }", "{ custom(v: null) }",
    "{ custom(v: {a: 1, a: 2, b: 3}) }",
    "{ point(v: {x: 1}) }", "{ point(v: {y: 1}) }", "{ point(v: {x: 1, z: 1}) }",
    "{ point(v: {x: null}) }", "{ point(v: 1) }", "{ point(v: {x: 1, label: null}) }",
    "{ points(v: {x: 1}) }", "{ points(v: [{x: 1}, null, {x: 2, y: 3}]) }",
    "{ pointNN(v: {x: 1, x: 2}) }",
    "{ nested(v: {}) }", "{ nested(v: {points: {x: 1}, tags: \"t\", color: null}) }",
    "{ one(v: {id: \"1\"}) }", "{ one(v: {id: 1}) }", "{ one(v: {id: \"1\", name: \"a\"}) }",
    "{ one(v: {id: null}) }", "{ one(v: {}) }", "{ one(v: {point: {x: 1}}) }",
    "{ defaults }", "{ defaultsObj }", "{ defaultsArg(v: {}) }", "{ defaultsArg(v: {c: null}) }",
    "{ defaults(v: null) }",
    "{ rec(v: {r: {r: {v: 1}}}) }", "{ req(v: {a: 1, b: \"b\"}) }", "{ req(v: {a: 1}) }",
    "{ matrix(v: 1) }", "{ matrix(v: [1, [2]]) }", "{ matrix(v: [[1], [null], null]) }",
    "{ list(v: []) }", "{ listNN(v: [1]) }", "{ listNN(v: 1) }", "{ listNN(v: [null]) }",
    "{ multi(c: true) }", "{ multi(a: 1, b: null, c: false, d: 1) }", "{ multi }",
    "{ multi(c: \"no\") }",
    "{ int(v: 1) string(v: 2) color(v: GREEN) intNN }",
    "{ unknown(v: 1) int(v: 3) }",
]
for q in ARG_QUERIES:
    case(f"argument {q}", q)

VAR_ARG_CASES = [
    ("query ($x: Int) { intNN(v: $x) }", "{}"),
    ("query ($x: Int) { intNN(v: $x) }", '{"x": null}'),
    ("query ($x: Int) { intNN(v: $x) }", '{"x": 3}'),
    ("query ($x: Int) { intDef(v: $x) }", "{}"),
    ("query ($x: Int) { intDef(v: $x) }", '{"x": null}'),
    ("query ($x: Int) { int(v: $x) }", "{}"),
    ("query ($x: Int, $y: String) { int(v: $x) string(v: $y) }", "{}"),
    ("query ($x: Int) { int(v: $x) }", None),
    ("query ($c: Color) { colors(v: [RED, $c]) }", "{}"),
    ("query ($c: Color) { colors(v: [RED, $c]) }", '{"c": "BLUE"}'),
    ("query ($c: Color) { colors(v: [RED, $c]) }", '{"c": null}'),
    ("query ($i: Int) { list(v: [1, $i]) }", "{}"),
    ("query ($i: Int) { list(v: [1, $i]) }", '{"i": null}'),
    ("query ($i: Int) { list(v: $i) }", '{"i": 4}'),
    ("query ($x: Int) { point(v: {x: $x}) }", "{}"),
    ("query ($x: Int) { point(v: {x: $x}) }", '{"x": null}'),
    ("query ($y: Int) { point(v: {x: 1, y: $y}) }", "{}"),
    ("query ($y: Int) { point(v: {x: 1, y: $y}) }", '{"y": null}'),
    ("query ($p: Point) { pointNN(v: $p) }", '{"p": {"x": 2}}'),
    ("query ($p: Point) { pointNN(v: $p) }", "{}"),
    ("query ($p: Point = {x: 9}) { pointNN(v: $p) }", "{}"),
    ("query ($n: String) { one(v: {name: $n}) }", "{}"),
    ("query ($n: String) { one(v: {name: $n}) }", '{"n": null}'),
    ("query ($n: String) { one(v: {name: $n}) }", '{"n": "a"}'),
    ("query ($v: Int) { custom(v: {a: $v, b: [$v]}) }", '{"v": 5}'),
    ("query ($v: Custom) { custom(v: $v) }", '{"v": {"deep": [1, [2, [3]]]}}'),
    ("query ($d: Defaults) { defaults(v: $d) }", "{}"),
    ("query ($d: Defaults) { defaults(v: $d) }", '{"d": null}'),
    ("query ($d: Defaults) { defaults(v: $d) }", '{"d": {"b": "z"}}'),
    ("query ($b: Boolean!) { multi(c: $b) }", '{"b": true}'),
    ("query ($b: Boolean) { multi(c: $b) }", "{}"),
    ("query ($f: [Float]) { multi(c: true, d: $f) }", "{}"),
    ("query ($f: [Float]) { multi(c: true, d: $f) }", '{"f": 2}'),
    ("query ($e: Point) { defaultsArg(v: {e: $e}) }", "{}"),
    ("query ($e: Point) { defaultsArg(v: {e: $e}) }", '{"e": {"x": 3}}'),
]
for q, v in VAR_ARG_CASES:
    case(f"argument variable {q} {v}", q, v)

# @skip and @include.
SKIP_CASES = [
    ("{ int(v: 1) @skip(if: true) }", None),
    ("{ int(v: 1) @skip(if: false) }", None),
    ("{ int(v: 1) @include(if: false) }", None),
    ("{ int(v: 1) @include(if: true) }", None),
    ("{ int(v: 1) @skip(if: false) @include(if: false) }", None),
    ("{ int(v: 1) @include(if: true) @skip(if: true) }", None),
    ("{ int(v: 1) @skip(if: true) @skip(if: false) }", None),
    ("{ int @skip }", None),
    ("{ int @include(if: null) }", None),
    ("{ int @include(if: \"yes\") }", None),
    ("query ($s: Boolean!) { int @skip(if: $s) }", '{"s": true}'),
    ("query ($s: Boolean!) { int @skip(if: $s) }", '{"s": false}'),
    ("query ($s: Boolean) { int @skip(if: $s) }", "{}"),
    ("query ($s: Boolean) { int @skip(if: $s) }", '{"s": null}'),
    ("query ($s: Boolean = true) { int @skip(if: $s) }", "{}"),
    ("query ($s: Boolean, $t: Boolean) { int @include(if: $s) @skip(if: $t) }",
     '{"s": true, "t": false}'),
    ("query ($s: Boolean) { int @include(if: $s) intNN }", "{}"),
    ("{ int @deprecated intDef @unknown(if: false) }", None),
]
for q, v in SKIP_CASES:
    case(f"directive {q} {v}", q, v)


# The JSON host's serialize: (type, JSON text of the value).
SERIALIZE_VALUES = [
    "1", "-1", "2147483648", "-2147483649", "1.0", "1.5", "-0.0", "1e20", "1e400", "-1e400",
    "true", "false", "\"12\"", "\" 12 \"", "\"1_000\"", "\"1__0\"", "\"+7\"",
    "\"-0\"", "\"\"", "\"1.5\"", "\" 2.5e1 \"", "\"1e400\"", "\"nan\"", "\"abc\"",
    "\"99999999999\"", "[1]", "[]", "{\"a\": 1}", "\"RED\"", "\"red\"",
    "12345678901234567890", "1" + "0" * 400, "0", "0.0", "\"\\u00e9\"", "3.0e9",
]
SERIALIZE_TYPES = ["Int", "Float", "String", "Boolean", "ID", "Color", "Custom"]


def serialize_cases(schema):
    out = []
    for type_name in SERIALIZE_TYPES:
        type_ = schema.type_map[type_name]
        for text in SERIALIZE_VALUES:
            try:
                expected = dumps(type_.serialize(json.loads(text)))
            except GraphQLError as e:
                expected = "error " + e.message
            except Exception as e:
                expected = "error " + str(e)
            out.append((type_name, text, expected))
    return out


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def locations(error):
    return "".join(f" ({loc.line}:{loc.column})" for loc in error.locations or [])


def transcript(schema, query, variables, max_errors):
    document = parse(query)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    raw = None if variables is None else json.loads(variables)
    if raw is not None and not isinstance(raw, dict):
        # execute's assert_valid_execution_arguments raises this TypeError.
        return ("error Variable values must be provided as a dictionary with variable names"
                " as keys. Perhaps look to see if an unparsed JSON string was provided.")
    coerced = get_variable_values(schema, operation.variable_definitions, raw or {},
                                  max_errors=max_errors)
    if isinstance(coerced, list):
        return "\n".join(f"error {e.message}{locations(e)}" for e in coerced)
    lines = [f"vars {dumps(coerced)}"]
    for node in operation.selection_set.selections:
        if not isinstance(node, FieldNode):
            continue
        name = node.name.value
        field = schema.query_type.fields.get(name)
        if field is None:
            continue
        try:
            included = should_include_node(coerced, node)
        except GraphQLError as e:
            lines.append(f"{name}: include error {e.message}{locations(e)}")
            continue
        if not included:
            lines.append(f"{name}: skipped")
            continue
        try:
            args = get_argument_values(field, node, coerced)
            lines.append(f"{name}: {dumps(args)}")
        except GraphQLError as e:
            lines.append(f"{name}: error {e.message}{locations(e)}")
    return "\n".join(lines)


def main():
    schemas = [build_schema(sdl) for sdl in SCHEMAS]
    print("/*")
    print(" * values_cases.h: graphql-core 3.2.14's coerced variables and arguments for")
    print(" * the cases of test_values.c (see the transcript format in the generator).")
    print(" * Generated by tests/c/gen/gen_values_cases.py; do not edit.")
    print(" */")
    print()
    print("static const char *const values_schemas[] = {")
    for sdl in SCHEMAS:
        print(f"    {c_string(sdl)},")
    print("};")
    print()
    print("typedef struct values_case {")
    print("    const char *name;       /* what it covers */")
    print("    unsigned schema;        /* index into values_schemas */")
    print("    const char *query;      /* the operation */")
    print("    const char *variables;  /* JSON, or NULL for none */")
    print("    unsigned max_errors;    /* execute's max_coercion_errors */")
    print("    const char *expected;   /* the transcript */")
    print("} values_case;")
    print()
    print("static const values_case values_cases[] = {")
    for name, schema, query, variables, max_errors in CASES:
        expected = transcript(schemas[schema], query, variables, max_errors)
        var_text = "NULL" if variables is None else c_string(variables)
        print(f"    {{{c_string(name[:200])}, {schema}, {c_string(query)}, {var_text}, "
              f"{max_errors},\n     {c_string(expected)}}},")
    print("};")
    print()
    print("typedef struct serialize_case {")
    print("    const char *type;      /* a type of values_schemas[0] */")
    print("    const char *value;     /* JSON */")
    print("    const char *expected;  /* json.dumps of serialize's result, or \"error <message>\" */")
    print("} serialize_case;")
    print()
    print("static const serialize_case serialize_cases[] = {")
    for type_name, text, expected in serialize_cases(schemas[0]):
        print(f"    {{{c_string(type_name)}, {c_string(text)}, {c_string(expected)}}},")
    print("};")


main()
