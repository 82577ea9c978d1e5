"""graftql.Schema: construction from text, files and documents; SchemaError
(every error, with locations and file names, compared with graphql-core
3.2.14); binding resolvers, scalars, enums, type resolvers and is_type_of,
with every mistake's message; views; printing; reference lifetimes."""

from __future__ import annotations

import enum
import gc
import json
import pickle
import sys
import weakref
from pathlib import Path
from typing import Any

import graphql
import pytest
from graphql.pyutils import did_you_mean as core_did_you_mean
from graphql.pyutils import suggestion_list as core_suggestion_list
from graphql.validation.validate import validate_sdl
from hypothesis import given, settings
from hypothesis import strategies as st

import graftql
from graftql import (
    EnumValueView,
    FieldView,
    GraphQLError,
    GraphQLSyntaxError,
    InputValueView,
    Schema,
    SchemaError,
    TypeView,
    _core,
)
from graftql.error import NodeLocation

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "c" / "gen"))
from schema_cases import CASES

SDL = '''\
"""The schema"""
schema { query: Query mutation: Mutation }

"The root"
type Query {
  "find a user"
  user(id: ID!, "how deep" depth: Int = 2 @deprecated(reason: "flat now")): User
  users(first: Int = 10, roles: [Role!] = [ADMIN], filter: Filter = {name: "a"}): [User!]!
  node(id: ID!): Node
  search(text: String): [SearchResult]
  color: Color
  today: Date
  old: String @deprecated
}

type Mutation { rename(id: ID!, name: String!): User }

interface Node { id: ID! }
interface Named implements Node { id: ID! name: String }

type User implements Node & Named {
  id: ID!
  name: String
  role: Role
}

type Post implements Node { id: ID! title: String }

union SearchResult = User | Post

enum Role { ADMIN EDITOR @deprecated(reason: "use ADMIN") VIEWER }
enum Color { RED GREEN BLUE }

"A day"
scalar Date @specifiedBy(url: "https://example.com/date")

input Filter { name: String, "role to match" role: Role = VIEWER, tags: [String!] }
input Pick @oneOf { id: ID, name: String }
'''


def schema_errors(*args: Any, **kwargs: Any) -> list[GraphQLError]:
    with pytest.raises(SchemaError) as info:
        Schema(*args, **kwargs)
    return info.value.errors


def messages(*args: Any, **kwargs: Any) -> list[str]:
    return [error.message for error in schema_errors(*args, **kwargs)]


def one_message(*args: Any, **kwargs: Any) -> str:
    found = messages(*args, **kwargs)
    assert len(found) == 1, found
    return found[0]


# ---- construction ----------------------------------------------------------


def test_from_str() -> None:
    schema = Schema(SDL)
    assert schema.query_type == "Query"
    assert schema.mutation_type == "Mutation"
    assert schema.subscription_type is None
    assert schema.description == "The schema"
    assert schema.is_valid and schema.introspection
    assert repr(schema) == f"<graftql.Schema: {len(schema.type_names)} types, query 'Query'>"


def test_type_names_in_graphql_core_order() -> None:
    schema = Schema(SDL)
    assert schema.type_names == tuple(graphql.build_schema(SDL).type_map)


def test_from_path_and_list_of_paths(tmp_path: Path) -> None:
    one = tmp_path / "one.graphql"
    one.write_text(SDL, encoding="utf-8")
    assert Schema(one).type_names == Schema(SDL).type_names
    a = tmp_path / "a.graphql"
    b = tmp_path / "b.graphql"
    a.write_text("type Query { a: A }", encoding="utf-8")
    b.write_text("type A { x: Int }\nextend type Query { b: Int }", encoding="utf-8")
    for sdl in ([a, b], (a, b), iter([a, b]), [a, b.read_text()]):
        schema = Schema(sdl)
        query = schema.get_type("Query")
        assert query is not None and list(query.fields or ()) == ["a", "b"]
    # A Document is a source too; and an empty sequence is an empty schema.
    assert Schema([graftql.parse("type Query { a: Int }")]).query_type == "Query"
    assert one_message([]) == "Query root type must be provided."


def test_crlf_file_keeps_columns(tmp_path: Path) -> None:
    path = tmp_path / "crlf.graphql"
    path.write_bytes(b"type Query {\r\n  a: Int\r\n}\r\ntype Query { b: Int }\r\n")
    (error,) = schema_errors(path)
    assert error.locations == [(1, 6), (4, 6)]


def test_source_argument_errors(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="got bytes: decode it first"):
        Schema(b"type Query { a: Int }")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got int"):
        Schema(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="each SDL source to be a str, a path"):
        Schema(["type Query { a: Int }", 42])  # type: ignore[list-item]
    with pytest.raises(FileNotFoundError):
        Schema(tmp_path / "missing.graphql")
    bad = tmp_path / "latin1.graphql"
    bad.write_bytes(b'"caf\xe9" type Query { a: Int }')
    with pytest.raises(ValueError, match=r"latin1.graphql is not UTF-8: byte 0xe9 at offset 4"):
        Schema(bad)


