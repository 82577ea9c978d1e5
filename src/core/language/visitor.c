/*
 * visitor.c: a depth-first walk over an AST with enter and leave callbacks
 * per node kind, with graphql-core's SKIP and BREAK semantics: SKIP returned
 * from enter leaves out the node's children and its leave call, BREAK from
 * either callback ends the walk at once.
 *
 * The children are visited in the order graphql-core's visit() uses, which is
 * QUERY_DOCUMENT_KEYS (graphql-js's visitor keys), not the attribute order of
 * Node.keys that gql_child_slots gives: a field's arguments come before its
 * directives, an object type's interfaces before its directives. Validation
 * rules report errors in walk order, so the order is part of the behaviour.
 * The two attributes missing from the C AST (see ast.c) are missing here too.
 *
 * graphql-core passes the enclosing list as the parent of a list member;
 * lists are not nodes here, so the parent is always the node that owns the
 * child (NULL for the root). The walk recurses; its depth is bounded by the
 * parser's max_depth.
 */
#include <stddef.h>
#include <string.h>

#include "graftql.h"

/*=== MARK: Visit order =====================================================*/

#define NODE(T, member, key) {key, (uint16_t)offsetof(T, member), false}
#define LIST(T, member, key) {key, (uint16_t)offsetof(T, member), true}
#define TD gql_type_definition

