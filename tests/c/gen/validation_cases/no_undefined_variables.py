"""NoUndefinedVariablesRule: an operation defines the variables it and its
fragments use."""
RULE = "NoUndefinedVariablesRule"

CASES = [
    ("all variables defined",
     "query Q($a: String, $b: Int) { echo(text: $a, times: $b) }"),
    ("all variables deeply defined",
     "query Q($a: ID!, $b: Currency) { book(id: $a) { author { books { price(currency: $b) } } } }"),
    ("variables in input objects and lists",
     "query Q($g: Genre, $t: String, $ids: [ID!]!, $id: ID!)"
     " { books(filter: {genre: $g, and: [{title: $t}]}) { id } nodes(ids: [$id, $ids]) { id } }"),
    ("variables in directives",
     "query Q($c: Boolean!, $ttl: Int) @cached(ttl: $ttl) { me @include(if: $c) { id } }"),
    ("variables in fragments",
     """query Q($a: String, $b: Int) { ...F }
fragment F on Query { echo(text: $a) ...G }
fragment G on Query { users(first: $b) { id } }
"""),
    ("a variable in its own default value is not a usage",
     "query Q($a: String = \"x\") { echo(text: $a) }"),
    ("an undefined variable", "query Q($a: String) { echo(text: $a, times: $b) }"),
    ("an undefined variable, anonymous", "{ echo(text: $a) }"),
    ("several undefined variables",
     "query Q($b: Int) { echo(text: $a, times: $b, loud: $c) users(first: $a) { id } }"),
    ("an undefined variable in a fragment",
     """query Q($a: String) { ...F }
fragment F on Query { echo(text: $a, times: $b) }
"""),
    ("an undefined variable in a fragment of two operations",
     """query One($a: String) { ...F }
query Two($b: Int) { ...F }
fragment F on Query { echo(text: $a, times: $b) }
"""),
    ("undefined variables in nested fragments",
     """query One($a: String) { ...F }
fragment F on Query { echo(text: $a) ...G }
fragment G on Query { users(first: $n) { ...H } }
fragment H on User { orders(limit: $m) { id } }
"""),
    ("operations sharing the fragments they reach",
     """query One { ...F }
query Two { ...F }
query Three { ...G }
fragment F on Query { echo(text: $x) ...G }
fragment G on Query { echo(times: $y) }
"""),
    ("an undefined variable in a directive",
     "query Q { me @include(if: $show) { id } }"),
    ("a fragment not spread is not checked", "fragment F on Query { echo(text: $a) }"),
    ("a variable of another operation",
     "query A($a: String) { echo(text: $a) }\nquery B { echo(text: $a) }"),
]
