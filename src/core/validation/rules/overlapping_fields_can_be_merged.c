/*
 * overlapping_fields_can_be_merged.c: graphql-core 3.2.14's
 * OverlappingFieldsCanBeMergedRule. Fields that share a response name in a
 * selection set (fragments and inline fragments included) must be the same
 * field with the same arguments, unless their parents are different object
 * types, and must return types of the same shape; their subselections must
 * merge in turn.
 *
 * The algorithm is graphql-core's, function for function (the names below
 * are its names), with its caches keyed the same way: the collected fields
 * and fragment names of a selection set per (selection set, parent type),
 * the response names two collections share per ordered pair, the fragments
 * already compared with a collection, the fragment pairs already compared
 * (its PairSet, order-sensitive as its dict of dicts is), and the argument
 * comparisons of two fields per ordered pair. Conflicts come out in its
 * order with its messages: names, nested reasons and the whole nested
 * message abbreviated past 1,000 characters, at most 20 field nodes per side.
 *
 * Cost. graphql-core 3.2.14 bounds this rule itself: every attempted field
 * pair costs 2 units of a budget of 500,000, every fragment pair 2, every
 * fields-against-fragment attempt 1, every response name looked up in
 * another collection 1, every compared argument 1, every step into a list
 * or non-null wrapper of two types 1; past the budget it aborts the whole
 * validation with "Validation aborted.". This file spends the same units in
 * the same order, so it aborts exactly where graphql-core does and
 * otherwise reports exactly what it reports (1,000 sibling fields of one
 * response name cost 999,000 units in graphql-core: both abort). The
 * remedies for the quadratic rule of older versions (comparing only
 * distinct sibling fields, capping the conflicts) would spend less than
 * graphql-core and so accept documents it aborts: they are not used, the
 * budget already bounds the work. All other
 * work is either done once per selection set (collecting, O(size of the
 * document) in all) or O(1) per unit spent: the argument values of a field
 * are reduced once to a canonical interned key (graphql-core's
 * stringify_value: object fields ordered by name, variables, block strings
 * and literal texts distinguished), so comparing two values is a pointer
 * comparison; the last argument of a name is found by binary search on
 * fields with many arguments; the comparison cache is only consulted
 * where graphql-core's would change what is spent (same field name, equal
 * non-zero argument counts): elsewhere recomputing is free and gives the
 * same answer. So a document costs O(its size + 500,000) steps at worst
 * (measured: under 30 ms for the worst documents tried, against 0.4 to
 * 0.8 s in graphql-core; 0.1 ms for the 1,600-line benchmark query, 15 ms
 * in graphql-core), and memory is bounded the same way. Conflict
 * messages are built only for the conflicts reported (at most max_errors
 * per document), from the tree of nested conflicts.
 *
 * Recursion. graphql-core recurses, and its validate() turns a
 * RecursionError into "Validation aborted.". Selection nesting alone cannot
 * get there (the parser and FragmentNestingVisitor stop at 200 levels, 3
 * frames each), but fragment spreads that form cycles can: comparing two
 * cycles of k fragments nests about k * k calls. So the recursive functions
 * below keep graphql-core's frame depth (each is one of its functions) and
 * how far above a frame the calls it makes reach (reach(): measured on
 * CPython 3.11, C calls that count against the recursion limit included),
 * and abort the validation where Python's default limit of 1,000 would
 * raise. This agrees with graphql-core called from a shallow stack (a
 * function called at module level) on every boundary document tried
 * (cycles of fragments with and without fields, under nested fields); a
 * deeper caller moves graphql-core's limit by its own frames, and argument
 * values compared at the deepest point are modelled more coarsely. It also
 * bounds the C stack: under 1,000 small frames, whatever max_depth the
 * parser allowed.
 */
#include <stdlib.h>
#include <string.h>

#include "language/lexer.h"
#include "mem.h"
#include "strbuf.h"
#include "validation/rules/overlapping_fields.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

#define MAX_COMPLEXITY_BUDGET 500000   /* graphql-core's MAX_COMPLEXITY_BUDGET */
#define MAX_CONFLICT_DETAIL_LENGTH 1000 /* graphql-core's maybe_abbreviate */
#define MAX_CONFLICT_NODES 20           /* field nodes per side of a conflict */

/* The modelled Python stack (measured on CPython 3.11): the module and a
 * caller, then validate, visit, two enters and the rule's
 * enter_selection_set put find_conflicts_within_selection_set at depth 8;
 * each recursive function below is one frame more, and the calls a frame
 * makes reach a few frames above it (reach()). With its default recursion
 * limit of 1,000, Python raises RecursionError past depth 998 so counted. */
#define PY_BASE_DEPTH 8
#define PY_PEAK_LIMIT 998

static _Thread_local gql_overlap_stats last_stats;

gql_overlap_stats gql_overlapping_fields_last_stats(void) { return last_stats; }

/*=== MARK: Pair maps =======================================================*/

/* An open-addressing map from ordered pairs of pointers (a never 0) to a
 * non-zero word. */
typedef struct pair_slot {
    uintptr_t a, b;   /* the key; a == 0: empty */
    uintptr_t value;  /* what the pair maps to */
} pair_slot;

typedef struct pair_map {
    pair_slot *slots;  /* malloc'd */
    uint32_t mask;     /* capacity - 1 */
    uint32_t count;    /* keys held */
} pair_map;

static uint32_t pair_hash(uintptr_t a, uintptr_t b) {
    uint64_t x = (uint64_t)a * 0x9E3779B97F4A7C15ULL;
    x ^= (uint64_t)b + 0x632BE59BD9B4E019ULL + (x << 6) + (x >> 2);
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 29;
    return (uint32_t)x;
}

/* The value of (a, b), or 0. */
static uintptr_t pair_get(const pair_map *m, const void *a, const void *b) {
    if (!m->slots) return 0;
    uintptr_t ka = (uintptr_t)a, kb = (uintptr_t)b;
    for (uint32_t i = pair_hash(ka, kb) & m->mask;; i = (i + 1) & m->mask) {
        const pair_slot *s = &m->slots[i];
        if (!s->a) return 0;
        if (s->a == ka && s->b == kb) return s->value;
    }
}

/* Set (a, b) to value. False when out of memory. */
static bool pair_put(pair_map *m, const void *a, const void *b, uintptr_t value) {
    if (!m->slots || (m->count + 1) * 2 > m->mask + 1) {
        uint32_t cap = m->slots ? (m->mask + 1) * 2 : 64;
        if (cap == 0) return false;
        pair_slot *slots = gql_calloc(cap, sizeof *slots);
        if (!slots) return false;
        for (uint32_t i = 0; m->slots && i <= m->mask; i++) {
            if (!m->slots[i].a) continue;
            uint32_t j = pair_hash(m->slots[i].a, m->slots[i].b) & (cap - 1);
            while (slots[j].a) j = (j + 1) & (cap - 1);
            slots[j] = m->slots[i];
        }
        gql_free(m->slots);
        m->slots = slots;
        m->mask = cap - 1;
    }
    uintptr_t ka = (uintptr_t)a, kb = (uintptr_t)b;
    uint32_t i = pair_hash(ka, kb) & m->mask;
    while (m->slots[i].a && !(m->slots[i].a == ka && m->slots[i].b == kb))
        i = (i + 1) & m->mask;
    if (!m->slots[i].a) m->count++;
    m->slots[i] = (pair_slot){ka, kb, value};
    return true;
}

static void pair_free(pair_map *m) {
    gql_free(m->slots);
    memset(m, 0, sizeof *m);
}

/* An open-addressing map from ordered pairs of 32-bit ids (never 0) to a
 * non-zero word: the caches that grow with the work done, kept compact. */
