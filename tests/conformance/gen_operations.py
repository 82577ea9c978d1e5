"""Deterministic corpus of executable documents for the differential validation tests.

The corpus is what test_validate_differential.py validates with graftql's
Schema.validate and with graphql-core 3.2.14's validate (the reference); the
two must agree on every message, location and the order of the errors. It
has these parts:

- valid operations drawn against several schemas: three written here
  (SHOP: every type kind, interfaces implementing interfaces, unions, enums,
  input objects with required fields, defaults, recursion and @oneOf, custom
  scalars, lists of lists, all three roots, custom directives on every
  executable location, repeatable ones; PETS: renamed roots and no mutation;
  TINY: a query root only) and some of gen_schemas.py's generated ones
  (keywords as field, argument and enum value names, a root named "query",
  descriptions everywhere). Documents hold one to three operations of every
  type, named or anonymous, with variables of every input type (defaults,
  non-null, lists, @oneOf positions, directives on them), fields with
  arguments of every kind (literals with escapes and non-ASCII text, lists,
  a single value for a list, nested input objects, null, variables at any
  depth), aliases, named fragments (nested, shared by operations, spread
  several times), inline fragments with and without type conditions,
  @skip/@include and custom directives, introspection fields and
  descriptions on operations and fragments. Fields that share a response
  key always have the same name, arguments and type, so valid documents
  never conflict;
- invalid documents: a valid document, parsed by graphql-core, with one to
  three mutations applied to its AST. Each mutation breaks one rule of
  graphql-core's specified_rules (or one of the two rules the September
  2025 specification adds: the operation's root type must exist, and no
  @skip/@include on the root of a subscription) in one of several ways, at
  a place chosen with graphql-core's TypeInfo (so a wrong value is wrong
  for the type expected there, a typo is near a real name and gets
  suggestions, ...);
- documents with many errors (past the default max_errors of 100), and
  about 180 hand-written edge cases (EDGE_CASES).

Every document is printed with graphql-core's print_ast and then laid out
again at random (lines joined, commas, tabs, comments, CRLF), so that
locations are not always at the start of a line.

All of it is drawn from seeded random.Random instances: the corpus is the
same on every run and every machine. Run this file to check the corpus
against graphql-core (every valid document is valid, every mutation breaks
its rule) and print statistics, or to look at a case:

    python tests/conformance/gen_operations.py --check
    python tests/conformance/gen_operations.py --show ID
    python tests/conformance/gen_operations.py --dump DIR
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLNamedType,
    GraphQLSchema,
    NameNode,
    Node,
    OperationDefinitionNode,
    OperationType,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    build_schema,
    get_named_type,
    is_abstract_type,
    is_composite_type,
    is_enum_type,
    is_input_object_type,
    is_input_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
    is_required_argument,
    is_required_input_field,
    is_union_type,
    parse,
    parse_value,
    print_ast,
    specified_rules,
    type_from_ast,
    validate,
    visit,
)
from graphql.language import DirectiveLocation
from graphql.pyutils import Undefined
from graphql.type import SchemaMetaFieldDef, TypeMetaFieldDef
from graphql.validation import ASTValidationRule, SingleFieldSubscriptionsRule

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_schemas  # noqa: E402

DEFAULT_SEED = 20251201
VALID_COUNT = 1700  # valid documents
MUTATION_ROUNDS = 125  # documents per mutation (one mutation each)
COMBINED_COUNT = 450  # documents with two or three mutations
MANY_ERRORS_COUNT = 12  # documents with more than 100 errors
GENERATED_SCHEMAS = 14  # schemas taken from gen_schemas.py
MUTATED_BUDGET = 16  # fields in the documents mutations start from (valid ones: 36)


# === The reference ==========================================================

# The rules graftql implements beyond graphql-core 3.2.14's specified_rules,
# written as graphql-core rules by the validation engineer (one definition,
# shared with the C tests' generator): KnownOperationTypesRule ("Operation
# Type Existence", after ExecutableDefinitionsRule as in graphql-js 17) and
# SingleFieldSubscriptions2025Rule (graphql-core's SingleFieldSubscriptionsRule
# with the September 2025 ban of @skip/@include at the top level of a
# subscription in front; its message deliberately differs from graphql-js
# 17's by using graphql-core 3.2's quotes). docs/architecture.md and
# src/core/validation/rules/{known_operation_types,subscription_root_conditionals}.c
# document these deviations; they are the only ones the differential tests
# allow, and only through this rule list.
_SEPT2025_PATH = HERE.parent / "c" / "gen" / "sept2025_rules.py"


@cache
def _sept2025() -> Any:
    spec = importlib.util.spec_from_file_location("sept2025_rules", _SEPT2025_PATH)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {_SEPT2025_PATH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_rules() -> list[type[ASTValidationRule]]:
    """graphql-core 3.2.14's specified_rules with the September 2025 rules."""
    sept = _sept2025()
    rules: list[type[ASTValidationRule]] = list(specified_rules)
    at = next(i for i, r in enumerate(rules) if r.__name__ == "ExecutableDefinitionsRule")
    rules.insert(at + 1, sept.KnownOperationTypesRule)
    rules[rules.index(SingleFieldSubscriptionsRule)] = sept.SingleFieldSubscriptions2025Rule
    return rules


class _Tagger:
    """Records which rule reports each error: the rule whose visitor method
    is running when the context's on_error is called."""

    def __init__(self) -> None:
        self.current: list[str] = []
        self.tags: list[tuple[GraphQLError, str]] = []


_TAGGER = _Tagger()


def _tagged(rule: type[ASTValidationRule]) -> type[ASTValidationRule]:
    name = rule.__name__
    methods: dict[str, Any] = {}

    def hook(context: Any) -> None:
        if getattr(context, "_tagged_on_error", False):
            return
        original = context.on_error

        def on_error(error: GraphQLError) -> None:
            _TAGGER.tags.append((error, _TAGGER.current[-1] if _TAGGER.current else "?"))
            original(error)

        context.on_error = on_error
        context._tagged_on_error = True

    def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(self: Any, *args: Any) -> Any:
            hook(self.context)
            _TAGGER.current.append(name)
            try:
                return method(self, *args)
            finally:
                _TAGGER.current.pop()

        return wrapped

    for attr in dir(rule):
        if attr.startswith(("enter_", "leave_")) or attr in ("enter", "leave"):
            method = getattr(rule, attr)
            if callable(method):
                methods[attr] = wrap(method)
    return type(name, (rule,), methods)


@cache
def _tagged_rules() -> tuple[type[ASTValidationRule], ...]:
    return tuple(_tagged(rule) for rule in reference_rules())


@cache
def reference_schema(name: str) -> GraphQLSchema:
    return build_schema(SCHEMAS[name])


@dataclass(frozen=True)
class Reference:
    """graphql-core's verdict on one document: the formatted errors, and
    the rule that reported each ("abort" for validate's own errors,
    "raised" when validate raised instead of returning)."""

    formatted: tuple[Any, ...]
    rules: tuple[str, ...]
    errors: tuple[GraphQLError, ...]


def reference_validate(
    schema: GraphQLSchema,
    source: str,
    max_errors: int | None = None,
    hide_suggestions: bool = False,
) -> Reference:
    document = parse(source)
    _TAGGER.tags.clear()
    try:
        errors = validate(
            schema,
            document,
            _tagged_rules(),
            max_errors=max_errors,
            hide_suggestions=hide_suggestions,
        )
    except GraphQLError as error:
        # graphql-core 3.2.14's SingleFieldSubscriptionsRule raises where
        # @skip/@include at a subscription's root cannot be evaluated;
        # graftql returns that error as the only one (docs/architecture.md).
        return Reference((error.formatted,), ("raised",), (error,))
    tags = {id(error): tag for error, tag in _TAGGER.tags}
    _TAGGER.tags.clear()
    return Reference(
        tuple(e.formatted for e in errors),
        tuple(tags.get(id(e), "abort") for e in errors),
        tuple(errors),
    )


# === Schemas ================================================================

SHOP = '''
"""A shop: every type kind, all three roots, directives everywhere."""
schema { query: Query mutation: Mutation subscription: Subscription }

directive @cached(ttl: Int = 60, scope: CacheScope = PUBLIC) on QUERY | FIELD
directive @log(level: LogLevel! = INFO, tags: [String!])
  on QUERY | MUTATION | SUBSCRIPTION | FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @tag(name: String!) repeatable
  on FIELD | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION | QUERY
directive @auth(requires: Role!, scopes: [String!] = []) on FIELD_DEFINITION | OBJECT
directive @sensitive on VARIABLE_DEFINITION
directive @mask(with: MaskInput, on: Boolean = true) on FIELD
directive @trace(id: ID!, sample: Float = 0.5)
  on QUERY | MUTATION | SUBSCRIPTION | FRAGMENT_DEFINITION

enum CacheScope { PUBLIC PRIVATE }
enum LogLevel { DEBUG INFO WARN ERROR }
enum Role { ADMIN EDITOR VIEWER GUEST @deprecated(reason: "Use VIEWER.") }
enum Genre { FICTION NONFICTION POETRY DRAMA SCIENCE_FICTION }
enum Currency { USD EUR GBP JPY }
enum SortOrder { ASC DESC }
enum OrderStatus { PENDING SHIPPED DELIVERED CANCELLED }
enum ImageFormat { PNG JPEG WEBP }

scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
scalar Json
scalar Upload

input MaskInput { char: String = "*" keep: Int! }
input Range { from: Int! to: Int! step: Int = 1 }
input PriceFilter { min: Float max: Float currency: Currency = USD }
input DateRange { after: DateTime before: DateTime }
input BookFilter {
  genre: [Genre!]
  title: String
  price: PriceFilter
  published: DateRange
  and: [BookFilter!]
  not: BookFilter
  ids: [ID!] = []
}
input UserLookup @oneOf { id: ID email: String handle: String }
input SearchTarget @oneOf { book: BookFilter user: UserLookup text: String genres: [Genre!] }
input ReviewInput {
  bookId: ID!
  rating: Int!
  body: String
  tags: [String!] = []
  draft: Boolean! = false
}
input OrderLineInput { productId: ID! quantity: Int! = 1 options: Json }
input OrderInput {
  lines: [OrderLineInput!]!
  coupon: String
  note: String = "none"
  deliverBy: DateTime
}
input Matrix { rows: [[Float!]!]! label: String }

interface Node { id: ID! }
interface Named { name(upper: Boolean = false): String }
interface Entity implements Node & Named {
  id: ID!
  name(upper: Boolean = false): String
  createdAt: DateTime
}
interface Priced { price(currency: Currency = USD): Float! discount: Float }
interface Media implements Node { id: ID! title: String! size: Int }

type User implements Node & Named & Entity @auth(requires: VIEWER) {
  id: ID!
  name(upper: Boolean = false): String
  createdAt: DateTime
  email: String!
  role: Role!
  friends(first: Int = 10, after: String, orderBy: SortOrder = ASC): [User!]!
  bestFriend: User
  orders(status: OrderStatus, limit: Int! = 20, range: Range): [Order!]
  favoriteBook: Book
  reviews(minRating: Int = 1): [Review]
  avatar(size: Int = 64, format: ImageFormat = PNG): Image
  nickname: String @deprecated
  settings: Json
  tags: [[String!]]
}

type Author implements Node & Named & Entity {
  id: ID!
  name(upper: Boolean = false): String
  createdAt: DateTime
  books(genre: Genre, filter: BookFilter): [Book!]!
  bio: String
  born: Int
}

type Book implements Node & Named & Priced & Media {
  id: ID!
  name(upper: Boolean = false): String
  title: String!
  price(currency: Currency = USD): Float!
  discount: Float
  size: Int
  author: Author
  genre: Genre
  pages: Int
  isbn: String
  reviews(minRating: Int = 1, first: Int! = 5): [Review!]!
  similar(limit: Int = 3): [Book]
}

type Magazine implements Node & Priced & Media {
  id: ID!
  title: String!
  issue: Int!
  price(currency: Currency = USD): Float!
  discount: Float
  size: Int
}

type Video implements Node & Media {
  id: ID!
  title: String!
  size: Int
  duration: Float
  url(quality: Int = 720): String!
}

type Image {
  url: String!
  width: Int
  height: Int
  size: String
  title: String
}

type Review implements Node {
  id: ID!
  rating: Int!
  body: String
  author: User
  book: Book
}

type Order implements Node {
  id: ID!
  status: OrderStatus!
  lines: [OrderLine!]!
  total(currency: Currency = USD): Float!
  placedAt: DateTime
  buyer: User
}

type OrderLine { product: Product! quantity: Int! }

union Product = Book | Magazine
union SearchResult = User | Author | Book | Magazine | Review | Video
union Attachment = Image | Video | Book
union Single = Image

type Query {
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  user(by: UserLookup!): User
  users(role: Role, first: Int = 10, after: String): [User!]!
  me: User
  book(id: ID!): Book
  books(filter: BookFilter, first: Int = 20, sort: [SortOrder!] = [ASC], genre: Genre): [Book!]!
  search(text: String!, limit: Int = 10, target: SearchTarget): [SearchResult!]!
  attachments(of: ID!): [Attachment]
  single: Single
  product(id: ID!): Product
  entity(id: ID!): Entity
  named: Named
  media(first: Int): [Media!]
  priced: [Priced]
  echo(text: String, times: Int = 1, loud: Boolean! = false, at: DateTime, raw: Json): String
  matrix(m: Matrix!, scale: Float = 1.0): [[Float]]
  now: DateTime
  currency: Currency
  strict(n: Int! = "x"): Int
  count(of: [[Int!]], upload: Upload): Int!
  oldField: String @deprecated(reason: "Use echo.")
}

type Mutation {
  addReview(input: ReviewInput!): Review
  placeOrder(input: OrderInput!, dryRun: Boolean = false): Order
  deleteUser(id: ID!, hard: Boolean = false): Boolean!
  setRole(userId: ID!, role: Role!): User
  upload(file: Upload!, name: String): Image
}

type Subscription {
  reviewAdded(bookId: ID): Review
  orderUpdated(orderId: ID!): Order
  userOnline(role: Role): User
  ticker(every: Int = 1): Int!
}
'''

