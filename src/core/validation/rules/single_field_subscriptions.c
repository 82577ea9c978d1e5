/*
 * single_field_subscriptions.c: graphql-core 3.2.14's
 * SingleFieldSubscriptionsRule. A subscription selects exactly one root
 * field, and not an introspection field. The root fields are collected as
 * the executor collects them (graphql-core's collect_fields with no
 * variable values): fragments and inline fragments whose type condition
 * matches the subscription type are expanded, each fragment once. The
 * September 2025 specification forbids @skip and @include there, so the
 * rule first reports any (gql_subscription_root_conditionals) and only then
 * collects; graphql-core 3.2.14 instead evaluates them without variable
 * values and raises out of validate when "if" is not a literal boolean. The
 * work of the collection counts against graphql-core's fragment work
 * budget.
 *
 * graphql-core recurses into fragments; this walk keeps an explicit stack
 * of the selection sets being collected.
 */
#include <string.h>

#include "mem.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

typedef struct response_key {
    const gql_sym *key;          /* alias or name */
    const gql_field **fields;    /* the fields of that key (malloc'd) */
    uint32_t count, cap;         /* their number, capacity */
} response_key;

typedef struct collect {
    response_key *keys;          /* in first-seen order (malloc'd) */
    uint32_t nkeys, keys_cap;    /* number, capacity */
    gql_symmap key_index;        /* response key -> index + 1 */
    gql_symmap visited;          /* fragment names expanded */
    struct frame {
        const gql_selection_set *set;  /* the selection set being collected */
        uint32_t next;                 /* its next selection */
    } *stack;                    /* (malloc'd) */
    uint32_t depth, stack_cap;   /* depth, capacity */
} collect;

typedef struct state {
    bool counted_definitions;    /* graphql-core's self._fragments was built */
} state;