def test_binding_argument_types() -> None:
    with pytest.raises(TypeError, match="'resolvers' must be a mapping"):
        Schema(SDL, [("Query", {})])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'scalars' must be a mapping"):
        Schema(SDL, scalars=["Date"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'introspection' must be a bool"):
        Schema(SDL, introspection=1)  # type: ignore[arg-type]


def test_large_sdl_is_not_token_limited() -> None:
    # More tokens than parse()'s default limit: SDL is trusted, as in graphql-core.
    fields = " ".join(f"f{i}: Int" for i in range(60_000))
    schema = Schema(f"type Query {{ {fields} }}")
    query = schema.get_type("Query")
    assert query is not None and len(query.fields or ()) == 60_000


def test_large_schema() -> None:
    types = "\n".join(
        f"type T{i} implements Node {{ id: ID! next: T{(i + 1) % 2000} "
        f"values(x: [Int!] = [{i}]): [E{i % 7}] }}"
        for i in range(2000)
    )
    enums = "\n".join(f"enum E{i} {{ A B C }}" for i in range(7))
    sdl = f"type Query {{ t: T0 node: Node }}\ninterface Node {{ id: ID! }}\n{types}\n{enums}"
    schema = Schema(sdl)
    assert len(schema.type_names) == 2000 + 7 + 2 + 4 + 8  # + ID, Int, Boolean, String, __*
    node = schema.get_type("Node")
    assert node is not None and len(node.possible_types or ()) == 2000
    t = schema.get_type("T1999")
    assert t is not None and t.fields is not None
    assert t.fields["next"].type == "T0"
    assert t.fields["values"].args["x"].default_value == "[1999]"
    # Binding errors in a large schema: close names are suggested, otherwise
    # the first names are listed with how many more there are.
    object_types = ["Query", *(f"T{i}" for i in range(2000))]
    assert one_message(sdl, {"T20000": {}}) == (
        "Unknown type 'T20000' in resolvers."
        + core_did_you_mean(core_suggestion_list("T20000", object_types))
    )
    assert one_message(sdl, {"T20000": {}}).endswith(
        "Did you mean 'T200', 'T1000', 'T20', 'T100', or 'T201'?"
    )
    assert one_message(sdl, {"Frobnicate": {}}) == (
        "Unknown type 'Frobnicate' in resolvers. The schema's object types are 'Query', "
        "'T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8' and 1991 more."
    )


# ---- SchemaError -------------------------------------------------------------


def test_syntax_error() -> None:
    (error,) = schema_errors("type Query { a: Int")
    assert isinstance(error, GraphQLSyntaxError)
    assert error.message == "Syntax Error: Expected Name, found <EOF>."
    assert error.locations == [(1, 20)]
    assert str(error).startswith(
        "Syntax Error: Expected Name, found <EOF>.\n\nGraphQL request:1:20"
    )


def test_syntax_errors_of_every_file(tmp_path: Path) -> None:
    a = tmp_path / "a.graphql"
    b = tmp_path / "b.graphql"
    a.write_text("type Query {\n  a: Int\n", encoding="utf-8")
    b.write_text("type B { x: }", encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        Schema([a, "type Fine { a: Int }", b])
    first, second = info.value.errors
    assert isinstance(first, GraphQLSyntaxError) and isinstance(second, GraphQLSyntaxError)
    assert first.locations == [(3, 1)] and second.locations == [(1, 13)]
    assert second.nodes == [NodeLocation("type B { x: }", str(b), 12, second.locations[0])]
    assert str(info.value) == (
        "Syntax Error: Expected Name, found <EOF>.\n\n"
        f"{a}:3:1\n"
        "2 |   a: Int\n"
        "3 |\n"
        "  | ^\n\n"
        "Syntax Error: Expected Name, found '}'.\n\n"
        f"{b}:1:13\n"
        "1 | type B { x: }\n"
        "  |             ^"
    )


def test_sdl_errors_all_reported_with_file_names(tmp_path: Path) -> None:
    a = tmp_path / "a.graphql"
    b = tmp_path / "b.graphql"
    a.write_text("type Query { a: Usr }\ntype User { a: Int }", encoding="utf-8")
    b.write_text("\n\ntype User { b: Int }\nscalar Query", encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        Schema([a, b])
    e = info.value
    assert e.message == (
        "Unknown type 'Usr'. Did you mean 'User'?\n\n"
        "There can be only one type named 'User'.\n\n"
        "There can be only one type named 'Query'."
    )
    dup_user = e.errors[1]
    assert dup_user.locations == [(2, 6), (3, 6)]
    assert dup_user.source == a.read_text()
    assert dup_user.positions == [27, 7]
    assert [node.name for node in dup_user.nodes or ()] == [str(a), str(b)]
    assert str(dup_user) == (
        "There can be only one type named 'User'.\n\n"
        f"{a}:2:6\n"
        "1 | type Query { a: Usr }\n"
        "2 | type User { a: Int }\n"
        "  |      ^\n\n"
        f"{b}:3:6\n"
        "2 |\n"
        "3 | type User { b: Int }\n"
        "  |      ^\n"
        "4 | scalar Query"
    )
    assert str(e) == "\n\n".join(str(error) for error in e.errors)
    assert repr(e).startswith(
        "SchemaError([GraphQLError(\"Unknown type 'Usr'. Did you mean 'User'?\""
    )
    assert isinstance(e, Exception) and e.args == (e.message,)


def test_schema_error_pickles() -> None:
    with pytest.raises(SchemaError) as info:
        Schema("type Query { a: In } input In { b: Query }")
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.errors == info.value.errors
    assert str(copy) == str(info.value)


def test_schema_error_from_errors() -> None:
    error = SchemaError([GraphQLError("A."), GraphQLError("B.")])
    assert error.message == str(error) == "A.\n\nB."


def test_invalid_schema_raises_and_assume_valid_builds() -> None:
    sdl = "type Query { a: In } input In { b: Query }"
    assert messages(sdl) == [
        "The type of Query.a must be Output Type but got: In.",
        "The type of In.b must be Input Type but got: Query.",
    ]
    schema = Schema(sdl, assume_valid=True)
    assert schema.is_valid  # assumed
    assert schema.get_type("In") is not None


def test_validation_and_binding_errors_together() -> None:
    assert messages("type Query { a: Int } union U", {"Query": {"b": len}}) == [
        "Union type U must define one or more member types.",
        "Unknown field 'Query.b' in resolvers. Did you mean 'a'?",
    ]


def test_undefined_type_still_raises_with_assume_valid() -> None:
    assert messages("type Query { a: Missing }", assume_valid=True) == ["Unknown type: 'Missing'."]


# ---- compared with graphql-core ---------------------------------------------


def _reference(texts: list[str], names: list[str]) -> tuple[str, list[GraphQLError]] | None:
    """graphql-core's errors for the SDL: ("sdl", errors) from the SDL rules,
    ("build", [error]) where building raises a GraphQLError, ("schema",
    errors) from validate_schema; None where graphql-core's constructors raise
    TypeError (graftql reports those with validate_schema's messages and
    locations, as graphql-js does: see docs/architecture.md)."""
    sources = [graphql.Source(text, name) for text, name in zip(texts, names, strict=True)]
    document = graphql.concat_ast([graphql.parse(source) for source in sources])
    errors = validate_sdl(document)
    if errors:
        return "sdl", errors
    try:
        schema = graphql.build_ast_schema(document, assume_valid_sdl=True)
        schema.type_map  # noqa: B018 (resolves every lazy field map)
    except TypeError:
        return None
    except graphql.GraphQLError as error:
        # A lazily built field map wraps the error as "<Type> fields cannot be
        # resolved. <str(error)>": graftql keeps the prefixes (one per field
        # map being resolved) and the original message and locations (as
        # tests/c/gen/reference.py expects).
        prefix = ""
        while isinstance(error.__cause__, graphql.GraphQLError):
            prefix += error.message[: error.message.index(". ") + 2]
            error = error.__cause__
        return "build", [graphql.GraphQLError(prefix + error.message, error.nodes)]
    return "schema", list(graphql.validate_schema(schema))


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_errors_match_graphql_core(case: tuple[Any, ...], tmp_path: Path) -> None:
    texts = case[1]
    options = case[2] if len(case) > 2 else {}
    if options:
        pytest.skip("assume_valid_sdl is not a Schema() option")
    if isinstance(texts, str):
        texts = [texts]
    names = [str(tmp_path / f"part{i}.graphql") for i in range(len(texts))]
    reference = _reference(texts, names)
    if reference is None:
        pytest.skip("graphql-core raises TypeError while building")
    for text, file_name in zip(texts, names, strict=True):
        Path(file_name).write_text(text, encoding="utf-8", newline="")
    if not reference[1]:
        Schema([Path(file_name) for file_name in names])
        return
    found = schema_errors([Path(file_name) for file_name in names])
    expected = reference[1]
    if reference[0] == "build":
        # graphql-core raises the first build error, graftql lists them all:
        # the first must be graphql-core's (the C tests check the others).
        found = found[:1]
    assert [e.message for e in found] == [e.message for e in expected]
    assert [e.locations for e in found] == [e.locations for e in expected]
    # str() prints each location in its own file, as graphql-core does.
    assert [str(e) for e in found] == [str(e) for e in expected]
    if reference[0] == "sdl":
        # graphql-core's build_schema raises TypeError with the messages joined.
        with pytest.raises(TypeError) as info:
            graphql.build_ast_schema(
                graphql.concat_ast([graphql.parse(graphql.Source(t)) for t in texts])
            )
        assert str(info.value) == SchemaError(found).message


# ---- suggestions --------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcAB_12", max_size=8),
    st.lists(st.text(alphabet="abcAB_12", max_size=9), max_size=12),
)
def test_suggestion_list_is_graphql_cores(word: str, options: list[str]) -> None:
    assert _core.suggestion_list(word, options) == core_suggestion_list(word, options)


@pytest.mark.parametrize("count", range(7))
def test_did_you_mean_is_graphql_cores(count: int) -> None:
    names = [f"n{i}" for i in range(count)]
    assert _core.did_you_mean(names) == core_did_you_mean(names)
    assert _core.did_you_mean(names, "the field") == core_did_you_mean(names, "the field")


def test_suggestion_argument_errors() -> None:
    with pytest.raises(TypeError):
        _core.suggestion_list("a", [1])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        _core.suggestion_list(1, [])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _core.did_you_mean(["a"], 3)  # type: ignore[arg-type]


# ---- resolvers -------------------------------------------------------------------


def get_user(parent: Any, info: Any, id: str) -> dict[str, str]:
    return {"id": id}


def test_resolvers_are_bound() -> None:
    schema = Schema(SDL, {"Query": {"user": get_user, "users": None}, "User": {"name": str.upper}})
    query = schema.get_type("Query")
    user = schema.get_type("User")
    assert query is not None and query.fields is not None
    assert user is not None and user.fields is not None
    assert query.fields["user"].resolver is get_user
    assert query.fields["users"].resolver is None  # None keeps the default
    assert query.fields["node"].resolver is None
    assert user.fields["name"].resolver is str.upper
    assert schema._core.frozen
    with pytest.raises(RuntimeError, match="frozen"):
        schema._core._set_resolver("Query", "user", len)


@pytest.mark.parametrize(
    ("resolvers", "message"),
    [
        ({"Qurey": {}}, "Unknown type 'Qurey' in resolvers. Did you mean 'Query' or 'User'?"),
        (
            {"Nothing": {}},
            "Unknown type 'Nothing' in resolvers. The schema's object types are 'Query', "
            "'Mutation', 'User' and 'Post'.",
        ),
        (
            {"Query": {"usr": len}},
            "Unknown field 'Query.usr' in resolvers. Did you mean 'user' or 'users'?",
        ),
        (
            {"Post": {"body": len}},
            "Unknown field 'Post.body' in resolvers. The fields of 'Post' are 'id' and 'title'.",
        ),
        (
            {"Query": {"user": "get_user"}},
            "The resolver of 'Query.user' must be callable, got str.",
        ),
        (
            {"Query": [get_user]},
            "resolvers['Query'] must be a mapping of field names to resolvers, got list.",
        ),
        ({"Query": {1: get_user}}, "resolvers['Query'] keys must be field names (str), got int."),
        ({1: {}}, "resolvers keys must be type names (str), got int."),
        (
            {"Date": {}},
            "Type 'Date' in resolvers is a scalar type: only object types go in resolvers=. "
            "Bind a custom scalar's functions with scalars={'Date': ...}.",
        ),
        (
            {"String": {}},
            "Type 'String' in resolvers is a scalar type: only object types go in resolvers=. "
            "Bind a custom scalar's functions with scalars={'String': ...}.",
        ),
        (
            {"Role": {}},
            "Type 'Role' in resolvers is an enum type: only object types go in resolvers=. "
            "Map enum values to Python values with enums={'Role': ...}.",
        ),
        (
            {"Node": {"id": len}},
            "Type 'Node' in resolvers is an interface type: only object types go in "
            "resolvers=. Resolve the type of its values with type_resolvers={'Node': fn}; "
            "resolve its fields on the object types that implement it.",
        ),
        (
            {"SearchResult": {}},
            "Type 'SearchResult' in resolvers is a union type: only object types go in "
            "resolvers=. Resolve the type of its values with "
            "type_resolvers={'SearchResult': fn}.",
        ),
        (
            {"Filter": {}},
            "Type 'Filter' in resolvers is an input object type: only object types go in "
            "resolvers=. Input object types have no resolvers.",
        ),
        (
            {"__Type": {"name": len}},
            "Type '__Type' in resolvers is an introspection type: introspection is built in "
            "and cannot be bound.",
        ),
    ],
)
def test_resolver_errors(resolvers: dict[Any, Any], message: str) -> None:
    assert one_message(SDL, resolvers) == message


def test_every_binding_error_is_reported() -> None:
    found = schema_errors(
        SDL,
        {"Qurey": {}, "Query": {"usr": len, "user": 1}},
        scalars={"Dat": object()},
        enums={"Colr": {}},
        type_resolvers={"Nod": len},
        is_type_of={"Usr": len},
    )
    assert [error.message for error in found] == [
        "Unknown type 'Qurey' in resolvers. Did you mean 'Query' or 'User'?",
        "Unknown field 'Query.usr' in resolvers. Did you mean 'user' or 'users'?",
        "The resolver of 'Query.user' must be callable, got int.",
        "Unknown type 'Dat' in scalars. Did you mean 'Date'?",
        "Unknown type 'Colr' in enums. Did you mean 'Color' or 'Role'?",
        "Unknown type 'Nod' in type_resolvers. Did you mean 'Node'?",
        "Unknown type 'Usr' in is_type_of. Did you mean 'User'?",
    ]
    assert all(error.locations is None for error in found)


# ---- scalars -------------------------------------------------------------------


class DateScalar:
    @staticmethod
    def serialize(value: Any) -> str:
        return str(value)

    @staticmethod
    def parse_value(value: Any) -> Any:
        return value

    @staticmethod
    def parse_literal(node: Any, variables: Any = None) -> Any:
        return node


class DateInstance:
    def serialize(self, value: Any) -> str:
        return str(value)


def test_scalars_are_bound() -> None:
    schema = Schema(SDL, scalars={"Date": DateScalar})
    date = schema.get_type("Date")
    assert date is not None
    assert date.serialize is DateScalar.serialize
    assert date.parse_value is DateScalar.parse_value
    assert date.parse_literal is DateScalar.parse_literal
    instance = DateInstance()
    date = Schema(SDL, scalars={"Date": instance}).get_type("Date")
    assert date is not None
    assert date.serialize == instance.serialize  # a bound method
    assert date.parse_value is None and date.parse_literal is None  # defaults
    string = Schema(SDL).get_type("String")
    assert string is not None and string.serialize is None
    query = Schema(SDL).get_type("Query")
    assert query is not None and query.serialize is None  # not a scalar


class NotCallable:
    serialize = "str"


class LiteralOnly:
    @staticmethod
    def parse_literal(node: Any, variables: Any = None) -> Any:
        return node


@pytest.mark.parametrize(
    ("scalars", "message"),
    [
        ({"Dat": DateScalar}, "Unknown type 'Dat' in scalars. Did you mean 'Date'?"),
        (
            {"Time": DateScalar},
            "Unknown type 'Time' in scalars. The schema's only custom scalar type is 'Date'.",
        ),
        (
            {"Int": DateScalar},
            "Type 'Int' in scalars is a specified scalar: its serialization is fixed by the "
            "GraphQL specification. Declare a custom scalar in the SDL (scalar MyInt) to "
            "serialize values your way.",
        ),
        (
            {"Float": DateScalar},  # specified, even where the schema does not use it
            "Type 'Float' in scalars is a specified scalar: its serialization is fixed by the "
            "GraphQL specification. Declare a custom scalar in the SDL (scalar MyFloat) to "
            "serialize values your way.",
        ),
        (
            {"Color": DateScalar},
            "Type 'Color' in scalars is an enum type: only custom scalar types go in scalars=. "
            "Map enum values to Python values with enums={'Color': ...}.",
        ),
        (
            {"Query": DateScalar},
            "Type 'Query' in scalars is an object type: only custom scalar types go in scalars=.",
        ),
        (
            {"Date": NotCallable},
            "Scalar 'Date': serialize of NotCallable must be callable, got str.",
        ),
        (
            {"Date": NotCallable()},
            "Scalar 'Date': serialize of NotCallable instance must be callable, got str.",
        ),
        (
            {"Date": DateInstance},
            "Scalar 'Date': DateInstance.serialize is an instance method but a class was "
            "given: pass an instance (DateInstance()) or make it a staticmethod.",
        ),
        (
            {"Date": len},
            "Scalar 'Date' in scalars must be an object or a class with serialize, "
            "parse_value or parse_literal, got builtin_function_or_method.",
        ),
        (
            {"Date": LiteralOnly},
            "Scalar 'Date' has parse_literal but no parse_value: provide both (variables go "
            "through parse_value, literals through parse_literal).",
        ),
    ],
)
def test_scalar_errors(scalars: dict[str, Any], message: str) -> None:
    assert one_message(SDL, scalars=scalars) == message


def test_unknown_field_of_a_type_without_fields() -> None:
    assert one_message("type Query", {"Query": {"a": len}}, assume_valid=True) == (
        "Unknown field 'Query.a' in resolvers. The fields of 'Query' are none."
    )


def test_no_custom_scalars() -> None:
    assert one_message("type Query { a: Int }", scalars={"Date": DateScalar}) == (
        "Unknown type 'Date' in scalars. The schema has no custom scalar types."
    )


# ---- enums --------------------------------------------------------------------


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias: matched by name, its value is the member RED


def test_enum_mapping() -> None:
    schema = Schema(SDL, enums={"Role": {"ADMIN": 0, "VIEWER": None}})
    role = schema.get_type("Role")
    assert role is not None and role.enum_values is not None
    values = role.enum_values
    assert [v.value for v in values.values()] == [0, "EDITOR", None]
    assert values["EDITOR"].deprecation_reason == "use ADMIN"
    assert values["EDITOR"].is_deprecated and not values["ADMIN"].is_deprecated
    # graphql-core's _value_lookup: first name per value; None stands for the name.
    assert dict(schema._core._enum_lookup("Role") or {}) == {
        0: "ADMIN",
        "EDITOR": "EDITOR",
        "VIEWER": "VIEWER",
    }
    assert schema._core._enum_lookup("Color") is None  # nothing bound


def test_enum_class_members_are_the_values() -> None:
    schema = Schema(SDL, enums={"Color": Color})
    color = schema.get_type("Color")
    assert color is not None and color.enum_values is not None
    assert [v.value for v in color.enum_values.values()] == [Color.RED, Color.GREEN, Color.BLUE]
    assert dict(schema._core._enum_lookup("Color") or {}) == {
        Color.RED: "RED",
        Color.GREEN: "GREEN",
        Color.BLUE: "BLUE",
    }


def test_enum_class_aliases() -> None:
    # An alias the GraphQL enum has a value for binds that value to the
    # aliased member; other aliases are ignored.
    schema = Schema("type Query { c: C } enum C { RED GREEN BLUE CRIMSON }", enums={"C": Color})
    c = schema.get_type("C")
    assert c is not None and c.enum_values is not None
    assert c.enum_values["CRIMSON"].value is Color.RED
    assert dict(schema._core._enum_lookup("C") or {})[Color.RED] == "RED"


def test_enum_unhashable_values_left_out_of_lookup() -> None:
    schema = Schema(SDL, enums={"Color": {"RED": [1], "GREEN": {"g": 1}}})
    assert dict(schema._core._enum_lookup("Color") or {}) == {"BLUE": "BLUE"}


class Shade(enum.Enum):
    RED = 1
    GREEN = 2


class Palette(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    PURPLE = 4


@pytest.mark.parametrize(
    ("enums", "message"),
    [
        ({"Colr": {}}, "Unknown type 'Colr' in enums. Did you mean 'Color' or 'Role'?"),
        (
            {"Shape": {}},
            "Unknown type 'Shape' in enums. The schema's enum types are 'Role' and 'Color'.",
        ),
        (
            {"Date": {}},
            "Type 'Date' in enums is a scalar type: only enum types go in enums=. "
            "Bind a custom scalar's functions with scalars={'Date': ...}.",
        ),
        ({"Query": {}}, "Type 'Query' in enums is an object type: only enum types go in enums=."),
        (
            {"__TypeKind": {}},
            "Type '__TypeKind' in enums is an introspection type: introspection is built in "
            "and cannot be bound.",
        ),
        ({"Color": {"REDD": 1}}, "Unknown value 'Color.REDD' in enums. Did you mean 'RED'?"),
        (
            {"Color": {"PURPLE": 1}},
            "Unknown value 'Color.PURPLE' in enums. The values of 'Color' are 'RED', 'GREEN' "
            "and 'BLUE'.",
        ),
        (
            {"Color": Palette},
            "Unknown value 'Color.PURPLE' in enums (a member of Palette). The values of 'Color' "
            "are 'RED', 'GREEN' and 'BLUE'.",
        ),
        (
            {"Color": Shade},
            "Enum 'Color' value 'BLUE' has no member in the Python enum Shade: an enum.Enum "
            "class must have a member named after every value.",
        ),
        (
            {"Color": ["RED"]},
            "enums['Color'] must be a mapping of value names to Python values or an enum.Enum "
            "subclass, got list.",
        ),
        ({"Color": {1: "RED"}}, "enums['Color'] keys must be value names (str), got int."),
    ],
)
def test_enum_errors(enums: dict[str, Any], message: str) -> None:
    assert one_message(SDL, enums=enums) == message


# ---- abstract types ---------------------------------------------------------------


def resolve_node(value: Any, info: Any, abstract_type: Any) -> str:
    return "User"


def test_type_resolvers_and_is_type_of() -> None:
    schema = Schema(
        SDL,
        type_resolvers={"Node": resolve_node, "SearchResult": None},
        is_type_of={"User": callable},
    )
    node = schema.get_type("Node")
    union = schema.get_type("SearchResult")
    user = schema.get_type("User")
    assert node is not None and node.resolve_type is resolve_node
    assert union is not None and union.resolve_type is None
    assert user is not None and user.is_type_of is callable and user.resolve_type is None
    assert node.is_type_of is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"type_resolvers": {"Nod": resolve_node}},
            "Unknown type 'Nod' in type_resolvers. Did you mean 'Node'?",
        ),
        (
            {"type_resolvers": {"Thing": resolve_node}},
            "Unknown type 'Thing' in type_resolvers. The schema's interface and union types "
            "are 'Node', 'Named' and 'SearchResult'.",
        ),
        (
            {"type_resolvers": {"User": resolve_node}},
            "Type 'User' in type_resolvers is an object type: only interface and union types "
            "go in type_resolvers=. Its values need no type resolver; to tell them from other "
            "types' values use is_type_of={'User': fn}.",
        ),
        (
            {"type_resolvers": {"Node": "User"}},
            "The type resolver of 'Node' must be callable, got str.",
        ),
        (
            {"is_type_of": {"Usr": callable}},
            "Unknown type 'Usr' in is_type_of. Did you mean 'User'?",
        ),
        (
            {"is_type_of": {"Node": callable}},
            "Type 'Node' in is_type_of is an interface type: only object types go in "
            "is_type_of=. Resolve the type of its values with type_resolvers={'Node': fn}.",
        ),
        ({"is_type_of": {"User": True}}, "is_type_of of 'User' must be callable, got bool."),
    ],
)
def test_abstract_type_errors(kwargs: dict[str, Any], message: str) -> None:
    assert one_message(SDL, **kwargs) == message


