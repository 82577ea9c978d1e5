"""UniqueArgumentNamesRule in executable documents: a field or directive is
given each argument once (known or not: the rule does not read the
schema)."""
RULE = "UniqueArgumentNamesRule"

CASES = [
    ("no arguments", "{ echo @skip(if: false) }"),
    ("one argument on a field and on a directive",
     '{ echo(text: "a") @skip(if: false) }'),
    ("the same argument on two fields",
     '{ echo(text: "a") other: echo(text: "b") }'),
    ("the same argument on a field and its directive",
     '{ echo(text: "a") @log(level: "x") me @include(if: true) { id } }'),
    ("the same argument on two directives",
     "{ me @include(if: true) @skip(if: false) { id } }"),
    ("several arguments", '{ echo(text: "a", times: 2, loud: true) }'),
    ("an argument given twice on a field", '{ echo(text: "a", text: "b") }'),
    ("an argument given three times", '{ echo(text: "a", text: "b", text: "c") }'),
    ("several arguments given twice, in order of first use",
     '{ echo(times: 1, text: "a", loud: true, text: "b", times: 2) }'),
    ("an argument given twice on a directive",
     "{ me @include(if: true, if: false) { id } }"),
    ("arguments of unknown fields and directives",
     "{ nope(a: 1, a: 2) @nope(b: 1, b: 2) }"),
    ("arguments in fragments, variables' directives and nested fields",
     "query Q($v: Int @nope(x: 1, x: 2)) { me { friends(first: 1, first: 2) { id } ...F } }\n"
     "fragment F on User @tag(name: \"a\", name: \"b\") { avatar(size: 1, size: 2) { url } }"),
]
