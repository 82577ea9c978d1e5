"""The cases of tests/c/test_rule_overlapping_fields.c (OverlappingFieldsCanBeMerged),
written for graftql after the cases graphql-core's own test suite covers, plus
graphql-core 3.2.14's bounds (abbreviated messages, at most 20 nodes per side,
the complexity budget, aborts on deep recursion) and hostile documents.

A query is a string or a list of segments (text, count): the text repeated
count times, "{i}" replaced by the repetition's index and "{n}" by the next
index modulo count (tests/c/test_rule_overlapping_fields.c expands segments the
same way). Options: schema (index into SCHEMAS), all_rules (validate with every
specified rule instead of this one), max_errors.
"""

# Animals, keepers and their tricks: the shapes of graphql-core's test schema,
# written anew.
ZOO = '''
interface Animal {
  name(loud: Boolean): String
}

interface Pet implements Animal {
  name(loud: Boolean): String
  keeper: Keeper
}

enum Trick { SIT HEEL ROLL }
enum Color { BROWN BLACK WHITE }

input Place {
  x: Int
  y: Int
  tags: [String]
  near: Place
}

type Dog implements Pet & Animal {
  name(loud: Boolean): String
  nickname: String
  keeper: Keeper
  barkVolume: Int
  knows(trick: Trick): Boolean
  canSit(where: Place): Boolean
  at(x: Int, y: Int): Boolean
  friends: [Dog]
  constructor: String
}

type Cat implements Pet & Animal {
  name(loud: Boolean): String
  nickname: String
  keeper: Keeper
  meowVolume: Int
  knows(trick: Trick): Boolean
  furColor: Color
}

union DogOrCat = Dog | Cat

type Keeper {
  name: String
  pets: [Pet]
  dogs: [Dog]
  relatives: [Keeper]
}

type Query {
  dog: Dog
  cat: Cat
  pet: Pet
  animal: Animal
  dogOrCat: DogOrCat
  keeper(id: ID): Keeper
  dogs(near: Place): [Dog]
}

type Mutation {
  adopt(dog: ID!): Dog
}
'''

# Boxes whose fields of one name have different shapes: the return-type
# cases.
BOXES = '''
interface Box {
  deep: Box
  unrelated: String
}

type TextBox implements Box {
  scalar: String
  deep: TextBox
  unrelated: String
  items: [TextBox]
  list: [String]
  required: String!
}

type NumberBox implements Box {
  scalar: Int
  deep: NumberBox
  unrelated: String
  items: [NumberBox]
  list: [Int]
  required: Int
}

interface StrictBox {
  scalar: String!
}

type StrictTextBox1 implements Box & StrictBox {
  scalar: String!
  deep: Box
  unrelated: String
}

type StrictTextBox2 implements Box & StrictBox {
  scalar: String!
  deep: Box
  unrelated: String
}

type Node {
  id: ID
  name: String
}

type Edge {
  node: Node
}

type Connection {
  edges: [Edge]
}

type Query {
  box: Box
  boxes: [Box]
  connection: Connection
  text: TextBox
}
'''

SCHEMAS = [ZOO, BOXES]
B = {"schema": 1}
LONG = "n" * 1001