typedef struct id_slot {
    uint64_t key;    /* id1 << 32 | id2; 0: empty */
    uintptr_t value; /* what the pair maps to */
} id_slot;

typedef struct id_map {
    id_slot *slots;  /* malloc'd */
    uint32_t mask;   /* capacity - 1 */
    uint32_t count;  /* keys held */
} id_map;

/* splitmix64's finalizer: every bit of both ids moves the slot. */
static uint32_t id_hash(uint64_t key) {
    key ^= key >> 30;
    key *= 0xBF58476D1CE4E5B9ULL;
    key ^= key >> 27;
    key *= 0x94D049BB133111EBULL;
    key ^= key >> 31;
    return (uint32_t)key;
}

static uint64_t id_key(uint32_t a, uint32_t b) { return (uint64_t)a << 32 | b; }

/* The value of (a, b), or 0. */
static uintptr_t id_get(const id_map *m, uint32_t a, uint32_t b) {
    if (!m->slots) return 0;
    uint64_t key = id_key(a, b);
    for (uint32_t i = id_hash(key) & m->mask;; i = (i + 1) & m->mask) {
        if (m->slots[i].key == key) return m->slots[i].value;
        if (!m->slots[i].key) return 0;
    }
}

/* Set (a, b) to value. False when out of memory. */
static bool id_put(id_map *m, uint32_t a, uint32_t b, uintptr_t value) {
    if (!m->slots || (m->count + 1) * 2 > m->mask + 1) {
        uint32_t cap = m->slots ? (m->mask + 1) * 2 : 64;
        if (cap == 0) return false;
        id_slot *slots = gql_calloc(cap, sizeof *slots);
        if (!slots) return false;
        for (uint32_t i = 0; m->slots && i <= m->mask; i++) {
            if (!m->slots[i].key) continue;
            uint32_t j = id_hash(m->slots[i].key) & (cap - 1);
            while (slots[j].key) j = (j + 1) & (cap - 1);
            slots[j] = m->slots[i];
        }
        gql_free(m->slots);
        m->slots = slots;
        m->mask = cap - 1;
    }
    uint64_t key = id_key(a, b);
    uint32_t i = id_hash(key) & m->mask;
    while (m->slots[i].key && m->slots[i].key != key) i = (i + 1) & m->mask;
    if (!m->slots[i].key) m->count++;
    m->slots[i] = (id_slot){key, value};
    return true;
}

/* A set of names that empties in O(1) (collect fills one per selection
 * set): an entry counts only while its stamp is the table's. */
typedef struct seen_slot {
    const gql_sym *name;  /* the name */
    uint32_t stamp;       /* the table's stamp when it was put */
    uint32_t value;       /* what it maps to (non-zero) */
} seen_slot;

typedef struct seen_table {
    seen_slot *slots;  /* malloc'd */
    uint32_t mask;     /* capacity - 1 */
    uint32_t count;    /* entries with the current stamp */
    uint32_t stamp;    /* the current stamp (never 0 once reset) */
} seen_table;

static void seen_reset(seen_table *t) {
    t->count = 0;
    if (++t->stamp) return;
    if (t->slots) memset(t->slots, 0, ((size_t)t->mask + 1) * sizeof *t->slots);
    t->stamp = 1;
}

/* The value of name (a name of the document), or 0. */
static uint32_t seen_get(const seen_table *t, const gql_sym *name) {
    if (!t->slots) return 0;
    for (uint32_t i = name->hash & t->mask;; i = (i + 1) & t->mask) {
        if (t->slots[i].stamp != t->stamp) return 0;
        if (t->slots[i].name == name) return t->slots[i].value;
    }
}

/* Add name (not in the table) with value. False when out of memory. */
static bool seen_put(seen_table *t, const gql_sym *name, uint32_t value) {
    if (!t->slots || (t->count + 1) * 2 > t->mask + 1) {
        uint32_t cap = t->slots ? (t->mask + 1) * 2 : 64;
        if (cap == 0) return false;
        seen_slot *slots = gql_calloc(cap, sizeof *slots);
        if (!slots) return false;
        for (uint32_t i = 0; t->slots && i <= t->mask; i++) {
            if (t->slots[i].stamp != t->stamp) continue;
            uint32_t j = t->slots[i].name->hash & (cap - 1);
            while (slots[j].stamp == t->stamp) j = (j + 1) & (cap - 1);
            slots[j] = t->slots[i];
        }
        gql_free(t->slots);
        t->slots = slots;
        t->mask = cap - 1;
    }
    uint32_t i = name->hash & t->mask;
    while (t->slots[i].stamp == t->stamp) i = (i + 1) & t->mask;
    t->slots[i] = (seen_slot){name, t->stamp, value};
    t->count++;
    return true;
}

/* A growable array of elements of one size (malloc'd). */
typedef struct vec {
    void *items;   /* the elements */
    uint32_t count; /* elements held */
    uint32_t cap;   /* capacity */
} vec;

static void *vec_push(vec *v, size_t size) {
    if (v->count == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 16;
        if (cap < v->cap) return NULL;
        void *p = gql_realloc(v->items, (size_t)cap * size);
        if (!p) return NULL;
        v->items = p;
        v->cap = cap;
    }
    return (char *)v->items + (size_t)v->count++ * size;
}

/*=== MARK: Collected fields ================================================*/

/* graphql-core's FieldDetails with its FieldInfo: a field node as collected
 * under a parent type, and what comparing it needs. */
typedef struct details {
    const gql_schema_type *parent_type;  /* the type it was collected under */
    const gql_field *node;               /* the field */
    const gql_schema_field *def;         /* parent_type's field of that name
                                            (object or interface), or NULL */
    const gql_sym **canon;               /* per argument: its value's canonical
                                            key; NULL until compared */
    struct named_argument *by_name;      /* arguments sorted by (name, position),
                                            for fields with many; else NULL */
    uint32_t id;                         /* 1, 2, ...: a key of the caches */
    bool simple_leaf;                    /* no arguments, no selection set */
    bool has_info;                       /* graphql-core made its FieldInfo */
    bool has_type_string;                /* ... and its type_string */
} details;

/* The fields of one response name, in document order. */
typedef struct group {
    const gql_sym *response_name;  /* alias, or field name */
    details *fields;               /* the fields */
    uint32_t count;                /* their number */
} group;

struct fragment_info;

/* graphql-core's CollectFieldsResult: a selection set's fields by response
 * name (inline fragments flattened) and the fragments it spreads. */
typedef struct result {
    group *groups;                      /* by first appearance of the name */
    uint32_t ngroups;                   /* their number */
    uint32_t id;                        /* 1, 2, ...: a key of the caches */
    uint32_t *index;                    /* more than a few groups: a hash index
                                           of their names (group + 1; 0 empty) */
    uint32_t index_mask;                /* its capacity - 1 */
    struct fragment_info **fragments;   /* spread names, once each, in order */
    uint32_t nfragments;                /* their number */
} result;

/* A fragment name as spread in the document. */
typedef struct fragment_info {
    const gql_sym *name;                 /* the name */
    uint32_t id;                         /* 1, 2, ...: a key of the caches */
    const gql_fragment_definition *def;  /* get_fragment(name), or NULL */
    result *fields;                      /* collect_fragment_fields, once done */
} fragment_info;

/* Response names two collections share (get_overlapping_fields). */
typedef struct overlap {
    const group *g1, *g2;  /* the fields of that name on each side */
} overlap;

typedef struct overlap_list {
    const overlap *items;  /* in the order of the first collection */
    uint32_t count;        /* their number */
} overlap_list;

/*=== MARK: Conflicts =======================================================*/

