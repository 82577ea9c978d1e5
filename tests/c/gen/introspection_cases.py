"""The introspection cases of the C tests, beyond schema_cases.py.

SCHEMAS are extra schemas (name, SDL[, build options]) made to exercise introspection: every
kind of description, deprecations everywhere they may go, default values of
every input type, @oneOf, @specifiedBy, interfaces implementing interfaces,
custom repeatable directives. Each is introspected with graphql-core's
standard query, as every valid schema of schema_cases.py is.

QUERIES are other operations (name, schema name, query, operation name)
run against those schemas: selections, aliases, fragments, directives,
arguments, and queries graphql-core's validation or execution refuses
(their first error is expected). gen_introspection_cases.py runs
graphql-core on all of them.
"""

RICH = r'''
"""
The schema's "description": ünïcödé, emoji 😀, a tab\tand a line separator \u2028.
"""
schema { query: Query mutation: Mutation subscription: Subscription }

"""
Block description
  with indentation,  "quotes", \backslashes\ and a \""" triple quote.
"""
type Query implements Node & Named {
  id: ID!
  name: String @deprecated(reason: "Use `label`: it's \"better\".")
  label("The format, in a \"plain\" string with \n escapes" format: Format = SHORT,
        legacy: Boolean = false @deprecated(reason: "gone"),
        old: Int @deprecated): String
  search(filter: Filter = { term: "x" }, first: Int = 10, after: String = null,
         ids: [ID!] = ["1", "007", 3], deep: [[Float!]] = [[1.5, 2], 3e2]): [Result!]!
  node(id: ID!): Node
  pick(by: Pick!): Named @deprecated
  scalars(date: Date = "2024-01-01", json: JSON = "x", n: JSON = 12, f: JSON = 1.0,
          e: JSON = SOME_ENUM, b: JSON = true, nul: JSON = null, obj: JSON = {a: [1, {b: 2}], c: "d"},
          list: JSON = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
          big: JSON = 123456789012345678901234567890, minus: Int = -0, fminus: Float = -0,
          fl: Float = 1e16, fs: Float = 0.00001, fe: Float = 1.25e-3, fi: Float = 7,
          inf: Float = 1e400, idn: ID = -0, ids: ID = "12\n", str: String = """block
  "string"
""", esc: String = "tab\t, nul \u0000, é, \u2028, \\ \"", e2: Format = FULL): Int
}

"A node"
interface Node { id: ID! }

interface Named implements Node {
  id: ID!
  "the name"
  name: String
}

interface Leaf implements Named & Node { id: ID! name: String leaf: Boolean }

type Other implements Node { id: ID! x: Float }
type Third implements Leaf & Named & Node { id: ID! name: String leaf: Boolean }

union Result = Query | Other | Third

"""Formats"""
enum Format {
  "the full one" FULL
  SHORT @deprecated(reason: "")
  COMPACT @deprecated
  """
  multi
  line
  """
  ODD
}

input Filter {
  term: String!
  limit: Int = 5
  "Deprecated input field" legacy: Boolean = true @deprecated(reason: "no more")
  format: Format = COMPACT
  range: Range = { low: 1 }
  tags: [String!] = "single"
  nested: [Range] = [{ low: 2, high: 3 }, null]
}

input Range { low: Int! high: Int = 100 unit: String }

"A oneOf input"
input Pick @oneOf { id: ID name: String range: Range }

scalar Date @specifiedBy(url: "https://example.com/date?a=1&b=\"2\"")
scalar JSON

type Mutation { do(what: Pick = { id: 1 }, how: [Format] = [FULL, SHORT]): Boolean }
type Subscription { events(since: Date): String }

"""A repeatable directive"""
directive @tag(name: String! = "t" @deprecated(reason: "why"), weight: Float = 0.5,
               where: [Format!] = FULL) repeatable on
  | QUERY | MUTATION | SUBSCRIPTION | FIELD | FRAGMENT_DEFINITION | FRAGMENT_SPREAD
  | INLINE_FRAGMENT | VARIABLE_DEFINITION | SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION
  | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT
  | INPUT_FIELD_DEFINITION

directive @once on FIELD_DEFINITION | ENUM_VALUE
'''

SMALL = '''
type Query { a(x: In = { v: 1 }, y: Int @deprecated): E @deprecated(reason: "r") b: I }
interface I { a: E }
type T implements I { a: E }
enum E { A B @deprecated }
input In { v: Int w: String = "s" @deprecated }
scalar S @specifiedBy(url: "u")
directive @d(x: Int = 1 @deprecated) repeatable on FIELD | QUERY
'''

