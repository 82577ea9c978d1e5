"""The schemas the validation tests validate against (written for graftql;
see tests/c/validation_harness.h). A case names one by its index in SCHEMAS
(0, the shop, unless it says otherwise)."""

SHOP = '''
"""Anything with a global id."""
interface Node {
  id: ID!
}

interface Named {
  name(upper: Boolean = false): String
}

interface Entity implements Node & Named {
  id: ID!
  name(upper: Boolean = false): String
  createdAt: DateTime
}

interface Priced {
  price(currency: Currency = USD): Float!
}

scalar DateTime @specifiedBy(url: "https://example.com/datetime")

enum Currency { USD EUR GBP JPY }

enum Role {
  ADMIN
  EDITOR
  VIEWER
  GUEST @deprecated(reason: "Use VIEWER.")
}

enum Genre { FICTION NONFICTION POETRY DRAMA }

enum ImageFormat { PNG JPEG WEBP }

enum OrderStatus { PENDING SHIPPED DELIVERED CANCELLED }

enum BookSort { TITLE PRICE RATING }

type User implements Node & Named & Entity {
  id: ID!
  name(upper: Boolean = false): String
  createdAt: DateTime
  email: String!
  role: Role!
  friends(first: Int = 10, after: String): [User!]!
  bestFriend: User
  orders(status: OrderStatus, limit: Int! = 20): [Order!]
  favoriteBook: Book
  reviews: [Review]
  avatar(size: Int = 64, format: ImageFormat = PNG): Image
  nickname: String @deprecated
}

type Author implements Node & Named & Entity {
  id: ID!
  name(upper: Boolean = false): String
  createdAt: DateTime
  books(genre: Genre): [Book!]!
  bio: String
}

type Book implements Node & Named & Priced {
  id: ID!
  name(upper: Boolean = false): String
  title: String!
  price(currency: Currency = USD): Float!
  author: Author
  genre: Genre
  pages: Int
  isbn: String
  reviews(minRating: Int = 1): [Review!]!
}

type Magazine implements Node & Priced {
  id: ID!
  issue: Int!
  price(currency: Currency = USD): Float!
  title: String
}

type Review implements Node {
  id: ID!
  rating: Int!
  body: String
  author: User
  book: Book
}

type Image {
  url: String!
  width: Int
  height: Int
}

type Order implements Node {
  id: ID!
  status: OrderStatus!
  items: [OrderItem!]!
  total(currency: Currency = USD): Float!
  placedAt: DateTime
  buyer: User
}

type OrderItem {
  product: Product!
  quantity: Int!
}

union Product = Book | Magazine

union SearchResult = User | Author | Book | Magazine | Review

union Media = Book | Magazine | Image

union Visual = Image

input ReviewInput {
  bookId: ID!
  rating: Int!
  body: String
  tags: [String!] = []
}

input BookFilter {
  genre: Genre
  title: String
  minPrice: Float = 0
  maxPrice: Float
  author: AuthorFilter
  and: [BookFilter!]
}

input AuthorFilter {
  name: String
  born: Int
}

input UserLookup @oneOf {
  id: ID
  email: String
  handle: String
}

input OrderItemInput {
  productId: ID!
  quantity: Int! = 1
}

input OrderInput {
  items: [OrderItemInput!]!
  coupon: String
  note: String = "none"
}

type Query {
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  user(by: UserLookup!): User
  users(role: Role, first: Int = 10): [User!]!
  me: User
  book(id: ID!): Book
  books(filter: BookFilter, first: Int = 20, sort: [BookSort!] = [TITLE]): [Book!]!
  search(text: String!, limit: Int = 10): [SearchResult!]!
  media: [Media]
  visual: Visual
  product(id: ID!): Product
  entity(id: ID!): Entity
  named: Named
  priced: [Priced]
  echo(text: String, times: Int = 1, loud: Boolean! = false): String
  now: DateTime
  currency: Currency
}

type Mutation {
  addReview(input: ReviewInput!): Review
  placeOrder(input: OrderInput!): Order
  deleteUser(id: ID!, hard: Boolean = false): Boolean!
  setRole(userId: ID!, role: Role!): User
}

type Subscription {
  reviewAdded(bookId: ID): Review
  orderUpdated(orderId: ID!): Order
  userOnline: User
}

directive @cached(ttl: Int = 60) on FIELD | QUERY
directive @log(level: String = "info") on QUERY | MUTATION | SUBSCRIPTION | FIELD
directive @tag(name: String!) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | FRAGMENT_DEFINITION
directive @onVariable on VARIABLE_DEFINITION
'''

# Only a query root, named differently: no mutation, no subscription.
QUERY_ONLY = '''
schema { query: Root }

type Root {
  hello(name: String = "world"): String
  pet: Pet
  pets: [Pet]
}

interface Pet { name: String }
type Dog implements Pet { name: String barks: Boolean }
type Cat implements Pet { name: String meows: Boolean }
'''

# Roots with other names, and a subscription type that other types use.
RENAMED_ROOTS = '''
schema { query: Root mutation: Change subscription: Events }

type Root {
  events: Events
  ping: String
}

type Change {
  ping: String
}

type Events {
  tick: Int
  tock: Int
  events: Events
}

interface Clock { tick: Int }
union Moment = Events
'''

# Values of every sort (schema 3): the built-in scalars, custom scalars,
# enums, lists, nested input objects with required fields and defaults,
# @oneOf in nullable and non-null positions, a default that does not coerce,
# directives with required and input object arguments.
VALUES = '''
scalar Json
scalar Url

enum Color { RED GREEN BLUE }
enum Size { SMALL MEDIUM LARGE }

input Point { x: Int! y: Int! label: String }

input Shape {
  points: [Point!]!
  color: Color = RED
  closed: Boolean! = false
  nested: Shape
  tags: [String]
}

input Pick @oneOf { id: ID name: String color: Color point: Point }

input Holder { pick: Pick picks: [Pick] required: Pick! }

type Query {
  int(v: Int): Int
  nnInt(v: Int!): Int
  float(v: Float): Float
  string(v: String): String
  boolean(v: Boolean): Boolean
  id(v: ID): ID
  color(v: Color): Color
  colors(v: [Color!]): [Color]
  json(v: Json): Json
  url(v: Url!): Url
  ints(v: [Int]): [Int]
  nnInts(v: [Int!]!): [Int]
  matrix(v: [[Int!]]): Int
  shape(v: Shape): Int
  shapes(v: [Shape!]): Int
  pick(v: Pick): Int
  nnPick(v: Pick!): Int
  holder(v: Holder): Int
  multi(a: Int!, b: String!, c: Boolean = true, d: Int! = 3): Int
  badDefault(n: Int! = "x"): Int
  self: Query
}

directive @limit(max: Int!, unit: Size = SMALL) on FIELD | QUERY
directive @look(at: Pick) on FIELD
'''

SCHEMAS = [SHOP, QUERY_ONLY, RENAMED_ROOTS, VALUES]
