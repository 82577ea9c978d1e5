/*
 * introspection.c: the introspection types' fields resolved over the C
 * schema (introspection.h), as graphql-core 3.2.14's type/introspection.py
 * resolves them, and the text of the standard introspection query, as its
 * utilities/get_introspection_query.py writes it.
 *
 * The resolvers read the schema's arrays directly: a __Type is a
 * gql_type_ref (a named type's own ref, or a list or non-null wrapper); a
 * list is a view of a schema array, filtered of deprecated items on the
 * fly. Only defaultValue computes anything (utilities/ast_from_value.c).
 *
 * The selection walker that evaluates a whole query over these resolvers
 * is introspection_walk.c.
 */
#include "type/introspection.h"

#include <string.h>

#include "language/lexer.h"
#include "language/printer.h"
#include "mem.h"
#include "utilities/ast_from_value.h"

/*=== MARK: The introspection types =========================================*/

static const char *const kind_names[GQL_INTRO_KIND_COUNT] = {
    "__Schema", "__Type", "__Field", "__InputValue", "__EnumValue", "__Directive",
};

const char *gql_intro_kind_name(gql_intro_kind kind) {
    return (unsigned)kind < GQL_INTRO_KIND_COUNT ? kind_names[kind] : "";
}

#define LEAF (-1)

