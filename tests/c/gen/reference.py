"""graphql-core 3.2.14 as the reference for schema building and validation.

graphql-core raises a TypeError while building a schema whose fields,
arguments or input fields have a type of the wrong sort, or whose union
members or implemented interfaces are of the wrong kind (its constructors
check them); graphql-js 16 and graftql leave those to validate_schema,
which reports them with locations. To take those expectations from
graphql-core's own validate_schema, this module disables the constructor
checks (and lets value_from_ast treat a non-input type as not coercible)
before building. Everything else is graphql-core as installed.
"""
import importlib
import json
from functools import cached_property

from graphql import (
    GraphQLError,
    Source,
    StringValueNode,
    Visitor,
    build_ast_schema,
    concat_ast,
    is_enum_type,
    is_input_object_type,
    is_interface_type,
    is_introspection_type,
    is_object_type,
    is_scalar_type,
    is_specified_directive,
    is_specified_scalar_type,
    is_union_type,
    parse,
    print_ast,
    validate_schema,
    visit,
)
from graphql.pyutils import Undefined
from graphql.validation.validate import validate_sdl

definition = importlib.import_module("graphql.type.definition")
extend_schema = importlib.import_module("graphql.utilities.extend_schema")


def _permissive(cls):
    """Run cls.__init__ with the type-sort checks of definition.py off."""
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        saved = definition.is_input_type, definition.is_output_type
        definition.is_input_type = definition.is_output_type = lambda type_: True
        try:
            init(self, *args, **kwargs)
        finally:
            definition.is_input_type, definition.is_output_type = saved

    cls.__init__ = __init__


for _cls in (definition.GraphQLField, definition.GraphQLArgument, definition.GraphQLInputField):
    _permissive(_cls)


def _install(cls, name, fn):
    prop = cached_property(fn)
    prop.__set_name__(cls, name)
    setattr(cls, name, prop)


def _interfaces(self):
    return tuple(definition.resolve_thunk(self._interfaces) or ())


def _types(self):
    return tuple(definition.resolve_thunk(self._types) or ())


_install(definition.GraphQLObjectType, "interfaces", _interfaces)
_install(definition.GraphQLInterfaceType, "interfaces", _interfaces)
_install(definition.GraphQLUnionType, "types", _types)

_value_from_ast = extend_schema.value_from_ast


def _lenient_value_from_ast(node, type_, variables=None):
    try:
        return _value_from_ast(node, type_, variables)
    except TypeError:
        return Undefined


extend_schema.value_from_ast = _lenient_value_from_ast


def locations(error, sources):
    """(source index, line, column) of each location of a GraphQLError."""
    out = []
    for node in error.nodes or []:
        if node is None or node.loc is None:
            continue
        loc = node.loc.source.get_location(node.loc.start)
        out.append((sources.index(node.loc.source), loc.line, loc.column))
    return out


def _build(doc, sources):
    """("build", [error]) or ("schema", errors, schema)."""
    try:
        schema = build_ast_schema(doc, assume_valid_sdl=True)
        schema.type_map  # noqa: B018 (resolves every lazy field map)
    except GraphQLError as e:
        # A lazily built field map wraps the error of get_directive_values as
        # "<Type> fields cannot be resolved. <str(error)>", where str() adds
        # a source excerpt and the nodes are lost: keep the prefixes (one per
        # field map being resolved: coercing a default resolves another),
        # the original message and the original locations.
        prefix = ""
        while isinstance(e.__cause__, GraphQLError):
            prefix += e.message[: e.message.index(". ") + 2]
            e = e.__cause__
        return ("build", [(prefix + e.message, locations(e, sources))])
    errors = validate_schema(schema)
    return ("schema", [(e.message, locations(e, sources)) for e in errors], schema)


def _fix_argument_value(doc, location, sources):
    """Replace the argument value at location by a valid string; False if
    there is none there."""

    class Fix(Visitor):
        found = False

        def enter_argument(self, node, *_):
            loc = node.value.loc
            if loc is None or self.found:
                return
            at = loc.source.get_location(loc.start)
            if (sources.index(loc.source), at.line, at.column) == location:
                node.value = StringValueNode(value="fixed")
                self.found = True

    fix = Fix()
    visit(doc, fix)
    return fix.found


