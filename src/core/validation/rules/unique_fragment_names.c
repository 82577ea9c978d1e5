/*
 * unique_fragment_names.c: graphql-core's UniqueFragmentNamesRule. No two
 * fragments of a document have the same name; each repeat is reported with
 * the first fragment of that name.
 */
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap known;  /* fragment name -> its first name node */
} state;

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)ctx, (void)st, (void)n;
    return GQL_VISIT_SKIP;
}

static gql_visit_action enter_fragment(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    state *s = st;
    const gql_name *name = ((const gql_fragment_definition *)n)->name;
    const gql_name *first = gql_symmap_get(&s->known, name->value);
    if (first) {
        gql_ast_ref at[2] = {gql_here(ctx, first), gql_here(ctx, name)};
        gql_validation_report(ctx, at, 2, "There can be only one fragment named '%s'.",
                              name->value->str);
    } else if (!gql_symmap_put(&s->known, name->value, (void *)name)) {
        ctx->nomem = true;
    }
    return GQL_VISIT_SKIP;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->known); }

const gql_rule gql_rule_unique_fragment_names = {
    .name = "UniqueFragmentNamesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation,
              [GQL_FRAGMENT_DEFINITION] = enter_fragment},
};