static const gql_intro_field_info fields[GQL_IF_COUNT] = {
    [GQL_IF_SCHEMA_DESCRIPTION] = {"description", GQL_INTRO_SCHEMA, "String", LEAF, false, false},
    [GQL_IF_SCHEMA_TYPES] = {"types", GQL_INTRO_SCHEMA, "[__Type!]!", GQL_INTRO_TYPE, false, false},
    [GQL_IF_SCHEMA_QUERY_TYPE] = {"queryType", GQL_INTRO_SCHEMA, "__Type!", GQL_INTRO_TYPE, false,
                                  false},
    [GQL_IF_SCHEMA_MUTATION_TYPE] = {"mutationType", GQL_INTRO_SCHEMA, "__Type", GQL_INTRO_TYPE,
                                     false, false},
    [GQL_IF_SCHEMA_SUBSCRIPTION_TYPE] = {"subscriptionType", GQL_INTRO_SCHEMA, "__Type",
                                         GQL_INTRO_TYPE, false, false},
    [GQL_IF_SCHEMA_DIRECTIVES] = {"directives", GQL_INTRO_SCHEMA, "[__Directive!]!",
                                  GQL_INTRO_DIRECTIVE, true, true},
    [GQL_IF_TYPE_KIND] = {"kind", GQL_INTRO_TYPE, "__TypeKind!", LEAF, false, false},
    [GQL_IF_TYPE_NAME] = {"name", GQL_INTRO_TYPE, "String", LEAF, false, false},
    [GQL_IF_TYPE_DESCRIPTION] = {"description", GQL_INTRO_TYPE, "String", LEAF, false, false},
    [GQL_IF_TYPE_SPECIFIED_BY_URL] = {"specifiedByURL", GQL_INTRO_TYPE, "String", LEAF, false,
                                      false},
    [GQL_IF_TYPE_FIELDS] = {"fields", GQL_INTRO_TYPE, "[__Field!]", GQL_INTRO_FIELD, true, false},
    [GQL_IF_TYPE_INTERFACES] = {"interfaces", GQL_INTRO_TYPE, "[__Type!]", GQL_INTRO_TYPE, false,
                                false},
    [GQL_IF_TYPE_POSSIBLE_TYPES] = {"possibleTypes", GQL_INTRO_TYPE, "[__Type!]", GQL_INTRO_TYPE,
                                    false, false},
    [GQL_IF_TYPE_ENUM_VALUES] = {"enumValues", GQL_INTRO_TYPE, "[__EnumValue!]",
                                 GQL_INTRO_ENUM_VALUE, true, false},
    [GQL_IF_TYPE_INPUT_FIELDS] = {"inputFields", GQL_INTRO_TYPE, "[__InputValue!]",
                                  GQL_INTRO_INPUT_VALUE, true, false},
    [GQL_IF_TYPE_OF_TYPE] = {"ofType", GQL_INTRO_TYPE, "__Type", GQL_INTRO_TYPE, false, false},
    [GQL_IF_TYPE_IS_ONE_OF] = {"isOneOf", GQL_INTRO_TYPE, "Boolean", LEAF, false, false},
    [GQL_IF_FIELD_NAME] = {"name", GQL_INTRO_FIELD, "String!", LEAF, false, false},
    [GQL_IF_FIELD_DESCRIPTION] = {"description", GQL_INTRO_FIELD, "String", LEAF, false, false},
    [GQL_IF_FIELD_ARGS] = {"args", GQL_INTRO_FIELD, "[__InputValue!]!", GQL_INTRO_INPUT_VALUE,
                           true, false},
    [GQL_IF_FIELD_TYPE] = {"type", GQL_INTRO_FIELD, "__Type!", GQL_INTRO_TYPE, false, false},
    [GQL_IF_FIELD_IS_DEPRECATED] = {"isDeprecated", GQL_INTRO_FIELD, "Boolean!", LEAF, false,
                                    false},
    [GQL_IF_FIELD_DEPRECATION_REASON] = {"deprecationReason", GQL_INTRO_FIELD, "String", LEAF,
                                         false, false},
    [GQL_IF_INPUT_VALUE_NAME] = {"name", GQL_INTRO_INPUT_VALUE, "String!", LEAF, false, false},
    [GQL_IF_INPUT_VALUE_DESCRIPTION] = {"description", GQL_INTRO_INPUT_VALUE, "String", LEAF,
                                        false, false},
    [GQL_IF_INPUT_VALUE_TYPE] = {"type", GQL_INTRO_INPUT_VALUE, "__Type!", GQL_INTRO_TYPE, false,
                                 false},
    [GQL_IF_INPUT_VALUE_DEFAULT_VALUE] = {"defaultValue", GQL_INTRO_INPUT_VALUE, "String", LEAF,
                                          false, false},
    [GQL_IF_INPUT_VALUE_IS_DEPRECATED] = {"isDeprecated", GQL_INTRO_INPUT_VALUE, "Boolean!", LEAF,
                                          false, false},
    [GQL_IF_INPUT_VALUE_DEPRECATION_REASON] = {"deprecationReason", GQL_INTRO_INPUT_VALUE,
                                               "String", LEAF, false, false},
    [GQL_IF_ENUM_VALUE_NAME] = {"name", GQL_INTRO_ENUM_VALUE, "String!", LEAF, false, false},
    [GQL_IF_ENUM_VALUE_DESCRIPTION] = {"description", GQL_INTRO_ENUM_VALUE, "String", LEAF, false,
                                       false},
    [GQL_IF_ENUM_VALUE_IS_DEPRECATED] = {"isDeprecated", GQL_INTRO_ENUM_VALUE, "Boolean!", LEAF,
                                         false, false},
    [GQL_IF_ENUM_VALUE_DEPRECATION_REASON] = {"deprecationReason", GQL_INTRO_ENUM_VALUE,
                                              "String", LEAF, false, false},
    [GQL_IF_DIRECTIVE_NAME] = {"name", GQL_INTRO_DIRECTIVE, "String!", LEAF, false, false},
    [GQL_IF_DIRECTIVE_DESCRIPTION] = {"description", GQL_INTRO_DIRECTIVE, "String", LEAF, false,
                                      false},
    [GQL_IF_DIRECTIVE_IS_REPEATABLE] = {"isRepeatable", GQL_INTRO_DIRECTIVE, "Boolean!", LEAF,
                                        false, false},
    [GQL_IF_DIRECTIVE_LOCATIONS] = {"locations", GQL_INTRO_DIRECTIVE, "[__DirectiveLocation!]!",
                                    LEAF, false, false},
    [GQL_IF_DIRECTIVE_ARGS] = {"args", GQL_INTRO_DIRECTIVE, "[__InputValue!]!",
                               GQL_INTRO_INPUT_VALUE, true, false},
    [GQL_IF_DIRECTIVE_IS_DEPRECATED] = {"isDeprecated", GQL_INTRO_DIRECTIVE, "Boolean!", LEAF,
                                        false, false},
    [GQL_IF_DIRECTIVE_DEPRECATION_REASON] = {"deprecationReason", GQL_INTRO_DIRECTIVE, "String",
                                             LEAF, false, false},
};

