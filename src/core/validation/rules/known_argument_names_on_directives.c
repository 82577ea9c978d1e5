/*
 * known_argument_names_on_directives.c: graphql-core's
 * KnownArgumentNamesOnDirectivesRule. The arguments given to a known
 * directive are arguments it defines.
 */
#include "strbuf.h"
#include "validation/rules/rules.h"

static gql_visit_action enter_directive(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)st;
    const gql_directive *d = (const gql_directive *)n;
    const gql_directive_info *info = gql_validation_directive(ctx, d->name->value);
    if (!info) return GQL_VISIT_SKIP;
    for (uint32_t i = 0; i < d->arguments.count; i++) {
        const gql_argument *arg = (const gql_argument *)d->arguments.items[i];
        const gql_sym *name = arg->name->value;
        bool known = false;
        for (uint32_t j = 0; j < info->arg_count && !known; j++)
            known = gql_sym_equal(info->arg_names[j], name);
        if (known) continue;
        gql_strbuf hint = GQL_STRBUF_INIT;
        gql_validation_did_you_mean(ctx, &hint, name, info->arg_names, info->arg_count);
        gql_ast_ref at = gql_here(ctx, arg);
        if (hint.nomem) ctx->nomem = true;
        else gql_validation_report(ctx, &at, 1, "Unknown argument '%s' on directive '@%s'.%s",
                                   name->str, d->name->value->str, gql_strbuf_cstr(&hint));
        gql_strbuf_free(&hint);
    }
    return GQL_VISIT_SKIP;
}

const gql_rule gql_rule_known_argument_names_on_directives = {
    .name = "KnownArgumentNamesOnDirectivesRule",
    .enter = {[GQL_DIRECTIVE] = enter_directive},
};
