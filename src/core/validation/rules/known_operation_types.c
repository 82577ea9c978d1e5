/*
 * known_operation_types.c: the September 2025 specification's "Operation
 * Type Existence" (graphql-js 17's and graphql-core 3.3's
 * KnownOperationTypesRule; graphql-core 3.2.14 has no such rule). An
 * operation is of a type the schema has a root type for: a schema without
 * a mutation root takes no mutation.
 */
#include "validation/rules/rules.h"

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)st;
    static const char *const names[] = {"query", "mutation", "subscription"};
    gql_operation op = (gql_operation)n->flags;
    if ((unsigned)op < 3 && !gql_schema_root_type(ctx->schema, op)) {
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1, "The %s operation is not supported by the schema.",
                              names[op]);
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_known_operation_types = {
    .name = "KnownOperationTypesRule",
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation},
};
