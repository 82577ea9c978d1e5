/*
 * no_fragment_cycles.c: graphql-core's NoFragmentCyclesRule. A fragment
 * does not spread itself, directly or through other fragments. The
 * depth-first search of graphql-core's detect_cycle_recursive runs here
 * with an explicit stack (the spread path and a frame per fragment being
 * searched), so a long chain of fragments cannot overflow the C stack;
 * cycles are reported in the same order, each at the spreads that form it.
 */
#include "mem.h"
#include "strbuf.h"
#include "validation/rules/rules.h"

typedef struct frame {
    const gql_sym *name;          /* the fragment being searched */
    const gql_node_list *spreads; /* its spreads */
    uint32_t next;                /* the next spread to follow */
} frame;

typedef struct state {
    gql_symmap visited;           /* fragment names searched */
    gql_symmap path_index;        /* name -> (index in path) + 1, on the path */
    const gql_fragment_spread **path; /* the spread path (malloc'd) */
    uint32_t path_len, path_cap;  /* its length and capacity */
    frame *frames;                /* the search stack (malloc'd) */
    uint32_t nframes, frames_cap; /* its depth and capacity */
} state;

static bool grow(void **items, uint32_t *cap, uint32_t need, size_t size) {
    if (need <= *cap) return true;
    uint32_t c = *cap ? *cap * 2 : 16;
    while (c < need) c *= 2;
    void *p = gql_realloc(*items, (size_t)c * size);
    if (!p) return false;
    *items = p;
    *cap = c;
    return true;
}

/* The start of detect_cycle_recursive(fragment): false when out of memory.
 * Pushes a frame unless the fragment was searched or spreads nothing. */
static bool begin(gql_validation_context *ctx, state *s, const gql_fragment_definition *f) {
    const gql_sym *name = f->name->value;
    if (gql_symmap_get(&s->visited, name)) return true;
    if (!gql_symmap_put(&s->visited, name, (void *)name)) return false;
    const gql_node_list *spreads = gql_validation_fragment_spreads(ctx, f->selection_set);
    if (!spreads) return false;
    if (!spreads->count) return true;
    if (!gql_symmap_put(&s->path_index, name, (void *)(uintptr_t)(s->path_len + 1))) return false;
    if (!grow((void **)&s->frames, &s->frames_cap, s->nframes + 1, sizeof *s->frames))
        return false;
    s->frames[s->nframes++] = (frame){name, spreads, 0};
    return true;
}

static bool report_cycle(gql_validation_context *ctx, state *s, uint32_t from,
                         const gql_sym *spread_name) {
    uint32_t n = s->path_len - from;
    gql_ast_ref *at = gql_malloc(n * sizeof *at);
    gql_strbuf via = GQL_STRBUF_INIT;
    if (!at) return false;
    for (uint32_t i = 0; i < n; i++) {
        const gql_fragment_spread *spread = s->path[from + i];
        at[i] = gql_here(ctx, spread);
        if (i + 1 == n) continue;
        gql_strbuf_puts(&via, i ? ", '" : " via '");
        gql_strbuf_append(&via, spread->name->value->str, spread->name->value->len);
        gql_strbuf_puts(&via, "'");
    }
    gql_strbuf_puts(&via, ".");
    bool ok = !via.nomem;
    if (ok)
        gql_validation_report(ctx, at, n, "Cannot spread fragment '%s' within itself%s",
                              spread_name->str, gql_strbuf_cstr(&via));
    gql_strbuf_free(&via);
    gql_free(at);
    return ok;
}

static bool detect_cycles(gql_validation_context *ctx, state *s,
                          const gql_fragment_definition *root) {
    uint32_t base = s->nframes;
    if (!begin(ctx, s, root)) return false;
    while (s->nframes > base) {
        frame *f = &s->frames[s->nframes - 1];
        if (f->next == f->spreads->count) {
            /* del spread_path_index[name]: a map entry of 0 is absent. */
            if (!gql_symmap_put(&s->path_index, f->name, NULL)) return false;
            s->nframes--;
            /* Back in the caller: the spread it followed leaves the path. */
            if (s->nframes > base) s->path_len--;
            continue;
        }
        const gql_fragment_spread *spread =
            (const gql_fragment_spread *)f->spreads->items[f->next++];
        const gql_sym *spread_name = spread->name->value;
        uintptr_t cycle = (uintptr_t)gql_symmap_get(&s->path_index, spread_name);
        if (!grow((void **)&s->path, &s->path_cap, s->path_len + 1, sizeof *s->path))
            return false;
        s->path[s->path_len++] = spread;
        if (!cycle) {
            const gql_fragment_definition *next = gql_validation_fragment(ctx, spread_name);
            uint32_t depth = s->nframes;
            if (next && !begin(ctx, s, next)) return false;
            if (s->nframes > depth) continue; /* the spread stays on the path */
        } else if (!report_cycle(ctx, s, (uint32_t)(cycle - 1), spread_name)) {
            return false;
        }
        s->path_len--;
    }
    return true;
}

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)ctx, (void)st, (void)n;
    return GQL_VISIT_SKIP;
}

static gql_visit_action enter_fragment(gql_validation_context *ctx, void *st,
                                       const gql_node *n) {
    if (!detect_cycles(ctx, st, (const gql_fragment_definition *)n)) {
        ctx->nomem = true;
        return GQL_VISIT_BREAK;
    }
    return GQL_VISIT_SKIP;
}

static void fini(void *st) {
    state *s = st;
    gql_symmap_free(&s->visited);
    gql_symmap_free(&s->path_index);
    gql_free(s->path);
    gql_free(s->frames);
}

const gql_rule gql_rule_no_fragment_cycles = {
    .name = "NoFragmentCyclesRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation,
              [GQL_FRAGMENT_DEFINITION] = enter_fragment},
};
