"""LoneAnonymousOperationRule: an anonymous operation stands alone."""
RULE = "LoneAnonymousOperationRule"

CASES = [
    ("no operations", "fragment F on User { id }"),
    ("one anonymous operation", "{ me { id } }"),
    ("several named operations",
     "query A { me { id } }\nquery B { me { id } }"),
    ("an anonymous operation with a fragment",
     "{ me { ...F } }\nfragment F on User { id }"),
    ("two anonymous operations", "{ me { id } }\n{ me { email } }"),
    ("an anonymous operation and a mutation",
     "{ me { id } }\nmutation Del { deleteUser(id: 1) }"),
    ("an anonymous operation and a subscription",
     "{ me { id } }\nsubscription Sub { userOnline { id } }"),
    ("an anonymous mutation among named queries",
     "query A { me { id } }\nmutation { deleteUser(id: 1) }\nquery B { me { id } }"),
]
