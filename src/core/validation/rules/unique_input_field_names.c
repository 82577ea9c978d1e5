/*
 * unique_input_field_names.c: graphql-core's UniqueInputFieldNamesRule. An
 * input object value gives each field once. Object values nest, so the rule
 * keeps a stack of the names seen per object value being walked.
 */
#include "mem.h"
#include "validation/rules/rules.h"

typedef struct state {
    gql_symmap *stack;  /* per open object value: field name -> its name node */
    uint32_t depth;     /* open object values */
    uint32_t cap;       /* capacity of stack */
} state;

static gql_visit_action enter_object(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)n;
    state *s = st;
    if (s->depth == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 8;
        gql_symmap *stack = gql_realloc(s->stack, cap * sizeof *stack);
        if (!stack) {
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
        for (uint32_t i = s->cap; i < cap; i++) stack[i] = (gql_symmap)GQL_SYMMAP_INIT;
        s->stack = stack;
        s->cap = cap;
    }
    gql_symmap_clear(&s->stack[s->depth++]);
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action leave_object(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)ctx, (void)n;
    ((state *)st)->depth--;
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_field(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    if (!s->depth) return GQL_VISIT_CONTINUE;
    gql_symmap *known = &s->stack[s->depth - 1];
    const gql_name *name = ((const gql_object_field *)n)->name;
    const gql_name *first = gql_symmap_get(known, name->value);
    if (first) {
        gql_ast_ref at[2] = {gql_here(ctx, first), gql_here(ctx, name)};
        gql_validation_report(ctx, at, 2, "There can be only one input field named '%s'.",
                              name->value->str);
    } else if (!gql_symmap_put(known, name->value, (void *)name)) {
        ctx->nomem = true;
    }
    return GQL_VISIT_CONTINUE;
}

static void fini(void *st) {
    state *s = st;
    for (uint32_t i = 0; i < s->cap; i++) gql_symmap_free(&s->stack[i]);
    gql_free(s->stack);
}

const gql_rule gql_rule_unique_input_field_names = {
    .name = "UniqueInputFieldNamesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_OBJECT_VALUE] = enter_object, [GQL_OBJECT_FIELD] = enter_field},
    .leave = {[GQL_OBJECT_VALUE] = leave_object},
};
