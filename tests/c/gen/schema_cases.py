"""The schema cases of the C tests: SDL in, graphql-core's outcome out.

Each case is (name, sources, options). sources is one SDL text or a list of
them (read as one document, as gql_schema_build reads several). The
expectations are not written here: gen_schema_cases.py runs graphql-core on
each case and writes tests/c/schema_cases.h.
"""

CASES = [
    # ---- SDL rules (specified_sdl_rules), one group per rule ------------
    ("sdl/lone_schema_definition",
     "schema { query: Q } schema { mutation: Q } type Q { a: Int }"),
    ("sdl/lone_schema_definition/three",
     "schema { query: Q }\nschema { query: Q }\nschema { query: Q }\ntype Q { a: Int }"),
    ("sdl/unique_operation_types",
     "schema { query: A query: B mutation: A } type A { a: Int } type B { a: Int }"),
    ("sdl/unique_operation_types/extension",
     "schema { query: A } extend schema { query: B subscription: A }\n"
     "extend schema { subscription: B } type A { a: Int } type B { a: Int }"),
    ("sdl/unique_type_names",
     "type A { a: Int }\ntype A { b: Int }\nscalar A\ntype Query { a: A }"),
    ("sdl/unique_type_names/kinds",
     "scalar S enum S { X } input S { a: Int } union S = Q interface S { a: Int } type Q { a: S }"),
    ("sdl/unique_enum_value_names",
     "enum E { A B A }\nextend enum E { B C }\nextend enum E { C }\ntype Query { e: E }"),
    ("sdl/unique_field_definition_names",
     "type Query { a: Int b: Int a: String }\nextend type Query { b: Int }"),
    ("sdl/unique_field_definition_names/interface_input",
     "interface I { x: Int x: Int } extend interface I { x: Int }\n"
     "input In { y: Int y: Int } extend input In { y: Int }\ntype Query { a: Int }"),
    ("sdl/unique_argument_definition_names",
     "type Query { f(a: Int, b: Int, a: Int, b: Int, a: String): Int g(x: Int): Int }\n"
     "extend type Query { h(y: Int, y: Int): Int }\n"
     "interface I { f(z: Int, z: Int): Int }\n"
     "directive @d(a: Int, a: Int) on FIELD"),
    ("sdl/unique_directive_names",
     "directive @a on FIELD\ndirective @a on QUERY\ndirective @b on FIELD\n"
     "directive @a on SCHEMA\ntype Query { a: Int }"),
    ("sdl/known_type_names",
     "type Query { a: Strin b: Usr c: [Userr!]! d(x: Imput): Int }\n"
     "type User { a: Int }\ninput Input { a: Int }"),
    ("sdl/known_type_names/everywhere",
     "schema { query: Q mutation: M }\ntype Q implements Node { a: Int }\n"
     "union U = Missing\ninput In { a: Unknown }\ndirective @d(a: Nope) on FIELD"),
    ("sdl/known_type_names/executable",
     "type Query { a: Int }\nquery Q($a: String, $b: Qery) { a }\n"
     "fragment F on Quer { a }"),
    ("ok/standard_type_names",
     "type Query { a: String b: __Type c: ID d: Float e: Boolean f: __Schema }"),
    ("sdl/known_type_names/suggestion_order",
     "type Query { a: Fooo } type Foo1 { a: Int } type Foo10 { a: Int } type Foo2 { a: Int }\n"
     "type foo { a: Int } type Fo { a: Int } type Food { a: Int }"),
    ("sdl/known_directives",
     "type Query @deprecated { a: Int @unknown b: Int @include(if: true) }\n"
     "scalar S @skip(if: true)"),
    ("sdl/known_directives/locations",
     "directive @all on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION\n"
     "  | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n"
     "directive @none on QUERY\n"
     "schema @none { query: Query } extend schema @none\n"
     "type Query @none { a(x: Int @none): Int @none } extend type Query @none\n"
     "interface I @none { a: Int } extend interface I @none\n"
     "union U @none = Query extend union U @none\n"
     "enum E @none { A @none } extend enum E @none\n"
     "input In @none { a: Int @none } extend input In @none\n"
     "scalar S @none extend scalar S @none"),
    ("sdl/known_directives/input_field_in_extension",
     "directive @d on INPUT_FIELD_DEFINITION\ninput In { a: Int @d }\n"
     "extend input In { b: Int @d }\ntype Query { a(x: In): Int }"),
    ("sdl/known_directives/executable",
     "type Query { a: Int }\n"
     "query Q($v: Int @deprecated) @skip(if: true) { a @deprecated ...F @deprecated "
     "... @deprecated { a } }\n"
     "mutation @include(if: true) { a }\nsubscription @onSub { a }\n"
     "fragment F on Query @skip(if: true) { a }"),
    ("sdl/unique_directives_per_location",
     "directive @d on FIELD_DEFINITION | OBJECT | SCHEMA | ARGUMENT_DEFINITION\n"
     "directive @r repeatable on FIELD_DEFINITION | OBJECT\n"
     "type Query @d @r @r { a(x: Int @d @d): Int @d @deprecated @d @deprecated @r @r }\n"
     "extend type Query @d @r\nextend type Query @d\n"
     "schema @d { query: Query } extend schema @d"),
    ("sdl/possible_type_extensions",
     "type Query { a: Int } type Object { a: Int } scalar Scalar interface Iface { a: Int }\n"
     "union Union = Query enum Enum { A } input Input { a: Int }\n"
     "extend interface Object { b: Int } extend type Scalar @deprecated\n"
     "extend union Iface = Query extend enum Union { B } extend input Enum { b: Int }\n"
     "extend scalar Input @specifiedBy(url: \"x\")"),
    ("sdl/possible_type_extensions/undefined",
     "type Query { a: Int } type Person { a: Int }\n"
     "extend type Persn { b: Int }\nextend scalar String @specifiedBy(url: \"x\")\n"
     "extend type Unknown { c: Int }"),
    ("sdl/known_argument_names_on_directives",
     "directive @d(alpha: Int, beta: Int) on FIELD_DEFINITION\n"
     "type Query { a: Int @deprecated(reson: \"x\") b: Int @d(alpa: 1, beta: 2, gamma: 3) "
     "c: Int @unknown(x: 1) }"),
    ("sdl/unique_argument_names",
     "directive @d(a: Int, b: Int) on FIELD_DEFINITION | FIELD\n"
     "type Query { a: Int @d(a: 1, b: 2, a: 3, a: 4, b: 5) }\n"
     "query { a(x: 1, x: 2) @d(b: 1, b: 1) }"),
    ("sdl/unique_input_field_names",
     "input In { a: Int b: In2 }\ninput In2 { x: Int }\n"
     "type Query { f(arg: In = { a: 1, b: { x: 1, x: 2 }, a: 3 }): Int }\n"
     "directive @d(v: In) on FIELD_DEFINITION\n"
     "extend type Query { g: Int @d(v: { a: 1, a: 2, a: 3 }) }"),
    ("sdl/provided_required_arguments_on_directives",
     "directive @d(a: Int!, b: String! = \"x\", c: [Int!]!, d: Int) on FIELD_DEFINITION | SCALAR\n"
     "type Query { a: Int @d b: Int @d(a: 1) c: Int @include }\n"
     "scalar S @specifiedBy scalar T @d(c: [1])"),
    ("sdl/order_on_one_node",
     "schema { query: Query } schema { query: Query }\n"
     "type Query @unknown(a: 1, a: 2) @deprecated @deprecated { a: Int }\n"
     "type Query { b: Foo }\nextend type Missing { c: Int }"),
    ("sdl/multiple_documents",
     ["type Query { a: Int }\ntype A { a: Int }", "type A { b: Int }\nextend type Missng { c: Int }"]),
    ("sdl/redefined_builtin_directive",
     "directive @deprecated(why: String) repeatable on OBJECT\n"
     "type Query @deprecated(why: \"x\") @deprecated { a: Int @deprecated }"),

    # ---- validate_schema ------------------------------------------------
    ("schema/root/query_missing", "type Foo { a: Int }"),
    ("schema/root/query_missing_with_schema",
     "schema { mutation: Mutation }\ntype Mutation { a: Int }"),
    ("schema/root/not_objects",
     "scalar Query\ninput Mutation { a: Int }\nunion Subscription = O\ntype O { a: Int }"),
    ("schema/root/not_objects_by_schema",
     "schema { query: S mutation: E subscription: I }\n"
     "scalar S enum E { A } interface I { a: Int }"),
    ("schema/root/by_extension",
     "type Query { a: Int }\nextend schema { mutation: E }\nextend schema { subscription: S }\n"
     "enum E { A } scalar S"),
    ("schema/root/builtin", "schema { query: String }"),
    ("schema/root/default_names_win_over_extension",
     "type Query { a: Int } type Mutation { a: Int } type M { a: Int }\n"
     "extend schema { mutation: M subscription: M }"),
    ("schema/names",
     "type __Query { a: Int }\ntype Query { __a(__b: Int): Int }\n"
     "enum E { __X Y }\ninput __In { __f: Int }\ninterface __I { a: Int }\n"
     "directive @__d(__a: Int) on FIELD"),
    ("schema/directives/arguments",
     "directive @d(a: Query, b: [Query!], c: Int! @deprecated, d: Int! = 1 @deprecated,\n"
     "  e: Int! = \"x\" @deprecated(reason: \"r\")) on FIELD\ntype Query { a: Int }"),
    ("schema/fields/none",
     "type Query\ninterface I\nextend interface I @x\n"
     "directive @x repeatable on OBJECT | INTERFACE\ntype O extend type O @x\nextend type O @x"),
    ("schema/fields/types",
     "type Query { a: In b: [In!] c(x: Query, y: [[U]!], z: In): Int d(w: Int! @deprecated): Int }\n"
     "input In { a: Int } union U = Query\n"
     "interface I { f(a: Int! = null @deprecated, b: Int! = 1 @deprecated): Int }"),
    ("schema/interfaces/not_interface",
     "type Query implements Query & U & S { a: Int }\nunion U = Query\nscalar S\n"
     "extend type Query implements In\ninput In { a: Int }"),
    ("schema/interfaces/self_and_repeats",
     "type Query { a: Int }\ninterface I implements I { a: Int }\n"
     "type O implements J & J { a: Int } extend type O implements J\ninterface J { a: Int }"),
    ("schema/interfaces/fields",
     "type Query { a: Int }\n"
     "interface I { a: Int b: String c(x: Int): Int d(x: Int, y: [Int]): Int e: I f: [I] g: I! }\n"
     "type O implements I { b: Int c: Int d(x: String, y: [Int!]): Int e: O f: [O!]! g: I\n"
     "  h(z: Int!): Int }\n"
     "type P implements I { a: Int! b: String c(x: Int, extra: Int, req: Int!, def: Int! = 1): Int\n"
     "  d(x: Int, y: [Int]): Int e: I f: [I] g: P! }\n"
     "extend type O @x\ndirective @x on OBJECT"),
    ("schema/interfaces/covariance",
     "type Query { a: Int }\ninterface Node { id: ID }\ninterface Named implements Node { id: ID name: String }\n"
     "union U = A | B\ntype A implements Node & Named { id: ID! name: String }\ntype B { a: Int }\n"
     "interface I { n: Node u: U l: [Node] }\n"
     "type X implements I { n: Named u: A l: [A!]! }\n"
     "type Y implements I { n: B u: Query l: Named }"),
    ("schema/interfaces/ancestors",
     "type Query { a: Int }\ninterface A { a: Int }\ninterface B implements A { a: Int }\n"
     "interface C implements B & A { a: Int }\ntype T implements C { a: Int }\n"
     "type U implements C & B { a: Int }\nextend type U implements Z\ninterface Z implements C { a: Int }"),
    ("schema/interfaces/circular",
     "type Query { a: Int }\ninterface I implements J { a: Int }\ninterface J implements I { a: Int }"),
    ("schema/unions",
     "type Query { a: Int }\nunion Empty\nunion U = Query | I | S | Query | In\n"
     "extend union U = Query | E\ninterface I { a: Int } scalar S input In { a: Int } enum E { A }\n"
     "union V\nextend union V @x\ndirective @x on UNION"),
    ("schema/enums",
     "type Query { a: Int }\nenum Empty\nenum E { A __B }\nextend enum E { __C }"),
    ("schema/inputs",
     "type Query { a: Int }\ninput Empty\ninput In { a: Query b: [U] c: Int! @deprecated\n"
     "  d: Int! = 1 @deprecated e: [Int]! @deprecated(reason: null) }\nunion U = Query"),
    ("schema/inputs/one_of",
     "type Query { a(x: One): Int }\n"
     "input One @oneOf { a: Int! b: Int = 1 c: String d: Int = null e: Int = \"bad\" f: [Int]! }\n"
     "input NotOne { a: Int! b: Int = 1 }\nextend input NotOne @oneOf"),
    ("schema/inputs/cycles",
     "type Query { a(x: A, s: Self): Int }\ninput Self { self: Self! ok: Self }\n"
     "input A { b: B! ok: [A!]! }\ninput B { c: C! a2: A }\ninput C { a: A! b: B! }"),
    ("schema/order",
     "interface I { a: Int }\ntype Query implements I { b: Int }\n"
     "directive @__x on FIELD\nenum E\nschema { query: S }\nscalar S"),
    ("schema/located_at_description",
     '"""desc"""\ntype Query\n"d" enum E\n"""\nblock\n"""\ninput In'),
    ("schema/multiple_documents",
     ["type Query implements I { a: Int }", "interface I { a: String }\nextend type Query implements I"]),

    # ---- build (graphql-core raises while building) ---------------------
    ("build/deprecated_reason_on_field", "type Query { a: Int @deprecated(reason: 1) }"),
    ("build/deprecated_reason_on_argument",
     "type Query { a(x: Int @deprecated(reason: [\"x\"])): Int }"),
    ("build/deprecated_reason_on_interface_field",
     "type Query { a: Int }\ninterface I { b: Int @deprecated(reason: { a: 1 }) }"),
    ("build/deprecated_reason_on_enum_value",
     "type Query { a: E }\nenum E { A @deprecated(reason: A) }"),
    ("build/deprecated_reason_on_input_field",
     "type Query { a(x: In): Int }\ninput In { a: Int @deprecated(reason: true) }"),
    ("build/deprecated_reason_on_directive_argument",
     "type Query { a: Int }\ndirective @d(a: Int @deprecated(reason: 1.5)) on FIELD"),
    ("build/specified_by_url_not_string",
     "type Query { a: S }\nscalar S @specifiedBy(url: 1)"),
    ("build/specified_by_url_null",
     "type Query { a: S }\nscalar S @specifiedBy(url: null)"),
    # Several: graftql reports them all, in graphql-core's order (the first
    # is the one graphql-core raises, the others as met once each earlier one
    # is fixed): enum values, @specifiedBy urls and directive arguments are
    # built eagerly, field maps lazily (in type map order, or earlier when a
    # default value of an input object type is coerced: the prefixes chain).
    ("build/several/directive_argument_first",
     "type Query { a: Int @deprecated(reason: 1) }\n"
     "directive @d(x: Int @deprecated(reason: 2)) on FIELD"),
    ("build/several/enum_value_first",
     "type Query { a: Int @deprecated(reason: 1) }\nenum E { A @deprecated(reason: 2) }"),
    ("build/several/specified_by_first",
     "type Query { a: S @deprecated(reason: 1) }\ninterface I { b: Int @deprecated(reason: 2) }\n"
     "scalar S @specifiedBy(url: 3)\nenum E { A @deprecated(reason: 4) B }\n"
     "scalar T @specifiedBy(url: [\"x\"])\nextend enum E { C @deprecated(reason: 5) }"),
    ("build/several/type_map_order",
     "input In { x: Int @deprecated(reason: 1) }\n"
     "type Query { a(x: Int @deprecated(reason: 2)): Int @deprecated(reason: 3) }\n"
     "interface I { b: Int @deprecated(reason: 4) }\nextend type Query { c: Int @deprecated(reason: 5) }"),
    ("build/several/specified_by_null_url",
     "type Query { a: Int @deprecated(reason: 1) }\nscalar S @specifiedBy(url: null)\n"
     "directive @d(x: Int @deprecated(reason: 2)) on FIELD"),
    ("build/default/prefix_chain",
     "type Query { f(a: In = {}): Int }\ninput In { x: Int @deprecated(reason: 1) }"),
    ("build/default/input_defined_first",
     "input In { x: Int @deprecated(reason: 1) }\ntype Query { f(a: In = {}): Int }"),
    ("build/default/nested",
     "type Query { f(a: A = { b: { c: {} } }): Int }\ninput A { b: B }\n"
     "input B { c: C x: Int @deprecated(reason: 1) }\ninput C { y: Int @deprecated(reason: 2) }"),
    ("build/default/chain_through_input_defaults",
     "type Query { f(a: A = {}): Int }\ninput A { b: B = {} z: Int @deprecated(reason: 3) }\n"
     "input B { c: C = {} y: Int @deprecated(reason: 2) }\ninput C { x: Int @deprecated(reason: 1) }"),
    ("build/default/list_of_inputs",
     "type Query { f(a: [In] = [{}, { y: {} }]): Int @deprecated(reason: 3) g: Int @deprecated(reason: 4) }\n"
     "input In { x: Int @deprecated(reason: 1) y: In2 }\ninput In2 { z: Int @deprecated(reason: 2) }\n"
     "scalar S @specifiedBy(url: 5)"),
    ("build/default/single_item_list",
     "type Query { f(a: [[In!]] = {}): Int }\ninput In { x: Int @deprecated(reason: 1) }"),
    ("build/default/undefined_stops_coercion",
     "type Query { f(a: A = { n: \"no\", b: {} }, c: C = 1): Int }\ninput A { n: Int b: B }\n"
     "input B { x: Int @deprecated(reason: 1) }\ninput C { y: Int @deprecated(reason: 2) }"),
    ("build/default/missing_non_null_stops_coercion",
     "type Query { f(a: A = { b: {} }): Int }\ninput A { m: Int! b: B }\n"
     "input B { x: Int @deprecated(reason: 1) }"),
    ("build/default/directive_argument",
     "directive @d(x: In = {}) on FIELD\ntype Query { a: Int @deprecated(reason: 1) }\n"
     "input In { x: Int @deprecated(reason: 2) }"),
    ("build/default/interface_and_object",
     "type Query implements I { f(a: In = {}): Int }\n"
     "interface I { f(a: In = { x: 1 }): Int @deprecated(reason: 2) }\n"
     "input In { x: Int @deprecated(reason: 1) }"),
    ("build/default/already_resolved",
     "type Query { f(a: In = {}): Int g(b: In = {}): Int @deprecated(reason: 2) }\n"
     "type Other { h(c: In = {}): Int @deprecated(reason: 3) }\n"
     "input In { x: Int @deprecated(reason: 1) }"),
    ("build/default/multiple_documents",
     ["type Query { f(a: In = {}): Int }", "input In { x: Int @deprecated(reason: 1) }",
      "extend input In { y: Int @deprecated(reason: 2) }\nenum E { A @deprecated(reason: 3) }"]),

    # ---- valid schemas: type map order and contents --------------------
    ("ok/minimal", "type Query { a: Int }"),
    ("ok/everything",
     '"""\nThe schema.\n"""\nschema @tag { query: Query mutation: Mutation }\n'
     '"A query" type Query implements Node & Named {\n'
     '  "the id" id: ID! name(format: String = "short" @deprecated(reason: "use style"),\n'
     '    style: Style = FULL): String @deprecated(reason: "Use `label`.")\n'
     '  search(filter: Filter = { term: "x", limit: 10 }, first: Int = 2147483648): [Result!]!\n'
     '  old: Int @deprecated\n  kept: Int @deprecated(reason: null)\n}\n'
     'interface Node { id: ID! }\ninterface Named implements Node { id: ID! name: String }\n'
     'union Result = Query | Other\ntype Other { x: Float }\n'
     'enum Style { "full" FULL SHORT @deprecated }\n'
     'input Filter { term: String! limit: Int = 5 "deprecated input" legacy: Boolean @deprecated }\n'
     'input Pick @oneOf { id: ID name: String }\n'
     'scalar Date @specifiedBy(url: "https://example.com/date")\n'
     'type Mutation { pick(by: Pick): Date }\n'
     '"""A directive"""\ndirective @cached(ttl: Int = 60, scope: Style) repeatable '
     'on FIELD_DEFINITION | OBJECT | QUERY\n'
     'extend type Other @cached { y: Int }\nextend type Query @cached(ttl: 1)\n'
     'extend enum Style { COMPACT }\nextend input Filter { after: Date }\n'
     'extend union Result = Extra\ntype Extra { e: Boolean }\n'
     'extend scalar Date @tag\nextend interface Node @tag\n'
     'extend schema { subscription: Sub }\ntype Sub { s: Int }\n'
     'directive @tag on SCHEMA | SCALAR | INTERFACE'),
    ("ok/builtin_redefinitions",
     "type Query { a: String b: MyScalar }\nscalar MyScalar\nscalar String\n"
     "extend scalar String @specifiedBy(url: \"ignored\")\n"
     "directive @include(if: Boolean!, extra: Float) on FIELD\n"
     "directive @custom(a: ID) on FIELD"),
    ("ok/introspection_reference", "type Query { t: __Type d: __Directive }"),
    ("ok/directive_argument_types",
     "directive @d(a: Float, b: In) on FIELD\ninput In { x: ID }\ntype Query { a: Int }"),
    ("ok/default_values",
     "enum E { A B }\ninput In { a: Int! b: E = B c: [Int] = 1 }\n"
     "input One @oneOf { x: Int y: String }\n"
     "type Query { f(\n  a: Int = -2147483648 b: Int = 2147483648 c: Float = 1 d: Float = 1e400\n"
     "  e: ID = 12 f: ID = 1.5 g: E = A h: E = C i: E = \"A\" j: In = { a: 1 } k: In = { b: A }\n"
     "  l: [In!] = [{ a: 1 }, { a: 2, c: [1, 2] }] m: [[Int]] = [[1], 2] n: Boolean = null\n"
     "  o: Boolean! = null p: One = { x: 1 } q: One = { x: 1, y: \"a\" } r: One = { x: null }\n"
     "  s: One = {} t: String = \"\"\"block\"\"\" u: In = { a: 1, zz: 2 } v: Custom = { any: [ENUM, 1.5, null] }\n"
     "): Int }\nscalar Custom"),
    ("ok/default_chain",
     "input A { b: B = {} }\ninput B { c: C = {} x: Int! = 1 }\ninput C { a: A = {} }\n"
     "type Query { f(a: A = {}): Int }"),
    ("ok/descriptions",
     '"""\n  Block\n    indented\n\n  text\n"""\ntype Query {\n'
     '  "line \\"quoted\\" \\u00e9 \\t tab" a("arg" x: Int): Int\n}\n'
     '"" scalar Empty\n"\\u0000 nul" enum E { "v" A }\n'
     '"d" directive @d("a" a: Int) on FIELD'),
    ("ok/multiple_documents",
     ["type Query { a: A }", "type A { x: Int }\nextend type Query { b: B }",
      "type B { y: String }\nextend type A { z: Float }"]),
    ("ok/schema_definition_names",
     "schema { query: Root subscription: Events }\ntype Root { a: Int }\ntype Events { e: Int }\n"
     "type Query { unused: Int }\ntype Mutation { unused: Int }"),
    ("ok/schema_description",
     "\"first\" schema { query: Query }\ntype Query { a: Int }"),
    ("ok/interfaces_order",
     "interface B implements A { a: Int }\ninterface A { a: Int }\n"
     "type Query implements B & A { a: Int }\ntype Other implements A { a: Int }\n"
     "type Third implements B & A { a: Int }"),

    # ---- assume_valid_sdl: the build keeps graphql-core's dict semantics --
    ("assume_valid_sdl/repeated_names",
     "type Query { a: Int a: String }\ntype Query { b: Int }\nenum E { A A }\n"
     "input In { x: Int x: Float }\ntype T { f(a: Int, a: String): Int }",
     {"assume_valid_sdl": True}),
]
