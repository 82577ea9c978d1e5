/*
 * unique_operation_types.c: graphql-core's UniqueOperationTypesRule. The
 * schema definition and its extensions name each root operation type once.
 */
#include "validation/rules/rules.h"

typedef struct state {
    gql_ast_ref defined[3];  /* per operation: the operation type definition naming it */
} state;

static gql_visit_action check(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    const gql_schema_definition *def = (const gql_schema_definition *)n;
    for (uint32_t i = 0; i < def->operation_types.count; i++) {
        const gql_node *op = def->operation_types.items[i];
        unsigned kind = op->flags;
        if (kind > 2) continue;
        if (s->defined[kind].node) {
            gql_ast_ref at[2] = {s->defined[kind], gql_here(ctx, op)};
            gql_validation_report(ctx, at, 2, "There can be only one %s type in schema.",
                                  gql_operation_name((gql_operation)kind));
        } else {
            s->defined[kind] = gql_here(ctx, op);
        }
    }
    return GQL_VISIT_SKIP;
}

const gql_rule gql_rule_unique_operation_types = {
    .name = "UniqueOperationTypesRule",
    .state_size = sizeof(state),
    .enter = {[GQL_SCHEMA_DEFINITION] = check, [GQL_SCHEMA_EXTENSION] = check},
};