static const gql_child_slot document_keys[] = {
    LIST(gql_document_node, definitions, "definitions"),
};
static const gql_child_slot operation_definition_keys[] = {
    NODE(gql_operation_definition, description, "description"),
    NODE(gql_operation_definition, name, "name"),
    LIST(gql_operation_definition, variable_definitions, "variable_definitions"),
    LIST(gql_operation_definition, directives, "directives"),
    NODE(gql_operation_definition, selection_set, "selection_set"),
};
static const gql_child_slot variable_definition_keys[] = {
    NODE(gql_variable_definition, description, "description"),
    NODE(gql_variable_definition, variable, "variable"),
    NODE(gql_variable_definition, type, "type"),
    NODE(gql_variable_definition, default_value, "default_value"),
    LIST(gql_variable_definition, directives, "directives"),
};
static const gql_child_slot variable_keys[] = {
    NODE(gql_variable, name, "name"),
};
static const gql_child_slot selection_set_keys[] = {
    LIST(gql_selection_set, selections, "selections"),
};
static const gql_child_slot field_keys[] = {
    NODE(gql_field, alias, "alias"),
    NODE(gql_field, name, "name"),
    LIST(gql_field, arguments, "arguments"),
    LIST(gql_field, directives, "directives"),
    NODE(gql_field, selection_set, "selection_set"),
};
/* Arguments and object fields share one struct. */
static const gql_child_slot argument_keys[] = {
    NODE(gql_argument, name, "name"),
    NODE(gql_argument, value, "value"),
};
static const gql_child_slot fragment_spread_keys[] = {
    NODE(gql_fragment_spread, name, "name"),
    LIST(gql_fragment_spread, directives, "directives"),
};
static const gql_child_slot inline_fragment_keys[] = {
    NODE(gql_inline_fragment, type_condition, "type_condition"),
    LIST(gql_inline_fragment, directives, "directives"),
    NODE(gql_inline_fragment, selection_set, "selection_set"),
};
static const gql_child_slot fragment_definition_keys[] = {
    NODE(gql_fragment_definition, description, "description"),
    NODE(gql_fragment_definition, name, "name"),
    NODE(gql_fragment_definition, type_condition, "type_condition"),
    LIST(gql_fragment_definition, directives, "directives"),
    NODE(gql_fragment_definition, selection_set, "selection_set"),
};
static const gql_child_slot list_value_keys[] = {
    LIST(gql_list_value, values, "values"),
};
static const gql_child_slot object_value_keys[] = {
    LIST(gql_object_value, fields, "fields"),
};
static const gql_child_slot directive_keys[] = {
    NODE(gql_directive, name, "name"),
    LIST(gql_directive, arguments, "arguments"),
};
static const gql_child_slot named_type_keys[] = {
    NODE(gql_named_type, name, "name"),
};
static const gql_child_slot wrapping_type_keys[] = {
    NODE(gql_wrapping_type, type, "type"),
};
static const gql_child_slot schema_definition_keys[] = {
    NODE(gql_schema_definition, description, "description"),
    LIST(gql_schema_definition, directives, "directives"),
    LIST(gql_schema_definition, operation_types, "operation_types"),
};
static const gql_child_slot schema_extension_keys[] = {
    LIST(gql_schema_definition, directives, "directives"),
    LIST(gql_schema_definition, operation_types, "operation_types"),
};
static const gql_child_slot operation_type_definition_keys[] = {
    NODE(gql_operation_type_definition, type, "type"),
};
static const gql_child_slot scalar_type_definition_keys[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"),
};
/* Object and interface types alike. */
static const gql_child_slot object_type_definition_keys[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, interfaces, "interfaces"), LIST(TD, directives, "directives"),
    LIST(TD, members, "fields"),
};
static const gql_child_slot union_type_definition_keys[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, members, "types"),
};
static const gql_child_slot enum_type_definition_keys[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, members, "values"),
};
static const gql_child_slot input_object_type_definition_keys[] = {
    NODE(TD, description, "description"), NODE(TD, name, "name"),
    LIST(TD, directives, "directives"), LIST(TD, members, "fields"),
};
static const gql_child_slot scalar_type_extension_keys[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
};
static const gql_child_slot object_type_extension_keys[] = {
    NODE(TD, name, "name"), LIST(TD, interfaces, "interfaces"),
    LIST(TD, directives, "directives"), LIST(TD, members, "fields"),
};
static const gql_child_slot union_type_extension_keys[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
    LIST(TD, members, "types"),
};
static const gql_child_slot enum_type_extension_keys[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
    LIST(TD, members, "values"),
};
static const gql_child_slot input_object_type_extension_keys[] = {
    NODE(TD, name, "name"), LIST(TD, directives, "directives"),
    LIST(TD, members, "fields"),
};
static const gql_child_slot field_definition_keys[] = {
    NODE(gql_field_definition, description, "description"),
    NODE(gql_field_definition, name, "name"),
    LIST(gql_field_definition, arguments, "arguments"),
    NODE(gql_field_definition, type, "type"),
    LIST(gql_field_definition, directives, "directives"),
};
static const gql_child_slot input_value_definition_keys[] = {
    NODE(gql_input_value_definition, description, "description"),
    NODE(gql_input_value_definition, name, "name"),
    NODE(gql_input_value_definition, type, "type"),
    NODE(gql_input_value_definition, default_value, "default_value"),
    LIST(gql_input_value_definition, directives, "directives"),
};
static const gql_child_slot enum_value_definition_keys[] = {
    NODE(gql_enum_value_definition, description, "description"),
    NODE(gql_enum_value_definition, name, "name"),
    LIST(gql_enum_value_definition, directives, "directives"),
};
static const gql_child_slot directive_definition_keys[] = {
    NODE(gql_directive_definition, description, "description"),
    NODE(gql_directive_definition, name, "name"),
    LIST(gql_directive_definition, arguments, "arguments"),
    LIST(gql_directive_definition, locations, "locations"),
};

#undef TD
#undef NODE
#undef LIST

typedef struct key_table {
    const gql_child_slot *slots;
    size_t count;
} key_table;

#define KEYS(kind, table) [kind] = {table, sizeof table / sizeof table[0]}

