/*
 * fragment_nesting.c: graphql-core 3.2.14's FragmentNestingVisitor, which
 * validate() puts before the rules when the document has fragments. The
 * parser limits nesting within one definition; through fragment spreads a
 * selection can nest much deeper, and graphql-core's recursive rules would
 * then exhaust Python's stack. So each operation and fragment has a depth
 * (its own selection nesting, or a spread's depth plus the spread
 * fragment's depth), computed without recursion in graphql-core's order
 * (which matters where spreads form cycles), and validation is aborted
 * with "Validation aborted." on entering a definition deeper than 200
 * (graphql-core's MAX_NESTING_DEPTH).
 */
#include <string.h>

#include "mem.h"
#include "validation/rules/rules.h"

#define MAX_NESTING_DEPTH 200

typedef struct spread_depth {
    uint32_t fragment;  /* index of the spread fragment, or UINT32_MAX if undefined */
    uint32_t depth;     /* selection set depth of the spread */
} spread_depth;

typedef struct nesting {
    const gql_fragment_definition *def;  /* the definition of this name (the last) */
    uint32_t depth;                      /* its own selection nesting */
    spread_depth *spreads;               /* its spreads in graphql-core's order */
    uint32_t nspreads;                   /* their number */
    uint32_t total;                      /* the depth through fragments, once known */
    bool known;                          /* total is computed */
    bool on_path;                        /* on the current search path */
} nesting;

typedef struct state {
    gql_symmap index;   /* fragment name -> index + 1 in fragments */
    nesting *fragments; /* per distinct fragment name, in first-definition order */
    uint32_t count;     /* their number */
} state;

typedef struct set_depth {
    const gql_selection_set *set;
    uint32_t depth;
} set_depth;

/* graphql-core's get_selection_nesting: the nesting depth of a selection
 * set and its spreads with their depths (a stack, popped from the end). */
static bool selection_nesting(state *s, const gql_selection_set *root, uint32_t *max_depth,
                              spread_depth **spreads, uint32_t *nspreads) {
    set_depth *stack = NULL;
    uint32_t n = 0, cap = 0, ns = 0, scap = 0;
    spread_depth *out = NULL;
    *max_depth = 0;
    bool ok = true;
#define PUSH(arr, count, capacity, value)                                          \
    do {                                                                           \
        if (count == capacity) {                                                   \
            uint32_t c_ = capacity ? capacity * 2 : 8;                             \
            void *p_ = gql_realloc(arr, c_ * sizeof *arr);                         \
            if (!p_) { ok = false; goto done; }                                    \
            arr = p_;                                                              \
            capacity = c_;                                                         \
        }                                                                          \
        arr[count++] = value;                                                      \
    } while (0)
    PUSH(stack, n, cap, ((set_depth){root, 1}));
    while (n) {
        set_depth top = stack[--n];
        if (top.depth > *max_depth) *max_depth = top.depth;
        for (uint32_t i = 0; i < top.set->selections.count; i++) {
            const gql_node *sel = top.set->selections.items[i];
            if (sel->kind == GQL_FRAGMENT_SPREAD) {
                const gql_sym *name = ((const gql_fragment_spread *)sel)->name->value;
                uintptr_t at = (uintptr_t)gql_symmap_get(&s->index, name);
                PUSH(out, ns, scap, ((spread_depth){at ? (uint32_t)(at - 1) : UINT32_MAX,
                                                    top.depth}));
                continue;
            }
            const gql_selection_set *nested =
                sel->kind == GQL_FIELD ? ((const gql_field *)sel)->selection_set
                                       : ((const gql_inline_fragment *)sel)->selection_set;
            if (nested) PUSH(stack, n, cap, ((set_depth){nested, top.depth + 1}));
        }
    }
#undef PUSH
done:
    gql_free(stack);
    if (!ok) {
        gql_free(out);
        return false;
    }
    *spreads = out;
    *nspreads = ns;
    return true;
}

/* graphql-core's get_depth: a definition's depth from its own depth and
 * its spreads (a spread fragment not yet known counts 0). */
