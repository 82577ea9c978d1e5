"""MaxIntrospectionDepthRule: introspection list fields nest fewer than 3
deep below __schema or __type, through fragments too."""
RULE = "MaxIntrospectionDepthRule"

CASES = [
    ("the standard shape",
     "{ __schema { types { name fields { name type { name ofType { name } } } } } }"),
    ("two list levels", "{ __schema { types { fields { type { fields { name } } } } } }"),
    ("three list levels",
     "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"),
    ("three levels of interfaces and possible types",
     "{ __type(name: \"Node\") { interfaces { possibleTypes { interfaces { name } } } } }"),
    ("three levels of input fields",
     "{ __type(name: \"BookFilter\") { inputFields { type { inputFields { type"
     " { inputFields { name } } } } } } }"),
    ("aliases count", "{ a: __schema { t: types { f: fields { t: type { f: fields {"
     " t: type { f: fields { name } } } } } } } }"),
    ("through fragments",
     """{ __schema { types { ...F } } }
fragment F on __Type { fields { type { ...G } } }
fragment G on __Type { fields { type { fields { name } } } }
"""),
    ("through fragments within the limit",
     """{ __schema { types { ...F } } }
fragment F on __Type { fields { type { name } } }
"""),
    ("through inline fragments",
     "{ __type(name: \"User\") { ... on __Type { fields { type { ... { fields {"
     " type { fields { name } } } } } } } } }"),
    ("a fragment cycle",
     """{ __schema { types { ...F } } }
fragment F on __Type { fields { type { ...F } } }
"""),
    ("a fragment reached at two depths",
     """{ __schema { types { ...F } queryType { ...F } } }
fragment F on __Type { fields { type { fields { name } } } }
"""),
    ("a fragment used by two roots",
     """{ a: __schema { types { ...F } } b: __type(name: "User") { ...F } }
fragment F on __Type { fields { type { fields { type { name } } } } }
"""),
    ("an unknown fragment", "{ __schema { types { ...Nope } } }"),
    ("nested roots are not checked twice",
     "{ __schema { types { fields { type { fields { type { fields { name } } } } } } }"
     " __type(name: \"A\") { fields { type { fields { name } } } } }"),
    ("list fields outside introspection",
     "{ me { friends { friends { friends { friends { id } } } } } }"),
    ("fields named like list fields outside introspection",
     "{ __typename }\nfragment F on User { fields: friends { interfaces: friends {"
     " possibleTypes: friends { id } } } }"),
]
