/*
 * unique_type_names.c: graphql-core's UniqueTypeNamesRule. Each type is
 * defined once.
 */
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap known;  /* type name -> gql_ast_ref of the name node that defined it */
} state;

static gql_visit_action check(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    const gql_name *name = ((const gql_type_definition *)n)->name;
    gql_ast_ref *known = gql_symmap_get(&s->known, name->value);
    if (known) {
        gql_ast_ref at[2] = {*known, gql_here(ctx, name)};
        gql_validation_report(ctx, at, 2, "There can be only one type named '%s'.",
                              name->value->str);
    } else {
        gql_ast_ref *ref = gql_validation_keep(ctx, gql_here(ctx, name));
        if (ref && !gql_symmap_put(&s->known, name->value, ref)) ctx->nomem = true;
    }
    return GQL_VISIT_SKIP;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->known); }

const gql_rule gql_rule_unique_type_names = {
    .name = "UniqueTypeNamesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {
        [GQL_SCALAR_TYPE_DEFINITION] = check,
        [GQL_OBJECT_TYPE_DEFINITION] = check,
        [GQL_INTERFACE_TYPE_DEFINITION] = check,
        [GQL_UNION_TYPE_DEFINITION] = check,
        [GQL_ENUM_TYPE_DEFINITION] = check,
        [GQL_INPUT_OBJECT_TYPE_DEFINITION] = check,
    },
};