static uint32_t depth_of(const state *s, uint32_t depth, const spread_depth *spreads,
                         uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        uint32_t extra = spreads[i].fragment != UINT32_MAX &&
                                 s->fragments[spreads[i].fragment].known
                             ? s->fragments[spreads[i].fragment].total
                             : 0;
        uint32_t d = spreads[i].depth + extra;
        if (d > depth) depth = d;
    }
    return depth;
}

typedef struct walk {
    uint32_t fragment;  /* the fragment on the path */
    uint32_t next;      /* its next spread to look at */
} walk;

static void fini(void *st);
static bool compute(gql_validation_context *ctx, void *st);

static bool init(gql_validation_context *ctx, void *st) {
    if (compute(ctx, st)) return true;
    fini(st);
    memset(st, 0, sizeof(state));
    return false;
}

static bool compute(gql_validation_context *ctx, void *st) {
    state *s = st;
    const gql_document_node *root = gql_document_root(ctx->docs[0]);
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
        const gql_sym *name = ((const gql_fragment_definition *)def)->name->value;
        if (!gql_symmap_get(&s->index, name)) {
            if (!gql_symmap_put(&s->index, name, (void *)(uintptr_t)(s->count + 1))) return false;
            s->count++;
        }
    }
    s->fragments = gql_calloc(s->count ? s->count : 1, sizeof *s->fragments);
    if (!s->fragments) return false;
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
        const gql_fragment_definition *f = (const gql_fragment_definition *)def;
        uintptr_t at = (uintptr_t)gql_symmap_get(&s->index, f->name->value);
        s->fragments[at - 1].def = f;
    }
    for (uint32_t i = 0; i < s->count; i++) {
        nesting *f = &s->fragments[i];
        if (!selection_nesting(s, f->def->selection_set, &f->depth, &f->spreads, &f->nspreads))
            return false;
    }
    /* Walk the spreads without recursion, roots in order. */
    walk *path = gql_malloc((s->count ? s->count : 1) * sizeof *path);
    if (!path) return false;
    for (uint32_t r = 0; r < s->count; r++) {
        if (s->fragments[r].known) continue;
        uint32_t len = 0;
        path[len++] = (walk){r, 0};
        s->fragments[r].on_path = true;
        while (len) {
            walk *w = &path[len - 1];
            nesting *f = &s->fragments[w->fragment];
            bool pushed = false;
            while (w->next < f->nspreads) {
                uint32_t to = f->spreads[w->next++].fragment;
                if (to == UINT32_MAX || s->fragments[to].known || s->fragments[to].on_path)
                    continue;
                path[len++] = (walk){to, 0};
                s->fragments[to].on_path = true;
                pushed = true;
                break;
            }
            if (pushed) continue;
            len--;
            f->on_path = false;
            f->total = depth_of(s, f->depth, f->spreads, f->nspreads);
            f->known = true;
        }
    }
    gql_free(path);
    return true;
}

static void fini(void *st) {
    state *s = st;
    for (uint32_t i = 0; s->fragments && i < s->count; i++) gql_free(s->fragments[i].spreads);
    gql_free(s->fragments);
    gql_symmap_free(&s->index);
}

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    state *s = st;
    uint32_t depth, nspreads;
    spread_depth *spreads;
    if (!selection_nesting(s, ((const gql_operation_definition *)n)->selection_set, &depth,
                           &spreads, &nspreads)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    uint32_t total = depth_of(s, depth, spreads, nspreads);
    gql_free(spreads);
    if (total > MAX_NESTING_DEPTH) gql_validation_abort(ctx, "Validation aborted.");
    return GQL_VISIT_SKIP;
}

static gql_visit_action enter_fragment(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    state *s = st;
    uintptr_t at =
        (uintptr_t)gql_symmap_get(&s->index, ((const gql_fragment_definition *)n)->name->value);
    if (at && s->fragments[at - 1].total > MAX_NESTING_DEPTH)
        gql_validation_abort(ctx, "Validation aborted.");
    return GQL_VISIT_SKIP;
}

const gql_rule gql_rule_fragment_nesting = {
    .name = "FragmentNestingVisitor",
    .state_size = sizeof(state),
    .init = init,
    .fini = fini,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation,
              [GQL_FRAGMENT_DEFINITION] = enter_fragment},
};