const gql_intro_field_info *gql_intro_field_get(gql_intro_field field) {
    return (unsigned)field < GQL_IF_COUNT ? &fields[field] : NULL;
}

gql_intro_field gql_intro_field_find(gql_intro_kind parent, const char *name, size_t len) {
    for (int i = 0; i < GQL_IF_COUNT; i++) {
        if (fields[i].parent == parent && strlen(fields[i].name) == len &&
            memcmp(fields[i].name, name, len) == 0)
            return (gql_intro_field)i;
    }
    return GQL_IF_COUNT;
}

const gql_schema_type *gql_intro_schema_type(const gql_schema *schema, gql_intro_kind kind) {
    const char *name = gql_intro_kind_name(kind);
    uint32_t len = (uint32_t)strlen(name);
    return gql_symmap_getn(&schema->builtin_types, name, len, gql_name_hash(name, len));
}

/*=== MARK: Resolvers =======================================================*/

static gql_intro_value null_value(void) { return (gql_intro_value){.kind = GQL_INTRO_NULL}; }

static gql_intro_value bool_value(bool b) {
    return (gql_intro_value){.kind = GQL_INTRO_BOOLEAN, .u.boolean = b};
}

/* A string, or null when absent (ptr NULL). */
static gql_intro_value text_value(gql_text t) {
    if (!t.ptr) return null_value();
    return (gql_intro_value){.kind = GQL_INTRO_STRING, .u.string = t};
}

static gql_intro_value name_value(const gql_sym *name) {
    return (gql_intro_value){.kind = GQL_INTRO_STRING, .u.string = {name->str, name->len}};
}

static gql_intro_value enum_value(const char *name) {
    return (gql_intro_value){.kind = GQL_INTRO_ENUM, .u.string = {name, strlen(name)}};
}

static gql_intro_value object_value(gql_intro_kind kind, const void *ptr) {
    if (!ptr) return null_value();
    return (gql_intro_value){.kind = GQL_INTRO_OBJECT, .u.object = {kind, ptr}};
}

static gql_intro_value type_value(const gql_type_ref *ref) {
    return object_value(GQL_INTRO_TYPE, ref);
}

static gql_intro_value named_type_value(const gql_schema_type *t) {
    return t ? type_value(&t->ref) : null_value();
}

static gql_intro_value list_value(gql_intro_list_form form, const void *items, uint32_t count,
                                  bool skip_deprecated) {
    return (gql_intro_value){.kind = GQL_INTRO_LIST,
                             .u.list = {(uint8_t)form, skip_deprecated, count, items}};
}

gql_intro_object gql_intro_schema_object(const gql_schema *schema) {
    return (gql_intro_object){GQL_INTRO_SCHEMA, schema};
}

gql_intro_value gql_intro_type_by_name(const gql_schema *schema, const char *name, size_t len) {
    return named_type_value(gql_schema_get_type(schema, name, len));
}

static gql_intro_value resolve_schema(const gql_schema *s, gql_intro_field field) {
    switch (field) {
    case GQL_IF_SCHEMA_DESCRIPTION: return text_value(s->description);
    case GQL_IF_SCHEMA_TYPES: return list_value(GQL_INTRO_LIST_TYPES, s->types, s->type_count, false);
    case GQL_IF_SCHEMA_QUERY_TYPE: return named_type_value(s->roots[GQL_QUERY]);
    case GQL_IF_SCHEMA_MUTATION_TYPE: return named_type_value(s->roots[GQL_MUTATION]);
    case GQL_IF_SCHEMA_SUBSCRIPTION_TYPE: return named_type_value(s->roots[GQL_SUBSCRIPTION]);
    case GQL_IF_SCHEMA_DIRECTIVES:
        /* No directive can be deprecated in SDL (graphql-core parses
         * directives on directive definitions only experimentally). */
        return list_value(GQL_INTRO_LIST_DIRECTIVES, s->directives, s->directive_count, false);
    default: return null_value();
    }
}

