"""VariablesAreInputTypesRule: variables have input types."""
RULE = "VariablesAreInputTypesRule"

CASES = [
    ("scalars, enums and input objects",
     "query Q($a: String, $b: [Role!], $c: BookFilter!, $d: DateTime, $e: [[ID]]!) { me { id } }"),
    ("an unknown type is not this rule's", "query Q($a: Nope) { me { id } }"),
    ("output types",
     "query Q($a: User, $b: [[Media!]]!, $c: Node, $d: Product!) { me { id } }"),
    ("an introspection output type", "query Q($t: __Type) { me { id } }"),
    ("an introspection enum is an input type", "query Q($k: __TypeKind) { me { id } }"),
    ("in a mutation and a subscription",
     "mutation M($r: Review) { deleteUser(id: 1) }\n"
     "subscription S($o: [Order]) { userOnline { id } }"),
]
