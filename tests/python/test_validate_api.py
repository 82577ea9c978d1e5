"""Schema.validate: errors (message, locations, formatted, str) compared with
graphql-core 3.2.14's validate on documents that break many rules; max_errors
and suggestions against graphql-core's max_errors and hide_suggestions;
introspection off against NoSchemaIntrospectionCustomRule; custom rules
(graftql.ValidationRule) against the same rules written for graphql-core,
walk order and arguments included; the Node objects rules see; argument
errors; custom scalars' parse_literal (ValuesOfCorrectTypeRule) against the
same scalar bound in graphql-core; the GIL-free path; reference counts."""

from __future__ import annotations

import gc
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Any

import graphql
import pytest
from graphql.utilities import ast_to_dict, get_introspection_query
from graphql.validation import NoSchemaIntrospectionCustomRule, specified_rules

import graftql
from graftql import GraphQLError, Node, Schema, ValidationContext, ValidationRule

SDL = """
interface Mammal { mother: Mammal father: Mammal }
interface Being { name(surname: Boolean): String }
interface Pet implements Being { name(surname: Boolean): String }
enum DogCommand { SIT HEEL DOWN }
enum FurColor { BROWN BLACK TAN SPOTTED NO_FUR UNKNOWN }
type Dog implements Being & Pet & Mammal {
  name(surname: Boolean): String
  nickname: String
  barkVolume: Int
  barks: Boolean
  doesKnowCommand(dogCommand: DogCommand): Boolean
  isHouseTrained(atOtherHomes: Boolean = true): Boolean
  isAtLocation(x: Int, y: Int): Boolean
  mother: Dog
  father: Dog
  secret: String
}
type Cat implements Being & Pet {
  name(surname: Boolean): String
  nickname: String
  meows: Boolean
  meowsVolume: Int
  furColor: FurColor
}
union CatOrDog = Cat | Dog
type Human implements Being {
  name(surname: Boolean): String
  pets: [Pet]
  relatives: [Human!]!
  iq: Int
  secret: String
}
input ComplexInput {
  requiredField: Boolean!
  nonNullField: Boolean! = false
  intField: Int
  stringField: String
  booleanField: Boolean
  stringListField: [String]
}
type ComplicatedArgs {
  intArgField(intArg: Int): String
  nonNullIntArgField(nonNullIntArg: Int!): String
  stringArgField(stringArg: String): String
  booleanArgField(booleanArg: Boolean): String
  enumArgField(enumArg: FurColor): String
  floatArgField(floatArg: Float): String
  stringListArgField(stringListArg: [String]): String
  complexArgField(complexArg: ComplexInput): String
  multipleReqs(req1: Int!, req2: Int!): String
  multipleOpts(opt1: Int = 0, opt2: Int = 0): String
}
type Query {
  human(id: ID): Human
  dog: Dog
  cat: Cat
  pet: Pet
  catOrDog: CatOrDog
  complicatedArgs: ComplicatedArgs
  secret: String
}
type Mutation { renameDog(name: String!): Dog }
type Subscription { newDog: Dog newCat: Cat }
directive @onField on FIELD
directive @onQuery on QUERY
"""

SCHEMA = Schema(SDL)
CORE_SCHEMA = graphql.build_schema(SDL)

# Documents that break rules, each rule at least once (graphql-core's
# specified_rules, OverlappingFieldsCanBeMerged aside).
INVALID = {
    "executable definitions": "{ dog { name } }\ntype Foo { a: Int }\nextend type Dog { b: Int }",
    "unique operation names": "query A { dog { name } }\nquery A { cat { name } }",
    "lone anonymous operation": "{ dog { name } }\n{ cat { name } }",
    "single field subscriptions": "subscription S { newDog { name } newCat { name } }",
    "known type names": "query ($a: Doggo) { dog { ... on Catt { name } } }",
    "fragments on composite types": "{ dog { ...F } }\nfragment F on FurColor { name }",
    "variables are input types": "query ($d: Dog, $e: [CatOrDog!]) { dog { name } }",
    "scalar leafs": "{ dog { name { x } } human }",
    "fields on correct type": "{ dog { nam barkVolum } catOrDog { name } pet { meows } }",
    "unique fragment names": "{ dog { ...F } }\nfragment F on Dog { name }\n"
    "fragment F on Dog { nickname }",
    "known fragment names": "{ dog { ...Nope ... on Dog { ...Nada } } }",
    "no unused fragments": "{ dog { name } }\nfragment Unused on Dog { name }",
    "possible fragment spreads": "{ dog { ... on Cat { meows } ...H } }\n"
    "fragment H on Human { iq }",
    "no fragment cycles": "{ dog { ...A } }\nfragment A on Dog { ...B }\n"
    "fragment B on Dog { mother { ...A } }",
    "unique variable names": "query ($a: Int, $a: Int) "
    "{ complicatedArgs { intArgField(intArg: $a) } }",
    "no undefined variables": "query Q { complicatedArgs { intArgField(intArg: $x) } }",
    "no unused variables": "query Q($unused: Int, $used: Int) "
    "{ complicatedArgs { intArgField(intArg: $used) } }",
    "known directives": "query @onField { dog @onQuery @unknown { name } }",
    "unique directives per location": "{ dog @onField @onField { name } }",
    "known argument names": "{ dog { doesKnowCommand(command: SIT) name(surnam: true) } }",
    "unique argument names": "{ complicatedArgs { intArgField(intArg: 1, intArg: 2) } }",
    "values of correct type": '{ complicatedArgs { intArgField(intArg: "x") '
    "enumArgField(enumArg: BRWN) complexArgField(complexArg: { intField: 4 }) "
    "floatArgField(floatArg: true) } }",
    "provided required arguments": "{ complicatedArgs { multipleReqs(req1: 1) } }",
    "variables in allowed position": "query ($i: Int) "
    "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }",
    "unique input field names": "{ complicatedArgs { complexArgField(complexArg: "
    "{ requiredField: true, requiredField: false }) } }",
    "max introspection depth": "{ __schema { types { fields { type { fields { type { fields "
    "{ name } } } } } } } }",
    "unicode and crlf": '{\r\n  dog {\r\n    # \u00e9t\u00e9\r\n    name(surname: "\u00e9") nam\r\n'
    "    # \U0001f600\r\n    barks\r\n  }\r\n}",
    "several rules at once": """
query Q($v: Int, $v: String, $unused: Dog) {
  dog @onQuery {
    doesKnowCommand(dogCommand: SITT)
    name(surname: $v) { x }
    ...Missing
    ... on Cat { meows }
  }
  cat { furColour }
  complicatedArgs { multipleReqs(req2: "no") }
}
fragment Lonely on Human { iq relatives }
""",
}

