"""UniqueDirectivesPerLocationRule in executable documents: a directive
that is not repeatable is used once per location (unknown directives are
not counted); @tag is repeatable, the others of the shop are not."""
RULE = "UniqueDirectivesPerLocationRule"

CASES = [
    ("no directives", "{ me { id } }"),
    ("unique directives at each location",
     "query Q @log @cached { me @log @cached { id } }"),
    ("a repeatable directive used several times",
     '{ me @tag(name: "a") @tag(name: "b") { ...F @tag(name: "c") @tag(name: "d") } }\n'
     'fragment F on User @tag(name: "e") @tag(name: "f") { id }'),
    ("the same directive at different locations",
     "query Q @log { me @log { id @log } }"),
    ("the same directive at similar locations",
     "{ me @cached { id } me @cached { email } ...F @include(if: true) ...F @include(if: true) }\n"
     "fragment F on Query { me { id } }"),
    ("a directive repeated on a field", "{ me @cached @cached { id } }"),
    ("a directive used three times", "{ me @cached @cached @cached { id } }"),
    ("several directives repeated",
     "{ me @cached @log @cached @log { id } }"),
    ("different directives repeated",
     "{ me @skip(if: true) @cached @skip(if: false) @include(if: true) @cached @include(if: false) { id } }"),
    ("repeated on every executable location",
     "query Q($a: Int @onVariable @onVariable) @log @log { me { ...F @skip(if: true) @skip(if: true) "
     "... @include(if: true) @include(if: true) { id } } }\n"
     "mutation M @log @log { deleteUser(id: 1) }\n"
     "subscription S @log @log { userOnline { id } }\n"
     "fragment F on User @skip(if: true) @skip(if: true) { id }"),
    ("unknown directives are not counted", "{ me @nope @nope { id } }"),
    ("directives defined by the document",
     "directive @once on FIELD\ndirective @many repeatable on FIELD\n"
     "{ me @once @once @many @many { id } }"),
    ("a document definition makes a schema directive repeatable",
     "directive @cached repeatable on FIELD\n{ me @cached @cached { id } }"),
    ("a type and its extensions are one location",
     "type T @log { a: Int }\nextend type T @log\nschema @log { query: Query }\nextend schema @log"),
]