# graphql-core's inspect() of custom scalar defaults it cannot print (its
# messages quote them): quotes, escapes, non-printable characters, cuts of
# long strings, numbers, lists and dicts, nesting, a repeated key (hence
# assume_valid_sdl), Python's int digit limit.
INSPECT = (
    "scalar J\n"
    "type Query { f(\n"
    '  a: J = {s: "it\'s", d: "say \\"hi\\"", both: "it\'s \\"x\\"", bs: "back\\\\slash",\n'
    '         ctl: "\\u0001\\u007f\\t\\n\\r\\b", nb: "\\u00a0\\u00ad\\u2028\\u200b\\uDB40\\uDC01 \\u0378",\n'
    '         emoji: "\U0001f600 \u4e2d\u6587 \u00e9"}\n'
    '  b: J = ["' + "x" * 150 + "\u00e9" * 150 + '", ' + "1" * 300 + "]\n"
    "  c: J = {" + " ".join(f"k{i}: {i}" for i in range(1, 13)) + "}\n"
    "  d: J = {a: 1, b: 2, a: 3, c: [], d: {}}\n"
    "  e: J = [[[1]], {x: {y: 1}}, [], {}, [[]], [1, [2, [3]]]]\n"
    "  f: J = [1.5, 1e400, -1e400, 1e-400, 0.1, 100.0, 12345678901234567890123, -0, -0.0, 1E5]\n"
    "  g: J = [true, false, null, ENUM, \"\"]\n"
    "  h: J = 1e400\n"
    "  i: J = " + "9" * 4400 + "\n"
    "  j: J = [" + "9" * 4400 + "]\n"
    "  k: J = {" + "n" * 300 + ": 1}\n"
    "  l: [J] = [1, {a: 1}]\n"
    "  m: J = -1e400\n"
    "): Int }"
)

SCHEMAS = [
    ("extra/rich", RICH),
    ("extra/small", SMALL),
    ("extra/only_query", "type Query { a: Int }"),
    ("extra/no_descriptions_everywhere",
     "schema { query: Q } type Q { f(a: [[[Int!]!]!]! = [[[1]]]): [[[[String]]]]! }"),
    ("extra/inspect", INSPECT, {"assume_valid_sdl": True}),
    ("extra/unicode_names_and_descriptions",
     '"\u00e9\\u00e9\\ud83d\\ude00 \\b\\f\\r\\n\\t\\"\\\\/" type Query { "\x7f del" a: Int }\n'
     '"""\n\u2029 para\n"""\nenum E { "\u0085 nel" A }'),
]

