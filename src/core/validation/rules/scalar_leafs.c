/*
 * scalar_leafs.c: graphql-core's ScalarLeafsRule. A field of a leaf type
 * (scalar or enum) has no selection set; a field of any other known type
 * has one, with at least one selection.
 */
#include "strbuf.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

static gql_visit_action enter_field(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_type_ref *type = gql_type_info_type(ctx);
    if (!type) return GQL_VISIT_CONTINUE;
    const gql_field *field = (const gql_field *)n;
    const gql_sym *name = field->name->value;
    const gql_selection_set *set = field->selection_set;
    bool leaf = gql_type_is_leaf(type->named);
    if (leaf ? !set : set && set->selections.count) return GQL_VISIT_CONTINUE;
    gql_strbuf str = GQL_STRBUF_INIT;
    gql_type_ref_print(&str, type);
    if (str.nomem) {
        gql_strbuf_free(&str);
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    if (leaf) {
        gql_ast_ref at = gql_here(ctx, set);
        gql_validation_report(
            ctx, &at, 1, "Field '%s' must not have a selection since type '%s' has no subfields.",
            name->str, gql_strbuf_cstr(&str));
    } else if (!set) {
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1,
                              "Field '%s' of type '%s' must have a selection of subfields."
                              " Did you mean '%s { ... }'?",
                              name->str, gql_strbuf_cstr(&str), name->str);
    } else {
        gql_ast_ref at = gql_here(ctx, n);
        gql_validation_report(ctx, &at, 1,
                              "Field '%s' of type '%s' must have at least one field selected.",
                              name->str, gql_strbuf_cstr(&str));
    }
    gql_strbuf_free(&str);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_scalar_leafs = {
    .name = "ScalarLeafsRule",
    .enter = {[GQL_FIELD] = enter_field},
};
