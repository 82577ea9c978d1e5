/*
 * unique_variable_names.c: graphql-core's UniqueVariableNamesRule. An
 * operation defines each variable once; a name defined more than once is
 * reported once, at every definition of it.
 */
#include "mem.h"
#include "validation/rules/rules.h"

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)st;
    const gql_list *defs = &((const gql_operation_definition *)n)->variable_definitions;
    if (defs->count < 2) return GQL_VISIT_CONTINUE;
    const gql_name **names = gql_malloc(defs->count * sizeof *names);
    if (!names) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    for (uint32_t i = 0; i < defs->count; i++)
        names[i] = ((const gql_variable_definition *)defs->items[i])->variable->name;
    gql_validation_report_repeats(ctx, names, defs->count,
                                  "%sThere can be only one variable named '$%s'.", "");
    gql_free(names);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_unique_variable_names = {
    .name = "UniqueVariableNamesRule",
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation},
};