MANY_ERRORS = "{ " + " ".join(f"f{i}" for i in range(12)) + " dog { a b c } }"


def core_validate(query: str, rules: list[Any] | None = None, **kwargs: Any) -> list[Any]:
    return graphql.validate(CORE_SCHEMA, graphql.parse(query), rules, **kwargs)


def assert_same_errors(ours: list[GraphQLError], theirs: list[Any]) -> None:
    assert [error.formatted for error in ours] == [error.formatted for error in theirs]
    assert [error.message for error in ours] == [error.message for error in theirs]
    assert [error.locations for error in ours] == [error.locations for error in theirs]
    assert [str(error) for error in ours] == [str(error) for error in theirs]
    assert all(type(error) is GraphQLError for error in ours)


# ---- specified rules ------------------------------------------------------------


@pytest.mark.parametrize("name", list(INVALID))
def test_errors_match_graphql_core(name: str) -> None:
    query = INVALID[name]
    theirs = core_validate(query)
    assert theirs, "the document should be invalid"
    assert_same_errors(SCHEMA.validate(query), theirs)


def test_valid_documents_give_no_errors() -> None:
    query = """
    query Q($cmd: DogCommand = SIT, $skip: Boolean!) {
      dog { name(surname: true) doesKnowCommand(dogCommand: $cmd) ...DogBits }
      catOrDog { __typename ... on Cat { meows } ... on Dog { barks @skip(if: $skip) } }
      complicatedArgs { complexArgField(complexArg: {requiredField: true, stringListField: ["a"]}) }
    }
    fragment DogBits on Dog { mother { name } father { ...on Dog { nickname } } }
    """
    assert core_validate(query) == []
    assert SCHEMA.validate(query) == []
    assert SCHEMA.validate(graftql.parse(query)) == []


def test_a_document_or_its_text_validate_alike() -> None:
    query = INVALID["several rules at once"]
    assert SCHEMA.validate(graftql.parse(query)) == SCHEMA.validate(query)


def test_a_document_validates_against_several_schemas() -> None:
    document = graftql.parse("{ dog { name } human { iq } }")
    other = Schema("type Query { dog: String }")
    assert SCHEMA.validate(document) == []
    messages = [error.message for error in other.validate(document)]
    assert messages == [
        "Field 'dog' must not have a selection since type 'String' has no subfields.",
        "Cannot query field 'human' on type 'Query'.",
    ]


def test_a_document_parsed_without_locations() -> None:
    query = "{ dog { nam } }"
    ours = SCHEMA.validate(graftql.parse(query, no_location=True))
    theirs = graphql.validate(CORE_SCHEMA, graphql.parse(query, no_location=True))
    assert_same_errors(ours, theirs)
    assert ours[0].locations is None
    assert "locations" not in ours[0].formatted


def test_a_syntax_error_raises() -> None:
    # graphql-core's validate takes parsed documents only: a text that does
    # not parse raises, as graftql.parse would.
    with pytest.raises(graftql.GraphQLSyntaxError) as info:
        SCHEMA.validate("{ dog { name }")
    assert info.value.message == "Syntax Error: Expected Name, found <EOF>."
    assert info.value.locations == [(1, 15)]


def test_parse_limits_apply_to_text() -> None:
    deep = "{ dog " * 300 + "}" * 300
    with pytest.raises(graftql.GraphQLSyntaxError, match="nested too deeply"):
        SCHEMA.validate(deep)


# ---- max_errors and suggestions -----------------------------------------------


@pytest.mark.parametrize("max_errors", [0, 1, 2, 5, 14, 15, 100])
def test_max_errors_matches_graphql_core(max_errors: int) -> None:
    ours = SCHEMA.validate(MANY_ERRORS, max_errors=max_errors)
    assert_same_errors(ours, core_validate(MANY_ERRORS, max_errors=max_errors))


def test_max_errors_default_is_100() -> None:
    query = "{ " + " ".join(f"f{i}" for i in range(150)) + " }"
    ours = SCHEMA.validate(query)
    assert len(ours) == 101
    assert ours[-1].message == (
        "Too many validation errors, error limit reached. Validation aborted."
    )
    assert_same_errors(ours, core_validate(query))


def test_a_huge_max_errors_is_no_limit() -> None:
    assert len(SCHEMA.validate(MANY_ERRORS, max_errors=2**70)) == 15


@pytest.mark.parametrize("name", list(INVALID))
def test_suggestions_off_matches_hide_suggestions(name: str) -> None:
    query = INVALID[name]
    ours = SCHEMA.validate(query, suggestions=False)
    assert_same_errors(ours, core_validate(query, hide_suggestions=True))


def test_suggestions_on_by_default() -> None:
    [error] = SCHEMA.validate("{ dog { nam } }")
    assert error.message == "Cannot query field 'nam' on type 'Dog'. Did you mean 'name'?"
    [error] = SCHEMA.validate("{ dog { nam } }", suggestions=False)
    assert error.message == "Cannot query field 'nam' on type 'Dog'."


# ---- introspection off -----------------------------------------------------------

NO_INTROSPECTION = Schema(SDL, introspection=False)

INTROSPECTION = {
    "standard query": get_introspection_query(descriptions=True),
    "__schema": "{ __schema { queryType { name } types { name kind } } }",
    "__type": '{ __type(name: "Dog") { name fields { name type { name } } } }',
    "__typename is allowed": "{ __typename dog { __typename name } }",
    "aliased": "{ s: __schema { t: types { n: name } } }",
    "with other errors": "{ __schema { nope types { name } } __type { name } dog { nam } }",
    "in a fragment": "{ __schema { types { ...T } } }\n"
    "fragment T on __Type { name kind enumValues { name } }",
    "nested lower": "{ dog { __schema { types { name } } } }",
}


@pytest.mark.parametrize("name", list(INTROSPECTION))
def test_introspection_off_matches_no_schema_introspection_rule(name: str) -> None:
    query = INTROSPECTION[name]
    theirs = core_validate(query, [*specified_rules, NoSchemaIntrospectionCustomRule])
    assert_same_errors(NO_INTROSPECTION.validate(query), theirs)


def test_introspection_off_messages() -> None:
    messages = [e.message for e in NO_INTROSPECTION.validate("{ __schema { types { name } } }")]
    assert messages == [
        "GraphQL introspection has been disabled, but the requested query contained the "
        "field '__schema'.",
        "GraphQL introspection has been disabled, but the requested query contained the "
        "field 'types'.",
    ]
    assert SCHEMA.validate("{ __schema { types { name } } }") == []
    assert NO_INTROSPECTION.introspect()["__schema"]["queryType"]["name"] == "Query"


