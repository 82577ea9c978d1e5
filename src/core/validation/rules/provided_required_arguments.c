/*
 * provided_required_arguments.c: graphql-core's ProvidedRequiredArgumentsRule.
 * A field is given every argument it requires (non-null without a default
 * value that applies), and so is a directive: graphql-core derives the rule
 * from ProvidedRequiredArgumentsOnDirectivesRule, whose leave_directive
 * checks directives here too. Both check on leaving the node, so that
 * errors inside it come first.
 */
#include "strbuf.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

static gql_visit_action leave_directive(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    return gql_rule_provided_required_arguments_on_directives.leave[GQL_DIRECTIVE](ctx, st, n);
}

static bool given(const gql_field *field, const gql_sym *name) {
    for (uint32_t i = 0; i < field->arguments.count; i++)
        if (gql_sym_equal(((const gql_argument *)field->arguments.items[i])->name->value, name))
            return true;
    return false;
}

static gql_visit_action leave_field(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_schema_field *def = gql_type_info_field_def(ctx);
    if (!def) return GQL_VISIT_CONTINUE;
    const gql_field *field = (const gql_field *)n;
    for (uint32_t i = 0; i < def->arg_count; i++) {
        const gql_schema_input_value *arg = &def->args[i];
        /* graphql-core's is_required_argument: a default that does not
         * coerce is Undefined, so it does not count. */
        if (arg->type->wrap != GQL_REF_NON_NULL || arg->default_state == GQL_DEFAULT_VALID ||
            given(field, arg->name))
            continue;
        gql_strbuf type = GQL_STRBUF_INIT;
        gql_type_ref_print(&type, arg->type);
        gql_ast_ref at = gql_here(ctx, n);
        if (type.nomem) ctx->nomem = true;
        else gql_validation_report(ctx, &at, 1,
                                   "Field '%s' argument '%s' of type '%s' is required, but it "
                                   "was not provided.",
                                   field->name->value->str, arg->name->str,
                                   gql_strbuf_cstr(&type));
        gql_strbuf_free(&type);
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_provided_required_arguments = {
    .name = "ProvidedRequiredArgumentsRule",
    .leave = {[GQL_FIELD] = leave_field, [GQL_DIRECTIVE] = leave_directive},
};