typedef enum reason_kind {
    SAME = 0,            /* the names and arguments match */
    DIFFERENT_FIELDS,    /* "'a' and 'b' are different fields" */
    DIFFERING_ARGUMENTS, /* "they have differing arguments" */
    CONFLICTING_TYPES,   /* "they return conflicting types 'A' and 'B'" */
    SUBFIELDS            /* "subfields 'x' conflict because ..." (children) */
} reason_kind;

/* graphql-core's Conflict. Its reason is rendered from this when reported. */
typedef struct conflict {
    const gql_sym *response_name;     /* the response name */
    const details *d1, *d2;           /* the two fields (node, definition) */
    const struct conflict *children;  /* SUBFIELDS: the subfield conflicts */
    const gql_field *const *nodes;    /* SUBFIELDS: n1 nodes of side 1, then n2 */
    uint32_t nchildren;               /* number of children */
    uint8_t kind;                     /* reason_kind */
    uint8_t n1, n2;                   /* SUBFIELDS: nodes per side */
} conflict;

/*=== MARK: State ===========================================================*/

typedef struct state {
    gql_validation_context *ctx;  /* the validation */
    gql_arena arena;         /* results, field details, overlaps, keys */
    gql_arena scratch;       /* conflicts of the selection set being checked */
    gql_intern_table canon;  /* canonical argument value keys */
    pair_map collected;      /* (selection set, parent type) -> result */
    pair_map fragments;      /* (fragment name, 1) -> fragment_info: by name */
    id_map compared;         /* (result, fragment) -> 1 exclusive, 2 not */
    id_map pairs;            /* (fragment, fragment) -> 1 exclusive, 2 not */
    id_map reasons;          /* (details, details) -> reason_kind + 1 */
    id_map overlaps;         /* (result, result) -> overlap_list */
    seen_table groups_seen;  /* collect: response name -> group + 1 */
    seen_table spreads_seen; /* collect: fragment names listed */
    vec stack;               /* conflict: found, innermost last */
    vec walk;                /* collect: selection sets being walked */
    vec pending;             /* collect: fields with their group */
    vec names_found;         /* collect: response names, by group */
    vec spreads_found;       /* collect: fragments spread */
    vec found;               /* get_overlapping_fields: overlaps */
    vec frames;              /* canonical keys: values being reduced */
    vec keys;                /* canonical keys: children reduced */
    vec bytes;               /* canonical keys: the key being built */
    uint32_t results;        /* results made (their last id) */
    uint32_t fields;         /* field details made (their last id) */
    uint32_t fragment_count; /* fragment names met (their last id) */
    long long remaining;     /* complexity budget left */
    uint32_t depth;          /* modelled Python frame depth */
    gql_overlap_stats stats; /* the test hook's counts */
} state;

static bool fail_nomem(state *s) {
    s->ctx->nomem = true;
    return false;
}

/* fail_nomem for the functions that answer -1 when stopped. */
static int stopped_nomem(state *s) {
    fail_nomem(s);
    return -1;
}

/* graphql-core's spend_complexity_budget. */
static bool spend(state *s, long long cost) {
    s->stats.budget_spent += (uint64_t)cost;
    s->remaining -= cost;
    if (s->remaining >= 0) return true;
    gql_validation_abort(s->ctx, "Validation aborted.");
    return false;
}

/* The frame being modelled calls functions that nest `above` frames over
 * it: false (the validation aborted) where Python would raise
 * RecursionError. */
static bool reach(state *s, uint32_t above) {
    uint32_t peak = s->depth + above;
    if (peak > s->stats.max_depth) s->stats.max_depth = peak;
    if (peak <= PY_PEAK_LIMIT) return true;
    gql_validation_abort(s->ctx, "Validation aborted.");
    return false;
}

/* Enter a modelled frame whose first calls reach `above` frames over it. */
static bool enter_frame(state *s, uint32_t above) {
    s->depth++;
    return reach(s, above);
}

static bool leave_frame(state *s, bool ok) {
    s->depth--;
    return ok;
}

static bool is_object(const gql_schema_type *t) { return t && t->kind == GQL_TYPE_OBJECT; }

/*=== MARK: Collecting fields ===============================================*/

/* The fragment_info of a spread name (made on first use). NULL when out of
 * memory (recorded). */
static fragment_info *fragment_named(state *s, const gql_sym *name) {
    fragment_info *info = (fragment_info *)pair_get(&s->fragments, name, (void *)1);
    if (info) return info;
    info = gql_arena_zalloc(&s->arena, sizeof *info);
    if (!info || !pair_put(&s->fragments, name, (void *)1, (uintptr_t)info)) {
        fail_nomem(s);
        return NULL;
    }
    info->name = name;
    info->id = ++s->fragment_count;
    info->def = gql_validation_fragment(s->ctx, name);
    return info;
}

typedef struct walk_frame {
    const gql_selection_set *set;       /* the selection set */
    const gql_schema_type *parent_type; /* its type */
    uint32_t next;                      /* next selection to look at */
} walk_frame;

typedef struct pending_field {
    uint32_t group;  /* index of its response name */
    details d;       /* the field */
} pending_field;

#define LINEAR_GROUPS 8

/* The group of r named name (an interned name of the document), or NULL. */
static const group *group_named(const result *r, const gql_sym *name) {
    if (!r->index) {
        for (uint32_t i = 0; i < r->ngroups; i++)
            if (r->groups[i].response_name == name) return &r->groups[i];
        return NULL;
    }
    for (uint32_t i = name->hash & r->index_mask;; i = (i + 1) & r->index_mask) {
        uint32_t g = r->index[i];
        if (!g) return NULL;
        if (r->groups[g - 1].response_name == name) return &r->groups[g - 1];
    }
}

/* Lay out the fields found by collect_impl group by group, in document
 * order within each, with an index of the names when there are many. */
static bool lay_out(state *s, result *r) {
    uint32_t ngroups = s->names_found.count, nfields = s->pending.count;
    r->ngroups = ngroups;
    if (!ngroups) return true;
    r->groups = gql_arena_zalloc(&s->arena, ngroups * sizeof *r->groups);
    details *all = gql_arena_alloc(&s->arena, nfields * sizeof *all);
    if (!r->groups || !all) return false;
    const gql_sym **names = s->names_found.items;
    const pending_field *p = s->pending.items;
    for (uint32_t i = 0; i < nfields; i++) r->groups[p[i].group].count++;
    uint32_t at = 0;
    for (uint32_t g = 0; g < ngroups; g++) {
        r->groups[g].response_name = names[g];
        r->groups[g].fields = all + at;
        at += r->groups[g].count;
        r->groups[g].count = 0;
    }
    for (uint32_t i = 0; i < nfields; i++) {
        group *g = &r->groups[p[i].group];
        details *d = &g->fields[g->count++];
        *d = p[i].d;
        d->id = ++s->fields;
    }
    if (ngroups <= LINEAR_GROUPS) return true;
    uint32_t cap = 16;
    while (cap < 2 * ngroups) cap *= 2;
    r->index = gql_arena_zalloc(&s->arena, cap * sizeof *r->index);
    if (!r->index) return false;
    r->index_mask = cap - 1;
    for (uint32_t g = 0; g < ngroups; g++) {
        uint32_t i = names[g]->hash & r->index_mask;
        while (r->index[i]) i = (i + 1) & r->index_mask;
        r->index[i] = g + 1;
    }
    return true;
}

/* collect_fields_impl without recursion: inline fragments are walked in
 * place with their own type (their type condition's, or the parent's).
 * *peak: how many frames above its caller graphql-core's collect_fields
 * reaches for it (collect_fields_impl recurses into inline fragments). */