/* Kinds without children (names and scalar values) stay {NULL, 0}. */
static const key_table visit_keys[GQL_KIND_COUNT] = {
    KEYS(GQL_DOCUMENT, document_keys),
    KEYS(GQL_OPERATION_DEFINITION, operation_definition_keys),
    KEYS(GQL_VARIABLE_DEFINITION, variable_definition_keys),
    KEYS(GQL_SELECTION_SET, selection_set_keys),
    KEYS(GQL_FIELD, field_keys),
    KEYS(GQL_ARGUMENT, argument_keys),
    KEYS(GQL_FRAGMENT_SPREAD, fragment_spread_keys),
    KEYS(GQL_INLINE_FRAGMENT, inline_fragment_keys),
    KEYS(GQL_FRAGMENT_DEFINITION, fragment_definition_keys),
    KEYS(GQL_VARIABLE, variable_keys),
    KEYS(GQL_LIST_VALUE, list_value_keys),
    KEYS(GQL_OBJECT_VALUE, object_value_keys),
    KEYS(GQL_OBJECT_FIELD, argument_keys),
    KEYS(GQL_DIRECTIVE, directive_keys),
    KEYS(GQL_NAMED_TYPE, named_type_keys),
    KEYS(GQL_LIST_TYPE, wrapping_type_keys),
    KEYS(GQL_NON_NULL_TYPE, wrapping_type_keys),
    KEYS(GQL_SCHEMA_DEFINITION, schema_definition_keys),
    KEYS(GQL_OPERATION_TYPE_DEFINITION, operation_type_definition_keys),
    KEYS(GQL_SCALAR_TYPE_DEFINITION, scalar_type_definition_keys),
    KEYS(GQL_OBJECT_TYPE_DEFINITION, object_type_definition_keys),
    KEYS(GQL_FIELD_DEFINITION, field_definition_keys),
    KEYS(GQL_INPUT_VALUE_DEFINITION, input_value_definition_keys),
    KEYS(GQL_INTERFACE_TYPE_DEFINITION, object_type_definition_keys),
    KEYS(GQL_UNION_TYPE_DEFINITION, union_type_definition_keys),
    KEYS(GQL_ENUM_TYPE_DEFINITION, enum_type_definition_keys),
    KEYS(GQL_ENUM_VALUE_DEFINITION, enum_value_definition_keys),
    KEYS(GQL_INPUT_OBJECT_TYPE_DEFINITION, input_object_type_definition_keys),
    KEYS(GQL_DIRECTIVE_DEFINITION, directive_definition_keys),
    KEYS(GQL_SCHEMA_EXTENSION, schema_extension_keys),
    KEYS(GQL_SCALAR_TYPE_EXTENSION, scalar_type_extension_keys),
    KEYS(GQL_OBJECT_TYPE_EXTENSION, object_type_extension_keys),
    KEYS(GQL_INTERFACE_TYPE_EXTENSION, object_type_extension_keys),
    KEYS(GQL_UNION_TYPE_EXTENSION, union_type_extension_keys),
    KEYS(GQL_ENUM_TYPE_EXTENSION, enum_type_extension_keys),
    KEYS(GQL_INPUT_OBJECT_TYPE_EXTENSION, input_object_type_extension_keys),
};

#undef KEYS

/*=== MARK: Walk ============================================================*/

static gql_visit_action walk(const gql_node *node, const gql_node *parent,
                             const gql_visitor *visitor, void *user) {
    gql_kind kind = (gql_kind)node->kind;
    if ((unsigned)kind >= GQL_KIND_COUNT) return GQL_VISIT_CONTINUE;

    gql_visit_fn enter = visitor->enter[kind];
    if (enter) {
        gql_visit_action action = enter(node, parent, user);
        if (action == GQL_VISIT_BREAK) return GQL_VISIT_BREAK;
        if (action == GQL_VISIT_SKIP) return GQL_VISIT_CONTINUE;
    }

    const key_table *keys = &visit_keys[kind];
    const char *base = (const char *)node;
    for (size_t k = 0; k < keys->count; k++) {
        const gql_child_slot *slot = &keys->slots[k];
        if (slot->is_list) {
            const gql_list *list = (const gql_list *)(const void *)(base + slot->offset);
            for (uint32_t i = 0; i < list->count; i++) {
                if (list->items[i] &&
                    walk(list->items[i], node, visitor, user) == GQL_VISIT_BREAK)
                    return GQL_VISIT_BREAK;
            }
        } else {
            /* The member is a pointer to a more specific struct; memcpy
             * reads it without type punning. */
            const gql_node *child;
            memcpy(&child, base + slot->offset, sizeof child);
            if (child && walk(child, node, visitor, user) == GQL_VISIT_BREAK)
                return GQL_VISIT_BREAK;
        }
    }

    gql_visit_fn leave = visitor->leave[kind];
    if (leave && leave(node, parent, user) == GQL_VISIT_BREAK) return GQL_VISIT_BREAK;
    return GQL_VISIT_CONTINUE;
}

gql_visit_action gql_visit(const gql_node *root, const gql_visitor *visitor, void *user) {
    if (!root || !visitor) return GQL_VISIT_CONTINUE;
    return walk(root, NULL, visitor, user);
}
