/*
 * plan.c: graphql-core 3.2's collect_fields and collect_subfields, made once
 * per (selection, runtime type) and kept as a gql_plan_set.
 *
 * Fields are grouped by response name in first-seen order, each group
 * keeping its field nodes in document order (they merge: validation made
 * sure they can). @skip and @include are evaluated with the coerced
 * variables; a fragment spread is visited once per collection (the name is
 * marked visited before its type condition is checked, as graphql-core
 * does). The walk over selection sets, inline fragments and fragments uses
 * an explicit stack, so a deeply nested document cannot overflow the C
 * stack.
 */
#include <string.h>

#include "execution/execution.h"
#include "mem.h"
#include "symmap.h"

/* A response name being collected: its nodes, in document order. */
typedef struct entry {
    const gql_sym *response_name;
    const gql_field **nodes;  /* malloc'd while collecting */
    uint32_t count, cap;
} entry;

typedef struct collector {
    gql_execution *exec;
    const gql_schema_type *type;  /* the runtime object type */
    entry *entries;
    uint32_t count, cap;
    gql_symmap by_name;           /* response name -> entry index + 1 */
    gql_symmap visited;           /* fragment names visited */
    const gql_list **stack;       /* selection lists still to walk */
    uint32_t *next;               /* ... the next selection of each */
    uint32_t depth, stack_cap;
    bool nomem;
    bool request_error;
} collector;

static void collector_free(collector *c) {
    for (uint32_t i = 0; i < c->count; i++) gql_free(c->entries[i].nodes);
    gql_free(c->entries);
    gql_symmap_free(&c->by_name);
    gql_symmap_free(&c->visited);
    gql_free(c->stack);
    gql_free(c->next);
}

static bool push(collector *c, const gql_selection_set *set) {
    if (!set) return true;
    if (c->depth == c->stack_cap) {
        uint32_t cap = c->stack_cap ? c->stack_cap * 2 : 16;
        const gql_list **stack = gql_realloc(c->stack, cap * sizeof *stack);
        if (!stack) return false;
        c->stack = stack;
        uint32_t *next = gql_realloc(c->next, cap * sizeof *next);
        if (!next) return false;
        c->next = next;
        c->stack_cap = cap;
    }
    c->stack[c->depth] = &set->selections;
    c->next[c->depth] = 0;
    c->depth++;
    return true;
}

static bool add_field(collector *c, const gql_field *f) {
    const gql_sym *key = f->alias ? f->alias->value : f->name->value;
    uintptr_t at = (uintptr_t)gql_symmap_get(&c->by_name, key);
    entry *e;
    if (at) {
        e = &c->entries[at - 1];
    } else {
        if (c->count == c->cap) {
            uint32_t cap = c->cap ? c->cap * 2 : 8;
            entry *entries = gql_realloc(c->entries, cap * sizeof *entries);
            if (!entries) return false;
            c->entries = entries;
            c->cap = cap;
        }
        e = &c->entries[c->count];
        *e = (entry){key, NULL, 0, 0};
        c->count++;
        if (!gql_symmap_put(&c->by_name, key, (void *)(uintptr_t)c->count)) return false;
    }
    if (e->count == e->cap) {
        uint32_t cap = e->cap ? e->cap * 2 : 2;
        const gql_field **nodes = gql_realloc(e->nodes, cap * sizeof *nodes);
        if (!nodes) return false;
        e->nodes = nodes;
        e->cap = cap;
    }
    e->nodes[e->count++] = f;
    return true;
}

/* graphql-core's does_fragment_condition_match. */
static bool condition_matches(collector *c, const gql_named_type *condition) {
    if (!condition) return true;
    const gql_sym *name = gql_schema_sym(c->exec->schema, condition->name->value);
    if (!name) return false;
    const gql_schema_type *t = gql_symmap_get(&c->exec->schema->type_map, name);
    if (!t) return false;
    if (t == c->type) return true;
    if (t->kind == GQL_TYPE_INTERFACE || t->kind == GQL_TYPE_UNION)
        return gql_is_sub_type(t, c->type);
    return false;
}

/* 1 included, 0 skipped, -1 a request error was recorded (or out of memory). */
static int included(collector *c, const gql_list *directives) {
    if (directives->count == 0) return 1;
    gql_execution *exec = c->exec;
    const gql_node *at = NULL;
    gql_strbuf_reset(&exec->scratch);
    int r = gql_should_include(&exec->env, directives, &exec->vars, &exec->scratch, &at);
    if (r >= 0) return r;
    if (!at || exec->scratch.nomem) {
        c->nomem = true;
        return -1;
    }
    /* The message stays in exec->scratch for the caller to report. */
    exec->directive_error_at = at;
    c->request_error = true;
    return -1;
}

/* Walk the selection sets pushed on the stack, collecting into c. */
static bool walk(collector *c) {
    while (c->depth > 0) {
        uint32_t top = c->depth - 1;
        const gql_list *list = c->stack[top];
        if (c->next[top] == list->count) {
            c->depth--;
            continue;
        }
        const gql_node *sel = list->items[c->next[top]++];
        int inc;
        switch (sel->kind) {
        case GQL_FIELD: {
            const gql_field *f = (const gql_field *)sel;
            if ((inc = included(c, &f->directives)) < 0) return false;
            if (inc && !add_field(c, f)) return (c->nomem = true), false;
            break;
        }
        case GQL_INLINE_FRAGMENT: {
            const gql_inline_fragment *frag = (const gql_inline_fragment *)sel;
            if ((inc = included(c, &frag->directives)) < 0) return false;
            if (!inc || !condition_matches(c, frag->type_condition)) break;
            if (!push(c, frag->selection_set)) return (c->nomem = true), false;
            break;
        }
        case GQL_FRAGMENT_SPREAD: {
            const gql_fragment_spread *spread = (const gql_fragment_spread *)sel;
            const gql_sym *name = spread->name->value;
            if (gql_symmap_get(&c->visited, name)) break;
            if ((inc = included(c, &spread->directives)) < 0) return false;
            if (!inc) break;
            if (!gql_symmap_put(&c->visited, name, (void *)1)) return (c->nomem = true), false;
            const gql_fragment_definition *def = gql_symmap_get(&c->exec->fragments, name);
            if (!def || !condition_matches(c, def->type_condition)) break;
            if (!push(c, def->selection_set)) return (c->nomem = true), false;
            break;
        }
        default:
            break;
        }
    }
    return true;
}

