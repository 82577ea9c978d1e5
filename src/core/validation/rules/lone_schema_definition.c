/*
 * lone_schema_definition.c: graphql-core's LoneSchemaDefinitionRule. A
 * document (or set of documents read as one) may define the schema once.
 */
#include "validation/rules/rules.h"

typedef struct state {
    uint32_t count;  /* schema definitions seen */
} state;

static gql_visit_action enter_schema(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    if (s->count++) {
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1, "Must provide only one schema definition.");
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_lone_schema_definition = {
    .name = "LoneSchemaDefinitionRule",
    .state_size = sizeof(state),
    .enter = {[GQL_SCHEMA_DEFINITION] = enter_schema},
};
