/*
 * no_unused_variables.c: graphql-core's NoUnusedVariablesRule. Every
 * variable an operation defines is used by it or by a fragment it reaches;
 * the others are reported when the operation is left, in definition order.
 */
#include "mem.h"
#include "validation/rules/rules.h"

typedef struct state {
    const gql_variable_definition **defs;  /* the operation's definitions (malloc'd) */
    uint32_t count, cap;                   /* their number, capacity */
} state;

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)ctx, (void)n;
    ((state *)st)->count = 0;
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_variable_definition(gql_validation_context *ctx, void *st,
                                                  const gql_node *n) {
    state *s = st;
    if (s->count == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 8;
        const gql_variable_definition **defs = gql_realloc((void *)s->defs, cap * sizeof *defs);
        if (!defs) {
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
        s->defs = defs;
        s->cap = cap;
    }
    s->defs[s->count++] = (const gql_variable_definition *)n;
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action leave_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    state *s = st;
    const gql_operation_definition *op = (const gql_operation_definition *)n;
    const gql_usage_list *usages = gql_validation_recursive_variable_usages(ctx, op);
    if (!usages) return GQL_VISIT_BREAK;
    gql_symmap used = GQL_SYMMAP_INIT;
    for (uint32_t i = 0; i < usages->count; i++) {
        const gql_sym *name = usages->items[i].node->name->value;
        if (!gql_symmap_put(&used, name, (void *)name)) {
            gql_symmap_free(&used);
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
    }
    for (uint32_t i = 0; i < s->count; i++) {
        const gql_variable_definition *def = s->defs[i];
        const gql_sym *name = def->variable->name->value;
        if (gql_symmap_get(&used, name)) continue;
        gql_ast_ref at = gql_here(ctx, def);
        if (op->name)
            gql_validation_report(ctx, &at, 1,
                                  "Variable '$%s' is never used in operation '%s'.", name->str,
                                  op->name->value->str);
        else
            gql_validation_report(ctx, &at, 1, "Variable '$%s' is never used.", name->str);
    }
    gql_symmap_free(&used);
    return GQL_VISIT_CONTINUE;
}

static void fini(void *st) { gql_free((void *)((state *)st)->defs); }

const gql_rule gql_rule_no_unused_variables = {
    .name = "NoUnusedVariablesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation,
              [GQL_VARIABLE_DEFINITION] = enter_variable_definition},
    .leave = {[GQL_OPERATION_DEFINITION] = leave_operation},
};
