"""Interfaces and unions: the concrete type of a value from a type resolver
(type_resolvers), from the possible types' is_type_of (in graphql-core's
order of possible types), or from a ``__typename`` key or attribute (name
mangled, as graphql-core looks it up); sync and async; fragments on
abstract and concrete types; and every error: nothing resolves the type, a
name that is not a string, not in the schema, not an object type or not a
possible type, an is_type_of that refuses a value of a concrete type, and
resolvers that raise. Expected results are graphql-core 3.2.14's
(exec_reference)."""

from __future__ import annotations

import asyncio
import types
from typing import Any

import exec_reference
import pytest
from exec_reference import info_schema, type_string

engine = exec_reference.engine

SDL = """
interface Named { name: String }
interface Pet implements Named { name: String }

type Dog implements Pet & Named { name: String woofs: Boolean }
type Cat implements Pet & Named { name: String meows: Boolean }
type Human implements Named { name: String pets: [Pet] }

union CatOrDog = Cat | Dog
union Anything = Human | Dog | Cat

type Query {
  pets: [Pet]
  pet: Pet
  named: [Named]
  catOrDog: [CatOrDog]
  anything: Anything
  dog: Dog
  strictPet: Pet!
}
"""


class Dog:
    def __init__(self, name: str, woofs: bool = True) -> None:
        self.name = name
        self.woofs = woofs


class Cat:
    def __init__(self, name: str, meows: bool = True) -> None:
        self.name = name
        self.meows = meows


class Human:
    def __init__(self, name: str, pets: list[Any] | None = None) -> None:
        self.name = name
        self.pets = pets or []


def is_instance_of(cls: type) -> Any:
    return lambda value, _info: isinstance(value, cls)


IS_TYPE_OF = {
    "Dog": is_instance_of(Dog),
    "Cat": is_instance_of(Cat),
    "Human": is_instance_of(Human),
}

PETS_QUERY = """{
  pets {
    name
    ... on Dog { woofs }
    ... on Cat { meows }
  }
}"""

PETS_DATA = {
    "data": {"pets": [{"name": "Odie", "woofs": True}, {"name": "Garfield", "meows": False}]}
}


def loc(line: int, column: int) -> list[dict[str, int]]:
    return [{"line": line, "column": column}]


# ---- is_type_of --------------------------------------------------------------------


def test_is_type_of_for_an_interface(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of=IS_TYPE_OF)
    root = {"pets": [Dog("Odie"), Cat("Garfield", False)]}
    assert schema.execute(PETS_QUERY, root_value=root).to_dict() == PETS_DATA


def test_is_type_of_for_a_union(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of=IS_TYPE_OF)
    query = "{ catOrDog { __typename ... on Dog { name woofs } ... on Cat { name meows } } }"
    root = {"catOrDog": [Dog("Odie"), Cat("Garfield", False), None]}
    assert schema.execute(query, root_value=root).to_dict() == {
        "data": {
            "catOrDog": [
                {"__typename": "Dog", "name": "Odie", "woofs": True},
                {"__typename": "Cat", "name": "Garfield", "meows": False},
                None,
            ]
        }
    }


def test_async_is_type_of(engine: Any) -> None:
    async def is_dog(value: Any, _info: Any) -> bool:
        await asyncio.sleep(0)
        return isinstance(value, Dog)

    async def is_cat(value: Any, _info: Any) -> bool:
        await asyncio.sleep(0)
        return isinstance(value, Cat)

    schema = engine.schema(SDL, is_type_of={"Dog": is_dog, "Cat": is_cat})
    root = {"pets": [Dog("Odie"), Cat("Garfield", False)]}
    result = asyncio.run(schema.execute_async(PETS_QUERY, root_value=root))
    assert result.to_dict() == PETS_DATA


