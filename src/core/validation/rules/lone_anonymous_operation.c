/*
 * lone_anonymous_operation.c: graphql-core's LoneAnonymousOperationRule. An
 * operation without a name must be the only operation of its document.
 */
#include "validation/rules/rules.h"

typedef struct state {
    uint32_t operations;  /* operations in the document */
} state;

static gql_visit_action enter_document(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    (void)ctx;
    state *s = st;
    const gql_document_node *doc = (const gql_document_node *)n;
    s->operations = 0;
    for (uint32_t i = 0; i < doc->definitions.count; i++)
        s->operations += doc->definitions.items[i]->kind == GQL_OPERATION_DEFINITION;
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    state *s = st;
    if (!((const gql_operation_definition *)n)->name && s->operations > 1) {
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1,
                              "This anonymous operation must be the only defined operation.");
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_lone_anonymous_operation = {
    .name = "LoneAnonymousOperationRule",
    .state_size = sizeof(state),
    .enter = {[GQL_DOCUMENT] = enter_document, [GQL_OPERATION_DEFINITION] = enter_operation},
};
