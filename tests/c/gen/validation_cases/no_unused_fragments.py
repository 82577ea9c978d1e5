"""NoUnusedFragmentsRule: every fragment is spread by some operation."""
RULE = "NoUnusedFragmentsRule"

CASES = [
    ("all fragments used",
     """{ me { ...A } }
fragment A on User { id ...B }
fragment B on User { bestFriend { ...C } }
fragment C on User { email }
"""),
    ("all fragments used by several operations",
     """query One { me { ...A } }
query Two { me { ...B } }
fragment A on User { id }
fragment B on User { email }
"""),
    ("fragments used before or after their definition",
     "fragment A on User { id ...B }\n{ me { ...A } }\nfragment B on User { email }"),
    ("unused fragments",
     """query One { me { ...A } }
fragment A on User { id }
fragment Unused1 on User { email }
fragment B on User { role }
fragment Unused2 on Book { title }
"""),
    ("unused fragments that spread each other",
     """{ me { ...A } }
fragment A on User { id }
fragment X on User { ...Y }
fragment Y on User { ...X ...Z }
fragment Z on User { id }
"""),
    ("an unknown fragment spread", "{ me { ...Nope } }\nfragment Unused on User { id }"),
    ("no operations", "fragment A on User { ...B }\nfragment B on User { id }"),
    ("a fragment defined twice",
     "{ me { ...A } }\nfragment A on User { id }\nfragment A on User { email }"),
    ("fragments in inline fragments and fields",
     """{ node(id: 1) { ... on User { bestFriend { ...A } } } }
fragment A on User { ... on User { ...B } }
fragment B on User { id }
fragment C on User { id }
"""),
]