def test_introspection_off_with_max_errors() -> None:
    query = INTROSPECTION["standard query"]
    for max_errors in (0, 1, 3):
        theirs = core_validate(
            query, [*specified_rules, NoSchemaIntrospectionCustomRule], max_errors=max_errors
        )
        assert_same_errors(NO_INTROSPECTION.validate(query, max_errors=max_errors), theirs)


# ---- custom rules, written once for each library --------------------------------


def no_secrets(base: Any, error: Any) -> Any:
    class NoSecrets(base):  # type: ignore[misc, valid-type]
        def enter_field(self, node: Any, *_args: Any) -> None:
            if node.name.value == "secret":
                self.report_error(error(f"Field '{node.name.value}' is secret.", node))

    return NoSecrets


def depth_limit(base: Any, error: Any, limit: int) -> Any:
    """A depth limit through fragments, as such rules are written."""

    class DepthLimit(base):  # type: ignore[misc, valid-type]
        def enter_operation_definition(self, node: Any, *_args: Any) -> None:
            depth = self.measure(node.selection_set, 0, frozenset())
            if depth > limit:
                name = node.name.value if node.name else "anonymous"
                self.report_error(
                    error(f"Operation '{name}' is {depth} deep, more than {limit}.", node)
                )

        def measure(self, selection_set: Any, depth: int, seen: frozenset[str]) -> int:
            deepest = depth
            for selection in selection_set.selections:
                if selection.kind == "field":
                    if selection.selection_set is None:
                        deepest = max(deepest, depth + 1)
                    else:
                        deepest = max(
                            deepest, self.measure(selection.selection_set, depth + 1, seen)
                        )
                elif selection.kind == "inline_fragment":
                    deepest = max(deepest, self.measure(selection.selection_set, depth, seen))
                elif selection.name.value not in seen:
                    fragment = self.context.get_fragment(selection.name.value)
                    if fragment is not None:
                        deepest = max(
                            deepest,
                            self.measure(
                                fragment.selection_set, depth, seen | {selection.name.value}
                            ),
                        )
            return deepest

    return DepthLimit


def field_depth_limit(base: Any, error: Any, limit: int) -> Any:
    """A depth limit with enter and leave, skipping what is too deep."""

    class FieldDepth(base):  # type: ignore[misc, valid-type]
        def __init__(self, context: Any) -> None:
            super().__init__(context)
            self.depth = 0

        def enter_field(self, node: Any, *_args: Any) -> Any:
            self.depth += 1
            if self.depth > limit:
                self.report_error(error(f"'{node.name.value}' is too deep.", node))
                self.depth -= 1
                return self.SKIP
            return None

        def leave_field(self, node: Any, *_args: Any) -> None:
            self.depth -= 1

    return FieldDepth


