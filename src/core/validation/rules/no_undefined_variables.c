/*
 * no_undefined_variables.c: graphql-core's NoUndefinedVariablesRule. Every
 * variable an operation uses, itself or in the fragments it reaches, is
 * defined by the operation. Reported when the operation is left, in the
 * order of graphql-core's get_recursive_variable_usages, each at the usage
 * and the operation.
 */
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap defined;  /* variable names the operation defines */
} state;

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)ctx, (void)n;
    gql_symmap_clear(&((state *)st)->defined);
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_variable_definition(gql_validation_context *ctx, void *st,
                                                  const gql_node *n) {
    const gql_sym *name = ((const gql_variable_definition *)n)->variable->name->value;
    if (!gql_symmap_put(&((state *)st)->defined, name, (void *)name)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action leave_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    state *s = st;
    const gql_operation_definition *op = (const gql_operation_definition *)n;
    const gql_usage_list *usages = gql_validation_recursive_variable_usages(ctx, op);
    if (!usages) return GQL_VISIT_BREAK;
    for (uint32_t i = 0; i < usages->count; i++) {
        const gql_variable *var = usages->items[i].node;
        const gql_sym *name = var->name->value;
        if (gql_symmap_get(&s->defined, name)) continue;
        gql_ast_ref at[2] = {gql_here(ctx, var), gql_here(ctx, op)};
        if (op->name)
            gql_validation_report(ctx, at, 2, "Variable '$%s' is not defined by operation '%s'.",
                                  name->str, op->name->value->str);
        else
            gql_validation_report(ctx, at, 2, "Variable '$%s' is not defined.", name->str);
    }
    return GQL_VISIT_CONTINUE;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->defined); }

const gql_rule gql_rule_no_undefined_variables = {
    .name = "NoUndefinedVariablesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation,
              [GQL_VARIABLE_DEFINITION] = enter_variable_definition},
    .leave = {[GQL_OPERATION_DEFINITION] = leave_operation},
};