static gql_intro_value resolve_type(const gql_type_ref *ref, gql_intro_field field,
                                    bool include_deprecated) {
    const gql_schema_type *t = ref->wrap == GQL_REF_NAMED ? ref->named : NULL;
    gql_type_kind kind = t                          ? t->kind
                         : ref->wrap == GQL_REF_LIST ? GQL_TYPE_LIST
                                                     : GQL_TYPE_NON_NULL;
    bool skip = !include_deprecated;
    switch (field) {
    case GQL_IF_TYPE_KIND: return enum_value(gql_type_kind_name(kind));
    case GQL_IF_TYPE_NAME: return t ? name_value(t->name) : null_value();
    case GQL_IF_TYPE_DESCRIPTION: return t ? text_value(t->description) : null_value();
    case GQL_IF_TYPE_SPECIFIED_BY_URL:
        return kind == GQL_TYPE_SCALAR ? text_value(t->specified_by_url) : null_value();
    case GQL_IF_TYPE_FIELDS:
        if (kind != GQL_TYPE_OBJECT && kind != GQL_TYPE_INTERFACE) return null_value();
        return list_value(GQL_INTRO_LIST_FIELDS, t->fields, t->field_count, skip);
    case GQL_IF_TYPE_INTERFACES:
        if (kind != GQL_TYPE_OBJECT && kind != GQL_TYPE_INTERFACE) return null_value();
        return list_value(GQL_INTRO_LIST_TYPES, t->interfaces, t->interface_count, false);
    case GQL_IF_TYPE_POSSIBLE_TYPES:
        if (kind == GQL_TYPE_UNION)
            return list_value(GQL_INTRO_LIST_TYPES, t->members, t->member_count, false);
        if (kind == GQL_TYPE_INTERFACE)
            return list_value(GQL_INTRO_LIST_TYPES, t->implementations, t->implementation_count,
                              false);
        return null_value();
    case GQL_IF_TYPE_ENUM_VALUES:
        if (kind != GQL_TYPE_ENUM) return null_value();
        return list_value(GQL_INTRO_LIST_ENUM_VALUES, t->values, t->value_count, skip);
    case GQL_IF_TYPE_INPUT_FIELDS:
        if (kind != GQL_TYPE_INPUT_OBJECT) return null_value();
        return list_value(GQL_INTRO_LIST_INPUT_VALUES, t->input_fields, t->input_field_count,
                          skip);
    case GQL_IF_TYPE_OF_TYPE: return t ? null_value() : type_value(ref->of_type);
    case GQL_IF_TYPE_IS_ONE_OF:
        return kind == GQL_TYPE_INPUT_OBJECT ? bool_value(t->one_of) : null_value();
    default: return null_value();
    }
}

/* defaultValue: print_ast(ast_from_value(default_value, type)), null when
 * there is no default or it does not coerce (graphql-core keeps Undefined).
 * Where expanding the defaults of absent fields reaches a limit the literal
 * prints as written, as print_schema does there. */
