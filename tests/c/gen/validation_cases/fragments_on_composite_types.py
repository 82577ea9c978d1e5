"""FragmentsOnCompositeTypesRule: fragments condition on object,
interface or union types."""
RULE = "FragmentsOnCompositeTypesRule"

CASES = [
    ("on an object", "fragment F on User { id }"),
    ("on an interface", "fragment F on Node { id }"),
    ("on an interface implementing interfaces", "fragment F on Entity { id }"),
    ("on a union", "fragment F on Media { __typename }"),
    ("inline on an object", "fragment F on Node { ... on User { email } }"),
    ("inline without a type condition", "fragment F on User { ... { id } }"),
    ("inline without a type condition, with a directive",
     "fragment F on User { ... @include(if: true) { id } }"),
    ("on a scalar", "fragment F on Boolean { bad }"),
    ("on an enum", "fragment F on Currency { bad }"),
    ("on an input object", "fragment F on BookFilter { genre }"),
    ("on a custom scalar", "fragment F on DateTime { x }"),
    ("inline on a scalar", "fragment F on User { ... on String { bad } }"),
    ("inline on an input object", "{ me { ... on ReviewInput { bookId } } }"),
    ("on an unknown type", "fragment F on Nope { x }\n{ me { ... on Nada { y } } }"),
]