CASES = [
    # Fields that merge.
    ("unique fields", "fragment F on Dog { name nickname } { dog { ...F } }"),
    ("identical fields", "{ dog { name name } }"),
    ("identical fields with identical arguments",
     "{ dog { knows(trick: SIT) knows(trick: SIT) } }"),
    ("identical fields with identical directives",
     "{ dog { name @include(if: true) name @include(if: true) } }"),
    ("different arguments with different aliases",
     "{ dog { sit: knows(trick: SIT) heel: knows(trick: HEEL) } }"),
    ("different directives with different aliases",
     "{ dog { a: name @include(if: true) b: name @skip(if: false) } }"),
    ("different skip and include directives are accepted",
     "{ dog { name @include(if: true) name @skip(if: true) } }"),
    ("arguments in another order", "{ dog { at(x: 1, y: 2) at(y: 2, x: 1) } }"),
    ("input object fields in another order",
     "{ dog { canSit(where: {x: 1, y: 2}) canSit(where: {y: 2, x: 1}) } }"),
    ("nested input objects in another order",
     "{ dog { canSit(where: {near: {y: 1, x: 2}, tags: [\"a\"]}) "
     "canSit(where: {tags: [\"a\"], near: {x: 2, y: 1}}) } }"),
    ("the same variable twice",
     "query Q($t: Trick) { dog { knows(trick: $t) knows(trick: $t) } }"),
    ("a field and an alias of itself", "{ dog { name name: name } }"),
    ("a single selection is not checked", "{ dog { name } }"),
    ("fields of different names", "{ dog { name nickname barkVolume } }"),
    ("__typename twice", "{ dog { __typename __typename } pet { __typename } }"),
    ("keywords as field names", "{ dog { constructor constructor } }"),
    ("inline fragments without a type condition",
     "{ dog { ... { name } ... { name } } }"),
    # Conflicts.
    ("an alias for two different fields", "{ dog { x: name x: nickname } }"),
    ("an alias masking a direct field access", "{ dog { name: nickname name } }"),
    ("a second field adds an argument", "{ dog { knows knows(trick: SIT) } }"),
    ("a second field lacks an argument", "{ dog { knows(trick: SIT) knows } }"),
    ("conflicting argument values",
     "{ dog { knows(trick: SIT) knows(trick: HEEL) } }"),
    ("conflicting argument names", "{ dog { at(x: 1) at(y: 1) } }"),
    ("an argument given twice", "{ dog { at(x: 1, x: 2) at(x: 2, y: 1) } }"),
    ("the last of a repeated argument counts", "{ dog { at(x: 1, x: 2) at(x: 2, x: 2) } }"),
    ("a string against a block string",
     "{ dog { canSit(where: {tags: [\"a\"]}) canSit(where: {tags: [\"\"\"a\"\"\"]}) } }"),
    ("an int against a float", "{ dog { at(x: 1) at(x: 1.0) } }"),
    ("an enum against a string", "{ dog { knows(trick: SIT) knows(trick: \"SIT\") } }"),
    ("a variable against an enum",
     "query Q($SIT: Trick) { dog { knows(trick: $SIT) knows(trick: SIT) } }"),
    ("two variables", "query Q($a: Int, $b: Int) { dog { at(x: $a) at(x: $b) } }"),
    ("null against a missing argument", "{ dog { at(x: null) at } }"),
    ("null against null", "{ dog { at(x: null) at(x: null) } }"),
    ("lists in another order", "{ dog { canSit(where: {tags: [\"a\", \"b\"]}) "
     "canSit(where: {tags: [\"b\", \"a\"]}) } }"),
    ("a repeated object field", "{ dog { canSit(where: {x: 1, x: 2}) "
     "canSit(where: {x: 2, x: 1}) } }"),
    ("conflicts through a fragment",
     "{ dog { ...A ...B } }\nfragment A on Dog { x: name }\nfragment B on Dog { x: nickname }"),
    ("a field against a fragment",
     "{ dog { x: barkVolume ...A } }\nfragment A on Dog { x: name }"),
    ("each conflict is reported once",
     "{ dog { ...A ...B ... { x: barkVolume } } }\n"
     "fragment A on Dog { x: name }\nfragment B on Dog { x: nickname }"),
    ("a conflict one level down", "{ keeper { x: name } keeper { x: name y: name } }"),
    ("a deep conflict", "{ dog { keeper { x: name } } dog { keeper { x: pets { name } } } }"),
    ("a deep conflict with several issues",
     "{ keeper { x: name y: name } keeper { x: pets { name } y: dogs { name } } }"),
    ("a very deep conflict",
     "{ keeper { relatives { relatives { x: name } } } "
     "keeper { relatives { relatives { x: dogs { name } } } } }"),
    ("a deep conflict is reported to the nearest common ancestor",
     "{ keeper { relatives { x: name } relatives { x: dogs { name } } } keeper { relatives { name } } }"),
    ("a deep conflict in fragments, nearest common ancestor",
     "{ keeper { ...A } keeper { ...B } }\n"
     "fragment A on Keeper { relatives { x: name } relatives { x: dogs { name } } }\n"
     "fragment B on Keeper { relatives { name } }"),
    ("a deep conflict in nested fragments",
     "{ dog { ...A } }\n"
     "fragment A on Dog { keeper { ...B } friends { ...C } }\n"
     "fragment B on Keeper { x: name }\n"
     "fragment C on Dog { name }\n"
     "fragment D on Dog { keeper { x: pets { name } } friends { name: nickname } }\n"
     "query Q { dog { ...A ...D } }"),
    ("unknown fragments are ignored", "{ dog { name ...Unknown ...Unknown2 x: name } }"),
    ("unknown fields are compared by name", "{ dog { x: foo x: bar y: foo y: foo } }"),
    ("many conflicts in one field",
     "{ dog { friends { a: name b: name c: name } friends { a: nickname b: nickname c: nickname } } }"),
    # Parents that never apply together.
    ("different arguments on exclusive object types",
     "{ pet { ... on Dog { name(loud: true) } ... on Cat { name(loud: false) } } }"),
    ("an alias on exclusive object types",
     "{ pet { ... on Dog { x: name } ... on Cat { x: nickname } } }"),
    ("an interface and an object type may overlap",
     "{ pet { name(loud: true) ... on Dog { name(loud: false) } } }"),
    ("exclusive through fragments",
     "{ dogOrCat { ...D ...C } }\nfragment D on Dog { x: barkVolume }\n"
     "fragment C on Cat { x: meowVolume }"),
    ("exclusive types still need the same shape",
     "{ dogOrCat { ... on Dog { x: barkVolume } ... on Cat { x: name } } }"),
    ("exclusive parents make subfields exclusive too",
     "{ dogOrCat { ... on Dog { keeper { x: name } } ... on Cat { keeper { x: pets { name } } } } }"),
    # Return types (the box schema).
    ("conflicting return types which potentially overlap",
     "{ box { ... on TextBox { scalar } ... on StrictBox { scalar } } }", B),
    ("compatible return shapes on different return types",
     "{ box { ... on TextBox { deep { unrelated } } ... on NumberBox { deep { unrelated } } } }", B),
    ("differing return types despite no overlap",
     "{ box { ... on TextBox { scalar } ... on NumberBox { scalar } } }", B),
    ("a non-exclusive comparison after an exclusive one",
     "{ box { ... on NumberBox { scalar } ... on TextBox { scalar } ...X } }\n"
     "fragment X on Box { ... on NumberBox { scalar: unrelated } }", B),
    ("differing nullability despite no overlap",
     "{ box { ... on StrictTextBox1 { scalar } ... on TextBox { scalar } } }", B),
    ("a list against a non-list despite no overlap",
     "{ box { ... on TextBox { items { scalar } } ... on NumberBox { items: deep { scalar } } } }", B),
    ("a non-list against a list despite no overlap",
     "{ box { ... on TextBox { items: deep { scalar } } ... on NumberBox { items { scalar } } } }", B),
    ("differing subfields",
     "{ box { ... on TextBox { deep { val: unrelated val: scalar } } "
     "... on NumberBox { deep { val: unrelated } } } }", B),
    ("differing deep return types despite no overlap",
     "{ box { ... on TextBox { deep { scalar } } ... on NumberBox { deep { scalar } } } }", B),
    ("non-conflicting overlapping types",
     "{ box { ... on TextBox { scalar: unrelated } ... on NumberBox { scalar } } }", B),
    ("the same wrapped scalar return types",
     "{ box { ... on StrictTextBox1 { scalar } ... on StrictTextBox2 { scalar } } }", B),
    ("list element types compared deeply",
     "{ connection { ...E edges { node { id: name } } } }\n"
     "fragment E on Connection { edges { node { id name } } }", B),
    ("lists of different scalars", "{ box { ... on TextBox { list } ... on NumberBox { list } } }", B),
    ("unknown types are ignored",
     "{ box { ... on Unknown { scalar } ... on NumberBox { scalar } } }", B),
    ("a required field against a nullable one",
     "{ box { ... on TextBox { x: required } ... on NumberBox { x: required } } }", B),
    ("a field of a scalar type with a selection set",
     "{ text { scalar { x: a } scalar { x: b } } }", B),
    ("a fragment on a scalar type spreading itself",
     "fragment F on String { a { b } a { c } ...F } { text { scalar { ...F } } }", B),
    # Fragment cycles (NoFragmentCycles reports them; this rule must end).
    ("a recursive fragment", "{ dog { ...F } }\nfragment F on Dog { ...F }"),
    ("a recursive fragment with a field", "{ dog { ...F } }\nfragment F on Dog { name ...F }"),
    ("a field named after a recursive fragment",
     "{ dog { ...F } }\nfragment F on Dog { F: name ...F }"),
    ("a conflict with a field named after a recursive fragment",
     "{ dog { ...F F: nickname } }\nfragment F on Dog { F: name ...F }"),
    ("a transitively recursive fragment",
     "{ dog { ...A } }\nfragment A on Dog { name ...B }\nfragment B on Dog { name ...C }\n"
     "fragment C on Dog { name ...A }"),
    ("a conflict in an immediately recursive fragment",
     "{ dog { ...F } }\nfragment F on Dog { x: name ...F x: barkVolume }"),
    ("recursion through subfields",
     "{ dog { ...A } }\nfragment A on Dog { friends { ...A } x: name }\n"
     "fragment B on Dog { friends { ...B } x: nickname }\nquery Q { dog { ...A ...B } }"),
    # graphql-core 3.2.14's bounds on what it reports.
    ("an inline fragment alone is checked", "{ dog { ... { x: name x: nickname } } }"),
    ("inline fragments are checked with their enclosing selection",
     "{ dog { ... on Dog { x: name ... { x: nickname } } } }"),
    ("a long response name is abbreviated", f"{{ dog {{ {LONG}: name {LONG}: nickname }} }}"),
    ("long field names are abbreviated", f"{{ dog {{ x: {LONG} x: {LONG}m }} }}"),
    ("a long nested reason is abbreviated",
     "{ keeper { " + " ".join(f"f{i}: name" for i in range(40)) + " } keeper { "
     + " ".join(f"f{i}: dogs {{ name }}" for i in range(40)) + " } }"),
    ("at most 20 nodes per side",
     "{ keeper { " + " ".join(f"f{i}: name" for i in range(30)) + " } keeper { "
     + " ".join(f"f{i}: pets {{ name }}" for i in range(30)) + " } }"),
    ("deep nodes are kept first",
     "{ keeper { relatives { " + " ".join(f"f{i}: name" for i in range(12)) + " } a: name b: name } "
     "keeper { relatives { " + " ".join(f"f{i}: dogs {{ name }}" for i in range(12))
     + " } a: dogs { name } b: pets { name } } }"),
    ("the error limit stops the rule",
     "{ dog { a: name a: nickname b: name b: nickname c: name c: nickname } }", {"max_errors": 2}),
    # With every specified rule: the order of errors across rules.
    ("with every rule",
     "query Q($t: Trick) { dog { knows(trick: $t) knows(trick: HEEL) unknown x: name x: nickname } }",
     {"all_rules": True}),
    ("with every rule, fragments",
     "{ dog { ...A ...B } }\nfragment A on Dog { x: name ...B }\n"
     "fragment B on Dog { x: nickname ...A }", {"all_rules": True}),
]


