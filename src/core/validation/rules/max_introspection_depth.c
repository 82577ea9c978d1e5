/*
 * max_introspection_depth.c: graphql-core 3.2.14's MaxIntrospectionDepthRule
 * (in its recommended_rules, which its specified_rules include). Below
 * __schema or __type, the introspection list fields (fields, interfaces,
 * possibleTypes, inputFields) nest fewer than 3 deep, through fragments
 * too, so that an introspection query cannot be made to produce an
 * exponentially large answer.
 *
 * graphql-core walks depth first with an explicit stack, remembering per
 * fragment the deepest entry depth that stayed within the limit and the
 * shallowest one that reached it, shared across the checks of the
 * document. This is that walk.
 */
#include <string.h>

#include "mem.h"
#include "validation/rules/rules.h"

#define MAX_LIST_DEPTH 3

typedef struct frame {
    const gql_node *const *items;  /* the selections being walked */
    uint32_t count;                /* their number */
    uint32_t next;                 /* the next one */
    uint32_t depth;                /* the list depth at this level */
    const gql_sym *fragment;       /* the fragment these selections are, or NULL */
} frame;

typedef struct state {
    gql_symmap checked;   /* fragment -> deepest entry depth checked within the limit, + 1 */
    gql_symmap exceeded;  /* fragment -> shallowest entry depth that reached it, + 1 */
    frame *stack;         /* the walk (malloc'd) */
    uint32_t cap;         /* its capacity */
} state;

static bool is_list_field(const gql_sym *name) {
    static const char *const names[] = {"fields", "interfaces", "possibleTypes",
                                        "inputFields"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (name->len == strlen(names[i]) && memcmp(name->str, names[i], name->len) == 0)
            return true;
    return false;
}

/* The value stored for name (depth + 1), or -1 when absent. */
static long long get(const gql_symmap *map, const gql_sym *name) {
    uintptr_t v = (uintptr_t)gql_symmap_get(map, name);
    return v ? (long long)v - 1 : -1;
}

static bool put(gql_symmap *map, const gql_sym *name, uint32_t depth) {
    return gql_symmap_put(map, name, (void *)(uintptr_t)(depth + 1));
}

/* _mark_exceeded_fragments: innermost first, so that a fragment entered
 * twice keeps the smaller depth. */
static bool mark_exceeded(state *s, uint32_t n) {
    for (uint32_t i = n; i-- > 0;)
        if (s->stack[i].fragment && !put(&s->exceeded, s->stack[i].fragment, s->stack[i].depth))
            return false;
    return true;
}

static bool push(state *s, uint32_t *n, frame f) {
    if (*n == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 16;
        frame *p = gql_realloc(s->stack, cap * sizeof *p);
        if (!p) return false;
        s->stack = p;
        s->cap = cap;
    }
    s->stack[(*n)++] = f;
    return true;
}

/* _check_depth: 1 when the limit is reached, 0 when not, -1 when out of
 * memory. */
static int check_depth(gql_validation_context *ctx, state *s, const gql_node *root) {
    gql_symmap visited = GQL_SYMMAP_INIT;
    const gql_node *const roots[1] = {root};
    uint32_t n = 0;
    int result = 0;
    if (!push(s, &n, (frame){roots, 1, 0, 0, NULL})) goto nomem;
    while (n) {
        frame *top = &s->stack[n - 1];
        if (top->next == top->count) {
            n--;
            if (top->fragment && !put(&s->checked, top->fragment, top->depth)) goto nomem;
            continue;
        }
        const gql_node *node = top->items[top->next++];
        uint32_t depth = top->depth;
        if (node->kind == GQL_FRAGMENT_SPREAD) {
            const gql_sym *name = ((const gql_fragment_spread *)node)->name->value;
            long long exceeded = get(&s->exceeded, name);
            if (exceeded >= 0 && exceeded <= depth) {
                if (!mark_exceeded(s, n)) goto nomem;
                result = 1;
                break;
            }
            if (get(&visited, name) >= depth || get(&s->checked, name) >= depth) continue;
            const gql_fragment_definition *f = gql_validation_fragment(ctx, name);
            if (!f) continue;
            if (!put(&visited, name, depth)) goto nomem;
            const gql_list *sel = &f->selection_set->selections;
            if (!push(s, &n, (frame){(const gql_node *const *)sel->items, sel->count, 0, depth,
                                     name}))
                goto nomem;
            continue;
        }
        const gql_selection_set *set;
        if (node->kind == GQL_FIELD) {
            const gql_field *field = (const gql_field *)node;
            if (is_list_field(field->name->value) && ++depth >= MAX_LIST_DEPTH) {
                if (!mark_exceeded(s, n)) goto nomem;
                result = 1;
                break;
            }
            set = field->selection_set;
        } else {
            set = ((const gql_inline_fragment *)node)->selection_set;
        }
        if (set && !push(s, &n, (frame){(const gql_node *const *)set->selections.items,
                                        set->selections.count, 0, depth, NULL}))
            goto nomem;
    }
    gql_symmap_free(&visited);
    return result;
nomem:
    gql_symmap_free(&visited);
    return -1;
}

static gql_visit_action enter_field(gql_validation_context *ctx, void *st, const gql_node *n) {
    const gql_sym *name = ((const gql_field *)n)->name->value;
    bool root = (name->len == 8 && memcmp(name->str, "__schema", 8) == 0) ||
                (name->len == 6 && memcmp(name->str, "__type", 6) == 0);
    if (!root) return GQL_VISIT_CONTINUE;
    int r = check_depth(ctx, st, n);
    if (r < 0) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    if (!r) return GQL_VISIT_CONTINUE;
    gql_ast_ref at = gql_here(ctx, n);
    gql_validation_report(ctx, &at, 1, "Maximum introspection depth exceeded");
    return GQL_VISIT_SKIP;
}

static void fini(void *st) {
    state *s = st;
    gql_symmap_free(&s->checked);
    gql_symmap_free(&s->exceeded);
    gql_free(s->stack);
}

const gql_rule gql_rule_max_introspection_depth = {
    .name = "MaxIntrospectionDepthRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_FIELD] = enter_field},
};