static gql_status default_value(const gql_schema_input_value *v, gql_strbuf *scratch,
                                gql_strbuf *error, gql_intro_value *out) {
    *out = null_value();
    if (v->default_state != GQL_DEFAULT_VALID) return GQL_OK;
    gql_strbuf_reset(scratch);
    size_t error_len = error->len;
    switch (gql_print_coerced_value(scratch, v->default_value, v->type, error)) {
    case GQL_COERCED_PRINTED:
        break;
    case GQL_COERCED_RAISES:
        return error->nomem ? GQL_ERR_NOMEM : error->len > error_len ? GQL_ERR_INVALID : GQL_OK;
    case GQL_COERCED_LIMIT: {
        size_t len;
        char *literal = gql_print(v->default_value, &len);
        if (!literal) return GQL_ERR_NOMEM;
        gql_strbuf_append(scratch, literal, len);
        gql_free(literal);
        break;
    }
    }
    if (scratch->nomem) return GQL_ERR_NOMEM;
    out->kind = GQL_INTRO_STRING;
    out->u.string = (gql_text){gql_strbuf_cstr(scratch), scratch->len};
    return GQL_OK;
}

gql_status gql_intro_resolve(const gql_schema *schema, gql_intro_object parent,
                             gql_intro_field field, bool include_deprecated,
                             gql_strbuf *scratch, gql_strbuf *error, gql_intro_value *out) {
    bool skip = !include_deprecated;
    *out = null_value();
    switch (parent.kind) {
    case GQL_INTRO_SCHEMA:
        *out = resolve_schema(schema, field);
        return GQL_OK;
    case GQL_INTRO_TYPE:
        *out = resolve_type(parent.ptr, field, include_deprecated);
        return GQL_OK;
    case GQL_INTRO_FIELD: {
        const gql_schema_field *f = parent.ptr;
        switch (field) {
        case GQL_IF_FIELD_NAME: *out = name_value(f->name); break;
        case GQL_IF_FIELD_DESCRIPTION: *out = text_value(f->description); break;
        case GQL_IF_FIELD_ARGS:
            *out = list_value(GQL_INTRO_LIST_INPUT_VALUES, f->args, f->arg_count, skip);
            break;
        case GQL_IF_FIELD_TYPE: *out = type_value(f->type); break;
        case GQL_IF_FIELD_IS_DEPRECATED: *out = bool_value(f->deprecation_reason.ptr != NULL); break;
        case GQL_IF_FIELD_DEPRECATION_REASON: *out = text_value(f->deprecation_reason); break;
        default: break;
        }
        return GQL_OK;
    }
    case GQL_INTRO_INPUT_VALUE: {
        const gql_schema_input_value *v = parent.ptr;
        switch (field) {
        case GQL_IF_INPUT_VALUE_NAME: *out = name_value(v->name); break;
        case GQL_IF_INPUT_VALUE_DESCRIPTION: *out = text_value(v->description); break;
        case GQL_IF_INPUT_VALUE_TYPE: *out = type_value(v->type); break;
        case GQL_IF_INPUT_VALUE_DEFAULT_VALUE: return default_value(v, scratch, error, out);
        case GQL_IF_INPUT_VALUE_IS_DEPRECATED: *out = bool_value(v->deprecation_reason.ptr != NULL); break;
        case GQL_IF_INPUT_VALUE_DEPRECATION_REASON:
            *out = text_value(v->deprecation_reason);
            break;
        default: break;
        }
        return GQL_OK;
    }
    case GQL_INTRO_ENUM_VALUE: {
        const gql_schema_enum_value *v = parent.ptr;
        switch (field) {
        case GQL_IF_ENUM_VALUE_NAME: *out = name_value(v->name); break;
        case GQL_IF_ENUM_VALUE_DESCRIPTION: *out = text_value(v->description); break;
        case GQL_IF_ENUM_VALUE_IS_DEPRECATED: *out = bool_value(v->deprecation_reason.ptr != NULL); break;
        case GQL_IF_ENUM_VALUE_DEPRECATION_REASON: *out = text_value(v->deprecation_reason); break;
        default: break;
        }
        return GQL_OK;
    }
    case GQL_INTRO_DIRECTIVE: {
        const gql_schema_directive *d = parent.ptr;
        switch (field) {
        case GQL_IF_DIRECTIVE_NAME: *out = name_value(d->name); break;
        case GQL_IF_DIRECTIVE_DESCRIPTION: *out = text_value(d->description); break;
        case GQL_IF_DIRECTIVE_IS_REPEATABLE: *out = bool_value(d->repeatable); break;
        case GQL_IF_DIRECTIVE_LOCATIONS:
            *out = list_value(GQL_INTRO_LIST_LOCATIONS, d->locations, d->location_count, false);
            break;
        case GQL_IF_DIRECTIVE_ARGS:
            *out = list_value(GQL_INTRO_LIST_INPUT_VALUES, d->args, d->arg_count, skip);
            break;
        case GQL_IF_DIRECTIVE_IS_DEPRECATED: *out = bool_value(false); break;
        default: break; /* deprecationReason: always null */
        }
        return GQL_OK;
    }
    default:
        return GQL_OK;
    }
}

