/*
 * variables_in_allowed_position.c: graphql-core's
 * VariablesInAllowedPositionRule. Every variable an operation uses, in the
 * operation or in a fragment it reaches, is of a type allowed where it is
 * used: the same type or a stricter one (non-null for nullable, and so on
 * inside lists). A nullable variable may stand where a non-null type is
 * expected when the variable has a non-null default or the position has a
 * default of its own. As in graphql-core 3.2.14, a nullable variable given
 * as a field of a @oneOf input object whose position type is the object
 * type itself (not wrapped in non-null) is reported too.
 *
 * The usages come from the context's cached walk
 * (gql_validation_recursive_variable_usages), checked when the operation is
 * left, when its variable definitions are known.
 */
#include "strbuf.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

typedef struct state {
    gql_symmap defs;  /* variable name -> gql_variable_definition (the last) */
} state;

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)ctx, (void)n;
    gql_symmap_clear(&((state *)st)->defs);
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_variable_definition(gql_validation_context *ctx, void *st,
                                                  const gql_node *n) {
    const gql_variable_definition *def = (const gql_variable_definition *)n;
    if (!gql_symmap_put(&((state *)st)->defs, def->variable->name->value, (void *)def)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    return GQL_VISIT_CONTINUE;
}

/* graphql-core's allowed_variable_usage. */
static bool allowed(const gql_type_ref *var_type, const gql_node *var_default,
                    const gql_type_ref *location_type, const gql_node *location_default) {
    if (location_type->wrap == GQL_REF_NON_NULL && var_type->wrap != GQL_REF_NON_NULL) {
        bool non_null_var_default = var_default && var_default->kind != GQL_NULL_VALUE;
        if (!non_null_var_default && !location_default) return false;
        return gql_type_ref_is_subtype(var_type, location_type->of_type);
    }
    return gql_type_ref_is_subtype(var_type, location_type);
}

/* Report fmt with the variable's name, its type printed and a third string
 * at the definition and the usage. */
static void report(gql_validation_context *ctx, const char *fmt,
                   const gql_variable_definition *def, const gql_variable *use,
                   const gql_type_ref *var_type, const char *other) {
    gql_strbuf type = GQL_STRBUF_INIT;
    gql_type_ref_print(&type, var_type);
    gql_ast_ref at[2] = {gql_here(ctx, def), gql_here(ctx, use)};
    if (type.nomem) ctx->nomem = true;
    else gql_validation_report(ctx, at, 2, fmt, use->name->value->str, gql_strbuf_cstr(&type),
                               other);
    gql_strbuf_free(&type);
}

static gql_visit_action leave_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    state *s = st;
    const gql_usage_list *usages =
        gql_validation_recursive_variable_usages(ctx, (const gql_operation_definition *)n);
    if (!usages) return GQL_VISIT_BREAK;
    for (uint32_t i = 0; i < usages->count && !ctx->aborted; i++) {
        const gql_variable_usage *u = &usages->items[i];
        const gql_variable_definition *def = gql_symmap_get(&s->defs, u->node->name->value);
        if (!def || !u->type) continue;
        const gql_type_ref *var_type = gql_type_from_ast(ctx->type_info, def->type);
        if (ctx->type_info->nomem) {
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
        if (var_type && !allowed(var_type, def->default_value, u->type, u->default_value)) {
            gql_strbuf expected = GQL_STRBUF_INIT;
            gql_type_ref_print(&expected, u->type);
            if (expected.nomem) ctx->nomem = true;
            else report(ctx, "Variable '$%s' of type '%s' used in position expecting type '%s'.",
                        def, u->node, var_type, gql_strbuf_cstr(&expected));
            gql_strbuf_free(&expected);
        }
        const gql_type_ref *parent = u->parent_type;
        if (var_type && var_type->wrap != GQL_REF_NON_NULL && parent &&
            parent->wrap == GQL_REF_NAMED && parent->named->kind == GQL_TYPE_INPUT_OBJECT &&
            parent->named->one_of)
            report(ctx,
                   "Variable '$%s' is of type '%s' but must be non-nullable to be used for "
                   "OneOf Input Object '%s'.",
                   def, u->node, var_type, parent->named->name->str);
    }
    return ctx->nomem ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->defs); }

const gql_rule gql_rule_variables_in_allowed_position = {
    .name = "VariablesInAllowedPositionRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation,
              [GQL_VARIABLE_DEFINITION] = enter_variable_definition},
    .leave = {[GQL_OPERATION_DEFINITION] = leave_operation},
};