# ---- views --------------------------------------------------------------------------


def test_object_view() -> None:
    schema = Schema(SDL)
    query = schema.get_type("Query")
    assert isinstance(query, TypeView)
    assert repr(query) == "<TypeView OBJECT Query>"
    assert (query.name, query.kind, query.description) == ("Query", "OBJECT", "The root")
    assert query.interfaces == ()
    assert query.possible_types is None
    assert query.enum_values is None and query.input_fields is None
    assert query.specified_by_url is None and query.is_one_of is None
    assert not query.is_builtin
    fields = query.fields
    assert fields is not None
    assert list(fields) == ["user", "users", "node", "search", "color", "today", "old"]
    user = fields["user"]
    assert isinstance(user, FieldView)
    assert repr(user) == "<FieldView Query.user: User>"
    assert (user.name, user.type, user.named_type, user.parent_type) == (
        "user",
        "User",
        "User",
        "Query",
    )
    assert user.description == "find a user"
    assert user.deprecation_reason is None and not user.is_deprecated
    assert list(user.args) == ["id", "depth"]
    arg = user.args["depth"]
    assert isinstance(arg, InputValueView)
    assert repr(arg) == "<InputValueView depth: Int>"
    assert (arg.name, arg.type, arg.default_value, arg.description) == (
        "depth",
        "Int",
        "2",
        "how deep",
    )
    assert arg.deprecation_reason == "flat now" and arg.is_deprecated
    assert user.args["id"].type == "ID!" and user.args["id"].default_value is None
    users = fields["users"]
    assert users.type == "[User!]!" and users.named_type == "User"
    assert users.args["roles"].type == "[Role!]"
    assert users.args["roles"].default_value == "[ADMIN]"
    assert fields["old"].deprecation_reason == "No longer supported"


