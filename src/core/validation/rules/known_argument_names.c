/*
 * known_argument_names.c: graphql-core's KnownArgumentNamesRule. Every
 * argument given to a field is one the field defines, and every argument
 * given to a directive one the directive defines. graphql-core derives the
 * rule from KnownArgumentNamesOnDirectivesRule: directives are checked by
 * that rule's enter_directive (which skips the directive's subtree, so its
 * arguments never reach the field check), fields here, with suggestions
 * among the field's arguments.
 */
#include "mem.h"
#include "strbuf.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

static gql_visit_action enter_directive(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    return gql_rule_known_argument_names_on_directives.enter[GQL_DIRECTIVE](ctx, st, n);
}

static gql_visit_action enter_argument(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    (void)st;
    const gql_schema_field *field_def = gql_type_info_field_def(ctx);
    const gql_schema_type *parent_type = gql_type_info_parent_type(ctx);
    if (gql_type_info_argument(ctx) || !field_def || !parent_type) return GQL_VISIT_CONTINUE;
    /* The argument's parent is the field it is given to (directives are
     * skipped above). */
    const gql_node *owner = gql_validation_ancestor(ctx, 1);
    if (!owner || owner->kind != GQL_FIELD) return GQL_VISIT_CONTINUE;
    const gql_argument *arg = (const gql_argument *)n;
    const gql_sym **options = NULL;
    if (field_def->arg_count) {
        options = gql_malloc(field_def->arg_count * sizeof *options);
        if (!options) {
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
        for (uint32_t i = 0; i < field_def->arg_count; i++) options[i] = field_def->args[i].name;
    }
    gql_strbuf hint = GQL_STRBUF_INIT;
    gql_validation_did_you_mean(ctx, &hint, arg->name->value, options, field_def->arg_count);
    gql_free((void *)options);
    gql_ast_ref at = gql_here(ctx, arg);
    if (hint.nomem) ctx->nomem = true;
    else gql_validation_report(ctx, &at, 1, "Unknown argument '%s' on field '%s.%s'.%s",
                               arg->name->value->str, parent_type->name->str,
                               ((const gql_field *)owner)->name->value->str,
                               gql_strbuf_cstr(&hint));
    gql_strbuf_free(&hint);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_known_argument_names = {
    .name = "KnownArgumentNamesRule",
    .enter = {[GQL_DIRECTIVE] = enter_directive, [GQL_ARGUMENT] = enter_argument},
};