static bool collect_impl(state *s, result *r, const gql_schema_type *parent_type,
                         const gql_selection_set *set, uint32_t *peak) {
    const gql_schema *schema = s->ctx->schema;
    s->walk.count = s->pending.count = s->names_found.count = s->spreads_found.count = 0;
    seen_reset(&s->groups_seen);
    seen_reset(&s->spreads_seen);
    walk_frame *w = vec_push(&s->walk, sizeof *w);
    if (!w) return false;
    *w = (walk_frame){set, parent_type, 0};
    *peak = 2;
    while (s->walk.count) {
        uint32_t nesting = s->walk.count - 1;
        walk_frame *f = (walk_frame *)s->walk.items + nesting;
        if (f->next == f->set->selections.count) {
            s->walk.count--;
            continue;
        }
        const gql_node *sel = f->set->selections.items[f->next++];
        const gql_schema_type *type = f->parent_type;
        if (sel->kind == GQL_FIELD) {
            if (*peak < 3 + nesting) *peak = 3 + nesting; /* FieldDetails() */
            const gql_field *field = (const gql_field *)sel;
            const gql_sym *name = field->name->value;
            const gql_schema_field *def = NULL;
            if (type && (type->kind == GQL_TYPE_OBJECT || type->kind == GQL_TYPE_INTERFACE)) {
                const gql_sym *sym = gql_schema_sym(schema, name);
                def = sym ? gql_type_field(type, sym) : NULL;
            }
            const gql_sym *response = field->alias ? field->alias->value : name;
            uint32_t g = seen_get(&s->groups_seen, response);
            if (!g) {
                const gql_sym **slot = vec_push(&s->names_found, sizeof *slot);
                if (!slot) return false;
                *slot = response;
                g = s->names_found.count;
                if (!seen_put(&s->groups_seen, response, g)) return false;
            }
            pending_field *p = vec_push(&s->pending, sizeof *p);
            if (!p) return false;
            *p = (pending_field){g - 1,
                                 {type, field, def, NULL, NULL, 0,
                                  !field->arguments.count && !field->selection_set, false,
                                  false}};
        } else if (sel->kind == GQL_FRAGMENT_SPREAD) {
            const gql_sym *name = ((const gql_fragment_spread *)sel)->name->value;
            if (seen_get(&s->spreads_seen, name)) continue;
            fragment_info *info = fragment_named(s, name);
            fragment_info **slot = info ? vec_push(&s->spreads_found, sizeof *slot) : NULL;
            if (!slot || !seen_put(&s->spreads_seen, name, 1)) return false;
            *slot = info;
        } else if (sel->kind == GQL_INLINE_FRAGMENT) {
            const gql_inline_fragment *inl = (const gql_inline_fragment *)sel;
            if (inl->type_condition) {
                type = gql_schema_lookup_type(schema, inl->type_condition->name->value);
                if (*peak < 4 + nesting) *peak = 4 + nesting; /* type_from_ast */
            }
            walk_frame *inner = vec_push(&s->walk, sizeof *inner);
            if (!inner) return false;
            *inner = (walk_frame){inl->selection_set, type, 0};
        }
    }
    if (!lay_out(s, r)) return false;
    r->nfragments = s->spreads_found.count;
    if (r->nfragments) {
        r->fragments = gql_arena_alloc(&s->arena, r->nfragments * sizeof *r->fragments);
        if (!r->fragments) return false;
        memcpy(r->fragments, s->spreads_found.items, r->nfragments * sizeof *r->fragments);
    }
    return true;
}

/* graphql-core's collect_fields, called `above` frames over the modelled
 * frame: cached per (selection set, parent type). NULL when out of memory
 * (recorded) or aborted. */
static result *collect(state *s, const gql_schema_type *parent_type,
                       const gql_selection_set *set, uint32_t above) {
    result *r = (result *)pair_get(&s->collected, set, parent_type);
    if (r) return reach(s, above + 1) ? r : NULL;
    s->stats.collections++;
    uint32_t peak;
    r = gql_arena_zalloc(&s->arena, sizeof *r);
    if (!r || !collect_impl(s, r, parent_type, set, &peak) ||
        !pair_put(&s->collected, set, parent_type, (uintptr_t)r)) {
        fail_nomem(s);
        return NULL;
    }
    r->id = ++s->results;
    return reach(s, above + peak) ? r : NULL;
}

/* graphql-core's collect_fragment_fields (remembered per fragment): its
 * type_from_ast reaches 3 frames up. */
static result *collect_fragment(state *s, fragment_info *info) {
    if (!reach(s, 3)) return NULL;
    if (info->fields) return info->fields;
    const gql_schema_type *type =
        gql_schema_lookup_type(s->ctx->schema, info->def->type_condition->name->value);
    return info->fields = collect(s, type, info->def->selection_set, 1);
}

/* graphql-core's get_overlapping_fields: cached per ordered pair; a miss
 * spends one unit per response name of the first. NULL when stopped. */
static const overlap_list *overlapping(state *s, const result *r1, const result *r2) {
    const overlap_list *cached = (const overlap_list *)id_get(&s->overlaps, r1->id, r2->id);
    if (cached) return reach(s, 1) ? cached : NULL;
    if (!reach(s, 2)) return NULL;
    s->found.count = 0;
    for (uint32_t i = 0; i < r1->ngroups; i++) {
        if (!spend(s, 1)) return NULL;
        const group *g2 = group_named(r2, r1->groups[i].response_name);
        if (!g2) continue;
        overlap *o = vec_push(&s->found, sizeof *o);
        if (!o) goto nomem;
        *o = (overlap){&r1->groups[i], g2};
    }
    overlap_list *list = gql_arena_alloc(&s->arena, sizeof *list);
    if (!list) goto nomem;
    list->count = s->found.count;
    list->items = NULL;
    if (list->count) {
        overlap *items = gql_arena_alloc(&s->arena, list->count * sizeof *items);
        if (!items) goto nomem;
        memcpy(items, s->found.items, list->count * sizeof *items);
        list->items = items;
    }
    if (!id_put(&s->overlaps, r1->id, r2->id, (uintptr_t)list)) goto nomem;
    return list;
nomem:
    fail_nomem(s);
    return NULL;
}

/*=== MARK: Comparing arguments =============================================*/

/*
 * Canonical keys. graphql-core compares argument values by
 * json.dumps(get_value_structure(value)): kind and text of a literal, the
 * block flag of a string, a variable's name, list items in order, object
 * fields sorted by name (stably). Here a value is encoded so that two
 * values get equal bytes exactly when those dumps are equal, and the bytes
 * are interned: equal keys are one pointer. The encoding is
 * self-delimiting:
 *
 *   literal   kind, flag (block string, true), 4-byte length, text
 *   list      kind, then each item
 *   object    kind, then per field in (name, position) order: the name
 *             (an interned pointer: one per spelling in a document), value
 *   item or field value: a literal inline, or 0xFF and the pointer to the
 *             interned key of a list or object
 */

/* A reduced child of a list or object value. */
typedef struct child_key {
    uintptr_t name;         /* object field: its name; list item: 0 */
    uint32_t position;      /* its position, for a stable order */
    uint32_t levels;        /* nested JSON lists of its structure */
    const gql_node *literal; /* a literal child, encoded inline */
    const gql_sym *key;     /* or the interned key of a list or object */
} child_key;

/* A list or object value being reduced. */
typedef struct canon_frame {
    const gql_node *node;  /* the value */
    uint32_t next;         /* next child to reduce */
    uint32_t base;         /* where its children start in s->keys */
    uint32_t deepest;      /* most nested JSON lists of a child's structure */
} canon_frame;

#define COMPOSITE_TAG 0xFF