def test_interface_union_enum_input_scalar_views() -> None:
    schema = Schema(SDL)
    named = schema.get_type("Named")
    assert named is not None
    assert (named.kind, named.interfaces, named.possible_types) == (
        "INTERFACE",
        ("Node",),
        ("User",),
    )
    node = schema.get_type("Node")
    assert node is not None and node.possible_types == ("User", "Post")
    user = schema.get_type("User")
    assert user is not None and user.interfaces == ("Node", "Named")
    union = schema.get_type("SearchResult")
    assert union is not None
    assert (union.kind, union.possible_types, union.fields, union.interfaces) == (
        "UNION",
        ("User", "Post"),
        None,
        None,
    )
    role = schema.get_type("Role")
    assert role is not None and role.kind == "ENUM" and role.enum_values is not None
    assert list(role.enum_values) == ["ADMIN", "EDITOR", "VIEWER"]
    editor = role.enum_values["EDITOR"]
    assert isinstance(editor, EnumValueView)
    assert repr(editor) == "<EnumValueView Role.EDITOR>"
    assert (editor.name, editor.value, editor.description) == ("EDITOR", "EDITOR", None)
    filter_type = schema.get_type("Filter")
    assert filter_type is not None and filter_type.kind == "INPUT_OBJECT"
    assert filter_type.is_one_of is False and filter_type.fields is None
    inputs = filter_type.input_fields
    assert inputs is not None and list(inputs) == ["name", "role", "tags"]
    assert inputs["role"].default_value == "VIEWER"
    assert inputs["role"].description == "role to match"
    assert inputs["tags"].type == "[String!]"
    pick = schema.get_type("Pick")
    assert pick is not None and pick.is_one_of is True
    date = schema.get_type("Date")
    assert date is not None
    assert (date.kind, date.description, date.specified_by_url) == (
        "SCALAR",
        "A day",
        "https://example.com/date",
    )
    string = schema.get_type("String")
    assert string is not None and string.is_builtin and string.specified_by_url is None
    schema_type = schema.get_type("__Schema")
    assert schema_type is not None and schema_type.is_builtin and schema_type.kind == "OBJECT"
    assert schema.get_type("Missing") is None
    assert schema.get_type("Float") is None  # a built-in scalar the schema does not use
    assert schema.get_type("\ud800") is None


