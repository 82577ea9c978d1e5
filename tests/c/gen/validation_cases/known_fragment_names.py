"""KnownFragmentNamesRule: fragment spreads name defined fragments."""
RULE = "KnownFragmentNamesRule"

CASES = [
    ("known fragments",
     """{
  me {
    ...UserFields
    ... on User { ...MoreUserFields }
  }
}
fragment UserFields on User { id ...EvenMore }
fragment MoreUserFields on User { email }
fragment EvenMore on User { role }
"""),
    ("unknown fragments",
     """{
  me {
    ...UnknownOne
    ... on User { ...UnknownTwo }
    bestFriend { ...Known }
  }
}
fragment Known on User { id ...UnknownThree }
"""),
    ("a spread with directives", "{ me { ...Missing @tag(name: \"x\") } }"),
    ("a fragment spread in a fragment defined later",
     "{ me { ...Later } }\nfragment Later on User { id }"),
]