static const gql_sym *sym_named(const gql_schema *schema, const char *s) {
    return gql_intern_find(&schema->names, s, (uint32_t)strlen(s));
}

/* The type reference String! (for __typename), made once per execution. */
static const gql_type_ref *typename_type(gql_execution *exec) {
    static const char name[] = "String";
    const gql_schema_type *string = NULL;
    const gql_sym *sym = sym_named(exec->schema, name);
    if (sym) string = gql_symmap_get(&exec->schema->builtin_types, sym);
    if (!string) string = sym ? gql_symmap_get(&exec->schema->type_map, sym) : NULL;
    if (!string) return NULL;
    gql_type_ref *ref = gql_arena_alloc(&exec->arena, sizeof *ref);
    if (!ref) return NULL;
    *ref = (gql_type_ref){GQL_REF_NON_NULL, &string->ref, string->ref.named};
    return ref;
}

/* The plan set of what c collected. */
static gql_plan_set *make_set(collector *c) {
    gql_execution *exec = c->exec;
    gql_plan_set *set = gql_arena_zalloc(&exec->arena, sizeof *set);
    if (!set) return NULL;
    set->type = c->type;
    set->fields = c->count ? gql_arena_zalloc(&exec->arena, c->count * sizeof *set->fields)
                           : NULL;
    if (c->count && !set->fields) return NULL;
    const gql_type_ref *string_ref = NULL;
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->count; i++) {
        entry *e = &c->entries[i];
        const gql_field *first = e->nodes[0];
        const gql_sym *name = first->name->value;
        gql_plan_field *pf = &set->fields[n];
        pf->info.parent_type = c->type;
        pf->info.response_name = e->response_name;
        const gql_field **nodes = gql_arena_alloc(&exec->arena, e->count * sizeof *nodes);
        if (!nodes) return NULL;
        memcpy(nodes, e->nodes, e->count * sizeof *nodes);
        pf->info.nodes = nodes;
        pf->info.node_count = e->count;
        bool is_root_query = c->type == exec->schema->roots[GQL_QUERY];
        if (name->len > 2 && name->str[0] == '_' && name->str[1] == '_') {
            if (strcmp(name->str, "__typename") == 0) {
                if (!string_ref && !(string_ref = typename_type(exec))) return NULL;
                pf->meta = GQL_META_TYPENAME;
                pf->info.name = sym_named(exec->schema, "__typename");
                pf->info.return_type = string_ref;
            } else if (is_root_query && strcmp(name->str, "__schema") == 0) {
                pf->meta = GQL_META_SCHEMA;
            } else if (is_root_query && strcmp(name->str, "__type") == 0) {
                pf->meta = GQL_META_TYPE;
            }
            if (pf->meta != GQL_META_NONE) {
                if (!pf->info.name) pf->info.name = gql_schema_sym(exec->schema, name);
                pf->slot = n++;
                continue;
            }
        }
        const gql_sym *schema_name = gql_schema_sym(exec->schema, name);
        gql_schema_field *def = schema_name ? gql_type_field(c->type, schema_name) : NULL;
        /* graphql-core leaves a field it cannot find out of the response. */
        if (!def) continue;
        pf->info.field = def;
        pf->info.field_index = (uint32_t)(def - c->type->fields);
        pf->info.name = def->name;
        pf->info.return_type = def->type;
        pf->slot = n++;
    }
    set->count = n;
    return set;
}

static gql_plan_set *collect(gql_execution *exec, const gql_schema_type *type,
                             const gql_field *const *nodes, uint32_t node_count,
                             const gql_selection_set *root, bool *request_error) {
    collector c;
    memset(&c, 0, sizeof c);
    c.exec = exec;
    c.type = type;
    gql_plan_set *set = NULL;
    bool ok = true;
    if (root) {
        ok = push(&c, root) && walk(&c);
    } else {
        for (uint32_t i = 0; ok && i < node_count; i++)
            ok = push(&c, nodes[i]->selection_set) && walk(&c);
    }
    if (!ok && !c.request_error) c.nomem = true;
    if (ok) {
        set = make_set(&c);
        if (!set) c.nomem = true;
    }
    if (c.nomem) gql_exec_nomem(exec);
    *request_error = c.request_error;
    collector_free(&c);
    return set;
}

gql_plan_set *gql_plan_root(gql_execution *exec, bool *request_error) {
    return collect(exec, exec->root_type, NULL, 0, exec->operation->selection_set,
                   request_error);
}

gql_plan_set *gql_plan_subset(gql_execution *exec, gql_plan_field *field,
                              const gql_schema_type *type, bool *request_error) {
    *request_error = false;
    for (gql_plan_set *s = field->subsets; s; s = s->next)
        if (s->type == type) return s;
    gql_plan_set *set = collect(exec, type, field->info.nodes, field->info.node_count, NULL,
                                request_error);
    if (!set) return NULL;
    set->next = field->subsets;
    field->subsets = set;
    return set;
}