def test_default_values() -> None:
    schema = Schema(SDL)
    query = schema.get_type("Query")
    assert query is not None and query.fields is not None
    # Filled in with the input fields' defaults, as graphql-core shows it.
    assert query.fields["users"].args["filter"].default_value == '{name: "a", role: VIEWER}'
    # A default that does not coerce to its type is no default (graphql-core
    # keeps Undefined).
    odd = Schema('type Query { a(x: Int = "no"): Int }', assume_valid=True)
    odd_query = odd.get_type("Query")
    assert odd_query is not None and odd_query.fields is not None
    assert odd_query.fields["a"].args["x"].default_value is None


def test_views_are_read_only() -> None:
    schema = Schema(SDL)
    query = schema.get_type("Query")
    assert query is not None and query.fields is not None
    with pytest.raises(AttributeError):
        query.name = "Other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        query.fields["x"] = query.fields["user"]  # type: ignore[index]
    with pytest.raises(TypeError):
        TypeView()  # type: ignore[call-arg]


def test_views_compare_by_element() -> None:
    schema = Schema(SDL)
    a, b = schema.get_type("Query"), schema.get_type("Query")
    assert a is not b and a == b and hash(a) == hash(b)
    assert a != schema.get_type("User")
    assert a != Schema(SDL).get_type("Query")  # another schema
    assert a is not None and a.fields is not None and b is not None and b.fields is not None
    assert a.fields["user"] == b.fields["user"] != a.fields["users"]
    assert len({a, b}) == 1
    assert a != "Query"