def test_async_is_type_of_refusing_a_concrete_value(engine: Any) -> None:
    async def is_dog(value: Any, _info: Any) -> bool:
        return isinstance(value, Dog)

    schema = engine.schema(SDL, is_type_of={"Dog": is_dog})
    result = asyncio.run(schema.execute_async("{ dog { name } }", root_value={"dog": Cat("Tom")}))
    assert result.to_dict() == {
        "data": {"dog": None},
        "errors": [
            {
                "message": "Expected value of type 'Dog' but got: <Cat instance>.",
                "locations": loc(1, 3),
                "path": ["dog"],
            }
        ],
    }


def test_the_first_possible_type_whose_is_type_of_accepts_wins(engine: Any) -> None:
    # Possible types are tried in graphql-core's order: an interface's
    # implementations in type map order, a union's members as listed.
    schema = engine.schema(SDL, is_type_of={"Dog": lambda _v, _i: True, "Cat": lambda _v, _i: True})
    query = "{ pet { __typename } catOrDog { __typename } }"
    result = schema.execute(query, root_value={"pet": {}, "catOrDog": [{}]})
    assert result.to_dict() == {
        "data": {"pet": {"__typename": "Dog"}, "catOrDog": [{"__typename": "Cat"}]}
    }


def test_no_is_type_of_accepts_the_value(engine: Any) -> None:
    async def never(_value: Any, _info: Any) -> bool:
        return False

    message = (
        "Abstract type 'Pet' must resolve to an Object type at runtime for field 'Query.pet'."
        " Either the 'Pet' type should provide a 'resolve_type' function or each possible type"
        " should provide an 'is_type_of' function."
    )
    expected = {
        "data": {"pet": None},
        "errors": [{"message": message, "locations": loc(1, 3), "path": ["pet"]}],
    }
    schema = engine.schema(
        SDL, is_type_of={"Dog": lambda _v, _i: False, "Cat": lambda _v, _i: False}
    )
    assert schema.execute("{ pet { name } }", root_value={"pet": {}}).to_dict() == expected
    schema = engine.schema(SDL, is_type_of={"Dog": never, "Cat": never})
    result = asyncio.run(schema.execute_async("{ pet { name } }", root_value={"pet": {}}))
    assert result.to_dict() == expected


@pytest.mark.parametrize("dog_answer", [True, False])
def test_a_sync_is_type_of_wins_over_earlier_async_ones(engine: Any, dog_answer: bool) -> None:
    """graphql-core asks every possible type in order, but returns the first
    *sync* True at once: an earlier async is_type_of is awaited only when no
    sync one accepts, so here Cat wins even when Dog would accept too."""

    async def is_dog(_value: Any, _info: Any) -> bool:
        return dog_answer

    schema = engine.schema(SDL, is_type_of={"Dog": is_dog, "Cat": lambda _v, _i: True})
    result = asyncio.run(schema.execute_async("{ pet { __typename } }", root_value={"pet": {}}))
    assert result.to_dict() == {"data": {"pet": {"__typename": "Cat"}}}


def test_the_first_async_is_type_of_that_accepts_wins(engine: Any) -> None:
    async def yes(_value: Any, _info: Any) -> bool:
        return True

    schema = engine.schema(SDL, is_type_of={"Dog": yes, "Cat": yes})
    result = asyncio.run(schema.execute_async("{ pet { __typename } }", root_value={"pet": {}}))
    assert result.to_dict() == {"data": {"pet": {"__typename": "Dog"}}}


def test_is_type_of_is_asked_with_the_value_and_info(engine: Any) -> None:
    calls: list[tuple[Any, str, list[str | int]]] = []

    def is_dog(value: Any, info: Any) -> bool:
        calls.append((value, info.field_name, info.path.as_list()))
        return isinstance(value, Dog)

    odie = Dog("Odie")
    schema = engine.schema(SDL, is_type_of={"Dog": is_dog, "Cat": is_instance_of(Cat)})
    result = schema.execute("{ pets { name } }", root_value={"pets": [odie]})
    assert result.to_dict() == {"data": {"pets": [{"name": "Odie"}]}}
    # Once to find the type, once more to check the value is a Dog; both
    # times with the info of the list field (its path, not the item's).
    assert calls == [(odie, "pets", ["pets"]), (odie, "pets", ["pets"])]


