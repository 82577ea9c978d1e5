"""NoUnusedVariablesRule: an operation uses, itself or through fragments,
the variables it defines."""
RULE = "NoUnusedVariablesRule"

CASES = [
    ("all variables used",
     "query Q($a: String, $b: Int) { echo(text: $a, times: $b) }"),
    ("all variables used in fragments",
     """query Q($a: String, $b: Int) { ...F }
fragment F on Query { echo(text: $a) ...G }
fragment G on Query { users(first: $b) { id } }
"""),
    ("variables used in directives and input objects",
     "query Q($c: Boolean!, $g: Genre) { me @skip(if: $c) { id } books(filter: {genre: $g}) { id } }"),
    ("an unused variable", "query Q($a: String, $b: Int) { echo(text: $a) }"),
    ("an unused variable, anonymous", "query ($a: String) { me { id } }"),
    ("several unused variables",
     "query Q($a: String, $b: Int, $c: Boolean) { echo(times: $b) }"),
    ("a variable used only in a default value is unused",
     "query Q($a: String, $b: String = \"x\") { me { id } }"),
    ("a variable used by a fragment of another operation",
     """query One($a: String) { ...F }
query Two($a: String, $b: Int) { ...F }
fragment F on Query { echo(text: $a) }
"""),
    ("a fragment defined twice: the last counts",
     """query Q($a: String, $b: Int) { ...F }
fragment F on Query { echo(text: $a) }
fragment F on Query { echo(times: $b) }
"""),
    ("a variable used through a fragment cycle",
     """query Q($a: String, $b: Int) { ...F }
fragment F on Query { echo(text: $a) ...G }
fragment G on Query { ...F }
"""),
]