static bool is_named(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

/* reserve_selection_set_work: false when the budget is exhausted. */
static bool reserve(gql_validation_context *ctx, const gql_selection_set *set) {
    size_t cost = set->selections.count;
    for (uint32_t i = 0; i < set->selections.count; i++) {
        const gql_list *directives = gql_node_directives(set->selections.items[i]);
        if (!directives || !directives->count) continue;
        cost += directives->count;
        for (uint32_t j = 0; j < directives->count; j++) {
            const gql_directive *d = (const gql_directive *)directives->items[j];
            if (is_named(d->name->value, "skip") || is_named(d->name->value, "include"))
                cost += d->arguments.count;
        }
    }
    return gql_validation_spend_fragment_work(ctx, cost);
}

/* does_fragment_condition_match against the subscription type. */
static bool condition_matches(const gql_validation_context *ctx, const gql_named_type *cond,
                              const gql_schema_type *type) {
    if (!cond) return true;
    const gql_schema_type *t = gql_schema_lookup_type(ctx->schema, cond->name->value);
    if (t == type) return true;
    return gql_type_is_abstract(t) && gql_is_sub_type(t, type);
}

static bool push_set(gql_validation_context *ctx, collect *c, const gql_selection_set *set) {
    if (!reserve(ctx, set)) return false;
    if (c->depth == c->stack_cap) {
        uint32_t cap = c->stack_cap ? c->stack_cap * 2 : 16;
        struct frame *p = gql_realloc(c->stack, cap * sizeof *p);
        if (!p) {
            ctx->nomem = true;
            return false;
        }
        c->stack = p;
        c->stack_cap = cap;
    }
    c->stack[c->depth++] = (struct frame){set, 0};
    return true;
}

static bool add_field(collect *c, const gql_field *field) {
    const gql_sym *key = field->alias ? field->alias->value : field->name->value;
    uintptr_t at = (uintptr_t)gql_symmap_get(&c->key_index, key);
    if (!at) {
        if (c->nkeys == c->keys_cap) {
            uint32_t cap = c->keys_cap ? c->keys_cap * 2 : 8;
            response_key *p = gql_realloc(c->keys, cap * sizeof *p);
            if (!p) return false;
            c->keys = p;
            c->keys_cap = cap;
        }
        c->keys[c->nkeys] = (response_key){key, NULL, 0, 0};
        if (!gql_symmap_put(&c->key_index, key, (void *)(uintptr_t)(c->nkeys + 1))) return false;
        at = ++c->nkeys;
    }
    response_key *k = &c->keys[at - 1];
    if (k->count == k->cap) {
        uint32_t cap = k->cap ? k->cap * 2 : 4;
        const gql_field **p = gql_realloc((void *)k->fields, cap * sizeof *p);
        if (!p) return false;
        k->fields = p;
        k->cap = cap;
    }
    k->fields[k->count++] = field;
    return true;
}

/* collect_fields(schema, fragments, {}, type, selection_set): false when
 * validation stops (aborted, out of memory). No @skip or @include is left to
 * evaluate: gql_subscription_root_conditionals reported them already. */
static bool collect_fields(gql_validation_context *ctx, collect *c, const gql_schema_type *type,
                           const gql_selection_set *root) {
    if (!push_set(ctx, c, root)) return false;
    while (c->depth) {
        struct frame *f = &c->stack[c->depth - 1];
        if (f->next == f->set->selections.count) {
            c->depth--;
            continue;
        }
        const gql_node *sel = f->set->selections.items[f->next++];
        if (sel->kind == GQL_FIELD) {
            if (!add_field(c, (const gql_field *)sel)) {
                ctx->nomem = true;
                return false;
            }
        } else if (sel->kind == GQL_INLINE_FRAGMENT) {
            const gql_inline_fragment *inl = (const gql_inline_fragment *)sel;
            if (!condition_matches(ctx, inl->type_condition, type)) continue;
            if (!push_set(ctx, c, inl->selection_set)) return false;
        } else {
            const gql_sym *name = ((const gql_fragment_spread *)sel)->name->value;
            if (gql_symmap_get(&c->visited, name)) continue;
            if (!gql_symmap_put(&c->visited, name, (void *)name)) {
                ctx->nomem = true;
                return false;
            }
            const gql_fragment_definition *frag = gql_validation_fragment(ctx, name);
            if (!frag || !condition_matches(ctx, frag->type_condition, type)) continue;
            if (!push_set(ctx, c, frag->selection_set)) return false;
        }
    }
    return true;
}

static void report(gql_validation_context *ctx, const gql_operation_definition *op,
                   const gql_field *const *fields, uint32_t n, const char *what) {
    gql_ast_ref *at = gql_malloc((n ? n : 1) * sizeof *at);
    if (!at) {
        ctx->nomem = true;
        return;
    }
    for (uint32_t i = 0; i < n; i++) at[i] = gql_here(ctx, fields[i]);
    if (op->name)
        gql_validation_report(ctx, at, n, "Subscription '%s' must %s top level field.",
                              op->name->value->str, what);
    else
        gql_validation_report(ctx, at, n, "Anonymous Subscription must %s top level field.",
                              what);
    gql_free(at);
}

static void check(gql_validation_context *ctx, const gql_operation_definition *op,
                  const collect *c) {
    if (c->nkeys > 1) {
        uint32_t n = 0;
        for (uint32_t i = 1; i < c->nkeys; i++) n += c->keys[i].count;
        const gql_field **extra = gql_malloc(n * sizeof *extra);
        if (!extra) {
            ctx->nomem = true;
            return;
        }
        n = 0;
        for (uint32_t i = 1; i < c->nkeys; i++)
            for (uint32_t j = 0; j < c->keys[i].count; j++) extra[n++] = c->keys[i].fields[j];
        report(ctx, op, extra, n, "select only one");
        gql_free(extra);
    }
    for (uint32_t i = 0; i < c->nkeys; i++) {
        const gql_sym *name = c->keys[i].fields[0]->name->value;
        if (name->len >= 2 && name->str[0] == '_' && name->str[1] == '_')
            report(ctx, op, c->keys[i].fields, c->keys[i].count,
                   "not select an introspection");
    }
}

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    state *s = st;
    const gql_operation_definition *op = (const gql_operation_definition *)n;
    if (n->flags != GQL_SUBSCRIPTION) return GQL_VISIT_CONTINUE;
    const gql_schema_type *type = gql_schema_root_type(ctx->schema, GQL_SUBSCRIPTION);
    if (!type) return GQL_VISIT_CONTINUE;
    if (!s->counted_definitions) {
        s->counted_definitions = true;
        if (!gql_validation_spend_fragment_work(
                ctx, gql_document_root(ctx->docs[0])->definitions.count))
            return GQL_VISIT_BREAK;
    }
    /* September 2025: @skip and @include are not allowed at the top level
       of a subscription; when some are there, that is the only error. */
    if (gql_subscription_root_conditionals(ctx, op))
        return ctx->nomem ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
    collect c;
    memset(&c, 0, sizeof c);
    if (collect_fields(ctx, &c, type, op->selection_set)) check(ctx, op, &c);
    for (uint32_t i = 0; i < c.nkeys; i++) gql_free((void *)c.keys[i].fields);
    gql_free(c.keys);
    gql_free(c.stack);
    gql_symmap_free(&c.key_index);
    gql_symmap_free(&c.visited);
    return GQL_VISIT_CONTINUE;
}

const gql_rule gql_rule_single_field_subscriptions = {
    .name = "SingleFieldSubscriptionsRule",
    .state_size = sizeof(state),
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation},
};
