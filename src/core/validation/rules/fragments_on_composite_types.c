/*
 * fragments_on_composite_types.c: graphql-core's
 * FragmentsOnCompositeTypesRule. A fragment's type condition, when the
 * schema knows the type, names an object, interface or union type.
 */
#include "validation/rules/rules.h"
#include "validation/type_info.h"

/* The type a condition names if it is known and not composite. */
static bool not_composite(const gql_validation_context *ctx, const gql_named_type *cond) {
    const gql_schema_type *t = gql_schema_lookup_type(ctx->schema, cond->name->value);
    return t && !gql_type_is_composite(t);
}

static gql_visit_action enter_inline(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_named_type *cond = ((const gql_inline_fragment *)n)->type_condition;
    if (cond && not_composite(ctx, cond)) {
        gql_ast_ref at = gql_here(ctx, cond);
        gql_validation_report(ctx, &at, 1,
                              "Fragment cannot condition on non composite type '%s'.",
                              cond->name->value->str);
    }
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_fragment(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    (void)st;
    const gql_fragment_definition *f = (const gql_fragment_definition *)n;
    if (not_composite(ctx, f->type_condition)) {
        gql_ast_ref at = gql_here(ctx, f->type_condition);
        gql_validation_report(ctx, &at, 1,
                              "Fragment '%s' cannot condition on non composite type '%s'.",
                              f->name->value->str, f->type_condition->name->value->str);
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_fragments_on_composite_types = {
    .name = "FragmentsOnCompositeTypesRule",
    .enter = {[GQL_INLINE_FRAGMENT] = enter_inline, [GQL_FRAGMENT_DEFINITION] = enter_fragment},
};