bool gql_intro_list_next(const gql_intro_list *list, uint32_t *cursor, gql_intro_value *out) {
    for (; *cursor < list->count; (*cursor)++) {
        uint32_t i = *cursor;
        switch ((gql_intro_list_form)list->form) {
        case GQL_INTRO_LIST_TYPES:
            *out = named_type_value(((gql_schema_type *const *)list->items)[i]);
            break;
        case GQL_INTRO_LIST_FIELDS: {
            const gql_schema_field *f = &((const gql_schema_field *)list->items)[i];
            if (list->skip_deprecated && f->deprecation_reason.ptr) continue;
            *out = object_value(GQL_INTRO_FIELD, f);
            break;
        }
        case GQL_INTRO_LIST_INPUT_VALUES: {
            const gql_schema_input_value *v = &((const gql_schema_input_value *)list->items)[i];
            if (list->skip_deprecated && v->deprecation_reason.ptr) continue;
            *out = object_value(GQL_INTRO_INPUT_VALUE, v);
            break;
        }
        case GQL_INTRO_LIST_ENUM_VALUES: {
            const gql_schema_enum_value *v = &((const gql_schema_enum_value *)list->items)[i];
            if (list->skip_deprecated && v->deprecation_reason.ptr) continue;
            *out = object_value(GQL_INTRO_ENUM_VALUE, v);
            break;
        }
        case GQL_INTRO_LIST_DIRECTIVES:
            *out = object_value(GQL_INTRO_DIRECTIVE,
                                ((gql_schema_directive *const *)list->items)[i]);
            break;
        case GQL_INTRO_LIST_LOCATIONS:
            *out = enum_value(gql_directive_location_name(
                (gql_directive_location)((const uint8_t *)list->items)[i]));
            break;
        }
        (*cursor)++;
        return true;
    }
    return false;
}

/*=== MARK: The introspection query =========================================*/

void gql_introspection_options_init(gql_introspection_options *o) {
    o->descriptions = true;
    o->specified_by_url = true;
    o->directive_is_repeatable = true;
    o->schema_description = true;
    o->input_value_deprecation = true;
    o->input_object_one_of = true;
    o->directive_deprecation = true;
}

/* graphql-core's TypeRef nesting (get_introspection_query's type_depth). */
#define TYPE_DEPTH 9

/* A line of the query: the text when on, else an empty line, as
 * graphql-core's f-string leaves an empty placeholder and dedent empties it. */
static void line(gql_strbuf *b, bool on, const char *text) {
    if (on) gql_strbuf_puts(b, text);
    gql_strbuf_puts(b, "\n");
}