static int compare_child_keys(const void *pa, const void *pb) {
    const child_key *a = pa, *b = pb;
    if (a->name != b->name) return a->name < b->name ? -1 : 1;
    return a->position < b->position ? -1 : a->position > b->position;
}

static bool put_bytes(state *s, const void *p, size_t n) {
    vec *v = &s->bytes;
    if (n > UINT32_MAX - v->count) return false;
    if (v->count + n > v->cap) {
        size_t cap = v->cap ? v->cap : 64;
        while (cap < v->count + n) cap *= 2;
        if (cap > UINT32_MAX) return false;
        void *grown = gql_realloc(v->items, cap);
        if (!grown) return false;
        v->items = grown;
        v->cap = (uint32_t)cap;
    }
    memcpy((char *)v->items + v->count, p, n);
    v->count += (uint32_t)n;
    return true;
}

static const gql_sym *intern_bytes(state *s) {
    return gql_intern(&s->canon, &s->arena, s->bytes.items ? s->bytes.items : "",
                      s->bytes.count);
}

/* Append the encoding of a literal (a value without children). */
static bool put_literal(state *s, const gql_node *v) {
    unsigned char head[2] = {(unsigned char)v->kind, 0};
    const char *text = NULL;
    size_t len = 0;
    switch ((gql_kind)v->kind) {
    case GQL_VARIABLE: {
        const gql_sym *name = ((const gql_variable *)v)->name->value;
        text = name->str;
        len = name->len;
        break;
    }
    case GQL_STRING_VALUE:
        head[1] = (v->flags & GQL_FLAG_BLOCK) != 0;
        text = ((const gql_string_value *)v)->value.ptr;
        len = ((const gql_string_value *)v)->value.len;
        break;
    case GQL_BOOLEAN_VALUE:
        head[1] = (v->flags & GQL_FLAG_TRUE) != 0;
        break;
    case GQL_INT_VALUE:
    case GQL_FLOAT_VALUE:
    case GQL_ENUM_VALUE:
        text = ((const gql_scalar_value *)v)->value.ptr;
        len = ((const gql_scalar_value *)v)->value.len;
        break;
    default:
        break;
    }
    if (len > UINT32_MAX) return false;
    uint32_t n = (uint32_t)len;
    return put_bytes(s, head, 2) && put_bytes(s, &n, sizeof n) && (!len || put_bytes(s, text, len));
}

static bool has_children(const gql_node *v) {
    return v->kind == GQL_LIST_VALUE || v->kind == GQL_OBJECT_VALUE;
}

static const gql_list *children_of(const gql_node *v) {
    return v->kind == GQL_LIST_VALUE ? &((const gql_list_value *)v)->values
                                     : &((const gql_object_value *)v)->fields;
}

/* The interned key of a list or object whose children are reduced in
 * keys[0, n). NULL when out of memory. */
static const gql_sym *composite_key(state *s, const gql_node *v, child_key *keys, uint32_t n) {
    s->bytes.count = 0;
    unsigned char head = (unsigned char)v->kind, tag = COMPOSITE_TAG;
    if (!put_bytes(s, &head, 1)) return NULL;
    if (v->kind == GQL_OBJECT_VALUE && n > 1) qsort(keys, n, sizeof *keys, compare_child_keys);
    for (uint32_t i = 0; i < n; i++) {
        if (v->kind == GQL_OBJECT_VALUE && !put_bytes(s, &keys[i].name, sizeof keys[i].name))
            return NULL;
        bool ok = keys[i].literal ? put_literal(s, keys[i].literal)
                                  : put_bytes(s, &tag, 1) &&
                                        put_bytes(s, &keys[i].key, sizeof keys[i].key);
        if (!ok) return NULL;
    }
    return intern_bytes(s);
}

/* graphql-core's stringify_value as an interned key (see above), and in
 * *levels how deep json.dumps nests lists for it (get_value_structure
 * makes [kind, value] of a literal, [kind, [items]] of a list and
 * [kind, [[name, value], ...]] of an object). Without recursion: values
 * nest as deep as the parser allows. NULL when out of memory. */
static const gql_sym *canonical_key(state *s, const gql_node *value, uint32_t *levels) {
    *levels = 1;
    if (!has_children(value)) {
        s->bytes.count = 0;
        return put_literal(s, value) ? intern_bytes(s) : NULL;
    }
    s->frames.count = s->keys.count = 0;
    canon_frame *f = vec_push(&s->frames, sizeof *f);
    if (!f) return NULL;
    *f = (canon_frame){value, 0, 0, 0};
    for (;;) {
        f = (canon_frame *)s->frames.items + s->frames.count - 1;
        const gql_list *children = children_of(f->node);
        if (f->next < children->count) {
            uint32_t position = f->next++;
            const gql_node *child = children->items[position];
            uintptr_t name = 0;
            if (f->node->kind == GQL_OBJECT_VALUE) {
                name = (uintptr_t)((const gql_object_field *)child)->name->value;
                child = ((const gql_object_field *)child)->value;
            }
            child_key *k = vec_push(&s->keys, sizeof *k);
            if (!k) return NULL;
            *k = (child_key){name, position, 1, has_children(child) ? NULL : child, NULL};
            if (has_children(child)) {
                canon_frame *inner = vec_push(&s->frames, sizeof *inner);
                if (!inner) return NULL;
                *inner = (canon_frame){child, 0, s->keys.count, 0};
            } else if (f->deepest < 1) {
                f->deepest = 1;
            }
            continue;
        }
        /* All children reduced: the key of this value goes to the child
         * entry its parent made for it. */
        /* No key pushed yet (an empty object first): no array to offset. */
        child_key *keys = s->keys.items ? (child_key *)s->keys.items + f->base : NULL;
        const gql_sym *key = composite_key(s, f->node, keys, children->count);
        if (!key) return NULL;
        uint32_t own = !children->count ? 2 : f->node->kind == GQL_LIST_VALUE ? 2 + f->deepest
                                                                           : 3 + f->deepest;
        s->keys.count = f->base;
        if (--s->frames.count == 0) {
            *levels = own;
            return key;
        }
        child_key *entry = (child_key *)s->keys.items + f->base - 1;
        entry->key = key;
        entry->levels = own;
        canon_frame *parent = (canon_frame *)s->frames.items + s->frames.count - 1;
        if (parent->deepest < own) parent->deepest = own;
    }
}

/* The key of the i-th argument of d (computed once). NULL when out of
 * memory or aborted (graphql-core's json.dumps nests 4 frames over
 * find_conflict, then a level per nested list). */
static const gql_sym *argument_key(state *s, details *d, uint32_t i) {
    if (!d->canon) {
        d->canon = gql_arena_zalloc(&s->arena, d->node->arguments.count * sizeof *d->canon);
        if (!d->canon) return NULL;
    }
    if (!d->canon[i]) {
        uint32_t levels;
        d->canon[i] = canonical_key(
            s, ((const gql_argument *)d->node->arguments.items[i])->value, &levels);
        if (d->canon[i] && !reach(s, 5 + levels)) return NULL;
    }
    return d->canon[i];
}

#define LINEAR_ARGUMENTS 8

static const gql_sym *argument_name(const details *d, uint32_t i) {
    return ((const gql_argument *)d->node->arguments.items[i])->name->value;
}

/* An argument in a field's by_name index. */
typedef struct named_argument {
    uintptr_t name;     /* its name (interned: one pointer per spelling) */
    uint32_t position;  /* its position among the field's arguments */
} named_argument;

static int compare_named_arguments(const void *pa, const void *pb) {
    const named_argument *a = pa, *b = pb;
    if (a->name != b->name) return a->name < b->name ? -1 : 1;
    return a->position < b->position ? -1 : a->position > b->position;
}

