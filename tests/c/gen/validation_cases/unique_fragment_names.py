"""UniqueFragmentNamesRule: fragment names are unique in a document."""
RULE = "UniqueFragmentNamesRule"

CASES = [
    ("no fragments", "{ me { id } }"),
    ("one fragment", "{ me { ...F } }\nfragment F on User { id }"),
    ("several fragments",
     "{ me { ...A ...B ...C } }\nfragment A on User { id }\n"
     "fragment B on User { email }\nfragment C on User { role }"),
    ("inline fragments are not named fragments",
     "{ me { ... on User { id } ... on User { email } } }"),
    ("a fragment and an operation with the same name",
     "query F { me { ...F } }\nfragment F on User { id }"),
    ("two fragments with the same name",
     "{ me { ...F } }\nfragment F on User { id }\nfragment F on User { email }"),
    ("two fragments with the same name, not spread",
     "fragment F on User { id }\nfragment F on Book { title }"),
    ("three fragments with the same name",
     "fragment F on User { id }\nfragment F on User { id }\nfragment F on User { id }"),
]
