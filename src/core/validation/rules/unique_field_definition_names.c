/*
 * unique_field_definition_names.c: graphql-core's
 * UniqueFieldDefinitionNamesRule. The fields of an object, interface or
 * input object type, extensions included, are named uniquely.
 */
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap known;  /* "Type.field" -> gql_ast_ref of the field's name node */
} state;

static gql_visit_action check(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    const gql_type_definition *def = (const gql_type_definition *)n;
    const gql_sym *type_name = def->name->value;
    for (uint32_t i = 0; i < def->members.count; i++) {
        const gql_node *member = def->members.items[i];
        const gql_name *name = member->kind == GQL_FIELD_DEFINITION
                                   ? ((const gql_field_definition *)member)->name
                                   : ((const gql_input_value_definition *)member)->name;
        const gql_sym *key = gql_validation_key(ctx, type_name, '.', name->value);
        if (!key) break;
        gql_ast_ref *known = gql_symmap_get(&s->known, key);
        if (known) {
            gql_ast_ref at[2] = {*known, gql_here(ctx, name)};
            gql_validation_report(ctx, at, 2, "Field '%s.%s' can only be defined once.",
                                  type_name->str, name->value->str);
        } else {
            gql_ast_ref *ref = gql_validation_keep(ctx, gql_here(ctx, name));
            if (ref && !gql_symmap_put(&s->known, key, ref)) ctx->nomem = true;
        }
    }
    return GQL_VISIT_SKIP;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->known); }

const gql_rule gql_rule_unique_field_definition_names = {
    .name = "UniqueFieldDefinitionNamesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {
        [GQL_INPUT_OBJECT_TYPE_DEFINITION] = check,
        [GQL_INPUT_OBJECT_TYPE_EXTENSION] = check,
        [GQL_INTERFACE_TYPE_DEFINITION] = check,
        [GQL_INTERFACE_TYPE_EXTENSION] = check,
        [GQL_OBJECT_TYPE_DEFINITION] = check,
        [GQL_OBJECT_TYPE_EXTENSION] = check,
    },
};
