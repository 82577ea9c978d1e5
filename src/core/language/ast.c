/*
 * ast.c: facts about AST node kinds that do not depend on a particular
 * document: graphql-core's name of each kind, the name of each operation
 * type, and the table of child slots per kind that generic walks use.
 *
 * The child slots follow Node.keys of graphql-core 3.2.14 (the attribute
 * order of the node classes, which to_dict and copies use), keeping only the
 * node-valued and list-valued attributes; scalar attributes (value, block,
 * operation, repeatable) are not slots. Two attributes graphql-core has but
 * only fills under opt-in parser flags are absent from the C AST and so from
 * the table: variable_definitions of a fragment definition (always None) and
 * directives of a directive definition (always empty).
 *
 * gql_visit walks in a different order (graphql-core's QUERY_DOCUMENT_KEYS);
 * its table lives in visitor.c.
 */
#include <stddef.h>

#include "graftql.h"

/*=== MARK: Names ===========================================================*/

static const char *const kind_names[GQL_KIND_COUNT] = {
    [GQL_NAME] = "name",
    [GQL_DOCUMENT] = "document",
    [GQL_OPERATION_DEFINITION] = "operation_definition",
    [GQL_VARIABLE_DEFINITION] = "variable_definition",
    [GQL_SELECTION_SET] = "selection_set",
    [GQL_FIELD] = "field",
    [GQL_ARGUMENT] = "argument",
    [GQL_FRAGMENT_SPREAD] = "fragment_spread",
    [GQL_INLINE_FRAGMENT] = "inline_fragment",
    [GQL_FRAGMENT_DEFINITION] = "fragment_definition",
    [GQL_VARIABLE] = "variable",
    [GQL_INT_VALUE] = "int_value",
    [GQL_FLOAT_VALUE] = "float_value",
    [GQL_STRING_VALUE] = "string_value",
    [GQL_BOOLEAN_VALUE] = "boolean_value",
    [GQL_NULL_VALUE] = "null_value",
    [GQL_ENUM_VALUE] = "enum_value",
    [GQL_LIST_VALUE] = "list_value",
    [GQL_OBJECT_VALUE] = "object_value",
    [GQL_OBJECT_FIELD] = "object_field",
    [GQL_DIRECTIVE] = "directive",
    [GQL_NAMED_TYPE] = "named_type",
    [GQL_LIST_TYPE] = "list_type",
    [GQL_NON_NULL_TYPE] = "non_null_type",
    [GQL_SCHEMA_DEFINITION] = "schema_definition",
    [GQL_OPERATION_TYPE_DEFINITION] = "operation_type_definition",
    [GQL_SCALAR_TYPE_DEFINITION] = "scalar_type_definition",
    [GQL_OBJECT_TYPE_DEFINITION] = "object_type_definition",
    [GQL_FIELD_DEFINITION] = "field_definition",
    [GQL_INPUT_VALUE_DEFINITION] = "input_value_definition",
    [GQL_INTERFACE_TYPE_DEFINITION] = "interface_type_definition",
    [GQL_UNION_TYPE_DEFINITION] = "union_type_definition",
    [GQL_ENUM_TYPE_DEFINITION] = "enum_type_definition",
    [GQL_ENUM_VALUE_DEFINITION] = "enum_value_definition",
    [GQL_INPUT_OBJECT_TYPE_DEFINITION] = "input_object_type_definition",
    [GQL_DIRECTIVE_DEFINITION] = "directive_definition",
    [GQL_SCHEMA_EXTENSION] = "schema_extension",
    [GQL_SCALAR_TYPE_EXTENSION] = "scalar_type_extension",
    [GQL_OBJECT_TYPE_EXTENSION] = "object_type_extension",
    [GQL_INTERFACE_TYPE_EXTENSION] = "interface_type_extension",
    [GQL_UNION_TYPE_EXTENSION] = "union_type_extension",
    [GQL_ENUM_TYPE_EXTENSION] = "enum_type_extension",
    [GQL_INPUT_OBJECT_TYPE_EXTENSION] = "input_object_type_extension",
};

const char *gql_kind_name(gql_kind kind) {
    /* An out-of-range kind is a caller bug; a non-NULL answer keeps error
     * paths that print kinds from crashing on it. */
    if ((unsigned)kind >= GQL_KIND_COUNT) return "unknown";
    return kind_names[kind];
}

const char *gql_operation_name(gql_operation op) {
    switch (op) {
    case GQL_QUERY: return "query";
    case GQL_MUTATION: return "mutation";
    case GQL_SUBSCRIPTION: return "subscription";
    }
    return "unknown";
}

/*=== MARK: Child slots =====================================================*/

/* One node-valued or list-valued attribute of struct type T. */
#define NODE(T, member, key) {key, (uint16_t)offsetof(T, member), false}
#define LIST(T, member, key) {key, (uint16_t)offsetof(T, member), true}

static const gql_child_slot document_slots[] = {
    LIST(gql_document_node, definitions, "definitions"),
};

