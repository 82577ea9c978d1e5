/*
 * no_unused_fragments.c: graphql-core's NoUnusedFragmentsRule. Every
 * fragment the document defines is spread by some operation, directly or
 * through other fragments; the others are reported, in document order,
 * once the whole document has been seen.
 */
#include "mem.h"
#include "validation/rules/rules.h"

typedef struct state {
    const gql_operation_definition **operations;  /* malloc'd */
    uint32_t noperations, operations_cap;         /* count, capacity */
    const gql_fragment_definition **fragments;    /* malloc'd */
    uint32_t nfragments, fragments_cap;           /* count, capacity */
} state;

static bool append(void ***items, uint32_t *count, uint32_t *cap, const void *item) {
    if (*count == *cap) {
        uint32_t c = *cap ? *cap * 2 : 8;
        void **p = gql_realloc(*items, c * sizeof *p);
        if (!p) return false;
        *items = p;
        *cap = c;
    }
    (*items)[(*count)++] = (void *)item;
    return true;
}

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    state *s = st;
    if (!append((void ***)&s->operations, &s->noperations, &s->operations_cap, n)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    return GQL_VISIT_SKIP;
}

static gql_visit_action enter_fragment(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    state *s = st;
    if (!append((void ***)&s->fragments, &s->nfragments, &s->fragments_cap, n)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    return GQL_VISIT_SKIP;
}

static gql_visit_action leave_document(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    (void)n;
    state *s = st;
    const gql_node_list *used =
        gql_validation_recursive_fragments(ctx, s->operations, s->noperations);
    if (!used) return GQL_VISIT_BREAK;
    gql_symmap names = GQL_SYMMAP_INIT;
    for (uint32_t i = 0; i < used->count; i++) {
        const gql_sym *name = ((const gql_fragment_definition *)used->items[i])->name->value;
        if (!gql_symmap_put(&names, name, (void *)name)) {
            gql_symmap_free(&names);
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
    }
    for (uint32_t i = 0; i < s->nfragments; i++) {
        const gql_fragment_definition *f = s->fragments[i];
        if (gql_symmap_get(&names, f->name->value)) continue;
        gql_ast_ref at = gql_here(ctx, f);
        gql_validation_report(ctx, &at, 1, "Fragment '%s' is never used.", f->name->value->str);
    }
    gql_symmap_free(&names);
    return GQL_VISIT_CONTINUE;
}

static void fini(void *st) {
    state *s = st;
    gql_free(s->operations);
    gql_free(s->fragments);
}

const gql_rule gql_rule_no_unused_fragments = {
    .name = "NoUnusedFragmentsRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation,
              [GQL_FRAGMENT_DEFINITION] = enter_fragment},
    .leave = {[GQL_DOCUMENT] = leave_document},
};