def test_is_type_of_refuses_a_value_of_a_concrete_type(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of=IS_TYPE_OF)
    query = "{\n  dog { name }\n}"
    for value, shown in [(Cat("Tom"), "<Cat instance>"), ({"name": "Rex"}, "{'name': 'Rex'}")]:
        result = schema.execute(query, root_value={"dog": value})
        assert result.to_dict() == {
            "data": {"dog": None},
            "errors": [
                {
                    "message": f"Expected value of type 'Dog' but got: {shown}.",
                    "locations": loc(2, 3),
                    "path": ["dog"],
                }
            ],
        }


def test_is_type_of_that_raises(engine: Any) -> None:
    def is_dog(_value: Any, _info: Any) -> bool:
        raise ValueError("cannot tell")

    schema = engine.schema(SDL, is_type_of={"Dog": is_dog})
    result = schema.execute("{ pet { name } dog { name } }", root_value={"pet": {}, "dog": {}})
    assert result.to_dict() == {
        "data": {"pet": None, "dog": None},
        "errors": [
            {"message": "cannot tell", "locations": loc(1, 3), "path": ["pet"]},
            {"message": "cannot tell", "locations": loc(1, 16), "path": ["dog"]},
        ],
    }
    assert all(isinstance(error.original_error, ValueError) for error in result.errors)


# ---- type resolvers -------------------------------------------------------------------


def resolve_by_class(value: Any, _info: Any, _abstract: Any) -> str | None:
    return {Dog: "Dog", Cat: "Cat", Human: "Human"}.get(type(value))


def test_type_resolvers_for_an_interface(engine: Any) -> None:
    schema = engine.schema(SDL, type_resolvers={"Pet": resolve_by_class})
    root = {"pets": [Dog("Odie"), Cat("Garfield", False)]}
    assert schema.execute(PETS_QUERY, root_value=root).to_dict() == PETS_DATA


def test_type_resolvers_for_a_union(engine: Any) -> None:
    schema = engine.schema(SDL, type_resolvers={"Anything": resolve_by_class})
    query = "{ anything { ... on Human { name pets { name } } } }"
    root = {"anything": Human("Jon", [Dog("Odie")])}
    # Human.pets is [Pet], which has no type resolver and no is_type_of.
    result = schema.execute(query, root_value=root)
    assert result.to_dict() == {
        "data": {"anything": {"name": "Jon", "pets": [None]}},
        "errors": [
            {
                "message": "Abstract type 'Pet' must resolve to an Object type at runtime for"
                " field 'Human.pets'. Either the 'Pet' type should provide a 'resolve_type'"
                " function or each possible type should provide an 'is_type_of' function.",
                "locations": loc(1, 34),
                "path": ["anything", "pets", 0],
            }
        ],
    }


def test_async_type_resolver(engine: Any) -> None:
    async def resolve(value: Any, info: Any, abstract: Any) -> str | None:
        await asyncio.sleep(0)
        return resolve_by_class(value, info, abstract)

    schema = engine.schema(SDL, type_resolvers={"Pet": resolve})
    root = {"pets": [Dog("Odie"), Cat("Garfield", False)]}
    result = asyncio.run(schema.execute_async(PETS_QUERY, root_value=root))
    assert result.to_dict() == PETS_DATA


