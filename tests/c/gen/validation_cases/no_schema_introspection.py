"""NoSchemaIntrospectionCustomRule: with introspection off, every field
whose type is an introspection type is an error (__schema, __type and the
fields below them that return introspection types); __typename is not."""
RULE = "NoSchemaIntrospectionCustomRule"

CASES = [
    ("__schema and the fields below it", "{ __schema { queryType { name } } }"),
    ("__type and its list fields",
     '{ __type(name: "User") { name kind fields { name type { name } } } }'),
    ("__typename is allowed", "{ __typename me { __typename id } }"),
    ("a query without introspection", "{ me { id name friends { email } } }"),
    ("aliases: the field's name is reported",
     "{ s: __schema { t: types { n: name } } }"),
    ("both roots, twice", "{ a: __schema { description } b: __schema { description }"
     ' c: __type(name: "Book") { name } }'),
    ("a fragment on an introspection type",
     """{ __schema { types { ...T } } }
fragment T on __Type { name kind enumValues { name } }
"""),
    ("an unused fragment on __Type", "{ me { id } }\nfragment T on __Type { fields { name } }"),
    ("an inline fragment on __Schema",
     "{ __schema { ... on __Schema { directives { name locations } } } }"),
    ("__schema off the query root is unknown here", "mutation { __schema { types { name } } }"),
    ("__schema on a nested type is unknown here", "{ me { __schema { types { name } } } }"),
    ("a subscription", "subscription { __type(name: \"User\") { name } }"),
    ("the standard introspection query's start",
     """query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    types { ...FullType }
  }
}
fragment FullType on __Type {
  kind
  name
  fields(includeDeprecated: true) { name args { ...InputValue } }
  inputFields { ...InputValue }
  interfaces { name }
  possibleTypes { name }
}
fragment InputValue on __InputValue { name type { name } defaultValue }
"""),
    ("an error limit", "{ __schema { types { name fields { name } interfaces { name } } } }",
     {"max_errors": 2}),
]
