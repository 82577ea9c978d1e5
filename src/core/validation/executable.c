/*
 * executable.c: the validation context for an executable document against
 * a schema (graphql-core's ValidationContext): the directive table filled
 * from the schema, the type info, the fragments by name, and the cached
 * helpers rules share: the fragment spreads of a selection set, the
 * fragments an operation reaches, and the variable usages of a definition
 * and of an operation through its fragments, with graphql-core 3.2.14's
 * fragment work budget. Nothing here recurses on the document: the
 * fragment graph is walked with worklists.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strbuf.h"
#include "validation/type_info.h"
#include "validation/validation.h"

/*=== MARK: Pointer maps ====================================================*/

/* An open-addressing map from node pointers to cached lists. */
typedef struct ptr_slot {
    const void *key;  /* NULL: empty */
    void *value;      /* the cached value */
} ptr_slot;

typedef struct ptrmap {
    ptr_slot *slots;  /* malloc'd */
    uint32_t mask;    /* capacity - 1 */
    uint32_t count;   /* keys held */
} ptrmap;

static uint32_t ptr_hash(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

static void *ptrmap_get(const ptrmap *m, const void *key) {
    if (!m->slots) return NULL;
    for (uint32_t i = ptr_hash(key) & m->mask;; i = (i + 1) & m->mask) {
        if (!m->slots[i].key) return NULL;
        if (m->slots[i].key == key) return m->slots[i].value;
    }
}

static bool ptrmap_put(ptrmap *m, const void *key, void *value) {
    if (!m->slots || (m->count + 1) * 4 > (m->mask + 1) * 3) {
        uint32_t cap = m->slots ? (m->mask + 1) * 2 : 16;
        ptr_slot *slots = gql_calloc(cap, sizeof *slots);
        if (!slots) return false;
        for (uint32_t i = 0; m->slots && i <= m->mask; i++) {
            if (!m->slots[i].key) continue;
            uint32_t j = ptr_hash(m->slots[i].key) & (cap - 1);
            while (slots[j].key) j = (j + 1) & (cap - 1);
            slots[j] = m->slots[i];
        }
        gql_free(m->slots);
        m->slots = slots;
        m->mask = cap - 1;
    }
    uint32_t i = ptr_hash(key) & m->mask;
    while (m->slots[i].key && m->slots[i].key != key) i = (i + 1) & m->mask;
    if (!m->slots[i].key) m->count++;
    m->slots[i].key = key;
    m->slots[i].value = value;
    return true;
}

static void ptrmap_free(ptrmap *m) {
    gql_free(m->slots);
    memset(m, 0, sizeof *m);
}

/*=== MARK: Growable arrays =================================================*/

/* A malloc'd vector of elements of size `size`, copied into the context's
 * arena once complete. */
typedef struct vec {
    char *items;     /* malloc'd */
    uint32_t count;  /* elements */
    uint32_t cap;    /* capacity */
} vec;

static void *vec_push(vec *v, size_t size) {
    if (v->count == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 16;
        char *items = gql_realloc(v->items, (size_t)cap * size);
        if (!items) return NULL;
        v->items = items;
        v->cap = cap;
    }
    return v->items + (size_t)v->count++ * size;
}

static void *vec_finish(gql_validation_context *ctx, vec *v, size_t size) {
    void *copy = gql_arena_alloc(&ctx->arena, v->count ? (size_t)v->count * size : 1);
    if (copy && v->count) memcpy(copy, v->items, (size_t)v->count * size);
    gql_free(v->items);
    memset(v, 0, sizeof *v);
    if (!copy) ctx->nomem = true;
    return copy;
}

/*=== MARK: Context =========================================================*/

/* The set of fragments the operations reach, keyed by the set of fragment
 * names they spread directly (graphql-core's frozenset key), with the
 * variable usages of those fragments once computed (graphql-core keys
 * those by the identity of the cached fragment list: the same thing). */
typedef struct reached_fragments {
    gql_node_list fragments;      /* the fragment definitions reached */
    gql_usage_list *usages;       /* their variable usages, NULL until computed */
} reached_fragments;

typedef struct gql_executable_cache {
    const gql_document *doc;      /* ctx->docs points here */
    gql_type_info walk;           /* the runner's type info (ctx->type_info) */
    gql_type_info usage_walk;     /* the type info of variable usage walks */
    bool usage_walk_ready;        /* usage_walk initialised */
    gql_symmap fragments;         /* name -> gql_fragment_definition (last wins) */
    ptrmap spreads;               /* selection set -> gql_node_list */
    gql_symmap reached;           /* key of spread names -> reached_fragments */
    ptrmap usages;                /* definition -> gql_usage_list */
    ptrmap recursive_usages;      /* operation -> gql_usage_list */
    long long remaining_work;     /* graphql-core's _remaining_fragment_work */
} gql_executable_cache;

/* The directive table entry of a schema directive. Required arguments are
 * graphql-core's is_required_argument: non-null without a default value
 * (a default that does not coerce counts as none). */
static bool add_schema_directive(gql_validation_context *ctx, const gql_schema_directive *d) {
    gql_directive_info *info = gql_arena_zalloc(&ctx->arena, sizeof *info);
    if (!info) return false;
    info->name = d->name;
    info->locations = d->location_mask;
    info->repeatable = d->repeatable;
    uint32_t n = d->arg_count;
    info->arg_count = n;
    if (n) {
        info->arg_names = gql_arena_alloc(&ctx->arena, n * sizeof *info->arg_names);
        info->required_types = gql_arena_zalloc(&ctx->arena, n * sizeof *info->required_types);
        if (!info->arg_names || !info->required_types) return false;
    }
    for (uint32_t i = 0; i < n; i++) {
        const gql_schema_input_value *arg = &d->args[i];
        info->arg_names[i] = arg->name;
        if (arg->type->wrap == GQL_REF_NON_NULL && arg->default_state != GQL_DEFAULT_VALID) {
            gql_strbuf b = GQL_STRBUF_INIT;
            gql_type_ref_print(&b, arg->type);
            info->required_types[i] = b.nomem ? NULL : gql_arena_strndup(&ctx->arena, b.ptr, b.len);
            gql_strbuf_free(&b);
            if (!info->required_types[i]) return false;
        }
    }
    return gql_symmap_put(&ctx->directives, info->name, info);
}

bool gql_validation_init_executable(gql_validation_context *ctx, const gql_schema *schema,
                                    const gql_document *doc, size_t max_errors,
                                    bool hide_suggestions, gql_error_list *errors) {
    memset(ctx, 0, sizeof *ctx);
    ctx->errors = errors;
    ctx->schema = schema;
    ctx->max_errors = max_errors;
    ctx->hide_suggestions = hide_suggestions;
    gql_arena_init(&ctx->arena, 4096);
    gql_executable_cache *exec = gql_calloc(1, sizeof *exec);
    if (!exec) goto nomem;
    ctx->exec = exec;
    exec->doc = doc;
    exec->remaining_work = GQL_MAX_FRAGMENT_WORK;
    ctx->docs = &exec->doc;
    ctx->ndocs = 1;
    if (!gql_type_info_init(&exec->walk, schema)) goto nomem;
    ctx->type_info = &exec->walk;
    for (uint32_t i = 0; i < schema->directive_count; i++)
        if (!add_schema_directive(ctx, schema->directives[i])) goto nomem;
    /* graphql-core's directive rules add the document's own definitions. */
    if (!gql_validation_add_directive_definitions(ctx, doc)) goto nomem;
    const gql_document_node *root = gql_document_root(doc);
    for (uint32_t i = 0; i < root->definitions.count; i++) {
        const gql_node *def = root->definitions.items[i];
        if (def->kind != GQL_FRAGMENT_DEFINITION) continue;
        const gql_fragment_definition *f = (const gql_fragment_definition *)def;
        if (!gql_symmap_put(&exec->fragments, f->name->value, (void *)f)) goto nomem;
    }
    return true;
nomem:
    gql_error_list_nomem(errors);
    ctx->nomem = true;
    return false;
}

void gql_validation_release_executable(gql_validation_context *ctx) {
    gql_executable_cache *exec = ctx->exec;
    if (!exec) return;
    gql_type_info_release(&exec->walk);
    if (exec->usage_walk_ready) gql_type_info_release(&exec->usage_walk);
    gql_symmap_free(&exec->fragments);
    ptrmap_free(&exec->spreads);
    gql_symmap_free(&exec->reached);
    ptrmap_free(&exec->usages);
    ptrmap_free(&exec->recursive_usages);
    gql_free(exec);
    ctx->exec = NULL;
    ctx->type_info = NULL;
}

const gql_fragment_definition *gql_validation_fragment(const gql_validation_context *ctx,
                                                       const gql_sym *name) {
    return ctx->exec ? gql_symmap_get(&ctx->exec->fragments, name) : NULL;
}

bool gql_validation_spend_fragment_work(gql_validation_context *ctx, size_t cost) {
    gql_executable_cache *exec = ctx->exec;
    if (ctx->aborted) return false;
    if (!exec) return true;
    exec->remaining_work -= (long long)cost;
    if (exec->remaining_work < 0) {
        gql_validation_abort(ctx, "Validation aborted.");
        return false;
    }
    return true;
}

/*=== MARK: Fragment spreads ================================================*/

const gql_node_list *gql_validation_fragment_spreads(gql_validation_context *ctx,
                                                     const gql_selection_set *selection_set) {
    gql_executable_cache *exec = ctx->exec;
    if (!exec) return NULL;
    gql_node_list *cached = ptrmap_get(&exec->spreads, selection_set);
    if (cached) return cached;
    /* graphql-core pops the last set pushed: the same order here. */
    vec spreads = {0}, sets = {0};
    const gql_selection_set **slot = vec_push(&sets, sizeof *slot);
    if (!slot) goto nomem;
    *slot = selection_set;
    while (sets.count) {
        const gql_selection_set *set = ((const gql_selection_set **)(void *)sets.items)[--sets.count];
        for (uint32_t i = 0; i < set->selections.count; i++) {
            const gql_node *sel = set->selections.items[i];
            const gql_selection_set *nested = NULL;
            if (sel->kind == GQL_FRAGMENT_SPREAD) {
                const gql_node **s = vec_push(&spreads, sizeof *s);
                if (!s) goto nomem;
                *s = sel;
                continue;
            }
            nested = sel->kind == GQL_FIELD ? ((const gql_field *)sel)->selection_set
                                            : ((const gql_inline_fragment *)sel)->selection_set;
            if (nested) {
                const gql_selection_set **p = vec_push(&sets, sizeof *p);
                if (!p) goto nomem;
                *p = nested;
            }
        }
    }
    gql_free(sets.items);
    gql_node_list *list = gql_arena_alloc(&ctx->arena, sizeof *list);
    if (!list) {
        gql_free(spreads.items);
        ctx->nomem = true;
        return NULL;
    }
    list->count = spreads.count;
    list->items = vec_finish(ctx, &spreads, sizeof(const gql_node *));
    if (!list->items) return NULL;
    if (!ptrmap_put(&exec->spreads, selection_set, list)) {
        ctx->nomem = true;
        return NULL;
    }
    return list;
nomem:
    gql_free(spreads.items);
    gql_free(sets.items);
    ctx->nomem = true;
    return NULL;
}

/*=== MARK: Fragments reached ===============================================*/

static int compare_syms(const void *a, const void *b) {
    const gql_sym *x = *(const gql_sym *const *)a, *y = *(const gql_sym *const *)b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->str, y->str, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The key of a set of names: the names sorted, joined by spaces (which no
 * name contains), interned in the context. NULL when out of memory. */
static const gql_sym *set_key(gql_validation_context *ctx, const gql_sym **names, uint32_t n) {
    const gql_sym **sorted = gql_malloc((n ? n : 1) * sizeof *sorted);
    if (!sorted) return NULL;
    if (n) {
        memcpy(sorted, names, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, compare_syms);
    }
    gql_strbuf b = GQL_STRBUF_INIT;
    gql_strbuf_puts(&b, "{");
    for (uint32_t i = 0; i < n; i++) {
        if (i) gql_strbuf_puts(&b, " ");
        gql_strbuf_append(&b, sorted[i]->str, sorted[i]->len);
    }
    gql_free(sorted);
    const gql_sym *key = NULL;
    if (!b.nomem && b.len <= UINT32_MAX)
        key = gql_intern(&ctx->keys, &ctx->arena, b.ptr, (uint32_t)b.len);
    gql_strbuf_free(&b);
    return key;
}

/* Append name to names unless seen has it. False when out of memory. */
static bool add_name(vec *names, gql_symmap *seen, const gql_sym *name) {
    if (gql_symmap_get(seen, name)) return true;
    if (!gql_symmap_put(seen, name, (void *)name)) return false;
    const gql_sym **slot = vec_push(names, sizeof *slot);
    if (!slot) return false;
    *slot = name;
    return true;
}

static reached_fragments *reach(gql_validation_context *ctx,
                                const gql_operation_definition *const *operations,
                                size_t count) {
    gql_executable_cache *exec = ctx->exec;
    if (!exec || ctx->aborted) return NULL;
    vec names = {0}, found = {0};
    gql_symmap seen = GQL_SYMMAP_INIT;
    reached_fragments *r = NULL;
    for (size_t o = 0; o < count; o++) {
        const gql_node_list *spreads = gql_validation_fragment_spreads(ctx, operations[o]->selection_set);
        if (!spreads) goto fail;
        for (uint32_t i = 0; i < spreads->count; i++)
            if (!add_name(&names, &seen, ((const gql_fragment_spread *)spreads->items[i])->name->value))
                goto nomem;
    }
    const gql_sym *key = set_key(ctx, (const gql_sym **)(void *)names.items, names.count);
    if (!key) goto nomem;
    r = gql_symmap_get(&exec->reached, key);
    if (r) goto done;
    if (!gql_validation_spend_fragment_work(ctx, names.count)) goto fail;
    /* The list of names grows while it is walked, as graphql-core's does. */
    for (uint32_t i = 0; i < names.count; i++) {
        const gql_sym *name = ((const gql_sym **)(void *)names.items)[i];
        const gql_fragment_definition *f = gql_validation_fragment(ctx, name);
        if (!f) continue;
        const gql_node **slot = vec_push(&found, sizeof *slot);
        if (!slot) goto nomem;
        *slot = &f->base;
        const gql_node_list *spreads = gql_validation_fragment_spreads(ctx, f->selection_set);
        if (!spreads) goto fail;
        if (!gql_validation_spend_fragment_work(ctx, spreads->count)) goto fail;
        for (uint32_t j = 0; j < spreads->count; j++)
            if (!add_name(&names, &seen, ((const gql_fragment_spread *)spreads->items[j])->name->value))
                goto nomem;
    }
    r = gql_arena_zalloc(&ctx->arena, sizeof *r);
    if (!r) goto nomem;
    r->fragments.count = found.count;
    r->fragments.items = vec_finish(ctx, &found, sizeof(const gql_node *));
    if (!r->fragments.items || !gql_symmap_put(&exec->reached, key, r)) goto nomem;
    goto done;
nomem:
    ctx->nomem = true;
fail:
    r = NULL;
done:
    gql_free(names.items);
    gql_free(found.items);
    gql_symmap_free(&seen);
    return r;
}

const gql_node_list *gql_validation_recursive_fragments(
    gql_validation_context *ctx, const gql_operation_definition *const *operations,
    size_t count) {
    reached_fragments *r = reach(ctx, operations, count);
    return r ? &r->fragments : NULL;
}

/*=== MARK: Variable usages =================================================*/

typedef struct usage_walk {
    gql_type_info *ti;  /* the usage walk's type info */
    vec usages;         /* gql_variable_usage */
    bool nomem;         /* an allocation failed */
} usage_walk;

/* graphql-core's TypeInfoVisitor around its VariableUsageVisitor. */
static gql_visit_action usage_enter(const gql_node *node, const gql_node *parent, void *user) {
    (void)parent;
    usage_walk *w = user;
    if (!gql_type_info_enter(w->ti, node)) {
        w->nomem = true;
        return GQL_VISIT_BREAK;
    }
    if (node->kind == GQL_VARIABLE_DEFINITION) {
        gql_type_info_leave(w->ti, node);
        return GQL_VISIT_SKIP;
    }
    if (node->kind == GQL_VARIABLE) {
        gql_variable_usage *u = vec_push(&w->usages, sizeof *u);
        if (!u) {
            w->nomem = true;
            return GQL_VISIT_BREAK;
        }
        const gql_ptr_stack *inputs = &w->ti->input_types;
        u->node = (const gql_variable *)node;
        u->type = gql_ptr_stack_top(inputs, 0);
        u->default_value = gql_ptr_stack_top(&w->ti->default_values, 0);
        u->parent_type = gql_ptr_stack_top(inputs, 1);
    }
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action usage_leave(const gql_node *node, const gql_node *parent, void *user) {
    (void)parent;
    gql_type_info_leave(((usage_walk *)user)->ti, node);
    return GQL_VISIT_CONTINUE;
}

const gql_usage_list *gql_validation_variable_usages(gql_validation_context *ctx,
                                                     const gql_node *definition) {
    gql_executable_cache *exec = ctx->exec;
    if (!exec) return NULL;
    gql_usage_list *cached = ptrmap_get(&exec->usages, definition);
    if (cached) return cached;
    if (!exec->usage_walk_ready) {
        if (!gql_type_info_init(&exec->usage_walk, ctx->schema)) {
            gql_type_info_release(&exec->usage_walk);
            ctx->nomem = true;
            return NULL;
        }
        exec->usage_walk_ready = true;
    }
    usage_walk w = {&exec->usage_walk, {0}, false};
    gql_visitor visitor;
    for (int k = 0; k < GQL_KIND_COUNT; k++) {
        visitor.enter[k] = usage_enter;
        visitor.leave[k] = usage_leave;
    }
    gql_visit(definition, &visitor, &w);
    gql_usage_list *list = NULL;
    if (!w.nomem) list = gql_arena_alloc(&ctx->arena, sizeof *list);
    if (!list) {
        gql_free(w.usages.items);
        ctx->nomem = true;
        return NULL;
    }
    list->count = w.usages.count;
    list->items = vec_finish(ctx, &w.usages, sizeof(gql_variable_usage));
    if (!list->items) return NULL;
    if (!ptrmap_put(&exec->usages, definition, list)) {
        ctx->nomem = true;
        return NULL;
    }
    return list;
}

/* Append the usages of list to v. */
static bool append_usages(vec *v, const gql_usage_list *list) {
    for (uint32_t i = 0; i < list->count; i++) {
        gql_variable_usage *u = vec_push(v, sizeof *u);
        if (!u) return false;
        *u = list->items[i];
    }
    return true;
}

const gql_usage_list *gql_validation_recursive_variable_usages(
    gql_validation_context *ctx, const gql_operation_definition *operation) {
    gql_executable_cache *exec = ctx->exec;
    if (!exec || ctx->aborted) return NULL;
    gql_usage_list *cached = ptrmap_get(&exec->recursive_usages, operation);
    if (cached) return cached;
    reached_fragments *r = reach(ctx, &operation, 1);
    if (!r) return NULL;
    vec v = {0};
    if (!r->usages) {
        if (!gql_validation_spend_fragment_work(ctx, r->fragments.count)) return NULL;
        for (uint32_t i = 0; i < r->fragments.count; i++) {
            const gql_usage_list *local = gql_validation_variable_usages(ctx, r->fragments.items[i]);
            if (!local) goto fail;
            if (!gql_validation_spend_fragment_work(ctx, local->count)) goto fail;
            if (!append_usages(&v, local)) goto nomem;
        }
        gql_usage_list *fu = gql_arena_alloc(&ctx->arena, sizeof *fu);
        if (!fu) goto nomem;
        fu->count = v.count;
        fu->items = vec_finish(ctx, &v, sizeof(gql_variable_usage));
        if (!fu->items) goto fail;
        r->usages = fu;
    }
    if (!gql_validation_spend_fragment_work(ctx, r->usages->count)) return NULL;
    const gql_usage_list *own = gql_validation_variable_usages(ctx, &operation->base);
    if (!own) return NULL;
    if (!append_usages(&v, own) || !append_usages(&v, r->usages)) goto nomem;
    gql_usage_list *all = gql_arena_alloc(&ctx->arena, sizeof *all);
    if (!all) goto nomem;
    all->count = v.count;
    all->items = vec_finish(ctx, &v, sizeof(gql_variable_usage));
    if (!all->items) return NULL;
    if (!ptrmap_put(&exec->recursive_usages, operation, all)) {
        ctx->nomem = true;
        return NULL;
    }
    return all;
nomem:
    ctx->nomem = true;
fail:
    gql_free(v.items);
    return NULL;
}
