"""UniqueOperationNamesRule: operation names are unique in a document."""
RULE = "UniqueOperationNamesRule"

CASES = [
    ("no operations", "fragment F on User { id }"),
    ("one anonymous operation", "{ me { id } }"),
    ("one named operation", "query Me { me { id } }"),
    ("operations with different names",
     "query A { me { id } }\nquery B { me { email } }"),
    ("operations of each type with different names",
     "query A { me { id } }\nmutation B { deleteUser(id: 1) }\n"
     "subscription C { userOnline { id } }"),
    ("a fragment and an operation with the same name",
     "query Me { me { ...Me } }\nfragment Me on User { id }"),
    ("two queries with the same name",
     "query Me { me { id } }\nquery Me { me { email } }"),
    ("a query and a mutation with the same name",
     "query Twin { me { id } }\nmutation Twin { deleteUser(id: 1) }"),
    ("a query and a subscription with the same name",
     "query Twin { me { id } }\nsubscription Twin { userOnline { id } }"),
    ("three operations with the same name",
     "query T { me { id } }\nquery T { me { id } }\nquery T { me { id } }"),
    ("two repeated names interleaved",
     "query A { me { id } }\nquery B { me { id } }\n"
     "query A { me { id } }\nquery B { me { id } }"),
]