/* Position of the last argument of d named name (graphql-core's dict of
 * values by name keeps the last), or UINT32_MAX. *nomem on failure. */
static uint32_t last_argument(state *s, details *d, const gql_sym *name, bool *nomem) {
    uint32_t n = d->node->arguments.count;
    if (n <= LINEAR_ARGUMENTS) {
        for (uint32_t i = n; i-- > 0;)
            if (argument_name(d, i) == name) return i;
        return UINT32_MAX;
    }
    if (!d->by_name) {
        named_argument *index = gql_arena_alloc(&s->arena, n * sizeof *index);
        if (!index) {
            *nomem = true;
            return UINT32_MAX;
        }
        for (uint32_t i = 0; i < n; i++)
            index[i] = (named_argument){(uintptr_t)argument_name(d, i), i};
        qsort(index, n, sizeof *index, compare_named_arguments);
        d->by_name = index;
    }
    /* Upper bound of name, then step back one. */
    uint32_t lo = 0, hi = n;
    uintptr_t key = (uintptr_t)name;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->by_name[mid].name <= key) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0 || d->by_name[lo - 1].name != key) return UINT32_MAX;
    return d->by_name[lo - 1].position;
}

/* graphql-core's same_arguments for two fields with the same positive
 * number of arguments: SAME or DIFFERING_ARGUMENTS, -1 when stopped. */
static int same_arguments(state *s, details *d1, details *d2) {
    uint32_t n = d1->node->arguments.count;
    for (uint32_t i = 0; i < n; i++) {
        if (!reach(s, 2) || !spend(s, 1)) return -1;
        bool nomem = false;
        uint32_t j = last_argument(s, d2, argument_name(d1, i), &nomem);
        if (nomem) return stopped_nomem(s);
        if (j == UINT32_MAX) return DIFFERING_ARGUMENTS;
        const gql_sym *k1 = argument_key(s, d1, i);
        const gql_sym *k2 = k1 ? argument_key(s, d2, j) : NULL;
        if (!k2) return s->ctx->aborted ? -1 : stopped_nomem(s);
        if (k1 != k2) return DIFFERING_ARGUMENTS;
    }
    return SAME;
}

/* The reason graphql-core's find_conflict computes (and caches in
 * FieldInfo.comparisons) for two fields that may both apply: -1 when
 * stopped. Only a comparison that spends budget is looked up and cached:
 * for the others the cache changes nothing graphql-core reports or spends. */
static int compare_fields(state *s, details *d1, details *d2) {
    if (d1->node->name->value != d2->node->name->value) return DIFFERENT_FIELDS;
    uint32_t n1 = d1->node->arguments.count, n2 = d2->node->arguments.count;
    if (!n1) return n2 ? DIFFERING_ARGUMENTS : SAME;
    if (!n2 || n1 != n2) return DIFFERING_ARGUMENTS;
    uintptr_t cached = id_get(&s->reasons, d1->id, d2->id);
    if (cached) return (int)cached - 1;
    int reason = same_arguments(s, d1, d2);
    if (reason < 0) return -1;
    if (!id_put(&s->reasons, d1->id, d2->id, (uintptr_t)reason + 1)) return stopped_nomem(s);
    return reason;
}

/* graphql-core's do_types_conflict, without recursion: 1 when they
 * conflict, 0 when not, -1 when stopped. Types compare by identity as in
 * graphql-core: a named type is one object, a field's list and non-null
 * wrappers are its own. */
static int types_conflict(state *s, const gql_type_ref *t1, const gql_type_ref *t2) {
    for (uint32_t level = 0;; level++) {
        if (t1 == t2) return 0;
        if (!reach(s, 3 + level) || !spend(s, 1)) return -1;
        if (t1->wrap == GQL_REF_LIST) {
            if (t2->wrap != GQL_REF_LIST) return 1;
        } else if (t2->wrap == GQL_REF_LIST) {
            return 1;
        } else if (t1->wrap == GQL_REF_NON_NULL) {
            if (t2->wrap != GQL_REF_NON_NULL) return 1;
        } else if (t2->wrap == GQL_REF_NON_NULL) {
            return 1;
        } else {
            return gql_type_is_leaf(t1->named) || gql_type_is_leaf(t2->named) ? 1 : 0;
        }
        t1 = t1->of_type;
        t2 = t2->of_type;
    }
}

/*=== MARK: Finding conflicts ===============================================*/

static bool find_conflict(state *s, bool parents_exclusive, const gql_sym *response_name,
                          details *d1, details *d2);

static bool push_conflict(state *s, conflict c) {
    conflict *slot = vec_push(&s->stack, sizeof *slot);
    if (!slot) return fail_nomem(s);
    *slot = c;
    s->stats.conflicts++;
    return true;
}

/* collect_conflicts_between: every field of r1 against every field of r2
 * with the same response name. */
static bool collect_conflicts_between(state *s, bool exclusive, const result *r1,
                                      const result *r2) {
    if (!enter_frame(s, 0)) return leave_frame(s, false);
    if (!r1->ngroups || !r2->ngroups) return leave_frame(s, true);
    const overlap_list *list = overlapping(s, r1, r2);
    if (!list) return leave_frame(s, false);
    for (uint32_t i = 0; i < list->count; i++) {
        const group *g1 = list->items[i].g1, *g2 = list->items[i].g2;
        for (uint32_t a = 0; a < g1->count; a++)
            for (uint32_t b = 0; b < g2->count; b++)
                if (!find_conflict(s, exclusive, g1->response_name, &g1->fields[a],
                                   &g2->fields[b]))
                    return leave_frame(s, false);
    }
    return leave_frame(s, true);
}

/* collect_conflicts_between_fields_and_fragment (steps D and E). */
static bool fields_and_fragment(state *s, bool exclusive, const result *r,
                                fragment_info *fragment) {
    if (!enter_frame(s, 1) || !spend(s, 1)) return leave_frame(s, false);
    if (!r->ngroups) return leave_frame(s, true);
    /* Only a non-exclusive comparison can be reused for overlapping parents. */
    uintptr_t compared = id_get(&s->compared, r->id, fragment->id);
    if (compared == 2 || (exclusive && compared == 1)) return leave_frame(s, true);
    if (!id_put(&s->compared, r->id, fragment->id, exclusive ? 1 : 2))
        return leave_frame(s, fail_nomem(s));
    if (!fragment->def) return leave_frame(s, true);
    const result *r2 = collect_fragment(s, fragment);
    if (!r2) return leave_frame(s, false);
    if (r == r2) return leave_frame(s, true);
    if (!collect_conflicts_between(s, exclusive, r, r2)) return leave_frame(s, false);
    for (uint32_t i = 0; i < r2->nfragments; i++)
        if (!fields_and_fragment(s, exclusive, r, r2->fragments[i])) return leave_frame(s, false);
    return leave_frame(s, true);
}

/* graphql-core's PairSet.has: false exclusivity is a superset of true. */
static bool pair_set_has(state *s, const fragment_info *a, const fragment_info *b,
                         bool exclusive) {
    uintptr_t ab = id_get(&s->pairs, a->id, b->id);
    if (ab && (exclusive || ab == 2)) return true;
    uintptr_t ba = id_get(&s->pairs, b->id, a->id);
    return ba && (exclusive || ba == 2);
}

