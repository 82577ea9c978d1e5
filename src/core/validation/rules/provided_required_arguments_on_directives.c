/*
 * provided_required_arguments_on_directives.c: graphql-core's
 * ProvidedRequiredArgumentsOnDirectivesRule. A directive is given every
 * argument it requires (non-null without a default). Checked on leaving
 * the directive, so that errors inside it come first.
 */
#include "validation/rules/rules.h"

static gql_visit_action leave_directive(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)st;
    const gql_directive *d = (const gql_directive *)n;
    const gql_directive_info *info = gql_validation_directive(ctx, d->name->value);
    if (!info) return GQL_VISIT_CONTINUE;
    for (uint32_t i = 0; i < info->arg_count; i++) {
        if (!info->required_types[i]) continue;
        bool given = false;
        for (uint32_t j = 0; j < d->arguments.count && !given; j++)
            given = gql_sym_equal(((const gql_argument *)d->arguments.items[j])->name->value,
                                  info->arg_names[i]);
        if (given) continue;
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1,
                              "Directive '@%s' argument '%s' of type '%s' is required, but it "
                              "was not provided.",
                              d->name->value->str, info->arg_names[i]->str,
                              info->required_types[i]);
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_provided_required_arguments_on_directives = {
    .name = "ProvidedRequiredArgumentsOnDirectivesRule",
    .leave = {[GQL_DIRECTIVE] = leave_directive},
};