def test_type_resolver_arguments(engine: Any) -> None:
    seen: list[tuple[Any, ...]] = []

    def resolve(value: Any, info: Any, abstract: Any) -> str:
        seen.append(
            (
                value,
                type_string(abstract),
                info.field_name,
                type_string(info.parent_type),
                type_string(info.return_type),
                info.path.as_list(),
                info.context,
                info.root_value is root,
                info.schema is info_schema(engine, schema),
            )
        )
        return "Dog"

    rex = Dog("Rex")
    schema = engine.schema(SDL, type_resolvers={"Pet": resolve, "Named": resolve})
    query = "{ pets { name } named { name } }"
    root = {"pets": [rex, None], "named": [rex]}
    result = schema.execute(query, root_value=root, context_value="ctx")
    assert result.to_dict() == {
        "data": {"pets": [{"name": "Rex"}, None], "named": [{"name": "Rex"}]}
    }
    # The info of the field (its path, not the item's), and the abstract type
    # of the field's own type.
    assert seen == [
        (rex, "Pet", "pets", "Query", "[Pet]", ["pets"], "ctx", True, True),
        (rex, "Named", "named", "Query", "[Named]", ["named"], "ctx", True, True),
    ]


def test_a_type_resolver_wins_over_typename_and_is_type_of(engine: Any) -> None:
    schema = engine.schema(
        SDL,
        type_resolvers={"Pet": lambda _v, _i, _a: "Cat"},
        is_type_of={"Dog": lambda _v, _i: False, "Cat": lambda _v, _i: True},
    )
    result = schema.execute("{ pet { __typename } }", root_value={"pet": {"__typename": "Dog"}})
    assert result.to_dict() == {"data": {"pet": {"__typename": "Cat"}}}


def test_is_type_of_still_checks_what_a_type_resolver_chose(engine: Any) -> None:
    schema = engine.schema(
        SDL,
        type_resolvers={"Pet": lambda _v, _i, _a: "Dog"},
        is_type_of={"Dog": is_instance_of(Dog)},
    )
    result = schema.execute("{ pet { name } }", root_value={"pet": Cat("Tom")})
    assert result.to_dict() == {
        "data": {"pet": None},
        "errors": [
            {
                "message": "Expected value of type 'Dog' but got: <Cat instance>.",
                "locations": loc(1, 3),
                "path": ["pet"],
            }
        ],
    }


RESOLVE_TYPE_ERRORS = [
    (
        lambda _v, _i, _a: None,
        "Abstract type 'Pet' must resolve to an Object type at runtime for field 'Query.pet'."
        " Either the 'Pet' type should provide a 'resolve_type' function or each possible"
        " type should provide an 'is_type_of' function.",
    ),
    (
        lambda _v, _i, _a: 42,
        "Abstract type 'Pet' must resolve to an Object type at runtime for field 'Query.pet'"
        " with value {'name': 'x'}, received '42'.",
    ),
    (
        lambda _v, _i, _a: ["Dog"],
        "Abstract type 'Pet' must resolve to an Object type at runtime for field 'Query.pet'"
        " with value {'name': 'x'}, received '['Dog']'.",
    ),
    (
        lambda _v, _i, _a: "Fish",
        "Abstract type 'Pet' was resolved to a type 'Fish' that does not exist inside the schema.",
    ),
    (
        lambda _v, _i, _a: "",
        "Abstract type 'Pet' was resolved to a type '' that does not exist inside the schema.",
    ),
    (
        lambda _v, _i, _a: "String",
        "Abstract type 'Pet' was resolved to a non-object type 'String'.",
    ),
    (
        lambda _v, _i, _a: "Named",
        "Abstract type 'Pet' was resolved to a non-object type 'Named'.",
    ),
    (
        lambda _v, _i, _a: "Human",
        "Runtime Object type 'Human' is not a possible type for 'Pet'.",
    ),
]


@pytest.mark.parametrize(
    ("resolve", "message"),
    RESOLVE_TYPE_ERRORS,
    ids=["None", "int", "list", "unknown", "empty", "scalar", "interface", "not possible"],
)
def test_type_resolver_errors(engine: Any, resolve: Any, message: str) -> None:
    schema = engine.schema(SDL, type_resolvers={"Pet": resolve})
    result = schema.execute("{\n  pet { name }\n}", root_value={"pet": {"name": "x"}})
    assert result.to_dict() == {
        "data": {"pet": None},
        "errors": [{"message": message, "locations": loc(2, 3), "path": ["pet"]}],
    }


