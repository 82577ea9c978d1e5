"""KnownTypeNamesRule (executable documents): every named type is in the
schema, with suggestions among its types."""
RULE = "KnownTypeNamesRule"

CASES = [
    ("known types",
     """query Q($role: Role, $ids: [ID!]!, $filter: BookFilter) {
  me { ...F ... on User { id } }
}
fragment F on Entity { id }
"""),
    ("unknown types",
     """query Q($var: JumbledUpLetters, $b: [Boook!]) {
  me { ... on Usr { id } ...F }
}
fragment F on Atuhor { id }
"""),
    ("unknown types without suggestions",
     "query Q($var: Boook) { me { ... on Usr { id } } }",
     {"hide_suggestions": True}),
    ("a specified scalar the schema lacks",
     "query Q($id: ID, $n: Float) { hello }", {"schema": 1}),
    ("a specified scalar the schema has", "query Q($n: String) { hello }", {"schema": 1}),
    ("introspection types are known", "query Q($t: __TypeKind) { me { id } }"),
    ("type system definitions in an executable document",
     """{ me { id } }
type Cow implements Nod { a: Strin b: Int c: Usr d: Cow }
extend type Books { x: String }
union U = Cow | Boook
"""),
    ("suggestions among the schema's types",
     "query Q($a: Sting, $b: Int1, $c: Revew, $d: BookFlter) { me { id } }"),
]