QUERIES = [
    # ---- selections and field order ------------------------------------
    ("query/typename", "extra/rich", "{ __typename }", None),
    ("query/typename_alias", "extra/rich", "{ a: __typename b: __typename __typename }", None),
    ("query/type_by_name", "extra/rich",
     '{ __type(name: "Named") { kind name description possibleTypes { name } '
     'interfaces { name } fields { name args { name } } ofType { name } isOneOf '
     'specifiedByURL enumValues { name } inputFields { name } } }', None),
    ("query/type_unknown", "extra/rich", '{ __type(name: "Nope") { name } }', None),
    ("query/type_unused_builtin", "extra/only_query", '{ __type(name: "Float") { name } }', None),
    ("query/type_introspection", "extra/rich",
     '{ __type(name: "__Type") { name fields { name type { kind name ofType { kind name } } } } }',
     None),
    ("query/aliases", "extra/rich",
     '{ a: __type(name: "Query") { n: name k: kind } b: __schema { q: queryType { name } '
     'm: mutationType { name } s: subscriptionType { name } } c: __type(name: "Pick") { '
     'isOneOf one: isOneOf } }', None),
    ("query/merge_same_key", "extra/rich",
     '{ __type(name: "Query") { name } __schema { queryType { name } } '
     '__type(name: "Query") { kind name fields(includeDeprecated: true) { name } } '
     '__schema { queryType { kind } types { name } } }', None),
    ("query/fragments", "extra/rich",
     '{ __schema { ...S types { name } ...S } } '
     'fragment S on __Schema { types { kind ...T } directives { name ...D } } '
     'fragment T on __Type { name possibleTypes { name } } '
     'fragment D on __Directive { isRepeatable locations args { ...I } } '
     'fragment I on __InputValue { name defaultValue type { ...R } } '
     'fragment R on __Type { kind name ofType { kind name ofType { kind name } } }', None),
    ("query/inline_fragments", "extra/rich",
     '{ ... on Query { __type(name: "Filter") { ... on __Type { name } ... { kind } '
     'inputFields(includeDeprecated: true) { ... on __InputValue { name defaultValue '
     'isDeprecated deprecationReason } } } } ... { __typename } }', None),
    ("query/abstract_condition", "extra/rich",
     '{ ... on Node { __typename } ... on Result { r: __typename } ... on Named { t: __typename } '
     '... on Result { ... on Query { __type(name: "Pick") { name } } } }', None),
    ("query/skip_include", "extra/rich",
     '{ __schema { queryType { name @skip(if: true) kind @include(if: false) '
     'description @include(if: true) t: name @skip(if: false) @include(if: true) '
     'u: name @skip(if: true) @include(if: true) } ...F @skip(if: true) '
     '... @include(if: true) { mutationType { name } } ... @include(if: false) { '
     'subscriptionType { name } } } } fragment F on __Schema { description }', None),
    ("query/skip_all", "extra/rich", "{ __typename @skip(if: true) }", None),
    ("query/include_deprecated", "extra/rich",
     '{ q: __type(name: "Query") { a: fields { name args { name } } '
     'b: fields(includeDeprecated: true) { name isDeprecated deprecationReason '
     'args(includeDeprecated: true) { name isDeprecated deprecationReason } } '
     'c: fields(includeDeprecated: false) { name args(includeDeprecated: null) { name } } '
     'd: fields(includeDeprecated: null) { name } } '
     'f: __type(name: "Format") { a: enumValues { name } b: enumValues(includeDeprecated: true) '
     '{ name isDeprecated deprecationReason } } '
     'i: __type(name: "Filter") { a: inputFields { name } b: inputFields(includeDeprecated: true) '
     '{ name isDeprecated deprecationReason } } '
     '__schema { directives(includeDeprecated: false) { name args { name } '
     'a: args(includeDeprecated: true) { name isDeprecated } isDeprecated deprecationReason } '
     'd: directives(includeDeprecated: true) { name } } }', None),
    ("query/wrappers", "extra/no_descriptions_everywhere",
     '{ __type(name: "Q") { fields { type { kind name description specifiedByURL fields { name } '
     'interfaces { name } possibleTypes { name } enumValues { name } inputFields { name } '
     'isOneOf ofType { kind ofType { kind ofType { kind ofType { kind ofType { kind '
     'ofType { kind ofType { kind ofType { name } } } } } } } } } args { name defaultValue '
     'type { kind ofType { kind } } } } } }', None),
    ("query/typename_everywhere", "extra/small",
     '{ __schema { __typename types { __typename name fields { __typename args { __typename } '
     'type { __typename } } enumValues(includeDeprecated: true) { __typename } } '
     'directives { __typename } } }', None),
    ("query/named_operation", "extra/small",
     'query A { __typename } query B { __schema { queryType { name } } }', "B"),
    ("query/mutation_typename", "extra/rich", "mutation { __typename }", None),
    ("query/with_descriptions_and_defaults", "extra/rich",
     '{ __type(name: "Query") { fields(includeDeprecated: true) { name '
     'args(includeDeprecated: true) { name defaultValue } } } }', None),

    # ---- refused: graphql-core's first error ----------------------------
    ("error/unknown_field", "extra/rich", "{ __schema { nope } }", None),
    ("error/unknown_field_suggestion", "extra/rich",
     '{ __type(name: "Query") { feilds { name } } }', None),
    ("error/unknown_root_field", "extra/rich", "{ nope }", None),
    ("error/root_field_on_union", "extra/rich",
     '{ ... on Result { __type(name: "Pick") { name } } }', None),
    ("error/root_field_on_interface", "extra/rich", "{ ... on Named { __schema { description } } }",
     None),
    ("error/leaf_with_selection", "extra/rich", "{ __schema { description { x } } }", None),
    ("error/object_without_selection", "extra/rich", "{ __schema { types } }", None),
    ("error/root_without_selection", "extra/rich", "{ __schema }", None),
    ("error/type_without_name", "extra/rich", "{ __type { name } }", None),
    ("error/type_name_not_string", "extra/rich", "{ __type(name: 1) { name } }", None),
    ("error/unknown_argument", "extra/rich", "{ __schema(x: 1) { description } }", None),
    ("error/unknown_argument_on_intro", "extra/rich",
     '{ __type(name: "Query") { name(x: 1) } }', None),
    ("error/include_deprecated_not_boolean", "extra/rich",
     '{ __type(name: "Query") { fields(includeDeprecated: 1) { name } } }', None),
    ("error/directives_include_deprecated_null", "extra/rich",
     "{ __schema { directives(includeDeprecated: null) { name } } }", None),
    ("error/unknown_fragment", "extra/rich", "{ ...Missing }", None),
    ("error/unknown_directive", "extra/rich", "{ __schema @unknown { description } }", None),
    ("error/skip_without_if", "extra/rich", "{ __schema { description @skip } }", None),
    ("error/skip_not_boolean", "extra/rich", '{ __schema { description @skip(if: "yes") } }', None),
    ("error/unknown_type_condition", "extra/rich", "{ ... on Nope { __typename } }", None),
    ("error/type_definition", "extra/rich", "type T { a: Int } { __typename }", None),
    ("error/schema_definition", "extra/rich", "schema { query: Q } { __typename }", None),
    ("error/several_operations", "extra/rich", "query A { __typename } query B { __typename }",
     None),
    ("error/unknown_operation", "extra/rich", "query Q { __typename }", "Other"),
    ("error/schema_on_mutation", "extra/rich", "mutation { __schema { description } }", None),
    ("error/no_mutation_type", "extra/small", "mutation { __typename }", None),
]
