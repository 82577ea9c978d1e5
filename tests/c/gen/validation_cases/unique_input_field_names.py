"""UniqueInputFieldNamesRule in executable documents: an input object value
gives each field once; nested objects have names of their own."""
RULE = "UniqueInputFieldNamesRule"

V = {"schema": 3}

CASES = [
    ("an input object with one field", "{ shape(v: {points: []}) }", V),
    ("the same input object in two arguments",
     "{ shape(v: {points: []}) s: shape(v: {points: []}) }", V),
    ("several fields", '{ shape(v: {points: [], color: RED, closed: true}) }', V),
    ("nested objects may repeat their parent's names",
     "{ shape(v: {points: [{x: 1, y: 2}], nested: {points: [{x: 3, y: 4}], nested: {points: []}}}) }", V),
    ("a field given twice", "{ shape(v: {points: [], points: []}) }", V),
    ("a field given three times",
     "{ shape(v: {points: [], points: [], points: []}) }", V),
    ("several fields given twice",
     "{ shape(v: {color: RED, points: [], color: BLUE, closed: true, points: []}) }", V),
    ("a field given twice in a nested object and in list items",
     "{ shape(v: {points: [{x: 1, x: 2, y: 3}, {y: 1, y: 2}], nested: {tags: [], tags: []}}) }", V),
    ("in variable default values",
     "query Q($s: Shape = {points: [], points: []}) { shape(v: $s) }", V),
    ("in directive arguments and unknown arguments",
     "{ int @look(at: {id: 1, id: 2}) nope(a: {b: 1, b: 2}) }", V),
    ("in custom scalar values", "{ json(v: {a: 1, a: {b: 1, b: 2}}) }", V),
    ("an object of the shop",
     '{ books(filter: {title: "a", author: {name: "x", name: "y"}, title: "b"}) { id } }'),
]
