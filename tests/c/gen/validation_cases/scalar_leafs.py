"""ScalarLeafsRule: leaves have no selections, other fields have some."""
RULE = "ScalarLeafsRule"

CASES = [
    ("a scalar and an object", "{ me { id bestFriend { email } } }"),
    ("an object without a selection", "{ me }"),
    ("a list of objects without a selection", "{ users }"),
    ("an object without a selection, with arguments", "{ users(first: 2) }"),
    ("an interface without a selection", "{ node(id: 1) }"),
    ("a union without a selection", "{ search(text: \"x\") }"),
    ("a nested object without a selection", "{ me { bestFriend { bestFriend } } }"),
    ("a scalar with a selection", "{ me { email { length } } }"),
    ("an enum with a selection", "{ me { role { value } } }"),
    ("a custom scalar with a selection", "{ now { year } }"),
    ("a scalar with arguments and a selection", "{ echo(text: \"a\") { x } }"),
    ("a list of enums with a selection", "fragment F on Book { genre { x } }"),
    ("__typename with a selection", "{ __typename { x } }"),
    ("__schema without a selection", "{ __schema }"),
    ("__type without a selection", "{ __type(name: \"User\") }"),
    ("unknown fields are not this rule's", "{ nope nope2 { x } }"),
    ("in fragments",
     "fragment F on User { avatar orders }\nfragment G on Review { rating { x } }"),
    ("in a mutation", "mutation { addReview(input: {bookId: 1, rating: 5}) }"),
]
