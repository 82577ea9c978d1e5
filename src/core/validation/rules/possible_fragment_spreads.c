/*
 * possible_fragment_spreads.c: graphql-core's PossibleFragmentSpreadsRule.
 * A fragment (inline or spread) applies where its type can overlap the
 * parent type: some object type is a possible type of both.
 */
#include "validation/rules/rules.h"
#include "validation/type_info.h"

/* graphql-core's do_types_overlap for two composite types. */
static bool overlap(const gql_schema_type *a, const gql_schema_type *b) {
    if (a == b) return true;
    if (gql_type_is_abstract(a)) {
        if (gql_type_is_abstract(b)) {
            if (a->kind == GQL_TYPE_UNION) {
                for (uint32_t i = 0; i < a->member_count; i++)
                    if (gql_is_sub_type(b, a->members[i])) return true;
            } else {
                for (uint32_t i = 0; i < a->implementation_count; i++)
                    if (gql_is_sub_type(b, a->implementations[i])) return true;
            }
            return false;
        }
        return gql_is_sub_type(a, b);
    }
    if (gql_type_is_abstract(b)) return gql_is_sub_type(b, a);
    return false;
}

static gql_visit_action enter_inline(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_type_ref *frag = gql_type_info_type(ctx);
    const gql_schema_type *frag_type = frag && frag->wrap == GQL_REF_NAMED ? frag->named : NULL;
    const gql_schema_type *parent = gql_type_info_parent_type(ctx);
    if (gql_type_is_composite(frag_type) && gql_type_is_composite(parent) &&
        !overlap(frag_type, parent)) {
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1,
                              "Fragment cannot be spread here as objects of type '%s'"
                              " can never be of type '%s'.",
                              parent->name->str, frag_type->name->str);
    }
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_spread(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_name *name = ((const gql_fragment_spread *)n)->name;
    const gql_fragment_definition *f = gql_validation_fragment(ctx, name->value);
    if (!f) return GQL_VISIT_CONTINUE;
    const gql_schema_type *frag_type =
        gql_schema_lookup_type(ctx->schema, f->type_condition->name->value);
    const gql_schema_type *parent = gql_type_info_parent_type(ctx);
    if (gql_type_is_composite(frag_type) && parent && !overlap(frag_type, parent)) {
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1,
                              "Fragment '%s' cannot be spread here as objects of type '%s'"
                              " can never be of type '%s'.",
                              name->value->str, parent->name->str, frag_type->name->str);
    }
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_possible_fragment_spreads = {
    .name = "PossibleFragmentSpreadsRule",
    .enter = {[GQL_INLINE_FRAGMENT] = enter_inline, [GQL_FRAGMENT_SPREAD] = enter_spread},
};
