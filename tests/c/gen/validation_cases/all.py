"""Every specified rule at once (gql_validate): errors of several rules in
graphql-core's order, max_errors, hidden suggestions, graphql-core's
aborts, descriptions. The queries stay clear of the rules not written yet
(their slots are empty) so that they stay right as those land."""
RULE = None


def _deep_fragments(n):
    lines = ["query Deep { me { ...F0 } }"]
    for i in range(n):
        lines.append(f"fragment F{i} on User {{ bestFriend {{ ...F{i + 1} }} }}")
    lines.append(f"fragment F{n} on User {{ id }}")
    return "\n".join(lines)


def _fragment_work(operations, usages):
    lines = [f"query Q{i}($v: ID!) {{ ...F }}" for i in range(operations)]
    lines.append("fragment F on Query { nodes(ids: [" + ", ".join(["$v"] * usages) + "]) { id } }")
    return "\n".join(lines)


KITCHEN = '''
"The signed-in user, with what they bought."
query Me($withOrders: Boolean = true, $first: Int = 5, $status: OrderStatus) @cached(ttl: 30) {
  me {
    ...UserFields
    orders(status: $status) @include(if: $withOrders) {
      id
      items { product { ... on Book { title } ... on Magazine { issue } } quantity }
    }
    friends(first: $first) { id name }
  }
  search(text: "tolkien") {
    __typename
    ... on Node { id }
    ... on Named { name }
  }
}

mutation Review($input: ReviewInput!) {
  addReview(input: $input) { id rating }
}

subscription Reviews($book: ID) {
  reviewAdded(bookId: $book) { ...ReviewFields }
}

fragment UserFields on User {
  id
  email
  role
  avatar(size: 32) { url }
}

fragment ReviewFields on Review { id body author { ...UserFields } }
'''

CASES = [
    ("a valid document using every feature", KITCHEN),
    ("errors of several rules in document order",
     """query Q($a: User, $a: Int) {
  me { nmae bestFriend }
  ...Missing
}
fragment Unused on Strin { x }
type Extra { a: Int }
"""),
    ("several rules on the same node",
     "{ me { ... on Nope { x } } }\n{ users }\nfragment F on Currency { ...F }"),
    ("known directives and their locations",
     'query Q @tag(name: "x") { me @skipp { id } ...F @log }\n'
     'fragment F on User @cached { email }'),
    ("directives repeated at one location",
     '{ me @cached @cached @tag(name: "a") @tag(name: "b") { id } }'),
    ("arguments and input fields repeated",
     '{ echo(text: "a", text: "b") books(filter: {title: "a", title: "b"}) { id } }'),
    ("max_errors reached", "{ a b c d }", {"max_errors": 2}),
    ("max_errors not reached", "{ a b }", {"max_errors": 2}),
    ("max_errors 0", "{ a }", {"max_errors": 0}),
    ("max_errors 1 with errors of several rules",
     "{ me { nmae } users }\nfragment F on User { id }", {"max_errors": 1}),
    ("hidden suggestions",
     "query Q($x: Boook) { me { nmae } node(id: 1) { name } }",
     {"hide_suggestions": True}),
    ("shown suggestions",
     "query Q($x: Boook) { me { nmae } node(id: 1) { name } }"),
    ("a subscription raising drops earlier errors",
     "{ nope }\nsubscription S($v: Boolean!) { nada reviewAdded @skip(if: $v) { id } }"),
    ("errors after the raising subscription are not reported",
     "subscription S { reviewAdded @include(if: 1) { id } }\n{ nope }"),
    ("fragments nested too deep through spreads",
     "query First { nope }\n" + _deep_fragments(101)),
    ("fragments nested as deep as allowed",
     _deep_fragments(98)),
    ("fragment work exhausted",
     "query First { nope }\n" + _fragment_work(52, 1000)),
    ("fragment work within the budget", _fragment_work(40, 1000)),
    ("descriptions are not validated",
     '"An operation" query Q("a variable" $a: Int = 1) { echo(times: $a) }\n'
     '"A fragment" fragment F on User { id }\n{ me { ...F } }'),
    ("an anonymous operation among others with errors",
     "{ me { id } }\nquery A { me { id } }\nquery A { nope }"),
]
