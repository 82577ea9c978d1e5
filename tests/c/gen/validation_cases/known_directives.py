"""KnownDirectivesRule in executable documents: every directive is defined
(by the schema or by the document itself) and used at one of its locations,
computed as graphql-core's get_directive_location_for_ast_path does for
each executable location (QUERY, MUTATION, SUBSCRIPTION, FIELD,
FRAGMENT_DEFINITION, FRAGMENT_SPREAD, INLINE_FRAGMENT, VARIABLE_DEFINITION).
Shop directives: @cached on FIELD | QUERY, @log on QUERY | MUTATION |
SUBSCRIPTION | FIELD, @tag on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT |
FRAGMENT_DEFINITION (repeatable), @onVariable on VARIABLE_DEFINITION."""
RULE = "KnownDirectivesRule"

CASES = [
    ("no directives", "{ me { id } }"),
    ("the specified directives on fields and fragments",
     "{ me @include(if: true) { id @skip(if: false) ... on User @skip(if: true) { email } ...F @include(if: false) } }\n"
     "fragment F on User { role }"),
    ("an unknown directive", "{ me @nope { id } }"),
    ("several unknown directives, anywhere",
     "query Q($a: Int @nope1) @nope2 { me @nope3 { ...F @nope4 ... @nope5 { id } } }\n"
     "fragment F on User @nope6 { id }"),
    ("every executable location, well placed",
     'query Q($a: Int @onVariable) @log @cached { me @cached @log @tag(name: "f") { '
     '...F @tag(name: "s") ... on User @tag(name: "i") { id } } }\n'
     'mutation M @log { deleteUser(id: 1) @log }\n'
     'subscription S @log { userOnline @log { id } }\n'
     'fragment F on User @tag(name: "d") { id }'),
    ("every executable location, misplaced",
     'query Q($a: Int @log) @tag(name: "q") { me @onVariable { ...F @cached ... @log { id } } }\n'
     'mutation M @cached { deleteUser(id: 1) @tag(name: "x") }\n'
     'subscription S @cached { userOnline @onVariable { id } }\n'
     'fragment F on User @include(if: true) { id }'),
    ("the specified directives misplaced",
     "query Q @skip(if: true) { me @deprecated { id } ... @specifiedBy(url: \"x\") { me { id } } }\n"
     "fragment F on Query @oneOf { me { id } }"),
    ("an anonymous operation's location is QUERY", "query @cached @log { me { id } }"),
    ("directives on a variable definition",
     "query Q($a: Int @onVariable @cached, $b: String @nope) { me { id } }"),
    ("a directive defined by the document",
     "directive @custom on FIELD | FRAGMENT_SPREAD\n"
     "{ me @custom { ...F @custom ... @custom { id } } }\nfragment F on User { id }"),
    ("a document definition replaces the schema's",
     "directive @cached on MUTATION\n{ me @cached { id } }\nmutation @cached { deleteUser(id: 1) }"),
    ("a directive defined twice by the document: the last counts",
     "directive @custom on FIELD\ndirective @custom(a: Int) on QUERY\n{ me @custom { id } }"),
    ("type system definitions in an executable document",
     'schema @log { query: Query }\nscalar S @skip(if: true)\n'
     'type T @cached { f(a: Int @onVariable): Int @log }\n'
     'input I @tag(name: "x") { f: Int @include(if: true) }\n'
     'enum E @nope { A @deprecated }\nextend type T @log\n'
     'directive @d(a: Int @deprecated) on FIELD'),
    ("directives of other schemas", "{ hello @cached }\nquery Q @skip(if: true) { ping }",
     {"schema": 1}),
]