char *gql_introspection_query(const gql_introspection_options *o, size_t *length) {
    gql_introspection_options defaults;
    if (!o) {
        gql_introspection_options_init(&defaults);
        o = &defaults;
    }
    bool desc = o->descriptions, input_dep = o->input_value_deprecation;
    bool dir_dep = o->directive_deprecation;
    const char *input_args = input_dep ? "(includeDeprecated: true) {\n" : " {\n";
    gql_strbuf b = GQL_STRBUF_INIT;
    gql_strbuf_puts(&b, "\nquery IntrospectionQuery {\n  __schema {\n");
    line(&b, desc && o->schema_description, "    description");
    gql_strbuf_puts(&b,
                    "    queryType { name kind }\n"
                    "    mutationType { name kind }\n"
                    "    subscriptionType { name kind }\n"
                    "    types {\n"
                    "      ...FullType\n"
                    "    }\n");
    gql_strbuf_puts(&b, dir_dep ? "    directives(includeDeprecated: true) {\n"
                                : "    directives {\n");
    gql_strbuf_puts(&b, "      name\n");
    line(&b, desc, "      description");
    line(&b, o->directive_is_repeatable, "      isRepeatable");
    line(&b, dir_dep, "      isDeprecated");
    line(&b, dir_dep, "      deprecationReason");
    gql_strbuf_puts(&b, "      locations\n      args");
    gql_strbuf_puts(&b, input_args);
    gql_strbuf_puts(&b,
                    "        ...InputValue\n"
                    "      }\n"
                    "    }\n"
                    "  }\n"
                    "}\n"
                    "\n"
                    "fragment FullType on __Type {\n"
                    "  kind\n"
                    "  name\n");
    line(&b, desc, "  description");
    line(&b, o->specified_by_url, "  specifiedByURL");
    line(&b, o->input_object_one_of, "  isOneOf");
    gql_strbuf_puts(&b, "  fields(includeDeprecated: true) {\n    name\n");
    line(&b, desc, "    description");
    gql_strbuf_puts(&b, "    args");
    gql_strbuf_puts(&b, input_args);
    gql_strbuf_puts(&b,
                    "      ...InputValue\n"
                    "    }\n"
                    "    type {\n"
                    "      ...TypeRef\n"
                    "    }\n"
                    "    isDeprecated\n"
                    "    deprecationReason\n"
                    "  }\n"
                    "  inputFields");
    gql_strbuf_puts(&b, input_args);
    gql_strbuf_puts(&b,
                    "    ...InputValue\n"
                    "  }\n"
                    "  interfaces {\n"
                    "    ...TypeRef\n"
                    "  }\n"
                    "  enumValues(includeDeprecated: true) {\n"
                    "    name\n");
    line(&b, desc, "    description");
    gql_strbuf_puts(&b,
                    "    isDeprecated\n"
                    "    deprecationReason\n"
                    "  }\n"
                    "  possibleTypes {\n"
                    "    ...TypeRef\n"
                    "  }\n"
                    "}\n"
                    "\n"
                    "fragment InputValue on __InputValue {\n"
                    "  name\n");
    line(&b, desc, "  description");
    gql_strbuf_puts(&b, "  type { ...TypeRef }\n  defaultValue\n");
    line(&b, input_dep, "  isDeprecated");
    line(&b, input_dep, "  deprecationReason");
    gql_strbuf_puts(&b, "}\n\nfragment TypeRef on __Type {\n  kind\n  name");
    /* ofType { name kind ofType { ... } }, TYPE_DEPTH deep, two more
     * spaces of indentation per level. */
    for (int level = 0; level < TYPE_DEPTH; level++) {
        char indent[2 * TYPE_DEPTH + 3];
        memset(indent, ' ', (size_t)(2 * level + 2));
        indent[2 * level + 2] = '\0';
        gql_strbuf_puts(&b, "\n");
        gql_strbuf_puts(&b, indent);
        gql_strbuf_puts(&b, "ofType {\n");
        gql_strbuf_puts(&b, indent);
        gql_strbuf_puts(&b, "  name\n");
        gql_strbuf_puts(&b, indent);
        gql_strbuf_puts(&b, "  kind");
    }
    for (int level = TYPE_DEPTH - 1; level >= 0; level--) {
        gql_strbuf_puts(&b, "\n");
        for (int i = 0; i < 2 * level + 2; i++) gql_strbuf_puts(&b, " ");
        gql_strbuf_puts(&b, "}");
    }
    gql_strbuf_puts(&b, "\n}\n");
    if (b.nomem) {
        gql_strbuf_free(&b);
        return NULL;
    }
    if (length) *length = b.len;
    return b.ptr;
}
