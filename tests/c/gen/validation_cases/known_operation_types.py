"""KnownOperationTypesRule (September 2025, graphql-js 17): the schema has a
root type for every operation's type. Schema 1 has only a query root (named
Root); schema 2 has all three under other names."""
RULE = "KnownOperationTypesRule"

Q = {"schema": 1}

CASES = [
    ("a query", "{ hello }", Q),
    ("a named query", "query Q { hello }", Q),
    ("a mutation without a mutation root", "mutation { hello }", Q),
    ("a subscription without a subscription root", "subscription S { hello }", Q),
    ("known and unknown operations together",
     "query A { hello }\nmutation B { hello }\nsubscription C { hello }\nmutation { x }", Q),
    ("an operation with directives and variables",
     "mutation M($a: Int) @skip(if: true) { hello }", Q),
    ("roots of other names", "query { ping } mutation M { ping } subscription S { tick }",
     {"schema": 2}),
    ("every root of the shop",
     "query Q { me { id } } mutation M { deleteUser(id: 1) } subscription S { userOnline { id } }"),
    ("fragments are not operations", "fragment F on Root { hello }", Q),
]
