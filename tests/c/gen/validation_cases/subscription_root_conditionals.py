"""The September 2025 specification's ban of @skip and @include at the top
level of a subscription (gql_subscription_root_conditionals, which
SingleFieldSubscriptionsRule calls first; expectations from
sept2025_rules.SubscriptionRootConditionalsRule): the selections of
CollectSubscriptionFields (the operation's, those of inline fragments and
fragments whose type condition applies, each fragment once) carry neither
directive."""
RULE = "SubscriptionRootConditionalsRule"

CASES = [
    ("no directives", "subscription S { reviewAdded { id } }"),
    ("other directives", "subscription S @log { reviewAdded @log { id } }"),
    ("directives below the top level",
     "subscription S($b: Boolean!) { reviewAdded { id @skip(if: $b) body @include(if: true) } }"),
    ("queries and mutations may use them",
     "query Q { me @skip(if: true) { id } }\nmutation M { deleteUser(id: 1) @include(if: false) }"),
    ("@skip on the root field", "subscription S { reviewAdded @skip(if: false) { id } }"),
    ("@include on the root field, anonymous",
     "subscription ($b: Boolean!) { reviewAdded @include(if: $b) { id } }"),
    ("both on several fields, each reported",
     "subscription S($b: Boolean!) { reviewAdded @include(if: $b) { id } "
     "userOnline @skip(if: $b) @include(if: true) { id } orderUpdated(orderId: 1) { id } }"),
    ("a directive repeated", "subscription S { userOnline @skip(if: true) @skip(if: false) { id } }"),
    ("on an inline fragment and inside it",
     "subscription S { ... @skip(if: true) { userOnline @include(if: true) { id } } }"),
    ("inside an inline fragment on the subscription type",
     "subscription S { ... on Subscription { userOnline @skip(if: true) { id } } }"),
    ("an inline fragment whose type does not apply is not looked into",
     "subscription S { userOnline { id } ... on Query { me @skip(if: true) { id } } }"),
    ("on a fragment spread and inside the fragment",
     "subscription S { ...F @include(if: true) }\n"
     "fragment F on Subscription { userOnline @skip(if: true) { id } }"),
    ("a fragment spread twice is looked into once",
     "subscription S { ...F ...F }\nfragment F on Subscription { userOnline @skip(if: true) { id } }"),
    ("a fragment whose type does not apply is not looked into",
     "subscription S { userOnline { id } ...Q }\nfragment Q on Query { me @skip(if: true) { id } }"),
    ("an unknown fragment or type is not looked into",
     "subscription S { userOnline { id } ...Nope ... on Nope { a @skip(if: true) } }"),
    ("fragments through fragments, in the order they are followed",
     "subscription S { ...A userOnline @include(if: true) { id } }\n"
     "fragment A on Subscription { ...B reviewAdded @skip(if: true) { id } }\n"
     "fragment B on Subscription { orderUpdated(orderId: 1) @include(if: false) { id } }"),
    ("a fragment cycle ends",
     "subscription S { ...A }\nfragment A on Subscription { ...A userOnline @skip(if: true) { id } }"),
    ("several subscriptions",
     "subscription A { userOnline @skip(if: true) { id } }\n"
     "subscription B { userOnline { id } }\nsubscription C { ...F }\n"
     "fragment F on Subscription { reviewAdded @include(if: true) { id } }"),
    ("a subscription type other types use",
     "subscription S { tick @skip(if: true) events { tick @skip(if: true) } }\n"
     "fragment F on Events { tock @include(if: true) }\n"
     "subscription T { ...F ... on Clock { tick @skip(if: true) } ... on Moment { ... on Events { tock @include(if: true) } } }",
     {"schema": 2}),
    ("a schema without a subscription root",
     "subscription S { hello @skip(if: true) }", {"schema": 1}),
]
