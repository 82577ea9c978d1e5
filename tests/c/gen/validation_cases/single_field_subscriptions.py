"""SingleFieldSubscriptionsRule: a subscription selects one root field, not
an introspection field; root fields are collected through fragments with
@skip and @include evaluated (and graphql-core raises where they cannot be
evaluated without variable values)."""
RULE = "SingleFieldSubscriptionsRule"

CASES = [
    ("one field", "subscription S { reviewAdded { id } }"),
    ("one field through a fragment",
     "subscription S { ...F }\nfragment F on Subscription { reviewAdded { id } }"),
    ("one field through an inline fragment",
     "subscription S { ... on Subscription { reviewAdded { id } } }"),
    ("the same field twice is one field",
     "subscription S { reviewAdded { id } reviewAdded { body } }"),
    ("the same field aliased is another field",
     "subscription S { a: reviewAdded { id } b: reviewAdded { id } }"),
    ("more than one field",
     "subscription S { reviewAdded { id } userOnline { id } orderUpdated(orderId: 1) { id } }"),
    ("more than one field, anonymous",
     "subscription { reviewAdded { id } userOnline { id } }"),
    ("extra fields repeated",
     "subscription S { reviewAdded { id } userOnline { id } userOnline { email } }"),
    ("more than one field through fragments",
     """subscription S { ...A ...B }
fragment A on Subscription { reviewAdded { id } }
fragment B on Subscription { userOnline { id } }
"""),
    ("more than one field through an inline fragment",
     "subscription S { reviewAdded { id } ... on Subscription { userOnline { id } } }"),
    ("a fragment spread twice counts once",
     "subscription S { ...A ...A }\nfragment A on Subscription { reviewAdded { id } }"),
    ("fragment cycles end",
     """subscription S { ...A }
fragment A on Subscription { reviewAdded { id } ...B }
fragment B on Subscription { userOnline { id } ...A }
"""),
    ("an unknown fragment is ignored",
     "subscription S { reviewAdded { id } ...Missing }"),
    ("a fragment on another type is not collected",
     """subscription S { reviewAdded { id } ...Q ... on Query { me { id } } }
fragment Q on Query { me { id } }
"""),
    ("a fragment on an unknown type is not collected",
     "subscription S { reviewAdded { id } ... on Nope { userOnline { id } } }"),
    ("@skip(if: true) leaves a field out",
     "subscription S { reviewAdded { id } userOnline @skip(if: true) { id } }"),
    ("@skip(if: false) keeps a field",
     "subscription S { reviewAdded { id } userOnline @skip(if: false) { id } }"),
    ("@include(if: false) leaves a fragment out",
     """subscription S { reviewAdded { id } ...F @include(if: false) }
fragment F on Subscription { userOnline { id } }
"""),
    ("@include(if: true) keeps an inline fragment",
     "subscription S { reviewAdded { id } ... @include(if: true) { userOnline { id } } }"),
    ("a skipped fragment spread can be spread again",
     """subscription S { ...F @skip(if: true) reviewAdded { id } ...F }
fragment F on Subscription { userOnline { id } }
"""),
    ("@skip with a variable raises",
     "subscription S($no: Boolean!) { reviewAdded { id } userOnline @skip(if: $no) { id } }"),
    ("@include with a variable raises, earlier errors dropped",
     "subscription S($yes: Boolean!) { a: userOnline { id } b: userOnline { id }"
     " ... @include(if: $yes) { reviewAdded { id } } }"),
    ("@skip without if raises",
     "subscription S { reviewAdded { id } userOnline @skip { id } }"),
    ("@skip(if: null) raises",
     "subscription S { reviewAdded @skip(if: null) { id } }"),
    ("@include(if: a string) raises",
     'subscription S { reviewAdded @include(if: "yes") { id } }'),
    ("@include(if: a list) raises",
     "subscription S { reviewAdded @include(if: [true, {a: 1}]) { id } }"),
    ("@skip given twice: the first counts",
     "subscription S { reviewAdded { id } userOnline @skip(if: false) @skip(if: true) { id } }"),
    ("an argument given twice: the last counts",
     "subscription S { reviewAdded { id } userOnline @skip(if: false, if: true) { id } }"),
    ("other directives are not evaluated",
     "subscription S { reviewAdded @tag(name: \"x\") @log { id } }"),
    ("an introspection field",
     "subscription S { __typename }"),
    ("an introspection field, anonymous", "subscription { __typename }"),
    ("an introspection field and another field",
     "subscription S { reviewAdded { id } __typename }"),
    ("an introspection field aliased twice",
     "subscription S { a: __typename b: __typename }"),
    ("an aliased introspection field",
     "subscription S { t: __typename t: __typename }"),
    ("__schema in a fragment",
     "subscription S { ...F }\nfragment F on Subscription { __schema { queryType { name } } }"),
    ("queries and mutations are not checked",
     "query Q { me { id } book(id: 1) { id } }\nmutation M { deleteUser(id: 1) setRole(userId: 1, role: ADMIN) { id } }"),
    ("a schema without a subscription type", "subscription S { a b }", {"schema": 1}),
    ("a renamed subscription type",
     "subscription S { tick tock }", {"schema": 2}),
    ("a renamed subscription type through a union",
     "subscription S { ... on Moment { tick } tock }", {"schema": 2}),
    ("an interface the type does not implement",
     "subscription S { ... on Clock { tick } tock }", {"schema": 2}),
    ("two subscriptions",
     "subscription A { reviewAdded { id } userOnline { id } }\n"
     "subscription B { userOnline { id } __typename }"),
]