def kind_of(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ["list", len(value)]
    return value.kind


def type_name(value: Any) -> Any:
    return None if value is None else getattr(value, "name", None) or str(value)


def recorder(base: Any, log: list[Any]) -> Any:
    """Records every call with graphql-core's visit() arguments and the type info."""

    class Recorder(base):  # type: ignore[misc, valid-type]
        def note(self, what: str, node: Any, key: Any, parent: Any, path: Any, anc: Any) -> None:
            context = self.context
            log.append(
                (
                    what,
                    node.kind,
                    key,
                    kind_of(parent),
                    list(path),
                    [kind_of(a) for a in anc],
                    type_name(context.get_type()),
                    type_name(context.get_parent_type()),
                    type_name(context.get_input_type()),
                    type_name(context.get_parent_input_type()),
                )
            )

        def enter(self, node: Any, key: Any, parent: Any, path: Any, anc: Any) -> None:
            self.note("enter", node, key, parent, path, anc)

        def leave(self, node: Any, key: Any, parent: Any, path: Any, anc: Any) -> None:
            self.note("leave", node, key, parent, path, anc)

    return Recorder


def steering(base: Any, log: list[Any], skip: str, stop: str) -> Any:
    """SKIP at fields named skip, BREAK at fields named stop; records its calls."""

    class Steering(base):  # type: ignore[misc, valid-type]
        def enter_field(self, node: Any, *_args: Any) -> Any:
            log.append(("enter", node.name.value))
            if node.name.value == skip:
                return self.SKIP
            if node.name.value == stop:
                return self.BREAK
            return None

        def leave_field(self, node: Any, *_args: Any) -> Any:
            log.append(("leave", node.name.value))

        def enter_argument(self, node: Any, *_args: Any) -> Any:
            log.append(("argument", node.name.value))

    return Steering


# A document with every kind of executable node, fragments, variables with
# defaults and directives, nested values and a type definition with
# descriptions (not walked when validating, in graphql-core).
WALKED = '''
query Q($a: Int = 1, $b: [ComplexInput!] = [{requiredField: true}], $c: FurColor @onField)
@onQuery {
  alias: dog @onField { name(surname: true) ...DogParts ... on Dog { barks } }
  complicatedArgs {
    complexArgField(complexArg: {requiredField: false, stringListField: ["x", null], intField: $a})
    enumArgField(enumArg: $c) floatArgField(floatArg: 1.5) stringArgField(stringArg: """block""")
  }
  catOrDog { ... { __typename } }
}
fragment DogParts on Dog { mother { name } doesKnowCommand(dogCommand: HEEL) }
mutation { renameDog(name: "x") { name } }
"""A type"""
type Extra { "a field" f(a: Int = 1): String }
'''


def run_both(
    make: Callable[[Any, Any], Any], query: str, **kwargs: Any
) -> tuple[list[GraphQLError], list[Any]]:
    """Validate query with the rule made for each library (after the
    specified rules, as graftql runs it)."""
    ours = SCHEMA.validate(query, rules=[make(ValidationRule, GraphQLError)], **kwargs)
    rule = make(graphql.validation.ValidationRule, graphql.GraphQLError)
    theirs = core_validate(query, [*specified_rules, rule], **kwargs)
    return ours, theirs


@pytest.mark.parametrize(
    "query",
    [
        "{ secret dog { secret name } human(id: 1) { secret } }",
        "{ secret nope dog { secret nam } }\nfragment F on Human { secret }",
        INVALID["several rules at once"],
    ],
)
def test_a_rule_reporting_on_fields_named_secret(query: str) -> None:
    ours, theirs = run_both(no_secrets, query)
    assert_same_errors(ours, theirs)
    secrets = [error for error in ours if error.message == "Field 'secret' is secret."]
    assert len(secrets) == query.count("secret")


@pytest.mark.parametrize("max_errors", [0, 1, 2, 3, 4, 6])
def test_custom_rule_errors_count_towards_max_errors(max_errors: int) -> None:
    query = "{ secret nope dog { secret nam } secret }"
    ours, theirs = run_both(no_secrets, query, max_errors=max_errors)
    assert_same_errors(ours, theirs)


def test_custom_rules_with_suggestions_off() -> None:
    rule = no_secrets(ValidationRule, GraphQLError)
    ours = SCHEMA.validate("{ secret dog { nam } }", rules=[rule], suggestions=False)
    theirs = core_validate(
        "{ secret dog { nam } }",
        [*specified_rules, no_secrets(graphql.validation.ValidationRule, graphql.GraphQLError)],
        hide_suggestions=True,
    )
    assert_same_errors(ours, theirs)


DEEP = """
query Shallow { dog { name } }
query Deep { dog { mother { mother { ...Up } } } }
query Deeper { human { pets { ... on Dog { mother { father { mother { name } } } } } } }
fragment Up on Dog { father { mother { name } } }
fragment Loop on Dog { mother { ...Loop } }
"""


@pytest.mark.parametrize("limit", [1, 3, 4, 5, 6])
def test_a_depth_limit_rule(limit: int) -> None:
    ours, theirs = run_both(lambda base, error: depth_limit(base, error, limit), DEEP)
    assert_same_errors(ours, theirs)


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_a_depth_limit_rule_that_skips(limit: int) -> None:
    ours, theirs = run_both(lambda base, error: field_depth_limit(base, error, limit), DEEP)
    assert_same_errors(ours, theirs)


def test_walk_order_arguments_and_type_info_match_graphql_core() -> None:
    ours_log: list[Any] = []
    theirs_log: list[Any] = []
    ours = SCHEMA.validate(WALKED, rules=[recorder(ValidationRule, ours_log)])
    theirs = core_validate(
        WALKED, [*specified_rules, recorder(graphql.validation.ValidationRule, theirs_log)]
    )
    assert_same_errors(ours, theirs)
    assert len(ours_log) > 200
    assert ours_log == theirs_log


@pytest.mark.parametrize(
    ("skip", "stop"), [("dog", ""), ("", "dog"), ("mother", "complicatedArgs"), ("x", "name")]
)
def test_skip_and_break_match_graphql_core(skip: str, stop: str) -> None:
    ours_log: list[Any] = []
    theirs_log: list[Any] = []
    others: list[Any] = []
    other_log: list[Any] = []
    SCHEMA.validate(
        WALKED,
        rules=[steering(ValidationRule, ours_log, skip, stop), recorder(ValidationRule, others)],
    )
    core_validate(
        WALKED,
        [
            steering(graphql.validation.ValidationRule, theirs_log, skip, stop),
            recorder(graphql.validation.ValidationRule, other_log),
        ],
    )
    assert ours_log == theirs_log
    # SKIP and BREAK hold for the rule that returned them only.
    assert others == other_log


def test_true_and_false_are_break_and_skip() -> None:
    log: list[str] = []

    class Plain(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> bool | None:
            log.append(node.name.value)
            if node.name.value == "dog":
                return False
            if node.name.value == "cat":
                return True
            return None

    SCHEMA.validate("{ dog { name } human { iq } cat { name } secret }", rules=[Plain])
    assert log == ["dog", "human", "iq", "cat"]
    assert graftql.SKIP.value is False and graftql.BREAK.value is True
    assert ValidationRule.SKIP is graftql.SKIP and ValidationRule.BREAK is graftql.BREAK


def test_graphql_core_skip_and_break_are_understood() -> None:
    log: list[str] = []

    class Ported(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> Any:
            log.append(node.name.value)
            return graphql.language.SKIP if node.name.value == "dog" else None

    SCHEMA.validate("{ dog { name } human { iq } }", rules=[Ported])
    assert log == ["dog", "human", "iq"]


def test_rules_run_in_order_after_the_specified_rules() -> None:
    def named(label: str) -> type[ValidationRule]:
        class Named(ValidationRule):
            def enter_field(self, node: Node, *_args: Any) -> None:
                self.report_error(GraphQLError(f"{label}: {node.name.value}", node))

        return Named

    messages = [e.message for e in SCHEMA.validate("{ nope }", rules=[named("A"), named("B")])]
    assert messages == ["Cannot query field 'nope' on type 'Query'.", "A: nope", "B: nope"]


def test_no_rules_and_empty_rules() -> None:
    assert SCHEMA.validate("{ nope }", rules=[]) == SCHEMA.validate("{ nope }", rules=None)
    assert SCHEMA.validate("{ nope }", rules=()) == SCHEMA.validate("{ nope }")


# ---- the context ------------------------------------------------------------------


def test_context_api() -> None:
    seen: dict[str, Any] = {}

    class Looks(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            seen["init"] = context

        def enter_document(self, node: Node, *_args: Any) -> None:
            context = self.context
            seen["schema"] = context.schema
            seen["document"] = context.document
            seen["node"] = node
            seen["fragment"] = context.get_fragment("F")
            seen["missing"] = context.get_fragment("Nope")
            seen["hide"] = context.hide_suggestions

        def enter_field(self, node: Node, *_args: Any) -> None:
            if node.name.value == "doesKnowCommand":
                seen["type"] = self.context.get_type()
                parent = self.context.get_parent_type()
                assert parent is not None
                seen["parent"] = parent.name
                fields = parent.fields
                assert fields is not None
                seen["field"] = fields["doesKnowCommand"].type

        def enter_enum_value(self, node: Node, *_args: Any) -> None:
            seen["input"] = self.context.get_input_type()

    query = (
        "{ dog { ...F } }\nfragment F on Dog { name }\n"
        "fragment F on Dog { doesKnowCommand(dogCommand: SIT) }"
    )
    SCHEMA.validate(query, rules=[Looks], suggestions=False)
    assert isinstance(seen["init"], ValidationContext)
    assert seen["schema"] is SCHEMA
    assert seen["document"].kind == "document" and seen["document"] == seen["node"]
    # As graphql-core's dict of fragments: the last of a name.
    assert seen["fragment"].kind == "fragment_definition"
    assert graftql.print_ast(seen["fragment"]).startswith("fragment F on Dog {\n  doesKnowCommand")
    assert seen["missing"] is None
    assert seen["hide"] is True
    assert (seen["type"], seen["parent"], seen["field"]) == ("Boolean", "Dog", "Boolean")
    assert seen["input"] == "DogCommand"
    # Outside the walk there is no type information.
    context: ValidationContext = seen["init"]
    assert context.get_type() is None and context.get_parent_type() is None
    assert context.get_input_type() is None and context.get_parent_input_type() is None


def test_report_error_outside_the_walk() -> None:
    kept: list[ValidationContext] = []

    class Keeps(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            kept.append(context)

    SCHEMA.validate("{ dog { name } }", rules=[Keeps])
    with pytest.raises(RuntimeError, match="not running"):
        kept[0].report_error(GraphQLError("late"))


def test_report_error_wants_a_graphql_error() -> None:
    class Wrong(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            self.report_error("not an error")  # type: ignore[arg-type]

    with pytest.raises(
        TypeError, match=r"report_error\(\) expects a graftql.GraphQLError, got str"
    ):
        SCHEMA.validate("{ dog { name } }", rules=[Wrong])


def test_report_error_past_max_errors_ends_the_method() -> None:
    after: list[str] = []

    class Noisy(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            self.report_error(GraphQLError(f"one {node.name.value}", node))
            self.report_error(GraphQLError(f"two {node.name.value}", node))
            after.append(node.name.value)

    errors = SCHEMA.validate("{ dog { name } }", rules=[Noisy], max_errors=3)
    assert [e.message for e in errors] == [
        "one dog",
        "two dog",
        "one name",
        "Too many validation errors, error limit reached. Validation aborted.",
    ]
    assert after == ["dog"]


def test_context_cannot_be_made_directly() -> None:
    with pytest.raises(TypeError):
        ValidationContext()  # type: ignore[call-arg]


# ---- exceptions and mistakes in rules -----------------------------------------


class Boom(Exception):
    pass


def test_an_exception_in_a_rule_propagates() -> None:
    class Raises(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            if node.name.value == "name":
                raise Boom(node.name.value)

    with pytest.raises(Boom, match="name") as info:
        SCHEMA.validate("{ dog { barks name } nope }", rules=[Raises])
    assert info.traceback[-1].name == "enter_field"


def test_an_exception_in_a_leave_method_propagates() -> None:
    class Raises(ValidationRule):
        def leave_document(self, node: Node, *_args: Any) -> None:
            raise Boom("at the end")

    with pytest.raises(Boom, match="at the end"):
        SCHEMA.validate("{ dog { name } }", rules=[Raises])


def test_an_exception_in_init_propagates() -> None:
    class Raises(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            raise Boom("init")

    with pytest.raises(Boom, match="init"):
        SCHEMA.validate("{ dog { name } }", rules=[Raises])


def test_a_rule_cannot_edit_the_ast() -> None:
    class Edits(ValidationRule):
        def leave_field(self, node: Node, *_args: Any) -> Any:
            return node

    with pytest.raises(TypeError, match=r"Edits\.leave_field\(\) returned FieldNode at 8:12 "):
        SCHEMA.validate("{ dog { name } }", rules=[Edits])

    class Generic(ValidationRule):
        def enter(self, node: Node, *_args: Any) -> Any:
            return 1

    with pytest.raises(TypeError, match=r"Generic\.enter\(\) returned 1 for a document node"):
        SCHEMA.validate("{ dog { name } }", rules=[Generic])


def test_invalid_method_names_are_refused() -> None:
    with pytest.raises(TypeError, match=r"Invalid AST node kind: feild\. Did you mean 'field'\?"):

        class Typo(ValidationRule):
            def enter_feild(self, node: Node, *_args: Any) -> None: ...

    # graphql-core's abstract kinds are accepted (and never called).
    class Abstract(ValidationRule):
        def enter_selection(self, node: Node, *_args: Any) -> None:
            raise AssertionError

    assert SCHEMA.validate("{ dog { name } }", rules=[Abstract]) == []


# ---- arguments ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "exception", "message"),
    [
        (lambda: SCHEMA.validate(b"{ a }"), TypeError, r"got bytes: decode it first"),
        (lambda: SCHEMA.validate(None), TypeError, r"as a str or a graftql.Document, got NoneType"),
        (
            lambda: SCHEMA.validate(graphql.parse("{ a }")),
            TypeError,
            r"as a str or a graftql.Document, got DocumentNode",
        ),
        (
            lambda: SCHEMA.validate("{ a }", max_errors="3"),
            TypeError,
            r"'max_errors' must be an int",
        ),
        (lambda: SCHEMA.validate("{ a }", max_errors=True), TypeError, r"must be an int, got bool"),
        (
            lambda: SCHEMA.validate("{ a }", max_errors=None),
            TypeError,
            r"must be an int, got NoneType",
        ),
        (lambda: SCHEMA.validate("{ a }", max_errors=-1), ValueError, r"must be 0 or more, got -1"),
        (
            lambda: SCHEMA.validate("{ a }", suggestions=0),
            TypeError,
            r"'suggestions' must be a bool",
        ),
        (lambda: SCHEMA.validate("{ a }", rules="x"), TypeError, r"list of graftql.ValidationRule"),
        (lambda: SCHEMA.validate("{ a }", rules=3), TypeError, r"got int"),
        (
            lambda: SCHEMA.validate("{ a }", rules=no_secrets(ValidationRule, GraphQLError)),
            TypeError,
            r"got the class .*NoSecrets: pass rules=\[NoSecrets\]",
        ),
        (
            lambda: SCHEMA.validate(
                "{ a }", rules=[no_secrets(ValidationRule, GraphQLError)(None)]
            ),
            TypeError,
            r"pass the class, not an instance",
        ),
        (
            lambda: SCHEMA.validate("{ a }", rules=[NoSchemaIntrospectionCustomRule]),
            TypeError,
            r"got graphql\.validation\.rules\.custom\.no_schema_introspection\."
            r"NoSchemaIntrospectionCustomRule: a graphql-core rule",
        ),
        (lambda: SCHEMA.validate("{ a }", rules=[len]), TypeError, r"got <built-in function len>"),
        (lambda: SCHEMA.validate("{ a }", rules=[object]), TypeError, r"got builtins\.object"),
        (lambda: SCHEMA.validate("{ a }", 100), TypeError, r"positional argument"),  # type: ignore[misc]
    ],
)
def test_argument_errors(call: Callable[[], Any], exception: type[Exception], message: str) -> None:
    with pytest.raises(exception, match=message):
        call()


def test_core_validate_checks_its_arguments() -> None:
    core = SCHEMA._core
    with pytest.raises(TypeError, match=r"expects a graftql\.Document, got str"):
        core.validate("{ a }", 1, True, None, SCHEMA)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rules as a tuple"):
        core.validate(graftql.parse("{ a }"), 1, True, [], SCHEMA)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes 5 positional arguments"):
        core.validate(graftql.parse("{ a }"))  # type: ignore[call-arg]


# ---- nodes ------------------------------------------------------------------------

NODES = '''
query Q($a: Int = 1, $b: [ComplexInput!]! = [{requiredField: true}]) @onQuery {
  alias: dog @onField { name(surname: true) ...F ... on Dog { barks } }
  complicatedArgs { complexArgField(complexArg: {stringListField: ["x", null, """b"""]})
    floatArgField(floatArg: -1.5e3) enumArgField(enumArg: BROWN) }
}
subscription { newDog { name } }
fragment F on Dog { mother { name } }
"""described""" type T implements I & J @d { f(a: Int = 2): [T!]! }
extend schema @d
directive @d(a: String = "x") repeatable on OBJECT | SCHEMA
'''


def walk_pairs(ours: Any, theirs: Any) -> list[tuple[Any, Any]]:
    """Every node of both trees, paired."""
    pairs = [(ours, theirs)]
    for key in theirs.keys[1:]:
        a, b = getattr(ours, key), getattr(theirs, key)
        if isinstance(b, graphql.language.Node):
            pairs.extend(walk_pairs(a, b))
        elif isinstance(b, tuple):
            assert isinstance(a, tuple) and len(a) == len(b)
            for x, y in zip(a, b, strict=True):
                pairs.extend(walk_pairs(x, y))
    return pairs


@pytest.mark.parametrize(
    "source", [NODES, '{\r\n  dog(x: "d\u00e9j\u00e0") { name }\r\n}\n# \U0001f600\n{ cat }']
)
def test_nodes_read_as_graphql_core_nodes(source: str) -> None:
    ours = graftql.parse(source)
    theirs = graphql.parse(source)
    root = SCHEMA.validate  # noqa: F841 (keeps the schema API imported)
    seen: list[Node] = []

    class Collect(ValidationRule):
        def enter_document(self, node: Node, *_args: Any) -> None:
            seen.append(node)

    SCHEMA.validate(ours, rules=[Collect])
    pairs = walk_pairs(seen[0], theirs)
    assert len(pairs) > 10
    for a, b in pairs:
        assert isinstance(a, Node)
        assert a.kind == b.kind
        assert a.keys == b.keys
        assert repr(a) == repr(b)
        assert (a.loc.start, a.loc.end) == (b.loc.start, b.loc.end)
        assert a.loc.source == source
        assert a.to_dict(locations=True) == ast_to_dict(b, locations=True)
        assert graftql.print_ast(a) == graphql.print_ast(b)
        for key in b.keys[1:]:
            value, expected = getattr(a, key), getattr(b, key)
            if key == "operation":
                assert value.value == expected.value and value == expected.value
                assert isinstance(value, graftql.OperationType)
            elif not isinstance(expected, (graphql.language.Node, tuple)):
                assert value == expected, key


def test_node_identity_equality_and_hashing() -> None:
    document = graftql.parse("{ dog { name } cat { name } }")
    nodes: list[tuple[Node, Any, Any, list[Any]]] = []

    class Keep(ValidationRule):
        def enter_field(self, node: Node, key: Any, parent: Any, path: Any, anc: Any) -> None:
            nodes.append((node, key, parent, anc))

        def leave_field(self, node: Node, key: Any, parent: Any, path: Any, anc: Any) -> None:
            entered = next(n for n, *_ in nodes if n == node)
            assert entered is node  # the same object on enter and leave

    SCHEMA.validate(document, rules=[Keep])
    (dog, key, parent, _), (name, _, name_parent, name_ancestors) = nodes[:2]
    assert parent[key] is dog  # a list member is the object in its parent tuple
    assert name_ancestors[-2] is dog  # and the same object in the ancestors
    selection_set = dog.selection_set
    assert selection_set == name_ancestors[-1] and hash(selection_set) == hash(name_ancestors[-1])
    assert selection_set.selections[0] == name and name != dog
    assert name_parent == selection_set.selections
    assert len({dog, dog.selection_set.selections[0], name, nodes[2][0]}) == 3
    assert dog != "dog" and dog.name.value == "dog"


def test_nodes_are_read_only_and_say_what_they_have() -> None:
    seen: list[Node] = []

    class Keep(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            seen.append(node)

    SCHEMA.validate("{ dog }", rules=[Keep])
    node = seen[0]
    with pytest.raises(AttributeError, match="read-only"):
        node.name = None
    with pytest.raises(
        AttributeError,
        match=r"a field node has no attribute 'nmae'; it has kind, loc, directives, alias, "
        r"name, arguments, selection_set",
    ):
        node.nmae  # noqa: B018
    assert node.alias is None and node.arguments == () and node.selection_set is None
    assert getattr(node, "type_condition", "absent") == "absent"
    assert node.document.source == "{ dog }"


def test_nodes_keep_their_document_alive() -> None:
    seen: list[Node] = []

    class Keep(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            seen.append(node)

    SCHEMA.validate(graftql.parse("{ dog { name } }"), rules=[Keep])
    gc.collect()
    assert [graftql.print_ast(node) for node in seen] == ["dog {\n  name\n}", "name"]
    assert seen[1].loc is not None and seen[1].loc.source == "{ dog { name } }"


def test_errors_located_by_nodes() -> None:
    source = (
        'query {\r\n  dog(x: "d\u00e9j\u00e0") {\n\tname\n  }\n  # \U0001f600\n  cat { name }\n}'
    )
    ours_nodes: list[Node] = []
    theirs_nodes: list[Any] = []

    class Keep(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            ours_nodes.append(node)

    class KeepCore(graphql.validation.ValidationRule):
        def enter_field(self, node: Any, *_args: Any) -> None:
            theirs_nodes.append(node)

    SCHEMA.validate(source, rules=[Keep])
    core_validate(source, [KeepCore])
    ours = GraphQLError("message", ours_nodes)
    theirs = graphql.GraphQLError("message", theirs_nodes)
    assert ours.locations == theirs.locations
    assert ours.positions == theirs.positions
    assert ours.formatted == theirs.formatted
    assert str(ours) == str(theirs)
    assert ours.source == source and ours.nodes == ours_nodes
    # One node, not in a list, and the source and positions when given.
    assert GraphQLError("m", ours_nodes[1]).locations == [(3, 2)]
    assert GraphQLError("m", ours_nodes, positions=[0]).locations == [(1, 1)]


def test_errors_with_nodes_pickle_without_them() -> None:
    errors = SCHEMA.validate("{ secret }", rules=[no_secrets(ValidationRule, GraphQLError)])
    assert errors[0].nodes is not None
    copy = pickle.loads(pickle.dumps(errors[0]))
    assert copy.nodes is None
    assert (copy.message, copy.locations, copy.source, copy.positions) == (
        errors[0].message,
        errors[0].locations,
        errors[0].source,
        errors[0].positions,
    )
    with pytest.raises(TypeError, match="pickle"):
        pickle.dumps(errors[0].nodes[0])


def test_errors_of_nodes_without_locations() -> None:
    seen: list[Node] = []

    class Keep(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            seen.append(node)
            self.report_error(GraphQLError("here", node))

    errors = SCHEMA.validate(graftql.parse("{ secret }", no_location=True), rules=[Keep])
    assert seen[0].loc is None and repr(seen[0]) == "FieldNode"
    assert errors[0].locations is None and errors[0].formatted == {"message": "here"}


def test_print_ast_of_a_node() -> None:
    document = graftql.parse('{ dog(x: {a: [1, "\u00e9"]}) { name } }')
    seen: list[Node] = []

    class Keep(ValidationRule):
        def enter_object_value(self, node: Node, *_args: Any) -> None:
            seen.append(node)

    SCHEMA.validate(document, rules=[Keep])
    assert graftql.print_ast(seen[0]) == '{a: [1, "\u00e9"]}'
    assert seen[0].to_dict() == ast_to_dict(
        graphql.parse('{ dog(x: {a: [1, "\u00e9"]}) }')
        .definitions[0]
        .selection_set.selections[0]
        .arguments[0]
        .value
    )


# ---- custom scalars' literals ---------------------------------------------------

LITERAL_SDL = """
scalar Probe
scalar Strict
scalar Plain
input Box { probe: Probe probes: [Probe!] inner: Box }
directive @tag(p: Probe) on FIELD
type Query {
  field(p: Probe, ps: [Probe], box: Box, strict: Strict, plain: Plain): String
  other(pnn: Probe!): String
}
"""


class Stop(BaseException):
    """Not an Exception: validation lets it propagate."""


class Literals:
    """The same scalars for graftql and for graphql-core: Probe answers what
    its literal's text asks for ("undefined", "raise", "error", "stop"; a
    list or object is a TypeError), Strict has only a parse_value (strings
    only), which graphql-core's default parse_literal calls with the untyped
    literal; Plain has only a serialize. calls logs Probe's literals."""

    def __init__(self, undefined: Any, error_class: Any) -> None:
        self.calls: list[str] = []
        self.shared_error = error_class("shared", extensions={"code": "SHARED"})
        calls, shared = self.calls, self.shared_error

        class Probe:
            @staticmethod
            def parse_value(value: Any) -> Any:
                return value

            @staticmethod
            def parse_literal(node: Any, _variables: Any = None) -> Any:
                calls.append(node.kind)
                if node.kind in ("list_value", "object_value"):
                    raise TypeError(f"not a {node.kind}")
                text = node.value
                if text == "undefined":
                    return undefined
                if text == "raise":
                    raise ValueError("refused")
                if text == "error":
                    raise error_class("as is", extensions={"code": "PROBE"})
                if text == "shared":
                    raise shared
                if text == "stop":
                    raise Stop
                return text

        class Strict:
            @staticmethod
            def parse_value(value: Any) -> Any:
                if not isinstance(value, str):
                    raise TypeError(f"not a string: {value!r}")
                return value

        class Plain:
            @staticmethod
            def serialize(value: Any) -> Any:
                raise AssertionError("validation does not serialize")

        self.scalars = {"Probe": Probe, "Strict": Strict, "Plain": Plain}


def literal_schemas() -> tuple[Schema, Literals, graphql.GraphQLSchema, Literals]:
    ours = Literals(graftql.Undefined, GraphQLError)
    theirs = Literals(graphql.Undefined, graphql.GraphQLError)
    core = graphql.build_schema(LITERAL_SDL)
    for name, implementation in theirs.scalars.items():
        scalar = core.type_map[name]
        for attribute in ("serialize", "parse_value", "parse_literal"):
            if hasattr(implementation, attribute):
                setattr(scalar, attribute, getattr(implementation, attribute))
    return Schema(LITERAL_SDL, scalars=ours.scalars), ours, core, theirs


LITERALS = {
    "outcomes": '{ a: field(p: "ok") b: field(p: "undefined") c: field(p: "raise")'
    ' d: field(p: "error") e: field(p: null) }',
    "positions": '{ field(ps: ["ok", "undefined"], box: {probe: "undefined", probes: "raise",'
    ' inner: {probe: "error", probes: ["ok", "raise"]}}, p: {a: 1}) x: field(p: ["ok"])'
    ' y: other(pnn: "undefined") z: other(pnn: null) }',
    "variable defaults": 'query ($v: Probe = "raise", $w: [Probe] = ["ok", "undefined"],'
    ' $b: Box = {probe: "error"}) { field(p: $v, ps: $w, box: $b) }',
    "directive arguments": '{ field @tag(p: "raise") other(pnn: "ok") @tag(p: ["x"]) }',
    "parse_value only": 'query ($v: String) { a: field(strict: 1) b: field(strict: "s")'
    " c: field(strict: [$v, 2]) d: field(strict: {x: true}) }",
    "serialize only": "{ field(plain: {x: [1]}) }",
    "with other rules": '{ field(p: "raise", nope: 1) unknown other(pnn: "error") other }',
    "fragments": '{ ...F } fragment F on Query { field(p: "raise") ...G }'
    ' fragment G on Query { field(ps: "undefined") }',
}


def assert_same_literal_errors(ours: list[GraphQLError], theirs: list[Any]) -> None:
    assert [error.formatted for error in ours] == [error.formatted for error in theirs]
    assert [str(error) for error in ours] == [str(error) for error in theirs]
    assert [type(error.original_error).__name__ for error in ours] == [
        type(error.original_error).__name__ for error in theirs
    ]


@pytest.mark.parametrize("name", LITERALS)
def test_literals_of_custom_scalars_match_graphql_core(name: str) -> None:
    schema, ours, core, theirs = literal_schemas()
    query = LITERALS[name]
    assert_same_literal_errors(schema.validate(query), graphql.validate(core, graphql.parse(query)))
    assert ours.calls == theirs.calls


@pytest.mark.parametrize("max_errors", [0, 1, 2, 3])
def test_literal_errors_count_towards_max_errors(max_errors: int) -> None:
    schema, ours, core, theirs = literal_schemas()
    query = LITERALS["outcomes"]
    assert_same_literal_errors(
        schema.validate(query, max_errors=max_errors),
        graphql.validate(core, graphql.parse(query), max_errors=max_errors),
    )
    assert ours.calls == theirs.calls


def test_literal_errors_interleave_with_python_rules() -> None:
    schema, ours, core, _ = literal_schemas()
    query = '{ a: field(p: "raise") b: field(p: "shared") other(pnn: "error") }'

    def make(base: Any, error: Any) -> Any:
        class OnArguments(base):  # type: ignore[misc, valid-type]
            def enter_argument(self, node: Any, *_args: Any) -> None:
                self.report_error(error(f"argument {node.name.value}", node))

        return OnArguments

    mine = schema.validate(query, rules=[make(ValidationRule, GraphQLError)])
    rule = make(graphql.validation.ValidationRule, graphql.GraphQLError)
    assert_same_literal_errors(
        mine, graphql.validate(core, graphql.parse(query), [*specified_rules, rule])
    )
    assert mine[3] is ours.shared_error  # reported as it is: the object raised


def test_a_graphql_error_raised_is_reported_as_it_is() -> None:
    schema, ours, _, _ = literal_schemas()
    errors = schema.validate('{ a: field(p: "shared") b: field(p: "raise") }')
    assert errors[0] is ours.shared_error
    assert errors[0].locations is None and errors[0].extensions == {"code": "SHARED"}
    assert isinstance(errors[1].original_error, ValueError)
    assert errors[1].extensions == {}


def test_a_base_exception_in_parse_literal_propagates() -> None:
    schema, ours, _, _ = literal_schemas()
    query = '{ a: field(p: "raise") b: field(p: "stop") c: field(p: "raise") }'
    with pytest.raises(Stop):
        schema.validate(query)
    assert ours.calls == ["string_value", "string_value"]  # the walk ended there
    with pytest.raises(Stop):
        schema.validate('{ x: field(p: "stop") }' + BIG_LITERALS)
    # Nothing is cached: execute raises each time.
    for _ in range(2):
        with pytest.raises(Stop):
            schema.execute(query)
    assert schema.plan_hits == 0


def validate_in_threads(
    schema: Any, document: Any, rounds: int, **options: Any
) -> list[list[GraphQLError]]:
    """schema.validate(document) ``rounds`` times in each of 4 threads at
    once: every result, in the order they came."""
    results: list[list[GraphQLError]] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(rounds):
            errors = schema.validate(document, **options)
            with lock:
                results.append(errors)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_validated_literals_are_cached_with_the_plan() -> None:
    schema, ours, _, _ = literal_schemas()
    query = '{ a: field(p: "ok") b: field(p: "raise") }'
    first = schema.execute(query)
    second = schema.execute(query)
    assert ours.calls == ["string_value", "string_value"]  # validated once
    assert schema.plan_hits == 1
    assert first.to_dict() == second.to_dict()
    assert first.errors == second.errors and len(first.errors) == 1
    assert schema.validate(query) == first.errors  # validate() does not use the cache
    assert len(ours.calls) == 4


def test_literals_are_not_checked_before_the_bindings_are_frozen() -> None:
    """The hook reads the bindings without the GIL: only final ones."""
    literals = Literals(graftql.Undefined, GraphQLError)
    probe = literals.scalars["Probe"]
    core = graftql._core.build_schema([graftql.parse(LITERAL_SDL)])[0]
    assert core is not None and not core.frozen
    core._set_scalar("Probe", None, probe.parse_value, probe.parse_literal)
    document = graftql.parse('{ field(p: "raise") }')
    assert core.validate(document, 100, True, None, None) == []  # type: ignore[arg-type]
    assert literals.calls == []


BIG_LITERALS = (
    "query Big {\n"
    + "".join(
        f'  a{i}: field(p: "ok", ps: ["ok", "undefined"]) b{i}: field(box: {{probe: "raise"}})\n'
        for i in range(200)
    )
    + "}\n"
)


def test_large_documents_call_parse_literal_without_the_gil() -> None:
    assert len(BIG_LITERALS.encode()) > 16 * 1024  # validation.c: VALIDATE_WITHOUT_GIL_BYTES
    schema, ours, core, theirs = literal_schemas()
    expected = graphql.validate(core, graphql.parse(BIG_LITERALS), max_errors=1000)
    assert len(expected) == 400
    assert_same_literal_errors(schema.validate(BIG_LITERALS, max_errors=1000), expected)
    assert ours.calls == theirs.calls
    results = validate_in_threads(schema, graftql.parse(BIG_LITERALS), 3, max_errors=1000)
    assert len(results) == 12
    for errors in results:
        assert_same_literal_errors(errors, expected)


def test_literal_reference_counts_are_balanced() -> None:
    schema, ours, _, _ = literal_schemas()
    document = graftql.parse(LITERALS["positions"] + LITERALS["outcomes"].replace("{", "{ q", 1))
    shared = ours.shared_error
    shared_query = graftql.parse('{ a: field(p: "shared") b: field(p: "raise") }')

    def run() -> None:
        schema.validate(document)
        schema.validate(document, max_errors=2)
        schema.validate(shared_query)
        with pytest.raises(Stop):
            schema.validate('{ field(p: "stop") }')
        ours.calls.clear()
        shared.__traceback__ = None  # raising it again would extend its traceback

    run()
    gc.collect()
    before = [sys.getrefcount(o) for o in (document, schema, shared, shared_query)]
    for _ in range(50):
        run()
    gc.collect()
    assert [sys.getrefcount(o) for o in (document, schema, shared, shared_query)] == before


# ---- the GIL and threads ------------------------------------------------------------

BIG = (
    "query Big {\n"
    + "".join(f"  a{i}: dog {{ name barkVolume mother {{ nickname }} }}\n" for i in range(600))
    + "  dog { nam }\n}\n"
)


def test_large_documents_validate_without_the_gil() -> None:
    assert len(BIG.encode()) > 16 * 1024  # validation.c: VALIDATE_WITHOUT_GIL_BYTES
    expected = core_validate(BIG)
    assert_same_errors(SCHEMA.validate(BIG), expected)
    results = validate_in_threads(SCHEMA, graftql.parse(BIG), 5)
    assert len(results) == 20
    for errors in results:
        assert_same_errors(errors, expected)


def test_large_documents_with_python_rules() -> None:
    ours, theirs = run_both(no_secrets, BIG.replace("nickname", "secret"), max_errors=1000)
    assert len(ours) == 601
    assert_same_errors(ours, theirs)


# ---- reference counts ------------------------------------------------------------


def test_reference_counts_are_balanced() -> None:
    document = graftql.parse(WALKED)
    rule = no_secrets(ValidationRule, GraphQLError)
    log: list[Any] = []
    logger = recorder(ValidationRule, log)

    class Raises(ValidationRule):
        def enter_field(self, node: Node, *_args: Any) -> None:
            raise Boom(node)

    def run() -> None:
        SCHEMA.validate(document, rules=[rule, logger], max_errors=3)
        SCHEMA.validate(document)
        NO_INTROSPECTION.validate(document, suggestions=False)
        with pytest.raises(Boom):
            SCHEMA.validate(document, rules=[Raises])
        log.clear()

    run()
    gc.collect()
    before = [sys.getrefcount(o) for o in (document, SCHEMA, rule, logger, Raises)]
    for _ in range(50):
        run()
    gc.collect()
    after = [sys.getrefcount(o) for o in (document, SCHEMA, rule, logger, Raises)]
    assert after == before