static const gql_child_slot operation_definition_slots[] = {
    NODE(gql_operation_definition, description, "description"),
    NODE(gql_operation_definition, name, "name"),
    LIST(gql_operation_definition, directives, "directives"),
    LIST(gql_operation_definition, variable_definitions, "variable_definitions"),
    NODE(gql_operation_definition, selection_set, "selection_set"),
};

static const gql_child_slot variable_definition_slots[] = {
    NODE(gql_variable_definition, description, "description"),
    NODE(gql_variable_definition, variable, "variable"),
    NODE(gql_variable_definition, type, "type"),
    NODE(gql_variable_definition, default_value, "default_value"),
    LIST(gql_variable_definition, directives, "directives"),
};

static const gql_child_slot selection_set_slots[] = {
    LIST(gql_selection_set, selections, "selections"),
};

static const gql_child_slot field_slots[] = {
    LIST(gql_field, directives, "directives"),
    NODE(gql_field, alias, "alias"),
    NODE(gql_field, name, "name"),
    LIST(gql_field, arguments, "arguments"),
    NODE(gql_field, selection_set, "selection_set"),
};

/* Arguments and object fields share one struct. */
static const gql_child_slot argument_slots[] = {
    NODE(gql_argument, name, "name"),
    NODE(gql_argument, value, "value"),
};

static const gql_child_slot fragment_spread_slots[] = {
    LIST(gql_fragment_spread, directives, "directives"),
    NODE(gql_fragment_spread, name, "name"),
};

static const gql_child_slot inline_fragment_slots[] = {
    LIST(gql_inline_fragment, directives, "directives"),
    NODE(gql_inline_fragment, type_condition, "type_condition"),
    NODE(gql_inline_fragment, selection_set, "selection_set"),
};

/* graphql-core inherits the executable-definition keys first, so the type
 * condition comes last, after the selection set. */
static const gql_child_slot fragment_definition_slots[] = {
    NODE(gql_fragment_definition, description, "description"),
    NODE(gql_fragment_definition, name, "name"),
    LIST(gql_fragment_definition, directives, "directives"),
    NODE(gql_fragment_definition, selection_set, "selection_set"),
    NODE(gql_fragment_definition, type_condition, "type_condition"),
};

static const gql_child_slot variable_slots[] = {
    NODE(gql_variable, name, "name"),
};

static const gql_child_slot list_value_slots[] = {
    LIST(gql_list_value, values, "values"),
};

static const gql_child_slot object_value_slots[] = {
    LIST(gql_object_value, fields, "fields"),
};

static const gql_child_slot directive_slots[] = {
    NODE(gql_directive, name, "name"),
    LIST(gql_directive, arguments, "arguments"),
};

static const gql_child_slot named_type_slots[] = {
    NODE(gql_named_type, name, "name"),
};

static const gql_child_slot wrapping_type_slots[] = {
    NODE(gql_wrapping_type, type, "type"),
};

static const gql_child_slot schema_definition_slots[] = {
    NODE(gql_schema_definition, description, "description"),
    LIST(gql_schema_definition, directives, "directives"),
    LIST(gql_schema_definition, operation_types, "operation_types"),
};

static const gql_child_slot schema_extension_slots[] = {
    LIST(gql_schema_definition, directives, "directives"),
    LIST(gql_schema_definition, operation_types, "operation_types"),
};

static const gql_child_slot operation_type_definition_slots[] = {
    NODE(gql_operation_type_definition, type, "type"),
};

/* Named type definitions: description, name, directives, then their own
 * attributes; extensions drop the description. */
#define TD gql_type_definition
static const gql_child_slot scalar_type_definition_slots[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"),
};
static const gql_child_slot object_type_definition_slots[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, interfaces, "interfaces"),
    LIST(TD, members, "fields"),
};
/* graphql-core declares fields before interfaces on this one class. */
static const gql_child_slot interface_type_definition_slots[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, members, "fields"),
    LIST(TD, interfaces, "interfaces"),
};
static const gql_child_slot union_type_definition_slots[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, members, "types"),
};
static const gql_child_slot enum_type_definition_slots[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, members, "values"),
};
static const gql_child_slot input_object_type_definition_slots[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, members, "fields"),
};
static const gql_child_slot scalar_type_extension_slots[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
};
static const gql_child_slot object_type_extension_slots[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
    LIST(TD, interfaces, "interfaces"), LIST(TD, members, "fields"),
};
static const gql_child_slot union_type_extension_slots[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
    LIST(TD, members, "types"),
};
static const gql_child_slot enum_type_extension_slots[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
    LIST(TD, members, "values"),
};
static const gql_child_slot input_object_type_extension_slots[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
    LIST(TD, members, "fields"),
};
#undef TD

static const gql_child_slot field_definition_slots[] = {
    NODE(gql_field_definition, description, "description"),
    NODE(gql_field_definition, name, "name"),
    LIST(gql_field_definition, directives, "directives"),
    LIST(gql_field_definition, arguments, "arguments"),
    NODE(gql_field_definition, type, "type"),
};

