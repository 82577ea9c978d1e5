/*
 * known_fragment_names.c: graphql-core's KnownFragmentNamesRule. Every
 * fragment spread names a fragment the document defines.
 */
#include "validation/rules/rules.h"

static gql_visit_action enter_spread(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_name *name = ((const gql_fragment_spread *)n)->name;
    if (!gql_validation_fragment(ctx, name->value)) {
        gql_ast_ref at = gql_here(ctx, name);
        gql_validation_report(ctx, &at, 1, "Unknown fragment '%s'.", name->value->str);
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_known_fragment_names = {
    .name = "KnownFragmentNamesRule",
    .enter = {[GQL_FRAGMENT_SPREAD] = enter_spread},
};
