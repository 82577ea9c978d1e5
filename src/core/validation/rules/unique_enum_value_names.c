/*
 * unique_enum_value_names.c: graphql-core's UniqueEnumValueNamesRule. An
 * enum's values, extensions included, are named uniquely.
 */
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap known;  /* "Enum.VALUE" -> gql_ast_ref of the value's name node */
} state;

static gql_visit_action check(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    const gql_type_definition *def = (const gql_type_definition *)n;
    const gql_sym *type_name = def->name->value;
    for (uint32_t i = 0; i < def->members.count; i++) {
        const gql_name *name = ((const gql_enum_value_definition *)def->members.items[i])->name;
        const gql_sym *key = gql_validation_key(ctx, type_name, '.', name->value);
        if (!key) break;
        gql_ast_ref *known = gql_symmap_get(&s->known, key);
        if (known) {
            gql_ast_ref at[2] = {*known, gql_here(ctx, name)};
            gql_validation_report(ctx, at, 2, "Enum value '%s.%s' can only be defined once.",
                                  type_name->str, name->value->str);
        } else {
            gql_ast_ref *ref = gql_validation_keep(ctx, gql_here(ctx, name));
            if (ref && !gql_symmap_put(&s->known, key, ref)) ctx->nomem = true;
        }
    }
    return GQL_VISIT_SKIP;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->known); }

const gql_rule gql_rule_unique_enum_value_names = {
    .name = "UniqueEnumValueNamesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_ENUM_TYPE_DEFINITION] = check, [GQL_ENUM_TYPE_EXTENSION] = check},
};