def test_view_keeps_schema_alive() -> None:
    schema = Schema(SDL, {"Query": {"user": get_user}})
    ref = weakref.ref(schema)
    query = schema.get_type("Query")
    assert query is not None and query.fields is not None
    field = query.fields["user"]
    arg = field.args["depth"]
    del schema, query
    gc.collect()
    assert ref() is None  # the Python Schema is gone, the C schema is not
    assert field.name == "user" and field.resolver is get_user
    assert arg.default_value == "2"


def test_cycles_through_resolvers_are_collected() -> None:
    def make() -> weakref.ref[Schema]:
        holder: dict[str, Any] = {}

        def resolver(parent: Any, info: Any) -> Any:
            return holder["view"]

        schema = Schema(SDL, {"Query": {"color": resolver}})
        holder["view"] = schema.get_type("Query")  # resolver -> view -> schema -> resolver
        holder["schema"] = schema
        return weakref.ref(schema)

    ref = make()
    gc.collect()
    assert ref() is None


def test_introspection_flag() -> None:
    assert Schema(SDL).introspection is True
    assert Schema(SDL, introspection=False).introspection is False


# ---- printing ------------------------------------------------------------------------


def test_print_is_graphql_cores() -> None:
    schema = Schema(SDL)
    reference = graphql.build_schema(SDL)
    assert schema.print() == graphql.print_schema(reference)
    assert graftql.print_introspection_schema(schema) == graphql.print_introspection_schema(
        reference
    )