def test_a_type_resolver_error_in_a_non_null_field(engine: Any) -> None:
    schema = engine.schema(SDL, type_resolvers={"Pet": lambda _v, _i, _a: "Human"})
    result = schema.execute("{ strictPet { name } }", root_value={"strictPet": {}})
    assert result.to_dict() == {
        "data": None,
        "errors": [
            {
                "message": "Runtime Object type 'Human' is not a possible type for 'Pet'.",
                "locations": loc(1, 3),
                "path": ["strictPet"],
            }
        ],
    }


def test_a_type_resolver_that_raises(engine: Any) -> None:
    failure = LookupError("no type for you")

    def resolve(_value: Any, _info: Any, _abstract: Any) -> str:
        raise failure

    schema = engine.schema(SDL, type_resolvers={"Pet": resolve})
    result = schema.execute("{ pets { name } }", root_value={"pets": [{}, {}]})
    assert result.to_dict() == {
        "data": {"pets": [None, None]},
        "errors": [
            {"message": "no type for you", "locations": loc(1, 3), "path": ["pets", 0]},
            {"message": "no type for you", "locations": loc(1, 3), "path": ["pets", 1]},
        ],
    }
    assert [error.original_error for error in result.errors] == [failure, failure]


def test_an_async_type_resolver_that_raises(engine: Any) -> None:
    async def resolve(_value: Any, _info: Any, _abstract: Any) -> str:
        raise LookupError("async failure")

    schema = engine.schema(SDL, type_resolvers={"Pet": resolve})
    result = asyncio.run(schema.execute_async("{ pet { name } }", root_value={"pet": {}}))
    assert result.to_dict() == {
        "data": {"pet": None},
        "errors": [{"message": "async failure", "locations": loc(1, 3), "path": ["pet"]}],
    }


# ---- __typename ---------------------------------------------------------------------------


def test_typename_key_of_a_dict(engine: Any) -> None:
    schema = engine.schema(SDL)
    root = {
        "pets": [
            {"__typename": "Dog", "name": "Odie", "woofs": True},
            {"__typename": "Cat", "name": "Garfield", "meows": False},
        ]
    }
    assert schema.execute(PETS_QUERY, root_value=root).to_dict() == PETS_DATA


def test_typename_key_of_any_mapping(engine: Any) -> None:
    schema = engine.schema(SDL)
    root = {"pet": types.MappingProxyType({"__typename": "Cat", "name": "Tom"})}
    result = schema.execute("{ pet { __typename name } }", root_value=root)
    assert result.to_dict() == {"data": {"pet": {"__typename": "Cat", "name": "Tom"}}}


def test_typename_key_wins_over_is_type_of(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of={"Dog": lambda _v, _i: True})
    result = schema.execute("{ pet { __typename } }", root_value={"pet": {"__typename": "Cat"}})
    assert result.to_dict() == {"data": {"pet": {"__typename": "Cat"}}}


def test_typename_that_is_no_string_falls_back_to_is_type_of(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of={"Cat": lambda _v, _i: True})
    result = schema.execute("{ pet { __typename } }", root_value={"pet": {"__typename": 1}})
    assert result.to_dict() == {"data": {"pet": {"__typename": "Cat"}}}


class TypedDog:
    """A class naming its GraphQL type: the attribute is private (mangled to
    _TypedDog__typename), which is where graphql-core looks."""

    __typename = "Dog"

    def __init__(self, name: str) -> None:
        self.name = name


class Puppy(TypedDog):
    """Found through the base class's mangled name (the MRO is searched)."""


class SelfTyped:
    def __init__(self, typename: str) -> None:
        self.__typename = typename
        self.name = typename.lower()


def test_typename_attribute(engine: Any) -> None:
    schema = engine.schema(SDL)
    root = {"pets": [TypedDog("Odie"), Puppy("Pup"), SelfTyped("Cat")]}
    result = schema.execute("{ pets { __typename name } }", root_value=root)
    assert result.to_dict() == {
        "data": {
            "pets": [
                {"__typename": "Dog", "name": "Odie"},
                {"__typename": "Dog", "name": "Pup"},
                {"__typename": "Cat", "name": "cat"},
            ]
        }
    }