/* collect_conflicts_between_fragments (steps F and G). */
static bool between_fragments(state *s, bool exclusive, fragment_info *f1, fragment_info *f2) {
    if (!enter_frame(s, 1) || !spend(s, 2)) return leave_frame(s, false);
    if (f1 == f2) return leave_frame(s, true);
    if (!reach(s, 2)) return leave_frame(s, false); /* PairSet.has, _has_ordered */
    if (pair_set_has(s, f1, f2, exclusive)) return leave_frame(s, true);
    if (!id_put(&s->pairs, f1->id, f2->id, exclusive ? 1 : 2)) return leave_frame(s, fail_nomem(s));
    if (!f1->def || !f2->def) return leave_frame(s, true);
    const result *r1 = collect_fragment(s, f1);
    const result *r2 = r1 ? collect_fragment(s, f2) : NULL;
    if (!r2 || !collect_conflicts_between(s, exclusive, r1, r2)) return leave_frame(s, false);
    for (uint32_t i = 0; i < r2->nfragments; i++)
        if (!between_fragments(s, exclusive, f1, r2->fragments[i])) return leave_frame(s, false);
    for (uint32_t i = 0; i < r1->nfragments; i++)
        if (!between_fragments(s, exclusive, r1->fragments[i], f2)) return leave_frame(s, false);
    return leave_frame(s, true);
}

/* find_conflicts_between_sub_selection_sets (steps H, I and J): the
 * conflicts are pushed on s->stack. */
static bool between_sub_selection_sets(state *s, bool exclusive,
                                       const gql_schema_type *type1,
                                       const gql_selection_set *set1,
                                       const gql_schema_type *type2,
                                       const gql_selection_set *set2) {
    if (!enter_frame(s, 0)) return leave_frame(s, false);
    const result *r1 = collect(s, type1, set1, 0);
    const result *r2 = r1 ? collect(s, type2, set2, 0) : NULL;
    if (!r2 || !collect_conflicts_between(s, exclusive, r1, r2)) return leave_frame(s, false);
    for (uint32_t i = 0; i < r2->nfragments; i++)
        if (!fields_and_fragment(s, exclusive, r1, r2->fragments[i])) return leave_frame(s, false);
    for (uint32_t i = 0; i < r1->nfragments; i++)
        if (!fields_and_fragment(s, exclusive, r2, r1->fragments[i])) return leave_frame(s, false);
    for (uint32_t i = 0; i < r1->nfragments; i++)
        for (uint32_t j = 0; j < r2->nfragments; j++)
            if (!between_fragments(s, exclusive, r1->fragments[i], r2->fragments[j]))
                return leave_frame(s, false);
    return leave_frame(s, true);
}

/* Append to out (holding *n) the last nodes of one side of c, up to
 * MAX_CONFLICT_NODES in all (graphql-core's collect_conflict_nodes step). */
static void take_tail(const conflict *c, int side, const gql_field **out, uint32_t *n) {
    const gql_field *single = side == 1 ? c->d1->node : c->d2->node;
    const gql_field *const *nodes = &single;
    uint32_t count = 1;
    if (c->kind == SUBFIELDS) {
        nodes = side == 1 ? c->nodes : c->nodes + c->n1;
        count = side == 1 ? c->n1 : c->n2;
    }
    uint32_t remaining = MAX_CONFLICT_NODES - *n;
    uint32_t take = count < remaining ? count : remaining;
    memcpy(out + *n, nodes + (count - take), take * sizeof *out);
    *n += take;
}

/* graphql-core's subfield_conflicts: the conflicts pushed since start
 * become the children of one conflict of the two fields. */
static bool subfield_conflicts(state *s, uint32_t start, const gql_sym *response_name,
                               const details *d1, const details *d2) {
    uint32_t n = s->stack.count - start;
    if (!n) return true;
    conflict *children = gql_arena_alloc(&s->scratch, n * sizeof *children);
    const gql_field **nodes = gql_arena_alloc(&s->scratch, 2 * MAX_CONFLICT_NODES * sizeof *nodes);
    if (!children || !nodes) return fail_nomem(s);
    memcpy(children, (conflict *)s->stack.items + start, n * sizeof *children);
    s->stack.count = start;
    uint32_t n1 = 1, n2 = 1;
    nodes[0] = d1->node;
    for (uint32_t i = 0; i < n && n1 < MAX_CONFLICT_NODES; i++)
        take_tail(&children[i], 1, nodes, &n1);
    const gql_field **side2 = nodes + n1;
    side2[0] = d2->node;
    for (uint32_t i = 0; i < n && n2 < MAX_CONFLICT_NODES; i++)
        take_tail(&children[i], 2, side2, &n2);
    return push_conflict(s, (conflict){response_name, d1, d2, children, nodes, n, SUBFIELDS,
                                       (uint8_t)n1, (uint8_t)n2});
}

/* graphql-core's get_field_info: the first call for a field makes its
 * FieldInfo (get_named_type, get_argument_info), reaching a frame or two
 * higher than later calls. */
static bool field_info(state *s, details *d) {
    if (d->has_info) return reach(s, 1);
    d->has_info = true;
    return reach(s, d->node->arguments.count ? 4 : 3);
}

/* The type_string of a field's FieldInfo: str(type) nests a frame per
 * list or non-null wrapper, the first time. */
static bool type_string(state *s, details *d) {
    if (d->has_type_string) return true;
    d->has_type_string = true;
    uint32_t levels = 1;
    for (const gql_type_ref *t = d->def->type; t->wrap != GQL_REF_NAMED; t = t->of_type) levels++;
    return reach(s, levels);
}

/* graphql-core's find_conflict: a conflict between two fields of one
 * response name, if any, is pushed on s->stack. */
static bool find_conflict(state *s, bool parents_exclusive, const gql_sym *response_name,
                          details *d1, details *d2) {
    /* Its first calls (typing's cache behind the Optional[...] of its
     * casts, called back from C) reach 3 frames up. */
    if (!enter_frame(s, 3)) return leave_frame(s, false);
    s->stats.field_comparisons++;
    /* Fields of different object types never apply together: they may be
     * different fields or have different arguments. */
    bool exclusive = parents_exclusive ||
                     (d1->parent_type != d2->parent_type && is_object(d1->parent_type) &&
                      is_object(d2->parent_type));
    const gql_type_ref *type1 = d1->def ? d1->def->type : NULL;
    const gql_type_ref *type2 = d2->def ? d2->def->type : NULL;
    if (!spend(s, 2)) return leave_frame(s, false);
    if (d1->simple_leaf && d2->simple_leaf && type1 == type2 &&
        d1->node->name->value == d2->node->name->value)
        return leave_frame(s, true);
    if (!exclusive) {
        if (!field_info(s, d1) || !field_info(s, d2)) return leave_frame(s, false);
        int reason = compare_fields(s, d1, d2);
        if (reason < 0) return leave_frame(s, false);
        if (reason != SAME)
            return leave_frame(s, push_conflict(s, (conflict){response_name, d1, d2, NULL, NULL, 0,
                                                              (uint8_t)reason, 1, 1}));
    }
    if (type1 && type2) {
        int c = types_conflict(s, type1, type2);
        if (c < 0) return leave_frame(s, false);
        if (c) {
            if (!field_info(s, d1) || !field_info(s, d2) || !type_string(s, d1) ||
                !type_string(s, d2))
                return leave_frame(s, false);
            return leave_frame(s, push_conflict(s, (conflict){response_name, d1, d2, NULL, NULL, 0,
                                                              CONFLICTING_TYPES, 1, 1}));
        }
    }
    const gql_selection_set *set1 = d1->node->selection_set, *set2 = d2->node->selection_set;
    if (set1 && set2) {
        uint32_t start = s->stack.count;
        if (!field_info(s, d1) || !field_info(s, d2) ||
            !between_sub_selection_sets(s, exclusive, type1 ? type1->named : NULL, set1,
                                        type2 ? type2->named : NULL, set2) ||
            !subfield_conflicts(s, start, response_name, d1, d2))
            return leave_frame(s, false);
    }
    return leave_frame(s, true);
}