static const gql_child_slot input_value_definition_slots[] = {
    NODE(gql_input_value_definition, description, "description"),
    NODE(gql_input_value_definition, name, "name"),
    LIST(gql_input_value_definition, directives, "directives"),
    NODE(gql_input_value_definition, type, "type"),
    NODE(gql_input_value_definition, default_value, "default_value"),
};

static const gql_child_slot enum_value_definition_slots[] = {
    NODE(gql_enum_value_definition, description, "description"),
    NODE(gql_enum_value_definition, name, "name"),
    LIST(gql_enum_value_definition, directives, "directives"),
};

static const gql_child_slot directive_definition_slots[] = {
    NODE(gql_directive_definition, description, "description"),
    NODE(gql_directive_definition, name, "name"),
    LIST(gql_directive_definition, arguments, "arguments"),
    LIST(gql_directive_definition, locations, "locations"),
};

#undef NODE
#undef LIST

typedef struct slot_table {
    const gql_child_slot *slots;
    size_t count;
} slot_table;

#define SLOTS(kind, table) [kind] = {table, sizeof table / sizeof table[0]}

/* Kinds without children (names and scalar values) stay {NULL, 0}. */
static const slot_table child_slots[GQL_KIND_COUNT] = {
    SLOTS(GQL_DOCUMENT, document_slots),
    SLOTS(GQL_OPERATION_DEFINITION, operation_definition_slots),
    SLOTS(GQL_VARIABLE_DEFINITION, variable_definition_slots),
    SLOTS(GQL_SELECTION_SET, selection_set_slots),
    SLOTS(GQL_FIELD, field_slots),
    SLOTS(GQL_ARGUMENT, argument_slots),
    SLOTS(GQL_FRAGMENT_SPREAD, fragment_spread_slots),
    SLOTS(GQL_INLINE_FRAGMENT, inline_fragment_slots),
    SLOTS(GQL_FRAGMENT_DEFINITION, fragment_definition_slots),
    SLOTS(GQL_VARIABLE, variable_slots),
    SLOTS(GQL_LIST_VALUE, list_value_slots),
    SLOTS(GQL_OBJECT_VALUE, object_value_slots),
    SLOTS(GQL_OBJECT_FIELD, argument_slots),
    SLOTS(GQL_DIRECTIVE, directive_slots),
    SLOTS(GQL_NAMED_TYPE, named_type_slots),
    SLOTS(GQL_LIST_TYPE, wrapping_type_slots),
    SLOTS(GQL_NON_NULL_TYPE, wrapping_type_slots),
    SLOTS(GQL_SCHEMA_DEFINITION, schema_definition_slots),
    SLOTS(GQL_OPERATION_TYPE_DEFINITION, operation_type_definition_slots),
    SLOTS(GQL_SCALAR_TYPE_DEFINITION, scalar_type_definition_slots),
    SLOTS(GQL_OBJECT_TYPE_DEFINITION, object_type_definition_slots),
    SLOTS(GQL_FIELD_DEFINITION, field_definition_slots),
    SLOTS(GQL_INPUT_VALUE_DEFINITION, input_value_definition_slots),
    SLOTS(GQL_INTERFACE_TYPE_DEFINITION, interface_type_definition_slots),
    SLOTS(GQL_UNION_TYPE_DEFINITION, union_type_definition_slots),
    SLOTS(GQL_ENUM_TYPE_DEFINITION, enum_type_definition_slots),
    SLOTS(GQL_ENUM_VALUE_DEFINITION, enum_value_definition_slots),
    SLOTS(GQL_INPUT_OBJECT_TYPE_DEFINITION, input_object_type_definition_slots),
    SLOTS(GQL_DIRECTIVE_DEFINITION, directive_definition_slots),
    SLOTS(GQL_SCHEMA_EXTENSION, schema_extension_slots),
    SLOTS(GQL_SCALAR_TYPE_EXTENSION, scalar_type_extension_slots),
    SLOTS(GQL_OBJECT_TYPE_EXTENSION, object_type_extension_slots),
    /* Unlike the definition, the extension class lists interfaces first. */
    SLOTS(GQL_INTERFACE_TYPE_EXTENSION, object_type_extension_slots),
    SLOTS(GQL_UNION_TYPE_EXTENSION, union_type_extension_slots),
    SLOTS(GQL_ENUM_TYPE_EXTENSION, enum_type_extension_slots),
    SLOTS(GQL_INPUT_OBJECT_TYPE_EXTENSION, input_object_type_extension_slots),
};

#undef SLOTS

const gql_child_slot *gql_child_slots(gql_kind kind, size_t *count) {
    if ((unsigned)kind >= GQL_KIND_COUNT) {
        if (count) *count = 0;
        return NULL;
    }
    if (count) *count = child_slots[kind].count;
    return child_slots[kind].slots;
}