def test_an_unmangled_typename_attribute_is_not_seen(engine: Any) -> None:
    # Outside a class body nothing is mangled: the attribute is "__typename"
    # itself, which graphql-core does not read.
    value = types.SimpleNamespace(name="Rex")
    setattr(value, "__typename", "Dog")
    schema = engine.schema(SDL)
    result = schema.execute("{ pet { name } }", root_value={"pet": value})
    assert result.errors is not None
    assert result.errors[0].message.startswith(
        "Abstract type 'Pet' must resolve to an Object type at runtime for field 'Query.pet'."
    )


def test_an_empty_typename_key(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of={"Dog": lambda _v, _i: True})
    result = schema.execute("{ pet { name } }", root_value={"pet": {"__typename": ""}})
    assert result.to_dict() == {
        "data": {"pet": None},
        "errors": [
            {
                "message": "Abstract type 'Pet' was resolved to a type ''"
                " that does not exist inside the schema.",
                "locations": loc(1, 3),
                "path": ["pet"],
            }
        ],
    }


def test_typename_naming_an_impossible_type(engine: Any) -> None:
    schema = engine.schema(SDL)
    result = schema.execute(
        "{ catOrDog { __typename } }", root_value={"catOrDog": [{"__typename": "Human"}]}
    )
    assert result.to_dict() == {
        "data": {"catOrDog": [None]},
        "errors": [
            {
                "message": "Runtime Object type 'Human' is not a possible type for 'CatOrDog'.",
                "locations": loc(1, 3),
                "path": ["catOrDog", 0],
            }
        ],
    }


def test_nothing_resolves_the_type(engine: Any) -> None:
    schema = engine.schema(SDL)
    result = schema.execute("{ named { name } }", root_value={"named": [Dog("Odie")]})
    assert result.to_dict() == {
        "data": {"named": [None]},
        "errors": [
            {
                "message": "Abstract type 'Named' must resolve to an Object type at runtime for"
                " field 'Query.named'. Either the 'Named' type should provide a"
                " 'resolve_type' function or each possible type should provide an"
                " 'is_type_of' function.",
                "locations": loc(1, 3),
                "path": ["named", 0],
            }
        ],
    }


# ---- fragments on abstract types ---------------------------------------------------------


def test_fragments_on_interfaces_and_unions(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of=IS_TYPE_OF)
    query = """
      {
        anything { ...NamedName ...PetInfo ... on Human { pets { ...PetInfo } } }
        named { __typename ... on Pet { ... on Named { name } } }
      }
      fragment NamedName on Named { name }
      fragment PetInfo on Pet {
        __typename ... on Dog { woofs } ... on CatOrDog { ... on Cat { meows } }
      }
    """
    jon = Human("Jon", [Dog("Odie"), Cat("Garfield", False)])
    result = schema.execute(query, root_value={"anything": jon, "named": [jon, Cat("Tom")]})
    assert result.to_dict() == {
        "data": {
            "anything": {
                "name": "Jon",
                "pets": [
                    {"__typename": "Dog", "woofs": True},
                    {"__typename": "Cat", "meows": False},
                ],
            },
            "named": [{"__typename": "Human"}, {"__typename": "Cat", "name": "Tom"}],
        }
    }


def test_typename_of_concrete_and_abstract_fields(engine: Any) -> None:
    schema = engine.schema(SDL, is_type_of=IS_TYPE_OF)
    query = "{ __typename dog { __typename } pet { __typename t: __typename } }"
    result = schema.execute(query, root_value={"dog": Dog("a"), "pet": Cat("b")})
    assert result.to_dict() == {
        "data": {
            "__typename": "Query",
            "dog": {"__typename": "Dog"},
            "pet": {"__typename": "Cat", "t": "Cat"},
        }
    }
