"""ExecutableDefinitionsRule: only operations and fragments are executable."""
RULE = "ExecutableDefinitionsRule"

CASES = [
    ("only an operation", "query Me { me { id } }"),
    ("an operation and a fragment",
     "query Me { me { ...F } }\nfragment F on User { id }"),
    ("type definitions and extensions",
     """query Me { me { id } }
type Cow { name: String }
extend type User { color: String }
interface Animal { legs: Int }
extend interface Named @deprecated
"""),
    ("a schema definition and extension",
     """schema { query: Query }
type Query { hello: String }
extend schema @cached
"""),
    ("every kind of type system definition",
     """{ me { id } }
scalar Money
enum Size { S M L }
input Point { x: Int }
union Thing = User | Book
directive @secret on FIELD
extend scalar Money @specifiedBy(url: "x")
extend enum Size { XL }
extend input Point { y: Int }
extend union Thing = Magazine
"""),
    ("a type system definition only", "type Only { a: Int }"),
]