PETS = """
schema { query: QueryRoot subscription: SubscriptionRoot }

directive @onQuery on QUERY
directive @onMutation on MUTATION
directive @onSubscription on SUBSCRIPTION
directive @onField on FIELD
directive @onFragmentDefinition on FRAGMENT_DEFINITION
directive @onFragmentSpread on FRAGMENT_SPREAD
directive @onInlineFragment on INLINE_FRAGMENT
directive @onVariableDefinition on VARIABLE_DEFINITION
directive @again repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @withArgs(req: Int!, opt: String = "o", list: [Int!]) on FIELD | INLINE_FRAGMENT

interface Being { name(surname: Boolean): String }
interface Mammal { mother: Mammal father: Mammal }
interface Pet implements Being { name(surname: Boolean): String }
interface Canine implements Mammal {
  name(surname: Boolean): String
  mother: Canine
  father: Canine
}
interface Intelligent { iq: Int }

enum DogCommand { SIT HEEL DOWN }
enum FurColor { BROWN BLACK TAN SPOTTED NO_FUR UNKNOWN }

type Dog implements Being & Pet & Mammal & Canine {
  name(surname: Boolean): String
  nickname: String
  barkVolume: Int
  barks: Boolean
  doesKnowCommand(dogCommand: DogCommand): Boolean
  isHouseTrained(atOtherHomes: Boolean = true): Boolean
  isAtLocation(x: Int, y: Int): Boolean
  mother: Dog
  father: Dog
}

type Cat implements Being & Pet {
  name(surname: Boolean): String
  nickname: String
  meows: Boolean
  meowsVolume: Int
  furColor: FurColor
}

type Human implements Being & Intelligent {
  name(surname: Boolean): String
  pets: [Pet]
  relatives: [Human]!
  iq: Int
}

type Alien implements Being & Intelligent {
  name(surname: Boolean): String
  numEyes: Int
  iq: Int
}

union CatOrDog = Cat | Dog
union DogOrHuman = Dog | Human
union HumanOrAlien = Human | Alien

input ComplexInput {
  requiredField: Boolean!
  nonNullField: Boolean! = false
  intField: Int
  stringField: String
  booleanField: Boolean
  stringListField: [String]
}

input OneOfInput @oneOf { stringField: String intField: Int complex: ComplexInput }

type ComplicatedArgs {
  intArgField(intArg: Int): String
  nonNullIntArgField(nonNullIntArg: Int!): String
  stringArgField(stringArg: String): String
  booleanArgField(booleanArg: Boolean): String
  enumArgField(enumArg: FurColor): String
  floatArgField(floatArg: Float): String
  idArgField(idArg: ID): String
  stringListArgField(stringListArg: [String]): String
  stringListNonNullArgField(stringListNonNullArg: [String!]): String
  complexArgField(complexArg: ComplexInput): String
  oneOfArgField(oneOfArg: OneOfInput): String
  multipleReqs(req1: Int!, req2: Int!): String
  nonNullFieldWithDefault(arg: Int! = 0): String
  multipleOpts(opt1: Int = 0, opt2: Int = 0): String
  multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
}

type QueryRoot {
  human(id: ID): Human
  alien: Alien
  dog: Dog
  cat: Cat
  pet: Pet
  catOrDog: CatOrDog
  dogOrHuman: DogOrHuman
  humanOrAlien: HumanOrAlien
  complicatedArgs: ComplicatedArgs
}

type SubscriptionRoot {
  catOrDogEvent: CatOrDog
  petEvent(kind: String): Pet
  importantEmails: [String]
}
"""

TINY = """
type Query {
  a: Int
  b(x: Int!): String
  c(s: String = "c", list: [Boolean]): [Int]
  self: Query
}
"""


