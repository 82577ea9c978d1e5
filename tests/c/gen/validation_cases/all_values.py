"""Every specified rule at once on documents where the argument and value
rules report on the same nodes as others: their errors interleave in
graphql-core's order (the rules' order on one node, document order across
nodes, checks made on leaving a node after those inside it)."""
RULE = None

V = {"schema": 3}

CASES = [
    ("unknown, repeated and badly typed arguments of one field",
     '{ echo(txt: "a", txt: 1, loud: null, times: "2") }'),
    ("unknown and missing arguments of a field and its directives",
     '{ int @limit(maxx: 1) @include @limit(max: "y") }', V),
    ("a required argument missing and a value inside wrong",
     '{ multi(b: 1, c: "x") }', V),
    ("variables defined twice and used in the wrong position",
     "query Q($a: Int, $a: String) { nnInt(v: $a) }", V),
    ("bad default values and variable types",
     'query Q($a: Query = 1, $b: Int = "x", $c: [Int!] = [null]) { int(v: $b) ints(v: $c) }', V),
    ("an unsupported operation among others",
     "{ hello }\nmutation { hello(name: 1) }\nsubscription S { hello }", {"schema": 1}),
    ("input objects: unknown, repeated, missing and wrong fields",
     "{ shape(v: {colour: RED, color: 1, color: BLUE, nested: {points: [{x: 1}]}}) }", V),
    ("@oneOf objects with variables",
     "query Q($id: ID, $n: String!) { pick(v: {id: $id, name: $n}) holder(v: {required: {name: $n}}) }", V),
    ("values in fragments and their spreads",
     "query Q($a: Boolean) { ...F @include(if: $a) }\n"
     "fragment F on Query { color(v: red) self { ...G } }\n"
     "fragment G on Query { nnInt(v: $a) }", V),
    ("suggestions hidden everywhere",
     '{ int(vv: 1) color(v: RED_) shape(v: {point: []}) }', {"schema": 3, "hide_suggestions": True}),
    ("max_errors among value errors",
     '{ int(v: "a") float(v: "b") string(v: 1) boolean(v: 2) id(v: 3.0) }',
     {"schema": 3, "max_errors": 3}),
]
