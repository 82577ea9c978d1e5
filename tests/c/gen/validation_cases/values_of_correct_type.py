"""ValuesOfCorrectTypeRule: every literal is of the input type expected where
it is written (the built-in scalars' parse_literal, enums, lists, input
objects with their required and unknown fields, @oneOf, null where non-null
is expected). Most cases use schema 3 (VALUES), whose fields take one
argument v of each sort."""
RULE = "ValuesOfCorrectTypeRule"

V = {"schema": 3}


def _deep_list(depth, leaf="1"):
    return "[" * depth + leaf + "]" * depth


def _deep_shape(depth):
    value = "{}"
    for _ in range(depth):
        value = "{nested: " + value + "}"
    return value


def _wide_object(n, field=lambda i: f"f{i}: {i}"):
    return "{" + ", ".join(field(i) for i in range(n)) + "}"

CASES = [
    # Valid values of every built-in scalar.
    ("good Int values", "{ int(v: 2) a: int(v: -7) b: int(v: 0) c: int(v: -0) }", V),
    ("the 32-bit bounds of Int",
     "{ int(v: 2147483647) a: int(v: -2147483648) }", V),
    ("good Float values, an Int included",
     "{ float(v: 1.5) a: float(v: 1) b: float(v: -2e10) c: float(v: 1e400) }", V),
    ("good String values, block strings included",
     '{ string(v: "a") a: string(v: "") b: string(v: """block\n  text""") }', V),
    ("good Boolean values", "{ boolean(v: true) a: boolean(v: false) }", V),
    ("a string or an int for ID",
     '{ id(v: "x") a: id(v: 1) b: id(v: -12345678901234567890) }', V),
    ("a good enum value", "{ color(v: RED) }", V),
    ("null where nullable", "{ int(v: null) color(v: null) shape(v: null) }", V),
    ("custom scalars take any literal",
     '{ json(v: {a: [1, "b", {c: null}], d: ENUMISH}) a: json(v: [1, 2.5]) b: json(v: "s") '
     'c: json(v: null) url(v: 3) d: url(v: {x: $y}) }', V),
    # Invalid Int.
    ("a String for an Int", '{ int(v: "3") }', V),
    ("a big Int", "{ int(v: 2147483648) }", V),
    ("a big negative Int", "{ int(v: -2147483649) }", V),
    ("a huge Int", "{ int(v: 123456789012345678901234567890) }", V),
    ("a Float for an Int", "{ int(v: 3.0) a: int(v: 1e3) }", V),
    ("a Boolean for an Int", "{ int(v: true) }", V),
    ("an enum for an Int", "{ int(v: THREE) }", V),
    ("a block string for an Int", '{ int(v: """3\nfour""") }', V),
    ("a list for an Int", "{ int(v: [1]) }", V),
    ("an object for an Int", "{ int(v: {a: 1}) }", V),
    # Invalid Float, String, Boolean, ID.
    ("a String for a Float", '{ float(v: "1.5") }', V),
    ("a Boolean for a Float", "{ float(v: false) }", V),
    ("an enum for a Float", "{ float(v: NAN) }", V),
    ("an Int for a String", "{ string(v: 1) }", V),
    ("a Float for a String", "{ string(v: 1.0) }", V),
    ("a Boolean for a String", "{ string(v: true) }", V),
    ("an enum for a String", "{ string(v: RED) }", V),
    ("a string with escapes in the message",
     '{ int(v: "tab\\there \\"quoted\\" \\u00e9") }', V),
    ("an Int for a Boolean", "{ boolean(v: 1) }", V),
    ("a String for a Boolean", '{ boolean(v: "true") }', V),
    ("an enum for a Boolean", "{ boolean(v: TRUE) }", V),
    ("a Float for an ID", "{ id(v: 1.0) }", V),
    ("a Boolean for an ID", "{ id(v: true) }", V),
    ("an enum for an ID", "{ id(v: SOME_ID) }", V),
    # Enums.
    ("an Int for an enum", "{ color(v: 2) }", V),
    ("a Float for an enum", "{ color(v: 1.5) }", V),
    ("a String for an enum", '{ color(v: "RED") }', V),
    ("a Boolean for an enum", "{ color(v: true) }", V),
    ("an unknown enum value", "{ color(v: PURPLE) }", V),
    ("an enum value in the wrong case", "{ color(v: red) a: color(v: Blue) }", V),
    ("an enum value close to two", "{ color(v: GREED) }", V),
    ("a list for an enum", "{ color(v: [RED]) }", V),
    ("an object for an enum", "{ color(v: {RED: true}) }", V),
    ("an enum value of the shop", "{ users(role: ADMINN) { id } currency }"),
    ("suggestions hidden for enums",
     '{ color(v: red) a: color(v: "RED") }', {"schema": 3, "hide_suggestions": True}),
    # Lists.
    ("good list values",
     '{ ints(v: [1, 2, null]) a: ints(v: []) colors(v: [RED, BLUE]) nnInts(v: [1]) }', V),
    ("a single value for a list", "{ ints(v: 1) colors(v: GREEN) nnInts(v: 2) }", V),
    ("a bad item in a list", '{ ints(v: [1, "two", 3.0]) }', V),
    ("null items where the items are non-null",
     "{ nnInts(v: [1, null]) colors(v: [null, RED]) }", V),
    ("a bad single value for a list", '{ ints(v: "one") }', V),
    ("lists of lists",
     '{ matrix(v: [[1], [2, 3], []]) a: matrix(v: [1, [2]]) b: matrix(v: [[null], "x"]) }', V),
    ("null for a non-null list", "{ nnInts(v: null) }", V),
    # Input objects.
    ("a good input object", "{ shape(v: {points: [{x: 1, y: 2}]}) }", V),
    ("an input object with every field",
     '{ shape(v: {points: [{x: 1, y: 2, label: "a"}], color: BLUE, closed: true, '
     'nested: {points: []}, tags: ["t", null]}) }', V),
    ("a required field left out", "{ shape(v: {}) }", V),
    ("required fields left out, nested",
     "{ shape(v: {points: [{x: 1}, {}], nested: {nested: {}}}) }", V),
    ("a non-null field with a default may be left out",
     "{ shape(v: {points: [], closed: true}) a: shape(v: {points: []}) }", V),
    ("a required field given null", "{ shape(v: {points: null}) }", V),
    ("a field of the wrong type",
     '{ shape(v: {points: [{x: "1", y: 2}], color: "RED", closed: 0}) }', V),
    ("an unknown field, with a suggestion",
     "{ shape(v: {points: [], colour: RED, tag: []}) }", V),
    ("an unknown field, without a suggestion", "{ shape(v: {points: [], zzzzzz: 1}) }", V),
    ("an unknown field's value is not checked",
     '{ shape(v: {points: [], nope: {deep: "x"}, other: [1, "a"]}) }', V),
    ("an object for a list of objects", "{ shapes(v: {points: []}) }", V),
    ("a list for an object", "{ shape(v: [{points: []}]) }", V),
    ("a scalar for an object", "{ shape(v: 1) a: shape(v: RED) }", V),
    ("a field given twice", "{ shape(v: {points: [], points: [{}]}) }", V),
    ("suggestions hidden for fields",
     "{ shape(v: {points: [], colour: RED}) }", {"schema": 3, "hide_suggestions": True}),
    ("input objects of the shop",
     '{ books(filter: {genre: FICTION, author: {name: "x", born: "1900"}, '
     'and: [{title: 1}, {mixPrice: 2}]}) { id } }'),
    ("mutation input objects",
     'mutation { addReview(input: {bookId: 1, rating: 5, tags: ["a", 2]}) { id } '
     'placeOrder(input: {items: [{productId: 1}, {quantity: 2}]}) { id } }'),
    # @oneOf.
    ("a @oneOf object with one field", '{ pick(v: {id: 1}) a: pick(v: {name: "x"}) }', V),
    ("a @oneOf object with no field", "{ pick(v: {}) }", V),
    ("a @oneOf object with two fields", '{ pick(v: {id: 1, name: "x"}) }', V),
    ("a @oneOf object with one field given null", "{ pick(v: {color: null}) }", V),
    ("a @oneOf object with one field given twice", "{ pick(v: {id: 1, id: 2}) }", V),
    ("a @oneOf object with one field given twice, the last null",
     "{ pick(v: {id: 1, id: null}) }", V),
    ("a @oneOf object with a variable",
     "query Q($id: ID) { pick(v: {id: $id}) }", V),
    ("a @oneOf object with a variable and another field",
     "query Q($id: ID) { pick(v: {id: $id, name: \"x\"}) }", V),
    ("a @oneOf object with a bad value", '{ pick(v: {color: "RED"}) }', V),
    ("a @oneOf object with an unknown field", "{ pick(v: {nme: \"x\"}) }", V),
    ("a @oneOf object with a nested object",
     "{ pick(v: {point: {x: 1}}) nnPick(v: {point: {x: 1, y: 2}}) }", V),
    ("@oneOf objects nested in objects and lists",
     "{ holder(v: {pick: {}, picks: [{id: 1}, {id: 1, name: \"n\"}, null], required: {id: null}}) }", V),
    ("a @oneOf object left out where required", "{ holder(v: {}) }", V),
    ("@oneOf in the shop", '{ user(by: {id: 1, email: "a"}) { id } }'),
    # null.
    ("null for a non-null argument", "{ nnInt(v: null) url(v: null) }", V),
    ("null for a non-null list item and field",
     "{ nnInts(v: [null]) shape(v: {points: [null], closed: null}) }", V),
    # Variables and their default values.
    ("variables are not checked here",
     'query Q($a: Int, $b: String) { int(v: $b) string(v: $a) ints(v: [$a, $b]) }', V),
    ("good variable default values",
     'query Q($a: Int = 1, $b: [Int] = [1, 2], $c: Shape = {points: []}, $d: Color = RED) '
     '{ int(v: $a) }', V),
    ("bad variable default values",
     'query Q($a: Int = "one", $b: [Int] = ["x"], $c: Shape = {}, $d: Color = "RED", '
     '$e: Int! = null, $f: Pick = {id: 1, name: "n"}) { int(v: $a) }', V),
    ("a default value of an unknown type is not checked",
     'query Q($a: Nope = "x", $b: [Nope] = [1]) { int }', V),
    ("a default value of a non-input type is not checked",
     'query Q($a: Query = 1) { int }', V),
    # Directives.
    ("directive arguments",
     '{ int @include(if: "yes") a: int @limit(max: 1.5, unit: TINY) b: int @look(at: {}) }', V),
    ("arguments of unknown directives and fields are not checked",
     '{ int @nope(x: "y") nope(v: "x") }', V),
    ("an argument not defined is not checked",
     '{ int(w: "x", v: 1) }', V),
    ("values in fragments",
     "{ ...F }\nfragment F on Query { int(v: \"1\") self { color(v: 1) } }", V),
    ("values inside nested lists and objects of a custom scalar are not checked",
     '{ json(v: [{a: 1}, [RED, "x"]]) }', V),
    # Large and deep values: one walk, no recursion in the rule.
    ("a deep list where an Int is expected", "{ int(v: " + _deep_list(150) + ") }", V),
    ("a deep list where a list of lists is expected",
     "{ matrix(v: " + _deep_list(150) + ") }", V),
    ("a deep list of the right depth", "{ matrix(v: " + _deep_list(2) + ") }", V),
    ("deeply nested input objects missing a field at every level",
     "{ shape(v: " + _deep_shape(120) + ") }", {"schema": 3, "max_errors": 1000}),
    ("deeply nested input objects past max_errors",
     "{ shape(v: " + _deep_shape(120) + ") }", V),
    ("a wide object of unknown fields",
     "{ shape(v: " + _wide_object(300) + ") }", {"schema": 3, "max_errors": 1000}),
    ("a @oneOf object with one field given many times",
     "{ pick(v: " + _wide_object(2000, lambda i: f"id: {i}") + ") "
     "a: pick(v: " + _wide_object(2000, lambda i: "id: null" if i == 1999 else f"id: {i}") + ") }",
     V),
    ("a long list of bad items",
     "{ ints(v: [" + ", ".join('"x"' for _ in range(150)) + "]) }", V),
]