def deep(n, leaf):
    return [("relatives { ", n), (leaf, 1), (" }", n)]


def cycles(k):
    """Two cycles of k fragments spread together: comparing them nests about
    k * k calls (graphql-core's recursion limit is reached from k = 32)."""
    return [("{ keeper { ...A0 ...B0 } }\n", 1),
            ("fragment A{i} on Keeper { ...A{n} }\n", k),
            ("fragment B{i} on Keeper { ...B{n} }\n", k)]


# Hostile documents: each must give graphql-core's result with bounded work.
ADVERSARIAL = [
    ("1,000 identical sibling fields", [("{ dog {", 1), (" name", 1000), (" } }", 1)]),
    ("707 identical sibling fields", [("{ dog {", 1), (" name", 707), (" } }", 1)]),
    ("708 identical sibling fields", [("{ dog {", 1), (" name", 708), (" } }", 1)]),
    ("1,000 differing sibling fields of one name",
     [("{ dog {", 1), (" x: name x: nickname", 500), (" } }", 1)]),
    ("1,000 sibling fields with arguments",
     [("{ dog {", 1), (" knows(trick: SIT)", 1000), (" } }", 1)]),
    ("1,000 spreads of one fragment",
     [("{ dog {", 1), (" ...F", 1000), (" } }\nfragment F on Dog { name x: name }", 1)]),
    ("1,000 fragments spread together",
     [("{ dog {", 1), (" ...F{i}", 1000), (" } }\n", 1), ("fragment F{i} on Dog { name }\n", 1000)]),
    ("200-deep conflicting fields",
     [("{ keeper { ", 1), *deep(197, "x: name"), (" } keeper { ", 1),
      *deep(197, "x: __typename"), (" } }", 1)]),
    ("200-deep identical fields",
     [("{ keeper { ", 1), *deep(197, "name"), (" } keeper { ", 1), *deep(197, "name"),
      (" } }", 1)]),
    ("a cycle of fragment spreads",
     [("{ keeper { ...A } }\nfragment A on Keeper { relatives { ...B } x: name }\n"
       "fragment B on Keeper { relatives { ...A } x: name ...A }", 1)]),
    ("two cycles of 31 fragments", cycles(31)),
    ("two cycles of 32 fragments", cycles(32)),
    ("two cycles of 60 fragments", cycles(60)),
]
