/*
 * unique_argument_names.c: graphql-core's UniqueArgumentNamesRule. A field
 * or directive is given each argument once.
 */
#include "mem.h"
#include "validation/rules/rules.h"

static void check(gql_validation_context *ctx, const gql_list *args) {
    if (args->count < 2) return;
    const gql_name **names = gql_malloc(args->count * sizeof *names);
    if (!names) {
        ctx->nomem = true;
        return;
    }
    for (uint32_t i = 0; i < args->count; i++)
        names[i] = ((const gql_argument *)args->items[i])->name;
    gql_validation_report_repeats(ctx, names, args->count,
                                  "%sThere can be only one argument named '%s'.", "");
    gql_free(names);
}

static gql_visit_action enter_field(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    check(ctx, &((const gql_field *)n)->arguments);
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_directive(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)st;
    check(ctx, &((const gql_directive *)n)->arguments);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_unique_argument_names = {
    .name = "UniqueArgumentNamesRule",
    .enter = {[GQL_FIELD] = enter_field, [GQL_DIRECTIVE] = enter_directive},
};