/* collect_conflicts_within: every pair of fields of one response name. */
static bool collect_conflicts_within(state *s, const result *r) {
    if (!enter_frame(s, 0)) return leave_frame(s, false);
    for (uint32_t g = 0; g < r->ngroups; g++) {
        const group *grp = &r->groups[g];
        for (uint32_t i = 0; i + 1 < grp->count; i++)
            for (uint32_t j = i + 1; j < grp->count; j++)
                if (!find_conflict(s, false, grp->response_name, &grp->fields[i], &grp->fields[j]))
                    return leave_frame(s, false);
    }
    return leave_frame(s, true);
}

/* find_conflicts_within_selection_set: the conflicts are left on s->stack. */
static bool find_conflicts_within_selection_set(state *s, const gql_schema_type *parent_type,
                                                const gql_selection_set *set) {
    const result *r = collect(s, parent_type, set, 0);
    if (!r || !collect_conflicts_within(s, r)) return false;
    /* Compare fragment uses only with fields or another spread. */
    if (r->nfragments && (r->ngroups || r->nfragments > 1)) {
        for (uint32_t i = 0; i < r->nfragments; i++) {
            if (!fields_and_fragment(s, false, r, r->fragments[i])) return false;
            for (uint32_t j = i + 1; j < r->nfragments; j++)
                if (!between_fragments(s, false, r->fragments[i], r->fragments[j])) return false;
        }
    }
    return true;
}

/*=== MARK: Messages ========================================================*/

/* graphql-core's maybe_abbreviate of a name (names are ASCII: a byte is a
 * character). */
static void put_abbreviated(gql_strbuf *b, const gql_sym *name) {
    if (name->len > MAX_CONFLICT_DETAIL_LENGTH) {
        gql_strbuf_append(b, name->str, MAX_CONFLICT_DETAIL_LENGTH);
        gql_strbuf_puts(b, "...");
    } else {
        gql_strbuf_append(b, name->str, name->len);
    }
}

/* Append the reason of c, as graphql-core's Conflict holds it. Recursion
 * follows the nesting of conflicts, which find_conflict bounded. */
static void put_reason(gql_strbuf *b, const conflict *c) {
    switch ((reason_kind)c->kind) {
    case DIFFERENT_FIELDS:
        gql_strbuf_puts(b, "'");
        put_abbreviated(b, c->d1->node->name->value);
        gql_strbuf_puts(b, "' and '");
        put_abbreviated(b, c->d2->node->name->value);
        gql_strbuf_puts(b, "' are different fields");
        break;
    case DIFFERING_ARGUMENTS:
        gql_strbuf_puts(b, "they have differing arguments");
        break;
    case CONFLICTING_TYPES:
        gql_strbuf_puts(b, "they return conflicting types '");
        gql_type_ref_print(b, c->d1->def->type);
        gql_strbuf_puts(b, "' and '");
        gql_type_ref_print(b, c->d2->def->type);
        gql_strbuf_puts(b, "'");
        break;
    case SUBFIELDS: {
        /* Abbreviate while combining child reasons. */
        size_t start = b->len;
        for (uint32_t i = 0; i < c->nchildren; i++) {
            if (b->len > start) gql_strbuf_puts(b, " and ");
            gql_strbuf_puts(b, "subfields '");
            put_abbreviated(b, c->children[i].response_name);
            gql_strbuf_puts(b, "' conflict because ");
            put_reason(b, &c->children[i]);
            if (b->len - start > MAX_CONFLICT_DETAIL_LENGTH) break;
        }
        if (!b->nomem && b->len - start > MAX_CONFLICT_DETAIL_LENGTH) {
            b->len = start + MAX_CONFLICT_DETAIL_LENGTH;
            b->ptr[b->len] = '\0';
            gql_strbuf_puts(b, "...");
        }
        break;
    }
    case SAME:
        break;
    }
}

static bool report(state *s, const conflict *c) {
    gql_strbuf b = GQL_STRBUF_INIT;
    gql_strbuf_puts(&b, "Fields '");
    put_abbreviated(&b, c->response_name);
    gql_strbuf_puts(&b, "' conflict because ");
    put_reason(&b, c);
    gql_strbuf_puts(&b, ". Use different aliases on the fields to fetch both"
                        " if this was intentional.");
    if (b.nomem) {
        gql_strbuf_free(&b);
        return fail_nomem(s);
    }
    gql_ast_ref refs[2 * MAX_CONFLICT_NODES];
    uint32_t n = 0;
    if (c->kind == SUBFIELDS) {
        for (uint32_t i = 0; i < (uint32_t)c->n1 + c->n2; i++)
            refs[n++] = gql_here(s->ctx, c->nodes[i]);
    } else {
        refs[n++] = gql_here(s->ctx, c->d1->node);
        refs[n++] = gql_here(s->ctx, c->d2->node);
    }
    gql_validation_report(s->ctx, refs, n, "%s", gql_strbuf_cstr(&b));
    gql_strbuf_free(&b);
    return !s->ctx->aborted && !s->ctx->nomem;
}

/*=== MARK: The rule ========================================================*/

static bool init(gql_validation_context *ctx, void *st) {
    state *s = st;
    s->ctx = ctx;
    s->remaining = MAX_COMPLEXITY_BUDGET;
    gql_arena_init(&s->arena, 4096);
    gql_arena_init(&s->scratch, 4096);
    memset(&last_stats, 0, sizeof last_stats);
    return true;
}

static void fini(void *st) {
    state *s = st;
    last_stats = s->stats;
    gql_arena_release(&s->arena);
    gql_arena_release(&s->scratch);
    gql_free(s->canon.slots);
    pair_free(&s->collected);
    pair_free(&s->fragments);
    id_map *maps[] = {&s->compared, &s->pairs, &s->reasons, &s->overlaps};
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) gql_free(maps[i]->slots);
    gql_free(s->groups_seen.slots);
    gql_free(s->spreads_seen.slots);
    vec *vecs[] = {&s->stack,  &s->walk,   &s->pending, &s->names_found, &s->spreads_found,
                   &s->found,  &s->frames, &s->keys,    &s->bytes};
    for (size_t i = 0; i < sizeof vecs / sizeof vecs[0]; i++) gql_free(vecs[i]->items);
}

static gql_visit_action enter_selection_set(gql_validation_context *ctx, void *st,
                                            const gql_node *n) {
    state *s = st;
    /* Inline fragments are flattened into their enclosing response level. */
    const gql_node *parent = gql_validation_ancestor(ctx, 1);
    if (parent && parent->kind == GQL_INLINE_FRAGMENT) return GQL_VISIT_CONTINUE;
    const gql_selection_set *set = (const gql_selection_set *)n;
    const gql_list *selections = &set->selections;
    if (selections->count <= 1 &&
        !(selections->count && selections->items[0]->kind == GQL_INLINE_FRAGMENT))
        return GQL_VISIT_CONTINUE;
    s->depth = PY_BASE_DEPTH;
    s->stack.count = 0;
    if (find_conflicts_within_selection_set(s, gql_type_info_parent_type(ctx), set)) {
        const conflict *found = s->stack.items;
        for (uint32_t i = 0; i < s->stack.count; i++)
            if (!report(s, &found[i])) break;
    }
    s->stack.count = 0;
    if (s->scratch.chunk) {
        gql_arena_release(&s->scratch);
        gql_arena_init(&s->scratch, 4096);
    }
    return ctx->nomem ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_overlapping_fields_can_be_merged = {
    .name = "OverlappingFieldsCanBeMergedRule",
    .state_size = sizeof(state),
    .init = init,
    .fini = fini,
    .enter = {[GQL_SELECTION_SET] = enter_selection_set},
};
