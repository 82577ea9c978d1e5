"""NoFragmentCyclesRule: no fragment spreads itself, directly or not."""
RULE = "NoFragmentCyclesRule"

CASES = [
    ("a single reference",
     "fragment A on User { ...B }\nfragment B on User { id }"),
    ("spreading twice", "fragment A on User { ...B ...B }\nfragment B on User { id }"),
    ("spreading twice indirectly",
     "fragment A on User { ...B ...C }\nfragment B on User { ...C }\nfragment C on User { id }"),
    ("spreading twice within abstract types",
     """fragment A on Node { ... on User { ...B } ... on Book { ...B } }
fragment B on Node { id }
"""),
    ("an unknown fragment", "fragment A on User { ...Nope }"),
    ("spreading itself", "fragment A on User { ...A }"),
    ("spreading itself in an inline fragment",
     "fragment A on User { ... on User { bestFriend { ...A } } }"),
    ("spreading each other",
     "fragment A on User { ...B }\nfragment B on User { ...A }"),
    ("spreading each other, defined in reverse",
     "fragment B on User { ...A }\nfragment A on User { ...B }"),
    ("spreading each other in inline fragments",
     """fragment A on Node { ... on User { ...B } }
fragment B on Node { ... on User { ...A } }
"""),
    ("spreading itself deeply",
     """fragment A on User { ...B }
fragment B on User { ...C }
fragment C on User { ...O }
fragment X on User { ...Y }
fragment Y on User { ...Z }
fragment Z on User { ...O }
fragment O on User { ...P }
fragment P on User { ...A ...X }
"""),
    ("spreading itself deeply along two paths",
     "fragment A on User { ...B ...C }\nfragment B on User { ...A }\nfragment C on User { ...A }"),
    ("spreading itself deeply along two paths, another fragment first",
     """fragment A on User { ...C }
fragment B on User { ...C }
fragment C on User { ...A ...B }
"""),
    ("spreading itself deeply along two paths, later",
     """fragment A on User { ...B }
fragment B on User { ...C }
fragment C on User { ...A ...B }
"""),
    ("spreading itself and another", "fragment A on User { ...A ...B }\nfragment B on User { ...B }"),
    ("a cycle reached from an operation",
     "{ me { ...A } }\nfragment A on User { bestFriend { ...B } }\nfragment B on User { ...A }"),
    ("a long chain ending in a cycle",
     "\n".join(f"fragment F{i} on User {{ ...F{i + 1} }}" for i in range(30))
     + "\nfragment F30 on User { ...F25 }"),
    ("a fragment defined twice",
     "fragment A on User { ...A }\nfragment A on User { id }"),
]