def run(texts, assume_valid_sdl=False):
    """Build like gql_schema_build: ("sdl", errors), ("build", errors) or
    ("schema", errors, schema). errors: [(message, locations)].

    Build errors (an invalid @deprecated reason or @specifiedBy url):
    graphql-core raises the first; graftql reports them all, in the order
    graphql-core meets them, found here by fixing each and building again."""
    sources = [Source(t) for t in texts]
    doc = concat_ast([parse(s) for s in sources])
    if not assume_valid_sdl:
        errors = validate_sdl(doc)
        if errors:
            return ("sdl", [(e.message, locations(e, sources)) for e in errors])
    result = _build(doc, sources)
    if result[0] != "build":
        return result
    errors = list(result[1])
    while errors[-1][1] and _fix_argument_value(doc, errors[-1][1][0], sources):
        again = _build(doc, sources)
        if again[0] != "build":
            break
        errors += again[1]
    return ("build", errors)


def _json(value):
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _input_value(kind, name, value):
    node = value.ast_node
    default = print_ast(node.default_value) if node and node.default_value else None
    applies = int(value.default_value is not Undefined)
    return (
        f"{kind} {name}: {value.type} description={_json(value.description)}"
        f" default={_json(default)} applies={applies}"
        f" deprecated={_json(value.deprecation_reason)}"
    )


def dump(schema):
    """A canonical text of what a schema holds, which the C tests print the
    same way from graftql's schema."""
    lines = [
        f"schema description={_json(schema.description)}"
        f" query={_json(schema.query_type and schema.query_type.name)}"
        f" mutation={_json(schema.mutation_type and schema.mutation_type.name)}"
        f" subscription={_json(schema.subscription_type and schema.subscription_type.name)}"
    ]
    for name, t in schema.type_map.items():
        kind = get_introspection_kind(t)
        if is_specified_scalar_type(t) or is_introspection_type(t):
            lines.append(f"type {name} {kind} builtin")
            continue
        line = f"type {name} {kind} description={_json(t.description)}"
        if is_scalar_type(t):
            line += f" specifiedBy={_json(t.specified_by_url)}"
        if is_input_object_type(t) and t.is_one_of:
            line += " oneOf"
        lines.append(line)
        for iface in getattr(t, "interfaces", ()):
            lines.append(f"  interface {iface.name}")
        if is_union_type(t):
            for member in t.types:
                lines.append(f"  member {member.name}")
        if is_enum_type(t):
            for vname, v in t.values.items():
                lines.append(
                    f"  value {vname} description={_json(v.description)}"
                    f" deprecated={_json(v.deprecation_reason)}"
                )
        if is_object_type(t) or is_interface_type(t):
            for fname, f in t.fields.items():
                lines.append(
                    f"  field {fname}: {f.type} description={_json(f.description)}"
                    f" deprecated={_json(f.deprecation_reason)}"
                )
                for aname, a in f.args.items():
                    lines.append("    " + _input_value("arg", aname, a))
        if is_input_object_type(t):
            for fname, f in t.fields.items():
                lines.append("  " + _input_value("input", fname, f))
    for d in schema.directives:
        if is_specified_directive(d):
            lines.append(f"directive @{d.name} builtin")
            continue
        locs = ",".join(loc.name for loc in d.locations)
        lines.append(
            f"directive @{d.name} description={_json(d.description)}"
            f" repeatable={int(d.is_repeatable)} locations={locs}"
        )
        for aname, a in d.args.items():
            lines.append("  " + _input_value("arg", aname, a))
    return "\n".join(lines) + "\n"


def get_introspection_kind(t):
    for test, kind in (
        (is_scalar_type, "SCALAR"),
        (is_object_type, "OBJECT"),
        (is_interface_type, "INTERFACE"),
        (is_union_type, "UNION"),
        (is_enum_type, "ENUM"),
        (is_input_object_type, "INPUT_OBJECT"),
    ):
        if test(t):
            return kind
    raise TypeError(t)