def test_bindings_hold_no_stray_references() -> None:
    def resolver(parent: Any, info: Any) -> None:
        return None

    class Scalar:
        @staticmethod
        def serialize(value: Any) -> Any:
            return value

    value = object()
    objects = [resolver, Scalar.serialize, value]
    before = [sys.getrefcount(o) for o in objects]
    for _ in range(20):
        schema = Schema(
            SDL,
            {"Query": {"user": resolver}},
            scalars={"Date": Scalar},
            enums={"Color": {"RED": value}},
            type_resolvers={"Node": resolver},
            is_type_of={"User": resolver},
        )
        view = schema.get_type("Color")
        assert view is not None and view.enum_values is not None
        assert view.enum_values["RED"].value is value
        del schema, view
        # A failed construction releases what was bound before the error.
        with pytest.raises(SchemaError):
            Schema(SDL, {"Query": {"user": resolver}}, enums={"Color": {"RED": value, "X": 1}})
    gc.collect()
    assert [sys.getrefcount(o) for o in objects] == before


# ---- introspection -------------------------------------------------------------------

INTROSPECTION_FLAGS = (
    "descriptions",
    "specified_by_url",
    "directive_is_repeatable",
    "schema_description",
    "input_value_deprecation",
    "input_object_one_of",
    "experimental_directive_deprecation",
)