@cache
def _generated_schemas() -> dict[str, str]:
    """Some of gen_schemas.py's valid schemas, each read as one document: the
    ones with the most object types whose fields can be selected."""
    cases = [c for c in gen_schemas.generate() if c.valid]
    picked: dict[str, str] = {}
    for case in cases[:: max(1, len(cases) // (GENERATED_SCHEMAS * 3))]:
        sdl = "\n".join(case.sources)
        schema = build_schema(sdl)
        objects = [
            t
            for t in schema.type_map.values()
            if is_object_type(t) and not t.name.startswith("__") and getattr(t, "fields", None)
        ]
        if len(objects) >= 4 and schema.query_type is not None:
            picked[f"gen-{case.id}"] = sdl
        if len(picked) == GENERATED_SCHEMAS:
            break
    return picked


SCHEMAS: dict[str, str] = {"shop": SHOP, "pets": PETS, "tiny": TINY, **_generated_schemas()}

# How often each schema gets a document (the rest share the remainder).
SCHEMA_WEIGHTS = {"shop": 5.0, "pets": 3.0, "tiny": 0.6}


# === Documents ==============================================================


@dataclass(frozen=True)
class Case:
    """One corpus entry. `rules` names the rules the mutations mean to
    break (empty for valid documents)."""

    id: str
    schema: str
    group: str  # valid, invalid, combined, many-errors
    source: str
    rules: tuple[str, ...] = ()
    note: str = ""

    @property
    def valid(self) -> bool:
        return self.group == "valid"


# === Values =================================================================

STRINGS = (
    '"plain"',
    '""',
    '"é 日本 😀"',
    '"esc \\" \\\\ \\/ \\b\\f\\n\\r\\t"',
    '"\\u00e9\\u{1F600}\\uD83D\\uDE00"',
    '"tab\there"',
    '"# not a comment"',
    '"""block "quoted" \\""" string"""',
    '"""\n  multi\n    line\n"""',
)
INTS = ("0", "1", "-1", "42", "2147483647", "-2147483648", "7", "-0", "100")
FLOATS = ("1.5", "-0.25", "1e3", "6.02E23", "0.0", "3", "-7", "1.0e-2")
IDS = ('"abc"', '"42"', "7", '"é"', '"VXNlcjox"')
ANY_LITERALS = (
    "1",
    '"s"',
    "1.5",
    "true",
    "null",
    "[1, 2]",
    '{a: 1, b: [true, "x"], c: {d: null}}',
    "ENUM_LIKE",
    "[]",
    "{}",
)
ALIAS_WORDS = ("a", "b", "x", "first", "second", "alias", "other", "on", "query", "true", "_")
VARIABLE_WORDS = ("v", "arg", "input", "on", "true", "query", "x", "filter", "id")
FRAGMENT_WORDS = ("F", "Frag", "parts", "fields", "query", "fragment", "true", "details", "X")
DESCRIPTIONS = ('"An operation."', '"""Block\n  description."""', '"é 😀"')


@dataclass
class Var:
    name: str
    type: str  # as written in the definition
    default: str | None
    directives: str


@dataclass
class Fragment:
    name: str
    type_name: str
    text: str = ""
    variables: set[str] = field(default_factory=set)
    spreads: set[str] = field(default_factory=set)


def _possible(schema: GraphQLSchema, t: GraphQLNamedType) -> set[str]:
    if is_object_type(t):
        return {t.name}
    if is_abstract_type(t):
        return {p.name for p in schema.get_possible_types(t)}  # type: ignore[arg-type]
    return set()


def _composite_types(schema: GraphQLSchema) -> list[GraphQLNamedType]:
    return [
        t for t in schema.type_map.values() if is_composite_type(t) and not t.name.startswith("__")
    ]


class DocGen:
    """Draws one valid document against a schema."""

    MAX_DEPTH = 4
    FIELD_BUDGET = 36

    def __init__(self, rng: random.Random, schema: GraphQLSchema) -> None:
        self.rng = rng
        self.schema = schema
        self.keys: dict[str, tuple[str, str, str]] = {}  # response key -> (name, args, type)
        self.vars: dict[str, Var] = {}
        self.fragments: dict[str, Fragment] = {}
        self.stack: list[Fragment] = []  # fragments being written
        self.used: list[set[str]] = []  # variables used, per definition being written
        self.spread: list[set[str]] = []  # fragments spread, per definition being written
        self.budget = self.FIELD_BUDGET
        self.composites = _composite_types(schema)
        self.directives = {
            d.name: d for d in schema.directives if d.name not in ("skip", "include", "deprecated")
        }

    # --- values -----------------------------------------------------------

    def variable(self, t: GraphQLInputType, one_of_field: bool = False) -> str:
        """A variable allowed at a position of type t: one already made
        when one fits, else a new one."""
        rng = self.rng
        text = str(t)
        nullable = not is_non_null_type(t)
        fits = []
        for var in self.vars.values():
            if (
                (var.type == text and not one_of_field)
                or (nullable and var.type == text + "!")
                or (
                    not nullable
                    and var.type == text[:-1]
                    and var.default not in (None, "null")
                    and not one_of_field
                )
            ):
                fits.append(var)
        if fits and rng.random() < 0.5:
            var = rng.choice(fits)
        else:
            base = get_named_type(t).name
            word = rng.choice(VARIABLE_WORDS) if rng.random() < 0.3 else base[0].lower() + base[1:]
            name = word
            while name in self.vars:
                name = f"{word}{rng.randrange(2, 99)}"
            default: str | None = None
            if one_of_field:
                vtype = text + "!"
            elif nullable:
                vtype = text + "!" if rng.random() < 0.35 else text
            elif rng.random() < 0.2:
                # Nullable, at a non-null position: allowed with a default.
                vtype = text[:-1]
                default = self.literal(t, const=True)
            else:
                vtype = text
            if default is None and rng.random() < 0.25:
                default = self.literal(t, const=True, non_null=vtype.endswith("!"))
            directives = ""
            if rng.random() < 0.15:
                directives = self.directives_for(DirectiveLocation.VARIABLE_DEFINITION, const=True)
            var = Var(name, vtype, default, directives)
            self.vars[name] = var
        if self.used:
            self.used[-1].add(var.name)
        return "$" + var.name

    def literal(
        self,
        t: Any,
        const: bool = False,
        depth: int = 0,
        one_of_field: bool = False,
        non_null: bool = False,
    ) -> str:
        rng = self.rng
        nullable = not is_non_null_type(t) and not non_null and not one_of_field
        inner = t.of_type if is_non_null_type(t) else t
        if not const and not non_null and depth < 4 and rng.random() < 0.18:
            return self.variable(t, one_of_field)
        if nullable and rng.random() < 0.07:
            return "null"
        if is_list_type(inner):
            item = inner.of_type
            if rng.random() < 0.2 and not is_list_type(
                item.of_type if is_non_null_type(item) else item
            ):
                return self.literal(item, const, depth + 1, non_null=True)
            count = 0 if depth >= 3 else rng.randrange(4)
            return "[" + ", ".join(self.literal(item, const, depth + 1) for _ in range(count)) + "]"
        named = get_named_type(inner)
        if is_enum_type(named):
            return str(rng.choice(list(named.values)))
        if is_input_object_type(named):
            return self.object_literal(named, const, depth)
        name = named.name
        if name == "Int":
            return rng.choice(INTS)
        if name == "Float":
            return rng.choice(FLOATS + INTS[:3])
        if name == "String":
            return rng.choice(STRINGS)
        if name == "Boolean":
            return rng.choice(("true", "false"))
        if name == "ID":
            return rng.choice(IDS)
        # Custom scalars take any literal (but null where it must not be).
        return rng.choice(ANY_LITERALS[:4] + ANY_LITERALS[5:] if not nullable else ANY_LITERALS)

    def object_literal(self, t: GraphQLInputObjectType, const: bool, depth: int) -> str:
        rng = self.rng
        fields = list(t.fields.items())
        if t.is_one_of:
            name, f = rng.choice(fields)
            return (
                "{" + f"{name}: {self.literal(f.type, const, depth + 1, one_of_field=True)}" + "}"
            )
        parts = []
        for name, f in fields:
            if is_required_input_field(f) or (depth < 2 and rng.random() < 0.4):
                parts.append(f"{name}: {self.literal(f.type, const, depth + 1)}")
        rng.shuffle(parts)
        return "{" + ", ".join(parts) + "}"

    def arguments(self, args: dict[str, Any], const: bool = False) -> str:
        rng = self.rng
        parts = []
        for name, arg in args.items():
            if is_required_argument(arg) or rng.random() < 0.4:
                parts.append(f"{name}: {self.literal(arg.type, const)}")
        rng.shuffle(parts)
        return f"({', '.join(parts)})" if parts else ""

    def directives_for(
        self, location: DirectiveLocation, const: bool = False, conditionals: bool = True
    ) -> str:
        """Some directives allowed at the location (none most of the time)."""
        rng = self.rng
        out = []
        if (
            conditionals
            and location
            in (
                DirectiveLocation.FIELD,
                DirectiveLocation.FRAGMENT_SPREAD,
                DirectiveLocation.INLINE_FRAGMENT,
            )
            and rng.random() < 0.15
        ):
            name = rng.choice(("skip", "include"))
            value = self.literal(self.schema.get_directive(name).args["if"].type, const)  # type: ignore[union-attr]
            out.append(f"@{name}(if: {value})")
            if rng.random() < 0.15:
                other = "include" if name == "skip" else "skip"
                out.append(f"@{other}(if: {rng.choice(('true', 'false'))})")
        allowed = [d for d in self.directives.values() if location in d.locations]
        if allowed and rng.random() < 0.2:
            for d in rng.sample(allowed, min(len(allowed), rng.randrange(1, 3))):
                times = 2 if d.is_repeatable and rng.random() < 0.4 else 1
                out += [f"@{d.name}{self.arguments(d.args, const)}" for _ in range(times)]
        rng.shuffle(out)
        return " ".join(out)

    # --- selections -------------------------------------------------------

    def key_for(self, name: str, args: str, type_: str) -> str:
        """The response key (alias, or the name) for a field: never one in
        use with another name, other arguments or another type."""
        rng = self.rng
        signature = (name, args, type_)
        key = name
        if rng.random() < 0.15:
            key = rng.choice(ALIAS_WORDS)
        while self.keys.get(key, signature) != signature:
            key = f"{rng.choice((name, *ALIAS_WORDS))}{rng.randrange(2, 999)}"
        self.keys[key] = signature
        return key

    def field_text(self, parent: GraphQLNamedType, name: str, f: GraphQLField, depth: int) -> str:
        args = self.arguments(f.args)
        key = self.key_for(name, args, str(f.type))
        directives = self.directives_for(DirectiveLocation.FIELD, conditionals=depth > 0)
        head = (f"{key}: {name}" if key != name else name) + args
        if directives:
            head += " " + directives
        named = get_named_type(f.type)
        if is_leaf_type(named):
            return head
        return head + " " + self.selection_set(named, depth + 1)

    def fields_of(self, t: GraphQLNamedType, introspection: int) -> list[tuple[str, GraphQLField]]:
        fields = list(getattr(t, "fields", {}).items())
        if introspection >= 3:  # 2 list fields deep at most: MaxIntrospectionDepthRule
            fields = [
                (n, f)
                for n, f in fields
                if n not in ("fields", "interfaces", "possibleTypes", "inputFields")
            ]
        return fields

    def selection_set(
        self, t: GraphQLNamedType, depth: int, root: str | None = None, introspection: int = 0
    ) -> str:
        rng = self.rng
        if root == "subscription":
            return "{ " + self.subscription_root(t) + " }"
        count = rng.randrange(1, 5 if depth < 2 else 3)
        items = [self.selection(t, depth, root, introspection) for _ in range(count)]
        return "{ " + " ".join(items) + " }"

    def selection(
        self, t: GraphQLNamedType, depth: int, root: str | None, introspection: int
    ) -> str:
        rng = self.rng
        fields = self.fields_of(t, introspection)
        r = rng.random()
        if (
            depth < self.MAX_DEPTH
            and self.budget > 0
            and not t.name.startswith("__")
            and (r < 0.2 or is_union_type(t) or (is_abstract_type(t) and r < 0.35))
        ):
            if rng.random() < 0.5:
                return self.inline_fragment(t, depth, root)
            return self.fragment_spread(t, depth, root)
        if root == "query" and rng.random() < 0.06 and depth == 0:
            return self.introspection_field()
        if not fields or rng.random() < 0.06:
            return (
                "__typename"
                if rng.random() < 0.7
                else f"{self.key_for('__typename', '', 'String!')}: __typename"
            )
        leaves = [(n, f) for n, f in fields if is_leaf_type(get_named_type(f.type))]
        if (depth >= self.MAX_DEPTH or self.budget <= 0) and leaves:
            name, f = rng.choice(leaves)
        elif depth >= self.MAX_DEPTH or self.budget <= 0:
            return "__typename"
        else:
            name, f = rng.choice(fields)
        self.budget -= 1
        if introspection:
            return self.introspection_text(name, f, depth, introspection)
        return self.field_text(t, name, f, depth)

    def introspection_field(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            f = SchemaMetaFieldDef
            head = "__schema"
        else:
            f = TypeMetaFieldDef
            name = rng.choice([t.name for t in self.composites] or ["Query"])
            head = f'__type(name: "{name}")'
        key = self.key_for(head.split("(")[0], head, str(f.type))
        if key != head.split("(")[0]:
            head = f"{key}: {head}"
        return head + " " + self.selection_set(get_named_type(f.type), 1, introspection=1)

    def introspection_text(self, name: str, f: GraphQLField, depth: int, level: int) -> str:
        args = self.arguments(f.args, const=True)
        key = self.key_for(name, args, str(f.type))
        head = (f"{key}: {name}" if key != name else name) + args
        named = get_named_type(f.type)
        if is_leaf_type(named):
            return head
        deeper = level + (name in ("fields", "interfaces", "possibleTypes", "inputFields"))
        return head + " " + self.selection_set(named, depth + 1, introspection=deeper)

    def conditions_for(self, t: GraphQLNamedType) -> list[GraphQLNamedType]:
        """Type conditions a fragment may have within a selection on t."""
        mine = _possible(self.schema, t)
        return [c for c in self.composites if _possible(self.schema, c) & mine]

    def inline_fragment(self, t: GraphQLNamedType, depth: int, root: str | None) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            condition, head = t, "..."
        else:
            condition = rng.choice(self.conditions_for(t) or [t])
            head = f"... on {condition.name}"
        directives = self.directives_for(
            DirectiveLocation.INLINE_FRAGMENT, conditionals=root != "subscription"
        )
        if directives:
            head += " " + directives
        return head + " " + self.selection_set(condition, depth + 1)

    def fragment_spread(self, t: GraphQLNamedType, depth: int, root: str | None) -> str:
        rng = self.rng
        conditions = {c.name for c in self.conditions_for(t)} or {t.name}
        usable = [
            f for f in self.fragments.values() if f.type_name in conditions and f not in self.stack
        ]
        if usable and rng.random() < 0.5:
            fragment = rng.choice(usable)
        else:
            condition = self.schema.get_type(rng.choice(sorted(conditions)))
            assert condition is not None
            word = rng.choice(FRAGMENT_WORDS)
            name = word if word not in self.fragments else word + condition.name
            while name in self.fragments:
                name = f"{word}{rng.randrange(2, 999)}"
            fragment = Fragment(name, condition.name)
            self.fragments[name] = fragment
            self.stack.append(fragment)
            self.used.append(set())
            self.spread.append(set())
            body = self.selection_set(condition, depth + 1)
            fragment.variables = self.used.pop()
            fragment.spreads = self.spread.pop()
            self.stack.pop()
            directives = self.directives_for(DirectiveLocation.FRAGMENT_DEFINITION, const=True)
            description = rng.choice(DESCRIPTIONS) + " " if rng.random() < 0.05 else ""
            fragment.text = (
                f"{description}fragment {name} on {condition.name}"
                + (f" {directives}" if directives else "")
                + f" {body}"
            )
        if self.spread:
            self.spread[-1].add(fragment.name)
        directives = self.directives_for(
            DirectiveLocation.FRAGMENT_SPREAD, conditionals=root != "subscription"
        )
        return f"...{fragment.name}" + (f" {directives}" if directives else "")

    def subscription_root(self, t: GraphQLNamedType) -> str:
        """Exactly one root field, maybe inside a fragment on the root type,
        without @skip/@include at the top level."""
        rng = self.rng
        name, f = rng.choice(list(t.fields.items()))  # type: ignore[attr-defined]
        self.budget -= 1
        self.used.append(set())
        self.spread.append(set())
        text = self.field_text(t, name, f, 0)
        used, spread = self.used.pop(), self.spread.pop()
        r = rng.random()
        if 0.15 <= r < 0.25:
            word = rng.choice(FRAGMENT_WORDS)
            fname = word
            while fname in self.fragments:
                fname = f"{word}{rng.randrange(2, 999)}"
            fragment = Fragment(fname, t.name, f"fragment {fname} on {t.name} {{ {text} }}")
            fragment.variables, fragment.spreads = used, spread
            self.fragments[fname] = fragment
            self.spread[-1].add(fname)
            return f"...{fname}"
        self.used[-1] |= used
        self.spread[-1] |= spread
        if r < 0.15:
            return f"... on {t.name} {{ {text} }}"
        return text

    # --- definitions ------------------------------------------------------

    def operation(self, kind: str, name: str | None) -> str:
        rng = self.rng
        root = self.schema.get_root_type(OperationType(kind))
        assert root is not None
        self.used.append(set())
        self.spread.append(set())
        body = self.selection_set(root, 0, root=kind)
        used = self.used.pop()
        spread = self.spread.pop()
        # Every variable of every fragment reached.
        todo = list(spread)
        seen: set[str] = set()
        while todo:
            fname = todo.pop()
            if fname in seen:
                continue
            seen.add(fname)
            used |= self.fragments[fname].variables
            todo += self.fragments[fname].spreads
        definitions = []
        ordered = sorted(used)
        rng.shuffle(ordered)
        for vname in ordered:
            var = self.vars[vname]
            text = f"${var.name}: {var.type}"
            if var.default is not None:
                text += f" = {var.default}"
            if var.directives:
                text += f" {var.directives}"
            definitions.append(text)
        location = {
            "query": DirectiveLocation.QUERY,
            "mutation": DirectiveLocation.MUTATION,
            "subscription": DirectiveLocation.SUBSCRIPTION,
        }[kind]
        directives = self.directives_for(location, const=True)
        if (
            not name
            and not definitions
            and not directives
            and kind == "query"
            and rng.random() < 0.6
        ):
            return body
        description = rng.choice(DESCRIPTIONS) + " " if rng.random() < 0.04 else ""
        head = description + kind + (f" {name}" if name else "")
        if definitions:
            head += f"({', '.join(definitions)})"
        if directives:
            head += f" {directives}"
        return f"{head} {body}"

    def document(self, require: str | None = None) -> str:
        """One document; `require`, an operation type, makes sure it has one."""
        rng = self.rng
        kinds = ["query"]
        if self.schema.mutation_type:
            kinds.append("mutation")
        if self.schema.subscription_type:
            kinds.append("subscription")
        count = 1 if rng.random() < 0.65 else rng.randrange(2, 4)
        chosen = [rng.choices(kinds, weights=[6, 2, 2][: len(kinds)])[0] for _ in range(count)]
        if require and require not in chosen:
            chosen[rng.randrange(count)] = require
        names: list[str | None] = []
        for i in range(count):
            if count == 1 and rng.random() < 0.4:
                names.append(None)
            else:
                names.append(
                    rng.choice(("Q", "Op", "Get", "query", "on", "M", "S", "Main")) + str(i)
                )
        definitions = []
        for kind, name in zip(chosen, names, strict=True):
            self.budget = self.FIELD_BUDGET // count
            definitions.append(self.operation(kind, name))
        definitions += [f.text for f in self.fragments.values()]
        rng.shuffle(definitions)
        # An anonymous shorthand query must not come after... anything: it
        # is only ambiguous in the printed text when it follows a type
        # definition, which executable documents do not have.
        return "\n".join(definitions)


# === Layout =================================================================

_BLOCK_STRING = re.compile(r'"""(?:\\"""|[^"]|"(?!""))*"""')
_SEPARATORS = (" ", " ", ", ", "\t", "\r\n", "\n", "\n\n", " # é😀 comment\n", ",\n  ", "\r")


def relayout(source: str, rng: random.Random) -> str:
    """The same tokens, laid out differently: each line break of print_ast's
    output (outside block strings) kept, or replaced by other ignored
    characters."""
    if rng.random() < 0.25:
        return source
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match.group(0))
        return f"\x00{len(blocks) - 1}\x00"

    protected = _BLOCK_STRING.sub(keep, source)
    join = rng.random()
    pieces = re.split(r"\n[ ]*", protected)
    out = [pieces[0]]
    for piece in pieces[1:]:
        if rng.random() < join:
            out.append(rng.choice(_SEPARATORS))
        else:
            out.append("\n" + " " * rng.choice((0, 2, 4)))
        out.append(piece)
    text = "".join(out)
    if rng.random() < 0.1:
        text = "# leading comment é\n" + text
    return re.sub("\x00(\\d+)\x00", lambda m: blocks[int(m.group(1))], text)


# === Sites: where mutations apply ==========================================


@dataclass
class Site:
    """A node of the document, where it sits and what TypeInfo says there."""

    node: Any
    owner: Any  # the node holding it
    attr: str  # the attribute of owner holding it
    index: int | None  # its index when that attribute is a tuple
    definition: Any  # the operation or fragment definition around it
    parent_type: Any = None
    type: Any = None
    input_type: Any = None
    parent_input_type: Any = None
    field_def: Any = None
    default_value: Any = None  # of the input position
    argument: Any = None
    directive: Any = None
    ancestors: tuple[Any, ...] = ()


class _SiteCollector(Visitor):
    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.sites: dict[str, list[Site]] = {}
        self.definition: Any = None

    def enter(
        self, node: Any, key: Any, parent: Any, path: Sequence[Any], ancestors: Sequence[Any]
    ) -> None:
        if isinstance(node, (OperationDefinitionNode, FragmentDefinitionNode)):
            self.definition = node
        if not isinstance(node, Node) or parent is None:
            return
        if isinstance(key, int):
            owner, attr, index = ancestors[-1], path[-2], key
        else:
            owner, attr, index = parent, key, None
        ti = self.type_info
        site = Site(
            node,
            owner,
            attr,
            index,
            self.definition,
            parent_type=ti.get_parent_type(),
            type=ti.get_type(),
            input_type=ti.get_input_type(),
            parent_input_type=ti.get_parent_input_type(),
            field_def=ti.get_field_def(),
            default_value=ti.get_default_value(),
            argument=ti.get_argument(),
            directive=ti.get_directive(),
            ancestors=tuple(a for a in ancestors if isinstance(a, Node)),
        )
        self.sites.setdefault(node.kind, []).append(site)


def collect_sites(schema: GraphQLSchema, document: DocumentNode) -> dict[str, list[Site]]:
    type_info = TypeInfo(schema)
    collector = _SiteCollector(type_info)
    visit(document, TypeInfoVisitor(type_info, collector))
    return collector.sites


def _set(owner: Any, attr: str, index: int | None, node: Any) -> None:
    """Replace (node) or remove (None) what a slot holds."""
    if index is None:
        setattr(owner, attr, node)
        return
    items = list(getattr(owner, attr))
    if node is None:
        del items[index]
    else:
        items[index] = node
    setattr(owner, attr, tuple(items))


def _insert(owner: Any, attr: str, index: int, node: Any) -> None:
    items = list(getattr(owner, attr) or ())
    items.insert(index, node)
    setattr(owner, attr, tuple(items))


def _selection(text: str) -> Any:
    operation: Any = parse("{" + text + "}", no_location=True).definitions[0]
    return operation.selection_set.selections[0]


def _variable_definition(text: str) -> Any:
    """A variable definition node: _variable_definition("$a: Int = 1")."""
    operation: Any = parse(f"query({text}) {{ a }}", no_location=True).definitions[0]
    return operation.variable_definitions[0]


def _directive(text: str) -> Any:
    return _selection("a " + text).directives[0]


def _argument(text: str) -> Any:
    return _selection(f"a({text})").arguments[0]


def _definitions(text: str) -> list[Any]:
    return list(parse(text, no_location=True).definitions)


def _name(value: str) -> NameNode:
    return NameNode(value=value)


def typo(rng: random.Random, name: str, taken: Sequence[str] = (), near: bool = False) -> str:
    """A name near `name` (for "Did you mean") or, now and then (never when
    `near`), far from it; never `name` itself nor one of `taken`."""
    while True:
        out = _typo(rng, name, near)
        if out != name and out not in taken and re.fullmatch(r"[_A-Za-z][_0-9A-Za-z]*", out):
            return out


def _typo(rng: random.Random, name: str, near: bool = False) -> str:
    r = rng.uniform(0.1, 1.0) if near else rng.random()
    if near and len(name) < 3:
        return name + rng.choice(("s", "x", "_", "2"))
    if r < 0.1 or len(name) < 3:
        return rng.choice(("unknown", "Zzz", "missing_", "xyzzy")) + str(rng.randrange(10))
    if r < 0.3:
        i = rng.randrange(len(name) - 1)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if r < 0.5:
        i = rng.randrange(len(name))
        return name[:i] + name[i + 1 :] or "x"
    if r < 0.65:
        return name.swapcase() if name.swapcase() != name else name + "s"
    if r < 0.8:
        return name + rng.choice(("s", "x", "_", "2"))
    i = rng.randrange(len(name))
    return name[:i] + rng.choice("aeioxz") + name[i + 1 :]


# === Mutations ==============================================================


class Mutator:
    """One way of breaking a rule, on a parsed valid document."""

    def __init__(
        self,
        rule: str,
        apply: Callable[[Mutation], str | None],
        require: str | None = None,
        schemas: Callable[[GraphQLSchema], bool] | None = None,
    ) -> None:
        self.rule = rule
        self.apply = apply
        self.name = apply.__name__.lstrip("_")
        self.require = require  # an operation type the document must have
        self.schemas = schemas  # which schemas the mutation needs


@dataclass
class Mutation:
    rng: random.Random
    schema: GraphQLSchema
    document: DocumentNode
    cached_sites: dict[str, list[Site]] | None = None

    def sites(self, kind: str, where: Callable[[Site], bool] | None = None) -> list[Site]:
        # Collected once per mutator: each looks everything up before it
        # changes the document (_mutate forgets them between mutators).
        if self.cached_sites is None:
            self.cached_sites = collect_sites(self.schema, self.document)
        found = self.cached_sites.get(kind, [])
        return [s for s in found if where is None or where(s)]

    def pick(self, kind: str, where: Callable[[Site], bool] | None = None) -> Site | None:
        found = self.sites(kind, where)
        return self.rng.choice(found) if found else None

    def operations(self, kind: str | None = None) -> list[OperationDefinitionNode]:
        return [
            d
            for d in self.document.definitions
            if isinstance(d, OperationDefinitionNode)
            and (kind is None or d.operation.value == kind)
        ]

    def fragments(self) -> list[FragmentDefinitionNode]:
        return [d for d in self.document.definitions if isinstance(d, FragmentDefinitionNode)]

    def add_definitions(self, text: str) -> None:
        for definition in _definitions(text):
            _insert(
                self.document,
                "definitions",
                self.rng.randrange(len(self.document.definitions) + 1),
                definition,
            )

    def types(self, where: Callable[[Any], bool]) -> list[Any]:
        return [
            t for t in self.schema.type_map.values() if not t.name.startswith("__") and where(t)
        ]

    def fresh_name(self, base: str) -> str:
        taken = {
            getattr(getattr(d, "name", None), "value", None) for d in self.document.definitions
        }
        name = base
        while name in taken:
            name = f"{base}{self.rng.randrange(2, 999)}"
        return name

    def leaf_field_text(self, t: Any) -> str:
        fields = [
            n
            for n, f in getattr(t, "fields", {}).items()
            if not f.args and is_leaf_type(get_named_type(f.type))
        ]
        return self.rng.choice(fields) if fields else "__typename"


def _usages(m: Mutation) -> list[Site]:
    """The variables used in values (not those being defined)."""
    return m.sites(
        "variable", lambda s: s.input_type is not None and s.owner.kind != "variable_definition"
    )


def _executable_definitions(m: Mutation) -> str | None:
    q = m.schema.query_type.name  # type: ignore[union-attr]
    objects = [t.name for t in m.types(is_object_type)]
    snippets = (
        "type Extra { a: Int }",
        f"extend type {q} {{ extra: Int }}",
        f"schema {{ query: {q} }}",
        "scalar Date",
        "directive @new on FIELD",
        "enum Letter { A B }",
        "input In { a: Int = 1 }",
        "interface Iface { a: Extra }",
        f"union U = {' | '.join(objects[:2])}",
        "extend schema @new",
        f'extend scalar {m.rng.choice(("String", "Unknown"))} @specifiedBy(url: "x")',
        '"described" type Described implements Missing { f(a: Missing = 1): Unknown @deprecated }',
    )
    text = m.rng.choice(snippets)
    m.add_definitions(text)
    return text


def _unique_operation_names(m: Mutation) -> str | None:
    named = [o for o in m.operations() if o.name]
    if not named:
        op = m.rng.choice(m.operations())
        op.name = _name(m.fresh_name("Named"))
        named = [op]
    op = m.rng.choice(named)
    others = [o for o in m.operations() if o is not op]
    if others and m.rng.random() < 0.4:
        other = m.rng.choice(others)
        other.name = _name(op.name.value)  # type: ignore[union-attr]
        return f"renamed an operation {op.name.value}"  # type: ignore[union-attr]
    twin = copy.deepcopy(op)
    if m.rng.random() < 0.5:
        twin.operation = m.rng.choice(
            [
                o
                for o in (OperationType.QUERY, OperationType.MUTATION, OperationType.SUBSCRIPTION)
                if m.schema.get_root_type(o)
            ]
        )
        root = m.schema.get_root_type(twin.operation)
        twin.selection_set = _selection(f"a {{ {m.leaf_field_text(root)} }}").selection_set
        twin.variable_definitions = ()
    _insert(m.document, "definitions", m.rng.randrange(len(m.document.definitions) + 1), twin)
    return f"a second operation {op.name.value}"  # type: ignore[union-attr]


def _lone_anonymous_operation(m: Mutation) -> str | None:
    ops = m.operations()
    if len(ops) >= 2 and m.rng.random() < 0.6:
        op = m.rng.choice(ops)
        op.name = None
        return "made an operation anonymous"
    q = m.schema.query_type
    m.add_definitions(
        m.rng.choice(("{ __typename }", f"{{ {m.leaf_field_text(q)} }}", "query { __typename }"))
    )
    return "added an anonymous query"


def _single_field_subscriptions(m: Mutation) -> str | None:
    subscriptions = m.operations("subscription")
    root = m.schema.subscription_type
    if not subscriptions or root is None:
        return None
    sub = m.rng.choice(subscriptions)
    r = m.rng.random()
    if r < 0.2:
        sub.selection_set.selections = (_selection("__typename"),)
        return "__typename as the only root field"
    if r < 0.3:
        _insert(sub.selection_set, "selections", 0, _selection("__schema { queryType { name } }"))
        return "__schema at the root"
    extra_name = m.rng.choice(list(root.fields))
    f = root.fields[extra_name]
    gen = DocGen(m.rng, m.schema)
    args = ", ".join(
        f"{n}: {gen.literal(a.type, const=True)}"
        for n, a in f.args.items()
        if is_required_argument(a) or m.rng.random() < 0.3
    )
    text = extra_name + (f"({args})" if args else "")
    if not is_leaf_type(get_named_type(f.type)):
        text += " { __typename }"
    text = f"{m.rng.choice(ALIAS_WORDS)}{m.rng.randrange(100)}: " + text
    if r < 0.45:
        text = f"... on {root.name} {{ {text} }}"
    elif r < 0.6:
        name = m.fresh_name("More")
        m.add_definitions(f"fragment {name} on {root.name} {{ {text} }}")
        text = f"...{name}"
    elif r < 0.7:
        text = f"... {{ {text} __typename }}"
    selections = sub.selection_set.selections
    _insert(sub.selection_set, "selections", m.rng.randrange(len(selections) + 1), _selection(text))
    return "a second root field"


def _subscription_root_conditionals(m: Mutation) -> str | None:
    subscriptions = m.operations("subscription")
    if not subscriptions:
        return None
    sub = m.rng.choice(subscriptions)
    name = m.rng.choice(("skip", "include"))
    value = m.rng.choice(("true", "false", "$flag"))
    if value == "$flag" and not any(
        v.variable.name.value == "flag" for v in sub.variable_definitions or ()
    ):
        var = _variable_definition("$flag: Boolean! = true")
        _insert(sub, "variable_definitions", 0, var)
    directive = _directive(f"@{name}(if: {value})")
    r = m.rng.random()
    selections = sub.selection_set.selections
    target = m.rng.choice(selections)
    if r < 0.25:
        wrapped = _selection(f"... @{name}(if: {value}) {{ __typename }}")
        wrapped.selection_set.selections = (target,)
        _set(sub.selection_set, "selections", list(selections).index(target), wrapped)
        return "@skip/@include on an inline fragment at the root"
    if r < 0.35:
        second = _directive(f"@{'include' if name == 'skip' else 'skip'}(if: false)")
        target.directives = (*target.directives, directive, second)
        return "@skip and @include at the root"
    if isinstance(target, FragmentSpreadNode) and r < 0.6:
        fragment = next((f for f in m.fragments() if f.name.value == target.name.value), None)
        if fragment is not None and fragment.selection_set.selections:
            inner = fragment.selection_set.selections[0]
            inner.directives = (*inner.directives, directive)
            return "@skip/@include inside a fragment spread at the root"
    target.directives = (*target.directives, directive)
    return f"@{name} on a root selection"


def _known_operation_types(m: Mutation) -> str | None:
    missing = [
        o
        for o in (OperationType.MUTATION, OperationType.SUBSCRIPTION)
        if not m.schema.get_root_type(o)
    ]
    if not missing:
        return None
    op = m.rng.choice(m.operations())
    op.operation = m.rng.choice(missing)
    if op.operation == OperationType.SUBSCRIPTION and m.rng.random() < 0.5:
        op.selection_set.selections = op.selection_set.selections[:1]
    return f"made an operation a {op.operation.value}"


def _known_type_names(m: Mutation) -> str | None:
    r = m.rng.random()
    if r < 0.5:
        site = m.pick("variable_definition")
        if site:
            named = site.node.type
            while not hasattr(named, "name"):
                named = named.type
            named.name = _name(typo(m.rng, named.name.value, list(m.schema.type_map)))
            return f"variable type {named.name.value}"
    if r < 0.75:
        site = m.pick("inline_fragment", lambda s: s.node.type_condition is not None)
        if site:
            condition = site.node.type_condition
            condition.name = _name(typo(m.rng, condition.name.value, list(m.schema.type_map)))
            return "inline fragment condition"
    fragments = m.fragments()
    if fragments:
        fragment = m.rng.choice(fragments)
        condition = fragment.type_condition
        condition.name = _name(typo(m.rng, condition.name.value, list(m.schema.type_map)))
        return "fragment condition"
    site = m.pick("selection_set", lambda s: s.parent_type is not None)
    if not site:
        return None
    _insert(
        site.node,
        "selections",
        0,
        _selection(
            f"... on {typo(m.rng, site.parent_type.name, list(m.schema.type_map))} {{ __typename }}"
        ),
    )
    return "new inline fragment on an unknown type"


def _non_composite(m: Mutation) -> str:
    return str(m.rng.choice([t.name for t in m.types(lambda t: not is_composite_type(t))]))


def _fragments_on_composite_types(m: Mutation) -> str | None:
    leaf = _non_composite(m)
    if m.rng.random() < 0.5 and m.fragments():
        fragment = m.rng.choice(m.fragments())
        fragment.type_condition.name = _name(leaf)
        return f"fragment on {leaf}"
    site = m.pick("inline_fragment", lambda s: s.node.type_condition is not None)
    if site:
        site.node.type_condition.name = _name(leaf)
        return f"inline fragment on {leaf}"
    site = m.pick("selection_set", lambda s: s.parent_type is not None)
    if not site:
        return None
    _insert(
        site.node,
        "selections",
        m.rng.randrange(len(site.node.selections) + 1),
        _selection(f"... on {leaf} {{ __typename }}"),
    )
    return f"new inline fragment on {leaf}"


def _variables_are_input_types(m: Mutation) -> str | None:
    outputs = [t.name for t in m.types(lambda t: is_composite_type(t))]
    site = m.pick("variable_definition")
    if site is None:
        op = m.rng.choice(m.operations())
        if not op.name and not op.variable_definitions:
            op.name = _name(m.fresh_name("WithVar"))
        var = _variable_definition(f"$bad: {m.rng.choice(outputs)}")
        _insert(op, "variable_definitions", 0, var)
        return "new variable of an output type"
    named = site.node.type
    while not hasattr(named, "name"):
        named = named.type
    named.name = _name(m.rng.choice(outputs))
    site.node.default_value = None if m.rng.random() < 0.7 else site.node.default_value
    return f"variable of type {named.name.value}"


def _scalar_leafs(m: Mutation) -> str | None:
    if m.rng.random() < 0.5:
        site = m.pick(
            "field",
            lambda s: (
                s.type is not None
                and is_leaf_type(get_named_type(s.type))
                and s.node.name.value != "__typename"
            ),
        )
        if site:
            site.node.selection_set = _selection(
                m.rng.choice(("a { b }", "a { __typename }", "a { x y }"))
            ).selection_set
            return f"selection on leaf {site.node.name.value}"
    site = m.pick("field", lambda s: s.node.selection_set is not None and s.type is not None)
    if not site:
        return None
    site.node.selection_set = None
    return f"no selection on {site.node.name.value}"


def _fields_on_correct_type(m: Mutation) -> str | None:
    r = m.rng.random()
    if r < 0.3:
        site = m.pick(
            "selection_set", lambda s: s.parent_type is not None and is_abstract_type(s.parent_type)
        )
        if site:
            own = set(getattr(site.parent_type, "fields", {}))
            elsewhere = sorted(
                {n for p in m.schema.get_possible_types(site.parent_type) for n in p.fields} - own
            )
            if elsewhere:
                name = m.rng.choice(elsewhere)
                _insert(
                    site.node,
                    "selections",
                    m.rng.randrange(len(site.node.selections) + 1),
                    _selection(f"{name}"),
                )
                return f"{name} on abstract {site.parent_type.name}"
    site = m.pick(
        "field", lambda s: s.parent_type is not None and s.node.name.value != "__typename"
    )
    if not site:
        return None
    old = site.node.name.value
    if m.rng.random() < 0.3 and not site.node.alias:
        site.node.alias = _name(old)  # keep the response key
    site.node.name = _name(typo(m.rng, old, list(getattr(site.parent_type, "fields", {}))))
    return f"{old} -> {site.node.name.value}"


def _unique_fragment_names(m: Mutation) -> str | None:
    fragments = m.fragments()
    if not fragments:
        return None
    fragment = m.rng.choice(fragments)
    if len(fragments) >= 2 and m.rng.random() < 0.3:
        other = m.rng.choice([f for f in fragments if f is not fragment])
        other.name = _name(fragment.name.value)
        return "renamed a fragment onto another's name"
    twin = copy.deepcopy(fragment)
    if m.rng.random() < 0.5:
        twin.selection_set = _selection("a { __typename }").selection_set
    _insert(m.document, "definitions", m.rng.randrange(len(m.document.definitions) + 1), twin)
    return f"fragment {fragment.name.value} twice"


def _known_fragment_names(m: Mutation) -> str | None:
    site = m.pick("fragment_spread")
    if site:
        site.node.name = _name(
            typo(m.rng, site.node.name.value, [f.name.value for f in m.fragments()])
        )
        return f"spread of {site.node.name.value}"
    site = m.pick("selection_set", lambda s: s.parent_type is not None)
    if not site:
        return None
    _insert(
        site.node,
        "selections",
        m.rng.randrange(len(site.node.selections) + 1),
        _selection("...Undefined"),
    )
    return "spread of Undefined"


def _no_unused_fragments(m: Mutation) -> str | None:
    fragments = m.fragments()
    if fragments and m.rng.random() < 0.5:
        twin = copy.deepcopy(m.rng.choice(fragments))
        twin.name = _name(m.fresh_name("Unused"))
        _insert(m.document, "definitions", m.rng.randrange(len(m.document.definitions) + 1), twin)
        return "copy of a fragment, unused"
    if fragments and m.rng.random() < 0.5:
        # Remove the spreads of one fragment (replaced by __typename).
        target = m.rng.choice(fragments).name.value
        spreads = m.sites("fragment_spread", lambda s: s.node.name.value == target)
        for site in reversed(spreads):
            _set(site.owner, site.attr, site.index, _selection("__typename"))
        if spreads:
            return f"spreads of {target} removed"
    t = m.rng.choice(m.types(is_composite_type))
    m.add_definitions(f"fragment {m.fresh_name('Unused')} on {t.name} {{ __typename }}")
    return "new unused fragment"


def _possible_fragment_spreads(m: Mutation) -> str | None:
    site = m.pick("selection_set", lambda s: s.parent_type is not None)
    if not site:
        return None
    mine = _possible(m.schema, site.parent_type)
    disjoint = [t for t in m.types(is_composite_type) if not (_possible(m.schema, t) & mine)]
    if not disjoint:
        return None
    other = m.rng.choice(disjoint)
    if m.rng.random() < 0.5:
        text = f"... on {other.name} {{ __typename }}"
    else:
        name = m.fresh_name("Elsewhere")
        m.add_definitions(f"fragment {name} on {other.name} {{ __typename }}")
        text = f"...{name}"
    _insert(
        site.node, "selections", m.rng.randrange(len(site.node.selections) + 1), _selection(text)
    )
    return f"{other.name} within {site.parent_type.name}"


def _no_fragment_cycles(m: Mutation) -> str | None:
    fragments = m.fragments()
    if not fragments:
        return None
    fragment = m.rng.choice(fragments)
    name = fragment.name.value
    # Spread it in itself, or in a fragment it spreads (a longer cycle).
    spreads = [s for s in m.sites("fragment_spread", lambda s: s.definition is fragment)]
    target = fragment
    if spreads and m.rng.random() < 0.5:
        inner = next(
            (f for f in fragments if f.name.value == m.rng.choice(spreads).node.name.value), None
        )
        if inner is not None:
            target = inner
    if m.rng.random() < 0.2 and target is fragment:
        # Two new fragments spreading each other, and the fragment into them.
        a, b = m.fresh_name("CycleA"), m.fresh_name("CycleB")
        cond = fragment.type_condition.name.value
        m.add_definitions(
            f"fragment {a} on {cond} {{ ...{b} }} fragment {b} on {cond} {{ ...{a} __typename }}"
        )
        _insert(fragment.selection_set, "selections", 0, _selection(f"...{a}"))
        return "two-fragment cycle"
    selections = target.selection_set.selections
    _insert(
        target.selection_set,
        "selections",
        m.rng.randrange(len(selections) + 1),
        _selection(f"...{name}"),
    )
    return f"{name} spread within {target.name.value}"


def _unique_variable_names(m: Mutation) -> str | None:
    site = m.pick("variable_definition")
    if not site:
        return None
    twin = copy.deepcopy(site.node)
    if m.rng.random() < 0.4:
        twin.type = _variable_definition(f"$a: {m.rng.choice(('Int', 'String!', '[ID]'))}").type
        twin.default_value = None
    _insert(site.owner, site.attr, m.rng.randrange(len(site.owner.variable_definitions) + 1), twin)
    return f"${site.node.variable.name.value} twice"


def _no_undefined_variables(m: Mutation) -> str | None:
    if m.rng.random() < 0.5:
        site = m.pick("variable_definition")
        if site:
            _set(site.owner, site.attr, site.index, None)
            return f"definition of ${site.node.variable.name.value} removed"
    site = m.pick("argument", lambda s: s.argument is not None)
    if not site:
        return None
    site.node.value = parse_value(
        f"${m.rng.choice(('undefined', 'nope', 'on', 'v'))}{m.rng.randrange(100)}"
    )
    return "undefined variable as an argument"


def _no_unused_variables(m: Mutation) -> str | None:
    if m.rng.random() < 0.4:
        variables = _usages(m)
        if variables:
            site = m.rng.choice(variables)
            name = site.node.name.value
            usages = [v for v in variables if v.node.name.value == name]
            literal = DocGen(m.rng, m.schema).literal(site.input_type, const=True)
            for usage in usages:
                _set(usage.owner, usage.attr, usage.index, parse_value(literal))
            return f"usages of ${name} replaced by {literal}"
    op = m.rng.choice(m.operations())
    if not op.name and not op.variable_definitions:
        op.name = _name(m.fresh_name("Unused"))
    type_ = m.rng.choice(
        [t.name for t in m.types(is_input_type)] + ["[Int!]!", "String!", "Boolean"]
    )
    var = _variable_definition(f"$unused{m.rng.randrange(99)}: {type_}")
    _insert(
        op, "variable_definitions", m.rng.randrange(len(op.variable_definitions or ()) + 1), var
    )
    return f"unused variable of type {type_}"


_NODE_LOCATION = {
    "operation_definition": None,  # by operation type
    "field": DirectiveLocation.FIELD,
    "fragment_spread": DirectiveLocation.FRAGMENT_SPREAD,
    "inline_fragment": DirectiveLocation.INLINE_FRAGMENT,
    "fragment_definition": DirectiveLocation.FRAGMENT_DEFINITION,
    "variable_definition": DirectiveLocation.VARIABLE_DEFINITION,
}


def _location_of(node: Any) -> DirectiveLocation:
    if isinstance(node, OperationDefinitionNode):
        return DirectiveLocation[node.operation.name]
    return _NODE_LOCATION[node.kind]  # type: ignore[return-value]


def _directable(m: Mutation) -> list[Any]:
    nodes: list[Any] = []
    for kind in _NODE_LOCATION:
        nodes += [s.node for s in m.sites(kind)]
    nodes += m.operations()
    return nodes


def _directive_text(m: Mutation, name: str) -> str:
    d = m.schema.get_directive(name)
    if d is None:
        return f"@{name}"
    return f"@{name}{DocGen(m.rng, m.schema).arguments(d.args, const=True)}"


def _known_directives(m: Mutation) -> str | None:
    node = m.rng.choice(_directable(m))
    location = _location_of(node)
    if m.rng.random() < 0.35:
        known = [d.name for d in m.schema.directives]
        name = typo(m.rng, m.rng.choice(known), known)
        text = f"@{name}" + m.rng.choice(("", "(if: true)", "(a: 1)"))
    else:
        misplaced = [d for d in m.schema.directives if location not in d.locations]
        if not misplaced:
            return None
        text = _directive_text(m, m.rng.choice(misplaced).name)
    directives = list(node.directives or ())
    directives.insert(m.rng.randrange(len(directives) + 1), _directive(text))
    node.directives = tuple(directives)
    return f"{text} on {location.name}"


def _unique_directives_per_location(m: Mutation) -> str | None:
    node = m.rng.choice(_directable(m))
    location = _location_of(node)
    present = [
        d
        for d in node.directives or ()
        if (dd := m.schema.get_directive(d.name.value)) and not dd.is_repeatable
    ]
    if present and m.rng.random() < 0.6:
        twin = copy.deepcopy(m.rng.choice(present))
    else:
        allowed = [
            d for d in m.schema.directives if location in d.locations and not d.is_repeatable
        ]
        if not allowed:
            return None
        text = _directive_text(m, m.rng.choice(allowed).name)
        first = _directive(text)
        node.directives = (*(node.directives or ()), first)
        twin = _directive(_directive_text(m, first.name.value) if m.rng.random() < 0.5 else text)
    directives = list(node.directives or ())
    directives.insert(m.rng.randrange(len(directives) + 1), twin)
    node.directives = tuple(directives)
    return f"@{twin.name.value} twice on {location.name}"


def _known_argument_names(m: Mutation) -> str | None:
    r = m.rng.random()
    if r < 0.35:
        site = m.pick("directive", lambda s: s.directive is not None)
        if site:
            names = list(site.directive.args) or ["arg"]
            text = f"{typo(m.rng, m.rng.choice(names), names)}: {m.rng.choice(INTS)}"
            _insert(
                site.node,
                "arguments",
                m.rng.randrange(len(site.node.arguments) + 1),
                _argument(text),
            )
            return f"unknown argument of @{site.node.name.value}"
    site = m.pick("field", lambda s: s.field_def is not None)
    if not site:
        return None
    names = list(site.field_def.args) or [site.node.name.value, "first", "id"]
    name = typo(m.rng, m.rng.choice(names), list(site.field_def.args))
    _insert(
        site.node,
        "arguments",
        m.rng.randrange(len(site.node.arguments) + 1),
        _argument(f"{name}: {m.rng.choice(INTS + STRINGS[:3])}"),
    )
    return f"unknown argument {name} of {site.node.name.value}"


def _unique_argument_names(m: Mutation) -> str | None:
    site = m.pick("argument", lambda s: s.argument is not None)
    if not site:
        return None
    twin = copy.deepcopy(site.node)
    if m.rng.random() < 0.5:
        twin.value = parse_value(DocGen(m.rng, m.schema).literal(site.argument.type, const=True))
    _insert(site.owner, site.attr, m.rng.randrange(len(getattr(site.owner, site.attr)) + 1), twin)
    return f"argument {site.node.name.value} twice"


def wrong_literal(rng: random.Random, schema: GraphQLSchema, t: Any) -> str | None:
    """A literal that is not a valid value of the input type t."""
    if is_non_null_type(t) and rng.random() < 0.2:
        return "null"
    inner = t.of_type if is_non_null_type(t) else t
    if is_list_type(inner):
        item = wrong_literal(rng, schema, inner.of_type)
        if item is None:
            return None
        if item == "null":  # a null item of a non-null item type, in a list
            return rng.choice(("[null]", f"[{rng.choice(ANY_LITERALS[:3])}, null]"))
        return rng.choice((f"[{item}]", item, f"[{item}, {item}]"))
    named = get_named_type(inner)
    if is_enum_type(named):
        values = list(named.values)
        value = rng.choice(values)
        return rng.choice(
            (
                typo(rng, value, values),
                f'"{value}"',
                "1",
                "true",
                "false",
                "{a: 1}",
                "UNKNOWN_VALUE",
                "1.5",
            )
        )
    if is_input_object_type(named):
        fields = named.fields
        gen = DocGen(rng, schema)
        r = rng.random()
        if named.is_one_of:
            names = list(fields)
            if r < 0.35 and len(names) >= 2:
                a, b = rng.sample(names, 2)
                first = gen.literal(fields[a].type, const=True, non_null=True)
                second = gen.literal(fields[b].type, const=True, non_null=True)
                return f"{{{a}: {first}, {b}: {second}}}"
            if r < 0.6:
                return f"{{{rng.choice(names)}: null}}"
            if r < 0.8:
                return "{}"
        required = [n for n, f in fields.items() if is_required_input_field(f)]
        body = {n: gen.literal(fields[n].type, const=True) for n in required}
        if r < 0.3 and required:
            del body[rng.choice(required)]
        elif r < 0.5 and required:
            body[rng.choice(required)] = "null"
        elif r < 0.75:
            name = typo(rng, rng.choice(list(fields)))
            if name in fields:
                name += "Z"
            body[name] = rng.choice(INTS)
        elif r < 0.9:
            name = rng.choice(list(fields))
            wrong = wrong_literal(rng, schema, fields[name].type)
            if wrong is None:
                return "1"
            body[name] = wrong
        else:
            return rng.choice(("1", '"object"', "[1]", "true", "ENUM"))
        return "{" + ", ".join(f"{k}: {v}" for k, v in body.items()) + "}"
    name = named.name
    choices = {
        "Int": ('"1"', "1.5", "2147483648", "-2147483649", "true", "ONE", "{a: 1}", "1e3", "[[1]]"),
        "Float": ('"1.5"', "true", "NaN", "{x: 1}", "[[1.5]]"),
        "String": ("1", "1.5", "true", "ENUM", "{s: 1}", '[["a"]]'),
        "Boolean": ("1", '"true"', "TRUE", "0", "{b: true}"),
        "ID": ("1.5", "true", "ENUM", "{id: 1}", "[[1]]"),
    }.get(name)
    if choices is None:  # a custom scalar takes any literal but null
        return "null" if is_non_null_type(t) else None
    return rng.choice(choices)


def _values_of_correct_type(m: Mutation) -> str | None:
    kinds = (
        "int_value", "float_value", "string_value", "boolean_value", "enum_value",
        "object_value", "list_value", "null_value",
    )  # fmt: skip
    candidates: list[Site] = _usages(m)
    for kind in kinds:
        candidates += m.sites(kind, lambda s: s.input_type is not None)
    if m.rng.random() < 0.85:
        m.rng.shuffle(candidates)
        for site in candidates[:20]:
            wrong = wrong_literal(m.rng, m.schema, site.input_type)
            if wrong is None:
                continue
            _set(site.owner, site.attr, site.index, parse_value(wrong))
            return f"{wrong} for {site.input_type}"
    # A variable's default value of the wrong type.
    definition = m.pick("variable_definition")
    if not definition:
        return None
    t = type_from_ast(m.schema, definition.node.type)
    wrong = wrong_literal(m.rng, m.schema, t) if t is not None else None
    if wrong is None or wrong == "null":
        return None
    definition.node.default_value = parse_value(wrong)
    return f"default {wrong} for ${definition.node.variable.name.value}: {t}"


def _near_miss_values(m: Mutation) -> str | None:
    """An enum value or an input object field name a typo away from a real
    one: ValuesOfCorrectTypeRule's "Did you mean" suggestions."""
    enums = m.sites("enum_value", lambda s: is_enum_type(get_named_type(s.input_type)))
    fields = m.sites(
        "object_field", lambda s: is_input_object_type(get_named_type(s.parent_input_type))
    )
    if enums and (not fields or m.rng.random() < 0.5):
        site = m.rng.choice(enums)
        values = list(get_named_type(site.input_type).values)
        wrong = typo(m.rng, site.node.value, values, near=True)
        _set(site.owner, site.attr, site.index, parse_value(wrong))
        return f"enum value {site.node.value} -> {wrong}"
    if not fields:
        return None
    site = m.rng.choice(fields)
    names = list(get_named_type(site.parent_input_type).fields)
    site.node.name = _name(typo(m.rng, site.node.name.value, names, near=True))
    return f"input field -> {site.node.name.value}"


def _provided_required_arguments(m: Mutation) -> str | None:
    sites = m.sites(
        "argument", lambda s: s.argument is not None and is_required_argument(s.argument)
    )
    if sites and m.rng.random() < 0.8:
        site = m.rng.choice(sites)
        _set(site.owner, site.attr, site.index, None)
        return f"required argument {site.node.name.value} removed"
    # A field or directive without its required argument.
    selection = m.pick(
        "selection_set",
        lambda s: s.parent_type is not None and not s.parent_type.name.startswith("__"),
    )
    if not selection:
        return None
    fields = [
        (n, f)
        for n, f in getattr(selection.parent_type, "fields", {}).items()
        if any(is_required_argument(a) for a in f.args.values())
    ]
    if fields and m.rng.random() < 0.6:
        name, f = m.rng.choice(fields)
        key = f"{m.rng.choice(ALIAS_WORDS)}{m.rng.randrange(1000)}: "
        text = key + name + ("" if is_leaf_type(get_named_type(f.type)) else " { __typename }")
    else:
        text = "__typename " + m.rng.choice(("@include", "@skip"))
    _insert(
        selection.node,
        "selections",
        m.rng.randrange(len(selection.node.selections) + 1),
        _selection(text),
    )
    return f"{text} without required arguments"


def _variables_in_allowed_position(m: Mutation) -> str | None:
    usages = _usages(m)
    if not usages:
        return None
    site = m.rng.choice(usages)
    name = site.node.name.value
    definition = site.definition
    ops = [definition] if isinstance(definition, OperationDefinitionNode) else m.operations()
    expected = str(site.input_type)
    parent = site.parent_input_type
    r = m.rng.random()
    if is_input_object_type(parent) and parent.is_one_of and r < 0.6:
        new_type = expected.rstrip("!")  # nullable, in a @oneOf field
    elif expected.endswith("!") and r < 0.5 and site.default_value is Undefined:
        new_type = expected[:-1]
    elif expected.startswith("[") and r < 0.7:
        new_type = get_named_type(site.input_type).name
    else:
        named = get_named_type(site.input_type).name
        others = [t.name for t in m.types(is_input_type) if t.name != named]
        new_type = m.rng.choice(others) + m.rng.choice(("", "!"))
    changed = False
    for op in ops:
        for var in op.variable_definitions or ():
            if var.variable.name.value == name:
                var.type = _variable_definition(f"$a: {new_type}").type
                var.default_value = None
                changed = True
    return f"${name}: {new_type} where {expected} is expected" if changed else None


def _field_with_key(m: Mutation, site: Site) -> str:
    return str(site.node.alias.value if site.node.alias else site.node.name.value)


def _overlapping_fields(m: Mutation) -> str | None:
    r = m.rng.random()
    if r < 0.2:
        # Two object types of an abstract selection: the same response key
        # for fields of different types.
        site = m.pick(
            "selection_set", lambda s: s.parent_type is not None and is_abstract_type(s.parent_type)
        )
        if site:
            objects = list(m.schema.get_possible_types(site.parent_type))
            pairs = []
            for a in objects:
                for b in objects:
                    if a is b:
                        continue
                    for fa, da in a.fields.items():
                        for fb, db in b.fields.items():
                            if (
                                str(da.type) != str(db.type)
                                and not da.args
                                and not db.args
                                and is_leaf_type(get_named_type(da.type))
                                and is_leaf_type(get_named_type(db.type))
                            ):
                                pairs.append((a.name, fa, b.name, fb))
            if pairs:
                a_name, fa, b_name, fb = m.rng.choice(pairs)
                key = m.rng.choice((*ALIAS_WORDS, fa))
                _insert(
                    site.node,
                    "selections",
                    m.rng.randrange(len(site.node.selections) + 1),
                    _selection(f"... on {a_name} {{ {key}: {fa} }}"),
                )
                _insert(
                    site.node,
                    "selections",
                    m.rng.randrange(len(site.node.selections) + 1),
                    _selection(f"... on {b_name} {{ {key}: {fb} }}"),
                )
                return f"{key}: {a_name}.{fa} and {b_name}.{fb}"
    site = m.pick(
        "field",
        lambda s: (
            s.parent_type is not None
            and s.field_def is not None
            and not s.parent_type.name.startswith("__")
        ),
    )
    if not site:
        return None
    key = _field_with_key(m, site)
    parent = site.parent_type
    fields = getattr(parent, "fields", {})
    twin = copy.deepcopy(site.node)
    twin.directives = ()
    how = m.rng.random()
    if how < 0.35 and len(fields) > 1:
        other_name = m.rng.choice([n for n in fields if n != site.node.name.value])
        other = fields[other_name]
        gen = DocGen(m.rng, m.schema)
        args = ", ".join(
            f"{n}: {gen.literal(a.type, const=True)}"
            for n, a in other.args.items()
            if is_required_argument(a)
        )
        sub = "" if is_leaf_type(get_named_type(other.type)) else " { __typename }"
        twin = _selection(f"{key}: {other_name}" + (f"({args})" if args else "") + sub)
        note = f"{key}: {site.node.name.value} and {other_name}"
    elif how < 0.7 and site.field_def.args:
        arg_name = m.rng.choice(list(site.field_def.args))
        arg = site.field_def.args[arg_name]
        present = [a for a in twin.arguments if a.name.value == arg_name]
        value = DocGen(m.rng, m.schema).literal(arg.type, const=True)
        if present and (m.rng.random() < 0.3 and not is_required_argument(arg)):
            twin.arguments = tuple(a for a in twin.arguments if a.name.value != arg_name)
        elif present:
            if print_ast(present[0].value) == value:
                value = wrong_literal(m.rng, m.schema, arg.type) or "null"
            present[0].value = parse_value(value)
        else:
            twin.arguments = (*twin.arguments, _argument(f"{arg_name}: {value}"))
        note = f"{key} with differing arguments"
    elif twin.selection_set is not None:
        inner = [s for s in twin.selection_set.selections if isinstance(s, FieldNode)]
        named = get_named_type(site.type)
        inner_fields = list(getattr(named, "fields", {}))
        if inner and len(inner_fields) > 1:
            victim = m.rng.choice(inner)
            victim_key = victim.alias.value if victim.alias else victim.name.value
            others = [n for n in inner_fields if n != victim.name.value]
            other_name = m.rng.choice(others)
            sub = (
                ""
                if is_leaf_type(get_named_type(named.fields[other_name].type))
                else " { __typename }"
            )
            args = ", ".join(
                f"{n}: {DocGen(m.rng, m.schema).literal(a.type, const=True)}"
                for n, a in named.fields[other_name].args.items()
                if is_required_argument(a)
            )
            twin.selection_set.selections = (
                _selection(f"{victim_key}: {other_name}" + (f"({args})" if args else "") + sub),
            )
            note = f"{key} with conflicting subfields"
        else:
            return None
    else:
        # Same key, another field name, by alias.
        others = [n for n in fields if n != site.node.name.value]
        if not others:
            return None
        other_name = m.rng.choice(others)
        other = fields[other_name]
        if other.args and any(is_required_argument(a) for a in other.args.values()):
            return None
        sub = "" if is_leaf_type(get_named_type(other.type)) else " { __typename }"
        twin = _selection(f"{key}: {other_name}{sub}")
        note = f"{key}: {other_name}"
    where = m.rng.random()
    selections = getattr(site.owner, site.attr)
    if where < 0.2:
        name = m.fresh_name("Conflict")
        m.add_definitions(f"fragment {name} on {parent.name} {{ __typename }}")
        fragment = next(f for f in m.fragments() if f.name.value == name)
        fragment.selection_set.selections = (twin,)
        twin = _selection(f"...{name}")
        note += " through a fragment"
    elif where < 0.35:
        wrapper = _selection(f"... on {parent.name} {{ __typename }}")
        wrapper.selection_set.selections = (twin,)
        twin = wrapper
        note += " in an inline fragment"
    _insert(site.owner, site.attr, m.rng.randrange(len(selections) + 1), twin)
    return note


def _unique_input_field_names(m: Mutation) -> str | None:
    site = m.pick("object_field")
    if not site:
        return None
    twin = copy.deepcopy(site.node)
    if m.rng.random() < 0.4 and site.input_type is not None:
        twin.value = parse_value(DocGen(m.rng, m.schema).literal(site.input_type, const=True))
    _insert(site.owner, site.attr, m.rng.randrange(len(getattr(site.owner, site.attr)) + 1), twin)
    return f"input field {site.node.name.value} twice"


DEEP_INTROSPECTION = (
    "__schema { types { fields { type { fields { type { fields { name } } } } } } }",
    '__type(name: "Query") { fields { type { interfaces { fields { name } } } } }',
    '__type(name: "Query") { inputFields { type { inputFields { type { inputFields { name } } } } }'
    " }",
    "__schema { types { possibleTypes { interfaces { possibleTypes { name } } } } }",
    "__schema { queryType { fields { type { ofType { fields { type { ofType { fields { name } }"
    " } } } } } } }",
    '__type(name: "Query") { ...DeepA }',
    "__schema { types { ...DeepB } }",
)
DEEP_FRAGMENTS = {
    "DeepA": "fragment DeepA on __Type { fields { type { ...DeepC } } }"
    " fragment DeepC on __Type { fields { type { fields { name } } } }",
    "DeepB": "fragment DeepB on __Type { interfaces { fields { type { interfaces { name } } } } }",
}


def _max_introspection_depth(m: Mutation) -> str | None:
    ops = m.operations("query")
    if not ops:
        return None
    op = m.rng.choice(ops)
    text = m.rng.choice(DEEP_INTROSPECTION)
    alias = f"deep{m.rng.randrange(1000)}: " if m.rng.random() < 0.5 else ""
    for name, fragment in DEEP_FRAGMENTS.items():
        if f"...{name}" in text and not any(f.name.value == name for f in m.fragments()):
            m.add_definitions(fragment)
    _insert(
        op.selection_set,
        "selections",
        m.rng.randrange(len(op.selection_set.selections) + 1),
        _selection(alias + text),
    )
    return text


def _has_missing_root(schema: GraphQLSchema) -> bool:
    return schema.mutation_type is None or schema.subscription_type is None


MUTATORS: tuple[Mutator, ...] = (
    Mutator("ExecutableDefinitionsRule", _executable_definitions),
    Mutator("UniqueOperationNamesRule", _unique_operation_names),
    Mutator("LoneAnonymousOperationRule", _lone_anonymous_operation),
    Mutator(
        "SingleFieldSubscriptions2025Rule", _single_field_subscriptions, require="subscription"
    ),
    Mutator(
        "SingleFieldSubscriptions2025Rule", _subscription_root_conditionals, require="subscription"
    ),
    Mutator("KnownOperationTypesRule", _known_operation_types, schemas=_has_missing_root),
    Mutator("KnownTypeNamesRule", _known_type_names),
    Mutator("FragmentsOnCompositeTypesRule", _fragments_on_composite_types),
    Mutator("VariablesAreInputTypesRule", _variables_are_input_types),
    Mutator("ScalarLeafsRule", _scalar_leafs),
    Mutator("FieldsOnCorrectTypeRule", _fields_on_correct_type),
    Mutator("UniqueFragmentNamesRule", _unique_fragment_names),
    Mutator("KnownFragmentNamesRule", _known_fragment_names),
    Mutator("NoUnusedFragmentsRule", _no_unused_fragments),
    Mutator("PossibleFragmentSpreadsRule", _possible_fragment_spreads),
    Mutator("NoFragmentCyclesRule", _no_fragment_cycles),
    Mutator("UniqueVariableNamesRule", _unique_variable_names),
    Mutator("NoUndefinedVariablesRule", _no_undefined_variables),
    Mutator("NoUnusedVariablesRule", _no_unused_variables),
    Mutator("KnownDirectivesRule", _known_directives),
    Mutator("UniqueDirectivesPerLocationRule", _unique_directives_per_location),
    Mutator("KnownArgumentNamesRule", _known_argument_names),
    Mutator("UniqueArgumentNamesRule", _unique_argument_names),
    Mutator("ValuesOfCorrectTypeRule", _values_of_correct_type),
    Mutator("ValuesOfCorrectTypeRule", _near_miss_values),
    Mutator("ProvidedRequiredArgumentsRule", _provided_required_arguments),
    Mutator("VariablesInAllowedPositionRule", _variables_in_allowed_position),
    Mutator("OverlappingFieldsCanBeMergedRule", _overlapping_fields),
    Mutator("UniqueInputFieldNamesRule", _unique_input_field_names),
    Mutator("MaxIntrospectionDepthRule", _max_introspection_depth),
)


# === Edge cases ============================================================

# Hand-written documents for the corners the generator reaches rarely or
# never: variables inside custom scalar literals, @oneOf with variables and
# nulls, a default graphql-core drops (strict(n: Int! = "x") is required),
# nullable variables in non-null positions with defaults, lists coerced from
# single values, enum values as strings and in lower case, values printed in
# messages (escapes, non-ASCII, block strings, 1e400), a BOM, argument order
# in field merging, the same fragment or variable defined twice with
# different bodies or types (which one the rules use), operations of a type
# the schema lacks, subscriptions with @skip/@include reached through
# fragments and inline fragments (and where the type condition does not
# apply), introspection depth in every list field and through fragments,
# directives in every wrong place.
EDGE_CASES: tuple[tuple[str, str], ...] = (
    ("shop", "{ echo(raw: {a: $v, b: [1, $w]}) }"),
    ("shop", "query($v: Int) { echo(raw: {a: $v, b: [1, $w]}) }"),
    ("shop", "query($v: Int, $w: String) { echo(raw: {a: $v, b: [1, $w]}) count(upload: $v) }"),
    ("shop", "query($v: Json) { echo(text: $v) }"),
    ("shop", '{ user(by: {id: 1, email: "x"}) { id } }'),
    ("shop", "query($e: String) { user(by: {email: $e}) { id } }"),
    ("shop", "query($e: String!) { user(by: {email: $e, id: null}) { id } }"),
    ("shop", "{ user(by: {}) { id } }"),
    ("shop", "{ user(by: {email: null}) { id } }"),
    ("shop", "query($b: UserLookup) { user(by: $b) { id } }"),
    ("shop", "{ strict { x } }"),
    ("shop", "{ strict }"),
    ("shop", "query($n: Int) { strict(n: $n) }"),
    ("shop", "query($n: Int = 3) { strict(n: $n) }"),
    ("shop", "query($n: Int = null) { strict(n: $n) }"),
    ("shop", "query($l: LogLevel) { me @log(level: $l) { id } }"),
    ("shop", "query($l: [Int]) { count(of: [$l]) }"),
    ("shop", "query($l: [Int!]) { count(of: [$l]) }"),
    ("shop", "query($l: Int!) { count(of: $l) }"),
    ("shop", "query($l: Int!) { count(of: [[$l]]) }"),
    ("shop", "{ count(of: [[1, null]]) }"),
    ("shop", "{ count(of: 1) }"),
    ("shop", "{ count(of: [1]) }"),
    ("shop", "{ matrix(m: {rows: 1.5}) }"),
    ("shop", '{ matrix(m: {rows: [[1, "a"]], label: 2}) }'),
    ("shop", "{ books(filter: {genre: FICTIO, price: {currency: usd}}) { id } }"),
    ("shop", '{ books(filter: {genre: "FICTION"}) { id } }'),
    ("shop", '{ books(filter: {not: {not: {not: {titel: "x"}}}}) { id } }'),
    ("shop", '{ search(text: "x", target: {book: {ids: [1.5]}}) { __typename } }'),
    ("shop", "{ echo(times: 99999999999999999999) }"),
    ("shop", "{ echo(times: -0) echo(times: 0) }"),
    ("shop", "{ a: echo(times: 1) a: echo(times: 1.0) }"),
    ("shop", '{ a: echo(text: "x") a: echo(text: """x""") }'),
    ("shop", "{ a: echo(raw: {a: 1, b: 2}) a: echo(raw: {b: 2, a: 1}) }"),
    ("shop", "query($v: String) { a: echo(text: $v) a: echo(text: $w) }"),
    ("shop", "{ now(x: 1) }"),
    ("shop", "{ __type(name: 1) { name } }"),
    ("shop", "{ __schema { types(x: 1) { name } } }"),
    ("shop", "{ __typename(a: 1) }"),
    ("shop", "{ node(id: 1) { ... on Book { size } ... on Image { size } } }"),
    ("shop", "{ attachments(of: 1) { ... on Book { size } ... on Image { size } } }"),
    (
        "shop",
        "{ attachments(of: 1) { ... on Book { x: title } ... on Image { x: title } ... on "
        "Video { x: size } } }",
    ),
    ("shop", "\ufeff{ unknown }"),
    ("shop", "\ufeff\ufeff{ me { unknown } }"),
    ("shop", "{ echo(times: 1e400) }"),
    ("shop", "{ matrix(m: {rows: [[1e400, -1e400, 1.7976931348623157e308]]}) }"),
    ("shop", '{ echo(times: "é\\u0001 😀 \\" \\\\ \\n \\t \\u{1F600} \\uD83D\\uDE00") }'),
    ("shop", '{ echo(times: "\x7f \x85 \u2028") }'),
    ("shop", '{ echo(times: """multi\n   line \\""" block""") }'),
    ("shop", '{ echo(times: """""") }'),
    ("shop", '{ echo(times: """  \n  x\n   y  \n""") }'),
    ("shop", '{ echo(times: {a: """x\ny""", b: [1, "é"], c: ENUM, d: null}) }'),
    ("shop", "query($v: Int) { echo(times: {a: $v}) }"),
    ("shop", "{ echo(text: {a: 1}) }"),
    ("shop", '{ echo(text: ["a", "b"]) }'),
    ("shop", '{ echo(loud: "true") }'),
    ("shop", '{ books(sort: [ASC, "DESC", desc, null]) { id } }'),
    ("shop", "{ books(sort: ASC) { id } }"),
    ("shop", "{ books(sort: null) { id } }"),
    ("shop", "{ books(first: 1.0) { id } }"),
    ("shop", "{ node(id: 1.5) { id } }"),
    ("shop", "{ node(id: -12345678901234567890) { id } }"),
    ("shop", "{ users(role: GUEST) { id } }"),
    ("shop", "{ users(role: guest) { id } }"),
    ("shop", '{ users(role: "VIEWER") { id } }'),
    ("shop", '{ users(role: "viewer") { id } }'),
    ("shop", '{ users(role: "viewr") { id } }'),
    ("shop", "{ users(role: VIEWR) { id } }"),
    ("shop", '{ books(filter: {titl: "x"}) { id } }'),
    ("shop", "{ me { nam } }"),
    ("shop", "{ node(id: 1) { titl } }"),
    ("shop", "{ node(id: 1) { issue } }"),
    ("shop", "query($v: Strin) { echo(text: $v) }"),
    ("shop", "{ me { name(uper: true) } }"),
    ("shop", "{ me @cached(tl: 1) { id } }"),
    ("shop", "{ me @skipp(if: true) { id } }"),
    ("shop", "{ me { id { x } } }"),
    ("shop", "{ me }"),
    ("shop", "{ product(id: 1) }"),
    ("shop", '{ search(text: "x") }'),
    ("shop", '{ search(text: "x") { id } }'),
    ("shop", '{ search(text: "x") { ... on Node { id titl } } }'),
    ("shop", "query Q($a: Int, $a: String) { echo(times: $a) }"),
    ("shop", "query Q($a: Int!, $a: Int) { echo(times: $a) }"),
    ("shop", "query Q($a: Int, $a: Int!) { echo(times: $a) }"),
    ("shop", 'query Q($a: Int = "x", $a: Int = 1) { echo(times: $a) }'),
    ("shop", "fragment F on User { id } fragment F on Book { title } { me { ...F } }"),
    ("shop", "fragment F on Book { title } fragment F on User { id } { me { ...F } }"),
    (
        "shop",
        "{ me { ...F } } fragment F on User { ...G } fragment G on User { ...F } fragment G "
        "on User { id }",
    ),
    ("shop", "subscription { ticker @include(if: true) }"),
    (
        "shop",
        "subscription S { ...F } fragment F on Subscription { ticker @skip(if: $x) "
        "userOnline { id } }",
    ),
    (
        "shop",
        "subscription S($x: Boolean!) { ... @skip(if: $x) { ticker } ...F @include(if: "
        "true) } fragment F on Subscription { userOnline { id } }",
    ),
    ("shop", "subscription { __typename ticker }"),
    ("shop", "subscription { ticker ticker }"),
    ("shop", "subscription { a: ticker b: ticker }"),
    ("shop", "subscription S { ...F ...F } fragment F on Subscription { ticker }"),
    ("shop", "subscription { ... on Query { me { id } } ticker }"),
    ("shop", "subscription { ... on Node { id } ticker }"),
    ("shop", "mutation { a: deleteUser(id: 1) b: deleteUser(id: 2) }"),
    ("shop", "query { __schema { types { fields { type { fields { type { name } } } } } } }"),
    (
        "shop",
        'query { __type(name: "X") { fields { type { fields { type { fields { name } } } } } } }',
    ),
    (
        "shop",
        '{ __type(name: "X") { a: fields { b: type { c: fields { d: type { e: fields { name '
        "} } } } } } }",
    ),
    ("shop", "{ __schema { types { interfaces { interfaces { interfaces { name } } } } } }"),
    (
        "shop",
        "{ __schema { types { inputFields { type { inputFields { type { inputFields { name "
        "} } } } } } } }",
    ),
    (
        "shop",
        "{ __schema { types { possibleTypes { possibleTypes { possibleTypes { name } } } } } }",
    ),
    (
        "shop",
        "{ __schema { types { fields { args { type { fields { type { fields { name } } } } "
        "} } } } }",
    ),
    (
        "shop",
        "{ __schema { types { ...F } } } fragment F on __Type { fields { type { ...G } } } "
        "fragment G on __Type { fields { type { fields { name } } } }",
    ),
    ("tiny", "mutation { a }"),
    ("tiny", "mutation M($v: Int) { b(x: $v) ...F } fragment F on Mutation { a }"),
    ("tiny", "subscription { a b @skip(if: true) }"),
    ("tiny", "subscription S { ...F } fragment F on Query { a }"),
    ("tiny", "{ ...F } fragment F on Nope { a }"),
    ("tiny", "{ ...F } fragment F on Nope { ...F }"),
    ("tiny", "{ ... on Nope { a } ... on Int { a } ... on Query @skip(if: true) { a } }"),
    ("shop", "subscription { ... on Query @skip(if: true) { me { id } } ticker }"),
    ("shop", "subscription { ...Q ticker } fragment Q on Query { me @include(if: false) { id } }"),
    (
        "shop",
        "subscription { ...Q } fragment Q on Subscription { ... on Subscription { ticker "
        "@skip(if: true) } }",
    ),
    ("shop", "subscription { ...Q ...Q @skip(if: false) } fragment Q on Subscription { ticker }"),
    ("shop", "subscription { __schema { queryType { name } } }"),
    ("shop", 'subscription { __type(name: "x") { name } ticker }'),
    ("shop", "subscription Sub { ticker __typename }"),
    ("shop", "{ product(id: 1) { __typename title } }"),
    ("shop", "query Q { ...F } fragment F on Query @include(if: true) { me { id } }"),
    ("shop", "query($v: Int) @cached(ttl: $v) { me { id } }"),
    ("shop", "query($v: Int, $u: Int) @cached(ttl: $v) { me { id } }"),
    (
        "shop",
        "query A($v: Int) { ...F } query B($v: String) { ...F } fragment F on Query { "
        "echo(times: $v) }",
    ),
    (
        "shop",
        "query A { ...F } fragment F on Query { ...G echo(times: $a) } fragment G on Query "
        "{ ...F echo(text: $b) }",
    ),
    (
        "shop",
        "query A($a: Int, $b: String, $c: Int) { ...F } fragment F on Query { ...G "
        "echo(times: $a) } fragment G on Query { ...F echo(text: $b) }",
    ),
    ("shop", "query A($a: Int!) { echo(times: $a) ...on Query { echo(times: $a) } }"),
    ("shop", "query A($a: Boolean) { me @include(if: $a) { id } }"),
    ("shop", "query A($a: Boolean = true) { me @include(if: $a) { id } }"),
    ("shop", "query A($a: Boolean = null) { me @include(if: $a) { id } }"),
    ("shop", "query A($a: LogLevel) { me @log(level: $a) { id } }"),
    ("shop", "query A($a: [String]) { me @log(tags: $a) { id } }"),
    ("shop", "query A($a: String) { me @log(tags: [$a]) { id } }"),
    ("shop", "query A($a: UserLookup) { user(by: $a) { id } }"),
    ("shop", "query A($a: ID) { user(by: {id: $a}) { id } }"),
    ("shop", "query A($a: ID = 1) { user(by: {id: $a}) { id } }"),
    ("shop", "query A($a: ID!) { user(by: {id: $a, email: null}) { id } }"),
    ("shop", "query A($a: ID!, $b: String!) { user(by: {id: $a, email: $b}) { id } }"),
    ("shop", 'query A($a: ID!) { search(text: "x", target: {user: {id: $a}}) { __typename } }'),
    ("shop", 'query A($a: UserLookup!) { search(text: "x", target: {user: $a}) { __typename } }'),
    ("shop", 'query A($a: UserLookup) { search(text: "x", target: {user: $a}) { __typename } }'),
    ("shop", 'query A($a: [Genre!]) { search(text: "x", target: {genres: $a}) { __typename } }'),
    ("shop", "query A($a: Int = 1) { strict(n: $a) }"),
    ("shop", "query A($a: Int) { count(of: [[$a]]) }"),
    ("shop", "query A($a: [Int]) { count(of: [$a]) }"),
    ("shop", "query A($a: [[Int!]]) { count(of: $a) }"),
    ("shop", "query A($a: [[Int!]!]!) { count(of: $a) }"),
    ("shop", "query A($a: [Int!]) { count(of: $a) }"),
    ("shop", "query A($a: Json) { count(upload: $a) }"),
    ("shop", "query A($a: Upload!) { count(upload: $a) echo(raw: $a) }"),
    ("shop", "query A($a: Float) { echo(times: $a) }"),
    ("shop", "query A($a: Int) { matrix(m: {rows: [[$a]]}) }"),
    ("shop", "query A($a: Matrix) { matrix(m: $a) }"),
    ("shop", "query A($a: Matrix = {rows: [[1]]}) { matrix(m: $a) }"),
    ("shop", "query A($a: Matrix = {rows: [[1, null]]}) { matrix(m: $a) }"),
    ("shop", 'query A($a: Matrix! = {rows: []}, $b: Float = "x") { matrix(m: $a, scale: $b) }'),
    ("pets", "{ dog { name ... on Cat { name } } }"),
    ("pets", "{ pet { ... on Dog { name } ... on Cat { name: nickname } } }"),
    ("pets", "{ pet { ... on Dog { barkVolume: name } ... on Cat { barkVolume: meowsVolume } } }"),
    ("pets", "{ catOrDog { ... on Dog { x: barkVolume } ... on Cat { x: furColor } } }"),
    (
        "pets",
        "{ dogOrHuman { ... on Dog { mother { name } } ... on Human { mother: pets { name } } } }",
    ),
    (
        "pets",
        "{ dog { ...on Canine { mother { ... on Dog { n: barkVolume } } } mother { n: name } } }",
    ),
    ("pets", "{ dog { mother { barkVolume } father: mother { barkVolume } } }"),
    ("pets", "{ human { relatives { iq } relatives { iq: name } } }"),
    ("pets", "{ complicatedArgs { multipleReqs } }"),
    ("pets", "{ complicatedArgs { multipleReqs(req1: 1) multipleReqs(req2: 2, req1: 1) } }"),
    ("pets", '{ complicatedArgs { oneOfArgField(oneOfArg: {stringField: "a", intField: 1}) } }'),
    ("pets", "{ complicatedArgs { oneOfArgField(oneOfArg: {complex: {requiredField: true}}) } }"),
    ("pets", "{ complicatedArgs { oneOfArgField(oneOfArg: {complex: {}}) } }"),
    (
        "pets",
        "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, "
        "requiredField: false}) } }",
    ),
    (
        "pets",
        "{ complicatedArgs { complexArgField(complexArg: {requiredField: null, "
        "nonNullField: null}) } }",
    ),
    ("pets", "{ dog @onField @onField { name } }"),
    ("pets", "{ dog @again @again { name } }"),
    ("pets", "query @onQuery @onMutation { dog { name } }"),
    ("pets", "query ($v: Int @onVariableDefinition @onField) { dog { isAtLocation(x: $v) } }"),
    (
        "pets",
        "{ dog { ...F @onFragmentSpread @onInlineFragment } } fragment F on Dog "
        "@onFragmentDefinition @onFragmentSpread { name }",
    ),
    ("pets", "{ dog { ... @onInlineFragment @onFragmentSpread { name } } }"),
    ("pets", "{ dog { name @withArgs } }"),
    ("pets", '{ dog { name @withArgs(req: "x", opt: 1, list: [1, null], extra: 2) } }'),
)


# === The corpus =============================================================


def _pick_schema(rng: random.Random, where: Callable[[GraphQLSchema], bool] | None = None) -> str:
    names = [n for n in SCHEMAS if where is None or where(reference_schema(n))]
    weights = [SCHEMA_WEIGHTS.get(n, 0.35) for n in names]
    return rng.choices(names, weights=weights)[0]


def _valid_text(
    rng: random.Random, schema_name: str, require: str | None = None, budget: int = 36
) -> str:
    """A valid document as the generator writes it (one line a definition)."""
    schema = reference_schema(schema_name)
    if require and schema.get_root_type(OperationType(require)) is None:
        raise ValueError(f"{schema_name} has no {require} root")
    gen = DocGen(rng, schema)
    gen.FIELD_BUDGET = budget
    return gen.document(require)


def _valid_source(rng: random.Random, schema_name: str) -> str:
    return print_ast(parse(_valid_text(rng, schema_name), no_location=True))


def _mutate(
    rng: random.Random, mutators: Sequence[Mutator], tries: int = 30
) -> tuple[str, str, list[str]] | None:
    """A valid document of a fitting schema with the mutations applied:
    (schema, source, notes), or None when they found nowhere to apply."""
    for _ in range(tries):
        need = next((mu.require for mu in mutators if mu.require), None)

        def fits(schema: GraphQLSchema, need: str | None = need) -> bool:
            if need and schema.get_root_type(OperationType(need)) is None:
                return False
            return all(mu.schemas is None or mu.schemas(schema) for mu in mutators)

        schema_name = _pick_schema(rng, fits)
        text = _valid_text(rng, schema_name, need, budget=MUTATED_BUDGET)
        document = parse(text, no_location=True)
        mutation = Mutation(rng, reference_schema(schema_name), document)
        notes = []
        for mutator in mutators:
            mutation.cached_sites = None
            note = mutator.apply(mutation)
            if note is None:
                break
            notes.append(f"{mutator.name}: {note}")
        else:
            return schema_name, print_ast(document), notes
    return None


def _many_errors(rng: random.Random, index: int) -> tuple[str, str]:
    """A document with more than 100 errors of several rules."""
    schema_name = rng.choice(("shop", "pets", "tiny"))
    schema = reference_schema(schema_name)
    q = schema.query_type
    assert q is not None
    leaf = (
        next(n for n, f in q.fields.items() if not f.args and is_leaf_type(get_named_type(f.type)))
        if schema_name != "pets"
        else None
    )
    parts = []
    for i in range(rng.randrange(105, 170)):
        r = rng.random()
        if r < 0.4:
            parts.append(f"unknown{i}")
        elif r < 0.6 and leaf:
            parts.append(f"{leaf} {{ sub{i} }}")
        elif r < 0.8:
            parts.append(f"...Missing{i % 7}")
        else:
            parts.append(f"f{i}: __typename @nope{i % 3}")
    text = "{ " + " ".join(parts) + " }"
    if index % 2:
        text = "query Q($unused: Int, $bad: Query) " + text + " fragment Lonely on Missing { a }"
    return schema_name, print_ast(parse(text, no_location=True))


def generate(seed: int = DEFAULT_SEED) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []

    def add(
        group: str, schema: str, source: str, rules: tuple[str, ...] = (), note: str = ""
    ) -> None:
        cases.append(
            Case(f"{group}-{len(cases):05d}", schema, group, relayout(source, rng), rules, note)
        )

    for _ in range(VALID_COUNT):
        schema_name = _pick_schema(rng)
        add("valid", schema_name, _valid_source(rng, schema_name))
    for round_index in range(MUTATION_ROUNDS):
        for mutator in MUTATORS:
            result = _mutate(rng, [mutator])
            if result is None:
                continue
            schema_name, source, notes = result
            add("invalid", schema_name, source, (mutator.rule,), "; ".join(notes))
        del round_index
    for _ in range(COMBINED_COUNT):
        chosen = rng.sample(MUTATORS, rng.randrange(2, 4))
        result = _mutate(rng, chosen)
        if result is None:
            continue
        schema_name, source, notes = result
        add("combined", schema_name, source, tuple(mu.rule for mu in chosen), "; ".join(notes))
    for i in range(MANY_ERRORS_COUNT):
        schema_name, source = _many_errors(rng, i)
        add("many-errors", schema_name, source, (), "more than 100 errors")
    for schema_name, source in EDGE_CASES:
        cases.append(Case(f"edge-{len(cases):05d}", schema_name, "edge", source, (), "edge case"))
    return cases


# === Checking ===============================================================


def check(cases: list[Case]) -> int:
    """Every valid document is valid for graphql-core and every mutation
    breaks its rule; print how often each rule is broken."""
    problems = 0
    broken: Counter[str] = Counter()
    meant: Counter[str] = Counter()
    for case in cases:
        ref = reference_validate(reference_schema(case.schema), case.source)
        fired = set(ref.rules)
        for rule in fired:
            broken[rule] += 1
        for rule in case.rules:
            meant[rule] += 1
        if case.group == "edge":
            continue
        if case.valid and ref.formatted:
            problems += 1
            print(f"{case.id}: valid document has errors: {ref.formatted[:2]}\n{case.source}\n")
        elif not case.valid and not ref.formatted:
            problems += 1
            print(f"{case.id}: no errors ({case.note})\n{case.source}\n")
        elif case.group == "invalid" and case.rules[0] not in fired:
            problems += 1
            print(f"{case.id}: {case.rules[0]} not broken ({case.note}): {ref.rules}")
    groups = Counter(c.group for c in cases)
    print(f"\n{len(cases)} documents: {dict(groups)}")
    print(f"schemas: {dict(Counter(c.schema for c in cases))}")
    print("documents in which each rule reports errors (and how many were meant to):")
    for rule in sorted(broken, key=lambda r: -broken[r]):
        print(f"  {rule:40} {broken[rule]:5}  {meant.get(rule, 0):5}")
    print(f"{problems} problem(s)")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--check", action="store_true", help="check against graphql-core")
    parser.add_argument("--show", metavar="ID", help="print one case and its errors")
    parser.add_argument("--dump", metavar="DIR", help="write every document (and schema) to DIR")
    args = parser.parse_args(argv)
    cases = generate(args.seed)
    if args.show:
        case = next(c for c in cases if c.id == args.show)
        print(f"# {case.id} [{case.group}] schema {case.schema}: {case.note}\n{case.source}\n")
        for error, rule in zip(
            reference_validate(reference_schema(case.schema), case.source).formatted,
            reference_validate(reference_schema(case.schema), case.source).rules,
            strict=True,
        ):
            print(f"{rule}: {error}")
        return 0
    if args.dump:
        out = Path(args.dump)
        out.mkdir(parents=True, exist_ok=True)
        for name, sdl in SCHEMAS.items():
            (out / f"schema-{name}.graphql").write_text(sdl, encoding="utf-8")
        for case in cases:
            (out / f"{case.id}.{case.schema}.graphql").write_bytes(case.source.encode())
        print(f"{len(cases)} documents written to {out}")
        return 0
    if args.check:
        return 1 if check(cases) else 0
    groups = Counter(c.group for c in cases)
    print(f"{len(cases)} documents: {dict(groups)}")
    return 0


def iter_cases() -> Iterator[Case]:
    yield from generate()


if __name__ == "__main__":
    sys.exit(main())