@pytest.mark.parametrize(
    "flags",
    [{}, dict.fromkeys(INTROSPECTION_FLAGS, False)]
    + [{flag: False} for flag in INTROSPECTION_FLAGS],
    ids=lambda flags: ",".join(f"{k}={v}" for k, v in flags.items()) or "defaults",
)
def test_introspect_is_graphql_cores(flags: dict[str, bool]) -> None:
    got = Schema(SDL).introspect(**flags)
    expected = graphql.introspection_from_schema(graphql.build_schema(SDL), **flags)
    assert json.dumps(got) == json.dumps(expected)


def test_introspect_works_with_introspection_off() -> None:
    assert Schema(SDL, introspection=False).introspect() == Schema(SDL).introspect()


def test_introspect_query() -> None:
    schema = Schema(SDL)
    reference = graphql.build_schema(SDL)
    query = graphql.get_introspection_query(descriptions=True, input_value_deprecation=True)
    expected = graphql.graphql_sync(reference, query).data
    assert json.dumps(_core.introspect_query(schema._core, query)) == json.dumps(expected)
    text = 'query A { __typename } query B { t: __type(name: "Role") { name kind } }'
    assert _core.introspect_query(schema._core, text, "B") == {
        "t": {"name": "Role", "kind": "ENUM"}
    }
    with pytest.raises(GraphQLError) as info:
        _core.introspect_query(schema._core, "{ user(id: 1) { id } }")
    assert info.value.locations == [(1, 3)]
    assert info.value.source == "{ user(id: 1) { id } }"
    with pytest.raises(GraphQLSyntaxError):
        _core.introspect_query(schema._core, "{ __schema")
    with pytest.raises(TypeError):
        _core.introspect_query(schema, "{ __typename }")  # type: ignore[arg-type]


DEFAULTS_SDL = """
type Query {
  f(
    a: Int = 1, b: Float = 1, c: Float = 1.50, d: [Int] = 1, e: [[Int]] = [1, [2]],
    g: String = \"\"\"block\"\"\", h: ID = 12, i: ID = "x", j: Color = RED, k: [Color!] = GREEN,
    l: In = {a: 2}, m: In = {a: 1, c: [{a: 3}]}, n: Int = null, o: Boolean = false,
    p: JSON = RED, r: JSON = 2.50, q: Int = "no"
  ): Int
}
enum Color { RED GREEN }
scalar JSON
input In { a: Int, b: String = "dflt", c: [In!] = [] }
"""


def test_default_values_are_graphql_cores() -> None:
    # Every default as introspection's defaultValue shows it: coerced to its
    # type and printed back (a single value for a list becomes a list, input
    # objects get their fields' defaults, floats print as Python's repr).
    schema = Schema(DEFAULTS_SDL, assume_valid=True)
    data = graphql.introspection_from_schema(graphql.build_schema(DEFAULTS_SDL))
    expected = {
        (t["name"], value["name"]): value["defaultValue"]
        for t in data["__schema"]["types"]
        for value in [
            *(arg for field in t["fields"] or () for arg in field["args"]),
            *(t["inputFields"] or ()),
        ]
    }
    got = {}
    for name in schema.type_names:
        view = schema.get_type(name)
        assert view is not None
        values = [*(view.input_fields or {}).values()]
        for field in (view.fields or {}).values():
            values.extend(field.args.values())
        got.update({(name, value.name): value.default_value for value in values})
    assert got == expected
    assert got[("Query", "d")] == "[1]" and got[("Query", "q")] is None
    # Where graphql-core cannot print a default (a custom scalar's object),
    # it shows as written, as print() prints it.
    odd = Schema("type Query { f(p: JSON = {x: [1, RED]}): Int } scalar JSON")
    query = odd.get_type("Query")
    assert query is not None and query.fields is not None
    assert query.fields["f"].args["p"].default_value == "{x: [1, RED]}"
    assert "f(p: JSON = {x: [1, RED]}): Int" in odd.print()
